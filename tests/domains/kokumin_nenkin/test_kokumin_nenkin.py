"""国民年金 oracles (conformance.domains.kokumin_nenkin.oracle) on worked examples read from 国民年金法's text
(spec_sources/statutes/kokumin_nenkin/国民年金法.txt): each test names the provision it reads."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.kokumin_nenkin.oracle import Ending


@pytest.mark.parametrize(("day", "insured"), [
    (date(2025, 3, 30), False),  # 19
    (date(2025, 3, 31), True),  # born 2005-04-01: 20 reached on 2025-03-31
    (date(2065, 3, 30), True),
    (date(2065, 3, 31), False),  # 60 reached: no longer 六十歳未満
])
def test_first_insured_aged_twenty_to_fifty_nine(day: date, insured: bool) -> None:
    # 第7条第1項第1号: 日本国内に住所を有する二十歳以上六十歳未満の者.
    assert nenkin.is_first_insured_on(date(2005, 4, 1), day) is insured
    assert not nenkin.is_first_insured_on(date(2005, 4, 1), day, domestic_address=False)


def test_acquired_on_reaching_twenty() -> None:
    # 第8条第1号: 二十歳に達したとき (the day before the 20th birthday).
    assert nenkin.acquisition_date(date(2005, 4, 1), date(2005, 4, 1), from_abroad=False) == date(2025, 3, 31)
    assert nenkin.acquisition_date(date(2004, 2, 29), date(2010, 1, 1), from_abroad=True) == date(2024, 2, 28)
    # Died the day before: never acquired.
    assert nenkin.acquisition_date(date(2005, 4, 1), date(2005, 4, 1), from_abroad=False,
                                   ending=Ending("died", date(2025, 3, 30))) is None


def test_acquired_on_moving_in_from_abroad() -> None:
    # 第8条第2号: 日本国内に住所を有するに至つたとき; 六十歳以上 never (第7条第1項第1号).
    assert nenkin.acquisition_date(date(1990, 6, 6), date(2025, 5, 10), from_abroad=True) == date(2025, 5, 10)
    assert nenkin.acquisition_date(date(1965, 5, 11), date(2025, 5, 9), from_abroad=True) == date(2025, 5, 9)
    assert nenkin.acquisition_date(date(1965, 5, 11), date(2025, 5, 10), from_abroad=True) is None
    # From another municipality at 20 or more: acquired there, not here.
    assert nenkin.acquisition_date(date(1990, 6, 6), date(2025, 5, 10), from_abroad=False) is None


def test_lost_the_day_after_death_or_emigration_and_on_reaching_sixty() -> None:
    birth, moved_in = date(1990, 6, 6), date(2000, 1, 1)
    # 第9条第1号, 第2号: 翌日.
    assert nenkin.loss_date(birth, moved_in, ending=Ending("died", date(2025, 6, 10))) == date(2025, 6, 11)
    assert nenkin.loss_date(birth, moved_in, ending=Ending("abroad", date(2025, 6, 30))) == date(2025, 7, 1)
    # A move to another municipality keeps the address in Japan: no 喪失.
    assert nenkin.loss_date(birth, moved_in, ending=Ending("moved", date(2025, 6, 30))) is None
    # 第9条第3号 with the 柱書's その日: born 1965-07-01 reaches 60 on 2025-06-30.
    assert nenkin.loss_date(date(1965, 7, 1), moved_in) == date(2025, 6, 30)
    assert nenkin.loss_date(date(1965, 7, 1), moved_in, ending=Ending("died", date(2025, 7, 5))) == date(2025, 6, 30)
    # Never insured here: moved out before 20.
    assert nenkin.loss_date(date(2005, 4, 1), moved_in, ending=Ending("abroad", date(2025, 3, 30))) is None


def test_insured_months() -> None:
    # 第11条第1項: 取得の月から喪失の月の前月まで; born on 4月1日, acquired in March.
    assert nenkin.insured_months_of_year(date(2025, 3, 31), date(2025, 7, 1), 2024) == ((2025, 3),)
    assert nenkin.insured_months_of_year(date(2025, 3, 31), date(2025, 7, 1), 2025) == (
        (2025, 4), (2025, 5), (2025, 6))
    # 第11条第2項: 取得 and 喪失 in one month count it once.
    assert nenkin.insured_months_of_year(date(2025, 5, 3), date(2025, 5, 20), 2025) == ((2025, 5),)
    assert len(nenkin.insured_months_of_year(date(2020, 1, 1), None, 2025)) == 12
    assert nenkin.insured_months_of_year(None, None, 2025) == ()
