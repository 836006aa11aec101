"""The statute kill suite's order under a mutant: the edition of the mutant's own domain first.

mutmut runs a mutant's tests with ``-x`` and names the mutant in ``MUTANT_UNDER_TEST``. The per-person query
answers every domain's part for every person, so each edition's run reaches nearly every statute function and a
mutant runs nearly all 19 editions; the edition most likely to kill it, its own domain's
(``benchmarks/mutation_tool.py``'s ``domain_of``), runs first, so a killed mutant stops after one edition instead of
a dozen. Survivors run every edition all the same, and the clean run keeps the file's order; the editions are
independent (each opens its own town on the one reference), which the clean run in this order shows too.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

_TOOL = Path(__file__).resolve().parents[1] / "mutation_tool.py"


def _domain_of_mutant() -> str | None:
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    if "__mutmut_" not in name:
        return None
    spec = importlib.util.spec_from_file_location("mutation_tool_for_order", _TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look their module up there
    spec.loader.exec_module(tool)
    try:
        domain: str = tool.domain_of(name)
    except ValueError:  # a 住民記録 mutant of the default target: its suite has no editions to order
        return None
    return domain


@pytest.hookimpl(trylast=True)  # after any plugin that orders the items itself
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    domain = _domain_of_mutant()
    if domain is None:
        return
    own = f"test_statute_kills.py::test_every_checked_requirement_still_passes[{domain}]"
    items.sort(key=lambda item: not item.nodeid.endswith(own))  # stable: the others keep their order
