"""Opening a run's target: start the reference vendor if asked, connect, load the test data.

Everything opened here is closed by :meth:`TargetSession.close`, whatever happened in between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.contract import list_operations
from conformance.catalog.openapi import api_interfaces
from conformance.errors import CredentialsRefused, ProfileError, TargetError, UsageError
from conformance.exchanges import LinkedCache, setup_phase
from conformance.masking import Scrubber, personal_item_names
from conformance.options import REFERENCE_TRANSPORTS
from conformance.profiles import LoadTarget, Profile
from conformance.recorder import HarRecorder
from conformance.targets.base import HttpClient, Target, TestData
from conformance.targets.command import check_allowed, run_command
from conformance.targets.exports import ApiExportSource, build_export_source
from conformance.targets.http import RequestsHttpClient
from conformance.targets.offers import api_gate
from conformance.targets.wsgi import Adapters
from conformance.testdata.migration import write_migration
from conformance.testdata.town import generate_town

#: The seed of the test town when neither --seed nor the profile names one.
DEFAULT_SEED = 20200901
#: The named seeds every run explores with (the first seeds the test town too) when neither --seed nor the
#: profile names any: a verdict must not depend on one seed (issue 65), so each seeded check judges all three.
DEFAULT_SEEDS = (DEFAULT_SEED, 1, 424242)
#: What ``--thorough`` adds to the run's seeds: twelve more, among them seeds that once found a disagreement
#: (7, 2**200) and small ones a person retyping a replay gets right.
THOROUGH_SEEDS = (7, 2 ** 200, 2, 3, 5, 11, 13, 17, 19, 23, 29, 31)


def effective_seeds(profile: Profile, seeds: Sequence[int] = (), *, thorough: bool = False) -> tuple[int, ...]:
    """The seeds of a run, the first seeding the test town: those of --seed (a replay), else the profile's
    ``hypothesis.seeds``, else its ``hypothesis.seed`` first and the other default seeds, else
    :data:`DEFAULT_SEEDS`; ``thorough`` adds :data:`THOROUGH_SEEDS`. Each seed once, in that order."""
    if seeds:
        named = tuple(seeds)
    elif profile.hypothesis.seeds:
        named = profile.hypothesis.seeds
    elif profile.hypothesis.seed is not None:
        named = (profile.hypothesis.seed, *DEFAULT_SEEDS[1:])
    else:
        named = DEFAULT_SEEDS
    return tuple(dict.fromkeys(named + (THOROUGH_SEEDS if thorough else ())))


def examples_per_seed(max_examples: int, seeds: int, *, thorough: bool = False) -> int:
    """What each seed draws: the profile's ``max_examples`` shared among the run's seeds (each at least its share,
    rounded up), so that judging with three seeds costs about what one did; ``--thorough`` gives every seed the
    whole of it (docs/results.md "Seeds")."""
    return max_examples if thorough else -(-max_examples // max(seeds, 1))


def effective_seed(profile: Profile, seeds: Sequence[int] = (), *, thorough: bool = False) -> int:
    """The seed of the run's test town: the first of :func:`effective_seeds`."""
    return effective_seeds(profile, seeds, thorough=thorough)[0]


class TargetSession:
    """The targets of one run, one per claimed edition, opened on first use."""

    def __init__(
        self, profile: Profile, workdir: Path, defects: frozenset[str] = frozenset(), seeds: Sequence[int] = (),
        *, thorough: bool = False, recording: Path | None = None,
        reads_exports: Callable[[EditionCatalog], bool] | None = None,
        reference_transport: str = REFERENCE_TRANSPORTS[0], shrink: bool | None = None,
        allow_commands: bool = False,
    ) -> None:
        if defects and not profile.targets.reference:
            raise UsageError("--defect applies to the bundled reference vendor only (targets.reference)")
        self.profile = profile
        #: ``--allow-profile-commands``: the programs the profile names may run (docs/security.md).
        self.allow_commands = allow_commands
        self.workdir = workdir
        self.defects = defects
        #: The run's seeds (:func:`effective_seeds`); the first seeds the test town.
        self.seeds = effective_seeds(profile, seeds, thorough=thorough)
        self.seed = self.seeds[0]
        self.max_examples = examples_per_seed(profile.hypothesis.max_examples, len(self.seeds), thorough=thorough)
        #: ``--shrink`` over the profile's ``hypothesis.shrink``.
        self.shrink = profile.hypothesis.shrink if shrink is None else shrink
        # Learns the personal items when an edition opens and their values when the data is made,
        # before anything is sent: the recording masks from the first request on.
        self.scrubber = Scrubber()
        self._stack = ExitStack()
        self._recorder = HarRecorder(recording, self.scrubber) if recording is not None else None
        if self._recorder is not None:
            self._stack.callback(self._recorder.close)
        self._targets: dict[tuple[str, str], Target] = {}
        self._base_url: str | None = None
        self._reference_transport = reference_transport
        #: Transports other than the network (the reference in this process), for every client of the run.
        self._adapters: Adapters | None = None
        # Which editions bind a check that reads the exports (default: every one).
        self._reads_exports = reads_exports or (lambda edition: True)
        # The test town of the run's seed and its migration file, made once and loaded for each edition.
        self._town: tuple[tuple[dict[str, str], ...], Path] | None = None

    def opened(self, edition: EditionCatalog) -> bool:
        """Whether the target of ``edition`` is open (else :meth:`target` opens it: seconds)."""
        return (edition.domain, edition.edition_name) in self._targets

    def target(self, edition: EditionCatalog) -> Target:
        """The target for an edition (the same vendor system for all of them)."""
        key = (edition.domain, edition.edition_name)
        if key not in self._targets:
            with setup_phase():  # opened on a requirement's first need, for every requirement
                self._targets[key] = self._open(edition)
        return self._targets[key]

    def close(self) -> None:
        """Stop what was started (the reference vendor) and close connections."""
        self._stack.close()
        self._targets.clear()

    def _open(self, edition: EditionCatalog) -> Target:
        self.scrubber.add_names(personal_item_names(edition.data_items))
        client = self._client(edition)
        self.workdir.mkdir(parents=True, exist_ok=True)
        exports_config = self.profile.targets.exports
        # An edition none of whose checks reads the exports gets no export source: fetching them as
        # loaded costs seconds per edition, and an undeclared reader then fails instead of misreading.
        reads = exports_config is not None and self._reads_exports(edition)
        exports = build_export_source(exports_config, client, self.workdir) if reads and exports_config else None
        data = self._load_data(client)
        if isinstance(exports, ApiExportSource):
            exports.snapshot()  # the exports as loaded, before any scenario changes the records
        return Target(catalog=edition, http=client, exports=exports, data=data, seed=self.seed,
                      seeds=self.seeds,
                      max_examples=self.max_examples, shrink=self.shrink,
                      append_path=self.profile.targets.load.append_path,
                      records_path=self.profile.targets.load.records_path, driver=self.profile.targets.driver,
                      koseki_path=self.profile.targets.load.koseki_path,
                      forms=self.profile.targets.forms,
                      # A requirement reusing a cached response is linked to its recorded exchange.
                      cache=LinkedCache(self._recorder),
                      # The export checks hand it the personal values of the records they find fault with.
                      personal=self.scrubber, profile=self.profile.name,
                      # What the product offers (issue 64): what it does not is NOT_AUTOMATED, never judged.
                      api_operations=self.profile.targets.api.operations if self.profile.targets.api else "all",
                      claimed=frozenset(claim.domain for claim in self.profile.claims),
                      # The municipality's 条例 where a law leaves it a rate: the amounts are judged from it.
                      ordinance=self.profile.ordinance,
                      # The optional functions declared: a ただし書 that displaces a required rule's text (issue 66).
                      optional=self.profile.capabilities.optional)

    def _client(self, edition: EditionCatalog) -> HttpClient | None:
        """The edition's API client; it never sends a request for an operation the profile does not declare."""
        api = self.profile.targets.api
        if api is None:
            return None
        base_url = self._reference_url()
        environ = None
        if self.profile.targets.reference and api.auth is not None:
            from conformance.embedded import reference_environ

            environ = reference_environ(api.auth)  # the credentials the reference knows, as the profile names them
        return RequestsHttpClient(api, base_url=base_url, recorder=self._recorder, environ=environ,
                                  adapters=self._adapters, unserved=api_gate(
                                      api.operations, api_interfaces(edition), self._exported_paths(),
                                      list_operations(edition)))

    def _exported_paths(self) -> tuple[str, ...]:
        """The paths of the export files the profile fetches through the API (declared by targets.exports)."""
        exports = self.profile.targets.exports
        return tuple(exports.files.values()) if exports is not None and exports.via == "api" else ()

    def _reference_url(self) -> str | None:
        if not self.profile.targets.reference:
            return None
        if self._base_url is None and self._reference_transport == "in-process":
            from conformance.embedded import api_prefix, reference_in_process
            from conformance.targets.wsgi import IN_PROCESS, in_process

            app = self._stack.enter_context(reference_in_process(defects=self.defects))
            self._adapters = in_process(app)
            self._base_url = IN_PROCESS + api_prefix()
        elif self._base_url is None:
            from conformance.embedded import start_reference

            running = self._stack.enter_context(start_reference(defects=self.defects))
            self._base_url = str(running.url)
        return self._base_url

    def _load_data(self, client: HttpClient | None) -> TestData | None:
        load = self.profile.targets.load
        if load.via == "none":
            return None
        if load.via == "command":
            check_allowed(load.command, self.allow_commands)  # the front ends refused earlier; the last line
        rows, migration = self._made_town()
        if load.via == "http":
            _load_over_http(load, client, migration)
        else:
            _load_by_command(load, migration)
        return TestData(rows=rows)

    def _made_town(self) -> tuple[tuple[dict[str, str], ...], Path]:
        """The test town of the run's seed and its migration file: generated, masked and written on
        the first edition's open, loaded again for each edition (the same rows: the seed decides them)."""
        if self._town is None:
            rows = generate_town(seed=self.seed)
            self.scrubber.add_rows(rows)
            migration = self.workdir / "migration.csv"
            write_migration(rows, migration)
            self._town = (rows, migration)
        rows, migration = self._town
        if not migration.is_file():  # a vendor's load command may have moved it away
            write_migration(rows, migration)
        return self._town


def _load_over_http(load: LoadTarget, client: HttpClient | None, migration: Path) -> None:
    if client is None or load.path is None:
        raise ProfileError("targets.load via http needs targets.api and targets.load.path")
    response = client.request("post", load.path, data=migration.read_bytes(), content_type="text/csv; charset=utf-8")
    if response.status in (401, 403):
        raise CredentialsRefused(f"loading the test data: POST {load.path} answered {response.status}")
    if response.status not in (200, 201, 204):
        raise TargetError(response.refused(f"loading the test data: POST {load.path}"))


def _load_by_command(load: LoadTarget, migration: Path) -> None:
    if not load.command:
        raise ProfileError("targets.load via command needs targets.load.command")
    run_command([str(migration) if part == "{file}" else part for part in load.command], load.timeout_seconds)
