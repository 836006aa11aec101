"""The plan: catalog x profile -> immutable cases, one per requirement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance import clock
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.contract import list_operations
from conformance.catalog.domain_rules import check_domains
from conformance.catalog.domains import domain_name
from conformance.catalog.models import Check, FunctionCheck, Level, ManualCheck, Requirement
from conformance.catalog.openapi import api_interfaces
from conformance.errors import ProfileError, SpecError
from conformance.messages import did_you_mean
from conformance.profiles import SHARED_API_OPERATIONS, SHARED_DRIVER_OPERATIONS, Profile, Waiver, field_location
from conformance.results import declared_reason


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A check the plan leaves out of a requirement's bindings: judging it needs the part of the per-person answer
    of ``domains``, which the profile does not claim (a product is asked only its claimed domains' parts)."""

    check: str
    domains: tuple[str, ...]

    @property
    def texts(self) -> tuple[str, str]:
        """Why, in Japanese and English (a part the profile's claims make not apply: docs/results.md)."""
        names = [f"{domain_name(domain)}（{domain}）" for domain in self.domains]
        english = [f"{domain_name(domain)} ({domain})" for domain in self.domains]
        return (f"{self.check} は{'・'.join(names)}の部分を読むため判定しない（プロファイルが主張しない）",
                f"{self.check} is left out: it reads the answer's {', '.join(english)} part, which the profile does "
                "not claim (judged for a product that claims it)")


@dataclass(frozen=True, slots=True)
class Case:
    """One requirement to judge, with what the profile says about it; ``left_out``: the bound checks the plan leaves
    out for the profile (:func:`left_out`), the requirement judged on the others."""

    requirement: Requirement
    domain: str
    edition: str
    not_applicable: str | None = None
    waiver: Waiver | None = None
    attestation: Mapping[str, Any] | None = None
    left_out: tuple[LeftOut, ...] = ()

    @property
    def checks(self) -> tuple[Check, ...]:
        """The requirement's bindings the run judges: the catalog's, less the checks left out."""
        dropped = {left.check for left in self.left_out}
        return tuple(check for check in self.requirement.checks
                     if not (isinstance(check, FunctionCheck) and check.name in dropped))


@dataclass(frozen=True, slots=True)
class Plan:
    """The cases of a run, and the problems found while planning (they fail the run)."""

    cases: tuple[Case, ...]
    problems: tuple[str, ...] = ()


def plan_edition(
    edition: EditionCatalog, profile: Profile | None, today: dt.date | None = None,
    attestations: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[Case, ...]:
    """The cases for one edition; with no profile every optional function counts as declared.

    An expired waiver covers nothing: its failure stays FAIL (and the waiver is a run problem).
    ``attestations`` (requirement id -> resolved attestation) go with their cases; the runner
    applies one only to a requirement that is MANUAL (see :func:`attestation_gaps`).
    """
    attested = attestations or {}
    domain, name = edition.domain, edition.edition_name
    day = today or clock.today()
    waivers = {w.requirement: w for w in profile.waivers if w.expiry >= day} if profile else {}
    return tuple(
        Case(
            requirement=requirement,
            domain=domain,
            edition=name,
            not_applicable=not_applicable,
            waiver=waivers.get(requirement.id),
            attestation=attested.get(requirement.id),
            left_out=left_out(requirement, profile) if not_applicable is None else (),
        )
        for requirement in edition.requirements
        for not_applicable in [_not_applicable(requirement, profile)]
    )


def left_out(requirement: Requirement, profile: Profile | None) -> tuple[LeftOut, ...]:
    """The checks bound to ``requirement`` whose judging needs a domain ``profile`` does not claim (the parts of one
    answer agreeing: the rule's ``needs`` in its folder's texts.yaml; or another domain's rule), left out so that
    the requirement is judged on the checks that can run (issue 66, F-D). Why: such a check can never run for the
    profile, and a requirement is never PASS while a bound check did not run; the product is asked only what its
    claimed domains' contracts publish (docs/profiles.md). None with no profile (every domain claimed)."""
    if profile is None:
        return ()
    needs = check_domains()
    found: list[LeftOut] = []
    for check in requirement.checks:
        if isinstance(check, FunctionCheck):
            unclaimed = tuple(sorted(d for d in needs.get(check.name, ()) if not profile.claims_domain(d)))
            if unclaimed:
                found.append(LeftOut(check.name, unclaimed))
    return tuple(found)


def _not_applicable(requirement: Requirement, profile: Profile | None) -> str | None:
    """Why a requirement is not judged: declared outside the municipality's system (whatever the profile
    says), of another domain's part of the law that the profile does not claim (whatever its checks: automated,
    MANUAL or none), or an optional function the profile does not declare."""
    if requirement.duty == "outside":
        return outside_reason(requirement)
    if profile is None:
        return None
    if requirement.part is not None and not profile.claims_domain(requirement.part):
        return unclaimed_part_reason(requirement.part)
    if requirement.level is not Level.OPTIONAL or profile.declares(requirement.id):
        return None
    return "optional function not declared in the capability statement"


def unclaimed_part_reason(part: str) -> str:
    """The NOT_APPLICABLE reason of a sentence of ``part``'s (another domain's part of the law: the edition's
    provisions.yaml) for a profile that does not claim ``part``, in both languages."""
    name = domain_name(part)
    return declared_reason(
        f"プロファイルは{name}（{part}）を主張しない: この文は{name}の部分"
        "（ハーネスの解釈: 版の provisions.yaml の part）",
        f"the profile does not claim {name} ({part}): this sentence is {name}'s part of the law (the harness's "
        "reading: the edition's provisions.yaml, part); judged for a product that claims it")


def outside_reason(requirement: Requirement) -> str:
    """The NOT_APPLICABLE reason of a requirement declared outside the municipality's system."""
    return (f"対象外（ハーネスの解釈: 市町村のシステムの責務ではない）: {requirement.duty_reason or ''} / outside the "
            "municipality's system (the harness's reading; duties.yaml)")


def waiver_problems(
    profile: Profile | None, editions: Iterable[EditionCatalog], today: dt.date
) -> tuple[str, ...]:
    """Waivers that fail the run before it starts: expired, or for an unknown requirement."""
    if profile is None:
        return ()
    known = {r.id for edition in editions for r in edition.requirements}
    problems: list[str] = []
    for waiver in profile.waivers:
        if waiver.requirement not in known:
            hint = did_you_mean(waiver.requirement, known)
            problems.append(f"waiver for unknown requirement {waiver.requirement!r}{hint}")
        elif waiver.expiry < today:
            problems.append(
                f"waiver for {waiver.requirement} expired on {waiver.expires} (ticket {waiver.ticket})"
            )
    return tuple(problems)


def attestation_gaps(
    attestations: Mapping[str, Mapping[str, Any]], editions: Iterable[EditionCatalog]
) -> tuple[str, ...]:
    """Attestations that verify nothing: for an unknown requirement, or one a check judges (a
    person's word never replaces an automated check). They leave the run incomplete, not failed:
    the vendor did nothing wrong, the profile says too much."""
    requirements = {r.id: r for edition in editions for r in edition.requirements}
    gaps: list[str] = []
    for rid in attestations:
        requirement = requirements.get(rid)
        if requirement is None:
            gaps.append(f"attestation for unknown requirement {rid!r}{did_you_mean(rid, requirements)}")
        elif not any(isinstance(check, ManualCheck) for check in requirement.checks) or any(
            isinstance(check, FunctionCheck) for check in requirement.checks
        ):
            gaps.append(f"attestation for {rid} is not used: the requirement is not MANUAL")
    return tuple(gaps)


def build_plan(
    editions: Iterable[EditionCatalog], profile: Profile | None, today: dt.date | None = None
) -> Plan:
    """All cases of the editions the profile claims (all editions with no profile)."""
    chosen = [e for e in editions if profile is None or profile.claims_edition(e.domain, e.edition_name)]
    cases = tuple(case for edition in chosen for case in plan_edition(edition, profile))
    problems = waiver_problems(profile, chosen, today or clock.today())
    return Plan(cases=cases, problems=problems)


def check_run_inputs(profile: Profile, editions: Iterable[EditionCatalog], path: Path | None = None) -> None:
    """Stop before a run whose input is the user's to fix (issue 27, items 2 and 3): a claimed
    edition that does not load (SpecError with its ``file:line: message`` lines), and a driver
    operation the profile lists that no claimed edition defines (ProfileError with did-you-mean):
    either would silently turn requirements into gaps or NOT_AUTOMATED. With the profile's ``path``,
    the operation's ``file:line`` comes first."""
    claimed = [e for e in editions if profile.claims_edition(e.domain, e.edition_name)]
    errors = [str(error) for edition in claimed for error in edition.errors]
    if errors:
        raise SpecError([*errors[:_ERRORS_SHOWN], *([f"... {len(errors) - _ERRORS_SHOWN} more: conformance catalog "
                                                    "validate lists them"] if len(errors) > _ERRORS_SHOWN else [])])
    api, driver = profile.targets.api, profile.targets.driver
    if api is not None and api.operations != "all":
        known = sorted({interface.id for edition in claimed for interface in api_interfaces(edition)}
                       | {operation for edition in claimed for operation in list_operations(edition)}
                       | set(SHARED_API_OPERATIONS))
        _check_operations(api.operations, known, path, "api", "API operation", list_known=True)
    if driver is not None and driver.operations != "all":
        known = sorted({operation.id for edition in claimed for operation in edition.driver_operations}
                       | set(SHARED_DRIVER_OPERATIONS))
        _check_operations(driver.operations, known, path, "driver", "driver operation", list_known=False)


def _check_operations(declared: Iterable[str], known: list[str], path: Path | None, target: str, kind: str, *,
                      list_known: bool) -> None:
    """An operation of ``targets.<target>.operations`` that no claimed edition defines, nor the shared ones: a
    ProfileError with did-you-mean (a typo would leave the operation's checks NOT_AUTOMATED without a word), the
    profile's ``file:line`` first; ``list_known`` adds every known operation (the API's few, not the driver's
    many)."""
    for index, name in enumerate(declared):
        if name not in known:
            where = f"{field_location(path, ('targets', target, 'operations', index))}: " if path else ""
            listed = f"; known: {', '.join(known)}" if list_known else ""
            raise ProfileError(f"{where}targets.{target}.operations[{index}]: unknown {kind} {name!r} of the "
                               f"claimed editions{did_you_mean(name, known)}{listed}")


#: Catalog errors a stopped run names (``catalog validate`` lists all).
_ERRORS_SHOWN = 5
