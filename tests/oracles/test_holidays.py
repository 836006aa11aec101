"""The national holiday calendar (conformance/oracles/data/national_holidays.csv) and the reading of a town's
休日条例: the days of 国民の祝日に関する法律 as 内閣府 lists them, its 振替休日 and 国民の休日, and the errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conformance.oracles import holidays


@pytest.mark.parametrize(("day", "name"), [
    (date(2025, 1, 13), "成人の日"),            # 第2条: 一月の第二月曜日
    (date(2025, 2, 24), "振替休日"),            # 第3条第2項: 天皇誕生日 2月23日 on a Sunday
    (date(2026, 9, 22), "国民の休日"),          # 第3条第3項: between 敬老の日 9月21日 and 秋分の日 9月23日
    (date(2024, 9, 22), "秋分の日"),
    (date(2021, 7, 23), "スポーツの日"),        # moved by the オリンピック特措法
    (date(2019, 5, 1), "天皇の即位の日"),
])
def test_national_holidays_as_the_law_and_its_special_laws_set_them(day: date, name: str) -> None:
    assert holidays.national_holiday(day) == name


def test_a_day_moved_away_by_a_special_law_is_no_holiday() -> None:
    # 2021's スポーツの日 was moved from the second Monday of October (11日) to 7月23日.
    assert holidays.national_holiday(date(2021, 10, 11)) is None


def test_every_covered_year_has_its_holidays() -> None:
    years = holidays.covered_years()
    assert (years.start, years.stop - 1) == (1949, 2027)
    for year in years:
        days = [date(year, 1, 1) + timedelta(days=offset) for offset in range(365)]
        # 1949's nine 国民の祝日 grew to sixteen; 振替休日 (1973) and 国民の休日 (1985) add to them.
        assert sum(holidays.national_holiday(day) is not None for day in days) >= 9, year


def test_local_holidays_are_weekends_national_holidays_and_the_year_end() -> None:
    assert holidays.is_local_holiday(date(2025, 3, 1))        # a Saturday
    assert holidays.is_local_holiday(date(2025, 11, 24))      # 振替休日, a Monday
    assert holidays.is_local_holiday(date(2025, 12, 29))      # 年末, a Monday
    assert holidays.is_local_holiday(date(2026, 1, 2))        # 年始, a Friday
    assert not holidays.is_local_holiday(date(2025, 12, 26))  # a Friday
    assert not holidays.is_local_holiday(date(2026, 1, 5))    # the Monday after 年始


def test_the_next_working_day_skips_weekends_and_holidays() -> None:
    assert holidays.next_working_day(date(2025, 5, 3)) == date(2025, 5, 7)   # 憲法記念日 to 振替休日 5月6日
    assert holidays.next_working_day(date(2025, 12, 27)) == date(2026, 1, 5)
    assert holidays.next_working_day(date(2025, 3, 3)) == date(2025, 3, 3)


def test_a_day_outside_the_calendar_is_an_error_not_a_working_day() -> None:
    with pytest.raises(holidays.OutsideCalendar, match=r"2030-06-03.*1949-2027"):
        holidays.is_local_holiday(date(2030, 6, 3))
