"""児童手当: the forms of an answer the text leaves open pass, a wrong answer still fails (issue 65).

- ``児童.月額``: a month of 0 yen for a child who does not count that month (born later, past its 児童 period) may be
  listed or left out (provisions.yaml 第6条第1項第1号): the reference's answers with every 0 entry left out pass every
  rule reading the amounts; a month due answered 0 fails ``jido_teate.amounts`` with its finding.
- ``支払期月``: the months paid only, in any order, or every month from 2024-10 (provisions.yaml 第8条第4項): the
  reference's answers cut to the months from 支給開始月 and reversed pass; the latest month left out fails
  ``jido_teate.payment_months`` with its finding.
"""

from __future__ import annotations

import json
from typing import Any

from rule_probes import PartChange, rewritten_answers, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.domains.jido_teate import checks as jc
from conformance.domains.jido_teate.checks import JIDO_RULES, RECORD_RULES
from conformance.locations import default_catalog_root
from conformance.oracles.readings import ANY_OF
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "jido_teate" / "2025.12" / "bindings.yaml"
RULES = {rule.name: rule for rule in (jc.AMOUNTS, *JIDO_RULES.values(), *RECORD_RULES.values())}
#: The rules that read 児童.月額 (the amounts, the whole month, the 第三子 count, the payments' totals).
AMOUNT_RULES = ["jido_teate.amounts", "jido_teate.whole_month", "jido_teate.third_child_adults",
                "jido_teate.payment_schedule", "jido_teate.last_period"]


class Counted:
    """How many entries a rewrite changed: a rewrite that changed nothing shows no reading (the test fails)."""

    def __init__(self) -> None:
        self.changed = 0


def _zero_months_left_out(counted: Counted) -> PartChange:
    def change(part: dict[str, Any]) -> None:
        for child in part.get("児童") or []:
            kept = [entry for entry in child.get("月額") or [] if entry.get("金額") != 0]
            counted.changed += len(child.get("月額") or []) - len(kept)
            child["月額"] = kept

    return change


def _latest_month_answered_zero(part: dict[str, Any]) -> None:
    for child in part.get("児童") or []:
        paid = [entry for entry in child.get("月額") or [] if entry.get("金額")]
        if paid:
            max(paid, key=lambda entry: str(entry["月"]))["金額"] = 0


def test_the_zero_months_left_out_pass_every_rule_reading_the_amounts() -> None:
    counted = Counted()
    found = rule_findings(frozenset(), RULES, BINDINGS, AMOUNT_RULES,
                          client_type=rewritten_answers(jc.PART, _zero_months_left_out(counted)), max_examples=10)
    assert found == {name: [] for name in AMOUNT_RULES}
    assert counted.changed > 0  # the reference lists 0 for a child not counting (AGED_OUT's elder): some were cut


def test_a_month_due_answered_zero_is_the_amounts_finding() -> None:
    rule = "jido_teate.amounts"
    (finding,) = rule_findings(frozenset(), RULES, BINDINGS, [rule],
                               client_type=rewritten_answers(jc.PART, _latest_month_answered_zero))[rule]
    assert finding.code == "scenario.jido_teate.amounts.mismatch"
    example = jc.CLAIMED_WITHIN_15_DAYS  # the rule's first worked example: born 2024-12-25, paid from 2025-01
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year={example.fiscal_year}"
    assert json.loads(finding.expected) == {"月額": {"0:2025-01": 15_000, "0:2025-02": 15_000, "0:2025-03": 15_000}}
    assert json.loads(finding.actual) == {"月額": {"0:2025-01": 15_000, "0:2025-02": 15_000}}


def _months_paid_reversed(counted: Counted) -> PartChange:
    def change(part: dict[str, Any]) -> None:
        first, listed = part.get("支給開始月"), part.get("支払期月") or []
        kept = [entry for entry in listed if first is None or str(entry["月"]) >= first]
        counted.changed += len(listed) - len(kept)
        part["支払期月"] = kept[::-1]

    return change


def _latest_month_left_out(part: dict[str, Any]) -> None:
    listed = part.get("支払期月") or []
    if listed:
        listed.remove(max(listed, key=lambda entry: str(entry["月"])))


def test_the_months_paid_only_in_reverse_pass_the_payment_months() -> None:
    rule, counted = "jido_teate.payment_months", Counted()
    found = rule_findings(frozenset(), RULES, BINDINGS, [rule], max_examples=budget(25),
                          client_type=rewritten_answers(jc.PART, _months_paid_reversed(counted)))
    assert found == {rule: []}
    assert counted.changed > 0  # the reference lists 2024-10 to 2024-12 for a 支給 from 2025-01


def test_every_month_in_reverse_passes_the_payment_months() -> None:
    rule = "jido_teate.payment_months"

    def reversed_only(part: dict[str, Any]) -> None:
        part["支払期月"] = (part.get("支払期月") or [])[::-1]

    assert rule_findings(frozenset(), RULES, BINDINGS, [rule], client_type=rewritten_answers(jc.PART, reversed_only),
                         max_examples=budget(25)) == {rule: []}


def test_a_month_paid_left_out_is_the_payment_months_finding() -> None:
    rule = "jido_teate.payment_months"
    (finding,) = rule_findings(frozenset(), RULES, BINDINGS, [rule],
                               client_type=rewritten_answers(jc.PART, _latest_month_left_out))[rule]
    assert finding.code == "scenario.jido_teate.payment_months.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year={jc.PAID_IN_EVEN_MONTHS.fiscal_year}"
    every, paid_only = json.loads(finding.expected)["支払期月"][ANY_OF]
    assert paid_only == {"2025-01": "2025-02", "2025-02": "2025-04", "2025-03": "2025-04"}
    assert every == {"2024-10": "2024-12", "2024-11": "2024-12", "2024-12": "2025-02", **paid_only}
    without_march = {month: paid for month, paid in every.items() if month != "2025-03"}
    assert json.loads(finding.actual) == {"支払期月": without_march}


def test_a_month_listed_twice_still_differs() -> None:
    twice = {jc.PART: {"支払期月": [{"月": "2025-01", "支払月": "2025-02"}] * 2}}
    projection = jc._listed_payment_months(twice, scenarios.Loaded("1", ()))
    assert projection == {"支払期月": twice[jc.PART]["支払期月"]}
    assert projection != jc._payment_months(jc.PAID_IN_EVEN_MONTHS, TOWN_CODE)
