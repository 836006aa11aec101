"""The hand-written mutants of benchmarks/mutants.py still apply: each names text its module holds once.

A mutant whose text the reference no longer has would run the unchanged reference and be counted as a
survivor (or, worse, silently skipped): the benchmark's kill rate would measure nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmark_modules import load_benchmark

ROOT = Path(__file__).resolve().parents[1]


MUTANTS = load_benchmark("mutants.py", "benchmark_mutants").MUTANTS


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda mutant: mutant.name)
def test_each_mutant_changes_text_its_module_holds_once_and_still_compiles(mutant: Any) -> None:
    source = (ROOT / mutant.path).read_text("utf-8")
    assert source.count(mutant.old) == 1, f"{mutant.name}: {mutant.old!r} is not in {mutant.path} exactly once"
    compile(source.replace(mutant.old, mutant.new), mutant.path, "exec")


def test_mutant_names_are_unique() -> None:
    names = [mutant.name for mutant in MUTANTS]
    assert len(names) == len(set(names))
