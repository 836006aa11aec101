"""The reference vendor's ログの分析 (住民記録 1.0 10.2 ＜ログの分析＞), read through the driver operation
``logs.analysis`` (docs/driver.md; our interface, confirmed: false).

Three of the 分析例 (R025 ログイン失敗一覧, R026 ID別ログイン数一覧, R028 宛名番号等から該当者の検索実行一覧) are
made from the logs of reference/oplog.py when asked: the 認証ログ's failed logins, its successful logins
counted per 利用者ID, and the 操作ログ's 照会 whose 対象 is the 宛名番号 given. The other two (R024 深夜・休業日,
R027 大量検索) depend on the town's own hours and thresholds and are not offered.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from conformance.reference.oplog import QUERY, OperationLog

FAILURES, COUNTS, SEARCHES = "ログイン失敗一覧", "ID別ログイン数一覧", "該当者の検索実行一覧"
KINDS = (FAILURES, COUNTS, SEARCHES)


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


def analyse(log: OperationLog, kind: str, atena: str | None, defects: frozenset[str]) -> list[dict[str, Any]]:
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
    raise ValueError(f"種類 must be one of {', '.join(KINDS)}")
