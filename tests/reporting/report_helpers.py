"""Shared helpers of the reporting tests: a results document, a run's output, and headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conformance.locations import default_catalog_root
from conformance.reporting.json_report import results_document
from conformance.results import RequirementResult, RunOutcome, Scope
from conformance.spec.fingerprint import edition_fingerprint

CATALOG = default_catalog_root()
JUMIN = CATALOG / "jumin" / "1.0"


def jumin_requirements() -> dict[str, Any]:
    """The jumin 1.0 requirements by id (the source texts of a report)."""
    from conformance.spec.loader import load_edition

    return {r.id: r for r in load_edition(JUMIN).requirements}


def result(rid: str, status: str, level: str = "required", findings: Iterable[dict[str, Any]] = (),
           reason: str = "", attestation: dict[str, Any] | None = None,
           exchanges: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """One entry of results.json's ``results`` (format 2.0)."""
    return {"requirement": rid, "domain": "jumin", "edition": "1.0", "level": level, "status": status,
            "reason": reason, "attestation": attestation, "findings": list(findings),
            "exchanges": list(exchanges)}


def finding(code: str, message: str = "", location: str = "", expected: str | None = None,
            actual: str | None = None) -> dict[str, Any]:
    """One finding of a result."""
    return {"code": code, "message": message, "location": location, "expected": expected, "actual": actual}


def document(results: list[dict[str, Any]], problems: tuple[str, ...] = (), *, gaps: tuple[str, ...] = (),
             claimed: Iterable[str] = (), selection: dict[str, Any] | None = None, stopped: str | None = None,
             **extra: Any) -> dict[str, Any]:
    """A results.json document made by the same code as a run, over the real jumin 1.0 catalog.

    ``claimed`` are the ids of the claimed scope (a partial run judges fewer), ``selection`` how the
    run was narrowed, ``stopped`` why it stopped (verdict not_run)."""
    outcome = RunOutcome(results=tuple(RequirementResult.from_json(r) for r in results), problems=problems,
                         gaps=gaps, scope=Scope(claimed=frozenset(claimed), selection=selection or {}),
                         stopped=stopped)
    catalog = {"editions": [{"domain": "jumin", "edition": "1.0", "document": "住民記録システム標準仕様書",
                             "requirements": 957, "sha256": edition_fingerprint(JUMIN)}]}
    doc = results_document(outcome, catalog, {"name": "p", "product": "製品", "version": "1.0"})
    doc.update({"seed": 7, "waivers": []})
    doc.update(extra)
    return doc


def write_results(directory: Path, doc: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "results.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def conformance(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """``python -m conformance ARGS`` in a subprocess (the real command line)."""
    return subprocess.run([sys.executable, "-m", "conformance", *args], capture_output=True, text=True,
                          check=False, timeout=timeout, env={**os.environ, **(env or {})})


@dataclass(frozen=True)
class Invoked:
    """What a command printed and its exit code."""

    returncode: int
    stdout: str
    stderr: str


def report_command(*args: str) -> Invoked:
    """``conformance report ARGS`` in this process (fast; `conformance run` gets a real subprocess)."""
    from conformance.cli import app

    outcome = CliRunner().invoke(app, ["report", *args])
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        raise outcome.exception
    return Invoked(outcome.exit_code, outcome.stdout, outcome.stderr)

# -- headless Chromium ----------------------------------------------------------------------------


def chromium() -> str:
    """The Chromium binary; skipped when absent on a developer's machine, a failure in CI."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    return binary


def dump_dom(page: Path, profile_dir: Path, *flags: str, fragment: str = "") -> str:
    """The DOM of a local page after its scripts ran, as headless Chromium serialises it."""
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile_dir}", "--virtual-time-budget=5000", *flags,
        "--dump-dom", page.resolve().as_uri() + fragment,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout
