"""The 除票用データベース of 9.3 in the model: which persons a 除票用データベース移行 (the driver's ``batch.run``) moves
there on its 基準日, and what the 住民記録 database and the 除票用データベース answer for each after it.

Ours (interpretation ``jumin-1.0-interp-archive-model``, with ``jumin-1.0-interp-batch``): a 除票 whose 消除 (the
異動日 of the 異動 that removed it, the same day as its 処理日 in the model's examples) has its fifth anniversary before
the 基準日 is moved (５年を経過した); one whose anniversary is after it stays; on the anniversary itself either is
right (the text does not fix whether five years have 経過 on it: :func:`moved_on`'s ``either``), and a 除票 whose
異動日 and 処理日 differ is not asked (which day counts). A current 住民 is never moved. A person moved is answered
by no path of the 住民記録 (同時に…削除), and the 除票用データベース holds their history as the model holds it (移行:
every row, as it was).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from conformance.domains.jumin.oracles.model.rules import CURRENT
from conformance.domains.jumin.oracles.model.world import World


def fifth_anniversary(day: date) -> date:
    """The day five years after ``day`` (a 2月29日's is 3月1日: the day after 2月28日 of a common year)."""
    try:
        return day.replace(year=day.year + 5)
    except ValueError:
        return date(day.year + 5, 3, 1)


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
    民法 is not among our sources): moved or kept, each judged whole."""
    migration = Migration(set(), set(), set())
    for atena in named:
        row = world.latest(atena)
        if row.get("住民状態") == CURRENT:
            migration.kept.add(atena)
            continue
        if row.get("異動日") != row.get("処理日"):
            continue
        anniversary = fifth_anniversary(date.fromisoformat(row["処理日"]))
        if base > anniversary:
            migration.moved.add(atena)
        elif base < anniversary:
            migration.kept.add(atena)
        else:
            migration.either.add(atena)
    return migration
