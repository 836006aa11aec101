"""The fit&gap table, and the chapter titles and source links it is labelled with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import JUMIN, result

from conformance.catalog.loader import load_edition
from conformance.reporting.fitgap import fit_gap, parse_id, totals
from conformance.reporting.sources import chapter_titles, section_of_id, section_url

INDEX = Path(__file__).resolve().parents[2] / "spec_sources" / "juminkiroku_v1.0" / "index.md"


ATTESTATION = {"by": "見本市 住民課長", "date": "2026-11-01", "statement": "画面で確認した", "evidence": []}


def test_declared_and_verified_are_apart() -> None:
    rows = fit_gap([
        result("jumin-1.0-3.4-R001", "PASS"),
        result("jumin-1.0-3.4-R002", "NOT_AUTOMATED"),  # declared, but not verified: never a pass
        result("jumin-1.0-3.4-R003", "FAIL"),
        result("jumin-1.0-3.4-R004", "WAIVED"),
        result("jumin-1.0-3.4-R005", "MANUAL", attestation=ATTESTATION),  # verified by attestation
        result("jumin-1.0-3.4-R006", "MANUAL"),  # no attestation: not verified
        result("jumin-1.0-3.4-O001", "NOT_APPLICABLE", level="optional"),  # not declared
        result("jumin-1.0-3.4-O002", "PASS", level="optional"),
        result("jumin-1.0-3.4-O003", "ERROR", level="optional"),  # the rule could not be judged
        result("jumin-1.0-3.4-P001", "PASS", level="prohibited"),  # verified absent
        result("jumin-1.0-3.4-P002", "FAIL", level="prohibited"),
        result("jumin-1.0-5.1-R001", "NOT_AUTOMATED"),
    ], not_selected=["jumin-1.0-3.5-R001", "jumin-1.0-7.1-O001"])
    chapter3, chapter5, chapter7 = rows
    assert (chapter3.chapter, chapter3.title_ja, chapter3.title_en) == ("3", "抑止設定", "Suppression settings")
    assert chapter3.to_json() | {"fit_rate": None, "coverage": None} == {
        "domain": "jumin", "edition": "1.0", "chapter": "3", "title": "抑止設定", "title_en": "Suppression settings",
        "requirements": 12, "declared": 9, "required": 7, "optional_declared": 2, "optional_undeclared": 1,
        "prohibited": 2, "prohibited_violated": 1, "applicable": 11, "passed": 5, "waived": 1, "attested": 1,
        "failed": 2, "not_verified": 4, "not_selected": 1, "fit_rate": None, "coverage": None,
    }
    assert chapter3.fit_rate == pytest.approx(5 / 7)  # over verified only: 5 passed, 2 failed
    assert chapter3.coverage == pytest.approx(7 / 11)  # verified over applicable
    # Nothing verified: no fit rate at all, whatever was declared.
    assert (chapter5.declared, chapter5.passed, chapter5.fit_rate, chapter5.coverage) == (1, 0, None, 0.0)
    assert (chapter7.optional_declared, chapter7.not_selected, chapter7.fit_rate) == (1, 1, None)
    total = totals(rows)
    assert (total.requirements, total.declared, total.passed, total.failed, total.not_verified) == (14, 11, 5, 2, 6)
    assert total.fit_rate == pytest.approx(5 / 7) and total.coverage == pytest.approx(7 / 13)


def test_a_chapter_with_only_undeclared_options_has_no_rate_and_no_coverage() -> None:
    (row,) = fit_gap([result("jumin-1.0-3.4-O001", "NOT_APPLICABLE", level="optional")])
    assert (row.requirements, row.applicable, row.fit_rate, row.coverage) == (1, 0, None, None)


def test_the_level_of_a_requirement_left_out_comes_from_its_id() -> None:
    assert parse_id("jumin-1.0-3.4-P002") == ("jumin", "1.0", "prohibited")
    assert parse_id("kojin_juminzei-1.0-2.1-O001") == ("kojin_juminzei", "1.0", "optional")
    assert parse_id("jumin-1.0-3.4-R001")[2] == "required"


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


def test_systems_are_in_gyomu_id_order_and_named_in_the_report() -> None:
    """Issue 69: the Fit&Gap listed systems in the order results came (法人住民税 before 住民基本台帳 by slug) and
    by slug; rows are by 業務ID, a system's chapters in their order, and the page names the 業務."""
    from conformance.reporting.fitgap import fit_gap
    from conformance.reporting.html import system

    results = [{"requirement": rid, "domain": rid.split("-")[0], "edition": rid.split("-")[1], "level": "required",
                "status": "PASS"}
               for rid in ("hojin_juminzei-2025.12-1.1-R001", "jumin-1.0-3.4-R001", "jumin-1.0-1.1-R001")]
    assert [(row.domain, row.chapter) for row in fit_gap(results)] == [
        ("jumin", "3"), ("jumin", "1"), ("hojin_juminzei", "1")]
    assert str(system("jumin")) == '<span lang="ja" data-domain="jumin">住民基本台帳</span>'
