"""OAuth 2.0 Client Credentials for a profile's API target (``targets.api.auth.oauth2``).

The API仕様書 of 共通機能 (住登外者宛名番号付番API仕様, 補足事項) asks for an OAuth2.0 Bearer access token,
which a client gets by the Client Credentials Grant (RFC 6749 4.4). :func:`request_auth` gives the
``requests`` auth the HTTP client applies to every request it prepares:

- with ``auth.oauth2``, the header ``<scheme> <access token>``, the token fetched from the token endpoint
  on first use and again shortly before it expires (``expires_in``);
- a request that brings its own auth header keeps it (a check sending a wrong token), and one whose
  header is :data:`OMIT` goes without it (a check sending no token); this holds for the static
  ``auth.env`` header too;
- a 401 to a request that carried that token, whose challenge says ``error="invalid_token"``, renews the
  token and sends the request once more (RFC 6750 3.1): the vendor forgot the token (it restarted, or a
  server of an earlier run of this process on the same port issued it), which no check judges; a 401 to
  the fresh token too is the answer, and any other 401 (a wrong password at a login) is never sent twice.

The client id and secret come from the environment only (``oauth2.client_id_env``, ``auth.env``); the
secret and every token are registered with :mod:`conformance.secrets` when read, so they are redacted
from everything the harness writes. The token exchange is not recorded (it carries the secret) and
its errors never repeat the endpoint's body.

:meth:`RequestAuth.login` is one login at the token endpoint on its own (10.2 認証ログ: a check logs in
once with the client's secret and once with a wrong one, then reads the vendor's log of both); it never
touches the token the requests use, and the wrong secret is registered as a secret too.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from requests.auth import AuthBase

from conformance import secrets
from conformance.errors import ProfileError, TargetError
from conformance.profiles import ApiTarget, Auth, OAuth2ClientCredentials
from conformance.targets import wsgi

#: The value of a request's auth header that means "send this request without it" (never sent).
OMIT = "conformance-omit-credentials"
#: Largest token response read.
MAX_TOKEN_RESPONSE = 64 * 1024
#: Lifetime assumed when the token response gives no expires_in.
DEFAULT_LIFETIME = 300.0
#: A token is renewed when fewer seconds than this (or a tenth of its lifetime) are left.
RENEW_MARGIN = 30.0

#: The challenge of a 401 that says the access token sent is not (or no longer) valid (RFC 6750 3.1).
_INVALID_TOKEN = re.compile(r'\berror\s*=\s*"?invalid_token\b', re.IGNORECASE)
#: Gets a token: (access token, seconds it lives); its argument is the token being renewed (None at first).
Fetch = Callable[[str | None], tuple[str, float]]


@dataclass(frozen=True)
class Login:
    """One login at the token endpoint: the client id it named and the status the endpoint answered."""

    client_id: str
    status: int


#: Logs in once: with the client's secret (True) or a wrong one (False).
Attempt = Callable[[bool], Login]
#: The kinds of login :meth:`RequestAuth.grant` makes: the client's Client Credentials Grant, the same with a wrong
#: secret, and another grant (``password``) with the client's secret (2.2.7: トークン発行方式は Client Credentials
#: Grant).
GRANT_KINDS = ("client", "wrong_secret", "wrong_grant")


@dataclass(frozen=True)
class Grant:
    """One login at the token endpoint and what it answered: the status, the access token when one was given
    (registered as a secret), whether a refresh token came with it and the ``expires_in`` answered."""

    client_id: str
    status: int
    token: str | None = None
    refresh: bool = False
    expires_in: float | None = None


#: Logs in once by one of :data:`GRANT_KINDS`.
Granting = Callable[[str], Grant]
#: Tokens by endpoint and client, shared by the clients of a process (one per claimed edition): each
#: token is a secret every recording is scanned for, so a run asks for no more of them than it needs.
_tokens: dict[tuple[str, ...], tuple[str, float]] = {}
_tokens_lock = threading.Lock()


class RequestAuth(AuthBase):
    """The auth of every prepared request: the access token unless the request brings its own header."""

    def __init__(self, header: str, scheme: str | None, fetch: Fetch | None, attempt: Attempt | None = None,
                 granting: Granting | None = None) -> None:
        self._header = header
        self._scheme = scheme
        self._fetch = fetch
        self._attempt = attempt
        self._granting = granting
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = threading.Lock()
        #: The clock of expiry (monotonic seconds).
        self.clock: Callable[[], float] = time.monotonic

    def __repr__(self) -> str:
        return f"RequestAuth(header={self._header!r})"  # never the token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        value = request.headers.get(self._header)
        if value == OMIT:
            del request.headers[self._header]
            return request
        if value is not None or self._fetch is None:
            return request
        token = self.token()
        request.headers[self._header] = self._value(token)
        request.hooks["response"].append(self._retry_refused)
        return request

    def _value(self, token: str) -> str:
        return f"{self._scheme} {token}" if self._scheme else token

    def _retry_refused(self, response: requests.Response, **kwargs: Any) -> requests.Response:
        """A 401 whose challenge says the harness's token is invalid (``error="invalid_token"``): the token
        is renewed and the request sent once more (RFC 6750 3.1: the client may get a new token and retry).
        The vendor forgot it (it restarted, or a server of an earlier run of this process, on the same port,
        issued it): that is not what a check judges. Any other 401 (a wrong password at a login, a missing
        permission) is the answer, never sent twice: a second failed login would count towards a lockout.
        The retry goes through the adapter, so it is not retried again; a vendor that refuses the fresh
        token too gets its 401 judged. Registered only on requests that got the token (``__call__``)."""
        sent = response.request
        if (response.status_code != 401 or sent is None or response.connection is None
                or not _INVALID_TOKEN.search(response.headers.get("WWW-Authenticate", ""))):
            return response
        stale = str(sent.headers.get(self._header, ""))
        if self._scheme:
            stale = stale.removeprefix(f"{self._scheme} ")
        fresh = self.renew(stale)
        response.close()  # its body is not read: the connection is not reused
        again = sent.copy()
        again.headers[self._header] = self._value(fresh)
        retried: requests.Response = response.connection.send(again, **kwargs)
        retried.history.append(response)
        retried.request = again
        return retried

    def token(self) -> str:
        """The current access token, fetched when there is none or it is about to expire."""
        assert self._fetch is not None
        with self._lock:
            if self._token is None or self.clock() >= self._renew_at:
                return self._keep(*self._fetch(self._token))
            return self._token

    def renew(self, stale: str) -> str:
        """A token other than ``stale`` (refused by the vendor): fetched, unless another request renewed it."""
        assert self._fetch is not None
        with self._lock:
            if self._token is None or self._token == stale:
                return self._keep(*self._fetch(stale))
            return self._token

    def _keep(self, token: str, lifetime: float) -> str:
        self._token = token
        self._renew_at = self.clock() + lifetime - min(RENEW_MARGIN, lifetime / 10)
        return token

    def login(self, correct: bool) -> Login | None:
        """One login of its own at the token endpoint (``correct``: with the client's secret); None
        when the target has no token endpoint (no OAuth2 client: nothing to log in with)."""
        return self._attempt(correct) if self._attempt is not None else None

    def grant(self, kind: str) -> Grant | None:
        """One login of its own by ``kind`` (:data:`GRANT_KINDS`), with the token it got, if any: the model's
        sessions of the 付番 API (docs/model.md); None when the target has no token endpoint."""
        return self._granting(kind) if self._granting is not None else None


def header_names(target: ApiTarget) -> frozenset[str]:
    """The auth header's name, lower case (hidden from recordings), when the target has auth."""
    return frozenset({target.auth.header.lower()}) if target.auth is not None else frozenset()


def request_auth(target: ApiTarget, base_url: str, environ: Mapping[str, str], *,
                 adapters: wsgi.Adapters | None = None) -> RequestAuth:
    """The auth of a target's requests; with ``auth.oauth2``, the client's credentials read from
    ``environ`` now (a ProfileError names a missing variable, never a value). The token requests go
    through ``adapters`` where they match (the target's own transports), else over the network."""
    auth = target.auth
    if auth is None:
        return RequestAuth("Authorization", None, None)
    if auth.oauth2 is None:
        return RequestAuth(auth.header, auth.scheme, None)
    client_id = _variable(environ, auth.oauth2.client_id_env, ("oauth2", "client_id_env"))
    secret = _variable(environ, auth.env, ("env",))
    secrets.register(secret)
    url = token_url(auth.oauth2, base_url)
    key = (url, client_id, secret, auth.oauth2.client_auth, auth.oauth2.scope or "")

    def fetch(stale: str | None) -> tuple[str, float]:
        with _tokens_lock:
            token, expires = _tokens.get(key, ("", 0.0))
            left = expires - time.monotonic()
            if token and token != stale and left > RENEW_MARGIN:
                # Shared with the clients of earlier runs of this process, whose secrets were forgotten
                # when they ended (secrets.run_scope): a secret of this run too.
                secrets.register(token)
                return token, left
            token, lifetime = fetch_token(url, auth, client_id, secret, timeout=target.timeout_seconds,
                                          verify=target.verify_tls, adapters=adapters)
            _tokens[key] = (token, time.monotonic() + lifetime)
            return token, lifetime

    def attempt(correct: bool) -> Login:
        if correct:  # a token of its own, registered as a secret; the shared one is left as it is
            fetch_token(url, auth, client_id, secret, timeout=target.timeout_seconds, verify=target.verify_tls,
                        adapters=adapters)
            return Login(client_id, 200)
        wrong = "wrong-" + os.urandom(18).hex()  # never the secret, and redacted wherever it could turn up
        secrets.register(wrong)
        status, _ = _post_token(url, auth, client_id, wrong, timeout=target.timeout_seconds, verify=target.verify_tls,
                                adapters=adapters)
        return Login(client_id, status)

    def granting(kind: str) -> Grant:
        wrong = kind == "wrong_secret"
        used = "wrong-" + os.urandom(18).hex() if wrong else secret
        secrets.register(used)
        status, body = _post_token(url, auth, client_id, used, timeout=target.timeout_seconds,
                                   verify=target.verify_tls, adapters=adapters,
                                   grant_type="password" if kind == "wrong_grant" else "client_credentials")
        return _granted(client_id, status, body)

    return RequestAuth(auth.header, auth.scheme, fetch, attempt, granting)


def _granted(client_id: str, status: int, body: bytes) -> Grant:
    """What a login answered: its token (registered as a secret) where it gave one, whatever its status (a vendor
    that gives a token it should not have is judged by what its API does with it)."""
    try:
        document = json.loads(body) if len(body) <= MAX_TOKEN_RESPONSE else None
    except ValueError:
        document = None
    if not isinstance(document, dict):
        return Grant(client_id, status)
    token = document.get("access_token")
    token = token if isinstance(token, str) and token else None
    if token is not None:
        secrets.register(token)
    return Grant(client_id, status, token, "refresh_token" in document, lifetime_of(document.get("expires_in")))


def lifetime_of(value: Any) -> float | None:
    """An ``expires_in`` as seconds: None for no number (absent, a bool, text, NaN); an integer too large for a float
    is infinite (a vendor's answer never crashes the reader: the second blind round, 24)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        seconds = float(value)
    except OverflowError:
        return math.inf
    return None if math.isnan(seconds) else seconds


def forget_tokens() -> None:
    """Forget every shared token (tests)."""
    with _tokens_lock:
        _tokens.clear()


def token_url(oauth2: OAuth2ClientCredentials, base_url: str) -> str:
    """The token endpoint: as given, or relative to the API's base URL."""
    return base_url.rstrip("/") + oauth2.token_url if oauth2.token_url.startswith("/") else oauth2.token_url


def fetch_token(url: str, auth: Auth, client_id: str, secret: str, *, timeout: float,
                verify: bool, adapters: wsgi.Adapters | None = None) -> tuple[str, float]:
    """One Client Credentials Grant: (access token, lifetime in seconds). The token is registered as
    a secret before it is returned."""
    status, body = _post_token(url, auth, client_id, secret, timeout=timeout, verify=verify, adapters=adapters)
    if status != 200:
        raise TargetError(f"{_WHAT} answered {status}, not 200 with an access token")
    if len(body) > MAX_TOKEN_RESPONSE:
        raise TargetError(f"{_WHAT} answered more than {MAX_TOKEN_RESPONSE} bytes")
    try:
        document = json.loads(body)
    except ValueError:
        raise TargetError(f"{_WHAT} answered no JSON document") from None
    token = document.get("access_token") if isinstance(document, dict) else None
    if not isinstance(token, str) or not token:
        raise TargetError(f"{_WHAT} answered no access_token")
    secrets.register(token)  # "Bearer <token>" holds it: redacting the token redacts the header value
    token_type = document.get("token_type")
    if isinstance(token_type, str) and auth.scheme and token_type.lower() != auth.scheme.lower():
        raise TargetError(f"{_WHAT} answered token_type {token_type[:20]!r}, not {auth.scheme}")
    seconds = lifetime_of(document.get("expires_in"))
    return token, seconds if seconds is not None and seconds > 0 else DEFAULT_LIFETIME


#: What the errors of the token exchange name.
_WHAT = "targets.api.auth.oauth2: the token endpoint"


def _post_token(url: str, auth: Auth, client_id: str, secret: str, *, timeout: float,
                verify: bool, adapters: wsgi.Adapters | None = None,
                grant_type: str = "client_credentials") -> tuple[int, bytes]:
    """One request of the token endpoint: its status and (bounded) body, never recorded."""
    assert auth.oauth2 is not None
    form = {"grant_type": grant_type}
    if auth.oauth2.scope:
        form["scope"] = auth.oauth2.scope
    basic: tuple[str, str] | None = (client_id, secret)
    if auth.oauth2.client_auth == "client_secret_post":
        form |= {"client_id": client_id, "client_secret": secret}
        basic = None
    try:
        with requests.Session() as session:
            session.trust_env = False  # no .netrc credentials or proxies of the environment
            wsgi.mount(session, adapters)
            response = session.post(url, data=form, auth=basic, timeout=timeout, verify=verify,
                                    allow_redirects=False, stream=True, headers={"Accept": "application/json"})
            return response.status_code, response.raw.read(MAX_TOKEN_RESPONSE + 1, decode_content=True)
    except requests.RequestException as error:
        raise TargetError(f"{_WHAT} could not be reached ({type(error).__name__})") from None


def _variable(environ: Mapping[str, str], name: str, field: tuple[str, ...]) -> str:
    value = environ.get(name)
    if not value:
        state = "is not set" if value is None else "is empty"
        where = ".".join(("targets", "api", "auth", *field))
        raise ProfileError(f"{where}: environment variable {name} {state}")
    return value
