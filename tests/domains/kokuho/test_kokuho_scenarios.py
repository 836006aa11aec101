"""国民健康保険 scenario checks by age (conformance/domains/kokuho/checks.py): the generated persons are
valid migration rows, every rule is a registered check bound in the catalog, each rule's persons are those
its provision is about, and each named defect of the reference's 国保 by age makes exactly the checks bound
to its requirements disagree with the oracle on their explicit examples (the comparison the checks make;
tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.kokuho import checks as ks
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.kokuho.checks import KOKUHO_RULES
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on, anniversary, fiscal_year_of, month_of
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kokuho" / "2025.12" / "bindings.yaml"
#: The defects of the rules here (kokuho_bills_loss_month is the premium months' of checks/scenarios.py).
AGE_DEFECTS = ("kokuho_kept_after_75", "kokuho_copay_school_age_at_birthday", "kokuho_copay_seventy_month_itself",
               "kokuho_copay_seventy_by_birthday", "kokuho_welfare_ignored", "kokuho_billed_after_75",
               "kokuho_employee_insurance_ignored", "kokuho_day_labourer_excluded", "kokuho_union_next_day",
               "kokuho_facility_measure_ignored", "kokuho_facility_chain_last_town", "kokuho_day_labourer_book_ignored",
               "kokuho_day_labourer_book_return_ignored", "kokuho_kaigo_share_from_birthday",
               "kokuho_welfare_stop_ignored", "kokuho_facility_sender_dropped", "kokuho_stop_acquired_next_day",
               "kokuho_welfare_lost_day_after")
ALL_PERSONS = st.one_of(*(rule.scenarios(CODES) for rule in KOKUHO_RULES.values()))


@settings(max_examples=budget(40), deadline=None)
@given(ALL_PERSONS)
def test_generated_persons_are_valid_residents_on_the_day_asked(scenario: Scenario) -> None:
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert scenario.as_of is not None and scenario.birth <= scenario.moved_in <= scenario.as_of
    # Only a move out into a 病院等 elsewhere (第116条の2第1項, the sending side) ends the stay before the day asked.
    assert scenario.moved_out is None or kokuho.MOVED_OUT_KIND in scenario.record("国民健康保険")


@settings(max_examples=budget(40), deadline=None)
@given(ks.reaching_75(CODES))
def test_the_75th_birthday_itself_is_never_asked(scenario: Scenario) -> None:
    assert scenario.as_of != anniversary(scenario.birth, 75)


@settings(max_examples=budget(40), deadline=None)
@given(ks.preschool(CODES), ks.working_age(CODES), ks.seventies(CODES))
def test_each_copay_rule_asks_about_the_days_of_its_item(pre: Scenario, working: Scenario, old: Scenario) -> None:
    assert pre.as_of is not None and working.as_of is not None and old.as_of is not None
    assert pre.as_of <= kokuho.first_march_31_after_six(pre.birth)
    assert kokuho.first_march_31_after_six(working.birth) < working.as_of
    assert month_of(working.as_of) <= month_of(age_reached_on(working.birth, 70))
    assert month_of(old.as_of) > month_of(age_reached_on(old.birth, 70)) and old.as_of < anniversary(old.birth, 75)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in KOKUHO_RULES}
    assert len(names) == 17
    assert names <= set(default_registry())
    assert names <= set(bound_requirements(BINDINGS))
    assert all(rule.examples for rule in KOKUHO_RULES.values())


def test_the_worked_examples() -> None:
    assert ks._insured(ks.AFTER_75, TOWN_CODE) == {"被保険者": False}
    assert ks._insured(ks.BEFORE_75, TOWN_CODE) == {"被保険者": True}
    assert ks._copay(ks.SIX_IN_APRIL, TOWN_CODE) == {"一部負担金割合": "十分の二"}
    assert ks._copay(ks.SIX_ON_MARCH_31, TOWN_CODE) == {"一部負担金割合": "十分の二"}
    assert ks._copay(ks.SCHOOL_ON_APRIL_1, TOWN_CODE) == {"一部負担金割合": "十分の三"}
    assert ks._copay(ks.SEVENTY_IN_JULY, TOWN_CODE) == {"一部負担金割合": "十分の三"}
    assert ks._copay(ks.SEVENTY_ON_JULY_31, TOWN_CODE) == {"一部負担金割合": "十分の二"}


def test_a_welfare_household_is_excluded_from_its_first_day_to_the_day_before_its_haishi() -> None:
    # 第6条第9号 and 第8条第2項 (その日から); 廃止 on 2025-09-01: a 被保険者 again that day (第7条).
    start, end = date(2025, 6, 1), date(2025, 9, 1)
    assert [kokuho.receives_welfare(start, end, day) for day in (date(2025, 5, 31), start, date(2025, 8, 31), end)] \
        == [False, True, True, False]
    assert kokuho.receives_welfare(start, None, date(2030, 1, 1))
    assert not kokuho.receives_welfare(None, None, start)
    assert ks._insured_on_welfare(ks.WELFARE_FIRST_DAY, TOWN_CODE) == {"被保険者": False}
    assert ks._insured_on_welfare(ks.WELFARE_ENDED, TOWN_CODE) == {"被保険者": True}


@settings(max_examples=budget(40), deadline=None)
@given(ks.on_welfare(CODES))
def test_the_welfare_persons_are_asked_about_near_the_first_day_or_the_haishi(scenario: Scenario) -> None:
    items = {item: date.fromisoformat(value) for _, item, value in scenario.records}
    assert scenario.as_of is not None and scenario.as_of < anniversary(scenario.birth, 75)
    near = [items[key] for key in (ks.WELFARE_START, ks.WELFARE_END, ks.WELFARE_STOPPED, ks.WELFARE_RESUMED)
            if key in items]
    assert min(abs((scenario.as_of - day).days) for day in near) <= 3
    # A 停止 drawn lies inside the 保護, and is lifted (if at all) before its 廃止.
    start, end = items[ks.WELFARE_START], items.get(ks.WELFARE_END, date.max)
    stopped, resumed = items.get(ks.WELFARE_STOPPED), items.get(ks.WELFARE_RESUMED)
    assert stopped is None or start < stopped < end
    assert resumed is None or (stopped is not None and stopped < resumed < end)


def test_no_month_from_the_month_of_the_75th_birthday_is_billed() -> None:
    # 第6条第8号: 後期高齢者医療 from 2025-06-15; 国保 bills April and May of 令和7年度 only.
    assert ks._months_to_75(ks.BILLED_TO_75, TOWN_CODE) == {"賦課月": ["2025-04", "2025-05"]}
    assert kokuho.billed_until_75(date(1950, 6, 15), (2025, 5)) and not kokuho.billed_until_75(date(1950, 6, 15),
                                                                                               (2025, 6))
    # Born on the 1st: the birthday opens the month, which is not billed either.
    assert not kokuho.billed_until_75(date(1950, 7, 1), (2025, 7)) and kokuho.billed_until_75(date(1950, 7, 1),
                                                                                              (2025, 6))
    # A birthday on the last day of its month is left open (第8条第1項's 翌日 would reach the next month).
    assert kokuho.seventy_five_month_open(date(1950, 6, 30)) and not kokuho.seventy_five_month_open(date(1950, 6, 29))


@settings(max_examples=budget(40), deadline=None)
@given(ks.turning_75(CODES))
def test_the_months_to_75_never_bill_the_month_of_the_birthday_or_after(scenario: Scenario) -> None:
    if kokuho.seventy_five_month_open(scenario.birth):
        return
    months = ks._months_to_75(scenario, TOWN_CODE)["賦課月"]
    assert all(month < f"{anniversary(scenario.birth, 75):%Y-%m}" for month in months)


def test_another_insurance_excludes_from_the_day_after_and_a_union_from_the_day_itself() -> None:
    start, end = date(2025, 6, 1), date(2025, 9, 1)
    days = (date(2025, 5, 31), start, date(2025, 6, 2), date(2025, 8, 31), end)
    assert [kokuho.excluded_by_coverage("健康保険被保険者", start, end, day) for day in days] == \
        [False, None, True, True, False]
    assert [kokuho.excluded_by_coverage("国保組合被保険者", start, end, day) for day in days] == \
        [False, True, True, True, False]
    assert [kokuho.excluded_by_coverage("日雇特例被保険者", start, None, day) for day in days] == [False] * 5
    with pytest.raises(ValueError, match="適用除外_区分"):
        kokuho.excluded_by_coverage("国民年金", start, None, start)
    assert ks._insured_under_coverage(ks.EMPLOYED, TOWN_CODE) == {"被保険者": False}
    assert ks._insured_under_coverage(ks.EMPLOYMENT_ENDED, TOWN_CODE) == {"被保険者": True}
    assert ks._insured_under_coverage(ks.DAY_LABOURER, TOWN_CODE) == {"被保険者": True}
    assert ks._insured_under_coverage(ks.UNION_FIRST_DAY, TOWN_CODE) == {"被保険者": False}


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(ks.KOKUHO_RULES[name].scenarios(CODES) for name in (
    "kokuho.employee_insurance_excluded", "kokuho.day_labourer_included", "kokuho.union_excluded"))))
def test_the_covered_persons_are_asked_about_near_the_coverages_first_day_or_end(scenario: Scenario) -> None:
    start, end = scenario.record_day("国民健康保険", "適用除外_該当年月日"), \
        scenario.record_day("国民健康保険", "適用除外_非該当年月日")
    assert start is not None and scenario.as_of is not None and scenario.as_of < anniversary(scenario.birth, 75)
    assert min(abs((scenario.as_of - day).days) for day in (start, *([end] if end else []))) <= 3


def test_a_person_moved_here_by_an_nyuin_is_deemed_to_live_in_the_town_before() -> None:
    assert ks._deemed(ks.HOSPITALISED, TOWN_CODE) == {"住所地特例_市区町村コード": "131016"}
    assert ks._deemed(ks.HOME_WITHOUT_MEASURE, TOWN_CODE) == {"住所地特例_市区町村コード": None}
    assert ks._deemed(ks.CHAIN, TOWN_CODE) == {"住所地特例_市区町村コード": "011002"}
    # 第2号・第5号 with the 入所措置 count; from abroad, or a first 入院等 from this town, no 特例.
    assert kokuho.deemed_municipality("児童福祉施設", True, "131016", TOWN_CODE, None) == "131016"
    assert kokuho.deemed_municipality("病院・診療所", False, None, TOWN_CODE, None) is None
    assert kokuho.deemed_municipality("のぞみの園", False, "131016", TOWN_CODE, TOWN_CODE) is None
    with pytest.raises(ValueError, match="入院等_区分"):
        kokuho.deemed_municipality("自宅", False, "131016", TOWN_CODE, None)


@settings(max_examples=budget(40), deadline=None)
@given(ks.in_facility_chain(CODES))
def test_a_chain_came_from_a_hospital_elsewhere_and_began_in_a_third_town(scenario: Scenario) -> None:
    assert scenario.previous == CODES[0]
    assert scenario.record("国民健康保険")[kokuho.CHAIN_ORIGIN] == CODES[1] != TOWN_CODE


def test_a_day_labourer_book_excludes_until_it_is_full_or_returned() -> None:
    issued, full, back = date(2025, 6, 1), date(2026, 1, 1), date(2025, 7, 1)
    days = (date(2025, 5, 31), issued, date(2025, 6, 2), back, date(2025, 7, 2), date(2025, 12, 31), full)
    assert [kokuho.excluded_by_day_labourer_book(issued, full, None, day) for day in days] == \
        [False, None, True, True, True, True, False]
    assert [kokuho.excluded_by_day_labourer_book(issued, full, back, day) for day in days] == \
        [False, None, True, None, False, False, False]
    assert ks._insured_with_book(ks.BOOK_HELD, TOWN_CODE) == {"被保険者": False}
    assert ks._insured_with_book(ks.BOOK_RETURNED, TOWN_CODE) == {"被保険者": True}


@settings(max_examples=budget(40), deadline=None)
@given(ks.KOKUHO_RULES["kokuho.day_labourer_book_returned"].scenarios(CODES))
def test_a_returned_book_is_returned_before_it_is_full(scenario: Scenario) -> None:
    issued = scenario.record_day("国民健康保険", kokuho.COVERAGE_START)
    full = scenario.record_day("国民健康保険", kokuho.COVERAGE_END)
    back = scenario.record_day("国民健康保険", kokuho.BOOK_RETURNED)
    assert issued is not None and back is not None and issued < back and (full is None or back < full)


def test_the_kaigo_share_is_levied_from_the_day_forty_is_reached_to_the_day_before_sixty_five_is() -> None:
    birth = date(1985, 6, 15)
    assert [kokuho.kaigo_share_levied(birth, day) for day in (date(2025, 6, 13), date(2025, 6, 14),
                                                               date(2050, 6, 13), date(2050, 6, 14))] == \
        [False, True, True, False]
    assert ks._kaigo_share(ks.FORTY_REACHED, TOWN_CODE) == {"介護納付金分賦課": True}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), KOKUHO_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", AGE_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), KOKUHO_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_the_defects_together_fail_the_union_of_their_requirements() -> None:
    # Two of them move the same boundary (the month of seventy) from either side: neither hides the other. A 手帳
    # not read at all (kokuho_day_labourer_book_ignored) hides its 返納 not read: that one is left out here.
    together = tuple(name for name in AGE_DEFECTS if name != "kokuho_day_labourer_book_return_ignored")
    union = {rid for name in together for rid in DEFECTS[name].requirements}
    assert failed_requirements(frozenset(together), KOKUHO_RULES, BINDINGS) == union


def test_a_stopped_welfare_household_is_not_excluded_until_the_protection_resumes() -> None:
    # 第6条第9号's 括弧書 (その保護を停止されている世帯を除く): 保護 from 2025-06-01, stopped from 2025-07-01,
    # resumed on 2025-10-01 (the register's reading of the record's 停止年月日 and 停止解除年月日).
    start, stopped, resumed = date(2025, 6, 1), date(2025, 7, 1), date(2025, 10, 1)
    days = (date(2025, 6, 30), stopped, date(2025, 9, 30), resumed)
    assert [kokuho.receives_welfare(start, None, day, stopped=stopped, resumed=resumed) for day in days] == \
        [True, False, False, True]
    assert [kokuho.receives_welfare(start, None, day, stopped=stopped) for day in days] == [True, False, False, False]
    assert ks._insured_on_welfare(ks.WELFARE_STOPPED_DAY, TOWN_CODE) == {"被保険者": True}
    assert ks._insured_on_welfare(ks.WELFARE_RESUMED_DAY, TOWN_CODE) == {"被保険者": False}


def test_the_days_of_the_qualification_around_welfare_follow_articles_7_and_8_2() -> None:
    # 第8条第2項 (その日から): lost on the 保護's first day and on the day a stopped 保護 is given again; 第7条:
    # acquired on the 停止's first day and on the 廃止's day. Resident since 2000-04-01.
    welfare = kokuho.WelfareDays(date(2025, 6, 1), None, date(2025, 7, 1), date(2025, 10, 1))
    around = [kokuho.qualification_around_welfare(date(2000, 4, 1), None, day, welfare)
              for day in (date(2025, 5, 31), date(2025, 6, 1), date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 1))]
    assert around == [(date(2000, 4, 1), date(2025, 6, 1)), (date(2000, 4, 1), date(2025, 6, 1)),
                      (date(2025, 7, 1), date(2025, 10, 1)), (date(2025, 7, 1), date(2025, 10, 1)),
                      (date(2025, 7, 1), date(2025, 10, 1))]
    ended = kokuho.WelfareDays(date(2025, 6, 1), date(2025, 9, 1))
    assert kokuho.qualification_around_welfare(date(2000, 4, 1), None, date(2025, 9, 1), ended) == (date(2025, 9, 1),
                                                                                                    None)
    # Since the 保護's first day, no day of 資格 is left.
    assert kokuho.qualification_around_welfare(date(2025, 6, 1), None, date(2025, 6, 2),
                                               kokuho.WelfareDays(date(2025, 6, 1))) == (None, None)
    # The worked examples, through the rules' projections.
    assert ks._acquired_around_welfare(ks.STOP_ACQUIRED, TOWN_CODE) == {"取得日": "2025-07-01"}
    assert ks._lost_around_welfare(ks.STOP_ACQUIRED, TOWN_CODE) == {"喪失日": "2025-10-01"}
    assert ks._lost_around_welfare(ks.WELFARE_FIRST_DAY, TOWN_CODE) == {"喪失日": "2025-06-01"}


@settings(max_examples=budget(40), deadline=None)
@given(ks.welfare_stopping(CODES), ks.welfare_losing(CODES))
def test_the_welfare_days_rules_ask_about_a_stop_or_a_loss(stopping: Scenario, losing: Scenario) -> None:
    assert stopping.record("国民健康保険").get(ks.WELFARE_STOPPED) is not None
    assert stopping.as_of is not None and stopping.fiscal_year == fiscal_year_of(stopping.as_of)
    record = losing.record("国民健康保険")
    assert record.get(ks.WELFARE_STOPPED) is None or record.get(ks.WELFARE_RESUMED) is not None
    assert losing.moved_in < date.fromisoformat(record[ks.WELFARE_START])


@pytest.mark.parametrize(("defect", "rule", "field", "wrong"),
                         [("kokuho_stop_acquired_next_day", "kokuho.acquired_on_welfare_stop", "取得日", "2025-07-02"),
                          ("kokuho_welfare_lost_day_after", "kokuho.lost_on_welfare", "喪失日", "2025-06-02")])
def test_each_welfare_day_defect_gives_its_rules_finding(defect: str, rule: str, field: str, wrong: str) -> None:
    found = rule_findings(frozenset({defect}), KOKUHO_RULES, BINDINGS,
                          ["kokuho.acquired_on_welfare_stop", "kokuho.lost_on_welfare", "kokuho.welfare_excluded"],
                          max_examples=1)
    assert [name for name, findings in found.items() if findings] == [rule]
    first = found[rule][0]
    assert first.code == f"scenario.{rule}.mismatch"
    assert first.where.startswith("GET /residents/{atena}/qualifications fiscal_year=2025")
    # The first counterexample is the rule's first worked example (STOP_ACQUIRED, WELFARE_FIRST_DAY).
    assert json.loads(first.actual) == {field: wrong}
    assert json.loads(first.expected) == {field: {"取得日": "2025-07-01", "喪失日": "2025-06-01"}[field]}


def test_the_stop_ignored_is_reported_as_the_welfare_rules_finding() -> None:
    found = rule_findings(frozenset({"kokuho_welfare_stop_ignored"}), KOKUHO_RULES, BINDINGS,
                          ["kokuho.welfare_excluded", "kokuho.union_excluded"], max_examples=1)
    assert found["kokuho.union_excluded"] == []
    assert found["kokuho.welfare_excluded"]
    welfare = found["kokuho.welfare_excluded"]
    assert {finding.code for finding in welfare} == {"scenario.kokuho.welfare_excluded.mismatch"}
    assert all(finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=") for finding in welfare)
    # The first counterexample is a worked example of the 停止: the reference answers it excluded.
    assert welfare[0].expected == '{"被保険者": true}' and welfare[0].actual == '{"被保険者": false}'


def test_a_move_out_into_a_hospital_elsewhere_keeps_the_person_here() -> None:
    # 第116条の2第1項 from the sending 市町村 (当該他の市町村の区域内に住所を有するものとみなす): a 病院等 of its 号
    # (第2号・第5号 with the 入所措置) keeps the person this town's 被保険者 with no 喪失日.
    assert ks._kept_by_sender(ks.LEFT_FOR_HOSPITAL, TOWN_CODE) == {"被保険者": True, "喪失日": None}
    assert [kokuho.kept_by_sender(kind, False) for kind in kokuho.FACILITIES] == [
        kind not in kokuho.MEASURE_ONLY for kind in kokuho.FACILITIES]
    assert all(kokuho.kept_by_sender(kind, True) for kind in kokuho.FACILITIES)
    with pytest.raises(ValueError, match="転出先入院等_区分"):
        kokuho.kept_by_sender("自宅", True)


def test_the_sender_dropping_the_person_is_reported_as_the_rules_finding() -> None:
    found = rule_findings(frozenset({"kokuho_facility_sender_dropped"}), KOKUHO_RULES, BINDINGS,
                          ["kokuho.facility_sender", "kokuho.facility_deemed"], max_examples=1)
    assert found["kokuho.facility_deemed"] == []
    sender = found["kokuho.facility_sender"]
    assert {finding.code for finding in sender} == {"scenario.kokuho.facility_sender.mismatch"}
    assert all(finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=") for finding in sender)
    assert json.loads(sender[0].expected or "") == {"被保険者": True, "喪失日": None}
