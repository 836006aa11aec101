"""Fixed-length records (固定長): byte widths per field, sliced before decoding, in chunks.

In a Shift_JIS / CP932 fixed-length file a width is in bytes and a double-byte character counts
two, so a record cannot be decoded first and cut after: each field's bytes are cut out, then
decoded on their own. A field whose bytes do not decode alone (a character cut by the field
boundary, an undefined byte) is a problem of that record and field, not of the whole file.

Records are read in chunks of about CHUNK_BYTES with ``struct`` (C speed), each field of the chunk is
decoded with one codec call (fields joined by a byte no trail byte can be), and the chunk becomes
a polars frame the compiled masks judge like a CSV batch. A catalog layout of ``format: fixed``
becomes a :class:`FixedLayout` with :func:`from_catalog`.
"""

from __future__ import annotations

import codecs
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from conformance.catalog.models import RECORD_TERMINATORS, FileInterface
from conformance.columnar.compile import LINE, NFIELDS, RECORD, value_name
from conformance.errors import SpecError

#: Bytes read per chunk: memory stays a few times this whatever the record width (a 1.6 kB record
#: of the catalog layout: about 5,000 records, ~200 MB peak; 100,000 of them took 1.1 GB).
CHUNK_BYTES = 8 * 1024 * 1024
#: At most this many records per chunk (short records: the Python objects per field dominate).
CHUNK_RECORDS = 100_000
#: Joins a column's fields for one decode call: below 0x40, it is never a CP932 trail byte, and
#: in UTF-8 it is a character of its own; a field that holds it is decoded on its own instead.
_JOIN = b"\x1f"


@dataclass(frozen=True, slots=True)
class FixedField:
    header: str
    width: int


@dataclass(frozen=True)
class FixedLayout:
    """Fields in order with their widths in bytes, the encoding, the bytes ending each record
    (b"" for none), the padding characters stripped from the right of each value, and the bytes
    before the first record (a UTF-8 BOM)."""

    fields: tuple[FixedField, ...]
    encoding: str = "cp932"
    terminator: bytes = b"\r\n"
    pad: str = " "
    offset: int = 0

    @property
    def width(self) -> int:
        return sum(f.width for f in self.fields) + len(self.terminator)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)


def from_catalog(layout: FileInterface, encoding: str) -> FixedLayout:
    """The byte layout of a catalog ``format: fixed`` layout, read in ``encoding``. A UTF-8 BOM
    (utf-8-sig) is skipped: records are counted from the byte after it."""
    if layout.format != "fixed":
        raise SpecError([f"layout {layout.id}: format {layout.format}, not fixed"])
    fields = []
    for column in layout.columns:
        if column.width is None:  # the loader refuses this; a layout built in code may not have been loaded
            raise SpecError([f"layout {layout.id}: column {column.header} has no width"])
        fields.append(FixedField(column.header, column.width))
    bom = encoding == "utf-8-sig"
    return FixedLayout(tuple(fields), "utf-8" if bom else encoding, RECORD_TERMINATORS[layout.record_terminator],
                       layout.padding, offset=len(codecs.BOM_UTF8) if bom else 0)


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record whose bytes do not fit the layout. ``field`` is the 0-based field index, or None
    for the record as a whole."""

    record: int
    field: int | None
    code: str
    message: str
    actual: str | None = None


@dataclass(frozen=True)
class FixedChunk:
    frame: pl.DataFrame
    problems: tuple[RecordProblem, ...]


def read_chunks(path: Path, layout: FixedLayout, records: int | None = None) -> Iterator[FixedChunk]:
    """The file's records as frames of decoded, unpadded values (LINE = record number), ``records``
    at a time (default: as many as fit CHUNK_BYTES, at most CHUNK_RECORDS)."""
    count = records or max(1, min(CHUNK_RECORDS, CHUNK_BYTES // layout.width))
    unpack = struct.Struct("".join(f"{f.width}s" for f in layout.fields) + f"{len(layout.terminator)}s")
    first = 1
    with path.open("rb") as stream:
        stream.seek(layout.offset)
        while data := stream.read(count * layout.width):
            whole = len(data) - len(data) % layout.width
            rows = list(unpack.iter_unpack(data[:whole])) if whole else []
            problems = list(_terminators(rows, layout, first))
            frame, decoding = _frame(rows, layout, first)
            problems.extend(decoding)
            if whole < len(data):
                problems.append(_short_record(first + len(rows), len(data) - whole, layout.width))
            problems.sort(key=lambda p: (p.record, -1 if p.field is None else p.field))
            yield FixedChunk(frame, tuple(problems))
            first += len(rows)


def _terminators(rows: Sequence[tuple[bytes, ...]], layout: FixedLayout, first: int) -> Iterator[RecordProblem]:
    if not layout.terminator:
        return
    for offset, row in enumerate(rows):
        if row[-1] != layout.terminator:
            yield RecordProblem(
                first + offset, None, "file.record_length",
                f"the record does not end with {layout.terminator!r}: the records before it are longer or shorter "
                f"than {layout.width} bytes", row[-1].hex(" ").upper(),
            )


def _short_record(record: int, size: int, width: int) -> RecordProblem:
    return RecordProblem(record, None, "file.record_length", f"the last record has {size} bytes; records have {width}",
                         str(size))


def _frame(
    rows: Sequence[tuple[bytes, ...]], layout: FixedLayout, first: int
) -> tuple[pl.DataFrame, list[RecordProblem]]:
    count = len(rows)
    columns: dict[str, pl.Series] = {
        LINE: pl.Series(LINE, range(first, first + count), dtype=pl.UInt32),
        NFIELDS: pl.Series(NFIELDS, [len(layout.fields)] * count, dtype=pl.UInt32),
        RECORD: pl.Series(RECORD, [True] * count, dtype=pl.Boolean),
    }
    problems: list[RecordProblem] = []
    by_field = list(zip(*rows, strict=True)) if rows else [() for _ in range(len(layout.fields) + 1)]
    for index in range(len(layout.fields)):
        values = _decode_column(by_field[index], layout, index, first, problems)
        # The padding is stripped by polars: a Python rstrip per value cost as much as the decoding.
        columns[value_name(index)] = pl.Series(value_name(index), values, dtype=pl.String).str.strip_chars_end(
            layout.pad)
    return pl.DataFrame(columns), problems


def _decode_column(
    raw: Sequence[bytes], layout: FixedLayout, index: int, first: int, problems: list[RecordProblem]
) -> list[str]:
    """The column's values, padding kept: one codec call for the whole column when every field
    decodes, field by field otherwise."""
    joined = _JOIN.join(raw)
    if joined.count(_JOIN) == len(raw) - 1:  # no field holds the join byte itself (counted in C)
        try:
            return joined.decode(layout.encoding).split(_JOIN.decode())
        except UnicodeDecodeError:
            pass
    values = []
    for offset, value in enumerate(raw):
        try:
            text = value.decode(layout.encoding)
        except UnicodeDecodeError as error:
            problems.append(RecordProblem(
                first + offset, index, "file.encoding_mismatch",
                f"the field's bytes are not valid {layout.encoding} on their own (a character cut by the field "
                f"boundary?) at byte {error.start + 1}", value[error.start : error.end].hex(" ").upper(),
            ))
            text = value.decode(layout.encoding, errors="replace")
        values.append(text)
    return values
