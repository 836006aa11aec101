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

import copy
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit, urlunsplit

import requests

from conformance.errors import ProfileError, TargetError, UnreachableError
from conformance.profiles import ApiTarget
from conformance.targets.base import HttpResponse

#: Bytes read per chunk while streaming a body.
CHUNK_BYTES = 64 * 1024
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
#: Headers that carry credentials: never handed to a recorder, whatever the profile's auth header is.
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
#: What replaces the secret if a vendor echoes it back in a body or header.
REDACTED = "[redacted]"


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
        return cls(catalog, vendor, names, _template_regex(catalog))

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


def _template_regex(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        parts.append("([^/]+)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts))


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


# -- the client -----------------------------------------------------------------------------------


def _auth_header(target: ApiTarget, environ: Mapping[str, str]) -> dict[str, str]:
    """The auth header from the environment; a ProfileError names a missing variable (never a value)."""
    auth = target.auth
    if auth is None:
        return {}
    secret = environ.get(auth.env)
    if not secret:
        state = "is not set" if secret is None else "is empty"
        raise ProfileError(f"targets.api.auth: environment variable {auth.env} {state}")
    return {auth.header: f"{auth.scheme} {secret}" if auth.scheme else secret}


class RequestsHttpClient:
    """The :class:`~conformance.targets.base.HttpClient` of a profile's API target.

    ``base_url`` overrides the profile's (the bundled reference vendor listens on a port chosen
    at start). ``environ`` is where the auth secret is read from (default: the process environment).
    """

    def __init__(
        self,
        target: ApiTarget,
        base_url: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        recorder: ExchangeRecorder | None = None,
    ) -> None:
        self.base_url = (base_url or target.base_url).rstrip("/")
        self._timeout = target.timeout_seconds
        self._max_bytes = target.max_response_bytes
        self._verify = target.verify_tls
        self._paths = PathMap(target.paths)
        self._session = requests.Session()
        auth = _auth_header(target, os.environ if environ is None else environ)
        self._session.headers.update(auth)
        self._recorder = recorder
        # Names only: the secret stays in the session's headers, also while recordings redact it.
        self._auth_headers = frozenset(name.lower() for name in auth)
        self._hidden_headers = CREDENTIAL_HEADERS | self._auth_headers

    def __repr__(self) -> str:
        # Never the session or its headers: they hold the secret.
        return f"RequestsHttpClient(base_url={self.base_url!r})"

    def __enter__(self) -> RequestsHttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the session's connections."""
        self._session.close()

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

        ``json`` sends a JSON document; ``data`` sends raw bytes with ``content_type``.
        """
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
        sent = time.time()
        started = time.monotonic()
        try:
            answer = self._exchange(prepared, started)
        except TargetError as error:
            self._record(prepared, None, started, str(error), sent)
            raise
        self._record(prepared, answer, started, None, sent)
        return answer

    def _exchange(self, prepared: requests.PreparedRequest, started: float) -> HttpResponse:
        url = _without_query(str(prepared.url))
        settings = self._session.merge_environment_settings(
            prepared.url or "", proxies={}, stream=True, verify=self._verify, cert=None
        )
        try:
            response = self._session.send(
                prepared, timeout=self._timeout, allow_redirects=False, **settings
            )
        except (requests.ConnectionError, requests.Timeout) as error:
            # Before any answer: the vendor is not there (SSLError is a ConnectionError too).
            raise UnreachableError(f"{prepared.method} {url}: {self._reason(error)}") from None
        except requests.RequestException as error:
            raise TargetError(f"{prepared.method} {url}: {self._reason(error)}") from None
        with response:
            body = self._read_bounded(response, f"{prepared.method} {url}", started)
        return HttpResponse(status=response.status_code, headers=dict(response.headers), body=body, url=url)

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
        """``data`` with the secret, with and without its scheme (a vendor may echo either), redacted."""
        for name, value in self._session.headers.items():
            if name.lower() in self._auth_headers:
                # The full value first, so "Bearer <secret>" becomes "[redacted]" as a whole.
                for spelling in sorted({str(value), str(value).split(" ", 1)[-1]}, key=len, reverse=True):
                    data = data.replace(spelling.encode(), REDACTED.encode())
        return data

    def _redact_text(self, text: str) -> str:
        return self._redact(text.encode("utf-8", "surrogateescape")).decode("utf-8", "surrogateescape")

    def _read_bounded(self, response: requests.Response, what: str, started: float) -> bytes:
        """The body, stopping at ``max_response_bytes`` and at the timeout in total (not per read)."""
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > self._max_bytes:
                    raise TargetError(f"{what}: response body exceeds max_response_bytes ({self._max_bytes})")
                if time.monotonic() - started > self._timeout:
                    raise TargetError(f"{what}: response not complete within {self._timeout:g} s")
                chunks.append(chunk)
        except requests.RequestException as error:
            raise TargetError(f"{what}: {self._reason(error)}") from None
        return b"".join(chunks)

    def _reason(self, error: requests.RequestException) -> str:
        """A short reason for a broken exchange, without the request (its headers hold the secret)."""
        if isinstance(error, requests.Timeout):
            return f"no response within {self._timeout:g} s"
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
