"""The 後期高齢者医療 oracle (conformance/domains/koki_korei/oracle.py) against worked examples of 高齢者の医療の確保に
関する法律 第50条-第53条 (the statute text quoted in spec_catalog/koki_korei/2025.12; no official worked
example is in the repository, so each case names the sentence it follows)."""

from __future__ import annotations

from datetime import date

from conformance.domains.koki_korei.oracle import KokiFacts, koki_insured_on, koki_korei_start, koki_qualification
from conformance.oracles.residence import Residence

TOWN, SAME, OTHER = "221309", "221007", "131016"  # two municipalities of 静岡県, one of 東京都
PREF = TOWN[:2]
BIRTH = date(1950, 6, 6)  # 75 on 2025-06-06


def stays(*extra: Residence, moved_out: date | None = None) -> list[Residence]:
    return [Residence(TOWN, date(1980, 4, 1), moved_out), *extra]


def test_insured_from_the_75th_birthday_while_the_address_is_in_the_prefecture() -> None:
    # 第50条第1号, 第52条第1号: from the birthday itself (DOMAIN.md).
    assert koki_korei_start(BIRTH) == date(2025, 6, 6)
    assert not koki_insured_on(BIRTH, stays(), PREF, date(2025, 6, 5))
    assert koki_insured_on(BIRTH, stays(), PREF, date(2025, 6, 6))
    assert koki_qualification(BIRTH, stays(), PREF, date(2025, 7, 1)) == (date(2025, 6, 6), None)


def test_a_move_inside_the_prefecture_keeps_it_one_out_of_it_ends_it() -> None:
    day = date(2025, 9, 30)
    within = stays(Residence(SAME, day), moved_out=day)
    assert koki_insured_on(BIRTH, within, PREF, date(2025, 10, 1))
    assert koki_qualification(BIRTH, within, PREF, date(2025, 10, 1)) == (date(2025, 6, 6), None)
    # 第53条第1項ただし書: an address in another 広域連合 from the move day: lost that day.
    out = stays(Residence(OTHER, day), moved_out=day)
    assert not koki_insured_on(BIRTH, out, PREF, day)
    assert koki_qualification(BIRTH, out, PREF, date(2025, 10, 1)) == (date(2025, 6, 6), day)
    # 第53条第1項本文: a day without an address between: lost the day after the move-out.
    gap = stays(Residence(OTHER, date(2025, 10, 5)), moved_out=day)
    assert koki_qualification(BIRTH, gap, PREF, date(2025, 10, 9)) == (date(2025, 6, 6), date(2025, 10, 1))


def test_death_and_emigration_end_it_the_day_after() -> None:
    died = stays(moved_out=date(2025, 12, 31))
    assert koki_insured_on(BIRTH, died, PREF, date(2025, 12, 31))
    assert koki_qualification(BIRTH, died, PREF, date(2026, 1, 5)) == (date(2025, 6, 6), date(2026, 1, 1))


def test_moving_in_at_75_or_more_starts_it_on_the_day_of_the_move() -> None:
    # 第52条第2号.
    history = [Residence(OTHER, date(2000, 1, 1), date(2025, 8, 1)), Residence(TOWN, date(2025, 8, 1))]
    assert koki_qualification(BIRTH, history, PREF, date(2025, 8, 1)) == (date(2025, 8, 1), None)
    assert not koki_insured_on(BIRTH, history, PREF, date(2025, 7, 31))


def test_a_certification_at_65_to_74_starts_it_on_its_day() -> None:
    # 第50条第2号, 第52条第3号; not before 65 (reached the day before the 65th birthday).
    birth = date(1958, 4, 1)
    facts = KokiFacts(certified=date(2024, 11, 15))
    assert koki_insured_on(birth, stays(), PREF, date(2024, 11, 15), facts)
    assert not koki_insured_on(birth, stays(), PREF, date(2024, 11, 14), facts)
    assert koki_qualification(birth, stays(), PREF, date(2025, 1, 1), facts) == (date(2024, 11, 15), None)
    early = KokiFacts(certified=date(2023, 3, 30))  # aged 64: no 被保険者 by 第2号
    assert not koki_insured_on(birth, stays(), PREF, date(2023, 4, 1), early)


def test_welfare_excludes_it_from_its_first_day_and_its_end_starts_it_again() -> None:
    # 第51条第1号, 第53条第2項 (lost on the day), 第52条 柱書 (gained on the day 第51条 no longer applies).
    facts = KokiFacts(welfare_start=date(2025, 8, 1), welfare_end=date(2025, 11, 1))
    assert not koki_insured_on(BIRTH, stays(), PREF, date(2025, 8, 1), facts)
    assert koki_qualification(BIRTH, stays(), PREF, date(2025, 9, 1), facts) == (date(2025, 6, 6), date(2025, 8, 1))
    assert koki_qualification(BIRTH, stays(), PREF, date(2025, 11, 1), facts) == (date(2025, 11, 1), None)
    assert koki_insured_on(BIRTH, stays(), PREF, date(2025, 11, 1), facts)
