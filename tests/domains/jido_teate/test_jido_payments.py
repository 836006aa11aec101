"""児童手当's payments read as a whole (児童手当法 第8条第4項; conformance/domains/jido_teate/checks.py
``jido_teate.payment_schedule`` and ``jido_teate.last_period``): the readings of the ただし書, each passing; the
answer's ``支払`` projected without a crash whatever its shape; each named defect failing exactly its rule's
requirement."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rule_probes import rule_findings

from conformance.checks import scenarios
from conformance.checks.scenarios import Loaded
from conformance.domains.jido_teate import checks as js
from conformance.domains.jido_teate.oracle import payment_schedules
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "jido_teate" / "2025.12" / "bindings.yaml"
LOADED = Loaded("0000000001", ("0000000002", "0000000003"))
OWN = js._OWN_TOTAL


def _answer(payments: list[dict[str, Any]], months: list[str], amount: int = 10_000) -> dict[str, Any]:
    """An answer whose two 子 are paid ``amount`` each for ``months`` and whose 支払 is ``payments``."""
    children = [{"宛名番号": atena, "月額": [{"月": month, "金額": amount} for month in months]}
                for atena in LOADED.children]
    return {"児童手当": {"児童": children, "支払": payments}}


def test_the_ordinary_periods_pay_the_months_before_each_even_month() -> None:
    # 第8条第4項本文: 2024-12 and 2025-01 paid in 2025-02, 2025-02 and 2025-03 in 2025-04.
    months = [(2024, 12), (2025, 1), (2025, 2), (2025, 3)]
    assert payment_schedules(months, None) == ({(2025, 2): ((2024, 12), (2025, 1)),
                                                 (2025, 4): ((2025, 2), (2025, 3))},)


def test_a_period_ending_in_an_odd_month_is_paid_in_that_month_or_its_payment_month() -> None:
    # ただし書, the reading in provisions.yaml: 消滅 on 2025-07-10, 2025-06 and 2025-07 paid in 2025-07 or 2025-08.
    months = [(2025, 4), (2025, 5), (2025, 6), (2025, 7)]
    assert payment_schedules(months, (2025, 7)) == (
        {(2025, 6): ((2025, 4), (2025, 5)), (2025, 7): ((2025, 6), (2025, 7))},
        {(2025, 6): ((2025, 4), (2025, 5)), (2025, 8): ((2025, 6), (2025, 7))})


def test_a_period_ending_in_an_even_month_may_be_paid_with_that_months_payment() -> None:
    # 消滅 on 2025-06-10: 2025-06 paid in 2025-06 (with 2025-04 and 2025-05), 2025-07 or 2025-08.
    months = [(2025, 4), (2025, 5), (2025, 6)]
    assert payment_schedules(months, (2025, 6)) == (
        {(2025, 6): ((2025, 4), (2025, 5), (2025, 6))},
        {(2025, 6): ((2025, 4), (2025, 5)), (2025, 7): ((2025, 6),)},
        {(2025, 6): ((2025, 4), (2025, 5)), (2025, 8): ((2025, 6),)})


def test_every_reading_of_the_last_period_passes_and_an_unpaid_period_fails() -> None:
    expected = js._period_schedule(js.LEFT_IN_JULY, TOWN_CODE)
    # The 年度 2025 asked about: 2025-04 to 2025-07 paid (claimed 2025-01-09, moved abroad 2025-07-10).
    months = ["2025-04", "2025-05", "2025-06", "2025-07"]
    regular = [{"支払月": "2025-06", "対象月": ["2025-04", "2025-05"], "金額": 40_000}]
    for paid_in in ("2025-07", "2025-08"):
        last = {"支払月": paid_in, "対象月": ["2025-06", "2025-07"], "金額": 40_000}
        assert js._period_paid(_answer([*regular, last], months), LOADED) == expected
    assert js._period_paid(_answer(regular, months), LOADED) != expected
    # Paid a period late (2025-10): not a month the ただし書 allows.
    late = {"支払月": "2025-10", "対象月": ["2025-06", "2025-07"], "金額": 40_000}
    assert js._period_paid(_answer([*regular, late], months), LOADED) != expected


def test_payments_in_one_month_are_read_as_one_and_the_total_against_the_answers_own_amounts() -> None:
    months = ["2025-04", "2025-05", "2025-06"]
    apart = [{"支払月": "2025-06", "対象月": ["2025-04", "2025-05"], "金額": 40_000},
             {"支払月": "2025-06", "対象月": ["2025-06"], "金額": 20_000}]
    together = [{"支払月": "2025-06", "対象月": ["2025-04", "2025-05", "2025-06"], "金額": 60_000}]
    shown = {"支払": {"2025-06": {"対象月": months, "金額": OWN}}}
    assert js._paid(_answer(apart, months), LOADED) == js._paid(_answer(together, months), LOADED) == shown
    # One 子's amounts only: the total is shown as given, not as the answer's own.
    short = [{"支払月": "2025-06", "対象月": months, "金額": 30_000}]
    assert js._paid(_answer(short, months), LOADED) == {"支払": {"2025-06": {"対象月": months, "金額": 30_000}}}


@pytest.mark.parametrize("payments", [None, "2025-06", [1], [{"支払月": "2025-06", "対象月": "2025-05", "金額": 1}],
                                      [{"支払月": "2025-06", "対象月": ["2025-05"], "金額": "10000"}],
                                      [{"支払月": 202506, "対象月": ["2025-05"], "金額": 1}]])
def test_an_answer_not_of_the_contracts_shape_is_shown_as_given(payments: Any) -> None:
    document = {"児童手当": {"児童": [{"月額": "none"}, 7], "支払": payments}}
    assert js._paid(document, LOADED) == {"支払": payments}
    assert js._period_paid(document, LOADED) == {"支払": payments}


@pytest.mark.parametrize(("defect", "rule", "requirement"), [
    ("jido_teate_payment_eldest_only", "jido_teate.payment_schedule", "jido_teate-2025.12-1.8.0.4.0-R001"),
    ("jido_teate_last_period_unpaid", "jido_teate.last_period", "jido_teate-2025.12-1.8.0.4.0-R002")])
def test_each_payment_defect_fails_its_rule_alone(defect: str, rule: str, requirement: str) -> None:
    names = ["jido_teate.payment_schedule", "jido_teate.last_period"]
    assert rule_findings(frozenset(), js.JIDO_RULES, BINDINGS, names) == {name: [] for name in names}
    found = rule_findings(frozenset({defect}), js.JIDO_RULES, BINDINGS, names)
    assert [name for name in names if found[name]] == [rule]
    assert {(f.code, f.requirement) for f in found[rule]} == {(f"scenario.{rule}.mismatch", requirement)}
    assert all(f.location.startswith(f"GET {scenarios.QUERY_PATH}") for f in found[rule])


def test_the_worked_example_of_a_move_abroad_in_july() -> None:
    assert js.LEFT_IN_JULY.planned_out == date(2025, 7, 10)
    expected = js._period_schedule(js.LEFT_IN_JULY, TOWN_CODE)["支払"]
    assert expected.allowed[0]["2025-07"] == ["2025-06", "2025-07"]
    assert expected.allowed[1]["2025-08"] == ["2025-06", "2025-07"]
