"""The migration file: the test town as a ``residents_csv`` CSV (RFC 4180, header row, CRLF).

DOMAIN.md: the 基本データリスト is in practice the migration format between vendors. Reading is
strict (exact header, exact field count per record) and every problem is reported as a
``file:line: message`` line in one :class:`~conformance.errors.SpecError`, so a broken file is
fixed in one pass.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from conformance.errors import SpecError, UsageError
from conformance.inputs import NotRegularFile, check_regular, read_regular
from conformance.messages import display_path
from conformance.testdata.town import town_headers

#: Largest migration file read from disk.
MAX_FILE_BYTES = 512 * 1024 * 1024
#: Errors listed before the rest are only counted (a wholly broken file would flood the terminal).
MAX_ERRORS = 50
_BOM = b"\xef\xbb\xbf"
#: A migration record: header -> value ('' when empty).
Row = dict[str, str]


def write_migration(rows: Iterable[Mapping[str, str]], path: Path, *, encoding: str = "utf-8") -> None:
    """Write ``rows`` as the migration CSV: header ``town_headers()``, CRLF line ends (RFC 4180).

    The file appears whole or not at all: it is written to a temporary file in the same directory
    and moved into place with ``os.replace``. A row without one of the headers is a ``KeyError``.
    """
    headers = town_headers()
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(headers)
            for row in rows:
                writer.writerow([row[header] for header in headers])
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_migration(path: Path) -> tuple[dict[str, str], ...]:
    """Read and validate a migration CSV (UTF-8, with or without a BOM); ``SpecError`` lists every problem.

    Only a regular file is read, and at most :data:`MAX_FILE_BYTES` of it: a FIFO would block
    ``reference serve --data`` for ever and a link to ``/dev/zero`` would fill the memory."""
    path = Path(path)
    name = display_path(path)
    try:
        size = path.stat().st_size
        check_regular(path)
    except NotRegularFile as error:
        raise SpecError([f"{name}:1: {_reason(error, path)}"]) from None
    except OSError as error:
        raise SpecError([f"{name}:1: cannot read the file: {error.strerror or error}"]) from None
    if size > MAX_FILE_BYTES:
        raise SpecError([f"{name}:1: the file has {size} bytes; the limit is {MAX_FILE_BYTES} bytes (512 MiB)"])
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except UsageError as error:  # swapped for a special file, or grown past the limit, since the stat
        raise SpecError([f"{name}:1: {_reason(error, path)}"]) from None
    return parse_migration(data, name)


def _reason(error: UsageError, path: Path) -> str:
    """The message of :mod:`conformance.inputs` without its leading path (the caller adds ``file:1:``)."""
    text = str(error)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def parse_migration(data: bytes, name: str) -> tuple[dict[str, str], ...]:
    """Validate a migration CSV received as bytes (UTF-8 only; e.g. an HTTP request body).

    ``name`` prefixes every message (a file name, or a label such as ``request body``).
    """
    text = _decode(data, name)
    headers = town_headers()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    errors: list[str] = []
    try:
        header = next(reader, None)
        if header is None:
            raise SpecError([f"{name}:1: the file is empty; expected a header row: {', '.join(headers)}"])
        header_problem = _header_problem(header, headers)
        if header_problem:
            raise SpecError([f"{name}:1: {header_problem}"])
        rows = _records(reader, headers, name, errors)
    except csv.Error as error:
        errors.append(f"{name}:{reader.line_num}: not valid CSV: {error}")
        rows = []
    errors.extend(_key_problems(rows, name))
    if errors:
        raise SpecError(_capped(errors))
    return tuple(row for _, row in rows)


def _decode(data: bytes, name: str) -> str:
    body = data[len(_BOM):] if data.startswith(_BOM) else data
    offset = len(data) - len(body)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        position = error.start + offset
        line = data.count(b"\n", 0, position) + 1
        raise SpecError([
            f"{name}:{line}: not UTF-8: byte 0x{data[position]:02x} at byte offset {position} ({error.reason})"
        ]) from None


def _header_problem(header: Sequence[str], expected: Sequence[str]) -> str:
    """What is wrong with the header row ('' when it is exactly ``expected``)."""
    if list(header) == list(expected):
        return ""
    missing = [name for name in expected if name not in header]
    unexpected = [name for name in header if name not in expected]
    duplicated = sorted({name for name in header if header.count(name) > 1}, key=list(header).index)
    parts = []
    if missing:
        parts.append(f"missing columns: {', '.join(missing)}")
    if unexpected:
        parts.append(f"unexpected columns: {', '.join(unexpected)}")
    if duplicated:
        parts.append(f"duplicate columns: {', '.join(duplicated)}")
    if not parts:
        position = next(i for i, (got, want) in enumerate(zip(header, expected, strict=True)) if got != want)
        got, want = header[position], expected[position]
        parts.append(f"columns out of order: column {position + 1} is {got}, expected {want}")
    return "wrong header: " + "; ".join(parts)


class _LineReader(Protocol):
    """A ``csv.reader``: records, and the number of physical lines read so far."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _records(reader: _LineReader, headers: Sequence[str], name: str, errors: list[str]) -> list[tuple[int, Row]]:
    """Rows with the line each starts on; records with a wrong field count become errors."""
    rows: list[tuple[int, Row]] = []
    line = reader.line_num + 1  # a quoted header field may span lines
    for record in reader:
        if len(record) != len(headers):
            errors.append(f"{name}:{line}: expected {len(headers)} fields, got {len(record)}")
        else:
            rows.append((line, dict(zip(headers, record, strict=True))))
        line = reader.line_num + 1
    return rows


def _key_problems(rows: Iterable[tuple[int, Row]], name: str) -> list[str]:
    """Each record needs a 宛名番号 and a positive 履歴番号, and the pair must be unique."""
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        atena, number = row.get("宛名番号", ""), row.get("履歴番号", "")
        if not atena:
            problems.append(f"{name}:{line}: 宛名番号 is empty")
        if not (number.isascii() and number.isdigit() and int(number) >= 1):
            problems.append(f"{name}:{line}: 履歴番号 must be a positive integer, got {number!r}")
        key = (atena, number)
        if key in seen:
            problems.append(f"{name}:{line}: duplicate 宛名番号 {atena} 履歴番号 {number}; first on line {seen[key]}")
        seen.setdefault(key, line)
    return problems


def _capped(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS:
        return errors
    return [*errors[:MAX_ERRORS], f"... and {len(errors) - MAX_ERRORS} more errors"]
