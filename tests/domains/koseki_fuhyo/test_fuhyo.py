"""戸籍の附票 oracles (conformance.domains.koseki_fuhyo.oracle) on examples read from the texts of
spec_sources/statutes/fuhyo (住民基本台帳法 第17条, 施行令 第19条, 第20条): each test names the provision."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.koseki_fuhyo import oracle as fuhyo

TOWN, OTHER = "229997", "131016"


def test_address_of_a_resident() -> None:
    # 第17条第1項第3号, 第4号: 住所 and 住所を定めた年月日.
    assert fuhyo.fuhyo_address(TOWN, date(2010, 4, 1)) == fuhyo.FuhyoAddress(TOWN, False, date(2010, 4, 1))


def test_a_kokugai_tenshutsusha() -> None:
    # 第3号: 国外転出者にあつては、国外転出者である旨; 第4号: その国外転出届に記載された転出の予定年月日.
    assert fuhyo.fuhyo_address(TOWN, date(2010, 4, 1), date(2025, 6, 30)) == \
        fuhyo.FuhyoAddress(None, True, date(2025, 6, 30))


def test_corrected_on_a_move() -> None:
    # 施行令 第20条第1項: 記載をした事項に変更があつたとき ... 記載の修正 (the new 住所地 and its day).
    moved = fuhyo.fuhyo_address(TOWN, date(2010, 4, 1), date(2025, 6, 30), moved_in_elsewhere=date(2025, 6, 28),
                                next_municipality=OTHER)
    assert moved == fuhyo.FuhyoAddress(OTHER, False, date(2025, 6, 28))


def test_removed_from_the_koseki() -> None:
    # 施行令 第19条第1項: 戸籍から除かれたときは、その戸籍の附票の全部又は一部を消除.
    assert fuhyo.is_removed(date(2025, 1, 15))
    assert not fuhyo.is_removed(None)
    assert fuhyo.SEX == {"1": "男", "2": "女"}


def test_the_jyohyo_is_kept_150_years_from_the_day_after_the_shojo() -> None:
    # 施行令 第34条第1項: 消除した日から百五十年間保存; 民法 第140条 leaves the day of the 消除 out (our reading),
    # 第143条第2項 ends the period the day before the corresponding day of its start.
    assert fuhyo.kept_until(date(2025, 1, 15)) == date(2175, 1, 15)
    assert fuhyo.kept_until(date(2025, 12, 31)) == date(2175, 12, 31)
    # A start on 2月29日 (the 消除 on 2月28日 of a leap year) has no corresponding day in 2174: 2月28日.
    assert fuhyo.kept_until(date(2024, 2, 28)) == date(2174, 2, 28)
    # The 消除 on 2月29日: the period starts on 3月1日 and ends on the day before 2174-03-01.
    assert fuhyo.kept_until(date(2024, 2, 29)) == date(2174, 2, 28)
    # The 消除 on 2月28日 of a common year: the period starts on 3月1日, so it ends on 2月29日 when the 150th
    # year is a leap year (2176), not on the same day 150 years on.
    assert fuhyo.kept_until(date(2026, 2, 28)) == date(2176, 2, 29)
    assert fuhyo.kept_until(date(2027, 2, 28)) == date(2177, 2, 28)
    assert fuhyo.kept_until(date(2025, 1, 15), 5) == date(2030, 1, 15)


def test_the_overseas_registrations_recorded() -> None:
    # 法 第17条の2第1項: 在外選挙人名簿に登録された者、…登録の移転がされた者及び…在外投票人名簿に登録された者
    # については、その旨及び当該登録又は…登録の移転がされた市町村名を記載.
    assert fuhyo.OVERSEAS_KINDS == ("在外選挙人名簿への登録", "在外選挙人名簿への登録の移転", "在外投票人名簿への登録")
    assert fuhyo.overseas_record("在外投票人名簿への登録", "東京都千代田区") == \
        {"旨": "在外投票人名簿への登録", "市町村名": "東京都千代田区"}
    with pytest.raises(ValueError, match="records no"):
        fuhyo.overseas_record("在外選挙人名簿からの抹消", "東京都千代田区")


def test_150_years_counted_from_a_notice_have_passed() -> None:
    # 施行令 第34条第3項: 「…通知をした日から起算して百五十年を経過する日」: the notice's day is the first day (unlike
    # 第1項's 百五十年間 from the 消除, which 民法 第140条 starts the next day).
    assert fuhyo.elapsed_on(date(2025, 4, 1)) == date(2175, 3, 31)
    assert fuhyo.kept_until(date(2025, 4, 1)) == date(2175, 4, 1)
    assert fuhyo.elapsed_on(date(2024, 2, 29)) == date(2174, 2, 28)  # no 2174-02-29: the end of 2月
    assert fuhyo.elapsed_on(date(2026, 3, 1)) == date(2176, 2, 29)  # 2176 is a leap year
    assert fuhyo.elapsed_on(date(2025, 4, 1), 5) == date(2030, 3, 31)


def test_the_day_a_notice_is_kept_from() -> None:
    # 第1号: 記載 or 記載の修正 -> the person's next notice (none yet: not fixed); 第2号: 消除 -> its own day.
    first, second = date(2025, 4, 1), date(2026, 5, 1)
    assert fuhyo.notice_kept_from(fuhyo.RECORDED, first, second) == second
    assert fuhyo.notice_kept_from("記載の修正", first, second) == second
    assert fuhyo.notice_kept_from(fuhyo.RECORDED, first, None) is None
    assert fuhyo.notice_kept_from(fuhyo.REMOVED, second, None) == second


def test_a_document_is_kept_one_year_from_the_day_after_its_receipt() -> None:
    # 施行令 第34条第4項: 受理された日から一年間 (民法 第140条: the day of receipt not counted; our reading).
    assert fuhyo.kept_until(date(2025, 4, 1), 1) == date(2026, 4, 1)
    assert fuhyo.elapsed_on(date(2025, 4, 1), 1) == date(2026, 3, 31)  # 起算して: a day shorter
    assert fuhyo.kept_until(date(2024, 2, 28), 1) == date(2025, 2, 28)
