"""The reference vendor's HTTP API: a WSGI application (stdlib only) serving the catalog's operations.

Base path ``/api/v1``. The operations, paths, status codes and documents are the catalog's
(``interfaces.yaml``, ``schemas.yaml``), plus ``POST /api/v1/admin/migration`` (not in the catalog)
that replaces all data with a migration CSV, ``GET /api/v1/exports/residents.dat``, the
catalog's fixed-length layout ``residents_fixed`` in CP932 (a file layout, not an API operation
of the catalog: :mod:`conformance_reference.jumin.fixed_export`), and ``GET /api/v1/exports/households.csv``,
the layout ``households_csv``: one row per 世帯番号 of the residents export.

The handlers are mixed into :class:`ReferenceApp` from the modules of their family: the linkage API
(:mod:`~conformance_reference.jumin.linkage`), the exports (:mod:`~conformance_reference.jumin.exports`), and the
certificates, the inspection list and the forms (:mod:`~conformance_reference.jumin.certificates`), over the
shared reads and presentation (:mod:`~conformance_reference.jumin.presentation`) and the request validation
(:mod:`~conformance_reference.validation`). Requests, replies and errors: :mod:`conformance_reference.http`;
the catalog as the app needs it and the JSON representation of values: :mod:`conformance_reference.model`.
This module routes, answers every request and delegates to the services (driver, 住登外者, forms).

Robustness: any input gets a JSON answer; nothing raises out of the application, so the server
never answers 500 or prints a traceback. Unexpected exceptions become 400 and are kept in
:attr:`ReferenceApp.internal_errors` for tests to inspect.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import StartResponse, WSGIEnvironment

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.contract import LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX
from conformance.errors import SpecError
from conformance_reference.domain_records import DOMAIN_RECORDS
from conformance_reference.http import (
    API_PREFIX,
    MAX_BODY_BYTES,
    ApiError,
    Reply,
    Request,
    _clip,
    _int_param,
    _match,
    bad_request,
    error_reply,
    json_reply,
    not_found,
)
from conformance_reference.jumin import fixed_export
from conformance_reference.jumin.certificates import Certificates
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.exports import HOUSEHOLDS_LAYOUT, Exports, _layout_headers
from conformance_reference.jumin.forms import FormService
from conformance_reference.jumin.linkage import LinkageApi, parse_instant
from conformance_reference.jumin.printing import PrintService
from conformance_reference.jumin.storage import Store
from conformance_reference.jumin.users import SESSION_ANSWER, SESSION_HEADER
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister
from conformance_reference.kyotsu.jutogai import JutogaiService
from conformance_reference.migration import jumin_edition, parse_migration
from conformance_reference.model import Model, household_order, json_value
from conformance_reference.paper import seireki, split_date, wareki
from conformance_reference.rules import parse_day
from conformance_reference.senkyo import roll

#: The application, and what other modules and tests import from here (now defined in the modules above).
__all__ = [
    "API_PREFIX",
    "MAX_BODY_BYTES",
    "ReferenceApp",
    "household_order",
    "json_value",
    "parse_instant",
    "seireki",
    "split_date",
    "wareki",
]

JUTOGAI_JSON = "application/json;charset=UTF-8"  # レスポンス_API仕様's Content-Type
#: Kept unexpected exceptions (the newest), for tests.
MAX_INTERNAL_ERRORS = 100


# -- the application ------------------------------------------------------------------------------

Handler = Callable[[Request, tuple[str, ...]], Reply]


#: Migrations kept loaded (the same bytes give the same rows: a run loads the test town for each edition it
#: judges, 20 times in a whole run, each load a parse, a JSON encoding and an insert of every row).
_MIGRATIONS_KEPT = 2
#: The route of the per-person query (its refusals: conformance_reference/jumin/qualifications.py).
_QUALIFICATIONS = ("residents", "*", "qualifications")


@functools.lru_cache(maxsize=_MIGRATIONS_KEPT)
def _migration_store(body: bytes) -> Store:
    """A store holding a migration CSV's rows, validated, for :meth:`Store.replace_with` (a ``SpecError`` or
    ``ValueError`` is raised each time, never kept)."""
    store = Store()
    store.load(parse_migration(body, "request body"))
    return store


@dataclass
class ReferenceApp(LinkageApi, Exports, Certificates):
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
        # 共通機能 2.1: the 住登外者宛名番号付番 API and its OAuth2 token endpoint
        # (conformance_reference/kyotsu/jutogai.py).
        self.jutogai = JutogaiService(is_resident_number=lambda number: self.store.latest(number) is not None,
                                      defects=self.defects)
        # Forms (帳票) as printed PDFs, and their data (conformance_reference/jumin/forms.py).
        self.forms = FormService(edition, self.store, self.defects, self.model.label)
        # The driver protocol (docs/driver.md; conformance_reference/jumin/driver.py) below /driver/v1.
        self.driver = DriverService(self.store, self.defects, layout_items=frozenset(self.model.headers))
        # 10.2 印刷ログ and 1.3.8 交付履歴: each printed form, in the logs the driver reads (through self.driver: a
        # test's variant vendor replaces it).
        self.forms.printed = self._printed
        # 10.2 認証ログ: each login at the token endpoint, likewise.
        self.jutogai.logged_in = lambda client, succeeded: self.driver.log().record_login(client, succeeded)
        # The driver's clock.advance (対象 tokens) moves the clock of the tokens the token endpoint gives.
        self.driver.advance_tokens = self.jutogai.advance
        self._keep_loaded_rows()
        # 戸籍の附票: the 戸籍 the harness registers (POST /admin/koseki; conformance_reference/koseki_fuhyo/fuhyo.py).
        self.koseki = KosekiRegister(self.defects)
        # 10.7 印刷 and 5.8 文字溢れ: the print dialog over the forms (conformance_reference/jumin/printing.py).
        self.printing = PrintService(self.forms, self.defects)
        # 選挙人名簿 of a 投票区 (conformance_reference/senkyo/roll.py): each person's answer kept across its pages.
        self._roll_memo = roll.RollMemo()
        self._routes: tuple[tuple[tuple[str, ...], dict[str, Handler]], ...] = (
            (("driver", "v1", "printers"), {"GET": self._printers}),
            (("driver", "v1", "prints"), {"POST": self._print}),
            *self._driver_routes(),
            (("residents",), {"GET": self._list_residents, "POST": self._move_in}),
            (("residents", "*"), {"GET": self._get_resident}),
            (("residents", "*", "history"), {"GET": self._history}),
            (_QUALIFICATIONS, {"GET": self._qualifications}),
            (("residents", "*", "corrections"), {"POST": self._correct}),
            (("households", "*"), {"GET": self._household}),
            (("certificates",), {"POST": self._certificate}),
            (("inspection-list",), {"GET": self._inspection_list}),
            (("exports", "residents.csv"), {"GET": self._export}),
            (("exports", "residents.dat"), {"GET": self._export_fixed}),
            (("exports", "households.csv"), {"GET": self._export_households}),
            (("admin", "migration"), {"POST": self._migration}),
            (("admin", "residents"), {"POST": self._append_residents}),
            (("admin", "records"), {"POST": self._domain_record}),
            (("admin", "koseki"), {"POST": self._register_koseki}),
            (("app_submit", "v10", "jutogaishaatenabangofuban"), {"POST": self._jutogai_fuban}),
            (("oauth2", "token"), {"POST": self._jutogai_token}),
            (("forms", "*"), {"POST": self._form}),
            (("senkyo", "voting-districts", "*", "roll"), {"GET": self._voter_roll}),
            (("forms", "*", "data"), {"POST": self._form}),
        )

    def _drive(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        status, document = self.driver.handle(request, arguments)
        # 10.3 users.login: the session goes back in a header (never in a body a recording keeps).
        session = document.pop(SESSION_ANSWER, None)
        reply = json_reply(status, document)
        return replace(reply, headers=((SESSION_HEADER, str(session)),)) if session else reply

    def _jutogai_fuban(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        answer = self.jutogai.fuban(request.environ.get("HTTP_AUTHORIZATION"), request.json_object_or_value_error)
        return Reply(answer.status, json_reply(answer.status, answer.document).body, JUTOGAI_JSON, answer.headers)

    def _jutogai_token(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        form = parse_qs(request.body().decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=20)
        answer = self.jutogai.token(request.environ.get("HTTP_AUTHORIZATION"), form)
        return Reply(answer.status, json_reply(answer.status, answer.document).body, JUTOGAI_JSON, answer.headers)

    def _printed(self, entry: dict[str, Any]) -> None:
        self.driver.log().record_print(entry)
        if entry.get("出力形式") != "プレビュー":  # a preview shows the form; it issues no certificate (1.3.8)
            self.driver.issuances().record(entry)

    def _printers(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        return json_reply(*self.printing.printers())

    def _print(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        return json_reply(*self.printing.issue(request.json_object()))

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
            # The defect reads a missing fiscal_year as this 年度 (qualifications.py): the query is not checked first.
            if pattern != _QUALIFICATIONS or "qualifications_parameters_defaulted" not in self.defects:
                self._check_query(request, pattern)
            return handler(request, arguments)
        raise not_found(f"no such resource: {API_PREFIX}/{'/'.join(request.segments)}"[:300])

    # -- administration (not in the catalog) ------------------------------------------------------

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

    def _domain_record(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """Not in the catalog: a person's record of another 業務 (the harness's domain records, e.g.
        生活保護 or a 認定請求), read by the per-person query: ``{"宛名番号", "業務", "記録": {item: value}}``."""
        body = request.json_object()
        atena, domain, items = body.get("宛名番号"), body.get("業務"), body.get("記録")
        if not isinstance(domain, str) or domain not in DOMAIN_RECORDS:
            raise bad_request(f"業務 must be one of {', '.join(DOMAIN_RECORDS)}")
        if not isinstance(items, dict) or not all(isinstance(v, str) for v in items.values()):
            raise bad_request("記録 must be an object of strings")
        unknown = sorted(set(items) - DOMAIN_RECORDS[domain])
        if unknown:
            raise bad_request(f"記録: unknown items of {domain}: {_clip(', '.join(unknown))}")
        if not isinstance(atena, str) or self.store.latest(atena) is None:
            raise not_found("宛名番号: no such resident")
        self.store.put_domain_record(atena, domain, items)
        return json_reply(200, {"宛名番号": atena, "業務": domain})

    def _register_koseki(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """Not in the catalog: a 戸籍 with its 本籍 here, as the harness plays the 戸籍 side (戸籍の附票)."""
        return json_reply(200, self.koseki.register(request.json_object()))

    def _voter_roll(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """The 選挙人名簿 of one 投票区 on as_of, a page (spec_catalog/contract/senkyo.yaml, lists). The defect
        ``senkyo_roll_not_served``: 501 to every read (a product not serving it, its profile declaring all)."""
        if "senkyo_roll_not_served" in self.defects:
            return json_reply(501, {"error": "the 選挙人名簿's read by 投票区 is not implemented"})
        if not roll.known_district(arguments[0]):
            raise not_found(f"no 投票区 {_clip(arguments[0], 40)!r} in this town")
        as_of = parse_day(request.param("as_of") or "")
        if as_of is None:
            raise bad_request("as_of (YYYY-MM-DD) is required")
        offset = _int_param(request, "offset", 0, 0, None)
        limit = _int_param(request, "limit", LIST_LIMIT_DEFAULT, 1, LIST_LIMIT_MAX)
        return json_reply(200, roll.roll_page(
            arguments[0], as_of, offset, limit, self.store.current, self.store.history,
            lambda atena: self.store.domain_record(atena, "選挙人名簿"), self.defects, self._roll_memo))

    def _migration(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """Not in the catalog: replace every record with a migration CSV (UTF-8)."""
        try:
            loaded = self.store.replace_with(_migration_store(request.body()))
            self._keep_loaded_rows()
        except SpecError as error:
            raise bad_request(_clip(str(error), 4000)) from None
        except ValueError as error:
            raise bad_request(_clip(str(error))) from None
        return json_reply(200, {"loaded": loaded})
