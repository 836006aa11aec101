"""The rules of one header, one value or one record: the row path calls them for every value, and the
columnar engine words its failing rows with them (a mask that disagrees with its rule is an error).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from conformance import messages
from conformance.catalog.layouts import (
    CATEGORY,
    FORBIDDEN,
    RESIDENT_TYPE,
    VARIATION_SELECTORS,
    Column,
    ColumnMap,
    LayoutSpec,
    is_private_use,
    kind_bound,
)
from conformance.catalog.models import AppliesTo, DataItem
from conformance.checks.files.interpretations import (
    M11W2_7_REMAINDER_ONE,
    M11W2_7_ZERO,
    NO_NUMBER,
    ZERO,
    is_valid_m11w2_7_zero,
    m11w2_7_remainder_one,
    stated,
)
from conformance.checks.files.model import Problem, Row
from conformance.findings import Finding
from conformance.masking import is_personal_name, shown
from conformance.oracles.identifiers import is_valid_m11w2_7, is_valid_my_number, lg_code_check_digit

if TYPE_CHECKING:

    pass


def header_issues(
    name: str, header: Sequence[str], expected: Sequence[str], mapping: ColumnMap | None = None
) -> Iterator[Finding]:
    """Unexpected (or repeated) columns, missing columns, then the first column out of order. The
    file's headers go through the profile's ``mapping`` first; findings name them as the file has
    them. A missing column is one finding at the header line (it has no column number in the file)."""
    mapping = mapping or ColumnMap()
    titles = [mapping.catalog_header(title) for title in header]
    wanted, seen = set(expected), set[str]()
    missing = [title for title in expected if title not in set(titles)]
    for position, (title, vendor) in enumerate(zip(titles, header, strict=True), start=1):
        if title in seen:
            yield Finding("file.header_unexpected_column", f"column {vendor!r} is repeated",
                          f"{name}:1:{position} ({vendor})", actual=vendor)
        elif title not in wanted and mapping.extra != "allow":
            hint = messages.did_you_mean(vendor, missing)
            advice = " (a vendor's own name is mapped in the profile: targets.exports.columns)" if hint else ""
            yield Finding("file.header_unexpected_column", f"column {vendor!r} is not in the layout{hint}{advice}",
                          f"{name}:1:{position} ({vendor})", expected=messages.closest(vendor, missing), actual=vendor)
        seen.add(title)
    for position, title in enumerate(expected, start=1):
        if title not in seen and title not in mapping.absent:
            yield Finding("file.header_missing_column", f"column {title!r} is missing (layout position {position})",
                          f"{name}:1 ({title})", expected=title)
    if mapping.order == "layout":
        yield from _order_issue(name, titles, expected, header)


def _order_issue(name: str, titles: Sequence[str], expected: Sequence[str], header: Sequence[str]) -> Iterator[Finding]:
    """The first column, among those the layout has, that is not where the layout puts it."""
    present = [t for t in expected if t in titles]
    firsts = {t: titles.index(t) + 1 for t in present}
    found = sorted(present, key=firsts.__getitem__)
    for wanted, actual in zip(present, found, strict=True):
        if wanted != actual:
            vendor = header[firsts[actual] - 1]
            yield Finding("file.header_order", f"column {vendor!r} is out of order: the layout puts {wanted!r} here",
                          f"{name}:1:{firsts[actual]} ({vendor})", expected=wanted, actual=vendor)
            return


# ---------------------------------------------------------------------------------------------
# Cell families: (column, non-empty value) -> Problem | None
#
# A value a cell rule rejects is no value of its item's type, so its finding shows it masked
# (mask: length and shape, no content) unless it is plain for its item (shown_rejected): text merged
# by a stray quote lands in one item and carries other items' values (氏名, 個人番号) with it, but a
# wrong code of two digits or a date that is no date carries nothing of anyone.


# [0-9], not \d: \d matches full-width digits too.
_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DIGITS = re.compile(r"[0-9]+")
_FLAGS = ("0", "1")


#: What a plain value of a code, integer or flag item looks like: ASCII letters and digits (its
#: length is bounded by the item's, _plain_limit); of a date item: digits in a date's shape.
_PLAIN_CODE = re.compile(r"[0-9A-Za-z]+")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+")
_PLAIN_DATE = re.compile(r"[0-9]{4}[-/.]?[0-9]{1,2}[-/.]?[0-9]{1,2}")
#: A plain value of a short digits item (市区町村コード, 郵便番号, 在留資格等コード): ASCII digits, one hyphen
#: at most (郵便番号 100-0001).
_PLAIN_DIGITS = re.compile(r"[0-9]+(?:-[0-9]+)?")
#: The longest digits item whose plain values are shown: seven digits carry no one's number (住民票コード
#: has 11, 個人番号 12, a birth date 8), so a wrong 市区町村コード or 郵便番号 says nothing of anyone. Ours.
PLAIN_DIGITS_LENGTH = 7

#: The date rules a finding names (the catalog's ``calendar`` of the item: docs/checks.md).
DATE_RULES = {
    "strict": "strict reading: YYYY-MM-DD, a date of the calendar",
    "lenient": "the catalog's lenient reading (calendar: lenient): YYYY-MM-DD with month 01-12 and day 01-31, "
               "a non-calendar date such as 2001-02-30 is valid (住民記録 1.0 1.1.8 R021 keeps such dates)",
}


def _personal(column: Column) -> bool:
    item = column.item
    return item.personal or is_personal_name(item.name) or is_personal_name(column.header)


def plain(column: Column, value: str) -> bool:
    """Whether a value of a non-free-text item is plain for it: the shape of a code, number or
    date and no longer than the item's values (a wrong code ``99``, a date ``2001-13-40``), so it
    cannot carry a name, an address or another item's text."""
    kind = column.item.type
    if kind == "date":
        return _PLAIN_DATE.fullmatch(value) is not None
    if kind == "code":
        limit = max((len(code) for code in column.codes), default=column.item.length or 0)
        return len(value) <= limit and _PLAIN_CODE.fullmatch(value) is not None
    if kind in ("integer", "flag"):
        return len(value) <= (column.item.length or 10) and _PLAIN_NUMBER.fullmatch(value) is not None
    if kind == "string" and column.item.char_class == "digits":
        length = column.item.length or 0
        return (length <= PLAIN_DIGITS_LENGTH and len(value.replace("-", "")) <= PLAIN_DIGITS_LENGTH
                and _PLAIN_DIGITS.fullmatch(value) is not None)
    return False


def shown_rejected(column: Column, value: str) -> str:
    """A value a cell rule rejects, as its finding shows it: as it is when the item is not personal
    and the value is plain for it (:func:`plain`), masked otherwise."""
    return shown(value, _personal(column) or not plain(column, value))


def check_type(column: Column, value: str) -> Problem | None:
    """integer, date and flag values have their type's form (code values: see check_code)."""
    kind = column.item.type
    if kind == "integer" and not _INTEGER.fullmatch(value):
        return Problem("file.type", "not an integer", "integer ([0-9])", shown_rejected(column, value))
    if kind == "flag" and value not in _FLAGS:
        return Problem("file.type", "not a flag", "0 or 1", shown_rejected(column, value))
    if kind == "date" and not is_date(value, column.item.calendar):
        rule = DATE_RULES[column.item.calendar]
        return Problem("file.type", f"not a date by the {rule}", "YYYY-MM-DD", shown_rejected(column, value))
    return None


def is_date(value: str, calendar: str) -> bool:
    """YYYY-MM-DD; strict: a real date; lenient: any month 01-12 and day 01-31 (e.g. 2023-02-29)."""
    match = _DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) for part in match.groups())
    if calendar == "lenient":
        return 1 <= month <= 12 and 1 <= day <= 31
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# Variation selectors (IVS, e.g. 葛 U+845B U+E0100) are part of the character before them.
_VARIATION_SELECTORS = VARIATION_SELECTORS.python()


def char_length(value: str) -> int:
    """Length in characters, an ideographic variation sequence counting as one."""
    return len(value) - len(_VARIATION_SELECTORS.findall(value))


def check_length(column: Column, value: str) -> Problem | None:
    """No longer than the item's length."""
    limit = column.item.length
    length = char_length(value)
    if limit is None or length <= limit:
        return None
    return Problem("file.length", f"{length} characters, longer than {limit}", f"at most {limit} characters",
                   shown_rejected(column, value))


def check_code(column: Column, value: str) -> Problem | None:
    """Code items hold a code of their code table."""
    if column.item.type != "code" or value in column.codes:
        return None
    return Problem("file.code", f"not a code of {column.item.code_table}", messages.listing(sorted(column.codes)),
                   shown_rejected(column, value))


def check_pattern(column: Column, value: str) -> Problem | None:
    """The whole value matches the item's pattern."""
    if column.pattern is None or column.pattern.fullmatch(value):
        return None
    return Problem("file.pattern", "does not match the pattern", column.pattern.pattern,
                   shown_rejected(column, value))


def check_char_class(column: Column, value: str) -> Problem | None:
    """Every character belongs to the item's class; the first one that does not is reported."""
    char_class = column.item.char_class
    if char_class is None:
        return None
    bad = FORBIDDEN[char_class].search(value)
    if bad is None:
        return None
    # Only the code point: the value itself may be personal.
    code = ord(bad.group())
    if is_private_use(code):
        return Problem("file.char_class", f"character {bad.start() + 1} is the private-use code point U+{code:04X}: "
                       f"a vendor 外字, not a 行政事務標準文字 (MJ, or GJ in U+100000..U+10FECB)",
                       f"{char_class} (行政事務標準文字)", f"U+{code:04X}")
    return Problem("file.char_class", f"character {bad.start() + 1} is not allowed in {char_class}",
                   char_class, f"U+{code:04X}")


def _is_valid_lg_code(number: str) -> bool:
    return len(number) == 6 and int(number[5]) == lg_code_check_digit(number[:5])


CHECK_DIGITS: dict[str, Callable[[str], bool]] = {
    "m11w2-7": is_valid_m11w2_7,
    M11W2_7_ZERO: is_valid_m11w2_7_zero,
    "my_number": is_valid_my_number,
    "lg_code": _is_valid_lg_code,
}


def check_check_digit(column: Column, value: str) -> Problem | None:
    """Numbers with a check digit have a valid one (values that are not all digits: char_classes).
    An M11W2-7 number whose serial leaves remainder 1 is judged by the interpretation in force,
    which its finding names."""
    scheme: str | None = column.item.check_digit
    if scheme is None or not _DIGITS.fullmatch(value) or value in column.exempt or CHECK_DIGITS[scheme](value):
        return None
    shown_scheme = "m11w2-7" if scheme == M11W2_7_ZERO else scheme
    message = f"fails the {shown_scheme} check digit"
    if shown_scheme == "m11w2-7" and len(value) >= 2 and m11w2_7_remainder_one(value[:-1]):
        choice = ZERO if scheme == M11W2_7_ZERO else NO_NUMBER
        message += f" (its serial leaves remainder 1; {stated(M11W2_7_REMAINDER_ONE, choice)})"
    return Problem("file.check_digit", message, f"a valid {shown_scheme} number", shown_rejected(column, value))


CELL_RULES: dict[str, Callable[[Column, str], Problem | None]] = {
    "types": check_type,
    "lengths": check_length,
    "codes": check_code,
    "patterns": check_pattern,
    "char_classes": check_char_class,
    "check_digits": check_check_digit,
}


#: Character classes narrow enough to be a type: a value of one of them cannot hold a name or an
#: address of another item. "text" and "koseki_text" admit almost anything.
_TYPED_CHAR_CLASSES = ("digits", "katakana", "alphabet")


def is_typed(item: DataItem) -> bool:
    """Whether the catalog gives ``item`` a type narrower than free text (a number, date, flag or
    code, a pattern, a check digit or a narrow character class): only then can a value be shown
    as a valid value of it."""
    return (item.type != "string" or item.pattern is not None or item.check_digit is not None
            or item.char_class in _TYPED_CHAR_CLASSES)


def conforms(column: Column, value: str) -> bool:
    """Whether ``value`` is a valid value of the column's item: typed, and passing every cell rule
    of the item (type, length, code, pattern, characters, check digit)."""
    return is_typed(column.item) and all(CELL_RULES[family](column, value) is None for family in column.families)


def shown_for(value: str, column: Column) -> str:
    """How a value of ``column`` appears in a finding: raw (cut to 80 characters) only when the
    item is not personal (by flag or by name) and the value is a valid value of its type or plain
    for it (:func:`plain`); masked otherwise, so neither a personal value nor merged text of other
    items reaches a report."""
    rejected = value != "" and not conforms(column, value) and not plain(column, value)
    return shown(value, _personal(column) or rejected)


# ---------------------------------------------------------------------------------------------
# Row families: (layout, columns, row) -> (column, Problem) pairs


RowRule = Callable[[LayoutSpec, Sequence[Column], Row], Iterator[tuple[Column, Problem]]]


def check_required(spec: LayoutSpec, columns: Sequence[Column], row: Row) -> Iterator[tuple[Column, Problem]]:
    """Required items, and items whose condition holds, are filled (conditions on 第30条45規定区分:
    check_category_items)."""
    for column in columns:
        if row.values[column.header] == "" and _required_here(column.item, row):
            yield column, _missing(column.item)


def _required_here(item: DataItem, row: Row) -> bool:
    condition = item.required_when
    if item.required or condition is None:
        return item.required
    return condition.item != CATEGORY and row.values.get(condition.item, "") in condition.values


def _missing(item: DataItem) -> Problem:
    condition = item.required_when
    when = "" if item.required or condition is None else f" when {condition.item} is {'/'.join(condition.values)}"
    return Problem("file.required", f"empty, but required{when}", "a value", "")


def check_category_items(
    spec: LayoutSpec, columns: Sequence[Column], row: Row
) -> Iterator[tuple[Column, Problem]]:
    """Items of one resident kind are empty for the other; a foreign resident's 第30条45規定区分
    decides which category items must be filled and which must be empty."""
    kind = spec.resident_kinds.get(row.values.get(RESIDENT_TYPE, ""))
    if kind is None:
        return  # no or unknown 住民種別: the required and codes families report that
    for column in columns:
        if not kind_bound(column.item):
            continue
        problem = _kind_problem(column, row, kind) or _category_problem(spec, column, row, kind)
        if problem is not None:
            yield column, problem


def _kind_problem(column: Column, row: Row, kind: AppliesTo) -> Problem | None:
    applies_to, value = column.item.applies_to, row.values[column.header]
    if applies_to in (AppliesTo.ALL, kind) or value == "":
        return None
    return Problem("file.category_item_unexpected", f"only for {applies_to.value} residents",
                   "empty", shown_for(value, column))


def _category_problem(spec: LayoutSpec, column: Column, row: Row, kind: AppliesTo) -> Problem | None:
    condition, value = column.item.required_when, row.values[column.header]
    if kind is not AppliesTo.FOREIGN or condition is None or condition.item != CATEGORY:
        return None
    category = row.values.get(CATEGORY, "")
    if category not in spec.item_codes(CATEGORY):
        return None  # unknown category: the required and codes families report it
    if category in condition.values:
        return _missing(column.item) if value == "" else None
    if value == "":
        return None
    return Problem("file.category_item_unexpected", f"not an item of {CATEGORY} {category}",
                   "empty", shown_for(value, column))


ROW_RULES: dict[str, RowRule] = {
    "required": check_required,
    "category_items": check_category_items,
}
