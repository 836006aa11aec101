"""Issue 49, item 3: a program a profile names (``targets.load: {via: command}``) runs only with
``--allow-profile-commands``, within the profile's timeout, in a process group of its own that is
ended with it (a command that never returns, or leaves children, keeps nothing running)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conformance.cli import app
from conformance.errors import ProfileError, TargetError
from conformance.options import plugin_arguments
from conformance.profiles import load_profile
from conformance.session import TargetSession
from conformance.targets.command import CommandsNotAllowed, run_command

PROFILE = """\
name: x
product: x
version: "1"
claims: [{{domain: jumin, edition: "1.0"}}]
targets:
  load:
    via: command
    command: {command}
{extra}"""


def profile_file(tmp_path: Path, command: list[str], extra: str = "") -> Path:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE.format(command=command, extra=extra), "utf-8")
    return path


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, ended but not yet reaped by init, counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs once a SIGKILL sent to it had time to land (the kernel delivers it
    asynchronously: right after ``killpg`` the process may show as running for a moment)."""
    for _ in range(100):  # a bound, not a timed assertion: a process that was not killed stays running
        if not running(pid):
            return False
        time.sleep(0.05)
    return True


def test_a_run_refuses_a_profile_command_without_the_flag(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    profile = profile_file(tmp_path, ["touch", str(marker)])
    outcome = CliRunner().invoke(app, ["run", "--profile", str(profile), "--out", str(tmp_path / "out")])
    assert outcome.stderr.strip().splitlines() == [
        "error: targets.load.command: the profile would run the program 'touch' with your rights; give "
        "--allow-profile-commands to allow it (docs/security.md, \"Commands in a profile\")"]
    assert outcome.exit_code == 2
    assert not marker.exists() and not (tmp_path / "out" / "results.json").exists()


def test_the_session_itself_refuses_without_permission(tmp_path: Path) -> None:
    """The last line: a front end that did not check (a pytest run without the plugin's flag) still
    does not run the program."""
    marker = tmp_path / "ran"
    profile = load_profile(profile_file(tmp_path, ["touch", str(marker)]))
    session = TargetSession(profile, tmp_path / "work")
    with pytest.raises(CommandsNotAllowed, match="give --allow-profile-commands"):
        session._load_data(None)
    assert not marker.exists()


def test_an_allowed_command_runs(tmp_path: Path) -> None:
    copy = tmp_path / "loaded.csv"
    profile = load_profile(profile_file(tmp_path, ["cp", "{file}", str(copy)]))
    (tmp_path / "work").mkdir()  # a run's TargetSession gets it made
    session = TargetSession(profile, tmp_path / "work", allow_commands=True)
    session._load_data(None)
    assert copy.read_bytes() == (tmp_path / "work" / "migration.csv").read_bytes()


def test_the_flag_reaches_the_plugin() -> None:
    assert plugin_arguments({"allow-profile-commands": True}) == ["--conformance-allow-profile-commands"]
    assert plugin_arguments({"allow-profile-commands": False}) == []


def test_a_command_that_never_returns_is_ended_with_its_children(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    # The command starts a child that would outlive it, then never returns itself.
    script = f"sleep 600 & echo $! > {pids}; echo $$ >> {pids}; sleep 600"
    with pytest.raises(TargetError, match=r"^loading the test data: sh did not end within 0\.5 s "
                                          r"\(targets\.load\.timeout_seconds\); it was ended with its process group$"):
        run_command(["sh", "-c", script], 0.5)
    started = [int(line) for line in pids.read_text("ascii").split()]
    assert len(started) == 2 and not any(alive(pid) for pid in started)


def test_children_left_by_a_command_that_ended_are_ended(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    run_command(["sh", "-c", f"sleep 600 & echo $! > {pids}"], 60)
    assert not alive(int(pids.read_text("ascii")))


def test_a_failing_command_says_its_exit_and_the_end_of_its_errors() -> None:
    with pytest.raises(TargetError, match=r"^loading the test data: sh exited with 3: no such table$"):
        run_command(["sh", "-c", "echo no such table >&2; exit 3"], 60)


def test_a_missing_program_is_named() -> None:
    with pytest.raises(TargetError, match=r"^loading the test data: /no/such/loader: cannot be run \(No such file"):
        run_command(["/no/such/loader"], 60)


@pytest.mark.parametrize(("value", "words"), [("0", "greater than 0"), ("86400", "less than or equal to 3600")])
def test_the_timeout_is_bounded(tmp_path: Path, value: str, words: str) -> None:
    path = profile_file(tmp_path, ["true"], f"    timeout_seconds: {value}\n")
    with pytest.raises(ProfileError, match=f"targets.load.timeout_seconds.*{words}"):
        load_profile(path)


def test_the_default_timeout_is_five_minutes(tmp_path: Path) -> None:
    assert load_profile(profile_file(tmp_path, ["true"])).targets.load.timeout_seconds == 300


@pytest.fixture(autouse=True)
def _posix_only() -> None:
    if sys.platform == "win32" or not hasattr(os, "killpg"):  # pragma: no cover - the harness runs on POSIX
        pytest.skip("process groups are POSIX")
