"""The shape of ``results.json``, as pydantic models whose JSON Schema is committed as
``spec_catalog/schema/results.schema.json`` (DESIGN.md "Contracts"; docs/results.md).

The models describe, they do not produce: :mod:`conformance.reporting.json_report` writes the
document and a test validates a real run's document against the committed schema. Extra keys are
allowed everywhere (the contract is extended, never renamed), so older readers keep working.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from conformance.results import FORMAT_VERSION

StatusName = Literal["PASS", "FAIL", "ERROR", "NOT_APPLICABLE", "WAIVED", "MANUAL", "NOT_AUTOMATED"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class FindingEntry(_Open):
    """One located observation that a requirement is not met."""

    code: str = Field(description="Stable finding code, the key of the report's message catalog.")
    message: str
    location: str = Field(description="JSON pointer, file:line:column, XPath and line, or an exchange.")
    expected: str | None
    actual: str | None = Field(description="Masked when it may carry personal data.")


class Evidence(_Open):
    """An evidence file of an attestation, by name and SHA-256."""

    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class AttestationEntry(_Open):
    """The accepted attestation of a MANUAL requirement."""

    by: str
    role: str | None = None
    date: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    statement: str
    evidence: list[Evidence]


class ExchangeRef(_Open):
    """A recorded HTTP exchange that served the requirement (an entry of exchanges.har)."""

    id: str
    method: str | None = None
    url: str | None = None
    status: int | None = None


class ResultEntry(_Open):
    """What the run concluded about one requirement."""

    requirement: str
    domain: str
    edition: str
    level: Literal["required", "optional", "prohibited"]
    status: StatusName
    duty: Literal["system", "operation", "outside"] = Field(
        default="system", description="Whose duty the requirement is (the catalog's, ours): system; operation "
        "(a person or body does it: MANUAL unless a check judges it); outside (not the municipality's system: "
        "NOT_APPLICABLE). Absent in files written before it: system.")
    reason: str = ""
    attestation: AttestationEntry | None = None
    findings: list[FindingEntry]
    exchanges: list[ExchangeRef] = Field(default_factory=list)
    duration: float | None = Field(
        default=None, ge=0,
        description="Seconds its pytest item took (setup and call), rounded to milliseconds; balances the shards "
                    "of a later run (--shard-durations), never a verdict.",
    )


class ScopeEntry(_Open):
    """What the run judged of what the profile claims."""

    partial: bool = Field(description="True when some claimed requirement was not judged.")
    selection: dict[str, Any] = Field(description="How the run was narrowed (-k, --deselect, --domain, --shard ...).")
    claimed: int = Field(ge=0)
    judged: int = Field(ge=0)
    not_selected: list[str]


class CoverageEntry(_Open):
    """How much of the claimed scope the verdict rests on."""

    automated: int = Field(ge=0)
    attested: int = Field(ge=0)
    manual: int = Field(ge=0, description="MANUAL without an accepted attestation.")
    not_automated: int = Field(ge=0)
    not_applicable: int = Field(ge=0)
    not_selected: int = Field(ge=0)
    total: int = Field(ge=0)


class ResultsDocument(_Open):
    """``results.json``: the verdict of a run, its scope and coverage, and a result per requirement."""

    format_version: str = Field(description=f"This schema describes format {FORMAT_VERSION}.")
    verdict: Literal["conformant", "not_conformant", "incomplete", "not_run"]
    scope: ScopeEntry
    harness_version: str
    catalog: dict[str, Any]
    profile: dict[str, Any]
    summary: dict[StatusName, int]
    coverage: CoverageEntry
    problems: list[str] = Field(description="Waiver problems: they fail the run.")
    gaps: list[str] = Field(
        description="What could not be verified outside the results (catalog entries, attestations)."
    )
    error: str | None = Field(description="Why the run stopped (verdict not_run), else null.")
    results: list[ResultEntry]
    seed: int | None = Field(default=None, description="The seed the test town was built from: the first of seeds.")
    seeds: list[int] | None = Field(
        default=None, min_length=1,
        description="Every seed the run's generated examples were drawn with, the first seeding the test town; "
                    "each check that draws judged every one (`conformance run --seed A --seed B ...` replays).",
    )
