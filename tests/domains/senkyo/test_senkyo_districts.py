"""選挙人名簿 per 投票区 (公職選挙法 第20条第2項; conformance/domains/senkyo/districts.py): the 投票区 the profile
declares by 町字, each registered person's judged through the per-person query; NOT_AUTOMATED without a
declaration; the named defect keeping one 名簿 for the town failing exactly its requirement."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from rule_probes import rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import _csv, _row, other_codes
from conformance.domains.senkyo import districts
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.locations import default_catalog_root, reference_profile
from conformance.profiles import Ordinance, SenkyoDeclared, load_profile
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"
CODES = other_codes(TOWN_CODE)
DECLARED = load_profile(reference_profile()).ordinance
#: Two 町字 of the test town in two 投票区 (a declaration other than the reference's: its 緑町 is 第二投票区 too).
TWO = Ordinance(senkyo=SenkyoDeclared(voting_districts={"本町一丁目": "第1投票区", "緑町": "第2投票区"}))


def test_without_a_declaration_the_rule_is_not_automated() -> None:
    with pytest.raises(NotAutomated, match=r"ordinance\.senkyo\.voting_districts"):
        districts._ordained(Ordinance())
    # A declaration naming no 町字 of the test town declares nothing the rule can draw.
    with pytest.raises(NotAutomated):
        districts._ordained(Ordinance(senkyo=SenkyoDeclared(voting_districts={"架空町": "第1投票区"})))


def test_the_worked_examples_live_in_each_declared_district_and_one_is_not_registered() -> None:
    rule = districts._ordained(TWO)
    answers = [(example.area, rule.expected(example, TOWN_CODE)) for example in rule.examples]
    assert answers == [(("本町一丁目", "4190101"), {"投票区": "第1投票区"}),
                       (("緑町", "4190131"), {"投票区": "第2投票区"}), (("本町一丁目", "4190101"), {"投票区": None})]


@settings(max_examples=budget(30), deadline=None)
@given(districts._living_in(TWO.senkyo.voting_districts)(CODES))
def test_the_drawn_persons_live_in_a_declared_town_area_as_their_rows_say(scenario: scenarios.Scenario) -> None:
    assert scenario.area is not None and scenario.area[0] in TWO.senkyo.voting_districts
    row = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")[0]
    assert (row["住所_町字"], row["住所_郵便番号"]) == scenario.area


def test_the_reference_answers_its_declared_districts_and_the_defect_fails_exactly_the_rule() -> None:
    name = districts.NAME
    assert rule_findings(frozenset(), SENKYO_RULES, BINDINGS, [name], ordinance=DECLARED) == {name: []}
    (finding, *_) = rule_findings(frozenset({"senkyo_one_voting_district"}), SENKYO_RULES, BINDINGS, [name],
                                  ordinance=DECLARED)[name]
    assert (finding.code, finding.requirement) == (f"scenario.{name}.mismatch", "senkyo-2025.12-1.20.0.2.0-R001")
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH}")
    # The second example: a registered person of さくら台一丁目 (the reference's first 町字 of 第二投票区).
    assert (finding.expected, finding.actual) == ('{"投票区": "第二投票区"}', '{"投票区": "第一投票区"}')


def test_a_declaration_other_than_the_vendors_is_found() -> None:
    # The reference set 緑町 in 第二投票区 but the profile says 第2投票区: the run judges against the declaration.
    (finding, *_) = rule_findings(frozenset(), SENKYO_RULES, BINDINGS, [districts.NAME], ordinance=TWO)[districts.NAME]
    assert finding.code == f"scenario.{districts.NAME}.mismatch"
