"""Limits before work: a request body past its limit is refused before a byte of it is read.

Django parses a form's body lazily, but the CSRF check reads it for every POST, logged in or not,
before any view runs; so the limit is a middleware placed before that check. The limit depends on
who asks: an account (a session or an API token) may send a bundle (``MAX_REQUEST_BYTES``); anybody
else only the login form (``ANONYMOUS_BODY_BYTES``). The declared length is all that is looked at:
the WSGI server gives Django no more than it declares, and waitress itself refuses a body over
``MAX_REQUEST_BYTES`` before buffering it (:func:`conformance.portal.server.waitress_options`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

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
