"""Item 9 of the hostile-inputs issue: the reference vendor stays up and bounded under a burst of
connections (a cap on connections served at once, silent connections dropped)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests

from conformance.reference import server as reference_server
from conformance.reference.server import RunningReference, start_reference


@pytest.fixture
def small_reference(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningReference]:
    monkeypatch.setattr(reference_server, "MAX_CONNECTIONS", 4)
    monkeypatch.setattr(reference_server._QuietHandler, "timeout", 1.0)
    with start_reference(rows=()) as running:
        yield running


def test_connections_over_the_cap_get_503_and_the_server_recovers(small_reference: RunningReference) -> None:
    parts = urlsplit(small_reference.url)
    held = []
    for _ in range(4):
        sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
        sock.sendall(b"GET /api/v1/residents HTTP/1.1\r\nHost: x\r\n")  # never finished
        held.append(sock)
    time.sleep(0.2)
    over = requests.get(f"{small_reference.url}/residents", timeout=5)
    assert over.status_code == 503 and over.headers["Retry-After"] == "1"
    time.sleep(1.5)  # the silent connections are dropped after the handler's timeout
    assert requests.get(f"{small_reference.url}/residents", timeout=5).status_code == 200
    for sock in held:
        sock.close()
