"""Scenario checks of 選挙人名簿管理 (公職選挙法; the statute edition ``senkyo 2025.12``).

The machinery of :mod:`conformance.checks.scenarios`, compared with :mod:`conformance.domains.senkyo.oracle`.
Every scenario asks about one day (``as_of``); each check judges one field of the answer's ``選挙人名簿``
part on the persons its provision is about:

- ``選挙権_国政`` (第9条第1項) and ``選挙権_地方`` (第9条第2項): persons around eighteen, foreign
  residents, persons who moved in around three months before (the 転入届 made some days after the move);
- ``被登録資格`` (第21条第1項): the same, judged on three months counted from the 転入届;
- ``登録基準日`` (第19条第2項, 第22条第1項): the 登録月の一日 a new resident is registered on;
- ``登録`` (第21条第2項): a person who moved out after three months, before being registered;
- ``表示`` (第27条第1項, 第2項): on a registered person's move-out, and on a registration after it;
- ``抹消事由`` (第28条第1号, 第2号): death, and four months after the move-out;
- ``年齢満十七年調査`` (施行令 第13条第1項第1号, 第2号): whether the person is among those aged seventeen surveyed as
  of the 登録月の一日 on or before the day asked about;
- ``選挙権_国政`` and ``選挙権_地方`` again (第11条第1項第2号〜第5号): a sentence sent as the person's 選挙人名簿 record
  (``targets.load.records_path``: 刑_確定年月日, 刑_種類 拘禁刑/罰金, 罪_区分 公職収賄/選挙犯罪/その他,
  刑_執行猶予期間満了日 (the period's last day), 刑_執行終了年月日, 刑_執行免除年月日);
- ``選挙権_都道府県`` (第9条第3項): the day the address in the municipality moved from was taken, sent as the
  選挙人名簿 record (転入前住所_住所を定めた年月日);
- ``在外_被登録資格`` (第30条の4第1項), ``在外_被登録移転資格`` (第30条の4第2項), ``抹消事由`` again (第28条第1項
  第3号) and ``在外_抹消事由`` with ``在外_登録`` (第30条の11第1項第2号: struck off, no longer on it) of the town's
  在外選挙人名簿: the 申請 and registrations sent as
  the 選挙人名簿 record (在外_申請年月日, 在外_管轄区域住所年月日, 在外_移転申請年月日, 在外_登録年月日,
  在外_国内住所年月日);
- ``異議申出期間`` (第24条第1項第1号, 第2号: ``{"開始", "終了"}`` of the registration that registered the person)
  and ``抄本閲覧_可否`` (第28条の2第1項, 第28条の3第1項: whether the 抄本 may be inspected for 政治活動 or 調査研究
  on the day) and ``抄本閲覧_登録確認`` (第28条の2第1項 後段: for a 選挙人 confirming a registration), with or
  without an election in the 選挙人名簿 record;
- ``在外_登録停止`` (第30条の6第3項: whether no 在外 registration nor 移転 may be made on the day) and
  ``在外_異議申出期間`` (第30条の8第1項第1号, 第2号, of the person's 在外 registration), with the election's
  選挙_種類 (衆議院, 参議院 or 地方) in the record;
- ``在外_表示`` (第30条の10第1項) and ``在外_抹消事由`` again (第30条の11第1項第1号: 在外_死亡年月日,
  在外_国籍喪失年月日 in the record);
- ``在外_抄本閲覧_可否`` and ``在外_抄本閲覧_登録確認`` (第30条の12: 第28条の2第1項 and 第28条の3第1項 applied to
  the 在外選挙人名簿's 抄本, with 第30条の8第1項各号's periods read in for a 選挙人's 確認), with a 衆議院 or 参議院
  election in the record;
- ``選挙権_地方`` and ``被登録資格`` again (第9条第4項・第5項, 第21条第3項・第4項): a 廃置分合 or 境界変更 of the
  area of the address sent as the 選挙人名簿 record (区域変更_種類 廃置分合/境界変更, 区域変更_年月日,
  区域変更_前の廃置分合_年月日); the 住民票 carried over keeps its days and the three months run on across it;
- ``抄本閲覧_閲覧者可否`` (第28条の2第1項・第2項・第9項, 第28条の3第1項・第2項): whether the person may inspect the
  抄本 as the 閲覧者 an 申出 names (閲覧_活動, 閲覧_申出者区分, 閲覧_閲覧者区分, 閲覧_承認法人 and the items it states,
  each 記載, in the 選挙人名簿 record), with no election held;
- ``登録`` again (第24条第2項): the 委員会's decision of an 異議 (異議_決定年月日, 異議_決定 正当/正当でない, 異議_求め
  登録/抹消 in the record);
- ``異議_通知先`` (第24条第2項): whom the decision of an 異議 is notified to (judged on a decision 正当でない: the
  異議申出人 from the day of the decision);
- ``在外異議_通知先`` (第30条の8第2項): the same, of an 異議 about the 在外選挙人名簿 (judged on a decision 正当でない);
- ``在外_登録`` again (第30条の2第2項): a person on the 在外選挙人名簿 for years stays on it through a 衆議院 or
  参議院 election;
- ``登録根拠`` again (第19条第1項): a voter registered years ago keeps that registration (第22条第1項) through an
  election of any kind (one 名簿, kept for good);
- ``在外_外務大臣意見照会`` (第30条の5第5項): whether the 外務大臣's opinion is to be asked about the person, an
  applicant for the 移転 (在外_移転申請年月日) not struck off the 名簿;
- ``選挙権喪失通知`` (第11条第3項): the notices owed to the municipality a person moved to whose 本籍 is in the
  town (the record's 本籍地: 当市町村/他市町村) when a 事由 of 第11条第1項 arises or ceases there;
- ``登録``, ``抹消事由`` and ``在外_抹消事由`` again (第28条第1項第4号, 第30条の11第1項第3号): the day it was learnt
  that the registration should not have been made (誤登録_判明年月日, 在外_誤登録_判明年月日 in the record);
- ``登録`` and ``登録根拠`` again (第26条): a registration the person was left off and the day it was learnt
  (登録漏れ_登録月の一日, 登録漏れ_判明年月日 in the record): ``第26条`` once registered by it;
- ``在外_登録`` (whether the person is on the 在外選挙人名簿) and ``登録`` (第30条の8第2項): the 委員会's decision of an
  異議 about the 在外選挙人名簿 (在外異議_決定年月日, 在外異議_決定, 在外異議_求め
  在外登録/在外抹消/移転/在外抹消と名簿登録);
- ``登録基準日`` and ``登録根拠`` (第22条第2項〜第4項: ``第22条第1項``, ``第22条第2項`` or ``第22条第3項``, the
  provision the registration was made under): an election sent as the 選挙人名簿 record (選挙_公示日, 選挙_期日,
  選挙時登録基準日).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import Projection, Rule, Scenario, _birth, _near, picked, rule_check
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.oracle import Person, months_later
from conformance.oracles.dates import age_reached_on, fiscal_year_of

PART = "選挙人名簿"
_DAY = timedelta(days=1)


def person_of(s: Scenario) -> Person:
    """The scenario as the oracle's :class:`Person` (the 届出 on the move-in day unless ``notified``)."""
    return Person(s.birth, not s.foreign, s.moved_in, s.notified or s.moved_in, s.moved_out, s.died is not None)


def _asked(s: Scenario, as_of: date) -> Scenario:
    return replace(s, as_of=as_of, fiscal_year=fiscal_year_of(as_of))


def _gone(s: Scenario, day: date, abroad: bool, codes: tuple[str, str]) -> Scenario:
    """The scenario moving out on ``day``, abroad or to another municipality."""
    if abroad:
        return replace(s, planned_out=day)
    return replace(s, planned_out=day, elsewhere=day, next=codes[0])


def _born_reaching(reached: date, age: int) -> date:
    """A birth day on which ``age`` is reached on ``reached`` (the day before the birthday); for a
    birthday of 2月29日 that does not exist ``age`` years earlier, 3月1日."""
    birthday = reached + _DAY
    try:
        return birthday.replace(year=birthday.year - age)
    except ValueError:
        return date(birthday.year - age, 3, 1)


@st.composite
def _registration_day(draw: st.DrawFn) -> date:
    """A 登録月の一日 of 2021-2026."""
    return date(draw(st.integers(2021, 2026)), draw(st.sampled_from(senkyo.REGISTRATION_MONTHS)), 1)


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
def _long_resident(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    birth = draw(_birth(1945, 2000))
    settled = birth + timedelta(days=draw(st.integers(0, 7000)))
    return Scenario(2025, birth, settled, previous=draw(st.sampled_from((None, *codes))))


@st.composite
def moving_out(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident (registered years ago) moving out; asked about around the move-out."""
    start = draw(_long_resident(codes))
    out = draw(st.one_of(_birth(2021, 2025).filter(lambda day: day.year >= 2021),
                         st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    s = _gone(start, max(out, start.moved_in + timedelta(days=7000)), draw(st.booleans()), codes)
    assert s.moved_out is not None
    return _asked(s, draw(st.dates(s.moved_out - timedelta(days=3), s.moved_out + timedelta(days=60))))


@st.composite
def dying(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident (registered years ago) dying; asked about around the death."""
    start = draw(_long_resident(codes))
    died = max(start.moved_in + timedelta(days=7000), draw(st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    return _asked(replace(start, died=died), draw(st.dates(died - timedelta(days=3), died + timedelta(days=200))))


@st.composite
def four_months_after(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident who moved out (often on a month end), asked about around four months later."""
    start = draw(_long_resident(codes))
    out = draw(st.one_of(_birth(2021, 2025).filter(lambda day: day.year >= 2021),
                         st.dates(date(2021, 1, 1), date(2025, 12, 31))))
    s = _gone(start, max(out, start.moved_in + timedelta(days=7000)), draw(st.booleans()), codes)
    assert s.moved_out is not None
    return _asked(s, draw(_near(senkyo.struck_off_day(s.moved_out), 3)))


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


# -- 第11条第1項: the 選挙人名簿 record of a sentence -------------------------------------------------------

RECORD = "選挙人名簿"


def sentence_of(s: Scenario) -> senkyo.Sentence | None:
    """The sentence the scenario's 選挙人名簿 record tells (None: no record)."""
    record = s.record(RECORD)
    if "刑_確定年月日" not in record:
        return None
    return senkyo.Sentence(date.fromisoformat(record["刑_確定年月日"]), record["刑_種類"], record["罪_区分"],
                           s.record_day(RECORD, "刑_執行猶予期間満了日"), s.record_day(RECORD, "刑_執行終了年月日"),
                           s.record_day(RECORD, "刑_執行免除年月日"))


def _sentenced(s: Scenario, sentence: senkyo.Sentence) -> Scenario:
    items = {"刑_確定年月日": sentence.final, "刑_執行猶予期間満了日": sentence.suspended_until,
             "刑_執行終了年月日": sentence.served, "刑_執行免除年月日": sentence.remitted}
    records = [(RECORD, "刑_種類", sentence.kind), (RECORD, "罪_区分", sentence.crime)]
    records += [(RECORD, item, day.isoformat()) for item, day in items.items() if day is not None]
    return replace(s, records=tuple(records))


@st.composite
def _adult_resident(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A Japanese adult resident for years."""
    birth = draw(_birth(1950, 1995))
    return Scenario(2025, birth, birth + timedelta(days=draw(st.integers(6600, 9000))),
                    previous=draw(st.sampled_from((None, *codes))))


def _asked_near(draw: st.DrawFn, s: Scenario, sentence: senkyo.Sentence, anchors: tuple[date, ...],
                avoid: tuple[date | None, ...]) -> Scenario:
    """The sentenced scenario asked about near one of ``anchors``, never on a day of ``avoid`` (the days a
    sentence becomes final, ends or is remitted: which side of them the day falls is not the rule's point)."""
    banned = {day for day in avoid if day is not None}
    as_of = draw(st.sampled_from(anchors).flatmap(lambda anchor: _near(anchor, 4)).filter(lambda d: d not in banned))
    return _asked(_sentenced(s, sentence), max(as_of, s.moved_in))


def _final(draw: st.DrawFn) -> date:
    return draw(st.dates(date(2016, 1, 1), date(2025, 6, 30)))


@st.composite
def serving_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第2号: a 拘禁刑 served (or a 罰金, which is not 拘禁刑以上, paid some days later)."""
    final = _final(draw)
    fine = draw(st.booleans())
    served = final + timedelta(days=draw(st.integers(2, 60) if fine else st.integers(30, 2000)))
    sentence = senkyo.Sentence(final, senkyo.FINE if fine else senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, served=served)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, served, final + (served - final) / 2),
                       (final, served))


@st.composite
def unexecuted_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第3号: a 拘禁刑 never executed until remitted (時効, 免除), or one suspended (執行猶予中)."""
    final = _final(draw)
    if draw(st.booleans()):
        remitted = final + timedelta(days=draw(st.integers(100, 4000)))
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, remitted=remitted)
        anchors = (final, remitted, final + (remitted - final) / 2)
    else:
        until = months_later(final, draw(st.integers(12, 60))) - _DAY
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, suspended_until=until)
        anchors = (final, until, final + (until - final) / 2)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, anchors, (final, sentence.remitted))


@st.composite
def bribery_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第4号: a 公職収賄 sentence (拘禁刑 served or remitted, 罰金 paid, or suspended), asked about
    around five years after its end or around the end of its suspension."""
    final = draw(st.dates(date(2012, 1, 1), date(2024, 6, 30)))
    kind = draw(st.sampled_from(("served", "remitted", "fine", "suspended")))
    if kind == "suspended":
        until = months_later(final, draw(st.integers(12, 60))) - _DAY
        sentence = senkyo.Sentence(final, draw(st.sampled_from((senkyo.IMPRISONMENT, senkyo.FINE))), senkyo.BRIBERY,
                                   suspended_until=until)
        return _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, until), (final,))
    ended = final + timedelta(days=draw(st.integers(2, 30) if kind == "fine" else st.integers(100, 1500)))
    sentence = senkyo.Sentence(final, senkyo.FINE if kind == "fine" else senkyo.IMPRISONMENT, senkyo.BRIBERY,
                               served=None if kind == "remitted" else ended,
                               remitted=ended if kind == "remitted" else None)
    # A 罰金 not yet paid is not drawn (the days from its finality to its payment).
    avoid = (final, ended, *(final + timedelta(days=n) for n in range((ended - final).days if kind == "fine" else 0)))
    five_years = months_later(ended + _DAY, 60)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, (five_years, ended + timedelta(days=5)), avoid)


@st.composite
def election_crime_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第5号: a 選挙犯罪 with a suspended 拘禁刑, asked about before it is final or during the
    suspension (never after: 第252条, which this edition does not quote, decides then: 第11条第2項)."""
    final = _final(draw)
    until = months_later(final, draw(st.integers(12, 60))) - _DAY
    sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.ELECTION_CRIME, suspended_until=until)
    scenario = _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, until - timedelta(days=5)), (final,))
    assert scenario.as_of is not None
    return replace(scenario, as_of=min(scenario.as_of, until), fiscal_year=fiscal_year_of(min(scenario.as_of, until)))


# -- 第22条第2項〜第4項: an election in the 選挙人名簿 record ---------------------------------------------------


def election_of(s: Scenario) -> senkyo.Election | None:
    """The election the scenario's 選挙人名簿 record tells (None: none)."""
    notice, day, base = (s.record_day(RECORD, item) for item in ("選挙_公示日", "選挙_期日", "選挙時登録基準日"))
    if notice is None or day is None or base is None:
        return None
    return senkyo.Election(notice, day, base, s.record(RECORD).get("選挙_種類"))


def _with_election(s: Scenario, election: senkyo.Election) -> Scenario:
    """The scenario with the election as its 選挙人名簿 record (other items of the record kept)."""
    items = (("選挙_公示日", election.notice), ("選挙_期日", election.day), ("選挙時登録基準日", election.base))
    kept = tuple(entry for entry in s.records if entry[1] not in {*dict(items), "選挙_種類"})
    kind = ((RECORD, "選挙_種類", election.kind),) if election.kind is not None else ()
    return replace(s, records=kept + tuple((RECORD, item, day.isoformat()) for item, day in items) + kind)


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


# -- 第24条第1項 (異議の申出 periods), 第28条の2第1項 and 第28条の3第1項 (the 閲覧 window) ----------------------------


#: The fixed 国民の祝日 with the day after (a 振替休日), the equinoxes' windows and 年末年始 (12月29日〜1月3日).
_HOLIDAYS_NEAR = frozenset({(2, 11), (2, 12), (2, 23), (2, 24), (4, 29), (4, 30), (5, 3), (5, 4), (5, 5), (5, 6),
                            (8, 11), (8, 12), (11, 3), (11, 4), (11, 23), (11, 24), (3, 19), (3, 20), (3, 21),
                            (3, 22), (9, 21), (9, 22), (9, 23), (9, 24), (12, 29), (12, 30), (12, 31), (1, 1),
                            (1, 2), (1, 3), (1, 4)})


def _weekday(day: date) -> bool:
    """A day that is no 地方公共団体の休日 of any reading: a weekday, none of :data:`_HOLIDAYS_NEAR`, and not a
    Monday of January, July, September or October (the moving 祝日)."""
    moving = day.weekday() == 0 and day.month in (1, 7, 9, 10)
    return day.weekday() < 5 and (day.month, day.day) not in _HOLIDAYS_NEAR and not moving


def _period_ends_on_weekday(s: Scenario) -> bool:
    """Whether the 異議 period the scenario's registration opens ends on a weekday (or there is none)."""
    period = _objection(s, "")["異議申出期間"]
    return period is None or _weekday(date.fromisoformat(period["終了"]))


def _scheduled_on_weekday(s: Scenario) -> bool:
    """:func:`_period_ends_on_weekday`, of a registration on a 登録月の一日 (not a 選挙時登録: 第2号's)."""
    election = election_of(s)
    found = senkyo.registration_with_election(person_of(s), _as_of(s), election) if election is not None else None
    return _period_ends_on_weekday(s) and (found is None or found[1] != senkyo.BY_ELECTION)


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
    now and then: the registration is made on the Monday), with no election, one whose 期日 is the next day (the
    一日 on the 期日の前日: 第1号 still) or one far off; only periods ending on a weekday (whether a period ending
    on a 休日 is extended is not this rule's point)."""
    return _scheduled_registration(codes).filter(_scheduled_on_weekday)


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
    on a 基準日 early in March, June, September or December; a voter qualified around it; only periods ending on
    a weekday."""
    return _campaign_registration(codes).filter(_period_ends_on_weekday)


@st.composite
def inspection_days(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第28条の2第1項: a day around the 公示 or around five days after the 期日 of an election."""
    notice = draw(st.dates(date(2021, 1, 1), date(2026, 6, 30)))
    election = senkyo.Election(notice, notice + timedelta(days=draw(st.sampled_from((5, 7, 9, 12, 17)))),
                               notice - _DAY)
    anchor = draw(st.sampled_from((notice, election.day + timedelta(days=5))))
    start = draw(_long_resident(codes))
    return _asked(_with_election(start, election), max(start.moved_in, draw(_near(anchor, 3))))


# -- 第30条の6第3項, 第30条の8第1項: the 在外選挙人名簿 around an election ----------------------------------------

_KINDS = ("衆議院", "参議院", "地方")


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
    """A 在外 registration not inside a period of 異議 nor on a day a registration is made, whose period ends on a
    weekday (the readings this rule does not settle)."""
    registered = overseas_of(s).registered
    assert registered is not None
    election = election_of(s)
    first = senkyo.registration_first_on_or_before(registered)
    for months in (0, 3):
        done = senkyo.registration_done(months_later(first, months), election)
        if done <= registered <= done + timedelta(days=5):
            return False
    if election is not None and election.national and election.base <= registered <= election.base + _DAY:
        return False
    period = _overseas_objection_of(s)
    return period is not None and _weekday(period[1])


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


def _periods_end_on_weekdays(s: Scenario) -> bool:
    election = election_of(s)
    return election is not None and all(_weekday(end) for _, end in senkyo.objection_days_of_election(election))


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
    from 12 days after its 公示 to 20 days before it) or around the window's ends; only elections whose periods
    end on weekdays."""
    return _confirmation_day(codes).filter(_periods_end_on_weekdays)


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


def _overseas_periods_end_on_weekdays(s: Scenario) -> bool:
    election = election_of(s)
    periods = senkyo.overseas_objection_days_of_election(election) if election is not None else []
    return bool(periods) and all(_weekday(end) for _, end in periods)


def overseas_inspection_days(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の12 (第28条の2第1項, 第28条の3第1項 applied): days around the window of a 衆議院 or 参議院 election and
    the periods of 第30条の8第1項 in it; only elections whose periods end on weekdays (a period ending on a 休日 is
    a reading this rule does not settle)."""
    return _overseas_inspection_day(codes).filter(_overseas_periods_end_on_weekdays)


# -- rules ----------------------------------------------------------------------------------------


def _as_of(s: Scenario) -> date:
    assert s.as_of is not None
    return s.as_of


def _national(s: Scenario, town: str) -> Projection:
    return {"選挙権_国政": senkyo.national_suffrage(person_of(s), _as_of(s))}


def _local(s: Scenario, town: str) -> Projection:
    return {"選挙権_地方": senkyo.local_suffrage(person_of(s), _as_of(s))}


def _qualified(s: Scenario, town: str) -> Projection:
    return {"被登録資格": senkyo.is_qualified(person_of(s), _as_of(s))}


def _registration(s: Scenario, town: str) -> Projection:
    person, as_of = person_of(s), _as_of(s)
    day = senkyo.registration_day(person, as_of) if senkyo.is_registered(person, as_of) else None
    return {"登録基準日": day.isoformat() if day else None}


def _registered(s: Scenario, town: str) -> Projection:
    return {"登録": senkyo.is_registered(person_of(s), _as_of(s))}


def _indicated(s: Scenario, town: str) -> Projection:
    return {"表示": senkyo.is_indicated(person_of(s), _as_of(s))}


def _struck_off(s: Scenario, town: str) -> Projection:
    return {"抹消事由": senkyo.struck_off(person_of(s), _as_of(s))}


def _seventeen(s: Scenario, town: str) -> Projection:
    return {"年齢満十七年調査": senkyo.seventeen_surveyed(person_of(s), _as_of(s))}


def _suffrage_kept(s: Scenario, town: str) -> Projection:
    """第11条第1項: 選挙権 (national and the town's) unless the sentence bars it."""
    person, as_of = person_of(s), _as_of(s)
    barred = senkyo.disqualified(sentence_of(s), as_of)
    return {"選挙権_国政": senkyo.national_suffrage(person, as_of) and not barred,
            "選挙権_地方": senkyo.local_suffrage(person, as_of) and not barred}


def _prefectural(s: Scenario, town: str) -> Projection:
    since = s.record_day(RECORD, PREVIOUS_SINCE)
    return {"選挙権_都道府県": senkyo.prefectural_suffrage(person_of(s), _as_of(s), town, s.previous, since)}


def _objection(s: Scenario, town: str) -> Projection:
    """第24条第1項: the 異議の申出 period of the registration that registered the person (None: not registered)."""
    election = election_of(s)
    person, as_of = person_of(s), _as_of(s)
    found = (senkyo.registration_with_election(person, as_of, election) if election is not None
             else _scheduled(person, as_of))
    if found is None:
        return {"異議申出期間": None}
    start, end = senkyo.objection_period(found[0], found[1], election)
    return {"異議申出期間": {"開始": start.isoformat(), "終了": end.isoformat()}}


def _scheduled(person: senkyo.Person, as_of: date) -> tuple[date, str] | None:
    day = senkyo.registration_day(person, as_of)
    return None if day is None else (day, senkyo.BY_SCHEDULE)


def _inspection(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {"抄本閲覧_可否": senkyo.inspection_open(_as_of(s), election)}


def _overseas_suspended(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {"在外_登録停止": senkyo.overseas_registration_suspended(_as_of(s), election)}


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


def _confirmation(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {"抄本閲覧_登録確認": senkyo.confirmation_open(_as_of(s), election)}


def _overseas_inspection(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {"在外_抄本閲覧_可否": senkyo.overseas_inspection_open(_as_of(s), election)}


def _overseas_confirmation(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {"在外_抄本閲覧_登録確認": senkyo.overseas_confirmation_open(_as_of(s), election)}


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


def _registered_in_election(s: Scenario, town: str) -> Projection:
    """第22条: the registration's day and the provision it was made under."""
    election = election_of(s)
    assert election is not None
    found = senkyo.registration_with_election(person_of(s), _as_of(s), election)
    return {"登録基準日": found[0].isoformat() if found else None, "登録根拠": found[1] if found else None}


#: Worked examples. Moved in 2024-12-01, 転入届 2024-12-10: 選挙権 of the town on 2025-03-01 (三箇月 of
#: address), registered as of 2025-06-01 (三箇月 of record on 3月10日). Born 2007-03-02: 18 on 2025-03-01.
LATE_NOTICE = Scenario(2024, date(1980, 5, 5), date(2024, 12, 1), previous="131016", notified=date(2024, 12, 10),
                       as_of=date(2025, 3, 1))
LATE_NOTICE_REGISTERED = replace(LATE_NOTICE, as_of=date(2025, 6, 1))
EIGHTEEN = Scenario(2024, date(2007, 3, 2), date(2007, 3, 2), as_of=date(2025, 3, 1))
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
DIED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), died=date(2025, 6, 10), as_of=date(2025, 6, 10))

#: 施行令 第13条: on 2025-03-01, born 2007-06-01 (18 on 2025-05-31: surveyed), born 2007-06-02 (18 on 6月1日:
#: not, the 定時登録 of 6月 takes them); moved out 2025-01-20 after a 転入届 of 2024-09-01: surveyed (第2号).
SEVENTEEN = Scenario(2024, date(2007, 6, 1), date(2007, 6, 1), as_of=date(2025, 3, 1))
SEVENTEEN_TOO_LATE = Scenario(2024, date(2007, 6, 2), date(2007, 6, 2), as_of=date(2025, 3, 3))
SEVENTEEN_MOVED_OUT = Scenario(2024, date(2007, 5, 20), date(2024, 9, 1), previous="131016",
                               planned_out=date(2025, 1, 20), as_of=date(2025, 3, 1))
_LONG = Scenario(2025, date(1970, 5, 5), date(1995, 4, 1))
#: 第11条第1項: a 拘禁刑 final 2023-04-10 served until 2025-02-10 (barred on 2025-01-01, not on 2025-03-01); a
#: 罰金 final 2025-01-10 paid 2025-02-20 (not 拘禁刑以上: kept on 2025-02-01).
SERVING = _sentenced(replace(_LONG, as_of=date(2025, 1, 1)),
                     senkyo.Sentence(date(2023, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                     served=date(2025, 2, 10)))
RELEASED = replace(SERVING, as_of=date(2025, 3, 1))
FINED = _sentenced(replace(_LONG, as_of=date(2025, 2, 1)),
                   senkyo.Sentence(date(2025, 1, 10), senkyo.FINE, senkyo.OTHER_CRIME, served=date(2025, 2, 20)))
#: A 拘禁刑 suspended until 2027-04-09 (執行猶予中: kept); one never executed, remitted 2025-02-01.
SUSPENDED = _sentenced(replace(_LONG, as_of=date(2025, 3, 1)),
                       senkyo.Sentence(date(2024, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                       suspended_until=date(2027, 4, 9)))
UNEXECUTED = _sentenced(replace(_LONG, as_of=date(2025, 1, 20)),
                        senkyo.Sentence(date(2018, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                        remitted=date(2025, 2, 1)))
#: 公職収賄, 拘禁刑 served until 2020-06-10: barred until 2025-06-10, kept from 2025-06-11.
BRIBERY = _sentenced(replace(_LONG, as_of=date(2025, 6, 9)),
                     senkyo.Sentence(date(2018, 6, 1), senkyo.IMPRISONMENT, senkyo.BRIBERY, served=date(2020, 6, 10)))
BRIBERY_PASSED = replace(BRIBERY, as_of=date(2025, 6, 11))
#: 選挙犯罪, 拘禁刑 suspended until 2027-04-09: barred on 2025-03-01.
ELECTION_CRIME = _sentenced(replace(_LONG, as_of=date(2025, 3, 1)),
                            senkyo.Sentence(date(2024, 4, 10), senkyo.IMPRISONMENT, senkyo.ELECTION_CRIME,
                                            suspended_until=date(2027, 4, 9)))

#: 第22条: an election with its 期日 on 2025-03-12, 公示 2025-02-28, 基準日 2025-02-27; a 転入届 of 2024-12-01
#: (three months recorded on 3月1日) born 2007-03-06 (18 on 3月5日): registered as of 3月1日 (第2項: the age on the
#: 期日). Another 転入届 of 2024-11-20 (three months on 2月20日), born 2007-03-08 (18 on 3月7日): registered as of the
#: 基準日 (第3項). With the 基準日 on 3月1日 itself, the registration of that day is 第3項's (第4項).
_ELECTION = senkyo.Election(date(2025, 2, 28), date(2025, 3, 12), date(2025, 2, 27))
IN_ELECTION = _with_election(Scenario(2024, date(2007, 3, 6), date(2024, 12, 1), previous="131016",
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

#: 第9条第3項: moved here on 2025-01-10 from 静岡市 (the reference's town is in 静岡県), its address there taken
#: on 2024-06-01: the prefecture's 選挙権 on 2025-02-01 (not the town's); from 千代田区, not.
WITHIN_PREFECTURE = Scenario(2024, date(1980, 5, 5), date(2025, 1, 10), previous="221007", as_of=date(2025, 2, 1),
                             records=((RECORD, PREVIOUS_SINCE, "2024-06-01"),))
FROM_OTHER_PREFECTURE = replace(WITHIN_PREFECTURE, previous="131016")

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

#: 第24条第1項: registered on Wednesday 2023-03-01: 異議 3月2日〜3月6日 (第1号: five days from the next); with the
#: 期日 on 2025-06-10 and the 公示 on 5月30日, a 転入届 of 3月1日 and 18 on 6月4日: registered on 6月1日 (a Sunday)
#: itself, 異議 on 6月2日 only (第2号). 第28条の2第1項: no 閲覧 from the 公示 (2月28日) to 3月17日, open on 3月18日.
WEDNESDAY_REGISTRATION = Scenario(2023, date(1980, 5, 5), date(2022, 12, 1), previous="131016",
                                  as_of=date(2023, 3, 5))
CAMPAIGN_REGISTRATION = _with_election(Scenario(2025, date(2007, 6, 5), date(2025, 3, 1), previous="131016",
                                                as_of=date(2025, 6, 3)),
                                       senkyo.Election(date(2025, 5, 30), date(2025, 6, 10), date(2025, 5, 29)))
INSPECTION_CLOSED = _with_election(Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 3, 17)),
                                   _ELECTION)
INSPECTION_OPEN = replace(INSPECTION_CLOSED, as_of=date(2025, 3, 18))

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

#: 第28条の2第1項 後段: the election of 期日 3月12日 (公示 2月28日, 基準日 2月27日): 確認 on 2月28日 (the day after the
#: 選挙時登録) and 3月2日 (the day after the 定時登録 of 3月1日, 第24条第1項第2号), not on 3月5日.
CONFIRMATION_OPEN = replace(INSPECTION_CLOSED, as_of=date(2025, 2, 28))
CONFIRMATION_CLOSED = replace(INSPECTION_CLOSED, as_of=date(2025, 3, 5))

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

SENKYO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("senkyo.national_suffrage", "選挙人名簿: 選挙権 of 日本国民 aged 18 or more (第9条第1項)", suffrage_persons,
         _national, picked(PART, "選挙権_国政"), (EIGHTEEN, RECENT, FOREIGN)),
    Rule("senkyo.local_suffrage", "選挙人名簿: the municipality's 選挙権 after three months of address "
         "(第9条第2項)", suffrage_persons, _local, picked(PART, "選挙権_地方"), (LATE_NOTICE, NEWCOMER, RECENT)),
    Rule("senkyo.qualification", "選挙人名簿: 被登録資格 after three months recorded from the 転入届 "
         "(第21条第1項)", suffrage_persons, _qualified, picked(PART, "被登録資格"), (LATE_NOTICE, EIGHTEEN, FOREIGN)),
    Rule("senkyo.registration_day", "選挙人名簿: 定時登録 as of the first day of March, June, September and "
         "December (第19条第2項, 第22条第1項)", registrations, _registration, picked(PART, "登録基準日"),
         (LATE_NOTICE_REGISTERED,)),
    Rule("senkyo.moved_out_registration", "選挙人名簿: registration of a person who moved out after three "
         "months, within four months (第21条第2項)", moved_out_registrations, _registered, picked(PART, "登録"),
         (MOVED_BEFORE_REGISTRATION,)),
    Rule("senkyo.indication_on_move_out", "選挙人名簿: 表示 when a registered person moves out (第27条第1項)",
         moving_out, _indicated, picked(PART, "表示"), (MOVED,)),
    Rule("senkyo.indication_at_registration", "選挙人名簿: 表示 on registering a person who moved out "
         "(第27条第2項)", registered_after_moving_out, _indicated, picked(PART, "表示"), (MOVED_BEFORE_REGISTRATION,)),
    Rule("senkyo.struck_off_on_death", "選挙人名簿: 抹消 on death (第28条第1号)", dying, _struck_off,
         picked(PART, "抹消事由"), (DIED,)),
    Rule("senkyo.struck_off_after_four_months", "選挙人名簿: 抹消 four months after the move-out (第28条第2号)",
         four_months_after, _struck_off, picked(PART, "抹消事由"), (STRUCK_OFF, NOT_YET_STRUCK_OFF)),
    Rule("senkyo.seventeen_resident", "選挙人名簿: the survey of residents aged seventeen who reach eighteen by the "
         "end of the month before the next 登録月 (施行令 第13条第1項第1号)", seventeen_residents, _seventeen,
         picked(PART, "年齢満十七年調査"), (SEVENTEEN, SEVENTEEN_TOO_LATE)),
    Rule("senkyo.seventeen_moved_out", "選挙人名簿: the survey of those aged seventeen who moved out within four "
         "months (施行令 第13条第1項第2号)", seventeen_moved_out, _seventeen, picked(PART, "年齢満十七年調査"),
         (SEVENTEEN_MOVED_OUT,)),
    Rule("senkyo.disqualified_serving", "選挙人名簿: no 選挙権 until a 拘禁刑 has been served (第11条第1項第2号)",
         serving_persons, _suffrage_kept, picked(PART, "選挙権_国政", "選挙権_地方"), (SERVING, RELEASED, FINED),
         needs_records=True),
    Rule("senkyo.disqualified_unexecuted", "選挙人名簿: no 選挙権 until a 拘禁刑 is no longer to be executed, "
         "except while suspended (第11条第1項第3号)", unexecuted_persons, _suffrage_kept,
         picked(PART, "選挙権_国政", "選挙権_地方"), (UNEXECUTED, SUSPENDED), needs_records=True),
    Rule("senkyo.disqualified_bribery", "選挙人名簿: no 選挙権 for five years after a sentence for bribery in "
         "office, or while it is suspended (第11条第1項第4号)", bribery_persons, _suffrage_kept,
         picked(PART, "選挙権_国政", "選挙権_地方"), (BRIBERY, BRIBERY_PASSED), needs_records=True),
    Rule("senkyo.disqualified_election_crime", "選挙人名簿: no 選挙権 while a 拘禁刑 for an election crime is "
         "suspended (第11条第1項第5号)", election_crime_persons, _suffrage_kept,
         picked(PART, "選挙権_国政", "選挙権_地方"), (ELECTION_CRIME,), needs_records=True),
    Rule("senkyo.registration_in_election", "選挙人名簿: a 登録月の一日 from the 公示 to the day before the 期日: "
         "registration with the age judged on the 期日 (第22条第2項)", elections_in_registration_month,
         _registered_in_election, picked(PART, "登録基準日", "登録根拠"), (IN_ELECTION, APRIL_IN_ELECTION,
                                                                     EARLY_BASE_IN_ELECTION),
         needs_records=True),
    Rule("senkyo.election_registration", "選挙人名簿: 選挙時登録 as of the 基準日, the age judged on the 期日 "
         "(第22条第3項)", elections_with_base_day, _registered_in_election, picked(PART, "登録基準日", "登録根拠"),
         (AT_BASE_DAY, AT_BASE_DAY_IN_JANUARY), needs_records=True),
    Rule("senkyo.no_schedule_on_base_day", "選挙人名簿: no 定時登録 on a 登録月の一日 that is the 基準日 "
         "(第22条第4項)", elections_on_registration_day, _registered_in_election,
         picked(PART, "登録基準日", "登録根拠"), (ON_REGISTRATION_DAY, ON_REGISTRATION_DAY_LONG),
         needs_records=True),
    Rule("senkyo.prefectural_suffrage", "選挙人名簿: the prefecture's 選挙権 after three months in one municipality "
         "of the prefecture, still in it (第9条第3項)", prefecture_movers, _prefectural,
         picked(PART, "選挙権_都道府県"), (WITHIN_PREFECTURE, FROM_OTHER_PREFECTURE), needs_records=True),
    Rule("senkyo.overseas_qualification", "在外選挙人名簿: 被登録資格 of an applicant three months in the 領事官's "
         "area (第30条の4第1項)", overseas_applicants, _overseas_qualified, picked(PART, "在外_被登録資格"),
         (OVERSEAS_APPLIED, OVERSEAS_NOT_YET), needs_records=True),
    Rule("senkyo.overseas_transfer_qualification", "在外選挙人名簿: 被登録移転資格 of a registered person who "
         "applied with the 国外転出届 (第30条の4第2項)", transfer_applicants, _transfer_qualified,
         picked(PART, "在外_被登録移転資格"), (TRANSFER_APPLIED,), needs_records=True),
    Rule("senkyo.struck_off_on_transfer", "選挙人名簿: 抹消 on the move to the 在外選挙人名簿 (第28条第1項第3号)",
         transferred, _struck_off_transferred, picked(PART, "抹消事由"), (TRANSFERRED,), needs_records=True),
    Rule("senkyo.overseas_struck_off_after_return", "在外選挙人名簿: 抹消 four months after a domestic address was "
         "taken (第30条の11第1項第2号)", returning_overseas_voters, _overseas_struck_off,
         picked(PART, "在外_抹消事由", "在外_登録"), (RETURNED, NOT_YET_RETURNED), needs_records=True),
    Rule("senkyo.objection_five_days", "選挙人名簿: the 異議の申出 period of a 定時登録, the five days after the day "
         "it was made (第24条第1項第1号)", scheduled_registrations, _objection, picked(PART, "異議申出期間"),
         (WEDNESDAY_REGISTRATION,), needs_records=True),
    Rule("senkyo.objection_next_day", "選挙人名簿: the 異議の申出 on the day after a registration in an election "
         "(第24条第1項第2号)", campaign_registrations, _objection, picked(PART, "異議申出期間"),
         (CAMPAIGN_REGISTRATION, AT_BASE_DAY), needs_records=True),
    Rule("senkyo.inspection_window", "選挙人名簿: no 抄本 閲覧 for 政治活動 or 調査研究 from the 公示 to five days "
         "after the 期日 (第28条の2第1項, 第28条の3第1項)", inspection_days, _inspection, picked(PART, "抄本閲覧_可否"),
         (INSPECTION_CLOSED, INSPECTION_OPEN), needs_records=True),
    Rule("senkyo.overseas_suspended_in_campaign", "在外選挙人名簿: no registration nor 移転 from the 公示 to the 期日 "
         "of a 衆議院 or 参議院 election (第30条の6第3項)", overseas_in_campaign, _overseas_suspended,
         picked(PART, "在外_登録停止"), (SUSPENDED_ABROAD, RESUMED_ABROAD, LOCAL_CAMPAIGN_ABROAD),
         needs_records=True),
    Rule("senkyo.overseas_objection_five_days", "在外選挙人名簿: 異議 in the five days after the 定時登録 that comes "
         "next (第30条の8第1項第1号)", overseas_registered, _overseas_objection, picked(PART, "在外_異議申出期間"),
         (OVERSEAS_OBJECTION, OVERSEAS_OBJECTION_LOCAL), needs_records=True),
    Rule("senkyo.overseas_objection_next_day", "在外選挙人名簿: 異議 on the day after a 衆議院 or 参議院 選挙時登録 "
         "that comes first (第30条の8第1項第2号)", overseas_registered_before_election, _overseas_objection,
         picked(PART, "在外_異議申出期間"), (OVERSEAS_OBJECTION_IN_ELECTION,), needs_records=True),
    Rule("senkyo.overseas_indication", "在外選挙人名簿: 表示 when a domestic 住民票 is made or the 選挙権 is barred "
         "(第30条の10第1項)", overseas_returning_or_sentenced, _overseas_indicated, picked(PART, "在外_表示"),
         (INDICATED_ABROAD, NOT_YET_INDICATED_ABROAD), needs_records=True),
    Rule("senkyo.overseas_struck_off_on_death", "在外選挙人名簿: 抹消 on death or the loss of Japanese nationality "
         "(第30条の11第1項第1号)", overseas_dying, _overseas_struck_off_on_death, picked(PART, "在外_抹消事由"),
         (DIED_ABROAD,), needs_records=True),
    Rule("senkyo.confirmation_in_window", "選挙人名簿: 抄本 閲覧 to confirm a registration, within the window on the "
         "days of 異議 (第28条の2第1項 後段)", confirmation_days, _confirmation, picked(PART, "抄本閲覧_登録確認"),
         (CONFIRMATION_OPEN, CONFIRMATION_CLOSED), needs_records=True),
    Rule("senkyo.overseas_inspection_window", "在外選挙人名簿: no 抄本 閲覧 for 政治活動 or 調査研究 from the 公示 to "
         "five days after the 期日 (第30条の12, 第28条の2第1項, 第28条の3第1項)", overseas_inspection_days,
         _overseas_inspection, picked(PART, "在外_抄本閲覧_可否"),
         (OVERSEAS_INSPECTION_CLOSED, OVERSEAS_INSPECTION_OPEN), needs_records=True),
    Rule("senkyo.overseas_confirmation_in_window", "在外選挙人名簿: 抄本 閲覧 to confirm a registration, within the "
         "window on the days of 第30条の8第1項 (第30条の12)", overseas_inspection_days, _overseas_confirmation,
         picked(PART, "在外_抄本閲覧_登録確認"),
         (OVERSEAS_CONFIRMATION_AFTER_BASE, OVERSEAS_CONFIRMATION_FIVE_DAYS, OVERSEAS_CONFIRMATION_CLOSED),
         needs_records=True),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(SENKYO_RULES[name])


senkyo_national_suffrage = check("scenario.senkyo.national_suffrage")(_rule_check("senkyo.national_suffrage"))
senkyo_local_suffrage = check("scenario.senkyo.local_suffrage")(_rule_check("senkyo.local_suffrage"))
senkyo_qualification = check("scenario.senkyo.qualification")(_rule_check("senkyo.qualification"))
senkyo_registration_day = check("scenario.senkyo.registration_day")(_rule_check("senkyo.registration_day"))
senkyo_moved_out_registration = check("scenario.senkyo.moved_out_registration")(
    _rule_check("senkyo.moved_out_registration"))
senkyo_indication_on_move_out = check("scenario.senkyo.indication_on_move_out")(
    _rule_check("senkyo.indication_on_move_out"))
senkyo_indication_at_registration = check("scenario.senkyo.indication_at_registration")(
    _rule_check("senkyo.indication_at_registration"))
senkyo_struck_off_on_death = check("scenario.senkyo.struck_off_on_death")(_rule_check("senkyo.struck_off_on_death"))
senkyo_struck_off_after_four_months = check("scenario.senkyo.struck_off_after_four_months")(
    _rule_check("senkyo.struck_off_after_four_months"))
senkyo_seventeen_resident = check("scenario.senkyo.seventeen_resident")(_rule_check("senkyo.seventeen_resident"))
senkyo_seventeen_moved_out = check("scenario.senkyo.seventeen_moved_out")(_rule_check("senkyo.seventeen_moved_out"))
senkyo_disqualified_serving = check("scenario.senkyo.disqualified_serving")(
    _rule_check("senkyo.disqualified_serving"))
senkyo_disqualified_unexecuted = check("scenario.senkyo.disqualified_unexecuted")(
    _rule_check("senkyo.disqualified_unexecuted"))
senkyo_disqualified_bribery = check("scenario.senkyo.disqualified_bribery")(
    _rule_check("senkyo.disqualified_bribery"))
senkyo_disqualified_election_crime = check("scenario.senkyo.disqualified_election_crime")(
    _rule_check("senkyo.disqualified_election_crime"))
senkyo_registration_in_election = check("scenario.senkyo.registration_in_election")(
    _rule_check("senkyo.registration_in_election"))
senkyo_election_registration = check("scenario.senkyo.election_registration")(
    _rule_check("senkyo.election_registration"))
senkyo_no_schedule_on_base_day = check("scenario.senkyo.no_schedule_on_base_day")(
    _rule_check("senkyo.no_schedule_on_base_day"))
senkyo_prefectural_suffrage = check("scenario.senkyo.prefectural_suffrage")(_rule_check("senkyo.prefectural_suffrage"))
senkyo_overseas_qualification = check("scenario.senkyo.overseas_qualification")(
    _rule_check("senkyo.overseas_qualification"))
senkyo_overseas_transfer_qualification = check("scenario.senkyo.overseas_transfer_qualification")(
    _rule_check("senkyo.overseas_transfer_qualification"))
senkyo_struck_off_on_transfer = check("scenario.senkyo.struck_off_on_transfer")(
    _rule_check("senkyo.struck_off_on_transfer"))
senkyo_overseas_struck_off_after_return = check("scenario.senkyo.overseas_struck_off_after_return")(
    _rule_check("senkyo.overseas_struck_off_after_return"))
senkyo_objection_five_days = check("scenario.senkyo.objection_five_days")(_rule_check("senkyo.objection_five_days"))
senkyo_objection_next_day = check("scenario.senkyo.objection_next_day")(_rule_check("senkyo.objection_next_day"))
senkyo_inspection_window = check("scenario.senkyo.inspection_window")(_rule_check("senkyo.inspection_window"))
senkyo_overseas_suspended_in_campaign = check("scenario.senkyo.overseas_suspended_in_campaign")(
    _rule_check("senkyo.overseas_suspended_in_campaign"))
senkyo_overseas_objection_five_days = check("scenario.senkyo.overseas_objection_five_days")(
    _rule_check("senkyo.overseas_objection_five_days"))
senkyo_overseas_objection_next_day = check("scenario.senkyo.overseas_objection_next_day")(
    _rule_check("senkyo.overseas_objection_next_day"))
senkyo_overseas_indication = check("scenario.senkyo.overseas_indication")(_rule_check("senkyo.overseas_indication"))
senkyo_overseas_struck_off_on_death = check("scenario.senkyo.overseas_struck_off_on_death")(
    _rule_check("senkyo.overseas_struck_off_on_death"))
senkyo_confirmation_in_window = check("scenario.senkyo.confirmation_in_window")(
    _rule_check("senkyo.confirmation_in_window"))
senkyo_overseas_inspection_window = check("scenario.senkyo.overseas_inspection_window")(
    _rule_check("senkyo.overseas_inspection_window"))
senkyo_overseas_confirmation_in_window = check("scenario.senkyo.overseas_confirmation_in_window")(
    _rule_check("senkyo.overseas_confirmation_in_window"))


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
#: months from 12月1日; counted from 1月1日 they would come on 4月1日). The same with a 境界変更 on 2025-02-01.
_CARRIED_OVER = Scenario(2024, date(1980, 5, 5), date(2024, 12, 1), previous="131016", as_of=date(2025, 3, 1))
MERGED = _with_area_change(_CARRIED_OVER, senkyo.AreaChange(senkyo.MERGER, date(2025, 1, 1), date(2024, 12, 20)))
BOUNDARY_CHANGED = _with_area_change(_CARRIED_OVER, senkyo.AreaChange(senkyo.BOUNDARY_CHANGE, date(2025, 2, 1)))
#: The day before: three months not yet complete, whatever the change.
MERGED_NOT_YET = replace(MERGED, as_of=date(2025, 2, 28))

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.merger_local_suffrage", "選挙人名簿: the three months of the town's 選挙権 include those in a "
         "municipality a 廃置分合 extinguished, uninterrupted (第9条第4項, 第5項)", merged_local, _local_across,
         picked(PART, "選挙権_地方"), (MERGED, MERGED_NOT_YET), needs_records=True),
    Rule("senkyo.boundary_local_suffrage", "選挙人名簿: a 境界変更 does not interrupt the three months of the town's "
         "選挙権 (第9条第5項)", boundary_local, _local_across, picked(PART, "選挙権_地方"), (BOUNDARY_CHANGED,),
         needs_records=True),
    Rule("senkyo.merger_qualification", "選挙人名簿: the 登録市町村等 includes the 消滅市町村, its record period "
         "uninterrupted (第21条第3項, 第4項)", merged_registration, _qualified_across, picked(PART, "被登録資格"),
         (MERGED, MERGED_NOT_YET), needs_records=True),
    Rule("senkyo.boundary_qualification", "選挙人名簿: a 境界変更 does not interrupt the period recorded in the "
         "住民基本台帳 (第21条第4項)", boundary_registration, _qualified_across, picked(PART, "被登録資格"),
         (BOUNDARY_CHANGED,), needs_records=True),
)})

senkyo_merger_local_suffrage = check("scenario.senkyo.merger_local_suffrage")(
    _rule_check("senkyo.merger_local_suffrage"))
senkyo_boundary_local_suffrage = check("scenario.senkyo.boundary_local_suffrage")(
    _rule_check("senkyo.boundary_local_suffrage"))
senkyo_merger_qualification = check("scenario.senkyo.merger_qualification")(_rule_check("senkyo.merger_qualification"))
senkyo_boundary_qualification = check("scenario.senkyo.boundary_qualification")(
    _rule_check("senkyo.boundary_qualification"))


# -- 第28条の2第1項・第2項・第9項, 第28条の3第1項・第2項: who may inspect the 抄本 on an 申出 --------------------------

#: The 選挙人名簿 record's items of an 申出 of 閲覧 naming the person asked about as its 閲覧者 (the items stated are
#: sent as 記載 each; 閲覧_承認法人 as 承認 when 第28条の2第8項's 承認 was given).
#: A rule's scenarios: the strategy of generated persons for the town's two other municipality codes.
RuleStrategy = Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]
APPLICATION_ITEMS = {"activity": "閲覧_活動", "applicant": "閲覧_申出者区分", "inspector": "閲覧_閲覧者区分"}
APPROVED_ITEM, STATED = "閲覧_承認法人", "記載"
ALL_STATED = (senkyo.STATES_APPLICANT, senkyo.STATES_PURPOSE, senkyo.STATES_INSPECTOR, senkyo.STATES_MANAGEMENT,
              senkyo.STATES_HANDLERS, senkyo.STATES_RESULTS, *senkyo.CORPORATION_ITEMS)


def application_of(s: Scenario) -> senkyo.Application:
    record = s.record(RECORD)
    return senkyo.Application(record[APPLICATION_ITEMS["activity"]], record[APPLICATION_ITEMS["applicant"]],
                              record[APPLICATION_ITEMS["inspector"]], record.get(APPROVED_ITEM) == "承認",
                              frozenset(item for item in ALL_STATED if record.get(item) == STATED))


def _with_application(s: Scenario, application: senkyo.Application) -> Scenario:
    items = {APPLICATION_ITEMS["activity"]: application.activity, APPLICATION_ITEMS["applicant"]: application.applicant,
             APPLICATION_ITEMS["inspector"]: application.inspector,
             **({APPROVED_ITEM: "承認"} if application.approved else {}),
             **{item: STATED for item in ALL_STATED if item in application.stated}}
    return replace(s, records=tuple((RECORD, item, value) for item, value in items.items()))


#: The (活動, 申出者, 閲覧者) the table of 第28条の2第1項 and 第28条の3第1項各号 name.
POLITICAL_NAMED = ((senkyo.CONFIRMATION, senkyo.ELECTOR, senkyo.APPLICANT_SELF),
                   (senkyo.POLITICAL_ACTIVITY, senkyo.CANDIDATE, senkyo.APPLICANT_SELF),
                   (senkyo.POLITICAL_ACTIVITY, senkyo.CANDIDATE, senkyo.DESIGNEE),
                   (senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.MEMBER_DESIGNATED))
#: (The rules of the items draw the 閲覧者 of 各号 that the rules of 各号 do not turn on: a 法人 applying with
#: another and an 個人's designee are theirs, so that a vendor wrong about one is found by its own rule only.)
RESEARCH_NAMED = ((senkyo.RESEARCH, senkyo.STATE_ORGAN, senkyo.STAFF_DESIGNATED),
                  (senkyo.RESEARCH, senkyo.CORPORATION, senkyo.MEMBER_DESIGNATED),
                  (senkyo.RESEARCH, senkyo.INDIVIDUAL, senkyo.APPLICANT_SELF))


@st.composite
def _applying(draw: st.DrawFn, codes: tuple[str, str], named: tuple[tuple[str, str, str], ...],
              missing: tuple[str, ...] = (), approvals: bool = False, approved: bool = False) -> Scenario:
    """A Japanese adult resident for years named as the 閲覧者 of an 申出 of one of ``named`` (活動, 申出者, 閲覧者),
    stating every item or, now and then, all but one of ``missing``; asked about on a day with no election (outside
    第28条の2第1項's window)."""
    activity, applicant, inspector = draw(st.sampled_from(named))
    stated = set(ALL_STATED)
    if missing:
        dropped = draw(st.one_of(st.none(), st.sampled_from(missing)))
        stated.discard(dropped or "")
    approved = approved or (approvals and draw(st.booleans()))
    s = draw(_adult_resident(codes))
    application = senkyo.Application(activity, applicant, inspector, approved, frozenset(stated))
    return _asked(_with_application(s, application), draw(st.dates(date(2025, 1, 1), date(2025, 12, 31))))


def _table(activities: tuple[tuple[str, str], ...], inspectors: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple((activity, applicant, inspector) for activity, applicant in activities for inspector in inspectors)


def political_inspectors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第28条の2第1項's table: each 活動 and 申出者 (also a 選挙人 for 政治活動, whom it does not name) with a 閲覧者 of
    each relation; every item stated."""
    return _applying(codes, _table(((senkyo.CONFIRMATION, senkyo.ELECTOR),
                                    (senkyo.POLITICAL_ACTIVITY, senkyo.CANDIDATE),
                                    (senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP),
                                    (senkyo.POLITICAL_ACTIVITY, senkyo.ELECTOR)),
                                   (senkyo.APPLICANT_SELF, senkyo.DESIGNEE, senkyo.MEMBER_DESIGNATED,
                                    senkyo.UNDESIGNATED)))


def approved_handlers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第28条の2第9項: a 政治団体's 申出 for 政治活動 naming a 承認法人閲覧事項取扱者 (with or without 第8項's
    承認) or a designated 構成員."""
    return _applying(codes, _table(((senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP),),
                                   (senkyo.APPROVED_HANDLER, senkyo.MEMBER_DESIGNATED)), approvals=True)


def research_inspectors(applicant: str, inspectors: tuple[str, ...]) -> RuleStrategy:
    """第28条の3第1項各号: an 申出 for 調査研究 of ``applicant`` naming a 閲覧者 of each of ``inspectors``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return _applying(codes, _table(((senkyo.RESEARCH, applicant),), inspectors))
    return strategy


def application_lacking(named: tuple[tuple[str, str, str], ...], missing: tuple[str, ...]) -> RuleStrategy:
    """第28条の2第2項, 第28条の3第2項: an 申出 naming its 閲覧者 as the table or 各号 do, stating every item or
    all but one of ``missing``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return _applying(codes, named, missing)
    return strategy


def approved_lacking(item: str) -> RuleStrategy:
    """第28条の2第7項: a 政治団体's 申出 for 政治活動 naming a 承認法人閲覧事項取扱者 with the 承認, its 第7項 申出
    stating every item or all but ``item``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        named = ((senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.APPROVED_HANDLER),)
        return _applying(codes, named, (item,), approved=True)
    return strategy


def _may_inspect(s: Scenario, town: str) -> Projection:
    return {"抄本閲覧_閲覧者可否": senkyo.may_inspect(application_of(s))}


#: 第28条の2第1項's table and 第28条の3第1項各号: a 政治団体's 申出 for 政治活動 does not admit a person it
#: designates who is no 役職員 nor 構成員 (a 公職の候補者等's does); a 国等の機関's for 調査研究 admits only its
#: designated 職員; a 法人's admits the designated 役職員 of a 法人 it applied jointly with; an 個人's, the person
#: the 個人 designates. 第9項: a 承認法人閲覧事項取扱者 is admitted with 第8項's 承認, not without. Every item stated.
_INSPECTOR = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 7, 1))


def _application(activity: str, applicant: str, inspector: str, approved: bool = False,
                 lacking: tuple[str, ...] = ()) -> Scenario:
    stated = frozenset(item for item in ALL_STATED if item not in lacking)
    return _with_application(_INSPECTOR, senkyo.Application(activity, applicant, inspector, approved, stated))


GROUP_DESIGNEE = _application(senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.DESIGNEE)
CANDIDATE_DESIGNEE = _application(senkyo.POLITICAL_ACTIVITY, senkyo.CANDIDATE, senkyo.DESIGNEE)
APPROVED = _application(senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.APPROVED_HANDLER, approved=True)
NOT_APPROVED = _application(senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.APPROVED_HANDLER)
STATE_DESIGNEE = _application(senkyo.RESEARCH, senkyo.STATE_ORGAN, senkyo.DESIGNEE)
STATE_STAFF = _application(senkyo.RESEARCH, senkyo.STATE_ORGAN, senkyo.STAFF_DESIGNATED)
JOINT_MEMBER = _application(senkyo.RESEARCH, senkyo.CORPORATION, senkyo.JOINT_MEMBER_DESIGNATED)
INDIVIDUAL_DESIGNEE = _application(senkyo.RESEARCH, senkyo.INDIVIDUAL, senkyo.DESIGNEE)
#: 第28条の2第2項, 第28条の3第2項: the same 申出 lacking one item is no 申出 to inspect on: a 公職の候補者等's
#: (第1号〜第3号), a 政治団体's without the 範囲 of 第4号ロ; an 個人's for 調査研究 (第1号〜第4号, 第5号ロ's
#: 管理の方法), while the 範囲 of 第5号イ is a 法人's only (an 個人's 申出 without it admits the 個人).
POLITICAL_LACKING = {item: _application(senkyo.POLITICAL_ACTIVITY, senkyo.CANDIDATE, senkyo.APPLICANT_SELF,
                                        lacking=(item,))
                     for item in (senkyo.STATES_APPLICANT, senkyo.STATES_PURPOSE, senkyo.STATES_INSPECTOR)}
GROUP_WITHOUT_HANDLERS = _application(senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.MEMBER_DESIGNATED,
                                      lacking=(senkyo.STATES_HANDLERS,))
RESEARCH_LACKING = {item: _application(senkyo.RESEARCH, senkyo.INDIVIDUAL, senkyo.APPLICANT_SELF, lacking=(item,))
                    for item in (senkyo.STATES_APPLICANT, senkyo.STATES_PURPOSE, senkyo.STATES_INSPECTOR,
                                 senkyo.STATES_RESULTS, senkyo.STATES_MANAGEMENT)}
INDIVIDUAL_WITHOUT_HANDLERS = _application(senkyo.RESEARCH, senkyo.INDIVIDUAL, senkyo.APPLICANT_SELF,
                                           lacking=(senkyo.STATES_HANDLERS,))
CORPORATION_WITHOUT_HANDLERS = _application(senkyo.RESEARCH, senkyo.CORPORATION, senkyo.MEMBER_DESIGNATED,
                                            lacking=(senkyo.STATES_HANDLERS,))

#: 第28条の2第7項第1号〜第4号: the 承認法人閲覧事項取扱者 of a 承認 whose 申出 does not state one of them is refused.
APPROVED_LACKING = {item: _application(senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.APPROVED_HANDLER,
                                       approved=True, lacking=(item,)) for item in senkyo.CORPORATION_ITEMS}

_READ = picked(PART, "抄本閲覧_閲覧者可否")
_GROUP_NAMED = ((senkyo.POLITICAL_ACTIVITY, senkyo.POLITICAL_GROUP, senkyo.MEMBER_DESIGNATED),)
_MANAGED_RESEARCH = tuple(named for named in RESEARCH_NAMED if named[1] != senkyo.STATE_ORGAN)
#: (rule, the 号's item(s), the 申出 named, the worked examples) of 第28条の2第2項 and 第28条の3第2項.
_ITEM_RULES = (
    ("political_application_applicant", "第28条の2第2項第1号", (senkyo.STATES_APPLICANT,), POLITICAL_NAMED,
     (POLITICAL_LACKING[senkyo.STATES_APPLICANT],)),
    ("political_application_purpose", "第28条の2第2項第2号", (senkyo.STATES_PURPOSE,), POLITICAL_NAMED,
     (POLITICAL_LACKING[senkyo.STATES_PURPOSE],)),
    ("political_application_inspector", "第28条の2第2項第3号", (senkyo.STATES_INSPECTOR,), POLITICAL_NAMED,
     (POLITICAL_LACKING[senkyo.STATES_INSPECTOR],)),
    ("political_application_management", "第28条の2第2項第4号", (senkyo.STATES_MANAGEMENT, senkyo.STATES_HANDLERS),
     _GROUP_NAMED, (GROUP_WITHOUT_HANDLERS,)),
    ("research_application_applicant", "第28条の3第2項第1号", (senkyo.STATES_APPLICANT,), RESEARCH_NAMED,
     (RESEARCH_LACKING[senkyo.STATES_APPLICANT],)),
    ("research_application_purpose", "第28条の3第2項第2号", (senkyo.STATES_PURPOSE,), RESEARCH_NAMED,
     (RESEARCH_LACKING[senkyo.STATES_PURPOSE],)),
    ("research_application_inspector", "第28条の3第2項第3号", (senkyo.STATES_INSPECTOR,), RESEARCH_NAMED,
     (RESEARCH_LACKING[senkyo.STATES_INSPECTOR],)),
    ("research_application_results", "第28条の3第2項第4号", (senkyo.STATES_RESULTS,), RESEARCH_NAMED,
     (RESEARCH_LACKING[senkyo.STATES_RESULTS],)),
    ("research_application_management", "第28条の3第2項第5号", (senkyo.STATES_MANAGEMENT, senkyo.STATES_HANDLERS),
     _MANAGED_RESEARCH, (RESEARCH_LACKING[senkyo.STATES_MANAGEMENT], INDIVIDUAL_WITHOUT_HANDLERS,
                         CORPORATION_WITHOUT_HANDLERS)),
)

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.inspector_political", "選挙人名簿: the 閲覧者 of an 申出 for 登録確認 or 政治活動 is the one the "
         "table names for its 申出者 (第28条の2第1項)", political_inspectors, _may_inspect, _READ,
         (GROUP_DESIGNEE, CANDIDATE_DESIGNEE), needs_records=True),
    Rule("senkyo.inspector_approved_corporation", "選挙人名簿: a 政治団体's 構成員 include the "
         "承認法人閲覧事項取扱者 once the 法人 is approved (第28条の2第9項)", approved_handlers, _may_inspect, _READ,
         (APPROVED, NOT_APPROVED), needs_records=True),
    Rule("senkyo.inspector_research_state", "選挙人名簿: a 国等の機関's 申出 for 調査研究 lets its designated 職員 "
         "inspect (第28条の3第1項第1号)", research_inspectors(senkyo.STATE_ORGAN, (
             senkyo.STAFF_DESIGNATED, senkyo.DESIGNEE, senkyo.UNDESIGNATED)), _may_inspect, _READ,
         (STATE_DESIGNEE, STATE_STAFF), needs_records=True),
    Rule("senkyo.inspector_research_corporation", "選挙人名簿: a 法人's 申出 for 調査研究 lets its designated "
         "役職員 or 構成員 inspect, and those of a 法人 it applied with (第28条の3第1項第2号)", research_inspectors(
             senkyo.CORPORATION, (senkyo.MEMBER_DESIGNATED, senkyo.JOINT_MEMBER_DESIGNATED, senkyo.DESIGNEE,
                                  senkyo.UNDESIGNATED)), _may_inspect, _READ, (JOINT_MEMBER,), needs_records=True),
    Rule("senkyo.inspector_research_individual", "選挙人名簿: an 個人's 申出 for 調査研究 lets the 個人 or the person "
         "the 個人 designates inspect (第28条の3第1項第3号)", research_inspectors(senkyo.INDIVIDUAL, (
             senkyo.APPLICANT_SELF, senkyo.DESIGNEE, senkyo.UNDESIGNATED)), _may_inspect, _READ,
         (INDIVIDUAL_DESIGNEE,), needs_records=True),
    *(Rule(f"senkyo.corporation_application_{number}", "選挙人名簿: no 閲覧 by a 承認法人閲覧事項取扱者 when the 申出 "
           f"of 第28条の2第7項 does not state its 第{number}号", approved_lacking(item), _may_inspect, _READ,
           (APPROVED_LACKING[item],), needs_records=True)
      for number, item in enumerate(senkyo.CORPORATION_ITEMS, start=1)),
    *(Rule(f"senkyo.{name}", f"選挙人名簿: no 閲覧 on an 申出 that does not state the item of {provision}",
           application_lacking(named, missing), _may_inspect, _READ, examples, needs_records=True)
      for name, provision, missing, named, examples in _ITEM_RULES),
)})

senkyo_corporation_application_1 = check("scenario.senkyo.corporation_application_1")(
    _rule_check("senkyo.corporation_application_1"))
senkyo_corporation_application_2 = check("scenario.senkyo.corporation_application_2")(
    _rule_check("senkyo.corporation_application_2"))
senkyo_corporation_application_3 = check("scenario.senkyo.corporation_application_3")(
    _rule_check("senkyo.corporation_application_3"))
senkyo_corporation_application_4 = check("scenario.senkyo.corporation_application_4")(
    _rule_check("senkyo.corporation_application_4"))
senkyo_inspector_political = check("scenario.senkyo.inspector_political")(_rule_check("senkyo.inspector_political"))
senkyo_inspector_approved_corporation = check("scenario.senkyo.inspector_approved_corporation")(
    _rule_check("senkyo.inspector_approved_corporation"))
senkyo_inspector_research_state = check("scenario.senkyo.inspector_research_state")(
    _rule_check("senkyo.inspector_research_state"))
senkyo_inspector_research_corporation = check("scenario.senkyo.inspector_research_corporation")(
    _rule_check("senkyo.inspector_research_corporation"))
senkyo_inspector_research_individual = check("scenario.senkyo.inspector_research_individual")(
    _rule_check("senkyo.inspector_research_individual"))
senkyo_political_application_applicant = check("scenario.senkyo.political_application_applicant")(
    _rule_check("senkyo.political_application_applicant"))
senkyo_political_application_purpose = check("scenario.senkyo.political_application_purpose")(
    _rule_check("senkyo.political_application_purpose"))
senkyo_political_application_inspector = check("scenario.senkyo.political_application_inspector")(
    _rule_check("senkyo.political_application_inspector"))
senkyo_political_application_management = check("scenario.senkyo.political_application_management")(
    _rule_check("senkyo.political_application_management"))
senkyo_research_application_applicant = check("scenario.senkyo.research_application_applicant")(
    _rule_check("senkyo.research_application_applicant"))
senkyo_research_application_purpose = check("scenario.senkyo.research_application_purpose")(
    _rule_check("senkyo.research_application_purpose"))
senkyo_research_application_inspector = check("scenario.senkyo.research_application_inspector")(
    _rule_check("senkyo.research_application_inspector"))
senkyo_research_application_results = check("scenario.senkyo.research_application_results")(
    _rule_check("senkyo.research_application_results"))
senkyo_research_application_management = check("scenario.senkyo.research_application_management")(
    _rule_check("senkyo.research_application_management"))


# -- 第24条第2項: the 名簿 after the 委員会's decision of an 異議 ----------------------------------------------------

OBJECTION_DECIDED, OBJECTION_DECISION, OBJECTION_SEEKS = "異議_決定年月日", "異議_決定", "異議_求め"
#: The record's items of a decision of an 異議: its day, 正当 or 正当でない, what it seeks.
DecisionItems = tuple[str, str, str]


def _decision_of(s: Scenario, items: DecisionItems) -> senkyo.ObjectionDecision:
    decided_item, decision_item, seeks_item = items
    record = s.record(RECORD)
    decided = s.record_day(RECORD, decided_item)
    assert decided is not None
    return senkyo.ObjectionDecision(decided, record[decision_item] == senkyo.UPHELD, record[seeks_item])


def _with_decision(s: Scenario, decision: senkyo.ObjectionDecision, items: DecisionItems,
                   kept: tuple[tuple[str, str, str], ...]) -> Scenario:
    """The scenario with the decision as its 選挙人名簿 record's ``items``, after the ``kept`` entries of the record."""
    outcome = senkyo.UPHELD if decision.upheld else senkyo.DISMISSED
    values = (decision.decided.isoformat(), outcome, decision.seeks)
    return replace(s, records=(*kept, *((RECORD, item, value) for item, value in zip(items, values, strict=True))))


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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.objection_upheld", "選挙人名簿: an 異議 decided 正当 registers or removes the person at once "
         "(第24条第2項)", objections_decided, _registered_after_objection, picked(PART, "登録"),
         (OBJECTION_UPHELD, OBJECTION_NOT_YET, OBJECTION_DISMISSED, REMOVAL_UPHELD), needs_records=True),
)})

senkyo_objection_upheld = check("scenario.senkyo.objection_upheld")(_rule_check("senkyo.objection_upheld"))


def objections_dismissed(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第24条第2項 R003: the 異議 of :func:`objections_decided` decided 正当でない, asked about around the decision."""
    return objections_decided(codes).filter(lambda s: not objection_decision_of(s).upheld)


def _dismissal_notified(s: Scenario, town: str) -> Projection:
    return {"異議_通知先": senkyo.objection_notified(objection_decision_of(s), _as_of(s))}


#: 第24条第2項 R003: the 異議 of the late newcomer decided 正当でない on 3月5日: the 異議申出人 notified by 3月6日,
#: nobody on 3月4日.
DISMISSAL_NOTIFIED = replace(OBJECTION_DISMISSED, as_of=date(2025, 3, 6))
DISMISSAL_NOT_YET = replace(OBJECTION_DISMISSED, as_of=date(2025, 3, 4))

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.objection_dismissal_notified", "選挙人名簿: an 異議 decided 正当でない is notified to the 異議申出人 "
         "at once (第24条第2項)", objections_dismissed, _dismissal_notified, picked(PART, "異議_通知先"),
         (DISMISSAL_NOTIFIED, DISMISSAL_NOT_YET), needs_records=True),
)})

senkyo_objection_dismissal_notified = check("scenario.senkyo.objection_dismissal_notified")(
    _rule_check("senkyo.objection_dismissal_notified"))


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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.permanent_list", "選挙人名簿: one 名簿 kept for good through every election: a voter registered "
         "years ago keeps that registration (第19条第1項)", long_registered_in_election, _basis_kept,
         picked(PART, "登録根拠"), (PERMANENT,), needs_records=True),
)})

senkyo_permanent_list = check("scenario.senkyo.permanent_list")(_rule_check("senkyo.permanent_list"))


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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.foreign_minister_asked", "在外選挙人名簿: the 外務大臣's opinion is asked about an applicant for the "
         "移転 not struck off the 名簿 (第30条の5第5項)", consulted_applicants, _minister_asked,
         picked(PART, "在外_外務大臣意見照会"), (NOT_MOVED_ABROAD, STRUCK_OFF_ABROAD, TRANSFERRED), needs_records=True),
)})

senkyo_foreign_minister_asked = check("scenario.senkyo.foreign_minister_asked")(
    _rule_check("senkyo.foreign_minister_asked"))


# -- 第11条第3項: the notice of a 事由 of 第11条第1項 to the municipality of the address -------------------------------

#: The 選挙人名簿 record's item telling whether the person's 本籍 is in the town (当市町村) or not (他市町村).
DOMICILE, DOMICILE_HERE, DOMICILE_ELSEWHERE = "本籍地", "当市町村", "他市町村"


@st.composite
def sentenced_after_moving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第3項: an adult resident for years who moved to another municipality, with the 本籍 in the town (or, now
    and then, elsewhere), and a 拘禁刑 (now and then suspended, or a 罰金) final up to 200 days before or after the
    move and served 30-900 days later; asked about around the day it became final or ended, or later (never on
    those days)."""
    start = draw(_adult_resident(codes))
    out = draw(st.dates(date(2021, 1, 1), date(2024, 6, 30)))
    # Never on the day of the move (whether that day's 事由 is here or there is a reading not judged).
    final = out + timedelta(days=draw(st.integers(-200, 200).filter(lambda days: days != 0)))
    served = final + timedelta(days=draw(st.integers(30, 900)))
    served += _DAY if served == out else timedelta()
    kind = draw(st.sampled_from(("served", "served", "suspended", "fine")))
    if kind == "suspended":
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                   suspended_until=months_later(final, 36) - _DAY)
    else:
        sentence = senkyo.Sentence(final, senkyo.FINE if kind == "fine" else senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                   served=served)
    domicile = DOMICILE_HERE if draw(st.integers(0, 4)) else DOMICILE_ELSEWHERE
    gone = _gone(replace(start, fiscal_year=out.year), out, False, codes)
    s = _sentenced(gone, sentence)
    s = replace(s, records=(*s.records, (RECORD, DOMICILE, domicile)))
    anchors = (final, served, served + timedelta(days=100), out)
    as_of = draw(st.sampled_from(anchors).flatmap(lambda anchor: _near(anchor, 4))
                 .filter(lambda asked: asked not in (final, served, out)))
    return _asked(s, max(as_of, out + _DAY))


def _notices(s: Scenario, town: str) -> Projection:
    notices = senkyo.disqualification_notices(sentence_of(s), s.record(RECORD).get(DOMICILE) == DOMICILE_HERE,
                                              s.moved_out, _as_of(s), s.next)
    owed = [{"通知先": to, "事由": change, "年月日": day.isoformat()} for to, change, day in notices]
    return {"選挙権喪失通知": owed}


#: 第11条第3項: 本籍 in the town, moved to 千代田区 on 2024-03-10; a 拘禁刑 final on 2024-05-10 and served until
#: 2025-02-10: on 2025-03-01 two notices are owed to 千代田区 (生じた 5月10日, なくなつた 2月10日); with the 本籍
#: elsewhere, none. Final on 2024-02-10 (before the move): only its ceasing.
_MOVED_AWAY = Scenario(2024, date(1970, 5, 5), date(1995, 4, 1), planned_out=date(2024, 3, 10),
                       elsewhere=date(2024, 3, 10), next="131016", as_of=date(2025, 3, 1))
_AFTER_MOVE = _sentenced(_MOVED_AWAY, senkyo.Sentence(date(2024, 5, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                                      served=date(2025, 2, 10)))
NOTIFIED_BOTH = replace(_AFTER_MOVE, records=(*_AFTER_MOVE.records, (RECORD, DOMICILE, DOMICILE_HERE)))
DOMICILE_AWAY = replace(NOTIFIED_BOTH, records=(*NOTIFIED_BOTH.records[:-1], (RECORD, DOMICILE, DOMICILE_ELSEWHERE)))
_BEFORE_MOVE = _sentenced(_MOVED_AWAY, senkyo.Sentence(date(2024, 2, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                                       served=date(2025, 2, 10)))
NOTIFIED_CEASING = replace(_BEFORE_MOVE, records=(*_BEFORE_MOVE.records, (RECORD, DOMICILE, DOMICILE_HERE)))

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.disqualification_notice", "選挙人名簿: the 市町村長 of the 本籍 notifies the municipality of the "
         "address when a 事由 of 第11条第1項 arises or ceases (第11条第3項)", sentenced_after_moving, _notices,
         picked(PART, "選挙権喪失通知"), (NOTIFIED_BOTH, DOMICILE_AWAY, NOTIFIED_CEASING), needs_records=True),
)})

senkyo_disqualification_notice = check("scenario.senkyo.disqualification_notice")(
    _rule_check("senkyo.disqualification_notice"))


# -- 第28条第1項第4号, 第30条の11第1項第3号: struck off when the registration should not have been made ---------------

WRONG_KNOWN, OVERSEAS_WRONG_KNOWN = "誤登録_判明年月日", "在外_誤登録_判明年月日"


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


@st.composite
def overseas_wrongly_registered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第30条の11第1項第3号: a person on the 在外選挙人名簿 of whom it is learnt that the registration should not have
    been made; asked about around that day (never on it)."""
    s = draw(_listed_abroad(codes))
    known = draw(st.dates(date(2021, 1, 1), date(2025, 12, 31)))
    s = replace(s, records=(*s.records, (RECORD, OVERSEAS_WRONG_KNOWN, known.isoformat())))
    return _asked(s, draw(_near(known, 3).filter(lambda day: day != known)))


def _wrongly_registered(s: Scenario, town: str) -> Projection:
    person, as_of = person_of(s), _as_of(s)
    known = s.record_day(RECORD, WRONG_KNOWN)
    assert known is not None
    if senkyo.wrongly_registered_struck_off(senkyo.registration_day(person, known), known, as_of):
        return {"登録": False, "抹消事由": senkyo.STRUCK_OFF_WRONGLY_REGISTERED}
    return {"登録": senkyo.is_registered(person, as_of), "抹消事由": senkyo.struck_off(person, as_of)}


def _overseas_wrongly_registered(s: Scenario, town: str) -> Projection:
    overseas, as_of = overseas_of(s), _as_of(s)
    known = s.record_day(RECORD, OVERSEAS_WRONG_KNOWN)
    assert known is not None
    if senkyo.wrongly_registered_struck_off(overseas.registered, known, as_of):
        return {"在外_抹消事由": senkyo.STRUCK_OFF_WRONGLY_REGISTERED}
    return {"在外_抹消事由": senkyo.overseas_struck_off(as_of, overseas)}


#: 第28条第1項第4号: a voter on the 名簿 for years, the registration learnt on Wednesday 2025-03-05 to have been one
#: not to make: struck off from then (asked on 3月6日), still so after the 定時登録 of 6月1日; on the 名簿 on 3月4日.
#: 第30条の11第1項第3号: the same of the 在外選挙人名簿 (registered 2023-01-20, learnt on 2025-03-05).
WRONGLY_REGISTERED = replace(_LONG, as_of=date(2025, 3, 6), records=((RECORD, WRONG_KNOWN, "2025-03-05"),))
WRONGLY_REGISTERED_LATER = replace(WRONGLY_REGISTERED, as_of=date(2025, 6, 4))
NOT_YET_KNOWN = replace(WRONGLY_REGISTERED, as_of=date(2025, 3, 4))
OVERSEAS_WRONGLY_REGISTERED = replace(_LISTED, as_of=date(2025, 3, 6),
                                      records=(*_LISTED.records, (RECORD, OVERSEAS_WRONG_KNOWN, "2025-03-05")))

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.struck_off_wrongly_registered", "選挙人名簿: 抹消 at once when the registration should not have been "
         "made, not registered again (第28条第1項第4号)", wrongly_registered, _wrongly_registered,
         picked(PART, "登録", "抹消事由"), (WRONGLY_REGISTERED, WRONGLY_REGISTERED_LATER, NOT_YET_KNOWN),
         needs_records=True),
    Rule("senkyo.overseas_struck_off_wrongly_registered", "在外選挙人名簿: 抹消 at once when the registration should "
         "not have been made (第30条の11第1項第3号)", overseas_wrongly_registered, _overseas_wrongly_registered,
         picked(PART, "在外_抹消事由"), (OVERSEAS_WRONGLY_REGISTERED,), needs_records=True),
)})

senkyo_struck_off_wrongly_registered = check("scenario.senkyo.struck_off_wrongly_registered")(
    _rule_check("senkyo.struck_off_wrongly_registered"))
senkyo_overseas_struck_off_wrongly_registered = check("scenario.senkyo.overseas_struck_off_wrongly_registered")(
    _rule_check("senkyo.overseas_struck_off_wrongly_registered"))


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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.supplementary_registration", "選挙人名簿: a person left off a registration, qualified then and since, "
         "is registered at once when it is learnt (第26条)", omitted_persons, _supplementary,
         picked(PART, "登録", "登録根拠"), (SUPPLEMENTED, NOT_YET_SUPPLEMENTED, LAPSED), needs_records=True),
)})

senkyo_supplementary_registration = check("scenario.senkyo.supplementary_registration")(
    _rule_check("senkyo.supplementary_registration"))


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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.overseas_objection_upheld", "在外選挙人名簿: an 異議 decided 正当 registers, strikes off, moves, or "
         "strikes off and registers in the 選挙人名簿 only a person qualified for it, at once (第30条の8第2項)",
         overseas_objections_decided, _lists_after_overseas_objection, picked(PART, "在外_登録", "登録"),
         (RETURN_UNQUALIFIED, RETURN_QUALIFIED, OVERSEAS_OBJECTION_TRANSFER), needs_records=True),
)})

senkyo_overseas_objection_upheld = check("scenario.senkyo.overseas_objection_upheld")(
    _rule_check("senkyo.overseas_objection_upheld"))


def overseas_objections_dismissed(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第30条の8第2項 R003: the 異議 of :func:`overseas_objections_decided` decided 正当でない."""
    return overseas_objections_decided(codes).filter(lambda s: not overseas_decision_of(s).upheld)


def _overseas_dismissal_notified(s: Scenario, town: str) -> Projection:
    return {"在外異議_通知先": senkyo.objection_notified(overseas_decision_of(s), _as_of(s))}


#: 第30条の8第2項 R003: the 在外抹消 and registration of the newcomer decided 正当でない on 2025-03-20: the 異議申出人
#: notified by 3月21日, nobody on 3月19日.
_RETURN_DISMISSED = senkyo.ObjectionDecision(date(2025, 3, 20), False, senkyo.SEEKS_RETURN)
OVERSEAS_DISMISSAL_NOTIFIED = _with_overseas_objection(
    _with_overseas(_ON_BOTH, senkyo.Overseas(registered=date(2025, 1, 15))), _RETURN_DISMISSED)
OVERSEAS_DISMISSAL_NOT_YET = replace(OVERSEAS_DISMISSAL_NOTIFIED, as_of=date(2025, 3, 19))

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.overseas_objection_dismissal_notified", "在外選挙人名簿: an 異議 decided 正当でない is notified to "
         "the 異議申出人 at once (第30条の8第2項)", overseas_objections_dismissed, _overseas_dismissal_notified,
         picked(PART, "在外異議_通知先"), (OVERSEAS_DISMISSAL_NOTIFIED, OVERSEAS_DISMISSAL_NOT_YET),
         needs_records=True),
)})

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

SENKYO_RULES.update({rule.name: rule for rule in (
    Rule("senkyo.overseas_permanent_list", "在外選挙人名簿: one 名簿 kept for good through the 衆議院 and 参議院 "
         "elections: a person registered years ago stays on it (第30条の2第2項)", overseas_long_listed_in_election,
         _overseas_kept, picked(PART, "在外_登録"), (OVERSEAS_PERMANENT,), needs_records=True),
)})

senkyo_overseas_permanent_list = check("scenario.senkyo.overseas_permanent_list")(
    _rule_check("senkyo.overseas_permanent_list"))

senkyo_overseas_objection_dismissal_notified = check("scenario.senkyo.overseas_objection_dismissal_notified")(
    _rule_check("senkyo.overseas_objection_dismissal_notified"))
