"""個人住民税's 均等割 and 所得割 rate as the municipality's 条例 sets them (地方税法 第310条, 第314条の3第1項:
標準税率, the 条例 sets the amount; issue 65 item 1, issue 66 item 2): the profile declares them
(``ordinance.kojin_juminzei``) and ``scenario.juminzei.kintowari`` and ``scenario.juminzei.rate`` judge the answer
from them; none declared, the 標準税率."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.checks.registry import NotAutomated
from conformance.domains.kojin_juminzei import checks as ks
from conformance.domains.kojin_juminzei.oracle import kintowari_levied, shotokuwari_rate_levied
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "kojin_juminzei" / "2025.12" / "bindings.yaml"
KINTOWARI, RATE = "juminzei.kintowari", "juminzei.rate"
#: The reference levies 3,500円 with this defect, 8% with the other: a vendor set up for a town whose 条例 says so.
AT_3500, AT_EIGHT = frozenset({"juminzei_kintowari_surcharge_kept"}), frozenset({"juminzei_designated_city_rate"})
DECLARED = Ordinance.model_validate({"kojin_juminzei": {"kintowari": 3500, "shotokuwari_percent": 8}})


def test_the_amounts_are_the_ordinances_or_the_standard() -> None:
    assert kintowari_levied(2025, None) == 3000
    assert kintowari_levied(2025, 3500) == 3500
    assert shotokuwari_rate_levied(TOWN_CODE, None) == 6
    assert shotokuwari_rate_levied(TOWN_CODE, 8) == 8
    assert shotokuwari_rate_levied("141003", None) == 8  # 横浜市, a 指定都市


def test_the_oracle_reads_the_declaration() -> None:
    kintowari = ks.TAX_RULES[KINTOWARI].ordained
    rate = ks.TAX_RULES[RATE].ordained
    assert kintowari is not None and rate is not None
    example = ks.MOVED_IN_ON_LEVY_DATE
    assert kintowari(DECLARED).expected(example, TOWN_CODE) == {"均等割額": 3500}
    assert rate(DECLARED).expected(example, TOWN_CODE) == {"所得割税率": 8}
    assert kintowari(Ordinance()).expected(example, TOWN_CODE) == {"均等割額": 3000}


def test_the_profile_refuses_a_rate_the_contract_cannot_answer() -> None:
    with pytest.raises(ValidationError, match=r"kojin_juminzei\.shotokuwari_percent"):
        Ordinance.model_validate({"kojin_juminzei": {"shotokuwari_percent": "7.7"}})
    with pytest.raises(ValidationError, match=r"kojin_juminzei\.kintowari"):
        Ordinance.model_validate({"kojin_juminzei": {"kintowari": -1}})


@pytest.mark.parametrize(("defects", "rule"), [(AT_3500, KINTOWARI), (AT_EIGHT, RATE)])
def test_a_vendor_at_its_declared_amount_passes(defects: frozenset[str], rule: str) -> None:
    assert rule_findings(defects, ks.TAX_RULES, BINDINGS, [rule], ordinance=DECLARED) == {rule: []}


@pytest.mark.parametrize(("rule", "field", "declared", "answered"), [(KINTOWARI, "均等割額", 3500, 3000),
                                                                    (RATE, "所得割税率", 8, 6)])
def test_a_vendor_at_the_standard_fails_a_declared_ordinance(rule: str, field: str, declared: int,
                                                             answered: int) -> None:
    found = rule_findings(frozenset(), ks.TAX_RULES, BINDINGS, [rule], ordinance=DECLARED)[rule]
    assert found
    for finding in found:
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
        assert (json.loads(finding.expected), json.loads(finding.actual)) == ({field: declared}, {field: answered})


EXEMPT = "juminzei.kintowari_exempt"
EXEMPT_RULES = {EXEMPT: ks.KINTOWARI_EXEMPT}
AT_450_000 = Ordinance.model_validate({"kojin_juminzei": {"kintowari_exempt_limit": 450_000}})


def test_the_kintowari_exemption_is_at_or_below_the_declared_amount() -> None:
    # 第295条第3項: 「条例で定める金額以下である者」: the amount itself is exempt.
    rule = ks.KINTOWARI_EXEMPT.ordained
    assert rule is not None
    at, above = rule(AT_450_000).examples
    assert rule(AT_450_000).expected(at, TOWN_CODE) == {"課する税": []}
    assert rule(AT_450_000).expected(above, TOWN_CODE) == {"課する税": ["均等割"]}


def test_without_a_declared_amount_the_exemption_is_not_automated() -> None:
    rule = ks.KINTOWARI_EXEMPT.ordained
    assert rule is not None
    with pytest.raises(NotAutomated, match=r"ordinance\.kojin_juminzei\.kintowari_exempt_limit"):
        rule(Ordinance())


def test_the_reference_at_its_towns_amount_passes_and_its_defect_fails() -> None:
    assert rule_findings(frozenset(), EXEMPT_RULES, BINDINGS, [EXEMPT], ordinance=AT_450_000) == {EXEMPT: []}
    found = rule_findings(frozenset({"juminzei_kintowari_limit_ignored"}), EXEMPT_RULES, BINDINGS, [EXEMPT],
                          ordinance=AT_450_000)[EXEMPT]
    assert found
    for finding in found:
        assert (finding.code, finding.requirement) == (f"scenario.{EXEMPT}.mismatch",
                                                       "kojin_juminzei-2025.12-1.295.0.3.0-R001")
        assert json.loads(finding.expected) == {"課する税": []}


def test_another_declared_amount_than_the_vendor_s_fails() -> None:
    found = rule_findings(frozenset(), EXEMPT_RULES, BINDINGS, [EXEMPT],
                          ordinance=Ordinance.model_validate({"kojin_juminzei": {"kintowari_exempt_limit": 300_000}}))
    assert found[EXEMPT] and json.loads(found[EXEMPT][0].expected) == {"課する税": ["均等割"]}
