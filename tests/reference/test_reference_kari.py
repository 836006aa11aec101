"""仮登録・本登録 of the reference vendor's driver (住民記録 1.0 4.0.8; reference/kari.py), called directly."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_driver import PERSON, Call


@pytest.fixture
def driver() -> DriverService:
    return DriverService(Store(), today=lambda: date(2024, 6, 10))


def call(driver: DriverService, method: str, path: str, body: dict[str, Any] | None = None,
         query: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    return driver.handle(Call(method, body, query), tuple(path.strip("/").split("/")))


def person(driver: DriverService) -> str:
    status, answer = call(driver, "POST", "fixtures/persons", {"persons": [PERSON]})
    assert status == 200
    return str(answer["persons"][0]["宛名番号"])


def tenkyo(atena: str, **extra: Any) -> dict[str, Any]:
    return {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": "2024-06-01", "届出年月日": "2024-06-03",
            "仮登録": True, **extra}


def test_a_kari_toroku_is_listed_and_not_recorded_until_hon_toroku(driver: DriverService) -> None:
    atena = person(driver)
    status, answer = call(driver, "POST", "moves/within", tenkyo(atena, 入力支所="北支所"))
    assert status == 200 and answer["仮登録番号"]
    assert len(driver.store.history(atena)) == 1 and driver.person(atena)["住所_町字"] == "本町"
    _, listed = call(driver, "GET", "pending", query={"入力支所": "北支所"})
    assert [(line["宛名番号"], line["入力支所"], line["内容"]["住所_町字"]) for line in listed["pending"]] == \
        [(atena, "北支所", "栄町")]
    assert call(driver, "GET", "pending", query={"入力支所": "南支所"})[1]["pending"] == []
    status, committed = call(driver, "POST", "pending/commit", {"宛名番号": [atena]})
    assert status == 200 and committed["persons"][0]["宛名番号"] == atena
    rows = driver.store.history(atena)
    assert (len(rows), rows[-1]["住所_町字"], rows[-1]["異動事由区分"]) == (2, "栄町", "転居")
    assert call(driver, "GET", "pending")[1]["pending"] == []


def test_errors_are_answered_at_input_and_nothing_is_kept(driver: DriverService) -> None:
    atena = person(driver)
    status, answer = call(driver, "POST", "moves/within", tenkyo(atena, 異動日="2024-06-11"))
    assert (status, answer["code"]) == (422, "E001")
    assert call(driver, "GET", "pending")[1]["pending"] == [] and len(driver.store.history(atena)) == 1


def test_another_ido_of_the_person_is_held_back_while_pending(driver: DriverService) -> None:
    atena = person(driver)
    call(driver, "POST", "moves/within", tenkyo(atena))
    status, answer = call(driver, "POST", "ex-officio/corrections", {
        "宛名番号": atena, "区分": "職権修正", "items": {"氏名": "見本　次郎"}, "異動日": "2024-06-01"})
    assert (status, answer["code"]) == (422, "E020")


def test_a_correction_is_checked_again_and_replaces_the_request(driver: DriverService) -> None:
    atena = person(driver)
    number = call(driver, "POST", "moves/within", tenkyo(atena))[1]["仮登録番号"]
    status, answer = call(driver, "POST", "pending/correct", {"仮登録番号": number, "異動日": "2024-06-11"})
    assert (status, answer["code"]) == (422, "E001")
    status, _ = call(driver, "POST", "pending/correct", {"仮登録番号": number, "住所": {"住所_町字": "緑町"}})
    assert status == 200
    call(driver, "POST", "pending/commit", {"全部": True})
    assert driver.store.history(atena)[-1]["住所_町字"] == "緑町"


def test_a_cancelled_kari_toroku_is_never_recorded(driver: DriverService) -> None:
    atena = person(driver)
    number = call(driver, "POST", "moves/within", tenkyo(atena))[1]["仮登録番号"]
    assert call(driver, "POST", "pending/cancel", {"仮登録番号": number})[0] == 200
    assert call(driver, "POST", "pending/commit", {"全部": True})[1]["persons"] == []
    assert len(driver.store.history(atena)) == 1
    assert call(driver, "POST", "pending/cancel", {"仮登録番号": number})[0] == 400
