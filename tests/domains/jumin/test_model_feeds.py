"""Issue 67, feeds at their boundaries: the 異動差分 (GET /residents?changed_since, 7.2.3 R002) a counterpart system
polls every night, read by the model's state machine after every step that changes a person. Each named defect of
the reference at one boundary is reported with its exact finding, and so is the 操作ログ's clock (10.2 R006: an
instant, its offset counts) (the clean reference's run, with 7.2.3 R002 exercised
and no breach: test_model_machine.py's first test)."""

from __future__ import annotations

import re

import pytest
from inprocess import started_in_process

from conformance.checks.registry import CheckContext
from conformance.domains.jumin.model.check import state_machine
from conformance.findings import Finding
from tests.domains.jumin.test_model_machine import EDITION, machine_target

DIFF = "jumin-1.0-7.2.3-R002"


def _findings(defects: frozenset[str], requirement: str = DIFF) -> list[Finding]:
    with started_in_process(defects) as running:
        target = machine_target(running.client())
        return list(state_machine(CheckContext(EDITION.requirement(requirement), target=target)))


@pytest.mark.parametrize(("defect", "code", "item"), [
    # The same instant written in JST: nine hours late, so no one is listed.
    ("diff_since_offset_ignored", "model.diff_offset_differs", "GET /residents?changed_since=<JST>"),
    # The next page starts a row late: read a row a page, the step's second person is lost.
    ("diff_next_offset_skips_row", "model.diff_paging", "GET /residents?changed_since&limit=1"),
])
def test_a_diff_defect_is_reported_against_7_2_3_r002(defect: str, code: str, item: str) -> None:
    findings = _findings(frozenset({defect}))
    assert [(f.code, f.where.split("/step:")[0], _jst(f.where.split("#", 1)[-1])) for f in findings] == [
        (code, "model:jumin", item)]


def _jst(where: str) -> str:
    """The location with the step's moment (a time of the run) in place of its JST text."""
    head, _, moment = where.partition("changed_since=")
    return f"{head}changed_since=<JST>" if moment.endswith("+09:00") else where


def test_an_operation_log_dated_by_japan_s_wall_clock_labelled_utc_is_reported_against_10_2_r006() -> None:
    """The named defect oplog_clock_jst_as_utc: every entry's 日時 nine hours after the step (the clean reference's
    entries, +09:00, pass: test_model_machine.py's first test)."""
    findings = _findings(frozenset({"oplog_clock_jst_as_utc"}), "jumin-1.0-10.2-R006")
    # The first example's step 6, a 転居 after a 照会: both its entries.
    assert [(f.code, f.where.split("#", 1)[-1]) for f in findings] == [
        ("model.log_field_missing", "driver:/logs/operations#moves.within/日時"),
        ("model.log_field_missing", "driver:/logs/operations#query.person/日時")]
    assert all(f.where.startswith("model:jumin/step:") and str(f.actual).endswith("+00:00") for f in findings)


def test_a_support_mark_not_in_the_diff_is_reported_against_7_2_3_r002() -> None:
    """Issue 67, blind 03: the named defect diff_mark_not_restamped (a 支援措置's mark written on the 原票 keeps the
    row's old change time). The 異動差分 is read after a 支援措置 step too, and must list its 支援対象者 (7.2.3 R001:
    支援対象者管理データを含む): the first example's step 2, a support.register."""
    findings = _findings(frozenset({"diff_mark_not_restamped"}))
    assert [(f.code, f.where, f.expected, f.actual) for f in findings] == [
        ("model.diff_missing", "model:jumin/step:2", "1 changed persons listed", "1 missing")]


def test_a_diff_giving_an_earlier_row_is_reported_against_7_2_3_r002() -> None:
    """Issue 67, blind 04: the named defect diff_first_changed_row (each person answered with the first row changed
    since the moment). The 異動差分 since the example's first step is read again at its end, after two 異動 of one
    person, and must give the latest row: the first example's person's 住民状態 3 (死亡) given as 1."""
    findings = _findings(frozenset({"diff_first_changed_row"}))
    assert [(f.code, f.where.split("#", 1)[0], f.where.rsplit("#/", 1)[-1], f.expected, f.actual)
            for f in findings] == [("model.diff_not_latest", "model:jumin/step:3", "住民状態", "3", "1")]
    assert "GET /residents?changed_since=" in findings[0].where


def test_a_diff_paged_by_change_time_loses_a_row_when_a_person_changes_between_two_pages() -> None:
    """Issue 67, blind round 5, 16: the named defect diff_ordered_by_change (the 異動差分's pages by change time). At
    the end of an example the machine polls the 異動差分 since its first step a row a page and corrects the 方書 of
    the first person listed after the first page: by change time that person moves to the end, and the row the next
    page should start with is lost (by 宛名番号, the clean reference's order, nothing moves)."""
    findings = _findings(frozenset({"diff_ordered_by_change"}))
    # The first example that changes two persons (the 利用期間 one: step 15 is the correction between the pages).
    assert [(f.code, re.sub(r"changed_since=[^&]+&", "changed_since=<since>&", f.where), f.expected, f.actual)
            for f in findings] == [("model.diff_lost_across_change", "model:jumin/step:15#GET /residents?"
                                    "changed_since=<since>&limit=1#1000033339", "listed once", "listed 0 times")]
    assert "a 異動 of 1000033320 between two page reads" in findings[0].message
