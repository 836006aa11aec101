"""The result model: a state per requirement, the run's scope, the verdict, and coverage.

The verdict rule (DESIGN.md, "Concepts and the result model"; docs/results.md says it in full): a
verdict never claims more than was verified.

- ``not_run``: the run stopped before it could judge (the target could not be reached or broke, or
  the run was interrupted); nothing else is said, whatever was judged before.
- ``not_conformant``: some requirement FAILed, or a waiver problem (expired, unknown requirement,
  no longer needed) fails the run.
- ``incomplete``: nothing failed, but something in the claimed scope was not verified: a
  requirement NOT_AUTOMATED, MANUAL without an accepted attestation, ERROR (the rule could not be
  judged), left out of a partial run, or a catalog entry that could not be loaded.
- ``conformant``: the run covered the whole claimed scope and every applicable requirement is
  PASS, WAIVED, or MANUAL with an accepted attestation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from conformance.findings import Finding

#: Version of the results.json format: 2 added the four verdicts, scope, attestations and exchanges.
FORMAT_VERSION = "2.0"

#: The reason of a requirement no check judges (docs/results.md); the catalog's not_automated.yaml says why, after
#: ": " (conformance.runner; the report shows it in both languages).
UNBOUND = "no check is bound to this requirement"


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
    """The run's answer (module docstring)."""

    CONFORMANT = "conformant"
    NOT_CONFORMANT = "not_conformant"
    INCOMPLETE = "incomplete"
    NOT_RUN = "not_run"


#: Exit codes of ``conformance run`` per verdict (DESIGN.md "Contracts"; 2 is a usage error).
EXIT_CODES: dict[Verdict, int] = {
    Verdict.CONFORMANT: 0, Verdict.NOT_CONFORMANT: 1, Verdict.INCOMPLETE: 3, Verdict.NOT_RUN: 4,
}

#: States judged by an automated check (the coverage's "automated" part).
AUTOMATED_STATES = frozenset({Status.PASS, Status.FAIL, Status.ERROR, Status.WAIVED})
#: States that verify a requirement by themselves.
VERIFIED_STATES = frozenset({Status.PASS, Status.WAIVED})


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """What a run concluded about one requirement.

    ``attestation`` is the accepted attestation of a MANUAL requirement (who, when, statement,
    evidence with hashes), or None; ``exchanges`` are references to the recorded HTTP exchanges
    that served this requirement (entries of the run's HAR file). ``duration`` is the seconds its
    pytest item took (setup and call, rounded to milliseconds), or None when unknown: it balances
    the shards of a later run (``--shard-durations``) and never changes a verdict. ``duty`` is whose duty
    the requirement is (system, operation, outside: the catalog's, docs/catalog-ids.md "Duties").
    """

    requirement: str
    domain: str
    edition: str
    level: str
    status: Status
    findings: tuple[Finding, ...] = ()
    reason: str = ""
    attestation: Mapping[str, Any] | None = None
    exchanges: tuple[Mapping[str, Any], ...] = ()
    duration: float | None = None
    duty: str = "system"

    @property
    def attested(self) -> bool:
        """A MANUAL requirement verified by an accepted attestation."""
        return self.status is Status.MANUAL and self.attestation is not None

    @property
    def verified(self) -> bool:
        """PASS, WAIVED, or attested."""
        return self.status in VERIFIED_STATES or self.attested

    def to_json(self) -> dict[str, Any]:
        """The entry of ``results.json``'s ``results`` list (``duration`` only when known)."""
        entry: dict[str, Any] = {
            "requirement": self.requirement,
            "domain": self.domain,
            "edition": self.edition,
            "level": self.level,
            "status": self.status.value,
            "duty": self.duty,
            "reason": self.reason,
            "attestation": dict(self.attestation) if self.attestation is not None else None,
            "findings": [finding.to_json() for finding in self.findings],
            "exchanges": [dict(exchange) for exchange in self.exchanges],
        }
        if self.duration is not None:
            entry["duration"] = self.duration
        return entry

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RequirementResult:
        """Rebuild a result from ``to_json`` output (reports from pytest-xdist workers, shards)."""
        requirement = str(data["requirement"])
        findings = tuple(
            Finding(requirement=requirement, **{k: f.get(k) for k in _FINDING_FIELDS})
            for f in data.get("findings", ())
        )
        attestation = data.get("attestation")
        return cls(
            requirement=requirement,
            domain=str(data["domain"]),
            edition=str(data["edition"]),
            level=str(data["level"]),
            status=Status(data["status"]),
            findings=findings,
            reason=str(data.get("reason", "")),
            attestation=dict(attestation) if isinstance(attestation, Mapping) else None,
            exchanges=tuple(dict(e) for e in data.get("exchanges", ()) if isinstance(e, Mapping)),
            duration=duration_seconds(data.get("duration")),
            duty=str(data.get("duty") or "system"),
        )


#: How the reason of a part the profile declares not to apply (a column declared absent) begins in each
#: language: ``対象外: <Japanese> / not applicable: <English>``.
DECLARED = ("対象外: ", " / not applicable: ")


def declared_reason(ja: str, en: str) -> str:
    """A reason in both languages of what the profile declares not to apply (:data:`DECLARED`)."""
    return f"{DECLARED[0]}{ja}{DECLARED[1]}{en}"


def declared_languages(reason: str) -> tuple[str, str] | None:
    """The Japanese and the English of a :func:`declared_reason` (after a FAIL's count, if any); None for
    any other reason."""
    start = reason.find(DECLARED[0])
    ja, separator, en = reason[start:].removeprefix(DECLARED[0]).partition(DECLARED[1])
    return (ja, en) if start >= 0 and separator else None


def duration_seconds(value: Any) -> float | None:
    """A recorded ``duration``: seconds as a finite number >= 0 (rounded to milliseconds), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = float(value)
    return round(seconds, 3) if math.isfinite(seconds) and seconds >= 0 else None


_FINDING_FIELDS = ("code", "message", "location", "expected", "actual")


@dataclass(frozen=True, slots=True)
class Scope:
    """What the run was asked to judge, against what the profile claims.

    ``claimed`` are the ids of every requirement of the editions the profile claims; a run whose
    results do not cover them all is partial, and ``selection`` says how it was narrowed (``-k``,
    ``--deselect``, ``--domain``, ``--shard``, ``--lf``, node ids ...).
    """

    claimed: frozenset[str] = frozenset()
    selection: Mapping[str, Any] = field(default_factory=dict)

    def missing(self, results: Iterable[RequirementResult]) -> frozenset[str]:
        """Claimed requirements the results do not cover."""
        return self.claimed - {result.requirement for result in results}


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the claimed scope the verdict rests on."""

    automated: int
    attested: int
    manual: int
    not_automated: int
    not_applicable: int
    not_selected: int = 0

    @property
    def total(self) -> int:
        """Every requirement of the claimed scope."""
        return (self.automated + self.attested + self.manual + self.not_automated + self.not_applicable
                + self.not_selected)

    def to_json(self) -> dict[str, int]:
        """The ``coverage`` object of ``results.json``."""
        return {
            "automated": self.automated,
            "attested": self.attested,
            "manual": self.manual,
            "not_automated": self.not_automated,
            "not_applicable": self.not_applicable,
            "not_selected": self.not_selected,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """All results of a run, with the verdict derived from them.

    ``problems`` fail the run (waiver problems); ``gaps`` make it incomplete (catalog entries that
    could not be loaded); ``stopped`` says why the run ended before judging (verdict ``not_run``).
    A ``scope`` without claimed ids treats the results as the whole scope (a unit of results).
    """

    results: tuple[RequirementResult, ...]
    problems: tuple[str, ...] = field(default=())
    gaps: tuple[str, ...] = field(default=())
    scope: Scope = field(default_factory=Scope)
    stopped: str | None = None

    @property
    def summary(self) -> dict[str, int]:
        """Count per status, every status present (zero when unused) so consumers need no default."""
        counts = Counter(result.status for result in self.results)
        return {status.value: counts.get(status, 0) for status in Status}

    @property
    def not_selected(self) -> frozenset[str]:
        """Claimed requirements this run did not judge."""
        return self.scope.missing(self.results)

    @property
    def partial(self) -> bool:
        """The run did not judge every claimed requirement."""
        return bool(self.not_selected)

    @property
    def coverage(self) -> Coverage:
        """Automated, attested, manual (unattested), not automated, not applicable, not selected."""
        counts = Counter(result.status for result in self.results)
        attested = sum(1 for result in self.results if result.attested)
        return Coverage(
            automated=sum(counts[s] for s in AUTOMATED_STATES),
            attested=attested,
            manual=counts[Status.MANUAL] - attested,
            not_automated=counts[Status.NOT_AUTOMATED],
            not_applicable=counts[Status.NOT_APPLICABLE],
            not_selected=len(self.not_selected),
        )

    @property
    def verdict(self) -> Verdict:
        """The verdict rule of the module docstring."""
        return decide_verdict(self.results, self.problems, partial=self.partial or bool(self.gaps),
                              stopped=self.stopped)


def decide_verdict(
    results: Iterable[RequirementResult], problems: Iterable[str] = (), *, partial: bool = False,
    stopped: str | None = None,
) -> Verdict:
    """Apply the verdict rule (module docstring) to a set of results."""
    if stopped is not None:
        return Verdict.NOT_RUN
    listed = list(results)
    if any(r.status is Status.FAIL for r in listed) or any(True for _ in problems):
        return Verdict.NOT_CONFORMANT
    applicable = [r for r in listed if r.status is not Status.NOT_APPLICABLE]
    if partial or not applicable or not all(r.verified for r in applicable):
        return Verdict.INCOMPLETE
    return Verdict.CONFORMANT


def exit_code(verdict: Verdict, *, gate: str = "conformant") -> int:
    """The process exit code for a verdict; ``gate="no-failures"`` lets an incomplete run pass a CI
    gate that only wants nothing to have failed (DESIGN.md: asked for with a flag, never the default)."""
    if gate == "no-failures" and verdict is Verdict.INCOMPLETE:
        return 0
    return EXIT_CODES[verdict]


def gate_line(verdict: Verdict, *, gate: str = "conformant") -> str | None:
    """The line that says a gate accepted a verdict that is not ``conformant`` (exit 0 for
    ``incomplete`` under ``--gate no-failures``), so nobody reads the 0 as conformant; None otherwise."""
    if exit_code(verdict, gate=gate) != 0 or verdict is Verdict.CONFORMANT:
        return None
    return (f"gate {gate}: accepted (verdict {verdict.value}: nothing failed, but not everything was verified); "
            "exit 0")
