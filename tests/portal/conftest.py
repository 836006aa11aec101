"""The portal's tests: Django configured once per process, over a fresh database.

SQLite in a temporary directory by default; ``CONFORMANCE_PORTAL_DATABASE`` (a postgresql:// URL,
set by test_postgres.py for the run it starts) puts the same tests on PostgreSQL.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portal_helpers

pytest.importorskip("django", reason="the portal extra is not installed (pip install -e '.[test]' installs it)")


@pytest.fixture(scope="session")
def portal_db() -> None:
    """Django set up and migrated (the home and secret key made for this process only)."""
    home = Path(tempfile.mkdtemp(prefix="portal-test-"))
    os.environ["CONFORMANCE_PORTAL_HOME"] = str(home)
    os.environ.setdefault("CONFORMANCE_PORTAL_SECRET_KEY", "test-only-" + "x" * 40)
    os.environ["CONFORMANCE_PORTAL_LOGIN_FAILURES"] = "3"
    from conformance.portal import server

    server.configure(None, None)
    server.migrate()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host allowed, e-mail kept in memory


@pytest.fixture
def world(portal_db: None, tmp_path: Path) -> portal_helpers.World:
    """Parties and accounts of this test."""
    return portal_helpers.world(tmp_path)


@pytest.fixture(scope="session")
def served(portal_db: None) -> Iterator[str]:
    """The portal served by waitress on a free loopback port, for this session."""
    from conformance.portal.limits import gated_server
    from conformance.portal.server import waitress_options
    from conformance.portal.wsgi import application

    server = gated_server(application, host="127.0.0.1", port=0, **waitress_options(threads=4))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
