"""The 適合状況一覧 of an indexed bundle: the harness's list (:mod:`conformance.reporting.xlsx`) with
the portal's accepted attestations and open 経過措置."""

from __future__ import annotations

import io

from conformance.locations import default_catalog_root
from conformance.portal.i18n import label
from conformance.portal.models import Bundle
from conformance.portal.queries import as_document
from conformance.portal.verdicts import accepted_attestations, attestation_entry, current_verdict, today
from conformance.reconcile import neutral
from conformance.reporting.xlsx import rows, workbook

#: The second sheet's name: where the results come from.
PROVENANCE = "実行の出所"


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
    title = f"適合状況一覧 {bundle.municipality.name} {bundle.product} {bundle.version} ({origin_label(bundle)})"
    return with_provenance(workbook(rows(document, default_catalog_root(), transitions), title), bundle)


def origin_label(bundle: Bundle) -> str:
    """立会い実行 or 自己申告, as the pages say it (Japanese: the list is the municipality's document)."""
    return label("text", bundle.origin, "ja")


def with_provenance(data: bytes, bundle: Bundle) -> bytes:
    """The list with a second sheet, 実行の出所: who ran it (witnessed or self-declared), who signed,
    and the portal's verdict beside the run's, so the file says what it rests on wherever it goes."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    sheet = book.create_sheet(PROVENANCE)
    for name, value in (("市区町村", f"{bundle.municipality.name} ({bundle.municipality.code})"),
                        ("パッケージ版", f"{bundle.product} {bundle.version}"), ("ベンダー", bundle.vendor.name),
                        ("実行の出所", origin_label(bundle)), ("署名鍵 (SHA-256)", bundle.signer),
                        ("判定（ポータルの再計算）", label("verdict", current_verdict(bundle), "ja")),
                        ("判定（実行時）", label("verdict", bundle.verdict, "ja")),
                        ("バンドル (SHA-256)", bundle.sha256)):
        sheet.append([neutral(name), neutral(value)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
