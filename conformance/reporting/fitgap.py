"""The fit&gap view: per domain group, how many functions the package supports.

Municipalities make this table by hand today (Fit&Gap分析): for each group of the specification's
functions, how many there are, how many the package supports, and the fit rate. Here it is derived
from a run's results, which already carry the capability statement: an optional requirement the
statement does not declare is NOT_APPLICABLE.

The rules (docs/reports.md):
- a *domain group* is a top-level chapter of one domain's edition (1 管理項目, 3 抑止設定 ...);
- the functions counted are the required and the optional requirements; prohibited ones
  (実装しない機能) are not functions to support and are shown apart, with their violations;
- a required function is supported unless it FAILs or ERRORs (a WAIVED one is supported with an
  accepted deviation, and counted in ``waived`` so the reader sees it);
- an optional function is supported only when declared and not FAIL or ERROR;
- fit rate = supported / functions (None when a group has no function).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.reporting.sources import chapter_of, chapter_titles, section_of_id

_BROKEN = frozenset({"FAIL", "ERROR"})


@dataclass
class FitGapRow:
    """One domain group of the fit&gap table."""

    domain: str
    edition: str
    chapter: str
    title_ja: str
    title_en: str
    required: int = 0
    optional_declared: int = 0
    optional_undeclared: int = 0
    supported: int = 0
    waived: int = 0
    prohibited: int = 0
    prohibited_violated: int = 0

    @property
    def functions(self) -> int:
        """Required and optional requirements: the functions the table counts."""
        return self.required + self.optional_declared + self.optional_undeclared

    @property
    def unsupported(self) -> int:
        """Functions not supported: undeclared optional ones, and failing ones."""
        return self.functions - self.supported

    @property
    def fit_rate(self) -> float | None:
        """Supported / functions, or None for a group without functions."""
        return self.supported / self.functions if self.functions else None

    def add(self, level: str, status: str) -> None:
        """Count one requirement of this group."""
        if level == "prohibited":
            self.prohibited += 1
            self.prohibited_violated += status in _BROKEN
            return
        if level == "required":
            self.required += 1
        elif status == "NOT_APPLICABLE":
            self.optional_undeclared += 1
            return
        else:
            self.optional_declared += 1
        if status not in _BROKEN:
            self.supported += 1
            self.waived += status == "WAIVED"

    def to_json(self) -> dict[str, Any]:
        """The row as plain data (tests, and anyone who wants the table as JSON)."""
        return {
            "domain": self.domain, "edition": self.edition, "chapter": self.chapter,
            "title": self.title_ja, "functions": self.functions, "required": self.required,
            "optional_declared": self.optional_declared, "optional_undeclared": self.optional_undeclared,
            "supported": self.supported, "unsupported": self.unsupported, "waived": self.waived,
            "fit_rate": self.fit_rate, "prohibited": self.prohibited,
            "prohibited_violated": self.prohibited_violated,
        }


def fit_gap(results: Iterable[Mapping[str, Any]]) -> list[FitGapRow]:
    """The table for results.json entries, one row per group in the order groups first appear.

    The group comes from the requirement id, which names the source section
    (``jumin-1.0-3.4-R001`` is in chapter 3), so merged shard results need no catalog.
    """
    rows: dict[tuple[str, str, str], FitGapRow] = {}
    for result in results:
        domain, edition = str(result["domain"]), str(result["edition"])
        chapter = chapter_of(section_of_id(str(result["requirement"]))) or "-"
        key = (domain, edition, chapter)
        if key not in rows:
            rows[key] = FitGapRow(domain, edition, chapter, *chapter_titles(domain, edition, chapter))
        rows[key].add(str(result["level"]), str(result["status"]))
    return list(rows.values())


def totals(rows: Iterable[FitGapRow]) -> FitGapRow:
    """The sum of rows (the bottom line of the table)."""
    total = FitGapRow("", "", "", "合計", "Total")
    for row in rows:
        for name in ("required", "optional_declared", "optional_undeclared", "supported", "waived",
                     "prohibited", "prohibited_violated"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total
