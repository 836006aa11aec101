"""The 介護保険 被保険者証 as issued (conformance/domains/kaigo/forms.py): the persons drawn are 第一号被保険者 on the
day asked about, the card read as content (the person's 氏名 and 生年月日, any layout), the rule a registered check
bound to 介護保険法施行規則 第26条第1項, the clean reference issues it, and the named defect (the card refused on the
day 65 is reached) fails exactly its requirement, with the finding at the form."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import cast

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import APPEND_PATH, RECORDS_PATH, Loaded, Scenario, other_codes
from conformance.domains.kaigo import forms as cf
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, FormsTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "kaigo" / "2025.12" / "bindings.yaml"
RULE = cf.FORM_RULES["kaigo_form.issued"]
LOADED = Loaded("8999999990", ())
#: A card of cf.REACHING_65 in another layout than the reference's: one line, 西暦 in full-width digits.
CARD = ["介護保険被保険者証", "見本　花子 様（１９６０年４月１日生）", "発行番号 20261125 見本町 001 1/1"]


@settings(max_examples=budget(60), deadline=None)
@given(cf.first_insured(other_codes(TOWN_CODE)))
def test_the_persons_drawn_are_first_insured_on_the_day_asked(scenario: Scenario) -> None:
    assert cf.insured_on_the_day(scenario, TOWN_CODE)


def test_a_card_in_another_layout_agrees_and_a_refusal_or_another_persons_card_does_not() -> None:
    expected = RULE.expected(cf.REACHING_65, TOWN_CODE)
    assert expected == {"氏名": "見本\u3000花子", "生年月日": "1960-04-01"}
    assert RULE.actual({"行": CARD, "場面": cf.REACHING_65}, LOADED) == expected
    assert RULE.actual({"問題": "HTTP 404", "場面": cf.REACHING_65}, LOADED) == {"問題": "HTTP 404"}
    other = [line.replace("１９６０年４月１日", "1960年4月2日") for line in CARD]
    assert RULE.actual({"行": other, "場面": cf.REACHING_65}, LOADED)["生年月日"] == ["1960-04-02"]
    # The day before 65 is reached, the oracle makes nobody a 第一号被保険者: no card is expected.
    assert RULE.expected(Scenario(2024, cf.REACHING_65.birth, cf.REACHING_65.moved_in, as_of=cf.REACHING_65.as_of
                                  .replace(day=30)), TOWN_CODE) == {"問題": "HTTP 404"}


def test_the_rule_is_a_registered_check_bound_to_the_issue() -> None:
    assert "scenario.kaigo_form.issued" in default_registry()
    assert bound_requirements(BINDINGS)["scenario.kaigo_form.issued"] == {"kaigo-2025.12-2.26.0.1.0-R001"}
    assert RULE.ask is not None and RULE.form == cf.FORM_ID and RULE.asked == "POST /forms/kaigo_hihokenshasho"


def test_the_clean_reference_issues_it() -> None:
    assert failed_requirements(frozenset(), cf.FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize(("name", "refused", "issued"), [
    ("kaigo_hihokenshasho_from_birthday", "issued", "second_issued"),
    ("kaigo_hihokenshasho_second_refused", "second_issued", "issued")])
def test_each_refusal_fails_exactly_its_requirement_with_the_finding_at_the_form(name: str, refused: str,
                                                                                issued: str) -> None:
    # Refused on the day 65 is reached, or to a 第二号被保険者 who applied: that rule's finding, the other clean.
    assert failed_requirements(frozenset({name}), cf.FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)
    requirement = cast(Requirement, SimpleNamespace(id="kaigo-2025.12-2.26.0.1.0-R001"))
    with start_reference(defects=frozenset({name})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, records_path=RECORDS_PATH, forms=FormsTarget(statute=(cf.FORM_ID,)),
                        max_examples=2)
        context = CheckContext(requirement=requirement, target=target)
        (finding,) = default_registry().get(f"scenario.kaigo_form.{refused}")(context)
        assert list(default_registry().get(f"scenario.kaigo_form.{issued}")(context)) == []
    assert finding.code == f"scenario.kaigo_form.{refused}.mismatch"
    assert finding.location == "POST /forms/kaigo_hihokenshasho"
    assert json.loads(finding.actual) == {"問題": "HTTP 404"} and "氏名" in json.loads(finding.expected)


@settings(max_examples=budget(40), deadline=None)
@given(cf.certified_insured(other_codes(TOWN_CODE)))
def test_the_certified_persons_are_first_insured_and_certified_by_the_day_asked(scenario: Scenario) -> None:
    record = scenario.record("介護保険")
    assert cf.insured_on_the_day(scenario, TOWN_CODE) and scenario.as_of is not None
    assert record["要介護認定_申請年月日"] < record["要介護認定_認定年月日"] <= scenario.as_of.isoformat()


def test_the_care_level_and_the_opinion_are_read_off_the_card() -> None:
    # 法 第27条第7項第1号・第2号: 要介護状態区分 and the 審査会's 意見 on the card returned.
    level, opinion = cf.FORM_RULES["kaigo_form.care_level"], cf.FORM_RULES["kaigo_form.opinion"]
    card = [*CARD, "要介護状態区分等 要介護２", f"認定審査会の意見 {cf.OPINIONS[0]}"]
    document = {"行": card, "場面": cf.CERTIFIED}
    assert level.actual(document, LOADED) == level.expected(cf.CERTIFIED, TOWN_CODE) == {"要介護状態区分": "要介護2"}
    assert opinion.actual(document, LOADED) == opinion.expected(cf.CERTIFIED, TOWN_CODE)
    assert level.actual({"行": CARD, "場面": cf.CERTIFIED}, LOADED) == {"要介護状態区分": []}
    assert opinion.actual({"行": CARD, "場面": cf.CERTIFIED}, LOADED) == {"認定審査会の意見": None}
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.kaigo_form.care_level"] == {"kaigo-2025.12-1.27.0.7.0-R002", "kaigo-2025.12-1.27.0.7.1-R001"}
    assert bound["scenario.kaigo_form.opinion"] == {"kaigo-2025.12-1.27.0.7.0-R002", "kaigo-2025.12-1.27.0.7.2-R001"}


@pytest.mark.parametrize("name", ["kaigo_hihokenshasho_without_care_level", "kaigo_hihokenshasho_without_opinion"])
def test_each_card_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), cf.FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


@settings(max_examples=budget(60), deadline=None)
@given(cf.second_applicants(other_codes(TOWN_CODE)))
def test_the_applicants_drawn_are_second_insured_and_applied_by_the_day_asked(scenario: Scenario) -> None:
    assert cf._second_issued(scenario, TOWN_CODE) == {"氏名": cf.NAME, "生年月日": scenario.birth.isoformat()}
    assert not cf.insured_on_the_day(scenario, TOWN_CODE)


def test_a_second_insured_gets_the_card_from_the_day_of_the_application_only() -> None:
    # 施行規則 第26条第1項: 第二号被保険者…のうち法第二十七条第一項…の規定による申請を行ったもの.
    assert cf._second_issued(cf.SECOND_APPLIED, TOWN_CODE) == {"氏名": cf.NAME, "生年月日": "1975-06-06"}
    before = replace(cf.SECOND_APPLIED, as_of=date(2025, 6, 9))
    assert cf._second_issued(before, TOWN_CODE) == {"問題": "HTTP 404"}
    no_medical = replace(cf.SECOND_APPLIED, records=cf.SECOND_APPLIED.records[1:])
    assert cf._second_issued(no_medical, TOWN_CODE) == {"問題": "HTTP 404"}


def test_the_second_insureds_card_is_bound_with_the_first_ones() -> None:
    assert bound_requirements(BINDINGS)["scenario.kaigo_form.second_issued"] == {"kaigo-2025.12-2.26.0.1.0-R001"}
