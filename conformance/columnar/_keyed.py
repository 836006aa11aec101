"""The numba functions of reconcile's compiled first pass (see keyed.py for what it keeps and why).

Kept apart from the screen and the digest so that numba's on-disk cache of theirs is not
invalidated by these. ``nogil``: chunks are read on several threads. One flat function per chunk,
with scalar-only helpers (array arguments of helper calls cost more than the work).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from conformance.columnar._digest import _FNV_OFFSET, _FNV_PRIME, SEPARATOR, _finish, _home, _slot

COMMA = 44
_WORD_PRIME = np.uint64(0x9FB21C651E98DF25)
_TEXT_SEED = np.uint64(0x2545F4914F6CDD1D)
_SHIFT = np.uint64(29)
#: Bits of ``flags``: a record of the part asked for (not the header, not blank); a tallied value
#: longer than PACK_BYTES bytes (the caller then reads the file otherwise).
KEEP, LONG = 1, 2
#: Tallied values are packed into one integer: length in the low byte, then up to 7 bytes.
PACK_BYTES = 7


@njit(nogil=True, cache=True)
def hash_lines(buf: np.ndarray, lines: int, line_starts: np.ndarray, line_ends: np.ndarray, header: int,
               key_fields: np.ndarray, tally_fields: np.ndarray, last: int, parts: int, part: int,
               key_hash: np.ndarray, text_hash: np.ndarray, tallies: np.ndarray, flags: np.ndarray) -> None:
    """Each of the ``lines`` lines of ``buf`` (``line_starts``/``line_ends``: without the line
    break and the CR before it; unquoted CSV) hashed: the key's fields (each followed by a byte no
    UTF-8 text holds), the whole text, and its tallied fields packed (a field the line is too
    short for is empty, as polars' splitn reads it). ``header``: the index of the header line in
    the chunk (-1: none). ``last``: the highest field index wanted. A line is kept when it is a
    record whose key hash falls in ``part`` of ``parts``."""
    fields = last + 1
    starts = np.zeros(fields, dtype=np.int64)
    ends = np.zeros(fields, dtype=np.int64)
    for n in range(lines):
        start = line_starts[n]
        stop = line_ends[n]
        if n == header or stop == start:
            flags[n] = 0
            continue
        for k in range(fields):
            starts[k] = 0
            ends[k] = 0
        pos = start
        field = 0
        begin = pos
        while field < fields:
            if pos == stop or buf[pos] == COMMA:
                starts[field] = begin
                ends[field] = pos
                field += 1
                if pos == stop:
                    break
                pos += 1
                begin = pos
            else:
                pos += 1
        h = _FNV_OFFSET
        for k in range(key_fields.shape[0]):
            f = key_fields[k]
            for p in range(starts[f], ends[f]):
                h = (h ^ np.uint64(buf[p])) * _FNV_PRIME
            h = (h ^ np.uint64(SEPARATOR)) * _FNV_PRIME
        h = _finish(h)
        key_hash[n] = h
        text_hash[n] = _text(buf, start, stop)
        bits = KEEP if parts <= 1 or h % np.uint64(parts) == np.uint64(part) else 0
        for t in range(tally_fields.shape[0]):
            f = tally_fields[t]
            size = ends[f] - starts[f]
            if size > PACK_BYTES:
                bits |= LONG
                continue
            packed = np.uint64(size)
            for k in range(size):
                packed |= np.uint64(buf[starts[f] + k]) << np.uint64(8 * (k + 1))
            tallies[n, t] = packed
        flags[n] = bits


@njit(nogil=True, cache=True, inline="always")
def _text(buf: np.ndarray, start: int, stop: int) -> np.uint64:
    """A 64-bit hash of buf[start:stop], eight bytes a step (the text of a line: most of the bytes
    reconcile reads go through here). Its length is mixed in, so trailing NUL bytes count."""
    h = _TEXT_SEED ^ np.uint64(stop - start)
    p = start
    while p + 8 <= stop:
        w = (np.uint64(buf[p]) | np.uint64(buf[p + 1]) << np.uint64(8) | np.uint64(buf[p + 2]) << np.uint64(16)
             | np.uint64(buf[p + 3]) << np.uint64(24) | np.uint64(buf[p + 4]) << np.uint64(32)
             | np.uint64(buf[p + 5]) << np.uint64(40) | np.uint64(buf[p + 6]) << np.uint64(48)
             | np.uint64(buf[p + 7]) << np.uint64(56))
        h = (h ^ w) * _WORD_PRIME
        h = h ^ (h >> _SHIFT)
        p += 8
    w = np.uint64(0)
    k = 0
    while p < stop:
        w |= np.uint64(buf[p]) << np.uint64(8 * k)
        p += 1
        k += 1
    h = (h ^ w) * _WORD_PRIME
    h = h ^ (h >> _SHIFT)
    return _finish(h)


@njit(nogil=True, cache=True)
def count(values: np.ndarray, keep: np.ndarray, begin: int, table: np.ndarray, counts: np.ndarray) -> int:
    """The kept ``values[begin:]`` (packed tallied values of one item) counted into an
    open-addressing table (a slot is taken when its count is not 0), at most half full. Returns
    where it stopped: ``values``' length, or the first value that found the table too full (the
    caller grows it and goes on from there)."""
    size = table.shape[0]
    used = 0
    for k in range(size):
        if counts[k]:
            used += 1
    for n in range(begin, values.shape[0]):
        if not keep[n]:
            continue
        v = values[n]
        at = _home(_finish(v + np.uint64(1)), size)
        while counts[at] != 0 and table[at] != v:
            at = at + 1 if at + 1 < size else 0
        if counts[at] == 0:
            if 2 * (used + 1) > size:
                return n
            used += 1
            table[at] = v
        counts[at] += 1
    return int(values.shape[0])


@njit(nogil=True, cache=True)
def rehash(table: np.ndarray, counts: np.ndarray, bigger: np.ndarray, bigger_counts: np.ndarray) -> None:
    size = bigger.shape[0]
    for k in range(table.shape[0]):
        if counts[k]:
            v = table[k]
            at = _home(_finish(v + np.uint64(1)), size)
            while bigger_counts[at] != 0:
                at = at + 1 if at + 1 < size else 0
            bigger[at] = v
            bigger_counts[at] = counts[k]


@njit(nogil=True, cache=True)
def join(old: np.ndarray, new: np.ndarray, table: np.ndarray, table_old: np.ndarray, table_new: np.ndarray,
         old_match: np.ndarray, new_match: np.ndarray, repeated: np.ndarray) -> None:
    """Keys (hashes, never 0) of OLD and NEW matched through one open-addressing table: per record
    the index of the other side's record with its key (-1: none), and per side the records whose
    key an earlier record of the same side has."""
    size = table.shape[0]
    for n in range(old.shape[0]):
        h = old[n]
        at = _slot(table, h, size)
        if table[at] == 0:
            table[at] = h
            table_old[at] = n
            table_new[at] = -1
        else:
            repeated[0] += 1
        old_match[n] = -1
    for n in range(new.shape[0]):
        h = new[n]
        at = _slot(table, h, size)
        if table[at] == 0:
            table[at] = h
            table_old[at] = -1
            table_new[at] = n
            new_match[n] = -1
        elif table_new[at] >= 0:
            repeated[1] += 1
            new_match[n] = -1
        else:
            table_new[at] = n
            mate = table_old[at]
            new_match[n] = mate
            if mate >= 0:
                old_match[mate] = n
