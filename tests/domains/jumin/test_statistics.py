"""6.1 統計 (conformance/domains/jumin/scenarios/statistics.py) against the reference: clean, both rules pass; with each
defect exactly its findings; a vendor whose adapter lacks ``stats.annual`` is NOT_AUTOMATED."""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from conformance import clock
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.statistics import statistics
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from tests.domains.jumin.test_access_log import EDITION, reference_target

ANNUAL, PLANNED = "jumin-1.0-6.1-R001", "jumin-1.0-6.1-R004"


def judge(target: Target, requirement: str) -> list[Finding]:
    rule = "annual" if requirement == ANNUAL else "planned_out"
    return list(statistics(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def found(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.location.split("#", 1)[1], str(f.expected), str(f.actual)) for f in findings]


def test_the_clean_reference_counts_what_the_harness_did() -> None:
    with reference_target() as target:
        assert judge(target, ANNUAL) == [] and judge(target, PLANNED) == []


def test_moves_counted_by_their_processing_day_fall_out_of_the_period() -> None:
    with reference_target(frozenset({"stats_moves_by_processing_day"})) as target:
        assert found(judge(target, ANNUAL)) == [
            ("stats.figure_differs", f"異動/{kind}", f"+{count}", "+0")
            for kind, count in (("転入", 3), ("出生", 1), ("死亡", 1), ("転出", 1))]
        assert judge(target, PLANNED) == []


def test_a_period_read_to_the_base_day_counts_moves_after_its_end() -> None:
    # The period yesterday cannot tell (it ends on the 異動's day): the period the day before yesterday can.
    with reference_target(frozenset({"stats_period_end_ignored"})) as target:
        findings = judge(target, ANNUAL)
        assert judge(target, PLANNED) == []
    assert found(findings) == [("stats.figure_differs", f"異動/{kind}", "+0", f"+{count}")
                               for kind, count in (("転入", 3), ("出生", 1), ("死亡", 1), ("転出", 1))]
    assert all("期間=" in f.location for f in findings)


def test_a_planned_move_out_dropped_early_fails_r004_only() -> None:
    with reference_target(frozenset({"stats_planned_out_excluded"})) as target:
        assert judge(target, ANNUAL) == []
        assert found(judge(target, PLANNED)) == [
            ("stats.figure_differs", path, "+0", "-1")
            for path in ("人口/日本人/女", "人口/日本人/計", "人口/総数/計", "世帯数")]


def test_the_reference_counts_a_planned_move_out_until_its_day_and_not_after() -> None:
    today = clock.today()
    with start_reference() as running:
        base = running.url + "/driver/v1"
        person = requests.post(base + "/fixtures/persons", json={"persons": [dict(DEFAULT_ITEMS)]}, timeout=10)
        atena = person.json()["persons"][0]["宛名番号"]
        planned = (today + dt.timedelta(days=3)).isoformat()

        def count(day: dt.date) -> int:
            answer = requests.post(base + "/statistics", json={"基準日": day.isoformat()}, timeout=10).json()
            total: int = answer["人口"]["総数"]["計"]
            return total

        days = [today, today + dt.timedelta(days=3), today + dt.timedelta(days=4)]
        before = [count(day) for day in days]
        requests.post(base + "/moves/out", json={"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": planned,
                                                 "届出年月日": today.isoformat()}, timeout=10)
        after = [count(day) for day in days]
    assert [b - a for a, b in zip(before, after, strict=True)] == [0, 0, -1]


def test_an_adapter_without_the_statistics_is_not_automated() -> None:
    with reference_target(operations=("fixtures.persons", "moves.out")) as target, \
            pytest.raises(NotAutomated, match=r"stats\.annual"):
        judge(target, PLANNED)
