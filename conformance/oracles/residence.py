"""A person's address history in municipalities: the input of the rule oracles about moves.

DOMAIN.md, "Moves and dates that cross a year". The model (our interpretation, stated once here):

- A :class:`Residence` is one stay in one municipality, from ``moved_in`` (the day the person got the
  address there: 転入, birth or the first day of the history) to ``moved_out`` (the day the person
  ceased to have it: the 転出 date, or the day of death; ``None`` while still resident).
- The person has the address on every day from ``moved_in`` to ``moved_out`` inclusive. When the
  next stay starts on the ``moved_out`` day (a move on one day), the new address is the one the person
  has on that day: 国民健康保険法 8条 and DOMAIN.md ("or the same day if the person gets an address
  elsewhere that day") treat that day as the new municipality's.
- A history is a sequence of stays in time order that do not overlap except on such a move day.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from conformance.oracles.identifiers import is_valid_lg_code


@dataclass(frozen=True)
class Residence:
    """One stay in a municipality.

    ``municipality`` is its 6-digit 全国地方公共団体コード (check digit included); the prefecture is
    its first two digits.
    """

    municipality: str
    moved_in: date
    moved_out: date | None = None

    def __post_init__(self) -> None:
        if not is_valid_lg_code(self.municipality):
            raise ValueError(f"not a 6-digit 全国地方公共団体コード with its check digit: {self.municipality!r}")
        if self.moved_out is not None and self.moved_out < self.moved_in:
            raise ValueError(f"moved out ({self.moved_out}) before moving in ({self.moved_in})")

    @property
    def prefecture(self) -> str:
        """The 2-digit 都道府県コード (the first two digits of the municipality code)."""
        return self.municipality[:2]

    def has_address_on(self, day: date) -> bool:
        """Whether ``day`` is inside the stay (both ends included)."""
        return self.moved_in <= day and (self.moved_out is None or day <= self.moved_out)


def validate_history(history: Sequence[Residence]) -> None:
    """``ValueError`` unless the stays are in time order and only touch on a move day."""
    for earlier, later in itertools.pairwise(history):
        if earlier.moved_out is None or later.moved_in < earlier.moved_out:
            raise ValueError(f"stays overlap or are out of order: {earlier} then {later}")


def address_on(history: Sequence[Residence], day: date) -> Residence | None:
    """The stay whose address the person has on ``day`` (the later one on a move day), or None."""
    validate_history(history)
    found = [stay for stay in history if stay.has_address_on(day)]
    return found[-1] if found else None


def following(history: Sequence[Residence], stay: Residence) -> Residence | None:
    """The stay after ``stay`` in the history, or None (still resident, emigrated, or died)."""
    index = history.index(stay)
    return history[index + 1] if index + 1 < len(history) else None


def address_lost_day(history: Sequence[Residence], stay: Residence) -> date | None:
    """The day a 資格 tied to the address of ``stay`` is lost, in the words two laws share (介護保険法 第11条第1項,
    国民健康保険法 第8条第1項: 住所を有しなくなった日の翌日; ただし、その日に他の市町村の区域内に住所を有するに至った
    ときは、その日): the day after moving out, or the moving-out day itself when the next stay of the history
    begins on or before it; None while the person still lives there."""
    if stay.moved_out is None:
        return None
    after = following(history, stay)
    if after is not None and after.moved_in <= stay.moved_out:
        return stay.moved_out
    return stay.moved_out + timedelta(days=1)
