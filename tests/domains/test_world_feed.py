"""A domain system judged as the client of 住民記録 (conformance/domains/feed.py, issue 46 item 4): the harness plays
住民記録 and feeds each 異動 through the driver's ``linkage.feed`` (ours, docs/driver.md), then compares the domain
system's per-person answers with the oracles. The clean reference passes; named defects of the statute units are
caught after the 異動 that shows them, with the exact requirement, field and day; a statute vendor without a driver is
given the 異動 through the per-person load instead (issue 64); a profile with neither gets NOT_AUTOMATED with the
reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.feed import FEED, FeedResult, feed_check, run_feed
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

ROOT = Path(__file__).resolve().parents[2] / "spec_catalog"
EDITION = load_edition(ROOT / "jumin" / "1.0")
KAIGO = load_edition(ROOT / "kaigo" / "2025.12")
SEED = 20200901
ASKED = "/residents/{atena}/qualifications#/"


@contextmanager
def fed(defects: frozenset[str] = frozenset()) -> Iterator[FeedResult]:
    with started_in_process(defects) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False)
        yield run_feed(target)


def test_the_clean_reference_passes_with_the_persons_parts_compared() -> None:
    with fed() as found:
        # The fixed corpus's 26 (fixed_scenarios: three persons on each of six boundary days, one reaching twenty,
        # two moving within the town, three of 健康管理, two of 後期高齢者医療).
        assert found.breaches == () and found.examples == 26 + 25
    assert {requirement.split("-")[0] for requirement in found.compared} == {
        "kaigo", "kokuho", "senkyo", "kojin_juminzei", "koki_korei", "kokumin_nenkin", "jido_teate", "shugaku",
        "kenko_kanri"}
    # 国保's 第8条第1項ただし書 (R002) is another 都道府県's move day: this seed's moves on one day stay inside the
    # 都道府県 (本文, R001; test_world_machine.py meets R002).
    assert {"kaigo-2025.12-1.11.0.1.0-R002", "kokuho-2025.12-1.8.0.1.0-R001", "kokumin_nenkin-2025.12-1.9.0.1.2-R001",
            "kojin_juminzei-2025.12-1.318.0.1.0-R001", "senkyo-2025.12-1.27.0.1.0-R001",
            "kokumin_nenkin-2025.12-1.8.0.1.1-R001"} <= found.compared  # 第8条第1号: the one reaching twenty (O1)


def test_kaigo_insured_on_the_move_day_is_caught_after_the_notice_is_fed() -> None:
    # 介護保険法 第11条第1項ただし書: a 第1号被保険者 whose address elsewhere began on the move day is not insured
    # that day.
    with fed(frozenset({"kaigo_insured_on_move_day"})) as found:
        pass
    assert {(b.requirement, b.code, b.item.split("@")[0], b.expected, b.actual) for b in found.breaches} == {
        ("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch", ASKED + "介護保険/第1号被保険者", "false", "true")}
    assert found.sent[-1].startswith("転入通知(") and found.sent[-2].startswith("国内転出(")


def test_nenkin_lost_on_a_domestic_move_is_caught_when_the_move_out_is_fed() -> None:
    # 国民年金法 第9条第2号: a 国内転出 keeps the address in Japan: no 喪失 (caught before any 転入通知 is fed).
    with fed(frozenset({"nenkin_lost_on_domestic_move"})) as found:
        pass
    assert {(b.requirement, b.item.split("@")[0], b.expected) for b in found.breaches} == {
        ("kokumin_nenkin-2025.12-1.9.0.1.2-R001", ASKED + "国民年金/資格喪失日", "null | 2030-05-04")}  # or sixty (F7)
    assert found.sent[-1].startswith("国内転出(")


def test_juminzei_levied_by_the_current_address_is_caught_on_the_corpus_move_in_before_april_first() -> None:
    # 地方税法 第318条: asked on 2024-03-31, the 年度 is 2023 (賦課期日 2023-01-01), before the 転入. The feed's fixed
    # corpus (fixed_scenarios: its first person, moving in the day before 4月1日) meets it before any draw.
    with fed(frozenset({"juminzei_current_address"})) as found:
        pass
    assert {(b.requirement, b.item.split("#/")[1], b.expected, b.actual) for b in found.breaches} == {
        ("kojin_juminzei-2025.12-1.318.0.1.0-R001", "個人住民税/課税@2024-03-31", "false", "true")}
    assert found.sent[-1] == "転入(2024-03-31)"


@pytest.mark.parametrize("seed", [SEED, 7])
def test_the_fixed_corpus_is_fed_first_at_every_seed(seed: int) -> None:
    with started_in_process(frozenset({"juminzei_current_address"})) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=seed,
                        max_examples=1, shrink=False)
        found = run_feed(target)
    assert found.examples == 26 + 1
    assert found.sent[0].startswith("fiscal_year=2023, birth=1984-07-07, moved_in=2024-03-31")


NEITHER = (f"庁内連携: the profile declares neither the driver's {FEED} (targets.driver.operations) nor "
           "targets.load.append_path: no 住民記録 異動 can be given to the domain system")


def test_without_the_feed_or_a_load_the_check_is_not_automated_with_the_reason() -> None:
    with started_in_process() as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations=("moves.in",)),
                        seed=SEED, max_examples=3, shrink=False)
        with pytest.raises(NotAutomated) as raised:
            run_feed(target)
    assert str(raised.value) == NEITHER
    with pytest.raises(NotAutomated, match="neither the driver's"):
        run_feed(Target(catalog=EDITION, seed=SEED))
    # Bound beside the domain's own checks too: NOT_AUTOMATED (the runner runs the others still, and concludes their
    # findings, or NOT_AUTOMATED with this reason: never PASS on theirs alone; tests/test_runner_not_offered.py).
    ctx = CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=Target(catalog=KAIGO, seed=SEED))
    with pytest.raises(NotAutomated, match="neither the driver's"):
        list(feed_check(ctx))


@contextmanager
def loaded(defects: frozenset[str] = frozenset(), claimed: frozenset[str] | None = None) -> Iterator[FeedResult]:
    """A statute vendor without a driver (issue 64): the 異動 given through the per-person load."""
    with started_in_process(defects) as running:
        target = Target(catalog=KAIGO, http=running.client(), seed=SEED, max_examples=25, shrink=False,
                        append_path="/admin/residents", records_path="/admin/records", claimed=claimed)
        yield run_feed(target)


def test_without_a_driver_the_load_gives_the_moves_and_the_clean_reference_passes() -> None:
    with loaded() as found:
        # The fixed corpus's 26 (fixed_scenarios: three persons on each of six boundary days, one reaching twenty,
        # two moving within the town, three of 健康管理, two of 後期高齢者医療).
        assert found.breaches == () and found.examples == 26 + 25
    assert {"kaigo-2025.12-1.11.0.1.0-R002", "kokuho-2025.12-1.8.0.1.0-R001",
            "kojin_juminzei-2025.12-1.318.0.1.0-R001", "senkyo-2025.12-1.27.0.1.0-R001",
            "kokumin_nenkin-2025.12-1.8.0.1.1-R001"} <= found.compared  # 第8条第1号: the one reaching twenty (O1)


def test_without_a_driver_a_kaigo_defect_is_caught_through_the_load_on_the_kaigo_part_alone() -> None:
    # A 介護-only product (claims kaigo): only its part is read; the move day of 第11条第1項ただし書 is caught on the
    # person appended as of the 転入通知, and the 国民年金 defect beside it is not read.
    with loaded(frozenset({"kaigo_insured_on_move_day", "nenkin_lost_on_domestic_move"}),
                frozenset({"kaigo"})) as found:
        pass
    assert {requirement.split("-")[0] for requirement in found.compared} == {"kaigo"}
    assert {(b.requirement, b.code, b.item.split("@")[0], b.expected, b.actual) for b in found.breaches} == {
        ("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch", ASKED + "介護保険/第1号被保険者", "false", "true")}
    assert found.sent[-2].startswith("転入(") and found.sent[-1].startswith("転入通知(")
    assert found.sent[-1].endswith(", appended)") and found.via == "load"
    # As the check reports it: the finding's location says the 異動 came through the load.
    with started_in_process(frozenset({"kaigo_insured_on_move_day"})) as running:
        target = Target(catalog=KAIGO, http=running.client(), seed=SEED, max_examples=25, shrink=False,
                        append_path="/admin/residents", records_path="/admin/records", claimed=frozenset({"kaigo"}))
        findings = list(feed_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=target)))
    assert [(f.code, f.location.split("@")[0]) for f in findings] == [
        ("world.domain_mismatch", "feed:load#" + ASKED + "介護保険/第1号被保険者")]


def test_the_check_reports_the_finding_against_the_requirement_it_judges() -> None:
    with started_in_process(frozenset({"kaigo_insured_on_move_day"})) as running:
        target = Target(catalog=KAIGO, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False)
        proviso = list(feed_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=target)))
        other = list(feed_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.9.0.1.0-R001"), target=target)))
    assert [(f.code, f.requirement, f.location.split("#", 1)[0]) for f in proviso] == [
        ("world.domain_mismatch", "kaigo-2025.12-1.11.0.1.0-R002", f"feed:{FEED}")]
    assert "転入通知(" in proviso[0].message and f"seed {SEED}" in proviso[0].message
    assert other == []


def test_the_reference_refuses_a_feed_without_a_person() -> None:
    with started_in_process() as running:
        client = running.client()
        response = client.request("post", "/driver/v1/linkage/feed", json={"住民票": {"氏名": "x"}})
    assert response.status == 400


def test_the_main_command_has_the_check_bound_beside_the_cross_domain_machine() -> None:
    from conformance.catalog.check_params import check_params
    from conformance.shipped_checks import default_registry

    assert default_registry().get("model.world.feed") is feed_check
    assert "model.world.feed" in check_params()
    for slug in ("kaigo", "kokuho", "senkyo", "kojin_juminzei", "koki_korei", "kokumin_nenkin", "kenko_kanri"):
        for requirement in load_edition(ROOT / slug / "2025.12").requirements:
            names = {getattr(c, "name", "") for c in requirement.checks}
            assert ("model.world.feed" in names) == ("model.world.domains" in names), requirement.id


def test_every_failing_example_is_kept_and_each_way_reported_once() -> None:
    # kaigo_lost_after_move_day: the 資格喪失日 one day late after a same-day move. The feed judges every example (a
    # breach no longer ends the run): the corpus's move on 3月31日 (the day itself expected) and on 4月1日 (the day
    # itself or none: the 年度's first day leaves the other reading open) differ in two ways, each reported once.
    with started_in_process(frozenset({"kaigo_lost_after_move_day"})) as running:
        target = Target(catalog=KAIGO, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False)
        requirement = "kaigo-2025.12-1.11.0.1.0-R002"
        findings = list(feed_check(CheckContext(KAIGO.requirement(requirement), target=target)))
        found = run_feed(target)
    assert len(found.found) > 2 and found.breaches == found.found[0].breaches
    assert [(f.location.split("#/")[-1], f.expected, f.actual) for f in findings] == [
        ("介護保険/資格喪失日@2024-03-31", "2024-03-31", "2024-04-01"),
        ("介護保険/資格喪失日@2024-04-01", "2024-04-01 | null", "2024-04-02")]
    assert "another way the answers differ" in findings[1].message


def test_the_feed_contract_names_every_change_the_feed_sends() -> None:
    """Issue 65 F7: the feed's rows name their 異動 in 異動事由区分 (the contract's values, each with its meaning);
    異動事由 stays the 転入's, as the contract says."""
    from datetime import date

    from conformance.catalog.contract import FEED_CHANGES, _feed
    from conformance.checks.scenarios import Scenario
    from conformance.domains.feed import messages

    schema = _feed(EDITION)["requestBody"]["content"]["application/json"]["schema"]["properties"]["住民票"]
    kinds = schema["properties"]["異動事由区分"]
    assert kinds["enum"] == list(FEED_CHANGES)
    assert all(f"{name}: {meaning}" in kinds["description"] for name, meaning in FEED_CHANGES.items())
    born, moved_in, out = date(1990, 6, 6), date(2020, 4, 1), date(2025, 6, 30)
    persons = (Scenario(2025, born, moved_in, planned_out=out, elsewhere=out, next="131016",
                        within=(date(2022, 5, 1), date(2022, 5, 6))),
               Scenario(2025, born, moved_in, planned_out=out), Scenario(2025, born, moved_in, died=out))
    sent = [row for person in persons for _, row in messages(person, "221309", "8999999990", "9499999990")]
    assert {row["異動事由区分"] for row in sent} == set(FEED_CHANGES)
    assert {row["異動事由"] for row in sent} == {"A1"}
    notice = sent[3]  # the 転入通知 keeps the 国内転出's 区分, with the 確定 items (after the 転居 and the 転出)
    assert (notice["異動事由区分"], notice["住民状態"]) == ("国内転出", "2")
    assert notice["転出先住所（確定）_市区町村コード"] == "131016"


def test_a_finding_names_the_year_its_first_request_asks() -> None:
    """Issue 65 O3: a drawn example's own fiscal_year (2017) is not the 年度 the feed asks on its 転入's day."""
    from dataclasses import replace
    from datetime import date

    from conformance.checks.scenarios import Scenario
    from conformance.domains.feed import asked_label

    drawn = Scenario(2017, date(1970, 5, 5), date(2017, 1, 1), previous="131016", died=date(2017, 1, 1))
    assert asked_label(drawn).startswith("fiscal_year=2016, birth=1970-05-05, moved_in=2017-01-01")
    assert asked_label(replace(drawn, fiscal_year=2016)) == replace(drawn, fiscal_year=2016).compact()
