"""The 適合状況一覧 of an indexed bundle: the harness's list (:mod:`conformance.reporting.xlsx`) with
the portal's accepted attestations and open 経過措置."""

from __future__ import annotations

from conformance.locations import default_catalog_root
from conformance.portal.models import Bundle
from conformance.portal.queries import as_document
from conformance.portal.verdicts import accepted_attestations, attestation_entry, today
from conformance.reporting.xlsx import rows, workbook


def bundle_workbook(bundle: Bundle) -> bytes:
    """The xlsx bytes for ``bundle`` (a UsageError when this portal lacks the bundle's catalog edition)."""
    document = as_document(bundle)
    accepted = accepted_attestations(bundle, today())
    for result in document["results"]:
        portal = accepted.get((result["edition"], result["requirement"]))
        # Only what was accepted here verifies (verdicts.with_attestations): the bundle's own is not shown as such.
        result["attestation"] = attestation_entry(portal) if result["status"] == "MANUAL" and portal else None
    document["catalog"] = {"editions": [{"domain": s.domain, "edition": s.edition, "sha256": s.catalog_sha256}
                                        for s in bundle.systems.all()]}
    transitions = {t.requirement: t.notification for t in bundle.municipality.transitions.filter(closed=False)}
    title = f"適合状況一覧 {bundle.municipality.name} {bundle.product} {bundle.version}"
    return workbook(rows(document, default_catalog_root(), transitions), title)
