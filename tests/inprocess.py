"""An in-process transport for unit tests of HTTP checks: a WSGI app (the reference vendor's)
answers the harness's own HTTP client without a socket, a port or a server thread
(:mod:`conformance.targets.wsgi`).

``in_process_client(app)`` is a :class:`~conformance.targets.http.RequestsHttpClient` like any other
(the same bounded reads, JSON limits and recording); only the transport under it differs, so a
check sees exactly what it would see over the network, and tests run side by side under
pytest-xdist with nothing to start or stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from conformance.embedded import reference_in_process
from conformance.profiles import ApiTarget
from conformance.targets.http import RequestsHttpClient
from conformance.targets.offers import ApiGate
from conformance.targets.wsgi import IN_PROCESS, WsgiApp, in_process
from conformance_reference.app import API_PREFIX, ReferenceApp
from conformance_reference.jumin.storage import Store


def in_process_client(app: WsgiApp, target: ApiTarget | None = None,
                      kind: type[RequestsHttpClient] = RequestsHttpClient,
                      unserved: ApiGate | None = None) -> RequestsHttpClient:
    """The harness's HTTP client (or a subclass of it) over ``app`` in this process, at ``IN_PROCESS`` + the API
    prefix (``unserved``: the operations a profile does not declare, never sent)."""
    base_url = IN_PROCESS + API_PREFIX
    return kind(target or ApiTarget(base_url=base_url), base_url=base_url, adapters=in_process(app),
                unserved=unserved)


@contextmanager
def in_process_reference(defects: frozenset[str] = frozenset(),
                         rows: tuple[dict[str, str], ...] | None = None) -> Iterator[RequestsHttpClient]:
    """The reference vendor (with ``defects``, loaded with ``rows``: the test town when None) in
    this process, and the harness's client over it: :func:`conformance_reference.server.start_reference`
    without the server."""
    with reference_in_process(defects=defects, rows=rows) as app, in_process_client(app) as client:
        yield client


@dataclass(frozen=True)
class InProcessReference:
    """The reference in this process, as :class:`conformance_reference.server.RunningReference` shows a
    served one (``url``, ``app``, ``store``: a test may replace ``app.driver``), with clients over it."""

    url: str
    app: ReferenceApp

    @property
    def store(self) -> Store:
        return self.app.store

    def client(self, kind: type[RequestsHttpClient] = RequestsHttpClient) -> RequestsHttpClient:
        """The harness's client (or a subclass that breaks an answer) over the app."""
        return in_process_client(self.app, kind=kind)


@contextmanager
def started_in_process(defects: frozenset[str] = frozenset(),
                       rows: tuple[dict[str, str], ...] | None = None) -> Iterator[InProcessReference]:
    """:func:`conformance_reference.server.start_reference` without the server: for the tests that drive the
    model's machine (hundreds of requests an example; the socket and the server's threads were a third of it)."""
    with reference_in_process(defects=defects, rows=rows) as app:
        yield InProcessReference(IN_PROCESS + API_PREFIX, app)
