"""The run of the one world across domains (:mod:`conformance.domains.world`: the machine; issue 70 split it from
the machine by what changes together): the fixed corpus played before the draws
(:mod:`conformance.domains.world_corpus`, issue 65 item 3), the drawn examples, the fixed examples after them
(:func:`~conformance.domains.world.protected_copies`, :func:`~conformance.domains.world.naturalized`), and the
outcome kept once a run for the checks that read it (``model.world.domains`` and ``model.world.feed``:
:mod:`conformance.domains.feed`)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache

from hypothesis import seed
from hypothesis.errors import Flaky

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.checks.registry import NotAutomated, first_seed, seed_key
from conformance.domains import world_fuhyo
from conformance.domains.jumin.model.check import Found, Result, draw, machine_settings, result_of, session_of
from conformance.domains.jumin.model.machine import _IDENTITY as RETURN_ITEMS
from conformance.domains.jumin.model.steps import TOWN, WORLD, ModelBreach, Session, Undeclared
from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.jumin.oracles.model import rules as model_rules
from conformance.domains.koseki_fuhyo import forms as fuhyo_forms
from conformance.domains.world import DOMAINS, WorldMachine, WorldSession, naturalized, protected_copies
from conformance.domains.world_corpus import CORPUS, Event, Example
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import CLAIM_ITEM
from conformance.locations import default_catalog_root
from conformance.oracles.dates import months_later
from conformance.targets.base import Target

#: The cache key of the machine's outcome in a target's cache (the check that reads it first).
_CACHE = "model.world.domains"

#: The first serial of the persons of the fixed corpus (:func:`fixed_corpus`): apart from the drawn examples', the
#: 住民記録 machine's fixed examples' (86,000,000 to 99,999,999) and the other fixed examples' here.
CORPUS_SERIALS = 85_000_000
#: The 住所 of a 転居 of the corpus: another 町字 of the town.
_CORPUS_ADDRESS = {"住所_町字": "栄町", "住所_番地号表記": "85番地", "住所_方書": ""}


class CorpusMachine(WorldMachine):
    """The machine of the fixed corpus: a breach of the domains' answers is recorded with the steps so far and the
    example goes on (an answer read changes nothing the next step stands on, so a defect of one part does not hide
    another's later in the example: a group of defects run together meets each); a breach of a 住民記録 step still
    ends it (the model's state no longer says what the vendor holds)."""

    def _check(self, breaches: Sequence[Breach], family: str) -> None:
        if family != DOMAINS or not breaches or not self._judges(family):
            super()._check(breaches, family)
            return
        if self.session.family is None:
            self.session.family = family
        self.session.failures.append((tuple(self.steps), ModelBreach(breaches, len(self.steps))))


def fixed_corpus(session: Session, extra: WorldSession, run_seed: int) -> tuple[Found, ...]:
    """The fixed corpus (:mod:`conformance.domains.world_corpus`) played before the draws, whatever the seed: each
    example in a session of its own (its breaches neither hide nor are hidden by the draws'; every one kept:
    :class:`CorpusMachine`), its persons of serials of their own. A 異動 the adapter does not declare ends its example
    where it stands (``Session.undeclared`` names it)."""
    serials = itertools.count(CORPUS_SERIALS)
    found: list[Found] = []
    for example in CORPUS:
        own = replace(session, failures=[], family=None, serials=serials, collect=True)
        machine = type("CorpusMachine", (CorpusMachine,), {"session": own, "world_session": extra})()
        machine.example = example.name
        with suppress(ModelBreach, Undeclared):  # recorded in own.failures
            _play(machine, example)
            machine.teardown()
        found += result_of(own, run_seed).found
    return tuple(found)


def _play(machine: WorldMachine, example: Example) -> None:
    """The example's 世帯 made and asked, then each 異動 on its 処理日 (the machine's day moved on to it)."""
    machine.unknown_birth, machine.claim = example.unknown, example.claim
    try:
        made = machine.household(len(example.births), None if example.unknown is None else 0,
                                 [day.isoformat() for day in example.births], unknown=False, headless=False,
                                 relations=list(example.relations))
    finally:
        machine.unknown_birth, machine.claim = None, None
    machine._check(list(machine._domains(made)), DOMAINS)
    if len(made) < len(example.births):
        return  # the 世帯 was not made as asked: the model judged the step, nothing of the example can follow
    for event in example.events:
        machine._advance(max((event.processed - machine.today).days, 0))
        _EVENTS[event.kind](machine, made, event)


def _within(machine: WorldMachine, made: list[str], event: Event) -> None:
    members = machine.world.members(machine.world.latest(made[event.member]).get("世帯番号", ""))
    request = {"宛名番号": members, "住所": _CORPUS_ADDRESS, "異動日": event.on.isoformat(),
               "届出年月日": event.processed.isoformat(), "処理日": machine.today.isoformat()}
    machine._step("moves.within", request, f"moves.within({machine._ps(members)}, 異動日 {event.on.isoformat()})")


def _birth(machine: WorldMachine, made: list[str], event: Event) -> None:
    """A 出生 into the 世帯 of the member (as the machine's ``birth`` rule sends one, born on ``event.on``)."""
    row = machine.world.latest(made[event.member])
    head = machine.world.head(row.get("世帯番号", ""))
    person = {**machine._person(2, False, event.on.isoformat()), "続柄": "子",
              "世帯主氏名": machine.world.latest(head)["氏名"] if head else ""}
    person.update({item: row.get(item, "") for item in model_rules.ADDRESS})
    for item in ("住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日"):
        person.pop(item, None)
    request = {"世帯番号": row.get("世帯番号", ""), "person": person, "届出年月日": machine.today.isoformat(),
               "処理日": machine.today.isoformat()}
    machine._step("births", request, f"births({machine._p(made[event.member])}'s 世帯)")


def _move_in(machine: WorldMachine, made: list[str], event: Event) -> None:
    """A 国内転入 of a new 世帯 of one (a 日本人: a 戸籍 of their own, as the machine gives a 転入's person)."""
    person = machine._person(0, False, (event.born or event.on).isoformat())
    request = {"区分": "国内転入", "persons": [person], "異動日": event.on.isoformat(),
               "届出年月日": event.processed.isoformat(), "処理日": machine.today.isoformat()}
    machine._step("moves.in", request, f"moves.in(国内転入, 異動日 {event.on.isoformat()})")


def _move_out(machine: WorldMachine, made: list[str], event: Event) -> None:
    """The member's 転出 on the day, within Japan with its 転入通知 (the 転入日 that day)."""
    machine._moves_on(made[event.member], 0, 0, event.where, event.on.isoformat())


#: Why a 再転入 of the fixed corpus was not sent.
NOT_RETURNED = "the 転出 of a 再転入 of the fixed corpus is no 除票 yet (or no moves.in): the 再転入 is not sent"


def _return(machine: WorldMachine, made: list[str], event: Event) -> None:
    """The member's 再転入 under their 除票's 宛名番号 (4.1.1.2 R002: as the 住民記録 machine's ``come_back`` sends
    one) on the day: the first member a 世帯 of their own (with the 児童手当 認定請求 of that day where the event
    says so), another into the first member's 世帯 when that one is back (its 続柄 kept: a 子 comes back as 子), after
    which the first member is asked again (the 世帯's 児童手当 and 就学 are theirs). Not sent while the 転出 is not yet
    a 除票 (the vendor keeps the record 住民 until the 転入通知, 1.1.5 R001: a 国外転出's never comes) nor where the
    adapter does not declare ``moves.in``."""
    atena = made[event.member]
    row = machine.world.latest(atena)
    if row.get("住民状態") != model_rules.MOVED_OUT or not machine._offers("moves.in"):
        skipped = machine.world_session.skipped
        skipped[NOT_RETURNED] = skipped.get(NOT_RETURNED, 0) + 1
        return
    person = {**{item: row.get(item, "") for item in RETURN_ITEMS}, "宛名番号": atena, "続柄": "世帯主", **TOWN}
    if event.claim:
        person[CLAIM_ITEM] = event.on.isoformat()
    request = {"区分": "国内転入", "persons": [person], "異動日": event.on.isoformat(),
               "届出年月日": event.processed.isoformat(), "処理日": machine.today.isoformat()}
    head = machine.world.latest(made[0])
    joins = event.member > 0 and head.get("住民状態") == model_rules.CURRENT
    if joins:
        person.update({"続柄": row.get("続柄", ""), "世帯主氏名": head.get("氏名", ""),
                       **{item: head.get(item, "") for item in model_rules.ADDRESS}})
        request["世帯番号"] = head.get("世帯番号", "")
    machine._step("moves.in", request, f"moves.in({machine._p(atena)}, 再転入 {event.on.isoformat()})")
    if joins and machine._judges(DOMAINS):
        machine._check(list(machine._domains([made[0]], (months_later(event.on, 1),))), DOMAINS)


def _leave(machine: WorldMachine, made: list[str], event: Event) -> None:
    """The whole 世帯's 転出 on the day, within Japan each member's 転入通知 (the 転入日 that day)."""
    machine._family_leaves(made, 0, event.where, event.on.isoformat())


def _death(machine: WorldMachine, made: list[str], event: Event) -> None:
    atena = made[event.member]
    request = {"宛名番号": atena, "異動日": event.on.isoformat(), "通知年月日": machine.today.isoformat(),
               "処理日": machine.today.isoformat()}
    machine._step("deaths", request, f"deaths({machine._p(atena)}, {event.on.isoformat()})")


_EVENTS = {"births": _birth, "moves.within": _within, "moves.in": _move_in, "moves.out": _move_out,
           "moves.leave": _leave, "moves.return": _return, "deaths": _death}


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
    """Run the cross-domain machine against the target (the profile's max_examples, the target's seed). The fixed
    corpus and the fixed examples are the same at every seed: played with the run's first seed only (a later seed's
    run explores with its draws, its persons of serials of its own: ``session_of``). Its persons are numbered in a
    series of their own (``Session.series``): the 住民記録 machine of the same seed draws from the same serials, on
    the same vendor where a run judges both domains (issue 65)."""
    session = session_of(target, WORLD)
    extra = world_session(target)
    first = first_seed(target)
    # The fixed corpus first (issue 65 item 3): the same examples at every seed, before anything is drawn.
    corpus = fixed_corpus(session, extra, target.seed) if first else ()
    machine = seed(target.seed)(machine_for(session, extra))
    try:
        draw(session, machine, machine_settings(target))
    except (ModelBreach, Flaky):
        if not session.failures:
            raise
    drawn = result_of(session, target.seed)
    if not first:
        return WorldResult(drawn, frozenset(extra.compared), dict(extra.skipped))
    # The fixed example runs whatever the draws found, in a session of its own: a shrinking run keeps its last failure
    # only (result_of), and a breach of the draws must neither hide the 写し's nor be hidden by it.
    copies = replace(session, failures=[], family=None)
    with suppress(ModelBreach, Undeclared):  # recorded in copies.failures
        protected_copies(copies, extra, extra.koseki_path, target.offers_statute_form(fuhyo_forms.FORM_ID))
    kika = replace(session, failures=[], family=None)
    with suppress(ModelBreach, Undeclared):  # recorded in kika.failures
        naturalized(kika, extra)
    fixed = result_of(copies, target.seed).found + result_of(kika, target.seed).found
    found = replace(drawn, found=corpus + drawn.found + fixed)
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


#: The machine's outcome of the latest runs, by the run's driver target, then by seed (examples, shrink): a run opens
#: one target per edition, each with a cache of its own, but hands every one the profile's one ``targets.driver``
#: (session.py) and the one vendor; the machine runs once a run and seed, not once per edition it is bound in (the
#: object itself is kept and compared, so an id reused by another run's profile never matches). Every seed of the
#: latest runs is kept: the runner judges a requirement with each seed before the next edition's asks the first.
_RUNS: dict[int, tuple[object, dict[tuple[int, int, bool], WorldResult | NotAutomated]]] = {}
_KEPT_RUNS = 4


def world_result(target: Target) -> WorldResult:
    """The machine's outcome on the target, run once a run and seed (NotAutomated, kept, when it cannot run for the
    profile; each seed explores with its own draws, issue 65); the check ``model.world.domains`` reads it
    (conformance/domains/feed.py, beside the load that stands in)."""
    key = (target.seed, target.max_examples, target.shrink)
    cache_key = seed_key(_CACHE, target.seed)
    cached = target.cache.get(cache_key)
    shared = _RUNS.get(id(target.driver))
    if cached is None and target.driver is not None and shared is not None and shared[0] is target.driver:
        cached = shared[1].get(key)
    if isinstance(cached, NotAutomated):
        raise cached
    if isinstance(cached, WorldResult):
        return cached
    outcome: WorldResult | NotAutomated
    try:
        outcome = run_world(target if target.catalog.driver_operations else replace(target, catalog=jumin_edition()))
    except NotAutomated as reason:
        outcome = reason
    target.cache[cache_key] = outcome
    if target.driver is not None:
        _kept(target.driver)[key] = outcome
    if isinstance(outcome, NotAutomated):
        raise outcome
    return outcome


def _kept(driver: object) -> dict[tuple[int, int, bool], WorldResult | NotAutomated]:
    """The outcomes kept for ``driver``'s run (those of the oldest other runs let go)."""
    shared = _RUNS.get(id(driver))
    if shared is None or shared[0] is not driver:
        _RUNS.pop(id(driver), None)
        while len(_RUNS) >= _KEPT_RUNS:
            del _RUNS[next(iter(_RUNS))]
        shared = _RUNS[id(driver)] = (driver, {})
    return shared[1]


#: The edition of 住民記録 the model is written from (docs/model.md): its driver operations and data items.
JUMIN_EDITION = ("jumin", "1.0")


@cache
def jumin_edition() -> EditionCatalog:
    """The 住民記録 edition the machine drives through, when the requirement judged is a statute edition's (whose
    catalog names no driver operation): the bundled catalog's (a run with ``--catalog`` elsewhere still drives
    through the bundled 住民記録 edition: noted in docs/model.md)."""
    return load_edition(default_catalog_root().joinpath(*JUMIN_EDITION))
