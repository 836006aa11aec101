"""The 除票 a 転入通知 makes (住民記録 1.0 1.1.5 R010-R018; 4.1.3.1.1 R001), and the named defects that break it.

The 除票 keeps every item of the 転出 row (消除事由 as its 異動事由, 転出先住所（予定）, 転出予定年月日 as the
事由の生じた年月日, 届出の年月日) and adds what the 通知 brings: 転出先住所（確定） (the driver's optional
``転出先住所（確定）_市区町村コード``), 転入通知年月日 (通知年月日) and 転出年月日（確定）. The defects fire only on a
通知 that names the 転出先住所（確定）, the path of the 1.1.5 scenarios (the model of 4.x never sends one).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

#: The driver's field (moves.out_confirm) and the item it sets: 1.1.5 R015 転出先住所（確定）.
NEXT_ADDRESS = "転出先住所（確定）_市区町村コード"
#: Items of the 転出 row a 除票 rebuilt from the 通知 alone loses (``joshuhyo_rebuilt_from_notice``).
_FROM_THE_MOVE_OUT = ("転出先住所（予定）_市区町村コード", "転出予定年月日", "届出年月日")


def confirmed(removal: Mapping[str, str], body: Mapping[str, Any], notified: date, reason: str,
              defects: frozenset[str]) -> tuple[dict[str, str], str, date | None]:
    """The 除票 row ``removal`` (the 転出 row, 住民状態 and 転出年月日（確定） set) with what the 通知 names, its 1.2.2
    区分 and the 通知年月日 it records."""
    changed = dict(removal)
    named = str(body.get(NEXT_ADDRESS) or "")
    if named:
        changed[NEXT_ADDRESS] = named
    if not named:
        return changed, reason, notified
    return _broken(changed, reason, notified, defects)


def _broken(changed: dict[str, str], reason: str, notified: date,
            defects: frozenset[str]) -> tuple[dict[str, str], str, date | None]:
    """``changed`` under the 1.1.5 defects (each breaks one item, or the group of the 転出 row's items)."""
    if "joshuhyo_next_address_dropped" in defects:
        changed[NEXT_ADDRESS] = ""  # R015: the 転出先住所（確定） of the 通知 is not recorded
    if "joshuhyo_rebuilt_from_notice" in defects:
        changed.update({name: "" for name in _FROM_THE_MOVE_OUT})  # R012, R013, R016
    if "joshuhyo_removal_date_dropped" in defects:
        changed["転出年月日（確定）"] = ""  # R018
    if "joshuhyo_reason_kojo" in defects:
        reason = "職権消除"  # R011: the 消除事由 is no longer the 転出
    return changed, reason, None if "joshuhyo_notice_date_dropped" in defects else notified


def adoption_refused(body: Mapping[str, Any], defects: frozenset[str]) -> bool:
    """1.1.5 R002: a 転出 on a 特別養子縁組 may leave the 転出先住所 blank; under the ``adoption_destination_required``
    defect the reference refuses it all the same (as a blank 1.1.6 does not allow)."""
    return "adoption_destination_required" in defects and body.get("特別養子縁組") is True \
        and not body.get("転出先住所_市区町村コード")
