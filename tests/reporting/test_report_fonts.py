"""report.html and the validation report draw every character in the project's face (issue 69 item 1): read in
headless Chromium on a machine with no Japanese font (tests/browsers.py), in Japanese and after the switch in
English, no element with text computes a font-family that does not start with the embedded font, and no glyph
is drawn from another font (:func:`browsers.foreign_glyphs`): the search box, the language button and the
findings' code included, which used the machine's fonts before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsers import chromium, foreign_glyphs, no_japanese_font
from report_helpers import jumin_requirements
from test_report_html import sample

from conformance.reporting.html import write_report

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def bare() -> Iterator[Any]:
    """A Chromium whose machine has no Japanese font."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"],
                                              env=no_japanese_font())
        yield launched
        launched.close()


def measured(bare: Any, page: Path) -> dict[str, tuple[int, list[str]]]:
    """What :func:`foreign_glyphs` finds on ``page`` in Japanese, then in English (its language button)."""
    opened = bare.new_page()
    opened.goto(page.as_uri())
    found = {"ja": foreign_glyphs(opened)}
    opened.click("#language")
    found["en"] = foreign_glyphs(opened)
    opened.close()
    return found


def validation_page(path: Path) -> Path:
    """``conformance validate --out``'s report.html with a finding (as test_report_axe.py writes it)."""
    from conformance.reporting.validation_html import write_validation_report

    finding = {"code": "file.code", "message": "性別: not a code of sex", "expected": "1, 2", "actual": "9",
               "location": {"file": "residents.csv", "line": 3, "column": 16,
                            "field": {"header": "性別コード", "item": "性別", "data_item": "sex"}}}
    write_validation_report(path, {
        "verdict": "invalid", "harness_version": "0", "profile": "vendor",
        "catalog": {"domain": "jumin", "edition": "1.0"},
        "files": [{"file": "residents.csv", "layout": "residents_csv", "encoding": "utf-8", "verdict": "invalid",
                   "summary": [{"code": "file.code", "column": "性別コード", "count": 1, "first_lines": [3]}],
                   "findings": [finding]}]})
    return path


def test_the_reports_draw_nothing_outside_the_projects_face(bare: Any, tmp_path: Path) -> None:
    write_report(tmp_path / "report.html", sample(), jumin_requirements())
    found = {"report": measured(bare, tmp_path / "report.html"),
             "validation": measured(bare, validation_page(tmp_path / "validation.html"))}
    assert {(page, lang): count for page, by in found.items() for lang, (count, _) in by.items() if count < 20} == {}
    assert {(page, lang): foreign for page, by in found.items() for lang, (_, foreign) in by.items() if foreign} == {}


def test_the_measure_finds_the_reports_controls_without_the_rule(bare: Any, tmp_path: Path) -> None:
    """The control: the report's style as it was before issue 69 (the face named for the body only) leaves the
    language button and the findings' code to the machine's fonts, and the measure says so."""
    write_report(tmp_path / "report.html", sample(), jumin_requirements())
    page = tmp_path / "report.html"
    text = page.read_text("utf-8")
    rule = 'body, button, input, select, textarea { font-family: "conformance-ja",'
    assert rule in text
    page.write_text(text.replace(rule, 'body { font-family: "conformance-ja",').replace(
        'pre, code, kbd, samp { font-family: "conformance-ja", monospace; }', ""), "utf-8")
    _, foreign = measured(bare, page)["ja"]
    assert any(entry.startswith("span.ja 'English': font-family Arial") for entry in foreign), foreign  # the button
    assert any(entry.startswith("code ") and "LatinOnly" in entry for entry in foreign), foreign
