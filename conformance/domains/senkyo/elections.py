"""選挙人名簿管理's rules of the 名簿 around an election (第19条第1項, 第22条第2項〜第4項, 第24条, and the window of
第28条の2第1項 and 第28条の3第1項): the persons drawn, the oracle's answer, the worked examples and the rules
(``checks`` registers them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import (
    Loaded,
    Projection,
    Rule,
    Scenario,
    _birth,
    _near,
    in_any_order,
    picked_in_any_order,
)
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import (
    _DAY,
    _KINDS,
    _LONG,
    PART,
    STATUTE,
    _as_of,
    _asked,
    _born_reaching,
    _decision_of,
    _long_resident,
    _registration_day,
    _with_decision,
    _with_election,
    as_later_reading,
    election_of,
    election_question,
    person_of,
)
from conformance.oracles.dates import age_reached_on, fiscal_year_of, months_later
from conformance.oracles.readings import either


@st.composite
def _election_voter(draw: st.DrawFn, codes: tuple[str, str], qualified_near: date, eighteen_near: tuple[date, ...],
                    asked: date) -> Scenario:
    """A Japanese newcomer whose three months recorded complete around ``qualified_near`` (or a long resident),
    reaching eighteen around one of ``eighteen_near`` (or an adult), asked about some days after ``asked``."""
    if draw(st.booleans()):
        birth = _born_reaching(draw(st.sampled_from(eighteen_near).flatmap(lambda day: _near(day, 3))),
                               senkyo.VOTING_AGE)
    else:
        birth = draw(_birth(1950, 2000))
    notified = draw(_near(months_later(qualified_near, -3), 4))
    settled = draw(st.sampled_from((birth, notified))) if birth < notified - timedelta(days=400) else notified
    start = Scenario(asked.year, birth, settled, previous=None if settled == birth else draw(st.sampled_from(codes)),
                     notified=None if settled == birth else notified)
    return _asked(start, asked + timedelta(days=draw(st.integers(0, 25))))


@st.composite
def elections_in_registration_month(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第22条第2項: an election whose 期日 is 1-20 days after a 登録月の一日, its 公示 9, 12 or 17 days before (so
    the 一日 falls from the 公示 to the day before the 期日, or before the 公示), the 基準日 the day before the
    公示 (never the 一日 itself: 第4項's case); a voter qualified around the 一日, reaching eighteen around it or
    around the 期日."""
    first = draw(_registration_day())
    day = first + timedelta(days=draw(st.integers(1, 20)))
    notice = day - timedelta(days=draw(st.sampled_from((9, 12, 17))))
    base = notice - _DAY
    if base == first:
        base -= _DAY
    voter = draw(_election_voter(codes, first, (first, day), first))
    return _with_election(voter, senkyo.Election(notice, day, base))


@st.composite
def elections_with_base_day(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第22条第3項: an election whose 基準日 is not a 登録月の一日 (the day before the 公示, the 期日 12 or 17 days
    after it); a voter qualified around the 基準日, reaching eighteen around it or around the 期日."""
    base = draw(st.dates(date(2021, 1, 1), date(2026, 12, 31)).filter(lambda d: d.day != 1))
    notice = base + _DAY
    day = notice + timedelta(days=draw(st.sampled_from((12, 17))))
    voter = draw(_election_voter(codes, base, (base, day), base))
    return _with_election(voter, senkyo.Election(notice, day, base))


@st.composite
def elections_on_registration_day(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第22条第4項: an election whose 基準日 is a 登録月の一日 (公示 the next day); a voter qualified around it,
    reaching eighteen around it or around the 期日."""
    first = draw(_registration_day())
    notice = first + _DAY
    day = notice + timedelta(days=draw(st.sampled_from((9, 12, 17))))
    voter = draw(_election_voter(codes, first, (first, day), first))
    return _with_election(voter, senkyo.Election(notice, day, first))


def _scheduled(s: Scenario) -> bool:
    """Whether the registration that registered the person (if any) was made on a 登録月の一日 (not a 選挙時登録:
    第2号's)."""
    election = election_of(s)
    found = senkyo.registration_with_election(person_of(s), _as_of(s), election) if election is not None else None
    return found is None or found[1] != senkyo.BY_ELECTION


@st.composite
def _scheduled_registration(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    first = draw(_registration_day())
    kind = draw(st.sampled_from(("none", "eve", "far")))
    election = None
    if kind == "eve":
        election = senkyo.Election(first - timedelta(days=11), first + _DAY, first - timedelta(days=12))
    elif kind == "far":
        election = senkyo.Election(first + timedelta(days=40), first + timedelta(days=52), first + timedelta(days=39))
    voter = draw(_election_voter(codes, first, (first, first + timedelta(days=3)), first))
    return _with_election(voter, election) if election is not None else replace(voter, records=())


def scheduled_registrations(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第24条第1項第1号: a newcomer whose three months recorded complete around a 登録月の一日 (a Saturday or Sunday
    now and then: the registration is made on it or on the Monday, :func:`~people.as_later_reading`), with no
    election, one whose 期日 is the next day (the 一日 on the 期日の前日: 第1号 still) or one far off. The five days
    often end on a Saturday or Sunday: not extended (第270条の3)."""
    return _scheduled_registration(codes).filter(_scheduled)


@st.composite
def _campaign_registration(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    first = draw(_registration_day())
    if draw(st.booleans()):
        day = first + timedelta(days=draw(st.integers(1, 10)))
        election = senkyo.Election(day - timedelta(days=12), day, day - timedelta(days=13))
        anchor = first
    else:
        base = first + timedelta(days=draw(st.integers(1, 11)))
        election = senkyo.Election(base + _DAY, base + timedelta(days=draw(st.sampled_from((13, 18)))), base)
        anchor = base
    voter = draw(_election_voter(codes, anchor, (anchor, election.day), anchor))
    return _with_election(voter, election)


def campaign_registrations(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第24条第1項第2号: a 登録月の一日 from the 公示 to the 期日の前々日 (or the 期日の前日: 第1号), or a 選挙時登録
    on a 基準日 early in March, June, September or December; a voter qualified around it. The day after often is a
    Saturday, a Sunday or a 国民の祝日: not moved (第270条の3)."""
    return _campaign_registration(codes)


@st.composite
def inspection_days(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第28条の2第1項: a day around the 公示 or around five days after the 期日 of an election."""
    notice = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((5, 7, 9, 12, 17)))),
                               notice - _DAY)
    anchor = draw(st.sampled_from((notice, election.day + timedelta(days=5))))
    start = draw(_long_resident(codes))
    return _asked(_with_election(start, election), max(start.moved_in, draw(_near(anchor, 3))))


@st.composite
def _confirmation_day(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    first = draw(_registration_day())
    notice = first - timedelta(days=draw(st.integers(-20, 12)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((12, 17)))), notice - _DAY)
    periods = senkyo.objection_days_of_election(election)
    anchors = (*(start for start, _ in periods), *(end for _, end in periods), notice, election.day + timedelta(days=5))
    start = draw(_long_resident(codes))
    return _asked(_with_election(start, election),
                  max(start.moved_in, draw(st.sampled_from(anchors).flatmap(lambda day: _near(day, 2)))))


def confirmation_days(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第28条の2第1項 後段: a day around the 異議 periods of the registrations around an election (a 登録月の一日
    from 12 days after its 公示 to 20 days before it) or around the window's ends, the periods ending on a 休日 too (a
    確認 may be asked on a 休日 within them: 第270条第1項第1号); a 一日 that is a 休日 outside the campaign too, each
    day the 委員会 may register on giving its period (:func:`_confirmation`: a day open under one reading only takes
    either answer, one open or closed under both is judged)."""
    return _confirmation_day(codes)


def _objection(s: Scenario, town: str) -> Projection:
    """第24条第1項: the 異議の申出 period of the registration that registered the person (None: not registered)."""
    election = election_of(s)
    person, as_of = person_of(s), _as_of(s)
    found = (senkyo.registration_with_election(person, as_of, election) if election is not None
             else _by_schedule(person, as_of))
    if found is None:
        return {"異議申出期間": None}
    start, end = senkyo.objection_period(found[0], found[1], election)
    return {"異議申出期間": {"開始": start.isoformat(), "終了": end.isoformat()}}


def _objection_either(s: Scenario, town: str) -> Projection:
    """:func:`_objection` read as :func:`~people.as_later_reading` reads the vendor's answer."""
    return {"異議申出期間": as_later_reading(_objection(s, town)["異議申出期間"])}


def _objection_read(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The vendor's 異議申出期間, either day 第22条第1項 allows read as the later (people.as_later_reading)."""
    part = document.get(PART)
    period = part.get("異議申出期間") if isinstance(part, Mapping) else None
    return {"異議申出期間": as_later_reading(period)}


def _by_schedule(person: senkyo.Person, as_of: date) -> tuple[date, str] | None:
    day = senkyo.registration_day(person, as_of)
    return None if day is None else (day, senkyo.BY_SCHEDULE)


_inspection = election_question("抄本閲覧_可否", senkyo.inspection_open)


def _confirmation(s: Scenario, town: str) -> Projection:
    """第28条の2第1項 後段 on the day asked, under each day 第22条第1項 lets the 委員会 register a 休日 一日 on
    (:func:`conformance.domains.senkyo.oracle.confirmation_open_readings`)."""
    election = election_of(s)
    assert election is not None
    return {"抄本閲覧_登録確認": either(*senkyo.confirmation_open_readings(_as_of(s), election))}


def _registered_in_election(s: Scenario, town: str) -> Projection:
    """第22条: the registration's day and the provision it was made under."""
    election = election_of(s)
    assert election is not None
    found = senkyo.registration_with_election(person_of(s), _as_of(s), election)
    return {"登録基準日": found[0].isoformat() if found else None, "登録根拠": found[1] if found else None}

#: 第22条: an election with its 期日 on 2025-03-12, 公示 2025-02-28, 基準日 2025-02-27; a 転入届 of 2024-12-01
#: (three months recorded on 3月1日) born 2007-03-06 (18 on 3月5日): registered as of 3月1日 (第2項: the age on the
#: 期日). Another 転入届 of 2024-11-20 (three months on 2月20日), born 2007-03-08 (18 on 3月7日): registered as of the
#: 基準日 (第3項). With the 基準日 on 3月1日 itself, the registration of that day is 第3項's (第4項).
_ELECTION = senkyo.Election(date(2025, 2, 28), date(2025, 3, 12), date(2025, 2, 27))
IN_ELECTION = _with_election(Scenario(2024, date(2007, 3, 6), date(2024, 12, 1), previous="131016",
                                      as_of=date(2025, 3, 3)), _ELECTION)
#: The same with a 転入届 of 2024-11-28: three months recorded on 2月28日 or, the first day not counted, 3月1日 (both
#: after the 基準日): registered as of 3月1日 under 第2項 whichever way the three months are counted.
IN_ELECTION_LATE_NOVEMBER = _with_election(Scenario(2024, date(2007, 3, 6), date(2024, 11, 28), previous="131016",
                                                    as_of=date(2025, 3, 3)), _ELECTION)
AT_BASE_DAY = _with_election(Scenario(2024, date(2007, 3, 8), date(2024, 11, 20), previous="131016",
                                      as_of=date(2025, 3, 3)), _ELECTION)
ON_REGISTRATION_DAY = _with_election(Scenario(2024, date(2007, 3, 6), date(2024, 11, 20), previous="131016",
                                              as_of=date(2025, 3, 3)),
                                     senkyo.Election(date(2025, 3, 2), date(2025, 3, 14), date(2025, 3, 1)))

def _adult_in_election(moved_in: date, as_of: date, notice: date, day: date, base: date) -> Scenario:
    """An adult born 1980-05-05 who moved here from 千代田区 on ``moved_in``, asked on ``as_of`` (in the 年度 of that
    day), with an election of ``notice`` (公示), ``day`` (期日) and ``base`` (基準日) in the 選挙人名簿 record."""
    return _with_election(Scenario(fiscal_year_of(as_of), date(1980, 5, 5), moved_in, previous="131016", as_of=as_of),
                          senkyo.Election(notice, day, base))


#: 第22条第2項 registers on a 登録月の一日 only: three months recorded on 2025-03-22, after the 基準日 (3月20日), and
#: the 公示 (3月25日) runs over 4月1日, which is no 登録月の一日 (第19条第2項 and 施行令: 3月, 6月, 9月, 12月): not
#: registered on 4月5日. A vendor registering on every first of a month registers the person on 4月1日.
APRIL_IN_ELECTION = _adult_in_election(date(2024, 12, 22), date(2025, 4, 5),
                                       date(2025, 3, 25), date(2025, 4, 10), date(2025, 3, 20))
#: 第22条第2項 after a 基準日 set early (2025-01-25; 公示 2月28日): three months recorded on 2025-01-28, so not on the
#: 基準日; 2月1日 is no 登録月の一日; registered as of 3月1日 under 第2項, not on 2月1日 under 第1項.
EARLY_BASE_IN_ELECTION = _adult_in_election(date(2024, 10, 28), date(2025, 3, 3),
                                            date(2025, 2, 28), date(2025, 3, 12), date(2025, 1, 25))
#: 第22条第3項: a 転入届 of 2024-09-05 (three months recorded on 12月5日, after the 12月1日 of that year): registered
#: as of the 基準日 2025-01-20 of an election, not on 1月1日, which is no 登録月の一日.
AT_BASE_DAY_IN_JANUARY = _adult_in_election(date(2024, 9, 5), date(2025, 1, 25),
                                            date(2025, 1, 21), date(2025, 2, 2), date(2025, 1, 20))
#: 第22条第4項: three months recorded on 2025-01-10, the 基準日 on 3月1日: registered as of 3月1日 under 第3項,
#: not on 2月1日 (no 登録月の一日) nor under 第1項.
ON_REGISTRATION_DAY_LONG = _adult_in_election(date(2024, 10, 10), date(2025, 3, 3),
                                              date(2025, 3, 2), date(2025, 3, 14), date(2025, 3, 1))

#: 第24条第1項: registered on Wednesday 2023-03-01: 異議 3月2日〜3月6日 (第1号: five days from the next); with the
#: 期日 on 2025-06-10 and the 公示 on 5月30日, a 転入届 of 3月1日 and 18 on 6月4日: registered on 6月1日 (a Sunday)
#: itself, 異議 on 6月2日 only (第2号). 第28条の2第1項: no 閲覧 from the 公示 (2月28日) to 3月17日, open on 3月18日.
WEDNESDAY_REGISTRATION = Scenario(2023, date(1980, 5, 5), date(2022, 12, 1), previous="131016",
                                  as_of=date(2023, 3, 5))
#: 第24条第1項第1号 with 第270条の3: registered on Monday 2025-12-01 (a 転入届 of 8月20日): 異議 12月2日〜12月6日, a
#: Saturday, not extended to Monday 12月8日. On Saturday 2025-03-01 (a 転入届 of 2024-11-20) the registration is made
#: on the 一日 (異議 3月2日〜3月6日) or on Monday 3月3日 (3月4日〜3月8日, a Saturday again): 第22条第1項 allows both.
MONDAY_REGISTRATION = Scenario(2025, date(1980, 5, 5), date(2025, 8, 20), previous="131016", as_of=date(2025, 12, 5))
SATURDAY_REGISTRATION = Scenario(2024, date(1980, 5, 5), date(2024, 11, 20), previous="131016",
                                 as_of=date(2025, 3, 5))
#: 第24条第1項第2号 with 第270条の3: registered as of the 基準日, Friday 2025-11-07 (a 転入届 of 7月25日, three months
#: on 10月25日): 異議 on Saturday 11月8日 only, not moved to Monday 11月10日.
FRIDAY_BASE_DAY = _adult_in_election(date(2025, 7, 25), date(2025, 11, 10),
                                     date(2025, 11, 8), date(2025, 11, 20), date(2025, 11, 7))
CAMPAIGN_REGISTRATION = _with_election(Scenario(2025, date(2007, 6, 5), date(2025, 3, 1), previous="131016",
                                                as_of=date(2025, 6, 3)),
                                       senkyo.Election(date(2025, 5, 30), date(2025, 6, 10), date(2025, 5, 29)))
INSPECTION_CLOSED = _with_election(Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 3, 17)),
                                   _ELECTION)
INSPECTION_OPEN = replace(INSPECTION_CLOSED, as_of=date(2025, 3, 18))

#: 第28条の2第1項 後段: the election of 期日 3月12日 (公示 2月28日, 基準日 2月27日): 確認 on 2月28日 (the day after the
#: 選挙時登録) and 3月2日 (the day after the 定時登録 of 3月1日, 第24条第1項第2号), not on 3月5日.
CONFIRMATION_OPEN = replace(INSPECTION_CLOSED, as_of=date(2025, 2, 28))
CONFIRMATION_CLOSED = replace(INSPECTION_CLOSED, as_of=date(2025, 3, 5))
#: The 定時登録 of 3月1日 2025 (a Saturday) made on the 一日 or on 3月3日 (第22条第1項), the election's 公示 on 3月3日
#: (基準日 3月2日, 期日 3月16日): the 確認 is let in on 3月4日-6日 under both readings, refused on Sunday 3月9日
#: under both (the later reading's period ends on Saturday 3月8日, not extended: 第270条の3).
AFTER_SATURDAY_FIRST = _with_election(Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 3, 5)),
                                      senkyo.Election(date(2025, 3, 3), date(2025, 3, 16), date(2025, 3, 2)))
CLOSED_AFTER_SATURDAY_END = replace(AFTER_SATURDAY_FIRST, as_of=date(2025, 3, 9))


# -- 第24条第2項: the 名簿 after the 委員会's decision of an 異議 ----------------------------------------------------

OBJECTION_DECIDED, OBJECTION_DECISION, OBJECTION_SEEKS = "異議_決定年月日", "異議_決定", "異議_求め"


def objection_decision_of(s: Scenario) -> senkyo.ObjectionDecision:
    return _decision_of(s, (OBJECTION_DECIDED, OBJECTION_DECISION, OBJECTION_SEEKS))


def _with_objection(s: Scenario, decision: senkyo.ObjectionDecision) -> Scenario:
    return _with_decision(s, decision, (OBJECTION_DECIDED, OBJECTION_DECISION, OBJECTION_SEEKS), ())


@st.composite
def objections_decided(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第24条第2項: after the 定時登録 of a 登録月の一日, an 異議 decided 1-8 days later (正当 or not), asked about
    around the decision but never on its day (whether 「直ちに」 reaches the 名簿 that very day is not judged): either
    seeking the registration of a newcomer whose 転入届 came 1-20 days too late for that registration, or the
    removal of a long resident on the 名簿."""
    first = draw(_registration_day())
    decided = first + timedelta(days=draw(st.integers(1, 8)))
    if draw(st.booleans()):
        notified = months_later(first, -3) + timedelta(days=draw(st.integers(1, 20)))
        start = Scenario(first.year, draw(_birth(1950, 2000)), notified, previous=draw(st.sampled_from(codes)))
        seeks = senkyo.SEEKS_REGISTRATION
    else:
        start, seeks = draw(_long_resident(codes)), senkyo.SEEKS_REMOVAL
    decision = senkyo.ObjectionDecision(decided, draw(st.booleans()), seeks)
    return _asked(_with_objection(start, decision), draw(_near(decided, 3).filter(lambda day: day != decided)))


def _registered_after_objection(s: Scenario, town: str) -> Projection:
    person, as_of = person_of(s), _as_of(s)
    return {"登録": senkyo.registered_after_objection(senkyo.is_registered(person, as_of), objection_decision_of(s),
                                                      as_of)}


#: 第24条第2項: a 転入届 of 2024-12-10 (not registered on 2025-03-01), an 異議 seeking the registration decided 正当 on
#: Wednesday 3月5日: on the 名簿 the next day, not on 3月4日; decided 正当でない: not. A long resident whose removal
#: is decided 正当 on 3月5日 is off the 名簿 the next day.
_LATE_NEWCOMER = Scenario(2024, date(1980, 5, 5), date(2024, 12, 10), previous="131016", as_of=date(2025, 3, 6))
OBJECTION_UPHELD = _with_objection(_LATE_NEWCOMER, senkyo.ObjectionDecision(date(2025, 3, 5), True,
                                                                            senkyo.SEEKS_REGISTRATION))
OBJECTION_NOT_YET = replace(OBJECTION_UPHELD, as_of=date(2025, 3, 4))
OBJECTION_DISMISSED = _with_objection(_LATE_NEWCOMER, senkyo.ObjectionDecision(date(2025, 3, 5), False,
                                                                               senkyo.SEEKS_REGISTRATION))
REMOVAL_UPHELD = _with_objection(replace(_LONG, as_of=date(2025, 3, 6)),
                                 senkyo.ObjectionDecision(date(2025, 3, 5), True, senkyo.SEEKS_REMOVAL))


def objections_dismissed(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第24条第2項 R003: the 異議 of :func:`objections_decided` decided 正当でない, asked about around the decision."""
    return objections_decided(codes).filter(lambda s: not objection_decision_of(s).upheld)


def _dismissal_notified(s: Scenario, town: str) -> Projection:
    return {"異議_通知先": in_any_order(senkyo.objection_notified(objection_decision_of(s), _as_of(s)))}


#: 第24条第2項 R003: the 異議 of the late newcomer decided 正当でない on 3月5日: the 異議申出人 notified by 3月6日,
#: nobody on 3月4日.
DISMISSAL_NOTIFIED = replace(OBJECTION_DISMISSED, as_of=date(2025, 3, 6))
DISMISSAL_NOT_YET = replace(OBJECTION_DISMISSED, as_of=date(2025, 3, 4))


# -- 第19条第1項: one 名簿, kept for good, for every election -----------------------------------------------------


@st.composite
def long_registered_in_election(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第19条第1項: a long resident (registered years ago) in an election of any kind held in 2021-2026, asked about
    from its 基準日 to a month after its 期日."""
    notice = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((12, 17)))), notice - _DAY,
                               draw(st.sampled_from(_KINDS)))
    start = draw(_long_resident(codes).filter(lambda s: age_reached_on(s.birth, senkyo.VOTING_AGE)
                                              < notice - timedelta(days=800)))
    as_of = election.base + timedelta(days=draw(st.integers(0, 45)))
    return _asked(_with_election(start, election), max(start.moved_in, as_of))


def _basis_kept(s: Scenario, town: str) -> Projection:
    """第19条第1項: the provision of the registration that keeps the voter on the 名簿 (its day is the 定時登録 rules'
    to judge: a 定時登録 read wrongly must not be found here too)."""
    return {"登録根拠": _registered_in_election(s, town)["登録根拠"]}


#: 第19条第1項: a voter on the 名簿 since the 定時登録 of 1998-06-01 (18 on 1998-05-04) stays registered as of that day
#: through the local election of 2025 (基準日 2月27日), not registered anew as of its 基準日.
PERMANENT = _with_election(Scenario(2025, date(1980, 5, 5), date(1995, 4, 1), as_of=date(2025, 3, 3)),
                           replace(_ELECTION, kind="地方"))

ELECTIONS_RULES: tuple[Rule, ...] = (
    # 第22条第1項-第3項 when an election is held: the same 登録基準日 and 登録根拠, three kinds of election days.
    *STATUTE.family(_registered_in_election, ("登録基準日", "登録根拠"),
                    ("senkyo.registration_in_election", elections_in_registration_month,
                     (IN_ELECTION, IN_ELECTION_LATE_NOVEMBER, APRIL_IN_ELECTION, EARLY_BASE_IN_ELECTION)),
                    ("senkyo.election_registration", elections_with_base_day, (AT_BASE_DAY, AT_BASE_DAY_IN_JANUARY)),
                    ("senkyo.no_schedule_on_base_day", elections_on_registration_day,
                     (ON_REGISTRATION_DAY, ON_REGISTRATION_DAY_LONG))),
    STATUTE.rule("senkyo.objection_five_days", scheduled_registrations, _objection_either, _objection_read,
         (WEDNESDAY_REGISTRATION, MONDAY_REGISTRATION, SATURDAY_REGISTRATION)),
    STATUTE.rule("senkyo.objection_next_day", campaign_registrations, _objection, "異議申出期間",
         (CAMPAIGN_REGISTRATION, AT_BASE_DAY, FRIDAY_BASE_DAY)),
    STATUTE.rule("senkyo.inspection_window", inspection_days, _inspection, "抄本閲覧_可否",
         (INSPECTION_CLOSED, INSPECTION_OPEN)),
    STATUTE.rule("senkyo.confirmation_in_window", confirmation_days, _confirmation, "抄本閲覧_登録確認",
         (CONFIRMATION_OPEN, CONFIRMATION_CLOSED, AFTER_SATURDAY_FIRST, CLOSED_AFTER_SATURDAY_END)),
    STATUTE.rule("senkyo.objection_upheld", objections_decided, _registered_after_objection, "登録",
         (OBJECTION_UPHELD, OBJECTION_NOT_YET, OBJECTION_DISMISSED, REMOVAL_UPHELD)),
    STATUTE.rule("senkyo.objection_dismissal_notified", objections_dismissed, _dismissal_notified,
         picked_in_any_order(PART, "異議_通知先"),
         (DISMISSAL_NOTIFIED, DISMISSAL_NOT_YET)),
    STATUTE.rule("senkyo.permanent_list", long_registered_in_election, _basis_kept, "登録根拠", (PERMANENT,)),
)
