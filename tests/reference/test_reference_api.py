"""The reference vendor through a started server: every operation's answers and errors."""

from __future__ import annotations

import csv
import http.client
import io
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from conformance.catalog.models import FileInterface
from conformance.embedded import start_reference
from conformance.oracles.identifiers import is_valid_m11w2_7, m11w2_7_check_digit
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import default_town, jumin_edition, town_headers
from conformance_reference import app as app_module
from conformance_reference.app import MAX_BODY_BYTES
from conformance_reference.jumin.storage import utc_stamp
from conformance_reference.server import RunningReference

Row = Mapping[str, str]
ROWS = default_town()
SCHEMAS = {schema.id: schema for schema in jumin_edition().schemas}
ITEMS = {item.name: item for item in jumin_edition().data_items}
ERAS = (("令和", (2019, 5, 1)), ("平成", (1989, 1, 8)), ("昭和", (1926, 12, 25)), ("大正", (1912, 7, 30)))
MISSING = object()
MOVE_IN: dict[str, Any] = {
    "氏名": "見本　一郎", "氏名_フリガナ": "ミホン　イチロウ", "生年月日": "1990-04-01", "性別": "1",
    "住民種別": "1", "住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町一丁目",
    "住所_番地号表記": "1番1号", "異動日": "2020-09-01",
}


def find(predicate: Callable[[Row], bool]) -> Row:
    return next(row for row in ROWS if predicate(row))


def current(row: Row) -> bool:
    return row["住民状態"] == "1" and row["支援措置対象フラグ"] == "0"


def expected_wareki(iso: str) -> str:
    """Written independently of the app: 和暦 from the era table of DOMAIN.md."""
    year, month, day = (int(part) for part in iso.split("-"))
    for era, start in ERAS:
        if (year, month, day) >= start:
            number = year - start[0] + 1
            return f"{era}{'元' if number == 1 else number}年{month}月{day}日"
    raise AssertionError(iso)


def document_of(row: Row, schema_id: str = "resident") -> dict[str, Any]:
    """What the JSON representation rule says the document of ``row`` is."""
    document: dict[str, Any] = {}
    for prop in SCHEMAS[schema_id].properties:
        item = ITEMS[prop.name]
        value = row[prop.name]
        if item.type == "integer":
            document[prop.name] = int(value)
        else:
            document[prop.name] = value if value or item.required else None
    return document


class Api:
    """A tiny client for a running reference."""

    def __init__(self, running: RunningReference) -> None:
        self.running = running
        self.url = running.url
        self.session = requests.Session()

    def get(self, path: str, **params: str) -> requests.Response:
        return self.session.get(self.url + path, params=params, timeout=10)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(self.url + path, json=body, timeout=10)

    def lines(self, atena: str, **extra: Any) -> dict[str, str]:
        response = self.post("/certificates", {"宛名番号": atena, **extra})
        assert response.status_code == 200, response.text
        person = response.json()["記載者"][0]
        return {line["項目"]: line["値"] for line in person["記載事項"]}


@pytest.fixture(scope="module")
def api() -> Iterator[Api]:
    """A server for tests that change nothing (certificates only add to the 交付履歴; rejected
    requests must change nothing, and the tests check that)."""
    with start_reference() as running:
        yield Api(running)


@pytest.fixture
def fresh() -> Iterator[Api]:
    """A server of its own, for tests that change data."""
    with start_reference() as running:
        yield Api(running)


def assert_error(response: requests.Response, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert set(body) == {"code", "message"} and all(isinstance(value, str) for value in body.values())
    if code is not None:
        assert body["code"] == code
    message: str = body["message"]
    return message


# -- start-up ---------------------------------------------------------------------------------------


def test_starts_fast_once_the_town_is_built() -> None:
    started = time.perf_counter()
    with start_reference() as running:
        elapsed = time.perf_counter() - started
        assert requests.get(running.url + "/residents", params={"limit": "1"}, timeout=10).status_code == 200
    assert elapsed < 2.0
    assert running.url.startswith("http://127.0.0.1:") and running.url.endswith("/api/v1")


# -- GET /residents/{宛名番号} --------------------------------------------------------------------


def test_resident_document_follows_the_representation_rule(api: Api) -> None:
    row = find(lambda r: current(r) and r["住民種別"] == "1" and not r["住所_方書"])
    response = api.get(f"/residents/{row['宛名番号']}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    document = response.json()
    assert list(document) == [prop.name for prop in SCHEMAS["resident"].properties]
    assert "履歴番号" not in document
    assert document == document_of(row)
    assert document["住所_方書"] is None and document["通称"] is None
    assert all(document[name] is not None for name, item in ITEMS.items() if item.required and name in document)


def test_foreign_resident_document(api: Api) -> None:
    row = find(lambda r: current(r) and r["第30条45規定区分"] == "1" and r["通称"] != "")
    assert api.get(f"/residents/{row['宛名番号']}").json() == document_of(row)


@pytest.mark.parametrize("status", ["2", "3"])
def test_moved_out_and_deceased_persons_are_returned(api: Api, status: str) -> None:
    row = find(lambda r: r["住民状態"] == status)
    document = api.get(f"/residents/{row['宛名番号']}").json()
    assert document["住民状態"] == status and document["異動事由"] == {"2": "C1", "3": "C2"}[status]


@pytest.mark.parametrize("atena", ["123", "10000000150", "abcdefghij", "１０００００００１５", "1000000015 "])
def test_a_malformed_atena_is_400(api: Api, atena: str) -> None:
    assert "宛名番号" in assert_error(api.get(f"/residents/{atena}"), 400, "INVALID_REQUEST")


def test_an_empty_atena_is_400(api: Api) -> None:
    assert_error(api.get("/residents/"), 400)


def test_an_unknown_atena_is_404(api: Api) -> None:
    assert_error(api.get("/residents/0000000000"), 404, "NOT_FOUND")


# -- GET /residents (全件・異動差分) -------------------------------------------------------------------


def test_list_pages_through_everyone_in_atena_order(api: Api) -> None:
    first = api.get("/residents").json()
    assert len(first["residents"]) == 100 and first["next_offset"] == 100
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = api.get("/residents", offset=str(offset), limit="1000").json()
        seen += [document["宛名番号"] for document in page["residents"]]
        offset = page["next_offset"]
    assert seen == [row["宛名番号"] for row in ROWS]


def test_the_last_page_has_no_next_offset(api: Api) -> None:
    page = api.get("/residents", offset=str(len(ROWS) - 2), limit="5").json()
    assert len(page["residents"]) == 2 and page["next_offset"] is None
    assert api.get("/residents", offset="999999999999").json() == {"residents": [], "next_offset": None}


@pytest.mark.parametrize(
    ("name", "value"),
    [("limit", "0"), ("limit", "1001"), ("limit", "-1"), ("limit", "x"), ("limit", "１０"), ("limit", ""),
     ("offset", "-1"), ("offset", "1.5"), ("changed_since", "yesterday"), ("changed_since", "2020-13-01T00:00:00Z"),
     ("changed_since", "2020-01-01"), ("changed_since", "2020-02-30T00:00:00Z")],
)
def test_bad_list_parameters_are_400(api: Api, name: str, value: str) -> None:
    assert name in assert_error(api.get("/residents", **{name: value}), 400)


def test_changed_since(api: Api) -> None:
    assert api.get("/residents", changed_since="2999-01-01T00:00:00Z").json() == {"residents": [], "next_offset": None}
    page = api.get("/residents", changed_since="2000-01-01T09:00:00+09:00", limit="5").json()
    assert len(page["residents"]) == 5 and page["next_offset"] == 5
    assert api.get("/residents", changed_since="2000-01-01T00:00:00", limit="1").status_code == 200


# -- GET /households/{世帯番号} ---------------------------------------------------------------------


def test_household_lists_current_members(api: Api) -> None:
    setai = find(lambda r: r["続柄"] == "子の子")["世帯番号"]
    document = api.get(f"/households/{setai}").json()
    assert document["世帯番号"] == setai
    expected = {row["宛名番号"] for row in ROWS if row["世帯番号"] == setai and row["住民状態"] == "1"}
    assert {member["宛名番号"] for member in document["members"]} == expected
    assert document["members"][0]["続柄"] == "世帯主"


def test_household_errors(api: Api) -> None:
    assert_error(api.get("/households/12345"), 400)
    assert_error(api.get("/households/0000000000"), 404)
    gone = find(lambda r: r["住民状態"] == "2" and r["続柄"] == "世帯主")
    assert_error(api.get(f"/households/{gone['世帯番号']}"), 404)


def numbered(start: int) -> Iterator[str]:
    """Valid 10-digit numbers from serial ``start`` on."""
    serial = start
    while True:
        digit = m11w2_7_check_digit(f"{serial:09d}")
        if digit is not None:
            yield f"{serial:09d}{digit}"
        serial += 1


def household_rows() -> list[dict[str, str]]:
    """One household in a scrambled order (宛名番号 order differs from the 5.2 order)."""
    template = find(lambda r: current(r) and r["住民種別"] == "1")
    numbers = numbered(300)
    people = [
        ("同居人", "1990-01-01", "0", "1"), ("子", "2001-05-05", "0", "1"), ("母", "1940-03-03", "0", "1"),
        ("縁故者", "", "0", "1"), ("子", "1998-04-04", "0", "1"), ("妻", "1970-02-02", "0", "1"),
        ("子", "1998-04-04", "0", "1"), ("世帯主", "1968-01-01", "0", "1"), ("子の妻", "1975-07-07", "0", "1"),
        ("子", "1995-01-01", "0", "2"), ("子の子", "2019-01-01", "1", "1"),
    ]
    rows = []
    for relation, birth, protected, status in people:
        unknown = "" if birth else "年月日不詳"
        rows.append(dict(template, 宛名番号=next(numbers), 世帯番号="9000000010", 続柄=relation, 生年月日=birth,
                         生年月日_不詳フラグ="1" if unknown else "0", 生年月日_不詳表記=unknown,
                         支援措置対象フラグ=protected, 住民状態=status))
    return rows


def test_household_order_follows_5_2() -> None:
    rows = household_rows()
    with start_reference(rows=tuple(rows)) as running:
        members = Api(running).get("/households/9000000010").json()["members"]
    order = [(member["続柄"], member["生年月日"]) for member in members]
    # 世帯主; 配偶者; 子 by birth (the twins by 宛名番号); then everyone else by birth, 不詳 last.
    assert order == [
        ("世帯主", "1968-01-01"), ("妻", "1970-02-02"), ("子", "1998-04-04"), ("子", "1998-04-04"),
        ("子", "2001-05-05"), ("母", "1940-03-03"), ("子の妻", "1975-07-07"), ("同居人", "1990-01-01"),
        ("子の子", "2019-01-01"), ("縁故者", None),
    ]
    twins = [member["宛名番号"] for member in members if member["生年月日"] == "1998-04-04"]
    assert twins == sorted(twins)


def test_a_household_certificate_with_a_protected_member_is_refused() -> None:
    rows = household_rows()
    head = next(row for row in rows if row["続柄"] == "世帯主")
    with start_reference(rows=tuple(rows)) as running:
        api = Api(running)
        assert api.post("/certificates", {"宛名番号": head["宛名番号"]}).status_code == 200
        assert_error(api.post("/certificates", {"宛名番号": head["宛名番号"], "世帯全員": True}), 403, "DV_PROTECTED")
        assert [entry.result for entry in running.store.issuance_log(head["宛名番号"])] == ["issued", "refused"]


# -- GET /residents/{宛名番号}/history -------------------------------------------------------------


def test_history_of_a_migrated_person(api: Api) -> None:
    row = ROWS[0]
    document = api.get(f"/residents/{row['宛名番号']}/history").json()
    assert document == {"宛名番号": row["宛名番号"], "history": [document_of(row, "history_row")]}
    assert document["history"][0]["履歴番号"] == 1


def test_history_errors(api: Api) -> None:
    assert_error(api.get("/residents/12/history"), 400)
    assert_error(api.get("/residents/0000000000/history"), 404)


# -- POST /residents (転入届) ----------------------------------------------------------------------


def test_move_in_assigns_new_valid_numbers_and_a_new_household(fresh: Api) -> None:
    response = fresh.post("/residents", MOVE_IN)
    assert response.status_code == 201, response.text
    document = response.json()
    atena, setai = document["宛名番号"], document["世帯番号"]
    assert is_valid_m11w2_7(atena) and is_valid_m11w2_7(setai)
    assert atena > ROWS[-1]["宛名番号"] and setai not in {row["世帯番号"] for row in ROWS}
    assert (document["続柄"], document["住民状態"], document["異動事由"]) == ("世帯主", "1", "A1")
    assert document["住民となった年月日"] == document["住所を定めた年月日"] == "2020-09-01"
    assert document["世帯主氏名"] == "見本　一郎" and document["住民票コード"] is None
    assert fresh.get(f"/residents/{atena}").json() == document
    assert [m["宛名番号"] for m in fresh.get(f"/households/{setai}").json()["members"]] == [atena]
    assert fresh.get(f"/residents/{atena}/history").json()["history"][0]["履歴番号"] == 1
    second = fresh.post("/residents", MOVE_IN).json()
    assert second["宛名番号"] > atena and second["世帯番号"] > setai


def test_move_in_of_a_foreign_resident_and_a_non_calendar_birth_date(fresh: Api) -> None:
    body = dict(MOVE_IN, 住民種別="2", 氏名_アルファベット="ZHANG YULIN", 氏名=None, 生年月日="1983-02-29")
    document = fresh.post("/residents", body).json()
    shown = (document["氏名"], document["氏名_アルファベット"], document["生年月日"])
    assert shown == (None, "ZHANG YULIN", "1983-02-29")
    assert document["世帯主氏名"] == "ZHANG YULIN"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"性別": MISSING}, "性別"), ({"性別": None}, "性別"), ({"性別": "3"}, "性別"), ({"性別": 1}, "性別"),
        ({"氏名": None}, "氏名"), ({"住民種別": "2", "氏名_アルファベット": None}, "氏名_アルファベット"),
        ({"内部ID": "x"}, "内部ID"), ({"生年月日": "1990/04/01"}, "生年月日"),
        ({"氏名_フリガナ": "みほん　いちろう"}, "氏名_フリガナ"), ({"住所_町字": "町" * 51}, "住所_町字"),
        ({"異動日": "2020-02-30"}, "異動日"), ({"住所_都道府県": ""}, "住所_都道府県"),
        ({"氏名": "見本\x00一郎"}, "氏名"), ({"氏名": "\ud800"}, "氏名"),
        ({"氏名_アルファベット": "zhang"}, "氏名_アルファベット"),
    ],
)
def test_move_in_rejects_bad_bodies_naming_the_field(api: Api, change: dict[str, Any], field: str) -> None:
    body = {key: value for key, value in {**MOVE_IN, **change}.items() if value is not MISSING}
    message = assert_error(api.post("/residents", body), 400)
    assert field in message
    assert api.get("/residents", limit="1", offset=str(len(ROWS))).json()["residents"] == []


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(b'{"a": 1', "application/json"), (b"[1, 2]", "application/json"), (b'"text"', "application/json"),
     (b'{"a": NaN}', "application/json"), (b'{"a": 1, "a": 2}', "application/json"), (b"\xff\xfe", "application/json"),
     (b'{"a": "x"}', "text/plain"), (b'{"a": "x"}', ""), (b"[" * 100000 + b"]" * 100000, "application/json"),
     (b'{"a": 1}', "application/json; charset=latin-1")],
)
def test_bodies_that_are_not_json_objects_are_400(api: Api, data: bytes, content_type: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    assert_error(api.session.post(api.url + "/residents", data=data, headers=headers, timeout=10), 400)
    assert api.running.app.internal_errors == []


def test_an_oversized_body_is_413_before_it_is_sent(api: Api) -> None:
    # The server refuses by the announced length, without waiting for (or reading) the body.
    parts = urlsplit(api.url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.putrequest("POST", "/api/v1/residents")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(MAX_BODY_BYTES + 1))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    connection.close()


def test_the_app_refuses_an_oversized_body_with_its_error_document(api: Api) -> None:
    # Behind another server (one that hands the app the stream at once), the app says so itself.
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/residents", "QUERY_STRING": "",
               "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(MAX_BODY_BYTES + 1),
               "SERVER_NAME": "x", "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b"")}
    statuses: list[str] = []
    body = b"".join(api.running.app(environ, lambda status, headers, *rest: statuses.append(status)))
    assert statuses[0].startswith("413") and b"PAYLOAD_TOO_LARGE" in body


# -- POST /residents/{宛名番号}/corrections -----------------------------------------------------------


def test_a_correction_appends_a_history_row(fresh: Api) -> None:
    row = find(lambda r: current(r) and not r["住所_方書"])
    atena = row["宛名番号"]
    time.sleep(0.01)
    mark = utc_stamp()
    body = {"項目": "住所_方書", "値": "見本荘１０１", "異動日": "2020-09-02"}
    response = fresh.post(f"/residents/{atena}/corrections", body)
    assert response.status_code == 201, response.text
    corrected = response.json()
    assert (corrected["履歴番号"], corrected["住所_方書"], corrected["異動事由"], corrected["異動日"]) == (
        2, "見本荘１０１", "E2", "2020-09-02")
    history = fresh.get(f"/residents/{atena}/history").json()["history"]
    assert history == [document_of(row, "history_row"), corrected]
    assert fresh.get(f"/residents/{atena}").json()["住所_方書"] == "見本荘１０１"
    changed = fresh.get("/residents", changed_since=mark).json()["residents"]
    assert [document["宛名番号"] for document in changed] == [atena]


def test_a_correction_can_empty_an_optional_item(fresh: Api) -> None:
    row = find(lambda r: current(r) and r["住所_方書"] != "")
    body = {"項目": "住所_方書", "値": "", "異動日": "2020-09-02"}
    response = fresh.post(f"/residents/{row['宛名番号']}/corrections", body)
    assert response.status_code == 201 and response.json()["住所_方書"] is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"項目": "住所_方書き", "値": "x", "異動日": "2020-09-02"}, "did you mean '住所_方書'"),
        ({"項目": "宛名番号", "値": "1000000015", "異動日": "2020-09-02"}, "cannot be corrected"),
        ({"項目": "履歴番号", "値": "5", "異動日": "2020-09-02"}, "cannot be corrected"),
        ({"項目": "性別", "値": "", "異動日": "2020-09-02"}, "must not be empty"),
        ({"項目": "性別", "値": "9", "異動日": "2020-09-02"}, "not a code"),
        ({"項目": "住所_方書", "値": "x", "異動日": "2020-9-2"}, "異動日"),
        ({"項目": "住所_方書", "値": 5, "異動日": "2020-09-02"}, "値"),
        ({"項目": "住所_方書", "異動日": "2020-09-02"}, "値"),
    ],
)
def test_bad_corrections_are_400(api: Api, body: dict[str, Any], words: str) -> None:
    atena = ROWS[0]["宛名番号"]
    assert words in assert_error(api.post(f"/residents/{atena}/corrections", body), 400)
    assert len(api.get(f"/residents/{atena}/history").json()["history"]) == 1


def test_a_correction_of_an_unknown_person_is_404(api: Api) -> None:
    body = {"項目": "住所_方書", "値": "x", "異動日": "2020-09-02"}
    assert_error(api.post("/residents/0000000000/corrections", body), 404)
    assert_error(api.post("/residents/000/corrections", body), 400)


# -- POST /certificates -----------------------------------------------------------------------------


def test_certificate_of_a_japanese_resident(api: Api) -> None:
    row = find(lambda r: current(r) and r["住民種別"] == "1" and r["住所_方書"] != "")
    response = api.post("/certificates", {"宛名番号": row["宛名番号"]})
    document = response.json()
    assert set(document) == {"帳票ID", "発行番号", "記載者", "認証文"}
    assert document["帳票ID"] == "0010001" and document["認証文"]
    assert [person["宛名番号"] for person in document["記載者"]] == [row["宛名番号"]]
    lines = api.lines(row["宛名番号"])
    assert lines == {
        "氏名": row["氏名"],
        "生年月日": expected_wareki(row["生年月日"]),
        "性別": {"1": "男", "2": "女"}[row["性別"]],
        "続柄": row["続柄"],
        "世帯主": row["世帯主氏名"],
        "住民となった年月日": expected_wareki(row["住民となった年月日"]),
        "住所": f"静岡県見本町{row['住所_町字']}{row['住所_番地号表記']} {row['住所_方書']}",
        "住所を定めた年月日": expected_wareki(row["住所を定めた年月日"]),
    }


def test_certificate_of_a_foreign_resident_prints_seireki_for_birth_and_expiry(api: Api) -> None:
    row = find(lambda r: current(r) and r["第30条45規定区分"] == "1" and r["氏名"] != "")
    lines = api.lines(row["宛名番号"])
    year, month, day = (int(part) for part in row["生年月日"].split("-"))
    e_year, e_month, e_day = (int(part) for part in row["在留期間の満了の日"].split("-"))
    assert lines["氏名"] == f"{row['氏名_アルファベット']}\u3000{row['氏名']}"
    assert lines["生年月日"] == f"{year}年{month}月{day}日"
    assert lines["在留期間の満了の日"] == f"{e_year}年{e_month}月{e_day}日"
    assert lines["住所を定めた年月日"] == expected_wareki(row["住所を定めた年月日"])
    assert lines["国籍・地域"] == row["国籍等_国名コード"]
    assert lines["第30条45規定区分"] == "中長期在留者"
    assert lines["在留資格"] == row["在留資格等コード"]
    assert lines["在留カード等番号"] == row["在留カード等番号"]


def test_certificate_prints_the_tsusho(api: Api) -> None:
    row = find(lambda r: current(r) and r["通称"] != "" and r["第30条45規定区分"] == "2")
    lines = api.lines(row["宛名番号"])
    assert lines["通称"] == row["通称"] and lines["第30条45規定区分"] == "特別永住者"
    assert "在留資格" not in lines and "在留期間の満了の日" not in lines


@pytest.mark.parametrize(
    ("birth", "printed"),
    [("1983-02-29", "昭和58年2月29日"), ("1912-07-30", "大正元年7月30日"), ("1912-07-29", "明治45年7月29日"),
     ("1926-12-25", "昭和元年12月25日")],
)
def test_certificate_birth_dates_at_the_edges(api: Api, birth: str, printed: str) -> None:
    row = find(lambda r: r["生年月日"] == birth and r["住民種別"] == "1")
    assert api.lines(row["宛名番号"])["生年月日"] == printed


def test_certificate_of_an_unknown_birth_date_prints_its_notation(api: Api) -> None:
    row = find(lambda r: r["生年月日_不詳フラグ"] == "1" and r["支援措置対象フラグ"] == "0")
    assert api.lines(row["宛名番号"])["生年月日"] == row["生年月日_不詳表記"]


def test_household_certificate_lists_members_in_5_2_order(api: Api) -> None:
    member = find(lambda r: current(r) and r["続柄"] == "子の子")
    response = api.post("/certificates", {"宛名番号": member["宛名番号"], "世帯全員": True})
    people = response.json()["記載者"]
    household = api.get(f"/households/{member['世帯番号']}").json()["members"]
    assert [person["宛名番号"] for person in people] == [doc["宛名番号"] for doc in household]
    assert len(people) > 2


def test_certificate_numbers_and_the_issue_log(api: Api) -> None:
    row = find(current)
    first = api.post("/certificates", {"宛名番号": row["宛名番号"], "世帯全員": None}).json()["発行番号"]
    second = api.post("/certificates", {"宛名番号": row["宛名番号"], "世帯全員": False}).json()["発行番号"]
    assert int(second) == int(first) + 1
    log = api.running.store.issuance_log(row["宛名番号"])
    assert [entry.result for entry in log[-2:]] == ["issued", "issued"]
    assert [entry.number for entry in log[-2:]] == [int(first), int(second)]


def test_a_certificate_for_a_dv_protected_person_is_refused_and_logged(api: Api) -> None:
    row = find(lambda r: r["支援措置対象フラグ"] == "1")
    assert "支援措置" in assert_error(api.post("/certificates", {"宛名番号": row["宛名番号"]}), 403, "DV_PROTECTED")
    assert api.running.store.issuance_log(row["宛名番号"])[-1].result == "refused"


@pytest.mark.parametrize(
    "body",
    [{}, {"宛名番号": 1000000015}, {"宛名番号": "1000000015", "世帯全員": "yes"}, {"宛名番号": "12"},
     {"宛名番号": "1000000015", "extra": 1}, {"宛名番号": None}, {"宛名番号": "10000000151"}],
)
def test_bad_certificate_requests_are_400(api: Api, body: dict[str, Any]) -> None:
    assert_error(api.post("/certificates", body), 400)


def test_a_certificate_for_an_unknown_person_is_404(api: Api) -> None:
    assert_error(api.post("/certificates", {"宛名番号": "0000000000"}), 404)


# -- GET /inspection-list -----------------------------------------------------------------------------


def test_the_inspection_list_leaves_out_protected_persons(api: Api) -> None:
    town = find(lambda r: r["支援措置対象フラグ"] == "1")["住所_町字"]
    entries = api.get("/inspection-list", 町字=town).json()["entries"]
    expected = [document_of(row, "inspection_entry") for row in ROWS if row["住所_町字"] == town and current(row)]
    assert entries == expected
    protected = [row for row in ROWS if row["住所_町字"] == town and row["支援措置対象フラグ"] == "1"]
    assert protected and len(entries) > 20


def test_the_inspection_list_has_only_current_residents(api: Api) -> None:
    gone = find(lambda r: r["住民状態"] != "1")
    entries = api.get("/inspection-list", 町字=gone["住所_町字"]).json()["entries"]
    keys = {(e["氏名"], e["生年月日"], e["住所_番地号表記"]) for e in entries}
    assert (gone["氏名"] or None, gone["生年月日"] or None, gone["住所_番地号表記"]) not in keys


@pytest.mark.parametrize("params", [{}, {"町字": ""}, {"町字": "町" * 51}])
def test_the_inspection_list_needs_a_town(api: Api, params: dict[str, str]) -> None:
    assert "町字" in assert_error(api.get("/inspection-list", **params), 400)


def test_an_unknown_town_has_an_empty_list(api: Api) -> None:
    assert api.get("/inspection-list", 町字="存在しない町").json() == {"entries": []}


# -- GET /exports/residents.csv -----------------------------------------------------------------------


def test_the_export_is_every_person_in_the_migration_format(api: Api) -> None:
    response = api.get("/exports/residents.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(",".join(town_headers()).encode("utf-8") + b"\r\n")
    assert parse_migration(response.content, "export") == ROWS


def test_the_households_export_has_one_row_per_household_of_the_residents_export(api: Api) -> None:
    response = api.get("/exports/households.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    layout = next(i for i in jumin_edition().interfaces if isinstance(i, FileInterface) and i.id == "households_csv")
    headers = [column.header for column in layout.columns]
    assert response.content.startswith(",".join(headers).encode("utf-8") + b"\r\n")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["世帯番号"] for row in rows] == sorted({row["世帯番号"] for row in ROWS})
    by_number = {row["世帯番号"]: row for row in rows}
    head = next(row for row in ROWS if row["続柄"] == "世帯主" and row["住民状態"] == "1")
    assert {h: by_number[head["世帯番号"]][h] for h in headers} == {h: head[h] for h in headers}


# -- routing and admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/nothing", "/residents/1000000015/unknown", "/exports/other.csv", ""])
def test_unknown_paths_are_404_json(api: Api, path: str) -> None:
    assert_error(api.get(path), 404, "NOT_FOUND")


def test_paths_outside_the_api_are_404(api: Api) -> None:
    base = api.url.removesuffix("/api/v1")
    assert_error(requests.get(base + "/", timeout=10), 404)
    assert_error(requests.get(base + "/api/v10/residents", timeout=10), 404)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("DELETE", "/residents/1000000015", "GET"), ("PUT", "/residents", "GET, POST"),
     ("GET", "/certificates", "POST"), ("POST", "/exports/residents.csv", "GET")],
)
def test_wrong_methods_are_405(api: Api, method: str, path: str, allowed: str) -> None:
    response = api.session.request(method, api.url + path, timeout=10)
    assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert response.headers["Allow"] == allowed


def test_admin_migration_replaces_the_data(fresh: Api) -> None:
    header = ",".join(town_headers())
    body = (header + "\r\n" + "".join(",".join(row.values()) + "\r\n" for row in ROWS[:5])).encode("utf-8")
    response = fresh.session.post(fresh.url + "/admin/migration", data=body,
                                  headers={"Content-Type": "text/csv; charset=utf-8"}, timeout=10)
    assert response.status_code == 200 and response.json() == {"loaded": 5}
    page = fresh.get("/residents", limit="1000").json()
    assert [doc["宛名番号"] for doc in page["residents"]] == [row["宛名番号"] for row in ROWS[:5]]


def test_the_same_migration_again_is_loaded_anew_from_its_kept_rows(fresh: Api) -> None:
    """A run loads the same town for each edition: the second load copies the store the first one kept
    (``app._migration_store``) and still replaces what was changed and stamps every row now."""
    header = ",".join(town_headers())
    body = (header + "\r\n" + "".join(",".join(row.values()) + "\r\n" for row in ROWS[:3])).encode("utf-8")

    def load() -> None:
        response = fresh.session.post(fresh.url + "/admin/migration", data=body, timeout=10)
        assert response.status_code == 200 and response.json() == {"loaded": 3}

    load()
    atena = ROWS[0]["宛名番号"]
    corrected = fresh.post(f"/residents/{atena}/corrections",
                           {"項目": "住所_方書", "値": "見本荘１０１", "異動日": "2020-09-02"})
    assert corrected.status_code == 201, corrected.text
    time.sleep(0.01)
    mark = utc_stamp()
    kept = app_module._migration_store.cache_info().hits
    load()
    assert app_module._migration_store.cache_info().hits == kept + 1
    assert [row["履歴番号"] for row in fresh.get(f"/residents/{atena}/history").json()["history"]] == [1]
    assert fresh.get(f"/residents/{atena}").json() == document_of(ROWS[0], "resident")
    changed = fresh.get("/residents", changed_since=mark).json()["residents"]
    assert [document["宛名番号"] for document in changed] == [row["宛名番号"] for row in ROWS[:3]]


@pytest.mark.parametrize(("data", "words"), [(b"a,b\r\n", "wrong header"), (b"\xff", "not UTF-8"), (b"", "empty")])
def test_a_bad_migration_is_400_and_keeps_the_data(fresh: Api, data: bytes, words: str) -> None:
    response = fresh.session.post(fresh.url + "/admin/migration", data=data, timeout=10)
    assert words in assert_error(response, 400)
    assert fresh.get(f"/residents/{ROWS[0]['宛名番号']}").status_code == 200
