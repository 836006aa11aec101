"""Values passed between the file passes and the check: problems, rows, capped logs, scans.

The passes' findings are :class:`conformance.findings.Finding` values not yet attached to a
requirement (one file pass serves several requirements; the check attaches them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from conformance.checks.files import limits
from conformance.columnar.transcode import (
    Utf8Source,
)
from conformance.findings import Finding

if TYPE_CHECKING:

    pass


#: The code of the issue that says how many were not shown.
NOT_SHOWN = "file.too_many_findings"


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
    """The issues of one rule family in one file, capped per column (``limits.COLUMN_CAP``) and per
    family (``limits.FINDINGS_CAP``), with an exact count."""

    family: str
    issues: list[Finding] = field(default_factory=list)
    count: int = 0
    #: Issues kept per column header ('' for record-level issues).
    kept: Counter[str] = field(default_factory=Counter)

    def room(self, header: str = "") -> bool:
        """Whether one more issue of column ``header`` is kept."""
        return len(self.issues) < limits.FINDINGS_CAP and self.kept[header] < limits.COLUMN_CAP

    def keep(self, issue: Finding, header: str = "") -> None:
        """Keep ``issue`` while there is room (the count is the caller's)."""
        if self.room(header):
            self.issues.append(issue)
            self.kept[header] += 1

    def add(self, issue: Finding, header: str = "") -> None:
        self.count += 1
        self.keep(issue, header)

    def reported(self, file_name: str, counts: Mapping[tuple[str, str], int] | None = None) -> tuple[Finding, ...]:
        """The kept issues, plus one per column saying how many of its issues were not shown (from
        the exact ``counts`` by (family, header); without them, one for the family)."""
        if counts is None:
            return (*self.issues, *self._family_summary(file_name))
        summaries = []
        for (family, header), total in sorted(counts.items()):
            hidden = total - self.kept[header]
            if family == self.family and hidden > 0:
                where = f"{file_name} ({header})" if header else file_name
                column = f" of column {header}" if header else ""
                summaries.append(Finding(
                    NOT_SHOWN, f"{hidden} more {self.family} finding(s){column} not shown ({total} in total)",
                    where, expected=f"at most {limits.COLUMN_CAP} shown per column and "
                    f"{limits.FINDINGS_CAP} per rule family", actual=str(total),
                ))
        return (*self.issues, *summaries)

    def _family_summary(self, file_name: str) -> tuple[Finding, ...]:
        if self.count <= len(self.issues):
            return ()
        hidden = self.count - len(self.issues)
        return (Finding(
            NOT_SHOWN, f"{hidden} more {self.family} finding(s) not shown ({self.count} in total)",
            file_name, expected=f"at most {limits.FINDINGS_CAP} shown", actual=str(self.count),
        ),)


@dataclass(frozen=True, slots=True)
class EncodingVerdict:
    """What the encoding pass found: its findings, the encoding to read the content in, and the
    content as UTF-8 (validated in place or transcoded) when that pass produced it."""

    issues: tuple[Finding, ...]
    content_encoding: str | None
    source: Utf8Source | None = None


@dataclass(frozen=True, slots=True)
class ContentScan:
    """What the content pass found: issues per family (capped), the issue that stopped the pass,
    the exact count per rule ``(family, header)`` (header '' for record-level rules), and which
    engine read the file (``columnar`` or ``rows``)."""

    issues: Mapping[str, tuple[Finding, ...]]
    stop: Finding | None = None
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    engine: str = "rows"
    #: The lines the invariants must read, when the screen's pass digested the file for them
    #: (``conformance.columnar.digest.Candidates``; None otherwise).
    digested: object | None = None
    #: What the columns the profile declares absent (``absent_columns``) would have been found
    #: lacking, had they not been declared: ``(family, header)`` -> the records that needed a value
    #: there (``("header", header)`` -> 1: the file lacks the column). Their findings are dropped; a
    #: requirement judged by them says they do not apply (NOT_APPLICABLE with the reason).
    declared_absent: Mapping[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReferenceScan:
    """What the references pass found in one file: its issues (capped, the last one counting the
    rest), the issue that stopped the reading of its values, and which engine read the values of
    each reference (``columnar`` or ``rows``)."""

    issues: tuple[Finding, ...]
    stop: Finding | None = None
    engines: tuple[str, ...] = ()
