"""Issue 49, item 5: the harness lives within the address space it is given (``ulimit -v``, or
``--memory-limit``): it sizes what reserves address space to it, refuses a limit it cannot start in,
and a MemoryError is one error line naming the limit.

The commands run in child processes: a limit set in the test process would bind the whole suite."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conformance.cli import app
from conformance.memory import MIN_ADDRESS_SPACE, parse_size, sized_environment
from tests.checks.test_files import japanese, to_text

#: Not a timed assertion: the bound after which a stuck child is ended (and the test fails).
GUARD_SECONDS = 300


def limited(size: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit


def conformance(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in sized_environment(1 << 40)}  # the sizing is the harness's to choose
    environment["PYTHONPATH"] = os.pathsep.join(sys.path)
    return subprocess.run([sys.executable, "-m", "conformance", *args], capture_output=True, text=True,
                          timeout=GUARD_SECONDS, check=False, env=environment,
                          preexec_fn=limited(limit) if limit is not None else None)


@pytest.mark.parametrize(("text", "size"), [("2G", 2 << 30), ("1536M", 1536 << 20), ("2GiB", 2 << 30),
                                            ("2147483648", 2 << 30), ("1.5g", 3 << 29)])
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_bad_size_is_one_error_line() -> None:
    outcome = CliRunner().invoke(app, ["--memory-limit", "2X", "catalog", "validate", "nothere"])
    assert outcome.stderr.strip().splitlines() == [
        "error: --memory-limit '2X': expected a size such as 2G, 1536M or 2147483648 (bytes)"]
    assert outcome.exit_code == 2


def test_under_a_limit_threads_and_reservations_are_sized() -> None:
    sized = sized_environment(2 << 30)
    threads = str(max(1, min(os.cpu_count() or 1, 4)))  # one per 512 MiB, at most one per core
    assert sized == {"MALLOC_ARENA_MAX": "2", "_RJEM_MALLOC_CONF": "retain:false,dirty_decay_ms:0,muzzy_decay_ms:0",
                     "POLARS_MAX_THREADS": threads, "RAYON_NUM_THREADS": threads, "NUMBA_NUM_THREADS": threads,
                     "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def test_a_limit_too_small_to_start_is_refused_by_name(tmp_path: Path) -> None:
    outcome = conformance("--memory-limit", "512M", "catalog", "validate", str(tmp_path))
    assert outcome.stderr.strip().splitlines() == [
        "error: --memory-limit is 512 MiB; the harness needs at least 1.0 GiB of address space (the libraries it "
        "loads reserve about 700 MiB): raise it"]
    assert outcome.returncode == 2


def test_so_is_a_ulimit_too_small(tmp_path: Path) -> None:
    outcome = conformance("catalog", "validate", str(tmp_path), limit=MIN_ADDRESS_SPACE - (1 << 20))
    assert outcome.stderr.strip().splitlines() == [
        "error: the address-space limit (ulimit -v) is 1023 MiB; the harness needs at least 1.0 GiB of address "
        "space (the libraries it loads reserve about 700 MiB): raise it"]
    assert outcome.returncode == 2


@pytest.mark.parametrize("how", ["ulimit", "option"])
def test_failing_rows_are_judged_within_the_limit(tmp_path: Path, how: str) -> None:
    """3,000 failing rows reserved 1.4 GiB of address space on two cores (glibc's arenas, jemalloc's
    retained mappings) for 190 MB resident: under 1.25 GiB polars aborted (SIGABRT, no message)."""
    path = tmp_path / "residents.csv"
    path.write_text(to_text([japanese(宛名番号="x") for _ in range(3000)]), "utf-8")
    size = 1280 << 20
    arguments = ["validate", str(path), "--layout", "residents_csv", "--out", str(tmp_path / "out")]
    if how == "ulimit":
        outcome = conformance(*arguments, limit=size)
    else:
        outcome = conformance("--memory-limit", "1280M", *arguments)
    assert outcome.returncode == 1, outcome.stderr[-2000:]
    assert "verdict: invalid" in outcome.stdout.strip().splitlines()  # then the next step (issue 48 item 6)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["junit.xml", "report.html", "results.json"]


def test_a_memory_error_is_one_line_naming_the_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import conformance.cli.catalog as catalog_cli
    from conformance import memory

    def exhausted(path: Path) -> list[object]:
        raise MemoryError

    monkeypatch.setattr(catalog_cli, "validate_path", exhausted)
    monkeypatch.setattr(memory, "prepare", lambda option: None)  # this process keeps its own sizing
    monkeypatch.setattr(memory, "address_space_limit", lambda: 2 << 30)
    outcome = CliRunner().invoke(app, ["catalog", "validate", str(tmp_path)])
    assert outcome.stderr.strip().splitlines() == [
        "error: out of memory: the command needed more than the address-space limit of 2.0 GiB allows (ulimit -v "
        "or --memory-limit); raise it, or give the work in smaller parts"]
    assert outcome.exit_code == 2


def test_the_pytest_plugin_reads_the_limit_too() -> None:
    """`pytest --conformance-*` (no `conformance` command in front) is sized and refused the same way."""
    environment = {key: value for key, value in os.environ.items() if key not in sized_environment(1 << 40)}
    environment["PYTHONPATH"] = os.pathsep.join(sys.path)
    outcome = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--conformance-domain", "kyotsu", "--collect-only",
         "-q", str(Path(__file__).resolve().parents[2] / "spec_catalog")],
        capture_output=True, text=True, timeout=GUARD_SECONDS, check=False, env=environment,
        preexec_fn=limited(MIN_ADDRESS_SPACE - (1 << 20)))
    expected = "ERROR: the address-space limit (ulimit -v) is 1023 MiB; the harness needs at least 1.0 GiB"
    assert expected in outcome.stderr
    assert outcome.returncode == 4  # pytest's usage error


def test_an_abort_for_want_of_memory_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    """polars aborts when an allocation fails (SIGABRT, no message): under a limit the command runs in a
    supervised child, and such a death is one line naming the command and the limit, exit 2."""
    from conformance import memory

    monkeypatch.setattr(memory, "address_space_limit", lambda: 2 << 30)  # the supervisor's own: the child's is 1G
    code = memory.supervise(["--memory-limit", "1G", "validate", "big.csv", "--layout", "residents_csv"],
                            program=[sys.executable, "-c", "import os; os.abort()"])
    assert code == 2
    assert capfd.readouterr().err.strip().splitlines()[-1] == (
        "error: out of memory: `conformance validate` needed more than the address-space limit of 1.0 GiB allows "
        "(ulimit -v or --memory-limit); raise it, or give the work in smaller parts (it ended with SIGABRT inside "
        "a native library; no output was left half-written)")


def test_the_supervised_command_keeps_its_exit_code_and_output(tmp_path: Path) -> None:
    outcome = conformance("--memory-limit", "2G", "catalog", "validate", str(tmp_path / "nothere"))
    assert outcome.returncode == 2
    assert outcome.stderr.strip().splitlines()[0].startswith(f"error: {tmp_path / 'nothere'}")


@pytest.mark.parametrize(("argv", "words"), [(["--memory-limit", "2G", "report", "verify", "b.zip"], "report verify"),
                                             (["validate", "f.csv", "--layout", "x"], "validate"),
                                             (["--debug", "catalog", "validate", "dir"], "catalog validate")])
def test_the_command_is_named_without_its_paths(argv: list[str], words: str) -> None:
    from conformance.memory import command_words

    assert command_words(argv) == words


def test_the_supervised_command_ends_with_its_supervisor(tmp_path: Path) -> None:
    """A supervisor killed outright (SIGKILL) leaves no command running."""
    import signal

    pid_file = tmp_path / "child"
    script = ("import os, sys; from conformance import memory; "
              f"memory.supervise([], program=[sys.executable, '-c', "
              f"\"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(600)\"])")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    supervisor = subprocess.Popen([sys.executable, "-c", script], env=environment)
    for _ in range(600):  # a bound, not a timed assertion: the child writes its pid as it starts
        if pid_file.exists() and pid_file.read_text("ascii"):
            break
        time.sleep(0.05)
    child = int(pid_file.read_text("ascii"))
    supervisor.send_signal(signal.SIGKILL)
    supervisor.wait()
    from tests.hostile.test_profile_commands import alive

    assert not alive(child)
