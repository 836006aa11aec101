"""Attacks on the portal (issue 47): each test plays the judged party or a neighbour (forged bundles
signed with a vendor's own registered key, crossed tenants, replays, oversized bodies, killed
workers) and asserts the refusal. They run on SQLite, and on PostgreSQL through test_postgres.py."""

from __future__ import annotations

import copy
import html
import io
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CATALOG, CHECKED, MANUAL, World, jumin_requirements, results, signed_document

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.reporting.json_report import results_document
from conformance.results import RequirementResult, RunOutcome, Scope, Status

pytestmark = pytest.mark.usefixtures("portal_db")
INKAN = CATALOG / "inkan" / "2025.12"


def client(user: Any) -> Any:
    from django.test import Client

    browser = Client()
    browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return browser


def upload(browser: Any, municipality: Any, data: bytes) -> Any:
    return browser.post("/upload/", {"municipality": municipality.pk, "bundle": io.BytesIO(data)})


def refused(world: World, tmp_path: Path, document: dict[str, Any], reason: str) -> None:
    """The vendor's own signature on ``document`` is refused with ``reason``, and nothing is stored."""
    from conformance.portal.models import Bundle

    before = Bundle.objects.count()
    answer = upload(client(world.users["vendor"]), world.tokyo, signed_document(tmp_path, world.signer, document))
    text = html.unescape(answer.content.decode())
    assert answer.status_code == 400 and reason in text, text[-3000:]
    assert Bundle.objects.count() == before


# 1. The portal recomputes every verdict from the catalog edition it holds.

def test_one_of_seventeen_inkan_requirements_signed_conformant_is_refused(world: World, tmp_path: Path) -> None:
    edition = load_edition(INKAN)
    judged = next(r for r in edition.requirements if any(isinstance(c, FunctionCheck) for c in r.checks))
    outcome = RunOutcome(results=(RequirementResult(requirement=judged.id, domain="inkan", edition="2025.12",
                                                    level=judged.level.value, status=Status.PASS),),
                         scope=Scope(claimed=frozenset({judged.id})))
    catalog = {"editions": [{"domain": "inkan", "edition": "2025.12", "document": "印鑑登録",
                             "requirements": len(edition.requirements), "sha256": edition_fingerprint(INKAN)}]}
    document = results_document(outcome, catalog, {"name": "x", "product": "見本住記", "version": "1.0"})
    assert (document["verdict"], document["scope"]["partial"]) == ("conformant", False)  # the forgery's claim
    refused(world, tmp_path, document, f"16 of the {len(edition.requirements)} requirements of the claimed "
                                       "editions are missing")


def forged(change: str, rid: str) -> dict[str, Any]:
    """A whole 住民記録 run whose entry ``rid`` was edited by ``change``, its summary kept consistent."""
    document = results({CHECKED: "PASS", MANUAL: "MANUAL"}, "1.0")
    entry = next(e for e in document["results"] if e["requirement"] == rid)
    old = entry["status"]
    if change == "level":
        entry["level"] = "optional"
    else:
        entry["status"] = change
        document["summary"][old] -= 1
        document["summary"][change] += 1
    return document


def not_automated() -> str:
    return next(rid for rid, r in jumin_requirements().items() if not r.checks)


@pytest.mark.parametrize(("change", "rid", "reason"), [
    ("PASS", "not automated", "state PASS is not one the harness gives this requirement"),
    ("NOT_APPLICABLE", CHECKED, "state NOT_APPLICABLE is not one the harness gives this requirement"),
    ("PASS", MANUAL, "state PASS is not one the harness gives this requirement"),
    ("WAIVED", CHECKED, "WAIVED, but the run's waivers name no waiver for it"),
    ("level", CHECKED, "level 'optional', the catalog says 'required'"),
])
def test_a_state_the_catalog_does_not_allow_is_refused(world: World, tmp_path: Path, change: str, rid: str,
                                                        reason: str) -> None:
    refused(world, tmp_path, forged(change, not_automated() if rid == "not automated" else rid), reason)


def test_a_verdict_the_states_do_not_give_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "FAIL"}, "1.0")
    document["verdict"] = "conformant"
    refused(world, tmp_path, document, "the file says conformant; the harness's rule over its own results gives "
                                       "not_conformant")


def test_a_summary_that_hides_failures_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "FAIL"}, "1.0")
    document["summary"]["FAIL"] = 0
    refused(world, tmp_path, document, "summary: FAIL 0, the results list 1")


def test_a_catalog_edition_the_portal_does_not_hold_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "PASS"}, "1.0")
    other = copy.deepcopy(document)
    other["catalog"]["editions"][0]["sha256"] = "0" * 64
    refused(world, tmp_path, other, "is not the edition this portal holds")
    other["catalog"]["editions"][0].update({"edition": "9.9", "sha256": document["catalog"]["editions"][0]["sha256"]})
    refused(world, tmp_path, other, "catalog jumin 9.9: this portal does not hold that edition")


def test_an_attestation_inside_the_bundle_verifies_nothing(world: World, tmp_path: Path) -> None:
    from conformance.portal.verdicts import with_attestations

    state = {"requirement": MANUAL, "domain": "jumin", "edition": "1.0", "level": "required", "status": "MANUAL",
             "reason": "", "attestation": {"by": "the vendor itself", "statement": "trust me", "evidence": []}}
    assert not with_attestations([state], {})[0].verified
