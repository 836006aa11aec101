"""Limits before work: a request body past its limit is refused before a byte of it is read.

Django parses a form's body lazily, but the CSRF check reads it for every POST, logged in or not,
before any view runs; so the limit is a middleware placed before that check. The limit depends on
who asks: an account (a session or an API token) may send a bundle (``MAX_REQUEST_BYTES``); anybody
else only the login form (``ANONYMOUS_BODY_BYTES``). The declared length is all that is looked at:
the WSGI server gives Django no more than it declares, and waitress itself refuses a body over
``MAX_REQUEST_BYTES`` before buffering it (:func:`conformance.portal.server.waitress_options`).

waitress buffers a whole body (to disk past 512 KiB) before the application sees the request, so the
anonymous limit is enforced in waitress too (:class:`GatedParser`, issue 68: anonymous bodies of up to
129 MiB were spooled before the middleware answered 413): once the headers are in, a body past the
anonymous limit is refused unread unless the request carries a live credential (an API token or the
session of a logged-in account, looked up only for such bodies).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from http.cookies import CookieError, SimpleCookie

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.utilities import RequestEntityTooLarge

from conformance.portal.i18n import language_of, too_large


def declared_length(request: HttpRequest) -> int:
    """The body's declared length (an unreadable one counts as too long)."""
    value = request.META.get("CONTENT_LENGTH") or "0"
    return int(value) if value.isdigit() else 1 << 62


def body_limit(request: HttpRequest) -> int:
    """What this request may send: a bundle for an account, a login form for anybody else."""
    from conformance.portal.api import token_user

    if request.user.is_authenticated or token_user(request) is not None:
        return int(settings.MAX_REQUEST_BYTES)
    return int(settings.ANONYMOUS_BODY_BYTES)


class BodyLimitMiddleware:
    """413 for a body declared past the request's limit, its bytes left unread."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length, limit = declared_length(request), body_limit(request)
        if length <= limit:
            return self.get_response(request)
        if limit < settings.MAX_REQUEST_BYTES and request.path.startswith("/api/"):
            # The API's client is told what it lacks (a token), as it would be without a body.
            return JsonResponse({"error": "a valid API token is needed (Authorization: Bearer ...)"}, status=401)
        if limit < settings.MAX_REQUEST_BYTES:
            text = ("ログインしてから送信してください（ログインしていない送信は 64 KiB まで）。\n"
                    if language_of(request) == "ja" else
                    "Log in first (without an account a request body may be at most 64 KiB).\n")
        else:
            text = too_large(length, limit, language_of(request)) + "\n"
        # A portal page in the session's language, as every refusal (issue 69 item 4), not a line of plain text.
        return render(request, "413.html", {"message": text.strip()}, status=413)


def credentialed(headers: Mapping[str, str]) -> bool:
    """Whether raw request headers (waitress's: ``AUTHORIZATION``, ``COOKIE``) carry a live API token
    or the session of a logged-in account. A made-up cookie or token is not one."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import close_old_connections

    from conformance.portal.models import ApiToken

    close_old_connections()  # the server's own thread: a connection that died is not reused
    authorization = headers.get("AUTHORIZATION", "")
    if authorization.startswith("Bearer "):
        digest = hashlib.sha256(authorization.removeprefix("Bearer ").strip().encode("utf-8", "replace")).hexdigest()
        if ApiToken.objects.filter(sha256=digest, revoked=False, user__is_active=True).exists():
            return True
    try:
        morsel = SimpleCookie(headers.get("COOKIE", "")).get(settings.SESSION_COOKIE_NAME)
    except CookieError:
        return False
    if morsel is None or not morsel.value.isalnum() or len(morsel.value) > 64:
        return False
    return SessionStore(session_key=morsel.value).get("_auth_user_id") is not None


class GatedParser(HTTPRequestParser):  # type: ignore[misc]
    """waitress's request parser with the anonymous body limit: a body declared (or, chunked,
    received) past ``ANONYMOUS_BODY_BYTES`` without a live credential is refused (413) before waitress
    buffers it."""

    checked: bool | None = None  # None: not yet; then whether the request may send a large body

    def received(self, data: bytes) -> int:
        consumed: int = super().received(data)
        if not self.headers_finished or getattr(self, "error", None) is not None or self.empty:
            return consumed
        size = self.body_bytes_received if self.chunked else self.content_length
        if size > settings.ANONYMOUS_BODY_BYTES:
            if self.checked is None:
                self.checked = credentialed(self.headers)
            if not self.checked:
                self.error = RequestEntityTooLarge(f"a request without an account may send at most "
                                                   f"{settings.ANONYMOUS_BODY_BYTES} bytes; log in first")
                self.completed = True
        return consumed


class GatedChannel(HTTPChannel):  # type: ignore[misc]
    """A waitress channel whose requests are parsed by :class:`GatedParser`."""

    parser_class = GatedParser
