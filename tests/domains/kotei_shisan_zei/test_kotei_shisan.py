"""固定資産税 oracle (conformance/domains/kotei_shisan_zei/oracle.py): worked examples from 地方税法 第341条第6号-第8号
(基準年度), 第342条第1項, 第343条第2項, 第349条, 第350条第1項 (百分の一・四), 第351条 (免税点), 第359条 (一月一日) and
第362条第1項 (四月、七月、十二月及び二月)."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kotei_shisan_zei.oracle import (
    Holding,
    kotei_base_year,
    kotei_due_months,
    kotei_exempt,
    kotei_levy_date,
    kotei_liable,
    kotei_standard,
    kotei_standard_tax,
    kotei_year_kind,
)


def test_the_levy_date_is_january_first_of_the_year_the_nendo_begins() -> None:
    assert kotei_levy_date(2025) == date(2025, 1, 1)


def test_the_owner_registered_on_january_first_here_is_liable() -> None:
    registered_on_levy_date = Holding("家屋", date(2025, 1, 1), date(2025, 1, 1))
    registered_after = Holding("家屋", date(2025, 1, 2), date(2025, 1, 2))
    sold_after = Holding("土地", date(2019, 6, 1), date(2019, 6, 1), released=date(2025, 1, 2))
    sold_on = Holding("土地", date(2019, 6, 1), date(2019, 6, 1), released=date(2025, 1, 1))
    assert kotei_liable(registered_on_levy_date, True, 2025)
    assert not kotei_liable(registered_after, True, 2025)
    assert kotei_liable(sold_after, True, 2025)
    assert not kotei_liable(sold_on, True, 2025)
    assert not kotei_liable(registered_on_levy_date, False, 2025)  # lies in another municipality


def test_land_and_houses_follow_the_register_and_depreciable_assets_the_owner() -> None:
    # 第343条第2項: acquired in December, registered in April: not the 所有者 on 1月1日.
    assert not kotei_liable(Holding("土地", date(2024, 12, 10), date(2025, 4, 10)), True, 2025)
    assert kotei_liable(Holding("土地", date(2024, 12, 10), date(2024, 12, 20)), True, 2025)
    # 第343条第3項 with 第383条: a 償却資産 owned on 1月1日.
    assert kotei_liable(Holding("償却資産", date(2024, 12, 10), date(2025, 4, 10)), True, 2025)


def test_a_registered_owner_who_died_before_the_levy_date_is_not_liable() -> None:
    held = Holding("家屋", date(2019, 6, 1), date(2019, 6, 1))
    assert not kotei_liable(held, True, 2025, died=date(2024, 12, 31))
    assert kotei_liable(held, True, 2025, died=date(2025, 1, 1))


@pytest.mark.parametrize(("fiscal_year", "base_year", "kind"), [
    # 第6号-第8号: 昭和31年度 a 基準年度, 昭和32年度 its 第二年度, 昭和33年度 a 基準年度 (no 第三年度: 第8号's 除く).
    (1956, 1956, "基準年度"), (1957, 1956, "第二年度"), (1958, 1958, "基準年度"), (1960, 1958, "第三年度"),
    (2024, 2024, "基準年度"), (2025, 2024, "第二年度"), (2026, 2024, "第三年度"),
    (2027, 2027, "基準年度"), (2023, 2021, "第三年度"),
])
def test_base_years_every_third_nendo_from_showa_33(fiscal_year: int, base_year: int, kind: str) -> None:
    assert kotei_base_year(fiscal_year) == base_year
    assert kotei_year_kind(fiscal_year) == kind


def test_no_base_year_before_showa_31() -> None:
    with pytest.raises(ValueError, match="昭和31年度"):
        kotei_base_year(1955)


def test_the_standard_is_the_registered_value_and_the_rate_one_point_four() -> None:
    assert kotei_standard("土地", 3_000_000) == 3_000_000
    assert kotei_standard("償却資産", 4_000_000) == 4_000_000
    assert kotei_standard_tax(3_000_000) == 42_000
    assert kotei_standard_tax(300_000) == 4_200
    with pytest.raises(ValueError):
        kotei_standard_tax(1_001)


def test_the_exemption_points_are_exclusive() -> None:
    assert kotei_exempt("土地", 299_999) and not kotei_exempt("土地", 300_000)
    assert kotei_exempt("家屋", 199_999) and not kotei_exempt("家屋", 200_000)
    assert kotei_exempt("償却資産", 1_499_999) and not kotei_exempt("償却資産", 1_500_000)


def test_the_due_months_are_april_july_december_and_the_next_february() -> None:
    assert kotei_due_months(2025) == ((2025, 4), (2025, 7), (2025, 12), (2026, 2))
