"""The ``conformance`` command: its command groups mounted, ``run``, and the last line of defence.

Exit codes follow DESIGN.md: 0 conformant / valid, 1 not conformant / invalid, 2 the command
itself could not be done (bad arguments, profile or catalog); ``run`` adds 3 incomplete and 4 not run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from conformance.cli.catalog import catalog_app
from conformance.cli.options import GATES, CatalogOption, GateOption, run_option
from conformance.cli.output import fail, new_app, say
from conformance.cli.reconcile import reconcile_command
from conformance.cli.reference import reference_app
from conformance.cli.report import report_app
from conformance.cli.validate import validate_command

app = new_app("Conformance tests for Japan's standard specifications of municipal systems.")
app.add_typer(catalog_app, name="catalog")
app.add_typer(reference_app, name="reference", help="The bundled reference vendor.")
app.add_typer(report_app, name="report", help="Compare, merge, bundle, sign and verify run results.")
app.command("validate")(validate_command)
app.command("reconcile")(reconcile_command)


def _mount_front_ends() -> None:
    """Front ends beside the CLI (the portal: ``conformance portal``) add their commands through the
    ``conformance.cli`` entry-point group, so the CLI never imports them (the layers point down)."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="conformance.cli"):
        try:
            app.add_typer(entry.load(), name=entry.name)
        except ImportError:  # its optional extra (`pip install -e '.[portal]'`) is not installed
            continue


_mount_front_ends()


RUN_HELP = """Run the conformance suite (through pytest); write results.json, junit.xml, report.html and
evidence.zip.

\b
Exit codes (the verdict; docs/results.md):
  0  conformant      every requirement of the claimed scope verified
  1  not_conformant  a requirement failed (or a waiver problem)
  2  usage           bad arguments, profile or catalog: your input, not the vendor's
  3  incomplete      nothing failed, but not everything was verified (or a partial run)
  4  not_run         the vendor could not be reached or broke before judging, or the run was interrupted
--gate no-failures exits 0 for incomplete too (a CI gate that wants only "nothing failed").
"""


@app.command("run", help=RUN_HELP)
def run(
    profile: Annotated[Path | None, run_option("profile")] = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Run against the bundled reference vendor (the default).")
    ] = False,
    defect: Annotated[list[str] | None, run_option("defect")] = None,
    domain: Annotated[list[str] | None, run_option("domain")] = None,
    out: Annotated[Path, run_option("out")] = Path("reports/latest"),
    seed: Annotated[list[int] | None, run_option("seed")] = None,
    thorough: Annotated[bool, run_option("thorough")] = False,
    shard: Annotated[str | None, run_option("shard")] = None,
    shard_durations: Annotated[Path | None, run_option("shard-durations")] = None,
    reference_transport: Annotated[str | None, run_option("reference-transport")] = None,
    shrink: Annotated[str | None, run_option("shrink")] = None,
    allow_profile_commands: Annotated[bool, run_option("allow-profile-commands")] = False,
    gate: GateOption = "conformant",
    pytest_output: Annotated[
        bool, typer.Option("--pytest-output", help="Show pytest's own output instead of the progress bar.")
    ] = False,
    catalog: CatalogOption = None,
    workers: Annotated[str | None, typer.Option(
        "--workers", metavar="N|auto",
        help="Judge on N processes (auto: one per core), one edition per process at a time; the bundled "
             "reference vendor only (each process starts its own). The results are those of one process.",
    )] = None,
    pytest_args: Annotated[list[str] | None, typer.Argument(help="Extra pytest arguments (after --).")] = None,
) -> None:
    from rich.console import Console

    from conformance.cli.run import RunOptions, run_suite

    if reference and profile is not None:
        raise fail("--reference and --profile exclude each other: --reference is the bundled vendor's profile")
    if gate not in GATES:
        raise fail(f"--gate {gate!r}: expected conformant or no-failures")
    options = RunOptions(profile=profile, out=out, domains=domain or [], catalog=catalog, extra=pytest_args or [],
                         defects=defect or [], seeds=seed or [], thorough=thorough, shard=shard,
                         shard_durations=shard_durations, gate=gate,
                         pytest_output=pytest_output, workers=workers, reference_transport=reference_transport,
                         shrink=shrink, allow_profile_commands=allow_profile_commands)
    # soft_wrap: a path or message is one line however narrow the terminal (greppable, copyable).
    raise typer.Exit(run_suite(options, Console(stderr=True, soft_wrap=True)))


#: Set by --debug: an unexpected error shows its traceback instead of one line.
_DEBUG = {"on": False}


@app.callback()
def _options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
    memory_limit: Annotated[str | None, typer.Option(
        "--memory-limit", metavar="SIZE",
        help="Address space the command may use (2G, 1536M): set as its RLIMIT_AS, and its threads, buffers and "
             "reservations sized to it; without it, the process's own limit (ulimit -v) is read the same way.",
    )] = None,
) -> None:
    from conformance.memory import prepare

    _DEBUG["on"] = debug
    prepare(memory_limit)  # before any command loads the export engine, numba or numpy


def main() -> None:
    """Console script entry point: an unexpected error is one ``error:`` line (exit 2) unless
    ``--debug`` asks for its traceback; no traceback reaches a user who did not ask. Under a memory
    limit the command runs in a supervised child (:func:`conformance.memory.supervise`): a native
    library's abort for want of memory is one error line too."""
    from conformance.memory import needs_supervisor, supervise

    if needs_supervisor(sys.argv[1:]):
        sys.exit(supervise(sys.argv[1:]))
    try:
        app()
    except Exception as error:  # the last line of defence, by design
        if _DEBUG["on"]:
            raise
        say(f"error: internal error ({type(error).__name__}: {str(error)[:300]}); "
            "rerun with `conformance --debug ...` for the traceback and report it")
        sys.exit(2)
