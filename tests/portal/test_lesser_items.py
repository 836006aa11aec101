"""The lesser breaks of issue 68 (item 5), each with the case that showed it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, World, signed_document
from test_security_attacks import client, forged, refused, upload

pytestmark = pytest.mark.usefixtures("portal_db")


def waiver(expires: str) -> dict[str, str]:
    return {"requirement": CHECKED, "reason": "r", "criterion": "c", "ticket": "T-1", "approver": "a",
            "expires": expires}


def test_a_waiver_expired_before_the_run_is_refused(world: World, tmp_path: Path) -> None:
    document = forged("WAIVED", CHECKED)
    document["waivers"] = [waiver("2020-01-31")]
    refused(world, tmp_path, document, f"{CHECKED}: the waiver expired on 2020-01-31, before the run's day")


def test_a_waiver_still_valid_on_the_run_day_is_taken(world: World, tmp_path: Path) -> None:
    document = forged("WAIVED", CHECKED)
    document["waivers"] = [waiver("2099-12-31")]
    answer = upload(client(world.users["vendor"]), world.tokyo, signed_document(tmp_path, world.signer, document))
    assert answer.status_code == 302, html.unescape(answer.content.decode())[-2000:]


def test_an_edition_listed_twice_is_refused(world: World, tmp_path: Path) -> None:
    document: dict[str, Any] = forged("PASS", CHECKED)
    document["catalog"]["editions"] = document["catalog"]["editions"] * 2
    refused(world, tmp_path, document, "catalog jumin 1.0: listed twice")


def served_behind(tmp_path: Path, proxy: str) -> str:
    """The status of ``GET /login/`` with ``X-Forwarded-Proto: https`` from 127.0.0.1, to a portal
    with HTTPS on served by waitress (in a process of its own: the settings are read at start)."""
    import os
    import subprocess
    import sys

    script = (
        "import django, threading, requests\n"
        "django.setup()\n"
        "from conformance.portal.server import create\n"
        "from conformance.portal.wsgi import application\n"
        "server = create(application, '127.0.0.1', 0, threads=2)\n"
        "threading.Thread(target=server.run, daemon=True).start()\n"
        "answer = requests.get(f'http://127.0.0.1:{server.effective_port}/login/', allow_redirects=False,\n"
        "                      headers={'X-Forwarded-Proto': 'https'}, timeout=60)\n"
        "print(answer.status_code)\n")
    environment = {**os.environ, "CONFORMANCE_PORTAL_HTTPS": "1", "CONFORMANCE_PORTAL_HOME": str(tmp_path),
                   "DJANGO_SETTINGS_MODULE": "conformance.portal.settings",
                   "CONFORMANCE_PORTAL_TRUSTED_PROXY": proxy}
    environment.pop("CONFORMANCE_PORTAL_DATABASE", None)
    said = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                          timeout=120, check=False)
    assert said.returncode == 0, said.stderr[-2000:]
    return said.stdout.strip()


def test_behind_the_trusted_proxy_https_is_seen_and_not_redirected_for_ever(tmp_path: Path) -> None:
    """The break: with HTTPS on behind a TLS-terminating proxy, waitress dropped X-Forwarded-Proto
    and every request was redirected to HTTPS again. The proxy named, the scheme is the proxy's."""
    assert served_behind(tmp_path, "") == "301"  # the break, without the setting
    assert served_behind(tmp_path, "127.0.0.1") == "200"


def test_a_symlinked_database_is_made_private_where_it_lies(tmp_path: Path) -> None:
    import os

    from conformance.portal.hardening import make_private

    home, elsewhere = tmp_path / "home", tmp_path / "disk"
    home.mkdir()
    elsewhere.mkdir()
    (elsewhere / "portal.sqlite3").write_bytes(b"db")
    (elsewhere / "portal.sqlite3").chmod(0o644)
    (home / "portal.sqlite3").symlink_to(elsewhere / "portal.sqlite3")
    mask = os.umask(0o022)
    try:
        make_private(home)
    finally:
        os.umask(mask)
    assert (elsewhere / "portal.sqlite3").stat().st_mode & 0o077 == 0


def test_the_vendor_page_shows_the_verdict_once_its_attestation_expired(world: World, tmp_path: Path) -> None:
    """The break: the vendor page showed the verdict kept when an attestation was accepted, after the
    attestation had expired. A bundle whose kept verdict rested on one that expired yesterday."""
    import datetime as dt

    from portal_helpers import signed_bundle

    from conformance.portal.models import Bundle
    from conformance.portal.verdicts import today

    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}, version="stale"))
    bundle = Bundle.objects.get(pk=int(answer["Location"].rstrip("/").rsplit("/", 1)[1]))
    Bundle.objects.filter(pk=bundle.pk).update(current_verdict="conformant",
                                               verdict_valid_until=today() - dt.timedelta(days=1))
    page = client(world.users["vendor"]).get(f"/vendor/{world.vendor.pk}/").content.decode()
    shown = re.findall(r"見本住記 stale</td><td>[^<]*</td><td><span class=\"verdict v-([a-z_]+)\"", page)
    assert shown == ["not_conformant"], page[-3000:]


def test_a_run_whose_portal_was_killed_is_shown_failed_without_a_restart(world: World) -> None:
    import datetime as dt

    from django.utils import timezone
    from test_security_attacks import a_run

    lapsed = timezone.now() - dt.timedelta(minutes=5)
    run = a_run(world, state="running", worker="elsewhere:1", heartbeat=lapsed, lease_until=lapsed)
    page = client(world.users["tester"]).get(f"/m/{world.tokyo.code}/")
    assert page.status_code == 200
    run.refresh_from_db()
    assert run.state == "failed" and "stopped renewing the run's lease" in run.message


def test_a_trusted_browser_guessing_is_locked_out_too(world: World) -> None:
    """The break: a browser holding the account's device cookie was never counted, so it could
    guess the password without end. Its failures count now: past the limit it is trusted no more."""
    from django.conf import settings
    from django.test import Client
    from portal_helpers import PASSWORD

    name = world.users["tester"].get_username()
    device = Client()
    assert device.post("/login/", {"username": name, "password": PASSWORD}).status_code == 302
    device.post("/logout/")
    for _ in range(2 * settings.AXES_FAILURE_LIMIT + 1):
        device.post("/login/", {"username": name, "password": "guessing"})
    assert device.post("/login/", {"username": name, "password": PASSWORD}).status_code == 429
