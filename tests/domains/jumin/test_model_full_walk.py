"""The fixed example ``full_read_walk`` of the model's state machine: the 全件 (``GET /residents`` without
``changed_since``) walked a row a page across a 異動 (7.2.3 R002; interpretation diff-boundaries; issue 67's blind
round, 19). The clean reference passes; the named defect ``full_read_storage_order`` (the 全件 paged in the table's
storage order: the person changed moves to the end) is reported at the walk, with the person lost."""

from __future__ import annotations

from fixed_alone import run_alone

from conformance.domains.jumin.model.feeds import across_change
from conformance.domains.jumin.model.fixed_examples import FULL_WALK_FIRST, UNKNOWN_BIRTH_FIRST, full_read_walk
from conformance.domains.jumin.model.steps import Session


def alone(defects: frozenset[str] = frozenset()) -> Session:
    return run_alone(full_read_walk, defects)


def test_the_clean_reference_lists_every_person_once_across_the_change() -> None:
    session = alone()
    assert session.failures == []
    assert "jumin-1.0-7.2.3-R002" in session.exercised


def test_a_full_read_in_storage_order_loses_the_row_after_the_person_changed() -> None:
    steps, failure = alone(frozenset({"full_read_storage_order"})).failures[-1]
    [breach] = failure.breaches
    assert (breach.requirement, breach.code, breach.expected, breach.actual) == (
        "jumin-1.0-7.2.3-R002", "model.full_lost_across_change", "listed once", "listed 0 times")
    assert breach.item.startswith("GET /residents?offset=") and "&limit=1#" in breach.item
    assert steps[-2].startswith("2. GET /residents(全件, from p1")
    assert steps[-1].startswith("3. ex_officio.correct(職権修正, p1, 住所_方書, between two pages")


def test_the_changed_person_may_be_listed_again_but_no_other() -> None:
    # The person changed listed twice (their new row again) is allowed; another person twice or never is not.
    assert list(across_change(["a", "b"], ["a", "a", "b"], "a", "x", full=True)) == []
    [lost] = across_change(["a", "b", "c"], ["a", "c", "c"], "a", "x", full=True)
    assert (lost.code, lost.item, lost.actual) == ("model.full_lost_across_change", "x#b", "listed 0 times")


def test_the_walk_s_serials_are_apart_from_the_other_examples_in_its_block() -> None:
    assert UNKNOWN_BIRTH_FIRST + 1_000 < FULL_WALK_FIRST < UNKNOWN_BIRTH_FIRST + 500_000


def test_a_breach_at_the_walk_leaves_the_fixed_examples_after_it_judged_by_the_second_pass() -> None:
    # A run shrinks (the default): its first pass ends at the walk's breach, before the fixed examples after it
    # (support_cases: 3.4 R008; code_stock, csv_imports ...); the second pass, going on past each breach, judges
    # them, so they are exercised in the run and not NOT_AUTOMATED beside the FAIL (issue 67: the third blind round's
    # 13 and 16 turned 4 and 6 PASS into NOT_AUTOMATED so).
    from dataclasses import replace

    from conformance.domains.jumin.model.check import _run, run_machine
    from tests.domains.jumin.test_model_machine import reference_target

    defect = frozenset({"full_read_storage_order"})
    with reference_target(defect) as target:
        first = _run(replace(target, shrink=True, every_breach=True))
    with reference_target(defect) as target:
        result = run_machine(replace(target, shrink=True, every_breach=True))
    after_the_walk = {"jumin-1.0-3.4-R008", "jumin-1.0-5.2-R009"}
    assert [b.code for b in first.breaches] == ["model.full_lost_across_change"]
    assert not after_the_walk & first.exercised  # the first pass alone: never judged
    assert after_the_walk <= result.exercised
    assert {b.code for b in result.breaches} | {b.code for f in result.drawn for b in f.breaches} == {
        "model.full_lost_across_change"}


def test_a_rule_left_unexercised_beside_a_breach_says_which_breaches_ended_the_examples() -> None:
    from conformance.domains.jumin.model.check import Found, Result, unexercised_reason
    from conformance.domains.jumin.oracles.model.judge import Breach

    lost = Breach("jumin-1.0-7.2.3-R002", "model.diff_missing", "")
    clean, broken = Result(frozenset(), seed=7), Result(frozenset(), (Found(("1. x",), (lost,)),), seed=7)
    plain = "no step of the model's state machine exercised the rule of jumin-1.0-4.0.1-R001 in this run (seed 7)"
    assert unexercised_reason("jumin-1.0-4.0.1-R001", clean) == plain
    assert unexercised_reason("jumin-1.0-4.0.1-R001", broken) == (
        f"{plain}; the examples that might have reached it ended at a breach of jumin-1.0-7.2.3-R002 (an example "
        "stops at its first breach: the vendor's state then differs from the model's)")
