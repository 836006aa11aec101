"""和暦 (Japanese era) dates: the display the spec requires on certificates (住民記録 1.0 j90, j280).

DOMAIN.md, "Dates that are not calendar dates": non-calendar dates such as 2月29日 of a common year
must be accepted, so formatting works on the (year, month, day) numbers, never through ``datetime``.
The boundary days belong to the new era from their first day (明治45年7月30日 is also 大正元年7月30日:
the law names the new era from that day, and this module prints the new one).
"""

from __future__ import annotations

import re

#: (era, first day as (y, m, d)), newest first.
ERAS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("令和", (2019, 5, 1)),
    ("平成", (1989, 1, 8)),
    ("昭和", (1926, 12, 25)),
    ("大正", (1912, 7, 30)),
    ("明治", (1868, 1, 25)),
)

_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
WAREKI_PATTERN = re.compile(r"^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日$")
SEIREKI_PATTERN = re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")


def split_iso(value: str) -> tuple[int, int, int]:
    """``YYYY-MM-DD`` as numbers, without calendar validation (non-calendar dates are allowed)."""
    match = _ISO.match(value)
    if match is None:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    year, month, day = (int(part) for part in match.groups())
    return year, month, day


def to_wareki(value: str) -> str:
    """``1983-02-29`` -> ``昭和58年2月29日``; the first year of an era is ``元年``."""
    year, month, day = split_iso(value)
    for era, start in ERAS:
        if (year, month, day) >= start:
            number = year - start[0] + 1
            shown = "元" if number == 1 else str(number)
            return f"{era}{shown}年{month}月{day}日"
    raise ValueError(f"before 明治: {value!r}")


def to_seireki(value: str) -> str:
    """``1983-02-28`` -> ``1983年2月28日`` (the style for a foreign resident's birth date)."""
    year, month, day = split_iso(value)
    return f"{year}年{month}月{day}日"


def date_style(text: str) -> str:
    """``wareki``, ``seireki``, ``both`` (併記: both styles in one value) or ``other``."""
    has_wareki = re.search(r"(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年", text) is not None
    has_seireki = re.search(r"(?<![0-9])[0-9]{4}年", text) is not None
    if has_wareki and has_seireki:
        return "both"
    return "wareki" if has_wareki else "seireki" if has_seireki else "other"
