"""What the pages show, as queries over the index (kept apart from the views for the benchmark)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from conformance.catalog.domains import domain_order
from conformance.portal.models import Bundle, Municipality, RequirementState, SystemResult, Transition
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
    """:func:`latest_results` of many municipalities (by id) in one query, whatever their number: the
    database ranks each municipality's systems by upload (a window) and keeps the newest complete
    one of each domain, with whether a newer run judged some of that system's requirements (a `-k`
    run of one system claims them all; issue 48: it flagged all 21) or stopped."""
    newer = SystemResult.objects.filter(
        municipality_id=OuterRef("municipality_id"), domain=OuterRef("domain"), bundle__in=visible,
        bundle__uploaded__gt=OuterRef("bundle__uploaded")).filter(Q(judged__gt=0) | Q(bundle__verdict=Verdict.NOT_RUN))
    ranked = (SystemResult.objects.filter(municipality_id__in=list(municipalities), bundle__in=visible,
                                          bundle__partial=False).exclude(bundle__verdict=Verdict.NOT_RUN)
              .annotate(rank=Window(RowNumber(), partition_by=[F("municipality_id"), F("domain")],
                                    order_by=[F("bundle__uploaded").desc(), F("id").desc()]),
                        newer=Exists(newer))
              .filter(rank=1).select_related("bundle"))
    found: dict[int, list[Latest]] = {}
    for system in sorted(ranked, key=lambda s: domain_order(s.domain)):
        found.setdefault(system.municipality_id, []).append(
            Latest(system, current_verdict(system.bundle), bool(system.newer)))
    return found


def counts(bundle: Bundle) -> dict[str, int]:
    """How many requirements of the bundle are in each state shown (an accepted attestation moves a
    MANUAL one to ATTESTED, an open 経過措置 any to TRANSITION: :mod:`conformance.portal.progress`)."""
    from conformance.portal.progress import rows

    return dict(Counter(row.shown for row in rows(bundle, today())))


def as_document(bundle: Bundle) -> dict[str, Any]:
    """The bundle's results as a results.json-like document (for the diff and the xlsx)."""
    return {"verdict": bundle.verdict, "profile": {"product": bundle.product, "version": bundle.version},
            "harness_version": bundle.harness_version, "results": [
                {"requirement": s.requirement, "level": s.level, "status": s.status, "findings": s.findings,
                 "attestation": s.attestation, "domain": s.domain, "edition": s.edition}
                for s in bundle.states.all()]}


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
    """The municipality's open 経過措置, each with whether it is past due."""
    return [(t, t.overdue_on(day)) for t in municipality.transitions.filter(closed=False).order_by("promised")]
