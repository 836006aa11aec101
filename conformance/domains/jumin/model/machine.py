"""A Hypothesis state machine that drives random sequences of 異動 through the driver protocol and, after
every step, compares the vendor with the model of 住民記録 (:mod:`conformance.domains.jumin.oracles.model`).

Each example starts from 世帯 of its own (``fixtures.persons``): Japanese and foreign residents, 不詳 and
non-calendar birth dates, era-boundary days. The 処理日 moves forward step by step across 1月1日 and
4月1日. After a step the model's :class:`~conformance.domains.jumin.oracles.model.Commit` or ``Refusal`` is judged
on the answer and the history of every person it names; then every read path of those persons and of
their 世帯 is compared with the model (the driver's person, history and 世帯, the linkage API's resident,
history, 世帯 and 異動差分). At the end of an example every person and 世帯 of it is compared again.

A breach stops the example; Hypothesis shrinks it against the live vendor, and the shortest sequence is
reported with the seed that replays it (``conformance run --seed N``). Persons are labelled ``p1, p2 ...``
in the evidence: no name or number of the vendor's records is written there.

This module holds the rules (what a step draws and sends); the rest, one way below it: steps.py (a step judged
against the model, the helpers the rules draw with, the run's :class:`~conformance.domains.jumin.model.steps.Session`)
and step_requests.py (the requests several rules send). The fixed examples run before the drawn ones
(fixed_examples.py) use this machine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from conformance import clock
from conformance.domains.jumin.model.step_requests import (
    _FUTURE,
    _FUTURE_OPERATIONS,
    _NO_NOTIFIED,
    _NON_CALENDAR_CASES,
    _common_february_29,
    _support_request,
)
from conformance.domains.jumin.model.steps import STEP, TOWN, ModelSteps, Session, _listed
from conformance.domains.jumin.oracles.model import judge_committed
from conformance.domains.jumin.oracles.model import rules as r
from conformance.oracles.shien_sochi import extended_end_date

#: Birth dates the machine draws from: era boundaries (1.1.9), 4月1日, 2月29日 and a non-calendar one
#: (1.1.8 R001 ただし: 生年月日 may be one).
_BIRTHS = ("1989-01-07", "1989-01-08", "2019-04-30", "2019-05-01", "1926-12-25", "1980-04-01", "2000-02-29",
           "1975-02-29", "1990-12-31", "2010-01-01")
#: Steps a 処理日 moves by: across month ends, 1月1日 and 4月1日 over a few steps.
_DAYS = st.sampled_from((0, 1, 3, 14, 31, 45, 92))
#: How many days before today a 支援措置 registered by the machine began: in force, in force past the middle,
#: in its last month (3.4 R004's window for the 延長), past its end not yet ended (R006, R007: still in force), and
#: one to begin in 30 days (a 申出 whose 支援措置 is not yet begun, with a 仮支援措置 from today: R008).
_SUPPORT_STARTS = (0, 200, 350, 380, -30)
#: The 異動 ``protected_moves`` makes of a 支援対象者.
_PROTECTED_OPERATIONS = ("households.merge", "households.split", "households.head", "moves.within", "moves.out",
                         "ex_officio.correct", "cancellations")
#: The items a 再転入 under the 除票's 宛名番号 enters again (the person's own; the rest may be taken in: R002).
_IDENTITY = ("氏名", "氏名_フリガナ", "生年月日", "生年月日_不詳フラグ", "性別", "住民種別", "住民票コード", "個人番号")


def offered(operation: str) -> Callable[[ModelSteps], bool]:
    """A rule's precondition: the adapter declares ``operation`` (issue 64: a vendor declaring a subset of the
    driver operations is judged by the model on that subset; a rule of another operation is never drawn). Always
    true for a vendor declaring every one, which then draws exactly what it drew before."""
    return lambda machine: machine._offers(operation)


Drawn = Callable[..., None]


def drawn(operation: str, when: Callable[[ModelSteps], bool], **strategies: st.SearchStrategy[Any]
          ) -> Callable[[Drawn], Drawn]:
    """A drawn 異動's decorators: the adapter declares ``operation`` (:func:`offered`), the example's state allows it
    (``when``), and its arguments are drawn as ``data``, ``days``, then ``strategies`` in order (the order Hypothesis
    draws them in: one seed draws the same steps as the three decorators written out on each rule did)."""
    # rule's overloads cannot tell that ``strategies`` holds no ``target``/``targets``: its plain signature, as used.
    plain_rule: Callable[..., Callable[[Drawn], Drawn]] = rule

    def decorate(function: Drawn) -> Drawn:
        ruled = plain_rule(data=st.data(), days=_DAYS, **strategies)(function)
        return precondition(offered(operation))(precondition(when)(ruled))
    return decorate


def _households(machine: ModelSteps) -> bool:
    return bool(machine.world.households())


def _two_households(machine: ModelSteps) -> bool:
    return len(machine.world.households()) >= 2


def _residents(machine: ModelSteps) -> bool:
    return bool(list(machine.world.current()))


def _shared(machine: ModelSteps) -> bool:
    """A 世帯 of two members or more (a 世帯分離, a 世帯主変更)."""
    return bool(machine._with_members(2))


def _pending(machine: ModelSteps) -> bool:
    return bool(machine._pending())


def _cancellable(machine: ModelSteps) -> bool:
    return bool(machine._cancellable())


def _returnable(machine: ModelSteps) -> bool:
    return bool(machine._returnable())


def machine_for(session: Session) -> type[JuminModelMachine]:
    """The state machine class bound to one run's session."""
    return type("JuminModelMachine", (JuminModelMachine,), {"session": session})


class JuminModelMachine(ModelSteps):
    """Random 異動 through the driver protocol, judged by the model after every step."""

    # -- setup --------------------------------------------------------------------------------------

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(size=st.integers(1, 3), foreign=st.booleans(), births=st.lists(st.sampled_from(_BIRTHS), min_size=3,
                                                                           max_size=3), unknown=st.booleans(),
          headless=st.booleans(), data=st.data())
    def new_household(self, size: int, foreign: bool, births: list[str], unknown: bool, headless: bool,
                      data: st.DataObject) -> None:
        """A 世帯 of test data (``fixtures.persons``): a 世帯主, a spouse, a child; or, as 1.1.10 R001 allows
        (世帯主未設定), 同居人 only, with no 世帯主氏名 at all. Half of them with a 支援措置 of one member, as its
        申出 (1.1.16): the 異動 after it are the sequences 3.4 must protect through."""
        made = self.household(size, 1 if foreign else None, births, unknown=unknown, headless=headless)
        if made and "support.register" in self.session.optional and data.draw(st.booleans(), label="支援措置"):
            self._register(data, data.draw(st.sampled_from(made), label="申出者"),
                           data.draw(st.sampled_from(_SUPPORT_STARTS), label="開始"), data.draw(st.booleans()))

    def household(self, size: int, foreign: int | None, births: list[str], *, unknown: bool,
                  headless: bool, relations: list[str] | None = None,
                  names: list[tuple[str, str]] | None = None, sent: Sequence[int] | None = None) -> list[str]:
        """A 世帯 of ``size`` members made through ``fixtures.persons`` (the member at ``foreign`` a 外国人住民, the
        last of 不詳 生年月日 when ``unknown``; ``relations`` and ``names``, 氏名 and フリガナ, given to the first
        members; ``sent``: the order the members are sent in, by index, so that the 宛名番号 the vendor gives may
        follow another order than 5.2's), judged; the 宛名番号 the vendor gave them, adopted."""
        people = [self._person(index, index == foreign, births[index]) for index in range(size)]
        for person, relation in zip(people, relations or (), strict=False):
            person["続柄"] = relation
        for person, (name, kana) in zip(people, names or (), strict=False):
            person.update({"氏名": name, "氏名_フリガナ": kana})
        if unknown:
            people[-1].update({"生年月日": "", "生年月日_不詳フラグ": "1", "生年月日_不詳表記": "昭和30年頃"})
        for person in people:
            if headless:
                person["続柄"] = "同居人"
            else:
                person["世帯主氏名"] = people[0]["氏名"]
        people = [people[index] for index in sent] if sent is not None else people
        status, document = self._call("fixtures.persons", {"persons": people}, f"fixtures.persons(size={size})")
        self._check(judge_committed(status, document, r.DESTINATION), STEP)
        made = _listed(document)
        for atena in made:
            self._adopt_new(atena)
        for setai in {self.world.latest(atena).get("世帯番号", "") for atena in made if atena in self.world.persons}:
            self.world.founders[setai] = frozenset(made)
        return made

    # -- 異動 -----------------------------------------------------------------------------------------

    @drawn("moves.in", _households, kind=st.sampled_from(("国内転入", "国外転入等")), join=st.booleans())
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

    @drawn("moves.within", _households)
    def move_within(self, data: st.DataObject, days: int) -> None:
        """転居 of a whole 世帯."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self.world.households()), label="世帯")
        address = {"住所_町字": data.draw(st.sampled_from(("栄町", "本町二丁目", "見本"))),
                   "住所_番地号表記": f"{data.draw(st.integers(1, 99))}番地", "住所_方書": ""}
        request = {"宛名番号": self.world.members(setai), "住所": address, **self._dates(data)}
        self._step("moves.within", request, f"moves.within(h:{self._h(setai)})")

    @drawn("moves.out", _households, abroad=st.booleans(), ahead=st.integers(0, 20))
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

    @drawn("moves.out_confirm", _pending, offset=st.integers(-10, 10))
    def confirm_out(self, data: st.DataObject, days: int, offset: int) -> None:
        """転入通知の受理: the 転入日 before or after the 転出予定年月日."""
        self._advance(days)
        atena = data.draw(st.sampled_from(self._pending()), label="転出者")
        planned = date.fromisoformat(self.world.latest(atena)["転出予定年月日"])
        arrived = min(planned + timedelta(days=offset), self.today)
        request = {"宛名番号": atena, "転入年月日": arrived.isoformat(), "通知年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat(), **self._destination(data, atena)}
        self._step("moves.out_confirm", request, f"moves.out_confirm({self._p(atena)}, 転入日{offset:+d}d"
                   f"{self._where(request)})")

    def _destination(self, data: st.DataObject, atena: str) -> dict[str, str]:
        """The 転出先住所（確定） a 転入通知 names, as the driver's field; none here (the 住民記録 model's examples keep
        the draws they had), drawn by the cross-domain machine (``domains/world.py``), whose domains turn on it."""
        return {}

    @staticmethod
    def _where(request: Mapping[str, Any]) -> str:
        code = request.get("転出先住所（確定）_市区町村コード")
        return f", 転出先 {code}" if code else ""

    @drawn("births", _households)
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

    @drawn("deaths", _residents)
    def death(self, data: st.DataObject, days: int) -> None:
        """死亡 (before the 生年月日: the エラー E003; the 世帯主 leaving two others: the アラート A002)."""
        self._advance(days)
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="死亡者")
        died = self.today - timedelta(days=data.draw(st.sampled_from((0, 3, 20000))))
        request = {"宛名番号": atena, "異動日": died.isoformat(), "通知年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("deaths", request, f"deaths({self._p(atena)}, {died.isoformat()})")

    @drawn("households.split", _shared)
    def split(self, data: st.DataObject, days: int) -> None:
        """世帯分離 of one or more members who are not the 世帯主."""
        self._advance(days)
        setai = data.draw(st.sampled_from(self._with_members(2)), label="世帯")
        others = [m for m in self.world.members(setai) if m != self.world.head(setai)]
        movers = data.draw(st.lists(st.sampled_from(others), min_size=1, unique=True), label="分離者")
        request = {"宛名番号": movers, "続柄": ["世帯主"] + ["同居人"] * (len(movers) - 1), **self._dates(data)}
        self._step("households.split", request, f"households.split(h:{self._h(setai)}, {self._ps(movers)})")

    @drawn("households.merge", _two_households, whole=st.booleans(), to_headless=st.booleans())
    def merge(self, data: st.DataObject, days: int, whole: bool, to_headless: bool) -> None:
        """世帯合併: a whole 世帯, or its members who are not the 世帯主, join another."""
        self._advance(days)
        source, into = data.draw(st.permutations(self.world.households()), label="世帯")[:2]
        headless = [setai for setai in self.world.households() if setai != source and self.world.head(setai) is None]
        if headless and to_headless:
            into = headless[0]  # 1.1.10 R001: the members then carry no 世帯主's 氏名
        members = self.world.members(source)
        movers = members if whole else [m for m in members if m != self.world.head(source)] or members
        request = {"宛名番号": movers, "世帯番号": into, "続柄": ["同居人"] * len(movers), **self._dates(data)}
        self._step("households.merge", request,
                   f"households.merge(h:{self._h(source)} -> h:{self._h(into)}, {self._ps(movers)})")

    @drawn("households.head", _shared)
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

    @drawn("ex_officio.correct", _residents, kind=st.sampled_from(("職権修正", "軽微な修正", "誤記修正")))
    def correct(self, data: st.DataObject, days: int, kind: str) -> None:
        """職権修正 of the フリガナ or the 方書 of one person."""
        self._advance(days)
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="対象者")
        item = data.draw(st.sampled_from(("氏名_フリガナ", "住所_方書")))
        value = "ミホン　シュウセイ" if item == "氏名_フリガナ" else data.draw(st.sampled_from(("見本荘１号", "")))
        items = {item: value}
        if kind == "軽微な修正":  # a 建築物の名称 (4.2.3.2 R008) with it: each 軽微な修正 meets one of the text's kinds
            items.setdefault("住所_方書", "見本荘３号")
        request = {"宛名番号": atena, "区分": kind, "items": items, "異動日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("ex_officio.correct", request, f"ex_officio.correct({kind}, {self._p(atena)}, {item})")

    @drawn("cancellations", _cancellable)
    def cancel(self, data: st.DataObject, days: int) -> None:
        """異動の取消し of a person's latest 異動."""
        self._advance(days)
        atena = data.draw(st.sampled_from(self._cancellable()), label="対象者")
        request = {"宛名番号": atena, "処理日": self.today.isoformat()}
        self._step("cancellations", request, f"cancellations({self._p(atena)})")

    @precondition(lambda self: any(self._offers(operation) for operation in _FUTURE_OPERATIONS))
    @precondition(lambda self: bool(list(self.world.current())))
    @rule(data=st.data(), ahead=st.integers(1, 400), operation=st.sampled_from(_FUTURE_OPERATIONS),
          notified=st.booleans())
    def future_dated(self, data: st.DataObject, ahead: int, operation: str, notified: bool) -> None:
        """A 異動 whose 異動日 (E001, 4.0.3 R003) or 届出日 (E002, 4.1.0.2 R003) is after the 処理日, on each
        operation that takes them: every one must refuse it with its code. An operation the adapter does not declare
        is drawn as before (the draws of a vendor declaring them all stay what they were) and sent to no one."""
        if not self._offers(operation):
            return
        atena = data.draw(st.sampled_from(sorted(self.world.current())), label="対象者")
        later = (self.today + timedelta(days=ahead)).isoformat()
        today = self.today.isoformat()
        dates = {"異動日": today, "届出年月日": today, "処理日": today}
        later_notified = operation == "moves.out" or (notified and operation not in _NO_NOTIFIED)
        field_ = "届出年月日" if later_notified else "異動日"
        dates[field_] = later
        request = _FUTURE[operation](self, atena, dates)
        self._step(operation, request, f"{operation}({self._p(atena)}, {field_} +{ahead}d)")

    @precondition(lambda self: not self._swept and bool(list(self.world.current())))
    @rule(data=st.data())
    def non_calendar(self, data: st.DataObject) -> None:
        """Each 異動 with its 異動日, then its 届出日, the text's own non-calendar example (2月29日 of a common
        year, 1.1.8 R001): refused with the エラー E005 naming it, but for the 異動日 of a 出生 (its 生年月日) or
        a 死亡, which the ただし lets be one (the 出生 and 死亡 must then be done with it). Every operation and
        field at once, not one drawn: a vendor wrong on one of thirteen would otherwise be met by chance.
        Once an example: a second sweep judges nothing new and would take thirteen steps of its budget."""
        self._swept = True
        for operation, field_ in _NON_CALENDAR_CASES:
            if not self._offers(operation):
                continue
            persons = sorted(self.world.current())
            if not persons:
                return
            atena = data.draw(st.sampled_from(persons), label="対象者")
            today = self.today.isoformat()
            dates = {"異動日": today, "届出年月日": today, "処理日": today}
            dates[field_] = _common_february_29(self.today)
            request = _FUTURE[operation](self, atena, dates)
            self._step(operation, request, f"{operation}({self._p(atena)}, {field_} {dates[field_]})")

    @precondition(lambda self: "tsusho.record" in self.session.optional and bool(list(self.world.current())))
    @rule(data=st.data(), days=_DAYS, foreign=st.booleans())
    def tsusho(self, data: st.DataObject, days: int, foreign: bool) -> None:
        """通称の記載 for a 外国人住民 (1.1.7 R002); for a 日本人 the エラー E008."""
        self._advance(days)
        kind = "2" if foreign else "1"
        persons = sorted(self.world.current())
        atena = data.draw(st.sampled_from([a for a in persons if self.world.latest(a).get("住民種別") == kind]
                                          or persons), label="申出者")
        self.record_tsusho(atena, self.today - timedelta(days=data.draw(st.integers(0, 10), label="申出日")))

    def record_tsusho(self, atena: str, offered: date) -> None:
        """The 申出 of a 通称 for ``atena`` made on ``offered`` (a 外国人住民: recorded; a 日本人: E008), one step."""
        request = {"宛名番号": atena, "通称": f"見本{self.session.tag(next(self.session.serials))}",
                   "通称_フリガナ": "ミホン", "申出年月日": offered.isoformat(), "処理日": self.today.isoformat()}
        self._step("tsusho.record", request, f"tsusho.record({self._p(atena)})")

    @precondition(lambda self: "tsusho.delete" in self.session.optional and bool(self._named_tsusho()))
    @rule(data=st.data(), days=_DAYS)
    def tsusho_delete(self, data: st.DataObject, days: int) -> None:
        """通称の削除 (1.1.7 R002)."""
        self._advance(days)
        atena = data.draw(st.sampled_from(self._named_tsusho()), label="申出者")
        offered = self.today - timedelta(days=data.draw(st.integers(0, 10), label="申出日"))
        request = {"宛名番号": atena, "申出年月日": offered.isoformat(), "処理日": self.today.isoformat()}
        self._step("tsusho.delete", request, f"tsusho.delete({self._p(atena)})")

    @precondition(lambda self: bool(self._support_actions()))
    @rule(data=st.data(), started=st.sampled_from(_SUPPORT_STARTS), joined=st.booleans())
    def support(self, data: st.DataObject, started: int, joined: bool) -> None:
        """A 支援措置: the 申出 of a 住民 (``_register``), its 延長 in its last month (3.4 R004: one year from the day
        after the old end), or its 終了 (R007: the 終了年月日 set to today; the copies are the vendor's from then
        on). One rule for the three, so the 異動 keep their share of the steps."""
        action = data.draw(st.sampled_from(self._support_actions()), label="支援措置")
        if action == "申出":
            self._register(data, data.draw(st.sampled_from(self._unprotected()), label="申出者"), started, joined)
            return
        atena = data.draw(st.sampled_from(self._extensible() if action == "延長" else self._endable()), label="申出者")
        end = extended_end_date(self.world.measures[atena].end) if action == "延長" else clock.today()
        self._step("support.update", {"宛名番号": atena, "支援措置の期間": {"支援措置の終了年月日": end.isoformat()}},
                   f"support.update({self._p(atena)}, {action})")

    def _register(self, data: st.DataObject, atena: str, started: int, joined: bool) -> None:
        """支援措置の申出 of ``atena``, with another member of the 世帯 as 併せて支援措置を求める者 when ``joined``; its
        period began ``started`` days before today (in force, in its last month, or past its end)."""
        row = self.world.latest(atena)
        others = [m for m in self.world.members(row.get("世帯番号", "")) if m != atena]
        provisional = started < 0  # a 申出 before the start asks for a 仮支援措置 (without one the text says nothing)
        request = _support_request(row, clock.today() - timedelta(days=started))
        if provisional:  # 3.4 R008: from the 申出 until the start, the copies are refused as well
            request["仮支援措置"] = {"仮支援措置の有無": "有", "仮支援措置の開始年月日": clock.today().isoformat()}
        joining = data.draw(st.sampled_from(others), label="併せて者") if joined and others else None
        if joining is not None:
            name = self.world.latest(joining).get("氏名", "")
            request["併せて支援措置を求める者"] = [{"氏名": name, "宛名番号": joining, "申出者との関係": "同一世帯"}]
        with_ = f", with {self._p(joining)}" if joining is not None else ""
        kari = ", 仮支援措置" if provisional else ""
        began = f"-{started}d" if started >= 0 else f"+{-started}d"
        self._step("support.register", request, f"support.register({self._p(atena)}, {began}{with_}{kari})")

    @precondition(lambda self: bool(self._protected_residents()))
    @rule(data=st.data(), operations=st.lists(st.sampled_from(_PROTECTED_OPERATIONS), min_size=1, max_size=4))
    def protected_moves(self, data: st.DataObject, operations: list[str]) -> None:
        """異動 of a 支援対象者, one after another, each judged (3.4: the 表示 and the refusals must outlast every
        one of them): joining another 世帯, leaving theirs, becoming its 世帯主, a 転居, a 転出 with its 転入通知 (a
        除票: R009) and their 再転入 under the 除票's 宛名番号 (4.1.1.2 R002), a 職権修正, the 取消し of their latest
        異動. The other rules reach them too, by chance; this one makes the sequences
        that matter likely."""
        for operation in operations:
            protected = self._protected_residents()
            if not protected:
                return
            self._advance(data.draw(_DAYS, label="日数"))
            atena = data.draw(st.sampled_from(protected), label="支援対象者")
            self._protected_move(data, operation, atena)

    def _protected_move(self, data: st.DataObject, operation: str, atena: str) -> None:
        today = self.today.isoformat()
        dates = {"異動日": today, "届出年月日": today, "処理日": today}
        if operation == "cancellations":
            request: dict[str, Any] = {"宛名番号": atena, "処理日": today}
        elif operation == "ex_officio.correct":
            kind = data.draw(st.sampled_from(("職権修正", "軽微な修正", "誤記修正")), label="区分")
            request = {"宛名番号": atena, "区分": kind, "items": {"住所_方書": "見本荘２号"}, "異動日": today,
                       "処理日": today}
        elif operation == "households.merge" and len(self.world.households()) > 1:
            setai = self.world.latest(atena).get("世帯番号", "")
            into = data.draw(st.sampled_from([h for h in self.world.households() if h != setai]), label="世帯")
            request = {"宛名番号": [atena], "世帯番号": into, "続柄": ["同居人"], **dates}
        elif operation == "households.head":  # the former 世帯主 (if any) becomes a 同居人, as ``head_change`` does
            setai = self.world.latest(atena).get("世帯番号", "")
            old = self.world.head(setai)
            request = {"世帯番号": setai, "宛名番号": atena, **dates}
            if old is not None and old != atena:
                request.update({"世帯員": [old], "続柄": ["同居人"]})
        elif operation in ("moves.within", "households.merge"):  # a merge with no other 世帯 to join: a 転居
            operation = "moves.within"
            members = self.world.members(self.world.latest(atena).get("世帯番号", ""))
            request = {"宛名番号": members, "住所": {"住所_町字": "栄町", "住所_番地号表記": "7番地"}, **dates}
        else:
            request = _FUTURE[operation](self, atena, dates)
        if not self._offers(operation):
            return  # not declared: the 支援対象者's other 異動 of the list are judged
        self._step(operation, request, f"{operation}({self._p(atena)}, 支援対象者)")
        if operation == "moves.out" and atena in self._pending() and self._offers("moves.out_confirm"):
            # Its 転入通知 at once: the 除票 of a 支援対象者, whose copies and forms 3.4 R009 still refuses.
            request = {"宛名番号": atena, "転入年月日": today, "通知年月日": today, "処理日": today}
            self._step("moves.out_confirm", request, f"moves.out_confirm({self._p(atena)}, 支援対象者)")
            if atena in self._returnable() and self._offers("moves.in"):
                # Back under the 除票's 宛名番号 (the 除票's copies and forms were asked at its 転入通知): the 表示 must
                # come back with them (4.1.1.2 R002, 3.4 R001).
                self._come_back(data, atena)

    @precondition(lambda self: self._offers("moves.within") or self._offers("moves.in"))
    @precondition(lambda self: bool(list(self.world.removed())))
    @rule(data=st.data())
    def act_on_removed(self, data: st.DataObject) -> None:
        """A 転居 of a 除票: the エラー E006 (4.0.1 R001); a 転入 with its 個人番号 as a new person: E004 (4.1.1.2
        R001); and, of a 転出's 除票, the 再転入 under its 宛名番号 (R002). All of them, not one drawn: each is met
        wherever a 除票 is."""
        row = data.draw(st.sampled_from(sorted(self.world.removed(), key=lambda row: row["宛名番号"])))
        request: dict[str, Any] = {"宛名番号": [row["宛名番号"]], "住所": {"住所_町字": "栄町"}, **self._dates(data)}
        if self._offers("moves.within"):
            self._step("moves.within", request, f"moves.within({self._p(row['宛名番号'])}, a 除票)")
        if not self._offers("moves.in"):
            return
        person = {**self._person(0, False, "1980-04-01"), "個人番号": row.get("個人番号", "")}
        request = {"区分": "国内転入", "persons": [person], **self._dates(data)}
        self._step("moves.in", request, f"moves.in(個人番号 of {self._p(row['宛名番号'])})")
        if row["宛名番号"] in self._returnable():
            self._come_back(data, row["宛名番号"])

    @drawn("moves.in", _returnable)
    def come_back(self, data: st.DataObject, days: int) -> None:
        """A 再転入 under the 宛名番号 of a 転出's 除票 (4.1.1.2 R002: 従前使用していた宛名番号をそのまま引き継ぐ), a
        支援対象者's first where there is one (3.4: the 表示 comes back with them while the 支援措置 is in force)."""
        self._advance(days)
        returnable = self._returnable()
        protected = [a for a in returnable if self.world.protected(a) is True]
        self._come_back(data, data.draw(st.sampled_from(protected or returnable), label="再転入者"))

    def _come_back(self, data: st.DataObject, atena: str) -> None:
        """The 再転入 of ``atena`` under their 除票's 宛名番号, as the operator selects the 除票 (4.1.1.2 R002)."""
        row = self.world.latest(atena)
        person = {k: row.get(k, "") for k in _IDENTITY}
        person.update({"宛名番号": atena, "続柄": "世帯主", **TOWN})
        request = {"区分": "国内転入", "persons": [person], **self._dates(data)}
        self._step("moves.in", request, f"moves.in({self._p(atena)}, 再転入 under the 除票's 宛名番号)")
