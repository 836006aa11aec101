"""The pages that took the last of the administration site's daily work (issue 69 item 2): a municipality's
installed product per 業務 (issue 68's Installation), set by its own officers; a test environment's page with
its profile, write-only secrets and uploaded files (issue 68's EnvironmentFile), held to the sealing rules; the end
of a 経過措置."""

from __future__ import annotations

import html
import io
from typing import Any

import pytest
from portal_helpers import PASSWORD, PRODUCTS, World
from test_portal import client

pytestmark = pytest.mark.usefixtures("portal_db")

SECRET_VALUE = "s3cr3t-value-never-shown"


def page(browser: Any, url: str, lang: str = "ja") -> str:
    if lang == "en":
        browser.post("/lang/", {"lang": "en"})
    return html.unescape(browser.get(url).content.decode())


def root(world: World) -> Any:
    from django.contrib.auth import get_user_model

    return client(get_user_model().objects.create_superuser(f"root-env-{world.vendor.pk}", password=PASSWORD))


# ---------------------------------------------------------------------------------------------
# Installed products


def test_every_system_is_listed_by_its_name_in_gyomu_order(world: World) -> None:
    from conformance.catalog.domains import domain_name, domain_order, domains

    shown = page(client(world.users["tester"]), f"/m/{world.tokyo.code}/systems/")
    expected = [domain_name(d.slug) for d in sorted(domains(), key=lambda d: domain_order(d.slug))]
    positions = [shown.index(f'<th scope="row">{name}</th>') for name in expected]
    assert positions == sorted(positions) and expected[0] == "住民基本台帳"
    assert f"{PRODUCTS[0]}（{world.vendor.name}）" in shown  # jumin: the world's installation


def test_an_officer_sets_and_clears_the_installed_product(world: World) -> None:
    from conformance.portal.models import Installation

    product = world.vendor.products.get(name=PRODUCTS[1])
    tester = client(world.users["tester"])
    url = f"/m/{world.tokyo.code}/systems/"
    answer = tester.post(url, {"domain": "kokuho", "product": product.pk}, follow=True)
    assert "保存しました。" in answer.content.decode()
    assert Installation.objects.get(municipality=world.tokyo, domain="kokuho").product == product
    tester.post(url, {"domain": "kokuho", "product": ""})
    assert not Installation.objects.filter(municipality=world.tokyo, domain="kokuho").exists()


@pytest.mark.parametrize(("lang", "message"), [
    ("ja", "の取引先ではありません"), ("en", "does not supply"),
])
def test_a_product_of_a_vendor_that_does_not_supply_is_refused_in_the_pages_language(
    world: World, lang: str, message: str
) -> None:
    from conformance.portal.models import Installation, Product, Vendor

    stranger = Vendor.objects.create(name=f"他ベンダー{world.vendor.pk}{lang}")
    product = Product.objects.create(vendor=stranger, name="他社住記")
    tester = client(world.users["tester"])
    if lang == "en":
        tester.post("/lang/", {"lang": "en"})
    shown = html.unescape(tester.post(f"/m/{world.tokyo.code}/systems/", {"domain": "jumin", "product": product.pk},
                                      follow=True).content.decode())
    assert message in shown
    assert (" / " + "does not supply") not in shown  # one language, not both
    assert Installation.objects.get(municipality=world.tokyo, domain="jumin").product.vendor == world.vendor


def test_only_the_municipalitys_officers_set_it(world: World) -> None:
    product = world.vendor.products.get(name=PRODUCTS[1])
    url = f"/m/{world.tokyo.code}/systems/"
    for role, status in (("vendor", 403), ("prefecture", 403), ("outsider", 404)):
        assert client(world.users[role]).post(url, {"domain": "kokuho", "product": product.pk}).status_code == status
    vendor_page = page(client(world.users["vendor"]), url)
    assert 'name="product"' not in vendor_page and f"{PRODUCTS[0]}（{world.vendor.name}）" in vendor_page


# ---------------------------------------------------------------------------------------------
# A test environment's page


def environment(world: World, profile: str = "") -> Any:
    from conformance.portal.models import Environment

    return Environment.objects.create(municipality=world.tokyo, vendor=world.vendor, name="検証環境", profile=profile)


def url_of(made: Any) -> str:
    return f"/manage/m/{made.municipality.code}/environment/{made.pk}/"


PROFILE = """\
name: sample
product: 見本住記
version: '1.0'
claims: [{domain: jumin, edition: '1.0'}]
targets:
  api: {base_url: 'https://vendor.example', auth: {env: VENDOR_TOKEN}}
  exports: {via: directory, directory: exports, files: {residents_csv: residents.csv}}
"""


def test_a_secret_is_stored_and_never_shown_back(world: World) -> None:
    made = environment(world)
    admin = root(world)
    answer = admin.post(url_of(made), {"form": "secret", "variable": "VENDOR_TOKEN", "value": SECRET_VALUE},
                        follow=True)
    made.refresh_from_db()
    assert made.secrets == {"VENDOR_TOKEN": SECRET_VALUE}
    shown = answer.content.decode()
    assert 'data-secret="VENDOR_TOKEN"' in shown and "保存済み（表示しません）" in shown
    assert SECRET_VALUE not in shown
    assert SECRET_VALUE not in admin.get(f"/admin/portal/environment/{made.pk}/change/").content.decode()


def test_a_bad_secret_name_is_refused_by_its_rule(world: World) -> None:
    made = environment(world)
    shown = html.unescape(root(world).post(url_of(made), {"form": "secret", "variable": "CONFORMANCE_X",
                                                          "value": "v"}, follow=True).content.decode())
    made.refresh_from_db()
    assert made.secrets == {} and "CONFORMANCE_X" in shown


def test_files_are_uploaded_listed_and_removed_under_the_sealing_rules(world: World) -> None:
    from conformance.portal.models import EnvironmentFile

    made = environment(world)
    admin = root(world)
    url = url_of(made)
    admin.post(url, {"form": "file", "path": "exports/residents.csv", "upload": io.BytesIO(b"a,b\r\n")})
    stored = EnvironmentFile.objects.get(environment=made)
    assert (stored.name, bytes(stored.data), stored.size) == ("exports/residents.csv", b"a,b\r\n", 5)
    assert 'data-file="exports/residents.csv"' in admin.get(url).content.decode()
    for bad in ("../escape.csv", "/etc/passwd", ".hidden"):
        shown = html.unescape(admin.post(url, {"form": "file", "path": bad, "upload": io.BytesIO(b"x")},
                                         follow=True).content.decode())
        assert f"ファイル名 {bad!r} は使えません" in shown, bad
    assert EnvironmentFile.objects.filter(environment=made).count() == 1
    # The profile names the file and reads the secret: neither can go while it does.
    admin.post(url, {"form": "secret", "variable": "VENDOR_TOKEN", "value": SECRET_VALUE})
    answer = admin.post(url, {"form": "edit", "vendor": world.vendor.pk, "name": "検証環境", "profile": PROFILE,
                              "selection": ""}, follow=True)
    made.refresh_from_db()
    assert made.profile == PROFILE.strip(), html.unescape(answer.content.decode())[-3000:]
    shown = html.unescape(admin.post(url, {"form": "file_remove", "path": "exports/residents.csv"},
                                     follow=True).content.decode())
    assert "'exports/residents.csv' はプロファイルの targets.exports.files.residents_csv が参照しているため" in shown
    assert EnvironmentFile.objects.filter(environment=made).exists()
    shown = html.unescape(admin.post(url, {"form": "secret_remove", "variable": "VENDOR_TOKEN"},
                                     follow=True).content.decode())
    assert "変数 VENDOR_TOKEN はこのテスト環境の秘密として登録されていません" in shown
    made.refresh_from_db()
    assert "VENDOR_TOKEN" in made.secrets
    # Without the profile's reference, both go.
    admin.post(url, {"form": "edit", "vendor": world.vendor.pk, "name": "検証環境", "profile": "", "selection": ""})
    admin.post(url, {"form": "file_remove", "path": "exports/residents.csv"})
    admin.post(url, {"form": "secret_remove", "variable": "VENDOR_TOKEN"})
    made.refresh_from_db()
    assert made.secrets == {} and not EnvironmentFile.objects.filter(environment=made).exists()


def test_an_attestations_file_whose_evidence_leaves_the_data_is_refused_at_upload(world: World) -> None:
    from conformance.portal.models import EnvironmentFile

    made = environment(world, "name: sample\nattestations_file: attest.yaml\n")
    body = b"attestations:\n- requirement: jumin-1.0-1.1-R001\n  evidence: [../../etc/passwd]\n"
    shown = html.unescape(root(world).post(url_of(made), {"form": "file", "path": "attest.yaml",
                                                          "upload": io.BytesIO(body)}, follow=True).content.decode())
    assert "attest.yaml: attestations[0].evidence[0]: '../../etc/passwd' は使えません" in shown
    assert not EnvironmentFile.objects.filter(environment=made).exists()


def test_a_file_past_the_limit_is_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings

    monkeypatch.setattr(settings, "MAX_UPLOAD_BYTES", 4)
    made = environment(world)
    answer = root(world).post(url_of(made), {"form": "file", "path": "big.csv", "upload": io.BytesIO(b"12345")},
                              follow=True)
    shown = html.unescape(answer.content.decode())
    assert "5 バイト（0.0 MiB）です。このポータルが受け付けるのは 4 バイト" in shown
    assert not made.files.exists()


def test_the_environment_page_is_the_administrators(world: World) -> None:
    made = environment(world)
    for role in ("tester", "reviewer", "vendor", "prefecture"):
        assert client(world.users[role]).get(url_of(made)).status_code == 403, role
    assert client(world.users["outsider"]).get(url_of(made)).status_code == 404
    other = environment(world)
    other.municipality = world.other
    other.save()
    assert root(world).get(f"/manage/m/{world.tokyo.code}/environment/{other.pk}/").status_code == 404


# ---------------------------------------------------------------------------------------------
# The end of a 経過措置


def test_an_officer_ends_a_transition_from_the_municipality_page(world: World) -> None:
    import datetime as dt

    from portal_helpers import MANUAL

    from conformance.portal.models import Transition

    made = Transition.objects.create(municipality=world.tokyo, domain="jumin", requirement=MANUAL,
                                     notification="第1号", promised=dt.date.today())
    url = f"/m/{world.tokyo.code}/transitions/{made.pk}/close/"
    tester = client(world.users["tester"])
    assert f'action="{url}"' in tester.get(f"/m/{world.tokyo.code}/").content.decode()
    assert f'action="{url}"' not in client(world.users["vendor"]).get(f"/m/{world.tokyo.code}/").content.decode()
    assert client(world.users["vendor"]).post(url).status_code == 403
    shown = tester.post(url, follow=True).content.decode()
    made.refresh_from_db()
    assert made.closed and "経過措置を終了しました。" in shown and f'action="{url}"' not in shown
    assert tester.post(url).status_code == 404  # ended already


def test_the_vendor_page_chooses_and_lists_systems_by_gyomu(world: World) -> None:
    """Onboarding a customer with its installed product: the systems are a choice of 業務 names (values the slugs),
    several at once; the list of installations names the 業務, never the slug."""
    from conformance.portal.models import Installation

    admin = root(world)
    url = f"/manage/vendor/{world.vendor.pk}/"
    shown = page(admin, url)
    choice = ('<select id="id_system" name="system" multiple size="6">'
              '<option value="jumin" lang="ja">住民基本台帳</option>')
    assert choice in shown
    admin.post(url, {"form": "customer", "code": world.tokyo.code, "system": ["kokuho", "kaigo"],
                     "product": PRODUCTS[1]})
    assert set(Installation.objects.filter(municipality=world.tokyo).values_list("domain", flat=True)) >= {
        "kokuho", "kaigo"}
    listed = page(admin, url).split('<ul id="installations">', 1)[1].split("</ul>", 1)[0]
    assert '<span lang="ja">国民健康保険</span>' in listed and "kokuho" not in listed


# ---------------------------------------------------------------------------------------------
# A role taken from an account


def test_an_administrator_removes_a_role_but_not_its_own_administrator_role(world: World) -> None:
    from django.contrib.auth import get_user_model

    from conformance.portal.models import Membership, Role

    admin_user = get_user_model().objects.create_user(f"admin-role-{world.vendor.pk}", password=PASSWORD)
    own = Membership.objects.create(user=admin_user, role=Role.ADMIN)
    admin = client(admin_user)
    tester_role = Membership.objects.get(user=world.users["tester"])
    assert f'data-membership="{tester_role.pk}"' in page(admin, "/manage/")
    shown = html.unescape(admin.post("/manage/", {"form": "remove_role", "membership": tester_role.pk},
                                     follow=True).content.decode())
    assert "役割を外しました。" in shown and not Membership.objects.filter(pk=tester_role.pk).exists()
    assert client(world.users["tester"]).get(f"/m/{world.tokyo.code}/").status_code == 404  # sees nothing now
    shown = html.unescape(admin.post("/manage/", {"form": "remove_role", "membership": own.pk},
                                     follow=True).content.decode())
    assert "自分の管理者の役割は外せません" in shown and Membership.objects.filter(pk=own.pk).exists()
    assert client(world.users["reviewer"]).post("/manage/", {"form": "remove_role",
                                                              "membership": own.pk}).status_code == 403
