"""How this vendor reads a migration file: the 基本データリスト ``residents_csv`` layout of the published
住民記録 catalog, as CSV (RFC 4180) in UTF-8, a header row first.

The vendor's own reading, written apart from the harness's writer (docs/architecture.md, "The judge and the
vendor"): a file is refused whole, with every problem listed as ``name:line: message``, when its bytes are
not UTF-8, its header is not the layout's, a record has another number of fields, or a record lacks its key
(宛名番号, a positive 履歴番号, the pair unique). Nothing of a refused file is loaded.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FileInterface
from conformance.errors import SpecError
from conformance.locations import default_catalog_root

#: The layout a migration file follows (the catalog's id of the 基本データリスト residents file).
LAYOUT_ID = "residents_csv"
#: Problems listed before the rest are only counted.
SHOWN_PROBLEMS = 50
_BOM = "\ufeff"


@lru_cache(maxsize=1)
def jumin_edition() -> EditionCatalog:
    """The published 住民記録 1.0 catalog this vendor serves, loaded once per process."""
    return load_edition(default_catalog_root() / "jumin" / "1.0")


def residents_layout(edition: EditionCatalog | None = None) -> FileInterface:
    """The catalog's ``residents_csv`` file layout."""
    catalog = edition if edition is not None else jumin_edition()
    found = [entry for entry in catalog.interfaces if isinstance(entry, FileInterface) and entry.id == LAYOUT_ID]
    if not found:
        raise SpecError([f"{catalog.path}: the catalog has no file layout {LAYOUT_ID!r}"])
    return found[0]


def parse_migration(data: bytes, name: str) -> tuple[dict[str, str], ...]:
    """The records of a migration file received as ``data``; ``SpecError`` lists what is wrong with it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SpecError([f"{name}:{line}: not UTF-8: byte 0x{data[error.start]:02x} at byte offset "
                         f"{error.start} ({error.reason})"]) from None
    headers = tuple(column.header for column in residents_layout().columns)
    reader = csv.reader(io.StringIO(text.removeprefix(_BOM), newline=""), strict=True)
    problems: list[str] = []
    records: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if header is None or tuple(header) != headers:
            raise SpecError([f"{name}:1: {_header_problem(header, headers)}"])
        line = reader.line_num + 1
        for record in reader:
            if len(record) == len(headers):
                records.append((line, dict(zip(headers, record, strict=True))))
            else:
                problems.append(f"{name}:{line}: expected {len(headers)} fields, got {len(record)}")
            line = reader.line_num + 1
    except csv.Error as error:
        problems.append(f"{name}:{reader.line_num}: not valid CSV: {error}")
        records = []
    problems.extend(_key_problems(records, name))
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        raise SpecError(problems[:SHOWN_PROBLEMS] + ([f"... and {more} more errors"] if more > 0 else []))
    return tuple(row for _, row in records)


def _header_problem(header: list[str] | None, headers: tuple[str, ...]) -> str:
    if header is None:
        return f"the file is empty; expected a header row: {', '.join(headers)}"
    missing = [name for name in headers if name not in header]
    unexpected = [name for name in header if name not in headers]
    parts = [f"missing columns: {', '.join(missing)}"] if missing else []
    parts += [f"unexpected columns: {', '.join(unexpected)}"] if unexpected else []
    return "wrong header: " + ("; ".join(parts) or "columns repeated or out of order; expected: " + ", ".join(headers))


def _key_problems(records: list[tuple[int, dict[str, str]]], name: str) -> list[str]:
    problems: list[str] = []
    first: dict[tuple[str, str], int] = {}
    for line, row in records:
        atena, number = row["宛名番号"], row["履歴番号"]
        if not atena:
            problems.append(f"{name}:{line}: 宛名番号 is empty")
        if not (number.isascii() and number.isdigit() and int(number) >= 1):
            problems.append(f"{name}:{line}: 履歴番号 must be a positive integer, got {number!r}")
        if (atena, number) in first:
            problems.append(f"{name}:{line}: duplicate 宛名番号 {atena} 履歴番号 {number}; "
                            f"first on line {first[atena, number]}")
        first.setdefault((atena, number), line)
    return problems
