"""健康管理 oracles (conformance.domains.kenko_kanri.oracle) on worked examples read from the texts of
spec_sources/statutes/kenko_kanri (予防接種法施行令 第1条〜第3条, 母子保健法 第12条): each test names the
provision it reads. No official page's example is in the statute folder or the shared docs: the days
below are worked from the text with the reading the oracle states (an age reached on the day before
the corresponding day)."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kenko_kanri import oracle as kenko
from conformance.oracles.dates import months_later

BORN = date(2024, 4, 10)


def _listed(birth: date, day: date, *, female: bool = True) -> set[str]:
    return {name for name, verdict in kenko.vaccination_targets(birth, day, female=female).items() if verdict}


def test_months_and_weeks_after_birth() -> None:
    # 民法 143条: the corresponding day; 1月31日 + 1 month has none in February: the day after its last day.
    assert months_later(date(2024, 1, 31), 1) == date(2024, 3, 1)
    assert kenko.month_reached(BORN, 2) == date(2024, 6, 9)
    assert kenko.week_reached(BORN, 6) == date(2024, 5, 21)


@pytest.mark.parametrize(("day", "verdict"), [
    (date(2024, 5, 21), None),  # 生後六週に至った日: open (the day after is the first day)
    (date(2024, 5, 22), None),  # the first day in the reading taken: open too (a day either side)
    (date(2024, 5, 25), True),
    (date(2024, 10, 1), None),  # between 生後二十四週 and 三十二週: the 省令's end, per vaccine
    (date(2024, 12, 1), False),
])
def test_rotavirus_from_the_day_after_six_weeks(day: date, verdict: bool | None) -> None:
    # 施行令 第3条第1項の表: 生後六週に至った日の翌日から、生後三十二週に至る日の翌日までの間で省令で定める日まで.
    assert kenko.vaccination_targets(BORN, day, female=True)[kenko.ROTAVIRUS] is verdict


def test_the_first_months() -> None:
    # 結核, Ｂ型肝炎: 一歳に至るまでの間 (from birth); the 生後二月 rows not yet.
    assert _listed(BORN, date(2024, 5, 1)) == {kenko.TUBERCULOSIS, kenko.HEPATITIS_B}
    # 生後三月: ジフテリア・百日せき・急性灰白髄炎・破傷風, Ｈｉｂ, 小児の肺炎球菌 too, and ロタ.
    assert _listed(BORN, date(2024, 7, 20)) == {
        kenko.TUBERCULOSIS, kenko.HEPATITIS_B, kenko.ROTAVIRUS, kenko.DIPHTHERIA, kenko.PERTUSSIS, kenko.POLIO,
        kenko.TETANUS, kenko.HIB, kenko.CHILD_PNEUMOCOCCAL}


def test_measles_second_period_is_the_year_before_school() -> None:
    # 麻しん・風しん 二: 五歳以上七歳未満, 小学校就学の始期に達する日の一年前の日から当該始期に達する日の前日まで.
    # Born 2019-04-01: 6 reached 2025-03-31, school from 2025-04-01 (学校教育法 第17条第1項).
    assert kenko.school_start(date(2019, 4, 1)) == date(2025, 4, 1)
    assert kenko.school_start(date(2019, 4, 2)) == date(2026, 4, 1)
    assert kenko.vaccination_targets(date(2019, 4, 2), date(2025, 9, 1), female=True)[kenko.MEASLES] is True
    assert kenko.vaccination_targets(date(2019, 4, 1), date(2025, 9, 1), female=True)[kenko.MEASLES] is False


def test_papillomavirus_for_girls_by_fiscal_year() -> None:
    # 十二歳となる日の属する年度の初日から十六歳となる日の属する年度の末日までの間にある女子.
    born = date(2012, 6, 6)
    assert kenko.vaccination_targets(born, date(2024, 4, 2), female=True)[kenko.HPV] is True
    assert kenko.vaccination_targets(born, date(2024, 4, 2), female=False)[kenko.HPV] is False
    assert kenko.vaccination_targets(born, date(2029, 4, 2), female=True)[kenko.HPV] is False
    # Born on 4月1日: 12 is reached on 3月31日 or, counted from the birthday, on 4月1日: the 年度 is open.
    assert kenko.vaccination_targets(date(2012, 4, 1), date(2023, 5, 1), female=True)[kenko.HPV] is None


def test_elders() -> None:
    # インフルエンザ・新型コロナ 六十五歳以上; 高齢者の肺炎球菌・帯状疱疹 六十五歳の者 (one year only).
    born = date(1960, 6, 6)
    assert _listed(born, date(2025, 9, 1)) == {kenko.INFLUENZA, kenko.COVID_19, kenko.ELDER_PNEUMOCOCCAL,
                                               kenko.HERPES_ZOSTER}
    assert _listed(born, date(2026, 9, 1)) == {kenko.INFLUENZA, kenko.COVID_19}
    # 六十歳以上六十五歳未満 with a 障害: none recorded, so not a target.
    assert _listed(born, date(2023, 9, 1)) == set()


def test_classes_of_the_order() -> None:
    # 施行令 第1条 (Ａ類: the table has no 痘そう row), 第2条 (Ｂ類).
    assert set(kenko.A_CLASS_BY_ORDER) <= set(kenko.SCHEDULED_DISEASES)
    assert set(kenko.B_CLASS_BY_ORDER) <= set(kenko.SCHEDULED_DISEASES)
    assert len(kenko.SCHEDULED_DISEASES) == 18


@pytest.mark.parametrize(("day", "eighteen", "three"), [
    (date(2025, 10, 9), None, False),  # 満一歳六か月に達する日 (the day before the 18th month's day)
    (date(2025, 10, 20), True, False),
    (date(2026, 4, 8), None, False),  # the day before 2 is reached
    (date(2026, 4, 20), False, False),
    (date(2027, 4, 20), False, True),
    (date(2028, 4, 20), False, False),
])
def test_infant_checkups(day: date, eighteen: bool | None, three: bool) -> None:
    # 母子保健法 第12条第1項 第1号 満一歳六か月を超え満二歳に達しない, 第2号 満三歳を超え満四歳に達しない.
    assert kenko.infant_checkups(BORN, day) == {kenko.CHECKUP_18_MONTHS: eighteen, kenko.CHECKUP_3_YEARS: three}


def test_residents_only() -> None:
    # 予防接種法 第5条第1項: 当該市町村の区域内に居住する者; the first and last days are open.
    assert kenko.is_resident_on(date(2020, 4, 1), date(2025, 6, 10), date(2025, 6, 1)) is True
    assert kenko.is_resident_on(date(2020, 4, 1), date(2025, 6, 10), date(2025, 6, 10)) is None
    assert kenko.is_resident_on(date(2020, 4, 1), date(2025, 6, 10), date(2025, 6, 20)) is False
    assert kenko.is_resident_on(date(2020, 4, 1), None, date(2020, 3, 1)) is False


def test_the_special_period_counts_the_day_the_circumstance_ended() -> None:
    # 施行令 第3条第2項: 「なくなった日から起算して二年を経過する日」: that day is the first (no 初日不算入).
    assert kenko.special_last_day(kenko.VARICELLA, date(2024, 8, 31)) == date(2026, 8, 30)
    assert kenko.special_last_day(kenko.VARICELLA, date(2024, 2, 29)) == date(2026, 2, 28)
    # 一年 for 高齢者の肺炎球菌 and 帯状疱疹; no 特定疾病: ロタ, インフルエンザ, 新型コロナ.
    assert kenko.special_last_day(kenko.HERPES_ZOSTER, date(2025, 3, 1)) == date(2026, 2, 28)
    assert kenko.special_last_day(kenko.ROTAVIRUS, date(2025, 3, 1)) is None
    born = date(2021, 5, 10)
    # 「なくなった日」: the 終了年月日 (last day 2026-08-30) or the day after (2026-08-31): the day between is open,
    # and after both never (issue 66 F2: the day asked was exactly the one the readings differ on).
    assert kenko.special_target(kenko.VARICELLA, date(2024, 8, 31), date(2026, 8, 31), born) is None
    assert kenko.special_target(kenko.VARICELLA, date(2024, 8, 31), date(2026, 9, 1), born) is False
    # Inside the period a target while no 省令 age limit can be reached (under four); the 終了年月日 itself open.
    assert kenko.special_target(kenko.VARICELLA, date(2024, 8, 31), date(2025, 3, 1), born) is True
    assert kenko.special_target(kenko.VARICELLA, date(2024, 8, 31), date(2025, 5, 10), born) is None
    assert kenko.special_target(kenko.VARICELLA, date(2024, 8, 31), date(2024, 8, 31), born) is None
    # The one-year 特定疾病 of an elder: inside its year; its second year never.
    elder = date(1958, 6, 10)
    assert kenko.special_target(kenko.HERPES_ZOSTER, date(2024, 8, 31), date(2025, 3, 1), elder) is True
    assert kenko.special_target(kenko.HERPES_ZOSTER, date(2024, 8, 31), date(2025, 10, 1), elder) is False
    # No 特定疾病: never.
    assert kenko.special_target(kenko.ROTAVIRUS, date(2024, 8, 31), date(2025, 1, 1), born) is False
