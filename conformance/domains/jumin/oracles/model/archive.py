"""The 除票用データベース of 9.3 in the model: which persons a 除票用データベース移行 (the driver's ``batch.run``) moves
there on its 基準日, and what the 住民記録 database and the 除票用データベース answer for each after it.

Ours (interpretation ``jumin-1.0-interp-archive-model``, with ``jumin-1.0-interp-batch``): a 除票 whose 消除 (the
異動日 of the 異動 that removed it, the same day as its 処理日 in the model's examples) has its fifth anniversary before
the 基準日 is moved (５年を経過した); one whose anniversary is after it stays; on the anniversary itself either is
right (the text does not fix whether five years have 経過 on it: :func:`moved_on`'s ``either``); a 2月29日's five
years end on 2月28日 of a common year under both counts (kept that day, moved from 3月1日), and a 除票 whose
異動日 and 処理日 differ is not asked (which day counts the text leaves open: the 処理日, the day it became a 除票,
or the 異動日, the 事由の生じた年月日 it records; issue 67's blind round, 25, argued). A current 住民 is never
moved. A person moved is answered by no path of the 住民記録 (同時に…削除), and the 除票用データベース holds their
history as the model holds it (移行: every row, as it was).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from conformance.domains.jumin.oracles.model.rules import CURRENT
from conformance.domains.jumin.oracles.model.world import World


def years_end(start: date, years: int = 5) -> date:
    """The last day of ``years`` counted from ``start`` (its 起算日) as 民法 第143条第2項 counts them: the day before
    the day corresponding to ``start`` that many years later, or the month's last day where that year has none (a start
    on 2月29日 ends on 2月28日 of a common year). 民法 is not among our sources: our reading, as the 附票's
    (koseki_fuhyo's kept_until) and the statute domains' periods in years."""
    try:
        return start.replace(year=start.year + years) - timedelta(days=1)
    except ValueError:  # 2月29日 whose year is common: 第143条第2項ただし書
        return date(start.year + years, 2, 28)


def five_years(removed: date) -> tuple[date, date]:
    """The last day a 除票 of a 消除 on ``removed`` is kept under every reading and the first day it is moved under
    every reading. Counted from the day after the 消除 (民法 第140条's 初日不算入) the five years end a day later than
    counted from its own day, except where both end on the same 2月28日 (a 消除 on 2月29日: kept to 2月28日, moved
    from 3月1日); between the two ends the text leaves room."""
    ends = (years_end(removed), years_end(removed + timedelta(days=1)))
    return min(ends), max(ends) + timedelta(days=1)


class Migration(NamedTuple):
    """What a 除票用データベース移行 on a 基準日 does to the persons it names: those it must move, those it must leave
    where they are, and those it may do either with (the fifth anniversary of their 消除 is the 基準日)."""

    moved: set[str]
    kept: set[str]
    either: set[str]


def moved_on(world: World, base: date, named: Iterable[str]) -> Migration:
    """What a 除票用データベース移行 on ``base`` must do to each person of ``named``; a person in none of the three
    sets is the text's to leave open (a 消除 whose days differ).

    Five years have 経過 after the fifth anniversary, not before it; on the anniversary the text leaves room (民法
    第140条's 初日不算入 ends the period with the anniversary, a 消除 counted from its own day ends it the day before;
    民法 is not among our sources): moved or kept, each judged whole. A 消除 on 2月29日 has no such day in a common
    fifth year: both counts end on 2月28日 (第143条第2項ただし書), so it is kept that day and moved from 3月1日
    (:func:`five_years`)."""
    migration = Migration(set(), set(), set())
    for atena in named:
        row = world.latest(atena)
        if row.get("住民状態") == CURRENT:
            migration.kept.add(atena)
            continue
        if row.get("異動日") != row.get("処理日"):
            continue
        kept_until, moved_from = five_years(date.fromisoformat(row["処理日"]))
        if base >= moved_from:
            migration.moved.add(atena)
        elif base <= kept_until:
            migration.kept.add(atena)
        else:
            migration.either.add(atena)
    return migration
