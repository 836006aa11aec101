"""DV等支援措置: the period, its extension, and the state on a given day.

Rules (住民記録 1.0 j440, 3.4 R002-R009; DOMAIN.md, "DV等支援措置"): "period 1 year, end date set
automatically from the start date and editable; extension possible from one month before the end,
for one year from the day after the old end; alerts within the last month and after expiry; ...
on move-out the protection continues automatically as 前住所地; an 抑止 does not end by itself when
its end date passes".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from conformance.oracles.dates import anniversary, one_month_before


def support_end_date(start: date) -> date:
    """The end date set automatically from the start date: one year, the start day counted.

    Rule (住民記録 1.0 j440 R002, and its example R003: 開始年月日が令和２年４月１日の場合、終了年月日が
    令和３年３月31日): the day before the same date a year later (2020-02-29 -> 2021-02-28).
    """
    return anniversary(start, 1) - timedelta(days=1)


def extension_window(end: date) -> tuple[date, date]:
    """The first and last day on which an extension can be processed.

    Rule (j440 R004: 期間終了日の１か月前から): from the day one month before the end date (the same day
    number in the previous month, or that month's last day: 3月31日 -> 2月28日/29日). Interpretation:
    the window closes on the end date itself, since the extension starts the day after it.
    """
    return one_month_before(end), end


def extended_end_date(old_end: date) -> date:
    """The end date after an extension: one year counted from the day after the old end (j440 R004).

    令和3年3月31日 -> 令和4年3月31日.
    """
    return support_end_date(old_end + timedelta(days=1))


class SupportState(Enum):
    """The state of one 支援措置 on a day (j440)."""

    NOT_STARTED = "not_started"
    ACTIVE = "active"
    ENDING_SOON = "ending_soon"  # within the last month: alert (j440 R005)
    EXPIRED = "expired"  # past the end, not extended and not ended: still protected, alert (R006)
    ENDED = "ended"  # ended by the municipality (R007)


@dataclass(frozen=True)
class Support:
    """A 支援措置: start and end date, and the day it was ended (R007), if it was."""

    start: date
    end: date
    ended: date | None = None

    @classmethod
    def starting(cls, start: date) -> Support:
        """A 支援措置 with the automatic end date (:func:`support_end_date`)."""
        return cls(start, support_end_date(start))


def support_state(support: Support, day: date, *, moved_out: date | None = None) -> SupportState:
    """The state of ``support`` on ``day``.

    Rules (j440; DOMAIN.md): a move-out does not end it (R009: it continues as 前住所地, so
    ``moved_out`` is accepted and ignored on purpose); passing the end date does not end it either
    (DOMAIN.md: "an 抑止 does not end by itself when its end date passes"), only ending it (R007) does.
    """
    del moved_out  # protection continues after move-out (R009)
    if day < support.start:
        return SupportState.NOT_STARTED
    if support.ended is not None and day >= support.ended:
        return SupportState.ENDED
    if day > support.end:
        return SupportState.EXPIRED
    return SupportState.ENDING_SOON if day >= extension_window(support.end)[0] else SupportState.ACTIVE


def is_protected(support: Support, day: date, *, moved_out: date | None = None) -> bool:
    """Whether certificates and 閲覧 must be refused on ``day`` (see :func:`support_state`)."""
    state = support_state(support, day, moved_out=moved_out)
    return state in (SupportState.ACTIVE, SupportState.ENDING_SOON, SupportState.EXPIRED)


def continues_as(moved_out: date | None, day: date) -> str:
    """Who keeps the protection on ``day``: ``現住所地`` before the move-out, ``前住所地`` from it on
    (j440 R009: 前住所地市区町村として支援措置が継続されるよう自動で切替え)."""
    return "前住所地" if moved_out is not None and day >= moved_out else "現住所地"
