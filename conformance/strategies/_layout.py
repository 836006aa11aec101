"""The migration row as the catalog defines it, read at draw time.

The row's headers are the catalog's ``residents_csv`` layout, never a list of ours: when an item is
added to the catalog, rows get its column too. The strategies know what to put in the items of the
test town (:data:`KNOWN_HEADERS`); any other item is left empty unless the catalog requires it (or
its ``required_when`` holds for the row), and then gets a value made from its definition alone
(type, length, char class, pattern, check digit, code table), so the row stays valid.

Codes are looked up by their label (住民種別 日本人住民/外国人住民 ...), as the file check does: the
codes of the catalog are ours and may change, the spec's labels do not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import AppliesTo, DataItem
from conformance.checks.files import FORBIDDEN, char_length
from conformance.errors import SpecError
from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit
from conformance.strategies._dates import dates_between
from conformance.strategies._places import MUNICIPALITIES
from conformance.testdata.town import residents_layout

RESIDENT_TYPE = "住民種別"
CATEGORY = "第30条45規定区分"
#: The labels the strategies use, by the header of their coded item (住民記録 1.0 j10, j20, j210).
LABELS: dict[str, tuple[str, ...]] = {
    RESIDENT_TYPE: ("日本人住民", "外国人住民"),
    "住民状態": ("住民", "転出", "死亡"),
    "性別": ("男", "女"),
    "異動事由": ("転入", "出生", "職権記載", "転居", "転出", "死亡", "世帯変更"),
    CATEGORY: ("中長期在留者", "特別永住者", "一時庇護許可者", "仮滞在許可者", "出生による経過滞在者",
               "国籍喪失による経過滞在者"),
}
#: The items of the test town's rows: the strategies fill these themselves. Other items (the move
#: history and 支援措置 items among them) get a value where the facts give one, else where the
#: catalog needs one (:func:`completed`).
KNOWN_HEADERS = frozenset({
    "宛名番号", "世帯番号", "履歴番号", "住民票コード", "個人番号", "住民種別", "住民状態", "氏名", "氏名_フリガナ",
    "氏名_アルファベット", "通称", "通称_フリガナ", "生年月日", "生年月日_不詳フラグ", "生年月日_不詳表記", "性別",
    "続柄",
    "世帯主氏名", "住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書", "住所_郵便番号",
    "住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日", CATEGORY, "国籍等_国名コード",
    "在留資格等コード", "在留期間等コード_年", "在留期間等コード_月", "在留期間等コード_日", "在留期間の満了の日",
    "在留カード等番号", "上陸期間_満了日", "仮滞在期間_満了日", "他業務参照不可フラグ", "支援措置対象フラグ",
})


@dataclass(frozen=True)
class RowSpec:
    """The ``residents_csv`` layout of one edition, with its codes by label."""

    headers: tuple[str, ...]
    items: Mapping[str, DataItem]
    #: header -> label -> code, for the items of :data:`LABELS` the layout has.
    codes: Mapping[str, Mapping[str, str]]
    #: header -> every code of its table, for any coded item of the layout.
    table_codes: Mapping[str, tuple[str, ...]]
    #: 第30条45規定区分 code -> the headers the catalog requires for it (required_when).
    category_items: Mapping[str, tuple[str, ...]]

    def code(self, header: str, label: str) -> str:
        """The code of ``label`` in ``header``'s table ('' when the layout lacks the item)."""
        return self.codes.get(header, {}).get(label, "")

    def label(self, header: str, code: str) -> str:
        """The label of ``code`` in ``header``'s table."""
        return next(label for label, value in self.codes[header].items() if value == code)

    @property
    def categories(self) -> tuple[str, ...]:
        """The 第30条45規定区分 codes in the catalog's order."""
        return tuple(self.codes.get(CATEGORY, {}).values())

    @property
    def unknown_headers(self) -> tuple[str, ...]:
        return tuple(header for header in self.headers if header not in KNOWN_HEADERS)


def row_spec(edition: EditionCatalog) -> RowSpec:
    """The layout of ``edition``; InvalidArgument when it has none or lacks a label used here."""
    try:
        layout = residents_layout(edition)
    except SpecError as error:
        raise InvalidArgument(f"edition {edition.path}: {error}") from None
    by_id = {item.id: item for item in edition.data_items}
    missing = [column.data_item for column in layout.columns if column.data_item not in by_id]
    if missing:
        raise InvalidArgument(f"edition {edition.path}: layout {layout.id} names unknown data items: {missing}")
    items = {column.header: by_id[column.data_item] for column in layout.columns}
    tables = {table.id: table for table in edition.code_tables}
    coded = {header: item.code_table for header, item in items.items() if item.code_table is not None}
    if unknown := sorted({table for table in coded.values() if table not in tables}):
        raise InvalidArgument(f"edition {edition.path}: unknown code tables {unknown}")
    by_label = {header: {code.label: code.code for code in tables[table].codes} for header, table in coded.items()}
    codes = {header: _labelled(edition, header, by_label[header]) for header in LABELS if header in by_label}
    table_codes = {header: tuple(labels.values()) for header, labels in by_label.items()}
    headers = tuple(items)
    return RowSpec(headers, items, codes, table_codes, _category_items(items, codes.get(CATEGORY, {})))


def _labelled(edition: EditionCatalog, header: str, by_label: Mapping[str, str]) -> dict[str, str]:
    """The codes of the labels the strategies use, in :data:`LABELS` order."""
    missing = [label for label in LABELS[header] if label not in by_label]
    if missing:
        raise InvalidArgument(f"edition {edition.path}: the code table of {header} has no code labelled {missing}")
    return {label: by_label[label] for label in LABELS[header]}


def _category_items(items: Mapping[str, DataItem], categories: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each category's required items, from the catalog's ``required_when`` on 第30条45規定区分."""
    return {
        code: tuple(header for header, item in items.items()
                    if item.required_when is not None and item.required_when.item == CATEGORY
                    and code in item.required_when.values)
        for code in categories.values()
    }


# -- items the strategies do not know -------------------------------------------------------------


def needed(spec: RowSpec, header: str, row: Mapping[str, str]) -> bool:
    """Whether the catalog wants a value in ``header`` for ``row`` (required, or required_when holds)."""
    item = spec.items[header]
    if item.applies_to is not AppliesTo.ALL and item.applies_to is not _kind(spec, row):
        return False
    condition = item.required_when
    return item.required or (condition is not None and row.get(condition.item, "") in condition.values)


def _kind(spec: RowSpec, row: Mapping[str, str]) -> AppliesTo:
    foreign = row.get(RESIDENT_TYPE, "") == spec.code(RESIDENT_TYPE, "外国人住民")
    return AppliesTo.FOREIGN if foreign else AppliesTo.JAPANESE


def fill_unknown(draw: st.DrawFn, spec: RowSpec, row: dict[str, str], as_of: date) -> dict[str, str]:
    """``row`` with every item the strategies do not know filled when the catalog needs it."""
    for header in spec.unknown_headers:
        if not row[header] and needed(spec, header, row):
            row[header] = draw(filler(spec, header, as_of))
    return row


def filler(spec: RowSpec, header: str, as_of: date) -> SearchStrategy[str]:
    """A valid value of an item known only by its definition."""
    item = spec.items[header]
    if item.code_table is not None:
        return st.sampled_from(spec.table_codes[header])
    if item.check_digit is not None:
        return _CHECK_DIGITS[item.check_digit](item.length)
    simple = _BY_TYPE.get(item.type)
    if simple is not None:
        return simple(as_of)
    if item.pattern is not None:
        return st.from_regex(item.pattern, fullmatch=True).filter(lambda value: fits(item, value))
    return st.just(_SAMPLE_TEXT.get(item.char_class or "text", "テスト")[: item.length or None])


def fits(item: DataItem, value: str) -> bool:
    """Within the item's length and char class (the file check's rules)."""
    if item.length is not None and char_length(value) > item.length:
        return False
    return item.char_class is None or FORBIDDEN[item.char_class].search(value) is None


def _m11_filler(length: int | None) -> SearchStrategy[str]:
    return st.integers(1, 10 ** ((length or 10) - 1) - 1).map(lambda serial: m11w2_7(serial, (length or 10) - 1))


def _my_number_filler(length: int | None) -> SearchStrategy[str]:
    del length  # a 個人番号 has 12 digits
    return st.integers(0, 10**11 - 1).map(my_number)


def _lg_code_filler(length: int | None) -> SearchStrategy[str]:
    del length  # a 全国地方公共団体コード has 6 digits
    return st.sampled_from(tuple(MUNICIPALITIES))


_CHECK_DIGITS = {"m11w2-7": _m11_filler, "my_number": _my_number_filler, "lg_code": _lg_code_filler}
_BY_TYPE = {
    "flag": lambda as_of: st.just("0"),
    "integer": lambda as_of: st.integers(1, 9).map(str),
    "date": lambda as_of: dates_between(date(as_of.year - 5, 1, 1), as_of).map(date.isoformat),
}
_SAMPLE_TEXT = {"digits": "0", "katakana": "テスト", "alphabet": "TEST", "text": "テスト", "koseki_text": "試験"}


# -- numbers --------------------------------------------------------------------------------------


def m11w2_7(serial: int, width: int = 9) -> str:
    """The first number at or after ``serial`` with an M11W2-7 check digit (a serial whose
    remainder is 1 has none: 住民記録 1.0 j130 leaves it open, so it is skipped like the town does)."""
    limit = 10**width
    while True:
        text = f"{serial % limit:0{width}d}"
        digit = m11w2_7_check_digit(text)
        if digit is not None:
            return text + str(digit)
        serial += 1


def m11w2_7_numbers(serial: int, count: int) -> list[str]:
    """``count`` distinct consecutive M11W2-7 numbers from ``serial`` (a household's 宛名番号)."""
    numbers: list[str] = []
    while len(numbers) < count:
        number = m11w2_7(serial)
        numbers.append(number)
        serial = int(number[:-1]) + 1
    return numbers


def my_number(first11: int) -> str:
    """A 個人番号: 11 digits and their check digit."""
    text = f"{first11:011d}"
    return text + str(my_number_check_digit(text))


def digits(count: int) -> SearchStrategy[str]:
    """``count`` ASCII digits."""
    return st.text("0123456789", min_size=count, max_size=count)


_LETTERS = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)
#: 在留カード番号 / 特別永住者証明書番号: two letters, eight digits, two letters (DOMAIN.md).
CARD_NUMBERS = st.builds(lambda head, body, tail: head + body + tail, _LETTERS, digits(8), _LETTERS)
#: 住民票コード: 11 digits (its check rule is not public).
JUMINHYO_CODES = digits(11)
#: 個人番号: 11 digits and their check digit.
MY_NUMBERS = st.integers(0, 10**11 - 1).map(lambda first11: my_number(first11))
#: Serials of 宛名番号 and 世帯番号 (room above for a household's consecutive numbers).
SERIALS = st.integers(1, 899_999_999)
