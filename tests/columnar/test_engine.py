"""The columnar engine reads files as the row path does: same findings, same counts, and the row
path where the vectorized grammar stops."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance import load_edition
from conformance.catalog.layouts import LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks import files
from conformance.columnar import transcode
from conformance.columnar.lines import Irregular, LinesPlan, failing_batches
from conformance.columnar.transcode import StructureScan, ambiguous_characters, first_bad_byte
from conformance.targets.base import ExportFile
from conformance.testdata.town import generate_town

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
LAYOUT = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
SPEC = LayoutSpec.of(EDITION, LAYOUT)
HEADERS = [c.header for c in LAYOUT.columns]
TOWN = generate_town(seed=3, households=60)


def defective_rows(seed: int) -> list[dict[str, str]]:
    """Town rows with a defect of some family in about one row in three."""
    rng = random.Random(seed)
    defects = [
        ("性別", "9"), ("宛名番号", "0000000010"), ("生年月日", "2023-02-32"), ("異動日", "2023-02-29"),
        ("氏名", "山" * 51), ("氏名_フリガナ", "やまだ"), ("住所_町字", ""), ("個人番号", "123456789012"),
        ("国籍等_国名コード", "156"), ("在留カード等番号", "ab12345678cd"), ("履歴番号", "1a"),
        ("住所_郵便番号", "１000001"), ("住所_市区町村コード", "229990"), ("住民種別", ""),
    ]
    rows = []
    for town_row in TOWN:
        row = dict(town_row)
        if rng.random() < 0.35:
            header, value = rng.choice(defects)
            row[header] = value
        rows.append(row)
    return rows


def write(path: Path, rows: Sequence[Mapping[str, str]], *, quoting: int = csv.QUOTE_MINIMAL,
          terminator: str = "\n", encoding: str = "utf-8") -> ExportFile:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator, quoting=quoting)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([row.get(h, "") for h in HEADERS])
    path.write_bytes(out.getvalue().encode(encoding))
    return ExportFile(path, "residents_csv", encoding)


def both(export: ExportFile, encoding: str = "utf-8") -> tuple[files.ContentScan, files.ContentScan]:
    columnar = files.scan_content(export, encoding, SPEC)
    rows = files.scan_rows(export, encoding, SPEC)
    return columnar, rows


def assert_same(columnar: files.ContentScan, rows: files.ContentScan) -> None:
    assert columnar.issues == rows.issues
    assert columnar.stop == rows.stop
    assert columnar.counts == rows.counts


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL], ids=["minimal", "all"])
@pytest.mark.parametrize("terminator", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_same_findings_as_the_row_path(tmp_path: Path, quoting: int, terminator: str) -> None:
    export = write(tmp_path / "r.csv", defective_rows(1), quoting=quoting, terminator=terminator)
    columnar, rows = both(export)
    assert columnar.engine == "columnar"
    assert_same(columnar, rows)
    assert sum(len(i) for i in rows.issues.values()) > 30


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL], ids=["minimal", "all"])
def test_commas_inside_a_quoted_last_field(tmp_path: Path, quoting: int) -> None:
    # The last column holds the commas: a split that resumes inside a quoted last field (as the
    # engine once did) cuts it into more fields than the header has.
    rows = defective_rows(6)[:20]
    for index, row in enumerate(rows):
        row[HEADERS[-1]] = "2023-01-01" if index % 2 else "a,b,c"
    export = write(tmp_path / "r.csv", rows, quoting=quoting)
    columnar, rows_scan = both(export)
    assert columnar.engine == "columnar"
    assert_same(columnar, rows_scan)
    assert not rows_scan.issues["fields"]
    assert len(rows_scan.issues["types"]) >= 10  # "a,b,c" is no date: judged as one value


def test_same_findings_in_cp932(tmp_path: Path) -> None:
    export = write(tmp_path / "r.csv", defective_rows(2), encoding="cp932")
    columnar, rows = both(export, "cp932")
    assert columnar.engine == "columnar"
    assert_same(columnar, rows)


def test_exact_counts_beyond_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "FINDINGS_CAP", 7)
    export = write(tmp_path / "r.csv", defective_rows(3))
    columnar, rows = both(export)
    assert_same(columnar, rows)
    assert any(log and log[-1].code == "file.too_many_findings" for log in columnar.issues.values())


def test_blank_short_and_long_records(tmp_path: Path) -> None:
    export = write(tmp_path / "r.csv", defective_rows(4)[:20])
    lines = export.path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = "\n"
    lines[5] = lines[5].rstrip("\n") + ",extra,\n"
    lines[7] = lines[7].rsplit(",", 3)[0] + "\n"
    export.path.write_text("".join(lines) + "\n", encoding="utf-8")  # and a blank last line
    columnar, rows = both(export)
    assert columnar.engine == "columnar"
    assert_same(columnar, rows)
    assert [i.location for i in rows.issues["fields"]] == ["r.csv:4", "r.csv:6", "r.csv:8", f"r.csv:{len(lines) + 1}"]


@pytest.mark.parametrize("defect", ['"two\nlines"', 'a"b', '"a"b', "lone\rCR", "nul\x00"])
def test_outside_the_grammar_the_row_path_reads(tmp_path: Path, defect: str) -> None:
    rows = defective_rows(5)[:30]
    rows[10]["住所_方書"] = "@"
    export = write(tmp_path / "r.csv", rows)
    text = export.path.read_text(encoding="utf-8").replace(",@,", f",{defect},")
    export.path.write_text(text, encoding="utf-8")
    scan = files.scan_content(export, "utf-8", SPEC)
    assert scan.engine == "rows"
    assert scan.issues == files.scan_rows(export, "utf-8", SPEC).issues


def test_irregular_line_is_raised(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('h\n"ok","x"\n"bad"x\n', encoding="utf-8")
    plan = LinesPlan((path,), 2, True, (0,), ())
    with pytest.raises(Irregular) as raised:
        list(failing_batches(plan))
    assert raised.value.line == 3


# ---------------------------------------------------------------------------------------------
# Bytes


def test_structure_across_piece_boundaries() -> None:
    data = b'a,b\r\nc,"d"\r\n' + b"x" * 50 + b"\n" + b"e\rf\n"
    for cut in range(1, len(data)):
        scan = StructureScan(line_limit=40)
        scan.feed(data[:cut])
        scan.feed(data[cut:])
        found = scan.result()
        assert (found.quotes, found.bare_cr, found.long_line, found.nul) == (True, True, True, False), cut
    scan = StructureScan(line_limit=60)
    scan.feed(b"a\r\nb\r\n")
    assert not scan.result().bare_cr and not scan.result().long_line


def test_transcoding_in_small_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcode, "CHUNK", 7)  # cuts double-byte characters
    monkeypatch.setattr(transcode, "REGION", 7)
    text = "".join(f"{i},山田　太郎,ヤマダ,①㈱～\r\n" for i in range(200))
    path = tmp_path / "r.csv"
    path.write_bytes(text.encode("cp932"))
    decoded = transcode.transcode(path, "cp932", 1000)
    assert decoded.bad is None and decoded.source is not None
    assert decoded.source.path.read_bytes() == text.encode("utf-8")
    decoded.source.close()
    assert not decoded.source.path.exists()
    path.write_bytes(text.encode("utf-8"))
    assert transcode.inspect_utf8(path, "utf-8", 1000).bad is None


def test_first_bad_byte_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcode, "CHUNK", 16)
    monkeypatch.setattr(transcode, "REGION", 16)
    path = tmp_path / "r.csv"
    path.write_bytes("一行目\n二行目のあ\n".encode() + "い".encode("cp932") + b"\n")
    for encoding in ("utf-8", "utf-8-sig"):
        bad = first_bad_byte(path, encoding)
        assert bad is not None and (bad.line, bad.column, bad.data) == (3, 1, b"\x82")
    assert first_bad_byte(path, "cp932") is not None
    assert transcode.inspect_utf8(path, "utf-8", 1000).bad == first_bad_byte(path, "utf-8")


#: Characters that make a file's structure (and multi-byte ones that a region's cut must not split).
_STRUCTURAL = ["a", "\n", "\r", '"', "あ", "𠮷", ",", "\x00"]


@settings(max_examples=budget(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.text(alphabet=st.sampled_from(_STRUCTURAL), max_size=80).map(lambda t: t.encode()),
                      st.text(max_size=80).map(lambda t: t.encode()), st.binary(max_size=80)),
       chunk=st.integers(1, 12), line_limit=st.integers(1, 12))
def test_utf8_regions_tile_the_file_and_validate_as_the_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, chunk: int, line_limit: int) -> None:
    """The UTF-8 regions (each read, validated and scanned on a thread of its own, issue 51) cover the file in
    order, none starts inside a character of valid text, the file is valid exactly when Python's decoder reads it
    whole (the same first bad byte), and their structure is the structure of the whole file read at once."""
    monkeypatch.setattr(transcode, "REGION", chunk)
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    regions = list(transcode._validated_regions(path, line_limit))
    sizes = [region.structure.size for region in regions]
    assert [region.offset for region in regions] == [sum(sizes[:k]) for k in range(len(regions))]
    assert sum(sizes) == len(data)
    try:
        data.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    assert all(region.valid for region in regions) == valid
    if valid:
        assert all(data[region.offset] & 0xC0 != 0x80 for region in regions)
    decoded = transcode.inspect_utf8(path, "utf-8", line_limit)
    assert (decoded.bad is None) == valid
    assert first_bad_byte(path, "utf-8") == (None if valid else transcode.locate_bad_byte(path, "utf-8", 0))
    if decoded.source is not None:  # the structure, found here by splitting the whole file
        bare_cr = any(data[k + 1 : k + 2] != b"\n" for k in range(len(data)) if data[k] == ord("\r"))
        long_line = max(len(line) for line in data.split(b"\n")) > line_limit
        assert decoded.source.structure == transcode.Structure(b'"' in data, bare_cr, b"\x00" in data, long_line)


def test_the_characters_shift_jis_and_cp932_read_differently() -> None:
    table = ambiguous_characters()
    assert table["〜"] == ("～", b"\x81\x60")
    assert {table[c][0] for c in "‖−¢£¬"} == set("∥－￠￡￢")
    assert len(table) == 6


def test_shift_jis_ambiguity_is_located_and_not_remapped(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("a,b\n1,10〜12時\n2,x−y〜\n".encode("shift_jis"))
    decoded = transcode.transcode(path, "shift_jis", 1000, ambiguities=2)
    assert decoded.source is not None
    assert decoded.source.path.read_text(encoding="utf-8") == "a,b\n1,10〜12時\n2,x−y〜\n"
    assert [(a.line, a.column, a.char, a.alternative) for a in decoded.ambiguities] == [
        (2, 5, "〜", "～"), (3, 4, "−", "－"),
    ]
    assert decoded.ambiguity_count == 3
    decoded.source.close()


def test_a_record_cut_short_or_split_is_one_field_count_finding_in_both_engines(tmp_path: Path) -> None:
    """Issue 27, item 9: its cells are not where the header says, so no cell or row rule judges them."""
    path = tmp_path / "r.csv"
    write(path, TOWN[:4])
    lines = path.read_text("utf-8").splitlines()
    lines[2] = ",".join(lines[2].split(",")[:5])  # cut after the fifth field
    lines[3] = lines[3].replace(",", ",,", 1)  # one field too many: every later one shifted
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columnar, rows = both(ExportFile(path, "residents_csv", "utf-8"))
    assert columnar.engine == "columnar"
    assert_same(columnar, rows)
    found = [(issue.code, issue.location) for issues in rows.issues.values() for issue in issues]
    assert found == [("file.field_count", "r.csv:3"), ("file.field_count", "r.csv:4")]
