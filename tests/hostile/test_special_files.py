"""Issue 49, item 1: a FIFO or a link to a device where the harness expects a file is refused by
its type, with one error line naming it and exit 2; it never blocks the command or reads without
end (before: `report verify` and `reference serve --data` waited for ever on a FIFO and read
/dev/zero until MemoryError).

Each command runs in a child process with an address-space limit and a time limit, so that a
regression fails the test (MemoryError, or the child killed) instead of hanging the suite or
filling the machine's memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.reporting.bundle import generate_keys

#: Address space of the child: the command needs far less; /dev/zero read whole needs more.
CHILD_ADDRESS_SPACE = 1536 << 20
#: Not a timed assertion: the bound after which a blocked child is ended (and the test fails).
GUARD_SECONDS = 120


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE))


def conformance(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "conformance", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=GUARD_SECONDS, check=False, preexec_fn=_limited, env=environment)


@pytest.fixture
def place(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "zero").symlink_to("/dev/zero")
    generate_keys(tmp_path / "keys")
    return tmp_path


KEY = "keys/evidence-signing-key.pub.pem"
CASES: list[tuple[list[str], str]] = [
    (["report", "verify", "fifo", "--key", KEY], "error: bundle: fifo: is a FIFO (named pipe), not a regular file"),
    (["report", "verify", "zero", "--key", KEY], "error: bundle: zero: is a character device, not a regular file"),
    (["reference", "serve", "--port", "0", "--data", "fifo"],
     "error: fifo:1: is a FIFO (named pipe), not a regular file"),
    (["reference", "serve", "--port", "0", "--data", "zero"],
     "error: zero:1: is a character device, not a regular file"),
]


IDS = [f"{args[0]}-{args[2] if args[0] == 'report' else args[-1]}" for args, _ in CASES]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=IDS)
def test_a_special_file_is_refused_by_type(place: Path, args: list[str], expected: str) -> None:
    outcome = conformance(*args, cwd=place)
    assert outcome.stderr.strip().splitlines() == [expected]
    assert outcome.returncode == 2


def test_report_bundle_refuses_a_profile_that_is_a_fifo(place: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))
    from report_helpers import document, result, write_results

    write_results(place / "run", document([result("jumin-1.0-3.4-R001", "PASS")]))
    outcome = conformance("report", "bundle", "run", "--profile", "fifo", cwd=place)
    assert outcome.stderr.strip().splitlines() == ["error: profile: fifo: is a FIFO (named pipe), not a regular file"]
    assert outcome.returncode == 2 and not (place / "run" / "evidence.zip").exists()
