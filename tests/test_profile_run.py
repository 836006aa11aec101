"""`conformance run --profile` against a vendor the harness did not start, and an unreachable one."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from conformance.reference.server import start_reference

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


def test_an_unreachable_vendor_stops_the_run_with_one_message_and_not_run(tmp_path: Path) -> None:
    port = free_port()
    profile = tmp_path / "vendor.yaml"
    profile.write_text(PROFILE.format(url=f"http://127.0.0.1:{port}/api/v1"), encoding="utf-8")
    completed = run(profile, tmp_path / "out")
    assert completed.returncode == 4, completed.stderr  # not_run
    output = (completed.stdout + completed.stderr).strip().splitlines()
    assert len(output) < 10, output
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
