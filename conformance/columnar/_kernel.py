"""The numba function of the screen (see kernel.py for what it decides and why).

Kept apart so that importing the tables does not import numba, and so that numba's on-disk cache
(``cache=True``: compiled once per machine, loaded in a fraction of a second after that) is keyed
on this file alone. ``nogil``: chunks are screened on several threads.

One flat function on purpose: numba passes each array argument of a call as a structure and keeps
its reference count, so helper functions that take the tables cost about four times the whole
screen (measured: 85-100 ms against 24 ms per 8 MB chunk). The helpers left take scalars only
(issue 51: the last that took arrays, the value's type on its bytes, was two fifths of the screen
even inlined; tests/columnar/test_kernel.py keeps it so).
"""

# numba compiles explicit comparisons and loops; tuple membership and any() over a generator are
# slower there or not supported.
# ruff: noqa: SIM109

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit

# The tables' layout and codes, defined once in tables.py (numba reads these module globals as
# compile-time constants).
from conformance.columnar.tables import (
    AMBIGUOUS,
    BARE_CR,
    BYTES,
    CHECK,
    CHECK_LEN,
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
    PACK_BYTES,
    PAIR_AMBIGUOUS,
    PAIR_LENGTH,
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

#: A scalar as numba passes it: a Python int or a NumPy integer of the tables.
Int = int | np.integer[Any]

COMMA, QUOTE, NEWLINE, CR, MINUS, ZERO, NINE, UNIT_SEPARATOR = 44, 34, 10, 13, 45, 48, 57, 31


@njit(nogil=True, cache=True, inline="always")
def _date_ok(year: Int, month: Int, day: Int, kind: Int) -> bool:
    """files.is_date on parsed digits: lenient any month 01-12 and day 01-31; strict a real date
    of years 1-9999 (Python's date, the row path's oracle)."""
    if month < 1 or month > 12 or day < 1 or day > 31:
        return False
    if kind == T_DATE_LENIENT:
        return True
    if year < 1:
        return False
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return bool(day <= (29 if leap else 28))
    if month == 4 or month == 6 or month == 9 or month == 11:
        return bool(day <= 30)
    return True


@njit(nogil=True, cache=True, inline="always")
def _check_ok(scheme: Int, length: Int, total: Int, last: Int) -> bool:
    """The check digit ``last`` against ``total``, the digits before it weighted 2..7 from the
    right (compile.py's arithmetic): 1 M11W2-7, 2 個人番号 (12 digits), 3 団体コード (6 digits)."""
    if length < 2 or (scheme == 2 and length != 12) or (scheme == 3 and length != 6):
        return False
    if scheme == 1:
        return (11 - total % 11) % 11 == last
    if scheme == 2:
        return (11 - total % 11) % 11 % 10 == last
    return (11 - total % 11) % 10 == last


@njit(nogil=True, cache=True)
def screen(buf: np.ndarray, end: int, width: int, fields: np.ndarray, forbid: np.ndarray,
           codes: np.ndarray, dfa_ascii: np.ndarray, dfa_other: np.ndarray, dfa_start: np.ndarray,
           dfa_next: np.ndarray, dfa_accept: np.ndarray, words: int, starts: np.ndarray, ends: np.ndarray,
           marked: np.ndarray, signatures: np.ndarray, single: np.ndarray, double: np.ndarray,
           spans: np.ndarray, newlines: np.ndarray, quoted: bool = False, native: bool = False) -> int:
    """Marks (1) the lines of buf[:end] that may fail a rule; records each line's span and, for
    the lines it passes, their signature and in ``spans`` where the fields the invariants' digest
    reads are (start and end per DIGEST slot). Returns the number of lines. ``newlines``: the
    positions of the line breaks in buf[:end], in order (kernel.newlines; issue 51). ``quoted``
    (the file has quotes) and ``native`` (CP932 or Shift_JIS read through ``single`` and ``double``)
    are left out by a caller when false: numba then compiles them as constants and drops their
    branches from every byte's loop (the screen 5 % faster on an unquoted UTF-8 file; issue 51)."""
    n = 0
    pos = 0
    breaks = len(newlines)
    while pos < end:
        stop = newlines[n] if n < breaks else end  # the last line may have no line break
        line_end = stop
        if line_end > pos and buf[line_end - 1] == CR:
            line_end -= 1
        starts[n] = pos
        ends[n] = line_end
        bad = line_end == pos  # a blank line has no fields: the masks judge it
        field = 0
        i = pos
        while not bad:
            # -- one field: its value is buf[a:b]; a quoted value ends at its closing quote
            if field < width:
                bits = fields[field, CLASS]
                pattern = fields[field, PATTERN]
                mode = fields[field, DECODE]
            else:
                bits = 0
                pattern = -1
                mode = BYTES
            if pattern == -2:
                pattern = -1  # a pattern without a DFA: judged below, on filled values
            state = dfa_start[pattern] if pattern >= 0 else 0
            inside = quoted and i < line_end and buf[i] == QUOTE
            if inside:
                i += 1
            end_byte = QUOTE if inside else COMMA
            chars = 0
            selectors = 0
            digits = True
            a = i
            if mode == BYTES:
                # Dates, codes and flags are judged on their bytes: only find the value's end.
                while i < line_end and buf[i] != end_byte:
                    if quoted and (buf[i] == QUOTE or buf[i] == UNIT_SEPARATOR):
                        bad = True
                    i += 1
                chars = i - a
            elif mode == DIGITS:
                # The digits class allows 0-9 only: any other byte is a character it forbids.
                while i < line_end and buf[i] != end_byte:
                    if buf[i] < ZERO or buf[i] > NINE:
                        bad = True
                    i += 1
                chars = i - a
            while mode == DECODE_ALL and i < line_end:
                c = buf[i]
                if c == end_byte:
                    break
                if native:
                    # A line-safe double-byte encoding (CP932, Shift_JIS) through its tables.
                    cp = np.int64(single[c])
                    if cp >= 0:
                        i += 1
                        if quoted and (c == QUOTE or c == UNIT_SEPARATOR):
                            bad = True
                    elif cp == LEAD and i + 1 < line_end and double[(np.int64(c) << 8) | buf[i + 1]] >= 0:
                        cp = np.int64(double[(np.int64(c) << 8) | buf[i + 1]])
                        i += 2
                    else:
                        cp = np.int64(0)
                        i += 1
                        bad = True
                elif c < 0x80:
                    cp = np.int64(c)
                    i += 1
                    # In a file with quotes, a quote inside an unquoted value is outside the
                    # grammar, and the unit separator is what the masks' split uses.
                    if quoted and (c == QUOTE or c == UNIT_SEPARATOR):
                        bad = True
                elif c >= 0xC2 and c < 0xE0 and i + 1 < line_end and (buf[i + 1] & 0xC0) == 0x80:
                    cp = (np.int64(c & 0x1F) << 6) | np.int64(buf[i + 1] & 0x3F)
                    i += 2
                elif (c >= 0xE0 and c < 0xF0 and i + 2 < line_end and (buf[i + 1] & 0xC0) == 0x80
                      and (buf[i + 2] & 0xC0) == 0x80):
                    cp = (np.int64(c & 0x0F) << 12) | (np.int64(buf[i + 1] & 0x3F) << 6) | np.int64(buf[i + 2] & 0x3F)
                    i += 3
                elif (c >= 0xF0 and c < 0xF5 and i + 3 < line_end and (buf[i + 1] & 0xC0) == 0x80
                      and (buf[i + 2] & 0xC0) == 0x80 and (buf[i + 3] & 0xC0) == 0x80):
                    cp = ((np.int64(c & 0x07) << 18) | (np.int64(buf[i + 1] & 0x3F) << 12)
                          | (np.int64(buf[i + 2] & 0x3F) << 6) | np.int64(buf[i + 3] & 0x3F))
                    i += 4
                    if cp > 0x10FFFF:
                        cp = np.int64(0)
                        bad = True
                else:
                    cp = np.int64(0)
                    i += 1
                    bad = True  # not UTF-8 this decoder takes: the masks judge it
                flags = forbid[cp]
                if flags & bits:
                    bad = True
                if flags & VS_BIT:
                    selectors += 1
                if cp < ZERO or cp > NINE:
                    digits = False
                chars += 1
                if pattern >= 0 and state >= 0:
                    state = dfa_next[state, dfa_ascii[pattern, cp] if cp < 128 else dfa_other[pattern]]
            b = i
            if inside:
                # Unclosed, an inner (doubled) quote, or text after the closing quote: the masks
                # judge the line (or find it outside the grammar).
                if i >= line_end or (i + 1 < line_end and buf[i + 1] != COMMA):
                    bad = True
                i += 1
            length = b - a
            if field < width and fields[field, DIGEST] >= 0:
                spans[n, 2 * fields[field, DIGEST]] = a
                spans[n, 2 * fields[field, DIGEST] + 1] = b
            if field < width and not bad:
                if length == 0:
                    signatures[n, field // 64] |= np.uint64(1) << np.uint64(field % 64)
                    if fields[field, REQUIRED] != 0:
                        bad = True
                else:
                    # The type on the value's bytes is judged here, not in a helper taking buf: numba
                    # keeps a reference count on each array a call takes, even inlined, and that
                    # count per field was two fifths of the screen (issue 51: 31 to 18 ms per
                    # 8 MB chunk without the helper that did this).
                    shape = fields[field, PATTERN]
                    accepted = shape >= 0 and state >= 0 and dfa_accept[state] != 0
                    bad = _shape_fails(chars - selectors, fields[field, MAXLEN], shape, accepted)
                    kind = fields[field, TYPE]
                    if bad or kind == T_NONE:
                        pass
                    elif kind == T_INTEGER:
                        if not digits:
                            if buf[a] != MINUS or length < 2:
                                bad = True
                            else:
                                for k in range(a + 1, b):
                                    if buf[k] < ZERO or buf[k] > NINE:
                                        bad = True
                                        break
                    elif kind == T_FLAG:
                        bad = length != 1 or (buf[a] != ZERO and buf[a] != ZERO + 1)
                    elif kind == T_DATE_LENIENT or kind == T_DATE_STRICT:
                        if length != 10 or buf[a + 4] != MINUS or buf[a + 7] != MINUS:
                            bad = True
                        else:
                            for k in (0, 1, 2, 3, 5, 6, 8, 9):
                                if buf[a + k] < ZERO or buf[a + k] > NINE:
                                    bad = True
                                    break
                        if not bad:
                            year = (np.int64(buf[a]) * 1000 + np.int64(buf[a + 1]) * 100 + np.int64(buf[a + 2]) * 10
                                    + np.int64(buf[a + 3]) - ZERO * 1111)
                            month = np.int64(buf[a + 5]) * 10 + np.int64(buf[a + 6]) - ZERO * 11
                            day = np.int64(buf[a + 8]) * 10 + np.int64(buf[a + 9]) - ZERO * 11
                            bad = not _date_ok(year, month, day, kind)
                    lo = fields[field, CODE_LO]
                    slot = fields[field, SIGNATURE]
                    if not bad and (lo >= 0 or slot >= 0):
                        if length > PACK_BYTES:
                            bad = True  # a code this long: the masks judge it
                        else:
                            key = np.uint64(length)
                            for k in range(length):
                                key |= np.uint64(buf[a + k]) << np.uint64(8 * (k + 1))
                            if lo >= 0:
                                hi = fields[field, CODE_HI]
                                top = hi
                                while lo < hi:  # binary search of the column's sorted codes
                                    mid = (lo + hi) // 2
                                    if codes[mid] < key:
                                        lo = mid + 1
                                    else:
                                        hi = mid
                                if lo >= top or codes[lo] != key:
                                    bad = True
                            if slot >= 0:
                                signatures[n, words + slot] = key
                    scheme = fields[field, CHECK]
                    if not bad and scheme != 0 and digits:
                        if length > fields[field, CHECK_LEN]:
                            bad = True  # longer than the arithmetic covers: the masks judge it
                        else:
                            total = np.int64(0)
                            weight = 2  # 2..7 from the right, again and again (no modulo per digit)
                            for k in range(b - 2, a - 1, -1):
                                total += (np.int64(buf[k]) - ZERO) * weight
                                weight = 2 if weight == 7 else weight + 1
                            if not _check_ok(scheme, length, total, np.int64(buf[b - 1]) - ZERO):
                                bad = True
            field += 1
            if i >= line_end:
                break
            i += 1  # the comma
        if field != width:
            bad = True
        marked[n] = bad
        n += 1
        pos = stop + 1
    return n


@njit(nogil=True, cache=True, inline="always")
def _shape_fails(chars: Int, maxlen: Int, pattern: Int, accepted: bool) -> bool:
    """Whether a filled value of ``chars`` characters fails its length or its pattern (``accepted``:
    the pattern's DFA ended in an accepting state; -2: a pattern without a DFA, judged by the masks)."""
    if maxlen >= 0 and chars > maxlen:
        return True
    return bool(pattern == -2 or (pattern >= 0 and not accepted))


@njit(nogil=True, cache=True)
def lines_end(buf: np.ndarray, size: int, most: int) -> tuple[int, int]:
    """(end, lines): the end of the ``most``-th line of buf[:size] (whole lines; a last line
    without a line break counts), or ``size`` when it holds no more lines than that, and the lines
    before it. A chunk of very short lines is cut so that its line arrays stay small."""
    lines = 0
    for i in range(size):
        if buf[i] == NEWLINE:
            lines += 1
    if size > 0 and buf[size - 1] != NEWLINE:
        lines += 1
    if lines <= most:
        return size, lines
    lines = 0
    for i in range(size):
        if buf[i] == NEWLINE:
            lines += 1
            if lines == most:
                return i + 1, lines
    return size, lines


#: Bytes tested at a time for a line break (see newlines).
NEWLINE_BLOCK = 64


@njit(nogil=True, cache=True)
def newlines(buf: np.ndarray, end: int, out: np.ndarray) -> int:
    """Writes the positions of the line breaks in buf[:end] to ``out`` (as long as the lines), in order;
    returns how many. Each block of NEWLINE_BLOCK bytes is first counted (a loop LLVM vectorises) and
    searched only when it holds one: about half the time of numpy's comparison and flatnonzero over the
    chunk (an 8 MB chunk of the benchmark's file 0.68 against 1.24 ms; issue 51)."""
    n = 0
    i = 0
    while i + NEWLINE_BLOCK <= end:
        count = 0
        for k in range(NEWLINE_BLOCK):
            count += buf[i + k] == NEWLINE
        if count:
            for k in range(NEWLINE_BLOCK):
                if buf[i + k] == NEWLINE:
                    out[n] = i + k
                    n += 1
        i += NEWLINE_BLOCK
    while i < end:
        if buf[i] == NEWLINE:
            out[n] = i
            n += 1
        i += 1
    return n


@njit(nogil=True, cache=True)
def last_line_end(buf: np.ndarray, size: int) -> int:
    """The end of the last whole line in buf[:size] (after its line break); 0 when there is none."""
    i = size
    while i > 0 and buf[i - 1] != NEWLINE:
        i -= 1
    return i


@njit(nogil=True, cache=True)
def signature_ids(signatures: np.ndarray, marked: np.ndarray, lines: int, keys: np.ndarray, used: np.ndarray,
                  count: np.ndarray, ids: np.ndarray) -> None:
    """Numbers each unmarked line's signature in a table kept across chunks (open addressing on
    the whole signature, so equal ids are equal signatures). New signatures get the next id
    (count[0]); a full table gives -1 and the caller marks the line."""
    capacity = keys.shape[0]
    width = signatures.shape[1]
    for n in range(lines):
        ids[n] = -1
        if marked[n]:
            continue
        h = np.uint64(14695981039346656037)
        for k in range(width):
            h = (h ^ signatures[n, k]) * np.uint64(1099511628211)
            h ^= h >> np.uint64(29)
        slot = np.int64(h % np.uint64(capacity))
        for _probe in range(capacity):
            if used[slot] == 0:
                if count[0] * 2 >= capacity:
                    break  # keep the table sparse: lines of new signatures go to the masks
                used[slot] = 1
                for k in range(width):
                    keys[slot, k] = signatures[n, k]
                ids[n] = count[0]
                used[slot] = count[0] + 1
                count[0] += 1
                break
            same = True
            for k in range(width):
                if keys[slot, k] != signatures[n, k]:
                    same = False
                    break
            if same:
                ids[n] = used[slot] - 1
                break
            slot = (slot + 1) % capacity


@njit(nogil=True, cache=True, inline="always")
def _structure_bit(c: Int) -> int:
    """The structure bit an ASCII byte other than CR sets (scalars only: see the module docstring)."""
    if c == QUOTE:
        return QUOTES
    if c == 0:
        return NUL
    return 0


@njit(nogil=True, cache=True)
def inspect_native(buf: np.ndarray, end: int, single: np.ndarray, double: np.ndarray,
                   line_limit: int) -> tuple[int, int]:
    """(the first offset of buf[:end] (whole lines) that does not decode through the tables of a
    line-safe double-byte encoding, or -1; the structure bits: quotes, NUL, lone CR, a line longer
    than line_limit bytes once in UTF-8), as transcode.StructureScan finds them on the UTF-8 copy;
    and AMBIGUOUS when a two-byte character the other of CP932 and Shift_JIS reads otherwise was
    decoded. The tables are kernel.native_lengths': per byte and per pair what this pass needs of
    the character (one load a character: the pass took three, and a third more time; issue 51).
    Eight bytes at a time where all are plain ASCII (one byte each in UTF-8 too), when the tables say
    every ASCII byte but the four structural ones is such a character (CP932 and Shift_JIS do): three
    quarters of a CP932 resident's bytes (an 8 MB chunk of the benchmark's file 5.8 -> 3.8 ms; issue 51)."""
    plain = True
    for c in range(1, 0x80):
        if single[c] != 1 and c != NEWLINE and c != CR and c != QUOTE:
            plain = False
    i = 0
    found = 0
    line = 0
    retry = 0  # after a word that is not plain ASCII, its bytes one by one
    while i < end:
        if plain and i >= retry and i + 8 <= end:
            w = (np.uint64(buf[i]) | np.uint64(buf[i + 1]) << np.uint64(8) | np.uint64(buf[i + 2]) << np.uint64(16)
                 | np.uint64(buf[i + 3]) << np.uint64(24) | np.uint64(buf[i + 4]) << np.uint64(32)
                 | np.uint64(buf[i + 5]) << np.uint64(40) | np.uint64(buf[i + 6]) << np.uint64(48)
                 | np.uint64(buf[i + 7]) << np.uint64(56))
            if (w & _HIGH_BITS) == 0 and not (_has_zero(w) | _has_zero(w ^ _LINE_FEEDS) | _has_zero(w ^ _CRS)
                                               | _has_zero(w ^ _QUOTES)):
                line += 8
                i += 8
                continue
            retry = i + 8
        c = buf[i]
        kind = single[c]
        if kind > 0:  # a one-byte character that sets no structure bit: its length in UTF-8
            line += kind
            i += 1
            continue
        if kind == LEAD and i + 1 < end:
            pair = double[(np.int64(c) << 8) | buf[i + 1]]
            if pair <= 0:
                return i, found
            line += pair & PAIR_LENGTH
            if pair & PAIR_AMBIGUOUS:
                found |= AMBIGUOUS
            i += 2
            continue
        if kind != 0:  # a byte that does not decode alone, or a lead byte at the end
            return i, found
        if c == NEWLINE:
            found |= _line_bit(line, line_limit)
            line = 0
        elif c == CR:
            if i + 1 >= end or buf[i + 1] != NEWLINE:
                found |= BARE_CR
            line += 1
        else:
            found |= _structure_bit(c)
            line += 1
        i += 1
    return -1, found | _line_bit(line, line_limit)


#: Per byte of a word: its top bit; a line feed, a CR, a quote in every byte; one in every byte.
_HIGH_BITS = np.uint64(0x8080808080808080)
_LINE_FEEDS = np.uint64(0x0A0A0A0A0A0A0A0A)
_CRS = np.uint64(0x0D0D0D0D0D0D0D0D)
_QUOTES = np.uint64(0x2222222222222222)
_ONES = np.uint64(0x0101010101010101)


@njit(nogil=True, cache=True, inline="always")
def _has_zero(word: np.uint64) -> bool:
    """Whether a byte of ``word`` is zero (exact as a whole; which byte, not: a borrow may mark the
    bytes above a zero one too)."""
    return bool(((word - _ONES) & ~word & _HIGH_BITS) != np.uint64(0))


@njit(nogil=True, cache=True, inline="always")
def _line_bit(line: Int, line_limit: Int) -> int:
    return LONG_LINE if line > line_limit else 0
