"""What the pages show, as queries over the index (kept apart from the views for the benchmark)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from conformance.catalog.domains import domain_order
from conformance.portal.models import ITEM_VALUES, Bundle, Municipality, RequirementState, SystemResult, Transition
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


def latest_for(municipalities: Iterable[int], visible: QuerySet[Bundle]) -> dict[int, list[Latest]]:
    """:func:`latest_results` of many municipalities (by id) in two queries, whatever their number: the
    newest complete result of each municipality's systems (by upload, then id), with whether a run
    listed before it judged some of that system's requirements (a `-k` run of one system claims them
    all; issue 48: it flagged all 21) or stopped. The first query reads the systems' ranking columns
    only, in that order (no JSON, no bundle row, not even the upload time: parsing 8,000 of them was
    a third of the page's CPU) and the choice is made here; the second reads the chosen systems with
    their bundles. (A window and a newer-run subquery per row in SQL took 430 ms for 北海道's first
    page at the national size, most of it the sort of wide rows spilling to disk and 3,000
    subqueries; issue 51.)"""
    chosen: dict[int, bool] = {}  # the chosen system's id -> whether a run listed before it judged or stopped
    newer: dict[tuple[int, str], bool] = {}  # per system not chosen yet: so far
    done: set[tuple[int, str]] = set()
    for pk, municipality, domain, judged, partial, verdict in (
            SystemResult.objects.filter(municipality_id__in=list(municipalities), bundle__in=visible)
            .order_by("municipality_id", "domain", "-bundle__uploaded", "-id")
            .values_list("pk", "municipality_id", "domain", "judged", "bundle__partial", "bundle__verdict")):
        key, stopped = (municipality, domain), verdict == Verdict.NOT_RUN
        if key in done:
            continue  # older than the chosen one
        if partial or stopped:
            newer[key] = newer.get(key, False) or judged > 0 or stopped
        else:
            chosen[pk] = newer.get(key, False)
            done.add(key)
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
    """The latest complete bundle of another release of the same product, uploaded before this one."""
    return (visible.filter(municipality_id=bundle.municipality_id, product=bundle.product, partial=False,
                           uploaded__lt=bundle.uploaded).exclude(version=bundle.version)
            .order_by("-uploaded").first())


def release_diff(old: Bundle, new: Bundle) -> RunDiff:
    """What changed from one release to the next, regressions first (the harness's diff)."""
    return diff_runs(as_document(old), as_document(new))


def history(municipality: Municipality, requirement: str, visible: QuerySet[Bundle]) -> QuerySet[RequirementState]:
    """The requirement's state in every visible bundle of the municipality, newest first."""
    return (RequirementState.objects.filter(bundle__in=visible.filter(municipality=municipality),
                                            item__requirement=requirement)
            .select_related("bundle").order_by("-bundle__uploaded"))


def transitions(municipality: Municipality, day: dt.date) -> list[tuple[Transition, bool]]:
    """The municipality's open 経過措置, each with whether it is past due, by 業務 (業務ID order), then by date."""
    found = municipality.transitions.filter(closed=False).order_by("promised")
    return [(t, t.overdue_on(day)) for t in sorted(found, key=lambda t: domain_order(t.domain))]
