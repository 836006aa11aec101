"""Scenario checks of 選挙人名簿管理: the persons and records every rule family draws on (the 選挙人名簿 record's
items, the person of a scenario, the days asked about)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, _birth
from conformance.checks.statute_rules import Actual, Drawn, Oracle, Statute
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.oracle import Person
from conformance.oracles.readings import either

PART = "選挙人名簿"


def both_counts(oracle: Oracle) -> Oracle:
    """``oracle`` under both readings of 「引き続き三箇月以上」 (:func:`conformance.domains.senkyo.oracle.
    three_months_from`): each field of its answer the one value where they agree, else :class:`~conformance.oracles.
    readings.Either` of the two (issue 65: every allowed reading passes). They differ only when the day asked about,
    or the day of a registration, is the corresponding day three months on."""

    def expected(s: Scenario, town: str) -> Projection:
        counted = oracle(s, town)
        with senkyo.first_day_not_counted():
            not_counted = oracle(s, town)
        return {name: either(value, not_counted.get(name)) for name, value in counted.items()}

    return expected


def _in_its_year(s: Scenario) -> Scenario:
    """``s`` asked in the 年度 of its ``as_of``: the register's answer is about the day alone (the published
    query: "The person in the 選挙人名簿 ... on as_of"), and the query's fiscal_year is the 年度 the answer is about,
    so a person asked on 2025-03-01 is asked about 年度 2024 (issue 66: another 年度 with that day is a request the
    contract does not define)."""
    return s if s.as_of is None else s.asked_on(s.as_of)


@dataclass(frozen=True)
class Register(Statute):
    """What every rule of 選挙人名簿管理 shares (conformance.checks.statute_rules), each rule's oracle asked under
    both readings of 「引き続き三箇月以上」 (:func:`both_counts`), each person, drawn or worked example, asked in the
    年度 of the day asked about (:func:`_in_its_year`: the persons are written around their days, whatever year)."""

    def rule(self, name: str, drawn: Drawn, oracle: Oracle, compared: str | tuple[str, ...] | Actual,
             examples: tuple[Scenario, ...], title: str | None = None, **options: Any) -> Rule:

        def asked(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
            return drawn(codes).map(_in_its_year)

        return super().rule(name, asked, both_counts(oracle), compared, tuple(map(_in_its_year, examples)), title,
                            **options)


#: What every rule of the domain shares.
STATUTE = Register("senkyo", PART, needs_records=True)
_DAY = timedelta(days=1)


def person_of(s: Scenario) -> Person:
    """The scenario as the oracle's :class:`Person` (the 届出 on the move-in day unless ``notified``)."""
    return Person(s.birth, not s.foreign, s.moved_in, s.notified or s.moved_in, s.moved_out, s.died is not None)


def _asked(s: Scenario, as_of: date) -> Scenario:
    return s.asked_on(as_of)


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


def single_reading(firsts: Iterable[date], election: senkyo.Election | None) -> bool:
    """Whether 第22条第1項 leaves the 委員会 one day only for the 定時登録 of each of these 登録月の一日 (a 一日
    that is a 地方公共団体の休日 outside the election's 公示〜期日の前日 leaves two: the 一日 or the next working
    day). A rule whose answer is a yes or no on a day that turns on the day chosen draws only such 一日s, so that
    either choice passes."""
    return all(len(senkyo.allowed_registration_days(first, election)) == 1 for first in firsts)


def firsts_between(start: date, end: date) -> list[date]:
    """The 登録月の一日 from ``start`` to ``end`` (both included)."""
    return list(senkyo.registration_days(start, end))


Period = Mapping[str, Any]


def as_later_reading(period: Period | None) -> Period | None:
    """A period of five days from the day after a 定時登録 (第24条第1項第1号, 第30条の8第1項第1号) as made on the later
    of the two days 第22条第1項 allows when the 登録月の一日 is a 地方公共団体の休日: a period that starts the day after
    such a 一日 is moved to start the day after the next working day. Both the oracle's answer and the vendor's
    are read through it, so a 委員会 registering on the 一日 itself and one registering on the next working day
    both pass, and one registering on any other day does not. (It reads the vendor's answer alone, so a 一日 that
    is the 期日の前日 of an election, where the 一日 itself is due, reads the same either way: that case is not told
    apart.)"""
    if not isinstance(period, Mapping) or not {"開始", "終了"} <= period.keys():
        return period
    try:
        start, end = date.fromisoformat(str(period["開始"])), date.fromisoformat(str(period["終了"]))
        registered = start - _DAY
        is_first = registered.day == 1 and registered.month in senkyo.REGISTRATION_MONTHS
        if not is_first or end != start + timedelta(days=4):
            return period
        allowed = senkyo.allowed_registration_days(registered, None)
    except (ValueError, OverflowError):  # the vendor's text: no date, or a day no calendar covers
        return period
    if len(allowed) == 1:
        return period
    return {"開始": (allowed[-1] + _DAY).isoformat(), "終了": (allowed[-1] + timedelta(days=5)).isoformat()}


# -- 第30条の6第3項, 第30条の8第1項: the 在外選挙人名簿 around an election ----------------------------------------

_KINDS = ("衆議院", "参議院", "地方")


def _as_of(s: Scenario) -> date:
    assert s.as_of is not None
    return s.as_of


def person_on_as_of(field: str, decide: Callable[[Person, date], Any]) -> Oracle:
    """The oracle of a rule whose ``field`` is what ``decide`` (a function of :mod:`oracle`) says of the person on
    the day asked (被登録資格, 登録, 表示, 抹消事由, ...: the 名簿's state of one person on one day)."""

    def answer(s: Scenario, town: str) -> Projection:
        return {field: decide(person_of(s), _as_of(s))}

    return answer


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
