"""軽自動車税 (種別割): who pays for a fiscal year (DOMAIN.md, "Moves and dates that cross a year").

Rule (DOMAIN.md; 地方税法 443条, 445条): "軽自動車税: the owner on 4月1日 pays the whole year; no
proration, no refund."
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Ownership:
    """One owner of a vehicle from ``acquired`` (owner from that day) until ``released`` (no longer
    the owner from that day; None while still owning it)."""

    owner: str
    acquired: date
    released: date | None = None

    def owns_on(self, day: date) -> bool:
        """Whether ``day`` is in [acquired, released)."""
        return self.acquired <= day and (self.released is None or day < self.released)


def keijidosha_levy_date(fiscal_year: int) -> date:
    """The 賦課期日 of 年度 ``fiscal_year``: 4月1日 of that year."""
    return date(fiscal_year, 4, 1)


def keijidosha_tax_payer(owners: Sequence[Ownership], fiscal_year: int) -> str | None:
    """Who pays the whole year's 軽自動車税 for the 年度 ``fiscal_year`` (None: nobody owned it on 4月1日).

    Rule (DOMAIN.md): the owner on 4月1日 of the fiscal year. A transfer dated 4月1日 makes the new
    owner the payer (the new owner owns it on that day); a vehicle scrapped on 4月2日 is still taxed
    for the whole year, and one bought on 4月2日 is not taxed until the next year.
    """
    day = keijidosha_levy_date(fiscal_year)
    found = [ownership.owner for ownership in owners if ownership.owns_on(day)]
    if len(found) > 1:
        raise ValueError(f"two owners on {day}: {found}")
    return found[0] if found else None
