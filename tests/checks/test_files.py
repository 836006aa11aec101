"""file.layout: every rule family on small residents_csv files generated in tmp_path."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from factories import requirement

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import FileInterface
from conformance.checks import files
from conformance.checks.files import file_layout
from conformance.checks.registry import CheckContext
from conformance.errors import NotAutomated, TargetError, UsageError
from conformance.findings import Finding
from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import DirectoryExportSource

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
LAYOUT = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
HEADERS = [column.header for column in LAYOUT.columns]
NAME = "residents.csv"
ALL_CONTENT = list(files.CONTENT_FAMILIES)
#: Every family judged on one file (references read a second file: tests/checks/test_files_references.py).
ONE_FILE = [family for family in files.FAMILIES if family != files.REFERENCES]
#: The families that judge each record on its own (the invariants read across records).
RECORD_FAMILIES = [family for family in ONE_FILE if family not in files.INVARIANT_FAMILIES]


def m11(serial: str) -> str:
    digit = m11w2_7_check_digit(serial)
    assert digit is not None, "pick a serial whose remainder is not 1"
    return serial + str(digit)


def my_number(first11: str) -> str:
    return first11 + str(my_number_check_digit(first11))


def japanese(**values: str) -> dict[str, str]:
    """A conforming Japanese resident, with ``values`` overriding items."""
    row = dict.fromkeys(HEADERS, "")
    row.update({
        "宛名番号": m11("000000001"), "世帯番号": m11("000000002"), "履歴番号": "1",
        "住民票コード": "12345678901", "個人番号": my_number("12345678901"), "住民種別": "1", "住民状態": "1",
        "氏名": "山田　太郎", "氏名_フリガナ": "ヤマダ　タロウ", "生年月日": "1980-04-01", "生年月日_不詳フラグ": "0",
        "性別": "1", "続柄": "世帯主", "世帯主氏名": "山田　太郎", "住所_都道府県": "東京都",
        "住所_市区町村": "千代田区", "住所_町字": "千代田", "住所_番地号表記": "1番1号", "住所_郵便番号": "1000001",
        "住民となった年月日": "1980-04-01", "住所を定めた年月日": "2000-01-01", "届出年月日": "2000-01-05",
        "異動事由": "A1", "異動日": "2000-01-01", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
    })
    row.update(values)
    return row


#: The items each 第30条45規定区分 needs (catalog: required_when on 第30条45規定区分).
CATEGORY_ITEMS: dict[str, dict[str, str]] = {
    "1": {"在留資格等コード": "01", "在留期間等コード_年": "03", "在留期間の満了の日": "2027-03-31",
          "在留カード等番号": "AB12345678CD"},
    "2": {"在留カード等番号": "AB12345678CD"},
    "3": {"上陸期間_満了日": "2026-06-30"},
    "4": {"仮滞在期間_満了日": "2026-06-30"},
    "5": {},
    "6": {},
}


def foreign(category: str = "1", **values: str) -> dict[str, str]:
    """A conforming foreign resident of ``category``, with ``values`` overriding items."""
    row = japanese(
        宛名番号=m11("000000003"), 住民種別="2", 氏名="張　玉蓮", 氏名_フリガナ="チャン　ユウリン",
        氏名_アルファベット="ZHANG YULIN", 通称="張田　玉子", 通称_フリガナ="ハリタ　タマコ", 性別="2",
        第30条45規定区分=category, 国籍等_国名コード="156", **CATEGORY_ITEMS[category],
    )
    row.update(values)
    return row


def atena_numbers(count: int, start: int = 100) -> list[str]:
    """``count`` distinct valid 宛名番号 (serials whose M11W2-7 remainder is not 1)."""
    serials = (f"{n:09d}" for n in range(start, start + 10 * count))
    return [s + str(d) for s in serials if (d := m11w2_7_check_digit(s)) is not None][:count]


def conforming_rows() -> list[dict[str, str]]:
    """A household: a Japanese 世帯主 and foreign members of every category, each its own 宛名番号."""
    rows = [japanese(), *(foreign(category, 続柄="子") for category in CATEGORY_ITEMS)]
    for row, number in zip(rows[1:], atena_numbers(len(rows) - 1), strict=True):
        row["宛名番号"] = number
    return rows


def to_text(rows: Sequence[Mapping[str, str]], headers: Sequence[str] = HEADERS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    return out.getvalue()


def target_for(
    tmp_path: Path, data: bytes, declared: str | None = "utf-8", catalog: EditionCatalog = EDITION,
    layout: str = "residents_csv",
) -> Target:
    (tmp_path / NAME).write_bytes(data)
    encodings = {layout: declared} if declared is not None else {}
    return Target(catalog=catalog, exports=DirectoryExportSource(tmp_path, {layout: NAME}, encodings))


def run(target: Target, rules: Sequence[str], layout: str = "residents_csv") -> list[Finding]:
    ctx = CheckContext(requirement=requirement(), params={"layout": layout, "rules": list(rules)}, target=target)
    return list(file_layout(ctx))


def found(tmp_path: Path, rows: Sequence[Mapping[str, str]], rules: Sequence[str]) -> list[tuple[str, str]]:
    """(code, location) of every finding on a UTF-8 file of ``rows``, declared utf-8."""
    target = target_for(tmp_path, to_text(rows).encode("utf-8"))
    return [(f.code, f.location) for f in run(target, rules)]


def codes_locations(findings: Sequence[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in findings]


def col(header: str) -> int:
    return HEADERS.index(header) + 1


def at(line: int, header: str) -> str:
    return f"{NAME}:{line}:{col(header)} ({header})"


# ---------------------------------------------------------------------------------------------
# Conforming files


def test_conforming_file_has_no_findings(tmp_path: Path) -> None:
    assert found(tmp_path, conforming_rows(), ONE_FILE) == []


def test_conforming_cp932_file_has_no_findings(tmp_path: Path) -> None:
    data = to_text(conforming_rows()).encode("cp932")
    target = target_for(tmp_path, data, "cp932", layout="residents_csv_cp932")
    assert run(target, ONE_FILE, layout="residents_csv_cp932") == []


# ---------------------------------------------------------------------------------------------
# encoding


def test_cp932_declared_utf8_is_one_mismatch_and_content_is_still_judged(tmp_path: Path) -> None:
    rows = [japanese(), japanese(宛名番号="0000000010")]
    target = target_for(tmp_path, to_text(rows).encode("cp932"), "utf-8")
    findings = run(target, ["encoding", "check_digits"])
    assert codes_locations(findings) == [
        ("file.encoding_mismatch", f"{NAME}:1:1"),
        ("file.check_digit", at(3, "宛名番号")),
    ]
    mismatch = findings[0]
    assert mismatch.expected == "utf-8"
    assert mismatch.actual == "88"  # the first byte of 宛 (0x88 0xB6) in CP932
    assert "cp932" in mismatch.message


def test_mismatch_location_is_the_first_bad_byte(tmp_path: Path) -> None:
    rows = [japanese(), japanese(氏名="ABC")]
    text = to_text(rows)
    line3 = text.splitlines()[2]
    column = line3.index("ABC") + 1
    data = text.encode("utf-8").replace(b"ABC", "A宛".encode("cp932"))
    findings = run(target_for(tmp_path, data, "utf-8"), ["encoding"])
    assert codes_locations(findings) == [("file.encoding_mismatch", f"{NAME}:3:{column + 1}")]


def test_nothing_decodes_judges_encoding_and_refuses_content(tmp_path: Path) -> None:
    data = to_text([japanese()]).encode("utf-8") + b"\x81\x20\n"
    target = target_for(tmp_path, data, "utf-8")
    findings = run(target, ["encoding"])
    assert codes_locations(findings) == [("file.encoding_mismatch", f"{NAME}:3:1")]
    assert "none of utf-8, cp932" in findings[0].message
    with pytest.raises(TargetError, match="cannot judge"):
        run(target, ["header"])


def test_undeclared_charset(tmp_path: Path) -> None:
    target = target_for(tmp_path, to_text(conforming_rows()).encode("utf-8"), None)
    findings = run(target, ONE_FILE)
    assert codes_locations(findings) == [("file.encoding_undeclared", NAME)]
    assert "utf-8" in findings[0].message


def test_encoding_not_allowed_by_the_layout(tmp_path: Path) -> None:
    target = target_for(tmp_path, to_text(conforming_rows()).encode("cp932"), "cp932")
    findings = run(target, ONE_FILE)
    assert codes_locations(findings) == [("file.encoding_not_allowed", NAME)]
    assert findings[0].actual == "cp932"


def test_unknown_or_non_text_encoding_is_not_allowed(tmp_path: Path) -> None:
    target = target_for(tmp_path, to_text(conforming_rows()).encode("utf-8"), "zlib_codec")
    assert codes_locations(run(target, ["encoding", "header"])) == [("file.encoding_not_allowed", NAME)]


def test_utf16_is_a_text_encoding_the_layout_does_not_allow(tmp_path: Path) -> None:
    # UTF-16 is not refused as unknown (decoding one byte of it fails; it is still text): the
    # content is judged in it, and only the encoding family has something to say.
    target = target_for(tmp_path, to_text(conforming_rows()).encode("utf-16"), "utf-16")
    findings = run(target, ONE_FILE)
    assert codes_locations(findings) == [("file.encoding_not_allowed", NAME)]
    assert findings[0].actual == "utf-16"


def test_shift_jis_declared_for_cp932_content(tmp_path: Path) -> None:
    # ① exists in CP932 (NEC special characters) but not in Shift_JIS (LIBRARIES.md).
    rows = [japanese(住所_方書="①号室")]
    text = to_text(rows)
    column = text.splitlines()[1].index("①") + 1
    target = target_for(tmp_path, text.encode("cp932"), "shift_jis", layout="residents_csv_cp932")
    findings = run(target, ONE_FILE, layout="residents_csv_cp932")
    assert codes_locations(findings) == [
        ("file.encoding_not_allowed", NAME),
        ("file.encoding_mismatch", f"{NAME}:2:{column}"),
    ]
    assert "decode as cp932" in findings[1].message


def test_bom_is_allowed_when_the_layout_allows_utf8_sig(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + to_text(conforming_rows()).encode("utf-8")
    assert run(target_for(tmp_path, data, "utf-8"), ONE_FILE) == []


def test_bom_is_not_allowed_by_a_utf8_only_layout(tmp_path: Path) -> None:
    strict = LAYOUT.model_copy(update={"encodings": ("utf-8",)})
    others = tuple(i for i in EDITION.interfaces if i.id != LAYOUT.id)
    catalog = dataclasses.replace(EDITION, interfaces=(*others, strict))
    data = b"\xef\xbb\xbf" + to_text(conforming_rows()).encode("utf-8")
    findings = run(target_for(tmp_path, data, "utf-8", catalog=catalog), ONE_FILE)
    # The BOM is one encoding finding; it does not leak into the first header.
    assert codes_locations(findings) == [("file.encoding_not_allowed", NAME)]
    assert findings[0].actual == "utf-8-sig"


# ---------------------------------------------------------------------------------------------
# header and fields


def test_header_missing_unexpected_and_order(tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "通称"]
    headers[0], headers[1] = headers[1], headers[0]
    headers.append("備考")
    target = target_for(tmp_path, to_text(conforming_rows(), headers).encode("utf-8"))
    assert codes_locations(run(target, ["header"])) == [
        ("file.header_unexpected_column", f"{NAME}:1:{len(headers)} (備考)"),
        ("file.header_missing_column", f"{NAME}:1 (通称)"),  # no column number: the file has no such column
        ("file.header_order", f"{NAME}:1:1 (世帯番号)"),
    ]


def test_repeated_header_is_unexpected(tmp_path: Path) -> None:
    headers = [*HEADERS, "氏名"]
    target = target_for(tmp_path, to_text(conforming_rows(), headers).encode("utf-8"))
    assert codes_locations(run(target, ["header"])) == [
        ("file.header_unexpected_column", f"{NAME}:1:{len(headers)} (氏名)"),
    ]


def test_field_count(tmp_path: Path) -> None:
    text = to_text(conforming_rows())
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    lines[3] = lines[3].rsplit(",", 1)[0] + "\n"
    target = target_for(tmp_path, "".join(lines).encode("utf-8"))
    findings = run(target, ["fields"])
    assert codes_locations(findings) == [("file.field_count", f"{NAME}:3"), ("file.field_count", f"{NAME}:4")]
    assert (findings[0].expected, findings[0].actual) == (str(len(HEADERS)), str(len(HEADERS) + 1))


def test_lines_are_physical_lines(tmp_path: Path) -> None:
    # A quoted value with a line break makes the next record start two lines further down.
    rows = [japanese(住所_方書="二行の\n方書"), japanese(性別="9")]
    assert found(tmp_path, rows, ["codes"]) == [("file.code", at(4, "性別"))]


# ---------------------------------------------------------------------------------------------
# types, lengths, codes, patterns


def test_types(tmp_path: Path) -> None:
    rows = [
        japanese(履歴番号="1a", 生年月日_不詳フラグ="2"),
        japanese(生年月日="2023-02-29", 異動日="2023-02-29"),  # lenient accepts, strict does not
        japanese(生年月日="2023-02-32", 届出年月日="２０２３-01-01"),  # full-width digits are not [0-9]
        japanese(住民となった年月日="2023-13-01", 住所を定めた年月日="2023-1-01"),
    ]
    assert found(tmp_path, rows, ["types"]) == [
        ("file.type", at(2, "履歴番号")),
        ("file.type", at(2, "生年月日_不詳フラグ")),
        ("file.type", at(3, "異動日")),
        ("file.type", at(4, "生年月日")),
        ("file.type", at(4, "届出年月日")),
        ("file.type", at(5, "住民となった年月日")),
        ("file.type", at(5, "住所を定めた年月日")),
    ]


def test_lengths_count_an_ivs_as_one_character(tmp_path: Path) -> None:
    ivs_name = "葛\U000e0100" * 50  # 50 characters, 100 code points
    rows = [japanese(氏名="山" * 51), foreign(通称=ivs_name)]
    assert found(tmp_path, rows, ["lengths"]) == [("file.length", at(2, "氏名"))]


def test_code_values(tmp_path: Path) -> None:
    rows = [japanese(性別="3", 異動事由="Z9"), foreign(第30条45規定区分="7")]
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["codes"])
    assert codes_locations(findings) == [
        ("file.code", at(2, "性別")),
        ("file.code", at(2, "異動事由")),
        ("file.code", at(3, "第30条45規定区分")),
    ]
    # Wrong codes of items that are not personal are shown as they are (issue 27, item 8).
    assert [(f.expected, f.actual) for f in findings[:2]] == [("1, 2", "3"), (findings[1].expected, "Z9")]


def test_patterns(tmp_path: Path) -> None:
    rows = [foreign(在留カード等番号="ab12345678cd"), foreign(在留カード等番号="AB1234567ＣD")]
    assert found(tmp_path, rows, ["patterns"]) == [
        ("file.pattern", at(2, "在留カード等番号")),
        ("file.pattern", at(3, "在留カード等番号")),
    ]


# ---------------------------------------------------------------------------------------------
# char_classes and check_digits


def test_char_classes(tmp_path: Path) -> None:
    rows = [
        japanese(氏名_フリガナ="ヤマダ　たろう", 住所_郵便番号="100０001", 氏名="ﾔﾏﾀﾞ"),
        foreign(氏名_アルファベット="Zhang YULIN", 通称="張田A子"),
        foreign(通称="張田・玉子", 続柄="世帯主\t"),  # ・ is allowed in koseki_text; a tab is a control
        foreign(通称="張田-玉子"),
    ]
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["char_classes"])
    assert [(f.code, f.location, f.actual) for f in findings] == [
        ("file.char_class", at(2, "氏名"), "U+FF94"),
        ("file.char_class", at(2, "氏名_フリガナ"), "U+305F"),
        ("file.char_class", at(2, "住所_郵便番号"), "U+FF10"),
        ("file.char_class", at(3, "氏名_アルファベット"), "U+0068"),
        ("file.char_class", at(3, "通称"), "U+0041"),
        ("file.char_class", at(4, "続柄"), "U+0009"),
        ("file.char_class", at(5, "通称"), "U+002D"),
    ]


def test_check_digits(tmp_path: Path) -> None:
    good = my_number("12345678901")
    bad_my_number = good[:-1] + str((int(good[-1]) + 1) % 10)
    rows = [japanese(宛名番号="0000000010", 世帯番号=m11("000000002"), 個人番号=bad_my_number), foreign()]
    assert found(tmp_path, rows, ["check_digits"]) == [
        ("file.check_digit", at(2, "宛名番号")),
        ("file.check_digit", at(2, "個人番号")),
    ]


def test_values_with_non_digits_are_left_to_char_classes(tmp_path: Path) -> None:
    rows = [japanese(宛名番号="00000000１9")]
    assert found(tmp_path, rows, ["check_digits"]) == []
    assert found(tmp_path, rows, ["char_classes"]) == [("file.char_class", at(2, "宛名番号"))]


def test_personal_values_are_masked_in_actual(tmp_path: Path) -> None:
    bad = "123456789019"
    rows = [japanese(個人番号=bad, 氏名="山" * 60, 性別="3")]
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["lengths", "codes", "check_digits"])
    actual = {f.location: f.actual for f in findings}
    assert actual == {
        at(2, "氏名"): "＊" * 20 + "…",
        at(2, "性別"): "3",  # not personal, a plain code value (no code of 性別): shown
        at(2, "個人番号"): "**********19",
    }
    assert all("山" not in f.message and bad not in f.message for f in findings)


# ---------------------------------------------------------------------------------------------
# required and category_items


def test_required(tmp_path: Path) -> None:
    rows = [
        japanese(住所_町字="", 氏名=""),
        foreign(氏名="", 氏名_アルファベット="", 第30条45規定区分=""),
    ]
    assert found(tmp_path, rows, ["required"]) == [
        ("file.required", at(2, "氏名")),
        ("file.required", at(2, "住所_町字")),
        ("file.required", at(3, "氏名_アルファベット")),
        ("file.required", at(3, "第30条45規定区分")),
    ]


def test_required_and_category_items_do_not_report_the_same_value(tmp_path: Path) -> None:
    rows = [foreign("1", 在留カード等番号="")]
    assert found(tmp_path, rows, ["required"]) == []
    assert found(tmp_path, rows, ["category_items"]) == [("file.required", at(2, "在留カード等番号"))]


def test_category_items(tmp_path: Path) -> None:
    rows = [
        foreign("3", 在留カード等番号="AB12345678CD"),
        foreign("2", 在留カード等番号="", 仮滞在期間_満了日="2026-06-30"),
        japanese(国籍等_国名コード="156", 在留期間等コード_月="06"),
        foreign("5", 在留期間等コード_月="06"),  # not tied to a category: allowed for any foreign resident
    ]
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["category_items"])
    assert codes_locations(findings) == [
        ("file.category_item_unexpected", at(2, "在留カード等番号")),
        ("file.required", at(3, "在留カード等番号")),
        ("file.category_item_unexpected", at(3, "仮滞在期間_満了日")),
        ("file.category_item_unexpected", at(4, "国籍等_国名コード")),
        ("file.category_item_unexpected", at(4, "在留期間等コード_月")),
    ]
    assert findings[0].actual == "＊" * 12  # personal: masked


def test_an_absent_column_is_one_finding_not_one_per_record(tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "住所_町字"]
    target = target_for(tmp_path, to_text([japanese()] * 3, headers).encode("utf-8"))
    findings = run(target, ["required", "header"])
    assert codes_locations(findings) == [("file.required", f"{NAME} (住所_町字)"),
                                         ("file.header_missing_column", f"{NAME}:1 (住所_町字)")]
    assert findings[0].actual == "3" and "the first at line 2" in findings[0].message


def test_empty_values_are_skipped_by_value_families(tmp_path: Path) -> None:
    rows = [japanese(住民票コード="", 個人番号="", 生年月日="", 性別="")]
    families = ["types", "lengths", "codes", "patterns", "char_classes", "check_digits"]
    assert found(tmp_path, rows, families) == []


# ---------------------------------------------------------------------------------------------
# Limits


def test_field_too_large_stops_the_file(tmp_path: Path) -> None:
    rows = [japanese(性別="9"), japanese(住所_方書="x" * (files.limits.FIELD_LIMIT + 1)), japanese(性別="9")]
    findings = found(tmp_path, rows, ["codes"])
    assert findings == [("file.code", at(2, "性別")), ("file.field_too_large", f"{NAME}:3")]


def test_field_too_large_across_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "FIELD_LIMIT", 1000)  # above the header line, below the value
    rows = [japanese(性別="9"), japanese(住所_方書="長い\n" * 500), japanese(性別="9")]
    findings = found(tmp_path, rows, ["codes"])
    assert findings == [("file.code", at(2, "性別")), ("file.field_too_large", f"{NAME}:3")]
    assert csv.field_size_limit() != 1000  # the process-wide limit is restored


def test_too_many_findings_are_capped_per_column_with_an_exact_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cap = files.limits.COLUMN_CAP
    rows = [japanese(性別="9", 住民状態="8")] * (cap + 5) + [japanese(氏名_フリガナ="x")]
    target = target_for(tmp_path, to_text(rows).encode("utf-8"))
    worded: list[str] = []
    code_rule = files.CELL_RULES["codes"]

    def counted(column: files.Column, value: str) -> object:
        worded.append(column.header)
        return code_rule(column, value)

    monkeypatch.setitem(files.CELL_RULES, "codes", counted)
    findings = run(target, ["codes", "char_classes"])
    # Only the rows a column still has room for are worded (issue 51): not the 5 more of each column.
    assert sorted(worded) == sorted(["性別", "住民状態"] * cap)
    codes = [(f.code, f.location.rsplit(" ", 1)[-1]) for f in findings]
    assert codes == ([("file.code", "(住民状態)"), ("file.code", "(性別)")] * cap
                     + [("file.too_many_findings", "(住民状態)"), ("file.too_many_findings", "(性別)"),
                        ("file.char_class", "(氏名_フリガナ)")])
    summary = findings[2 * cap + 1]
    assert summary.location == f"{NAME} (性別)" and summary.actual == str(cap + 5)
    assert f"5 more codes finding(s) of column 性別 not shown ({cap + 5} in total)" in summary.message


def test_the_family_cap_still_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "FINDINGS_CAP", 3)
    rows = [japanese(性別="9", 住民状態="8")] * 4
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["codes"])
    assert [f.code for f in findings] == ["file.code"] * 3 + ["file.too_many_findings"] * 2
    assert [f.actual for f in findings[3:]] == ["4", "4"]


# ---------------------------------------------------------------------------------------------
# Caching and parameters


class CountingSource:
    """An export source that counts fetches."""

    def __init__(self, inner: DirectoryExportSource) -> None:
        self.inner = inner
        self.fetches = 0

    def fetch(self, layout: str) -> ExportFile:
        self.fetches += 1
        return self.inner.fetch(layout)

    def offers(self, layout: str) -> bool:
        return self.inner.offers(layout)


def test_one_fetch_and_one_pass_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = target_for(tmp_path, to_text([japanese(性別="9")]).encode("utf-8"))
    assert isinstance(target.exports, DirectoryExportSource)
    source = CountingSource(target.exports)
    target.exports = source
    passes: list[str] = []
    original = files.scan_content

    def counting_scan(*args: object, **kwargs: object) -> files.ContentScan:
        passes.append("scan")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.cache, "scan_content", counting_scan)
    assert codes_locations(run(target, ["encoding", "codes"])) == [("file.code", at(2, "性別"))]
    assert run(target, ["header", "required"]) == []
    assert (source.fetches, len(passes)) == (1, 1)


def test_unknown_rule_family(tmp_path: Path) -> None:
    target = target_for(tmp_path, b"")
    with pytest.raises(UsageError, match="did you mean 'codes'"):
        run(target, ["cdoes"])


def test_unknown_layout(tmp_path: Path) -> None:
    target = target_for(tmp_path, b"")
    with pytest.raises(UsageError, match="residents_csv"):
        run(target, ["header"], layout="residents")


def test_no_export_target_is_not_automated() -> None:
    # A product that offers no export file is not judged on one (issue 64: NOT_AUTOMATED with the reason, not ERROR).
    ctx = CheckContext(requirement=requirement(), params={"layout": "residents_csv"}, target=Target(catalog=EDITION))
    with pytest.raises(NotAutomated, match="no export target"):
        list(file_layout(ctx))


def test_an_empty_file_misses_every_column(tmp_path: Path) -> None:
    findings = run(target_for(tmp_path, b""), ["header", "fields"])
    assert [f.code for f in findings] == ["file.header_missing_column"] * len(HEADERS)


# ---------------------------------------------------------------------------------------------
# The columnar engine (issue 5): same findings, exact counts, encodings


def test_the_columnar_engine_reads_a_regular_file(tmp_path: Path) -> None:
    rows = [japanese(性別="9"), *conforming_rows()]
    target = target_for(tmp_path, to_text(rows).encode("utf-8"))
    assert codes_locations(run(target, ["codes"])) == [("file.code", at(2, "性別"))]
    scan: files.ContentScan = target.cache["file.layout:residents_csv:content"]
    assert scan.engine == "columnar"
    assert scan.counts == {("codes", "性別"): 1}


def test_quoted_fields_give_the_same_findings(tmp_path: Path) -> None:
    rows = [japanese(住所_方書="1,2号", 性別="9"), japanese(氏名='"山田"')]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADERS)
    writer.writerows([row[h] for h in HEADERS] for row in rows)
    target = target_for(tmp_path, out.getvalue().encode("utf-8"))
    assert codes_locations(run(target, RECORD_FAMILIES)) == [("file.code", at(2, "性別"))]
    assert target.cache["file.layout:residents_csv:content"].engine == "columnar"


def test_shift_jis_characters_cp932_reads_otherwise_are_findings(tmp_path: Path) -> None:
    rows = [japanese(住所_方書="1〜2号室")]
    text = to_text(rows)
    column = text.splitlines()[1].index("〜") + 1
    target = target_for(tmp_path, text.encode("shift_jis"), "shift_jis", layout="residents_csv_cp932")
    findings = run(target, ["encoding"], layout="residents_csv_cp932")
    assert codes_locations(findings) == [
        ("file.encoding_not_allowed", NAME),
        ("file.encoding_ambiguous_character", f"{NAME}:2:{column} (住所_方書)"),
    ]
    assert (findings[1].expected, findings[1].actual) == ("U+301C", "U+FF5E in cp932")
    assert run(target, ["char_classes", "lengths"], layout="residents_csv_cp932") == []
