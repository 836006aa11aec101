"""The shugaku oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case asks what it gives: ``birth`` -> 小学校入学日 and 中学校入学日, the first days of the 就学義務 of 学校教育法
第17条第1項 and 第2項, and 就学予定者の学年, the 学年 (its 4月1日's year) in which the child is a 就学予定者 of the
学齢簿 (施行令 第2条); ``entry_year`` (the year of the 4月1日 of entry) -> 通知期限, the earliest day 施行令 第5条第1項
allows for the 入学期日's notice; with ``recorded`` (the day the child was newly recorded on the 学齢簿, a move-in)
-> 速やかに通知, whether the notice is the 「速やかに」 one of 施行令 第6条第1号.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.shugaku import oracle as shugaku
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    if case.get("birth"):
        birth = _day(case["birth"])
        found["小学校入学日"] = shugaku.elementary_period(birth)[0].isoformat()
        found["中学校入学日"] = shugaku.lower_secondary_period(birth)[0].isoformat()
        years = [year for year in range(birth.year, birth.year + 8) if shugaku.is_entrant(birth, year)]
        found["就学予定者の学年"] = years[0] if years else None
    if case.get("entry_year"):
        fiscal_year = int(case["entry_year"]) - 1
        found["通知期限"] = min(shugaku.notice_deadlines(fiscal_year)).isoformat()
        if case.get("recorded"):
            found["速やかに通知"] = shugaku.is_late_entrant(fiscal_year, _day(case["recorded"]))
    return found
