"""The reference vendor's 選挙人名簿 (conformance_reference/senkyo/elections.py) on a person's whole history, as
the driver writes it: 第21条第1項 counts the three months from the day the 住民票 was made (a 転入: the day of the
転入届), whatever 異動 later rows record."""

from __future__ import annotations

from datetime import date
from typing import Any

from conformance.domains.senkyo import oracle as senkyo
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from conformance_reference.rules import stay_of
from conformance_reference.senkyo.elections import senkyo as reference_senkyo

PERSON = {"氏名": "見本　太郎", "氏名_フリガナ": "ミホン　タロウ", "生年月日": "1980-04-01", "性別": "1",
          "住民種別": "1", "住民状態": "1", "住所_都道府県": "静岡県", "住所_市区町村": "見本町",
          "住所_町字": "本町", "住所_番地号表記": "1番地"}


class Call:
    method = "POST"

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body

    def param(self, name: str) -> str | None:
        return None

    def json_object(self) -> dict[str, Any]:
        return self._body


def post(driver: DriverService, path: str, body: dict[str, Any]) -> dict[str, Any]:
    status, answer = driver.handle(Call(body), tuple(path.split("/")))
    assert status == 200, answer
    return answer


def test_a_head_change_after_registration_keeps_the_voter_on_the_register() -> None:
    # 転入 on 2024-06-01, 転入届 on 2024-06-05: three months recorded on 2024-09-05, registered as of 2024-12-01
    # (第22条第1項). A 世帯主変更 notified on 2025-01-10 writes a row whose 届出年月日 is that day; the 住民票 was
    # made on 2024-06-05 all the same, so the voter stays on the 名簿.
    driver = DriverService(Store(), today=lambda: date(2025, 2, 1))
    moved = post(driver, "moves/in", {"区分": "国内転入", "異動日": "2024-06-01", "届出年月日": "2024-06-05",
                                      "persons": [{**PERSON, "続柄": "世帯主", "住民票コード": "12345678903"},
                                                  {**PERSON, "氏名": "見本　花子", "氏名_フリガナ": "ミホン　ハナコ",
                                                   "性別": "2", "続柄": "妻", "住民票コード": "23456789014"}]})
    head, wife = moved["persons"]
    post(driver, "households/head", {"世帯番号": head["世帯番号"], "宛名番号": wife["宛名番号"],
                                     "世帯員": [head["宛名番号"]], "続柄": ["夫"],
                                     "異動日": "2025-01-10", "届出年月日": "2025-01-10"})
    history = driver.store.history(head["宛名番号"])
    latest = history[-1]
    assert (latest["異動事由区分"], latest["届出年月日"]) == ("世帯主変更", "2025-01-10")
    answer = reference_senkyo(latest, stay_of(latest), date(2025, 1, 20), frozenset(), {}, history)
    assert (answer["登録"], answer["登録基準日"], answer["被登録資格"]) == (True, "2024-12-01", True)
    # The judge's oracle reads 第21条第1項 the same way: recorded from the 転入届's day, not a later 異動's.
    person = senkyo.Person(date(1980, 4, 1), True, date(2024, 6, 1), date(2024, 6, 5))
    assert senkyo.registration_day(person, date(2025, 1, 20)) == date(2024, 12, 1)
    assert senkyo.is_registered(person, date(2025, 1, 20))
