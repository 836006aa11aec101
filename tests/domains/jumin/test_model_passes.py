"""Issue 67 (the blind round of session 35, "noticed"): a verdict that depended on what else failed.

After a shrunk failure the machine runs a second pass on the same vendor (``check.run_machine``, ``SECOND_PASS``),
from the same serials, while the first pass's persons stay in the vendor. The series made their numbers differ
(issue 65), not their names: where the draws agreed, the two passes' persons held one 氏名 and one 生年月日, and the
outputs that tell persons by them saw the other pass's namesake. Two breaches of no clean run followed, each reported
only when another defect had started the second pass: a 支援対象者 listed on the 閲覧用 list (3.4 R001,
``model.dv_inspection_listed``: the first pass's namesake, unprotected, was listed) and a 住民異動届 refused E051 (10.8
R003, ``model.not_committed``: two 住民 of the 届出's 氏名 and 生年月日, an answer the text allows). These tests replay
both states on the clean reference: no breach; the defect each rule catches is still caught there."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from inprocess import started_in_process

from conformance import clock
from conformance.catalog.loader import load_edition
from conformance.domains.jumin.model import steps as steps_module
from conformance.domains.jumin.model.check import session_of
from conformance.domains.jumin.model.fixed_examples import csv_imports
from conformance.domains.jumin.model.machine import machine_for
from conformance.domains.jumin.model.step_requests import _support_request
from conformance.domains.jumin.model.steps import FIRST_PASS, SECOND_PASS, WORLD, ModelBreach, Session, _kanji
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "jumin" / "1.0")
SEED = 20200901
#: The serial of the 支援対象者 both passes make (any block no fixed example uses).
SERIAL = 2_000_069
#: Run 02's 支援対象者's 生年月日 (seed 1, second pass).
BORN = "1989-01-07"


@contextmanager
def two_passes(defects: frozenset[str] = frozenset()) -> Iterator[tuple[Session, Session]]:
    """The first and the second pass's sessions of one run on one reference (``defects`` on), as run_machine has."""
    with started_in_process(defects) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=1, shrink=False, every_breach=False)
        yield session_of(target, FIRST_PASS), session_of(target, SECOND_PASS)


def breaches(session: Session) -> list[tuple[str, str, int]]:
    """Each breach the session recorded: requirement, code, and the step it came at."""
    return [(breach.requirement, breach.code, len(steps)) for steps, failure in session.failures
            for breach in failure.breaches]


def test_no_name_of_one_series_is_a_name_of_another_and_the_first_pass_s_are_as_before() -> None:
    sessions = [Session(paths=None, series=series) for series in (FIRST_PASS, SECOND_PASS, WORLD)]  # type: ignore[arg-type]
    serials = [1, 2, 11, 69, 2_000_069, 87_000_000, 99_000_001]
    tags = [session.tag(serial) for session in sessions for serial in serials]
    assert len(set(tags)) == len(tags)
    assert [sessions[0].tag(serial) for serial in serials] == [_kanji(serial) for serial in serials]
    assert {session.mark for session in sessions} == {"", "乙", "丙"}


# -- 3.4 R001: the 閲覧用 list of a 支援対象者's 町字 (run 02: seed 1, the second pass's step 14) -------------------

def protected_namesake(first: Session, second: Session) -> None:
    """The state run 02 reached: a 住民 of the first pass left unprotected; the second pass's person of the same
    serial and 生年月日 given a 支援措置 in force, then the example's end (every path, the 閲覧用 list too)."""
    machine_for(replace(first, serials=itertools.count(SERIAL)))().household(
        1, None, [BORN], unknown=False, headless=False)
    machine = machine_for(replace(second, serials=itertools.count(SERIAL)))()
    made = machine.household(1, None, [BORN], unknown=False, headless=False)
    request = _support_request(machine.world.latest(made[0]), clock.today() - timedelta(days=30))
    machine._step("support.register", request, f"support.register({machine._p(made[0])}, -30d)")
    machine.teardown()


def test_a_second_pass_s_protected_person_is_left_off_the_inspection_list_on_the_clean_reference() -> None:
    with two_passes() as (first, second), contextlib.suppress(ModelBreach):
        protected_namesake(first, second)
    assert breaches(first) == breaches(second) == []
    assert "jumin-1.0-3.4-R001" in second.exercised


def test_with_one_name_across_the_passes_the_clean_reference_met_the_false_alarm(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The replay reaches run 02's state: with the names the passes had (no series' mark), the clean reference's
    閲覧用 list holds the first pass's namesake, and the model took it for the 支援対象者."""
    monkeypatch.setattr(steps_module, "_NAME_SERIES", ("", "", ""))
    with two_passes() as (first, second), contextlib.suppress(ModelBreach):
        protected_namesake(first, second)
    assert breaches(second) == [("jumin-1.0-3.4-R001", "model.dv_inspection_listed", 2)]


def test_an_inspection_list_showing_the_second_pass_s_protected_person_is_still_reported() -> None:
    with two_passes(frozenset({"dv_inspection_leak"})) as (first, second), contextlib.suppress(ModelBreach):
        protected_namesake(first, second)
    assert breaches(second) == [("jumin-1.0-3.4-R001", "model.dv_inspection_listed", 2)]


# -- 10.8 R003: a 住民異動届 found by 氏名 and 生年月日 (runs 10 and 24: seed 20200901, the second pass, csv_imports)

def test_the_second_pass_s_csv_imports_pass_on_the_clean_reference_beside_the_first_s() -> None:
    with two_passes() as (first, second):
        for session in (first, second):
            with contextlib.suppress(ModelBreach):
                csv_imports(session)
    assert breaches(first) == breaches(second) == []
    assert "jumin-1.0-10.8-R003" in second.exercised
    # The 妻's 転居 from the 住民異動届 committed in both passes (step 3 of each).
    assert all(len(session.finished[-1][0]) == 8 for session in (first, second))


def test_with_one_name_across_the_passes_the_notification_met_two_residents(monkeypatch: pytest.MonkeyPatch) -> None:
    """The replay reaches the state of runs 10 and 24: without the series' mark the 妻 of both passes is one 氏名
    and 生年月日, and the clean reference refuses the 住民異動届 E051 (an answer the text allows: no one 住民)."""
    monkeypatch.setattr(steps_module, "_NAME_SERIES", ("", "", ""))
    with two_passes() as (first, second):
        for session in (first, second):
            with contextlib.suppress(ModelBreach):
                csv_imports(session)
    assert breaches(first) == []
    assert breaches(second) == [("jumin-1.0-10.8-R003", "model.not_committed", 3)]


def test_a_notification_that_moves_a_namesake_is_still_reported_in_the_second_pass() -> None:
    """The named defect csv_todoke_name_only (the 届出's person found by 氏名 alone): step 5's 住民異動届 of the 妻's
    氏名 with another 生年月日 moves her instead of the エラー E051, in either pass."""
    with two_passes(frozenset({"csv_todoke_name_only"})) as (first, second):
        for session in (first, second):
            with contextlib.suppress(ModelBreach):
                csv_imports(session)
    assert breaches(first) == breaches(second) == [("jumin-1.0-10.8-R003", "model.no_error", 5)]
