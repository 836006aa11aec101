"""Scenario checks of 国民年金 (国民年金法; the statute edition ``kokumin_nenkin 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.kokumin_nenkin.oracle`, the counterexample shrunk
and reported with the seed). Each check judges one field of the answer's ``国民年金`` part on the persons
its provision is about (reaching twenty or sixty, moving in from abroad, dying, leaving Japan), so a
wrong answer about one provision fails that provision's check and no other:

- ``被保険者種別`` on ``as_of`` (第7条第1項第1号): persons around twenty and sixty, Japanese and foreign;
- ``資格取得日`` (第8条): reaching twenty while resident (第1号), moving in from abroad (第2号);
- ``資格喪失日`` (第9条): death (第1号), a 転出 abroad or to another municipality (第2号), sixty (第3号);
- ``被保険者期間`` (第11条): the months of the 年度, in separate months (第1項) or in one (第2項), and of a person
  who moved in from another municipality already insured, from the month of the move-in (第1項);
- ``被保険者種別`` of a 厚生年金 被保険者 (第2号) or a 被扶養配偶者 (第3号), and the ``資格取得日`` of one
  employed under twenty (第8条第4号), the 厚生年金 and the 被扶養配偶者 sent as the 国民年金 record
  (厚生年金_資格取得年月日, 厚生年金_資格喪失年月日, 被扶養配偶者_該当年月日, 被扶養配偶者_非該当年月日);
- ``法定免除月`` (第89条第1項): the months of the 年度 whose 保険料 need not be paid, for a person whose 国民年金
  record (法定免除_区分, 法定免除_該当年月日, 法定免除_非該当年月日) says it came under one of its 号.

A 転出 abroad is a 転出 without a 転入通知 (the row records no destination code); a 転出 to another
municipality carries the 転入通知's code (the harness's reading of the 住民記録 row).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import _birth, _near, iso_or_none
from conformance.checks.statute_rules import (
    Projection,
    Rule,
    Scenario,
    Statute,
    on_as_of,
    picked_in_any_order,
    rule_checks,
)
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.kokumin_nenkin.oracle import Ending, EndKind
from conformance.oracles.dates import DAY, age_reached_on, fiscal_year_of, month_of
from conformance.oracles.readings import either

PART = "国民年金"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("kokumin_nenkin", PART)


def _reached(birth: date, age: int) -> date:
    return age_reached_on(birth, age)


@st.composite
def _born(draw: st.DrawFn, age: int) -> date:
    """A birth day (often on a boundary) whose ``age`` is reached in 2016-2026."""
    return draw(_birth(2017 - age, 2026 - age))


def _ended(scenario: Scenario, kind: EndKind, day: date, other: str, step: int) -> Scenario:
    """The scenario with its stay ending on ``day`` as ``kind`` (a move with or without a gap)."""
    if kind == "died":
        return replace(scenario, died=day)
    if kind == "abroad":
        return replace(scenario, planned_out=day)
    return replace(scenario, planned_out=day + timedelta(days=step), elsewhere=day, next=other)


@st.composite
def _ending(draw: st.DrawFn, scenario: Scenario, codes: tuple[str, str], earliest: date, latest: date,
            kinds: tuple[EndKind, ...] = ("died", "abroad", "moved")) -> Scenario:
    """The scenario, maybe ended on a day from ``earliest`` to ``latest`` (both clamped to the stay)."""
    if draw(st.booleans()):
        return scenario
    low = max(earliest, scenario.moved_in)
    day = draw(st.dates(low, max(low, latest)))
    return _ended(scenario, draw(st.sampled_from(kinds)), day, codes[0], draw(st.integers(0, 5)))


def ending_of(s: Scenario) -> Ending | None:
    """The scenario's end of stay as the oracle's :class:`Ending`."""
    if s.died is not None:
        return Ending("died", s.died)
    if s.planned_out is None:
        return None
    if s.elsewhere is None:
        return Ending("abroad", s.planned_out)
    return Ending("moved", min(s.planned_out, s.elsewhere))


def _acquired(s: Scenario) -> date | None:
    return nenkin.acquisition_date(s.birth, s.moved_in, from_abroad=s.previous is None, ending=ending_of(s))


def _lost(s: Scenario) -> date | None:
    return nenkin.loss_date(s.birth, s.moved_in, ending=ending_of(s))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def categories(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident, Japanese or foreign, asked about on a day around reaching twenty or sixty."""
    age = draw(st.sampled_from((nenkin.FROM_AGE, nenkin.UNTIL_AGE)))
    birth = draw(_born(age))
    key = _reached(birth, age)
    moved_in = max(birth, draw(st.one_of(st.just(birth), _near(key - timedelta(days=30), 60))))
    as_of = max(moved_in, draw(_near(key, 3)))
    start = Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                     as_of=as_of, foreign=draw(st.booleans()))
    return draw(_ending(start, codes, as_of, as_of + timedelta(days=40)))


@st.composite
def turning_twenty(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident since before twenty (moved in from a municipality, or from abroad before the day),
    maybe leaving or dying around the day."""
    birth = draw(_born(nenkin.FROM_AGE))
    twenty = _reached(birth, nenkin.FROM_AGE)
    previous = draw(st.sampled_from((None, *codes)))
    latest = twenty if previous is not None else twenty - DAY
    moved_in = min(latest, max(birth, draw(st.one_of(st.just(birth), _near(twenty - timedelta(days=20), 20)))))
    start = Scenario(fiscal_year_of(twenty), birth, moved_in, previous=previous, foreign=draw(st.booleans()))
    return draw(_ending(start, codes, twenty - timedelta(days=3), twenty + timedelta(days=3)))


@st.composite
def entering(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person moving in from abroad after reaching twenty: soon after, around sixty, or between."""
    age = draw(st.sampled_from((nenkin.FROM_AGE, nenkin.UNTIL_AGE, 40)))
    birth = draw(_born(age))
    twenty = _reached(birth, nenkin.FROM_AGE)
    moved_in = max(twenty + DAY, draw(_near(_reached(birth, age), 5)))
    # The 転入届 may come after the move (住民基本台帳法 第22条: within 14 days): 第8条第2号 turns on the day
    # the address began (住民となった年月日), never on the 届出年月日 (issue 66: an outside vendor's 取得 on
    # the 届出 day went unseen).
    notified = draw(st.sampled_from((None, 1, 13, 14)))
    start = Scenario(fiscal_year_of(moved_in), birth, moved_in, foreign=draw(st.booleans()),
                     notified=None if notified is None else moved_in + timedelta(days=notified))
    return draw(_ending(start, codes, moved_in, moved_in + timedelta(days=400)))


@st.composite
def long_residents(draw: st.DrawFn, codes: tuple[str, str], age: int) -> Scenario:
    """A resident since childhood, born so that ``age`` is reached in 2016-2026."""
    birth = draw(_born(age))
    moved_in = birth + timedelta(days=draw(st.integers(0, 3650)))
    return Scenario(fiscal_year_of(_reached(birth, age)), birth, moved_in, previous=draw(st.sampled_from(
        (None, *codes))), foreign=draw(st.booleans()))


@st.composite
def dying(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident dying around twenty, in between, or just before sixty."""
    start = draw(long_residents(codes, draw(st.sampled_from((nenkin.FROM_AGE, nenkin.UNTIL_AGE)))))
    twenty, sixty = _reached(start.birth, nenkin.FROM_AGE), _reached(start.birth, nenkin.UNTIL_AGE)
    anchor = draw(st.sampled_from((twenty, sixty - DAY, sixty - timedelta(days=1000))))
    died = min(sixty - DAY, max(start.moved_in, draw(_near(anchor, 3))))
    return replace(start, died=died, fiscal_year=fiscal_year_of(died))


@st.composite
def leaving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident moving out (abroad, or to another municipality) before sixty."""
    start = draw(long_residents(codes, nenkin.UNTIL_AGE))
    sixty = _reached(start.birth, nenkin.UNTIL_AGE)
    day = min(sixty - DAY, max(start.moved_in, draw(_near(sixty - timedelta(days=draw(st.sampled_from(
        (1, 400, 9000)))), 3))))
    kinds: tuple[EndKind, ...] = ("abroad", "moved")
    kind = draw(st.sampled_from(kinds))
    return replace(_ended(start, kind, day, codes[0], draw(st.integers(0, 5))), fiscal_year=fiscal_year_of(day))


@st.composite
def turning_sixty(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident reaching sixty, maybe dying or moving out on that day or after."""
    start = draw(long_residents(codes, nenkin.UNTIL_AGE))
    sixty = _reached(start.birth, nenkin.UNTIL_AGE)
    return draw(_ending(start, codes, sixty, sixty + timedelta(days=5)))


def _insured_here(codes: tuple[str, str], draw: st.DrawFn) -> Scenario:
    """A person acquiring 資格 here: reaching twenty, or moving in from abroad (the 年度 around it)."""
    scenario = draw(st.one_of(turning_twenty(codes), entering(codes)))
    acquired = _acquired(scenario)
    year = fiscal_year_of(acquired) if acquired is not None else scenario.fiscal_year
    return replace(scenario, fiscal_year=year + draw(st.sampled_from((0, 0, 1))))


@st.composite
def insured_periods(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person acquiring 資格 here and losing it (if at all) in a later month."""
    scenario = _insured_here(codes, draw)
    acquired, lost = _acquired(scenario), _lost(scenario)
    if acquired is None or (lost is not None and month_of(lost) == month_of(acquired)):
        scenario = replace(scenario, died=None, planned_out=None, elsewhere=None, next=None)
        acquired, lost = _acquired(scenario), _lost(scenario)
    # Moving in from abroad in the month of reaching sixty is one_month_periods' case.
    assume(lost is None or acquired is None or month_of(lost) != month_of(acquired))
    return scenario


@st.composite
def one_month_periods(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person acquiring and losing 資格 in one month: reaching twenty and dying or leaving Japan later
    that month, or moving in from abroad in the month of reaching sixty."""
    if draw(st.booleans()):
        start = draw(long_residents(codes, nenkin.FROM_AGE))
        twenty = _reached(start.birth, nenkin.FROM_AGE)
        start = replace(start, moved_in=min(start.moved_in, twenty))
        month_end = date(twenty.year + twenty.month // 12, twenty.month % 12 + 1, 1) - DAY
        # The day after the last day of the month is in the next month: never the last day.
        day = draw(st.dates(twenty, max(twenty, month_end - DAY)))
        assume(day < month_end)
        kinds: tuple[EndKind, ...] = ("died", "abroad")
        return _ended(start, draw(st.sampled_from(kinds)), day, codes[0], 0)
    birth = draw(_born(nenkin.UNTIL_AGE))
    sixty = _reached(birth, nenkin.UNTIL_AGE)
    moved_in = draw(st.dates(sixty.replace(day=1), max(sixty.replace(day=1), sixty - DAY)))
    return Scenario(fiscal_year_of(sixty), birth, moved_in, foreign=draw(st.booleans()))


@st.composite
def moved_in_insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person moving in from another municipality aged twenty to fifty-nine (already holding the 資格), asked
    about the 年度 of the move-in when it is in April, else the next 年度; maybe ending the stay (death, abroad,
    another municipality) a month or more after the move-in."""
    birth = draw(_birth(1966, 2003))
    twenty, sixty = _reached(birth, nenkin.FROM_AGE), _reached(birth, nenkin.UNTIL_AGE)
    low = max(twenty + timedelta(days=40), date(2019, 4, 1))
    moved_in = draw(st.one_of(st.dates(low, max(low, min(sixty - DAY, date(2025, 3, 31)))),
                              st.sampled_from((date(2023, 4, 1), date(2024, 4, 15)))))
    assume(nenkin.held_on_move_in(birth, moved_in, from_abroad=False) and month_of(twenty) < month_of(moved_in))
    year = fiscal_year_of(moved_in) + (0 if moved_in.month == 4 else 1)
    start = Scenario(year, birth, moved_in, previous=draw(st.sampled_from(codes)), foreign=draw(st.booleans()))
    ended = draw(_ending(start, codes, moved_in + timedelta(days=40), date(year + 1, 3, 31)))
    return replace(ended, fiscal_year=year)


def _exemption(kind: str, start: date, end: date | None) -> tuple[tuple[str, str, str], ...]:
    items = {nenkin.EXEMPT_KIND: kind, nenkin.EXEMPT_START: start.isoformat(),
             nenkin.EXEMPT_END: end.isoformat() if end is not None else None}
    return tuple((PART, item, value) for item, value in items.items() if value is not None)


@st.composite
def exempted(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident 第1号被保険者 (aged 25 to 55 through the 年度 asked) who comes under a 号 of 第89条第1項 on a day,
    maybe ceasing to later; asked about the 年度 of the first day or of the last."""
    birth = draw(_birth(1972, 1996))
    start = draw(st.dates(date(2021, 4, 1), date(2025, 3, 31)))
    end = draw(st.one_of(st.none(), st.integers(1, 500).map(lambda days: start + timedelta(days=days))))
    year = fiscal_year_of(draw(st.sampled_from((start, end or start))))
    return Scenario(year, birth, date(birth.year + 18, 4, 1), previous=draw(st.sampled_from(codes)),
                    records=_exemption(draw(st.sampled_from(nenkin.EXEMPT_KINDS)), start, end))


def _spans(employed: tuple[date, date | None] | None,
           dependent: tuple[date, date | None] | None) -> tuple[tuple[str, str, str], ...]:
    items = {nenkin.EMPLOYED_FROM: employed[0] if employed else None,
             nenkin.EMPLOYED_UNTIL: employed[1] if employed else None,
             nenkin.DEPENDENT_FROM: dependent[0] if dependent else None,
             nenkin.DEPENDENT_UNTIL: dependent[1] if dependent else None}
    return tuple((PART, item, day.isoformat()) for item, day in items.items() if day is not None)


@st.composite
def _covered(draw: st.DrawFn, codes: tuple[str, str], dependent: bool) -> Scenario:
    """A resident aged 21 to 58 who is a 厚生年金 被保険者 (or, ``dependent``, a 被扶養配偶者) from a day, maybe until a
    later one; asked about near either day."""
    birth = draw(_birth(1970, 2002))
    low = max(_reached(birth, 21), date(2019, 4, 1))
    start = draw(st.dates(low, max(low, min(_reached(birth, 58), date(2025, 3, 31)))))
    end = draw(st.one_of(st.none(), st.integers(1, 400).map(lambda days: start + timedelta(days=days))))
    as_of = draw(_near(draw(st.sampled_from((start, end or start))), 3))
    span = (start, end)
    return Scenario(fiscal_year_of(as_of), birth, date(birth.year + 18, 4, 1), previous=draw(st.sampled_from(codes)),
                    as_of=as_of, records=_spans(None if dependent else span, span if dependent else None))


@st.composite
def _covered_at_edges(draw: st.DrawFn, codes: tuple[str, str], dependent: bool) -> Scenario:
    """A 被扶養配偶者 (``dependent``) or a 厚生年金 被保険者 since before twenty or sixty is reached, maybe until after
    it, asked near that day: 第7条第1項第3号 counts a 被扶養配偶者 only 二十歳以上六十歳未満, 第2号 has no age
    (第9条第3号's かっこ書 keeps a 第2号 insured at sixty). Issue 66: an outside vendor's 第3号 at any age and
    第2号 ending at sixty went unseen by :func:`_covered`'s persons aged 21 to 58."""
    age = draw(st.sampled_from((nenkin.FROM_AGE, nenkin.UNTIL_AGE) if dependent else (nenkin.UNTIL_AGE,)))
    birth = draw(_born(age))
    key = _reached(birth, age)
    start = key - timedelta(days=draw(st.integers(1, 700)))
    end = draw(st.one_of(st.none(), st.integers(1, 400).map(lambda days: key + timedelta(days=days))))
    as_of = draw(_near(key, 3))
    span = (start, end)
    return Scenario(fiscal_year_of(as_of), birth, birth, previous=draw(st.sampled_from(codes)), as_of=as_of,
                    records=_spans(None if dependent else span, span if dependent else None))


@st.composite
def _dependent_employed(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被扶養配偶者 aged 21 to 58 who is (or becomes) a 厚生年金 被保険者 too, asked near either day: 第2号, not 第3号
    (第7条第1項第3号: 第二号被保険者である者…を除く)."""
    birth = draw(_birth(1970, 2002))
    low = max(_reached(birth, 21), date(2019, 4, 1))
    dependent = draw(st.dates(low, max(low, min(_reached(birth, 57), date(2025, 3, 31)))))
    employed = dependent + timedelta(days=draw(st.integers(0, 300)))
    as_of = draw(_near(draw(st.sampled_from((dependent, employed))), 3))
    return Scenario(fiscal_year_of(as_of), birth, date(birth.year + 18, 4, 1), previous=draw(st.sampled_from(codes)),
                    as_of=as_of, records=_spans((employed, None), (dependent, None)))


def second_insured(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """厚生年金 被保険者 aged 21 to 58, around sixty, or 被扶養配偶者 too (第7条第1項第2号: a 第2号 whatever else
    holds; the answer that fails it names 第2号's requirement, as a 第2号 answered 第1号 does)."""
    return st.one_of(_covered(codes, False), _covered_at_edges(codes, False), _dependent_employed(codes))


def third_insured(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """被扶養配偶者 aged 21 to 58, or around twenty or sixty (第7条第1項第3号: 二十歳以上六十歳未満のもの)."""
    return st.one_of(_covered(codes, True), _covered_at_edges(codes, True))


@st.composite
def young_leavers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident since birth employed (厚生年金) at 15 to 19 who loses the 厚生年金 資格 before twenty, or after it;
    asked about a day after that (第9条第5号)."""
    birth = draw(_birth(2001, 2009))
    twenty = _reached(birth, nenkin.FROM_AGE)
    low = max(_reached(birth, 15), date(2019, 4, 1))
    employed = draw(st.dates(low, max(low, twenty - timedelta(days=30))))
    until = employed + timedelta(days=draw(st.integers(10, 700)))
    return Scenario(fiscal_year_of(until), birth, birth, previous=codes[0],
                    records=_spans((employed, until), None)).asked_on(until + timedelta(days=5))


@st.composite
def young_employees(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident since birth who becomes a 厚生年金 被保険者 at 15 to 19 (第8条第4号), maybe at twenty or just after;
    asked about a day after it."""
    birth = draw(_birth(2001, 2009))
    low = max(_reached(birth, 15), date(2019, 4, 1))
    employed = draw(st.dates(low, max(low, _reached(birth, nenkin.FROM_AGE) + timedelta(days=3))))
    as_of = employed + timedelta(days=draw(st.integers(0, 30)))
    return Scenario(fiscal_year_of(as_of), birth, birth, previous=None if draw(st.booleans()) else codes[0],
                    as_of=as_of, records=_spans((employed, None), None))


@st.composite
def pensioners(draw: st.DrawFn, codes: tuple[str, str], ceasing: bool) -> Scenario:
    """A resident since childhood (aged 21 to 58 on the day) who becomes a 老齢給付等を受けることができる者 on a day
    (第9条第4号), or (``ceasing``) who was one since before twenty and stops being one (第8条第3号)."""
    birth = draw(_birth(1968, 2003))
    low = max(_reached(birth, 21), date(2019, 4, 1))
    day = draw(st.dates(low, max(low, min(_reached(birth, 58), date(2025, 12, 31)))))
    items = {nenkin.PENSIONER_FROM: _reached(birth, 18), nenkin.PENSIONER_UNTIL: day} if ceasing \
        else {nenkin.PENSIONER_FROM: day}
    return Scenario(fiscal_year_of(day), birth, date(birth.year + 10, 4, 1), previous=draw(st.sampled_from(codes)),
                    records=tuple((PART, item, value.isoformat()) for item, value in items.items()),
                    ).asked_on(day + timedelta(days=draw(st.integers(0, 30))))


def becoming_pensioners(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第1号被保険者 becoming 老齢給付等を受けることができる者 (第9条第4号)."""
    return pensioners(codes, False)


def ceasing_pensioners(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """老齢給付等を受けることができる者 since before twenty who stop being one (第8条第3号)."""
    return pensioners(codes, True)


# -- rules ----------------------------------------------------------------------------------------


def _category(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    insured = nenkin.is_first_insured_on(s.birth, s.as_of)
    return {"被保険者種別": nenkin.FIRST_INSURED if insured else None}


def _acquisition(s: Scenario, town: str) -> Projection:
    return on_as_of(s, {"資格取得日": iso_or_none(_acquired(s))})


def _loss(s: Scenario, town: str) -> Projection:
    allowed = nenkin.loss_dates_allowed(s.birth, s.moved_in, ending=ending_of(s),
                                        from_municipality=s.previous is not None)
    return on_as_of(s, {"資格喪失日": either(*(iso_or_none(day) for day in allowed))})


#: The months the text lists in no order (第11条, 第89条第1項), read in any order (issue 65); the oracles' months
#: run oldest first, the order :func:`in_any_order` gives month texts.
_PERIOD, _EXEMPT_MONTHS = picked_in_any_order(PART, "被保険者期間"), picked_in_any_order(PART, "法定免除月")


def _period(s: Scenario, town: str) -> Projection:
    lost = nenkin.period_loss_date(s.birth, s.moved_in, ending=ending_of(s))
    months = nenkin.insured_months_of_year(_acquired(s), lost, s.fiscal_year)
    return {"被保険者期間": [f"{year:04d}-{month:02d}" for year, month in months]}


def _period_after_move_in(s: Scenario, town: str) -> Projection:
    if not nenkin.held_on_move_in(s.birth, s.moved_in, from_abroad=s.previous is None):
        return {"被保険者期間": []}  # not insured on moving in (MOVED_IN_AT_SIXTY), nor since: 第8条 gives no 取得 here
    months = nenkin.months_after_move_in(s.birth, s.moved_in, ending_of(s), s.fiscal_year)
    return {"被保険者期間": [f"{year:04d}-{month:02d}" for year, month in months]}


def _span(s: Scenario, first: str, until: str) -> tuple[date, date | None] | None:
    start = s.record_day(PART, first)
    return None if start is None else (start, s.record_day(PART, until))


def _category_covered(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"被保険者種別": nenkin.category_on(s.birth, s.as_of, _span(s, nenkin.EMPLOYED_FROM, nenkin.EMPLOYED_UNTIL),
                                              _span(s, nenkin.DEPENDENT_FROM, nenkin.DEPENDENT_UNTIL))}


def _acquired_by_employment(s: Scenario, town: str) -> Projection:
    employed = s.record_day(PART, nenkin.EMPLOYED_FROM)
    assert employed is not None
    day = nenkin.acquired_on_employment(s.birth, employed) or _acquired(s)
    return on_as_of(s, {"資格取得日": iso_or_none(day)})


def _acquired_after_pension(s: Scenario, town: str) -> Projection:
    until = s.record_day(PART, nenkin.PENSIONER_UNTIL)
    assert until is not None
    return on_as_of(s, {"資格取得日": iso_or_none(nenkin.acquired_after_pension(s.birth, until))})


def _lost_on_pension(s: Scenario, town: str) -> Projection:
    since = s.record_day(PART, nenkin.PENSIONER_FROM)
    assert since is not None
    return on_as_of(s, {"資格喪失日": iso_or_none(nenkin.lost_on_pension(s.birth, since))})


def _lost_leaving_employment(s: Scenario, town: str) -> Projection:
    until = s.record_day(PART, nenkin.EMPLOYED_UNTIL)
    assert until is not None
    return on_as_of(s, {"資格喪失日": iso_or_none(nenkin.lost_on_leaving_employment(s.birth, until) or _lost(s))})


def _exempt(s: Scenario, town: str) -> Projection:
    start = s.record_day(PART, nenkin.EXEMPT_START)
    assert start is not None
    months = nenkin.exempt_months(start, s.record_day(PART, nenkin.EXEMPT_END), s.fiscal_year)
    return {"法定免除月": [f"{year:04d}-{month:02d}" for year, month in months]}


#: Worked examples: born 2005-04-01 reaches twenty on 2025-03-31 (取得 that day, counted from 3月);
#: born 1965-07-01 reaches sixty on 2025-06-30 (喪失 that day); a death on 2025-06-10 (喪失 6月11日).
BORN_ON_APRIL_FIRST = Scenario(2024, date(2005, 4, 1), date(2005, 4, 1), as_of=date(2025, 3, 31))
#: Issue 66 (statute mutants of the reference's day twenty is reached): born 2005-05-29 reaches twenty on
#: 2025-05-28, the day before the birthday (年齢計算ニ関スル法律), not 2月28日 (the day only a 2月29日 birth
#: reaches it in a year without 2月29日): 資格取得 that day (第8条第1号).
BORN_ON_MAY_29 = Scenario(2025, date(2005, 5, 29), date(2005, 5, 29), as_of=date(2025, 5, 28))
#: The same of one born 2005-03-29: twenty on 2025-03-28 (not 2025-02-28).
BORN_ON_MARCH_29 = Scenario(2024, date(2005, 3, 29), date(2005, 3, 29), as_of=date(2025, 3, 28))
REACHING_SIXTY = Scenario(2025, date(1965, 7, 1), date(1990, 4, 1), as_of=date(2025, 6, 30))
#: Issue 66 (the statute mutant _lost 7): in from abroad on 2025-06-30, the day sixty is reached (born 1965-07-01): no
#: 取得 (第8条第2号: 二十歳以上六十歳未満), so no 資格喪失日 (第9条第3号 ends a 資格 held).
ENTERED_AT_SIXTY = Scenario(2025, date(1965, 7, 1), date(2025, 6, 30), as_of=date(2025, 6, 30))
DIED = Scenario(2025, date(1990, 6, 6), date(2000, 1, 1), died=date(2025, 6, 10))
TO_ABROAD = Scenario(2025, date(1990, 6, 6), date(2000, 1, 1), planned_out=date(2025, 6, 30))
TO_MUNICIPALITY = Scenario(2025, date(1990, 6, 6), date(2000, 1, 1), planned_out=date(2025, 6, 30),
                           elsewhere=date(2025, 6, 30), next="131016")
FROM_ABROAD = Scenario(2025, date(1990, 6, 6), date(2025, 5, 10), foreign=True, as_of=date(2025, 5, 10))
#: In from abroad on 2025-05-12, the 転入届 on 2025-05-26: 資格取得 on 2025-05-12 (第8条第2号), not the 届出's day.
FROM_ABROAD_NOTIFIED_LATER = Scenario(2025, date(1990, 6, 6), date(2025, 5, 12), as_of=date(2025, 5, 31),
                                      notified=date(2025, 5, 26))
ONE_MONTH = Scenario(2025, date(2005, 5, 3), date(2005, 5, 3), planned_out=date(2025, 5, 20))
#: Moved in from 131016 on 2024-04-15 aged 33: every month of 年度 2024 is in the 被保険者期間 (the 資格 was held
#: before, 第9条 loses nothing on the move); left Japan on 2024-11-20: 2024-04 to 2024-10.
MOVED_IN_INSURED = Scenario(2024, date(1990, 6, 6), date(2024, 4, 15), previous="131016")
MOVED_IN_THEN_ABROAD = Scenario(2024, date(1990, 6, 6), date(2024, 4, 15), previous="131016",
                                planned_out=date(2024, 11, 20))
#: Issue 66 (statute mutants of the reference's months after a move-in, unseen by the draws): in from 131016 on
#: 2025-04-02 and dead on 2025-04-20 (喪失 2025-04-21, 第9条第1号): no month (第11条第1項 ends the months with the
#: month before the 喪失's, March, spent elsewhere; 第11条第2項 is of a 取得 in the month of the 喪失); in from 131016
#: on 2025-06-30, the day sixty is reached (born 1965-07-01): the 資格 was lost there that day (第9条第3号), so no
#: month of 年度 2026 here.
MOVED_IN_AND_DIED = Scenario(2025, date(1990, 6, 6), date(2025, 4, 2), previous="131016", died=date(2025, 4, 20))
MOVED_IN_AT_SIXTY = Scenario(2026, date(1965, 7, 1), date(2025, 6, 30), previous="131016")
#: Sixty reached after a 転出 to another municipality (issue 65, F6 of an outside vendor, seeds 11, 5 and 7 under
#: --thorough): the 資格 runs on after the move (第9条第2号 not met) but ends the day sixty is reached wherever the
#: person lives (第9条第3号, その日), so the months end with the month before (第11条第1項). Born 1957-01-01, in from
#: abroad and away on 2016-12-30, sixty on 2016-12-31: 2016-12 alone (第11条第2項); born 1966-01-01, in from 221007 on
#: 2025-01-01, away on 2025-02-10, sixty on 2025-12-31: 2025-04 to 2025-11; born 1964-02-29, in on 2023-04-01, away on
#: 2023-05-11, sixty on 2024-02-28: 2023-04 to 2024-01.
SIXTY_AFTER_MOVE = Scenario(2016, date(1957, 1, 1), date(2016, 12, 30), planned_out=date(2016, 12, 30),
                            elsewhere=date(2016, 12, 30), next="221007")
MOVED_ON_BEFORE_SIXTY = Scenario(2025, date(1966, 1, 1), date(2025, 1, 1), previous="221007",
                                 planned_out=date(2025, 2, 10), elsewhere=date(2025, 2, 10), next="221007")
MOVED_ON_BEFORE_SIXTY_LEAP = Scenario(2023, date(1964, 2, 29), date(2023, 4, 1), previous="221007",
                                      planned_out=date(2023, 5, 11), elsewhere=date(2023, 5, 11), next="221007")
MOVED_ON_BEFORE = (MOVED_ON_BEFORE_SIXTY, MOVED_ON_BEFORE_SIXTY_LEAP)
#: 生活扶助 from 2025-06-10 to its 廃止 on 2025-09-01: the 保険料 of 2025-05 to 2025-09 need not be paid (第89条第1項).
EXEMPTED = Scenario(2025, date(1985, 5, 5), date(2003, 4, 1), previous="131016",
                    records=_exemption("生活扶助", date(2025, 6, 10), date(2025, 9, 1)))
#: A 厚生年金 被保険者 from 2025-06-01 to its 喪失 on 2025-10-01, aged 35: 第2号 on 2025-06-01, 第1号 again on
#: 2025-10-01; a 被扶養配偶者 from 2025-06-01: 第3号 that day; born 2007-06-10, employed from 2025-04-01 at 17: 資格取得
#: that day (第8条柱書, 第4号).
EMPLOYED = Scenario(2025, date(1990, 6, 6), date(2008, 4, 1), previous="131016", as_of=date(2025, 6, 1),
                    records=_spans((date(2025, 6, 1), date(2025, 10, 1)), None))
DEPENDENT = Scenario(2025, date(1990, 6, 6), date(2008, 4, 1), previous="131016", as_of=date(2025, 6, 1),
                     records=_spans(None, (date(2025, 6, 1), None)))
#: Issue 66 (an outside vendor, session 37): born 1965-07-01, sixty reached on 2025-06-30: a 被扶養配偶者 since 2020 is
#: no 第3号 that day (二十歳以上六十歳未満), a 厚生年金 被保険者 since 2010 still 第2号 (no age in 第7条第1項第2号); a
#: 被扶養配偶者 employed from 2025-05-01 is 第2号 (第3号's かっこ書: 第二号被保険者である者を除く).
DEPENDENT_AT_SIXTY = Scenario(2025, date(1965, 7, 1), date(1990, 4, 1), previous="131016", as_of=date(2025, 6, 30),
                              records=_spans(None, (date(2020, 1, 1), None)))
EMPLOYED_AT_SIXTY = Scenario(2025, date(1965, 7, 1), date(1990, 4, 1), previous="131016", as_of=date(2025, 6, 30),
                             records=_spans((date(2010, 4, 1), None), None))
DEPENDENT_EMPLOYED = Scenario(2025, date(1990, 6, 6), date(2008, 4, 1), previous="131016", as_of=date(2025, 6, 1),
                              records=_spans((date(2025, 5, 1), None), (date(2024, 1, 1), None)))
#: Issue 66 (statute mutants of the reference's 種別, unseen by the draws): asked on the 厚生年金's 喪失日 (2025-10-01)
#: the same person is 第1号 again (第7条第1項第2号 while a 厚生年金保険 被保険者; the contract: up to the day before the
#: 喪失日), as a 被扶養配偶者 is on the 非該当年月日; a 厚生年金 被保険者 since 2020 is 第2号 on the day of the
#: move-in (2025-06-02, from 131016) and on the last day of the stay (a 転出 abroad on 2025-06-30: 第2号 has no
#: address in Japan).
EMPLOYED_ENDED = replace(EMPLOYED, as_of=date(2025, 10, 1))
DEPENDENT_ENDED = replace(DEPENDENT, as_of=date(2025, 10, 1),
                          records=_spans(None, (date(2025, 6, 1), date(2025, 10, 1))))
EMPLOYED_MOVING_IN = Scenario(2025, date(1990, 6, 6), date(2025, 6, 2), previous="131016", as_of=date(2025, 6, 2),
                              records=_spans((date(2020, 4, 1), None), None))
EMPLOYED_LEAVING = Scenario(2025, date(1990, 6, 6), date(2008, 4, 1), previous="131016", planned_out=date(2025, 6, 30),
                            as_of=date(2025, 6, 30), records=_spans((date(2020, 4, 1), None), None))
YOUNG_EMPLOYEE = Scenario(2025, date(2007, 6, 10), date(2007, 6, 10), as_of=date(2025, 4, 10),
                          records=_spans((date(2025, 4, 1), None), None))
#: Issue 66 (statute mutants of the reference's 厚生年金 取得, unseen by the draws): in from 131016 on 2024-04-01 aged
#: 23 (insured there: a move within Japan is no 取得), employed from 2025-06-12: no 資格取得日 here (the 厚生年金
#: after twenty changes the 種別 only, 第8条柱書 and 第4号 being of 二十歳未満の者); in from 131016 on 2024-04-01 at 18
#: and employed from that day: 資格取得 that day (第8条柱書, 第4号), asked after twenty is reached.
EMPLOYED_AFTER_TWENTY = Scenario(2025, date(2000, 6, 10), date(2024, 4, 1), previous="131016", as_of=date(2025, 6, 20),
                                 records=_spans((date(2025, 6, 12), None), None))
EMPLOYED_ON_MOVE_IN = Scenario(2025, date(2005, 6, 10), date(2024, 4, 1), previous="131016", as_of=date(2025, 6, 20),
                               records=_spans((date(2024, 4, 1), None), None))
#: Born 1975-05-05, a 第1号被保険者 since 1995, becomes a 老齢給付等を受けることができる者 on 2025-06-10: 資格喪失
#: that day (第9条柱書's その日); one since before twenty who stops being one on 2025-06-10: 資格取得 that day
#: (第8条第3号).
PENSIONER = Scenario(2025, date(1975, 5, 5), date(1985, 4, 1), previous="131016", as_of=date(2025, 6, 20),
                     records=((PART, nenkin.PENSIONER_FROM, "2025-06-10"),))
NO_LONGER_PENSIONER = Scenario(2025, date(1975, 5, 5), date(1985, 4, 1), previous="131016", as_of=date(2025, 6, 20),
                               records=((PART, nenkin.PENSIONER_FROM, "1993-05-04"),
                                        (PART, nenkin.PENSIONER_UNTIL, "2025-06-10")))
#: Born 2007-06-10, employed from 2025-04-01 to its 喪失 on 2026-01-01 (aged 18): 資格喪失 2026-01-01 (第9条第5号).
YOUNG_LEAVER = Scenario(2025, date(2007, 6, 10), date(2007, 6, 10), previous="131016", as_of=date(2026, 1, 6),
                        records=_spans((date(2025, 4, 1), date(2026, 1, 1)), None))

NENKIN_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.dated("nenkin.lost_on_leaving_employment", young_leavers, _lost_leaving_employment, "資格喪失日",
         (YOUNG_LEAVER,), needs_records=True, title="国民年金: under twenty, 資格喪失 on the day the 厚生年金 ends "
         "(第9条第5号, 柱書のその日)"),
    STATUTE.dated("nenkin.lost_on_pension", becoming_pensioners, _lost_on_pension,
         "資格喪失日", (PENSIONER,),
         needs_records=True, title="国民年金: 資格喪失 on the day of becoming a "
         "老齢給付等を受けることができる者 (第9条第4号, 柱書のその日)"),
    STATUTE.dated("nenkin.acquired_after_pension", ceasing_pensioners, _acquired_after_pension, "資格取得日",
         (NO_LONGER_PENSIONER,), needs_records=True, title="国民年金: 資格取得 on the day of no longer being a "
         "老齢給付等を受けることができる者 (第8条第3号)"),
    STATUTE.rule("nenkin.second_category", second_insured, _category_covered, "被保険者種別",
         (EMPLOYED, EMPLOYED_AT_SIXTY, DEPENDENT_EMPLOYED, EMPLOYED_ENDED, EMPLOYED_MOVING_IN, EMPLOYED_LEAVING),
         needs_records=True),
    STATUTE.rule("nenkin.third_category", third_insured, _category_covered, "被保険者種別",
         (DEPENDENT, DEPENDENT_AT_SIXTY, DEPENDENT_ENDED), needs_records=True),
    STATUTE.dated("nenkin.acquired_on_employment", young_employees, _acquired_by_employment, "資格取得日",
         (YOUNG_EMPLOYEE, EMPLOYED_AFTER_TWENTY, EMPLOYED_ON_MOVE_IN), needs_records=True,
         title="国民年金: under twenty, 資格取得 on the day the 厚生年金 begins "
         "(第8条第4号)"),
    STATUTE.rule("nenkin.exempt_months", exempted, _exempt, _EXEMPT_MONTHS, (EXEMPTED,),
         needs_records=True, title="国民年金: 法定免除 from the month before the month of coming under a 号 to "
         "the month of ceasing to (第89条第1項)"),
    STATUTE.rule("nenkin.period_after_move_in", moved_in_insured, _period_after_move_in,
         _PERIOD, (MOVED_IN_INSURED, MOVED_IN_THEN_ABROAD, *MOVED_ON_BEFORE, MOVED_IN_AND_DIED, MOVED_IN_AT_SIXTY),
         title="国民年金: the 被保険者期間 of a person who moved in already insured counts every month from the "
         "move-in (第11条第1項)"),
    STATUTE.rule("nenkin.category", categories, _category, "被保険者種別",
         (BORN_ON_APRIL_FIRST, REACHING_SIXTY, FROM_ABROAD)),
    STATUTE.dated("nenkin.acquired_at_twenty", turning_twenty, _acquisition, "資格取得日",
                  (BORN_ON_APRIL_FIRST, BORN_ON_MAY_29, BORN_ON_MARCH_29)),
    STATUTE.dated("nenkin.acquired_on_entry", entering, _acquisition, "資格取得日",
         (FROM_ABROAD, FROM_ABROAD_NOTIFIED_LATER)),
    STATUTE.dated("nenkin.lost_on_death", dying, _loss, "資格喪失日", (DIED,)),
    STATUTE.dated("nenkin.lost_on_emigration", leaving, _loss, "資格喪失日", (TO_ABROAD, TO_MUNICIPALITY)),
    STATUTE.dated("nenkin.lost_at_sixty", turning_sixty, _loss, "資格喪失日", (REACHING_SIXTY, ENTERED_AT_SIXTY)),
    STATUTE.rule("nenkin.period", insured_periods, _period, _PERIOD, (REACHING_SIXTY, TO_ABROAD)),
    STATUTE.rule("nenkin.period_one_month", one_month_periods, _period, _PERIOD, (ONE_MONTH, SIXTY_AFTER_MOVE)),
)}


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(NENKIN_RULES.values())
