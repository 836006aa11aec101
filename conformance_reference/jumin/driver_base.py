"""The base of the reference's driver handlers: the store, the defects and the helpers every handler uses.

Reading a person (4.0.1: a 住民 before the 異動), the 処理日 and the days bounded by it (4.0.3, 4.1.0.2), 続柄
(1.1.11), アラート and their confirmation (11.1), the 世帯主 leaving (4.0.4), a 世帯's members in 5.2's order,
a new 宛名番号 or 世帯番号, writing a person's next history row (1.2.1, 1.2.2) and the ``ok`` answer. The
handlers of the 異動 (driver_moves.py, driver_corrections.py) and of the 照会 (driver_queries.py) are mixins on
top of it; ``DriverService`` (driver.py) is the dataclass that holds the fields declared here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from conformance_reference.jumin import terminals
from conformance_reference.jumin.driver_logs import Answer
from conformance_reference.jumin.driver_rules import (
    _CURRENT,
    BadInput,
    Refusal,
    generations,
    household_rank,
    member_key,
    parse_date,
    relation_allowed,
)
from conformance_reference.jumin.storage import Row, Store
from conformance_reference.numbers import check_digit

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
_HEAD_LEAVES = "世帯主が世帯からいなくなり、残存世帯員が２人以上となります。先に世帯主変更を行ってください。"
#: Flags a new record starts with when the input leaves them out.
_FLAG_DEFAULTS = {"生年月日_不詳フラグ": "0", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0"}

#: The product's setting of 5.2 R002 (the store's setting of this name): "last" (the default: who joins an existing
#: 世帯 by 転入 is listed last, 末尾に順次記載) or "resorted" (the 市区町村長 re-sorts them:
#: 並び替えることも差し支えない).
NEWCOMER_ORDER = "世帯員の並び順_転入者"


class DriverBase:
    """The helpers of the driver's handlers; the service (a dataclass) holds the fields declared here."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]
    #: Where and at which terminal the rows of a change are made (1.2.1 R010, R011; reference/terminals.py).
    terminal_stamp: dict[str, str] | None

    if TYPE_CHECKING:
        # Methods of the other mixins the handlers call (codes.py, kaisei.py, remarks.py), declared for the type
        # checker only: a stub here would come before theirs in DriverService's MRO and shadow them.
        def drawn_code(self, body: Mapping[str, Any], given: str) -> str: ...

        def kaisei_view(self, atena: str, history: list[Row]) -> dict[str, str]: ...

        def kaisei_rows(self, history: list[Row]) -> list[Row]: ...

        def row_remarks(self, atena: str) -> dict[str, list[str]]: ...

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

    def find_person(self, name: str, born: str | None) -> list[Row]:
        """The current 住民 of this 氏名 and 生年月日 (10.8 R003: the person a 届出's data names; None: any)."""
        return [dict(row) for row in self.store.current()
                if row.get("住民状態") == _CURRENT and row.get("氏名") == name
                and (born is None or row.get("生年月日") == born)]

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
        """The current members of a 世帯 in the order of 5.2 (the product's setting :data:`NEWCOMER_ORDER`)."""
        rows = [row for row in self.store.household(setai) if row.get("住民状態") == _CURRENT]
        resorted = self.store.setting(NEWCOMER_ORDER) == "resorted"
        return sorted(rows, key=lambda row: self.order_key(row, resorted=resorted))

    def order_key(self, row: Mapping[str, str], *, resorted: bool = False) -> tuple[Any, ...]:
        if "household_order_wrong" in self.defects:
            return (row.get("宛名番号", ""),)
        key = member_key(row)
        if resorted:
            # 5.2 R002's room: 「市区町村長が並び替えることが適当と認めるときは、並び替えることも差し支えない」. Set so,
            # a member who joined by 転入 is ordered by 順位 like the others (the 世帯加入順 ignored).
            key = (0, *key[1:])
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
