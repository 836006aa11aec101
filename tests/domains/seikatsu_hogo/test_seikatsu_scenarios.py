"""生活保護 scenario checks (conformance/domains/seikatsu_hogo/checks.py): every rule is a registered check bound
in the catalog, each rule's persons are those its provision is about, and each named defect of the
reference's 生活保護 makes exactly the checks bound to its requirements disagree with the oracle on their
explicit examples (the comparison the checks make)."""

from __future__ import annotations

from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import assert_first_finding, bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import Scenario, _csv, _row, in_any_order, other_codes
from conformance.domains.seikatsu_hogo import checks as ss
from conformance.domains.seikatsu_hogo.checks import SEIKATSU_RULES
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient, Target, TestData
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "seikatsu_hogo" / "2025.12" / "bindings.yaml"
SEIKATSU_DEFECTS = sorted(name for name in DEFECTS if name.startswith("seikatsu_hogo_"))


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in SEIKATSU_RULES.values())))
def test_generated_persons_are_valid_rows_with_known_record_items(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["生年月日"] == scenario.birth.isoformat()
    assert scenario.as_of is not None and scenario.as_of >= scenario.moved_in
    assert {item for _, item, _ in scenario.records} <= DOMAIN_RECORDS["生活保護"]


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in SEIKATSU_RULES}
    assert len(names) == 26
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert len({rid for rids in bound_requirements(BINDINGS).values() for rid in rids}) == 43
    assert all(rule.examples for rule in SEIKATSU_RULES.values())


def test_the_worked_examples() -> None:
    a, b = CODES
    # 居住地 a, 現在地 b: a (第19条第1項第1号); no 居住地: b (第2号); 急迫 at b: b (第2項); 入所 from a: a (第3項).
    assert ss._area(ss.RESIDENT, TOWN_CODE) == {"実施機関_市区町村コード": a}
    assert ss._area(ss.HOMELESS, TOWN_CODE) == {"実施機関_市区町村コード": b}
    assert ss._area(ss.URGENT, TOWN_CODE) == {"実施機関_市区町村コード": b}
    assert ss._area(ss.IN_FACILITY, TOWN_CODE) == {"実施機関_市区町村コード": a}
    # Applied 2025-01-10: due 1月24日, 2月9日 with a 特別な理由 (第24条第5項).
    assert ss._deadline(ss.APPLIED, TOWN_CODE) == {"通知期限": "2025-01-24"}
    assert ss._deadline(ss.EXTENDED, TOWN_CODE) == {"通知期限": "2025-02-09"}
    # Notified 1月25日: the reason stated (第6項); no notice: deemed rejected on 2月10日, not on 2月9日 (第7項).
    # Late with a 特別な理由 (under the ただし書): true only; late without one: true, false or null (第6項's reach).
    assert ss._delay_reason(ss.NOTIFIED_LATE_EXTENDED, TOWN_CODE) == {"遅延理由明示": True}
    assert ss._delay_reason(ss.NOTIFIED_LATE_EXTENDED, TOWN_CODE) != {"遅延理由明示": False}
    assert ss._delay_reason(ss.NOTIFIED_LATE_EXTENDED, TOWN_CODE) != {"遅延理由明示": None}
    late = ss._delay_reason(ss.NOTIFIED_LATE, TOWN_CODE)
    assert all(late == {"遅延理由明示": value} for value in (True, False, None))
    # Notified on 1月3日, asked on 1月2日: on time (false), or no notice yet (null); never true.
    assert ss._delay_reason(ss.NOTIFIED_AFTER_AS_OF, TOWN_CODE) == {"遅延理由明示": False}
    assert ss._delay_reason(ss.NOTIFIED_AFTER_AS_OF, TOWN_CODE) == {"遅延理由明示": None}
    assert ss._delay_reason(ss.NOTIFIED_AFTER_AS_OF, TOWN_CODE) != {"遅延理由明示": True}
    assert ss._deemed(ss.APPLIED, TOWN_CODE) == {"みなし却下": True}
    assert ss._deemed(ss.NOT_YET_DEEMED, TOWN_CODE) == {"みなし却下": False}
    # Notified on the 41st day, asked on the 36th: no notice within the 30 days, deemed; notified on the 30th: not.
    assert ss._deemed(ss.DEEMED_BEFORE_LATE_NOTICE, TOWN_CODE) == {"みなし却下": True}
    assert ss._deemed(ss.NOTIFIED_ON_30TH, TOWN_CODE) == {"みなし却下": False}
    # 最低生活費 120,000, income 50,000: 70,000 (第8条第1項).
    assert ss._degree(ss.MEANS, TOWN_CODE) == {"保護の程度": 70_000}
    # 保護 from 2024-04-01 to its 廃止 on 2025-06-01: a 被保護者 on 5月31日, not on 6月1日 (第6条第1項).
    assert ss._recipient(ss.RECIPIENT, TOWN_CODE) == {"被保護者": True}
    assert ss._recipient(ss.ENDED, TOWN_CODE) == {"被保護者": False}
    # Receiving 保護 and still short of the need: a 要保護者 (第6条第2項).
    assert ss._in_need(ss.RECEIVING_IN_NEED, TOWN_CODE) == {"要保護者": True}
    # 医療の給付: 現物給付, no 保護金品; 金銭の貸与: 金銭給付 and a 保護金品 (第6条第3項-第5項).
    assert ss._method(ss.MEDICAL, TOWN_CODE) | ss._goods(ss.MEDICAL, TOWN_CODE) == {"給付方法": "現物給付",
                                                                                "保護金品": False}
    assert ss._method(ss.LOAN, TOWN_CODE) | ss._goods(ss.LOAN, TOWN_CODE) == {"給付方法": "金銭給付", "保護金品": True}
    assert ss._standing(ss.KIN, TOWN_CODE) == {"申請適格": True}  # 第7条: an 同居の親族
    # Need 120,000, income 50,000: assets of 80,000 meet it (第4条第1項), not in an 急迫 (第3項); 扶養 or
    # 他法扶助 of 30,000 leave 40,000 (第2項); another member's 20,000 leaves 50,000 (第10条).
    assert ss._means(ss.WITH_ASSETS, TOWN_CODE) == {"保護の要否": False, "保護の程度": 0}
    # In an 急迫 (第4条第3項, permissive) 要否 and 程度 from the income alone, or both from every means; not mixed.
    pair = "保護の要否・保護の程度"
    urgent = ss._urgent_means(ss.URGENT_WITH_ASSETS, TOWN_CODE)
    assert urgent == {pair: {"保護の要否": True, "保護の程度": 70_000}}
    assert urgent == {pair: {"保護の要否": False, "保護の程度": 0}}
    assert urgent != {pair: {"保護の要否": True, "保護の程度": 0}}
    assert urgent != {pair: {"保護の要否": False, "保護の程度": 70_000}}
    assert ss._means(ss.SUPPORTED, TOWN_CODE) == ss._means(ss.OTHER_AID, TOWN_CODE) == {"保護の要否": True,
                                                                                     "保護の程度": 40_000}
    assert ss._means(ss.HOUSEHOLD, TOWN_CODE) == {"保護の要否": True, "保護の程度": 50_000}
    # 食費 and 移送: 生活扶助 once (第12条); 学校給食 and 通学用品: 教育扶助 (第13条); 介護 and 住宅: both (併給),
    # compared in any order (第11条第2項 orders none: issue 65).
    assert ss._kinds(ss.LIVING_NEEDS, TOWN_CODE) == {"扶助の種類": ["生活扶助"]}
    assert ss._kinds(ss.SCHOOL_NEEDS, TOWN_CODE) == {"扶助の種類": ["教育扶助"]}
    assert ss._kinds(ss.OTHER_NEEDS, TOWN_CODE) == {"扶助の種類": in_any_order(["住宅扶助", "介護扶助"])}
    # A known 扶養義務者 failing the 扶養 is notified; not one fulfilling it, nor where it is unsuitable (第24条第8項).
    assert ss._notice(ss.OBLIGOR, TOWN_CODE) == {"扶養義務者通知": True}
    assert ss._notice(ss.OBLIGOR_FULFILLING, TOWN_CODE) == {"扶養義務者通知": False}
    assert ss._notice(ss.OBLIGOR_UNSUITABLE, TOWN_CODE) == {"扶養義務者通知": False}
    # A 変更 applied for on 2025-01-10: due 1月24日, 2月9日 with a 特別な理由 (第24条第9項).
    assert ss._deadline(ss.CHANGE, TOWN_CODE) == {"通知期限": "2025-01-24"}
    assert ss._deadline(ss.CHANGE_EXTENDED, TOWN_CODE) == {"通知期限": "2025-02-09"}
    # Received by the 町村長 on 2025-03-03: forwarded by 3月8日 (第24条第10項).
    assert ss._forward(ss.RECEIVED, TOWN_CODE) == {"送付期限": "2025-03-08"}


def test_the_edges_of_the_need_and_no_benefit() -> None:
    # Issue 66 (the statute mutation run): one yen short is a need (第4条, 第8条第1項); 第10条 holds in an 急迫 too.
    assert ss._means(ss.ONE_YEN_SHORT, TOWN_CODE) == {"保護の要否": True, "保護の程度": 1}
    assert ss._means(ss.URGENT_HOUSEHOLD, TOWN_CODE) == {"保護の要否": True, "保護の程度": 50_000}
    # 急迫 (第4条第3項): a need the income meets is none by either reading; one yen short is (true, 1) from the income
    # alone, (false, 0) from every means: never (false, 1) nor (true, 0).
    pair = "保護の要否・保護の程度"
    mixed = [{pair: {"保護の要否": needed, "保護の程度": degree}} for needed, degree in ((True, 0), (False, 1))]
    met = ss._urgent_means(ss.URGENT_MET, TOWN_CODE)
    assert met == {pair: {"保護の要否": False, "保護の程度": 0}}
    assert all(met != answer for answer in mixed)
    short = ss._urgent_means(ss.URGENT_ONE_YEN_SHORT, TOWN_CODE)
    assert short == {pair: {"保護の要否": True, "保護の程度": 1}}
    assert short == {pair: {"保護の要否": False, "保護の程度": 0}}
    assert all(short != answer for answer in mixed)
    # No 給付内容: no 給付, so no 給付方法 (null only); 保護金品 false or null (第6条第3項-第5項; the contract).
    assert ss._method(ss.NO_BENEFIT, TOWN_CODE) == {"給付方法": None}
    assert ss._method(ss.NO_BENEFIT, TOWN_CODE) != {"給付方法": "現物給付"}
    assert all(ss._goods(ss.NO_BENEFIT, TOWN_CODE) == {"保護金品": value} for value in (False, None))
    assert ss._goods(ss.NO_BENEFIT, TOWN_CODE) != {"保護金品": True}


#: Issue 66 (the statute mutation run of 生活保護): the defect mirroring each closed gap, its rule and its finding on
#: the worked example that shows it.
ISSUE_66_RULES = {
    "seikatsu_hogo_urgent_household_ignored": (
        "seikatsu_hogo.household", '{"保護の程度": 50000, "保護の要否": true}',
        '{"保護の程度": 70000, "保護の要否": true}',
        "生活保護:世帯員収入認定額:20000 生活保護:急迫:1"),
    "seikatsu_hogo_urgent_met_still_needed": (
        "seikatsu_hogo.urgent_means", '{"保護の要否・保護の程度": {"保護の程度": 0, "保護の要否": false}}',
        '{"保護の要否・保護の程度": {"保護の程度": 0, "保護の要否": true}}', "生活保護:収入認定額:120000"),
    "seikatsu_hogo_method_without_benefit": (
        "seikatsu_hogo.benefit_method", '{"給付方法": null}', '{"給付方法": "現物給付"}',
        "生活保護:保護開始年月日:2024-04-01"),
}


@pytest.mark.parametrize(("name", "rule", "expected", "actual", "record"),
                         [(name, *found) for name, found in ISSUE_66_RULES.items()])
def test_an_issue_66_defect_gives_its_rules_finding(name: str, rule: str, expected: str, actual: str,
                                                     record: str) -> None:
    found = rule_findings(frozenset({name}), SEIKATSU_RULES, BINDINGS, [rule])[rule]
    assert_first_finding(found, rule, 2025, expected, actual, record)


def test_a_rule_is_not_automated_without_a_records_path() -> None:
    target = Target(catalog=jumin_edition(), http=cast(HttpClient, object()), append_path="/admin/residents",
                    data=TestData(({"住所_市区町村コード": TOWN_CODE},)))
    ctx = CheckContext(requirement=cast(Requirement, None), target=target)
    with pytest.raises(NotAutomated, match="records_path"):
        list(scenarios.run_rule(ctx, SEIKATSU_RULES["seikatsu_hogo.residence"]))


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), SEIKATSU_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", SEIKATSU_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), SEIKATSU_RULES, BINDINGS) == set(DEFECTS[name].requirements)
