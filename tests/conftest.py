"""Shared test configuration: tests import helpers from this directory."""

from __future__ import annotations

import gc
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from collections.abc import Iterator

import pytest
from hypothesis import settings
from scheduled import SCHEDULED, SCHEDULED_ENV, scheduled_session

from conformance import secrets
from conformance.fonts import PDFIUM_FONT_DIRS_ENV, japanese_font

# Some machines set PYTHONDONTWRITEBYTECODE=1: then every pytest worker, every `conformance run` the tests
# start and every assertion-rewritten test module is compiled from source anew (about a second of CPU
# a process). The suite writes the bytecode cache as Python does by default (__pycache__, git-ignored).
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# No timed assertion in the tests (the machines are shared and noisy): Hypothesis's per-example deadline is one,
# and a property test of the columnar engine went past its 200 ms under load. Speed is the benchmarks' to measure.
settings.register_profile("conformance", deadline=None)
settings.load_profile("conformance")


#: Full collections Python had made when the survivors were last frozen (``pytest_runtest_teardown``).
_FULL_COLLECTIONS_SEEN = [0]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Keep what outlives a test out of the cyclic garbage collector's full passes (``gc.freeze``) whenever Python
    made one during the test. A worker's heap holds every catalog, town and compiled pattern the tests cached, and
    each full pass walked all of it again (a full pass every few defect-group runs, a quarter of a second each: 6 %
    of their CPU). Frozen objects are still freed when no reference is left; only a cycle among them is kept."""
    done = gc.get_stats()[2]["collections"]
    if done > _FULL_COLLECTIONS_SEEN[0]:
        gc.collect()
        gc.freeze()
        _FULL_COLLECTIONS_SEEN[0] = gc.get_stats()[2]["collections"]


@pytest.fixture(autouse=True)
def _secrets_of_the_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test forgets the secrets it registered, as a run does (``secrets.run_scope``): a worker that ran the
    user controls' tests kept hundreds of passwords and sessions, and every later run of the worker searched each
    answer for all of them. A test marked ``run_scopes`` shows the scopes themselves and is left outside one."""
    if request.node.get_closest_marker("run_scopes") is not None:
        yield
        return
    with secrets.run_scope():
        yield


@pytest.fixture(scope="module", params=["no_japanese_font", "japanese_font"])
def pdfium_fonts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """PDFium restarted with a font folder holding no font at all (a fresh machine), or holding the
    project's Japanese font only (its user font paths replace the system folders): a module that uses
    it runs twice and must read every PDF the same both times."""
    folder = tmp_path_factory.mktemp("no-fonts") if request.param == "no_japanese_font" else japanese_font().parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PDFIUM_FONT_DIRS_ENV, str(folder))
        yield str(request.param)



#: End-to-end tests that make whole runs of their own (minutes each): scheduled before everything else.
_LONGEST = ("tests/test_reference_run.py", "tests/test_shard_merge.py")

#: Tests marked ``slow`` (pyproject's markers): each takes a second or more of CPU by its nature, a
#: search or a vendor driven through many steps, not by a fixture that could be shared. The quick loop
#: (tox -e quick) leaves them out with the ``e2e`` tests; the suite runs them. Node id prefixes, measured
#: with the CPU time of each test (docs/performance.md).
_SLOW = (
    # The model's state machine against vendors that break it: generation and shrinking, step by step.
    "tests/domains/jumin/test_model_machine.py::",
    # The cross-domain machine (the same machine with the domains' answers), each a run of it.
    *(f"tests/domains/test_world_machine.py::test_{name}" for name in (
        "the_clean_reference_passes", "kaigo_insured_on_the_move_day", "kokuho_loss_the_day_after",
        "kaigo_lost_on_the_death_day", "the_check_reports_the_finding", "the_machine_runs_once")),
    # Its slices' files: most of their tests are a run of it too.
    *(f"tests/domains/test_world_{name}.py::" for name in ("dv", "fuhyo", "jido", "kenko", "kika", "zairyu")),
    # Products declaring a subset of the reference (issue 64): the model's and the cross-domain machine's runs.
    "tests/domains/test_declared_subsets.py::",
    "tests/scenarios/test_variant_vendor.py::",
    "tests/scenarios/test_scenario_engine.py::test_every_scenario_passes_against_the_clean_reference",
    # Hypothesis searches: every promised case reached, draws shrunk, large samples validated.
    "tests/strategies/test_protections_strategy.py::test_every_case_is_reachable",
    "tests/strategies/test_households_strategy.py::test_every_case_is_reachable",
    "tests/strategies/test_residents_strategy.py::test_every_promised_case_is_reachable",
    "tests/strategies/test_scenarios_strategy.py::test_every_case_is_reachable",
    "tests/strategies/test_strategies_valid_rows.py::test_a_large_sample_of_every_strategy_is_one_valid_file",
    "tests/columnar/test_kernel.py::test_generated_defects_give_the_same_findings",
    # The catalog importers run again over the official sources (the committed catalog reproduced).
    "tests/catalog/test_official_importers.py::",
    "tests/catalog/test_id_guard.py::",
    "tests/test_cli.py::test_import_reproduces_the_committed_catalog",
    # Runs of the harness (part of the catalog) and the command in a process of its own.
    "tests/reporting/test_exchanges_run.py::",
    "tests/test_profile_run.py::",
    "tests/test_cli.py::test_run_end_to_end_writes_results_and_junit",
    "tests/test_cli.py::test_the_gate_flag_lets_an_incomplete_run_pass_and_nothing_else",
    "tests/hostile/test_outputs.py::test_a_second_run_into_a_locked_directory_exits_2",
    "tests/test_shard_merge.py::test_a_bad_shard_on_the_command_line_exits_2",
)


#: The defect matrix (pyproject's ``defects`` marker): the tests named for each defect, a test per named defect of
#: the reference (or planted defect of a file) against the check that must catch it, with its exact findings.
#: About 550 tests and 100 s of CPU: the quick loop leaves them out (CI runs them; ``pytest -m defects`` alone),
#: and keeps every unit test of a check's conforming and defective input.
_DEFECT_MATRIX = re.compile(r"test_(each|every)_\w*defect|test_a_defect_gives")




def _runs_the_scheduled_set(config: pytest.Config) -> bool:
    """Whether this session keeps the scheduled tests: CI's (``SCHEDULED_ENV``), or a ``-m`` expression that names
    the marker (``-m scheduled``: the set alone), which then selects as pytest's ``-m`` does."""
    return scheduled_session() or "scheduled" in (config.getoption("markexpr", "") or "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks the ``_SLOW`` tests, the defect matrix and the scheduled set, and leaves the scheduled set out unless
    the session runs it (``_runs_the_scheduled_set``; reported as deselected, and named at the end of the run by
    ``pytest_terminal_summary``). Then orders: the longest tests first, then the other end-to-end ones, then the
    rest (a stable sort: each module keeps its order). Under pytest-xdist's worksteal scheduling (pyproject
    addopts) the quick tests then fill the gaps around the whole runs, instead of a whole run starting last on one
    worker while the other has nothing left to do (a 28-minute suite spent its last 15 on one core)."""
    for item in items:
        if item.nodeid.startswith(_SLOW):
            item.add_marker(pytest.mark.slow)
        if _DEFECT_MATRIX.match(getattr(item, "originalname", item.name)):
            item.add_marker(pytest.mark.defects)
        if item.nodeid.startswith(SCHEDULED):
            item.add_marker(pytest.mark.scheduled)
    if not _runs_the_scheduled_set(config):
        left_out = [item for item in items if item.get_closest_marker("scheduled") is not None]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if item.get_closest_marker("scheduled") is None]

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("e2e") is None:
            return 2
        return 0 if item.nodeid.startswith(_LONGEST) else 1

    items.sort(key=rank)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    """Says that the scheduled set was left out, and how to run it: a proof left out is never silent."""
    if not _runs_the_scheduled_set(config) and not hasattr(config, "workerinput") and _asked_for_scheduled(config):
        terminalreporter.write_line(
            f"the scheduled set (tests marked scheduled: tests/scheduled.py) was not run: CI runs it with "
            f"the rest ({SCHEDULED_ENV}=1, .ci/run); `pytest -m scheduled` runs it alone")


def _asked_for_scheduled(config: pytest.Config) -> bool:
    """Whether the session's paths hold a scheduled test (the whole suite's do; ``pytest tests/test_cli.py`` not):
    under pytest-xdist this process collected nothing, so it reads the arguments."""
    root = Path(str(config.rootpath))
    asked = [(root / arg.split("::", 1)[0]).resolve() for arg in config.args] or [root / "tests"]
    scheduled = [(root / node.split("::", 1)[0]).resolve() for node in SCHEDULED]
    return any(path == place or place in path.parents for path in scheduled for place in asked)
