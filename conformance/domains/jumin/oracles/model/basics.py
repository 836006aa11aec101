"""What every transition of the model (``transitions``) shares: the interpretation register entries it names,
the days a request gives and their calendar check, the movers and the 世帯主 they leave, the items a request sets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.rules import (
    Allowed,
    Refusal,
    exactly,
    one_of,
)
from conformance.domains.jumin.oracles.model.world import World

#: Interpretation register entries (spec_catalog/jumin/1.0/interpretations.yaml).
I_HEAD_NAME = "jumin-1.0-interp-setai-nushi-name"
I_BECAME_RESIDENT = "jumin-1.0-interp-became-resident-date"
I_ADDRESS_DATE = "jumin-1.0-interp-address-date-tenkyo"
I_REMOVED_AHEAD = "jumin-1.0-interp-tenshutsu-status"
I_CONFIRMED_DATE = "jumin-1.0-interp-tenshutsu-kakutei-date"
I_CANCEL_STATUS = "jumin-1.0-interp-cancel-decrease-status"
I_BIRTH_DATE = "jumin-1.0-interp-birth-move-date"
I_TSUSHO_DAY = "jumin-1.0-interp-tsusho-day"
I_TSUSHO_PAST = "jumin-1.0-interp-tsusho-previous-deletion"
I_TSUSHO_JAPANESE = "jumin-1.0-interp-tsusho-japanese"
I_DV = "jumin-1.0-interp-dv-model"
I_RETURNING = "jumin-1.0-interp-reentry-items"
I_NATURALIZED = "jumin-1.0-interp-naturalization"


# -- shared rules ------------------------------------------------------------------------------------


def _dates(request: Mapping[str, Any], *, move: str | None = "異動日", notified: str | None = "届出年月日"
           ) -> Refusal | None:
    """4.0.3 R003 (異動日, except 転出) and 4.1.0.2 R003 (届出日): only days up to the 処理日."""
    processed = str(request["処理日"])
    if move is not None and str(request[move]) > processed:
        # The field that caused it: the one given, which is the 異動日 of the 異動 (a 出生's 生年月日).
        return Refusal("error", frozenset({"E001"}), r.MOVE_NOT_FUTURE, f"{move} after the 処理日",
                       frozenset({move, "異動日"}))
    if notified is not None and str(request[notified]) > processed:
        return Refusal("error", frozenset({"E002"}), r.NOTIFIED_NOT_FUTURE, f"{notified} after the 処理日",
                       frozenset({notified}))
    return None


#: The request fields that are 年月日 (the 処理日 is the harness's own and always a calendar day).
_DAY_FIELDS = ("異動日", "届出年月日", "通知年月日", "転出予定年月日", "転入年月日", "申出年月日")
#: Per operation, the request's 年月日 that may be non-calendar (1.1.8 R001 ただし: 出生、死亡又は失踪に係る
#: 異動日; a 出生's 異動日 is the 生年月日 of its person, which is an item, not a request field).
_MAY_BE_NON_CALENDAR: dict[str, frozenset[str]] = {"deaths": frozenset({"異動日"}),
                                                   "disappearances": frozenset({"異動日"})}
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def is_calendar_day(value: str) -> bool:
    """``YYYY-MM-DD`` naming a day of the calendar (``2026-02-29`` does not)."""
    match = _ISO_DAY.fullmatch(value)
    if match is None:
        return False
    try:
        date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return False
    return True


def _calendar(operation: str, request: Mapping[str, Any]) -> Refusal | None:
    """1.1.8 R001 (年月日は、暦上日に限り、許容すること): a 年月日 that is not a calendar day is refused with
    the エラー E005 naming it (11.1 R005), save where the ただし allows it. Our reading: it is judged before
    the operation's other refusals, as the 処理日 bounds (4.0.3 R003) are: a day that is none cannot be
    compared."""
    lenient = _MAY_BE_NON_CALENDAR.get(operation, frozenset())
    for name in _DAY_FIELDS:
        value = str(request.get(name) or "")
        if value and name not in lenient and not is_calendar_day(value):
            return Refusal("error", frozenset({"E005"}), r.CALENDAR_DAY, f"{name} is not a calendar day",
                           frozenset({name}))
    return None


def _movers(world: World, numbers: Iterable[object]) -> Refusal | None:
    """4.0.1 R001: a 異動 of who was a 住民 selects a 住民 (anyone else is refused: E006)."""
    if all(world.is_current(str(number)) for number in numbers):
        return None
    return Refusal("error", frozenset({"E006"}), r.MOVER_IS_RESIDENT, "a person who is not a 住民",
                   frozenset({"宛名番号"}))


def _head_leaves(world: World, leaving: Iterable[str], request: Mapping[str, Any]) -> Refusal | None:
    """4.0.4 R002: the 世帯主 leaves and two or more members remain: the アラート A002 first."""
    if "A002" in (request.get("confirm") or ()):
        return None
    gone = set(leaving)
    for atena in gone:
        row = world.latest(atena)
        remaining = [m for m in world.members(row.get("世帯番号", "")) if m not in gone]
        if row.get("続柄") == "世帯主" and len(remaining) >= 2:
            # The cause is the 世帯主 (his 続柄) leaving: the field naming him or his 続柄.
            return Refusal("alert", frozenset({"A002"}), r.HEAD_LEAVES, "the 世帯主 leaves two or more members",
                           frozenset({"続柄", "宛名番号"}))
    return None


def _first(*refusals: Refusal | None) -> Refusal | None:
    return next((refusal for refusal in refusals if refusal is not None), None)


def _stamp(reason: str, request: Mapping[str, Any], **dates: str) -> dict[str, Allowed]:
    """The items every row of a 異動 sets: its 1.2.2 区分, 処理日, and the dates the 異動 has (1.2.1)."""
    sets = {"異動事由区分": exactly(reason, r.REASONS.get(reason, r.CANCEL_KIND)),
            "処理日": exactly(str(request["処理日"]), r.PROCESS_DATE)}
    requirements = {"異動日": r.MOVE_DATE, "届出年月日": r.NOTIFIED_DATE, "通知年月日": r.NOTICE_DATE,
                    "申出年月日": r.OFFERED_DATE}
    for item, value in dates.items():
        sets[item] = exactly(value, requirements[item])
    return sets


def _head_name(world: World, atena: str, head: str | None, new_head_name: str) -> Allowed:
    """1.1.1 R008 as 10.4 P001 spells it (世帯主についてはその旨、世帯主でない者については世帯主の氏名): a
    member carries the 世帯主's 氏名; the 世帯主's own row may keep it, be blank or carry his own."""
    requirement = r.HEAD_NAME_FOREIGN if world.latest(atena).get("住民種別") == "2" else r.HEAD_NAME
    if atena != head:
        return exactly(new_head_name, requirement)
    row = world.latest(atena)
    return one_of({row.get("世帯主氏名", ""), "", row.get("氏名", "")}, requirement, I_HEAD_NAME)


def _items(request: Mapping[str, Any], key: str) -> dict[str, str]:
    return {str(name): str(value) for name, value in dict(request.get(key) or {}).items()}


def _entered(request: Mapping[str, Any]) -> dict[str, str]:
    """The request's ``items``, without the keys of the record (宛名番号, 履歴番号), which no item may set."""
    return {k: v for k, v in _items(request, "items").items() if k not in ("宛名番号", "履歴番号")}


def _given(items: Mapping[str, str], requirement: str) -> dict[str, Allowed]:
    return {name: exactly(value, requirement) for name, value in items.items()}


#: The 戸籍の表示 a 出生 may quote from a member: the driver's item and its parts, as a record holds them.
_HONSEKI_ITEMS = ("戸籍の表示（本籍・筆頭者）", "本籍", "筆頭者")
