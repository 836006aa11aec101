"""The 支援措置's period on the 原票 (conformance/domains/jumin/oracles/model/support.py ``_period``): after a 申出 and
after a 修正, the person's latest row shows the record's 支援措置_開始年月日 and 支援措置_終了年月日 while the measure
protects them (issue 67, blind round 3, 09 and 10). The oracle admits every reading the register names (a
仮支援措置's own start, the period of another measure in force over the same person, anything once ended) and no other;
the state machine run on the reference with the named defects support_start_as_entry_day (the 原票 dated the day of
entry: the fixed example's 申出 begun 30 days before) and support_extension_not_marked (a 延長 not carried to the
原票: the fixed example's 延長 of a measure in its last month) reports each at its item and requirement; the clean
reference passes both requirements (the clean machine's own tests: tests/domains/jumin/test_model_machine.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance.domains.jumin.oracles.model.rules import Commit, Measure
from conformance.domains.jumin.oracles.model.support import support_register, support_update
from conformance.domains.jumin.oracles.model.world import World
from conformance.oracles.shien_sochi import extended_end_date, support_end_date
from tests.domains.jumin.test_model_machine import _machine_findings, _where

TODAY = date(2026, 11, 30)
APPLICANT, JOINED = "0000000019", "0000000027"


def world(*measures: tuple[str, Measure]) -> World:
    rows = {atena: [{"宛名番号": atena, "履歴番号": "1", "住民状態": "1", "支援措置対象フラグ": "0"}]
            for atena in (APPLICANT, JOINED)}
    return World(persons=rows, measures=dict(measures), today=TODAY)


def register(model: World, start: date, **extra: Any) -> Commit:
    request = {"宛名番号": APPLICANT, "支援措置の期間": {"支援措置の開始年月日": start.isoformat(),
                                                  "支援措置の終了年月日": support_end_date(start).isoformat()}, **extra}
    outcome = support_register(model, request)
    assert isinstance(outcome, Commit)
    return outcome


def update(model: World, period: Mapping[str, str]) -> Commit:
    outcome = support_update(model, {"宛名番号": APPLICANT, "支援措置の期間": dict(period)})
    assert isinstance(outcome, Commit)
    return outcome


def admitted(outcome: Commit, item: str, value: str, atena: str = APPLICANT) -> bool:
    return outcome.marks[atena].sets[item].admits(value)


def requirement(outcome: Commit, item: str) -> str:
    return outcome.marks[APPLICANT].sets[item].requirement


def test_a_measure_begun_before_its_entry_shows_its_own_start_and_end() -> None:
    start = TODAY - timedelta(days=30)
    outcome = register(world(), start)
    assert admitted(outcome, "支援措置_開始年月日", start.isoformat())
    assert admitted(outcome, "支援措置_終了年月日", support_end_date(start).isoformat())
    # Blind round 3, 10: the day of entry is another start.
    assert not admitted(outcome, "支援措置_開始年月日", TODAY.isoformat())
    assert not admitted(outcome, "支援措置_終了年月日", "")
    assert requirement(outcome, "支援措置_開始年月日") == requirement(outcome, "支援措置_終了年月日") == \
        "jumin-1.0-7.2.3-R001"


def test_a_provisional_measure_may_show_the_start_of_either() -> None:
    start, provisional = TODAY + timedelta(days=30), TODAY
    outcome = register(world(), start, 仮支援措置={"仮支援措置の有無": "有",
                                                "仮支援措置の開始年月日": provisional.isoformat()})
    assert admitted(outcome, "支援措置_開始年月日", start.isoformat())
    assert admitted(outcome, "支援措置_開始年月日", provisional.isoformat())
    assert not admitted(outcome, "支援措置_開始年月日", (TODAY - timedelta(days=1)).isoformat())


def test_a_measure_not_begun_without_a_provisional_one_is_the_vendor_s() -> None:
    outcome = register(world(), TODAY + timedelta(days=30))
    assert admitted(outcome, "支援措置_開始年月日", "") and admitted(outcome, "支援措置_終了年月日", "1999-01-01")


def test_an_extension_shows_the_new_end_under_3_4_r004() -> None:
    start = TODAY - timedelta(days=350)
    measure = Measure((APPLICANT,), start, support_end_date(start))
    new_end = extended_end_date(measure.end)
    outcome = update(world((APPLICANT, measure)), {"支援措置の終了年月日": new_end.isoformat()})
    assert admitted(outcome, "支援措置_終了年月日", new_end.isoformat())
    # Blind round 3, 09: the old end left on the 原票.
    assert not admitted(outcome, "支援措置_終了年月日", measure.end.isoformat())
    assert requirement(outcome, "支援措置_終了年月日") == "jumin-1.0-3.4-R004"
    assert requirement(outcome, "支援措置_開始年月日") == "jumin-1.0-7.2.3-R001"
    assert admitted(outcome, "支援措置_開始年月日", start.isoformat())


def test_an_ended_measure_leaves_the_period_to_the_vendor() -> None:
    start = TODAY - timedelta(days=100)
    measure = Measure((APPLICANT,), start, support_end_date(start))
    outcome = update(world((APPLICANT, measure)), {"支援措置の終了年月日": TODAY.isoformat()})
    assert admitted(outcome, "支援措置_終了年月日", measure.end.isoformat())
    assert admitted(outcome, "支援措置_開始年月日", "")


def test_a_person_under_two_measures_may_show_either_period() -> None:
    """The 併せて者 of one 申出 who is under an earlier measure of their own: either period is the 原票's."""
    own_start = TODAY - timedelta(days=200)
    own = Measure((JOINED,), own_start, support_end_date(own_start))
    start = TODAY - timedelta(days=30)
    outcome = register(world((JOINED, own)), start, 併せて支援措置を求める者=[{"宛名番号": JOINED}])
    for day in (start, own_start):
        assert admitted(outcome, "支援措置_開始年月日", day.isoformat(), JOINED)
    for day in (support_end_date(start), own.end):
        assert admitted(outcome, "支援措置_終了年月日", day.isoformat(), JOINED)
    assert not admitted(outcome, "支援措置_開始年月日", TODAY.isoformat(), JOINED)
    # The 申出者 is under the one measure only.
    assert not admitted(outcome, "支援措置_開始年月日", own_start.isoformat())


def test_a_start_dated_the_day_of_entry_is_reported_against_7_2_3_r001() -> None:
    """The named defect support_start_as_entry_day (blind round 3, 10): the fixed example's 申出 begun 30 days
    before it is entered; the per-person query's latest row shows the day of entry."""
    findings = _machine_findings("jumin-1.0-7.2.3-R001", defects=frozenset({"support_start_as_entry_day"}))
    assert [_where(f) for f in findings] == [("model.item_not_allowed", "model:jumin", "支援措置_開始年月日")]
    assert "support.register(" in findings[0].message and "-30d" in findings[0].message
    assert findings[0].expected != findings[0].actual


def test_an_extension_left_off_the_record_is_reported_against_3_4_r004() -> None:
    """The named defect support_extension_not_marked (blind round 3, 09): the fixed example's 延長 of a measure in
    its last month leaves the 原票's 支援措置_終了年月日 at the old end."""
    findings = _machine_findings("jumin-1.0-3.4-R004", defects=frozenset({"support_extension_not_marked"}))
    assert [_where(f) for f in findings] == [("model.item_not_allowed", "model:jumin", "支援措置_終了年月日")]
    assert "support.update(" in findings[0].message and "延長" in findings[0].message
    old, new = date.fromisoformat(findings[0].actual or ""), date.fromisoformat(findings[0].expected or "")
    assert new == extended_end_date(old)
