"""The pages that replace the administration site (issue 69 item 2): a municipality's test environments and its
witnessing rule (the administrator's), an account's own API tokens; validated by the model (``full_clean``)."""

from __future__ import annotations

import html
from typing import Any

import pytest
from portal_helpers import PASSWORD, World
from test_portal import client

pytestmark = pytest.mark.usefixtures("portal_db")


def administrator(world: World) -> Any:
    from django.contrib.auth import get_user_model

    return client(get_user_model().objects.create_superuser(f"root-settings-{world.vendor.pk}", password=PASSWORD))


def test_an_administrator_registers_and_removes_a_test_environment(world: World) -> None:
    from conformance.portal.models import Environment

    root = administrator(world)
    url = f"/manage/m/{world.tokyo.code}/"
    page = root.get(url).content.decode()
    assert f'<option value="{world.vendor.pk}">{world.vendor.name}</option>' in page  # a vendor of the customer
    answer = root.post(url, {"form": "environment", "vendor": world.vendor.pk, "name": "検証環境A",
                             "profile": "", "selection": "jumin and R026"}, follow=True)
    made = Environment.objects.get(municipality=world.tokyo, name="検証環境A")
    assert (made.vendor, made.selection) == (world.vendor, "jumin and R026")
    assert "保存しました。" in answer.content.decode() and f'data-environment="{made.pk}"' in answer.content.decode()
    municipality = root.get(f"/m/{world.tokyo.code}/").content.decode()
    assert f'<option value="{made.pk}">検証環境A ({world.vendor.name})</option>' in municipality  # runs from it
    root.post(url, {"form": "remove", "environment": made.pk})
    assert not Environment.objects.filter(pk=made.pk).exists()


def test_a_refused_environment_says_why_by_label(world: World) -> None:
    from conformance.portal.models import Environment, Vendor

    root = administrator(world)
    url = f"/manage/m/{world.tokyo.code}/"
    shown = html.unescape(root.post(url, {"form": "environment", "vendor": world.vendor.pk, "name": ""},
                                    follow=True).content.decode())
    assert "環境名: このフィールドは必須です。" in shown
    stranger = Vendor.objects.create(name=f"納入していないベンダー{world.vendor.pk}")
    shown = html.unescape(root.post(url, {"form": "environment", "vendor": stranger.pk, "name": "x"},
                                    follow=True).content.decode())
    assert "ベンダー: " in shown and not Environment.objects.filter(vendor=stranger).exists()


def test_the_models_own_validation_applies(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule the model gains (its ``clean``, a field's validator) refuses the page's form too: the form validates
    the whole instance, the municipality it does not show included."""
    from django.core.exceptions import ValidationError

    from conformance.portal.models import Environment

    def refuse(self: Environment) -> None:
        raise ValidationError({"profile": "プロファイルが正しくありません",
                               "municipality": "この市区町村には登録できません"})

    monkeypatch.setattr(Environment, "clean", refuse)
    root = administrator(world)
    shown = html.unescape(root.post(f"/manage/m/{world.tokyo.code}/", {
        "form": "environment", "vendor": world.vendor.pk, "name": "検証環境B"}, follow=True).content.decode())
    assert "プロファイル（空欄は同梱の参照実装）: プロファイルが正しくありません" in shown
    assert "この市区町村には登録できません" in shown
    assert not Environment.objects.filter(name="検証環境B").exists()


def test_an_administrator_sets_witnessing(world: World) -> None:
    root = administrator(world)
    url = f"/manage/m/{world.tokyo.code}/"
    root.post(url, {"form": "witness", "require_witnessed": "on"})
    world.tokyo.refresh_from_db()
    assert world.tokyo.require_witnessed
    assert 'id="id_require_witnessed" name="require_witnessed" checked' in root.get(url).content.decode()
    root.post(url, {"form": "witness"})
    world.tokyo.refresh_from_db()
    assert not world.tokyo.require_witnessed


def test_settings_are_the_administrators(world: World) -> None:
    for role in ("tester", "reviewer", "vendor", "prefecture"):
        answer = client(world.users[role]).get(f"/manage/m/{world.tokyo.code}/")
        assert answer.status_code in (403, 404), role
    assert client(world.users["tester"]).post(f"/manage/m/{world.tokyo.code}/", {
        "form": "witness", "require_witnessed": "on"}).status_code == 403
    world.tokyo.refresh_from_db()
    assert not world.tokyo.require_witnessed


def test_an_account_makes_uses_and_revokes_its_own_api_token(world: World) -> None:
    import re

    from django.test import Client

    from conformance.portal.models import ApiToken

    tester = client(world.users["tester"])
    answer = tester.post("/tokens/", {"form": "new"})
    assert answer["Cache-Control"] == "no-store"
    token = re.search(r'<code id="token">([^<]+)</code>', answer.content.decode())
    assert token is not None
    made = ApiToken.objects.get(user=world.users["tester"])
    assert token.group(1) not in html.unescape(tester.get("/tokens/").content.decode())  # shown once
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token.group(1)}")
    assert api.get("/api/attestations/", {"municipality": world.tokyo.code}).status_code != 401
    other = client(world.users["reviewer"])
    other.post("/tokens/", {"form": "revoke", "token": made.pk})  # not the reviewer's: nothing happens
    made.refresh_from_db()
    assert not made.revoked
    tester.post("/tokens/", {"form": "revoke", "token": made.pk})
    made.refresh_from_db()
    assert made.revoked
    assert api.get("/api/attestations/", {"municipality": world.tokyo.code}).status_code == 401
