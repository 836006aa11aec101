"""個人住民税: which municipality levies it for a fiscal year (DOMAIN.md, "Moves and dates that cross a year").

Rule (DOMAIN.md; 地方税法 39条, 318条): "個人住民税: taxed by the municipality of the address on 1月1日
(賦課期日); no monthly proration; a person who dies after 1/2 is still taxed that year."
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from conformance.oracles.residence import Residence, address_on


def levy_date(fiscal_year: int) -> date:
    """The 賦課期日 of the 個人住民税 of 年度 ``fiscal_year``: 1月1日 of that year (令和3年度 -> 2021-01-01)."""
    return date(fiscal_year, 1, 1)


def juminzei_municipality(
    history: Sequence[Residence], fiscal_year: int, *, died: date | None = None
) -> str | None:
    """The 全国地方公共団体コード of the municipality that levies the person's 個人住民税 for the
    年度 ``fiscal_year``, or None when no municipality of the history does.

    Rule (DOMAIN.md): the municipality of the address on 1月1日 of the fiscal year, for the whole year
    (no proration: moving out on 1月2日 changes nothing). Interpretations:

    - on a move day the new address counts (see :mod:`conformance.oracles.residence`): moving out on
      1月1日 to an address elsewhere taken the same day is taxed by the new municipality; moving out
      on 1月1日 with no address elsewhere that day (abroad) is still taxed by the old one;
    - "dies after 1/2 is still taxed": a person alive on 1月1日 is taxed, so death on 1月2日 or later
      is taxed and death on 1月1日 (or earlier) is not;
    - a 1月1日 that falls between two stays (no address) gives None.
    """
    day = levy_date(fiscal_year)
    if died is not None and died <= day:
        return None
    stay = address_on(history, day)
    return stay.municipality if stay is not None else None


def is_levied_by(
    municipality: str, history: Sequence[Residence], fiscal_year: int, *, died: date | None = None
) -> bool:
    """Whether ``municipality`` levies the person's 個人住民税 for the fiscal year.

    Rule: see :func:`juminzei_municipality` (DOMAIN.md: the address on 1月1日).
    """
    return juminzei_municipality(history, fiscal_year, died=died) == municipality
