"""選挙人名簿管理's rules of 選挙権, 被登録資格 and the 名簿's registrations (第9条, 第19条〜第22条第1項, 第26条,
第27条, 第28条; 施行令 第13条): the persons drawn, the oracle's answer, the worked examples and the rules
(``checks`` registers them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, _birth, _near
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import (
    _DAY,
    _LONG,
    RECORD,
    STATUTE,
    WRONG_KNOWN,
    _as_of,
    _asked,
    _born_reaching,
    _gone,
    _long_resident,
    _registration_day,
    _sentenced,
    person_of,
    person_on_as_of,
    sentence_of,
)
from conformance.oracles.dates import age_reached_on, months_later


@st.composite
def newcomers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person who moved in about three months before a 登録月の一日 (the 転入届 0-20 days after the
    move), maybe turning eighteen around it, Japanese or foreign, asked about around it."""
    day = draw(_registration_day())
    settled = draw(_near(months_later(day, -3), 12))
    notified = settled + timedelta(days=draw(st.one_of(st.just(0), st.integers(1, 20))))
    adult = draw(_birth(1950, 2000))
    birth = _born_reaching(draw(_near(day, 3)), senkyo.VOTING_AGE) if draw(st.booleans()) else adult
    start = Scenario(day.year, birth, settled, previous=draw(st.sampled_from((None, *codes))),
                     foreign=draw(st.booleans()), notified=notified)
    as_of = max(notified, draw(st.one_of(_near(day, 3), _near(months_later(notified, 3), 3),
                                         _near(months_later(settled, 3), 3))))
    return _asked(start, as_of)


@st.composite
def turning_eighteen(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident (or a recent one) reaching eighteen around the day asked about."""
    birth = draw(_birth(2002, 2008))
    reached = age_reached_on(birth, senkyo.VOTING_AGE)
    settled = draw(st.one_of(st.just(birth), _near(reached - timedelta(days=60), 40)))
    start = Scenario(reached.year, birth, max(birth, settled), previous=draw(st.sampled_from((None, *codes))),
                     foreign=draw(st.booleans()))
    return _asked(start, max(start.moved_in, draw(_near(reached, 3))))


def suffrage_persons(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return st.one_of(newcomers(codes), turning_eighteen(codes))


@st.composite
def registrations(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An adult Japanese newcomer still resident, asked about up to a year after moving in."""
    settled = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    notified = settled + timedelta(days=draw(st.sampled_from((0, 0, 3, 14))))
    start = Scenario(settled.year, draw(_birth(1950, 2000)), settled, previous=draw(st.sampled_from(codes)),
                     notified=notified)
    return _asked(start, notified + timedelta(days=draw(st.integers(80, 400))))


@st.composite
def _moved_out_before_registration(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A Japanese adult who moved out shortly before a 登録月の一日, recorded about three months by then;
    asked about in that 登録月."""
    day = draw(_registration_day())
    out = day - timedelta(days=draw(st.integers(1, 80)))
    notified = draw(_near(months_later(out, -3), 10))
    start = Scenario(day.year, draw(_birth(1950, 2000)), notified, previous=draw(st.sampled_from(codes)))
    return _asked(_gone(start, out, draw(st.booleans()), codes), day + timedelta(days=draw(st.integers(0, 20))))


def moved_out_registrations(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _moved_out_before_registration(codes)


def registered_after_moving_out(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Those of :func:`moved_out_registrations` not registered before their move-out."""
    def unregistered(s: Scenario) -> bool:
        found = senkyo.registration_day(person_of(s), s.as_of or s.moved_in)
        return found is None or s.moved_out is None or found >= s.moved_out
    return _moved_out_before_registration(codes).filter(unregistered)


@st.composite
def _long_resident_gone(draw: st.DrawFn, codes: tuple[str, str]) -> tuple[Scenario, date]:
    """A long resident (registered years ago) who moved out in 2021-2025 (often on a month end), and the day the
    address ended."""
    start = draw(_long_resident(codes))
    out = draw(st.one_of(_birth(2021, 2025).filter(lambda day: day.year >= 2021),
                         st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    s = _gone(start, max(out, start.moved_in + timedelta(days=7000)), draw(st.booleans()), codes)
    assert s.moved_out is not None
    return s, s.moved_out


@st.composite
def moving_out(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident (registered years ago) moving out; asked about around the move-out."""
    s, moved_out = draw(_long_resident_gone(codes))
    return _asked(s, draw(st.dates(moved_out - timedelta(days=3), moved_out + timedelta(days=60))))


@st.composite
def dying(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident (registered years ago) dying; asked about around the death."""
    start = draw(_long_resident(codes))
    died = max(start.moved_in + timedelta(days=7000), draw(st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    return _asked(replace(start, died=died), draw(st.dates(died - timedelta(days=3), died + timedelta(days=200))))


@st.composite
def four_months_after(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident who moved out (often on a month end), asked about around four months later."""
    s, moved_out = draw(_long_resident_gone(codes))
    return _asked(s, draw(_near(senkyo.struck_off_day(moved_out), 3)))


@st.composite
def seventeen_residents(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """施行令 第13条第1項第1号: a Japanese resident reaching eighteen around the last day of the month before
    the next 登録月 (or around the 登録月の一日), long resident or with a 転入届 around the 一日; asked about in
    the 登録月."""
    first = draw(_registration_day())
    reached = draw(st.one_of(_near(senkyo.seventeen_deadline(first), 3), _near(first, 3)))
    birth = _born_reaching(reached, senkyo.VOTING_AGE)
    recent = draw(_near(first - timedelta(days=10), 12))
    settled = draw(st.sampled_from((birth, recent)))
    notified = settled + timedelta(days=draw(st.sampled_from((0, 0, 5, 12))))
    start = Scenario(first.year, birth, settled, previous=None if settled == birth else draw(st.sampled_from(codes)),
                     notified=notified)
    return _asked(start, max(notified, first + timedelta(days=draw(st.integers(0, 20)))))


@st.composite
def seventeen_moved_out(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """施行令 第13条第1項第2号: a Japanese person reaching eighteen by the deadline who moved out before the
    登録月の一日, recorded about three months by then, around four months before it or less."""
    first = draw(_registration_day())
    birth = _born_reaching(draw(_near(senkyo.seventeen_deadline(first) - timedelta(days=20), 20)), senkyo.VOTING_AGE)
    four_months = months_later(first, -4) - _DAY
    out = draw(st.one_of(_near(four_months, 3), st.builds(lambda days: first - timedelta(days=days),
                                                          st.integers(1, 110))))
    notified = draw(_near(months_later(out, -3), 6))
    start = Scenario(first.year, birth, notified, previous=draw(st.sampled_from(codes)))
    gone = _gone(start, out, draw(st.booleans()), codes)
    return _asked(gone, first + timedelta(days=draw(st.integers(0, 20))))


# -- 第9条第3項: the prefecture's 選挙権 of a person who moved within it --------------------------------------

PREVIOUS_SINCE = "転入前住所_住所を定めた年月日"


@st.composite
def prefecture_movers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A newcomer from a municipality of the same prefecture or of another, whose address there was taken about
    three months before the move (or longer, or shorter), maybe turning eighteen or foreign, asked about in the
    first months here."""
    settled = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    since = draw(st.one_of(_near(months_later(settled, -3), 3),
                           st.builds(lambda days: settled - timedelta(days=days), st.integers(20, 400))))
    as_of = settled + timedelta(days=draw(st.integers(0, 120)))
    birth = (_born_reaching(draw(_near(as_of, 3)), senkyo.VOTING_AGE) if draw(st.booleans())
             else draw(_birth(1950, 2000)))
    start = Scenario(settled.year, birth, settled, previous=draw(st.sampled_from(codes)),
                     foreign=draw(st.sampled_from((False, False, True))),
                     records=((RECORD, PREVIOUS_SINCE, since.isoformat()),))
    return _asked(start, as_of)


#: The fields that are the 名簿's state of the person on the day asked, each as its oracle function says.
_national = person_on_as_of("選挙権_国政", senkyo.national_suffrage)
_local = person_on_as_of("選挙権_地方", senkyo.local_suffrage)
_qualified = person_on_as_of("被登録資格", senkyo.is_qualified)
_registered = person_on_as_of("登録", senkyo.is_registered)
_indicated = person_on_as_of("表示", senkyo.is_indicated)
_struck_off = person_on_as_of("抹消事由", senkyo.struck_off)
_seventeen = person_on_as_of("年齢満十七年調査", senkyo.seventeen_surveyed)


def _registration(s: Scenario, town: str) -> Projection:
    person, as_of = person_of(s), _as_of(s)
    day = senkyo.registration_day(person, as_of) if senkyo.is_registered(person, as_of) else None
    return {"登録基準日": day.isoformat() if day else None}


def _prefectural(s: Scenario, town: str) -> Projection:
    since = s.record_day(RECORD, PREVIOUS_SINCE)
    return {"選挙権_都道府県": senkyo.prefectural_suffrage(person_of(s), _as_of(s), town, s.previous, since)}


#: Worked examples. Moved in 2024-12-01, 転入届 2024-12-10: 選挙権 of the town on 2025-03-01 (三箇月 of
#: address), registered as of 2025-06-01 (三箇月 of record on 3月10日). Born 2007-03-02: 18 on 2025-03-01.
LATE_NOTICE = Scenario(2024, date(1980, 5, 5), date(2024, 12, 1), previous="131016", notified=date(2024, 12, 10),
                       as_of=date(2025, 3, 1))
LATE_NOTICE_REGISTERED = replace(LATE_NOTICE, as_of=date(2025, 6, 1))
EIGHTEEN = Scenario(2024, date(2007, 3, 2), date(2007, 3, 2), as_of=date(2025, 3, 1))
#: Born 2008-02-29: 18 on 2026-02-28 (年齢計算ニ関スル法律, 民法 第143条第2項: 2026 has no 2月29日, the period ends on
#: 2月28日), so the 選挙権 of 第9条第1項 that day and not on 2月27日 (neither 3月1日 nor a day early).
LEAP_DAY_BIRTH = Scenario(2025, date(2008, 2, 29), date(2008, 2, 29), as_of=date(2026, 2, 28))
LEAP_DAY_BIRTH_EVE = replace(LEAP_DAY_BIRTH, as_of=date(2026, 2, 27))
#: The same asked about on 3月5日, past the three months from the move whichever way they are counted (3月1日 or
#: 3月2日) and before those from the 転入届 (3月10日 or 3月11日).
LATE_NOTICE_LATER = replace(LATE_NOTICE, as_of=date(2025, 3, 5))
NEWCOMER = Scenario(2024, date(1980, 5, 5), date(2024, 12, 1), previous="131016", as_of=date(2025, 3, 1))
#: Moved in 2025-02-01: 選挙権 of national elections on 3月1日 already, not yet the town's.
RECENT = Scenario(2024, date(1980, 5, 5), date(2025, 2, 1), previous="131016", as_of=date(2025, 3, 1))
FOREIGN = Scenario(2024, date(1980, 5, 5), date(2000, 4, 1), foreign=True, as_of=date(2025, 3, 1))
#: Recorded from 2024-11-01, moved out 2025-02-20: registered on 2025-03-01 with the 表示 (第21条第2項).
MOVED_BEFORE_REGISTRATION = Scenario(2024, date(1980, 5, 5), date(2024, 11, 1), previous="131016",
                                     planned_out=date(2025, 2, 20), as_of=date(2025, 3, 5))
#: Registered for years, moved out 2025-06-10: 表示 from that day, struck off on 2025-10-11.
MOVED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), planned_out=date(2025, 6, 10),
                 elsewhere=date(2025, 6, 10), next="131016", as_of=date(2025, 6, 10))
STRUCK_OFF = replace(MOVED, as_of=date(2025, 10, 11))
NOT_YET_STRUCK_OFF = replace(MOVED, as_of=date(2025, 10, 10))
#: Moved out 2025-08-30: the four months of 第28条第2号 run from 8月31日, so they have passed on 12月31日, the
#: corresponding day, which is its month's last (not on 1月1日: a count moving a corresponding day that is a month's
#: last day to the next month's first strikes off a day late, which a move-out on 6月10日 does not show).
STRUCK_OFF_MONTH_END = replace(MOVED, planned_out=date(2025, 8, 30), elsewhere=date(2025, 8, 30),
                               as_of=date(2025, 12, 31))
DIED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), died=date(2025, 6, 10), as_of=date(2025, 6, 10))

#: 施行令 第13条: on 2025-03-01, born 2007-06-01 (18 on 2025-05-31: surveyed), born 2007-06-02 (18 on 6月1日:
#: not, the 定時登録 of 6月 takes them); moved out 2025-01-20 after a 転入届 of 2024-09-01: surveyed (第2号).
SEVENTEEN = Scenario(2024, date(2007, 6, 1), date(2007, 6, 1), as_of=date(2025, 3, 1))
SEVENTEEN_TOO_LATE = Scenario(2024, date(2007, 6, 2), date(2007, 6, 2), as_of=date(2025, 3, 3))
SEVENTEEN_MOVED_OUT = Scenario(2024, date(2007, 5, 20), date(2024, 9, 1), previous="131016",
                               planned_out=date(2025, 1, 20), as_of=date(2025, 3, 1))

#: 第9条第3項: moved here on 2025-01-10 from 静岡市 (the reference's town is in 静岡県), its address there taken
#: on 2024-06-01: the prefecture's 選挙権 on 2025-02-01 (not the town's); from 千代田区, not.
WITHIN_PREFECTURE = Scenario(2024, date(1980, 5, 5), date(2025, 1, 10), previous="221007", as_of=date(2025, 2, 1),
                             records=((RECORD, PREVIOUS_SINCE, "2024-06-01"),))
FROM_OTHER_PREFECTURE = replace(WITHIN_PREFECTURE, previous="131016")
#: The same asked on the day of the move here, 2025-01-10: the address in the prefecture continues that day (第9条第3項
#: 「その後も引き続き当該都道府県の区域内に住所を有する」), so its 選挙権 holds from the move-in day itself.
WITHIN_PREFECTURE_MOVE_DAY = replace(WITHIN_PREFECTURE, as_of=date(2025, 1, 10))
#: Moved here from another prefecture on 2024-11-30, asked about on 2025-03-01: 2月 has no 30日, so the three months
#: are complete on 3月1日 whichever way the first day is counted (provisions.yaml 第9条第2項: 応当日がない月はどちらも
#: 翌月1日; ``oracle.three_months_from``): the prefecture's 選挙権 on that day. A vendor completing them only the day
#: after the (missing) corresponding day, 3月2日, fails here alone (second blind round, 27: on the days with a
#: corresponding day that count is the 民法 第140条 reading, which passes).
NO_CORRESPONDING_DAY = replace(FROM_OTHER_PREFECTURE, moved_in=date(2024, 11, 30), as_of=date(2025, 3, 1))


# -- 第9条第4項・第5項, 第21条第3項・第4項: the periods across a 廃置分合 or 境界変更 ---------------------------------

#: The 選挙人名簿 record's items of the change of the area of the person's address (the 住民票, carried over, keeps
#: the 住民となった年月日 and 届出年月日 of the municipality where it was made).
AREA_CHANGE_KIND, AREA_CHANGE_DAY = "区域変更_種類", "区域変更_年月日"
AREA_CHANGE_EARLIER = "区域変更_前の廃置分合_年月日"


def area_change_of(s: Scenario) -> senkyo.AreaChange:
    record = s.record(RECORD)
    day = s.record_day(RECORD, AREA_CHANGE_DAY)
    assert day is not None
    return senkyo.AreaChange(record[AREA_CHANGE_KIND], day, s.record_day(RECORD, AREA_CHANGE_EARLIER))


def _with_area_change(s: Scenario, change: senkyo.AreaChange) -> Scenario:
    records = [(RECORD, AREA_CHANGE_KIND, change.kind), (RECORD, AREA_CHANGE_DAY, change.day.isoformat())]
    if change.earlier is not None:
        records.append((RECORD, AREA_CHANGE_EARLIER, change.earlier.isoformat()))
    return replace(s, records=tuple(records))


@st.composite
def _across_area_change(draw: st.DrawFn, codes: tuple[str, str], kind: str, counted: str) -> Scenario:
    """A Japanese adult who moved (from another municipality) into the area of an address that became the town's by a
    ``kind`` some days after the 転入届 (made on the day of the move), asked about around three months after it
    (``counted``: settled or notified, the same day here), always on or after the change (from then on the town's
    住民基本台帳 holds the 住民票 carried over, with its days). A 廃置分合 may follow an earlier one (the municipality
    of the 住民票 taken in by the one the town takes in)."""
    day = draw(_registration_day())
    settled = draw(_near(months_later(day, -3), 10))
    # The 転入届 on the day of the move: which of the two days 第9条 and 第21条 count from is other rules' to judge.
    notified = settled
    start = Scenario(settled.year, draw(_birth(1950, 2000)), settled, previous=draw(st.sampled_from(codes)),
                     notified=notified)
    anchor = months_later(settled if counted == "settled" else notified, 3)
    as_of = max(notified + timedelta(days=2), draw(st.one_of(_near(anchor, 3), _near(day, 3))))
    change_day = notified + timedelta(days=draw(st.integers(1, (as_of - notified).days)))
    earlier = None
    if kind == senkyo.MERGER and draw(st.booleans()) and change_day > notified + _DAY:
        earlier = notified + timedelta(days=draw(st.integers(1, (change_day - notified).days - 1)))
    return _asked(_with_area_change(start, senkyo.AreaChange(kind, change_day, earlier)), as_of)


def merged_local(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第9条第4項, 第5項: a move into a municipality the town takes in by a 廃置分合 within three months."""
    return _across_area_change(codes, senkyo.MERGER, "settled")


def boundary_local(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第9条第5項: a move into an area a 境界変更 gives the town within three months."""
    return _across_area_change(codes, senkyo.BOUNDARY_CHANGE, "settled")


def merged_registration(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第21条第3項, 第4項: a 転入届 into a municipality the town takes in by a 廃置分合 within three months."""
    return _across_area_change(codes, senkyo.MERGER, "notified")


def boundary_registration(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第21条第4項: a 転入届 into an area a 境界変更 gives the town within three months."""
    return _across_area_change(codes, senkyo.BOUNDARY_CHANGE, "notified")


def _local_across(s: Scenario, town: str) -> Projection:
    return {"選挙権_地方": senkyo.local_suffrage_across(person_of(s), _as_of(s), area_change_of(s))}


def _qualified_across(s: Scenario, town: str) -> Projection:
    return {"被登録資格": senkyo.qualified_across(person_of(s), _as_of(s), area_change_of(s))}


#: 第9条第4項・第5項, 第21条第3項・第4項: moved on 2024-12-01 (転入届 that day) into 旧B村, which 旧A町 took in on
#: 2024-12-20 and the town took in on 2025-01-01 (廃置分合): the town's 選挙権 and 被登録資格 on 2025-03-01 (three
#: months from 12月1日, the first day counted; not counted, from 3月2日: either passes; counted from 1月1日 they
#: would come on 4月1日). The same with a 境界変更 on 2025-02-01.
_CARRIED_OVER = Scenario(2024, date(1980, 5, 5), date(2024, 12, 1), previous="131016", as_of=date(2025, 3, 1))
MERGED = _with_area_change(_CARRIED_OVER, senkyo.AreaChange(senkyo.MERGER, date(2025, 1, 1), date(2024, 12, 20)))
BOUNDARY_CHANGED = _with_area_change(_CARRIED_OVER, senkyo.AreaChange(senkyo.BOUNDARY_CHANGE, date(2025, 2, 1)))
#: 3月5日: three months complete whichever way they are counted (3月1日 or 3月2日), not yet from the change (4月1日).
MERGED_LATER = replace(MERGED, as_of=date(2025, 3, 5))
BOUNDARY_CHANGED_LATER = replace(BOUNDARY_CHANGED, as_of=date(2025, 3, 5))
#: The day before: three months not yet complete, whatever the change.
MERGED_NOT_YET = replace(MERGED, as_of=date(2025, 2, 28))


@st.composite
def wrongly_registered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第28条第1項第4号: a long resident on the 名簿 of whom it is learnt on a day of 2021-2025 that the registration
    should not have been made; asked about around that day or after the next 登録月の一日 (never on the day)."""
    start = draw(_long_resident(codes))
    known = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    following = months_later(senkyo.registration_first_on_or_before(known), 3)
    anchor = draw(st.sampled_from((known, following + timedelta(days=3))))
    s = replace(start, records=((RECORD, WRONG_KNOWN, known.isoformat()),))
    return _asked(s, max(start.moved_in, draw(_near(anchor, 3).filter(lambda day: day != known))))


def _wrongly_registered(s: Scenario, town: str) -> Projection:
    person, as_of = person_of(s), _as_of(s)
    known = s.record_day(RECORD, WRONG_KNOWN)
    assert known is not None
    if senkyo.wrongly_registered_struck_off(senkyo.registration_day(person, known), known, as_of):
        return {"登録": False, "抹消事由": senkyo.STRUCK_OFF_WRONGLY_REGISTERED}
    return {"登録": senkyo.is_registered(person, as_of), "抹消事由": senkyo.struck_off(person, as_of)}


#: 第28条第1項第4号: a voter on the 名簿 for years, the registration learnt on Wednesday 2025-03-05 to have been one
#: not to make: struck off from then (asked on 3月6日), still so after the 定時登録 of 6月1日; on the 名簿 on 3月4日.
#: 第30条の11第1項第3号: the same of the 在外選挙人名簿 (registered 2023-01-20, learnt on 2025-03-05).
WRONGLY_REGISTERED = replace(_LONG, as_of=date(2025, 3, 6), records=((RECORD, WRONG_KNOWN, "2025-03-05"),))
WRONGLY_REGISTERED_LATER = replace(WRONGLY_REGISTERED, as_of=date(2025, 6, 4))
NOT_YET_KNOWN = replace(WRONGLY_REGISTERED, as_of=date(2025, 3, 4))


# -- 第26条: 補正登録 -----------------------------------------------------------------------------------------------

#: The 選挙人名簿 record's items of a person left off a registration: its 登録月の一日, and the day the 委員会
#: learnt it.
OMITTED_AT, OMISSION_KNOWN = "登録漏れ_登録月の一日", "登録漏れ_判明年月日"


@st.composite
def omitted_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第26条: a newcomer qualified on a 登録月の一日 (the 転入届 0-30 days before three months earlier) but left off
    its registration, the omission learnt 5-60 days later; now and then a 拘禁刑 final between the two days and served
    before the second (the 被登録資格 not 引き続き); asked about around the day learnt (never on it) or up to 20 days
    after, before the next 登録月."""
    first = draw(_registration_day())
    notified = months_later(first, -3) - timedelta(days=draw(st.integers(0, 30)))
    start = Scenario(first.year, draw(_birth(1950, 2000)), notified, previous=draw(st.sampled_from(codes)))
    known = first + timedelta(days=draw(st.integers(5, 60)))
    if draw(st.booleans()):
        final = first + timedelta(days=draw(st.integers(1, (known - first).days - 2)))
        served = final + timedelta(days=draw(st.integers(1, (known - final).days - 1)))
        start = _sentenced(start, senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, served=served))
    s = replace(start, records=(*start.records, (RECORD, OMITTED_AT, first.isoformat()),
                                (RECORD, OMISSION_KNOWN, known.isoformat())))
    as_of = draw(st.one_of(_near(known, 3), st.integers(1, 20).map(lambda days: known + timedelta(days=days))))
    return _asked(s, as_of if as_of != known else known + _DAY)


def _supplementary(s: Scenario, town: str) -> Projection:
    omitted, known = s.record_day(RECORD, OMITTED_AT), s.record_day(RECORD, OMISSION_KNOWN)
    assert omitted is not None and known is not None
    registered, basis = senkyo.supplementary_registration(person_of(s), sentence_of(s), omitted, known, _as_of(s))
    return {"登録": registered, "登録根拠": basis}


#: 第26条: a 転入届 of 2024-11-25, left off the 定時登録 of 2025-03-01, learnt on 3月20日: registered (第26条) when
#: asked on 3月21日, not on 3月19日; with a 拘禁刑 final on 3月5日 and served until 3月10日, not registered (not
#: 引き続き).
_OMITTED = Scenario(2024, date(1980, 5, 5), date(2024, 11, 25), previous="131016", as_of=date(2025, 3, 21),
                    records=((RECORD, OMITTED_AT, "2025-03-01"), (RECORD, OMISSION_KNOWN, "2025-03-20")))
SUPPLEMENTED = _OMITTED
NOT_YET_SUPPLEMENTED = replace(_OMITTED, as_of=date(2025, 3, 19))
_LAPSED = _sentenced(_OMITTED, senkyo.Sentence(date(2025, 3, 5), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                                served=date(2025, 3, 10)))
LAPSED = replace(_LAPSED, records=(*_LAPSED.records, *_OMITTED.records))


REGISTRATION_RULES: tuple[Rule, ...] = (
    STATUTE.rule("senkyo.national_suffrage", suffrage_persons, _national, "選挙権_国政",
         (EIGHTEEN, RECENT, FOREIGN, LEAP_DAY_BIRTH, LEAP_DAY_BIRTH_EVE), needs_records=False),
    STATUTE.rule("senkyo.local_suffrage", suffrage_persons, _local, "選挙権_地方",
         (LATE_NOTICE, LATE_NOTICE_LATER, NEWCOMER, RECENT), needs_records=False),
    STATUTE.rule("senkyo.qualification", suffrage_persons, _qualified, "被登録資格",
         (LATE_NOTICE, LATE_NOTICE_LATER, EIGHTEEN, FOREIGN), needs_records=False),
    STATUTE.rule("senkyo.registration_day", registrations, _registration, "登録基準日",
         (LATE_NOTICE_REGISTERED,), needs_records=False),
    STATUTE.rule("senkyo.moved_out_registration", moved_out_registrations, _registered, "登録",
         (MOVED_BEFORE_REGISTRATION,), needs_records=False),
    STATUTE.rule("senkyo.indication_on_move_out", moving_out, _indicated, "表示", (MOVED,), needs_records=False),
    STATUTE.rule("senkyo.indication_at_registration", registered_after_moving_out, _indicated, "表示",
         (MOVED_BEFORE_REGISTRATION,), needs_records=False),
    STATUTE.rule("senkyo.struck_off_on_death", dying, _struck_off, "抹消事由", (DIED,), needs_records=False),
    STATUTE.rule("senkyo.struck_off_after_four_months", four_months_after, _struck_off, "抹消事由", (STRUCK_OFF,
         NOT_YET_STRUCK_OFF, STRUCK_OFF_MONTH_END), needs_records=False),
    STATUTE.rule("senkyo.seventeen_resident", seventeen_residents, _seventeen,
         "年齢満十七年調査", (SEVENTEEN, SEVENTEEN_TOO_LATE), needs_records=False),
    STATUTE.rule("senkyo.seventeen_moved_out", seventeen_moved_out, _seventeen, "年齢満十七年調査",
         (SEVENTEEN_MOVED_OUT,), needs_records=False),
    STATUTE.rule("senkyo.prefectural_suffrage", prefecture_movers, _prefectural, "選挙権_都道府県",
         (WITHIN_PREFECTURE, FROM_OTHER_PREFECTURE, NO_CORRESPONDING_DAY, WITHIN_PREFECTURE_MOVE_DAY)),
    STATUTE.rule("senkyo.merger_local_suffrage", merged_local, _local_across, "選挙権_地方",
         (MERGED, MERGED_LATER, MERGED_NOT_YET)),
    STATUTE.rule("senkyo.boundary_local_suffrage", boundary_local, _local_across, "選挙権_地方",
         (BOUNDARY_CHANGED, BOUNDARY_CHANGED_LATER)),
    STATUTE.rule("senkyo.merger_qualification", merged_registration, _qualified_across, "被登録資格",
         (MERGED, MERGED_LATER, MERGED_NOT_YET)),
    STATUTE.rule("senkyo.boundary_qualification", boundary_registration, _qualified_across, "被登録資格",
         (BOUNDARY_CHANGED, BOUNDARY_CHANGED_LATER)),
    STATUTE.rule("senkyo.struck_off_wrongly_registered", wrongly_registered, _wrongly_registered,
         ("登録", "抹消事由"), (WRONGLY_REGISTERED, WRONGLY_REGISTERED_LATER, NOT_YET_KNOWN)),
    STATUTE.rule("senkyo.supplementary_registration", omitted_persons, _supplementary,
         ("登録", "登録根拠"), (SUPPLEMENTED, NOT_YET_SUPPLEMENTED, LAPSED)),
)
