"""``conformance report xlsx``: the 適合状況一覧 as filed: a sheet per system in 業務ID order, its header
block, the edition's level vocabulary, states in Japanese only, autofilter, A4 print set-up with the
column headers repeated, evidence per row; formula-safe cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from filed_list import header, opened, states, table
from report_helpers import (
    CATALOG,
    document,
    finding,
    jumin_requirements,
    report_command,
    result,
    write_results,
)

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.reporting.xlsx import COLUMNS, list_state

ATTESTATION = {"by": "山田", "role": "tester", "date": "2026-01-05", "statement": "確認した",
               "evidence": [{"file": "alert.png", "sha256": "a" * 64}]}
#: The harness's own state names: none may stand in a filed list.
HARNESS_STATES = ("PASS", "FAIL", "ERROR", "WAIVED", "MANUAL", "NOT_AUTOMATED", "NOT_APPLICABLE", "NOT_SELECTED")
KOKUHO, KYOTSU = CATALOG / "kokuho" / "2025.12", CATALOG / "kyotsu" / "2.1"


def jumin_run(tmp_path: Path) -> Path:
    listed = [result("jumin-1.0-3.4-R001", "FAIL", findings=[finding("api.status", location="=HYPERLINK(1)")],
                     exchanges=[{"id": "e-17", "method": "GET", "url": "/x", "status": 500}]),
              result("jumin-1.0-3.4-R005", "MANUAL", attestation=ATTESTATION),
              result("jumin-1.0-3.4-R006", "MANUAL"), result("jumin-1.0-1.1.1-R001", "PASS"),
              result("jumin-1.0-1.1.2-R001", "NOT_APPLICABLE", level="optional"),
              result("jumin-1.0-1.1.3-R001", "ERROR")]
    write_results(tmp_path / "run", document(listed))
    return tmp_path / "run"


def test_the_list_has_every_requirement_in_catalog_order_with_its_state(tmp_path: Path) -> None:
    outcome = report_command("xlsx", str(jumin_run(tmp_path)), "--out", str(tmp_path / "list.xlsx"),
                             "--municipality", "131016")
    assert outcome.returncode == 0, outcome.stderr
    book = opened(tmp_path / "list.xlsx")
    assert book.sheetnames == ["住民基本台帳"]
    sheet = book["住民基本台帳"]
    rows = table(sheet)
    requirements = jumin_requirements()
    assert [row[0] for row in rows] == list(requirements)
    assert {rid: states(sheet)[rid] for rid in (
        "jumin-1.0-3.4-R001", "jumin-1.0-3.4-R005", "jumin-1.0-3.4-R006", "jumin-1.0-1.1.1-R001",
        "jumin-1.0-1.1.2-R001", "jumin-1.0-1.1.3-R001", "jumin-1.0-1.1.4-R001")} == {
        "jumin-1.0-3.4-R001": "不適合", "jumin-1.0-3.4-R005": "適合", "jumin-1.0-3.4-R006": "目視確認",
        "jumin-1.0-1.1.1-R001": "適合", "jumin-1.0-1.1.2-R001": "対象外", "jumin-1.0-1.1.3-R001": "未判定",
        "jumin-1.0-1.1.4-R001": "未判定"}
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows}
    assert by_id["jumin-1.0-3.4-R001"]["要件（原文）"] == requirements["jumin-1.0-3.4-R001"].text
    # The evidence as the command line writes it: findings (code @ location) and the recorded exchanges.
    assert by_id["jumin-1.0-3.4-R001"]["根拠・証跡"] == "api.status @ =HYPERLINK(1)\nexchanges.har: e-17"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)  # read back as text, never a formula
    assert "alert.png sha256:" + "a" * 64 in by_id["jumin-1.0-3.4-R005"]["根拠・証跡"]
    assert by_id["jumin-1.0-1.1.4-R001"]["根拠・証跡"] == "今回の実行に含まれない"
    # 第1.0版 names its levels with its own headings.
    assert {row["区分"] for row in by_id.values()} == {
        "実装すべき機能", "実装してもしなくても良い機能", "実装しない機能"}
    assert by_id["jumin-1.0-1.1.1-R001"]["区分"] == "実装すべき機能"


def test_the_header_block_says_who_files_what(tmp_path: Path) -> None:
    run = jumin_run(tmp_path)
    report_command("xlsx", str(run), "--out", str(tmp_path / "list.xlsx"), "--municipality", "131016")
    block = header(opened(tmp_path / "list.xlsx")["住民基本台帳"])
    assert block["団体名"] == "東京都千代田区" and block["団体コード"] == "131016"
    assert block["システム（業務）"] == "住民基本台帳（業務ID 001）"
    assert block["パッケージ・バージョン"] == "製品 1.0"
    assert (block["仕様書"], block["版"], block["版の種別"]) == ("住民記録システム標準仕様書", "1.0", "標準仕様書")
    assert block["実行の出所"] == "自己申告（立会いなし）"
    assert block["実行日"] == "記録なし"  # no evidence.zip beside results.json
    assert len(block["作成日"]) == 10
    assert block["件数"] == "適合 2　不適合 1　目視確認 1　対象外 1　未判定 952"


def test_without_a_municipality_the_header_says_it_is_blank_and_a_bad_code_is_refused(tmp_path: Path) -> None:
    run = jumin_run(tmp_path)
    outcome = report_command("xlsx", str(run), "--out", str(tmp_path / "list.xlsx"))
    assert outcome.returncode == 0 and "--municipality" in outcome.stderr
    block = header(opened(tmp_path / "list.xlsx")["住民基本台帳"])
    assert (block["団体名"], block["団体コード"]) == ("（未記入）", "（未記入）")
    refused = report_command("xlsx", str(run), "--municipality", "131017")
    assert refused.returncode == 2 and "'131017'" in refused.stderr and "団体コード" in refused.stderr


def test_states_are_in_japanese_only() -> None:
    assert list_state({"status": "FAIL"}, "届出-1") == "経過措置中"
    assert list_state({"status": "NOT_AUTOMATED"}) == "目視確認"


def test_the_table_filters_and_prints_on_a4_with_its_headers_on_every_page(tmp_path: Path) -> None:
    report_command("xlsx", str(jumin_run(tmp_path)), "--out", str(tmp_path / "list.xlsx"))
    sheet = opened(tmp_path / "list.xlsx")["住民基本台帳"]
    start = next(row[0].row for row in sheet.iter_rows(max_col=1) if row[0].value == "要件ID")
    assert sheet.auto_filter.ref == f"A{start}:I{start + len(jumin_requirements())}"
    assert sheet.print_title_rows == f"${start}:${start}"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"  # 9: A4 (OOXML)
    # One page wide, as many long as it takes: fitToWidth's default in the OOXML schema is 1, which
    # a writer may leave out (XlsxWriter does); fitToHeight 0 is "no limit".
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.freeze_panes == f"A{start + 1}"
    every_cell = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert not [cell for cell in every_cell if any(state in cell for state in HARNESS_STATES)]
    # The text columns wrap and align to the top (one cell format, issue 51); the ids and headers do not.
    wrapped = {(cell.alignment.wrap_text, cell.alignment.vertical)
               for row in sheet.iter_rows(min_row=start + 1, min_col=3) for cell in row}
    assert wrapped == {(True, "top")}
    assert not sheet.cell(row=start + 1, column=1).alignment.wrap_text
    assert not sheet.cell(row=start, column=3).alignment.wrap_text


def edition_entry(directory: Path) -> dict[str, Any]:
    loaded = load_edition(directory)
    assert loaded.edition is not None
    return {"domain": loaded.edition.domain, "edition": loaded.edition.edition, "document": loaded.edition.document,
            "requirements": len(loaded.requirements), "sha256": edition_fingerprint(directory)}


def test_a_sheet_per_system_in_gyomu_id_order_with_each_editions_vocabulary(tmp_path: Path) -> None:
    kokuho, kyotsu = load_edition(KOKUHO).requirements, load_edition(KYOTSU).requirements
    doc = document([result("jumin-1.0-3.4-R001", "PASS")])
    doc["catalog"]["editions"] = [edition_entry(KYOTSU), edition_entry(KOKUHO), *doc["catalog"]["editions"]]
    doc["results"].append({**result(kokuho[0].id, "PASS"), "domain": "kokuho", "edition": "2025.12"})
    write_results(tmp_path / "run", doc)
    assert report_command("xlsx", str(tmp_path / "run"), "--out", str(tmp_path / "list.xlsx")).returncode == 0
    book = opened(tmp_path / "list.xlsx")
    assert book.sheetnames == ["住民基本台帳", "国民健康保険", "共通機能"]  # 業務ID 001, 024, 029
    statute = book["国民健康保険"]
    assert header(statute)["版の種別"] == "法令版（法令の条文。標準仕様書ではない）"
    assert [row[0] for row in table(statute)] == [r.id for r in kokuho]
    assert states(statute)[kokuho[0].id] == "適合"
    assert {row[3] for row in table(statute)} == {
        "義務規定（ハーネスの区分）", "「できる」規定・裁量（ハーネスの区分）"}
    common = book["共通機能"]
    assert header(common)["版の種別"] == "標準仕様書"
    levels = {row[0]: row[3] for row in table(common)}
    assert {levels[r.id] for r in kyotsu} == {"実装必須機能", "標準オプション機能"}
    assert all(levels[r.id] == ("実装必須機能" if r.level == "required" else "標準オプション機能") for r in kyotsu)


def test_a_results_file_of_another_catalog_is_refused(tmp_path: Path) -> None:
    doc = document([result("jumin-1.0-3.4-R001", "PASS")])
    doc["catalog"]["editions"][0]["sha256"] = "0" * 64
    write_results(tmp_path / "run", doc)
    outcome = report_command("xlsx", str(tmp_path / "run"))
    assert outcome.returncode == 2
    assert "not the catalog edition the run used" in outcome.stderr


def test_the_run_date_is_the_manifests_of_the_bundle_beside_it(tmp_path: Path) -> None:
    import json
    import zipfile

    run = jumin_run(tmp_path)
    with zipfile.ZipFile(run / "evidence.zip", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"created": "2026-03-04T05:06:07+00:00"}))
    report_command("xlsx", str(run), "--out", str(tmp_path / "list.xlsx"))
    assert header(opened(tmp_path / "list.xlsx")["住民基本台帳"])["実行日"] == "2026-03-04"


def test_sheet_names_cut_to_31_characters_stay_distinct_and_the_workbook_is_written() -> None:
    """Excel refuses two sheets named alike (ignoring case) and a name over 31 characters; domains the registry
    lacks are named by their slug, which can be long."""
    from conformance.reporting.xlsx import PROVENANCE, Filing, System, sheet_names, workbook

    long = "x" * 40
    listed = [System(long + "a", "1.0", None, ()), System(long.upper() + "b", "1.0", None, ()),
              System("'quoted'", "1.0", None, ())]
    names = sheet_names(listed)
    assert names == ["x" * 31, "X" * 29 + "_2", "quoted"]
    assert sheet_names([System("History", "1.0", None, ())]) == ["History_"]  # Excel keeps that name
    book = opened(workbook(listed, Filing(provenance=(("a", "b"),))))
    assert book.sheetnames == [*names, PROVENANCE]


def test_a_text_over_the_cells_limit_is_cut_and_says_so() -> None:
    """Excel holds 32,767 UTF-16 units in a cell and XlsxWriter cuts a longer text without a word: an attestation
    with hundreds of evidence files must not lose its tail silently."""
    from dataclasses import replace

    from conformance.reporting.xlsx import CELL_LIMIT, Filing, Row, systems, workbook

    system = systems(document([result("jumin-1.0-3.4-R001", "PASS")]), CATALOG)[0]
    long = "𠮷" * CELL_LIMIT  # two UTF-16 units each: the cut must not split one
    fits = "あ" * CELL_LIMIT
    first = system.rows[0]
    listed = [replace(system, rows=(Row(first.requirement, "適合", long, first.level),
                                    Row(first.requirement, "適合", fits, first.level)))]
    rows = table(opened(workbook(listed, Filing()))[sheet_name(listed)])
    evidence = COLUMNS.index("根拠・証跡")
    cut = rows[0][evidence]
    kept = (CELL_LIMIT - 40) // 2
    assert cut == "𠮷" * kept + f"…（以下 {CELL_LIMIT - kept:,} 文字省略）"
    assert len(cut.encode("utf-16-le")) // 2 <= CELL_LIMIT
    assert rows[1][evidence] == fits  # exactly at the limit: whole


def sheet_name(listed: list[Any]) -> str:
    from conformance.reporting.xlsx import sheet_names

    return sheet_names(listed)[0]
