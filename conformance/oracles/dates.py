"""Ages and calendar arithmetic shared by the rule oracles.

DOMAIN.md, "Other domains" (the pattern worth one oracle): ages are "reached" on the day before the
birthday (年齢計算ニ関スル法律 with 民法 143条: 国民年金 20/60, 介護 65, school age), against
後期高齢者医療's start on the 75th birthday itself.
"""

from __future__ import annotations

from datetime import date, timedelta

#: A calendar month as (year, month).
Month = tuple[int, int]
#: One day: the step between a date and the next (the day before a birthday, the day after a last day).
DAY = timedelta(days=1)


def anniversary(birth: date, years: int) -> date:
    """The ``years``-th birthday; a 2月29日 birthday falls on 3月1日 in a common year.

    Why 3月1日: 民法 143条 2項 ends a period counted in years on the day before the corresponding
    day, and when the last month has no corresponding day, on that month's last day (2月28日), so
    the corresponding day itself is taken as the day after it.
    """
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日 in a common year
        return date(birth.year + years, 3, 1)


def age_reached_on(birth: date, age: int) -> date:
    """The day a person born on ``birth`` reaches ``age`` (年齢計算ニ関スル法律; DOMAIN.md).

    The age is reached at the end of the day before the birthday, and the law treats the day the
    age is reached as that day: born 1955-04-01 reaches 65 on 2020-03-31; born 1956-02-29 reaches 65
    on 2021-02-28.
    """
    if age < 0:
        raise ValueError(f"an age is not negative, got {age}")
    return anniversary(birth, age) - DAY


def age_on(birth: date, day: date) -> int:
    """The age (年齢計算ニ関スル法律) on ``day``: whole years reached by then (0 before the first)."""
    if day < birth:
        raise ValueError(f"{day} is before the birth {birth}")
    years = day.year - birth.year + 1  # reached on 12月31日 when born on 1月1日
    while years > 0 and age_reached_on(birth, years) > day:
        years -= 1
    return years


def month_of(day: date) -> Month:
    """The (year, month) a day is in."""
    return day.year, day.month


def next_month(month: Month) -> Month:
    """The month after ``month``."""
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def previous_month(month: Month) -> Month:
    """The month before ``month``."""
    year, number = month
    return (year - 1, 12) if number == 1 else (year, number - 1)


def months_between(first: Month, last: Month) -> tuple[Month, ...]:
    """Every month from ``first`` to ``last``, both included (empty when ``last`` is earlier)."""
    months: list[Month] = []
    current = first
    while current <= last:
        months.append(current)
        current = next_month(current)
    return tuple(months)


def premium_months(acquired: date, lost: date | None, *, until: Month) -> tuple[Month, ...]:
    """Months billed for a 資格 from ``acquired`` to ``lost``, up to ``until``.

    Rule (DOMAIN.md; 国民健康保険 and 介護保険法 第129条 alike): from the month of 取得 to the month before the month
    of 喪失. A 資格 gained and lost in the same month (同月得喪) therefore bills no month here; the 国保 oracle bills
    that month where its reading says so (``kokuho_billed_months``).
    """
    last = until if lost is None else min(until, previous_month(month_of(lost)))
    return months_between(month_of(acquired), last)


def fiscal_year_months(fiscal_year: int) -> tuple[Month, ...]:
    """The twelve months of a 年度 (April of ``fiscal_year`` to March of the next year)."""
    return months_between((fiscal_year, 4), (fiscal_year + 1, 3))


def fiscal_year_of(day: date) -> int:
    """The 年度 a day belongs to (4月1日 starts a new one)."""
    return day.year if day.month >= 4 else day.year - 1


def months_later(day: date, months: int) -> date:
    """The corresponding day ``months`` calendar months after ``day`` (民法 第143条第2項), or the first of the next
    month when that month has no such day (the period then ends on the month's last day, so the corresponding day is
    taken as the day after it, as :func:`anniversary` takes a 2月29日): 2024-01-31 and one month: 2024-03-01.
    Shared by the oracles that count periods in months (健康管理's 生後 months, 選挙人名簿's 三箇月 and 四箇月,
    法人住民税's 月割)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    try:
        return date(year, month + 1, day.day)
    except ValueError:
        return date(year + (month == 11), (month + 1) % 12 + 1, 1)


def one_month_before(day: date) -> date:
    """The corresponding day one month earlier; the month's last day when it has no such day
    (3月31日 -> 2月28日 or 29日), the rule of 民法 143条 2項 applied backwards."""
    year, month = previous_month(month_of(day))
    for candidate in (day.day, 30, 29, 28):
        if candidate <= day.day:
            try:
                return date(year, month, candidate)
            except ValueError:
                continue
    raise AssertionError("unreachable: every month has a 28th")
