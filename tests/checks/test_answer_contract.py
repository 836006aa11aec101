"""Every per-person answer a statute rule receives is held whole to the domain's published schema (issue 66,
conformance/checks/answer_contract.py): a key no rule reads, outside its published values, is the finding
``driver.answer_contract`` of the rule that received the answer, naming the key, what the schema allows, the value
met (bounded) and the scenario with its seed."""

from __future__ import annotations

from typing import Any

from rule_probes import rewritten_answers, rule_findings

from conformance.catalog.contract import load_contract, query_answer_schema
from conformance.checks import scenarios
from conformance.checks.answer_contract import CONTRACT_CODE, OUTSIDE, query_breaches
from conformance.checks.scenarios import Loaded
from conformance.domains.jumin.rules import RULES as JUMIN_RULES
from conformance.domains.keijidosha_zei import checks as ks
from conformance.domains.keijidosha_zei.checks import KEIJI_RULES
from conformance.domains.kokuho.forms import FORM_RULES
from conformance.locations import default_catalog_root

BINDINGS = default_catalog_root() / "keijidosha_zei" / "2025.12" / "bindings.yaml"
#: A conforming answer of a vehicle not liable (the reference's, as the contract publishes it).
NOT_LIABLE = {"宛名番号": "8999999990", "年度": 2025, "軽自動車税": {
    "納税義務者": False, "車両区分": "2ハ(1)(ii)", "種別割税額": None, "納期限": None, "納税通知書交付日": None,
    "徴収方法": None, "環境性能割税率": 3, "環境性能割の納税義務者": None}}
#: The levy-date rule reads 納税義務者 alone (第463条の16).
LEVY = KEIJI_RULES["keijidosha_zei.levy_date"]
LOADED = Loaded("8999999990", ())
CLASS_BREACH = ('/軽自動車税/車両区分: enum ["1イ", "1ロ", "1ハ", "1ニ", "1ホ", "2イ", "2ロ", "2ハ(1)(i)", '
                '"2ハ(1)(ii)", "2ハ(2)(i)", "2ハ(2)(ii)", "3"] (got string "不明")')


def _with(**fields: Any) -> dict[str, Any]:
    return {**NOT_LIABLE, "軽自動車税": {**NOT_LIABLE["軽自動車税"], **fields}}


def test_a_conforming_answer_is_read_by_the_rule() -> None:
    assert query_breaches("keijidosha_zei", NOT_LIABLE) == ()
    assert scenarios.read_answer(LEVY, NOT_LIABLE, LOADED) == {"納税義務者": False}


def test_a_key_the_rule_does_not_read_outside_its_values_is_the_breach() -> None:
    # 車両区分 is not read by the levy-date rule: the whole answer is held to the schema all the same.
    breaching = _with(車両区分="不明")
    assert query_breaches("keijidosha_zei", breaching) == (CLASS_BREACH,)
    assert scenarios.read_answer(LEVY, breaching, LOADED) == {OUTSIDE: [CLASS_BREACH]}


def test_a_breach_names_the_key_the_schema_and_a_bounded_value() -> None:
    long = "X" * 500  # vendor output is untrusted: at most 40 characters of it are quoted
    (breach,) = query_breaches("keijidosha_zei", _with(納期限=long))
    assert breach.startswith('/軽自動車税/納期限: pattern "^[0-9]{4}-')
    assert breach.endswith(f'(got string "{"X" * 39}…)')
    assert query_breaches("keijidosha_zei", _with(種別割税額="1000")) == (
        '/軽自動車税/種別割税額: type "integer" (got string "1000")',)
    assert query_breaches("keijidosha_zei", {"年度": 2025}) == ('/: required ["軽自動車税"] (got object)',)


def test_the_validated_schema_is_the_published_one() -> None:
    contract = load_contract(default_catalog_root(), "keijidosha_zei")
    assert contract is not None
    published = query_answer_schema(contract.query)
    assert published["properties"]["軽自動車税"]["properties"]["車両区分"]["anyOf"][0]["enum"][-1] == "3"


def test_a_print_and_a_rule_of_no_statute_domain_are_not_validated() -> None:
    assert LEVY.contract == "keijidosha_zei"
    assert all(rule.ask is not None and rule.contract is None for rule in FORM_RULES.values())
    assert all(rule.contract is None for rule in JUMIN_RULES.values())


def _unread_class(part: dict[str, Any]) -> None:
    if part.get("納税義務者") is False and part.get("車両区分"):
        part["車両区分"] = "不明"


def test_the_run_gives_the_contract_finding_of_the_rule_that_received_the_answer() -> None:
    name = "keijidosha_zei.levy_date"
    assert rule_findings(frozenset(), KEIJI_RULES, BINDINGS, [name]) == {name: []}
    found = rule_findings(frozenset(), KEIJI_RULES, BINDINGS, [name],
                          client_type=rewritten_answers(ks.PART, _unread_class))[name]
    (finding,) = found  # every breaching answer breaches alike: one finding
    assert finding.code == CONTRACT_CODE
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert finding.actual == CLASS_BREACH
    assert "keijidosha_zei" in finding.expected and "seed" in finding.message


def test_the_named_defect_is_the_contract_finding_of_each_rule_it_fails() -> None:
    found = rule_findings(frozenset({"keijidosha_unknown_class_echoed"}), KEIJI_RULES, BINDINGS, list(KEIJI_RULES))
    failing = {name for name, findings in found.items() if findings}
    assert failing == {"keijidosha_zei.levy_date", "keijidosha_zei.stationed", "keijidosha_zei.user"}
    for name in failing:
        assert {(finding.code, finding.actual) for finding in found[name]} == {(CONTRACT_CODE, CLASS_BREACH)}
