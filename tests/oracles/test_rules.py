"""The rule oracles on the worked examples of their sources (DOMAIN.md, 住民記録 1.0 j440) and on
boundary days: 1月1日/1月2日, 4月1日, month ends, 2月29日, era boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conformance.oracles as oracles
from conformance.domains.jido_teate.oracle import child_end_date, monthly_amount, payment_month, start_month
from conformance.domains.kaigo.oracle import (
    Facility,
    FacilityKind,
    jushochi_tokurei_applies,
    kaigo_acquisition_date,
    kaigo_age_date,
    kaigo_billed_months,
    kaigo_insurer,
)
from conformance.domains.keijidosha_zei.oracle import Ownership, keijidosha_tax_payer
from conformance.domains.kojin_juminzei.oracle import juminzei_municipality
from conformance.domains.koki_korei.oracle import koki_korei_start
from conformance.domains.kokuho.oracle import (
    high_cost_count_carries_over,
    kokuho_billed_months,
    kokuho_loss_date,
    kokuho_qualifications,
)
from conformance.oracles import (
    Residence,
    Support,
    SupportState,
    age_on,
    age_reached_on,
    continues_as,
    extended_end_date,
    extension_window,
    is_protected,
    removal_date,
    support_end_date,
    support_state,
)
from conformance.oracles.dates import months_later
from conformance.oracles.identifiers import lg_code_check_digit

D = date
# Valid 全国地方公共団体コード: 静岡市 221007, 浜松市 221309 (静岡県, 22), 千代田区 131016 (東京都, 13).
SHIZUOKA, HAMAMATSU, CHIYODA = "221007", "221309", "131016"
calendar_days = st.dates(min_value=D(1900, 1, 1), max_value=D(2090, 12, 31))


def test_codes_used_here_are_valid() -> None:
    assert [lg_code_check_digit(code[:5]) for code in (SHIZUOKA, HAMAMATSU, CHIYODA)] == [7, 9, 6]


def test_public_api_is_all_and_documented() -> None:
    assert sorted(oracles.__all__) == sorted(set(oracles.__all__))
    for name in oracles.__all__:
        value = getattr(oracles, name)
        assert value.__doc__, name


# -- ages (年齢計算ニ関スル法律) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "age", "reached"),
    [
        (D(1955, 4, 1), 65, D(2020, 3, 31)),
        (D(1955, 4, 2), 65, D(2020, 4, 1)),
        (D(1956, 2, 29), 65, D(2021, 2, 28)),  # common year: reached on 2月28日
        (D(1960, 2, 29), 60, D(2020, 2, 28)),  # leap year: the day before 2月29日
        (D(2000, 1, 1), 20, D(2019, 12, 31)),  # crosses the year
    ],
)
def test_age_reached_on_the_day_before_the_birthday(birth: date, age: int, reached: date) -> None:
    assert age_reached_on(birth, age) == reached
    assert age_on(birth, reached) == age
    assert age_on(birth, reached - timedelta(days=1)) == age - 1


@given(calendar_days, st.integers(min_value=1, max_value=110))
def test_koki_korei_starts_the_day_after_the_age_is_reached(birth: date, age: int) -> None:
    assert oracles.anniversary(birth, age) == age_reached_on(birth, age) + timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "months", "later"),
    [
        (D(2024, 1, 15), 1, D(2024, 2, 15)),
        (D(2024, 1, 31), 1, D(2024, 3, 1)),  # no 2月31日: the day after 2月's last (民法 第143条第2項)
        (D(2023, 12, 31), 2, D(2024, 3, 1)),  # a leap year's 2月29日 is not 31
        (D(2024, 11, 30), 3, D(2025, 3, 1)),  # no 2月30日
        (D(2024, 10, 31), 1, D(2024, 12, 1)),  # 11月 has no 31日, across to 12月
        (D(2024, 11, 30), 14, D(2026, 1, 30)),  # across two years
        (D(2025, 3, 31), -1, D(2025, 3, 1)),  # backwards: no 2月31日
    ],
)
def test_months_later_takes_the_corresponding_day(day: date, months: int, later: date) -> None:
    assert months_later(day, months) == later


# -- 後期高齢者医療 / 介護 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "start"),
    [(D(1945, 4, 1), D(2020, 4, 1)), (D(1945, 12, 31), D(2020, 12, 31)), (D(1948, 2, 29), D(2023, 3, 1)),
     (D(1945, 2, 28), D(2020, 2, 28))],
)
def test_koki_korei_starts_on_the_75th_birthday(birth: date, start: date) -> None:
    assert koki_korei_start(birth) == start


def test_kaigo_starts_the_day_before_the_65th_birthday() -> None:
    assert kaigo_age_date(D(1955, 4, 1)) == D(2020, 3, 31)
    here = Residence(SHIZUOKA, D(1990, 1, 1))
    # Born on the 1st: 資格 on the last day of the previous month, so that month is billed (2020-03 is 年度 2019).
    assert kaigo_billed_months(D(1955, 4, 1), [here], SHIZUOKA, 2019) == ((2020, 3),)
    assert kaigo_billed_months(D(1955, 4, 2), [here], SHIZUOKA, 2019) == ()
    assert len(kaigo_billed_months(D(1955, 4, 2), [here], SHIZUOKA, 2020)) == 12


def test_kaigo_on_moving_in_after_65_and_moving_out() -> None:
    birth = D(1940, 6, 15)
    history = [Residence(SHIZUOKA, D(2000, 1, 1), D(2020, 9, 20)), Residence(CHIYODA, D(2020, 9, 20))]
    assert kaigo_acquisition_date(birth, history[1]) == D(2020, 9, 20)
    assert kaigo_billed_months(birth, history, SHIZUOKA, 2020) == ((2020, 4), (2020, 5), (2020, 6), (2020, 7),
                                                                    (2020, 8))
    assert kaigo_billed_months(birth, history, CHIYODA, 2020)[0] == (2020, 9)
    young = Residence(SHIZUOKA, D(2000, 1, 1), D(2004, 1, 1))
    assert kaigo_acquisition_date(birth, young) is None


@pytest.mark.parametrize(
    ("facility", "applies"),
    [
        (Facility(FacilityKind.TOKUBETSU_YOGO, 30), True),
        (Facility(FacilityKind.TOKUBETSU_YOGO, 29), False),  # 地域密着型 特養
        (Facility(FacilityKind.ROJIN_HOKEN, 10), True),
        (Facility(FacilityKind.KAIGO_IRYOIN, 40), True),
        (Facility(FacilityKind.YOGO_ROJIN, 50), True),
        (Facility(FacilityKind.TOKUTEI_SHISETSU, 29), True),  # not 介護専用型
        (Facility(FacilityKind.TOKUTEI_SHISETSU, 29, care_only=True), False),
        (Facility(FacilityKind.TOKUTEI_SHISETSU, 30, care_only=True), True),
        (Facility(FacilityKind.ROJIN_HOKEN, 80, community_based=True), False),
        (Facility(FacilityKind.OTHER, 100), False),
    ],
)
def test_jushochi_tokurei(facility: Facility, applies: bool) -> None:
    assert jushochi_tokurei_applies(facility, previous_municipality=SHIZUOKA, facility_municipality=CHIYODA) is applies
    expected = SHIZUOKA if applies else CHIYODA
    assert kaigo_insurer(facility, previous_municipality=SHIZUOKA, new_municipality=CHIYODA) == expected
    assert not jushochi_tokurei_applies(facility, previous_municipality=CHIYODA, facility_municipality=CHIYODA)


# -- 個人住民税 / 軽自動車税 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moved", "levied_by"),
    [
        (D(2020, 12, 31), CHIYODA),  # moved before 1月1日: the new address
        (D(2021, 1, 1), CHIYODA),  # moved on 1月1日 to an address taken that day: the new one
        (D(2021, 1, 2), SHIZUOKA),  # moved on 1月2日: the old one, for the whole year
    ],
)
def test_juminzei_by_the_address_on_january_first(moved: date, levied_by: str) -> None:
    history = [Residence(SHIZUOKA, D(2010, 5, 1), moved), Residence(CHIYODA, moved)]
    assert juminzei_municipality(history, 2021) == levied_by


def test_juminzei_death_and_abroad() -> None:
    history = [Residence(SHIZUOKA, D(2010, 5, 1))]
    assert juminzei_municipality(history, 2021, died=D(2021, 1, 2)) == SHIZUOKA
    assert juminzei_municipality(history, 2021, died=D(2021, 1, 1)) is None
    gone = [Residence(SHIZUOKA, D(2010, 5, 1), D(2020, 12, 31))]  # abroad, no address on 1月1日
    assert juminzei_municipality(gone, 2021) is None
    assert juminzei_municipality([Residence(SHIZUOKA, D(2010, 5, 1), D(2021, 1, 1))], 2021) == SHIZUOKA


def test_keijidosha_owner_on_april_first() -> None:
    owners = [Ownership("A", D(2019, 5, 1), D(2021, 4, 1)), Ownership("B", D(2021, 4, 1))]
    assert keijidosha_tax_payer(owners, 2020) == "A"
    assert keijidosha_tax_payer(owners, 2021) == "B"  # transferred on 4月1日: the new owner
    assert keijidosha_tax_payer(owners, 2019) is None  # bought on 5月1日 2019
    assert keijidosha_tax_payer([Ownership("A", D(2019, 5, 1), D(2021, 4, 2))], 2021) == "A"


# -- 国民健康保険 --------------------------------------------------------------------------------------


def test_kokuho_loss_same_day_or_day_after() -> None:
    moved = [Residence(SHIZUOKA, D(2020, 4, 15), D(2020, 9, 20)), Residence(CHIYODA, D(2020, 9, 20))]
    assert kokuho_loss_date(moved, moved[0]) == D(2020, 9, 20)
    abroad = [Residence(SHIZUOKA, D(2020, 4, 15), D(2020, 9, 30))]
    assert kokuho_loss_date(abroad, abroad[0]) == D(2020, 10, 1)
    assert kokuho_billed_months(moved, SHIZUOKA, 2020) == ((2020, 4), (2020, 5), (2020, 6), (2020, 7), (2020, 8))
    assert kokuho_billed_months(abroad, SHIZUOKA, 2020)[-1] == (2020, 9)
    assert kokuho_billed_months(moved, CHIYODA, 2020)[0] == (2020, 9)
    assert len(kokuho_billed_months(moved, CHIYODA, 2020)) == 7


def test_kokuho_month_end_moves() -> None:
    # Moved on the last day of a month to an address elsewhere that day: that month is the new one's.
    history = [Residence(SHIZUOKA, D(2020, 4, 1), D(2020, 6, 30)), Residence(CHIYODA, D(2020, 6, 30))]
    assert kokuho_billed_months(history, SHIZUOKA, 2020) == ((2020, 4), (2020, 5))
    # Moved in on the 1st of a month and moved abroad on its last day: 喪失 on the 1st of the next.
    short = [Residence(SHIZUOKA, D(2020, 6, 1), D(2020, 6, 30))]
    assert kokuho_billed_months(short, SHIZUOKA, 2020) == ((2020, 6),)


def test_kokuho_same_month_gain_and_loss() -> None:
    died = [Residence(SHIZUOKA, D(2020, 6, 3), D(2020, 6, 20))]  # 同月得喪 with no other 国保: billed once
    assert kokuho_billed_months(died, SHIZUOKA, 2020) == ((2020, 6),)
    moved = [Residence(SHIZUOKA, D(2020, 6, 3), D(2020, 6, 20)), Residence(CHIYODA, D(2020, 6, 20))]
    assert kokuho_billed_months(moved, SHIZUOKA, 2020) == ()  # the new municipality bills June


def test_kokuho_prefecture_continuity_since_2018_04() -> None:
    inside = [Residence(SHIZUOKA, D(2015, 1, 1), D(2018, 4, 1)), Residence(HAMAMATSU, D(2018, 4, 1))]
    first, second = kokuho_qualifications(inside)
    assert second.prefecture_continued and second.prefecture_acquired == D(2015, 1, 1)
    assert second.acquired == D(2018, 4, 1) and first.lost == D(2018, 4, 1)
    before = [Residence(SHIZUOKA, D(2015, 1, 1), D(2018, 3, 31)), Residence(HAMAMATSU, D(2018, 3, 31))]
    assert not kokuho_qualifications(before)[1].prefecture_continued
    across = [Residence(SHIZUOKA, D(2015, 1, 1), D(2019, 4, 1)), Residence(CHIYODA, D(2019, 4, 1))]
    assert not kokuho_qualifications(across)[1].prefecture_continued
    # Each municipality still bills its own months.
    assert kokuho_billed_months(inside, SHIZUOKA, 2017)[-1] == (2018, 3)
    assert kokuho_billed_months(inside, HAMAMATSU, 2018)[0] == (2018, 4)
    assert high_cost_count_carries_over(D(2018, 4, 1), same_prefecture=True, household_continues=True)
    assert not high_cost_count_carries_over(D(2018, 3, 31), same_prefecture=True, household_continues=True)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 1, 1)), st.integers(min_value=0, max_value=900),
       st.booleans())
def test_kokuho_months_count(moved_in: date, days: int, same_day: bool) -> None:
    moved_out = moved_in + timedelta(days=days)
    history = [Residence(SHIZUOKA, moved_in, moved_out)]
    if same_day:
        history.append(Residence(CHIYODA, moved_out))
    lost = kokuho_loss_date(history, history[0])
    assert lost is not None
    total = sum(len(kokuho_billed_months(history, SHIZUOKA, year)) for year in range(1999, 2034))
    span = (lost.year - moved_in.year) * 12 + lost.month - moved_in.month
    same_month_billed = span == 0 and not same_day
    assert total == span + (1 if same_month_billed else 0)


# -- 児童手当 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "end"),
    [(D(2006, 4, 1), D(2024, 3, 31)), (D(2006, 4, 2), D(2025, 3, 31)), (D(2006, 3, 31), D(2024, 3, 31)),
     (D(2008, 2, 29), D(2026, 3, 31))],
)
def test_child_counts_until_the_first_march_31_after_18(birth: date, end: date) -> None:
    assert child_end_date(birth) == end


def test_monthly_amounts_from_reiwa_6_october() -> None:
    baby = D(2024, 6, 10)
    assert monthly_amount(baby, 1, (2024, 10)) == 15_000
    assert monthly_amount(baby, 3, (2024, 10)) == 30_000
    assert monthly_amount(D(2021, 11, 5), 1, (2024, 11)) == 15_000  # the month of the 3rd birthday
    assert monthly_amount(D(2021, 11, 5), 1, (2024, 12)) == 10_000
    assert monthly_amount(D(2006, 4, 2), 2, (2025, 3)) == 10_000
    assert monthly_amount(D(2006, 4, 2), 2, (2025, 4)) == 0
    assert monthly_amount(D(2006, 4, 1), 3, (2024, 10)) == 0  # counted until 2024-03-31
    assert monthly_amount(D(2024, 10, 15), 1, (2024, 10)) == 0  # born this month: from the next
    with pytest.raises(ValueError, match="令和6年10月"):
        monthly_amount(baby, 1, (2024, 9))


@pytest.mark.parametrize(
    ("claimed", "event", "first"),
    [
        (D(2024, 12, 20), D(2024, 12, 10), (2025, 1)),
        (D(2025, 1, 9), D(2024, 12, 25), (2025, 1)),  # 15 days after the birth: counts as December
        (D(2025, 1, 10), D(2024, 12, 25), (2025, 2)),  # 16 days: the month after the claim
        (D(2025, 2, 15), D(2025, 1, 31), (2025, 2)),
        (D(2025, 2, 16), D(2025, 1, 31), (2025, 3)),
        (D(2025, 2, 16), None, (2025, 3)),
    ],
)
def test_start_month_with_the_15_day_rule(claimed: date, event: date | None, first: tuple[int, int]) -> None:
    assert start_month(claimed, event=event) == first


def test_paid_in_even_months() -> None:
    assert payment_month((2024, 10)) == (2024, 12)
    assert payment_month((2024, 11)) == (2024, 12)
    assert payment_month((2024, 12)) == (2025, 2)
    assert payment_month((2025, 1)) == (2025, 2)


# -- 支援措置 (住民記録 1.0 j440) ---------------------------------------------------------------------------


def test_support_period_j440_example() -> None:
    # j440 R003: 開始年月日が令和２年４月１日の場合、終了年月日が令和３年３月31日.
    assert support_end_date(D(2020, 4, 1)) == D(2021, 3, 31)
    assert extended_end_date(D(2021, 3, 31)) == D(2022, 3, 31)
    assert extension_window(D(2021, 3, 31)) == (D(2021, 2, 28), D(2021, 3, 31))
    assert extension_window(D(2020, 3, 31)) == (D(2020, 2, 29), D(2020, 3, 31))
    assert support_end_date(D(2020, 2, 29)) == D(2021, 2, 28)
    assert support_end_date(D(2020, 1, 1)) == D(2020, 12, 31)


def test_support_state_continues_after_move_out_and_expiry() -> None:
    support = Support.starting(D(2020, 4, 1))
    moved = D(2020, 6, 1)
    assert support_state(support, D(2020, 3, 31)) is SupportState.NOT_STARTED
    assert support_state(support, D(2020, 7, 1), moved_out=moved) is SupportState.ACTIVE
    assert is_protected(support, D(2020, 7, 1), moved_out=moved)
    assert continues_as(moved, D(2020, 7, 1)) == "前住所地" and continues_as(None, D(2020, 7, 1)) == "現住所地"
    assert support_state(support, D(2021, 2, 28)) is SupportState.ENDING_SOON
    assert support_state(support, D(2021, 4, 1)) is SupportState.EXPIRED
    assert is_protected(support, D(2021, 4, 1))
    ended = Support(D(2020, 4, 1), D(2021, 3, 31), ended=D(2020, 10, 1))
    assert not is_protected(ended, D(2020, 10, 1))


@given(calendar_days)
def test_support_lasts_one_year(start: date) -> None:
    end = support_end_date(start)
    assert 364 <= (end - start).days <= 365
    assert extension_window(end)[0] < end


# -- 住民記録: 除票 ---------------------------------------------------------------------------------------


def test_removal_date_is_the_earlier() -> None:
    assert removal_date(D(2020, 4, 10), D(2020, 4, 5)) == D(2020, 4, 5)
    assert removal_date(D(2020, 4, 10), D(2020, 4, 12)) == D(2020, 4, 10)
    assert removal_date(D(2020, 4, 10)) == D(2020, 4, 10)


def test_residence_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="全国地方公共団体コード"):
        Residence("221000", D(2020, 1, 1))
    with pytest.raises(ValueError, match="before moving in"):
        Residence(SHIZUOKA, D(2020, 1, 2), D(2020, 1, 1))
    with pytest.raises(ValueError, match="overlap"):
        juminzei_municipality([Residence(SHIZUOKA, D(2020, 1, 1)), Residence(CHIYODA, D(2020, 5, 1))], 2021)
