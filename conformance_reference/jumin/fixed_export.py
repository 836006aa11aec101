"""The reference vendor's fixed-length export (固定長): the catalog's ``format: fixed`` layout in CP932.

Each value is written in CP932 and padded on the right to its column's width in bytes (a
double-byte character takes two), each record ends with the layout's terminator; there is no
header line. The widths fit every value the API accepts: an item's length in characters, two
bytes each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import RECORD_TERMINATORS, FileInterface
from conformance.errors import SpecError
from conformance_reference.paper import ERAS, split_date

#: The catalog layout this export follows.
LAYOUT_ID = "residents_fixed"
ENCODING = "cp932"
#: Windows-31J is the IANA name of CP932 (what a Windows-based vendor sends).
CONTENT_TYPE = "text/plain; charset=Windows-31J"
#: What a CP932 export customarily writes for a character CP932 lacks (〓, two bytes like any kanji).
SUBSTITUTE = "〓"
#: The items of the name group the fixed_export_name_shift defect pads together, and the space it miscounts.
NAME, KANA, IDEOGRAPHIC_SPACE = "氏名", "氏名_フリガナ", "\u3000"
#: The fixed_export_katagaki_cut defect's 方書: characters a legacy layout's field held.
LEGACY_KATAGAKI = 10
#: Variation selectors (IVS) refine the character before them; CP932 cannot hold them, so the base
#: character is written alone (the length in characters is unchanged).
_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))


def fixed_layout(edition: EditionCatalog) -> FileInterface | None:
    """The edition's fixed-length resident layout, if it has one."""
    for entry in edition.interfaces:
        if isinstance(entry, FileInterface) and entry.id == LAYOUT_ID and entry.format == "fixed":
            return entry
    return None


def fixed_records(layout: FileInterface, rows: Iterable[Mapping[str, str]], *, pad_characters: bool = False,
                  name_shift: bool = False) -> bytes:
    """The rows as fixed-length records (values by column header; '' when absent).

    ``pad_characters`` is the ``fixed_char_padding`` defect: each value is padded to its width in
    characters instead of bytes, so a field holding double-byte characters is longer than its width
    (one byte more per such character) and the fields after it, and the records after it, shift.
    ``name_shift`` is the ``fixed_export_name_shift`` defect (:func:`_shifted`).
    """
    pad = layout.padding[0].encode(ENCODING)
    if len(pad) != 1:
        raise SpecError([f"layout {layout.id}: the reference pads with a single-byte character only"])
    terminator = RECORD_TERMINATORS[layout.record_terminator]
    # Most items of a record are blank: their field is the padding alone, made once per column.
    columns = [(column.header, column.width or 0, pad * (column.width or 0)) for column in layout.columns]
    records = (
        [_field(header, value, width, pad, pad_characters) if (value := row.get(header, "")) else blank
         for header, width, blank in columns]
        for row in rows
    )
    if name_shift:
        headers = [header for header, _, _ in columns]
        records = (_shifted(fields, headers, pad) for fields in records)
    return b"".join(b"".join(fields) + terminator for fields in records)


def _shifted(fields: list[bytes], headers: list[str], pad: bytes) -> list[bytes]:
    """The ``fixed_export_name_shift`` defect: a writer that pads the name group (氏名 and 氏名_フリガナ, 300 bytes
    together) by the UTF-8 length of the 氏名's 全角 space (three bytes, not CP932's two): a 氏名 holding one is
    written a byte short and its フリガナ a byte long, so the フリガナ starts a byte early (the record keeps its
    length)."""
    name, kana = headers.index(NAME), headers.index(KANA)
    if IDEOGRAPHIC_SPACE.encode(ENCODING) not in fields[name].rstrip(pad):
        return fields
    return [*fields[:name], fields[name][:-1], *fields[name + 1:kana], fields[kana] + pad, *fields[kana + 1:]]


def era_code_date(value: str) -> str:
    """The ``fixed_export_foreign_birth_wareki`` defect's 生年月日: the 元号コード (1 明治 ... 5 令和) and the 和暦
    年月日 in six digits (1936-05-26: 3110526); a value that is not a date unchanged."""
    parts = split_date(value)
    if parts is None:
        return value
    for code, (_, start) in zip(range(len(ERAS), 0, -1), ERAS, strict=True):
        if parts >= start:
            return f"{code}{parts[0] - start[0] + 1:02d}{parts[1]:02d}{parts[2]:02d}"
    return value


def _field(header: str, value: str, width: int, pad: bytes, pad_characters: bool) -> bytes:
    # Encoded once: nearly every value is plain CP932 (the export writes about 85,000 fields a call).
    try:
        text, data = value, value.encode(ENCODING)
    except UnicodeEncodeError:
        text = cp932_text(value)
        data = text.encode(ENCODING)
    if len(data) > width:
        # The API refuses values longer than their item: reaching this is a bug of the reference.
        raise ValueError(f"{header}: {len(data)} bytes do not fit the width {width}")
    return data + pad * (width - (len(text) if pad_characters else len(data)))


def encodable(row: Mapping[str, str]) -> bool:
    """Whether CP932 holds every value of ``row`` as it is (the fixed_export_skips_unencodable defect's test)."""
    try:
        for value in row.values():
            value.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def per_code_unit(value: str) -> str:
    """The ``fixed_export_astral_as_two`` defect's value: each character outside the BMP CP932 lacks written as one
    〓 per UTF-16 code unit (two), as a writer working on UTF-16 strings does."""
    return "".join(SUBSTITUTE * 2 if ord(char) > 0xFFFF else char for char in value)


def cp932_text(value: str) -> str:
    """``value`` as CP932 can hold it: variation selectors dropped, other missing characters as 〓."""
    try:
        value.encode(ENCODING)
    except UnicodeEncodeError:
        return "".join(_cp932_char(char) for char in value)
    return value


def _cp932_char(char: str) -> str:
    if any(low <= ord(char) <= high for low, high in _SELECTORS):
        return ""
    try:
        char.encode(ENCODING)
    except UnicodeEncodeError:
        return SUBSTITUTE
    return char
