"""The portal on a real PostgreSQL server: a throwaway cluster (initdb, pg_ctl) started for this
test, the same migrations applied, and the portal's tests run again against it in a pytest
subprocess: the browser's flows (every step of the issue's list), the attacks of issue 47, the access
rule's matrix, and a check that the database really is PostgreSQL.

Debian's postgresql package gives initdb and pg_ctl (.ci/run installs it). PostgreSQL refuses to
run as root: as root (CI) the cluster runs as the ``postgres`` (or ``nobody``) account through
``runuser``."""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
HERE = Path(__file__).resolve().parent


def binary(name: str) -> str:
    """A PostgreSQL server program; skipped when absent on a developer's machine, a failure in CI."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: .ci/run installs Debian's postgresql before the tests")
        pytest.skip(f"{name} is not installed (apt-get install postgresql); CI installs it")
    return found


def as_server_user(command: list[str]) -> list[str]:
    """``command`` run as an unprivileged account when this process is root."""
    if os.geteuid() != 0:
        return command
    account = next(name for name in ("postgres", "nobody") if _exists(name))
    return ["runuser", "-u", account, "--", *command]


def _exists(account: str) -> bool:
    try:
        pwd.getpwnam(account)
    except KeyError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A running throwaway cluster; its URL (database ``portal``, user ``portal``, trust on loopback)."""
    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    directory = Path(tempfile.mkdtemp(prefix="portal-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam(next(name for name in ("postgres", "nobody") if _exists(name)))
        os.chown(directory, account.pw_uid, account.pw_gid)
    data, port = directory / "data", free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(as_server_user([initdb, "-D", str(data), "-U", "portal", "-A", "trust", "-E", "UTF8",
                                   "--no-locale"]), **run)  # type: ignore[call-overload]
    subprocess.run(as_server_user([pg_ctl, "-D", str(data), "-w", "-l", str(directory / "log"), "-o",
                                   f"-h 127.0.0.1 -p {port} -k {directory} -F", "start"]), **run)  # type: ignore[call-overload]
    try:
        import psycopg

        with psycopg.connect(f"postgresql://portal@127.0.0.1:{port}/postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE portal")
        yield f"postgresql://portal@127.0.0.1:{port}/portal"
    finally:
        subprocess.run(as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), check=False,
                       capture_output=True, timeout=60)
        shutil.rmtree(directory, ignore_errors=True)


#: Run again on PostgreSQL: the browser's flows, the attacks (issue 47), the access rule's matrix and the
#: pages' query counts and stored states at scale (issue 51).
ON_POSTGRESQL = ("test_browser.py", "test_security_attacks.py", "test_access_matrix.py", "test_scale.py")


def test_the_portals_tests_pass_on_postgresql(postgres: str) -> None:
    environment = {**os.environ, "CONFORMANCE_PORTAL_DATABASE": postgres}
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "-p", "no:randomly",
         *(str(HERE / name) for name in ON_POSTGRESQL)],
        env=environment, capture_output=True, text=True, timeout=1200, check=False)
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    passed = re.search(r"(\d+) passed", completed.stdout)
    assert passed is not None and int(passed.group(1)) >= 150, completed.stdout[-2000:]
    assert "skipped" not in completed.stdout and "failed" not in completed.stdout
