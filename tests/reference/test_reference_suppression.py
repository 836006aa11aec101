"""The reference's 3.1 抑止 (conformance_reference/jumin/suppression.py) through the driver, in process: a 世帯's 抑止
reaches its members, an アラート is done once confirmed, a release ends the 抑止, a passed 終了日 does not."""

from __future__ import annotations

from typing import Any

from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.http import RequestsHttpClient
from tests.inprocess import in_process_reference

BASE = "/driver/v1"
MOVE = {"住所": {"住所_方書": "見本アパート９号"}, "異動日": "2024-06-01", "届出年月日": "2024-06-03",
        "処理日": "2024-06-10"}


def person(http: RequestsHttpClient) -> tuple[str, str]:
    answer = http.request("post", f"{BASE}/fixtures/persons", json={"persons": [
        {**DEFAULT_ITEMS, "氏名": "抑止　三郎", "続柄": "世帯主"}]}).json()
    return answer["persons"][0]["宛名番号"], answer["persons"][0]["世帯番号"]


def suppress(http: RequestsHttpClient, **params: Any) -> str:
    answer = http.request("post", f"{BASE}/suppressions", json={"開始日": "2024-04-01", "終了日": "2099-03-31",
                                                                 **params})
    assert answer.status == 200
    return str(answer.json()["抑止番号"])


def test_a_household_suppression_refuses_its_members_until_released() -> None:
    with in_process_reference(rows=()) as http:
        atena, household = person(http)
        number = suppress(http, 対象="世帯", 世帯番号=household, 処理="異動入力", レベル="エラー")
        refused = http.request("post", f"{BASE}/moves/within", json={"宛名番号": [atena], **MOVE})
        assert (refused.status, refused.json()["code"]) == (422, "E040")
        assert http.request("get", f"{BASE}/persons/{atena}").status == 200  # 照会 is not suppressed
        assert http.request("post", f"{BASE}/suppressions/release", json={"抑止番号": number}).status == 200
        assert http.request("post", f"{BASE}/moves/within", json={"宛名番号": [atena], **MOVE}).status == 200


def test_an_alert_is_done_once_confirmed() -> None:
    with in_process_reference(rows=()) as http:
        atena, _ = person(http)
        suppress(http, 対象="個人", 宛名番号=atena, 処理="異動入力", レベル="アラート")
        alerted = http.request("post", f"{BASE}/moves/within", json={"宛名番号": [atena], **MOVE})
        assert (alerted.status, alerted.json()["alerts"][0]["code"]) == (409, "A040")
        done = http.request("post", f"{BASE}/moves/within", json={"宛名番号": [atena], **MOVE, "confirm": ["A040"]})
        assert done.status == 200


def test_the_defect_ends_a_suppression_on_its_end_date() -> None:
    with in_process_reference(frozenset({"yokushi_ends_on_end_date"}), rows=()) as http:
        atena, _ = person(http)
        suppress(http, 対象="個人", 宛名番号=atena, 処理="異動入力", レベル="エラー", 開始日="2020-04-01",
                 終了日="2021-03-31")
        assert http.request("post", f"{BASE}/moves/within", json={"宛名番号": [atena], **MOVE}).status == 200


def test_a_certificate_suppression_is_linked_and_marked_in_searches() -> None:
    with in_process_reference(rows=()) as http:
        atena, household = person(http)
        number = suppress(http, 対象="個人", 宛名番号=atena, 処理="証明書発行", レベル="エラー")
        search = {"条件": [{"項目": "世帯番号", "値": household}]}
        assert http.request("post", f"{BASE}/search/basic", json=search).json()["persons"][0]["抑止対象"] is True
        assert http.request("post", f"{BASE}/suppressions/release", json={"抑止番号": number}).status == 200
        assert http.request("post", f"{BASE}/search/basic", json=search).json()["persons"][0]["抑止対象"] is False
        for target in ("コンビニ交付システム", "団体内統合宛名システム"):
            sent = http.request("get", f"{BASE}/units/sent", params={"宛先": target, "宛名番号": atena}).json()
            assert [message["区分"] for message in sent["messages"]] == ["設定", "解除"]
        cs = http.request("get", f"{BASE}/cs/sent", params={"宛名番号": atena, "種別": "証明書発行抑止情報"}).json()
        assert [message["区分"] for message in cs["messages"]] == ["設定", "解除"]


def test_the_release_not_linked_defect_sends_the_setting_only() -> None:
    with in_process_reference(rows=(), defects=frozenset({"yokushi_release_not_linked"})) as http:
        atena, _ = person(http)
        number = suppress(http, 対象="個人", 宛名番号=atena, 処理="証明書発行", レベル="エラー")
        http.request("post", f"{BASE}/suppressions/release", json={"抑止番号": number})
        sent = http.request("get", f"{BASE}/units/sent", params={"宛先": "コンビニ交付システム", "宛名番号": atena})
        assert [message["区分"] for message in sent.json()["messages"]] == ["設定"]
