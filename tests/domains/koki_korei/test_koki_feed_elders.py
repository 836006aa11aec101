"""A product of 後期高齢者医療 alone, judged through the 庁内連携 feed (issue 66, F-E of the outsider's 後期高齢者医療
run): the feed's fixed corpus holds two persons of 80 (feed.elder_scenarios), so 第52条第2号 (資格取得 on the day of a
move in, not of its 届出) and 第53条第1項ただし書 (資格喪失 on the move day itself) are compared at every run, which
without the 住民記録 driver (model.world.domains not run) left them NOT_AUTOMATED; a named defect of each is caught with
its requirement, field and day."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.domains.feed import ELDER_MOVES, FEED, FeedResult, elder_scenarios, run_feed
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

KOKI = load_edition(default_catalog_root() / "koki_korei" / "2025.12")
ON_MOVE_IN, ON_MOVE_DAY = "koki_korei-2025.12-1.52.0.1.2-R001", "koki_korei-2025.12-1.53.0.1.0-R002"
ASKED = "/residents/{atena}/qualifications#/後期高齢者医療/"


@contextmanager
def fed(defects: frozenset[str] = frozenset()) -> Iterator[FeedResult]:
    """The reference as a 後期-only product with the feed and no other driver operation, one drawn example."""
    with started_in_process(defects) as running:
        target = Target(catalog=KOKI, http=running.client(), driver=DriverTarget(operations=[FEED]), seed=20200901,
                        max_examples=1, shrink=False, claimed=frozenset({"koki_korei"}))
        yield run_feed(target)


def test_the_elders_are_of_eighty_and_move_on_one_day() -> None:
    arrives, leaves = elder_scenarios("011002")
    assert (arrives.moved_in, arrives.previous, arrives.notified) == (ELDER_MOVES, "011002", date(2025, 7, 10))
    assert (leaves.planned_out, leaves.elsewhere, leaves.next) == (ELDER_MOVES, ELDER_MOVES, "011002")


def test_the_clean_reference_passes_and_both_rules_are_compared() -> None:
    with fed() as found:
        assert found.breaches == ()
    assert {ON_MOVE_IN, ON_MOVE_DAY} <= found.compared


def test_an_acquisition_on_the_notification_is_caught_on_the_elder_moving_in() -> None:
    with fed(frozenset({"koki_korei_acquired_on_notification"})) as found:
        pass
    assert {(b.requirement, b.code, b.item, b.expected, b.actual) for b in found.breaches} == {
        (ON_MOVE_IN, "world.domain_mismatch", ASKED + "資格取得日@2025-06-30", "2025-06-30", "2025-07-10")}


def test_a_loss_the_day_after_a_move_is_caught_on_the_elder_moving_out() -> None:
    with fed(frozenset({"koki_korei_lost_day_after_on_move"})) as found:
        pass
    assert {(b.requirement, b.code, b.item, b.expected, b.actual) for b in found.breaches} == {
        (ON_MOVE_DAY, "world.domain_mismatch", ASKED + "資格喪失日@2025-06-30", "2025-06-30", "2025-07-01")}
    assert found.sent[-1] == "転入通知(2025-06-30)"
