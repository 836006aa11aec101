"""What the pages show, as queries over the index (kept apart from the views for the benchmark)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from conformance.catalog.domains import domain_order
from conformance.portal.models import (
    ITEM_VALUES,
    Bundle,
    Installation,
    Municipality,
    RequirementState,
    SystemResult,
    Transition,
)
from conformance.portal.verdicts import current_verdict, today
from conformance.reporting.diff import RunDiff, diff_runs
from conformance.results import Verdict


@dataclass(frozen=True)
class Latest:
    """The latest result of one system of a municipality."""

    system: SystemResult
    verdict: str
    newer_partial: bool


def latest_results(municipality: Municipality, visible: QuerySet[Bundle]) -> list[Latest]:
    """Per system (domain), the latest complete result: the newest bundle that is neither partial
    nor stopped; a newer partial or stopped run is flagged, never taken instead."""
    return latest_for([municipality.pk], visible).get(municipality.pk, [])


def release_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A release's place among the product's releases: its numbers compared as numbers
    (``1.10`` after ``1.9``), the text between them as text (``2.0`` after ``2.0-rc1``: a part
    that ends the version ranks after any text)."""
    parts = re.findall(r"\d+|\D+", version)
    return (*((0, int(part)) if part.isdigit() else (1, part) for part in parts), (2, ""))


def latest_for(municipalities: Iterable[int], visible: QuerySet[Bundle]) -> dict[int, list[Latest]]:
    """:func:`latest_results` of many municipalities (by id) in three queries, whatever their number:
    per system, the installed product's newest complete result, newest by release and then by the
    run's own date (the manifest's), never by upload time (issue 68: a replay of an older release
    uploaded later is history, not the current result), with whether a newer run of it judged some
    of that system's requirements (a `-k` run of one system claims them all; issue 48: it flagged
    all 21) or stopped. A system with no installed product recorded shows nothing: the portal cannot
    tell whose result it is. The ranking columns are read without JSON or bundle rows (parsing
    8,000 of them was a third of the page's CPU; issue 51) and the choice is made here."""
    wanted = list(municipalities)
    installed = {(m, d): (v, p) for m, d, v, p in Installation.objects.filter(municipality_id__in=wanted)
                 .values_list("municipality_id", "domain", "product__vendor_id", "product__name")}
    ranked: dict[tuple[int, str], list[tuple[Any, ...]]] = {}
    for row in (SystemResult.objects.filter(municipality_id__in=wanted, bundle__in=visible)
                .values_list("pk", "municipality_id", "domain", "judged", "bundle__partial", "bundle__verdict",
                             "bundle__vendor_id", "bundle__product", "bundle__version", "bundle__created")):
        pk, municipality, domain, _, _, _, vendor, product, version, created = row
        if installed.get((municipality, domain)) == (vendor, product):
            ranked.setdefault((municipality, domain), []).append((release_key(version), created, pk, row))
    chosen: dict[int, bool] = {}  # the chosen system's id -> whether a newer run judged or stopped
    for rows in ranked.values():
        newer = False
        for *_, (pk, _, _, judged, partial, verdict, *_) in sorted(rows, reverse=True):
            stopped = verdict == Verdict.NOT_RUN
            if not (partial or stopped):
                chosen[pk] = newer
                break
            newer = newer or judged > 0 or stopped
    found: dict[int, list[Latest]] = {}
    picked = SystemResult.objects.filter(pk__in=list(chosen)).select_related("bundle")
    for system in sorted(picked, key=lambda s: (domain_order(s.domain), s.domain)):
        found.setdefault(system.municipality_id, []).append(
            Latest(system, current_verdict(system.bundle), chosen[system.pk]))
    return found


def counts(bundle: Bundle) -> dict[str, int]:
    """How many requirements of the bundle are in each state shown (an accepted attestation moves a
    MANUAL one to ATTESTED, an open 経過措置 any to TRANSITION: :mod:`conformance.portal.progress`)."""
    from conformance.portal.progress import rows

    return dict(Counter(row.shown for row in rows(bundle, today())))


def as_document(bundle: Bundle) -> dict[str, Any]:
    """The bundle's results as a results.json-like document (for the diff and the xlsx)."""
    # Plain rows, in the order the run listed them: two whole-catalog bundles made 8,000 model
    # objects for the diff, most of its time (issue 51).
    states: Iterable[Mapping[str, Any]] = bundle.states.order_by("id").values("status", "findings", "attestation",
                                                                               **ITEM_VALUES)
    keys = ("requirement", "level", "status", "findings", "attestation", "domain", "edition")
    return {"verdict": bundle.verdict, "profile": {"product": bundle.product, "version": bundle.version},
            "harness_version": bundle.harness_version, "results": [{key: row[key] for key in keys} for row in states]}


def previous_release(bundle: Bundle, visible: QuerySet[Bundle]) -> Bundle | None:
    """The newest complete bundle of the release before this one of the same product (by release,
    then the run's own date: :func:`release_key`), whenever it was uploaded."""
    mine = release_key(bundle.version)
    earlier = [b for b in visible.filter(municipality_id=bundle.municipality_id, vendor_id=bundle.vendor_id,
                                         product=bundle.product, partial=False).exclude(version=bundle.version)
               .only("pk", "version", "created") if release_key(b.version) < mine]
    return max(earlier, key=lambda b: (release_key(b.version), b.created, b.pk), default=None)


def release_diff(old: Bundle, new: Bundle) -> RunDiff:
    """What changed from one release to the next, regressions first (the harness's diff)."""
    return diff_runs(as_document(old), as_document(new))


def history(municipality: Municipality, requirement: str, visible: QuerySet[Bundle]) -> QuerySet[RequirementState]:
    """The requirement's state in every visible bundle of the municipality, newest first."""
    return (RequirementState.objects.filter(bundle__in=visible.filter(municipality=municipality),
                                            item__requirement=requirement)
            .select_related("bundle").order_by("-bundle__created", "-bundle__id"))


def transitions(municipality: Municipality, day: dt.date) -> list[tuple[Transition, bool]]:
    """The municipality's open 経過措置, each with whether it is past due, by 業務 (業務ID order), then by date."""
    found = municipality.transitions.filter(closed=False).order_by("promised")
    return [(t, t.overdue_on(day)) for t in sorted(found, key=lambda t: domain_order(t.domain))]
