"""The transitions of a person's names beside the 氏名: 通称 (記載, 削除; an item of 外国人住民データ), 旧氏, and the
帰化 that ends a 外国人住民's record (住民記録 1.0), written from the text (``transitions`` lists every operation)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.basics import (
    I_NATURALIZED,
    I_TSUSHO_DAY,
    I_TSUSHO_PAST,
    _dates,
    _entered,
    _first,
    _given,
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
from conformance.domains.jumin.oracles.model.world import World

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
