"""The driver's handlers of the 異動 that change a person's record in place: 職権修正, 軽微な修正 and 誤記修正
(4.2.3), 異動の取消し (4.6.0.1), 帰化・国籍取得・国籍喪失 (4.5.3-4.5.5), 通称 (1.1.7 R002), 旧氏 (1.1.7 R001) and
the 出入国在留管理庁長官通知 (4.5.6).

A mixin of ``DriverService`` (driver.py), which routes to these by name, over the helpers of
:class:`~conformance_reference.jumin.driver_base.DriverBase`; the 異動 that move persons are driver_moves.py's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin import furigana, idou_items, shokken
from conformance_reference.jumin.codes import CODE_CHANGES
from conformance_reference.jumin.driver_base import DriverBase
from conformance_reference.jumin.driver_logs import Answer, DriverRequest
from conformance_reference.jumin.driver_rules import (
    _CURRENT,
    _REMOVED,
    HONSEKI,
    BadInput,
    Refusal,
    _keibi_refused,
    check_blanks,
    check_dates,
    parse_date,
)
from conformance_reference.jumin.moshide import correction_days
from conformance_reference.jumin.support import marks_of

#: Items that name a 世帯 (copied to every member's row) and the person (never changed by a correction).
_KEY_ITEMS = frozenset({"宛名番号", "履歴番号"})
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


class CorrectionHandlers(DriverBase):
    """The 修正, 取消し, 国籍, 通称, 旧氏 and 通知 handlers, mixed into the driver's service (driver.py)."""

    #: The headers of the linkage layout (residents_csv): what the ``correction_layout_items_only`` defect
    #: lets a correction change.
    layout_items: frozenset[str]

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
