"""The compiled screen (conformance.columnar.kernel): sound (it passes no line a mask fails), and
useful (it passes the clean lines). Soundness is what keeps findings exact: the masks only see the
lines it marks."""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance.catalog.layouts import LayoutSpec
from conformance.checks import files
from conformance.columnar import chunking, kernel
from conformance.columnar.compile import compile_rules
from conformance.columnar.transcode import LineTooLong
from conformance.targets.base import ExportFile
from tests.columnar.test_engine import HEADERS, SPEC, TOWN, assert_same, defective_rows, write

# Only numba's absence skips: where it is installed, a screen that does not compile fails here.
pytestmark = pytest.mark.skipif(importlib.util.find_spec("numba") is None, reason="numba is not installed")


def tables_for(header: Sequence[str], spec: LayoutSpec = SPEC) -> tuple[kernel.Tables, kernel.RowVerdicts]:
    columns = spec.columns(header)
    rules = compile_rules(spec, columns, len(header))
    tables = kernel.build_tables(columns, len(header), rules)
    return tables, kernel.RowVerdicts(tables, rules)


def marked(path: Path, quoted: bool = False, paths: Sequence[Path] | None = None) -> list[int]:
    tables, verdicts = tables_for(HEADERS)
    found: list[int] = []
    for chunk in kernel.marked_lines(paths or [path], quoted, 2, tables, verdicts):
        found.extend(chunk.lines)
    return found


def lines_of(rows: Sequence[Mapping[str, str]], quoting: int = csv.QUOTE_MINIMAL) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=quoting)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([row.get(h, "") for h in HEADERS])
    return out.getvalue()


@pytest.fixture
def screen_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "SCREEN", True)
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)


# ---------------------------------------------------------------------------------------------
# Useful: clean lines pass


def test_the_clean_town_passes(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(lines_of(TOWN), encoding="utf-8")
    assert marked(path) == []


def test_the_clean_town_quoted_passes(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(lines_of(TOWN, csv.QUOTE_ALL), encoding="utf-8")
    assert marked(path, quoted=True) == []


# ---------------------------------------------------------------------------------------------
# Sound: each kind of defect marks its line (and only it)

DEFECTS = [
    ("codes", "性別", "9"),
    ("codes, longer than packed", "性別", "12345678"),
    ("check_digits", "宛名番号", "0000000010"),
    ("check_digits my_number", "個人番号", "123456789012"),
    ("check_digits lg_code", "住所_市区町村コード", "229990"),
    ("check_digits, longer than the item", "住所_市区町村コード", "2299970"),
    ("types lenient date", "生年月日", "2023-02-32"),
    ("types strict date", "異動日", "2023-02-29"),
    ("types year 0", "異動日", "0000-01-01"),
    ("types integer", "履歴番号", "1a"),
    ("types negative integer is fine, lone minus is not", "履歴番号", "-"),
    ("types flag", "生年月日_不詳フラグ", "2"),
    ("lengths", "住所_町字", "町" * 51),
    ("char_classes katakana", "氏名_フリガナ", "やまだ"),
    ("char_classes digits full-width", "住所_郵便番号", "１000001"),
    ("char_classes control", "住所_方書", "a\x07b"),
    ("char_classes half-width katakana", "住所_方書", "ｱ"),
    ("required", "住所_町字", ""),
    ("required code", "住民種別", ""),
    ("patterns", "在留カード等番号", "ab12345678cd"),
    ("category_items", "国籍等_国名コード", "156"),
]


@pytest.mark.parametrize(("kind", "header", "value"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_each_defect_marks_its_line(tmp_path: Path, kind: str, header: str, value: str) -> None:
    rows = [dict(r) for r in TOWN[:40]]
    japanese = next(i for i, r in enumerate(rows) if r["住民種別"] == "1")
    target = japanese if kind == "category_items" else 7
    rows[target][header] = value
    path = tmp_path / "r.csv"
    path.write_text(lines_of(rows), encoding="utf-8")
    assert marked(path) == [target + 2]


def test_variation_selectors_count_with_their_character(tmp_path: Path) -> None:
    rows = [dict(r) for r in TOWN[:5]]
    rows[1]["住所_町字"] = "葛\U000e0100" * 50  # 50 characters, 100 code points: fine
    rows[2]["住所_町字"] = "葛\U000e0100" * 51
    path = tmp_path / "r.csv"
    path.write_text(lines_of(rows), encoding="utf-8")
    assert marked(path) == [4]


@pytest.mark.parametrize(
    ("line", "quoted"),
    [("", False), ("{row},extra", False), ("{short}", False), ('{row_q}"', True), ('"a""b",{rest_q}', True),
     ('{row_q},"x"y', True), ('"{unit}",{rest_q}', True), ('a"b,{rest_q}', True)],
    ids=["blank", "extra field", "short", "unclosed quote", "inner quote", "text after quote", "unit separator",
         "stray quote"],
)
def test_lines_the_grammar_or_the_field_count_judge_are_marked(tmp_path: Path, line: str, quoted: bool) -> None:
    row = [TOWN[0][h] for h in HEADERS]
    quoted_values = [f'"{v}"' for v in row]
    text = line.format(row=",".join(row), short=",".join(row[:-3]), row_q=",".join(quoted_values),
                       rest_q=",".join(quoted_values[1:]), unit="\x1f")
    path = tmp_path / "r.csv"
    body = lines_of(TOWN[:3], csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL)
    path.write_text(body + text + "\n" + body.split("\n", 1)[1], encoding="utf-8")
    assert marked(path, quoted=quoted) == [5]


def test_lines_across_chunks_and_pieces_keep_their_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 700)  # about two lines: lines cross every chunk edge
    # Every new signature judged in the chunk that meets it, so that the marked lines do not depend on the cuts.
    monkeypatch.setattr(kernel.RowVerdicts, "UNJUDGED_LINES", 0)
    rows = defective_rows(11)
    text = lines_of(rows)
    whole = tmp_path / "r.csv"
    whole.write_text(text, encoding="utf-8")
    lines = text.splitlines(keepends=True)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("".join(lines[:37]), encoding="utf-8")
    second.write_text("".join(lines[37:]).rstrip("\n"), encoding="utf-8")  # no final line break
    expected = marked(whole)
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 8 << 20)
    assert expected == marked(whole)
    assert len(expected) > 20
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 700)
    assert marked(whole, paths=[first, second]) == expected
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 8 << 20)
    assert marked(whole) == expected


def test_the_chunks_arrays_are_kept_from_chunk_to_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory does not grow with the chunks (issue 51): each chunk's buffer and the screen's arrays are
    one of a few kept sets, and reusing them changes no line's verdict."""
    path = tmp_path / "r.csv"
    path.write_text(lines_of(defective_rows(11)), encoding="utf-8")
    monkeypatch.setattr(kernel.RowVerdicts, "UNJUDGED_LINES", 0)  # the marked lines whatever the cuts
    expected = marked(path)  # one chunk
    storage: set[tuple[str, int]] = set()
    calls: list[str] = []
    take = chunking.Scratch.take

    def recording(self: chunking.Scratch, name: str, shape: int | tuple[int, ...], dtype: type[np.generic],
                  zero: bool = False) -> np.ndarray:
        array = take(self, name, shape, dtype, zero)
        calls.append(name)
        storage.add((name, array.__array_interface__["data"][0]))  # where the kept array's data starts
        return array

    monkeypatch.setattr(chunking.Scratch, "take", recording)
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 700)  # about two lines a chunk
    assert marked(path) == expected
    chunks = calls.count("buffer")
    assert chunks > 40
    sets = kernel.AHEAD * (os.cpu_count() or 1) + 1
    # Per set, a buffer and the screen's six arrays, each taken anew a few times at most as it grows.
    assert len({address for name, address in storage if name == "buffer"}) <= 3 * sets
    assert len(storage) <= 7 * 3 * sets < 7 * chunks

@given(st.lists(st.sampled_from([b"\n", b"a", b"\r", "国".encode()]), max_size=300), st.integers(0, 700))
def test_the_line_breaks_are_found_in_blocks_where_they_are(parts: list[bytes], end: int) -> None:
    import numpy as np

    data = b"".join(parts)  # up to 900 bytes: many blocks of _kernel.NEWLINE_BLOCK, and a tail
    buf = np.frombuffer(data, dtype=np.uint8)
    end = min(end, len(data))
    expected = [i for i in range(end) if data[i] == ord("\n")]
    assert kernel.newlines(buf, end).tolist() == expected
    out = np.full(len(expected) + 1, -1, dtype=np.int64)
    assert kernel.newlines(buf, end, out).tolist() == expected  # written where given, nothing past the breaks
    assert out[len(expected)] == -1


# ---------------------------------------------------------------------------------------------
# Exact findings with the screen in front of the masks


@pytest.mark.usefixtures("screen_always")
@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL], ids=["minimal", "all"])
def test_the_same_findings_as_the_row_path(tmp_path: Path, quoting: int) -> None:
    export = write(tmp_path / "r.csv", defective_rows(12), quoting=quoting)
    screened = files.scan_content(export, "utf-8", SPEC)
    assert screened.engine == "columnar"
    assert_same(screened, files.scan_rows(export, "utf-8", SPEC))


VALUES = st.one_of(
    st.sampled_from(["", "0", "1", "2", "9", "-1", "-", "+1", "1a", "2023-02-29", "2024-02-29", "2023-13-01",
                     "0000-01-01", "9999-12-31", "2023-1-01", "1", "2", "A1", "3", "156", "392",
                     "0000000010", "1000000015", "123456789012", "229997", "229990", "AB12345678CD",
                     "ab12345678cd", "１２３", "ヤマダ　タロウ", "やまだ", "ｱ", "山田　太郎", "葛\U000e0100",
                     "ZHANG YULIN", "O'BRIEN", "a,b", 'a"b', "\x07", "\x1f", "ー", "〜", "～", "ﾟ", "町" * 51]),
    st.text(max_size=12),
    st.text(alphabet="0123456789-", max_size=13),
)


@settings(max_examples=budget(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.integers(0, 59), st.sampled_from(HEADERS), VALUES), max_size=25),
       quote_all=st.booleans())
def test_generated_defects_give_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   changes: list[tuple[int, str, str]], quote_all: bool) -> None:
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
    rows = [dict(r) for r in TOWN[:60]]
    for index, header, value in changes:
        rows[index][header] = value
    export = write(tmp_path / "g.csv", rows, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    monkeypatch.setattr(files.limits, "SCREEN", True)
    screened = files.scan_content(export, "utf-8", SPEC)
    monkeypatch.setattr(files.limits, "SCREEN", False)
    masks = files.scan_content(export, "utf-8", SPEC)
    assert screened.engine == masks.engine
    assert_same(screened, masks)


# ---------------------------------------------------------------------------------------------
# Patterns as DFAs


def dfa_matches(dfa: kernel._Dfa, text: str) -> bool:
    state = dfa.start
    for char in text:
        symbol = dfa.ascii[ord(char)] if ord(char) < 128 else dfa.other
        state = dfa.next[state][symbol]
        if state < 0:
            return False
    return dfa.accept[state]


PATTERNS = ["^[A-Z]{2}[0-9]{8}[A-Z]{2}$", "(ab|c)*d?", "[^x]+", "a.c", "[0-9]{3}-[0-9]{4}", "x{2,}"]


@pytest.mark.parametrize("source", PATTERNS)
@settings(max_examples=budget(200), deadline=None)
@given(data=st.data())
def test_a_dfa_full_matches_as_the_pattern(source: str, data: st.DataObject) -> None:
    pattern = re.compile(source)
    dfa = kernel._dfa(pattern)
    assert dfa is not None
    text = data.draw(st.one_of(st.from_regex(pattern, fullmatch=True), st.text(alphabet="abcdxAZ09-\n漢", max_size=14)))
    assert dfa_matches(dfa, text) == (pattern.fullmatch(text) is not None)


@pytest.mark.parametrize("source", [r"\d+", r"(?=a)a", "(?i)a", r"a\b", "a^b", r"(a)\1", "[ア-ン]+", r"\w"])
def test_patterns_without_the_same_meaning_get_no_dfa(source: str) -> None:
    assert kernel._dfa(re.compile(source)) is None


def test_a_pattern_without_a_dfa_sends_filled_values_to_the_masks(tmp_path: Path) -> None:
    edition = SPEC.layout
    spec = LayoutSpec(edition, dict(SPEC.items), SPEC.codes, SPEC.resident_kinds)
    item = spec.items["在留カード等番号"].model_copy(update={"pattern": r"^\w{12}$"})
    spec = LayoutSpec(edition, {**spec.items, "在留カード等番号": item}, spec.codes, spec.resident_kinds)
    tables, verdicts = tables_for(HEADERS, spec)
    path = tmp_path / "r.csv"
    path.write_text(lines_of(TOWN[:80]), encoding="utf-8")
    found = [line for chunk in kernel.marked_lines([path], False, 2, tables, verdicts) for line in chunk.lines]
    filled = [i + 2 for i, row in enumerate(TOWN[:80]) if row["在留カード等番号"]]
    assert filled
    assert found == filled


# ---------------------------------------------------------------------------------------------
# Signatures


def test_the_screens_helpers_take_no_arrays() -> None:
    """numba keeps a reference count on each array a call takes, inlined or not: a helper of the
    screen taking the chunk and a table cost two fifths of it (issue 51). Every helper the screen
    calls takes scalars."""
    from conformance.columnar import _kernel

    helpers = {name: function for name, function in vars(_kernel).items()
               if getattr(function, "targetoptions", {}).get("inline") == "always"}
    assert {"_shape_fails", "_date_ok", "_check_ok"} <= set(helpers)
    for name, function in helpers.items():
        annotations = function.py_func.__annotations__
        assert "ndarray" not in " ".join(annotations.values()), name


def test_values_are_packed_as_the_kernel_packs_them() -> None:
    assert kernel.pack(b"") == 0
    assert kernel.unpack(kernel.pack(b"A1")) == "A1"
    assert kernel.unpack(kernel.pack("国".encode())) == "国"
    with pytest.raises(ValueError, match="up to 7 bytes"):
        kernel.pack(b"12345678")


def test_row_rules_read_the_resident_kind_and_the_category() -> None:
    tables, _ = tables_for(HEADERS)
    assert [HEADERS[i] for i in tables.signature_fields] == ["住民種別", "第30条45規定区分"]


@pytest.mark.usefixtures("screen_always")
def test_the_lines_of_signatures_not_judged_yet_go_to_the_masks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first chunk, a new signature is judged only once its lines would cost the masks more than a
    query (issue 51): until then its lines are marked, and the masks find what the row path finds."""
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 700)  # about two lines a chunk: new signatures in most chunks
    export = write(tmp_path / "r.csv", defective_rows(15))
    queries: list[int] = []
    judge = kernel.RowVerdicts._judge

    def counted(self: kernel.RowVerdicts, signatures: np.ndarray) -> list[bool]:
        queries.append(len(signatures))
        return judge(self, signatures)

    monkeypatch.setattr(kernel.RowVerdicts, "_judge", counted)
    deferred = files.scan_content(export, "utf-8", SPEC)
    assert deferred.engine == "columnar"
    assert_same(deferred, files.scan_rows(export, "utf-8", SPEC))
    assert len(queries) == 1  # the first chunk's signatures; the later ones' few lines went to the masks
    monkeypatch.setattr(kernel.RowVerdicts, "UNJUDGED_LINES", 0)
    queries.clear()
    at_once = files.scan_content(export, "utf-8", SPEC)
    assert len(queries) > 5  # each chunk that met a new signature asked polars
    assert_same(at_once, deferred)


@pytest.mark.usefixtures("screen_always")
def test_batches_judged_beside_the_pass_keep_their_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The masks judge each full batch of marked lines on a thread of their own while the pass reads on
    (issue 51): with batches of three lines, many are in flight in turn, and the findings are the row
    path's, in its order."""
    from conformance.columnar import lines

    monkeypatch.setattr(lines, "SCREENED_LINES", 3)
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 700)
    export = write(tmp_path / "r.csv", defective_rows(16))
    batched = files.scan_content(export, "utf-8", SPEC)
    assert batched.engine == "columnar"
    assert_same(batched, files.scan_rows(export, "utf-8", SPEC))
    assert sum(len(found) for found in batched.issues.values()) > 3 * 5  # more than five batches' worth


@pytest.mark.usefixtures("screen_always")
def test_a_full_signature_table_sends_the_lines_to_the_masks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernel.RowVerdicts, "CAPACITY", 4)
    export = write(tmp_path / "r.csv", defective_rows(13))
    screened = files.scan_content(export, "utf-8", SPEC)
    assert screened.engine == "columnar"
    assert_same(screened, files.scan_rows(export, "utf-8", SPEC))


@pytest.mark.usefixtures("screen_always")
def test_headers_wider_than_one_signature_word(tmp_path: Path) -> None:
    # 49 layout columns and 30 more: the empty-field bits take two 64-bit words.
    extra = [f"追加{i}" for i in range(30)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*extra[:15], *HEADERS, *extra[15:]])
    for row in defective_rows(14):
        writer.writerow([*([""] * 15), *(row.get(h, "") for h in HEADERS), *(["x"] * 15)])
    path = tmp_path / "w.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    export = ExportFile(path, "residents_csv", "utf-8")
    screened = files.scan_content(export, "utf-8", SPEC)
    assert screened.engine == "columnar"
    assert_same(screened, files.scan_rows(export, "utf-8", SPEC))
    assert sum(len(i) for i in screened.issues.values()) > 20


# ---------------------------------------------------------------------------------------------
# CP932 read as it is (no UTF-8 copy)


@pytest.mark.usefixtures("screen_always")
@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL], ids=["minimal", "all"])
def test_cp932_is_screened_without_a_copy_with_the_same_findings(tmp_path: Path, quoting: int) -> None:
    rows = defective_rows(15)
    rows[3]["住所_方書"] = "①㈱〜"  # CP932-only characters, read as Python's cp932 reads them
    export = write(tmp_path / "r.csv", rows, quoting=quoting, encoding="cp932")
    decoded = files.encoding._decode_content(export.path, "cp932")
    assert decoded.source is not None
    assert decoded.source.paths == (export.path,)
    assert decoded.source.encoding == "cp932"
    screened = files.scan_content(export, "cp932", SPEC, decoded.source)
    assert screened.engine == "columnar"
    assert_same(screened, files.scan_rows(export, "cp932", SPEC))


@pytest.mark.usefixtures("screen_always")
def test_cp932_bad_byte_is_located_as_the_transcoding_pass_locates_it(tmp_path: Path) -> None:
    export = write(tmp_path / "r.csv", TOWN[:50], encoding="cp932")
    data = bytearray(export.path.read_bytes())
    data[data.index(b"\n", 3000) + 5] = 0x81  # a lead byte before an ASCII byte that cannot trail it
    data[data.index(b"\n", 3000) + 6] = 0x2C
    export.path.write_bytes(bytes(data))
    native = files.encoding._decode_content(export.path, "cp932")
    transcoded = files.decode(export.path, "cp932")
    assert native.bad is not None
    assert native.bad == transcoded.bad


@pytest.mark.parametrize(
    ("tail", "flag"),
    [(b'"q"', "quotes"), (b"a\x00b", "nul"), (b"a\rb", "bare_cr"), (b"x" * 300, "long_line"),
     ("ア".encode("cp932") * 120, "long_line")],
)
def test_native_structure_is_the_structure_of_the_utf8_copy(tmp_path: Path, tail: bytes, flag: str) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"h\n" + "ヤマダ".encode("cp932") + b"\n" + tail + b"\nlast")
    bad, structure = kernel.inspect_native(path, "cp932", 256)
    assert bad is None
    copy = tmp_path / "s.utf8"
    copy.write_bytes(path.read_bytes().decode("cp932").encode("utf-8"))
    expected = files.encoding.inspect_utf8(copy, "utf-8", 256).source
    assert expected is not None
    assert structure == expected.structure
    assert getattr(structure, flag)


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis"])
@settings(max_examples=budget(300), deadline=None)
@given(
    data=st.one_of(
        st.lists(st.sampled_from(["abcdefgh", "12,34,56", "\n", "\r\n", "\r", '"', "\x00", "ヤマダ", "髙", "～", "x"]),
                 max_size=30).map(lambda parts: "".join(parts).encode("cp932")),
        st.binary(max_size=60),
    ),
    line_limit=st.integers(1, 40),
)
def test_the_native_pass_reads_plain_ascii_words_as_their_bytes(encoding: str, data: bytes, line_limit: int) -> None:
    """The CP932 validation pass takes eight bytes at a time where all are plain ASCII (issue 51): its
    verdict and structure are still those of the file decoded and scanned as UTF-8, wherever the words fall."""
    import numpy as np

    from conformance.columnar import _kernel
    from conformance.columnar.transcode import StructureScan

    single, double = kernel.native_lengths(encoding)
    bad, bits = _kernel.inspect_native(np.frombuffer(data, dtype=np.uint8), len(data), single, double, line_limit)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        assert bad == error.start
        return
    assert bad == -1
    scan = StructureScan(line_limit)
    scan.feed(text.encode("utf-8"))
    assert kernel._structure(bits) == scan.result()


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis"])
@settings(max_examples=budget(300), deadline=None)
@given(data=st.one_of(
    st.binary(max_size=40),
    st.text(alphabet="aZ09,\"\\~ アｱ①㈱〜～‖∥−－¢£¬漢字髙﨑", max_size=20).map(
        lambda t: t.encode("cp932", errors="ignore")),
))
def test_decode_tables_read_as_the_codec_reads(encoding: str, data: bytes) -> None:
    single, double = kernel.decode_tables(encoding)
    text: list[str] | None = []
    i = 0
    while text is not None and i < len(data):
        code = int(single[data[i]])
        if code >= 0:
            text.append(chr(code))
            i += 1
        elif code == kernel.LEAD and i + 1 < len(data) and double[data[i] << 8 | data[i + 1]] >= 0:
            text.append(chr(int(double[data[i] << 8 | data[i + 1]])))
            i += 2
        else:
            text = None
    try:
        expected: str | None = data.decode(encoding)
    except UnicodeDecodeError:
        expected = None
    assert ("".join(text) if text is not None else None) == expected


@pytest.mark.usefixtures("screen_always")
def test_a_screen_numba_cannot_compile_leaves_the_masks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from numba.core.errors import NumbaError

    def broken() -> None:
        raise NumbaError("no machine code for this CPU")

    export = write(tmp_path / "r.csv", defective_rows(16))
    kernel.available.cache_clear()
    monkeypatch.setattr(kernel, "load", broken)
    try:
        assert not kernel.available()
        scan = files.scan_content(export, "utf-8", SPEC)
        assert scan.engine == "columnar"
        assert_same(scan, files.scan_rows(export, "utf-8", SPEC))
    finally:
        kernel.available.cache_clear()


@pytest.mark.usefixtures("screen_always")
def test_a_line_too_long_to_hold_is_read_by_the_other_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encoding = "cp932"
    monkeypatch.setattr(chunking, "CHUNK_BYTES", 1000)
    monkeypatch.setattr(files.limits, "FIELD_LIMIT", 500)
    path = tmp_path / "long.csv"
    path.write_bytes(b"h\n" + "町".encode(encoding) * 20_000 + b"\nx\n")  # no line break for 40-60 kB
    with pytest.raises(LineTooLong, match=r"long\.csv: a line of more than 3000 bytes"):
        kernel.inspect_native(path, encoding, 500)
    decoded = files.encoding._decode_content(path, encoding)
    assert decoded.bad is None
    assert decoded.source is not None
    assert decoded.source.structure.long_line
    decoded.source.close()


@pytest.mark.usefixtures("screen_always")
def test_very_short_lines_are_screened_in_bounded_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunking, "CHUNK_LINES", 7)
    export = write(tmp_path / "r.csv", defective_rows(17)[:60])
    lines = export.path.read_text(encoding="utf-8").splitlines(keepends=True)
    export.path.write_text("".join(lines[:20]) + "\n" * 50 + "".join(lines[20:]), encoding="utf-8")
    screened = files.scan_content(export, "utf-8", SPEC)
    assert screened.engine == "columnar"
    assert_same(screened, files.scan_rows(export, "utf-8", SPEC))
    assert [i.location for i in screened.issues["fields"]][:2] == ["r.csv:21", "r.csv:22"]
    assert len(screened.issues["fields"]) == 50


# ---------------------------------------------------------------------------------------------
# Noise control: an absent column and a noisy one, the same in every engine


def test_an_absent_column_and_a_noisy_one_in_every_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
    headers = [h for h in HEADERS if h != "住所_町字"]
    rows = [dict(r, 性別="9") for r in TOWN[:200]] + [dict(TOWN[0], 氏名_フリガナ="x")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([[row.get(h, "") for h in headers] for row in rows])
    path = tmp_path / "a.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    export = ExportFile(path, "residents_csv", "utf-8")
    monkeypatch.setattr(files.limits, "SCREEN", True)
    screened = files.scan_content(export, "utf-8", SPEC)
    monkeypatch.setattr(files.limits, "SCREEN", False)
    masks = files.scan_content(export, "utf-8", SPEC)
    by_rows = files.scan_rows(export, "utf-8", SPEC)
    assert masks.engine == "columnar"
    assert_same(screened, masks)
    assert_same(masks, by_rows)
    (absent,) = [i for i in by_rows.issues["required"] if "住所_町字" in i.location]
    assert (absent.location, absent.actual) == ("a.csv (住所_町字)", str(len(rows)))
    codes = [(i.code, i.location) for i in by_rows.issues["codes"]]
    assert len(codes) == files.limits.COLUMN_CAP + 1
    assert codes[-1] == ("file.too_many_findings", "a.csv (性別)")
    assert by_rows.issues["char_classes"][0].code == "file.char_class"  # not hidden by the noisy column
