"""The reference vendor's 軽自動車税 種別割 (地方税法 第443条, 第463条の15-第463条の18), read from the
person's 軽自動車税 record (one vehicle: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.keijidosha_zei.oracle` on purpose (a table by 号 here, by class code
there is shared only as the code; the dates as text spans here): the scenario checks compare the two.
Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day

#: 第463条の15第1項 by 号: the class code's 号 and the rest -> yen (年額, 一台について).
_TABLE: dict[str, dict[str, int]] = {
    "1": {"イ": 2000, "ロ": 2000, "ハ": 2000, "ニ": 2400, "ホ": 3700},
    "2": {"イ": 3600, "ロ": 3900, "ハ(1)(i)": 6900, "ハ(1)(ii)": 10800, "ハ(2)(i)": 3800, "ハ(2)(ii)": 5000},
    "3": {"": 6000},
}
#: The rates before 平成27年度 (四輪乗用自家用 7,200円 ...): what ``keijidosha_old_rates`` answers.
_OLD: dict[str, int] = {"2ハ(1)(ii)": 7200, "2ハ(1)(i)": 5500, "2ハ(2)(ii)": 4000, "2ハ(2)(i)": 3000}


def _rate(code: str, defects: frozenset[str]) -> int | None:
    if "keijidosha_old_rates" in defects and code in _OLD:
        return _OLD[code]
    rate = _TABLE.get(code[:1], {}).get(code[1:])
    if rate is not None and "keijidosha_rate_doubled" in defects:
        return rate * 2
    return rate


def _owner_on(record: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    acquired, released = parse_day(record.get("取得年月日", "")), parse_day(record.get("所有終了年月日", ""))
    if acquired is None:
        return False
    if "keijidosha_levy_on_april_2" in defects:
        day = date(day.year, 4, 2)
    return acquired <= day and (released is None or day < released)


def keijidosha(row: Mapping[str, str], record: Mapping[str, str], fiscal_year: int,
               defects: frozenset[str]) -> dict[str, Any]:
    """The 軽自動車税 part of the per-person query: the 種別割 of 年度 ``fiscal_year`` on the person's
    vehicle (no record: not liable)."""
    here = record.get("主たる定置場_市区町村コード", "") == row.get("住所_市区町村コード", "")
    if "keijidosha_stationed_anywhere" in defects:
        here = True
    liable = bool(record) and here and _owner_on(record, date(fiscal_year, 4, 1), defects)
    code = record.get("車両区分", "")
    if "keijidosha_small_two_wheel_untaxed" in defects and code == "3":
        liable = False  # 二輪の小型自動車 read as no 軽自動車等
    if not liable:
        return {"納税義務者": False, "車両区分": code or None, "種別割税額": None, "納期限": None,
                "納税通知書交付日": None, "徴収方法": None}
    due = date(fiscal_year, 3, 31) if "keijidosha_due_before_levy_date" in defects else date(fiscal_year, 4, 30)
    notice = due - timedelta(days=5 if "keijidosha_notice_late" in defects else 20)
    return {
        "納税義務者": True,
        "車両区分": code,
        "種別割税額": _rate(code, defects),
        "納期限": due.isoformat(),
        "納税通知書交付日": notice.isoformat(),
        "徴収方法": "特別徴収" if "keijidosha_special_collection" in defects else "普通徴収",
    }
