"""就学's worked examples at the edges the statute mutation run found unasked (conformance/domains/shugaku/edges.py;
issue 66): what the oracle says of each, that the clean reference gives their rules no finding, and that the two named
defects mirroring the run's mutants give their rule's exact finding on them."""

from __future__ import annotations

import pytest
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.domains.shugaku import checks as ss
from conformance.domains.shugaku import edges
from conformance.domains.shugaku.checks import SHUGAKU_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "shugaku" / "2025.12" / "bindings.yaml"


def test_the_last_day_of_each_duty_is_in_it_and_the_lower_secondary_one_begins_on_the_first_day() -> None:
    # 法第17条: 「…学年の終わりまで」 (3月31日 included), 中学校 「翌学年の初めから」 (4月1日 included); 令第1条第1項.
    assert ss._categories(edges.SCHOOL_YEAR_LAST_DAY, TOWN_CODE) == {"区分": {"0": "学齢生徒", "1": "学齢児童"}}
    assert ss._categories(edges.SECONDARY_FIRST_DAY, TOWN_CODE) == {"区分": {"1": "学齢生徒"}}


def test_an_entrant_moving_in_in_january_is_notified_by_the_year_begun_the_april_before() -> None:
    # 令第4条 and 第2条: six reached on 2025-04-01 or 2026-03-31 (学年 2025): notified; on 2026-04-01: not.
    assert ss._move_notices(edges.MOVED_IN_JANUARY, TOWN_CODE) == {
        "住所変更通知": {"0": "2026-01-10", "1": "2026-01-10", "2": None}}


def test_a_daughter_is_recorded_a_girl_and_her_father_as_father_or_parent() -> None:
    # 規則第30条第1項第1号 (性別), 第2号 (関係), 第2項 (the 就学予定者 alike).
    assert ss._register_items(edges.DAUGHTER_OF_FATHER, TOWN_CODE)["記載事項"]["0"]["性別"] == "女"
    relation = ss._guardians(edges.DAUGHTER_OF_FATHER, TOWN_CODE)["保護者"]["0"]["関係"]
    assert relation == "父" and relation == "親" and relation != "母"
    entrant = ss._entrant_items(edges.ENTRANT_DAUGHTER, TOWN_CODE)["記載事項"]["0"]
    assert entrant["性別"] == "女" and entrant["保護者"]["関係"] == "父"
    answer = {"保護者": {"氏名": "見本花子", "現住所": "見本町本町一丁目99番1号", "関係": "実父"}}
    assert ss._actual_guardian(answer) == ss._guardians(edges.DAUGHTER_OF_FATHER, TOWN_CODE)["保護者"]["0"]


EDGE_RULES = ["shugaku.category", "shugaku.move_notice", "shugaku.register_items", "shugaku.guardian_items",
              "shugaku.entrant_items"]


def test_the_clean_reference_gives_the_edges_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), SHUGAKU_RULES, BINDINGS, EDGE_RULES).values())


GIRL = ('{"記載事項": {"0": {"性別": %s, "氏名": "見本一郎", "現住所": "静岡県見本町本町一丁目99番1号", '
        '"生年月日": "2016-05-05"}}}')
FATHER = '{"保護者": {"0": {"氏名": "見本花子", "現住所": "静岡県見本町本町一丁目99番1号", "関係": %s}}}'
#: The named defects mirroring the run's mutants (_category 13, _move_notice 15, _items 5, _guardian 11): the rule, the
#: finding's expected and actual, and the 年度 asked.
EDGE_DEFECTS = {
    "shugaku_register_seito_to_the_day_before": (
        "shugaku.category", '{"区分": {"0": "学齢生徒", "1": "学齢児童"}}', '{"区分": {"1": "学齢児童"}}', 2025),
    "shugaku_move_notice_calendar_year": (
        "shugaku.move_notice", '{"住所変更通知": {"0": "2026-01-10", "1": "2026-01-10", "2": null}}',
        '{"住所変更通知": {"0": null, "1": null, "2": null}}', 2025),
    "shugaku_register_girl_without_sex": ("shugaku.register_items", GIRL % '"女"', GIRL % "null", 2025),
    "shugaku_guardian_always_mother": ("shugaku.guardian_items", FATHER % '{"any_of": ["父", "親"]}', FATHER % '"母"',
                                       2025),
}


@pytest.mark.parametrize(("name", "rule", "expected", "actual", "year"),
                         [(name, *found) for name, found in EDGE_DEFECTS.items()])
def test_an_edge_defect_gives_its_rules_finding_on_its_worked_example(name: str, rule: str, expected: str,
                                                                      actual: str, year: int) -> None:
    finding, *others = rule_findings(frozenset({name}), SHUGAKU_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year={year}"
    assert (finding.expected, finding.actual) == (expected, actual)
    assert others == []
