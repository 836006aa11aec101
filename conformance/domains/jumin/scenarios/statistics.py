"""住民記録 1.0 6.1 統計: the vendor's figures follow what the harness itself recorded.

The oracle is the run's own operations, never the reference: ``jumin.stats`` asks the figures
(``stats.annual``, our interface, docs/driver.md) of the 統計基準日 (today) and a period before and after
異動 it makes through the driver, and wants each figure to move by exactly what those 異動 make it move (the
loaded town and earlier scenarios are in both answers alike). Params ``rule``:

- ``annual`` (6.1 R001: 人口、世帯、転入、転出の件数等の算出): two persons set up in 世帯 of their own (test data:
  in the 人口 before and after), then dated yesterday: a 国内転入 of a Japanese man and woman as a new 世帯, the 出生
  of a girl in it, a 国内転入 of a foreign woman alone, the 死亡 of the first set-up man and the 転出 of the
  set-up woman (転出予定年月日 yesterday: passed on the 基準日). On today, with the period yesterday: 日本人 男 ±0,
  女 +1 (計 +1), 外国人 女 +1 (計 +1), 総数 +2, 世帯数 ±0, 転入 +3, 出生 +1, 死亡 +1, 転出 +1
  (``stats.figure_differs`` at ``…#人口/日本人/女``); with the period the day before yesterday (it ends before
  the 異動), none of the 異動 moves (``stats.figure_differs`` at ``…(期間=…)#異動/転入``: a period read to the
  基準日 whatever its end, which a period ending on the day of the 異動 could not show);
- ``planned_out`` (R004: 統計基準日時点で転出予定年月日を経過していない転出予定者については、現存者として扱うこと): a
  set-up woman's 転出 entered with a 転出予定年月日 ten days ahead: on today the 人口 and 世帯数 do not move.

Interpretation ``jumin-1.0-interp-statistics``. A vendor whose adapter lacks an operation is NOT_AUTOMATED.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import StatsParams
from conformance.domains.jumin.scenarios.access_log import driver_base, driver_client, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok

STATS, MOVE_IN, BIRTH, DEATH, MOVE_OUT = "stats.annual", "moves.in", "births", "deaths", "moves.out"
#: The figures judged: a path into the answer -> its change under ``annual``.
ANNUAL: Mapping[tuple[str, ...], int] = {
    ("人口", "日本人", "男"): 0, ("人口", "日本人", "女"): 1, ("人口", "日本人", "計"): 1,
    ("人口", "外国人", "男"): 0, ("人口", "外国人", "女"): 1, ("人口", "外国人", "計"): 1,
    ("人口", "総数", "男"): 0, ("人口", "総数", "女"): 2, ("人口", "総数", "計"): 2, ("世帯数",): 0,
    ("異動", "転入"): 3, ("異動", "出生"): 1, ("異動", "死亡"): 1, ("異動", "転出"): 1,
}
#: Under ``planned_out``: the 人口 and 世帯数 the 転出予定者 is still in.
PLANNED: Mapping[tuple[str, ...], int] = {
    ("人口", "日本人", "女"): 0, ("人口", "日本人", "計"): 0, ("人口", "総数", "計"): 0, ("世帯数",): 0,
}
_ADDRESS = {"住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町三丁目",
            "住所_番地号表記": "6番6号"}
_FOREIGN = {"住民種別": "2", "第30条45規定区分": "1", "国籍等_国名コード": "840", "在留資格等コード": "01",
            "在留期間の満了の日": "2030-06-01", "在留カード等番号": "ST12345678AT"}


@check("jumin.stats")
def statistics(ctx: CheckContext) -> Iterator[Finding]:
    """6.1 統計: the figures move by what the harness's own 異動 make them move."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(StatsParams).rule
    needed = (STATS, MOVE_IN, BIRTH, DEATH, MOVE_OUT) if rule == "annual" else (STATS, MOVE_OUT)
    client = driver_client(target, *needed)
    today = clock.today()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    asked = {"基準日": today.isoformat(), "期間_開始": yesterday, "期間_終了": yesterday}
    location = f"POST {driver_base(target)}/statistics (基準日={today.isoformat()})"
    earlier: Mapping[str, str] = {}
    if rule == "annual":
        man = register(client, {"氏名": "統計　一男", "性別": "1"})
        woman = register(client, {"氏名": "統計　二子", "性別": "2"})
        before_yesterday = (today - dt.timedelta(days=2)).isoformat()
        earlier = {**asked, "期間_開始": before_yesterday, "期間_終了": before_yesterday}
        before, before_earlier = figures(client, asked), figures(client, earlier)
        _annual_moves(client, man, woman, yesterday, today.isoformat())
        wanted = ANNUAL
        unmoved = {path: 0 for path in ANNUAL if path[0] == "異動"}
        yield from _moved(ctx, before_earlier, figures(client, earlier), unmoved,
                          f"{location[:-1]}, 期間={before_yesterday})")
    else:
        woman = register(client, {"氏名": "統計　予定", "性別": "2"})
        before = figures(client, asked)
        planned = (today + dt.timedelta(days=10)).isoformat()
        expect_ok(client, MOVE_OUT, {"宛名番号": [woman], "区分": "国内転出", "転出予定年月日": planned,
                                     "届出年月日": today.isoformat()})
        wanted = PLANNED
    yield from _moved(ctx, before, figures(client, asked), wanted, location)


def _moved(ctx: CheckContext, before: Mapping[str, Any], after: Mapping[str, Any],
           wanted: Mapping[tuple[str, ...], int], location: str) -> Iterator[Finding]:
    """Each figure of ``wanted`` moved from ``before`` to ``after`` by its change."""
    for path, change in wanted.items():
        old, new = _at(before, path), _at(after, path)
        if old is None or new is None:
            yield ctx.finding("stats.figure_missing", f"the statistics answer no {'/'.join(path)} (6.1)",
                              location=f"{location}#{'/'.join(path)}", expected="a count", actual="absent")
        elif new - old != change:
            yield ctx.finding("stats.figure_differs", f"{'/'.join(path)} moved by {new - old}; the harness's 異動 "
                              f"move it by {change} (6.1)",
                              location=f"{location}#{'/'.join(path)}", expected=_signed(change),
                              actual=_signed(new - old))


def _annual_moves(client: DriverClient, man: str, woman: str, day: str, today: str) -> None:
    """The 異動 of ``annual``, each dated ``day`` (yesterday)."""
    status, document = client.call(MOVE_IN, {"区分": "国内転入", "異動日": day, "届出年月日": day, "persons": [
        {"氏名": "統計　転入夫", "氏名_フリガナ": "トウケイ　テンニュウオット", "生年月日": "1985-05-05", "性別": "1",
         "住民種別": "1", "続柄": "世帯主", "転入前住所_市区町村コード": "131016", **_ADDRESS},
        {"氏名": "統計　転入妻", "氏名_フリガナ": "トウケイ　テンニュウツマ", "生年月日": "1987-07-07", "性別": "2",
         "住民種別": "1", "続柄": "妻", "転入前住所_市区町村コード": "131016", **_ADDRESS}]})
    setai = _setai(status, document)
    expect_ok(client, BIRTH, {"世帯番号": setai, "届出年月日": day, "person": {
        "氏名": "統計　誕生", "氏名_フリガナ": "トウケイ　タンジョウ", "生年月日": day, "性別": "2", "住民種別": "1",
        "続柄": "子", **_ADDRESS}})
    expect_ok(client, MOVE_IN, {"区分": "国内転入", "異動日": day, "届出年月日": day, "persons": [
        {"氏名": "ＳＭＩＴＨ　ＭＡＲＹ", "氏名_アルファベット": "SMITH MARY", "氏名_フリガナ": "スミス　メアリー",
         "生年月日": "1990-09-09", "性別": "2", "続柄": "世帯主", "転入前住所_市区町村コード": "131016", **_FOREIGN,
         **_ADDRESS, "住所_番地号表記": "7番7号"}]})
    expect_ok(client, DEATH, {"宛名番号": man, "異動日": day, "通知年月日": day})
    expect_ok(client, MOVE_OUT, {"宛名番号": [woman], "区分": "国内転出", "転出予定年月日": day, "届出年月日": day})


def _signed(number: int) -> str:
    """A change as data (+1, -1, +0)."""
    return f"{number:+d}"


def _setai(status: int, document: Any) -> str:
    persons = document.get("persons") if status == 200 and isinstance(document, dict) else None
    if not isinstance(persons, list) or not persons or not isinstance(persons[0], dict):
        raise TargetError(f"driver {MOVE_IN}: expected 200 with the persons, got {status}")
    return str(persons[0].get("世帯番号", ""))


def figures(client: DriverClient, asked: Mapping[str, str]) -> Mapping[str, Any]:
    status, document = client.call(STATS, dict(asked))
    if status != 200 or not isinstance(document, dict) or document.get("result") != "ok":
        raise TargetError(f"driver {STATS}: expected 200 ok, got {status}")
    return document


def _at(document: Mapping[str, Any], path: tuple[str, ...]) -> int | None:
    value: Any = document
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
