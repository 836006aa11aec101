"""``conformance run``: drives pytest with the plugin, so there is one execution path.

After pytest, the run's output directory gets its evidence bundle (``evidence.zip``, unsigned:
``conformance report sign`` adds the signature with a key the vendor keeps).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rich.console import Console

from conformance import secrets
from conformance.cli.output import USAGE_EXIT
from conformance.errors import ProfileError, UsageError
from conformance.locations import default_catalog_root, reference_profile
from conformance.options import check_reference_transport, parse_shrink, plugin_arguments
from conformance.reporting.bundle import BUNDLE_NAME, BundleInputs, build_bundle, export_file_paths
from conformance.reporting.json_report import annotate_junit
from conformance.reporting.terminal import ProgressPlugin, print_summary
from conformance.results import Verdict, exit_code, gate_line
from conformance.stack import in_one_stack_chunk

#: Plugins blocked in a run (as in the project's pytest addopts): they come with libraries the checks
#: use (schemathesis, and anyio and Hypothesis with it) or the bench extra (typeguard) and act only on
#: test functions of their own kind, which the suite has none of; loading them would import those
#: libraries at start. And pytest's own ``unraisableexception``: it collects the whole heap's garbage twice as the
#: session ends, to turn exceptions in finalizers into warnings of the pytest log, which no verdict reads (a
#: process that runs many runs, as the tests' defect groups do, paid a tenth of each run's time for it).
_UNUSED_PLUGINS = (
    "-p", "no:schemathesis", "-p", "no:anyio", "-p", "no:typeguard", "-p", "no:hypothesispytest",
    "-p", "no:unraisableexception",
)

#: pytest exit codes that mean the run itself could not be done (a usage error is the user's input).
_USAGE = {pytest.ExitCode.USAGE_ERROR, pytest.ExitCode.INTERNAL_ERROR}
#: Arguments that ask for pytest's own output instead of the progress bar and summary.
_VERBOSE = frozenset({"-v", "-vv", "-vvv", "--verbose"})


def pytest_arguments(
    *, profile: Path | None, domains: list[str], out: Path, catalog: Path | None, extra: list[str],
    defects: list[str] | None = None, seeds: list[int] | None = None, thorough: bool = False, shard: str | None = None,
    shard_durations: Path | None = None, suite_name: str | None = None, workers: str | None = None,
    reference_transport: str | None = None, shrink: str | None = None, allow_profile_commands: bool = False,
    evidence: bool = True,
) -> list[str]:
    """The pytest command line for a run.

    pytest's cache lives in the output directory, so ``conformance run --out D -- --lf`` reruns what
    failed in the last run into D.
    """
    root = (catalog or default_catalog_root()).resolve()
    args = [
        str(root), "--conformance", *plugin_arguments({"catalog": root, "out": out}),
        f"--junitxml={out / 'work' / PYTEST_JUNIT}", "-o", "junit_family=xunit1", "-o", "addopts=",
        "-o", f"cache_dir={(out / '.pytest_cache').resolve()}", "--rootdir", str(root), "-q",
        *_UNUSED_PLUGINS,
        # No assertion rewriting: a run's verdicts are findings, never a bare assert's message, and
        # pytest would rewrite every module of each plugin's distribution (schemathesis, Hypothesis,
        # the harness: about 440) at every run's start, seconds of parsing.
        "--assert=plain",
    ]
    if suite_name:
        args += ["-o", f"junit_suite_name={suite_name}"]
    args += plugin_arguments({"profile": profile, "domain": domains, "defect": defects or [], "seed": seeds or [],
                              "thorough": thorough,
                              "shard": shard, "shard-durations": shard_durations,
                              "reference-transport": reference_transport, "shrink": shrink,
                              "allow-profile-commands": allow_profile_commands,
                              "evidence": None if evidence else "off"})
    if workers is not None and workers != "1":
        # pytest-xdist, one edition per worker at a time (loadfile: an edition's requirements are one
        # file's items), so each edition's target is opened, loaded and cached by one worker only.
        args += ["-n", workers, "--dist", "loadfile"]
    return args + extra


@dataclass(frozen=True)
class RunOptions:
    """What ``conformance run`` was asked for."""

    profile: Path | None
    out: Path
    domains: list[str] = field(default_factory=list)
    catalog: Path | None = None
    extra: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    seeds: list[int] = field(default_factory=list)
    thorough: bool = False
    shard: str | None = None
    shard_durations: Path | None = None
    gate: str = "conformant"
    pytest_output: bool = False
    workers: str | None = None
    reference_transport: str | None = None
    shrink: str | None = None
    allow_profile_commands: bool = False
    #: Off: results.json and junit.xml only, no recording, report or bundle (``--conformance-evidence off``): for the
    #: harness's own tests that read nothing else; not an option of ``conformance run``.
    evidence: bool = True


def run_suite(options: RunOptions, console: Console | None = None) -> int:
    """Run pytest with the plugin; the exit code of the verdict (docs/results.md), 2 for the user's
    input (bad arguments, profile or catalog). Shows a progress bar and a summary on ``console``
    unless pytest's own output was asked for (``pytest_output`` or ``-v``)."""
    from conformance.catalog.loader import load_catalog
    from conformance.plan import check_run_inputs
    from conformance.profiles import load_profile, unset_secrets

    _check_domains(options.domains)
    _check_shard_durations(options.shard, options.shard_durations)
    used = options.profile or reference_profile()
    if options.profile is not None and not options.profile.is_file():
        from conformance.inputs import check_regular

        check_regular(options.profile, "--profile")  # names a FIFO or a device as what it is
        raise UsageError(f"{options.profile}: no such vendor profile")
    profile = load_profile(used)  # a ProfileError names file:line before anything starts
    _check_workers(options.workers, reference=profile.targets.reference)
    check_reference_transport(options.reference_transport, reference=profile.targets.reference)
    parse_shrink(options.shrink)
    from conformance.targets.command import check_profile_commands

    check_profile_commands(profile, options.allow_profile_commands)
    unset = unset_secrets(profile, os.environ, used)
    if unset:  # the user's input, not an unreachable vendor (issue 27, item 1)
        raise ProfileError("\n".join(f"{problem}: set it before the run (docs/profiles.md)" for problem in unset))
    check_run_inputs(profile, load_catalog((options.catalog or default_catalog_root()).resolve()).editions, used)
    with secrets.run_scope():  # what the run registers is forgotten once it has written everything
        if profile.targets.api is not None and profile.targets.api.auth is not None:
            # Known before any output is written, in this process too (the workers read it themselves).
            secrets.register_environment([profile.targets.api.auth.env])
        out = _prepare_out(options.out)  # locked by this run until it ends
        try:
            return in_one_stack_chunk(_run_locked, options, profile.product, profile.version, out, console)
        except OSError as error:
            # A full disk, a read-only or vanished directory: what was half-written is removed, so
            # every output is whole or absent.
            _discard_outputs(out)
            raise UsageError(f"--out {out}: {error.strerror or error} while writing the run's outputs; nothing "
                             "of this run was kept: free space or give another --out") from None
        finally:
            _release_out(out)


#: The outputs of a run in its output directory (results.json, reports, bundle).
_OUTPUTS = ("results.json", "junit.xml", "report.html", "exchanges.har", BUNDLE_NAME)


def _discard_outputs(out: Path) -> None:
    for name in _OUTPUTS:
        with contextlib.suppress(OSError):
            (out / name).unlink(missing_ok=True)


def _run_locked(options: RunOptions, product: str, version: str, out: Path, console: Console | None) -> int:
    """The run proper, in its locked output directory (:func:`run_suite`)."""
    args = pytest_arguments(
        profile=options.profile, domains=options.domains, out=out, catalog=options.catalog, extra=options.extra,
        defects=options.defects, seeds=options.seeds, thorough=options.thorough, shard=options.shard,
        shard_durations=options.shard_durations,
        suite_name=f"{product} {version}", workers=options.workers, reference_transport=options.reference_transport,
        shrink=options.shrink, allow_profile_commands=options.allow_profile_commands, evidence=options.evidence,
    )
    verbose = options.pytest_output or any(arg in _VERBOSE for arg in options.extra)
    shown = console or Console(stderr=True)
    with _terminated_as_interrupt():
        code = pytest.main(args) if verbose else _quiet_pytest(args, out, shown)
    results = out / "results.json"
    if code in _USAGE or not results.is_file():
        if not verbose:
            shown.print(f"error: the run could not start; pytest's output is in {out / 'work' / PYTEST_LOG}",
                        markup=False, highlight=False)
        return USAGE_EXIT
    document = json.loads(results.read_text("utf-8"))
    annotate_junit(out / "work" / PYTEST_JUNIT, document, into=out / "junit.xml")
    (out / "work" / PYTEST_JUNIT).unlink(missing_ok=True)  # not an input of the run: out of the bundle's manifest
    if options.evidence:
        _bundle(out, options.profile, options.catalog)
    if not verbose:
        print_summary(shown, document, out)
    accepted = gate_line(Verdict(document["verdict"]), gate=options.gate)
    if accepted is not None:
        shown.print(accepted, markup=False, highlight=False)
    return exit_code(Verdict(document["verdict"]), gate=options.gate)


#: pytest's own output of a run, in the work directory of the output directory.
PYTEST_LOG = "pytest-output.txt"
#: The JUnit XML pytest writes (not atomically), in the work directory: the run annotates it into
#: ``<out>/junit.xml`` atomically, so a run killed mid-write leaves no half-written junit.xml.
PYTEST_JUNIT = "pytest-junit.xml"


def _check_workers(workers: str | None, *, reference: bool) -> None:
    """``--workers``: ``auto`` or a whole number; more than one only for the bundled reference vendor,
    which each worker starts for itself. Workers sharing one real vendor would each load the test
    data into it, under the others' scenarios (docs/profiles.md)."""
    if workers is None:
        return
    if workers != "auto" and not (workers.isdigit() and int(workers) >= 1):
        raise UsageError(f"--workers {workers!r}: expected a whole number of 1 or more, or auto")
    if workers != "1" and not reference:
        raise UsageError(f"--workers {workers}: only a run against the bundled reference vendor (targets.reference) "
                         "takes several workers, each starting its own; a vendor system shared by workers would "
                         "have the test data loaded again under the other workers' scenarios (docs/profiles.md)")


def _check_domains(domains: list[str]) -> None:
    """``--domain`` values are domain slugs (a typo would select nothing and still give a verdict)."""
    from conformance.catalog.models import DOMAIN_SLUGS
    from conformance.messages import closest

    for domain in domains:
        if domain not in DOMAIN_SLUGS:
            match = closest(domain, DOMAIN_SLUGS)
            hint = f"; did you mean {match!r}?" if match else f"; one of: {', '.join(DOMAIN_SLUGS)}"
            raise UsageError(f"--domain {domain!r}: no such domain{hint}")


def _check_shard_durations(shard: str | None, durations: Path | None) -> None:
    """``--shard-durations`` read here first, so a bad file is one line naming it before anything
    starts (the plugin reads it again in every pytest process)."""
    if durations is None:
        return
    if shard is None:
        raise UsageError("--shard-durations balances the shards of --shard i/n: give --shard too")
    from conformance.reporting.results_file import read_shard_durations

    read_shard_durations(durations)


#: The lock file of an output directory: one run at a time writes into it.
LOCK_NAME = ".conformance-run.lock"
#: Output directories this process holds locked, with the open lock file.
_LOCKS: dict[Path, int] = {}


def _prepare_out(out: Path) -> Path:
    """The output directory, created and locked for this run (a second run into it exits 2); stale
    results and bundle removed (they must never pass for this run's). ``work/`` is private (0700):
    it holds copies of the vendor's data and the test data."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a directory; give a directory")
    try:
        (out / "work").mkdir(parents=True, exist_ok=True)
        os.chmod(out / "work", 0o700)
    except OSError as error:
        raise UsageError(f"--out {out}: cannot be created ({error.strerror}); give a directory you can write") from None
    _lock_out(out)
    try:
        for name in _OUTPUTS:  # a run killed before writing its own must not leave an earlier run's
            (out / name).unlink(missing_ok=True)
        (out / "work" / PYTEST_JUNIT).unlink(missing_ok=True)
    except OSError as error:
        _release_out(out)
        raise UsageError(f"--out {out}: stale results cannot be removed ({error.strerror})") from None
    return out


def _lock_out(out: Path) -> None:
    """``fcntl.flock`` on the directory's lock file, held until :func:`_release_out` (or the process
    ends: the kernel drops the lock of a killed run, so no stale lock outlives it)."""
    key = out.resolve()
    if key in _LOCKS:
        raise UsageError(f"--out {out}: another run of this process is writing into it")
    try:
        fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as error:
        raise UsageError(f"--out {out}: cannot be locked ({error.strerror}); give a directory you can write") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise UsageError(f"--out {out}: another conformance run is writing into it; wait for it to end or "
                         "give another --out") from None
    _LOCKS[key] = fd


def _release_out(out: Path) -> None:
    fd = _LOCKS.pop(out.resolve(), None)
    if fd is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _quiet_pytest(args: list[str], out: Path, console: Console) -> int:
    """pytest with its terminal output in the work directory and a progress bar on ``console``."""
    log = out / "work" / PYTEST_LOG
    with log.open("w", encoding="utf-8") as handle, contextlib.redirect_stdout(handle):
        return int(pytest.main(args, plugins=[ProgressPlugin(console)]))


@contextlib.contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM ends a run as Ctrl-C does: pytest finishes the session, the reference vendor stops,
    and results.json says ``not_run`` (interrupted) instead of a verdict over what ran."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _bundle(out: Path, profile: Path | None, catalog: Path | None) -> None:
    """The run's evidence bundle (module docstring)."""
    from conformance.profiles import load_profile

    used = profile or reference_profile()
    exports = load_profile(used).targets.exports
    export_files = export_file_paths(exports.directory, exports.files) if exports and exports.via == "directory" else ()
    build_bundle(BundleInputs(out=out, profile=used, catalog_root=(catalog or default_catalog_root()).resolve(),
                              export_files=export_files))
