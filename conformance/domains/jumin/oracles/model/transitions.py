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
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.basics import (
    _HONSEKI_ITEMS,
    I_ADDRESS_DATE,
    I_BECAME_RESIDENT,
    I_BIRTH_DATE,
    I_CANCEL_STATUS,
    I_CONFIRMED_DATE,
    I_REMOVED_AHEAD,
    I_RETURNING,
    _calendar,
    _dates,
    _entered,
    _first,
    _given,
    _head_leaves,
    _head_name,
    _items,
    _movers,
    _stamp,
)
from conformance.domains.jumin.oracles.model.rules import (
    Allowed,
    Commit,
    Outcome,
    Refusal,
    Row,
    RowRule,
    exactly,
    one_of,
)
from conformance.domains.jumin.oracles.model.support import _protected, support_register, support_update
from conformance.domains.jumin.oracles.model.tsusho import kyushi, naturalization, tsusho_delete, tsusho_record
from conformance.domains.jumin.oracles.model.world import World

Transition = Callable[[World, Mapping[str, Any]], Outcome]


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
