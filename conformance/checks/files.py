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
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from conformance import messages
from conformance.checks.registry import CheckContext, check
from conformance.columnar.layout import (
    CATEGORY,
    CELL_FAMILIES,
    CONTENT_FAMILIES,
    ENCODING,
    FAMILIES,
    FORBIDDEN,
    REFERENCES,
    RESIDENT_TYPE,
    ROW_FAMILIES,
    VARIATION_SELECTORS,
    Column,
    LayoutSpec,
    kind_bound,
)
from conformance.columnar.transcode import (
    BadByte,
    Decoded,
    LineTooLong,
    Utf8Source,
    first_bad_byte,
    inspect_utf8,
    locate_bad_byte,
    transcode,
)
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.masking import shown
from conformance.oracles.identifiers import is_valid_m11w2_7, is_valid_my_number, lg_code_check_digit
from conformance.spec.catalog import EditionCatalog
from conformance.spec.models import AppliesTo, DataItem, FileInterface, FileReference
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import normalize_encoding

if TYPE_CHECKING:
    import polars as pl

    from conformance.columnar.compile import Rule
    from conformance.columnar.fixed import FixedLayout, RecordProblem
    from conformance.columnar.kernel import Tables

__all__ = [
    "CATEGORY", "CELL_FAMILIES", "CONTENT_FAMILIES", "ENCODING", "FAMILIES", "FORBIDDEN", "REFERENCES",
    "RESIDENT_TYPE", "ROW_FAMILIES", "BadByte", "Column", "ContentScan", "EncodingVerdict", "LayoutSpec",
    "ReferenceScan", "char_length", "file_layout", "first_bad_byte", "judge_encoding", "scan_content",
]

#: Findings kept per rule family and file; the rest are counted in one file.too_many_findings.
FINDINGS_CAP = 1000
#: Largest field and physical line, in characters; beyond it the file is not read further.
FIELD_LIMIT = 1024 * 1024
#: Whether the columnar engine puts the compiled screen (conformance.columnar.kernel) in front of
#: its masks when numba is there; the tests turn it off to compare the two ways.
SCREEN = True
#: Smaller files go straight to the masks: loading the compiled screen costs a process about half
#: a second (numba and its cached machine code), which the masks take to read some 50 MB.
SCREEN_MIN_BYTES = 48 << 20
#: Encodings tried, in order, when the declared one does not fit the bytes.
CANDIDATE_ENCODINGS = ("utf-8", "cp932")
_BOM = codecs.BOM_UTF8
_UTF8 = ("utf-8", "utf-8-sig")


# ---------------------------------------------------------------------------------------------
# Values passed between the passes and the check


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding not yet attached to a requirement (one file pass serves several requirements)."""

    code: str
    message: str
    location: str
    expected: str | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule found in one value; the pass adds where."""

    code: str
    message: str
    expected: str | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One record: its first physical line and its values by header ('' when absent)."""

    line: int
    values: Mapping[str, str]


@dataclass
class FamilyLog:
    """The issues of one rule family in one file, capped, with an exact count."""

    family: str
    issues: list[Issue] = field(default_factory=list)
    count: int = 0

    def add(self, issue: Issue) -> None:
        self.count += 1
        if len(self.issues) < FINDINGS_CAP:
            self.issues.append(issue)

    def reported(self, file_name: str) -> tuple[Issue, ...]:
        """The kept issues, plus one saying how many were suppressed."""
        if self.count <= FINDINGS_CAP:
            return tuple(self.issues)
        hidden = self.count - FINDINGS_CAP
        summary = Issue(
            "file.too_many_findings",
            f"{hidden} more {self.family} finding(s) suppressed ({self.count} in total)",
            file_name, expected=f"at most {FINDINGS_CAP} shown", actual=str(self.count),
        )
        return (*self.issues, summary)


@dataclass(frozen=True, slots=True)
class EncodingVerdict:
    """What the encoding pass found: its findings, the encoding to read the content in, and the
    content as UTF-8 (validated in place or transcoded) when that pass produced it."""

    issues: tuple[Issue, ...]
    content_encoding: str | None
    source: Utf8Source | None = None


@dataclass(frozen=True, slots=True)
class ContentScan:
    """What the content pass found: issues per family (capped), the issue that stopped the pass,
    the exact count per rule ``(family, header)`` (header '' for record-level rules), and which
    engine read the file (``columnar`` or ``rows``)."""

    issues: Mapping[str, tuple[Issue, ...]]
    stop: Issue | None = None
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    engine: str = "rows"


@dataclass(frozen=True, slots=True)
class ReferenceScan:
    """What the references pass found in one file: its issues (capped, the last one counting the
    rest), the issue that stopped the reading of its values, and which engine read the values of
    each reference (``columnar`` or ``rows``)."""

    issues: tuple[Issue, ...]
    stop: Issue | None = None
    engines: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# The check


@check("file.layout")
def file_layout(ctx: CheckContext) -> Iterator[Finding]:
    """The export file of ``params.layout`` meets the rule families in ``params.rules``. With
    ``params.if_configured``, a layout the vendor need not offer is judged only when the profile
    configures its export (the requirement's other checks judge it otherwise), and its references
    only to layouts whose export the profile configures; without it, a referenced export the profile
    lacks is a TargetError."""
    target = _target(ctx)
    layout = _layout(target.catalog, ctx.params)
    families = _families(ctx.params, layout)
    if_configured = _if_configured(ctx.params)
    if if_configured and not target.need_exports().offers(layout.id):
        return
    # Before anything is read: a referenced export the profile lacks makes the check an ERROR.
    references = _judged_references(target, layout, families, if_configured=if_configured)
    for issue in _issues(target, layout, families, references):
        yield ctx.finding(issue.code, issue.message, location=issue.location,
                          expected=issue.expected, actual=issue.actual)


def _issues(
    target: Target, layout: FileInterface, families: Sequence[str], references: Sequence[Reference] = ()
) -> Iterator[Issue]:
    if ENCODING in families:
        yield from _encoding_verdict(target, layout).issues
    content = [family for family in families if family in CONTENT_FAMILIES]
    stop: Issue | None = None
    if content:
        scan = _content_scan(target, layout)
        for family in content:
            yield from scan.issues[family]
        stop = scan.stop
    if REFERENCES in families and references:
        found = _reference_scan(target, layout, references)
        yield from found.issues
        stop = stop or found.stop  # the same place in the same file: reported once
    if stop is not None:
        yield stop


def _target(ctx: CheckContext) -> Target:
    if not isinstance(ctx.target, Target):
        raise TargetError("no target: this check needs the vendor's export files")
    return ctx.target


def _layout(catalog: EditionCatalog, params: Mapping[str, object]) -> FileInterface:
    """The FileInterface named by ``params.layout``."""
    name = params.get("layout")
    layouts = {i.id: i for i in catalog.interfaces if isinstance(i, FileInterface)}
    if not isinstance(name, str) or name not in layouts:
        unknown = messages.unknown_lookup("file layout", str(name), list(layouts))
        raise UsageError(f"file.layout: params.layout: {unknown}")
    if layouts[name].format not in _READERS:
        readers = " and ".join(_READERS)
        raise UsageError(f"file.layout: layout {name!r} is {layouts[name].format}; only {readers} are implemented")
    return layouts[name]


#: Families a fixed-length layout does not have, and why.
_NOT_FIXED = {
    "header": "its records have no header line",
    REFERENCES: "cross-file references are judged between csv layouts only",
}
#: The formats file.layout reads, and the rule families each has.
_READERS: dict[str, tuple[str, ...]] = {
    "csv": FAMILIES,
    "fixed": tuple(family for family in FAMILIES if family not in _NOT_FIXED),
}


def _families(params: Mapping[str, object], layout: FileInterface) -> tuple[str, ...]:
    """``params.rules`` checked against the known families (all that apply to the layout's format
    when absent)."""
    applicable = _READERS[layout.format]
    rules = params.get("rules", applicable)
    if isinstance(rules, str) or not isinstance(rules, Sequence) or not rules:
        raise UsageError(f"file.layout: params.rules must be a non-empty list of: {messages.listing(applicable)}")
    for rule in rules:
        if rule not in FAMILIES:
            raise UsageError(f"file.layout: params.rules: {messages.not_allowed(rule, applicable)}")
        if rule not in applicable:
            raise UsageError(f"file.layout: params.rules: {rule!r} does not apply to the {layout.format} layout "
                             f"{layout.id!r} ({_NOT_FIXED[rule]}); expected some of: "
                             f"{messages.listing(applicable)}")
    return tuple(dict.fromkeys(str(rule) for rule in rules))  # a family named twice reports once


def _if_configured(params: Mapping[str, object]) -> bool:
    value = params.get("if_configured", False)
    if not isinstance(value, bool):
        raise UsageError(f"file.layout: params.if_configured: expected true or false, got {messages.describe(value)}")
    return value


# ---------------------------------------------------------------------------------------------
# Cached passes


def _cached_export(target: Target, layout: FileInterface) -> ExportFile:
    """The fetched file; a failed fetch is cached too, so a broken export is not asked for again
    by every requirement bound to it."""
    key = f"file.layout:{layout.id}:export"
    if key not in target.cache:
        # Files related by references are fetched together, as one extraction: a vendor's exports
        # are a snapshot, and residents appended between two fetches (the scenario checks add some)
        # would otherwise look like broken references.
        for member in _related_layouts(target, layout):
            _fetch(target, member)
    cached: ExportFile | TargetError = target.cache[key]
    if isinstance(cached, TargetError):
        raise TargetError(str(cached))
    return cached


def _fetch(target: Target, layout: FileInterface) -> None:
    key = f"file.layout:{layout.id}:export"
    if key in target.cache:
        return
    try:
        target.cache[key] = target.need_exports().fetch(layout.id)
    except TargetError as error:
        target.cache[key] = error


def _related_layouts(target: Target, layout: FileInterface) -> list[FileInterface]:
    """``layout``, then every layout it is connected to by references (either way, transitively)
    whose export the profile configures."""
    layouts = [i for i in target.catalog.interfaces if isinstance(i, FileInterface)]
    by_id = {i.id: i for i in layouts}
    edges: dict[str, set[str]] = {}
    for entry in layouts:
        for reference in entry.references:
            edges.setdefault(entry.id, set()).add(reference.layout)
            edges.setdefault(reference.layout, set()).add(entry.id)
    found, pending = [layout.id], [layout.id]
    while pending:
        for other in sorted(edges.get(pending.pop(), ())):
            if other not in found and other in by_id and target.need_exports().offers(other):
                found.append(other)
                pending.append(other)
    return [by_id.get(name, layout) for name in found]


def _encoding_verdict(target: Target, layout: FileInterface) -> EncodingVerdict:
    key = f"file.layout:{layout.id}:encoding"
    if key not in target.cache:
        target.cache[key] = judge_encoding(_cached_export(target, layout), layout)
    verdict: EncodingVerdict = target.cache[key]
    return verdict


def _content_scan(target: Target, layout: FileInterface) -> ContentScan:
    """The content families' issues; TargetError when no encoding decodes the file (and, for a
    fixed-length file, its declared encoding is unknown too)."""
    verdict = _encoding_verdict(target, layout)
    export = _cached_export(target, layout)
    encoding = _content_encoding(export, layout, verdict)
    key = f"file.layout:{layout.id}:content"
    if key not in target.cache:
        try:
            spec = LayoutSpec.of(target.catalog, layout)
            if layout.format == "fixed":
                target.cache[key] = _scan_fixed_layout(export, encoding, spec)
            else:
                target.cache[key] = scan_content(export, encoding, spec, verdict.source)
        finally:
            if verdict.source is not None:
                verdict.source.close()  # the content is cached: a transcoded copy is not needed again
    scan: ContentScan = target.cache[key]
    return scan


def _content_encoding(export: ExportFile, layout: FileInterface, verdict: EncodingVerdict) -> str:
    """The encoding the content is read in. A fixed-length file that decodes in no candidate is
    still read in its declared encoding: each field is decoded on its own, so the bytes that do not
    decode are findings of their record and field, not a file nobody can judge."""
    if verdict.content_encoding is not None:
        return verdict.content_encoding
    declared = normalize_encoding(export.declared_encoding)
    if layout.format == "fixed" and declared and _usable(declared):
        return _with_bom(declared, _starts_with_bom(export.path))
    tried = ", ".join(_tried(export.declared_encoding))
    raise TargetError(f"{export.path.name}: cannot judge the content: the bytes decode in none of {tried}")


def _scan_fixed_layout(export: ExportFile, encoding: str, spec: LayoutSpec) -> ContentScan:
    from conformance.columnar.fixed import from_catalog

    return scan_fixed(export.path, spec, from_catalog(spec.layout, encoding))


def _tried(declared: str) -> list[str]:
    declared = normalize_encoding(declared)
    return ([declared] if declared else []) + [e for e in CANDIDATE_ENCODINGS if e != declared]


# ---------------------------------------------------------------------------------------------
# Encoding


def judge_encoding(export: ExportFile, layout: FileInterface) -> EncodingVerdict:
    """The ``encoding`` family's findings, and the encoding the content is to be read in."""
    name = export.path.name
    declared = normalize_encoding(export.declared_encoding)
    bom = _starts_with_bom(export.path)
    if not declared:
        detected = _detect(export.path, bom)
        return EncodingVerdict((_undeclared(name, layout, detected),), detected)
    if not _usable(declared):
        return EncodingVerdict((_unknown(name, layout, declared),), _detect(export.path, bom))
    effective = _with_bom(declared, bom)
    issues: list[Issue] = []
    if not _allowed(effective, layout.encodings):
        issues.append(_not_allowed(name, layout, effective))
    fixed = layout.format == "fixed"
    decoded = _validate_only(export.path, effective) if fixed else _decode_content(export.path, effective)
    if decoded.bad is None:
        issues.extend(_ambiguity_issues(name, effective, decoded))
        return EncodingVerdict(tuple(issues), effective, decoded.source)
    # Detection costs a pass per candidate: only a file that needs it pays for it.
    detected = _detect(export.path, bom)
    issues.append(_mismatch(name, effective, decoded.bad, detected))
    return EncodingVerdict(tuple(issues), detected)


def decode(path: Path, encoding: str) -> Decoded:
    """One pass over the bytes in ``encoding``: validity, structure, and the content as UTF-8
    (the file itself, or a transcoded copy); for Shift_JIS, the characters CP932 reads otherwise."""
    if encoding in _UTF8:
        return inspect_utf8(path, encoding, FIELD_LIMIT)
    keep = FINDINGS_CAP if encoding == "shift_jis" else 0
    return transcode(path, encoding, FIELD_LIMIT, ambiguities=keep)


#: Encodings the compiled screen's own pass validates, and then reads without a UTF-8 copy
#: (Shift_JIS also needs its ambiguous characters located, which the transcoding pass does; UTF-8
#: is validated in place by polars' SIMD validator, about ten times less CPU than a numba pass).
NATIVE_ENCODINGS = ("cp932",)


def _decode_content(path: Path, encoding: str) -> Decoded:
    """:func:`decode` for a file whose content the engine reads next. A large CP932 file the screen
    will read is validated by the screen's own pass on every core and then read as it is, without
    a temporary UTF-8 copy (writing one costs more than judging the file)."""
    if encoding not in NATIVE_ENCODINGS or not _screen_worth(path.stat().st_size):
        return decode(path, encoding)
    from conformance.columnar.kernel import inspect_native

    try:
        bad, structure = inspect_native(path, encoding, FIELD_LIMIT)
    except LineTooLong:
        return decode(path, encoding)  # its passes read pieces, not lines; the row path reads the file
    if bad is not None:
        return Decoded(bad=locate_bad_byte(path, encoding, bad))
    return Decoded(source=Utf8Source(path, structure, temporary=False, encoding=encoding))


def _validate_only(path: Path, encoding: str) -> Decoded:
    """Validity, and Shift_JIS's ambiguous characters, without keeping a UTF-8 copy: fixed-length
    content is decoded field by field from the file's own bytes (scan_fixed)."""
    if encoding != "shift_jis":
        return Decoded(bad=first_bad_byte(path, encoding))
    decoded = decode(path, encoding)
    if decoded.source is not None:
        decoded.source.close()
        decoded.source = None
    return decoded


def _ambiguity_issues(name: str, encoding: str, decoded: Decoded) -> list[Issue]:
    """file.encoding_ambiguous_character per character Shift_JIS and CP932 read differently:
    the content keeps the declared reading; the finding says what the other one would be."""
    issues = [
        Issue(
            "file.encoding_ambiguous_character",
            f"bytes {found.data.hex(' ').upper()} read as {found.char} (U+{ord(found.char):04X}) in {encoding}; "
            f"cp932 reads {found.alternative} (U+{ord(found.alternative):04X}): the declared encoding decides",
            f"{name}:{found.line}:{found.column}", expected=f"U+{ord(found.char):04X}",
            actual=f"U+{ord(found.alternative):04X} in cp932",
        )
        for found in decoded.ambiguities
    ]
    if decoded.ambiguity_count > len(issues):
        hidden = decoded.ambiguity_count - len(issues)
        issues.append(Issue(
            "file.too_many_findings",
            f"{hidden} more encoding finding(s) suppressed ({decoded.ambiguity_count} in total)",
            name, expected=f"at most {FINDINGS_CAP} shown", actual=str(decoded.ambiguity_count),
        ))
    return issues


def _starts_with_bom(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(_BOM)) == _BOM


def _usable(encoding: str) -> bool:
    """Whether ``encoding`` is a text encoding Python knows (not e.g. zlib_codec or rot13).

    Encoding nothing asks only that: decoding a sample would refuse UTF-16 and UTF-32, which are
    text encodings whose characters take more than one byte."""
    try:
        "".encode(encoding)
    except LookupError:
        return False
    return True


def _with_bom(encoding: str, bom: bool) -> str:
    """UTF-8 with a BOM is utf-8-sig (the BOM is then not part of the first header)."""
    if encoding in ("utf-8", "utf-8-sig"):
        return "utf-8-sig" if bom else "utf-8"
    return encoding


def _allowed(effective: str, allowed: Sequence[str]) -> bool:
    """utf-8-sig in a layout allows a BOM, so plain UTF-8 meets it as well."""
    if effective == "utf-8":
        return "utf-8" in allowed or "utf-8-sig" in allowed
    return effective in allowed


def _detect(path: Path, bom: bool) -> str | None:
    """The first candidate encoding the whole file decodes in, if any."""
    for encoding in CANDIDATE_ENCODINGS:
        candidate = _with_bom(encoding, bom)
        if first_bad_byte(path, candidate) is None:
            return candidate
    return None


def _allowed_text(layout: FileInterface) -> str:
    return messages.listing(layout.encodings)


def _decodes_as(detected: str | None) -> str:
    if detected is None:
        return f"they decode in none of {messages.listing(CANDIDATE_ENCODINGS)}"
    return f"they decode as {detected}"


def _undeclared(name: str, layout: FileInterface, detected: str | None) -> Issue:
    return Issue(
        "file.encoding_undeclared",
        f"the file declares no encoding (charset); the layout allows {_allowed_text(layout)}; "
        f"the bytes: {_decodes_as(detected)}",
        name, expected=_allowed_text(layout), actual=None,
    )


def _unknown(name: str, layout: FileInterface, declared: str) -> Issue:
    return Issue(
        "file.encoding_not_allowed",
        f"the declared encoding {declared!r} is not a known text encoding; the layout allows {_allowed_text(layout)}",
        name, expected=_allowed_text(layout), actual=declared,
    )


def _not_allowed(name: str, layout: FileInterface, effective: str) -> Issue:
    shown_as = "utf-8 with a BOM (utf-8-sig)" if effective == "utf-8-sig" else effective
    return Issue(
        "file.encoding_not_allowed",
        f"the file is {shown_as}; the layout allows {_allowed_text(layout)}",
        name, expected=_allowed_text(layout), actual=effective,
    )


def _mismatch(name: str, declared: str, bad: BadByte, detected: str | None) -> Issue:
    data = bad.data.hex(" ").upper()
    return Issue(
        "file.encoding_mismatch",
        f"the bytes are not valid {declared} from line {bad.line}, column {bad.column} (bytes {data}); "
        f"{_decodes_as(detected)}",
        f"{name}:{bad.line}:{bad.column}", expected=declared, actual=data,
    )


# ---------------------------------------------------------------------------------------------
# The content pass


class FieldTooLarge(Exception):
    """A physical line (and so possibly a field) longer than FIELD_LIMIT: reading stops."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is longer than {FIELD_LIMIT} characters")
        self.line = line


def bounded_lines(stream: IO[str]) -> Iterator[str]:
    """The stream's physical lines; FieldTooLarge instead of reading an unbounded line."""
    line = 0
    while text := stream.readline(FIELD_LIMIT + 1):
        line += 1
        if len(text) > FIELD_LIMIT:
            raise FieldTooLarge(line)
        yield text


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    # The csv limit is process-wide: set it for this pass only (checks run one at a time).
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


class ContentPass:
    """One pass over the records of a file, feeding every content family (the row path; the
    columnar engine uses its header and logs)."""

    def __init__(self, name: str, spec: LayoutSpec) -> None:
        self.name = name
        self.spec = spec
        self.logs = {family: FamilyLog(family) for family in CONTENT_FAMILIES}
        self.counts: Counter[tuple[str, str]] = Counter()
        self.header: tuple[str, ...] = ()
        self.columns: tuple[Column, ...] = ()
        #: The physical line the record being read starts on (a quoted value may span lines).
        self.record_line = 1

    def add(self, family: str, issue: Issue, header: str = "") -> None:
        self.logs[family].add(issue)
        self.counts[family, header] += 1

    def result(self, stop: Issue | None = None, engine: str = "rows") -> ContentScan:
        issues = {family: log.reported(self.name) for family, log in self.logs.items()}
        return ContentScan(issues, stop, dict(self.counts), engine)

    def take_header(self, header: Sequence[str]) -> None:
        self.header = tuple(header)
        self.columns = self.spec.columns(header)
        expected = [c.header for c in self.spec.layout.columns]
        for issue in header_issues(self.name, self.header, expected):
            self.add("header", issue)

    def take_row(self, line: int, fields: Sequence[str]) -> None:
        if len(fields) != len(self.header):
            self.add("fields", _field_count(self.name, line, len(fields), len(self.header)))
        if not fields:  # a blank line is no record: its only defect is the field count
            return
        row = Row(line, {c.header: _value(fields, c) for c in self.columns})
        self._judge_cells(row)
        self._judge_row(row)

    def _judge_cells(self, row: Row) -> None:
        for column in self.columns:
            value = row.values[column.header]
            if not value:
                continue
            for family in column.families:
                problem = CELL_RULES[family](column, value)
                if problem is not None:
                    self.add(family, _issue(self.name, row.line, column, problem), column.header)

    def _judge_row(self, row: Row) -> None:
        for family in ROW_FAMILIES:
            for column, problem in ROW_RULES[family](self.spec, self.columns, row):
                self.add(family, _issue(self.name, row.line, column, problem), column.header)


def scan_content(
    export: ExportFile, encoding: str, spec: LayoutSpec, source: Utf8Source | None = None
) -> ContentScan:
    """Read the file once (streamed) and collect every content family's issues.

    The columnar engine reads it when its grammar covers the file, the row path otherwise.
    ``source`` is the content as UTF-8 when the encoding pass already made it.
    """
    own = source is None or (not source.utf8 and not _screened(source))
    if own:
        # Without a source, or with one only the screen reads when the screen will not run.
        source = decode(export.path, encoding).source
    try:
        if source is not None and _columnar_covers(source):
            scan = scan_columnar(export.path.name, source, spec)
            if scan is not None:
                return scan
    finally:
        if own and source is not None:
            source.close()
    return scan_rows(export, encoding, spec)


def scan_rows(export: ExportFile, encoding: str, spec: LayoutSpec) -> ContentScan:
    """The row path: the csv module, record by record."""
    state = ContentPass(export.path.name, spec)
    with _csv_field_limit(FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(bounded_lines(stream))
        try:
            _read_records(reader, state)
        except FieldTooLarge as error:
            return state.result(_too_large(state.name, error.line))
        except csv.Error as error:
            return state.result(_unreadable(state.name, state.record_line, str(error)))
    return state.result()


def _read_records(reader: Iterator[list[str]], state: ContentPass) -> None:
    header = next(reader, None)
    state.take_header(header if header is not None else [])
    state.record_line = _line_num(reader) + 1
    for fields in reader:
        state.take_row(state.record_line, fields)
        state.record_line = _line_num(reader) + 1


def _line_num(reader: Iterator[list[str]]) -> int:
    # csv's reader type is private; line_num is the count of physical lines read so far.
    number: int = getattr(reader, "line_num", 0)
    return number


def _value(fields: Sequence[str], column: Column) -> str:
    """The column's value in a record; '' when the column is absent or the record is short."""
    if column.index is None or column.index >= len(fields):
        return ""
    return fields[column.index]


def _location(name: str, line: int, column: Column) -> str:
    """``file:line:column (header)``; without the column number when the file lacks the column."""
    if column.index is None:
        return f"{name}:{line} ({column.header})"
    return f"{name}:{line}:{column.index + 1} ({column.header})"


def _issue(name: str, line: int, column: Column, problem: Problem) -> Issue:
    return Issue(problem.code, f"{column.header}: {problem.message}", _location(name, line, column),
                 problem.expected, problem.actual)


def _field_count(name: str, line: int, actual: int, expected: int) -> Issue:
    return Issue("file.field_count", f"the record has {actual} field(s); the header has {expected}",
                 f"{name}:{line}", expected=str(expected), actual=str(actual))


def _too_large(name: str, line: int, detail: str = "") -> Issue:
    reason = detail or f"longer than {FIELD_LIMIT} characters"
    return Issue("file.field_too_large", f"line {line}: {reason}; the rest of the file was not read",
                 f"{name}:{line}", expected=f"at most {FIELD_LIMIT} characters")


def _unreadable(name: str, line: int, detail: str) -> Issue:
    """A csv error: in the lenient dialect only an over-long field raises; anything else is syntax."""
    if "field limit" in detail:
        return _too_large(name, line, f"a field is longer than {FIELD_LIMIT} characters")
    return Issue("file.csv_syntax", f"record at line {line}: {detail}; the rest of the file was not read",
                 f"{name}:{line}")


# ---------------------------------------------------------------------------------------------
# The columnar engine's findings


class EngineDisagreement(Exception):
    """A mask and its Python rule disagree on a failing row: the row path reads the file."""


def _columnar_covers(source: Utf8Source) -> bool:
    """Whether the columnar grammar can cover the file (see conformance.columnar.lines); the
    row path reads the rest, and reports where and why it stopped."""
    structure = source.structure
    return not (structure.bare_cr or structure.nul or structure.long_line)


def scan_columnar(name: str, source: Utf8Source, spec: LayoutSpec) -> ContentScan | None:
    """The content families' issues from the columnar engine; None when a line turns out to be
    outside its grammar (the caller then uses the row path)."""
    # polars is imported when a file is read, not when a suite is collected.
    from conformance.columnar.compile import compile_rules
    from conformance.columnar.lines import Irregular, LinesPlan, failing_batches, refine

    header = _first_record(source.path, source.encoding)
    if header is None:
        return None
    state = ContentPass(name, spec)
    state.take_header(header)
    rules = compile_rules(spec, state.columns, len(header))
    fields = tuple(sorted({c.index for c in state.columns if c.index is not None}))
    tables = _screen_tables(state.columns, header, rules, source.encoding) if _screened(source) else None
    plan = LinesPlan(source.paths, 2, source.structure.quotes, fields, rules, tables)
    collector = _Collector(state, rules)
    pending = _Pending()
    try:
        for batch in failing_batches(plan):
            if pending.add(batch):
                collector.take(refine(pending.take(), rules))
        if pending.batches:
            collector.take(refine(pending.take(), rules))
    except (Irregular, EngineDisagreement, LineTooLong):
        return None
    return state.result(engine="columnar")


def _screened(source: Utf8Source) -> bool:
    """Whether the compiled screen reads the file before the masks (numba there, file large)."""
    return _screen_worth(sum(p.stat().st_size for p in source.paths))


def _screen_worth(size: int) -> bool:
    from conformance.columnar import kernel

    return SCREEN and size >= SCREEN_MIN_BYTES and kernel.available()


def _screen_tables(columns: Sequence[Column], header: Sequence[str], rules: Sequence[Rule],
                   encoding: str) -> Tables:
    from conformance.columnar import kernel

    return kernel.build_tables(columns, len(header), rules, encoding)


class _Pending:
    """Small failing batches gathered before Python looks at them: each look costs a few polars
    calls, and polars hands over one batch per morsel. Bounded in batches too, because a kept row
    pins the buffers of the morsel it came from."""

    ROWS = 20_000
    BATCHES = 64

    def __init__(self) -> None:
        self.batches: list[pl.DataFrame] = []
        self.rows = 0

    def add(self, batch: pl.DataFrame) -> bool:
        """Keep ``batch``; True when it is time to take the pending rows."""
        if batch.height:
            self.batches.append(batch)
            self.rows += batch.height
        return bool(self.batches) and (self.rows >= self.ROWS or len(self.batches) >= self.BATCHES)

    def take(self) -> pl.DataFrame:
        import polars as pl

        taken = pl.concat(self.batches)
        self.batches, self.rows = [], 0
        return taken


def scan_fixed(path: Path, spec: LayoutSpec, fixed: FixedLayout) -> ContentScan:
    """The content families' issues of a fixed-length file (no header line: the layout's fields
    are the columns). Locations are ``file:record:field (header)``; records that do not fit the
    byte layout, and fields whose bytes do not decode on their own, are ``fields`` findings.
    Chunks are judged by the compiled masks; a mask that disagrees with its rule sends the file
    to the rule functions, record by record, as for CSV."""
    try:
        return _fixed_pass(path, spec, fixed, columnar=True)
    except EngineDisagreement:
        return _fixed_pass(path, spec, fixed, columnar=False)


def _fixed_pass(path: Path, spec: LayoutSpec, fixed: FixedLayout, *, columnar: bool) -> ContentScan:
    from conformance.columnar.compile import compile_rules
    from conformance.columnar.fixed import read_chunks
    from conformance.columnar.lines import mark_failing, refine

    state = ContentPass(path.name, spec)
    state.header = fixed.headers
    state.columns = spec.columns(fixed.headers)
    rules = compile_rules(spec, state.columns, len(fixed.headers)) if columnar else []
    collector = _Collector(state, rules)
    for chunk in read_chunks(path, fixed):
        _record_problems(state, chunk.problems)
        if columnar:
            collector.take(refine(mark_failing(chunk.frame, rules), rules))
        else:
            _take_records(state, chunk.frame, len(fixed.fields))
    return state.result(engine="fixed" if columnar else "rows")


def _record_problems(state: ContentPass, problems: Sequence[RecordProblem]) -> None:
    """Records that do not fit the byte layout, and fields that do not decode on their own."""
    by_index = {c.index: c for c in state.columns if c.index is not None}
    for problem in problems:
        column = by_index.get(problem.field) if problem.field is not None else None
        location = f"{state.name}:{problem.record}" if column is None else _location(state.name, problem.record, column)
        state.add("fields", Issue(problem.code, problem.message, location, actual=problem.actual),
                  column.header if column else "")


def _take_records(state: ContentPass, frame: pl.DataFrame, count: int) -> None:
    """The row path of a fixed-length chunk: every record through the rule functions."""
    from conformance.columnar.compile import LINE, value_name

    for line, *values in frame.select(LINE, *(value_name(index) for index in range(count))).iter_rows():
        state.take_row(int(line), values)


def _first_record(path: Path, encoding: str = "utf-8") -> list[str] | None:
    """The header (line 1) as csv reads it; None when it is outside the one-line grammar."""
    from conformance.columnar.lines import REGULAR_LINE

    with path.open("rb") as stream:
        data = stream.readline(FIELD_LIMIT + 1)
    text = data.decode("utf-8-sig" if encoding in _UTF8 else encoding).removesuffix("\n").removesuffix("\r")
    if not text:
        return []  # csv reads a blank first line as a header without columns
    if '"' in text and REGULAR_LINE.fullmatch(text) is None:
        return None
    return next(csv.reader([text]))


class _Collector:
    """Turns failing batches into issues and exact counts: the counts are sums of the masks, and
    Python words the first FINDINGS_CAP issues of each family with the row path's rule functions."""

    def __init__(self, state: ContentPass, rules: Sequence[Rule]) -> None:
        self.state = state
        self.rules = tuple(rules)
        self.by_family: dict[str, list[Rule]] = {}
        for rule in rules:
            self.by_family.setdefault(rule.family, []).append(rule)
        self.reads = {family: self._reads(family, family_rules) for family, family_rules in self.by_family.items()}
        from conformance.columnar.compile import value_name

        # (header, batch column or None for a column the file lacks), looked up once for all rows.
        self.values = [(c.header, value_name(c.index) if c.index is not None else None) for c in state.columns]

    def _reads(self, family: str, rules: Sequence[Rule]) -> list[str]:
        """The batch columns wording ``family`` reads (a row of 170 columns costs more to build)."""
        from conformance.columnar.compile import LINE, NFIELDS, value_name

        if family == "fields":
            return [LINE, NFIELDS]
        columns = [r.column for r in rules] if family in CELL_FAMILIES else list(self.state.columns)
        values = {value_name(c.index) for c in columns if c is not None and c.index is not None}
        return [LINE, *sorted(values), *(rule.name for rule in rules)]

    def take(self, batch: pl.DataFrame) -> None:
        import polars as pl

        if not batch.height:
            return
        sums = batch.select(pl.col(rule.name).sum() for rule in self.rules).row(0)
        busy: list[str] = []
        for rule, count in zip(self.rules, sums, strict=True):
            if count:
                if rule.family not in busy:
                    busy.append(rule.family)
                self.state.logs[rule.family].count += count
                self.state.counts[rule.family, rule.column.header if rule.column else ""] += count
        wording = [family for family in busy if len(self.state.logs[family].issues) < FINDINGS_CAP]
        if not wording:
            return
        # One pass over the batch marks the rows of each family; each family then reads only its rows.
        marks = batch.select(
            pl.any_horizontal(pl.col(rule.name) for rule in self.by_family[family]).alias(family)
            for family in wording
        )
        for family in wording:  # the order of families does not matter: each has its own log
            self._word(family, self.by_family[family], batch, marks[family])

    def _word(self, family: str, rules: Sequence[Rule], batch: pl.DataFrame, marked: pl.Series) -> None:
        log = self.state.logs[family]
        room = FINDINGS_CAP - len(log.issues)
        rows = batch[marked.arg_true()[:room], self.reads[family]]
        for row in rows.iter_rows(named=True):
            for issue in self._issues(family, rules, row):
                if len(log.issues) < FINDINGS_CAP:
                    log.issues.append(issue)

    def _issues(self, family: str, rules: Sequence[Rule], row: Mapping[str, Any]) -> Iterator[Issue]:
        from conformance.columnar.compile import LINE, NFIELDS

        state, line = self.state, int(row[LINE])
        if family == "fields":
            yield _field_count(state.name, line, int(row[NFIELDS]), len(state.header))
            return
        if family in CELL_FAMILIES:
            yield from self._cell_issues(family, rules, row, line)
            return
        record = Row(line, {header: row[name] if name is not None else "" for header, name in self.values})
        found = list(ROW_RULES[family](state.spec, state.columns, record))
        marked = [rule.column.header for rule in rules if rule.column is not None and row[rule.name]]
        if [column.header for column, _ in found] != marked:
            raise EngineDisagreement(f"{family} at line {line}: masks {marked}, rules {found}")
        for column, problem in found:
            yield _issue(state.name, line, column, problem)

    def _cell_issues(self, family: str, rules: Sequence[Rule], row: Mapping[str, Any], line: int) -> Iterator[Issue]:
        for rule in rules:
            if rule.column is None or not row[rule.name]:
                continue
            problem = CELL_RULES[family](rule.column, _row_value(row, rule.column))
            if problem is None:
                raise EngineDisagreement(f"{family} at line {line}, column {rule.column.header}")
            yield _issue(self.state.name, line, rule.column, problem)


def _row_value(row: Mapping[str, Any], column: Column) -> str:
    from conformance.columnar.compile import value_name

    if column.index is None:
        return ""
    found: str = row[value_name(column.index)]
    return found


# ---------------------------------------------------------------------------------------------
# references: cross-file rules (移行ファイル関連図)
#
# Each reference of a layout is judged in two streamed passes: the referenced file's key column is
# read once into its distinct values (cached per layout and key), then the referencing file's
# column is anti-joined against them. The columnar engine reads the files its grammar covers
# (conformance.columnar.relations); the csv module reads the others, with the same findings. Both
# files are read in the encoding their content is judged in (_content_encoding).


#: A reference of the judged layout, with the layout it refers to.
Reference = tuple[FileReference, FileInterface]


def _judged_references(
    target: Target, layout: FileInterface, families: Sequence[str], *, if_configured: bool
) -> tuple[Reference, ...]:
    """The layout's references the check judges. A referenced export the profile does not
    configure is a TargetError (nothing can be judged), or is left out with ``if_configured``."""
    if REFERENCES not in families:
        return ()
    layouts = {i.id: i for i in target.catalog.interfaces if isinstance(i, FileInterface)}
    judged: list[Reference] = []
    for reference in layout.references:
        other = _referenced_layout(layout, reference, layouts)
        if target.need_exports().offers(other.id):
            judged.append((reference, other))
        elif not if_configured:
            raise TargetError(
                f"{layout.id}.{reference.column} refers to {other.id}.{reference.key}, but the profile configures "
                f"no export of {other.id!r} (targets.exports.files); a binding with if_configured: true judges "
                "references only to configured exports"
            )
    return tuple(judged)


def _referenced_layout(
    layout: FileInterface, reference: FileReference, layouts: Mapping[str, FileInterface]
) -> FileInterface:
    other = layouts.get(reference.layout)
    if other is None:  # the loader refuses such a catalog; a catalog built in code may still have one
        unknown = messages.unknown_lookup("file layout", reference.layout, list(layouts))
        raise UsageError(f"file.layout: {layout.id}.references: {unknown}")
    if other.format != "csv":
        raise UsageError(f"file.layout: {layout.id}.references: layout {other.id!r} is {other.format}; "
                         "references are judged between csv layouts only")
    return other


def _reference_scan(target: Target, layout: FileInterface, references: Sequence[Reference]) -> ReferenceScan:
    key = f"file.layout:{layout.id}:references:{','.join(other.id for _, other in references)}"
    if key not in target.cache:
        target.cache[key] = _scan_references(target, layout, references)
    scan: ReferenceScan = target.cache[key]
    return scan


def _scan_references(target: Target, layout: FileInterface, references: Sequence[Reference]) -> ReferenceScan:
    export = _cached_export(target, layout)
    verdict = _encoding_verdict(target, layout)
    encoding = _content_encoding(export, layout, verdict)
    spec = LayoutSpec.of(target.catalog, layout)
    log = FamilyLog(REFERENCES)
    stop: Issue | None = None
    engines: list[str] = []
    for reference, other in references:
        keys = _keys(target, other, reference.key)
        expected = f"a {reference.key} of {other.id} ({_cached_export(target, other).path.name})"
        wording = ReferenceWording(export.path.name, spec, reference.column, expected)
        found, engine = unknown_references(export, encoding, Utf8SourceView(export, encoding, verdict), wording, keys)
        log.issues.extend(found.issues[:max(FINDINGS_CAP - len(log.issues), 0)])
        log.count += found.count
        stop = stop or found.stop
        engines.append(engine)
    return ReferenceScan(log.reported(export.path.name), stop, tuple(engines))


@dataclass(frozen=True, slots=True)
class ReferenceWording:
    """How a value that is no key is reported: at ``file:line:column (header)`` of the column as
    the file has it, with the value masked as the item's ``personal`` flag says."""

    name: str
    spec: LayoutSpec
    header: str
    expected: str

    def column(self, titles: Sequence[str]) -> Column:
        """The column, positioned in the file's header line ``titles`` (first of that title)."""
        return next(c for c in self.spec.columns(titles) if c.header == self.header)

    def issue(self, column: Column, line: int, value: str) -> Issue:
        return Issue("file.reference_missing", f"{column.header}: not {self.expected}",
                     _location(self.name, line, column), self.expected, shown(value, column.item.personal))


@dataclass
class UnknownValues:
    """One reference's findings in one file: worded issues (capped), the exact count, and the
    issue that stopped the reading (row path only: the columnar grammar has no such stop)."""

    issues: list[Issue] = field(default_factory=list)
    count: int = 0
    stop: Issue | None = None

    def add(self, issue: Callable[[], Issue]) -> None:
        """Counts one finding; words it while under the cap."""
        self.count += 1
        if len(self.issues) < FINDINGS_CAP:
            self.issues.append(issue())


def unknown_references(
    export: ExportFile, encoding: str, source: Utf8SourceView, wording: ReferenceWording, keys: pl.DataFrame
) -> tuple[UnknownValues, str]:
    """The non-empty values of the wording's column that are not ``keys``, and the engine that
    read them (``columnar`` when its grammar covers the file, ``rows`` otherwise)."""
    with source as utf8:
        titles = _columnar_titles(utf8)
        if utf8 is not None and titles is not None:
            found = _columnar_unknown(utf8, wording, wording.column(titles), keys)
            if found is not None:
                return found, "columnar"
    return _row_unknown(export, encoding, wording, keys), "rows"


def _columnar_titles(source: Utf8Source | None) -> list[str] | None:
    """The header line when the columnar grammar covers the file; None sends it to the row path."""
    if source is None or not _columnar_covers(source):
        return None
    return _first_record(source.path)


def _columnar_unknown(
    source: Utf8Source, wording: ReferenceWording, column: Column, keys: pl.DataFrame
) -> UnknownValues | None:
    """The columnar engine's findings; None when a line is outside its grammar."""
    from conformance.columnar.compile import LINE
    from conformance.columnar.lines import VALUE, Irregular
    from conformance.columnar.relations import unknown_values

    found = UnknownValues()
    if column.index is None:
        return found  # the file lacks the column: no value refers to anything (header reports it)
    try:
        for batch in unknown_values(source.paths, source.structure.quotes, column.index, keys):
            room = max(FINDINGS_CAP - len(found.issues), 0)
            found.issues.extend(wording.issue(column, int(line), value)
                                for line, value in batch[:room].select(LINE, VALUE).iter_rows())
            found.count += batch.height  # counted in polars: only the worded rows reach Python
    except Irregular:
        return None
    return found


def _row_unknown(export: ExportFile, encoding: str, wording: ReferenceWording, keys: pl.DataFrame) -> UnknownValues:
    """The row path's findings: the csv module reads the column, a set holds the keys."""
    from conformance.columnar.relations import KEY

    known = set(keys[KEY].to_list())
    found = UnknownValues()

    def take(column: Column, line: int, value: str) -> None:
        if value not in known:
            found.add(lambda: wording.issue(column, line, value))

    found.stop = read_column(export, encoding, wording.column, take)
    return found


def read_column(
    export: ExportFile, encoding: str, locate: Callable[[Sequence[str]], Column],
    take: Callable[[Column, int, str], None],
) -> Issue | None:
    """The row path of one column: ``locate`` finds it in the header line, ``take(column, line,
    value)`` gets each non-empty value with the line its record starts on. Returns the issue that
    stopped the reading, if any (worded as the content pass words it)."""
    name, line = export.path.name, 1
    with _csv_field_limit(FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(bounded_lines(stream))
        try:
            titles = next(reader, None)
            column = locate(titles if titles is not None else [])
            line = _line_num(reader) + 1
            for fields in reader:
                value = _value(fields, column)
                if value:
                    take(column, line, value)
                line = _line_num(reader) + 1
        except FieldTooLarge as error:
            return _too_large(name, error.line)
        except csv.Error as error:
            return _unreadable(name, line, str(error))
    return None


def _keys(target: Target, layout: FileInterface, header: str) -> pl.DataFrame:
    """The distinct non-empty values of column ``header`` of the layout's file (column KEY), read
    once per run."""
    key = f"file.layout:{layout.id}:keys:{header}"
    if key not in target.cache:
        export = _cached_export(target, layout)
        verdict = _encoding_verdict(target, layout)
        encoding = _content_encoding(export, layout, verdict)
        spec = LayoutSpec.of(target.catalog, layout)
        target.cache[key] = read_keys(export, encoding, Utf8SourceView(export, encoding, verdict), spec, header)
    keys: pl.DataFrame = target.cache[key]
    return keys


def read_keys(export: ExportFile, encoding: str, source: Utf8SourceView, spec: LayoutSpec, header: str) -> pl.DataFrame:
    """The distinct non-empty values of column ``header``: the columnar engine's when its grammar
    covers the file, the csv module's otherwise. Keys cut short by an unreadable line would make
    every later key look missing: the references are then not judged (TargetError)."""
    import polars as pl

    from conformance.columnar.lines import Irregular
    from conformance.columnar.relations import KEY, distinct_keys

    def locate(titles: Sequence[str]) -> Column:
        return next(c for c in spec.columns(titles) if c.header == header)

    with source as utf8:
        titles = _columnar_titles(utf8)
        if utf8 is not None and titles is not None:
            index = locate(titles).index
            if index is None:
                return pl.DataFrame({KEY: []}, schema={KEY: pl.String})
            try:
                return distinct_keys(utf8.paths, utf8.structure.quotes, index)
            except Irregular:
                pass
    values: set[str] = set()
    stop = read_column(export, encoding, locate, lambda _column, _line, value: values.add(value))
    if stop is not None:
        raise TargetError(f"{export.path.name}: cannot read every {header} to judge references to it: {stop.message}")
    return pl.DataFrame({KEY: sorted(values)}, schema={KEY: pl.String})


class Utf8SourceView:
    """The file as UTF-8 for one references pass: the encoding pass's source when it is the export
    itself (validated in place: still there), else a fresh one, removed after the pass (the content
    pass removes the encoding pass's transcoded copy once it has read it)."""

    def __init__(self, export: ExportFile, encoding: str, verdict: EncodingVerdict) -> None:
        self.export, self.encoding, self.verdict = export, encoding, verdict
        self.own: Utf8Source | None = None

    def __enter__(self) -> Utf8Source | None:
        shared = self.verdict.source
        if (shared is not None and not shared.temporary and shared.utf8
                and self.verdict.content_encoding == self.encoding):
            return shared
        self.own = decode(self.export.path, self.encoding).source
        return self.own

    def __exit__(self, *exc_info: object) -> None:
        if self.own is not None:
            self.own.close()
            self.own = None


# ---------------------------------------------------------------------------------------------
# header


def header_issues(name: str, header: Sequence[str], expected: Sequence[str]) -> Iterator[Issue]:
    """Unexpected (or repeated) columns, missing columns, then the first column out of order."""
    wanted, seen = set(expected), set[str]()
    for position, title in enumerate(header, start=1):
        if title not in wanted or title in seen:
            why = "repeated" if title in seen else "not in the layout"
            yield Issue("file.header_unexpected_column", f"column {title!r} is {why}",
                        f"{name}:1:{position} ({title})", actual=title)
        seen.add(title)
    for position, title in enumerate(expected, start=1):
        if title not in seen:
            yield Issue("file.header_missing_column", f"column {title!r} is missing (layout position {position})",
                        f"{name}:1:{position} ({title})", expected=title)
    yield from _order_issue(name, header, expected)


def _order_issue(name: str, header: Sequence[str], expected: Sequence[str]) -> Iterator[Issue]:
    """The first column, among those the layout has, that is not where the layout puts it."""
    present = [t for t in expected if t in header]
    firsts = {t: header.index(t) + 1 for t in present}
    found = sorted(present, key=firsts.__getitem__)
    for wanted, actual in zip(present, found, strict=True):
        if wanted != actual:
            yield Issue("file.header_order", f"column {actual!r} is out of order: the layout puts {wanted!r} here",
                        f"{name}:1:{firsts[actual]} ({actual})", expected=wanted, actual=actual)
            return


# ---------------------------------------------------------------------------------------------
# Cell families: (column, non-empty value) -> Problem | None


# [0-9], not \d: \d matches full-width digits too.
_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DIGITS = re.compile(r"[0-9]+")
_FLAGS = ("0", "1")


def check_type(column: Column, value: str) -> Problem | None:
    """integer, date and flag values have their type's form (code values: see check_code)."""
    kind, personal = column.item.type, column.item.personal
    if kind == "integer" and not _INTEGER.fullmatch(value):
        return Problem("file.type", "not an integer", "integer ([0-9])", shown(value, personal))
    if kind == "flag" and value not in _FLAGS:
        return Problem("file.type", "not a flag", "0 or 1", shown(value, personal))
    if kind == "date" and not is_date(value, column.item.calendar):
        expected = "YYYY-MM-DD" + (" (a calendar date)" if column.item.calendar == "strict" else "")
        return Problem("file.type", f"not a {column.item.calendar} date", expected, shown(value, personal))
    return None


def is_date(value: str, calendar: str) -> bool:
    """YYYY-MM-DD; strict: a real date; lenient: any month 01-12 and day 01-31 (e.g. 2023-02-29)."""
    match = _DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) for part in match.groups())
    if calendar == "lenient":
        return 1 <= month <= 12 and 1 <= day <= 31
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# Variation selectors (IVS, e.g. 葛 U+845B U+E0100) are part of the character before them.
_VARIATION_SELECTORS = VARIATION_SELECTORS.python()


def char_length(value: str) -> int:
    """Length in characters, an ideographic variation sequence counting as one."""
    return len(value) - len(_VARIATION_SELECTORS.findall(value))


def check_length(column: Column, value: str) -> Problem | None:
    """No longer than the item's length."""
    limit = column.item.length
    length = char_length(value)
    if limit is None or length <= limit:
        return None
    return Problem("file.length", f"{length} characters, longer than {limit}", f"at most {limit} characters",
                   shown(value, column.item.personal))


def check_code(column: Column, value: str) -> Problem | None:
    """Code items hold a code of their code table."""
    if column.item.type != "code" or value in column.codes:
        return None
    return Problem("file.code", f"not a code of {column.item.code_table}", messages.listing(sorted(column.codes)),
                   shown(value, column.item.personal))


def check_pattern(column: Column, value: str) -> Problem | None:
    """The whole value matches the item's pattern."""
    if column.pattern is None or column.pattern.fullmatch(value):
        return None
    return Problem("file.pattern", "does not match the pattern", column.pattern.pattern,
                   shown(value, column.item.personal))


def check_char_class(column: Column, value: str) -> Problem | None:
    """Every character belongs to the item's class; the first one that does not is reported."""
    char_class = column.item.char_class
    if char_class is None:
        return None
    bad = FORBIDDEN[char_class].search(value)
    if bad is None:
        return None
    # Only the code point: the value itself may be personal.
    return Problem("file.char_class", f"character {bad.start() + 1} is not allowed in {char_class}",
                   char_class, f"U+{ord(bad.group()):04X}")


def _is_valid_lg_code(number: str) -> bool:
    return len(number) == 6 and int(number[5]) == lg_code_check_digit(number[:5])


CHECK_DIGITS: dict[str, Callable[[str], bool]] = {
    "m11w2-7": is_valid_m11w2_7,
    "my_number": is_valid_my_number,
    "lg_code": _is_valid_lg_code,
}


def check_check_digit(column: Column, value: str) -> Problem | None:
    """Numbers with a check digit have a valid one (values that are not all digits: char_classes)."""
    scheme = column.item.check_digit
    if scheme is None or not _DIGITS.fullmatch(value) or CHECK_DIGITS[scheme](value):
        return None
    return Problem("file.check_digit", f"fails the {scheme} check digit", f"a valid {scheme} number",
                   shown(value, column.item.personal))


CELL_RULES: dict[str, Callable[[Column, str], Problem | None]] = {
    "types": check_type,
    "lengths": check_length,
    "codes": check_code,
    "patterns": check_pattern,
    "char_classes": check_char_class,
    "check_digits": check_check_digit,
}


# ---------------------------------------------------------------------------------------------
# Row families: (layout, columns, row) -> (column, Problem) pairs


RowRule = Callable[[LayoutSpec, Sequence[Column], Row], Iterator[tuple[Column, Problem]]]


def check_required(spec: LayoutSpec, columns: Sequence[Column], row: Row) -> Iterator[tuple[Column, Problem]]:
    """Required items, and items whose condition holds, are filled (conditions on 第30条45規定区分:
    check_category_items)."""
    for column in columns:
        if row.values[column.header] == "" and _required_here(column.item, row):
            yield column, _missing(column.item)


def _required_here(item: DataItem, row: Row) -> bool:
    condition = item.required_when
    if item.required or condition is None:
        return item.required
    return condition.item != CATEGORY and row.values.get(condition.item, "") in condition.values


def _missing(item: DataItem) -> Problem:
    condition = item.required_when
    when = "" if item.required or condition is None else f" when {condition.item} is {'/'.join(condition.values)}"
    return Problem("file.required", f"empty, but required{when}", "a value", "")


def check_category_items(
    spec: LayoutSpec, columns: Sequence[Column], row: Row
) -> Iterator[tuple[Column, Problem]]:
    """Items of one resident kind are empty for the other; a foreign resident's 第30条45規定区分
    decides which category items must be filled and which must be empty."""
    kind = spec.resident_kinds.get(row.values.get(RESIDENT_TYPE, ""))
    if kind is None:
        return  # no or unknown 住民種別: the required and codes families report that
    for column in columns:
        if not kind_bound(column.item):
            continue
        problem = _kind_problem(column, row, kind) or _category_problem(spec, column, row, kind)
        if problem is not None:
            yield column, problem


def _kind_problem(column: Column, row: Row, kind: AppliesTo) -> Problem | None:
    applies_to, value = column.item.applies_to, row.values[column.header]
    if applies_to in (AppliesTo.ALL, kind) or value == "":
        return None
    return Problem("file.category_item_unexpected", f"only for {applies_to.value} residents",
                   "empty", shown(value, column.item.personal))


def _category_problem(spec: LayoutSpec, column: Column, row: Row, kind: AppliesTo) -> Problem | None:
    condition, value = column.item.required_when, row.values[column.header]
    if kind is not AppliesTo.FOREIGN or condition is None or condition.item != CATEGORY:
        return None
    category = row.values.get(CATEGORY, "")
    if category not in spec.item_codes(CATEGORY):
        return None  # unknown category: the required and codes families report it
    if category in condition.values:
        return _missing(column.item) if value == "" else None
    if value == "":
        return None
    return Problem("file.category_item_unexpected", f"not an item of {CATEGORY} {category}",
                   "empty", shown(value, column.item.personal))


ROW_RULES: dict[str, RowRule] = {
    "required": check_required,
    "category_items": check_category_items,
}
