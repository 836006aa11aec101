"""``scenarios()``: a person, the events of their life, and the stays those events make.

The row is the person's record in the register of one of the stays (``home``; the last one unless
drawn otherwise): the municipality a vendor under test would hold. Its dates come from the events:
住民となった年月日 is the 転入/出生 that started the stay, 住所を定めた年月日 its last 転居, the
異動事由/異動日 its last event; a stay ended by a 転出 is 住民状態 転出 (with 転出予定年月日, and the
転出先 and 転出年月日（確定） from the next 転入 when one follows), by a 死亡 住民状態 死亡.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.oracles.residence import Residence
from conformance.strategies._dates import calendar_birth, draw_birth, pick
from conformance.strategies._events import ENTRIES, Event, check_kinds, residence_history, sequences
from conformance.strategies._layout import CATEGORY, SERIALS, RowSpec, m11w2_7, row_spec
from conformance.strategies._people import (
    DAY,
    MIN_BIRTH,
    SEXES,
    Kind,
    Life,
    Person,
    Placement,
    draw_foreign,
    draw_foreign_name,
    draw_japanese_name,
    draw_notice,
    draw_row,
)
from conformance.strategies._places import MUNICIPALITIES, addresses
from conformance.strategies._residents import resident_request
from conformance.strategies._validation import check_date_range, check_edition, lazily

#: The categories of a foreign person with a history of years (the others arrive or change within months).
_SETTLED_CATEGORIES = ("中長期在留者", "特別永住者")
_SEX = st.sampled_from(SEXES)
_NO_YES = st.sampled_from((False, True))


@dataclass(frozen=True)
class Scenario:
    """A person's row, the events of their life, and the stays those events make.

    ``residences[home]`` is the stay the row records (``home`` is an index; -1: the last stay).
    """

    row: dict[str, str] = field(hash=False)
    events: tuple[Event, ...]
    residences: tuple[Residence, ...]
    home: int = -1

    @property
    def stay(self) -> Residence:
        """The stay the row records."""
        return self.residences[self.home]


@dataclass(frozen=True)
class _Home:
    """The events of the home stay, and the events just around it."""

    entry: Event
    inside: tuple[Event, ...]  # the entry and what followed while resident
    before: Event | None  # the 転出 that led here, when in the sequence
    after: Event | None  # the 転入 that followed the exit, when in the sequence

    @property
    def last(self) -> Event:
        return self.inside[-1]


def _home(events: Sequence[Event], index: int) -> _Home:
    """The ``index``-th stay's events (stays are counted by their entries)."""
    entries = [position for position, event in enumerate(events) if event.kind in ENTRIES]
    first = entries[index]
    stop = entries[index + 1] if index + 1 < len(entries) else len(events)
    inside = tuple(events[first:stop])
    before = events[first - 1] if first > 0 and events[first - 1].kind == "転出" else None
    after = events[stop] if stop < len(events) and inside[-1].kind == "転出" else None
    return _Home(events[first], inside, before, after)


def _moves(home: _Home) -> dict[str, str]:
    """The move-history items of the home stay's row (the layout keeps those it has)."""
    last = home.last
    moves = {"住所_市区町村コード": home.entry.municipality,
             "転入前住所_市区町村コード": home.entry.counterpart if home.entry.kind == "転入" else ""}
    if home.before is not None:
        moves["転入前住所_転出予定年月日"] = home.before.on.isoformat()
    if last.kind == "転出":
        moves["転出予定年月日"] = last.on.isoformat()
    if last.kind == "転出" and home.after is not None:
        # j680: the 転入通知 from the 転出先 gives the confirmed address and date (the 転入 there); the
        # 除票 date is then the earlier of it and the 転出予定年月日 (oracles.jumin.removal_date).
        moves["転出先住所（確定）_市区町村コード"] = home.after.municipality
        moves["転出年月日（確定）"] = home.after.on.isoformat()
    return moves


_STATUS_OF_EXIT = {"転出": "転出", "死亡": "死亡"}


def _life(draw: st.DrawFn, home: _Home, first: Event, as_of: date) -> Life:
    """The row's dates from the home stay's events; born before the first event (or at it)."""
    birth = calendar_birth(first.on) if first.kind == "出生" else draw_birth(draw, MIN_BIRTH, first.on - DAY)
    moves = [event.on for event in home.inside if event.kind == "転居"]
    address_date = moves[-1] if moves else home.entry.on
    last = home.last
    notified = draw_notice(draw, last.kind, last.on, address_date, as_of)
    return Life(birth, home.entry.on, address_date, last.kind, last.on, notified,
                _STATUS_OF_EXIT.get(last.kind, "住民"))


def _person(draw: st.DrawFn, spec: RowSpec, foreign: bool, life: Life, as_of: date) -> Person:
    sex = draw(_SEX)
    if not foreign:
        return Person(sex, draw_japanese_name(draw, sex), life)
    category = spec.code(CATEGORY, pick(draw, _SETTLED_CATEGORIES))
    status = draw_foreign(draw, spec, category, life, as_of)
    return Person(sex, draw_foreign_name(draw, status.nationality, sex, draw(_NO_YES)), life, status)


@st.composite
def scenario_draws(draw: st.DrawFn, spec: RowSpec, events_of: SearchStrategy[list[Event]], kind_foreign: bool | None,
                   as_of: date) -> Scenario:
    events = draw(events_of)
    residences = residence_history(events)
    home = -1 - draw(st.integers(0, len(residences) - 1))  # the last stay first
    stay = _home(events, len(residences) + home)
    life = _life(draw, stay, events[0], as_of)
    foreign = kind_foreign if kind_foreign is not None else draw(_NO_YES)
    person = _person(draw, spec, foreign, life, as_of)
    prefecture, city = MUNICIPALITIES[stay.entry.municipality]
    placement = Placement(m11w2_7(draw(SERIALS)), "世帯主", person.name.shown,
                          draw(addresses(prefecture, city, postal=False)), _moves(stay))
    return Scenario(draw_row(draw, spec, person, placement, as_of), tuple(events), residences, home)


def scenarios(
    edition: EditionCatalog | None = None,
    *,
    start: date = date(2019, 1, 1),
    end: date = date(2026, 3, 31),
    kinds: frozenset[str] | None = None,
    kind: Kind = "any",
) -> SearchStrategy[Scenario]:
    """A person with an event sequence (see :func:`event_sequences`: ``start``, ``end``, ``kinds``)
    and the stays it makes (``conformance.oracles.Residence``), for oracle-based scenario checks.

    ``row`` is the person's migration row in the register of ``residences[home]``: its address is
    in that municipality (an invented 町字, no postal code), its dates and 異動事由 follow the
    events, and, when the layout has them, it carries 住所_市区町村コード, 転入前住所_市区町村コード,
    転入前住所_転出予定年月日, 転出予定年月日, 転出先住所（確定）_市区町村コード and 転出年月日（確定）.
    ``kind``: ``japanese``, ``foreign`` (中長期在留者 or 特別永住者) or ``any``. No date of the row is
    after ``end`` (expiries are). Shrinks towards a Japanese resident with a single 転入 or 出生.
    """

    def build() -> SearchStrategy[Scenario]:
        spec = row_spec(check_edition(edition))
        first, last = check_date_range("start", start, "end", end)
        if first <= MIN_BIRTH:
            raise InvalidArgument(f"start={first}: a scenario's person is born after {MIN_BIRTH}, before the events")
        request = resident_request(spec, kind, None, None, None)
        return scenario_draws(spec, sequences(first, last, check_kinds(kinds)), request.foreign, last)

    return lazily(build)

