"""The 戸籍の附票 of a 附票-only product fed by 住民記録 (issue 66): a profile that claims koseki_fuhyo, declares the
driver's ``linkage.feed`` and no operation of 住民記録 has the world's 異動 sent through the feed, the harness as the
戸籍 side gives each person fed a 戸籍 (``targets.load.koseki_path``) and 除籍s the dead, and the answered 附票 is
judged with the cross-domain machine's oracle (conformance/domains/world_fuhyo.py ``expected_entry``). The clean
reference passes; named defects of its 附票 are caught through the feed with the exact finding; the bound check
reports them where the machine cannot run. The feed carries a 転居 too (the fixed corpus's two, about half the drawn
persons'), after which the 附票's 住所を定めた年月日 is judged (施行令 第20条第1項)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inprocess import InProcessReference, started_in_process
from scheduled import budget

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenario_rows import MOVED_WITHIN
from conformance.checks.scenarios import Scenario, elders, moves
from conformance.domains import world_fuhyo as wf
from conformance.domains.feed import (
    FEED,
    FeedResult,
    _scenarios,
    domains_check,
    feed_check,
    messages,
    run_feed,
    with_move_within,
)
from conformance.plan import check_run_inputs
from conformance.profiles import DriverTarget, load_profile
from conformance.targets.base import Target
from conformance_reference.defects import DEFECTS

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "koseki_fuhyo" / "2025.12")
SEED = 20200901
PROFILE = """name: fuhyo-only
product: a 戸籍の附票 system fed by a 住民記録 system
version: 0.1.0
claims:
- {domain: koseki_fuhyo, edition: '2025.12'}
targets:
  api: {base_url: 'http://127.0.0.1:9'}
  load: {via: http, path: /admin/migration, koseki_path: /admin/koseki}
  driver: {base_path: /driver/v1, operations: [linkage.feed]}
"""
FUHYO = "/residents/{atena}/qualifications#/戸籍の附票/"
#: What the feed's fixed corpus reaches of the machine-bound requirements: the 記載 (法 第16条第1項), the 住所 and its
#: day (第17条第1項第3号, 第4号), the 修正 on a 転入通知 (施行令 第20条第1項), the 消除 and the 除票 (施行令
#: 第19条第1項, 法 第21条の2第1項). The 出生's entry (施行令 第18条第2項) and the DV copies (法 第20条第5項) are not.
FED = {wf.MADE, wf.ADDRESS, wf.ADDRESS_DATE, wf.CORRECTED, wf.REMOVED, wf.REMOVED_RECORD}


def _target(running: InProcessReference, koseki_path: str | None = "/admin/koseki", seed: int = SEED,
            examples: int = 5) -> Target:
    return Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations=(FEED,)), seed=seed,
                  max_examples=examples, shrink=False, koseki_path=koseki_path, claimed=frozenset({wf.DOMAIN}))


@contextmanager
def fed(defects: frozenset[str] = frozenset()) -> Iterator[FeedResult]:
    with started_in_process(defects) as running:
        yield run_feed(_target(running))


def test_the_clean_reference_passes_with_the_fuhyo_compared() -> None:
    with fed() as found:
        assert found.found == () and found.examples == 26 + 5
    assert found.compared == FED


@pytest.mark.parametrize("seed", [1, 7, 424242])
def test_the_clean_reference_passes_at_other_seeds_with_days_after_today(seed: int) -> None:
    # The drawn 異動 reach years after the vendor's today: a 国外転出 whose 転出予定年月日 is still ahead and a 除籍
    # dated after today leave the 附票 open as it stands (world_fuhyo: these seeds failed the clean reference before).
    with started_in_process() as running:
        found = run_feed(_target(running, seed=seed, examples=60))
    assert found.found == () and found.compared == FED


def test_a_fuhyo_only_profile_declares_the_feed_and_the_koseki_path(tmp_path: Path) -> None:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    profile = load_profile(path)
    check_run_inputs(profile, [EDITION], path)
    assert profile.targets.driver is not None and profile.targets.driver.implements(FEED)


def _breaches(found: FeedResult) -> set[tuple[str, str, str | None, str | None]]:
    assert {b.code for b in found.breaches} == {"world.fuhyo_mismatch"}
    return {(b.requirement, b.item.split("#/戸籍の附票/")[1], b.expected, b.actual) for b in found.breaches}


#: Each named defect of the reference's 附票, what the feed finds of it (requirement, field@day, expected, actual)
#: and the 異動 fed last: 施行令 第20条第1項 (the 転入通知's municipality and 転入日: the corpus's move to another
#: 都道府県 on 3月31日), 施行令 第19条第1項 and 法 第21条の2 (the 消除 and its day after the 死亡), 法 第17条第1項
#: 第3号 (a 国外転出者 from the day after the 転出予定年月日).
CAUGHT = [
    ("fuhyo_not_updated_on_move", {
        (wf.CORRECTED, "住所_市区町村コード@2024-03-31", "221007", "229997"),
        (wf.CORRECTED, "住所を定めた年月日@2024-03-31", "2024-03-31", "2010-04-01")}, "転入通知(2024-03-31)"),
    ("fuhyo_kept_after_removal", {
        (wf.REMOVED, "消除@2024-03-31", "true", "false"),
        (wf.REMOVED_RECORD, "消除年月日@2024-03-31", "除籍の日から照会の日まで", "null")}, "死亡(2024-03-31)"),
    ("fuhyo_emigrant_keeps_last_address", {
        (wf.ADDRESS, "住所_市区町村コード@2024-04-03", "null", "229997"),
        (wf.ADDRESS, "国外転出者@2024-04-03", "true", "false")}, "国外転出(2024-04-02)"),
    # The 転居 (施行令 第20条第1項: the 住所を定めた年月日 changed is corrected; the corpus's 転居 of 2024-03-25,
    # notified 2024-03-29, by a person resident since 2010, asked on its 処理日, the 届出's): a 転居 fed and not
    # taken, the first day kept, the 届出's day taken (法 第17条第1項第4号: the day the 住所 was settled).
    ("fuhyo_feed_move_within_ignored", {
        (wf.CORRECTED, "住所を定めた年月日@2024-03-29", "2024-03-25", "2010-04-01")}, "転居(2024-03-25)"),
    ("fuhyo_not_updated_on_move_within", {
        (wf.CORRECTED, "住所を定めた年月日@2024-03-29", "2024-03-25", "2010-04-01")}, "転居(2024-03-25)"),
    ("fuhyo_address_date_from_notification", {
        (wf.CORRECTED, "住所を定めた年月日@2024-03-29", "2024-03-25", "2024-03-29")}, "転居(2024-03-25)"),
]


@pytest.mark.parametrize(("defect", "breaches", "last"), CAUGHT, ids=[entry[0] for entry in CAUGHT])
def test_a_named_defect_of_the_fuhyo_is_caught_through_the_feed(
        defect: str, breaches: set[tuple[str, str, str, str]], last: str) -> None:
    with fed(frozenset({defect})) as found:
        pass
    assert _breaches(found) == breaches
    assert found.sent[-1] == last
    # Every failing example breaks only the requirements the defect declares (those its 異動 reaches).
    broken = {breach.requirement for example in found.found for breach in example.breaches}
    assert broken <= set(DEFECTS[defect].requirements) and broken == {requirement for requirement, *_ in breaches}


def test_a_move_within_is_fed_as_a_row_of_its_own_and_the_later_rows_keep_its_address() -> None:
    # The 転居 row: the new 住所 settled on the 転居's day, the 届出 on its own day, 住民となった年月日 unchanged; the
    # 転出 and the 転入通知 after it are the 転居's row with their 異動 (the 附票 follows the 住所 the 転居 set).
    settled, moved, notified, left = date(2010, 4, 1), date(2024, 6, 3), date(2024, 6, 7), date(2024, 6, 28)
    person = Scenario(2024, date(1958, 8, 8), settled, planned_out=left, elsewhere=left, next="131016",
                      within=(moved, notified))
    sent = messages(person, "221309", "8999999990", "9499999990")
    assert [what for what, _ in sent] == ["転入", "転居", "国内転出", "転入通知"]
    came, within = sent[0][1], sent[1][1]
    assert (came["住所_町字"], came["住所を定めた年月日"]) == ("本町一丁目", settled.isoformat())
    assert {name: within[name] for name in ("異動事由区分", "異動日", "住所を定めた年月日", "届出年月日",
                                            "住民となった年月日", "住所_町字", "住民状態")} == {
        "異動事由区分": "転居", "異動日": "2024-06-03", "住所を定めた年月日": "2024-06-03", "届出年月日": "2024-06-07",
        "住民となった年月日": "2010-04-01", "住所_町字": MOVED_WITHIN["住所_町字"], "住民状態": "1"}
    assert all(row["住所_町字"] == MOVED_WITHIN["住所_町字"] and row["住所を定めた年月日"] == "2024-06-03"
               for _, row in sent[2:])


@settings(max_examples=budget(200), deadline=None, database=None)
@given(st.one_of(moves(("221007", "131016")), elders(("221007", "131016"))).flatmap(with_move_within))
def test_a_drawn_move_within_falls_inside_the_stay(s: Scenario) -> None:
    # After the 転入's day and before the stay's end (its 届出 not after the end either), so that each 異動 is fed
    # in order and the 住所を定めた年月日 it sets differs from the one the 附票 was made with.
    if s.within is not None:
        moved, notified = s.within
        end = s.moved_out or s.moved_in + timedelta(days=730)
        assert s.moved_in < moved < end and moved <= notified <= min(end, moved + timedelta(days=14))


def test_the_drawn_examples_move_persons_with_a_koseki_within_the_town() -> None:
    # Issue 66: the draws give 転居 to persons of a 戸籍 in the town (every person fed is a 日本人 given one), not
    # only the fixed corpus's.
    target = Target(catalog=EDITION, seed=SEED, max_examples=20, shrink=False)
    drawn = _scenarios(target, ("221007", "131016"))[26:]
    assert len(drawn) == 20
    assert sum(s.within is not None for s in drawn) >= 5 and not any(s.foreign for s in drawn)


def test_the_bound_checks_report_the_feed_once_where_the_machine_cannot_run() -> None:
    # Without 住民記録's operations the machine does not run: model.world.feed, bound beside model.world.domains,
    # reports what the feed found (located feed:linkage.feed#...), and model.world.domains does not repeat it.
    with started_in_process(frozenset({"fuhyo_not_updated_on_move"})) as running:
        target = _target(running)
        requirement = EDITION.requirement(wf.CORRECTED)
        assert "model.world.feed" in {getattr(bound, "name", "") for bound in requirement.checks}
        findings = list(feed_check(CheckContext(requirement, target=target)))
        repeated = list(domains_check(CheckContext(requirement, target=target)))
        kept = list(feed_check(CheckContext(EDITION.requirement(wf.ADDRESS), target=target)))
    # The first failing example's two fields, then each other way the answers differ (distinct_ways).
    assert [(f.code, f.location, f.expected, f.actual) for f in findings[:2]] == [
        ("world.fuhyo_mismatch", f"feed:{FEED}#{FUHYO}住所_市区町村コード@2024-03-31", "221007", "229997"),
        ("world.fuhyo_mismatch", f"feed:{FEED}#{FUHYO}住所を定めた年月日@2024-03-31", "2024-03-31", "2010-04-01")]
    assert {f.location.split("@")[0] for f in findings} == {
        f"feed:{FEED}#{FUHYO}住所_市区町村コード", f"feed:{FEED}#{FUHYO}住所を定めた年月日"}
    assert "転入通知(2024-03-31)" in findings[0].message and kept == [] and repeated == []


def test_a_fed_move_within_not_taken_fails_the_correction_alone_at_the_move_s_day() -> None:
    # The verdict's findings (model.world.feed, bound to 施行令 第20条第1項): one way the answers differ, located at
    # the 転居's 処理日 (its 届出's day); 第4号's own requirement (the day the 附票 was made with) is not breached.
    with started_in_process(frozenset({"fuhyo_feed_move_within_ignored"})) as running:
        target = _target(running)
        findings = list(feed_check(CheckContext(EDITION.requirement(wf.CORRECTED), target=target)))
        kept = list(feed_check(CheckContext(EDITION.requirement(wf.ADDRESS_DATE), target=target)))
    assert [(f.code, f.location, f.expected, f.actual) for f in findings] == [
        ("world.fuhyo_mismatch", f"feed:{FEED}#{FUHYO}住所を定めた年月日@2024-03-29", "2024-03-25", "2010-04-01")]
    assert "転居(2024-03-25)" in findings[0].message and kept == []


def test_without_the_koseki_path_the_fuhyo_stays_not_automated() -> None:
    with started_in_process() as running:
        target = _target(running, koseki_path=None)
        with pytest.raises(NotAutomated, match=f"no 異動 given through the driver's {FEED} compared the rule"):
            list(domains_check(CheckContext(EDITION.requirement(wf.CORRECTED), target=target)))
    # The 出生's entry (施行令 第18条第2項) is no 異動 the feed sends: NOT_AUTOMATED with the reason.
    with started_in_process() as running, pytest.raises(NotAutomated, match="no 異動 given through"):
        list(domains_check(CheckContext(EDITION.requirement(wf.JOINED), target=_target(running))))
