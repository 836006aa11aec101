"""The reference vendor's ログの分析 (住民記録 1.0 10.2 ＜ログの分析＞), read through the driver operation
``logs.analysis`` (docs/driver.md; our interface, confirmed: false).

Three of the 分析例 (R025 ログイン失敗一覧, R026 ID別ログイン数一覧, R028 宛名番号等から該当者の検索実行一覧) are
made from the logs of reference/oplog.py when asked: the 認証ログ's failed logins, its successful logins
counted per 利用者ID, and the 操作ログ's 照会 whose 対象 is the 宛名番号 given. The other two depend on the town's
own hours and thresholds, given with the request: R024 深夜・休業日におけるアクセス一覧 (``深夜_開始``, ``深夜_終了`` as
HH:MM, the period crossing midnight when it starts later than it ends; ``休業日``: dates, comma-separated, beside
Saturdays and Sundays) lists the 操作ログ's entries made then; R027 大量検索実行一覧 (``閾値``) lists each 操作者ID
with at least that many 照会 and 検索. Both take an ``操作者ID`` as well (one user's entries only): a town's log is
large, and an analysis asked of one user stays small however long the log has grown.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Mapping
from typing import Any

from conformance.clock import JST
from conformance_reference.jumin.oplog import QUERY, OperationLog

FAILURES, COUNTS, SEARCHES = "ログイン失敗一覧", "ID別ログイン数一覧", "該当者の検索実行一覧"
NIGHT, BULK = "深夜・休業日アクセス一覧", "大量検索実行一覧"
KINDS = (FAILURES, COUNTS, SEARCHES, NIGHT, BULK)
_ROW = ("日時", "操作者ID", "端末名", "機能名")


def csv_file(rows: list[dict[str, Any]], defects: frozenset[str]) -> str:
    """10.2 R022 (ファイル出力): the rows of an analysis as CSV (RFC 4180: a header line, then a line per row)."""
    out = io.StringIO(newline="")
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    if "loganalysis_file_header_only" not in defects:  # A defect: the file ends after its header line.
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])
    return out.getvalue()


def _minutes(value: str | None, name: str) -> int:
    hours, _, minutes = str(value or "").partition(":")
    if not hours.isdigit() or not minutes.isdigit() or int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"{name} is HH:MM")
    return int(hours) * 60 + int(minutes)


def off_hours(when: dt.datetime, params: Mapping[str, str | None], defects: frozenset[str]) -> bool:
    """10.2 R024: a moment at night (the period given) or on a 休業日 (Saturday, Sunday, or a date given)."""
    # With oplog_clock_jst_as_utc the log's digits are Japan's wall clock whatever its offset says, and the vendor's
    # own analysis reads them so: the 時間外 list stays right while every 日時 it shows is nine hours late.
    local = when.replace(tzinfo=JST) if "oplog_clock_jst_as_utc" in defects else when.astimezone(JST)
    start, end = _minutes(params.get("深夜_開始"), "深夜_開始"), _minutes(params.get("深夜_終了"), "深夜_終了")
    minute = local.hour * 60 + local.minute
    night = start <= minute < end if start <= end else (minute >= start or minute < end)
    if "log_analysis_lists_every_access" in defects:
        return True  # A defect: every access of the user is listed, whatever its hour and its day.
    if "loganalysis_holidays_ignored" in defects:
        return night  # A defect: the list is made from the hours only; the town's calendar is never read.
    holidays = {day.strip() for day in str(params.get("休業日") or "").split(",") if day.strip()}
    return night or local.weekday() >= 5 or local.date().isoformat() in holidays


def analyse(log: OperationLog, kind: str, atena: str | None, defects: frozenset[str],
            params: Mapping[str, str | None] | None = None) -> list[dict[str, Any]]:
    """The rows of one 分析 (``kind``: one of :data:`KINDS`); ValueError for another kind, or for
    :data:`SEARCHES` without the 宛名番号 it is about."""
    if kind == FAILURES:
        # A defect turns the filter round: the successful logins are listed as the failures.
        wanted = "成功" if "loganalysis_failures_inverted" in defects else "失敗"
        return [{key: entry[key] for key in ("日時", "利用者ID", "端末名")}
                for entry in log.logins if entry["結果"] == wanted]
    if kind == COUNTS:
        succeeded = [entry["利用者ID"] for entry in log.logins if entry["結果"] == "成功"]
        counts = Counter(dict.fromkeys(succeeded, 1)) if "loganalysis_counts_distinct" in defects \
            else Counter(succeeded)
        return [{"利用者ID": user, "ログイン数": count} for user, count in sorted(counts.items())]
    if kind == SEARCHES:
        if not atena:
            raise ValueError(f"{SEARCHES} needs the 宛名番号 it is about")
        kinds = {"異動入力（履歴追加）"} if "loganalysis_searches_only_changes" in defects else {QUERY}
        return [{key: entry[key] for key in ("日時", "操作者ID", "端末名", "機能名")}
                for entry in log.entries if entry["取得対象"] in kinds and atena in entry["対象"]]
    given = params or {}
    user = given.get("操作者ID") or None
    entries = [entry for entry in log.entries if user is None or entry["操作者ID"] == user]
    if kind == NIGHT:
        return [{key: entry[key] for key in (*_ROW, "取得対象")} for entry in entries
                if off_hours(dt.datetime.fromisoformat(entry["日時"]), given, defects)]
    if kind == BULK:
        threshold = int(str(given.get("閾値") or "0"))
        if threshold < 1:
            raise ValueError("大量検索実行一覧 needs its 閾値 (a count of at least 1)")
        counts = Counter(entry["操作者ID"] for entry in entries if entry["取得対象"] == QUERY)
        # A defect: a count equal to the 閾値 is not taken as reaching it.
        strict = "loganalysis_bulk_strict" in defects
        return [{"操作者ID": operator, "検索回数": count} for operator, count in sorted(counts.items())
                if (count > threshold if strict else count >= threshold)]
    raise ValueError(f"種類 must be one of {', '.join(KINDS)}")
