"""Scenario checks of 後期高齢者医療 (高齢者の医療の確保に関する法律; the statute edition ``koki_korei 2025.12``)
beyond the start by age (``scenario.koki_korei.start`` in :mod:`conformance.checks.scenarios`).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.koki_korei.oracle`). Each check judges one field of
the answer's ``後期高齢者医療`` part on the persons its provision is about, so a wrong answer about one
provision fails that provision's check and no other:

- ``被保険者`` on ``as_of``: persons around 75 who stay, die, leave Japan or move, inside the prefecture
  (the 広域連合's 区域: 資格 kept) or out of it (第50条第1号); persons of 65 to 74 with or without the
  広域連合's 障害認定 (第2号); persons of 75 or more whose household receives 生活保護 (第51条第1号);
- ``資格取得日``: a person of 75 or more moving in from another prefecture or from abroad, maybe
  notifying days later (第52条第2号: the day of the move); the 廃止 of 生活保護 (第52条 柱書: the day
  第51条 no longer applies); a 障害認定 (第52条第3号: the day of the 認定);
- ``資格喪失日``: the day after the last day of an address in the 区域 (a death, a 転出 abroad, a
  転出 to another prefecture with days between: 第53条第1項); the move day itself when the address in
  the other prefecture began that day (ただし書); the first day of 生活保護 (第53条第2項).

住民記録 holds no 障害認定 and no 生活保護: the checks that turn on them send them to the vendor as a
``後期高齢者医療`` record (``targets.load.records_path``; without it they are NOT_AUTOMATED). The dates
asked about are those of the 資格 in effect on ``as_of`` (else the last one before it); a day after ``as_of`` (a 資格
not begun, a 喪失 not happened) may also be answered as null (:func:`conformance.oracles.readings.not_yet`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.facility_exception import FacilityException
from conformance.checks.registry import check
from conformance.checks.scenarios import (
    ELDER_APRIL_FIRST,
    _birth,
    _near,
    elders,
    gone_that_day,
    history,
    iso_or_none,
    other_codes,
)
from conformance.checks.statute_rules import (
    Loaded,
    Projection,
    Rule,
    Scenario,
    Statute,
    agreement_check,
    on_as_of,
    rule_checks,
)
from conformance.domains.koki_korei import oracle
from conformance.domains.koki_korei.oracle import (
    CERTIFIED_AGE,
    KokiFacts,
    koki_insured_on,
    koki_korei_start,
    koki_qualification,
)
from conformance.oracles.dates import DAY, age_reached_on, anniversary, fiscal_year_of
from conformance.oracles.readings import either
from conformance.testdata.town import TOWN_CODE

PART = "後期高齢者医療"
STATUTE = Statute("koki_korei", PART)
_CERTIFIED, _WELFARE_START, _WELFARE_END = "障害認定年月日", "生活保護_開始年月日", "生活保護_廃止年月日"
_WELFARE_STOPPED, _WELFARE_RESUMED = "生活保護_停止年月日", "生活保護_停止解除年月日"
_ITEMS = {"certified": _CERTIFIED, "welfare_start": _WELFARE_START, "welfare_end": _WELFARE_END,
          "welfare_stopped": _WELFARE_STOPPED, "welfare_resumed": _WELFARE_RESUMED}


def _record(**items: date | None) -> tuple[tuple[str, str, str], ...]:
    return tuple((PART, _ITEMS[key], value.isoformat()) for key, value in items.items() if value is not None)


def facts_of(s: Scenario) -> KokiFacts:
    """The scenario's 後期高齢者医療 record as the oracle's facts."""
    items = {item: date.fromisoformat(value) for domain, item, value in s.records if domain == PART}
    return KokiFacts(**{key: items.get(item) for key, item in _ITEMS.items()})


def _asked(s: Scenario, as_of: date) -> Scenario:
    return replace(s, as_of=as_of, fiscal_year=fiscal_year_of(as_of))


def _resident(birth: date) -> date:
    """The move-in of a resident since the age of thirty."""
    return date(birth.year + 30, 4, 1)


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def around_75(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person around 75 (resident long, or moving in near the birthday), who may die, leave Japan or
    move inside the prefecture or out of it (the same day, with days between, 転入 before the planned
    day) near the birthday; asked about near the birthday or the end."""
    birth = draw(_birth(1940, 1952))
    start = koki_korei_start(birth)
    moved_in = draw(st.one_of(st.just(_resident(birth)), _near(start - timedelta(days=30), 60)))
    scenario = Scenario(2000, birth, moved_in, previous=draw(st.sampled_from((None, *codes))))
    end = max(moved_in, draw(_near(start + timedelta(days=draw(st.sampled_from((0, 20, 200)))), 15)))
    step = draw(st.integers(1, 10))
    kind = draw(st.sampled_from(("none", "died", "abroad", "same_day", "early", "gap")))
    where = draw(st.sampled_from(codes))
    ended = {
        "none": scenario,
        "died": replace(scenario, died=end),
        "abroad": replace(scenario, planned_out=end),
        "same_day": replace(scenario, planned_out=end, elsewhere=end, next=where),
        "early": replace(scenario, planned_out=end + timedelta(days=step), elsewhere=end, next=where),
        "gap": replace(scenario, planned_out=end, elsewhere=end + timedelta(days=step), next=where),
    }[kind]
    anchor = draw(st.sampled_from((start, end, end + DAY)))
    return _asked(ended, max(moved_in, draw(_near(anchor, 3))))


@st.composite
def certified(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident aged 65 to 74 with (or without) the 広域連合's 障害認定, asked about near its day."""
    birth = draw(_birth(1951, 1958))
    first, last = age_reached_on(birth, 65), koki_korei_start(birth) - DAY
    day = draw(st.one_of(st.just(first), st.just(last), st.dates(first, last)))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)))
    if draw(st.integers(0, 4)) > 0:
        scenario = replace(scenario, records=_record(certified=day))
    return _asked(scenario, draw(_near(day, 3)))


@st.composite
def certified_young(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident aged 55 to 64 with (or without) a 障害認定 of the 広域連合, asked about a day from the 認定 to the
    day before 65 is reached: no 被保険者 by 第50条第2号 (六十五歳以上七十五歳未満) under every reading (issue 66: a
    koki-only product was judged on such a 認定 only by the agreement with 介護保険). Whether a 認定 given before 65
    counts once 65 is reached the text does not say (the 認定 is of persons of 65 to 74): no day from 65 on is asked."""
    birth = draw(_birth(1960, 1968))
    reached = age_reached_on(birth, CERTIFIED_AGE)
    day = draw(st.one_of(st.just(reached - DAY), st.dates(anniversary(birth, 55), reached - DAY)))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)))
    if draw(st.integers(0, 4)) > 0:
        scenario = replace(scenario, records=_record(certified=day))
    return _asked(scenario, draw(st.one_of(st.just(reached - DAY), st.dates(day, reached - DAY))))


@st.composite
def certified_any_age(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The persons of 第50条第2号: of 65 to 74 (:func:`certified`) or younger (:func:`certified_young`)."""
    return draw(st.one_of(certified(codes), certified(codes), certified_young(codes)))


@st.composite
def on_welfare(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident of 75 or more (or reaching 75) whose household receives 生活保護 from a day, maybe
    until a later one; asked about near the start or the end."""
    birth = draw(_birth(1935, 1950))
    start = max(koki_korei_start(birth) - timedelta(days=60), date(2019, 4, 1))
    begins = draw(st.dates(start, start + timedelta(days=800)))
    ends = draw(st.one_of(st.none(), st.integers(1, 400).map(lambda days: begins + timedelta(days=days))))
    stopped, resumed = draw(_stop(begins, ends))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)),
                        records=_record(welfare_start=begins, welfare_end=ends, welfare_stopped=stopped,
                                        welfare_resumed=resumed))
    days = tuple(day for day in (begins, ends, stopped, resumed) if day is not None)
    return _asked(scenario, draw(_near(draw(st.sampled_from(days)), 3)))


@st.composite
def _stop(draw: st.DrawFn, begins: date, ends: date | None) -> tuple[date | None, date | None]:
    """Often no 停止; else one from a day after the 保護's first, maybe lifted before its 廃止 (生活保護法 第26条, not
    quoted: the record gives the days)."""
    last = (ends or begins + timedelta(days=400)) - DAY
    if last <= begins or draw(st.integers(0, 2)) == 0:
        return None, None
    stopped = draw(st.dates(begins + DAY, last))
    resumed = draw(st.one_of(st.none(), st.dates(stopped + DAY, last + DAY)))
    return stopped, resumed if resumed is None or ends is None or resumed < ends else None


@st.composite
def moving_in(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person of 75 or more moving in from another prefecture or from abroad (soon after the
    birthday or years after), maybe notifying up to 20 days later; asked about some time after."""
    birth = draw(_birth(1935, 1950))
    start = koki_korei_start(birth)
    moved_in = draw(_near(start + timedelta(days=draw(st.sampled_from((0, 1, 400, 3000)))), 3))
    moved_in = max(start, moved_in)
    late = draw(st.one_of(st.just(0), st.integers(1, 20)))
    scenario = Scenario(2000, birth, moved_in, previous=draw(st.sampled_from((None, codes[1]))),
                        notified=moved_in + timedelta(days=late) if late else None)
    return _asked(scenario, moved_in + timedelta(days=draw(st.integers(0, 400))))


@st.composite
def leaving_welfare(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident of 75 or more whose household's 生活保護 ended (廃止) after the 75th birthday."""
    birth = draw(_birth(1935, 1949))
    start = koki_korei_start(birth)
    begins = draw(st.dates(start - timedelta(days=400), start + timedelta(days=600)))
    ends = max(begins, start) + timedelta(days=draw(st.integers(1, 500)))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)),
                        records=_record(welfare_start=begins, welfare_end=ends))
    return _asked(scenario, ends + timedelta(days=draw(st.sampled_from((0, 1, 30, 400)))))


@st.composite
def certified_on(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident aged 65 to 74 certified by the 広域連合 on a day (often a month's first or last)."""
    scenario = draw(certified(codes).filter(lambda s: bool(s.records)))
    day = facts_of(scenario).certified
    assert day is not None
    return _asked(scenario, day + timedelta(days=draw(st.sampled_from((0, 1, 40, 300)))))


@st.composite
def _insured(draw: st.DrawFn, codes: tuple[str, str]) -> tuple[Scenario, date]:
    """A 被保険者 here (a resident reaching 75, or moving in after it from another prefecture or from
    abroad) and a day after the 資格 began, for it to end."""
    birth = draw(_birth(1935, 1950))
    start = koki_korei_start(birth)
    moved_in = draw(st.one_of(st.just(_resident(birth)), _near(start, 30)))
    scenario = Scenario(2000, birth, moved_in, previous=draw(st.sampled_from((None, codes[1]))))
    acquired = max(start, moved_in)
    return scenario, acquired + timedelta(days=draw(st.sampled_from((1, 2, 30, 400, 3000))))


@st.composite
def leaving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被保険者 whose address in the 区域 ends with no address in another prefecture that day: a death,
    a 転出 abroad, a 転出 to another prefecture whose 転入通知 names a later day."""
    scenario, day = draw(_insured(codes))
    ended = draw(gone_that_day(scenario, day, (codes[1],)))
    return _asked(ended, day + timedelta(days=draw(st.sampled_from((0, 1, 2, 40)))))


@st.composite
def moving_on(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被保険者 moving to another prefecture whose 転入通知 says the address there began on the
    move-out day (the 転出予定年月日 or before it)."""
    scenario, day = draw(_insured(codes))
    planned = day + timedelta(days=draw(st.one_of(st.just(0), st.integers(1, 10))))
    moved = replace(scenario, planned_out=planned, elsewhere=day, next=codes[1])
    return _asked(moved, day + timedelta(days=draw(st.sampled_from((0, 1, 40)))))


@st.composite
def welfare_starting(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被保険者 whose household starts receiving 生活保護 (and still does)."""
    scenario, day = draw(_insured(codes))
    return _asked(replace(scenario, records=_record(welfare_start=day)),
                  day + timedelta(days=draw(st.sampled_from((0, 1, 40)))))


@st.composite
def welfare_stopping(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident of 75 or more whose household's 生活保護 (begun after the 75th birthday) is stopped from a day,
    maybe given again on a later one (生活保護法 第26条, not quoted: the record gives the days); asked about the day of
    the 停止, the day after, 40 days on, or the days around the 停止解除."""
    birth = draw(_birth(1935, 1949))
    begins = draw(st.dates(max(koki_korei_start(birth) + DAY, date(2019, 4, 1)), date(2025, 12, 31)))
    stopped = begins + timedelta(days=draw(st.integers(1, 400)))
    resumed = draw(st.one_of(st.none(), st.integers(1, 300).map(lambda days: stopped + timedelta(days=days))))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)),
                        records=_record(welfare_start=begins, welfare_stopped=stopped, welfare_resumed=resumed))
    anchor = draw(st.sampled_from((stopped, resumed or stopped)))
    return _asked(scenario, anchor + timedelta(days=draw(st.sampled_from((0, 1, 40)))))


@st.composite
def welfare_resuming(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A :func:`welfare_stopping` person whose stopped 保護 is given again."""
    return draw(welfare_stopping(codes).filter(lambda s: facts_of(s).welfare_resumed is not None))


#: 第55条 (病院等に入院等中の被保険者の特例): a person of 75 or more who moved here by an 入院等 of 第55条第1項 (any
#: 号, with or without the 入所措置), from a 市町村 of this 都道府県, of another, or from abroad, asked about a day of
#: the stay (``in_facility``); a 特定継続入院等被保険者, moved here from a 病院等 in ``codes[0]`` (this 都道府県), the
#: first 入院等 of the chain having begun while living in ``codes[1]`` (another) (第55条第1項ただし書, 第2項第1号:
#: ``in_facility_chain``).
FACILITY = FacilityException(PART, oracle.FACILITY_KIND, oracle.FACILITY_MEASURE, oracle.CHAIN_ORIGIN,
                             oracle.FACILITIES, born=(1930, 1948), moved_in=(date(2024, 4, 1), date(2025, 3, 31)),
                             stay_days=300)
in_facility, in_facility_chain = FACILITY.in_facility, FACILITY.in_chain


# -- rules ----------------------------------------------------------------------------------------


def _insured_on(s: Scenario, town: str) -> Projection:
    """被保険者 on ``as_of``, by every reading of a 認定 on the day 65 is reached
    (:func:`oracle.certification_readings`), of 七十五歳に達したとき and of the system's first day
    (:data:`oracle.READINGS`)."""
    assert s.as_of is not None
    return {"被保険者": either(*(koki_insured_on(s.birth, history(s, town), town[:2], s.as_of, facts, eve, since_law)
                                for facts in oracle.certification_readings(s.birth, facts_of(s))
                                for eve, since_law in oracle.READINGS))}


def _qualifications(s: Scenario, town: str) -> tuple[tuple[date | None, date | None], ...]:
    """(資格取得日, 資格喪失日) by each reading of the 認定 (:func:`oracle.certification_readings`), of 75 and of the
    system's first day (:data:`oracle.READINGS`)."""
    assert s.as_of is not None
    return tuple(koki_qualification(s.birth, history(s, town), town[:2], s.as_of, facts, eve, since_law)
                 for facts in oracle.certification_readings(s.birth, facts_of(s))
                 for eve, since_law in oracle.READINGS)


def _other_union(kind: str, measure: bool, previous: str | None, town: str, origin: str | None) -> str | None:
    """第55条's 広域連合 for a person in a 病院等 of ``town``: the one of the town's 都道府県 (its code's first two
    digits) is this one."""
    return oracle.other_union(kind, measure, previous, town[:2], origin)


_union = FACILITY.deemed("住所地特例_都道府県コード", _other_union)


def _acquired(s: Scenario, town: str) -> Projection:
    """資格取得日 by every reading; a day after ``as_of`` may also be null (`statute_rules.on_as_of`)."""
    return on_as_of(s, {"資格取得日": either(*(iso_or_none(acquired) for acquired, _ in _qualifications(s, town)))})


def _lost(s: Scenario, town: str) -> Projection:
    """資格喪失日 by every reading; a day after ``as_of`` may also be null (`statute_rules.on_as_of`)."""
    return on_as_of(s, {"資格喪失日": either(*(iso_or_none(lost) for _, lost in _qualifications(s, town)))})


#: Worked examples (town of the bundled test data; the other codes are other_codes' of it):
#: born 1950-06-06, a move inside the prefecture on 2025-06-30 keeps 資格 (被保険者 on 7月1日); a death on
#: 2025-06-10 ends it on 6月11日 (第53条第1項); a 転出 whose 転入通知 in another prefecture names 6月30日
#: ends it on 6月30日 (ただし書); 生活保護 from 2025-06-01 ends it that day (第53条第2項), and its 廃止 on
#: 2025-09-01 starts it again that day (第52条); a 障害認定 on 2025-06-10 at 68 starts it that day
#: (第50条第2号, 第52条第3号); a move-in from abroad at 80 on 2025-05-10, notified 5月20日, on 5月10日.
_SAME, _OTHER = other_codes(TOWN_CODE)
MOVED_WITHIN = Scenario(2025, date(1950, 6, 6), date(1980, 4, 1), planned_out=date(2025, 6, 30),
                        elsewhere=date(2025, 6, 30), next=_SAME, as_of=date(2025, 7, 1))
DIED = Scenario(2025, date(1949, 5, 5), date(1980, 4, 1), died=date(2025, 6, 10), as_of=date(2025, 6, 20))
TO_OTHER_PREFECTURE = Scenario(2025, date(1949, 5, 5), date(1980, 4, 1), planned_out=date(2025, 6, 30),
                               elsewhere=date(2025, 6, 30), next=_OTHER, as_of=date(2025, 7, 1))
WELFARE = Scenario(2025, date(1945, 5, 5), date(1980, 4, 1), as_of=date(2025, 6, 1),
                   records=_record(welfare_start=date(2025, 6, 1)))
#: 生活保護 from 2025-06-01, stopped from 2025-07-01 and given again on 2025-10-01: a 被保険者 on 2025-07-01 (第51条
#: 第1号's 括弧書: a stopped household is not excluded), none again on 2025-10-01.
WELFARE_STOPPED = Scenario(2025, date(1945, 5, 5), date(1980, 4, 1), as_of=date(2025, 7, 1),
                           records=_record(welfare_start=date(2025, 6, 1), welfare_stopped=date(2025, 7, 1),
                                           welfare_resumed=date(2025, 10, 1)))
WELFARE_RESUMED = replace(WELFARE_STOPPED, as_of=date(2025, 10, 1))
#: The same household asked about its 資格's days: acquired on 2025-07-01, the first day of the 停止 (第52条 柱書:
#: 第51条第1号 no longer applies), lost on 2025-10-01, the day the 保護 is given again (第53条第2項).
STOP_ACQUIRED = replace(WELFARE_STOPPED, as_of=date(2025, 7, 20))
WELFARE_ENDED = Scenario(2025, date(1945, 5, 5), date(1980, 4, 1), as_of=date(2025, 9, 1),
                         records=_record(welfare_start=date(2025, 6, 1), welfare_end=date(2025, 9, 1)))
#: Born 1945-05-05, moved in from another prefecture on 2025-06-01, the day the household's 生活保護 begins, asked on
#: 2025-06-10 while it lasts: no 資格 on any day (第51条第1号 from the first day of the address; 第52条 gives none
#: until the 保護 ends), so 資格取得日 and 資格喪失日 null under every reading (issue 66: the statute mutation run
#: found no draw whose 資格 would begin on the 保護's first day).
WELFARE_ON_MOVE_IN = Scenario(2025, date(1945, 5, 5), date(2025, 6, 1), previous=_OTHER, as_of=date(2025, 6, 10),
                              records=_record(welfare_start=date(2025, 6, 1)))
#: Born 1945-05-05, moved in from another prefecture on 2025-06-01 and out to another one, whose 転入通知 names
#: 2025-06-01 as the day the address there began, asked on 2025-06-10: no day of address in the 区域 (第53条第1項
#: ただし書: the move day is the new address's), so no 資格: 資格取得日 and 資格喪失日 null (issue 66: the statute
#: mutation run found no draw of a stay of no day).
MOVED_THROUGH = Scenario(2025, date(1945, 5, 5), date(2025, 6, 1), previous=_OTHER, planned_out=date(2025, 6, 1),
                         elsewhere=date(2025, 6, 1), next=_OTHER, as_of=date(2025, 6, 10))
CERTIFIED = Scenario(2025, date(1957, 1, 1), date(1990, 4, 1), as_of=date(2025, 6, 10),
                     records=_record(certified=date(2025, 6, 10)))
#: Born 1960-06-15, certified on 2025-06-14, the day 65 is reached: 被保険者 from that day or from the 65th birthday
#: (the readings of 第50条第2号's 六十五歳以上: :func:`oracle.certification_readings`).
CERTIFIED_AT_65 = Scenario(2025, date(1960, 6, 15), date(1990, 4, 1), as_of=date(2025, 6, 14),
                           records=_record(certified=date(2025, 6, 14)))
#: Born 1963-06-15, certified on 2025-06-01 at 61, asked on 2025-06-20: no 被保険者 (第50条第2号: 六十五歳以上); born
#: 1960-06-15, certified on 2025-06-13, the day before 65 is reached, asked that day: none either; born 1957-01-01,
#: of 68 with no 認定, asked on 2025-06-10: none (第50条第1号 at 75 only).
CERTIFIED_YOUNG = Scenario(2025, date(1963, 6, 15), date(1993, 4, 1), as_of=date(2025, 6, 20),
                           records=_record(certified=date(2025, 6, 1)))
CERTIFIED_EVE_OF_65 = Scenario(2025, date(1960, 6, 15), date(1990, 4, 1), as_of=date(2025, 6, 13),
                               records=_record(certified=date(2025, 6, 13)))
NOT_CERTIFIED = Scenario(2025, date(1957, 1, 1), date(1990, 4, 1), as_of=date(2025, 6, 10))
FROM_ABROAD = Scenario(2025, date(1945, 5, 5), date(2025, 5, 10), notified=date(2025, 5, 20),
                       as_of=date(2025, 6, 1))
#: Moved here from another 都道府県 into a 病院 on 2024-05-01: the 被保険者 of that 都道府県's 広域連合 (第55条
#: 第1項第1号); into a 養護老人ホーム without the 入所措置: of this one; from a 病院 in this 都道府県 after a first
#: 入院等 from 011002 (北海道): of 北海道's (第2項第1号).
IN_FACILITY = FACILITY.example(date(1940, 5, 5), _OTHER, "病院・診療所", False)
HOME_WITHOUT_MEASURE = FACILITY.example(date(1940, 5, 5), _OTHER, "養護老人ホーム・特別養護老人ホーム", False)
CHAIN = FACILITY.example(date(1940, 5, 5), _SAME, "特定施設・介護保険施設", True, "011002")

KOKI_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    *STATUTE.family(_union, "住所地特例_都道府県コード",
        ("koki_korei.facility_union", in_facility, (IN_FACILITY, HOME_WITHOUT_MEASURE)),
        ("koki_korei.facility_chain", in_facility_chain, (CHAIN,)), needs_records=True),
    STATUTE.rule("koki_korei.insured", around_75, _insured_on, "被保険者", (MOVED_WITHIN, DIED)),
    STATUTE.rule("koki_korei.certified", certified_any_age, _insured_on, "被保険者",
        (CERTIFIED, CERTIFIED_AT_65, CERTIFIED_YOUNG, CERTIFIED_EVE_OF_65, NOT_CERTIFIED), needs_records=True),
    STATUTE.rule("koki_korei.welfare_excluded", on_welfare, _insured_on, "被保険者",
        (WELFARE, WELFARE_STOPPED, WELFARE_RESUMED), needs_records=True),
    STATUTE.rule("koki_korei.acquired_on_move_in", moving_in, _acquired, "資格取得日", (FROM_ABROAD, MOVED_THROUGH)),
    STATUTE.rule("koki_korei.acquired_after_welfare", leaving_welfare, _acquired, "資格取得日",
        (WELFARE_ENDED, WELFARE_ON_MOVE_IN), needs_records=True),
    STATUTE.rule("koki_korei.acquired_on_certification", certified_on, _acquired, "資格取得日",
        (CERTIFIED, CERTIFIED_AT_65), needs_records=True),
    STATUTE.rule("koki_korei.lost_day_after", leaving, _lost, "資格喪失日", (DIED,)),
    STATUTE.rule("koki_korei.lost_on_move_day", moving_on, _lost, "資格喪失日", (TO_OTHER_PREFECTURE, MOVED_THROUGH)),
    STATUTE.rule("koki_korei.lost_on_welfare", welfare_starting, _lost, "資格喪失日", (WELFARE, WELFARE_ON_MOVE_IN),
        needs_records=True),
    STATUTE.rule("koki_korei.acquired_on_welfare_stop", welfare_stopping, _acquired, "資格取得日", (STOP_ACQUIRED,),
        needs_records=True),
    STATUTE.rule("koki_korei.lost_on_welfare_resumed", welfare_resuming, _lost, "資格喪失日",
        (STOP_ACQUIRED, WELFARE_RESUMED), needs_records=True),
)}


# -- The first rules (judged with 住民記録's generated scenarios: moves, elders, families) --------------------

def _koki(s: Scenario, town: str) -> Projection:
    """The start by age, by either reading of 七十五歳に達したとき (:data:`oracle.AGE_READINGS`)."""
    return {"開始日": either(*(day.isoformat() for day in oracle.koki_korei_starts(s.birth)))}


#: Born 1952-02-29, here since 1982: the 75th birthday falls in a common year (2027), which has no 2月29日. 開始日
#: 2027-03-01 (the birthday reading: 民法 第143条第2項 ends the 75 years on 2月28日, the birthday taken as the day
#: after) or 2027-02-28 (the day the age is reached); 2027-02-27 and 2027-03-02 by neither (provisions.yaml
#: 第52条第1項第1号; issue 67, blind round 4 bug 20).
LEAP_DAY_BIRTH = Scenario(2026, date(1952, 2, 29), date(1982, 4, 1))
START = STATUTE.rule("koki_korei.start", elders, _koki, "開始日", (ELDER_APRIL_FIRST, LEAP_DAY_BIRTH))


# -- One reading of 75 in one answer (issue 65, issue 66 item 4) ------------------------------------------------

#: What the agreement rule's projection says when the answer's 開始日 and 資格取得日 name one day.
AGREES, START_AGREEMENT = "一致", "第52条第1号"


@st.composite
def reached_here(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident here since thirty (no move, no record) asked about the day of the 75th birthday or a day after it:
    a 被保険者 by 第52条第1号 under either reading of 七十五歳に達したとき."""
    birth = draw(_birth(1938, 1951))
    scenario = Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)))
    return _asked(scenario, koki_korei_start(birth) + timedelta(days=draw(st.sampled_from((0, 1, 31, 400)))))


def _start_agrees(s: Scenario, town: str) -> Projection:
    """Whichever reading of 七十五歳に達したとき a system takes, its answer takes it once: for a resident who reached 75
    here, the 開始日 (the start by age) is the 資格取得日 (第52条第1号). Each field alone is its own rule's
    (koki_korei.start, koki_korei.insured), which accept either day."""
    return {START_AGREEMENT: AGREES}


def _shown_start_agreement(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """``一致`` where the answer's 開始日 and 資格取得日 are one day, else both values."""
    part = document.get(PART)
    values = {name: part.get(name) if isinstance(part, Mapping) else None for name in ("開始日", "資格取得日")}
    agrees = values["開始日"] is not None and values["開始日"] == values["資格取得日"]
    return {START_AGREEMENT: AGREES if agrees else values}


#: Born 1950-06-15, here since 1980, asked on 2025-06-20: 開始日 and 資格取得日 2025-06-15 (or both 2025-06-14).
REACHED_HERE = Scenario(2025, date(1950, 6, 15), date(1980, 4, 1), as_of=date(2025, 6, 20))
START_AGREES = STATUTE.rule("koki_korei.start_agreement", reached_here, _start_agrees, _shown_start_agreement,
                            (REACHED_HERE,))

RULE_CHECKS = rule_checks((*KOKI_RULES.values(), START, START_AGREES))


# -- The 後期 and 介護保険 parts of one answer (issue 66 item 4) ---------------------------------------------------

#: The 介護保険 part of the answer (contract/kaigo.yaml) and what the agreement names.
KAIGO_PART, KAIGO_AGREEMENT = "介護保険", "第50条・介護保険法第9条第1号"


@st.composite
def certified_or_aged(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident here since thirty aged 55 to 90 on the day asked, often with a 障害認定 of the 広域連合 given at 55
    to 74 (before 65 too: 第50条第2号 then gives no 資格), maybe of a household on 生活保護; asked about a day after
    the 認定 or any day."""
    birth = draw(_birth(1935, 1970))
    as_of = draw(st.dates(max(anniversary(birth, 55), date(2019, 4, 1)),
                          min(anniversary(birth, 90), date(2026, 12, 31))))
    records: tuple[tuple[str, str, str], ...] = ()
    if draw(st.integers(0, 3)) > 0:
        first = anniversary(birth, 55)
        records = _record(certified=draw(st.dates(first, min(as_of, koki_korei_start(birth) - DAY))))
    if draw(st.integers(0, 4)) == 0:
        records = (*records, *_record(welfare_start=as_of - timedelta(days=draw(st.integers(0, 400)))))
    return _asked(Scenario(2000, birth, _resident(birth), previous=draw(st.sampled_from(codes)), records=records),
                  as_of)


def _kaigo_agrees(s: Scenario, town: str) -> Projection:
    """Whatever the person, the 後期 part's 被保険者 is the 介護保険 part's 第1号被保険者: a 被保険者 of this 広域連合
    lives in its 区域 and is 65 or more (第50条: 七十五歳以上, or 六十五歳以上 with the 認定), so a resident of the town
    of 65 or more, 介護保険法 第9条第1号 (no 住所地特例 is generated)."""
    return {KAIGO_AGREEMENT: AGREES}


def _shown_kaigo_agreement(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """``一致`` unless the answer names the person a 後期 被保険者 and no 第1号被保険者 (or leaves either out)."""
    elder, care = document.get(PART), document.get(KAIGO_PART)
    values = {"後期の被保険者": elder.get("被保険者") if isinstance(elder, Mapping) else None,
              "介護の第1号被保険者": care.get("第1号被保険者") if isinstance(care, Mapping) else None}
    known = all(isinstance(value, bool) for value in values.values())
    agrees = known and (values["後期の被保険者"] is False or values["介護の第1号被保険者"] is True)
    return {KAIGO_AGREEMENT: AGREES if agrees else values}


#: Born 1963-06-15, certified on 2025-06-01 at 61 (before 65: no 後期 資格 by 第50条第2号, a 第2号's age for 介護),
#: asked on 2025-06-20: neither 後期 nor 第1号; born 1958-06-15, certified on 2025-06-01 at 66: both.
CERTIFIED_ELDER = Scenario(2025, date(1958, 6, 15), date(1988, 4, 1), as_of=date(2025, 6, 20),
                           records=_record(certified=date(2025, 6, 1)))
KAIGO_AGREES = STATUTE.rule("koki_korei.kaigo_agreement", certified_or_aged, _kaigo_agrees, _shown_kaigo_agreement,
                            (CERTIFIED_YOUNG, CERTIFIED_ELDER), needs_records=True)


#: The 後期 and 介護保険 parts of one answer agree (後期 第50条, 介護保険法 第9条第1号), for a vendor claiming both.
koki_kaigo_agreement = check("scenario.koki_korei.kaigo_agreement")(
    agreement_check(KAIGO_AGREES, "後期高齢者医療 and 介護保険"))
