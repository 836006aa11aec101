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
from report_helpers import axe_violations, axe_violations_by_language, jumin_requirements
from test_report_html import clean, sample

from conformance.reporting.html import write_report

BLOCKING = {"serious", "critical"}
#: axe in a real browser: out of the quick loop (tox -e quick).
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def requirements() -> dict[str, Any]:
    return jumin_requirements()


def blocking(by_language: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The serious and critical violations of each language's page."""
    return {lang: [v for v in violations if v["impact"] in BLOCKING] for lang, violations in by_language.items()}


@pytest.mark.parametrize("run", ["clean", "failing"])
def test_no_serious_or_critical_violation(run: str, tmp_path: Path, requirements: dict[str, Any]) -> None:
    """In Japanese as loaded and in English after the switch (one load of the page: report_helpers)."""
    document = clean(requirements) if run == "clean" else sample()
    assert document["verdict"] == ("conformant" if run == "clean" else "not_conformant")
    write_report(tmp_path / "report.html", document, requirements)
    assert blocking(axe_violations_by_language(tmp_path / "report.html", tmp_path)) == {"ja": [], "en": []}


def test_axe_sees_a_violation_when_there_is_one(tmp_path: Path, requirements: dict[str, Any]) -> None:
    """The harness of this test works: a button without a name is a critical violation."""
    write_report(tmp_path / "report.html", sample(), requirements)
    page = tmp_path / "report.html"
    page.write_text(page.read_text("utf-8").replace("<main>", '<main><button type="button"></button>'), "utf-8")
    violations = axe_violations(page, tmp_path)
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in BLOCKING] == [("button-name", "critical")]


def test_the_validation_page_has_no_serious_or_critical_violation(tmp_path: Path) -> None:
    """``conformance validate --out``'s report.html, with findings (the heavier page)."""
    from conformance.reporting.validation_html import write_validation_report

    finding = {"code": "file.code", "message": "性別: not a code of sex", "expected": "1, 2", "actual": "9",
               "location": {"file": "residents.csv", "line": 3, "column": 16,
                            "field": {"header": "性別コード", "item": "性別", "data_item": "sex"}}}
    document = {"verdict": "invalid", "harness_version": "0", "profile": "vendor",
                "catalog": {"domain": "jumin", "edition": "1.0"},
                "files": [{"file": "residents.csv", "layout": "residents_csv", "encoding": "utf-8",
                           "verdict": "invalid",
                           "summary": [{"code": "file.code", "column": "性別コード", "count": 1, "first_lines": [3]}],
                           "findings": [finding]}]}
    write_validation_report(tmp_path / "report.html", document)
    assert blocking(axe_violations_by_language(tmp_path / "report.html", tmp_path)) == {"ja": [], "en": []}
