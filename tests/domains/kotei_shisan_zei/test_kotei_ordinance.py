"""固定資産税's rate as the municipality's 条例 sets it (地方税法 第350条第1項: a 標準税率, the 条例 sets the rate;
issue 65 item 1, issue 66 item 2): the profile declares it (``ordinance.kotei_shisan_zei.rate_percent``) and
``scenario.kotei_shisan_zei.rate`` judges the answer's 税額 from it; none declared, the 標準税率 百分の一・四."""

from __future__ import annotations

from fractions import Fraction
from typing import cast

import pytest
from pydantic import ValidationError
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.domains.kotei_shisan_zei import checks as ks
from conformance.domains.kotei_shisan_zei.oracle import kotei_rate, kotei_taxes_allowed
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance

BINDINGS = default_catalog_root() / "kotei_shisan_zei" / "2025.12" / "bindings.yaml"
RATE = "kotei_shisan_zei.rate"
#: The reference levies 百分の一・五 with this defect: a vendor set up for a town whose 条例 says so.
AT_ONE_AND_A_HALF = frozenset({"kotei_rate_one_and_a_half"})
DECLARED = Ordinance.model_validate({"kotei_shisan_zei": {"rate_percent": "1.5"}})


def test_the_rate_is_the_ordinances_or_the_standard() -> None:
    assert kotei_rate(None) == Fraction(14, 1000)
    assert kotei_rate("1.5") == Fraction(15, 1000)
    assert kotei_rate("1.55") == Fraction(155, 10000)


def test_a_fraction_of_yen_or_of_100_yen_is_rounded_down_either_way() -> None:
    # Reading (provisions.yaml, 第350条第1項): 第20条の4の2 is not quoted, so yen and 100 yen both pass.
    assert kotei_taxes_allowed(3_000_000, kotei_rate(None)) == (42_000,)
    assert kotei_taxes_allowed(50_000, kotei_rate("1.5")) == (750, 700)
    assert kotei_taxes_allowed(50_050, kotei_rate("1.55")) == (775, 700)


def test_the_answer_is_read_against_the_declared_rate() -> None:
    expected, actual = ks._rate_parts("1.5")
    key = "税額は課税標準額に条例の税率1.5%を乗じた額"
    loaded = cast(scenarios.Loaded, None)  # the reader does not look at it
    assert expected(ks.HOUSE, "229997") == {key: True}
    assert actual({ks.PART: {"課税標準額": 5_050_000, "税額": 75_750}}, loaded) == {key: True}
    assert actual({ks.PART: {"課税標準額": 5_050_000, "税額": 75_700}}, loaded) == {key: True}
    assert actual({ks.PART: {"課税標準額": 5_050_000, "税額": 70_700}}, loaded) == {key: False}


def test_the_profile_refuses_a_rate_that_is_no_percent() -> None:
    with pytest.raises(ValidationError, match=r"kotei_shisan_zei\.rate_percent"):
        Ordinance.model_validate({"kotei_shisan_zei": {"rate_percent": "1,5"}})
    with pytest.raises(ValidationError, match=r"kotei_shisan_zei\.rate_percent"):
        Ordinance.model_validate({"kotei_shisan_zei": {"rate_percent": 1.5}})  # a YAML float: quote it


def test_a_vendor_at_its_declared_rate_passes() -> None:
    assert rule_findings(AT_ONE_AND_A_HALF, ks.KOTEI_RULES, BINDINGS, [RATE], ordinance=DECLARED) == {RATE: []}


def test_a_vendor_at_another_rate_than_declared_fails_the_rate_rule_alone() -> None:
    (finding, *_) = found = rule_findings(frozenset(), ks.KOTEI_RULES, BINDINGS, [RATE], ordinance=DECLARED)[RATE]
    assert all(each.code == f"scenario.{RATE}.mismatch" for each in found)
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert "条例の税率1.5%" in str(finding.expected)


def test_undeclared_the_standard_rate_is_judged() -> None:
    (finding, *_) = rule_findings(AT_ONE_AND_A_HALF, ks.KOTEI_RULES, BINDINGS, [RATE])[RATE]
    assert finding.code == f"scenario.{RATE}.mismatch"
    assert ks._RATE in str(finding.expected)


EXEMPTION = "kotei_shisan_zei.exemption"
BELOW_LEVIED = Ordinance.model_validate({"kotei_shisan_zei": {"below_exemption_levied": True}})


def test_a_town_with_the_proviso_s_ordinance_levies_below_the_exemption_point() -> None:
    # 第351条ただし書: the 条例 may levy it even below the 免税点; the profile declares such a 条例.
    rule = ks.KOTEI_RULES[EXEMPTION].ordained
    assert rule is not None
    assert ks._levied(ks.LAND_BELOW_EXEMPTION, "229997") == {ks._LEVIED: False}
    assert rule(BELOW_LEVIED).expected(ks.LAND_BELOW_EXEMPTION, "229997") == {ks._LEVIED: True}
    loaded = cast(scenarios.Loaded, None)  # the reader does not look at it
    assert ks._answered_levied({ks.PART: {"税額": 4_200}}, loaded) == {ks._LEVIED: True}


def test_a_vendor_exempting_below_the_point_fails_a_declared_proviso() -> None:
    found = rule_findings(frozenset(), ks.KOTEI_RULES, BINDINGS, [EXEMPTION], ordinance=BELOW_LEVIED)[EXEMPTION]
    assert found and all(each.code == f"scenario.{EXEMPTION}.mismatch" for each in found)
    assert rule_findings(frozenset(), ks.KOTEI_RULES, BINDINGS, [EXEMPTION]) == {EXEMPTION: []}
