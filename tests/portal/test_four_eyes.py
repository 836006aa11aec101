"""Four eyes are two people of the municipality (issue 68, item 3): no account holds a vendor role and
a municipal one; onboarding never changes an existing account silently; an onboarded account sets its
own password before it acts (pages and API); a decision is on the attestation the reviewer read."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import MANUAL, PASSWORD, World, signed_bundle
from test_security_attacks import client, review_as, upload


def onboard(world: World, **fields: str) -> Any:
    """The administrator's account form on the 管理 page, as posted."""
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.filter(username="root-four-eyes").first() or (
        get_user_model().objects.create_superuser("root-four-eyes", password=PASSWORD))
    return client(root).post("/manage/", {"form": "account", **fields}, follow=True)


def test_the_issues_vendor_account_made_a_reviewer_is_refused_and_unchanged(world: World) -> None:
    """The break: adding an existing vendor account as a reviewer silently granted the role and
    ignored the new password."""
    from conformance.portal.models import Membership

    vendor = world.users["vendor"]
    before = vendor.password
    page = html.unescape(onboard(world, username=vendor.username, password="a brand new passphrase 1",
                                 role="reviewer", municipality=world.tokyo.code).content.decode())
    assert "このユーザー名のアカウントは既にあります" in page
    vendor.refresh_from_db()
    assert vendor.password == before
    assert not Membership.objects.filter(user=vendor, role="reviewer").exists()
    # Said explicitly (existing, no password), the role is still one a vendor's account cannot take.
    page = html.unescape(onboard(world, username=vendor.username, password="", role="reviewer",
                                 municipality=world.tokyo.code, existing="1").content.decode())
    assert "ベンダーの役割と市区町村の役割" in page
    assert not Membership.objects.filter(user=vendor, role="reviewer").exists()


def test_an_existing_municipal_account_gets_another_municipal_role_when_asked(world: World) -> None:
    from conformance.portal.models import Membership

    tester = world.users["tester"]
    onboard(world, username=tester.username, password="", role="reviewer", municipality=world.other.code,
            existing="1")
    assert Membership.objects.filter(user=tester, role="reviewer", municipality=world.other).exists()


def test_no_path_gives_one_account_a_vendor_and_a_municipal_role(world: World) -> None:
    from django.core.exceptions import ValidationError

    from conformance.portal.models import Membership, Role

    with pytest.raises(ValidationError, match="vendor role and a municipal role"):
        Membership.objects.create(user=world.users["reviewer"], role=Role.VENDOR, vendor=world.vendor)
    with pytest.raises(ValidationError, match="vendor role and a municipal role"):
        Membership(user=world.users["vendor"], role=Role.TESTER, municipality=world.tokyo).full_clean()


def test_an_onboarded_account_sets_its_own_password_before_it_acts(world: World, tmp_path: Path) -> None:
    """An administrator made a reviewer with a password it chose: that account reaches nothing, not
    the review and not the API, until its password is its own."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from conformance.portal.api import new_token
    from conformance.portal.models import Attestation

    onboard(world, username="made-reviewer", password="the admin chose this 1", role="reviewer",
            municipality=world.tokyo.code)
    made = get_user_model().objects.get(username="made-reviewer")
    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    bundle_id = int(answer["Location"].rstrip("/").rsplit("/", 1)[1])
    assert client(world.users["tester"]).post(f"/bundle/{bundle_id}/manual/{MANUAL}/", {
        "action": "attest", "statement": "checked"}).status_code == 302
    from conformance.portal.models import Bundle

    decided = review_as(made, Bundle.objects.get(pk=bundle_id))
    assert (decided.status_code, decided["Location"]) == (302, "/password/")
    assert Attestation.objects.get(municipality=world.tokyo, requirement=MANUAL).state == "pending"
    token = new_token(made)
    api = Client().get("/api/attestations/", HTTP_AUTHORIZATION=f"Bearer {token}")  # no session: the token only
    assert api.status_code == 403 and "its own password" in api.json()["error"]


def test_a_decision_on_an_attestation_a_newer_one_replaced_is_refused(world: World, tmp_path: Path) -> None:
    """The reviewer read the first attestation; the tester submitted another meanwhile: the
    acceptance is refused, nothing is decided, and the reviewer is told why."""
    from conformance.portal.models import Attestation, Bundle

    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    bundle = Bundle.objects.get(pk=int(answer["Location"].rstrip("/").rsplit("/", 1)[1]))
    tester = client(world.users["tester"])
    tester.post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {"action": "attest", "statement": "first"})
    read = Attestation.objects.get(municipality=world.tokyo, statement="first")
    tester.post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {"action": "attest", "statement": "second, different"})
    refused = client(world.users["reviewer"]).post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "review", "decision": "accepted", "comment": "ok", "attestation": str(read.pk)}, follow=True)
    assert refused.redirect_chain == [(f"/bundle/{bundle.pk}/manual/{MANUAL}/", 302)]
    assert "新しい確認書が提出されました" in html.unescape(refused.content.decode())
    assert set(Attestation.objects.filter(municipality=world.tokyo).values_list("state", flat=True)) == {"pending"}
    review_as(world.users["reviewer"], bundle)  # on the one now shown
    assert Attestation.objects.get(municipality=world.tokyo, statement="second, different").state == "accepted"


def test_an_account_given_both_roles_before_decides_nothing(world: World, tmp_path: Path) -> None:
    """A vendor account made a reviewer before roles were kept apart (the rows written directly, as
    an older portal did) cannot accept its colleague's attestation."""
    from conformance.portal.models import Attestation, Bundle, Membership, Role

    Membership.objects.bulk_create([Membership(user=world.users["vendor"], role=Role.REVIEWER,
                                                municipality=world.tokyo)])  # bulk_create: no save()
    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    bundle = Bundle.objects.get(pk=int(answer["Location"].rstrip("/").rsplit("/", 1)[1]))
    client(world.users["tester"]).post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {"action": "attest",
                                                                                 "statement": "checked"})
    assert review_as(world.users["vendor"], bundle).status_code == 403
    assert Attestation.objects.get(municipality=world.tokyo, requirement=MANUAL).state == "pending"
