"""What ``conformance run`` shows on the terminal: a progress bar while the suite runs, then the
verdict, the coverage, the failing requirements with their top findings, and where the outputs are.

pytest's own output is written to ``<out>/work/pytest-output.txt`` instead (``--pytest-output``
shows it live). The progress bar is a pytest plugin object the CLI hands to ``pytest.main``: it
counts the reports the controller receives (serial or pytest-xdist alike) and names the domain and
chapter of the requirement it last saw. Everything shown from results.json passes through
:func:`safe` first: vendor data must not drive the terminal with control characters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from conformance.reporting import i18n
from conformance.reporting.sources import chapter_of_id

#: Failing requirements listed at the end; the rest are in the report.
FAILURES_SHOWN = 10
#: Finding codes shown per failing requirement.
CODES_SHOWN = 3
#: Outputs of a run, in the order they are listed.
OUTPUTS = ("report.html", "results.json", "junit.xml", "evidence.zip", "exchanges.har")

#: Control and bidi characters, and lone surrogates (a UTF-8 terminal cannot be written one: UnicodeEncodeError).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

VERDICT_LINES: dict[str, tuple[str, str]] = {
    "conformant": ("bold green", "conformant (適合): every requirement of the claimed scope verified"),
    "not_conformant": ("bold red", "not conformant (不適合): requirements failed"),
    "incomplete": ("bold yellow", "incomplete (判定未完了): nothing failed, but not everything was verified"),
    "not_run": ("bold magenta", "not run (未実施): the run stopped before it could judge"),
}


def safe(text: object, limit: int = 300) -> str:
    """Text for the terminal: control and bidi characters shown as escapes, cut to ``limit``."""
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                         f"\\u{ord(m.group()):04x}", str(text))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


#: What the progress line says while the first requirement opens the vendor system.
OPENING = "opening the vendor system and loading the test data (the bundled reference starts first)"


class ProgressPlugin:
    """A rich progress bar over the requirements of a run, by domain and chapter."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, auto_refresh=False, transient=True,
        )
        self.task = self.progress.add_task("collecting", total=None)
        self.started = False

    def _start(self, total: int) -> None:
        self.progress.update(self.task, total=total, description="judging")
        if not self.started:
            self.progress.start()
            self.started = True
        self.progress.refresh()

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if session.items:
            self._start(len(session.items))

    def pytest_xdist_node_collection_finished(self, node: Any, ids: Sequence[str]) -> None:
        if not self.started:
            self._start(len(ids))

    @pytest.hookimpl(optionalhook=True)
    def pytest_conformance_opening(self) -> None:
        # The first requirement that needs the vendor system opens it (the bundled reference starts
        # and loads its test town: seconds): say so instead of a silent count (issue 27, item 13).
        if self.started:
            self.progress.update(self.task, description=OPENING)
            self.progress.refresh()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if not self.started or report.when != "teardown":
            return
        name = report.nodeid.rsplit("::", 1)[-1]
        self.progress.update(self.task, advance=1, description=_where(name))
        self.progress.refresh()  # by hand: a refresh thread could write while pytest captures output

    def pytest_unconfigure(self) -> None:
        if self.started:
            self.progress.stop()
            self.started = False


def _where(requirement_id: str) -> str:
    """``jumin 1.0 · 3`` for ``jumin-1.0-3.4-R001``: the domain, edition and chapter being judged."""
    parts = requirement_id.split("-")
    if len(parts) < 4:
        return escape(safe(requirement_id, 60))
    chapter = chapter_of_id(requirement_id) or "-"
    return escape(f"{parts[0]} {parts[1]} · {chapter}")


def print_summary(console: Console, document: Mapping[str, Any], out: Path) -> None:
    """The end of a run: verdict, scope, coverage, failures grouped by code, the outputs' paths."""
    verdict = str(document.get("verdict"))
    style, line = VERDICT_LINES.get(verdict, ("bold", verdict))
    console.print(f"verdict: {escape(line)}", style=style, highlight=False)
    scope = document.get("scope") or {}
    stopped = verdict == "not_run"
    if scope.get("partial") and not stopped:
        selection = ", ".join(f"{k}={v}" for k, v in (scope.get("selection") or {}).items()) or "not every requirement"
        console.print(f"partial run (部分実行): {scope.get('judged')} of {scope.get('claimed')} claimed requirements "
                      f"judged; selection: {escape(safe(selection))}", highlight=False)
    if document.get("error"):
        console.print(f"stopped: {escape(safe(document['error'], 600))}", style="magenta", highlight=False)
    console.print(_coverage_line(document.get("coverage") or {}), highlight=False)
    if document.get("seeds"):  # a verdict names the seeds it holds for (docs/results.md "Seeds")
        console.print(f"seeds: {', '.join(str(seed) for seed in document['seeds'])} (the test town from the first)",
                      highlight=False)
    for problem in document.get("problems") or []:
        console.print(f"problem: {escape(safe(problem))}", style="red", highlight=False)
    for gap in (document.get("gaps") or [])[:FAILURES_SHOWN]:
        console.print(f"not verified: {escape(safe(gap))}", style="yellow", highlight=False)
    if not stopped:  # the stop message says it all: no list of what it made ERROR
        _print_failures(console, document.get("results") or [])
    for name in OUTPUTS:
        if (out / name).is_file():
            console.print(f"  {name}: {escape(str(out / name))}", highlight=False)
    console.print(f"next: {escape(next_step(document, out))}", style="bold", highlight=False)


def next_step(document: Mapping[str, Any], out: Path) -> str:
    """The one thing to open or do after a run, by its verdict (issue 48: the terminal ended a run
    with no next step)."""
    verdict = str(document.get("verdict"))
    report = out / "report.html"
    coverage = document.get("coverage") or {}
    if verdict == "not_run":
        return "fix what stopped the run (the line above), then run again"
    if verdict == "not_conformant":
        return f"open {report}: fix the failing requirements (their findings are there), then run again"
    if verdict == "conformant":
        return (f"sign {out / 'evidence.zip'} (conformance report sign) and file the 適合状況一覧 "
                f"(conformance report xlsx {out} --municipality <団体コード>) or upload the bundle to the portal")
    if (document.get("scope") or {}).get("partial"):
        return "run again without -k, --domain, --shard or --lf: only a whole run gives a verdict on the claimed scope"
    if coverage.get("manual"):
        return (f"open {report}: {coverage.get('manual')} MANUAL requirement(s) wait for an attestation (each one's "
                "procedure is there; attest in the profile or the portal)")
    return f"open {report}: what is not verified yet is listed under the next steps"


def _group_label(code: str, count: int, first: str) -> str:
    """A group of findings of one code is labelled by what the code means (the message catalogue),
    with its first finding's message as an example: one finding's message does not speak for
    others about other items (issue 27, item 13)."""
    if count == 1:
        return first
    return f"{i18n.finding_text(code)[1]} (first: {first})"


def _coverage_line(coverage: Mapping[str, Any]) -> str:
    parts = [f"{coverage.get(key, 0)} {label}" for key, label in (
        ("automated", "automated"), ("attested", "attested"), ("manual", "manual without attestation"),
        ("not_automated", "not automated"), ("not_applicable", "not applicable"), ("not_selected", "not selected"),
    )]
    return f"coverage: {', '.join(parts)} (of {coverage.get('total', 0)})"


def _print_failures(console: Console, results: Sequence[Mapping[str, Any]]) -> None:
    failing = [r for r in results if r.get("status") in ("FAIL", "ERROR")]
    if not failing:
        return
    # ERROR is not a failure (docs/results.md: the check could not judge): the heading names both kinds it holds.
    kinds = " or ".join(kind for kind, status in (("failed", "FAIL"), ("not judged (ERROR)", "ERROR"))
                        if any(r.get("status") == status for r in failing))
    console.print(f"requirements {kinds} ({len(failing)}):", style="bold", highlight=False)
    for result in failing[:FAILURES_SHOWN]:
        findings = result.get("findings") or []
        console.print(f"  {result['status']} {escape(safe(result['requirement']))}: "
                      f"{len(findings)} finding(s)", highlight=False)
        for code, count in Counter(str(f.get("code")) for f in findings).most_common(CODES_SHOWN):
            example = str(next(f for f in findings if str(f.get("code")) == code).get("message", ""))
            label = _group_label(code, count, example)
            console.print(f"    {count} × {escape(safe(code, 80))}: {escape(safe(label, 200))}", highlight=False)
        if not findings and result.get("reason"):
            console.print(f"    {escape(safe(result['reason'], 200))}", highlight=False)
    if len(failing) > FAILURES_SHOWN:
        console.print(f"  … and {len(failing) - FAILURES_SHOWN} more in the report", highlight=False)
