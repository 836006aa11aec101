"""A domain system judged as the client of 住民記録 (issue 46 item 4): the harness plays 住民記録 and sends its 異動
through the feed the profile's driver declares (``linkage.feed``, ours: docs/driver.md, "庁内連携: the 異動 fed to a
domain system"), then judges the domain system's per-person answers with the oracles of the cross-domain machine.

Each example is a person of the fixed corpus (:func:`fixed_scenarios`: the boundary days of the cross-domain
machine's, judged first at every seed), then of the scenario checks (:func:`~conformance.checks.scenarios.moves`,
:func:`~conformance.checks.scenarios.elders`: a 転入, maybe a 転居 within the town (:func:`with_move_within`),
maybe a 転出 abroad or to another municipality with its 転入通知, or a 死亡, about the boundary days). The person's
住民記録 rows are sent one 異動 at a time, as 住民記録 would publish them: the 転入's row, the 転居's (the new 住所,
settled on its day), then the 転出's (住民 still: 1.1.5 R001 allows it until the 転入通知), then the 転入通知's (the
除票, with the 転出先住所（確定）) or the 死亡's. After each, the per-person query is asked on the 異動's day and
on the day the stay ended, and every part of :data:`conformance.domains.world_parts.PARTS` is compared, each finding
against the requirement of its field, as the cross-domain machine reports it (code ``world.domain_mismatch``).

A statute vendor without the feed (no driver, or no ``linkage.feed`` declared) is fed by the per-person load instead
(``targets.load.append_path``, issue 64): the person as of the 転入 appended and asked, then the person as of the end
of the stay (:func:`_through_load`): a breach it shows is reported, but with none the check is NOT_AUTOMATED naming
the missing feed (:func:`load_only`: no 異動 of one person reached the system, so the check did not run as it claims).
Without either the check is NOT_AUTOMATED with the reason: its requirements keep the other checks' findings, but are
never PASS on them alone (the runner: conformance/runner.py). Only the parts of the domains the profile claims are
compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, NotAutomated, check, first_seed, once_per_seed
from conformance.checks.scenarios import (
    _ATENA_SERIALS,
    _SETAI_SERIALS,
    MAX_COUNTEREXAMPLES,
    Scenario,
    _number,
    _row,
    difference,
    elders,
    load_many,
    moves,
    other_codes,
    town_code,
)
from conformance.domains import world_fuhyo
from conformance.domains.jumin.model.check import Found, others_bound
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.world import ask
from conformance.domains.world_compare import Part, judge_answer
from conformance.domains.world_corpus import BOUNDARY_DAYS, BOUNDARY_WHERE, HEAD_BORN, NEWCOMER_BORN
from conformance.domains.world_parts import PARTS
from conformance.domains.world_run import world_result
from conformance.domains.world_seen import seen_of
from conformance.draws import reproducible
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.targets.base import HttpClient, Target
from conformance.testdata.town import TOWN_CODE

#: The driver operation (ours, docs/driver.md) and its path below the driver's base path.
FEED, FEED_PATH = "linkage.feed", "/linkage/feed"
#: How a statute vendor without the feed is given the 異動 (the findings' location ``feed:load#...``).
LOAD = "load"
_CACHE = "model.world.feed"
#: The cross-domain machine's check (registered here: :func:`domains_check`).
WORLD = "model.world.domains"


def messages(s: Scenario, town: str, atena: str, setai: str) -> list[tuple[str, dict[str, str]]]:
    """The person's 異動 as 住民記録 publishes them, oldest first: (what it is, the row after it). A 転居
    (``Scenario.within``) comes between the 転入 and the end of the stay, each later row the 転居's with its 異動."""
    stay = replace(s, planned_out=None, elsewhere=None, next=None, died=None, within=None)
    moved_in = {**_row(stay, town, atena, setai), "異動事由区分": "転入"}
    sent = [("転入", moved_in)]
    if s.within is not None:
        moved_in = {**_row(replace(stay, within=s.within), town, atena, setai), "異動事由区分": "転居",
                    "異動日": s.within[0].isoformat()}
        sent.append(("転居", moved_in))
    if s.died is not None:
        sent.append(("死亡", {**moved_in, "住民状態": "3", "異動事由区分": "死亡", "異動日": s.died.isoformat()}))
    elif s.planned_out is not None:
        reason = "国外転出" if s.next is None else "国内転出"
        out = {**moved_in, "異動事由区分": reason, "異動日": s.planned_out.isoformat(),
               "転出予定年月日": s.planned_out.isoformat()}
        sent.append((reason, out))
        if s.elsewhere is not None and s.next is not None:
            sent.append(("転入通知", {**out, "住民状態": "2", "転出年月日（確定）": s.elsewhere.isoformat(),
                                      "転出先住所（確定）_市区町村コード": s.next}))
    return sent


def feed(client: HttpClient, base_path: str, row: dict[str, str]) -> None:
    """Send one 異動 (the person's row after it) to the domain system."""
    response = client.request("post", base_path.rstrip("/") + FEED_PATH, json={"住民票": row})
    if response.status != 200:
        raise TargetError(response.refused(f"POST {FEED_PATH} (expected 200)"))


@dataclass(frozen=True)
class FeedResult:
    """What the feed found: the first failing example's breaches and its 異動, the requirements compared, the
    examples, and every failing example (its 異動 and breaches: the findings list each distinct way of differing)."""

    breaches: tuple[Breach, ...]
    sent: tuple[str, ...]
    compared: frozenset[str]
    examples: int
    #: How the 異動 were given: the driver's feed, or the per-person load (``LOAD``); the findings' location says it.
    via: str = FEED
    found: tuple[Found, ...] = ()


def fixed_scenarios(codes: tuple[str, str]) -> list[Scenario]:
    """The feed's fixed corpus (issue 65 item 3; the cross-domain machine's boundary days,
    :mod:`conformance.domains.world_corpus`), judged before the drawn examples at every seed: on each day before,
    of and after 4月1日 and 1月1日 a person of 40 moving in from another 都道府県, and a 世帯主 of 65 or more resident
    since 2010 moving out (to the same 都道府県, another, or abroad, as the machine's corpus; within Japan the
    転入通知's 転入日 the day itself), and one dying on that day; then the persons of 健康管理 and of 後期高齢者医療 no
    other example reaches (:func:`kenko_scenarios`, :func:`elder_scenarios`)."""
    same, other = codes
    places = {"same": same, "other": other, "abroad": None}
    settled = date(2010, 4, 1)
    scenarios: list[Scenario] = []
    for day, where in zip(BOUNDARY_DAYS, BOUNDARY_WHERE, strict=True):
        year = fiscal_year_of(day)
        goes = places[where]
        scenarios += [
            Scenario(year, NEWCOMER_BORN, day, previous=other),
            Scenario(year, HEAD_BORN, settled, planned_out=day, elsewhere=day if goes else None, next=goes),
            Scenario(year, HEAD_BORN, settled, died=day),
        ]
    # One who moves in at nineteen and leaves Japan after reaching twenty (issue 65 O1: no person fed reached twenty,
    # so 国民年金 第8条第1号 stayed NOT_AUTOMATED for a vendor of the statute alone): its 資格取得日 is asked after it.
    first = BOUNDARY_DAYS[0]
    young = date(first.year - 19, 1, 10) if first.month > 1 else date(first.year - 20, 12, 10)
    twenty = age_reached_on(young, 20)
    scenarios.append(Scenario(fiscal_year_of(first), young, first, previous=other, planned_out=twenty + timedelta(30)))
    return scenarios + list(moves_within(other)) + list(kenko_scenarios(other)) + list(elder_scenarios(other))


def moves_within(other: str) -> tuple[Scenario, ...]:
    """The 転居 of the fixed corpus (issue 66: a 附票 system fed by 住民記録 must correct the 住所 a 転居 changes,
    住民基本台帳法施行令 第20条第1項), each of a 世帯主 of 65 or more resident since 2010, whom the harness gives a
    戸籍 with its 本籍 in the town on the 転入: one whose 届出 comes four days after the 転居 (the 住所を定めた年月日 is
    the 転居's day, not the 届出's: 法 第17条第1項第4号, our reading, as the cross-domain machine's corpus,
    world_corpus.MOVE_WITHIN), and one who moves within the town, then to another 都道府県 (its 転入通知 the day
    itself: the 転居's 住所 goes on until the 転出)."""
    settled, moved, left = date(2010, 4, 1), date(2024, 3, 25), date(2024, 6, 28)
    return (Scenario(fiscal_year_of(moved), HEAD_BORN, settled, within=(moved, moved + timedelta(4))),
            Scenario(fiscal_year_of(left), HEAD_BORN, settled, planned_out=left, elsewhere=left, next=other,
                     within=(date(2024, 6, 3), date(2024, 6, 3))))


def with_move_within(s: Scenario) -> st.SearchStrategy[Scenario]:
    """The drawn person as drawn, or with a 転居 on a day of the stay after its first, its 届出 up to 14 days later
    (ours: the draw's window; 法 第23条, the 転居届, is not among the texts we hold) and not after the stay's end; a
    stay not ended is read as two years long."""
    end = s.moved_out or s.moved_in + timedelta(days=730)
    span = (end - s.moved_in).days
    if span < 2:
        return st.just(s)
    days = st.tuples(st.integers(1, span - 1), st.integers(0, 14))
    moved = days.map(lambda pair: replace(s, within=_within(s.moved_in + timedelta(pair[0]), pair[1], end)))
    return st.one_of(st.just(s), moved)


def _within(day: date, late: int, end: date) -> tuple[date, date]:
    return day, min(day + timedelta(late), end)


#: The day the persons of :func:`kenko_scenarios` are asked (``Scenario.as_of``), inside or after their stay.
KENKO_ASKED = date(2025, 10, 15)


def kenko_scenarios(other: str) -> tuple[Scenario, ...]:
    """The persons of 健康管理's rules no other example reaches, asked on :data:`KENKO_ASKED` (a day no end of the stay
    leaves open, unlike each 異動's own day: kenko_kanri's ``is_resident_on``), so that a product of 健康管理 alone is
    judged on the same rules at every seed (issue 66, F3 of the outsider's 健康管理 run: only a drawn 転入通知 dated
    before the 転出予定年月日 gave such a day): a 子 of one year and eight months resident (the 1歳6か月児 健診,
    the A類 水痘's 類型: 施行令 第1条, 母子保健法 第12条第1項第1号), the same 子 gone abroad before the day (neither
    listed: 予防接種法 第5条第1項, 母子保健法 第12条第1項 柱書), and a resident of 65 (the B類 of 第2条: 高齢者の
    肺炎球菌感染症, 帯状疱疹)."""
    child = date(2024, 2, 10)
    return (Scenario(2025, child, date(2025, 9, 1), previous=other, as_of=KENKO_ASKED),
            Scenario(2025, child, date(2025, 5, 1), previous=other, planned_out=date(2025, 9, 30), as_of=KENKO_ASKED),
            Scenario(2025, date(1960, 6, 10), date(2025, 4, 1), previous=other, as_of=KENKO_ASKED))


#: The day the persons of :func:`elder_scenarios` move, and the birth of both (80 that day).
ELDER_MOVES, ELDER_BORN = date(2025, 6, 30), date(1945, 5, 5)


def elder_scenarios(other: str) -> tuple[Scenario, ...]:
    """Two persons of 80 whose moves only a 後期高齢者医療 rule decides, so that a product of 後期高齢者医療 alone,
    judged through the feed, is judged on them at every run (issue 66, F-E of the outsider's 後期高齢者医療 run: the
    corpus's persons were under 75 and no drawn example met them, so 第52条第2号 and 第53条第1項ただし書 stayed
    NOT_AUTOMATED without the 住民記録 driver): one moving in from another 都道府県 (資格取得日 the day of the move,
    第52条第2号), and one resident since 2010 moving to another 都道府県 whose 転入通知 names the move day itself
    (資格喪失日 that day, 第53条第1項ただし書). The first notifies ten days after the move: the 資格 is the move's
    day, not the 届出's."""
    return (Scenario(2025, ELDER_BORN, ELDER_MOVES, previous=other, notified=ELDER_MOVES + timedelta(days=10)),
            Scenario(2025, ELDER_BORN, date(2010, 4, 1), planned_out=ELDER_MOVES, elsewhere=ELDER_MOVES, next=other))


def _scenarios(target: Target, codes: tuple[str, str]) -> list[Scenario]:
    """The seed's examples: with the run's first seed the fixed corpus (:func:`fixed_scenarios`: the same at every
    seed, so judged once a run), then those drawn with the seed (the profile's max_examples)."""
    reproducible()
    drawn: list[Scenario] = fixed_scenarios(codes) if first_seed(target) else []

    @seed(target.seed)
    @settings(max_examples=target.max_examples, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(moves(codes), elders(codes)).flatmap(with_move_within))
    def draw(s: Scenario) -> None:
        drawn.append(s)

    draw()
    return drawn


def run_feed(target: Target) -> FeedResult:
    """Send every example's 異動 to the domain system and judge the answers after each: through the driver's feed
    where the profile declares it, else through the per-person load (``targets.load.append_path``: issue 64, a
    statute vendor without a driver), else NOT_AUTOMATED with the reason."""
    driver = target.driver
    fed = driver is not None and driver.implements(FEED)
    if not fed and target.append_path is None:
        raise NotAutomated(f"庁内連携: the profile declares neither the driver's {FEED} (targets.driver.operations) "
                           "nor targets.load.append_path: no 住民記録 異動 can be given to the domain system")
    client, town = target.need_http(), _town(target)
    # Only the parts of the domains the profile claims: a domain system answers its own (issue 64).
    parts = tuple(part for part in PARTS if target.claims(part.domain))
    compared: set[str] = set()
    via = FEED if fed else LOAD
    scenarios = _scenarios(target, other_codes(town))
    failing: list[Found] = []
    # The 戸籍の附票 (issue 66): judged through the feed only (the load cannot change a person it holds), where the
    # profile claims it and gives the harness, as the 戸籍 side, a path for the persons' 戸籍.
    koseki = target.koseki_path if target.claims(world_fuhyo.DOMAIN) else None
    for s in scenarios:
        if fed and driver is not None:
            breaches, sent = _through_feed(client, driver.base_path, s, town, compared, parts, koseki)
        else:
            breaches, sent = _through_load(target, s, town, compared, parts)
        if breaches:  # every example is judged: a breach of one neither ends the run nor hides another's
            failing.append(Found((asked_label(s), *sent), tuple(breaches)))
    first = failing[0] if failing else Found((), ())
    return FeedResult(first.breaches, first.steps, frozenset(compared), len(scenarios), via, tuple(failing))


def asked_label(s: Scenario) -> str:
    """The example as a finding names it, with the 年度 its first request (the 転入's, as_of its day) asks: the drawn
    scenario's own fiscal_year is not what the feed asks (issue 65 O3: a finding said fiscal_year=2017 while the
    request sent fiscal_year=2016&as_of=2017-01-01); each later step is asked the 年度 of its own day."""
    return replace(s, fiscal_year=fiscal_year_of(s.moved_in)).compact()


def _through_feed(client: HttpClient, base_path: str, s: Scenario, town: str, compared: set[str],
                  parts: tuple[Part, ...], koseki_path: str | None = None) -> tuple[list[Breach], list[str]]:
    """The example's 異動 one by one through the driver's feed, the person asked after each; the first breaches.
    With ``koseki_path`` the harness is the 戸籍 side too (:func:`_koseki_side`) and the person's 戸籍の附票 is judged
    as the cross-domain machine judges it."""
    atena, setai = _number(_ATENA_SERIALS), _number(_SETAI_SERIALS)
    world, sent, book = World(), [], world_fuhyo.Book()
    fed = messages(s, town, atena, setai)
    for index, (what, row) in enumerate(fed):
        feed(client, base_path, row)
        world.adopt(atena, [row])
        sent.append(f"{what}({row.get('異動日', '')})")
        _koseki_side(book, world, atena, what, client, koseki_path)
        # The scenario's own day (as_of) asked once its whole stay is fed.
        also = s.as_of if index == len(fed) - 1 else None
        breaches = list(_judged(client, world, atena, _asked_on(what, row), compared, parts, also,
                                book if koseki_path is not None else None, fuhyo_asked_on(what, row)))
        if breaches:
            return breaches, sent
    return [], sent


def _asked_on(what: str, row: dict[str, str]) -> date:
    """The day the person is asked after a 異動: its 異動日, but a 転居's 処理日 (its 届出年月日 when later), as the
    cross-domain machine asks: until the 届出 no system can know of the 転居 (a 附票 that versions its 修正 by the day
    it was made may still show the 住所 before it on the 異動日)."""
    moved = date.fromisoformat(row["異動日"])
    return max(moved, date.fromisoformat(row["届出年月日"])) if what == "転居" else moved


def fuhyo_asked_on(what: str, row: dict[str, str]) -> date:
    """The day the 戸籍の附票 is asked after a 異動: :func:`_asked_on`, but a 転入通知's not before the 転入日 it
    names (転出年月日（確定）): the feed sends it with the 転出's 異動日, and on that day the 住所 there was not yet
    set, so a 附票 answered as of ``as_of`` may rightly show the 住所 before it (issue 66, the outsider's 附票 run)."""
    day = _asked_on(what, row)
    arrived = row.get("転出年月日（確定）", "")
    return max(day, date.fromisoformat(arrived)) if what == "転入通知" and arrived else day


def _through_load(target: Target, s: Scenario, town: str, compared: set[str],
                  parts: tuple[Part, ...]) -> tuple[list[Breach], list[str]]:
    """The example as the world moves, through the per-person load: the person as of the 転入 appended and asked,
    then, where the stay ended, the person as of its end (a 死亡, a 国外転出, a 転出 with its 転入通知) appended and
    asked on its day and the day the stay ended. A load adds new 宛名番号 only (docs/profiles.md): each stage is a
    person of its own, the row of the stage, as the domain checks load theirs. A 国内転出 still awaiting its 転入通知 is
    not a stage: a migration row does not say it is within Japan (国民年金法 第9条第2号 turns on it)."""
    assert target.append_path is not None
    client = target.need_http()
    # The load cannot give a 転居 (a new person each stage): the 転入's stage is the row before it.
    stay = replace(s, planned_out=None, elsewhere=None, next=None, died=None, within=None)
    stages = [("転入", stay, stay.moved_in)]
    if s.died is not None:
        stages.append(("死亡", s, s.died))
    elif s.planned_out is not None and (s.next is None or s.elsewhere is not None):
        stages.append(("国外転出" if s.next is None else "転入通知", s, s.planned_out))
    sent: list[str] = []
    for index, (what, stage, day) in enumerate(stages):
        (loaded,) = load_many(client, [stage], town, target.append_path, target.records_path)
        world = World()
        world.adopt(loaded.atena, [_row(stage, town, loaded.atena, "")])
        sent.append(f"{what}({day.isoformat()}, appended)")
        also = s.as_of if index == len(stages) - 1 else None
        breaches = list(_judged(client, world, loaded.atena, day, compared, parts, also))
        if breaches:
            return breaches, sent
    return [], sent


def _koseki_side(book: world_fuhyo.Book, world: World, atena: str, what: str, client: HttpClient,
                 path: str | None) -> None:
    """The harness as the 本籍地's 戸籍 after a 異動 fed (issue 66: a 附票 system fed by 住民記録): the person gets a
    戸籍 of their own when the 転入 is fed (as the cross-domain machine gives one on its 転入), and the 除籍 is sent
    after a 死亡 (:func:`world_fuhyo.give`); a 戸籍 the vendor refused leaves the person's 附票 not compared."""
    if path is not None:
        world_fuhyo.give(book, world, "moves.in" if what == "転入" else what, [atena], client, path, {})


def _town(target: Target) -> str:
    """The vendor's municipality (its loaded test data's), or the test town's where none was loaded (as the
    住民記録 model's machine drives it: conformance/domains/jumin/model/steps.py ``TOWN``)."""
    return town_code(target) if target.data is not None else TOWN_CODE


def _judged(client: HttpClient, world: World, atena: str, day: date, compared: set[str],
            parts: tuple[Part, ...] = PARTS, also: date | None = None,
            book: world_fuhyo.Book | None = None, fuhyo_day: date | None = None) -> Iterator[Breach]:
    """The person's answers on the 異動's ``day``, on the day the stay ended and on ``also`` (the scenario's own
    day: :func:`kenko_scenarios`), against the oracles; with ``book`` (the 戸籍 given) the 戸籍の附票 too, on
    ``fuhyo_day`` (:func:`fuhyo_asked_on`; the 異動's day when not given, and the day after a 国外転出's
    転出予定年月日), as the cross-domain machine asks it."""
    seen = seen_of(world, atena)
    if isinstance(seen, str):
        return
    ended, fuhyo_day = seen.s.moved_out, fuhyo_day or day
    asked = {day, *(other for other in (ended, also) if other is not None)}
    for as_of in sorted(asked | ({fuhyo_day} if book is not None else set())):
        answer: dict[str, Any] = ask(client, atena, as_of)
        if book is not None and as_of == fuhyo_day:
            yield from world_fuhyo.judge(book, world, atena, answer, as_of, "the person fed", compared, client)
        for part in parts if as_of in asked else ():
            yield from judge_answer(part, seen, answer, as_of, "the person fed", compared)


@check("model.world.domains")
def domains_check(ctx: CheckContext) -> Iterator[Finding]:
    """The statute domains' per-person answers against their oracles fed from the model of 住民記録, after every
    異動 of the cross-domain machine (conformance/domains/world.py; run once per seed, its result cached on the
    target). Registered here, beside the feed, because a statute vendor without a driver is given the 異動 through
    the per-person load instead (:func:`_loaded_instead`; issue 64)."""
    target = ctx.need_target("a vendor system with a driver")
    try:
        found = world_result(target)
    except NotAutomated as missing:
        # Not offered (no driver, or not the operations the machine needs): through the load where the profile has
        # one, else NOT_AUTOMATED whatever the domain's own checks find (the runner runs them still and concludes
        # their findings, or NOT_AUTOMATED naming what did not run: never PASS from the per-person checks alone).
        if target.append_path is None and not (target.driver is not None and target.driver.implements(FEED)):
            raise
        yield from _loaded_instead(ctx, target, missing)
        return
    ways = distinct_ways(found.result.found, ctx.requirement.id)
    if not ways and ctx.requirement.id not in found.compared and not others_bound(ctx, WORLD):
        raise NotAutomated(f"no step of the cross-domain machine compared the rule of {ctx.requirement.id} in this "
                           f"run (seed {found.result.seed})")
    for index, (own, steps) in enumerate(ways):
        how = "after the steps" if index == 0 else "another way the answers differ, after the steps"
        for breach in own:
            yield ctx.finding(breach.code, f"{breach.message}: {how} [{'; '.join(steps)}] ({target.replay})",
                              location=f"model:world/step:{len(steps)}#{breach.item}",
                              expected=breach.expected, actual=breach.actual)


def way_of(breaches: tuple[Breach, ...]) -> frozenset[tuple[str, str, str]]:
    """How an example's breaches of one requirement differ from the oracles: each breach's code, the field it is of
    (its item without the person's day) and how the values differ (missing, not expected, earlier, later, other: as
    :func:`~conformance.checks.scenarios.difference` says of a scenario rule's answers). Two examples with one way
    are one counterexample; two ways, two."""
    return frozenset((breach.code, breach.item.rsplit("@", 1)[0], difference(breach.expected, breach.actual)[0])
                     for breach in breaches)


def distinct_ways(found: tuple[Found, ...], requirement: str) -> list[tuple[tuple[Breach, ...], tuple[str, ...]]]:
    """The failing examples of ``requirement`` (issue 65 item 4): the first (the fixed corpus's first, else the first
    drawn: :func:`conformance.domains.world_run.run_world` puts them in that order), then the first of each other way
    the answers differ (:func:`way_of`), in the order found, at most :data:`MAX_COUNTEREXAMPLES` in all; each with its
    breaches of the requirement and its steps (the replay)."""
    ways: list[tuple[tuple[Breach, ...], tuple[str, ...]]] = []
    seen: set[frozenset[tuple[str, str, str]]] = set()
    for example in found:
        own = tuple(breach for breach in example.breaches if breach.requirement == requirement)
        key = way_of(own)
        if own and key not in seen and len(ways) < MAX_COUNTEREXAMPLES:
            seen.add(key)
            ways.append((own, example.steps))
    return ways


def _loaded_instead(ctx: CheckContext, target: Target, missing: NotAutomated) -> Iterator[Finding]:
    """The requirement judged on the 異動 given through the load (the feed's run, shared: :func:`run_feed`) when the
    cross-domain machine cannot run: its breaches, reported here unless ``model.world.feed`` is bound beside (which
    reports the same); a rule the load did not compare is NOT_AUTOMATED naming why the machine did not run."""
    found = _result(target)
    # The machine's own reason names 住民記録's operations, which a domain system cannot offer: said as the
    # machine's, and what the domain system offers (the feed, the load) is what the reason is about (issue 66, F3).
    machine = f"the cross-domain machine, which drives a 住民記録 system, was not run ({missing})"
    if ctx.requirement.id not in found.compared:
        given = f"the driver's {FEED}" if found.via == FEED else "the load"
        raise NotAutomated(f"{machine}; no 異動 given through {given} compared the rule of {ctx.requirement.id} in "
                           f"this run ({found.examples} examples, seed {target.seed})")
    if found.via == LOAD and not _own(found, ctx.requirement.id):
        raise NotAutomated(f"{machine}; {load_only(found, ctx.requirement.id, target.seed)}")
    if any(getattr(bound, "name", "") == _CACHE for bound in ctx.requirement.checks):
        return
    yield from _findings(ctx, target, found)


def _own(found: FeedResult, requirement: str) -> bool:
    """Whether any example given breached ``requirement``."""
    return any(breach.requirement == requirement for example in found.found for breach in example.breaches)


def load_only(found: FeedResult, requirement: str, run_seed: int) -> str:
    """Why a rule the load alone judged is not PASS (issue 65, F5 of the outsider's 個人住民税 run): the load stands in
    for the feed so that a breach it shows is reported, but it appends each stage of a stay as a person of its own,
    so no 異動 of one person reached the domain system; with no breach the checks did not run as they claim
    (docs/driver.md, "庁内連携": without ``linkage.feed`` NOT_AUTOMATED with the reason)."""
    return (f"the profile declares no driver operation {FEED} (targets.driver.operations): the 異動 were given "
            f"through the per-person load only, each stage a person of its own, and no 異動 of one person was fed; "
            f"{found.examples} examples through the load found no breach of {requirement} (seed {run_seed})")


@check("model.world.feed")
def feed_check(ctx: CheckContext) -> Iterator[Finding]:
    """A domain system's answers after each 住民記録 異動 fed to it (``linkage.feed``), against the oracles (run once
    per seed, its result cached on the target)."""
    target = ctx.need_target("a vendor system with a driver")
    # Not offered (no driver, no feed declared): NOT_AUTOMATED, whatever other checks of the requirement find; the
    # runner runs them still, and concludes their findings or NOT_AUTOMATED, never PASS on theirs alone (issue 64).
    found = _result(target)
    own = [breach for example in found.found for breach in example.breaches if breach.requirement == ctx.requirement.id]
    if not own and ctx.requirement.id not in found.compared and not others_bound(ctx, _CACHE):
        raise NotAutomated(f"no 異動 fed compared the rule of {ctx.requirement.id} in this run "
                           f"({found.examples} examples, seed {target.seed})")
    if found.via == LOAD and not own:
        raise NotAutomated(load_only(found, ctx.requirement.id, target.seed))
    yield from _findings(ctx, target, found)


def _findings(ctx: CheckContext, target: Target, found: FeedResult) -> Iterator[Finding]:
    """The requirement's breaches of the 異動 given, as findings with the 異動 and the replay: the first failing
    example's, then one of each other way the answers differ (:func:`distinct_ways`)."""
    for index, (own, sent) in enumerate(distinct_ways(found.found, ctx.requirement.id)):
        how = "after the 異動 fed" if index == 0 else "another way the answers differ, after the 異動 fed"
        for breach in own:
            yield ctx.finding(breach.code, f"{breach.message}: {how} [{'; '.join(sent)}] ({target.replay})",
                              location=f"feed:{found.via}#{breach.item}", expected=breach.expected,
                              actual=breach.actual)


def _result(target: Target) -> FeedResult:
    """The feed's result for the target's seed: run once per seed, each exploring with its own draws (issue 65)."""
    return once_per_seed(target, _CACHE, run_feed, FeedResult)
