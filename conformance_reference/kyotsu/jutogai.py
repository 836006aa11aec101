"""The reference vendor's 住登外者宛名番号付番 API (共通機能標準仕様書 第2.1版, 住登外者宛名番号付番API仕様 第2.0版).

``POST {API_PREFIX}/app_submit/v10/jutogaishaatenabangofuban`` as the catalog edition ``kyotsu/2.1``
describes it (``interfaces.yaml``, ``schemas.yaml``, imported from the API仕様書): the request's
parameters are validated against the catalog's schema (必須 ◎, データ型, データ長, ※※ conditions), and
the answers are the API仕様書's bodies:

- 200: ``metadata`` (title, detail "登録が完了しました。"), ``_links.self.href``, ``result`` [one object];
- 400: title, detail "エラーが発生しました。", ``_links``, ``errors`` [{code, message}] with the codes of the
  エラーコード一覧 (E0001 必須, E0002 指定文字, E0003 桁数, E0004 相関);
- 401: title, detail "アクセストークンが無効です。", ``_links`` when the bearer token is missing or unknown;
- 503: title, detail "想定外のエラーが発生しました。", ``_links`` for anything unexpected.

Authentication: an OAuth2.0 Bearer access token (2.2.7 of the 本文). Tokens come from
``POST {API_PREFIX}/oauth2/token`` (Client Credentials Grant, ``client_secret_basic``: the interim
method 2.2.7 allows; the reference does not implement client_secret_jwt), for the client
:data:`CLIENT_ID` / :data:`CLIENT_SECRET` (32 characters of 0-9A-Za-z, a secret of 32 or more, as
2.2.7 requires). Tokens live :data:`TOKEN_LIFETIME` seconds.

Ours (the documents leave it open; docs/catalog-ids.md): a 住登外者宛名番号 is a 9-digit serial from
:data:`FIRST_SERIAL` plus its M11W2-7 check digit, "the same method as the 住民宛名番号" (本文 2.3.2 ⑫)
in a range apart from the residents' numbers, and never equal to one; which characters 指定文字 allows
(X: half-width, ASCII or half-width katakana; Ｎ: no half-width character); E0003 for any value longer
than its データ長 (the list names only fixed-length items); 処理区分 1 and 2 need a 宛名番号 this API
issued; 履歴番号 counts the registrations of one 宛名番号.
"""

from __future__ import annotations

import base64
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import ApiInterface, Schema, SchemaProperty
from conformance.locations import default_catalog_root
from conformance_reference.numbers import check_digit

CALL = "app_submit/v10/jutogaishaatenabangofuban"
SELF_HREF = "/" + CALL
TITLE = "住登外者宛名番号付番"
DETAIL_OK = "登録が完了しました。"
DETAIL_400 = "エラーが発生しました。"
DETAIL_401 = "アクセストークンが無効です。"
DETAIL_503 = "想定外のエラーが発生しました。"
#: The reference's OAuth2 client (2.2.7: a client ID of 32 characters 0-9A-Za-z, a secret of 32 or more).
CLIENT_ID = "ReferenceVendorJutogaiClient0001"
CLIENT_SECRET = "reference-vendor-client-secret-0123456789"
TOKEN_LIFETIME = 300
#: First serial of 住登外者宛名番号 (ours): residents are numbered from 1, and appended test residents
#: count down from 899999999.
FIRST_SERIAL = 900000000
JSON_TYPE = "application/json;charset=UTF-8"

_HALF_WIDTH = re.compile("[\x20-\x7e\uff61-\uff9f]*")
_HALF_WIDTH_CHAR = re.compile("[\x20-\x7e\uff61-\uff9f]")
_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")
#: The 凡例's DATE and TIME: the form a value must have, as the エラー names it, and the defect that skips it.
_TEMPORAL = {"DATE": (_DATE, "YYYY-MM-DD", "jutogai_date_unchecked"),
             "TIME": (_TIME, "HH:MM:SS", "jutogai_time_unchecked")}


@dataclass(frozen=True)
class Answer:
    """A status, a JSON document and extra headers."""

    status: int
    document: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()


@cache
def kyotsu_edition() -> EditionCatalog:
    """The catalog edition the API is described in."""
    return load_edition(default_catalog_root() / "kyotsu" / "2.1")


def _interface(edition: EditionCatalog) -> tuple[ApiInterface, Schema]:
    interface = next(i for i in edition.interfaces if isinstance(i, ApiInterface) and i.call_name == CALL)
    request = next(s for s in edition.schemas if s.id == interface.request)
    return interface, request


def _links() -> dict[str, Any]:
    return {"self": {"href": SELF_HREF}}


def _error_document(detail: str) -> dict[str, Any]:
    return {"title": TITLE, "detail": detail, "_links": _links()}


@dataclass
class JutogaiService:
    """The API over the reference's own registry of 住登外者宛名番号 (in memory).

    ``is_resident_number`` tells whether a number is a resident's (the store's), so none is reused.
    """

    is_resident_number: Callable[[str], bool] = lambda number: False
    now: Callable[[], datetime] = datetime.now
    #: Named defects of the reference (conformance_reference/defects.py) this API has: ``jutogai_*``.
    defects: frozenset[str] = frozenset()
    tokens: dict[str, float] = field(default_factory=dict)
    #: Told of every login at the token endpoint: (the client id it named, whether it succeeded), for the
    #: 認証ログ of 住民記録 10.2 (reference/oplog.py; app.py connects it). Never the secret.
    logged_in: Callable[[str, bool], None] = lambda client, succeeded: None
    history: dict[str, int] = field(default_factory=dict)
    issued: list[str] = field(default_factory=list)
    _serial: int = FIRST_SERIAL
    #: The defects ``jutogai_serial_per_token`` and ``jutogai_history_per_token``: a serial and 履歴番号 per token.
    #: Seconds the driver's ``clock.advance`` (対象 tokens) moved the tokens' clock forward.
    _clock_offset: float = 0.0
    _token_serials: dict[str, int] = field(default_factory=dict)
    _token_history: dict[tuple[str, str], int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- OAuth2 token endpoint ---------------------------------------------------------------------

    def token(self, authorization: str | None, form: Mapping[str, list[str]]) -> Answer:
        """Client Credentials Grant with client_secret_basic (RFC 6749 4.4, 2.3.1)."""
        if form.get("grant_type") != ["client_credentials"] and "jutogai_other_grant_token" not in self.defects:
            # (the defect: any grant of the client is given a token the API takes)
            return Answer(400, {"error": "unsupported_grant_type"})
        client, succeeded = self._client(authorization)
        self.logged_in(client, succeeded)
        if not succeeded:
            return Answer(401, {"error": "invalid_client"}, (("WWW-Authenticate", 'Basic realm="token"'),))
        token = secrets.token_urlsafe(32)
        with self._lock:
            self.tokens[token] = self._now() + TOKEN_LIFETIME
        # No refresh token: 2.2.7 allows only access tokens. The defect states the life in milliseconds (RFC 6749
        # 5.1: seconds), the token living its 300 s all the same (the second blind round, 24).
        stated = TOKEN_LIFETIME * 1000 if "jutogai_token_life_in_milliseconds" in self.defects else TOKEN_LIFETIME
        return Answer(200, {"access_token": token, "token_type": "Bearer", "expires_in": stated},
                      (("Cache-Control", "no-store"),))

    @staticmethod
    def _client(authorization: str | None) -> tuple[str, bool]:
        """The client id the request names ("" when none can be read) and whether its secret is right."""
        scheme, _, credentials = (authorization or "").partition(" ")
        if scheme.lower() != "basic":
            return "", False
        try:
            decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return "", False
        client, _, secret = decoded.partition(":")
        return client, secrets.compare_digest(client, CLIENT_ID) and secrets.compare_digest(secret, CLIENT_SECRET)

    def issue_token(self) -> str:
        """A fresh token without the endpoint (for the harness's own use and tests)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self.tokens[token] = self._now() + TOKEN_LIFETIME
        return token

    def advance(self, seconds: float) -> None:
        """Move the tokens' clock forward (the driver's ``clock.advance``, 対象 tokens), as if ``seconds`` had
        passed."""
        with self._lock:
            self._clock_offset += seconds

    def _now(self) -> float:
        """The tokens' clock: the process's monotonic clock, moved forward by ``advance``."""
        return time.monotonic() + self._clock_offset

    def _authorized(self, authorization: str | None) -> bool:
        if "jutogai_no_auth" in self.defects:
            return True
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        with self._lock:
            expiry = self.tokens.get(token.strip())
        if "jutogai_token_never_expires" in self.defects:  # a token is checked for being known, not for its life
            return expiry is not None
        if "jutogai_token_skew_margin" in self.defects:  # a minute cut off the life expires_in gave, for skew
            return expiry is not None and expiry - 60 > self._now()
        return expiry is not None and expiry > self._now()

    # -- the API -----------------------------------------------------------------------------------

    def fuban(self, authorization: str | None, body: Callable[[], dict[str, Any]]) -> Answer:
        """``POST app_submit/v10/jutogaishaatenabangofuban``."""
        try:
            token = (authorization or "").partition(" ")[2].strip()
            if not self._authorized(authorization):
                if "jutogai_unauthorized_registers" in self.defects:
                    self._quietly(token, body)  # the defect: refused, and registered all the same
                return Answer(401, _error_document(DETAIL_401), (("WWW-Authenticate", 'Bearer error="invalid_token"'),))
            _, request = _interface(kyotsu_edition())
            try:
                parameters = body()
            except ValueError as error:
                return self._bad([("E0002", f"リクエストはJSONオブジェクトで設定してください。（{str(error)[:100]}）")])
            errors = self._check(request, parameters)
            if errors:
                return self._bad(errors)
            return Answer(200, self._register(parameters, token))
        except Exception:  # anything unexpected: the API仕様書's 503, never a traceback
            return Answer(503, _error_document(DETAIL_503))

    def _quietly(self, token: str, body: Callable[[], dict[str, Any]]) -> None:
        """The defect ``jutogai_unauthorized_registers``: a valid request registered though it is refused."""
        try:
            parameters = body()
        except ValueError:
            return
        _, request = _interface(kyotsu_edition())
        if not self._check(request, parameters):
            self._register(parameters, token)

    @staticmethod
    def _bad(errors: list[tuple[str, str]]) -> Answer:
        document = _error_document(DETAIL_400)
        document["errors"] = [{"code": code, "message": message} for code, message in errors]
        return Answer(400, document)

    def _check(self, schema: Schema, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        known = {p.name: p for p in schema.properties}
        errors.extend(("E0002", f"{name}は設定できない項目です。") for name in parameters if name not in known)
        for prop in schema.properties:
            errors.extend(self._check_value(prop, parameters.get(prop.name), prop.name in parameters))
        if errors:
            return errors
        return self._check_conditions(parameters)

    def _check_value(self, prop: SchemaProperty, value: Any, present: bool) -> list[tuple[str, str]]:
        label = prop.label or prop.name
        if value is None or value == "":
            code = "E0002" if "jutogai_required_as_format" in self.defects else "E0001"
            return [(code, f"{label}が設定されていません。")] if prop.required else []
        expected = "9" if prop.data_type in ("9", "S9") else "X"
        if expected == "9" and (not isinstance(value, int) or isinstance(value, bool)):
            return [("E0002", f"{label}は整数で設定してください。")]
        if expected == "X" and not isinstance(value, str):
            return [("E0002", f"{label}は文字列で設定してください。")]
        text = str(value)
        if prop.data_type == "X" and not _HALF_WIDTH.fullmatch(text):
            return [("E0002", f"{label}は半角文字で設定してください。")]
        if prop.data_type == "Ｎ" and _HALF_WIDTH_CHAR.search(text):
            return [("E0002", f"{label}は全角文字で設定してください。")]
        temporal = _TEMPORAL.get(prop.data_type or "")
        # Each defect takes its type's values in any form.
        if temporal is not None and not temporal[0].fullmatch(text) and temporal[2] not in self.defects:
            return [("E0002", f"{label}は{temporal[1]}で設定してください。")]
        if prop.length is not None and prop.data_type in ("X", "Ｎ") and len(text) > prop.length:
            return [("E0003", f"{label}は{prop.length}桁で設定してください。")]
        return []

    def _check_conditions(self, parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        kubun = parameters.get("shorikubun")
        if kubun not in ("0", "1", "2"):
            errors.append(("E0002", "処理区分は0、1、2のいずれかで設定してください。"))
        atena = parameters.get("atenabango")
        if kubun in ("1", "2") and not atena and "jutogai_condition_unchecked" not in self.defects:
            errors.append(("E0004", "処理区分が設定されている場合、宛名番号は設定必須です。"))
        elif kubun in ("1", "2") and atena and atena not in self.history:
            errors.append(("E0004", "処理区分が1または2の場合、"
                                    "宛名番号は付番済みの住登外者宛名番号を設定してください。"))
        if parameters.get("nayosemotofuragu") == "1" and not parameters.get("nayosesakiatenabango"):
            errors.append(("E0004", "名寄せ元フラグが設定されている場合、名寄せ先宛名番号は設定必須です。"))
        for flag in ("nayosemotofuragu", "tagyomusanshofukafuragu"):
            if parameters.get(flag) not in ("0", "1"):
                errors.append(("E0002", f"{flag}は0または1で設定してください。"))
        return errors

    def _register(self, parameters: Mapping[str, Any], token: str = "") -> dict[str, Any]:
        with self._lock:
            kubun = parameters["shorikubun"]
            if kubun == "0" or "jutogai_kubun_ignored" in self.defects or (
                    "jutogai_condition_unchecked" in self.defects and not parameters.get("atenabango")):
                number = self._token_number(token) if "jutogai_serial_per_token" in self.defects \
                    else self._next_number()
                self.issued.append(number)
            else:
                number = str(parameters["atenabango"])
            self.history[number] = self.history.get(number, 0) + 1
            rireki = self.history[number]
            if "jutogai_history_per_token" in self.defects:  # the defect: 履歴番号 counted in the token's session
                rireki = self._token_history[token, number] = self._token_history.get((token, number), 0) + 1
        links = {"self": {"href": "/api/v1" + SELF_HREF}} if "jutogai_links_wrong" in self.defects else _links()
        return {
            "metadata": {"title": TITLE, "detail": DETAIL_OK},
            "_links": links,
            "result": [{
                "shikuchosonkodo": parameters["shikuchosonkodo"], "atenabango": number, "rirekibango": rireki,
                **self._operation_record(parameters),
            }],
        }

    def _operation_record(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        """The 操作記録 as held: as sent (the defects: the API's own account for the operator, the day without its
        hyphens, the time to the minute)."""
        operator, day, time = parameters["sosashaid"], parameters["sosanengappi"], parameters["sosajikoku"]
        if "jutogai_operator_as_api_account" in self.defects:
            operator = "JUTOGAIAPI"
        if "jutogai_operation_day_compact" in self.defects:
            day = str(day).replace("-", "")
        if "jutogai_operation_time_minutes" in self.defects:
            time = str(time)[:5]
        return {"sosashaid": operator, "sosanengappi": day, "sosajikoku": time}

    def _token_number(self, token: str) -> str:
        """The defect ``jutogai_serial_per_token``: each access token numbers from the first serial again."""
        while True:
            serial = self._token_serials.get(token, FIRST_SERIAL)
            self._token_serials[token] = serial + 1
            digit = check_digit(f"{serial:09d}")
            if digit is not None:
                return f"{serial:09d}{digit}"

    def _next_number(self) -> str:
        if "jutogai_number_reissued" in self.defects and self.issued:
            return self.issued[0]  # the defect: the first number again, for another person
        while True:
            serial = self._serial
            self._serial += 1
            digit = check_digit(f"{serial:09d}")
            if digit is None:
                continue  # remainder 1: no check digit (DOMAIN.md leaves it open); skip the serial
            number = f"{serial:09d}{digit}"
            if number not in self.history and not self.is_resident_number(number):
                return number
