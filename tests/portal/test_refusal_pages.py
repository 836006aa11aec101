"""The server's own refusals are portal pages in the page's language (issue 69 item 4): a 403, a 404, a 413 from the
portal's limit and from waitress's (before the portal sees the request), a 500; and every page, the administration
pages that remain included, names the project's face for every element (issue 69 item 1; the browser test measures
the glyphs: test_browser.py)."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
from portal_helpers import World
from test_portal import client

pytestmark = pytest.mark.usefixtures("portal_db")

FONT_FIRST = 'body, button, input, select, textarea, optgroup, option { font-family: "conformance-ja",'


def english(browser: Any) -> Any:
    """``browser`` switched to English (the session's choice)."""
    browser.post("/lang/", {"lang": "en", "next": "/"})
    return browser


def test_a_page_not_found_is_a_portal_page_in_either_language(world: World) -> None:
    tester = client(world.users["tester"])
    answer = tester.get("/m/NO-SUCH/")
    page = answer.content.decode()
    assert answer.status_code == 404 and answer["Content-Type"].startswith("text/html")
    assert '<h1 id="error" data-status="404">ページが見つかりません</h1>' in page and FONT_FIRST in page
    assert "no such" not in page  # the view's English reason is for the log, not the officer
    page = english(tester).get("/m/NO-SUCH/").content.decode()
    assert '<h1 id="error" data-status="404">Page not found</h1>' in page and '<html lang="en">' in page


def test_a_forbidden_action_is_a_portal_page(world: World) -> None:
    tester = client(world.users["tester"])
    answer = tester.get("/manage/")
    assert answer.status_code == 403
    page = answer.content.decode()
    assert '<h1 id="error" data-status="403">この操作は許可されていません</h1>' in page
    assert "onboarding is the administrator" not in page and FONT_FIRST in page


def test_a_body_past_the_portals_limit_is_a_portal_page(portal_db: None) -> None:
    from django.test import Client

    answer = Client().post("/login/", data="", content_type="application/x-www-form-urlencoded",
                           CONTENT_LENGTH=str(10 * 1024 * 1024))
    page = answer.content.decode()
    assert answer.status_code == 413 and answer["Content-Type"].startswith("text/html")
    assert '<h1 id="error" data-status="413">送信内容が大きすぎます</h1>' in page
    assert "ログインしてから送信してください" in page and FONT_FIRST in page


def test_a_body_past_waitresss_limit_is_a_portal_page_in_both_languages(served: str) -> None:
    """waitress answers before the portal reads a byte (so no session, both languages): its own plain-text
    "Request Entity Too Large" was the one English page left."""
    address = urlsplit(served)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(b"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/zip\r\n"
                           b"Content-Length: " + str(512 * 1024 * 1024).encode() + b"\r\n\r\nPK")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and b"Content-Type: text/html; charset=utf-8" in head, head
    assert b"Content-Security-Policy: " in head
    page = body.decode("utf-8")
    assert '<h1 id="error" data-status="413">送信内容が大きすぎます</h1>' in page
    assert "<h2>Request too large</h2>" in page
    assert "536870912 バイト（512.0 MiB）です" in page and FONT_FIRST in page
    assert "Request Entity Too Large" not in page


def test_an_internal_error_is_a_portal_page(portal_db: None) -> None:
    from django.test import RequestFactory
    from django.views.defaults import server_error

    page = server_error(RequestFactory().get("/")).content.decode()
    assert '<h1 id="error" data-status="500">ポータルの内部エラー</h1>' in page
    assert "<h2>Internal error of the portal</h2>" in page and FONT_FIRST in page


def test_the_administration_pages_that_remain_name_the_projects_face(world: World) -> None:
    from django.contrib.auth import get_user_model
    from portal_helpers import PASSWORD

    root = get_user_model().objects.create_superuser(f"root-admin-{world.vendor.pk}", password=PASSWORD)
    page = client(root).get("/admin/").content.decode()
    assert '--font-family-primary: "conformance-ja",' in page and FONT_FIRST in page
    login = client(root)
    login.logout()
    assert '--font-family-primary: "conformance-ja",' in login.get("/admin/login/").content.decode()


def test_a_refused_form_names_its_fields_by_their_labels_in_the_pages_language(world: World, tmp_path: Any) -> None:
    """Issue 69 item 4: the refusals named the fields (``new_password2``, ``requirement``, ``bundle``) and some
    were English on a Japanese page."""
    import html

    from portal_helpers import CHECKED, MANUAL, signed_bundle
    from test_portal import attest, review, uploaded

    tester = client(world.users["tester"])
    page = tester.post("/password/", {"old_password": "wrong", "new_password1": "a-new-one-of-16chars",
                                      "new_password2": "another-one-16chars"}).content.decode()
    errors = page[page.index('id="form-errors"'):page.index("</div>", page.index('id="form-errors"'))]
    assert "新しいパスワード（確認）: " in html.unescape(errors) and "new_password2" not in errors
    assert "現在のパスワード: " in html.unescape(errors) and "old_password" not in errors
    refused = tester.post("/upload/", {"municipality": world.tokyo.pk}).content.decode()
    assert "evidence.zip: このフィールドは必須です。" in html.unescape(refused)
    assert "bundle" not in refused[refused.index('id="refusal"'):]
    answer = tester.post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": "jumin-1.0-9.9-R999", "notification": "第1号", "promised": "2027-04-01"}, follow=True)
    shown = html.unescape(answer.content.decode())
    assert "要件: jumin-1.0-9.9-R999: " in shown and "requirement:" not in shown
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    attest(tester, bundle, {})
    reviewer = client(world.users["reviewer"])
    shown = html.unescape(review(reviewer, bundle, "accepted", "2000-01-01").content.decode())
    if "有効期限: " not in shown:  # the review redirects to the page that shows the message
        shown = html.unescape(reviewer.get(f"/bundle/{bundle.pk}/manual/{MANUAL}/").content.decode())
    assert "有効期限: " in shown and "までの日付にしてください" in shown and "the expiry must be" not in shown
    english(reviewer)
    review(reviewer, bundle, "accepted", "2000-01-01")
    shown = html.unescape(reviewer.get(f"/bundle/{bundle.pk}/manual/{MANUAL}/").content.decode())
    assert "Expires: the expiry must be between" in shown
