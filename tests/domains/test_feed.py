"""The domain systems as clients of 住民記録 (conformance/domains/feed.py; issue 46 item 4): the harness plays
住民記録 and feeds each 異動, then compares the domains' answers with their oracles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.feed import CHECK, FIXED, Journey, feed_check, judge_journey, run_feed
from conformance.targets.base import Target, TestData

ROOT = Path(__file__).resolve().parents[2] / "spec_catalog"
KOKUHO = load_edition(ROOT / "kokuho" / "2025.12")
TOWN = "229997"
FEED = "/admin/feed"
ASKED = "/residents/{atena}/qualifications#/"


def _target(running_client: object, feed_path: str | None = FEED) -> Target:
    return Target(catalog=KOKUHO, http=running_client, data=TestData(({"住所_市区町村コード": TOWN},)),  # type: ignore[arg-type]
                  feed_path=feed_path, seed=20200901, max_examples=25)


def test_the_clean_reference_takes_every_fed_change() -> None:
    with started_in_process() as running:
        result = run_feed(_target(running.client()))
    assert result.breaches == ()
    assert result.journeys == len(FIXED) + 5  # max_examples // 5 drawn


def test_a_domain_system_that_drops_later_records_is_caught_after_the_move_out_fed() -> None:
    # 70, 転出 on 2025-06-10: 国保 is lost on the next day (国民健康保険法 第8条第1項); the defect never took the 転出.
    journey = Journey(date(1955, 1, 20), date(2010, 5, 1), "elsewhere_later", date(2025, 6, 10))
    with started_in_process(frozenset({"feed_ignores_changes"})) as running:
        found = judge_journey(running.client(), FEED, TOWN, journey)
    loss = [f for f in found if f.breach.item == ASKED + "国民健康保険/喪失日@2025-06-10"]
    assert [(f.stage, f.event, f.breach.requirement, f.breach.expected, f.breach.actual) for f in loss] == [
        (2, "転出", "kokuho-2025.12-1.8.0.1.0-R001", "2025-06-11", "null")]


def test_the_check_reports_each_finding_against_its_requirement_with_the_stage() -> None:
    with started_in_process(frozenset({"feed_ignores_changes"})) as running:
        target = _target(running.client())
        loss = list(feed_check(CheckContext(KOKUHO.requirement("kokuho-2025.12-1.8.0.1.0-R001"), target=target)))
        acquired = list(feed_check(CheckContext(KOKUHO.requirement("kokuho-2025.12-1.7.0.1.0-R001"),
                                                target=target)))
    assert loss and {f.code for f in loss} == {"feed.domain_mismatch"}
    first = loss[0]
    assert first.location == f"feed:stage:2#{ASKED}国民健康保険/喪失日@2025-06-10"
    assert (first.expected, first.actual) == ("2025-06-11", "null")
    assert "転出 fed" in first.message and "born 1960-02-01" in first.message
    assert acquired == []  # the 取得日 is the 転入's, which the defect takes


def test_without_a_feed_path_the_check_is_not_automated() -> None:
    with started_in_process() as running:
        target = _target(running.client(), feed_path=None)
        try:
            list(feed_check(CheckContext(KOKUHO.requirement("kokuho-2025.12-1.8.0.1.0-R001"), target=target)))
        except NotAutomated as reason:
            assert "targets.load.feed_path" in str(reason)
        else:
            raise AssertionError("no NotAutomated without a feed_path")


def test_the_main_command_binds_the_check_beside_the_cross_domain_machine() -> None:
    from conformance.shipped_checks import default_registry

    assert default_registry().get(CHECK) is feed_check
    for slug in ("kaigo", "kokuho", "senkyo"):
        for requirement in load_edition(ROOT / slug / "2025.12").requirements:
            names = {getattr(c, "name", "") for c in requirement.checks}
            assert ("model.world.domains" in names) == (CHECK in names), requirement.id
