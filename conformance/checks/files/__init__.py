"""Export file checks: ``file.layout`` judges a vendor's export file against its catalog layout.

Two engines judge the same rules and give the same findings:

- the columnar engine (``conformance.columnar``): the layout is compiled into polars masks, the
  file is streamed as physical lines in bounded memory, per-rule counts come from the masks, and
  Python only words the findings of the failing rows (with the rule functions below);
- the row path: the file is streamed through the ``csv`` module and every cell goes through small
  per-family rule functions (``(column, value) -> Problem | None``, plus two row-level families).
  It reads what the columnar grammar does not cover (a quoted value spanning lines, a stray quote,
  a lone CR, NUL bytes, a line longer than FIELD_LIMIT), so its findings stay exact there too.

A fixed-length layout (``format: fixed``) has no header line: ``scan_fixed`` cuts each record by
the columns' byte widths (``conformance.columnar.fixed``) and judges the chunks with the same masks
and rule functions, at ``file:record:field (header)``.

Each requirement binds the check with its own ``rules`` (rule families). The file is fetched and
read once per run whatever the number of requirements: the fetched file, the encoding verdict and
the findings of every family are cached in ``ctx.target.cache`` by layout, and each requirement
picks the families it asked for.

Encoding is judged once per file (``encoding`` family), in the same pass that validates UTF-8 or
transcodes CP932 / Shift_JIS for the columnar engine. The other families read the content in the
declared encoding when the bytes are valid in it, else in the encoding they do decode as, so one
mislabel is one finding and the content is still judged.

The ``references`` family (the layout's ``references``, 移行ファイル関連図) also reads the files of
the layouts referred to, through the same cached fetch and encoding verdict: their key columns
become sets of distinct values, and the judged column is anti-joined against them.

The package, by family: ``check`` (the check and its parameters), ``cache`` (the passes of one
file, cached per run), ``encoding``, ``content`` (the row path, the columnar engine and
fixed-length records), ``references``, ``rules`` (header, cell and row rules), ``model`` (the
values passed between them) and ``limits`` (caps and switches, read at call time).
"""

from __future__ import annotations

from conformance.catalog.check_params import (
    CELL_FAMILIES,
    CONTENT_FAMILIES,
    ENCODING,
    FAMILIES,
    INVARIANT_FAMILIES,
    REFERENCES,
    ROW_FAMILIES,
)
from conformance.catalog.layouts import CATEGORY, FORBIDDEN, RESIDENT_TYPE, Column, LayoutSpec
from conformance.checks.files import invariants, limits
from conformance.checks.files.check import file_layout
from conformance.checks.files.content import EngineDisagreement, scan_content, scan_fixed, scan_rows
from conformance.checks.files.encoding import decode, judge_encoding
from conformance.checks.files.model import (
    ContentScan,
    EncodingVerdict,
    FamilyLog,
    Problem,
    ReferenceScan,
    Row,
)
from conformance.checks.files.rules import (
    CELL_RULES,
    CHECK_DIGITS,
    ROW_RULES,
    char_length,
    check_check_digit,
    check_type,
    header_issues,
    is_date,
)
from conformance.columnar.transcode import BadByte, first_bad_byte

__all__ = [
    "CATEGORY", "CELL_FAMILIES", "CELL_RULES", "CHECK_DIGITS", "CONTENT_FAMILIES", "ENCODING", "FAMILIES",
    "FORBIDDEN", "INVARIANT_FAMILIES", "REFERENCES", "RESIDENT_TYPE", "ROW_FAMILIES", "ROW_RULES", "BadByte",
    "Column", "ContentScan",
    "EncodingVerdict", "EngineDisagreement", "FamilyLog", "LayoutSpec", "Problem", "ReferenceScan", "Row",
    "char_length", "check_check_digit", "check_type", "decode", "file_layout", "first_bad_byte", "header_issues",
    "invariants", "is_date", "judge_encoding", "limits", "scan_content", "scan_fixed", "scan_rows",
]
