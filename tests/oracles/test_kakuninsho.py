"""資格確認書 (国民健康保険法施行規則 第6条, 高齢者の医療の確保に関する法律施行規則 第16条): the latest 有効期限
five years counted from the day of issue, the 発効期日 of 国保's ratio past seventy, and 後期高齢者医療's ratio by
income (第67条第1項)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from conformance.domains.koki_korei.oracle import koki_copay_ratio
from conformance.domains.kokuho.oracle import TWO_TENTHS, copay_ratio
from conformance.oracles import latest_expiry, seventy_ratio_effective
from conformance.oracles.dates import anniversary


def test_five_years_counted_from_the_day_of_issue_end_the_day_before_the_fifth_anniversary() -> None:
    assert latest_expiry(date(2025, 4, 1)) == date(2030, 3, 31)
    assert latest_expiry(date(2024, 12, 2)) == date(2029, 12, 1)
    assert latest_expiry(date(2024, 2, 29)) == date(2029, 2, 28)  # the anniversary of 2月29日 is 3月1日


@given(st.dates(date(2024, 12, 2), date(2030, 12, 31)))
def test_the_latest_expiry_is_within_five_years_and_the_anniversary_is_not(issued: date) -> None:
    assert issued < latest_expiry(issued) < anniversary(issued, 5)
    assert latest_expiry(issued) + timedelta(days=1) == anniversary(issued, 5)


def test_the_ratio_past_seventy_takes_effect_on_the_first_of_the_month_after_seventy_is_reached() -> None:
    long_ago = date(1990, 4, 1)
    assert seventy_ratio_effective(date(1955, 7, 10), long_ago) == date(2025, 8, 1)  # reached 2025-07-09
    assert seventy_ratio_effective(date(1955, 8, 1), long_ago) == date(2025, 8, 1)  # reached 2025-07-31
    assert seventy_ratio_effective(date(1955, 7, 1), long_ago) == date(2025, 7, 1)  # reached 2025-06-30
    assert seventy_ratio_effective(date(1955, 7, 10), date(2025, 9, 3)) == date(2025, 9, 3)  # moved in later


@given(st.dates(date(1945, 1, 1), date(1960, 12, 31)))
def test_the_effective_day_is_the_first_day_of_the_ratio_of_the_third_item(birth: date) -> None:
    effective = seventy_ratio_effective(birth, date(1980, 1, 1))
    assert copay_ratio(birth, effective) == TWO_TENTHS
    assert copay_ratio(birth, effective - timedelta(days=1)) != TWO_TENTHS


def test_the_koki_ratio_is_one_tenth_without_income_above_the_amounts() -> None:
    assert koki_copay_ratio() == "百分の十"
    assert koki_copay_ratio((True, False)) == "百分の二十"
    assert koki_copay_ratio((True, True)) == "百分の三十"
