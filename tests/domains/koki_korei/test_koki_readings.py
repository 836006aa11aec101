"""後期高齢者医療: the reading of 第50条第2号's 「六十五歳以上」 for a 障害認定 given on the day 65 is reached
(issue 65), its worked example run through the oracle, and the checks accepting either answer and no other.

The oracle reads 六十五歳以上 from the day 65 is reached (the day before the 65th birthday: 年齢計算ニ関スル法律), and
第1号's 七十五歳以上 from the 75th birthday itself (DOMAIN.md): a system reading both ages alike counts a 認定 given
the day before the 65th birthday from the birthday. provisions.yaml names both (第50条第1項第2号)."""

from __future__ import annotations

from datetime import date

from conformance.checks.scenarios import history
from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei import oracle as koki
from conformance.oracles.readings import Either
from conformance.testdata.town import TOWN_CODE

BIRTH, REACHED, BIRTHDAY = date(1960, 6, 15), date(2025, 6, 14), date(2025, 6, 15)


def test_a_certification_on_the_day_sixty_five_is_reached_counts_from_that_day_or_the_birthday() -> None:
    readings = koki.certification_readings(BIRTH, koki.KokiFacts(certified=REACHED))
    assert [facts.certified for facts in readings] == [REACHED, BIRTHDAY]
    stays = history(ks.CERTIFIED_AT_65, TOWN_CODE)
    insured = [koki.koki_insured_on(BIRTH, stays, TOWN_CODE[:2], REACHED, facts) for facts in readings]
    assert insured == [True, False]
    assert [koki.koki_qualification(BIRTH, stays, TOWN_CODE[:2], BIRTHDAY, facts)[0] for facts in readings] == [
        REACHED, BIRTHDAY]


def test_any_other_certification_is_read_one_way() -> None:
    assert koki.certification_readings(BIRTH, koki.KokiFacts(certified=BIRTHDAY)) == (
        koki.KokiFacts(certified=BIRTHDAY),)
    assert koki.certification_readings(BIRTH, koki.KokiFacts()) == (koki.KokiFacts(),)


def test_the_checks_expect_either_answer_and_nothing_else() -> None:
    insured = ks._insured_on(ks.CERTIFIED_AT_65, TOWN_CODE)
    assert insured == {"被保険者": Either(True, False)}
    acquired = ks._acquired(ks.CERTIFIED_AT_65, TOWN_CODE)
    assert acquired == {"資格取得日": "2025-06-14"} and acquired == {"資格取得日": "2025-06-15"}
    assert acquired != {"資格取得日": "2025-06-16"} and acquired != {"資格取得日": None}
    # A 認定 a day later is one reading: the birthday only.
    assert ks._acquired(ks.CERTIFIED, TOWN_CODE) == {"資格取得日": "2025-06-10"}
    assert ks._acquired(ks.CERTIFIED, TOWN_CODE) != {"資格取得日": "2025-06-11"}


def test_the_example_is_asked_by_both_rules_of_the_certification() -> None:
    assert ks.CERTIFIED_AT_65 in ks.KOKI_RULES["koki_korei.certified"].examples
    assert ks.CERTIFIED_AT_65 in ks.KOKI_RULES["koki_korei.acquired_on_certification"].examples


def test_a_stopped_welfare_household_is_not_excluded_until_the_protection_is_given_again() -> None:
    # 第51条第1号's 括弧書 (その保護を停止されている世帯を除く), the register's reading of the record's 停止年月日 and
    # 停止解除年月日: 保護 from 2025-06-01, stopped from 2025-07-01, given again on 2025-10-01.
    facts = koki.KokiFacts(welfare_start=date(2025, 6, 1), welfare_stopped=date(2025, 7, 1),
                           welfare_resumed=date(2025, 10, 1))
    days = (date(2025, 6, 30), date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 1))
    assert [facts.receives_welfare(day) for day in days] == [True, False, False, True]
    assert ks._insured_on(ks.WELFARE_STOPPED, TOWN_CODE) == {"被保険者": True}
    assert ks._insured_on(ks.WELFARE_RESUMED, TOWN_CODE) == {"被保険者": False}
    # 第52条 and 第53条第2項 follow: 資格 from the 停止's first day, lost on the day the 保護 is given again.
    stays = history(ks.WELFARE_STOPPED, TOWN_CODE)
    assert koki.koki_qualification(date(1945, 5, 5), stays, TOWN_CODE[:2], date(2025, 7, 1), facts) == (
        date(2025, 7, 1), date(2025, 10, 1))
