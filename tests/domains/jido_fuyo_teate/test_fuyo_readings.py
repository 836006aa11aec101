"""児童扶養手当: the inputs with a defined meaning and the readings the register names (issue 65; the outside
児童扶養手当 vendor's F1-F3, provisions.yaml 第4条第1項, 第5条第1項, 第9条の2第1項, 施行令 第2条の4第7項).

- F1: a flag not sent does not hold (the published load_record), so a 母 without 監護 meets no 第4条第1項 and is
  paid nothing; every scenario that reads an amount sends a 母 who 監護 her children. A vendor answering 0 for
  a 母 without 監護 passes; one that pays nothing fails with the rule's finding.
- F2: 月額.金額 before or after the 支給停止: the amounts are read only of claimants no 所得 stops, where the two
  readings are one figure; the reference (after: it subtracts the 一部支給停止額) and a vendor answering before
  both pass.
- F3: 養育者所得停止 of a 母 or 父 and 扶養義務者所得停止 without 扶養義務者_前年所得 do not apply: null or false,
  the harness reading them only of a 養育者 (where the item is sent); the schema allows null.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import rewritten_from_records, rule_findings
from scheduled import budget

from conformance.catalog.contract import load_contract
from conformance.checks.scenarios import Scenario, other_codes
from conformance.domains.jido_fuyo_teate import checks as fs
from conformance.domains.jido_fuyo_teate import oracle as fuyo
from conformance.domains.jido_fuyo_teate.checks import FUYO_RULES, RECORD_RULES
from conformance.locations import default_catalog_root
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE
from conformance_reference.jido_fuyo_teate.jido_fuyo import jido_fuyo

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "jido_fuyo_teate" / "2025.12" / "bindings.yaml"
#: The rules that read 月額.金額 or a figure of 第9条 (the outsider's five FAILs were of the first three).
AMOUNTS = ("jido_fuyo_teate.whole_month", "jido_fuyo_teate.additions", "jido_fuyo_teate.partial_stop")
AMOUNT_RULES = {name: FUYO_RULES[name] for name in AMOUNTS}
QUERY = "GET /residents/{atena}/qualifications"


# -- F1: the scenarios' claimants meet 第4条第1項 -------------------------------------------------------------------


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in FUYO_RULES.values())))
def test_every_amount_scenario_sends_a_mother_who_meets_article_4(scenario: Scenario) -> None:
    record = scenario.record(fs.PART)
    # 法第9条第2項's rule (support) also draws a 父 and a 養育者, who qualify; the others a 母 only.
    assert record["受給者区分"] == "母" or (record["受給者区分"] in ("父", "養育者") and record["養育費"] != "0")
    assert record["監護"] == "1"
    # child_end's children reach 18 around the 年度: with none a 児童 on as_of no claimant meets 第4条第1項 (the
    # others' children are 児童 through the year: test_children_outside_child_end_stay_児童_through_the_year).
    assert scenario.as_of is not None
    assert fs._qualifies(scenario, TOWN_CODE) == {"支給要件該当": fuyo.has_child(scenario.children, scenario.as_of)}


def test_a_mother_without_kango_meets_no_article_4_and_the_examples_send_it() -> None:
    without = fs._with_items(fs.THREE_CHILDREN, {"監護": None})
    assert "監護" not in without.record(fs.PART)
    assert fs._qualifies(without, TOWN_CODE) == {"支給要件該当": False}
    assert fs._qualifies(fs.THREE_CHILDREN, TOWN_CODE) == {"支給要件該当": True}
    # The rules of 第4条第1項 draw the flag themselves: false is left out there, as before.
    assert "監護" not in fs._with_items(fs.CLAIMED, {"監護": False}).record(fs.PART)


def _article_four(record: Mapping[str, str], _: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outside vendor's reading: a 母 whose 監護 is not sent has no 監護等児童 and is paid nothing (her
    一部支給停止額 made -1, a figure no check expects: the rewriting is never reached once the scenarios send 監護;
    before they did, this vendor failed whole_month, additions and partial_stop, as the outside one did)."""
    if record.get("受給者区分") == "母" and record.get("監護") != "1":
        for entry in part["月額"]:
            entry["金額"] = 0
        part["一部支給停止額"] = -1
    return part


def _unpaid(_: Mapping[str, str], __: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """A vendor paying nothing whatever the record: the wrong answer."""
    for entry in part["月額"]:
        entry["金額"] = 0
    return part


def _before_stops(part: dict[str, Any]) -> None:
    """月額.金額 before the 一部支給停止額 (the reference answers after it)."""
    for entry in part["月額"]:
        if entry["金額"]:
            entry["金額"] += part["一部支給停止額"] or 0


def _before(_: Mapping[str, str], __: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """F2's other reading: 月額.金額 before the 一部支給停止額."""
    _before_stops(part)
    return part


ArticleFour, Unpaid, BeforeStops = (rewritten_from_records(fs.PART, change)
                                    for change in (_article_four, _unpaid, _before))


@pytest.mark.parametrize("client_type", [RequestsHttpClient, ArticleFour, BeforeStops],
                         ids=["reference", "absent_kango_unpaid", "before_stops"])
def test_a_vendor_of_each_reading_passes_the_amounts(client_type: type[RequestsHttpClient]) -> None:
    found = rule_findings(frozenset(), AMOUNT_RULES, BINDINGS, AMOUNT_RULES, client_type=client_type,
                          max_examples=10)
    assert found == {name: [] for name in AMOUNT_RULES}


@pytest.mark.parametrize("rule", ["jido_fuyo_teate.whole_month", "jido_fuyo_teate.additions"])
def test_a_vendor_paying_nothing_fails_with_the_rules_finding(rule: str) -> None:
    found = rule_findings(frozenset(), AMOUNT_RULES, BINDINGS, [rule], client_type=Unpaid, max_examples=1)[rule]
    assert found and {finding.code for finding in found} == {f"scenario.{rule}.mismatch"}
    assert all(finding.where.startswith(f"{QUERY} fiscal_year=") for finding in found)


# -- F2: no amount is read where a 支給停止 would make the readings differ ------------------------------------------


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(FUYO_RULES[name].scenarios(CODES) for name in ("jido_fuyo_teate.whole_month",
                                                                    "jido_fuyo_teate.additions"))))
def test_the_amounts_are_read_only_where_nothing_stops_them(scenario: Scenario) -> None:
    record = scenario.record(fs.PART)
    income = fuyo.counted_income(int(record["前年所得"]), int(record["養育費"]))
    assert fuyo.kind(income, int(record["加算対象扶養親族等の数"])) == "全部支給"  # no 一部支給停止額, no 全部停止
    assert record["受給者区分"] == "母"  # 法第9条の2 is a 養育者's
    assert "扶養義務者_前年所得" not in record  # 法第10条
    assert "受給者_国外" not in record


def test_the_before_reading_differs_from_the_after_one_where_a_part_is_stopped() -> None:
    # The rewriting of BeforeStops is no no-op: on an 一部支給 answer it adds the part stopped back.
    part: dict[str, Any] = {"一部支給停止額": 7_970, "月額": [{"月": "2025-07", "金額": 41_100 - 7_970}]}
    _before_stops(part)
    assert part["月額"] == [{"月": "2025-07", "金額": 41_100}]


# -- F3: the stops that do not apply ------------------------------------------------------------------------------


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for name, rule in RECORD_RULES.items() if "limit" in name)))
def test_the_other_stops_are_read_only_where_they_apply(scenario: Scenario) -> None:
    record = scenario.record(fs.PART)
    assert record["受給者区分"] == "養育者" or "扶養義務者_前年所得" in record


def test_only_the_limit_rules_read_the_other_stops() -> None:
    readers = {name for name, rule in {**FUYO_RULES, **RECORD_RULES}.items()
               if {"養育者所得停止", "扶養義務者所得停止"} & set(rule.expected(rule.examples[0], TOWN_CODE))}
    assert readers == {"jido_fuyo_teate.carer_limit", "jido_fuyo_teate.carer_limit_dependants",
                       "jido_fuyo_teate.obligor_limit", "jido_fuyo_teate.obligor_limit_dependants"}


def test_the_contract_allows_null_for_the_other_stops() -> None:
    contract = load_contract(default_catalog_root(), "jido_fuyo_teate")
    assert contract is not None
    fields = contract.query[fs.PART].fields
    assert fields["養育者所得停止"].nullable and fields["扶養義務者所得停止"].nullable
    assert "null or false" in (fields["養育者所得停止"].meaning or "")
    assert "null or false" in (fields["扶養義務者所得停止"].meaning or "")


def test_the_reference_pays_nothing_to_a_mother_who_does_not_kango() -> None:
    # The contract's 月額.金額: 0 with no 監護等児童 (第5条第2項: 「母が監護するもの」); with 監護 "1", the 基本額.
    child = {"宛名番号": "2", "生年月日": "2015-05-05"}
    record = {"受給者区分": "母", "認定請求年月日": "2025-04-10"}
    without = jido_fuyo({"宛名番号": "1"}, [child], record, 2025, None, date(2025, 7, 1), frozenset())
    cared = jido_fuyo({"宛名番号": "1"}, [child], {**record, "監護": "1"}, 2025, None, date(2025, 7, 1),
                      frozenset())
    assert (without["支給要件該当"], cared["支給要件該当"]) == (False, True)
    assert {entry["金額"] for entry in without["月額"]} == {0}
    assert {entry["金額"] for entry in cared["月額"]} == {41_100}
    assert without["養育者所得停止"] is None and without["扶養義務者所得停止"] is None  # F3: null, they do not apply
