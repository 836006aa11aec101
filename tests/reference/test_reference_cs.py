"""住基ネット CS 連携 of the reference vendor's driver (reference/cs.py), called directly: the 電文 a 異動 sends,
their 再送信, and what the CS delivers (転入通知, 個人番号)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_kari import call, person


def service(*defects: str) -> DriverService:
    return DriverService(Store(), defects=frozenset(defects), today=lambda: date(2024, 6, 10))


@pytest.fixture
def driver() -> DriverService:
    return service()


def tenkyo(atena: str, town: str, moved: str, **extra: Any) -> dict[str, Any]:
    return {"宛名番号": [atena], "住所": {"住所_町字": town}, "異動日": moved, "届出年月日": moved, **extra}


def sent(driver: DriverService, atena: str, kind: str | None = None) -> list[dict[str, Any]]:
    query = {"宛名番号": atena, **({"種別": kind} if kind else {})}
    status, answer = call(driver, "GET", "cs/sent", query=query)
    assert status == 200
    return list(answer["messages"])


def tenshutsu(driver: DriverService, atena: str, **extra: Any) -> None:
    body = {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": "2024-06-30", "届出年月日": "2024-06-10",
            **extra}
    status, _ = call(driver, "POST", "moves/out", body)
    assert status == 200


def test_a_tenkyo_sends_its_denbun_in_the_order_of_the_ido(driver: DriverService) -> None:
    atena = person(driver)
    call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
    call(driver, "POST", "moves/within", tenkyo(atena, "緑町", "2024-06-05"))
    assert [(m["種別"], m["異動日"]) for m in sent(driver, atena)] == [
        ("本人確認情報", "2024-06-01"), ("戸籍附票記載事項通知情報", "2024-06-01"), ("送付先情報", "2024-06-01"),
        ("本人確認情報", "2024-06-05"), ("戸籍附票記載事項通知情報", "2024-06-05"), ("送付先情報", "2024-06-05")]
    reversed_driver = service("cs_order_reversed")
    other = person(reversed_driver)
    call(reversed_driver, "POST", "moves/within", tenkyo(other, "栄町", "2024-06-01"))
    call(reversed_driver, "POST", "moves/within", tenkyo(other, "緑町", "2024-06-05"))
    assert [m["異動日"] for m in sent(reversed_driver, other, "本人確認情報")] == ["2024-06-05", "2024-06-01"]


def test_a_kari_toroku_sends_nothing_until_hon_toroku(driver: DriverService) -> None:
    atena = person(driver)
    call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01", 仮登録=True))
    assert sent(driver, atena) == []
    call(driver, "POST", "pending/commit", {"全部": True})
    assert [m["種別"] for m in sent(driver, atena, "本人確認情報")] == ["本人確認情報"]


def test_a_resend_carries_the_ido_jiyu_asked_unless_the_defect_keeps_its_own() -> None:
    for defects, expected in (((), "職権修正"), (("cs_resend_reason_ignored",), "転居")):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        number = sent(driver, atena, "本人確認情報")[0]["通番"]
        status, answer = call(driver, "POST", "cs/resend", {"通番": number, "異動事由": "職権修正"})
        assert status == 200
        again = sent(driver, atena, "本人確認情報")[-1]
        assert (again["通番"], again["再送"], again["異動事由"]) == (answer["通番"], True, expected)


def test_a_tokurei_tenshutsu_sends_the_tenshutsu_shomeisho_joho() -> None:
    for defects, expected in (((), ["転出証明書情報"]), (("cs_tokurei_ignored",), [])):
        driver = service(*defects)
        atena = person(driver)
        tenshutsu(driver, atena, 特例=True)
        assert [m["種別"] for m in sent(driver, atena, "転出証明書情報")] == expected


def test_the_newest_tennyu_tsuchi_of_a_torikomi_is_applied_and_an_unknown_person_listed() -> None:
    notices = [{"転入年月日": "2024-06-25", "通知年月日": "2024-06-26"},
               {"転入年月日": "2024-06-20", "通知年月日": "2024-06-27"}]
    for defects, expected in (((), "2024-06-20"), (("cs_tennyu_tsuchi_first_wins",), "2024-06-25")):
        driver = service(*defects)
        atena = person(driver)
        tenshutsu(driver, atena)
        status, answer = call(driver, "POST", "cs/receive", {"種別": "転入通知", "通知": [
            *({"宛名番号": atena, **notice} for notice in notices), {"宛名番号": "0000000000", **notices[0]}]})
        assert status == 200 and answer["取込"] == [{"宛名番号": atena, "結果": "反映"}]
        assert [error["宛名番号"] for error in answer["エラー"]] == ["0000000000"]
        row = driver.store.history(atena)[-1]
        assert (row["異動事由区分"], row["住民状態"], row["転出年月日（確定）"]) == ("国内転出", "2", expected)


def test_a_tennyu_tsuchi_the_defect_keeps_for_staff_changes_nothing() -> None:
    driver = service("cs_tennyu_tsuchi_not_applied")
    atena = person(driver)
    tenshutsu(driver, atena)
    call(driver, "POST", "cs/receive", {"種別": "転入通知", "通知": [
        {"宛名番号": atena, "転入年月日": "2024-06-25", "通知年月日": "2024-06-26"}]})
    assert driver.store.history(atena)[-1]["異動事由区分"] == "国内転出"
    assert driver.store.history(atena)[-1]["住民状態"] == "1"


def test_a_birth_requests_a_kojin_bango_and_the_one_received_is_recorded(driver: DriverService) -> None:
    head = person(driver)
    setai = driver.person(head)["世帯番号"]
    status, answer = call(driver, "POST", "births", {"世帯番号": setai, "届出年月日": "2024-06-07", "person": {
        "氏名": "見本　花子", "生年月日": "2024-06-01", "性別": "2", "住民種別": "1", "続柄": "子"}})
    assert status == 200
    child = answer["persons"][0]["宛名番号"]
    assert [m["種別"] for m in sent(driver, child, "個人番号生成要求")] == ["個人番号生成要求"]
    status, answer = call(driver, "POST", "cs/receive",
                          {"種別": "個人番号", "宛名番号": child, "個人番号": "123456789018"})
    assert status == 200 and driver.person(child)["個人番号"] == "123456789018"


FUHYO = "戸籍附票記載事項通知情報"
KANNAI, KANGAI = "静岡県見本町本町一丁目99番地　見本　太郎", "東京都千代田区千代田一番　見本　次郎"


def test_a_denbun_is_held_while_the_renkei_is_manual_and_sent_by_hand_with_items_completed() -> None:
    for defects, held in (((), "保留"), (("cs_manual_mode_ignored",), "送信済")):
        driver = service(*defects)
        atena = person(driver)
        assert call(driver, "POST", "cs/mode", {"連携": "手動"}) == (200, {"result": "ok", "連携": "手動"})
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        [message] = sent(driver, atena, FUHYO)
        assert message["状態"] == held
        status, answer = call(driver, "POST", "cs/send", {"通番": message["通番"], "項目": {"住所_方書": "見本荘"}})
        assert (status, answer["通番"]) == (200, [message["通番"]])
        [message] = sent(driver, atena, FUHYO)
        assert (message["状態"], message["項目"]["住所_方書"]) == ("送信済", "見本荘")
        call(driver, "POST", "cs/mode", {"連携": "自動"})
        call(driver, "POST", "moves/within", tenkyo(atena, "緑町", "2024-06-05"))
        assert [m["状態"] for m in sent(driver, atena, FUHYO)] == ["送信済", "送信済"]
    assert call(driver, "POST", "cs/mode", {"連携": "半自動"})[0] == 400


def test_the_items_completed_by_hand_are_dropped_by_the_defect() -> None:
    driver = service("cs_manual_items_dropped")
    atena = person(driver)
    call(driver, "POST", "cs/mode", {"連携": "手動"})
    call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
    number = sent(driver, atena, FUHYO)[0]["通番"]
    call(driver, "POST", "cs/send", {"通番": number, "項目": {"住所_方書": "見本荘"}})
    assert sent(driver, atena, FUHYO)[0]["項目"].get("住所_方書") is None


def test_a_cs_down_is_shown_as_an_error_with_the_kado_jokyo() -> None:
    for defects, down, shown in (((), "停止中", True), (("cs_link_error_hidden",), "稼働中", False)):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "cs/link", {"稼働": False})
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        status, answer = call(driver, "GET", "cs/status")
        assert (status, answer["稼働状況"]) == (200, down)
        assert any(error["宛名番号"] == atena for error in answer["エラー"]) is shown
        call(driver, "POST", "cs/link", {"稼働": True})
        call(driver, "POST", "cs/send", {})
        assert call(driver, "GET", "cs/status")[1] == {"result": "ok", "稼働状況": "稼働中", "エラー": []}
    assert call(driver, "POST", "cs/link", {"稼働": "no"})[0] == 400


def test_the_cs_refusal_of_a_denbun_is_listed_unless_the_defect_discards_it() -> None:
    for defects, listed in (((), True), (("cs_refusal_ignored",), False)):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        number = sent(driver, atena, FUHYO)[0]["通番"]
        status, _ = call(driver, "POST", "cs/receive", {"種別": "エラー応答", "通番": number, "理由": "項目不備"})
        assert status == 200
        errors = call(driver, "GET", "cs/status")[1]["エラー"]
        assert (errors == [{"通番": number, "種別": FUHYO, "宛名番号": atena, "理由": "項目不備"}]) is listed
    assert call(driver, "POST", "cs/receive", {"種別": "エラー応答", "通番": "999"})[0] == 404


def test_a_koiki_kofu_request_is_answered_with_the_koiki_kofu_juminhyo_joho() -> None:
    for defects, expected in (((), [("広域交付住民票情報", "131016")]), (("cs_koiki_not_sent",), [])):
        driver = service(*defects)
        atena = person(driver)
        status, _ = call(driver, "POST", "cs/receive", {"種別": "広域交付要求", "宛名番号": atena,
                                                        "交付市区町村コード": "131016"})
        assert status == 200
        assert [(m["種別"], m["宛先"]) for m in sent(driver, atena, "広域交付住民票情報")] == expected


def test_the_fuhyo_notice_goes_for_kannai_and_kangai_honsekisha_unless_the_defect_skips_kannai() -> None:
    for defects, expected in (((), {"管内": 1, "管外": 1}), (("cs_fuhyo_kannai_skipped",), {"管内": 0, "管外": 1})):
        driver = service(*defects)
        counts = {}
        for place, honseki in (("管内", KANNAI), ("管外", KANGAI)):
            atena = person(driver)
            driver.store.append({**driver.person(atena), "戸籍の表示（本籍・筆頭者）": honseki})
            call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
            counts[place] = len(sent(driver, atena, FUHYO))
        assert counts == expected


def test_the_sofusaki_history_keeps_every_denbun_unless_the_defect_keeps_the_latest() -> None:
    for defects, expected in (((), ["2024-06-01", "2024-06-05"]), (("cs_sofusaki_latest_only",), ["2024-06-05"])):
        driver = service(*defects)
        atena = person(driver)
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        call(driver, "POST", "moves/within", tenkyo(atena, "緑町", "2024-06-05"))
        assert [m["異動日"] for m in sent(driver, atena, "送付先情報")] == expected


def test_a_fugo_request_is_sent_and_its_state_shown() -> None:
    driver = service()
    first, second = person(driver), person(driver)
    assert call(driver, "POST", "cs/fugo", {"宛名番号": first})[0] == 200
    call(driver, "POST", "cs/link", {"稼働": False})
    call(driver, "POST", "cs/fugo", {"宛名番号": second})
    assert [m["状態"] for m in sent(driver, first, "符号取得要求")] == ["送信済"]
    assert [m["状態"] for m in sent(driver, second, "符号取得要求")] == ["エラー"]
    assert call(driver, "POST", "cs/fugo", {"宛名番号": "0000000000"})[0] == 404
    lost = service("cs_fugo_request_lost")
    atena = person(lost)
    assert call(lost, "POST", "cs/fugo", {"宛名番号": atena})[0] == 200
    assert sent(lost, atena, "符号取得要求") == []


def test_the_koshin_taisho_are_matched_and_a_kyosho_named_as_the_sofusaki() -> None:
    for defects, made, named in (((), 1, "見本病院"), (("cs_koshin_taisho_ignored",), 0, "見本病院"),
                                 (("cs_kyosho_ignored",), 1, "静岡県見本町栄町")):
        driver = service(*defects)
        atena = person(driver)
        driver.store.append({**driver.person(atena), "住民票コード": "98765432103"})
        status, answer = call(driver, "POST", "cs/receive", {"種別": "更新対象者", "対象": [
            {"住民票コード": "98765432103"}, {"住民票コード": "98765432111"}]})
        assert status == 200 and answer["取込"] == [{"宛名番号": atena, "結果": "送信"}]
        assert [error["住民票コード"] for error in answer["エラー"]] == ["98765432111"]
        assert len(sent(driver, atena, "送付先情報")) == made
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        assert call(driver, "POST", "cs/sofusaki", {"宛名番号": atena, "居所": "見本病院"})[0] == 200
        assert sent(driver, atena, "送付先情報")[-1]["送付先"].startswith(named)
    assert call(driver, "POST", "cs/sofusaki", {"宛名番号": atena})[0] == 400
    assert call(driver, "POST", "cs/sofusaki", {"宛名番号": "0000000000", "居所": "見本病院"})[0] == 404


def test_a_serial_request_is_sent_and_the_serial_answered_kept_with_the_card() -> None:
    for defects, shown in (((), "0123456789ABCDEF"), (("cs_serial_not_kept",), "")):
        driver = service(*defects)
        atena = person(driver)
        assert call(driver, "POST", "cs/serial", {"宛名番号": atena})[0] == 200
        assert [m["種別"] for m in sent(driver, atena, "シリアル番号取得要求")] == ["シリアル番号取得要求"]
        status, answer = call(driver, "POST", "cs/receive",
                              {"種別": "シリアル番号", "宛名番号": atena, "シリアル番号": "0123456789ABCDEF"})
        assert status == 200 and answer["取込"] == [{"宛名番号": atena, "結果": "反映"}]
        card = call(driver, "GET", f"units/{atena}")[1]["他業務"]["カード"]
        assert card["利用者証明用電子証明書のシリアル番号"] == shown
    assert call(driver, "POST", "cs/serial", {"宛名番号": "0000000000"})[0] == 404


def test_the_seigosei_kakunin_lists_a_person_whose_address_differs_unless_the_defect_compares_names_only() -> None:
    for defects, expected in (((), ["98765432154", "98765432170"]), (("cs_consistency_name_only",), ["98765432170"])):
        driver = service(*defects)
        atena = person(driver)
        row = driver.store.append({**driver.person(atena), "住民票コード": "98765432154"})
        held = {name: row.get(name, "") for name in ("氏名", "生年月日", "性別", "住所_都道府県", "住所_市区町村")}
        status, answer = call(driver, "POST", "cs/consistency", {"本人確認情報": [
            {**held, "住民票コード": "98765432154", "住所_町字": "栄町"},
            {**held, "住民票コード": "98765432170"}]})
        assert status == 200
        assert [entry["住民票コード"] for entry in answer["不整合"]] == expected
        if not defects:
            assert answer["不整合"][0] == {"住民票コード": "98765432154", "宛名番号": atena, "項目": ["住所_町字"]}


def test_a_gaiji_is_sent_as_the_toitsu_moji_last_registered_unless_the_defect_ignores_the_table() -> None:
    for defects, expected in (((), "髙橋　太郎"), (("cs_moji_conversion_ignored",), "\ue000橋　太郎")):
        driver = service(*defects)
        atena = person(driver)
        driver.store.append({**driver.person(atena), "氏名": "\ue000橋　太郎"})
        for unified in ("高", "髙"):
            assert call(driver, "POST", "cs/moji", {"文字": "\ue000", "統一文字": unified}) == (200, {"result": "ok"})
        call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        assert sent(driver, atena, FUHYO)[0]["項目"]["氏名"] == expected
    assert call(driver, "POST", "cs/moji", {"文字": "\ue000\ue001", "統一文字": "髙"})[0] == 400
