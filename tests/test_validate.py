"""``conformance validate``: files alone against a layout, end to end through the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conformance.catalog.layouts import ABSENT_REASON
from conformance.cli import app
from tests.checks.test_files import HEADERS, atena_numbers, foreign, japanese

runner = CliRunner()


def write(path: Path, rows: Sequence[Mapping[str, str]], headers: Sequence[str] = HEADERS,
          encoding: str = "utf-8") -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def validate(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def document(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = validate(*args, "--json")
    return code, json.loads(out)


def findings(doc: Mapping[str, Any]) -> list[tuple[str, Any, Any, Any]]:
    """(code, line, column, field header) of every finding of the first file."""
    return [(f["code"], f["location"]["line"], f["location"]["column"],
             f["location"]["field"]["header"] if f["location"]["field"] else None)
            for f in doc["files"][0]["findings"]]


def profile(tmp_path: Path, exports: Mapping[str, Any]) -> Path:
    path = tmp_path / "vendor.yaml"
    path.write_text(yaml.safe_dump({
        "name": "vendor", "product": "p", "version": "1", "claims": [{"domain": "jumin", "edition": "1.0"}],
        "targets": {"exports": {"via": "directory", "directory": ".", **exports}},
    }, allow_unicode=True), encoding="utf-8")
    return path


def test_a_conforming_file_is_valid(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(), foreign(続柄="妻")])
    code, doc = document(str(file), "--layout", "residents_csv")
    assert (code, doc["verdict"], doc["files"][0]["verdict"], doc["files"][0]["findings"]) == (0, "valid", "valid", [])
    assert doc["kind"] == "validation" and doc["catalog"] == {"domain": "jumin", "edition": "1.0"}


def member(**values: str) -> dict[str, str]:
    """A second member of japanese()'s household, with its own 宛名番号."""
    return japanese(宛名番号=atena_numbers(1)[0], 続柄="子", **values)


def test_a_defect_is_located_in_the_file_as_it_is(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(), member(性別="9")])
    code, doc = document(str(file), "--layout", "residents_csv")
    assert (code, doc["verdict"]) == (1, "invalid")
    (finding,) = doc["files"][0]["findings"]
    assert finding["code"] == "file.code"
    assert finding["location"] == {"file": str(file), "line": 3, "column": HEADERS.index("性別") + 1,
                                   "field": {"header": "性別", "item": "性別", "data_item": "sex"}}
    # No code of 性別, but a plain code value of an item that is not personal: shown (issue 27, item 8).
    assert (finding["expected"], finding["actual"]) == ("1, 2", "9")
    assert doc["files"][0]["summary"] == [{"code": "file.code", "column": "性別", "count": 1, "first_lines": [3]}]


def test_validate_ends_with_its_next_step(tmp_path: Path) -> None:
    """Issue 48 item 6: the last line says what to do next."""
    valid = write(tmp_path / "valid.csv", [japanese()])
    assert validate(str(valid), "--layout", "residents_csv")[1].splitlines()[-1] == (
        "next: the files follow the layout; a whole run (conformance run --profile) judges the requirements")
    invalid = write(tmp_path / "invalid.csv", [japanese(), member(性別="9")])
    _, out, _ = validate(str(invalid), "--layout", "residents_csv", "--out", str(tmp_path / "out"))
    assert out.splitlines()[-1] == (f"next: open {tmp_path / 'out' / 'report.html'}: each finding with its file, "
                                    "line and column; fix the export and validate again")


def test_personal_values_are_masked(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(氏名="山" * 60)])
    _, doc = document(str(file), "--layout", "residents_csv")
    (finding,) = doc["files"][0]["findings"]
    assert finding["code"] == "file.length" and "山" not in json.dumps(doc, ensure_ascii=False)


def test_unusable_input_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese()])
    for args, message in [
        ((str(tmp_path / "missing.csv"), "--layout", "residents_csv"), "missing.csv: no such file"),
        ((str(tmp_path), "--layout", "residents_csv"), "not a regular file"),
        ((str(file), "--layout", "residents_cvs"), "did you mean 'residents_csv'?"),
        ((str(file),), "which layout?"),
    ]:
        code, out, err = validate(*args)
        assert (code, out) == (2, ""), args
        assert err.startswith("error: ") and err.count("\n") == 1 and message in err, err
        assert "Traceback" not in err


def test_out_writes_results_and_junit(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(性別="9")])
    code, _, _ = validate(str(file), "--layout", "residents_csv", "--out", str(tmp_path / "out"))
    assert code == 1
    results = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert results["verdict"] == "invalid"
    junit = (tmp_path / "out" / "junit.xml").read_text("utf-8")
    assert 'failures="1"' in junit and "file.code" in junit


def html_page(tmp_path: Path, rows: Sequence[Mapping[str, str]]) -> tuple[int, str]:
    file = write(tmp_path / "residents.csv", rows)
    code, _, _ = validate(str(file), "--layout", "residents_csv", "--out", str(tmp_path / "out"))
    return code, (tmp_path / "out" / "report.html").read_text("utf-8")


def test_out_writes_a_report_page_with_each_finding(tmp_path: Path) -> None:
    code, page = html_page(tmp_path, [japanese(), member(性別="9", 氏名="<script>山" + "田" * 60)])
    assert code == 1
    assert '<p class="verdict invalid" id="verdict"><span class="ja">指摘あり</span>' in page
    # The summary row and the finding, located as the file is: line 3, the 性別 column.
    assert "<td><code>file.code</code></td>" in page
    assert f"<code>residents.csv:3:{HEADERS.index('性別') + 1} (性別)</code>" in page
    assert "<code>1, 2</code></td>" in page
    # Vendor text is escaped and personal values masked; the page names the file, not its directory.
    assert "<script>山" not in page and "山" not in page and str(tmp_path) not in page
    assert page.count("<script>") == 1


def test_a_valid_file_gets_a_page_that_says_so(tmp_path: Path) -> None:
    code, page = html_page(tmp_path, [japanese()])
    assert code == 0
    assert '<p class="verdict valid" id="verdict"><span class="ja">指摘なし</span>' in page
    assert "指摘事項はありません。" in page and "file.code" not in page


def test_cp932_file_against_the_cp932_layout(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese()], encoding="cp932")
    code, doc = document(str(file), "--layout", "residents_csv_cp932")
    assert (code, doc["files"][0]["encoding"]) == (0, "cp932")
    code, doc = document(str(file), "--layout", "residents_csv")  # a UTF-8 layout: the bytes say cp932
    assert code == 1 and findings(doc)[0][0] == "file.encoding_mismatch"
    # Issue 69 item 6: the finding names the layout whose encoding the bytes are.
    mismatch = next(f for f in doc["files"][0]["findings"] if f["code"] == "file.encoding_mismatch")
    assert mismatch["message"].endswith("; the bytes are cp932, the encoding of layout residents_csv_cp932 "
                                        "(conformance validate --layout residents_csv_cp932)"), mismatch["message"]
    code, doc = document(str(file), "--layout", "households_csv")  # no layout of that file is cp932: no hint
    mismatch = next(f for f in doc["files"][0]["findings"] if f["code"] == "file.encoding_mismatch")
    assert "the encoding of layout" not in mismatch["message"]


# ---------------------------------------------------------------------------------------------
# Column mapping (profile targets.exports.columns / extra_columns)

VENDOR = {"住所_市区町村": "住所_市区郡町村名", "性別": "性別コード"}


def vendor_headers() -> list[str]:
    return [VENDOR.get(h, h) for h in HEADERS]


def vendor_rows(*rows: Mapping[str, str]) -> list[dict[str, str]]:
    return [{VENDOR.get(h, h): v for h, v in row.items()} for row in rows]


def test_near_miss_headers_get_a_did_you_mean_with_the_vendors_header(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", vendor_rows(japanese()), vendor_headers())
    _, doc = document(str(file), "--layout", "residents_csv")
    unexpected = [f for f in doc["files"][0]["findings"] if f["code"] == "file.header_unexpected_column"]
    city = next(f for f in unexpected if f["location"]["field"]["header"] == "住所_市区郡町村名")
    assert "did you mean '住所_市区町村'?" in city["message"] and city["location"]["line"] == 1
    missing = [f for f in doc["files"][0]["findings"] if f["code"] == "file.header_missing_column"]
    assert {f["location"]["column"] for f in missing} == {None}  # no column number outside the file


def test_a_profile_maps_the_vendors_headers(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", vendor_rows(japanese(), member(性別="9")), vendor_headers())
    mapped = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                "columns": {"residents_csv": {"住所_市区郡町村名": "住所_市区町村",
                                                              "性別コード": "sex"}}})
    code, doc = document(str(file), "--profile", str(mapped))  # the layout comes from the file's name
    assert code == 1
    assert findings(doc) == [("file.code", 3, HEADERS.index("性別") + 1, "性別コード")]
    assert doc["files"][0]["findings"][0]["location"]["field"] == {
        "header": "性別コード", "item": "性別", "data_item": "sex"}
    assert doc["files"][0]["findings"][0]["message"].startswith("性別コード: ")


def test_extra_columns_allowed_or_reported(tmp_path: Path) -> None:
    headers = [*HEADERS, "備考"]
    file = write(tmp_path / "residents.csv", [japanese()], headers)
    reported = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}})
    code, doc = document(str(file), "--profile", str(reported))
    assert (code, findings(doc)) == (1, [("file.header_unexpected_column", 1, len(headers), "備考")])
    allowed = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                 "extra_columns": {"residents_csv": "allow"}})
    code, doc = document(str(file), "--profile", str(allowed))
    assert (code, findings(doc)) == (0, [])


def test_a_mapping_to_no_column_is_a_profile_error(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese()])
    bad = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                             "columns": {"residents_csv": {"市区町村": "住所_市区村"}}})
    code, _, err = validate(str(file), "--profile", str(bad))
    assert code == 2 and "did you mean '住所_市区町村'?" in err and err.startswith("error: ")


def test_the_example_profile_maps_to_catalog_columns() -> None:
    from conformance import load_edition
    from conformance.catalog.layouts import ColumnMap, resolve_mapping
    from conformance.catalog.models import FileInterface
    from conformance.profiles import load_profile

    root = Path(__file__).resolve().parents[1]
    example = load_profile(root / "vendor_profiles" / "example_mapped_export.yaml")
    edition = load_edition(root / "spec_catalog" / "jumin" / "1.0")
    assert example.targets.exports is not None
    for layout_id, names in example.targets.exports.columns.items():
        layout = next(i for i in edition.interfaces if isinstance(i, FileInterface) and i.id == layout_id)
        assert set(resolve_mapping(layout, ColumnMap(names)).renames) == set(names)


def test_the_extraction_date(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(届出年月日="2024-02-02")])
    code, doc = document(str(file), "--layout", "residents_csv", "--extracted", "2024-02-01")
    assert (code, findings(doc)) == (1, [("file.date_range", 2, HEADERS.index("届出年月日") + 1, "届出年月日")])
    assert document(str(file), "--layout", "residents_csv", "--extracted", "2024-02-02")[0] == 0
    code, out, err = validate(str(file), "--layout", "residents_csv", "--extracted", "20240202")
    assert (code, out) == (2, "") and err.startswith("error: --extracted '20240202'")


def test_headers_and_counts_are_not_masked(tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "住所_町字"] + ["氏名カナ"]
    file = write(tmp_path / "residents.csv", [japanese()] * 1, headers)
    _, doc = document(str(file), "--layout", "residents_csv")
    actual = {(f["code"], f["location"]["field"]["header"]): f["actual"] for f in doc["files"][0]["findings"]}
    assert actual[("file.header_unexpected_column", "氏名カナ")] == "氏名カナ"  # a header, not a resident's name
    assert actual[("file.required", "住所_町字")] == "1"  # the records that need the column


def test_control_characters_from_the_file_never_reach_the_terminal_or_break_junit(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    file = tmp_path / "residents.csv"
    file.write_bytes("宛名番号,\x1b[31mRED\x1b[0m\u202e\r\n1,2\r\n".encode())
    code, out, _ = validate(str(file), "--layout", "residents_csv", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[31mRED\\x1b[0m\\u202e" in out
    failure = ET.parse(tmp_path / "out" / "junit.xml").getroot().find(".//failure")
    assert failure is not None and failure.text is not None and "\\u001b[31mRED" in failure.text


def test_a_test_environments_own_municipality_is_declared_in_the_profile(tmp_path: Path) -> None:
    file = write(tmp_path / "residents.csv", [japanese(住所_市区町村コード="229997")])
    code, doc = document(str(file), "--layout", "residents_csv")
    assert code == 1 and findings(doc) == [("file.unknown_municipality", 2, HEADERS.index("住所_市区町村コード") + 1,
                                            "住所_市区町村コード")]
    declared = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                  "test_municipalities": {"229997": "見本町"}})
    code, doc = document(str(file), "--profile", str(declared))
    assert (code, findings(doc)) == (0, [])


def test_a_test_municipality_without_a_valid_check_digit_is_declared_in_the_profile(tmp_path: Path) -> None:
    """Issue 48 item 6: a test environment's code may have no valid check digit (229990's is 7)."""
    column = HEADERS.index("住所_市区町村コード") + 1
    file = write(tmp_path / "residents.csv", [japanese(住所_市区町村コード="229990")])
    code, doc = document(str(file), "--layout", "residents_csv")
    assert code == 1 and findings(doc) == [("file.check_digit", 2, column, "住所_市区町村コード")]
    # Not personal, and plain: the code is shown as it is (issue 48 item 6: only personal values are masked).
    assert {f["actual"] for f in doc["files"][0]["findings"]} == {"229990"}
    declared = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                  "test_municipalities": {"229990": "見本町"}})
    code, doc = document(str(file), "--profile", str(declared))
    assert (code, findings(doc)) == (0, [])


def test_only_personal_values_are_masked(tmp_path: Path) -> None:
    """A wrong 郵便番号, 在留資格等コード or 市区町村コード says nothing of anyone: shown; a name is masked."""
    rows = [japanese(住所_郵便番号="100-0001", 住所_市区町村コード="131017"), foreign(在留資格等コード="123")]
    _, doc = document(str(write(tmp_path / "residents.csv", rows)), "--layout", "residents_csv")
    shown = {(f["location"]["field"]["header"], f["actual"]) for f in doc["files"][0]["findings"]
             if f["location"]["field"]}
    assert {("住所_郵便番号", "100-0001"), ("住所_市区町村コード", "131017"), ("在留資格等コード", "123")} <= shown
    _, doc = document(str(write(tmp_path / "names.csv", [japanese(氏名="山" * 60)])), "--layout", "residents_csv")
    assert "山" not in json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize(("code", "message"), [
    ("22999", "'22999': expected a 6-digit 市区町村コード (a test environment's own; its check digit may be invalid)"),
    ("222038", "'222038' is a real municipality's code"),
])
def test_a_declared_test_municipality_is_checked_at_load(tmp_path: Path, code: str, message: str) -> None:
    file = write(tmp_path / "residents.csv", [japanese()])
    bad = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}, "test_municipalities": {code: "見本町"}})
    exit_code, _, err = validate(str(file), "--profile", str(bad))
    assert exit_code == 2 and message in err and "test_municipalities" in err, err


def test_the_japanese_report_page_gives_each_finding_in_japanese(tmp_path: Path) -> None:
    """Issue 27, item 7: the findings' messages are the harness's English; the Japanese view shows the
    catalogue's text of their code, the English view the message."""
    from conformance.reporting.i18n import FINDINGS

    code, page = html_page(tmp_path, [japanese(), member(性別="9")])
    assert code == 1
    rows = page[page.index('<table class="examples">'):]
    row = rows[rows.index("<code>file.code</code>"):rows.index("</tr>", rows.index("<code>file.code</code>"))]
    assert f'<span class="ja">{FINDINGS["file.code"][0]}</span><span class="en">性別: not a code' in row


def test_a_profile_declares_the_optional_columns_its_system_does_not_have(tmp_path: Path) -> None:
    """Issue 27, item 9: a mapped export without 住民票コード and 住所_方書 could never be valid."""
    headers = [h for h in HEADERS if h not in ("住民票コード", "住所_方書")]
    rows = [{h: v for h, v in japanese().items() if h in headers}]
    file = write(tmp_path / "residents.csv", rows, headers)
    plain = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}})
    code, doc = document(str(file), "--profile", str(plain))
    assert code == 1 and sorted(f[0] for f in findings(doc)) == ["file.header_missing_column"] * 2
    declared = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                  "absent_columns": {"residents_csv": ["住民票コード", "住所_方書"]}})
    code, doc = document(str(file), "--profile", str(declared))
    assert (code, doc["files"][0]["findings"]) == (0, [])


def test_a_required_column_of_our_unconfirmed_layout_may_be_declared_absent(tmp_path: Path) -> None:
    """Issue 48 item 6: a real export of another product could never be valid while the columns our own,
    unconfirmed layout requires could not be declared absent. Declared, their checks are NOT_APPLICABLE
    with the reason, and every finding is marked as resting on our unconfirmed layout."""
    headers = [h for h in HEADERS if h != "性別"]
    rows = [{h: v for h, v in row.items() if h in headers} for row in (japanese(), member(生年月日="2099"))]
    file = write(tmp_path / "residents.csv", rows, headers)
    plain = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}})
    code, doc = document(str(file), "--profile", str(plain))
    assert code == 1 and ("file.header_missing_column", None, None, None) in [
        (f[0], None, None, None) for f in findings(doc)]
    declared = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                  "absent_columns": {"residents_csv": ["性別"]}})
    code, doc = document(str(file), "--profile", str(declared))
    result = doc["files"][0]
    assert code == 1 and all(f["location"]["field"] is None or f["location"]["field"]["header"] != "性別"
                             for f in result["findings"])
    assert [f[0] for f in findings(doc)] == ["file.type"]  # 生年月日 2099: what is left is about the file
    assert result["not_applicable"] == [{"column": "性別", "reason": ABSENT_REASON[1], "reason_ja": ABSENT_REASON[0]}]
    assert result["layout_unconfirmed"].startswith("住民記録 1.0 j1410") and all(
        f["unconfirmed_layout"] for f in result["findings"])
    _, out, _ = validate(str(file), "--profile", str(declared), "--out", str(tmp_path / "out"))
    assert f"  性別: NOT_APPLICABLE: {ABSENT_REASON[1]}" in out.splitlines()
    assert "  the layout residents_csv is ours and unconfirmed: its findings rest on our reading" in out.splitlines()
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert 'id="not-applicable-1"' in page and ABSENT_REASON[0] in page and 'class="unconfirmed-mark"' in page


def test_a_required_column_of_a_confirmed_layout_cannot_be_absent() -> None:
    from conformance.catalog.layouts import ColumnMap, resolve_mapping
    from conformance.catalog.loader import load_edition
    from conformance.errors import ProfileError
    from conformance.locations import default_catalog_root

    edition = load_edition(default_catalog_root() / "jumin" / "1.0")
    layout = next(i for i in edition.interfaces if getattr(i, "id", "") == "residents_csv")
    items = {item.id: item for item in edition.data_items}
    sex = items["sex"]
    confirmed = {**items, "sex": sex.model_copy(update={"provenance": sex.provenance.model_copy(
        update={"confirmed": True})})}
    assert resolve_mapping(layout, ColumnMap(absent=frozenset({"性別"})), items).absent == {"性別"}  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match="'性別' is a required column of residents_csv: only an optional one"):
        resolve_mapping(layout, ColumnMap(absent=frozenset({"性別"})), confirmed)  # type: ignore[arg-type]


@pytest.mark.parametrize(("absent", "message"), [
    (["住所_方"], "'住所_方' is no column of residents_csv (neither a header nor a data item id); did you mean "
                "'住所_方書'?"),
])
def test_a_required_or_unknown_absent_column_is_a_profile_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, absent: list[str], message: str
) -> None:
    """The error names the profile's file and line (of the layout's entry), the field and the value."""
    file = write(tmp_path / "residents.csv", [japanese()])
    bad = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}, "absent_columns": {"residents_csv": absent}})
    line = bad.read_text("utf-8").splitlines().index("    absent_columns:") + 2
    monkeypatch.chdir(tmp_path)
    code, _, err = validate(str(file), "--profile", str(bad))
    assert (code, err) == (2, f"error: vendor.yaml:{line}: targets.exports.absent_columns.residents_csv: {message}\n")


def test_a_profile_says_whether_the_order_matters_after_mapping(tmp_path: Path) -> None:
    headers = [HEADERS[1], HEADERS[0], *HEADERS[2:]]
    file = write(tmp_path / "residents.csv", [japanese()], headers)
    ordered = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}})
    code, doc = document(str(file), "--profile", str(ordered))
    assert (code, [f[0] for f in findings(doc)]) == (1, ["file.header_order"])
    any_order = profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                                   "column_order": {"residents_csv": "any"}})
    assert document(str(file), "--profile", str(any_order))[0] == 0


def test_a_truncated_record_is_one_finding(tmp_path: Path) -> None:
    """Issue 27, item 9: a record cut short gave one file.required per empty cell after the cut."""
    file = write(tmp_path / "residents.csv", [japanese(), member()])
    lines = file.read_text("utf-8").splitlines()
    file.write_text("\n".join([lines[0], lines[1], ",".join(lines[2].split(",")[:5])]) + "\n", encoding="utf-8")
    code, doc = document(str(file), "--layout", "residents_csv")
    assert (code, findings(doc)) == (1, [("file.field_count", 3, None, None)])


def test_a_non_calendar_date_passes_and_the_output_names_the_catalogs_reading(tmp_path: Path) -> None:
    """Issue 27, item 8: 2001-02-30 in 住民となった年月日 is valid by the catalog's lenient reading;
    the output says which rule applied, so an officer sees it was a choice."""
    from conformance.reporting.i18n import DATE_READINGS

    file = write(tmp_path / "residents.csv", [japanese(住民となった年月日="2001-02-30")])
    code, doc = document(str(file), "--layout", "residents_csv")
    assert code == 0 and doc["files"][0]["readings"]["住民となった年月日"] == "lenient"
    assert "生年月日" in doc["files"][0]["readings"] and "異動日" not in doc["files"][0]["readings"]
    code, out, _ = validate(str(file), "--layout", "residents_csv", "--out", str(tmp_path / "out"))
    assert code == 0 and "住民となった年月日: the catalog's lenient reading (calendar: lenient)" in out
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert DATE_READINGS["lenient"][0] in page and "<code>住民となった年月日</code>" in page
    # A strict date's finding names its rule.
    code, doc = document(str(write(tmp_path / "residents.csv", [japanese(異動日="2001-02-30")])),
                         "--layout", "residents_csv")
    (finding,) = doc["files"][0]["findings"]
    assert (code, finding["code"], finding["actual"]) == (1, "file.type", "2001-02-30")
    assert "strict reading" in finding["message"]


#: A legacy system's 続柄 written as codes, and the profile's mapping (the codes are the test's own).
LEGACY_RELATIONS = {"02": "世帯主", "12": "妻", "20": "子"}


def legacy_profile(tmp_path: Path, codes: Mapping[str, Any]) -> Path:
    return profile(tmp_path, {"files": {"residents_csv": "residents.csv"},
                              "reconcile": {"residents_csv": {"codes": codes}}})


def legacy_file(tmp_path: Path) -> Path:
    rows = [japanese(続柄="02"), japanese(宛名番号=atena_numbers(1)[0], 続柄="20")]
    return write(tmp_path / "residents.csv", rows)


def test_map_codes_reads_a_legacy_export_through_the_profiles_codes(tmp_path: Path) -> None:
    """Issue 69 item 6: the codes reconcile maps (targets.exports.reconcile.<layout>.codes) map the values
    before every rule; without --map-codes the findings are as before."""
    file, vendor = legacy_file(tmp_path), legacy_profile(tmp_path, {"続柄": LEGACY_RELATIONS})
    code, doc = document(str(file), "--profile", str(vendor), "--map-codes")
    assert (code, doc["verdict"], doc["files"][0]["findings"], doc["files"][0]["codes_mapped"]) == (
        0, "valid", [], ["続柄"])
    assert "  続柄: read through the profile's codes (targets.exports.reconcile.residents_csv.codes)\n" in validate(
        str(file), "--profile", str(vendor), "--map-codes")[1]
    out = tmp_path / "out"
    validate(str(file), "--profile", str(vendor), "--map-codes", "--out", str(out))
    assert ('<p class="codes-mapped" id="codes-mapped-1"><span class="ja">プロファイルのコード対応'
            "（targets.exports.reconcile の codes）で読み替えた列</span><span class=\"en\">Columns read through the "
            "profile&#39;s codes (targets.exports.reconcile codes)</span>: <code>続柄</code></p>") in (
        out / "report.html").read_text("utf-8")
    code, doc = document(str(file), "--profile", str(vendor))
    relation = HEADERS.index("続柄") + 1
    assert code == 1 and doc["files"][0]["codes_mapped"] == []
    assert sorted(findings(doc)) == [("file.householder", 2, relation, "続柄"),
                                     ("file.prohibited_value", 2, relation, "続柄"),
                                     ("file.prohibited_value", 3, relation, "続柄")]


def test_map_codes_without_a_mapping_is_one_error_line(tmp_path: Path) -> None:
    file = legacy_file(tmp_path)
    plain = profile(tmp_path, {"files": {"residents_csv": "residents.csv"}})
    for args, message in [
        ((str(file), "--layout", "residents_csv", "--map-codes"), "--map-codes: name the profile"),
        ((str(file), "--profile", str(plain), "--map-codes"),
         "--map-codes: the profile 'vendor' maps no code of layout residents_csv (expected "
         "targets.exports.reconcile.residents_csv.codes; it has none)"),
    ]:
        code, out, err = validate(*args)
        assert (code, out) == (2, "") and err.startswith("error: ") and err.count("\n") == 1, err
        assert message in err, err


def test_map_codes_names_an_item_that_is_no_column_at_its_profile_line(tmp_path: Path) -> None:
    file, vendor = legacy_file(tmp_path), legacy_profile(tmp_path, {"続き柄": LEGACY_RELATIONS})
    code, out, err = validate(str(file), "--profile", str(vendor), "--map-codes")
    assert (code, out) == (2, "") and err.startswith(f"error: {vendor}:"), err
    assert "targets.exports.reconcile.residents_csv.codes: '続き柄' is no column of residents_csv" in err
    assert "did you mean '続柄'?" in err
