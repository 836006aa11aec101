"""The pytest front end: requirements collected as items named by their ids. Thin by design.

The plugin is registered through the ``pytest11`` entry point and stays inert until one of its
options is given (``--conformance``, ``--conformance-profile`` ...), so installing the package
does not change anybody else's test runs. Items are named by requirement id, so ``-k``,
``--deselect`` and JUnit share one key. A requirement is judged in the item's setup, so a check
that could not judge (ERROR) is a pytest error (JUnit ``<error>``) and a FAIL a test failure
(JUnit ``<failure>``, Allure "failed"); NOT_AUTOMATED, MANUAL, NOT_APPLICABLE and WAIVED show as
skips whose reason starts with the state; ``results.json`` keeps the real state.

The run's scope is every requirement of the editions the profile claims: results that do not cover
it all (``-k``, ``--deselect``, ``--domain``, ``--shard``, ``--lf`` ...) make a partial run, recorded
with its selection. The first time the target cannot be reached or opened, the run stops
(``session.shouldstop``) with one message, and its verdict is ``not_run``; so does an interrupted run.

``--conformance-shard i/n`` keeps every n-th requirement (in sorted id order) starting at the i-th,
so n CI machines run disjoint parts of one run and ``conformance report merge`` joins them; with
``--conformance-shard-durations FILE`` (an earlier run's results.json) the shards are balanced by the
durations it recorded instead (:func:`balanced_shards`). With
allure-pytest active (``--alluredir``), each item gets labels for domain, edition, requirement and
level, and a link to its source section.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from conformance import clock
from conformance.catalog.catalog import EditionCatalog, LocatedError
from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck, edition_label
from conformance.embedded import parse_defects
from conformance.errors import (
    ConformanceError,
    CredentialsRefused,
    ProfileError,
    SpecError,
    UnreachableError,
    UsageError,
)
from conformance.locations import default_catalog_root, reference_profile
from conformance.masking import Scrubber, personal_item_names, scrub_document, scrub_result
from conformance.options import (
    REFERENCE_TRANSPORTS,
    add_plugin_options,
    check_reference_transport,
    parse_evidence,
    parse_shrink,
)
from conformance.plan import Case, attestation_gaps, plan_edition, waiver_problems
from conformance.profiles import Profile, load_profile, resolved_attestations
from conformance.reporting.allure_labels import attach_result, label_running_test
from conformance.reporting.json_report import results_document, waivers_info, write_json_atomic
from conformance.results import AUTOMATED_STATES, RequirementResult, RunOutcome, Scope, Status
from conformance.runner import run_case, stale_waivers
from conformance.stack import in_one_stack_chunk

# The heavy parts that only judging a requirement or writing the report needs (the checks with
# schemathesis and Hypothesis, the HTTP client, the vendor session and its test town, Jinja) are
# imported where they are used: this module is imported by every pytest run where the package is
# installed, and collecting the suite (``--collect-only``, each xdist worker's start) needs none of them.
if TYPE_CHECKING:
    from conformance.checks.registry import Registry
    from conformance.reporting.results_file import ShardDurations
    from conformance.session import TargetSession
    from conformance.targets.base import Target

_SKIP_STATES = {Status.NOT_AUTOMATED, Status.MANUAL, Status.NOT_APPLICABLE, Status.WAIVED}
_RESULT_ATTR = "conformance_result"
_SETUP_SECONDS_ATTR = "conformance_setup_seconds"


class OpeningHook:
    """The hook a run calls when it opens the vendor system, so a front end can say so."""

    @pytest.hookspec
    def pytest_conformance_opening(self) -> None:
        """The vendor system is being opened (the bundled reference starts, the test data loads):
        seconds with no result. Implementations mark it ``optionalhook``."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(OpeningHook)


def _no_one_told() -> None:
    """What a RunState made outside a pytest session calls when the vendor system opens."""


@dataclass
class RunState:
    """What one pytest session knows about the conformance run (also a plugin object: its
    ``pytest_*`` methods are hooks, registered once per session in ``pytest_configure``)."""

    catalog_root: Path
    profile: Profile
    domains: tuple[str, ...]
    out: Path | None
    defects: frozenset[str] = frozenset()
    #: ``--conformance-seed`` (repeatable; none: the profile's or the default seeds).
    seeds: tuple[int, ...] = ()
    #: ``--conformance-thorough``: the thorough seeds added to the run's.
    thorough: bool = False
    #: How the bundled reference vendor is reached (``--conformance-reference-transport``).
    reference_transport: str = REFERENCE_TRANSPORTS[0]
    #: ``--conformance-shrink``: None leaves it to the profile's ``hypothesis.shrink``.
    shrink: bool | None = None
    shard: tuple[int, int] | None = None
    #: The durations of ``--conformance-shard-durations``: the shards balanced by them.
    shard_durations: ShardDurations | None = None
    #: ``--conformance-allow-profile-commands``: the programs the profile names may run.
    allow_commands: bool = False
    #: ``--conformance-evidence``: off writes results.json only (no recording, no report; the harness's own tests).
    evidence: bool = True
    #: ``--conformance-requirement`` (repeatable): only the requirements of these ids are judged.
    requirements: frozenset[str] = frozenset()
    worker: str = "main"
    attestations: dict[str, dict[str, Any]] = field(default_factory=dict)
    selection: dict[str, Any] = field(default_factory=dict)
    _registry: Registry | None = None
    _session: TargetSession | None = None
    stopped: str | None = None
    results: dict[str, RequirementResult] = field(default_factory=dict)
    _claimed_editions: dict[Path, EditionCatalog] | None = None
    _scrubber: Scrubber | None = None
    #: Called before the vendor system is opened (``pytest_conformance_opening``).
    opening: Callable[[], None] = _no_one_told

    @property
    def claimed_editions(self) -> dict[Path, EditionCatalog]:
        """Every edition under the catalog root that the profile claims (the run's scope, whatever
        ``--domain`` selects), loaded once; the controller of a pytest-xdist run needs them too
        although it collects nothing."""
        if self._claimed_editions is None:
            self._claimed_editions = {
                marker.parent.resolve(): edition
                for marker in sorted(self.catalog_root.glob("*/*/edition.yaml"))
                if self._claimed(edition := load_edition(marker.parent))
            }
        return self._claimed_editions

    @property
    def editions(self) -> dict[Path, EditionCatalog]:
        """The claimed editions this run collects (``--domain`` narrows them)."""
        return {path: e for path, e in self.claimed_editions.items() if self._wanted(path)}

    @property
    def registry(self) -> Registry:
        """Every shipped check, imported when the first requirement is judged, not at collection."""
        if self._registry is None:
            from conformance.shipped_checks import default_registry

            self._registry = default_registry()
        return self._registry

    def _wanted(self, edition_dir: Path) -> bool:
        return not self.domains or edition_dir.parent.name in self.domains

    def _claimed(self, edition: EditionCatalog) -> bool:
        return self.profile.claims_edition(edition.domain, edition.edition_name)

    def plan(self, edition: EditionCatalog) -> tuple[Case, ...]:
        """The cases of one edition, with the profile's waivers and attestations."""
        return plan_edition(edition, self.profile, attestations=self.attestations)

    def cases(self) -> dict[str, Case]:
        """Every planned case of the claimed scope, in catalog order."""
        return {
            case.requirement.id: case
            for edition in self.claimed_editions.values()
            for case in self.plan(edition)
        }

    def outcome(self) -> RunOutcome:
        """The run's outcome: results in catalog order, the scope, waiver problems (they fail the
        run) and gaps (catalog entries that could not be loaded, unused attestations: incomplete)."""
        cases = self.cases()
        results = tuple(self.results[rid] for rid in cases if rid in self.results)
        editions = list(self.claimed_editions.values())
        problems = list(waiver_problems(self.profile, editions, clock.today()))
        problems += stale_waivers(tuple(cases.values()), self.results)
        gaps = [str(error) for edition in editions for error in edition.errors]
        gaps += attestation_gaps(self.attestations, editions)
        scope = Scope(claimed=frozenset(cases), selection=self.selection)
        return RunOutcome(results=results, problems=tuple(problems), gaps=tuple(gaps), scope=scope,
                          stopped=self.stopped)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = getattr(report, "conformance_result", None)
        if data is not None:
            result = RequirementResult.from_json(data)
            self.results[result.requirement] = result
        stopped = getattr(report, "conformance_stopped", None)
        if stopped is not None and self.stopped is None:  # a pytest-xdist worker stopped
            self.stopped = str(stopped)

    def stop(self, error: ConformanceError) -> str:
        """Remember why the run cannot go on: the one message the user gets (what, and what to check)."""
        if self.stopped is None:
            api = self.profile.targets.api
            where = "the bundled reference vendor" if self.profile.targets.reference or api is None else api.base_url
            if isinstance(error, CredentialsRefused):
                secret = f" (the secret in {api.auth.env})" if api is not None and api.auth is not None else ""
                self.stopped = (f"the vendor system refused the harness's credentials: {error}. Check the profile's "
                                f"targets.api.auth{secret} and that {where} lets this client in.")
            else:
                self.stopped = (f"the vendor system could not be reached or opened: {error}. "
                                f"Check that {where} is running and answers, and the profile's targets.")
        return self.stopped

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        if self.requirements:
            self._keep_requirements(config, items)
        if self.shard is None:
            return
        durations = self.shard_durations.seconds if self.shard_durations is not None else None
        chosen = shard_names([item.name for item in items], *self.shard, durations=durations)
        config.hook.pytest_deselected(items=[item for item in items if item.name not in chosen])
        items[:] = [item for item in items if item.name in chosen]

    def _keep_requirements(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """``--conformance-requirement``: the items of those ids only (an id matching no item of the run is the
        user's error, never a run that judges nothing)."""
        unknown = sorted(self.requirements - {item.name for item in items})
        if unknown:
            raise pytest.UsageError(f"--conformance-requirement: no requirement of the run's editions has the id(s) "
                                    f"{', '.join(unknown)}")
        config.hook.pytest_deselected(items=[item for item in items if item.name not in self.requirements])
        items[:] = [item for item in items if item.name in self.requirements]

    def target_for(self, case: Case) -> Target:
        """The target for a case's edition; the vendor system is opened on the first need."""
        if self._session is None:
            from conformance.recorder import recording_path
            from conformance.session import TargetSession

            workdir = (self.out or Path(tempfile.mkdtemp(prefix="conformance-"))) / "work"
            # Recorded only with an output directory and its evidence: the evidence bundle is built from it.
            recording = recording_path(workdir, self.worker) if self.out is not None and self.evidence else None
            self._session = TargetSession(self.profile, workdir, self.defects, self.seeds, thorough=self.thorough,
                                          recording=recording,
                                          reference_transport=self.reference_transport, shrink=self.shrink,
                                          reads_exports=self._reads_exports, allow_commands=self.allow_commands)
        if self.stopped is not None:  # do not try again for every requirement
            raise UnreachableError(self.stopped)
        edition = next(e for e in self.editions.values() if (e.domain, e.edition_name) == (case.domain, case.edition))
        if not self._session.opened(edition):
            self.opening()  # whichever requirement needs it first, automated or not after MANUAL ones
        try:
            return self._session.target(edition)
        except ConformanceError as error:
            raise UnreachableError(self.stop(error)) from None

    def _reads_exports(self, edition: EditionCatalog) -> bool:
        """Whether a check bound in ``edition`` reads the vendor's exports (the session then fetches
        them as loaded when it opens the edition)."""
        registry = self.registry
        return any(isinstance(bound, FunctionCheck) and registry.reads_exports(bound.name)
                   for requirement in edition.requirements for bound in requirement.checks)

    def scrubber(self) -> Scrubber:
        """Masks personal data in what the run writes: the session's, which knows the loaded data;
        else (the controller of an xdist run) one rebuilt from the same seed's test town."""
        if self._session is not None:
            return self._session.scrubber
        if self._scrubber is None:
            from conformance.session import effective_seed
            from conformance.testdata.town import generate_town

            items = [item for edition in self.editions.values() for item in edition.data_items]
            self._scrubber = Scrubber(personal_item_names(items))
            checked = any(result.status in AUTOMATED_STATES for result in self.results.values())
            if checked and self.profile.targets.load.via != "none":
                self._scrubber.add_rows(generate_town(seed=effective_seed(self.profile, self.seeds)))
        return self._scrubber

    def scrubbed(self, result: RequirementResult) -> RequirementResult:
        """``result`` scrubbed by this process's session, before it leaves for JUnit, Allure and a
        pytest-xdist controller: the values a worker learned from the vendor's files are known to
        that worker's Scrubber only (without a session, results.json is scrubbed at the end)."""
        if self._session is None:
            return result
        return RequirementResult.from_json(scrub_result(result.to_json(), self._session.scrubber))

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self._session is not None:
            self._session.close()
        if exitstatus == pytest.ExitCode.INTERRUPTED and self.stopped is None:
            self.stopped = f"interrupted after {len(self.results)} requirements were judged (Ctrl-C or SIGTERM)"
        if (self.out is None or hasattr(session.config, "workerinput") or session.config.option.collectonly
                or exitstatus == pytest.ExitCode.USAGE_ERROR):
            # --collect-only judged nothing, nor a selection refused at collection: no results.json saying
            # "not conformant (of 0)"
            return
        from conformance.recorder import finish_recordings
        from conformance.reporting.html import unconfirmed_layouts, write_report
        from conformance.session import effective_seeds

        finish_recordings(self.out / "work", self.out)
        document = results_document(self.outcome(), self.catalog_info(), _profile_info(self.profile))
        seeds = effective_seeds(self.profile, self.seeds, thorough=self.thorough)
        document["seed"], document["seeds"] = seeds[0], list(seeds)
        document["waivers"] = waivers_info(self.profile)
        if self.shard is not None:
            document["shard"] = {"index": self.shard[0], "count": self.shard[1]}
            if self.shard_durations is not None:  # another split than by count: merge checks they agree
                document["shard"]["durations"] = self.shard_durations.sha256
        document = scrub_document(document, self.scrubber())
        write_json_atomic(self.out / "results.json", document)
        if not self.evidence:  # --conformance-evidence off: results.json is all that is read
            return
        requirements = {r.id: r for e in self.editions.values() for r in e.requirements}
        layouts = unconfirmed_layouts(i for e in self.editions.values() for i in e.interfaces)
        write_report(self.out / "report.html", document, requirements, layouts)

    def pytest_terminal_summary(self, terminalreporter: Any, config: pytest.Config) -> None:
        if hasattr(config, "workerinput"):
            return
        terminalreporter.section("conformance")
        if config.option.collectonly:
            terminalreporter.write_line("collect-only: nothing was judged, so there is no verdict")
            return
        outcome = self.outcome()
        coverage = outcome.coverage
        left_out = len(outcome.not_selected)
        partial = f" (partial run: {left_out} claimed requirements not judged)" if left_out else ""
        terminalreporter.write_line(f"verdict: {outcome.verdict.value}{partial}")
        terminalreporter.write_line(
            f"coverage: {coverage.automated} automated, {coverage.attested} attested, {coverage.manual} manual, "
            f"{coverage.not_automated} not automated, {coverage.not_applicable} not applicable, "
            f"{coverage.not_selected} not selected (of {coverage.total})"
        )
        for problem in outcome.problems:
            terminalreporter.write_line(f"problem: {problem}")
        for gap in outcome.gaps:
            terminalreporter.write_line(f"not verified: {gap}")
        if self.stopped is not None:
            terminalreporter.write_line(f"stopped: {self.stopped}")

    def catalog_info(self) -> dict[str, Any]:
        """The ``catalog`` object of results.json."""
        editions = [
            {
                "domain": e.domain,
                "edition": e.edition_name,
                "document": e.edition.document if e.edition else None,
                "kind": e.edition.kind if e.edition else "specification",
                "label": " / ".join(edition_label(e.edition)),
                "requirements": len(e.requirements),
                "sha256": edition_fingerprint(e.path),
            }
            for e in self.claimed_editions.values()
        ]
        return {"editions": editions}


_STATE = pytest.StashKey[RunState]()


def parse_shard(text: str) -> tuple[int, int]:
    """``i/n`` (1 <= i <= n) as a pair; anything else is a UsageError."""
    index, slash, count = text.partition("/")
    if slash and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count):
        return int(index), int(count)
    raise UsageError(f"--shard {text!r}: expected i/n with 1 <= i <= n, e.g. 1/4")


def shard_names(names: list[str], index: int, count: int, durations: Mapping[str, float] | None = None) -> set[str]:
    """The names of shard ``index`` of ``count``: every count-th of the sorted names from the index-th,
    or, with an earlier run's ``durations`` (seconds by id), shard ``index`` of :func:`balanced_shards`.

    Sorted ids, not collection order, so every machine computes the same split; taking every n-th
    instead of a block spreads each chapter's automated checks over the shards.
    """
    if durations is not None:
        return balanced_shards(names, count, durations)[index - 1]
    ordered = sorted(set(names))
    return {name for position, name in enumerate(ordered) if position % count == index - 1}


def balanced_shards(names: Iterable[str], count: int, durations: Mapping[str, float]) -> list[set[str]]:
    """``count`` shards of ``names`` balanced by recorded durations (greedy longest processing time).

    Names by duration, longest first (a name the durations do not know weighs their mean; equal
    durations by name), each to the shard with the least total so far (equal totals: the lowest
    index). Whole milliseconds, summed as integers, so every machine computes the same split from
    the same durations; the shards' totals differ by at most the longest duration. A name weighs at
    least a millisecond (pytest's own time for an item): requirements recorded as 0.000 s (not
    automated, not applicable) spread over the shards instead of all going to one.
    """
    millis = {name: max(round(seconds * 1000), 1) for name, seconds in durations.items()}
    mean = round(sum(millis.values()) / len(millis)) if millis else 1
    weights = {name: millis.get(name, mean) for name in set(names)}
    shards: list[set[str]] = [set() for _ in range(count)]
    totals = [(0, position) for position in range(count)]  # a heap: least total, then lowest index
    for name in sorted(weights, key=lambda name: (-weights[name], name)):
        total, position = heapq.heappop(totals)
        shards[position].add(name)
        heapq.heappush(totals, (total + weights[name], position))
    return shards


def add_options(parser: pytest.Parser) -> None:
    """The plugin's options: ``--conformance`` and the run options the CLI shares (conformance/options.py)."""
    group = parser.getgroup("conformance", "conformance to the standard specifications")
    group.addoption("--conformance", action="store_true", help="run the conformance suite")
    add_plugin_options(group.addoption)


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def _worker_id(config: pytest.Config) -> str:
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["workerid"]) if workerinput else "main"


def _active(config: pytest.Config) -> bool:
    options = ("conformance", "conformance_profile", "conformance_catalog", "conformance_out", "conformance_shard",
               "conformance_shard_durations")
    return any(config.getoption(name) for name in options) or bool(config.getoption("conformance_domain"))


def register_profile_credentials(profile: Profile) -> None:
    """Register as the run's secrets the credentials a profile holds outside its secret fields (a
    path's ``?apikey=...``): removed by value from every output, as ``auth.env``'s value is."""
    from conformance import secrets
    from conformance.credentials import credentials_in

    secrets.register(*credentials_in(profile.model_dump(mode="json")))


def pytest_configure(config: pytest.Config) -> None:
    if not _active(config):
        return
    profile_path = Path(config.getoption("conformance_profile") or reference_profile())
    shard_option = config.getoption("conformance_shard")
    try:
        profile = load_profile(profile_path)
        attestations = resolved_attestations(profile, profile_path)
        defects = parse_defects(config.getoption("conformance_defect"))
        shard = parse_shard(shard_option) if shard_option else None
        durations = _shard_durations(config.getoption("conformance_shard_durations"), shard)
        transport = check_reference_transport(config.getoption("conformance_reference_transport"),
                                              reference=profile.targets.reference)
        shrink = parse_shrink(config.getoption("conformance_shrink"))
        allow_commands = bool(config.getoption("conformance_allow_profile_commands"))
        evidence = parse_evidence(config.getoption("conformance_evidence"))
        register_profile_credentials(profile)
        from conformance.memory import prepare

        prepare()  # `pytest --conformance` under ulimit -v: sized as `conformance run` is (its workers too)
        from conformance.targets.command import check_profile_commands

        check_profile_commands(profile, allow_commands)
    except ProfileError as error:
        raise pytest.UsageError(f"invalid vendor profile:\n{error}") from None
    except UsageError as error:
        raise pytest.UsageError(str(error)) from None
    if defects and not profile.targets.reference:
        raise pytest.UsageError("--conformance-defect applies to the bundled reference vendor only")
    catalog = config.getoption("conformance_catalog")
    out = config.getoption("conformance_out")
    state = RunState(
        catalog_root=Path(catalog).resolve() if catalog else default_catalog_root(),
        profile=profile,
        domains=tuple(config.getoption("conformance_domain")),
        out=Path(out) if out else None,
        defects=defects,
        seeds=tuple(config.getoption("conformance_seed")),
        thorough=config.getoption("conformance_thorough"),
        reference_transport=transport,
        shrink=shrink,
        shard=shard,
        shard_durations=durations,
        allow_commands=allow_commands,
        evidence=evidence,
        requirements=frozenset(config.getoption("conformance_requirement")),
        worker=_worker_id(config),
        attestations=attestations,
        selection=_selection(config, durations),
        opening=config.hook.pytest_conformance_opening,
    )
    if state.out is not None and not hasattr(config, "workerinput"):
        from conformance.recorder import clear_recordings

        # Recordings of an earlier run into the same directory must not pass for this run's.
        clear_recordings(state.out)
    config.stash[_STATE] = state
    config.pluginmanager.register(state, "conformance-run")
    # With no path on the command line, collect the catalog instead of the current directory.
    if config.args_source is not pytest.Config.ArgsSource.ARGS:
        config.args = [str(state.catalog_root)]


def _shard_durations(option: str | None, shard: tuple[int, int] | None) -> ShardDurations | None:
    """The durations of ``--conformance-shard-durations`` (a UsageError names a bad file), or None."""
    if not option:
        return None
    if shard is None:
        raise UsageError("--shard-durations balances the shards of --shard i/n: give --shard too")
    from conformance.reporting.results_file import read_shard_durations

    return read_shard_durations(Path(option))


def _selection(config: pytest.Config, durations: ShardDurations | None = None) -> dict[str, Any]:
    """How the command line narrows the run (results.json ``scope.selection``); empty for a full run.

    Whether the run is partial is decided from the results (every claimed requirement judged or
    not), not from this record: it says how, for the reader."""
    option = config.option
    chosen: dict[str, Any] = {
        "keyword": getattr(option, "keyword", "") or None,
        "markers": getattr(option, "markexpr", "") or None,
        "deselect": list(getattr(option, "deselect", None) or []) or None,
        "domains": list(config.getoption("conformance_domain")) or None,
        "requirements": sorted(config.getoption("conformance_requirement")) or None,
        "shard": config.getoption("conformance_shard"),
        "shard_durations": durations.sha256 if durations is not None else None,
        "last_failed": bool(getattr(option, "lf", False)) or None,
        "failed_first": bool(getattr(option, "failedfirst", False)) or None,
        "maxfail": getattr(option, "maxfail", 0) or None,
    }
    if config.args_source is pytest.Config.ArgsSource.ARGS:
        named = [arg for arg in config.args if "::" in arg]
        chosen["node_ids"] = named or None
    return {key: value for key, value in chosen.items() if value is not None}


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = parent.config.stash.get(_STATE, None)
    if state is None or file_path.name != "edition.yaml":
        return None
    return EditionFile.from_parent(parent, path=file_path)


class EditionFile(pytest.File):
    """An edition of a domain's catalog: yields one item per requirement."""

    def collect(self) -> Iterator[pytest.Item]:
        state = self.config.stash[_STATE]
        edition = state.editions.get(self.path.parent.resolve())
        if edition is None:  # not claimed by the profile, or outside the catalog root
            return
        yield from _error_items(self, edition.errors)
        for case in state.plan(edition):
            yield RequirementItem.from_parent(self, name=case.requirement.id, case=case)


def _error_items(parent: EditionFile, errors: tuple[LocatedError, ...]) -> Iterator[pytest.Item]:
    """One failing item per bad entry (named by its id when readable), never a failed collection."""
    grouped: dict[str, list[LocatedError]] = {}
    for error in errors:
        name = error.entry_id or f"catalog-error:{Path(error.file).name}:{error.line}"
        grouped.setdefault(name, []).append(error)
    for name, group in grouped.items():
        yield CatalogErrorItem.from_parent(parent, name=name, errors=tuple(group))


class CatalogErrorItem(pytest.Item):
    """A catalog entry that could not be loaded: it fails with its located errors."""

    def __init__(self, *, errors: tuple[LocatedError, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.errors = errors

    def runtest(self) -> None:
        raise SpecError([str(error) for error in self.errors])

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, SpecError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        first = self.errors[0]
        return Path(first.file), first.line - 1, f"{self.name}: invalid catalog entry"


class CaseError(Exception):
    """A requirement could not be judged (ERROR): raised in the item's setup, so pytest and JUnit
    report an error, not a failure."""


class RequirementItem(pytest.Item):
    """One requirement: judged in setup (module docstring), reported in the call."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        requirement = case.requirement
        source = requirement.source
        self.user_properties.extend(
            [
                ("requirement", requirement.id),
                ("domain", case.domain),
                ("edition", case.edition),
                ("level", requirement.level.value),
                ("title", f"{source.section} {source.title}".strip()),
            ]
        )

    def setup(self) -> None:
        state = self.config.stash[_STATE]
        label_running_test(self.case)
        try:
            # In a chunk of the frame stack of its own: a pytest-xdist worker's items thrashed at a chunk's edge
            # (conformance/stack.py).
            result = in_one_stack_chunk(run_case, self.case, state.registry, lambda: state.target_for(self.case))
        except UnreachableError as error:
            message = state.stop(error)
            self.session.shouldstop = message
            result = _stopped_result(self.case, message)
        result = state.scrubbed(result)
        setattr(self, _RESULT_ATTR, result)
        self.user_properties.append(("status", result.status.value))
        if result.status is Status.ERROR:
            raise CaseError(f"ERROR: {result.reason}")

    def runtest(self) -> None:
        result: RequirementResult = getattr(self, _RESULT_ATTR)
        # Again in the call: allure-pytest sets the test's description from the item when the call
        # starts, over what the setup gave it (the setup's labels stay for an ERROR).
        label_running_test(self.case)
        attach_result(result)
        if result.status is Status.FAIL:
            # pytest.fail: a test failure for JUnit and Allure ("failed", not "broken").
            pytest.fail(_describe_findings(result), pytrace=False)
        if result.status in _SKIP_STATES:
            pytest.skip(f"{result.status.value}: {result.reason}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, (CaseError, pytest.fail.Exception)):
            # JUnit and the terminal show this text: personal data masked as in the reports.
            return self.config.stash[_STATE].scrubber().text(f"{self.name}: {excinfo.value}")
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        source = self.case.requirement.source
        return self.path, 0, f"{self.name}: {source.section} {source.title} ({source.block})"


def _stopped_result(case: Case, message: str) -> RequirementResult:
    return RequirementResult(requirement=case.requirement.id, domain=case.domain, edition=case.edition,
                             level=case.requirement.level.value, status=Status.ERROR, reason=message,
                             duty=case.requirement.duty)


def _describe_findings(result: RequirementResult) -> str:
    lines = [f"{len(result.findings)} finding(s)"]
    for finding in result.findings:
        lines.append(
            f"  [{finding.code}] {finding.location}: {finding.message}"
            f" (expected {finding.expected!r}, actual {finding.actual!r})"
        )
    return "\n".join(lines)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    result = getattr(item, _RESULT_ATTR, None)
    if result is not None and call.when == "setup":
        setattr(item, _SETUP_SECONDS_ATTR, call.duration)
    if result is None or not (call.when == "call" or (call.when == "setup" and report.failed)):
        return report
    # The time the item took, where the requirement was judged (its setup) and reported (its call).
    seconds = call.duration if call.when == "setup" else getattr(item, _SETUP_SECONDS_ATTR, 0.0) + call.duration
    # Carried on the report so it crosses from pytest-xdist workers to the controller.
    report.conformance_result = replace(result, duration=round(seconds, 3)).to_json()
    state = item.config.stash[_STATE]
    if state.stopped is not None:
        report.conformance_stopped = state.stopped
    if call.when == "setup" and call.excinfo is not None and isinstance(call.excinfo.value, CaseError):
        # pytest shows a setup error with its traceback; an ERROR is the target's, not the harness's.
        report.longrepr = item.repr_failure(call.excinfo)
    if report.skipped and isinstance(report.longrepr, tuple):
        # The skip's place is the requirement's catalog entry, not a line of the harness.
        report.longrepr = (item.location[0], 0, f"Skipped: {result.status.value}: {result.reason}")
    return report


def _profile_info(profile: Profile) -> dict[str, Any]:
    return {"name": profile.name, "product": profile.product, "version": profile.version}
