"""The reference's 操作権限管理 (住民記録 1.0 10.3): the system's 利用者 and 管理者, their login and what each
may do, and the 排他制御 of a person being edited.

Ours (docs/driver.md, driver.yaml ``users.*`` and ``edits.*``, ``confirmed: false``): a user is registered by a
session of a 管理者 (or by the adapter's own operator: a request without a session) with its ID and password,
利用者名称, 所属部署名称, 区分 (利用者 | 管理者), 操作権限 (the named 処理 of :data:`PROCESSES`), 利用範囲 and
利用期間. ``users.login`` with the ID and password opens a session; a driver request that carries the session
in the :data:`SESSION_HEADER` header acts as that user and is refused (403) when its 処理 is outside the
user's 操作権限 (E030) or the day is outside the 利用期間 (E031). A login outside the 利用期間 is refused as
well, and :data:`LOCK_AFTER` failed logins in a row lock the ID (E033) until a 管理者 resets its password.

``users.password`` changes a password: a user's own session changes its password with the current one (10.3 R003
利用者による変更), a 管理者's session (or the adapter's operator) sets another user's without it (システム管理者による
初期化), which also lifts the lock.

``edits.begin`` holds a person for the session's 入力・異動作業 (10.3 R008): until ``edits.end``, a change
of that person by any other session (or the adapter's own operator) is refused (E034), its reads are not.

Named defects (defects.py): ``users_authority_ignored``, ``users_period_ignored``, ``users_no_lockout``,
``users_department_dropped``, ``users_exclusive_ignored``, ``users_password_change_lost``,
``users_reset_needs_current`` and ``users_password_set_by_other`` (R003), ``users_period_login_only`` (R001: the
利用期間 judged at the login only, an open session working past its 利用期間_終了).

``clock.advance`` with 対象 users (docs/driver.md, 時間の経過) moves the day one user's 利用期間 is judged on, so the
harness sees an open session on the day after the 利用期間_終了 without waiting for it.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from conformance import clock

Answer = tuple[int, dict[str, Any]]
#: The header a driver request carries its session in (the value ``users.login`` answered).
SESSION_HEADER = "X-Driver-Session"
#: The key of a login's answer the app moves into that header of the reply (reference/app.py): a session in
#: a JSON body would be recorded before the harness can know it is a secret; a header so named is redacted.
SESSION_ANSWER = "_session"
#: Failed logins in a row after which the ID is locked (10.3 R016: 複数回のアクセスの失敗).
LOCK_AFTER = 5
#: The 区分 of a user (10.3 R001: システムの利用者及び管理者).
USER, ADMINISTRATOR = "利用者", "管理者"
#: The named 処理 an 操作権限 lists, and the driver handlers (reference/driver.py) each covers. A handler in
#: none of them (test set-up, the other 業務's operations) is a 管理者's only.
PROCESSES: Mapping[str, frozenset[str]] = {
    "異動入力": frozenset({
        "move_in", "move_out", "confirm_out", "move_within", "birth", "death", "disappearance", "split", "merge",
        "head", "correct", "remove", "cancel", "nationality", "tsusho", "tsusho_delete", "kyushi", "moj_notice",
        "pending_commit", "pending_cancel", "pending_correct", "edits_begin", "edits_end"}),
    "照会": frozenset({"get_person", "get_history", "get_display", "get_household", "search", "search_basic",
                     "search_kanji", "pending_list"}),
    # 10.3 R010-R013: the eight functions whose 操作権限 are controlled each on its own.
    "EUC機能": frozenset({"euc_items", "euc_extract"}),
    "アクセスログ管理": frozenset({"get_operation_log", "get_print_log", "get_auth_log", "get_error_log",
                             "get_setting_log", "get_log_analysis", "get_issuances"}),
    "操作権限管理": frozenset({"users_create", "users_get", "users_list", "users_bulk", "users_schedule",
                          "users_organisation"}),
    "操作権限設定": frozenset({"users_display"}),
    "支援対象者照会": frozenset({"get_support"}),
    "支援対象者管理": frozenset({"support_register", "support_update"}),
    "バッチ処理": frozenset({"batch_run", "batch_result", "batch_parameters", "batch_edit", "batch_schedule"}),
    "住民票コード付番": frozenset({"codes_stock", "codes_threshold"}),
}
#: Handlers every session may call whatever its 操作権限 (its own login and password).
_OPEN = frozenset({"users_login", "users_password"})
#: The items of a user as ``users.get`` shows them (never the password).
ITEMS = ("利用者ID", "利用者名称", "所属部署名称", "区分", "操作権限", "利用範囲", "利用期間_開始", "利用期間_終了",
         "非表示項目")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def refused(status: int, code: str, message: str, item: str = "") -> Answer:
    return status, {"result": "error", "code": code, "item": item, "message": message}


@dataclass
class User:
    """One registered user; ``failures``: failed logins since the last success."""

    items: dict[str, Any]
    password: str
    failures: int = 0

    @property
    def locked(self) -> bool:
        return self.failures >= LOCK_AFTER

    def permits(self, handler: str, granted: Sequence[str] = (), defects: frozenset[str] = frozenset()) -> bool:
        """Whether the user may run ``handler``: its own 操作権限 and those ``granted`` to its 組織 (10.3 R004)."""
        if self.items["区分"] == ADMINISTRATOR or handler in _OPEN:
            return True
        own = list(self.items["操作権限"])
        if granted and "users_org_keyed_only" in defects:
            own = []  # A defect: once the 組織 has a grant, the check reads the 組織's only.
        processes = merged(own + list(granted), defects)
        return any(handler in PROCESSES.get(process, frozenset()) for process in processes)

    def in_period(self, day: date) -> bool:
        start, end = self.items.get("利用期間_開始") or "", self.items.get("利用期間_終了") or ""
        return (not start or start <= day.isoformat()) and (not end or day.isoformat() <= end)


@dataclass
class UserRegistry:
    """The users, their sessions and the persons held for editing, of one reference vendor."""

    defects: frozenset[str] = frozenset()
    today: Callable[[], date] = clock.today
    users: dict[str, User] = field(default_factory=dict)
    #: session -> 利用者ID
    sessions: dict[str, str] = field(default_factory=dict)
    #: 宛名番号 -> the session (or "" for the adapter's operator) editing them.
    editing: dict[str, str] = field(default_factory=dict)
    #: 所属部署名称 -> the 操作権限 granted to every user of that 組織 (10.3 R004 組織単位).
    organisations: dict[str, list[str]] = field(default_factory=dict)
    #: 利用者ID -> seconds the clock its 利用期間 is judged on was moved forward (``clock.advance`` 対象 users).
    moved: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the operations (driver.yaml users.*, edits.*) -----------------------------------------------

    def create(self, body: Mapping[str, Any]) -> Answer:
        """``users.create``: a user with its items and password (a 管理者's: the driver checked the session)."""
        user_id, password = str(body.get("利用者ID") or ""), str(body.get("パスワード") or "")
        if not user_id or not password:
            return refused(400, "BAD_REQUEST", "利用者ID and パスワード are required")
        if user_id in self.users:
            return refused(422, "E035", "この利用者IDは登録済みです。", "利用者ID")
        kind = str(body.get("区分") or USER)
        processes = body.get("操作権限") or []
        if kind not in (USER, ADMINISTRATOR) or not isinstance(processes, list):
            return refused(400, "BAD_REQUEST", "区分 is 利用者 or 管理者; 操作権限 a list of 処理")
        unknown = sorted(set(map(str, processes)) - set(PROCESSES))
        if unknown:
            return refused(400, "BAD_REQUEST", f"操作権限: unknown 処理 {', '.join(unknown)}")
        period = {name: str(body.get(name) or "") for name in ("利用期間_開始", "利用期間_終了")}
        if any(value and not _DATE.fullmatch(value) for value in period.values()):
            return refused(422, "E005", "暦上日でない年月日です。", "利用期間")
        items: dict[str, Any] = {
            "利用者ID": user_id, "利用者名称": str(body.get("利用者名称") or ""),
            "所属部署名称": "" if "users_department_dropped" in self.defects else str(body.get("所属部署名称") or ""),
            "区分": kind, "操作権限": sorted(set(map(str, processes))), "利用範囲": str(body.get("利用範囲") or ""),
            **period, "非表示項目": [],
        }
        with self._lock:
            self.users[user_id] = User(items, password)
        return 200, {"result": "ok", "利用者ID": user_id}

    def read(self, user_id: str) -> Answer:
        """``users.get``: the user's items, never the password."""
        user = self.users.get(user_id)
        if user is None:
            return refused(404, "NOT_FOUND", "no user with this 利用者ID")
        return 200, {"result": "ok", "利用者": dict(user.items)}

    def login(self, body: Mapping[str, Any]) -> Answer:
        """``users.login``: a session for the right password of a user who is not locked, in the 利用期間."""
        user = self.users.get(str(body.get("利用者ID") or ""))
        with self._lock:
            if user is None:
                return refused(401, "E032", "利用者ID又はパスワードが違います。")
            if user.locked and "users_no_lockout" not in self.defects:
                return refused(403, "E033", "ログインの失敗が複数回あったため、この利用者IDはロックされています。")
            if not secrets.compare_digest(str(body.get("パスワード") or ""), user.password):
                user.failures += 1
                return refused(401, "E032", "利用者ID又はパスワードが違います。")
            if not self._in_period(user):
                return refused(403, "E031", "利用期間外です。", "利用期間")
            user.failures = 0
            session = secrets.token_urlsafe(24)
            self.sessions[session] = user.items["利用者ID"]
        return 200, {"result": "ok", SESSION_ANSWER: session}

    def change_password(self, body: Mapping[str, Any], session: str | None) -> Answer:
        """``users.password``: the user's own change (with the current password) or a 管理者's 初期化 (10.3 R003)."""
        user = self.users.get(str(body.get("利用者ID") or ""))
        new = str(body.get("新パスワード") or "")
        if user is None or not new:
            return refused(400, "BAD_REQUEST", "利用者ID of a registered user and 新パスワード are required")
        acting = self.users.get(self.sessions.get(session, "")) if session is not None else None
        if session is not None and acting is None:
            return refused(401, "E032", "セッションが無効です。ログインしてください。")
        administrator = acting is None or acting.items["区分"] == ADMINISTRATOR
        own = acting is user
        if "users_reset_needs_current" in self.defects:  # every change asks for the current password
            own = True
        elif not own and not administrator and "users_password_set_by_other" not in self.defects:
            return refused(403, "E030", "この処理を行う権限がありません。", "利用者ID")
        with self._lock:
            if own and not secrets.compare_digest(str(body.get("現パスワード") or ""), user.password):
                return refused(401, "E032", "現在のパスワードが違います。", "現パスワード")
            if "users_password_change_lost" not in self.defects:
                user.password = new
            if not own:
                user.failures = 0  # the 初期化 lifts the lock (R016)
        return 200, {"result": "ok", "利用者ID": user.items["利用者ID"]}

    def begin_edit(self, body: Mapping[str, Any], session: str | None) -> Answer:
        """``edits.begin``: hold a person for this session's 入力・異動作業 (10.3 R008)."""
        atena = str(body.get("宛名番号") or "")
        if not atena:
            return refused(400, "BAD_REQUEST", "宛名番号 is required")
        with self._lock:
            holder = self.editing.get(atena)
            if holder is not None and holder != (session or ""):
                return refused(409, "E034", "他の職員が入力・異動作業中の住民です。", "宛名番号")
            self.editing[atena] = session or ""
        return 200, {"result": "ok", "宛名番号": atena}

    def end_edit(self, body: Mapping[str, Any], session: str | None) -> Answer:
        """``edits.end``: release a person this session holds."""
        atena = str(body.get("宛名番号") or "")
        with self._lock:
            if self.editing.get(atena) == (session or ""):
                del self.editing[atena]
        return 200, {"result": "ok"}

    def advance(self, user_id: str, seconds: int) -> Answer:
        """``clock.advance`` 対象 users: the day ``user_id``'s 利用期間 is judged on moves ``seconds`` forward (its
        open sessions included); the other users' days and every date the system records stay."""
        if user_id not in self.users:
            return refused(404, "NOT_FOUND", "no user with this 利用者ID", "利用者ID")
        with self._lock:
            self.moved[user_id] = self.moved.get(user_id, 0) + seconds
        return 200, {"result": "ok"}

    # -- what the driver asks before a handler runs ----------------------------------------------------

    def authorize(self, handler: str, session: str | None) -> Answer | None:
        """None when the request may run: no session (the adapter's own operator), or a session of a user
        whose 操作権限 covers the handler on a day in the 利用期間; else the refusal."""
        if session is None or handler == "users_login":
            return None
        user_id = self.sessions.get(session)
        user = self.users.get(user_id) if user_id is not None else None
        if user is None:
            return refused(401, "E032", "セッションが無効です。ログインしてください。")
        if not self._in_period(user) and "users_period_login_only" not in self.defects:
            return refused(403, "E031", "利用期間外です。", "利用期間")  # (the defect: judged at the login only)
        granted = self.organisations.get(user.items["所属部署名称"], [])
        if not user.permits(handler, granted, self.defects) and "users_authority_ignored" not in self.defects:
            return refused(403, "E030", "この処理を行う権限がありません。", "操作権限")
        return None

    def held(self, persons: set[str], session: str | None) -> Answer | None:
        """E034 when a change names a person another session is editing (10.3 R008: 閲覧以外の作業ができない)."""
        if "users_exclusive_ignored" in self.defects:
            return None
        with self._lock:
            others = sorted(atena for atena in persons
                            if atena in self.editing and self.editing[atena] != (session or ""))
        if not others:
            return None
        return refused(409, "E034", f"他の職員が入力・異動作業中の住民です。（{others[0]}）", "宛名番号")

    def _in_period(self, user: User) -> bool:
        today = self._day(user)
        end = str(user.items.get("利用期間_終了") or "")
        if "users_period_end_exclusive" in self.defects and end and today.isoformat() >= end:
            return False  # A defect: the 利用期間 read as ending before its 終了日 (the last day refused).
        return "users_period_ignored" in self.defects or user.in_period(today)


    def _day(self, user: User) -> date:
        """The day ``user``'s 利用期間 is judged on: today, or the day ``clock.advance`` moved it to."""
        moved = self.moved.get(str(user.items["利用者ID"]), 0)
        if not moved:
            return self.today()
        now = datetime.now(clock.JST)
        return self.today() + timedelta(days=((now + timedelta(seconds=moved)).date() - now.date()).days)


#: Processes a defect checks as one permission (the first named grants the others): 10.3 R013 asks each
#: function's 操作権限 be controlled on its own.
_SHARED: Mapping[str, tuple[str, ...]] = {
    # The 支援措置 screens behind one menu: its 照会 opens the 管理 as well, and the other way round.
    "users_support_one_permission": ("支援対象者照会", "支援対象者管理"),
    # The 管理者メニュー: アクセスログ管理, 操作権限管理 and 操作権限設定 one permission.
    "users_admin_menu_one_permission": ("アクセスログ管理", "操作権限管理", "操作権限設定"),
}


def merged(processes: Sequence[str], defects: frozenset[str]) -> set[str]:
    """The 処理 a list of 操作権限 covers (itself; with a defect, the processes checked as one with it)."""
    covered = set(processes)
    for defect, shared in _SHARED.items():
        if defect in defects and covered & set(shared):
            covered |= set(shared)
    return covered


def session_of(request: object) -> str | None:
    """The session a driver request carries (:data:`SESSION_HEADER`), if any."""
    header = getattr(request, "header", None)
    value = header(SESSION_HEADER) if callable(header) else None
    return str(value) if value else None


def named_persons(body: Mapping[str, Any]) -> set[str]:
    """The 宛名番号 a change request names (one, or a list)."""
    value = body.get("宛名番号")
    values = value if isinstance(value, list) else [value] if value else []
    return {str(number) for number in values}


class UsersHandlers:
    """The driver operations of 10.3, mixed into the driver's service (reference/driver.py), which routes to
    them by name."""

    defects: frozenset[str]
    today: Callable[[], date]
    user_registry: UserRegistry | None

    def users(self) -> UserRegistry:
        if self.user_registry is None:
            self.user_registry = UserRegistry(self.defects, self.today)
        return self.user_registry

    def users_create(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.create``."""
        return self.users().create(body)

    def users_get(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``users.get``."""
        return self.users().read(arguments[0])

    def users_login(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.login``."""
        return self.users().login(body)

    def users_password(self, body: Mapping[str, Any], _: tuple[str, ...], request: object) -> Answer:
        """``users.password``."""
        return self.users().change_password(body, session_of(request))

    def edits_begin(self, body: Mapping[str, Any], _: tuple[str, ...], request: object) -> Answer:
        """``edits.begin``."""
        return self.users().begin_edit(body, session_of(request))

    def edits_end(self, body: Mapping[str, Any], _: tuple[str, ...], request: object) -> Answer:
        """``edits.end``."""
        return self.users().end_edit(body, session_of(request))

    def guarded(self, name: str, method: str, body: Mapping[str, Any], request: object) -> Answer | None:
        """The refusal of a request before its handler runs (操作権限, 利用期間, 排他制御), or None."""
        session = session_of(request)
        denied = self.users().authorize(name, session)
        if denied is None and method == "POST" and name in PROCESSES["異動入力"] and not name.startswith("edits_"):
            denied = self.users().held(named_persons(body), session)
        return denied
