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
    # Every module of 住民記録's reference is some target's (the package's __init__ holds no function); the statute
    # target's two are the handlers of what only the statute editions ask (the statute forms, the per-person query).
    jumin = {f"conformance_reference/jumin/{path.name}" for path in (ROOT / "conformance_reference/jumin").glob("*.py")}
    statute = set(project["tool"]["mutation_tool"]["statute"]["only_mutate"])
    assert jumin & statute == {"conformance_reference/jumin/statute_certificates.py",
                               "conformance_reference/jumin/qualifications.py"}
    assert jumin - set(table["only_mutate"]) - set(project["tool"]["mutmut"]["only_mutate"]) - statute == {
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
    codes = dict(zip(forms, [TOOL.KILLED, TOOL.KILLED, TOOL.SURVIVED, TOOL.NO_TESTS, None], strict=False))
    codes["conformance_reference.jumin.codes.xǁCodesǁg__mutmut_2"] = TOOL.SURVIVED
    rows = {row.module: row for row in TOOL.module_table(GENERATED, codes)}
    assert rows["jumin.forms"] == TOOL.ModuleRow("jumin.forms", generated=6, drawn=5, reached=3, killed=2,
                                                   survived=1, timed_out=0, not_reached=1, other=1)
    assert rows["jumin.codes"] == TOOL.ModuleRow("jumin.codes", 3, 1, 1, 0, 1, 0, 0, 0)
    # A module none of whose mutants was drawn still has its line: nothing of it was measured.
    assert rows["kyotsu.jutogai"] == TOOL.ModuleRow("kyotsu.jutogai", 1, 0, 0, 0, 0, 0, 0, 0)
    assert (rows["jumin.forms"].rate, rows["jumin.codes"].rate, rows["kyotsu.jutogai"].rate) == ("67 %", "0 %", "-")
    table = TOOL.markdown_table(list(rows.values())).splitlines()
    assert table[0].startswith("| module | generated | drawn | reached | killed | survived | timed out | not reached |")
    assert table[2] == "| jumin.codes | 3 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 0 % |"
    assert table[-1] == "| **all** | 10 | 6 | 4 | 2 | 2 | 0 | 1 | 1 | 50 % |"


@pytest.mark.parametrize("code", [TOOL.TIMEOUT, -24, 24, 152, 255])
def test_a_timeout_is_its_own_column_and_never_a_kill(code: int) -> None:
    """mutmut's 36 and a child stopped by SIGXCPU (its wall-clock limit) as each exit status spells it."""
    forms = [name for name in GENERATED if ".forms." in name][:3]
    rows = {row.module: row for row in TOOL.module_table(
        GENERATED, dict(zip(forms, [TOOL.KILLED, code, TOOL.SURVIVED], strict=True)))}
    assert rows["jumin.forms"] == TOOL.ModuleRow("jumin.forms", generated=6, drawn=3, reached=3, killed=1,
                                                   survived=1, timed_out=1, not_reached=0, other=0)
    assert rows["jumin.forms"].rate == "33 %"  # reached, not killed: it stays in the denominator
    counted = TOOL.outcomes([code, None, 34, TOOL.NO_TESTS])
    assert (counted.killed, counted.timed_out, counted.not_run, counted.not_reached, counted.reached) == (0, 1, 1, 1, 1)


def test_the_modules_target_forks_from_mutmuts_server_with_a_short_wall_clock_limit() -> None:
    """Read back as mutmut reads it: the fork server (no reference thread at the fork) and a wall-clock limit of a
    few minutes for the machine's test (its estimate 20-50 s), not mutmut's 15 x."""
    table = tomllib.loads(TOOL.switched_pyproject(PYPROJECT, "modules"))["tool"]["mutmut"]
    assert table["process_isolation"] == "forkserver"
    assert (50 + table["timeout_constant"]) * table["timeout_multiplier"] <= 300
    assert (1 + table["timeout_constant"]) * table["timeout_multiplier"] >= 60  # a 1 s test under load is not cut


def test_a_module_of_the_draw_is_run_alone_and_an_unknown_one_is_refused() -> None:
    drawn = TOOL.per_module_sample(GENERATED, 2, seed=23)
    assert TOOL.of_modules(drawn, [], GENERATED) == drawn
    assert {TOOL.module_of(name) for name in TOOL.of_modules(drawn, ["jumin.codes"], GENERATED)} == {"jumin.codes"}
    assert len(TOOL.of_modules(drawn, ["jumin.codes", "kyotsu.jutogai"], GENERATED)) == 3
    with pytest.raises(ValueError, match=r"--module jumin\.yubin: no generated mutant mutates it"):
        TOOL.of_modules(drawn, ["jumin.yubin"], GENERATED)


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
# --per-domain (issue 46 item 6): a mutant's domain, the draw, the table. Names as mutmut 3 spells them.

def _shared_modules() -> dict[str, Path]:
    return {module: ROOT / (module.replace(".", "/") + ".py") for module in TOOL.DOMAIN_OF_FUNCTION}


def test_a_mutant_name_gives_its_module_and_function_or_method() -> None:
    assert TOOL.mutated_function("conformance_reference.rules.x__copay__mutmut_12") == (
        "conformance_reference.rules", "_copay")
    assert TOOL.mutated_function("conformance_reference.koseki.koseki.xǁKosekiBookǁ_marriage__mutmut_161") == (
        "conformance_reference.koseki.koseki", "KosekiBook._marriage")
    for bad in ("conformance_reference.rules._copay", "x__copay__mutmut_1", "conformance_reference.rules.y__mutmut_1"):
        with pytest.raises(ValueError, match="not a mutmut mutant name"):
            TOOL.mutated_function(bad)


def test_a_domain_package_is_its_domain_and_the_shared_modules_go_by_function() -> None:
    assert TOOL.domain_of("conformance_reference.koseki.koseki.xǁKosekiBookǁ_marriage__mutmut_161") == "koseki"
    assert TOOL.domain_of("conformance_reference.kokumin_nenkin.pension.x__months__mutmut_7") == "kokumin_nenkin"
    assert TOOL.domain_of("conformance_reference.rules.x__copay__mutmut_1") == "kokuho"
    assert TOOL.domain_of("conformance_reference.rules.x__kaigo_second__mutmut_1") == "kaigo"
    assert TOOL.domain_of("conformance_reference.rules.x__paid_in__mutmut_1") == "jido_teate"
    assert TOOL.domain_of("conformance_reference.rules.x_juminzei_levied__mutmut_1") == "kojin_juminzei"
    assert TOOL.domain_of("conformance_reference.rules.x_support__mutmut_48") == TOOL.JUMIN
    assert TOOL.domain_of("conformance_reference.rules.x_parse_day__mutmut_1") == TOOL.SHARED
    assert TOOL.domain_of("conformance_reference.kakuninsho.x_koki_lines__mutmut_96") == "koki_korei"
    assert TOOL.domain_of("conformance_reference.kakuninsho.x__care_lines__mutmut_1") == "kaigo"
    assert TOOL.domain_of("conformance_reference.statute_forms.x_render__mutmut_32") == TOOL.SHARED
    assert TOOL.domain_of(
        "conformance_reference.jumin.statute_certificates.xǁStatuteCertificatesǁ_gakureibo__mutmut_2") == "shugaku"
    assert TOOL.domain_of(
        "conformance_reference.jumin.qualifications.xǁPerPersonQueryǁ_qualifications__mutmut_297") == TOOL.SHARED


def test_an_unmapped_function_or_module_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"'_new_rule' of conformance_reference.rules has no domain"):
        TOOL.domain_of("conformance_reference.rules.x__new_rule__mutmut_1")
    with pytest.raises(ValueError, match=r"module conformance_reference.jumin.driver is of no statute domain"):
        TOOL.domain_of("conformance_reference.jumin.driver.x_apply__mutmut_1")


def test_every_function_of_the_shared_modules_has_a_domain_and_every_mapped_one_exists() -> None:
    import ast

    for module, path in _shared_modules().items():
        tree = ast.parse(path.read_text("utf-8"))
        # A method as mutated_function names it, Class.method; mutmut leaves a decorated one alone (rules.Stay.loss,
        # a property), so it needs no domain.
        functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)} | {
            f"{node.name}.{method.name}" for node in tree.body if isinstance(node, ast.ClassDef)
            for method in node.body if isinstance(method, ast.FunctionDef) and not method.decorator_list}
        assert set(TOOL.DOMAIN_OF_FUNCTION[module]) == functions, module
        assert set(TOOL.DOMAIN_OF_FUNCTION[module].values()) <= {*TOOL.STATUTE_DOMAINS, TOOL.SHARED, TOOL.JUMIN}


def test_every_mutated_file_is_of_a_domain_or_a_shared_module_and_every_domain_has_a_catalog() -> None:
    table = tomllib.loads(PYPROJECT)["tool"]["mutation_tool"]["statute"]
    shared = {path.relative_to(ROOT).as_posix() for path in _shared_modules().values()}
    for path in table["only_mutate"]:
        parts = path.split("/")
        assert path in shared or (parts[0] == "conformance_reference" and parts[1] in TOOL.STATUTE_DOMAINS), path
    assert all((ROOT / "spec_catalog" / domain).is_dir() for domain in TOOL.STATUTE_DOMAINS)
    assert len(TOOL.STATUTE_DOMAINS) == 19


NAMES = [
    *(f"conformance_reference.inkan.inkan.x__reasons__mutmut_{n}" for n in range(1, 6)),
    "conformance_reference.rules.x__copay__mutmut_1", "conformance_reference.rules.x__copay__mutmut_2",
    "conformance_reference.rules.x_parse_day__mutmut_1", "conformance_reference.rules.x_support__mutmut_1",
]


def test_the_draw_takes_n_of_each_domain_all_of_a_smaller_one_and_none_of_jumins() -> None:
    drawn = TOOL.draw_per_domain(NAMES, 3, seed=46)
    assert list(drawn) == [*TOOL.STATUTE_DOMAINS, TOOL.SHARED]
    assert len(drawn["inkan"]) == 3 and set(drawn["inkan"]) <= set(NAMES[:5])
    assert drawn["kokuho"] == NAMES[5:7]
    assert drawn[TOOL.SHARED] == [NAMES[7]]
    assert drawn["koseki"] == []
    assert not any(TOOL.domain_of(name) == TOOL.JUMIN for group in drawn.values() for name in group)
    assert TOOL.draw_per_domain(NAMES, 3, seed=46) == drawn  # the seed decides the draw


def test_the_table_counts_each_domains_drawn_mutants_by_their_exit_code() -> None:
    drawn = {"inkan": NAMES[:4], "kokuho": NAMES[5:7], TOOL.SHARED: [NAMES[7]]}
    codes = {NAMES[0]: TOOL.KILLED, NAMES[1]: TOOL.TIMEOUT, NAMES[2]: TOOL.SURVIVED, NAMES[3]: TOOL.NO_TESTS,
             NAMES[5]: TOOL.KILLED, NAMES[6]: None}
    rows = {row.domain: row for row in TOOL.domain_table(NAMES, drawn, codes)}
    # The timeout is reached and no kill.
    assert rows["inkan"] == TOOL.DomainRow("inkan", 5, 4, 3, 1, 1, 1, 0, timed_out=1)
    assert rows["kokuho"] == TOOL.DomainRow("kokuho", 2, 2, 1, 1, 0, 0, 1)  # None: not run, neither reached nor not
    assert rows[TOOL.SHARED] == TOOL.DomainRow(TOOL.SHARED, 1, 1, 0, 0, 0, 0, 1)  # absent: not run either
    assert rows[TOOL.JUMIN] == TOOL.DomainRow(TOOL.JUMIN, 1, 0, 0, 0, 0, 0, 0)
    assert [rows["inkan"].rate, rows["kokuho"].rate, rows[TOOL.SHARED].rate] == ["33%", "100%", "-"]
    printed = TOOL.format_table(rows.values()).splitlines()
    assert printed[0].startswith("| domain | generated | drawn | skipped: defect branch | reached | killed | survived "
                                 "| timed out | not reached | not run")
    assert printed[2] == "| inkan | 5 | 4 | 0 | 3 | 1 | 1 | 1 | 1 | 0 | 33% |"
    assert len(printed) == 2 + len(rows)


def test_a_drawn_mutant_skipped_in_a_defects_branch_is_counted_apart_and_not_as_not_run() -> None:
    drawn = {"kokuho": NAMES[5:7]}
    rows = TOOL.domain_table(NAMES, drawn, {NAMES[5]: TOOL.KILLED}, skipped=[NAMES[6]])
    assert rows[0] == TOOL.DomainRow("kokuho", 2, 2, 1, 1, 0, 0, 0, skipped=1)


def _suite_conftest() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("statute_kills_conftest", ROOT / "benchmarks/mutation/conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Item:
    def __init__(self, domain: str) -> None:
        test = "test_statute_kills.py::test_every_checked_requirement_still_passes"
        self.nodeid = f"benchmarks/mutation/{test}[{domain}]"


def test_under_a_mutant_its_own_domains_edition_runs_first_and_otherwise_the_order_stands(
        monkeypatch: pytest.MonkeyPatch) -> None:
    conftest = _suite_conftest()
    domains = ["hojin_juminzei", "inkan", "kokuho", "senkyo"]
    for mutant, first in (("conformance_reference.rules.x__copay__mutmut_1", "kokuho"),
                          ("conformance_reference.senkyo.elections.x_senkyo__mutmut_3", "senkyo"),
                          ("conformance_reference.rules.x_parse_day__mutmut_1", "hojin_juminzei"),  # shared
                          ("conformance_reference.jumin.driver.x_apply__mutmut_1", "hojin_juminzei"),  # not statute
                          ("", "hojin_juminzei")):  # the clean run
        monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
        items = [_Item(domain) for domain in domains]
        conftest.pytest_collection_modifyitems(items)  # type: ignore[attr-defined]
        order = [item.nodeid.rsplit("[", 1)[1].rstrip("]") for item in items]
        assert order == [first, *(domain for domain in domains if domain != first)], mutant


def test_named_mutants_are_the_generated_ones_matching_a_pattern_and_a_pattern_of_none_is_an_error() -> None:
    generated = ["conformance_reference.rules.x_juminzei_levied__mutmut_21",
                 "conformance_reference.rules.x_juminzei_levied__mutmut_3",
                 "conformance_reference.rules.x_kaigo__mutmut_1"]
    assert TOOL.named(generated, ["*x_juminzei_levied__mutmut_2?", "conformance_reference.rules.x_kaigo__mutmut_1"]
                      ) == [generated[0], generated[2]]
    with pytest.raises(ValueError, match=r"--names '\*x_kokuho__mutmut_1': no generated mutant has that name"):
        TOOL.named(generated, ["*x_juminzei_levied__mutmut_3", "*x_kokuho__mutmut_1"])


WARMUP = load_benchmark("mutation/mutation_warmup.py", "mutation_warmup")


def test_what_a_module_imports_at_load_is_outside_function_bodies_with_its_packages() -> None:
    source = (
        "import os\n"
        "from conformance_reference.jumin import furigana\n"
        "from conformance_reference.paper import CITY\n"
        "if True:\n"
        "    import conformance_reference.kyotsu.jutogai\n"
        "class Handlers:\n"
        "    from conformance_reference.jumin.memos import printed_memos\n"
        "def later() -> None:\n"
        "    from conformance_reference.jumin.forms import FormService\n"
    )
    assert WARMUP.imported_at_load(source) == {
        "conformance_reference", "conformance_reference.jumin", "conformance_reference.jumin.furigana",
        "conformance_reference.paper", "conformance_reference.paper.CITY", "conformance_reference.kyotsu",
        "conformance_reference.kyotsu.jutogai", "conformance_reference.jumin.memos",
        "conformance_reference.jumin.memos.printed_memos"}
    with pytest.raises(ValueError, match="line 1"):
        WARMUP.imported_at_load("from . import forms\n")


def test_a_module_reaching_a_mutated_function_at_load_takes_every_module_importing_it_along() -> None:
    graph = {"r.app": {"r.forms"}, "r.forms": {"r.furigana"}, "r.furigana": set(), "r.paper": set(),
             "r.server": {"r.app", "r.paper"}}
    assert WARMUP.importers({"r.furigana"}, graph) == {"r.furigana", "r.forms", "r.app", "r.server"}
    assert WARMUP.importers(set(), graph) == set()


def test_the_load_order_puts_what_a_module_imports_first_and_survives_a_cycle() -> None:
    order = WARMUP.load_order({"r.app": {"r.forms", "r.paper"}, "r.forms": {"r.paper"}, "r.paper": set(),
                               "r.a": {"r.b"}, "r.b": {"r.a"}})
    assert sorted(order) == ["r.a", "r.app", "r.b", "r.forms", "r.paper"]
    assert order.index("r.paper") < order.index("r.forms") < order.index("r.app")


def test_the_functions_reached_are_recorded_in_statistics_mode_and_the_mode_and_record_restored(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in for mutmut's state and a trampoline: the recording must not depend on mutmut being installed here.
    import os
    import sys
    import types

    class State:
        def __init__(self) -> None:
            self._stats = {"m.x_before"}

    state = State()
    fake = types.ModuleType("mutmut.state")
    fake.state = lambda: state  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mutmut", types.ModuleType("mutmut"))
    monkeypatch.setitem(sys.modules, "mutmut.state", fake)
    monkeypatch.setenv("MUTANT_UNDER_TEST", "m.x_f__mutmut_1")

    def trampoline(name: str) -> None:
        if os.environ["MUTANT_UNDER_TEST"] == "stats":
            state._stats.add(name)

    with WARMUP.mutated_functions_reached() as reached:
        trampoline("m.x_body_table")
    assert reached == {"m.x_body_table"}
    assert state._stats == {"m.x_before"}  # a statistics run's record keeps none of the warm-up's
    assert os.environ["MUTANT_UNDER_TEST"] == "m.x_f__mutmut_1"
    with pytest.raises(RuntimeError, match=r"m\.x_body_table"):
        WARMUP.checked("a test", lambda: trampoline("m.x_body_table"))


def test_the_first_mutants_run_is_skipped_only_once_the_mutants_and_the_statistics_exist(tmp_path: Path) -> None:
    assert not TOOL.already_generated(tmp_path)
    (tmp_path / "mutants" / "pkg").mkdir(parents=True)
    (tmp_path / "mutants" / "pkg" / "mod.py.meta").write_text('{"exit_code_by_key": {"pkg.mod.x_f__mutmut_1": null}}')
    assert not TOOL.already_generated(tmp_path)  # generated, but mutmut's statistics never ran
    (tmp_path / "mutants" / "mutmut-stats.json").write_text("{}")
    assert TOOL.already_generated(tmp_path)


def test_a_domains_table_mutates_its_files_and_kills_with_its_edition_alone() -> None:
    table = tomllib.loads(PYPROJECT)["tool"]["mutation_tool"]["statute"]
    inkan = TOOL.narrowed_to_domain(table, "inkan")
    assert inkan["only_mutate"] == ["conformance_reference/inkan/inkan.py"]
    assert inkan["pytest_add_cli_args_test_selection"] == [
        "benchmarks/mutation/test_statute_kills.py::test_every_checked_requirement_still_passes[inkan]"]
    assert {key: value for key, value in inkan.items() if key not in ("only_mutate",
            "pytest_add_cli_args_test_selection")} == {key: value for key, value in table.items() if key not in (
                "only_mutate", "pytest_add_cli_args_test_selection")}
    # A domain with functions in the shared modules takes those files too, and only those of them.
    assert TOOL.domain_files("koki_korei", table["only_mutate"]) == [
        "conformance_reference/koki_korei/koki_korei.py", "conformance_reference/kakuninsho.py",
        "conformance_reference/jumin/statute_certificates.py"]
    assert TOOL.domain_files("kodomo_kosodate", table["only_mutate"]) == [
        "conformance_reference/kodomo_kosodate/kodomo.py", "conformance_reference/kodomo_kosodate/benefits.py"]
    switched = tomllib.loads(TOOL.switched_pyproject(PYPROJECT, "statute", "inkan"))
    assert switched["tool"]["mutmut"] == inkan
    with pytest.raises(ValueError, match="not a statute domain"):
        TOOL.domain_files("jumin", table["only_mutate"])


def test_every_domain_has_a_file_to_mutate_and_its_test_in_the_kill_suite() -> None:
    table = tomllib.loads(PYPROJECT)["tool"]["mutation_tool"]["statute"]
    kills = (ROOT / "benchmarks" / "mutation" / "test_statute_kills.py").read_text("utf-8")
    assert f"def {TOOL.STATUTE_TEST}(domain: str" in kills
    for domain in TOOL.STATUTE_DOMAINS:
        assert TOOL.domain_files(domain, table["only_mutate"]), domain


def test_a_domains_patterns_name_its_modules_whole_and_its_shared_functions_alone() -> None:
    files = ["conformance_reference/koki_korei/koki_korei.py", "conformance_reference/kakuninsho.py",
             "conformance_reference/jumin/statute_certificates.py"]
    patterns = TOOL.domain_patterns("koki_korei", files)
    assert patterns == ["conformance_reference.koki_korei.koki_korei.*",
                        "conformance_reference.kakuninsho.x_koki_lines__mutmut_*",
                        "conformance_reference.jumin.statute_certificates.xǁStatuteCertificatesǁ_koki_card__mutmut_*"]
    names = ["conformance_reference.kakuninsho.x_koki_lines__mutmut_3",
             "conformance_reference.kakuninsho.x_expiry__mutmut_1",
             "conformance_reference.jumin.statute_certificates.xǁStatuteCertificatesǁ_koki_card__mutmut_12",
             "conformance_reference.jumin.statute_certificates.xǁStatuteCertificatesǁ_kaigo_card__mutmut_1",
             "conformance_reference.koki_korei.koki_korei.x__acquired_as_reported__mutmut_12"]
    matched = TOOL.named(names, patterns)
    assert matched == sorted(name for name in names if TOOL.domain_of(name) == "koki_korei") and len(matched) == 3


def test_the_mean_duration_is_of_the_mutants_asked_that_have_one(tmp_path: Path) -> None:
    (tmp_path / "mutants" / "pkg").mkdir(parents=True)
    (tmp_path / "mutants" / "pkg" / "mod.py.meta").write_text(
        '{"durations_by_key": {"pkg.mod.x_f__mutmut_1": 3.0, "pkg.mod.x_f__mutmut_2": 5.0, '
        '"pkg.mod.x_g__mutmut_1": 40.0}}')
    asked = ["pkg.mod.x_f__mutmut_1", "pkg.mod.x_f__mutmut_2", "pkg.mod.x_f__mutmut_3"]
    assert TOOL.mean_duration(tmp_path, asked) == 4.0  # the one without a duration (not run) is not counted
    assert TOOL.mean_duration(tmp_path, ["pkg.mod.x_f__mutmut_3"]) is None


#: The classes a survivor of the statute register may have (benchmarks/mutation/statute_survivors.toml).
SURVIVOR_CLASSES = {"defect branch", "equivalent", "gap, closed", "gap, open", "not read"}


def test_the_statute_register_adds_up_per_domain_and_argues_every_survivor() -> None:
    register = tomllib.loads((ROOT / "benchmarks" / "mutation" / "statute_survivors.toml").read_text("utf-8"))
    assert register["domains"], "no domain recorded"
    for domain, row in register["domains"].items():
        assert domain in TOOL.STATUTE_DOMAINS
        # not_run: a run stopped before its end (the mutants it did not get to; none in a whole run); skipped: left out
        # by the tool as in a named defect's branch (benchmarks/mutation_branches.py), listed by its report.
        skipped = row.get("skipped", 0)
        counted = row["killed"] + row["survived"] + row["timed_out"] + row["not_reached"] + row.get("not_run", 0) \
            + skipped
        assert counted == row["mutants"], domain
        # Every survivor listed, and every mutant no test reached (``result = "not reached"``): argued alike.
        survivors = [name for entry in row["survivors"] if entry.get("result", "survived") == "survived"
                     for name in entry["mutants"]]
        unreached = [name for entry in row["survivors"] if entry.get("result") == "not reached"
                     for name in entry["mutants"]]
        assert len(survivors) == len(set(survivors)) == row["survived"], domain
        assert len(unreached) == len(set(unreached)) == row["not_reached"], domain
        assert all(TOOL.domain_of(f"conformance_reference.{name}") == domain for name in survivors + unreached)
        for entry in row["survivors"]:
            assert entry["class"] in SURVIVOR_CLASSES and entry["why"].strip(), (domain, entry["mutants"])
        # The rate's denominator: every mutant not argued equivalent (a timeout, a gap, a survivor not read yet); a
        # closed gap stays in it, killed only once it is rerun so (the run's figure is the run's).
        argued = sum(len(entry["mutants"]) for entry in row["survivors"]
                     if entry["class"] in ("equivalent", "defect branch"))
        assert row["non_equivalent"] == row["mutants"] - row.get("not_run", 0) - skipped - argued, domain


BRANCHES = load_benchmark("mutation_branches.py", "mutation_branches")
#: The defects the selection's tests register (the reference's own are read in the last test).
DEFECTS = frozenset({"late_by_a_day", "kept_after_move", "pension_1_not_public"})
#: A function as the reference writes them: a defect's switch beside the code every clean run executes.
ORIGINAL = """
def due(day, moved, defects):
    if "late_by_a_day" in defects:
        day = day + 1
    limit = day + 14
    if "kept_after_move" not in defects:
        limit = limit - 7
    else:
        limit = limit * 2
    if moved and "late_by_a_day" in defects:
        limit = 0
    pay = limit + 1 if "late_by_a_day" in defects else limit - 1
    return moved and "late_by_a_day" in defects and pay > 3
"""


def _function(source: str) -> object:
    (function,) = BRANCHES.functions(BRANCHES.ast.parse(source)).values()
    return function


def _skipped(old: str, new: str, defects: frozenset[str] = DEFECTS) -> bool:
    assert ORIGINAL.count(old) == 1, old
    return bool(BRANCHES.in_defect_branch(_function(ORIGINAL), _function(ORIGINAL.replace(old, new)), defects))


@pytest.mark.parametrize(("old", "new"), [
    ("day = day + 1", "day = day - 1"),  # inside `if <switch>:`
    ('"late_by_a_day" in defects:\n        day', '"XXlate_by_a_dayXX" in defects:\n        day'),  # its name
    ('"kept_after_move" not', '"KEPT_AFTER_MOVE" not'),
    ("limit = limit * 2", "limit = limit / 2"),  # the `else` of `if <name> not in defects`: never taken
    ("limit = 0", "limit = 1"),  # the body of `if x and <switch>`: never taken
    ("limit + 1 if", "limit + 2 if"),  # the arm of a conditional only a defect takes
    ("pay > 3", "pay >= 3"),  # after `and <switch>`: never evaluated
])
def test_a_mutant_in_a_defects_branch_is_skipped(old: str, new: str) -> None:
    assert _skipped(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("limit = day + 14", "limit = day + 15"),  # beside the branches: every clean run executes it
    ("limit - 7", "limit - 8"),  # the body of `if <name> not in defects`: taken
    ("limit - 1", "limit - 2"),  # the arm a clean run takes
    ('"late_by_a_day" in defects:\n        day', '"late_by_a_day" not in defects:\n        day'),  # the defect on
    ("if moved and", "if moved or"),  # `or` beside the switch: the body now taken
    ("if moved and", "if not moved and"),  # evaluated before the switch
    ("return moved and", "return not moved and"),  # before the switch: its value is returned
])
def test_a_mutant_beside_a_defects_branch_is_not_skipped(old: str, new: str) -> None:
    assert not _skipped(old, new)


def test_only_a_registered_defect_is_a_switch_and_an_f_string_one_matches_by_its_pattern() -> None:
    assert not _skipped("day = day + 1", "day = day - 1", frozenset({"kept_after_move"}))
    pension = ("def f(number, defects):\n    if f'pension_{number}_not_public' in defects:\n        return 1\n"
               "    return 2\n")
    mutant = pension.replace("return 1", "return 3")
    assert BRANCHES.in_defect_branch(_function(pension), _function(mutant), DEFECTS)
    assert not BRANCHES.in_defect_branch(_function(pension), _function(mutant), frozenset({"pension_not_public"}))
    assert not BRANCHES.in_defect_branch(_function(pension), _function(pension), DEFECTS)  # no change: not skipped


def _method(name: str, source: str) -> str:
    return source.replace("def due(", f"def {name}(self, ").replace("\n", "\n    ")


def test_the_mutants_are_read_from_mutmuts_tree_methods_in_their_class(tmp_path: Path) -> None:
    in_branch = ORIGINAL.replace("day = day + 1", "day = day - 1")
    beside_too = in_branch.replace("limit = day + 14", "limit = day + 15")
    written = "class Query:" + _method("xǁQueryǁdue__mutmut_orig", ORIGINAL) + _method(
        "xǁQueryǁdue__mutmut_1", in_branch) + _method("xǁQueryǁdue__mutmut_2", beside_too)
    folder = tmp_path / "mutants" / "pkg"
    folder.mkdir(parents=True)
    (folder / "mod.py").write_text(written, encoding="utf-8")
    names = ["pkg.mod.xǁQueryǁdue__mutmut_1", "pkg.mod.xǁQueryǁdue__mutmut_2", "pkg.other.x_f__mutmut_1"]
    # _1 changes the defect's body only; _2 the line beside it too; a module mutmut did not write is run.
    assert BRANCHES.defect_branch_mutants(tmp_path / "mutants", names, DEFECTS) == ["pkg.mod.xǁQueryǁdue__mutmut_1"]
    assert BRANCHES.partition(names, [names[0]]) == (names[1:], names[:1])


def test_the_switches_are_the_reference_packages_registered_defects() -> None:
    registered = BRANCHES.registered_defects(ROOT / "conformance_reference")
    assert {"jido_end_month_open_after_last_child", "kaigo_premium_stops_at_75"} <= registered
