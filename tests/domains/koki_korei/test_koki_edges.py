"""後期高齢者医療's worked examples at the edges the statute mutation run found unasked (issue 66): what the oracle says
of each, that the clean reference gives their rules no finding, and the named defect mirroring the run's mutants gives
its rules' exact finding (its requirements: test_koki_scenarios.test_each_defect_fails_exactly_its_requirements).
"""

from __future__ import annotations

from rule_probes import assert_first_finding, rule_findings

from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei.checks import KOKI_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "koki_korei" / "2025.12" / "bindings.yaml"
WELFARE_RULES = ["koki_korei.acquired_after_welfare", "koki_korei.lost_on_welfare"]
MOVE_RULES = ["koki_korei.acquired_on_move_in", "koki_korei.lost_on_move_day"]


def test_a_move_in_on_the_first_day_of_the_protection_gives_no_qualification() -> None:
    # 第51条第1号 from the first day of the address, 第52条: no 資格 until the 保護 ends, so nothing to lose either.
    assert ks._insured_on(ks.WELFARE_ON_MOVE_IN, TOWN_CODE) == {"被保険者": False}
    assert ks._acquired(ks.WELFARE_ON_MOVE_IN, TOWN_CODE) == {"資格取得日": None}
    assert ks._lost(ks.WELFARE_ON_MOVE_IN, TOWN_CODE) == {"資格喪失日": None}
    assert all(ks.WELFARE_ON_MOVE_IN in KOKI_RULES[name].examples for name in WELFARE_RULES)


def test_a_stay_of_no_day_gives_no_qualification() -> None:
    # 第53条第1項ただし書: the move day is the address's in the other 都道府県, so no day of address in the 区域.
    assert ks._insured_on(ks.MOVED_THROUGH, TOWN_CODE) == {"被保険者": False}
    assert ks._acquired(ks.MOVED_THROUGH, TOWN_CODE) == {"資格取得日": None}
    assert ks._lost(ks.MOVED_THROUGH, TOWN_CODE) == {"資格喪失日": None}
    assert all(ks.MOVED_THROUGH in KOKI_RULES[name].examples for name in MOVE_RULES)


def test_the_clean_reference_gives_the_move_rules_no_finding() -> None:
    found = rule_findings(frozenset(), KOKI_RULES, BINDINGS, MOVE_RULES)
    assert all(findings == [] for findings in found.values())


def test_a_qualification_on_a_stay_of_no_day_is_found_by_both_rules() -> None:
    found = rule_findings(frozenset({"koki_korei_zero_day_stay_insured"}), KOKI_RULES, BINDINGS, MOVE_RULES)
    person = "moved_in=2025-06-01"
    assert_first_finding(found["koki_korei.acquired_on_move_in"], "koki_korei.acquired_on_move_in", 2025,
                         '{"資格取得日": null}', '{"資格取得日": "2025-06-01"}', person)
    assert_first_finding(found["koki_korei.lost_on_move_day"], "koki_korei.lost_on_move_day", 2025,
                         '{"資格喪失日": null}', '{"資格喪失日": "2025-06-01"}', person)


def test_the_clean_reference_gives_the_welfare_rules_no_finding() -> None:
    found = rule_findings(frozenset(), KOKI_RULES, BINDINGS, WELFARE_RULES)
    assert all(findings == [] for findings in found.values())


def test_a_qualification_kept_on_the_first_day_of_the_protection_is_found_by_both_rules() -> None:
    found = rule_findings(frozenset({"koki_korei_welfare_first_day_insured"}), KOKI_RULES, BINDINGS, WELFARE_RULES)
    person = "moved_in=2025-06-01"
    assert_first_finding(found["koki_korei.acquired_after_welfare"], "koki_korei.acquired_after_welfare", 2025,
                         '{"資格取得日": null}', '{"資格取得日": "2025-06-01"}', person)
    assert_first_finding(found["koki_korei.lost_on_welfare"], "koki_korei.lost_on_welfare", 2025,
                         '{"資格喪失日": null}', '{"資格喪失日": "2025-06-01"}', person)
