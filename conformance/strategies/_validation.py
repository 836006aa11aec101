"""Argument checks of the strategies.

Hypothesis's own strategies check their arguments when the strategy is first drawn from, not when
it is built, so a module-level strategy with a bad argument does not break an import. Ours do the
same: each public function wraps its work in :func:`lazily`, whose builder validates every argument
first and raises :class:`~hypothesis.errors.InvalidArgument` naming the argument, the value and what
is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, datetime
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.testdata.town import jumin_edition

T = TypeVar("T")


def lazily(build: Callable[[], SearchStrategy[T]]) -> SearchStrategy[T]:
    """The strategy ``build()`` returns, built (and its arguments checked) on the first draw."""
    return st.deferred(build)


def _listing(values: Collection[object]) -> str:
    return ", ".join(repr(value) for value in values)


def check_choice(name: str, value: object, allowed: Collection[object]) -> None:
    """``value`` is one of ``allowed``."""
    if isinstance(value, bool) or value not in allowed:
        raise InvalidArgument(f"{name}={value!r}: expected one of {_listing(allowed)}")


def check_optional_bool(name: str, value: object) -> None:
    """``value`` is True, False or None (None: either, drawn)."""
    if value is not None and not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r}: expected True, False or None")


def check_int(name: str, value: object, low: int, high: int) -> int:
    """``value`` is an int (not a bool) in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r}: expected an int")
    if not low <= value <= high:
        raise InvalidArgument(f"{name}={value!r}: expected {low} <= {name} <= {high}")
    return value


def check_date(name: str, value: object) -> date:
    """``value`` is a ``date`` (a ``datetime`` is refused: the register keeps days)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidArgument(f"{name}={value!r}: expected a datetime.date")
    return value


def check_date_range(low_name: str, low: object, high_name: str, high: object) -> tuple[date, date]:
    """Two dates with ``low <= high``."""
    first, last = check_date(low_name, low), check_date(high_name, high)
    if first > last:
        raise InvalidArgument(f"{low_name}={first} is after {high_name}={last}")
    return first, last


def check_edition(edition: object) -> EditionCatalog:
    """An ``EditionCatalog``; None stands for the bundled 住民記録 1.0."""
    if edition is None:
        return jumin_edition()
    if not isinstance(edition, EditionCatalog):
        raise InvalidArgument(f"edition={edition!r}: expected an EditionCatalog (load_edition(...)) or None")
    return edition
