"""A compiled screen in front of the columnar CSV engine: every byte read once, every rule asked.

The polars masks (``compile.py``) are exact but cost about as much as parsing the file again: one
regex or lookup per value and rule. This kernel, compiled by numba, walks each line's bytes once,
splits its fields, decodes them (UTF-8, or CP932 through tables taken from Python's codec) and asks
every cell rule of the layout, and marks the lines that *may* fail one. Only the marked lines go
on to the polars masks, which decide exactly; the rest are judged clean here. The kernel
therefore only has to be **sound**: it may mark a line that passes (it does so where exactness
would cost code: a doubled quote inside a field, a code value longer than 7 bytes, a pattern the
DFA builder does not take), it must never pass a line a mask would fail.
``tests/columnar/test_kernel.py`` checks that on every test file and on generated
rows, against the masks themselves.

Rules between the items of a row (``required`` on a condition, ``category_items``) are not
re-implemented: each line is reduced to a *signature* (which fields are empty, and the values of
the items conditions read, such as 住民種別), each distinct signature is judged once by the
compiled row masks on a stand-in row, and every line of a failing signature is marked.

The same module validates a large CP932 file before it is screened (:func:`inspect_native`), on
every core, so that the screen reads it in place instead of through a temporary UTF-8 copy.

numba is optional: without it, and for files under ``files.SCREEN_MIN_BYTES``, the engine runs the
masks on every line, as before, with the same findings.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from conformance.catalog.check_params import ROW_FAMILIES
from conformance.catalog.layouts import CHAR_CLASSES, VARIATION_SELECTORS, Column
from conformance.columnar import chunking, digest
from conformance.columnar.chunking import Scratch, chunks, ring
from conformance.columnar.tables import (  # shared with _kernel.py
    _FIELD_PARAMS,
    AMBIGUOUS,
    BARE_CR,
    BYTES,
    CHECK,
    CHECK_LEN,
    CHECK_SCHEMES,
    CLASS,
    CODE_HI,
    CODE_LO,
    DECODE,
    DECODE_ALL,
    DIGEST,
    DIGITS,
    LEAD,
    LONG_LINE,
    MAXLEN,
    NUL,
    P_NONE,
    P_UNSUPPORTED,
    PACK_BYTES,
    PAIR_AMBIGUOUS,
    PATTERN,
    QUOTES,
    REQUIRED,
    SIGNATURE,
    T_DATE_LENIENT,
    T_DATE_STRICT,
    T_FLAG,
    T_INTEGER,
    T_NONE,
    TYPE,
    VS_BIT,
)
from conformance.columnar.transcode import UTF8, Structure

if TYPE_CHECKING:
    from conformance.columnar.compile import Rule
    from conformance.columnar.digest import Digester, Hashed

@dataclass(frozen=True)
class Tables:
    """A layout compiled for the kernel (arrays numba reads)."""

    width: int
    fields: np.ndarray  # int32 [width, _FIELD_PARAMS]
    forbid: np.ndarray  # uint8 [0x110000]: bit k = forbidden in class k; VS_BIT = variation selector
    codes: np.ndarray  # uint64, per field a sorted run [CODE_LO, CODE_HI)
    dfa_ascii: np.ndarray  # int32 [patterns, 128]: symbol of an ASCII code point
    dfa_other: np.ndarray  # int32 [patterns]: symbol of any other code point
    dfa_start: np.ndarray  # int32 [patterns]
    dfa_next: np.ndarray  # int32 [states, symbols]: -1 dead
    dfa_accept: np.ndarray  # uint8 [states]
    #: Signature: empty-field bit words, then one packed value per signature field.
    words: int
    signature_fields: tuple[int, ...]
    #: The encoding of the bytes the screen reads: UTF-8, or a line-safe double-byte encoding
    #: (CP932, Shift_JIS) decoded through ``single`` and ``double`` (see decode_tables).
    encoding: str = "utf-8"
    single: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int32))
    double: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int32))

    @property
    def native(self) -> bool:
        return self.encoding not in UTF8


# ---------------------------------------------------------------------------------------------
# Building the tables from the layout


@lru_cache(maxsize=1)
def class_table() -> tuple[np.ndarray, dict[str, int]]:
    """The code point table and each class's bit (classes as layout.CHAR_CLASSES defines them)."""
    forbid = np.zeros(0x110000, dtype=np.uint8)
    bits: dict[str, int] = {}
    for k, (name, char_class) in enumerate(CHAR_CLASSES.items()):
        bit = 1 << k
        bits[name] = bit
        inside = np.zeros(0x110000, dtype=bool)
        for lo, hi in char_class.ranges:
            inside[lo : hi + 1] = True
        forbid[~inside if char_class.allowed else inside] |= bit
    for lo, hi in VARIATION_SELECTORS.ranges:
        forbid[lo : hi + 1] |= VS_BIT
    if len(bits) > 7:
        raise ValueError("the kernel's class table holds 7 classes")
    return forbid, bits


def pack(value: bytes) -> int:
    """A value of up to PACK_BYTES bytes as one integer (the kernel packs the same way)."""
    if len(value) > PACK_BYTES:
        raise ValueError(f"only values up to {PACK_BYTES} bytes are packed")
    key = len(value)
    for i, byte in enumerate(value):
        key |= byte << (8 * (i + 1))
    return key


def unpack(key: int, encoding: str = "utf-8") -> str:
    length = key & 0xFF
    return bytes((key >> (8 * (i + 1))) & 0xFF for i in range(length)).decode(encoding)


@lru_cache(maxsize=4)
def decode_tables(encoding: str) -> tuple[np.ndarray, np.ndarray]:
    """Python's codec for a line-safe double-byte encoding as two tables: single[byte] the code
    point of a one-byte character, LEAD for a lead byte, -1 for a byte that does not decode alone;
    double[lead << 8 | trail] the code point of a two-byte character, -1 where the pair does not
    decode. Built by asking the codec about every byte and pair, so the screen reads exactly what
    Python reads (the encoding family judges the bytes with the same codec)."""
    single = np.full(256, -1, dtype=np.int32)
    double = np.full(1 << 16, -1, dtype=np.int32)
    for byte in range(256):
        text = _decoded(bytes([byte]), encoding)
        if text is not None and len(text) == 1:
            single[byte] = ord(text)
    for lead in range(256):
        if single[lead] >= 0:
            continue
        for trail in range(256):
            text = _decoded(bytes([lead, trail]), encoding)
            if text is not None and len(text) == 1:
                double[lead << 8 | trail] = ord(text)
                single[lead] = LEAD
    return single, double


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def build_tables(columns: Sequence[Column], width: int, rules: Sequence[Rule], encoding: str = "utf-8") -> Tables:
    """The kernel's view of ``columns`` (a header of ``width`` fields) and of the row ``rules``,
    for a file in ``encoding``."""
    from conformance.columnar.compile import MAX_VECTOR_DIGITS

    forbid, bits = class_table()
    fields = np.zeros((width, _FIELD_PARAMS), dtype=np.int32)
    fields[:, MAXLEN] = -1
    fields[:, CODE_LO] = -1
    fields[:, PATTERN] = P_NONE
    fields[:, SIGNATURE] = -1
    fields[:, DIGEST] = -1
    codes: list[int] = []
    dfas: list[_Dfa] = []
    for column in columns:
        if column.index is None:
            continue
        row, item = fields[column.index], column.item
        if item.length is not None:
            row[MAXLEN] = item.length
        if item.char_class is not None:
            row[CLASS] = bits[item.char_class]
        row[TYPE] = _type_code(column)
        row[REQUIRED] = int(item.required)
        if item.type == "code":
            packed = sorted({pack(code) for code in _encoded(column.codes, encoding) if len(code) <= PACK_BYTES})
            row[CODE_LO], row[CODE_HI] = len(codes), len(codes) + len(packed)
            codes.extend(packed)
        if item.check_digit is not None:
            row[CHECK] = CHECK_SCHEMES[item.check_digit]
            row[CHECK_LEN] = min(item.length or MAX_VECTOR_DIGITS, MAX_VECTOR_DIGITS)
        if column.pattern is not None:
            dfa = _dfa(column.pattern)
            if dfa is None:
                row[PATTERN] = P_UNSUPPORTED
            else:
                row[PATTERN] = len(dfas)
                dfas.append(dfa)
    # Values judged only on their bytes (dates, codes, flags) are not decoded character by character,
    # nor those of the digits class (any byte but 0-9 is forbidden there).
    decoded = ((fields[:, CLASS] != 0) | (fields[:, MAXLEN] >= 0) | (fields[:, PATTERN] >= 0)
               | (fields[:, CHECK] != 0) | (fields[:, TYPE] == T_INTEGER))
    digits_only = (fields[:, CLASS] == bits["digits"]) & (fields[:, PATTERN] == P_NONE)
    fields[:, DECODE] = np.where(digits_only, DIGITS, np.where(decoded, DECODE_ALL, BYTES))
    signature = signature_fields(columns, rules)
    for slot, index in enumerate(signature):
        fields[index, SIGNATURE] = slot
    single, double = decode_tables(encoding) if encoding not in UTF8 else (np.zeros(1, np.int32), np.zeros(1, np.int32))
    return Tables(
        width=width,
        fields=fields,
        forbid=forbid,
        codes=np.array(codes, dtype=np.uint64),
        **_dfa_arrays(dfas),
        words=(width + 63) // 64,
        signature_fields=signature,
        encoding=encoding,
        single=single,
        double=double,
    )


def with_digest(tables: Tables, slot_of: np.ndarray) -> Tables:
    """``tables`` with the fields the invariants' digest reads (``slot_of``: per field its slot,
    -1 none): the screen records where they are on each line it splits (``spans``), so that the
    digest does not split the line again."""
    fields = tables.fields.copy()
    fields[:, DIGEST] = -1
    known = min(len(slot_of), tables.width)
    fields[:known, DIGEST] = slot_of[:known]
    return replace(tables, fields=fields)


def _encoded(codes: Iterable[str], encoding: str) -> Iterator[bytes]:
    """The codes as the file's bytes (a code the encoding cannot write never matches: its values
    go to the masks)."""
    for code in codes:
        try:
            yield code.encode(_python(encoding))
        except UnicodeEncodeError:
            continue


def _type_code(column: Column) -> int:
    item = column.item
    if item.type == "integer":
        return T_INTEGER
    if item.type == "flag":
        return T_FLAG
    if item.type == "date":
        return T_DATE_LENIENT if item.calendar == "lenient" else T_DATE_STRICT
    return T_NONE


def signature_fields(columns: Sequence[Column], rules: Sequence[Rule]) -> tuple[int, ...]:
    """File fields whose values the row rules read: every column a row rule names other than its
    own (compile.py reads a row rule's own column only for being empty, and conditions compare the
    other columns' values with code lists)."""
    from conformance.columnar.compile import value_name

    by_name = {value_name(c.index): c.index for c in columns if c.index is not None}
    read: set[int] = set()
    for rule in rules:
        if rule.family not in ROW_FAMILIES:
            continue
        own = value_name(rule.column.index) if rule.column is not None and rule.column.index is not None else None
        read.update(by_name[name] for name in rule.expr.meta.root_names() if name in by_name and name != own)
    return tuple(sorted(read))


# ---------------------------------------------------------------------------------------------
# Patterns as DFAs over code points


@dataclass(frozen=True)
class _Dfa:
    ascii: list[int]
    other: int
    start: int
    next: list[list[int]]
    accept: list[bool]


#: sre node kinds whose meaning interegular and the Rust regex of polars share (no \d, \w, \s:
#: Unicode in Rust and Python, ASCII in interegular; no flags, look-around or back-references).
_PLAIN = {"LITERAL", "NOT_LITERAL", "ANY", "IN", "MAX_REPEAT", "MIN_REPEAT", "SUBPATTERN", "BRANCH",
          "POSSESSIVE_REPEAT", "RANGE", "NEGATE"}


def _dfa(pattern: re.Pattern[str]) -> _Dfa | None:
    """The pattern's full match as a DFA over code points, or None when it cannot be built with
    the same meaning (the kernel then marks every filled value for the masks to judge)."""
    import interegular

    source = _strip_anchors(pattern.pattern)
    if pattern.flags & ~re.UNICODE or not _plain(re.compile(source)):
        return None
    try:
        fsm = interegular.parse_pattern(source).to_fsm()
    except Exception:  # interegular raises its own kinds for what it does not take
        return None
    mapping: dict[Any, int] = {char: int(symbol) for char, symbol in fsm.alphabet.items()}
    other = mapping.pop(interegular.fsm.anything_else)
    if any(len(char) != 1 or ord(char) >= 128 for char in mapping):
        return None
    ascii_symbols = [mapping.get(chr(cp), other) for cp in range(128)]
    states = sorted(fsm.states)
    index = {state: i for i, state in enumerate(states)}
    symbols = max(fsm.alphabet.values()) + 1
    table = [[-1] * symbols for _ in states]
    for state, moves in fsm.map.items():
        for symbol, target in moves.items():
            table[index[state]][symbol] = index[target]
    return _Dfa(ascii_symbols, other, index[fsm.initial], table, [state in fsm.finals for state in states])


def _strip_anchors(source: str) -> str:
    """The pattern without a leading ^ and a trailing $ (the masks and the row path full-match it
    anyway); an anchor left elsewhere makes it not plain."""
    body = source[1:] if source.startswith("^") else source
    return body[:-1] if body.endswith("$") and not body.endswith("\\$") else body


def _plain(compiled: re.Pattern[str]) -> bool:
    import importlib

    _parser: Any = importlib.import_module("re._parser")  # not in typeshed

    def plain(items: Any) -> bool:
        return all(node(op, argument) for op, argument in items)

    def node(op: Any, argument: Any) -> bool:
        name = str(op)
        if name not in _PLAIN:
            return False
        if name == "IN":
            return plain(argument)
        if name.endswith("_REPEAT"):
            return plain(argument[2])
        if name == "SUBPATTERN":
            return bool(argument[1] == 0 and argument[2] == 0) and plain(argument[3])
        if name == "BRANCH":
            return all(plain(branch) for branch in argument[1])
        return True  # LITERAL, NOT_LITERAL, ANY, RANGE, NEGATE

    return plain(_parser.parse(compiled.pattern))


def _dfa_arrays(dfas: Sequence[_Dfa]) -> dict[str, np.ndarray]:
    symbols = max((len(d.next[0]) for d in dfas if d.next), default=1)
    offsets, total = [], 0
    for dfa in dfas:
        offsets.append(total)
        total += len(dfa.next)
    nexts = np.full((max(total, 1), symbols), -1, dtype=np.int32)
    accept = np.zeros(max(total, 1), dtype=np.uint8)
    for dfa, offset in zip(dfas, offsets, strict=True):
        for i, row in enumerate(dfa.next):
            nexts[offset + i, : len(row)] = [t + offset if t >= 0 else -1 for t in row]
            accept[offset + i] = dfa.accept[i]
    return {
        "dfa_ascii": np.array([d.ascii for d in dfas], dtype=np.int32).reshape(len(dfas), 128),
        "dfa_other": np.array([d.other for d in dfas], dtype=np.int32),
        "dfa_start": np.array([d.start + o for d, o in zip(dfas, offsets, strict=True)], dtype=np.int32),
        "dfa_next": nexts,
        "dfa_accept": accept,
    }


# ---------------------------------------------------------------------------------------------
# Screening a file


#: Chunks queued per screening thread (each about CHUNK_BYTES and 200 bytes a line of arrays):
#: 2 kept the threads busier while the main thread judged, by no margin the benchmark could see on
#: the shared machine, and cost 45 MB of peak at 10M rows (435 MB; issue 51).
AHEAD = 1

@dataclass(frozen=True)
class Marked:
    """The marked lines of one chunk: their numbers in the file and their text."""

    lines: list[int]
    texts: list[str]


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the screen can run here: numba and the DFA builder import, and numba compiles (or
    loads from its cache) the screen's functions. A machine where numba cannot compile them gets
    the masks on every line, with the same findings; this project's tests call the functions
    directly, so a fault of the screen's own code fails them rather than hiding here."""
    try:
        import interegular  # noqa: F401
        from numba.core.errors import NumbaError
    except ImportError:
        return False
    try:
        load()
    except NumbaError:
        return False
    return True


def load() -> None:
    """Import numba and load (or, the first time on a machine, compile) the screen: the first
    file it reads would pay for it otherwise."""
    from conformance.columnar import _kernel

    buf = np.frombuffer(bytearray(b"a\n"), dtype=np.uint8)  # writable, as the chunks are
    _kernel.last_line_end(buf, 2)
    _kernel.lines_end(buf, 2, 1)
    tables = build_tables([], 1, [])
    _screen(_kernel, tables, buf, 2, 1, False)
    _screen(_kernel, tables, buf, 2, 1, True)  # the variant for files with quotes (see _kernel.screen)
    verdicts = RowVerdicts(tables, [])
    _kernel.signature_ids(np.zeros((1, 1), dtype=np.uint64), np.zeros(1, dtype=np.uint8), 1, verdicts.keys,
                          verdicts.used, verdicts.count, np.zeros(1, dtype=np.int64))
    single, double = native_lengths("cp932")
    _kernel.inspect_native(buf, 2, single, double, 10)
    digest.load()  # the invariants' digest, which the screen runs when the file is judged with them


def marked_lines(paths: Sequence[Path], quoted: bool, first_data_line: int, tables: Tables,
                 verdicts: RowVerdicts, digester: Digester | None = None) -> Iterator[Marked]:
    """The lines (from ``first_data_line`` on) that may fail a rule, chunk by chunk in line order;
    ``paths`` are consecutive pieces of one file, each but the last ending with a line break.
    With a ``digester`` (``tables`` made by with_digest), each chunk is also digested for the
    invariants on the thread that screened it, and folded into its tables in line order: the file
    is read and split once for both."""
    from conformance.columnar import _kernel

    workers = max(1, os.cpu_count() or 1)
    # At most AHEAD * workers chunks queued when the next is read: one more set of arrays than that.
    buffers, arrays = ring(AHEAD * workers + 1), ring(AHEAD * workers + 1)
    with ThreadPoolExecutor(workers, thread_name_prefix="screen") as pool:
        pending: deque[Future[_Screened]] = deque()
        line = 1
        for data, end, offset, lines in chunks(paths, buffers=buffers):
            pending.append(pool.submit(_screen, _kernel, tables, data, end, lines, quoted, offset, digester,
                                       next(arrays)))
            # AHEAD chunks per thread stay queued while this thread judges the ones screened (a new
            # signature's polars query, the spill).
            while len(pending) > AHEAD * workers:
                marked, line = _marked(pending.popleft().result(), line, first_data_line, tables, verdicts, digester)
                yield marked
        while pending:
            marked, line = _marked(pending.popleft().result(), line, first_data_line, tables, verdicts, digester)
            yield marked
    del buffers, arrays  # the chunks' arrays released before the fold (40 MB at 8 MB chunks)
    if digester is not None:
        # Every chunk folded: the candidates on a thread of their own while the masks judge the last
        # marked lines (which the caller's ``candidates`` then waits for).
        digester.finish_later()


def inspect_native(path: Path, encoding: str, line_limit: int) -> tuple[int | None, Structure]:
    """One pass over a file in a line-safe double-byte encoding (CP932), on every core: the offset
    at which it stops decoding (None when it decodes in full) and its structure, without a UTF-8
    copy (the screen reads the file itself). Raises LineTooLong for a line of more than four times
    ``line_limit`` bytes (the caller reads such a file with the pass that does not need lines)."""
    bad, structure, _ = inspect_native_ambiguous(path, encoding, line_limit)
    return bad, structure


def inspect_native_ambiguous(path: Path, encoding: str, line_limit: int) -> tuple[int | None, Structure, bool]:
    """:func:`inspect_native`, and whether the file holds a character Shift_JIS and CP932 read
    differently (decoded as whole characters: only such a file needs the pass that locates them)."""
    from conformance.columnar import _kernel

    single, double = native_lengths(encoding)
    workers = max(1, os.cpu_count() or 1)

    def one(buf: np.ndarray, end: int) -> tuple[int, int]:
        bad, bits = _kernel.inspect_native(buf, end, single, double, line_limit)
        return int(bad), int(bits)

    bits = 0
    with ThreadPoolExecutor(workers, thread_name_prefix="inspect") as pool:
        pending: deque[tuple[Future[tuple[int, int]], int]] = deque()
        for buf, end, offset, _lines in chunks([path], longest=4 * line_limit + chunking.CHUNK_BYTES,
                                                 buffers=ring(workers + 1)):  # <= workers in flight
            pending.append((pool.submit(one, buf, end), offset))
            if len(pending) > workers:
                bad, bits = _take(pending, bits)
                if bad is not None:
                    return bad, _structure(bits), bool(bits & AMBIGUOUS)
        while pending:
            bad, bits = _take(pending, bits)
            if bad is not None:
                return bad, _structure(bits), bool(bits & AMBIGUOUS)
    return None, _structure(bits), bool(bits & AMBIGUOUS)


@lru_cache(maxsize=4)
def native_lengths(encoding: str) -> tuple[np.ndarray, np.ndarray]:
    """decode_tables as inspect_native reads them: int8[byte] the UTF-8 length of a one-byte character
    that sets no structure bit, 0 for the bytes that may set one (line feed, CR, quote, NUL), LEAD for
    a lead byte, -1 for a byte that does not decode alone; int8[lead << 8 | trail] the UTF-8 length of a
    two-byte character, with PAIR_AMBIGUOUS for the ones Shift_JIS and CP932 read differently, -1
    where the pair does not decode."""
    single, double = decode_tables(encoding)
    one = np.where(single >= 0, _utf8_lengths(single), np.where(single == LEAD, LEAD, -1)).astype(np.int8)
    special = [ord("\n"), ord("\r"), ord('"'), 0]  # the pass judges these one by one
    one[special] = np.where(single[special] >= 0, 0, -1)
    two = np.where(double >= 0, _utf8_lengths(double), -1).astype(np.int8)
    two[(ambiguous_pairs(encoding) != 0) & (double >= 0)] |= PAIR_AMBIGUOUS
    return one, two


def _utf8_lengths(points: np.ndarray) -> np.ndarray:
    """The length in UTF-8 of each code point (any value for the negative ones)."""
    return np.where(points < 0x80, 1, np.where(points < 0x800, 2, np.where(points < 0x10000, 3, 4)))


@lru_cache(maxsize=4)
def ambiguous_pairs(encoding: str) -> np.ndarray:
    """uint8[lead << 8 | trail]: 1 for the two-byte characters CP932 and Shift_JIS read
    differently (transcode.ambiguous_characters, from Python's codecs), for either of them."""
    from conformance.columnar.transcode import ambiguous_characters

    table = np.zeros(1 << 16, dtype=np.uint8)
    if encoding in ("cp932", "shift_jis"):
        for _, data in ambiguous_characters().values():
            table[data[0] << 8 | data[1]] = 1
    return table


def _take(pending: deque[tuple[Future[tuple[int, int]], int]], bits: int) -> tuple[int | None, int]:
    """The oldest chunk's first bad offset in the file (None: none) and the bits so far."""
    future, offset = pending.popleft()
    bad, found = future.result()
    return (offset + bad if bad >= 0 else None), bits | found


def _structure(bits: int) -> Structure:
    return Structure(quotes=bool(bits & QUOTES), bare_cr=bool(bits & BARE_CR), nul=bool(bits & NUL),
                     long_line=bool(bits & LONG_LINE))


@dataclass(frozen=True)
class _Screened:
    data: np.ndarray
    lines: int
    marked: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    signatures: np.ndarray
    hashed: Hashed | None = None


#: The spans of a screen without digest (no field has a DIGEST slot: never written).
_NO_SPANS = np.zeros((1, 2), dtype=np.int32)


def newlines(buf: np.ndarray, end: int, out: np.ndarray | None = None) -> np.ndarray:
    """The positions of the line breaks in buf[:end], in order (written to ``out``, at least as long as
    the lines, when given): the screen took about a tenth longer when it scanned each line for its end
    byte by byte (issue 51). A line break is one byte in every encoding read here (UTF-8, CP932,
    Shift_JIS: never inside a character)."""
    from conformance.columnar import _kernel

    found = out if out is not None else np.empty(int(np.count_nonzero(buf[:end] == ord("\n"))), dtype=np.int64)
    return found[: _kernel.newlines(buf, end, found)]


def _screen(kernel: Any, tables: Tables, buf: np.ndarray, end: int, capacity: int, quoted: bool, offset: int = 0,
            digester: Digester | None = None, scratch: Scratch | None = None) -> _Screened:
    arrays = scratch if scratch is not None else Scratch()
    starts = arrays.take("starts", capacity, np.int64)
    ends = arrays.take("ends", capacity, np.int64)
    marked = arrays.take("marked", capacity, np.uint8, zero=True)
    signatures = arrays.take("signatures", (capacity, tables.words + len(tables.signature_fields)), np.uint64,
                             zero=True)
    # Sized from the tables, not the digester: the screen writes a span for every DIGEST slot.
    slots = int(tables.fields[:, DIGEST].max(initial=-1)) + 1
    spans = arrays.take("spans", (capacity, 2 * slots), np.int32, zero=True) if slots else _NO_SPANS
    # Only the flags that are set: the screen's variant for an unquoted UTF-8 file has both as constants.
    flags = {name: True for name, on in (("quoted", quoted), ("native", tables.native)) if on}
    lines = kernel.screen(
        buf, end, tables.width, tables.fields, tables.forbid, tables.codes, tables.dfa_ascii,
        tables.dfa_other, tables.dfa_start, tables.dfa_next, tables.dfa_accept, tables.words,
        starts, ends, marked, signatures, tables.single, tables.double, spans,
        newlines(buf, end, arrays.take("newlines", capacity, np.int64)), **flags,
    )
    # A line the screen marked was not split to its end: the digest splits it again.
    hashed = (digester.hash(buf, offset, int(lines), starts, ends, marked, spans, arrays)
              if digester is not None else None)
    return _Screened(buf, int(lines), marked, starts, ends, signatures, hashed)


def _marked(screened: _Screened, line: int, first_data_line: int, tables: Tables,
            verdicts: RowVerdicts, digester: Digester | None = None) -> tuple[Marked, int]:
    """The chunk's marked lines (numbered from ``line``), and the next chunk's first line; the
    chunk's digest folded into the ``digester``'s tables."""
    if digester is not None and screened.hashed is not None:
        digester.fold(screened.hashed)
    marked = screened.marked.astype(bool) | verdicts.failing(screened)
    skip = max(0, first_data_line - line)
    marked[: min(skip, len(marked))] = False
    found = np.flatnonzero(marked)
    data = screened.data
    encoding = _python(tables.encoding)  # a BOM is in line 1 only, which is never marked
    texts = [data[screened.starts[i] : screened.ends[i]].tobytes().decode(encoding) for i in found.tolist()]
    return Marked([line + i for i in found.tolist()], texts), line + screened.lines


class RowVerdicts:
    """Each distinct signature judged once by the row masks (``required``, ``category_items``)."""

    #: Distinct signatures kept (lines of further ones go to the masks).
    CAPACITY = 1 << 16
    #: Lines of signatures not judged yet sent to the masks before those signatures are judged: a query
    #: for each chunk that met a new signature cost 4-16 ms (seven at 1M rows of the benchmark's file, a
    #: tenth of the check; issue 51), and the lines of a signature met once in a while are few (most of
    #: them fail a row rule, so the masks word them anyway). 2,048 lines cost the masks about 3 ms.
    UNJUDGED_LINES = 2048

    def __init__(self, tables: Tables, rules: Sequence[Rule]) -> None:
        self.tables = tables
        self.rules = [rule for rule in rules if rule.family in ROW_FAMILIES]
        width = tables.words + len(tables.signature_fields)
        self.keys = np.zeros((self.CAPACITY, width), dtype=np.uint64)
        self.used = np.zeros(self.CAPACITY, dtype=np.int64)
        self.count = np.zeros(1, dtype=np.int64)
        self.verdicts = np.zeros(0, dtype=bool)
        #: Lines of signatures met but not judged yet, since the last query.
        self.waiting = 0

    def failing(self, screened: _Screened) -> np.ndarray:
        """For each line the kernel passed, whether some row rule fails on its signature, or its
        signature is not judged yet (the masks judge such a line; lines it marked: False here)."""
        from conformance.columnar import _kernel

        lines = screened.lines
        if not self.rules:
            return np.zeros(lines, dtype=bool)
        ids = np.empty(lines, dtype=np.int64)
        _kernel.signature_ids(screened.signatures, screened.marked, lines, self.keys, self.used, self.count, ids)
        judged = len(self.verdicts)
        if int(self.count[0]) > judged:
            self.waiting += int(np.count_nonzero(ids >= judged))
            # The first chunk's signatures at once; later ones when their lines would cost the masks more
            # than a query does.
            if not judged or self.waiting > self.UNJUDGED_LINES:
                self._judge_new(judged)
                self.waiting = 0
        judged = len(self.verdicts)
        if not judged:  # no signature judged yet (every line marked): no verdict to look up
            failing: np.ndarray = (ids < 0) & (screened.marked == 0)
        else:
            # ids of -1 (a full table) and of signatures not judged yet: the masks judge those lines.
            failing = np.where((ids >= 0) & (ids < judged), self.verdicts[np.clip(ids, 0, judged - 1)],
                               screened.marked == 0)
        return failing

    def _judge_new(self, judged: int) -> None:
        """Judge the signatures numbered from ``judged`` on (one polars query)."""
        count = int(self.count[0])
        new = np.zeros((count - judged, self.keys.shape[1]), dtype=np.uint64)
        for slot in np.flatnonzero(self.used > judged):
            new[self.used[slot] - 1 - judged] = self.keys[slot]
        self.verdicts = np.concatenate([self.verdicts, np.array(self._judge(new), dtype=bool)])

    def _judge(self, signatures: np.ndarray) -> list[bool]:
        import polars as pl

        from conformance.columnar.compile import NFIELDS, RECORD

        # A stand-in is a whole record (a line of another field count is marked, never judged here).
        frame = pl.DataFrame(stand_ins(self.tables, signatures)).with_columns(
            pl.lit(True).alias(RECORD), pl.lit(self.tables.width, dtype=pl.UInt32).alias(NFIELDS))
        failing = frame.select(pl.any_horizontal(rule.expr.fill_null(False) for rule in self.rules))
        return [bool(v) for v in failing.to_series()]


def _python(encoding: str) -> str:
    return "utf-8" if encoding in UTF8 else encoding


def stand_ins(tables: Tables, signatures: np.ndarray) -> dict[str, list[str]]:
    """One stand-in row per signature: the signature fields' values, '' for empty fields, and a
    placeholder for the other filled fields (row rules only ask whether they are empty)."""
    from conformance.columnar.compile import value_name

    slots = {index: slot for slot, index in enumerate(tables.signature_fields)}
    frame: dict[str, list[str]] = {}
    for index in range(tables.width):
        column: list[str] = []
        for signature in signatures:
            if (int(signature[index // 64]) >> (index % 64)) & 1:
                column.append("")
            elif index in slots:
                column.append(unpack(int(signature[tables.words + slots[index]]), _python(tables.encoding)))
            else:
                column.append("x")
        frame[value_name(index)] = column
    return frame
