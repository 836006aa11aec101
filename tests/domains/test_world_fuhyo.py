"""The 戸籍の附票 in the cross-domain machine (conformance/domains/world_fuhyo.py): a drawn 日本人 given a 戸籍 when
made, their 附票 entry compared after every step with what the model of 住民記録 holds (法 第17条第3号, 第4号;
施行令 第19条, 第20条). The clean reference passes with every field compared; each named defect is caught through a
異動 sequence, with the exact requirement, field and day, and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from inprocess import started_in_process
from test_world_machine import EDITION, SEED, world_run

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.domains.feed import domains_check
from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.world_corpus import MOVE_WITHIN
from conformance.domains.world_fuhyo import (
    ADDRESS,
    ADDRESS_DATE,
    CORRECTED,
    JOINED,
    NO_KOSEKI,
    REMOVED,
    REMOVED_RECORD,
    REQUIREMENTS,
)
from conformance.domains.world_run import run_world
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.targets.base import Target
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister

FUHYO = "/residents/{atena}/qualifications#/戸籍の附票/"
DATE = "住所を定めた年月日"


def _found(defect: str, requirement: str, seed: int = SEED) -> tuple[tuple[Breach, ...], tuple[str, ...], set[str]]:
    """The first failing example's breaches of ``requirement`` and its steps, with every requirement the run broke."""
    with world_run(frozenset({defect}), seed=seed) as found:
        breaches, steps = found.result.first(requirement)
        return breaches, steps, {b.requirement for b in found.result.breaches}


def _day(breach: Breach) -> date:
    return date.fromisoformat(breach.item.rsplit("@", 1)[1])


def _step_day(step: str) -> date:
    return date.fromisoformat(step.rsplit("@ ", 1)[1])


def test_the_clean_reference_passes_with_every_field_of_the_fuhyo_compared() -> None:
    with world_run() as found:
        assert found.result.breaches == ()
        assert found.compared >= set(REQUIREMENTS)
        assert NO_KOSEKI not in found.skipped


def test_without_a_koseki_path_the_fuhyo_is_not_compared_and_says_why() -> None:
    with started_in_process(frozenset()) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=5, shrink=False)
        found = run_world(target)
    assert found.skipped.get(NO_KOSEKI, 0) > 0
    assert not found.compared & set(REQUIREMENTS)


@pytest.mark.parametrize("seed", [SEED, 2, 7])
def test_an_address_date_not_corrected_on_a_move_within_the_town_is_caught_after_the_move(seed: int) -> None:
    # 施行令 第20条第1項: the 住所を定めた年月日 changed by a 転居 is corrected; the defect keeps the first one. Caught
    # by the fixed corpus's 転居 (conformance/domains/world_corpus.py: MOVE_WITHIN) at every seed: the default seed's
    # drawn examples give no 転居 to a person with a 戸籍.
    breaches, steps, broken = _found("fuhyo_not_updated_on_move_within", CORRECTED, seed=seed)
    assert broken == {CORRECTED}
    assert {(b.code, b.item.split("@")[0]) for b in breaches} == {("world.fuhyo_mismatch", FUHYO + DATE)}
    assert steps == (f"1. fixtures.persons(size=2) [{MOVE_WITHIN.name}] @ 2024-03-20",
                     f"2. moves.within([p1, p2], 異動日 2024-03-25) [{MOVE_WITHIN.name}] @ 2024-03-29")
    assert [(b.expected, b.actual, _day(b)) for b in breaches] == [("2024-03-25", "2010-04-01", date(2024, 3, 29))]


def test_an_address_date_taken_from_the_notification_day_is_caught_after_a_move_in_or_within() -> None:
    # 法 第17条第1項第4号: the day the 住所 was settled (the 異動日), not the day the 届 was made.
    breaches, steps, broken = _found("fuhyo_address_date_from_notification", ADDRESS_DATE)
    assert broken <= {ADDRESS_DATE, CORRECTED} and ADDRESS_DATE in broken
    assert {(b.code, b.item.split("@")[0]) for b in breaches} == {("world.fuhyo_mismatch", FUHYO + DATE)}
    assert "moves.in(" in steps[-1]
    assert all(date.fromisoformat(b.actual or "") > date.fromisoformat(b.expected or "") for b in breaches)


def test_an_address_not_corrected_on_a_move_out_is_caught_after_its_notice() -> None:
    # 施行令 第20条第1項: the 転入通知 (read as 法 第19条第1項's 通知 too) corrects the 住所 and its day.
    breaches, steps, broken = _found("fuhyo_not_updated_on_move", CORRECTED)
    assert broken == {CORRECTED}
    assert {b.item.split("@")[0] for b in breaches} == {FUHYO + "住所_市区町村コード", FUHYO + "住所を定めた年月日"}
    assert "moves.out_confirm(" in steps[-1]
    assert {b.actual for b in breaches if b.item.startswith(FUHYO + "住所_市区町村コード")} == {"229997"}


def test_an_entry_not_removed_after_a_death_is_caught_after_the_death() -> None:
    # 施行令 第19条第1項: the harness, as the 戸籍 side, sends the 除籍 of the dead; the entry must be 消除.
    breaches, steps, broken = _found("fuhyo_kept_after_removal", REMOVED)
    assert broken == {REMOVED, REMOVED_RECORD}  # no 消除, so no 消除年月日 either: both the defect's (第21条の2)
    assert [(b.code, b.item.split("@")[0], b.expected, b.actual) for b in breaches] == [
        ("world.fuhyo_mismatch", FUHYO + "消除", "true", "false")]
    assert "deaths(" in steps[-1]


def test_a_child_born_into_the_koseki_without_an_entry_is_caught_after_the_birth() -> None:
    # 施行令 第18条第2項: a person who entered the 戸籍 after its 附票 was made has an entry; the harness enters a
    # 出生's child in the 世帯主's 戸籍 (戸籍法 第18条). The defect keeps the 在籍者 the 戸籍 was first given with.
    breaches, steps, broken = _found("fuhyo_joiner_not_added", JOINED)
    assert broken == {JOINED}
    assert {(b.code, b.item.split("@")[0], b.actual) for b in breaches} == {("world.fuhyo_mismatch", FUHYO + "記載",
                                                                               "none")}
    assert "births(" in steps[-1]
    assert all(_day(b) == _step_day(steps[-1]) for b in breaches)


def test_a_removal_without_its_day_is_caught_after_a_death() -> None:
    # 法 第21条の2: the 除票 records that the entry was 消除 and the day (from the 除籍 to the day asked).
    breaches, steps, broken = _found("fuhyo_removal_undated", REMOVED_RECORD)
    assert broken == {REMOVED_RECORD}
    assert [(b.code, b.item.split("@")[0], b.expected, b.actual) for b in breaches] == [
        ("world.fuhyo_mismatch", FUHYO + "消除年月日", "除籍の日から照会の日まで", "null")]
    assert "deaths(" in steps[-1]


def test_a_removed_entry_blanked_is_caught_after_a_death() -> None:
    # 法 第21条の2: the 除票 keeps what the entry recorded (氏名, 出生の年月日, 男女の別 are still there).
    breaches, steps, broken = _found("fuhyo_removed_entry_blanked", REMOVED_RECORD)
    assert broken == {REMOVED_RECORD}
    assert {(b.item.split("@")[0], b.expected, b.actual) for b in breaches} == {
        (FUHYO + name, "記載あり", "null") for name in ("氏名", "出生の年月日", "男女の別")}
    assert "deaths(" in steps[-1]


def test_an_emigrant_kept_at_the_last_address_is_caught_the_day_after_the_planned_day() -> None:
    # 法 第17条第1項第3号: a 国外転出者 is recorded as one; open on and before the 転出予定年月日, caught the day after.
    breaches, steps, broken = _found("fuhyo_emigrant_keeps_last_address", ADDRESS)
    assert broken == {ADDRESS}
    assert {(b.item.split("@")[0], b.expected, b.actual) for b in breaches} == {
        (FUHYO + "住所_市区町村コード", "null", "229997"), (FUHYO + "国外転出者", "true", "false")}
    assert "moves.out(国外転出" in steps[-1]
    assert all(_day(b) > _step_day(steps[-1]) for b in breaches)


def test_an_emigrant_keeping_the_address_date_is_caught_after_a_move_abroad() -> None:
    # 法 第17条第1項第4号: a 国外転出者's 転出の予定年月日, not the day they settled in the town.
    breaches, steps, broken = _found("fuhyo_emigrant_date_kept", ADDRESS_DATE)
    assert broken == {ADDRESS_DATE}
    assert {(b.item.split("@")[0], b.actual) for b in breaches} == {(FUHYO + "住所を定めた年月日", "2010-04-01")}
    assert "moves.out(国外転出" in steps[-1]
    assert all(_day(b) == date.fromisoformat(b.expected or "") + timedelta(days=1) for b in breaches)


def _reference_address(row: dict[str, str]) -> dict[str, object]:
    member = {"住所_市区町村コード": None, "住所を定めた年月日": None}
    return KosekiRegister(frozenset())._address(member, row)


def test_the_reference_reads_a_move_abroad_past_its_day_as_an_emigrant_and_a_move_within_japan_as_none() -> None:
    # Found by the machine: the reference keeps a 転出's row 住民 until a 転入通知, which a 国外転出 never gets, and its
    # 附票 read only 住民状態 (the town's 住所 after the 転出予定年月日); a 国内転出's 除票 without the 通知 was read as
    # a 国外転出者.
    town = {"住所_市区町村コード": "229997", "住所を定めた年月日": "2010-04-01", "住民となった年月日": "2010-04-01"}
    abroad = {**town, "住民状態": "1", "異動事由区分": "国外転出", "転出予定年月日": "2024-06-08"}
    assert _reference_address(abroad) == {"住所_市区町村コード": None, "国外転出者": True,
                                          "住所を定めた年月日": "2024-06-08"}
    domestic = {**town, "住民状態": "2", "異動事由区分": "国内転出", "転出予定年月日": "2024-06-08"}
    assert _reference_address(domestic) == {"住所_市区町村コード": "229997", "国外転出者": False,
                                            "住所を定めた年月日": "2010-04-01"}


def test_the_check_reports_the_finding_against_the_fuhyo_requirement_it_judges() -> None:
    # As the main command runs it: the target of the 戸籍の附票 edition (the machine drives through the 住民記録
    # edition) with the profile's koseki_path; the finding on the requirement of the field, none on another.
    edition = load_edition(default_catalog_root() / "koseki_fuhyo" / "2025.12")
    with started_in_process(frozenset({"fuhyo_not_updated_on_move_within"})) as running:
        target = Target(catalog=edition, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False, koseki_path="/admin/koseki")  # the corpus's 転居 (above)
        corrected = list(domains_check(CheckContext(edition.requirement(CORRECTED), target=target)))
        address = list(domains_check(CheckContext(edition.requirement(ADDRESS), target=target)))
    assert {(f.code, f.requirement, f.location.split("#", 1)[1].split("@")[0]) for f in corrected} == {
        ("world.fuhyo_mismatch", CORRECTED, FUHYO + DATE)}
    assert all(f.location.startswith("model:world/step:") and "moves.within(" in f.message for f in corrected)
    assert address == []

