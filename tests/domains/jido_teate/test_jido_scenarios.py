"""児童手当 scenario checks (conformance/checks/scenarios.py: start_month, amounts;
conformance/domains/jido_teate/checks.py: the rest): every rule is a registered check bound in the catalog,
each rule's persons are those its provision is about, and each named defect of the reference's 児童手当
makes exactly the checks bound to its requirements disagree with the oracle on their explicit examples
(the comparison the checks make; tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenarios import Rule, Scenario, _csv, _row, other_codes
from conformance.domains.jido_teate import checks as js
from conformance.domains.jido_teate.checks import JIDO_RULES
from conformance.domains.jido_teate.oracle import child_end_date
from conformance.locations import default_catalog_root
from conformance.oracles.dates import fiscal_year_of
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "jido_teate" / "2025.12" / "bindings.yaml"
JIDO_DEFECTS = sorted(name for name in DEFECTS if name.startswith("jido_teate_"))
#: Every 児童手当 rule: the first two (start month, amounts) and the others.
ALL_RULES: dict[str, Rule] = {js.START_MONTH.name: js.START_MONTH, js.AMOUNTS.name: js.AMOUNTS, **JIDO_RULES,
                              **js.RECORD_RULES}


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in (*JIDO_RULES.values(), *js.RECORD_RULES.values()))))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["児童手当_請求年月日"] == (scenario.claim.isoformat() if scenario.claim else "")
    assert {item for _, item, _ in scenario.records} <= DOMAIN_RECORDS["児童手当"]


@settings(max_examples=budget(60), deadline=None)
@given(js.leaving_families(CODES))
def test_leaving_families_have_no_child_near_an_age_boundary_and_leave_after_two_months(scenario: Scenario) -> None:
    assert scenario.claim is not None and scenario.as_of is not None and scenario.children
    for birth in scenario.children:  # aged 5 to 14 on the day asked, or past 18 years' 3月31日 long before
        assert (date(2010, 4, 2) <= birth and child_end_date(birth) > date(2028, 3, 1)) or \
            child_end_date(birth) < date(2023, 3, 31)
    if scenario.moved_out is not None:
        assert (scenario.moved_out - scenario.claim).days >= 62


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in ALL_RULES}
    assert len(names) == 23
    assert names <= set(default_registry())
    # model.world.domains: the cross-domain machine (tests/domains/test_world_machine.py) is bound beside them.
    assert names == set(bound_requirements(BINDINGS)) - {"model.world.domains"}
    assert all(rule.examples for rule in (*JIDO_RULES.values(), *js.RECORD_RULES.values()))


def test_the_worked_examples() -> None:
    # Born 2007-04-01: a 児童 until 2025-03-31 (第3条第1項), so nothing from 2025-05.
    assert js._child_end(js.AGED_OUT, TOWN_CODE) == {"児童該当終了日": {"0": "2025-03-31", "1": "2034-03-31"}}
    # Nothing for it from 2025-05: a month of 0 yen is left out of what is compared (listed with 0 or not).
    assert "0:2025-05" not in js._jido_amounts(js.AGED_OUT, TOWN_CODE)["月額"]
    # Born 2022-05-01: under 3 through 2025-05 (第6条第2項第4号, 第5号).
    assert js._three_and_over(js.TURNING_THREE, TOWN_CODE) == {"三歳以上算定開始月": {"0": "2025-06"}}
    amounts = js._jido_amounts(js.TURNING_THREE, TOWN_CODE)["月額"]
    assert (amounts["0:2025-05"], amounts["0:2025-06"]) == (15_000, 10_000)
    # 2024-12 and 2025-01 paid in 2025-02; 2025-03 in 2025-04 (第8条第4項).
    # Paid from 2025-01 (claimed within 15 days of the birth): its months alone, or every month from 2024-10.
    every, paid_only = js._payment_months(js.PAID_IN_EVEN_MONTHS, TOWN_CODE)["支払期月"].allowed
    assert paid_only == {"2025-01": "2025-02", "2025-02": "2025-04", "2025-03": "2025-04"}
    assert every == {"2024-10": "2024-12", "2024-11": "2024-12", "2024-12": "2025-02", **paid_only}
    # Moved abroad on 2025-06-10: 2025-06 paid whole; no 受給資格 on 2025-06-11.
    assert js._last_month_amounts(js.LEFT_MID_MONTH, TOWN_CODE) == {"月額": {"0:2025-06": 10_000, "1:2025-06": 10_000}}
    assert js._eligible(js.LEFT_MID_MONTH, TOWN_CODE) == {"受給資格": False}
    # Children born 2012-08-08 and 2016-03-03, a student born 2005-05-05 looked after (a 第三子以降算定額算定対象者
    # to 2028-03): the younger child is the third counted, 30,000 (第6条第1項第1号, 第2項第2号).
    amounts = js._third_child_amounts(js.WITH_STUDENT, TOWN_CODE)["月額"]
    assert (amounts["0:2025-05"], amounts["1:2025-05"]) == (10_000, 30_000)
    # Born 2022-05-01, with a 里親: a 施設入所等児童 (第3条第3項第2号), the 里親's 児童手当 (第4条第1項第4号),
    # 15,000 in 2025-05 and 10,000 from 2025-06 (第6条第1項第3号), certified where the 里親 lives (第7条第2項第2号).
    assert js._claimant_kind(js.FOSTERED, TOWN_CODE) == {"受給資格者区分": "施設等受給資格者"}
    assert js._facility_amount(js.FOSTERED, TOWN_CODE) == {"施設等受給資格者_月額": 15_000}
    assert js._facility_amount(js.FOSTERED_LATER, TOWN_CODE) == {"施設等受給資格者_月額": 10_000}
    assert js._certifier(js.FOSTERED, TOWN_CODE) == {"認定市区町村": CODES[1]}
    # With the mother in a 母子生活支援施設, a short stay in a 乳児院等, a 障害者支援施設 in a 世帯 not of
    # children only: no 施設入所等児童 (第3条第3項第3号, 第4号); a 救護施設 or a 児童自立生活援助 in a 世帯 of
    # children only: one (第5号, 第1号).
    for general in (js.WITH_MOTHER, js.SHORT_STAY, js.DISABLED_WITH_FAMILY):
        assert js._claimant_kind(general, TOWN_CODE) == {"受給資格者区分": "一般受給資格者"}
    for placed in (js.RELIEF, js.AIDED, js.DISABLED):
        assert js._claimant_kind(placed, TOWN_CODE) == {"受給資格者区分": "施設等受給資格者"}
    assert js._certifier(js.AIDED, TOWN_CODE) == js._certifier(js.DISABLED, TOWN_CODE) == {"認定市区町村": CODES[1]}
    # Moved to another municipality on 2025-06-10: paid to 2025-06 (第7条第3項); no 認定請求: nothing (第8条第1項).
    assert js._end_month(js.MOVED_AWAY, TOWN_CODE) == {"支給終了月": "2025-06"}
    assert js._no_start(js.UNCLAIMED, TOWN_CODE) == {"支給開始月": None}
    # The other earning more: deemed to look after the children, of two 父母 living together (第4条第3項) or two
    # 未成年後見人 (第2項); a 父母 living apart without sharing the 生計: the claimant, living with them (第4項).
    assert js._supporter(js.PARENTS, TOWN_CODE) == js._supporter(js.GUARDIANS, TOWN_CODE) == {"受給者": "他方"}
    assert js._supporter(js.SEPARATED, TOWN_CODE) == {"受給者": "本人"}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), ALL_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", JIDO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_a_supported_person_born_on_april_first_reaches_each_age_the_day_before() -> None:
    # Born 2007-04-01: 18 reached on 2025-03-31 (the day before the birthday), a 児童 to that day, then a
    # 第三子以降算定額算定対象者: the younger child is the third counted from 2025-04 (第6条第2項第2号). Born
    # 2003-04-01: 22 reached on 2025-03-31, counted to 2025-03 only: the younger child is the second.
    amounts = js._third_child_amounts(js.ADULT_FROM_APRIL, TOWN_CODE)["月額"]
    assert (amounts["0:2025-05"], amounts["1:2025-05"]) == (10_000, 30_000)
    amounts = js._third_child_amounts(js.ADULT_PAST_TWENTY_TWO, TOWN_CODE)["月額"]
    assert (amounts["0:2025-05"], amounts["1:2025-05"]) == (10_000, 10_000)
    # The defect takes the birthday for the day each age is reached: both persons counted a year late.
    name = "jido_teate.third_child_adults"
    found = rule_findings(frozenset({"jido_teate_adults_age_on_birthday"}), js.RECORD_RULES, BINDINGS, [name])[name]
    assert {(f.code, f.requirement) for f in found} == {
        (f"scenario.{name}.mismatch", "jido_teate-2025.12-1.6.0.1.1-R001")}
    assert all(f.location.startswith(f"GET {scenarios.QUERY_PATH}") for f in found)
    assert {f.expected for f in found} != {f.actual for f in found}


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(js._moved_away(CODES), js._staying(CODES)))
def test_the_rules_about_the_year_of_the_end_ask_on_a_day_of_it(scenario: Scenario) -> None:
    """Issue 66: the months, amounts and payments of the 年度 of the end are asked on a day of that 年度 (the
    contract's fiscal_year is the 年度 of as_of), a day near the end outside it moved to the 年度's first or last."""
    assert scenario.as_of is not None
    assert fiscal_year_of(scenario.as_of) == scenario.fiscal_year
    if scenario.moved_out is not None:
        assert fiscal_year_of(scenario.moved_out) == scenario.fiscal_year
        assert abs((scenario.as_of - scenario.moved_out).days) <= 3
