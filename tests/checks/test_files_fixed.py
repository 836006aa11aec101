"""file.layout on the catalog's fixed-length layout (residents_fixed): small CP932 files in tmp_path."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from factories import requirement

from conformance import load_edition
from conformance.catalog.models import FileInterface, FunctionCheck
from conformance.checks import files
from conformance.checks.files import file_layout
from conformance.checks.registry import CheckContext
from conformance.errors import UsageError
from conformance.findings import Finding
from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit
from conformance.targets.base import Target
from conformance.targets.exports import DirectoryExportSource

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
LAYOUT = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_fixed")
WIDTHS = {column.header: column.width or 0 for column in LAYOUT.columns}
NAME = "residents.dat"
#: Every family a fixed-length file has (no header line).
#: The content families (the domain invariants read across records: tests/checks/test_files_rules.py).
FIXED_FAMILIES = [family for family in files.FAMILIES
                  if family not in ("header", files.REFERENCES, *files.INVARIANT_FAMILIES)]


def m11(serial: str) -> str:
    digit = m11w2_7_check_digit(serial)
    assert digit is not None, "pick a serial whose remainder is not 1"
    return serial + str(digit)


def japanese(**values: str) -> dict[str, str]:
    """A conforming Japanese resident, with ``values`` overriding items."""
    row = {
        "宛名番号": m11("000000001"), "世帯番号": m11("000000002"), "履歴番号": "1", "住民票コード": "12345678901",
        "個人番号": "12345678901" + str(my_number_check_digit("12345678901")), "住民種別": "1", "住民状態": "1",
        "氏名": "山田　太郎", "氏名_フリガナ": "ヤマダ　タロウ", "生年月日": "1980-04-01", "生年月日_不詳フラグ": "0",
        "性別": "1", "続柄": "世帯主", "世帯主氏名": "山田　太郎", "住所_都道府県": "東京都",
        "住所_市区町村": "千代田区", "住所_町字": "千代田", "住所_番地号表記": "1番1号", "住所_郵便番号": "1000001",
        "住民となった年月日": "1980-04-01", "住所を定めた年月日": "2000-01-01", "届出年月日": "2000-01-05",
        "異動事由": "A1", "異動日": "2000-01-01", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
        "住所_市区町村コード": "131016",
    }
    row.update(values)
    return row


def foreign(**values: str) -> dict[str, str]:
    """A conforming foreign resident (第30条45規定区分 1: 中長期在留者)."""
    row = japanese(
        宛名番号=m11("000000003"), 住民種別="2", 氏名="張　玉蓮", 氏名_フリガナ="チャン　ユウリン",
        氏名_アルファベット="ZHANG YULIN", 通称="張田　玉子", 通称_フリガナ="ハリタ　タマコ", 性別="2",
        第30条45規定区分="1", 国籍等_国名コード="156", 在留資格等コード="01", 在留期間等コード_年="03",
        在留期間の満了の日="2027-03-31", 在留カード等番号="AB12345678CD",
    )
    row.update(values)
    return row


def field(header: str, value: str) -> bytes:
    data = value.encode("cp932")
    assert len(data) <= WIDTHS[header], f"{header}: {value!r} does not fit"
    return data.ljust(WIDTHS[header], b" ")


def record(row: Mapping[str, str]) -> bytes:
    """One CP932 record of the layout: each value padded with spaces to its width, then CRLF."""
    return b"".join(field(header, row.get(header, "")) for header in WIDTHS) + b"\r\n"


def target_for(tmp_path: Path, data: bytes, declared: str = "cp932") -> Target:
    (tmp_path / NAME).write_bytes(data)
    source = DirectoryExportSource(tmp_path, {LAYOUT.id: NAME}, {LAYOUT.id: declared})
    return Target(catalog=EDITION, exports=source)


def run(target: Target, rules: Sequence[str] | None = FIXED_FAMILIES, **params: object) -> list[Finding]:
    given = {"layout": LAYOUT.id, **({"rules": list(rules)} if rules is not None else {}), **params}
    return list(file_layout(CheckContext(requirement=requirement(), params=given, target=target)))


def found(tmp_path: Path, data: bytes, rules: Sequence[str] = FIXED_FAMILIES) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in run(target_for(tmp_path, data), rules)]


# ---------------------------------------------------------------------------------------------
# The catalog layout


def test_the_layout_has_a_width_for_each_item_of_residents_csv() -> None:
    csv_layout = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
    assert [(c.data_item, c.header) for c in LAYOUT.columns] == [(c.data_item, c.header) for c in csv_layout.columns]
    assert (LAYOUT.format, LAYOUT.encodings, LAYOUT.record_terminator, LAYOUT.padding) == ("fixed", ("cp932",),
                                                                                          "crlf", " ")
    items = {item.id: item for item in EDITION.data_items}
    for column in LAYOUT.columns:  # a value of the item's length fits, a double-byte character taking two
        item = items[column.data_item]
        if item.length is not None:
            single = item.char_class in ("digits", "alphabet") or item.pattern is not None
            assert column.width == item.length * (1 if single else 2), column.header
    assert LAYOUT.provenance.confirmed is False


def test_every_optional_export_check_has_a_check_that_always_judges() -> None:
    # if_configured checks contribute nothing when the vendor does not offer the layout: a requirement
    # bound only to such checks would pass without evidence.
    bound = 0
    for req in EDITION.requirements:
        checks = [c for c in req.checks if isinstance(c, FunctionCheck)]
        optional = [c for c in checks if c.params.get("if_configured")]
        if optional:
            bound += 1
            assert len(checks) > len(optional), req.id
    assert bound == 3


# ---------------------------------------------------------------------------------------------
# Content: exact finding codes and record:field locations


def test_a_conforming_file_has_no_findings(tmp_path: Path) -> None:
    data = record(japanese()) + record(foreign()) + record(japanese(宛名番号=m11("000000004"), 氏名="李　敏"))
    target = target_for(tmp_path, data)
    assert run(target) == []
    assert target.cache[f"file.layout:{LAYOUT.id}:content"].engine == "fixed"


def test_all_families_of_the_format_when_rules_are_not_given(tmp_path: Path) -> None:
    target = target_for(tmp_path, record(japanese(性別="9")))
    assert [(f.code, f.location) for f in run(target, rules=None)] == [("file.code", f"{NAME}:1:16 (性別)")]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"生年月日": "1980-13-01"}, ("file.type", f"{NAME}:2:13 (生年月日)")),  # lenient: 02-30 is kept
        ({"宛名番号": "0000000010"}, ("file.check_digit", f"{NAME}:2:1 (宛名番号)")),
        ({"性別": "9"}, ("file.code", f"{NAME}:2:16 (性別)")),
        ({"住民状態": ""}, ("file.required", f"{NAME}:2:7 (住民状態)")),
        ({"氏名_フリガナ": "ﾔﾏﾀﾞ"}, ("file.char_class", f"{NAME}:2:9 (氏名_フリガナ)")),
    ],
)
def test_each_defect_at_its_record_and_field(tmp_path: Path, values: dict[str, str], expected: tuple[str, str]) -> None:
    data = record(japanese()) + record(japanese(**values)) + record(foreign())
    assert found(tmp_path, data) == [expected]


def test_an_item_a_foreign_residents_category_requires(tmp_path: Path) -> None:
    data = record(foreign(在留カード等番号=""))
    assert found(tmp_path, data) == [("file.required", f"{NAME}:1:37 (在留カード等番号)")]


def test_a_record_of_the_wrong_length(tmp_path: Path) -> None:
    good = record(japanese())
    short = good[:-3] + b"\r\n"  # one byte short: the records after it no longer fit either
    wrong_end = good[:-2] + b"XX"
    assert found(tmp_path, good + wrong_end + good, ["fields"]) == [("file.record_length", f"{NAME}:2")]
    assert found(tmp_path, good + short + good, ["fields"]) == [
        ("file.record_length", f"{NAME}:2"),
        ("file.record_length", f"{NAME}:3"),
    ]


def test_a_double_byte_character_cut_by_the_field_boundary(tmp_path: Path) -> None:
    # 氏名 is 100 bytes: 49 kanji and one ASCII letter take 99, and the 100th is the lead byte of 田;
    # its trail byte (0x63, 'c') is the first byte of 氏名_フリガナ, which is one byte shorter.
    row = japanese()
    name = ("山" * 49 + "a").encode("cp932") + "田".encode("cp932")
    kana = "ヤマダ".encode("cp932").ljust(WIDTHS["氏名_フリガナ"] - 1)
    raw = record(row)
    start = sum(WIDTHS[h] for h in list(WIDTHS)[:7])
    cut = raw[:start] + name + kana + raw[start + WIDTHS["氏名"] + WIDTHS["氏名_フリガナ"]:]
    assert len(cut) == len(raw)
    assert found(tmp_path, cut) == [
        ("file.encoding_mismatch", f"{NAME}:1:8 (氏名)"),
        # 50 characters and the undecodable byte (U+FFFD): one more than 氏名's 50.
        ("file.length", f"{NAME}:1:8 (氏名)"),
        ("file.char_class", f"{NAME}:1:9 (氏名_フリガナ)"),
    ]


def test_findings_are_capped_and_counted_per_family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "FINDINGS_CAP", 2)
    target = target_for(tmp_path, record(japanese(性別="9")) * 3 + record(japanese())[:-1])
    codes = [(f.code, f.location) for f in run(target, ["codes", "fields"])]
    assert codes == [
        ("file.code", f"{NAME}:1:16 (性別)"), ("file.code", f"{NAME}:2:16 (性別)"),
        ("file.too_many_findings", f"{NAME} (性別)"),
        ("file.record_length", f"{NAME}:4"),
    ]
    scan: files.ContentScan = target.cache[f"file.layout:{LAYOUT.id}:content"]
    assert scan.counts[("codes", "性別")] == 3 and scan.counts[("fields", "")] == 1


def test_the_rule_functions_read_the_file_when_a_mask_disagrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = record(japanese(性別="9", 生年月日="1980-13-01")) + record(foreign(在留カード等番号=""))
    (tmp_path / "columnar").mkdir()
    columnar = found(tmp_path / "columnar", data)
    assert len(columnar) == 3

    def disagree(self: object, batch: object) -> None:
        raise files.EngineDisagreement("a test")

    monkeypatch.setattr(files.content._Collector, "take", disagree)
    target = target_for(tmp_path, data)
    assert sorted((f.code, f.location) for f in run(target)) == sorted(columnar)
    assert target.cache[f"file.layout:{LAYOUT.id}:content"].engine == "rows"


# ---------------------------------------------------------------------------------------------
# Encoding


def test_cp932_bytes_declared_utf8_are_one_encoding_finding_and_the_content_is_still_judged(tmp_path: Path) -> None:
    target = target_for(tmp_path, record(japanese()) + record(japanese(性別="9")), declared="utf-8")
    name_column = sum(WIDTHS[h] for h in list(WIDTHS)[:7]) + 1  # the first non-ASCII byte: 山 of 氏名
    assert [(f.code, f.location, f.actual) for f in run(target)] == [
        ("file.encoding_not_allowed", NAME, "utf-8"),
        ("file.encoding_mismatch", f"{NAME}:1:{name_column}", "8E"),  # a UTF-8 continuation byte
        ("file.code", f"{NAME}:2:16 (性別)", "9"),  # no code of 性別, plain and not personal: shown
    ]


def test_bytes_no_encoding_decodes_are_findings_of_their_record_and_field(tmp_path: Path) -> None:
    # 0x85 0x40 is undefined in CP932 and not UTF-8: the file is read in its declared encoding, field
    # by field, so the bytes are a finding of their record and field, not a file nobody can judge.
    bad = record(foreign(氏名_アルファベット="SMITH"))
    start = sum(WIDTHS[h] for h in list(WIDTHS)[:9])
    bad = bad[:start] + b"\x85\x40" + bad[start + 2:]
    prefix = bad[:start].decode("cp932")
    assert [(f.code, f.location) for f in run(target_for(tmp_path, record(japanese()) + bad))] == [
        ("file.encoding_mismatch", f"{NAME}:2:{len(prefix) + 1}"),
        ("file.encoding_mismatch", f"{NAME}:2:10 (氏名_アルファベット)"),
        ("file.char_class", f"{NAME}:2:10 (氏名_アルファベット)"),
    ]


# ---------------------------------------------------------------------------------------------
# Parameters


def test_a_fixed_layout_has_no_header_family(tmp_path: Path) -> None:
    message = (r"file.layout: params.rules: 'header' does not apply to the fixed layout 'residents_fixed' \(its "
               r"records have no header line\); expected some of: encoding, fields, types")
    with pytest.raises(UsageError, match=message):
        run(target_for(tmp_path, record(japanese())), ["header"])


def test_if_configured_judges_only_a_configured_export(tmp_path: Path) -> None:
    target = target_for(tmp_path, record(japanese(性別="9")))
    assert [f.code for f in run(target, if_configured=True)] == ["file.code"]
    other = Target(catalog=EDITION, exports=DirectoryExportSource(tmp_path, {"residents_csv": NAME}, {}))
    assert run(other, if_configured=True) == []
    assert other.cache == {}  # nothing fetched, nothing read


def test_if_configured_must_be_a_boolean(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"params\.if_configured: expected true or false, got string 'yes'"):
        run(target_for(tmp_path, record(japanese())), if_configured="yes")


def test_an_xml_layout_is_not_implemented(tmp_path: Path) -> None:
    xml = LAYOUT.model_copy(update={"id": "residents_xml", "format": "xml"})
    catalog = dataclasses.replace(EDITION, interfaces=(*EDITION.interfaces, xml))
    target = Target(catalog=catalog, exports=DirectoryExportSource(tmp_path, {}, {}))
    ctx = CheckContext(requirement=requirement(), params={"layout": "residents_xml"}, target=target)
    with pytest.raises(UsageError, match="layout 'residents_xml' is xml; only csv and fixed are implemented"):
        list(file_layout(ctx))
