"""The reference vendor's driver adapter (conformance_reference/jumin/driver.py), called directly."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conformance_reference.jumin.driver import DriverService, relation_allowed, removal_date, wareki
from conformance_reference.jumin.search import kana_key
from conformance_reference.jumin.storage import Store

PERSON = {"氏名": "見本　太郎", "氏名_フリガナ": "ミホン　タロウ", "生年月日": "1980-04-01", "性別": "1",
          "住民種別": "1", "住民状態": "1", "続柄": "世帯主", "住所_都道府県": "静岡県", "住所_市区町村": "見本町",
          "住所_町字": "本町",
          "住所_番地号表記": "1番地", "住民となった年月日": "2010-04-01", "住民票コード": "12345678903"}


class Call:
    def __init__(self, method: str, body: dict[str, Any] | None = None, query: dict[str, str] | None = None) -> None:
        self.method, self._body, self._query = method, body or {}, query or {}

    def param(self, name: str) -> str | None:
        return self._query.get(name)

    def json_object(self) -> dict[str, Any]:
        return self._body


@pytest.fixture
def driver() -> DriverService:
    return DriverService(Store(), today=lambda: date(2024, 6, 10))


def post(driver: DriverService, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return driver.handle(Call("POST", body), tuple(path.strip("/").split("/")))


def household(driver: DriverService, *members: dict[str, str]) -> list[dict[str, str]]:
    status, answer = post(driver, "fixtures/persons", {"persons": [{**PERSON, **m} for m in members]})
    assert status == 200
    return list(answer["persons"])


def test_a_future_moving_day_is_an_error_that_commits_nothing(driver: DriverService) -> None:
    (head,) = household(driver, {})
    status, answer = post(driver, "moves/within", {"宛名番号": [head["宛名番号"]], "住所": {"住所_町字": "栄町"},
                                                  "異動日": "2024-06-11", "届出年月日": "2024-06-10"})
    assert (status, answer["code"], answer["item"]) == (422, "E001", "異動日")
    assert len(driver.store.history(head["宛名番号"])) == 1


def test_a_death_may_have_a_non_calendar_day_a_move_may_not(driver: DriverService) -> None:
    """1.1.8 R001 ただし: 出生、死亡又は失踪に係る異動日 may be no calendar day (2月29日 of a common year)."""
    (head,) = household(driver, {})
    status, answer = post(driver, "moves/within", {"宛名番号": [head["宛名番号"]], "住所": {"住所_町字": "栄町"},
                                                  "異動日": "2023-02-29", "届出年月日": "2024-06-10"})
    assert (status, answer["code"], answer["item"]) == (422, "E005", "異動日")
    status, answer = post(driver, "deaths", {"宛名番号": head["宛名番号"], "異動日": "2023-02-29",
                                             "通知年月日": "2024-06-10"})
    assert status == 200 and driver.store.history(head["宛名番号"])[-1]["異動日"] == "2023-02-29"
    (other,) = household(driver, {})
    status, answer = post(driver, "deaths", {"宛名番号": other["宛名番号"], "異動日": "2023-13-01"})
    assert (status, answer["code"], answer["item"]) == (422, "E005", "異動日")  # no 年月日 at all


def test_the_head_leaving_two_members_is_an_alert_until_confirmed(driver: DriverService) -> None:
    head, _, _ = household(driver, {}, {"続柄": "妻"}, {"続柄": "子"})
    body = {"宛名番号": [head["宛名番号"]], "区分": "国内転出", "転出予定年月日": "2024-06-20",
            "届出年月日": "2024-06-10"}
    status, answer = post(driver, "moves/out", body)
    assert (status, answer["alerts"][0]["code"]) == (409, "A002")
    assert post(driver, "moves/out", {**body, "confirm": ["A002"]})[0] == 200
    assert len(driver.store.history(head["宛名番号"])) == 2


def test_a_split_or_merge_taking_the_head_from_two_members_is_an_alert_too(driver: DriverService) -> None:
    """4.0.4 R002 holds for every 異動 the 世帯主 leaves by: a 世帯分離 of him, a 世帯合併 into another 世帯."""
    head, _, _ = household(driver, {}, {"続柄": "妻"}, {"続柄": "子"})
    (other,) = household(driver, {"氏名": "見本　次郎"})
    dates = {"異動日": "2024-06-10", "届出年月日": "2024-06-10"}
    split = {"宛名番号": [head["宛名番号"]], "続柄": ["世帯主"], **dates}
    merge = {"宛名番号": [head["宛名番号"]], "世帯番号": other["世帯番号"], "続柄": ["同居人"], **dates}
    for path, body in (("households/split", split), ("households/merge", merge)):
        status, answer = post(driver, path, body)
        assert (status, answer["alerts"][0]["code"]) == (409, "A002"), path
    assert len(driver.store.history(head["宛名番号"])) == 1
    assert post(driver, "households/merge", {**merge, "confirm": ["A002"]})[0] == 200


def test_a_returning_resident_number_is_refused_and_three_matching_items_alert(driver: DriverService) -> None:
    household(driver, {"住民状態": "2", "個人番号": "123456789018"})
    newcomer = {**PERSON, "個人番号": "123456789018"}
    body = {"区分": "国内転入", "persons": [newcomer], "異動日": "2024-06-01", "届出年月日": "2024-06-05"}
    assert post(driver, "moves/in", body)[1]["code"] == "E004"
    same_three = {**PERSON, "個人番号": "234567890121", "住民票コード": "23456789014"}
    status, answer = post(driver, "moves/in", {**body, "persons": [same_three]})
    assert (status, answer["alerts"][0]["code"]) == (409, "A001")


def test_corrections_append_rows_and_keep_every_item(driver: DriverService) -> None:
    (person,) = household(driver, {})
    status, _ = post(driver, "ex-officio/corrections", {"宛名番号": person["宛名番号"], "区分": "誤記修正",
                                                       "items": {"氏名": "見本　太朗"}, "異動日": "2024-06-01"})
    rows = driver.store.history(person["宛名番号"])
    assert status == 200 and [row["氏名"] for row in rows] == ["見本　太郎", "見本　太朗"]
    assert rows[1]["異動事由区分"] == "誤記修正" and rows[1]["住所_町字"] == "本町"


def test_blank_items_the_spec_lists_are_refused(driver: DriverService) -> None:
    (person,) = household(driver, {})
    status, answer = post(driver, "ex-officio/corrections", {"宛名番号": person["宛名番号"], "区分": "職権修正",
                                                            "items": {"生年月日": ""}, "異動日": "2024-06-01"})
    assert (status, answer["code"], answer["item"]) == (422, "E009", "生年月日")


def test_a_cancellation_restores_the_row_before_the_latest_change(driver: DriverService) -> None:
    (person,) = household(driver, {})
    post(driver, "moves/within", {"宛名番号": [person["宛名番号"]], "住所": {"住所_町字": "栄町"},
                                  "異動日": "2024-06-01", "届出年月日": "2024-06-02"})
    assert post(driver, "cancellations", {"宛名番号": person["宛名番号"]})[0] == 200
    rows = driver.store.history(person["宛名番号"])
    assert [row["住所_町字"] for row in rows] == ["本町", "栄町", "本町"]
    assert rows[-1]["異動事由区分"] == "異動の取消し（修正）"


def test_household_order_follows_5_2(driver: DriverService) -> None:
    members = household(driver, {"続柄": "同居人"}, {"続柄": "子", "生年月日": "2005-01-01"}, {},
                        {"続柄": "子", "生年月日": "2003-01-01"}, {"続柄": "妻"},
                        {"続柄": "母", "生年月日": "1950-01-01"})
    _, answer = driver.handle(Call("GET"), ("households", members[0]["世帯番号"]))
    assert [m["続柄"] for m in answer["members"]] == ["世帯主", "妻", "子", "子", "母", "同居人"]
    assert [m["生年月日"] for m in answer["members"]][2:4] == ["2003-01-01", "2005-01-01"]


def test_rules() -> None:
    assert relation_allowed("子の子の子の子") and not relation_allowed("子の子の子の子の子")
    assert not relation_allowed("孫")
    assert removal_date(date(2024, 6, 30), date(2024, 6, 25)) == date(2024, 6, 25)
    assert wareki("1989-01-07") == "昭和64年1月7日" and wareki("1989-01-08") == "平成元年1月8日"
    assert wareki("1989-01-07", frozenset({"heisei_from_0107"})) == "平成元年1月7日"
    pairs = (("ヂヅヲワ", "ジズオハ"), ("ヴァヴィヴ", "バビブ"), ("キョウ", "キヨオ"), ("ルーシー", "ルシ"),
             ("ゴンダ　バンペイ", "コンタハンヘイ"))
    for stored, searched in pairs:
        assert kana_key(stored) == kana_key(searched), (stored, searched)


def test_a_moj_notice_corrects_or_with_shojo_removes(driver: DriverService) -> None:
    """4.5.6 R001 (修正及び消除): a 長官通知 naming items corrects them; one with 消除 removes the 住民票 (職権消除)."""
    foreign = {"住民種別": "2", "第30条45規定区分": "1", "在留期間の満了の日": "2024-07-31",
               "在留カード等番号": "AB12345678CD"}
    renewed, changed = household(driver, foreign)[0], household(driver, foreign)[0]
    status, _ = post(driver, "moj-notices", {"宛名番号": renewed["宛名番号"], "通知年月日": "2024-06-03",
                                             "items": {"在留期間の満了の日": "2027-07-31"}})
    row = driver.store.history(renewed["宛名番号"])[-1]
    assert (status, row["異動事由区分"], row["住民状態"], row["在留期間の満了の日"], row["通知年月日"]) == (
        200, "職権修正", "1", "2027-07-31", "2024-06-03")
    status, _ = post(driver, "moj-notices", {"宛名番号": changed["宛名番号"], "items": {}, "消除": True,
                                             "異動日": "2024-06-01", "通知年月日": "2024-06-04"})
    row = driver.store.history(changed["宛名番号"])[-1]
    assert (status, row["異動事由区分"], row["住民状態"], row["異動日"], row["通知年月日"]) == (
        200, "職権消除", "9", "2024-06-01", "2024-06-04")


def test_the_moj_notice_removal_defect_records_a_correction_only() -> None:
    driver = DriverService(Store(), today=lambda: date(2024, 6, 10), defects=frozenset({"moj_notice_removal_ignored"}))
    (person,) = household(driver, {"住民種別": "2", "第30条45規定区分": "1"})
    post(driver, "moj-notices", {"宛名番号": person["宛名番号"], "items": {}, "消除": True, "通知年月日": "2024-06-04"})
    row = driver.store.history(person["宛名番号"])[-1]
    assert (row["異動事由区分"], row["住民状態"]) == ("職権修正", "1")


def test_a_previous_address_unknown_is_taken_unless_the_defect_refuses_it(driver: DriverService) -> None:
    """4.2.1.1 R001: 「不明」 as the 転入前住所 of a 住所設定 (a 職権記載)."""
    body = {"区分": "国内転入", "職権": True, "異動日": "2024-05-16",
            "persons": [{**PERSON, "住民票コード": "", "転入前住所": "不明"}]}
    status, answer = post(driver, "moves/in", body)
    assert status == 200
    assert driver.store.history(answer["persons"][0]["宛名番号"])[-1]["転入前住所"] == "不明"
    refusing = DriverService(Store(), today=lambda: date(2024, 6, 10),
                             defects=frozenset({"previous_address_unknown_refused"}))
    status, answer = post(refusing, "moves/in", body)
    assert (status, answer["code"], answer["item"]) == (422, "E009", "転入前住所")
