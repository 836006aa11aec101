"""The fixed example ``twins`` of the model's state machine: a 世帯 of a 世帯主 and twins (two 子 of one 生年月日), its
世帯全員 写し printed, the twins by 宛名番号 (5.2 R008-R009; second blind round, 01: the test town has no twins, so a
print ordering them by their フリガナ survived). The clean reference passes; the named defect
``form_member_tie_by_furigana`` is reported with its exact finding."""

from __future__ import annotations

from fixed_alone import run_alone

from conformance.domains.jumin.model.fixed_examples import TWINS_FIRST, twins

WHERE = "POST /forms/juminhyo_setai"


def test_the_clean_reference_prints_the_twins_by_atena() -> None:
    session = run_alone(twins)
    assert session.failures == []
    assert "jumin-1.0-5.2-R009" in session.exercised
    steps, _ = session.finished[-1]
    assert steps[1].startswith("2. forms.juminhyo_setai(printed, the 世帯)")


def test_twins_printed_by_their_furigana_are_reported_at_the_print() -> None:
    steps, failure = run_alone(twins, frozenset({"form_member_tie_by_furigana"})).failures[-1]
    assert [(b.requirement, b.code, b.item, b.expected, b.actual) for b in failure.breaches] == [
        ("jumin-1.0-5.2-R009", "model.form_member_order", f"{WHERE}#/世帯員/2",
         "世帯主 p1 > 子 p2 > 子 p3", "世帯主 p1 > 子 p3 > 子 p2")]
    assert "two 子 not by 生年月日 and 宛名番号" in failure.breaches[0].message
    assert steps[-1].startswith("2. forms.juminhyo_setai(printed, the 世帯)")


def test_a_print_of_some_other_household_order_is_no_breach_of_the_twins() -> None:
    """A defect of another part of 5.2 (the 兄弟姉妹 by 宛名番号) leaves a 世帯 of 世帯主 and twins as it is."""
    assert run_alone(twins, frozenset({"form_member_order_siblings_by_atena"})).failures == []


def test_the_example_s_serials_are_apart_from_the_others_of_its_block() -> None:
    from conformance.domains.jumin.model.fixed_examples import FULL_WALK_FIRST, SHEET_SERIALS

    assert FULL_WALK_FIRST < TWINS_FIRST < SHEET_SERIALS + 1_000_000
