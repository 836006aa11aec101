"""Django settings of the portal, from the environment (``docs/portal.md``).

``CONFORMANCE_PORTAL_HOME``: the directory of the portal's own files (the embedded SQLite database,
the secret key made on first start); ``./portal-data`` by default.
``CONFORMANCE_PORTAL_SECRET_KEY``: the key sessions are signed with (the home's ``secret_key``
file when the portal starts). ``CONFORMANCE_PORTAL_DATABASE``:
a ``postgresql://user:password@host:port/name`` URL for shared use; the embedded SQLite otherwise.
The same migrations serve both.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from conformance.portal.home import home_directory

HOME = home_directory()


def database(url: str | None, home: Path) -> dict[str, Any]:
    """Django's database settings: PostgreSQL from a ``postgresql://`` URL, else the embedded SQLite."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(home / "portal.sqlite3"),
                # WAL lets the in-process worker write while pages are read.
                "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}}
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"CONFORMANCE_PORTAL_DATABASE: {parts.scheme!r} is not postgresql://")
    return {"ENGINE": "django.db.backends.postgresql", "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "", "PORT": str(parts.port or ""), "CONN_MAX_AGE": 60,
            # No JIT: the pages' queries are short, and at the national size their cost estimates made
            # PostgreSQL compile them (96 ms of a 430 ms query; issue 51).
            "OPTIONS": {"options": "-c jit=off"}}


# Set by `conformance portal` and wsgi.py from the home's key file (secret_key): importing the
# settings alone (a type checker, a test) writes nothing and gets a key of its own.
SECRET_KEY = os.environ.get("CONFORMANCE_PORTAL_SECRET_KEY") or secrets.token_urlsafe(50)
DEBUG = os.environ.get("CONFORMANCE_PORTAL_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("CONFORMANCE_PORTAL_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CONFORMANCE_PORTAL_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "conformance.portal.apps.PortalConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "conformance.portal.hardening.PasswordChangeRequiredMiddleware",
    "conformance.portal.hardening.SecurityHeadersMiddleware",
    # Before the CSRF check reads a POST's body (process_view): a body past its limit is never read.
    "conformance.portal.limits.BodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "conformance.portal.i18n.LanguageMiddleware",
    # Last, as django-axes asks: it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out user before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2id first (OWASP's first choice); the others only verify hashes made by older settings.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): five failures lock the user name from that address for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("CONFORMANCE_PORTAL_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A browser where the account logged in before is not locked out by others' failures from the same
# address (a neighbour behind one NAT): hardening.trusted_device.
AXES_WHITELIST_CALLABLE = "conformance.portal.hardening.trusted_device"

# Session hygiene: a new session id at login (Django does), cookies for HTTP only, short-lived,
# ended with the browser; Secure cookies when served over HTTPS.
SECURE = os.environ.get("CONFORMANCE_PORTAL_HTTPS") == "1"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
CSRF_COOKIE_HTTPONLY = True
# With HTTPS on: browsers told to use nothing else for a year (HSTS), plain HTTP redirected, and the
# scheme taken from the TLS-terminating proxy's X-Forwarded-Proto (it must set or strip it).
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if SECURE else 0
SECURE_SSL_REDIRECT = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
#: The address of the TLS-terminating proxy in front of waitress, whose X-Forwarded-Proto and
#: X-Forwarded-For waitress then believes (waitress 3 drops them from anybody else: behind a proxy
#: without it, HTTPS redirected for ever; issue 68).
TRUSTED_PROXY = os.environ.get("CONFORMANCE_PORTAL_TRUSTED_PROXY", "")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "conformance.portal.urls"
WSGI_APPLICATION = "conformance.portal.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    # The portal's templates first, before the installed apps': its admin/base_site.html gives the administration
    # pages that remain the project's font (issue 69), and its 403/404/500 pages are the portal's.
    "DIRS": [Path(__file__).resolve().parent / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "conformance.portal.i18n.language",
    ]},
}]

DATABASES = {"default": database(os.environ.get("CONFORMANCE_PORTAL_DATABASE"), HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# "lists": the 適合状況一覧 each process wrote, by a digest of everything a list is made from
# (conformance/portal/xlsx.py; about 200 KB for a whole catalog, so at most about 13 MB a process).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "lists": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lists",
                    "TIMEOUT": 24 * 60 * 60, "OPTIONS": {"MAX_ENTRIES": 64}}}

# The task queue (django-tasks, the backport of Django 6's django.tasks, with its database backend):
# runs are queued in the portal's own database; `conformance portal worker` takes them, and the
# embedded default also runs one worker thread inside the portal process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "ja"
TIME_ZONE = "Asia/Tokyo"
# The portal's own texts come from conformance.portal.i18n; Django's (its administration site, its form
# messages) from Django's catalogs, in the session's language (i18n.LanguageMiddleware).
USE_I18N = True
LANGUAGES = [("ja", "日本語"), ("en", "English")]
USE_TZ = True

STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True  # the admin's files are served from the installed package, no collectstatic
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

#: The default largest upload: above any bundle the harness writes (deflated since issue 48, about
#: 2 MB for the README's run; the stored bundles of earlier versions were up to 70 MB).
DEFAULT_MAX_UPLOAD = 128 * 1024 * 1024
#: The largest bundle or evidence file accepted in one upload.
MAX_UPLOAD_BYTES = int(os.environ.get("CONFORMANCE_PORTAL_MAX_UPLOAD", str(DEFAULT_MAX_UPLOAD)))
#: The longest an accepted attestation stays valid (days; the reviewer may choose less).
ATTESTATION_MAX_DAYS = int(os.environ.get("CONFORMANCE_PORTAL_ATTESTATION_DAYS", "365"))
#: A whole request: the largest upload and the form around it (waitress refuses more, unread).
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024
#: A request without an account (the login form) may send no more than this.
ANONYMOUS_BODY_BYTES = 64 * 1024
#: Evidence quotas: files per attestation, and bytes of evidence kept per municipality (issue 68).
EVIDENCE_FILES_PER_ATTESTATION = int(os.environ.get("CONFORMANCE_PORTAL_EVIDENCE_FILES", "20"))
EVIDENCE_BYTES_PER_MUNICIPALITY = int(os.environ.get("CONFORMANCE_PORTAL_EVIDENCE_QUOTA", str(2 * 1024 ** 3)))
#: Connections the server holds at once (waitress's connection_limit; its default 100 fell to 130 idle ones).
MAX_CONNECTIONS = int(os.environ.get("CONFORMANCE_PORTAL_CONNECTIONS", "1000"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# OIDC login for a municipality's own IdP (mozilla-django-oidc), on when its endpoints are given.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("conformance.portal.oidc.PortalOIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")

LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": os.environ.get("CONFORMANCE_PORTAL_LOG", "WARNING")}}
