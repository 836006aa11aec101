"""The 児童手当 oracle (conformance/domains/jido_teate/oracle.py) against worked examples of 児童手当法."""

from __future__ import annotations

from datetime import date

from conformance.domains.jido_teate.oracle import (
    child_end_date,
    end_month,
    is_eligible,
    is_under_three,
    monthly_amount,
    payment_month,
    start_month,
    three_and_over_from,
)


def test_a_child_counts_until_the_first_march_31_after_reaching_18() -> None:
    # 第3条第1項: 18 is reached the day before the birthday (born 4月1日: on 3月31日 itself).
    assert child_end_date(date(2007, 4, 1)) == date(2025, 3, 31)
    assert child_end_date(date(2007, 4, 2)) == date(2026, 3, 31)
    assert child_end_date(date(2008, 2, 29)) == date(2026, 3, 31)
    assert monthly_amount(date(2007, 4, 1), 1, (2025, 4)) == 0
    assert monthly_amount(date(2007, 4, 2), 1, (2025, 4)) == 10_000


def test_three_and_over_from_the_month_after_the_third_birthday_born_on_the_first_too() -> None:
    # 第6条第2項第4号, 第5号: born on the 1st, 三歳以上 only once three years have passed (the birthday).
    assert three_and_over_from(date(2022, 5, 1)) == (2025, 6)
    assert three_and_over_from(date(2022, 5, 2)) == (2025, 6)
    assert three_and_over_from(date(2022, 4, 30)) == (2025, 5)
    assert three_and_over_from(date(2020, 2, 29)) == (2023, 4)  # the 3rd birthday is 2023-03-01
    assert is_under_three(date(2022, 5, 1), (2025, 5)) and not is_under_three(date(2022, 5, 1), (2025, 6))
    assert monthly_amount(date(2022, 5, 1), 1, (2025, 5)) == 15_000
    assert monthly_amount(date(2022, 5, 1), 1, (2025, 6)) == 10_000
    assert monthly_amount(date(2022, 5, 1), 3, (2025, 6)) == 30_000  # 第6条第3項: the third child


def test_eligibility_needs_a_child_and_an_address_in_japan() -> None:
    # 第4条第1項第1号.
    children = (date(2012, 8, 8),)
    assert is_eligible(children, date(2025, 6, 10), left_japan=date(2025, 6, 10))
    assert not is_eligible(children, date(2025, 6, 11), left_japan=date(2025, 6, 10))
    assert not is_eligible(children, date(2025, 6, 11), died=date(2025, 6, 10))
    assert is_eligible(children, date(2026, 6, 11))  # a move within Japan keeps it (no left_japan)
    assert not is_eligible((date(2004, 3, 31),), date(2025, 1, 1))  # no 児童 any more
    assert not is_eligible((date(2025, 2, 1),), date(2025, 1, 31))  # not born yet


def test_the_last_month_and_the_payment_months() -> None:
    # 第8条第2項: ends in the month of the 事由; 第8条第4項: even months, each for the months before.
    assert end_month(date(2025, 6, 10)) == (2025, 6)
    assert [payment_month((2024, m)) for m in (10, 11, 12)] == [(2024, 12), (2024, 12), (2025, 2)]
    assert payment_month((2025, 1)) == (2025, 2) and payment_month((2025, 3)) == (2025, 4)
    assert start_month(date(2025, 1, 9), event=date(2024, 12, 25)) == (2025, 1)  # 第8条第3項 (15日特例)
    assert start_month(date(2025, 1, 10), event=date(2024, 12, 25)) == (2025, 2)
