"""The catalog editions this portal ships, loaded once: verbatim texts and MANUAL procedures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.domains import domain_name, domain_order, domains
from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import ManualCheck, Requirement
from conformance.errors import ConformanceError
from conformance.locations import default_catalog_root
from conformance.reporting.bundle import contained_edition


def directory(domain: str, number: str) -> Path | None:
    """The shipped edition's directory, or None when this portal has none of that name."""
    try:
        found = contained_edition(default_catalog_root(), {"domain": domain, "edition": number})
    except ConformanceError:
        return None
    return found if found.is_dir() else None


@cache
def edition(domain: str, number: str) -> EditionCatalog | None:
    """The shipped edition, or None when this portal has none of that name."""
    found = directory(domain, number)
    return load_edition(found) if found is not None else None


@cache
def fingerprint(domain: str, number: str) -> str | None:
    """The shipped edition's fingerprint (what a bundle's catalog hash is compared with)."""
    found = directory(domain, number)
    return edition_fingerprint(found) if found is not None else None


@cache
def _requirements(domain: str, number: str) -> dict[str, Requirement]:
    found = edition(domain, number)
    return {r.id: r for r in found.requirements} if found is not None else {}


def requirement(domain: str, number: str, requirement_id: str) -> Requirement | None:
    """A requirement of a shipped edition, or None (by id: a bundle page looks up 1,993 of them)."""
    return _requirements(domain, number).get(requirement_id)


def procedure(found: Requirement | None) -> str:
    """What a person checks and attaches for a MANUAL requirement (its binding's evidence text)."""
    if found is None:
        return ""
    return "\n".join(check.evidence for check in found.checks if isinstance(check, ManualCheck))


def systems() -> list[tuple[str, str]]:
    """Every system (業務) of the catalog as (domain slug, 業務 name), in 業務ID order: what a list or a choice of
    systems shows (issue 69: by 業務, never by slug)."""
    return [(d.slug, domain_name(d.slug)) for d in sorted(domains(), key=lambda d: domain_order(d.slug))]
