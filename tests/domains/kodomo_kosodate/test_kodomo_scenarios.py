"""子ども・子育て支援 scenario checks (conformance/domains/kodomo_kosodate/checks.py): every rule is a registered
check bound in the catalog, each rule's children are those its provision is about, a profile without the
driver operation leaves them NOT_AUTOMATED, and each named defect of the reference's driver operation
``kodomo.nintei`` makes exactly the checks bound to its requirements disagree with the oracle on their
explicit examples (the comparison the checks make)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import rule_probes
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import other_codes
from conformance.checks.statute_rules import driver_base_path
from conformance.domains.kodomo_kosodate import benefits as kb
from conformance.domains.kodomo_kosodate import checks as ks
from conformance.domains.kodomo_kosodate import oracle as law
from conformance.domains.kodomo_kosodate.checks import KODOMO_RULES, KodomoRule
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on
from conformance.profiles import DriverTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient, Target
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kodomo_kosodate" / "2025.12" / "bindings.yaml"
KODOMO_DEFECTS = sorted(name for name in DEFECTS if name.startswith("kodomo_"))


def _disagreeing(client: HttpClient, rules: dict[str, KodomoRule]) -> Iterator[KodomoRule]:
    for rule in rules.values():
        for application in rule.examples:
            loaded = scenarios.load(client, application.household, TOWN_CODE)
            if rule.actual(ks.apply(client, "/driver/v1", loaded, application), loaded) != rule.expected(application):
                yield rule
                break


def failed_requirements(defects: frozenset[str]) -> set[str]:
    bound = bound_requirements(BINDINGS)
    with rule_probes.reference_client(defects) as client:  # in this process: tests/rule_probes.py
        driver = {rid for rule in _disagreeing(client, KODOMO_RULES) for rid in bound[f"scenario.{rule.name}"]}
    return driver | rule_probes.failed_requirements(defects, kb.KODOMO_QUERY_RULES, BINDINGS)


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(ks.around_three(CODES, True), ks.around_three(CODES, False)))
def test_applications_around_three_are_within_a_month_of_the_day(application: ks.Application) -> None:
    (birth,) = application.household.children
    assert abs((application.applied - age_reached_on(birth, 3)).days) <= 30


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(ks.kindergarten_age(CODES), ks.young_children(CODES)))
def test_young_children_are_clear_of_the_boundaries(application: ks.Application) -> None:
    for birth in application.household.children:
        assert law.is_preschool(birth, application.applied)
        assert abs((application.applied - age_reached_on(birth, 3)).days) > 60


@settings(max_examples=budget(60), deadline=None)
@given(ks.leaving_guardians(CODES))
def test_leaving_guardians_move_out_three_days_or_more_from_the_application(application: ks.Application) -> None:
    assert application.household.moved_out is not None
    assert abs((application.household.moved_out - application.applied).days) >= 3


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in (*KODOMO_RULES, *kb.KODOMO_QUERY_RULES)}
    assert len(names) == 15
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert all(rule.examples for rule in KODOMO_RULES.values())
    assert all(rule.examples and rule.needs_records for rule in kb.KODOMO_QUERY_RULES.values())


def test_the_worked_examples() -> None:
    assert ks._certified(ks.SCHOOL_START) == {"認定": {"0": False, "1": True}}
    assert ks._certified(ks.BEFORE_SCHOOL) == {"認定": {"0": True, "1": True}}
    assert ks._categories_of(False)(ks.THIRD_BIRTHDAY) == {"認定区分": {"0": "1号"}}
    assert ks._infants(ks.THIRD_BIRTHDAY_CARE) == {"第3号": {"0": False}}
    assert ks._categories_of(None)(ks.FAMILY) == {"認定区分": {"0": "2号", "1": "3号"}}
    assert ks._categories_of(None)(ks.MIXED) == {"認定区分": {"0": "1号", "1": None}}
    assert ks._resident_certified(ks.MOVED_AWAY) == {"認定": {"0": False, "1": False}}
    # 第20条第2項ただし書: without a 居住地, certified by the town where the 保護者 is, not elsewhere.
    assert ks._present_certified(ks.PRESENT_HERE) == {"認定": {"0": True, "1": True}}
    assert ks._present_certified(ks.PRESENT_ELSEWHERE) == {"認定": {"0": False, "1": False}}
    assert ks._reasons(ks.REFUSED) == {"却下理由": {"0": True, "1": False, "2": True}}


def test_any_deadline_within_the_thirty_days_is_accepted() -> None:
    applied = date(2025, 1, 15)
    assert ks._deadline("2025-02-14", applied) == ks._deadline("2025-01-20", applied) == ks.WITHIN
    assert ks._deadline("2025-02-15", applied) == "2025-02-15"
    assert ks._deadline("2025-01-14", applied) == "2025-01-14"


def test_without_the_driver_operation_the_checks_are_not_automated() -> None:
    target = Target(catalog=None)  # type: ignore[arg-type]  # the driver is asked about before anything else
    with pytest.raises(NotAutomated, match=r"targets\.driver"):
        driver_base_path(target, "子ども・子育て支援", (ks.OPERATION,))
    target.driver = DriverTarget(operations=("query.person",))
    with pytest.raises(NotAutomated, match=r"kodomo\.nintei"):
        driver_base_path(target, "子ども・子育て支援", (ks.OPERATION,))
    target.driver = DriverTarget(operations=("kodomo.nintei",))
    assert driver_base_path(target, "子ども・子育て支援", (ks.OPERATION,)) == "/driver/v1"


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset()) == set()


@pytest.mark.parametrize("name", KODOMO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name})) == set(DEFECTS[name].requirements)


def test_the_worked_examples_of_the_query_rules() -> None:
    assert kb._in_effect(kb.CERTIFIED, TOWN_CODE) == {"認定有効": True}
    assert kb._in_effect(kb.EXPIRED, TOWN_CODE) == {"認定有効": False}
    assert kb._benefit(kb.CHARGE_ABOVE_COST, TOWN_CODE) == {"施設型給付費月額": 0}
    assert kb._benefit(kb.ACTUAL_BELOW_STANDARD, TOWN_CODE) == {"施設型給付費月額": 60000}
    assert kb._benefit(kb.CHARGE_BELOW_LIMIT, TOWN_CODE) == {"施設型給付費月額": 80000}


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(kb.charged_above_cost(CODES), kb.cheaper_than_standard(CODES), kb.charged_below_limit(CODES)))
def test_the_costed_children_never_have_an_amount_above_the_limit(scenario: scenarios.Scenario) -> None:
    # No 市町村定額 above the 政令's limit is generated (a system may refuse to set one: the MANUAL part).
    items = kb.facts(scenario)
    assert int(items[kb.MUNICIPAL]) <= int(items[kb.LIMIT])
    assert set(items) <= DOMAIN_RECORDS[kb.PART]
    assert scenario.as_of is not None and scenario.birth < scenario.as_of


QUERY_FINDINGS = [
    ("kodomo_certified_after_end", "kodomo.validity", '{"認定有効": false}', '{"認定有効": true}'),
    ("kodomo_benefit_below_zero", "kodomo.benefit_floor", '{"施設型給付費月額": 0}', '{"施設型給付費月額": -10000}'),
    ("kodomo_benefit_standard_cost", "kodomo.benefit_actual_cost", '{"施設型給付費月額": 60000}',
     '{"施設型給付費月額": 80000}'),
    ("kodomo_benefit_charge_at_limit", "kodomo.benefit_charge_limit", '{"施設型給付費月額": 80000}',
     '{"施設型給付費月額": 70000}'),
]


def test_a_conforming_vendor_gives_the_query_rules_no_finding() -> None:
    found = rule_findings(frozenset(), kb.KODOMO_QUERY_RULES, BINDINGS, list(kb.KODOMO_QUERY_RULES))
    assert all(findings == [] for findings in found.values())


@pytest.mark.parametrize(("name", "rule", "expected", "actual"), QUERY_FINDINGS)
def test_a_query_defect_gives_its_rules_finding_at_the_query(name: str, rule: str, expected: str,
                                                            actual: str) -> None:
    (finding,) = rule_findings(frozenset({name}), kb.KODOMO_QUERY_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert (finding.expected, finding.actual) == (expected, actual)
