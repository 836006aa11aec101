"""The terminal of `conformance run`: progress by domain and chapter, then a summary people can act on."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_plugin import make_catalog

from conformance.reporting.terminal import OPENING, ProgressPlugin, print_summary, safe


def console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=200, force_terminal=False, soft_wrap=True), buffer


def finding(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "location": "/0", "expected": None, "actual": None}


def document(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "verdict": "not_conformant", "error": None, "problems": [], "gaps": [],
        "scope": {"partial": True, "selection": {"keyword": "3.4"}, "claimed": 965, "judged": 7},
        "coverage": {"automated": 5, "attested": 2, "manual": 0, "not_automated": 0, "not_applicable": 0,
                     "not_selected": 958, "total": 965},
        "results": [
            {"requirement": "jumin-1.0-3.4-R001", "status": "FAIL",
             "findings": [finding("dv.issued", "issued")] * 3 + [finding("dv.other", "other")]},
            {"requirement": "jumin-1.0-3.4-R002", "status": "PASS", "findings": []},
        ],
    }
    return {**base, **overrides}


def test_the_summary_names_verdict_scope_coverage_failures_by_code_and_outputs(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text("x", encoding="utf-8")
    shown, buffer = console()
    print_summary(shown, document(), tmp_path)
    text = buffer.getvalue()
    assert "verdict: not conformant (不適合)" in text
    assert "partial run (部分実行): 7 of 965 claimed requirements judged; selection: keyword=3.4" in text
    assert "coverage: 5 automated, 2 attested, 0 manual without attestation" in text
    assert "FAIL jumin-1.0-3.4-R001: 4 finding(s)" in text
    # A group is labelled by what its code means, its first message as an example (issue 27, item 13).
    assert "3 × dv.issued: A finding (first: issued)" in text and "1 × dv.other: other" in text
    assert "jumin-1.0-3.4-R002" not in text  # a pass is not listed
    assert f"report.html: {tmp_path / 'report.html'}" in text and "junit.xml" not in text  # only what exists


def test_the_heading_of_the_list_names_an_error_as_not_judged_not_as_failed(tmp_path: Path) -> None:
    """docs/results.md: an ERROR is a check that could not judge, not a failure (an outside vendor read the list's
    old heading, "failing requirements", as the harness calling its ERRORs failures)."""
    error = {"requirement": "jumin-1.0-3.4-R003", "status": "ERROR", "findings": [], "reason": "refused"}
    shown, buffer = console()
    print_summary(shown, document(results=[*document()["results"], error]), tmp_path)
    assert "requirements failed or not judged (ERROR) (2):" in buffer.getvalue()
    shown, buffer = console()
    print_summary(shown, document(verdict="incomplete", results=[error]), tmp_path)
    assert "requirements not judged (ERROR) (1):" in buffer.getvalue()
    shown, buffer = console()
    print_summary(shown, document(), tmp_path)
    assert "requirements failed (1):" in buffer.getvalue()


def test_a_stopped_run_says_why_and_lists_nothing_else(tmp_path: Path) -> None:
    shown, buffer = console()
    stopped = document(verdict="not_run", error="the vendor system could not be reached: refused",
                       results=[{"requirement": "jumin-1.0-3.4-R001", "status": "ERROR", "findings": [],
                                 "reason": "refused"}])
    print_summary(shown, stopped, tmp_path)
    lines = buffer.getvalue().splitlines()
    assert lines[0].startswith("verdict: not run (未実施)")
    assert lines[1] == "stopped: the vendor system could not be reached: refused"
    assert lines[3] == "next: fix what stopped the run (the line above), then run again"
    assert len(lines) == 4  # verdict, stopped, coverage, the next step


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, "next: open {out}/report.html: fix the failing requirements (their findings are there), then run again"),
    ({"verdict": "incomplete"}, "next: run again without -k, --domain, --shard or --lf: only a whole run gives a "
                                "verdict on the claimed scope"),
    ({"verdict": "incomplete", "scope": {"partial": False}, "coverage": {"manual": 3}},
     "next: open {out}/report.html: 3 MANUAL requirement(s) wait for an attestation (each one's procedure is "
     "there; attest in the profile or the portal)"),
    ({"verdict": "incomplete", "scope": {"partial": False}, "coverage": {"not_automated": 3}},
     "next: open {out}/report.html: what is not verified yet is listed under the next steps"),
    ({"verdict": "conformant", "scope": {"partial": False}, "results": []},
     "next: sign {out}/evidence.zip (conformance report sign) and file the 適合状況一覧 (conformance report xlsx "
     "{out} --municipality <団体コード>) or upload the bundle to the portal"),
])
def test_a_run_ends_with_its_next_step(tmp_path: Path, overrides: dict[str, Any], expected: str) -> None:
    """Issue 48 item 6: the terminal's last line says what to open or do next, by the verdict."""
    shown, buffer = console()
    print_summary(shown, document(**overrides), tmp_path)
    assert buffer.getvalue().splitlines()[-1] == expected.format(out=tmp_path)


def test_vendor_text_cannot_drive_the_terminal() -> None:
    assert safe("a\x1b[2Jb\u202ec") == "a\\x1b[2Jb\\u202ec"
    assert safe("x" * 500, limit=10) == "x" * 9 + "…"


def test_the_progress_bar_counts_every_requirement_and_names_the_chapter(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    shown, _ = console()
    plugin = ProgressPlugin(shown)
    pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out", plugins=[plugin])
    task = plugin.progress.tasks[0]
    assert (task.completed, task.total) == (3, 3)
    assert task.description == "jumin 1.0 · 3"
    assert not plugin.started  # stopped at the end of the session


def test_a_group_of_one_code_about_several_items_is_labelled_by_the_code() -> None:
    shown, buffer = console()
    findings = [finding("form.item_value", "性別 is not printed as recorded"),
                finding("form.item_value", "住所 is not printed as recorded")]
    print_summary(shown, document(results=[{"requirement": "jumin-1.0-5.1-R003", "status": "FAIL",
                                            "findings": findings}]), Path("nowhere"))
    assert "2 × form.item_value: An item is not printed as recorded (first: 性別 is not printed as recorded)" in \
        buffer.getvalue()


def test_the_progress_line_says_the_vendor_system_is_being_opened_when_it_is(pytester: pytest.Pytester) -> None:
    """Issue 27, item 13: the run sat silent at 0/1001 while the reference started. The run tells the
    front end when it opens the vendor system, also when requirements that need none came first."""
    needs_a_vendor = ("bindings:\n- requirement: jumin-1.0-3.4-P001\n  checks:\n"
                      "  - kind: check\n    name: jumin.dv.certificate_refused\n")
    catalog = make_catalog(pytester.path, bindings=needs_a_vendor)
    profile = pytester.path / "profile.yaml"  # no vendor API: opening fails at once, after the hook
    profile.write_text("name: p\nproduct: x\nversion: '1'\nclaims:\n- domain: jumin\n  edition: '1.0'\n", "utf-8")
    seen: list[tuple[str, float]] = []

    class Watching(ProgressPlugin):
        def pytest_conformance_opening(self) -> None:
            super().pytest_conformance_opening()
            task = self.progress.tasks[0]
            seen.append((task.description, task.completed))

    shown, _ = console()
    pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-profile={profile}",
                       "--conformance-out=out", plugins=[Watching(shown)])
    assert seen == [(OPENING, 2)]  # R001 and O001 judged without it; P001 opens it, once
    assert "vendor system" in OPENING
