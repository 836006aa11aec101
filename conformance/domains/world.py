"""One world across domains (issue 46 item 3): 住民記録 異動 driven through the driver, and after every step the
per-person answers of the statute domains compared with each domain's oracle fed from the model of 住民記録.

The statute domains are judged one by one elsewhere (``domains/<slug>/checks.py``: generated persons appended
as migration rows, one question each). Here the persons live: :class:`WorldMachine` is the 住民記録 model's
state machine (``domains/jumin/model/machine.py``: its rules, its strategies, its judging of each step against
the model), and after every committed step it asks the per-person query (``GET /residents/{宛名番号}/
qualifications``) of every person the step changed, on the step's 処理日 and on the day their address in the
town ended (the day a move-day reading differs), and compares the parts of the answer that follow a 異動 with
the domains' oracles:

- 介護保険 (介護保険法 第9条〜第11条): ``第1号被保険者`` on the day, ``資格取得日``, ``資格喪失日``
  (:mod:`conformance.domains.kaigo.oracle`);
- 国民健康保険 (国民健康保険法 第6条第8号, 第7条, 第8条): ``被保険者`` on the day, ``取得日``, ``喪失日``
  (:mod:`conformance.domains.kokuho.oracle`);
- 選挙人名簿 (公職選挙法 第9条): ``選挙権_国政`` and ``選挙権_地方`` on the day
  (:mod:`conformance.domains.senkyo.oracle`);
- and the others of :data:`PARTS` (個人住民税, 児童手当, 就学, 後期高齢者医療, 国民年金, 健康管理: each against its
  domain's oracle; the table in docs/model.md);
- the 戸籍の附票 of a drawn person given a 戸籍 when made (:mod:`conformance.domains.world_fuhyo`).

The oracle is fed from the model's state (:func:`scenario_of`): the person's rows as the model judged and adopted
them, read as the shared :class:`~conformance.checks.scenarios.Scenario` the domain checks use, and through the
same :func:`~conformance.checks.scenarios.history` into the oracles' address history. Readings (ours): the stay
runs from 住民となった年月日 to the 死亡's 異動日, or to a 転出's 転出予定年月日 or the earlier 転入日 of its 転入通知;
a 転入通知 received means an address in another municipality from its 転入日 (住民基本台帳法 第9条第1項: the
notice comes from that municipality). A person whose model the oracles cannot take is not judged at that step
(:func:`scenario_of` says which): a 生年月日 不詳 or no calendar day, a stay ending before it began, a record a
取消し restored, a 再転入 dated on or before the stay before ended. A person who came back (a 再転入 under the 除票's
宛名番号, 4.1.1.2 R002) is fed the new stay, the earlier ones before it (issue 66 item 3; docs/model.md, "Several
stays"): the 再転入 is sent with its 転入前住所 (:meth:`WorldMachine._whence`) and the day before it asked
(:meth:`WorldMachine._returned_days`), and days of the earlier stay: its
last day and one inside it, whose 資格 are that stay's (:meth:`Seen.on`).

To keep the machine's cost to the domains, the 住民記録 read paths the model's own check judges after every
step (the 異動差分, the 支援対象者 on every output, the person's and 世帯's read paths) are not read again here
(``model.jumin.state_machine`` judges them); each step's own answer and history are (the model must hold what
the oracles are fed). Two rules of its own make the persons whose domains a 異動 changes most (the model's births
are mostly of working age): a 世帯 of one person reaching 18, 65 or 75 about the 処理日, and a 転出 of a person of 65 or
more with its 転入通知 at once (the ただし書's day). A 出入国在留管理庁長官通知 (法第30条の50, ``moj_notices``) of a
中長期在留者 is drawn too (:meth:`WorldMachine.stay_notice`, :meth:`WorldMachine.foreign_household`): a 在留期間の更新,
after which nothing of a 資格 may end, or the 住民票's 消除, which ends the stay on its 異動日 (:func:`scenario_of`).

Before the drawn examples, :func:`conformance.domains.world_run.fixed_corpus` plays the fixed corpus
(:mod:`conformance.domains.world_corpus`: a
転居 of a person with a 戸籍, moves on the day before, of and after 4月1日 and 1月1日, a 死亡, each age a part turns
on reached about the day asked), the same at every seed; a FAIL lists each distinct way the answers differ
(``feed.distinct_ways``). After the drawn examples, :func:`naturalized` runs a 帰化 through the domains, and
:func:`protected_copies` judges the DV rule across domains: the 戸籍の附票の写し of a 戸籍 with a person under
支援措置 is refused or leaves them out, as 住民記録 refuses their 住民票の写し (our reading of 3.4 R001 through
住民基本台帳法 第20条第5項; the reference's other domain outputs and why they are not judged: docs/model.md).

The check ``model.world.domains`` (registered in :mod:`conformance.domains.feed`, beside the load that stands in for
the driver of a statute vendor without one: issue 64) runs the machine once a run
(:func:`conformance.domains.world_run.world_result`) and reports
each breach against the requirement of its field (bound beside the domains' own checks: docs/model.md, "One world
across domains").

This module is the machine; its run (the fixed corpus, the draws, the fixed examples after them, the outcome kept
once a run) is :mod:`conformance.domains.world_run`, above it. Below it, each in a module of its own (issue 70): the
persons as the oracles are fed from the model's state (:mod:`conformance.domains.world_seen`), the comparison of one
domain's part of the answer (:mod:`conformance.domains.world_compare`), and each domain's part with its expected
values and the requirement of each field (:mod:`conformance.domains.world_parts`). The names of those modules tests
and callers import from here are kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from conformance.checks.scenarios import ask_person, other_codes
from conformance.checks.statute_forms import issue_printed
from conformance.domains import world_fuhyo
from conformance.domains.jido_teate import oracle as jido
from conformance.domains.jumin.model.admin import Acting
from conformance.domains.jumin.model.machine import _DAYS, JuminModelMachine, offered
from conformance.domains.jumin.model.step_requests import _support_request
from conformance.domains.jumin.model.steps import DIFF, PROTECTION, READS, Session
from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.jumin.oracles.model.rules import MOVED_OUT
from conformance.domains.jumin.oracles.model.transitions import NEXT_ADDRESS
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.koseki_fuhyo import forms as fuhyo_forms
from conformance.domains.world_compare import Part, judge_answer
from conformance.domains.world_parts import KENKO_REQUIREMENTS as KENKO_REQUIREMENTS
from conformance.domains.world_parts import KENKO_RESIDENTS as KENKO_RESIDENTS
from conformance.domains.world_parts import PARTS, between_stays
from conformance.domains.world_parts import VACCINATION as VACCINATION
from conformance.domains.world_parts import expected_jido as expected_jido
from conformance.domains.world_parts import expected_jido_amounts as expected_jido_amounts
from conformance.domains.world_parts import expected_kaigo as expected_kaigo
from conformance.domains.world_parts import expected_kenko as expected_kenko
from conformance.domains.world_parts import expected_koki as expected_koki
from conformance.domains.world_parts import expected_kokuho as expected_kokuho
from conformance.domains.world_parts import expected_nenkin as expected_nenkin
from conformance.domains.world_parts import expected_voter as expected_voter
from conformance.domains.world_parts import read_kenko as read_kenko
from conformance.domains.world_seen import _MOVES_OUT, CLAIM_ITEM, _day, destination, seen_of
from conformance.domains.world_seen import JidoClaim as JidoClaim
from conformance.domains.world_seen import Seen as Seen
from conformance.domains.world_seen import jido_claim as jido_claim
from conformance.domains.world_seen import on_move_day as on_move_day
from conformance.domains.world_seen import scenario_of as scenario_of
from conformance.errors import TargetError
from conformance.oracles.dates import age_reached_on, fiscal_year_of, months_later
from conformance.targets.base import HttpClient
from conformance.testdata.town import TOWN_CODE

#: The comparison families of this machine (``ModelSteps._judges``): the domains' answers; the 写し of
#: :func:`protected_copies`.
DOMAINS, COPIES = "domains", "copies"
#: The 住民記録 comparisons the model's own check judges, not read again here.
_JUMIN_READS = frozenset({DIFF, PROTECTION, READS})
#: Where a 転出 goes: a municipality of the town's 都道府県, of another, or abroad (国外転出).
_WHERE = ("same", "other", "abroad")
#: The ages about which the machine makes a person of its own: 18 (選挙権), 20 and 60 (国民年金 第1号), 65 (介護保険
#: 第1号), 75 (後期高齢者医療; 国保 ends).
_AGES = (18, 20, 60, 65, 75)
#: The ages in months about which the machine makes a 子 (:meth:`WorldMachine.child_household`): the table's
#: rows of 予防接種法施行令 第3条第1項 (生後二月, 十二月, 二十四月, 三十六月, 六十月, 九十月; 九歳, 十一歳, 十三歳)
#: and 母子保健法 第12条第1項 (一歳六か月, 三歳, 四歳); 七十二月 (六歳) for the year before the 小学校就学の始期.
_CHILD_MONTHS = (2, 12, 18, 24, 36, 48, 60, 72, 90, 108, 132, 156)
#: What befalls the person the machine makes: a 死亡, or a 転出 (:data:`_WHERE`); the person stays until then (asked
#: once made) and stays in a 世帯 the other rules draw when the step is refused.
_THEN = ("dies", *_WHERE)
#: The day of a 世帯主's 児童手当 認定請求 (:meth:`WorldMachine._claim_day`), in days from the youngest 子's birth:
#: within the 15日 of 第8条第3項 or after, before a younger 子's birth; or none (第8条第1項).
_CLAIMED = st.none() | st.integers(-20, 40)
#: The 住民となった年月日 of the machine's persons (``steps._person``): no 請求 before it.
_CAME = date(2010, 4, 1)

#: How long before the last day of an earlier stay the machine asks a day of it after a 再転入
#: (:meth:`WorldMachine._returned_days`): a day inside the stay, away from the move day's readings.
_INSIDE = timedelta(days=45)

#: The 在留資格等コード a 在留期間の更新 may bring (this test data's codes: conformance/testdata/vocabulary.py); None:
#: the 在留資格 unchanged.
_STATUSES = (None, "14", "24", "26")


def ask(client: HttpClient, atena: str, as_of: date) -> dict[str, Any]:
    """The vendor's per-person answer of ``atena`` on ``as_of`` (its 年度)."""
    return ask_person(client, atena, fiscal_year_of(as_of), as_of)


@dataclass
class WorldSession:
    """What the cross-domain machine adds to the model's session: the per-person query, what it judged."""

    client: HttpClient
    #: The requirements whose field was compared at least once.
    compared: set[str]
    #: Persons a step changed and why they were not judged (the reason, counted).
    skipped: dict[str, int]
    #: Where the vendor takes a 戸籍 (the profile's ``targets.load.koseki_path``): the drawn persons' 附票
    #: (:mod:`conformance.domains.world_fuhyo`); None: not compared.
    koseki_path: str | None = None
    #: The parts of the per-person answer compared: those of the domains the profile claims (issue 64: a 介護-only
    #: product answers only 介護's part, and no other part is read or required of it).
    parts: tuple[Part, ...] = PARTS


class WorldMachine(JuminModelMachine):
    """The 住民記録 model's machine, each committed step followed by the domains' answers of the persons it changed."""

    world_session: WorldSession
    #: The 児童手当_請求年月日 of the 世帯主 of the 世帯 being made (:meth:`_person`); None: none.
    claim: date | None = None
    #: The fixed corpus's example being played (``world_run.fixed_corpus``): every step shown names it; None: drawn.
    example: str | None = None
    #: The 生年月日_不詳表記 of the first person of the 世帯 being made (:meth:`_person`; the fixed corpus's); None:
    #: a calendar 生年月日.
    unknown_birth: str | None = None

    def __init__(self) -> None:
        super().__init__()
        #: The 戸籍 given to the vendor in this example (:mod:`conformance.domains.world_fuhyo`).
        self.koseki_book = world_fuhyo.Book()

    def _judges(self, family: str) -> bool:
        if family in _JUMIN_READS:
            return False
        return super()._judges(family)

    def _call(self, operation: str, request: Mapping[str, Any], shown: str,
              acting: Acting | None = None) -> tuple[int, Any]:
        """The step as the model sends it, shown with the corpus's example it belongs to (a finding names it)."""
        return super()._call(operation, request, shown if self.example is None else f"{shown} [{self.example}]", acting)

    def _step(self, operation: str, request: dict[str, Any], shown: str, acting: Acting | None = None, *,
              logged: bool = True) -> None:
        lengths = {atena: len(rows) for atena, rows in self.world.persons.items()}
        if operation == "moves.in":
            request = self._whence(request)
        super()._step(operation, request, shown, acting, logged=logged)
        changed = [atena for atena, rows in self.world.persons.items() if len(rows) > lengths.get(atena, 0)]
        if self._judges(DOMAINS):
            self._koseki(operation, changed)
            self._check(list(self._domains(changed, self._returned_days(changed))), DOMAINS)

    def _whence(self, request: dict[str, Any]) -> dict[str, Any]:
        """A 再転入 (a person given the 宛名番号 of a 転出's 除票: 4.1.1.2 R002) from within Japan with its
        転入前住所 (the 転入届's 前住所): the municipality the 除票's 転入通知 named, or for a 国内転出 whose
        転入通知 never came the one :func:`world_seen.destination` reads (another 都道府県's),
        as the oracles read where the person lived between the stays (:func:`world_seen.scenario_of`). A 国外転出's
        person comes back with none (where they lived in Japan before is not known)."""
        persons = []
        for person in request.get("persons") or []:
            atena = person.get("宛名番号", "")
            row = self.world.latest(atena) if atena in self.world.persons else {}
            if row.get("住民状態") == MOVED_OUT and (row.get("異動事由区分") == "国内転出" or row.get(NEXT_ADDRESS)):
                person = {"転入前住所_市区町村コード": destination(row), **person}
            persons.append(person)
        return {**request, "persons": persons} if persons else request

    def _returned_days(self, persons: list[str]) -> tuple[date, ...]:
        """The days asked again of each of ``persons`` who came back (a 再転入): the day before the stay when it is a
        day of no address in the town (after the stay before: nobody's 被保険者 there, :func:`world_parts.
        between_stays`), and of each earlier stay in the town its last day and the day :data:`_INSIDE` before it
        (within the stay): the 資格 of a day of the first stay, asked after the return, is that stay's
        (:meth:`Seen.on`; a system keeping only the latest stay answers the new one)."""
        days: list[date] = []
        for atena in persons:
            seen = seen_of(self.world, atena)
            if isinstance(seen, str):
                continue
            if between_stays(seen.s, seen.s.moved_in - timedelta(days=1)):
                days.append(seen.s.moved_in - timedelta(days=1))
            for stay in seen.before:
                last = stay.s.moved_out
                if last is not None:
                    days += [last, max(stay.s.moved_in, last - _INSIDE)]
        return tuple(days)

    def household(self, size: int, foreign: int | None, births: list[str], *, unknown: bool,
                  headless: bool, relations: list[str] | None = None,
                  names: list[tuple[str, str]] | None = None, sent: Sequence[int] | None = None) -> list[str]:
        made = super().household(size, foreign, births, unknown=unknown, headless=headless, relations=relations,
                                 names=names, sent=sent)
        if self._judges(DOMAINS):  # the first member built (the 世帯主), wherever it was sent
            first = list(sent).index(0) if sent is not None and made else 0
            self._koseki("household", made[first:first + 1])
        return made

    def _koseki(self, operation: str, persons: list[str]) -> None:
        extra = self.world_session
        world_fuhyo.give(self.koseki_book, self.world, operation, persons, extra.client, extra.koseki_path,
                         extra.skipped)

    # -- the rules of its own: persons whose domains a 異動 changes most (the jumin machine's births are mostly
    # of working age) --------------------------------------------------------------------------------------

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(age=st.sampled_from(_AGES), offset=st.integers(-40, 40), foreign=st.booleans(),
          then=st.sampled_from(_THEN), days=st.integers(0, 60), earlier=st.integers(0, 3))
    def elder_household(self, age: int, offset: int, foreign: bool, then: str, days: int, earlier: int) -> None:
        """A 世帯 of one person who reaches 18 (選挙権), 20 or 60 (国民年金 第1号), 65 (介護 第1号) or 75 (国保 ends:
        後期高齢者医療) about the 処理日, made as the machine makes its 世帯 (``household``), their domains asked at
        once; and then, ``days`` later, maybe their 死亡 or 転出 (:meth:`_moves_on`): the 異動 whose days the domains'
        rules turn on, met with a person of the age they are about."""
        born = _years_before(self.today, age) + timedelta(days=offset)
        made = self.household(1, 0 if foreign else None, [born.isoformat()] * 3, unknown=False, headless=False)
        self._check(list(self._domains(made)), DOMAINS)
        if not made or made[0] not in self.world.current():
            return
        if then != "dies":
            self._moves_on(made[0], days, earlier, then, f"{age}")
            return
        if not self._offers("deaths"):
            return  # not declared: the person made is judged, the 死亡 is not drawn
        self._advance(days)
        request = {"宛名番号": made[0], "異動日": self.today.isoformat(), "通知年月日": self.today.isoformat(),
                   "処理日": self.today.isoformat()}
        self._step("deaths", request, f"deaths({self._p(made[0])}, {self.today.isoformat()}, {age})")

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(born=st.sampled_from(((3, 31), (4, 1), (4, 2))), younger=st.sampled_from((None, 6, 12, 15)),
          claimed=_CLAIMED)
    def family_at_eighteen(self, born: tuple[int, int], younger: int | None, claimed: int | None) -> None:
        """A 世帯 of a 世帯主 and a 子 who reaches 18 this year about 4月1日 (and maybe a younger 子 reaching 6, 12 or
        15 then: 学校教育法 第17条), the 世帯主 asked on the 処理日, on the 子's last day as a 児童 and the day after
        (児童手当法 第3条第1項: the first 3月31日 after 18 is reached; born on 4月1日, 18 is reached on 3月31日); the
        世帯主's 児童手当 認定請求 ``claimed`` days from the youngest 子's birth (:meth:`_claim_day`)."""
        child = date(self.today.year - 18 + (self.today > date(self.today.year, 3, 31)), *born)
        births = [_years_before(child, 30).isoformat(), child.isoformat()]
        if younger is not None:
            births.append(_years_before(child, younger - 18).isoformat())
        self.claim = self._claim_day(claimed, [date.fromisoformat(day) for day in births[1:]])
        try:
            made = self.household(len(births), None, births, unknown=False, headless=False,
                                  relations=["世帯主", "子", "子"])
        finally:
            self.claim = None
        end = jido.child_end_date(child)
        self._check(list(self._domains(made, (end, end + timedelta(days=1)))), DOMAINS)

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(months=st.sampled_from(_CHILD_MONTHS), offset=st.integers(-40, 40), then=st.sampled_from((None, *_WHERE)),
          days=st.integers(0, 60), claimed=_CLAIMED, together=st.booleans())
    def child_household(self, months: int, offset: int, then: str | None, days: int, claimed: int | None,
                        together: bool) -> None:
        """A 世帯 of a 世帯主 and a 子 (女: the machine's second member) about ``months`` 月 of age on the
        処理日, an age a row of 予防接種法施行令 第3条第1項の表 or 母子保健法 第12条第1項 turns on, asked at once;
        and then maybe the 子's 転出 (:meth:`_moves_on`; ``together``: the 世帯's, :meth:`_family_leaves`) ``days``
        later, the 子 asked again two days after the stay's last day (the day and the next are open to either reading
        of 当該市町村の区域内に居住する者: :func:`kenko.is_resident_on`); the 世帯主's 児童手当 認定請求 ``claimed``
        days from the birth."""
        born = months_later(self.today, -months) + timedelta(days=offset)
        self.claim = self._claim_day(claimed, [born])
        try:
            made = self.household(2, None, [_years_before(born, 30).isoformat(), born.isoformat()], unknown=False,
                                  headless=False, relations=["世帯主", "子"])
        finally:
            self.claim = None
        self._check(list(self._domains(made)), DOMAINS)
        if then is None or len(made) < 2 or made[1] not in self.world.current():
            return
        if together and made[0] in self.world.current():
            self._family_leaves(made, days, then, f"{months}月")
        else:
            self._moves_on(made[1], days, 0, then, f"{months}月")
        after = self.today + timedelta(days=2)
        self._check(list(self._domains(made[1:], (after,))), DOMAINS)

    def _family_leaves(self, made: list[str], days: int, where: str, shown: str) -> None:
        """The 世帯 (the 世帯主 with the 子) leaving in one 転出 ``days`` later and, within Japan, the 転入通知 of the
        子 and then of the 世帯主, the 転入日 the 転出予定年月日: the 受給者 of 児童手当 asked again once every 除票
        can be made (第8条第2項: the month the 事由 ended stays the 支給終了月). Each where the adapter declares it."""
        if not self._offers("moves.out"):
            return
        self._advance(days)
        today = self.today.isoformat()
        request: dict[str, Any] = {"宛名番号": list(made), "区分": "国外転出" if where == "abroad" else "国内転出",
                                   "転出予定年月日": today, "届出年月日": today, "処理日": today}
        self._step("moves.out", request, f"moves.out({request['区分']}, {self._ps(made)}, {shown})")
        for atena in reversed(made):
            if where == "abroad" or atena not in self._pending() or not self._offers("moves.out_confirm"):
                continue
            notice = {"宛名番号": atena, "転入年月日": today, "通知年月日": today, "処理日": today,
                      NEXT_ADDRESS: self._code(where, atena)}
            self._step("moves.out_confirm", notice,
                       f"moves.out_confirm({self._p(atena)}, 転入日-0d{self._where(notice)})")

    def _claim_day(self, claimed: int | None, children: list[date]) -> date | None:
        """The 認定請求 of a 世帯主 made with ``children``: ``claimed`` days after the youngest's birth (before it,
        when negative), kept on or after the eldest's birth and the day the 世帯主 came (no 請求 without a 児童, or
        to a town not lived in) and not after the 処理日; None: no 請求."""
        if claimed is None:
            return None
        day = max(children) + timedelta(days=claimed)
        return min(max(day, min(children), _CAME), self.today)

    def _person(self, index: int, foreign: bool, born: str) -> dict[str, str]:
        """The machine's person; the 世帯主 (the first) of a 世帯 made with a 認定請求 (:attr:`claim`) given it, or a
        生年月日 不詳 (:attr:`unknown_birth`)."""
        person = super()._person(index, foreign, born)
        if index == 0 and self.claim is not None:
            person[CLAIM_ITEM] = self.claim.isoformat()
        if index == 0 and self.unknown_birth is not None:
            person.update({"生年月日": "", "生年月日_不詳フラグ": "1", "生年月日_不詳表記": self.unknown_birth})
        return person

    @precondition(offered("moves.out"))
    @precondition(lambda self: bool(self._elders()))
    @rule(data=st.data(), days=_DAYS, earlier=st.integers(0, 3), where=st.sampled_from(_WHERE))
    def elder_moves_on(self, data: st.DataObject, days: int, earlier: int, where: str) -> None:
        """A 転出 of a person of 65 or more and, within Japan, its 転入通知 at once, the 転入日 on or before the
        転出予定年月日 (介護保険法 第11条第1項ただし書, 国民健康保険法 第8条第1項ただし書: the 資格 ends on the move day
        itself; 高齢者の医療の確保に関する法律 第53条第1項ただし書 only where the new address is in another
        都道府県)."""
        self._moves_on(data.draw(st.sampled_from(self._elders()), label="転出者"), days, earlier, where, "65+")

    @precondition(offered("moves.out"))
    @precondition(lambda self: bool(self._movers()))
    @rule(data=st.data(), days=_DAYS, earlier=st.integers(0, 3), where=st.sampled_from(_WHERE))
    def moves_on(self, data: st.DataObject, days: int, earlier: int, where: str) -> None:
        """The same move of a resident under 65 (国民年金法 第9条第2号: 喪失 only on a 転出 abroad)."""
        self._moves_on(data.draw(st.sampled_from(self._movers()), label="転出者"), days, earlier, where, "<65")

    @precondition(lambda self: len(self.world.households()) < 4)
    @rule(age=st.sampled_from(_AGES), offset=st.integers(-40, 40), days=st.integers(0, 60),
          removed=st.booleans(), years=st.integers(1, 5), status=st.sampled_from(_STATUSES), earlier=st.integers(0, 3))
    def foreign_household(self, age: int, offset: int, days: int, removed: bool, years: int, status: str | None,
                          earlier: int) -> None:
        """A 世帯 of one 中長期在留者 about an age of :data:`_AGES` (as :meth:`elder_household` makes one), asked at
        once; then, ``days`` later, a 法第30条の50 通知 of them (:meth:`_notice`)."""
        born = _years_before(self.today, age) + timedelta(days=offset)
        made = self.household(1, 0, [born.isoformat()] * 3, unknown=False, headless=False)
        self._check(list(self._domains(made)), DOMAINS)
        if made and made[0] in self._foreigners():
            self._advance(days)
            self._notice(made[0], removed, years, status, earlier)

    @precondition(offered("moj_notices"))
    @precondition(lambda self: bool(self._foreigners()))
    @rule(data=st.data(), days=_DAYS, removed=st.booleans(), years=st.integers(1, 5),
          status=st.sampled_from(_STATUSES), earlier=st.integers(0, 3))
    def stay_notice(self, data: st.DataObject, days: int, removed: bool, years: int, status: str | None,
                    earlier: int) -> None:
        """A 法第30条の50 通知 (:meth:`_notice`) of a 中長期在留者 of the world (of a 世帯 of any size)."""
        self._advance(days)
        self._notice(data.draw(st.sampled_from(self._foreigners()), label="外国人住民"), removed, years, status,
                     earlier)

    def _notice(self, atena: str, removed: bool, years: int, status: str | None, earlier: int) -> None:
        """A 出入国在留管理庁長官通知 (住民基本台帳法 第30条の50; driver ``moj_notices``, 4.5.6 R001): a 在留期間の更新
        (the 在留期間の満了の日 ``years`` later, maybe another 在留資格 ``status``: no 資格 of any domain ends; the
        person also asked the day after the former 満了の日), or the 住民票's 消除 dated ``earlier`` days before the
        処理日 (the address in the town ends that day: each domain's 喪失 as after a 国外転出; readings ours). Not
        sent where the adapter does not declare ``moj_notices``."""
        if not self._offers("moj_notices"):
            return
        today = self.today.isoformat()
        request: dict[str, Any] = {"宛名番号": atena, "items": {}, "通知年月日": today, "処理日": today}
        if removed:
            request.update({"消除": True, "異動日": (self.today - timedelta(days=earlier)).isoformat()})
            self._step("moj_notices", request, f"moj_notices(消除, {self._p(atena)}, 異動日-{earlier}d)")
            return
        ending = _day(self.world.latest(atena).get("在留期間の満了の日"))
        if ending is None:
            return
        renewed = _years_before(ending, -years)
        request["items"] = {"在留期間の満了の日": renewed.isoformat(), "在留期間等コード_年": str(years),
                            **({"在留資格等コード": status} if status is not None else {})}
        rows = len(self.world.history(atena))
        self._step("moj_notices", request, f"moj_notices(更新, {self._p(atena)}, 満了 {renewed.isoformat()})")
        if len(self.world.history(atena)) > rows and self._judges(DOMAINS):  # committed: the former 満了の日 passed
            self._check(list(self._domains([atena], (ending + timedelta(days=1),), usual=False)), DOMAINS)

    def _foreigners(self) -> list[str]:
        """中長期在留者 (a 在留期間 recorded) among the 住民 with a calendar 生年月日, none awaiting a 転出's day."""
        return [atena for atena in self._born() if self.world.latest(atena).get("住民種別") == "2"
                and self.world.latest(atena).get("在留期間の満了の日")
                and self.world.latest(atena).get("異動事由区分") not in _MOVES_OUT]

    def _moves_on(self, atena: str, days: int, earlier: int, where: str, shown: str) -> None:
        if not self._offers("moves.out"):
            return  # not declared: the person is judged where they are
        self._advance(days)
        today = self.today.isoformat()
        abroad = where == "abroad"
        request: dict[str, Any] = {"宛名番号": [atena], "区分": "国外転出" if abroad else "国内転出",
                                   "転出予定年月日": today, "届出年月日": today, "処理日": today}
        self._step("moves.out", request, f"moves.out({request['区分']}, {self._p(atena)}, {shown})")
        if abroad or atena not in self._pending() or not self._offers("moves.out_confirm"):
            return
        arrived = (self.today - timedelta(days=earlier)).isoformat()
        request = {"宛名番号": atena, "転入年月日": arrived, "通知年月日": today, "処理日": today,
                   NEXT_ADDRESS: self._code(where, atena)}
        self._step("moves.out_confirm", request,
                   f"moves.out_confirm({self._p(atena)}, 転入日-{earlier}d{self._where(request)})")

    def _destination(self, data: st.DataObject, atena: str) -> dict[str, str]:
        """The 転出先住所（確定） of a 国内転出's 転入通知: a municipality of the town's 都道府県 (one 広域連合:
        後期高齢者医療 goes on) or of another."""
        return {NEXT_ADDRESS: self._code(data.draw(st.sampled_from(_WHERE[:2]), label="転出先"), atena)}

    def _code(self, where: str, atena: str) -> str:
        """A municipality of the person's 都道府県 (``same``) or of another."""
        same, other = other_codes(self.world.latest(atena).get("住所_市区町村コード", "") or TOWN_CODE)
        return same if where == "same" else other

    def _pending(self) -> list[str]:
        """The 国内転出 awaiting their 転入通知 (a 国外転出's never comes: no municipality abroad sends one)."""
        return [atena for atena in super()._pending() if self.world.latest(atena).get("異動事由区分") == "国内転出"]

    def _elders(self) -> list[str]:
        """住民 of 65 or more on the 処理日 (a calendar 生年月日)."""
        return [atena for atena, day in self._born().items()
                if age_reached_on(day, kaigo.FIRST_INSURED_AGE) <= self.today]

    def _movers(self) -> list[str]:
        """住民 under 65 on the 処理日 with a calendar 生年月日 (the persons the oracles can take)."""
        return [atena for atena, day in self._born().items()
                if age_reached_on(day, kaigo.FIRST_INSURED_AGE) > self.today]

    def _born(self) -> dict[str, date]:
        born = {atena: _day(self.world.latest(atena).get("生年月日")) for atena in sorted(self.world.current())}
        return {atena: day for atena, day in born.items() if day is not None}

    def _domains(self, persons: list[str], days: tuple[date, ...] = (), *, usual: bool = True) -> Iterator[Breach]:
        """The domains' answers of ``persons`` on the 処理日, on the day their stay ended and on ``days`` (only on
        ``days`` when not ``usual``: the step itself asked the others), against the oracles."""
        extra = self.world_session
        for atena in persons:
            seen = seen_of(self.world, atena)
            if isinstance(seen, str):
                extra.skipped[seen] = extra.skipped.get(seen, 0) + 1
                continue
            moved_out = seen.s.moved_out
            usual_days = {self.today, *((moved_out,) if moved_out is not None else ())} if usual else set()
            for as_of in sorted({*days, *usual_days}):
                answer = ask(extra.client, atena, as_of)
                if as_of == self.today and extra.koseki_path is not None:
                    yield from world_fuhyo.judge(self.koseki_book, self.world, atena, answer, as_of, self._p(atena),
                                                 extra.compared, extra.client)
                for part in extra.parts:
                    yield from judge_answer(part, seen, answer, as_of, self._p(atena), extra.compared)


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (2月29日: 2月28日)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


#: The requirement a 戸籍の附票の写し showing a 支援対象者 goes to: 住民基本台帳法 第20条第5項 前段, which applies
#: 第12条's provisions on the 住民票の写し's 請求 to the 写し's (our reading ties 3.4 R001 to it: docs/model.md,
#: "One world across domains", the DV reading).
FUHYO_DV = "koseki_fuhyo-2025.12-1.20.0.5.0-R001"
#: The first serial of the persons of :func:`protected_copies`: apart from the drawn examples' (1, 2, ...) and the
#: 住民記録 machine's fixed examples' (90,000,000 and up, a million each).
PROTECTED_SERIALS = 97_000_000
#: The 本籍 of the fixed example's 戸籍 (the town's, as the 戸籍の附票 checks' is; another 地番, so neither replaces
#: the other).
PROTECTED_HONSEKI = "静岡県見本町本町一丁目98番地"
_PROTECTED_BIRTHS = ["1985-06-15", "2012-09-09"]
#: How the 写し is asked: a 第20条第1項 請求 (who asks is not said: the 本人, a 配偶者 ...), and a 第3項第3号 申出 of
#: someone outside the 戸籍 (a third party with a 正当な理由).
_COPY_ASKS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("第20条第1項請求", {}),
    ("第20条第3項第3号申出", {fuhyo_forms.OFFER: {"条項": "第20条第3項第3号", "申出者氏名": fuhyo_forms.OFFERER,
                                                "理由": "戸籍の附票の記載事項を利用する正当な理由がある"}}),
)
_NO_KOSEKI = "no 戸籍 can be given to the vendor (targets.load.koseki_path): the 戸籍の附票の写し is not asked"
_NO_SUPPORT = "the adapter registers no 支援措置 (support.register): the 戸籍の附票の写し is not asked"
_NO_FORM = "the profile's targets.forms.statute does not name fuhyo_utsushi: the 戸籍の附票の写し is not asked"
_NOT_SHOWN = ("the 戸籍の附票の写し was not issued, or did not show the person, before the 支援措置: "
              "a refusal after it would say nothing")


def protected_copies(session: Session, extra: WorldSession, koseki_path: str | None, offered: bool) -> None:
    """The fixed example of the DV rule across domains, after the drawn examples (it cannot move them): a 世帯 of a
    世帯主 and a 子 made as the machine makes its 世帯, their 戸籍 (本籍 in the town) given to the vendor at
    ``koseki_path``, and the 戸籍の附票の写し asked both ways (:data:`_COPY_ASKS`): it must show the 子 (else nothing
    after can be judged, and the example ends, said in ``extra.skipped``). Then the 子's 支援措置 (its 申出, in force)
    and the 写し asked again; then the 子's 国内転出 to another 都道府県 and its 転入通知 (the 附票 now records the new
    住所, which is what a 支援措置 hides; the 除票 stays protected: 3.4 R009) and the 写し asked again. After the
    支援措置 each 写し must be refused (any answer but 200) or leave the 子 out, as 住民記録 refuses their
    住民票の写し (3.4 R001; the reading is ours: docs/model.md). Every 異動 is judged as the 住民記録 model judges a
    drawn one (:class:`CopiesMachine`). A breach raises ``ModelBreach``, recorded in the session. Not run, the reason
    counted in ``extra.skipped``: without ``koseki_path``, without ``support.register``, or when the profile does not
    say the vendor issues the 写し (``offered``: ``targets.forms.statute``)."""
    if koseki_path is None:
        reason = _NO_KOSEKI
    elif "support.register" not in session.optional:
        reason = _NO_SUPPORT
    elif not offered:
        reason = _NO_FORM
    else:
        _copies_example(session, extra, koseki_path)
        return
    extra.skipped[reason] = extra.skipped.get(reason, 0) + 1


def _copies_example(session: Session, extra: WorldSession, koseki_path: str) -> None:
    bound = {"session": replace(session, serials=itertools.count(PROTECTED_SERIALS)), "world_session": extra}
    machine = type("CopiesMachine", (CopiesMachine,), bound)()
    made = machine.household(2, None, _PROTECTED_BIRTHS, unknown=False, headless=False, relations=["世帯主", "子"])
    if len(made) < 2:
        return
    child = made[1]
    try:
        koseki = _register_koseki(machine, koseki_path, made)
    except TargetError as error:  # the 戸籍 checks judge the registration; here the 写し cannot be asked
        extra.skipped[str(error)] = extra.skipped.get(str(error), 0) + 1
        machine.teardown()
        return
    if not _shows_child(machine, koseki, child):
        extra.skipped[_NOT_SHOWN] = extra.skipped.get(_NOT_SHOWN, 0) + 1
        machine.teardown()
        return
    request = _support_request(machine.world.latest(child), session.today)
    machine._step("support.register", request, f"support.register({machine._p(child)}, -0d)")
    machine._check(_copies_shown(machine, koseki, child, extra), COPIES)
    machine._moves_on(child, 1, 0, "other", "支援対象者")
    machine._check(_copies_shown(machine, koseki, child, extra), COPIES)
    machine.teardown()


class CopiesMachine(WorldMachine):
    """The machine of :func:`protected_copies`: its 異動 judged as the 住民記録 model judges any, the domains' answers
    not asked (the example is the 写し's: a domain's breach on its 転出 would end it before the 写し is asked again,
    and the drawn examples compare the domains)."""

    def _judges(self, family: str) -> bool:
        return family != DOMAINS and super()._judges(family)


def _register_koseki(machine: WorldMachine, path: str, made: list[str]) -> dict[str, Any]:
    """The 戸籍 of the 世帯 (the 世帯主 its 筆頭者), as the 住民票 name them, POSTed to the vendor (the harness plays
    the 戸籍 side: the 戸籍の附票 checks' ``targets.load.koseki_path``); returned."""
    rows = [machine.world.latest(atena) for atena in made]
    members = [{"宛名番号": atena, "氏名": row.get("氏名", ""), "氏名_フリガナ": row.get("氏名_フリガナ", ""),
                "生年月日": row.get("生年月日", ""), "性別": row.get("性別", "")} for atena, row in zip(made, rows,
                                                                                                strict=True)]
    body = {"本籍": PROTECTED_HONSEKI, "筆頭者氏名": rows[0].get("氏名", ""), "在籍者": members}
    response = machine.world_session.client.request("post", path, json=body)
    if response.status not in (200, 201, 204):
        raise TargetError(response.refused(f"registering the fixed example's 戸籍: POST {path}"))
    return body


def _copy_of(machine: WorldMachine, koseki: Mapping[str, Any], ask: Mapping[str, Any]) -> dict[str, Any]:
    body = {"本籍": koseki["本籍"], "筆頭者氏名": koseki["筆頭者氏名"], **ask}
    return issue_printed(machine.world_session.client, fuhyo_forms.FORM_ID, body)


def _printed_persons(koseki: Mapping[str, Any]) -> list[fuhyo_forms.Person]:
    """The persons of the 戸籍 as the 写し's reader finds them: 宛名番号, 氏名, 出生の年月日."""
    return [(member["宛名番号"], member["氏名"], member["生年月日"]) for member in koseki["在籍者"]]


def shown_on(document: Mapping[str, Any], atena: str, persons: list[fuhyo_forms.Person]) -> bool | None:
    """Whether the 写し ``document`` (``issue_printed``'s) shows the person ``atena``: a part of the print starting
    at their 氏名 and showing their 出生の年月日 (the 附票 checks' reading); False when it was refused (an answer
    other than 200), None when it was issued but cannot be read."""
    problem = document.get("問題")
    if problem is not None:
        return False if str(problem).startswith("HTTP ") else None
    parts = fuhyo_forms.sections(document.get("行") or [], [name for _, name, _ in persons])
    return atena in fuhyo_forms.assigned(parts, persons)


def _shows_child(machine: WorldMachine, koseki: Mapping[str, Any], child: str) -> bool:
    """Before the 支援措置: every way of asking issues the 写し with the 子 on it (else a later refusal says
    nothing)."""
    persons = _printed_persons(koseki)
    return all(shown_on(_copy_of(machine, koseki, ask), child, persons) is True for _, ask in _COPY_ASKS)


def _copies_shown(machine: WorldMachine, koseki: Mapping[str, Any], child: str, extra: WorldSession) -> list[Breach]:
    """After the 支援措置: each 写し refused or without the 子; a 写し issued that cannot be read is not judged."""
    persons = _printed_persons(koseki)
    breaches = []
    for kind, ask in _COPY_ASKS:
        shown = shown_on(_copy_of(machine, koseki, ask), child, persons)
        if shown is None:
            continue
        extra.compared.add(FUHYO_DV)
        if shown:
            breaches.append(Breach(
                FUHYO_DV, "world.dv_copy_shown",
                f"the 戸籍の附票の写し ({kind}) shows {machine._p(child)}, a 支援対象者 whose 住民票の写し "
                "住民記録 refuses (3.4 R001, R009; read through 住民基本台帳法 第20条第5項: ours)",
                f"POST /forms/{fuhyo_forms.FORM_ID}#/{kind}/{machine._p(child)}@{machine.today.isoformat()}",
                f"refused, or the 写し without {machine._p(child)}",
                f"{machine._p(child)}'s 氏名 and 出生の年月日 printed"))
    return breaches


#: The first serial of the persons of :func:`naturalized`: apart from the drawn examples', the 住民記録 machine's fixed
#: examples' and :func:`protected_copies`'.
NATURALIZED_SERIALS = 98_000_000
#: Its 世帯: a 日本人 世帯主 and a 外国人住民 of 30 or more (選挙権's age reached long before; 住民となった年月日
#: 2010-04-01, the machine's: three months of address long passed).
_NATURALIZED_BIRTHS = ["1975-05-05", "1990-07-07"]
_NO_NATIONALITY = "the adapter implements no 帰化 (nationality): the 帰化 is not run through the domains"


def naturalized(session: Session, extra: WorldSession) -> None:
    """The fixed example of a 帰化 across domains, after the drawn examples (it cannot move them; the 住民記録
    machine's own 帰化 is its fixed example, judged there without the domains): a 世帯 of a 日本人 世帯主 and a
    外国人住民, both asked, then the 外国人住民's 帰化 (4.5.3) three days before the 処理日, after which every domain's
    answer of the person is compared as after any step (:meth:`WorldMachine._step`): 選挙権 (公職選挙法 第9条: a
    日本国民 from the 帰化's day, :func:`expected_voter`), 国民年金 (第7条第1項第1号 names no nationality: nothing
    changes), 介護保険, 国民健康保険 and the rest as before. Not run, the reason counted, when the adapter has no
    ``nationality``."""
    if "nationality" not in session.optional:
        extra.skipped[_NO_NATIONALITY] = extra.skipped.get(_NO_NATIONALITY, 0) + 1
        return
    bound = {"session": replace(session, serials=itertools.count(NATURALIZED_SERIALS)), "world_session": extra}
    machine = type("WorldMachine", (WorldMachine,), bound)()
    made = machine.household(2, 1, _NATURALIZED_BIRTHS, unknown=False, headless=False)
    machine._check(list(machine._domains(made)), DOMAINS)
    foreigner = next((atena for atena in made if machine.world.latest(atena).get("住民種別") == "2"), None)
    if foreigner is not None:
        today = machine.today
        items = {"氏名": f"見本　帰化{session.tag(NATURALIZED_SERIALS)}", "氏名_フリガナ": "ミホン　キカ",
                 "戸籍の表示（本籍・筆頭者）": "静岡県見本町一丁目２番地　見本　帰化"}
        request = {"宛名番号": foreigner, "区分": "帰化", "items": items,
                   "異動日": (today - timedelta(days=3)).isoformat(), "通知年月日": today.isoformat(),
                   "処理日": today.isoformat()}
        machine._step("nationality", request, f"nationality(帰化, {machine._p(foreigner)})")
    machine.teardown()


#: The checks of the one world (this machine's, and the 異動 fed to a domain system: domains/feed.py), bound beside
#: the domains' own checks.
WORLD_CHECKS = frozenset({"model.world.domains", "model.world.feed"})
