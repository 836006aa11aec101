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
- ``支払``, the payments read as a whole: per month paid in, the months it pays and their total over the 子
  (第8条第4項本文), and a 消滅's period paid in a month the ただし書 allows (``jido_teate.last_period``);
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

from conformance.checks.scenarios import _birth, _near, _part, families, other_codes
from conformance.checks.statute_rules import Loaded, Projection, Rule, Scenario, Statute, drawn_with, rule_checks
from conformance.domains.jido_teate import oracle as jido
from conformance.domains.jido_teate.oracle import child_end_date, end_month, monthly_amount
from conformance.oracles.dates import Month, fiscal_year_months, fiscal_year_of, month_of
from conformance.oracles.readings import Either, either
from conformance.testdata.town import TOWN_CODE

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


def _start_months(s: Scenario) -> tuple[Month, ...]:
    """The first months paid that the readings allow (:func:`conformance.domains.jido_teate.oracle.
    start_month_readings`): each birth and the move (read as the 転出予定日 at the old address or the day of moving
    in here) counts on its own."""
    assert s.claim is not None
    moved = (s.previous_planned_out, s.moved_in) if s.previous_planned_out is not None else ()
    return jido.start_month_readings(s.claim, s.children, moved)


def _jido_start(s: Scenario, town: str) -> Projection:
    return {"支給開始月": either(*(_iso_month(month) for month in _start_months(s)))}


def _counts(birth: date, month: Month) -> bool:
    return month_of(birth) < month <= month_of(child_end_date(birth))


def _jido_amounts(s: Scenario, town: str) -> Projection:
    """Per child and month: 児童手当法 counts the order among the children the claimant supports;
    the harness takes the children in the household who count that month, eldest first. Paid from
    the first month (第8条第2項, 第3項) to the month of a move-out or death (第8条第2項)."""
    return {"月額": either(*(_paid_only(_amounts_from(s, first)) for first in _start_months(s)))}


def _paid_only(amounts: Mapping[str, Any]) -> dict[str, Any]:
    """Each child's monthly amounts as compared: a month of 0 yen read as left out (a child who does not count that
    month is paid nothing, listed with 0 or not: 第6条第1項 gives no amount for it; issue 65, provisions.yaml
    第6条第1項第1号). Both sides go through it: the oracle's amounts and the vendor's."""
    return {key: amount for key, amount in amounts.items() if not _zero(amount)}


def _zero(amount: Any) -> bool:
    return type(amount) is int and amount == 0


def _months_paid_from(s: Scenario, first: Month) -> list[Month]:
    """The months of the scenario's 年度 paid when ``first`` is the first month paid: from it (and from 令和6年10月)
    to the month of the 消滅 (第8条第2項), or the 年度's last."""
    last = end_month(s.moved_out) if s.moved_out is not None else None
    return [m for m in fiscal_year_months(s.fiscal_year) if m >= first and m >= _REFORM and (last is None or m <= last)]


def _amounts_from(s: Scenario, first: Month) -> dict[str, int]:
    amounts: dict[str, int] = {}
    for month in _months_paid_from(s, first):
        counting = [index for index, birth in enumerate(s.children) if _counts(birth, month)]
        for index, birth in enumerate(s.children):
            order = counting.index(index) + 1 if index in counting else 1
            amounts[f"{index}:{month[0]:04d}-{month[1]:02d}"] = monthly_amount(birth, order, month)
    return amounts


def _jido_actual_amounts(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    amounts: dict[str, int] = {}
    for child in _part(document, "児童手当").get("児童") or []:
        index = loaded.children.index(child.get("宛名番号")) if child.get("宛名番号") in loaded.children else -1
        for entry in child.get("月額") or []:
            amounts[f"{index}:{entry.get('月')}"] = entry.get("金額")
    return {"月額": _paid_only(amounts)}

PART = "児童手当"
#: What the rules share (conformance.checks.statute_rules); ``RECORDED``: those whose persons carry a 児童手当
#: record (``targets.load.records_path``).
STATUTE = Statute("jido_teate", PART)
RECORDED = Statute("jido_teate", PART, needs_records=True)


def _iso_month(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def leaving_families(draw: st.DrawFn, codes: tuple[str, str], *, in_year_of_end: bool = False) -> Scenario:
    """A claimant (resident since 2005) with children aged 5 to 14 and maybe grown-up ones, claiming
    from 令和6年10月, who may move abroad, to another municipality, or die two months to a year later;
    asked about on a day around the end, in the 年度 of that day (the contract's fiscal_year). ``in_year_of_end``:
    on a day of the 年度 of the end (its last day for a day after it, its first for one before), for the rules
    about that 年度's months and payments (the 支払 of its 2月・3月 fall in the next 年度's 4月, and are still its
    payments: the contract's 支払 are those of the months paid in the 年度 asked, whatever the day)."""
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
    as_of = draw(_near(last, 3))
    if in_year_of_end:
        year = fiscal_year_of(last)
        as_of = min(max(as_of, date(year, 4, 1)), date(year + 1, 3, 31))
    return ended.asked_on(as_of)


def _claimed_with_a_child(s: Scenario) -> bool:
    """Whether some 子 is a 児童 on the day of the 請求: a 請求 with none is no 受給資格者's (第4条第1項, 第7条):
    no 支給 begins (第8条第2項), so neither a 支給終了月 nor a month's amount is asked of it (issue 65: not
    generated)."""
    assert s.claim is not None
    claim = s.claim
    return any(born <= claim <= child_end_date(born) for born in s.children)


def _moved_away(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return leaving_families(codes, in_year_of_end=True).filter(
        lambda s: s.moved_out is not None and _claimed_with_a_child(s))


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
    """第8条第4項本文: each month's 支払期月, as a month -> 支払月 mapping (in any order: the text sets none). The text
    pays the months paid (from the first month paid to the 消滅); it does not ask for a month not paid. Two forms
    pass (issue 65, provisions.yaml 第8条第4項): the months paid only (for each first month the readings allow), or
    every month of the 年度 from 令和6年10月 to the 消滅, also those before the first month paid."""
    last = jido.end_month(s.moved_out) if s.moved_out is not None else None
    every = [m for m in fiscal_year_months(s.fiscal_year) if m >= jido.REFORM_MONTH and (last is None or m <= last)]
    forms = [every, *(_months_paid_from(s, first) for first in _start_months(s))]
    return {"支払期月": either(*({_iso_month(m): _iso_month(jido.payment_month(m)) for m in months}
                              for months in forms))}


def _listed_payment_months(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's ``支払期月`` as a month -> 支払月 mapping, whatever the list's order; a list not of the contract's
    shape (an entry not an object, a month listed twice) compared as given, so it still differs."""
    listed = _part(document, PART).get("支払期月")
    if not isinstance(listed, list) or not all(isinstance(entry, Mapping) for entry in listed):
        return {"支払期月": listed}
    mapping = {str(entry.get("月")): entry.get("支払月") for entry in listed}
    return {"支払期月": mapping if len(mapping) == len(listed) else listed}


def _last_month_amounts(s: Scenario, town: str) -> Projection:
    """The amounts of the month of the move-out or death (the last month paid), each a whole month."""
    assert s.moved_out is not None
    last = _iso_month(jido.end_month(s.moved_out))
    return {"月額": either(*(_paid_only({key: value for key, value in _amounts_from(s, first).items()
                                        if key.endswith(":" + last)}) for first in _start_months(s)))}


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
    """Each child's amount of the latest month the answer pays, whatever the list's order (the text orders none:
    issue 65); a month of 0 yen read as left out (:func:`_paid_only`), for the month and the child alike; a month
    listed twice for a child shows each amount (a list), so it still differs from the oracle's one."""
    entries = [(index, entry) for index, child in _children(document, loaded)
               for entry in child.get("月額") or [] if isinstance(entry, Mapping) and not _zero(entry.get("金額"))]
    if not entries:
        return {"月額": {}}
    latest = max(str(entry.get("月")) for _, entry in entries)  # ISO months: the latest is the greatest text
    listed: dict[str, list[Any]] = {}
    for index, entry in entries:
        if str(entry.get("月")) == latest:
            listed.setdefault(f"{index}:{latest}", []).append(entry.get("金額"))
    return {"月額": {key: amounts[0] if len(amounts) == 1 else amounts for key, amounts in listed.items()}}


#: What a payment's 金額 is expected to be: the total of the answer's own 児童.月額 over the months it pays (the
#: amounts are judged by their own rules: a wrong 月額 fails those, not the payments).
_OWN_TOTAL = "対象月の児童.月額の合計"


def _schedule(s: Scenario, town: str) -> Projection:
    """The payments (第8条第4項): each month paid (:func:`_amounts_from`'s months, every allowed first month) in its
    支払期月, the total of the answer's 月額 over them; the period of a 消滅 (a move-out, a death) paid in any month
    the ただし書 allows (:func:`conformance.domains.jido_teate.oracle.payment_schedules`)."""
    ended = jido.end_month(s.moved_out) if s.moved_out is not None else None
    readings: list[dict[str, dict[str, Any]]] = []
    for first in _start_months(s):
        months = sorted({(int(key[-7:-3]), int(key[-2:])) for key in _amounts_from(s, first)})
        readings.extend({_iso_month(paid): {"対象月": [_iso_month(m) for m in paid_months], "金額": _OWN_TOTAL}
                         for paid, paid_months in schedule.items()}
                        for schedule in jido.payment_schedules(months, ended))
    return {"支払": either(*readings)}


def _paid(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's ``支払`` as a whole: per month paid in, the months paid (in order) and the total, shown as
    :data:`_OWN_TOTAL` where it is the total of the answer's own ``児童.月額`` over those months (else as given);
    payments in one month are one (a 随時払 in a 支払期月 may be shown apart or with it). An answer not of the
    contract's shape is shown as given (a finding, never a crash: vendor output is untrusted)."""
    part = _part(document, PART)
    listed = part.get("支払")
    if not isinstance(listed, list):
        return {"支払": listed}
    grouped: dict[str, dict[str, Any]] = {}
    for entry in listed:
        if not isinstance(entry, Mapping):
            return {"支払": listed}
        paid, months, amount = entry.get("支払月"), entry.get("対象月"), entry.get("金額")
        if not isinstance(paid, str) or not isinstance(months, list) or type(amount) is not int \
                or not all(isinstance(month, str) for month in months):
            return {"支払": listed}
        into = grouped.setdefault(paid, {"対象月": [], "金額": 0})
        into["対象月"] = sorted((*into["対象月"], *months))
        into["金額"] += amount
    totals = _month_totals(part)
    for payment in grouped.values():
        if payment["金額"] == sum(totals.get(month, 0) for month in payment["対象月"]):
            payment["金額"] = _OWN_TOTAL
    return {"支払": dict(sorted(grouped.items()))}


def _month_totals(part: Mapping[str, Any]) -> dict[str, int]:
    """Each month's total of the answer's ``児童.月額`` (entries not of the contract's shape left out)."""
    totals: dict[str, int] = {}
    for child in part.get("児童") or []:
        for entry in (child.get("月額") or []) if isinstance(child, Mapping) else []:
            if isinstance(entry, Mapping) and isinstance(entry.get("月"), str) and type(entry.get("金額")) is int:
                totals[entry["月"]] = totals.get(entry["月"], 0) + entry["金額"]
    return totals


def _months_paid(projection: Projection) -> Projection:
    """A ``支払`` projection with the months only: what the ただし書 is about (when the 消滅's period is paid); the
    amounts are the 本文's (``jido_teate.payment_schedule``), so a wrong total fails that rule, not this one."""
    paid = projection["支払"]
    if isinstance(paid, Either):
        return {"支払": either(*(_months_paid({"支払": value})["支払"] for value in paid.allowed))}
    if not isinstance(paid, dict):
        return projection
    return {"支払": {month: payment["対象月"] for month, payment in paid.items()}}


def _period_schedule(s: Scenario, town: str) -> Projection:
    return _months_paid(_schedule(s, town))


def _period_paid(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return _months_paid(_paid(document, loaded))


def _staying(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Claimants who stay (:func:`leaving_families` without an end) and claimed with a 児童: the first month is the
    one after the 請求 (no birth or move within 15 days), so only the payments tell a wrong schedule."""
    return leaving_families(codes, in_year_of_end=True).filter(
        lambda s: s.moved_out is None and _claimed_with_a_child(s))


@st.composite
def _growing_up(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A claimant who stays (resident since 2005) whose youngest 子 stops being a 児童 on a 3月31日 of 2025 or 2026
    (born 2006-04-02 to 2008-04-01, 4月1日 and 4月2日 often), maybe with older 子; asked on a day around that 3月31日,
    in the 年度 of the day, having claimed from 令和6年10月 by then, while it was a 児童 and before its last day as one
    (a 請求 on that very day: 支給 from the month after it, ended in 3月 or 4月 by the readings, or none begun; the text
    leaves it open and it is not drawn)."""
    youngest = draw(_birth(2006, 2008).filter(lambda born: date(2006, 4, 2) <= born <= date(2008, 4, 1)))
    older = draw(st.lists(st.dates(date(2003, 4, 2), youngest - timedelta(days=1)), max_size=2, unique=True))
    last = child_end_date(youngest)
    as_of = draw(_near(last, 3))
    claim = draw(st.dates(date(2024, 10, 1), min(last - timedelta(days=1), as_of)))
    return Scenario(fiscal_year_of(as_of), date(1985, 6, 6), date(2005, 4, 1), claim=claim, as_of=as_of,
                    children=tuple(sorted({*older, youngest})))


def _last_child_end(s: Scenario, town: str) -> Projection:
    """第8条第2項: the 支給 ends with the last 子's 児童 period (its 3月, or the 4月 after; null too before it ended:
    :func:`conformance.domains.jido_teate.oracle.last_child_end_readings`), where no move or death came before."""
    assert s.as_of is not None
    ends = jido.last_child_end_readings(s.children, s.as_of)
    return {"支給終了月": Either(*(None if month is None else _iso_month(month) for month in ends))}


#: Worked examples: a claimant who stays, claimed 2025-01-09 for his only 子, born 2007-04-02 (a 児童 until
#: 2026-03-31: 第3条第1項), asked on 2026-04-10: the 支給 ended with that 3月 (第8条第2項: 2026-03, or 2026-04 by the
#: other reading). With a younger 子 born 2010-05-05, still a 児童 (until 2029-03-31): not ended (null, or that 子's
#: 2029-03 or 2029-04). The same claimant moving to another municipality on 2026-06-10, after that 3月: the 支給 ended
#: with the 子's period, not with the move (2026-03 or 2026-04, not 2026-06). Tool mutants never ended the 支給 with the
#: last 子, or kept a later move's month (benchmarks/mutation/statute_survivors.toml).
GROWN_UP = Scenario(2026, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9), as_of=date(2026, 4, 10),
                    children=(date(2007, 4, 2),))
YOUNGER_STILL_A_CHILD = replace(GROWN_UP, children=(date(2007, 4, 2), date(2010, 5, 5)))
GROWN_UP_THEN_MOVED = replace(GROWN_UP, planned_out=date(2026, 6, 10), elsewhere=date(2026, 6, 10),
                              next=other_codes(TOWN_CODE)[0], as_of=date(2026, 6, 11))

#: Worked examples: 2024-12 and 2025-01 paid in 2025-02 (第8条第4項); a move abroad on 2025-06-10 after a
#: claim of 2025-01-09 (paid 2025-02 to 2025-06, the whole of 2025-06: 第6条第1項, 第8条第2項; no 受給資格
#: from 2025-06-11: 第4条第1項第1号).
PAID_IN_EVEN_MONTHS = CLAIMED_WITHIN_15_DAYS
LEFT_MID_MONTH = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9),
                          planned_out=date(2025, 6, 10), as_of=date(2025, 6, 11),
                          children=(date(2012, 8, 8), date(2016, 3, 3)))

#: Moved abroad on 2025-07-10 after a claim of 2025-01-09: 2025-06 and 2025-07, the period of the 消滅, paid in
#: 2025-07 (a 随時払) or in the 支払期月 2025-08 (第8条第4項ただし書; the reading: provisions.yaml).
LEFT_IN_JULY = replace(LEFT_MID_MONTH, planned_out=date(2025, 7, 10), as_of=date(2025, 7, 11))

JIDO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("jido_teate.child_end", _teenagers, _child_end, _per_child("児童該当終了日"), (AGED_OUT,)),
    STATUTE.rule("jido_teate.three_and_over", _toddlers, _three_and_over, _per_child("三歳以上算定開始月"),
                 (TURNING_THREE,)),
    STATUTE.rule("jido_teate.payment_months", families, _payment_months, _listed_payment_months,
                 (PAID_IN_EVEN_MONTHS,)),
    STATUTE.rule("jido_teate.whole_month", _moved_away, _last_month_amounts, _last_amounts, (LEFT_MID_MONTH,)),
    STATUTE.rule("jido_teate.eligibility", leaving_families, _eligible, "受給資格", (LEFT_MID_MONTH,)),
    STATUTE.rule("jido_teate.payment_schedule", _staying, _schedule, _paid, (TURNING_THREE, AGED_OUT)),
    STATUTE.rule("jido_teate.last_period", _moved_away, _period_schedule, _period_paid, (LEFT_MID_MONTH, LEFT_IN_JULY)),
    STATUTE.rule("jido_teate.last_child_end", _growing_up, _last_child_end, "支給終了月",
                 (GROWN_UP, YOUNGER_STILL_A_CHILD, GROWN_UP_THEN_MOVED)),
)}


# -- The first rules (judged with 住民記録's generated scenarios: families) ----------------------------------

#: Two events in one 特例 window (第8条第3項; :func:`conformance.domains.jido_teate.oracle.start_month_readings`):
#: moved here with a child born 2015-05-05 (転出予定日 2025-01-25 at the old address, a resident from 2025-01-26), a
#: second child born 2025-02-03, claimed 2025-02-08: paid from 2025-02 (the move's), the newborn from 2025-03.
MOVED_WITH_A_BIRTH = Scenario(2024, date(1985, 6, 6), date(2025, 1, 26), previous="131016", claim=date(2025, 2, 8),
                              previous_planned_out=date(2025, 1, 25), children=(date(2015, 5, 5), date(2025, 2, 3)))
#: The day of the move read two ways: 転出予定日 2025-01-25 at the old address, a resident here from 2025-01-28,
#: claimed 2025-02-11 (17 days after the one, 14 after the other): paid from 2025-03 or from 2025-02.
MOVED_DAYS_LATER = Scenario(2024, date(1985, 6, 6), date(2025, 1, 28), previous="131016", claim=date(2025, 2, 11),
                            previous_planned_out=date(2025, 1, 25), children=(date(2015, 5, 5),))
#: The move, not its 届出 (第8条第3項 「住所を変更した後…十五日以内」): 転出予定日 2025-01-10 at the old address, a
#: resident here from 2025-01-11, the 転入届 late on 2025-01-30, claimed 2025-02-05 (26 and 25 days after the move,
#: 6 after the 届出): paid from 2025-03 by either day of the move, from 2025-02 if counted from the 届出 (blind
#: round 3, 27).
MOVED_NOTIFIED_LATE = Scenario(2024, date(1985, 6, 6), date(2025, 1, 11), previous="131016", claim=date(2025, 2, 5),
                               previous_planned_out=date(2025, 1, 10), notified=date(2025, 1, 30),
                               children=(date(2015, 5, 5),))
START_MONTH = STATUTE.rule("jido_teate.start_month", families, _jido_start, "支給開始月",
                           (CLAIMED_WITHIN_15_DAYS, MOVED_WITH_A_BIRTH, MOVED_DAYS_LATER, MOVED_NOTIFIED_LATE))
AMOUNTS = STATUTE.rule("jido_teate.amounts", families, _jido_amounts, _jido_actual_amounts,
                       (CLAIMED_WITHIN_15_DAYS, AGED_OUT, TURNING_THREE, MOVED_WITH_A_BIRTH))


# -- Rules on a 児童手当 record (第3条第3項, 第4条第1項第4号, 第6条, 第7条, 第8条第1項) ---------------------------
#: The record (``targets.load.records_path``) gives what 住民記録 does not hold: the 第三子以降算定額算定対象者
#: the claimant looks after (their births), the place a 施設入所等児童 is in (the person asked about is then the
#: child) and the 市区町村コード of the places 第7条第2項 names.

RECORD = "児童手当"
_ADULTS = "第三子以降算定額算定対象者_生年月日"
_PLACE, _SHORT, _CHILDREN_ONLY = "施設入所等_種別", "短期間", "児童のみ世帯"
_AID_PLACE, _FOSTER, _SITE, _OWNER = ("援助場所_市区町村コード", "里親住所_市区町村コード", "施設所在地_市区町村コード",
                                      "設置者事務所_市区町村コード")


def _jido_record(items: Mapping[str, str | None]) -> tuple[tuple[str, str, str], ...]:
    return tuple((RECORD, item, value) for item, value in items.items() if value is not None)


def _adult_births(s: Scenario) -> list[date]:
    value = s.record(RECORD).get(_ADULTS)
    return [date.fromisoformat(day) for day in value.split(",")] if value else []


def _third_child_amounts(s: Scenario, town: str) -> Projection:
    """:func:`_jido_amounts` with the 第三子以降算定額算定対象者 of the record counted before the children."""
    return {"月額": either(*(_paid_only(_third_child_amounts_from(s, first)) for first in _start_months(s)))}


def _third_child_amounts_from(s: Scenario, first: Month) -> dict[str, int]:
    months = [m for m in fiscal_year_months(s.fiscal_year) if m >= first and m >= _REFORM]
    adults = _adult_births(s)
    amounts: dict[str, int] = {}
    for month in months:
        counting = [index for index, birth in enumerate(s.children) if _counts(birth, month)]
        for index, birth in enumerate(s.children):
            order = counting.index(index) + 1 if index in counting else 1
            amounts[f"{index}:{_iso_month(month)}"] = jido.individual_amount(
                birth, order, month, jido.counted_adults(adults, month))
    return amounts


@st.composite
def supporting_adults(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A family (:func:`families`) whose claimant also looks after one or two young adults living apart (born
    2002-2008: reaching 18 or 22 around the 年度, 4月1日 and 4月2日 often)."""
    family = draw(families(codes))
    adults = draw(st.lists(_birth(2002, 2008), min_size=1, max_size=2, unique=True))
    return replace(family, records=_jido_record({_ADULTS: ",".join(day.isoformat() for day in sorted(adults))}))


def _facility_items(place: str, short: bool, children_only: bool, sites: Mapping[str, str]) -> dict[str, str | None]:
    return {_PLACE: place, _SHORT: "1" if short else None, _CHILDREN_ONLY: "1" if children_only else None,
            **sites}


@st.composite
def placed_children(draw: st.DrawFn, codes: tuple[str, str], *, number: int | None = None,
                    placed: bool = False, first: int = 2008, last: int = 2024) -> Scenario:
    """A 児童 (born ``first``-``last``, living alone in the town's 住民記録) in or with a place of 第3条第3項 (of
    its 第``number``号), for a short stay or not, in a 世帯 of children only or not (``placed``: a
    施設入所等児童 for sure); the places 第7条第2項 names each in one municipality; asked about in 2025."""
    places = [name for name, (n, _) in jido.FACILITIES.items() if number is None or n == number]
    place = draw(st.sampled_from(places))
    short = False if placed else draw(st.booleans())
    children_only = True if placed else draw(st.booleans())
    sites = {item: draw(st.sampled_from(codes)) for item in (_AID_PLACE, _FOSTER, _SITE, _OWNER)}
    birth = draw(_birth(first, last))
    as_of = max(draw(st.dates(date(2025, 1, 1), date(2025, 12, 31))), birth + timedelta(days=1))
    return Scenario(fiscal_year_of(as_of), birth, birth, as_of=as_of,
                    records=_jido_record(_facility_items(place, short, children_only, sites)))


def _claimant_kind(s: Scenario, town: str) -> Projection:
    f = s.record(RECORD)
    return {"受給資格者区分": jido.claimant_kind(f.get(_PLACE), short=f.get(_SHORT) == "1",
                                          children_only=f.get(_CHILDREN_ONLY) == "1")}


def _facility_amount(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"施設等受給資格者_月額": jido.facility_amount(s.birth, month_of(s.as_of))}


def _certifier(s: Scenario, town: str) -> Projection:
    f = s.record(RECORD)
    return {"認定市区町村": jido.certifying_place(f[_PLACE], aid_place=f.get(_AID_PLACE), foster_home=f.get(_FOSTER),
                                              facility_site=f.get(_SITE))}


def _moved_elsewhere(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Claimants who move to another municipality (:func:`leaving_families`, a 転入通知 from there)."""
    return leaving_families(codes).filter(lambda s: s.elsewhere is not None and s.died is None
                                          and _claimed_with_a_child(s))


def _end_month(s: Scenario, town: str) -> Projection:
    assert s.moved_out is not None
    return {"支給終了月": _iso_month(jido.end_month(s.moved_out))}


def _unclaimed(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Families (:func:`families`) that made no 認定請求."""
    return families(codes).map(lambda s: replace(s, claim=None))


def _no_start(s: Scenario, town: str) -> Projection:
    return {"支給開始月": None}


#: Worked examples. A claimant of 2025-04-10 with children born 2012-08-08 and 2016-03-03 who looks after a
#: student born 2005-05-05 (18 reached in 2023: past the 児童 period, a 第三子以降算定額算定対象者 to 2028-03):
#: the second child is the third counted, 30,000 yen a month (第6条第1項第1号, 第2項第2号). A child born
#: 2022-05-01 with a 里親 (not for a short stay): a 施設入所等児童, its 児童手当 the 里親's (第3条第3項第2号,
#: 第4条第1項第4号), 15,000 yen for 2025-05 and 10,000 from 2025-06 (第6条第1項第3号, 第2項第8号, 第9号),
#: certified where the 里親 lives (第7条第2項第2号). Moved to another municipality on 2025-06-10: paid to
#: 2025-06, a new 認定 there (第7条第1項, 第3項). No 認定請求: nothing paid (第8条第1項).
_A, _B = other_codes(TOWN_CODE)
WITH_STUDENT = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 4, 10),
                        children=(date(2012, 8, 8), date(2016, 3, 3)),
                        records=_jido_record({_ADULTS: "2005-05-05"}))
#: The same family with a person born 2007-04-01 instead: 18 reached on 2025-03-31 (年齢計算ニ関スル法律: the day
#: before the birthday), a 児童 to that day and a 第三子以降算定額算定対象者 from 2025-04 (the younger child third,
#: 30,000); or born 2003-04-01: 22 reached on 2025-03-31, counted to 2025-03 only (the younger child second, 10,000).
ADULT_FROM_APRIL = replace(WITH_STUDENT, records=_jido_record({_ADULTS: "2007-04-01"}))
ADULT_PAST_TWENTY_TWO = replace(WITH_STUDENT, records=_jido_record({_ADULTS: "2003-04-01"}))
_FOSTER_ITEMS = _facility_items("里親", False, False, {_AID_PLACE: _A, _FOSTER: _B, _SITE: _A, _OWNER: _A})
FOSTERED = Scenario(2025, date(2022, 5, 1), date(2022, 5, 1), as_of=date(2025, 5, 20),
                    records=_jido_record(_FOSTER_ITEMS))
FOSTERED_LATER = Scenario(2025, date(2022, 5, 1), date(2022, 5, 1), as_of=date(2025, 6, 1),
                          records=_jido_record(_FOSTER_ITEMS))
#: Born 2024-02-29, with a 里親: the 3rd birthday is 2027-03-01 in a common year (oracles.dates.anniversary), so
#: 10,000 yen from 2027-04 (第6条第1項第3号, 第2項第8号, 第9号); the draws' children (born 2021-2023, asked in 2025)
#: never have a 2月29日 turning three (a tool mutant took that birthday a year late: statute_survivors.toml).
FOSTERED_LEAP = Scenario(2027, date(2024, 2, 29), date(2024, 2, 29), as_of=date(2027, 4, 10),
                         records=_jido_record(_FOSTER_ITEMS))


def _placed_example(place: str, born: date, *, short: bool = False, children_only: bool = True,
                    aid_place: str = _A) -> Scenario:
    """A 児童 born on ``born`` in or with ``place``, asked about on 2025-05-20: the 援助 given in ``aid_place``, the
    facility in the other of the two municipalities, the 里親 and the 設置者 in A."""
    sites = {_AID_PLACE: aid_place, _FOSTER: _A, _SITE: _A if aid_place == _B else _B, _OWNER: _A}
    return Scenario(2025, born, born, as_of=date(2025, 5, 20),
                    records=_jido_record(_facility_items(place, short, children_only, sites)))


#: A 母子生活支援施設 with the mother (not a 世帯 of children only): the mother's 児童手当 (第3条第3項第3号).
WITH_MOTHER = _placed_example("母子生活支援施設", date(2018, 7, 7), children_only=False)
#: A 乳児院等 for a short stay: no 施設入所等児童 (第3条第3項第3号); a 救護施設 in a 世帯 of children only: one
#: (第5号); a 児童自立生活援助: one, certified where the 援助 is given (第7条第2項第1号); a 障害者支援施設: one,
#: certified where it is (第3号).
SHORT_STAY = _placed_example("乳児院等", date(2020, 7, 7), short=True)
RELIEF = _placed_example("救護施設", date(2010, 7, 7))
AIDED = _placed_example("児童自立生活援助", date(2008, 7, 7), aid_place=_B)
DISABLED = _placed_example("障害者支援施設", date(2009, 7, 7))
DISABLED_WITH_FAMILY = _placed_example("障害者支援施設", date(2009, 7, 7), children_only=False)
MOVED_AWAY = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9),
                      planned_out=date(2025, 6, 10), elsewhere=date(2025, 6, 10), next=_A, as_of=date(2025, 6, 11),
                      children=(date(2012, 8, 8), date(2016, 3, 3)))
#: The same move, the only 子 born 2007-04-02 (a 児童 until 2026-03-31: 第3条第1項), asked on 2026-04-10, after the 子's
#: end too: the 支給 ended with the move's month, 2025-06 (第8条第2項: the 事由 消滅した on the move), not with the 子's
#: 2026-03 (a tool mutant answered the later end: benchmarks/mutation/statute_survivors.toml).
MOVED_BEFORE_AGING_OUT = replace(MOVED_AWAY, fiscal_year=2026, as_of=date(2026, 4, 10), children=(date(2007, 4, 2),))
#: The same claimant moving on 2025-10-31, the last day of a month (the 転入通知 from there of the same day), asked on
#: 2025-11-01: the 支給 ended with 2025-10 (第8条第2項: the month of the day the 事由 消滅した, the 転出予定日;
#: 高槻市's page, examples.yaml jido_teate-ex-takatsuki-moved-out), not 2025-11 (blind round 3, 23: the day after the
#: move taken, which no draw reached on a month's last day).
MOVED_ON_MONTH_END = replace(MOVED_AWAY, planned_out=date(2025, 10, 31), elsewhere=date(2025, 10, 31),
                             as_of=date(2025, 11, 1))
UNCLAIMED = Scenario(2025, date(1985, 6, 6), date(2005, 4, 1), children=(date(2012, 8, 8), date(2016, 3, 3)))


_ROLE, _OWN_INCOME, _OTHER_INCOME, _COHABITS, _SHARED = "本人_区分", "本人_所得", "他方_所得", "他方_同居", "生計同一"


@st.composite
def two_supporters(draw: st.DrawFn, codes: tuple[str, str], *, role: str | None, apart: bool) -> Scenario:
    """A family (:func:`families`) whose claimant (a 父母 or a 未成年後見人, as ``role``) and another of the
    same kind both look after the children, with different 所得; ``apart``: the other lives elsewhere and
    does not share the claimant's 生計 (第4条第4項), else he lives with them or shares it (第2項, 第3項)."""
    family = draw(families(codes))
    own, other = draw(st.lists(st.integers(0, 8_000_000), min_size=2, max_size=2, unique=True))
    cohabits = False if apart else draw(st.booleans())
    shared = False if apart else (not cohabits or draw(st.booleans()))
    kind = role or draw(st.sampled_from(("父母", "未成年後見人")))
    items = {_ROLE: kind, _OWN_INCOME: str(own), _OTHER_INCOME: str(other), _COHABITS: "1" if cohabits else None,
             _SHARED: "1" if shared else None}
    return replace(family, records=_jido_record(items))


def _supporter(s: Scenario, town: str) -> Projection:
    f = s.record(RECORD)
    return {"受給者": jido.deemed_supporter(int(f[_OWN_INCOME]), int(f[_OTHER_INCOME]),
                                          other_cohabits=f.get(_COHABITS) == "1",
                                          share_livelihood=f.get(_SHARED) == "1")}


def _two(role: str, own: int, other: int, cohabits: bool, shared: bool) -> Scenario:
    items = {_ROLE: role, _OWN_INCOME: str(own), _OTHER_INCOME: str(other), _COHABITS: "1" if cohabits else None,
             _SHARED: "1" if shared else None}
    return replace(WITH_STUDENT, records=_jido_record(items))


#: Two 父母 living together, the other earning more: the other is deemed to (第4条第3項); two 未成年後見人,
#: the other earning more: the other (第2項); the other 父母 living apart, not sharing the 生計: the claimant,
#: living with the children, whatever he earns (第4項).
PARENTS = _two("父母", 3_000_000, 5_000_000, True, True)
GUARDIANS = _two("未成年後見人", 3_000_000, 5_000_000, False, True)
SEPARATED = _two("父母", 3_000_000, 5_000_000, False, False)


def _placed(number: int) -> Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]:
    return lambda codes: placed_children(codes, number=number)


def _placed_children(codes: tuple[str, str], placed: bool, first: int, last: int) -> st.SearchStrategy[Scenario]:
    return placed_children(codes, placed=placed, first=first, last=last)


def _two_supporters(codes: tuple[str, str], role: str | None, apart: bool) -> st.SearchStrategy[Scenario]:
    return two_supporters(codes, role=role, apart=apart)


_KIND = "受給資格者区分"
RECORD_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    RECORDED.rule("jido_teate.third_child_adults", supporting_adults, _third_child_amounts, _jido_actual_amounts,
                  (WITH_STUDENT, ADULT_FROM_APRIL, ADULT_PAST_TWENTY_TWO)),
    # 第3条第3項's 号 (第1号-第5号), each drawn on its own places: who is a 施設入所等児童.
    *RECORDED.family(_claimant_kind, _KIND,
                     ("jido_teate.facility_aid", _placed(1), (AIDED,)),
                     ("jido_teate.facility_foster", _placed(2), (FOSTERED,)),
                     ("jido_teate.facility_children", _placed(3), (WITH_MOTHER, SHORT_STAY)),
                     ("jido_teate.facility_disabled", _placed(4), (DISABLED, DISABLED_WITH_FAMILY)),
                     ("jido_teate.facility_relief", _placed(5), (RELIEF,))),
    RECORDED.rule("jido_teate.facility_amount", drawn_with(_placed_children, True, 2021, 2023), _facility_amount,
                  "施設等受給資格者_月額", (FOSTERED, FOSTERED_LATER, FOSTERED_LEAP)),
    RECORDED.rule("jido_teate.facility_certifier", drawn_with(_placed_children, True, 2008, 2024), _certifier,
                  "認定市区町村", (FOSTERED, AIDED, DISABLED)),
    STATUTE.rule("jido_teate.new_municipality", _moved_elsewhere, _end_month, "支給終了月",
                 (MOVED_AWAY, MOVED_BEFORE_AGING_OUT, MOVED_ON_MONTH_END)),
    # 第4条第2項-第4項: which of two who look after the 児童 is deemed to.
    *RECORDED.family(_supporter, "受給者",
                     ("jido_teate.guardians", drawn_with(_two_supporters, "未成年後見人", False), (GUARDIANS,)),
                     ("jido_teate.higher_earner", drawn_with(_two_supporters, "父母", False), (PARENTS,)),
                     ("jido_teate.cohabiting", drawn_with(_two_supporters, None, True), (SEPARATED,))),
    STATUTE.rule("jido_teate.certified_only", _unclaimed, _no_start, "支給開始月", (UNCLAIMED,)),
)}

#: Each rule the check ``scenario.<name>`` (conformance.checks.statute_rules).
RULE_CHECKS = rule_checks((START_MONTH, AMOUNTS, *JIDO_RULES.values(), *RECORD_RULES.values()))
