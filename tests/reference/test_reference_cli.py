"""``conformance reference``: the sub-app on its own (the main CLI mounts it)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from typer.testing import CliRunner

from conformance.cli.reference import reference_app
from conformance.testdata.migration import write_migration
from conformance.testdata.town import default_town
from conformance_reference.defects import DEFECTS

runner = CliRunner()
#: Runs the sub-app as a program, so ``serve`` can be started and interrupted like a user would.
PROGRAM = "from conformance.cli.reference import reference_app; reference_app(prog_name='reference')"


def test_defects_json_is_the_list_and_nothing_else() -> None:
    result = runner.invoke(reference_app, ["defects", "--json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [entry["name"] for entry in document] == list(DEFECTS)
    for entry in document:
        assert set(entry) == {"name", "description", "requirements"}
        assert entry["requirements"] == list(DEFECTS[entry["name"]].requirements)


def test_defects_as_text() -> None:
    result = runner.invoke(reference_app, ["defects"])
    assert result.exit_code == 0
    for name, defect in DEFECTS.items():
        assert name in result.stdout and defect.requirements[0] in result.stdout


def test_serve_rejects_an_unknown_defect() -> None:
    result = runner.invoke(reference_app, ["serve", "--port", "0", "--defect", "cp932_exprt"])
    assert result.exit_code == 2
    assert "unknown defect 'cp932_exprt'; did you mean 'cp932_export'?" in result.stderr


def test_serve_rejects_a_bad_migration_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\r\n", encoding="utf-8")
    result = runner.invoke(reference_app, ["serve", "--port", "0", "--data", str(bad)])
    assert result.exit_code == 2
    assert "wrong header: missing columns: 宛名番号" in result.stderr


def test_serve_reports_a_port_in_use() -> None:
    from conformance.embedded import start_reference

    with start_reference(rows=default_town()[:3]) as running:
        port = running.url.rsplit(":", 1)[1].split("/")[0]
        result = runner.invoke(reference_app, ["serve", "--port", port])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def _as_from_a_terminal() -> None:
    """The server's Ctrl-C as a terminal delivers it, whatever the test's process inherited: a process that blocks
    SIGINT (or ignores it) passes that on to its children, and the server then never sees the signal (the whole
    suite hung here for 60 s, never the test alone; a pytest started with SIGINT blocked does so every time)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _said(process: subprocess.Popen[str], first: str) -> str:
    """What a server that did not print its URL first said (it is stopped): shown by the failing assertion."""
    process.kill()
    rest, errors = process.communicate(timeout=60)
    return f"first line {first!r}; then {rest[-1000:]!r}; stderr {errors[-3000:]!r}"


def test_serve_prints_the_url_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    data = tmp_path / "town.csv"
    rows = default_town()[:7]
    write_migration(rows, data)
    process = subprocess.Popen(
        [sys.executable, "-c", PROGRAM, "serve", "--port", "0", "--data", str(data), "--defect", "openapi_violation"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_as_from_a_terminal,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api/v1"), _said(process, url)
        page = requests.get(url + "/residents", params={"limit": "100"}, timeout=60).json()
        assert [doc["宛名番号"] for doc in page["residents"]] == [row["宛名番号"] for row in rows]
        assert all("内部ID" in doc for doc in page["residents"])
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=60)
        assert process.stderr is not None
        said = process.stderr.read()
        assert code == 0 and "serving 7 residents in " in said, (code, said[-3000:])
    finally:
        process.kill()
        process.wait()
