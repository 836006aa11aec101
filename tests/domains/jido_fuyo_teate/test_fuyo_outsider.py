"""児童扶養手当: what an outside system (issue 66, session 36) implemented from the law and no check judged.

- 第4条第2項's 柱書 gives each claimant its own 号 (a 母 or 養育者 第1号-第4号, a 父 第1号, 第2号, 第5号,
  第6号): a system applying every 号 to every claimant passed; the four rules of the 号 that apply to some claimants
  only now draw every claimant, and that system fails each with the rule's finding.
- 法第9条第2項 counts 8割 of the 養育費 of a 父's child (paid by the 母) as it does a 母's: a system counting it for
  a 母 only passed; the support rule now draws a 父, and that system fails it.
- Two rules the outsider implemented that the bundled reference broke (a 養育者's 養育費 counts none; 生計維持児童
  raise the 第9条 limits): the reference is fixed and the rules draw them; the reference's old behaviour is a named
  defect each (jido_fuyo_carer_support_counted, jido_fuyo_maintained_children_ignored) that fails its rules with the
  rules' findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from rule_probes import rewritten_from_records, rule_findings
from scheduled import budget

from conformance.checks.scenarios import Scenario, other_codes
from conformance.domains.jido_fuyo_teate import checks as fs
from conformance.domains.jido_fuyo_teate import oracle as fuyo
from conformance.domains.jido_fuyo_teate.checks import FUYO_RULES, RECORD_RULES
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "jido_fuyo_teate" / "2025.12" / "bindings.yaml"
QUERY = "GET /residents/{atena}/qualifications"
#: The rules of the 号 of 第4条第2項 that apply to some claimants only.
PARTIAL_NUMBERS = ("jido_fuyo_teate.with_father", "jido_fuyo_teate.mothers_spouse", "jido_fuyo_teate.with_mother",
                   "jido_fuyo_teate.fathers_spouse")
SUPPORT = "jido_fuyo_teate.support"
#: Each case of 第4条第2項 the rewriting below applies to every claimant: (the fact, the 障害 that excepts it).
_CASES = (("父と生計同一", "父_障害"), ("母の配偶者に養育", "配偶者_障害の父母"), ("母と生計同一", "母_障害"),
          ("父の配偶者に養育", "配偶者_障害の父母"))


def _every_number(record: Mapping[str, str], _: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outsider's m7 and m8: each case of 第4条第2項第3号-第6号 stops the 手当 of any claimant."""
    if any(record.get(fact) == "1" and record.get(excepted) != "1" for fact, excepted in _CASES):
        part["支給対象"] = False
    return part


def _mothers_support_only(record: Mapping[str, str], _: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outsider's m1: the 養育費 counted for a 母 only (a 父's 所得額 is its 前年所得)."""
    if record.get("受給者区分") == "父":
        part["所得額"] = int(record["前年所得"])
    return part


EveryNumber, MothersSupportOnly = (rewritten_from_records(fs.PART, change)
                                   for change in (_every_number, _mothers_support_only))


def _only_mismatches(found: Mapping[str, Sequence[Finding]]) -> None:
    """Each rule of ``found`` failed, with its own mismatch only, each at the per-person query of a 年度."""
    for name, findings in found.items():
        assert findings and {finding.code for finding in findings} == {f"scenario.{name}.mismatch"}
        assert all(finding.where.startswith(f"{QUERY} fiscal_year=") for finding in findings)


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(RECORD_RULES[name].scenarios(CODES) for name in PARTIAL_NUMBERS)))
def test_the_partial_numbers_draw_every_claimant(scenario: Scenario) -> None:
    assert scenario.record(fs.PART)["受給者区分"] in ("母", "父", "養育者")


def test_each_claimant_is_paid_for_where_its_numbers_do_not_hold() -> None:
    for example in (fs.FATHER_SHARING, fs.FATHER_STEPFATHER, fs.CARER_WITH_MOTHER, fs.MOTHER_STEPMOTHER):
        assert fs._paid_for(example, TOWN_CODE) == {"支給対象": True}
        assert _every_number(example.record(fs.PART), {}, {"支給対象": True}) == {"支給対象": False}


@pytest.mark.parametrize("client_type", [RequestsHttpClient], ids=["reference"])
def test_the_reference_passes_the_partial_numbers_and_the_support(client_type: type[RequestsHttpClient]) -> None:
    names = (*PARTIAL_NUMBERS, SUPPORT)
    found = rule_findings(frozenset(), {**FUYO_RULES, **RECORD_RULES}, BINDINGS, names, client_type=client_type,
                          max_examples=10)
    assert found == {name: [] for name in names}


@pytest.mark.parametrize("rule", PARTIAL_NUMBERS)
def test_a_system_applying_every_number_to_every_claimant_fails(rule: str) -> None:
    _only_mismatches(rule_findings(frozenset(), RECORD_RULES, BINDINGS, [rule], client_type=EveryNumber,
                                   max_examples=1))


def test_the_support_rule_draws_a_father_who_qualifies() -> None:
    father = fs.FATHER_WITH_SUPPORT.record(fs.PART)
    assert (father["受給者区分"], father["監護"], father["生計同一"]) == ("父", "1", "1")
    assert fs._qualifies(fs.FATHER_WITH_SUPPORT, TOWN_CODE) == {"支給要件該当": True}
    assert fs.FATHER_WITH_SUPPORT in FUYO_RULES[SUPPORT].examples


def test_a_carers_income_counts_no_support() -> None:
    # 法第9条第2項 names the 母 and the 父 only: a 養育者's 所得額 is its 前年所得; drawn since the reference was fixed.
    assert fuyo.counted_income(500_000, 50_001, "養育者") == 500_000
    assert fs._income(fs.CARER_WITH_SUPPORT, TOWN_CODE) == {"所得額": 500_000}
    assert fs.CARER_WITH_SUPPORT in FUYO_RULES[SUPPORT].examples


@pytest.mark.parametrize("kind", ["母", "父", "養育者"])
def test_the_support_rule_draws_every_claimant(kind: str) -> None:
    found = find(FUYO_RULES[SUPPORT].scenarios(CODES), lambda s: s.record(fs.PART)["受給者区分"] == kind,
                 settings=settings(max_examples=500, database=None))
    assert int(found.record(fs.PART)["養育費"]) > 0


def test_the_reference_counting_a_carers_support_fails_the_support_rule() -> None:
    # The reference before issue 66: 8割 of a 養育者's 養育費 counted (CARER_WITH_SUPPORT: 540,001円; the law:
    # 500,000円).
    _only_mismatches(rule_findings(frozenset({"jido_fuyo_carer_support_counted"}), FUYO_RULES, BINDINGS, [SUPPORT],
                                   max_examples=1))


def test_a_system_counting_the_mothers_support_only_fails() -> None:
    _only_mismatches(rule_findings(frozenset(), FUYO_RULES, BINDINGS, [SUPPORT], client_type=MothersSupportOnly,
                                   max_examples=1))


LIMITS = ("jido_fuyo_teate.full_limit_dependants", "jido_fuyo_teate.stop_limit")


def test_the_first_limits_count_the_maintained_children() -> None:
    # 施行令 第2条の4第1項第2号イ, 第2項第1号ロ(1): 38万円 for each 生計維持児童 as for each 加算対象扶養親族等.
    assert fs._kind(fs.WITH_MAINTAINED_CHILD, TOWN_CODE) == {"支給区分": "全部支給"}
    assert fs._kind(fs.AT_THE_LIMIT_WITH_MAINTAINED_CHILD, TOWN_CODE) == {"支給区分": "一部支給"}
    assert fs._kind(fs.STOPPED_WITH_MAINTAINED_CHILDREN, TOWN_CODE) == {"支給区分": "全部停止"}
    assert fs._kind(fs.BELOW_STOP_WITH_MAINTAINED_CHILDREN, TOWN_CODE) == {"支給区分": "一部支給"}
    drawn = {example for name in LIMITS for example in FUYO_RULES[name].examples}
    assert drawn >= {fs.WITH_MAINTAINED_CHILD, fs.AT_THE_LIMIT_WITH_MAINTAINED_CHILD,
                     fs.STOPPED_WITH_MAINTAINED_CHILDREN, fs.BELOW_STOP_WITH_MAINTAINED_CHILDREN}


@pytest.mark.parametrize("name", LIMITS)
def test_the_limit_rules_draw_maintained_children(name: str) -> None:
    found = find(FUYO_RULES[name].scenarios(CODES), lambda s: int(s.record(fs.PART).get("生計維持児童の数", "0")) > 0,
                 settings=settings(max_examples=500, database=None))
    record = found.record(fs.PART)
    dependants = int(record["加算対象扶養親族等の数"]) + int(record["生計維持児童の数"])
    assert 1 <= dependants <= 3


def test_the_reference_leaving_out_maintained_children_fails_both_limits() -> None:
    # The reference before issue 66: 1,449,999円 with one of each answered 一部支給 (the law: 全部支給), and 2,840,000円
    # with two 生計維持児童 一部支給 (the law: 全部停止).
    _only_mismatches(rule_findings(frozenset({"jido_fuyo_maintained_children_ignored"}), FUYO_RULES, BINDINGS, LIMITS,
                                   max_examples=1))


QUALIFYING = ("jido_fuyo_teate.mother", "jido_fuyo_teate.father", "jido_fuyo_teate.carer")


@pytest.mark.parametrize("name", QUALIFYING)
def test_the_qualifying_rules_draw_children_no_longer_children(name: str) -> None:
    # The outsider's m4: some draws have no child a 児童 on as_of, and the answer is then false whatever the flags.
    found = find(RECORD_RULES[name].scenarios(CODES),
                 lambda s: s.as_of is not None and not fuyo.has_child(s.children, s.as_of),
                 settings=settings(max_examples=1000, database=None))
    assert fs._qualifies(found, TOWN_CODE) == {"支給要件該当": False}


def test_the_reference_qualifying_without_a_child_fails_the_qualifying_rules() -> None:
    # The reference before issue 66: 支給要件該当 true for a 母 whose only child was a 児童 no more (MOTHER_AGED_OUT).
    _only_mismatches(rule_findings(frozenset({"jido_fuyo_qualifies_without_child"}), RECORD_RULES, BINDINGS,
                                   QUALIFYING, max_examples=1))


def test_the_reference_passes_the_new_draws() -> None:
    names = (*LIMITS, SUPPORT, *QUALIFYING)
    assert rule_findings(frozenset(), {**FUYO_RULES, **RECORD_RULES}, BINDINGS, names, max_examples=10) == {
        name: [] for name in names}
