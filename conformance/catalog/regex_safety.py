"""Catalog regular expressions checked at load: compiled, and refused when they could backtrack
catastrophically.

Values are matched with Python's backtracking ``re`` on the row path (and polars' linear-time Rust
engine on the columnar path). A pattern such as ``^(a+)+$`` or ``^(a|ab)*c$`` takes exponential
time on a crafted value of a few dozen characters, so the catalog may only hold patterns whose
shape keeps every engine linear (or close to it). The check is structural, on the parsed pattern,
and conservative: it refuses

* back-references, conditionals and look-around (they need a backtracking engine);
* a variable-length repetition inside an unbounded repetition (``(a+)+``, ``(\\w+\\s?)*``);
* inside a repetition, alternatives that can start with the same character (``(a|ab)*``);
* two unbounded repetitions in a row that can match the same character (``\\d*\\d*x``);
* patterns longer than :data:`MAX_PATTERN_CHARS` and counted repetitions above :data:`MAX_COUNT`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

#: The parser ``re`` itself uses (Python 3.11+; no type stubs).
_c: Any = importlib.import_module("re._constants")
_p: Any = importlib.import_module("re._parser")

#: Longest pattern the catalog may hold.
MAX_PATTERN_CHARS = 1000
#: Largest count of a counted repetition (``{n}``, ``{m,n}``).
MAX_COUNT = 10_000

_UNBOUNDED = _c.MAXREPEAT
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_REFUSED = {
    _c.GROUPREF: "a back-reference",
    _c.GROUPREF_EXISTS: "a conditional group",
    _c.ASSERT: "a look-ahead or look-behind",
    _c.ASSERT_NOT: "a negative look-ahead or look-behind",
}
#: A set of characters as (lo, hi) code point ranges.
Chars = list[tuple[int, int]]
ANY: Chars = [(0, 0x10FFFF)]


class UnsafePattern(ValueError):
    """A catalog pattern that does not compile or could backtrack catastrophically."""


def check_pattern(source: str) -> re.Pattern[str]:
    """The compiled pattern, or :class:`UnsafePattern` saying what is wrong in words."""
    if len(source) > MAX_PATTERN_CHARS:
        raise UnsafePattern(f"longer than {MAX_PATTERN_CHARS} characters")
    try:
        compiled = re.compile(source)
        parsed = _p.parse(source)
    except (re.error, OverflowError, RecursionError) as error:
        raise UnsafePattern(f"not a valid regular expression ({error})") from None
    _walk(list(parsed), inside_unbounded=False, inside_repeat=False)
    return compiled


def _walk(items: Sequence[tuple[Any, Any]], *, inside_unbounded: bool, inside_repeat: bool) -> None:
    ambiguous = 0  # unbounded repetitions of this sequence that can also match what follows them
    for index, (op, argument) in enumerate(items):
        if op in _REFUSED:
            raise UnsafePattern(f"{_REFUSED[op]} is not allowed (it needs a backtracking engine)")
        if op in _REPEATS:
            if _repeat(argument, list(items[index + 1 :]), inside_unbounded=inside_unbounded,
                       inside_repeat=inside_repeat):
                ambiguous += 1
                if ambiguous > 1:
                    raise UnsafePattern("several unbounded repetitions that can match the same characters "
                                        "(such as .*,.*,.*) can backtrack catastrophically")
        elif op == _c.SUBPATTERN:
            _walk(list(argument[-1]), inside_unbounded=inside_unbounded, inside_repeat=inside_repeat)
        elif op == _c.BRANCH:
            _branch([list(alternative) for alternative in argument[1]], inside_unbounded=inside_unbounded,
                    inside_repeat=inside_repeat)
        elif _ATOMIC is not None and op == _ATOMIC:
            _walk(list(argument), inside_unbounded=inside_unbounded, inside_repeat=inside_repeat)


_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


def _repeat(argument: Any, rest: list[tuple[Any, Any]], *, inside_unbounded: bool, inside_repeat: bool) -> bool:
    """Check one repetition; whether it is unbounded and can also match what follows it."""
    low, high, body = argument
    if (high != _UNBOUNDED and high > MAX_COUNT) or low > MAX_COUNT:
        raise UnsafePattern(f"a repetition counted above {MAX_COUNT}")
    unbounded = high == _UNBOUNDED
    if inside_unbounded and (unbounded or high > low):
        raise UnsafePattern("a repetition of variable length inside an unbounded repetition "
                            "(such as (a+)+) can backtrack catastrophically")
    _walk(list(body), inside_unbounded=inside_unbounded or unbounded, inside_repeat=inside_repeat or high > 1)
    if not unbounded:
        return False
    following = _first(rest) if any(op != _c.AT for op, _ in rest) else []
    if not _overlap(_first(list(body)), following):
        return False
    if inside_repeat:
        raise UnsafePattern("an unbounded repetition inside a repetition that can also match what follows it "
                            "(such as (.*,){11}) can backtrack catastrophically")
    return True


def _branch(alternatives: list[list[tuple[Any, Any]]], *, inside_unbounded: bool, inside_repeat: bool) -> None:
    if inside_repeat:
        firsts = [_first(alternative) for alternative in alternatives]
        for i, first in enumerate(firsts):
            if any(_overlap(first, other) for other in firsts[i + 1 :]):
                raise UnsafePattern("alternatives inside a repetition that can start with the same character "
                                    "(such as (a|a)*) can backtrack catastrophically")
    for alternative in alternatives:
        _walk(alternative, inside_unbounded=inside_unbounded, inside_repeat=inside_repeat)


def _first(items: list[tuple[Any, Any]]) -> Chars:
    """The characters a sequence can start with (ANY when unknown, optional first or empty)."""
    for op, argument in items:
        if op == _c.AT:
            continue
        if op in _REPEATS:
            low, _, body = argument
            return _first(list(body)) if low > 0 else ANY
        if op == _c.SUBPATTERN:
            return _first(list(argument[-1]))
        if op == _c.LITERAL:
            return [(argument, argument)]
        if op == _c.IN:
            return _set(argument)
        return ANY
    return ANY


def _set(members: list[tuple[Any, Any]]) -> Chars:
    ranges: Chars = []
    for kind, value in members:
        if kind == _c.LITERAL:
            ranges.append((value, value))
        elif kind == _c.RANGE:
            ranges.append((value[0], value[1]))
        else:  # NEGATE, CATEGORY (\d, \w ...): any, to stay on the safe side
            return ANY
    return ranges


def _overlap(a: Chars, b: Chars) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)
