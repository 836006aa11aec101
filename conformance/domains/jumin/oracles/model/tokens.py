"""The model of 共通機能's 住登外者宛名番号付番 API and its sessions (共通機能標準仕様書 第2.1版 2.2.7, 2.3; the
API仕様書 as imported into ``spec_catalog/kyotsu/2.1``), for the state machine's fixed example ``tokens``.

:class:`Registry` is what the vendor keeps as the model knows it: the access tokens its token endpoint gave and whether
each is one the API must take (a Client Credentials Grant with the client's secret), and every 住登外者宛名番号 the API
issued with the count of its registrations. :func:`expected` is the transition of one request: refused 401 (no token,
one never given, one from a login that failed), a registration (a new number for 処理区分 0, the number given for 1
and 2, its 履歴番号 the count of that number's registrations), or a 400 (処理区分 1 or 2 naming a number the API never
issued). The judges compare an answer with it, each breach under the requirement its rule rests on. Readings the text
leaves open are the interpretation register's ``kyotsu-2.1-interp-registry-model`` (spec_catalog/kyotsu/2.1).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.domains.jumin.oracles.model.judge import Breach
from conformance.oracles.identifiers import is_valid_m11w2_7

#: 200 and the JSON response object (レスポンス_API仕様).
REGISTERED = "kyotsu-2.1-0310001-O001"
#: 認証情報が取得できないまたはアクセストークンが未指定の場合は、HTTPステータスコード401と
#: JSON形式のレスポンスオブジェクト.
UNAUTHORIZED = "kyotsu-2.1-0310001-O003"
#: 処理区分（0：付番依頼、1：既存住登外者宛名番号利用、2：宛名番号選択情報送信）.
KUBUN = "kyotsu-2.1-0310001-O004"
#: The 宛名番号 the API issues: 自治体内において、個人を一意に識別する番号 (the parameter's text, and the data item's).
UNIQUE = "kyotsu-2.1-0310001-O007"
UNIQUE_ITEM = "kyotsu-2.1-03100001-R001"
#: 住民記録 10.2: ・ 認証ログ (R007), ログイン及びログインのエラー回数等 (R008).
AUTH_LOG = "jumin-1.0-10.2-R007"
AUTH_LOG_FIELDS = "jumin-1.0-10.2-R008"
#: The 401's fixed detail (レスポンス_API仕様).
DETAIL_401 = "アクセストークンが無効です。"


@dataclass
class Registry:
    """The vendor's tokens and 住登外者宛名番号 as the model knows them."""

    #: Token -> whether the API must take it (given by a Client Credentials Grant with the client's secret).
    tokens: dict[str, bool] = field(default_factory=dict)
    #: 住登外者宛名番号 the API issued -> its registrations so far.
    counts: dict[str, int] = field(default_factory=dict)
    #: A number -> the requirements of the requests naming it that the model refused since its last registration: a
    #: 履歴番号 that grew by them is a refused request that registered all the same.
    refused: dict[str, list[str]] = field(default_factory=dict)

    def valid(self, token: str | None) -> bool:
        return token is not None and self.tokens.get(token, False)


@dataclass(frozen=True)
class Refused:
    """The request must be refused with ``status`` (401: the token; 400: the parameters), registering nothing."""

    status: int
    requirement: str
    why: str


@dataclass(frozen=True)
class Registers:
    """The request registers: a new number (``number`` None, 処理区分 0) or ``number``, as its ``rireki``-th."""

    number: str | None
    rireki: int


Expected = Refused | Registers


def expected(registry: Registry, token: str | None, body: Mapping[str, Any]) -> Expected:
    """The transition of one 付番 request sent with ``token`` (None: no Authorization header)."""
    if not registry.valid(token):
        why = "no access token" if token is None else "an access token the API must not take"
        return Refused(401, UNAUTHORIZED, why)
    kubun, number = body.get("shorikubun"), body.get("atenabango")
    if kubun == "0":
        return Registers(None, 1)
    if kubun in ("1", "2") and isinstance(number, str) and number in registry.counts:
        return Registers(number, registry.counts[number] + 1)
    return Refused(400, KUBUN, "処理区分 1 or 2 with a number the API never issued")


def judge_refused(expect: Refused, status: int, document: Any) -> list[Breach]:
    """A request the model refuses: its status, and for a 401 the API仕様書's JSON object with its fixed detail."""
    if status != expect.status and expect.status == 401:
        return [Breach(expect.requirement, "model.jutogai_unauthorized_taken", f"the 付番 API should refuse "
                       f"{expect.why}", "/status", f"status {expect.status}", f"status {status}")]
    if status != expect.status:
        return [Breach(expect.requirement, "model.jutogai_not_issued_taken", f"the 付番 API should refuse {expect.why}",
                       "/status", f"status {expect.status}", f"status {status}")]
    if expect.status == 401 and (not isinstance(document, dict) or document.get("detail") != DETAIL_401):
        return [Breach(UNAUTHORIZED, "model.jutogai_refusal_body", "the 401 should be the API仕様書's JSON object",
                       "/detail", DETAIL_401, "another answer")]
    return []


def judge_registered(registry: Registry, expect: Registers, status: int, document: Any,
                     residents: Collection[str]) -> tuple[list[Breach], str | None]:
    """A registration the model takes: 200 and one result, the number new (処理区分 0: issued once, with its check
    digit, no resident's) or the one given, its 履歴番号 the count of that number's registrations. The number the
    vendor gave, when there is one to adopt."""
    result = _result(document) if status == 200 else None
    if result is None:
        return [Breach(REGISTERED, "model.jutogai_not_registered", "the 付番 API should answer 200 with one result",
                       "/result", "status 200 and one result", f"status {status}")], None
    number, rireki = result.get("atenabango"), result.get("rirekibango")
    if not isinstance(number, str) or not number:
        return [Breach(REGISTERED, "model.jutogai_not_registered", "the result should give a 宛名番号",
                       "/result/0/atenabango", "a 宛名番号", "none")], None
    breaches: list[Breach] = []
    if expect.number is None:
        breaches += _new_number(registry, number, rireki, residents)
    elif number != expect.number:
        breaches.append(Breach(KUBUN, "model.jutogai_number_not_kept", "処理区分 1 or 2 should register under the "
                               "宛名番号 given", "/result/0/atenabango", "the number given", "another number"))
    expected_rireki = 1 if expect.number is None else expect.rireki
    if not breaches and rireki != expected_rireki:
        breaches.append(_history_breach(registry, expect, expected_rireki, rireki))
    return breaches, number


def _history_breach(registry: Registry, expect: Registers, wanted: int, rireki: object) -> Breach:
    """A 履歴番号 that is not the count of the number's registrations: where it grew by as many as the refused
    requests naming the number since, one of them registered (under the refusal's requirement: a 401 is O003's);
    else the count is wrong (O004)."""
    refused = registry.refused.get(expect.number or "", [])
    if isinstance(rireki, int) and not isinstance(rireki, bool) and wanted < rireki <= wanted + len(refused):
        return Breach(refused[0], "model.jutogai_refused_registered", "a request the 付番 API refused should register "
                      "nothing: the 履歴番号 counts it", "/result/0/rirekibango", str(wanted), str(rireki))
    return Breach(KUBUN, "model.jutogai_history_number", "the 履歴番号 should count the registrations of the 宛名番号",
                  "/result/0/rirekibango", str(wanted), _plain(rireki))


def note_refused(registry: Registry, expect: Refused, body: Mapping[str, Any]) -> None:
    """A request the model refused, by the number it names (its registrations must not grow by it)."""
    number = body.get("atenabango")
    if isinstance(number, str) and number in registry.counts:
        registry.refused.setdefault(number, []).append(expect.requirement)


def _new_number(registry: Registry, number: str, rireki: object, residents: Collection[str]) -> list[Breach]:
    """A number of a 付番依頼: never one the API issued before (for another 住登外者: one the model saw, or one whose
    履歴番号 says it was registered before, for another client of the vendor), nor a resident's, with its M11W2-7
    check digit; each breach under both requirements that say 一意に識別する番号."""
    where = "/result/0/atenabango"
    earlier = isinstance(rireki, int) and not isinstance(rireki, bool) and rireki > 1
    if number in registry.counts or earlier:
        return [Breach(requirement, "model.jutogai_number_reused", "a 付番依頼 should get a number not issued before",
                       where, "a number not issued before", "a number issued before")
                for requirement in (UNIQUE, UNIQUE_ITEM)]
    if number in residents:
        return [Breach(requirement, "model.jutogai_resident_number", "a 付番依頼 should get no resident's 宛名番号",
                       where, "a number no resident has", "a resident's 宛名番号")
                for requirement in (UNIQUE, UNIQUE_ITEM)]
    if not (number.isascii() and number.isdigit() and is_valid_m11w2_7(number)):
        return [Breach(requirement, "model.jutogai_check_digit", "the number should end in its M11W2-7 check digit",
                       where, "digits ending in their M11W2-7 check digit", "another number")
                for requirement in (UNIQUE, UNIQUE_ITEM)]
    return []


def adopt(registry: Registry, number: str) -> None:
    """A registration the model took: the number counts one more."""
    registry.counts[number] = registry.counts.get(number, 0) + 1
    registry.refused.pop(number, None)


def _result(document: Any) -> dict[str, Any] | None:
    result = document.get("result") if isinstance(document, dict) else None
    if isinstance(result, list) and len(result) == 1 and isinstance(result[0], dict):
        return result[0]
    return None


def _plain(value: object) -> str:
    """A 履歴番号 as answered: a number is shown, anything else named by its kind."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "not a number"


@dataclass(frozen=True)
class Login:
    """A login the model made at the token endpoint: the client id it named and whether it must succeed."""

    client_id: str
    succeeds: bool


def judge_auth_log(logins: list[Login], new: list[Mapping[str, Any]], location: str) -> list[Breach]:
    """住民記録 10.2's 認証ログ after the example's logins: an entry per login of the client id (R007), each whose
    結果 says whether it succeeded, 成功 and 失敗 counted as made (R008). Other logins of the same id meanwhile (the
    harness's own renewals) may add entries: counts are at least."""
    breaches: list[Breach] = []
    if len(new) < len(logins):
        breaches.append(Breach(AUTH_LOG, "model.auth_log_missing", "the 認証ログ should have an entry per login",
                               location, str(len(logins)), str(len(new))))
    for result, succeeds in (("成功", True), ("失敗", False)):
        made = sum(1 for login in logins if login.succeeds is succeeds)
        logged = sum(1 for entry in new if entry.get("結果") == result)
        if logged < made:
            breaches.append(Breach(AUTH_LOG_FIELDS, "model.auth_log_result", f"the 認証ログ should count the logins "
                                   f"that were {result}", f"{location}#{result}", str(made), str(logged)))
    return breaches
