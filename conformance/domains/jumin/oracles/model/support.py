"""The transitions of 支援措置 (登録, 更新) and what a measure keeps from whom it protects (住民記録 1.0, 支援措置),
written from the text (``transitions`` lists every operation)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.basics import I_DV, is_calendar_day
from conformance.domains.jumin.oracles.model.rules import (
    Allowed,
    Commit,
    Measure,
    Outcome,
    RowRule,
    one_of,
)
from conformance.domains.jumin.oracles.model.world import World
from conformance.oracles.shien_sochi import extension_window

#: The requirement a wrong 終了年月日 on the 原票 breaks, by the requirement of the operation: a 延長's is 3.4 R004's
#: (a wrong 開始年月日 is 7.2.3 R001's whatever the operation).
PERIOD_REQUIREMENT = {r.DV_EXTENSION: r.DV_EXTENSION}

# -- 支援措置 --------------------------------------------------------------------------------------------


def support_register(world: World, request: Mapping[str, Any]) -> Outcome:
    """支援措置の申出 (1.1.16, 3.4): the 申出者 and every 併せて支援措置を求める者 of the town (3.4 R001: 支援対象者
    （併せて支援を求める者を含む。）) are 支援対象者 for the period given; their 原票 take the 表示 (1.1.16 R001)."""
    applicant = str(request["宛名番号"])
    joined = [str(entry.get("宛名番号") or "") for entry in request.get("併せて支援措置を求める者") or ()
              if isinstance(entry, Mapping)]
    period = dict(request["支援措置の期間"])
    measure = Measure(tuple(dict.fromkeys([applicant, *(atena for atena in joined if atena in world.persons)])),
                      date.fromisoformat(str(period["支援措置の開始年月日"])),
                      date.fromisoformat(str(period["支援措置の終了年月日"])), provisional=_provisional(request))
    return _measured(world, applicant, measure,
                     r.DV_PROVISIONAL if measure.provisional_on(world.today) else r.DV_REFUSED)


def _provisional(request: Mapping[str, Any]) -> date | None:
    """The 仮支援措置の開始年月日 of a 申出 that asks for a 仮支援措置 (1.1.16: 仮支援措置の有無 有), else None."""
    given = request.get("仮支援措置")
    if not isinstance(given, Mapping) or given.get("仮支援措置の有無") != "有":
        return None
    day = str(given.get("仮支援措置の開始年月日") or "")
    return date.fromisoformat(day) if is_calendar_day(day) else None


def support_update(world: World, request: Mapping[str, Any]) -> Outcome:
    """The 修正 of a 支援措置's period: a new 終了年月日 in the window of 3.4 R004 (from one month before the end)
    is its 延長; one not after today ends it (R007: 支援措置を終了できること; from then on the text leaves the
    copies to the vendor); the persons it protects are kept."""
    applicant = str(request["宛名番号"])
    measure = world.measures[applicant]
    given = dict(request.get("支援措置の期間") or {})
    end = date.fromisoformat(str(given.get("支援措置の終了年月日") or measure.end.isoformat()))
    start = date.fromisoformat(str(given.get("支援措置の開始年月日") or measure.start.isoformat()))
    extended = end > measure.end and extension_window(measure.end)[0] <= world.today <= measure.end
    ended = world.today if end <= world.today else measure.ended
    changed = replace(measure, start=start, end=end, ended=ended)
    return _measured(world, applicant, changed, r.DV_EXTENSION if extended else r.DV_REFUSED)


def _measured(world: World, applicant: str, measure: Measure, requirement: str) -> Commit:
    """The commit of a 支援措置 registered or changed: each of its persons' 原票 carries the 表示 while it is
    in force (1.1.16 R001 as 3.4 R001 reads it: interpretation dv-model), with the period of the record
    (支援措置_開始年月日, 支援措置_終了年月日: :func:`_period`); 他業務参照不可フラグ may be kept or set (the text does
    not say whether a 支援措置 sets it)."""
    protects = measure.protects(world.today)
    marked = r.DV_PROVISIONAL if measure.provisional_on(world.today) else r.DV_REFUSED
    marks = {}
    for atena in measure.persons:
        row = world.latest(atena)
        sets = {**_period(world, applicant, measure, atena, requirement),
                r.OTHER_BUSINESS_MARK: one_of({row.get(r.OTHER_BUSINESS_MARK, ""), "1"}, r.DV_REFUSED, I_DV),
                r.SUPPORT_MARK: _mark(protects, marked)}
        marks[atena] = RowRule("支援措置", sets, row)
    return Commit({}, marks=marks, measure=(applicant, measure), requirement=requirement)


def _period(world: World, applicant: str, measure: Measure, atena: str, requirement: str) -> dict[str, Allowed]:
    """The period the 原票 of ``atena`` shows while ``measure`` protects them: the record's 開始年月日 and 終了年月日
    (the driver's support.register: the 支援措置対象フラグ, 支援措置_開始年月日 and 支援措置_終了年月日 follow the
    支援措置の期間; 7.2.3 R001: the 支援対象者管理データ the 住民記録データ carry), a 延長's new end too (3.4 R004).
    Issue 67, blind round 3, 09 and 10: a 原票 left at the old end after a 延長, or dated the day of entry. Allowed
    besides (interpretation dv-model): the 仮支援措置の開始年月日 as the start while only the 仮支援措置 protects, and
    the period of another measure in force protecting the same person (a 併せて者 under two). Once ended, or before
    a start without a 仮支援措置, the text leaves the 原票 to the vendor: not judged."""
    ending = PERIOD_REQUIREMENT.get(requirement, r.PROVIDED)
    if not measure.protects(world.today):
        return {"支援措置_開始年月日": Allowed(None, r.PROVIDED), "支援措置_終了年月日": Allowed(None, ending)}
    others = [other for key, other in world.measures.items()
              if key != applicant and atena in other.persons and other.protects(world.today)]
    starts = {m.start.isoformat() for m in (measure, *others)}
    starts |= {m.provisional.isoformat() for m in (measure, *others)
               if m.provisional is not None and m.provisional_on(world.today)}
    ends = {m.end.isoformat() for m in (measure, *others)}
    return {"支援措置_開始年月日": one_of(starts, r.PROVIDED, I_DV), "支援措置_終了年月日": one_of(ends, ending, I_DV)}


def _mark(protects: bool | None, requirement: str) -> Allowed:
    """The 表示 (支援措置対象フラグ 1) while the 支援措置 is in force; once it is ended, kept or taken away."""
    return one_of({"1"}, requirement, I_DV) if protects else Allowed(None, requirement, I_DV)


def _protected(world: World, outcome: Outcome) -> Outcome:
    """Every 異動 of a person under a 支援措置 keeps the 表示 while it is in force (3.4 R001; after a 転出 R009:
    前住所地市区町村として支援措置が継続), a 異動の取消し too: the 表示 follows the 支援措置, not the 異動."""
    if not isinstance(outcome, Commit) or not world.measures:
        return outcome
    rows = {atena: tuple(_kept(world, atena, rule) for rule in rules) for atena, rules in outcome.rows.items()}
    optional = {atena: _kept(world, atena, rule) for atena, rule in outcome.optional.items()}
    return replace(outcome, rows=rows, optional=optional)


def _kept(world: World, atena: str, rule: RowRule) -> RowRule:
    protects = world.protected(atena)
    if protects is False or rule.before is None:
        return rule
    sets = dict(rule.sets)
    for item in r.SUPPORT_ITEMS & set(sets):
        restored = sets[item].values
        if restored is None:
            continue  # any value (a 再転入's items it does not give): the 表示 itself below
        # A 異動の取消し restores the row before the 異動 (4.6.0.1 R002); the 支援措置's items are no part of the
        # 異動, so they may be restored or kept as they are now (the 表示 itself: below).
        sets[item] = one_of({*restored, rule.before.get(item, "")}, sets[item].requirement, I_DV)
    if protects:
        sets[r.SUPPORT_MARK] = _mark(protects, r.DV_PROVISIONAL if world.provisional(atena) else r.DV_MOVED_OUT
                                     if rule.reason in ("国内転出", "国外転出") else r.DV_REFUSED)
    return replace(rule, sets=sets)
