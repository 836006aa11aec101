"""住民記録 1.0 2.1.2 R013-R017 異体字を包含した検索, through the driver operation ``search.kanji`` (ours).

``jumin.search.itaiji`` registers, for each 正字 of the text's examples (辺, 浜, 藤), one generated person per
異体字 the text lists (``fixtures.persons``: a 氏名 no loaded person has, a number drawn with the run's seed) and
one with the 正字, and judges each search against `kensaku.kanji_expectation` (完全一致):
a 氏名 equal up to the text's 異体字 must be found, one whose 異体字 stands for another 正字 must not. Params
``rule``:

- ``seiji`` with ``char`` (R015 辺, R016 浜, R017 藤: 「…で検索時は…が検索対象文字となる」): the 正字 searched finds
  the person registered with each 異体字;
- ``both`` (R013: 検索文字から、異体字や正字も包含した検索): every one of the three characters' names searched
  finds the others of its character, whichever is typed (異体字 or 正字), and none of another character.

「𨘢𨘢」 and 「頻」 are not judged (the oracle's note). 一般市区町村 may leave 異体字検索 out (R019): a vendor that
does declares no ``search.kanji`` in its profile and gets NOT_AUTOMATED, never PASS.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.oracles.kensaku import VARIANTS, Expectation, kanji_expectation
from conformance.domains.jumin.params import ItaijiSearchParams
from conformance.domains.jumin.scenarios.access_log import driver_base, register
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.targets.base import Target

SEARCH, SETUP = "search.kanji", "fixtures.persons"


@check("jumin.search.itaiji")
def itaiji_search(ctx: CheckContext) -> Iterator[Finding]:
    """2.1.2 R013-R017: names with the text's 異体字 found from their 正字 (and, R013, the reverse)."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    args = ctx.args(ItaijiSearchParams)
    rule = args.rule
    client = _client(target)
    mark = random.Random(target.seed).randrange(100, 1000)
    chars = [str(args.char)] if rule == "seiji" else list(VARIANTS)
    names = {char: [_name(mark, form) for form in (char, *VARIANTS[char])] for char in chars}
    persons = {name: register(client, {"氏名": name, "氏名_フリガナ": f"ケンサク{mark}　タロウ"})
               for group in names.values() for name in group}
    where = f"GET {driver_base(target)}/search/kanji"
    queries = [group[0] for group in names.values()] if rule == "seiji" else list(persons)
    for query in queries:
        finding = _judge(ctx, client, query, persons, where)
        if finding is not None:
            yield finding
            return


def _name(mark: int, char: str) -> str:
    return f"{char}見本{mark}　太郎"


def _judge(ctx: CheckContext, client: DriverClient, query: str, persons: dict[str, str],
           where: str) -> Finding | None:
    status, document = client.call(SEARCH, {"氏名": query, "一致": "完全"})
    listed = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(listed, list) or not all(isinstance(p, dict) for p in listed):
        return ctx.finding("search.itaiji.unreadable", "the 異体字 search is not answered with its persons",
                           location=f"{where}#{query[0]}", expected="200 with persons", actual=str(status))
    found = {str(person.get("宛名番号", "")) for person in listed}
    for name, atena in persons.items():
        expected = kanji_expectation(name, query, exact=True)
        if expected is Expectation.MUST and atena not in found:
            return ctx.finding("search.itaiji.not_found", f"a search typed with 「{query[0]}」 does not find the "
                               f"person registered with 「{name[0]}」", location=f"{where}#{query[0]}→{name[0]}",
                               expected="found", actual="not found")
        if expected is Expectation.MUST_NOT and atena in found:
            return ctx.finding("search.itaiji.other_found", f"a search typed with 「{query[0]}」 finds the person "
                               f"registered with 「{name[0]}」 (another 正字)",
                               location=f"{where}#{query[0]}→{name[0]}", expected="not found", actual="found")
    return None


def _client(target: Target) -> DriverClient:
    return needed_client(target, "2.1.2 異体字検索", (SEARCH, SETUP), "; 一般市区町村 may leave it out (R019)")
