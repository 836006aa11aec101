"""Each seed of a run explores the cross-domain machine and the feed for real (issue 65 item 3): the run's first seed
plays the fixed corpus and its draws, each later seed its own draws, its result kept for that seed; the editions a
run opens share each seed's run of the machine, not one seed's for all."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import seed_key
from conformance.domains import world_run
from conformance.domains.feed import fixed_scenarios, run_feed
from conformance.domains.jumin.model import check as model_check
from conformance.profiles import DriverTarget
from conformance.targets.base import Target
from conformance.targets.exports import ApiExportSource

pytestmark = pytest.mark.slow  # runs of the machine and the feed against the reference

ROOT = Path(__file__).resolve().parents[2] / "spec_catalog"
JUMIN = load_edition(ROOT / "jumin" / "1.0")
KAIGO = load_edition(ROOT / "kaigo" / "2025.12")
KOKUHO = load_edition(ROOT / "kokuho" / "2025.12")
SEEDS = (20200901, 7)
#: The residents export the 住民記録 machine reconciles (10.6 R001).
EXPORT = "residents_csv"


def test_the_feed_judges_the_fixed_corpus_with_the_first_seed_and_each_seed_s_own_draws() -> None:
    with started_in_process() as running:
        target = Target(catalog=JUMIN, http=running.client(), driver=DriverTarget(operations="all"), seed=SEEDS[0],
                        seeds=SEEDS, max_examples=5, shrink=False)
        first, later = (run_feed(target.seeded(seed)) for seed in SEEDS)
    corpus = len(fixed_scenarios(("", "")))
    # The examples of each seed: the 26 of the corpus once a run, then the seed's five draws.
    assert (corpus, first.examples, later.examples) == (26, 26 + 5, 5)
    assert first.breaches == later.breaches == () and later.compared


def test_the_machine_runs_once_a_run_and_seed_whatever_the_editions_it_is_bound_in() -> None:
    driver = DriverTarget(operations="all")
    with started_in_process() as running:
        kaigo, kokuho = (Target(catalog=edition, http=running.client(), driver=driver, seed=SEEDS[0], seeds=SEEDS,
                                max_examples=2, shrink=False) for edition in (KAIGO, KOKUHO))
        first, later = (world_run.world_result(kaigo.seeded(seed)) for seed in SEEDS)
        # Each seed's run kept for that seed: the other edition is handed the same seed's, never another seed's.
        assert [world_run.world_result(kokuho.seeded(seed)) for seed in SEEDS] == [first, later]
        assert first is not later and (first.result.seed, later.result.seed) == SEEDS
        assert set(kaigo.cache) == {seed_key("model.world.domains", seed) for seed in SEEDS}
    assert later.compared and first.result.breaches == later.result.breaches == ()
    replayed = replace(kaigo, seed=SEEDS[1], seeds=SEEDS)  # the later seed asked afresh: kept, not run again
    assert world_run.world_result(replayed) is later


def test_the_machine_s_persons_are_not_strangers_in_the_export_the_jumin_machine_of_the_seed_reconciles(
        tmp_path: Path) -> None:
    """Issue 65: the cross-domain machine and the 住民記録 machine of one seed draw from the same serials, on the same
    vendor where a run judges both domains; before the series (``Session.series``) their persons held the same
    住民票コード and 個人番号, and the 住民記録 machine's export reconciliation (10.6 R001) reported the cross-domain
    machine's as persons the records do not have (``model.export_unknown`` at ``residents_csv:3029#/宛名番号`` and
    ``:3030``, seed 7, two drawn examples each)."""
    driver = DriverTarget(operations="all")
    with started_in_process() as running:
        http = running.client()
        kaigo = Target(catalog=KAIGO, http=http, driver=driver, seed=SEEDS[1], seeds=SEEDS, max_examples=2,
                       shrink=False)
        exports = ApiExportSource(http, {EXPORT: "/exports/residents.csv"}, tmp_path)
        jumin = replace(kaigo, catalog=JUMIN, exports=exports, every_breach=False)
        world = world_run.world_result(kaigo)
        found = model_check.run_machine(jumin)
        exported = exports.fetch_current(EXPORT)
    with exported.path.open(encoding="utf-8-sig", newline="") as handle:
        numbers = {row["宛名番号"]: row["個人番号"] for row in csv.DictReader(handle) if row.get("個人番号")}
    assert world.compared and "jumin-1.0-10.6-R001" in found.exercised
    assert [(b.code, b.item) for b in found.breaches] == []
    held = list(numbers.values())
    assert [number for number in set(held) if held.count(number) > 1] == []
    assert {number[:3] for number in held} >= {"800", "802"}  # both machines' persons: the 住民記録's, the world's
