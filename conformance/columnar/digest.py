"""The domain invariants' digest: which lines of a large unquoted UTF-8 file the invariants must
read at all (issue 15; ``conformance.checks.files.invariants`` judges them).

The invariants read across records (a key repeated anywhere in the file, a household's 世帯主
among all its members) and against data the layout does not carry, so polars had to split every
line of the file to judge them: as long again as the content pass. This pass, compiled by numba
like the screen (``kernel.py``), walks each line's bytes as far as the last field it needs, on
every core, and keeps per line only what decides whether the line can matter:

- keys: two 64-bit hashes of the key's fields; a line matters when another line has the same
  first hash (every line of a repeated key then matters: the exact group-by sees all of them);
- households: the hashes of 世帯番号, whether the line is a living resident's and a 世帯主; a
  household matters when its living members do not have exactly one 世帯主, or when two living
  lines share its first hash but not its second (two households met in one hash: both read);
- cells: a line matters when one of the cheap screens of the cell rules would keep it (a date
  after a constant, a filled date before one, a filled value outside a set: the set's members are
  compared by both hashes).

Only those lines are read again by polars and judged by the exact expressions, so the findings
and counts are those of the full pass. The digest is sound by construction for keys and cells (a
line the exact rules could flag always shares a hash or passes a comparison); for households a
wrong verdict would need two households whose 世帯番号 collide in both independent 64-bit hashes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np


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


@dataclass
class Candidates:
    """Per part of the invariants, the lines (numbers in the file, sorted) it must read."""

    keys: np.ndarray
    households: np.ndarray
    cells: np.ndarray
    lines: int = 0
    #: Where each line starts in the file, for a file in one piece: the first line and the offset
    #: of each chunk, and each line's offset in its chunk (index: line - 1).
    chunks: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def offsets(self, lines: np.ndarray) -> np.ndarray | None:
        """The byte offset of each of ``lines`` in the file (None for a file in pieces)."""
        if self.chunks is None:
            return None
        firsts, offsets, starts = self.chunks
        chunk = np.searchsorted(firsts, lines, side="right") - 1
        found: np.ndarray = offsets[chunk] + starts[lines - 1].astype(np.int64)
        return found


@dataclass
class _Chunk:
    offset: int
    lines: int
    starts: np.ndarray | None
    key_hash: np.ndarray | None
    household_first: np.ndarray | None
    household_second: np.ndarray | None
    flags: np.ndarray | None


def _member_table(plan: Plan) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The sets' members as the digest compares them: per set a range [lo, hi) of both hashes,
    sorted by the first."""
    from conformance.columnar import _digest

    lo, hi, firsts, seconds = [], [], [], []
    at = 0
    for _header, values in plan.outside:
        encoded = [value.encode() for value in sorted(values)]
        buf = np.frombuffer(bytearray(b"".join(encoded) or b"\0"), dtype=np.uint8)
        sizes = np.array([len(v) for v in encoded], dtype=np.int64)
        ends = np.cumsum(sizes)
        starts = ends - sizes
        first, second = np.empty(len(encoded), dtype=np.uint64), np.empty(len(encoded), dtype=np.uint64)
        _digest.member_hashes(buf, starts, ends, first, second)
        if len(np.unique(first)) != len(first):
            raise ValueError("two members share a hash")  # never seen; the caller reads every line
        order = np.argsort(first, kind="stable")
        firsts.append(first[order])
        seconds.append(second[order])
        lo.append(at)
        at += len(encoded)
        hi.append(at)
    empty = np.empty(0, dtype=np.uint64)
    return (np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64),
            np.concatenate(firsts) if firsts else empty, np.concatenate(seconds) if seconds else empty)


def _constants(pairs: Sequence[tuple[str, bytes]],
               slot: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    width = max((len(c) for _, c in pairs), default=1)
    table = np.zeros((len(pairs), width), dtype=np.uint8)
    for k, (_, constant) in enumerate(pairs):
        table[k, : len(constant)] = np.frombuffer(constant, dtype=np.uint8)
    return (np.array([slot[h] for h, _ in pairs], dtype=np.int32), table,
            np.array([len(c) for _, c in pairs], dtype=np.int64))


def candidates(paths: Sequence[Path], plan: Plan, first_data_line: int = 2) -> Candidates:
    """The lines each part of the invariants must read (see the module's docstring). Raises
    ValueError when the digest cannot decide (the caller then reads every line)."""
    from conformance.columnar import _digest
    from conformance.columnar.kernel import _chunks

    slot = {header: k for k, header in enumerate(plan.indexes)}
    slot_of = np.full(max(plan.indexes.values(), default=-1) + 1, -1, dtype=np.int32)
    for header, index in plan.indexes.items():
        slot_of[index] = slot[header]
    lo, hi, member_first, member_second = _member_table(plan)
    living = plan.living if plan.status is not None and plan.living is not None else b""
    arguments = (
        slot_of, len(slot), np.array([slot[h] for h in plan.key], dtype=np.int32),
        slot[plan.household] if plan.household is not None else -1,
        slot[plan.status] if plan.status is not None else -1, np.frombuffer(living, dtype=np.uint8),
        slot[plan.relation] if plan.relation is not None else -1, np.frombuffer(plan.head, dtype=np.uint8),
        *_constants(plan.greater, slot), *_constants(plan.before, slot),
        np.array([slot[h] for h, _ in plan.outside], dtype=np.int32), lo, hi, member_first, member_second,
    )

    def one(data: np.ndarray, end: int, offset: int, capacity: int) -> _Chunk:
        starts, flags = np.zeros(capacity, dtype=np.int32), np.zeros(capacity, dtype=np.uint8)
        key_hash, first, second = (np.zeros(capacity, dtype=np.uint64), np.zeros(capacity, dtype=np.uint64),
                                   np.zeros(capacity, dtype=np.uint32))
        lines = _digest.digest(data, end, *arguments, key_hash, first, second, flags, starts)
        chunk = _Chunk(offset, capacity, starts, key_hash, first, second, flags)
        if lines != capacity:
            raise ValueError("the digest counted other lines than the chunker")
        return chunk

    workers = max(1, os.cpu_count() or 1)
    parts: list[_Chunk] = []
    with ThreadPoolExecutor(workers, thread_name_prefix="digest") as pool:
        pending: deque[Future[_Chunk]] = deque()
        for data, end, offset, count in _chunks(paths):
            pending.append(pool.submit(one, data, end, offset, count))
            while len(pending) > workers:
                parts.append(pending.popleft().result())
        parts.extend(future.result() for future in pending)

    def joined(name: str, dtype: type[np.generic]) -> np.ndarray:
        """One array of the chunks' ``name`` (the chunks' own released as it is made)."""
        whole = np.concatenate([getattr(p, name) for p in parts]) if parts else np.empty(0, dtype=dtype)
        for part in parts:
            setattr(part, name, None)
        return whole

    flags = joined("flags", np.uint8)
    flags[: max(0, first_data_line - 1)] = 0  # the header (line 1) is no record
    lines = np.arange(1, len(flags) + 1, dtype=np.int64)
    # One after the other (each holds a table of its own): memory, not time, is what they cost.
    keys = _keys(lines, flags, joined("key_hash", np.uint64))
    households = _households(lines, flags, joined("household_first", np.uint64),
                             joined("household_second", np.uint32))
    chunks = None
    if len(paths) == 1:
        firsts = np.cumsum([0, *(p.lines for p in parts[:-1])], dtype=np.int64) + 1
        chunks = (firsts, np.array([p.offset for p in parts], dtype=np.int64), joined("starts", np.int32))
    return Candidates(keys, households, lines[(flags & _digest_bits()["MARKED"]) != 0], len(flags), chunks)


def read_lines(path: Path, offsets: np.ndarray) -> list[str]:
    """The text of the lines starting at ``offsets`` as polars' scan_lines gives it (no line
    break, no CR before it): for the few lines the invariants read again."""
    import mmap

    texts: list[str] = []
    with path.open("rb") as stream:
        if not path.stat().st_size:
            return texts
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            for start in offsets.tolist():
                stop = mapped.find(b"\n", start)
                data = mapped[start : stop if stop >= 0 else len(mapped)]
                texts.append(data.removesuffix(b"\r").decode("utf-8"))
    return texts


def _digest_bits() -> dict[str, int]:
    from conformance.columnar import _digest

    return {"KEY": _digest.KEY, "HOUSEHOLD": _digest.HOUSEHOLD, "LIVING": _digest.LIVING, "HEAD": _digest.HEAD,
            "MARKED": _digest.MARKED}


def _keys(lines: np.ndarray, flags: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Every line whose key hash another line shares."""
    from conformance.columnar import _digest

    out = np.zeros(len(lines), dtype=np.bool_)
    _digest.repeated(hashes, flags, _digest.KEY, out)
    return lines[out]


def _households(lines: np.ndarray, flags: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Every line of a household whose living members do not have exactly one 世帯主, or whose
    first hash two different second hashes share."""
    from conformance.columnar import _digest

    out = np.zeros(len(lines), dtype=np.bool_)
    _digest.households(first, second, flags, out)
    return lines[out]
