"""The reference's バッチ処理 (住民記録 1.0 9.1), 除票用データベースへの移行 (9.3), the 通知書 of a 成年被後見人's
転出 (9.4) and 住所一括変更 (9.7).

Ours (docs/driver.md, driver.yaml ``batch.*``, ``archive.person``, ``address.bulk_change``, ``confirmed: false``):

- ``batch.run`` starts a named 処理 at once (直接起動) with its パラメータ: those given replace the ones the
  処理 ran with last time, the others are taken over (9.1 R002: 前回処理時に設定したパラメータが参照). Each run
  keeps its 実行結果 (R005: 処理内容, 処理結果, 開始日時, 終了日時, 処理時間, 処理端末名称, 状態 正常 | 異常, and on
  an abnormal end the エラーコード), read back by ``batch.result``. ``異常終了: true`` makes the run end
  abnormally as an operator would (an 出力先 that cannot be written).
- ``batch.parameters`` shows the parameters the next run starts with and ``修正``, those edited since the last
  run; ``batch.edit`` edits some of them (R003: 一部修正, 修正した旨が判別し易く).
- ``batch.schedule`` registers a スケジュール管理による起動 (R001: 日時, 毎日, 毎週○曜日, 毎月ＸＸ日, 毎月末) and
  answers its 次回起動 from the 基準日時 given.
- The 処理 ``除票用データベース移行`` moves every 除票 five years past its 消除 (the 処理日 of the row that made
  it a 除票) on the 基準日 to the 除票用データベース and deletes it from the 住民記録 database in one
  transaction (9.3 R001); ``宛名番号`` limits the run to those persons. ``archive.person`` reads the 除票用データベース.
- ``address.bulk_change`` takes the rows of a CSV (9.7 R003: 世帯番号 and the 住所 before and after; R004:
  宛名番号 and the 本籍 before and after) as ``仮処理`` (nothing written, the 一覧 of what would change) or
  ``本処理`` (written as 軽微な修正, R007, each person's 電文 sent to the CS). A person whose current value is not
  the 変更前, or who is a 転出予定者, is left out (R006: 除外して構わない) and listed with the reason.

- ``notices.guardianship`` answers the 通知書 to the 転入地 of a 成年被後見人 who moved out (9.4 R002), one person
  at a time (9.4 P001: no 一覧表 of 成年被後見人).

Named defects (defects.py): ``seinen_notice_to_own_town`` (``seinen_flag_dropped`` is the driver's correction),
``batch_schedule_month_end_31``, ``batch_params_not_kept``, ``batch_edit_unmarked``, ``batch_error_code_missing``,
``joshuhyo_archive_year_only``, ``joshuhyo_archive_leap_day_late``, ``joshuhyo_archive_kept``,
``archive_lists_current``,
``bulk_change_head_only``, ``bulk_honseki_not_written``, ``bulk_kari_commits``, ``bulk_change_all_or_nothing``,
``bulk_change_cs_as_tenkyo``, ``bulk_change_not_sent``.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from conformance_reference.jumin.storage import BatchStore, Row, Store, utc_stamp

Answer = tuple[int, dict[str, Any]]
#: The 処理 of 9.2 and after that 9.1 R007 asks to be バッチ処理, by the text's words.
PROCESSES = ("抑止対象者一覧", "除票用データベース移行", "成年被後見人通知書", "閲覧用写し", "無作為抽出",
             "住所一括変更")
ARCHIVE = "除票用データベース移行"
TERMINAL = "REFERENCE-BATCH01"
_WEEKDAYS = ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")
_CURRENT = "1"
_LEAVING = frozenset({"国内転出", "国外転出"})
HONSEKI = "戸籍の表示（本籍・筆頭者）"
GUARDIANSHIP = "成年被後見人の該当有無"


def five_years_passed(removed: date, base: date, defects: frozenset[str] = frozenset()) -> bool:
    """9.3 R001 「５年を経過した」, counted as 民法 counts years: the day of the 消除 left out (第140条), the five years
    end on the day before the day corresponding to the next day (第143条第2項), or on the month's last day where that
    year has none: a 除票 of 2020-06-10 moves from 2025-06-11, one of 2024-02-29 from 2029-03-01 (its years end on
    2月28日). The defect ``joshuhyo_archive_year_only`` compares the years alone; ``joshuhyo_archive_leap_day_late``
    takes a 2月29日's fifth anniversary as 3月1日 and moves it only after that, a day late."""
    if "joshuhyo_archive_year_only" in defects:
        return base.year - removed.year >= 5
    if "joshuhyo_archive_leap_day_late" in defects and (removed.month, removed.day) == (2, 29):
        return base > date(removed.year + 5, 3, 1)
    start = removed + timedelta(days=1)
    try:
        last = start.replace(year=start.year + 5) - timedelta(days=1)
    except ValueError:  # a start on 2月29日 whose fifth year is common: 第143条第2項ただし書, the month's last day
        last = date(start.year + 5, 2, 28)
    return base > last


def next_start(kind: str, spec: Mapping[str, str], base: datetime, defects: frozenset[str] = frozenset()) -> datetime:
    """9.1 R001: the next start of a スケジュール管理による起動 after ``base``."""
    if kind == "日時":
        return datetime.fromisoformat(str(spec["日時"]))
    hour, minute = (int(part) for part in str(spec.get("時刻") or "00:00").split(":"))
    candidate = base.replace(hour=hour, minute=minute, second=0, microsecond=0)
    for _ in range(400):
        if candidate > base and _fires(kind, spec, candidate.date(), defects):
            return candidate
        candidate += timedelta(days=1)
    raise ValueError(f"no start of {kind} within a year")


def _fires(kind: str, spec: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    if kind == "毎日":
        return True
    if kind == "毎週":
        return _WEEKDAYS[day.weekday()] == str(spec["曜日"])
    if kind == "毎月":
        return day.day == int(spec["日"])
    if kind == "毎月末":
        if "batch_schedule_month_end_31" in defects:
            return day.day == 31
        return day.day == calendar.monthrange(day.year, day.month)[1]
    raise ValueError(f"起動 種類 {kind!r}")


class BatchHandlers:
    """The driver operations of 9.1, 9.3 and 9.7, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]

    def write(self, row: Mapping[str, str], reason: str, moved: date | str | None, processed: date, *,
              overwrite: bool = False, **dates: date | None) -> Row:
        raise NotImplementedError

    def cs_after_change(self, operation: str, body: Mapping[str, Any], answer: Answer) -> None:
        raise NotImplementedError

    def members(self, setai: str) -> list[Row]:
        raise NotImplementedError

    def batches(self) -> BatchStore:
        return BatchStore(self.store)

    # -- 9.1 ---------------------------------------------------------------------------------------

    def batch_run(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``batch.run``: 直接起動 of a 処理 with its パラメータ (the previous run's, with those given)."""
        name = str(body.get("処理", ""))
        if name not in PROCESSES:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": f"no バッチ処理 {name!r}"}
        saved, edited = self.batches().params(name)
        given = {str(key): str(value) for key, value in dict(body.get("パラメータ") or {}).items()}
        params = given if "batch_params_not_kept" in self.defects else {**saved, **given}
        started, clock_start = utc_stamp(), time.monotonic()
        result: dict[str, Any] = {"処理内容": name, "パラメータ": params, "開始日時": started, "処理端末名称": TERMINAL}
        if body.get("異常終了") is True:
            code = "" if "batch_error_code_missing" in self.defects else "EACCES(13)"
            result.update({"状態": "異常", "エラーコード": code, "件数": "0",
                           "処理結果": "出力先に書き込めないため異常終了しました。"})
        else:
            count, detail = self._process(name, params, body)
            result.update({"状態": "正常", "エラーコード": "", "件数": str(count),
                           "処理結果": f"{count}件を処理しました。", **detail})
        result["終了日時"] = utc_stamp()
        result["処理時間"] = f"{time.monotonic() - clock_start:.3f}秒"
        number = self.batches().add_run(name, result)
        # The defect batch_params_given_only_saved saves, of a run given some parameters, those given alone; the
        # defect batch_edit_marks_kept leaves the parameters edited before a run named as edited after it.
        kept = given if given and "batch_params_given_only_saved" in self.defects else params
        self.batches().put_params(name, kept, edited if "batch_edit_marks_kept" in self.defects else [])
        return 200, {"result": "ok", "実行番号": str(number), "状態": result["状態"], "件数": result["件数"]}

    def _process(self, name: str, params: Mapping[str, str], body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        if name == ARCHIVE:
            moved = self.archive_removed(params, body)
            return len(moved), {"移行": moved}
        if name == "抑止対象者一覧":
            return sum(1 for row in self.store.current() if row.get("支援措置対象フラグ") == "1"), {}
        return 0, {}

    def archive_removed(self, params: Mapping[str, str], body: Mapping[str, Any]) -> list[str]:
        """9.3 R001: the 除票 five years past their 消除 on the 基準日, moved and deleted at once."""
        base = date.fromisoformat(params.get("基準日") or str(body.get("処理日") or self.today().isoformat()))
        limited = {str(atena) for atena in body.get("宛名番号") or ()}
        moved = []
        for row in list(self.store.current()):
            if row.get("住民状態") == _CURRENT or (limited and row["宛名番号"] not in limited):
                continue
            if "joshuhyo_archive_shokken_skipped" in self.defects and row.get("住民状態") not in ("2", "3"):
                continue  # a defect: 転出 and 死亡 moved alone, a 職権消除's 除票 kept for ever
            try:
                removed = date.fromisoformat(row.get("処理日") or row.get("異動日", ""))
            except ValueError:
                continue
            if five_years_passed(removed, base, self.defects):
                moved.append(row["宛名番号"])
        for atena in moved:
            if "joshuhyo_archive_kept" in self.defects:
                self.batches().copy_to_archive(atena)
            else:
                self.batches().archive(atena)
        return moved

    def batch_result(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``batch.result``: a run's 実行結果 (9.1 R005)."""
        found = self.batches().run(int(arguments[0])) if arguments[0].isdigit() else None
        if found is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no run with this 実行番号"}
        return 200, {"result": "ok", "実行番号": arguments[0], "実行結果": found}

    def batch_parameters(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``batch.parameters``: what the next run of a 処理 starts with, and the names edited since the last run."""
        name = str(request.param("処理") or "")
        params, edited = self.batches().params(name)
        return 200, {"result": "ok", "処理": name, "パラメータ": params, "修正": [{"名称": key} for key in edited]}

    def batch_edit(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``batch.edit``: some of the previous run's parameters edited (9.1 R003), marked as edited."""
        name = str(body.get("処理", ""))
        if name not in PROCESSES:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": f"no バッチ処理 {name!r}"}
        saved, edited = self.batches().params(name)
        given = {str(key): str(value) for key, value in dict(body.get("パラメータ") or {}).items()}
        changed = [key for key, value in given.items() if saved.get(key) != value]
        marks = [] if "batch_edit_unmarked" in self.defects else list(dict.fromkeys([*edited, *changed]))
        self.batches().put_params(name, {**saved, **given}, marks)
        return 200, {"result": "ok", "処理": name}

    def batch_schedule(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``batch.schedule``: a スケジュール管理による起動 (9.1 R001) and its next start."""
        name = str(body.get("処理", ""))
        if name not in PROCESSES:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": f"no バッチ処理 {name!r}"}
        spec = {str(key): str(value) for key, value in dict(body["起動"]).items()}
        base = datetime.fromisoformat(str(body["基準日時"]))
        start = next_start(spec.get("種類", ""), spec, base, self.defects)
        return 200, {"result": "ok", "処理": name, "次回起動": start.strftime("%Y-%m-%dT%H:%M")}

    # -- 9.3 ---------------------------------------------------------------------------------------

    def archive_person(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``archive.person``: a person's rows in the 除票用データベース (9.3 R001). The defect
        ``archive_lists_current`` answers a current 住民's rows of the 住民記録 database as if moved there."""
        rows = self.batches().archived(arguments[0])
        if not rows and "archive_lists_current" in self.defects:
            current = self.store.latest(arguments[0])
            rows = self.store.history(arguments[0]) if current and current.get("住民状態") == _CURRENT else []
        if not rows:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "not in the 除票用データベース"}
        if "joshuhyo_archive_latest_only" in self.defects:  # the 除票 moved as its latest row, its history lost
            rows = rows[-1:]
        return 200, {"result": "ok", "person": rows[-1], "rows": rows}

    # -- 9.4 ---------------------------------------------------------------------------------------

    def guardianship_notice(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``notices.guardianship``: 9.4 R002, the 通知書 to the 転入地 of a 成年被後見人 who moved out (404 when the
        person is no 成年被後見人 with a 転出). The defect ``seinen_notice_to_own_town`` addresses it to the town's
        own 市区町村コード (the 住所's), not the 転入地's."""
        row = self.store.latest(arguments[0])
        if row is None or row.get(GUARDIANSHIP) != "1" or row.get("異動事由区分") not in _LEAVING \
                or row.get("異動事由区分") == "国外転出":
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 成年被後見人の転出"}
        to = row.get("転出先住所（確定）_市区町村コード") or row.get("転出先住所（予定）_市区町村コード", "")
        if "seinen_notice_to_own_town" in self.defects:
            to = row.get("住所_市区町村コード", "")
        notice = {"宛名番号": row["宛名番号"], "氏名": row.get("氏名", ""), "送付先_市区町村コード": to,
                  "転出予定年月日": row.get("転出予定年月日", ""), "通知内容": "成年被後見人である旨"}
        return 200, {"result": "ok", "通知書": notice}

    # -- 9.7 ---------------------------------------------------------------------------------------

    def address_bulk_change(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``address.bulk_change``: 9.7 R003-R007, a 仮処理 or a 本処理 of the CSV's rows."""
        kind, mode = str(body.get("区分", "")), str(body.get("処理", ""))
        if kind not in ("現住所", "本籍") or mode not in ("仮処理", "本処理"):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"区分 {kind!r}, 処理 {mode!r}"}
        processed = date.fromisoformat(str(body.get("処理日") or self.today().isoformat()))
        moved = date.fromisoformat(str(body.get("異動日") or processed.isoformat()))
        listing: list[dict[str, Any]] = []
        updates: list[tuple[Row, dict[str, str]]] = []
        for line in body.get("行") or ():
            entry = {str(key): str(value) for key, value in dict(line).items()}
            before = {key[len("変更前_"):]: value for key, value in entry.items() if key.startswith("変更前_")}
            after = {key[len("変更後_"):]: value for key, value in entry.items() if key.startswith("変更後_")}
            for row in self._targets(kind, entry):
                reason = self._excluded(row, before)
                listing.append({"宛名番号": row["宛名番号"], "世帯番号": row.get("世帯番号", ""),
                                "変更前": {name: row.get(name, "") for name in after},
                                "変更後": after,
                                "結果": "除外" if reason else ("更新" if mode == "本処理" else "更新予定"),
                                **({"理由": reason} if reason else {})})
                if not reason:
                    updates.append((row, after))
        if mode == "本処理" and "bulk_change_all_or_nothing" in self.defects \
                and any(entry["結果"] == "除外" for entry in listing):
            return 422, {"result": "error", "code": "E050", "item": "行",
                         "message": "変更前のデータが相違する者がいるため一括更新できません。"}
        if mode == "本処理" or "bulk_kari_commits" in self.defects:
            self._apply(kind, updates, moved, processed, body)
        return 200, {"result": "ok", "処理": mode, "一覧": listing}

    def _targets(self, kind: str, entry: Mapping[str, str]) -> list[Row]:
        if kind == "本籍":
            row = self.store.latest(entry.get("宛名番号", ""))
            return [row] if row is not None and row.get("住民状態") == _CURRENT else []
        members = self.members(entry.get("世帯番号", ""))
        if "bulk_change_head_only" in self.defects:
            members = [row for row in members if row.get("続柄") == "世帯主"]
        return members

    def _excluded(self, row: Mapping[str, str], before: Mapping[str, str]) -> str:
        """9.7 R006: why a person is left out of the 一括更新 (empty: not)."""
        if row.get("異動事由区分") in _LEAVING and row.get("転出予定年月日"):
            return "転出予定者"
        if any(row.get(name, "") != value for name, value in before.items()):
            return "変更前のデータが相違"
        return ""

    def _apply(self, kind: str, updates: list[tuple[Row, dict[str, str]]], moved: date, processed: date,
               body: Mapping[str, Any]) -> None:
        reason = "転居" if "bulk_change_cs_as_tenkyo" in self.defects else "軽微な修正"
        for row, after in updates:
            if kind == "本籍" and "bulk_honseki_not_written" in self.defects:
                continue
            stored = self.write({**row, **after}, reason, moved, processed)
            # 9.7 R001, R007: the 本人確認情報, 戸籍附票記載事項通知情報 and 送付先情報 go to the CS as 軽微な修正
            if "bulk_change_not_sent" not in self.defects:
                self.cs_after_change("address_bulk_change", body, (200, {"result": "ok", "persons": [stored]}))
