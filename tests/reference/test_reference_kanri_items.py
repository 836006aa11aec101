"""Managed items of 住民記録 1.0 chapter 1 in the reference vendor's driver, called directly: the 郵便番号 of the four
addresses (reference/yubin.py), the フリガナ確認フラグ and the フリガナ sent to the CS (furigana.py), a
世帯主未設定 世帯 and its 連携 (tagyomu.py), the 改製 (kaisei.py), the 入力場所・入力端末 (terminals.py), the
留意事項 of a history row and those registered per 異動事由 (remarks.py). Each with the named defect that breaks
it."""

from __future__ import annotations

from datetime import date
from typing import Any

from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.furigana import halfwidth
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_kari import call, person


def service(*defects: str) -> DriverService:
    return DriverService(Store(), defects=frozenset(defects), today=lambda: date(2024, 6, 10))


def history(driver: DriverService, atena: str) -> list[dict[str, Any]]:
    status, answer = call(driver, "GET", f"persons/{atena}/history")
    assert status == 200
    return list(answer["rows"])


def shown(driver: DriverService, atena: str) -> dict[str, Any]:
    status, answer = call(driver, "GET", f"persons/{atena}")
    assert status == 200
    return dict(answer["person"])


def tennyu(driver: DriverService, *persons: dict[str, str]) -> tuple[int, dict[str, Any]]:
    base = {"氏名": "郵便　一郎", "生年月日": "1985-04-04", "性別": "1", "住民種別": "1", "住所_町字": "本町"}
    return call(driver, "POST", "moves/in", {"区分": "国内転入", "persons": [{**base, **p} for p in persons],
                                             "異動日": "2024-06-01", "届出年月日": "2024-06-03"})


def tenkyo(atena: str, **extra: Any) -> dict[str, Any]:
    return {"宛名番号": [atena], "住所": {"住所_方書": "見本ハイツ"}, "異動日": "2024-06-01",
            "届出年月日": "2024-06-03", **extra}


# -- 1.1.17 郵便番号 ---------------------------------------------------------------------------------


def _four_codes(driver: DriverService) -> dict[str, Any]:
    codes = {"住所_郵便番号": "4210001", "転入前住所_郵便番号": "1000001"}
    status, answer = tennyu(driver, {"続柄": "世帯主", **codes})
    assert status == 200
    atena = answer["persons"][0]["宛名番号"]
    call(driver, "POST", "moves/out", {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": "2024-06-30",
                                       "届出年月日": "2024-06-10", "転出先住所_郵便番号": "1040061"})
    call(driver, "POST", "moves/out/confirm", {"宛名番号": atena, "転入年月日": "2024-06-25",
                                               "通知年月日": "2024-06-28", "転出先住所（確定）_郵便番号": "1040045",
                                               "処理日": "2024-06-28"})
    return shown(driver, atena)


def test_the_four_postal_codes_are_kept_and_the_defect_keeps_the_address_one_only() -> None:
    names = ("住所_郵便番号", "転入前住所_郵便番号", "転出先住所（予定）_郵便番号", "転出先住所（確定）_郵便番号")
    assert [_four_codes(service()).get(name) for name in names] == ["4210001", "1000001", "1040061", "1040045"]
    dropped = _four_codes(service("yubin_other_addresses_dropped"))
    assert [dropped.get(name, "") for name in names] == ["4210001", "", "", ""]


# -- 1.1.18 フリガナ ---------------------------------------------------------------------------------


def test_the_kyushi_and_tsusho_flags_are_kept_unless_the_defect_drops_them() -> None:
    for defects, flag in (((), "1"), (("furigana_flag_dropped",), "")):
        driver = service(*defects)
        atena = person(driver)
        body = {"宛名番号": atena, "区分": "記載", "旧氏": "旧姓", "旧氏_フリガナ": "キュウセイ",
                "旧氏_フリガナ確認フラグ": "1", "請求年月日": "2024-06-05"}
        status, _ = call(driver, "POST", "kyushi", body)
        assert status == 200
        assert shown(driver, atena).get("旧氏_フリガナ確認フラグ", "") == flag
        # a 変更 giving no flag keeps the one held
        call(driver, "POST", "kyushi", {"宛名番号": atena, "区分": "変更", "旧氏": "旧名", "請求年月日": "2024-06-06"})
        assert shown(driver, atena).get("旧氏_フリガナ確認フラグ", "") == flag


def test_the_denbun_carry_the_furigana_in_zenkaku_unless_the_defect_sends_hankaku() -> None:
    assert halfwidth("ミホン　ハナコ") == "ﾐﾎﾝ ﾊﾅｺ" and halfwidth("ガッパ") == "ｶﾞｯﾊﾟ"
    for defects, kana in (((), "ミホン　ハナコ"), (("cs_furigana_halfwidth",), "ﾐﾎﾝ ﾊﾅｺ")):
        driver = service(*defects)
        atena = person(driver)
        items = {"氏名_フリガナ": "ミホン　ハナコ"}
        call(driver, "POST", "ex-officio/corrections",
             {"宛名番号": atena, "区分": "職権修正", "items": items, "異動日": "2024-06-01"})
        status, answer = call(driver, "GET", "cs/sent", query={"宛名番号": atena, "種別": "本人確認情報"})
        assert status == 200 and answer["messages"][-1]["項目"]["氏名_フリガナ"] == kana
        assert shown(driver, atena)["氏名_フリガナ"] == "ミホン　ハナコ"


# -- 1.1.10 世帯主未設定 -------------------------------------------------------------------------------


def test_a_household_without_head_is_taken_and_sent_so_unless_a_defect() -> None:
    driver = service()
    status, answer = tennyu(driver, {"続柄": "同居人"}, {"氏名": "郵便　次郎", "続柄": "同居人"})
    assert status == 200
    atena = answer["persons"][0]["宛名番号"]
    status, sent = call(driver, "GET", "units/sent", query={"宛先": "団体内統合宛名システム", "宛名番号": atena})
    assert [(m["世帯主氏名"], m["続柄"]) for m in sent["messages"]] == [("", "同居人")]
    status, refused = tennyu(service("setai_nushi_required"), {"続柄": "同居人"})
    assert (status, refused["code"], refused["item"]) == (422, "E009", "続柄")
    filled = service("togo_atena_head_filled")
    _, answer = tennyu(filled, {"続柄": "同居人"})
    atena = answer["persons"][0]["宛名番号"]
    _, sent = call(filled, "GET", "units/sent", query={"宛先": "団体内統合宛名システム", "宛名番号": atena})
    assert [(m["世帯主氏名"], m["続柄"]) for m in sent["messages"]] == [("郵便　一郎", "世帯主")]


# -- 1.1.4 改製 -------------------------------------------------------------------------------------


def test_no_row_limit_and_the_defect_shows_the_rows_of_an_automatic_kaisei_only() -> None:
    for defects, first, count, kaisei in (((), "0", 23, None), (("kaisei_when_full",), "19", 3, "2024-06-10")):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "ex-officio/corrections", {"宛名番号": atena, "区分": "職権修正",
                                                        "items": {"住所_方書": "0"}, "異動日": "2024-06-01"})
        for number in range(1, 22):
            call(driver, "POST", "moves/within", {**tenkyo(atena), "住所": {"住所_方書": str(number)}})
        rows = history(driver, atena)
        assert (len(rows), rows[1]["住所_方書"] if not defects else rows[0]["住所_方書"]) == (count, first)
        assert shown(driver, atena).get("改製年月日") == kaisei


def test_a_kaisei_by_hand_keeps_its_date_and_adds_no_row() -> None:
    driver = service()
    atena = person(driver)
    status, answer = call(driver, "POST", "kaisei", {"宛名番号": atena, "改製年月日": "2024-06-03"})
    assert (status, answer["改製年月日"]) == (200, "2024-06-03")
    call(driver, "POST", "kaisei", {"宛名番号": atena})
    assert shown(driver, atena)["改製年月日"] == "2024-06-10" and len(history(driver, atena)) == 1
    assert call(driver, "POST", "kaisei", {"宛名番号": "999999999"})[0] == 404
    refusing = service("kaisei_only_when_full")
    status, refused = call(refusing, "POST", "kaisei", {"宛名番号": person(refusing)})
    assert (status, refused["code"]) == (422, "E060")
    forgetting = service("kaisei_date_not_kept")
    other = person(forgetting)
    assert call(forgetting, "POST", "kaisei", {"宛名番号": other})[0] == 200
    assert "改製年月日" not in shown(forgetting, other)


# -- 1.3.1 入力場所・入力端末, 1.2.1 R010-R012 ------------------------------------------------------------


def test_terminals_are_registered_with_their_place_and_stamp_the_rows() -> None:
    driver = service()
    assert call(driver, "POST", "terminals", {"入力端末": "T-SHISHO", "入力場所": "北支所"})[0] == 200
    status, listed = call(driver, "GET", "terminals")
    assert status == 200 and {"入力端末": "T-SHISHO", "入力場所": "北支所"} in listed["入力端末"]
    assert "北支所" in listed["入力場所"] and "本庁" in listed["入力場所"]
    atena = person(driver)
    call(driver, "POST", "moves/within", tenkyo(atena, 入力端末="T-SHISHO"))
    call(driver, "POST", "ex-officio/corrections", {"宛名番号": atena, "区分": "職権修正", "items": {"住所_方書": "2"},
                                                    "異動日": "2024-06-04"})
    rows = history(driver, atena)
    assert [(row.get("入力場所"), row.get("入力端末")) for row in rows[1:]] == [
        ("北支所", "T-SHISHO"), ("本庁", "REFERENCE-TERM01")]
    status, refused = call(driver, "POST", "moves/within", tenkyo(atena, 入力端末="UNKNOWN"))
    assert (status, refused["code"]) == (400, "BAD_REQUEST")


def test_the_terminal_defects() -> None:
    dropped = service("terminal_place_dropped")
    call(dropped, "POST", "terminals", {"入力端末": "T-SHISHO", "入力場所": "北支所"})
    assert {"入力端末": "T-SHISHO", "入力場所": "本庁"} in call(dropped, "GET", "terminals")[1]["入力端末"]
    lost = service("terminal_lost_on_correction")
    atena = person(lost)
    call(lost, "POST", "moves/within", tenkyo(atena))
    call(lost, "POST", "ex-officio/corrections", {"宛名番号": atena, "区分": "職権修正", "items": {"住所_方書": "2"},
                                                  "異動日": "2024-06-04"})
    assert [row.get("入力端末") for row in history(lost, atena)[1:]] == ["REFERENCE-TERM01", ""]


def test_a_row_shows_its_ryuiji_jiko_unless_the_defect() -> None:
    for defects, expected in (((), ["届出書による"]), (("history_rows_without_remarks",), None)):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "moves/within", tenkyo(atena))
        entered = {"宛名番号": atena, "類型": "留意事項", "異動項目": "住所", "記載内容": "届出書による"}
        call(driver, "POST", "remarks", entered)
        rows = history(driver, atena)
        assert rows[1].get("留意事項") == expected and "留意事項" not in rows[0]


# -- 1.1.14 R005 留意事項の自動入力 ----------------------------------------------------------------------


def test_a_ryuiji_jiko_registered_per_reason_is_entered_by_itself_unless_the_defect() -> None:
    for defects, count in (((), 1), (("remarks_preset_not_entered",), 0)):
        driver = service(*defects)
        atena = person(driver)
        preset = {"異動事由": "転居", "異動項目": "住所", "記載内容": "自動"}
        assert call(driver, "POST", "remarks/presets", preset)[0] == 200
        call(driver, "POST", "ex-officio/corrections",
             {"宛名番号": atena, "区分": "職権修正", "items": {"住所_方書": "2"}, "異動日": "2024-06-01"})
        call(driver, "POST", "moves/within", tenkyo(atena))
        _, column = call(driver, "GET", f"remarks/{atena}")
        entries = column["統合記載欄"]["留意事項"]
        assert [(e["記載内容"], e["異動項目"], e["異動事由"]) for e in entries] == [("自動", "住所", "転居")] * count
        call(driver, "POST", "remarks/presets", {"異動事由": "転居"})  # deleted: the next 転居 carries none
        call(driver, "POST", "moves/within", tenkyo(atena, 異動日="2024-06-05"))
        assert len(call(driver, "GET", f"remarks/{atena}")[1]["統合記載欄"]["留意事項"]) == count
