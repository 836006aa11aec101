"""The numba functions of the invariants' digest (see digest.py for what it decides and why).

Kept apart from the screen (``_kernel.py``) so that numba's on-disk cache of the screen is not
invalidated by them, and so that importing the digest's tables does not import numba. ``nogil``:
chunks are read on several threads. One flat function per chunk (as the screen: array arguments
of helper calls cost more than the work), with scalar-only helpers.
"""

# ruff: noqa: SIM109, SIM110

from __future__ import annotations

import numpy as np
from numba import njit

COMMA, NEWLINE, CR = 44, 10, 13
#: A byte no UTF-8 text holds: it ends each field in the hashes, so ("ab", "c") and ("a", "bc") differ.
SEPARATOR = 0xFF
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)
_MIX_OFFSET = np.uint64(0x9E3779B97F4A7C15)
_MIX_PRIME = np.uint64(0xFF51AFD7ED558CCD)
_SHIFT = np.uint64(29)
#: Bits of ``flags``: the key's first field filled, 世帯番号 filled, a living resident, a 世帯主,
#: kept by a cell screen.
KEY, HOUSEHOLD, LIVING, HEAD, MARKED = 1, 2, 4, 8, 16


@njit(nogil=True, cache=True)
def digest(buf: np.ndarray, end: int, slot_of: np.ndarray, slots: int, key_slots: np.ndarray,
           household_slot: int, status_slot: int, living: np.ndarray, relation_slot: int, head: np.ndarray,
           greater_slots: np.ndarray, greater: np.ndarray, greater_len: np.ndarray,
           before_slots: np.ndarray, before: np.ndarray, before_len: np.ndarray,
           member_slots: np.ndarray, member_lo: np.ndarray, member_hi: np.ndarray,
           member_first: np.ndarray, member_second: np.ndarray,
           key_hash: np.ndarray, household_first: np.ndarray, household_second: np.ndarray,
           flags: np.ndarray, line_starts: np.ndarray) -> int:
    """Each line of ``buf[:end]`` (unquoted CSV, read as far as its last wanted field) digested
    into ``key_hash``, ``household_first``/``household_second`` and ``flags``, with the offset
    of each line in ``line_starts``; the number of lines. Slots of -1 are absent; ``living`` of
    length 0 counts every member as living. A CR before the line feed is not in the last field
    (as polars' scan_lines reads it)."""
    wanted = slot_of.shape[0]
    starts = np.zeros(max(slots, 1), dtype=np.int64)
    ends = np.zeros(max(slots, 1), dtype=np.int64)
    line = 0
    pos = 0
    while pos < end:
        for k in range(slots):
            starts[k] = 0
            ends[k] = 0
        line_starts[line] = np.int32(pos)
        field = 0
        start = pos
        while True:
            byte = buf[pos] if pos < end else NEWLINE
            if byte == COMMA or byte == NEWLINE:
                if field < wanted:
                    slot = slot_of[field]
                    if slot >= 0:
                        starts[slot] = start
                        ends[slot] = pos
                        if byte == NEWLINE and pos > start and buf[pos - 1] == CR:
                            ends[slot] = pos - 1
                field += 1
                pos += 1
                if byte == NEWLINE:
                    break
                if field >= wanted:  # nothing more wanted on this line: skip to its end
                    while pos < end and buf[pos] != NEWLINE:
                        pos += 1
                    pos += 1
                    break
                start = pos
            else:
                pos += 1
        bits = 0
        if key_slots.shape[0] > 0:
            first = key_slots[0]
            if ends[first] > starts[first]:
                bits |= KEY
                h1 = _FNV_OFFSET
                for k in range(key_slots.shape[0]):
                    s = key_slots[k]
                    for p in range(starts[s], ends[s]):
                        h1 = (h1 ^ np.uint64(buf[p])) * _FNV_PRIME
                    h1 = (h1 ^ np.uint64(SEPARATOR)) * _FNV_PRIME
                key_hash[line] = h1
        if household_slot >= 0 and ends[household_slot] > starts[household_slot]:
            bits |= HOUSEHOLD
            h1 = _FNV_OFFSET
            h2 = _MIX_OFFSET
            for p in range(starts[household_slot], ends[household_slot]):
                b = np.uint64(buf[p])
                h1 = (h1 ^ b) * _FNV_PRIME
                h2 = (h2 + b + np.uint64(1)) * _MIX_PRIME
                h2 = h2 ^ (h2 >> _SHIFT)
            household_first[line] = h1
            household_second[line] = np.uint32(h2 >> np.uint64(32))
            if living.shape[0] == 0 or _equal(buf, starts[status_slot], ends[status_slot], living):
                bits |= LIVING
            if relation_slot >= 0 and _equal(buf, starts[relation_slot], ends[relation_slot], head):
                bits |= HEAD
        marked = False
        for g in range(greater_slots.shape[0]):
            s = greater_slots[g]
            if _compare(buf, starts[s], ends[s], greater[g], greater_len[g]) > 0:
                marked = True
        for g in range(before_slots.shape[0]):
            s = before_slots[g]
            if ends[s] > starts[s] and _compare(buf, starts[s], ends[s], before[g], before_len[g]) < 0:
                marked = True
        for m in range(member_slots.shape[0]):
            s = member_slots[m]
            if ends[s] > starts[s] and not marked:
                h1 = _FNV_OFFSET
                h2 = _MIX_OFFSET
                for p in range(starts[s], ends[s]):
                    b = np.uint64(buf[p])
                    h1 = (h1 ^ b) * _FNV_PRIME
                    h2 = (h2 + b + np.uint64(1)) * _MIX_PRIME
                    h2 = h2 ^ (h2 >> _SHIFT)
                lo = member_lo[m]
                hi = member_hi[m]
                while lo < hi:  # the first member hash >= h1
                    mid = (lo + hi) // 2
                    if member_first[mid] < h1:
                        lo = mid + 1
                    else:
                        hi = mid
                if not (lo < member_hi[m] and member_first[lo] == h1 and member_second[lo] == h2):
                    marked = True
        if marked:
            bits |= MARKED
        flags[line] = bits
        line += 1
    return line


@njit(nogil=True, cache=True, inline="always")
def _equal(buf: np.ndarray, start: int, end: int, constant: np.ndarray) -> bool:
    if end - start != constant.shape[0]:
        return False
    for k in range(end - start):
        if buf[start + k] != constant[k]:
            return False
    return True


@njit(nogil=True, cache=True, inline="always")
def _compare(buf: np.ndarray, start: int, end: int, constant: np.ndarray, size: int) -> int:
    """-1, 0 or 1 as the bytes sort before, equal or after ``constant[:size]`` (byte order, that of
    polars' string comparison)."""
    length = end - start
    k = 0
    while k < length and k < size:
        a = buf[start + k]
        b = constant[k]
        if a != b:
            return -1 if a < b else 1
        k += 1
    if length == size:
        return 0
    return -1 if length < size else 1


@njit(nogil=True, cache=True)
def member_hashes(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, first: np.ndarray,
                  second: np.ndarray) -> None:
    """The two hashes ``digest`` gives a member value (the set's members, one per range)."""
    for k in range(starts.shape[0]):
        h1 = _FNV_OFFSET
        h2 = _MIX_OFFSET
        for p in range(starts[k], ends[k]):
            b = np.uint64(buf[p])
            h1 = (h1 ^ b) * _FNV_PRIME
            h2 = (h2 + b + np.uint64(1)) * _MIX_PRIME
            h2 = h2 ^ (h2 >> _SHIFT)
        first[k] = h1
        second[k] = h2


@njit(nogil=True, cache=True)
def _table_size(count: int) -> int:
    size = 16
    while 2 * size < 3 * count:  # at most two thirds full (by lines: fewer distinct values)
        size *= 2
    return size


@njit(nogil=True, cache=True)
def repeated(hashes: np.ndarray, flags: np.ndarray, bit: int, out: np.ndarray) -> None:
    """``out[i]``: line i has ``bit`` set and another such line has the same hash. One pass over
    an open addressing table (hash; first line + 1, or -1 once repeated; 0 empty)."""
    count = 0
    for i in range(hashes.shape[0]):
        if flags[i] & bit:
            count += 1
    size = _table_size(count)
    keys = np.zeros(size, dtype=np.uint64)
    first = np.zeros(size, dtype=np.int32)
    for i in range(hashes.shape[0]):
        out[i] = False
        if flags[i] & bit:
            h = hashes[i]
            at = np.int64(h & np.uint64(size - 1))
            while first[at] != 0 and keys[at] != h:
                at = (at + 1) & (size - 1)
            if first[at] == 0:
                keys[at] = h
                first[at] = i + 1
            else:
                if first[at] > 0:
                    out[first[at] - 1] = True
                    first[at] = -1
                out[i] = True


@njit(nogil=True, cache=True)
def households(first: np.ndarray, second: np.ndarray, flags: np.ndarray, out: np.ndarray) -> None:
    """``out[i]``: line i has a 世帯番号 whose living members (by the first hash) do not have
    exactly one 世帯主, or among whom two second hashes differ."""
    both = HOUSEHOLD | LIVING
    count = 0
    for i in range(first.shape[0]):
        if flags[i] & HOUSEHOLD:
            count += 1
    size = _table_size(count)
    keys = np.zeros(size, dtype=np.uint64)
    seconds = np.zeros(size, dtype=np.uint32)
    # per slot: 0 empty, 1 no living member so far, 2 living members; + 4 per living 世帯主;
    # bit 1 set when two living members' second hashes differ
    state = np.zeros(size, dtype=np.int32)
    slot = np.full(first.shape[0], -1, dtype=np.int32)
    for i in range(first.shape[0]):
        if flags[i] & HOUSEHOLD:
            h = first[i]
            at = np.int64(h & np.uint64(size - 1))
            while state[at] != 0 and keys[at] != h:
                at = (at + 1) & (size - 1)
            slot[i] = at
            if state[at] == 0:
                keys[at] = h
                state[at] = 1
            if flags[i] & both == both:
                if state[at] & 3 == 1:
                    seconds[at] = second[i]
                    state[at] += 1
                elif seconds[at] != second[i]:
                    state[at] |= 1
                if flags[i] & HEAD:
                    state[at] += 4
    for i in range(first.shape[0]):
        out[i] = False
        if slot[i] >= 0:
            value = state[slot[i]]
            out[i] = (value & 2) != 0 and (value >> 2 != 1 or (value & 1) != 0)
