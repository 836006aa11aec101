"""Run the reference vendor as a real HTTP server on a background thread.

**waitress** (pure Python, production grade): HTTP/1.1 with kept-alive connections and a fixed pool
of worker threads, so a request costs neither a new connection nor a new thread (with ``wsgiref``, a
thread and a connection per request took half of a run's CPU). It logs nothing a test would see, caps
the connections it serves at once (past the cap it stops accepting until one closes) and drops a
connection silent for ``IDLE_SECONDS``. A body over ``MAX_BODY_BYTES`` is refused (413) by its announced
length before it is read: waitress reads a whole body before the app sees the request.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType

from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

from conformance_reference.app import API_PREFIX, MAX_BODY_BYTES, ReferenceApp
from conformance_reference.defects import parse_defects
from conformance_reference.jumin.storage import Store

#: Connections served at once; past it the server accepts no new connection until one closes, so a
#: burst (or a slow-loris client opening thousands) keeps the server's sockets and memory bounded.
MAX_CONNECTIONS = 64
#: Seconds a connection may stay silent before the server drops it (a half-sent request frees its
#: slot after this, whatever the client does); checked every CLEANUP_SECONDS.
IDLE_SECONDS = 10
CLEANUP_SECONDS = 1
#: Seconds the serving loop waits for a socket before it looks whether it must stop (a request wakes
#: it at once).
POLL_SECONDS = 0.05
#: Worker threads answering requests (the harness sends one request at a time per worker process).
THREADS = 4

# waitress warns through logging when its queue fills or the connection cap is reached: the
# reference's own business, never the run's output.
logging.getLogger("waitress").setLevel(logging.ERROR)


@dataclass
class RunningReference:
    """A started reference vendor: its base URL (``http://host:port/api/v1``), app and store."""

    url: str
    app: ReferenceApp
    store: Store
    _server: BaseWSGIServer = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _stopping: threading.Event = field(repr=False)
    _stopped: bool = field(default=False, repr=False)

    def stop(self) -> None:
        """Stop serving, wait for the server thread and close the store (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        # The worker threads first: one finishing a request wakes the serving loop through the trigger,
        # and a trigger closed under it would write to whatever file has that number by then. Then the
        # serving loop, which closes every socket itself on its way out (no socket is closed under it).
        self._server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        self._stopping.set()
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
    """Start the reference vendor with the named ``defects``, loaded with ``rows`` (none when
    None), on ``host``:``port`` (0: a free port). Unknown defects are a ``UsageError``."""
    active = parse_defects(defects)
    store = loaded_store(rows)
    app = ReferenceApp(store, active)
    try:
        # waitress counts its listening socket and its trigger among the connections: two more.
        server = create_server(app, host=host, port=port, threads=THREADS, connection_limit=MAX_CONNECTIONS + 2,
                               channel_timeout=IDLE_SECONDS, cleanup_interval=CLEANUP_SECONDS,
                               ident="conformance-reference",
                               max_request_body_size=MAX_BODY_BYTES, map={})
    except OSError:
        store.close()
        raise
    assert isinstance(server, BaseWSGIServer)
    stopping = threading.Event()
    thread = threading.Thread(target=_serve, args=(server, stopping), name="conformance-reference", daemon=True)
    thread.start()
    bound_host, bound_port = server.effective_host, server.effective_port
    return RunningReference(f"http://{_url_host(str(bound_host))}:{bound_port}{API_PREFIX}", app, store, server,
                            thread, stopping)


@contextmanager
def reference_in_process(
    *,
    defects: frozenset[str] = frozenset(),
    rows: tuple[dict[str, str], ...] | tuple[Mapping[str, str], ...] | None = None,
) -> Iterator[ReferenceApp]:
    """The reference vendor's app with the named ``defects``, loaded with ``rows`` (none when None), served
    by no server: the caller hands it requests in this process (the harness's in-process transport).
    Its store is closed on exit. Unknown defects are a ``UsageError``.

    What only the server does is absent: the cap on connections, the idle timeout, and the 413 of a body
    whose announced length is over ``MAX_BODY_BYTES`` (the harness sends no such body)."""
    active = parse_defects(defects)
    store = loaded_store(rows)
    try:
        yield ReferenceApp(store, active)
    finally:
        store.close()


def loaded_store(rows: tuple[dict[str, str], ...] | tuple[Mapping[str, str], ...] | None) -> Store:
    """A new store holding ``rows`` (none when None), copied from one loaded once a process for the same
    rows object (``Store.copy_to``: a process that starts many references with the same town, such as the
    test suite's, loaded it each time)."""
    store = Store()
    if rows is not None:
        with _LOADING:  # an evicted store is closed: never while another thread copies from it
            _loaded_rows(rows).copy_to(store)
    return store


#: Stores loaded from a rows object, by its identity (the rows are kept, so the identity stays theirs).
_LOADED: dict[int, tuple[object, Store]] = {}
_LOADED_KEPT = 2
_LOADING = threading.Lock()


def _loaded_rows(rows: tuple[dict[str, str], ...] | tuple[Mapping[str, str], ...]) -> Store:
    kept = _LOADED.get(id(rows))
    if kept is not None and kept[0] is rows:
        return kept[1]
    loaded = Store()
    loaded.load(rows)
    if len(_LOADED) >= _LOADED_KEPT:
        _LOADED.pop(next(iter(_LOADED)))[1].close()
    _LOADED[id(rows)] = (rows, loaded)
    return loaded


def _serve(server: BaseWSGIServer, stopping: threading.Event) -> None:
    """waitress's serving loop until ``stopping`` is set, then every socket closed by this thread."""
    try:
        while not stopping.is_set():
            wasyncore.poll(POLL_SECONDS, server._map)
    finally:
        wasyncore.close_all(server._map, ignore_all=True)


def _url_host(host: str) -> str:
    """An IPv6 address goes in brackets in a URL."""
    try:
        socket.inet_pton(socket.AF_INET6, host)
    except OSError:
        return host
    return f"[{host}]"
