"""A municipality's result per system is the installed product's (issue 68, item 2): a vendor that
supplies a municipality something cannot put its product's bundle on a system bought from someone
else; the headline is the installed product's; "latest" is by release and the run's own date,
never by upload time."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, PRODUCTS, World, keys, results, signed_bundle, signed_document


def rival(world: World, tmp_path: Path, installed_for: str = "koseki") -> tuple[Any, Any]:
    """Vendor B: supplies 千代田区 its 戸籍 package (installed), registers a 住民記録 product of its own
    name 見本住記 too, signs with its own key; an account with an API token."""
    from django.contrib.auth import get_user_model

    from conformance.portal.api import new_token
    from conformance.portal.models import Installation, Membership, Product, Role, Vendor, VendorKey

    vendor = Vendor.objects.create(name=f"B-{uuid.uuid4().hex[:8]}")
    vendor.customers.add(world.tokyo)
    Product.objects.create(vendor=vendor, name="見本住記")
    Installation.objects.create(municipality=world.tokyo, domain=installed_for,
                                product=Product.objects.create(vendor=vendor, name="B戸籍"))
    signer = keys(tmp_path)
    VendorKey.objects.create(vendor=vendor, public_pem=signer.public_pem())
    account = get_user_model().objects.create_user(f"rival-{vendor.pk}")
    Membership.objects.create(user=account, role=Role.VENDOR, vendor=vendor)
    return new_token(account), signer


def test_a_vendor_cannot_upload_for_a_system_the_municipality_bought_elsewhere(
        served: str, world: World, tmp_path: Path) -> None:
    """The issue's break through the real server: B supplies 千代田区 戸籍 only; its 住民記録 bundle, all
    PASS, would have become 千代田区's 住民記録 result."""
    import requests

    from conformance.portal.models import Bundle
    from conformance.portal.queries import latest_results

    token, signer = rival(world, tmp_path)
    answer = requests.post(f"{served}/api/bundles/", headers={"Authorization": f"Bearer {token}"},
                           data={"municipality": world.tokyo.code},
                           files={"bundle": signed_bundle(tmp_path, signer, {CHECKED: "PASS"})}, timeout=120)
    assert answer.status_code == 400, answer.text[:500]
    assert "業務 住民基本台帳 を" in answer.json()["error"] and "導入登録していません" in answer.json()["error"]
    assert not Bundle.objects.filter(municipality=world.tokyo, vendor__name__startswith="B-").exists()
    assert latest_results(world.tokyo, Bundle.objects.all()) == []


def upload(world: World, data: bytes) -> Any:
    from conformance.portal.ingest import index

    return index(data, world.tokyo, world.users["tester"])


def other_product(world: World, tmp_path: Path, statuses: dict[str, str], version: str = "1.0") -> bytes:
    """A bundle of the vendor's other 住民記録 product (not the one 千代田区 installed)."""
    document = results(statuses, version)
    document["profile"]["product"] = PRODUCTS[1]
    return signed_document(tmp_path, world.signer, document, version)


def test_the_headline_is_the_installed_products_not_another_of_the_vendors(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Bundle
    from conformance.portal.queries import latest_results

    installed = upload(world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}))
    upload(world, other_product(world, tmp_path, {CHECKED: "PASS"}, version="9.0"))  # newer, and uploaded later
    shown = latest_results(world.tokyo, Bundle.objects.all())
    assert [(latest.system.domain, latest.system.bundle_id) for latest in shown] == [("jumin", installed.pk)]


@pytest.mark.parametrize(("first", "second", "current"), [
    # A replay of an older release uploaded after a newer failing one stays history.
    (("2.0", "2026-11-20T10:00:00+00:00", "FAIL"), ("1.0", "2026-11-25T10:00:00+00:00", "PASS"), 0),
    # Two runs of one release: the later run is current, whichever was uploaded last.
    (("1.0", "2026-11-25T10:00:00+00:00", "FAIL"), ("1.0", "2026-11-20T10:00:00+00:00", "PASS"), 0),
    # Releases compare as numbers: 1.10 after 1.9.
    (("1.9", "2026-11-25T10:00:00+00:00", "PASS"), ("1.10", "2026-11-20T10:00:00+00:00", "FAIL"), 1),
])
def test_latest_is_by_release_and_the_runs_own_date_never_upload_time(
        world: World, tmp_path: Path, first: tuple[str, str, str], second: tuple[str, str, str],
        current: int) -> None:
    from conformance.portal.models import Bundle
    from conformance.portal.queries import latest_results

    made = [upload(world, signed_document(tmp_path, world.signer, results({CHECKED: status}, version), version,
                                          created=created))
            for version, created, status in (first, second)]
    shown = latest_results(world.tokyo, Bundle.objects.all())
    assert [latest.system.bundle_id for latest in shown] == [made[current].pk]


def test_the_previous_release_is_the_release_before_not_the_upload_before(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Bundle
    from conformance.portal.queries import previous_release

    two = upload(world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="2.0"))
    three = upload(world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="3.0"))
    one = upload(world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}, version="1.0"))  # a late replay
    visible = Bundle.objects.all()
    assert previous_release(three, visible) == two
    assert previous_release(two, visible) == one
    assert previous_release(one, visible) is None


def test_onboarding_records_the_installed_product_per_system(world: World) -> None:
    from conformance.portal.models import Installation
    from conformance.portal.onboarding import OnboardingError, add_customer

    add_customer(world.vendor, world.other.code, "jumin", PRODUCTS[0])
    assert Installation.objects.get(municipality=world.other, domain="jumin").product.name == PRODUCTS[0]
    assert world.vendor.customers.filter(pk=world.other.pk).exists()
    with pytest.raises(OnboardingError) as refused:
        add_customer(world.vendor, world.other.code, "jumn", PRODUCTS[0])
    # In each language alone (issue 69 item 4: the model's "ja / en" message is not shown whole).
    assert refused.value.text("ja") == "業務 'jumn' はカタログにありません"
    assert refused.value.text("en") == "unknown system 'jumn': expected a catalog domain such as jumin"
    with pytest.raises(OnboardingError, match="の製品として登録されていません"):
        add_customer(world.vendor, world.other.code, "koseki", "他社の製品")
