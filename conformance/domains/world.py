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
(:func:`scenario_of` says which): a 生年月日 不詳 or no calendar day, a stay ending before it began, a return
(再転入, or a 取消し of a 転出 or 死亡: the model leaves the 再転入's other items open).

To keep the machine's cost to the domains, the 住民記録 read paths the model's own check judges after every
step (the 異動差分, the 支援対象者 on every output, the person's and 世帯's read paths) are not read again here
(``model.jumin.state_machine`` judges them); each step's own answer and history are (the model must hold what
the oracles are fed). Two rules of its own make the persons whose domains a 異動 changes most (the model's births
are mostly of working age): a 世帯 of one person reaching 18, 65 or 75 about the 処理日, and a 転出 of a person of 65 or
more with its 転入通知 at once (the ただし書's day). A 出入国在留管理庁長官通知 (法第30条の50, ``moj_notices``) of a
中長期在留者 is drawn too (:meth:`WorldMachine.stay_notice`, :meth:`WorldMachine.foreign_household`): a 在留期間の更新,
after which nothing of a 資格 may end, or the 住民票's 消除, which ends the stay on its 異動日 (:func:`scenario_of`).

After the drawn examples, :func:`naturalized` runs a 帰化 through the domains, and :func:`protected_copies` judges
the DV rule across domains: the
戸籍の附票の写し of a 戸籍 with a person under 支援措置 is refused or leaves them out, as 住民記録 refuses their
住民票の写し (our reading of 3.4 R001 through 住民基本台帳法 第20条第5項; the reference's other domain outputs and why
they are not judged: docs/model.md).

The check ``model.world.domains`` (registered in :mod:`conformance.domains.feed`, beside the load that stands in for
the driver of a statute vendor without one: issue 64) runs the machine once a run (:func:`world_result`) and reports
each breach against the requirement of its field (bound beside the domains' own checks: docs/model.md, "One world
across domains").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import seed
from hypothesis import strategies as st
from hypothesis.errors import Flaky
from hypothesis.stateful import precondition, rule

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import QUERY_PATH, Scenario, ask_person, history, other_codes
from conformance.checks.statute_forms import issue_printed
from conformance.domains import world_fuhyo
from conformance.domains.jido_teate import oracle as jido
from conformance.domains.jumin.model.admin import Acting
from conformance.domains.jumin.model.check import (
    Result,
    draw,
    machine_settings,
    result_of,
    session_of,
)
from conformance.domains.jumin.model.machine import _DAYS, JuminModelMachine, offered
from conformance.domains.jumin.model.step_requests import _support_request
from conformance.domains.jumin.model.steps import DIFF, PROTECTION, READS, ModelBreach, Session, Undeclared, _kanji
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.transitions import NEXT_ADDRESS
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.koseki_fuhyo import forms as fuhyo_forms
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.shugaku import oracle as school
from conformance.errors import TargetError
from conformance.findings import shown_pair, shown_value
from conformance.locations import default_catalog_root
from conformance.oracles import Residence
from conformance.oracles.dates import Month, age_reached_on, fiscal_year_months, fiscal_year_of, month_of
from conformance.oracles.readings import Either, either, year_view
from conformance.targets.base import HttpClient, Target
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
#: The 異動事由区分 of a 転出 (the stay ends on its 転出予定年月日 whatever 住民状態 the vendor chose: 1.1.5 R001).
_MOVES_OUT = ("国内転出", "国外転出")

#: The 在留資格等コード a 在留期間の更新 may bring (this test data's codes: conformance/testdata/vocabulary.py); None:
#: the 在留資格 unchanged.
_STATUSES = (None, "14", "24", "26")

Projection = dict[str, Any]


@dataclass(frozen=True)
class JidoClaim:
    """What 児童手当法 第8条 decides the months of a 世帯主's 児童手当 from: the 認定請求 (the row's
    ``児童手当_請求年月日``; None: none made, 第8条第1項), the 生年月日 of the 子 of the 世帯 (on the day asked, or on
    the last day of the 受給者's stay once it ended), the days of 第8条第3項's 15日 (our reading, the jido oracle's
    and the domain checks': a 出生, or the 転出予定日 of the 転入前住所), and the last day of the 受給者's stay (its
    転出予定日 or 死亡: the 事由 ends, 第8条第2項)."""

    claimed: date | None
    children: tuple[date, ...]
    events: tuple[date, ...]
    ended: date | None
    #: The days the move into the town may be read to have happened on (the 転出予定日 at the old address, the day
    #: of moving in here: :func:`jido.start_month_readings`); none without a move.
    moved: tuple[date, ...] = ()


@dataclass(frozen=True)
class Seen:
    """A person as the oracles are fed at one step: the stay in the town (the domain checks' :class:`Scenario`), the
    town, and how the stay ended for 国民年金 (第9条第2号 turns on whether the address is still in Japan)."""

    s: Scenario
    town: str
    ending: nenkin.Ending | None = None
    #: The 生年月日 of the 子 of the 世帯 of a 世帯主 in it (児童手当); None for anyone else, or while a member of the
    #: 世帯 awaits a 転出's day (who is in the 世帯 on a day is then open: not compared).
    children: tuple[date, ...] | None = None
    #: 性別 2 (女): the ヒトパピローマウイルス感染症 row of 予防接種法施行令 第3条第1項の表 is the 女子's.
    female: bool = False
    #: The 異動日 of a 帰化 (4.5.3: the 外国人住民票 removed, a 日本人住民票 written): a 日本国民 from that day.
    naturalized: date | None = None
    #: The stay ended by the 住民票's 消除 (a 法第30条の50 通知's, a 職権消除): whether an address in Japan goes on
    #: is open (国民年金法 第9条第2号; :func:`expected_nenkin`).
    removed: bool = False
    #: The 児童手当 months of a 世帯主 with 子 (第8条); None for anyone else, or where who the 子 were is open.
    claim: JidoClaim | None = None


#: Which requirement a field's value is the rule of, when that depends on the person (the ただし書, the 号 that
#: decides the day): the part's field, the person, the day asked, the oracle's value; None: the part's default.
Cause = Callable[[str, Seen, date, Any], str | None]


@dataclass(frozen=True)
class Part:
    """One domain's part of the per-person answer: what the oracle expects of the fields it judges, and the
    requirement each field's rule is (the statute edition's, as the domain's own checks are bound)."""

    name: str
    expected: Callable[[Seen, date], Projection]
    requirements: Mapping[str, str]
    #: The requirement of a field's value where the person decides it (the ただし書, the 号 of 第8条 ...).
    cause: Cause = lambda field, seen, as_of, value: None
    #: The fields as read from the domain's part of the answer (by default the part itself).
    read: Callable[[Mapping[str, Any]], Mapping[str, Any]] = lambda got: got
    #: The fields judged only where the answer gives them (a property of an entry the vendor lists: whether it
    #: lists it is another field's, which a missing entry must not fail twice).
    if_given: Callable[[str], bool] = lambda field: False

    def requirement_of(self, field: str, seen: Seen, as_of: date, value: Any) -> str:
        return self.cause(field, seen, as_of, value) or self.requirements[field]

    @property
    def domain(self) -> str:
        """The slug of the domain whose part it is (its requirements' editions)."""
        return next(iter(self.requirements.values())).split("-", 1)[0]


def _town_stay(s: Scenario, town: str) -> tuple[list[Residence], Residence]:
    stays = history(s, town)
    return stays, next(stay for stay in stays if stay.municipality == town)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def expected_kaigo(s: Scenario, town: str, as_of: date) -> Projection:
    """介護保険 第1号: 被保険者 on ``as_of`` (第9条第1項第1号), 資格取得日 (第10条), 資格喪失日 (第11条第1項); a date
    outside the 年度 of ``as_of`` as the per-年度 answer may show it (:func:`year_view`)."""
    stays, stay = _town_stay(s, town)
    acquired_on = kaigo.kaigo_acquisition_date(s.birth, stay)
    lost_on = kaigo.kaigo_first_loss_date(s.birth, stays, stay)
    acquired, lost = year_view(acquired_on, lost_on, fiscal_year_of(as_of))
    return {"第1号被保険者": kaigo.kaigo_first_insured_on(s.birth, stay, as_of, stays),
            "資格取得日": either(*map(_iso, acquired)), "資格喪失日": either(*map(_iso, lost))}


def expected_kokuho(s: Scenario, town: str, as_of: date) -> Projection:
    """国保: 取得日 (第7条), 喪失日 (第8条第1項, ただし書), 被保険者 on ``as_of`` (within them, and not a 後期高齢者医療
    被保険者: 第6条第8号; no 生活保護 record is given, 第9号). A move inside the 都道府県: every reading the register
    allows (the town's record ending, or the 都道府県's 資格 running on: :func:`kokuho.kokuho_record_readings`)."""
    stays, stay = _town_stay(s, town)
    qualification = kokuho.kokuho_qualifications(stays)[stays.index(stay)]
    readings = kokuho.kokuho_record_readings(stays, stay)
    insured = (kokuho.is_insured_on(s.birth, qualification.acquired, lost, as_of) for lost in readings.lost)
    acquired, lost = year_view(qualification.acquired, qualification.lost, fiscal_year_of(as_of))
    return {"取得日": either(*map(_iso, (*readings.acquired, *acquired))),
            "喪失日": either(*map(_iso, (*readings.lost, *lost))), "被保険者": either(*insured)}


def expected_senkyo(s: Scenario, town: str, as_of: date) -> Projection:
    """選挙権 on ``as_of``: 国政 (公職選挙法 第9条第1項), 地方 (第2項: three months of address in the town); and the
    選挙人名簿: 登録 (第22条第1項: as of a 登録月の一日 with 被登録資格, 第21条; 第28条: 抹消) and 表示 (第27条: a
    registered person whose address ceased). No election is given (the 選挙時登録 of 第22条第2項 is not asked)."""
    person = voter(s)
    return {"選挙権_国政": senkyo.national_suffrage(person, as_of), "選挙権_地方": senkyo.local_suffrage(person, as_of),
            "登録": senkyo.is_registered(person, as_of), "表示": senkyo.is_indicated(person, as_of)}


def expected_voter(seen: Seen, as_of: date) -> Projection:
    """:func:`expected_senkyo`; for a person naturalized (:attr:`Seen.naturalized`) the 選挙権 of a 日本国民 from the
    帰化's day only, and no 登録 or 表示: 第21条's 被登録資格 is a 日本国民's on the 登録月の一日, which a
    person of one nationality for the whole stay (the oracle's :class:`senkyo.Person`) cannot say (not compared)."""
    if seen.naturalized is None:
        return expected_senkyo(seen.s, seen.town, as_of)
    person = replace(voter(seen.s), japanese=seen.naturalized <= as_of)
    return {"選挙権_国政": senkyo.national_suffrage(person, as_of), "選挙権_地方": senkyo.local_suffrage(person, as_of)}


def _senkyo_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """The provision that gives 登録 and 表示 their value on ``as_of``: 第28条第1号 or 第2号 once struck off,
    第21条第2項 for one registered after the address ceased, 第22条第1項 else; 第27条第2項 for the 表示 of one
    registered after the address ceased, 第1項 else."""
    person = voter(seen.s)
    registered = senkyo.registration_day(person, as_of)
    after = registered is not None and person.ceased is not None and registered >= person.ceased
    if field == "登録":
        struck = senkyo.struck_off(person, as_of)
        if struck is not None:
            return "senkyo-2025.12-1.28.0.1.1-R001" if person.died else "senkyo-2025.12-1.28.0.1.2-R001"
        return "senkyo-2025.12-1.21.0.2.0-R001" if after else None
    if field == "表示":
        return "senkyo-2025.12-1.27.0.2.0-R001" if after else None
    return None


def voter(s: Scenario) -> senkyo.Person:
    """The 選挙人名簿 oracle's person: the address taken on 住民となった年月日, ceased on the day the stay ended."""
    return senkyo.Person(s.birth, not s.foreign, s.moved_in, s.notified or s.moved_in, s.moved_out,
                         died=s.died is not None)


def expected_koki(s: Scenario, town: str, as_of: date) -> Projection:
    """後期高齢者医療: 被保険者 on ``as_of`` (第50条第1号), 資格取得日 (第52条), 資格喪失日 (第53条第1項) of the 資格
    in the 広域連合 of the town's 都道府県 (the oracle's reading: one 広域連合 a 都道府県, a move inside it keeps
    資格)."""
    stays = history(s, town)
    acquired, lost = koki.koki_qualification(s.birth, stays, town[:2], as_of)
    shown = {"被保険者": koki.koki_insured_on(s.birth, stays, town[:2], as_of),
             "資格取得日": _iso(acquired), "資格喪失日": _iso(lost)}
    if within_union(s, town) and acquired is not None and acquired < s.moved_in:
        # A 転入 from the same 都道府県 of a person already insured: the 資格 goes on from a day the town's records do
        # not hold (since when the person lived at the previous address), and a town may record its own from the
        # 転入. The register's reading of 第52条第1項第2号 does not ask that 取得日 (provisions.yaml); seed 424242's
        # world machine once did (born 1959-02-28, moved in 2034-03-08 from 221007).
        del shown["資格取得日"]
    return shown


def within_union(s: Scenario, town: str) -> bool:
    """Whether the person moved in from another municipality of the town's 都道府県 (its 広域連合's 区域)."""
    return s.previous is not None and s.previous[:2] == town[:2]


def expected_nenkin(seen: Seen, as_of: date) -> Projection:
    """国民年金 第1号: 資格取得日 (第8条), 資格喪失日 (第9条), the months of the 年度 of ``as_of`` (第11条), and
    被保険者種別 on a day of the stay in the town (第7条第1項第1号; after the stay the town records none: not asked)."""
    s = seen.s
    acquired = nenkin.acquisition_date(s.birth, s.moved_in, from_abroad=s.previous is None, ending=seen.ending)
    lost = nenkin.loss_date(s.birth, s.moved_in, ending=seen.ending)
    year = fiscal_year_of(as_of)
    held = nenkin.held_on_move_in(s.birth, s.moved_in, from_abroad=s.previous is None)
    months = nenkin.insured_months_of_year(acquired, lost, year) if acquired is not None \
        else nenkin.months_after_move_in(s.birth, s.moved_in, seen.ending, year) if held else ()
    shown = {"資格取得日": _iso(acquired), "資格喪失日": _iso(lost),
             "被保険者期間": [f"{y:04d}-{m:02d}" for y, m in months]}
    if s.moved_in <= as_of and (s.moved_out is None or as_of <= s.moved_out):
        shown["被保険者種別"] = nenkin.FIRST_INSURED if nenkin.is_first_insured_on(s.birth, as_of) else None
    if seen.removed and seen.ending is not None:
        # A 住民票 removed: no address in Japan from its 異動日, or one elsewhere in Japan the 住民記録 does not show
        # (第9条第2号 is not met): both readings allowed, a field only compared where they agree (ours).
        kept = expected_nenkin(replace(seen, ending=nenkin.Ending("moved", seen.ending.day), removed=False), as_of)
        shown = {name: value for name, value in shown.items() if kept.get(name) == value}
    return shown


def expected_juminzei(s: Scenario, town: str, as_of: date) -> Projection:
    """個人住民税 of the 年度 of ``as_of`` (the year the query asks): levied by the town when the address on its
    賦課期日, 1月1日, was in the town (地方税法 第318条; alive that day: no proration, a 死亡 or 転出 after it changes
    nothing). What follows from it (課する税, 均等割額, the income) is the domain's own checks' to judge."""
    return {"課税": juminzei.is_levied_by(town, history(s, town), fiscal_year_of(as_of), died=s.died)}


def expected_jido(seen: Seen, as_of: date) -> Projection:
    """児童手当 of a 世帯主 on ``as_of``: 受給資格 (児童手当法 第4条第1項第1号: a 児童 of the 世帯, 第3条第1項: until
    the first 3月31日 after 18 is reached, and an address in Japan), none of the 世帯 leaving; and the months paid
    (:func:`expected_jido_months`, also once the 受給者's stay ended); nothing for anyone else."""
    shown = {} if seen.children is None else {"受給資格": jido.is_eligible(seen.children, as_of)}
    if seen.claim is not None:
        shown.update(expected_jido_months(seen.claim, as_of))
    return shown


def expected_jido_months(claim: JidoClaim, as_of: date) -> Projection:
    """第8条第2項: 支給開始月 the month after the 認定請求 (第3項: after the day of a 出生 or 転入 when the 請求 came
    within 15 days of it: the jido oracle's reading), 支給終了月 the month the 事由 ended: the 受給者's stay (its
    転出予定日 or 死亡, once recorded: the domain's reading) or the last 子's 第3条第1項 end, whichever came first.
    Readings (ours): the end by the last 子 may be shown as the month of its last day as a 児童 (3月) or of the day
    after (4月: the day the 事由 is gone), and, until that day has passed, as none yet. No 請求: neither (第8条第1項).
    A 請求 before every 子's birth or after the last 子's end is none the machine makes: not compared."""
    if claim.claimed is None:
        return {"支給開始月": None, "支給終了月": None, "月額": {}}
    last_child = max(jido.child_end_date(born) for born in claim.children)
    if claim.claimed < min(claim.children) or claim.claimed > last_child:
        return {}
    starts = jido.start_month_readings(claim.claimed, claim.children, claim.moved)
    shown: Projection = {"支給開始月": either(*map(_month, starts)),
                         "月額": either(*(expected_jido_amounts(claim, as_of, first) for first in starts))}
    if claim.ended is not None and claim.ended <= last_child:
        shown["支給終了月"] = _month(jido.end_month(claim.ended))
        return shown
    ends = (_month(jido.end_month(last_child)), _month(jido.end_month(last_child + timedelta(days=1))))
    shown["支給終了月"] = Either(*ends) if as_of > last_child else Either(None, *ends)
    return shown


def expected_jido_amounts(claim: JidoClaim, as_of: date, first: Month | None = None) -> dict[str, int]:
    """第6条第1項: the 児童手当 of each month of the 年度 of ``as_of`` paid (from the 支給開始月 to the month the stay
    ended, 第8条第2項; from 令和6年10月, the oracle's amounts), a whole month (月を単位として), as the total over the
    子 (the jido oracle's 月額 of each, counted eldest first among the 子 who count that month): the answer names a
    子 by 宛名番号, and the order of 子 born on one day is the vendor's; the total is the same whatever the order.
    Months paid nothing are left out (whether a vendor lists them is not the text's). ``first``: the 支給開始月 of
    one reading (:func:`jido.start_month_readings`), the earliest when not given."""
    if claim.claimed is None:
        return {}
    first = first or jido.start_month_readings(claim.claimed, claim.children, claim.moved)[0]
    last = jido.end_month(claim.ended) if claim.ended is not None else None
    totals = {}
    for month in fiscal_year_months(fiscal_year_of(as_of)):
        if month < jido.REFORM_MONTH or month < first or (last is not None and month > last):
            continue
        counting = [born for born in claim.children
                    if month_of(born) < month <= month_of(jido.child_end_date(born))]
        total = sum(jido.monthly_amount(born, order, month) for order, born in enumerate(counting, 1))
        if total:
            totals[_month(month)] = total
    return totals


def read_jido(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 児童手当 with ``月額`` the total of each month over its 子 (:func:`expected_jido_amounts`)."""
    totals: dict[str, int] = {}
    for child in got.get("児童") or []:
        for entry in (child.get("月額") or []) if isinstance(child, Mapping) else []:
            amount = entry.get("金額") if isinstance(entry, Mapping) else None
            if isinstance(amount, int) and amount:
                totals[str(entry.get("月"))] = totals.get(str(entry.get("月")), 0) + amount
    return {**got, "月額": dict(sorted(totals.items()))}


def _month(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def expected_shugaku(seen: Seen, as_of: date) -> Projection:
    """就学 of the 子 of a 世帯主 (their 保護者) on ``as_of``: the 区分 of each on the 学齢簿 (学校教育法施行令
    第1条第1項: the 学齢児童 and 学齢生徒 with an address in the town; 学校教育法 第17条 their periods), and each
    子's 小学校就学始期 (第17条第1項) and 中学校就学終期 (第2項); nothing for anyone else."""
    if seen.children is None:
        return {}
    categories = (school.category_on(born, as_of) for born in seen.children if born <= as_of)
    return {"学齢簿": sorted(category for category in categories if category is not None),
            "小学校就学始期": sorted(school.elementary_period(born)[0].isoformat() for born in seen.children),
            "中学校就学終期": sorted(school.lower_secondary_period(born)[1].isoformat() for born in seen.children)}


def read_shugaku(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 就学 read as :func:`expected_shugaku` gives it: the 学齢簿's 区分, each 子's 始期 and 終期."""
    def sorted_items(key: str, item: str) -> list[Any]:
        entries = got.get(key)
        return sorted(str(entry.get(item)) for entry in entries if isinstance(entry, Mapping)) \
            if isinstance(entries, list) else []
    return {"学齢簿": sorted_items("学齢簿", "区分"), "小学校就学始期": sorted_items("児童", "小学校就学始期"),
            "中学校就学終期": sorted_items("児童", "中学校就学終期")}


#: The 健康管理 fields: a disease of 予防接種法施行令 第3条第1項の表 listed as a 定期接種 (``定期接種/<疾病>``), its
#: 類型 where the 政令 gives it (``類型/<疾病>``: 第1条, 第2条), a 乳幼児健康診査 of 母子保健法 第12条第1項 due
#: (``乳幼児健康診査/<健診>``), and the diseases listed that the table does not name (``表にない疾病``).
VACCINATION, CLASS, CHECKUP, OUTSIDE = "定期接種/", "類型/", "乳幼児健康診査/", "表にない疾病"
_CLASS_BY_ORDER = {**dict.fromkeys(kenko.A_CLASS_BY_ORDER, "A類"), **dict.fromkeys(kenko.B_CLASS_BY_ORDER, "B類")}


def expected_kenko(seen: Seen, as_of: date) -> Projection:
    """健康管理 on ``as_of``: each disease of the table whose 下欄 holds the person that day (施行令 第3条第1項)
    while they are 当該市町村の区域内に居住する者 (予防接種法 第5条第1項), each 乳幼児健康診査 due (母子保健法
    第12条第1項: the 市町村's, so while resident too), the 類型 of a 政令's disease, and no disease outside the table.
    Only what the text decides is given: a day the oracle leaves open (an age reached, the first and last days of the
    stay, the 省令's end of ロタ and Ｈｉｂ) is not compared for the fields it opens. The person's ``健康管理`` record
    (特別の事情, 医療保険, 生活保護, 指定区域, 妊娠の届出) is no part of the model's world: 施行令 第3条第2項, the
    健康増進事業 and the 母子健康手帳 are the domain's own checks'."""
    s = seen.s
    resident = kenko.is_resident_on(s.moved_in, s.moved_out, as_of)
    if resident is None or as_of < s.birth:
        return {}
    shown: Projection = {OUTSIDE: []}
    for disease, verdict in kenko.vaccination_targets(s.birth, as_of, female=seen.female).items():
        if verdict is not None:
            shown[VACCINATION + disease] = verdict and resident
        if disease in _CLASS_BY_ORDER:
            shown[CLASS + disease] = _CLASS_BY_ORDER[disease]
    for name, verdict in kenko.infant_checkups(s.birth, as_of).items():
        if verdict is not None:
            shown[CHECKUP + name] = verdict and resident
    return shown


def read_kenko(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 健康管理 read as :func:`expected_kenko` gives it (a 類型 only for a disease it lists)."""
    entries = [entry for entry in got.get("定期接種") or [] if isinstance(entry, Mapping)]
    listed = {str(entry.get("疾病")): entry.get("類型") for entry in entries}
    due = {str(name) for name in got.get("乳幼児健康診査") or []}
    fields: dict[str, Any] = {VACCINATION + disease: disease in listed for disease in kenko.SCHEDULED_DISEASES}
    fields.update({CLASS + disease: kind for disease, kind in listed.items() if disease in _CLASS_BY_ORDER})
    fields.update({CHECKUP + name: name in due for name in (kenko.CHECKUP_18_MONTHS, kenko.CHECKUP_3_YEARS)})
    fields[OUTSIDE] = sorted(disease for disease in listed if disease not in kenko.SCHEDULED_DISEASES)
    return fields


#: The requirement of each 健康管理 field, as the domain's scenario checks are bound (kenko_kanri bindings.yaml):
#: 水痘, Ｂ型肝炎 and ロタ by 施行令 第1条's 号, the other diseases by the table's 下欄 (第3条第1項), the 健診 by 第12条
#: 第1項's 号.
KENKO_REQUIREMENTS = {
    **{VACCINATION + disease: "kenko_kanri-2025.12-2.3.0.1.0-R002" for disease in kenko.SCHEDULED_DISEASES},
    VACCINATION + kenko.VARICELLA: "kenko_kanri-2025.12-2.1.0.1.2-R001",
    VACCINATION + kenko.HEPATITIS_B: "kenko_kanri-2025.12-2.1.0.1.3-R001",
    VACCINATION + kenko.ROTAVIRUS: "kenko_kanri-2025.12-2.1.0.1.4-R001",
    **{CLASS + disease: "kenko_kanri-2025.12-2.1.0.1.0-R001" for disease in kenko.A_CLASS_BY_ORDER},
    **{CLASS + disease: "kenko_kanri-2025.12-2.2.0.1.0-R001" for disease in kenko.B_CLASS_BY_ORDER},
    CHECKUP + kenko.CHECKUP_18_MONTHS: "kenko_kanri-2025.12-5.12.0.1.1-R001",
    CHECKUP + kenko.CHECKUP_3_YEARS: "kenko_kanri-2025.12-5.12.0.1.2-R001",
    OUTSIDE: "kenko_kanri-2025.12-2.3.0.1.0-R001",
}
#: 予防接種法 第5条第1項 (当該市町村の区域内に居住する者) and 母子保健法 第12条第1項 (the 市町村's 健康診査): a
#: person the table's or 第12条's ages hold on a day they no longer live in the town is listed by neither.
KENKO_RESIDENTS = {VACCINATION: "kenko_kanri-2025.12-1.5.0.1.0-R001", CHECKUP: "kenko_kanri-2025.12-5.12.0.1.0-R001"}


def _kenko_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """A target by age on a day the person no longer lives in the town: the residence's requirement (第5条第1項,
    第12条第1項) gives the value, not the age's."""
    if value is not False or kenko.is_resident_on(seen.s.moved_in, seen.s.moved_out, as_of) is not False:
        return None
    s = seen.s
    if field.startswith(VACCINATION):
        held = kenko.vaccination_targets(s.birth, as_of, female=seen.female)[field.removeprefix(VACCINATION)]
        return KENKO_RESIDENTS[VACCINATION] if held else None
    if field.startswith(CHECKUP):
        held = kenko.infant_checkups(s.birth, as_of)[field.removeprefix(CHECKUP)]
        return KENKO_RESIDENTS[CHECKUP] if held else None
    return None


def _jido_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """第3条第1項 decides the 受給資格 on a day after a 子 of the 世帯 stopped being a 児童 (the first 3月31日 after
    18 is reached); 第4条第1項第1号 else. The months and amounts: 第8条第1項 without a 請求 (no 認定, nothing
    paid); 第3項 a 支給開始月 the 15日 gave; 第2項 else (the amounts: 第6条第3項's 算定額, as the domain's amounts
    check is bound)."""
    claim = seen.claim
    if field in ("支給開始月", "支給終了月", "月額") and claim is not None:
        if claim.claimed is None:
            return "jido_teate-2025.12-1.8.0.1.0-R001"
        if field == "月額":
            return None
        event = max((day for day in claim.events if day <= claim.claimed), default=None)
        within = event is not None and claim.claimed <= event + timedelta(days=jido.GRACE_DAYS)
        return "jido_teate-2025.12-1.8.0.3.0-R001" if field == "支給開始月" and within else None
    ended = any(born <= as_of and jido.child_end_date(born) < as_of for born in seen.children or ())
    return "jido_teate-2025.12-1.3.0.1.0-R001" if ended else None


def _koki_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """第53条第1項ただし書 decides the 資格喪失日 of a move to another 都道府県 on the move day (and whether one is
    insured that day); 第52条's 号 the 資格取得日: 第1号 reaching 75 while resident, 第2号 moving in at 75 or more."""
    s = seen.s
    within = s.elsewhere is not None and s.died is None and s.next is not None and s.next[:2] == seen.town[:2]
    if within and field in ("資格取得日", "資格喪失日"):
        return "koki_korei-2025.12-1.50.0.1.1-R001"  # the 区域 (one 都道府県) still holds the address: 資格 goes on
    to_other_union = moved_on(s) and s.next is not None and s.next[:2] != seen.town[:2]
    if to_other_union and field in ("資格喪失日", "被保険者") and s.moved_out is not None and \
            (field == "資格喪失日" or on_move_day(s, as_of)) and \
            expected_koki(s, seen.town, as_of)["資格喪失日"] == s.moved_out.isoformat():
        return "koki_korei-2025.12-1.53.0.1.0-R002"  # the ただし書 gave the day: an insured person's move day
    if field == "資格取得日" and value is not None:
        start = koki.koki_korei_start(s.birth)
        return "koki_korei-2025.12-1.52.0.1.1-R001" if value == start.isoformat() and start >= s.moved_in \
            else "koki_korei-2025.12-1.52.0.1.2-R001"
    return None


def _nenkin_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """The 号 of 第8条 (取得: twenty, or an address in Japan) and of 第9条 (喪失: 死亡, no address in Japan — a move to
    another municipality is none — or sixty) that gives the day; 第11条第2項 for a 取得 and 喪失 in one month."""
    s, ending = seen.s, seen.ending
    if field == "資格取得日" and value is not None:
        twenty = age_reached_on(s.birth, nenkin.FROM_AGE)
        return "kokumin_nenkin-2025.12-1.8.0.1.1-R001" if value == twenty.isoformat() \
            else "kokumin_nenkin-2025.12-1.8.0.1.2-R001"
    if field == "資格喪失日":
        if value is not None and value == age_reached_on(s.birth, nenkin.UNTIL_AGE).isoformat():
            return "kokumin_nenkin-2025.12-1.9.0.1.3-R001"
        if ending is not None and ending.kind == "died":
            return "kokumin_nenkin-2025.12-1.9.0.1.1-R001"
        if ending is not None:
            return "kokumin_nenkin-2025.12-1.9.0.1.2-R001"
    if field == "被保険者期間" and isinstance(value, list) and len(value) == 1:
        return "kokumin_nenkin-2025.12-1.11.0.2.0-R001"
    return None


def _moved_on_cause(name: str, record_loss: Callable[[Scenario, str], date | None]) -> Cause:
    """介護保険法 第11条第1項ただし書 and 国民健康保険法 第8条第1項ただし書: a 資格喪失日 on the move day (and whether
    one is insured that day) is the ただし書's (R002) where the ただし書 gives the day: an insured person's
    (``record_loss``, the record's 喪失日, is the move day; one never insured is the 本文's), whatever other answers
    the readings allow (国保's move on inside the 都道府県: none, :func:`kokuho.kokuho_record_readings`)."""
    def cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
        s = seen.s
        if field not in provisos(s, as_of) or s.moved_out is None:
            return None
        return _PROVISO[name] if record_loss(s, seen.town) == s.moved_out else None
    return cause


def _kaigo_loss(s: Scenario, town: str) -> date | None:
    stays, stay = _town_stay(s, town)
    return kaigo.kaigo_first_loss_date(s.birth, stays, stay)


def _kokuho_loss(s: Scenario, town: str) -> date | None:
    """The town record's 喪失日 (:func:`kokuho.kokuho_qualifications`): for a move on inside the 都道府県 too, whose
    end on the move day (the town record; none is allowed as well) is reported where the ただし書's day is."""
    stays, stay = _town_stay(s, town)
    return kokuho.kokuho_qualifications(stays)[stays.index(stay)].lost


#: 第11条第1項ただし書 and 第8条第1項ただし書: a 資格喪失日 on the move day is the ただし書's (R002).
_PROVISO = {"介護保険": "kaigo-2025.12-1.11.0.1.0-R002", "国民健康保険": "kokuho-2025.12-1.8.0.1.0-R002"}
#: The fields the ただし書 decides: the 資格喪失日, and on the move day whether the person is insured.
_LOSS_FIELDS, _ON_DAY_FIELDS = frozenset({"資格喪失日", "喪失日"}), frozenset({"第1号被保険者", "被保険者"})


def _on(expected: Callable[[Scenario, str, date], Projection]) -> Callable[[Seen, date], Projection]:
    return lambda seen, as_of: expected(seen.s, seen.town, as_of)


#: The parts compared, in order.
PARTS = (
    Part("介護保険", _on(expected_kaigo), {"第1号被保険者": "kaigo-2025.12-1.9.0.1.0-R001",
                                        "資格取得日": "kaigo-2025.12-1.10.0.1.0-R001",
                                        "資格喪失日": "kaigo-2025.12-1.11.0.1.0-R001"},
         _moved_on_cause("介護保険", _kaigo_loss)),
    Part("国民健康保険", _on(expected_kokuho), {"取得日": "kokuho-2025.12-1.7.0.1.0-R001",
                                           "喪失日": "kokuho-2025.12-1.8.0.1.0-R001",
                                           "被保険者": "kokuho-2025.12-1.6.0.1.0-R001"},
         _moved_on_cause("国民健康保険", _kokuho_loss)),
    Part("選挙人名簿", expected_voter, {"選挙権_国政": "senkyo-2025.12-1.9.0.1.0-R001",
                                         "選挙権_地方": "senkyo-2025.12-1.9.0.2.0-R001",
                                         "登録": "senkyo-2025.12-1.22.0.1.0-R001",
                                         "表示": "senkyo-2025.12-1.27.0.1.0-R001"}, _senkyo_cause),
    Part("個人住民税", _on(expected_juminzei), {"課税": "kojin_juminzei-2025.12-1.318.0.1.0-R001"}),
    Part("児童手当", expected_jido, {"受給資格": "jido_teate-2025.12-1.4.0.1.1-R001",
                                 "支給開始月": "jido_teate-2025.12-1.8.0.2.0-R001",
                                 "支給終了月": "jido_teate-2025.12-1.8.0.2.0-R001",
                                 "月額": "jido_teate-2025.12-1.6.0.3.0-R001"}, _jido_cause, read=read_jido),
    Part("就学", expected_shugaku, {"学齢簿": "shugaku-2025.12-2.1.0.1.0-R001",
                                  "小学校就学始期": "shugaku-2025.12-1.17.0.1.0-R001",
                                  "中学校就学終期": "shugaku-2025.12-1.17.0.2.0-R001"}, read=read_shugaku),
    Part("後期高齢者医療", _on(expected_koki), {"被保険者": "koki_korei-2025.12-1.50.0.1.1-R001",
                                            "資格取得日": "koki_korei-2025.12-1.52.0.1.0-R001",
                                            "資格喪失日": "koki_korei-2025.12-1.53.0.1.0-R001"}, _koki_cause),
    Part("国民年金", expected_nenkin, {"被保険者種別": "kokumin_nenkin-2025.12-1.7.0.1.1-R001",
                                    "資格取得日": "kokumin_nenkin-2025.12-1.8.0.1.0-R001",
                                    "資格喪失日": "kokumin_nenkin-2025.12-1.9.0.1.0-R001",
                                    "被保険者期間": "kokumin_nenkin-2025.12-1.11.0.1.0-R001"}, _nenkin_cause),
    Part("健康管理", expected_kenko, KENKO_REQUIREMENTS, _kenko_cause, read=read_kenko,
         if_given=lambda field: field.startswith(CLASS)),
)


def provisos(s: Scenario, as_of: date) -> frozenset[str]:
    """The fields the ただし書 decides for the person asked on ``as_of`` (none where the stay did not end so)."""
    return (_LOSS_FIELDS if moved_on(s) else frozenset()) | (_ON_DAY_FIELDS if on_move_day(s, as_of) else frozenset())


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


def scenario_of(world: World, atena: str) -> Scenario | str:
    """The person's stay in the town as the model holds it, in the domain checks' :class:`Scenario`; or why the
    oracles cannot be fed (the person is then not judged at this step)."""
    rows = world.history(atena)
    row = rows[-1]
    birth, moved_in = _day(row.get("生年月日")), _day(row.get("住民となった年月日"))
    if birth is None or row.get("生年月日_不詳フラグ") == "1":
        return "生年月日 不詳 or no calendar day"
    if moved_in is None:
        return "no 住民となった年月日"
    status = row.get("住民状態", "")
    if any(earlier.get("住民状態") in (r.MOVED_OUT, r.DECEASED) and later.get("住民状態") == r.CURRENT
           for earlier, later in itertools.pairwise(rows)):
        # Its 取消し too: the row restored is the cancellation's, not the 転出's (which the 国民年金 reading needs).
        return "a return after a 転出 or 死亡 (the model leaves a 再転入's other items open)"
    s = Scenario(fiscal_year_of(moved_in), birth, moved_in, previous=rows[0].get("転入前住所_市区町村コード") or None,
                 foreign=row.get("住民種別") == "2", notified=_day(rows[0].get("届出年月日")))
    if status == r.DECEASED:
        s = Scenario(s.fiscal_year, birth, moved_in, previous=s.previous, died=_day(row.get("異動日")),
                     foreign=s.foreign, notified=s.notified)
    elif status == r.MOVED_OUT or row.get("異動事由区分") in _MOVES_OUT:
        planned = _day(row.get("転出予定年月日"))
        arrived = _day(row.get("転出年月日（確定）"))
        s = Scenario(s.fiscal_year, birth, moved_in, previous=s.previous, planned_out=planned, elsewhere=arrived,
                     next=destination(row) if arrived is not None else None, foreign=s.foreign, notified=s.notified)
    elif status == r.REMOVED:
        # A 住民票 removed (a 法第30条の50 通知 with 消除, 4.5.6; a 職権消除): the address in the town ended on its
        # 異動日, none elsewhere known (read as a 国外転出's: docs/model.md, the 在留 readings, ours).
        s = Scenario(s.fiscal_year, birth, moved_in, previous=s.previous, planned_out=_day(row.get("異動日")),
                     foreign=s.foreign, notified=s.notified)
    elif status != r.CURRENT:
        return f"住民状態 {status!r} (no stay the oracles model)"
    try:
        history(s, row.get("住所_市区町村コード", ""))
    except ValueError as error:
        return f"a stay the oracles cannot take ({error})"
    return s


def destination(row: Mapping[str, str]) -> str:
    """The municipality a 転入通知 names (転出先住所（確定）, 1.1.5 R015); where it names none (the 住民記録 model's own
    steps), one of another 都道府県 (our reading: an address elsewhere, in no 広域連合 of the town's, as the reference
    reads a 除票 without the code)."""
    return row.get(NEXT_ADDRESS) or other_codes(row.get("住所_市区町村コード", "") or TOWN_CODE)[1]


def seen_of(world: World, atena: str) -> Seen | str:
    """The person as the oracles are fed (:func:`scenario_of`), with the 国民年金 ending: a 死亡; a 国内転出, whether
    or not its 転入通知 has come, or a 転出 whose 転入通知 named a municipality (our reading: the address in Japan goes
    on, 第9条第2号 is not met); else (a 国外転出, a 転出 of no known destination) no address in Japan; or why not
    judged."""
    s = scenario_of(world, atena)
    if isinstance(s, str):
        return s
    row = world.latest(atena)
    seen = _ended(world, s, row)
    foreign_before = any(earlier.get("住民種別") == "2" for earlier in world.history(atena)[:-1])
    naturalized = _day(row.get("異動日")) if foreign_before and row.get("住民種別") == "1" else None
    return replace(seen, female=row.get("性別") == "2", naturalized=naturalized, claim=jido_claim(world, atena, s))


def _ended(world: World, s: Scenario, row: Mapping[str, str]) -> Seen:
    town = row.get("住所_市区町村コード", "")
    if s.moved_out is None and row.get("続柄") == "世帯主":
        return Seen(s, town, children=children_of(world, row.get("世帯番号", "")))
    if s.died is not None:
        return Seen(s, town, nenkin.Ending("died", s.died))
    if s.moved_out is None:
        return Seen(s, town)
    domestic = row.get("異動事由区分") == "国内転出" or bool(row.get(NEXT_ADDRESS))
    return Seen(s, town, nenkin.Ending("moved" if domestic else "abroad", s.moved_out),
                removed=row.get("住民状態") == r.REMOVED)


def children_of(world: World, setai: str) -> tuple[date, ...] | None:
    """The calendar 生年月日 of the 子 of a 世帯 (its 住民), None while a member awaits a 転出's day."""
    members = [world.latest(atena) for atena in world.members(setai)]
    if any(row.get("異動事由区分") in _MOVES_OUT for row in members):
        return None
    return tuple(day for row in members if row.get("続柄") == "子" and (day := _day(row.get("生年月日"))) is not None)


#: The 住民記録 row's item of the 児童手当 認定請求 (our migration layout: the domain checks' too).
CLAIM_ITEM = "児童手当_請求年月日"


def jido_claim(world: World, atena: str, s: Scenario) -> JidoClaim | None:
    """The 児童手当 months' facts of a 世帯主 with 子 (:class:`JidoClaim`): the 子 are the persons whose every row is
    in the 世帯 as 子, taken while the 受給者 lives in the town, or on the last day of the stay once it ended (the
    子 who left with the 受給者 that day, or stayed). None for anyone else, and where who the 子 were on the day the
    months turn on is open (not compared): a 世帯主 or 子 whose 世帯 or 続柄 changed, a 子 the oracles cannot take
    (a 生年月日 不詳), a 子 who left the 世帯 or died while the 受給者 stays or before the 受給者 left (whether the
    事由 ends with a 子's 住所 is not settled by 第4条, which names 監護 and 生計), a 子 who came after."""
    rows = world.history(atena)
    setai = rows[-1].get("世帯番号", "")
    if any(row.get("続柄") != "世帯主" or row.get("世帯番号") != setai for row in rows):
        return None
    children: list[date] = []
    for other in sorted(world.persons):
        inside = [row.get("世帯番号") == setai for row in world.history(other)]
        if other == atena or not any(inside):
            continue
        relations = {row.get("続柄") for row in world.history(other)}
        if not all(inside) or ("子" in relations and relations != {"子"}):
            return None
        if "子" not in relations:
            continue  # a member of the 世帯 who is no 子 (妻, 同居人)
        child = scenario_of(world, other)
        if isinstance(child, str) or not _child_through(child, s):
            return None
        children.append(child.birth)
    if not children:
        return None
    moved_out = _day(rows[0].get("転入前住所_転出予定年月日"))
    events = tuple(day for day in (moved_out, *children) if day is not None)
    return JidoClaim(_day(rows[-1].get(CLAIM_ITEM)), tuple(sorted(children)), events, s.moved_out,
                     (moved_out, s.moved_in) if moved_out is not None else ())


def _child_through(child: Scenario, s: Scenario) -> bool:
    """Whether the 子 was in the town (so in the 世帯) on the 受給者's last day, or still is while the 受給者 stays."""
    if s.moved_out is None:
        return child.moved_out is None
    return child.moved_in <= s.moved_out and (child.moved_out is None or child.moved_out >= s.moved_out)


def moved_on(s: Scenario) -> bool:
    """Whether the stay ended with an address elsewhere that same day (the 転入通知's 転入日 on or before the
    転出予定年月日): the ただし書 of 介護保険法 第11条第1項 and 国民健康保険法 第8条第1項 make it the
    資格喪失日 itself."""
    return s.elsewhere is not None and s.died is None and s.moved_out == s.elsewhere


def on_move_day(s: Scenario, as_of: date) -> bool:
    """Whether ``as_of`` is that move day (:func:`moved_on`): whether one is insured on it is the ただし書's too."""
    return moved_on(s) and s.moved_out == as_of


def judge_answer(part: Part, seen: Seen, answer: Mapping[str, Any], as_of: date, label: str,
                 compared: set[str] | None = None) -> list[Breach]:
    """Each field of the domain's part of the answer against the oracle's value, reported against the requirement
    whose rule gives that value (:meth:`Part.requirement_of`), which is added to ``compared``."""
    got = answer.get(part.name)
    got = part.read(got) if isinstance(got, Mapping) else {}
    breaches = []
    for name, value in part.expected(seen, as_of).items():
        if part.if_given(name) and name not in got:
            continue
        requirement = part.requirement_of(name, seen, as_of, value)
        if compared is not None:
            compared.add(requirement)
        actual = got.get(name)
        if actual == value:
            continue
        breaches.append(Breach(requirement, "world.domain_mismatch",
                               f"{part.name}: {name} of {label} on {as_of.isoformat()} differs from the oracle fed "
                               "from the model of 住民記録", f"{QUERY_PATH}#/{part.name}/{name}@{as_of.isoformat()}",
                               *_shown_pair(value, actual)))
    return breaches


def _shown_pair(value: Any, actual: Any) -> tuple[str, str]:
    """The oracle's value and the answer's as a breach shows them: the answers every reading allows as ``a | b``."""
    return (str(value), shown_value(actual)) if isinstance(value, Either) else shown_pair(value, actual)


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

    def __init__(self) -> None:
        super().__init__()
        #: The 戸籍 given to the vendor in this example (:mod:`conformance.domains.world_fuhyo`).
        self.koseki_book = world_fuhyo.Book()

    def _judges(self, family: str) -> bool:
        if family in _JUMIN_READS:
            return False
        return super()._judges(family)

    def _step(self, operation: str, request: dict[str, Any], shown: str, acting: Acting | None = None) -> None:
        lengths = {atena: len(rows) for atena, rows in self.world.persons.items()}
        super()._step(operation, request, shown, acting)
        changed = [atena for atena, rows in self.world.persons.items() if len(rows) > lengths.get(atena, 0)]
        if self._judges(DOMAINS):
            self._koseki(operation, changed)
            self._check(list(self._domains(changed)), DOMAINS)

    def household(self, size: int, foreign: int | None, births: list[str], *, unknown: bool,
                  headless: bool, relations: list[str] | None = None,
                  names: list[tuple[str, str]] | None = None) -> list[str]:
        made = super().household(size, foreign, births, unknown=unknown, headless=headless, relations=relations,
                                 names=names)
        if self._judges(DOMAINS):
            self._koseki("household", made[:1])
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
        born = kenko.months_after(self.today, -months) + timedelta(days=offset)
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
        """The machine's person; the 世帯主 (the first) of a 世帯 made with a 認定請求 (:attr:`claim`) given it."""
        person = super()._person(index, foreign, born)
        if index == 0 and self.claim is not None:
            person[CLAIM_ITEM] = self.claim.isoformat()
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
        raise TargetError(f"registering the fixed example's 戸籍: POST {path} answered {response.status}")
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
        items = {"氏名": f"見本　帰化{_kanji(NATURALIZED_SERIALS)}", "氏名_フリガナ": "ミホン　キカ",
                 "戸籍の表示（本籍・筆頭者）": "静岡県見本町一丁目２番地　見本　帰化"}
        request = {"宛名番号": foreigner, "区分": "帰化", "items": items,
                   "異動日": (today - timedelta(days=3)).isoformat(), "通知年月日": today.isoformat(),
                   "処理日": today.isoformat()}
        machine._step("nationality", request, f"nationality(帰化, {machine._p(foreigner)})")
    machine.teardown()


def machine_for(session: Session, extra: WorldSession) -> type[WorldMachine]:
    """The cross-domain machine bound to one run's sessions."""
    return type("WorldMachine", (WorldMachine,), {"session": session, "world_session": extra})


@dataclass(frozen=True)
class WorldResult:
    """What one run of the cross-domain machine found: the model's result (steps, breaches, seed) and what was
    compared or not judged."""

    result: Result
    compared: frozenset[str]
    skipped: Mapping[str, int]


def run_world(target: Target) -> WorldResult:
    """Run the cross-domain machine against the target (the profile's max_examples, the run's seed)."""
    session = session_of(target)
    extra = world_session(target)
    machine = seed(target.seed)(machine_for(session, extra))
    try:
        draw(session, machine, machine_settings(target))
    except (ModelBreach, Flaky):
        if not session.failures:
            raise
    drawn = result_of(session, target.seed)
    # The fixed example runs whatever the draws found, in a session of its own: a shrinking run keeps its last failure
    # only (result_of), and a breach of the draws must neither hide the 写し's nor be hidden by it.
    copies = replace(session, failures=[], family=None)
    with suppress(ModelBreach, Undeclared):  # recorded in copies.failures
        protected_copies(copies, extra, extra.koseki_path, target.offers_statute_form(fuhyo_forms.FORM_ID))
    kika = replace(session, failures=[], family=None)
    with suppress(ModelBreach, Undeclared):  # recorded in kika.failures
        naturalized(kika, extra)
    fixed = result_of(copies, target.seed).found + result_of(kika, target.seed).found
    found = replace(drawn, found=drawn.found + fixed)
    return WorldResult(found, frozenset(extra.compared), dict(extra.skipped))


def world_session(target: Target) -> WorldSession:
    """The machine's own session on the target: the per-person query and the parts of the claimed domains (NOT_AUTOMATED
    when the profile says the vendor does not answer the query, or claims no domain the machine compares)."""
    if not target.serves("get_qualifications"):
        raise NotAutomated("the cross-domain machine asks the per-person query (get_qualifications), which the "
                           "profile's targets.api.operations does not declare")
    parts = tuple(part for part in PARTS if target.claims(part.domain))
    fuhyo = target.claims(world_fuhyo.DOMAIN)
    if not parts and not fuhyo:
        raise NotAutomated("the profile claims none of the domains the cross-domain machine compares")
    return WorldSession(target.need_http(), set(), {}, target.koseki_path if fuhyo else None, parts)


_CACHE = "model.world.domains"
#: The checks of the one world (this machine's, and the 異動 fed to a domain system: domains/feed.py), bound beside
#: the domains' own checks.
WORLD_CHECKS = frozenset({_CACHE, "model.world.feed"})


#: The machine's outcome of the latest runs, by the run's driver target: a run opens one target per edition, each
#: with a cache of its own, but hands every one the profile's one ``targets.driver`` (session.py) and the one vendor;
#: the machine runs once a run, not once per edition it is bound in (the object itself is kept and compared, so an
#: id reused by another run's profile never matches).
_RUNS: dict[tuple[int, int, int, bool], tuple[object, WorldResult | NotAutomated]] = {}
_KEPT_RUNS = 4


def world_result(target: Target) -> WorldResult:
    """The machine's outcome on the target, run once a run (NotAutomated, kept, when it cannot run for the profile);
    the check ``model.world.domains`` reads it (conformance/domains/feed.py, beside the load that stands in)."""
    key = (id(target.driver), target.seed, target.max_examples, target.shrink)
    cached = target.cache.get(_CACHE)
    shared = _RUNS.get(key)
    if cached is None and target.driver is not None and shared is not None and shared[0] is target.driver:
        cached = shared[1]
    if isinstance(cached, NotAutomated):
        raise cached
    if isinstance(cached, WorldResult):
        return cached
    outcome: WorldResult | NotAutomated
    try:
        outcome = run_world(target if target.catalog.driver_operations else replace(target, catalog=jumin_edition()))
    except NotAutomated as reason:
        outcome = reason
    target.cache[_CACHE] = outcome
    if target.driver is not None:
        while len(_RUNS) >= _KEPT_RUNS:
            del _RUNS[next(iter(_RUNS))]
        _RUNS[key] = (target.driver, outcome)
    if isinstance(outcome, NotAutomated):
        raise outcome
    return outcome


#: The edition of 住民記録 the model is written from (docs/model.md): its driver operations and data items.
JUMIN_EDITION = ("jumin", "1.0")


@cache
def jumin_edition() -> EditionCatalog:
    """The 住民記録 edition the machine drives through, when the requirement judged is a statute edition's (whose
    catalog names no driver operation): the bundled catalog's (a run with ``--catalog`` elsewhere still drives
    through the bundled 住民記録 edition: noted in docs/model.md)."""
    return load_edition(default_catalog_root().joinpath(*JUMIN_EDITION))
