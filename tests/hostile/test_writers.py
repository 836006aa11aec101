"""Issue 49, item 2: every output writer carries what a vendor, a file or a profile can put in a
text (control characters, an ANSI escape, bidi overrides, a lone surrogate, XML's forbidden
characters) as escapes, each tested with the same hostile strings; and a run's junit.xml, which
pytest writes as it goes, is moved into place whole."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))
from report_helpers import CATALOG, document, finding, jumin_requirements, result

from conformance.carry import carried
from conformance.cli.run import _prepare_out, _release_out, pytest_arguments
from conformance.recorder import json_line
from conformance.reporting import xlsx
from conformance.reporting.html import write_report
from conformance.reporting.json_report import annotate_junit, write_json_atomic
from conformance.reporting.junit import write_junit

#: One text per kind of character a format cannot carry (all in one waiver, as the issue's run had).
HOSTILE = ["\x1b[31mred\x1b[0m", "nul\x00", "bell\x07", "vt\x0b", "del\x7f", "c1\x9b", "bidi\u202eevil",
           "surrogate\ud800", "nonchar\ufffe"]
TEXT = " ".join(HOSTILE)
#: What no output may hold raw.
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
RID = "jumin-1.0-3.4-R001"


def hostile_document() -> dict[str, Any]:
    waiver = {"requirement": RID, "reason": TEXT, "criterion": TEXT, "ticket": TEXT, "approver": TEXT,
              "expires": "2099-12-31"}
    doc = document([result(RID, "WAIVED", reason=f"waived: {TEXT}"),
                    result("jumin-1.0-3.4-R002", "FAIL", findings=[finding("x.y", TEXT, TEXT, TEXT, TEXT)]),
                    result("jumin-1.0-3.5-R001", "ERROR", reason=TEXT)],
                   problems=(TEXT,), stopped=TEXT, waivers=[waiver])
    doc["profile"]["product"] = TEXT
    return doc


def test_carried_shows_each_character_as_an_escape() -> None:
    assert carried(TEXT) == ("\\x1b[31mred\\x1b[0m nul\\x00 bell\\x07 vt\\x0b del\\x7f c1\\x9b bidi\\u202eevil "
                             "surrogate\\ud800 nonchar\\ufffe")


def test_junit_written_by_report_merge_is_well_formed(tmp_path: Path) -> None:
    write_junit(tmp_path / "junit.xml", hostile_document())
    text = (tmp_path / "junit.xml").read_bytes().decode("utf-8")
    ET.parse(tmp_path / "junit.xml")
    assert not RAW.search(text) and "\\x1b[31mred" in text


def test_the_annotations_of_a_run_junit_are_well_formed(tmp_path: Path) -> None:
    """The run's stop reason (a vendor's text) went into junit.xml raw: ParseError at the next read."""
    (tmp_path / "pytest.xml").write_text('<testsuites><testsuite name="pytest"/></testsuites>', "utf-8")
    annotate_junit(tmp_path / "pytest.xml", hostile_document(), into=tmp_path / "junit.xml")
    root = ET.parse(tmp_path / "junit.xml").getroot()
    values = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert values["conformance.stopped"] == carried(TEXT)


def test_report_html_is_utf8_without_control_characters(tmp_path: Path) -> None:
    write_report(tmp_path / "report.html", hostile_document(), jumin_requirements())
    text = (tmp_path / "report.html").read_bytes().decode("utf-8")  # strict: a surrogate could not be written
    assert not RAW.search(text)
    assert "\\x1b[31mred\\x1b[0m" in text


def test_results_json_keeps_a_lone_surrogate_as_its_json_escape(tmp_path: Path) -> None:
    doc = hostile_document()
    write_json_atomic(tmp_path / "results.json", doc)
    assert json.loads((tmp_path / "results.json").read_bytes().decode("utf-8")) == doc


def test_a_recorded_exchange_line_is_utf8(tmp_path: Path) -> None:
    line = json_line({"text": TEXT})
    assert json.loads(line.encode("utf-8")) == {"text": TEXT}


def test_the_xlsx_list_carries_every_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    doc = hostile_document()
    system = xlsx.systems(doc, CATALOG)[0]
    hostile = replace(system, rows=(xlsx.Row(system.rows[0].requirement, TEXT, TEXT, TEXT),))
    filing = xlsx.Filing(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, ((TEXT, TEXT),))
    (tmp_path / "list.xlsx").write_bytes(xlsx.workbook([hostile], filing, TEXT))
    book = load_workbook(tmp_path / "list.xlsx")
    sheet = book[system.name]
    start = xlsx.table_start(sheet)
    assert sheet.cell(row=start + 1, column=xlsx.COLUMNS.index("適合状況") + 1).value == carried(TEXT)
    assert sheet.cell(row=1, column=2).value == carried(TEXT)  # the header block's 団体名
    assert book[xlsx.PROVENANCE].cell(row=1, column=1).value == carried(TEXT)


def test_pytest_writes_junit_into_the_work_directory(tmp_path: Path) -> None:
    """pytest writes junit.xml as the run goes; a run killed then would leave it half-written among
    the outputs. It writes into work/, and the run moves it into place annotated, whole."""
    out = tmp_path / "out"
    arguments = pytest_arguments(profile=None, domains=[], out=out, catalog=None, extra=[])
    assert f"--junitxml={out / 'work' / 'pytest-junit.xml'}" in arguments
    assert not any(argument == f"--junitxml={out / 'junit.xml'}" for argument in arguments)


def test_an_earlier_run_outputs_are_removed_when_a_run_starts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("results.json", "junit.xml", "report.html", "exchanges.har", "evidence.zip"):
        (out / name).write_text("an earlier run's", "utf-8")
    _prepare_out(out)
    _release_out(out)
    assert sorted(path.name for path in out.iterdir()) == [".conformance-run.lock", "work"]


@pytest.mark.parametrize("text", HOSTILE)
def test_each_hostile_text_is_carried_by_junit(tmp_path: Path, text: str) -> None:
    doc = document([result("jumin-1.0-3.5-R001", "ERROR", reason=text)], stopped=text)
    write_junit(tmp_path / "junit.xml", doc)
    ET.parse(tmp_path / "junit.xml")


def test_the_terminal_shows_a_lone_surrogate_as_an_escape() -> None:
    """Printed raw to a UTF-8 terminal it raised UnicodeEncodeError (a vendor's "\\ud800" in a finding)."""
    from conformance.reporting.terminal import safe

    shown = safe(TEXT, limit=1000)
    shown.encode("utf-8")
    assert "surrogate\\ud800" in shown and "\\x1b[31mred" in shown
