"""`conformance portal` on a fresh home: migrations applied, the administrator created on the
first start with its password printed once (and working), not again on the next start."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(home: Path, port: int) -> tuple[subprocess.Popen[str], str]:
    """Start the portal; its stderr up to the line saying where it serves."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONFORMANCE_PORTAL_")}
    process = subprocess.Popen([sys.executable, "-m", "conformance", "portal", "--home", str(home), "--port",
                                str(port)], stderr=subprocess.PIPE, text=True, env=environment)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line)
        if "conformance portal: http" in line:
            break
    return process, "".join(lines)


def wait_for(url: str) -> requests.Response:
    for _ in range(100):
        try:
            return requests.get(url, timeout=5)
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"{url}: nobody answers")


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_first_start_creates_the_administrator_once(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    home.mkdir(mode=0o755)  # a --home that exists already, open to others: the portal's files stay private
    process, said = start(home, port)
    try:
        password = re.search(r"user 'admin', password (\S+)", said)
        assert password is not None, said
        session = requests.Session()
        login = wait_for(f"http://127.0.0.1:{port}/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
        assert token is not None
        session.cookies.update(login.cookies)
        answer = session.post(f"http://127.0.0.1:{port}/login/", data={
            "username": "admin", "password": password.group(1), "csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": f"http://127.0.0.1:{port}/login/"}, timeout=10)
        # The printed password only opens the password change: the console and its logs keep it.
        assert answer.url == f"http://127.0.0.1:{port}/password/"
        assert session.get(f"http://127.0.0.1:{port}/", timeout=10).url.endswith("/password/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text)
        assert token is not None
        new = "the administrator's own passphrase 3"
        changed = session.post(f"http://127.0.0.1:{port}/password/", data={
            "old_password": password.group(1), "new_password1": new, "new_password2": new,
            "csrfmiddlewaretoken": token.group(1)}, headers={"Referer": f"http://127.0.0.1:{port}/password/"},
            timeout=30)
        assert changed.url == f"http://127.0.0.1:{port}/" and "適合確認ポータル" in changed.text
    finally:
        stop(process)
    for name in ("secret_key", "portal.sqlite3"):
        assert (home / name).stat().st_mode & 0o077 == 0, name
    process, said = start(home, port)
    stop(process)
    assert "password" not in said
