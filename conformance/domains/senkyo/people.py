"""Scenario checks of 選挙人名簿管理: the persons and records every rule family draws on (the 選挙人名簿 record's
items, the person of a scenario, the days asked about)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Scenario, _birth
from conformance.checks.statute_rules import Statute
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.oracle import Person
from conformance.oracles.dates import fiscal_year_of

PART = "選挙人名簿"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("senkyo", PART, needs_records=True)
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
def _long_resident(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    birth = draw(_birth(1945, 2000))
    settled = birth + timedelta(days=draw(st.integers(0, 7000)))
    return Scenario(2025, birth, settled, previous=draw(st.sampled_from((None, *codes))))


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


def election_question(field: str,
                      answer: Callable[[date, senkyo.Election], bool]) -> Callable[[Scenario, str], Projection]:
    """The oracle's answer to a question about the day asked and the election the 選挙人名簿 record tells (the
    scenarios of such a rule always carry one), as the rule's ``field``."""

    def expected(s: Scenario, town: str) -> Projection:
        election = election_of(s)
        assert election is not None
        return {field: answer(_as_of(s), election)}

    return expected


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


# -- 第30条の6第3項, 第30条の8第1項: the 在外選挙人名簿 around an election ----------------------------------------

_KINDS = ("衆議院", "参議院", "地方")


def _as_of(s: Scenario) -> date:
    assert s.as_of is not None
    return s.as_of


#: A voter registered for years, the base of several families' worked examples.
_LONG = Scenario(2025, date(1970, 5, 5), date(1995, 4, 1))
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


# -- 第28条第1項第4号, 第30条の11第1項第3号: struck off when the registration should not have been made ---------------

WRONG_KNOWN, OVERSEAS_WRONG_KNOWN = "誤登録_判明年月日", "在外_誤登録_判明年月日"
