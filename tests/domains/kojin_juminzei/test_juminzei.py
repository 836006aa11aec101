"""個人住民税 oracles (conformance.domains.kojin_juminzei.oracle) on worked examples read from 地方税法's text
(spec_sources/statutes/kojin_juminzei/地方税法.txt): each test names the provision it reads."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kojin_juminzei import oracle as juminzei


def test_a_resident_pays_kintowari_and_shotokuwari() -> None:
    # 第294条第1項: 第一号の者に対しては均等割額及び所得割額の合算額.
    assert juminzei.resident_taxes(True) == ("均等割", "所得割")
    assert juminzei.resident_taxes(False) == ()


def test_kintowari_is_three_thousand_yen_from_reiwa_6() -> None:
    # 第310条: 個人の均等割の標準税率は、三千円とする。
    assert juminzei.kintowari(2024) == juminzei.kintowari(2026) == 3000
    with pytest.raises(ValueError, match="2024"):
        juminzei.kintowari(2023)


def test_income_of_the_year_before() -> None:
    # 第313条第1項: 前年の所得について算定した総所得金額 …: 令和7年度 is taxed on 2024's income.
    assert juminzei.income_year(2025) == 2024


@pytest.mark.parametrize(("code", "percent"), [
    ("229997", 6),  # the test town: no 指定都市
    ("131016", 6),  # 千代田区: a special ward, no 指定都市
    ("221007", 8),  # 静岡市 (指定都市)
    ("141011", 8),  # 横浜市鶴見区: a ward of a 指定都市
])
def test_shotokuwari_rate(code: str, percent: int) -> None:
    # 第314条の3第1項: 百分の六（… 指定都市 … の区域内に住所を有する場合には、百分の八）.
    assert juminzei.shotokuwari_rate_percent(code) == percent


def test_payment_months_run_into_the_next_calendar_year() -> None:
    # 第320条: 納期は、六月、八月、十月及び一月中.
    assert juminzei.payment_months(2025) == ((2025, 6), (2025, 8), (2025, 10), (2026, 1))


@pytest.mark.parametrize(("birth", "minor"), [
    (date(2007, 1, 2), False),  # 18 reached on 2025-01-01, the 賦課期日
    (date(2007, 1, 3), True),
    (date(2007, 4, 1), True),  # 18 on 2025-03-31: after the 賦課期日
    (date(2006, 12, 31), False),
])
def test_minor_on_the_levy_date(birth: date, minor: bool) -> None:
    # 第295条第1項第2号 (未成年者), judged on 第318条's 賦課期日 (our reading).
    assert juminzei.is_minor_on_levy_date(birth, 2025) is minor


@pytest.mark.parametrize(("birth", "under"), [
    (date(2010, 1, 1), False),  # 15 reached on 2024-12-31
    (date(2010, 1, 2), True),  # 15 reached on 2025-01-01: still 14 on 前年の十二月三十一日
    (date(2009, 12, 31), False),
])
def test_under_fifteen_on_december_31st_of_the_year_before(birth: date, under: bool) -> None:
    # 第313条第7項: 十五歳未満であるかどうかの判定は、前年の十二月三十一日 … の現況による.
    assert juminzei.is_under_fifteen(birth, 2025) is under


def test_levy_date_is_january_first() -> None:
    # 第318条: 賦課期日は、当該年度の初日の属する年の一月一日.
    assert juminzei.levy_date(2025) == date(2025, 1, 1)
