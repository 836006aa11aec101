"""How a legacy system's values read in the new system's: the transformations a vendor profile
declares for ``conformance reconcile`` (``targets.exports.reconcile``, per layout).

Before two records are compared, each item's values go through the transformations declared for
it, in this order (docs/profiles.md):

1. ``codes``, ``{item: {old value: new value}}``: OLD's value, as the file writes it, replaced by
   the new system's code; a value the mapping does not name stays as written (our reading: the
   mapping lists what changed, not every code). NEW's values are not mapped.
2. ``width`` (a list of items, or ``all``), both sides: full-width ASCII (U+FF01-U+FF5E) read as
   ASCII, the ideographic space U+3000 as a space, and half-width katakana and their punctuation
   (U+FF61-U+FF9F) as full-width katakana, a half-width voiced mark joined to its kana (ｶﾞ is ガ,
   ｳﾞ is ヴ, ﾊﾟ is パ). Nothing else: this is not NFKC (no ligatures, no ￥, no circled digits).
3. ``wareki`` (a list of date items), both sides: a 和暦 date read as the catalog's ``YYYY-MM-DD``.
   Read: an era (明治 大正 昭和 平成 令和, its first character 明 大 昭 平 令, or its letter M T S
   H R), a year (元 or 1-2 digits), then ``年M月D日`` or ``.M.D`` (also ``/`` or ``-``), digits
   half or full width: 令和5年4月1日, R05.04.01, H31.4.30, 平成元年1月8日. The year is the era's
   first year plus the era year less one; the month and day are taken as written (no lunisolar
   conversion before 明治6年: every system we know of stores them so). A date must lie in its era:
   明治 from 1868-01-01 (the era law's 明治元年1月1日, applied from the start of that year; the
   proclamation was 1868-10-23), 大正 from 1912-07-30, 昭和 from 1926-12-25, 平成 from 1989-01-08,
   令和 from 2019-05-01; 明治45年7月30日 and 大正15年12月25日 are read too (住民記録 1.0 j80 names them).
   As in ``conformance.oracles.wareki``, 2月29日 is read in any year (the catalog's dates are
   lenient), 2月30日 is not. An empty value and a ``YYYY-MM-DD`` value are already in the new form.
   Anything else cannot be read: it is compared as written and, when it differs, the エラーリスト
   says which side's value the transformation could not read.

Item names are catalog headers or data item ids of the layout, checked when reconcile starts
(a ProfileError names the profile field, the value and what was expected). Everything here that
the specification does not state (which values are read, the order, the era boundaries) is our
interpretation of "the transformations a profile declares" (issue 15, item 6).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from conformance.catalog.models import RULE_ERROR, LaxSeq
from conformance.errors import ProfileError

if TYPE_CHECKING:
    import polars as pl

    from conformance.catalog.layouts import LayoutSpec

_Item = Annotated[str, Field(min_length=1)]


class Transformations(BaseModel):
    """The transformations of one layout (``targets.exports.reconcile.<layout id>``)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    codes: dict[str, dict[str, str]] = Field(
        default_factory=dict, strict=False,
        description="Item -> {OLD's value: the new system's value}; values are text (quote 01 as '01').")
    wareki: Annotated[tuple[_Item, ...], LaxSeq] = Field(
        default=(),
        description="Date items either side may write in 和暦 (令和5年4月1日, R05.04.01), read as YYYY-MM-DD.")
    width: Literal["all"] | Annotated[tuple[_Item, ...], LaxSeq] = Field(
        default=(),
        description="Items (or all) whose full-width ASCII and half-width katakana are folded on both sides.")

    @field_validator("codes", mode="before")
    @classmethod
    def _text_codes(cls, value: Any) -> Any:
        """A YAML number as a code would lose its zeros (01 is 1): every code must be quoted text."""
        if not isinstance(value, Mapping):
            return value
        for item, mapping in value.items():
            if not isinstance(mapping, Mapping) or not mapping:
                raise _rule(f"{item}: expected a mapping {{old value: new value}} with at least one entry, "
                            f"got {mapping!r}")
            for old, new in mapping.items():
                for side, code in (("old", old), ("new", new)):
                    if not isinstance(code, str):
                        raise _rule(f"{item}: the {side} value {code!r} is a YAML {type(code).__name__}; expected "
                                    f"text: write it quoted, e.g. '{code}'")
        return value

    @field_validator("width", mode="before")
    @classmethod
    def _all_or_items(cls, value: Any) -> Any:
        """One error in words for what the union of ``all`` and a list would report twice."""
        if value == "all":
            return value
        if not isinstance(value, list | tuple):
            raise _rule(f"expected all or a list of items, got {value!r}")
        if not all(isinstance(item, str) and item for item in value):
            raise _rule(f"expected all or a list of items (names, not empty), got {list(value)!r}")
        return tuple(value)

    @field_validator("wareki", "width")
    @classmethod
    def _once(cls, value: Any) -> Any:
        if isinstance(value, tuple):
            repeated = sorted({item for item in value if value.count(item) > 1})
            if repeated:
                raise _rule(f"{', '.join(repeated)} listed twice")
        return value


def _rule(detail: str) -> PydanticCustomError:
    return PydanticCustomError(RULE_ERROR, "{detail}", {"detail": detail})


# ---------------------------------------------------------------------------------------------
# Resolved against a layout


@dataclass(frozen=True)
class Resolved:
    """The transformations by catalog header."""

    codes: Mapping[str, Mapping[str, str]]
    wareki: frozenset[str]
    width: frozenset[str]

    def touches(self, header: str) -> bool:
        return header in self.codes or header in self.wareki or header in self.width

    def __bool__(self) -> bool:
        return bool(self.codes or self.wareki or self.width)


NONE = Resolved({}, frozenset(), frozenset())


def resolve(declared: Transformations | None, spec: LayoutSpec, origin: str | None = "profile") -> Resolved:
    """``declared`` by catalog header; a ProfileError (naming ``origin``, the profile's file; opening
    with the field when None, for the caller to locate) names an item that is no column of the layout,
    and a ``wareki`` item that is no date."""
    from conformance import messages

    if declared is None:
        return NONE
    layout = spec.layout
    by_name = {c.header: c.header for c in layout.columns} | {c.data_item: c.header for c in layout.columns}
    field = f"{origin + ': ' if origin else ''}targets.exports.reconcile.{layout.id}"

    def header(part: str, name: str) -> str:
        found = by_name.get(name)
        if found is None:
            hint = messages.did_you_mean(name, list(by_name))
            raise ProfileError(f"{field}.{part}: {name!r} is no column of {layout.id} (expected a header or a data "
                               f"item id of the layout){hint}")
        return found

    codes = {header("codes", name): dict(mapping) for name, mapping in declared.codes.items()}
    wareki = {header("wareki", name) for name in declared.wareki}
    for name in sorted(wareki):
        if spec.items[name].type != "date":
            raise ProfileError(f"{field}.wareki: {name!r} is a {spec.items[name].type} item of {layout.id}; expected "
                               "a date item (wareki reads 和暦 dates)")
    width = ({c.header for c in layout.columns} if declared.width == "all"
             else {header("width", name) for name in declared.width})
    return Resolved(codes, frozenset(wareki), frozenset(width))


# ---------------------------------------------------------------------------------------------
# As polars expressions


def normalised(value: pl.Expr, header: str, transforms: Resolved, old: bool) -> pl.Expr:
    """``value`` (a column of ``header``) after the transformations declared for it, on the OLD
    side (``old``) or the NEW side; a value wareki cannot read stays as it was before that step."""
    value = _before_wareki(value, header, transforms, old)
    if header in transforms.wareki:
        value = as_seireki(value).fill_null(value)
    return value


def unreadable(value: pl.Expr, header: str, transforms: Resolved, old: bool) -> pl.Expr | None:
    """Whether the wareki transformation cannot read ``value``; None when none is declared."""
    if header not in transforms.wareki:
        return None
    before = _before_wareki(value, header, transforms, old)
    return as_seireki(before).is_null() & before.is_not_null()


def _before_wareki(value: pl.Expr, header: str, transforms: Resolved, old: bool) -> pl.Expr:
    if old and header in transforms.codes:
        mapping = transforms.codes[header]
        value = value.replace(list(mapping), list(mapping.values()))
    if header in transforms.width:
        value = folded(value)
    return value


def folded(value: pl.Expr) -> pl.Expr:
    """Width folded (module docstring): voiced pairs first, so that ｶﾞ becomes ガ, not カ゛."""
    pairs, singles = width_table()
    return value.str.replace_many(pairs, leftmost=True).str.replace_many(singles)


@lru_cache(maxsize=1)
def width_table() -> tuple[dict[str, str], dict[str, str]]:
    """(half-width kana with a voiced mark -> one full-width kana, single characters -> folded)."""
    singles = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    singles["\u3000"] = " "
    kana = [chr(code) for code in range(0xFF61, 0xFFA0)]
    singles |= {k: unicodedata.normalize("NFKC", k) for k in kana}
    pairs = {}
    for base in kana:
        for mark in ("\uff9e", "\uff9f"):
            joined = unicodedata.normalize("NFKC", base + mark)
            if len(joined) == 1:
                pairs[base + mark] = joined
    return pairs, singles


#: Eras, oldest first: the names a legacy file may write, and the first day (module docstring).
ERAS: tuple[tuple[tuple[str, ...], tuple[int, int, int]], ...] = (
    (("明治", "明", "M"), (1868, 1, 1)),
    (("大正", "大", "T"), (1912, 7, 30)),
    (("昭和", "昭", "S"), (1926, 12, 25)),
    (("平成", "平", "H"), (1989, 1, 8)),
    (("令和", "令", "R"), (2019, 5, 1)),
)
#: The last day of an era that j80 accepts under its name although the next era began on it.
_LATE_DAYS = {"明治": (45, 7, 30), "大正": (15, 12, 25)}
_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SEP = "[./-]"
_ERA_NAMES = "|".join(name for names, _ in ERAS for name in sorted(names, key=len, reverse=True))
WAREKI = (rf"^\s*({_ERA_NAMES})\s*(元|[0-9]{{1,2}})(?:年([0-9]{{1,2}})月([0-9]{{1,2}})日|{_SEP}([0-9]{{1,2}})"
          rf"{_SEP}([0-9]{{1,2}}))\s*$")
_DIGITS = {chr(0xFF10 + d): str(d) for d in range(10)} | {chr(0xFF21 + ord(c) - 65): c for c in "MTSHR"} | {
    "．": ".", "／": "/", "－": "-"}


def as_seireki(value: pl.Expr) -> pl.Expr:
    """A 和暦 date as ``YYYY-MM-DD``; '' and ``YYYY-MM-DD`` as they are; null when it cannot be read."""
    import polars as pl

    text = value.str.replace_many(_DIGITS)
    parts = text.str.extract_groups(WAREKI)
    era, shown = parts.struct.field("1"), parts.struct.field("2")
    number = pl.when(shown == "元").then(1).otherwise(shown.cast(pl.Int32, strict=False))
    month = pl.coalesce(parts.struct.field("3"), parts.struct.field("5")).cast(pl.Int32)
    day = pl.coalesce(parts.struct.field("4"), parts.struct.field("6")).cast(pl.Int32)
    start_year = era.replace_strict(_era_values(0), default=None, return_dtype=pl.Int32)
    year = start_year + number - 1
    iso = pl.format("{}-{}-{}", year.cast(pl.String).str.zfill(4), month.cast(pl.String).str.zfill(2),
                    day.cast(pl.String).str.zfill(2))
    readable = (number >= 1) & month.is_between(1, 12) & (day >= 1) & (day <= _max_day(month)) & _in_era(
        era, number, month, day, year)
    already = (value == "") | value.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    return pl.when(already).then(value).when(readable.fill_null(False)).then(iso).otherwise(None)


def _era_values(which: int) -> dict[str, Any]:
    """Era name -> its first year (0), its first day as YYYYMMDD (1), the next era's (2; None for 令和),
    the j80 late day as (year, month, day) numbers YYMMDD (3)."""
    table: dict[str, Any] = {}
    for index, (names, start) in enumerate(ERAS):
        following = ERAS[index + 1][1] if index + 1 < len(ERAS) else None
        late = _LATE_DAYS.get(names[0])
        values = (start[0], _ordinal(start), _ordinal(following) if following else None,
                  late[0] * 10_000 + late[1] * 100 + late[2] if late else None)
        table |= dict.fromkeys(names, values[which])
    return table


def _ordinal(day: tuple[int, int, int]) -> int:
    return day[0] * 10_000 + day[1] * 100 + day[2]


def _max_day(month: pl.Expr) -> pl.Expr:
    import polars as pl

    return month.replace_strict(list(range(1, 13)), list(_MAX_DAY), default=0, return_dtype=pl.Int32)


def _in_era(era: pl.Expr, number: pl.Expr, month: pl.Expr, day: pl.Expr, year: pl.Expr) -> pl.Expr:
    import polars as pl

    ordinal = year * 10_000 + month * 100 + day
    first = era.replace_strict(_era_values(1), default=None, return_dtype=pl.Int32)
    following = era.replace_strict(_era_values(2), default=None, return_dtype=pl.Int32)
    late = era.replace_strict(_era_values(3), default=None, return_dtype=pl.Int32)
    before_next = following.is_null() | (ordinal < following) | (number * 10_000 + month * 100 + day == late)
    return (ordinal >= first) & before_next.fill_null(False)


def unreadable_reason(side: str, header: str) -> str:
    """The エラーリスト's reason for a value the wareki transformation could not read."""
    return (f"{side}'s {header} is no date the wareki transformation reads (和暦 as 令和5年4月1日 or R05.04.01, "
            "in its era, or YYYY-MM-DD): compared as written")
