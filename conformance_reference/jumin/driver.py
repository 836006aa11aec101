"""The reference vendor's adapter for the driver protocol (``/api/v1/driver/v1``; docs/driver.md).

Every operation works on the same :class:`~conformance_reference.jumin.storage.Store` as the linkage API,
so what a 異動 writes is what ``/residents`` and the exports show. Each committed change appends one
history row per person with every item (住民記録 1.0 1.2.1 R017: 全項目の内容を保持), the 異動事由 code
of the catalog's table, the 1.2.2 区分 (``異動事由区分``), 異動日, 届出年月日 or 通知年月日 and 処理日.

Answers: 200 ``{"result": "ok"}``; an エラー is 422 ``{"result": "error", "code"}`` and commits nothing;
an アラート is 409 ``{"result": "alert", "alerts": [...]}`` until the request is repeated with the code
in ``confirm`` (11.1 R003, R004). The codes are the driver catalog's (spec_catalog/jumin/1.0/driver.yaml).

This module holds :class:`DriverService`: its fields, one request answered, the 仮登録 of 4.0.8 and the routes
of the protocol's paths to its handlers. The handlers are mixins, one way below it: driver_moves.py (転入,
転出, 転居, 出生, 死亡, the 世帯's changes), driver_corrections.py (修正, 取消し, 国籍, 通称, 旧氏, 通知) and
driver_queries.py (照会), over driver_base.py (the helpers they share) and driver_rules.py (the small rules,
the refusals and the linkage API's per-person view of a row, re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from conformance import clock
from conformance_reference.jumin import kari
from conformance_reference.jumin.basic_search import BasicSearchHandlers
from conformance_reference.jumin.batch import BatchHandlers
from conformance_reference.jumin.certifiers import CertifierHandlers
from conformance_reference.jumin.codes import CodeHandlers
from conformance_reference.jumin.cs import CsHandlers
from conformance_reference.jumin.csv_import import CsvImportHandlers
from conformance_reference.jumin.driver_corrections import CorrectionHandlers
from conformance_reference.jumin.driver_logs import Answer, DriverLogs, DriverRequest
from conformance_reference.jumin.driver_moves import MoveHandlers
from conformance_reference.jumin.driver_queries import QueryHandlers
from conformance_reference.jumin.driver_rules import (
    HONSEKI,
    LENIENT_DATES,
    NOT_BLANK,
    NOT_BLANK_BY_CATEGORY,
    NOT_BLANK_BY_KIND,
    BadInput,
    Refusal,
    check_blanks,
    check_dates,
    generations,
    household_rank,
    member_key,
    paired,
    parse_date,
    parse_day,
    per_person_view,
    relation_allowed,
    removal_date,
    seireki,
    wareki,
)
from conformance_reference.jumin.euc import EucHandlers
from conformance_reference.jumin.issuance import IssuanceHistory
from conformance_reference.jumin.kaisei import KaiseiHandlers
from conformance_reference.jumin.memos import MemoHandlers
from conformance_reference.jumin.notices import NoticeHandlers
from conformance_reference.jumin.oplog import OperationLog
from conformance_reference.jumin.remarks import RemarkHandlers
from conformance_reference.jumin.storage import Store
from conformance_reference.jumin.support import SupportHandlers
from conformance_reference.jumin.suppression import SuppressionBook, SuppressionHandlers
from conformance_reference.jumin.tagyomu import UnitHandlers
from conformance_reference.jumin.terminals import TerminalHandlers
from conformance_reference.jumin.user_admin import UserAdminHandlers
from conformance_reference.jumin.users import UserRegistry, UsersHandlers, session_of
from conformance_reference.koseki.koseki import KosekiBook

# The small rules moved to driver_rules.py: what the driver's importers take from here stays importable.
__all__ = [
    "HONSEKI",
    "LENIENT_DATES",
    "NOT_BLANK",
    "NOT_BLANK_BY_CATEGORY",
    "NOT_BLANK_BY_KIND",
    "Answer",
    "BadInput",
    "DriverRequest",
    "DriverService",
    "Handler",
    "Refusal",
    "check_blanks",
    "check_dates",
    "generations",
    "household_rank",
    "member_key",
    "paired",
    "parse_date",
    "parse_day",
    "per_person_view",
    "relation_allowed",
    "removal_date",
    "seireki",
    "wareki",
]


#: The longest move of ``clock.advance`` (a day, as the protocol allows).
MAX_ADVANCE = 86400


# -- the service -------------------------------------------------------------------------------------


# The handlers' mixins come first: their base, DriverBase, holds the helpers (alerts, members, write, find_person)
# that codes.py, batch.py and csv_import.py declare as stubs, and must come before those in the MRO.
@dataclass
class DriverService(MoveHandlers, CorrectionHandlers, QueryHandlers,
                    DriverLogs, SupportHandlers, CodeHandlers, CsHandlers, UnitHandlers, EucHandlers,
                    BasicSearchHandlers, UsersHandlers, UserAdminHandlers, SuppressionHandlers, RemarkHandlers,
                    MemoHandlers, CertifierHandlers, BatchHandlers, CsvImportHandlers, NoticeHandlers,
                    KaiseiHandlers, TerminalHandlers):
    """The driver operations over one store; ``defects`` are the reference's named defects."""

    store: Store
    defects: frozenset[str] = frozenset()
    today: Callable[[], date] = clock.today
    #: The town's 戸籍 (the 戸籍 operations, reference/koseki.py), made on first use.
    koseki_book: KosekiBook | None = None
    #: The 操作ログ of 10.2 (reference/oplog.py), made on first use with the defects.
    operation_log: OperationLog | None = None
    #: The headers of the linkage layout (residents_csv): what the ``correction_layout_items_only`` defect
    #: lets a correction change.
    layout_items: frozenset[str] = frozenset()
    #: The 仮登録 of 4.0.8 (reference/kari.py), made on first use.
    pending_service: kari.PendingService | None = None
    #: The 交付履歴 of 1.3.8 (reference/issuance.py), made on first use with the defects.
    issuance_history: IssuanceHistory | None = None
    #: The users, sessions and persons held of 10.3 (reference/users.py), made on first use.
    user_registry: UserRegistry | None = None
    #: The 抑止 of 3.1 (reference/suppression.py), made on first use.
    suppression_book: SuppressionBook | None = None
    #: The users' changes set ahead in the スケジューラー (10.3 R006, reference/user_admin.py).
    user_reservations: list[dict[str, Any]] | None = None
    #: ``clock.advance`` 対象 tokens: moves the clock of the token endpoint's tokens (set by the app; None: not
    #: offered).
    advance_tokens: Callable[[float], None] | None = None

    def clock_advance(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """``clock.advance`` (docs/driver.md, 時間の経過): the clock of what 対象 names moves forward by 秒."""
        seconds, kind, tokens = body.get("秒"), body.get("対象"), self.advance_tokens
        if kind != "users" and (kind != "tokens" or tokens is None):
            raise BadInput(f"対象 {kind!r}: the clock that moves is tokens or users")
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not 1 <= seconds <= MAX_ADVANCE:
            raise BadInput(f"秒 {seconds!r}: a whole number of seconds from 1 to {MAX_ADVANCE}")
        if tokens is None or kind == "users":  # 対象 users (10.3's 利用期間 of one user)
            return self.users().advance(str(body.get("利用者ID") or ""), seconds)
        tokens(seconds)
        return 200, {"result": "ok"}

    def handle(self, request: DriverRequest, segments: tuple[str, ...]) -> Answer:
        """Answer one driver request (``segments``: the path below ``/driver/v1``)."""
        route = self._route(request.method, segments)
        if route is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such driver operation"}
        handler, arguments = route
        body: Mapping[str, Any] = {}
        try:
            body = request.json_object() if request.method == "POST" else {}
            with self.store.locked():
                self.apply_reservations()  # 10.3 R006: the changes whose 実行日時 has come, first
                answer = self.masked(getattr(handler, "__name__", ""),
                                     self._answer(handler, body, arguments, request), request)
        except Refusal as refusal:
            answer = refusal.answer()
        except (BadInput, KeyError, TypeError, ValueError) as error:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"{type(error).__name__}: {error}"}
        operator = self.users().sessions.get(session_of(request) or "")
        self.log().record(getattr(handler, "__name__", ""), body, arguments, answer, operator)
        return answer

    def _answer(self, handler: Handler, body: Mapping[str, Any], arguments: tuple[str, ...],
                request: DriverRequest) -> Answer:
        """A 異動 of a person with a 仮登録 is refused (E020) and one flagged 仮登録 is kept apart
        (4.0.8, reference/kari.py); every other request goes to its handler."""
        name = getattr(handler, "__name__", "")
        denied = self.guarded(name, request.method, body, request) or self.suppressed(name, body, arguments, request)
        if denied is not None:
            return denied
        change = request.method == "POST" and name in kari.CHANGE_HANDLERS
        self.terminal_stamp = None
        if change:
            self.stamp_terminal(name, body)  # 1.2.1 R010, R011: where and at which terminal the rows are made
            blocked = self.pending().suppressed(body)
            if blocked is not None:
                return blocked
            if kari.flagged(body):
                return self.pending().enter(name, body)
        answer = handler(body, arguments, request)
        if change:
            self.cs_after_change(name, body, answer)  # 7.1.1.1 R001: the 電文 of the 異動 go to the CS
            self.units_after_change(answer)  # 7.2.4, 7.1.2.3: the 附票 and 団体内統合宛名 systems are told
        self.remarks_after(name, body, answer)  # 1.1.14: the 留意事項 a 異動 carries
        return answer

    def pending(self) -> kari.PendingService:
        if self.pending_service is None:
            self.pending_service = kari.PendingService(self.store, self.replay, self.defects)
        return self.pending_service

    def replay(self, name: str, body: Mapping[str, Any]) -> Answer:
        """Run the change handler ``name`` on ``body`` (a 仮登録 tried or committed); a refusal as its answer."""
        handler: Handler = getattr(self, name)
        try:
            self.stamp_terminal(name, body)
            answer = handler(body, (), _REPLAYED)
        except Refusal as refusal:
            return refusal.answer()
        # A 仮登録 tried in a rolled-back transaction sends nothing: the 電文 are rolled back with it.
        self.cs_after_change(name, body, answer)
        self.units_after_change(answer)
        self.remarks_after(name, body, answer)
        return answer

    def pending_list(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        """4.0.8 R004, R005 仮登録一覧 (``pending.list``)."""
        return self.pending().listing(request.param("入力支所"), request.param("宛名番号"))

    def pending_commit(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """4.0.8 本登録 (決裁) of all, or of the persons or 入力支所 selected (``pending.commit``)."""
        return self.pending().commit(body)

    def pending_cancel(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """4.0.8 R003 取消 of a 仮登録 (``pending.cancel``)."""
        return self.pending().cancel(body)

    def pending_correct(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """4.0.8 R003 修正 of a 仮登録 (``pending.correct``)."""
        return self.pending().correct(body)

    def _route(self, method: str, segments: tuple[str, ...]) -> tuple[Handler, tuple[str, ...]] | None:
        # By name, so a variant vendor (a subclass) answers with its own methods.
        for (want_method, pattern), name in _ROUTES.items():
            if want_method != method or len(pattern) != len(segments):
                continue
            if all(part == "*" or part == segment for part, segment in zip(pattern, segments, strict=True)):
                handler: Handler = getattr(self, name)
                return handler, tuple(s for p, s in zip(pattern, segments, strict=True) if p == "*")
        return None


Handler = Callable[[Mapping[str, Any], tuple[str, ...], DriverRequest], Answer]


class _Replayed:
    """The request a replayed change handler gets: the body is passed to it, nothing else is read."""

    method = "POST"

    def param(self, name: str) -> str | None:
        return None

    def json_object(self) -> dict[str, Any]:
        return {}


_REPLAYED = _Replayed()

#: (method, path below /driver/v1 as segments with * for a parameter) -> the handling method's name.
_ROUTES: dict[tuple[str, tuple[str, ...]], str] = {
    ("POST", ("fixtures", "persons")): "fixtures",
    ("POST", ("moves", "in")): "move_in",
    ("POST", ("moves", "out")): "move_out",
    ("POST", ("moves", "out", "confirm")): "confirm_out",
    ("POST", ("moves", "within")): "move_within",
    ("POST", ("births",)): "birth",
    ("POST", ("deaths",)): "death",
    ("POST", ("disappearances",)): "disappearance",
    ("POST", ("households", "split")): "split",
    ("POST", ("households", "merge")): "merge",
    ("POST", ("households", "head")): "head",
    ("POST", ("ex-officio", "corrections")): "correct",
    ("POST", ("ex-officio", "removals")): "remove",
    ("POST", ("cancellations",)): "cancel",
    ("POST", ("nationality",)): "nationality",
    ("POST", ("tsusho",)): "tsusho",
    ("POST", ("tsusho", "deletions")): "tsusho_delete",
    ("POST", ("kyushi",)): "kyushi",
    ("POST", ("moj-notices",)): "moj_notice",
    ("GET", ("persons", "*")): "get_person",
    ("GET", ("persons", "*", "history")): "get_history",
    ("GET", ("persons", "*", "display")): "get_display",
    ("GET", ("households", "*")): "get_household",
    ("GET", ("search",)): "search",
    ("POST", ("search", "basic")): "search_basic",
    ("GET", ("search", "kanji")): "search_kanji",
    ("GET", ("logs", "operations")): "get_operation_log",
    ("POST", ("logs", "operations", "modify")): "modify_operation_log",
    ("POST", ("statistics",)): "stats_annual",
    ("GET", ("logs", "prints")): "get_print_log",
    ("GET", ("logs", "auth")): "get_auth_log",
    ("GET", ("logs", "errors")): "get_error_log",
    ("GET", ("logs", "settings")): "get_setting_log",
    ("GET", ("logs", "analysis")): "get_log_analysis",
    ("GET", ("logs", "issuances")): "get_issuances",
    ("POST", ("issuances", "dispose")): "dispose_issuance",
    ("POST", ("extractions", "random")): "extract_random",
    ("POST", ("clock", "advance")): "clock_advance",
    ("GET", ("lists", "suppressed")): "list_suppressed",
    ("GET", ("euc", "items")): "euc_items",
    ("POST", ("euc", "extract")): "euc_extract",
    ("POST", ("support-measures",)): "support_register",
    ("POST", ("support-measures", "*")): "support_update",
    ("GET", ("support-measures", "*")): "get_support",
    ("GET", ("cs", "sent")): "cs_sent",
    ("POST", ("notices",)): "notices_issue",
    ("GET", ("notices", "flow")): "notices_flow",
    ("POST", ("cs", "mode")): "cs_mode",
    ("POST", ("cs", "link")): "cs_link",
    ("POST", ("cs", "send")): "cs_send",
    ("GET", ("cs", "status")): "cs_status",
    ("POST", ("cs", "fugo")): "cs_fugo",
    ("POST", ("cs", "sofusaki")): "cs_sofusaki",
    ("POST", ("cs", "serial")): "cs_serial",
    ("POST", ("cs", "consistency")): "cs_consistency",
    ("POST", ("cs", "moji")): "cs_moji",
    ("POST", ("units", "register")): "units_register",
    ("GET", ("units", "sent")): "units_sent",
    ("GET", ("units", "*")): "query_units",
    ("POST", ("cs", "resend")): "cs_resend",
    ("POST", ("cs", "receive")): "cs_receive",
    ("GET", ("codes", "stock")): "codes_stock",
    ("POST", ("codes", "threshold")): "codes_threshold",
    ("POST", ("batches", "run")): "batch_run",
    ("GET", ("batches", "results", "*")): "batch_result",
    ("GET", ("batches", "parameters")): "batch_parameters",
    ("POST", ("batches", "parameters")): "batch_edit",
    ("POST", ("batches", "schedule")): "batch_schedule",
    ("GET", ("archive", "persons", "*")): "archive_person",
    ("POST", ("address", "bulk-change")): "address_bulk_change",
    ("POST", ("imports", "csv")): "import_csv",
    ("GET", ("notices", "guardianship", "*")): "guardianship_notice",
    ("POST", ("remarks",)): "remark_record",
    ("POST", ("remarks", "presets")): "remark_presets",
    ("POST", ("kaisei",)): "kaisei",
    ("POST", ("terminals",)): "terminals_register",
    ("GET", ("terminals",)): "terminals_list",
    ("GET", ("remarks", "*")): "get_remarks",
    ("POST", ("memos",)): "memo_add",
    ("POST", ("memos", "*")): "memo_update",
    ("POST", ("memos", "*", "delete")): "memo_delete",
    ("GET", ("memos",)): "memo_list",
    ("GET", ("certifiers",)): "certifiers_get",
    ("POST", ("certifiers",)): "certifiers_set",
    ("GET", ("pending",)): "pending_list",
    ("POST", ("pending", "commit")): "pending_commit",
    ("POST", ("pending", "cancel")): "pending_cancel",
    ("POST", ("pending", "correct")): "pending_correct",
    ("POST", ("users",)): "users_create",
    ("GET", ("users",)): "users_list",
    ("POST", ("users", "organisations")): "users_organisation",
    ("POST", ("users", "bulk")): "users_bulk",
    ("POST", ("users", "schedule")): "users_schedule",
    ("POST", ("users", "display")): "users_display",
    ("GET", ("users", "*")): "users_get",
    ("POST", ("users", "login")): "users_login",
    ("POST", ("users", "password")): "users_password",
    ("POST", ("edits", "begin")): "edits_begin",
    ("POST", ("edits", "end")): "edits_end",
    ("POST", ("suppressions",)): "suppressions_set",
    ("POST", ("suppressions", "release")): "suppressions_release",
    ("POST", ("kodomo", "nintei")): "kodomo_nintei",
    ("POST", ("linkage", "feed")): "linkage_feed",
    ("POST", ("koseki", "hensei")): "koseki_hensei",
    ("POST", ("koseki", "todoke")): "koseki_todoke",
    ("POST", ("koseki", "seikyu")): "koseki_seikyu",
}
