"""The per-person query's refusals (conformance/checks/refusals.py, issue 65 item 5): the bundled reference answers
each as the interface get_qualifications says (404 for an unknown 宛名番号, 400 for a missing or malformed
fiscal_year or as_of) and passes; each of its two named defects answers a refused question with 200 and fails
with the check's finding, located at the request with no resident's number."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from rule_probes import bound_requirements

from conformance.catalog.contract import load_contract
from conformance.catalog.domain_rules import domain_folders
from conformance.catalog.models import Requirement
from conformance.checks.refusals import (
    FORM_DAY,
    FORM_REFUSALS,
    REFUSALS,
    NotFor,
    form_refusals,
    not_for,
    qualifications_refusals,
    unknown_atena,
)
from conformance.checks.registry import CheckContext
from conformance.embedded import start_reference
from conformance.errors import NotAutomated
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles import m11w2_7_check_digit
from conformance.profiles import ApiTarget, FormsTarget
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
    bound = bound_requirements(default_catalog_root() / "jumin" / "1.0" / "bindings.yaml", shared=True)
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
    (requirement,) = bound_requirements(edition / "bindings.yaml", shared=True)["api.qualifications_refusals"]
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


#: The 学齢簿's 記載事項 (規則第30条第1項第1号), where the edition binds the statute forms' refusals.
GAKUREIBO_REQUIREMENT = cast(Requirement, SimpleNamespace(id="shugaku-2025.12-3.30.0.1.1-R001"))


def form_findings(*defects: str, forms: tuple[str, ...] = ("gakureibo",)) -> list[Finding]:
    rows = default_town()
    with start_reference(defects=frozenset(defects)) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(rows), forms=FormsTarget(statute=forms))
        return list(form_refusals(CheckContext(requirement=GAKUREIBO_REQUIREMENT, target=target)))


def test_the_reference_refuses_a_form_for_nobody_and_for_a_person_it_does_not_apply_to() -> None:
    assert form_findings() == []


@pytest.mark.defects
def test_a_form_printed_for_a_person_it_does_not_apply_to_is_caught() -> None:
    (found,) = form_findings("gakureibo_printed_for_anyone")
    who = FORM_REFUSALS["gakureibo"][1]
    assert who is not None
    assert (found.code, found.requirement, found.where, found.expected, found.actual) == (
        "api.form_refusals.status", GAKUREIBO_REQUIREMENT.id,
        f"POST /forms/gakureibo [{who.who}] 基準日={FORM_DAY.isoformat()}", "404", "200")


def test_every_edition_binding_the_form_refusals_is_refused_by_the_clean_reference() -> None:
    def newest(slug: str) -> Path:
        return max(path for path in (default_catalog_root() / slug).iterdir() if path.is_dir())

    bound = {slug: requirement for slug in _query_domains()
             for requirement in bound_requirements(newest(slug) / "bindings.yaml", shared=True).get(
                 "api.form_refusals", ())}
    assert set(bound) == {"shugaku", "senkyo", "kaigo", "koki_korei", "kokuho"}
    with start_reference() as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(default_town()),
                        forms=FormsTarget(statute="all"))
        for requirement in bound.values():
            context = CheckContext(requirement=cast(Requirement, SimpleNamespace(id=requirement)), target=target)
            assert list(form_refusals(context)) == [], requirement


def test_no_form_named_is_not_automated() -> None:
    with pytest.raises(NotAutomated, match="names no statute form of shugaku"):
        form_findings(forms=())


def test_the_person_a_form_does_not_apply_to_is_of_the_ages_named() -> None:
    rows = [{"宛名番号": "1000000015", "住民状態": "1", "生年月日": "1990-04-03", "住民となった年月日": "1990-04-03"},
            {"宛名番号": "1000000023", "住民状態": "1", "生年月日": "1990-04-02", "住民となった年月日": "1990-04-02"}]
    # On 2024-04-01 the first is 33 (34 is reached on 2024-04-02), the second reached 34 that day.
    assert not_for(rows, NotFor("34", (34, 34))) == "1000000023"
    assert not_for(rows, NotFor("33", (33, 33))) == "1000000015"
    assert not_for([{**rows[0], "住民状態": "2"}], NotFor("33", (33, 33))) is None
    assert not_for([{**rows[0], "支援措置対象フラグ": "1"}], NotFor("33", (33, 33))) is None
