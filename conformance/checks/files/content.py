"""The content pass: every content family of one file, read once, by the columnar engine when its
grammar covers the file (with the compiled screen in front of its masks for large files), by the
csv module record by record otherwise; fixed-length files chunk by chunk."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from conformance.catalog.check_params import CELL_FAMILIES, CONTENT_FAMILIES, ROW_FAMILIES
from conformance.catalog.layouts import Column, LayoutSpec
from conformance.checks.files import limits
from conformance.checks.files.encoding import decode
from conformance.checks.files.limits import UTF8 as _UTF8
from conformance.checks.files.model import ContentScan, FamilyLog, Problem, Row
from conformance.checks.files.rules import CELL_RULES, ROW_RULES, header_issues
from conformance.columnar.transcode import (
    LineTooLong,
    Utf8Source,
)
from conformance.findings import Finding
from conformance.targets.base import ExportFile

if TYPE_CHECKING:
    import polars as pl

    from conformance.columnar.compile import Rule
    from conformance.columnar.digest import Digester
    from conformance.columnar.fixed import FixedLayout, RecordProblem
    from conformance.columnar.kernel import Tables


class FieldTooLarge(Exception):
    """A physical line (and so possibly a field) longer than FIELD_LIMIT: reading stops."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is longer than {limits.FIELD_LIMIT} characters")
        self.line = line


def bounded_lines(stream: IO[str]) -> Iterator[str]:
    """The stream's physical lines; FieldTooLarge instead of reading an unbounded line."""
    line = 0
    while text := stream.readline(limits.FIELD_LIMIT + 1):
        line += 1
        if len(text) > limits.FIELD_LIMIT:
            raise FieldTooLarge(line)
        yield text


@contextmanager
def csv_field_limit(limit: int) -> Iterator[None]:
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
        #: Columns of the layout the file lacks: what a record needs there is one finding per
        #: column and family (the header family names the column once), not one per record.
        self.absent: frozenset[str] = frozenset()
        #: (family, header) of an absent column -> (the first issue, the records it stands for).
        self.absent_issues: dict[tuple[str, str], tuple[Finding, int]] = {}

    def add(self, family: str, issue: Finding, header: str = "") -> None:
        self.counts[family, header] += 1
        if header in self.absent:
            self.note_absent(family, header, 1, lambda: issue)
            return
        self.logs[family].add(issue, header)

    def note_absent(self, family: str, header: str, count: int, first: Callable[[], Finding]) -> None:
        """``count`` more records need a value in the absent column ``header``."""
        key = (family, header)
        found, seen = self.absent_issues.get(key) or (first(), 0)
        self.absent_issues[key] = (found, seen + count)

    def result(self, stop: Finding | None = None, engine: str = "rows") -> ContentScan:
        declared = self.spec.mapping.absent  # the profile says the system has no such column: not applicable
        dropped = {key: count for key, (_, count) in self.absent_issues.items() if key[1] in declared}
        # The header family would have reported each declared column the file lacks as missing.
        dropped.update({("header", header): 1 for header in sorted(declared & self.absent)})
        self.absent_issues = {key: value for key, value in self.absent_issues.items() if key[1] not in declared}
        for (family, header), (first, count) in self.absent_issues.items():
            line = first.where.removeprefix(self.name + ":").split(" ", 1)[0]
            self.logs[family].count += 1
            self.logs[family].keep(Finding(
                first.code, f"{header}: the file has no column {header!r}: {count} record(s) need a value "
                f"there, the first at line {line}", f"{self.name} ({header})", first.expected, str(count),
            ), header)
        counts = {key: (1 if key in self.absent_issues else n) for key, n in self.counts.items()
                  if key[1] not in declared}
        issues = {family: log.reported(self.name, counts) for family, log in self.logs.items()}
        return ContentScan(issues, stop, dict(self.counts), engine, declared_absent=dropped)

    def take_header(self, header: Sequence[str]) -> None:
        self.header = tuple(header)
        self.columns = self.spec.columns(header)
        self.absent = frozenset(c.header for c in self.columns if c.index is None)
        expected = [c.header for c in self.spec.layout.columns]
        for issue in header_issues(self.name, self.header, expected, self.spec.mapping):
            self.add("header", issue)

    def take_row(self, line: int, fields: Sequence[str]) -> None:
        if len(fields) != len(self.header):
            # Its only defect: a blank line is no record, and the fields of a record cut short (or
            # split by a stray separator) are not where the header says (issue 27, item 9).
            self.add("fields", _field_count(self.name, line, len(fields), len(self.header)))
            return
        row = Row(line, {c.header: field_value(fields, c) for c in self.columns})
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


#: Given the file's source and columns, the invariants' digester the screen's pass feeds (or None).
DigesterFor = Callable[[Utf8Source, Sequence[Column]], "Digester | None"]


def scan_content(
    export: ExportFile, encoding: str, spec: LayoutSpec, source: Utf8Source | None = None,
    digester_for: DigesterFor | None = None,
) -> ContentScan:
    """Read the file once (streamed) and collect every content family's issues.

    The columnar engine reads it when its grammar covers the file, the row path otherwise.
    ``source`` is the content as UTF-8 when the encoding pass already made it. With
    ``digester_for``, a file the compiled screen reads is also digested for the domain invariants
    in the same pass (``ContentScan.digested``).
    """
    own = source is None or (not source.utf8 and not _screened(source, spec))
    if own:
        # Without a source, or with one only the screen reads when the screen will not run.
        source = decode(export.path, encoding).source
    try:
        if source is not None and columnar_covers(source):
            scan = scan_columnar(export.path.name, source, spec, digester_for)
            if scan is not None:
                return scan
    finally:
        if own and source is not None:
            source.close()
    return scan_rows(export, encoding, spec)


def scan_rows(export: ExportFile, encoding: str, spec: LayoutSpec) -> ContentScan:
    """The row path: the csv module, record by record."""
    state = ContentPass(export.path.name, spec)
    with csv_field_limit(limits.FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(bounded_lines(stream))
        try:
            _read_records(reader, state)
        except FieldTooLarge as error:
            return state.result(too_large(state.name, error.line))
        except csv.Error as error:
            return state.result(unreadable(state.name, state.record_line, str(error)))
    return state.result()


def _read_records(reader: Iterator[list[str]], state: ContentPass) -> None:
    header = next(reader, None)
    state.take_header(header if header is not None else [])
    state.record_line = line_num(reader) + 1
    for fields in reader:
        state.take_row(state.record_line, fields)
        state.record_line = line_num(reader) + 1


def line_num(reader: Iterator[list[str]]) -> int:
    # csv's reader type is private; line_num is the count of physical lines read so far.
    number: int = getattr(reader, "line_num", 0)
    return number


def field_value(fields: Sequence[str], column: Column) -> str:
    """The column's value in a record as the rules read it (mapped when the profile maps its codes:
    Column.read); '' when the column is absent or the record is short."""
    if column.index is None or column.index >= len(fields):
        return ""
    return column.read(fields[column.index])


def cell_location(name: str, line: int, column: Column) -> str:
    """``file:line:column (header)``; without the column number when the file lacks the column."""
    if column.index is None:
        return f"{name}:{line} ({column.shown})"
    return f"{name}:{line}:{column.index + 1} ({column.shown})"


def _issue(name: str, line: int, column: Column, problem: Problem) -> Finding:
    return Finding(problem.code, f"{column.shown}: {problem.message}", cell_location(name, line, column),
                   problem.expected, problem.actual)


def _field_count(name: str, line: int, actual: int, expected: int) -> Finding:
    return Finding("file.field_count", f"the record has {actual} field(s); the header has {expected}",
                   f"{name}:{line}", expected=str(expected), actual=str(actual))


def too_large(name: str, line: int, detail: str = "") -> Finding:
    reason = detail or f"longer than {limits.FIELD_LIMIT} characters"
    return Finding("file.field_too_large", f"line {line}: {reason}; the rest of the file was not read",
                   f"{name}:{line}", expected=f"at most {limits.FIELD_LIMIT} characters")


def unreadable(name: str, line: int, detail: str) -> Finding:
    """A csv error: in the lenient dialect only an over-long field raises; anything else is syntax."""
    if "field limit" in detail:
        return too_large(name, line, f"a field is longer than {limits.FIELD_LIMIT} characters")
    return Finding("file.csv_syntax", f"record at line {line}: {detail}; the rest of the file was not read",
                   f"{name}:{line}")


# ---------------------------------------------------------------------------------------------
# The columnar engine's findings


class EngineDisagreement(Exception):
    """A mask and its Python rule disagree on a failing row: the row path reads the file."""


def columnar_covers(source: Utf8Source) -> bool:
    """Whether the columnar grammar can cover the file (see conformance.columnar.lines); the
    row path reads the rest, and reports where and why it stopped."""
    structure = source.structure
    return not (structure.bare_cr or structure.nul or structure.long_line)


def scan_columnar(name: str, source: Utf8Source, spec: LayoutSpec,
                  digester_for: DigesterFor | None = None) -> ContentScan | None:
    """The content families' issues from the columnar engine; None when a line turns out to be
    outside its grammar (the caller then uses the row path). With ``digester_for`` and the
    screen, the invariants' digest of the whole file too (``digested``)."""
    # polars is imported when a file is read, not when a suite is collected.
    from conformance.columnar.compile import compile_rules
    from conformance.columnar.lines import Irregular, LinesPlan, failing_batches, refine

    header = first_record(source.path, source.encoding)
    if header is None:
        return None
    state = ContentPass(name, spec)
    state.take_header(header)
    rules = compile_rules(spec, state.columns, len(header))
    fields = tuple(sorted({c.index for c in state.columns if c.index is not None}))
    tables = _screen_tables(state.columns, header, rules, source.encoding) if _screened(source, spec) else None
    digester = digester_for(source, state.columns) if tables is not None and digester_for is not None else None
    if tables is not None and digester is not None:
        from conformance.columnar.kernel import with_digest

        tables = with_digest(tables, digester.slot_of)
    recodes = tuple((c.index, c.recode) for c in state.columns if c.index is not None and c.recode)
    plan = LinesPlan(source.paths, 2, source.structure.quotes, fields, rules, tables, digester, recodes)
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
    scan = state.result(engine="columnar")
    if digester is not None and digester.candidates is not None:
        return replace(scan, digested=digester.candidates)
    return scan


def _screened(source: Utf8Source, spec: LayoutSpec) -> bool:
    """Whether the compiled screen reads the file before the masks (numba there, file large). Not
    when the profile maps codes (``spec.recoded``): the screen judges the bytes as written, the masks
    the mapped values."""
    if spec.recoded:
        return False
    return limits.screen_worth(sum(p.stat().st_size for p in source.paths))


def _screen_tables(columns: Sequence[Column], header: Sequence[str], rules: Sequence[Rule],
                   encoding: str) -> Tables:
    from conformance.columnar import kernel

    return kernel.build_tables(columns, len(header), rules, encoding)


class _Pending:
    """Small failing batches gathered before Python looks at them: each look costs a few polars
    calls, and polars hands over one batch per morsel. Bounded in batches too, because a kept row
    pins the buffers of the morsel it came from."""

    #: A kept failing row holds its values and every mask (about 3 KB of the residents layout): 20,000
    #: of them (about 60 MB) were held at once in a 10M-row file's pass; as many as lines.SCREENED_LINES keep
    #: its peak at a 1M-row file's.
    ROWS = 4_096
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
    from conformance.columnar.lines import mark_failing, recoded_frame, refine

    state = ContentPass(path.name, spec)
    state.header = fixed.headers
    state.columns = spec.columns(fixed.headers)
    state.absent = frozenset(c.header for c in state.columns if c.index is None)
    rules = compile_rules(spec, state.columns, len(fixed.headers)) if columnar else []
    collector = _Collector(state, rules)
    for chunk in read_chunks(path, fixed):
        _record_problems(state, chunk.problems)
        if columnar:  # the row path maps the values itself (field_value)
            frame = recoded_frame(chunk.frame, state.columns)
            collector.take(refine(mark_failing(frame, rules), rules))
        else:
            _take_records(state, chunk.frame, len(fixed.fields))
    return state.result(engine="fixed" if columnar else "rows")


def _record_problems(state: ContentPass, problems: Sequence[RecordProblem]) -> None:
    """Records that do not fit the byte layout, and fields that do not decode on their own."""
    by_index = {c.index: c for c in state.columns if c.index is not None}
    for problem in problems:
        column = by_index.get(problem.field) if problem.field is not None else None
        location = (f"{state.name}:{problem.record}" if column is None
                    else cell_location(state.name, problem.record, column))
        state.add("fields", Finding(problem.code, problem.message, location, actual=problem.actual),
                  column.header if column else "")


def _take_records(state: ContentPass, frame: pl.DataFrame, count: int) -> None:
    """The row path of a fixed-length chunk: every record through the rule functions."""
    from conformance.columnar.compile import LINE, value_name

    for line, *values in frame.select(LINE, *(value_name(index) for index in range(count))).iter_rows():
        state.take_row(int(line), values)


def first_record(path: Path, encoding: str = "utf-8") -> list[str] | None:
    """The header (line 1) as csv reads it; None when it is outside the one-line grammar."""
    from conformance.columnar.lines import REGULAR_LINE

    with path.open("rb") as stream:
        data = stream.readline(limits.FIELD_LIMIT + 1)
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
        state = self.state
        sums = batch.select(pl.col(rule.name).sum() for rule in self.rules).row(0)
        wording: dict[str, list[Rule]] = {}
        for rule, count in zip(self.rules, sums, strict=True):
            if not count:
                continue
            header = rule.column.header if rule.column else ""
            state.counts[rule.family, header] += count
            if header in state.absent:
                state.note_absent(rule.family, header, count, partial(self._first_issue, batch, rule))
                continue
            log = state.logs[rule.family]
            log.count += count
            if log.room(header):
                wording.setdefault(rule.family, []).append(rule)
        if not wording:
            return
        # One pass over the batch marks the rows of each family (by its rules that still have room);
        # each family then reads only its rows.
        marks = batch.select(self._worded(family, rules).alias(family) for family, rules in wording.items())
        for family in wording:  # the order of families does not matter: each has its own log
            self._word(family, self.by_family[family], batch, marks[family])

    def _worded(self, family: str, rules: Sequence[Rule]) -> pl.Expr:
        """The rows of the batch that may still give ``family`` a kept issue: a row some rule of a column marks,
        among the first rows that column still has room for (limits.COLUMN_CAP). The rest would be worded only to
        be dropped by FamilyLog.keep (4,500 rows worded for 900 kept at 1M rows of the benchmark, a fifth of the
        check's time after the pass; issue 51). A row counts once per column however many issues it gives there,
        so this keeps every row that can give one, and perhaps a few more."""
        import polars as pl

        log = self.state.logs[family]
        by_column: dict[str, list[Rule]] = {}
        for rule in rules:
            by_column.setdefault(rule.column.header if rule.column else "", []).append(rule)
        conditions = []
        for header, column_rules in by_column.items():
            marked = pl.any_horizontal(pl.col(rule.name) for rule in column_rules)
            room = limits.COLUMN_CAP - log.kept[header]
            conditions.append(marked & (marked.cast(pl.UInt32).cum_sum() <= room))
        return pl.any_horizontal(conditions)

    def _first_issue(self, batch: pl.DataFrame, rule: Rule) -> Finding:
        """The issue of the first row ``rule`` marks (an absent column: worded once)."""
        import polars as pl

        header = rule.column.header if rule.column else ""
        row = batch.filter(pl.col(rule.name)).row(0, named=True)
        return next(issue for found, issue in self._issues(rule.family, self.by_family[rule.family], row)
                    if found == header)

    def _word(self, family: str, rules: Sequence[Rule], batch: pl.DataFrame, marked: pl.Series) -> None:
        log = self.state.logs[family]
        room = limits.FINDINGS_CAP - len(log.issues)
        # The columns first, then the rows: a gather of every column of the batch cost twice as much.
        rows = batch.select(self.reads[family])[marked.arg_true()[:room]]
        for row in rows.iter_rows(named=True):
            for header, issue in self._issues(family, rules, row):
                if header not in self.state.absent:  # worded once, by note_absent
                    log.keep(issue, header)

    def _issues(self, family: str, rules: Sequence[Rule], row: Mapping[str, Any]) -> Iterator[tuple[str, Finding]]:
        """The row's issues of ``family``, each with the header of its column ('' for a record)."""
        from conformance.columnar.compile import LINE, NFIELDS

        state, line = self.state, int(row[LINE])
        if family == "fields":
            yield "", _field_count(state.name, line, int(row[NFIELDS]), len(state.header))
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
            yield column.header, _issue(state.name, line, column, problem)

    def _cell_issues(
        self, family: str, rules: Sequence[Rule], row: Mapping[str, Any], line: int
    ) -> Iterator[tuple[str, Finding]]:
        for rule in rules:
            if rule.column is None or not row[rule.name]:
                continue
            problem = CELL_RULES[family](rule.column, _row_value(row, rule.column))
            if problem is None:
                raise EngineDisagreement(f"{family} at line {line}, column {rule.column.header}")
            yield rule.column.header, _issue(self.state.name, line, rule.column, problem)


def _row_value(row: Mapping[str, Any], column: Column) -> str:
    from conformance.columnar.compile import value_name

    if column.index is None:
        return ""
    found: str = row[value_name(column.index)]
    return found
