"""Run the reference vendor as a real HTTP server on a background thread.

``wsgiref``'s server with one thread per request (daemon threads, so a hung client never keeps the
process alive) and a request handler that logs nothing: test output stays clean.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from conformance.reference.app import API_PREFIX, ReferenceApp
from conformance.reference.defects import parse_defects
from conformance.reference.storage import Store
from conformance.testdata.town import default_town

#: Connections served at once; past it a new connection gets a 503 at once and no thread, so a
#: burst (or a slow-loris client opening thousands) keeps the server's threads and memory bounded.
MAX_CONNECTIONS = 64
#: Seconds a connection may stay silent before the server drops it (a half-sent request frees its
#: slot after this, whatever the client does).
IDLE_SECONDS = 10.0
_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
         b"Retry-After: 1\r\nConnection: close\r\n\r\nbusy\n")


class _QuietHandler(WSGIRequestHandler):
    """No access log on stderr; a connection silent for IDLE_SECONDS is dropped."""

    timeout = IDLE_SECONDS

    def log_message(self, format: str, *args: Any) -> None:
        return


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    block_on_close = False
    _slots: threading.BoundedSemaphore | None = None

    def process_request(self, request: Any, client_address: Any) -> None:
        if self._slots is None:
            self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            if self._slots is not None:
                self._slots.release()

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a DNS lookup that can take seconds.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)
        self.setup_environ()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-response is not the server's problem: print nothing.
        return


@dataclass
class RunningReference:
    """A started reference vendor: its base URL (``http://host:port/api/v1``), app and store."""

    url: str
    app: ReferenceApp
    store: Store
    _server: _ThreadingServer = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _stopped: bool = field(default=False, repr=False)

    def stop(self) -> None:
        """Stop serving, wait for the server thread and close the store (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self.store.close()

    def __enter__(self) -> RunningReference:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def start_reference(
    *,
    defects: frozenset[str] = frozenset(),
    rows: tuple[dict[str, str], ...] | tuple[Mapping[str, str], ...] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
) -> RunningReference:
    """Start the reference vendor with the named ``defects``, loaded with ``rows`` (the default test
    town when None), on ``host``:``port`` (0: a free port). Unknown defects are a ``UsageError``."""
    active = parse_defects(defects)
    store = Store()
    store.load(rows if rows is not None else default_town())
    app = ReferenceApp(store, active)
    try:
        server = make_server(host, port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
    except OSError:
        store.close()
        raise
    assert isinstance(server, _ThreadingServer)
    # A short poll interval: stop() waits for the serving loop to notice, up to one interval.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              name="conformance-reference", daemon=True)
    thread.start()
    bound_host, bound_port = server.server_address[:2]
    return RunningReference(f"http://{_url_host(str(bound_host))}:{bound_port}{API_PREFIX}", app, store, server, thread)


def _url_host(host: str) -> str:
    """An IPv6 address goes in brackets in a URL."""
    try:
        socket.inet_pton(socket.AF_INET6, host)
    except OSError:
        return host
    return f"[{host}]"
