"""The reference vendor's 操作ログ (住民記録 1.0 10.2 アクセスログ管理), read through the driver operation
``logs.operations`` (docs/driver.md; our interface, confirmed: false).

10.2 R004 lists what is logged (取得対象: ①照会, ②帳票発行, ③異動入力（履歴追加） ...) and R006 what each entry
records (記録対象: 操作者ID, 日時, 端末名, the record, 機能名 ...). Every driver operation but the test set-up
and the log's own reading is an operator's operation here: its entry is written whatever the answer (a
refused 異動 was still an operation on that person). Entries are only ever appended, and a request to change
or delete one (``logs.modify``) is refused (R020: 改ざん防止). A 仮登録 (4.0.8) is logged as the 異動入力 of its
operation, its 本登録 as another (R005).

Beside it (10.2's other logs, each read through its own driver operation): the 印刷ログ (R013, R014,
``logs.prints``), the 認証ログ (R007, R008, ``logs.auth``: every login at the token endpoint with its 結果,
never the secret) and the エラーログ (R017, R018, ``logs.errors``: every エラー a driver operation answered,
with its code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.clock import JST

#: The operator and terminal the driver adapter acts as (a vendor's adapter logs in as someone).
OPERATOR, TERMINAL = "driver-operator", "conformance-driver"
QUERY, CHANGE, CORRECTION = "照会", "異動入力（履歴追加）", "異動入力（履歴修正）"
#: What forms.py tells about a print for the 交付履歴 (1.3.8) only: not items of 10.2 R014's 印刷ログ.
_ISSUANCE_ONLY = frozenset({"記載事項", "交付枚数"})
#: Driver handler -> (取得対象 of 10.2 R004, 機能名). Handlers not listed (the test set-up, the log itself,
#: the other 業務's operations) write no entry of 住民記録's 操作ログ.
_LOGGED: dict[str, tuple[str, str]] = {
    "get_person": (QUERY, "個人照会"), "get_history": (QUERY, "異動履歴照会"), "get_household": (QUERY, "世帯照会"),
    "get_display": (QUERY, "年月日の表示"), "search": (QUERY, "検索"), "extract_random": (QUERY, "無作為抽出"),
    "list_suppressed": (QUERY, "抑止対象者一覧"), "search_basic": (QUERY, "基本検索"),
    "search_kanji": (QUERY, "異体字検索"), "euc_extract": (QUERY, "EUCデータ抽出"),
    "move_in": (CHANGE, "転入"), "move_out": (CHANGE, "転出"), "confirm_out": (CHANGE, "転出確定"),
    "move_within": (CHANGE, "転居"), "birth": (CHANGE, "出生"), "death": (CHANGE, "死亡"),
    "disappearance": (CHANGE, "失踪宣告"), "split": (CHANGE, "世帯分離"), "merge": (CHANGE, "世帯合併"),
    "head": (CHANGE, "世帯主変更"), "correct": (CHANGE, "職権修正"), "remove": (CHANGE, "職権消除"),
    "nationality": (CHANGE, "国籍変更"), "tsusho": (CHANGE, "通称の記載"), "tsusho_delete": (CHANGE, "通称の削除"),
    "moj_notice": (CHANGE, "法務省通知による修正"), "cancel": (CORRECTION, "異動の取消し"),
    # 4.0.8: a 仮登録 is logged as the 異動入力 of its operation; its 本登録 adds the history rows.
    "pending_list": (QUERY, "仮登録一覧"), "pending_commit": (CHANGE, "本登録"),
}


#: Driver handlers that change a setting of the system (10.2 R015 設定変更ログ, R016 管理者による設定変更時の情報)
#: -> the setting they change.
_SETTINGS: dict[str, str] = {"users_create": "操作権限設定（利用者の登録）"}


@dataclass
class OperationLog:
    """Entries in the order written; ``defects``: the reference's named defects."""

    defects: frozenset[str] = frozenset()
    entries: list[dict[str, Any]] = field(default_factory=list)
    #: The 印刷ログ (10.2 R013, R014): one entry per printed form.
    prints: list[dict[str, Any]] = field(default_factory=list)
    #: The 認証ログ (10.2 R007, R008): one entry per login at the token endpoint.
    logins: list[dict[str, Any]] = field(default_factory=list)
    #: The エラーログ (10.2 R017, R018): one entry per エラー answered.
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: The 設定変更ログ (10.2 R015, R016): one entry per setting changed.
    settings: list[dict[str, Any]] = field(default_factory=list)

    def record(self, handler: str, body: Mapping[str, Any], arguments: tuple[str, ...], answer: Any,
               operator: str | None = None) -> None:
        """Write the entry of one answered driver request, if it is an operation of 住民記録 (``operator``: the
        利用者ID of the session it came in, if any)."""
        self._record_setting(handler, body, answer, operator)
        logged = _LOGGED.get(handler)
        if logged is None:
            return
        kind, function = logged
        persons = sorted(_persons(body, arguments, answer))
        self._record_error(function, persons, answer)
        if kind == QUERY and "oplog_queries_missing" in self.defects:
            return
        # A defect: the 世帯照会 screen reads the 世帯 without the logging of the person screens (issue 50, A2).
        if handler == "get_household" and "oplog_household_query_missing" in self.defects:
            return
        # A defect: the 操作ログ is written where the history is, so a 仮登録 (4.0.8: no history row) leaves none.
        if body.get("仮登録") is True and "oplog_kari_missing" in self.defects:
            return
        # 個人番号へのアクセス有無 (R006): the 個人番号 entered, or shown in the answer. A defect reads the request
        # only, so a 照会 that showed the 個人番号 is logged as no access.
        accessed = "個人番号" in repr(body) or ("個人番号" in repr(answer)
                                              and "oplog_my_number_request_only" not in self.defects)
        entry = {
            "日時": _now("oplog_clock_jst_as_utc" in self.defects),
            "操作者ID": "" if "oplog_no_operator" in self.defects else operator or OPERATOR,
            "端末名": TERMINAL, "機能名": function, "取得対象": kind, "対象": persons, "個人番号アクセス": accessed,
        }
        self.entries.append(entry)
        if "oplog_rotated" in self.defects:
            # A defect: the log keeps the newest two entries of a person (sized for a screen's 直近の操作) and
            # deletes the older ones: entries already written are rewritten away.
            mine = [e for e in self.entries if e["対象"] == persons]
            self.entries[:] = [e for e in self.entries if e["対象"] != persons or any(e is m for m in mine[-2:])]

    def modify(self, body: Mapping[str, Any]) -> bool:
        """A request to change or delete an entry (10.2 R020: refused, the log is write-protected); whether
        it was done (only with a defect: a log kept in an ordinary table its maintenance screen can edit)."""
        if "oplog_writable" not in self.defects:
            return False
        wanted = body.get("entry")
        kept = [entry for entry in self.entries if entry != wanted]
        changed = len(kept) != len(self.entries)
        self.entries[:] = kept
        return changed

    def _record_error(self, function: str, persons: list[str], answer: Any) -> None:
        """The エラーログ entry of an answer that is an エラー (11.1: 422 with its code), if it is one."""
        document = answer[1] if isinstance(answer, tuple) and len(answer) == 2 else None
        if not isinstance(document, dict) or document.get("result") != "error" or "errorlog_missing" in self.defects:
            return
        code = "" if "errorlog_no_code" in self.defects else str(document.get("code", ""))
        self.errors.append({"日時": _now(), "操作者ID": OPERATOR, "端末名": TERMINAL, "機能名": function,
                            "エラーコード": code, "項目": str(document.get("item", "")), "対象": persons})

    def _record_setting(self, handler: str, body: Mapping[str, Any], answer: Any, operator: str | None) -> None:
        """The 設定変更ログ entry of a setting changed (an answer 200 ok of a handler of :data:`_SETTINGS`)."""
        setting = _SETTINGS.get(handler)
        document = answer[1] if isinstance(answer, tuple) and len(answer) == 2 else None
        if setting is None or not isinstance(document, dict) or document.get("result") != "ok":
            return
        if "settinglog_missing" in self.defects:
            return
        user = str(body.get("利用者ID", ""))
        authority = "、".join(str(name) for name in body.get("操作権限", []) or [])
        self.settings.append({
            "日時": _now(), "操作者ID": "" if "settinglog_no_operator" in self.defects else operator or OPERATOR,
            "端末名": TERMINAL, "設定": setting, "対象": user,
            # What was set, never the password.
            "内容": f"利用者ID {user}、区分 {body.get('区分') or '利用者'}、操作権限 {authority or 'なし'}",
        })

    def read_settings(self, user: str | None) -> list[dict[str, Any]]:
        """The 設定変更ログ, or the entries of settings of one 利用者ID."""
        return [dict(entry) for entry in self.settings if not user or entry["対象"] == user]

    def record_login(self, user: str, succeeded: bool) -> None:
        """The 認証ログ entry of one login at the token endpoint (``user``: the client id it named)."""
        if not succeeded and "authlog_failures_missing" in self.defects:
            return
        self.logins.append({"日時": _now(), "利用者ID": user[:64], "端末名": TERMINAL,
                            "結果": "成功" if succeeded else "失敗"})

    def read_logins(self, user: str | None) -> list[dict[str, Any]]:
        """The 認証ログ, or the entries of one 利用者ID (10.2 R019: オンラインでの検索・抽出・照会)."""
        # A defect shows every entry without its 結果 (a log of attempts that never says which failed).
        hidden = {"結果"} if "authlog_no_result" in self.defects else set()
        # A defect's search answers the entries of every other 利用者ID instead of the one asked.
        inverted = "authlog_search_inverted" in self.defects
        return [{key: value for key, value in entry.items() if key not in hidden}
                for entry in self.logins if not user or (entry["利用者ID"] == user) != inverted]

    def read_errors(self, atena: str | None) -> list[dict[str, Any]]:
        """The エラーログ, or the entries of the errors of operations on ``atena``."""
        return [dict(entry) for entry in self.errors if not atena or atena in entry["対象"]]

    def read(self, atena: str | None) -> list[dict[str, Any]]:
        """The entries, or those whose 対象 is ``atena`` (10.2 R019: オンラインでの検索・抽出・照会)."""
        return [dict(entry) for entry in self.entries if not atena or atena in entry["対象"]]

    def record_print(self, printed: Mapping[str, Any]) -> None:
        """Write the 印刷ログ entry of one printed form (reference/forms.py says what it printed)."""
        if "printlog_missing" in self.defects:
            return
        logged = {name: value for name, value in printed.items() if name not in _ISSUANCE_ONLY}
        self.prints.append({"印刷者ID": OPERATOR, "印刷日時": _now(), **logged})

    def read_prints(self, atena: str | None) -> list[dict[str, Any]]:
        """The 印刷ログ, or the entries of the forms that showed ``atena``."""
        return [dict(entry) for entry in self.prints if not atena or atena in entry["対象"]]


def _now(jst_as_utc: bool = False) -> str:
    """The moment with its offset, +09:00; the defect oplog_clock_jst_as_utc writes Japan's wall clock with the
    offset of UTC (a server set to JST whose log labels its times Z): nine hours in the future."""
    moment = dt.datetime.now(JST)
    return moment.replace(tzinfo=dt.UTC).isoformat(timespec="seconds") if jst_as_utc else moment.isoformat(
        timespec="seconds")


def _persons(body: Mapping[str, Any], arguments: tuple[str, ...], answer: Any) -> set[str]:
    """The 宛名番号 an operation acted on: named in the request (path or body) or in its answer (the persons a
    search listed; the members, and the 消除者 asked with them, a 世帯照会 showed: R006's 対象となったレコード are the
    records shown, so a member's log holds the 世帯照会 beside its 世帯番号, interpretation household-query-log)."""
    named = body.get("宛名番号")
    found = {str(n) for n in named} if isinstance(named, list) else {str(named)} if named else set()
    found.update(argument for argument in arguments if argument.isdigit())
    document = answer[1] if isinstance(answer, tuple) and len(answer) == 2 else {}
    for key in ("persons", "members", "消除者"):
        for person in document.get(key, ()) if isinstance(document, dict) else ():
            if isinstance(person, dict) and person.get("宛名番号"):
                found.add(str(person["宛名番号"]))
    return found
