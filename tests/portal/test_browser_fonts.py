"""Every character the portal draws is in the project's face (issue 69 item 1), read in headless Chromium on a
machine with no Japanese font (tests/browsers.py: its one font has Latin letters only): on every page a user
reaches, the administration pages that remain and the server's refusals included, in Japanese and in English,
no element with text computes a font-family that does not start with the portal's web font, and no glyph is
drawn from another font (:func:`browsers.foreign_glyphs`). The control: the same measure finds the boxes of a
select, an input and a pre when the rule that names the face for them is taken out."""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsers import chromium, foreign_glyphs, no_japanese_font
from portal_helpers import MANUAL, PASSWORD, World
from test_browser import CHECKED, DECLARED, declared_bundle, upload

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("portal_db")]


@pytest.fixture(scope="module")
def bare() -> Iterator[Any]:
    """A Chromium whose machine has no Japanese font."""
    from playwright.sync_api import sync_playwright

    binary = chromium()
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # as test_browser.py: the test's ORM calls are synchronous
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=binary, args=["--no-sandbox", "--disable-gpu"],
                                              env=no_japanese_font())
        yield launched
        launched.close()


def logged_in(bare: Any, served: str, user: Any, lang: str) -> Any:
    page = bare.new_context().new_page()
    page.goto(f"{served}/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    page.click("#login")
    page.wait_for_url(f"{served}/")
    if lang == "en":
        page.click("#language")
        page.wait_for_load_state()
    return page


def server_refusal(served: str) -> bytes:
    """waitress's own answer to a body declared past the limit (the portal never sees the request)."""
    address = urlsplit(served)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(b"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/zip\r\n"
                           b"Content-Length: " + str(1 << 40).encode() + b"\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer.partition(b"\r\n\r\n")[2]


def answering(body: bytes) -> Any:
    """A Playwright route handler that answers ``body`` as an HTML page."""
    return lambda route: route.fulfill(status=200, body=body, content_type="text/html; charset=utf-8")


def pages_of(world: World, bundle: Any, environment: Any) -> dict[str, list[str]]:
    """Every page each role reaches, the refusals included (a path another role may see is refused here)."""
    code = world.tokyo.code
    return {
        "tester": ["/", f"/m/{code}/", f"/bundle/{bundle.pk}/?state=MANUAL", f"/bundle/{bundle.pk}/worklist/",
                   f"/bundle/{bundle.pk}/manual/{MANUAL}/", f"/bundle/{bundle.pk}/diff/",
                   f"/m/{code}/requirement/{MANUAL}/", f"/m/{code}/requirement/{CHECKED}/",
                   f"/m/{code}/requirement/{DECLARED}/", "/password/", "/tokens/", "/m/NO-SUCH/", "/manage/",
                   f"/m/{code}/systems/", f"/manage/m/{code}/environment/{environment.pk}/"],
        "reviewer": [f"/bundle/{bundle.pk}/manual/{MANUAL}/"],
        "vendor": ["/", f"/vendor/{world.vendor.pk}/", f"/m/{code}/systems/"],
        "prefecture": ["/", f"/prefecture/{world.tokyo.prefecture}/"],
        "root": ["/", "/manage/", f"/manage/vendor/{world.vendor.pk}/", f"/manage/m/{code}/",
                 f"/manage/m/{code}/environment/{environment.pk}/", f"/m/{code}/systems/",
                 f"/admin/portal/environment/{environment.pk}/change/", "/admin/",
                 "/admin/portal/", "/admin/portal/municipality/",
                 f"/admin/portal/municipality/{world.tokyo.pk}/change/", "/admin/portal/environment/add/",
                 "/admin/portal/vendorkey/add/", "/admin/auth/user/"],
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_page_draws_a_character_outside_the_projects_face(
        served: str, bare: Any, world: World, tmp_path: Path, lang: str) -> None:
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory
    from django.views.defaults import server_error

    from conformance.portal.models import Attestation, Bundle, Environment, EnvironmentFile, Transition

    version = {"ja": "9.0", "en": "9.1"}[lang]
    upload(logged_in(bare, served, world.users["tester"], "ja"), world, "evidence.zip",
           declared_bundle(tmp_path, world, version), tmp_path)
    bundle = Bundle.objects.filter(municipality=world.tokyo, version=version).get()
    Attestation.objects.create(municipality=world.tokyo, vendor=world.vendor, product=bundle.product,
                               version=bundle.version, domain="jumin", edition="1.0", requirement=MANUAL,
                               statement="画面を確認した", created_by=world.users["tester"])
    # A test environment with a secret and a file: its page draws a row of each (issue 69 item 2).
    environment = Environment.objects.create(municipality=world.tokyo, vendor=world.vendor, name="検証環境",
                                             secrets={"VENDOR_TOKEN": "値"}, profile="name: 見本\n")
    EnvironmentFile.objects.create(environment=environment, name="出力/住民.csv", data=b"a", size=1)
    # An open 経過措置: the municipality's page draws its 終了 button.
    Transition.objects.get_or_create(municipality=world.tokyo, requirement=MANUAL, defaults={
        "domain": "jumin", "notification": "届出第1号", "promised": dt.date.today()})
    root = get_user_model().objects.create_superuser(f"root-fonts-{world.vendor.pk}-{lang}", password=PASSWORD)
    found: dict[str, list[str]] = {}
    drawn = {}
    for role, paths in pages_of(world, bundle, environment).items():
        page = logged_in(bare, served, root if role == "root" else world.users[role], lang)
        for path in paths:
            page.goto(f"{served}{path}")
            drawn[f"{role} {path}"], found[f"{role} {path}"] = foreign_glyphs(page)
    anonymous = bare.new_context().new_page()
    anonymous.goto(f"{served}/login/")
    if lang == "en":
        anonymous.click("#language")
        anonymous.wait_for_load_state()
    drawn["/login/"], found["/login/"] = foreign_glyphs(anonymous)
    # The answers made without a session (both languages on one page), shown at the portal's address so that
    # their font is fetched as a browser would: waitress's 413 and Django's 500.
    for name, body in (("413", server_refusal(served)),
                       ("500", server_error(RequestFactory().get("/")).content)):
        anonymous.route(f"{served}/refusal-{name}", answering(body))
        anonymous.goto(f"{served}/refusal-{name}")
        assert anonymous.get_attribute("#error", "data-status") == name
        drawn[name], found[name] = foreign_glyphs(anonymous)
    assert {where: count for where, count in drawn.items() if count < 5} == {}  # every page was measured
    assert {where: elements for where, elements in found.items() if elements} == {}


def test_the_measure_finds_a_control_set_in_another_font(served: str, bare: Any, world: World) -> None:
    """The control: without the rule that names the face for form controls and monospace text (the portal before
    issue 69), the reviewer's select, its comment box and the procedure are drawn from the machine's font."""
    page = logged_in(bare, served, world.users["reviewer"], "ja")
    page.goto(f"{served}/")  # the portal's address, where the page's font is fetched from
    page.set_content("""<!DOCTYPE html><html lang="ja"><head><style>
@font-face { font-family: "conformance-ja"; src: url("/static/portal/ipaexg-00401.woff") format("woff"); }
body { font-family: "conformance-ja", sans-serif; }</style></head><body><p id="fine">承認するか差し戻すか</p>
<select id="id_decision"><option>承認</option></select><input id="id_comment" value="確認しました">
<pre class="procedure">確認手順</pre><code>住民票</code></body></html>""")
    page.wait_for_function("document.fonts.check('16px conformance-ja', '承')")
    drawn, foreign = foreign_glyphs(page)
    assert drawn == 5
    assert [entry.split(" ")[0] for entry in foreign] == ["select#id_decision", "input#id_comment",
                                                          "pre.procedure", "code"], foreign
    assert all("LatinOnly" in entry for entry in foreign), foreign
