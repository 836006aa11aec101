"""Reconcile's compiled first pass (issue 15, item 6): per record of an unquoted UTF-8 export, its
key's hash, its line, where the line starts and a hash of its text, and the tallied items counted.

``conformance.reconcile`` reads both exports with polars expressions over every line; where the
two files have the same header and no transformation applies (equal lines are equal records),
this pass, compiled by numba like the screen (``kernel.py``) and reading the file in the screen's
chunks on every core, gives the same join from a few arrays (32 bytes a record) instead of
whole-file frames. The key is hashed (64 bits): the keys listed (missing on one side) are read
again from their lines, the pairs compared are checked to have the same key text, and a repeat
of a hash sends the caller back to the exact polars path, so a collision can only hide a
difference when the two lines' text hashes collide as well.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections import Counter, deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np


class Unsuited(Exception):
    """The file is not for this pass (a tallied value longer than it packs): read it otherwise."""


@dataclass
class Keyed:
    """One side's records of one part of the keys, in line order."""

    key_hash: np.ndarray
    text_hash: np.ndarray
    line: np.ndarray
    offset: np.ndarray
    #: Per tallied item, its values (as the file writes them) and their records.
    tallies: list[Counter[str]] = field(default_factory=list)
    records: int = 0
    #: read(..., parts=N): every part's records, on disk (the arrays above are then empty).
    spill: _Spill | None = None

    def part(self, number: int) -> Keyed:
        """The records of part ``number`` (read(..., parts=N)); this one when not spilled."""
        if self.spill is None:
            return self
        return self.spill.part(number)

    def close(self) -> None:
        """The spilled parts removed (also when dropped)."""
        if self.spill is not None:
            self.spill.close()


@dataclass
class _Hashed:
    offset: int
    lines: int
    line_starts: np.ndarray
    key_hash: np.ndarray
    text_hash: np.ndarray
    tallies: np.ndarray
    flags: np.ndarray


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the pass can run here: numba imports and compiles (or loads from its cache) the
    pass's functions. Not ``kernel.available``: that also loads the screen, which reconcile does
    not run (a sixth of a second)."""
    try:
        from numba.core.errors import NumbaError
    except ImportError:
        return False
    try:
        _load()
    except NumbaError:
        return False
    return True


def _load() -> None:
    """Each function of the pass called once on a line, so the first file does not pay for it."""
    from conformance.columnar import _digest, _kernel

    buf = np.frombuffer(bytearray(b"a\n"), dtype=np.uint8)  # writable, as the chunks are
    _kernel.last_line_end(buf, 2)
    _kernel.lines_end(buf, 2, 1)
    starts, ends = np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64)
    _digest.bounds(buf, 2, starts, ends)
    fields = np.zeros(1, dtype=np.int64)
    hashed = _hash(buf, 2, 0, 1, fields, fields, 0, 0, 1)
    _Folder(1).add(hashed)
    records = Keyed(hashed.key_hash, hashed.text_hash, np.ones(1, dtype=np.int64), np.zeros(1, dtype=np.int64))
    join(records, records)


def read(path: Path, key: Sequence[int], tallied: Sequence[int], part: tuple[int, int] = (0, 1),
         parts: int = 1) -> Keyed:
    """The records of ``path`` (a UTF-8 file, unquoted, its header on line 1) whose key (fields
    by index) falls in ``part`` (number, count), with their tallied fields counted. Raises
    Unsuited when a tallied value is too long to pack. With ``parts`` above 1, every record, read
    once and spilled to ``parts`` parts by key hash (a temporary directory: Keyed.part reads one
    back, Keyed.close removes them): one pass over the file however many parts hold its keys."""
    from conformance.columnar.chunking import chunks

    number, count = part if parts <= 1 else (0, 1)
    key_fields = np.array(key, dtype=np.int64)
    tally_fields = np.array(tallied, dtype=np.int64)
    last = int(max([*key, *tallied]))
    workers = max(1, os.cpu_count() or 1)
    folded = _Folder(len(tallied), _Spill(parts) if parts > 1 else None)
    with ThreadPoolExecutor(workers, thread_name_prefix="keyed") as pool:
        pending: deque[Future[_Hashed]] = deque()
        for data, end, offset, lines in chunks([path]):
            pending.append(pool.submit(_hash, data, end, offset, lines, key_fields, tally_fields, last, number, count))
            while len(pending) > workers:
                folded.add(pending.popleft().result())
        while pending:
            folded.add(pending.popleft().result())
    return folded.result()


def _hash(data: np.ndarray, end: int, offset: int, lines: int, key_fields: np.ndarray, tally_fields: np.ndarray,
          last: int, number: int, count: int) -> _Hashed:
    """One chunk's lines hashed (on a worker thread)."""
    from conformance.columnar import _digest, _keyed

    starts, ends = np.zeros(lines, dtype=np.int64), np.zeros(lines, dtype=np.int64)
    if _digest.bounds(data, end, starts, ends) != lines:
        raise ValueError("the pass counted other lines than the chunker")
    key_hash, text_hash = np.zeros(lines, dtype=np.uint64), np.zeros(lines, dtype=np.uint64)
    tallies = np.zeros((lines, max(len(tally_fields), 1)), dtype=np.uint64)
    flags = np.zeros(lines, dtype=np.uint8)
    _keyed.hash_lines(data, lines, starts, ends, 0 if offset == 0 else -1, key_fields, tally_fields, last, count,
                      number, key_hash, text_hash, tallies, flags)
    return _Hashed(offset, lines, starts, key_hash, text_hash, tallies, flags)


class _Folder:
    """Chunks added in line order: the kept records' arrays, and the tallies."""

    def __init__(self, tallied: int, spill: _Spill | None = None) -> None:
        self.tallied = tallied
        self.spill = spill
        self.lines = 0
        self.kept = 0
        self.parts: list[tuple[np.ndarray, ...]] = []
        self.tables = [(np.zeros(64, dtype=np.uint64), np.zeros(64, dtype=np.int64)) for _ in range(tallied)]

    def add(self, chunk: _Hashed) -> None:
        from conformance.columnar import _keyed

        if (chunk.flags & _keyed.LONG).any():
            raise Unsuited("a tallied value longer than the pass packs")
        keep = (chunk.flags & _keyed.KEEP).astype(np.bool_)
        kept = np.flatnonzero(keep)
        records = (chunk.key_hash[kept], chunk.text_hash[kept], self.lines + 1 + kept,
                   chunk.offset + chunk.line_starts[kept])
        if self.spill is None:
            self.parts.append(records)
        else:
            self.spill.write(records)
        self.kept += len(kept)
        for item in range(self.tallied):
            self._count(item, chunk.tallies[:, item], keep)
        self.lines += chunk.lines

    def _count(self, item: int, values: np.ndarray, keep: np.ndarray) -> None:
        """A chunk's values of one tallied item counted (the table doubled when it fills up)."""
        from conformance.columnar import _keyed

        table, counts = self.tables[item]
        done = _keyed.count(values, keep, 0, table, counts)
        while done < len(values):
            bigger, tally = np.zeros(2 * len(table), dtype=np.uint64), np.zeros(2 * len(table), dtype=np.int64)
            _keyed.rehash(table, counts, bigger, tally)
            table, counts = bigger, tally
            done = _keyed.count(values, keep, done, table, counts)
        self.tables[item] = (table, counts)

    def result(self) -> Keyed:
        columns = [np.concatenate(arrays) for arrays in zip(*self.parts, strict=True)] if self.parts else [
            np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64),
            np.empty(0, dtype=np.int64)]
        tallies = [Counter({_unpack(int(v)): int(n) for v, n in zip(table[counts > 0], counts[counts > 0],
                                                                    strict=True)}) for table, counts in self.tables]
        if self.spill is not None:
            self.spill.finish()
        return Keyed(columns[0], columns[1], columns[2], columns[3], tallies, self.kept, self.spill)


#: The arrays of a record, as Keyed holds them, and their types (one file each per part).
_COLUMNS = (("key-hash", np.uint64), ("text-hash", np.uint64), ("line", np.int64), ("offset", np.int64))


class _Spill:
    """Records written to ``parts`` parts by key hash (the same rule on both sides), line order kept
    within each; a temporary directory, removed by close or when dropped."""

    def __init__(self, parts: int) -> None:
        self.parts = parts
        self.directory = Path(tempfile.mkdtemp(prefix="conformance-keyed-"))
        self.streams = [[(self.directory / f"{name}-{p}").open("wb") for name, _ in _COLUMNS] for p in range(parts)]
        self._finalizer = weakref.finalize(self, _remove, self.directory, [s for row in self.streams for s in row])

    def write(self, records: tuple[np.ndarray, ...]) -> None:
        which = records[0] % np.uint64(self.parts)
        for p, streams in enumerate(self.streams):
            chosen = which == np.uint64(p)
            for column, stream in zip(records, streams, strict=True):
                stream.write(column[chosen].tobytes())

    def finish(self) -> None:
        for streams in self.streams:
            for stream in streams:
                stream.close()

    def part(self, number: int) -> Keyed:
        key_hash, text_hash, line, offset = (np.fromfile(self.directory / f"{name}-{number}", dtype=kind)
                                             for name, kind in _COLUMNS)
        return Keyed(key_hash, text_hash, line, offset, [], len(key_hash))

    def close(self) -> None:
        self._finalizer()


def _remove(directory: Path, streams: Sequence[object]) -> None:
    for stream in streams:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    shutil.rmtree(directory, ignore_errors=True)


def _unpack(packed: int) -> str:
    """A tallied value as the pass packed it (its length in the low byte, then its bytes)."""
    return bytes((packed >> (8 * (k + 1))) & 0xFF for k in range(packed & 0xFF)).decode("utf-8")


@dataclass
class Joined:
    """Both sides' records matched by key: indexes into each side's arrays."""

    missing_in_new: np.ndarray
    missing_in_old: np.ndarray
    #: Matched records whose text hashes differ: OLD's index and NEW's, in NEW's line order.
    pairs: tuple[np.ndarray, np.ndarray]
    repeated: tuple[int, int]


def join(old: Keyed, new: Keyed) -> Joined:
    """The records of one side only and the matched records whose lines differ."""
    from conformance.columnar import _keyed

    # At most two thirds full (linear probing slows beyond); any size will do (see _digest._home).
    size = 3 * (len(old.key_hash) + len(new.key_hash)) // 2 + 64
    table = np.zeros(size, dtype=np.uint64)
    table_old, table_new = np.empty(size, dtype=np.int32), np.empty(size, dtype=np.int32)
    old_match, new_match = np.empty(len(old.key_hash), dtype=np.int32), np.empty(len(new.key_hash), dtype=np.int32)
    repeated = np.zeros(2, dtype=np.int64)
    _keyed.join(old.key_hash, new.key_hash, table, table_old, table_new, old_match, new_match, repeated)
    del table, table_old, table_new
    matched = np.flatnonzero(new_match >= 0)
    mates = new_match[matched]
    differ = old.text_hash[mates] != new.text_hash[matched]
    return Joined(np.flatnonzero(old_match < 0), np.flatnonzero(new_match < 0), (mates[differ], matched[differ]),
                  (int(repeated[0]), int(repeated[1])))


def texts(path: Path, offsets: np.ndarray) -> list[str]:
    """The text of the lines starting at ``offsets`` (as polars' scan_lines gives it: no line
    break, no CR before it), read with pread: a few lines of a large file."""
    found = []
    with path.open("rb") as stream:
        for offset in offsets.tolist():
            text = b""
            while True:
                piece = os.pread(stream.fileno(), 4096, offset + len(text))
                cut = piece.find(b"\n")
                if cut >= 0 or not piece:
                    text += piece if cut < 0 else piece[:cut]
                    break
                text += piece
            found.append(text.removesuffix(b"\r").decode("utf-8"))
    return found
