"""Item 5 of the hostile-inputs issue: outputs whole or absent, one run per output directory, and
the copies of vendor data private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.cli.run import LOCK_NAME, _prepare_out, _release_out
from conformance.errors import UsageError
from conformance.inputs import write_private
from conformance.profiles import ExportTarget
from conformance.targets.base import HttpResponse
from conformance.targets.exports import build_export_source


def test_a_second_run_into_a_locked_directory_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _prepare_out(out)
    try:
        (out / "results.json").write_text("{}", "utf-8")  # this run's, being written
        second = subprocess.run(
            [sys.executable, "-m", "conformance", "run", "--out", str(out)],
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert second.returncode == 2
        assert second.stderr.strip().splitlines() == [
            f"error: --out {out}: another conformance run is writing into it; wait for it to end or give another --out"
        ]
        assert (out / "results.json").read_text("utf-8") == "{}"  # the first run's output untouched
        with pytest.raises(UsageError, match="another run of this process"):
            _prepare_out(out)
    finally:
        _release_out(out)
    _prepare_out(out)  # released: the next run may start
    _release_out(out)
    assert (out / LOCK_NAME).exists() and not (out / "results.json").exists()


def test_the_work_directory_is_private(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "work").mkdir(parents=True)
    os.chmod(out / "work", 0o755)
    _prepare_out(out)
    _release_out(out)
    assert stat.S_IMODE((out / "work").stat().st_mode) == 0o700


class Client:
    base_url = "http://vendor.example"

    def request(self, method: str, path: str, **kwargs: object) -> HttpResponse:
        return HttpResponse(200, {"Content-Type": "text/csv"}, "宛名番号\n1\n".encode(), path)


def test_export_files_fetched_from_the_api_are_private(tmp_path: Path) -> None:
    source = build_export_source(ExportTarget(via="api", files={"residents_csv": "/exports/residents.csv"}),
                                 Client(), tmp_path / "work")
    fetched = source.fetch("residents_csv")
    assert stat.S_IMODE(fetched.path.stat().st_mode) == 0o600
    assert [p.name for p in fetched.path.parent.iterdir()] == [fetched.path.name]  # no temporary left


def test_write_private_leaves_nothing_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.csv"
    target.write_bytes(b"old, whole")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        write_private(target, b"new" * 1000)
    assert target.read_bytes() == b"old, whole"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.csv"]
