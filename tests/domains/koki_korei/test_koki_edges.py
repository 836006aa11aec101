"""後期高齢者医療's worked examples at the edges the statute mutation run found unasked (issue 66): what the oracle says
of each, that the clean reference gives their rules no finding, and the named defect mirroring the run's mutants gives
its rules' exact finding (its requirements: test_koki_scenarios.test_each_defect_fails_exactly_its_requirements).
"""

from __future__ import annotations

import pytest
from rule_probes import assert_first_finding, rule_findings

from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei.checks import KOKI_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "koki_korei" / "2025.12" / "bindings.yaml"
WELFARE_RULES = ["koki_korei.acquired_after_welfare", "koki_korei.lost_on_welfare"]
MOVE_RULES = ["koki_korei.acquired_on_move_in", "koki_korei.lost_on_move_day"]


#: Each edge: its worked example, the two rules asking it (資格取得日, 資格喪失日) and the named defect mirroring
#: the run's mutants. WELFARE_ON_MOVE_IN: 第51条第1号 from the first day of the address, 第52条: no 資格 until the
#: 保護 ends, so nothing to lose either. MOVED_THROUGH: 第53条第1項ただし書, the move day is the address's in the
#: other 都道府県, so no day of address in the 区域.
EDGES = {
    "WELFARE_ON_MOVE_IN": (ks.WELFARE_ON_MOVE_IN, WELFARE_RULES, "koki_korei_welfare_first_day_insured"),
    "MOVED_THROUGH": (ks.MOVED_THROUGH, MOVE_RULES, "koki_korei_zero_day_stay_insured"),
}


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_the_edge_gives_no_qualification(edge: str) -> None:
    example, rules, _ = EDGES[edge]
    assert ks._insured_on(example, TOWN_CODE) == {"被保険者": False}
    assert ks._acquired(example, TOWN_CODE) == {"資格取得日": None}
    assert ks._lost(example, TOWN_CODE) == {"資格喪失日": None}
    assert all(example in KOKI_RULES[name].examples for name in rules)


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_the_clean_reference_gives_the_edges_rules_no_finding(edge: str) -> None:
    found = rule_findings(frozenset(), KOKI_RULES, BINDINGS, EDGES[edge][1])
    assert all(findings == [] for findings in found.values())


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_the_edges_defect_is_found_by_both_its_rules(edge: str) -> None:
    _, (acquiring, losing), defect = EDGES[edge]
    found = rule_findings(frozenset({defect}), KOKI_RULES, BINDINGS, [acquiring, losing])
    person, day = "moved_in=2025-06-01", '"2025-06-01"'
    assert_first_finding(found[acquiring], acquiring, 2025, '{"資格取得日": null}', f'{{"資格取得日": {day}}}', person)
    assert_first_finding(found[losing], losing, 2025, '{"資格喪失日": null}', f'{{"資格喪失日": {day}}}', person)
