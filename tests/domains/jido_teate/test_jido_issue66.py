"""児童手当's gaps the tool-generated mutants found (issue 66; benchmarks/mutation/statute_survivors.toml): each a
worked example the clean reference passes, and the named defect doing what the mutant did, caught with its own
finding at the per-person query."""

from __future__ import annotations

import json

from rule_probes import rule_findings

from conformance.checks.scenarios import QUERY_PATH
from conformance.domains.jido_teate import checks as js
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "jido_teate" / "2025.12" / "bindings.yaml"


def test_a_move_before_the_last_child_ages_out_ends_the_payment_when_asked_after_both() -> None:
    # 第8条第2項: the 事由 消滅した on the move (2025-06-10), before the only 子's 児童 end (2026-03-31); asked on
    # 2026-04-10, after both, the 支給終了月 is still the move's month. The defect answers the 子's 3月 once it passed.
    rule = "jido_teate.new_municipality"
    assert js._end_month(js.MOVED_BEFORE_AGING_OUT, TOWN_CODE) == {"支給終了月": "2025-06"}
    assert rule_findings(frozenset(), js.RECORD_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"jido_teate_end_month_children_over_move"}), js.RECORD_RULES, BINDINGS,
                               [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert str(finding.location) == f"GET {QUERY_PATH} fiscal_year=2026"
    assert (json.loads(finding.expected or "{}"), json.loads(finding.actual or "{}")) == (
        {"支給終了月": "2025-06"}, {"支給終了月": "2026-03"})


def test_a_foster_child_born_on_february_29_is_three_from_march_first() -> None:
    # 第6条第1項第3号, 第2項第8号: born 2024-02-29, the 3rd birthday is 2027-03-01: 10,000 yen in 2027-04. The defect
    # takes the next year's 3月1日 and answers 15,000.
    rule = "jido_teate.facility_amount"
    assert js._facility_amount(js.FOSTERED_LEAP, TOWN_CODE) == {"施設等受給資格者_月額": 10_000}
    assert rule_findings(frozenset(), js.RECORD_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"jido_teate_facility_leap_year_late"}), js.RECORD_RULES, BINDINGS,
                               [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert str(finding.location) == f"GET {QUERY_PATH} fiscal_year=2027"
    assert (json.loads(finding.expected or "{}"), json.loads(finding.actual or "{}")) == (
        {"施設等受給資格者_月額": 10_000}, {"施設等受給資格者_月額": 15_000})
