"""The driver operations of the reference that read its logs and lists rather than change a 住民票
(docs/driver.md): 10.2 操作ログ and 印刷ログ (reference/oplog.py), 1.3.8 交付履歴 (reference/issuance.py), 9.6
無作為抽出 (reference/extraction.py), 9.2 抑止対象者一覧 and 6.1 統計 (reference/statistics.py). A mixin of
``DriverService`` (reference/driver.py), apart so that the adapter of the 異動 stays readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from conformance_reference.jumin import extraction, log_analysis, statistics
from conformance_reference.jumin.issuance import FILTERS, IssuanceHistory
from conformance_reference.jumin.oplog import OperationLog
from conformance_reference.jumin.storage import Store

#: What a driver handler answers: the HTTP status and the JSON document.
Answer = tuple[int, dict[str, Any]]


class DriverRequest(Protocol):
    """What the driver needs of the app's request (conformance_reference.http.Request)."""

    method: str

    def param(self, name: str) -> str | None: ...

    def json_object(self) -> dict[str, Any]: ...


class DriverLogs:
    """The reading operations; the service (a dataclass) holds the fields declared here."""

    store: Store
    defects: frozenset[str]
    #: The 操作ログ of 10.2 (reference/oplog.py), made on first use with the defects.
    operation_log: OperationLog | None
    #: The 交付履歴 of 1.3.8 (reference/issuance.py), made on first use with the defects.
    issuance_history: IssuanceHistory | None

    def log(self) -> OperationLog:
        if self.operation_log is None:
            self.operation_log = OperationLog(self.defects)
        return self.operation_log

    def issuances(self) -> IssuanceHistory:
        if self.issuance_history is None:
            self.issuance_history = IssuanceHistory(self.defects)
        return self.issuance_history

    def get_operation_log(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 操作ログ: the entries, or those of one 宛名番号 (our interface ``logs.operations``)."""
        return 200, {"result": "ok", "entries": self.log().read(request.param("宛名番号"))}

    def modify_operation_log(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """10.2 R020: a request to change or delete an entry of the 操作ログ (``logs.modify``): refused."""
        if self.log().modify(body):
            return 200, {"result": "ok"}
        return 403, {"result": "error", "code": "READ_ONLY",
                     "message": "the 操作ログ is write-protected: its entries cannot be changed or deleted"}

    def get_print_log(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 印刷ログ: the entries, or those of the forms that showed one 宛名番号 (``logs.prints``)."""
        return 200, {"result": "ok", "entries": self.log().read_prints(request.param("宛名番号"))}

    def get_issuances(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """1.3.8 交付履歴: the entries, or those of the certificates that showed one 宛名番号 (``logs.issuances``)."""
        conditions = {name: value for name in FILTERS if (value := request.param(name))}
        return 200, {"result": "ok", "entries": self.issuances().read(request.param("宛名番号"), conditions)}

    def dispose_issuance(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """1.3.8 R010: the 処分 of a certificate issued in error, by its 発行番号 (``issuances.dispose``)."""
        if not self.issuances().dispose(str(body["発行番号"]), str(body.get("処分理由") or "")):
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no certificate with this 発行番号"}
        return 200, {"result": "ok"}

    def extract_random(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """9.6 R001 無作為抽出 (reference/extraction.py)."""
        drawn = extraction.draw(self.store.current(), body, self.defects)
        return 200, {"result": "ok", "persons": [{"宛名番号": row["宛名番号"]} for row in drawn]}

    def list_suppressed(self, _: Mapping[str, Any], __: tuple[str, ...], ___: DriverRequest) -> Answer:
        """9.2 R001 抑止対象者一覧: every person under 支援措置 (current or a 除票: their copies are refused both)."""
        rows = [row for row in self.store.current() if row.get("支援措置対象フラグ") == "1"]
        if "suppressed_list_heads_only" in self.defects:
            rows = [row for row in rows if row.get("続柄") == "世帯主"]
        return 200, {"result": "ok", "persons": [{"宛名番号": row["宛名番号"]} for row in rows]}

    def stats_annual(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """6.1 統計: the 人口, 世帯 and 異動 figures of a 基準日 and a period (``stats.annual``)."""
        return 200, {"result": "ok", **statistics.annual(self.store, body, self.defects)}

    def get_auth_log(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 認証ログ: the logins at the token endpoint, or those of one 利用者ID (``logs.auth``)."""
        return 200, {"result": "ok", "entries": self.log().read_logins(request.param("利用者ID"))}

    def get_setting_log(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 設定変更ログ: the settings changed, or those of one 利用者ID (``logs.settings``)."""
        return 200, {"result": "ok", "entries": self.log().read_settings(request.param("利用者ID"))}

    def get_error_log(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 エラーログ: the エラー answered, or those of operations on one 宛名番号 (``logs.errors``)."""
        return 200, {"result": "ok", "entries": self.log().read_errors(request.param("宛名番号"))}

    def get_log_analysis(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """10.2 ログの分析: one 分析例 made from the logs (``logs.analysis``, reference/log_analysis.py)."""
        kind = request.param("種類") or ""
        given = {name: request.param(name) for name in ("深夜_開始", "深夜_終了", "休業日", "閾値", "操作者ID")}
        rows = log_analysis.analyse(self.log(), kind, request.param("宛名番号"), self.defects, given)
        if (request.param("形式") or "JSON") == "CSV":  # 10.2 R022: 分析・ファイル出力
            return 200, {"result": "ok", "種類": kind, "形式": "CSV", "data": log_analysis.csv_file(rows, self.defects)}
        return 200, {"result": "ok", "種類": kind, "entries": rows}
