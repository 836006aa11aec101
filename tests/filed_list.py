"""Reading a 適合状況一覧 back as a filer's spreadsheet would show it: each sheet's header block and table."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from conformance.reporting.xlsx import COLUMNS, table_start


def opened(data: bytes | Path) -> Any:
    """The workbook of ``data`` (bytes or a file)."""
    return load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data)


def header(sheet: Any) -> dict[str, Any]:
    """The header block of a system's sheet: label -> value."""
    return {row[0]: row[1] for row in sheet.iter_rows(max_row=table_start(sheet) - 1, values_only=True) if row[0]}


def table(sheet: Any) -> list[tuple[Any, ...]]:
    """The table's rows under its column headers (which must be :data:`COLUMNS`)."""
    start = table_start(sheet)
    rows = list(sheet.iter_rows(min_row=start, values_only=True))
    assert rows[0] == COLUMNS
    return rows[1:]


def states(sheet: Any) -> dict[str, str]:
    """Requirement id -> 適合状況 of one sheet."""
    return {row[0]: row[COLUMNS.index("適合状況")] for row in table(sheet)}
