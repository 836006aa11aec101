"""The 子ども・子育て支援 oracle (conformance/domains/kodomo_kosodate/oracle.py) against worked examples of
子ども・子育て支援法 第19条第1項 and 第20条第6項 (no official worked example is in the statute text or the
shared docs: these follow the articles and the age law)."""

from __future__ import annotations

from datetime import date

from conformance.domains.kodomo_kosodate import oracle as law


def test_a_preschool_child_until_the_day_before_the_first_school_year() -> None:
    # Born 2019-04-01: six on 2025-03-31, the 小学校 from 2025-04-01 (学校教育法 第17条第1項).
    assert law.preschool_until(date(2019, 4, 1)) == date(2025, 3, 31)
    assert law.preschool_until(date(2019, 4, 2)) == date(2026, 3, 31)
    assert law.is_preschool(date(2018, 12, 12), date(2025, 3, 31))  # six already, not yet at school
    assert not law.is_preschool(date(2019, 4, 1), date(2025, 4, 1))


def test_the_three_categories_by_age_and_the_need_of_care() -> None:
    # 第19条第1項: three is reached on the day before the 3rd birthday.
    birth = date(2022, 5, 10)
    assert law.category(birth, date(2025, 5, 9), needs_care=False) == law.CATEGORY_ONE
    assert law.category(birth, date(2025, 5, 9), needs_care=True) == law.CATEGORY_TWO
    assert law.category(birth, date(2025, 5, 8), needs_care=True) == law.CATEGORY_THREE
    assert law.category(birth, date(2025, 5, 8), needs_care=False) is None
    assert law.category(date(2019, 4, 1), date(2025, 4, 1), needs_care=True) is None  # at school
    # 第20条第3項.
    assert law.has_care_amount(law.CATEGORY_TWO) and law.has_care_amount(law.CATEGORY_THREE)
    assert not law.has_care_amount(law.CATEGORY_ONE) and not law.has_care_amount(None)


def test_the_decision_within_thirty_days() -> None:
    # 第20条第6項: the first day not counted (民法 第140条).
    assert law.decision_by(date(2025, 1, 15)) == date(2025, 2, 14)
    assert law.decision_by(date(2024, 2, 1)) == date(2024, 3, 2)


def test_a_certification_has_effect_within_its_period_only() -> None:
    # 第21条: both ends included.
    first, last = date(2025, 4, 1), date(2026, 3, 31)
    assert [law.certification_in_effect(first, last, day)
            for day in (date(2025, 3, 31), first, last, date(2026, 4, 1))] == [False, True, True, False]


def test_a_months_facility_benefit() -> None:
    # 第27条第3項第1号: the lesser of the 基準's cost and the actual cost; 第2号: the 市町村's amount up to the
    # 政令's; 柱書: 第1号 less 第2号, zero below zero.
    assert law.facility_cost(100000, 90000) == 90000 and law.facility_cost(100000, 110000) == 100000
    assert law.user_charge(20000, 30000) == 20000 and law.user_charge(30000, 30000) == 30000
    assert law.facility_benefit(100000, 30000) == 70000
    assert law.facility_benefit(100000, 120000) == 0
