"""The reference vendor's adapter for the driver protocol (``/api/v1/driver/v1``; docs/driver.md).

Every operation works on the same :class:`~conformance_reference.storage.Store` as the linkage API,
so what a 異動 writes is what ``/residents`` and the exports show. Each committed change appends one
history row per person with every item (住民記録 1.0 1.2.1 R017: 全項目の内容を保持), the 異動事由 code
of the catalog's table, the 1.2.2 区分 (``異動事由区分``), 異動日, 届出年月日 or 通知年月日 and 処理日.

Answers: 200 ``{"result": "ok"}``; an エラー is 422 ``{"result": "error", "code"}`` and commits nothing;
an アラート is 409 ``{"result": "alert", "alerts": [...]}`` until the request is repeated with the code
in ``confirm`` (11.1 R003, R004). The codes are the driver catalog's (spec_catalog/jumin/1.0/driver.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conformance import clock
from conformance_reference import furigana, idou_items, joshuhyo, kari, shokken, terminals, unknown_dates, yubin
from conformance_reference.basic_search import BasicSearchHandlers
from conformance_reference.batch import BatchHandlers
from conformance_reference.certifiers import CertifierHandlers
from conformance_reference.codes import CODE_CHANGES, CodeHandlers
from conformance_reference.cs import CsHandlers
from conformance_reference.csv_import import CsvImportHandlers
from conformance_reference.driver_logs import Answer, DriverLogs, DriverRequest
from conformance_reference.euc import EucHandlers
from conformance_reference.issuance import IssuanceHistory
from conformance_reference.kaisei import KaiseiHandlers
from conformance_reference.kodomo_kosodate import kodomo
from conformance_reference.koseki.koseki import KosekiBook
from conformance_reference.memos import MemoHandlers
from conformance_reference.moshide import correction_days, notice_day
from conformance_reference.notices import NoticeHandlers
from conformance_reference.numbers import check_digit
from conformance_reference.oplog import OperationLog
from conformance_reference.remarks import RemarkHandlers
from conformance_reference.search import kana_search
from conformance_reference.storage import Row, Store
from conformance_reference.support import SupportHandlers, marks_of
from conformance_reference.suppression import SuppressionBook, SuppressionHandlers
from conformance_reference.tagyomu import UnitHandlers
from conformance_reference.terminals import TerminalHandlers
from conformance_reference.user_admin import UserAdminHandlers
from conformance_reference.users import UserRegistry, UsersHandlers, session_of

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
#: The relations of 1.1.11 ② that 「の」 joins (③: up to 4 generations).
_BASE_RELATIONS = ("夫（未届）", "妻（未届）", "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹")
_SPOUSES = frozenset({"夫", "妻", "夫（未届）", "妻（未届）"})
_SIBLINGS = frozenset({"兄", "姉", "弟", "妹"})
_GRANDPARENTS = frozenset({"父の父", "父の母", "母の父", "母の母"})
#: Items that name a 世帯 (copied to every member's row) and the person (never changed by a correction).
_KEY_ITEMS = frozenset({"宛名番号", "履歴番号"})
#: The 異動事由 codes of the catalog (code_tables.yaml change_reason) per 1.2.2 区分.
_REASON_CODES: dict[str, str] = {
    "国内転入": "A1", "国外転入等": "A1", "出生": "A2", "職権記載": "A3", "転居": "B1", "国内転出": "C1",
    "国外転出": "C1", "死亡": "C2", "職権消除": "C3", "世帯分離": "D1", "世帯合併": "D1", "世帯主変更": "D1",
    "職権修正": "E1", "軽微な修正": "E1", "誤記修正": "E1", "通称の記載": "E1", "通称の削除": "E1",
    "旧氏の記載": "E1", "旧氏の変更": "E1", "旧氏の削除": "E1",
    "異動の取消し（増）": "E2", "異動の取消し（減）": "E2", "異動の取消し（修正）": "E2",
    "職権記載（帰化等）": "A3", "職権記載（国籍喪失）": "A3", "職権消除（帰化等）": "C3", "職権消除（国籍喪失）": "C3",
    **{kind: "E1" for kind in ("個人番号の変更請求", "個人番号の職権修正", "個人番号の職権記載",
                               "住民票コードの変更請求", "住民票コードの職権記載")},
}
#: The 区分 of a correction and the items each may change (None: any item).
_CORRECTIONS: dict[str, frozenset[str] | None] = {
    "職権修正": None, "軽微な修正": None, "誤記修正": None,
    **{kind: frozenset({"個人番号"}) for kind in ("個人番号の変更請求", "個人番号の職権修正", "個人番号の職権記載")},
    **{kind: frozenset({"住民票コード"}) for kind in ("住民票コードの変更請求", "住民票コードの職権記載")},
}
#: What a 住民票 of the other 住民種別 takes over on 帰化, 国籍取得 and 国籍喪失 (4.5.3 R002, 4.5.4 R002, 4.5.5 R002).
_INHERITED = ("宛名番号", "世帯番号", "住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書",
              "住所_郵便番号", "住所_市区町村コード", "生年月日", "生年月日_不詳フラグ", "性別", "続柄", "世帯主氏名",
              "住所を定めた年月日", "住民票コード", "個人番号", "転入前住所_市区町村コード", "住民となった年月日")
#: What a 国外転出者 returning first to the same town takes over from the 除票 (1.1.7 R003: 旧氏又は通称).
_CARRIED_FROM_ABROAD = ("旧氏", "旧氏_フリガナ", "通称", "通称_フリガナ", "通称_記載年月日", "通称_記載市区町村コード")
_HEAD_LEAVES = "世帯主が世帯からいなくなり、残存世帯員が２人以上となります。先に世帯主変更を行ってください。"
#: Flags a new record starts with when the input leaves them out.
_FLAG_DEFAULTS = {"生年月日_不詳フラグ": "0", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0"}
#: A foreign resident's items shown in 西暦 (1.1.9 R001 ただし).
_SEIREKI_ITEMS = frozenset({"生年月日", "在留期間の満了の日"})
#: 住民状態 codes (code_tables.yaml resident_status).
_CURRENT, _MOVED_OUT, _DECEASED, _REMOVED = "1", "2", "3", "9"


class Refusal(Exception):
    """An エラー (``kind`` error, 422) or アラート (409): the request commits nothing."""

    def __init__(self, kind: str, code: str, message: str, item: str = "") -> None:
        super().__init__(message)
        self.kind, self.code, self.message, self.item = kind, code, message, item

    def answer(self) -> Answer:
        detail = {"code": self.code, "item": self.item, "message": self.message}
        if self.kind == "alert":
            return 409, {"result": "alert", "alerts": [detail]}
        return 422, {"result": "error", **detail}


class BadInput(Exception):
    """A request that does not follow the protocol (400)."""


# -- small rules (each one a unit the mutation benchmark changes) --------------------------------------


def parse_date(value: object, field: str) -> date:
    """A calendar date ``YYYY-MM-DD``; else the エラー E005 (1.1.8 R001: 暦上日に限り)."""
    match = _DATE.fullmatch(str(value or ""))
    try:
        if match is None:
            raise ValueError
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise Refusal("error", "E005", f"{field}: 暦上日でない年月日です: {value!r}", field) from None


def parse_day(value: object, field: str) -> str:
    """A 年月日 that 1.1.8 R001's ただし lets be non-calendar (出生・死亡・失踪の異動日, 生年月日), as its
    ``YYYY-MM-DD`` text: a month 01-12 and a day 01-31 (``2026-02-29``, the text's example); else E005."""
    match = _DATE.fullmatch(str(value or ""))
    if match is None or not 1 <= int(match.group(2)) <= 12 or not 1 <= int(match.group(3)) <= 31:
        raise Refusal("error", "E005", f"{field}: 年月日ではありません: {value!r}", field)
    return match.group(0)


def paired(numbers: object, relations: object) -> dict[str, str]:
    """``宛名番号`` and ``続柄`` lists, in the same order, as 宛名番号 -> 続柄."""
    if not relations:
        return {}
    if not isinstance(numbers, list) or not isinstance(relations, list) or len(numbers) < len(relations):
        raise BadInput("続柄 is a list in the order of the 宛名番号 it goes with")
    return {str(number): str(relation) for number, relation in zip(numbers, relations, strict=False)}


#: Dates that may be non-calendar (1.1.8 R001 ただし: 生年月日, 住民となった年月日, 住所を定めた年月日 ...).
LENIENT_DATES = frozenset({"生年月日", "住民となった年月日", "住所を定めた年月日"})
#: Items that may not be blank, for everyone (1.1.6 R003-R007, R020, R021; 住所 as its 町字).
NOT_BLANK = ("生年月日", "住民となった年月日", "住所_都道府県", "住所_市区町村", "住所_町字", "宛名番号", "世帯番号")
#: Per 住民種別 (1.1.6 R004 日本人住民's 戸籍の表示, R008 外国人住民となった年月日), as the driver names the items.
HONSEKI = "戸籍の表示（本籍・筆頭者）"
NOT_BLANK_BY_KIND: dict[str, tuple[str, ...]] = {"1": (HONSEKI,), "2": ("外国人住民となった年月日",)}
#: Per 第30条45規定区分 (1.1.6 R009-R019): the items of the 区分 that may not be blank.
NOT_BLANK_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "1": ("在留カード等番号",), "2": ("在留カード等番号",), "3": ("上陸期間_満了日",), "4": ("仮滞在期間_満了日",),
}


def _keibi_refused(defects: frozenset[str]) -> frozenset[str]:
    """The items a defective 軽微な修正 refuses (4.2.3.2 R003-R008 name the kinds of it)."""
    refused: set[str] = set()
    if "keibi_name_refused" in defects:
        refused.add("氏名")
    if "keibi_machiaza_refused" in defects:
        refused.add("住所_町字")
    if "keibi_banchi_katagaki_refused" in defects:
        refused.update(("住所_番地号表記", "住所_方書"))
    return frozenset(refused)


def check_dates(items: Mapping[str, str]) -> None:
    """Dates other than the lenient ones must be calendar dates (1.1.8 R001): else E005."""
    for name, value in items.items():
        if value and (name.endswith("年月日") or name.endswith("の日") or name.endswith("満了日")) \
                and name not in LENIENT_DATES:
            parse_date(value, name)


def check_blanks(row: Mapping[str, str], changed: Mapping[str, str], defects: frozenset[str] = frozenset()) -> None:
    """1.1.6 R001: the items listed there may not be blank (E009); the others may. ``row`` is the
    person's record before ``changed`` (its 住民状態, 住民種別 and 区分 say which items are listed).
    The ``blanks_accepted`` defect lets every item be blanked."""
    if "blanks_accepted" in defects:
        return
    needed = list(NOT_BLANK) + list(NOT_BLANK_BY_KIND.get(row.get("住民種別", "1") or "1", ()))
    if row.get("住民状態") == "1":
        needed.append("住民票コード")  # 除票の場合を除く
    if row.get("住民種別") == "2":
        needed.append("第30条45規定区分")
        category = NOT_BLANK_BY_CATEGORY.get(row.get("第30条45規定区分", ""), ())
        needed.extend(item for item in category if item != "在留カード等番号" or row.get("住民状態") == "1")
    for name in needed:
        if name in changed and not changed[name]:
            raise Refusal("error", "E009", f"{name}は空欄にできません。", name)


def generations(relation: str) -> int:
    """How many relations 「の」 joins (1.1.11 R005: 機械的に数えたもの)."""
    return len(relation.split("の"))


def relation_allowed(relation: str) -> bool:
    """1.1.11 ①-⑤: 世帯主, 縁故者, 同居人, or ② joined by の up to 4 generations."""
    if relation in ("世帯主", "縁故者", "同居人"):
        return True
    parts = relation.split("の")
    return all(part in _BASE_RELATIONS for part in parts) and len(parts) <= 4


def removal_date(planned: date, arrived: date) -> date:
    """1.1.5 R001: 転出予定年月日又は転入通知に記載された転入日のいずれか早い日."""
    return min(planned, arrived)


def household_rank(relation: str) -> tuple[int, int]:
    """The 順位 and place within it of 5.2 for a 続柄."""
    if relation == "世帯主":
        return 1, 1
    if relation in _SPOUSES:
        return 1, 2
    if relation == "子":
        return 1, 3
    if relation.startswith("子の") and relation[2:] in _SPOUSES:
        return 2, 2
    if relation.startswith("子の子"):
        return 2, 3
    if relation in ("父", "母"):
        return 3, 1
    if relation in _SIBLINGS:
        return 3, 2
    if relation in _GRANDPARENTS:
        return 3, 3
    return (4, 2) if relation == "縁故者" else (4, 3) if relation == "同居人" else (4, 1)


def member_key(row: Mapping[str, str]) -> tuple[int, tuple[int, int], str, str]:
    """5.2 order: who joined an existing 世帯 by 転入 comes last (末尾に順次記載), in joining order; the
    others by 順位, then 生年月日, then 宛名番号."""
    return int(row.get("世帯加入順") or 0), household_rank(row.get("続柄", "")), row.get("生年月日", ""), \
        row.get("宛名番号", "")


# -- the service -------------------------------------------------------------------------------------


@dataclass
class DriverService(DriverLogs, SupportHandlers, CodeHandlers, CsHandlers, UnitHandlers, EucHandlers,
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

    # -- helpers -----------------------------------------------------------------------------------

    def person(self, atena: object) -> Row:
        row = self.store.latest(str(atena))
        if row is None:
            raise BadInput(f"no person with 宛名番号 {atena!r}")
        return row

    def current(self, atena: object) -> Row:
        """A person who is a 住民 before the 異動 (4.0.1 R001), else the エラー E006."""
        row = self.person(atena)
        if row.get("住民状態") != _CURRENT:
            raise Refusal("error", "E006", "異動前に住民でない者は選択できません。", "宛名番号")
        return row

    def find_person(self, name: str, born: str) -> list[Row]:
        """The current 住民 of this 氏名 and 生年月日 (10.8 R003: the person a 届出's data names)."""
        return [dict(row) for row in self.store.current()
                if row.get("住民状態") == _CURRENT and row.get("氏名") == name and row.get("生年月日") == born]

    def processing_day(self, body: Mapping[str, Any]) -> date:
        """処理日: the day given, else today (4.0.3 R004: 処理当日が自動入力)."""
        return parse_date(body["処理日"], "処理日") if body.get("処理日") else self.today()

    def check_past(self, value: date | str, processed: date, field: str, code: str) -> None:
        """4.0.3 R003 / 4.1.0.2 R003: only days up to the 処理日 (a non-calendar day compared as its text)."""
        if (value if isinstance(value, str) else value.isoformat()) > processed.isoformat():
            raise Refusal("error", code, f"{field}が処理日より後です。処理当日以前の日を入力してください。", field)

    def check_relation(self, relation: str) -> None:
        if relation and not relation_allowed(relation):
            if generations(relation) >= 5:
                raise Refusal("error", "E007", "５世代以上の続柄は「縁故者」としてください。", "続柄")
            raise BadInput(f"続柄 {relation!r} is not one of 1.1.11")

    def alerts(self, body: Mapping[str, Any], raised: Iterable[tuple[str, str, str]]) -> None:
        """アラート not yet confirmed stop the request (11.1 R004: 注意喚起の表示を経た上で確定)."""
        confirmed = set(body.get("confirm") or ())
        pending = [(code, message, item) for code, message, item in raised if code not in confirmed]
        if pending:
            code, message, item = pending[0]
            raise Refusal("alert", code, message, item)

    def head_leaving(self, leaving: Iterable[Row]) -> tuple[str, str, str] | None:
        """4.0.4 R002: the 世帯主 leaves and two or more members remain."""
        leaving = list(leaving)
        numbers = {row["宛名番号"] for row in leaving}
        for row in leaving:
            if row.get("続柄") == "世帯主":
                rest = [m for m in self.members(row["世帯番号"]) if m["宛名番号"] not in numbers]
                if len(rest) >= 2:
                    return "A002", _HEAD_LEAVES, "続柄"
        return None

    def members(self, setai: str) -> list[Row]:
        rows = [row for row in self.store.household(setai) if row.get("住民状態") == _CURRENT]
        return sorted(rows, key=self.order_key)

    def order_key(self, row: Mapping[str, str]) -> tuple[Any, ...]:
        if "household_order_wrong" in self.defects:
            return (row.get("宛名番号", ""),)
        key = member_key(row)
        if "household_spouse_as_child" in self.defects and key[1] == household_rank("妻"):
            return (key[0], household_rank("子"), *key[2:])  # a 配偶者 among the 子, by 生年月日
        if "household_grandchild_as_child_spouse" in self.defects and key[1] == household_rank("子の子"):
            return (key[0], household_rank("子の妻"), *key[2:])  # a 子の子 among the 子の配偶者, by 生年月日
        return key

    def new_number(self, serial: int) -> str:
        digits = f"{serial:09d}"
        return digits + str(check_digit(digits))

    def write(self, row: Mapping[str, str], reason: str, moved: date | str | None, processed: date, *,
              overwrite: bool = False, **dates: date | None) -> Row:
        """Append ``row`` as the person's next history row with the 異動 of ``reason`` (a 異動日 given as
        text is a non-calendar one, kept as written); ``overwrite`` (a defect's) replaces the latest row."""
        stored = {**_FLAG_DEFAULTS, **row}
        stored.update({"異動事由": _REASON_CODES[reason], "異動事由区分": reason, "処理日": processed.isoformat(),
                       **(self.terminal_stamp if self.terminal_stamp is not None else terminals.DEFAULT)})
        if moved is not None:
            stored["異動日"] = moved if isinstance(moved, str) else moved.isoformat()
        for name, value in dates.items():
            stored[name] = value.isoformat() if value is not None else ""
        if "shoribi_as_idoubi" in self.defects and moved is not None:
            stored["処理日"] = stored["異動日"]
        if "todoke_idou_swapped" in self.defects and dates.get("届出年月日") and moved is not None:
            stored["届出年月日"], stored["異動日"] = stored["異動日"], stored["届出年月日"]
        return self.store.overwrite_latest(stored) if overwrite else self.store.append(stored)

    def ok(self, rows: Iterable[Mapping[str, str]], **extra: Any) -> Answer:
        persons = [{"宛名番号": row["宛名番号"], "世帯番号": row.get("世帯番号", "")} for row in rows]
        return 200, {"result": "ok", "persons": persons, **extra}

    # -- setup -------------------------------------------------------------------------------------

    def fixtures(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """Persons of one new 世帯 with the items given (test data, not a 異動)."""
        setai = self.new_number(self.store.next_setai_serial())
        stored = []
        for items in body["persons"]:
            row = {**{str(k): str(v) for k, v in dict(items).items()}, "世帯番号": setai, "世帯加入順": "0"}
            row["宛名番号"] = self.new_number(self.store.next_atena_serial())
            row.pop("履歴番号", None)
            stored.append(self.store.append(row))
        return self.ok(stored)

    # -- 転入 ----------------------------------------------------------------------------------------

    def move_in(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        moved = parse_date(body["異動日"], "異動日")
        # a 職権記載 has no 届出 (1.2.2 R010, reference/shokken.py)
        notified = None if shokken.ex_officio(body) else parse_date(body["届出年月日"], "届出年月日")
        self.check_past(moved, processed, "異動日", "E001")
        if notified is not None:
            self.check_past(notified, processed, "届出年月日", "E002")
        kind = str(body["区分"])
        persons = [yubin.entered(unknown_dates.entered({str(k): str(v) for k, v in dict(items).items()},
                                                       self.defects), self.defects) for items in body["persons"]]
        if idou_items.unreported(body):  # 4.1.1.4 R001, R002: 転入前住所（未届）, 最終登録住所地
            persons = [idou_items.unreported_person(person, self.defects) for person in persons]
        if shokken.previous_address_refused(persons, self.defects):  # 4.2.1.1 R001: 転入前住所 「不明」
            raise Refusal("error", "E009", "転入前住所は住所辞書の住所を入力してください。", "転入前住所")
        raised: list[tuple[str, str, str]] = []
        for person in persons:
            born = person.get("生年月日", "") if person.get("生年月日_不詳フラグ") != "1" else ""
            if _DATE.fullmatch(born) and moved.isoformat() < born:
                raise Refusal("error", "E003", "異動日が生年月日より前です。", "異動日")
            self.check_relation(person.get("続柄", ""))
            raised.extend(self.returning(person))
        self.alerts(body, raised)
        if "setai_nushi_required" in self.defects and not body.get("世帯番号") \
                and not any(person.get("続柄") == "世帯主" for person in persons):
            # 1.1.10 R001: 世帯主未設定を許容する; the defect requires a 世帯主 in a new 世帯
            raise Refusal("error", "E009", "世帯主を設定してください。", "続柄")
        setai = str(body.get("世帯番号") or "") or self.new_number(self.store.next_setai_serial())
        joined = self.joining_order(setai) if body.get("世帯番号") else 0
        reason = shokken.entry_reason(body, "国内転入" if kind == "国内転入" else "国外転入等", self.defects)
        stored = []
        for offset, person in enumerate(persons):
            row = {**person, "世帯番号": setai, "住民状態": _CURRENT, "住民となった年月日": moved.isoformat(),
                   "住所を定めた年月日": moved.isoformat(), "世帯加入順": str(joined + offset if joined else 0)}
            if kind in ("法第30条の46", "法第30条の47"):
                row["転入前住所_市区町村コード"] = ""  # 4.5.1 R002 / 4.5.2 R002: 空欄として登録できる
            if kind == "法第30条の47" and "art_30_47_as_domestic" in self.defects:
                row["転入前住所_市区町村コード"] = row.get("住所_市区町村コード", "")
            selected = "" if reason == "国内転入" and "reentry_new_number" in self.defects else person.get("宛名番号")
            row["宛名番号"] = selected or self.new_number(self.store.next_atena_serial())
            if reason == "国外転入等" and person.get("宛名番号"):
                row = {**self.carried_from_abroad(row["宛名番号"]), **row}
            if selected:
                row.update(self.support_marks(row["宛名番号"]))
            stored.append(self.write(row, self.entry_reason(reason, kind, row, moved), moved, processed,
                                     届出年月日=notified))
        return self.ok(stored)

    def entry_reason(self, reason: str, kind: str, row: Mapping[str, str], moved: date) -> str:
        """The 異動事由 of a 転入 (4.1.0.1 R003: 転入 even for a child whose 出生届 comes with it). The defects:
        ``tennyu_newborn_as_birth`` records a child born in the 30 days before as 出生, ``art_30_47_as_domestic``
        records 法第30条の47 as 国内転入."""
        if kind == "法第30条の47" and "art_30_47_as_domestic" in self.defects:
            return "国内転入"
        if "tennyu_newborn_as_birth" in self.defects:
            try:
                born = date.fromisoformat(row.get("生年月日", ""))
            except ValueError:  # 不詳 or non-calendar (1.1.8): no day to count from
                return reason
            if 0 <= (moved - born).days <= 30:
                return "出生"
        return reason

    def support_marks(self, atena: str) -> dict[str, str]:
        """A 再転入 under the 除票's 宛名番号 (4.1.1.2 R002) keeps the 支援措置's 表示 of the 除票 (3.4 R001, R009: the
        支援措置 goes on, and the 表示 follows it, not the 異動). The defect ``dv_reentry_unmarked`` drops it."""
        previous = self.store.latest(atena)
        if previous is None or "dv_reentry_unmarked" in self.defects:
            return {}
        return marks_of(previous)

    def carried_from_abroad(self, atena: str) -> dict[str, str]:
        """1.1.7 R003: the 旧氏 and 通称 of a 除票 left by a 国外転出, for the first 転入 from abroad back into this
        town (the 除票's 宛名番号 chosen: 4.1.1.2 R002); items the 転入 gives win. The defect
        ``return_drops_kyushi_tsusho`` carries nothing."""
        history = self.store.history(atena)
        if not history or history[-1].get("異動事由区分") != "国外転出" or "return_drops_kyushi_tsusho" in self.defects:
            return {}
        return {name: history[-1][name] for name in _CARRIED_FROM_ABROAD if history[-1].get(name)}

    def joining_order(self, setai: str) -> int:
        if not self.members(setai):
            raise BadInput(f"no 世帯 {setai} with current members")
        return max(int(row.get("世帯加入順") or 0) for row in self.store.household(setai)) + 1

    def returning(self, person: Mapping[str, str]) -> list[tuple[str, str, str]]:
        """4.1.1.2 R001: a 除票 with the same 個人番号, 住民票コード or 在留カード等番号 stops a new entry
        (E004); one with the same 3情報 is an アラート (A001)."""
        alerts: list[tuple[str, str, str]] = []
        for row in self.store.current():
            if row.get("住民状態") == _CURRENT:
                continue
            for item in ("個人番号", "住民票コード", "在留カード等番号"):
                if person.get(item) and person.get(item) == row.get(item) and person.get("宛名番号") != row["宛名番号"]:
                    raise Refusal("error", "E004", "除票に一致する者がいます。再転入者として処理してください。"
                                  f"（宛名番号 {row['宛名番号']}）", item)
            same = all(person.get(item) == row.get(item) for item in ("氏名", "性別", "生年月日"))
            if same and person.get("宛名番号") != row["宛名番号"]:
                alerts.append(("A001", "除票に３情報（氏名・性別・生年月日）が一致する者がいます。"
                               "再転入者か確認してください。"
                               f"（宛名番号 {row['宛名番号']}）", "氏名"))
        return alerts

    # -- 転出 ----------------------------------------------------------------------------------------

    def move_out(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        planned = parse_date(body["転出予定年月日"], "転出予定年月日")
        notified = parse_date(body["届出年月日"], "届出年月日")
        self.check_past(notified, processed, "届出年月日", "E002")  # 4.1.3.0.1 R001: 異動日 may be later
        rows = [self.current(atena) for atena in body["宛名番号"]]
        if joshuhyo.adoption_refused(body, self.defects):
            raise Refusal("error", "E009", "転出先住所は空欄にできません。", "転出先住所_市区町村コード")
        self.alerts(body, [alert for alert in [self.head_leaving(rows)] if alert is not None])
        reason = "国外転出" if body.get("区分") == "国外転出" else "国内転出"
        reason = shokken.out_reason(planned, notified, reason, self.defects)  # 4.1.3.0.1 R002: 14日を経過
        stored = []
        for row in rows:
            changed = {**row, "転出予定年月日": planned.isoformat(),
                       "転出先住所（確定）_市区町村コード": "", "転出年月日（確定）": "",
                       **yubin.planned(body, row, self.defects)}  # 1.1.17 R001
            if body.get("転出先住所_市区町村コード"):
                changed["転出先住所（予定）_市区町村コード"] = str(body["転出先住所_市区町村コード"])
            # 4.1.3.0.2 R001, R003: the 転出先住所（予定） as entered (a 市区町村 only, or a 国外住所); the
            # out_address_dropped defect keeps none.
            if body.get("転出先住所") and "out_address_dropped" not in self.defects:
                changed["転出先住所（予定）"] = str(body["転出先住所"])
            stored.append(self.write(changed, reason, planned, processed, 届出年月日=notified))
        return self.ok(stored)

    def confirm_out(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """転入通知の受理: the 除票 on the earlier of 転出予定年月日 and the 転入日 (1.1.5 R001)."""
        row = self.person(body["宛名番号"])
        arrived, notified = parse_date(body["転入年月日"], "転入年月日"), parse_date(body["通知年月日"], "通知年月日")
        if shokken.removed_ex_officio(row):  # 4.1.3.1.1 R002: the 通知 of a 職権消除'd person
            changed = shokken.notice_after_removal(row, body, arrived, self.defects)
            return self.ok([self.write(changed, "職権消除", row.get("異動日"), self.processing_day(body),
                                       通知年月日=notified)])
        planned = parse_date(row.get("転出予定年月日"), "転出予定年月日")
        removed = removal_date(planned, arrived)
        changed = {**row, "住民状態": _MOVED_OUT, "転出年月日（確定）": removed.isoformat()}
        reason = row.get("異動事由区分") if row.get("異動事由区分") in ("国内転出", "国外転出") else "国内転出"
        changed, reason, kept = joshuhyo.confirmed(changed, body, notified, str(reason), self.defects)
        changed.update(yubin.confirmed(body, self.defects))  # 1.1.17 R001: the 転出先住所（確定）'s 郵便番号
        stored = self.write(changed, reason, removed, self.processing_day(body), 通知年月日=kept)
        return self.ok([stored], 除票年月日=removed.isoformat())

    # -- 転居 ----------------------------------------------------------------------------------------

    def move_within(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        moved, notified = parse_date(body["異動日"], "異動日"), parse_date(body["届出年月日"], "届出年月日")
        self.check_past(moved, processed, "異動日", "E001")
        self.check_past(notified, processed, "届出年月日", "E002")
        rows = [self.current(atena) for atena in body["宛名番号"]]
        whole = {row["宛名番号"] for row in rows} >= {m["宛名番号"] for m in self.members(rows[0]["世帯番号"])}
        if not whole:
            self.alerts(body, [alert for alert in [self.head_leaving(rows)] if alert is not None])
        address = {str(k): str(v) for k, v in dict(body["住所"]).items() if str(k).startswith("住所_")}
        # The ``tenkyo_overwrites_history`` defect writes the 転居 over the latest row (1.2.1: 履歴 appended).
        overwrite = "tenkyo_overwrites_history" in self.defects
        stored = [self.write({**row, **address, "住所を定めた年月日": moved.isoformat()}, "転居", moved, processed,
                             overwrite=overwrite, 届出年月日=notified) for row in rows]
        return self.ok(stored)

    # -- 出生・死亡・失踪 -------------------------------------------------------------------------------

    def birth(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        person = {str(k): str(v) for k, v in dict(body["person"]).items()}
        # 1.1.8 R001 ただし: the 生年月日, a 出生's 異動日, may be a non-calendar day.
        born, notified = parse_day(person["生年月日"], "生年月日"), parse_date(body["届出年月日"], "届出年月日")
        self.check_past(born, processed, "異動日", "E001")
        self.check_relation(person.get("続柄", ""))
        setai = str(body["世帯番号"])
        if not self.members(setai):
            raise BadInput(f"no 世帯 {setai} with current members")
        if body.get(idou_items.QUOTE):  # 4.2.0.3 R002: a member's 戸籍の表示 quoted
            member = next((m for m in self.members(setai) if m["宛名番号"] == str(body[idou_items.QUOTE])), None)
            if member is None:
                raise BadInput(f"{body[idou_items.QUOTE]} is not a current member of 世帯 {setai}")
            person = {**idou_items.quoted_honseki(member, self.defects), **person}
        row = {**person, "世帯番号": setai, "住民状態": _CURRENT, "住民となった年月日": born,
               "住所を定めた年月日": born, "転入前住所_市区町村コード": "", "世帯加入順": "0",
               "宛名番号": self.new_number(self.store.next_atena_serial())}
        row["住民票コード"] = self.drawn_code(body, row.get("住民票コード", ""))  # 4.3.1 R002: 未付番者
        return self.ok([self.write(row, "出生", born, processed, 届出年月日=notified)])

    def death(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        return self.leave(body, "死亡", _DECEASED, any_day=True)

    def disappearance(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """失踪宣告 (法第９条第２項の通知): 職権消除 (4.2.2.2 R001), with the 通知日 (4.2.0.4 R001) unless the
        ``shisso_notice_day_dropped`` defect leaves it out."""
        if "shisso_notice_day_dropped" in self.defects:
            body = {key: value for key, value in body.items() if key != "通知年月日"}
        else:  # entered without its day: the 処理日 (4.2.0.4 R002)
            body = notice_day(body, self.processing_day(body), self.defects)
        return self.leave(body, "職権消除", _REMOVED, any_day=True)

    def remove(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        return self.leave(body, "職権消除", _REMOVED)

    def leave(self, body: Mapping[str, Any], reason: str, status: str, *, any_day: bool = False) -> Answer:
        """A 除票 of ``reason``; ``any_day``: the 異動日 may be a non-calendar day (1.1.8 R001 ただし: 死亡又は
        失踪に係る異動日), else a calendar one."""
        processed = self.processing_day(body)
        moved = parse_day(body["異動日"], "異動日") if any_day else parse_date(body["異動日"], "異動日").isoformat()
        self.check_past(moved, processed, "異動日", "E001")
        row = self.current(body["宛名番号"])
        if row.get("生年月日_不詳フラグ") != "1" and _DATE.fullmatch(row.get("生年月日", "")) \
                and moved < row["生年月日"]:
            raise Refusal("error", "E003", "異動日が生年月日より前です。", "異動日")
        self.alerts(body, [alert for alert in [self.head_leaving([row])] if alert is not None])
        notified = parse_date(body["通知年月日"], "通知年月日") if body.get("通知年月日") else None
        return self.ok([self.write({**row, "住民状態": status}, reason, moved, processed, 通知年月日=notified)])

    # -- 世帯変更等 -------------------------------------------------------------------------------------

    def split(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed, moved, notified = self.dates(body)
        rows = [self.current(atena) for atena in body["宛名番号"]]
        # 4.0.4 R002: the 世帯主 leaving two or more members behind is an アラート first (a 世帯主変更 is asked)
        self.alerts(body, [alert for alert in [self.head_leaving(rows)] if alert is not None])
        setai = self.new_number(self.store.next_setai_serial())
        relations = paired(body.get("宛名番号"), body.get("続柄"))
        stored = []
        for index, row in enumerate(rows):
            relation = "世帯主" if index == 0 else relations.get(row["宛名番号"], row.get("続柄", ""))
            self.check_relation(relation)
            # 1.1.1 R008 (10.4 P001: 世帯主でない者については世帯主の氏名): the members carry the new 世帯主's
            # 氏名; the 世帯主's own row keeps its value (the text records only 「その旨」 for him).
            named = self.head_name(row, rows[0]) if index else row.get("世帯主氏名", "")
            changed = {**row, "世帯番号": setai, "続柄": relation, "世帯加入順": "0", "世帯主氏名": named}
            stored.append(self.write(changed, "世帯分離", moved, processed, 届出年月日=notified))
        return self.ok(stored)

    def head_name(self, row: Mapping[str, str], head: Mapping[str, str] | None) -> str:
        """The 世帯主氏名 of a member of ``head``'s 世帯 (kept under the ``setai_nushi_name_kept`` defect)."""
        if "setai_nushi_name_kept" in self.defects:
            return row.get("世帯主氏名", "")
        # A 世帯 may have no 世帯主 (1.1.10): then there is no 世帯主's 氏名 to carry, and the name of the
        # member's former 世帯主 would be false.
        return head.get("氏名", "") if head is not None else ""

    def merge(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed, moved, notified = self.dates(body)
        setai = str(body["世帯番号"])
        joined = self.joining_order(setai)
        relations = paired(body["宛名番号"], body["続柄"])
        head = next((row for row in self.members(setai) if row.get("続柄") == "世帯主"), None)
        leaving = [row for row in map(self.current, body["宛名番号"]) if row.get("世帯番号") != setai]
        self.alerts(body, [alert for alert in [self.head_leaving(leaving)] if alert is not None])  # 4.0.4 R002
        stored = []
        for offset, atena in enumerate(body["宛名番号"]):
            row = self.current(atena)
            relation = relations[row["宛名番号"]]
            self.check_relation(relation)
            changed = {**row, "世帯番号": setai, "続柄": relation, "世帯加入順": str(joined + offset),
                       "世帯主氏名": self.head_name(row, head)}
            stored.append(self.write(changed, "世帯合併", moved, processed, 届出年月日=notified))
        return self.ok(stored)

    def head(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """世帯主変更 (4.1.4.1) with the members' new 続柄 (4.1.4.2 R001)."""
        processed, moved, notified = self.dates(body)
        setai, new_head = str(body["世帯番号"]), str(body["宛名番号"])
        relations = paired(body.get("世帯員"), body.get("続柄"))
        members = self.members(setai)
        head = next((row for row in members if row["宛名番号"] == new_head), None)
        if head is None:
            raise BadInput(f"{new_head} is not a current member of 世帯 {setai}")
        stored = []
        for row in members:
            relation = "世帯主" if row is head else relations.get(row["宛名番号"], row.get("続柄", ""))
            self.check_relation(relation)
            changed = {**row, "続柄": relation, "世帯主氏名": head.get("氏名", "")}
            stored.append(self.write(changed, "世帯主変更", moved, processed, 届出年月日=notified))
        return self.ok(stored)

    def dates(self, body: Mapping[str, Any]) -> tuple[date, date, date]:
        processed = self.processing_day(body)
        moved, notified = parse_date(body["異動日"], "異動日"), parse_date(body["届出年月日"], "届出年月日")
        self.check_past(moved, processed, "異動日", "E001")
        self.check_past(notified, processed, "届出年月日", "E002")
        return processed, moved, notified

    # -- 修正・取消し・通称・通知 --------------------------------------------------------------------------

    def correct(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """職権修正, 軽微な修正 (4.2.3.2) or 誤記修正 (4.2.3.3: 上書き修正せず), appending a row."""
        processed = self.processing_day(body)
        moved = parse_date(body["異動日"], "異動日")
        kind = str(body["区分"])
        if kind not in _CORRECTIONS:
            raise BadInput(f"区分 {kind!r}")
        row = self.person(body["宛名番号"])
        items = {str(k): str(v) for k, v in dict(body["items"]).items() if str(k) not in _KEY_ITEMS}
        if "seinen_flag_dropped" in self.defects:  # 9.4 R001: the 成年被後見人 set on no record
            items.pop("成年被後見人の該当有無", None)
        if "correction_layout_items_only" in self.defects:  # the other items of 1.1.1/1.1.2 silently dropped
            items = {name: value for name, value in items.items() if name in self.layout_items}
        allowed = _CORRECTIONS[kind]
        if kind in CODE_CHANGES:  # 4.3.1 R002: 変更異動, a code drawn from the stock unless one is given
            items["住民票コード"] = self.drawn_code(body, items.get("住民票コード", ""))
            if not items["住民票コード"]:
                items.pop("住民票コード")
        if allowed is not None and not set(items) <= allowed:
            raise BadInput(f"区分 {kind} corrects {', '.join(sorted(allowed))} only")
        self.check_relation(items.get("続柄", ""))
        check_dates(items)
        check_blanks(row, items, self.defects)
        refused = set(items) & _keibi_refused(self.defects) if kind == "軽微な修正" else set()
        if refused:
            raise BadInput(f"区分 {kind} of {', '.join(sorted(refused))}")
        if "honseki_nashi_refused" in self.defects and items.get(HONSEKI) in ("なし", "不明"):
            raise Refusal("error", "E009", f"{HONSEKI}は空欄にできません。", HONSEKI)
        # The correction_blanks_items defect blanks every item of the row but the 支援措置's (its 表示 is no 異動
        # item: a vendor keeping it apart keeps it), so the defect stays a break of the 異動's rows.
        base = {key: "" for key in row} | marks_of(row) if "correction_blanks_items" in self.defects else dict(row)
        changed = {**base, "宛名番号": row["宛名番号"], **items}
        # 4.2.0.5, 4.2.0.4: a 職権修正 on a 申出 or a 戸籍通知 holds its 申出日 or 通知日 (reference/moshide.py)
        days: dict[str, Any] = dict(correction_days(body, processed, moved, self.defects))
        stored = [self.write(changed, kind, moved, processed, **days)]
        # 4.2.3.1 R002: the 世帯主's 氏名 corrected, the members' 世帯主氏名 and フリガナ with it
        if idou_items.head_name_corrected(body, row, items) and "head_name_members_stale" not in self.defects:
            for member in self.members(row["世帯番号"]):
                if member["宛名番号"] != row["宛名番号"]:
                    stored.append(self.write({**member, **idou_items.member_items(items)}, kind, moved, processed,
                                             **days))
        return self.ok(stored)

    def cancel(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """異動の取消し (4.6.0.1): a new row restoring the row before the latest 異動 (R002, R003)."""
        processed = self.processing_day(body)
        history = self.store.history(str(body["宛名番号"]))
        latest = history[-1] if history else self.person(body["宛名番号"])
        # A person with one row came by a 異動 (転入, 出生): cancelling it leaves no 住民 (異動取消（減）).
        before = history[-2] if len(history) >= 2 else {**latest, "住民状態": _REMOVED}
        was, now = before.get("住民状態"), latest.get("住民状態")
        reason = "異動の取消し（増）" if now != _CURRENT and was == _CURRENT else \
            "異動の取消し（減）" if now == _CURRENT and was != _CURRENT else "異動の取消し（修正）"
        restored = {key: value for key, value in before.items() if key != "履歴番号"}
        restored.update(marks_of(latest))  # the 支援措置's 表示 is no part of the 異動
        return self.ok([self.write(restored, reason, None, processed)])

    def nationality(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """帰化・国籍取得 (4.5.3, 4.5.4) or 国籍喪失 (4.5.5): the 住民票 of one 住民種別 is removed and one of
        the other is recorded, with the same 宛名番号, the items the spec lists taken over and the 支援措置's 表示
        kept (the defect ``kika_drops_support_mark`` drops it)."""
        processed = self.processing_day(body)
        moved = parse_date(body["異動日"], "異動日")
        notified = parse_date(body["通知年月日"], "通知年月日") if body.get("通知年月日") else None
        self.check_past(moved, processed, "異動日", "E001")  # 4.0.3 R003: 処理当日以前の日のみ
        kind = str(body["区分"])
        row = self.current(body["宛名番号"])
        to_japanese = kind in ("帰化", "国籍取得")
        if kind not in ("帰化", "国籍取得", "国籍喪失") or (row.get("住民種別") == "2") != to_japanese:
            raise BadInput(f"区分 {kind!r} does not apply to 住民種別 {row.get('住民種別')!r}")
        suffix = "（帰化等）" if to_japanese else "（国籍喪失）"
        self.write({**row, "住民状態": _REMOVED}, "職権消除" + suffix, moved, processed, 通知年月日=notified)
        items = {str(k): str(v) for k, v in dict(body.get("items") or {}).items() if str(k) not in _KEY_ITEMS}
        kept = {name: row.get(name, "") for name in _INHERITED}
        # The 支援措置's 表示 follows the 支援措置, not the 異動 (1.1.16 R001; interpretation dv-model): the new
        # 住民票 carries it as the old one did, unless the defect kika_drops_support_mark leaves it out.
        marks = {} if "kika_drops_support_mark" in self.defects else marks_of(row)
        new = {**kept, **marks, **items, "住民種別": "1" if to_japanese else "2", "住民状態": _CURRENT}
        if not to_japanese:  # 4.5.5 R002: the later of the 国籍喪失日 and the 住民となった年月日
            became = row.get("住民となった年月日", "")
            new["外国人住民となった年月日"] = idou_items.foreign_since(moved.isoformat(), became, self.defects)
        stored = self.write(new, "職権記載" + suffix, moved, processed, 通知年月日=notified)
        return self.ok([stored])

    def tsusho(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        offered = parse_date(body["申出年月日"], "申出年月日")
        row = self.current(body["宛名番号"])
        if row.get("住民種別") != "2":
            raise Refusal("error", "E008", "通称は外国人住民についてのみ記載できます。", "通称")
        changed = {**row, "通称": str(body["通称"]), "通称_フリガナ": str(body.get("通称_フリガナ") or ""),
                   "通称_記載年月日": offered.isoformat(),
                   "通称_記載市区町村コード": row.get("住所_市区町村コード", ""),
                   "通称_削除年月日": "", "通称_削除市区町村コード": "",
                   **furigana.flag(body, furigana.TSUSHO_FLAG, self.defects)}  # 1.1.18 R001
        return self.ok([self.write(changed, "通称の記載", offered, processed, 申出年月日=offered)])

    def tsusho_delete(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        processed = self.processing_day(body)
        offered = parse_date(body["申出年月日"], "申出年月日")
        row = self.current(body["宛名番号"])
        changed = {**row, "通称": "", "通称_フリガナ": "", "通称_削除年月日": offered.isoformat(),
                   "通称_削除市区町村コード": row.get("住所_市区町村コード", "")}
        return self.ok([self.write(changed, "通称の削除", offered, processed, 申出年月日=offered)])

    def kyushi(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """旧氏の記載・変更・削除 on 請求 (1.1.7 R001): a row with its 異動事由 (1.2.2 R038-R040) and the 請求日
        (1.2.1 R009). The defects: ``kyushi_change_as_record`` names a 変更 a 記載, ``kyushi_delete_ignored``
        keeps the 旧氏 a 削除 asks to delete, ``kyushi_delete_furigana_kept`` keeps its フリガナ,
        ``kyushi_request_day_dropped`` keeps no 請求日."""
        processed = self.processing_day(body)
        requested = parse_date(body["請求年月日"], "請求年月日")
        kind = str(body["区分"])
        if kind not in ("記載", "変更", "削除"):
            raise BadInput(f"区分 {kind!r}: 記載 | 変更 | 削除")
        row = self.current(body["宛名番号"])
        if row.get("住民種別") == "2":
            raise Refusal("error", "E010", "旧氏は日本人住民についてのみ記載できます。", "旧氏")
        deleted = kind == "削除" and "kyushi_delete_ignored" not in self.defects
        changed = {**row, "旧氏": "" if deleted else str(body.get("旧氏") or row.get("旧氏", "")),
                   "旧氏_フリガナ": "" if deleted and "kyushi_delete_furigana_kept" not in self.defects
                   else str(body.get("旧氏_フリガナ") or row.get("旧氏_フリガナ", "")),
                   **furigana.flag(body, furigana.KYUSHI_FLAG, self.defects)}  # 1.1.18 R001
        reason = "旧氏の記載" if kind == "変更" and "kyushi_change_as_record" in self.defects else f"旧氏の{kind}"
        day = None if "kyushi_request_day_dropped" in self.defects else requested
        return self.ok([self.write(changed, reason, requested, processed, 請求年月日=day)])

    def moj_notice(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """出入国在留管理庁長官通知 (法第30条の50): the items it names are corrected, or, with ``消除: true`` (a
        通知 that the person is no longer a 住基法 対象者: 在留資格の取消し, a 変更許可 to a status outside it), the
        住民票 is removed ex officio (4.5.6 R001: 修正及び消除), on the 異動日 entered (4.0.3 R001) or, without one, the
        通知年月日. The defect ``moj_notice_removal_ignored`` records a 消除 通知 as a 修正 only: the person stays a
        住民; ``moj_notice_removal_day_as_notice_day`` records the 通知年月日 as the 異動日 of the 消除, whatever was
        entered."""
        processed = self.processing_day(body)
        notified = parse_date(body["通知年月日"], "通知年月日")
        row = self.current(body["宛名番号"])
        items = {str(k): str(v) for k, v in dict(body.get("items") or {}).items() if str(k) not in _KEY_ITEMS}
        check_dates(items)
        removed = shokken.ex_officio_removal(body) and "moj_notice_removal_ignored" not in self.defects
        if not removed:
            check_blanks(row, items, self.defects)
            return self.ok([self.write({**row, **items}, "職権修正", notified, processed, 通知年月日=notified)])
        moved = parse_date(body["異動日"], "異動日") if body.get("異動日") else notified
        if "moj_notice_removal_day_as_notice_day" in self.defects:
            moved = notified
        self.check_past(moved, processed, "異動日", "E001")
        self.alerts(body, [alert for alert in [self.head_leaving([row])] if alert is not None])
        return self.ok([self.write({**row, **items, "住民状態": _REMOVED}, "職権消除", moved, processed,
                                   通知年月日=notified)])

    # -- 照会 ----------------------------------------------------------------------------------------

    def get_person(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        shown = {**self.shown(self.person(arguments[0])),
                 **self.kaisei_view(arguments[0], self.store.history(arguments[0]))}  # 1.1.4 R003
        return 200, {"result": "ok", "person": shown}

    def get_history(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        self.person(arguments[0])
        # 1.1.4 R001: no 欄 limit; the 旧氏 of each row as it was (2.2.1 R001)
        rows = idou_items.history_shown(self.kaisei_rows(self.store.history(arguments[0])), self.defects)
        tied = self.row_remarks(arguments[0])  # 1.2.1 R012: a row's 留意事項
        shown: list[dict[str, Any]] = [self.shown(row) for row in rows]
        for row in shown:
            if row.get("履歴番号") in tied:
                row["留意事項"] = tied[row["履歴番号"]]
        return 200, {"result": "ok", "rows": shown}

    def get_household(self, _: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        members = self.members(arguments[0])
        if "tenshutsu_yotei_hidden" in self.defects:  # 1.1.5 R004: a 転出予定者 is a 現存者 until the 除票
            members = [row for row in members if not row.get("転出予定年月日")]
        answer: dict[str, Any] = {"result": "ok", "世帯番号": arguments[0],
                                  "members": [self.shown(row) for row in members]}
        if request.param("消除者") == "含む":  # 3.3 R001: the members removed by 転出, 死亡 ... shown too
            removed = idou_items.removed_members(self.store.household(arguments[0]), self.defects)
            answer["消除者"] = [self.shown(row) for row in removed]
        return 200, answer

    def get_display(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        """Dates as shown (1.1.9 R001): in 和暦, except a foreign resident's 生年月日 and 在留期間の満了の日 (西暦)."""
        row = self.person(arguments[0])
        foreign = row.get("住民種別") == "2" and "foreign_dates_as_wareki" not in self.defects
        names = ("生年月日", "住民となった年月日", "住所を定めた年月日", "異動日", "届出年月日", "在留期間の満了の日")
        shown = {name: (seireki(row.get(name, "")) if foreign and name in _SEIREKI_ITEMS
                        else wareki(row.get(name, ""), self.defects)) for name in names}
        return 200, {"result": "ok", "display": shown}

    def search(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        kana, exact = request.param("氏名_フリガナ"), request.param("一致") == "完全"
        found = kana_search(self.store.current(), kana, request.param("生年月日"), exact, self.defects)
        if "search_kana_first_row" in self.defects:  # the フリガナ as first recorded must match too (a stale index)
            found = [row for row in found if kana_search(self.store.history(row["宛名番号"])[:1], kana, None, exact,
                                                         self.defects)]
        return 200, {"result": "ok", "persons": [self._hit(row) for row in found[:100]]}

    def _hit(self, row: Mapping[str, str]) -> dict[str, str]:
        """A search hit: the person's record as shown (``dv_search_unmarked``: a 支援対象者 without the 表示)."""
        shown = self.shown(row)
        if "dv_search_unmarked" in self.defects and shown.get("支援措置対象フラグ") == "1":
            shown.pop("支援措置対象フラグ")
        return shown

    def kodomo_nintei(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        """子ども・子育て支援: an application for the 教育・保育給付認定 and its 処分 (reference/kodomo.py)."""
        return 200, kodomo.application(body, self.person, self.defects)

    def _koseki(self) -> KosekiBook:
        if self.koseki_book is None:
            self.koseki_book = KosekiBook(self.defects)
        return self.koseki_book

    def koseki_hensei(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a 戸籍 as it stands, registered with the town (reference/koseki.py)."""
        return 200, self._koseki().hensei(body)

    def koseki_todoke(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a 出生, 死亡 or 婚姻 届出 and what it writes (reference/koseki.py)."""
        return 200, self._koseki().todoke(body)

    def koseki_seikyu(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a request of a 戸籍謄本等 (戸籍法 第10条第1項; reference/koseki.py)."""
        return 200, self._koseki().seikyu(body)

    def shown(self, row: Mapping[str, str]) -> dict[str, str]:
        shown = dict(row)
        if "zokugara_truncated" in self.defects and "の" in shown.get("続柄", ""):
            shown["続柄"] = shown["続柄"].split("の")[-1]
        return shown


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
    ("POST", ("koseki", "hensei")): "koseki_hensei",
    ("POST", ("koseki", "todoke")): "koseki_todoke",
    ("POST", ("koseki", "seikyu")): "koseki_seikyu",
}

#: 和暦 eras, newest first, with their first day (1.1.9; 平成 from 1989-01-08).
_ERAS: tuple[tuple[str, date], ...] = (
    ("令和", date(2019, 5, 1)), ("平成", date(1989, 1, 8)), ("昭和", date(1926, 12, 25)),
    ("大正", date(1912, 7, 30)), ("明治", date(1868, 1, 25)),
)


def wareki(value: str, defects: frozenset[str] = frozenset()) -> str:
    """``1989-01-08`` -> ``平成元年1月8日``; text that is no date unchanged (不詳 dates stay as written)."""
    match = _DATE.fullmatch(value)
    if match is None:
        return value
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    eras = _ERAS if "heisei_from_0107" not in defects else \
        tuple((era, start - timedelta(days=1) if era == "平成" else start) for era, start in _ERAS)
    for era, start in eras:
        if (year, month, day) >= (start.year, start.month, start.day):
            number = year - start.year + 1
            return f"{era}{'元' if number == 1 else number}年{month}月{day}日"
    return value


def seireki(value: str) -> str:
    """``1983-02-28`` -> ``1983年2月28日``; text that is no date unchanged."""
    match = _DATE.fullmatch(value)
    return value if match is None else f"{int(match.group(1))}年{int(match.group(2))}月{int(match.group(3))}日"


def per_person_view(row: Mapping[str, str], defects: frozenset[str]) -> Row:
    """A row as the linkage API's per-person endpoints (resident, history, household) show it; the
    ``tsusho_tokubetsu_dropped`` defect leaves out the 通称 of a 特別永住者 there (not in the list or export)."""
    shown = dict(row)
    if "tsusho_tokubetsu_dropped" in defects and shown.get("第30条45規定区分") == "2":
        shown["通称"] = ""
    return shown
