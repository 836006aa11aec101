"""CSV形式のデータの取込 (10.8) of the reference vendor's driver (reference/csv_import.py), called directly, each
with the defect that breaks it."""

from __future__ import annotations

from datetime import date

from conformance_reference.jumin.csv_import import parse
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_kari import call, person

ADDRESS = {"住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町三丁目"}
CARD = ("住所,氏名,旧氏,生年月日,性別,個人番号\r\n"
        "東京都千代田区千代田１番１号,券面　結子,旧姓,1990-10-10,2,908172635433\r\n")


def service(*defects: str) -> DriverService:
    return DriverService(Store(), defects=frozenset(defects), today=lambda: date(2024, 6, 10))


def card(driver: DriverService) -> dict[str, str]:
    body = {"種類": "個人番号カード券面", "CSV": CARD, "住所": ADDRESS, "異動日": "2024-06-03",
            "届出年月日": "2024-06-05"}
    status, answer = call(driver, "POST", "imports/csv", body)
    assert status == 200
    return dict(call(driver, "GET", f"persons/{answer['persons'][0]['宛名番号']}")[1]["person"])


def test_rfc_4180_lines_and_quoted_fields() -> None:
    assert parse('a,b\r\n"x,1",y\r\n') == [{"a": "x,1", "b": "y"}]
    assert parse("a,b\r\n1,2\r\n", frozenset({"csv_import_cr_kept"})) == [{"a": "1", "b": "2\r"}]


def test_a_card_feeds_a_tennyu_with_its_items() -> None:
    record = card(service())
    assert (record["氏名"], record["旧氏"], record["個人番号"], record["住所_町字"]) == \
        ("券面　結子", "旧姓", "908172635433", "本町三丁目")
    assert "旧氏" not in card(service("csv_card_kyushi_dropped"))
    assert card(service("csv_import_cr_kept"))["個人番号"] == "908172635433\r"


def test_a_todoke_finds_its_person_and_records_the_tenkyo() -> None:
    driver = service()
    atena = person(driver)
    text = ("氏名,生年月日,異動事由,住所_町字,異動日,届出年月日\r\n"
            "見本　太郎,1980-04-01,転居,緑町,2024-06-01,2024-06-03\r\n")
    status, _ = call(driver, "POST", "imports/csv", {"種類": "住民異動届", "CSV": text})
    assert status == 200
    rows = call(driver, "GET", f"persons/{atena}/history")[1]["rows"]
    assert (rows[-1]["住所_町字"], rows[-1]["届出年月日"], rows[-1]["異動事由区分"]) == ("緑町", "2024-06-03", "転居")
    broken = service("csv_import_cr_kept")
    person(broken)
    assert call(broken, "POST", "imports/csv", {"種類": "住民異動届", "CSV": text})[1]["code"] == "E005"
    assert call(driver, "POST", "imports/csv", {"種類": "住民異動届", "CSV": text.replace("見本", "他人")})[1]["code"] \
        == "E051"
