"""印鑑登録 against an outside product (issue 66): the rules its log found unexercised are judged now, each check
catching the defect it is about with its own finding at the per-person query, and a vendor of another allowed
reading (other words after each reason's cite, 登録 false rather than null before the application) passing.

Each defect is the reference's named one (conformance_reference/inkan/inkan.defects.yaml), the same slip as one the
outside product planted: the start of the record ignored (no_start), the 印影 compared with a fixed name
(fixed_name), the 通称 ignored (no_tsusho), 登録できない理由 always empty (no_reasons); and two more: 第2条第2項第2号
cited for a person under 15, the application judged on the day asked."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from rule_probes import rewritten_from_records, rule_findings

from conformance.checks.scenarios import QUERY_PATH, Scenario, other_codes
from conformance.domains.inkan import checks as ks
from conformance.domains.inkan.checks import INKAN_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "inkan" / "2025.12" / "bindings.yaml"
ISSUE_66 = ["inkan.resident", "inkan.name", "inkan.reasons", "inkan.asked"]


def test_the_clean_reference_has_no_finding() -> None:
    found = rule_findings(frozenset(), INKAN_RULES, BINDINGS, ISSUE_66)
    assert {name: findings for name, findings in found.items() if findings} == {}


@pytest.mark.parametrize(("defect", "rule"), [
    ("inkan_start_ignored", "inkan.resident"),
    ("inkan_sample_name", "inkan.name"),
    ("inkan_tsusho_ignored", "inkan.name"),
    ("inkan_no_reasons", "inkan.reasons"),
    ("inkan_capacity_under_fifteen", "inkan.reasons"),
    ("inkan_judged_on_as_of", "inkan.asked"),
])
def test_each_defect_is_its_rule_s_mismatch_at_the_query(defect: str, rule: str) -> None:
    findings = rule_findings(frozenset({defect}), INKAN_RULES, BINDINGS, [rule])[rule]
    assert findings, defect
    assert {finding.code for finding in findings} == {f"scenario.{rule}.mismatch"}
    assert all(str(finding.location).startswith(f"GET {QUERY_PATH} fiscal_year=") for finding in findings)


def test_a_latin_letter_of_no_name_allowed_is_the_name_finding() -> None:
    # 亘理町 第3条第2項第1号: 見本　花子's 印影 X holds no character of her names (LATIN_LETTER): not registered; the
    # defect takes Latin letters as a name (the tool mutant the draws missed: statute_survivors.toml).
    assert ks._name(ks.LATIN_LETTER, TOWN_CODE) == {"登録": False}
    (finding,) = rule_findings(frozenset({"inkan_latin_allowed"}), INKAN_RULES, BINDINGS, ["inkan.name"])["inkan.name"]
    assert finding.code == "scenario.inkan.name.mismatch"
    assert str(finding.location) == f"GET {QUERY_PATH} fiscal_year=2024"
    assert (finding.expected, finding.actual) == ('{"登録": false}', '{"登録": true}')


def test_the_name_draws_reach_latin_letters_of_no_name() -> None:
    seen: set[bool] = set()

    @settings(max_examples=120, deadline=None)
    @given(ks.impressions(other_codes(TOWN_CODE)))
    def draw(scenario: Scenario) -> None:
        seen.add(ks._facts(scenario)["印影文字"] in ks.LATIN)

    draw()
    assert seen == {True, False}


def test_an_unknown_birth_moved_out_is_refused_and_the_empty_answer_is_the_resident_finding() -> None:
    # 亘理町 第2条第1項 bars whatever the age: a wholly 不詳 生年月日 (UNKNOWN_BIRTH_MOVED_OUT) leaves 第2条第2項第1号
    # unread, not the rest; the defect gives the empty answer (the register's 生年月日 gap).
    assert ks._resident(ks.UNKNOWN_BIRTH_MOVED_OUT, TOWN_CODE) == {"登録": False}
    rule = "inkan.resident"
    assert rule_findings(frozenset(), INKAN_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"inkan_unknown_birth_unjudged"}), INKAN_RULES, BINDINGS, [rule])[rule]
    assert finding.code == "scenario.inkan.resident.mismatch"
    assert str(finding.location) == f"GET {QUERY_PATH} fiscal_year=2024"
    assert (finding.expected, finding.actual) == ('{"登録": false}', '{"登録": null}')


def test_under_fifteen_the_capacity_is_not_a_reason() -> None:
    """第2条第2項第2号 「第1号に掲げる者を除く」: the defect's answer cites it, the oracle does not."""
    finding = rule_findings(frozenset({"inkan_capacity_under_fifteen"}), INKAN_RULES, BINDINGS,
                            ["inkan.reasons"])["inkan.reasons"][0]
    assert "第2条第2項第2号" in json.loads(finding.actual or "{}")["登録できない理由"]
    assert "第2条第2項第2号" not in json.dumps(json.loads(finding.expected or "{}"), ensure_ascii=False)


def _other_words(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """Another allowed reading: each reason its cite and other words; nothing applied for yet: 登録 false."""
    if params.get("as_of", "") < record.get("申請年月日", ""):
        return {"登録": False, "登録できない理由": None}
    reasons = part.get("登録できない理由")
    if isinstance(reasons, list):
        part["登録できない理由"] = [f"{reason.split('（')[0]}: 登録できません" for reason in reasons]
    return part


def test_another_allowed_reading_passes() -> None:
    found = rule_findings(frozenset(), INKAN_RULES, BINDINGS, ISSUE_66,
                          client_type=rewritten_from_records(ks.PART, _other_words))
    assert {name: findings for name, findings in found.items() if findings} == {}
