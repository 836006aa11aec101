"""Each driver operation (docs/driver.md) as a transition of the model, written from the text of
住民記録 1.0, not from any implementation.

``TRANSITIONS[operation](world, request)`` answers what the operation must do with ``request`` (the
driver request body) in the state ``world``: the :class:`~.rules.Refusal` it must give, or the
:class:`~.rules.Commit` of the rows it must write, each item set to the values the text allows, every
other item kept. Dates are ISO text (``YYYY-MM-DD``), compared as text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.rules import (
    Allowed,
    Commit,
    Measure,
    Outcome,
    Refusal,
    Row,
    RowRule,
    exactly,
    one_of,
)
from conformance.domains.jumin.oracles.model.world import World
from conformance.oracles.shien_sochi import extension_window

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

Transition = Callable[[World, Mapping[str, Any]], Outcome]


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


# -- 転入 ----------------------------------------------------------------------------------------------


def move_in(world: World, request: Mapping[str, Any]) -> Outcome:
    """転入 (4.1.1.1): each person's items as entered, a new 世帯 or the one named (4.0.2 R001)."""
    persons = [{str(k): str(v) for k, v in dict(p).items()} for p in request["persons"]]
    refused = _first(_dates(request), _born_after(persons, request), _re_entry(world, persons),
                     _three_items(world, persons, request))
    if refused is not None:
        return refused
    reason = "国内転入" if request["区分"] == "国内転入" else "国外転入等"
    setai = str(request.get("世帯番号") or "")
    moved = str(request["異動日"])
    new = []
    returning: dict[str, tuple[RowRule, ...]] = {}
    for person in persons:
        if _returns(world, person):
            atena = person["宛名番号"]
            returning[atena] = (_return_row(world, atena, person, request, reason),)
            continue
        sets = {**_given(person, r.MOVE_IN_ITEMS), "住民状態": exactly(r.CURRENT, r.DESTINATION),
                **_stamp(reason, request, 異動日=moved, 届出年月日=str(request["届出年月日"])),
                **_became_resident(moved)}
        if request.get("未届転入") is True and person.get("転入前住所"):  # 4.1.1.4 R001: （未届） at its end
            previous = person["転入前住所"]
            sets["転入前住所"] = exactly(previous if previous.endswith(_UNREPORTED) else previous + _UNREPORTED,
                                      r.UNREPORTED_MOVE_IN)
        numbers = {"宛名番号": "new"}
        if setai:
            sets["世帯番号"] = exactly(setai, r.DESTINATION)
        else:
            numbers["世帯番号"] = "new"
        new.append(RowRule(reason, sets, None, numbers))
    return Commit(returning, tuple(new), returning=tuple(returning))


def _born_after(persons: list[dict[str, str]], request: Mapping[str, Any]) -> Refusal | None:
    """11.1 R001 (our reading: E003): a 転入 whose 異動日 is before a person's 生年月日 (``_born_later``)."""
    return _first(*(_born_later(person, request) for person in persons))


def _returns(world: World, person: Mapping[str, str]) -> bool:
    """Whether the person is a 再転入者 selected by the 宛名番号 of a 除票 of a 転出 the model holds (4.1.1.2 R002)."""
    atena = person.get("宛名番号", "")
    return bool(atena) and atena in world.persons and world.latest(atena).get("住民状態") == r.MOVED_OUT


def _return_row(world: World, atena: str, person: Mapping[str, str], request: Mapping[str, Any],
                reason: str) -> RowRule:
    """A 再転入 under the 除票's 宛名番号 (4.1.1.2 R002): a row of the same person with the items entered; an item the
    転入 does not give is not judged: the 除票's taken in (取り込むことができ), blank, or the 転入's own (a 世帯加入順),
    as the text lets the 除票 be taken in and corrected without requiring it (interpretation reentry-items). The
    支援措置's 表示 is judged (``_protected``)."""
    before = world.latest(atena)
    moved = str(request["異動日"])
    sets: dict[str, Allowed] = {name: Allowed(None, r.RETURNING, I_RETURNING) for name in before
                                if name not in r.BOOKKEEPING and name != "宛名番号"}
    sets.update({**_given({k: v for k, v in person.items() if k != "宛名番号"}, r.MOVE_IN_ITEMS),
                 "住民状態": exactly(r.CURRENT, r.DESTINATION),
                 **_stamp(reason, request, 異動日=moved, 届出年月日=str(request["届出年月日"])),
                 **_became_resident(moved)})
    setai = str(request.get("世帯番号") or "")
    if setai:
        sets["世帯番号"] = exactly(setai, r.DESTINATION)
    else:
        sets.pop("世帯番号", None)
    return RowRule(reason, sets, before, {} if setai else {"世帯番号": "new"})


_UNREPORTED = "（未届）"


def _became_resident(day: str) -> dict[str, Allowed]:
    """住民となった年月日 is the day of the 異動 (our reading), and 住所を定めた年月日 the same (4.1.1.1 R002)."""
    return {"住民となった年月日": one_of({day}, "jumin-1.0-1.1.1-R010", I_BECAME_RESIDENT),
            "住所を定めた年月日": exactly(day, r.ADDRESS_DATE)}


def _re_entry(world: World, persons: list[dict[str, str]]) -> Refusal | None:
    """4.1.1.2 R001: a 除票 with the same 個人番号, 住民票コード or 在留カード番号 stops a new entry (E004)."""
    keys = ("個人番号", "住民票コード", "在留カード等番号")
    for row in world.removed():
        # A person selected as the 再転入者 of this 除票 (its 宛名番号 given) is no new entry (R002).
        same = frozenset(key for person in persons for key in keys
                         if person.get(key) and person.get(key) == row.get(key)
                         and person.get("宛名番号") != row.get("宛名番号"))
        if same:
            return Refusal("error", frozenset({"E004"}), r.RE_ENTRY, "a 除票 has the same number", same)
    return None


def _three_items(world: World, persons: list[dict[str, str]], request: Mapping[str, Any]) -> Refusal | None:
    """4.1.1.2 R001: a 除票 with the same 氏名, 性別 and 生年月日: an アラート (A001) first."""
    if "A001" in (request.get("confirm") or ()):
        return None
    keys = ("氏名", "性別", "生年月日")
    for row in world.removed():
        if any(all(person.get(key) == row.get(key) for key in keys) and person.get("宛名番号") != row.get("宛名番号")
               for person in persons):
            return Refusal("alert", frozenset({"A001"}), r.RE_ENTRY, "a 除票 has the same 3情報", frozenset(keys))
    return None


# -- 転居・転出 ------------------------------------------------------------------------------------------


def move_within(world: World, request: Mapping[str, Any]) -> Outcome:
    """転居: the new 住所 and 住所を定めた年月日 (the day of the 転居, our reading); nothing else changes."""
    numbers = [str(n) for n in request["宛名番号"]]
    refused = _first(_movers(world, numbers), _dates(request))
    if refused is not None:
        return refused
    moved = str(request["異動日"])
    address = {k: v for k, v in _items(request, "住所").items() if k.startswith("住所_")}
    sets = {**_given(address, "jumin-1.0-1.1.1-R011"),
            "住所を定めた年月日": one_of({moved}, "jumin-1.0-1.1.1-R012", I_ADDRESS_DATE),
            **_stamp("転居", request, 異動日=moved, 届出年月日=str(request["届出年月日"]))}
    return Commit({n: (RowRule("転居", sets, world.latest(n)),) for n in numbers})


def move_out(world: World, request: Mapping[str, Any]) -> Outcome:
    """転出 (届出): 転出予定年月日 as the 異動日 (4.1.3.0.1 R001: it may be after the 届出日)."""
    numbers = [str(n) for n in request["宛名番号"]]
    refused = _first(_movers(world, numbers), _dates(request, move=None), _head_leaves(world, numbers, request))
    if refused is not None:
        return refused
    planned = str(request["転出予定年月日"])
    reason = "国外転出" if request.get("区分") == "国外転出" else "国内転出"
    sets = {**_stamp(reason, request, 異動日=planned, 届出年月日=str(request["届出年月日"])),
            "転出予定年月日": exactly(planned, r.REMOVAL),
            # 1.1.5 R001: removed on the 転出予定年月日 at the latest; a vendor may keep 住民 until the
            # 転入通知 or the day comes, or record the 除票 at once.
            "住民状態": one_of({r.CURRENT, r.MOVED_OUT}, r.REMOVAL_DATE, I_REMOVED_AHEAD)}
    if request.get("転出先住所_市区町村コード"):
        sets["転出先住所（予定）_市区町村コード"] = exactly(str(request["転出先住所_市区町村コード"]), r.REMOVAL)
    return Commit({n: (RowRule(reason, sets, world.latest(n)),) for n in numbers},
                  optional=_lone_member(world, numbers, request))


#: The driver's optional field of ``moves.out_confirm`` (docs/driver.md) and the item it sets.
NEXT_ADDRESS = "転出先住所（確定）_市区町村コード"


def move_out_confirm(world: World, request: Mapping[str, Any]) -> Outcome:
    """転入通知の受理 (4.1.3.1.1 R001): the 除票 on the earlier of 転出予定年月日 and the 転入日 (1.1.5 R001);
    転出予定年月日 kept, 転出年月日（確定） and 通知年月日 added."""
    atena = str(request["宛名番号"])
    row = world.latest(atena)
    planned, arrived = row.get("転出予定年月日", ""), str(request["転入年月日"])
    removed = min(planned, arrived)
    reason = row.get("異動事由区分", "") if row.get("異動事由区分") in ("国内転出", "国外転出") else "国内転出"
    sets = {**_stamp(reason, request), "通知年月日": exactly(str(request["通知年月日"]), r.MOVE_OUT_CONFIRMED),
            "住民状態": exactly(r.MOVED_OUT, r.REMOVAL),
            # The day 1.1.5 R001 fixes (the earlier of the two), or the 転入日 as the 転入通知 gives it.
            "転出年月日（確定）": one_of({removed, arrived}, r.REMOVAL_DATE, I_CONFIRMED_DATE),
            "異動日": one_of({planned, removed, arrived}, r.MOVE_DATE, I_CONFIRMED_DATE)}
    if request.get(NEXT_ADDRESS):  # 1.1.5 R015: the 転出先住所（確定） the 通知 names, recorded on the 除票
        sets[NEXT_ADDRESS] = exactly(str(request[NEXT_ADDRESS]), "jumin-1.0-1.1.5-R015")
    return Commit({atena: (RowRule(reason, sets, row),)})


def _lone_member(world: World, leaving: list[str], request: Mapping[str, Any]) -> dict[str, RowRule]:
    """4.0.4 R001: when the 世帯主 leaves one member, the vendor may make that member 世帯主 by itself."""
    heads = [n for n in leaving if world.latest(n).get("続柄") == "世帯主"]
    if not heads:
        return {}
    remaining = [m for m in world.members(world.latest(heads[0]).get("世帯番号", "")) if m not in leaving]
    if len(remaining) != 1:
        return {}
    lone = remaining[0]
    sets = {**_stamp("世帯主変更", request), "続柄": exactly("世帯主", "jumin-1.0-4.0.4-R001"),
            "世帯主氏名": _head_name(world, lone, lone, ""), "異動日": Allowed(None, r.MOVE_DATE),
            "届出年月日": Allowed(None, r.NOTIFIED_DATE)}
    return {lone: RowRule("世帯主変更", sets, world.latest(lone))}


# -- 出生・死亡・職権消除 -------------------------------------------------------------------------------


def birth(world: World, request: Mapping[str, Any]) -> Outcome:
    """出生 (4.2.1.2 R001): a new person in the 世帯 named, with the items entered."""
    person = _items(request, "person")
    born = person["生年月日"]
    # 4.0.3 R003 (異動日 up to the 処理日) holds for every 異動; 4.1.0.2 R003 (届出日) is of 4.1's 届出, not of
    # a 出生 (4.2.1, 戸籍の届出): a later 届出日 is neither required to pass nor to be refused.
    refused = _dates({"処理日": request["処理日"], "生年月日": born}, move="生年月日", notified=None)
    if refused is not None:
        return refused
    sets = {**_given(person, "jumin-1.0-4.0.1-R002"), "住民状態": exactly(r.CURRENT, r.DESTINATION),
            "世帯番号": exactly(str(request["世帯番号"]), r.DESTINATION),
            **_stamp("出生", request, 届出年月日=str(request["届出年月日"])),
            "異動日": one_of({born}, r.MOVE_DATE, I_BIRTH_DATE), **_became_resident(born)}
    drawn = _drawn_code(world, request) if not person.get("住民票コード") else {}
    if isinstance(drawn, Refusal):
        return drawn
    sets.update(drawn)
    if request.get("戸籍の表示の引用"):  # 4.2.0.3 R002: a member's 本籍・筆頭者 quoted (what the person gives wins)
        member = world.latest(str(request["戸籍の表示の引用"]))
        for name in _HONSEKI_ITEMS:
            if member.get(name) and name not in person:
                sets[name] = exactly(member[name], r.HONSEKI_QUOTED)
    return Commit({}, (RowRule("出生", sets, None, {"宛名番号": "new"}),))


def _drawn_code(world: World, request: Mapping[str, Any]) -> dict[str, Allowed] | Refusal:
    """4.3.1 R002: a 未付番者 (a 出生 entered without a 住民票コード) or a 変更異動 entered without the new code takes
    one of the 空きコード the model knows the vendor keeps, whichever (R003's 無作為 is not judged); R004: when the
    codes left after it are fewer than the 下限, the アラート A041 first (committed once confirmed). Nothing is
    judged where the model does not know the stock or knows it empty (the drawn examples enter every code)."""
    stock = world.stock
    if stock is None or not stock.codes:
        return {}
    if stock.low() and r.LOW_STOCK not in (request.get("confirm") or ()):
        return Refusal("alert", frozenset({r.LOW_STOCK}), r.CODES_LOW, "the 空きコード left fewer than the 下限",
                       frozenset({"住民票コード"}))
    return {"住民票コード": one_of(set(stock.codes), r.CODES_DRAWN, r.CODE_READING)}


def death(world: World, request: Mapping[str, Any]) -> Outcome:
    """死亡 (4.2.2.1 R001): 住民状態 死亡, the 異動日 and 通知年月日; a 除票 (4.0.2 R002)."""
    return _leave(world, request, "死亡", r.DECEASED)


def removal(world: World, request: Mapping[str, Any]) -> Outcome:
    """職権消除 (4.2.2): 住民状態 消除; a 除票 (4.0.2 R002)."""
    return _leave(world, request, "職権消除", r.REMOVED)


#: 4.5.6 R001: 出入国在留管理庁長官通知に基づき、以下のとおり修正及び消除できること.
MOJ_NOTICE = "jumin-1.0-4.5.6-R001"


def moj_notice(world: World, request: Mapping[str, Any]) -> Outcome:
    """出入国在留管理庁長官通知 (法第30条の50; 4.5.6 R001: 修正及び消除). Without ``消除`` the items it names take
    the new values (a 職権修正, 1.2.2 R027: a 在留期間の更新 moves the 在留期間の満了の日), every other item kept, the
    通知年月日 recorded (1.2.1); its 異動日 is not judged (the text names none: the 通知's day and the day the 在留
    changed are both readings). With ``消除`` the 住民票 removed ex officio (職権消除, 4.0.2 R002) on the 異動日
    entered, or without one the 通知年月日 (the driver's field: spec_catalog/jumin/1.0/driver.yaml)."""
    notified = str(request["通知年月日"])
    if request.get("消除") is True:
        outcome = _leave(world, {**request, "異動日": str(request.get("異動日") or notified)}, "職権消除", r.REMOVED)
        return _as_notice(outcome, str(request["宛名番号"]))
    atena = str(request["宛名番号"])
    items = _entered(request)
    refused = _blanked(world.latest(atena), items)
    if refused is not None:
        return refused
    sets = {**_given(items, MOJ_NOTICE), **_stamp("職権修正", request, 通知年月日=notified),
            "異動日": Allowed(None, r.MOVE_DATE)}
    return Commit({atena: (RowRule("職権修正", sets, world.latest(atena)),)}, requirement=MOJ_NOTICE)


def _as_notice(outcome: Outcome, atena: str) -> Outcome:
    """The 消除 of a 通知 judged as 4.5.6 R001's (修正及び消除): the 住民状態 消除 and the 異動日 entered (4.0.3 R001
    through the driver's field); its 区分 stays 1.2.2's 職権消除."""
    if not isinstance(outcome, Commit):
        return outcome
    rows = {person: tuple(replace(rule, sets={**rule.sets, **{
        item: replace(rule.sets[item], requirement=MOJ_NOTICE) for item in ("住民状態", "異動日")}})
        if person == atena else rule for rule in rules) for person, rules in outcome.rows.items()}
    return replace(outcome, rows=rows, requirement=MOJ_NOTICE)


def _leave(world: World, request: Mapping[str, Any], reason: str, status: str) -> Outcome:
    atena = str(request["宛名番号"])
    refused = _first(_movers(world, [atena]), _dates(request, notified=None), _before_birth(world, atena, request),
                     _head_leaves(world, [atena], request))
    if refused is not None:
        return refused
    moved = str(request["異動日"])
    dates = {"異動日": moved}
    if request.get("通知年月日"):
        dates["通知年月日"] = str(request["通知年月日"])
    sets = {**_stamp(reason, request, **dates), "住民状態": exactly(status, r.REMOVAL)}
    return Commit({atena: (RowRule(reason, sets, world.latest(atena)),)},
                  optional=_lone_member(world, [atena], request))


def _before_birth(world: World, atena: str, request: Mapping[str, Any]) -> Refusal | None:
    """11.1 R001 (our reading: E003): a 死亡 or 職権消除 whose 異動日 is before the 生年月日 (``_born_later``)."""
    return _born_later(world.latest(atena), request)


def _born_later(person: Mapping[str, str], request: Mapping[str, Any]) -> Refusal | None:
    """11.1 R001 (論理的に成立し得ない入力, our reading: E003): the request's 異動日 is before the person's 生年月日
    (a 不詳 one is not compared)."""
    born = person.get("生年月日", "")
    if person.get("生年月日_不詳フラグ") == "1" or len(born) != 10 or str(request["異動日"]) >= born:
        return None
    return Refusal("error", frozenset({"E003"}), r.BEFORE_BIRTH, "a 異動日 before the 生年月日",
                   frozenset({"異動日", "生年月日"}))


# -- 世帯変更等 -----------------------------------------------------------------------------------------


def split(world: World, request: Mapping[str, Any]) -> Outcome:
    """世帯分離 (4.1.4.1 R001): the persons named form a new 世帯, the first its 世帯主."""
    numbers = [str(n) for n in request["宛名番号"]]
    refused = _first(_movers(world, numbers), _dates(request), _head_leaves(world, numbers, request))
    if refused is not None:
        return refused
    relations = dict(zip(numbers, [str(v) for v in request.get("続柄") or ()], strict=False))
    head = numbers[0]
    head_name = world.latest(head).get("氏名", "")
    rows = {}
    for atena in numbers:
        relation = "世帯主" if atena == head else relations.get(atena, world.latest(atena).get("続柄", ""))
        sets = {**_stamp("世帯分離", request, 異動日=str(request["異動日"]), 届出年月日=str(request["届出年月日"])),
                "続柄": exactly(relation, r.HOUSEHOLD_CHANGE), "世帯主氏名": _head_name(world, atena, head, head_name)}
        rows[atena] = (RowRule("世帯分離", sets, world.latest(atena), {"世帯番号": "split"}),)
    return Commit(rows)


def merge(world: World, request: Mapping[str, Any]) -> Outcome:
    """世帯合併 (4.1.4.1 R001): the persons named join the 世帯 named with the 続柄 given."""
    numbers = [str(n) for n in request["宛名番号"]]
    setai = str(request["世帯番号"])
    # Who joins the 世帯 they are already in leaves none (4.0.4 R002 asks the アラート of a 世帯主 who leaves).
    leaving = [atena for atena in numbers if world.is_current(atena) and world.latest(atena).get("世帯番号") != setai]
    refused = _first(_movers(world, numbers), _dates(request), _head_leaves(world, leaving, request))
    if refused is not None:
        return refused
    head = world.head(setai)
    head_name = world.latest(head).get("氏名", "") if head is not None else ""
    relations = dict(zip(numbers, [str(v) for v in request["続柄"]], strict=True))
    rows = {}
    for atena in numbers:
        sets = {**_stamp("世帯合併", request, 異動日=str(request["異動日"]), 届出年月日=str(request["届出年月日"])),
                "世帯番号": exactly(setai, r.HOUSEHOLD_CHANGE), "続柄": exactly(relations[atena], r.HOUSEHOLD_CHANGE),
                "世帯主氏名": _head_name(world, atena, head, head_name)}
        rows[atena] = (RowRule("世帯合併", sets, world.latest(atena)),)
    return Commit(rows)


def head_change(world: World, request: Mapping[str, Any]) -> Outcome:
    """世帯主変更 (4.1.4.1 R001) with the members' new 続柄 (4.1.4.2 R001); every member's 世帯主氏名 is
    the new 世帯主's 氏名 (1.1.1 R008), so every member gains a row."""
    setai, head = str(request["世帯番号"]), str(request["宛名番号"])
    refused = _first(_movers(world, [head]), _dates(request))
    if refused is not None:
        return refused
    relations = dict(zip([str(n) for n in request.get("世帯員") or ()], [str(v) for v in request.get("続柄") or ()],
                         strict=False))
    head_name = world.latest(head).get("氏名", "")
    rows = {}
    for atena in world.members(setai):
        relation = "世帯主" if atena == head else relations.get(atena, world.latest(atena).get("続柄", ""))
        sets = {**_stamp("世帯主変更", request, 異動日=str(request["異動日"]), 届出年月日=str(request["届出年月日"])),
                "続柄": exactly(relation, r.HOUSEHOLD_CHANGE if atena == head else r.RELATIONS_ON_HEAD_CHANGE),
                "世帯主氏名": _head_name(world, atena, head, head_name)}
        rows[atena] = (RowRule("世帯主変更", sets, world.latest(atena)),)
    return Commit(rows)


# -- 修正・取消し ---------------------------------------------------------------------------------------


def correct(world: World, request: Mapping[str, Any]) -> Outcome:
    """職権修正, 軽微な修正, 誤記修正 (4.2.3): the items named take the new values, the others are kept,
    and the earlier rows stay as they were (4.2.3.3 R003: 上書き修正せず)."""
    atena = str(request["宛名番号"])
    kind = str(request["区分"])
    items = _entered(request)
    refused = _first(_dates(request, notified=None), _blanked(world.latest(atena), items))
    if refused is not None:
        return refused
    stamp = _stamp(kind, request, 異動日=str(request["異動日"]))
    sets = {**_given(items, r.CORRECTION), **stamp}
    if kind in r.CODE_CHANGES and not items.get("住民票コード"):  # 4.3.1 R002: a 変更異動 given a code of the stock
        drawn = _drawn_code(world, request)
        if isinstance(drawn, Refusal):
            return drawn
        sets.update(drawn)
    rows = {atena: (RowRule(kind, sets, world.latest(atena)),)}
    head = world.latest(atena)
    if request.get("世帯員の世帯主氏名") is True and head.get("続柄") == "世帯主" and "氏名" in items:
        # 4.2.3.1 R002: the members' 世帯主氏名 and its フリガナ corrected with the 世帯主's 氏名
        corrected = {"世帯主氏名": exactly(items["氏名"], r.HEAD_NAME_CORRECTED)}
        if "氏名_フリガナ" in items:
            corrected["世帯主氏名_フリガナ"] = exactly(items["氏名_フリガナ"], r.HEAD_NAME_CORRECTED)
        for member in world.members(head.get("世帯番号", "")):
            if member != atena:
                rows[member] = (RowRule(kind, {**corrected, **stamp}, world.latest(member)),)
    # An item of 1.1.6's list made blank where the list excepts it (a 除票's 住民票コード, 在留カードの番号): R001's
    # その他の項目は、空欄を許容すること is what a refusal breaks.
    listed = {rule.item for rule in r.NOT_BLANK}
    excepted = any(not value and item in listed for item, value in items.items())
    return Commit(rows, requirement=r.BLANKS_ALLOWED if excepted else None)


def _blanked(row: Mapping[str, str], items: Mapping[str, str]) -> Refusal | None:
    """1.1.6 R001 (空欄を許容しないこと): an item of its list made blank is the エラー E009 naming it. The model
    knows the items of the list ``rules.NOT_BLANK`` names (R004, the 日本人住民's 戸籍の表示; R011, the 在留カード
    of a 中長期在留者 but on a 除票). The 区分 is the record's after the correction; the 住民状態 before it."""
    after = {**row, **items}
    for rule in r.NOT_BLANK:
        listed = after.get("住民種別", "1") in rule.kinds and (
            rule.categories is None or after.get("第30条45規定区分", "") in rule.categories) and not (
            rule.except_removed and row.get("住民状態") != r.CURRENT)
        if listed and rule.item in items and not items[rule.item]:
            return Refusal("error", frozenset({"E009"}), rule.requirement, f"{rule.item} made blank",
                           frozenset({rule.item}))
    return None


def cancel(world: World, request: Mapping[str, Any]) -> Outcome:
    """異動の取消し (4.6.0.1): a new row restoring the record before the latest 異動 (R002, R003), with the
    区分 of R004 (増: a 住民 again; 減: no longer a 住民; 修正: neither)."""
    atena = str(request["宛名番号"])
    history = world.history(atena)
    latest = history[-1]
    before: Row = history[-2] if len(history) >= 2 else {**latest, "住民状態": r.REMOVED}
    was, now = before.get("住民状態"), latest.get("住民状態")
    kind = "異動の取消し（増）" if now != r.CURRENT and was == r.CURRENT else \
        "異動の取消し（減）" if now == r.CURRENT and was != r.CURRENT else r.CANCEL_CORRECTION
    names = (set(before) | set(latest)) - r.BOOKKEEPING
    sets = {name: exactly(before.get(name, ""), r.CANCEL_RESTORES) for name in names}
    if len(history) < 2:
        sets["住民状態"] = one_of({r.REMOVED}, r.CANCEL_RESTORES, I_CANCEL_STATUS)
    sets.update(_stamp(kind, request))
    sets["異動事由区分"] = exactly(kind, r.CANCEL_KIND)
    return Commit({atena: (RowRule(kind, sets, latest),)})


# -- 通称 ---------------------------------------------------------------------------------------------


def tsusho_record(world: World, request: Mapping[str, Any]) -> Outcome:
    """通称の記載 (1.1.7 R002) of a 外国人住民 (1.1.2 R006): the 通称, the day and 市区町村 it is recorded
    (R007, R066), the 申出日 (1.2.1 R007); the last deletion's day and 市区町村 kept or cleared."""
    atena = str(request["宛名番号"])
    refused = _first(_movers(world, [atena]), _japanese(world, atena))
    if refused is not None:
        return refused
    row, offered = world.latest(atena), str(request["申出年月日"])
    sets = {**_stamp("通称の記載", request, 申出年月日=offered),
            "通称": exactly(str(request["通称"]), r.TSUSHO),
            "通称_フリガナ": exactly(str(request.get("通称_フリガナ") or ""), r.TSUSHO),
            "通称_記載年月日": _tsusho_day(request, r.TSUSHO_RECORDED_DATE),
            "通称_記載市区町村コード": _town(row, r.TSUSHO_RECORDED_TOWN),
            **{item: one_of({row.get(item, ""), ""}, requirement, I_TSUSHO_PAST) for item, requirement in
               (("通称_削除年月日", r.TSUSHO_DELETED_DATE), ("通称_削除市区町村コード", r.TSUSHO_DELETED_TOWN))}}
    return Commit({atena: (RowRule("通称の記載", sets, row),)})


def tsusho_delete(world: World, request: Mapping[str, Any]) -> Outcome:
    """通称の削除 (1.1.7 R002): no 通称 any more, the day and 市区町村 of the deletion (1.1.2 R009, R067) and the
    申出日 (1.2.1 R007); the day and 市区町村 it was recorded are kept (1.2.1 R017)."""
    atena = str(request["宛名番号"])
    refused = _movers(world, [atena])
    if refused is not None:
        return refused
    row = world.latest(atena)
    sets = {**_stamp("通称の削除", request, 申出年月日=str(request["申出年月日"])),
            "通称": exactly("", r.TSUSHO), "通称_フリガナ": exactly("", r.TSUSHO),
            "通称_削除年月日": _tsusho_day(request, r.TSUSHO_DELETED_DATE),
            "通称_削除市区町村コード": _town(row, r.TSUSHO_DELETED_TOWN)}
    return Commit({atena: (RowRule("通称の削除", sets, row),)})


def _japanese(world: World, atena: str) -> Refusal | None:
    """通称 is an item of 外国人住民データ only (1.1.2 R006; our reading: a 日本人's 通称 is the エラー E008)."""
    if world.latest(atena).get("住民種別") == "2":
        return None
    return Refusal("error", frozenset({"E008"}), r.TSUSHO_FOREIGN, "a 通称 for a 日本人",
                   frozenset({"通称", "宛名番号"}))


def kyushi(world: World, request: Mapping[str, Any]) -> Outcome:
    """旧氏の記載・変更・削除 (1.1.7 R001). The model knows its refusal only: 旧氏 is an item of 日本人住民データ
    (1.1.1 R005 ・旧氏; 1.1.2's 外国人住民データ has none), so a 旧氏 for a 外国人住民 is refused (our reading:
    the エラー E010 naming 旧氏, the driver protocol's code for it). Its commit is not modelled: a KeyError."""
    atena = str(request["宛名番号"])
    refused = _movers(world, [atena])
    if refused is not None:
        return refused
    if world.latest(atena).get("住民種別") == "2":
        return Refusal("error", frozenset({"E010"}), r.KYUSHI_JAPANESE, "a 旧氏 for a 外国人住民",
                       frozenset({"旧氏"}))
    raise KeyError("kyushi: the model has the 旧氏 of a 外国人住民 (E010) only")


#: What a 帰化 writes whatever the record held: the 異動's own items, the new 住民票's kind and state, the 世帯 the
#: person stays in, and the 支援措置's 表示 (it follows the 支援措置, interpretation dv-model).
_NATURALIZATION_OWN = frozenset({"異動事由", "異動事由区分", "異動日", "通知年月日", "処理日", "住民種別", "住民状態",
                                 "住民となった年月日", "世帯番号", "世帯主氏名", "履歴番号", "入力端末", "入力場所",
                                 "支援措置対象フラグ", "他業務参照不可フラグ"})


def naturalization(world: World, request: Mapping[str, Any]) -> Outcome:
    """帰化 or 国籍取得 (4.5.3, 4.5.4) of a 外国人住民: under the same 宛名番号 (kokuseki.kika) the 外国人住民票 is
    removed (R003: 職権消除（帰化等）, 住民状態 消除) and a 日本人住民票 written (R001: 職権記載（帰化等）) with the
    items entered, R002's list taken over and the 外国人住民となった年月日 (or, where the record has none, its
    住民となった年月日) as its 住民となった年月日. Any other item of the old 住民票 (its 1.1.2 items, 世帯加入順,
    届出年月日 ...) may be kept or left blank: R002 lists what must come over, not what may (interpretation
    naturalization). The model sends 帰化 and 国籍取得 of a 外国人住民 only (国籍喪失 is not modelled)."""
    atena = str(request["宛名番号"])
    refused = _first(_movers(world, [atena]), _dates(request, notified=None))
    if refused is not None:
        return refused
    row = world.latest(atena)
    dates = {"異動日": str(request["異動日"])}
    if request.get("通知年月日"):
        dates["通知年月日"] = str(request["通知年月日"])
    removed = {**_stamp("職権消除（帰化等）", request, **dates),
               "住民状態": exactly(r.REMOVED, r.NATURALIZED_REMOVED)}
    items = _entered(request)
    became = {row.get("外国人住民となった年月日", ""), row.get("住民となった年月日", "")} - {""}
    written: dict[str, Allowed] = {
        name: exactly(value, r.NATURALIZED_TAKEN_OVER) if name in r.TAKEN_OVER
        else one_of({value, ""}, r.NATURALIZED_TAKEN_OVER, I_NATURALIZED)
        for name, value in row.items() if name not in _NATURALIZATION_OWN}
    written.update({**_stamp("職権記載（帰化等）", request, **dates),
                    "住民種別": exactly("1", r.NATURALIZED), "住民状態": exactly(r.CURRENT, r.NATURALIZED),
                    "住民となった年月日": one_of(became or {""}, r.NATURALIZED_TAKEN_OVER, I_NATURALIZED),
                    **_given(items, r.NATURALIZED)})
    return Commit({atena: (RowRule("職権消除（帰化等）", removed, row), RowRule("職権記載（帰化等）", written, row))})


def _tsusho_day(request: Mapping[str, Any], requirement: str) -> Allowed:
    """「通称を記載（削除）した年月日」: the day of the 申出 or the day it was written (処理日), our reading."""
    return one_of({str(request["申出年月日"]), str(request["処理日"])}, requirement, I_TSUSHO_DAY)


def _town(row: Row, requirement: str) -> Allowed:
    """The 市区町村 that records it is the one the person lives in: their 住所_市区町村コード."""
    code = row.get("住所_市区町村コード", "")
    return exactly(code, requirement) if code else Allowed(None, requirement)


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
    in force (1.1.16 R001 as 3.4 R001 reads it: interpretation dv-model). The period as the record shows it
    (支援措置_開始年月日, 支援措置_終了年月日) is not judged; 他業務参照不可フラグ may be kept or set (the text does
    not say whether a 支援措置 sets it)."""
    protects = measure.protects(world.today)
    marked = r.DV_PROVISIONAL if measure.provisional_on(world.today) else r.DV_REFUSED
    marks = {}
    for atena in measure.persons:
        row = world.latest(atena)
        sets = {"支援措置_開始年月日": Allowed(None, r.DV_REFUSED), "支援措置_終了年月日": Allowed(None, r.DV_REFUSED),
                r.OTHER_BUSINESS_MARK: one_of({row.get(r.OTHER_BUSINESS_MARK, ""), "1"}, r.DV_REFUSED, I_DV),
                r.SUPPORT_MARK: _mark(protects, marked)}
        marks[atena] = RowRule("支援措置", sets, row)
    return Commit({}, marks=marks, measure=(applicant, measure), requirement=requirement)


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


# -- 10.8 CSV取込 ---------------------------------------------------------------------------------------


#: 10.8 R005: the 券面事項 a 転入's record does not take (the card's 住所 is the one before the 転入).
_CARD_ONLY = frozenset({"住所"})


def csv_lines(text: str) -> list[dict[str, str]]:
    """The data lines of a CSV (RFC 4180: quoted fields, CRLF line ends) as header -> value."""
    lines = [line for line in csv.reader(io.StringIO(text, newline="")) if line]
    if not lines:
        return []
    header = [name.strip() for name in lines[0]]
    return [dict(zip(header, line, strict=False)) for line in lines[1:]]


def import_csv(world: World, request: Mapping[str, Any]) -> Outcome:
    """10.8 (the driver's ``import.csv``): the CSV's lines are the 異動 they feed, committed as the operator would
    after the 取込 (interpretation ``csv-import-model``): a 転出証明書 (R002, a line a person) and a 個人番号カード券面
    (R005, its 住所 not taken) a 転入 with the 住所, dates, 続柄 (default 世帯主) and 世帯 the staff enter; a
    住民異動届 (R003, one line) the 転居 of the 住民 its 氏名 and 生年月日 name (none or several: E051). Every item the
    CSV gives is judged under its kind's requirement; the 異動's own rules (its dates, a 生年月日 after the 異動日, a
    除票's numbers) refuse it as they would the 異動 entered."""
    kind = str(request["種類"])
    requirement = r.CSV_KINDS[kind]
    lines = csv_lines(str(request["CSV"]))
    if kind == "住民異動届":
        return _csv_notification(world, lines, request, requirement)
    persons = []
    for line in lines:
        person = {key: value for key, value in line.items() if value and key not in _CARD_ONLY}
        person.setdefault("続柄", str(request.get("続柄") or "世帯主"))
        persons.append({**person, **_items(request, "住所")})
    fed = {"区分": str(request.get("区分") or "国内転入"), "persons": persons, "異動日": request["異動日"],
           "届出年月日": request["届出年月日"], "処理日": request["処理日"],
           **{key: request[key] for key in ("世帯番号", "confirm") if request.get(key)}}
    return _retagged(move_in(world, fed), {name for line in lines for name in line}, requirement)


def _csv_notification(world: World, lines: list[dict[str, str]], request: Mapping[str, Any],
                      requirement: str) -> Outcome:
    """R003: a 住民異動届 of one line, the 転居 of the one 住民 of its 氏名 and 生年月日. Several lines are not
    modelled (the text does not say whether a line refused undoes the lines before it)."""
    if len(lines) != 1:
        raise ValueError("the model takes a 住民異動届 of one line")
    line = lines[0]
    found = [atena for atena in world.current() if world.latest(atena).get("氏名") == line.get("氏名")
             and world.latest(atena).get("生年月日") == line.get("生年月日")]
    if len(found) != 1:
        return Refusal("error", frozenset({r.CSV_UNMATCHED}), requirement,
                       "no one 住民 of the 届出's 氏名 and 生年月日", frozenset({"氏名", "生年月日"}))
    address = {key: value for key, value in line.items() if key.startswith("住所_")}
    fed = {"宛名番号": found, "住所": address, "異動日": line.get("異動日", ""),
           "届出年月日": line.get("届出年月日", ""), "処理日": request["処理日"]}
    return _retagged(move_within(world, fed), set(line), requirement)


def _retagged(outcome: Outcome, names: set[str], requirement: str) -> Outcome:
    """The outcome of the 異動 a CSV feeds, each item the CSV gave judged under 10.8's ``requirement`` (a value lost
    in the 取込 is the 取込's), a refused commit too."""
    if isinstance(outcome, Refusal):
        return outcome

    def tagged(rule: RowRule) -> RowRule:
        sets = {name: replace(allowed, requirement=requirement, interpretation=r.CSV_READING) if name in names
                else allowed for name, allowed in rule.sets.items()}
        return replace(rule, sets=sets)

    rows = {atena: tuple(tagged(rule) for rule in rules) for atena, rules in outcome.rows.items()}
    return replace(outcome, rows=rows, new=tuple(tagged(rule) for rule in outcome.new), requirement=requirement)


#: The transition of each driver operation (spec_catalog/jumin/1.0/driver.yaml).
TRANSITIONS: dict[str, Transition] = {
    "moves.in": move_in, "moves.within": move_within, "moves.out": move_out, "moves.out_confirm": move_out_confirm,
    "births": birth, "deaths": death, "ex_officio.remove": removal, "households.split": split,
    "households.merge": merge, "households.head": head_change, "ex_officio.correct": correct,
    "cancellations": cancel, "tsusho.record": tsusho_record, "tsusho.delete": tsusho_delete, "kyushi": kyushi,
    "support.register": support_register, "support.update": support_update, "nationality": naturalization,
    "import.csv": import_csv,
    "moj_notices": moj_notice,
}


def transition(world: World, operation: str, request: Mapping[str, Any]) -> Outcome:
    """What ``operation`` must do with ``request`` in ``world`` (KeyError: the model has no such operation)."""
    rule = TRANSITIONS[operation]
    return _protected(world, _calendar(operation, request) or rule(world, request))
