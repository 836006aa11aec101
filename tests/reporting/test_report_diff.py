"""`conformance report diff`: regressions first, then fixes, coverage, and other changes."""

from __future__ import annotations

import json
from pathlib import Path

from report_helpers import document, report_command, result, write_results

from conformance.reporting.diff import diff_runs, render_text

OLD = [
    result("jumin-1.0-1.1.1-R001", "PASS"),
    result("jumin-1.0-1.1.1-R002", "WAIVED"),
    result("jumin-1.0-1.1.1-R003", "FAIL", findings=[{"code": "c"}]),
    result("jumin-1.0-1.1.1-R004", "NOT_AUTOMATED"),
    result("jumin-1.0-1.1.1-R005", "MANUAL"),
    result("jumin-1.0-8.1-O001", "NOT_APPLICABLE", level="optional"),
    result("jumin-1.0-1.1.1-R006", "ERROR"),
    result("jumin-1.0-1.1.1-R007", "PASS"),
]
NEW = [
    result("jumin-1.0-1.1.1-R001", "FAIL", findings=[{"code": "a"}, {"code": "b"}]),  # regression
    result("jumin-1.0-1.1.1-R002", "ERROR"),  # regression
    result("jumin-1.0-1.1.1-R003", "PASS"),  # fix
    result("jumin-1.0-1.1.1-R004", "PASS"),  # newly automated
    result("jumin-1.0-1.1.1-R005", "FAIL"),  # newly automated, fails: a new failure, not a regression
    result("jumin-1.0-8.1-O001", "FAIL", level="optional"),  # declared now, fails: regression
    result("jumin-1.0-1.1.1-R006", "WAIVED"),  # a state change, not a fix
    result("jumin-1.0-1.1.1-R008", "PASS"),  # added
]


def test_categories() -> None:
    diff = diff_runs(document(OLD), document(NEW, problems=("waiver for X expired",)))
    assert [(c.requirement, c.old, c.new) for c in diff.regressions] == [
        ("jumin-1.0-1.1.1-R001", "PASS", "FAIL"), ("jumin-1.0-1.1.1-R002", "WAIVED", "ERROR"),
        ("jumin-1.0-8.1-O001", "NOT_APPLICABLE", "FAIL")]
    assert diff.regressions[0].new_findings == 2
    assert [(c.requirement, c.new) for c in diff.fixes] == [("jumin-1.0-1.1.1-R003", "PASS")]
    assert [(c.requirement, c.new_failure) for c in diff.state_changes] == [
        ("jumin-1.0-1.1.1-R005", True), ("jumin-1.0-1.1.1-R004", False), ("jumin-1.0-1.1.1-R006", False)]
    assert diff.added == ("jumin-1.0-1.1.1-R008",) and diff.removed == ("jumin-1.0-1.1.1-R007",)
    coverage = diff.coverage()
    assert coverage["delta"] == {"automated": 3, "manual": -1, "not_automated": -1, "not_applicable": -1, "total": 0}
    assert diff.problems() == {"added": ["waiver for X expired"], "removed": []}


def test_text_puts_regressions_first() -> None:
    text = render_text(diff_runs(document(OLD), document(NEW)))
    order = [text.index(heading) for heading in ("regressions (3):", "fixes (1):", "coverage:", "state changes (3):")]
    assert order == sorted(order)
    assert "  jumin-1.0-1.1.1-R001 PASS -> FAIL (2 findings)" in text
    assert "jumin-1.0-1.1.1-R005 MANUAL -> FAIL (0 findings)  [new failure]" in text
    assert "  automated: 5 -> 8 (+3)" in text


def test_command_exit_codes_and_json(tmp_path: Path) -> None:
    old = write_results(tmp_path / "old", document(OLD))
    new = write_results(tmp_path / "new", document(NEW))
    completed = report_command("diff", str(old), str(new), "--json")
    assert completed.returncode == 1
    report = json.loads(completed.stdout)  # one JSON document, nothing else on stdout
    assert [c["requirement"] for c in report["regressions"]][:1] == ["jumin-1.0-1.1.1-R001"]
    assert report["old"]["verdict"] == "not_conformant" and report["notes"] == []
    same = report_command("diff", str(tmp_path / "old"), str(old))  # a directory works too
    assert same.returncode == 0 and "regressions (0):" in same.stdout
    broken = report_command("diff", str(old), str(tmp_path / "missing.json"))
    assert broken.returncode == 2 and "missing.json: cannot be read" in broken.stderr
