"""法人住民税 at the rates the municipality's 条例 sets (地方税法 第312条第1項: 均等割 標準税率 by the table's 号;
第314条の4第1項: 法人税割 標準税率 百分の六; the 条例 sets the rate; issue 65 item 1, issue 66 item 2): the profile
declares them (``ordinance.hojin_juminzei``) and the rules on the amount (``equal_rate``, ``prorated``,
``corporate_rate``) judge the answer from them; the ceilings (第312条第2項, 第314条の4第1項ただし書) apart."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.domains.hojin_juminzei import checks as hs
from conformance.domains.hojin_juminzei.oracle import EQUAL_RATES, corporate_taxes_allowed, equal_rate_levied
from conformance.locations import default_catalog_root
from conformance.oracles.readings import Either
from conformance.profiles import Ordinance

BINDINGS = default_catalog_root() / "hojin_juminzei" / "2025.12" / "bindings.yaml"
EQUAL, PRORATED, CORPORATE = "hojin_juminzei.equal_rate", "hojin_juminzei.prorated", "hojin_juminzei.corporate_rate"
#: The reference's defects that levy 1.5 times the 均等割 and 百分の八・四: towns whose 条例 said so.
EQUAL_HIGH = frozenset({"hojin_juminzei_equal_rate_one_and_a_half"})
CORPORATE_HIGH = frozenset({"hojin_juminzei_corporate_at_ceiling"})
DECLARED = Ordinance.model_validate({"hojin_juminzei": {
    "equal_rates": {kind: rate * 3 // 2 for kind, rate in EQUAL_RATES.items()}, "corporate_percent": "8.4"}})


def test_the_amounts_are_the_ordinances_or_the_standard() -> None:
    assert equal_rate_levied(1, {}) == 50_000
    assert equal_rate_levied(1, {1: 60_000}) == 60_000
    assert equal_rate_levied(2, {1: 60_000}) == 120_000
    assert corporate_taxes_allowed(1_000_000, None) == 60_000
    assert corporate_taxes_allowed(1_000_000, "8.4") == 84_000
    # Reading (provisions.yaml, 第314条の4第1項): 第20条の4の2 is not quoted, so yen and 100 yen both pass.
    assert corporate_taxes_allowed(10_000, "8.4") == Either(840, 800)


def test_the_profile_refuses_a_row_the_table_does_not_have() -> None:
    with pytest.raises(ValidationError, match=r"hojin_juminzei\.equal_rates"):
        Ordinance.model_validate({"hojin_juminzei": {"equal_rates": {10: 50_000}}})
    with pytest.raises(ValidationError, match=r"hojin_juminzei\.corporate_percent"):
        Ordinance.model_validate({"hojin_juminzei": {"corporate_percent": "8.405"}})


@pytest.mark.parametrize(("defects", "rules"), [(EQUAL_HIGH, [EQUAL, PRORATED]), (CORPORATE_HIGH, [CORPORATE])])
def test_a_vendor_at_its_declared_rates_passes(defects: frozenset[str], rules: list[str]) -> None:
    assert rule_findings(defects, hs.HOJIN_RULES, BINDINGS, rules, ordinance=DECLARED) == {rule: [] for rule in rules}


@pytest.mark.parametrize("rule", [EQUAL, PRORATED, CORPORATE])
def test_a_vendor_at_the_standard_fails_the_declared_rates(rule: str) -> None:
    found = rule_findings(frozenset(), hs.HOJIN_RULES, BINDINGS, [rule], ordinance=DECLARED)[rule]
    assert found
    for finding in found:
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")


def test_the_finding_shows_the_declared_amount() -> None:
    (finding, *_) = rule_findings(frozenset(), hs.HOJIN_RULES, BINDINGS, [CORPORATE], ordinance=DECLARED)[CORPORATE]
    assert json.loads(finding.expected) == {"法人税割額": 84_000}
    assert json.loads(finding.actual) == {"法人税割額": 60_000}
