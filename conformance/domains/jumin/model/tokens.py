"""The fixed example ``tokens``: 共通機能's 住登外者宛名番号付番 API driven in sessions of its own (access tokens the
harness gets at the profile's token endpoint), each request a transition of the model
(``conformance.domains.jumin.oracles.model.tokens``), and 住民記録 10.2's 認証ログ of its logins.

The harness cannot move the vendor's clock (no driver operation or profile field sets it, and a token's expiry runs
on the vendor's own clock), so an expired token is no transition of the model: waiting out a lifetime (the reference's
is 300 s) is not done. Readings: interpretation ``kyotsu-2.1-interp-registry-model``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from conformance import clock
from conformance.domains.jumin.model.machine import JuminModelMachine, machine_for
from conformance.domains.jumin.model.steps import STEP, Session
from conformance.domains.jumin.oracles.model import tokens as t
from conformance.domains.jumin.scenarios.auth_log import AUTH, _new

#: A registration of a made-up 住登外者 (the API仕様書's 記述例 where valid; no one of the test town).
BODY: Mapping[str, Any] = {
    "shikuchosonkodo": "131016", "shimei": "見本　住登外", "uji_nihonjin": "見本", "na_nihonjin": "住登外",
    "shimei_furigana": "ミホン　ジュウトウガイ", "seibetsu": "2", "seinengappi": "1970-10-10",
    "seinengappi_fushofuragu": "0", "jusho_shikuchosonkodo": "131016", "jusho_choazakodo": "0011001",
    "jusho_todofuken": "東京都", "jusho_shikugunchosonmei": "千代田区", "jusho_choaza": "霞が関二丁目",
    "gyomuid": "000", "dokujishisakushisutemutoid": "000", "nayosemotofuragu": "0",
    "tagyomusanshofukafuragu": "0", "sosashaid": "CONFORMMDL", "sosajikoku": "10:00:00",
}


def tokens(session: Session, *, refused: bool = False) -> None:
    """The API in sessions of its own, each request judged against the model's registry (``refused``: with the
    logins that must give no token the API takes, a wrong secret and another grant; a run judges them where 共通機能's
    requirements are reported, ``check.run_tokens``, so that a run adds as few failed logins as it can to the two of
    ``jumin.logs.auth``: a vendor may lock a client id after some):

    1. session A (the client's Client Credentials Grant): a 付番依頼 (処理区分 0): a new number, 履歴番号 1;
    2. session B (a second login of the client): a 付番依頼: a number A's was not (one registry, not one a token);
       then 処理区分 1 with A's number: 履歴番号 2 (the registrations of the number, whoever sent them);
    3. no token, an unknown token, the token a login with a wrong secret gave (if any), the token a login by
       another grant (``password``) gave (if any): each refused 401 with the API仕様書's body (O003);
    4. session A again, 処理区分 2 with A's number: 履歴番号 3, so none of the refused requests registered;
    5. 処理区分 1 and 2 with a resident's 宛名番号 (when the run knows one): refused (400: no 既存住登外者宛名番号);
    6. the 認証ログ of 住民記録 10.2 (``logs.auth`` by the client id, when the adapter answers it): an entry per login
       made since it was first read, 成功 and 失敗 as made (R007, R008).

    Nothing is done without a token endpoint and the API; a breach raises ``ModelBreach`` (recorded)."""
    api = session.jutogai
    if api is None:
        return
    machine = machine_for(session)()
    first = api.client.grant("client")
    if first is None or first.token is None:
        return  # no token endpoint, or none the client can use: nothing of the model to drive
    machine.steps.append(f"1. token endpoint: session A (client credentials) → {first.status}")
    registry = t.Registry({first.token: True})
    logged = "logs.auth" in session.optional
    before = _auth_log(machine, first.client_id) if logged else None
    logins: list[t.Login] = []
    residents = api.residents | {atena for _, world in session.finished for atena in world.persons}

    def login(kind: str, shown: str) -> str | None:
        grant = api.client.grant(kind)
        machine.steps.append(f"{len(machine.steps) + 1}. token endpoint: {shown} → {grant.status if grant else '-'}")
        if grant is None:
            return None
        if kind != "wrong_grant":  # a login by another grant may be refused before the client is read: not counted
            logins.append(t.Login(grant.client_id, kind == "client"))
        if grant.token is not None:
            registry.tokens[grant.token] = kind == "client"
        return grant.token

    def call(token: str | None, changes: Mapping[str, Any], shown: str) -> str | None:
        body = {**BODY, "sosanengappi": clock.today().isoformat(), **changes}
        expect = t.expected(registry, token, body)
        status, document = api.post(token, body)
        machine.steps.append(f"{len(machine.steps) + 1}. 付番API {shown} → {status}")
        if isinstance(expect, t.Refused):
            session.exercised.add(expect.requirement)
            machine._check(t.judge_refused(expect, status, document), STEP)
            t.note_refused(registry, expect, body)
            return None
        breaches, number = t.judge_registered(registry, expect, status, document, residents)
        session.exercised |= {t.REGISTERED, t.KUBUN} | ({t.UNIQUE, t.UNIQUE_ITEM} if expect.number is None else set())
        machine._check(breaches, STEP)
        if number is not None:
            t.adopt(registry, number)
        return number

    number = call(first.token, {"shorikubun": "0"}, "session A: 処理区分 0")
    second = login("client", "session B (client credentials)")
    if number is None or second is None:
        machine.teardown()
        return
    call(second, {"shorikubun": "0"}, "session B: 処理区分 0")
    call(second, {"shorikubun": "1", "atenabango": number}, "session B: 処理区分 1, session A's number")
    wrong_secret = login("wrong_secret", "a wrong client secret") if refused else None
    wrong_grant = login("wrong_grant", "grant_type=password") if refused else None
    denied: list[tuple[str | None, str]] = [(None, "no token"), (_unknown(), "a token never given")]
    denied += [(token, why) for token, why in ((wrong_secret, "the wrong secret's token"),
                                              (wrong_grant, "the other grant's token")) if token is not None]
    for index, (token, why) in enumerate(denied):
        call(token, {"shorikubun": "1" if index % 2 == 0 else "2", "atenabango": number}, f"{why}: 処理区分 1/2")
    call(first.token, {"shorikubun": "2", "atenabango": number}, "session A: 処理区分 2, its number")
    resident = next(iter(sorted(residents)), None)
    if resident is not None:
        for kubun in ("1", "2"):
            call(first.token, {"shorikubun": kubun, "atenabango": resident},
                 f"session A: 処理区分 {kubun}, a resident's")
    if before is not None:
        after = _auth_log(machine, first.client_id)
        new = [entry for entry in _new(before, after or []) if str(entry.get("利用者ID", "")) == first.client_id]
        session.exercised |= {t.AUTH_LOG, t.AUTH_LOG_FIELDS}
        machine._check(t.judge_auth_log(logins, new, "driver:/logs/auth"), STEP)
    machine.teardown()


def _auth_log(machine: JuminModelMachine, client_id: str) -> list[Mapping[str, Any]] | None:
    """The 認証ログ's entries of the client id (None: not answered as the protocol's list)."""
    status, document = machine.session.paths.driver.call(AUTH, {"利用者ID": client_id})
    machine.steps.append(f"{len(machine.steps) + 1}. logs.auth(the client id) → {status}")
    entries = document.get("entries") if status == 200 and isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return None
    return entries


def _unknown() -> str:
    """A token no token endpoint gave (random: never one the vendor could have given)."""
    return "conformance-model-" + os.urandom(16).hex()

