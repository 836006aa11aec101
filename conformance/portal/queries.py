"""What the pages show, as queries over the index (kept apart from the views for the benchmark)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from conformance.portal.models import Bundle, Municipality, RequirementState, SystemResult, Transition
from conformance.portal.progress import domain_order
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
    systems = SystemResult.objects.filter(municipality=municipality, bundle__in=visible)
    found = []
    for domain in sorted(set(systems.values_list("domain", flat=True).distinct()), key=domain_order):
        of_domain = systems.filter(domain=domain).select_related("bundle").order_by("-bundle__uploaded", "-id")
        complete = of_domain.filter(bundle__partial=False).exclude(bundle__verdict=Verdict.NOT_RUN).first()
        if complete is None:
            continue
        # A newer run is flagged for this system only when it judged some of its requirements (a
        # `-k` run of one system claims them all; issue 48: it flagged all 21), or it stopped.
        newer = of_domain.filter(bundle__uploaded__gt=complete.bundle.uploaded).filter(
            Q(bundle__states__domain=domain) | Q(bundle__verdict=Verdict.NOT_RUN)).exists()
        found.append(Latest(complete, current_verdict(complete.bundle), newer))
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
                                            requirement=requirement)
            .select_related("bundle").order_by("-bundle__uploaded"))


def transitions(municipality: Municipality, day: dt.date) -> list[tuple[Transition, bool]]:
    """The municipality's open 経過措置, each with whether it is past due."""
    return [(t, t.overdue_on(day)) for t in municipality.transitions.filter(closed=False).order_by("promised")]
