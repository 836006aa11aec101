"""A catalog layout compiled into polars expressions: one boolean mask per (rule family, column).

A mask is true exactly where the row path's rule function (``conformance.checks.files``) would
report a problem for that cell or row: the columnar engine counts masks for every row and calls
the Python rule functions only on the failing rows, to word the findings. ``tests/columnar``
checks the two agree value by value.

Expressions read string columns named by :func:`value_name` (the file's field index), plus
:data:`RECORD` (false for a blank line, which is no record) and :data:`NFIELDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from conformance.catalog.layouts import (
    CATEGORY,
    CHAR_CLASSES,
    RESIDENT_TYPE,
    VARIATION_SELECTORS,
    Column,
    LayoutSpec,
    kind_bound,
)
from conformance.catalog.models import AppliesTo, DataItem
from conformance.oracles.identifiers import is_valid_lg_code, is_valid_m11w2_7, is_valid_my_number, m11w2_7_remainder

RECORD = "__record"
NFIELDS = "__nfields"
LINE = "__line"

#: [0-9], not \d: \d matches full-width digits too (LIBRARIES.md).
_INTEGER = r"^-?[0-9]+$"
#: The lenient calendar: any month 01-12 and day 01-31.
_LENIENT_DATE = r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
#: Check digit arithmetic covers numbers this long; longer ones are judged in Python (rare).
MAX_VECTOR_DIGITS = 18


@dataclass(frozen=True, slots=True)
class Rule:
    """One mask: ``family`` on the layout column ``column`` (None for record-level rules).

    ``expr`` runs on every row. When ``refine`` is set, ``expr`` is a cheap superset (a screen)
    and ``refine`` the exact mask, run only on the rows some screen kept.
    """

    family: str
    column: Column | None
    name: str
    expr: pl.Expr
    refine: pl.Expr | None = None


def value_name(index: int) -> str:
    """The internal name of the file's field ``index`` (headers may be any text)."""
    return f"f{index}"


def compile_rules(spec: LayoutSpec, columns: Sequence[Column], header_width: int) -> tuple[Rule, ...]:
    """Every content rule of the layout as masks, in the order the row path reports them."""
    by_header = {c.header: c for c in columns}
    record = pl.col(RECORD)
    # A record whose field count differs from the header's (cut short, or split by a stray
    # separator) is judged by that alone: its fields are not where the header says (issue 27, item 9).
    whole = pl.col(NFIELDS) == header_width
    rules = [Rule("fields", None, "fields", ~whole)]
    for column in columns:
        for family in column.families:
            mask = CELL_MASKS[family](column)
            if mask is None:
                continue
            screen, exact = mask
            name = f"{family}#{column.layout_position}"
            # Cell masks are false on '' (a blank line's every value): no need to test RECORD.
            rules.append(Rule(family, column, name, screen & whole, exact & whole if exact is not None else None))
    for column in columns:
        expr = _required(column, by_header)
        if expr is not None:
            rules.append(Rule("required", column, f"required#{column.layout_position}", expr & record & whole))
    for column in columns:
        expr = _category_item(spec, column, by_header)
        if expr is not None:
            # False without a known 住民種別, so false on a blank line too.
            rules.append(Rule("category_items", column, f"category_items#{column.layout_position}", expr & whole))
    return tuple(rules)


def value(column: Column | None) -> pl.Expr:
    """A column's values; '' for every row when the file lacks the column."""
    if column is None or column.index is None:
        return pl.lit("", dtype=pl.String)
    return pl.col(value_name(column.index))


# ---------------------------------------------------------------------------------------------
# Cell families: column -> (screen, exact) or None (nothing can fail). exact None: the screen is
# exact. A screen costs a few cheap operations per value; the exact mask (regexes, calendars) then
# runs on the few rows some screen kept.

Mask = tuple[pl.Expr, pl.Expr | None]


def _types(column: Column) -> Mask | None:
    item, v = column.item, value(column)
    filled = v != ""
    if item.type == "integer":
        return filled & ~v.str.contains(_INTEGER), None
    if item.type == "flag":
        return filled & ~v.is_in(["0", "1"]), None
    if item.type != "date":
        return None
    lenient = v.str.contains(_LENIENT_DATE)
    if item.calendar == "lenient":
        return filled & ~lenient, None
    # Only dates outside _ALWAYS_CALENDAR (29 February, invalid ones) meet the calendar; chrono
    # knows year 0, Python's date (the row path's oracle) does not.
    real = v.str.to_date("%Y-%m-%d", strict=False).is_not_null() & ~v.str.starts_with("0000")
    return filled & ~v.str.contains(_ALWAYS_CALENDAR), filled & ~(lenient & real)


_YEAR = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_DAY28 = "(?:0[1-9]|1[0-9]|2[0-8])"
#: Dates that are calendar dates whatever the year: every day but 29 February, year 0 excluded.
_ALWAYS_CALENDAR = (
    f"^{_YEAR}-(?:(?:0[13578]|1[02])-(?:{_DAY28}|29|30|31)|(?:0[469]|11)-(?:{_DAY28}|29|30)|02-{_DAY28})$"
)


def _lengths(column: Column) -> Mask:
    """A variation selector only ever shortens a value: counting them is left to the rows whose
    code points already exceed the limit."""
    limit = column.item.length or 0
    v = value(column)
    screen = v.str.len_chars() > limit
    return screen, screen & ((v.str.len_chars() - v.str.count_matches(VARIATION_SELECTORS.rust())) > limit)


def _codes(column: Column) -> Mask | None:
    if column.item.type != "code":
        return None
    v = value(column)
    return (v != "") & ~v.is_in(sorted(column.codes)), None


def _patterns(column: Column) -> Mask | None:
    if column.pattern is None:
        return None
    v = value(column)
    rust = f"^(?:{column.pattern.pattern})$"
    if _rust_compiles(rust):
        return (v != "") & ~v.str.contains(rust), None
    # A pattern the Rust engine does not take (look-around, back-references): Python judges it.
    pattern = column.pattern
    python = v.map_batches(
        lambda s: s.map_elements(lambda x: pattern.fullmatch(x) is None, return_dtype=pl.Boolean),
        return_dtype=pl.Boolean, is_elementwise=True,
    )
    return (v != "") & python, None


def _rust_compiles(pattern: str) -> bool:
    try:
        pl.Series([""], dtype=pl.String).str.contains(pattern)
    except pl.exceptions.PolarsError:
        return False
    return True


def _char_classes(column: Column) -> Mask | None:
    name = column.item.char_class
    if name is None:
        return None
    v = value(column)
    exact = v.str.contains(CHAR_CLASSES[name].rust())
    if name != "digits":
        return exact, None
    # Parsing as an unsigned integer accepts exactly [0-9]+ up to 20 digits, and a leading '+'.
    screen = (v != "") & (~_parses(v) | v.str.starts_with("+"))
    return screen, screen & exact


def _parses(v: pl.Expr) -> pl.Expr:
    return v.cast(pl.UInt64, strict=False).is_not_null()


def _check_digits(column: Column) -> Mask | None:
    scheme = column.item.check_digit
    if scheme is None:
        return None
    v = value(column)
    # Numbers up to the item's length are judged in expressions; longer ones (rare: the lengths
    # family reports them too) are screened in and judged in Python.
    digits = min(column.item.length or MAX_VECTOR_DIGITS, MAX_VECTOR_DIGITS)
    length = v.str.len_bytes()
    number = v.cast(pl.UInt64, strict=False)
    short = (length <= digits) & number.is_not_null() & ~v.str.starts_with("+")
    invalid = short & ~CHECK_DIGIT_VALID[scheme](number, length, digits)
    exact = invalid | _python_check(v, CHECK_DIGIT_ORACLES[scheme], digits)
    if column.exempt:  # a profile's test municipalities: no check digit asked of them
        declared = v.is_in(sorted(column.exempt))
        return (invalid | (length > digits)) & ~declared, exact & ~declared
    return invalid | (length > digits), exact


CELL_MASKS: dict[str, Callable[[Column], Mask | None]] = {
    "types": _types,
    "lengths": _lengths,
    "codes": _codes,
    "patterns": _patterns,
    "char_classes": _char_classes,
    "check_digits": _check_digits,
}


# ---------------------------------------------------------------------------------------------
# Check digits on numbers (the digit strings parsed as integers: leading zeros weigh nothing)

#: Digits per lookup: a table of 10**5 weighted sums per weight phase.
_BLOCK = 5


@lru_cache(maxsize=6)
def _block_table(phase: int) -> pl.Series:
    """x (0..99999) -> sum of its 5 digits from the right weighted 2..7 starting at phase."""
    x = pl.int_range(0, 10**_BLOCK, dtype=pl.UInt32, eager=True)
    terms = [((x // 10**i) % 10) * (2 + (phase + i) % 6) for i in range(_BLOCK)]
    return pl.Series(sum(terms[1:], terms[0])).cast(pl.UInt16)


def _weighted_sum(serial: pl.Expr, count: int) -> pl.Expr:
    """The digits of ``serial`` (up to ``count``) weighted 2, 3, 4, 5, 6, 7, 2, ... from the right:
    M11W2-7; the 個人番号 and 団体コード weights are the same sequence."""
    total: pl.Expr | None = None
    for block in range(0, count, _BLOCK):
        part = ((serial // 10**block) % 10**_BLOCK).cast(pl.UInt32)
        term = pl.lit(_block_table(block % 6)).gather(part).cast(pl.UInt32)
        total = term if total is None else total + term
    return total if total is not None else pl.lit(0, dtype=pl.UInt32)


def _m11w2_7(number: pl.Expr, length: pl.Expr, digits: int) -> pl.Expr:
    # Check digit 11 - r, or 0 when r is 0; r = 1 gives 10, which no digit equals (such numbers
    # are invalid), so no branch is needed: arithmetic is several times cheaper than when/then.
    remainder = _weighted_sum(number // 10, digits - 1) % 11
    return (length >= 2) & ((11 - remainder) % 11 == number % 10)


def _m11w2_7_zero(number: pl.Expr, length: pl.Expr, digits: int) -> pl.Expr:
    # The interpretation m11w2_7_remainder_one: zero (checks.files.interpretations): remainder 1
    # gives check digit 0, as remainder 0 does: (11 - r) % 11 % 10.
    remainder = _weighted_sum(number // 10, digits - 1) % 11
    return (length >= 2) & ((11 - remainder) % 11 % 10 == number % 10)


def _is_valid_m11w2_7_zero(number: str) -> bool:
    if len(number) >= 2 and _ALL_DIGITS.fullmatch(number) and m11w2_7_remainder(number[:-1]) == 1:
        return number[-1] == "0"
    return is_valid_m11w2_7(number)


def _my_number(number: pl.Expr, length: pl.Expr, digits: int) -> pl.Expr:
    # Check digit 11 - r, or 0 when r is 0 or 1: (11 - r) % 11 % 10.
    remainder = _weighted_sum(number // 10, 11) % 11
    return (length == 12) & ((11 - remainder) % 11 % 10 == number % 10)


def _lg_code(number: pl.Expr, length: pl.Expr, digits: int) -> pl.Expr:
    total = _weighted_sum(number // 10, 5)
    return (length == 6) & ((11 - total % 11) % 10 == number % 10)


def _python_check(v: pl.Expr, valid: Callable[[str], bool], digits: int) -> pl.Expr:
    """The mask for values longer than ``digits`` (all [0-9] and not ``valid``); False elsewhere."""

    def judge(series: pl.Series) -> pl.Series:
        result = [False] * len(series)
        for index in (series.str.len_bytes() > digits).arg_true().to_list():
            text = series[index]
            result[index] = _ALL_DIGITS.fullmatch(text) is not None and not valid(text)
        return pl.Series(result, dtype=pl.Boolean)

    return v.map_batches(judge, return_dtype=pl.Boolean, is_elementwise=True)


#: scheme -> (number, its length in digits, digits judged in expressions) -> valid. 個人番号 and
#: 団体コード have a fixed length, so any other length is invalid without arithmetic.
CHECK_DIGIT_VALID: dict[str, Callable[[pl.Expr, pl.Expr, int], pl.Expr]] = {
    "m11w2-7": _m11w2_7,
    "m11w2-7-zero": _m11w2_7_zero,
    "my_number": _my_number,
    "lg_code": _lg_code,
}
#: The Python oracles the expressions mirror (tests compare them).
CHECK_DIGIT_ORACLES: dict[str, Callable[[str], bool]] = {
    "m11w2-7": is_valid_m11w2_7,
    "m11w2-7-zero": _is_valid_m11w2_7_zero,
    "my_number": is_valid_my_number,
    "lg_code": is_valid_lg_code,
}
_ALL_DIGITS = re.compile("[0-9]+")


# ---------------------------------------------------------------------------------------------
# Row families


def _required(column: Column, by_header: Mapping[str, Column]) -> pl.Expr | None:
    """Empty while required, or while its condition on another item (not 第30条45規定区分) holds."""
    item, empty = column.item, value(column) == ""
    condition = item.required_when
    if item.required:
        return empty
    if condition is None or condition.item == CATEGORY:
        return None
    return empty & value(by_header.get(condition.item)).is_in(list(condition.values))


def _category_item(spec: LayoutSpec, column: Column, by_header: Mapping[str, Column]) -> pl.Expr | None:
    """Items of one resident kind filled for the other; for a foreign resident, category items
    empty while the 第30条45規定区分 needs them, or filled while it does not."""
    item = column.item
    if not spec.resident_kinds or not kind_bound(item):
        return None
    kind = value(by_header.get(RESIDENT_TYPE))
    foreign = kind.is_in(_codes_of(spec, AppliesTo.FOREIGN))
    japanese = kind.is_in(_codes_of(spec, AppliesTo.JAPANESE))
    v = value(column)
    filled = v != ""
    wrong_kind = _wrong_kind(item, japanese, foreign) & filled
    condition = item.required_when
    if condition is None or condition.item != CATEGORY:
        return wrong_kind
    category = value(by_header.get(CATEGORY))
    known = category.is_in(sorted(spec.item_codes(CATEGORY)))
    needed = category.is_in(list(condition.values))
    category_problem = foreign & known & ((needed & ~filled) | (~needed & filled))
    return wrong_kind | category_problem


def _codes_of(spec: LayoutSpec, kind: AppliesTo) -> list[str]:
    return sorted(code for code, k in spec.resident_kinds.items() if k is kind)


def _wrong_kind(item: DataItem, japanese: pl.Expr, foreign: pl.Expr) -> pl.Expr:
    if item.applies_to is AppliesTo.FOREIGN:
        return japanese
    if item.applies_to is AppliesTo.JAPANESE:
        return foreign
    return pl.lit(False)
