"""A Hypothesis state machine that drives random sequences of 異動 through the driver protocol and, after
every step, compares the vendor with the model of 住民記録 (:mod:`conformance.oracles.jumin_model`).

Each example starts from 世帯 of its own (``fixtures.persons``): Japanese and foreign residents, 不詳 and
non-calendar birth dates, era-boundary days. The 処理日 moves forward step by step across 1月1日 and
4月1日. After a step the model's :class:`~conformance.oracles.jumin_model.Commit` or ``Refusal`` is judged
on the answer and the history of every person it names; then every read path of those persons and of
their 世帯 is compared with the model (the driver's person, history and 世帯, the linkage API's resident,
history, 世帯 and 異動差分). At the end of an example every person and 世帯 of it is compared again.

A breach stops the example; Hypothesis shrinks it against the live vendor, and the shortest sequence is
reported with the seed that replays it (``conformance run --seed N``). Persons are labelled ``p1, p2 ...``
in the evidence: no name or number of the vendor's records is written there.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from conformance.oracles.identifiers import my_number_check_digit
from conformance.oracles.jumin_model import (
    Breach,
    Commit,
    Outcome,
    Refusal,
    World,
    judge_committed,
    judge_history,
    judge_refusal,
    transition,
)
from conformance.oracles.jumin_model import rules as r
from conformance.scenarios.model.paths import Paths, as_row

#: Items of a current Japanese resident of the test town (静岡県見本町, 229997) a 世帯 starts with.
TOWN = {"住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町一丁目", "住所_番地号表記": "1番1号",
        "住所_郵便番号": "4190103", "住所_市区町村コード": "229997"}
_SURNAMES = (("模型", "モケイ"), ("試験", "シケン"), ("検証", "ケンショウ"))
_GIVEN = (("一郎", "イチロウ", "1"), ("花子", "ハナコ", "2"), ("次郎", "ジロウ", "1"), ("桜", "サクラ", "2"))
_DIGITS = "〇一二三四五六七八九"
#: Birth dates the machine draws from: era boundaries (1.1.9), 4月1日, 2月29日 and a non-calendar one
#: (1.1.8 R001 ただし: 生年月日 may be one).
_BIRTHS = ("1989-01-07", "1989-01-08", "2019-04-30", "2019-05-01", "1926-12-25", "1980-04-01", "2000-02-29",
           "1975-02-29", "1990-12-31", "2010-01-01")
#: Steps a 処理日 moves by: across month ends, 1月1日 and 4月1日 over a few steps.
_DAYS = st.sampled_from((0, 1, 3, 14, 31, 45, 92))


class ModelBreach(Exception):
    """The vendor broke a rule of the model at a step (Hypothesis shrinks the example)."""

    def __init__(self, breaches: Sequence[Breach], step: int) -> None:
        super().__init__(f"{len(breaches)} breach(es) at step {step}")
        self.breaches, self.step = tuple(breaches), step


@dataclass
class Session:
    """What the machine needs of the run: the read paths and a place for what it found."""

    paths: Paths
    start: date = date(2024, 3, 20)
    #: Every requirement whose rule was judged at least once (the others are not automated this run).
    exercised: set[str] = field(default_factory=set)
    #: The last failing example: its steps and breaches (the shrunk one, once Hypothesis is done).
    failures: list[tuple[tuple[str, ...], ModelBreach]] = field(default_factory=list)
    serials: Iterator[int] = field(default_factory=lambda: itertools.count(1))


def machine_for(session: Session) -> type[RuleBasedStateMachine]:
    """The state machine class bound to one run's session."""
    return type("JuminModelMachine", (JuminModelMachine,), {"session": session})


class JuminModelMachine(RuleBasedStateMachine):
    """Random 異動 through the driver protocol, judged by the model after every step."""

    session: Session

    def __init__(self) -> None:
        super().__init__()
        self.world = World()
        self.labels: dict[str, str] = {}
        self.steps: list[str] = []
        self.today = self.session.start

    # -- setup --------------------------------------------------------------------------------------

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(size=st.integers(1, 3), foreign=st.booleans(), births=st.lists(st.sampled_from(_BIRTHS), min_size=3,
                                                                           max_size=3), unknown=st.booleans())
    def new_household(self, size: int, foreign: bool, births: list[str], unknown: bool) -> None:
        """A 世帯 of test data (``fixtures.persons``): a 世帯主, a spouse, a child."""
        people = [self._person(index, foreign and index == 1, births[index]) for index in range(size)]
        if unknown:
            people[-1].update({"生年月日": "", "生年月日_不詳フラグ": "1", "生年月日_不詳表記": "昭和30年頃"})
        for person in people:
            person["世帯主氏名"] = people[0]["氏名"]
        status, document = self._call("fixtures.persons", {"persons": people}, f"fixtures.persons(size={size})")
        self._check(judge_committed(status, document, r.DESTINATION))
        for listed in _listed(document):
            self._adopt_new(listed)

    # -- 異動 -----------------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.world.households()))
    @rule(data=st.data(), days=_DAYS, kind=st.sampled_from(("国内転入", "国外転入等")), join=st.booleans())
    def move_in(self, data: st.DataObject, days: int, kind: str, join: bool) -> None:
        """転入: a new 世帯 of one, or one person joining a 世帯 as 同居人."""
        self._advance(days)
        person = self._person(0, data.draw(st.booleans(), label="foreign"), data.draw(st.sampled_from(_BIRTHS)))
        request: dict[str, Any] = {"区分": kind, "persons": [person], **self._dates(data)}
        if join:
            setai = data.draw(st.sampled_from(self.world.households()), label="世帯")
            head = self.world.head(setai)
            person.update({"続柄": "同居人", "世帯主氏名": self.world.latest(head)["氏名"] if head else ""})
            person.update({k: self.world.latest(self.world.members(setai)[0]).get(k, "") for k in r.ADDRESS})
            request["世帯番号"] = setai
        self._step("moves.in", request, f"moves.in({kind}, into={'h:' + self._h(request.get('世帯番号'))})")

    @precondition(lambda self: bool(self.world.households()))
    @rule(data=st.data(), days=_DAYS)
    def move_within(self, data: st.DataObject, days: int) -> None:
        """転居 of a whole 世帯."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self.world.households()), label="世帯")
        address = {"住所_町字": data.draw(st.sampled_from(("栄町", "本町二丁目", "見本"))),
                   "住所_番地号表記": f"{data.draw(st.integers(1, 99))}番地", "住所_方書": ""}
        request = {"宛名番号": self.world.members(setai), "住所": address, **self._dates(data)}
        self._step("moves.within", request, f"moves.within(h:{self._h(setai)})")

    @precondition(lambda self: bool(self.world.households()))
    @rule(data=st.data(), days=_DAYS, abroad=st.booleans(), ahead=st.integers(0, 20))
    def move_out(self, data: st.DataObject, days: int, abroad: bool, ahead: int) -> None:
        """転出 of a whole 世帯 or of one member (the 世帯主 leaving two others: the アラート A002)."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self.world.households()), label="世帯")
        members = self.world.members(setai)
        movers = members if data.draw(st.booleans(), label="whole") else [data.draw(st.sampled_from(members))]
        notified = self.today - timedelta(days=data.draw(st.integers(0, 5)))
        request = {"宛名番号": movers, "区分": "国外転出" if abroad else "国内転出",
                   "転出予定年月日": (notified + timedelta(days=ahead)).isoformat(), "届出年月日": notified.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("moves.out", request, f"moves.out({request['区分']}, {self._ps(movers)}, +{ahead}d)")

    @precondition(lambda self: bool(self._pending()))
    @rule(data=st.data(), days=_DAYS, offset=st.integers(-10, 10))
    def confirm_out(self, data: st.DataObject, days: int, offset: int) -> None:
        """転入通知の受理: the 転入日 before or after the 転出予定年月日."""
        self._advance(days)
        atena = data.draw(st.sampled_from(self._pending()), label="転出者")
        planned = date.fromisoformat(self.world.latest(atena)["転出予定年月日"])
        arrived = min(planned + timedelta(days=offset), self.today)
        request = {"宛名番号": atena, "転入年月日": arrived.isoformat(), "通知年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("moves.out_confirm", request, f"moves.out_confirm({self._p(atena)}, 転入日{offset:+d}d)")

    @precondition(lambda self: bool(self.world.households()))
    @rule(data=st.data(), days=_DAYS)
    def birth(self, data: st.DataObject, days: int) -> None:
        """出生 into a 世帯."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self.world.households()), label="世帯")
        born = self.today - timedelta(days=data.draw(st.integers(0, 14)))
        head = self.world.head(setai)
        person = {**self._person(2, False, born.isoformat()), "続柄": "子",
                  "世帯主氏名": self.world.latest(head)["氏名"] if head else ""}
        person.update({k: self.world.latest(self.world.members(setai)[0]).get(k, "") for k in r.ADDRESS})
        for item in ("住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日"):
            person.pop(item, None)
        request = {"世帯番号": setai, "person": person, "届出年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("births", request, f"births(h:{self._h(setai)})")

    @precondition(lambda self: bool(list(self.world.current())))
    @rule(data=st.data(), days=_DAYS)
    def death(self, data: st.DataObject, days: int) -> None:
        """死亡 (before the 生年月日: the エラー E003; the 世帯主 leaving two others: the アラート A002)."""
        self._advance(days)
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="死亡者")
        died = self.today - timedelta(days=data.draw(st.sampled_from((0, 3, 20000))))
        request = {"宛名番号": atena, "異動日": died.isoformat(), "通知年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("deaths", request, f"deaths({self._p(atena)}, {died.isoformat()})")

    @precondition(lambda self: bool(self._with_members(2)))
    @rule(data=st.data(), days=_DAYS)
    def split(self, data: st.DataObject, days: int) -> None:
        """世帯分離 of one or more members who are not the 世帯主."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self._with_members(2)), label="世帯")
        others = [m for m in self.world.members(setai) if m != self.world.head(setai)]
        movers = data.draw(st.lists(st.sampled_from(others), min_size=1, unique=True), label="分離者")
        request = {"宛名番号": movers, "続柄": ["世帯主"] + ["同居人"] * (len(movers) - 1), **self._dates(data)}
        self._step("households.split", request, f"households.split(h:{self._h(setai)}, {self._ps(movers)})")

    @precondition(lambda self: len(self.world.households()) >= 2)
    @rule(data=st.data(), days=_DAYS, whole=st.booleans())
    def merge(self, data: st.DataObject, days: int, whole: bool) -> None:
        """世帯合併: a whole 世帯, or its members who are not the 世帯主, join another."""
        self._advance(days)
        source, into = data.draw(st.permutations(self.world.households()), label="世帯")[:2]
        members = self.world.members(source)
        movers = members if whole else [m for m in members if m != self.world.head(source)] or members
        request = {"宛名番号": movers, "世帯番号": into, "続柄": ["同居人"] * len(movers), **self._dates(data)}
        self._step("households.merge", request,
                   f"households.merge(h:{self._h(source)} -> h:{self._h(into)}, {self._ps(movers)})")

    @precondition(lambda self: bool(self._with_members(2)))
    @rule(data=st.data(), days=_DAYS)
    def head_change(self, data: st.DataObject, days: int) -> None:
        """世帯主変更 with a new 続柄 for the former 世帯主."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self._with_members(2)), label="世帯")
        old = self.world.head(setai)
        new = data.draw(st.sampled_from([m for m in self.world.members(setai) if m != old]), label="世帯主")
        request: dict[str, Any] = {"世帯番号": setai, "宛名番号": new, **self._dates(data)}
        if old is not None:
            request.update({"世帯員": [old], "続柄": ["同居人"]})
        self._step("households.head", request, f"households.head(h:{self._h(setai)}, new={self._p(new)})")

    @precondition(lambda self: bool(list(self.world.current())))
    @rule(data=st.data(), days=_DAYS, kind=st.sampled_from(("職権修正", "軽微な修正", "誤記修正")))
    def correct(self, data: st.DataObject, days: int, kind: str) -> None:
        """職権修正 of the フリガナ or the 方書 of one person."""
        self._advance(days)
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="対象者")
        item = data.draw(st.sampled_from(("氏名_フリガナ", "住所_方書")))
        value = "ミホン　シュウセイ" if item == "氏名_フリガナ" else data.draw(st.sampled_from(("見本荘１号", "")))
        request = {"宛名番号": atena, "区分": kind, "items": {item: value}, "異動日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("ex_officio.correct", request, f"ex_officio.correct({kind}, {self._p(atena)}, {item})")

    @precondition(lambda self: bool(self._cancellable()))
    @rule(data=st.data(), days=_DAYS)
    def cancel(self, data: st.DataObject, days: int) -> None:
        """異動の取消し of a person's latest 異動."""
        self._advance(days)
        atena = data.draw(st.sampled_from(self._cancellable()), label="対象者")
        request = {"宛名番号": atena, "処理日": self.today.isoformat()}
        self._step("cancellations", request, f"cancellations({self._p(atena)})")

    @precondition(lambda self: bool(list(self.world.current())))
    @rule(data=st.data(), ahead=st.integers(1, 400))
    def future_move(self, data: st.DataObject, ahead: int) -> None:
        """A 転居 whose 異動日 is after the 処理日: the エラー E001 (4.0.3 R003)."""
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="対象者")
        moved = (self.today + timedelta(days=ahead)).isoformat()
        request = {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": moved,
                   "届出年月日": self.today.isoformat(), "処理日": self.today.isoformat()}
        self._step("moves.within", request, f"moves.within({self._p(atena)}, 異動日 +{ahead}d)")

    @precondition(lambda self: bool(list(self.world.removed())))
    @rule(data=st.data())
    def act_on_removed(self, data: st.DataObject) -> None:
        """A 転居 of a 除票: the エラー E006 (4.0.1 R001); a 転入 with its 個人番号: E004 (4.1.1.2 R001)."""
        row = data.draw(st.sampled_from(sorted(self.world.removed(), key=lambda row: row["宛名番号"])))
        if data.draw(st.booleans(), label="再転入"):
            person = {**self._person(0, False, "1980-04-01"), "個人番号": row.get("個人番号", "")}
            request: dict[str, Any] = {"区分": "国内転入", "persons": [person], **self._dates(data)}
            self._step("moves.in", request, f"moves.in(個人番号 of {self._p(row['宛名番号'])})")
            return
        request = {"宛名番号": [row["宛名番号"]], "住所": {"住所_町字": "栄町"}, **self._dates(data)}
        self._step("moves.within", request, f"moves.within({self._p(row['宛名番号'])}, a 除票)")

    def teardown(self) -> None:
        """Every person and 世帯 of the example, on every path, once more."""
        if not self.world.persons or self._failed:
            return
        breaches = [b for atena in self.world.persons for b in self.session.paths.compare_person(self.world, atena)]
        breaches += [b for setai in self.world.households() for b in self.session.paths.compare_household(
            self.world, setai)]
        self.session.exercised |= {r.LATEST_ROW, r.PROVIDED, r.DESTINATION}
        if breaches:
            self._fail(breaches)

    # -- one step -------------------------------------------------------------------------------------

    _failed = False

    def _step(self, operation: str, request: dict[str, Any], shown: str) -> None:
        """Call the operation, judge it against the model's transition, adopt what the vendor wrote."""
        outcome = transition(self.world, operation, request)
        named = self._named(outcome)
        before = {atena: list(self.world.history(atena)) for atena in named}
        lengths = {atena: len(rows) for atena, rows in self.world.persons.items()}
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        status, document = self._call(operation, request, shown)
        if isinstance(outcome, Refusal):
            self.session.exercised.add(outcome.requirement)
            self._check(judge_refusal(outcome, status, document))
            self._check([b for atena in named for b in self._unchanged(atena, before[atena])])
            return
        self._check(judge_committed(status, document, _first_requirement(outcome)))
        self._commit(outcome, before, document)
        changed = [atena for atena, rows in self.world.persons.items() if len(rows) > lengths.get(atena, 0)]
        self._check(list(self.session.paths.changed_since(stamp, changed)))
        self.session.exercised.add(r.DIFFERENCES)
        self._compare(changed)

    def _commit(self, outcome: Commit, before: Mapping[str, list[dict[str, str]]], document: Any) -> None:
        judged = self.session.paths.judged
        breaches: list[Breach] = []
        for atena, rules in outcome.rows.items():
            after = self.session.paths.history(atena)
            breaches += judge_history(rules, before[atena], after, judged, self.world)
            self._exercise(rules)
        for atena, rule_ in outcome.optional.items():
            after = self.session.paths.history(atena)
            rules = (rule_,) if len(after) > len(before[atena]) else ()
            breaches += judge_history(rules, before[atena], after, judged, self.world)
        listed = _listed(document)
        new = [item for item in listed if item not in outcome.rows][-len(outcome.new):] if outcome.new else []
        if len(new) != len(outcome.new):
            breaches.append(Breach(r.DESTINATION, "model.new_persons", "the answer should list the new persons",
                                   "/persons", str(len(outcome.new)), str(len(new))))
        for atena, rule_ in zip(new, outcome.new, strict=False):
            breaches += judge_history((rule_,), [], self.session.paths.history(atena), judged, self.world)
            self._exercise((rule_,))
        breaches += self._split_number(outcome)
        self._check(breaches)
        for atena in [*outcome.rows, *outcome.optional]:
            self.world.adopt(atena, self.session.paths.history(atena)[len(before[atena]):])
        for atena in new:
            self._adopt_new(atena)

    def _split_number(self, outcome: Commit) -> list[Breach]:
        """A 世帯分離's persons share the one new 世帯番号 (4.1.4.1 R001)."""
        split = [atena for atena, rules in outcome.rows.items() if any("世帯番号" in x.numbers for x in rules)]
        numbers = {self.session.paths.history(atena)[-1].get("世帯番号", "") for atena in split}
        if len(numbers) <= 1:
            return []
        return [Breach(r.HOUSEHOLD_CHANGE, "model.split_households", "the persons of one 世帯分離 should form one "
                       "new 世帯", "世帯番号", "1 世帯", f"{len(numbers)} 世帯")]

    def _unchanged(self, atena: str, before: list[dict[str, str]]) -> list[Breach]:
        after = self.session.paths.history(atena)
        if after == before:
            return []
        return [Breach(r.KEEP_ALL, "model.refused_but_written", "a refused operation should commit nothing",
                       "", f"{len(before)} rows", f"{len(after)} rows")]

    def _compare(self, persons: Iterable[str]) -> None:
        breaches: list[Breach] = []
        households = set()
        for atena in persons:
            breaches += self.session.paths.compare_person(self.world, atena)
            households.add(self.world.latest(atena).get("世帯番号", ""))
            households.update(row.get("世帯番号", "") for row in self.world.history(atena)[-2:])
        for setai in sorted(households - {""}):
            breaches += self.session.paths.compare_household(self.world, setai)
        self.session.exercised |= {r.LATEST_ROW, r.PROVIDED, r.DESTINATION}
        self._check(breaches)

    def _exercise(self, rules: Iterable[Any]) -> None:
        for rule_ in rules:
            self.session.exercised |= {allowed.requirement for allowed in rule_.sets.values()}
            self.session.exercised |= {r.KEEP_ALL, r.HISTORY_KEY} | ({r.NUMBERING} if rule_.numbers else set())

    def _check(self, breaches: Sequence[Breach]) -> None:
        if breaches:
            self._fail(breaches)

    def _fail(self, breaches: Sequence[Breach]) -> None:
        self._failed = True
        failure = ModelBreach(breaches, len(self.steps))
        self.session.failures.append((tuple(self.steps), failure))
        raise failure

    # -- helpers ---------------------------------------------------------------------------------------

    def _call(self, operation: str, request: Mapping[str, Any], shown: str) -> tuple[int, Any]:
        self.steps.append(f"{len(self.steps) + 1}. {shown} @ {self.today.isoformat()}")
        return self.session.paths.driver.call(operation, request)

    def _adopt_new(self, atena: str) -> None:
        self.labels.setdefault(atena, f"p{len(self.labels) + 1}")
        self.world.adopt(atena, self.session.paths.history(atena)[len(self.world.history(atena)):])

    def _named(self, outcome: Outcome) -> list[str]:
        if isinstance(outcome, Commit):
            return [*outcome.rows, *outcome.optional]
        return sorted(self.world.persons)

    def _person(self, index: int, foreign: bool, born: str) -> dict[str, str]:
        serial = next(self.session.serials)
        surname, surname_kana = _SURNAMES[serial % len(_SURNAMES)]
        given, given_kana, sex = _GIVEN[index % len(_GIVEN)]
        # Numbers no record of a test town has (9..., 8...): a 除票 of the town never matches them (4.1.1.2).
        number = f"9{serial:010d}"
        my_number = f"8{serial:010d}"
        person = {"住民種別": "1", "住民状態": "1", "氏名": f"{surname}　{given}{_kanji(serial)}",
                  "氏名_フリガナ": f"{surname_kana}　{given_kana}", "生年月日": born, "生年月日_不詳フラグ": "0",
                  "性別": sex, "続柄": ("世帯主", "妻", "子")[min(index, 2)], **TOWN,
                  "住民となった年月日": "2010-04-01", "住所を定めた年月日": "2010-04-01", "届出年月日": "2010-04-05",
                  "異動事由": "A1", "異動日": "2010-04-01", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
                  "住民票コード": number, "個人番号": my_number + str(my_number_check_digit(my_number))}
        if foreign:
            person.update({"住民種別": "2", "氏名": f"ＬＥＥ　ＭＩＮ{_kanji(serial)}", "氏名_アルファベット": "LEE MIN",
                           "氏名_フリガナ": "リー　ミン", "第30条45規定区分": "1", "国籍等_国名コード": "410",
                           "在留資格等コード": "01", "在留期間等コード_年": "3", "在留期間の満了の日": "2027-03-31",
                           "在留カード等番号": f"ZZ{serial:08d}ZZ", "性別": "2"})
        return person

    def _dates(self, data: st.DataObject) -> dict[str, str]:
        moved = self.today - timedelta(days=data.draw(st.integers(0, 10), label="異動日"))
        notified = moved + timedelta(days=data.draw(st.integers(0, (self.today - moved).days), label="届出日"))
        return {"異動日": moved.isoformat(), "届出年月日": notified.isoformat(), "処理日": self.today.isoformat()}

    def _advance(self, days: int) -> None:
        self.today += timedelta(days=days)

    def _pending(self) -> list[str]:
        return sorted(a for a, rows in self.world.persons.items()
                      if rows[-1].get("転出予定年月日") and rows[-1].get("異動事由区分") in ("国内転出", "国外転出")
                      and not rows[-1].get("転出年月日（確定）"))

    def _with_members(self, count: int) -> list[str]:
        return [setai for setai in self.world.households() if len(self.world.members(setai)) >= count
                and self.world.head(setai) is not None]

    def _cancellable(self) -> list[str]:
        return sorted(a for a, rows in self.world.persons.items()
                      if len(rows) >= 2 and not rows[-1].get("異動事由区分", "").startswith("異動の取消し"))

    def _p(self, atena: str) -> str:
        return self.labels.get(atena, "p?")

    def _ps(self, numbers: Iterable[str]) -> str:
        return "[" + ", ".join(self._p(atena) for atena in numbers) + "]"

    def _h(self, setai: object) -> str:
        members = [a for a, rows in self.world.persons.items() if any(row.get("世帯番号") == setai for row in rows)]
        return "+".join(self._p(atena) for atena in sorted(members, key=self._p)[:1]) or "new"


def _listed(document: Any) -> list[str]:
    persons = document.get("persons") if isinstance(document, dict) else None
    return [as_row(p).get("宛名番号", "") for p in persons if isinstance(p, dict)] if isinstance(persons, list) else []


def _first_requirement(outcome: Commit) -> str:
    for rules in [*outcome.rows.values(), outcome.new]:
        for rule_ in rules:
            return r.REASONS.get(rule_.reason, r.CANCEL_KIND)
    return r.DESTINATION


def _kanji(serial: int) -> str:
    return "".join(_DIGITS[int(digit)] for digit in str(serial))

