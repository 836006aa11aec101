"""The personal values of the vendor's records that findings are about, for the run's Scrubber.

A finding masks the value it shows (rules.shown_for); the Scrubber is the second line for every
other text a run writes (messages, reasons, HAR bodies, JUnit, the terminal). It knows the test
data the harness loaded, but not a record the vendor's file holds of its own, nor what a damaged
record (a stray quote, a shifted field) put where. So once a file's findings are known, the
personal items of the records they are about are read again and handed to the Scrubber.

Bounded: the first :data:`LEARNED_RECORDS` records with a finding per file, never the whole file.
Every value learned is one more branch of the Scrubber's pattern (compiling one of some 40,000
values takes about two seconds, and each new value compiles it again), and a report shows only
the capped findings anyway. The records are found by one streamed csv pass that stops after the
last of them; fixed-length files are not read again (their findings mask every value).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from conformance.catalog.layouts import Column, LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks.files import limits
from conformance.checks.files.cache import cached_export, content_encoding, encoding_verdict, layout_spec
from conformance.checks.files.content import FieldTooLarge, bounded_lines, csv_field_limit, line_num
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.masking import is_personal_name
from conformance.targets.base import Target

#: Records with a finding whose personal values are learned, per file.
LEARNED_RECORDS = 500


def learn_personal(target: Target, layout: FileInterface) -> None:
    """Hand the personal values of the records the file's findings (so far) are about to
    ``target.personal``; each record is read once per run, at most LEARNED_RECORDS per file."""
    if target.personal is None or layout.format != "csv":
        return
    key = f"file.layout:{layout.id}:learned"
    learned: set[int] = target.cache.setdefault(key, set())
    try:
        export = cached_export(target, layout)
    except TargetError:
        return
    lines = finding_lines(export.path.name, _known_issues(target, layout))
    new = [line for line in lines if line not in learned][: max(LEARNED_RECORDS - len(learned), 0)]
    if not new:
        return
    learned.update(new)
    try:
        encoding = content_encoding(export, layout, encoding_verdict(target, layout))
    except TargetError:
        return
    target.personal.add_rows(personal_records(export.path, encoding, layout_spec(target, layout), new))


def _known_issues(target: Target, layout: FileInterface) -> Iterator[Finding]:
    """The issues of the passes over the file so far (content, invariants, references)."""
    prefix = f"file.layout:{layout.id}:"
    for key, scan in list(target.cache.items()):
        if not key.startswith(prefix):
            continue
        issues = getattr(scan, "issues", None)
        if isinstance(issues, Mapping):
            for family in issues.values():
                yield from family
        elif isinstance(issues, tuple):
            yield from issues


def finding_lines(name: str, issues: Iterable[Finding]) -> list[int]:
    """The lines (first physical line of a record) the issues are located at, in file order."""
    at_line = re.compile(re.escape(name) + r":([0-9]+)")
    lines = {int(match.group(1)) for issue in issues if (match := at_line.match(issue.where))}
    return sorted(line for line in lines if line > 1)  # line 1 is the header


def personal_records(path: Path, encoding: str, spec: LayoutSpec, lines: Sequence[int]) -> list[dict[str, str]]:
    """The non-empty values of the personal items (by flag or by name) of the records starting at
    ``lines``, by catalog header; reading stops after the last one, or where the file cannot be read."""
    wanted, found = set(lines), list[dict[str, str]]()
    try:
        with csv_field_limit(limits.FIELD_LIMIT), path.open(encoding=encoding, errors="replace", newline="") as stream:
            reader = csv.reader(bounded_lines(stream))
            columns = _personal_columns(spec, next(reader, []))
            line = line_num(reader) + 1
            for fields in reader:
                if line in wanted:
                    found.append(_values(columns, fields))
                    if len(found) == len(wanted):
                        break
                line = line_num(reader) + 1
    except (csv.Error, FieldTooLarge, OSError):
        pass  # what was read is learned; the content findings say why the rest is unreadable
    return found


def _personal_columns(spec: LayoutSpec, header: Sequence[str]) -> list[tuple[str, int]]:
    """(catalog header, position in the file) of the personal columns the file has."""
    return [(c.header, c.index) for c in spec.columns(header) if c.index is not None and _personal(c)]


def _personal(column: Column) -> bool:
    return column.item.personal or is_personal_name(column.item.name)


def _values(columns: Sequence[tuple[str, int]], fields: Sequence[str]) -> dict[str, str]:
    return {header: fields[index] for header, index in columns if index < len(fields) and fields[index]}
