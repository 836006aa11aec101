"""児童扶養手当: the gaps issue 66's statute mutants showed (benchmarks/mutation/statute_survivors.toml,
``[domains.jido_fuyo_teate]``), each closed by a worked example of the text and shown caught: the named defect that
mirrors the mutant, and the mutant's own reading written into the reference's answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rule_probes import rewritten_from_records, rule_findings

from conformance.domains.jido_fuyo_teate import checks as fs
from conformance.domains.jido_fuyo_teate.checks import FUYO_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "jido_fuyo_teate" / "2025.12" / "bindings.yaml"
PARTIAL_STOP = "jido_fuyo_teate.partial_stop"
QUERY = "GET /residents/{atena}/qualifications fiscal_year=2025"
#: The worked example PARTIAL_AT_FIVE_YEN as the oracle and as a 五円 rounded down give it.
AT_FIVE = ({"一部支給停止額": 15_650}, {"一部支給停止額": 15_640})
#: PARTIAL_BELOW_FIVE_YEN as the oracle and as the coefficient 0.025662 give it.
BELOW_FIVE = ({"一部支給停止額": 10_860}, {"一部支給停止額": 10_870})
#: PARTIAL_TWO_CHILDREN as the oracle and as the 加算額's coefficient 0.003957 give it.
TWO_CHILDREN = ({"一部支給停止額": 17_190}, {"一部支給停止額": 17_200})


def test_a_five_yen_remainder_with_a_tiny_fraction_is_rounded_up() -> None:
    # 施行令 第2条の4第3項: 609,269 x 0.0256619 = 15,635.0001511 -> 15,640 (五円以上は十円に切り上げ), plus ten yen.
    assert fs._stopped(fs.PARTIAL_AT_FIVE_YEN, TOWN_CODE) == AT_FIVE[0]
    # 423,000 x 0.0256619 = 10,854.9837 -> 10,850 (五円未満は切り捨て), plus ten yen.
    assert fs._stopped(fs.PARTIAL_BELOW_FIVE_YEN, TOWN_CODE) == BELOW_FIVE[0]
    # 第4項, two children: 14,883.902 -> 14,880 + 10, and 580,000 x 0.0039568 = 2,294.944 -> 2,290 + 10.
    assert fs._stopped(fs.PARTIAL_TWO_CHILDREN, TOWN_CODE) == TWO_CHILDREN[0]


def _shown(findings: list[Any]) -> list[tuple[str, str, Any, Any]]:
    return [(f.code, f.location, json.loads(f.expected), json.loads(f.actual)) for f in findings]


def test_the_yen_cut_before_rounding_is_caught_on_the_worked_examples() -> None:
    # Defect jido_fuyo_stop_five_yen_cut_first: PARTIAL (7,955.19) ends in a 五円 and is rounded down, the rule's
    # first finding; PARTIAL_AT_FIVE_YEN (15,635.0001511), judged alone, too.
    defect = frozenset({"jido_fuyo_stop_five_yen_cut_first"})
    mismatch = f"scenario.{PARTIAL_STOP}.mismatch"
    found = _shown(rule_findings(defect, FUYO_RULES, BINDINGS, [PARTIAL_STOP], max_examples=1)[PARTIAL_STOP])
    assert found == [(mismatch, QUERY, {"一部支給停止額": 7_970}, {"一部支給停止額": 7_960})]
    alone = {PARTIAL_STOP: replace(FUYO_RULES[PARTIAL_STOP], examples=(fs.PARTIAL_AT_FIVE_YEN,))}
    found = _shown(rule_findings(defect, alone, BINDINGS, [PARTIAL_STOP], max_examples=1)[PARTIAL_STOP])
    assert found == [(mismatch, QUERY, *AT_FIVE)]


def _product_short(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The mutant x__tens__mutmut_8's reading: the product divided by 100,000,001 instead of 10^8 (yen x 10^7),
    which loses about 0.0002 yen: a 五円 with less above it is rounded down (the 基本額's part; one child)."""
    excess = int(record["前年所得"]) - 690_000
    if part.get("支給区分") != "一部支給" or record.get("加算対象扶養親族等の数") not in ("0", None):
        return part
    tens, rest = divmod(excess * 256_619, 100_000_001)
    return {**part, "一部支給停止額": (tens + (rest >= 50_000_000)) * 10 + 10}


def test_the_mutant_s_reading_is_caught_by_the_worked_example_alone() -> None:
    # PARTIAL's 7,955.19 is rounded up by the mutant too (its fraction is far above 0.0002 yen); the draw at the
    # run's seed gives no such income.
    found = rule_findings(frozenset(), FUYO_RULES, BINDINGS, [PARTIAL_STOP], max_examples=1,
                          client_type=rewritten_from_records(fs.PART, _product_short))[PARTIAL_STOP]
    assert _shown(found) == [(f"scenario.{PARTIAL_STOP}.mismatch", QUERY, *AT_FIVE)]


def test_the_coefficient_to_six_places_is_caught_by_the_worked_example_alone() -> None:
    # Defect jido_fuyo_stop_rate_rounded (issue 66's mutant x__stopped__mutmut_24: 256,620 for 256,619): PARTIAL and
    # PARTIAL_AT_FIVE_YEN give the same tens either way (7,955.22; 15,635.06), PARTIAL_BELOW_FIVE_YEN does not.
    found = rule_findings(frozenset({"jido_fuyo_stop_rate_rounded"}), FUYO_RULES, BINDINGS, [PARTIAL_STOP],
                          max_examples=1)[PARTIAL_STOP]
    assert _shown(found) == [(f"scenario.{PARTIAL_STOP}.mismatch", QUERY, *BELOW_FIVE)]


def test_the_addition_s_coefficient_to_six_places_is_caught_by_the_worked_example_alone() -> None:
    # Defect jido_fuyo_addition_stop_rate_rounded (issue 66's mutant x__stopped__mutmut_39: 39,569 for 39,568, the
    # same tens here): only PARTIAL_TWO_CHILDREN has a second child with its 加算額 just under 五円.
    found = rule_findings(frozenset({"jido_fuyo_addition_stop_rate_rounded"}), FUYO_RULES, BINDINGS, [PARTIAL_STOP],
                          max_examples=1)[PARTIAL_STOP]
    assert _shown(found) == [(f"scenario.{PARTIAL_STOP}.mismatch", QUERY, *TWO_CHILDREN)]
