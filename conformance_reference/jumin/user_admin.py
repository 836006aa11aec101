"""The reference's 操作権限 beyond a user's own registration (住民記録 1.0 10.3 R004, R006, R007, R009, R013, R014 and
10.4 R001): grants to an 組織, the 操作権限一覧表, the バッチ's 一括メンテナンス, changes set ahead in a スケジューラー,
and the items hidden from a user on every screen.

Ours (docs/driver.md, driver.yaml ``users.*``, ``confirmed: false``):

- ``users.organisation`` grants 操作権限 to every user of a 所属部署名称 (組織単位); a user may do what its own
  操作権限 and its 組織's allow (利用者単位 and 組織単位 together, 10.3 R004);
- ``users.list`` answers the 操作権限一覧表 (10.3 R009): every user with its 区分, 所属部署名称, own 操作権限,
  those of its 組織 and the items hidden from it;
- ``users.bulk`` sets the 操作権限 (and 所属部署名称) of the users its rows name, as a バッチ (10.3 R014);
- ``users.schedule`` sets a 登録, 変更 or 削除 of a user for its 実行日時 (10.3 R006): applied by the reference
  before the first request it answers at or after that moment (its clock, 日本標準時);
- ``users.display`` sets the items hidden from a user (10.4 R001: 戸籍の表示, 個人番号, 住民票コード, 在留資格等):
  every answer to that user's session is stripped of them, whatever the operation (他課参照, 異動, 照会);
- the function 住民票コード付番 of 10.3 R012 is probed with ``codes.stock`` (4.3.1, reference/codes.py).

Named defects (defects.py): ``users_org_keyed_only`` (R004), ``users_support_one_permission`` and
``users_admin_menu_one_permission`` (R010-R013, in users.py), ``users_list_omits_administrators`` (R009),
``users_bulk_drops_last_row`` (R014), ``users_schedule_utc`` (R006), ``users_hidden_items_in_history`` (10.4 R001,
10.3 R007).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from conformance.clock import JST
from conformance_reference.jumin.users import ITEMS, PROCESSES, Answer, UserRegistry, refused, session_of

#: The items of 10.4 R001 a user may have hidden -> the fragments of the item headers they cover.
HIDEABLE: Mapping[str, tuple[str, ...]] = {
    "戸籍の表示": ("戸籍の表示", "本籍", "筆頭者"),
    "個人番号": ("個人番号",),
    "住民票コード": ("住民票コード",),
    "在留資格等": ("在留", "第30条45規定区分"),
}
#: The 操作 of a reservation (10.3 R006 登録・変更・削除).
REGISTER, CHANGE, DELETE = "登録", "変更", "削除"
#: The items a 変更 (scheduled, or a row of the バッチ) may set.
_CHANGEABLE = ("利用者名称", "所属部署名称", "操作権限", "利用範囲", "利用期間_開始", "利用期間_終了")


def _processes(value: object) -> list[str] | None:
    if not isinstance(value, list):
        return None
    names = sorted(set(map(str, value)))
    return names if set(names) <= set(PROCESSES) else None


def change(registry: UserRegistry, user_id: str, items: Mapping[str, Any]) -> Answer:
    """Set the changeable items of one user (a 変更 of the スケジューラー or a row of the バッチ)."""
    user = registry.users.get(user_id)
    if user is None:
        return refused(404, "NOT_FOUND", "no user with this 利用者ID", "利用者ID")
    updates: dict[str, Any] = {}
    for name in _CHANGEABLE:
        if name not in items:
            continue
        if name == "操作権限":
            processes = _processes(items[name])
            if processes is None:
                return refused(400, "BAD_REQUEST", "操作権限 is a list of the named 処理", name)
            updates[name] = processes
        else:
            updates[name] = str(items[name] or "")
    user.items.update(updates)
    return 200, {"result": "ok", "利用者ID": user_id}


def delete(registry: UserRegistry, user_id: str) -> Answer:
    """Remove a user and end its sessions."""
    if registry.users.pop(user_id, None) is None:
        return refused(404, "NOT_FOUND", "no user with this 利用者ID", "利用者ID")
    for session in [s for s, owner in registry.sessions.items() if owner == user_id]:
        del registry.sessions[session]
    return 200, {"result": "ok", "利用者ID": user_id}


def moment(value: object, defects: frozenset[str]) -> dt.datetime:
    """A 実行日時 (ISO 8601; without an offset, 日本標準時) as an aware moment."""
    parsed = dt.datetime.fromisoformat(str(value))
    if "users_schedule_utc" in defects:
        # A defect: the 実行日時 is read as a wall-clock time of the server, which runs on UTC.
        return parsed.replace(tzinfo=dt.UTC)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=JST)


def due(reservations: list[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    """The reservations whose 実行日時 has come, removed from ``reservations``, in the order of their moment."""
    ready = sorted((r for r in reservations if r["_moment"] <= now), key=lambda r: (r["_moment"], r["予約番号"]))
    reservations[:] = [r for r in reservations if r["_moment"] > now]
    return ready


def mask(document: Any, hidden: frozenset[str]) -> Any:
    """``document`` without the items of the categories ``hidden`` (10.4 R001), at every depth."""
    fragments = tuple(fragment for name in hidden for fragment in HIDEABLE.get(name, ()))
    if not fragments:
        return document

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items()
                    if not any(fragment in str(key) for fragment in fragments)}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(document)


class UserAdminHandlers:
    """The driver operations above, mixed into the driver's service (reference/driver.py)."""

    defects: frozenset[str]
    users: Callable[[], UserRegistry]
    #: The reservations of users.schedule not yet applied (a field of the service).
    user_reservations: list[dict[str, Any]] | None

    def scheduler_now(self) -> dt.datetime:
        """The clock of the スケジューラー: now, in 日本標準時."""
        return dt.datetime.now(JST)

    def _reservations(self) -> list[dict[str, Any]]:
        if self.user_reservations is None:
            self.user_reservations = []
        return self.user_reservations

    def users_organisation(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.organisation``: the 操作権限 of every user of one 組織 (10.3 R004 組織単位)."""
        name = str(body.get("所属部署名称") or "")
        processes = _processes(body.get("操作権限"))
        if not name or processes is None:
            return refused(400, "BAD_REQUEST", "所属部署名称 and 操作権限 (a list of the named 処理) are required")
        self.users().organisations[name] = processes
        return 200, {"result": "ok", "所属部署名称": name, "操作権限": processes}

    def users_list(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``users.list``: the 操作権限一覧表 (10.3 R009)."""
        registry = self.users()
        rows = []
        for user in registry.users.values():
            if user.items["区分"] == "管理者" and "users_list_omits_administrators" in self.defects:
                continue  # A defect: the 一覧表 is built from the 利用者 only.
            rows.append({**{name: user.items.get(name) for name in ITEMS},
                         "組織の操作権限": list(registry.organisations.get(user.items["所属部署名称"], []))})
        return 200, {"result": "ok", "一覧": sorted(rows, key=lambda row: str(row["利用者ID"]))}

    def users_bulk(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.bulk``: the 一括メンテナンス of 操作権限 by a バッチ (10.3 R014): each row sets one user's items."""
        rows = body.get("rows")
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            return refused(400, "BAD_REQUEST", "rows is a list of objects, one per user")
        if "users_bulk_drops_last_row" in self.defects:
            rows = rows[:-1]  # A defect: the reader stops at the last line (one without a line break).
        done, errors = 0, []
        for number, row in enumerate(rows, start=1):
            status, answer = change(self.users(), str(row.get("利用者ID") or ""), row)
            if status == 200:
                done += 1
            else:
                errors.append({"行": number, "利用者ID": row.get("利用者ID"), "理由": answer.get("message")})
        return 200, {"result": "ok", "件数": done, "エラー": errors}

    def users_schedule(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.schedule``: a 登録, 変更 or 削除 of a user set ahead for its 実行日時 (10.3 R006)."""
        operation, user = body.get("操作"), body.get("利用者")
        if operation not in (REGISTER, CHANGE, DELETE) or not isinstance(user, dict) or not user.get("利用者ID"):
            return refused(400, "BAD_REQUEST", "操作 (登録 | 変更 | 削除) and 利用者 (with its 利用者ID) are required")
        try:
            when = moment(body.get("実行日時"), self.defects)
        except ValueError:
            return refused(422, "E005", "実行日時 is an ISO 8601 date and time", "実行日時")
        reservations = self._reservations()
        number = f"U{len(reservations) + 1:06d}-{len(self.users().users):04d}"
        reservations.append({"予約番号": number, "操作": operation, "利用者": dict(user), "_moment": when})
        return 200, {"result": "ok", "予約番号": number}

    def apply_reservations(self) -> None:
        """Apply the reservations whose 実行日時 has come (before a request is answered)."""
        if not self.user_reservations:
            return
        registry = self.users()
        for reservation in due(self.user_reservations, self.scheduler_now()):
            user = reservation["利用者"]
            if reservation["操作"] == REGISTER:
                registry.create(user)
            elif reservation["操作"] == CHANGE:
                change(registry, str(user["利用者ID"]), user)
            else:
                delete(registry, str(user["利用者ID"]))

    def users_display(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``users.display``: the items of 10.4 R001 hidden from one user on every screen."""
        user = self.users().users.get(str(body.get("利用者ID") or ""))
        hidden = body.get("非表示項目")
        if user is None:
            return refused(404, "NOT_FOUND", "no user with this 利用者ID", "利用者ID")
        if not isinstance(hidden, list) or not set(map(str, hidden)) <= set(HIDEABLE):
            return refused(400, "BAD_REQUEST", f"非表示項目 is a list of {', '.join(HIDEABLE)}", "非表示項目")
        user.items["非表示項目"] = sorted(set(map(str, hidden)))
        return 200, {"result": "ok", "利用者ID": user.items["利用者ID"], "非表示項目": user.items["非表示項目"]}


    def masked(self, handler: str, answer: Answer, request: object) -> Answer:
        """The answer to a session whose user has items hidden (10.4 R001), without them."""
        registry = self.users()
        user = registry.users.get(registry.sessions.get(session_of(request) or "", ""))
        if user is None or not user.items.get("非表示項目"):
            return answer
        if handler == "get_history" and "users_hidden_items_in_history" in self.defects:
            return answer  # A defect: the 異動履歴照会 reads the history rows as stored, past the screen's mask.
        status, document = answer
        return status, mask(document, frozenset(user.items["非表示項目"]))
