"""介護保険 oracles (conformance.domains.kaigo.oracle) on worked examples read from 介護保険法's text
(spec_sources/statutes/kaigo/介護保険法.txt): each test names the provision it reads."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kaigo import oracle as kaigo
from conformance.oracles import Residence

TOWN, OTHER = "221309", "131016"
#: Born 1960-04-01: 65 reached on 2025-03-31 (年齢計算ニ関スル法律).
BORN = date(1960, 4, 1)


@pytest.mark.parametrize(("day", "insured"), [
    (date(2025, 3, 30), False),  # 64
    (date(2025, 3, 31), True),  # 65 reached
    (date(2025, 6, 10), True),  # the day of death: the address still counts
    (date(2025, 6, 11), False),  # no longer 住所を有する
])
def test_first_insured_aged_sixty_five_with_an_address(day: date, insured: bool) -> None:
    # 第9条第1項第1号: 市町村の区域内に住所を有する六十五歳以上の者.
    stay = Residence(TOWN, date(1990, 4, 1), date(2025, 6, 10))
    assert kaigo.kaigo_first_insured_on(BORN, stay, day) is insured
    assert not kaigo.kaigo_first_insured_on(BORN, Residence(TOWN, date(2025, 4, 2)), date(2025, 4, 1))


def test_not_first_insured_here_on_the_day_the_address_elsewhere_begins() -> None:
    # 第11条第1項ただし書: 住所を有しなくなった日に他の市町村の区域内に住所を有するに至ったときは、その日から、
    # その資格を喪失する. The day before is still this town's; the move day is the 資格喪失日, not a day of 資格 here.
    here, there = Residence(TOWN, date(1990, 4, 1), date(2025, 6, 30)), Residence("131016", date(2025, 6, 30))
    assert kaigo.kaigo_first_insured_on(BORN, here, date(2025, 6, 29), [here, there])
    assert not kaigo.kaigo_first_insured_on(BORN, here, date(2025, 6, 30), [here, there])
    # Without the next stay (abroad, or death) the last day still counts.
    assert kaigo.kaigo_first_insured_on(BORN, here, date(2025, 6, 30), [here])


def test_acquired_on_moving_in_aged_sixty_five_or_more() -> None:
    # 第10条第1項第2号: 六十五歳以上の者が当該市町村の区域内に住所を有するに至ったとき (that day).
    assert kaigo.kaigo_acquisition_date(date(1955, 6, 6), Residence(TOWN, date(2025, 5, 10))) == date(2025, 5, 10)
    # 第4号: a resident reaching 65 acquires on the day 65 is reached.
    assert kaigo.kaigo_acquisition_date(BORN, Residence(TOWN, date(1990, 4, 1))) == date(2025, 3, 31)


def test_lost_the_day_after_the_address_ends() -> None:
    # 第11条第1項: 住所を有しなくなった日の翌日 (death, a 転出 abroad, a gap before the next address).
    born = date(1955, 6, 6)
    died = Residence(TOWN, date(1990, 4, 1), date(2025, 6, 10))
    assert kaigo.kaigo_first_loss_date(born, [died], died) == date(2025, 6, 11)
    gap = [Residence(TOWN, date(1990, 4, 1), date(2025, 6, 30)), Residence(OTHER, date(2025, 7, 3))]
    assert kaigo.kaigo_first_loss_date(born, gap, gap[0]) == date(2025, 7, 1)
    # ただし書: an address in another municipality that very day: lost that day.
    same = [Residence(TOWN, date(1990, 4, 1), date(2025, 6, 30)), Residence(OTHER, date(2025, 6, 30))]
    assert kaigo.kaigo_first_loss_date(born, same, same[0]) == date(2025, 6, 30)
    # Left before reaching 65: never a 第1号被保険者 here, nothing lost.
    young = Residence(TOWN, date(1990, 4, 1), date(2010, 1, 1))
    assert kaigo.kaigo_first_loss_date(born, [young], young) is None


def test_premium_of_the_first_insured_only() -> None:
    # 第129条第2項: 第一号被保険者に対し課する (from the month 65 is reached: 2025-03 of 年度 2024).
    assert kaigo.kaigo_billed_months(BORN, [Residence(TOWN, date(1990, 4, 1))], TOWN, 2024) == ((2025, 3),)
    # 第129条第1項: every month of a 第1号被保険者's 年度 (75 reached in it too: 後期高齢者医療 changes nothing).
    assert len(kaigo.kaigo_billed_months(date(1950, 6, 6), [Residence(TOWN, date(1980, 4, 1))], TOWN, 2025)) == 12
    # 第129条第4項: 第二号被保険者からは保険料を徴収しない (aged 50 all 年度).
    assert kaigo.kaigo_billed_months(date(1975, 6, 6), [Residence(TOWN, date(2000, 4, 1))], TOWN, 2025) == ()
