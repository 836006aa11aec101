"""Which requirement an HTTP exchange served: a context the runner opens and the recorder reads.

The runner judges a requirement inside ``with serving(requirement_id) as served:``. Every exchange
the recorder (:mod:`conformance.recorder`) writes while that context is open is tagged
with the requirement's id in the HAR file (``_requirements``) and a short reference to it
(``{"id", "method", "url", "status"}``) is appended to ``served``: the runner puts those references
in :attr:`conformance.results.RequirementResult.exchanges`. Exchanges made outside any requirement
(opening the target, loading the test data: see :func:`setup_phase`) are the run's ``setup``.

The context is a :class:`contextvars.ContextVar`, so it follows the code that runs a check, not a
global: a thread started by a check does not inherit it (its exchanges count as setup), which no
check does today.

Checks share fetched data through ``Target.cache`` (a page of residents, an export file fetched
once per run). A :class:`LinkedCache` remembers which exchanges made each cached value, and a later
requirement that reads the value is linked to them too (``"reused": true`` in its references, and
its id added to the entries' ``_requirements``). Which exchanges made a value is known from the
order of events: those the requirement made since its previous write to the cache. A check that
fetches two things and caches them in one write links both to that key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

#: References kept per requirement in its result (the HAR file tags every entry, whatever the count).
MAX_REFERENCES = 50

Reference = Mapping[str, Any]


class Served:
    """The exchanges that served one requirement, in order; the first :data:`MAX_REFERENCES` are kept."""

    def __init__(self, requirement: str, limit: int = MAX_REFERENCES) -> None:
        self.requirement = requirement
        self.limit = limit
        self.count = 0
        self._kept: list[Reference] = []
        self._ids: set[str] = set()
        self._pending: list[Reference] = []  # made since the last cache write (LinkedCache)

    @property
    def references(self) -> tuple[Reference, ...]:
        """The kept references (at most ``limit``)."""
        return tuple(self._kept)

    def add(self, reference: Reference) -> bool:
        """Add a reference unless one with its id is here; whether it was new."""
        ident = str(reference["id"])
        if ident in self._ids:
            return False
        self._ids.add(ident)
        self.count += 1
        if len(self._kept) < self.limit:
            self._kept.append(dict(reference))
        return True

    def take_pending(self) -> list[Reference]:
        """The references made since the last call (what a cache write is attributed to)."""
        pending, self._pending = self._pending, []
        return pending


_ACTIVE: ContextVar[tuple[Served, ...]] = ContextVar("conformance_serving", default=())


@contextmanager
def serving(requirement: str) -> Iterator[Served]:
    """Attribute the exchanges made inside to ``requirement`` (nested contexts: to each of them)."""
    served = Served(requirement)
    token = _ACTIVE.set((*_ACTIVE.get(), served))
    try:
        yield served
    finally:
        _ACTIVE.reset(token)


@contextmanager
def setup_phase() -> Iterator[None]:
    """Exchanges made inside serve no requirement (opening the target on a requirement's first need)."""
    token = _ACTIVE.set(())
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def current_requirements() -> tuple[str, ...]:
    """The requirements being served now, outermost first (empty: setup)."""
    return tuple(dict.fromkeys(served.requirement for served in _ACTIVE.get()))


def note(reference: Reference) -> None:
    """A recorded exchange: every requirement being served gets its reference."""
    for served in _ACTIVE.get():
        if served.add(reference):
            served._pending.append(reference)


#: Told about a reused exchange: its id and the requirements that reuse it.
ReuseListener = Callable[[str, Sequence[str]], None]


class LinkedCache(dict[str, Any]):
    """``Target.cache`` that links a requirement reading a cached value to the exchanges behind it."""

    def __init__(self, on_reuse: ReuseListener | None = None) -> None:
        super().__init__()
        self._on_reuse = on_reuse
        self._made_by: dict[str, tuple[Reference, ...]] = {}

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        active = _ACTIVE.get()
        made = tuple(active[-1].take_pending()) if active else ()
        if made or key not in self._made_by:
            self._made_by[key] = made

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        self._reuse(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """As :meth:`dict.get`, linking like ``cache[key]``."""
        if key not in self:
            return default
        return self[key]

    def _reuse(self, key: str) -> None:
        made = self._made_by.get(key, ())
        active = _ACTIVE.get()
        if not made or not active:
            return
        requirements = current_requirements()
        for reference in made:
            added = [served.add({**reference, "reused": True}) for served in active]
            if any(added) and self._on_reuse is not None:
                self._on_reuse(str(reference["id"]), requirements)
