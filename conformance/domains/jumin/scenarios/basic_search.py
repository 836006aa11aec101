"""住民記録 1.0 2.1.3 基本検索, through the driver operation ``search.basic`` (ours, docs/driver.md).

``jumin.search.basic`` registers generated persons (``fixtures.persons``, test set-up) whose values no loaded
person has (a number drawn with the run's seed in their 氏名, 方書 and 番地), and searches for them. A search
must find the person it describes; where a key alone selects many (性別, 続柄, 生年月日, 消除事由) it is combined
with the person's 氏名, and the same search with another value of the key must not find them (else the key was
not searched by). Params ``rule``, one per requirement:

- ``keys`` (R001): each key the sentence lists, 生年月日 in 西暦 and in 和暦; a 日本人住民 with 旧氏, a 中長期在留者
  with 氏名_アルファベット, 通称 and 在留カード, a 特別永住者 (特別永住者証明書番号: 在留カード等番号), a person who
  died (消除事由 死亡). 住所コード is not judged (no item of the edition's catalog holds one);
- ``range`` (R004): a 生年月日 range with a 性別 and a part of the 氏名 (複数条件) finds the person, a range that
  ends before their birth
  does not; a part of the 氏名 (一致: 部分) finds them;
- ``history`` (R005, R009): after a 職権修正 of the 氏名 and a 転居, the former 氏名 and the former 住所 find the
  person (``履歴: true``);
- ``blank`` (R006): ``未入力`` of 通称 finds the person without one and not the one with one. A vendor that refuses
  ``未入力`` (400) is judged by the other reading: a person whose other items are blank is found by those given;
- ``wareki`` (R008): 和暦 and 西暦 of the same day find the person (平成元年1月8日 = 1989-01-08), and a range
  given in 和暦.

A vendor whose adapter lacks an operation a rule needs is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import BasicSearchParams
from conformance.domains.jumin.scenarios.access_log import driver_base, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.targets.base import Target

SEARCH, SETUP, CORRECT, MOVE, DEATH = "search.basic", "fixtures.persons", "ex_officio.correct", "moves.within", "deaths"
NEEDS: Mapping[str, tuple[str, ...]] = {
    "keys": (DEATH,), "range": (), "history": (CORRECT, MOVE), "blank": (), "wareki": (),
}
Condition = dict[str, Any]
#: Findings of a rule at most: one for each way a search misses (its code and key), so a vendor wrong everywhere reads a
#: list rather than every probe.
MAX_FINDINGS = 5


@dataclass(frozen=True)
class Probe:
    """One search: the conditions, and whether it must find the person (``False``: must not)."""

    label: str
    conditions: tuple[Condition, ...]
    finds: bool = True
    history: bool = False


@check("jumin.search.basic")
def basic_search(ctx: CheckContext) -> Iterator[Finding]:
    """2.1.3 基本検索: generated persons found by each key, range, former value and blank, one ``rule`` each."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(BasicSearchParams).rule
    client = _client(target, rule)
    mark = random.Random(target.seed).randrange(100, 1000)
    where = f"POST {driver_base(target)}/search/basic"
    if rule == "blank":
        yield from _blank(ctx, client, mark, where)
        return
    plan = {"keys": _keys, "range": _range, "history": _history, "wareki": _wareki}[rule]
    seen: set[tuple[str, str]] = set()
    for atena, probe in plan(client, mark):
        # Every probe is judged: a vendor missing one key learns of the others in the same run (issue 65), one
        # finding a way (code and key), at most MAX_FINDINGS.
        finding = _judge(ctx, client, atena, probe, where)
        if finding is not None and (finding.code, finding.where) not in seen and len(seen) < MAX_FINDINGS:
            seen.add((finding.code, finding.where))
            yield finding


def _name(mark: int, given: str) -> str:
    return f"検索{mark}　{given}"


def _japanese(client: DriverClient, mark: int) -> tuple[str, dict[str, str]]:
    items = {"氏名": _name(mark, "一郎"), "氏名_フリガナ": f"ケンサク{mark}　イチロウ", "旧氏": f"旧検索{mark}",
             "旧氏_フリガナ": f"キュウケンサク{mark}", "生年月日": "1989-01-08", "性別": "1", "続柄": "世帯主",
             "住所_番地号表記": f"{mark}番{mark % 7 + 1}号", "住所_方書": f"検索荘{mark}号",
             "個人番号": _digits(mark, 12),
             "住民票コード": _digits(mark + 1, 11)}
    return register(client, items), items


def _keys(client: DriverClient, mark: int) -> Iterator[tuple[str, Probe]]:
    atena, items = _japanese(client, mark)
    name = _eq("氏名", items["氏名"])
    yield atena, Probe("氏名", (name,))
    for key in ("旧氏", "氏名_フリガナ", "旧氏_フリガナ", "住所_方書", "個人番号", "住民票コード", "宛名番号"):
        value = atena if key == "宛名番号" else items[key]
        yield atena, Probe(key, (_eq(key, value),))
        yield atena, Probe(key, (_eq(key, _other(value)),), finds=False)
    yield atena, Probe("世帯番号", (_eq("世帯番号", _household(client, atena)), name))
    yield atena, Probe("住所", ({**_eq("住所", f"本町一丁目{items['住所_番地号表記']}"), "一致": "部分"},))
    yield atena, Probe("住所", ({**_eq("住所", f"本町一丁目{mark + 1}番1号"), "一致": "部分"}, name), finds=False)
    for key, value, other in (("性別", "1", "2"), ("続柄", "世帯主", "妻"), ("生年月日", "1989-01-08", "1989-01-09"),
                              ("生年月日", "平成元年1月8日", "平成2年1月8日")):
        yield atena, Probe(key, (_eq(key, value), name))
        yield atena, Probe(key, (_eq(key, other), name), finds=False)
    foreign = {"住民種別": "2", "氏名": f"SMITH{mark}　JOHN", "氏名_アルファベット": f"SMITH{mark} JOHN",
               "氏名_フリガナ": f"スミス{mark}　ジョン", "通称": _name(mark, "譲"),
               "通称_フリガナ": f"ケンサク{mark}　ジョウ",
               "第30条45規定区分": "1", "在留カード等番号": f"AB{mark:05d}CD", "性別": "1"}
    person = register(client, foreign)
    for key in ("氏名_アルファベット", "通称", "通称_フリガナ", "在留カード等番号"):
        yield person, Probe(key, (_eq(key, foreign[key]),))
        yield person, Probe(key, (_eq(key, _other(foreign[key])),), finds=False)
    special = {**foreign, "氏名": f"KIM{mark}　MINA", "氏名_アルファベット": f"KIM{mark} MINA", "通称": "",
               "通称_フリガナ": "", "第30条45規定区分": "2", "在留カード等番号": f"{mark:06d}123456", "性別": "2"}
    person = register(client, special)
    yield person, Probe("特別永住者証明書番号", (_eq("在留カード等番号", special["在留カード等番号"]),))
    died = register(client, {"氏名": _name(mark, "二郎"), "氏名_フリガナ": f"ケンサク{mark}　ジロウ"})
    day = clock.today().isoformat()
    expect_ok(client, DEATH, {"宛名番号": died, "異動日": day, "通知年月日": day})
    by_name = _eq("氏名", _name(mark, "二郎"))
    yield died, Probe("消除事由", (_eq("消除事由", "死亡"), by_name))
    yield died, Probe("消除事由", (_eq("消除事由", "国内転出"), by_name), finds=False)


def _range(client: DriverClient, mark: int) -> Iterator[tuple[str, Probe]]:
    atena, items = _japanese(client, mark)
    part = {**_eq("氏名", f"検索{mark}"), "一致": "部分"}
    in_range = {"項目": "生年月日", "開始": "1988-01-01", "終了": "1989-12-31"}
    yield atena, Probe("生年月日", (in_range, _eq("性別", "1"), part))
    yield atena, Probe("生年月日", ({"項目": "生年月日", "開始": "1988-01-01", "終了": "1988-12-31"},
                                 _eq("氏名", items["氏名"])), finds=False)
    yield atena, Probe("氏名", (part,))


def _history(client: DriverClient, mark: int) -> Iterator[tuple[str, Probe]]:
    atena, items = _japanese(client, mark)
    day = clock.today().isoformat()
    expect_ok(client, CORRECT, {"宛名番号": atena, "区分": "職権修正", "items": {"氏名": _name(mark, "一朗")},
                                 "異動日": day})
    expect_ok(client, MOVE, {"宛名番号": [atena], "住所": {"住所_町字": "栄町", "住所_番地号表記": f"{mark}番地"},
                              "異動日": day, "届出年月日": day})
    yield atena, Probe("氏名", (_eq("氏名", items["氏名"]),), history=True)
    yield atena, Probe("住所", ({**_eq("住所", f"本町一丁目{items['住所_番地号表記']}"), "一致": "部分"},),
                       history=True)


def _wareki(client: DriverClient, mark: int) -> Iterator[tuple[str, Probe]]:
    atena, items = _japanese(client, mark)
    name = _eq("氏名", items["氏名"])
    for value in ("平成元年1月8日", "1989-01-08", "1989年1月8日"):
        yield atena, Probe("生年月日", (_eq("生年月日", value), name))
    yield atena, Probe("生年月日", ({"項目": "生年月日", "開始": "昭和63年1月1日", "終了": "平成元年12月31日"}, name))


def _blank(ctx: CheckContext, client: DriverClient, mark: int, where: str) -> Iterator[Finding]:
    atena, items = _japanese(client, mark)
    name = _eq("氏名", items["氏名"])
    status, document = client.call(SEARCH, {"条件": [{"項目": "通称", "未入力": True}, name]})
    if status == 400:  # 未入力 not offered: the reading that a person with blank items is found by the others
        yield from _judged(ctx, client, atena, Probe("未入力", (name, _eq("性別", "1"))), where)
        return
    found = _persons(status, document)
    if found is None or atena not in found:
        yield _miss(ctx, Probe("未入力", (name,)), where, found)
        return
    other = register(client, {"住民種別": "2", "氏名": _name(mark, "三郎"), "通称": _name(mark, "三")})
    probe = Probe("未入力", ({"項目": "通称", "未入力": True}, _eq("氏名", _name(mark, "三郎"))), finds=False)
    yield from _judged(ctx, client, other, probe, where)


def _judged(ctx: CheckContext, client: DriverClient, atena: str, probe: Probe, where: str) -> Iterator[Finding]:
    finding = _judge(ctx, client, atena, probe, where)
    if finding is not None:
        yield finding


def _judge(ctx: CheckContext, client: DriverClient, atena: str, probe: Probe, where: str) -> Finding | None:
    request: dict[str, Any] = {"条件": list(probe.conditions)}
    if probe.history:
        request["履歴"] = True
    found = _persons(*client.call(SEARCH, request))
    if found is None:
        return ctx.finding("search.basic.unreadable", f"the 基本検索 by {probe.label} is not answered with its "
                           "persons", location=f"{where}#{probe.label}", expected="200 with persons",
                           actual="another answer")
    if (atena in found) != probe.finds:
        return _miss(ctx, probe, where, found)
    return None


def _miss(ctx: CheckContext, probe: Probe, where: str, found: set[str] | None) -> Finding:
    asked = " & ".join(_show(condition) for condition in probe.conditions)
    if probe.finds:
        return ctx.finding("search.basic.not_found", f"the 基本検索 ({asked}) does not find the person it describes",
                           location=f"{where}#{probe.label}", expected="found", actual="not found")
    return ctx.finding("search.basic.not_selective", f"the 基本検索 ({asked}) finds a person another value of "
                       f"{probe.label} describes", location=f"{where}#{probe.label}", expected="not found",
                       actual="found")


def _show(condition: Condition) -> str:
    item = condition["項目"]
    if condition.get("未入力"):
        return f"{item} 未入力"
    if "開始" in condition:
        return f"{item} {condition.get('開始', '')}〜{condition.get('終了', '')}"
    return f"{item}={'…' if item in ('氏名', '個人番号', '住民票コード') else condition['値']}"


def _persons(status: int, document: Any) -> set[str] | None:
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or not all(isinstance(p, dict) for p in persons):
        return None
    return {str(person.get("宛名番号", "")) for person in persons}


def _eq(item: str, value: str) -> Condition:
    return {"項目": item, "値": value}


def _other(value: str) -> str:
    """The value with its last character changed (a digit to the next digit, else another letter)."""
    last = value[-1]
    changed = str((int(last) + 1) % 10) if last.isdigit() else ("X" if last != "X" else "Y")
    return value[:-1] + changed


def _digits(seed: int, length: int) -> str:
    draws = random.Random(seed)
    return "".join(str(draws.randrange(10)) for _ in range(length))


def _household(client: DriverClient, atena: str) -> str:
    status, document = client.call("query.person", {"宛名番号": atena})
    person = document.get("person") if isinstance(document, dict) else None
    if status != 200 or not isinstance(person, dict):
        raise TargetError(f"driver query.person: expected 200 with the person, got {status}")
    return str(person.get("世帯番号", ""))


def _client(target: Target, rule: str) -> DriverClient:
    needed: Sequence[str] = (SEARCH, SETUP, *(("query.person",) if rule == "keys" else ()), *NEEDS.get(rule, ()))
    return needed_client(target, "2.1.3 基本検索", needed)
