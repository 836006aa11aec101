"""A catalog file layout resolved for validation, shared by the row path and the columnar engine.

Both engines judge the same rules; what a rule *is* lives here once: the rule families, the
columns of a layout with their data items and code sets, and the character classes (as code point
ranges, so the Python ``re`` and the Rust regex used by polars are built from one definition).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

from conformance import messages
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.check_params import (  # the rule families: what a file.layout check can name
    CELL_FAMILIES,
)
from conformance.catalog.models import AppliesTo, DataItem, FileInterface
from conformance.errors import ProfileError, SpecError

#: Items the row-level families are about (DOMAIN.md names; the catalog carries their codes).
RESIDENT_TYPE = "住民種別"
CATEGORY = "第30条45規定区分"
#: 住民種別 labels as the spec writes them (j10/j20): the codes are ours, the labels are the spec's.
RESIDENT_KIND_LABELS = {"日本人住民": AppliesTo.JAPANESE, "外国人住民": AppliesTo.FOREIGN}


# ---------------------------------------------------------------------------------------------
# Character classes


@dataclass(frozen=True)
class CharClass:
    """A character class as code point ranges: ``allowed`` ranges (anything else is forbidden), or
    ``forbidden`` ranges (anything else is allowed)."""

    name: str
    ranges: tuple[tuple[int, int], ...]
    allowed: bool

    def _set(self, escape: str) -> str:
        def one(code: int) -> str:
            return escape.format(code)

        body = "".join(one(lo) if lo == hi else f"{one(lo)}-{one(hi)}" for lo, hi in self.ranges)
        return f"[^{body}]" if self.allowed else f"[{body}]"

    def python(self) -> CharSearch:
        """A Python search (``search``, ``findall``) that finds the forbidden characters."""
        return CharSearch.of(self)

    def rust(self) -> str:
        """The same set for the Rust regex engine of polars (``\\x{...}`` escapes)."""
        return self._rust

    @cached_property
    def _rust(self) -> str:
        # Made once per class: the text classes' 6,000 private-use ranges took 80 ms to write out, every time
        # a file's masks were compiled (issue 51).
        return self._set("\\x{{{0:x}}}")


#: Ranges closer than this are screened as one (``CharSearch``): the code points between them are
#: checked one by one against a set.
_SCREEN_GAP = 64


@dataclass(frozen=True)
class CharSearch:
    """A class's characters found by Python's ``re``, fast for any number of ranges.

    ``re`` tests a character against a class's ranges one after the other: the text classes forbid
    the private-use plane 16 except its thousands of GJ code points, some 6,000 ranges, which made
    a search of a 50-character name take 2 ms. The screen is the class with near ranges merged (a
    handful of ranges); a character it matches that lies in a merged gap is looked up in ``gaps``
    and skipped."""

    screen: re.Pattern[str]
    gaps: frozenset[int]

    @classmethod
    def of(cls, char_class: CharClass) -> CharSearch:
        if char_class.allowed:  # a few allowed ranges (digits, katakana ...): the class as it is
            return cls(re.compile(char_class._set("\\U{0:08x}")), frozenset())
        merged: list[tuple[int, int]] = []
        gaps: set[int] = set()
        for lo, hi in sorted(char_class.ranges):
            if merged and lo - merged[-1][1] <= _SCREEN_GAP:
                gaps.update(range(merged[-1][1] + 1, lo))
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        screen = CharClass(char_class.name, tuple(merged), allowed=False)
        return cls(re.compile(screen._set("\\U{0:08x}")), frozenset(gaps))

    def search(self, value: str) -> re.Match[str] | None:
        """The first forbidden character of ``value``."""
        return next(self._matches(value), None)

    def findall(self, value: str) -> list[str]:
        """Every forbidden character of ``value``."""
        return [match.group() for match in self._matches(value)]

    def _matches(self, value: str) -> Iterator[re.Match[str]]:
        if not self.gaps:
            yield from self.screen.finditer(value)
            return
        for match in self.screen.finditer(value):
            if ord(match.group()) not in self.gaps:
                yield match


_CONTROL = ((0x00, 0x1F), (0x7F, 0x9F))  # Unicode category Cc
_HALFWIDTH_KATAKANA = ((0xFF61, 0xFF9F),)
_LATIN = ((0x41, 0x5A), (0x61, 0x7A), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # ASCII and full-width letters
_ASCII_SYMBOLS = ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E))
# Invisible in a report, yet they change what a value says or how it shows: bidi embeddings and
# overrides (U+202A-202E) and isolates (U+2066-2069), zero-width space/joiners (U+200B-200D), word
# joiner (U+2060), ZWNBSP/BOM inside a value (U+FEFF), and the noncharacters of the BMP.
_INVISIBLE = ((0x200B, 0x200D), (0x202A, 0x202E), (0x2060, 0x2060), (0x2066, 0x2069), (0xFEFF, 0xFEFF),
              (0xFDD0, 0xFDEF), (0xFFFE, 0xFFFF))

def _gj_code_points() -> list[int]:
    """The GJ characters of 行政事務標準文字 (plane 16 private use; data/gj_characters.tsv, MIT)."""
    text = resources.files("conformance.catalog").joinpath("data/gj_characters.tsv").read_text("utf-8")
    return sorted(int(line.split("\t")[1].removeprefix("U+"), 16) for line in text.splitlines()[1:] if line)


def _outside(lo: int, hi: int, allowed: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """The ranges of [lo, hi] without the sorted code points ``allowed``."""
    ranges, start = [], lo
    for code in allowed:
        if code > start:
            ranges.append((start, code - 1))
        start = code + 1
    if start <= hi:
        ranges.append((start, hi))
    return tuple(ranges)


#: GJ: the private-use code points 行政事務標準文字 gives a meaning (MJ+).
GJ_CODE_POINTS: frozenset[int] = frozenset(_gj_code_points())
#: Private-use code points that are no 行政事務標準文字: vendor 外字 (the BMP area, where CP932's
#: user-defined characters decode, plane 15, and plane 16 outside GJ). Noncharacters are left to
#: the codecs.
VENDOR_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), *_outside(0x100000, 0x10FFFD, sorted(GJ_CODE_POINTS)))


def is_private_use(code: int) -> bool:
    """Whether ``code`` is a private-use code point (GJ or not)."""
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFD

CHAR_CLASSES: dict[str, CharClass] = {
    "digits": CharClass("digits", ((0x30, 0x39),), allowed=True),
    # U+30A1..U+30F6 includes ヴ (U+30F4); ー is U+30FC; U+3000 separates family and given names.
    "katakana": CharClass("katakana", ((0x30A1, 0x30F6), (0x30FC, 0x30FC), (0x3000, 0x3000)), allowed=True),
    "alphabet": CharClass(
        "alphabet", ((0x41, 0x5A), (0x20, 0x20), (0x2C, 0x2C), (0x2E, 0x2E), (0x2D, 0x2D), (0x27, 0x27)), allowed=True
    ),
    # 行政事務標準文字 (MJ + GJ): private use only for GJ; other private-use code points are vendor 外字.
    "text": CharClass("text", (*_CONTROL, *_INVISIBLE, *_HALFWIDTH_KATAKANA, *VENDOR_PRIVATE_USE), allowed=False),
    # DOMAIN.md: a 通称 uses only characters allowed in 戸籍 (no Latin letters, no symbols).
    "koseki_text": CharClass(
        "koseki_text", (*_CONTROL, *_INVISIBLE, *_HALFWIDTH_KATAKANA, *_LATIN, *_ASCII_SYMBOLS, *VENDOR_PRIVATE_USE),
        allowed=False,
    ),
}

#: Each class as the characters it forbids: one regex search finds the first offending character.
FORBIDDEN: dict[str, CharSearch] = {name: c.python() for name, c in CHAR_CLASSES.items()}

# Variation selectors (IVS, e.g. 葛 U+845B U+E0100) are part of the character before them.
VARIATION_SELECTORS = CharClass("variation_selectors", ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF)), allowed=False)


# ---------------------------------------------------------------------------------------------
# The layout, resolved against the catalog


@dataclass(frozen=True, slots=True)
class Column:
    """A layout column as found in the file: ``index`` is its 0-based position (None: absent)."""

    header: str
    item: DataItem
    layout_position: int
    index: int | None
    codes: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    #: The cell families that can find anything in this column (the others are not called).
    families: tuple[str, ...] = ()
    #: The header as the file writes it (a vendor's own name, mapped by its profile); '' when it is
    #: the catalog's header or the file lacks the column.
    title: str = ""
    #: Values its check digit does not judge: the test municipalities a profile declares (a test
    #: environment's own 市区町村コード, with or without a valid check digit).
    exempt: frozenset[str] = frozenset()
    #: (value as the file writes it, the value the rules read): the codes a profile maps before the
    #: rules (``conformance validate --map-codes``: ``targets.exports.reconcile.<layout>.codes``).
    recode: tuple[tuple[str, str], ...] = ()
    _recoded: Mapping[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_recoded", dict(self.recode))  # looked up once per cell on the row path

    def read(self, value: str) -> str:
        """``value`` as the rules read it: its mapped code when the profile maps it, else as written."""
        return self._recoded.get(value, value) if self.recode else value

    @property
    def shown(self) -> str:
        """The name findings give the column: the vendor's header when it has its own."""
        return self.title or self.header


#: What an extra column (a header the layout does not have) is: reported, or allowed.
EXTRA_COLUMNS = ("report", "allow")
#: Whether the mapped columns must stand in the layout's order (``layout``) or in any (``any``).
COLUMN_ORDERS = ("layout", "any")


@dataclass(frozen=True)
class ColumnMap:
    """A vendor's own names for a layout's columns (profile ``targets.exports.columns``), and what
    its extra columns are (``extra_columns``)."""

    renames: Mapping[str, str] = field(default_factory=dict)
    extra: str = "report"
    #: Optional columns the vendor's system does not have (``absent_columns``): not reported missing.
    absent: frozenset[str] = frozenset()
    #: Whether the header must follow the layout's order after mapping (``column_order``).
    order: str = "layout"

    def catalog_header(self, title: str) -> str:
        """The catalog header a file's header ``title`` stands for."""
        return self.renames.get(title, title)

    def vendor_title(self, header: str) -> str:
        """The vendor's header of a catalog header ('' when it has none of its own)."""
        return next((title for title, target in self.renames.items() if target == header), "")


@dataclass(frozen=True)
class LayoutSpec:
    """A file layout with its data items, code sets and 住民種別 kinds looked up once."""

    layout: FileInterface
    items: Mapping[str, DataItem]
    codes: Mapping[str, frozenset[str]]
    resident_kinds: Mapping[str, AppliesTo]
    mapping: ColumnMap = ColumnMap()
    #: 市区町村コード of the vendor's test environment that the official list does not hold (profile
    #: ``targets.exports.test_municipalities``): the ``municipalities`` family knows them too.
    test_municipalities: frozenset[str] = frozenset()
    #: Catalog header -> {value as written: the value the rules read} (Column.recode).
    recodes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def recoded(self) -> bool:
        """Whether a value of the file is mapped before the rules: the compiled screen and digest, which
        judge the bytes as written, then step aside for the passes that read the mapped values."""
        return any(self.recodes.values())

    @classmethod
    def of(cls, catalog: EditionCatalog, layout: FileInterface, mapping: ColumnMap | None = None) -> LayoutSpec:
        by_id = {item.id: item for item in catalog.data_items}
        missing = [c.data_item for c in layout.columns if c.data_item not in by_id]
        if missing:
            raise SpecError([f"layout {layout.id}: unknown data item(s): {messages.listing(missing)}"])
        items = {c.header: by_id[c.data_item] for c in layout.columns}
        codes = {t.id: frozenset(code.code for code in t.codes) for t in catalog.code_tables}
        resolved = resolve_mapping(layout, mapping, by_id) if mapping is not None else ColumnMap()
        return cls(layout, items, codes, _resident_kinds(items, catalog), resolved)

    def item_codes(self, header: str) -> frozenset[str]:
        """The codes the item of column ``header`` may hold (none for items without a code table)."""
        item = self.items.get(header)
        if item is None or item.code_table is None:
            return frozenset()
        return self.codes.get(item.code_table, frozenset())

    def columns(self, header: Sequence[str]) -> tuple[Column, ...]:
        """Every layout column, with its position in ``header`` (first occurrence) or None."""
        positions: dict[str, int] = {}
        for index, title in enumerate(header):
            positions.setdefault(self.mapping.catalog_header(title), index)
        return tuple(
            self._column(c.header, position, positions.get(c.header), header)
            for position, c in enumerate(self.layout.columns, start=1)
        )

    def _column(self, header: str, layout_position: int, index: int | None, titles: Sequence[str]) -> Column:
        item = self.items[header]
        if item.code_table is not None and item.code_table not in self.codes:
            raise SpecError([f"data item {item.id}: unknown code table {item.code_table!r}"])
        codes = self.codes[item.code_table] if item.code_table is not None else frozenset()
        pattern = re.compile(item.pattern) if item.pattern is not None else None
        title = titles[index] if index is not None and index < len(titles) and titles[index] != header else ""
        exempt = self.test_municipalities if item.check_digit == "lg_code" else frozenset()
        recode = tuple(sorted(self.recodes.get(header, {}).items()))
        return Column(header, item, layout_position, index, codes, pattern, cell_families(item), title, exempt,
                      recode)


def item_column(catalog: EditionCatalog, name: str) -> Column | None:
    """The catalog's data item called ``name`` as a column of no file (an API property, a value a
    scenario compares), so its values are judged and shown as a file's are; None when no item is
    called so."""
    item = next((i for i in catalog.data_items if i.name == name), None)
    if item is None:
        return None
    table = next((t for t in catalog.code_tables if t.id == item.code_table), None)
    codes = frozenset(code.code for code in table.codes) if table is not None else frozenset()
    pattern = re.compile(item.pattern) if item.pattern is not None else None
    return Column(name, item, 0, None, codes, pattern, cell_families(item))


def resolve_mapping(layout: FileInterface, mapping: ColumnMap,
                    items: Mapping[str, DataItem] | None = None) -> ColumnMap:
    """``mapping`` with every target a header of ``layout`` (a data item id is taken for its
    header); a ProfileError names a target that is neither, with a did-you-mean."""
    headers = {c.header: c.header for c in layout.columns}
    by_item = {c.data_item: c.header for c in layout.columns}
    renames: dict[str, str] = {}
    for title, target in mapping.renames.items():
        header = headers.get(target) or by_item.get(target)
        if header is None:
            hint = messages.did_you_mean(target, [*headers, *by_item])
            raise ProfileError(f"targets.exports.columns.{layout.id}: {title!r} is mapped to {target!r}, which is "
                               f"no column of {layout.id} (neither a header nor a data item id){hint}")
        renames[title] = header
    if mapping.extra not in EXTRA_COLUMNS:
        allowed = messages.not_allowed(mapping.extra, EXTRA_COLUMNS)
        raise ProfileError(f"targets.exports.extra_columns.{layout.id}: {allowed}")
    if mapping.order not in COLUMN_ORDERS:
        allowed = messages.not_allowed(mapping.order, COLUMN_ORDERS)
        raise ProfileError(f"targets.exports.column_order.{layout.id}: {allowed}")
    return ColumnMap(renames, mapping.extra, _absent(layout, mapping.absent, items or {}), mapping.order)


def _absent(layout: FileInterface, declared: frozenset[str], items: Mapping[str, DataItem]) -> frozenset[str]:
    """The declared absent columns as headers of ``layout`` (a data item id is taken for its header);
    a ProfileError names one that is no column, with a did-you-mean, or a column the layout requires."""
    headers = {c.header: c for c in layout.columns}
    by_item = {c.data_item: c for c in layout.columns}
    absent: set[str] = set()
    for name in sorted(declared):
        column = headers.get(name) or by_item.get(name)
        where = f"targets.exports.absent_columns.{layout.id}"
        if column is None:
            hint = messages.did_you_mean(name, [*headers, *by_item])
            raise ProfileError(f"{where}: {name!r} is no column of {layout.id} (neither a header nor a data item "
                               f"id){hint}")
        item = items.get(column.data_item)
        if item is not None and (item.required or item.required_when is not None) and item.provenance.confirmed:
            raise ProfileError(f"{where}: {name!r} is a required column of {layout.id}: only an optional one "
                               "(not required under any condition), or one of our unconfirmed layout, may be absent")
        absent.add(column.header)
    return frozenset(absent)


#: Why the checks of a column a profile declares absent do not apply (the validation's and the
#: report's words): the column is ours, not the specification's, until the layout is confirmed.
ABSENT_REASON = ("プロファイルで「このシステムにない列」と宣言（absent_columns）: この列はハーネスの解釈による"
                 "レイアウト（未確認）のもので、この列の検査は対象外",
                 "declared absent by the profile (absent_columns): the column is of our unconfirmed layout, so its "
                 "checks do not apply")


def absent_reasons(spec: LayoutSpec) -> dict[str, tuple[str, str]]:
    """The declared absent columns whose checks would have asked something of them (required, or
    required under a condition), each with :data:`ABSENT_REASON`: NOT_APPLICABLE, not silently gone."""
    return {header: ABSENT_REASON for header in sorted(spec.mapping.absent)
            if header in spec.items and (spec.items[header].required or spec.items[header].required_when)}


def cell_families(item: DataItem) -> tuple[str, ...]:
    """The cell families that can find anything in a column of ``item``."""
    applies = {
        "types": item.type in ("integer", "date", "flag"),
        "lengths": item.length is not None,
        "codes": item.type == "code",
        "patterns": item.pattern is not None,
        "char_classes": item.char_class is not None,
        "check_digits": item.check_digit is not None,
    }
    return tuple(family for family in CELL_FAMILIES if applies[family])


def _resident_kinds(items: Mapping[str, DataItem], catalog: EditionCatalog) -> dict[str, AppliesTo]:
    """住民種別 code -> japanese/foreign, from the code table's labels (empty without the item)."""
    item = items.get(RESIDENT_TYPE)
    if item is None or item.code_table is None:
        return {}
    table = next((t for t in catalog.code_tables if t.id == item.code_table), None)
    if table is None:
        raise SpecError([f"data item {item.id}: unknown code table {item.code_table!r}"])
    kinds = {code.code: RESIDENT_KIND_LABELS[code.label] for code in table.codes if code.label in RESIDENT_KIND_LABELS}
    if set(kinds.values()) != set(RESIDENT_KIND_LABELS.values()):
        # Without both, category_items would pass every file without judging it.
        labels = messages.listing(RESIDENT_KIND_LABELS)
        raise SpecError([f"code table {table.id}: needs codes labelled {labels} to tell resident kinds apart"])
    return kinds


def kind_bound(item: DataItem) -> bool:
    """Whether the item belongs to one resident kind or one 第30条45規定区分 at all."""
    condition = item.required_when
    return item.applies_to is not AppliesTo.ALL or (condition is not None and condition.item == CATEGORY)
