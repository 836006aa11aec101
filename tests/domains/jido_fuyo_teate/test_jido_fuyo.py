"""The 児童扶養手当 oracle (conformance/domains/jido_fuyo_teate/oracle.py) against worked examples of 児童扶養手当法 and
its 施行令 第2条の4 (the statute text quoted in spec_catalog/jido_fuyo_teate/2025.12; no official worked
example is in the repository, so each case shows the arithmetic of the sentence it follows)."""

from __future__ import annotations

from datetime import date

from conformance.domains.jido_fuyo_teate.oracle import (
    carer_stopped,
    child_end_date,
    claimant_paid,
    counted_income,
    delayed_start_month,
    full_limit,
    kind,
    monthly_units,
    obligor_stopped,
    paid_for,
    partial_stop,
    payment_month,
    public_pension,
    qualifies,
    start_month,
    stop_limit,
)


def test_paid_from_the_month_after_the_claim_in_the_odd_months() -> None:
    # 第7条第1項, 第3項 (DOMAIN.md: "paid six times a year in odd months ..., two months each").
    assert start_month((2025, 1)) == (2025, 2)
    assert start_month((2025, 12)) == (2026, 1)
    assert [payment_month((2024, m)) for m in (11, 12)] == [(2025, 1), (2025, 1)]
    assert [payment_month((2025, m)) for m in (1, 2, 3, 4)] == [(2025, 3), (2025, 3), (2025, 5), (2025, 5)]


def test_the_amount_in_units_of_the_base_and_the_addition() -> None:
    # 第5条第1項 (基本額), 第2項 (加算額 for each 監護等児童 beyond the first).
    assert monthly_units(1) == (1, 0)
    assert monthly_units(3) == (1, 2)
    assert monthly_units(0) == (0, 0)


def test_the_limits_and_the_kind_of_payment() -> None:
    # 施行令 第2条の4第1項 (69万円, 38万円 for each), 第2項第1号 (208万円); 法第9条第1項: 以上.
    assert (full_limit(0), full_limit(2), stop_limit(0), stop_limit(1)) == (690_000, 1_450_000, 2_080_000, 2_460_000)
    assert kind(689_999, 0) == "全部支給"
    assert kind(690_000, 0) == "一部支給"
    assert kind(2_079_999, 0) == "一部支給"
    assert kind(2_080_000, 0) == "全部停止"
    assert kind(1_449_999, 2) == "全部支給"


def test_the_part_stopped_rounds_to_ten_yen_at_five() -> None:
    # 施行令 第2条の4第3項, 第4項: 310,000 x 0.0256619 = 7,955.19 -> 7,960 + 10; 310,000 x 0.0039568 =
    # 1,226.61 -> 1,230 + 10 for each child beyond the first.
    assert partial_stop(1_000_000, 0, 1) == 7_970
    assert partial_stop(1_000_000, 0, 3) == 7_970 + 2 * 1_240
    # 100,000 x 0.0256619 = 2,566.19 -> 2,570 (5円以上); 200,000 x 0.0256619 = 5,132.38 -> 5,130 (5円未満).
    assert partial_stop(790_000, 0, 1) == 2_580
    assert partial_stop(890_000, 0, 1) == 5_140
    assert partial_stop(690_000, 0, 2) == 20  # at the limit: ten yen each
    assert partial_stop(689_999, 0, 2) == 0
    assert partial_stop(2_080_000, 0, 1) == 0  # 全部停止: nothing is paid, no part is computed


def test_eight_tenths_of_the_support_counts_as_income() -> None:
    # 法第9条第2項; 施行令 第2条の4第5項 (一円未満四捨五入).
    assert counted_income(500_000, 50_001) == 540_001
    assert counted_income(500_000, 50_002) == 540_002  # 40,001.6 -> 40,002
    assert counted_income(500_000, 3) == 500_002  # 2.4 -> 2


def test_a_child_is_a_jido_until_the_first_march_31_on_or_after_reaching_18() -> None:
    # 第3条第1項: 十八歳に達する日以後の最初の三月三十一日まで. 18 is reached the day before the birthday: born
    # 2007-04-01 reaches it on 2025-03-31, that very 3月31日; born 2007-04-02 on 2025-04-01, so a year longer.
    assert child_end_date(date(2007, 4, 1)) == date(2025, 3, 31)
    assert child_end_date(date(2007, 4, 2)) == date(2026, 3, 31)
    assert child_end_date(date(2008, 3, 31)) == date(2026, 3, 31)


def test_public_pensions_are_the_annuities_of_the_listed_laws() -> None:
    assert public_pension("国民年金法に基づく年金たる給付")
    assert public_pension("未帰還者留守家族等援護法に基づく特別手当")
    assert not public_pension("国民年金法に基づく死亡一時金")
    assert not public_pension("確定給付企業年金法に基づく年金")


def test_whose_allowance_and_for_which_child() -> None:
    assert qualifies("母", cares=True, shares_livelihood=False)
    assert not qualifies("父", cares=True, shares_livelihood=False)
    assert qualifies("父", cares=True, shares_livelihood=True)
    assert qualifies("養育者", cares=True, shares_livelihood=False, lives_with=True, maintains=True)
    assert not qualifies("養育者", cares=True, shares_livelihood=False, lives_with=True, maintains=True,
                         mother_cares=True)
    assert not claimant_paid(True, abroad=True) and claimant_paid(True, abroad=False)
    assert not paid_for("母", with_father=True) and paid_for("母", with_father=True, father_disabled=True)
    assert paid_for("父", with_father=True)  # 第3号 is not of a 父's 手当
    assert not paid_for("父", with_mother=True) and paid_for("母", with_mother=True)
    assert not paid_for("養育者", mothers_spouse=True)
    assert paid_for("母", mothers_spouse=True, spouse_disabled_parent=True)


def test_a_claim_after_a_hindrance_and_the_other_limits() -> None:
    start, end = date(2025, 3, 20), date(2025, 4, 30)
    assert delayed_start_month(date(2025, 5, 15), hindered_from=start, hindered_until=end) == (2025, 4)
    assert delayed_start_month(date(2025, 5, 16), hindered_from=start, hindered_until=end) == (2025, 6)
    assert carer_stopped(2_360_000, 0, 0) and not carer_stopped(2_359_999, 0, 0)
    assert not carer_stopped(2_739_999, 0, 1) and carer_stopped(2_740_000, 1, 0)
    assert obligor_stopped(2_740_000, 1) and not obligor_stopped(2_739_999, 1)
