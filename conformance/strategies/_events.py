"""``event_sequences()``: a person's 異動 in time order, between real municipalities.

A sequence starts with the person's arrival in a municipality (転入, or 出生 there); while resident
come 転居, 世帯変更, and at most one exit (転出 or 死亡); after a 転出 only a 転入 can follow (into
the 転出先, or anywhere after leaving for abroad); nothing follows a 死亡. Dates never go back;
several events may share a day (a move on one day: 転出 and 転入 on the same date).
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.oracles.residence import Residence
from conformance.strategies._dates import draw_day, pick
from conformance.strategies._places import MUNICIPALITIES
from conformance.strategies._validation import check_date_range, lazily

EventKind = Literal["転入", "転出", "転居", "出生", "死亡", "世帯変更"]
EVENT_KINDS: tuple[EventKind, ...] = ("転入", "転出", "転居", "出生", "死亡", "世帯変更")
#: Events that start a stay in a municipality, and those that end it.
ENTRIES: tuple[EventKind, ...] = ("転入", "出生")
EXITS: tuple[EventKind, ...] = ("転出", "死亡")
#: Events of a resident that keep the stay (simple ones first: draws shrink to them).
_WHILE_RESIDENT: tuple[EventKind, ...] = ("転居", "世帯変更", "転出", "死亡")
MAX_EVENTS = 8
ABROAD = ""


@dataclass(frozen=True)
class Event:
    """One 異動 of a person.

    ``municipality`` is the 6-digit 全国地方公共団体コード (check digit included) of the municipality
    whose register records the event. ``counterpart``: for a 転入 the municipality moved from, for a
    転出 the municipality moved to; '' for abroad, and for the other kinds.
    """

    kind: EventKind
    on: date
    municipality: str
    counterpart: str = ABROAD


@dataclass(frozen=True)
class _State:
    """Where the person is after the events so far."""

    started: bool = False
    dead: bool = False
    resident_in: str | None = None
    #: After a 転出: where to (ABROAD or a code), and where from.
    bound_for: str | None = None
    left: str = ABROAD

    def next_kinds(self, kinds: Set[str]) -> list[EventKind]:
        if self.dead:
            return []
        if not self.started:
            allowed: Sequence[EventKind] = ENTRIES
        elif self.resident_in is not None:
            allowed = _WHILE_RESIDENT
        else:
            allowed = ("転入",)
        return [kind for kind in allowed if kind in kinds]

    def after(self, event: Event) -> _State:
        if event.kind in ENTRIES:
            return _State(started=True, resident_in=event.municipality)
        if event.kind == "転出":
            return replace(self, resident_in=None, bound_for=event.counterpart, left=event.municipality)
        if event.kind == "死亡":
            return replace(self, dead=True, resident_in=None)
        return self


_CODES = tuple(MUNICIPALITIES)
#: Where a move leads, as the rules tell them apart (国民健康保険: a move inside the prefecture keeps
#: the 資格; abroad: 喪失 the day after).
_ELSEWHERE, _SAME_PREFECTURE = "another prefecture", "same prefecture"
_DESTINATIONS = (_ELSEWHERE, _SAME_PREFECTURE, ABROAD)


def _other_place(draw: st.DrawFn, place: str) -> str:
    """A municipality other than ``place`` (in the same prefecture a third of the time, when there is
    one), or ABROAD."""
    where = pick(draw, _DESTINATIONS)
    if where == ABROAD:
        return ABROAD
    same = [code for code in _CODES if code != place and code[:2] == place[:2]]
    other = [code for code in _CODES if code[:2] != place[:2]]
    return pick(draw, same if where == _SAME_PREFECTURE and same else other)


def _event(draw: st.DrawFn, kind: EventKind, day: date, state: _State) -> Event:
    """The event of ``kind`` on ``day`` that fits ``state``."""
    if kind == "転入" and state.bound_for:  # the 転入 the 転出 announced
        return Event(kind, day, state.bound_for, state.left)
    if kind in ENTRIES:
        place = pick(draw, _CODES)
        # Drawn for every entry, so a 転入 takes no more draws than a 出生 and draws shrink to 転入.
        origin = _other_place(draw, place)
        if kind == "出生" or state.started:  # born here, or back from abroad
            return Event(kind, day, place)
        return Event(kind, day, place, origin)
    assert state.resident_in is not None  # next_kinds offers the other kinds to residents only
    if kind == "転出":
        return Event(kind, day, state.resident_in, _other_place(draw, state.resident_in))
    return Event(kind, day, state.resident_in)


@st.composite
def sequences(draw: st.DrawFn, start: date, end: date, kinds: Set[str]) -> list[Event]:
    """Events on sorted days in [start, end] (days that rules turn on favoured), as far as ``kinds``
    allow a consistent continuation."""
    days = sorted(draw_day(draw, start, end) for _ in range(draw(st.integers(1, MAX_EVENTS))))
    events: list[Event] = []
    state = _State()
    for day in days:
        choices = state.next_kinds(kinds)
        if not choices:
            break
        event = _event(draw, pick(draw, choices), day, state)
        events.append(event)
        state = state.after(event)
    return events


def check_kinds(kinds: object) -> frozenset[str]:
    """``kinds``: None (all), or a set of event kinds with one that starts a stay (転入 or 出生)."""
    if kinds is None:
        return frozenset(EVENT_KINDS)
    if not isinstance(kinds, Set) or not all(isinstance(kind, str) for kind in kinds):
        raise InvalidArgument(f"kinds={kinds!r}: expected a frozenset of {', '.join(EVENT_KINDS)}")
    unknown = sorted(set(kinds) - set(EVENT_KINDS))
    if unknown:
        raise InvalidArgument(f"kinds={kinds!r}: unknown kinds {unknown}; expected some of {', '.join(EVENT_KINDS)}")
    if not set(kinds) & set(ENTRIES):
        raise InvalidArgument(f"kinds={kinds!r}: needs 転入 or 出生, the events a sequence starts with")
    return frozenset(kinds)


def event_sequences(
    *, start: date = date(2019, 1, 1), end: date = date(2026, 3, 31), kinds: frozenset[str] | None = None
) -> SearchStrategy[list[Event]]:
    """Consistent sequences of 1-8 events (:class:`Event`) dated in [start, end].

    ``kinds`` limits the kinds drawn (default: 転入, 転出, 転居, 出生, 死亡, 世帯変更); it must contain
    転入 or 出生. The first event is a 転入 or 出生; no 転出 comes before a 転入; nothing comes after a
    死亡; a 転入 after a 転出 is into its 転出先. Dates are non-decreasing and favour 1/1, 1/2, 3/31,
    4/1, month ends and 2/29. Municipalities are real 全国地方公共団体コード (``MUNICIPALITIES``).
    Shrinks towards a single 転入 or 出生.
    """

    def build() -> SearchStrategy[list[Event]]:
        first, last = check_date_range("start", start, "end", end)
        return sequences(first, last, check_kinds(kinds))

    return lazily(build)


def residence_history(events: Sequence[Event]) -> tuple[Residence, ...]:
    """The stays (:class:`~conformance.oracles.residence.Residence`) the events make: one per 転入
    or 出生, ended by the next 転出 or 死亡 (``moved_out`` is its day)."""
    stays: list[Residence] = []
    for event in events:
        if event.kind in ENTRIES:
            if stays and stays[-1].moved_out is None:
                raise ValueError(f"{event.kind} on {event.on} while still resident in {stays[-1].municipality}")
            stays.append(Residence(event.municipality, event.on))
        elif event.kind in EXITS:
            if not stays or stays[-1].moved_out is not None:
                raise ValueError(f"{event.kind} on {event.on} without a stay to end")
            stays[-1] = replace(stays[-1], moved_out=event.on)
    return tuple(stays)
