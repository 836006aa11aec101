"""Fixed-length CP932 records: byte widths, sliced before decoding, judged by the same rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance import load_edition
from conformance.catalog.layouts import LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks import files
from conformance.columnar import fixed
from conformance.columnar.fixed import FixedField, FixedLayout
from conformance.errors import SpecError
from conformance.oracles.identifiers import m11w2_7_check_digit

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
CSV_LAYOUT = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
#: A small layout of our own (the catalog has no fixed-length one yet): widths in CP932 bytes.
FIXED = FixedLayout((FixedField("宛名番号", 10), FixedField("氏名", 20), FixedField("性別", 1),
                     FixedField("生年月日", 10)), encoding="cp932", terminator=b"\r\n")
LAYOUT = CSV_LAYOUT.model_copy(update={
    "id": "residents_fixed", "format": "fixed", "encodings": ("cp932",),
    "columns": tuple(c for c in CSV_LAYOUT.columns if c.header in FIXED.headers),
})
SPEC = LayoutSpec.of(EDITION, LAYOUT)
NAME = "r.dat"


def atena(serial: str) -> str:
    digit = m11w2_7_check_digit(serial)
    assert digit is not None
    return serial + str(digit)


def record(number: str, name: str, sex: str, birth: str) -> bytes:
    parts = [number.encode("cp932").ljust(10), name.encode("cp932").ljust(20), sex.encode("cp932").ljust(1),
             birth.encode("cp932").ljust(10)]
    return b"".join(parts) + b"\r\n"


def scan(tmp_path: Path, data: bytes) -> list[tuple[str, str]]:
    path = tmp_path / NAME
    path.write_bytes(data)
    result = files.scan_fixed(path, SPEC, FIXED)
    assert result.engine == "fixed"
    return [(i.code, i.location) for family in files.CONTENT_FAMILIES for i in result.issues[family]]


def test_conforming_records(tmp_path: Path) -> None:
    data = record(atena("000000001"), "山田　太郎", "1", "1980-04-01") + record(atena("000000003"), "李　敏", "2", "")
    assert scan(tmp_path, data) == []


def test_rules_with_record_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fixed, "CHUNK_RECORDS", 2)  # three chunks: records numbered across them
    good = record(atena("000000001"), "山田　太郎", "1", "1980-04-01")
    data = good * 3 + record("0000000010", "山田　太郎", "9", "1980-02-32") + good
    assert scan(tmp_path, data) == [
        ("file.type", f"{NAME}:4:4 (生年月日)"),
        ("file.code", f"{NAME}:4:3 (性別)"),
        ("file.check_digit", f"{NAME}:4:1 (宛名番号)"),
    ]


def test_a_character_cut_by_the_field_boundary(tmp_path: Path) -> None:
    name = "山" * 9 + "a"  # 19 bytes: the 20th is the lead byte of 田, its trail byte (c) is 性別
    raw = atena("000000001").encode() + name.encode("cp932") + "田".encode("cp932") + b"1980-04-01\r\n"
    assert scan(tmp_path, raw) == [
        ("file.encoding_mismatch", f"{NAME}:1:2 (氏名)"),
        ("file.code", f"{NAME}:1:3 (性別)"),
    ]


def test_records_that_do_not_fit_the_width(tmp_path: Path) -> None:
    good = record(atena("000000001"), "山田　太郎", "1", "1980-04-01")
    assert scan(tmp_path, good + good[:-2] + b"XX" + good + good[:5]) == [
        ("file.record_length", f"{NAME}:2"),
        ("file.record_length", f"{NAME}:4"),
    ]


# ---------------------------------------------------------------------------------------------
# From a catalog layout


CATALOG_FIXED = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_fixed")


def test_the_catalog_layout_gives_the_byte_layout() -> None:
    layout = fixed.from_catalog(CATALOG_FIXED, "cp932")
    assert layout.headers == tuple(c.header for c in CATALOG_FIXED.columns)
    assert layout.fields[7] == FixedField("氏名", 100)
    assert (layout.encoding, layout.terminator, layout.pad, layout.offset) == ("cp932", b"\r\n", " ", 0)
    assert layout.width == sum(c.width or 0 for c in CATALOG_FIXED.columns) + 2


def test_a_utf8_bom_is_skipped_and_records_follow_without_a_terminator(tmp_path: Path) -> None:
    by_header = {c.header: c for c in LAYOUT.columns}
    columns = tuple(by_header[f.header].model_copy(update={"width": f.width}) for f in FIXED.fields)
    small = LAYOUT.model_copy(update={"encodings": ("utf-8-sig",), "record_terminator": "none", "columns": columns})
    layout = fixed.from_catalog(small, "utf-8-sig")
    assert (layout.fields, layout.encoding, layout.terminator, layout.offset) == (FIXED.fields, "utf-8", b"", 3)

    def utf8_record(number: str, name: str, sex: str, birth: str) -> bytes:
        # 山 is three bytes in UTF-8: the 20-byte 氏名 holds six of them.
        return number.encode().ljust(10) + name.encode().ljust(20) + sex.encode() + birth.encode().ljust(10)

    path = tmp_path / NAME
    path.write_bytes(b"\xef\xbb\xbf" + utf8_record(atena("000000001"), "山田太郎", "1", "1980-04-01")
                     + utf8_record(atena("000000003"), "李敏", "9", ""))
    result = files.scan_fixed(path, SPEC, layout)
    assert [(i.code, i.location) for family in files.CONTENT_FAMILIES for i in result.issues[family]] == [
        ("file.code", f"{NAME}:2:3 (性別)"),
    ]


def test_a_csv_layout_has_no_byte_layout() -> None:
    with pytest.raises(SpecError, match="layout residents_csv: format csv, not fixed"):
        fixed.from_catalog(CSV_LAYOUT, "cp932")


def test_chunks_are_sized_in_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A wide record (1.6 kB in the catalog layout) must not make a chunk of CHUNK_RECORDS records.
    monkeypatch.setattr(fixed, "CHUNK_BYTES", 2 * FIXED.width + 1)
    path = tmp_path / NAME
    path.write_bytes(record(atena("000000001"), "山田　太郎", "1", "1980-04-01") * 5)
    assert [chunk.frame.height for chunk in fixed.read_chunks(path, FIXED)] == [2, 2, 1]
