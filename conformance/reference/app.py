"""The reference vendor's HTTP API: a WSGI application (stdlib only) serving the catalog's operations.

Base path ``/api/v1``. The operations, paths, status codes and documents are the catalog's
(``interfaces.yaml``, ``schemas.yaml``), plus ``POST /api/v1/admin/migration`` (not in the catalog)
that replaces all data with a migration CSV, ``GET /api/v1/exports/residents.dat``, the
catalog's fixed-length layout ``residents_fixed`` in CP932 (a file layout, not an API operation
of the catalog: :mod:`conformance.reference.fixed_export`), and ``GET /api/v1/exports/households.csv``,
the layout ``households_csv``: one row per 世帯番号 of the residents export.

JSON representation (the same rule as :mod:`conformance.catalog.openapi`): every property of a schema
is present; data item values are strings except ``integer`` items (履歴番号); the empty value of a
data item that is not ``required`` is ``null``, and a required item is never ``null``.

Robustness: any input gets a JSON answer; nothing raises out of the application, so the server
never answers 500 or prints a traceback. Unexpected exceptions become 400 and are kept in
:attr:`ReferenceApp.internal_errors` for tests to inspect.
"""

from __future__ import annotations

import csv
import io
import json
import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import StartResponse, WSGIEnvironment

from conformance import clock
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import ApiInterface, DataItem, FileInterface, Level, Parameter, Schema, SchemaProperty
from conformance.errors import SpecError
from conformance.messages import did_you_mean
from conformance.oracles.identifiers import m11w2_7_check_digit
from conformance.reference import elections, fixed_export, pension, rules, tax_rules
from conformance.reference.driver import DriverService, per_person_view
from conformance.reference.forms import FormService, seireki, split_date, wareki
from conformance.reference.jutogai import JutogaiService
from conformance.reference.storage import Row, Store, utc_stamp
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import jumin_edition, residents_layout

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 64 * 1024 * 1024
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
JSON_TYPE = "application/json; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"
JUTOGAI_JSON = "application/json;charset=UTF-8"  # レスポンス_API仕様's Content-Type
#: The catalog layout of the households export (a file layout, not an API operation).
HOUSEHOLDS_LAYOUT = "households_csv"
#: 帳票ID of 住民票の写し (DOMAIN.md: the only real 帳票ID seen in public copies).
CERTIFICATE_FORM_ID = "0010001"
# The 認証文 of chapter 4 (様式) is not in our source text: this is a neutral sentence of our own,
# not the official wording.
#: The export_unknown_municipality defect's code: 22998 with its check digit, no municipality's.
UNKNOWN_MUNICIPALITY = "229989"
CERTIFICATION_TEXT = "この証明書は、見本町の住民基本台帳の記録に基づき、参照実装が作成したものです。"
#: Items a correction may not change: they identify the record.
KEY_ITEMS = frozenset({"宛名番号", "履歴番号"})
#: Kept unexpected exceptions (the newest), for tests.
MAX_INTERNAL_ERRORS = 100

# Value shapes, the same as the generated OpenAPI document's (`[0-9]`, never `\d`: full-width digits).
_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_CHAR_CLASSES: dict[str, re.Pattern[str]] = {
    "digits": re.compile(r"[0-9]*"),
    "katakana": re.compile("[\u30a1-\u30f6\u30fc\u3000]*"),
    "alphabet": re.compile(r"[A-Z ,.\-']*"),
    # 戸籍 characters (DOMAIN.md: a 通称 has no alphabet or symbols): kanji, kana, 々, ー, U+3000.
    "koseki_text": re.compile("[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u3000\u3400-\u4dbf\u4e00-\u9fff"
                              "\uf900-\ufaff\U00020000-\U0003134f]*"),
}
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})?"
)
_NUMBER = re.compile(r"[0-9]{1,12}")
_ATENA = re.compile(r"[0-9]{10}")
_SPOUSES = frozenset({"妻", "夫", "妻（未届）", "夫（未届）"})


# -- replies and errors ---------------------------------------------------------------------------


class ApiError(Exception):
    """An answer other than success: the status, an error code and a message for the caller."""

    def __init__(self, status: int, code: str, message: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def bad_request(message: str) -> ApiError:
    """A 400 with the generic code."""
    return ApiError(400, "INVALID_REQUEST", message)


def not_found(message: str) -> ApiError:
    """A 404."""
    return ApiError(404, "NOT_FOUND", message)


@dataclass(frozen=True)
class Reply:
    """A whole response: status, body bytes, media type, extra headers."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = ()


def json_reply(status: int, document: Any) -> Reply:
    """A JSON document (UTF-8, not ASCII-escaped)."""
    return Reply(status, json.dumps(document, ensure_ascii=False).encode("utf-8", "replace"))


def error_reply(error: ApiError) -> Reply:
    """The error document ``{"code", "message"}``."""
    return Reply(error.status, json_reply(error.status, {"code": error.code, "message": error.message}).body,
                 headers=error.headers)


# -- requests -------------------------------------------------------------------------------------


def _utf8(text: str, what: str) -> str:
    """WSGI hands over path and query as latin-1 text; the client sent UTF-8 bytes."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise bad_request(f"the {what} is not valid UTF-8") from None


@dataclass
class Request:
    """What a handler sees of a request."""

    method: str
    segments: tuple[str, ...]
    query: dict[str, list[str]]
    environ: WSGIEnvironment

    @classmethod
    def parse(cls, environ: WSGIEnvironment) -> Request | None:
        """The request, or None when the path is not below the API's base path."""
        path = _utf8(str(environ.get("PATH_INFO", "")), "path")
        if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
            return None
        segments = tuple(path[len(API_PREFIX):].split("/")[1:])
        raw_query = _utf8(str(environ.get("QUERY_STRING", "")), "query string")
        try:
            query = parse_qs(raw_query, keep_blank_values=True, errors="strict", max_num_fields=100)
        except (ValueError, UnicodeError):
            raise bad_request("the query string is not valid (bad encoding or too many fields)") from None
        return cls(str(environ.get("REQUEST_METHOD", "GET")).upper(), segments, query, environ)

    def param(self, name: str) -> str | None:
        """The first value of a query parameter, or None when absent."""
        values = self.query.get(name)
        return values[0] if values else None

    def body(self) -> bytes:
        """The request body, at most :data:`MAX_BODY_BYTES` (413 beyond)."""
        declared = str(self.environ.get("CONTENT_LENGTH", "") or "0").strip()
        if not _NUMBER.fullmatch(declared):
            raise bad_request("Content-Length is not a number")
        length = int(declared)
        if length > MAX_BODY_BYTES:
            raise ApiError(413, "PAYLOAD_TOO_LARGE", f"the body has {length} bytes; the limit is {MAX_BODY_BYTES}")
        data: bytes = self.environ["wsgi.input"].read(length) if length else b""
        if len(data) != length:
            raise bad_request(f"the body ended after {len(data)} of {length} bytes")
        return data

    def json_object_or_value_error(self) -> dict[str, Any]:
        """:meth:`json_object`, its refusals as ``ValueError`` (for APIs with their own error bodies)."""
        try:
            return self.json_object()
        except ApiError as error:
            raise ValueError(error.message) from None

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object (Content-Type application/json, UTF-8)."""
        media_type, _, parameters = str(self.environ.get("CONTENT_TYPE", "")).partition(";")
        media_type = media_type.strip().lower()
        if media_type != "application/json" and not (media_type.startswith("application/") and
                                                     media_type.endswith("+json")):
            raise bad_request(f"Content-Type must be application/json, got {media_type or 'none'!r}")
        charset = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_-]+)", parameters)
        if charset is not None and charset.group(1).lower() not in ("utf-8", "utf8"):
            raise bad_request("the JSON body must be UTF-8")
        try:
            document = json.loads(self.body().decode("utf-8"), parse_constant=_reject_constant,
                                  object_pairs_hook=_unique_keys)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise bad_request(f"the body is not valid JSON: {_clip(str(error))}") from None
        if not isinstance(document, dict):
            raise bad_request("the body must be a JSON object")
        return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise ValueError(f"duplicate key {_clip(key)!r}")
        document[key] = value
    return document


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- the catalog as the app needs it --------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """The catalog entries the app uses, indexed."""

    items: dict[str, DataItem]
    named: dict[str, DataItem]
    headers: tuple[str, ...]
    header_of: dict[str, str]
    schemas: dict[str, Schema]
    codes: dict[str, dict[str, str]]
    #: Query parameters of each operation, by path pattern (``residents/*`` for ``/residents/{宛名番号}``).
    query: dict[tuple[str, ...], tuple[Parameter, ...]]

    @classmethod
    def build(cls, edition: EditionCatalog) -> Model:
        layout = residents_layout(edition)
        operations = [entry for entry in edition.interfaces if isinstance(entry, ApiInterface)]
        return cls(
            items={item.id: item for item in edition.data_items},
            named={item.name: item for item in edition.data_items},
            headers=tuple(column.header for column in layout.columns),
            header_of={column.data_item: column.header for column in layout.columns},
            schemas={schema.id: schema for schema in edition.schemas},
            codes={table.id: {code.code: code.label for code in table.codes if code.level is not Level.PROHIBITED}
                   for table in edition.code_tables},
            query={_pattern_of(op.path): tuple(p for p in op.parameters if p.location == "query") for op in operations},
        )

    def schema(self, schema_id: str) -> Schema:
        try:
            return self.schemas[schema_id]
        except KeyError:
            raise SpecError([f"the catalog has no schema {schema_id!r}"]) from None

    def header(self, item: DataItem) -> str:
        """The row key (CSV header) of a data item."""
        return self.header_of.get(item.id, item.name)

    def label(self, item_name: str, code: str) -> str:
        """The label of a code value (``1`` -> ``男``); the code itself when unknown."""
        item = self.named.get(item_name)
        table = self.codes.get(item.code_table or "", {}) if item is not None else {}
        return table.get(code, code)


def json_value(item: DataItem, value: str) -> Any:
    """A data item's value in JSON (the representation rule in the module docstring)."""
    if value == "":
        return "" if item.required else None
    if item.type == "integer" and value.isascii() and value.isdigit():
        return int(value)
    return value


# -- dates (split_date, wareki and seireki: conformance/reference/forms.py) ---------------------------


def household_order(row: Mapping[str, str]) -> tuple[int, bool, tuple[int, int, int], str]:
    """Sort key of 住民記録 1.0 5.2, simplified: 世帯主; 配偶者; 子; everyone else; within a rank by
    生年月日 then 宛名番号, 不詳 (or unreadable) dates last."""
    relation = row.get("続柄", "")
    rank = 0 if relation == "世帯主" else 1 if relation in _SPOUSES else 2 if relation == "子" else 3
    birth = None if row.get("生年月日_不詳フラグ") == "1" else split_date(row.get("生年月日", ""))
    return rank, birth is None, birth or (0, 0, 0), row.get("宛名番号", "")


def parse_instant(text: str) -> str:
    """An RFC 3339 date-time as a store timestamp (UTC); a time without offset is taken as UTC."""
    if not _RFC3339.fullmatch(text):
        raise bad_request("changed_since must be an RFC 3339 date-time such as 2020-09-01T00:00:00Z")
    normalized = text.upper().replace(" ", "T").replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(normalized)
    except ValueError:
        raise bad_request("changed_since is not a valid date-time") from None
    return utc_stamp(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


# -- the application ------------------------------------------------------------------------------

Handler = Callable[[Request, tuple[str, ...]], Reply]


@dataclass
class ReferenceApp:
    """The WSGI application over one :class:`Store`, with the active defects' names."""

    store: Store
    defects: frozenset[str] = frozenset()
    edition: EditionCatalog | None = None
    internal_errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        edition = self.edition or jumin_edition()
        self.model = Model.build(edition)
        self._fixed_layout = fixed_export.fixed_layout(edition)
        self._household_headers = _layout_headers(edition, HOUSEHOLDS_LAYOUT)
        # 共通機能 2.1: the 住登外者宛名番号付番 API and its OAuth2 token endpoint (conformance/reference/jutogai.py).
        self.jutogai = JutogaiService(is_resident_number=lambda number: self.store.latest(number) is not None,
                                      defects=self.defects)
        # Forms (帳票) as printed PDFs, and their data (conformance/reference/forms.py).
        self.forms = FormService(edition, self.store, self.defects, self.model.label)
        # The driver protocol (docs/driver.md; conformance/reference/driver.py) below /driver/v1.
        self.driver = DriverService(self.store, self.defects)
        self._routes: tuple[tuple[tuple[str, ...], dict[str, Handler]], ...] = (
            *self._driver_routes(),
            (("residents",), {"GET": self._list_residents, "POST": self._move_in}),
            (("residents", "*"), {"GET": self._get_resident}),
            (("residents", "*", "history"), {"GET": self._history}),
            (("residents", "*", "qualifications"), {"GET": self._qualifications}),
            (("residents", "*", "corrections"), {"POST": self._correct}),
            (("households", "*"), {"GET": self._household}),
            (("certificates",), {"POST": self._certificate}),
            (("inspection-list",), {"GET": self._inspection_list}),
            (("exports", "residents.csv"), {"GET": self._export}),
            (("exports", "residents.dat"), {"GET": self._export_fixed}),
            (("exports", "households.csv"), {"GET": self._export_households}),
            (("admin", "migration"), {"POST": self._migration}),
            (("admin", "residents"), {"POST": self._append_residents}),
            (("app_submit", "v10", "jutogaishaatenabangofuban"), {"POST": self._jutogai_fuban}),
            (("oauth2", "token"), {"POST": self._jutogai_token}),
            (("forms", "*"), {"POST": self._form}),
            (("forms", "*", "data"), {"POST": self._form}),
        )

    def _form(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        accept = "application/json" if request.segments[-1] == "data" else str(request.environ.get("HTTP_ACCEPT", ""))
        answer = self.forms.issue(arguments[0], request.json_object(), accept)
        return Reply(answer.status, answer.body, answer.content_type)

    def _drive(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        return json_reply(*self.driver.handle(request, arguments))

    def _jutogai_fuban(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        answer = self.jutogai.fuban(request.environ.get("HTTP_AUTHORIZATION"), request.json_object_or_value_error)
        return Reply(answer.status, json_reply(answer.status, answer.document).body, JUTOGAI_JSON, answer.headers)

    def _jutogai_token(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        form = parse_qs(request.body().decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=20)
        answer = self.jutogai.token(request.environ.get("HTTP_AUTHORIZATION"), form)
        return Reply(answer.status, json_reply(answer.status, answer.document).body, JUTOGAI_JSON, answer.headers)

    def _driver_routes(self) -> tuple[tuple[tuple[str, ...], dict[str, Handler]], ...]:
        """The driver protocol's paths: /driver/v1/ and one to three segments below it."""
        handlers: dict[str, Handler] = {"GET": self._drive, "POST": self._drive}
        return tuple((("driver", "v1", *("*",) * size), handlers) for size in (1, 2, 3))

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            reply = self._dispatch(environ)
        except ApiError as error:
            reply = error_reply(error)
        except Exception:  # never a 500 or a traceback, whatever the input (kept for tests)
            self.internal_errors[:] = [*self.internal_errors[-MAX_INTERNAL_ERRORS + 1:], traceback.format_exc()]
            reply = error_reply(bad_request("the request could not be processed"))
        phrase = HTTPStatus(reply.status).phrase
        headers = [("Content-Type", reply.content_type), ("Content-Length", str(len(reply.body))), *reply.headers]
        start_response(f"{reply.status} {phrase}", headers)
        return [reply.body]

    def _dispatch(self, environ: WSGIEnvironment) -> Reply:
        request = Request.parse(environ)
        if request is None:
            raise not_found("no such resource; the API is below /api/v1")
        for pattern, methods in self._routes:
            arguments = _match(pattern, request.segments)
            if arguments is None:
                continue
            handler = methods.get(request.method)
            if handler is None:
                allowed = ", ".join(methods)
                raise ApiError(405, "METHOD_NOT_ALLOWED", f"{request.method} is not allowed here; allowed: {allowed}",
                               (("Allow", allowed),))
            self._check_query(request, pattern)
            return handler(request, arguments)
        raise not_found(f"no such resource: {API_PREFIX}/{'/'.join(request.segments)}"[:300])

    # -- presentation (where defects change what is shown) -----------------------------------------

    def _present(self, row: Mapping[str, str], *, certificate: bool = False) -> Row:
        shown = dict(row)
        if "tsusho_dropped" in self.defects and not certificate:
            shown["通称"] = shown["通称_フリガナ"] = ""
        if "prohibited_zokugara" in self.defects and shown.get("続柄") == "子の子":
            shown["続柄"] = "孫"
        return shown

    def _document(self, schema_id: str, row: Mapping[str, str]) -> dict[str, Any]:
        """A document of a schema whose properties are data items, from a row."""
        document: dict[str, Any] = {}
        for prop in self.model.schema(schema_id).properties:
            item = self.model.items.get(prop.data_item or "")
            if item is not None:
                document[prop.name] = json_value(item, row.get(self.model.header(item), ""))
        return document

    def _resident(self, row: Mapping[str, str]) -> dict[str, Any]:
        document = self._document("resident", self._present(row))
        if "openapi_violation" in self.defects:
            document["内部ID"] = f"R{row.get('宛名番号', '')}"
            sex = row.get("性別", "")
            document["性別"] = int(sex) if sex.isascii() and sex.isdigit() else sex
        return document

    def _history_row(self, row: Mapping[str, str]) -> dict[str, Any]:
        return self._document("history_row", self._present(row))

    # -- reads --------------------------------------------------------------------------------------

    def _person(self, atena: str) -> Row:
        _require_number(atena, "宛名番号")
        row = self.store.latest(atena)
        if row is None:
            raise not_found(f"no resident with 宛名番号 {atena}")
        return row

    def _get_resident(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        return json_reply(200, self._resident(per_person_view(self._person(arguments[0]), self.defects)))

    def _list_residents(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        since_text = request.param("changed_since")
        since = parse_instant(since_text) if since_text is not None else None
        offset = _int_param(request, "offset", 0, 0, None)
        limit = _int_param(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        rows, more = self.store.changed_since(since, offset, limit)
        return json_reply(200, {"residents": [self._resident(row) for row in rows],
                                "next_offset": offset + len(rows) if more else None})

    def _current_household(self, setai: str) -> list[Row]:
        members = [row for row in self.store.household(setai) if row.get("住民状態") == "1"]
        return sorted(members, key=household_order)

    def _household(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        setai = arguments[0]
        _require_number(setai, "世帯番号")
        members = self._current_household(setai)
        if not members:
            raise not_found(f"no household with 世帯番号 {setai} has current members")
        shown = [per_person_view(row, self.defects) for row in members]
        return json_reply(200, {"世帯番号": setai, "members": [self._resident(row) for row in shown]})

    def _history(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        atena = arguments[0]
        self._person(atena)
        rows = [per_person_view(row, self.defects) for row in self.store.history(atena)]
        return json_reply(200, {"宛名番号": atena, "history": [self._history_row(row) for row in rows]})

    def _inspection_list(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        town = request.param("町字")
        if not town:
            raise bad_request("the query parameter 町字 is required")
        leak = "dv_inspection_leak" in self.defects
        rows = [row for row in self.store.all_latest()
                if row.get("住民状態") == "1" and row.get("住所_町字") == town
                and (leak or row.get("支援措置対象フラグ") != "1")]
        return json_reply(200, {"entries": [self._document("inspection_entry", self._present(row)) for row in rows]})

    def _export(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.model.headers)
        for index, row in enumerate(self.store.all_latest()):
            shown = self._present(row)
            if index == 0 and "export_future_date" in self.defects:
                shown = {**shown, "届出年月日": (clock.today() + timedelta(days=365)).isoformat()}
            if index == 0 and "export_unknown_municipality" in self.defects:
                shown = {**shown, "住所_市区町村コード": UNKNOWN_MUNICIPALITY}
            values = [shown.get(header, "") for header in self.model.headers]
            writer.writerow(values)
            if index == 0 and "export_duplicate_record" in self.defects:
                writer.writerow(values)
        # The cp932_export defect: CP932 bytes under a header that still says UTF-8.
        encoding = "cp932" if "cp932_export" in self.defects else "utf-8"
        return Reply(200, buffer.getvalue().encode(encoding, "replace"), CSV_TYPE)

    def _export_fixed(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """The same rows as the CSV export (and the same defects of presentation), fixed-length."""
        layout = self._fixed_layout
        if layout is None:
            raise not_found(f"the catalog has no fixed-length layout {fixed_export.LAYOUT_ID}")
        rows = (self._present(row) for row in self.store.all_latest())
        # The fixed_char_padding defect: widths counted in characters, so records with kanji run long.
        pad_characters = "fixed_char_padding" in self.defects
        body = fixed_export.fixed_records(layout, rows, pad_characters=pad_characters)
        return Reply(200, body, fixed_export.CONTENT_TYPE)

    def _export_households(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """One row per 世帯番号 of the residents export, from the same rows and presentation."""
        headers = self._household_headers
        if headers is None:
            raise not_found(f"the catalog has no file layout {HOUSEHOLDS_LAYOUT}")
        rows = household_rows(self._present(row) for row in self.store.all_latest())
        if "orphan_household" in self.defects:
            rows = rows[1:]  # residents.csv still names this household's 世帯番号
        return Reply(200, csv_body(headers, rows), CSV_TYPE)

    # -- writes -------------------------------------------------------------------------------------

    def _move_in(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """転入届: a new person in a new household (世帯主), with new numbers (1.1.13)."""
        body = self._validated(request.json_object(), "moving_in")
        row = dict.fromkeys(self.model.headers, "")
        for prop in self.model.schema("moving_in").properties:
            item = self.model.items.get(prop.data_item or "")
            if item is not None and body.get(prop.name) is not None:
                row[self.model.header(item)] = str(body[prop.name])
        moved_in = row["異動日"]
        row.update({
            "住民状態": "1", "続柄": "世帯主", "世帯主氏名": row["氏名"] or row["氏名_アルファベット"],
            "生年月日_不詳フラグ": "0", "異動事由": "A1", "住民となった年月日": moved_in,
            "住所を定めた年月日": moved_in, "届出年月日": clock.today().isoformat(),
            "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
        })
        with self.store.locked():
            row["宛名番号"] = self._new_number(self.store.next_atena_serial(), bad="bad_check_digit" in self.defects)
            row["世帯番号"] = self._new_number(self.store.next_setai_serial(), bad=False)
            stored = self.store.append(row)
        return json_reply(201, self._resident(stored))

    @staticmethod
    def _new_number(serial: int, *, bad: bool) -> str:
        text = f"{serial:09d}"
        if len(text) != 9:
            raise bad_request("no 9-digit serial number is left for a new number")
        digit = m11w2_7_check_digit(text)
        assert digit is not None  # the store skips serials whose remainder is 1
        return text + str((digit + 1) % 10 if bad else digit)

    def _correct(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """異動取消（修正）: a new history row with one item changed (4.6.0.1 R003: append, never delete)."""
        atena = arguments[0]
        _require_number(atena, "宛名番号")
        body = self._validated(request.json_object(), "correction")
        item = self._correctable(body["項目"])
        value = body["値"]
        self._check_value(item, value, "値")
        with self.store.locked():
            row = self._person(atena)
            row[self.model.header(item)] = value
            row.update({"異動事由": "E2", "異動日": body["異動日"]})
            if "history_deleted_on_correction" in self.defects:
                stored = self.store.overwrite_latest(row)
            else:
                stored = self.store.append(row)
        return json_reply(201, self._history_row(stored))

    def _correctable(self, name: str) -> DataItem:
        item = self.model.named.get(name)
        if item is None or self.model.header(item) not in self.model.headers:
            raise bad_request(f"項目: unknown data item {_clip(name)!r}{did_you_mean(name, self.model.headers)}")
        if item.name in KEY_ITEMS:
            raise bad_request(f"項目: {item.name} identifies the record and cannot be corrected")
        return item

    def _certificate(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """住民票の写し (5.1): refused for DV-protected persons (3.4 R001); every outcome is logged."""
        body = self._validated(request.json_object(), "certificate_request")
        atena = str(body["宛名番号"])
        person = self._person(atena)
        whole = body.get("世帯全員") is True and person.get("住民状態") == "1"
        people = self._current_household(person.get("世帯番号", "")) if whole else [person]
        people = people or [person]
        protected = any(row.get("支援措置対象フラグ") == "1" for row in people)
        if protected and "dv_certificate_issued" not in self.defects:
            self.store.log_issuance(atena, "refused")
            raise ApiError(403, "DV_PROTECTED",
                           "the certificate is refused: a person on it is under 支援措置 (DV protection)")
        number = self.store.log_issuance(atena, "issued")
        return json_reply(200, {
            "帳票ID": CERTIFICATE_FORM_ID,
            "発行番号": f"{number:010d}",
            "記載者": [{"宛名番号": row.get("宛名番号", ""), "記載事項": self._lines(row)} for row in people],
            "認証文": CERTIFICATION_TEXT,
        })

    def _lines(self, stored: Mapping[str, str]) -> list[dict[str, str]]:
        """The printed items of one person (5.1), dates in the style of j90."""
        row = self._present(stored, certificate=True)
        foreign = row.get("住民種別") == "2"
        lines = [
            ("氏名", _printed_name(row)),
            ("通称", row.get("通称", "") if foreign else ""),
            ("生年月日", self._birth_date(row)),
            ("性別", self.model.label("性別", row.get("性別", ""))),
            ("続柄", row.get("続柄", "")),
            ("世帯主", row.get("世帯主氏名", "")),
            ("住所", _printed_address(row)),
            ("住所を定めた年月日", wareki(row.get("住所を定めた年月日", ""))),
        ]
        if foreign:
            category = row.get("第30条45規定区分", "")
            lines += [
                ("国籍・地域", row.get("国籍等_国名コード", "")),
                ("第30条45規定区分", self.model.label("第30条45規定区分", category) if category else ""),
                ("在留資格", row.get("在留資格等コード", "")),
                ("在留期間の満了の日", seireki(row.get("在留期間の満了の日", ""))),
                ("在留カード等番号", row.get("在留カード等番号", "")),
            ]
        return [{"項目": name, "値": value} for name, value in lines if value]

    def _birth_date(self, row: Mapping[str, str]) -> str:
        if row.get("生年月日_不詳フラグ") == "1" or not row.get("生年月日"):
            return row.get("生年月日_不詳表記", "")
        birth = row.get("生年月日", "")
        if row.get("住民種別") == "2" and "foreign_birth_wareki" not in self.defects:
            return seireki(birth)  # j90: a foreign resident's birth date is in 西暦
        return wareki(birth)

    def _append_residents(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """Not in the catalog: add the persons of a migration CSV to what is loaded (new 宛名番号 only)."""
        try:
            rows = parse_migration(request.body(), "request body")
            added = self.store.add(rows)
        except SpecError as error:
            raise bad_request(_clip(str(error), 4000)) from None
        except ValueError as error:
            raise bad_request(_clip(str(error))) from None
        return json_reply(200, {"loaded": added})

    def _qualifications(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """資格 and 賦課 of one person in this municipality for a 年度 (the per-person query)."""
        row = self._person(arguments[0])
        fiscal_year = _int_param(request, "fiscal_year", -1, 1900, 2200)
        if fiscal_year < 0:
            raise bad_request("the query parameter fiscal_year is required")
        as_of_text = request.param("as_of")
        as_of = rules.parse_day(as_of_text) if as_of_text is not None else clock.today()
        if as_of is None:
            raise bad_request("as_of must be a date YYYY-MM-DD")
        stay = rules.stay_of(row)
        children = [member for member in self._current_household(row.get("世帯番号", ""))
                    if member.get("続柄") == "子"] if row.get("続柄") == "世帯主" else []
        return json_reply(200, {
            "宛名番号": arguments[0], "年度": fiscal_year,
            "個人住民税": tax_rules.kojin_juminzei(row, stay, fiscal_year, self.defects),
            "国民健康保険": rules.kokuho(row, stay, fiscal_year, self.defects),
            "介護保険": rules.kaigo(row, stay, fiscal_year, self.defects),
            "後期高齢者医療": rules.koki_korei(row, self.defects),
            "国民年金": pension.kokumin_nenkin(row, stay, fiscal_year, as_of, self.defects),
            "選挙人名簿": elections.senkyo(row, stay, as_of, self.defects),
            "児童手当": rules.jido_teate(row, children, fiscal_year, self.defects),
            "支援措置": rules.support(row, stay, as_of, self.defects),
            "除票年月日": rules.removal_date(row, self.defects),
        })

    def _migration(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """Not in the catalog: replace every record with a migration CSV (UTF-8)."""
        try:
            rows = parse_migration(request.body(), "request body")
            loaded = self.store.load(rows)
        except SpecError as error:
            raise bad_request(_clip(str(error), 4000)) from None
        except ValueError as error:
            raise bad_request(_clip(str(error))) from None
        return json_reply(200, {"loaded": loaded})

    # -- request validation (the same constraints as the generated OpenAPI document) ----------------

    def _validated(self, body: dict[str, Any], schema_id: str) -> dict[str, Any]:
        """``body`` checked against a request schema: no unknown properties, required ones present,
        every value of its type and shape, and the catalog's ``required_when`` rules."""
        properties = {prop.name: prop for prop in self.model.schema(schema_id).properties}
        for name in body:
            if name not in properties:
                raise bad_request(f"unknown property {_clip(name)!r}{did_you_mean(name, properties)}")
        for prop in properties.values():
            self._check_property(prop, body)
        self._check_conditions(properties.values(), body)
        return body

    def _check_property(self, prop: SchemaProperty, body: Mapping[str, Any]) -> None:
        item = self.model.items.get(prop.data_item or "")
        if prop.name not in body:
            if prop.required:
                raise bad_request(f"{prop.name}: missing required property")
            return
        value = body[prop.name]
        if value is None:
            if prop.required or (item is not None and item.required):
                raise bad_request(f"{prop.name}: must not be null")
            return
        if item is not None:
            self._check_value(item, value, prop.name)
        elif not _has_type(value, prop.type or "string"):
            raise bad_request(f"{prop.name}: expected {prop.type or 'string'}, got {type(value).__name__}")
        elif isinstance(value, str):
            _check_text(value, prop.name)

    def _check_value(self, item: DataItem, value: Any, where: str) -> None:
        """A data item value: type, length, code table, date shape and character class."""
        if item.type == "integer":
            if not _has_type(value, "integer"):
                raise bad_request(f"{where}: expected an integer")
            return
        if not isinstance(value, str):
            raise bad_request(f"{where}: expected a string, got {type(value).__name__}")
        _check_text(value, where)
        if value == "":
            if item.required:
                raise bad_request(f"{where}: {item.name} must not be empty")
            return
        if item.length is not None and len(value) > item.length:
            raise bad_request(f"{where}: longer than {item.length} characters")
        self._check_shape(item, value, where)

    def _check_shape(self, item: DataItem, value: str, where: str) -> None:
        if item.type == "flag" and value not in ("0", "1"):
            raise bad_request(f"{where}: a flag is '0' or '1'")
        if item.type == "code":
            codes = self.model.codes.get(item.code_table or "", {})
            if value not in codes:
                raise bad_request(f"{where}: {_clip(value)!r} is not a code of {item.name} ({', '.join(codes)})")
        strict = item.calendar == "strict"
        if item.type == "date" and (not _DATE.fullmatch(value) or (strict and not _is_calendar(value))):
            raise bad_request(f"{where}: expected a date YYYY-MM-DD")
        pattern = re.compile(item.pattern) if item.pattern else _CHAR_CLASSES.get(item.char_class or "")
        if pattern is not None and not pattern.fullmatch(value):
            raise bad_request(f"{where}: {_clip(value)!r} does not have the shape of {item.name}")

    def _check_query(self, request: Request, pattern: tuple[str, ...]) -> None:
        """Query parameters bound to data items: present when required, of the item's shape."""
        for parameter in self.model.query.get(pattern, ()):
            value = request.param(parameter.name)
            if value is None:
                if parameter.required:
                    raise bad_request(f"the query parameter {parameter.name} is required")
                continue
            item = self.model.items.get(parameter.data_item or "")
            if item is not None:
                self._check_value(item, value, parameter.name)
                if parameter.required and value == "":
                    raise bad_request(f"the query parameter {parameter.name} must not be empty")

    def _check_conditions(self, properties: Iterable[SchemaProperty], body: Mapping[str, Any]) -> None:
        """The catalog's ``required_when``: e.g. 氏名 for 住民種別 1, 氏名_アルファベット for 2."""
        for prop in properties:
            item = self.model.items.get(prop.data_item or "")
            condition = item.required_when if item is not None else None
            if condition is None or body.get(prop.name) not in (None, ""):
                continue
            if str(body.get(condition.item)) in condition.values:
                raise bad_request(f"{prop.name}: required when {condition.item} is {body.get(condition.item)}")


def _layout_headers(edition: EditionCatalog, layout_id: str) -> tuple[str, ...] | None:
    """The column headers of a file layout of the edition, if it has one."""
    for entry in edition.interfaces:
        if isinstance(entry, FileInterface) and entry.id == layout_id:
            return tuple(column.header for column in entry.columns)
    return None


def household_rows(rows: Iterable[Mapping[str, str]]) -> list[Mapping[str, str]]:
    """One row per 世帯番号, by 世帯番号: the values of its first member in 5.2 order, current
    members (住民状態 1) first, so a household whose members all left still has its last address."""
    members: dict[str, list[Mapping[str, str]]] = {}
    for row in rows:
        if row.get("世帯番号"):
            members.setdefault(row["世帯番号"], []).append(row)
    return [min(group, key=lambda row: (row.get("住民状態") != "1", household_order(row)))
            for _, group in sorted(members.items())]


def csv_body(headers: Iterable[str], rows: Iterable[Mapping[str, str]]) -> bytes:
    """A UTF-8 CSV export: the header line, then each row's values by header (CRLF, as residents.csv)."""
    columns = tuple(headers)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([row.get(header, "") for header in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _pattern_of(path: str) -> tuple[str, ...]:
    """``/residents/{宛名番号}/history`` -> ``("residents", "*", "history")``."""
    return tuple("*" if part.startswith("{") else part for part in path.split("/")[1:])


def _match(pattern: tuple[str, ...], segments: tuple[str, ...]) -> tuple[str, ...] | None:
    """The ``*`` segments of a matching path, or None."""
    if len(pattern) != len(segments):
        return None
    arguments = []
    for expected, actual in zip(pattern, segments, strict=True):
        if expected == "*":
            arguments.append(actual)
        elif expected != actual:
            return None
    return tuple(arguments)


def _require_number(value: str, name: str) -> None:
    """宛名番号 and 世帯番号 are exactly 10 ASCII digits (full-width digits are not)."""
    if not _ATENA.fullmatch(value):
        raise bad_request(f"{name} must be exactly 10 digits 0-9, got {_clip(value, 40)!r}")


def _int_param(request: Request, name: str, default: int, minimum: int, maximum: int | None) -> int:
    text = request.param(name)
    if text is None:
        return default
    if not _NUMBER.fullmatch(text) or int(text) < minimum or (maximum is not None and int(text) > maximum):
        upper = f" to {maximum}" if maximum is not None else " or more"
        raise bad_request(f"{name} must be an integer from {minimum}{upper}, got {_clip(text, 40)!r}")
    return int(text)


def _has_type(value: Any, json_type: str) -> bool:
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)


def _check_text(value: str, where: str) -> None:
    """No control characters or lone surrogates (they cannot be stored and sent back as UTF-8)."""
    if _CONTROL.search(value):
        raise bad_request(f"{where}: control characters and unpaired surrogates are not allowed")


def _is_calendar(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _printed_name(row: Mapping[str, str]) -> str:
    """氏名 as printed: a foreign resident's alphabet name first, then the kanji name if any."""
    if row.get("住民種別") != "2":
        return row.get("氏名", "")
    return "\u3000".join(part for part in (row.get("氏名_アルファベット", ""), row.get("氏名", "")) if part)


def _printed_address(row: Mapping[str, str]) -> str:
    address = "".join(row.get(key, "") for key in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記"))
    katagaki = row.get("住所_方書", "")
    return f"{address} {katagaki}" if katagaki else address
