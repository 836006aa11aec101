"""The fast path of file.layout (the compiled screen, the invariants' digest in the screen's pass, a
CP932 file read in place without a UTF-8 copy) gives exactly the findings of the slow one (the csv
module record by record, the invariants on every record): a file with one defect of each family,
in UTF-8 and CP932, each finding's code and location named (issue 51)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conformance.checks import files
from conformance.findings import Finding
from conformance.oracles.identifiers import lg_code_check_digit
from conformance.targets.base import Target
from tests.checks.test_files import (
    NAME,
    ONE_FILE,
    at,
    atena_numbers,
    conforming_rows,
    foreign,
    japanese,
    run,
    target_for,
    to_text,
)

#: The extraction date the dates family compares with (a fixed one: the test does not age).
EXTRACTED = dt.date(2026, 1, 1)
NOWHERE = "99999" + str(lg_code_check_digit("99999"))


def defective_rows() -> list[dict[str, str]]:
    """Conforming rows (lines 2-8), then one record per defect (lines 9-20), each with that defect
    only, a conforming record (line 21, given an extra field by with_extra_field) and a record
    repeating line 3's key (line 22)."""
    rows = conforming_rows()
    numbers = iter(atena_numbers(30, start=500))
    defects = [
        japanese(性別="9"),  # codes
        japanese(宛名番号=_wrong_digit(next(numbers))),  # check_digits
        japanese(異動日="2023-02-30"),  # types (the calendar)
        japanese(住所_町字="町" * 51),  # lengths
        japanese(氏名_フリガナ="やまだ　たろう"),  # char_classes
        japanese(住所_町字=""),  # required
        foreign("1", 在留カード等番号="ab12345678cd"),  # patterns
        japanese(国籍等_国名コード="156"),  # category_items: a Japanese resident with a nationality
        japanese(異動日="2099-01-01", 住民となった年月日="2000-01-01"),  # dates: after the extraction
        japanese(続柄="祖父"),  # values: a 続柄 the specification does not list
        japanese(住所_市区町村コード=NOWHERE),  # municipalities: a valid check digit, no municipality
        japanese(続柄="世帯主"),  # keys: a second 世帯主 of the household
    ]
    for row in defects:
        if row is not defects[1]:
            row["宛名番号"] = next(numbers)
        row["世帯番号"] = rows[0]["世帯番号"]
        if row is not defects[-1] and row["続柄"] == "世帯主":
            row["続柄"] = "子"
    extra = japanese(宛名番号=next(numbers), 続柄="子")
    return [*rows, *defects, extra, dict(rows[1])]


def _wrong_digit(number: str) -> str:
    """``number`` with another check digit (M11W2-7 has one valid digit per serial)."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def with_extra_field(text: str) -> str:
    """The text with one more field on its last line but one (fields)."""
    lines = text.splitlines(keepends=True)
    lines[-2] = lines[-2].rstrip("\n") + ",x\n"
    return "".join(lines)


def findings(tmp_path: Path, encoding: str, *, fast: bool,
             monkeypatch: pytest.MonkeyPatch) -> tuple[Target, list[Finding]]:
    layout = "residents_csv" if encoding == "utf-8" else "residents_csv_cp932"
    folder = tmp_path / f"{encoding}-{'fast' if fast else 'slow'}"
    folder.mkdir()
    text = with_extra_field(to_text(defective_rows()))
    target = target_for(folder, text.encode(encoding), encoding, layout=layout)
    target.cache[files.invariants.EXTRACTED] = EXTRACTED
    with monkeypatch.context() as patch:
        if fast:
            patch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
            patch.setattr(files.limits, "SCREEN", True)
            if encoding == "cp932":  # read in place: no transcoded copy, for the content or the invariants
                patch.setattr(files.encoding, "transcode", _no_copy)
        else:
            patch.setattr(files.limits, "SCREEN_MIN_BYTES", 1 << 40)
            patch.setattr(files.content, "columnar_covers", lambda source: False)
            patch.setattr(files.invariants, "csv_frame", lambda source, columns: None)
        found = run(target, ONE_FILE, layout=layout)
    return target, found


def _no_copy(*args: object, **kwargs: object) -> object:
    raise AssertionError("the fast path transcoded the CP932 file")


def line(number: int, header: str) -> str:
    return at(number, header)


#: (code, location) of each defect, by line.
EXPECTED = [
    ("file.code", line(9, "性別")),
    ("file.check_digit", line(10, "宛名番号")),
    ("file.type", line(11, "異動日")),
    ("file.length", line(12, "住所_町字")),
    ("file.char_class", line(13, "氏名_フリガナ")),
    ("file.required", line(14, "住所_町字")),
    ("file.pattern", line(15, "在留カード等番号")),
    ("file.category_item_unexpected", line(16, "国籍等_国名コード")),
    ("file.date_range", line(17, "異動日")),
    ("file.prohibited_value", line(18, "続柄")),
    ("file.unknown_municipality", line(19, "住所_市区町村コード")),
    ("file.householder", line(20, "続柄")),
    ("file.field_count", f"{NAME}:21"),
    ("file.duplicate_key", line(22, "宛名番号")),
]


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_the_fast_path_finds_what_the_slow_one_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    fast_target, fast = findings(tmp_path, encoding, fast=True, monkeypatch=monkeypatch)
    _, slow = findings(tmp_path, encoding, fast=False, monkeypatch=monkeypatch)
    layout = "residents_csv" if encoding == "utf-8" else "residents_csv_cp932"
    content = fast_target.cache[f"file.layout:{layout}:content"]
    # The fast path ran: the screen's engine, and the invariants digested in the same pass.
    assert content.engine == "columnar" and content.digested is not None
    assert [(f.code, f.location, f.actual, f.message) for f in fast] == \
        [(f.code, f.location, f.actual, f.message) for f in slow]
    assert sorted((f.code, f.location) for f in fast) == sorted(EXPECTED)


def test_a_cp932_file_whose_bytes_only_look_ambiguous_is_read_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 堰 ends with byte 0x81 and 繊 starts with 0x91: the bytes 81 91 are there, the character
    # 0x8191 (¢ in Shift_JIS, ￠ in CP932) is not. Only a file holding such a character is read
    # by the pass that locates them (a CP932 file would be transcoded otherwise).
    assert "堰繊".encode("cp932") == b"\x89\x81\x91\x40"
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
    monkeypatch.setattr(files.limits, "SCREEN", True)
    looks = tmp_path / "looks"
    looks.mkdir()
    clean = target_for(looks, to_text([japanese(住所_方書="堰繊")]).encode("cp932"), "cp932",
                       layout="residents_csv_cp932")
    with monkeypatch.context() as patch:
        patch.setattr(files.encoding, "transcode", _no_copy)
        assert run(clean, ONE_FILE, layout="residents_csv_cp932") == []
    real = tmp_path / "real"
    real.mkdir()
    text = to_text([japanese(住所_方書="1￠2")])
    ambiguous = target_for(real, text.encode("cp932"), "cp932", layout="residents_csv_cp932")
    column = text.splitlines()[1].index("￠") + 1
    assert [(f.code, f.location) for f in run(ambiguous, ["encoding"], layout="residents_csv_cp932")] == [
        ("file.encoding_ambiguous_character", f"{NAME}:2:{column} (住所_方書)")]


def test_a_cp932_key_written_two_ways_is_still_one_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CP932 reads 纊 from ED 40 (NEC's selection of IBM extensions) and from FA 5C (IBM's): two lines
    # whose 宛名番号 differ in their bytes hold the same key. The digest compares bytes, so a key
    # outside ASCII sends the invariants to the UTF-8 copy, which compares text.
    assert b"\xed\x40".decode("cp932") == b"\xfa\x5c".decode("cp932") == "纊"
    rows = conforming_rows()
    rows += [japanese(宛名番号="KEY000001", 続柄="子"), japanese(宛名番号="KEY000001", 続柄="子")]
    data = to_text(rows).encode("cp932")
    first = data.index(b"KEY000001")
    data = (data[:first] + b"\xed\x40" + data[first + 3:].replace(b"KEY000001", b"\xfa\x5c000001", 1))
    found = []
    for fast in (True, False):
        folder = tmp_path / str(fast)
        folder.mkdir()
        target = target_for(folder, data, "cp932", layout="residents_csv_cp932")
        with monkeypatch.context() as patch:
            patch.setattr(files.limits, "SCREEN_MIN_BYTES", 0 if fast else 1 << 40)
            found.append([(f.code, f.location) for f in run(target, ["keys", "required"],
                                                             layout="residents_csv_cp932")])
    assert found[0] == found[1]
    assert ("file.duplicate_key", line(len(rows) + 1, "宛名番号")) in found[0]
