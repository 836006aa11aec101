"""The WSGI application called directly: date printing, ordering, and no 500 for any input."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance.testdata.town import default_town, jumin_edition
from conformance_reference.app import (
    ReferenceApp,
    household_order,
    json_value,
    parse_instant,
    seireki,
    split_date,
    wareki,
)
from conformance_reference.jumin.storage import Store

ROWS = default_town()
ITEMS = {item.name: item for item in jumin_edition().data_items}
STATUSES = {200, 201, 400, 403, 404, 405, 413}


@pytest.mark.parametrize(
    ("iso", "printed"),
    [
        ("2019-04-30", "平成31年4月30日"), ("2019-05-01", "令和元年5月1日"), ("2020-01-07", "令和2年1月7日"),
        ("1989-01-07", "昭和64年1月7日"), ("1989-01-08", "平成元年1月8日"), ("2003-01-07", "平成15年1月7日"),
        ("1926-12-24", "大正15年12月24日"), ("1926-12-25", "昭和元年12月25日"), ("1912-07-29", "明治45年7月29日"),
        ("1912-07-30", "大正元年7月30日"), ("1868-01-25", "明治元年1月25日"), ("1983-02-29", "昭和58年2月29日"),
        ("2019-02-29", "平成31年2月29日"),
    ],
)
def test_wareki(iso: str, printed: str) -> None:
    assert wareki(iso) == printed


@pytest.mark.parametrize("text", ["1868-01-24", "", "昭和30年頃", "1983/02/28", "1983-13-01", "1983-02-32"])
def test_wareki_leaves_what_it_cannot_convert(text: str) -> None:
    assert wareki(text) == text


def test_seireki() -> None:
    assert seireki("1983-02-28") == "1983年2月28日"
    assert seireki("1983-02-29") == "1983年2月29日"
    assert seireki("年月日不詳") == "年月日不詳"


def test_split_date_accepts_non_calendar_dates_only_in_shape() -> None:
    assert split_date("1983-02-29") == (1983, 2, 29)
    assert split_date("１９８３-02-28") is None
    assert split_date("1983-02-28\n") is None


def test_household_order_key() -> None:
    head = {"続柄": "世帯主", "生年月日": "1990-01-01", "宛名番号": "3"}
    wife = {"続柄": "妻（未届）", "生年月日": "1980-01-01", "宛名番号": "2"}
    child = {"続柄": "子", "生年月日": "2010-01-01", "宛名番号": "1"}
    unknown = {"続柄": "同居人", "生年月日": "", "生年月日_不詳フラグ": "1", "宛名番号": "0"}
    mother = {"続柄": "母", "生年月日": "1950-01-01", "宛名番号": "9"}
    assert sorted([unknown, child, mother, wife, head], key=household_order) == [head, wife, child, mother, unknown]


@pytest.mark.parametrize(
    ("text", "stamp"),
    [("2020-09-01T00:00:00Z", "2020-09-01T00:00:00.000000Z"),
     ("2020-09-01t09:00:00+09:00", "2020-09-01T00:00:00.000000Z"),
     ("2020-09-01T00:00:00.5", "2020-09-01T00:00:00.500000Z")],
)
def test_parse_instant(text: str, stamp: str) -> None:
    assert parse_instant(text) == stamp


def test_json_value_follows_the_representation_rule() -> None:
    assert json_value(ITEMS["履歴番号"], "3") == 3
    assert json_value(ITEMS["住所_方書"], "") is None
    assert json_value(ITEMS["性別"], "") == ""  # required: never null
    assert json_value(ITEMS["性別"], "1") == "1"


# -- any input: a JSON answer, never a 500 ------------------------------------------------------------


@pytest.fixture(scope="module")
def app() -> Iterator[ReferenceApp]:
    store = Store()
    store.load(ROWS[:60])
    yield ReferenceApp(store)
    store.close()


def call(app: ReferenceApp, method: str, path: str, query: str = "", body: bytes = b"",
         content_type: str | None = "application/json", length: str | None = None) -> tuple[int, dict[str, str], bytes]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update({
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)) if length is None else length, "wsgi.input": io.BytesIO(body),
    })
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)
        return lambda data: None

    data = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], data


def assert_sane(app: ReferenceApp, status: int, headers: dict[str, str], data: bytes) -> None:
    assert status in STATUSES
    assert headers["Content-Length"] == str(len(data))
    if headers["Content-Type"].startswith("text/csv"):
        assert status == 200
    else:
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        document = json.loads(data)
        if status >= 400:
            assert set(document) == {"code", "message"}
    assert app.internal_errors == []


def latin1(text: str) -> str:
    """How a WSGI server hands over a path or query: the UTF-8 bytes as latin-1 text."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


SEGMENTS = st.sampled_from(["residents", "households", "history", "corrections", "certificates", "inspection-list",
                            "exports", "residents.csv", "admin", "migration", "1000000015", ROWS[0]["世帯番号"], ""])
PATHS = st.one_of(
    st.lists(st.one_of(SEGMENTS, st.text(max_size=12)), max_size=4).map(lambda parts: "/api/v1/" + "/".join(parts)),
    st.text(max_size=30).map(lambda text: "/" + text),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)
BODIES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.dictionaries(st.sampled_from(["宛名番号", "世帯全員", "項目", "値", "異動日", "氏名", "性別", "住民種別"]),
                    JSON_VALUES, max_size=5).map(lambda value: json.dumps(value, ensure_ascii=False).encode()),
)


@settings(max_examples=budget(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "BREW"]), path=PATHS,
       query=st.text(max_size=40), body=BODIES,
       content_type=st.sampled_from([None, "application/json", "text/csv", "application/json; charset=utf-8", "x"]))
def test_garbage_gets_a_json_answer(app: ReferenceApp, method: str, path: str, query: str, body: bytes,
                                    content_type: str | None) -> None:
    if path.startswith("/api/v1/admin"):
        path = "/api/v1/adminx"  # a valid migration body would replace the data the other examples use
    status, headers, data = call(app, method, latin1(path), latin1(query), body, content_type)
    assert_sane(app, status, headers, data)


@settings(max_examples=budget(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["氏名", "氏名_フリガナ", "氏名_アルファベット", "生年月日", "性別", "住民種別",
                                        "住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "異動日"]),
                       st.one_of(st.none(), st.text(max_size=60), st.sampled_from(["1", "2", "1990-01-01"])),
                       max_size=11))
def test_any_move_in_body_is_201_or_400(app: ReferenceApp, body: dict[str, Any]) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    status, headers, answer = call(app, "POST", "/api/v1/residents", body=data)
    assert status in (201, 400)
    assert_sane(app, status, headers, answer)


@pytest.mark.parametrize("query", ["changed_since=%ff", "%E3%81", "limit=" + "9" * 5000, "&".join(["a=1"] * 200),
                                   "changed_since=9999-99-99T99:99:99Z", "町字=%00"])
def test_odd_query_strings(app: ReferenceApp, query: str) -> None:
    for path in ("/api/v1/residents", "/api/v1/inspection-list"):
        status, headers, data = call(app, "GET", path, query)
        assert status == 400
        assert_sane(app, status, headers, data)


@pytest.mark.parametrize("length", ["abc", "-1", "1e3", str(2**70)])
def test_odd_content_lengths(app: ReferenceApp, length: str) -> None:
    status, headers, data = call(app, "POST", "/api/v1/certificates", body=b"{}", length=length)
    assert status in (400, 413)
    assert_sane(app, status, headers, data)


def test_a_path_that_is_not_utf8_is_400(app: ReferenceApp) -> None:
    status, headers, data = call(app, "GET", "/api/v1/residents/\xff")
    assert status == 400
    assert_sane(app, status, headers, data)


def test_a_body_shorter_than_declared_is_400(app: ReferenceApp) -> None:
    status, _, data = call(app, "POST", "/api/v1/certificates", body=b"{}", length="10")
    assert status == 400 and b"ended after" in data
