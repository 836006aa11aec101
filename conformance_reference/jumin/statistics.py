"""The reference vendor's 統計 (住民記録 1.0 6.1), read through the driver operation ``stats.annual``
(docs/driver.md; our interface, confirmed: false).

6.1 R001 asks for the 「住民基本台帳関係年報」's figures: 人口, 世帯, 転入, 転出 の件数等. The reference counts them
from its store when asked: the 人口 on the 統計基準日 (``基準日``) by 日本人・外国人 and 男・女, the 世帯 those persons
make up, and the 転入, 転出, 出生 and 死亡 whose 異動日 lies in the period (``期間_開始`` .. ``期間_終了``), each
person's 異動 of one kind and day counted once (a 転出 confirmed by its 転入通知 is still one 転出). A 住民 is
counted from their current record: a 転出予定者 whose 転出予定年月日 has not passed on the 基準日 is a 現存者
(R004); a 基準日 in the past is not reconstructed from the history (the reference keeps no statistics of earlier
days: ours).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from conformance_reference.jumin.storage import Store

#: 住民種別 and 性別 codes (code_tables.yaml) -> the figures' words.
KINDS, SEXES = {"1": "日本人", "2": "外国人"}, {"1": "男", "2": "女"}
#: 異動事由 codes (code_tables.yaml change_reason) -> the 異動 counted.
MOVES = {"A1": "転入", "C1": "転出", "A2": "出生", "C2": "死亡"}
_CURRENT = "1"


def annual(store: Store, body: Mapping[str, Any], defects: frozenset[str]) -> dict[str, Any]:
    """The figures of 6.1 R001 for ``body`` (基準日, 期間_開始, 期間_終了: ISO dates; ValueError otherwise)."""
    day = date.fromisoformat(str(body["基準日"]))
    start = date.fromisoformat(str(body.get("期間_開始") or body["基準日"]))
    # The defect ``stats_period_end_ignored`` reads the period to the 基準日 whatever its end.
    end = date.fromisoformat(str(body.get("期間_終了") or body["基準日"]))
    if "stats_period_end_ignored" in defects:
        end = day
    living = [row for row in store.current() if _present(row, day, defects)]
    population: dict[str, dict[str, int]] = {kind: {"男": 0, "女": 0, "計": 0} for kind in (*KINDS.values(), "総数")}
    for row in living:
        kind, sex = KINDS.get(row.get("住民種別", "")), SEXES.get(row.get("性別", ""))
        for column in (kind, "総数"):
            if column is None:
                continue
            population[column]["計"] += 1
            if sex is not None:
                population[column][sex] += 1
    households = len({row.get("世帯番号", "") for row in living})
    return {"基準日": day.isoformat(), "人口": population, "世帯数": households,
            "異動": _moves(store.all_history(), start, end, defects)}


def _present(row: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    """A 住民 on ``day``: current, and not a 転出予定者 whose 転出予定年月日 has passed (R004)."""
    if row.get("住民状態") != _CURRENT:
        return False
    planned = row.get("転出予定年月日", "")
    if not planned:
        return True
    if "stats_planned_out_excluded" in defects:
        return False  # A defect: a 転出予定者 leaves the figures the day the 転出届 is entered.
    try:
        return date.fromisoformat(planned) >= day
    except ValueError:
        return True


def _moves(rows: Iterable[Mapping[str, str]], start: date, end: date, defects: frozenset[str]) -> dict[str, int]:
    # A defect counts a 異動 by the day it was entered (処理日), not the day it took effect (異動日).
    field = "処理日" if "stats_moves_by_processing_day" in defects else "異動日"
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        kind = MOVES.get(row.get("異動事由", ""))
        try:
            moved = date.fromisoformat(row.get(field, ""))
        except ValueError:
            continue
        if kind is not None and start <= moved <= end:
            seen.add((row.get("宛名番号", ""), kind, moved.isoformat()))
    counts = dict.fromkeys(MOVES.values(), 0)
    for _, kind, _ in seen:
        counts[kind] += 1
    return counts
