"""法人住民税 oracle (conformance/domains/hojin_juminzei/oracle.py): worked examples from 地方税法 第294条第1項 (第三号,
第四号 and its 柱書), 第312条第1項 (the table), 第2項 (一・二), 第4項 (月数), 第6項 (資本金及び資本準備金),
第314条の4第1項 (百分の六, 百分の八・四) and 第321条の8第1項 (the 法人税's 提出期限)."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.hojin_juminzei.oracle import (
    EQUAL_RATES,
    components,
    corporate_tax,
    equal_class,
    equal_rate,
    filing_deadline,
    liable,
    months_held,
    prorated,
    table_capital,
    within_corporate_ceiling,
    within_equal_ceiling,
    within_proration,
)


def test_who_is_liable_and_for_what() -> None:
    assert liable(True, False) and liable(False, True) and not liable(False, False)
    assert components(True, True) == ("均等割", "法人税割")
    assert components(False, True) == ("均等割",)
    assert components(False, False) == ()


@pytest.mark.parametrize(("capital", "employees", "kind"), [
    (10_000_000, 50, 1), (10_000_000, 51, 2), (10_000_001, 50, 3), (100_000_000, 51, 4),
    (100_000_001, 0, 5), (1_000_000_000, 300, 6), (1_000_000_001, 50, 7), (30_000_000_000, 50, 7),
    (5_000_000_000, 51, 8), (5_000_000_001, 51, 9),
])
def test_the_table_at_its_bounds(capital: int, employees: int, kind: int) -> None:
    assert equal_class(capital, employees) == kind


def test_the_yen_of_the_table() -> None:
    # 第312条第1項: 五万円, 十二万円, 十三万円, 十五万円, 十六万円, 四十万円, 四十一万円, 百七十五万円, 三百万円.
    assert list(EQUAL_RATES.values()) == [50_000, 120_000, 130_000, 150_000, 160_000, 400_000, 410_000, 1_750_000,
                                          3_000_000]
    assert equal_rate(10_000_000, 50) == 50_000 and equal_rate(5_000_000_001, 51) == 3_000_000


def test_the_paid_in_capital_where_larger() -> None:
    assert table_capital(9_000_000, 20_000_000) == 20_000_000
    assert table_capital(20_000_000, 9_000_000) == 20_000_000
    assert table_capital(20_000_000, None) == 20_000_000


def test_the_ceiling_of_one_point_two() -> None:
    assert within_equal_ceiling(60_000, 50_000, 12) and not within_equal_ceiling(60_001, 50_000, 12)
    assert within_equal_ceiling(30_000, 50_000, 6) and not within_equal_ceiling(30_001, 50_000, 6)


def test_the_months_held() -> None:
    end = date(2025, 3, 31)
    assert months_held(date(2024, 4, 1), end) == 12
    assert months_held(date(2024, 10, 1), end) == 6
    assert months_held(date(2024, 10, 15), end) == 5  # 5 months and 17 days: the remainder dropped
    assert months_held(date(2025, 3, 20), end) == 1  # under one month: one
    assert months_held(date(2025, 3, 1), end) == 1
    with pytest.raises(ValueError):
        months_held(date(2024, 10, 31), end)


def test_the_proration() -> None:
    assert prorated(50_000, 5) == 20_833
    assert within_proration(20_833, 50_000, 5) and within_proration(20_800, 50_000, 5)
    assert not within_proration(20_700, 50_000, 5) and not within_proration(20_834, 50_000, 5)


def test_the_corporate_rate_and_its_ceiling() -> None:
    assert corporate_tax(1_000_000) == 60_000
    assert within_corporate_ceiling(84_000, 1_000_000) and not within_corporate_ceiling(84_001, 1_000_000)


def test_the_filing_deadline_is_the_corporate_tax_return_s() -> None:
    assert filing_deadline(date(2025, 6, 30)) == date(2025, 6, 30)
