"""The reference's 統合記載欄 (住民記録 1.0 1.1.14): 異動履歴 (Ａ類型), 留意事項 (Ｂ類型), 備考 (Ｃ類型).

The 異動履歴 is never entered: it is made from the person's history rows (R004: 自動で作成). A 留意事項 is
entered tied to one 異動項目 of the person's latest 異動 (R002: 直接関係する異動項目と紐付けて管理); a 備考 is
kept apart from the history (R002: 異動履歴とは別に管理). A 除票 shows its own 記載事項 too (R003, the three
of 1.1.5's 【住民票の除票固有の記載事項】 and the others of a 除票 as recorded). A 異動 on a 特別養子縁組 or its
解消 (the driver's flags) has the 留意事項 of R008/R010 written with the words the text prescribes, tied to the
異動項目 R009/R011 name: this reference enters it itself (R005's 自動入力; a vendor without it has its adapter
enter it as its operator would). A 留意事項 registered in advance for a 異動事由 (``remarks.presets``, kept in the
store's ``setting`` table) is entered by itself on every 異動 of that 異動事由 (R005). Driver operations
``remarks.record``, ``remarks.presets`` and ``query.remarks`` (driver.yaml).

Named defects (defects.py): ``remarks_history_missing``, ``remarks_ryuiji_fixed_only``, ``remarks_biko_in_history``,
``remarks_unlinked``, ``remarks_adoption_wording``, ``remarks_joshuhyo_missing``, ``remarks_preset_not_entered``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin import idou_items
from conformance_reference.jumin.kari import CHANGE_HANDLERS
from conformance_reference.jumin.storage import Row, Store

Answer = tuple[int, dict[str, Any]]
RYUIJI, BIKO = "留意事項", "備考"
#: The flags of the driver's moves.out / moves.in and the words 1.1.14 R008 / R010 prescribe for each.
ADOPTION_WORDS = {"特別養子縁組": "特別養子縁組", "特別養子縁組解消": "特別養子縁組解消"}
#: What ``remarks_adoption_wording`` writes instead: a vendor's own wording table, not the text's.
_OWN_WORDS = {"特別養子縁組": "養子縁組", "特別養子縁組解消": "養子離縁"}
#: The 異動項目 R009 / R011 tie the 留意事項 to: the 除票's two 転出先住所, the new 住民票's 転入前住所.
OUT_PLANNED, OUT_CONFIRMED, IN_PREVIOUS = "転出先住所（予定）", "転出先住所（確定）", "転入前住所"
_CURRENT = "1"
#: A 除票's other 記載事項 (1.1.5 【住民票の除票のその他の項目】): the label and the item of the record.
_JOSHUHYO_OTHERS = (("転出先住所（確定）", "転出先住所（確定）_市区町村コード"), ("届出の年月日", "届出年月日"),
                    ("転入通知年月日", "通知年月日"), ("転出年月日", "転出年月日（確定）"))
_MOVES_OUT = ("国内転出", "国外転出")
#: The setting that holds the 留意事項 registered for a 異動事由 (R005), by its 1.2.2 区分.
PRESET = "留意事項登録:"


class RemarkHandlers:
    """The driver operations of 1.1.14, mixed into the driver's service (reference/driver.py), which
    routes to them by name and calls :meth:`remarks_after` after every committed change."""

    store: Store
    defects: frozenset[str]

    def remark_record(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``remarks.record``: a 留意事項 or a 備考 entered."""
        return IntegratedColumn(self.store, self.defects).enter(body)

    def get_remarks(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``query.remarks``: the person's 統合記載欄 as the system shows and prints it."""
        return IntegratedColumn(self.store, self.defects).read(arguments[0])

    def remark_presets(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``remarks.presets``: the 留意事項 registered in advance for a 異動事由 (R005), or its registration
        deleted."""
        reason = str(body["異動事由"])
        text, item = str(body.get("記載内容") or ""), str(body.get("異動項目") or "")
        if text and not item:
            raise ValueError("異動項目 is required with 記載内容")
        self.store.put_setting(PRESET + reason, {"異動項目": item, "記載内容": text} if text else None)
        return 200, {"result": "ok", "異動事由": reason}

    def row_remarks(self, atena: str) -> dict[str, list[str]]:
        """1.2.1 R012: each history row's 留意事項 (those tied to its 異動), by 履歴番号. The defect
        ``history_rows_without_remarks`` shows none there (the 統合記載欄 alone keeps them)."""
        tied: dict[str, list[str]] = {}
        if "history_rows_without_remarks" in self.defects:
            return tied
        for entry in self.store.remarks(atena):
            if entry.get("類型") == RYUIJI and entry.get("履歴番号"):
                tied.setdefault(str(entry["履歴番号"]), []).append(str(entry["記載内容"]))
        return tied

    def remarks_after(self, handler: str, body: Mapping[str, Any], answer: Answer) -> None:
        """The 留意事項 a committed 異動 on a 特別養子縁組 (or its 解消) carries (R008-R011), and those registered
        for its 異動事由 (R005)."""
        if answer[0] == 200:
            column = IntegratedColumn(self.store, self.defects)
            persons = answer[1].get("persons") or []
            column.after(handler, body, persons)
            if handler in CHANGE_HANDLERS:
                column.preset(persons)


class IntegratedColumn:
    """The 統合記載欄 of the persons of one store."""

    def __init__(self, store: Store, defects: frozenset[str] = frozenset()) -> None:
        self.store, self.defects = store, defects

    def enter(self, body: Mapping[str, Any]) -> Answer:
        atena, kind, text = str(body["宛名番号"]), str(body["類型"]), str(body["記載内容"])
        latest = self.store.latest(atena)
        if latest is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no person with this 宛名番号"}
        if kind == RYUIJI and "remarks_ryuiji_fixed_only" in self.defects and text not in ADOPTION_WORDS.values():
            # a system that only offers the 留意事項 registered per 異動事由 (R005) and no free input (R006)
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "登録された留意事項を選択してください。"}
        if kind == RYUIJI:
            self.tie(latest, str(body["異動項目"]), text)
        elif kind == BIKO:
            self.note(latest, text)
        else:
            raise ValueError(f"類型 is {RYUIJI} or {BIKO}, got {kind!r}")
        return 200, {"result": "ok", "宛名番号": atena}

    def tie(self, row: Row, item: str, text: str) -> None:
        """A 留意事項 tied to ``item`` of the person's latest 異動 (the row ``row``)."""
        entry = {"類型": RYUIJI, "記載内容": text, "異動項目": item, "履歴番号": row.get("履歴番号", ""),
                 "異動事由": row.get("異動事由区分", ""), "異動日": row.get("異動日", "")}
        if "remarks_unlinked" in self.defects:  # kept as free text, its 異動項目 and 異動 lost
            entry = {"類型": RYUIJI, "記載内容": text}
        self.store.add_remark(row["宛名番号"], entry)

    def note(self, row: Row, text: str) -> None:
        """A 備考: apart from the history (the ``remarks_biko_in_history`` defect appends a row for it)."""
        self.store.add_remark(row["宛名番号"], {"類型": BIKO, "記載内容": text})
        if "remarks_biko_in_history" in self.defects:
            self.store.append({key: value for key, value in row.items() if key != "履歴番号"})

    def read(self, atena: str) -> Answer:
        history = self.store.history(atena)
        if not history:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no person with this 宛名番号"}
        entered = self.store.remarks(atena)
        column = {
            "異動履歴": self.moves(history),
            RYUIJI: [_without_kind(entry) for entry in entered if entry["類型"] == RYUIJI],
            BIKO: [_without_kind(entry) for entry in entered if entry["類型"] == BIKO],
            "除票": self.removed(history),
        }
        return 200, {"result": "ok", "宛名番号": atena, "統合記載欄": column}

    def moves(self, history: list[Row]) -> list[dict[str, str]]:
        """Ａ類型: one entry per 異動 of the history (rows of test data, with no 異動事由, are none)."""
        if "remarks_history_missing" in self.defects:
            return []
        return [{"履歴番号": row.get("履歴番号", ""), "異動事由": row["異動事由区分"], "異動日": row.get("異動日", ""),
                 "届出年月日": row.get("届出年月日", "")} for row in history if row.get("異動事由区分")]

    def removed(self, history: list[Row]) -> list[dict[str, str]]:
        """A 除票's 記載事項 (1.1.5): its 固有の記載事項, then the others it has; none for a 住民."""
        last = history[-1]
        if last.get("住民状態", _CURRENT) == _CURRENT or "remarks_joshuhyo_missing" in self.defects:
            return []
        reason = last.get("異動事由区分", "")
        moved_out = reason in _MOVES_OUT
        day_item = "届出年月日" if "remarks_joshuhyo_day_as_notified" in self.defects else "異動日"  # the defect's day
        entries = [("消除事由", reason),
                   (OUT_PLANNED, last.get(OUT_PLANNED) or last.get(f"{OUT_PLANNED}_市区町村コード", "")),
                   ("事由の生じた年月日", last.get("転出予定年月日", "") if moved_out else last.get(day_item, ""))]
        entries += [(label, last.get(item, "")) for label, item in _JOSHUHYO_OTHERS]
        return [{"項目": label, "記載内容": value} for label, value in entries if value]

    def after(self, handler: str, body: Mapping[str, Any], persons: list[Mapping[str, Any]]) -> None:
        numbers = [str(person.get("宛名番号")) for person in persons]
        if handler == "confirm_out":
            for atena in numbers:
                self.confirmed(atena)
            return
        item = {"move_out": OUT_PLANNED, "move_in": IN_PREVIOUS}.get(handler)
        if handler == "move_in" and idou_items.unreported(body) and "mitodoke_mark_dropped" not in self.defects:
            for atena in numbers:  # 4.1.1.4 R001: 留意事項 未届転入 and the 転入前住所（未届）
                latest = self.store.latest(atena)
                if latest is not None:
                    self.tie(latest, IN_PREVIOUS, idou_items.unreported_remark(latest))
        flags = [flag for flag in ADOPTION_WORDS if body.get(flag) is True]
        if item is None or not flags:
            return
        for atena in numbers:
            latest = self.store.latest(atena)
            if latest is not None:
                self.tie(latest, item, self.words(flags[0]))

    def preset(self, persons: list[Mapping[str, Any]]) -> None:
        """R005: the 留意事項 registered for the 異動事由 (its 1.2.2 区分) of each person's new row entered by itself,
        tied to its 異動項目. The ``remarks_preset_not_entered`` defect offers it for selection only (none entered)."""
        if "remarks_preset_not_entered" in self.defects:
            return
        for person in persons:
            latest = self.store.latest(str(person.get("宛名番号")))
            registered = self.store.setting(PRESET + latest.get("異動事由区分", "")) if latest is not None else None
            if latest is not None and registered:
                self.tie(latest, str(registered["異動項目"]), str(registered["記載内容"]))

    def confirmed(self, atena: str) -> None:
        """The 転入通知 of a 転出 on a 特別養子縁組 (or its 解消): its 留意事項 tied to 転出先住所（確定） too."""
        latest = self.store.latest(atena)
        words = {*ADOPTION_WORDS.values(), *_OWN_WORDS.values()}
        tied = [entry for entry in self.store.remarks(atena)
                if entry.get("異動項目") == OUT_PLANNED and entry["記載内容"] in words]
        if latest is not None and tied:
            self.tie(latest, OUT_CONFIRMED, tied[-1]["記載内容"])

    def words(self, flag: str) -> str:
        return (_OWN_WORDS if "remarks_adoption_wording" in self.defects else ADOPTION_WORDS)[flag]


def _without_kind(entry: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in entry.items() if key != "類型"}
