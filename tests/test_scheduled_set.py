"""The scheduled set (tests/scheduled.py, applied by tests/conftest.py): left out of the README's test command and
said so, kept by CI's session (``CONFORMANCE_SCHEDULED``) and by ``-m scheduled``; every entry names a test that
exists."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from scheduled import BUDGET_FLOOR, SCHEDULED, SCHEDULED_ENV, budget

ROOT = Path(__file__).resolve().parents[1]
#: A scheduled file with few tests: collected only (nothing runs), in a pytest of its own.
SAMPLE = "tests/portal/test_postgres.py"


def collect(*args: str, scheduled: bool) -> subprocess.CompletedProcess[str]:
    environ = {key: value for key, value in os.environ.items() if key != SCHEDULED_ENV}
    if scheduled:
        environ[SCHEDULED_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-n", "0",
                           *args], cwd=ROOT, env=environ, capture_output=True, text=True, check=False, timeout=300)


def test_the_readme_command_leaves_the_set_out_and_says_so() -> None:
    left_out = collect(SAMPLE, scheduled=False)
    assert "no tests collected (5 deselected)" in left_out.stdout, left_out.stdout[-2000:]
    assert "the scheduled set (tests marked scheduled" in left_out.stdout
    assert "was not run: CI runs it" in left_out.stdout


@pytest.mark.parametrize(("args", "scheduled"), [((), True), (("-m", "scheduled"), False)], ids=["ci", "alone"])
def test_ci_and_the_marker_keep_it(args: tuple[str, ...], scheduled: bool) -> None:
    kept = collect(*args, SAMPLE, scheduled=scheduled)
    assert "5 tests collected" in kept.stdout, kept.stdout[-2000:]
    assert "was not run" not in kept.stdout


def test_a_session_without_a_scheduled_test_says_nothing_of_it() -> None:
    other = collect("tests/test_seeds.py", scheduled=False)
    assert "deselected" not in other.stdout and "scheduled set" not in other.stdout, other.stdout[-2000:]


@pytest.mark.parametrize("entry", SCHEDULED)
def test_each_entry_names_a_test_that_exists(entry: str) -> None:
    path, _, name = entry.partition("::")
    name = name.split("[", 1)[0]  # a parametrized test's case: its function
    module = ROOT / path
    assert module.is_file(), entry
    functions = {node.name for node in ast.walk(ast.parse(module.read_text("utf-8")))
                 if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}
    assert functions if not name else name in functions, entry


def test_the_readme_command_draws_a_quarter_of_a_named_budget_and_ci_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SCHEDULED_ENV, raising=False)
    assert [budget(n) for n in (1, 10, 30, 40, 60, 300)] == [1, 10, 10, 10, 15, 75]
    monkeypatch.setenv(SCHEDULED_ENV, "1")
    assert [budget(n) for n in (1, 10, 30, 40, 60, 300)] == [1, 10, 30, 40, 60, 300]


def _named_budgets(module: ast.Module) -> list[tuple[int, str]]:
    """The literal ``max_examples`` above ``BUDGET_FLOOR`` in the ``@settings`` of the module's own test functions (a
    property's budget; a settings made inside a test's body is a reachability search's, which keeps its own)."""
    found = []
    for node in module.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "settings"):
                continue
            found += [(keyword.value.value, node.name) for keyword in decorator.keywords
                      if keyword.arg == "max_examples" and isinstance(keyword.value, ast.Constant)
                      and isinstance(keyword.value.value, int) and keyword.value.value > BUDGET_FLOOR]
    return found


def test_every_property_s_named_budget_goes_through_the_helper() -> None:
    literal = {f"{path.relative_to(ROOT)}::{name}": examples for path in sorted((ROOT / "tests").rglob("*.py"))
               for examples, name in _named_budgets(ast.parse(path.read_text("utf-8")))}
    assert literal == {}


def test_the_scan_finds_a_literal_budget_and_leaves_the_helper_s() -> None:
    # The scan can fail: a property naming 40 examples as a literal is found, one through ``budget`` is not.
    source = "@settings(max_examples=40)\ndef test_a(): pass\n@settings(max_examples=budget(40))\ndef test_b(): pass\n"
    assert _named_budgets(ast.parse(source)) == [(40, "test_a")]
