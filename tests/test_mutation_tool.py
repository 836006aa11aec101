"""The configuration switch of benchmarks/mutation_tool.py: mutmut reads only ``[tool.mutmut]``, so the
statute target's scratch pyproject.toml is the project's with ``[tool.mutation_tool.statute]`` in its place.
No mutmut run here."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from benchmark_modules import load_benchmark

ROOT = Path(__file__).resolve().parents[1]


TOOL = load_benchmark("mutation_tool.py", "mutation_tool")
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")


def test_the_statute_pyproject_is_the_projects_with_the_statute_table_as_mutmuts() -> None:
    project = tomllib.loads(PYPROJECT)
    switched = tomllib.loads(TOOL.switched_pyproject(PYPROJECT, "statute"))
    assert switched["tool"]["mutmut"] == project["tool"]["mutation_tool"]["statute"]
    assert switched["tool"]["mutmut"]["pytest_add_cli_args_test_selection"] == [
        "benchmarks/mutation/test_statute_kills.py"]
    # Everything else as it is: pytest's options above all (mutmut runs the kill suite under them).
    del project["tool"]["mutmut"], switched["tool"]["mutmut"]
    assert switched == project


def test_every_file_the_statute_target_mutates_exists() -> None:
    table = tomllib.loads(PYPROJECT)["tool"]["mutation_tool"]["statute"]
    assert table["only_mutate"] and all((ROOT / path).is_file() for path in table["only_mutate"])
    assert all((ROOT / path).exists() for path in table["pytest_add_cli_args_test_selection"] + table["also_copy"])


def test_a_mutmut_table_in_the_middle_or_at_the_end_or_none_at_all() -> None:
    table = '[tool.mutation_tool.statute]\nonly_mutate = ["a.py"]\n'
    middle = '[project]\nname = "x"\n\n[tool.mutmut]\nonly_mutate = [\n    "b.py",\n]\n\n[tool.ruff]\nx = 1\n'
    for text in (middle + table, table + '\n[tool.mutmut]\nonly_mutate = ["b.py"]\n', table):
        switched = tomllib.loads(TOOL.switched_pyproject(text, "statute"))
        assert switched["tool"]["mutmut"] == {"only_mutate": ["a.py"]}
    assert tomllib.loads(TOOL.switched_pyproject(middle + table, "statute"))["tool"]["ruff"] == {"x": 1}


def test_an_unknown_target_has_no_table() -> None:
    with pytest.raises(KeyError):
        TOOL.switched_pyproject(PYPROJECT, "kokuho")


def test_the_targets_mutants_live_apart() -> None:
    assert TOOL.TARGETS["jumin"].workdir == ROOT  # the default: `mutmut run` at the root runs it too
    assert TOOL.TARGETS["statute"].workdir.parent == ROOT
    assert f"/{TOOL.TARGETS['statute'].workdir.name}/" in (ROOT / ".gitignore").read_text("utf-8")
