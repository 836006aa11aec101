"""An in-process transport for unit tests of HTTP checks: a WSGI app (the reference vendor's)
answers the harness's own HTTP client without a socket, a port or a server thread.

``in_process_client(app)`` is a :class:`~conformance.targets.http.RequestsHttpClient` like any other
(the same bounded reads, JSON limits and recording); only the transport under it differs, so a
check sees exactly what it would see over the network, and tests run side by side under
pytest-xdist with nothing to start or stop.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.response import HTTPResponse

from conformance.profiles import ApiTarget
from conformance.reference.app import API_PREFIX, ReferenceApp
from conformance.reference.defects import parse_defects
from conformance.reference.storage import Store
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import default_town

#: The base URL of an in-process app: never resolved, never connected to.
IN_PROCESS = "http://in-process.test"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class WsgiAdapter(HTTPAdapter):
    """requests' adapter that hands each request to a WSGI app in this process."""

    def __init__(self, app: WsgiApp) -> None:
        super().__init__()
        self.app = app

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        status, headers, body = self._call(request)
        code, _, reason = status.partition(" ")
        raw = HTTPResponse(body=io.BytesIO(body), headers=headers, status=int(code), reason=reason,
                           preload_content=False, decode_content=False)
        return self.build_response(request, raw)

    def _call(self, request: requests.PreparedRequest) -> tuple[str, list[tuple[str, str]], bytes]:
        started: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., None]:
            started.update(status=status, headers=headers)
            return lambda data: None

        chunks = self.app(_environ(request), start_response)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        return started["status"], started["headers"], body


def _environ(request: requests.PreparedRequest) -> dict[str, Any]:
    """The WSGI environ of a prepared request (PEP 3333)."""
    url = urlsplit(request.url or "")
    body = request.body or b""
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)  # type: ignore[arg-type]
    environ: dict[str, Any] = {
        "REQUEST_METHOD": request.method or "GET", "SCRIPT_NAME": "", "PATH_INFO": unquote(url.path),
        "QUERY_STRING": url.query, "SERVER_NAME": url.hostname or "", "SERVER_PORT": str(url.port or 80),
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.version": (1, 0), "wsgi.url_scheme": url.scheme,
        "wsgi.input": io.BytesIO(data), "wsgi.errors": io.StringIO(), "wsgi.multithread": False,
        "wsgi.multiprocess": False, "wsgi.run_once": False, "CONTENT_LENGTH": str(len(data)),
        "CONTENT_TYPE": request.headers.get("Content-Type", ""), "REMOTE_ADDR": "127.0.0.1",
    }
    for name, value in request.headers.items():
        key = "HTTP_" + name.upper().replace("-", "_")
        if key not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
            environ[key] = value
    return environ


def in_process_client(app: WsgiApp, target: ApiTarget | None = None) -> RequestsHttpClient:
    """The harness's HTTP client over ``app`` in this process, at ``IN_PROCESS`` + the API prefix."""
    base_url = IN_PROCESS + API_PREFIX
    client = RequestsHttpClient(target or ApiTarget(base_url=base_url), base_url=base_url)
    client.mount(IN_PROCESS + "/", WsgiAdapter(app))
    return client


@contextmanager
def in_process_reference(defects: frozenset[str] = frozenset(),
                         rows: tuple[dict[str, str], ...] | None = None) -> Iterator[RequestsHttpClient]:
    """The reference vendor (with ``defects``, loaded with ``rows``: the test town when None) in
    this process, and the harness's client over it: :func:`conformance.reference.server.start_reference`
    without the server."""
    store = Store()
    try:
        store.load(rows if rows is not None else default_town())
        with in_process_client(ReferenceApp(store, parse_defects(defects))) as client:
            yield client
    finally:
        store.close()
