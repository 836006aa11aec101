"""The result model: a state per requirement, the verdict, and coverage.

The verdict rule (DESIGN.md, "Concepts and the result model", made precise here and in
docs/results.md): a run is conformant only when no applicable requirement FAILed or ERRORed and at
least one requirement was verified by an automated check. NOT_AUTOMATED and MANUAL are never
counted as passed: they are reported as coverage next to the verdict, so a buyer sees how much of
the specification the verdict rests on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from conformance.findings import Finding


class Status(StrEnum):
    """The state of one requirement after a run."""

    PASS = "PASS"
    FAIL = "FAIL"
    ERROR = "ERROR"
    NOT_APPLICABLE = "NOT_APPLICABLE"
    WAIVED = "WAIVED"
    MANUAL = "MANUAL"
    NOT_AUTOMATED = "NOT_AUTOMATED"


class Verdict(StrEnum):
    """The run's answer."""

    CONFORMANT = "conformant"
    NOT_CONFORMANT = "not_conformant"


#: States verified by an automated check (the coverage's "automated" part).
AUTOMATED_STATES = frozenset({Status.PASS, Status.FAIL, Status.ERROR, Status.WAIVED})
#: States that block a conformant verdict.
BLOCKING_STATES = frozenset({Status.FAIL, Status.ERROR})


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """What a run concluded about one requirement."""

    requirement: str
    domain: str
    edition: str
    level: str
    status: Status
    findings: tuple[Finding, ...] = ()
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        """The entry of ``results.json``'s ``results`` list."""
        return {
            "requirement": self.requirement,
            "domain": self.domain,
            "edition": self.edition,
            "level": self.level,
            "status": self.status.value,
            "reason": self.reason,
            "findings": [finding.to_json() for finding in self.findings],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RequirementResult:
        """Rebuild a result from ``to_json`` output (reports from pytest-xdist workers)."""
        requirement = str(data["requirement"])
        findings = tuple(
            Finding(requirement=requirement, **{k: f.get(k) for k in _FINDING_FIELDS})
            for f in data.get("findings", ())
        )
        return cls(
            requirement=requirement,
            domain=str(data["domain"]),
            edition=str(data["edition"]),
            level=str(data["level"]),
            status=Status(data["status"]),
            findings=findings,
            reason=str(data.get("reason", "")),
        )


_FINDING_FIELDS = ("code", "message", "location", "expected", "actual")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the catalog the verdict rests on."""

    automated: int
    manual: int
    not_automated: int
    not_applicable: int

    @property
    def total(self) -> int:
        """All requirements in the run."""
        return self.automated + self.manual + self.not_automated + self.not_applicable

    def to_json(self) -> dict[str, int]:
        """The ``coverage`` object of ``results.json``."""
        return {
            "automated": self.automated,
            "manual": self.manual,
            "not_automated": self.not_automated,
            "not_applicable": self.not_applicable,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """All results of a run, with the verdict derived from them."""

    results: tuple[RequirementResult, ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> dict[str, int]:
        """Count per status, every status present (zero when unused) so consumers need no default."""
        counts = Counter(result.status for result in self.results)
        return {status.value: counts.get(status, 0) for status in Status}

    @property
    def coverage(self) -> Coverage:
        """Automated, manual, not automated, not applicable."""
        counts = Counter(result.status for result in self.results)
        return Coverage(
            automated=sum(counts[s] for s in AUTOMATED_STATES),
            manual=counts[Status.MANUAL],
            not_automated=counts[Status.NOT_AUTOMATED],
            not_applicable=counts[Status.NOT_APPLICABLE],
        )

    @property
    def verdict(self) -> Verdict:
        """Conformant only with no failure, no error, no run problem, and something verified."""
        return decide_verdict(self.results, self.problems)


def decide_verdict(results: Iterable[RequirementResult], problems: Iterable[str] = ()) -> Verdict:
    """Apply the verdict rule (module docstring) to a set of results."""
    statuses = [result.status for result in results]
    blocked = any(status in BLOCKING_STATES for status in statuses) or any(True for _ in problems)
    verified = any(status in (Status.PASS, Status.WAIVED) for status in statuses)
    return Verdict.CONFORMANT if verified and not blocked else Verdict.NOT_CONFORMANT
