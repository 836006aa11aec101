"""Reachability of strategy features: what a strategy promises to produce, it can produce."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import NoSuchExample
from hypothesis.strategies import SearchStrategy

T = TypeVar("T")

#: A search for one missing feature: derandomized, so the result does not depend on the run.
SEARCH = settings(max_examples=3000, database=None, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))


def observed(strategy: SearchStrategy[T], features: Mapping[str, Callable[[T], bool]], examples: int) -> set[str]:
    """The features reached: one derandomized pass of ``examples`` draws for all of them, then a
    targeted ``find`` for each one the pass missed (a pass alone depends on the draw order, which
    changes whenever the catalog gains a column)."""
    seen: set[str] = set()

    @settings(max_examples=examples, phases=[Phase.generate], derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value: T) -> None:
        seen.update(name for name, feature in features.items() if feature(value))

    collect()
    for name, feature in features.items():
        if name not in seen and _found(strategy, feature):
            seen.add(name)
    return seen


def _found(strategy: SearchStrategy[T], feature: Callable[[T], bool]) -> bool:
    try:
        find(strategy, feature, settings=SEARCH)
    except NoSuchExample:
        return False
    return True
