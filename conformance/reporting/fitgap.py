"""The fit&gap view, as verified: per chapter, what the vendor declares and what the run verified.

Municipalities make this table by hand today (Fit&Gap分析) from the vendor's declaration. Here the
declaration is one column and the run's evidence the others, so a reader never takes a declared
function for a verified one (issue 11, item 3). The rules (docs/reports.md):

- a *group* is a top-level chapter of one domain's edition (1 管理項目, 3 抑止設定 ...);
- *declared* functions are the required requirements and the optional ones the capability
  statement declares (their state is not NOT_APPLICABLE); undeclared optional ones are counted
  apart and are not applicable; prohibited requirements (実装しない機能) are applicable (their
  absence is verified) and counted apart with their violations;
- *verified pass*: PASS, WAIVED (also counted in ``waived``) or MANUAL with an accepted
  attestation (also counted in ``attested``); *failed*: FAIL; *not verified*: NOT_AUTOMATED,
  MANUAL without attestation, ERROR, and requirements the run did not select;
- fit rate = verified pass / (verified pass + failed), None when nothing was verified;
- coverage = (verified pass + failed) / applicable, None when nothing applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from conformance.reporting.sources import chapter_of_id, chapter_titles

_PASSED = frozenset({"PASS", "WAIVED"})
_LEVELS = {"R": "required", "O": "optional", "P": "prohibited"}


@dataclass
class FitGapRow:
    """One chapter of the fit&gap table."""

    domain: str
    edition: str
    chapter: str
    title_ja: str
    title_en: str
    required: int = 0
    optional_declared: int = 0
    optional_undeclared: int = 0
    prohibited: int = 0
    prohibited_violated: int = 0
    passed: int = 0
    waived: int = 0
    attested: int = 0
    failed: int = 0
    not_verified: int = 0
    not_selected: int = 0

    @property
    def requirements(self) -> int:
        """Every requirement of the chapter."""
        return self.required + self.optional_declared + self.optional_undeclared + self.prohibited

    @property
    def declared(self) -> int:
        """Functions the vendor declares it supports: required and declared optional ones."""
        return self.required + self.optional_declared

    @property
    def applicable(self) -> int:
        """Requirements the verdict rests on: declared functions and prohibited ones."""
        return self.declared + self.prohibited

    @property
    def verified(self) -> int:
        """Requirements the run judged: verified pass or failed."""
        return self.passed + self.failed

    @property
    def fit_rate(self) -> float | None:
        """Verified pass / verified, None when nothing was verified."""
        return self.passed / self.verified if self.verified else None

    @property
    def coverage(self) -> float | None:
        """Verified / applicable, None when nothing applies."""
        return self.verified / self.applicable if self.applicable else None

    def add(self, level: str, status: str, *, attested: bool = False) -> None:
        """Count one judged requirement of this chapter."""
        if level == "optional" and status == "NOT_APPLICABLE":
            self.optional_undeclared += 1
            return
        self._count_level(level)
        if status in _PASSED or attested:
            self.passed += 1
            self.waived += status == "WAIVED"
            self.attested += attested
        elif status == "FAIL":
            self.failed += 1
            self.prohibited_violated += level == "prohibited"
        else:
            self.not_verified += 1

    def add_not_selected(self, level: str) -> None:
        """Count a claimed requirement the run left out: applicable and not verified (an optional
        one is counted as declared: the run cannot tell, and it is not verified either way)."""
        self._count_level(level)
        self.not_verified += 1
        self.not_selected += 1

    def _count_level(self, level: str) -> None:
        if level == "prohibited":
            self.prohibited += 1
        elif level == "optional":
            self.optional_declared += 1
        else:
            self.required += 1

    def to_json(self) -> dict[str, Any]:
        """The row as plain data (tests, diff, and anyone who wants the table as JSON)."""
        return {
            "domain": self.domain, "edition": self.edition, "chapter": self.chapter,
            "title": self.title_ja, "title_en": self.title_en, "requirements": self.requirements,
            "declared": self.declared, "required": self.required, "optional_declared": self.optional_declared,
            "optional_undeclared": self.optional_undeclared, "prohibited": self.prohibited,
            "prohibited_violated": self.prohibited_violated, "applicable": self.applicable,
            "passed": self.passed, "waived": self.waived, "attested": self.attested, "failed": self.failed,
            "not_verified": self.not_verified, "not_selected": self.not_selected, "fit_rate": self.fit_rate,
            "coverage": self.coverage,
        }


def fit_gap(results: Iterable[Mapping[str, Any]], not_selected: Iterable[str] = ()) -> list[FitGapRow]:
    """The table for results.json entries (and the ids of claimed requirements the run left out),
    one row per chapter: systems in 業務ID order, a system's chapters in the order they first appear.

    The chapter comes from the requirement id, which names the source section
    (``jumin-1.0-3.4-R001`` is in chapter 3), so merged shard results need no catalog.
    """
    rows: dict[tuple[str, str, str], FitGapRow] = {}

    def row(domain: str, edition: str, rid: str) -> FitGapRow:
        chapter = chapter_of_id(rid) or "-"
        key = (domain, edition, chapter)
        if key not in rows:
            rows[key] = FitGapRow(domain, edition, chapter, *chapter_titles(domain, edition, chapter))
        return rows[key]

    for result in results:
        rid = str(result["requirement"])
        attested = result.get("status") == "MANUAL" and result.get("attestation") is not None
        row(str(result["domain"]), str(result["edition"]), rid).add(
            str(result["level"]), str(result["status"]), attested=attested)
    for rid in not_selected:
        domain, edition, level = parse_id(rid)
        row(domain, edition, rid).add_not_selected(level)
    from conformance.catalog.domains import domain_order

    return sorted(rows.values(), key=lambda found: domain_order(found.domain))  # stable: chapters keep their order


def parse_id(requirement_id: str) -> tuple[str, str, str]:
    """Domain, edition and level named by a requirement id (docs/catalog-ids.md)."""
    parts = requirement_id.split("-")
    if len(parts) != 4:
        return requirement_id, "", "required"
    return parts[0], parts[1], _LEVELS.get(parts[3][:1], "required")


def totals(rows: Iterable[FitGapRow]) -> FitGapRow:
    """The sum of rows (the bottom line of the table)."""
    total = FitGapRow("", "", "", "合計", "Total")
    counted = [f.name for f in fields(FitGapRow) if f.type in ("int", int)]
    for row in rows:
        for name in counted:
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total
