"""A pytest plugin for benchmarks/suite_time.py: each test's CPU (its process's and its reaped children's) and
wall seconds, written per pytest-xdist worker as JSON lines. Loaded with ``-p suite_time_plugin`` (the
benchmark puts this folder on PYTHONPATH); the test suite never loads it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Generator
from pathlib import Path

import pytest

#: Where the worker writes its rows: ``<SUITE_TIME_OUT>.<worker id>.jsonl``.
OUT_ENV = "SUITE_TIME_OUT"

_rows: list[dict[str, object]] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    before, wall = os.times(), time.perf_counter()
    try:
        return (yield)
    finally:
        after = os.times()
        _rows.append({
            "test": item.nodeid,
            "user": after.user - before.user, "system": after.system - before.system,
            "children": (after.children_user + after.children_system)
            - (before.children_user + before.children_system),
            "wall": time.perf_counter() - wall,
        })


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = os.environ.get(OUT_ENV)
    if not out:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _rows)
    Path(f"{out}.{worker}.jsonl").write_text(lines, "utf-8")
