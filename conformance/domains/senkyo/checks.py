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
- ``抹消事由`` (第28条第1号, 第2号): death, and four months after the move-out.
"""

from __future__ import annotations

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
