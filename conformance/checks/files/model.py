"""Values passed between the file passes and the check: issues, problems, rows, capped logs, scans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from conformance.checks.files import limits
from conformance.columnar.transcode import (
    Utf8Source,
)

if TYPE_CHECKING:

    pass


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
        if len(self.issues) < limits.FINDINGS_CAP:
            self.issues.append(issue)

    def reported(self, file_name: str) -> tuple[Issue, ...]:
        """The kept issues, plus one saying how many were suppressed."""
        if self.count <= limits.FINDINGS_CAP:
            return tuple(self.issues)
        hidden = self.count - limits.FINDINGS_CAP
        summary = Issue(
            "file.too_many_findings",
            f"{hidden} more {self.family} finding(s) suppressed ({self.count} in total)",
            file_name, expected=f"at most {limits.FINDINGS_CAP} shown", actual=str(self.count),
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
