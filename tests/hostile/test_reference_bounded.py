"""Item 9 of the hostile-inputs issue: the reference vendor stays up and bounded under a burst of
connections (a cap on connections served at once, silent connections dropped)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests

from conformance.embedded import start_reference
from conformance_reference import server as reference_server
from conformance_reference.server import RunningReference


@pytest.fixture
def small_reference(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningReference]:
    monkeypatch.setattr(reference_server, "MAX_CONNECTIONS", 4)
    monkeypatch.setattr(reference_server, "IDLE_SECONDS", 2)
    with start_reference(rows=()) as running:
        yield running


def _answer_later(url: str, answers: list[int]) -> threading.Thread:
    def ask() -> None:
        answers.append(requests.get(url, timeout=20).status_code)

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    return thread


def test_connections_over_the_cap_wait_and_are_served_once_the_silent_ones_are_dropped(
    small_reference: RunningReference,
) -> None:
    parts = urlsplit(small_reference.url)
    held = []
    for _ in range(4):  # the cap, each with a request never finished
        sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
        sock.sendall(b"GET /api/v1/residents HTTP/1.1\r\nHost: x\r\n")
        held.append(sock)
    time.sleep(0.3)
    answers: list[int] = []
    waiting = _answer_later(f"{small_reference.url}/residents", answers)
    time.sleep(1.0)
    assert answers == []  # over the cap: not accepted while the silent connections hold every slot
    waiting.join(timeout=15)  # dropped after IDLE_SECONDS: the waiting request gets its answer
    assert answers == [200]
    for sock in held:
        assert sock.recv(1) == b""  # the server closed the silent connection
        sock.close()


def test_a_stopped_reference_closes_its_kept_alive_connections_at_once() -> None:
    running = start_reference(rows=())
    session = requests.Session()
    assert session.get(f"{running.url}/residents", timeout=5).status_code == 200  # a kept-alive connection
    started = time.monotonic()
    running.stop()
    assert time.monotonic() - started < 4  # the serving loop ended without waiting for the client
    with pytest.raises(requests.ConnectionError):
        session.get(f"{running.url}/residents", timeout=5)
