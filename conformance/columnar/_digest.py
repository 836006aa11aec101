"""The numba functions of the invariants' digest (see digest.py for what it decides and why).

Kept apart from the screen (``_kernel.py``) so that numba's on-disk cache of the screen is not
invalidated by them, and so that importing the digest's tables does not import numba. ``nogil``:
chunks are read on several threads. One flat function per chunk (as the screen: array arguments
of helper calls cost more than the work), with scalar-only helpers.
"""

# ruff: noqa: SIM110

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
_FIN_1 = np.uint64(0xFF51AFD7ED558CCD)
_FIN_2 = np.uint64(0xC4CEB9FE1A85EC53)
#: Bits of ``flags``: the key's first field filled, 世帯番号 filled, a living resident, a 世帯主,
#: kept by a cell screen; a byte of the key or of 世帯番号 outside ASCII (in CP932 two byte sequences
#: may read as one text there: equal hashes then stop meaning equal text).
KEY, HOUSEHOLD, LIVING, HEAD, MARKED, WIDE = 1, 2, 4, 8, 16, 32
#: A household record's line: the line number, with this bit set for a 世帯主.
HEAD_LINE = np.uint32(1 << 31)
LINE_MASK = np.uint32((1 << 31) - 1)


@njit(nogil=True, cache=True)
def bounds(buf: np.ndarray, end: int, line_starts: np.ndarray, line_ends: np.ndarray) -> int:
    """Each line of ``buf[:end]`` (whole lines) as [start, end) without its line break and the CR
    before it (as the screen and polars' scan_lines read it); the number of lines."""
    line = 0
    pos = 0
    while pos < end:
        stop = pos
        while stop < end and buf[stop] != NEWLINE:
            stop += 1
        line_starts[line] = pos
        line_ends[line] = stop - 1 if stop > pos and buf[stop - 1] == CR else stop
        line += 1
        pos = stop + 1
    return line


@njit(nogil=True, cache=True)
def digest(buf: np.ndarray, lines: int, line_starts: np.ndarray, line_ends: np.ndarray, split: np.ndarray,
           spans: np.ndarray, slot_of: np.ndarray, slots: int, key_slots: np.ndarray,
           household_slot: int, status_slot: int, living: np.ndarray, relation_slot: int, head: np.ndarray,
           greater_slots: np.ndarray, greater: np.ndarray, greater_len: np.ndarray,
           before_slots: np.ndarray, before: np.ndarray, before_len: np.ndarray,
           member_slots: np.ndarray, member_lo: np.ndarray, member_hi: np.ndarray,
           member_first: np.ndarray, member_second: np.ndarray,
           key_hash: np.ndarray, household_first: np.ndarray, household_second: np.ndarray,
           flags: np.ndarray) -> None:
    """Each of the ``lines`` lines (``line_starts``/``line_ends`` in ``buf``, unquoted CSV) digested
    into ``key_hash``, ``household_first``/``household_second`` and ``flags``. The wanted fields
    of line n are ``spans[n]`` (start and end per slot, as the screen found them) unless
    ``split[n]`` is set (the screen stopped at a defect before the line's end): such a line is split
    here, as far as its last wanted field. Slots of -1 are absent; ``living`` of length 0 counts
    every member as living."""
    wanted = slot_of.shape[0]
    starts = np.zeros(max(slots, 1), dtype=np.int64)
    ends = np.zeros(max(slots, 1), dtype=np.int64)
    for n in range(lines):
        if split[n]:
            for k in range(slots):
                starts[k] = 0
                ends[k] = 0
            pos = line_starts[n]
            stop = line_ends[n]
            start = pos
            field = 0
            while field < wanted:
                if pos == stop or buf[pos] == COMMA:
                    slot = slot_of[field]
                    if slot >= 0:
                        starts[slot] = start
                        ends[slot] = pos
                    field += 1
                    if pos == stop:
                        break
                    pos += 1
                    start = pos
                else:
                    pos += 1
        else:
            for k in range(slots):
                starts[k] = spans[n, 2 * k]
                ends[k] = spans[n, 2 * k + 1]
        bits = 0
        if key_slots.shape[0] > 0:
            first = key_slots[0]
            if ends[first] > starts[first]:
                bits |= KEY
                h1 = _FNV_OFFSET
                for k in range(key_slots.shape[0]):
                    s = key_slots[k]
                    for p in range(starts[s], ends[s]):
                        if buf[p] >= 0x80:
                            bits |= WIDE
                        h1 = (h1 ^ np.uint64(buf[p])) * _FNV_PRIME
                    h1 = (h1 ^ np.uint64(SEPARATOR)) * _FNV_PRIME
                key_hash[n] = _finish(h1)
        if household_slot >= 0 and ends[household_slot] > starts[household_slot]:
            bits |= HOUSEHOLD
            h1 = _FNV_OFFSET
            h2 = _MIX_OFFSET
            for p in range(starts[household_slot], ends[household_slot]):
                if buf[p] >= 0x80:
                    bits |= WIDE
                b = np.uint64(buf[p])
                h1 = (h1 ^ b) * _FNV_PRIME
                h2 = (h2 + b + np.uint64(1)) * _MIX_PRIME
                h2 = h2 ^ (h2 >> _SHIFT)
            household_first[n] = _finish(h1)
            household_second[n] = np.uint32(h2 >> np.uint64(32))
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
                h1, h2 = _member_hash(buf, starts[s], ends[s])
                # An open-addressing table per set (a binary search of its sorted hashes was two fifths
                # of the digest: four sets of up to 1,965 members a line; issue 51).
                lo = member_lo[m]
                size = member_hi[m] - lo
                at = _home(h1, size)
                while member_first[lo + at] != 0 and (member_first[lo + at] != h1 or member_second[lo + at] != h2):
                    at = at + 1 if at + 1 < size else 0
                if member_first[lo + at] == 0:
                    marked = True
        if marked:
            bits |= MARKED
        flags[n] = bits


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
        first[k], second[k] = _member_hash(buf, starts[k], ends[k])


@njit(nogil=True, cache=True, inline="always")
def _member_hash(buf: np.ndarray, start: int, end: int) -> tuple[np.uint64, np.uint64]:
    """The two hashes of the bytes ``buf[start:end]``: the set's members are hashed by ``member_hashes`` and a
    line's value by ``digest`` with this one function, so that the two always agree (inlined: no call cost)."""
    h1 = _FNV_OFFSET
    h2 = _MIX_OFFSET
    for p in range(start, end):
        b = np.uint64(buf[p])
        h1 = (h1 ^ b) * _FNV_PRIME
        h2 = (h2 + b + np.uint64(1)) * _MIX_PRIME
        h2 = h2 ^ (h2 >> _SHIFT)
    return _finish(h1), h2


@njit(nogil=True, cache=True)
def member_table(first: np.ndarray, second: np.ndarray, table_first: np.ndarray, table_second: np.ndarray) -> None:
    """The members' hashes (``first`` distinct, never 0) placed in an open-addressing table of one set
    (zeroed, more slots than members), as ``digest`` probes it."""
    size = table_first.shape[0]
    for k in range(first.shape[0]):
        at = _home(first[k], size)
        while table_first[at] != 0:
            at = at + 1 if at + 1 < size else 0
        table_first[at] = first[k]
        table_second[at] = second[k]


@njit(nogil=True, cache=True, inline="always")
def _finish(h: np.uint64) -> np.uint64:
    """A 64-bit mix of an FNV hash (murmur3's finaliser, a bijection), so that its top bits, which
    place it in a table, depend on every byte; 0 marks an empty slot, so it becomes 1."""
    h = h ^ (h >> np.uint64(33))
    h = h * _FIN_1
    h = h ^ (h >> np.uint64(33))
    h = h * _FIN_2
    h = h ^ (h >> np.uint64(33))
    return h if h != np.uint64(0) else np.uint64(1)


@njit(nogil=True, cache=True, inline="always")
def _home(h: np.uint64, size: int) -> int:
    """The slot a hash starts probing at: its top 32 bits scaled to the table's size."""
    return int(np.int64(((h >> np.uint64(32)) * np.uint64(size)) >> np.uint64(32)))


@njit(nogil=True, cache=True, inline="always")
def _slot(table: np.ndarray, h: np.uint64, size: int) -> int:
    """The slot of the key ``h`` in the open-addressing ``table``: the one holding it, or the empty one (0) its
    probe reaches first (inlined: no call cost)."""
    at = _home(h, size)
    while table[at] != 0 and table[at] != h:
        at = at + 1 if at + 1 < size else 0
    return at


@njit(nogil=True, cache=True)
def repeated_keys(hashes: np.ndarray, lines: np.ndarray, table: np.ndarray, table_line: np.ndarray,
                  out: np.ndarray) -> int:
    """The keys of one partition (hashes, and their lines in line order) through a table (hash;
    the line that first held it, 0 once that line is out). Writes to ``out`` the lines of a key met
    again: the line that first held it (once) and every later one; returns how many."""
    size = table.shape[0]
    found = 0
    for n in range(hashes.shape[0]):
        h = hashes[n]
        at = _slot(table, h, size)
        if table[at] == 0:
            table[at] = h
            table_line[at] = lines[n]
        else:
            if table_line[at] != 0:
                out[found] = table_line[at]
                found += 1
                table_line[at] = 0
            out[found] = lines[n]
            found += 1
    return found


@njit(nogil=True, cache=True)
def household_lines(first: np.ndarray, second: np.ndarray, lines: np.ndarray, table: np.ndarray,
                    table_second: np.ndarray, table_first: np.ndarray, table_head: np.ndarray, out: np.ndarray,
                    merged: np.ndarray) -> int:
    """The living members of one partition's households (first and second hash, line in line order
    with HEAD_LINE set for a 世帯主) through a table (first hash; second hash; the first member's
    line; the first 世帯主's line, 0 without one, negated once a second is met). Writes to ``out``
    the lines the group-by needs of each household without exactly one 世帯主: its first member's,
    and every 世帯主's; returns how many. ``merged[0]`` is set when two second hashes meet in one
    first hash (two households in one slot: the caller then reads every line)."""
    size = table.shape[0]
    found = 0
    for n in range(first.shape[0]):
        h = first[n]
        line = np.int64(lines[n] & LINE_MASK)
        at = _slot(table, h, size)
        if table[at] == 0:
            table[at] = h
            table_second[at] = second[n]
            table_first[at] = line
            table_head[at] = 0
        elif table_second[at] != second[n]:
            merged[0] = 1
        if lines[n] & HEAD_LINE:
            if table_head[at] == 0:
                table_head[at] = line
            else:
                if table_head[at] > 0:
                    table_head[at] = -table_head[at]
                out[found] = line
                found += 1
    for at in range(size):
        if table[at] == 0 or table_head[at] > 0:
            continue
        out[found] = table_first[at]
        found += 1
        if table_head[at] < 0:
            out[found] = -table_head[at]
            found += 1
    return found


@njit(nogil=True, cache=True)
def partition(key_hash: np.ndarray, household_first: np.ndarray, household_second: np.ndarray, flags: np.ndarray,
              lines: int, first_line: int, skip: int, parts: int, key_out: np.ndarray, key_line: np.ndarray,
              key_ends: np.ndarray, member_first: np.ndarray, member_second: np.ndarray, member_line: np.ndarray,
              member_ends: np.ndarray) -> None:
    """A chunk's keys and living members (its lines numbered from ``first_line``; those before
    ``skip`` are no records) ordered by partition (the low bits of the hash), line order kept
    within each: ``key_ends[p]``/``member_ends[p]`` is where partition p ends. A member's line has
    HEAD_LINE set for a 世帯主."""
    mask = np.uint64(parts - 1)
    both = HOUSEHOLD | LIVING
    key_at = np.zeros(parts, dtype=np.int64)
    member_at = np.zeros(parts, dtype=np.int64)
    for n in range(lines):
        if first_line + n >= skip:
            if flags[n] & KEY:
                key_at[np.int64(key_hash[n] & mask)] += 1
            if flags[n] & both == both:
                member_at[np.int64(household_first[n] & mask)] += 1
    key_total = np.int64(0)
    member_total = np.int64(0)
    for p in range(parts):
        key_total += key_at[p]
        key_ends[p] = key_total
        key_at[p] = key_total - key_at[p]
        member_total += member_at[p]
        member_ends[p] = member_total
        member_at[p] = member_total - member_at[p]
    for n in range(lines):
        line = first_line + n
        if line < skip:
            continue
        if flags[n] & KEY:
            k = np.int64(key_hash[n] & mask)
            key_out[key_at[k]] = key_hash[n]
            key_line[key_at[k]] = line
            key_at[k] += 1
        if flags[n] & both == both:
            m = np.int64(household_first[n] & mask)
            member_first[member_at[m]] = household_first[n]
            member_second[member_at[m]] = household_second[n]
            member_line[member_at[m]] = np.uint32(line) | (HEAD_LINE if flags[n] & HEAD else np.uint32(0))
            member_at[m] += 1
