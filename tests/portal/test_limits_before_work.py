"""Limits before work (issue 68, item 4): idle connections cannot exhaust the server, a duplicate is
found before anything is inflated, evidence has quotas."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, MANUAL, World, signed_bundle
from test_security_attacks import client, upload

pytestmark = pytest.mark.usefixtures("portal_db")


def test_a_few_hundred_idle_connections_do_not_stop_the_portal(served: str) -> None:
    """The break: 130 half-open connections (a request line, then nothing) held waitress's 100
    channels, and the portal answered nobody until they timed out (120 s)."""
    import requests

    host, port = served.removeprefix("http://").split(":")
    idle: list[socket.socket] = []
    try:
        for _ in range(300):
            connection = socket.create_connection((host, int(port)), timeout=10)
            connection.sendall(b"GET /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never end
            idle.append(connection)
        answer = requests.get(f"{served}/login/", timeout=30)
        assert answer.status_code == 200
    finally:
        for connection in idle:
            with contextlib.suppress(OSError):
                connection.close()


def test_the_servers_settings_bound_idle_connections() -> None:
    from conformance.portal.server import waitress_options

    options = waitress_options()
    assert options["connection_limit"] >= 1000 and options["asyncore_use_poll"] is True
    assert options["channel_timeout"] <= 30


def raw_request(served: str, head: bytes, body: bytes = b"") -> bytes:
    """Send ``head`` (and ``body``) on a socket and read the answer's status line and headers."""
    host, port = served.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            piece = connection.recv(65536)
            if not piece:
                break
            answer += piece
    return answer


def post_head(length: int, extra: str = "") -> bytes:
    return (f"POST /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {length}\r\n{extra}\r\n").encode()


@pytest.mark.parametrize("extra", ["", "Cookie: sessionid=madeupsessionkey0123456789abcdefgh\r\n",
                                   "Authorization: Bearer not-a-token\r\n"])
def test_an_anonymous_body_past_its_limit_is_refused_before_it_is_spooled(served: str, extra: str) -> None:
    """The break: waitress buffered up to 129 MiB of an anonymous body before the portal's 64 KiB
    limit answered. Now the answer comes from the headers alone: the body is never sent here, and a
    made-up session cookie or token is no credential."""
    answer = raw_request(served, post_head(100 * 1024 * 1024, extra))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_logged_in_account_still_sends_a_body_past_the_anonymous_limit(served: str, world: World) -> None:
    from django.conf import settings

    browser = client(world.users["tester"])
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    body = b"a=" + b"x" * (100 * 1024)
    answer = raw_request(served, post_head(len(body), f"Cookie: {settings.SESSION_COOKIE_NAME}={session}\r\n"), body)
    assert answer.startswith(b"HTTP/1.1 ") and not answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_duplicate_is_refused_before_anything_is_inflated(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle indexed already is found by its SHA-256 before the zip is opened: a registered
    vendor's bomb sent again costs a hash, not another inflation."""
    from conformance.portal import ingest

    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="dup")
    ingest.index(data, world.tokyo, world.users["tester"])

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the bundle was opened")
    monkeypatch.setattr(ingest, "verified", never)
    with pytest.raises(ingest.BundleRefused) as refused:
        ingest.index(data, world.tokyo, world.users["tester"])
    assert refused.value.text("en") == ingest.duplicate(data, world.tokyo).text("en")


def attest_with(world: World, bundle_id: int, files: dict[str, bytes]) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    browser = client(world.users["tester"])
    return browser.post(f"/bundle/{bundle_id}/manual/{MANUAL}/", {
        "action": "attest", "statement": "checked",
        "evidence": [SimpleUploadedFile(name, data, "image/png") for name, data in files.items()]}, follow=True)


def test_evidence_has_quotas_per_attestation_and_per_municipality(world: World, tmp_path: Path) -> None:
    import html

    from django.test import override_settings

    from conformance.portal.models import Attestation, Evidence

    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    bundle_id = int(answer["Location"].rstrip("/").rsplit("/", 1)[1])
    with override_settings(EVIDENCE_FILES_PER_ATTESTATION=3, EVIDENCE_BYTES_PER_MUNICIPALITY=10_000):
        many = attest_with(world, bundle_id, {f"{n}.png": b"x" for n in range(4)})
        assert "証跡ファイルは 1 件の確認書につき 3 件まで" in html.unescape(many.content.decode())
        assert not Attestation.objects.filter(municipality=world.tokyo).exists()
        assert attest_with(world, bundle_id, {"a.png": b"x" * 6_000}).status_code == 200
        full = attest_with(world, bundle_id, {"b.png": b"x" * 6_000})
        assert "10000 バイトを超えます" in html.unescape(full.content.decode())
    assert Evidence.objects.filter(attestation__municipality=world.tokyo).count() == 1


def test_a_signed_bundle_is_verified_in_bounded_memory_whatever_it_inflates_to(
        world: World, tmp_path: Path) -> None:
    """The break: a bundle signed by a registered key, its entries deflated 20:1, was inflated whole
    by the final verification (0.8 GB for 24 MiB). Now each entry streams in pieces: the peak follows
    the archive's size (the canonical-form check holds a few copies of it), not what it inflates to,
    and the bundle is accepted."""
    import os

    import numpy as np
    from test_security_attacks import peak_while, with_entry

    from conformance.portal.ingest import verified

    # Random bytes each repeated 64 times: deflates about 25:1, under the reader's ratio limit (100).
    content = np.repeat(np.frombuffer(os.urandom(24 * 1024 * 1024 // 64), np.uint8), 64).tobytes()
    data = with_entry(world, tmp_path, "work/large.bin", content)
    del content
    assert len(data) < 2 * 1024 * 1024
    assert peak_while(lambda: verified(data)) < 8 * 1024 * 1024
