"""The 表示 of 第27条第1項 on a registered person barred by 第11条第1項 (conformance/domains/senkyo/indication.py):
the oracle's answers, both readings after the bar ends passing, the clean reference agreeing and the named defect
senkyo_no_indication_on_disqualification giving the exact finding on 第27条第1項 only."""

from __future__ import annotations

import json

from hypothesis import given, settings
from rule_probes import bound_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenarios import Scenario, other_codes
from conformance.domains.senkyo import indication
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.domains.senkyo.people import _as_of, person_of, sentence_of
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"
RULE = SENKYO_RULES[indication.NAME]
DEFECT = "senkyo_no_indication_on_disqualification"


def test_the_rule_is_a_registered_check_bound_to_article_27_1() -> None:
    assert bound_requirements(BINDINGS)[f"scenario.{indication.NAME}"] == {"senkyo-2025.12-1.27.0.1.0-R001"}
    assert set(DEFECTS[DEFECT].requirements) == {"senkyo-2025.12-1.27.0.1.0-R001"}


def test_the_worked_examples_barred_after_the_bar_a_fine_and_before_the_sentence() -> None:
    serving, released, fined, before = (RULE.expected(example, TOWN_CODE) for example in RULE.examples)
    assert serving == {"表示": True} and serving != {"表示": False}
    # After the bar ended (served 2025-02-10, asked 3月1日): the 表示 kept or removed, both pass.
    assert released == {"表示": True} and released == {"表示": False}
    assert fined == {"表示": False} and fined != {"表示": True}
    assert before == {"表示": False} and before != {"表示": True}


@settings(max_examples=budget(30), deadline=None)
@given(indication.sentenced_electors(other_codes(TOWN_CODE)))
def test_the_drawn_persons_were_registered_before_their_sentence(scenario: Scenario) -> None:
    sentence = sentence_of(scenario)
    assert sentence is not None
    assert senkyo.registration_day(person_of(scenario), sentence.final) is not None
    assert senkyo.is_registered(person_of(scenario), _as_of(scenario))


def test_the_clean_reference_agrees_and_the_defect_gives_the_finding() -> None:
    name = indication.NAME
    assert rule_findings(frozenset(), SENKYO_RULES, BINDINGS, [name], max_examples=10) == {name: []}
    (finding, *_) = rule_findings(frozenset({DEFECT}), SENKYO_RULES, BINDINGS, [name])[name]
    assert (finding.code, finding.requirement) == (f"scenario.{name}.mismatch", "senkyo-2025.12-1.27.0.1.0-R001")
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH}")
    # The first worked example: serving a 拘禁刑 on 2025-01-01, answered without the 表示.
    assert (json.loads(finding.expected or "null"), json.loads(finding.actual or "null")) == (
        {"表示": True}, {"表示": False})


def test_the_other_indication_rules_do_not_see_the_defect() -> None:
    names = ["senkyo.indication_on_move_out", "senkyo.indication_at_registration"]
    assert rule_findings(frozenset({DEFECT}), SENKYO_RULES, BINDINGS, names) == {name: [] for name in names}
