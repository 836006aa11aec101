"""住基ネット CS 連携 of the reference vendor's driver (reference/cs.py), called directly: the 電文 a 異動 sends,
their 再送信, and what the CS delivers (転入通知, 個人番号)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conformance.reference.driver import DriverService
from conformance.reference.storage import Store
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
