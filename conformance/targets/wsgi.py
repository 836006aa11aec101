"""A transport without a network: requests handed to a WSGI app in this process.

The harness's client (:class:`~conformance.targets.http.RequestsHttpClient`) and the OAuth2 token
request (:mod:`conformance.targets.oauth`) mount a :class:`WsgiAdapter` under a URL prefix; every
request to that prefix goes to the app in the calling thread: no socket, no port, no server thread.
Everything above the transport is unchanged (bounded reads, JSON limits, recording), so a check sees
what it would see over the network.

Used for the bundled reference vendor when a run asks for it (``conformance run
--reference-transport in-process``: the tests' defect runs, tests/test_reference_run.py) and by the
tests' in-process client (tests/inprocess.py). A vendor is always reached over the network.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3 import HTTPHeaderDict
from urllib3.response import HTTPResponse

#: The origin of an in-process app: a reserved name (RFC 6761 .test), never resolved, never connected to.
IN_PROCESS = "http://in-process.test"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
#: Transports by URL prefix, mounted on every session the harness makes for a target.
Adapters = Mapping[str, BaseAdapter]


class WsgiAdapter(HTTPAdapter):
    """requests' adapter that hands each request to a WSGI app in this process."""

    def __init__(self, app: WsgiApp) -> None:
        super().__init__()
        self.app = app

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        status, headers, body = self._call(request)
        code, _, reason = status.partition(" ")
        raw = HTTPResponse(body=io.BytesIO(body), headers=HTTPHeaderDict(headers), status=int(code), reason=reason,
                           preload_content=False, decode_content=False)
        return self.build_response(request, raw)

    def _call(self, request: requests.PreparedRequest) -> tuple[str, list[tuple[str, str]], bytes]:
        started: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., None]:
            started.update(status=status, headers=headers)
            return lambda data: None

        chunks = self.app(environ_of(request), start_response)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        return started["status"], started["headers"], body


def environ_of(request: requests.PreparedRequest) -> dict[str, Any]:
    """The WSGI environ of a prepared request (PEP 3333: PATH_INFO is the path's bytes as ISO-8859-1, as wsgiref and
    waitress give it; a path with Japanese in it, 選挙人名簿's ``/senkyo/voting-districts/第一投票区/roll``, was refused
    400 in process and answered over HTTP)."""
    url = urlsplit(request.url or "")
    body = request.body or b""
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": request.method or "GET", "SCRIPT_NAME": "", "PATH_INFO": unquote(url.path, "iso-8859-1"),
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


def in_process(app: WsgiApp) -> dict[str, BaseAdapter]:
    """The transports that send every request for :data:`IN_PROCESS` to ``app``."""
    return {IN_PROCESS + "/": WsgiAdapter(app)}


def mount(session: requests.Session, adapters: Adapters | None) -> None:
    """Mount ``adapters`` on ``session`` (nothing when None: the network)."""
    for prefix, adapter in (adapters or {}).items():
        session.mount(prefix, adapter)
