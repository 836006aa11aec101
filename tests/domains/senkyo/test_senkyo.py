"""選挙人名簿 oracles (conformance.domains.senkyo.oracle) on worked examples read from 公職選挙法's text
(spec_sources/statutes/senkyo/公職選挙法.txt): each test names the provision it reads."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.oracle import Person

ADULT = date(1980, 5, 5)


def test_national_suffrage_needs_age_and_nationality_only() -> None:
    # 第9条第1項: 日本国民で年齢満十八年以上の者. Born 2007-03-02: 18 reached on 2025-03-01.
    person = Person(date(2007, 3, 2), True, date(2025, 2, 20), date(2025, 2, 20))
    assert senkyo.national_suffrage(person, date(2025, 3, 1))
    assert not senkyo.national_suffrage(person, date(2025, 2, 28))
    assert not senkyo.national_suffrage(Person(ADULT, False, ADULT, ADULT), date(2025, 3, 1))


def test_local_suffrage_counts_three_months_from_the_address() -> None:
    # 第9条第2項: 引き続き三箇月以上市町村の区域内に住所を有する (moved 2024-12-01, 届出 2024-12-10).
    person = Person(ADULT, True, date(2024, 12, 1), date(2024, 12, 10))
    assert not senkyo.local_suffrage(person, date(2025, 2, 28))
    assert senkyo.local_suffrage(person, date(2025, 3, 1))


def test_registration_counts_three_months_from_the_notification() -> None:
    # 第21条第1項 (転入届をした日から), 第22条第1項 and 第19条第2項 (登録月の一日).
    person = Person(ADULT, True, date(2024, 12, 1), date(2024, 12, 10))
    assert not senkyo.qualified_as_resident(person, date(2025, 3, 1))
    assert senkyo.registration_day(person, date(2025, 9, 30)) == date(2025, 6, 1)
    on_time = Person(ADULT, True, date(2024, 12, 1), date(2024, 12, 1))
    assert senkyo.registration_day(on_time, date(2025, 3, 1)) == date(2025, 3, 1)
    assert senkyo.registration_day(Person(ADULT, False, ADULT, ADULT), date(2025, 3, 1)) is None


@pytest.mark.parametrize(("ceased", "day"), [
    (date(2025, 6, 10), date(2025, 10, 11)),
    (date(2025, 10, 30), date(2026, 3, 1)),
    (date(2025, 10, 31), date(2026, 3, 1)),
])
def test_struck_off_four_months_after_the_address_ceased(ceased: date, day: date) -> None:
    # 第28条第2号: 住所を有しなくなつた日後四箇月を経過するに至つたとき.
    assert senkyo.struck_off_day(ceased) == day


def test_moved_out_before_registration_is_registered_with_the_indication() -> None:
    # 第21条第2項 and 第27条第2項: recorded from 2024-11-01, moved out 2025-02-20 after three months, not
    # yet registered: registered on 3月1日 with the 表示, struck off when four months have passed (6月21日).
    person = Person(ADULT, True, date(2024, 11, 1), date(2024, 11, 1), ceased=date(2025, 2, 20))
    assert senkyo.registration_day(person, date(2025, 3, 5)) == date(2025, 3, 1)
    assert senkyo.is_indicated(person, date(2025, 3, 5))
    assert senkyo.struck_off(person, date(2025, 6, 20)) is None
    assert senkyo.struck_off(person, date(2025, 6, 21)) == senkyo.STRUCK_OFF_MOVED


def test_a_registered_person_moving_out_is_indicated_and_struck_off_on_death() -> None:
    # 第27条第1項: 表示 on ceasing to have the address; 第28条第1号: 抹消 on death.
    person = Person(ADULT, True, date(2000, 1, 1), date(2000, 1, 1), ceased=date(2025, 6, 10))
    assert not senkyo.is_indicated(person, date(2025, 6, 9)) and senkyo.is_indicated(person, date(2025, 6, 10))
    dead = Person(ADULT, True, date(2000, 1, 1), date(2000, 1, 1), ceased=date(2025, 6, 10), died=True)
    assert senkyo.struck_off(dead, date(2025, 6, 10)) == senkyo.STRUCK_OFF_DEATH
    assert not senkyo.is_registered(dead, date(2025, 6, 10))
