"""The 就学 oracle (conformance/domains/shugaku/oracle.py) against worked examples of 学校教育法 and its orders.

The dates of the 学齢簿 and the notice follow DOMAIN.md ("Other domains": the list of the children who
turn 6 is made in October, the 就学通知 goes out by 1月31日); the other reading of each 「…月前までに」
(the day itself) is allowed too.
"""

from __future__ import annotations

from datetime import date

from conformance.domains.shugaku import oracle as law


def test_school_starts_after_the_day_six_is_reached_born_on_april_first_a_year_early() -> None:
    # 法第17条第1項: born 2018-04-01 reaches six on 2024-03-31; the next day is 2024-04-01, a 学年の初め.
    assert law.elementary_period(date(2018, 4, 1)) == (date(2024, 4, 1), date(2030, 3, 31))
    assert law.elementary_period(date(2018, 4, 2)) == (date(2025, 4, 1), date(2031, 3, 31))
    assert law.elementary_period(date(2017, 4, 2)) == (date(2024, 4, 1), date(2030, 3, 31))
    # 2月29日: six is reached on 2月28日 (the 6th birthday is 3月1日 in a common year).
    assert law.elementary_period(date(2016, 2, 29)) == (date(2022, 4, 1), date(2028, 3, 31))


def test_lower_secondary_to_the_end_of_the_year_fifteen_is_reached_in() -> None:
    # 法第17条第2項: born 2010-04-01 reaches 12 on 2022-03-31 and 15 on 2025-03-31.
    assert law.lower_secondary_period(date(2010, 4, 1)) == (date(2022, 4, 1), date(2025, 3, 31))
    assert law.lower_secondary_period(date(2010, 4, 2)) == (date(2023, 4, 1), date(2026, 3, 31))


def test_category_on_a_day() -> None:
    assert law.category_on(date(2018, 4, 1), date(2024, 4, 1)) == law.GAKUREI_JIDO
    assert law.category_on(date(2018, 4, 2), date(2024, 4, 1)) is None
    assert law.category_on(date(2012, 5, 5), date(2025, 6, 1)) == law.GAKUREI_SEITO
    assert law.category_on(date(2010, 4, 1), date(2025, 4, 1)) is None  # the 就学義務 has ended
    assert law.category_on(date(2010, 4, 1), date(2025, 3, 31)) == law.GAKUREI_SEITO


def test_entrants_and_the_dates_of_their_register_and_notice() -> None:
    # 施行令 第2条: those reaching six from 2025-04-01 to 2026-03-31 enter on 2026-04-01.
    assert law.is_entrant(date(2019, 4, 2), 2025) and law.is_entrant(date(2020, 4, 1), 2025)
    assert not law.is_entrant(date(2019, 4, 1), 2025) and not law.is_entrant(date(2020, 4, 2), 2025)
    assert law.entry_day(2025) == date(2026, 4, 1)
    # 施行規則 第31条; 施行令 第2条 (in October: DOMAIN.md), 第5条第1項 (by 1月31日: DOMAIN.md).
    assert law.register_base_day(2025) == date(2025, 10, 1)
    assert date(2025, 10, 31) in law.register_deadlines(2025)
    assert law.notice_deadlines(2025) == {date(2026, 1, 31), date(2026, 2, 1)}
    # 施行令 第6条第1号: recorded after the 期限.
    assert law.is_late_entrant(2025, date(2026, 2, 10)) and not law.is_late_entrant(2025, date(2026, 1, 31))


def test_the_elementary_duty_of_a_child_who_completes_late() -> None:
    # 法第17条第1項ただし書: completed by the end of the 学年 of twelve (2026-03-31): 本文; on its next day: held on.
    born = date(2013, 6, 1)
    assert law.elementary_end(born, date(2026, 3, 31)) == date(2026, 3, 31)
    assert law.elementary_end(born, date(2026, 4, 1)) == date(2027, 3, 31)
    assert law.elementary_end(born, None) == date(2029, 3, 31)
    assert law.elementary_end(born, date(2030, 1, 1)) == date(2029, 3, 31)
