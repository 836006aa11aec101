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

import calendar
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from conformance import clock
from conformance.oracles.identifiers import my_number_check_digit
from conformance.oracles.jumin_model import (
    Breach,
    Commit,
    Outcome,
    Refusal,
    World,
    judge_committed,
    judge_history,
    judge_marked,
    judge_refusal,
    transition,
)
from conformance.oracles.jumin_model import rules as r
from conformance.oracles.shien_sochi import extended_end_date, extension_window, support_end_date
from conformance.scenarios.model.paths import KANA_SEARCH, SEARCHES, Paths, as_row, protected_today

#: Items of a current Japanese resident of the test town (静岡県見本町, 229997) a 世帯 starts with.
TOWN = {"住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町一丁目", "住所_番地号表記": "1番1号",
        "住所_郵便番号": "4190103", "住所_市区町村コード": "229997"}
_SURNAMES = (("模型", "モケイ"), ("試験", "シケン"), ("検証", "ケンショウ"))
_GIVEN = (("一郎", "イチロウ", "1"), ("花子", "ハナコ", "2"), ("次郎", "ジロウ", "1"), ("桜", "サクラ", "2"))
_DIGITS = "〇一二三四五六七八九"
#: A valid 宛名番号 (serial 999999999, check digit 6) no record of the machine has: asked for at the end.
UNKNOWN = "9999999996"
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
#: The operations that take a 異動日 or 届出日 a 処理日 bounds (4.0.3 R003, 4.1.0.2 R003): ``_FUTURE`` below.
_FUTURE_OPERATIONS = ("births", "deaths", "households.head", "households.merge", "households.split", "moves.in",
                      "moves.out", "moves.within")


#: The comparisons of the machine (``Session.family``): the answer and history of an operation itself, the 異動差分,
#: the 支援対象者 on every output, and the read paths of the persons (those a step changed, and everyone at the end
#: of an example: one family, a stale value may show at either).
STEP, DIFF, PROTECTION, READS = "step", "diff", "protection", "reads"


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
    #: The optional operations the vendor's adapter implements (``OPTIONAL`` in check.py): 通称, 支援措置.
    optional: frozenset[str] = frozenset()
    #: Every example that ended without a breach: its steps and its model (the export is reconciled with
    #: them once, after the run: a fetch of the whole export per example cost seconds each).
    finished: list[tuple[tuple[str, ...], World]] = field(default_factory=list)
    #: Examples Hypothesis may run to shrink a failure (each replays its 異動 against the vendor: a shrink
    #: left unbounded took minutes). Past it every example is rejected before its first call, and the
    #: smallest failing example found so far is the finding. A count, not a time: the same seed gives the
    #: same steps on any machine. 40, not 80: on six defects the machine catches (2026-11-26) the shrunk
    #: examples were as short or shorter in five (18 steps to 7 in one), one step longer in one, and the
    #: machine's run 15-35 % shorter.
    shrink_budget: int = 40
    shrinks: int = 0
    #: The comparison that found the first failure (``STEP``, ``DIFF``, ``PROTECTION`` or ``READS``). While
    #: Hypothesis shrinks, a candidate is judged by that comparison only and the others' reads are not made:
    #: the shrunk example fails the way the first one did (it cannot slip to another comparison's breach), and
    #: a candidate costs its steps and one comparison instead of every read path (shrinking with every path
    #: read was two thirds of a failing run's time).
    family: str | None = None
    #: The day the vendor judges a 支援措置 on (its own clock: the registration names no 処理日).
    today: date = field(default_factory=clock.today)


def machine_for(session: Session) -> type[JuminModelMachine]:
    """The state machine class bound to one run's session."""
    return type("JuminModelMachine", (JuminModelMachine,), {"session": session})


#: The first serial of the prelude's persons (``prelude``): far from the drawn examples' (1, 2, ...), so their names
#: and numbers are what they are without it (``在留カード等番号`` takes eight digits of it).
PRELUDE_SERIALS = 90_000_000
#: The 生年月日 of the prelude's 世帯主 and 外国人住民.
_PRELUDE_BIRTHS = ["1980-04-01", "1990-12-31", "2010-01-01"]


def prelude(session: Session) -> None:
    """The run's first example, before Hypothesis draws anything: a 世帯 of a 日本人 世帯主 and a 外国人住民 made as a
    drawn 世帯 is (``fixtures.persons``), the 外国人住民's 通称 recorded (1.1.7 R002) through the 通称 rule's own step,
    judged as any step is, and the example's end (every path of its persons, its model kept for the export's
    reconciliation). So the 通称 and its read paths are judged in every run whatever the seed draws (the default
    seed's drawn rules had come to commit no 通称の記載). Outside Hypothesis's draws, the drawn examples are what
    they were without it. A breach raises ``ModelBreach`` and is recorded in the session, as a drawn example's is.
    Nothing is done when the adapter does not implement ``tsusho.record``."""
    if "tsusho.record" not in session.optional:
        return
    machine, made = _fixed_household(session, PRELUDE_SERIALS)
    foreigner = next((atena for atena in made if machine.world.latest(atena).get("住民種別") == "2"), None)
    if foreigner is not None:
        machine.record_tsusho(foreigner, machine.today)
    machine.teardown()


def _fixed_household(session: Session, first_serial: int) -> tuple[JuminModelMachine, list[str]]:
    """A machine for a fixed example outside Hypothesis's draws, its persons numbered from ``first_serial``, and
    the 世帯 it starts with: a 日本人 世帯主 and a 外国人住民 (their 宛名番号). The session's run-wide records
    (exercised, failures, finished) are shared: only the serials are the example's own."""
    machine = machine_for(replace(session, serials=itertools.count(first_serial)))()
    return machine, machine.household(2, 1, _PRELUDE_BIRTHS, unknown=False, headless=False)


#: The first serial of the refusals' persons (``refusals``): apart from the drawn examples' and the prelude's.
REFUSAL_SERIALS = 91_000_000


def refusals(session: Session) -> None:
    """The run's second fixed example, before Hypothesis draws anything (beside ``prelude``): a 世帯 of a 日本人
    世帯主 and a 外国人住民, then one request of each refusal the drawn rules may not meet with the default seed,
    each through the model's step and ``judge_refusal`` (its code, level, field and message: 11.1 R005):

    - ``moves.in`` of a person born after the 異動日: E003 (11.1 R001, our reading of 論理的に成立し得ない入力);
    - ``moves.out`` whose 届出年月日 is after the 処理日: E002 (4.1.0.2 R003);
    - ``ex_officio.correct`` (職権修正) of the 日本人's 戸籍の表示（本籍・筆頭者） made blank: E009 (1.1.6 R001, R004);
    - ``kyushi`` (旧氏の記載) for the 外国人住民: E010 (1.1.1 R005 ・旧氏, an item of 日本人住民データ), when the
      adapter implements it (``Session.optional``);
    - ``ex_officio.remove`` (職権消除) of the 日本人 on the text's non-calendar day (2月29日 of a common year): E005
      naming the 異動日 (1.1.8 R001; the ただし lets only 出生、死亡又は失踪に係る異動日 be one, and the drawn
      ``non_calendar`` sweep sends no 職権消除);
    - ``ex_officio.correct`` (職権修正) making blank the 日本人's 生年月日 (1.1.6 R003) and 住民となった年月日
      (R005), the 外国人住民's 外国人住民となった年月日 (R008) and 在留カード等番号 (R011, a 中長期在留者's): E009
      naming each;
    - ``tsusho.delete`` (通称の削除) of the 外国人住民 with a 申出年月日 on 2月29日 of a common year: E005 naming it
      (1.1.8 R001), when the adapter implements it.

    None of them changes a record (the model checks each person's history is unchanged). Then two that must be
    taken: the 死亡 of the 外国人住民 on a 31st (the last day a month may have; 1.1.8 R001), and a 職権修正 of that
    除票 making its 在留カード等番号 and 住民票コード blank (1.1.6 R007, R011: 除票の場合を除く; R001: その他の項目は、
    空欄を許容すること), then the 転入 of a newcomer with that 除票's 氏名 and 性別 but another 生年月日 (4.1.1.2 R001
    asks the アラート A001 of the 3情報 together; two of them are none). The example ends as a drawn one does. Its
    persons take serials of their own, so the drawn examples are what they were without it. A breach raises
    ``ModelBreach`` and is recorded in the session."""
    machine, made = _fixed_household(session, REFUSAL_SERIALS)
    japanese = next((a for a in made if machine.world.latest(a).get("住民種別") == "1"), None)
    foreigner = next((a for a in made if machine.world.latest(a).get("住民種別") == "2"), None)
    today = machine.today.isoformat()
    tomorrow = (machine.today + timedelta(days=1)).isoformat()
    newcomer = machine._person(0, False, "2010-01-01")
    machine._step("moves.in", {"区分": "国内転入", "persons": [newcomer], "異動日": "2005-04-01",
                               "届出年月日": "2005-04-05", "処理日": today}, "moves.in(生年月日 after the 異動日)")
    if japanese is not None:
        dates = {"異動日": today, "届出年月日": tomorrow, "処理日": today}
        machine._step("moves.out", _future_out(machine, japanese, dates),
                      f"moves.out({machine._p(japanese)}, 届出年月日 +1d)")
        machine._step("ex_officio.correct", {"宛名番号": japanese, "区分": "職権修正", "items": {_HONSEKI: ""},
                                             "異動日": today, "処理日": today},
                      f"ex_officio.correct(職権修正, {machine._p(japanese)}, {_HONSEKI} blank)")
    if foreigner is not None and "kyushi" in session.optional:
        machine._step("kyushi", {"宛名番号": foreigner, "区分": "記載", "旧氏": "見本", "旧氏_フリガナ": "ミホン",
                                 "請求年月日": today, "処理日": today}, f"kyushi(記載, {machine._p(foreigner)})")
    no_day = _common_february_29(machine.today)
    if japanese is not None:
        machine._step("ex_officio.remove", {"宛名番号": japanese, "異動日": no_day, "処理日": today},
                      f"ex_officio.remove({machine._p(japanese)}, 異動日 {no_day})")
    blanks = [(japanese, item) for item in ("生年月日", "住民となった年月日")]
    blanks += [(foreigner, item) for item in ("外国人住民となった年月日", "在留カード等番号")]
    for atena, item in blanks:
        if atena is not None:
            _blank(machine, atena, {item: ""})
    if foreigner is not None and "tsusho.delete" in session.optional:
        machine._step("tsusho.delete", {"宛名番号": foreigner, "申出年月日": no_day, "処理日": today},
                      f"tsusho.delete({machine._p(foreigner)}, 申出年月日 {no_day})")
    if foreigner is not None:
        died = _last_31st(machine.today).isoformat()
        machine._step("deaths", {"宛名番号": foreigner, "異動日": died, "通知年月日": today, "処理日": today},
                      f"deaths({machine._p(foreigner)}, {died})")
        _blank(machine, foreigner, {"在留カード等番号": "", "住民票コード": ""})  # 除票の場合を除く (R007, R011)
        # A newcomer with that 除票's 氏名 and 性別, born another day: two of the 3情報 are no アラート (4.1.1.2 R001).
        dead = machine.world.latest(foreigner)
        namesake = {**machine._person(0, True, "1999-09-09"), "氏名": dead["氏名"], "性別": dead["性別"]}
        machine._step("moves.in", {"区分": "国内転入", "persons": [namesake], "異動日": today, "届出年月日": today,
                                   "処理日": today}, "moves.in(氏名 and 性別 of a 除票, another 生年月日)")
    machine.teardown()


#: The first serial of the 帰化's persons (``naturalization``): apart from the other examples'.
NATURALIZATION_SERIALS = 92_000_000


def naturalization(session: Session) -> None:
    """The run's third fixed example, before Hypothesis draws anything: a 世帯 of a 日本人 世帯主 and a 外国人住民, the
    外国人住民's 支援措置 registered when the adapter implements it (3.4, 1.1.16 R001: the 表示 on the 住民票), a 帰化
    dated tomorrow (the エラー E001: 4.0.3 R003, 異動日は…処理当日以前の日のみ), then their 帰化 (4.5.3 R001-R003;
    ``transitions.naturalization``): judged as any step is, on every path, the 支援措置's
    表示 and refusals too, and the example's end. The drawn rules send no 帰化 (a rule of its own would change
    every drawn example of a seed); a 帰化 of a 世帯主 (what becomes of the members' 世帯主氏名) and 国籍喪失 are not
    modelled. A breach raises ``ModelBreach`` and is recorded in the session."""
    if "nationality" not in session.optional:
        return
    machine, made = _fixed_household(session, NATURALIZATION_SERIALS)
    foreigner = next((a for a in made if machine.world.latest(a).get("住民種別") == "2"), None)
    if foreigner is None:
        return
    today = machine.today
    if "support.register" in session.optional:
        machine._step("support.register", _support_request(machine.world.latest(foreigner), today - timedelta(days=30)),
                      f"support.register({machine._p(foreigner)}, -30d)")
    items = {"氏名": f"見本　帰化{_kanji(NATURALIZATION_SERIALS)}", "氏名_フリガナ": "ミホン　キカ",
             _HONSEKI: "静岡県見本町一丁目１番地　見本　帰化"}
    tomorrow = (today + timedelta(days=1)).isoformat()  # 4.0.3 R003: the エラー E001 first, nothing written
    machine._step("nationality", {"宛名番号": foreigner, "区分": "帰化", "items": items, "異動日": tomorrow,
                                  "処理日": today.isoformat()},
                  f"nationality(帰化, {machine._p(foreigner)}, 異動日 +1d)")
    machine._step("nationality", {"宛名番号": foreigner, "区分": "帰化", "items": items,
                                  "異動日": (today - timedelta(days=3)).isoformat(), "通知年月日": today.isoformat(),
                                  "処理日": today.isoformat()}, f"nationality(帰化, {machine._p(foreigner)})")
    machine.teardown()


def _support_request(row: Mapping[str, str], start: date) -> dict[str, Any]:
    """The 支援措置の申出 of the person of ``row`` (現住所地市区町村), for the 交付 and the 閲覧 of their 住所, its
    period from ``start`` (1.1.16; the driver's support.register)."""
    atena = row["宛名番号"]
    return {"宛名番号": atena, "区分": "現住所地市区町村", "申出者": {"氏名": row.get("氏名", ""), "宛名番号": atena},
            "支援を求められている事務": [{"事務": "住民票の写し等の交付", "現住所": _address(row)},
                                     {"事務": "住民基本台帳の閲覧", "現住所": _address(row)}],
            "支援措置の期間": {"支援措置の開始年月日": start.isoformat(),
                               "支援措置の終了年月日": support_end_date(start).isoformat()}}


def _blank(machine: JuminModelMachine, atena: str, items: dict[str, str]) -> None:
    """A 職権修正 of ``atena`` making ``items`` blank (1.1.6 R001: refused with E009 where its list names one)."""
    today = machine.today.isoformat()
    machine._step("ex_officio.correct", {"宛名番号": atena, "区分": "職権修正", "items": items, "異動日": today,
                                         "処理日": today},
                  f"ex_officio.correct(職権修正, {machine._p(atena)}, {', '.join(items)} blank)")


def _last_31st(today: date) -> date:
    """The latest 31st not after ``today``."""
    day = today
    while day.day != 31:
        day -= timedelta(days=1)
    return day


#: The item of 1.1.6 R004 (戸籍の表示) as the driver protocol names it.
_HONSEKI = "戸籍の表示（本籍・筆頭者）"


class JuminModelMachine(RuleBasedStateMachine):
    """Random 異動 through the driver protocol, judged by the model after every step."""

    session: Session

    def __init__(self) -> None:
        super().__init__()
        if self.session.failures:
            self.session.shrinks += 1
            if self.session.shrinks > self.session.shrink_budget:
                reject()
        self.world = World(today=self.session.today)
        self.labels: dict[str, str] = {}
        self.steps: list[str] = []
        self.today = self.session.start

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
                  headless: bool) -> list[str]:
        """A 世帯 of ``size`` members made through ``fixtures.persons`` (the member at ``foreign`` a 外国人住民, the
        last of 不詳 生年月日 when ``unknown``), judged; the 宛名番号 the vendor gave them, adopted."""
        people = [self._person(index, index == foreign, births[index]) for index in range(size)]
        if unknown:
            people[-1].update({"生年月日": "", "生年月日_不詳フラグ": "1", "生年月日_不詳表記": "昭和30年頃"})
        for person in people:
            if headless:
                person["続柄"] = "同居人"
            else:
                person["世帯主氏名"] = people[0]["氏名"]
        status, document = self._call("fixtures.persons", {"persons": people}, f"fixtures.persons(size={size})")
        self._check(judge_committed(status, document, r.DESTINATION), STEP)
        made = _listed(document)
        for atena in made:
            self._adopt_new(atena)
        return made

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
    @rule(data=st.data(), days=_DAYS, whole=st.booleans(), to_headless=st.booleans())
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
        items = {item: value}
        if kind == "軽微な修正":  # a 建築物の名称 (4.2.3.2 R008) with it: each 軽微な修正 meets one of the text's kinds
            items.setdefault("住所_方書", "見本荘３号")
        request = {"宛名番号": atena, "区分": kind, "items": items, "異動日": self.today.isoformat(),
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
    @rule(data=st.data(), ahead=st.integers(1, 400), operation=st.sampled_from(_FUTURE_OPERATIONS),
          notified=st.booleans())
    def future_dated(self, data: st.DataObject, ahead: int, operation: str, notified: bool) -> None:
        """A 異動 whose 異動日 (E001, 4.0.3 R003) or 届出日 (E002, 4.1.0.2 R003) is after the 処理日, on each
        operation that takes them: every one must refuse it with its code."""
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
        request = {"宛名番号": atena, "通称": f"見本{_kanji(next(self.session.serials))}", "通称_フリガナ": "ミホン",
                   "申出年月日": offered.isoformat(), "処理日": self.today.isoformat()}
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
        end = extended_end_date(self.world.measures[atena].end) if action == "延長" else self.session.today
        self._step("support.update", {"宛名番号": atena, "支援措置の期間": {"支援措置の終了年月日": end.isoformat()}},
                   f"support.update({self._p(atena)}, {action})")

    def _register(self, data: st.DataObject, atena: str, started: int, joined: bool) -> None:
        """支援措置の申出 of ``atena``, with another member of the 世帯 as 併せて支援措置を求める者 when ``joined``; its
        period began ``started`` days before today (in force, in its last month, or past its end)."""
        row = self.world.latest(atena)
        others = [m for m in self.world.members(row.get("世帯番号", "")) if m != atena]
        provisional = started < 0  # a 申出 before the start asks for a 仮支援措置 (without one the text says nothing)
        request = _support_request(row, self.session.today - timedelta(days=started))
        if provisional:  # 3.4 R008: from the 申出 until the start, the copies are refused as well
            request["仮支援措置"] = {"仮支援措置の有無": "有", "仮支援措置の開始年月日": self.session.today.isoformat()}
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
        self._step(operation, request, f"{operation}({self._p(atena)}, 支援対象者)")
        if operation == "moves.out" and atena in self._pending():
            # Its 転入通知 at once: the 除票 of a 支援対象者, whose copies and forms 3.4 R009 still refuses.
            request = {"宛名番号": atena, "転入年月日": today, "通知年月日": today, "処理日": today}
            self._step("moves.out_confirm", request, f"moves.out_confirm({self._p(atena)}, 支援対象者)")
            if atena in self._returnable():
                # Back under the 除票's 宛名番号 (the 除票's copies and forms were asked at its 転入通知): the 表示 must
                # come back with them (4.1.1.2 R002, 3.4 R001).
                self._come_back(data, atena)

    @precondition(lambda self: bool(list(self.world.removed())))
    @rule(data=st.data())
    def act_on_removed(self, data: st.DataObject) -> None:
        """A 転居 of a 除票: the エラー E006 (4.0.1 R001); a 転入 with its 個人番号 as a new person: E004 (4.1.1.2
        R001); and, of a 転出's 除票, the 再転入 under its 宛名番号 (R002). All of them, not one drawn: each is met
        wherever a 除票 is."""
        row = data.draw(st.sampled_from(sorted(self.world.removed(), key=lambda row: row["宛名番号"])))
        request: dict[str, Any] = {"宛名番号": [row["宛名番号"]], "住所": {"住所_町字": "栄町"}, **self._dates(data)}
        self._step("moves.within", request, f"moves.within({self._p(row['宛名番号'])}, a 除票)")
        person = {**self._person(0, False, "1980-04-01"), "個人番号": row.get("個人番号", "")}
        request = {"区分": "国内転入", "persons": [person], **self._dates(data)}
        self._step("moves.in", request, f"moves.in(個人番号 of {self._p(row['宛名番号'])})")
        if row["宛名番号"] in self._returnable():
            self._come_back(data, row["宛名番号"])

    @precondition(lambda self: bool(self._returnable()))
    @rule(data=st.data(), days=_DAYS)
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

    def teardown(self) -> None:
        """Every person and 世帯 of the example, on every path, once more."""
        if not self.world.persons or self._failed:
            return
        self._compare_all()
        self._protection(None)
        # Its persons are left as they are: the export is reconciled with every example once, after the run.
        self.session.finished.append((tuple(self.steps), self.world))

    def _compare_all(self) -> None:
        """Every person and 世帯 of the example on every path, the unknown 宛名番号, one printed 住民票の写し."""
        if not self._judges(READS):
            return
        breaches = [b for atena in self.world.persons for b in self.session.paths.compare_person(self.world, atena)]
        breaches += [b for setai in self.world.households() for b in self.session.paths.compare_household(
            self.world, setai)]
        breaches += self.session.paths.unknown(UNKNOWN)
        # The printed 住民票の写し of one 住民 no 支援措置 names, once an example (a PDF read costs tens of ms).
        breaches += self._form(next((a for a in sorted(self.world.current()) if self.world.protected(a) is False), ""),
                               printed=True)
        self.session.exercised |= {r.LATEST_ROW, r.PROVIDED, r.DESTINATION}
        self._check(breaches, READS)

    # -- one step -------------------------------------------------------------------------------------

    _failed = False
    _swept = False

    def _step(self, operation: str, request: dict[str, Any], shown: str) -> None:
        """Call the operation, judge it against the model's transition, adopt what the vendor wrote."""
        outcome = transition(self.world, operation, request)
        named = self._named(outcome)
        before = {atena: list(self.world.history(atena)) for atena in named}
        lengths = {atena: len(rows) for atena, rows in self.world.persons.items()}
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        status, document = self._call(operation, request, shown)
        if isinstance(outcome, Refusal):
            self.session.exercised |= {outcome.requirement, r.REFUSAL_EXPLAINED}
            self._check(judge_refusal(outcome, status, document), STEP)
            if self._judges(STEP):
                self._check([b for atena in named for b in self._unchanged(atena, before[atena])], STEP)
            return
        self._check(judge_committed(status, document, _first_requirement(outcome)), STEP)
        if outcome.requirement is not None:
            self.session.exercised.add(outcome.requirement)
        self._commit(outcome, before, document)
        changed = [atena for atena, rows in self.world.persons.items() if len(rows) > lengths.get(atena, 0)]
        if self._judges(DIFF):
            self._check(list(self.session.paths.changed_since(stamp, changed)), DIFF)
            self.session.exercised.add(r.DIFFERENCES)
        # The 支援対象者 first: a mark missing on their linkage answer is 3.4's breach before it is 7.2.3's.
        # The 支援対象者 the step touched are asked for on the forms too (the 閲覧用 list, a read of the town's whole
        # 町字, at the end of the example only).
        touched = [*changed, *(atena for atena in outcome.marks if atena not in changed)]
        self._protection(touched)
        self._compare(touched)

    def _protection(self, touched: Collection[str] | None) -> None:
        """Every person a 支援措置 protects today, asked for every way the paths give them out (3.4); the forms for
        those a step ``touched``, and at the end of an example (None) everyone on every output."""
        judged = protected_today(self.world)
        if not judged or self.session.paths.linkage is None or not self._judges(PROTECTION):
            return  # (no linkage API: no copy to ask for)
        self._check(list(self.session.paths.protection(self.world, touched)), PROTECTION)
        self.session.exercised |= {requirement for _, requirement in judged}

    def _commit(self, outcome: Commit, before: Mapping[str, list[dict[str, str]]], document: Any) -> None:
        judged = self.session.paths.judged
        breaches: list[Breach] = []
        # One read of each person's history after the step: judged, then adopted as it was judged (no
        # write comes between; reading again cost a third of the machine's requests).
        reads: dict[str, list[dict[str, str]]] = {}

        def history(atena: str) -> list[dict[str, str]]:
            if atena not in reads:
                reads[atena] = self.session.paths.history(atena)
            return reads[atena]

        listed = _listed(document)
        kept = [Breach(r.RETURNING, "model.number_not_kept", "a 再転入者 should keep the 宛名番号 of their 除票",
                       "/persons/宛名番号", "the 除票's 宛名番号", "another 宛名番号" if listed else "none listed")
                for atena in outcome.returning if atena not in listed]
        self._check(kept, STEP)
        self.session.exercised |= {r.RETURNING} if outcome.returning else set()
        for atena, rules in outcome.rows.items():
            after = history(atena)
            breaches += judge_history(rules, before[atena], after, judged, self.world)
            self._exercise(rules)
        for atena, rule_ in outcome.optional.items():
            after = history(atena)
            rules = (rule_,) if len(after) > len(before[atena]) else ()
            breaches += judge_history(rules, before[atena], after, judged, self.world)
        new = [item for item in listed if item not in outcome.rows][-len(outcome.new):] if outcome.new else []
        if len(new) != len(outcome.new):
            breaches.append(Breach(r.DESTINATION, "model.new_persons", "the answer should list the new persons",
                                   "/persons", str(len(outcome.new)), str(len(new))))
        for atena, rule_ in zip(new, outcome.new, strict=False):
            breaches += judge_history((rule_,), [], history(atena), judged, self.world)
            self._exercise((rule_,))
        for atena, rule_ in outcome.marks.items():
            breaches += judge_marked(rule_, before[atena], history(atena), judged, self.world)
            self._exercise((rule_,))
        breaches += self._split_number(outcome, history)
        self._check(breaches, STEP)
        for atena in [*outcome.rows, *outcome.optional]:
            self.world.adopt(atena, history(atena)[len(before[atena]):])
        for atena in new:
            self._adopt_new(atena, history(atena))
        for atena in outcome.marks:
            self.world.rewrite(atena, history(atena))
        if outcome.measure is not None:
            self.world.measures[outcome.measure[0]] = outcome.measure[1]

    def _split_number(self, outcome: Commit, history: Callable[[str], list[dict[str, str]]]) -> list[Breach]:
        """A 世帯分離's persons share the one new 世帯番号 (4.1.4.1 R001)."""
        split = [atena for atena, rules in outcome.rows.items() if any("世帯番号" in x.numbers for x in rules)]
        numbers = {(history(atena) or [{}])[-1].get("世帯番号", "") for atena in split}
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
        if not self._judges(READS):
            return
        breaches: list[Breach] = []
        households = set()
        persons = list(persons)
        for atena in persons:
            breaches += self.session.paths.compare_person(self.world, atena)
        # One person a step is searched for (a 支援対象者 first), by one search a step in turn: a search scans the
        # vendor's whole town, a few times the cost of the other reads together; every person a step changes and
        # both searches are met over the examples.
        searched = sorted(persons, key=lambda atena: self.world.protected(atena) is not True)[:1]
        for atena in searched:
            search = self._search_for(atena)
            breaches += self.session.paths.compare_search(self.world, atena, (search,))
            self._searched(atena, search)
            breaches += self._form(atena, printed=False)
            households.add(self.world.latest(atena).get("世帯番号", ""))
            households.update(row.get("世帯番号", "") for row in self.world.history(atena)[-2:])
        for setai in sorted(households - {""}):
            breaches += self.session.paths.compare_household(self.world, setai)
        self.session.exercised |= {r.LATEST_ROW, r.PROVIDED, r.DESTINATION}
        self._check(breaches, READS)

    def _form(self, atena: str, *, printed: bool) -> list[Breach]:
        """The 住民票の写し of a 住民 no 支援措置 names against the model: its data, or as printed (5.1 R003)."""
        forms = self.session.paths.forms
        if forms is None or not atena or not self.world.is_current(atena) or self.world.protected(atena) is not False:
            return []
        if printed:
            self.session.exercised.add(r.FORM_ITEMS)
            return list(forms.compare_printed(self.world, atena))
        breaches = list(forms.compare_data(self.world, atena))
        if forms.offered:
            self.session.exercised.add(r.FORM_ITEMS)
        return breaches

    def _search_for(self, atena: str) -> str:
        """The search a step asks for ``atena``: the フリガナ's when the step changed it (a search that still
        holds the former one is met where it matters), else one search a step in turn."""
        rows = self.world.history(atena)
        if len(rows) >= 2 and rows[-1].get("氏名_フリガナ") != rows[-2].get("氏名_フリガナ"):
            return KANA_SEARCH
        return SEARCHES[len(self.steps) % len(SEARCHES)]

    def _searched(self, atena: str, search: str) -> None:
        """The requirements a search of ``atena`` judged (``Paths.compare_search``)."""
        if search not in self.session.paths.searches:
            return
        self.session.exercised.add(r.KANA_SEARCH if search == KANA_SEARCH else r.BASIC_SEARCH)
        if search == KANA_SEARCH and self.world.protected(atena) is True:
            self.session.exercised.add(r.DV_REFUSED)

    def _exercise(self, rules: Iterable[Any]) -> None:
        for rule_ in rules:
            self.session.exercised |= {allowed.requirement for allowed in rule_.sets.values()}
            self.session.exercised |= {r.KEEP_ALL, r.HISTORY_KEY} | ({r.NUMBERING} if rule_.numbers else set())

    def _judges(self, family: str) -> bool:
        """Whether this example judges the comparison ``family``: every one, but while Hypothesis shrinks a
        failure only the one that found it (``Session.family``)."""
        return not self.session.failures or self.session.family == family

    def _check(self, breaches: Sequence[Breach], family: str) -> None:
        if breaches and self._judges(family):
            self._fail(breaches, family)

    def _fail(self, breaches: Sequence[Breach], family: str) -> None:
        self._failed = True
        if self.session.family is None:
            self.session.family = family
        failure = ModelBreach(breaches, len(self.steps))
        self.session.failures.append((tuple(self.steps), failure))
        raise failure

    # -- helpers ---------------------------------------------------------------------------------------

    def _call(self, operation: str, request: Mapping[str, Any], shown: str) -> tuple[int, Any]:
        self.steps.append(f"{len(self.steps) + 1}. {shown} @ {self.today.isoformat()}")
        return self.session.paths.driver.call(operation, request)

    def _adopt_new(self, atena: str, rows: list[dict[str, str]] | None = None) -> None:
        """Label a new person and adopt their history (``rows``: as just read, else read now)."""
        self.labels.setdefault(atena, f"p{len(self.labels) + 1}")
        rows = self.session.paths.history(atena) if rows is None else rows
        self.world.adopt(atena, rows[len(self.world.history(atena)):])

    def _named(self, outcome: Outcome) -> list[str]:
        if isinstance(outcome, Commit):
            return [*outcome.rows, *outcome.optional, *outcome.marks]
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

    def _returnable(self) -> list[str]:
        """The 除票 of a 転出 (its 転入通知 received or not) whose person may come back: a 再転入."""
        return sorted(a for a in self.world.persons if self.world.latest(a).get("住民状態") == r.MOVED_OUT)

    def _with_members(self, count: int) -> list[str]:
        return [setai for setai in self.world.households() if len(self.world.members(setai)) >= count
                and self.world.head(setai) is not None]

    def _unprotected(self) -> list[str]:
        """住民 no 支援措置 names (one measure a person: 1.1.16 keeps one record per 申出者)."""
        return sorted(a for a in self.world.current() if self.world.protected(a) is False)

    def _protected_residents(self) -> list[str]:
        return sorted(a for a in self.world.current() if self.world.protected(a) is True)

    def _support_actions(self) -> list[str]:
        """What the ``support`` rule may do now, as the adapter implements it."""
        optional = self.session.optional
        return [action for action, operation, persons in (
            ("申出", "support.register", self._unprotected), ("延長", "support.update", self._extensible),
            ("終了", "support.update", self._endable)) if operation in optional and persons()]

    def _extensible(self) -> list[str]:
        """申出者 whose 支援措置 may be extended today (3.4 R004: from one month before its end, through it)."""
        return sorted(a for a, m in self.world.measures.items() if m.ended is None
                      and extension_window(m.end)[0] <= self.session.today <= m.end)

    def _endable(self) -> list[str]:
        return sorted(a for a, m in self.world.measures.items() if m.ended is None)

    def _named_tsusho(self) -> list[str]:
        return sorted(a for a in self.world.current() if self.world.latest(a).get("通称"))

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


#: The dates of a request of ``future_dated``.
Dates = dict[str, str]


def _future_within(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, **dates}


def _future_in(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"区分": "国内転入", "persons": [machine._person(0, False, "1980-04-01")], **dates}


def _future_out(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": dates["処理日"],
            "届出年月日": dates["届出年月日"], "処理日": dates["処理日"]}


def _future_birth(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    setai = machine.world.latest(atena).get("世帯番号", "")
    person = {**machine._person(2, False, dates["異動日"]), "続柄": "子"}
    for item in ("住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日"):
        person.pop(item, None)
    return {"世帯番号": setai, "person": person, "届出年月日": dates["届出年月日"], "処理日": dates["処理日"]}


def _future_death(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": atena, "異動日": dates["異動日"], "通知年月日": dates["処理日"], "処理日": dates["処理日"]}


def _future_split(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "続柄": ["世帯主"], **dates}


def _future_merge(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    setai = machine.world.latest(atena).get("世帯番号", "")
    return {"宛名番号": [atena], "世帯番号": setai, "続柄": ["同居人"], **dates}


def _future_head(machine: JuminModelMachine, atena: str, dates: Dates) -> dict[str, Any]:
    return {"世帯番号": machine.world.latest(atena).get("世帯番号", ""), "宛名番号": atena, **dates}


def _common_february_29(today: date) -> str:
    """The latest 2月29日 of a common year whose 3月1日 is not after ``today``: a non-calendar day that
    would otherwise be a past one (so only its being no calendar day can refuse it)."""
    year = today.year if (today.month, today.day) >= (3, 1) else today.year - 1
    while calendar.isleap(year):
        year -= 1
    return f"{year}-02-29"


#: 4.1.0.2 R003 (届出日 only up to the 処理日) is of 4.1's 届出; a 出生 and a 死亡 are 4.2's (戸籍の届出, 通知): the
#: text does not say whether their 届出日 may be later, so the machine never sends one.
_NO_NOTIFIED = frozenset({"births", "deaths"})
#: Each operation with each date field it takes, the 出生 first (it adds a person) and the 死亡 last (it takes
#: one away). A 転出 sends no 異動日 (its 転出予定年月日 is the 処理日): its 届出日 only.
_NON_CALENDAR_CASES = (("births", "異動日"), *((operation, field_) for operation in _FUTURE_OPERATIONS
                                               if operation not in {"births", "deaths"}
                                               for field_ in ("異動日", "届出年月日")
                                               if not (operation == "moves.out" and field_ == "異動日")),
                       ("deaths", "異動日"))
#: A request of each operation that takes a 異動日 or 届出日, for one current person and the dates given
#: (one of them after the 処理日). A 死亡 has no 届出日 (a 通知): its 異動日 only.
_FUTURE = {"moves.within": _future_within, "moves.in": _future_in, "moves.out": _future_out,
           "births": _future_birth, "deaths": _future_death, "households.split": _future_split,
           "households.merge": _future_merge, "households.head": _future_head}


def _listed(document: Any) -> list[str]:
    persons = document.get("persons") if isinstance(document, dict) else None
    return [as_row(p).get("宛名番号", "") for p in persons if isinstance(p, dict)] if isinstance(persons, list) else []


def _first_requirement(outcome: Commit) -> str:
    if outcome.requirement is not None:
        return outcome.requirement
    for rules in [*outcome.rows.values(), outcome.new]:
        for rule_ in rules:
            return r.REASONS.get(rule_.reason, r.CANCEL_KIND)
    return r.DESTINATION


def _address(row: Mapping[str, str]) -> str:
    return "".join(row.get(item, "") for item in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記"))


def _kanji(serial: int) -> str:
    return "".join(_DIGITS[int(digit)] for digit in str(serial))

