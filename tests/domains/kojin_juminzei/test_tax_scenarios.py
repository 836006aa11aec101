"""個人住民税 scenario checks (conformance/domains/kojin_juminzei/checks.py): the generated persons are valid
migration rows, every rule is a registered check bound in the catalog, and each named defect of the
reference's 個人住民税 makes exactly the checks bound to its requirements disagree with the oracle on
their explicit examples (the same comparison the checks make; the whole runs of
tests/test_reference_run.py show it through the CLI)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings

from conformance.checks import scenarios
from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.kojin_juminzei import checks as ks
from conformance.domains.kojin_juminzei.checks import TAX_RULES, _fifteens, _minors, levied_residents
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kojin_juminzei" / "2025.12" / "bindings.yaml"
#: The defects of the reference's 個人住民税 answer judged by these checks (juminzei_current_address is
#: scenario.juminzei.levied's, in conformance/checks/scenarios.py).
TAX_DEFECTS = sorted(name for name in DEFECTS if name.startswith("juminzei_") and name != "juminzei_current_address")



@settings(max_examples=30, deadline=None)
@given(st.one_of(levied_residents(CODES), _minors(CODES), _fifteens(CODES)))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住所_市区町村コード"] == TOWN_CODE and rows[0]["住民状態"] == "1"


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in TAX_RULES}
    assert len(names) == 7
    assert names <= set(default_registry())
    assert names <= set(bound_requirements(BINDINGS))
    assert all(rule.examples for rule in TAX_RULES.values())




def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), TAX_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", TAX_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), TAX_RULES, BINDINGS) == set(DEFECTS[name].requirements)


@pytest.mark.parametrize(("months", "read"), [
    (["2025-06", "2025-08", "2025-10", "2026-01"], {ks._DUE: True}),  # 本文
    (["2025-06"], {ks._DUE: True}),  # 本文's parenthesis: at most the 均等割額
    ([f"2025-{month:02d}" for month in range(6, 13)] + ["2026-01", "2026-02", "2026-03"], {ks._DUE: True}),  # 但し書
    ([], {"納期": []}),  # not levied
    (["2025-06", "2025-01"], {ks._DUE: False, "納期": ["2025-06", "2025-01"], "年度": 2025}),  # 1月: the 年度 before
    (["2026-04"], {ks._DUE: False, "納期": ["2026-04"], "年度": 2025})])  # the next 年度
def test_the_payment_months_are_read_against_the_months_the_article_allows(months: list[str],
                                                                            read: dict[str, object]) -> None:
    answer = {"年度": 2025, ks.PART: {"納期": months}}
    assert ks._answered_payment_months(answer, None) == read  # type: ignore[arg-type]


def test_a_january_of_the_same_year_is_the_payment_months_finding_at_the_query() -> None:
    rule = "juminzei.payment_months"
    assert rule_findings(frozenset(), TAX_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"juminzei_january_of_same_year"}), TAX_RULES, BINDINGS, [rule])[rule]
    assert finding.code == "scenario.juminzei.payment_months.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=2025")
    assert json.loads(finding.expected) == {ks._DUE: True}
    assert json.loads(finding.actual) == {ks._DUE: False, "納期": ["2025-06", "2025-08", "2025-10", "2025-01"],
                                          "年度": 2025}
