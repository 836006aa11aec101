"""Scenario checks of 国民健康保険 by age (国民健康保険法; the statute edition ``kokuho 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query on an ``as_of`` day, compared with :mod:`conformance.domains.kokuho.oracle`, the
counterexample shrunk and reported with the seed). Each check judges one field of the answer's
``国民健康保険`` part on the persons its provision is about, so a wrong answer about one provision fails
that provision's check and no other:

- ``被保険者`` on ``as_of`` (第6条第8号): residents around their 75th birthday, when they become
  後期高齢者医療 被保険者 (the birthday itself is never asked: see
  :func:`conformance.domains.kokuho.oracle.is_excluded_as_koki_korei`);
- ``一部負担金割合`` on ``as_of`` (第42条第1項): children up to the first 3月31日 after six (第2号),
  persons from the next day to the month of seventy (第1号), and persons from the month after it
  (第3号; the income of 第4号 is not generated);
- ``被保険者`` of persons under another insurance sent as the 国民健康保険 record (第6条第1号-第6号, their
  ただし書, 第10号 with 第8条第2項; :func:`conformance.domains.kokuho.oracle.excluded_by_coverage`) or on 生活保護
  (第9号);
- ``取得日`` and ``喪失日`` around that 生活保護 (第7条: acquired on the 停止's first day; 第8条第2項: lost on the
  保護's first day and on the day a stopped 保護 is given again; :func:`conformance.domains.kokuho.oracle.
  qualification_around_welfare`);
- ``住所地特例_市区町村コード`` of a person who moved here by an 入院等 (第116条の2第1項, its ただし書 and 第2項第1号:
  the 市町村 the person is deemed to live in, None where no 特例 applies);
- ``介護納付金分賦課`` on ``as_of`` (第76条第3項): whether the 介護納付金's 保険料 is levied for the person, a
  介護保険 第2号被保険者 (forty to sixty-four);
- ``賦課月`` of the 年度 around the 75th birthday (第6条第8号, 第76条第1項: no month from the month of it).

The per-person rules of 資格 dates, premium months and prefecture continuity (``kokuho.dates``,
``kokuho.months``, ``kokuho.prefecture``) are at the end of this module.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.facility_exception import FacilityException, Sender
from conformance.checks.scenarios import _birth, _months, _near, history, iso_or_none, moves
from conformance.checks.statute_rules import Projection, Rule, Scenario, Statute, drawn_with, on_as_of, rule_checks
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.kokuho.oracle import kokuho_billed_month_readings, kokuho_billed_months
from conformance.oracles.dates import age_reached_on, anniversary, fiscal_year_of, month_of, next_month
from conformance.oracles.readings import either, year_view

PART = "国民健康保険"
STATUTE = Statute("kokuho", PART)
_DAY = timedelta(days=1)


def _first_day(month: tuple[int, int]) -> date:
    return date(month[0], month[1], 1)


@st.composite
def _resident_on(draw: st.DrawFn, birth: date, as_of: date, codes: tuple[str, str]) -> Scenario:
    """A resident asked about on ``as_of``: living here since birth or since a move-in before it."""
    moved_in = min(as_of, max(birth, draw(st.one_of(st.just(birth), _near(as_of - timedelta(days=400), 380)))))
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of)


def _clamped(day: date, low: date, high: date) -> date:
    return min(high, max(low, day))


@st.composite
def reaching_75(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident asked about a day around the 75th birthday (never the birthday itself)."""
    birth = draw(_birth(1941, 1951))
    birthday = anniversary(birth, 75)
    offset = draw(st.one_of(st.sampled_from((-1, 1, -2, 2)), st.integers(-60, 60)))
    return draw(_resident_on(birth, birthday + timedelta(days=offset or 1), codes))


@st.composite
def preschool(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child asked about a day up to the first 3月31日 after reaching six (第42条第1項第2号)."""
    birth = draw(_birth(2010, 2020))
    last = kokuho.first_march_31_after_six(birth)
    anchor = draw(st.sampled_from((last, age_reached_on(birth, kokuho.SCHOOL_AGE), birth + timedelta(days=900))))
    return draw(_resident_on(birth, _clamped(draw(_near(anchor, 5)), birth, last), codes))


@st.composite
def working_age(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person asked about a day from the day after that 3月31日 to the end of the month of reaching
    seventy (第42条第1項第1号): a child just past it, or a person around seventy."""
    birth = draw(st.one_of(_birth(2010, 2019), _birth(1946, 1956)))
    first = kokuho.first_march_31_after_six(birth) + _DAY
    last = _first_day(next_month(month_of(age_reached_on(birth, kokuho.SEVENTY)))) - _DAY
    anchor = first if birth.year >= 2010 else last
    return draw(_resident_on(birth, _clamped(draw(_near(anchor, 40)), first, last), codes))


@st.composite
def seventies(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person asked about a day from the month after the month of reaching seventy (第42条第1項第3号),
    before 75."""
    birth = draw(_birth(1946, 1956))
    first = _first_day(next_month(month_of(age_reached_on(birth, kokuho.SEVENTY))))
    return draw(_resident_on(birth, _clamped(draw(_near(first, 60)), first, first + timedelta(days=400)), codes))


#: The 国民健康保険 record of a person whose 世帯 receives 生活保護 (sent with ``targets.load.records_path``): its
#: first day, its 廃止, and a 停止 (its first day, the day the 保護 resumes).
WELFARE_START, WELFARE_END = "生活保護_開始年月日", "生活保護_廃止年月日"
WELFARE_STOPPED, WELFARE_RESUMED = "生活保護_停止年月日", "生活保護_停止解除年月日"


def _welfare(start: date, end: date | None, stopped: date | None = None,
             resumed: date | None = None) -> tuple[tuple[str, str, str], ...]:
    items = {WELFARE_START: start, WELFARE_END: end, WELFARE_STOPPED: stopped, WELFARE_RESUMED: resumed}
    return tuple((PART, item, day.isoformat()) for item, day in items.items() if day is not None)


@st.composite
def on_welfare(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident (born 1955-2000: never 75 on the day asked) whose 世帯 receives 生活保護 from a day, maybe
    until its 廃止; asked about near the first day or the 廃止 (第6条第9号)."""
    birth = draw(_birth(1955, 2000))
    begins = draw(st.dates(date(2019, 4, 1), date(2025, 3, 31)))
    ends = draw(st.one_of(st.none(), st.integers(1, 400).map(lambda days: begins + timedelta(days=days))))
    stopped, resumed = draw(_stop(begins, ends))
    as_of = draw(_near(draw(st.sampled_from(tuple(day for day in (begins, ends, stopped, resumed) if day))), 3))
    scenario = draw(_resident_on(birth, as_of, codes))
    return Scenario(scenario.fiscal_year, birth, scenario.moved_in, previous=scenario.previous,
                    as_of=scenario.as_of, records=_welfare(begins, ends, stopped, resumed))


@st.composite
def _long_resident_on_welfare(draw: st.DrawFn, codes: tuple[str, str], begins: date,
                              records: tuple[tuple[str, str, str], ...], anchors: tuple[date, ...]) -> Scenario:
    """A resident (born 1955-2000: never 75 on the day asked) since before ``begins`` (the 保護's first day), asked
    about one of ``anchors``, the day after, or 40 days on, in that day's 年度."""
    birth = draw(_birth(1955, 2000))
    as_of = draw(st.sampled_from(anchors)) + timedelta(days=draw(st.sampled_from((0, 1, 40))))
    moved_in = draw(st.dates(birth, begins - _DAY))
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, records=records)


@st.composite
def welfare_stopping(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident whose 世帯's 生活保護 is stopped from a day, maybe given again on a later one (生活保護法 第26条,
    not quoted: the record gives the days); asked about around the 停止 or the 停止解除 (第7条, 第8条第2項)."""
    begins = draw(st.dates(date(2019, 4, 1), date(2025, 3, 31)))
    stopped = begins + timedelta(days=draw(st.integers(1, 400)))
    resumed = draw(st.one_of(st.none(), st.integers(1, 300).map(lambda days: stopped + timedelta(days=days))))
    return draw(_long_resident_on_welfare(codes, begins, _welfare(begins, None, stopped, resumed),
                                          (stopped, resumed or stopped)))


@st.composite
def welfare_starting(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident whose 世帯 starts receiving 生活保護 (and still does), asked about around its first day."""
    begins = draw(st.dates(date(2019, 4, 1), date(2025, 12, 31)))
    return draw(_long_resident_on_welfare(codes, begins, _welfare(begins, None), (begins,)))


def welfare_losing(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """The days 第8条第2項 ends a 資格 on: a 保護's first day, or the day a stopped 保護 is given again."""
    resumed = welfare_stopping(codes).filter(lambda s: s.record(PART).get(WELFARE_RESUMED) is not None)
    return st.one_of(welfare_starting(codes), resumed)


@st.composite
def _stop(draw: st.DrawFn, begins: date, ends: date | None) -> tuple[date | None, date | None]:
    """Often no 停止; else one from a day after the 保護's first, maybe resumed before its 廃止 (生活保護法 第26条,
    not quoted: the record gives the days)."""
    last = (ends or begins + timedelta(days=400)) - timedelta(days=1)
    if last <= begins or draw(st.integers(0, 2)) == 0:
        return None, None
    stopped = draw(st.dates(begins + timedelta(days=1), last))
    resumed = draw(st.one_of(st.none(), st.dates(stopped + timedelta(days=1), last + timedelta(days=1))))
    return stopped, resumed if resumed is None or ends is None or resumed < ends else None


@st.composite
def turning_75(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident asked about the premium months of a 年度 around the 75th birthday (第6条第8号, 第76条第1項)."""
    birth = draw(_birth(1943, 1951))
    return draw(_resident_on(birth, anniversary(birth, 75) + timedelta(days=draw(st.integers(-300, 300)) or 1),
                             codes))


def _coverage(kind: str, start: date, end: date | None) -> tuple[tuple[str, str, str], ...]:
    items = {kokuho.COVERAGE_KIND: kind, kokuho.COVERAGE_START: start.isoformat(),
             kokuho.COVERAGE_END: end.isoformat() if end is not None else None}
    return tuple((PART, item, value) for item, value in items.items() if value is not None)


@st.composite
def covered(draw: st.DrawFn, codes: tuple[str, str], kinds: tuple[str, ...]) -> Scenario:
    """A resident (born 1955-2000: never 75 on the day asked) under another coverage of ``kinds`` (第6条各号)
    from a day, maybe until it ends; asked about near its first day or its end. The rules draw it with the kinds of
    their 号: 健康保険, 船員保険, a 共済組合 or 私学共済, or a 被扶養者 of one (第1号-第6号); a 日雇特例被保険者 or a
    被扶養者 of one (第1号・第5号ただし書); a 国民健康保険組合の被保険者 (第10号, 第8条第2項)."""
    birth = draw(_birth(1955, 2000))
    begins = draw(st.dates(date(2019, 4, 1), date(2025, 3, 31)))
    ends = draw(st.one_of(st.none(), st.integers(1, 400).map(lambda days: begins + timedelta(days=days))))
    as_of = draw(_near(draw(st.sampled_from((begins, ends or begins))), 3))
    scenario = draw(_resident_on(birth, as_of, codes))
    return Scenario(scenario.fiscal_year, birth, scenario.moved_in, previous=scenario.previous,
                    as_of=scenario.as_of, records=_coverage(draw(st.sampled_from(kinds)), begins, ends))


@st.composite
def day_labourer_books(draw: st.DrawFn, codes: tuple[str, str], returned: bool) -> Scenario:
    """A resident holding a 日雇特例被保険者手帳 (第6条第7号) from its 交付, maybe until no room is left, or
    (``returned``) returned before that (ただし書); asked about near one of those days (a rule each: holders who
    did not return it, holders who did)."""
    birth = draw(_birth(1955, 2000))
    issued = draw(st.dates(date(2019, 4, 1), date(2025, 3, 31)))
    full = draw(st.one_of(st.none(), st.integers(30, 400).map(lambda days: issued + timedelta(days=days))))
    back = issued + timedelta(days=draw(st.integers(1, 29))) if returned else None
    as_of = draw(_near(draw(st.sampled_from([day for day in (issued, full, back) if day is not None])), 3))
    scenario = draw(_resident_on(birth, as_of, codes))
    items = _coverage(kokuho.BOOK_COVERAGE, issued, full)
    if back is not None:
        items = (*items, (PART, kokuho.BOOK_RETURNED, back.isoformat()))
    return Scenario(scenario.fiscal_year, birth, scenario.moved_in, previous=scenario.previous,
                    as_of=scenario.as_of, records=items)


@st.composite
def around_forty_or_sixty_five(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident (a 国保 被保険者) asked about a day around reaching forty or sixty-five (第76条第3項)."""
    age = draw(st.sampled_from((40, 65)))
    birth = draw(_birth(2016 - age, 2025 - age))
    as_of = draw(_near(age_reached_on(birth, age), 3))
    return draw(_resident_on(birth, as_of, codes))


#: 第116条の2 (住所地特例): a person who moved here by an 入院等 of 第116条の2第1項 (any 号, with or without the
#: 入所措置), from another 市町村 of the prefecture, of another, or from abroad, asked about a day of the stay
#: (``in_facility``; born by 2005, so moved here after birth); a 特定継続入院等被保険者, moved here from a 病院等 in
#: ``codes[0]`` by a further 入院等, the first of the chain having begun while living in ``codes[1]`` (第116条の2第1項
#: ただし書, 第2項第1号: ``in_facility_chain``).
FACILITY = FacilityException(PART, kokuho.FACILITY_KIND, kokuho.FACILITY_MEASURE, kokuho.CHAIN_ORIGIN,
                             kokuho.FACILITIES, born=(1940, 2005), moved_in=(date(2019, 4, 1), date(2025, 3, 31)),
                             stay_days=400)
in_facility, in_facility_chain = FACILITY.in_facility, FACILITY.in_chain


def _resident_since_2000(birth: date) -> date:
    return max(birth, date(2000, 4, 1))


#: The sending side of 第116条の2第1項: a 被保険者 (resident here for years, under 75) who moved out to another 市町村
#: by an 入院等 that keeps the person here (any 号; 第2号・第5号 with the 入所措置), asked about a day after the move. A
#: move the 特例 does not keep is any move out, 第8条's rules'.
SENDER = Sender(PART, kokuho.MOVED_OUT_KIND, kokuho.MOVED_OUT_MEASURE, kokuho.FACILITIES, kokuho.MEASURE_ONLY,
                born=(1955, 2000), resident_since=_resident_since_2000)
leaving_for_facility = SENDER.leaving


# -- rules ----------------------------------------------------------------------------------------


def _insured(s: Scenario, town: str) -> Projection:
    """被保険者 on ``as_of`` by either reading of 後期's 75 (the day before the birthday differs:
    :func:`kokuho.koki_exclusion_readings`)."""
    assert s.as_of is not None
    return {"被保険者": either(*kokuho.insured_readings(s.birth, s.moved_in, None, s.as_of))}


def _welfare_of(s: Scenario) -> kokuho.WelfareDays:
    items = {item: date.fromisoformat(value) for part, item, value in s.records if part == PART}
    return kokuho.WelfareDays(items.get(WELFARE_START), items.get(WELFARE_END), items.get(WELFARE_STOPPED),
                              items.get(WELFARE_RESUMED))


def _insured_on_welfare(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    welfare = _welfare_of(s).excludes(s.as_of)
    return {"被保険者": kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of) and not welfare}


def _welfare_year_view(s: Scenario) -> tuple[tuple[date | None, ...], tuple[date | None, ...]]:
    """The 取得日 and 喪失日 of the 資格 around the 生活保護 (:func:`kokuho.qualification_around_welfare`) as the
    年度 asked about may show them (:func:`conformance.oracles.readings.year_view`)."""
    assert s.as_of is not None
    acquired, lost = kokuho.qualification_around_welfare(s.moved_in, None, s.as_of, _welfare_of(s))
    return year_view(acquired, lost, s.fiscal_year)


def _acquired_around_welfare(s: Scenario, town: str) -> Projection:
    return on_as_of(s, {"取得日": either(*map(iso_or_none, _welfare_year_view(s)[0]))})


def _lost_around_welfare(s: Scenario, town: str) -> Projection:
    return on_as_of(s, {"喪失日": either(*map(iso_or_none, _welfare_year_view(s)[1]))})


def _insured_under_coverage(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    start, kind = s.record_day(PART, kokuho.COVERAGE_START), s.record(PART).get(kokuho.COVERAGE_KIND)
    assert start is not None and kind is not None
    excluded = kokuho.excluded_by_coverage(kind, start, s.record_day(PART, kokuho.COVERAGE_END), s.as_of)
    if excluded is None:  # the day the text leaves open (第6条柱書 and 第8条第1項's 翌日): not drawn
        assume(False)
    return {"被保険者": kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of) and not excluded}


def _insured_with_book(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    issued = s.record_day(PART, kokuho.COVERAGE_START)
    assert issued is not None
    excluded = kokuho.excluded_by_day_labourer_book(issued, s.record_day(PART, kokuho.COVERAGE_END),
                                                    s.record_day(PART, kokuho.BOOK_RETURNED), s.as_of)
    if excluded is None:  # the day of the 交付 or of the 返納: not drawn
        assume(False)
    return {"被保険者": kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of) and not excluded}


def _kaigo_share(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"介護納付金分賦課": kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of)
            and kokuho.kaigo_share_levied(s.birth, s.as_of)}


def _months_to_75(s: Scenario, town: str) -> Projection:
    if kokuho.seventy_five_month_open(s.birth):  # a 75th birthday on the last day of its month: not drawn
        assume(False)
    return {"賦課月": _months(kokuho_billed_months(history(s, town), town, s.fiscal_year, s.birth))}


def _kept_by_sender(s: Scenario, town: str) -> Projection:
    """第116条の2第1項 from the sending 市町村: moved out into a 病院等 by an 入院等 it names, the person is deemed to
    live here still: a 被保険者 with no 喪失日 (every person :func:`leaving_for_facility` draws is)."""
    kept = SENDER.kept(s, kokuho.kept_by_sender)
    assert kept, "leaving_for_facility draws only the moves the 特例 keeps"
    return {"被保険者": True, "喪失日": None}


_deemed = FACILITY.deemed("住所地特例_市区町村コード", kokuho.deemed_municipality)


def _copay(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"一部負担金割合": kokuho.copay_ratio(s.birth, s.as_of)}


#: Worked examples. Born 1950-06-15: a 後期高齢者医療 被保険者 from 2025-06-15, so no 国保 被保険者 on
#: 2025-06-16, one on 2025-06-14. Born 2019-04-02 reaches six on 2025-04-01: 十分の二 until 2026-03-31;
#: born 2019-04-01 reaches it on 2025-03-31: 十分の二 that day, 十分の三 from 2025-04-01. Born 1955-07-10
#: reaches seventy on 2025-07-09: 十分の三 all July; born 1955-08-01 reaches it on 2025-07-31: 十分の二
#: from 2025-08-01.
AFTER_75 = Scenario(2025, date(1950, 6, 15), date(1980, 4, 1), as_of=date(2025, 6, 16))
BEFORE_75 = Scenario(2025, date(1950, 6, 15), date(1980, 4, 1), as_of=date(2025, 6, 14))
SIX_IN_APRIL = Scenario(2025, date(2019, 4, 2), date(2019, 4, 2), as_of=date(2025, 4, 2))
SIX_ON_MARCH_31 = Scenario(2024, date(2019, 4, 1), date(2019, 4, 1), as_of=date(2025, 3, 31))
SCHOOL_ON_APRIL_1 = Scenario(2025, date(2019, 4, 1), date(2019, 4, 1), as_of=date(2025, 4, 1))
SEVENTY_IN_JULY = Scenario(2025, date(1955, 7, 10), date(1985, 4, 1), as_of=date(2025, 7, 20))
SEVENTY_ON_JULY_31 = Scenario(2025, date(1955, 8, 1), date(1985, 4, 1), as_of=date(2025, 8, 1))
#: 生活保護 from 2025-06-01 to its 廃止 on 2025-09-01: no 被保険者 on 2025-06-01 (第8条第2項: その日から), one
#: on 2025-05-31 and again on 2025-09-01.
WELFARE_FIRST_DAY = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 6, 1),
                             records=_welfare(date(2025, 6, 1), date(2025, 9, 1)))
WELFARE_ENDED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 9, 1),
                         records=_welfare(date(2025, 6, 1), date(2025, 9, 1)))
#: 生活保護 from 2025-06-01, stopped from 2025-07-01 and resumed on 2025-10-01: a 被保険者 on 2025-07-01 (第6条第9号's
#: 括弧書: a stopped 世帯 is not excluded), none again on 2025-10-01.
WELFARE_STOPPED_DAY = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 7, 1),
                               records=_welfare(date(2025, 6, 1), None, date(2025, 7, 1), date(2025, 10, 1)))
WELFARE_RESUMED_DAY = replace(WELFARE_STOPPED_DAY, as_of=date(2025, 10, 1))
#: The same 世帯 asked about its 資格's days on 2025-07-20: acquired on 2025-07-01, the 停止's first day (第7条: 第9号
#: no longer applies), lost on 2025-10-01, the day the 保護 is given again (第8条第2項: その日から); on 2025-06-01
#: (WELFARE_FIRST_DAY) the 資格 of 2000-04-01 is lost that day.
STOP_ACQUIRED = replace(WELFARE_STOPPED_DAY, as_of=date(2025, 7, 20))
#: Born 1950-06-15: 後期高齢者医療 from 2025-06-15; 国保 bills 2025-04 and 2025-05 of 令和7年度, not June on.
BILLED_TO_75 = Scenario(2025, date(1950, 6, 15), date(1980, 4, 1), as_of=date(2025, 6, 16))
#: 健康保険 from 2025-06-01 to its 喪失 on 2025-09-01: no 国保 被保険者 on 2025-06-02, one again on 2025-09-01.
EMPLOYED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 6, 2),
                    records=_coverage("健康保険被保険者", date(2025, 6, 1), date(2025, 9, 1)))
EMPLOYMENT_ENDED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 9, 1),
                            records=_coverage("健康保険被保険者", date(2025, 6, 1), date(2025, 9, 1)))
#: A 日雇特例被保険者 from 2025-06-01: still a 国保 被保険者 on 2025-06-10 (第6条第1号ただし書).
DAY_LABOURER = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 6, 10),
                        records=_coverage("日雇特例被保険者", date(2025, 6, 1), None))
#: A 国民健康保険組合の被保険者 from 2025-06-01: no 被保険者 that day (第8条第2項: その日から).
UNION_FIRST_DAY = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 6, 1),
                           records=_coverage(kokuho.UNION_COVERAGE, date(2025, 6, 1), None))
#: Moved here from 131016 into a 病院 on 2024-05-01: deemed to live in 131016 (第116条の2第1項第1号); into a
#: 養護老人ホーム without the 入所措置: no 特例 (第5号); from a 病院 in 131016 after a first 入院等 from 011002:
#: deemed to live in 011002 (第2項第1号).
#: A 被保険者 here since 2000 moved out to 131016 into a 病院 on 2025-06-10: still this town's 被保険者 on 2025-06-11,
#: no 喪失日 (第116条の2第1項, the sending side).
LEFT_FOR_HOSPITAL = Scenario(2025, date(1970, 5, 5), date(2000, 4, 1), planned_out=date(2025, 6, 10),
                             elsewhere=date(2025, 6, 10), next="131016", as_of=date(2025, 6, 11),
                             records=SENDER.record("病院・診療所", False))
HOSPITALISED = FACILITY.example(date(1950, 5, 5), "131016", "病院・診療所", False)
HOME_WITHOUT_MEASURE = FACILITY.example(date(1940, 5, 5), "131016", "養護老人ホーム・特別養護老人ホーム", False)
CHAIN = FACILITY.example(date(1950, 5, 5), "131016", "特定施設・介護保険施設", True, "011002")
#: A 日雇特例被保険者手帳 issued 2025-06-01, room until 2026-01-01: no 国保 被保険者 on 2025-06-10; returned on
#: 2025-07-01 instead: a 被保険者 again on 2025-07-02 (ただし書).
BOOK_HELD = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 6, 10),
                     records=_coverage(kokuho.BOOK_COVERAGE, date(2025, 6, 1), date(2026, 1, 1)))
BOOK_RETURNED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 7, 2),
                         records=(*_coverage(kokuho.BOOK_COVERAGE, date(2025, 6, 1), date(2026, 1, 1)),
                                  (PART, kokuho.BOOK_RETURNED, "2025-07-01")))
#: Born 1985-06-15 reaches forty on 2025-06-14: the 介護納付金分 is levied that day, not on 2025-06-13.
FORTY_REACHED = Scenario(2025, date(1985, 6, 15), date(2000, 4, 1), as_of=date(2025, 6, 14))

KOKUHO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    *STATUTE.family(_insured_with_book, "被保険者",
        ("kokuho.day_labourer_book", drawn_with(day_labourer_books, False), (BOOK_HELD,)),
        ("kokuho.day_labourer_book_returned", drawn_with(day_labourer_books, True), (BOOK_RETURNED,)),
        needs_records=True),
    STATUTE.rule("kokuho.kaigo_share", around_forty_or_sixty_five, _kaigo_share, "介護納付金分賦課", (FORTY_REACHED,)),
    *STATUTE.family(_deemed, "住所地特例_市区町村コード",
        ("kokuho.facility_deemed", in_facility, (HOSPITALISED, HOME_WITHOUT_MEASURE)),
        ("kokuho.facility_chain", in_facility_chain, (CHAIN,)), needs_records=True),
    STATUTE.rule("kokuho.facility_sender", leaving_for_facility, _kept_by_sender, ("被保険者", "喪失日"),
        (LEFT_FOR_HOSPITAL,), needs_records=True),
    STATUTE.rule("kokuho.months_to_75", turning_75, _months_to_75, "賦課月", (BILLED_TO_75,)),
    *STATUTE.family(_insured_under_coverage, "被保険者",
        ("kokuho.employee_insurance_excluded", drawn_with(covered, kokuho.EMPLOYEE_COVERAGE),
         (EMPLOYED, EMPLOYMENT_ENDED)),
        ("kokuho.day_labourer_included", drawn_with(covered, kokuho.DAY_LABOURER_COVERAGE), (DAY_LABOURER,)),
        ("kokuho.union_excluded", drawn_with(covered, (kokuho.UNION_COVERAGE,)), (UNION_FIRST_DAY,)),
        needs_records=True),
    STATUTE.rule("kokuho.welfare_excluded", on_welfare, _insured_on_welfare, "被保険者",
        (WELFARE_FIRST_DAY, WELFARE_ENDED, WELFARE_STOPPED_DAY, WELFARE_RESUMED_DAY), needs_records=True),
    STATUTE.dated("kokuho.acquired_on_welfare_stop", welfare_stopping, _acquired_around_welfare, "取得日",
        (STOP_ACQUIRED,), needs_records=True),
    STATUTE.dated("kokuho.lost_on_welfare", welfare_losing, _lost_around_welfare, "喪失日",
        (WELFARE_FIRST_DAY, STOP_ACQUIRED, WELFARE_RESUMED_DAY), needs_records=True),
    STATUTE.rule("kokuho.koki_korei_excluded", reaching_75, _insured, "被保険者", (AFTER_75, BEFORE_75)),
    STATUTE.rule("kokuho.copay_preschool", preschool, _copay, "一部負担金割合", (SIX_IN_APRIL, SIX_ON_MARCH_31)),
    STATUTE.rule("kokuho.copay_working_age", working_age, _copay, "一部負担金割合",
        (SCHOOL_ON_APRIL_1, SEVENTY_IN_JULY)),
    STATUTE.rule("kokuho.copay_seventy", seventies, _copay, "一部負担金割合", (SEVENTY_ON_JULY_31,)),
)}


# -- The first rules (judged with 住民記録's generated scenarios: moves, elders, families) --------------------

def _kokuho(scenario: Scenario, town: str) -> kokuho.KokuhoRecordReadings:
    """The answers every allowed reading gives the town's record (a move inside the 都道府県: the town's record
    ending, or the 都道府県's 資格 running on; :func:`conformance.domains.kokuho.oracle.kokuho_record_readings`)."""
    stays = history(scenario, town)
    return kokuho.kokuho_record_readings(stays, next(s for s in stays if s.municipality == town))


def _kokuho_dates(s: Scenario, town: str) -> Projection:
    """Every reading of a move inside the 都道府県, and of the 年度 asked about: a date outside it may be left out
    (:func:`conformance.oracles.readings.year_view`)."""
    readings = _kokuho(s, town)
    acquired, lost = year_view(readings.acquired[0], readings.lost[0], s.fiscal_year)
    return on_as_of(s, {"取得日": either(*map(iso_or_none, (*readings.acquired, *acquired))),
                         "喪失日": either(*map(iso_or_none, (*readings.lost, *lost)))})


def _kokuho_months(s: Scenario, town: str) -> Projection:
    return {"賦課月": either(*map(_months, kokuho_billed_month_readings(history(s, town), town, s.fiscal_year,
                                                                     s.birth)))}


def _kokuho_prefecture(s: Scenario, town: str) -> Projection:
    return {"都道府県内継続": either(*_kokuho(s, town).continued)}


#: 第5条 (the 都道府県 with its 市町村 the insurer since 2018-04): moved here on 2024-06-01 from 静岡市 (the
#: reference's town is in 静岡県: for a town elsewhere the same person is the other case) and from 千代田区.
FROM_SAME_PREFECTURE = Scenario(2024, date(1970, 5, 5), date(2024, 6, 1), previous="221007")
FROM_OTHER_PREFECTURE = Scenario(2024, date(1970, 5, 5), date(2024, 6, 1), previous="131016")
#: The readings of a move inside the 都道府県 (:func:`conformance.domains.kokuho.oracle.kokuho_record_readings`):
#: moved in from 静岡市 on 2024-06-01 and on to 静岡市 on 2025-03-10 (the 転入通知's day): 取得日 2024-06-01 or none,
#: 喪失日 2025-03-10 or none (the town's record ending, or the 都道府県's 資格 running on), 都道府県内継続 true;
#: on to 千代田区 that day instead: 喪失日 2025-03-10 (第8条第1項ただし書); moved in from 静岡市 on 2017-06-01,
#: before the 都道府県単位化: 都道府県内継続 either (:func:`conformance.domains.kokuho.oracle.prefecture_unit_open`).
MOVED_ON_WITHIN = replace(FROM_SAME_PREFECTURE, planned_out=date(2025, 3, 10), elsewhere=date(2025, 3, 10),
                          next="221007")
MOVED_ON_ELSEWHERE = replace(MOVED_ON_WITHIN, next="131016")
BEFORE_PREFECTURE_UNIT = Scenario(2017, date(1970, 5, 5), date(2017, 6, 1), previous="221007")
#: Premium months (第76条第1項 as provisions.yaml reads it): moved in 2024-04-10 and abroad 2024-09-15: 2024-04 to
#: 2024-08; moved in 2024-06-05 and on to 千代田区 2024-06-20: June billed or not (同月得喪 with 国保 elsewhere in the
#: month: :func:`conformance.domains.kokuho.oracle.kokuho_billed_month_readings`); died 2024-06-20 instead: June.
BILLED_TO_MOVE = Scenario(2024, date(1970, 5, 5), date(2024, 4, 10), planned_out=date(2024, 9, 15))
SAME_MONTH_MOVED_ON = Scenario(2024, date(1970, 5, 5), date(2024, 6, 5), planned_out=date(2024, 6, 20),
                               elsewhere=date(2024, 6, 20), next="131016")
SAME_MONTH_DIED = Scenario(2024, date(1970, 5, 5), date(2024, 6, 5), died=date(2024, 6, 20))
DATES = STATUTE.dated("kokuho.dates", moves, _kokuho_dates, ("取得日", "喪失日"), (MOVED_ON_WITHIN, MOVED_ON_ELSEWHERE))
MONTHS = STATUTE.rule("kokuho.months", moves, _kokuho_months, "賦課月",
             (BILLED_TO_MOVE, SAME_MONTH_MOVED_ON, SAME_MONTH_DIED))
PREFECTURE = STATUTE.rule("kokuho.prefecture", moves, _kokuho_prefecture, "都道府県内継続",
                 (FROM_SAME_PREFECTURE, FROM_OTHER_PREFECTURE, MOVED_ON_WITHIN, BEFORE_PREFECTURE_UNIT))

RULE_CHECKS = rule_checks((*KOKUHO_RULES.values(), DATES, MONTHS, PREFECTURE))
