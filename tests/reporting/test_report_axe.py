"""axe-core on report.html in headless Debian Chromium: no serious or critical violation on the
Japanese and the English page of a clean (conformant) and a failing run.

axe-core is the axe.min.js that the PyPI package axe-playwright-python ships (the test extra
installs it); it runs in a copy of the page whose CSP also allows axe and its runner by their
hashes (``report_helpers.axe_violations`` says how).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_helpers import axe_violations, jumin_requirements
from test_report_html import clean, sample

from conformance.reporting.html import write_report

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def requirements() -> dict[str, Any]:
    return jumin_requirements()


@pytest.mark.parametrize("fragment", ["", "#en"], ids=["ja", "en"])
@pytest.mark.parametrize("run", ["clean", "failing"])
def test_no_serious_or_critical_violation(
    run: str, fragment: str, tmp_path: Path, requirements: dict[str, Any]
) -> None:
    document = clean(requirements) if run == "clean" else sample()
    assert document["verdict"] == ("conformant" if run == "clean" else "not_conformant")
    write_report(tmp_path / "report.html", document, requirements)
    violations = axe_violations(tmp_path / "report.html", tmp_path, fragment)
    assert [v for v in violations if v["impact"] in BLOCKING] == []


def test_axe_sees_a_violation_when_there_is_one(tmp_path: Path, requirements: dict[str, Any]) -> None:
    """The harness of this test works: a button without a name is a critical violation."""
    write_report(tmp_path / "report.html", sample(), requirements)
    page = tmp_path / "report.html"
    page.write_text(page.read_text("utf-8").replace("<main>", '<main><button type="button"></button>'), "utf-8")
    violations = axe_violations(page, tmp_path)
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in BLOCKING] == [("button-name", "critical")]
