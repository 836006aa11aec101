"""The 児童手当 oracle (conformance/domains/jido_teate/oracle.py) against worked examples of 児童手当法."""

from __future__ import annotations

from datetime import date

from conformance.domains.jido_teate.oracle import (
    certifying_place,
    child_end_date,
    claimant_kind,
    counted_adult_end_date,
    counted_adults,
    deemed_supporter,
    end_month,
    facility_amount,
    individual_amount,
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


def test_the_adults_counted_for_the_third_child_rate() -> None:
    # 第6条第2項第2号: past the 児童 period, to the first 3月31日 after reaching 22.
    assert counted_adult_end_date(date(2003, 4, 1)) == date(2025, 3, 31)  # 22 reached on 2025-03-31
    assert counted_adult_end_date(date(2003, 4, 2)) == date(2026, 3, 31)
    born = date(2005, 5, 5)  # a 児童 to 2024-03-31, counted from 2024-04 to 2028-03
    assert [counted_adults([born], m) for m in ((2024, 3), (2024, 4), (2028, 3), (2028, 4))] == [0, 1, 1, 0]
    assert individual_amount(date(2016, 3, 3), 2, (2025, 5), 1) == 30_000
    assert individual_amount(date(2016, 3, 3), 2, (2025, 5), 0) == 10_000


def test_facility_children_and_their_allowance() -> None:
    assert claimant_kind("里親", short=False, children_only=False) == "施設等受給資格者"
    assert claimant_kind("里親", short=True, children_only=False) == "一般受給資格者"  # 短期間の委託
    assert claimant_kind("母子生活支援施設", short=False, children_only=False) == "一般受給資格者"
    assert claimant_kind("母子生活支援施設", short=False, children_only=True) == "施設等受給資格者"
    assert claimant_kind(None, short=False, children_only=False) == "一般受給資格者"
    # 三歳未満 through the month of the 3rd birthday (born on the 1st too), no 第三子以降算定額.
    assert facility_amount(date(2022, 5, 1), (2025, 5)) == 15_000
    assert facility_amount(date(2022, 5, 1), (2025, 6)) == 10_000
    assert certifying_place("里親", aid_place="1", foster_home="2", facility_site="3") == "2"
    assert certifying_place("小規模住居型児童養育事業", aid_place="1", foster_home="2", facility_site="3") == "1"
    assert certifying_place("乳児院等", aid_place="1", foster_home="2", facility_site="3") == "3"


def test_which_of_two_is_deemed_to_look_after_the_child() -> None:
    # 第4条第3項 (and 第2項): the higher 所得; 第4項: living apart without sharing the 生計, the one living with it.
    assert deemed_supporter(3_000_000, 5_000_000, other_cohabits=True, share_livelihood=True) == "他方"
    assert deemed_supporter(5_000_000, 3_000_000, other_cohabits=True, share_livelihood=True) == "本人"
    assert deemed_supporter(3_000_000, 5_000_000, other_cohabits=False, share_livelihood=True) == "他方"  # 単身赴任
    assert deemed_supporter(3_000_000, 5_000_000, other_cohabits=False, share_livelihood=False) == "本人"
