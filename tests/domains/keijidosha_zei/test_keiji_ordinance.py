"""軽自動車税 種別割 at the rates the municipality's 条例 sets (地方税法 第463条の15第1項: 標準税率 by class, the 条例
sets the rate; issue 65 item 1, issue 66 item 2): the profile declares them by class
(``ordinance.keijidosha_zei.rates``) and ``scenario.keijidosha_zei.rate`` judges the answer from them; a class
not declared, its 標準税率. 第2項's ceiling (1.5 times the 標準税率) is judged apart, whatever is declared."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.domains.keijidosha_zei import checks as ks
from conformance.domains.keijidosha_zei.oracle import STANDARD_RATES, keijidosha_rate_levied
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "keijidosha_zei" / "2025.12" / "bindings.yaml"
RATE, CEILING = "keijidosha_zei.rate", "keijidosha_zei.rate_ceiling"
#: The reference levies twice the 標準税率 with this defect: a town whose 条例 said so (above 第2項's ceiling).
DOUBLED = frozenset({"keijidosha_rate_doubled"})
DECLARED_DOUBLE = Ordinance.model_validate({"keijidosha_zei": {"rates": {
    vehicle_class: 2 * rate for vehicle_class, rate in STANDARD_RATES.items()}}})


def test_a_declared_class_takes_its_declared_rate_the_others_the_standard() -> None:
    declared = {"2ハ(1)(ii)": 12_900}
    assert keijidosha_rate_levied("2ハ(1)(ii)", declared) == 12_900
    assert keijidosha_rate_levied("1イ", declared) == 2_000
    rule = ks.KEIJI_RULES[RATE].ordained
    assert rule is not None
    ordained = rule(Ordinance.model_validate({"keijidosha_zei": {"rates": declared}}))
    assert ordained.expected(ks.BOUGHT_ON_LEVY_DATE, TOWN_CODE) == {"種別割税額": 12_900}
    assert ordained.expected(ks.MOPED, TOWN_CODE) == {"種別割税額": 2_000}


def test_the_profile_refuses_a_class_the_table_does_not_have() -> None:
    with pytest.raises(ValidationError, match=r"keijidosha_zei\.rates"):
        Ordinance.model_validate({"keijidosha_zei": {"rates": {"2ハ(1)": 10_800}}})


def test_a_vendor_at_its_declared_rates_passes_the_rate_rule_and_still_fails_the_ceiling() -> None:
    found = rule_findings(DOUBLED, ks.KEIJI_RULES, BINDINGS, [RATE, CEILING], ordinance=DECLARED_DOUBLE)
    assert found[RATE] == []
    assert found[CEILING] and all(each.code == f"scenario.{CEILING}.mismatch" for each in found[CEILING])


def test_a_vendor_at_the_standard_fails_declared_rates() -> None:
    found = rule_findings(frozenset(), ks.KEIJI_RULES, BINDINGS, [RATE], ordinance=DECLARED_DOUBLE)[RATE]
    assert found
    for finding in found:
        assert finding.code == f"scenario.{RATE}.mismatch"
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
        assert json.loads(finding.expected)["種別割税額"] == 2 * json.loads(finding.actual)["種別割税額"]
