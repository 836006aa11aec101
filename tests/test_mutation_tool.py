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


def test_the_modules_pyproject_mutates_the_modules_the_other_targets_do_not() -> None:
    project = tomllib.loads(PYPROJECT)
    table = project["tool"]["mutation_tool"]["modules"]
    switched = tomllib.loads(TOOL.switched_pyproject(PYPROJECT, "modules"))
    assert switched["tool"]["mutmut"] == table
    assert table["only_mutate"] and all((ROOT / path).is_file() for path in table["only_mutate"])
    assert not set(table["only_mutate"]) & set(project["tool"]["mutmut"]["only_mutate"])
    assert not set(table["only_mutate"]) & set(project["tool"]["mutation_tool"]["statute"]["only_mutate"])
    # Every module of 住民記録's reference is some target's (the package's __init__ holds no function).
    jumin = {f"conformance_reference/jumin/{path.name}" for path in (ROOT / "conformance_reference/jumin").glob("*.py")}
    assert jumin - set(table["only_mutate"]) - set(project["tool"]["mutmut"]["only_mutate"]) == {
        "conformance_reference/jumin/__init__.py"}
    assert TOOL.TARGETS["modules"].workdir.parent == ROOT
    assert f"/{TOOL.TARGETS['modules'].workdir.name}/" in (ROOT / ".gitignore").read_text("utf-8")


def test_a_mutant_is_counted_in_its_module() -> None:
    assert TOOL.module_of("conformance_reference.jumin.forms.x_lines__mutmut_12") == "jumin.forms"
    assert TOOL.module_of("conformance_reference.jumin.users.xǁUsersǁlogin__mutmut_3") == "jumin.users"
    assert TOOL.module_of("conformance_reference.kyotsu.jutogai.x__links__mutmut_1") == "kyotsu.jutogai"


GENERATED = [f"conformance_reference.jumin.forms.x_f__mutmut_{n}" for n in range(1, 7)] + [
    f"conformance_reference.jumin.codes.xǁCodesǁg__mutmut_{n}" for n in range(1, 4)] + [
    "conformance_reference.kyotsu.jutogai.x_h__mutmut_1"]


def test_the_table_counts_each_result_in_its_module() -> None:
    forms = [name for name in GENERATED if ".forms." in name]
    codes = dict(zip(forms, [TOOL.KILLED, TOOL.TIMEOUT, TOOL.SURVIVED, TOOL.NO_TESTS, None], strict=False))
    codes["conformance_reference.jumin.codes.xǁCodesǁg__mutmut_2"] = TOOL.SURVIVED
    rows = {row.module: row for row in TOOL.module_table(GENERATED, codes)}
    assert rows["jumin.forms"] == TOOL.ModuleRow("jumin.forms", generated=6, drawn=5, reached=3, killed=2,
                                                   survived=1, not_reached=1, other=1)
    assert rows["jumin.codes"] == TOOL.ModuleRow("jumin.codes", 3, 1, 1, 0, 1, 0, 0)
    # A module none of whose mutants was drawn still has its line: nothing of it was measured.
    assert rows["kyotsu.jutogai"] == TOOL.ModuleRow("kyotsu.jutogai", 1, 0, 0, 0, 0, 0, 0)
    assert (rows["jumin.forms"].rate, rows["jumin.codes"].rate, rows["kyotsu.jutogai"].rate) == ("67 %", "0 %", "-")
    table = TOOL.markdown_table(list(rows.values())).splitlines()
    assert table[2] == "| jumin.codes | 3 | 1 | 1 | 0 | 1 | 0 | 0 | 0 % |"
    assert table[-1] == "| **all** | 10 | 6 | 4 | 2 | 2 | 1 | 1 | 50 % |"


def test_the_per_module_draw_takes_each_module_apart() -> None:
    drawn = TOOL.per_module_sample(GENERATED, 2, seed=23)
    assert [TOOL.module_of(name) for name in drawn].count("jumin.forms") == 2
    assert [TOOL.module_of(name) for name in drawn].count("jumin.codes") == 2
    assert "conformance_reference.kyotsu.jutogai.x_h__mutmut_1" in drawn  # fewer than asked: all of them
    assert drawn == TOOL.per_module_sample(GENERATED, 2, seed=23)  # the seed replays it
    # A module's draw does not move when another module gains mutants.
    more = [*GENERATED, "conformance_reference.jumin.codes.xǁCodesǁg__mutmut_4"]
    forms = [name for name in drawn if ".forms." in name]
    assert [name for name in TOOL.per_module_sample(more, 2, seed=23) if ".forms." in name] == forms
