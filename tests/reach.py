"""Reachability of strategy features: what a strategy promises to produce, it can produce."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.strategies import SearchStrategy

T = TypeVar("T")

#: The draws: generated only (no shrink: a feature reached is all that is asked), no example database. Seeded
#: rather than ``derandomize``d: a derandomized search once drew 3,000 dv_protections without one ending within a
#: month (random draws hold one in about 250), and its draws, like any, change with the constants of the modules
#: loaded (Hypothesis draws some values from the literals of local code): a seeded search stays a random one.
DRAWS = settings(phases=[Phase.generate], database=None, deadline=None, suppress_health_check=list(HealthCheck))
#: Draws for one missing feature.
SEARCH_EXAMPLES = 3000


class _Reached(Exception):
    """A draw had the feature searched for: the search stops."""


def observed(strategy: SearchStrategy[T], features: Mapping[str, Callable[[T], bool]], examples: int) -> set[str]:
    """The features reached: one seeded pass of ``examples`` draws for all of them, then a targeted search
    for each one the pass missed (a pass alone depends on the draw order, which changes whenever the catalog
    gains a column)."""
    seen: set[str] = set()

    @seed(0)
    @settings(DRAWS, max_examples=examples)
    @given(strategy)
    def collect(value: T) -> None:
        seen.update(name for name, feature in features.items() if feature(value))

    collect()
    for name, feature in features.items():
        if name not in seen and _found(strategy, feature):
            seen.add(name)
    return seen


def _found(strategy: SearchStrategy[T], feature: Callable[[T], bool]) -> bool:
    @seed(0)
    @settings(DRAWS, max_examples=SEARCH_EXAMPLES)
    @given(strategy)
    def search(value: T) -> None:
        if feature(value):
            raise _Reached

    try:
        search()
    except _Reached:
        return True
    return False
