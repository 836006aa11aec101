"""Fixed-length CP932 records: byte widths, sliced before decoding, judged by the same rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance import load_edition
from conformance.checks import files
from conformance.columnar import fixed
from conformance.columnar.fixed import FixedField, FixedLayout
from conformance.columnar.layout import LayoutSpec
from conformance.oracles.identifiers import m11w2_7_check_digit
from conformance.spec.models import FileInterface

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
