"""Starting the portal: settings from the command line, migrations, the first administrator, the
in-process worker of the embedded default, and a production WSGI server (waitress)."""

from __future__ import annotations

import os
import secrets
import sys
import threading
from functools import cache
from pathlib import Path
from typing import Any

ADMIN = "admin"


def configure(home: Path | None, database: str | None) -> None:
    """Point the settings at ``home`` and ``database`` (before Django starts), then start Django."""
    if home is not None:
        os.environ["CONFORMANCE_PORTAL_HOME"] = str(home)
    if database:
        os.environ["CONFORMANCE_PORTAL_DATABASE"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conformance.portal.settings")
    from conformance.portal.hardening import make_private
    from conformance.portal.home import home_directory, keep_secret_key

    keep_secret_key()
    home_directory().mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(home_directory())  # before the database is opened: it is created (or made) owner-only
    import django

    django.setup()


def migrate() -> None:
    """Bring the database to the current schema (the same migrations for SQLite and PostgreSQL)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def recover() -> int:
    """End the runs a stopped portal or worker left running (tasks.recover_runs); how many."""
    from conformance.portal.tasks import recover_runs

    return recover_runs()


def first_administrator() -> str | None:
    """On first start (no superuser yet) create ``admin`` with a random password and return the
    password, to be printed once; None when an administrator exists."""
    from django.contrib.auth import get_user_model

    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return None
    from conformance.portal.models import PasswordChangeRequired

    password = secrets.token_urlsafe(18)
    created = users.objects.create_superuser(ADMIN, email="", password=password)
    PasswordChangeRequired.objects.create(user=created)  # the console and its logs keep what was printed
    return password


def start_worker_thread() -> threading.Thread:
    """One task worker inside this process (the embedded default has no separate worker)."""
    from conformance.portal.tasks import worker

    thread = threading.Thread(target=worker(interval=1.0).run, name="portal-worker", daemon=True)
    thread.start()
    return thread


#: Idle connections closed after this many seconds without a byte (waitress's default: 120), and how
#: often it looks for them (30).
IDLE_SECONDS, CLEANUP_SECONDS = 20, 5


def waitress_options(threads: int = 8) -> dict[str, Any]:
    """waitress's settings: a body past the portal's request limit is refused (413) from its
    declared length, before waitress buffers it (its own default is 1 GiB); connections are many
    (``CONFORMANCE_PORTAL_CONNECTIONS``, 1,000 by default: waitress's 100 were held by 130 half-open
    ones, issue 68), watched with poll() (select() cannot go past 1,024 descriptors) and closed
    after :data:`IDLE_SECONDS` without a byte, headers not finished included."""
    from django.conf import settings

    proxy = {"trusted_proxy": settings.TRUSTED_PROXY, "trusted_proxy_count": 1,
             "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"}} if settings.TRUSTED_PROXY else {}
    return {"threads": threads, "ident": "conformance-portal", "max_request_body_size": settings.MAX_REQUEST_BYTES,
            "connection_limit": settings.MAX_CONNECTIONS, "asyncore_use_poll": True,
            "channel_timeout": IDLE_SECONDS, "cleanup_interval": CLEANUP_SECONDS, **proxy}


def open_files_for(connections: int) -> None:
    """Raise this process's soft limit of open files to hold ``connections`` and some to spare
    (within the hard limit, which only an administrator raises)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard),
                                                    hard))


def create(application: Any, host: str, port: int, threads: int = 8) -> Any:
    """waitress's server of ``application`` on ``host``:``port``, the one way the portal is served (the command and
    the tests): anonymous bodies refused before waitress spools them (issue 68: ``limits.GatedParser``), and
    waitress's own refusal (a body declared past the limit) a portal page, not a line of English (issue 69)."""
    import waitress.server

    sockets: dict[Any, Any] = {}
    made = waitress.server.create_server(application, map=sockets, host=host, port=port, **waitress_options(threads))
    for dispatcher in sockets.values():  # the listening sockets create_server registered
        if isinstance(dispatcher, waitress.server.BaseWSGIServer):
            dispatcher.channel_class = _portal_channel()
    return made


@cache
def _portal_channel() -> type:
    """waitress's channel whose error task answers a 413 with the portal's page (both languages: no session is read)."""
    from waitress.task import ErrorTask

    from conformance.portal.limits import GatedChannel

    class RefusalTask(ErrorTask):  # type: ignore[misc]
        def execute(self) -> None:
            error = self.request.error
            if error.code != 413:
                super().execute()
                return
            body = too_large_page(int(getattr(self.request, "content_length", 0) or 0)).encode("utf-8")
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend([("Content-Type", "text/html; charset=utf-8"), *refusal_headers()])
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class PortalChannel(GatedChannel):
        """Anonymous bodies gated before spooling (issue 68), waitress's own refusals as portal pages (issue 69)."""

        error_task_class = RefusalTask

    return PortalChannel


def too_large_page(size: int) -> str:
    """The page of a body past the portal's limit, in Japanese and English."""
    from django.conf import settings
    from django.template.loader import render_to_string

    from conformance.portal.i18n import too_large

    limit = int(settings.MAX_REQUEST_BYTES)
    return render_to_string("portal/bare.html", {
        "key": "too_large", "status": 413, "ja": too_large(size, limit, "ja"), "en": too_large(size, limit, "en")})


def refusal_headers() -> list[tuple[str, str]]:
    """The headers every portal answer carries (hardening.SecurityHeadersMiddleware), for a page made outside Django."""
    from conformance.portal.hardening import CSP

    return [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY")]


def serve(host: str, port: int, threads: int = 8) -> None:
    """Serve the portal with waitress until interrupted."""
    from django.conf import settings

    from conformance.portal.wsgi import application

    open_files_for(int(settings.MAX_CONNECTIONS))  # waitress_options' connection_limit, which create() applies
    server = create(application, host, port, threads)
    server.print_listen("Serving on http://{}:{}")
    server.run()


def announce(host: str, port: int, password: str | None) -> None:
    """Where the portal is, and the first administrator's password (shown this once only)."""
    say = sys.stderr.write
    if password is not None:
        say(f"administrator created: user {ADMIN!r}, password {password}\n"
            "  (shown once; the first login asks for a new password)\n")
    say(f"conformance portal: http://{host}:{port}/\n")
    sys.stderr.flush()
