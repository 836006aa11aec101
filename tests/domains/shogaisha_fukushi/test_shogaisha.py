"""障害者福祉 oracle (conformance/domains/shogaisha_fukushi/oracle.py): worked examples from 障害者総合支援法
第19条第1項-第4項, 第21条第1項, 第23条 and 身体障害者福祉法 第4条, 第15条第1項ただし書, 第4項, 第5項, 第7項."""

from __future__ import annotations

from datetime import date

from conformance.domains.shogaisha_fukushi.oracle import (
    Places,
    benefits_payable,
    certificate_issued,
    deciding_municipality,
    decision_in_effect,
    guardian_applies,
    handed_to_child,
    monthly_amounts,
    physically_disabled,
    rejection_with_reason,
    support_category,
)

A, B, C = "221007", "131016", "222135"


def test_the_residence_else_the_current_place_decides() -> None:
    # 第19条第2項: the 居住地; ただし書: none or not known, the 現在地.
    assert deciding_municipality(Places(residence=A, current=B)) == A
    assert deciding_municipality(Places(current=B)) == B
    assert deciding_municipality(Places()) is None


def test_a_facility_resident_keeps_the_place_before_the_first_entry() -> None:
    # 第19条第3項: the 居住地 before the 入所, not the facility's; ただし書: the 所在地 before it.
    assert deciding_municipality(Places(residence=C, current=C, in_facility=True, before_residence=A)) == A
    assert deciding_municipality(Places(current=C, in_facility=True, before_location=B)) == B


def test_one_from_a_child_facility_takes_the_guardians_residence_at_17() -> None:
    # 第19条第4項: the 保護者's 居住地 on the day before 18, even with a 居住地 before the 入所; ただし書: the 所在地.
    came_on = Places(current=C, in_facility=True, before_residence=A, from_child_facility=True,
                     guardian_residence=B, location_at_17=C)
    assert deciding_municipality(came_on) == B
    assert deciding_municipality(Places(current=C, in_facility=True, from_child_facility=True,
                                        location_at_17=A)) == A


def test_a_decision_has_effect_within_its_period_only() -> None:
    first, last = date(2025, 4, 1), date(2026, 3, 31)
    assert decision_in_effect(first, last, first) and decision_in_effect(first, last, last)
    assert not decision_in_effect(first, last, date(2025, 3, 31))
    assert not decision_in_effect(first, last, date(2026, 4, 1))
    # 第19条第1項: nothing payable without a 支給決定.
    assert benefits_payable((first, last), date(2025, 6, 1))
    assert not benefits_payable(None, date(2025, 6, 1))


def test_the_supply_amount_is_per_kind_and_per_month() -> None:
    # 第22条第7項: 種類ごとに月を単位として; nothing without a 支給決定 (支給決定を行う場合には).
    assert monthly_amounts(True, {"居宅介護": 30, "生活介護": 22}) == {"居宅介護": 30, "生活介護": 22}
    assert monthly_amounts(False, {"居宅介護": 30}) is None


def test_the_category_is_the_boards_judgement() -> None:
    assert support_category("区分3") == "区分3"
    assert support_category(None) is None


def test_a_physically_disabled_person_is_18_with_a_certificate() -> None:
    # Born 2007-06-02: 18 reached on 2025-06-01 (年齢計算ニ関スル法律).
    birth, given = date(2007, 6, 2), date(2015, 4, 1)
    assert physically_disabled(birth, given, date(2025, 6, 1))
    assert not physically_disabled(birth, given, date(2025, 5, 31))
    assert not physically_disabled(birth, None, date(2030, 1, 1))
    assert not physically_disabled(date(1980, 1, 1), date(2025, 7, 1), date(2025, 6, 30))


def test_the_guardian_applies_under_15_and_hands_over_at_15() -> None:
    birth = date(2007, 6, 2)  # 15 reached on 2022-06-01
    assert guardian_applies(birth, date(2022, 5, 31))
    assert not guardian_applies(birth, date(2022, 6, 1))
    assert not handed_to_child(birth, date(2022, 5, 31))
    assert handed_to_child(birth, date(2022, 6, 1))
    # 2月29日 births reach 15 on 2月28日 of a common year.
    assert guardian_applies(date(2008, 2, 29), date(2023, 2, 27))
    assert not guardian_applies(date(2008, 2, 29), date(2023, 2, 28))


def test_the_certificate_or_a_reasoned_notice() -> None:
    assert certificate_issued(True) and not rejection_with_reason(True)
    assert not certificate_issued(False) and rejection_with_reason(False)
