"""The compiled masks agree with the row path's rule functions, value by value."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pytest

from conformance import load_edition
from conformance.catalog.layouts import CHAR_CLASSES, FORBIDDEN, GJ_CODE_POINTS, Column, LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks import files
from conformance.columnar.compile import NFIELDS, RECORD, Rule, compile_rules, value_name
from conformance.columnar.lines import refine

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
LAYOUT = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
SPEC = LayoutSpec.of(EDITION, LAYOUT)
HEADERS = [c.header for c in LAYOUT.columns]
COLUMNS = SPEC.columns(HEADERS)
RULES = compile_rules(SPEC, COLUMNS, len(HEADERS))

_INVISIBLE = "\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff"
#: The row path's classes as they were written before they became code point ranges.
_OLD = {
    "digits": "[^0-9]",
    "katakana": "[^\u30a1-\u30f6\u30fc\u3000]",
    "alphabet": "[^A-Z ,.\\-']",
    # ... and, since issue 15, private use (vendor 外字) except GJ: see test_private_use_outside_gj.
    # ... and, since issue 17, bidi controls, zero-width characters and BMP noncharacters (_INVISIBLE).
    "text": "[\x00-\x1f\x7f-\x9f\uff61-\uff9f\ue000-\uf8ff" + _INVISIBLE + "]",
    "koseki_text": "[\x00-\x1f\x7f-\x9f\uff61-\uff9fA-Za-z\uff21-\uff3a\uff41-\uff5a!-/:-@\\[-`{-~\ue000-\uf8ff"
                   + _INVISIBLE + "]",
}
ALL_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize("name", sorted(CHAR_CLASSES))
def test_char_classes_are_what_they_were_and_rust_agrees(name: str) -> None:
    old = re.compile(_OLD[name])
    chars = ALL_BMP + "\U000e0100\U0001f600"
    python = [FORBIDDEN[name].search(c) is not None for c in chars]
    assert python == [old.search(c) is not None for c in chars]
    rust = pl.Series(list(chars)).str.contains(CHAR_CLASSES[name].rust()).to_list()
    assert rust == python


@pytest.mark.parametrize("name", ["text", "koseki_text"])
def test_private_use_outside_gj(name: str) -> None:
    gj = sorted(GJ_CODE_POINTS)
    chars = [chr(c) for c in (0xF0000, 0xFFFFD, *gj[:50], *gj[-50:], *(c + 1 for c in gj[::97]), 0x10FFFD)]
    python = [FORBIDDEN[name].search(c) is not None for c in chars]
    assert python == [ord(c) not in GJ_CODE_POINTS for c in chars]
    assert pl.Series(chars).str.contains(CHAR_CLASSES[name].rust()).to_list() == python


def judge(rows: Sequence[dict[str, str]], rules: Sequence[Rule] = RULES) -> pl.DataFrame:
    """The masks of ``rules`` (all of them by default) over ``rows`` (header -> value), refined as the
    engine refines its batches."""
    data: dict[str, list[object]] = {value_name(i): [r.get(h, "") for r in rows] for i, h in enumerate(HEADERS)}
    data[RECORD] = [True] * len(rows)
    data[NFIELDS] = [len(HEADERS)] * len(rows)
    frame = pl.DataFrame(data).with_columns(rule.expr.alias(rule.name) for rule in rules)
    return refine(frame, rules)


def cell_agreement(column: Column, values: Sequence[str]) -> None:
    # A cell rule reads its own column's value only: the column's rules alone give the same masks as
    # the whole set (which would evaluate every column's rules for each column in turn).
    rules = [rule for rule in RULES if rule.column is column and rule.family in files.CELL_FAMILIES]
    frame = judge([{column.header: v} for v in values], rules)
    for rule in rules:
        masks = frame[rule.name].fill_null(False).to_list()
        python = [bool(v) and files.CELL_RULES[rule.family](column, v) is not None for v in values]
        wrong = [(v, m) for v, m, p in zip(values, masks, python, strict=True) if m != p]
        assert not wrong, f"{rule.family} {column.header}: {wrong[:5]}"


def _digits(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(length))


def test_number_columns(tmp_path: Path) -> None:
    rng = random.Random(5)
    values = ["", "0", "+1234567890", "-123", "１２３", "12 3", "0000000000", "00000000019", "9" * 25, "1" * 19]
    values += [_digits(rng, rng.choice((1, 2, 5, 6, 9, 10, 11, 12, 13, 18, 19, 20, 21))) for _ in range(3000)]
    for column in COLUMNS:
        if column.item.check_digit or column.item.char_class == "digits":
            cell_agreement(column, values)


def test_date_columns() -> None:
    rng = random.Random(7)
    values = ["", "2023-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "0001-01-01", "2023-13-01",
              "2023-00-10", "2023-1-01", "２０２３-01-01", "2023-04-31", "2023-04-30", "9999-12-31", "2023-01-01 "]
    values += [f"{rng.randint(0, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}" for _ in range(4000)]
    for column in COLUMNS:
        if column.item.type in ("date", "integer", "flag", "code"):
            cell_agreement(column, [*values, "1", "0", "2", "-5", "1a", "A1", "Z9"])


def test_text_columns() -> None:
    rng = random.Random(9)
    alphabet = "山田太郎ヤマダタロウｱｲA-Za z,.'\t\u3000葛\U000e0100\ufe00ー・①～〜"
    alphabet += "".join(map(chr, range(0x20, 0x7F)))
    values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(3000)]
    values += ["葛\U000e0100" * 50, "葛\U000e0100" * 51, "AB12345678CD", "ab12345678cd"]
    for column in COLUMNS:
        cell_agreement(column, values)


def test_row_families() -> None:
    rng = random.Random(11)
    kinds = ["", "1", "2", "3"]
    categories = ["", "1", "2", "3", "4", "5", "6", "7"]
    rows = []
    for _ in range(3000):
        row = {h: rng.choice(["", "x"]) for h in HEADERS}
        row["住民種別"] = rng.choice(kinds)
        row["第30条45規定区分"] = rng.choice(categories)
        rows.append(row)
    frame = judge(rows)
    for index, row in enumerate(rows):
        record = files.Row(index + 2, {c.header: row.get(c.header, "") for c in COLUMNS})
        for family in files.ROW_FAMILIES:
            python = [c.header for c, _ in files.ROW_RULES[family](SPEC, COLUMNS, record)]
            masks = [r.column.header for r in RULES if r.family == family and r.column and frame[r.name][index]]
            assert masks == python, (family, row)
