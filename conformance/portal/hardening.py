"""Hardened by default (docs/security.md, "The portal"): private files whatever the home, a
Content-Security-Policy without inline script, a lockout a neighbour cannot turn against an
account, and a first administrator who must replace the password printed on the console.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

#: Scripts and everything else from the portal only; inline styles allowed (the admin's widgets use
#: them: a style cannot run code), inline scripts and event attributes not.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
#: The signed cookie that marks a browser where an account logged in before (its user name).
DEVICE_COOKIE, DEVICE_SALT, DEVICE_DAYS = "portal_device", "conformance.portal.device", 180
#: What an account that must change its password may still reach.
PASSWORD_PATHS = ("/password/", "/logout/", "/static/", "/lang/")


def make_private(home: Path) -> None:
    """Files made from now on by this process are the owner's only (umask 077), and the portal's own
    files already in ``home`` (its database, key, signing keys) are made so: a ``--home`` that
    already existed with open permissions does not leave the database readable by others."""
    os.umask(0o077)
    for named in (home / name for name in ("portal.sqlite3", "portal.sqlite3-wal", "portal.sqlite3-shm",
                                          "portal.sqlite3-journal", "secret_key", "keys")):
        # A symlinked file (a database on another disk) is made private where it lies (issue 68: it
        # kept its 0644), when it is this user's: another user's file is not the portal's to change.
        path = named.resolve() if named.is_symlink() else named
        if not path.exists() or path.stat().st_uid != os.getuid():
            continue
        path.chmod(0o700 if path.is_dir() else 0o600)
        if path.is_dir():
            for child in path.iterdir():
                if child.is_file() and not child.is_symlink():
                    child.chmod(stat.S_IRUSR | stat.S_IWUSR)


class SecurityHeadersMiddleware:
    """The Content-Security-Policy on every answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response


def trusted_device(request: HttpRequest, credentials: Mapping[str, Any] | None) -> bool:
    """django-axes' whitelist: a browser holding the signed cookie of a past login of this very user
    name is not locked out by failures from others at the same address (OWASP's device cookies), so
    a neighbour behind the same NAT cannot lock an account out of the browsers it is used from."""
    username = str((credentials or {}).get("username") or request.POST.get("username") or "")
    if not username:
        return False
    return _device_of(request, username) and int(cache.get(_failures_key(username), 0)) < settings.AXES_FAILURE_LIMIT


def _device_of(request: HttpRequest, username: str) -> bool:
    """Whether the request comes from a browser where ``username`` logged in before."""
    found = request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=DEVICE_SALT,
                                      max_age=DEVICE_DAYS * 24 * 3600)
    return found is not None and found == username


def _failures_key(username: str) -> str:
    return "portal-device-failures:" + hashlib.sha256(username.encode("utf-8", "replace")).hexdigest()


def count_device_failure(sender: object, credentials: Mapping[str, Any] | None = None,
                         request: HttpRequest | None = None, **kwargs: Any) -> None:
    """A failed login from a trusted browser is counted too: past the failure limit its browsers are
    trusted no more, and the lockout counts them as anybody (issue 68: a device cookie exempted a
    browser from counting, so it could guess without end). Forgotten after the lockout's cool-off."""
    username = str((credentials or {}).get("username") or "")
    if request is None or not username or not _device_of(request, username):
        return
    key, seconds = _failures_key(username), int(settings.AXES_COOLOFF_TIME * 3600)
    cache.add(key, 0, seconds)
    cache.incr(key)


def forget_device_failures(sender: object, request: HttpRequest | None = None, user: Any = None,
                           **kwargs: Any) -> None:
    """A successful login clears its browsers' failures (as django-axes resets its own)."""
    if user is not None:
        cache.delete(_failures_key(str(user.get_username())))


def remember_device(response: HttpResponse, username: str) -> None:
    """Give the browser of a successful login its device cookie."""
    response.set_signed_cookie(DEVICE_COOKIE, username, salt=DEVICE_SALT, max_age=DEVICE_DAYS * 24 * 3600,
                               httponly=True, samesite="Lax", secure=bool(settings.SESSION_COOKIE_SECURE))


class PasswordChangeRequiredMiddleware:
    """An account marked to change its password (the first administrator, whose password was
    printed on the console) reaches nothing but the password change until it has."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith(PASSWORD_PATHS) and must_change(request):
            return HttpResponseRedirect("/password/")
        return self.get_response(request)


def must_change(request: HttpRequest) -> bool:
    """Whether the request's account must change its password first."""
    from conformance.portal.models import PasswordChangeRequired

    return PasswordChangeRequired.objects.filter(user_id=int(request.user.pk or 0)).exists()
