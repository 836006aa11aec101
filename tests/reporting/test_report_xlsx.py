"""``conformance report xlsx``: the 適合状況一覧 in catalog order, its states, formula-safe cells."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from report_helpers import document, finding, jumin_requirements, report_command, result, write_results

from conformance.reporting.xlsx import list_state


def test_the_list_has_every_requirement_in_catalog_order_with_its_state(tmp_path: Path) -> None:
    attestation = {"by": "山田", "role": "tester", "date": "2026-01-05", "statement": "確認した",
                   "evidence": [{"file": "alert.png", "sha256": "a" * 64}]}
    listed = [result("jumin-1.0-3.4-R001", "FAIL", findings=[finding("api.status", location="=HYPERLINK(1)")]),
              result("jumin-1.0-3.4-R005", "MANUAL", attestation=attestation),
              result("jumin-1.0-3.4-R006", "MANUAL"), result("jumin-1.0-1.1.1-R001", "PASS"),
              result("jumin-1.0-1.1.2-R001", "NOT_APPLICABLE", level="optional"),
              result("jumin-1.0-1.1.3-R001", "ERROR")]
    write_results(tmp_path / "run", document(listed))
    outcome = report_command("xlsx", str(tmp_path / "run"), "--out", str(tmp_path / "list.xlsx"))
    assert outcome.returncode == 0, outcome.stderr
    rows = list(load_workbook(tmp_path / "list.xlsx").active.iter_rows(values_only=True))
    requirements = jumin_requirements()
    assert [row[0] for row in rows[1:]] == list(requirements)
    states = {row[0]: row[5] for row in rows[1:]}
    assert {rid: states[rid] for rid in ("jumin-1.0-3.4-R001", "jumin-1.0-3.4-R005", "jumin-1.0-3.4-R006",
                                         "jumin-1.0-1.1.1-R001", "jumin-1.0-1.1.2-R001", "jumin-1.0-1.1.3-R001",
                                         "jumin-1.0-1.1.4-R001")} == {
        "jumin-1.0-3.4-R001": "不適合", "jumin-1.0-3.4-R005": "適合", "jumin-1.0-3.4-R006": "目視確認",
        "jumin-1.0-1.1.1-R001": "適合", "jumin-1.0-1.1.2-R001": "対象外", "jumin-1.0-1.1.3-R001": "未判定",
        "jumin-1.0-1.1.4-R001": "未判定"}
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["jumin-1.0-3.4-R001"][4] == requirements["jumin-1.0-3.4-R001"].text
    assert by_id["jumin-1.0-3.4-R001"][7] == "api.status @ =HYPERLINK(1)"  # read back as text ...
    formulas = load_workbook(tmp_path / "list.xlsx").active
    assert all(cell.data_type != "f" for row in formulas.iter_rows() for cell in row)  # ... never a formula
    assert "alert.png sha256:" + "a" * 64 in by_id["jumin-1.0-3.4-R005"][7]


def test_a_transition_is_its_own_state() -> None:
    assert list_state({"status": "FAIL"}, "届出-1") == "経過措置中"
    assert list_state({"status": "NOT_AUTOMATED"}) == "目視確認"


def test_a_results_file_of_another_catalog_is_refused(tmp_path: Path) -> None:
    doc = document([result("jumin-1.0-3.4-R001", "PASS")])
    doc["catalog"]["editions"][0]["sha256"] = "0" * 64
    write_results(tmp_path / "run", doc)
    outcome = report_command("xlsx", str(tmp_path / "run"))
    assert outcome.returncode == 2
    assert "not the catalog edition the run used" in outcome.stderr
