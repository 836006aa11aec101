"""Options several commands share, declared once; the run options come from conformance/options.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from conformance.options import RUN_OPTIONS


def run_option(name: str, **extra: Any) -> Any:
    """The typer option ``--<name>`` of the run option ``name`` (its metavar and help are the plugin's)."""
    option = RUN_OPTIONS[name]
    return typer.Option(f"--{name}", metavar=option.metavar, help=option.help, **extra)


CatalogOption = Annotated[Path | None, run_option("catalog")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
#: What exits 0 (``run``, ``report merge``): docs/results.md.
GATES = ("conformant", "no-failures")
GateOption = Annotated[str, typer.Option(
    "--gate", metavar="conformant|no-failures",
    help="What exits 0: only a conformant run (default), or any run where nothing failed.")]
DomainOption = Annotated[str | None, typer.Option("--domain", help="Domain slug, e.g. jumin.")]
EditionOption = Annotated[str | None, typer.Option("--edition", help="Edition, e.g. 1.0.")]
