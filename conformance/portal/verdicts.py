"""The portal's verdict of a bundle: the run's results with the attestations accepted here.

An accepted, unexpired attestation of a MANUAL requirement, for the bundle's municipality,
package release (product and version) and catalog edition, verifies that requirement as the
profile's attestations do in a run (docs/results.md, "Attestations"); the verdict rule is the
harness's own (:func:`conformance.results.decide_verdict`). The verdict is kept on the bundle and
recomputed when an attestation of its release is decided, and when one it rests on expires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone

from conformance.portal.models import ITEM_VALUES, Attestation, Bundle, Origin, RequirementState
from conformance.results import RequirementResult, Status, Verdict, decide_verdict


def today() -> dt.date:
    """The portal's date (its time zone's), what expiry and due dates are compared with."""
    return timezone.localdate()


def accepted_attestations(bundle: Bundle, day: dt.date) -> dict[tuple[str, str], Attestation]:
    """Valid accepted attestations of the bundle's release, by (edition, requirement); the latest decided wins."""
    found: dict[tuple[str, str], Attestation] = {}
    candidates = (Attestation.objects.filter(municipality_id=bundle.municipality_id, vendor_id=bundle.vendor_id,
                                             product=bundle.product,
                                             version=bundle.version, state=Attestation.State.ACCEPTED)
                  .prefetch_related("evidence", "decided_by").order_by("decided"))
    for attestation in candidates:
        if attestation.valid_on(day):
            found[(attestation.edition, attestation.requirement)] = attestation
    return found


def attestation_entry(attestation: Attestation) -> dict[str, Any]:
    """An attestation as results.json carries one (who, when, statement, evidence with hashes), with who accepted
    it (``reviewed_by``: the 適合状況一覧 names the reviewer, the decision day and the expiry, issue 69 item 5)."""
    decided = timezone.localdate(attestation.decided).isoformat() if attestation.decided else ""
    return {"by": str(attestation.created_by or ""), "role": f"accepted by {attestation.decided_by}",
            "reviewed_by": str(attestation.decided_by or ""), "date": decided, "statement": attestation.statement,
            "portal_attestation": attestation.pk,
            "expires": attestation.expires.isoformat() if attestation.expires else None,
            "evidence": [{"file": e.name, "sha256": e.sha256} for e in attestation.evidence.all()]}


def with_attestations(states: Iterable[Mapping[str, Any]],
                      accepted: Mapping[tuple[str, str], Attestation]) -> list[RequirementResult]:
    """The bundle's results (rows of :data:`STATE_FIELDS`), MANUAL requirements verified by the
    attestations accepted here only: an attestation inside the bundle is the signer's own word
    (a vendor's profile can say anything), so it is shown, never counted (docs/portal.md)."""
    results = []
    for state in states:
        attestation: Mapping[str, Any] | None = None
        portal = accepted.get((state["edition"], state["requirement"]))
        if state["status"] == Status.MANUAL and portal is not None:
            attestation = attestation_entry(portal)
        results.append(RequirementResult(requirement=state["requirement"], domain=state["domain"],
                                          edition=state["edition"], level=state["level"],
                                          status=Status(state["status"]), reason=state["reason"],
                                          attestation=attestation))
    return results


#: What the verdict reads of each requirement's state (with its requirement's :data:`ITEM_VALUES`).
STATE_FIELDS = ("status", "reason", "attestation")


def compute(bundle: Bundle, day: dt.date) -> tuple[Verdict, dt.date | None]:
    """The bundle's verdict on ``day``, and the first expiry of the attestations it used."""
    accepted = accepted_attestations(bundle, day)
    results = with_attestations(RequirementState.objects.filter(bundle_id=bundle.pk)
                                 .values(*STATE_FIELDS, **ITEM_VALUES), accepted)
    used = [a.expires for a in accepted.values() if a.expires is not None]
    verdict = decide_verdict(results, bundle.problems, partial=bundle.partial or bool(bundle.gaps),
                             stopped="the run stopped" if bundle.verdict == Verdict.NOT_RUN else None)
    if verdict is Verdict.CONFORMANT and not witnessed_enough(bundle):
        verdict = Verdict.INCOMPLETE  # nothing failed, but the municipality accepts only what it witnessed
    return verdict, min(used, default=None)


def witnessed_enough(bundle: Bundle) -> bool:
    """A self-declared bundle cannot be conformant where the municipality requires witnessed runs."""
    return bundle.origin == Origin.WITNESSED or not bundle.municipality.require_witnessed


def refresh_verdict(bundle: Bundle) -> str:
    """Recompute and keep the bundle's verdict; returns it."""
    verdict, valid_until = compute(bundle, today())
    bundle.current_verdict, bundle.verdict_valid_until = verdict.value, valid_until
    bundle.save(update_fields=["current_verdict", "verdict_valid_until"])
    return bundle.current_verdict


def current_verdict(bundle: Bundle) -> str:
    """The kept verdict, recomputed first when an attestation it rests on has expired since."""
    if not bundle.current_verdict or (bundle.verdict_valid_until and today() > bundle.verdict_valid_until):
        return refresh_verdict(bundle)
    return bundle.current_verdict


def refresh_release(attestation: Attestation) -> int:
    """Recompute every bundle of the attestation's release (after a decision); returns how many."""
    bundles = Bundle.objects.filter(municipality_id=attestation.municipality_id, vendor=attestation.vendor,
                                    product=attestation.product,
                                    version=attestation.version, systems__edition=attestation.edition).distinct()
    count = 0
    for bundle in bundles:
        refresh_verdict(bundle)
        count += 1
    return count
