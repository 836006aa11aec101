"""戸籍の附票 oracles (conformance.domains.koseki_fuhyo.oracle) on examples read from the texts of
spec_sources/statutes/fuhyo (住民基本台帳法 第17条, 施行令 第19条, 第20条): each test names the provision."""

from __future__ import annotations

from datetime import date

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
