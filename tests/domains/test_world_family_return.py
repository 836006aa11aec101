"""A 世帯 coming back with its 子 (issue 66): the 世帯主 and the 子 move out together and come back under their
除票's 宛名番号 (4.1.1.2 R002), the 世帯主 with a new 児童手当 認定請求. The new stay is a new 認定 (児童手当法
第7条第3項: the 市町村長 of the new address; the first ended with the 転出, 第8条第2項), so its months run from
the month after the new 請求; the 子 is on the 学齢簿 again (学校教育法施行令 第1条第1項). Readings ours
(docs/model.md, "Several stays"; jido_teate provisions.yaml 第7条第3項): each right answer passes, each wrong one is
caught with the exact finding, and the corpus's example (world_corpus.FAMILY_RETURN) catches the reference's named
defects."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from test_world_machine import ASKED, TOWN, world_run
from test_world_stays import _found

from conformance.domains.jumin.oracles.model import World
from conformance.domains.world_parts import PaidSince
from conformance.domains.world_seen import JidoClaim, Seen, seen_of

_HEAD = {"生年月日": "1984-07-07", "生年月日_不詳フラグ": "0", "住民となった年月日": "2010-04-01", "住民状態": "1",
         "届出年月日": "2010-04-05", "住民種別": "1", "住所_市区町村コード": TOWN, "続柄": "世帯主", "世帯番号": "h1",
         "児童手当_請求年月日": "2020-04-01"}
_CHILD = {**_HEAD, "生年月日": "2016-06-06", "住民となった年月日": "2016-06-06", "続柄": "子",
          "児童手当_請求年月日": ""}
#: 東京都千代田区: the 世帯 lived there between the stays.
ELSEWHERE = "131016"


def _moved_out(row: dict[str, str]) -> dict[str, str]:
    return {**row, "住民状態": "2", "異動事由区分": "国内転出", "転出予定年月日": "2024-06-28", "異動日": "2024-06-28",
            "転出年月日（確定）": "2024-06-28", "転出先住所（確定）_市区町村コード": ELSEWHERE}


def _back(row: dict[str, str], **items: str) -> dict[str, str]:
    return {**row, "住民となった年月日": "2024-09-02", "住所を定めた年月日": "2024-09-02", "異動日": "2024-09-02",
            "届出年月日": "2024-09-02", "異動事由区分": "国内転入", "世帯番号": "h2",
            "転入前住所_市区町村コード": ELSEWHERE, **items}


def _family() -> Seen:
    """The 世帯主 of a 世帯 (h1) that left on 2024-06-28 and came back on 2024-09-02 (h2) with its 子, the 世帯主 with
    a 認定請求 that day."""
    world = World()
    world.adopt("head", [_HEAD, _moved_out(_HEAD), _back(_HEAD, 児童手当_請求年月日="2024-09-02")])
    world.adopt("child", [_CHILD, _moved_out(_CHILD), _back(_CHILD)])
    seen = seen_of(world, "head")
    assert isinstance(seen, Seen)
    return seen


#: The new 認定's months of 年度 2024 (a 子 of 8: 10,000 yen a month, 第6条第1項), from 2024-10 (第8条第2項).
_PAID = [{"月": f"{year}-{month:02d}", "金額": 10000} for year, month in
         [*((2024, m) for m in range(10, 13)), *((2025, m) for m in range(1, 4))]]
_DAY = date(2024, 9, 10)


def _answer(**fields: Any) -> dict[str, Any]:
    return {"受給資格": True, "支給開始月": "2024-10", "支給終了月": None,
            "児童": [{"宛名番号": "child", "月額": _PAID}], **fields}


def test_the_return_is_a_new_claim_read_from_the_latest_stay() -> None:
    seen = _family()
    assert seen.claim == JidoClaim(date(2024, 9, 2), (date(2016, 6, 6),), (date(2016, 6, 6),), None)
    assert seen.children == (date(2016, 6, 6),)
    assert _found("児童手当", seen, _answer(), _DAY) == []
    # The first stay's 認定 taken up again: paid from the month after its 請求.
    assert _found("児童手当", seen, _answer(支給開始月="2020-05"), _DAY) == [
        ("jido_teate-2025.12-1.8.0.2.0-R001", "world.domain_mismatch", ASKED + "児童手当/支給開始月@2024-09-10",
         "2020-05")]


def test_the_first_stays_months_may_be_listed_the_months_away_may_not() -> None:
    # The months of the first 認定 in 年度 2024 (2024-04 … 2024-06, its 支給終了月 the 転出's month) listed or not;
    # 2024-07 … 2024-09 (no address in the town, no 認定 of its 市町村長) never.
    seen = _family()
    first = [{"月": f"2024-{m:02d}", "金額": 10000} for m in (4, 5, 6)]
    assert _found("児童手当", seen, _answer(児童=[{"宛名番号": "child", "月額": first + _PAID}]), _DAY) == []
    away = [{"月": "2024-08", "金額": 10000}]
    assert _found("児童手当", seen, _answer(児童=[{"宛名番号": "child", "月額": first + away + _PAID}]), _DAY) == [
        ("jido_teate-2025.12-1.6.0.3.0-R001", "world.domain_mismatch", ASKED + "児童手当/月額@2024-09-10",
         "{'2024-04': 10000, '2024-05': 10000, '2024-06': 10000, '2024-08': 10000, '2024-10': 10000, "
         "'2024-11': 10000, '2024-12': 10000, '2025-01': 10000, '2025-02': 10000, '2025-03': 10000}")]
    paid = PaidSince({"2024-10": 1}, "2024-10", "2024-06")
    assert paid == {"2024-05": 7, "2024-10": 1} and paid != {"2024-07": 1, "2024-10": 1} and paid != {"2024-10": 2}
    assert paid != [("2024-10", 1)] and str(paid) == "{'2024-10': 1} (a month up to 2024-06: any; none after it " \
        "before 2024-10)"


def test_the_child_is_on_the_register_again_and_its_move_notified() -> None:
    # 学校教育法施行令 第1条第1項: a 学齢児童 (8, 小学校) with an address in the town: on the 学齢簿 of its
    # 保護者; 第4条: its 転入 (the 再転入 is a 転入届 of 住民基本台帳法 第22条) notified to the 教育委員会, the day
    # of the move.
    seen = _family()
    child = {"小学校就学始期": "2023-04-01", "中学校就学終期": "2032-03-31", "住所変更通知": "2024-09-02"}
    right = {"学齢簿": [{"区分": "学齢児童"}], "児童": [child]}
    assert _found("就学", seen, right, _DAY) == []
    assert _found("就学", seen, {**right, "学齢簿": []}, _DAY) == [
        ("shugaku-2025.12-2.1.0.1.0-R001", "world.domain_mismatch", ASKED + "就学/学齢簿@2024-09-10", "[]")]
    assert _found("就学", seen, {**right, "児童": [{**child, "住所変更通知": None}]}, _DAY) == [
        ("shugaku-2025.12-2.4.0.1.0-R001", "world.domain_mismatch", ASKED + "就学/住所変更通知@2024-09-10",
         "['']")]


def test_the_corpus_judges_the_return_of_the_household() -> None:
    with world_run(max_examples=1) as clean:
        assert clean.result.breaches == ()
        assert {"jido_teate-2025.12-1.8.0.2.0-R001", "shugaku-2025.12-2.1.0.1.0-R001"} <= clean.compared


@pytest.mark.parametrize(("defect", "failing"), [
    ("return_keeps_first_jido_claim", [
        ("jido_teate-2025.12-1.8.0.2.0-R001", "児童手当/支給開始月", "2024-10", "2020-05")]),
    ("return_child_move_not_notified", [
        ("shugaku-2025.12-2.4.0.1.0-R001", "就学/住所変更通知", "['2024-09-02']", "['']")]),
    ("return_child_off_gakureibo", [
        ("shugaku-2025.12-2.1.0.1.0-R001", "就学/学齢簿", "['学齢児童']", "[]"),
        ("shugaku-2025.12-2.4.0.1.0-R001", "就学/住所変更通知", "['2024-09-02']", "[]"),
        ("shugaku-2025.12-1.17.0.1.0-R001", "就学/小学校就学始期", "['2023-04-01']", "[]"),
        ("shugaku-2025.12-1.17.0.2.0-R001", "就学/中学校就学終期", "['2032-03-31']", "[]")]),
])
def test_a_household_return_defect_is_caught_by_the_corpus(
        defect: str, failing: list[tuple[str, str, str, str]]) -> None:
    # The 世帯主 asked once the 子 is back (2024-09-02, the 再転入's day, the first 処理日 after it).
    with world_run(frozenset({defect}), max_examples=1) as found:
        assert {b.requirement for b in found.result.breaches} == {requirement for requirement, *_ in failing}
        for requirement, item, expected, actual in failing:
            breaches, steps = found.result.first(requirement)
            assert (breaches[0].item, breaches[0].expected, breaches[0].actual) == (
                f"{ASKED}{item}@2024-09-02", expected, actual)
            assert "再転入 2024-09-02" in steps[-1] and "[世帯 back with its 子]" in steps[-1]
