"""Item 6 of the hostile-inputs issue: every CLI error is one ``error:`` line naming the input and
what to do, with exit 2; no traceback and no "internal error"."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conformance.cli import app
from conformance.cli import run as run_module
from conformance.cli.run import RunOptions, run_suite
from conformance.errors import UsageError


@pytest.fixture
def place(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "afile").write_text("x", "utf-8")
    (tmp_path / "bad.json").write_text('{"results": 5}', "utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    return tmp_path


CASES: list[tuple[list[str], str]] = [
    (["report", "diff", "bad.json", "deep.json"], "error: bad.json: not a results.json the harness wrote"),
    (["report", "diff", "fifo", "bad.json"], "error: fifo: is a FIFO (named pipe), not a regular file"),
    (["report", "diff", "nothere.json", "bad.json"], "error: nothere.json: cannot be read"),
    (["report", "merge", "deep.json", "--out", "m"], "error: deep.json: JSON nested deeper than 64 levels"),
    (["report", "keygen", "--out", "afile"], "error: --out afile: cannot write the key pair there"),
    (["report", "verify", "fifo", "--key", "fifo"], "error: fifo: is a FIFO (named pipe), not a regular file"),
    (["report", "sign", "afile", "--key", "afile"], "error: afile: not a readable PEM private key"),
    (["catalog", "validate", "fifo"], "error: fifo: is a FIFO (named pipe), not a regular file"),
    (["catalog", "openapi", "--domain", "jumin", "--out", "nodir/x.json"],
     "error: --out nodir/x.json: cannot be written"),
    (["catalog", "schema", "--out", "afile"], "error: --out afile: cannot write the schemas there"),
    (["reference", "serve", "--port", "99999"], "error: --port 99999: a port is a number from 1 to 65535"),
    (["run", "--domain", "no_such", "--out", "o"], "error: --domain 'no_such': no such domain"),
    (["run", "--out", "afile"], "error: --out afile: exists and is not a directory"),
    (["run", "--profile", "fifo", "--out", "o"], "error: --profile: fifo: is a FIFO (named pipe), not a regular file"),
]


@pytest.mark.parametrize(("args", "start"), CASES, ids=[" ".join(args[:3]) for args, _ in CASES])
def test_bad_input_is_one_error_line_and_exit_2(place: Path, monkeypatch: pytest.MonkeyPatch,
                                                args: list[str], start: str) -> None:
    monkeypatch.chdir(place)
    outcome = CliRunner().invoke(app, args)
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), outcome.stderr
    assert outcome.exit_code == 2
    assert "Traceback" not in outcome.output and "internal error" not in outcome.stderr


def test_a_full_disk_leaves_no_half_written_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fills_the_disk(options: RunOptions, product: str, version: str, out: Path, console: object) -> int:
        (out / "junit.xml").write_text("<testsuites><testsuite", "utf-8")  # pytest cut mid-write
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run_module, "_run_locked", fills_the_disk)
    out = tmp_path / "out"
    with pytest.raises(UsageError, match=r"No space left on device while writing the run's outputs"):
        run_suite(RunOptions(profile=None, domains=[], out=out, catalog=None, extra=[]))
    assert not (out / "junit.xml").exists()
    run_module._prepare_out(out)  # the lock was released
    run_module._release_out(out)
