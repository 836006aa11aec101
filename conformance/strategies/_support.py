"""支援措置 periods (住民記録 1.0 j440), with the dates computed by :mod:`conformance.oracles.shien_sochi`.

The period is one year from its start (令和2年4月1日 -> 令和3年3月31日); an extension can be
processed from one month before the end and adds a year from the day after the old end. A
仮支援措置 protects the person while the 申出 is examined, so it is recent and never extended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.oracles.shien_sochi import extended_end_date, extension_window, support_end_date
from conformance.strategies._dates import add_years, draw_day

#: The latest start that leaves room for an extension by the snapshot: the extension window opens
#: one month before the end, and the end is a year after the start (364-365 days).
EXTENSIBLE = timedelta(days=340)
#: How far back protections start, and how long a 仮支援措置 has been under review at most.
HISTORY_YEARS = 5
REVIEW = timedelta(days=60)
MAX_EXTENSIONS = 4
_NO_YES = st.sampled_from((False, True))


@dataclass(frozen=True)
class SupportPeriod:
    """A 支援措置: start, current end (after extensions), 仮支援措置 or not, and the days each
    extension was processed."""

    start: date
    end: date
    provisional: bool = False
    extended_on: tuple[date, ...] = ()


def can_extend(earliest: date, as_of: date) -> bool:
    """Whether a protection starting on or after ``earliest`` can have been extended by ``as_of``."""
    return earliest <= as_of - EXTENSIBLE


def draw_support(
    draw: st.DrawFn, earliest: date, as_of: date, *, provisional: bool | None = None, extended: bool | None = None
) -> SupportPeriod:
    """A protection starting in [earliest, as_of]; ``extended=True`` needs :func:`can_extend`."""
    if provisional is None and extended is None:
        # One choice of the kind, plain first: every kind then takes as many choices, so Hypothesis
        # (which prefers shorter choice sequences) shrinks to a plain protection.
        kinds = ("plain", "provisional", "extended") if can_extend(earliest, as_of) else ("plain", "provisional")
        kind = draw(st.sampled_from(kinds))
        provisional, extended = kind == "provisional", kind == "extended"
    if provisional is None:
        provisional = False if extended else draw(_NO_YES)
    if extended is None:
        extended = not provisional and can_extend(earliest, as_of) and draw(_NO_YES)
    if provisional:
        start = draw_day(draw, max(earliest, as_of - REVIEW), as_of)
        return SupportPeriod(start, support_end_date(start), provisional=True)
    low = max(earliest, add_years(as_of, -HISTORY_YEARS))
    start = draw_day(draw, low, as_of - EXTENSIBLE if extended else as_of)
    end, processed = support_end_date(start), list[date]()
    for _ in range(draw(st.integers(1, MAX_EXTENSIONS)) if extended else 0):
        opens, closes = extension_window(end)
        if opens > as_of:
            break
        processed.append(draw_day(draw, opens, min(closes, as_of)))
        end = extended_end_date(end)
    return SupportPeriod(start, end, False, tuple(processed))
