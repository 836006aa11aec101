"""The cross-domain machine (conformance/domains/world.py): 住民記録 異動 through the driver, the domains' per-person
answers after every step against their oracles fed from the model. The clean reference passes and every field is
compared; named defects of the statute units that only show after a 異動 sequence (a 転出 and its 転入通知, a 死亡)
are caught, each with the exact finding: code, requirement, the answer's field and day, the steps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import Scenario
from conformance.domains.jumin.oracles.model import World
from conformance.domains.world import (
    PARTS,
    WorldResult,
    domains_check,
    expected_kaigo,
    on_move_day,
    run_world,
    scenario_of,
)
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
SEED = 20200901
TOWN = "229997"
ASKED = "/residents/{atena}/qualifications#/"


@contextmanager
def world_run(defects: frozenset[str] = frozenset(), max_examples: int = 25) -> Iterator[WorldResult]:
    with started_in_process(defects) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=max_examples, shrink=False)
        yield run_world(target)


def test_the_clean_reference_passes_and_every_field_is_compared() -> None:
    with world_run() as found:
        assert found.result.breaches == ()
        assert found.compared == {requirement for part in PARTS for requirement in part.requirements.values()}
        # What was not judged is said, with the reason (persons the oracles cannot take).
        assert set(found.skipped) <= {"生年月日 不詳 or no calendar day",
                                      "a return after a 転出 or 死亡 (the model leaves a 再転入's other items open)"}


def test_kaigo_insured_on_the_move_day_is_caught_after_a_move_out_and_its_notice() -> None:
    # The misreading of 介護保険法 第11条第1項ただし書 the reference and the oracle once shared: the person still a
    # 第1号被保険者 on the day the 転入通知 names. Only a 転出 followed by its 転入通知 reaches it here.
    with world_run(frozenset({"kaigo_insured_on_move_day"})) as found:
        breaches, steps = found.result.first("kaigo-2025.12-1.11.0.1.0-R002")
        assert {b.requirement for b in found.result.breaches} == {"kaigo-2025.12-1.11.0.1.0-R002"}
    assert [(b.requirement, b.code, b.item.split("@")[0], b.expected, b.actual) for b in breaches] == [
        ("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch",
         ASKED + "介護保険/第1号被保険者", "false", "true")]
    assert "moves.out(" in steps[-2] and "moves.out_confirm(" in steps[-1]
    day = breaches[0].item.split("@")[1]
    assert date.fromisoformat(day) <= date.fromisoformat(steps[-1].rsplit("@ ", 1)[1])


def test_kokuho_loss_the_day_after_a_same_day_move_is_caught() -> None:
    with world_run(frozenset({"kokuho_loss_always_next_day"})) as found:
        breaches, steps = found.result.first("kokuho-2025.12-1.8.0.1.0-R002")
        assert {b.requirement for b in found.result.breaches} == {"kokuho-2025.12-1.8.0.1.0-R002"}
    assert {(b.requirement, b.code, b.item.split("@")[0]) for b in breaches} == {
        ("kokuho-2025.12-1.8.0.1.0-R002", "world.domain_mismatch", ASKED + "国民健康保険/喪失日")}
    assert "moves.out_confirm(" in steps[-1]
    # The defect's 喪失日 is the day after the oracle's (the move day: 第8条第1項ただし書).
    assert all(date.fromisoformat(b.actual or "") == date.fromisoformat(b.expected or "") + timedelta(days=1)
               for b in breaches)


def test_kaigo_lost_on_the_death_day_is_caught_after_a_death() -> None:
    with world_run(frozenset({"kaigo_lost_on_death_day"})) as found:
        breaches, steps = found.result.first("kaigo-2025.12-1.11.0.1.0-R001")
        assert {b.requirement for b in found.result.breaches} == {"kaigo-2025.12-1.11.0.1.0-R001"}
    assert {(b.requirement, b.code, b.item.split("@")[0]) for b in breaches} == {
        ("kaigo-2025.12-1.11.0.1.0-R001", "world.domain_mismatch", ASKED + "介護保険/資格喪失日")}
    assert "deaths(" in steps[-1]


def _world(*rows: dict[str, str]) -> World:
    world = World()
    world.adopt("p", rows)
    return world


_ROW = {"生年月日": "1955-06-06", "生年月日_不詳フラグ": "0", "住民となった年月日": "2010-04-01", "住民状態": "1",
        "届出年月日": "2010-04-05", "住民種別": "1", "住所_市区町村コード": TOWN}


def test_the_model_of_a_move_out_and_its_notice_feeds_the_oracles_as_a_move_on_one_day() -> None:
    moved = {**_ROW, "住民状態": "2", "異動事由区分": "国内転出", "転出予定年月日": "2025-06-30",
             "転出年月日（確定）": "2025-06-30"}
    s = scenario_of(_world(_ROW, moved), "p")
    assert isinstance(s, Scenario)
    assert (s.moved_out, s.elsewhere, s.next is not None, s.notified) == (
        date(2025, 6, 30), date(2025, 6, 30), True, date(2010, 4, 5))
    assert on_move_day(s, date(2025, 6, 30)) and not on_move_day(s, date(2025, 7, 1))
    assert expected_kaigo(s, TOWN, date(2025, 6, 30)) == {"第1号被保険者": False, "資格取得日": "2020-06-05",
                                                           "資格喪失日": "2025-06-30"}


def test_a_move_out_still_recorded_as_resident_ends_the_stay_on_its_planned_day() -> None:
    # 1.1.5 R001 lets a vendor keep 住民状態 住民 until the 転入通知: the stay still ends on the 転出予定年月日.
    pending = {**_ROW, "異動事由区分": "国外転出", "転出予定年月日": "2025-06-30"}
    s = scenario_of(_world(_ROW, pending), "p")
    assert isinstance(s, Scenario) and s.moved_out == date(2025, 6, 30) and s.next is None
    assert expected_kaigo(s, TOWN, date(2025, 7, 1))["資格喪失日"] == "2025-07-01"


def test_persons_the_oracles_cannot_take_are_not_judged_and_say_why() -> None:
    assert scenario_of(_world({**_ROW, "生年月日": "1975-02-29"}), "p") == "生年月日 不詳 or no calendar day"
    back = [_ROW, {**_ROW, "住民状態": "2", "異動事由区分": "国内転出", "転出予定年月日": "2025-06-30"}, _ROW]
    assert str(scenario_of(_world(*back), "p")).startswith("a return after a 転出")
    early = {**_ROW, "住民状態": "3", "異動日": "1990-01-01"}
    assert str(scenario_of(_world(_ROW, early), "p")).startswith("a stay the oracles cannot take")


def test_the_reference_ends_the_stay_of_a_move_out_still_recorded_as_resident() -> None:
    # Found by this machine (its first run): the reference keeps a 転出's record 住民 until the 転入通知 (1.1.5 R001
    # allows it), and its domain rules read only 住民状態, so a 国外転出 (no 転入通知 ever comes) stayed a 国保
    # 被保険者 for ever, with a 介護 資格取得日 at 65 decades after leaving.
    from conformance_reference import rules

    pending = {**_ROW, "異動事由区分": "国外転出", "転出予定年月日": "2025-06-30"}
    stay = rules.stay_of(pending)
    assert stay is not None and (stay.moved_out, stay.loss) == (date(2025, 6, 30), date(2025, 7, 1))
    assert rules.stay_of(_ROW) == rules.Stay(date(2010, 4, 1), None, False, None, None)


KAIGO = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "kaigo" / "2025.12")


def test_the_check_reports_the_finding_against_the_requirement_of_the_statute_edition_it_judges() -> None:
    # As the main command runs it: the target of the 介護保険 edition (no driver operations of its own: the machine
    # drives through the 住民記録 edition), the finding on the requirement bound, none on the others.
    with started_in_process(frozenset({"kaigo_insured_on_move_day"})) as running:
        target = Target(catalog=KAIGO, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False)
        proviso = list(domains_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=target)))
        category = list(domains_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.9.0.1.0-R001"), target=target)))
    assert [(f.code, f.requirement, f.location.split("#", 1)[1].split("@")[0]) for f in proviso] == [
        ("world.domain_mismatch", "kaigo-2025.12-1.11.0.1.0-R002", ASKED + "介護保険/第1号被保険者")]
    assert proviso[0].location.startswith("model:world/step:")
    assert "moves.out_confirm(" in proviso[0].message and f"seed {SEED}" in proviso[0].message
    assert (proviso[0].expected, proviso[0].actual) == ("false", "true")
    assert category == []


def test_without_a_driver_the_check_leaves_the_verdict_to_the_other_checks_bound() -> None:
    target = Target(catalog=KAIGO, seed=SEED)
    assert list(domains_check(CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=target))) == []


def test_the_main_command_has_the_check_bound_to_each_requirement_it_compares() -> None:
    from conformance.catalog.check_params import check_params
    from conformance.shipped_checks import default_registry

    assert default_registry().get("model.world.domains") is domains_check
    assert "model.world.domains" in check_params()
    root = Path(__file__).resolve().parents[2] / "spec_catalog"
    bound = {requirement.id for slug in ("kaigo", "kokuho", "senkyo")
             for requirement in load_edition(root / slug / "2025.12").requirements
             if any(getattr(c, "name", "") == "model.world.domains" for c in requirement.checks)}
    assert bound == {requirement for part in PARTS for requirement in part.requirements.values()} | {
        "kaigo-2025.12-1.11.0.1.0-R002", "kokuho-2025.12-1.8.0.1.0-R002"}


def test_the_machine_runs_once_a_run_whatever_the_editions_it_is_bound_in() -> None:
    # A run opens one target per edition, each with its own cache, all with the profile's one driver target.
    from conformance.domains import world

    kokuho = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "kokuho" / "2025.12")
    driver = DriverTarget(operations="all")
    with started_in_process() as running:
        first, second = (Target(catalog=edition, http=running.client(), driver=driver, seed=SEED, max_examples=3,
                                shrink=False) for edition in (KAIGO, kokuho))
        assert world._world_result(first) is world._world_result(second)
        other = Target(catalog=kokuho, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                       max_examples=3, shrink=False)
        assert world._world_result(other) is not world._world_result(first)  # another run's profile: its own
