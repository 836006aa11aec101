"""Dates that rules turn on, and birth dates in every form the register accepts (住民記録 1.0 j80).

Rules about moves and dates change their answer on a few days: 1月1日 (個人住民税), 1月2日, 3月31日
and 4月1日 (年度, 軽自動車税), month ends (monthly premiums), 2月28日/29日 (leap years, ages), and the
era boundaries. Plain ``st.dates`` almost never hits them, so every date drawn here is one of them
about as often as an ordinary day, and shrinks to the ordinary branch.

The ``draw_*`` functions take a ``draw`` and draw from primitive strategies only (``st.integers``,
which Hypothesis caches by bounds): building a strategy per value would cost more than the value.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from conformance.oracles.dates import anniversary
from conformance.oracles.wareki import to_wareki
from conformance.strategies._validation import check_date_range, lazily

T = TypeVar("T")

#: The last day of an era and the first day of the next (明治/大正, 大正/昭和, 昭和/平成, 平成/令和).
ERA_BOUNDARY_DAYS: tuple[date, ...] = (
    date(1912, 7, 29), date(1912, 7, 30), date(1926, 12, 24), date(1926, 12, 25),
    date(1989, 1, 7), date(1989, 1, 8), date(2019, 4, 30), date(2019, 5, 1),
)
#: Days of every year that rules turn on; ``end`` is the last day of a drawn month.
_YEARLY_DAYS = ("01-01", "01-02", "03-31", "04-01", "end", "02-28", "02-29")
_ANY, _YEARLY, _EDGE, _ERA = "any", "yearly", "edge", "era"
_KINDS = st.sampled_from((_ANY, _YEARLY, _EDGE))
_KINDS_WITH_ERAS = st.sampled_from((_ANY, _YEARLY, _EDGE, _ERA))
#: Birth forms: a calendar date half the time (listed twice), then the odd forms of j80.
_BIRTH_FORMS = st.sampled_from(("calendar", "calendar", "non_calendar", "unknown"))


def pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options`` (non-empty), shrinking to the first."""
    return options[draw(st.integers(0, len(options) - 1))]


def draw_day(draw: st.DrawFn, low: date, high: date) -> date:
    """A day in [low, high] (``low <= high``): an ordinary day, a day of the year rules turn on, an
    end of the range itself (born on the snapshot day, moved in the day after birth), or an era
    boundary day, each about as often."""
    eras = [day for day in ERA_BOUNDARY_DAYS if low <= day <= high]
    kind = draw(_KINDS_WITH_ERAS if eras else _KINDS)
    if kind == _ANY:
        return low + timedelta(days=draw(st.integers(0, (high - low).days)))
    if kind == _EDGE:
        return pick(draw, (low, high))
    if kind == _ERA:
        return pick(draw, eras)
    year = draw(st.integers(low.year, high.year))
    return clamp(_yearly_day(year, pick(draw, _YEARLY_DAYS), draw(st.integers(1, 12))), low, high)


def _yearly_day(year: int, which: str, month: int) -> date:
    if which == "end":
        return date(year, month, calendar.monthrange(year, month)[1])
    if which == "02-29":
        # The leap year of the same four-year cycle, so 2/29 is drawn as often as the other days.
        leap = year - year % 4
        return date(leap, 2, 29) if leap >= 1 and calendar.isleap(leap) else date(year, 2, 28)
    month_text, day_text = which.split("-")
    return date(year, int(month_text), int(day_text))


@st.composite
def _days(draw: st.DrawFn, low: date, high: date) -> date:
    return draw_day(draw, low, high)


def dates_between(low: date, high: date) -> SearchStrategy[date]:
    """:func:`boundary_dates` without argument checks (``low <= high`` is the caller's duty)."""
    return _days(low, high)


def boundary_dates(min_value: date = date(1900, 1, 1), max_value: date = date(2099, 12, 31)) -> SearchStrategy[date]:
    """Dates in [min_value, max_value] that favour 1/1, 1/2, 3/31, 4/1, month ends, 2/28, 2/29, the
    era boundary days (:data:`ERA_BOUNDARY_DAYS`) and the two bounds; shrinks towards ``min_value``."""

    def build() -> SearchStrategy[date]:
        low, high = check_date_range("min_value", min_value, "max_value", max_value)
        return dates_between(low, high)

    return lazily(build)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years (a 2月29日 lands on 3月1日 of a common year, 民法 143条)."""
    return anniversary(day, years)


def clamp(day: date, low: date, high: date) -> date:
    return min(max(day, low), high)


# -- birth dates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Birth:
    """A birth date as the register keeps it.

    ``day`` is the calendar day used for order and ages. ``value`` is the 生年月日 item: its ISO
    form, a non-calendar ``YYYY-02-29`` of a common year (``day`` is then 2月28日), or '' when the
    date is 不詳; then ``unknown_text`` is the 生年月日_不詳表記 describing ``day`` (昭和30年頃 ...).
    """

    day: date
    value: str
    unknown_text: str = ""

    @property
    def unknown(self) -> bool:
        """Whether the date is 不詳 (生年月日_不詳フラグ 1)."""
        return self.value == ""

    @property
    def calendar(self) -> bool:
        """Whether ``value`` is the ISO form of ``day`` (a real, known date)."""
        return self.value == self.day.isoformat()


def calendar_birth(day: date) -> Birth:
    return Birth(day, day.isoformat())


def draw_birth(draw: st.DrawFn, low: date, high: date) -> Birth:
    """A birth on a day in [low, high]: a calendar date (half the draws, and what it shrinks to), a
    non-calendar 2月29日 of a common year, or 不詳 with a text describing the day."""
    # The day comes first for every form, so the calendar form is also the shortest draw to shrink to.
    day = draw_day(draw, low, high)
    form = draw(_BIRTH_FORMS)
    if form == "non_calendar":
        return _non_calendar_near(day, low, high)
    return draw_unknown_birth(draw, day) if form == "unknown" else calendar_birth(day)


def _non_calendar_near(day: date, low: date, high: date) -> Birth:
    """2月29日 of the common year nearest ``day`` whose 2月28日 is in [low, high] (``day`` itself when
    there is none)."""
    years = [year for year in range(day.year, low.year - 1, -1) if low <= date(year, 2, 28) <= high]
    years += [year for year in range(day.year + 1, high.year + 1) if low <= date(year, 2, 28) <= high]
    common = sorted((year for year in years if not calendar.isleap(year)), key=lambda year: abs(year - day.year))
    return _non_calendar(common[0]) if common else calendar_birth(day)


def draw_presented(draw: st.DrawFn, day: date) -> Birth:
    """A known birth ``day`` as the register may show it: as is, as 2月29日 when it is 2月28日 of a
    common year (the 戸籍 records a day the calendar lacks), or 不詳 with a text describing it."""
    forms = ["calendar"]
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        forms.append("non_calendar")
    form = pick(draw, [*forms, "unknown"])
    if form == "non_calendar":
        return _non_calendar(day.year)
    return draw_unknown_birth(draw, day) if form == "unknown" else calendar_birth(day)


def _non_calendar(year: int) -> Birth:
    return Birth(date(year, 2, 28), f"{year:04d}-02-29")


def draw_unknown_birth(draw: st.DrawFn, day: date) -> Birth:
    """A 不詳 birth whose text (a form of j80's 不詳日入力一覧) describes ``day``."""
    return Birth(day, "", pick(draw, unknown_texts(day)))


def unknown_texts(day: date) -> tuple[str, ...]:
    """The j80 不詳 forms that fit ``day``, most common first (昭和30年頃 ...)."""
    year = to_wareki(day.isoformat()).split("年")[0] + "年"  # 昭和30年, 令和元年
    month, on = f"{day.month}月", f"{day.day}日"
    texts = [f"{year}頃", "年月日不詳", f"{year}{month}頃", f"{year}{month}{on}頃", f"推定{year}{month}{on}",
             f"推定{year}{month}", f"{year} 月日不詳", f"{year}{month} 日不詳"]
    if 3 <= day.month <= 5:
        texts.append(f"{year}春")
    if day.day <= 20:
        texts.append(f"{year}{month}上旬" if day.day <= 10 else f"{year}{month}中旬頃")
    texts.extend(_range_texts(day, year, month, on))
    return tuple(texts)


def _range_texts(day: date, year: str, month: str, on: str) -> list[str]:
    """The 「…から…までの間」 forms: a span starting on ``day`` (within its year or month)."""
    texts: list[str] = []
    later = day + timedelta(days=10)
    if later.year == day.year:
        texts.append(f"{year}{month}{on}から{later.month}月{later.day}日頃までの間")
    last = min(day.day + 5, calendar.monthrange(day.year, day.month)[1])
    if last > day.day:
        texts.append(f"{year}{month}推定{day.day}日から{last}日までの間")
        texts.append(f"{year}{month}{on}頃から{last}日頃までの間")
    return texts
