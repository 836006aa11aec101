"""The domain invariants' digest: which lines of a large unquoted UTF-8 file the invariants must
read at all (issue 15; ``conformance.checks.files.invariants`` judges them).

The invariants read across records (a key repeated anywhere in the file, a household's 世帯主
among all its members) and against data the layout does not carry, so polars had to split every
line of the file to judge them: as long again as the content pass. The digest, compiled by numba
like the screen (``kernel.py``), runs in the screen's own pass when the content is judged with the
invariants (the screen records where the wanted fields are on each line it splits; the digest
hashes them on the same thread), or in a pass of its own otherwise (each line read as far as its
last wanted field). Each chunk is folded, in line order, into two open-addressing tables, so
memory grows with the distinct keys and households, not with per-line arrays of the whole file:

- keys: a 64-bit hash of the key's fields and the line that first held it; a line matters when
  its hash is met again (the first line and every later one: the exact group-by sees all of them);
- households of living members: two independent hashes of 世帯番号, the first member's line and
  the first 世帯主's line; a household matters when its living members do not have exactly one
  世帯主, and then only its first living member (where a finding without 世帯主 is located) and
  every living 世帯主 (the count and the first two) are read: the group-by over those lines gives
  the same rows. Two second hashes in one first hash (two households met in one slot) make the
  part read every line;
- cells: a line matters when one of the cheap screens of the cell rules would keep it (a date
  after a constant, a filled date before one, a filled value outside a set: the set's members are
  compared by both hashes).

Only those lines are read again by polars and judged by the exact expressions, so the findings
and counts are those of the full pass. The digest is sound by construction for keys and cells (a
line the exact rules could flag always shares a hash or passes a comparison); for households a
wrong verdict would need two households whose 世帯番号 collide in both independent hashes (96 bits).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import weakref
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from conformance.columnar.chunking import Scratch, chunks, ring


@dataclass(frozen=True)
class Plan:
    """What the digest reads: fields by index, and the rules' constants as UTF-8 bytes."""

    indexes: Mapping[str, int]
    key: Sequence[str] = ()
    household: str | None = None
    relation: str | None = None
    status: str | None = None
    living: bytes | None = None
    head: bytes = "世帯主".encode()
    greater: Sequence[tuple[str, bytes]] = ()
    before: Sequence[tuple[str, bytes]] = ()
    outside: Sequence[tuple[str, frozenset[str]]] = ()
    #: The file's encoding as Python names it (utf-8, or a line-safe double-byte one: cp932): the
    #: constants above are in it, and the lines read again are decoded with it.
    encoding: str = "utf-8"


@dataclass
class Candidates:
    """Per part of the invariants, the lines (numbers in the file, sorted) it must read."""

    keys: np.ndarray
    #: None: two households met in one first hash (never seen): the part reads every line.
    households: np.ndarray | None
    cells: np.ndarray
    lines: int = 0
    #: The plan the lines were chosen for (a caller given them checks it is its own).
    plan: Plan | None = None
    #: The file (when in one piece) and the offsets of its lines 1, EVERY + 1, 2 * EVERY + 1 ...
    path: Path | None = None
    checkpoints: np.ndarray | None = None
    #: Whether a key or 世帯番号 held a byte outside ASCII (a CP932 file's digest is exact only
    #: where none does: see _digest.WIDE).
    wide: bool = False

    def texts(self, lines: np.ndarray) -> list[str] | None:
        """The text of each of ``lines`` (sorted) as polars' scan_lines gives it (no line break,
        no CR before it), for the few lines a part reads again; None for a file in pieces. Read
        with pread, a checkpoint's EVERY lines at a time, not through a mapping of the file: a
        kernel that keeps the page cache in large folios maps a whole folio per fault, and a
        thousand lines spread over a 271 MB file then put all of it in the process's RSS."""
        if self.path is None or self.checkpoints is None:
            return None
        found: list[str] = []
        encoding = self.plan.encoding if self.plan is not None else "utf-8"
        size = self.path.stat().st_size
        with self.path.open("rb") as stream:
            group, parts = -1, [b""]
            for line in lines.tolist():
                k = (line - 1) // EVERY
                if k != group:
                    start = int(self.checkpoints[k])
                    stop = int(self.checkpoints[k + 1]) if k + 1 < len(self.checkpoints) else size
                    parts, group = os.pread(stream.fileno(), stop - start, start).split(b"\n"), k
                found.append(parts[(line - 1) % EVERY].removesuffix(b"\r").decode(encoding))
        return found


#: One line's offset in this many is kept (8 bytes each), to find the candidates' offsets later.
EVERY = 64
#: The key and household records are spilled to partitions (by hash) of about this many lines,
#: each folded through tables of its own once the pass is over: memory does not grow with the file.
#: Half a million rather than a million: two folds at a time were the peak of a 10M-row file's check, and
#: smaller tables fold faster (0.39 to 0.21 s at 10M rows; issue 51).
PART_LINES = 1 << 19
#: Bytes buffered per partition file: a chunk's share of a partition is a few KB, and writing each
#: on its own took the main thread 0.8 s of a 10M-row pass (0.55 s buffered; 10 MB at its 32 partitions).
SPILL_BUFFER = 1 << 16
#: A partition's tables are this full (linear probing slows beyond).
TABLE_FULL = 0.8
#: The files of a partition, one a column: a key's hash and line; a living member's two household
#: hashes and line (with _digest.HEAD_LINE for a 世帯主).
_KEY_FILES = ("key-hash", "key-line")
_MEMBER_FILES = ("member-first", "member-second", "member-line")


@dataclass
class Hashed:
    """One chunk digested (on a worker thread): per line its flags and hashes, and the offsets
    of the lines the checkpoints keep."""

    offset: int
    bytes: int
    lines: int
    line_starts: np.ndarray
    key_hash: np.ndarray
    household_first: np.ndarray
    household_second: np.ndarray
    flags: np.ndarray


class Digester:
    """The digest of one file, chunk by chunk: ``hash`` digests a chunk (any thread, in any
    order), ``fold`` spills its keys and households (in line order, one thread) to partition files
    by hash, ``finish`` folds each partition through tables of its own and gives the candidates.
    Memory: the records of two partitions at a time and their tables (about PART_LINES records
    each), the lines found and the checkpoints, whatever the size of the file; the partitions on
    disk take 12 bytes per key and 16 per living member (a temporary directory, removed by finish,
    or when the digester is dropped)."""

    def __init__(self, plan: Plan, paths: Sequence[Path], first_data_line: int = 2) -> None:
        self.plan = plan
        self.paths = tuple(paths)
        self.size = sum(path.stat().st_size for path in paths)
        self.first_data_line = first_data_line
        slot = {header: k for k, header in enumerate(plan.indexes)}
        #: Per file field, its slot in the digest (-1: not read), as the screen records spans.
        self.slot_of = np.full(max(plan.indexes.values(), default=-1) + 1, -1, dtype=np.int32)
        for header, index in plan.indexes.items():
            self.slot_of[index] = slot[header]
        self.slots = len(slot)
        lo, hi, member_first, member_second = _member_table(plan)
        living = plan.living if plan.status is not None and plan.living is not None else b""
        self._arguments = (
            self.slot_of, self.slots, np.array([slot[h] for h in plan.key], dtype=np.int32),
            slot[plan.household] if plan.household is not None else -1,
            slot[plan.status] if plan.status is not None else -1, np.frombuffer(living, dtype=np.uint8),
            slot[plan.relation] if plan.relation is not None else -1, np.frombuffer(plan.head, dtype=np.uint8),
            *_constants(plan.greater, slot), *_constants(plan.before, slot),
            np.array([slot[h] for h, _ in plan.outside], dtype=np.int32), lo, hi, member_first, member_second,
        )
        self._spill: _Spill | None = None
        self._cells: list[np.ndarray] = []
        self._checkpoints: list[np.ndarray] = []
        self.lines = 0
        self.wide = False
        self._candidates: Candidates | None = None
        self._finishing: Future[Candidates] | None = None

    def hash(self, buf: np.ndarray, offset: int, lines: int, line_starts: np.ndarray, line_ends: np.ndarray,
             split: np.ndarray, spans: np.ndarray, scratch: Scratch | None = None) -> Hashed:
        """Digest a chunk: ``lines`` lines of ``buf`` (starting at ``offset`` of the file) with
        the spans of the wanted fields (see _digest.digest); its arrays taken from ``scratch`` (the
        chunk's set: see chunking.Scratch) when given."""
        from conformance.columnar import _digest

        arrays = scratch if scratch is not None else Scratch()
        key_hash = arrays.take("key_hash", lines, np.uint64, zero=True)
        first = arrays.take("household_first", lines, np.uint64, zero=True)
        second = arrays.take("household_second", lines, np.uint32, zero=True)
        flags = arrays.take("flags", lines, np.uint8, zero=True)
        _digest.digest(buf, lines, line_starts, line_ends, split, spans, *self._arguments, key_hash, first,
                       second, flags)
        end = int(line_ends[lines - 1]) + 1 if lines else 0
        return Hashed(offset, end, lines, line_starts, key_hash, first, second, flags)

    def fold(self, chunk: Hashed) -> None:
        """Spill a chunk's keys and living members to their partitions; chunks come in line order."""
        from conformance.columnar import _digest

        if self._spill is None:  # partitions for the lines the file is expected to hold
            expected = self.size * chunk.lines / max(chunk.bytes, 1)
            self._spill = _Spill(spill_parts(expected))
        self._spill.write(chunk, self.lines + 1, self.first_data_line)
        numbers = np.arange(self.lines + 1, self.lines + 1 + chunk.lines, dtype=np.int64)
        records = numbers >= self.first_data_line
        self._cells.append(numbers[records & (chunk.flags & _digest.MARKED != 0)])
        self.wide = self.wide or bool((chunk.flags[records] & _digest.WIDE).any())
        # Lines 1, EVERY + 1 ...: the first of them in this chunk and its index in the chunk.
        kept = np.arange(-(self.lines % -EVERY) if self.lines % EVERY else 0, chunk.lines, EVERY)
        self._checkpoints.append(chunk.offset + chunk.line_starts[kept].astype(np.int64))
        self.lines += chunk.lines

    def finish(self) -> Candidates:
        """Every chunk of the file is folded: the candidates (the partitions then removed)."""
        spill = self._spill if self._spill is not None else _Spill(1)
        try:
            keys, households, merged = spill.fold()
        finally:
            spill.close()
        cells = np.concatenate(self._cells) if self._cells else np.empty(0, dtype=np.int64)
        checkpoints = np.concatenate(self._checkpoints) if self._checkpoints else np.zeros(1, dtype=np.int64)
        self._candidates = Candidates(keys, None if merged else households, cells, self.lines, self.plan,
                                      self.paths[0] if len(self.paths) == 1 else None, checkpoints, self.wide)
        return self._candidates

    def finish_later(self) -> None:
        """:meth:`finish` on a thread of its own (its folds release the GIL): the masks judge the last
        marked lines meanwhile (a 1M-row file's fold took 40 ms after the pass; issue 51), and
        :attr:`candidates` waits for it."""
        executor = ThreadPoolExecutor(1, thread_name_prefix="digest-finish")
        self._finishing = executor.submit(self.finish)
        executor.shutdown(wait=False)

    @property
    def candidates(self) -> Candidates | None:
        """The lines each part must read, once the pass that fed it has folded every chunk (a fold's
        error is raised here)."""
        if self._finishing is not None:
            self._finishing.result()
        return self._candidates


def spill_parts(lines: float) -> int:
    """Partitions for a file of about ``lines`` lines: a power of two making about PART_LINES lines each, and at
    least one per core, so that the folds after the pass, two at a time, keep every core busy (one partition of a
    1M-row file folded on one thread while the other core waited: issue 51)."""
    cores = max(1, os.cpu_count() or 1)
    by_size = 1 << max(0, math.ceil(math.log2(max(lines, 1) / PART_LINES)))
    return max(by_size, 1 << (cores - 1).bit_length())


class _Spill:
    """The partition files of keys and households (by the low bits of their hashes; a table places
    a hash by its top bits) in a temporary directory, removed by close or when dropped."""

    def __init__(self, parts: int) -> None:
        self.parts = parts
        self.directory = Path(tempfile.mkdtemp(prefix="conformance-digest-"))
        #: Per partition, the files of the keys (hash, line) and of the members (first, second, line).
        self.files = [([self._open(p, name) for name in _KEY_FILES], [self._open(p, name) for name in _MEMBER_FILES])
                      for p in range(parts)]
        streams = [stream for keys, members in self.files for stream in (*keys, *members)]
        self._finalizer = weakref.finalize(self, _remove, self.directory, streams)

    def _open(self, part: int, name: str) -> IO[bytes]:
        return (self.directory / f"{name}-{part}").open("wb", buffering=SPILL_BUFFER)

    def _read(self, part: int, name: str, dtype: type[np.generic]) -> np.ndarray:
        return np.fromfile(self.directory / f"{name}-{part}", dtype=dtype)

    def write(self, chunk: Hashed, first_line: int, skip: int) -> None:
        """Append a chunk's keys and living members to their partitions (line order kept)."""
        from conformance.columnar import _digest

        lines = chunk.lines
        key_hash, key_line = np.empty(lines, dtype=np.uint64), np.empty(lines, dtype=np.uint32)
        first, second, line = (np.empty(lines, dtype=np.uint64), np.empty(lines, dtype=np.uint32),
                               np.empty(lines, dtype=np.uint32))
        key_ends, member_ends = np.empty(self.parts, dtype=np.int64), np.empty(self.parts, dtype=np.int64)
        _digest.partition(chunk.key_hash, chunk.household_first, chunk.household_second, chunk.flags, lines,
                          first_line, skip, self.parts, key_hash, key_line, key_ends, first, second, line,
                          member_ends)
        for p, (key_files, member_files) in enumerate(self.files):
            parts: tuple[tuple[np.ndarray, tuple[np.ndarray, ...], list[IO[bytes]]], ...] = (
                (key_ends, (key_hash, key_line), key_files), (member_ends, (first, second, line), member_files))
            for ends, columns, streams in parts:
                start, stop = (int(ends[p - 1]) if p else 0), int(ends[p])
                if stop > start:
                    for column, stream in zip(columns, streams, strict=True):
                        stream.write(column[start:stop].data)  # the array's own bytes: no copy

    def fold(self) -> tuple[np.ndarray, np.ndarray, bool]:
        """Each partition through its tables, two at a time (numba releases the GIL): the lines of
        repeated keys, the lines the group-by needs of the households without exactly one 世帯主,
        and whether two households met in one first hash."""
        for key_files, member_files in self.files:
            for stream in (*key_files, *member_files):
                stream.close()
        workers = max(1, min(self.parts, os.cpu_count() or 1))
        with ThreadPoolExecutor(workers, thread_name_prefix="digest-fold") as pool:
            found = list(pool.map(self._fold, range(self.parts)))
        keys = _sorted([k for k, _, _ in found])
        households = _sorted([h for _, h, _ in found])
        return keys, households, any(merged for _, _, merged in found)

    def _fold(self, part: int) -> tuple[np.ndarray, np.ndarray, bool]:
        from conformance.columnar import _digest

        hashes = self._read(part, "key-hash", np.uint64)
        size = int(len(hashes) / TABLE_FULL) + 1
        out = np.empty(2 * len(hashes), dtype=np.int64)
        count = _digest.repeated_keys(hashes, self._read(part, "key-line", np.uint32), np.zeros(size, dtype=np.uint64),
                                      np.zeros(size, dtype=np.uint32), out)
        repeated = out[:count].copy()
        del hashes, out
        first = self._read(part, "member-first", np.uint64)
        size = int(len(first) / TABLE_FULL) + 1
        out = np.empty(2 * len(first), dtype=np.int64)
        merged = np.zeros(1, dtype=np.uint8)
        count = _digest.household_lines(
            first, self._read(part, "member-second", np.uint32), self._read(part, "member-line", np.uint32),
            np.zeros(size, dtype=np.uint64), np.zeros(size, dtype=np.uint32), np.zeros(size, dtype=np.uint32),
            np.zeros(size, dtype=np.int32), out, merged)
        return repeated, out[:count].copy(), bool(merged[0])

    def close(self) -> None:
        self._finalizer()


def _remove(directory: Path, streams: Sequence[IO[bytes]]) -> None:
    for stream in streams:
        stream.close()
    shutil.rmtree(directory, ignore_errors=True)


def _member_table(plan: Plan) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The sets' members as the digest compares them: per set a range [lo, hi) of an open-addressing
    table of both hashes (0: an empty slot), twice as many slots as members."""
    from conformance.columnar import _digest

    lo, hi, firsts, seconds = [], [], [], []
    at = 0
    for _header, values in plan.outside:
        encoded = list(_encodable(sorted(values), plan.encoding))
        buf = np.frombuffer(bytearray(b"".join(encoded) or b"\0"), dtype=np.uint8)
        sizes = np.array([len(v) for v in encoded], dtype=np.int64)
        ends = np.cumsum(sizes)
        starts = ends - sizes
        first, second = np.empty(len(encoded), dtype=np.uint64), np.empty(len(encoded), dtype=np.uint64)
        _digest.member_hashes(buf, starts, ends, first, second)
        if len(np.unique(first)) != len(first):
            raise ValueError("two members share a hash")  # never seen; the caller reads every line
        table_first = np.zeros(2 * len(encoded) + 1, dtype=np.uint64)
        table_second = np.zeros(len(table_first), dtype=np.uint64)
        _digest.member_table(first, second, table_first, table_second)
        firsts.append(table_first)
        seconds.append(table_second)
        lo.append(at)
        at += len(table_first)
        hi.append(at)
    empty = np.empty(0, dtype=np.uint64)
    return (np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64),
            np.concatenate(firsts) if firsts else empty, np.concatenate(seconds) if seconds else empty)


def _encodable(values: Sequence[str], encoding: str) -> list[bytes]:
    """The members as the file's bytes; a member the encoding cannot write is in no line of it."""
    found = []
    for value in values:
        try:
            found.append(value.encode(encoding))
        except UnicodeEncodeError:
            continue
    return found


def _constants(pairs: Sequence[tuple[str, bytes]],
               slot: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    width = max((len(c) for _, c in pairs), default=1)
    table = np.zeros((len(pairs), width), dtype=np.uint8)
    for k, (_, constant) in enumerate(pairs):
        table[k, : len(constant)] = np.frombuffer(constant, dtype=np.uint8)
    return (np.array([slot[h] for h, _ in pairs], dtype=np.int32), table,
            np.array([len(c) for _, c in pairs], dtype=np.int64))


def _sorted(parts: Sequence[np.ndarray]) -> np.ndarray:
    joined = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    return np.unique(joined.astype(np.int64))


def candidates(paths: Sequence[Path], plan: Plan, first_data_line: int = 2) -> Candidates:
    """The lines each part of the invariants must read (see the module's docstring), in a pass of
    the digest's own (the screen's pass digests the file as it reads it when the content is judged
    with the invariants: see kernel.marked_lines). Raises ValueError when the digest cannot decide
    (the caller then reads every line)."""
    from conformance.columnar import _digest

    digester = Digester(plan, paths, first_data_line)
    no_spans = np.zeros((1, 2), dtype=np.int32)

    def one(data: np.ndarray, end: int, offset: int, capacity: int) -> Hashed:
        starts, ends = np.zeros(capacity, dtype=np.int64), np.zeros(capacity, dtype=np.int64)
        if _digest.bounds(data, end, starts, ends) != capacity:
            raise ValueError("the digest counted other lines than the chunker")
        return digester.hash(data, offset, capacity, starts, ends, np.ones(capacity, dtype=np.uint8), no_spans)

    workers = max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers, thread_name_prefix="digest") as pool:
        pending: deque[Future[Hashed]] = deque()
        for data, end, offset, count in chunks(paths, buffers=ring(workers + 1)):  # <= workers in flight
            pending.append(pool.submit(one, data, end, offset, count))
            while len(pending) > workers:
                digester.fold(pending.popleft().result())
        while pending:
            digester.fold(pending.popleft().result())
    return digester.finish()


def load() -> None:
    """Load (or, the first time on a machine, compile) the digest's numba functions by digesting a
    two-line file with every part of a plan: the first file judged with the invariants would pay for
    it otherwise (kernel.load calls this)."""
    plan = Plan(indexes={"key": 0, "household": 1, "relation": 2, "status": 3, "date": 4}, key=("key",),
                household="household", relation="relation", status="status", living=b"1",
                greater=[("date", b"2024-04-01")], before=[("date", b"1868-01-01")],
                outside=[("relation", frozenset({"x"}))])
    with tempfile.TemporaryDirectory(prefix="conformance-digest-") as directory:
        path = Path(directory) / "load.csv"
        path.write_bytes(b"key,household,relation,status,date\n1,1,x,1,2024-04-01\n")
        candidates([path], plan)
