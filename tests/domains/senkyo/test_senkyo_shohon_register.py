"""The 選挙人名簿抄本 of one elector read for who is on the 名簿 on the day, the 表示 and the 投票区
(conformance/domains/senkyo/shohon_register.py): conforming prints of other layouts and readings pass, the clean
reference agrees, and each named defect (senkyo_shohon_before_registration, senkyo_shohon_after_struck_off,
senkyo_shohon_indication_for_all, senkyo_shohon_one_voting_district, senkyo_shohon_without_election) gives the
finding at the form on its rule's requirements only."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import cast

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import APPEND_PATH, RECORDS_PATH, Loaded, Rule, Scenario, other_codes
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo import shohon_register as sr
from conformance.domains.senkyo.people import _as_of, person_of
from conformance.domains.senkyo.registration import LATE_NOTICE_REGISTERED, MOVED, MOVED_BEFORE_REGISTRATION
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root, reference_profile
from conformance.profiles import ApiTarget, FormsTarget, Ordinance, SenkyoDeclared, load_profile
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"
CODES = other_codes(TOWN_CODE)
DECLARED = load_profile(reference_profile()).ordinance
RULES = {rule.name: rule for rule in sr.SHOHON_REGISTER_RULES}
LOADED = Loaded("8999999990", ())
FORM = "POST /forms/senkyo_shohon"
#: A conforming print of an entry without the 表示, in another layout: the 投票区 before the 氏名, a field
#: 「表示：なし」.
PRINTED = ["選挙人名簿抄本", "第二投票区 見本　花子 静岡県見本町さくら台一丁目９９番１号", "女 昭和55年5月5日",
           "表示：なし", "発行番号 20261125 見本町 001 1/1"]


def _findings(name: str, defects: frozenset[str], ordinance: Ordinance | None = None) -> list[Finding]:
    """The findings of rule ``name``'s check (the run's path: worked examples, then drawn persons) against a
    reference with ``defects``, for a vendor whose profile names the 抄本 form."""
    requirement = cast(Requirement, SimpleNamespace(id=sorted(bound_requirements(BINDINGS)[f"scenario.{name}"])[0]))
    with start_reference(defects=defects) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, records_path=RECORDS_PATH,
                        forms=FormsTarget(statute=("senkyo_shohon",)), max_examples=4, ordinance=ordinance or DECLARED)
        return list(scenarios.run_rule(CheckContext(requirement=requirement, target=target), RULES[name]))


def _district_rule() -> Rule:
    rule = RULES[sr.DISTRICT_NAME]
    assert rule.ordained is not None
    return rule.ordained(DECLARED)


def test_the_rules_are_registered_checks_bound_to_their_provisions() -> None:
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.senkyo_form.shohon_registered"] == {"senkyo-2025.12-1.22.0.1.0-R001"}
    assert bound["scenario.senkyo_form.shohon_registered_in_election"] == {
        "senkyo-2025.12-1.22.0.2.0-R001", "senkyo-2025.12-1.22.0.3.0-R001"}
    assert bound["scenario.senkyo_form.shohon_struck_off"] == {
        "senkyo-2025.12-1.28.0.1.0-R001", "senkyo-2025.12-1.28.0.1.1-R001", "senkyo-2025.12-1.28.0.1.2-R001"}
    assert bound["scenario.senkyo_form.shohon_indication"] == {
        "senkyo-2025.12-1.27.0.1.0-R001", "senkyo-2025.12-1.27.0.2.0-R001"}
    assert bound["scenario.senkyo_form.shohon_district"] == {"senkyo-2025.12-1.20.0.2.0-R001"}
    registry = default_registry()
    assert all(f"scenario.{name}" in registry for name in RULES)
    assert all(rule.asked == FORM and rule.form == "senkyo_shohon" for rule in RULES.values())


def test_a_print_is_issued_a_404_is_refused_and_another_problem_is_shown_as_it_is() -> None:
    rule = RULES["senkyo_form.shohon_registered"]
    assert rule.actual({"行": PRINTED}, LOADED) == {"抄本": True}
    assert rule.actual({"問題": "HTTP 404"}, LOADED) == {"抄本": False}
    assert rule.actual({"問題": "form.not_pdf"}, LOADED) == {"問題": "form.not_pdf"}
    # Qualified from 3月10日 (three months from the 転入届), not yet registered on 4月1日: none; from 6月1日 one.
    assert [rule.expected(example, TOWN_CODE) for example in rule.examples] == [{"抄本": False}, {"抄本": True}]


def test_the_election_examples_before_the_base_day_and_registered_by_article_22_3_and_22_2() -> None:
    rule = RULES["senkyo_form.shohon_registered_in_election"]
    assert rule.needs_records
    assert [rule.expected(example, TOWN_CODE) for example in rule.examples] == [
        {"抄本": False}, {"抄本": True}, {"抄本": True}]


def test_the_struck_off_examples_are_on_the_register_before_and_off_after() -> None:
    rule = RULES["senkyo_form.shohon_struck_off"]
    assert [rule.expected(example, TOWN_CODE)["抄本"] for example in rule.examples] == [True, False, True, False]


@settings(max_examples=budget(30), deadline=None)
@given(sr.leaving(CODES))
def test_the_leaving_persons_were_registered_before_the_day_they_leave(scenario: Scenario) -> None:
    ended = scenario.moved_out
    assert ended is not None and senkyo.registration_day(person_of(scenario), ended) is not None


def test_the_indication_is_read_as_a_mark_or_an_item_and_a_field_of_none_is_none() -> None:
    rule = RULES["senkyo_form.shohon_indication"]
    assert rule.actual({"行": PRINTED}, LOADED) == {"表示": None}
    for shown in (["表示 転出"], ["※ 表示"], ["第27条の表示 有"], ["表示：第21条第2項"]):
        assert rule.actual({"行": [*PRINTED[:3], *shown]}, LOADED) == {"表示": True}, shown
    assert rule.actual({"行": [*PRINTED[:3], "表示 無"]}, LOADED) == {"表示": None}


def test_the_indication_may_be_left_off_but_never_printed_on_an_entry_without_it() -> None:
    rule = RULES["senkyo_form.shohon_indication"]
    resident, registered_moved_out, moved = (rule.expected(example, TOWN_CODE) for example in rule.examples)
    # Each asked in the 年度 of its day (people.Register: the contract's fiscal_year).
    assert (rule.examples[0], rule.examples[1], rule.examples[2]) == tuple(
        example.asked_on(example.as_of) for example in (LATE_NOTICE_REGISTERED, MOVED_BEFORE_REGISTRATION, MOVED)
        if example.as_of is not None)
    assert resident == {"表示": None}
    for indicated in (registered_moved_out, moved):
        assert indicated == {"表示": True} and indicated == {"表示": None}
    assert resident != {"表示": True}


def test_the_district_is_every_declared_name_printed() -> None:
    names = {"第一投票区", "第二投票区", "第三投票区"}
    assert sr.printed_names("第二投票区見本花子", names) == "第二投票区"
    assert sr.printed_names("見本花子", names) is None
    assert sr.printed_names("第一投票区第三投票区", names) == ["第一投票区", "第三投票区"]
    # A declared name inside a longer printed one is that one's part (北 in 北東: 北東 only).
    assert sr.printed_names("北東投票区", {"北", "北東"}) == "北東"


def test_the_district_rule_reads_the_print_and_allows_it_left_off() -> None:
    rule = _district_rule()
    sakura = rule.examples[1]
    assert sakura.area is not None and sakura.area[0] == "さくら台一丁目"
    assert rule.actual({"行": PRINTED}, LOADED) == rule.expected(sakura, TOWN_CODE) == {"投票区": "第二投票区"}
    left_off = [line.replace("第二投票区 ", "") for line in PRINTED]
    assert rule.actual({"行": left_off}, LOADED) == rule.expected(sakura, TOWN_CODE) == {"投票区": None}
    wrong = [line.replace("第二投票区", "第一投票区") for line in PRINTED]
    assert rule.actual({"行": wrong}, LOADED) != rule.expected(sakura, TOWN_CODE)


def test_without_a_declaration_the_district_rule_is_not_automated() -> None:
    rule = RULES[sr.DISTRICT_NAME]
    assert rule.ordained is not None
    with pytest.raises(NotAutomated, match=r"ordinance\.senkyo\.voting_districts"):
        rule.ordained(Ordinance())
    with pytest.raises(NotAutomated):
        rule.ordained(Ordinance(senkyo=SenkyoDeclared(voting_districts={"架空町": "第1投票区"})))


@settings(max_examples=budget(20), deadline=None)
@given(sr._electors_in(DECLARED.senkyo.voting_districts)(CODES))
def test_the_district_electors_are_registered_in_a_declared_town_area(scenario: Scenario) -> None:
    assert scenario.area is not None and scenario.area[0] in DECLARED.senkyo.voting_districts
    assert senkyo.is_registered(person_of(scenario), _as_of(scenario))


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_clean_reference_agrees(name: str) -> None:
    assert _findings(name, frozenset()) == []


#: Each defect, its rule and the finding of its first worked example it disagrees on: (expected, actual).
DEFECT_FINDINGS = {
    "senkyo_shohon_before_registration": ("senkyo_form.shohon_registered", {"抄本": False}, {"抄本": True}),
    "senkyo_shohon_after_struck_off": ("senkyo_form.shohon_struck_off", {"抄本": False}, {"抄本": True}),
    "senkyo_shohon_without_election": ("senkyo_form.shohon_registered_in_election", {"抄本": True}, {"抄本": False}),
    "senkyo_shohon_indication_for_all": ("senkyo_form.shohon_indication", {"表示": None}, {"表示": True}),
    "senkyo_shohon_one_voting_district": ("senkyo_form.shohon_district", {"投票区": {"any_of": ["第二投票区", None]}},
                                           {"投票区": "第一投票区"}),
}


@pytest.mark.parametrize("defect", sorted(DEFECT_FINDINGS))
def test_each_defect_gives_the_finding_at_the_form_on_its_rule_only(defect: str) -> None:
    name, expected, actual = DEFECT_FINDINGS[defect]
    found = {rule: _findings(rule, frozenset({defect})) for rule in RULES}
    assert {rule for rule, findings in found.items() if findings} == {name}
    finding = found[name][0]
    assert (finding.code, finding.location) == (f"scenario.{name}.mismatch", FORM)
    assert (json.loads(finding.expected or "null"), json.loads(finding.actual or "null")) == (expected, actual)
    assert {requirement for requirement in bound_requirements(BINDINGS)[f"scenario.{name}"]} == \
        set(DEFECTS[defect].requirements)


def test_a_vendor_without_the_form_or_the_records_gets_not_automated() -> None:
    requirement = cast(Requirement, SimpleNamespace(id="senkyo-2025.12-1.22.0.2.0-R001"))
    with start_reference() as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        data = TestData(({"住所_市区町村コード": TOWN_CODE},))
        without_form = Target(catalog=jumin_edition(), http=client, data=data, append_path=APPEND_PATH,
                              records_path=RECORDS_PATH, ordinance=DECLARED)
        without_records = Target(catalog=jumin_edition(), http=client, data=data, append_path=APPEND_PATH,
                                 forms=FormsTarget(statute=("senkyo_shohon",)), ordinance=DECLARED)
        with pytest.raises(NotAutomated, match=r"targets\.forms\.statute does not name senkyo_shohon"):
            list(scenarios.run_rule(CheckContext(requirement=requirement, target=without_form),
                                    RULES["senkyo_form.shohon_registered"]))
        with pytest.raises(NotAutomated, match=r"targets\.load\.records_path"):
            list(scenarios.run_rule(CheckContext(requirement=requirement, target=without_records),
                                    RULES["senkyo_form.shohon_registered_in_election"]))
