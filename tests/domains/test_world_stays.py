"""Several stays in the town (issue 66 item 3): a person who moved out and came back (a 再転入 under the 除票's
宛名番号, 4.1.1.2 R002) is fed to every part's oracle with the new stay, the earlier ones before it
(conformance/domains/world_seen.py ``scenario_of``; readings ours: docs/model.md, "Several stays"). Each domain's
資格 begins again by its own rule from the new 住民となった年月日; on a day between the stays nobody is insured, and the
days of a 資格 are not compared (which 資格 a per-person answer on a day of none shows is not said). Per domain: a
right answer passes, the first stay's kept is caught with the exact finding; the reference levies 個人住民税 from the
stay holding 1月1日 (the defect ``latest_stay_only`` does not)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from test_world_machine import ASKED, TOWN, world_run

from conformance.domains.jumin.oracles.model import World
from conformance.domains.world_compare import Part, judge_answer
from conformance.domains.world_parts import PARTS, between_stays
from conformance.domains.world_run import NOT_RETURNED
from conformance.domains.world_seen import RESTORED, Seen, scenario_of, seen_of
from conformance.oracles import Residence

#: Another 都道府県's municipality (東京都千代田区) and one of the town's (静岡市葵区).
ELSEWHERE, SAME_PREFECTURE = "131016", "221007"
_FIRST = {"生年月日_不詳フラグ": "0", "住民となった年月日": "2010-04-01", "住民状態": "1", "届出年月日": "2010-04-05",
          "住民種別": "1", "住所_市区町村コード": TOWN, "続柄": "世帯主", "世帯番号": "h1"}


def _back(born: str, left: str = "2024-06-30", came: str = "2024-09-01", where: str | None = ELSEWHERE,
          **first: str) -> Seen:
    """A person of the town from 2010 who moved out on ``left`` (its 転入通知 naming ``where`` that same day; None: a
    国外転出) and came back on ``came`` under the same 宛名番号."""
    row = {**_FIRST, "生年月日": born, **first}
    kind = "国内転出" if where is not None else "国外転出"
    out = {**row, "住民状態": "2", "異動事由区分": kind, "転出予定年月日": left, "異動日": left,
           **({"転出年月日（確定）": left, "転出先住所（確定）_市区町村コード": where} if where is not None else {})}
    again = {**row, "住民となった年月日": came, "住所を定めた年月日": came, "異動日": came, "届出年月日": came,
             "異動事由区分": "国内転入", "世帯番号": "h2", **({"転入前住所_市区町村コード": where} if where else {})}
    world = World()
    world.adopt("p", [row, out, again])
    seen = seen_of(world, "p")
    assert isinstance(seen, Seen)
    return seen


def _part(name: str) -> Part:
    return next(part for part in PARTS if part.name == name)


def _found(name: str, seen: Seen, answer: dict[str, Any], as_of: date) -> list[tuple[str, str, str, str | None]]:
    breaches = judge_answer(_part(name), seen, {name: answer}, as_of, "p")
    return [(b.requirement, b.code, b.item, b.actual) for b in breaches]


def test_a_return_is_fed_as_its_new_stay_after_the_earlier_ones() -> None:
    seen = _back("1955-06-06")
    s = seen.s
    assert (s.moved_in, s.previous, s.moved_out) == (date(2024, 9, 1), ELSEWHERE, None)
    assert s.earlier == (Residence(TOWN, date(2010, 4, 1), date(2024, 6, 30)),
                         Residence(ELSEWHERE, date(2024, 6, 30), date(2024, 9, 1)))
    assert between_stays(s, date(2024, 8, 31)) and not between_stays(s, date(2024, 9, 1))
    assert not between_stays(s, date(2024, 6, 30))  # the first stay's last day
    # Abroad between: no address in Japan known, no previous.
    abroad = _back("1955-06-06", where=None).s
    assert abroad.previous is None and abroad.earlier == (Residence(TOWN, date(2010, 4, 1), date(2024, 6, 30)),)


def test_a_return_on_or_before_the_first_stays_end_and_a_restored_record_are_not_judged() -> None:
    world = World()
    out = {**_FIRST, "生年月日": "1955-06-06", "住民状態": "2", "異動事由区分": "国内転出",
           "転出予定年月日": "2024-06-30"}
    world.adopt("p", [{**_FIRST, "生年月日": "1955-06-06"}, out,
                      {**_FIRST, "生年月日": "1955-06-06", "住民となった年月日": "2024-06-20"}])
    assert scenario_of(world, "p") == "a 再転入 on or before the day the stay before ended"
    world.adopt("q", [{**_FIRST, "生年月日": "1955-06-06"}, out, {**_FIRST, "生年月日": "1955-06-06"}])
    assert scenario_of(world, "q") == RESTORED  # a 取消し: the same 住民となった年月日 back


#: The 資格 that begin again on the 再転入's day (2024-09-01) after a stay elsewhere in another 都道府県: the part, the
#: 生年月日, its fields (被保険者 on the day, 取得日, 喪失日), the first stay's 取得日 a system might keep, and the
#: requirements of the 取得日 and of the 被保険者 on a day between the stays. 介護保険法 第10条第2号 (moving in at 65
#: or more), 第9条; 国民健康保険法 第7条 (住所を有するに至つた日), 第6条; 高齢者の医療の確保に関する法律 第52条第2号
#: (moving into the 区域 at 75 or more), 第50条.
_AGAIN = (
    ("介護保険", "1955-06-06", ("第1号被保険者", "資格取得日", "資格喪失日"), "2020-06-05",
     "kaigo-2025.12-1.10.0.1.0-R001", "kaigo-2025.12-1.9.0.1.0-R001"),
    ("国民健康保険", "1984-06-06", ("被保険者", "取得日", "喪失日"), "2010-04-01",
     "kokuho-2025.12-1.7.0.1.0-R001", "kokuho-2025.12-1.6.0.1.0-R001"),
    ("後期高齢者医療", "1944-06-06", ("被保険者", "資格取得日", "資格喪失日"), "2019-06-05",
     "koki_korei-2025.12-1.52.0.1.2-R001", "koki_korei-2025.12-1.50.0.1.1-R001"),
)


@pytest.mark.parametrize(("name", "born", "fields", "kept", "acquisition", "insured"), _AGAIN)
def test_a_qualification_begins_again_on_the_return_and_none_is_held_between(
        name: str, born: str, fields: tuple[str, str, str], kept: str, acquisition: str, insured: str) -> None:
    seen, day, between = _back(born), date(2024, 9, 10), date(2024, 8, 31)
    on, acquired, lost = fields
    right = {on: True, acquired: "2024-09-01", lost: None}
    assert _found(name, seen, right, day) == []
    assert _found(name, seen, {**right, acquired: kept}, day) == [
        (acquisition, "world.domain_mismatch", f"{ASKED}{name}/{acquired}@2024-09-10", kept)]
    # Between the stays: no 資格; which 資格's days the answer shows that day is not compared.
    assert _found(name, seen, {on: False, acquired: kept}, between) == []
    assert _found(name, seen, {on: True}, between) == [
        (insured, "world.domain_mismatch", f"{ASKED}{name}/{on}@2024-08-31", "true")]


#: A day of the first stay (2010-04-01 … 2024-06-30) asked after the 再転入 of 2024-09-01: the 資格 of that day is the
#: first stay's (our reading, docs/model.md "Several stays": the answer names the 資格 of the day asked). Per part:
#: the 生年月日, the right fields on 2024-05-16, the latest stay's answer a system keeping one stay gives, and the
#: requirements of the fields it fails (the 喪失日 after the day asked may be null: not yet). 介護保険法 第9条第1号,
#: 第10条 (65 reached 2020-06-05 while resident); 国民健康保険法 第6条, 第7条 (the 住所 taken 2010-04-01).
_FIRST_STAY_DAY = date(2024, 5, 16)
_OF_THE_FIRST = (
    ("介護保険", "1955-06-06", {"第1号被保険者": True, "資格取得日": "2020-06-05", "資格喪失日": "2024-06-30"},
     {"第1号被保険者": False, "資格取得日": "2024-09-01", "資格喪失日": None},
     {("kaigo-2025.12-1.9.0.1.0-R001", "第1号被保険者", "false"), ("kaigo-2025.12-1.10.0.1.0-R001", "資格取得日",
                                                            "2024-09-01")}),
    ("国民健康保険", "1984-06-06", {"被保険者": True, "取得日": "2010-04-01", "喪失日": "2024-06-30"},
     {"被保険者": False, "取得日": "2024-09-01", "喪失日": None},
     {("kokuho-2025.12-1.6.0.1.0-R001", "被保険者", "false"), ("kokuho-2025.12-1.7.0.1.0-R001", "取得日",
                                                         "2024-09-01")}),
)


@pytest.mark.parametrize(("name", "born", "right", "latest", "failing"), _OF_THE_FIRST)
def test_a_day_of_the_first_stay_asked_after_the_return_is_that_stays(
        name: str, born: str, right: dict[str, Any], latest: dict[str, Any],
        failing: set[tuple[str, str, str]]) -> None:
    # The first stay ended by a move to another 都道府県 on 2024-06-30 with its 転入通知 that day: the 資格喪失日 the
    # move day itself (介護保険法 第11条第1項ただし書, 国民健康保険法 第8条第1項ただし書).
    seen = _back(born)
    assert seen.on(_FIRST_STAY_DAY).s.moved_in == date(2010, 4, 1)
    assert seen.on(date(2024, 7, 1)) is seen and seen.on(date(2024, 9, 1)) is seen  # between, and the new stay
    assert _found(name, seen, right, _FIRST_STAY_DAY) == []
    assert set(_found(name, seen, latest, _FIRST_STAY_DAY)) == {
        (requirement, "world.domain_mismatch", f"{ASKED}{name}/{field}@2024-05-16", actual)
        for requirement, field, actual in failing}


def test_a_day_of_the_first_stay_of_an_unknown_birth_is_read_over_its_span() -> None:
    # A 生年月日 不詳 of a known 年 (1.1.8): every day of 1955 a reading on a day of the first stay too (65 or more on
    # 2024-05-16 whatever the day: 第1号被保険者 true; its 資格取得日 any day of 2019-12-31 … 2020-12-30).
    seen = _back("", **{"生年月日_不詳フラグ": "1", "生年月日_不詳表記": "昭和３０年　月日不詳"})
    assert seen.on(_FIRST_STAY_DAY).span == seen.span == (date(1955, 1, 1), date(1955, 12, 31))
    right = {"第1号被保険者": True, "資格取得日": "2020-06-05", "資格喪失日": "2024-06-30"}
    assert _found("介護保険", seen, right, _FIRST_STAY_DAY) == []
    assert _found("介護保険", seen, {**right, "資格取得日": "2024-09-01"}, _FIRST_STAY_DAY)[0][:3] == (
        "kaigo-2025.12-1.10.0.1.0-R001", "world.domain_mismatch", ASKED + "介護保険/資格取得日@2024-05-16")


def test_senkyo_three_months_of_the_first_stay_count_from_its_own_day() -> None:
    # 公職選挙法 第9条第2項: on a day of the first stay, the three months count from that stay's 住民となった年月日
    # (2010-04-01), not the 再転入's: 選挙権_地方 true on 2024-05-16 asked after the return.
    seen = _back("1984-06-06")
    right = {"選挙権_国政": True, "選挙権_地方": True, "登録": True, "表示": False}
    assert _found("選挙人名簿", seen, right, _FIRST_STAY_DAY) == []
    assert _found("選挙人名簿", seen, {**right, "選挙権_地方": False}, _FIRST_STAY_DAY)[0][:3] == (
        "senkyo-2025.12-1.9.0.2.0-R001", "world.domain_mismatch", ASKED + "選挙人名簿/選挙権_地方@2024-05-16")


def test_juminzei_asked_on_a_day_of_the_first_stay_after_the_return() -> None:
    # 地方税法 第318条: 年度 2024's 賦課期日 (2024-01-01) in the first stay: levied, asked on its day after the return.
    seen = _back("1984-06-06")
    assert _found("個人住民税", seen, {"課税": True}, _FIRST_STAY_DAY) == []
    assert _found("個人住民税", seen, {"課税": False}, _FIRST_STAY_DAY) == [
        ("kojin_juminzei-2025.12-1.318.0.1.0-R001", "world.domain_mismatch", ASKED + "個人住民税/課税@2024-05-16",
         "false")]


def test_nenkin_a_return_from_within_japan_is_no_acquisition() -> None:
    # 国民年金法 第8条, 第9条第2号: a 第1号被保険者's change of 住所 within Japan is neither 取得 nor 喪失.
    seen, day = _back("1994-06-06"), date(2024, 9, 10)
    right = {"被保険者種別": "第1号", "資格取得日": None, "資格喪失日": "2054-06-05",
             "被保険者期間": [f"2024-{m:02d}" for m in range(9, 13)] + [f"2025-{m:02d}" for m in range(1, 4)]}
    assert _found("国民年金", seen, right, day) == []
    assert _found("国民年金", seen, {**right, "資格取得日": "2024-09-01"}, day) == [
        ("kokumin_nenkin-2025.12-1.8.0.1.0-R001", "world.domain_mismatch", ASKED + "国民年金/資格取得日@2024-09-10",
         "2024-09-01")]
    # Back after a 国外転出 (区分 国内転入, no address in Japan known): 第8条第2号 turns on where they were; the
    # 資格取得日 is not compared, the 種別 on the day is.
    abroad = _back("1994-06-06", where=None)
    assert _found("国民年金", abroad, {**right, "資格取得日": "2024-09-01"}, day) == []
    assert _found("国民年金", abroad, {**right, "被保険者種別": None}, day)[0][:3] == (
        "kokumin_nenkin-2025.12-1.7.0.1.1-R001", "world.domain_mismatch", ASKED + "国民年金/被保険者種別@2024-09-10")


def test_senkyo_three_months_count_from_the_new_day_and_an_entry_that_may_stand_is_not_compared() -> None:
    # 公職選挙法 第9条第2項: 引き続き三箇月以上 from the new 住民となった年月日 (2024-09-01: from 2024-12-01 at the
    # latest); the first stay's entry is struck off four months after its address ceased (第28条第2号: 2024-11-01), so
    # on the 再転入's day it stands: 登録 and 表示 not compared.
    seen = _back("1984-06-06")
    assert _found("選挙人名簿", seen, {"選挙権_国政": True, "選挙権_地方": False}, date(2024, 11, 15)) == []
    assert _found("選挙人名簿", seen, {"選挙権_国政": True, "選挙権_地方": True}, date(2024, 11, 15)) == [
        ("senkyo-2025.12-1.9.0.2.0-R001", "world.domain_mismatch", ASKED + "選挙人名簿/選挙権_地方@2024-11-15", "true")]
    assert _found("選挙人名簿", seen, {"選挙権_国政": True, "選挙権_地方": True}, date(2024, 12, 2)) == []
    # Away five months: the entry struck off before the return, the new stay's 登録 is compared (第22条第1項: the
    # 登録月の一日 after three months, 2025-03-01).
    late = _back("1984-06-06", came="2024-12-01")
    assert _found("選挙人名簿", late, {"選挙権_国政": True, "選挙権_地方": False, "登録": True, "表示": False},
                  date(2024, 12, 10)) == [
        ("senkyo-2025.12-1.22.0.1.0-R001", "world.domain_mismatch", ASKED + "選挙人名簿/登録@2024-12-10", "true")]


def test_juminzei_levied_by_the_stay_that_held_january_first() -> None:
    # 地方税法 第318条: the 賦課期日 1月1日 (2024-01-01 in the first stay): levied for 年度 2024 though the person
    # came back after it.
    seen = _back("1984-06-06")
    assert _found("個人住民税", seen, {"課税": True}, date(2024, 9, 10)) == []
    assert _found("個人住民税", seen, {"課税": False}, date(2024, 9, 10)) == [
        ("kojin_juminzei-2025.12-1.318.0.1.0-R001", "world.domain_mismatch", ASKED + "個人住民税/課税@2024-09-10",
         "false")]


def test_kenko_no_target_between_the_stays() -> None:
    # 予防接種法 第5条第1項: 当該市町村の区域内に居住する者 only: a child of 3 between the stays is no target here.
    seen = _back("2021-06-06", left="2024-05-31", came="2024-09-01")
    between = date(2024, 7, 15)
    found = _found("健康管理", seen, {"定期接種": [{"疾病": "日本脳炎"}]}, between)
    assert ("kenko_kanri-2025.12-1.5.0.1.0-R001", "world.domain_mismatch",
            ASKED + "健康管理/定期接種/日本脳炎@2024-07-15", "true") in found


def test_the_machine_judges_the_drawn_returns_and_the_corpus_plays_them() -> None:
    # The default seed's 10 examples draw 再転入 (the 住民記録 machine's ``come_back``) and the corpus plays its own
    # (world_corpus.RETURNS): judged now; none is counted as left out but one dated on or before the stay before
    # ended, a 取消し, and the corpus's 国外転出 the reference keeps 住民 (no 転入通知 ever makes it a 除票).
    with world_run() as clean:
        assert clean.result.breaches == ()
        assert not any("return" in reason for reason in clean.skipped)
        assert clean.skipped.get(NOT_RETURNED) == 1


def _caught(defect: str, *requirements: str) -> list[tuple[list[tuple[str, str | None, str | None]], str]]:
    """The corpus and one drawn example with ``defect`` on: exactly ``requirements`` fail; of each, the first
    failing example's breaches (item, expected, actual) and its last step."""
    with world_run(frozenset({defect}), max_examples=1) as found:
        assert {b.requirement for b in found.result.breaches} == set(requirements)
        firsts = [found.result.first(requirement) for requirement in requirements]
    return [([(b.item, b.expected, b.actual) for b in breaches], steps[-1]) for breaches, steps in firsts]


def test_a_first_stays_kokuho_kept_after_a_return_is_caught_by_the_corpus() -> None:
    # The defect kokuho_first_stay_kept: 国保's 取得日 the first stay's (2010-04-01) after the 再転入, 被保険者 the
    # day before it (第7条, 第6条), and on the first stay's last day (the move day to another 都道府県, its 転入通知
    # that day) no 喪失日 (第8条第1項ただし書).
    (acquired, step), (between, _), (lost, _) = _caught(
        "kokuho_first_stay_kept", "kokuho-2025.12-1.7.0.1.0-R001", "kokuho-2025.12-1.6.0.1.0-R001",
        "kokuho-2025.12-1.8.0.1.0-R002")
    assert acquired[0] == (ASKED + "国民健康保険/取得日@2024-09-02", "2024-09-02", "2010-04-01")
    assert between[0] == (ASKED + "国民健康保険/被保険者@2024-09-01", "false", "true")
    assert lost[0] == (ASKED + "国民健康保険/喪失日@2024-06-28", "2024-06-28", "null")
    assert "再転入 2024-09-02" in step and "[再転入 from another 都道府県]" in step


#: The first stay's days asked after the corpus's 再転入 from another 都道府県 (転出 2024-06-28, back 2024-09-02): the
#: day 45 days before its last (world._INSIDE) and its last, the move day.
_INSIDE_DAY, _LAST_DAY = "2024-05-14", "2024-06-28"


@pytest.mark.parametrize(("defect", "name", "fields"), [
    ("first_stay_forgotten_kaigo", "介護保険", (("kaigo-2025.12-1.9.0.1.0-R001", "第1号被保険者", _INSIDE_DAY),
                                             ("kaigo-2025.12-1.10.0.1.0-R001", "資格取得日", _INSIDE_DAY),
                                             ("kaigo-2025.12-1.11.0.1.0-R002", "資格喪失日", _LAST_DAY))),
    ("first_stay_forgotten_kokuho", "国民健康保険", (("kokuho-2025.12-1.6.0.1.0-R001", "被保険者", _INSIDE_DAY),
                                                  ("kokuho-2025.12-1.7.0.1.0-R001", "取得日", _INSIDE_DAY),
                                                  ("kokuho-2025.12-1.8.0.1.0-R002", "喪失日", _LAST_DAY))),
])
def test_a_first_stay_forgotten_after_a_return_is_caught_by_the_corpus(
        defect: str, name: str, fields: tuple[tuple[str, str, str], ...]) -> None:
    # A system answering every day from the latest stay: asked after the 再転入 about a day of the first stay, the
    # person of 65 (born 1958-08-08) is shown as nobody's 被保険者, with the new stay's 取得日 (2024-09-02) and no
    # 喪失日 (介護保険法 第9条〜第11条, 国民健康保険法 第6条〜第8条, each read on the day asked).
    found = _caught(defect, *(requirement for requirement, _, _ in fields))
    for (breaches, step), (_, field, day) in zip(found, fields, strict=True):
        assert breaches[0][0] == f"{ASKED}{name}/{field}@{day}"
        assert "再転入 2024-09-02" in step and "[再転入 from another 都道府県]" in step
    assert found[1][0][0][2] == "2024-09-02"


def test_the_latest_stay_read_alone_is_caught_by_the_corpus() -> None:
    # The defect latest_stay_only: 個人住民税 of 年度 2024 (1月1日 in the first stay) not levied after the 再転入 of
    # 2024-09-02 (地方税法 第318条), the 77 living in a town of the 都道府県 the day before it no 被保険者 (第50条).
    (levied, step), (koki, koki_step), *_ = _caught(
        "latest_stay_only", "kojin_juminzei-2025.12-1.318.0.1.0-R001", "koki_korei-2025.12-1.50.0.1.1-R001",
        # And on a day of the first stay asked after the return, every 資格 the new stay's (issue 66).
        "koki_korei-2025.12-1.52.0.1.0-R001", "kaigo-2025.12-1.9.0.1.0-R001", "kaigo-2025.12-1.10.0.1.0-R001",
        "kaigo-2025.12-1.11.0.1.0-R002", "kokuho-2025.12-1.6.0.1.0-R001", "kokuho-2025.12-1.7.0.1.0-R001",
        "kokuho-2025.12-1.8.0.1.0-R002", "senkyo-2025.12-1.9.0.2.0-R001", "senkyo-2025.12-1.22.0.1.0-R001",
        "senkyo-2025.12-1.27.0.1.0-R001", "kokumin_nenkin-2025.12-1.7.0.1.1-R001",
        "kokumin_nenkin-2025.12-1.8.0.1.2-R001", "kokumin_nenkin-2025.12-1.9.0.1.3-R001",
        "kokumin_nenkin-2025.12-1.11.0.1.0-R001", "kokumin_nenkin-2025.12-1.8.0.1.0-R001",
        "kokumin_nenkin-2025.12-1.9.0.1.2-R001", "kenko_kanri-2025.12-2.3.0.1.0-R002")
    assert {(item.split("@")[0], expected, actual) for item, expected, actual in levied} == {
        (ASKED + "個人住民税/課税", "true", "false")}
    assert "再転入" in step
    assert koki[0] == (ASKED + "後期高齢者医療/被保険者@2024-05-14", "true", "false")  # a day of the first stay
    assert (ASKED + "後期高齢者医療/被保険者@2024-09-01", "true", "false") in koki
    assert "[再転入 from the 都道府県]" in koki_step
