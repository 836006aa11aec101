"""職権による記載 and the late 転出届 (住民記録 1.0 1.2.2 R010, 4.1.3.0.1 R002) in the reference's driver.

A 転入 entered with the driver's ``職権: true`` is a 職権記載 (4.2.1): no 届出 and so no 届出年月日, the 1.2.2 区分
職権記載 (R010). A 転出届 made when 14 days have passed since the 転出 (its 届出年月日 more than 14 days after the
異動日, the 転出予定年月日 entered) is not recorded as the 届出 but ex officio (4.1.3.0.1 R002): the 1.2.2 区分
職権消除. The 転入通知 of a person whose 住民票 was removed ex officio (職権消除 after a 実態調査) is entered on
their 除票 (4.1.3.1.1 R002): its 通知年月日 and 転出先住所（確定）, the 消除 left as it was. A 住所設定 (4.2.1.1 R001)
takes 「不明」 as the 転入前住所; a 出入国在留管理庁長官通知 with ``消除: true`` removes the 住民票 (4.5.6 R001). Kept
apart from reference/driver.py, which calls these.

Named defects (defects.py): ``shokken_entry_as_tennyu`` (a 職権記載 recorded as 国内転入), ``late_tenshutsu_as_todoke``
(the 14-day rule ignored), ``kojo_notice_refused`` (the 通知 of a 職権消除'd person refused),
``previous_address_unknown_refused`` (「不明」 refused as the 転入前住所), ``moj_notice_removal_ignored`` (a 長官通知's
消除 recorded as a 修正).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

FLAG, TODOKE = "職権", "届出年月日"
#: 4.1.3.0.1 R002: 転出届出日が異動日から14日を経過している場合 (more than 14 days after it).
LATE_DAYS = 14


def ex_officio(body: Mapping[str, Any]) -> bool:
    """Whether the 異動 is entered ex officio (no 届出)."""
    return body.get(FLAG) is True


def ex_officio_removal(body: Mapping[str, Any]) -> bool:
    """Whether a 出入国在留管理庁長官通知 removes the 住民票 (``消除: true``, 4.5.6 R001) instead of correcting it."""
    return body.get("消除") is True


#: 4.2.1.1 R001: the 転入前住所 of a 住所設定 whose 前住所地 cannot be established.
UNKNOWN_ADDRESS = "不明"


def previous_address_refused(persons: list[dict[str, str]], defects: frozenset[str]) -> bool:
    """4.2.1.1 R001: 「不明」 may be entered as the 転入前住所. The defect ``previous_address_unknown_refused`` is a
    system that takes only an address of its 住所辞書 there (「不明」 is none): the entry is refused."""
    return "previous_address_unknown_refused" in defects \
        and any(person.get("転入前住所") == UNKNOWN_ADDRESS for person in persons)


def entry_reason(body: Mapping[str, Any], reason: str, defects: frozenset[str]) -> str:
    """The 1.2.2 区分 of a 転入: 職権記載 when entered ex officio."""
    if ex_officio(body) and "shokken_entry_as_tennyu" not in defects:
        return "職権記載"
    return reason


def out_reason(moved: date, notified: date, reason: str, defects: frozenset[str]) -> str:
    """The 1.2.2 区分 of a 転出: 職権消除 when its 届出 comes more than 14 days after the 異動日."""
    if (notified - moved).days > LATE_DAYS and "late_tenshutsu_as_todoke" not in defects:
        return "職権消除"
    return reason


#: 住民状態 of a 住民票 removed ex officio (職権消除), as reference/driver.py writes it.
REMOVED = "9"
NEXT_ADDRESS = "転出先住所（確定）_市区町村コード"


def removed_ex_officio(row: Mapping[str, str]) -> bool:
    """Whether the person's 住民票 was removed ex officio (a 転入通知 then completes their 除票)."""
    return row.get("住民状態") == REMOVED


def notice_after_removal(row: Mapping[str, str], body: Mapping[str, Any], arrived: date,
                         defects: frozenset[str]) -> dict[str, str]:
    """The 除票 row of a 職権消除'd person with what their 転入通知 names (4.1.3.1.1 R002)."""
    if "kojo_notice_refused" in defects:  # a system that only takes the 通知 of a 転出 it recorded
        raise ValueError("no 転出 recorded for this person: a 転入通知 needs one")
    changed = {**row, "転出年月日（確定）": arrived.isoformat()}
    if body.get(NEXT_ADDRESS):
        changed[NEXT_ADDRESS] = str(body[NEXT_ADDRESS])
    return changed
