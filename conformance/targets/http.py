"""The vendor API over HTTP, with requests.

One :class:`RequestsHttpClient` per API target. It maps the catalog's paths to the vendor's (the
profile's ``paths``), adds the auth header from the environment, and keeps every exchange inside
the profile's limits: a timeout, a bounded body, no redirects, TLS verification as configured.

The secret is read once and kept only in the session's headers: it is never an attribute, never in
``repr`` and never in an error message. A broken exchange (refused connection, timeout, oversized
body) is a :class:`~conformance.errors.TargetError` naming the URL and the reason: the rule could
not be judged, which is not a conformance failure.
"""

from __future__ import annotations

import contextlib
import copy
import heapq
import itertools
import os
import re
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit, urlunsplit

import requests
import urllib3.connection
import urllib3.connectionpool
from requests.adapters import HTTPAdapter

from conformance import secrets
from conformance.errors import ProfileError, TargetError, UnreachableError
from conformance.limits import BudgetExhausted, JsonLimitError, check_json_shape
from conformance.profiles import ApiTarget
from conformance.targets import oauth, wsgi
from conformance.targets.base import HttpResponse
from conformance.targets.offers import PLACEHOLDER as _PLACEHOLDER
from conformance.targets.offers import ApiGate, template_regex

#: Bytes read per chunk while streaming a body.
CHUNK_BYTES = 64 * 1024
#: Headers that carry credentials: never handed to a recorder, whatever the profile's auth header is.
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
#: What replaces the secret if a vendor echoes it back in a body or header.
REDACTED = secrets.REDACTED


# -- recording ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request and its response (or the reason there is none), as the client saw them.

    Credential headers are already removed and the secret replaced by ``[redacted]``; personal
    data is still in it: masking is the recorder's job, which knows the catalog and the test data.
    """

    method: str
    url: str
    request_headers: Mapping[str, str]
    request_body: bytes
    status: int | None
    response_headers: Mapping[str, str]
    response_body: bytes
    elapsed: float
    error: str | None = None
    #: When the request was sent (seconds since the epoch); None: ``elapsed`` before it was recorded.
    started: float | None = None


class ExchangeRecorder(Protocol):
    """Receives every exchange of a client (the evidence bundle's recorded requests and responses)."""

    def record(self, exchange: Exchange) -> None: ...


# -- path mapping ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PathRoute:
    """One catalog path template and the vendor's template for it."""

    catalog: str
    vendor: str
    names: tuple[str, ...]
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, catalog: str, vendor: str) -> _PathRoute:
        names = tuple(_PLACEHOLDER.findall(catalog))
        if set(names) != set(_PLACEHOLDER.findall(vendor)):
            raise ProfileError(
                f"targets.api.paths: {vendor!r} must have the same {{parameters}} as the catalog path {catalog!r}"
            )
        return cls(catalog, vendor, names, template_regex(catalog))

    @property
    def literal_length(self) -> int:
        """Characters outside placeholders: more literal text is a more specific template."""
        return len(_PLACEHOLDER.sub("", self.catalog))

    def apply(self, path: str) -> str | None:
        """``path`` (filled from this route's catalog template) on the vendor's template, else None."""
        match = self.regex.fullmatch(path)
        if match is None:
            return None
        values = dict(zip(self.names, match.groups(), strict=True))
        # The captured segments are already URL-encoded: substitute them verbatim.
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], self.vendor)


class PathMap:
    """Catalog paths to the vendor's, as the profile's ``targets.api.paths`` says."""

    def __init__(self, paths: Mapping[str, str]) -> None:
        routes = [_PathRoute.parse(catalog, vendor) for catalog, vendor in paths.items()]
        # The most specific template wins when several match (a literal `/residents/search`
        # before `/residents/{宛名番号}`).
        self._routes = sorted(routes, key=lambda route: -route.literal_length)
        self._by_template = {route.catalog: route for route in routes}

    def vendor_path(self, path: str, template: str | None = None) -> str:
        """The vendor's path for a filled catalog ``path``; unmapped paths are the same."""
        if template is not None:
            route = self._by_template.get(template)
            mapped = route.apply(path) if route is not None else None
            return mapped if mapped is not None else path
        for route in self._routes:
            mapped = route.apply(path)
            if mapped is not None:
                return mapped
        return path


def fill_template(template: str, path_params: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by its URL-encoded value (a ``/`` in a value too)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in path_params:
            raise TargetError(f"{template}: no value for path parameter {name!r}")
        return quote(str(path_params[name]), safe="")

    return _PLACEHOLDER.sub(value, template)


# -- deadlines ------------------------------------------------------------------------------------
#
# A socket timeout restarts on every read: a vendor that drips its headers or its body one byte at a
# time never trips it. Each exchange therefore has a deadline that the watchdog (one thread for all
# exchanges) fires at its time: it shuts the exchange's socket down, so the blocked read returns at
# once whatever the vendor does. The connection classes below hand their socket to the exchange
# running on their thread.

_current = threading.local()


class _Deadline:
    """The socket of one exchange, shut down when the exchange's time is up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._done = False
        self.fired = False

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if self._done:
                return
            self._socket = sock
            if self.fired:
                _shut(sock)

    def fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            if self._socket is not None:
                _shut(self._socket)

    def finish(self) -> None:
        with self._lock:
            self._done = True
            self._socket = None

    @property
    def finished(self) -> bool:
        """Whether the exchange ended (firing then does nothing)."""
        return self._done


class _Watchdog:
    """One daemon thread firing the deadlines of every exchange in time order.

    A :class:`threading.Timer` per exchange started a thread per request, and ``Thread.start`` waits
    for the new thread to run: with the reference's server thread holding the GIL, that wait was a
    tenth of a run. Arming here is a heap push under a lock; the thread sleeps until the earliest
    deadline and fires what is due (a finished exchange's deadline does nothing when fired).
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._due: list[tuple[float, int, _Deadline]] = []
        self._count = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, deadline: _Deadline) -> None:
        """Fire ``deadline`` after ``seconds`` unless it is finished by then."""
        entry = (time.monotonic() + seconds, next(self._count), deadline)
        with self._condition:
            earliest = not self._due or entry < self._due[0]
            heapq.heappush(self._due, entry)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="conformance-http-watchdog", daemon=True)
                self._thread.start()
            elif earliest:  # else the thread already wakes before this one is due
                self._condition.notify()

    def _loop(self) -> None:
        while True:
            with self._condition:
                while self._due and self._due[0][2].finished:
                    heapq.heappop(self._due)  # finished in time: nothing to fire
                if not self._due:
                    self._condition.wait()
                    continue
                wait = self._due[0][0] - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                _, _, deadline = heapq.heappop(self._due)
            deadline.fire()


_watchdog = _Watchdog()


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also under TLS (SSLSocket.shutdown would unwrap first).
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watch(sock: socket.socket | None) -> None:
    deadline: _Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.attach(sock)


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)  # a kept-alive connection: its socket is this exchange's now
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)  # before the TLS handshake: a dripped handshake is cut too
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter whose connections report their sockets to the running exchange."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # Through an HTTP(S) proxy (the environment's) the connections are watched the same way.
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if proxy.lower().startswith(("http://", "https://")):
            manager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
        return manager


# -- the client -----------------------------------------------------------------------------------


def _auth_header(target: ApiTarget, environ: Mapping[str, str]) -> dict[str, str]:
    """The auth header from the environment; a ProfileError names a missing variable (never a value)."""
    auth = target.auth
    if auth is None or auth.oauth2 is not None:
        return {}  # OAuth2: the access token is added per request (conformance/targets/oauth.py)
    secret = environ.get(auth.env)
    if not secret:
        state = "is not set" if secret is None else "is empty"
        raise ProfileError(f"targets.api.auth: environment variable {auth.env} {state}")
    # Known to every writer of this process from now on: redacted by value wherever it turns up.
    value = f"{auth.scheme} {secret}" if auth.scheme else secret
    secrets.register(secret, value)  # the whole header value too: "Bearer <secret>" goes as a whole
    return {auth.header: value}


class RequestsHttpClient:
    """The :class:`~conformance.targets.base.HttpClient` of a profile's API target.

    ``base_url`` overrides the profile's (the bundled reference vendor listens on a port chosen
    at start). ``environ`` is where the auth secret is read from (default: the process environment).
    ``adapters`` are transports by URL prefix other than the network (:mod:`conformance.targets.wsgi`:
    the bundled reference in this process), for the client's requests and its token requests alike.
    """

    def __init__(
        self,
        target: ApiTarget,
        base_url: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        recorder: ExchangeRecorder | None = None,
        adapters: wsgi.Adapters | None = None,
        unserved: ApiGate | None = None,
    ) -> None:
        self.base_url = (base_url or target.base_url).rstrip("/")
        if "@" in urlsplit(self.base_url).netloc:
            # The profile refuses it at load; a URL given here must not carry credentials either.
            raise ProfileError("targets.api.base_url: user name or password in the URL is not allowed; "
                               "give the secret through targets.api.auth.env")
        self._timeout = target.timeout_seconds
        self._max_bytes = target.max_response_bytes
        self._verify = target.verify_tls
        self._paths = PathMap(target.paths)
        #: The operations the profile says the vendor does not serve (targets.api.operations): never sent.
        self._unserved = unserved
        #: Pages of one paged query before a check gives up (``targets.api.max_pages``).
        self.max_pages = target.max_pages
        self._budget = target.run_budget_seconds
        self._budget_ends = time.monotonic() + target.run_budget_seconds
        self._json_depth = target.max_json_depth
        self._json_members = target.max_json_members
        #: GETs that broke (deadline, size, JSON limits): the next check is told, not sent again.
        self._failed: dict[str, str] = {}
        self._session = requests.Session()
        self._environment: dict[str, dict[str, Any]] = {}
        for prefix in ("http://", "https://"):
            self._session.mount(prefix, _WatchedAdapter())
        wsgi.mount(self._session, adapters)
        auth = _auth_header(target, os.environ if environ is None else environ)
        self._session.headers.update(auth)
        self._session.auth = oauth.request_auth(target, self.base_url, os.environ if environ is None else environ,
                                                adapters=adapters)
        self._recorder = recorder
        # Names only: the secret stays in the session's headers, also while recordings redact it.
        self._auth_headers = frozenset(name.lower() for name in auth) | oauth.header_names(target)
        self._hidden_headers = CREDENTIAL_HEADERS | self._auth_headers

    def __repr__(self) -> str:
        # Never the session or its headers: they hold the secret.
        return f"RequestsHttpClient(base_url={self.base_url!r})"

    def mount(self, prefix: str, adapter: requests.adapters.BaseAdapter) -> None:
        """Another transport for URLs under ``prefix`` (the tests' in-process WSGI transport,
        tests/inprocess.py); everything above the transport stays as it is."""
        self._session.mount(prefix, adapter)

    def __enter__(self) -> RequestsHttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the session's connections."""
        self._session.close()

    def login(self, correct: bool) -> oauth.Login | None:
        """One login at the profile's token endpoint, with the client's secret or a wrong one (10.2
        認証ログ); None when the target authenticates without one (conformance/targets/oauth.py)."""
        auth = self._session.auth
        return auth.login(correct) if isinstance(auth, oauth.RequestAuth) else None

    def grant(self, kind: str) -> oauth.Grant | None:
        """One login at the profile's token endpoint by ``kind`` (oauth.GRANT_KINDS), with the token it got; None
        when the target authenticates without one (the model's sessions of the 付番 API)."""
        auth = self._session.auth
        return auth.grant(kind) if isinstance(auth, oauth.RequestAuth) else None

    def catalog_url(self, path: str) -> str:
        """The URL of a filled catalog path before mapping (what :meth:`send` expects)."""
        return self.base_url + path

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        data: bytes | None = None,
        content_type: str | None = None,
        template: str | None = None,
    ) -> HttpResponse:
        """``method`` on the filled catalog ``path`` (its ``template`` makes the mapping exact).

        ``json`` sends a JSON document; ``data`` sends raw bytes with ``content_type``. An operation the profile
        says the vendor does not serve is not sent: NotAutomated (conformance/targets/offers.py).
        """
        if self._unserved is not None:
            self._unserved.refuse(method, path)
        url = self.base_url + self._paths.vendor_path(path, template)
        headers = {"Content-Type": content_type} if content_type else {}
        request = requests.Request(
            method.upper(), url, headers=headers, params=dict(params or {}), json=json, data=data
        )
        return self._send(self._session.prepare_request(request))

    def call(
        self,
        method: str,
        template: str,
        path_params: Mapping[str, object],
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> HttpResponse:
        """``method`` on the catalog ``template`` filled with ``path_params``."""
        path = fill_template(template, path_params)
        return self.request(method, path, params=params, json=json, template=template)

    def send(self, request: requests.Request) -> HttpResponse:
        """Send a request built elsewhere (headers, raw body ...) whose URL is a :meth:`catalog_url`.

        The path is mapped to the vendor's and the auth header is added; the limits apply as for
        :meth:`request`.
        """
        if self._unserved is not None and str(request.url).startswith(self.base_url):
            self._unserved.refuse(str(request.method), urlsplit(str(request.url)[len(self.base_url):]).path)
        mapped = copy.copy(request)
        mapped.url = self._vendor_url(str(request.url))
        return self._send(self._session.prepare_request(mapped))

    def _vendor_url(self, url: str) -> str:
        if not url.startswith(self.base_url):
            raise TargetError(f"{url}: not below the API base URL {self.base_url}")
        parts = urlsplit(url[len(self.base_url) :] or "/")
        mapped = self._paths.vendor_path(parts.path)
        return self.base_url + urlunsplit(("", "", mapped, parts.query, ""))

    def _send(self, prepared: requests.PreparedRequest) -> HttpResponse:
        key = f"{prepared.method} {prepared.url}"
        earlier = self._failed.get(key) if prepared.method == "GET" else None
        if earlier is not None:
            raise TargetError(f"{earlier} (failed earlier in this run: not fetched again)")
        remaining = self._budget_ends - time.monotonic()
        if remaining <= 0:
            raise BudgetExhausted(f"the run's budget for exchanges with {self._redact_text(self.base_url)} "
                                  f"(run_budget_seconds: {self._budget:g}) is spent: the run stops")
        sent = time.time()
        started = time.monotonic()
        try:
            answer = self._exchange(prepared, started, min(self._timeout, remaining))
        except TargetError as error:
            self._record(prepared, None, started, str(error), sent)
            if prepared.method == "GET" and not isinstance(error, UnreachableError):
                self._failed[key] = self._redact_text(str(error))
            raise
        self._record(prepared, answer, started, None, sent)
        return answer

    def _exchange(self, prepared: requests.PreparedRequest, started: float, seconds: float) -> HttpResponse:
        """One exchange, cut at ``seconds`` in total (connect, headers and body: the watchdog)."""
        url = _without_query(str(prepared.url))
        what = f"{prepared.method} {url}"
        deadline = _Deadline()
        _current.deadline = deadline
        _watchdog.arm(seconds, deadline)
        try:
            response, body = self._exchange_within(prepared, what, started, seconds, deadline)
        finally:
            deadline.finish()
            _current.deadline = None
        if deadline.fired:
            # Cut just as it ended: its connection was shut, so none of the kept-alive ones is reused.
            self._drop_connections()
            raise TargetError(f"{what}: response not complete within {seconds:g} s")
        answer = HttpResponse(status=response.status_code, headers=dict(response.headers), body=body, url=url)
        self._check_json(answer, what)
        return answer

    def _exchange_within(
        self, prepared: requests.PreparedRequest, what: str, started: float, seconds: float, deadline: _Deadline,
    ) -> tuple[requests.Response, bytes]:
        settings = self._environment_settings(prepared.url or "")
        try:
            response = self._session.send(prepared, timeout=seconds, allow_redirects=False, **settings)
        except (requests.ConnectionError, requests.Timeout) as error:
            # Before any answer: the vendor is not there (SSLError is a ConnectionError too), or it
            # did not finish its headers before the deadline.
            if deadline.fired:
                self._drop_connections()
                raise UnreachableError(f"{what}: no response within {seconds:g} s") from None
            raise UnreachableError(f"{what}: {self._reason(error, seconds)}") from None
        except requests.RequestException as error:
            raise TargetError(f"{what}: {self._reason(error)}") from None
        with response:
            try:
                body = self._read_bounded(response, what, started, seconds)
            except TargetError:
                if deadline.fired:
                    self._drop_connections()
                    raise TargetError(f"{what}: response not complete within {seconds:g} s") from None
                raise
        return response, body

    def _environment_settings(self, url: str) -> dict[str, Any]:
        """What the environment says for requests to ``url``'s origin (proxies, CA bundle), read once per
        origin: requests would scan the whole environment for every request (a tenth of a run's time)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._environment:
            self._environment[origin] = dict(self._session.merge_environment_settings(
                url, proxies={}, stream=True, verify=self._verify, cert=None
            ))
        return dict(self._environment[origin])

    def _drop_connections(self) -> None:
        for adapter in self._session.adapters.values():
            adapter.close()

    def _check_json(self, answer: HttpResponse, what: str) -> None:
        """A JSON answer over the profile's depth or size limits is refused before anyone parses it."""
        head = answer.body[:64].lstrip()
        if "json" not in answer.content_type and head[:1] not in (b"{", b"["):
            return
        try:
            check_json_shape(answer.body, max_depth=self._json_depth, max_members=self._json_members)
        except JsonLimitError as error:
            raise TargetError(f"{what}: {error} (targets.api max_json_depth / max_json_members)") from None

    def _record(
        self, prepared: requests.PreparedRequest, answer: HttpResponse | None, started: float, error: str | None,
        sent: float | None = None,
    ) -> None:
        """Hand the exchange to the recorder, without credential headers and with the secret redacted."""
        if self._recorder is None:
            return
        exchange = Exchange(
            method=str(prepared.method),
            url=self._redact_text(str(prepared.url)),
            request_headers=self._visible(prepared.headers),
            request_body=self._redact(_body_bytes(prepared.body)),
            status=answer.status if answer is not None else None,
            response_headers=self._visible(answer.headers) if answer is not None else {},
            response_body=self._redact(answer.body) if answer is not None else b"",
            elapsed=time.monotonic() - started,
            error=self._redact_text(error) if error is not None else None,
            started=sent,
        )
        self._recorder.record(exchange)

    def _visible(self, headers: Mapping[str, str]) -> dict[str, str]:
        hidden = self._hidden_headers
        return {name: self._redact_text(value) for name, value in headers.items() if name.lower() not in hidden}

    def _redact(self, data: bytes) -> bytes:
        """``data`` with every secret of the run redacted in every spelling the harness decodes (any
        case, JSON and URL escapes, base64: :mod:`conformance.secrets`); a vendor may echo any."""
        return secrets.redact_bytes(data)

    def _redact_text(self, text: str) -> str:
        return self._redact(text.encode("utf-8", "surrogateescape")).decode("utf-8", "surrogateescape")

    def _read_bounded(self, response: requests.Response, what: str, started: float, seconds: float) -> bytes:
        """The body, stopping at ``max_response_bytes`` and at the deadline in total (the watchdog cuts
        a read that drips; the clock is checked between chunks too)."""
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > self._max_bytes:
                    raise TargetError(f"{what}: response body exceeds max_response_bytes ({self._max_bytes})")
                if time.monotonic() - started > seconds:
                    raise TargetError(f"{what}: response not complete within {seconds:g} s")
                chunks.append(chunk)
        except requests.RequestException as error:
            raise TargetError(f"{what}: {self._reason(error)}") from None
        return b"".join(chunks)

    def _reason(self, error: requests.RequestException, seconds: float | None = None) -> str:
        """A short reason for a broken exchange, without the request (its headers hold the secret)."""
        if isinstance(error, requests.Timeout):
            return f"no response within {self._timeout if seconds is None else seconds:g} s"
        if isinstance(error, requests.exceptions.SSLError):
            return "TLS error (certificate not verified or handshake failed)"
        os_error = _os_error(error)
        if os_error is not None and os_error.strerror:
            return os_error.strerror.lower()
        if isinstance(error, requests.ConnectionError):
            return "connection failed"
        return type(error).__name__


def _body_bytes(body: object) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return b""


def _chunks(response: requests.Response) -> Iterator[bytes]:
    yield from response.iter_content(chunk_size=CHUNK_BYTES)


def _os_error(error: BaseException) -> OSError | None:
    """The OSError under a requests error (requests wraps urllib3, which wraps the socket's error)."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            return current
        pending.extend([*current.args, getattr(current, "reason", None), current.__cause__, current.__context__])
    return None


def _without_query(url: str) -> str:
    # Query values can carry personal data (a 町字): errors and responses name the path only.
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
