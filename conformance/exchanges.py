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

A cached value is linked as one :class:`Made` (its exchanges, numbered once in the process), never exchange by
exchange: the 住民記録 model's machine makes thousands of exchanges a seed, and each of the hundred requirements bound
to it reads them at every seed of the run (issue 65: 8 million links a ``--thorough`` run, one line each in the
recording). The listener is told of a value's exchanges once, when it is written to the cache, and of each
requirement that reads it once; what is held here per value is bounded (its count, and the first
:data:`MAX_REFERENCES` references a result can keep), and per requirement too (its kept references and the values
it read).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

#: References kept per requirement in its result (the HAR file tags every entry, whatever the count).
MAX_REFERENCES = 50

Reference = Mapping[str, Any]


#: Numbers the cached values of the process (:class:`Made`): several targets' caches share one recorder.
_MADE_NUMBERS = itertools.count(1)


@dataclass(frozen=True, eq=False)
class Made:
    """The exchanges behind one cached value: how many, and the first :data:`MAX_REFERENCES` references (all a
    requirement's result can keep of them; the listener was given every id when the value was written).
    ``number`` names it in the recording (unique in the process)."""

    count: int
    references: tuple[Reference, ...]
    number: int = field(default_factory=lambda: next(_MADE_NUMBERS))

    @classmethod
    def of(cls, references: Sequence[Reference]) -> Made:
        """The value made by ``references`` (in the order they were made)."""
        return cls(len(references), tuple(references[:MAX_REFERENCES]))


class Served:
    """The exchanges that served one requirement, in order; the first :data:`MAX_REFERENCES` are kept.

    What it holds is bounded whatever the count (the kept references and their ids; the cached values read, one
    entry each however many exchanges made them), but for the exchanges made since its last cache write, which the
    next write takes (a machine's run at one seed)."""

    def __init__(self, requirement: str, limit: int = MAX_REFERENCES) -> None:
        self.requirement = requirement
        self.limit = limit
        #: Exchanges served: each made inside once, each cached value read once with all its exchanges.
        self.count = 0
        self._kept: list[Reference] = []
        self._kept_ids: set[str] = set()
        self._read: set[int] = set()  # the Made.number of the cached values read or written here
        self._pending: list[Reference] = []  # made since the last cache write (LinkedCache)

    @property
    def references(self) -> tuple[Reference, ...]:
        """The kept references (at most ``limit``)."""
        return tuple(self._kept)

    def add(self, reference: Reference) -> bool:
        """Add a reference unless one with its id is kept; whether it was new. (While fewer than ``limit`` are
        kept, every id seen is kept: a full list takes no more, so the kept ids are all the check needs.)"""
        ident = str(reference["id"])
        if ident in self._kept_ids:
            return False
        self.count += 1
        if len(self._kept) < self.limit:
            self._kept.append(dict(reference))
            self._kept_ids.add(ident)
        return True

    def reuse(self, made: Made) -> bool:
        """A cached value read: its exchanges served this requirement (``"reused": true`` in the kept references);
        whether it was new here (not read nor written here before)."""
        if made.number in self._read:
            return False
        self._read.add(made.number)
        self.count += made.count
        for reference in made.references:
            if len(self._kept) >= self.limit:
                break
            if str(reference["id"]) not in self._kept_ids:
                self._kept.append({**reference, "reused": True})
                self._kept_ids.add(str(reference["id"]))
        return True

    def wrote(self, made: Made) -> None:
        """A cached value this requirement made: reading it again here links nothing new."""
        self._read.add(made.number)

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


_WATCHING: ContextVar[tuple[list[Reference], ...]] = ContextVar("conformance_watching", default=())


@contextmanager
def watching() -> Iterator[list[Reference]]:
    """The references of the exchanges recorded inside, in order (none when nothing records): a check names the
    exchange of the very request a finding is about (a scenario's, among the many it made). Tags nothing."""
    seen: list[Reference] = []
    token = _WATCHING.set((*_WATCHING.get(), seen))
    try:
        yield seen
    finally:
        _WATCHING.reset(token)


def note(reference: Reference) -> None:
    """A recorded exchange: every requirement being served gets its reference (and every :func:`watching`)."""
    for served in _ACTIVE.get():
        if served.add(reference):
            served._pending.append(reference)
    for seen in _WATCHING.get():
        seen.append(reference)


class ReuseListener(Protocol):
    """Told of the exchanges behind a cached value (once, when it is written) and of the requirements that read it
    (once each): :class:`conformance.recorder.HarRecorder` writes both to the recording."""

    def made(self, made: Made, ids: Sequence[str]) -> None:
        """The exchanges behind a value just written to the cache (``ids``, in the order they were made)."""

    def link(self, made: Made, requirements: Sequence[str]) -> None:
        """Requirements being served read the value ``made``."""


class LinkedCache(dict[str, Any]):
    """``Target.cache`` that links a requirement reading a cached value to the exchanges behind it."""

    def __init__(self, on_reuse: ReuseListener | None = None) -> None:
        super().__init__()
        self._on_reuse = on_reuse
        self._made_by: dict[str, Made] = {}

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        active = _ACTIVE.get()
        pending = active[-1].take_pending() if active else []
        if pending or key not in self._made_by:
            made = self._made_by[key] = Made.of(pending)
            if active:
                active[-1].wrote(made)
            if pending and self._on_reuse is not None:
                self._on_reuse.made(made, [str(reference["id"]) for reference in pending])

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        self._reuse(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """As :meth:`dict.get`, linking like ``cache[key]``."""
        if key not in self:
            return default
        return self[key]

    def made_of(self, key: str) -> Made | None:
        """What is held of the exchanges behind the value of ``key`` (None: never written)."""
        return self._made_by.get(key)

    def _reuse(self, key: str) -> None:
        made = self._made_by.get(key)
        active = _ACTIVE.get()
        if made is None or not made.count or not active:
            return
        added = [served.reuse(made) for served in active]
        if any(added) and self._on_reuse is not None:
            self._on_reuse.link(made, current_requirements())
