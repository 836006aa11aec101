"""The test suite's time against the bars of docs/performance.md ("Eighth pass": the quick set under 90 s, the
whole suite under 8 minutes on 2 cores in the median of three runs; issue 22 first asked for 6 minutes).

Runs the suite as the README's test command does (``pytest -q -n auto``; ``--workers N`` for another number; the
scheduled set left out, as that command leaves it: tests/conftest.py), as CI runs it (``--ci``: the scheduled set in the
same session, ``CONFORMANCE_SCHEDULED=1`` as .ci/run sets it), or the quick set (``--quick``: the README's
``-m "not e2e and not slow and not defects"``), and prints:

- the wall seconds and pytest's outcome line;
- the machine's CPU over the run from /proc/stat (busy and idle core-seconds: what the run cost the machine,
  Chromium's renderers included, which no per-test figure sees: their processes are not reaped into the
  test's children);
- the CPU each part of the suite used, seen per test (its process's CPU and its reaped children's:
  ``benchmarks/suite_time_plugin.py``): the defect-group runs, the README's whole run, the run on another
  machine, the probes, the state machine's tests, then the largest files.

Nothing is asserted: the figures move 10-25 % between two runs of the same tree on a shared machine; compare
two trees side by side, not across days (docs/performance.md). Not part of the test run:

    python benchmarks/suite_time.py [--quick | --ci] [--workers N] [--top N] [-- PYTEST ARGS...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUICK = "not e2e and not slow and not defects"
#: The variable with which CI runs the scheduled set in the README's command's session (tests/conftest.py).
SCHEDULED_ENV = "CONFORMANCE_SCHEDULED"
#: The parts the notes of issue 22 follow, by the start of a test id (its file and name). The README's whole run
#: is made once a session (tests/sessions.py) and its CPU counted in the first test to ask for it: any of the tests
#: that read it (an earlier version of this list named none of them, and that run was counted among the files).
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("defect-group runs", ("tests/test_reference_run.py::test_each_group_of_defects",)),
    ("defect-group runs (scheduled)", ("tests/test_reference_run.py::test_each_scheduled_group_of_defects",)),
    ("the README's whole run, and the tests reading it", tuple(
        f"tests/{test}" for test in (
            "test_reference_run.py::test_clean_reference_fails_nothing",
            "test_reference_run.py::test_the_main_command_judges", "test_reference_run.py::test_report_names",
            "catalog/test_contract_coverage.py::test_every_", "reporting/test_report_e2e.py::test_no_name_address"))),
    ("the whole run on another machine (scheduled)", ("tests/test_reference_run.py::test_the_verdict_does_not",)),
    ("per-defect probes (scheduled)", ("tests/reference/test_reference_defects.py::test_a_scheduled_defect",)),
    ("per-defect probes", ("tests/reference/test_reference_defects.py::",)),
    ("state machine's tests", ("tests/domains/jumin/test_model_machine.py::",)),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--quick", action="store_true", help="the quick set only (README: tox -e quick)")
    chosen.add_argument("--ci", action="store_true", help="with the scheduled set, as .ci/run runs the suite")
    parser.add_argument("--workers", default="auto", help="pytest-xdist workers (the README's: auto)")
    parser.add_argument("--top", type=int, default=15, help="how many of the largest files to list")
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments (after --)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="suite-time-") as scratch:
        stem = Path(scratch) / "rows"
        # -rfE: pytest's short summary names each failed test (-q alone leaves it out here).
        command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-n", options.workers, "-p", "suite_time_plugin",
                   *(["-m", QUICK] if options.quick else []), *options.pytest_args]
        path = os.pathsep.join(filter(None, (str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH"))))
        environ = {**os.environ, "SUITE_TIME_OUT": str(stem), "PYTHONPATH": path}
        environ.pop(SCHEDULED_ENV, None)
        if options.ci:
            environ[SCHEDULED_ENV] = "1"
        before, wall = _proc_stat(), time.perf_counter()
        completed = subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True, check=False)
        wall, after = time.perf_counter() - wall, _proc_stat()
        rows = [json.loads(line) for path in sorted(Path(scratch).glob("rows.*.jsonl"))
                for line in path.read_text("utf-8").splitlines()]
    outcome = completed.stdout.strip().splitlines()[-1:] or ["(no output)"]
    print(f"{_which(options.quick, options.ci)}, -n {options.workers}: {wall:.0f} s wall; "
          f"exit {completed.returncode}: {outcome[0]}")
    for line in completed.stdout.splitlines():  # pytest's short summary: which tests failed, not only how many
        if line.startswith(("FAILED ", "ERROR ")):
            print(line[:300])
    if before is not None and after is not None:
        busy, idle = _busy_idle(before, after)
        print(f"machine CPU over the run (/proc/stat): {busy:.0f} s busy (of which {_kernel(before, after):.0f} s in "
              f"the kernel), {idle:.0f} s idle ({os.cpu_count()} cores)")
    _print_parts(rows, options.top)
    if completed.returncode not in (0, 1):
        print(completed.stdout[-3000:] + completed.stderr[-3000:], file=sys.stderr)
        sys.exit(completed.returncode)


def _which(quick: bool, ci: bool) -> str:
    if quick:
        return "quick set"
    return "whole suite with the scheduled set (CI)" if ci else "the README's test command"


def _proc_stat() -> list[int] | None:
    """The machine's CPU counters (clock ticks: user, nice, system, idle, iowait, irq, softirq, steal), or None
    where there is no /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text("ascii").splitlines()[0].split()
    except OSError:
        return None
    return [int(value) for value in fields[1:9]]


def _spent(before: list[int], after: list[int]) -> list[float]:
    """Seconds per counter of /proc/stat between two readings."""
    tick = os.sysconf("SC_CLK_TCK")
    return [(b - a) / tick for a, b in zip(before, after, strict=True)]


def _busy_idle(before: list[int], after: list[int]) -> tuple[float, float]:
    spent = _spent(before, after)
    idle = spent[3] + spent[4]
    return sum(spent) - idle, idle


def _kernel(before: list[int], after: list[int]) -> float:
    """Seconds the machine spent in the kernel (system, irq, softirq): where a syscall storm shows."""
    spent = _spent(before, after)
    return spent[2] + spent[5] + spent[6]


def _print_parts(rows: Iterable[dict[str, Any]], top: int) -> None:
    """CPU seconds (the test's process and its reaped children) per part, then per file for the rest."""
    parts: defaultdict[str, float] = defaultdict(float)
    files: defaultdict[str, float] = defaultdict(float)
    for row in rows:
        test = str(row["test"])
        cpu = float(row["user"]) + float(row["system"]) + float(row["children"])
        part = next((name for name, prefixes in PARTS if test.startswith(prefixes)), None)
        if part is not None:
            parts[part] += cpu
        else:
            files[test.split("::", 1)[0]] += cpu
    print(f"CPU seen per test: {sum(parts.values()) + sum(files.values()):.0f} s")
    for name, _ in PARTS:
        print(f"  {parts[name]:7.1f} s  {name}")
    largest = sorted(files.items(), key=lambda item: -item[1])
    for path, cpu in largest[:top]:
        print(f"  {cpu:7.1f} s  {path}")
    print(f"  {sum(cpu for _, cpu in largest[top:]):7.1f} s  the other {len(largest[top:])} files")


if __name__ == "__main__":
    main()
