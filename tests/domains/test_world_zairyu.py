"""The 出入国在留管理庁長官通知 (住民基本台帳法 第30条の50; driver ``moj_notices``, 4.5.6 R001) in the
cross-domain machine (conformance/domains/world.py, ``foreign_household`` and ``stay_notice``): a 在留期間の更新
ends no 資格 of any domain; a 消除 ends the stay in the town on its 異動日, each domain's 喪失 read as after a
国外転出 (readings ours: docs/model.md). The model's transition (4.5.6 R001) and the reference's reading of a
住民票 removed are shown here too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from test_world_machine import ASKED, TOWN, world_run

from conformance.checks.scenarios import Scenario
from conformance.domains import world
from conformance.domains.jumin.oracles.model import World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.rules import Commit, Refusal
from conformance.domains.jumin.oracles.model.transitions import MOJ_NOTICE, transition
from conformance.domains.kokumin_nenkin.oracle import Ending
from conformance.domains.world import (
    expected_kaigo,
    expected_koki,
    expected_kokuho,
    expected_nenkin,
    scenario_of,
    seen_of,
)
from conformance_reference import rules as reference

_FOREIGNER = {"宛名番号": "p", "生年月日": "1955-06-06", "生年月日_不詳フラグ": "0", "住民となった年月日": "2010-04-01",
              "住民状態": "1", "届出年月日": "2010-04-05", "住民種別": "2", "第30条45規定区分": "1",
              "在留資格等コード": "01", "在留期間等コード_年": "3", "在留期間の満了の日": "2027-03-31",
              "住所_市区町村コード": TOWN, "世帯番号": "h", "続柄": "世帯主"}


def _world(*rows: dict[str, str]) -> World:
    world = World()
    world.adopt("p", rows)
    return world


def test_the_model_corrects_the_items_of_a_renewal_and_removes_on_the_day_entered() -> None:
    world = _world(_FOREIGNER)
    renewed = transition(world, "moj_notices", {"宛名番号": "p", "items": {"在留期間の満了の日": "2030-03-31"},
                                                "通知年月日": "2024-06-03", "処理日": "2024-06-05"})
    assert isinstance(renewed, Commit) and renewed.requirement == MOJ_NOTICE
    (rule,) = renewed.rows["p"]
    assert rule.reason == "職権修正"
    assert rule.sets["在留期間の満了の日"].values == {"2030-03-31"}
    assert rule.sets["通知年月日"].values == {"2024-06-03"}
    assert rule.sets["異動日"].values is None  # the text names no 異動日 of a 修正: not judged
    assert "住民状態" not in rule.sets  # kept: still a 住民
    removed = transition(world, "moj_notices", {"宛名番号": "p", "items": {}, "消除": True, "異動日": "2024-06-01",
                                                "通知年月日": "2024-06-03", "処理日": "2024-06-05"})
    assert isinstance(removed, Commit) and removed.requirement == MOJ_NOTICE
    (rule,) = removed.rows["p"]
    assert (rule.reason, rule.sets["住民状態"].values, rule.sets["異動日"].values) == (
        "職権消除", {r.REMOVED}, {"2024-06-01"})
    # The 消除 and its day are 4.5.6 R001's (修正及び消除); the 区分 職権消除 is 1.2.2's.
    assert {rule.sets[item].requirement for item in ("住民状態", "異動日")} == {MOJ_NOTICE}
    assert rule.sets["異動事由区分"].requirement == r.REASONS["職権消除"]
    # Without a 異動日: the 通知年月日 (the driver's field); a 異動日 after the 処理日 is refused (4.0.3 R003).
    default = transition(world, "moj_notices", {"宛名番号": "p", "items": {}, "消除": True,
                                                "通知年月日": "2024-06-03", "処理日": "2024-06-05"})
    assert isinstance(default, Commit) and default.rows["p"][0].sets["異動日"].values == {"2024-06-03"}
    ahead = transition(world, "moj_notices", {"宛名番号": "p", "items": {}, "消除": True, "異動日": "2024-06-09",
                                              "通知年月日": "2024-06-03", "処理日": "2024-06-05"})
    assert isinstance(ahead, Refusal)


def test_a_removed_record_ends_the_stay_on_its_day_of_removal() -> None:
    # The 消除 of a 法第30条の50 通知: the address in the town ends on its 異動日, no other known: 国保 (第8条第1項),
    # 介護 (第11条第1項) and 後期高齢者医療 (第53条第1項) end the next day, 国民年金 reads no address in Japan (第9条
    # 第2号: the next day). Before, the model took no stay of a 住民状態 消除 (not judged).
    elder = {**_FOREIGNER, "生年月日": "1945-06-06"}  # 後期高齢者医療 from 2020
    removed = {**elder, "住民状態": r.REMOVED, "異動事由区分": "職権消除", "異動日": "2024-06-01"}
    s = scenario_of(_world(elder, removed), "p")
    assert isinstance(s, Scenario) and (s.moved_out, s.elsewhere, s.next) == (date(2024, 6, 1), None, None)
    assert expected_kokuho(s, TOWN, date(2024, 6, 2))["喪失日"] == "2024-06-02"
    assert expected_kaigo(s, TOWN, date(2024, 6, 2))["資格喪失日"] == "2024-06-02"
    assert expected_koki(s, TOWN, date(2024, 6, 2))["資格喪失日"] == "2024-06-02"
    # 国民年金 第9条第2号: whether an address in Japan goes on is open (both readings allowed): its 資格喪失日 and
    # 被保険者期間 are compared only where the two readings agree (here: sixty reached long before).
    seen = seen_of(_world(elder, removed), "p")
    assert not isinstance(seen, str) and seen.ending == Ending("abroad", date(2024, 6, 1)) and seen.removed
    young = {**_FOREIGNER, "生年月日": "1985-06-06"}
    gone = {**young, "住民状態": r.REMOVED, "異動事由区分": "職権消除", "異動日": "2024-06-01"}
    seen = seen_of(_world(young, gone), "p")
    assert not isinstance(seen, str)
    assert expected_nenkin(seen, date(2024, 5, 31)) == {"資格取得日": "2010-04-01", "被保険者種別": "第1号"}
    as_abroad = expected_nenkin(replace(seen, removed=False), date(2024, 5, 31))
    assert (as_abroad["資格喪失日"], as_abroad["被保険者期間"][-1]) == ("2024-06-02", "2024-05")
    # The reference reads the row so too (it read a removed 住民票 as a 住民's for ever: found by this machine).
    stay = reference.stay_of(removed)
    assert stay is not None and (stay.moved_out, stay.loss) == (date(2024, 6, 1), date(2024, 6, 2))


def test_a_renewal_keeps_the_stay() -> None:
    renewed = {**_FOREIGNER, "異動事由区分": "職権修正", "異動日": "2024-06-03", "通知年月日": "2024-06-03",
               "在留期間の満了の日": "2030-03-31"}
    s = scenario_of(_world(_FOREIGNER, renewed), "p")
    assert isinstance(s, Scenario) and s.moved_out is None
    assert expected_kokuho(s, TOWN, date(2027, 4, 1)) == {"取得日": "2010-04-01", "喪失日": None, "被保険者": True}


def test_a_renewal_read_as_a_new_qualification_is_caught_on_the_notice() -> None:
    # 国民健康保険法 第7条: the 資格 from the day the address was taken; the defect reads the 更新's 修正 as a new 取得.
    with world_run(frozenset({"kokuho_reacquired_on_stay_renewal"}), max_examples=10) as found:
        breaches, steps = found.result.first("kokuho-2025.12-1.7.0.1.0-R001")
        assert {b.requirement for b in found.result.breaches} == {"kokuho-2025.12-1.7.0.1.0-R001"}
    assert {(b.code, b.item.split("@")[0], b.expected) for b in breaches} == {
        ("world.domain_mismatch", ASKED + "国民健康保険/取得日", "2010-04-01")}
    assert steps[-1].startswith(f"{len(steps)}. moj_notices(更新, ")
    notified = steps[-1].rsplit("@ ", 1)[1]
    assert {b.actual for b in breaches} == {notified}


def test_a_removal_lost_on_its_own_day_is_caught_on_the_notice() -> None:
    # 国民健康保険法 第8条第1項: the day after the address ceased (no 住所 in another 都道府県 that day: not the
    # ただし書). The defect loses the 資格 on the 消除's 異動日 itself.
    with world_run(frozenset({"kokuho_lost_on_removal_day"}), max_examples=10) as found:
        breaches, steps = found.result.first("kokuho-2025.12-1.8.0.1.0-R001")
        assert {b.requirement for b in found.result.breaches} == {"kokuho-2025.12-1.8.0.1.0-R001"}
    assert {(b.code, b.item.split("@")[0]) for b in breaches} == {
        ("world.domain_mismatch", ASKED + "国民健康保険/喪失日")}
    # The expected 喪失日 may read "<day> | null" (a day after the day asked: readings.not_yet); the day is first.
    assert all(date.fromisoformat(b.actual or "") == date.fromisoformat((b.expected or "").split(" | ")[0])
               - timedelta(days=1) for b in breaches)
    assert "moj_notices(消除, " in steps[-1]


def test_the_reference_defects_of_the_notice_are_caught_by_the_model_through_the_machine() -> None:
    # The 住民記録 model's transition judges the 通知's step as any other: the reference's defects of 4.5.6 R001
    # (the scenario moj.shusei_shojo's) are caught on the drawn 消除 too, each on its items and nothing else.
    with world_run(frozenset({"moj_notice_removal_day_as_notice_day"}), max_examples=25) as found:
        breaches, steps = found.result.first("jumin-1.0-4.5.6-R001")
        assert {b.requirement for b in found.result.breaches} == {"jumin-1.0-4.5.6-R001"}
    assert {(b.code, b.item) for b in breaches} == {("model.item_not_allowed", "異動日")}
    assert "moj_notices(消除, " in steps[-1] and "異動日-0d" not in steps[-1]
    earlier = int(steps[-1].split("異動日-")[1].split("d")[0])
    assert all(date.fromisoformat(b.actual or "") - date.fromisoformat(b.expected or "") == timedelta(days=earlier)
               for b in breaches)
    with world_run(frozenset({"moj_notice_removal_ignored"}), max_examples=25) as found:
        breaches, steps = found.result.first("jumin-1.0-4.5.6-R001")
        assert {b.requirement for b in found.result.breaches} == {"jumin-1.0-4.5.6-R001", r.REASONS["職権消除"]}
    assert ("住民状態", r.REMOVED, r.CURRENT) in {(b.item, b.expected, b.actual) for b in breaches}
    assert "moj_notices(消除, " in steps[-1]


def test_a_renewed_person_is_asked_after_the_former_expiry_and_judged_there(monkeypatch: pytest.MonkeyPatch) -> None:
    # After a 更新 the person is asked also on the day after the former 在留期間の満了の日 (the machine's 外国人住民
    # come with 2027-03-31): a system reading the old 在留期間 as the end of the stay shows there. The clean
    # reference answers as the oracles do (still a 住民: each 資格 as the age gives it), every part compared.
    asked: list[date] = []
    real = world.ask

    def recorded(client: Any, atena: str, as_of: date) -> dict[str, Any]:
        asked.append(as_of)
        return real(client, atena, as_of)

    monkeypatch.setattr(world, "ask", recorded)
    with world_run(max_examples=10) as found:
        assert found.result.breaches == ()
    assert date(2027, 4, 1) in asked
