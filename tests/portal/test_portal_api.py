"""The portal's API for the CLI (a real HTTP server, the CLI's client code): a bundle posted with
an API token, a release's accepted attestations fetched as the attestations file a profile names,
with their evidence checked, and read back by the harness's own profile loader."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from portal_helpers import CHECKED, MANUAL, World, signed_bundle

from conformance.errors import UsageError

pytestmark = pytest.mark.usefixtures("portal_db")
ROOT = Path(__file__).resolve().parents[2]


def test_a_bundle_posted_with_a_token_is_indexed(served: str, world: World, tmp_path: Path) -> None:
    from conformance.portal.api import new_token
    from conformance.portal.client import upload

    bundle = tmp_path / "evidence.zip"
    bundle.write_bytes(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    indexed = upload(served, new_token(world.users["vendor"]), world.tokyo.code, bundle)
    assert (indexed["municipality"], indexed["version"], indexed["verdict"]) == (world.tokyo.code, "1.0",
                                                                                 "incomplete")
    with pytest.raises(UsageError, match="answered 401"):
        upload(served, "not-a-token", world.tokyo.code, bundle)
    with pytest.raises(UsageError, match="answered 404"):  # not a municipality the account sees
        upload(served, new_token(world.users["outsider"]), world.tokyo.code, bundle)


def test_accepted_attestations_are_fetched_for_a_run(served: str, world: World, tmp_path: Path) -> None:
    from django.utils import timezone

    from conformance.portal.api import new_token
    from conformance.portal.client import fetch_attestations
    from conformance.portal.models import Attestation, Evidence
    from conformance.profiles import load_profile, resolved_attestations

    screenshot = b"\x89PNG the alert on the screen"
    accepted = Attestation.objects.create(
        municipality=world.tokyo, vendor=world.vendor, product="見本住記", version="1.0", domain="jumin", edition="1.0",
        requirement=MANUAL, statement="警告を確認した", state="accepted", decided=timezone.now(),
        created_by=world.users["tester"], decided_by=world.users["reviewer"],
        expires=timezone.localdate() + dt.timedelta(days=90))
    Evidence.objects.create(attestation=accepted, name="alert screen.png", content_type="image/png",
                            sha256=hashlib.sha256(screenshot).hexdigest(), size=len(screenshot), data=screenshot)
    Attestation.objects.create(municipality=world.tokyo, vendor=world.vendor, product="見本住記", version="1.0",
                               domain="jumin", edition="1.0", requirement="jumin-1.0-3.4-R006", statement="まだ",
                               state="pending")
    written = fetch_attestations(served, new_token(world.users["tester"]),
                                 {"municipality": world.tokyo.code, "product": "見本住記", "version": "1.0"},
                                 tmp_path / "fetched")
    profile = tmp_path / "profile.yaml"
    profile.write_text((ROOT / "vendor_profiles" / "reference.yaml").read_text("utf-8").replace(
        "attestations_file: attestations/reference.yaml", f"attestations_file: {written}"), "utf-8")
    resolved = resolved_attestations(load_profile(profile), profile)
    assert list(resolved) == [MANUAL]  # the pending one is not there
    assert resolved[MANUAL]["evidence"] == [{"file": f"evidence/{accepted.evidence.get().pk}-alert_screen.png",
                                             "sha256": hashlib.sha256(screenshot).hexdigest()}]
    assert resolved[MANUAL]["statement"] == "警告を確認した"
    # Issue 48: the export keeps the expiry the reviewer set, and the run reads it.
    assert accepted.expires is not None and resolved[MANUAL]["expires"] == accepted.expires.isoformat()
    assert f"expires: '{accepted.expires.isoformat()}'" in written.read_text("utf-8")
