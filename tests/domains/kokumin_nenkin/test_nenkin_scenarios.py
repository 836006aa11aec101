"""国民年金 scenario checks (conformance/domains/kokumin_nenkin/checks.py): the generated persons are valid
migration rows, every rule is a registered check bound in the catalog, each rule's persons are those its
provision is about, and each named defect of the reference's 国民年金 makes exactly the checks bound to
its requirements disagree with the oracle on their explicit examples (the comparison the checks make;
tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.kokumin_nenkin import checks as ns
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.kokumin_nenkin.checks import NENKIN_RULES
from conformance.domains.kokumin_nenkin.oracle import Ending
from conformance.domains.world import WORLD_CHECKS
from conformance.domains.world_parts import expected_nenkin
from conformance.domains.world_seen import Seen
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on, month_of, months_between
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kokumin_nenkin" / "2025.12" / "bindings.yaml"
NENKIN_DEFECTS = sorted(name for name in DEFECTS if name.startswith("nenkin_"))
ALL_PERSONS = st.one_of(*(rule.scenarios(CODES) for rule in NENKIN_RULES.values()))



@settings(max_examples=budget(40), deadline=None)
@given(ALL_PERSONS)
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住民種別"] == ("2" if scenario.foreign else "1")


@settings(max_examples=budget(40), deadline=None)
@given(ns.entering(CODES))
def test_entering_persons_move_in_from_abroad_after_reaching_twenty(scenario: Scenario) -> None:
    assert scenario.previous is None and scenario.moved_in > age_reached_on(scenario.birth, 20)


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(ns.dying(CODES), ns.leaving(CODES)))
def test_deaths_and_moves_come_before_sixty(scenario: Scenario) -> None:
    assert scenario.moved_out is not None and scenario.moved_out < age_reached_on(scenario.birth, 60)


@settings(max_examples=budget(40), deadline=None)
@given(ns.insured_periods(CODES))
def test_periods_end_in_a_later_month_than_they_start(scenario: Scenario) -> None:
    acquired, lost = ns._acquired(scenario), ns._lost(scenario)
    assert acquired is None or lost is None or month_of(lost) != month_of(acquired)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in NENKIN_RULES}
    assert len(names) == 16
    assert names <= set(default_registry())
    # model.world.domains: the cross-domain machine (tests/domains/test_world_machine.py) is bound beside them.
    assert names == set(bound_requirements(BINDINGS)) - WORLD_CHECKS
    assert all(rule.examples for rule in NENKIN_RULES.values())


def test_the_worked_examples() -> None:
    # Born 2005-04-01: twenty reached on 2025-03-31, insured from March (第8条第1号, 第11条第1項).
    assert ns._acquisition(ns.BORN_ON_APRIL_FIRST, TOWN_CODE) == {"資格取得日": "2025-03-31"}
    assert ns._period(ns.BORN_ON_APRIL_FIRST, TOWN_CODE) == {"被保険者期間": ["2025-03"]}
    assert ns._loss(ns.REACHING_SIXTY, TOWN_CODE) == {"資格喪失日": "2025-06-30"}
    assert ns._loss(ns.DIED, TOWN_CODE) == {"資格喪失日": "2025-06-11"}
    assert ns._loss(ns.TO_MUNICIPALITY, TOWN_CODE) == {"資格喪失日": None}
    assert ns._period(ns.ONE_MONTH, TOWN_CODE) == {"被保険者期間": ["2025-05"]}
    assert ns._category(ns.FROM_ABROAD, TOWN_CODE) == {"被保険者種別": "第1号"}
    assert ns.ending_of(Scenario(2025, date(1990, 1, 1), date(2000, 1, 1))) is None


def test_a_birth_on_the_29th_reaches_twenty_the_day_before_the_birthday_not_on_february_28() -> None:
    # 年齢計算ニ関スル法律 with 第8条第1号; 2月28日 is the day only a 2月29日 birth reaches twenty in a year
    # without 2月29日 (issue 66: statute mutants applying that rule to any 29th went unseen by the draws).
    assert ns._acquisition(ns.BORN_ON_MAY_29, TOWN_CODE) == {"資格取得日": "2025-05-28"}
    assert ns._acquisition(ns.BORN_ON_MARCH_29, TOWN_CODE) == {"資格取得日": "2025-03-28"}
    rules = ("nenkin.acquired_at_twenty",)
    found = rule_findings(frozenset({"nenkin_every_29th_as_leap_day"}), NENKIN_RULES, BINDINGS, rules, max_examples=1)
    [finding] = found["nenkin.acquired_at_twenty"]
    assert (finding.code, finding.location) == ("scenario.nenkin.acquired_at_twenty.mismatch",
                                                "GET /residents/{atena}/qualifications fiscal_year=2025")
    assert "birth=2005-05-29" in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, rules, max_examples=1) == {rules[0]: []}


def test_one_moving_in_from_abroad_on_the_day_sixty_is_reached_loses_no_shikaku() -> None:
    # 第8条第2号 (二十歳以上六十歳未満): no 取得, so no 喪失 (issue 66: the statute mutant _lost 7 went unseen).
    assert ns._loss(ns.ENTERED_AT_SIXTY, TOWN_CODE) == {"資格喪失日": None}
    rules = ("nenkin.lost_at_sixty",)
    found = rule_findings(frozenset({"nenkin_lost_on_entry_at_sixty"}), NENKIN_RULES, BINDINGS, rules, max_examples=1)
    [finding] = found["nenkin.lost_at_sixty"]
    assert (finding.code, finding.location) == ("scenario.nenkin.lost_at_sixty.mismatch",
                                                "GET /residents/{atena}/qualifications fiscal_year=2025")
    assert "birth=1965-07-01" in finding.message and "moved_in=2025-06-30" in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, rules, max_examples=1) == {rules[0]: []}




def test_a_person_who_moved_in_insured_counts_every_month_from_the_move_in() -> None:
    # 第11条第1項 with 第9条 (a move within Japan is no 喪失): 取得 was elsewhere, before the move.
    assert ns._period_after_move_in(ns.MOVED_IN_INSURED, TOWN_CODE) == {
        "被保険者期間": [f"2024-{month:02d}" for month in range(4, 13)] + ["2025-01", "2025-02", "2025-03"]}
    assert ns._period_after_move_in(ns.MOVED_IN_THEN_ABROAD, TOWN_CODE) == {
        "被保険者期間": [f"2024-{month:02d}" for month in range(4, 11)]}
    # Left Japan in the month of the move-in: the 喪失 month itself never counts (no 取得 in it, 第11条第2項).
    assert nenkin.months_after_move_in(date(1990, 6, 6), date(2024, 4, 15), Ending("abroad", date(2024, 4, 25)),
                                       2024) == ()
    assert not nenkin.held_on_move_in(date(1990, 6, 6), date(2024, 4, 15), from_abroad=True)
    assert not nenkin.held_on_move_in(date(2004, 4, 16), date(2024, 4, 15), from_abroad=False)  # twenty that day


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[str]:
    return [f"{year:04d}-{month:02d}" for year, month in months_between(first, last)]


def test_sixty_ends_the_period_after_a_move_to_another_municipality() -> None:
    # Issue 65 F6 (outside vendor, seeds 11, 5, 7 under --thorough): 第9条第3号 (その日) wherever the person lives.
    assert ns._period(ns.SIXTY_AFTER_MOVE, TOWN_CODE) == {"被保険者期間": ["2016-12"]}  # 第11条第2項
    assert ns._period_after_move_in(ns.MOVED_ON_BEFORE_SIXTY, TOWN_CODE) == {
        "被保険者期間": _months((2025, 4), (2025, 11))}
    assert ns._period_after_move_in(ns.MOVED_ON_BEFORE_SIXTY_LEAP, TOWN_CODE) == {
        "被保険者期間": _months((2023, 4), (2024, 1))}
    # The 資格喪失日 after the 転出 (F7): none (the 資格 runs on) or the day sixty is reached, no other day.
    for allowed in (None, "2025-12-31"):
        assert ns._loss(ns.MOVED_ON_BEFORE_SIXTY, TOWN_CODE) == {"資格喪失日": allowed}
    assert ns._loss(ns.MOVED_ON_BEFORE_SIXTY, TOWN_CODE) != {"資格喪失日": "2025-02-11"}  # 第9条第2号 not met
    assert ns._loss(ns.TO_ABROAD, TOWN_CODE) != {"資格喪失日": None}  # abroad: the day after, 2025-07-01
    assert nenkin.period_loss_date(date(1966, 1, 1), date(2025, 1, 1), ending=Ending("moved", date(2025, 2, 10))) \
        == date(2025, 12, 31)
    # Away before twenty: never insured during the stay, no 喪失 to end a period here.
    assert nenkin.period_loss_date(date(2006, 1, 1), date(2006, 1, 1), ending=Ending("moved", date(2025, 2, 10))) \
        is None


def test_the_world_machine_reads_a_move_to_another_municipality_so_too() -> None:
    # The feed's 国内転出 (before or after its 転入通知): both 資格喪失日 readings, the months to the one before sixty.
    seen = Seen(ns.MOVED_ON_BEFORE_SIXTY, TOWN_CODE, Ending("moved", date(2025, 2, 10)))
    shown = expected_nenkin(seen, date(2025, 6, 1))
    assert shown["被保険者期間"] == _months((2025, 4), (2025, 11))
    assert shown["資格喪失日"] == None and shown["資格喪失日"] == "2025-12-31"  # noqa: E711 (Either compares so)
    assert shown["資格喪失日"] != "2025-02-11"


RULES_AFTER_MOVE = ("nenkin.period_one_month", "nenkin.period_after_move_in")


def test_a_vendor_running_past_sixty_after_a_move_is_found_on_the_worked_examples() -> None:
    # Through a real server: the one rule_findings probe kept on the HTTP path (the others answer in process).
    found = rule_findings(frozenset({"nenkin_period_past_sixty_after_move"}), NENKIN_RULES, BINDINGS,
                          RULES_AFTER_MOVE, max_examples=1, over_http=True)
    # The worked examples run first: each check's finding names the first of them the vendor gets wrong.
    for name, (born, year) in zip(RULES_AFTER_MOVE, (("1957-01-01", 2016), ("1966-01-01", 2025)), strict=True):
        [finding] = found[name]
        assert (finding.code, finding.location) == (f"scenario.{name}.mismatch",
                                                     f"GET /residents/{{atena}}/qualifications fiscal_year={year}")
        assert f"birth={born}" in finding.message and "next=221007" in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, RULES_AFTER_MOVE, max_examples=1) == {
        name: [] for name in RULES_AFTER_MOVE}


@settings(max_examples=budget(40), deadline=None)
@given(ns.moved_in_insured(CODES))
def test_the_move_in_persons_are_asked_a_year_from_the_month_of_the_move_in(scenario: Scenario) -> None:
    assert scenario.previous is not None and nenkin.held_on_move_in(scenario.birth, scenario.moved_in,
                                                                     from_abroad=False)
    assert date(scenario.fiscal_year, 4, 1) >= scenario.moved_in.replace(day=1)


def test_the_legal_exemption_runs_from_the_month_before_to_the_month_of_ceasing() -> None:
    # 第89条第1項: 該当するに至つた日の属する月の前月から…該当しなくなる日の属する月まで.
    assert ns._exempt(ns.EXEMPTED, TOWN_CODE) == {"法定免除月": ["2025-05", "2025-06", "2025-07", "2025-08",
                                                                "2025-09"]}
    assert nenkin.exempt_months(date(2025, 4, 1), None, 2025)[0] == (2025, 4)  # March is 年度 2024's
    assert nenkin.exempt_months(date(2025, 4, 1), None, 2024) == ((2025, 3),)


def test_the_second_and_third_insured_and_the_young_employee() -> None:
    # 第7条第1項第2号・第3号; 第8条柱書 (二十歳未満の者…第四号に該当するに至つた日).
    assert ns._category_covered(ns.EMPLOYED, TOWN_CODE) == {"被保険者種別": "第2号"}
    assert ns._category_covered(ns.DEPENDENT, TOWN_CODE) == {"被保険者種別": "第3号"}
    employed = (date(2025, 6, 1), date(2025, 10, 1))
    days = (date(2025, 5, 31), date(2025, 6, 1), date(2025, 9, 30), date(2025, 10, 1))
    assert [nenkin.category_on(date(1990, 6, 6), day, employed, None) for day in days] == [
        "第1号", "第2号", "第2号", "第1号"]
    assert nenkin.category_on(date(2008, 6, 6), date(2025, 6, 1), None, employed) is None  # 第3号 from twenty only
    assert ns._acquired_by_employment(ns.YOUNG_EMPLOYEE, TOWN_CODE) == {"資格取得日": "2025-04-01"}
    assert nenkin.acquired_on_employment(date(2005, 4, 1), date(2025, 4, 1)) is None  # twenty reached 2025-03-31


@pytest.mark.parametrize(("defect", "shown"), [
    ("nenkin_second_on_loss_day", "as_of=2025-10-01, records=[国民年金:厚生年金_資格取得年月日:2025-06-01 "
                                  "国民年金:厚生年金_資格喪失年月日:2025-10-01]"),
    ("nenkin_second_from_day_after_move_in", "moved_in=2025-06-02, previous=131016, as_of=2025-06-02"),
])
def test_the_second_insured_ends_the_day_before_the_loss_and_begins_on_the_move_in_day(defect: str, shown: str) -> None:
    # 第7条第1項第2号 (while a 厚生年金保険 被保険者: to the day before its 喪失日, as the contract says; no address
    # condition, so the day of the move-in and the last day of the stay too). Issue 66: the statute mutants _between 20,
    # _category 3, 6, 35 and 42 went unseen by the draws.
    assert ns._category_covered(ns.EMPLOYED_ENDED, TOWN_CODE) == {"被保険者種別": "第1号"}
    assert ns._category_covered(ns.DEPENDENT_ENDED, TOWN_CODE) == {"被保険者種別": "第1号"}
    assert ns._category_covered(ns.EMPLOYED_MOVING_IN, TOWN_CODE) == {"被保険者種別": "第2号"}
    assert ns._category_covered(ns.EMPLOYED_LEAVING, TOWN_CODE) == {"被保険者種別": "第2号"}
    rules = ("nenkin.second_category",)
    [finding] = rule_findings(frozenset({defect}), NENKIN_RULES, BINDINGS, rules, max_examples=1)[rules[0]]
    assert (finding.code, finding.location) == ("scenario.nenkin.second_category.mismatch",
                                                "GET /residents/{atena}/qualifications fiscal_year=2025")
    assert shown in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, rules, max_examples=1) == {rules[0]: []}


def test_the_kosei_nenkin_after_twenty_is_no_shikaku_shutoku() -> None:
    # 第8条柱書 with 第4号 (二十歳未満の者): the 厚生年金 after twenty changes the 種別 only (one insured before the
    # move-in has no 取得 here); one under twenty employed on the day of the move-in acquires the 資格 that day.
    # Issue 66: the statute mutants _employed_young 10 and 14 went unseen.
    assert ns._acquired_by_employment(ns.EMPLOYED_AFTER_TWENTY, TOWN_CODE) == {"資格取得日": None}
    assert ns._acquired_by_employment(ns.EMPLOYED_ON_MOVE_IN, TOWN_CODE) == {"資格取得日": "2024-04-01"}
    rules = ("nenkin.acquired_on_employment",)
    found = rule_findings(frozenset({"nenkin_employment_acquired_after_twenty"}), NENKIN_RULES, BINDINGS, rules,
                          max_examples=1)
    [finding] = found[rules[0]]
    assert (finding.code, finding.location) == ("scenario.nenkin.acquired_on_employment.mismatch",
                                                "GET /residents/{atena}/qualifications fiscal_year=2025")
    assert "birth=2000-06-10, moved_in=2024-04-01" in finding.message
    assert "厚生年金_資格取得年月日:2025-06-12" in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, rules, max_examples=1) == {rules[0]: []}


@pytest.mark.parametrize(("defect", "shown"), [
    ("nenkin_period_move_in_month_kept", "[fiscal_year=2025, birth=1990-06-06, moved_in=2025-04-02, previous=131016, "
                                         "died=2025-04-20]"),
    ("nenkin_period_after_move_in_at_sixty", "[fiscal_year=2026, birth=1965-07-01, moved_in=2025-06-30, "
                                             "previous=131016]"),
])
def test_no_month_after_a_move_in_with_a_loss_in_its_month_or_at_sixty(defect: str, shown: str) -> None:
    # 第11条第1項 (to the month before the 喪失's) after a move within Japan (no 取得 here); 第9条第3号 (one moving
    # in on the day sixty is reached lost the 資格 there). Issue 66: the statute mutants _months_since_move_in 5, 13
    # and 14 went unseen by the draws.
    assert ns._period_after_move_in(ns.MOVED_IN_AND_DIED, TOWN_CODE) == {"被保険者期間": []}
    assert ns._period_after_move_in(ns.MOVED_IN_AT_SIXTY, TOWN_CODE) == {"被保険者期間": []}
    rules = ("nenkin.period_after_move_in",)
    [finding] = rule_findings(frozenset({defect}), NENKIN_RULES, BINDINGS, rules, max_examples=1)[rules[0]]
    assert finding.code == "scenario.nenkin.period_after_move_in.mismatch"
    assert finding.location.startswith("GET /residents/{atena}/qualifications fiscal_year=")
    assert shown in finding.message
    assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, rules, max_examples=1) == {rules[0]: []}


def test_becoming_or_ceasing_to_be_a_pensioner_changes_the_shikaku_that_day() -> None:
    # 第9条柱書: 第四号…老齢給付等を受けることができる者となつたとき…は、その日; 第8条第3号.
    assert ns._lost_on_pension(ns.PENSIONER, TOWN_CODE) == {"資格喪失日": "2025-06-10"}
    assert ns._acquired_after_pension(ns.NO_LONGER_PENSIONER, TOWN_CODE) == {"資格取得日": "2025-06-10"}
    assert nenkin.lost_on_pension(date(1965, 7, 1), date(2025, 6, 30)) is None  # sixty reached that day


def test_one_employed_under_twenty_loses_the_shikaku_the_day_the_kosei_nenkin_ends() -> None:
    assert ns._lost_leaving_employment(ns.YOUNG_LEAVER, TOWN_CODE) == {"資格喪失日": "2026-01-01"}
    assert nenkin.lost_on_leaving_employment(date(2005, 4, 1), date(2025, 4, 1)) is None  # twenty on 2025-03-31


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    # Through a real server: the one failed_requirements probe kept on the HTTP path (the others answer in process).
    assert failed_requirements(frozenset(), NENKIN_RULES, BINDINGS, over_http=True) == set()


@pytest.mark.parametrize("name", NENKIN_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), NENKIN_RULES, BINDINGS) == set(DEFECTS[name].requirements)
