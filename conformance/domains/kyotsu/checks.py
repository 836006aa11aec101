"""Checks of the 住登外者宛名番号付番 API (共通機能標準仕様書 第2.1版, 住登外者宛名番号付番API仕様 第2.0版).

The requirements are the API仕様書's statements (``kyotsu-2.1-0310001-O001`` ...; docs/catalog-ids.md);
the schema and negative tests are ``api.openapi``'s (schemathesis). These checks send requests a
check can judge by meaning: a valid registration, invalid input, a missing or wrong token, the 処理区分,
the ※※ conditions and the issued 宛名番号. The call's path comes from the catalog (``interfaces.yaml``),
the client adds the profile's OAuth2 access token (conformance/targets/oauth.py).

Requests are built from :data:`BASE_REQUEST`, a registration of a made-up 住登外者 with the API仕様書's
記述例 where they are valid; nothing personal of the test town is sent. Every finding is located at
``POST <catalog path> <status>``, with a JSON pointer when it is about one value of the answer.

Ours (docs/checks.md): which error code each invalid input must carry (a missing ◎ parameter E0001, a
half-width character in an Ｎ item E0002, a DATE item of the right length outside the form the sheet
凡例）データ型 gives it, YYYY-MM-DD (操作年月日 ``2021/11/01``: a character the form does not allow), E0002,
and a TIME item outside HH:MM:SS (操作時刻 ``09.00.00``) the same, a fixed-length item of the wrong length
E0003, a ※※ condition broken E0004: the エラーコード一覧's definitions);
that a 宛名番号 is "issued once" when no two registrations with 処理区分 "0" get the same number; and its check
digit, "the same method as the 住民宛名番号" (本文 2.3.2 ⑫), the M11W2-7 check digit of 住民記録 (the last digit
over the others).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

import requests

from conformance import clock
from conformance.catalog.models import ApiInterface
from conformance.catalog.openapi import api_interfaces
from conformance.checks.registry import CheckContext, check
from conformance.domains.kyotsu.params import KyotsuConditionParams, KyotsuCountParams, KyotsuOperationItemParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.masking import mask
from conformance.oracles.identifiers import is_valid_m11w2_7
from conformance.targets.base import HttpResponse, Target
from conformance.targets.oauth import OMIT

#: The API call these checks judge (API概要's APIコール名).
CALL = "app_submit/v10/jutogaishaatenabangofuban"
#: The 200 answer's fixed detail ("登録が完了しました。"固定値), the 400's and the 401's.
DETAIL_200 = "登録が完了しました。"
DETAIL_400 = "エラーが発生しました。"
DETAIL_401 = "アクセストークンが無効です。"
#: Items a registration echoes in its result (レスポンス_API仕様, 200 result).
ECHOED = ("shikuchosonkodo", "sosashaid", "sosanengappi", "sosajikoku")
#: A valid registration (処理区分 0) of a made-up person, from the 記述例 of the リクエスト_API仕様.
BASE_REQUEST: Mapping[str, Any] = {
    "shorikubun": "0", "shikuchosonkodo": "131016", "shimei": "適合　試験", "uji_nihonjin": "適合",
    "na_nihonjin": "試験", "shimei_furigana": "テキゴウ　シケン", "seibetsu": "1", "seinengappi": "1964-07-01",
    "seinengappi_fushofuragu": "0", "jusho_shikuchosonkodo": "131016", "jusho_choazakodo": "0011001",
    "jusho_todofuken": "東京都", "jusho_shikugunchosonmei": "千代田区", "jusho_choaza": "霞が関二丁目",
    "gyomuid": "000", "dokujishisakushisutemutoid": "000", "nayosemotofuragu": "0",
    "tagyomusanshofukafuragu": "0", "sosashaid": "CONFORM01", "sosajikoku": "09:00:00",
}
#: Invalid inputs (ours) and the code of the エラーコード一覧 each must get: name -> (change, code).
#: A value None leaves the parameter out.
INVALID_INPUTS: Mapping[str, tuple[Mapping[str, Any], str]] = {
    "必須の処理区分なし": ({"shorikubun": None}, "E0001"),
    "全角項目（氏名）に半角文字": ({"shimei": "Tekigo Shiken"}, "E0002"),
    "固定桁の市区町村コードが7桁": ({"shikuchosonkodo": "1310160"}, "E0003"),
    # The 凡例's DATE is YYYY-MM-DD; ten characters, so the length is right and only the separator is not.
    "日付項目（操作年月日）の区切りが「/」": ({"sosanengappi": "2021/11/01"}, "E0002"),
    # The 凡例's TIME is HH:MM:SS; eight characters, so again only the separator is wrong.
    "時刻項目（操作時刻）の区切りが「.」": ({"sosajikoku": "09.00.00"}, "E0002"),
}
def _target(ctx: CheckContext) -> Target:
    return ctx.need_target("a vendor system to call")


def fuban_interface(target: Target) -> ApiInterface:
    """The 付番 call of the target's catalog edition."""
    for interface in api_interfaces(target.catalog):
        if interface.call_name == CALL:
            return interface
    raise TargetError(f"the catalog edition {target.catalog.domain} {target.catalog.edition_name} has no API {CALL}")


def registration(changes: Mapping[str, Any] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """:data:`BASE_REQUEST` dated today, with ``changes`` (None removes a parameter)."""
    body = {**BASE_REQUEST, "sosanengappi": (today or clock.today()).isoformat()}
    for name, value in (changes or {}).items():
        if value is None:
            body.pop(name, None)
        else:
            body[name] = value
    return body


class _Call:
    """One check's calls of the API, and where its findings are."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.target = _target(ctx)
        self.interface = fuban_interface(self.target)

    def post(self, body: Mapping[str, Any], authorization: str | None = None) -> HttpResponse:
        """POST ``body``; ``authorization`` replaces the client's auth header (:data:`OMIT`: none)."""
        client = self.target.need_http()
        if authorization is None:
            return client.request("post", self.interface.path, json=dict(body))
        send = getattr(client, "send", None)
        if send is None:
            raise TargetError("this check needs an HTTP client that sends its own headers (send)")
        request = requests.Request("POST", client.base_url + self.interface.path, json=dict(body),
                                   headers={"Authorization": authorization})
        response: HttpResponse = send(request)
        return response

    def where(self, status: int, pointer: str = "") -> str:
        return f"POST {self.interface.path} {status}{(' ' + pointer) if pointer else ''}"

    def document(self, response: HttpResponse, expected: int,
                 case: str) -> tuple[dict[str, Any] | None, Finding | None]:
        """The JSON object of an answer of status ``expected``, or the finding that says it is not."""
        if response.status != expected:
            return None, self.ctx.finding("kyotsu.status", f"{case}: HTTPステータスコード {response.status}",
                                          location=self.where(response.status), expected=f"status {expected}",
                                          actual=f"status {response.status}")
        try:
            document = response.json()
        except TargetError:
            document = None
        if not isinstance(document, dict):
            shown = _answered(response.content_type) if response.content_type else "(none)"
            return None, self.ctx.finding("kyotsu.not_json", f"{case}: the answer is no JSON object",
                                          location=self.where(response.status),
                                          expected="a JSON response object",
                                          actual=shown)
        return document, None

    def mismatch(self, case: str, status: int, pointer: str, expected: object, actual: object) -> Finding:
        return self.ctx.finding("kyotsu.value_mismatch", f"{case}: {pointer}", location=self.where(status, pointer),
                                expected=_shown(expected), actual=_answered(actual))

    def register(self, case: str, changes: Mapping[str, Any] | None = None, *,
                 whole: bool = False) -> tuple[dict[str, Any] | None, list[Finding]]:
        """A registration that must succeed: its result object, and the findings about the answer (about
        all of the 200 body when ``whole``, else about the issued 宛名番号 and 履歴番号 only)."""
        body = registration(changes)
        document, problem = self.document(self.post(body), 200, case)
        if document is None:
            return None, [problem] if problem is not None else []
        findings = list(self.check_200(case, body, document, whole=whole))
        result = _first_result(document)
        return (result if not findings else None), findings

    def check_200(self, case: str, body: Mapping[str, Any], document: Mapping[str, Any], *,
                  whole: bool) -> Iterator[Finding]:
        """The 200 body of レスポンス_API仕様: fixed detail, the call as href, one result echoing the request."""
        if whole:
            detail = _at(document, "metadata", "detail")
            if detail != DETAIL_200:
                yield self.mismatch(case, 200, "/metadata/detail", DETAIL_200, detail)
            href = _at(document, "_links", "self", "href")
            if href != "/" + CALL:
                yield self.mismatch(case, 200, "/_links/self/href", "/" + CALL, href)
        result = _first_result(document)
        if result is None:
            yield self.mismatch(case, 200, "/result", "one result object", _kind(document.get("result")))
            return
        for name in ECHOED if whole else ():
            if result.get(name) != body.get(name):
                yield self.mismatch(case, 200, f"/result/0/{name}", body.get(name), result.get(name))
        atena = result.get("atenabango")
        if not isinstance(atena, str) or not atena:
            yield self.mismatch(case, 200, "/result/0/atenabango", "a 宛名番号", atena)
        rireki = result.get("rirekibango")
        if not isinstance(rireki, int) or isinstance(rireki, bool) or rireki < 1:
            yield self.mismatch(case, 200, "/result/0/rirekibango", "an integer from 1", rireki)

    def rejected(self, case: str, body: Mapping[str, Any], code: str) -> Iterator[Finding]:
        """``body`` must be answered 400 with ``code`` among its errors, every code of the エラーコード一覧."""
        document, problem = self.document(self.post(body), 400, case)
        if document is None:
            if problem is not None:
                yield problem
            return
        if document.get("detail") != DETAIL_400:
            yield self.mismatch(case, 400, "/detail", DETAIL_400, document.get("detail"))
        errors = document.get("errors")
        codes = [e.get("code") for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
        listed = {error.code for error in self.interface.error_codes}
        for unknown in sorted({str(c) for c in codes if c not in listed}):
            yield self.ctx.finding("kyotsu.unknown_error_code", f"{case}: {_answered(unknown)}",
                                   location=self.where(400, "/errors"),
                                   expected=f"a code of the エラーコード一覧 ({', '.join(sorted(listed))})",
                                   actual=_answered(unknown))
        if code not in codes:
            yield self.ctx.finding("kyotsu.error_code_missing", f"{case}: no {code}",
                                   location=self.where(400, "/errors"),
                                   expected=code, actual=", ".join(sorted({_answered(c) for c in codes})) or "(none)")


def _at(document: Mapping[str, Any], *path: str) -> Any:
    value: Any = document
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _first_result(document: Mapping[str, Any]) -> dict[str, Any] | None:
    result = document.get("result")
    if isinstance(result, list) and len(result) == 1 and isinstance(result[0], dict):
        return result[0]
    return None


def _kind(value: object) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "absent" if value is None else type(value).__name__


def _shown(value: object) -> str:
    """A value the harness itself sent or expects (made-up data, codes, paths), cut to 80 characters."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


#: What a value of the vendor's answer may look like to be shown as it is: a number, a code, a path
#: (the values the checks compare: 宛名番号, 履歴番号, 操作者ID, dates, codes, links, content types).
_PLAIN = re.compile(r"[0-9A-Za-z_./:;=+\- ]{0,80}")


def _answered(value: object) -> str:
    """A value of the vendor's answer, as a finding shows it: raw only when it is plain (a number,
    a code, a path: what the API's values that are not personal look like), else masked. The
    answer's fields name no catalog item the harness could check the value against, and a wrong
    answer may carry anyone's name or address (docs/security.md)."""
    text = value if isinstance(value, str) else repr(value)
    return text if _PLAIN.fullmatch(text) else mask(text)


# -- the checks -----------------------------------------------------------------------------------


@check("kyotsu.fuban.registered")
def registered(ctx: CheckContext) -> Iterator[Finding]:
    """A valid registration (処理区分 0) is answered 200 with the API仕様書's response object."""
    call = _Call(ctx)
    _, findings = call.register("付番依頼（処理区分0）", whole=True)
    yield from findings


@check("kyotsu.fuban.rejects_invalid")
def rejects_invalid(ctx: CheckContext) -> Iterator[Finding]:
    """Each of :data:`INVALID_INPUTS` is answered 400 with its error code (エラーコード一覧)."""
    call = _Call(ctx)
    for case, (changes, code) in INVALID_INPUTS.items():
        yield from call.rejected(case, registration(changes), code)


@check("kyotsu.fuban.unauthorized")
def unauthorized(ctx: CheckContext) -> Iterator[Finding]:
    """Without an access token and with one the vendor never issued: 401 and its JSON object."""
    call = _Call(ctx)
    cases = (("アクセストークン未指定", OMIT), ("無効なアクセストークン", "Bearer conformance-invalid-token-0000"))
    for case, header in cases:
        document, problem = call.document(call.post(registration(), authorization=header), 401, case)
        if problem is not None:
            yield problem
        elif document is not None and document.get("detail") != DETAIL_401:
            yield call.mismatch(case, 401, "/detail", DETAIL_401, document.get("detail"))


@check("kyotsu.fuban.processing_kind")
def processing_kind(ctx: CheckContext) -> Iterator[Finding]:
    """処理区分 0 issues a number; 1 and 2 register under the given number, each a new 履歴番号."""
    call = _Call(ctx)
    first, findings = call.register("付番依頼（処理区分0）")
    yield from findings
    if first is None:
        return
    number, history = first["atenabango"], first["rirekibango"]
    for kubun in ("1", "2"):
        case = f"処理区分{kubun}（付番済みの宛名番号）"
        result, findings = call.register(case, {"shorikubun": kubun, "atenabango": number})
        yield from findings
        if result is None:
            continue
        if result["atenabango"] != number:
            yield ctx.finding("kyotsu.number_not_kept", case, location=call.where(200, "/result/0/atenabango"),
                              expected=number, actual=_answered(result["atenabango"]))
        elif result["rirekibango"] <= history:
            yield ctx.finding("kyotsu.history_not_counted", case, location=call.where(200, "/result/0/rirekibango"),
                              expected=f"more than {history}", actual=_answered(result["rirekibango"]))
        else:
            history = result["rirekibango"]


@check("kyotsu.fuban.condition")
def condition(ctx: CheckContext) -> Iterator[Finding]:
    """A ※※ condition: with ``when`` set and ``required`` left out, 400 with E0004 (相関チェックエラー)."""
    call = _Call(ctx)
    args = ctx.args(KyotsuConditionParams)
    when, required = args.when, args.required
    case = f"{', '.join(f'{k}={v}' for k, v in when.items())}で{required}なし"
    yield from call.rejected(case, registration({**when, required: None}), "E0004")


@check("kyotsu.fuban.unique_number")
def unique_number(ctx: CheckContext) -> Iterator[Finding]:
    """``count`` registrations with 処理区分 0 get distinct numbers with their check digit, none a resident's."""
    call = _Call(ctx)
    count = ctx.args(KyotsuCountParams).count
    residents = {row.get("宛名番号", "") for row in ctx.target.data.rows} if isinstance(ctx.target, Target) \
        and ctx.target.data is not None else set()
    seen: dict[str, int] = {}
    for index in range(1, count + 1):
        case = f"付番依頼 {index}/{count}"
        result, findings = call.register(case)
        yield from findings
        if result is None:
            continue
        number = str(result["atenabango"])
        location = call.where(200, "/result/0/atenabango")
        if number in seen:
            yield ctx.finding("kyotsu.number_reissued", f"{case}: the number of registration {seen[number]}",
                              location=location, expected="a number not issued before", actual=_answered(number))
            continue
        seen[number] = index
        if not (number.isascii() and number.isdigit() and is_valid_m11w2_7(number)):
            yield ctx.finding("kyotsu.check_digit", case, location=location,
                              expected="digits ending in their M11W2-7 check digit", actual=_answered(number))
        if number in residents:
            yield ctx.finding("kyotsu.number_of_resident", case, location=location,
                              expected="a number no resident has", actual=_answered(number))


#: The 操作記録's items of レスポンス_API仕様, by parameter.
_OPERATION_ITEMS = {"sosashaid": "操作者ID", "sosanengappi": "操作年月日", "sosajikoku": "操作時刻"}


@check("kyotsu.fuban.operation_record")
def operation_record(ctx: CheckContext) -> Iterator[Finding]:
    """One item of the 操作記録 (操作者ID, 操作年月日 or 操作時刻: the 基本データリスト's 必須 items 03100027-29) is
    held for the registration as it was sent: the 付番 answer's result carries it unchanged (レスポンス_API仕様;
    ours: the API's answer is the only place the harness sees what the vendor holds of a 住登外者)."""
    call = _Call(ctx)
    item = ctx.args(KyotsuOperationItemParams).item
    body = registration()
    case = f"付番依頼（処理区分0）の{_OPERATION_ITEMS[item]}"
    document, problem = call.document(call.post(body), 200, case)
    if document is None:
        if problem is not None:
            yield problem
        return
    result = _first_result(document)
    held = result.get(item) if result is not None else None
    if held != body[item]:
        yield call.mismatch(case, 200, f"/result/0/{item}", body[item], held)
