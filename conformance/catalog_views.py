"""Plain-data views of the catalog for the CLI's contracts (list, stats, export)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from conformance.spec.catalog import EditionCatalog
from conformance.spec.models import FunctionCheck, Level, ManualCheck, Requirement


def automation_state(requirement: Requirement) -> str:
    """``automated`` (a check function is bound), ``manual`` (only an attestation), else ``not_automated``."""
    if any(isinstance(c, FunctionCheck) for c in requirement.checks):
        return "automated"
    if any(isinstance(c, ManualCheck) for c in requirement.checks):
        return "manual"
    return "not_automated"


def list_entry(edition: EditionCatalog) -> dict[str, Any]:
    """One row of ``catalog list``."""
    meta = edition.edition
    return {
        "domain": edition.domain,
        "domain_name": meta.domain_name if meta else None,
        "edition": edition.edition_name,
        "document": meta.document if meta else None,
        "requirements": len(edition.requirements),
    }


def edition_stats(edition: EditionCatalog) -> dict[str, Any]:
    """Counts by level and by automation state (every key present, zero when unused)."""
    levels = Counter(r.level.value for r in edition.requirements)
    states = Counter(automation_state(r) for r in edition.requirements)
    return {
        "domain": edition.domain,
        "edition": edition.edition_name,
        "requirements": len(edition.requirements),
        "by_level": {level.value: levels.get(level.value, 0) for level in Level},
        "by_automation": {k: states.get(k, 0) for k in ("automated", "manual", "not_automated")},
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
        "checks": [c.model_dump(mode="json") for c in requirement.checks],
    }
