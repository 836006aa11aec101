"""The driver's handlers of the 異動 that move persons: test persons (``fixtures.persons``), 転入 (4.1.1),
転出 and the 転入通知 (4.1.3, 1.1.5), 転居 (4.1.2), 出生, 死亡, 失踪 and 職権消除 (4.2), 世帯分離, 世帯合併 and
世帯主変更 (4.1.4).

A mixin of ``DriverService`` (driver.py), which routes to these by name, over the helpers of
:class:`~conformance_reference.jumin.driver_base.DriverBase`; the 修正 and 取消し are driver_corrections.py's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance_reference.jumin import idou_items, joshuhyo, shokken, unknown_dates, yubin
from conformance_reference.jumin.driver_base import DriverBase
from conformance_reference.jumin.driver_logs import Answer, DriverRequest
from conformance_reference.jumin.driver_rules import (
    _CURRENT,
    _DATE,
    _DECEASED,
    _MOVED_OUT,
    _REMOVED,
    BadInput,
    Refusal,
    paired,
    parse_date,
    parse_day,
    removal_date,
)
from conformance_reference.jumin.moshide import notice_day
from conformance_reference.jumin.support import marks_of

#: What a 国外転出者 returning first to the same town takes over from the 除票 (1.1.7 R003: 旧氏又は通称).
_CARRIED_FROM_ABROAD = ("旧氏", "旧氏_フリガナ", "通称", "通称_フリガナ", "通称_記載年月日", "通称_記載市区町村コード")


class MoveHandlers(DriverBase):
    """転入, 転出, 転居, 出生・死亡・失踪 and the 世帯's changes, mixed into the driver's service (driver.py)."""

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
        # 1.1.17 R001: the 転出先住所（確定）'s 郵便番号
        changed.update(yubin.confirmed(body, self.defects, str(row.get(yubin.OUT_PLANNED) or "")))
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
