"""Scenario checks of 児童手当 (児童手当法; the statute edition ``jido_teate 2025.12``) beyond the first
month and the amounts (``scenario.jido_teate.start_month``, ``.amounts`` in :mod:`conformance.checks.scenarios`).

The machinery of :mod:`conformance.checks.scenarios` (generated claimants and their children appended to
the vendor, the per-person query, compared with :mod:`conformance.domains.jido_teate.oracle`). Each check judges
one field of the answer's ``児童手当`` part, so a wrong answer about one provision fails that provision's
check and no other:

- each child's ``児童該当終了日`` (第3条第1項: the first 3月31日 on or after reaching 18);
- each child's ``三歳以上算定開始月`` (第6条第2項第4号, 第5号: born on the first of a month, 三歳以上 only
  three years after the birth);
- ``支払期月``, the month each month of the 年度 is paid in (第8条第4項);
- the amounts of the last month paid when the claimant moves out or dies (第6条第1項: a whole month);
- ``受給資格`` on ``as_of`` (第4条第1項第1号: a 児童 in the household and an address in Japan).

Claimants who leave have children aged 5 to 14 (or adults past every 児童 age) in the months asked
about, so the age limits and the 三歳 boundary, judged by their own checks, never change these answers.
A 転出 without a 転入通知 is a move abroad (the harness's reading of the 住民記録 row, as for 国民年金).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import (
    Loaded,
    Projection,
    Rule,
    Scenario,
    _birth,
    _near,
    _part,
    families,
    picked,
    rule_check,
)
from conformance.domains.jido_teate import oracle as jido
from conformance.domains.jido_teate.oracle import child_end_date, end_month, monthly_amount, start_month
from conformance.oracles.dates import Month, fiscal_year_months, fiscal_year_of, month_of

_REFORM: Month = (2024, 10)

#: 児童手当 worked examples (claims of 2025-04-10, paid from 2025-05): a child born 2007-04-01 reaches 18
#: on 2025-03-31 and is a 児童 until that day (第3条第1項: nothing from 2025-05); one born 2022-05-01 (the
#: first of a month) is under 3 through 2025-05 and 三歳以上 from 2025-06 (第6条第2項第4号, 第5号).
AGED_OUT = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 4, 10),
                    children=(date(2007, 4, 1), date(2015, 5, 5)))
TURNING_THREE = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 4, 10),
                         children=(date(2022, 5, 1),))
#: Born 2024-12-25, claimed 2025-01-09 (the 15th day after): paid from 2025-01 (15日特例).
CLAIMED_WITHIN_15_DAYS = Scenario(2024, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9),
                                  children=(date(2024, 12, 25),))


def _jido_event(s: Scenario) -> date | None:
    """The event a 15日特例 counts from: the latest birth or 転出予定日 on or before the claim."""
    assert s.claim is not None
    events = [day for day in (s.previous_planned_out, *s.children) if day is not None and day <= s.claim]
    return max(events) if events else None


def _jido_start(s: Scenario, town: str) -> Projection:
    assert s.claim is not None
    year, month = start_month(s.claim, event=_jido_event(s))
    return {"支給開始月": f"{year:04d}-{month:02d}"}


def _counts(birth: date, month: Month) -> bool:
    return month_of(birth) < month <= month_of(child_end_date(birth))


def _jido_amounts(s: Scenario, town: str) -> Projection:
    """Per child and month: 児童手当法 counts the order among the children the claimant supports;
    the harness takes the children in the household who count that month, eldest first. Paid from
    the first month (第8条第2項, 第3項) to the month of a move-out or death (第8条第2項)."""
    assert s.claim is not None
    first = start_month(s.claim, event=_jido_event(s))
    last = end_month(s.moved_out) if s.moved_out is not None else None
    months = [m for m in fiscal_year_months(s.fiscal_year)
              if m >= first and m >= _REFORM and (last is None or m <= last)]
    amounts: dict[str, int] = {}
    for month in months:
        counting = [index for index, birth in enumerate(s.children) if _counts(birth, month)]
        for index, birth in enumerate(s.children):
            order = counting.index(index) + 1 if index in counting else 1
            amounts[f"{index}:{month[0]:04d}-{month[1]:02d}"] = monthly_amount(birth, order, month)
    return {"月額": amounts}


def _jido_actual_amounts(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    amounts: dict[str, int] = {}
    for child in _part(document, "児童手当").get("児童") or []:
        index = loaded.children.index(child.get("宛名番号")) if child.get("宛名番号") in loaded.children else -1
        for entry in child.get("月額") or []:
            amounts[f"{index}:{entry.get('月')}"] = entry.get("金額")
    return {"月額": amounts}

PART = "児童手当"


def _iso_month(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def leaving_families(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A claimant (resident since 2005) with children aged 5 to 14 and maybe grown-up ones, claiming
    from 令和6年10月, who may move abroad, to another municipality, or die two months to a year later;
    asked about on a day around the end (the 年度 of the end)."""
    claim = draw(st.dates(date(2024, 10, 1), date(2025, 12, 31)))
    # Distinct days: the order of twins is the vendor's (宛名番号), not the scenario's.
    young = draw(st.lists(st.dates(date(2010, 4, 2), date(2019, 12, 31)), min_size=0, max_size=3, unique=True))
    grown = draw(st.lists(st.dates(date(1995, 1, 1), date(2004, 3, 31)), min_size=0 if young else 1, max_size=2))
    start = Scenario(fiscal_year_of(claim), date(1985, 6, 6), date(2005, 4, 1), claim=claim,
                     children=tuple(sorted((*young, *grown))))
    day = claim + timedelta(days=draw(st.integers(62, 400)))
    kind = draw(st.sampled_from(("none", "abroad", "moved", "gap", "early", "died")))
    step = draw(st.integers(1, 10))
    ended = {
        "none": start,
        "abroad": replace(start, planned_out=day),
        "moved": replace(start, planned_out=day, elsewhere=day, next=codes[0]),
        "gap": replace(start, planned_out=day, elsewhere=day + timedelta(days=step), next=codes[1]),
        "early": replace(start, planned_out=day + timedelta(days=step), elsewhere=day, next=codes[0]),
        "died": replace(start, died=day),
    }[kind]
    last = ended.moved_out or day
    return replace(ended, fiscal_year=fiscal_year_of(last), as_of=draw(_near(last, 3)))


def _moved_away(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return leaving_families(codes).filter(lambda s: s.moved_out is not None)


@st.composite
def _with_boundary_children(draw: st.DrawFn, codes: tuple[str, str], first: int, last: int) -> Scenario:
    """A family (:func:`families`) with one more child born in ``first``-``last``, often on a boundary."""
    family = draw(families(codes))
    extra = draw(_birth(first, last))
    return replace(family, children=tuple(sorted((*family.children, extra))))


def _teenagers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Families with a child reaching 18 around the 年度 (born 2005-2008, 4月1日 and 4月2日 often)."""
    return _with_boundary_children(codes, 2005, 2008)


def _toddlers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Families with a child turning 3 around the 年度 (born 2021-2023, on the 1st often)."""
    return _with_boundary_children(codes, 2021, 2023)


# -- rules ----------------------------------------------------------------------------------------


def _child_end(s: Scenario, town: str) -> Projection:
    return {"児童該当終了日": {str(index): jido.child_end_date(birth).isoformat()
                          for index, birth in enumerate(s.children)}}


def _three_and_over(s: Scenario, town: str) -> Projection:
    return {"三歳以上算定開始月": {str(index): _iso_month(jido.three_and_over_from(birth))
                            for index, birth in enumerate(s.children)}}


def _payment_months(s: Scenario, town: str) -> Projection:
    last = jido.end_month(s.moved_out) if s.moved_out is not None else None
    months = [m for m in fiscal_year_months(s.fiscal_year) if m >= jido.REFORM_MONTH and (last is None or m <= last)]
    return {"支払期月": [{"月": _iso_month(m), "支払月": _iso_month(jido.payment_month(m))} for m in months]}


def _last_month_amounts(s: Scenario, town: str) -> Projection:
    """The amounts of the month of the move-out or death (the last month paid), each a whole month."""
    assert s.moved_out is not None
    last = _iso_month(jido.end_month(s.moved_out))
    amounts = _jido_amounts(s, town)["月額"]
    return {"月額": {key: value for key, value in amounts.items() if key.endswith(":" + last)}}


def _eligible(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    left_japan = s.planned_out if s.died is None and s.elsewhere is None else None
    return {"受給資格": jido.is_eligible(s.children, s.as_of, left_japan=left_japan, died=s.died)}


def _children(document: Mapping[str, Any], loaded: Loaded) -> list[tuple[int, Mapping[str, Any]]]:
    """The answer's children with the index of each in the scenario (-1: a child it does not know)."""
    part = document.get(PART)
    listed = part.get("児童") if isinstance(part, Mapping) else None
    return [(loaded.children.index(child.get("宛名番号")) if child.get("宛名番号") in loaded.children else -1, child)
            for child in listed or [] if isinstance(child, Mapping)]


def _per_child(name: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return {name: {str(index): child.get(name) for index, child in _children(document, loaded)}}

    return pick


def _last_amounts(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """Each child's amount of the last month the answer lists."""
    amounts: dict[str, Any] = {}
    for index, child in _children(document, loaded):
        entries = [entry for entry in child.get("月額") or [] if isinstance(entry, Mapping)]
        if entries:
            amounts[f"{index}:{entries[-1].get('月')}"] = entries[-1].get("金額")
    return {"月額": amounts}


#: Worked examples: 2024-12 and 2025-01 paid in 2025-02 (第8条第4項); a move abroad on 2025-06-10 after a
#: claim of 2025-01-09 (paid 2025-02 to 2025-06, the whole of 2025-06: 第6条第1項, 第8条第2項; no 受給資格
#: from 2025-06-11: 第4条第1項第1号).
PAID_IN_EVEN_MONTHS = CLAIMED_WITHIN_15_DAYS
LEFT_MID_MONTH = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9),
                          planned_out=date(2025, 6, 10), as_of=date(2025, 6, 11),
                          children=(date(2012, 8, 8), date(2016, 3, 3)))

JIDO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("jido_teate.child_end", "児童手当: a 児童 until the first 3月31日 after reaching 18 (第3条第1項)",
         _teenagers, _child_end, _per_child("児童該当終了日"), (AGED_OUT,)),
    Rule("jido_teate.three_and_over", "児童手当: 三歳以上 from the month after the 3rd birthday's, born on the 1st "
         "too (第6条第2項第4号, 第5号)", _toddlers, _three_and_over, _per_child("三歳以上算定開始月"),
         (TURNING_THREE,)),
    Rule("jido_teate.payment_months", "児童手当: paid in the even months for the months before (第8条第4項)",
         families, _payment_months, picked(PART, "支払期月"), (PAID_IN_EVEN_MONTHS,)),
    Rule("jido_teate.whole_month", "児童手当: the month of a move-out or death paid whole (第6条第1項)",
         _moved_away, _last_month_amounts, _last_amounts, (LEFT_MID_MONTH,)),
    Rule("jido_teate.eligibility", "児童手当: 受給資格 with a 児童 and an address in Japan (第4条第1項第1号)",
         leaving_families, _eligible, picked(PART, "受給資格"), (LEFT_MID_MONTH,)),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(JIDO_RULES[name])


jido_teate_child_end = check("scenario.jido_teate.child_end")(_rule_check("jido_teate.child_end"))
jido_teate_three_and_over = check("scenario.jido_teate.three_and_over")(_rule_check("jido_teate.three_and_over"))
jido_teate_payment_months = check("scenario.jido_teate.payment_months")(_rule_check("jido_teate.payment_months"))
jido_teate_whole_month = check("scenario.jido_teate.whole_month")(_rule_check("jido_teate.whole_month"))
jido_teate_eligibility = check("scenario.jido_teate.eligibility")(_rule_check("jido_teate.eligibility"))


# -- The first rules (judged with 住民記録's generated scenarios: families) ----------------------------------

START_MONTH = Rule("jido_teate.start_month", "児童手当: first month paid (15日特例)", families, _jido_start,
         picked("児童手当", "支給開始月"), (CLAIMED_WITHIN_15_DAYS,))
AMOUNTS = Rule("jido_teate.amounts", "児童手当: monthly amount per child", families, _jido_amounts,
                 _jido_actual_amounts, (CLAIMED_WITHIN_15_DAYS, AGED_OUT, TURNING_THREE))

jido_teate_start_month = check("scenario.jido_teate.start_month")(rule_check(START_MONTH))
jido_teate_amounts = check("scenario.jido_teate.amounts")(rule_check(AMOUNTS))
