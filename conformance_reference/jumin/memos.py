"""The reference's メモ (住民記録 1.0 1.1.15), read and written through the driver operations ``memos.*`` (ours,
confirmed: false; docs/driver.md).

A メモ is kept per person (R001: 個人を単位とし), its 内容 free text (記載事項を限定しない), with the ユーザID of the
operator (the user of the request's session, 10.3; the driver's own operator without one) and the 日時 (R002). A
修正 or a 削除 adds an entry to the メモ's 履歴 and never loses the earlier 内容 (R003): a deleted メモ stays
listed with ``削除: true``. メモ are kept in the store's ``memo`` table, apart from the history rows, so no
certificate (reference/forms.py) prints them (R004).

Named defects (defects.py): ``memo_per_household`` keeps a メモ per 世帯 (shown for every member),
``memo_no_author`` records no ユーザID, ``memo_update_overwrites`` rewrites the 内容 without a 履歴 and a 削除
removes the メモ, ``memo_on_certificate`` prints the メモ on the 住民票の写し.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from conformance.clock import JST
from conformance_reference.jumin.storage import Store
from conformance_reference.jumin.users import UserRegistry, session_of

Answer = tuple[int, dict[str, Any]]
#: The operator of a request without a session (the driver's own, as in the 操作ログ).
OPERATOR = "driver-operator"
REGISTERED, CORRECTED, DELETED = "登録", "修正", "削除"


def _now() -> str:
    return dt.datetime.now(JST).isoformat(timespec="seconds")


def _not_found(what: str) -> Answer:
    return 404, {"result": "error", "code": "NOT_FOUND", "message": f"no {what}"}


def printed_memos(store: Store, atena: str) -> list[str]:
    """The 内容 of a person's メモ in force (for the ``memo_on_certificate`` defect of reference/forms.py)."""
    return [str(memo.get("内容", "")) for _, memo in store.memos(atena=atena) if not memo.get("削除")]


class MemoHandlers:
    """The driver operations of 1.1.15, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]

    def users(self) -> UserRegistry:
        raise NotImplementedError  # the driver's own (reference/users.py)

    def _memo_user(self, request: object) -> str:
        if "memo_no_author" in self.defects:
            return ""
        session = session_of(request)
        return self.users().sessions.get(session, OPERATOR) if session else OPERATOR

    def memo_add(self, body: Mapping[str, Any], _: tuple[str, ...], request: object) -> Answer:
        """``memos.add``: a メモ of the person ``宛名番号`` with the 内容 given (any text)."""
        atena, text = str(body["宛名番号"]), str(body["内容"])
        row = self.store.latest(atena)
        if row is None:
            return _not_found("person with this 宛名番号")
        if not text.strip():
            return 422, {"result": "error", "code": "E050", "item": "内容", "message": "メモの内容が空です。"}
        user, when = self._memo_user(request), _now()
        memo = {"内容": text, "ユーザID": user, "日時": when, "削除": False,
                "履歴": [{"操作": REGISTERED, "内容": text, "ユーザID": user, "日時": when}]}
        number = self.store.add_memo(atena, row.get("世帯番号", ""), memo)
        return 200, {"result": "ok", "メモ番号": str(number)}

    def memo_update(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        """``memos.update``: the 内容 of a メモ corrected; the earlier one stays in its 履歴."""
        return self._change(arguments[0], CORRECTED, str(body["内容"]), request)

    def memo_delete(self, _: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        """``memos.delete``: a メモ deleted; it stays listed, marked 削除, with its 履歴."""
        return self._change(arguments[0], DELETED, None, request)

    def _change(self, number: str, operation: str, text: str | None, request: object) -> Answer:
        found = self.store.memo(int(number)) if number.isdigit() else None
        if found is None or found[2].get("削除"):
            return _not_found("メモ with this メモ番号")
        _, _, memo = found
        user, when = self._memo_user(request), _now()
        if "memo_change_dated_at_entry" in self.defects:  # the 履歴 entry stamped with the メモ's own 日時
            when = str(memo.get("日時") or when)
        if "memo_update_overwrites" in self.defects:
            if operation == DELETED:
                memo = {**memo, "内容": "", "削除": True, "履歴": []}
            else:
                memo = {**memo, "内容": text, "ユーザID": user, "日時": when,
                        "履歴": [{"操作": REGISTERED, "内容": text, "ユーザID": user, "日時": when}]}
        else:
            entry = {"操作": operation, "内容": memo["内容"] if text is None else text, "ユーザID": user, "日時": when}
            memo = {**memo, "内容": memo["内容"] if text is None else text, "削除": operation == DELETED,
                    "履歴": [*memo.get("履歴", []), entry]}
        self.store.put_memo(int(number), memo)
        return 200, {"result": "ok", "メモ番号": number}

    def memo_list(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``memos.list``: the メモ of the person ``宛名番号``, deleted ones too, each with its 履歴."""
        atena = str(request.param("宛名番号") or "")
        row = self.store.latest(atena)
        if row is None:
            return _not_found("person with this 宛名番号")
        if "memo_per_household" in self.defects:
            found = self.store.memos(setai=row.get("世帯番号", ""))
        else:
            found = self.store.memos(atena=atena)
        memos = [{"メモ番号": str(number), "宛名番号": atena, **memo} for number, memo in found
                 if not (memo.get("削除") and "memo_update_overwrites" in self.defects)]
        return 200, {"result": "ok", "memos": memos}
