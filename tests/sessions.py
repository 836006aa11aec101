"""Work done once per test session and shared by every pytest-xdist worker (a whole run, say)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest


def once_per_session(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
                     make: Callable[[Path], str]) -> tuple[Path, str]:
    """``make(directory)`` once for the whole test session, also under pytest-xdist: the first
    worker to ask makes it in the session's shared directory, the others wait for it and read the
    same directory. ``make`` returns a short outcome text (an exit code, say) every caller gets back."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    directory, done = shared / name, shared / f"{name}.done"
    try:
        directory.mkdir()
    except FileExistsError:
        deadline = time.monotonic() + 1800
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
    else:
        try:
            outcome = make(directory)
        except Exception as error:  # the waiting workers must learn it too
            outcome = f"crashed: {error!r}"
        done.write_text(outcome, "utf-8")
    if not done.exists():
        pytest.fail(f"{name}: another worker did not finish it within 30 minutes")
    return directory, done.read_text("utf-8")
