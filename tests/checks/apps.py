"""Small WSGI vendors serving GET /residents/{宛名番号} and GET /households/{世帯番号} under /api/v1.

* :func:`conforming_app`: 400 for a malformed number, 404 for an unknown one, documents exactly
  per the catalog's schemas;
* :func:`defective_app`: resident documents carry an extra property 内部ID and 性別 as an integer;
* :func:`crashing_app`: answers a malformed number with a 500 (a plain-text traceback).

The records are fixed and in memory; :data:`ROWS` is the test data the harness "loaded".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

BASE_PATH = "/api/v1"
NUMBER = re.compile(r"^[0-9]{10}$")

StartResponse = Callable[[str, list[tuple[str, str]]], object]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Document = dict[str, Any]

_REASONS = {200: "200 OK", 400: "400 Bad Request", 404: "404 Not Found", 500: "500 Internal Server Error"}


def resident(atena: str, household: str, **items: Any) -> Document:
    """A resident document with every property of the ``resident`` schema (null when empty)."""
    document: Document = {
        "宛名番号": atena, "世帯番号": household, "住民票コード": None, "個人番号": None,
        "住民種別": "1", "住民状態": "1", "氏名": "見本　花子", "氏名_フリガナ": "ミホン　ハナコ",
        "氏名_アルファベット": None, "通称": None, "通称_フリガナ": None, "生年月日": "1983-02-29",
        "生年月日_不詳フラグ": "0", "生年月日_不詳表記": None, "性別": "2", "続柄": "世帯主",
        "世帯主氏名": "見本　花子", "住所_都道府県": "東京都", "住所_市区町村": "千代田区",
        "住所_町字": "霞が関二丁目", "住所_番地号表記": "1番2号", "住所_方書": None, "住所_郵便番号": "1008926",
        "住民となった年月日": "1983-02-29", "住所を定めた年月日": "2001-04-01", "届出年月日": "2001-04-01",
        "異動事由": "A1", "異動日": "2001-04-01", "第30条45規定区分": None, "国籍等_国名コード": None,
        "在留資格等コード": None, "在留期間等コード_年": None, "在留期間等コード_月": None,
        "在留期間等コード_日": None, "在留期間の満了の日": None, "在留カード等番号": None,
        "上陸期間_満了日": None, "仮滞在期間_満了日": None, "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
    }
    document.update(items)
    return document


HOUSEHOLD = "0000001008"
RESIDENTS: dict[str, Document] = {
    "0000000019": resident("0000000019", HOUSEHOLD),
    "0000000027": resident(
        "0000000027", HOUSEHOLD, 氏名="見本　太郎", 氏名_フリガナ="ミホン　タロウ", 性別="1", 続柄="夫"
    ),
}
#: The records as the harness's test data rows (column header -> value, '' for empty).
ROWS: tuple[dict[str, str], ...] = tuple(
    {name: "" if value is None else str(value) for name, value in document.items()} for document in RESIDENTS.values()
)


def _defect(document: Document) -> Document:
    return {**document, "内部ID": 42, "性別": int(document["性別"])}


def _json(start_response: StartResponse, status: int, body: Any) -> list[bytes]:
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    start_response(_REASONS[status], [("Content-Type", "application/json"), ("Content-Length", str(len(raw)))])
    return [raw]


def _error(start_response: StartResponse, status: int, message: str) -> list[bytes]:
    return _json(start_response, status, {"code": str(status), "message": message})


def _lookup(
    records: Mapping[str, Any], number: str, start_response: StartResponse, *, crash: bool
) -> list[bytes]:
    if not NUMBER.fullmatch(number):
        if crash:
            start_response(_REASONS[500], [("Content-Type", "text/plain")])
            return [b"Traceback (most recent call last): ValueError"]
        return _error(start_response, 400, "malformed number")
    if number not in records:
        return _error(start_response, 404, "not found")
    return _json(start_response, 200, records[number])


def make_app(residents: Mapping[str, Document], *, crash: bool = False) -> WsgiApp:
    """A vendor over ``residents`` (its households are derived from them)."""
    households: dict[str, Document] = {}
    for document in residents.values():
        entry = households.setdefault(document["世帯番号"], {"世帯番号": document["世帯番号"], "members": []})
        entry["members"].append(document)

    def app(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        # PEP 3333: PATH_INFO is percent-decoded and latin-1 text; the URL was UTF-8.
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "replace")
        if environ["REQUEST_METHOD"] != "GET":
            return _error(start_response, 404, "no such operation")
        for prefix, records in (("/residents/", residents), ("/households/", households)):
            if path.startswith(BASE_PATH + prefix):
                number = path[len(BASE_PATH + prefix) :]
                return _lookup(records, number, start_response, crash=crash)
        return _error(start_response, 404, "no such operation")

    return app


def conforming_app() -> WsgiApp:
    return make_app(RESIDENTS)


def defective_app() -> WsgiApp:
    return make_app({number: _defect(document) for number, document in RESIDENTS.items()})


def crashing_app() -> WsgiApp:
    return make_app(RESIDENTS, crash=True)
