"""`conformance run --profile` against a vendor the harness did not start, and an unreachable one."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.embedded import start_reference

PROFILE = """\
name: other-vendor
product: a vendor the harness did not start
version: '2.3'
claims:
- domain: jumin
  edition: '1.0'
targets:
  api:
    base_url: {url}
  exports:
    via: api
    files:
      residents_csv: /exports/residents.csv
    test_municipalities:
      '229997': 見本町   # the harness's fictional test town, loaded into this vendor
  load:
    via: http
    path: /admin/migration
    append_path: /admin/residents
"""


def run(profile: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conformance", "run", "--profile", str(profile), "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=900,
    )


@pytest.mark.e2e
def test_a_profile_runs_the_same_suite_against_any_vendor(tmp_path: Path) -> None:
    with start_reference() as running:
        profile = tmp_path / "vendor.yaml"
        profile.write_text(PROFILE.format(url=running.url), encoding="utf-8")
        completed = run(profile, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert completed.returncode == 3, completed.stderr[-3000:]  # incomplete: most of 住民記録 is not automated
    assert document["verdict"] == "incomplete"
    assert document["summary"]["FAIL"] == document["summary"]["ERROR"] == 0
    assert document["profile"] == {"name": "other-vendor", "product": "a vendor the harness did not start",
                                   "version": "2.3"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.e2e
def test_an_unreachable_vendor_stops_the_run_with_one_message_and_not_run(tmp_path: Path) -> None:
    port = free_port()
    profile = tmp_path / "vendor.yaml"
    profile.write_text(PROFILE.format(url=f"http://127.0.0.1:{port}/api/v1"), encoding="utf-8")
    completed = run(profile, tmp_path / "out")
    assert completed.returncode == 4, completed.stderr  # not_run
    output = (completed.stdout + completed.stderr).strip().splitlines()
    assert len(output) <= 10, output  # the verdict, the stop, the seeds judged with (issue 65), the outputs, next
    stopped = [line for line in output if line.startswith("stopped: ")]
    assert len(stopped) == 1 and f"127.0.0.1:{port}" in stopped[0] and "connection refused" in stopped[0]
    assert "Traceback" not in completed.stdout + completed.stderr
    document = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert document["verdict"] == "not_run"
    assert document["error"].startswith("the vendor system could not be reached or opened: ")
    assert f"http://127.0.0.1:{port}/api/v1 is running" in document["error"]
    # The run stopped at the first requirement that needed the vendor: one ERROR, the rest not judged.
    assert [r["status"] for r in document["results"]].count("ERROR") == 1
    assert document["scope"]["partial"] is True


def test_a_bad_profile_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    profile = tmp_path / "vendor.yaml"
    profile.write_text(PROFILE.format(url="ftp://x").replace("claims:", "claim:"), encoding="utf-8")
    completed = run(profile, tmp_path / "out")
    assert completed.returncode == 2
    output = completed.stdout + completed.stderr
    assert "vendor.yaml:4: unknown field 'claim'; allowed fields: name, product, version, claims" in output
    assert "did you mean 'claims'?" in output
    assert "vendor.yaml:9: targets.api.base_url: the scheme must be http or https, not 'ftp'" in output


def run_in_process(profile_text: str, directory: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    """``conformance run --profile vendor.yaml`` in this process, from ``directory`` (so files are
    named as the user typed them): the exit code and the lines on stderr. For runs the harness must
    stop before anything starts."""
    from typer.testing import CliRunner

    from conformance.cli import app

    (directory / "vendor.yaml").write_text(profile_text, encoding="utf-8")
    monkeypatch.chdir(directory)
    result = CliRunner().invoke(app, ["run", "--profile", "vendor.yaml", "--out", "out"])
    return result.exit_code, result.stderr.strip().splitlines()


def test_an_unset_secret_variable_is_a_profile_error_not_an_unreachable_vendor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27, item 1: it stopped with exit 4 'the vendor system could not be reached'."""
    monkeypatch.delenv("VENDOR_SECRET_NEVER_SET_27", raising=False)
    monkeypatch.setenv("VENDOR_CLIENT_NEVER_SET_27", "")
    auth = ("    auth:\n      env: VENDOR_SECRET_NEVER_SET_27\n      oauth2:\n        token_url: /oauth2/token\n"
            "        client_id_env: VENDOR_CLIENT_NEVER_SET_27\n")
    text = PROFILE.format(url=f"http://127.0.0.1:{free_port()}/api/v1").replace("  exports:\n", auth + "  exports:\n")
    code, lines = run_in_process(text, tmp_path, monkeypatch)
    assert (code, lines) == (2, [
        "error: vendor.yaml:11: targets.api.auth.env: environment variable VENDOR_SECRET_NEVER_SET_27 is not set: "
        "set it before the run (docs/profiles.md)",
        "error: vendor.yaml:14: targets.api.auth.oauth2.client_id_env: environment variable "
        "VENDOR_CLIENT_NEVER_SET_27 is empty: set it before the run (docs/profiles.md)",
    ])
    assert not (tmp_path / "out" / "results.json").exists()


def test_credentials_refused_at_load_say_so_not_is_it_running(tmp_path: Path) -> None:
    """Issue 27, item 4: a 401 while loading the test data said "check that ... is running"."""
    import http.server
    import threading

    class Refusing(http.server.BaseHTTPRequestHandler):
        def _refuse(self) -> None:
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = _refuse

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        profile = tmp_path / "vendor.yaml"
        auth = "    auth:\n      env: VENDOR_TOKEN_27\n"
        url = f"http://127.0.0.1:{server.server_address[1]}/api/v1"
        profile.write_text(PROFILE.format(url=url).replace("  exports:\n", auth + "  exports:\n"), encoding="utf-8")
        completed = subprocess.run(
            [sys.executable, "-m", "conformance", "run", "--profile", str(profile), "--out", str(tmp_path / "out")],
            capture_output=True, text=True, check=False, timeout=900,
            env={**os.environ, "VENDOR_TOKEN_27": "wrong-token"},
        )
    finally:
        server.shutdown()
    assert completed.returncode == 4, completed.stderr
    error = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))["error"]
    assert error == ("the vendor system refused the harness's credentials: loading the test data: POST "
                     "/admin/migration answered 401. Check the profile's targets.api.auth (the secret in "
                     f"VENDOR_TOKEN_27) and that {url} lets this client in.")
    assert "wrong-token" not in completed.stdout + completed.stderr


def test_a_misspelled_driver_operation_is_a_profile_error_with_did_you_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27, item 2: `moves.inn` was accepted and 232 requirements became NOT_AUTOMATED."""
    driver = "  driver:\n    operations:\n    - moves.in\n    - moves.inn\n"
    code, lines = run_in_process(PROFILE.format(url=f"http://127.0.0.1:{free_port()}/api/v1") + driver, tmp_path,
                                 monkeypatch)
    assert (code, lines) == (2, [
        "error: vendor.yaml:23: targets.driver.operations[1]: unknown driver operation 'moves.inn' of the claimed "
        "editions; did you mean 'moves.in'?"])
    assert not (tmp_path / "out" / "results.json").exists()


def test_a_misspelled_api_operation_is_a_profile_error_with_did_you_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 64: an API operation the profile declares must be one the harness calls, or its checks would be
    NOT_AUTOMATED without a word."""
    url = f"http://127.0.0.1:{free_port()}/api/v1"
    api = f"    base_url: {url}\n    operations:\n    - get_resident\n    - get_histroy\n"
    code, lines = run_in_process(PROFILE.format(url=url).replace(f"    base_url: {url}\n", api), tmp_path,
                                 monkeypatch)
    assert code == 2 and len(lines) == 1
    assert lines[0].startswith("error: vendor.yaml:12: targets.api.operations[1]: unknown API operation "
                               "'get_histroy' of the claimed editions; did you mean 'get_history'?; known: ")
    assert "get_qualifications" in lines[0] and "issue_form_data" in lines[0]
    assert not (tmp_path / "out" / "results.json").exists()


def test_a_profile_error_found_where_the_profile_is_used_gets_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conformance.errors import ProfileError
    from conformance.profiles import located

    (tmp_path / "vendor.yaml").write_text(PROFILE.format(url="http://127.0.0.1:9/api/v1"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    path = Path("vendor.yaml")
    message = "targets.exports.files.residents_csv: 'x' is wrong"
    assert str(located(ProfileError(message), path)) == f"vendor.yaml:13: {message}"
    # An index, and a field the file does not have: the line of its closest parent.
    assert str(located(ProfileError("targets.load.via[0]: x"), path)) == "vendor.yaml:17: targets.load.via[0]: x"
    assert str(located(ProfileError("targets.nothing.here: x"), path)) == "vendor.yaml:7: targets.nothing.here: x"
    assert str(located(ProfileError("vendor.yaml:3: x"), path)) == "vendor.yaml:3: x"  # already located


def test_a_broken_scenario_file_stops_the_run_whatever_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27, item 3: an unknown matcher kind made its requirements 'not verified' (exit 3, and 0
    with --gate no-failures); a catalog error is the user's input: exit 2, file and line."""
    import shutil

    from typer.testing import CliRunner

    from conformance.cli import app

    shutil.copytree(Path(__file__).resolve().parents[1] / "spec_catalog", tmp_path / "catalog")
    scenarios = tmp_path / "catalog" / "jumin" / "1.0" / "scenarios" / "01-items-jiyu.yaml"
    text = scenarios.read_text("utf-8")
    line = text[: text.index("  - matcher: accepted")].count("\n") + 1
    scenarios.write_text(text.replace("  - matcher: accepted", "  - matcher: acepted", 1), encoding="utf-8")
    (tmp_path / "vendor.yaml").write_text(PROFILE.format(url=f"http://127.0.0.1:{free_port()}/api/v1"), "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", "--profile", "vendor.yaml", "--catalog", "catalog",
                                      "--gate", "no-failures", "--out", "out"])
    assert (result.exit_code, result.stderr.strip().splitlines()) == (2, [
        f"error: catalog/jumin/1.0/scenarios/01-items-jiyu.yaml:{line}: scenarios[0].expect[0].matcher: unknown kind "
        "'acepted'; allowed kinds: equals, absent, present, date, accepted, not_found, error, alert, history_appended, "
        "history_unchanged, order, contains, oracle, person_items, printed; did you mean 'accepted'?"])
    assert not (tmp_path / "out" / "results.json").exists()
