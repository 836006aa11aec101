"""印鑑登録 scenario checks (conformance/domains/inkan/checks.py): every rule is a registered check bound in the
catalog, each application is the person's 印鑑登録 record, and each named defect of the reference's 印鑑登録 makes
exactly the checks bound to its requirements disagree with the oracle on their explicit examples (the comparison
the checks make)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.inkan import checks as ks
from conformance.domains.inkan.checks import INKAN_RULES
from conformance.domains.inkan.oracle import EITHER
from conformance.locations import default_catalog_root
from conformance.oracles.dates import fiscal_year_of
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "inkan" / "2025.12" / "bindings.yaml"
INKAN_DEFECTS = sorted(name for name in DEFECTS if name.startswith("inkan_"))


@settings(max_examples=budget(40), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.one_of(*(rule.scenarios(CODES) for rule in INKAN_RULES.values())))
def test_generated_applicants_are_valid_rows_with_an_application(scenario: Scenario) -> None:
    """Every generated person is a valid migration row (their own names, 通称 and 消除 rows too) with a whole
    application, or none at all (scenario.inkan.asked's person who never applied)."""
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert set(scenario.record(ks.PART)) in (DOMAIN_RECORDS[ks.PART], set())
    assert scenario.as_of is not None and fiscal_year_of(scenario.as_of) == scenario.fiscal_year


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in INKAN_RULES}
    assert len(names) == 12
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert all(rule.examples and rule.needs_records for rule in INKAN_RULES.values())


def test_the_worked_examples() -> None:
    town = TOWN_CODE
    assert ks._resident(ks.ALLOWED, town) == {"登録": True}
    assert ks._resident(ks.MOVED_OUT, town) == {"登録": False}
    assert ks._age(ks.FIFTEEN, town) == {"登録": True}
    assert ks._age(ks.FOURTEEN, town) == {"登録": False}
    assert ks._capacity(ks.INCAPABLE, town) == {"登録": False}
    assert ks._one_seal(ks.SECOND, town) == {"登録": False}
    assert ks._name(ks.ALLOWED, town) == {"登録": True}
    assert ks._name(ks.OTHER_NAME, town) == {"登録": False}
    assert ks._name(ks.LATIN_LETTER, town) == {"登録": False}
    assert ks._occupation(ks.TITLE, town) == {"登録": False}
    assert ks._rubber(ks.RUBBER_SEAL, town) == {"登録": False}
    assert ks._size(ks.SMALL, town) == {"登録": False}
    assert ks._size(ks.LARGE, town) == {"登録": False}
    assert ks._size(ks.EIGHT, town)["登録"] is EITHER  # the edges: tests/domains/inkan/test_inkan_readings.py
    assert ks._size(ks.TWENTY_FIVE, town)["登録"] is EITHER
    assert ks._clear(ks.ALLOWED, town) == {"登録": True}
    assert ks._clear(ks.BLURRED, town) == {"登録": False}
    assert ks._registers(ks.ALLOWED, town) == {"登録": True}
    assert ks._registers(ks.NEWCOMER, town) == {"登録": True}


@settings(max_examples=budget(60), deadline=None)
@given(ks.eligible(CODES))
def test_every_eligible_application_is_one_no_provision_bars(scenario: Scenario) -> None:
    """The applications scenario.inkan.registers draws are all judged (none open) and all registrable."""
    assert ks._registers(scenario, TOWN_CODE) == {"登録": True}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), INKAN_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", INKAN_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), INKAN_RULES, BINDINGS) == set(DEFECTS[name].requirements)
