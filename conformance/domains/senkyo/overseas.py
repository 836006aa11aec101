"""選挙人名簿管理's rules of the 在外選挙人名簿 (第28条第1項第3号, 第30条の2〜第30条の12): the persons drawn, the
oracle's answer, the worked examples and the rules (``checks`` registers them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, _birth, _near, in_any_order, picked_in_any_order
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import (
    _DAY,
    _KINDS,
    OVERSEAS_WRONG_KNOWN,
    PART,
    RECORD,
    STATUTE,
    _as_of,
    _asked,
    _born_reaching,
    _decision_of,
    _gone,
    _registration_day,
    _sentenced,
    _with_decision,
    _with_election,
    election_of,
    election_question,
    firsts_between,
    person_of,
    sentence_of,
    single_reading,
)
from conformance.oracles.dates import age_reached_on, months_later

# -- 在外選挙人名簿: the 申請 and the registrations the 選挙人名簿 record tells ---------------------------------------

OVERSEAS_ITEMS = {"applied": "在外_申請年月日", "area_since": "在外_管轄区域住所年月日",
                  "transfer_applied": "在外_移転申請年月日", "registered": "在外_登録年月日",
                  "returned": "在外_国内住所年月日"}


def overseas_of(s: Scenario) -> senkyo.Overseas:
    """The 在外選挙人名簿 part of the scenario's 選挙人名簿 record."""
    days = {name: s.record_day(RECORD, item) for name, item in OVERSEAS_ITEMS.items()}
    return senkyo.Overseas(days["applied"], days["area_since"], days["transfer_applied"], days["registered"],
                           days["returned"])


def _with_overseas(s: Scenario, overseas: senkyo.Overseas) -> Scenario:
    days = {"applied": overseas.applied, "area_since": overseas.area_since,
            "transfer_applied": overseas.transfer_applied, "registered": overseas.registered,
            "returned": overseas.returned}
    return replace(s, records=tuple((RECORD, OVERSEAS_ITEMS[name], day.isoformat())
                                    for name, day in days.items() if day is not None))


def went_abroad(s: Scenario) -> bool:
    """The scenario's move-out went abroad (no municipality after it)."""
    return s.planned_out is not None and s.next is None and s.elsewhere is None and s.died is None


@st.composite
def _emigrant(draw: st.DrawFn, codes: tuple[str, str], first: date, last: date) -> Scenario:
    """A long resident (registered years ago; now and then one turning eighteen shortly before) who moved
    abroad between ``first`` and ``last``."""
    out = draw(st.dates(first, last))
    birth = (_born_reaching(out - timedelta(days=draw(st.integers(100, 200))), senkyo.VOTING_AGE)
             if draw(st.integers(0, 4)) == 0 else draw(_birth(1950, 1995)))
    start = Scenario(out.year, birth, birth, foreign=draw(st.integers(0, 9)) == 0)
    return _gone(start, out, True, codes)


@st.composite
def overseas_applicants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の4第1項: an emigrant who took an address in the 領事官's area 0-20 days after leaving and applied
    some months later, maybe registered since; asked about around the three months there (never on the day
    they complete: 第30条の5第3項第2号's 「三箇月を経過した日」 could be read as the next), the 申請 or the
    registration."""
    s = draw(_emigrant(codes, date(2021, 1, 1), date(2025, 6, 30)))
    assert s.moved_out is not None
    area_since = s.moved_out + timedelta(days=draw(st.integers(0, 20)))
    three_months = months_later(area_since, 3)
    applied = area_since + timedelta(days=draw(st.integers(0, 150)))
    registered = (max(applied, three_months) + timedelta(days=draw(st.integers(5, 40)))
                  if draw(st.booleans()) else None)
    anchors = tuple(day for day in (three_months, applied, registered) if day is not None)
    as_of = draw(st.sampled_from(anchors).flatmap(lambda day: _near(day, 4)).filter(lambda day: day != three_months))
    return _asked(_with_overseas(s, senkyo.Overseas(applied, area_since, registered=registered)),
                  max(as_of, s.moved_in))


@st.composite
def transfer_applicants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の4第2項: a registered resident who applied with the 国外転出届 (0-30 days before leaving), not yet
    moved to the 在外選挙人名簿; asked about around the move-out or around four months after it."""
    s = draw(_emigrant(codes, date(2021, 1, 1), date(2025, 6, 30)))
    assert s.moved_out is not None
    applied = s.moved_out - timedelta(days=draw(st.integers(0, 30)))
    anchor = draw(st.sampled_from((s.moved_out, senkyo.struck_off_day(s.moved_out))))
    return _asked(_with_overseas(s, senkyo.Overseas(transfer_applied=applied)), draw(_near(anchor, 3)))


@st.composite
def transferred(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第28条第1項第3号: a registered resident who applied with the 国外転出届 and was moved to the 在外選挙人名簿
    5 days to four months after leaving (or who applied and was not moved); asked about around the move or
    around four months after leaving."""
    s = draw(_emigrant(codes, date(2021, 1, 1), date(2025, 6, 30)))
    assert s.moved_out is not None
    four_months = senkyo.struck_off_day(s.moved_out)
    moved = (s.moved_out + timedelta(days=draw(st.integers(5, (four_months - s.moved_out).days - 1)))
             if draw(st.integers(0, 3)) else None)
    applied = s.moved_out - timedelta(days=draw(st.integers(0, 30)))
    anchor = draw(st.sampled_from((four_months,) if moved is None else (moved, four_months)))
    return _asked(_with_overseas(s, senkyo.Overseas(transfer_applied=applied, registered=moved)),
                  draw(_near(anchor, 3)))


@st.composite
def returning_overseas_voters(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の11第1項第2号: a person on the 在外選挙人名簿 (registered on application) who took a domestic address
    (often on a month end) or not; asked about around four months after it."""
    s = draw(_emigrant(codes, date(2012, 1, 1), date(2018, 12, 31)))
    assert s.moved_out is not None
    registered = s.moved_out + timedelta(days=draw(st.integers(100, 400)))
    returned = draw(st.one_of(_birth(2021, 2025).filter(lambda day: day.year >= 2021),
                              st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    overseas = senkyo.Overseas(registered - timedelta(days=30), s.moved_out, registered=registered,
                               returned=returned if draw(st.integers(0, 4)) else None)
    return _asked(_with_overseas(s, overseas), draw(_near(senkyo.struck_off_day(returned), 3)))


@st.composite
def overseas_in_campaign(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の6第3項: a person on the 在外選挙人名簿 asked about around the 公示 or the 期日 of an election of
    either kind."""
    notice = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((12, 17)))), notice - _DAY,
                               draw(st.sampled_from(_KINDS)))
    s = draw(_emigrant(codes, date(2012, 1, 1), date(2018, 12, 31)))
    assert s.moved_out is not None
    registered = s.moved_out + timedelta(days=200)
    listed = _with_overseas(s, senkyo.Overseas(registered - timedelta(days=30), s.moved_out, registered=registered))
    anchor = draw(st.sampled_from((election.notice, election.day)))
    return _asked(_with_election(listed, election), draw(_near(anchor, 3)))


def _overseas_objection_of(s: Scenario) -> tuple[date, date] | None:
    registered = overseas_of(s).registered
    assert registered is not None
    return senkyo.overseas_objection_period(registered, election_of(s))


def _judged_overseas_registration(s: Scenario) -> bool:
    """A 在外 registration not inside a period of 異議 nor on a day a registration is made (a reading this rule does
    not settle), near 一日s each leaving the 委員会 one day to register on (people.single_reading: either day it
    chose must pass). The period may end on a 休日: not extended (第270条の3)."""
    registered = overseas_of(s).registered
    assert registered is not None
    election = election_of(s)
    first = senkyo.registration_first_on_or_before(registered)
    if not single_reading((months_later(first, months) for months in (0, 3, 6)), election):
        return False
    for months in (0, 3):
        done = senkyo.registration_done(months_later(first, months), election)
        if done <= registered <= done + timedelta(days=5):
            return False
    if election is not None and election.national and election.base <= registered <= election.base + _DAY:
        return False
    return _overseas_objection_of(s) is not None


@st.composite
def _overseas_registered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    s = draw(_emigrant(codes, date(2015, 1, 1), date(2020, 12, 31)))
    assert s.moved_out is not None
    registered = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    listed = _with_overseas(s, senkyo.Overseas(registered - timedelta(days=20), s.moved_out, registered=registered))
    if draw(st.booleans()):
        base = registered + timedelta(days=draw(st.integers(1, 60)))
        election = senkyo.Election(base + _DAY, base + timedelta(days=draw(st.sampled_from((12, 17)))), base,
                                   draw(st.sampled_from(_KINDS)))
        listed = _with_election(listed, election)
    return _asked(listed, registered + timedelta(days=draw(st.integers(0, 10))))


def _national_election(s: Scenario) -> bool:
    election = election_of(s)
    return election is not None and election.national


def overseas_registered(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の8第1項第1号: a 在外 registration with no election, or a local one whose 基準日 comes 1-60 days
    later."""
    return _overseas_registered(codes).filter(lambda s: not _national_election(s) and _judged_overseas_registration(s))


def overseas_registered_before_election(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の8第1項第2号: a 在外 registration before the 選挙時登録 of a 衆議院 or 参議院 election whose day after
    comes before the next 定時登録's period."""
    def judged(s: Scenario) -> bool:
        period = _overseas_objection_of(s) if _national_election(s) and _judged_overseas_registration(s) else None
        return period is not None and period[0] == period[1]
    return _overseas_registered(codes).filter(judged)


# -- 第30条の10第1項, 第30条の11第1項第1号: the 在外選挙人名簿's 表示 and 抹消 on death ------------------------------

OVERSEAS_DIED, OVERSEAS_LOST_NATIONALITY = "在外_死亡年月日", "在外_国籍喪失年月日"


@st.composite
def _listed_abroad(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person on the 在外選挙人名簿 (registered on application some months after leaving)."""
    s = draw(_emigrant(codes, date(2012, 1, 1), date(2018, 12, 31)))
    assert s.moved_out is not None
    registered = s.moved_out + timedelta(days=draw(st.integers(100, 400)))
    return _with_overseas(s, senkyo.Overseas(registered - timedelta(days=30), s.moved_out, registered=registered))


@st.composite
def overseas_returning_or_sentenced(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の10第1項: a person on the 在外選挙人名簿 who takes a domestic address, or whose 拘禁刑 becomes final,
    asked about around that day."""
    s = draw(_listed_abroad(codes))
    day = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    returning = draw(st.booleans())
    if returning:
        s = _with_overseas(s, replace(overseas_of(s), returned=day))
    else:
        sentence = senkyo.Sentence(day, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, served=day + timedelta(days=400))
        s = replace(s, records=_sentenced(s, sentence).records + s.records)
    # The day a sentence becomes final is not judged (as in the 第11条 rules).
    return _asked(s, draw(_near(day, 3).filter(lambda asked: returning or asked != day)))


@st.composite
def overseas_dying(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の11第1項第1号: a person on the 在外選挙人名簿 who dies or loses Japanese nationality (as the 戸籍
    records its day), asked about around it."""
    s = draw(_listed_abroad(codes))
    day = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    item = draw(st.sampled_from((OVERSEAS_DIED, OVERSEAS_LOST_NATIONALITY)))
    return _asked(replace(s, records=(*s.records, (RECORD, item, day.isoformat()))), draw(_near(day, 3)))


# -- 第30条の12: the 在外選挙人名簿's 抄本 around a 衆議院 or 参議院 election -------------------------------------


@st.composite
def _overseas_inspection_day(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person on the 在外選挙人名簿 and a 衆議院 or 参議院 election whose 公示 falls from 20 days before to 12 days
    after a 登録月の一日, asked about around the window's ends or the ends of 第30条の8第1項's periods."""
    first = draw(_registration_day())
    notice = first - timedelta(days=draw(st.integers(-12, 20)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((12, 17)))), notice - _DAY,
                               draw(st.sampled_from(("衆議院", "参議院"))))
    periods = senkyo.overseas_objection_days_of_election(election)
    anchors = (*(start for start, _ in periods), *(end for _, end in periods), notice, election.day + timedelta(days=5))
    s = draw(_listed_abroad(codes))
    return _asked(_with_election(s, election), draw(st.sampled_from(anchors).flatmap(lambda day: _near(day, 2))))


def _overseas_one_reading(s: Scenario) -> bool:
    """Whether every 定時登録 whose 異議 days can fall in the window leaves the 委員会 one day
    (people.single_reading)."""
    election = election_of(s)
    return election is not None and single_reading(
        firsts_between(election.notice - timedelta(days=10), election.day + timedelta(days=5)), election)


def overseas_inspection_days(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の12 (第28条の2第1項, 第28条の3第1項 applied): days around the window of a 衆議院 or 参議院 election and
    the periods of 第30条の8第1項 in it, ending on a 休日 too (a 確認 on a 休日 within them: 第270条第1項第3号); only
    一日s that leave the 委員会 one day to register on (a 休日 一日 outside the campaign: either choice must pass)."""
    return _overseas_inspection_day(codes).filter(_overseas_one_reading)


_overseas_suspended = election_question("在外_登録停止", senkyo.overseas_registration_suspended)


def _overseas_objection(s: Scenario, town: str) -> Projection:
    period = _overseas_objection_of(s)
    return {"在外_異議申出期間": None if period is None else {"開始": period[0].isoformat(),
                                                          "終了": period[1].isoformat()}}


def _overseas_indicated(s: Scenario, town: str) -> Projection:
    return {"在外_表示": senkyo.overseas_indicated(_as_of(s), overseas_of(s), sentence_of(s))}


def _overseas_struck_off_on_death(s: Scenario, town: str) -> Projection:
    as_of, overseas = _as_of(s), overseas_of(s)
    reason = senkyo.overseas_struck_off_on_death(as_of, overseas, s.record_day(RECORD, OVERSEAS_DIED),
                                                 s.record_day(RECORD, OVERSEAS_LOST_NATIONALITY))
    return {"在外_抹消事由": reason or senkyo.overseas_struck_off(as_of, overseas)}


_overseas_inspection = election_question("在外_抄本閲覧_可否", senkyo.overseas_inspection_open)


_overseas_confirmation = election_question("在外_抄本閲覧_登録確認", senkyo.overseas_confirmation_open)


def _overseas_qualified(s: Scenario, town: str) -> Projection:
    return {"在外_被登録資格": senkyo.overseas_qualified(person_of(s), _as_of(s), went_abroad(s), overseas_of(s))}


def _transfer_qualified(s: Scenario, town: str) -> Projection:
    return {"在外_被登録移転資格": senkyo.transfer_qualified(person_of(s), _as_of(s), went_abroad(s), overseas_of(s))}


def _struck_off_transferred(s: Scenario, town: str) -> Projection:
    return {"抹消事由": senkyo.struck_off_with_transfer(person_of(s), _as_of(s), overseas_of(s))}


def _overseas_struck_off(s: Scenario, town: str) -> Projection:
    """第30条の11第1項第2号: the reason, and (「在外選挙人名簿から抹消しなければならない」) no longer on the 名簿 from
    that day: ``在外_登録`` false once the reason is given."""
    overseas, as_of = overseas_of(s), _as_of(s)
    reason = senkyo.overseas_struck_off(as_of, overseas)
    return {"在外_抹消事由": reason, "在外_登録": overseas.on_list(as_of) and reason is None}

#: 在外選挙人名簿: left for abroad on 2024-10-05, an address in the 領事官's area from 2024-10-10, applied on
#: 2024-11-01: qualified on 2025-01-11 (第30条の4第1項; 1月10日 is not judged), not on 2025-01-09.
#: Applied with the 国外転出届 on 2024-10-01: qualified for the 移転 from the move-out (第30条の4第2項);
#: moved on 2024-11-20, struck off the 選挙人名簿 that day (第28条第1項第3号).
#: On the 在外選挙人名簿, a domestic address from 2025-06-10: struck off on 10月11日 (第30条の11第1項第2号).
_EMIGRANT = Scenario(2024, date(1980, 5, 5), date(1980, 5, 5), planned_out=date(2024, 10, 5))
OVERSEAS_APPLIED = _with_overseas(replace(_EMIGRANT, as_of=date(2025, 1, 10)),
                                  senkyo.Overseas(date(2024, 11, 1), date(2024, 10, 10)))
OVERSEAS_APPLIED = replace(OVERSEAS_APPLIED, as_of=date(2025, 1, 11))
OVERSEAS_NOT_YET = replace(OVERSEAS_APPLIED, as_of=date(2025, 1, 9))
TRANSFER_APPLIED = _with_overseas(replace(_EMIGRANT, as_of=date(2024, 10, 6)),
                                  senkyo.Overseas(transfer_applied=date(2024, 10, 1)))
TRANSFERRED = _with_overseas(replace(_EMIGRANT, as_of=date(2024, 11, 20)),
                             senkyo.Overseas(transfer_applied=date(2024, 10, 1), registered=date(2024, 11, 20)))
RETURNED = _with_overseas(replace(_EMIGRANT, as_of=date(2025, 10, 11)),
                          senkyo.Overseas(date(2024, 11, 1), date(2024, 10, 10), registered=date(2025, 1, 20),
                                          returned=date(2025, 6, 10)))
NOT_YET_RETURNED = replace(RETURNED, as_of=date(2025, 10, 10))

#: 第30条の6第3項: a 参議院 election, 公示 2025-07-03, 期日 7月20日: no 在外 registration on 7月20日, again on 7月21日.
#: 第30条の8第1項: registered in the 在外選挙人名簿 on 2023-01-20: 異議 from the day after the 定時登録 of Wednesday
#: 3月1日: 3月2日〜3月6日 (第1号); with a 参議院 選挙時登録 on 2月15日 before it, 2月16日 only (第2号).
_LISTED = _with_overseas(Scenario(2022, date(1980, 5, 5), date(1980, 5, 5), planned_out=date(2022, 6, 5),
                                  as_of=date(2025, 7, 20)),
                         senkyo.Overseas(date(2022, 11, 1), date(2022, 6, 10), registered=date(2023, 1, 20)))
SUSPENDED_ABROAD = _with_election(_LISTED, senkyo.Election(date(2025, 7, 3), date(2025, 7, 20), date(2025, 7, 2),
                                                           "参議院"))
RESUMED_ABROAD = replace(SUSPENDED_ABROAD, as_of=date(2025, 7, 21))
#: The same days of a local election: no suspension. A local election's campaign over the 定時登録 of 3月1日
#: leaves 第1号's five days (3月2日〜3月6日).
LOCAL_CAMPAIGN_ABROAD = _with_election(_LISTED, senkyo.Election(date(2025, 7, 3), date(2025, 7, 20),
                                                                date(2025, 7, 2), "地方"))
OVERSEAS_OBJECTION = replace(_LISTED, as_of=date(2023, 1, 25))
OVERSEAS_OBJECTION_LOCAL = _with_election(OVERSEAS_OBJECTION, senkyo.Election(
    date(2023, 2, 24), date(2023, 3, 5), date(2023, 2, 22), "地方"))
OVERSEAS_OBJECTION_IN_ELECTION = _with_election(OVERSEAS_OBJECTION, senkyo.Election(
    date(2023, 2, 16), date(2023, 2, 28), date(2023, 2, 15), "参議院"))

#: 第30条の10第1項: on the 在外選挙人名簿 since 2023-01-20, a domestic address from 2025-06-10: the 表示 from that
#: day, not on 6月9日. 第30条の11第1項第1号: died on 2025-06-10 (as the 戸籍 records it): struck off from that day.
INDICATED_ABROAD = _with_overseas(replace(_LISTED, as_of=date(2025, 6, 10)),
                                  senkyo.Overseas(date(2022, 11, 1), date(2022, 6, 10), registered=date(2023, 1, 20),
                                                  returned=date(2025, 6, 10)))
NOT_YET_INDICATED_ABROAD = replace(INDICATED_ABROAD, as_of=date(2025, 6, 9))
DIED_ABROAD = replace(_LISTED, as_of=date(2025, 6, 10), records=(*_LISTED.records,
                                                                 (RECORD, OVERSEAS_DIED, "2025-06-10")))

#: 第30条の12: a 参議院 election, 公示 2025-02-28, 期日 3月12日, 基準日 2月27日, and the 定時登録 of Saturday 3月1日
#: made that day (in the campaign: 第22条第1項). The 在外選挙人名簿's 抄本 is closed from 2月28日 to 3月17日 and open on
#: 3月18日; a 選挙人's 確認 is let in on 2月28日 (第30条の8第1項第2号: the day after the 選挙時登録) and from 3月2日 to
#: 3月6日 (第1号: five days, also in the campaign; 第24条第1項第2号 would give 3月2日 only), not on 3月7日.
_OVERSEAS_ELECTION = senkyo.Election(date(2025, 2, 28), date(2025, 3, 12), date(2025, 2, 27), "参議院")
OVERSEAS_INSPECTION_CLOSED = _with_election(replace(_LISTED, as_of=date(2025, 3, 17)), _OVERSEAS_ELECTION)
OVERSEAS_INSPECTION_OPEN = replace(OVERSEAS_INSPECTION_CLOSED, as_of=date(2025, 3, 18))
OVERSEAS_CONFIRMATION_AFTER_BASE = replace(OVERSEAS_INSPECTION_CLOSED, as_of=date(2025, 2, 28))
OVERSEAS_CONFIRMATION_FIVE_DAYS = replace(OVERSEAS_INSPECTION_CLOSED, as_of=date(2025, 3, 6))
OVERSEAS_CONFIRMATION_CLOSED = replace(OVERSEAS_INSPECTION_CLOSED, as_of=date(2025, 3, 7))


# -- 第30条の5第5項: the 外務大臣's opinion asked about an applicant for the 移転 --------------------------------------


def consulted_applicants(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の5第5項: the applicants of :func:`transferred` on the 名簿 when they applied (moved to the 在外選挙人名簿
    or not), asked about around the 移転 or four months after leaving."""
    def on_the_list(s: Scenario) -> bool:
        applied = overseas_of(s).transfer_applied
        return applied is not None and senkyo.is_registered(person_of(s), applied)
    return transferred(codes).filter(on_the_list)


def _minister_asked(s: Scenario, town: str) -> Projection:
    return {"在外_外務大臣意見照会": senkyo.foreign_minister_asked(person_of(s), _as_of(s), overseas_of(s))}


#: 第30条の5第5項: applied with the 国外転出届 on 2024-10-01, left on 10月5日, never moved to the 在外選挙人名簿: asked
#: about on 2025-02-05, struck off on 2月6日 (four months after leaving) and no longer; moved on 2024-11-20: no longer.
NOT_MOVED_ABROAD = _with_overseas(replace(_EMIGRANT, as_of=date(2025, 2, 5)),
                                  senkyo.Overseas(transfer_applied=date(2024, 10, 1)))
STRUCK_OFF_ABROAD = replace(NOT_MOVED_ABROAD, as_of=date(2025, 2, 6))


@st.composite
def overseas_wrongly_registered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の11第1項第3号: a person on the 在外選挙人名簿 of whom it is learnt that the registration should not have
    been made; asked about around that day (never on it)."""
    s = draw(_listed_abroad(codes))
    known = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    s = replace(s, records=(*s.records, (RECORD, OVERSEAS_WRONG_KNOWN, known.isoformat())))
    return _asked(s, draw(_near(known, 3).filter(lambda day: day != known)))


def _overseas_wrongly_registered(s: Scenario, town: str) -> Projection:
    overseas, as_of = overseas_of(s), _as_of(s)
    known = s.record_day(RECORD, OVERSEAS_WRONG_KNOWN)
    assert known is not None
    if senkyo.wrongly_registered_struck_off(overseas.registered, known, as_of):
        return {"在外_抹消事由": senkyo.STRUCK_OFF_WRONGLY_REGISTERED}
    return {"在外_抹消事由": senkyo.overseas_struck_off(as_of, overseas)}
OVERSEAS_WRONGLY_REGISTERED = replace(_LISTED, as_of=date(2025, 3, 6),
                                      records=(*_LISTED.records, (RECORD, OVERSEAS_WRONG_KNOWN, "2025-03-05")))


# -- 第30条の8第2項: the two 名簿 after the 委員会's decision of an 異議 about the 在外選挙人名簿 ----------------------

OVERSEAS_DECIDED, OVERSEAS_DECISION, OVERSEAS_SEEKS = "在外異議_決定年月日", "在外異議_決定", "在外異議_求め"


def overseas_decision_of(s: Scenario) -> senkyo.ObjectionDecision:
    return _decision_of(s, (OVERSEAS_DECIDED, OVERSEAS_DECISION, OVERSEAS_SEEKS))


def _with_overseas_objection(s: Scenario, decision: senkyo.ObjectionDecision) -> Scenario:
    return _with_decision(s, decision, (OVERSEAS_DECIDED, OVERSEAS_DECISION, OVERSEAS_SEEKS), s.records)


@st.composite
def overseas_objections_decided(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の8第2項: an 異議 decided (正当 or not) on a day of 2021-2025 (the 5th to the 25th: no 登録月の一日 near
    it) seeking the 在外 registration of an emigrant not on it, the 在外抹消 of a person on it, the 移転 of a registered
    person who left 5-100 days before, or the 在外抹消 and the registration in the 選挙人名簿 of a newcomer (the 転入届
    around three months before) who is on the 在外選挙人名簿 though living here; asked about around the decision (never
    on its day)."""
    decided = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)).filter(lambda day: 5 <= day.day <= 25))
    seeks = draw(st.sampled_from((senkyo.SEEKS_OVERSEAS, senkyo.SEEKS_OVERSEAS_REMOVAL, senkyo.SEEKS_TRANSFER,
                                  senkyo.SEEKS_RETURN)))
    # (An emigrant seeking the 在外 registration left more than four months before: off the 選挙人名簿 by then; one
    # seeking the 移転 was registered long before leaving. The registrations of 第21条第2項 are other rules'.)
    if seeks == senkyo.SEEKS_OVERSEAS:
        s = draw(_emigrant(codes, decided - timedelta(days=800), decided - timedelta(days=130)))
    elif seeks == senkyo.SEEKS_OVERSEAS_REMOVAL:
        s = draw(_listed_abroad(codes))
    elif seeks == senkyo.SEEKS_TRANSFER:
        s = draw(_emigrant(codes, decided - timedelta(days=100), decided - timedelta(days=5)).filter(
            lambda s: s.moved_out is not None and age_reached_on(s.birth, senkyo.VOTING_AGE) < s.moved_out
            - timedelta(days=400)))
    else:
        notified = draw(_near(months_later(decided, -3), 10))
        newcomer = Scenario(notified.year, draw(_birth(1950, 2000)), notified, previous=draw(st.sampled_from(codes)))
        s = _with_overseas(newcomer, senkyo.Overseas(registered=notified + timedelta(days=5)))
    s = _with_overseas_objection(s, senkyo.ObjectionDecision(decided, draw(st.booleans()), seeks))
    return _asked(s, draw(_near(decided, 3).filter(lambda day: day != decided)))


def _lists_after_overseas_objection(s: Scenario, town: str) -> Projection:
    person, as_of, overseas = person_of(s), _as_of(s), overseas_of(s)
    decision = overseas_decision_of(s)
    on_overseas = overseas.on_list(as_of) and senkyo.overseas_struck_off(as_of, overseas) is None
    qualified = senkyo.is_qualified(person, decision.decided)
    listed, registered = senkyo.lists_after_overseas_objection(on_overseas, senkyo.is_registered(person, as_of),
                                                               qualified, decision, as_of)
    return {"在外_登録": listed, "登録": registered}


#: 第30条の8第2項: a 転入届 of 2025-01-10 (three months recorded on 4月10日) on the 在外選挙人名簿 since 1月15日, its
#: 在外抹消 and registration in the 選挙人名簿 decided 正当 on 2025-03-20: off the 在外選挙人名簿 on 3月21日 and not
#: registered (no 被登録資格 on the 20th); with a 転入届 of 2024-12-10 (three months on 3月10日): registered. A 移転
#: decided 正当 on 3月20日 of a voter who left on 3月1日: on the 在外選挙人名簿, off the 選挙人名簿.
_ON_BOTH = Scenario(2025, date(1980, 5, 5), date(2025, 1, 10), previous="131016", as_of=date(2025, 3, 21))
_RETURN = senkyo.ObjectionDecision(date(2025, 3, 20), True, senkyo.SEEKS_RETURN)
RETURN_UNQUALIFIED = _with_overseas_objection(
    _with_overseas(_ON_BOTH, senkyo.Overseas(registered=date(2025, 1, 15))), _RETURN)
RETURN_QUALIFIED = _with_overseas_objection(
    _with_overseas(replace(_ON_BOTH, moved_in=date(2024, 12, 10)), senkyo.Overseas(registered=date(2024, 12, 15))),
    _RETURN)
OVERSEAS_OBJECTION_TRANSFER = _with_overseas_objection(
    replace(_EMIGRANT, planned_out=date(2025, 3, 1), as_of=date(2025, 3, 21)),
    senkyo.ObjectionDecision(date(2025, 3, 20), True, senkyo.SEEKS_TRANSFER))


def overseas_objections_dismissed(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の8第2項 R003: the 異議 of :func:`overseas_objections_decided` decided 正当でない."""
    return overseas_objections_decided(codes).filter(lambda s: not overseas_decision_of(s).upheld)


def _overseas_dismissal_notified(s: Scenario, town: str) -> Projection:
    return {"在外異議_通知先": in_any_order(senkyo.objection_notified(overseas_decision_of(s), _as_of(s)))}


#: 第30条の8第2項 R003: the 在外抹消 and registration of the newcomer decided 正当でない on 2025-03-20: the 異議申出人
#: notified by 3月21日, nobody on 3月19日.
_RETURN_DISMISSED = senkyo.ObjectionDecision(date(2025, 3, 20), False, senkyo.SEEKS_RETURN)
OVERSEAS_DISMISSAL_NOTIFIED = _with_overseas_objection(
    _with_overseas(_ON_BOTH, senkyo.Overseas(registered=date(2025, 1, 15))), _RETURN_DISMISSED)
OVERSEAS_DISMISSAL_NOT_YET = replace(OVERSEAS_DISMISSAL_NOTIFIED, as_of=date(2025, 3, 19))


@st.composite
def overseas_long_listed_in_election(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の2第2項: a person on the 在外選挙人名簿 for more than a year (registered some months after leaving in
    2012-2018), in a 衆議院 or 参議院 election held in 2021-2026, asked about from its 基準日 to 45 days after."""
    notice = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((12, 17)))), notice - _DAY,
                               draw(st.sampled_from(("衆議院", "参議院"))))
    s = draw(_listed_abroad(codes))
    return _asked(_with_election(s, election), election.base + timedelta(days=draw(st.integers(0, 45))))


def _overseas_kept(s: Scenario, town: str) -> Projection:
    """第30条の2第2項: on the 在外選挙人名簿 as registered (one 名簿, kept for good through the 衆議院 and 参議院
    elections; the 抹消 of 第30条の11 are other rules')."""
    overseas, as_of = overseas_of(s), _as_of(s)
    return {"在外_登録": overseas.on_list(as_of) and senkyo.overseas_struck_off(as_of, overseas) is None}


#: 第30条の2第2項: on the 在外選挙人名簿 since 2016-03-01 (left on 2015-11-01), in the 参議院 election of 2025 (基準日
#: 6月30日): still on it on 7月10日, not registered anew for the election.
OVERSEAS_PERMANENT = _asked(_with_election(
    _with_overseas(replace(_EMIGRANT, planned_out=date(2015, 11, 1)),
                   senkyo.Overseas(date(2016, 2, 1), date(2015, 11, 1), registered=date(2016, 3, 1))),
    senkyo.Election(date(2025, 7, 1), date(2025, 7, 18), date(2025, 6, 30), "参議院")), date(2025, 7, 10))

OVERSEAS_RULES: tuple[Rule, ...] = (
    STATUTE.rule("senkyo.overseas_qualification", overseas_applicants, _overseas_qualified, "在外_被登録資格",
         (OVERSEAS_APPLIED, OVERSEAS_NOT_YET)),
    STATUTE.rule("senkyo.overseas_transfer_qualification", transfer_applicants, _transfer_qualified,
         "在外_被登録移転資格", (TRANSFER_APPLIED,)),
    STATUTE.rule("senkyo.struck_off_on_transfer", transferred, _struck_off_transferred, "抹消事由", (TRANSFERRED,)),
    STATUTE.rule("senkyo.overseas_struck_off_after_return", returning_overseas_voters, _overseas_struck_off,
         ("在外_抹消事由", "在外_登録"), (RETURNED, NOT_YET_RETURNED), title="在外選挙人名簿: 抹消 four months after a "
         "domestic address was taken (第30条の11第1項第2号)"),
    STATUTE.rule("senkyo.overseas_suspended_in_campaign", overseas_in_campaign, _overseas_suspended,
         "在外_登録停止", (SUSPENDED_ABROAD, RESUMED_ABROAD, LOCAL_CAMPAIGN_ABROAD)),
    STATUTE.rule("senkyo.overseas_objection_five_days", overseas_registered, _overseas_objection, "在外_異議申出期間",
         (OVERSEAS_OBJECTION, OVERSEAS_OBJECTION_LOCAL)),
    STATUTE.rule("senkyo.overseas_objection_next_day", overseas_registered_before_election, _overseas_objection,
         "在外_異議申出期間", (OVERSEAS_OBJECTION_IN_ELECTION,)),
    STATUTE.rule("senkyo.overseas_indication", overseas_returning_or_sentenced, _overseas_indicated, "在外_表示",
         (INDICATED_ABROAD, NOT_YET_INDICATED_ABROAD)),
    STATUTE.rule("senkyo.overseas_struck_off_on_death", overseas_dying, _overseas_struck_off_on_death, "在外_抹消事由",
         (DIED_ABROAD,)),
    STATUTE.rule("senkyo.overseas_inspection_window", overseas_inspection_days,
         _overseas_inspection, "在外_抄本閲覧_可否",
         (OVERSEAS_INSPECTION_CLOSED, OVERSEAS_INSPECTION_OPEN)),
    STATUTE.rule("senkyo.overseas_confirmation_in_window", overseas_inspection_days,
         _overseas_confirmation,
         "在外_抄本閲覧_登録確認",
         (OVERSEAS_CONFIRMATION_AFTER_BASE, OVERSEAS_CONFIRMATION_FIVE_DAYS, OVERSEAS_CONFIRMATION_CLOSED)),
    STATUTE.rule("senkyo.foreign_minister_asked", consulted_applicants, _minister_asked,
         "在外_外務大臣意見照会", (NOT_MOVED_ABROAD, STRUCK_OFF_ABROAD, TRANSFERRED)),
    STATUTE.rule("senkyo.overseas_struck_off_wrongly_registered", overseas_wrongly_registered,
         _overseas_wrongly_registered, "在外_抹消事由", (OVERSEAS_WRONGLY_REGISTERED,)),
    STATUTE.rule("senkyo.overseas_objection_upheld", overseas_objections_decided, _lists_after_overseas_objection,
         ("在外_登録", "登録"), (RETURN_UNQUALIFIED, RETURN_QUALIFIED, OVERSEAS_OBJECTION_TRANSFER)),
    STATUTE.rule("senkyo.overseas_objection_dismissal_notified", overseas_objections_dismissed,
         _overseas_dismissal_notified,
         picked_in_any_order(PART, "在外異議_通知先"), (OVERSEAS_DISMISSAL_NOTIFIED, OVERSEAS_DISMISSAL_NOT_YET)),
    STATUTE.rule("senkyo.overseas_permanent_list", overseas_long_listed_in_election,
         _overseas_kept, "在外_登録", (OVERSEAS_PERMANENT,), title="在外選挙人名簿: one 名簿 kept for good through the "
         "衆議院 and 参議院 elections: a person registered years ago stays on it (第30条の2第2項)"),
)
