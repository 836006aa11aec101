"""Export bytes, read fast and in bounded memory: encoding validation, CP932 / Shift_JIS -> UTF-8
transcoding in chunks, and the few structural facts that decide which engine reads the file.

polars reads UTF-8 only. A UTF-8 export is validated in place (polars' SIMD validator, ~10x
Python's decoder) and read as it is; a CP932 or Shift_JIS export is decoded chunk by chunk with
Python's codecs into a temporary UTF-8 copy. Line breaks survive transcoding byte for byte: in
CP932 and Shift_JIS a trail byte is 0x40 or more, so 0x0A, 0x0D, ``"`` and ``,`` are always
characters of their own.

Shift_JIS and CP932 decode a few byte pairs to different characters (0x8160: 〜 U+301C in
Shift_JIS, ～ U+FF5E in CP932; see :func:`ambiguous_characters`). A file declared Shift_JIS is
decoded as Shift_JIS, never silently re-mapped; each such character is reported with where it is
and what CP932 would have read (docs/encodings.md).
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import weakref
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

#: Bytes read at a time. Memory stays a few times this whatever the file size.
CHUNK = 8 * 1024 * 1024
#: Bytes of a UTF-8 region validated on one thread (_validated_regions): each is read, copied into polars,
#: validated and searched for its structure, and at 4 MB those passes find more of it still in the cache
#: than at 8 (a 10M-row file's validation 640 -> 565 ms of CPU, 1M rows 76 -> 63 ms; 2 MB was slower again).
REGION = 4 * 1024 * 1024
#: Bytes read at a time when locating a bad byte line by line (a line may be longer: read in pieces).
_LINE_PIECE = 64 * 1024
#: Names of UTF-8 as the encoding family gives them.
UTF8 = ("utf-8", "utf-8-sig")


@dataclass(frozen=True, slots=True)
class BadByte:
    """The first byte sequence that does not decode: physical line, 1-based character column."""

    line: int
    column: int
    data: bytes


@dataclass(frozen=True, slots=True)
class Structure:
    """What decides whether the vectorized CSV reader covers the file exactly (see lines.py)."""

    quotes: bool = False
    bare_cr: bool = False
    nul: bool = False
    long_line: bool = False


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A character Shift_JIS and CP932 decode differently, as the declared encoding read it."""

    line: int
    column: int
    char: str
    alternative: str
    data: bytes


class LineTooLong(Exception):
    """A line longer than a reader of whole lines holds: the caller reads the file another way."""


class Utf8Source:
    """The export as UTF-8 on disk: the file itself, or a temporary transcoded copy, possibly in
    consecutive pieces (``paths``, each but the last ending with a line break). With ``encoding``
    other than UTF-8 it is the file itself in that line-safe encoding, which only the compiled
    screen reads (conformance.columnar.kernel: a large CP932 file is not copied)."""

    def __init__(self, path: Path | Sequence[Path], structure: Structure, temporary: bool,
                 encoding: str = "utf-8") -> None:
        self.paths = (path,) if isinstance(path, Path) else tuple(path)
        self.structure = structure
        self.temporary = temporary
        self.encoding = encoding
        # A copy left behind by an interrupted run is removed when the object goes (or at exit).
        self._finalizer = weakref.finalize(self, _unlink, *self.paths) if temporary else None

    @property
    def path(self) -> Path:
        """The first (or only) piece: the one holding the header."""
        return self.paths[0]

    @property
    def utf8(self) -> bool:
        """Whether the content on disk is UTF-8 (polars and the masks can read it)."""
        return self.encoding in UTF8

    def close(self) -> None:
        """Remove a temporary copy (the export itself is never touched)."""
        if self._finalizer is not None:
            self._finalizer()


def _unlink(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


@dataclass
class Decoded:
    """What one pass over the bytes in one encoding found."""

    bad: BadByte | None = None
    source: Utf8Source | None = None
    ambiguities: list[Ambiguity] = field(default_factory=list)
    ambiguity_count: int = 0


# ---------------------------------------------------------------------------------------------
# Structure


@dataclass(frozen=True, slots=True)
class PieceStructure:
    """What :class:`StructureScan` needs of one piece of a file, found where the piece was read
    (any thread): the pieces are then taken in file order on one."""

    size: int
    quotes: bool
    nul: bool
    #: A CR inside the piece followed by something else than a line feed (a CR ending the piece is
    #: judged with the next piece's first byte).
    bare_cr: bool
    starts_lf: bool
    ends_cr: bool
    #: Bytes before the piece's first line break, and the position of its last (-1: none).
    first: int
    last: int
    #: A line wholly inside the piece is longer than the line limit.
    long_inside: bool


def piece_structure(piece: bytes, line_limit: int) -> PieceStructure:
    """The structure of ``piece`` alone (memchr-speed searches of the bytes)."""
    crs = piece.count(b"\r") - piece.endswith(b"\r") if b"\r" in piece else 0
    # csv (newline='') splits lines at a lone CR; polars keeps it in the value: such a file goes to the
    # row path. Most files have no CR or only CRLF.
    bare_cr = bool(crs) and crs != piece.count(b"\r\n")
    first = piece.find(b"\n")
    last = piece.rfind(b"\n")
    long_inside = False
    step = max(1, line_limit // 2)
    # Sampling every line_limit/2 bytes finds every longer line without splitting lines.
    for position in range(first + 1, last, step) if first >= 0 else ():
        start = piece.rfind(b"\n", 0, position) + 1
        end = piece.find(b"\n", position)
        if end - start > line_limit:
            long_inside = True
            break
    return PieceStructure(len(piece), b'"' in piece, b"\x00" in piece, bare_cr, piece.startswith(b"\n"),
                          piece.endswith(b"\r"), first, last, long_inside)


class StructureScan:
    """Accumulates :class:`Structure` over consecutive pieces of a file (any cut points)."""

    def __init__(self, line_limit: int) -> None:
        self.line_limit = line_limit
        self._run = 0  # bytes of the current line before this piece
        self._after_cr = False
        self.quotes = self.bare_cr = self.nul = self.long_line = False

    def feed(self, piece: bytes) -> None:
        self.take(piece_structure(piece, self.line_limit))

    def take(self, piece: PieceStructure) -> None:
        """The next piece, as :func:`piece_structure` found it."""
        if not piece.size:
            return
        self.quotes = self.quotes or piece.quotes
        self.nul = self.nul or piece.nul
        if (self._after_cr and not piece.starts_lf) or piece.bare_cr:
            self.bare_cr = True
        self._after_cr = piece.ends_cr
        if piece.first < 0:
            self._run += piece.size
            self.long_line = self.long_line or self._run > self.line_limit
            return
        if self._run + piece.first > self.line_limit or piece.long_inside:
            self.long_line = True
        self._run = piece.size - piece.last - 1
        self.long_line = self.long_line or self._run > self.line_limit

    def result(self) -> Structure:
        return Structure(self.quotes, self.bare_cr or self._after_cr, self.nul, self.long_line)


# ---------------------------------------------------------------------------------------------
# UTF-8: validated in place


def _valid_utf8(piece: bytes) -> bool:
    import polars as pl  # here, not at import: collecting a suite need not load polars

    try:
        pl.Series([piece], dtype=pl.Binary).cast(pl.String)
    except pl.exceptions.PolarsError:
        return False
    return True


def inspect_utf8(path: Path, encoding: str, line_limit: int) -> Decoded:
    """Validate UTF-8 (with or without BOM) and learn the structure, in one pass, without a copy."""
    scan = StructureScan(line_limit)
    for region in _validated_regions(path, line_limit):
        if not region.valid:
            return Decoded(bad=locate_bad_byte(path, encoding, region.offset))
        assert region.structure is not None  # asked for with the line limit
        scan.take(region.structure)
    return Decoded(source=Utf8Source(path, scan.result(), temporary=False))


@dataclass(frozen=True, slots=True)
class _Region:
    """About REGION bytes of a file, cut before a character (when the bytes there are UTF-8)."""

    offset: int
    size: int
    valid: bool
    #: None when the caller asks only whether the bytes are UTF-8.
    structure: PieceStructure | None


def _validated_regions(path: Path, line_limit: int | None) -> Iterator[_Region]:
    """The file's regions in order, each read, validated and (with a ``line_limit``) scanned for its
    structure on a thread of its own (os.pread and polars' validator release the GIL). The main thread
    read every piece, cut it and joined the carried bytes before: half of a 10M-row file's validation
    on one core (issue 51)."""
    size = path.stat().st_size
    step = max(REGION, 4)  # a cut moves up to three bytes: regions of four or more never cross
    workers = max(1, os.cpu_count() or 1)
    with path.open("rb") as stream, ThreadPoolExecutor(workers, thread_name_prefix="utf8") as pool:
        fd = stream.fileno()
        pending: deque[Future[_Region]] = deque()
        for start in range(0, size, step):
            pending.append(pool.submit(_region, fd, size, start, step, line_limit))
            if len(pending) > workers:
                yield from _nonempty(pending.popleft().result())
        while pending:
            yield from _nonempty(pending.popleft().result())


def _nonempty(region: _Region) -> Iterator[_Region]:
    """The region, unless a character running to the end of the file left it nothing."""
    if region.size:
        yield region


def _region(fd: int, size: int, start: int, step: int, line_limit: int | None) -> _Region:
    """The region that starts at the cut at or after ``start``, up to the next one's."""
    begin, end = _cut_at(fd, size, start), _cut_at(fd, size, start + step)
    data = os.pread(fd, end - begin, begin)
    if len(data) != end - begin:
        raise OSError(f"the file changed while it was read (at byte {begin})")
    structure = piece_structure(data, line_limit) if line_limit is not None else None
    return _Region(begin, len(data), _valid_utf8(data), structure)


def _cut_at(fd: int, size: int, at: int) -> int:
    """The first of the four bytes from ``at`` that starts a character (both neighbouring regions find
    the same one), or the end of the file when it comes first; ``at`` itself when none does (the bytes
    there are not UTF-8, which the region holding them finds)."""
    if at <= 0 or at >= size:
        return min(max(at, 0), size)
    ahead = os.pread(fd, 4, at)
    for back, byte in enumerate(ahead):
        if byte & 0xC0 != 0x80:
            return at + back
    return size if at + len(ahead) >= size else at


def first_bad_byte(path: Path, encoding: str) -> BadByte | None:
    """Where the file first fails to decode in ``encoding``; None when it decodes in full.

    Fast chunked validation; only a file that fails is walked line by line to say where.
    """
    if encoding in UTF8:
        for region in _validated_regions(path, None):
            if not region.valid:
                return locate_bad_byte(path, encoding, region.offset)
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as stream:
        while True:
            data = stream.read(CHUNK)
            try:
                decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                # A character may have started a few bytes before this chunk.
                return locate_bad_byte(path, encoding, max(0, offset - 4))
            if not data:
                return None
            offset += len(data)


# ---------------------------------------------------------------------------------------------
# Locating the first bad byte (only for files that have one)


def locate_bad_byte(path: Path, encoding: str, near: int) -> BadByte | None:
    """The first undecodable sequence at or after the line holding byte ``near`` (all earlier
    bytes are known to decode). Line breaks are b"\\n", never part of a multibyte character in
    UTF-8, CP932 or Shift_JIS, so lines are counted on bytes."""
    start, line = _line_start(path, near)
    decoder = codecs.getincrementaldecoder(encoding)()
    if start > 0 and encoding == "utf-8-sig":
        decoder = codecs.getincrementaldecoder("utf-8")()  # the BOM is only at the start
    column = 1
    with path.open("rb") as stream:
        stream.seek(start)
        while piece := stream.readline(_LINE_PIECE):
            try:
                text = decoder.decode(piece)
            except UnicodeDecodeError as error:
                return _bad_byte(error, encoding, line, column)
            line, column = (line + 1, 1) if text.endswith("\n") else (line, column + len(text))
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return _bad_byte(error, encoding, line, column)
    return None


def _line_start(path: Path, near: int) -> tuple[int, int]:
    """(offset, line number) of the line holding byte ``near``."""
    lines, last_break = 0, -1
    with path.open("rb") as stream:
        read = 0
        while read < near:
            data = stream.read(min(CHUNK, near - read))
            if not data:
                break
            lines += data.count(b"\n")
            found = data.rfind(b"\n")
            if found >= 0:
                last_break = read + found
            read += len(data)
    return last_break + 1, lines + 1


def _bad_byte(error: UnicodeDecodeError, encoding: str, line: int, column: int) -> BadByte:
    # error.object is the decoder's pending bytes plus the piece: what precedes error.start decoded.
    before = error.object[: error.start].decode(encoding, errors="replace")
    return BadByte(line, column + len(before), bytes(error.object[error.start : error.end]))


# ---------------------------------------------------------------------------------------------
# CP932 and Shift_JIS: transcoded to a temporary UTF-8 copy


@lru_cache(maxsize=1)
def ambiguous_characters() -> dict[str, tuple[str, bytes]]:
    """Shift_JIS character -> (what CP932 reads for the same bytes, the bytes), for every double-
    byte sequence both decode differently (〜/～, ‖/∥, −/－, ¢/￠, £/￡, ¬/￢)."""
    table: dict[str, tuple[str, bytes]] = {}
    for lead in (*range(0x81, 0xA0), *range(0xE0, 0xFD)):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFD)):
            data = bytes((lead, trail))
            try:
                sjis, cp932 = data.decode("shift_jis"), data.decode("cp932")
            except UnicodeDecodeError:
                continue
            if sjis != cp932:
                table[sjis] = (cp932, data)
    return table


def ambiguity_table(encoding: str) -> dict[str, tuple[str, bytes]]:
    """The character as ``encoding`` reads it -> (what the other of Shift_JIS and CP932 reads for
    the same bytes, the bytes): :func:`ambiguous_characters`, turned round for a CP932 file."""
    table = ambiguous_characters()
    if encoding != "cp932":
        return table
    return {cp932: (sjis, data) for sjis, (cp932, data) in table.items()}


class _AmbiguityLog:
    """Occurrences of ambiguous characters, located, the first ``keep`` kept, all counted."""

    def __init__(self, keep: int, encoding: str = "shift_jis") -> None:
        self.keep = keep
        self.table = ambiguity_table(encoding)
        self._pattern = re.compile("[" + "".join(re.escape(char) for char in self.table) + "]")
        self.found: list[Ambiguity] = []
        self.count = 0
        self._lines = 0  # line breaks before the current text
        self._column = 0  # characters of the current line before the current text

    def feed(self, text: str) -> None:
        if any(char in text for char in self.table):
            self._locate(text)
        breaks = text.count("\n")
        self._lines += breaks
        self._column = len(text) - text.rfind("\n") - 1 if breaks else self._column + len(text)

    def _locate(self, text: str) -> None:
        line, line_start, scanned = self._lines, -self._column, 0
        for match in self._pattern.finditer(text):
            position, char = match.start(), match.group()
            breaks = text.count("\n", scanned, position)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", scanned, position) + 1
            scanned = position
            self.count += 1
            if len(self.found) < self.keep:
                alternative, data = self.table[char]
                self.found.append(Ambiguity(line + 1, position - line_start + 1, char, alternative, data))


def transcode(path: Path, encoding: str, line_limit: int, *, ambiguities: int = 0) -> Decoded:
    """Decode ``path`` in ``encoding`` into a temporary UTF-8 copy, learning its structure.

    ``ambiguities`` > 0 reports (up to that many, all counted) the characters Shift_JIS and CP932
    read differently. A file that does not decode gives its first bad byte and no copy. A large
    file is decoded in pieces by parallel processes (see :func:`transcode_parallel`).
    """
    workers = os.cpu_count() or 1
    if workers > 1 and encoding in LINE_SAFE and path.stat().st_size >= PARALLEL_BYTES:
        decoded = transcode_parallel(path, encoding, line_limit, ambiguities=ambiguities, workers=workers)
        if decoded is not None:
            return decoded
    out = _temporary(".utf8.csv")
    piece = transcode_piece(path, 0, None, encoding, out, line_limit, ambiguities)
    if piece.bad is not None:
        _unlink(out)
        return Decoded(bad=locate_bad_byte(path, encoding, piece.bad))
    source = Utf8Source(out, piece.structure, temporary=True)
    return Decoded(source=source, ambiguities=piece.ambiguities, ambiguity_count=piece.ambiguity_count)


def _temporary(suffix: str) -> Path:
    handle, name = tempfile.mkstemp(prefix="conformance-", suffix=suffix)
    os.close(handle)
    return Path(name)


# ---------------------------------------------------------------------------------------------
# Pieces: Python's CJK codecs hold the GIL, so a large file is decoded by one process per core,
# each taking a run of whole lines (a line break is never inside a CP932 or Shift_JIS character)


#: Encodings in which byte 0x0A is always a line break (never part of a character): a file in one
#: of them may be cut after any 0x0A (UTF-16 and UTF-32 may not).
LINE_SAFE = frozenset({"cp932", "shift_jis"})
#: Files at least this large are decoded in parallel pieces; below it a process costs more than it saves.
PARALLEL_BYTES = 32 * 1024 * 1024
#: Bytes read at a time when looking for the line break that ends a piece.
_SEEK_PIECE = 64 * 1024


@dataclass
class Piece:
    """What decoding one run of lines found; line numbers are relative to the run's first line."""

    structure: Structure
    lines: int
    bad: int | None = None
    ambiguities: list[Ambiguity] = field(default_factory=list)
    ambiguity_count: int = 0


def transcode_piece(
    path: Path, start: int, end: int | None, encoding: str, out: Path, line_limit: int, ambiguities: int
) -> Piece:
    """Decode bytes ``start``..``end`` of ``path`` (whole lines) into ``out`` as UTF-8. ``bad`` is
    the offset near which the bytes stop decoding (the caller locates it exactly)."""
    scan, log = StructureScan(line_limit), _AmbiguityLog(ambiguities, encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, lines = start, 0
    with out.open("wb") as sink, path.open("rb") as stream:
        stream.seek(start)
        while True:
            size = CHUNK if end is None else min(CHUNK, end - offset)
            data = stream.read(size) if size > 0 else b""
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                # A character may have started a few bytes before this chunk.
                return Piece(Structure(), lines, bad=max(start, offset - 4))
            offset += len(data)
            lines += data.count(b"\n")
            if ambiguities:
                log.feed(text)
            encoded = text.encode("utf-8")
            scan.feed(encoded)
            sink.write(encoded)
            if not data:
                break
    return Piece(scan.result(), lines, None, log.found, log.count)


def piece_bounds(path: Path, pieces: int) -> list[tuple[int, int]]:
    """About equal runs of whole lines: each cut is just after a line break."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as stream:
        for k in range(1, pieces):
            cut = _next_line_start(stream, max(k * size // pieces, cuts[-1]))
            if cut is None:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
    cuts.append(size)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _next_line_start(stream: IO[bytes], offset: int) -> int | None:
    stream.seek(offset)
    position = offset
    while data := stream.read(_SEEK_PIECE):
        found = data.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(data)
    return None


def transcode_parallel(
    path: Path, encoding: str, line_limit: int, *, ambiguities: int, workers: int
) -> Decoded | None:
    """:func:`transcode` with one worker process per piece; None when the workers cannot run (the
    caller then decodes in this process)."""
    bounds = piece_bounds(path, workers)
    outs = [_temporary(f".{i}.utf8.csv") for i in range(len(bounds))]
    try:
        pieces = _run_workers(path, bounds, encoding, outs, line_limit, ambiguities)
    except (OSError, ValueError, subprocess.SubprocessError):
        pieces = None
    if pieces is None:
        _unlink(*outs)
        return None
    failed = next((p for p in pieces if p.bad is not None), None)
    if failed is not None:
        _unlink(*outs)
        return Decoded(bad=locate_bad_byte(path, encoding, failed.bad or 0))
    return _joined(pieces, outs, ambiguities)


def _joined(pieces: Sequence[Piece], outs: Sequence[Path], keep: int) -> Decoded:
    """The pieces as one source: structure flags combined, ambiguities renumbered in file order."""
    found: list[Ambiguity] = []
    before = 0
    for piece in pieces:
        for a in piece.ambiguities:
            if len(found) < keep:
                found.append(Ambiguity(a.line + before, a.column, a.char, a.alternative, a.data))
        before += piece.lines
    structure = Structure(
        quotes=any(p.structure.quotes for p in pieces),
        bare_cr=any(p.structure.bare_cr for p in pieces),
        nul=any(p.structure.nul for p in pieces),
        long_line=any(p.structure.long_line for p in pieces),
    )
    source = Utf8Source(outs, structure, temporary=True)
    return Decoded(source=source, ambiguities=found, ambiguity_count=sum(p.ambiguity_count for p in pieces))


def _run_workers(
    path: Path, bounds: Sequence[tuple[int, int]], encoding: str, outs: Sequence[Path], line_limit: int,
    ambiguities: int,
) -> list[Piece] | None:
    # This file runs as a script in each worker: it imports only the standard library, so a worker
    # starts in a few tens of milliseconds (-I -S: no site, no environment, no current directory).
    commands = [
        [sys.executable, "-I", "-S", __file__, "--piece", str(path), str(start), str(end), encoding, str(out),
         str(line_limit), str(ambiguities)]
        for (start, end), out in zip(bounds, outs, strict=True)
    ]
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) for c in commands]
    outputs = [process.communicate()[0] for process in processes]
    if any(process.returncode != 0 for process in processes):
        return None
    return [_piece_of(json.loads(output), encoding) for output in outputs]


def _piece_json(piece: Piece) -> str:
    s = piece.structure
    return json.dumps({
        "structure": [s.quotes, s.bare_cr, s.nul, s.long_line], "lines": piece.lines, "bad": piece.bad,
        "ambiguities": [[a.line, a.column, a.char] for a in piece.ambiguities], "count": piece.ambiguity_count,
    })


def _piece_of(data: dict[str, Any], encoding: str) -> Piece:
    table = ambiguity_table(encoding)
    found = [Ambiguity(line, column, char, *table[char]) for line, column, char in data["ambiguities"]]
    return Piece(Structure(*data["structure"]), int(data["lines"]), data["bad"], found, int(data["count"]))


def _worker(argv: Sequence[str]) -> int:
    source, start, end, encoding, out, line_limit, ambiguities = argv
    piece = transcode_piece(Path(source), int(start), int(end), encoding, Path(out), int(line_limit), int(ambiguities))
    sys.stdout.write(_piece_json(piece))
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["--piece"]:
    raise SystemExit(_worker(sys.argv[2:]))
