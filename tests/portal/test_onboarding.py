"""Onboarding from the portal's own pages, in Japanese (issue 48 item 2): an administrator adds
municipalities from the shipped code list, a vendor with its key, product and customer, and
accounts with their roles; the first page says what to do next for each role."""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, World, keys, signed_bundle
from test_portal import client

pytestmark = pytest.mark.usefixtures("portal_db")


def admin(tag: str) -> Any:
    from django.contrib.auth import get_user_model

    return client(get_user_model().objects.create_superuser(f"root-{tag}", password=None))


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_an_administrator_onboards_a_municipality_vendor_and_accounts(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Bundle, Membership, Product, Vendor, VendorKey

    root = admin("onboard")
    page = text(root.get("/"))
    assert 'id="next-steps"' in page and "「管理」ページで管理します" in page
    added = text(root.post("/manage/", {"form": "municipalities", "codes": "011002 131016"}, follow=True))
    assert "2 件の市区町村を追加しました。" in added and "札幌市" in added
    refused = text(root.post("/manage/", {"form": "municipalities", "codes": "131017 130001 千代田"}, follow=True))
    assert ("全国地方公共団体コードの一覧にありません: 131017 は全国地方公共団体コードではありません"
            "（6桁の半角数字で、末尾が検査数字）、130001 は都道府県（東京都）のコードで、市区町村のコードでは"
            "ありません、「千代田」は市区町村コードでも都道府県名でもありません") in refused, refused[-3000:]
    made = root.post("/manage/", {"form": "vendor", "name": "見本ベンダー"})
    vendor = Vendor.objects.get(name="見本ベンダー")
    assert made.status_code == 302 and made["Location"] == f"/manage/vendor/{vendor.pk}/"
    signer = keys(tmp_path)
    bad = text(root.post(f"/manage/vendor/{vendor.pk}/", {"form": "key", "pem": "-----BEGIN nonsense"}, follow=True))
    assert "Ed25519 の公開鍵" in bad and not VendorKey.objects.filter(vendor=vendor).exists()
    root.post(f"/manage/vendor/{vendor.pk}/", {"form": "key", "pem": signer.public_pem()})
    root.post(f"/manage/vendor/{vendor.pk}/", {"form": "product", "name": "見本住記"})
    root.post(f"/manage/vendor/{vendor.pk}/", {"form": "customer", "code": "011002", "system": "jumin",
                                               "product": "見本住記"})
    assert VendorKey.objects.filter(vendor=vendor, revoked=False).count() == 1
    assert Product.objects.filter(vendor=vendor, name="見本住記").exists()
    assert list(vendor.customers.values_list("code", flat=True)) == ["011002"]
    weak = text(root.post("/manage/", {"form": "account", "username": "sapporo-t", "password": "short",
                                       "role": "tester", "municipality": "011002"}, follow=True))
    assert "パスワードが条件を満たしません" in weak
    root.post("/manage/", {"form": "account", "username": "sapporo-t", "password": "correct horse battery",
                           "role": "tester", "municipality": "011002"})
    root.post("/manage/", {"form": "account", "username": "mihon-v", "password": "correct horse battery 2",
                           "role": "vendor", "vendor": str(vendor.pk)})
    assert set(Membership.objects.filter(user__username__in=("sapporo-t", "mihon-v"))
               .values_list("user__username", "role")) == {("sapporo-t", "tester"), ("mihon-v", "vendor")}
    # The onboarded parties work: the tester logs in with its password and uploads the vendor's bundle.
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.get(username="sapporo-t")
    assert account.check_password("correct horse battery")
    tester = client(account)
    # The password the administrator chose opens only the password change (issue 68).
    assert (tester.get("/").status_code, tester.get("/")["Location"]) == (302, "/password/")
    assert tester.post("/password/", {"old_password": "correct horse battery", "new_password1": "my own passphrase 77",
                                      "new_password2": "my own passphrase 77"}).status_code == 302
    assert "ベンダーから受け取った署名済みの evidence.zip" in text(tester.get("/"))
    from conformance.portal.models import Municipality

    sapporo = Municipality.objects.get(code="011002")
    answer = tester.post("/upload/", {"municipality": sapporo.pk,
                                      "bundle": io.BytesIO(signed_bundle(tmp_path, signer, {CHECKED: "PASS"}))})
    assert answer.status_code == 302, text(answer)[-2000:]
    assert Bundle.objects.filter(municipality=sapporo, vendor=vendor).exists()


def test_every_role_is_told_what_to_do_next(world: World) -> None:
    from django.contrib.auth import get_user_model

    expected = {"tester": "next_municipal", "reviewer": "next_reviewer", "vendor": "next_vendor",
                "prefecture": "next_prefecture"}
    for role, step in expected.items():
        assert f'data-step="{step}"' in client(world.users[role]).get("/").content.decode(), role
    nobody = client(get_user_model().objects.create_user("nobody-at-all"))
    assert "管理者に役割の付与を依頼してください" in nobody.get("/").content.decode()


def test_onboarding_is_the_administrators(world: World) -> None:
    for role in ("tester", "reviewer", "vendor", "prefecture"):
        browser = client(world.users[role])
        assert browser.post("/manage/", {"form": "vendor", "name": f"x-{role}"}).status_code == 403
    from conformance.portal.models import Vendor

    assert not Vendor.objects.filter(name__startswith="x-").exists()
