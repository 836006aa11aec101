"""住民記録 1.0 10.3 操作権限管理: users registered with their 操作権限 and 利用期間 log in, and what each may do
follows what was registered; repeated failed logins lock the ID; a person being edited by one user can only
be read by another.

``jumin.users.permissions`` registers users of its own (``users.create``, our interface, docs/driver.md; an
ID and a password generated for the check, the password redacted from every report), logs them in
(``users.login``) and calls the driver as each of them (the session in the header ``X-Driver-Session``).
Params ``rule`` (interpretation ``jumin-1.0-interp-operation-authority``):

- ``items`` (R001 ID及びパスワード、利用者名称、所属部署名称、操作権限…、利用範囲及び期間が管理できること): a user's
  items read back (``users.get``) as registered, the user logs in with its password, and users whose
  利用期間 ended or has not begun can do nothing: their login is refused, or their session's 照会 is;
- ``authority`` (R002 利用者とパスワードを登録し利用権限レベルが設定できること): a user with the 処理 照会 only
  reads a person and is refused a 異動入力 of them, a user with 照会 and 異動入力 is not;
- ``administrator`` (R005 アクセス権限の設定はシステム管理者により設定できること): a 管理者's session registers a
  user, a 利用者's session (with 照会 and 異動入力) is refused and the user it asked for cannot log in;
- ``lockout`` (R016 複数回のアクセスの失敗に対して、強制的に終了させることができること): after at most
  :data:`MAX_FAILURES` logins with a wrong password, the right password is refused too;
- ``password`` (R003 パスワードは利用者による変更、システム管理者による初期化ができること): a user changes its own
  password (``users.password`` with the current one), after which the new password logs in and the old one does
  not; a 管理者's session then sets it without the current one (初期化), after which only that one logs in;
  another 利用者's session setting it is refused with the protocol's E030 (driver.yaml: a 利用者 sets no other
  user's password, our reading of 利用者による変更) and the password it tried does not log in.
  シングル・サイン・オン stays with the manual procedure;
- ``session_period`` (R001 over time: the 利用期間 bounds a session already open, not only the login): a user whose
  利用期間 ends today and one whose ends tomorrow log in and do a 照会; the driver's ``clock.advance`` (対象 users,
  optional, docs/driver.md 時間の経過) moves each one's day a day forward; the first one's open session must then
  be refused (401 or 403, the protocol's E031 利用期間外), the second one's, on its last day, still answered (a
  blind bug of issue 67 judged the 利用期間 at the login only). Without the operation: NOT_AUTOMATED naming it;
- ``exclusive`` (R008 …閲覧以外の作業ができないよう、排他制御ができること): while one user has a person open
  for 入力・異動作業 (``edits.begin``), another user's 照会 of them is answered and their 異動入力 is refused.

A profile whose adapter lacks an operation needed (or whose HTTP client cannot send a header of its own) is
NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import requests

from conformance import clock, secrets
from conformance.checks.registry import CheckContext, NotAutomated, check
from conformance.domains.jumin.params import UserPermissionsParams
from conformance.domains.jumin.scenarios.access_log import MOVE, QUERY, SETUP, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.scenarios.engine import enveloped
from conformance.targets.base import Target
from conformance.targets.http import fill_template

CREATE, GET, LOGIN, PASSWORD = "users.create", "users.get", "users.login", "users.password"
#: The driver's optional clock (docs/driver.md 時間の経過): 対象 users moves the day one user's 利用期間 is judged on.
ADVANCE, A_DAY = "clock.advance", 86400
#: The protocol's refusal of a 利用者 setting another user's password (driver.yaml users.password: E030).
OTHER_USER = "E030"
BEGIN, END = "edits.begin", "edits.end"
#: The header a request carries the session of ``users.login`` in (driver.yaml).
SESSION_HEADER = "X-Driver-Session"
#: Wrong passwords tried before the right one must be refused (10.3 R016: 複数回; our bound, interpretation).
MAX_FAILURES = 10
#: The 処理 of an 操作権限 (driver.yaml users.create).
INQUIRY, CHANGE = "照会", "異動入力"
#: The operations each rule needs.
NEEDS: Mapping[str, tuple[str, ...]] = {
    "items": (CREATE, GET, LOGIN, SETUP, QUERY),
    "authority": (CREATE, LOGIN, SETUP, QUERY, MOVE),
    "administrator": (CREATE, LOGIN),
    "lockout": (CREATE, LOGIN),
    "password": (CREATE, LOGIN, PASSWORD),
    "exclusive": (CREATE, LOGIN, SETUP, QUERY, MOVE, BEGIN, END),
    "session_period": (CREATE, LOGIN, SETUP, QUERY, ADVANCE),
}

Answer = tuple[int, Any]


@dataclass
class Users:
    """The driver as the adapter's own operator (``client``) and as a user's session (``send``)."""

    client: DriverClient
    send: Callable[[requests.Request], Any]
    url: Callable[[str], str]
    base: str

    def call(self, operation: str, params: Mapping[str, Any], session: str | None = None) -> Answer:
        """One operation, as the session's user when one is given."""
        if session is None:
            return self.client.call(operation, params)
        response = self._send(operation, params, {SESSION_HEADER: session})
        try:
            document = json.loads(response.body)
        except ValueError:
            return response.status, None
        return response.status, enveloped(operation, response.status, document)

    def _send(self, operation: str, params: Mapping[str, Any], headers: Mapping[str, str]) -> Any:
        spec = self.client.operations[operation]
        names = [name for name in params if "{" + name + "}" in spec.path]
        path = fill_template(spec.path, {name: params[name] for name in names})
        rest = {name: value for name, value in params.items() if name not in names}
        url = self.url(self.base.rstrip("/") + path)
        if spec.method == "get":
            request = requests.Request("GET", url, headers=dict(headers), params={k: str(v) for k, v in rest.items()})
        else:
            request = requests.Request("POST", url, headers=dict(headers), json=rest)
        return self.send(request)

    def create(self, items: Mapping[str, Any], session: str | None = None) -> tuple[str, str, Answer]:
        """A user of the check's own (a generated ID and password, redacted): (ID, password, the answer)."""
        user_id = "cf" + os.urandom(5).hex()
        password = "Pw-" + os.urandom(12).hex()
        secrets.register(password)
        answer = self.call(CREATE, {"利用者ID": user_id, "パスワード": password, "利用者名称": "見本 職員",
                                    "所属部署名称": "市民課", **items}, session)
        return user_id, password, answer

    def created(self, items: Mapping[str, Any]) -> tuple[str, str]:
        """A user the adapter's operator registers; it must be accepted (test set-up)."""
        user_id, password, (status, _) = self.create(items)
        if status != 200:
            raise TargetError(f"driver {CREATE}: expected 200 for a user of the check, got {status}")
        return user_id, password

    def login(self, user_id: str, password: str) -> str | None:
        """The session of a login (the answer's header ``X-Driver-Session``), None when it is refused."""
        return self.login_answer(user_id, password)[2]

    def login_answer(self, user_id: str, password: str) -> tuple[int, Any, str | None]:
        """A login's status, its JSON body (None if it has none) and its session (None when it is refused)."""
        response = self._send(LOGIN, {"利用者ID": user_id, "パスワード": password}, {})
        try:
            document = json.loads(response.body)
        except ValueError:
            document = None
        found = {str(name).lower(): value for name, value in response.headers.items()}
        session = found.get(SESSION_HEADER.lower()) if response.status == 200 else None
        if not isinstance(session, str) or not session:
            return response.status, document, None
        secrets.register(session)
        return response.status, document, session

    def session(self, user_id: str, password: str) -> str:
        """The session of a user of the check who must be able to log in (test set-up of a rule)."""
        session = self.login(user_id, password)
        if session is None:
            raise TargetError(f"driver {LOGIN}: a user of the check, in its 利用期間, could not log in")
        return session


@check("jumin.users.permissions")
def permissions(ctx: CheckContext) -> Iterator[Finding]:
    """10.3 操作権限管理: users of the check's own, logged in, do what their 操作権限 and 利用期間 allow."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(UserPermissionsParams).rule
    users = _users(target, NEEDS.get(rule, NEEDS["items"]))
    yield from RULES[rule](ctx, users)


def _items(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R001: the items kept as registered, the password logs in, the 利用期間 bounds what the user does."""
    today = clock.today()
    registered = {"区分": "利用者", "操作権限": [INQUIRY], "利用範囲": "住民記録システム（本庁舎の端末）",
                  "利用期間_開始": _shift(today, -365), "利用期間_終了": _shift(today, 365)}
    user_id, password = users.created(registered)
    location = f"GET {users.base}/users/{{利用者ID}}"
    status, document = users.call(GET, {"利用者ID": user_id})
    shown = document.get("利用者") if status == 200 and isinstance(document, dict) else None
    expected = {"利用者ID": user_id, "利用者名称": "見本 職員", "所属部署名称": "市民課", **registered}
    for name, value in expected.items():
        held = shown.get(name) if isinstance(shown, dict) else None
        same = sorted(map(str, held)) == sorted(value) if isinstance(value, list) and isinstance(held, list) \
            else held == value
        if not same:
            yield ctx.finding("users.item_differs", f"the user's {name} is not kept as registered (10.3 R001)",
                              location=f"{location}#{name}", expected="as registered",
                              actual="absent" if held in (None, "", []) else "another value")
    atena = register(users.client)
    session = users.login(user_id, password)
    if session is None or users.call(QUERY, {"宛名番号": atena}, session)[0] != 200:
        yield ctx.finding("users.login_refused", "a user in its 利用期間 could not log in with its password and "
                          "do the 照会 of its 操作権限 (10.3 R001)", location=f"POST {users.base}/users/login",
                          expected="accepted", actual="refused")
    for name, period in (("利用期間_終了", (_shift(today, -730), _shift(today, -365))),
                         ("利用期間_開始", (_shift(today, 365), _shift(today, 730)))):
        outside_id, outside_password = users.created({**registered, "利用期間_開始": period[0],
                                                      "利用期間_終了": period[1]})
        outside = users.login(outside_id, outside_password)
        if outside is not None and users.call(QUERY, {"宛名番号": atena}, outside)[0] == 200:
            yield ctx.finding("users.period_ignored", f"a user outside its 利用期間 ({name}) logged in and did a 照会 "
                              "(10.3 R001)", location=f"POST {users.base}/users/login#{name}", expected="refused",
                              actual="accepted")


def _session_period(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R001 over time: sessions opened on the last day of a 利用期間 and on the day before it, each user's day then
    moved a day forward: the first session refused, the second (now on its last day) still answered. A run that
    crosses midnight meanwhile (the users' 利用期間 then a day off) is done again on the new day."""
    atena = register(users.client)
    for _ in range(2):
        today = clock.today()
        findings = list(_sessions_past_the_end(ctx, users, atena, today))
        if clock.today() == today:
            yield from findings
            return
    raise TargetError("10.3 利用期間: the check crossed two midnights in a row")


def _sessions_past_the_end(ctx: CheckContext, users: Users, atena: str, today: dt.date) -> Iterator[Finding]:
    login, query = f"POST {users.base}/users/login", f"GET {users.base}/persons/{{宛名番号}}"
    sessions: dict[int, tuple[str, str]] = {}
    for last in (0, 1):
        user_id, password = users.created({"区分": "利用者", "操作権限": [INQUIRY], "利用期間_開始": _shift(today, -30),
                                           "利用期間_終了": _shift(today, last)})
        session = users.login(user_id, password)
        if session is None or users.call(QUERY, {"宛名番号": atena}, session)[0] != 200:
            when = "today" if last == 0 else "tomorrow"
            yield ctx.finding("users.login_refused", f"a user whose 利用期間_終了 is {when} could not log in"
                              " and do the 照会 of its 操作権限 (10.3 R001)",
                              location=f"{login}#利用期間_終了", expected="accepted", actual="refused")
            return
        sessions[last] = (user_id, session)
    for user_id, _ in sessions.values():
        status, _ = users.call(ADVANCE, {"対象": "users", "利用者ID": user_id, "秒": A_DAY})
        if status != 200:
            raise TargetError(f"driver {ADVANCE} (対象 users): expected 200, got {status}")
    status, _ = users.call(QUERY, {"宛名番号": atena}, sessions[0][1])
    if status not in (401, 403):
        yield ctx.finding("users.session_outlives_period", "a session opened on the last day of the user's 利用期間 "
                          "still did a 照会 once its day was moved past the 利用期間_終了 (10.3 R001: the 利用期間 "
                          "bounds what the user does, not its login only)", location=f"{query}#利用期間_終了",
                          expected="refused (401 or 403, E031)", actual=str(status))
    if users.call(QUERY, {"宛名番号": atena}, sessions[1][1])[0] != 200:
        yield ctx.finding("users.session_refused_in_period", "a session was refused a 照会 on the last day of its "
                          "user's 利用期間, after its day was moved one day forward (10.3 R001: the last day is in "
                          "the 利用期間)", location=f"{query}#利用期間", expected="accepted", actual="refused")


def _authority(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R002: the 照会-only user reads and is refused a 転居; the user with 異動入力 too is not refused."""
    atena = register(users.client)
    reader = users.session(*users.created({"操作権限": [INQUIRY]}))
    writer = users.session(*users.created({"操作権限": [INQUIRY, CHANGE]}))
    location = f"POST {users.base}/moves/within"
    if users.call(QUERY, {"宛名番号": atena}, reader)[0] != 200:
        yield ctx.finding("users.authority_refused", "a user with the 操作権限 照会 was refused a 照会 (10.3 R002)",
                          location=f"GET {users.base}/persons/{{宛名番号}}#{INQUIRY}", expected="accepted",
                          actual="refused")
    status, _ = users.call(MOVE, _move(atena), reader)
    if status == 200:
        yield ctx.finding("users.authority_ignored", "a user without the 操作権限 異動入力 did a 転居 (10.3 R002)",
                          location=f"{location}#{INQUIRY}", expected="refused", actual="accepted")
    status, _ = users.call(MOVE, _move(atena), writer)
    if status != 200:
        yield ctx.finding("users.authority_refused", "a user with the 操作権限 異動入力 was refused a 転居 "
                          "(10.3 R002)", location=f"{location}#{CHANGE}", expected="accepted", actual=str(status))


def _administrator(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R005: a 管理者's session registers a user; a 利用者's is refused, and its user does not exist."""
    administrator = users.session(*users.created({"区分": "管理者", "操作権限": []}))
    clerk = users.session(*users.created({"操作権限": [INQUIRY, CHANGE]}))
    location = f"POST {users.base}/users"
    made_id, made_password, (status, _) = users.create({"操作権限": [INQUIRY]}, administrator)
    if status != 200 or users.login(made_id, made_password) is None:
        yield ctx.finding("users.admin_refused", "a 管理者 could not register a user with its 操作権限 (10.3 R005)",
                          location=f"{location}#管理者", expected="accepted", actual="refused")
    asked_id, asked_password, (status, _) = users.create({"操作権限": [INQUIRY, CHANGE]}, clerk)
    if status == 200 or users.login(asked_id, asked_password) is not None:
        yield ctx.finding("users.authority_ignored", "a 利用者 without the 操作権限設定 registered a user (10.3 R005)",
                          location=f"{location}#利用者", expected="refused", actual="accepted")


def _lockout(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R016: after at most MAX_FAILURES wrong passwords, the right one is refused as well."""
    user_id, password = users.created({"操作権限": [INQUIRY]})
    users.session(user_id, password)
    for _ in range(MAX_FAILURES):
        wrong = "Wrong-" + os.urandom(8).hex()
        secrets.register(wrong)
        if users.login(user_id, wrong) is not None:
            raise TargetError(f"driver {LOGIN}: a wrong password was accepted")
    if users.login(user_id, password) is not None:
        yield ctx.finding("users.not_locked", f"after {MAX_FAILURES} failed logins the ID still logs in (10.3 R016)",
                          location=f"POST {users.base}/users/login#利用者ID", expected="refused", actual="accepted")


def _password(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R003: the user's own change, then a 管理者's 初期化; each time only the password just set logs in. Another
    利用者 setting it is refused (E030) and changes nothing."""
    user_id, first = users.created({"操作権限": [INQUIRY]})
    own = users.session(user_id, first)
    administrator = users.session(*users.created({"区分": "管理者", "操作権限": []}))
    location = f"POST {users.base}/users/password"
    second, third, tried = (_secret() for _ in range(3))
    status, _ = users.call(PASSWORD, {"利用者ID": user_id, "現パスワード": first, "新パスワード": second}, own)
    if status != 200 or users.login(user_id, second) is None or users.login(user_id, first) is not None:
        yield ctx.finding("users.password_not_changed", "after the user changed its password, the new one did not "
                          "log in or the old one still did (10.3 R003 利用者による変更)", location=f"{location}#変更",
                          expected="the new password only", actual=f"status {status}")
    status, _ = users.call(PASSWORD, {"利用者ID": user_id, "新パスワード": third}, administrator)
    if status != 200 or users.login(user_id, third) is None or users.login(user_id, second) is not None:
        yield ctx.finding("users.password_not_reset", "after a 管理者 set the user's password without the current "
                          "one, it did not log in or the former one still did (10.3 R003 システム管理者による初期化)",
                          location=f"{location}#初期化", expected="the password set by the 管理者 only",
                          actual=f"status {status}")
    yield from _other_users_password(ctx, users, user_id, tried, location)


def _other_users_password(ctx: CheckContext, users: Users, user_id: str, tried: str,
                          location: str) -> Iterator[Finding]:
    """A 利用者 (with 照会 and 異動入力, no 区分 管理者) sets ``user_id``'s password without the current one: the
    protocol's refusal E030 (driver.yaml users.password), and ``tried`` does not log in."""
    clerk = users.session(*users.created({"操作権限": [INQUIRY, CHANGE]}))
    status, document = users.call(PASSWORD, {"利用者ID": user_id, "新パスワード": tried}, clerk)
    code = document.get("code") if isinstance(document, dict) and document.get("result") == "error" else None
    logs_in = users.login(user_id, tried) is not None
    if status not in (401, 403) or code != OTHER_USER or logs_in:
        yield ctx.finding("users.password_set_by_other", "another 利用者 set the user's password, or was refused it "
                          f"without the error {OTHER_USER} (10.3 R003: 利用者による変更 is the user's own; "
                          "システム管理者による初期化)", location=f"{location}#利用者",
                          expected=f"403 {OTHER_USER}, the password unchanged",
                          actual=f"{status} {code or ''}".strip() + (", the password changed" if logs_in else ""))


def _secret() -> str:
    value = "Pw-" + os.urandom(12).hex()
    secrets.register(value)
    return value


def _exclusive(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R008: while user A has the person open, user B reads them and is refused a 転居."""
    atena = register(users.client)
    editor = users.session(*users.created({"操作権限": [INQUIRY, CHANGE]}))
    other = users.session(*users.created({"操作権限": [INQUIRY, CHANGE]}))
    status, _ = users.call(BEGIN, {"宛名番号": atena}, editor)
    if status != 200:
        raise TargetError(f"driver {BEGIN}: expected 200 for a person nobody edits, got {status}")
    if users.call(QUERY, {"宛名番号": atena}, other)[0] != 200:
        yield ctx.finding("users.read_refused", "another user could not read a person being edited (10.3 R008: "
                          "閲覧以外の作業ができない)", location=f"GET {users.base}/persons/{{宛名番号}}",
                          expected="accepted", actual="refused")
    if users.call(MOVE, _move(atena), other)[0] == 200:
        yield ctx.finding("users.exclusive_ignored", "another user did a 転居 of a person being edited (10.3 R008)",
                          location=f"POST {users.base}/moves/within", expected="refused", actual="accepted")
    users.call(END, {"宛名番号": atena}, editor)


RULES: Mapping[str, Callable[[CheckContext, Users], Iterator[Finding]]] = {
    "items": _items, "authority": _authority, "administrator": _administrator, "lockout": _lockout,
    "exclusive": _exclusive, "password": _password, "session_period": _session_period,
}


def _move(atena: str) -> dict[str, Any]:
    day = clock.today().isoformat()
    return {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": day, "届出年月日": day}


def _shift(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _users(target: Target, needed: tuple[str, ...]) -> Users:
    client = needed_client(target, "10.3 操作権限管理", needed)
    http = target.need_http()
    send, url = getattr(http, "send", None), getattr(http, "catalog_url", None)
    if not callable(send) or not callable(url):
        raise NotAutomated("10.3 操作権限管理: the HTTP client cannot send a request with the session's header")
    return Users(client, send, url, client.base_path)
