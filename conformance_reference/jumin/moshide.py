"""The days a 職権記載等 records (住民記録 1.0 4.2.0.5 申出日, 4.2.0.4 戸籍届出・通知日) in the reference's driver.

A 職権記載等 made on a 申出 (the driver's ``申出: true``, or a ``申出年月日`` given) records its 申出日 on the
history row it appends, as the item 申出年月日 (R002): the record shows that it was made on a 申出 (R001). An
operation that gives no 申出年月日 gets the 処理日, the day the screen shows at first (R003: 処理日当日を初期表示).
A 職権記載等 without a 申出 records none. Kept apart from reference/driver.py, which calls :func:`offered`.

A 職権消除 on a 戸籍通知 (the 失踪宣告's 法第９条第２項 notice) entered without its 通知年月日 likewise records the
処理日 (4.2.0.4 R002: 戸籍届出・通知日は、処理当日を初期表示すること): :func:`notice_day`.

Named defects (defects.py): ``moshide_day_dropped`` (no 申出年月日 recorded), ``moshide_day_from_move_day`` (the
day left out taken from the 異動日 instead of the 処理日), ``tsuchibi_default_blank`` (a 通知 entered without its
day records none), ``correction_notice_day_dropped`` (a 職権修正 on a 戸籍通知 keeps no 通知日).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

ITEM, FLAG, NOTICE = "申出年月日", "申出", "通知年月日"


def offered(body: Mapping[str, Any], processed: date, moved: date, defects: frozenset[str]) -> date | None:
    """The 申出年月日 to record on the row of a 職権記載等; None when it is not made on a 申出."""
    given = body.get(ITEM)
    if not given and body.get(FLAG) is not True:
        return None
    if "moshide_day_dropped" in defects:
        return None
    if given:
        return date.fromisoformat(str(given))
    return moved if "moshide_day_from_move_day" in defects else processed


def correction_days(body: Mapping[str, Any], processed: date, moved: date, defects: frozenset[str]) -> dict[str, date]:
    """The days a 職権修正 records beside its 異動日: its 申出年月日 (4.2.0.5) and the 戸籍届出・通知日 of the 戸籍通知
    it is made on (4.2.0.4 R001, the item 通知年月日; ``correction_notice_day_dropped`` keeps none)."""
    days: dict[str, date] = {}
    day = offered(body, processed, moved, defects)
    if day is not None:
        days[ITEM] = day
    if body.get(NOTICE) and "correction_notice_day_dropped" not in defects:
        days[NOTICE] = date.fromisoformat(str(body[NOTICE]))
    return days


def notice_day(body: Mapping[str, Any], processed: date, defects: frozenset[str]) -> Mapping[str, Any]:
    """The request of a 戸籍通知 with its 通知年月日: the one given, else the 処理日 (4.2.0.4 R002)."""
    if body.get(NOTICE) or "tsuchibi_default_blank" in defects:
        return body
    return {**body, NOTICE: processed.isoformat()}
