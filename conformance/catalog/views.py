"""Plain-data views of the catalog for the CLI's contracts (list, stats, export)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from conformance.catalog.catalog import Catalog, EditionCatalog
from conformance.catalog.domains import Domain, domains
from conformance.catalog.models import DUTIES, FunctionCheck, Level, ManualCheck, Requirement, edition_label


def automation_state(requirement: Requirement) -> str:
    """``automated`` (a check function is bound), ``manual`` (only an attestation), else ``not_automated``."""
    if any(isinstance(c, FunctionCheck) for c in requirement.checks):
        return "automated"
    if any(isinstance(c, ManualCheck) for c in requirement.checks):
        return "manual"
    return "not_automated"


def list_entry(edition: EditionCatalog) -> dict[str, Any]:
    """One row of ``catalog list`` for an edition in the catalog (the original five keys first)."""
    meta = edition.edition
    entry: dict[str, Any] = {
        "domain": edition.domain,
        "domain_name": meta.domain_name if meta else None,
        "edition": edition.edition_name,
        "document": meta.document if meta else None,
        "requirements": len(edition.requirements),
    }
    entry.update(_registry_fields(edition.domain))
    entry["status"] = "in_catalog"
    entry["kind"] = meta.kind if meta else "specification"
    entry["label"] = " / ".join(edition_label(meta))
    entry["publisher"] = meta.publisher if meta else None
    entry["functions"] = len(edition.functions)
    entry["data_items"] = len(edition.data_items)
    entry["interfaces"] = len(edition.interfaces)
    return entry


def _registry_fields(slug: str) -> dict[str, Any]:
    found = next((d for d in domains() if d.slug == slug), None)
    return {
        "gyomu_ids": list(found.gyomu_ids) if found else [],
        "first_edition": found.first_edition if found else None,
    }


def awaiting_entry(domain: Domain) -> dict[str, Any]:
    """One row of ``catalog list`` for a registry domain with no edition in the catalog yet."""
    return {
        "domain": domain.slug,
        "domain_name": domain.name,
        "edition": None,
        "document": None,
        "requirements": 0,
        "gyomu_ids": list(domain.gyomu_ids),
        "first_edition": domain.first_edition,
        "status": "awaiting_source",
        "kind": None,
        "label": None,
    }


def catalog_listing(catalog: Catalog) -> list[dict[str, Any]]:
    """``catalog list``: every edition present, then every registry domain that has none yet.

    Editions come in the catalog's order; the domains awaiting their source in the registry's.
    """
    entries = [list_entry(edition) for edition in catalog.editions]
    present = {edition.domain for edition in catalog.editions}
    entries.extend(awaiting_entry(domain) for domain in domains() if domain.slug not in present)
    return entries


def edition_stats(edition: EditionCatalog) -> dict[str, Any]:
    """Counts by level, by automation state and by duty (every key present, zero when unused)."""
    levels = Counter(r.level.value for r in edition.requirements)
    states = Counter(automation_state(r) for r in edition.requirements)
    duties = Counter(str(r.duty) for r in edition.requirements)
    # Issue 46's depth: how the required system duties are judged (a statute edition's "75% automated").
    judged = [(automation_state(r), r) for r in edition.requirements
              if r.duty == "system" and r.level is Level.REQUIRED]
    system = Counter(state for state, _ in judged)
    # Issue 46 item 2: none NOT_AUTOMATED without a named reason (not_automated.yaml).
    unexplained = sum(1 for state, r in judged if state == "not_automated" and not r.not_automated_reason)
    return {
        "domain": edition.domain,
        "edition": edition.edition_name,
        "requirements": len(edition.requirements),
        "by_level": {level.value: levels.get(level.value, 0) for level in Level},
        "by_automation": {k: states.get(k, 0) for k in ("automated", "manual", "not_automated")},
        "by_duty": {duty: duties.get(duty, 0) for duty in DUTIES},
        "required_system": {**{k: system.get(k, 0) for k in ("automated", "manual", "not_automated")},
                            "not_automated_unexplained": unexplained},
    }


def export_requirement(edition: EditionCatalog, requirement: Requirement) -> dict[str, Any]:
    """One requirement of ``catalog export``."""
    source = requirement.source
    return {
        "id": requirement.id,
        "domain": edition.domain,
        "edition": edition.edition_name,
        "level": requirement.level.value,
        "kind": requirement.kind.value,
        "text": requirement.text,
        "section": {"number": source.section, "title": source.title},
        "source": source.model_dump(mode="json", exclude_none=True),
        "function_id": requirement.function_id,
        "form_id": requirement.form_id,
        "automation": automation_state(requirement),
        "duty": requirement.duty,
        "duty_reason": requirement.duty_reason,
        "not_automated_reason": requirement.not_automated_reason,
        "part": requirement.part,
        "checks": [c.model_dump(mode="json") for c in requirement.checks],
    }
