"""後期高齢者医療: the reading of 第50条第2号's 「六十五歳以上」 for a 障害認定 given on the day 65 is reached
(issue 65), its worked example run through the oracle, and the checks accepting either answer and no other.

The oracle reads 六十五歳以上 from the day 65 is reached (the day before the 65th birthday: 年齢計算ニ関スル法律), and
第1号's 七十五歳以上 from the 75th birthday itself (DOMAIN.md): a system reading both ages alike counts a 認定 given
the day before the 65th birthday from the birthday. provisions.yaml names both (第50条第1項第2号)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rule_probes import bound_requirements, failed_requirements, rule_findings

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import Loaded, Scenario, history
from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.kokuho import checks as kokuho_checks
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.world_compare import Part, judge_answer
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import Seen
from conformance.locations import default_catalog_root
from conformance.oracles.readings import Either
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

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
    # On the 認定 day the birthday reading has no 資格 yet: null is its answer (readings.not_yet; FINDINGS F4).
    assert acquired == {"資格取得日": None} and acquired != {"資格取得日": "2025-06-16"}
    assert ks._acquired(replace(ks.CERTIFIED_AT_65, as_of=BIRTHDAY), TOWN_CODE) != {"資格取得日": None}
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


# -- 第52条第1号's 「七十五歳に達したとき」 (issue 65; provisions.yaml 第52条第1項第1号) -----------------------------

BORN, EVE, SEVENTY_FIFTH = date(1950, 6, 15), date(2025, 6, 14), date(2025, 6, 15)


def test_seventy_five_is_reached_on_the_birthday_or_the_day_before() -> None:
    assert koki.koki_korei_starts(BORN) == (SEVENTY_FIFTH, EVE)
    assert koki.koki_korei_start(BORN) == SEVENTY_FIFTH and koki.koki_korei_start(BORN, eve=True) == EVE
    # A 2月29日 birth: 3月1日 of a common year, or 2月28日 (the day the age is reached).
    assert koki.koki_korei_starts(date(1952, 2, 29)) == (date(2027, 3, 1), date(2027, 2, 28))


def test_each_reading_runs_the_example_through_the_oracle() -> None:
    stays = history(ks.REACHED_HERE, TOWN_CODE)
    on_eve = [koki.koki_insured_on(BORN, stays, TOWN_CODE[:2], EVE, eve=eve) for eve in koki.AGE_READINGS]
    assert on_eve == [False, True]
    assert [koki.koki_qualification(BORN, stays, TOWN_CODE[:2], SEVENTY_FIFTH, eve=eve)[0]
            for eve in koki.AGE_READINGS] == [SEVENTY_FIFTH, EVE]


def test_the_checks_accept_either_day_and_no_other() -> None:
    eve = replace(ks.REACHED_HERE, as_of=EVE)
    assert ks._insured_on(eve, TOWN_CODE) == {"被保険者": Either(False, True)}
    assert ks._insured_on(replace(ks.REACHED_HERE, as_of=date(2025, 6, 13)), TOWN_CODE) == {"被保険者": False}
    acquired = ks._acquired(ks.REACHED_HERE, TOWN_CODE)
    assert acquired == {"資格取得日": "2025-06-15"} and acquired == {"資格取得日": "2025-06-14"}
    assert acquired != {"資格取得日": "2025-06-16"}
    start = ks._koki(ks.REACHED_HERE, TOWN_CODE)
    assert start == {"開始日": "2025-06-15"} and start == {"開始日": "2025-06-14"} and start != {"開始日": "2025-06-13"}


def test_a_leap_day_birth_starts_on_february_28_or_march_1_and_no_other_day() -> None:
    # provisions.yaml 第52条第1項第1号 (issue 67, blind round 4 bug 20): born 1952-02-29, the 75th birthday in a
    # common year; a fixed example of koki_korei.start, so every seed asks it.
    assert ks.LEAP_DAY_BIRTH in ks.START.examples and ks.LEAP_DAY_BIRTH.birth == date(1952, 2, 29)
    start = ks._koki(ks.LEAP_DAY_BIRTH, TOWN_CODE)
    assert start == {"開始日": "2027-03-01"} and start == {"開始日": "2027-02-28"}
    for wrong in ("2027-02-27", "2027-03-02", "2027-02-29", None):
        assert start != {"開始日": wrong}


def test_one_answer_takes_one_reading() -> None:
    shown = ks._shown_start_agreement
    loaded = Loaded("8999999990", ())
    for day in ("2025-06-15", "2025-06-14"):
        assert shown({"後期高齢者医療": {"開始日": day, "資格取得日": day}}, loaded) == {ks.START_AGREEMENT: ks.AGREES}
    mixed = {"後期高齢者医療": {"開始日": "2025-06-14", "資格取得日": "2025-06-15"}}
    assert shown(mixed, loaded) == {ks.START_AGREEMENT: {"開始日": "2025-06-14", "資格取得日": "2025-06-15"}}
    assert shown({}, loaded) != ks._start_agrees(ks.REACHED_HERE, TOWN_CODE)


def test_kokuho_excludes_from_either_day_and_leaves_a_first_of_month_birthday_s_months_open() -> None:
    # By (eve, since_law) of koki.READINGS: the first day of 2008 changes nothing in 2025.
    assert kokuho.koki_exclusion_readings(BORN, EVE) == (False, False, True, True)
    assert kokuho.koki_exclusion_readings(BORN, SEVENTY_FIFTH) == (True, True, True, True)
    assert kokuho_checks._insured(Scenario(2025, BORN, date(1980, 4, 1), as_of=EVE), TOWN_CODE) == {
        "被保険者": Either(True, False)}
    assert kokuho.seventy_five_month_open(date(1950, 7, 1)) and not kokuho.seventy_five_month_open(BORN)


def test_the_stop_days_of_the_protection_are_the_days_of_the_qualification() -> None:
    # 第52条 柱書 (第51条第1号's 括弧書: a stopped household is no longer excluded) and 第53条第2項.
    assert ks._acquired(ks.STOP_ACQUIRED, TOWN_CODE) == {"資格取得日": "2025-07-01"}
    assert ks._lost(ks.STOP_ACQUIRED, TOWN_CODE) == {"資格喪失日": "2025-10-01"}
    assert ks._lost(ks.WELFARE_RESUMED, TOWN_CODE) == {"資格喪失日": "2025-10-01"}


# -- the 後期 and 介護保険 parts of one answer (第50条, 介護保険法 第9条第1号; issue 66 item 4) --------------------

BINDINGS = default_catalog_root() / "koki_korei" / "2025.12" / "bindings.yaml"
CERTIFIED_RANGE = "koki_korei-2025.12-1.50.0.1.2-R001"
#: 第50条's 柱書 (次の各号のいずれかに該当する者は…被保険者とする), bound to scenario.koki_korei.certified beside 第2号.
KOKI_PERSONS = "koki_korei-2025.12-1.50.0.1.0-R001"


def test_the_kaigo_agreement_is_a_registered_check_bound_to_the_second_item() -> None:
    assert bound_requirements(BINDINGS)["scenario.koki_korei.kaigo_agreement"] == {CERTIFIED_RANGE}
    assert "scenario.koki_korei.kaigo_agreement" in set(default_registry())


def test_a_koki_insured_who_is_no_first_insured_disagrees() -> None:
    shown, loaded = ks._shown_kaigo_agreement, Loaded("8999999990", ())
    agrees = {ks.KAIGO_AGREEMENT: ks.AGREES}
    for elder, care in ((True, True), (False, True), (False, False)):
        assert shown({"後期高齢者医療": {"被保険者": elder}, "介護保険": {"第1号被保険者": care}}, loaded) == agrees
    assert shown({"後期高齢者医療": {"被保険者": True}, "介護保険": {"第1号被保険者": False}}, loaded) == {
        ks.KAIGO_AGREEMENT: {"後期の被保険者": True, "介護の第1号被保険者": False}}
    assert shown({"後期高齢者医療": {"被保険者": True}}, loaded) != agrees


def test_the_clean_reference_agrees_and_the_defect_fails_exactly_the_second_item() -> None:
    rules = {ks.KAIGO_AGREES.name: ks.KAIGO_AGREES}
    assert failed_requirements(frozenset(), rules, BINDINGS) == set()
    assert failed_requirements(frozenset({"koki_korei_certified_under_65"}), rules, BINDINGS) == {CERTIFIED_RANGE}
    assert set(DEFECTS["koki_korei_certified_under_65"].requirements) == {CERTIFIED_RANGE, KOKI_PERSONS}
    [finding] = rule_findings(frozenset({"koki_korei_certified_under_65"}), rules, BINDINGS,
                              ["koki_korei.kaigo_agreement"], max_examples=2)["koki_korei.kaigo_agreement"]
    assert finding.code == "scenario.koki_korei.kaigo_agreement.mismatch"
    assert finding.location == "GET /residents/{atena}/qualifications fiscal_year=2025"
    actual = finding.actual or ""
    assert '"後期の被保険者": true' in actual and '"介護の第1号被保険者": false' in actual


def test_the_kaigo_agreement_is_not_automated_without_kaigo_claimed() -> None:
    target = Target(catalog=jumin_edition(), claimed=frozenset({"koki_korei"}))
    ctx = CheckContext(requirement=None, target=target)  # type: ignore[arg-type]
    with pytest.raises(NotAutomated, match="介護保険"):
        list(ks.koki_kaigo_agreement(ctx))


# -- a 資格 that begins after as_of (issue 65; provisions.yaml 第52条第1項, FINDINGS F3) ----------------------------

#: Born 1984-07-07, moved in from 131016 (東京都) on 2024-03-31 and asked that day: 75 on 2059-07-07.
YOUNG = Scenario(2023, date(1984, 7, 7), date(2024, 3, 31), previous="131016")
YOUNG_ASKED = date(2024, 3, 31)


def _young_breaches(part: Part, acquired: str | None) -> list[tuple[str, str, str | None, str | None]]:
    answer = {"後期高齢者医療": {"被保険者": False, "資格取得日": acquired, "資格喪失日": None}}
    return [(b.requirement, b.item, b.expected, b.actual)
            for b in judge_answer(part, Seen(YOUNG, TOWN_CODE), answer, YOUNG_ASKED, "p")]


def test_the_world_accepts_no_acquisition_yet_or_the_day_ahead_and_no_other_day() -> None:
    part = next(part for part in PARTS if part.name == "後期高齢者医療")
    for acquired in (None, "2059-07-07", "2059-07-06"):
        assert _young_breaches(part, acquired) == []
    location = "/residents/{atena}/qualifications#/後期高齢者医療/資格取得日@2024-03-31"
    assert _young_breaches(part, "2059-07-08") == [
        ("koki_korei-2025.12-1.52.0.1.1-R001", location, "2059-07-07 | 2059-07-06 | null", "2059-07-08")]
    # The judge before the reading (no begins) failed the outsider's null.
    assert [found[3] for found in _young_breaches(replace(part, dated=()), None)] == ["null"]


def test_a_day_on_or_before_as_of_is_still_required() -> None:
    part = next(part for part in PARTS if part.name == "後期高齢者医療")
    aged = Scenario(2025, date(1945, 5, 5), date(2025, 5, 10), previous="131016")
    answer = {"後期高齢者医療": {"被保険者": True, "資格取得日": None, "資格喪失日": None}}
    [breach] = judge_answer(part, Seen(aged, TOWN_CODE), answer, date(2025, 6, 1), "p")
    assert (breach.code, breach.expected, breach.actual) == ("world.domain_mismatch", "2025-05-10", "null")


def test_the_acquisition_check_accepts_null_before_the_day_and_requires_the_day_after_it() -> None:
    ahead = replace(ks.REACHED_HERE, as_of=date(2025, 6, 13))
    assert ks._acquired(ahead, TOWN_CODE) == {"資格取得日": None}
    assert ks._acquired(ahead, TOWN_CODE) == {"資格取得日": "2025-06-14"}
    assert ks._acquired(ahead, TOWN_CODE) != {"資格取得日": "2025-06-16"}
    assert ks._acquired(ks.REACHED_HERE, TOWN_CODE) != {"資格取得日": None}


def test_a_loss_after_as_of_may_be_null_and_on_it_is_required() -> None:
    on_death_day = replace(ks.DIED, as_of=date(2025, 6, 10))
    assert ks._lost(on_death_day, TOWN_CODE) == {"資格喪失日": None}
    assert ks._lost(on_death_day, TOWN_CODE) == {"資格喪失日": "2025-06-11"}
    assert ks._lost(on_death_day, TOWN_CODE) != {"資格喪失日": "2025-06-10"}
    assert ks._lost(replace(ks.DIED, as_of=date(2025, 6, 11)), TOWN_CODE) != {"資格喪失日": None}


# -- a 認定 before 65 judged without 介護保険 (issue 66: the plan leaves the agreement out for a koki-only product) --


def test_a_certification_before_sixty_five_makes_no_insured() -> None:
    # 第50条第2号: 六十五歳以上七十五歳未満; at 61, on the eve of 65, and at 68 without a 認定: no 被保険者.
    for example in (ks.CERTIFIED_YOUNG, ks.CERTIFIED_EVE_OF_65, ks.NOT_CERTIFIED):
        assert example in ks.KOKI_RULES["koki_korei.certified"].examples
        assert ks._insured_on(example, TOWN_CODE) == {"被保険者": False}
        assert ks._insured_on(example, TOWN_CODE) != {"被保険者": True}


def test_the_certified_rule_alone_fails_the_defect_on_exactly_its_requirements() -> None:
    rules = {"koki_korei.certified": ks.KOKI_RULES["koki_korei.certified"]}
    assert failed_requirements(frozenset(), rules, BINDINGS) == set()
    assert failed_requirements(frozenset({"koki_korei_certified_under_65"}), rules, BINDINGS) == {
        CERTIFIED_RANGE, KOKI_PERSONS}
    findings = rule_findings(frozenset({"koki_korei_certified_under_65"}), rules, BINDINGS,
                             ["koki_korei.certified"], max_examples=2)["koki_korei.certified"]
    assert findings and {finding.code for finding in findings} == {"scenario.koki_korei.certified.mismatch"}
    assert {finding.location for finding in findings} == {
        "GET /residents/{atena}/qualifications fiscal_year=2025"}
    assert all('"被保険者": true' in (finding.actual or "") for finding in findings)
