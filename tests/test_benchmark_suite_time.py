"""The pure parts of benchmarks/suite_time.py and its per-test plugin (no suite is run here)."""

from __future__ import annotations

import json
import os

import pytest
from benchmark_modules import load_benchmark

SUITE_TIME = load_benchmark("suite_time.py", "suite_time")
PLUGIN = load_benchmark("suite_time_plugin.py", "suite_time_plugin")


def test_busy_and_idle_are_the_counters_differences_in_seconds() -> None:
    tick = os.sysconf("SC_CLK_TCK")
    # user, nice, system, idle, iowait, irq, softirq, steal
    before = [0, 0, 0, 0, 0, 0, 0, 0]
    after = [30 * tick, 1 * tick, 9 * tick, 15 * tick, 5 * tick, 0, 2 * tick, 0]
    assert SUITE_TIME._busy_idle(before, after) == (42.0, 20.0)
    assert SUITE_TIME._kernel(before, after) == 11.0  # system and softirq (irq 0)


def test_each_tests_cpu_goes_to_its_part_or_its_file(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"test": "tests/test_reference_run.py::test_each_group_of_defects_fails_exactly_their_requirements[a+b]",
         "user": 3.0, "system": 1.0, "children": 0.0, "wall": 4.0},
        {"test": "tests/test_reference_run.py::test_the_verdict_does_not_depend_on_the_machine",
         "user": 0.5, "system": 0.0, "children": 150.0, "wall": 140.0},
        {"test": "tests/test_reference_run.py::test_an_unknown_defect_is_a_usage_error",
         "user": 0.25, "system": 0.0, "children": 2.0, "wall": 2.5},
        {"test": "tests/test_reference_run.py::test_clean_reference_fails_nothing", "user": 0.0, "system": 0.0,
         "children": 0.0, "wall": 0.1},
        {"test": "tests/test_cli.py::test_one", "user": 1.0, "system": 0.0, "children": 0.0, "wall": 1.0},
        {"test": "tests/test_cli.py::test_two", "user": 2.0, "system": 0.5, "children": 0.0, "wall": 2.5},
    ]
    SUITE_TIME._print_parts(rows, top=1)
    assert capsys.readouterr().out.splitlines() == [
        "CPU seen per test: 160 s",
        "      4.0 s  defect-group runs",
        "      0.0 s  defect-group runs (scheduled)",
        "      0.0 s  the README's whole run, and the tests reading it",
        "    150.5 s  the whole run on another machine (scheduled)",
        "      0.0 s  per-defect probes (scheduled)",
        "      0.0 s  per-defect probes",
        "      0.0 s  state machine's tests",
        "      3.5 s  tests/test_cli.py",
        "      2.2 s  the other 1 files",
    ]


def test_the_plugin_writes_a_row_per_test(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_sample="def test_spins():\n    sum(range(200_000))\n\ndef test_nothing():\n    pass\n")
    monkeypatch.setenv(PLUGIN.OUT_ENV, str(pytester.path / "rows"))
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    pytester.runpytest(plugins=[PLUGIN]).assert_outcomes(passed=2)
    rows = [json.loads(line) for line in (pytester.path / "rows.main.jsonl").read_text("utf-8").splitlines()]
    assert [row["test"] for row in rows] == ["test_sample.py::test_spins", "test_sample.py::test_nothing"]
    assert all(row["user"] >= 0 and row["system"] >= 0 and row["children"] >= 0 and row["wall"] > 0 for row in rows)
