"""The migration CSV: round trip, atomic writes, and exact messages for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.errors import SpecError
from conformance.testdata import migration
from conformance.testdata.migration import parse_migration, read_migration, write_migration
from conformance.testdata.town import default_town, town_headers

ROWS = default_town()
HEADERS = town_headers()
HEADER_LINE = ",".join(HEADERS)


def csv_text(*lines: str) -> bytes:
    return ("".join(line + "\r\n" for line in lines)).encode("utf-8")


def row_line(row: dict[str, str]) -> str:
    # Town values hold no comma, quote or newline, so a plain join is valid CSV.
    return ",".join(row[header] for header in HEADERS)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path, so messages name files relative to it (``m.csv:1: ...``)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_round_trip(in_tmp: Path) -> None:
    path = in_tmp / "m.csv"
    write_migration(ROWS, path)
    assert read_migration(path) == ROWS


def test_file_is_rfc4180_with_crlf_and_the_header_first(in_tmp: Path) -> None:
    path = in_tmp / "m.csv"
    write_migration(ROWS[:3], path)
    data = path.read_bytes()
    assert data.startswith(HEADER_LINE.encode("utf-8") + b"\r\n")
    assert data.count(b"\r\n") == 4 and b"\n" not in data.replace(b"\r\n", b"")


def test_values_with_commas_quotes_and_newlines_survive(in_tmp: Path) -> None:
    row = dict(ROWS[0], 住所_方書='コーポ"見本",\r\n2階')
    path = in_tmp / "m.csv"
    write_migration([row], path)
    assert read_migration(path) == (row,)


def test_write_is_atomic_and_leaves_no_temporary_file(in_tmp: Path) -> None:
    path = in_tmp / "m.csv"
    write_migration(ROWS[:2], path)
    broken = [ROWS[0], {"宛名番号": "1"}]
    with pytest.raises(KeyError):
        write_migration(broken, path)
    assert read_migration(path) == ROWS[:2]  # the old file is untouched
    assert sorted(p.name for p in in_tmp.iterdir()) == ["m.csv"]


def test_a_bom_is_accepted(in_tmp: Path) -> None:
    path = in_tmp / "m.csv"
    write_migration(ROWS[:2], path, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_migration(path) == ROWS[:2]


def test_wrong_header_names_missing_and_unexpected_columns(in_tmp: Path) -> None:
    header = HEADER_LINE.replace("宛名番号", "宛名No").replace(",通称_フリガナ", "")
    (in_tmp / "m.csv").write_bytes(csv_text(header))
    with pytest.raises(SpecError) as raised:
        read_migration(in_tmp / "m.csv")
    assert str(raised.value) == (
        "m.csv:1: wrong header: missing columns: 宛名番号, 通称_フリガナ; unexpected columns: 宛名No"
    )


def test_wrong_header_order_names_the_first_difference(in_tmp: Path) -> None:
    swapped = [HEADERS[1], HEADERS[0], *HEADERS[2:]]
    (in_tmp / "m.csv").write_bytes(csv_text(",".join(swapped)))
    with pytest.raises(SpecError) as raised:
        read_migration(in_tmp / "m.csv")
    assert str(raised.value) == "m.csv:1: wrong header: columns out of order: column 1 is 世帯番号, expected 宛名番号"


def test_duplicate_header_columns(in_tmp: Path) -> None:
    (in_tmp / "m.csv").write_bytes(csv_text(HEADER_LINE + ",氏名"))
    with pytest.raises(SpecError) as raised:
        read_migration(in_tmp / "m.csv")
    assert str(raised.value) == "m.csv:1: wrong header: duplicate columns: 氏名"


def test_wrong_field_count_names_the_line_and_both_counts(in_tmp: Path) -> None:
    good = row_line(ROWS[0])
    short = ",".join(ROWS[1][header] for header in HEADERS[:-1])
    long = good.replace(ROWS[0]["宛名番号"], "X") + ",extra"
    (in_tmp / "m.csv").write_bytes(csv_text(HEADER_LINE, good, short, long))
    with pytest.raises(SpecError) as raised:
        read_migration(in_tmp / "m.csv")
    assert raised.value.errors == [
        f"m.csv:3: expected {len(HEADERS)} fields, got {len(HEADERS) - 1}",
        f"m.csv:4: expected {len(HEADERS)} fields, got {len(HEADERS) + 1}",
    ]


def test_line_numbers_count_newlines_inside_quoted_fields(in_tmp: Path) -> None:
    multi = dict(ROWS[0], 住所_方書="二行の\r\n方書")
    path = in_tmp / "m.csv"
    write_migration([multi], path)
    short = ",".join(ROWS[1][header] for header in HEADERS[:3])
    path.write_bytes(path.read_bytes() + csv_text(short))
    with pytest.raises(SpecError) as raised:
        read_migration(path)
    assert str(raised.value) == f"m.csv:4: expected {len(HEADERS)} fields, got 3"


def test_keys_must_be_present_positive_and_unique(in_tmp: Path) -> None:
    first = dict(ROWS[0])
    again = dict(ROWS[1], 宛名番号=first["宛名番号"])
    bad_number = dict(ROWS[2], 履歴番号="0")
    no_key = dict(ROWS[3], 宛名番号="")
    path = in_tmp / "m.csv"
    write_migration([first, again, bad_number, no_key], path)
    with pytest.raises(SpecError) as raised:
        read_migration(path)
    assert raised.value.errors == [
        f"m.csv:3: duplicate 宛名番号 {first['宛名番号']} 履歴番号 1; first on line 2",
        "m.csv:4: 履歴番号 must be a positive integer, got '0'",
        "m.csv:5: 宛名番号 is empty",
    ]


def test_empty_file(in_tmp: Path) -> None:
    (in_tmp / "m.csv").write_bytes(b"")
    with pytest.raises(SpecError, match=r"^m\.csv:1: the file is empty; expected a header row: 宛名番号, "):
        read_migration(in_tmp / "m.csv")


def test_a_header_only_file_has_no_rows(in_tmp: Path) -> None:
    (in_tmp / "m.csv").write_bytes(csv_text(HEADER_LINE))
    assert read_migration(in_tmp / "m.csv") == ()


def test_missing_file(in_tmp: Path) -> None:
    with pytest.raises(SpecError, match=r"^nothere\.csv:1: cannot read the file: "):
        read_migration(in_tmp / "nothere.csv")


def test_size_limit(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migration, "MAX_FILE_BYTES", 10)
    (in_tmp / "m.csv").write_bytes(csv_text(HEADER_LINE))
    size = len(csv_text(HEADER_LINE))
    with pytest.raises(SpecError) as raised:
        read_migration(in_tmp / "m.csv")
    assert str(raised.value) == f"m.csv:1: the file has {size} bytes; the limit is 10 bytes (512 MiB)"


def test_a_cp932_file_is_not_utf8(in_tmp: Path) -> None:
    path = in_tmp / "m.csv"
    write_migration(ROWS[:2], path, encoding="cp932")
    first = path.read_bytes()[0]  # 宛 in CP932 starts with a byte UTF-8 never starts with
    with pytest.raises(SpecError) as raised:
        read_migration(path)
    assert str(raised.value) == f"m.csv:1: not UTF-8: byte 0x{first:02x} at byte offset 0 (invalid start byte)"


def test_parse_migration_names_the_offset_of_a_bad_byte() -> None:
    body = csv_text(HEADER_LINE, row_line(ROWS[0]))
    bad = body[:-5] + b"\xff" + body[-4:]
    with pytest.raises(SpecError) as raised:
        parse_migration(bad, "request body")
    assert str(raised.value) == (
        f"request body:2: not UTF-8: byte 0xff at byte offset {len(body) - 5} (invalid start byte)"
    )


def test_parse_migration_reports_broken_quoting() -> None:
    body = csv_text(HEADER_LINE) + b'"unterminated,' + row_line(ROWS[0]).encode("utf-8")
    with pytest.raises(SpecError, match=r"^request body:\d+: not valid CSV: "):
        parse_migration(body, "request body")


def test_many_errors_are_capped() -> None:
    short = ",".join(ROWS[0][header] for header in HEADERS[:2])
    body = csv_text(HEADER_LINE, *([short] * 80))
    with pytest.raises(SpecError) as raised:
        parse_migration(body, "b")
    assert len(raised.value.errors) == migration.MAX_ERRORS + 1
    assert raised.value.errors[-1] == f"... and {80 - migration.MAX_ERRORS} more errors"
