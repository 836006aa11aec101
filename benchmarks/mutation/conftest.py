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
    """The mutant's domain, or None (no mutant, a 住民記録 one, or the tool not copied beside the suite): the
    order is only a speed-up, and an error here would end pytest with an internal error, which mutmut counts as
    a kill."""
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    if "__mutmut_" not in name or not _TOOL.is_file():
        return None
    try:
        spec = importlib.util.spec_from_file_location("mutation_tool_for_order", _TOOL)
        assert spec is not None and spec.loader is not None
        tool = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = tool  # its dataclasses look their module up there
        spec.loader.exec_module(tool)
        domain: str = tool.domain_of(name)
    except Exception:  # any failure leaves the file's order (see the docstring)
        return None
    return domain


@pytest.hookimpl(trylast=True)  # after any plugin that orders the items itself
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    domain = _domain_of_mutant()
    if domain is None:
        return
    own = f"test_statute_kills.py::test_every_checked_requirement_still_passes[{domain}]"
    items.sort(key=lambda item: not item.nodeid.endswith(own))  # stable: the others keep their order
