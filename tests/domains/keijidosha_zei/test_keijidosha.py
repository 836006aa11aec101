"""軽自動車税 種別割 oracle (conformance/domains/keijidosha_zei/oracle.py): worked examples from 地方税法 第443条第1項,
第463条の15第1項 (the table's 年額), 第463条の16 (賦課期日 四月一日) and 第463条の17 (納期 四月中)."""

from __future__ import annotations

from datetime import date

from conformance.domains.keijidosha_zei.oracle import (
    STANDARD_RATES,
    Ownership,
    keijidosha_due_in,
    keijidosha_due_months_allowed,
    keijidosha_levy_date,
    keijidosha_liable,
    keijidosha_standard_rate,
)


def test_the_levy_date_is_april_first() -> None:
    assert keijidosha_levy_date(2025) == date(2025, 4, 1)


def test_the_owner_on_april_first_stationed_here_is_liable() -> None:
    bought_on_levy_date = Ownership("a", date(2025, 4, 1))
    bought_after = Ownership("a", date(2025, 4, 2))
    scrapped_after = Ownership("a", date(2020, 6, 1), released=date(2025, 4, 2))
    scrapped_on = Ownership("a", date(2020, 6, 1), released=date(2025, 4, 1))
    assert keijidosha_liable(bought_on_levy_date, True, 2025)
    assert not keijidosha_liable(bought_after, True, 2025)
    assert keijidosha_liable(scrapped_after, True, 2025)
    assert not keijidosha_liable(scrapped_on, True, 2025)
    assert not keijidosha_liable(bought_on_levy_date, False, 2025)  # 定置場 in another municipality


def test_the_table_of_standard_rates() -> None:
    # 第463条の15第1項: 一号イ 二千円, ニ 二千四百円, ホ 三千七百円; 二号イ 三千六百円, ロ 三千九百円,
    # ハ(1)(i) 六千九百円, (ii) 一万八百円, ハ(2)(i) 三千八百円, (ii) 五千円; 三号 六千円.
    assert keijidosha_standard_rate("1イ") == 2_000 and keijidosha_standard_rate("1ニ") == 2_400
    assert keijidosha_standard_rate("1ホ") == 3_700 and keijidosha_standard_rate("2ロ") == 3_900
    assert keijidosha_standard_rate("2ハ(1)(ii)") == 10_800 and keijidosha_standard_rate("2ハ(2)(ii)") == 5_000
    assert keijidosha_standard_rate("3") == 6_000
    assert len(STANDARD_RATES) == 12


def test_the_due_month_is_april_of_the_year() -> None:
    assert keijidosha_due_in(2025) == (2025, 4)


def test_the_ta_dashi_gaki_allows_any_other_month_of_the_year() -> None:
    # 第463条の17 ただし書: これと異なる納期 (no month named); bounded to the 年度 (our reading).
    allowed = keijidosha_due_months_allowed(2025)
    assert (2025, 4) in allowed and (2025, 5) in allowed and (2026, 3) in allowed
    assert (2025, 3) not in allowed and (2026, 4) not in allowed and len(allowed) == 12
