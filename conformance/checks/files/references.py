"""The ``references`` family: cross-file rules (移行ファイル関連図)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from conformance import messages
from conformance.catalog.check_params import REFERENCES
from conformance.catalog.layouts import Column, LayoutSpec
from conformance.catalog.models import FileInterface, FileReference
from conformance.checks.files import limits
from conformance.checks.files.cache import cached_export, decoded
from conformance.checks.files.content import (
    FieldTooLarge,
    bounded_lines,
    cell_location,
    columnar_covers,
    csv_field_limit,
    field_value,
    first_record,
    line_num,
    too_large,
    unreadable,
)
from conformance.checks.files.encoding import Utf8SourceView
from conformance.checks.files.model import FamilyLog, ReferenceScan
from conformance.checks.files.rules import shown_for
from conformance.columnar.transcode import (
    Utf8Source,
)
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.targets.base import ExportFile, Target

if TYPE_CHECKING:
    import polars as pl



# references: cross-file rules (移行ファイル関連図)
#
# Each reference of a layout is judged in two streamed passes: the referenced file's key column is
# read once into its distinct values (cached per layout and key), then the referencing file's
# column is anti-joined against them. The columnar engine reads the files its grammar covers
# (conformance.columnar.relations); the csv module reads the others, with the same findings. Both
# files are read in the encoding their content is judged in (content_encoding).


#: A reference of the judged layout, with the layout it refers to.
Reference = tuple[FileReference, FileInterface]


def judged_references(
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


def reference_scan(target: Target, layout: FileInterface, references: Sequence[Reference]) -> ReferenceScan:
    key = f"file.layout:{layout.id}:references:{','.join(other.id for _, other in references)}"
    if key not in target.cache:
        target.cache[key] = _scan_references(target, layout, references)
    scan: ReferenceScan = target.cache[key]
    return scan


def _scan_references(target: Target, layout: FileInterface, references: Sequence[Reference]) -> ReferenceScan:
    export, verdict, encoding, spec = decoded(target, layout)
    log = FamilyLog(REFERENCES)
    stop: Finding | None = None
    engines: list[str] = []
    for reference, other in references:
        keys = _keys(target, other, reference.key)
        expected = f"a {reference.key} of {other.id} ({cached_export(target, other).path.name})"
        wording = ReferenceWording(export.path.name, spec, reference.column, expected)
        found, engine = unknown_references(export, encoding, Utf8SourceView(export, encoding, verdict), wording, keys)
        log.issues.extend(found.issues[:max(limits.FINDINGS_CAP - len(log.issues), 0)])
        log.count += found.count
        stop = stop or found.stop
        engines.append(engine)
    return ReferenceScan(log.reported(export.path.name), stop, tuple(engines))


@dataclass(frozen=True, slots=True)
class ReferenceWording:
    """How a value that is no key is reported: at ``file:line:column (header)`` of the column as
    the file has it, with the value shown as :func:`~conformance.checks.files.rules.shown_for` says."""

    name: str
    spec: LayoutSpec
    header: str
    expected: str

    def column(self, titles: Sequence[str]) -> Column:
        """The column, positioned in the file's header line ``titles`` (first of that title)."""
        return next(c for c in self.spec.columns(titles) if c.header == self.header)

    def issue(self, column: Column, line: int, value: str) -> Finding:
        return Finding("file.reference_missing", f"{column.shown}: not {self.expected}",
                       cell_location(self.name, line, column), self.expected, shown_for(value, column))


@dataclass
class UnknownValues:
    """One reference's findings in one file: worded issues (capped), the exact count, and the
    issue that stopped the reading (row path only: the columnar grammar has no such stop)."""

    issues: list[Finding] = field(default_factory=list)
    count: int = 0
    stop: Finding | None = None

    def add(self, issue: Callable[[], Finding]) -> None:
        """Counts one finding; words it while under the cap."""
        self.count += 1
        if len(self.issues) < limits.FINDINGS_CAP:
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
    if source is None or not columnar_covers(source):
        return None
    return first_record(source.path)


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
        for batch in unknown_values(source.paths, source.structure.quotes, column.index, keys, column.recode):
            room = max(limits.FINDINGS_CAP - len(found.issues), 0)
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
) -> Finding | None:
    """The row path of one column: ``locate`` finds it in the header line, ``take(column, line,
    value)`` gets each non-empty value with the line its record starts on. Returns the issue that
    stopped the reading, if any (worded as the content pass words it)."""
    name, line = export.path.name, 1
    with csv_field_limit(limits.FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(bounded_lines(stream))
        try:
            titles = next(reader, None)
            column = locate(titles if titles is not None else [])
            line = line_num(reader) + 1
            for fields in reader:
                value = field_value(fields, column)
                if value:
                    take(column, line, value)
                line = line_num(reader) + 1
        except FieldTooLarge as error:
            return too_large(name, error.line)
        except csv.Error as error:
            return unreadable(name, line, str(error))
    return None


def _keys(target: Target, layout: FileInterface, header: str) -> pl.DataFrame:
    """The distinct non-empty values of column ``header`` of the layout's file (column KEY), read
    once per run."""
    key = f"file.layout:{layout.id}:keys:{header}"
    if key not in target.cache:
        export, verdict, encoding, spec = decoded(target, layout)
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
            column = locate(titles)
            if column.index is None:
                return pl.DataFrame({KEY: []}, schema={KEY: pl.String})
            try:
                return distinct_keys(utf8.paths, utf8.structure.quotes, column.index, column.recode)
            except Irregular:
                pass
    values: set[str] = set()
    stop = read_column(export, encoding, locate, lambda _column, _line, value: values.add(value))
    if stop is not None:
        raise TargetError(f"{export.path.name}: cannot read every {header} to judge references to it: {stop.message}")
    return pl.DataFrame({KEY: sorted(values)}, schema={KEY: pl.String})
