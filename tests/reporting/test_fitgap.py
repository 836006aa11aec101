"""The fit&gap table, and the chapter titles and source links it is labelled with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import JUMIN, result

from conformance.reporting.fitgap import fit_gap, totals
from conformance.reporting.sources import chapter_titles, section_of_id, section_url
from conformance.spec.loader import load_edition

INDEX = Path(__file__).resolve().parents[2] / "spec_sources" / "juminkiroku_v1.0" / "index.md"


def test_rules_for_required_optional_and_prohibited() -> None:
    rows = fit_gap([
        result("jumin-1.0-3.4-R001", "PASS"),
        result("jumin-1.0-3.4-R002", "NOT_AUTOMATED"),  # declared by the claim: supported until it fails
        result("jumin-1.0-3.4-R003", "FAIL"),
        result("jumin-1.0-3.4-R004", "WAIVED"),
        result("jumin-1.0-3.4-O001", "NOT_APPLICABLE", level="optional"),  # not declared
        result("jumin-1.0-3.4-O002", "PASS", level="optional"),
        result("jumin-1.0-3.4-O003", "ERROR", level="optional"),
        result("jumin-1.0-3.4-P001", "PASS", level="prohibited"),
        result("jumin-1.0-3.4-P002", "FAIL", level="prohibited"),
        result("jumin-1.0-5.1-R001", "MANUAL"),
    ])
    chapter3, chapter5 = rows
    assert (chapter3.chapter, chapter3.title_ja, chapter3.title_en) == ("3", "抑止設定", "Suppression settings")
    assert chapter3.to_json() | {"fit_rate": None} == {
        "domain": "jumin", "edition": "1.0", "chapter": "3", "title": "抑止設定", "functions": 7, "required": 4,
        "optional_declared": 2, "optional_undeclared": 1, "supported": 4, "unsupported": 3, "waived": 1,
        "fit_rate": None, "prohibited": 2, "prohibited_violated": 1,
    }
    assert chapter3.fit_rate == pytest.approx(4 / 7)
    assert (chapter5.functions, chapter5.supported, chapter5.fit_rate) == (1, 1, 1.0)
    total = totals(rows)
    assert (total.functions, total.supported, total.unsupported, total.prohibited) == (8, 5, 3, 2)


def test_a_group_without_functions_has_no_rate() -> None:
    (row,) = fit_gap([result("jumin-1.0-3.4-P001", "PASS", level="prohibited")])
    assert row.functions == 0 and row.fit_rate is None


def test_sections_come_from_the_id() -> None:
    assert section_of_id("jumin-1.0-4.1.3.0.1-R002") == "4.1.3.0.1"
    assert section_of_id("not-an-id") == ""


def test_chapter_titles_match_the_source_index() -> None:
    headings = re.findall(r"^\ufeff?# ([0-9]+)\. (.+)$", INDEX.read_text("utf-8"), flags=re.MULTILINE)
    assert len(headings) == 11
    for number, title in headings:
        assert chapter_titles("jumin", "1.0", number)[0] == title.strip()
    assert chapter_titles("jumin", "1.0", "99") == ("第99章", "Chapter 99")


def test_section_links_are_the_index_links() -> None:
    links = dict(re.findall(r"\[([0-9.]+)\. [^\]]*\]\((https://[^)]+)\)", INDEX.read_text("utf-8")))
    edition = load_edition(JUMIN)
    checked = 0
    for requirement in edition.requirements:
        if requirement.source.section in links:
            assert section_url("jumin", "1.0", requirement) == links[requirement.source.section]
            checked += 1
    assert checked > 900
