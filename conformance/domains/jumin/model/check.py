"""``model.jumin.state_machine``: the model of 住民記録 against the vendor, through random 異動 sequences.

The catalog binds the check to every requirement whose rule the model states (bindings.yaml). The
machine runs once per run (its result cached on the target); each bound requirement gets the breaches
of its own rules as findings, with the shrunk step sequence and the seed as evidence, then one breach of each other
way the vendor differs (:meth:`Result.every`), as drawn in a second pass that does not stop at a breach (run only when
the first found one), at most :data:`MAX_WAYS` in all. A requirement
whose rule no step of the run exercised is NOT_AUTOMATED for the run (never PASS); a vendor without a
driver, or whose adapter lacks one of the machine's operations, gets NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache, partial

from hypothesis import HealthCheck, Phase, Verbosity, seed, settings
from hypothesis.errors import Flaky, Unsatisfiable
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.layouts import item_column
from conformance.catalog.loader import load_edition
from conformance.checks.files.rules import shown_for
from conformance.checks.registry import (
    CheckContext,
    NotAutomated,
    check,
    first_seed,
    once_per_seed,
    once_per_target,
)
from conformance.domains.jumin.model.admin import LOG_OPERATION, USER_OPERATIONS, Administration
from conformance.domains.jumin.model.fixed_examples import (
    administration,
    archive,
    batches,
    boundaries,
    clerk,
    code_stock,
    csv_imports,
    full_read_walk,
    generations,
    kana_correction,
    long_sheet,
    namesakes,
    naturalization,
    prelude,
    refusals,
    support_cases,
    suppressions,
    twins,
    unknown_births,
)
from conformance.domains.jumin.model.forms import CertificateForms
from conformance.domains.jumin.model.jutogai import jutogai_of
from conformance.domains.jumin.model.machine import machine_for
from conformance.domains.jumin.model.paths import SEARCHES, Paths
from conformance.domains.jumin.model.steps import FIRST_PASS, SECOND_PASS, ModelBreach, Session, Undeclared
from conformance.domains.jumin.model.tokens import tokens
from conformance.domains.jumin.oracles.model import Breach, rules
from conformance.domains.jumin.scenarios.permissions import Users
from conformance.draws import reproducible
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.masking import is_personal_name, shown
from conformance.scenarios import DriverClient
from conformance.targets.base import Target
from conformance.targets.exports import ApiExportSource

#: The driver operations the machine cannot do without: its 世帯 are made by ``fixtures.persons``, and every step is
#: judged on the person, their history and their 世帯 as the driver reads them.
REQUIRED = ("fixtures.persons", "query.person", "query.history", "query.household")
#: The 異動 the machine draws, each where the adapter declares it (issue 64): a vendor offering a subset (the 13
#: basic operations, without ``ex_officio.correct`` and ``cancellations``) is judged by the model on that subset.
DRAWN = ("moves.in", "moves.within", "moves.out", "moves.out_confirm", "births", "deaths", "households.split",
         "households.merge", "households.head", "ex_officio.correct", "cancellations")
#: The driver operations the machine calls when every one is declared.
OPERATIONS = REQUIRED + DRAWN
#: The linkage API's operations the model reads after every step (the person, the history, the 世帯, the 異動差分, the
#: 閲覧 list, the 住民票の写し): read where the profile says the vendor serves them all (targets.api.operations).
LINKAGE = ("get_resident", "get_history", "get_household", "list_residents", "inspection_list", "issue_certificate")
#: Operations the machine calls when the adapter implements them (a vendor without them keeps the rest): 通称,
#: and the 支援措置 of 1.1.16 (ours, confirmed: false) whose protection 3.4 asks of every output.
OPTIONAL = ("tsusho.record", "tsusho.delete", "support.register", "support.update", "kyushi", "nationality",
            "suppressions.set", "suppressions.release", "cs.receive", "codes.stock", "codes.threshold",
            "import.csv", "batch.run", "archive.person", "batch.result", "batch.parameters", "batch.edit",
            "logs.auth")
#: Steps of one example (a sequence of 異動).
STEPS = 10
#: Items the driver protocol names by the spec's words that are no catalog data item (docs/driver.md).
_SPEC_ITEMS = frozenset({"異動事由区分", "処理日", "通知年月日", "申出年月日", "通称_記載年月日",
                         "通称_記載市区町村コード", "通称_削除年月日", "通称_削除市区町村コード",
                         "転出先住所（予定）_市区町村コード"})
_CACHE = "model.jumin.state_machine"
#: The edition of 住民記録 the machine drives through when the requirement judged is another edition's (共通機能's).
JUMIN_EDITION = ("jumin", "1.0")


@cache
def jumin_edition() -> EditionCatalog:
    """The bundled 住民記録 edition (its driver operations and data items), as the cross-domain machine loads it."""
    return load_edition(default_catalog_root().joinpath(*JUMIN_EDITION))


@dataclass(frozen=True)
class Found:
    """A failing example: its steps and the breaches of its last step."""

    steps: tuple[str, ...]
    breaches: tuple[Breach, ...]


@dataclass(frozen=True)
class Result:
    """What one run of the machine found: one failing example (shrunk), or every one (``Session.collect``)."""

    exercised: frozenset[str]
    found: tuple[Found, ...] = ()
    seed: int = 0
    #: The operations of the machine the profile's adapter does not declare (none: every one): the steps not sent.
    undeclared: tuple[str, ...] = ()
    #: After a shrunk failure, every failing example of a second pass that did not stop at one (as drawn, unshrunk).
    drawn: tuple[Found, ...] = ()

    @property
    def breaches(self) -> tuple[Breach, ...]:
        """Every breach of the run, in the order found."""
        return tuple(breach for example in self.found for breach in example.breaches)

    @property
    def steps(self) -> tuple[str, ...]:
        """The steps of the first failing example (none: no breach)."""
        return self.found[0].steps if self.found else ()

    def first(self, requirement: str) -> tuple[tuple[Breach, ...], tuple[str, ...]]:
        """The breaches of ``requirement`` in the first failing example that showed any, with its steps: a defect
        that breaks every example is reported on one of them, as a shrunk run reports its one."""
        for example in self.found:
            own = tuple(breach for breach in example.breaches if breach.requirement == requirement)
            if own:
                return own, example.steps
        return (), ()

    def every(self, requirement: str) -> list[tuple[Breach, tuple[str, ...], bool]]:
        """The breaches of ``requirement`` to report, each with its example's steps and whether it is as drawn (from
        :attr:`drawn`): those of :meth:`first`, then the first breach of each other way (:func:`way`) of the other
        failing examples, at most :data:`MAX_WAYS` ways in all (issue 65: every distinct counterexample)."""
        own, steps = self.first(requirement)
        chosen = [(breach, steps, False) for breach in own]
        ways = {way(breach) for breach in own}
        examples = [(example, False) for example in self.found] + [(example, True) for example in self.drawn]
        for example, drawn in examples:
            for breach in example.breaches:
                if breach.requirement == requirement and way(breach) not in ways and len(ways) < MAX_WAYS:
                    ways.add(way(breach))
                    chosen.append((breach, example.steps, drawn))
        return chosen


#: How many ways a requirement's breaches may differ in the findings at most (the first example's breaches all count).
MAX_WAYS = 5
_NUMBERS = re.compile(r"[0-9]+")


def way(breach: Breach) -> tuple[str, str]:
    """What makes two breaches two counterexamples rather than one met twice: the code and the item, with the
    numbers in it (宛名番号, 世帯番号, a row's index or a line) left out."""
    return breach.code, _NUMBERS.sub("N", breach.item)


@check("model.jumin.state_machine", reads_exports=True)
def state_machine(ctx: CheckContext) -> Iterator[Finding]:
    """The vendor against the model of 住民記録 on random 異動 sequences and every read path."""
    target = ctx.need_target("a vendor system with a driver")
    # Not offered (no driver, or not the operations the machine cannot do without): NOT_AUTOMATED, whatever the other
    # checks of the requirement find (the runner still runs them: their findings stand, never a PASS on them alone).
    result = _result(target)
    every = result.every(ctx.requirement.id)
    if not every and ctx.requirement.id not in result.exercised:
        unexercised = unexercised_reason(ctx.requirement.id, result)
        if result.undeclared:
            # A subset of the operations declared: the rule's steps may be the ones not offered. Never PASS on the
            # other checks alone, the reason naming what the machine could not send (issue 64).
            ctx.did_not_run(f"{unexercised}; the profile's driver does not declare "
                            f"{', '.join(result.undeclared)} (targets.driver.operations)")
        elif not others_bound(ctx):
            # Alone on the requirement, a rule no step exercised verifies nothing: never PASS. Beside other
            # checks it adds no evidence this run and takes none away (their verdict stands).
            raise NotAutomated(unexercised)
    unshrunk = replace(target, shrink=False)  # an example of the second pass replays with --shrink off
    for breach, steps, drawn in every:
        yield _finding(ctx, unshrunk if drawn else target, breach, steps)


def unexercised_reason(requirement: str, result: Result) -> str:
    """Why ``requirement`` is not judged by the run: no step exercised its rule; and where examples ended at a breach
    (an example stops at its first: the vendor's state has left the model's, so no later step of it can be judged),
    the requirements whose breaches ended them, so that a reader sees the NOT_AUTOMATED follows from those FAILs."""
    reason = (f"no step of the model's state machine exercised the rule of {requirement} in this run "
              f"(seed {result.seed})")
    broken = sorted({breach.requirement for example in (*result.found, *result.drawn) for breach in example.breaches})
    if not broken:
        return reason
    return (f"{reason}; the examples that might have reached it ended at a breach of {', '.join(broken)} (an example "
            "stops at its first breach: the vendor's state then differs from the model's)")


def others_bound(ctx: CheckContext, name: str = _CACHE) -> bool:
    """Whether an automated check other than ``name`` is bound to the requirement (the cross-domain machine asks
    it for its own check: conformance/domains/world.py)."""
    return any(getattr(bound, "name", name) != name for bound in ctx.requirement.checks
               if getattr(bound, "kind", "") != "manual")


def _result(target: Target) -> Result:
    """The machine's result for the target's seed: run once per seed, each seed exploring with draws of its own
    (issue 65 item 3); an edition without driver operations plays the fixed ``tokens`` alone, once a run."""
    if not target.catalog.driver_operations:
        return once_per_target(target, _CACHE, run_tokens, Result)  # nothing drawn: the same at every seed
    return once_per_seed(target, _CACHE, run_machine, Result)


#: The serials of a later seed's drawn persons (their 住民票コード, 個人番号 and 在留カード等番号 are made of them): a
#: block of ``SEED_BLOCK`` of its own, below the fixed examples' (85,000,000 up), so that a later seed's persons are
#: new to the vendor, as the first seed's (from 1) are. The block is the seed's (``1 + seed % SEED_BLOCKS``), the
#: next free one when two seeds of the run meet (in the seeds' order by value: the same whatever their order in the
#: run), so that ``--seed T --seed S`` gives S the block it had.
SEED_BLOCK = 1_000_000
SEED_BLOCKS = 84


def first_serial(target: Target) -> int:
    """The first serial of the drawn persons of the target's seed: 1 for the run's first seed, else its block's."""
    if first_seed(target):
        return 1
    own, taken = target.seed, {0}
    for later in sorted({*target.seeds, own} - {target.seeds[0]}):
        block = 1 + later % SEED_BLOCKS
        while block in taken:
            block = block % SEED_BLOCKS + 1
        taken.add(block)
        if later == own:
            break
    return block * SEED_BLOCK


def run_machine(target: Target) -> Result:
    """Run the state machine against the target (Hypothesis: the profile's max_examples and the run's seed). A run
    that shrank a failure runs again without shrinking, going on past each breach (``--shrink off``), so that the
    other ways the vendor differs are reported too (:attr:`Result.drawn`); a run without a breach runs once."""
    result = _run(target)
    if result.found and target.shrink and target.every_breach:
        # Its draws may follow the vendor's state, which the first pass changed (Hypothesis: Flaky): then it adds
        # nothing, and the first pass's findings stand alone.
        with suppress(Flaky):
            # Its persons numbered apart from the first pass's, which stay in the vendor and its export (issue 65).
            second = _run(replace(target, shrink=False), SECOND_PASS)
            # The first pass ended at its breach, before the fixed examples after it; the second goes on past each
            # breach and judges them: a rule it exercised is judged in this run (its breaches are reported with the
            # first pass's), not left NOT_AUTOMATED for a breach elsewhere (issue 67, the third blind round).
            result = replace(result, drawn=second.found, exercised=result.exercised | second.exercised)
    return result


def _run(target: Target, series: int = FIRST_PASS) -> Result:
    """One run of the machine: shrinking the first failure, or (not shrinking) recording every one; its persons
    numbered in ``series`` (``Session.series``)."""
    session = session_of(target, series)
    paths = session.paths
    machine = seed(target.seed)(machine_for(session))
    options = machine_settings(target)
    # The fixed examples with the run's first seed only (first_seed); a later seed's session registers a clerk of
    # its own, then explores with its draws alone.
    fixed = first_seed(target)
    try:
        for example in BEFORE_THE_DRAWS if fixed else LATER_SEED:
            _fixed(session, example)
        draw(session, machine, options)
        for example in AFTER_THE_DRAWS if fixed else ():
            _fixed(session, example)
    except (ModelBreach, Flaky):
        if not session.failures:
            raise
    apart = _apart(session, tokens, target.seed) if fixed else ()
    if session.failures and not session.collect:
        drawn = result_of(session, target.seed)
        return replace(drawn, found=drawn.found + apart, exercised=frozenset(session.exercised))
    # Collecting, the examples that ended without a breach are reconciled with the export too: their persons read
    # as the model says on every path, so a difference in the export is the export's (one defect does not hide it).
    reconciled = _reconcile_export(session, paths, target.seed)
    return replace(reconciled, found=result_of(session, target.seed).found + reconciled.found + apart,
                   undeclared=_undeclared(session))


def _apart(session: Session, example: Callable[[Session], None], run_seed: int) -> tuple[Found, ...]:
    """A fixed example in a session of its own (its requirements exercised in the run's): a breach of it neither
    hides the run's nor is hidden by one (a shrinking run keeps its last failure only)."""
    own = replace(session, failures=[], family=None)
    with suppress(ModelBreach, Undeclared):
        example(own)
    return result_of(own, run_seed).found


def run_tokens(target: Target) -> Result:
    """The fixed example ``tokens`` alone, for an edition whose catalog has no driver operation (共通機能: the
    付番 API's requirements): the 住民記録 edition's session over the same driver (its 認証ログ), nothing drawn."""
    session = session_of(replace(target, catalog=jumin_edition()))
    found = _apart(session, partial(tokens, refused=True), target.seed)
    return Result(frozenset(session.exercised), found, target.seed)


def result_of(session: Session, run_seed: int) -> Result:
    """The run's result from its session: the last failing example (the shrunk one: Hypothesis ends with it), or in
    collect mode every failing example in the order found."""
    failures = session.failures if session.collect else session.failures[-1:]
    return Result(frozenset(session.exercised), tuple(Found(steps, failure.breaches) for steps, failure in failures),
                  run_seed, _undeclared(session))


def _undeclared(session: Session) -> tuple[str, ...]:
    """The machine's operations the adapter does not declare, in the order the machine knows them."""
    known = (*DRAWN, *OPTIONAL)
    return tuple(sorted(session.undeclared, key=lambda name: (known.index(name) if name in known else len(known),
                                                                name)))


#: The fixed examples, drawn by no one, before the draws: the run's clerk first (10.3: every other 異動 of the
#: machine is sent as it); a 通称 recorded and judged whatever the seed; the refusals the draws may miss (E003,
#: E002, E009, E010); a 帰化 of a 支援対象者 (4.5.3: the drawn rules send none); a 世帯 of three generations whose
#: ages and 続柄 disagree (5.2).
BEFORE_THE_DRAWS: tuple[Callable[[Session], None], ...] = (
    administration, prelude, refusals, naturalization, generations, namesakes)
#: After the draws, so that they cannot move them (the draws depend on the vendor's state): 抑止 with several
#: settings (3.1 R002, R006, R008); a 職権修正 of a フリガナ, then the かな検索 by the new one (2.1.2 R001); a
#: 併せて支援措置を求める者 (3.4 R001) and a 仮支援措置 (R008), whatever the draws; the 住民票コード stock (4.3.1
#: R001, R002, R004); the CSV imports (10.8 R002, R003, R005); the 除票用データベース (9.3 R001); the バッチ処理's
#: parameters and 実行結果 (9.1 R001, R002, R003, R005); a 世帯全員 写し whose 別紙 runs past a page (5.1 R005); one of
#: twins, by 宛名番号 (5.2 R009); the 除票's forms of persons born on a day 不詳 (5.1 R003 with 1.1.8 R004, R005); the
#: 全件 walked across a 異動 (7.2.3 R002). The
#: 付番 API's sessions (``tokens``) run after them in a session of their own (``_apart``). Last, the days a refusal
#: turns on (E001, E002, E003), each the day of and the day after, by construction (``boundaries``). The 不詳 births
#: and the 全件's walk run first: a breach there ends the first pass before ``csv_imports``, whose persons the second
#: pass would otherwise meet again as namesakes (its 住民異動届 then answered E051: issue 67's blind round, noticed).
AFTER_THE_DRAWS: tuple[Callable[[Session], None], ...] = (unknown_births, full_read_walk, suppressions,
                                                          kana_correction, support_cases, code_stock, csv_imports,
                                                          archive, batches, long_sheet, twins, boundaries)

#: Before a later seed's draws: its own clerk (``administration``'s first step), so that its drawn 異動 are sent as
#: the first seed's are, every other one in a clerk's session.
LATER_SEED: tuple[Callable[[Session], None], ...] = (clerk,)


def _fixed(session: Session, example: Callable[[Session], None]) -> None:
    """One fixed example; in collect mode a breach (recorded by the machine) ends this example only. An operation
    the adapter does not declare ends it where it stands (``Session.undeclared`` names it): what it judged before
    stands, and the run goes on with the next."""
    try:
        example(session)
    except Undeclared:
        return
    except ModelBreach:
        if not session.collect:
            raise


def draw(session: Session, machine: type[RuleBasedStateMachine], options: settings) -> None:
    """The drawn examples (in collect mode: a breach rejects its example, and Hypothesis draws on; if every one
    was rejected it says Unsatisfiable, which is no error of the vendor's: the breaches are the finding). Past the
    session's budget of examples Hypothesis stops with Flaky (``Session.spent``): the draws are done, and the run goes
    on (its fixed examples after the draws, the export). Hypothesis starts more examples than it counts (an example
    whose first rule it cannot pick is not counted: about half of them), so a run of the README's three seeds (9
    examples each) reached the budget of 18 without a breach: its draws ended in that error, the check's requirements
    were ERROR with ``--shrink off``, and a second pass after a shrunk failure reported nothing (issue 67)."""
    session.drawing = True
    try:
        run_state_machine_as_test(machine, settings=options)
    except Unsatisfiable:
        if not session.failures:
            raise
    except Flaky:
        if not session.spent:
            raise
    finally:
        session.drawing = False


def machine_settings(target: Target) -> settings:
    """Hypothesis' settings of a run of the machine: the profile's max_examples, ``STEPS`` a sequence, the shrink as
    the run says, no database, quiet (the cross-domain machine runs with them too: conformance/domains/world.py)."""
    reproducible()  # the draws a function of the seed alone, whatever the process imported (conformance/draws.py)
    return settings(max_examples=target.max_examples, stateful_step_count=STEPS, deadline=None, database=None,
                    derandomize=False, phases=(Phase.generate, Phase.shrink) if target.shrink else (Phase.generate,),
                    verbosity=Verbosity.quiet, suppress_health_check=list(HealthCheck), print_blob=False,
                    report_multiple_bugs=False)


def session_of(target: Target, series: int = FIRST_PASS) -> Session:
    """The machine's session on the target: its driver and read paths (NOT_AUTOMATED without a driver, or
    without one of the operations it cannot do without, :data:`REQUIRED`); of the 異動 it draws, those the adapter
    declares (:data:`DRAWN`: the others are named in ``Session.undeclared``); its persons numbered in ``series``."""
    driver = target.driver
    if driver is None:
        raise NotAutomated("the model's state machine needs the driver protocol (targets.driver)")
    missing = [operation for operation in REQUIRED if not driver.implements(operation)]
    if missing:
        raise NotAutomated("the model's state machine needs driver operation(s) the profile does not declare "
                           f"(targets.driver.operations): {', '.join(missing)}")
    operations = {operation.id: operation for operation in target.catalog.driver_operations}
    names = {item.name for item in target.catalog.data_items} | _SPEC_ITEMS
    exports = target.exports if isinstance(target.exports, ApiExportSource) else None
    client = DriverClient(target.need_http(), driver.base_path, operations)
    # The linkage API's reads where the profile says the vendor serves them all (else the driver's reads alone).
    linkage = target.http if all(target.serves(operation) for operation in LINKAGE) else None
    paths = Paths(client, linkage, names.__contains__,
                  exports, searches=frozenset(search for search in SEARCHES if driver.implements(search)),
                  forms=CertificateForms.of(target))
    # Not shrunk, the run collects every breach (Session.collect), and draws at most twice the profile's examples.
    residents = {row.get("宛名番号", "") for row in target.data.rows} - {""} if target.data is not None else set()
    return Session(paths, serials=itertools.count(first_serial(target)), series=series,
                   optional=frozenset(operation for operation in OPTIONAL if driver.implements(operation)),
                   admin=_administration(target, client), collect=not target.shrink and target.every_breach,
                   example_budget=2 * target.max_examples, jutogai=jutogai_of(target.http, residents),
                   declares=driver.implements,
                   undeclared={operation for operation in DRAWN if not driver.implements(operation)})


def _administration(target: Target, client: DriverClient) -> Administration:
    """The users (10.3) where the adapter registers and logs them in and the HTTP client can send the session's
    header, and the 操作ログ (10.2) where it answers ``logs.operations``."""
    driver = target.driver
    assert driver is not None
    http = target.need_http()
    send, url = getattr(http, "send", None), getattr(http, "catalog_url", None)
    users = Users(client, send, url, client.base_path) if callable(send) and callable(url) and all(
        driver.implements(operation) for operation in USER_OPERATIONS) else None
    return Administration(client, users=users, logs=driver.implements(LOG_OPERATION))


def _reconcile_export(session: Session, paths: Paths, run_seed: int) -> Result:
    """After a run without a breach (collecting: after any run), the export fetched once against the model of every
    example that ended without one (10.6 R001);
    the first example that disagrees is the finding, with its steps (not shrunk: the export is read once)."""
    if not paths.exporting:
        return Result(frozenset(session.exercised), seed=run_seed)
    exercised = frozenset(session.exercised | {rules.EXPORTED})
    worlds = [world for _, world in session.finished]
    for (steps, _), breaches in zip(session.finished, paths.compare_exports(worlds), strict=True):
        if breaches:
            return Result(exercised, (Found(steps, tuple(breaches)),), run_seed)
    return Result(exercised, seed=run_seed)


def _finding(ctx: CheckContext, target: Target, breach: Breach, steps: tuple[str, ...]) -> Finding:
    message = f"{breach.message}: after the steps [{'; '.join(steps)}] ({target.replay})"
    location = f"model:jumin/step:{len(steps)}" + (f"#{breach.item}" if breach.item else "")
    return ctx.finding(breach.code, message, location=location, expected=_show(target, breach, breach.expected),
                       actual=_show(target, breach, breach.actual))


def _show(target: Target, breach: Breach, value: str | None) -> str | None:
    """A value as a finding shows it: masked when the item is personal (one value of a set at a time)."""
    if value is None:
        return None
    name = breach.item.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    column = item_column(target.catalog, name)
    parts = value.split(" | ")
    return " | ".join(shown_for(part, column) if column is not None else shown(part, is_personal_name(name))
                      for part in parts)
