"""The per-person query's refusals (conformance/checks/refusals.py, issue 65 item 5): the bundled reference answers
each as the interface get_qualifications says (404 for an unknown 宛名番号, 400 for a missing or malformed
fiscal_year or as_of) and passes; each of its two named defects answers a refused question with 200 and fails
with the check's finding, located at the request with no resident's number."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest
from rule_probes import bound_requirements

from conformance.catalog.contract import load_contract
from conformance.catalog.domain_rules import domain_folders
from conformance.catalog.models import Requirement
from conformance.checks.refusals import REFUSALS, qualifications_refusals, unknown_atena
from conformance.checks.registry import CheckContext
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles import m11w2_7_check_digit
from conformance.profiles import ApiTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import default_town, jumin_edition
from conformance_reference.defects import DEFECTS

REQUIREMENT = cast(Requirement, SimpleNamespace(id="jumin-1.0-7.2.3-R001"))


def findings(*defects: str) -> list[Finding]:
    rows = default_town()
    with start_reference(defects=frozenset(defects)) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(rows))
        return list(qualifications_refusals(CheckContext(requirement=REQUIREMENT, target=target)))


def test_the_reference_refuses_every_question_as_the_interface_says() -> None:
    assert findings() == []


@pytest.mark.defects
def test_an_unknown_person_answered_is_caught() -> None:
    found = findings("qualifications_unknown_answered")
    assert [(f.code, f.where, f.expected, f.actual) for f in found] == [
        ("api.qualifications_refusals.status",
         "GET /residents/{atena}/qualifications [unknown 宛名番号] fiscal_year=2024", "404", "200")]


@pytest.mark.defects
def test_defaulted_parameters_are_caught_for_each_refusal() -> None:
    found = findings("qualifications_parameters_defaulted")
    assert [(f.where, f.expected, f.actual) for f in found] == [
        ("GET /residents/{atena}/qualifications [known 宛名番号] (no query)", "400", "200"),
        ("GET /residents/{atena}/qualifications [known 宛名番号] fiscal_year=R6", "400", "200"),
        ("GET /residents/{atena}/qualifications [known 宛名番号] fiscal_year=2024&as_of=2024-02-30", "400", "200"),
        ("GET /residents/{atena}/qualifications [known 宛名番号] fiscal_year=2024&as_of=today", "400", "200")]
    assert all(f.requirement == "jumin-1.0-7.2.3-R001" for f in found)


def test_the_unknown_number_is_well_formed_and_nobodys() -> None:
    first = unknown_atena(set())
    assert len(first) == 10 and m11w2_7_check_digit(first[:9]) == int(first[9])
    assert unknown_atena({first}) != first
    assert {row["宛名番号"] for row in default_town()}.isdisjoint({unknown_atena(set())})


def test_the_check_is_registered_and_bound() -> None:
    assert "api.qualifications_refusals" in default_registry()
    bound = bound_requirements(default_catalog_root() / "jumin" / "1.0" / "bindings.yaml")
    assert bound["api.qualifications_refusals"] == {REQUIREMENT.id}
    assert [refusal.status for refusal in REFUSALS] == [404, 400, 400, 400, 400]


def _query_domains() -> list[str]:
    """The statute domains whose contract publishes the per-person query."""
    return sorted(slug for slug in domain_folders()
                  if (contract := load_contract(default_catalog_root(), slug)) is not None and contract.query)


@pytest.mark.parametrize("slug", _query_domains())
def test_every_statute_edition_with_the_query_asks_the_refusals(slug: str) -> None:
    # Issue 65 item 5: a statute-only vendor is asked them too (an outside 就学 product never was), each edition
    # binding the check to exactly one requirement, which both reference defects name.
    edition = max(path for path in (default_catalog_root() / slug).iterdir() if path.is_dir())
    (requirement,) = bound_requirements(edition / "bindings.yaml")["api.qualifications_refusals"]
    for defect in ("qualifications_unknown_answered", "qualifications_parameters_defaulted"):
        assert requirement in DEFECTS[defect].requirements


@pytest.mark.defects
def test_a_statute_edition_s_refusal_is_its_own_requirement_s_finding() -> None:
    shugaku = cast(Requirement, SimpleNamespace(id="shugaku-2025.12-1.17.0.1.0-R001"))
    rows = default_town()
    with start_reference(defects=frozenset({"qualifications_unknown_answered"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(rows))
        (found,) = qualifications_refusals(CheckContext(requirement=shugaku, target=target))
    assert (found.code, found.requirement, found.expected, found.actual) == (
        "api.qualifications_refusals.status", shugaku.id, "404", "200")
