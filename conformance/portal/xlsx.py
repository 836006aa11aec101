"""The 適合状況一覧 of an indexed bundle: the harness's list (:mod:`conformance.reporting.xlsx`) written
from the bundle's own results.json (so each row's evidence is the command line's), with the portal's
accepted attestations and open 経過措置, its municipality in the header block and a last sheet saying
what the list rests on (signer, both verdicts, the bundle's hash)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.utils import timezone

from conformance import __version__
from conformance.errors import UsageError
from conformance.locations import default_catalog_root
from conformance.portal.i18n import label
from conformance.portal.models import Bundle, BundleFile
from conformance.portal.verdicts import accepted_attestations, attestation_entry, current_verdict, today
from conformance.reporting.xlsx import PROVENANCE, Filing, listed_for
from conformance.reporting.ziputil import ArchiveError, open_checked, read_entry

__all__ = ["PROVENANCE", "bundle_workbook", "origin_label"]


def bundle_workbook(bundle: Bundle) -> bytes:
    """The xlsx bytes for ``bundle`` (a UsageError when this portal lacks the bundle's catalog edition).

    A list once written is kept (the cache ``lists``, :data:`KEPT`) under a digest of everything it is made
    from (:func:`made_from`), computed again on every request from the database: a bundle's bytes never
    change (its SHA-256 is in the digest), and an attestation accepted, expiring or withdrawn, a 経過措置 opened
    or closed, the portal's verdict, the municipality's name, the day (作成日) or the harness's version each
    change the digest, so a changed list is never served from the store; what is kept is only the writing
    (a whole catalog's list: 130-170 ms of CPU, the portal's slowest page; issue 51)."""
    accepted = {key: attestation_entry(found) for key, found in accepted_attestations(bundle, today()).items()}
    transitions = {t.requirement: t.notification for t in bundle.municipality.transitions.filter(closed=False)}
    title = f"適合状況一覧 {bundle.municipality.name} {bundle.product} {bundle.version} ({origin_label(bundle)})"
    filed = filing(bundle)
    catalog_root = default_catalog_root()
    key = made_from(bundle, accepted, transitions, title, filed, catalog_root)
    store = caches[KEPT]
    kept = store.get(key)
    if isinstance(kept, bytes):
        return kept
    document = bundle_results(bundle)
    for result in document.get("results", []):
        portal = accepted.get((result.get("edition"), result.get("requirement")))
        # Only what was accepted here verifies (verdicts.with_attestations): the bundle's own is not shown as such.
        result["attestation"] = portal if result.get("status") == "MANUAL" and portal else None
    data = listed_for(document, catalog_root, filed, transitions, title)
    store.set(key, data)
    return data


#: The cache (Django's ``CACHES``) the written lists are kept in.
KEPT = "lists"


def made_from(bundle: Bundle, accepted: Mapping[tuple[str, str], Mapping[str, Any]],
              transitions: Mapping[str, str], title: str, filed: Filing, catalog_root: Path) -> str:
    """A digest of everything :func:`bundle_workbook` writes a list from but the catalog edition, which the
    bundle's results.json names by its SHA-256 (the list refuses any other edition): the bundle (its bytes by
    their SHA-256), the accepted attestations of its release, the open 経過措置, the title, the header
    block's and provenance sheet's values (the day, the portal's verdict among them), the catalog's
    directory and the harness's version (the writer)."""
    made = {"harness": __version__, "catalog": str(catalog_root), "bundle": [bundle.pk, bundle.sha256],
            "accepted": sorted([*key, entry] for key, entry in accepted.items()),
            "transitions": sorted(transitions.items()), "title": title, "filing": dataclasses.asdict(filed)}
    text = json.dumps(made, ensure_ascii=False, sort_keys=True, default=str)
    return "xlsx:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def bundle_results(bundle: Bundle) -> dict[str, Any]:
    """The results.json the bundle carries, as the run wrote it (verified when it was indexed); its bytes are
    read from their own table (issue 51: no page that lists bundles reads them)."""
    try:
        archive, infos = open_checked(bytes(BundleFile.objects.get(bundle=bundle).data))
        with archive:
            info = next((i for i in infos if i.filename == "results.json"), None)
            if info is None:
                raise UsageError(f"bundle {bundle.pk}: holds no results.json")
            document = json.loads(read_entry(archive, info))
    except (ArchiveError, ValueError) as error:
        raise UsageError(f"bundle {bundle.pk}: its results.json cannot be read ({error})") from None
    if not isinstance(document, dict):
        raise UsageError(f"bundle {bundle.pk}: results.json is not a JSON object")
    return document


def filing(bundle: Bundle) -> Filing:
    """The header block's values: the municipality, the release, the run's date, who ran it; and the
    provenance sheet's lines."""
    municipality = bundle.municipality
    # The run's day in the portal's time zone (Japan's), as ingest.py reads it: the UTC date of its instant named the
    # day before for a run after 15:00 UTC (issue 65).
    run_day = timezone.localtime(bundle.created).date().isoformat()
    return Filing(municipality_name=municipality.name, municipality_code=municipality.code,
                  product=bundle.product, version=bundle.version, run_date=run_day,
                  made=today().isoformat(), origin=origin_label(bundle), provenance=provenance(bundle))


def provenance(bundle: Bundle) -> tuple[tuple[str, str], ...]:
    """Who ran it (witnessed or self-declared), who signed, and the portal's verdict beside the
    run's, so the file says what it rests on wherever it goes."""
    lines: Mapping[str, str] = {
        "市区町村": f"{bundle.municipality.name} ({bundle.municipality.code})",
        "パッケージ版": f"{bundle.product} {bundle.version}", "ベンダー": bundle.vendor.name,
        "実行の出所": origin_label(bundle), "署名鍵 (SHA-256)": bundle.signer,
        "判定（ポータルの再計算）": label("verdict", current_verdict(bundle), "ja"),
        "判定（実行時）": label("verdict", bundle.verdict, "ja"), "バンドル (SHA-256)": bundle.sha256}
    return tuple(lines.items())


def origin_label(bundle: Bundle) -> str:
    """立会い実行 or 自己申告, as the pages say it (Japanese: the list is the municipality's document)."""
    return label("text", bundle.origin, "ja")
