"""The reference's 住民票コード stock (conformance_reference/jumin/codes.py) through the driver, in process: the
空きコード the CS delivers are kept, a 出生 and a 住民票コードの変更請求 without a code draw one that leaves the stock,
and the 下限 raises the アラート A041; the defects each break one of these."""

from __future__ import annotations

from typing import Any

from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.http import RequestsHttpClient
from tests.inprocess import in_process_reference

BASE = "/driver/v1"
CODES = ["80000000017", "80000000025"]


def household(http: RequestsHttpClient) -> str:
    answer = http.request("post", f"{BASE}/fixtures/persons", json={"persons": [
        {**DEFAULT_ITEMS, "氏名": "見本　太郎", "続柄": "世帯主"}]}).json()
    return str(answer["persons"][0]["世帯番号"])


def birth(http: RequestsHttpClient, setai: str, **extra: Any) -> Any:
    return http.request("post", f"{BASE}/births", json={
        "世帯番号": setai, "person": {**DEFAULT_ITEMS, "氏名": "見本　次郎", "続柄": "子", "生年月日": "2024-06-01",
                                    "住民票コード": ""},
        "届出年月日": "2024-06-07", "処理日": "2024-06-10", **extra})


def stock(http: RequestsHttpClient) -> list[str]:
    return [entry["住民票コード"] for entry in http.request("get", f"{BASE}/codes/stock").json()["空きコード"]]


def deliver(http: RequestsHttpClient, codes: list[str]) -> Any:
    return http.request("post", f"{BASE}/cs/receive", json={"種別": "空きコード", "空きコード": codes}).json()


def test_delivered_codes_are_kept_drawn_once_and_changed_from_the_stock() -> None:
    with in_process_reference(rows=()) as http:
        setai = household(http)
        answer = deliver(http, [*CODES, "123"])
        assert [entry["住民票コード"] for entry in answer["取込"]] == CODES
        assert answer["エラー"][0]["住民票コード"] == "123"
        assert stock(http) == CODES
        atena = birth(http, setai).json()["persons"][0]["宛名番号"]
        first = http.request("get", f"{BASE}/persons/{atena}").json()["person"]["住民票コード"]
        assert first in CODES and stock(http) == [code for code in CODES if code != first]
        changed = http.request("post", f"{BASE}/ex-officio/corrections", json={
            "宛名番号": atena, "区分": "住民票コードの変更請求", "items": {}, "異動日": "2024-07-01",
            "処理日": "2024-07-01"})
        assert changed.status == 200
        second = http.request("get", f"{BASE}/persons/{atena}").json()["person"]["住民票コード"]
        assert {first, second} == set(CODES) and stock(http) == []


def test_the_threshold_alerts_until_confirmed() -> None:
    with in_process_reference(rows=()) as http:
        setai = household(http)
        deliver(http, CODES)
        assert http.request("post", f"{BASE}/codes/threshold", json={"下限": "2"}).status == 200
        refused = birth(http, setai)
        assert (refused.status, refused.json()["alerts"][0]["code"]) == (409, "A041")
        assert stock(http) == CODES  # nothing drawn until confirmed
        assert birth(http, setai, confirm=["A041"]).status == 200
        assert len(stock(http)) == 1


def test_the_defects_break_the_stock() -> None:
    with in_process_reference(rows=(), defects=frozenset({"codes_delivery_last_only"})) as http:
        deliver(http, CODES)
        assert stock(http) == CODES[-1:]
    with in_process_reference(rows=(), defects=frozenset({"codes_drawn_kept"})) as http:
        setai = household(http)
        deliver(http, CODES)
        assert birth(http, setai).status == 200 and stock(http) == CODES
    with in_process_reference(rows=(), defects=frozenset({"codes_threshold_ignored"})) as http:
        setai = household(http)
        deliver(http, CODES)
        http.request("post", f"{BASE}/codes/threshold", json={"下限": "2"})
        assert birth(http, setai).status == 200
    with in_process_reference(rows=(), defects=frozenset({"codes_not_assigned"})) as http:
        setai = household(http)
        deliver(http, CODES)
        atena = birth(http, setai).json()["persons"][0]["宛名番号"]
        assert http.request("get", f"{BASE}/persons/{atena}").json()["person"].get("住民票コード", "") == ""
