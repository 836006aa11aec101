"""A program a profile names (``targets.load: {via: command}``), run only when the user allows it.

A profile is the vendor's file that a municipality runs: a program named there runs with the
user's rights. So it runs only with ``--allow-profile-commands`` (``conformance run``; the plugin's
``--conformance-allow-profile-commands``), never with a shell, within ``targets.load.timeout_seconds``,
and in a process group of its own: at the deadline, and in any case when the run ends, the whole
group is ended (a command that started children, or that never returns, keeps nothing running).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from conformance.errors import TargetError, UsageError

if TYPE_CHECKING:
    from conformance.profiles import Profile

#: The command line flag that allows a profile's commands.
ALLOW_FLAG = "--allow-profile-commands"
#: Seconds between asking the group to end (SIGTERM) and ending it (SIGKILL).
GRACE_SECONDS = 5.0
#: Bytes of the command's error output shown in the error (its last ones).
SHOWN_STDERR_BYTES = 400


class CommandsNotAllowed(UsageError):
    """A profile names a program to run and the user did not allow it."""


def check_allowed(argv: Sequence[str], allowed: bool) -> None:
    """A :class:`CommandsNotAllowed` naming the field, the program and the flag, unless ``allowed``."""
    if not allowed and argv:
        raise CommandsNotAllowed(
            f"targets.load.command: the profile would run the program {argv[0]!r} with your rights; "
            f"give {ALLOW_FLAG} to allow it (docs/security.md, \"Commands in a profile\")")


def check_profile_commands(profile: Profile, allowed: bool) -> None:
    """Refuse, before anything starts, a profile that would run a program (``targets.load: {via:
    command}``) when the user did not allow it: :class:`CommandsNotAllowed` names the program and
    the flag (exit 2)."""
    if profile.targets.load.via == "command":
        check_allowed(profile.targets.load.command, allowed)


def end_group(process: subprocess.Popen[bytes]) -> None:
    """End the command's process group: SIGTERM, then SIGKILL after :data:`GRACE_SECONDS`."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sent)
        try:
            process.wait(GRACE_SECONDS)
            if sent == signal.SIGTERM:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)  # the leader ended; its children go too
            return
        except subprocess.TimeoutExpired:
            continue


def run_command(argv: Sequence[str], timeout: float, what: str = "loading the test data") -> None:
    """Run ``argv`` (no shell) in its own process group within ``timeout`` seconds; a TargetError
    says what went wrong (not found, the deadline, a non-zero exit with the end of its stderr).
    Standard output is discarded and standard error goes to a temporary file, not a pipe: a child
    that outlives the command would hold a pipe open, and the harness would wait on it."""
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=errors, start_new_session=True)
        except OSError as error:
            raise TargetError(f"{what}: {argv[0]}: cannot be run ({error.strerror or error})") from None
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TargetError(f"{what}: {argv[0]} did not end within {timeout:g} s "
                              "(targets.load.timeout_seconds); it was ended with its process group") from None
        finally:
            end_group(process)  # at the deadline, on an interrupt, and after it ended: its children too
        if code != 0:
            errors.seek(max(0, errors.seek(0, os.SEEK_END) - SHOWN_STDERR_BYTES))
            tail = errors.read().decode("utf-8", "replace").strip()
            raise TargetError(f"{what}: {argv[0]} exited with {code}" + (f": {tail}" if tail else ""))
