"""個人住民税 scenario checks (conformance/checks/tax_scenarios.py): the generated persons are valid
migration rows, every rule is a registered check bound in the catalog, and each named defect of the
reference's 個人住民税 makes exactly the checks bound to its requirements disagree with the oracle on
their explicit examples (the same comparison the checks make; the whole runs of
tests/test_reference_run.py show it through the CLI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.checks import scenarios
from conformance.checks.scenarios import Rule, Scenario, _csv, _row, other_codes
from conformance.checks.tax_scenarios import TAX_RULES, _fifteens, _minors, levied_residents
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget
from conformance.reference.defects import DEFECTS
from conformance.reference.server import start_reference
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kojin_juminzei" / "2025.12" / "bindings.yaml"
#: The defects of the reference's 個人住民税 answer judged by these checks (juminzei_current_address is
#: scenario.juminzei.levied's, in conformance/checks/scenarios.py).
TAX_DEFECTS = sorted(name for name in DEFECTS if name.startswith("juminzei_") and name != "juminzei_current_address")


def bound_requirements() -> dict[str, set[str]]:
    """check name -> the requirements bindings.yaml binds it to."""
    bound: dict[str, set[str]] = {}
    for binding in yaml.safe_load(Path(BINDINGS).read_text("utf-8"))["bindings"]:
        for entry in binding["checks"]:
            bound.setdefault(entry["name"], set()).add(binding["requirement"])
    return bound


@settings(max_examples=30, deadline=None)
@given(st.one_of(levied_residents(CODES), _minors(CODES), _fifteens(CODES)))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住所_市区町村コード"] == TOWN_CODE and rows[0]["住民状態"] == "1"


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in TAX_RULES}
    assert len(names) == 7
    assert names <= set(default_registry())
    assert names <= set(bound_requirements())
    assert all(rule.examples for rule in TAX_RULES.values())


def disagreeing(client: HttpClient) -> Iterator[Rule]:
    """The rules whose oracle and the vendor differ on one of their explicit examples."""
    for rule in TAX_RULES.values():
        for example in rule.examples:
            loaded = scenarios.load(client, example, TOWN_CODE)
            if rule.actual(scenarios.query(client, loaded, example), loaded) != rule.expected(example, TOWN_CODE):
                yield rule
                break


def failed_requirements(defects: frozenset[str]) -> set[str]:
    bound = bound_requirements()
    with start_reference(defects=defects) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        return {rid for rule in disagreeing(client) for rid in bound[f"scenario.{rule.name}"]}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset()) == set()


@pytest.mark.parametrize("name", TAX_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name})) == set(DEFECTS[name].requirements)
