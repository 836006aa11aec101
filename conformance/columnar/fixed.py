"""Fixed-length records (固定長): byte widths per field, sliced before decoding, in chunks.

In a Shift_JIS / CP932 fixed-length file a width is in bytes and a double-byte character counts
two, so a record cannot be decoded first and cut after: each field's bytes are cut out, then
decoded on their own. A field whose bytes do not decode alone (a character cut by the field
boundary, an undefined byte) is a problem of that record and field, not of the whole file.

Records are read ``records`` at a time with ``struct`` (C speed), each field of the chunk is
decoded with one codec call (fields joined by a byte no trail byte can be), and the chunk becomes
a polars frame the compiled masks judge like a CSV batch. The catalog has no fixed-length layout
yet: :class:`FixedLayout` is the shape one will take (tests define a small one).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from conformance.columnar.compile import LINE, NFIELDS, RECORD, value_name

#: Records per chunk: memory is this times the record width, a few times over.
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
    (b"" for none) and the padding characters stripped from the right of each value."""

    fields: tuple[FixedField, ...]
    encoding: str = "cp932"
    terminator: bytes = b"\r\n"
    pad: str = " "

    @property
    def width(self) -> int:
        return sum(f.width for f in self.fields) + len(self.terminator)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)


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


def read_chunks(path: Path, layout: FixedLayout, records: int = CHUNK_RECORDS) -> Iterator[FixedChunk]:
    """The file's records as frames of decoded, unpadded values (LINE = record number)."""
    unpack = struct.Struct("".join(f"{f.width}s" for f in layout.fields) + f"{len(layout.terminator)}s")
    first = 1
    with path.open("rb") as stream:
        while data := stream.read(records * layout.width):
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
        columns[value_name(index)] = pl.Series(value_name(index), values, dtype=pl.String)
    return pl.DataFrame(columns), problems


def _decode_column(
    raw: Sequence[bytes], layout: FixedLayout, index: int, first: int, problems: list[RecordProblem]
) -> list[str]:
    """One codec call for the whole column when every field decodes; field by field otherwise."""
    if not any(_JOIN in value for value in raw):
        try:
            joined = _JOIN.join(raw).decode(layout.encoding)
        except UnicodeDecodeError:
            pass
        else:
            return [value.rstrip(layout.pad) for value in joined.split(_JOIN.decode())]
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
        values.append(text.rstrip(layout.pad))
    return values
