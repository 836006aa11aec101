"""軽自動車税 scenario checks (conformance/domains/keijidosha_zei/checks.py): every rule is a registered check bound in
the catalog, each owner's vehicle is a 軽自動車税 record, and each named defect of the reference's 軽自動車税 makes
exactly the checks bound to its requirements disagree with the oracle on their explicit examples (the comparison the
checks make)."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.answer_contract import CONTRACT_CODE
from conformance.checks.registry import CheckContext, CheckFunction
from conformance.checks.scenarios import TOWN_MARK, Scenario, _csv, _row, other_codes
from conformance.domains.keijidosha_zei import checks as ks
from conformance.domains.keijidosha_zei.checks import KEIJI_RULES
from conformance.domains.keijidosha_zei.oracle import STANDARD_RATES
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "keijidosha_zei" / "2025.12" / "bindings.yaml"
KEIJI_DEFECTS = sorted(name for name in DEFECTS if name.startswith("keijidosha_"))


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in KEIJI_RULES.values())))
def test_generated_owners_are_valid_rows_with_a_vehicle(scenario: Scenario) -> None:
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    items = {item: value for domain, item, value in scenario.records if domain == ks.PART}
    assert set(items) <= DOMAIN_RECORDS[ks.PART]
    if items:  # a resident of whom no vehicle is recorded has none (keijidosha_zei.stationed)
        assert items["車両区分"] in STANDARD_RATES and items["主たる定置場_市区町村コード"] in (TOWN_MARK, *CODES)


_WHEELS_OF_CLASS = {"2イ": "2", "2ロ": "3", "2ハ(1)(ii)": "4", "2ハ(2)(ii)": "4"}


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(KEIJI_RULES[name].scenarios(CODES) for name in (
    "keijidosha_zei.environmental", "keijidosha_zei.environmental_h22", "keijidosha_zei.environmental_r2",
    "keijidosha_zei.acquirer"))))
def test_the_wheels_sent_agree_with_the_class(scenario: Scenario) -> None:
    # The outside product's F2: a 2ハ (四輪以上 per the contract) was sent with 車輪数 2 or 3.
    items = {item: value for domain, item, value in scenario.records if domain == ks.PART}
    assert _WHEELS_OF_CLASS[items["車両区分"]] == items["車輪数"]
    assert (items["車両区分"][:3] != "2ハ(") or items["車両区分"].startswith("2ハ(1)") == (items["用途"] == "乗用")


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in KEIJI_RULES}
    assert len(names) == 15
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert all(rule.examples and rule.needs_records for rule in KEIJI_RULES.values())


def test_the_worked_examples() -> None:
    town = TOWN_CODE
    # 第463条の16: bought on the 賦課期日 4月1日 -> taxed; on 4月2日 -> not; scrapped on 4月2日 -> taxed.
    assert ks._liable(ks.BOUGHT_ON_LEVY_DATE, town) == {"納税義務者": True}
    assert ks._liable(ks.BOUGHT_AFTER, town) == {"納税義務者": False}
    assert ks._liable(ks.SCRAPPED_AFTER, town) == {"納税義務者": True}
    # 第443条第1項: stationed in another municipality -> not taxed here.
    assert ks._liable(ks.STATIONED_ELSEWHERE, town) == {"納税義務者": False}
    # ... whatever the owner's 住所: moved out, the 主たる定置場 kept here -> taxed here; no vehicle -> not taxed.
    assert ks._liable(ks.MOVED_OUT_OWNER, town) == {"納税義務者": True}
    assert ks._liable(ks.NO_VEHICLE, town) == {"納税義務者": False}
    # 第463条の15第1項: 四輪乗用自家用 10,800円, 二輪の小型自動車 6,000円, 原付 (0.05リットル以下) 2,000円.
    assert ks._rate(ks.BOUGHT_ON_LEVY_DATE, town) == {"種別割税額": 10_800}
    assert ks._rate(ks.SMALL_TWO_WHEEL, town) == {"種別割税額": 6_000}
    assert ks._rate(ks.MOPED, town) == {"種別割税額": 2_000}
    assert ks._due_month(ks.MOPED, town) == {ks._DUE: True}


def test_the_answer_is_read_against_the_ceiling_and_the_notice_day() -> None:
    def answer(**part: object) -> dict[str, object]:
        return {ks.PART: part}

    loaded = None  # the readers do not look at it
    assert ks._answered_ceiling(answer(種別割税額=16_200, 車両区分="2ハ(1)(ii)"), loaded) == {ks._CEILING: True}  # type: ignore[arg-type]
    assert ks._answered_ceiling(answer(種別割税額=16_201, 車両区分="2ハ(1)(ii)"), loaded) == {ks._CEILING: False}  # type: ignore[arg-type]
    assert ks._answered_notice(answer(納期限="2025-04-30", 納税通知書交付日="2025-04-20"), loaded) == {  # type: ignore[arg-type]
        ks._NOTICE: True}
    assert ks._answered_notice(answer(納期限="2025-04-30", 納税通知書交付日="2025-04-21"), loaded) == {  # type: ignore[arg-type]
        ks._NOTICE: False}


@pytest.mark.parametrize(("year", "due", "main", "special"), [
    (2025, "2025-04-30", True, True), (2025, "2025-04-01", True, True),  # 本文: a day of 4月
    (2022, "2022-05-02", True, True),  # 4月30日 土曜日, 5月1日 日曜日: the next working day (第20条の5第2項, ours)
    (2023, "2023-05-01", True, True),  # 4月30日 日曜日
    (2022, "2022-05-06", False, True),  # past the first working day: only the ただし書's month
    (2025, "2025-05-01", False, True),  # 4月30日 水曜日: no 休日 to move off; 筑後市's 5月 is the ただし書's
    (2025, "2026-03-31", False, True), (2025, "2025-03-31", False, False),  # the 年度's last; before the 賦課期日
    (2025, "2026-04-30", False, False)])  # the next 年度
def test_the_due_day_is_read_by_the_main_rule_and_by_the_ta_dashi_gaki(year: int, due: str, main: bool,
                                                                       special: bool) -> None:
    answer = {"年度": year, ks.PART: {"納期限": due}}
    shown = {"納期限": due, "年度": year}
    assert ks._answered_due_main(answer, None) == ({ks._DUE: True} if main else {ks._DUE: False, **shown})  # type: ignore[arg-type]
    assert ks._answered_due_special(answer, None) == (  # type: ignore[arg-type]
        {ks._DUE_SPECIAL: True} if special else {ks._DUE_SPECIAL: False, **shown})
    assert ks._answered_due_main({ks.PART: {"納期限": "4月末"}, "年度": year}, None) == {  # type: ignore[arg-type]
        ks._DUE: None, "納期限": "4月末"}


def _registered_findings(checked: CheckFunction, requirement_id: str, defects: frozenset[str],
                         optional: frozenset[str]) -> list[Finding]:
    """The findings of a registered check that reads the profile's declarations, against the reference."""
    requirement = cast(Requirement, SimpleNamespace(id=requirement_id))
    with start_reference(defects=defects) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=scenarios.APPEND_PATH, records_path=scenarios.RECORDS_PATH, max_examples=3,
                        optional=optional)
        return list(checked(CheckContext(requirement=requirement, target=target)))


def _due_findings(defects: frozenset[str], optional: frozenset[str]) -> list[Finding]:
    """The findings of the 本文's check (registered: it reads the profile's declaration) against the reference."""
    return _registered_findings(ks.due_check, DUE_MAIN, defects, optional)


DUE_MAIN = "keijidosha_zei-2025.12-1.463.17.1.0-R001"
DUE_SPECIAL = "keijidosha_zei-2025.12-1.463.17.1.0-O002"


def test_a_may_due_day_fails_the_main_rule_unless_the_ta_dashi_gaki_is_declared() -> None:
    # The outside product's third finding: an undeclared ただし書 admitted under R001.
    (finding,) = _due_findings(frozenset({"keijidosha_due_in_may"}), frozenset())
    assert finding.code == "scenario.keijidosha_zei.due_month.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert json.loads(finding.expected) == {ks._DUE: True}
    actual = json.loads(finding.actual)
    assert actual[ks._DUE] is False and actual["納期限"] == f"{actual['年度']}-05-31"
    assert _due_findings(frozenset({"keijidosha_due_in_may"}), frozenset({DUE_SPECIAL})) == []
    assert _due_findings(frozenset({"keijidosha_due_in_may"}), cast(frozenset[str], "all")) == []
    assert _due_findings(frozenset(), frozenset()) == []


STAMP_ORDINANCE = "keijidosha_zei-2025.12-1.463.18.3.0-O001"


def _collection_findings(defects: frozenset[str], optional: frozenset[str]) -> list[Finding]:
    """The findings of 第463条の18第1項's check (registered: it reads the profile's declaration of 第3項)."""
    return _registered_findings(ks.collection_check, "keijidosha_zei-2025.12-1.463.18.1.0-R001", defects, optional)


def test_stamp_collection_fails_the_main_rule_unless_the_ordinance_is_declared() -> None:
    # 第463条の18第3項: 証紙徴収 「第一項の規定にかかわらず」 where the town's 条例 provides it (optional, O001).
    (finding,) = _collection_findings(frozenset({"keijidosha_stamp_collection_undeclared"}), frozenset())
    assert finding.code == "scenario.keijidosha_zei.collection.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert json.loads(finding.expected) == {"徴収方法": "普通徴収"}
    assert json.loads(finding.actual) == {"徴収方法": "証紙徴収"}
    assert _collection_findings(frozenset({"keijidosha_stamp_collection_undeclared"}),
                                frozenset({STAMP_ORDINANCE})) == []
    # 特別徴収 is no method of 第463条の18 with or without the 条例 (outside the contract's values as well).
    assert _collection_findings(frozenset({"keijidosha_special_collection"}), frozenset({STAMP_ORDINANCE})) != []
    assert _collection_findings(frozenset(), frozenset()) == []


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), KEIJI_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", KEIJI_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), KEIJI_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_a_due_day_before_the_levy_date_is_the_due_month_finding_at_the_query() -> None:
    # 第463条の17: 3月31日 of the 年度's first year (keijidosha_due_before_levy_date) is no month of the 年度: the
    # 本文's finding and the ただし書's.
    rules = ["keijidosha_zei.due_month", "keijidosha_zei.due_month_special"]
    assert rule_findings(frozenset(), KEIJI_RULES, BINDINGS, rules) == {rule: [] for rule in rules}
    found = rule_findings(frozenset({"keijidosha_due_before_levy_date"}), KEIJI_RULES, BINDINGS, rules)
    for rule, key in zip(rules, (ks._DUE, ks._DUE_SPECIAL), strict=True):
        (finding,) = found[rule]
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
        assert json.loads(finding.expected) == {key: True}
        assert json.loads(finding.actual) == {key: False, "納期限": "2025-03-31", "年度": 2025}


def test_the_worked_examples_of_the_environmental_rate_and_the_taxpayers() -> None:
    town = TOWN_CODE
    # 第451条第1項-第3項: 以上 at each threshold.
    assert [ks._env_rate(example, town)["環境性能割税率"] for example in (
        ks.ENV_ONE, ks.ENV_TWO, ks.ENV_THREE, ks.ENV_TRUCK_TWO, ks.ENV_TRUCK_AT_LIMIT, ks.ENV_DIESEL)] == [
        1, 2, 3, 2, 2, 3]
    # 第2項第2号's 「二・五トン以下」 includes 2,500 kg; 1 kg more is no such トラック (百分の三, 第3項).
    over = replace(ks.ENV_TRUCK_AT_LIMIT, records=ks.light_car(use="トラック", weight=2501, efficiency=190,
                                                               standards=ks._STD))
    assert ks._env_rate(over, town) == {"環境性能割税率": 3}
    # 第4項 (平成二十二年度基準: 162%, 151%; トラック 147%), 第5項 (令和二年度基準: 109%, 102%).
    assert [ks._env_rate(example, town)["環境性能割税率"] for example in (
        ks.ENV_H22_ONE, ks.ENV_H22_TWO, ks.ENV_H22_TRUCK, ks.ENV_R2_ONE, ks.ENV_R2_TWO, ks.ENV_R2_THREE)] == [
        1, 2, 2, 1, 2, 3]
    # 第443条第2項, 第3項, 第442条第7号.
    assert ks._acquirer(ks.BOUGHT_TO_SELL, town) == {"環境性能割の納税義務者": False}
    assert ks._acquirer(ks.BOUGHT_TO_DRIVE, town) == {"環境性能割の納税義務者": True}
    assert ks._acquirer(ks.TRUCK_BOUGHT_TO_DRIVE, town) == {"環境性能割の納税義務者": True}
    assert ks._acquirer(ks.THREE_WHEELS_BOUGHT_TO_SELL, town) == {"環境性能割の納税義務者": False}
    # 第451条第5項 carries over 第1号 only: a 令和二年度基準等 トラック at the 本則's 100% is 百分の三 (第3項).
    assert ks._env_rate(ks.ENV_R2_TRUCK, town) == {"環境性能割税率": 3}
    assert ks._user(ks.USER_OF_EXEMPT, town) == {"納税義務者": True}
    assert ks._user(ks.USER_PUBLIC, town) == {"納税義務者": False}
    # 第443条第3項 with 第445条第1項: the owner who cannot be taxed is liable neither for a 公用 vehicle nor another.
    assert ks._user(ks.EXEMPT_OWNER, town) == {"納税義務者": False}
    assert ks._user(ks.EXEMPT_OWNER_PUBLIC, town) == {"納税義務者": False}
    assert ks._liable(ks.SIDECAR, town) == {"納税義務者": True} and ks._rate(ks.SIDECAR, town) == {"種別割税額": 6_000}


NEW_RULES = ["keijidosha_zei.stationed", "keijidosha_zei.environmental", "keijidosha_zei.environmental_h22",
             "keijidosha_zei.environmental_r2",
             "keijidosha_zei.acquirer", "keijidosha_zei.user", "keijidosha_zei.sidecar"]
NEW_DEFECTS = ["keijidosha_env_threshold_exclusive", "keijidosha_env_h22_as_standard",
               "keijidosha_env_r2_reading_ignored", "keijidosha_dealer_taxed", "keijidosha_user_public_taxed",
               "keijidosha_sidecar_untaxed", "keijidosha_public_owner_taxed", "keijidosha_moved_owner_untaxed",
               "keijidosha_levied_without_vehicle", "keijidosha_env_r2_truck_by_standard",
               "keijidosha_acquirer_passenger_only", "keijidosha_env_truck_limit_exclusive"]
_BOUND = bound_requirements(BINDINGS)


def test_a_conforming_vendor_gives_the_new_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), KEIJI_RULES, BINDINGS, NEW_RULES).values())


#: Defects whose answer leaves the published schema (issue 66: the whole answer is held to it): their finding is the
#: contract's. A person of whom no vehicle is recorded answered liable has the 車両区分 "" (none of the table's).
OFF_CONTRACT = frozenset({"keijidosha_levied_without_vehicle"})


@pytest.mark.parametrize("name", NEW_DEFECTS)
def test_a_new_defect_gives_its_rules_finding_at_the_query(name: str) -> None:
    rules = [rule for rule in NEW_RULES if _BOUND[f"scenario.{rule}"] & set(DEFECTS[name].requirements)]
    assert rules
    for rule, found in rule_findings(frozenset({name}), KEIJI_RULES, BINDINGS, rules).items():
        (finding,) = found
        assert finding.code == (CONTRACT_CODE if name in OFF_CONTRACT else f"scenario.{rule}.mismatch")
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")


def test_a_truck_at_exactly_two_and_a_half_tonnes_read_as_over_is_the_environmental_finding() -> None:
    # 第451条第2項第2号 「車両総重量が二・五トン以下のトラック」: ENV_TRUCK_AT_LIMIT (2,500 kg) is 百分の二; the defect
    # reads the limit as excluded and answers 百分の三 (the tool mutant the draws missed).
    rule = "keijidosha_zei.environmental"
    assert rule_findings(frozenset(), KEIJI_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"keijidosha_env_truck_limit_exclusive"}), KEIJI_RULES, BINDINGS,
                               [rule])[rule]
    assert finding.code == "scenario.keijidosha_zei.environmental.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert (json.loads(finding.expected), json.loads(finding.actual)) == ({"環境性能割税率": 2}, {"環境性能割税率": 3})


def test_the_owner_of_a_public_vehicle_who_cannot_be_taxed_is_the_user_finding() -> None:
    # F1 of the outside product: 所有者非課税 and 公用 on the owner's record; the ただし書 does not lift 第445条第1項.
    found = rule_findings(frozenset({"keijidosha_public_owner_taxed"}), KEIJI_RULES, BINDINGS,
                          ["keijidosha_zei.user"])["keijidosha_zei.user"]
    (finding,) = found
    assert finding.code == "scenario.keijidosha_zei.user.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert (json.loads(finding.expected), json.loads(finding.actual)) == ({"納税義務者": False}, {"納税義務者": True})
