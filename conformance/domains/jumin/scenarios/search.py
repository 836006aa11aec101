"""住民記録 1.0 2.1.2 あいまい検索, judged with generated names against the search oracle.

``jumin.search.kana`` (params: ``rule``, a requirement id of 2.1.2) draws pairs of フリガナ that the
rule makes equal (:mod:`conformance.domains.jumin.scenarios.kana`), registers one person under each spelling
through the driver's ``fixtures.persons`` and searches with ``query.search`` (完全一致): each spelling
must find the person registered under the other (both directions of the equivalence), and a name
with one kana changed must not find them. ``rule: all`` (2.1.2 R002, 「以下のあいまい検索ができること」)
draws from every rule. R007 (完全一致・部分一致) and R008 (名のみ) search parts of one name.

What the vendor owes comes from :mod:`conformance.domains.jumin.oracles.kensaku` (MUST, MUST_NOT, or FREE where
the text leaves room: then nothing is asserted). Examples are seeded by the run's seed and bounded by
the profile's ``max_examples`` (at most :data:`MAX_EXAMPLES` per rule: each costs one write and three
searches). The text's own example pairs are always tried first. As the scenario checks do (``run_rule``): the
examples are judged whole first, every search of each (a miss does not stop the others); with a miss, the first is
shrunk by Hypothesis against the live vendor and reported, then one drawn miss of each other way the answers differ
(which search of the example, and how: listed or not, 完全 or 部分一致), at most :data:`MAX_MISSES` in all. A
vendor whose adapter lacks either operation is NOT_AUTOMATED.
The names are generated, never a real person's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, Phase, Verbosity, example, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky

from conformance.checks.registry import CheckContext, check, target_of
from conformance.domains.jumin.oracles.kensaku import Expectation, kana_expectation
from conformance.domains.jumin.params import SearchKanaParams
from conformance.domains.jumin.scenarios.kana import PAIRS, KanaPair, names
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target

SETUP, SEARCH = "fixtures.persons", "query.search"
#: Examples per rule at most (the run's budget: a rule costs about 4 requests an example).
MAX_EXAMPLES = 6
#: Findings of a rule at most: the shrunk miss and one drawn of each other way (a vendor wrong everywhere reads a list).
MAX_MISSES = 5
#: The text's own pairs, tried first (2.1.2 R003-R012's 例, and 2.1.2 R010/R011's wording).
TEXT_EXAMPLES: dict[str, tuple[KanaPair, ...]] = {
    "jumin-1.0-2.1.2-R003": (KanaPair("ヒラタ　ゴロ", "ビラダ　コロ", "ミラタ　ゴロ"),),
    "jumin-1.0-2.1.2-R004": (KanaPair("ヂヅワオ　ヴァヴィヴヒ", "ジズハヲ　バビブピ", "ヂヅワオ　ヴァヴィヴミ"),),
    "jumin-1.0-2.1.2-R005": (KanaPair("キョウコ　ハットリ", "キヨウコ　ハツトリ", "キョウコ　ハットミ"),),
    "jumin-1.0-2.1.2-R006": (KanaPair("ミッャュョ　カナ", "ミツヤユヨ　カナ", "ミッャュョ　サナ"),),
    "jumin-1.0-2.1.2-R009": (KanaPair("ヤマダ　タロウ", "ヤマダタロウ", "ヤマダ　タロミ"),),
    "jumin-1.0-2.1.2-R010": (KanaPair("サトウ　コウノ", "サトオ　コオノ", "サトウ　コウメ"),),
    "jumin-1.0-2.1.2-R011": (KanaPair("ユーコ　キタ", "ユコ　キタ", "ユーコ　キセ"),),
    "jumin-1.0-2.1.2-R012": (KanaPair("ユーコ　キタ", "ユ―コ キタ", "ユーコ　キセ"),
                             KanaPair("ユ－コ　キタ", "ユ‐コ　キタ", "ユ－コ　キセ"),
                             KanaPair("ユｰコ　キタ", "ユ-コ　キタ", "ユｰコ　キセ")),
}
_SERIAL = itertools.count(1)
#: The 生年月日 of the first registered person; each next one a day later (a person's own, see :func:`_born`).
_FIRST_BORN = date(1911, 1, 1)


def _born(serial: int) -> str:
    """A 生年月日 of the registered person ``serial`` that no other person this check registers has."""
    return (_FIRST_BORN + timedelta(days=serial)).isoformat()


@dataclass(frozen=True)
class _Registered:
    """A person the check registered: the vendor's 宛名番号 and the 生年月日 sent."""

    atena: str
    born: str


@dataclass
class _Miss(Exception):
    """A search whose answer differs from the oracle's (raised inside Hypothesis to shrink it)."""

    query: str
    exact: bool
    registered: str
    expected: Expectation
    #: Which search of the example missed (one way of differing each: the other's not hidden by it).
    role: str = ""

    def way(self) -> tuple[str, bool, str]:
        """What makes two misses two counterexamples rather than one met twice."""
        return self.expected.name, self.exact, self.role


@dataclass
class _Search:
    """Registers persons and searches through one vendor's driver adapter."""

    client: DriverClient
    defaults: Mapping[str, str]
    #: Collecting (the first, whole pass): each miss is kept here and the example's other searches go on.
    collected: list[_Miss] | None = None

    def register(self, *kana: str) -> list[_Registered]:
        persons = [{**self.defaults, "氏名_フリガナ": name, "氏名": f"検索　試験{serial}", "生年月日": _born(serial)}
                   for name in kana for serial in (next(_SERIAL),)]
        status, answer = self.client.call(SETUP, {"persons": persons})
        listed = answer.get("persons") if isinstance(answer, dict) else None
        if status != 200 or not isinstance(listed, list) or len(listed) != len(kana):
            raise TargetError(f"driver {SETUP}: expected 200 with {len(kana)} persons, got {status}")
        return [_Registered(str(person.get("宛名番号", "")) if isinstance(person, dict) else "", sent["生年月日"])
                for person, sent in zip(listed, persons, strict=True)]

    def lists(self, query: str, person: _Registered, *, exact: bool) -> bool:
        # With the person's own 生年月日 (a field of query.search): a short 部分一致 such as 'イ　コ' meets hundreds of
        # the town's residents, and a vendor may list a bounded number of them (the reference lists 100; seed
        # 424242 once missed the person so). The text sets no bound; the 生年月日 leaves the person alone or nearly.
        status, answer = self.client.call(SEARCH, {"氏名_フリガナ": query, "一致": "完全" if exact else "部分",
                                                   "生年月日": person.born})
        found = answer.get("persons") if isinstance(answer, dict) else None
        if status != 200 or not isinstance(found, list):
            raise TargetError(f"driver {SEARCH}: expected 200 with a persons list, got {status}")
        return any(isinstance(listed, dict) and listed.get("宛名番号") == person.atena for listed in found)

    def judge(self, registered: str, person: _Registered, query: str, *, exact: bool, role: str) -> None:
        expected = kana_expectation(registered, query, exact=exact)
        if expected is Expectation.FREE:
            return
        if self.lists(query, person, exact=exact) != (expected is Expectation.MUST):
            miss = _Miss(query, exact, registered, expected, role)
            if self.collected is None:
                raise miss
            self.collected.append(miss)


def _pair(search: _Search, pair: KanaPair) -> None:
    """Both directions of the equivalence, then the changed name."""
    first, second = search.register(pair.registered, pair.variant)
    search.judge(pair.variant, second, pair.registered, exact=True, role="the variant's person by the name")
    search.judge(pair.registered, first, pair.variant, exact=True, role="the name's person by the variant")
    search.judge(pair.registered, first, pair.other, exact=True, role="by the name one kana changed")


def _parts(search: _Search, family: str, given_name: str) -> None:
    """2.1.2 R007: the whole name (完全一致), a part of it (部分一致 lists, 完全一致 does not)."""
    name = f"{family}　{given_name}"
    (person,) = search.register(name)
    search.judge(name, person, name, exact=True, role="the whole name")
    middle = family[1:] + "　" + given_name[:1]
    search.judge(name, person, middle, exact=False, role="a part")
    search.judge(name, person, middle, exact=True, role="a part")


def _given_only(search: _Search, family: str, given_name: str) -> None:
    """2.1.2 R008: 名のみ."""
    (person,) = search.register(f"{family}　{given_name}")
    search.judge(f"{family}　{given_name}", person, given_name, exact=False, role="the given name")


def _strategy(rule: str) -> st.SearchStrategy[Any]:
    if rule in PAIRS:
        return PAIRS[rule]
    if rule == "all":
        return st.one_of(*PAIRS.values())
    return names()


def _property(rule: str, search: _Search) -> Any:
    if rule in PAIRS or rule == "all":
        def run_pair(pair: KanaPair) -> None:
            _pair(search, pair)
        return run_pair
    step = _parts if rule.endswith("R007") else _given_only

    def run_name(drawn: tuple[str, str]) -> None:
        step(search, *drawn)
    return run_name


@check("jumin.search.kana")
def kana_search(ctx: CheckContext) -> Iterator[Finding]:
    """2.1.2 あいまい検索: generated names against the search oracle, through ``query.search``."""
    target = target_of(ctx)
    rule = ctx.args(SearchKanaParams).rule
    if rule not in PAIRS and rule not in ("all", "jumin-1.0-2.1.2-R007", "jumin-1.0-2.1.2-R008"):
        raise TargetError(f"jumin.search.kana: no rule {rule!r}")
    client, defaults = _client(target), {**DEFAULT_ITEMS, **_town(target)}
    drawn: list[_Miss] = []
    _test(rule, _Search(client, defaults, drawn), target, shrink=False)()
    if not drawn:
        return
    shrunk = _shrunk(rule, _Search(client, defaults), target) if target.shrink else None
    first = shrunk or drawn[0]
    yield _finding(ctx, target, first, drawn=shrunk is None and target.shrink)
    ways = {first.way()}
    for miss in drawn:
        if miss.way() not in ways and len(ways) < MAX_MISSES:
            ways.add(miss.way())
            yield _finding(ctx, target, miss, drawn=True)


def _shrunk(rule: str, search: _Search, target: Target) -> _Miss | None:
    """The first miss met again through Hypothesis, shrunk; None when the vendor answers it another way now."""
    seen: list[_Miss] = []
    step = _property(rule, search)

    def recorded(value: Any) -> None:
        try:
            step(value)
        except _Miss as miss:
            seen.append(miss)
            raise

    try:
        _test(rule, search, target, shrink=True, function=recorded)()
    except (_Miss, Flaky):
        if not seen:
            raise
        return seen[-1]
    return None


def _test(rule: str, search: _Search, target: Target, *, shrink: bool,
          function: Callable[[Any], None] | None = None) -> Callable[[], None]:
    """The rule's Hypothesis test: the text's examples, then the drawn ones with the run's seed (``function``: the
    rule's searches by default)."""
    test = given(_strategy(rule))(function or _property(rule, search))
    texts = itertools.chain.from_iterable(TEXT_EXAMPLES.values()) if rule == "all" else TEXT_EXAMPLES.get(rule, ())
    for pair in texts:
        test = example(pair)(test)
    # R002 is judged over the text's examples of every rule, and fewer generated ones than a rule alone.
    budget = MAX_EXAMPLES // 2 if rule == "all" else MAX_EXAMPLES
    wrapped: Callable[[], None] = settings(
        max_examples=min(target.max_examples, budget), deadline=None, database=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink) if shrink else (Phase.explicit, Phase.generate),
        verbosity=Verbosity.quiet, suppress_health_check=list(HealthCheck), print_blob=False,
    )(seed(target.seed)(test))
    return wrapped


def _finding(ctx: CheckContext, target: Target, miss: _Miss, *, drawn: bool = False) -> Finding:
    """The finding of a miss (``drawn``: another way the answers differ, or the first when not met again, unshrunk)."""
    base = target.driver.base_path if target.driver is not None else ""
    query = f"氏名_フリガナ={miss.query}&一致={'完全' if miss.exact else '部分'}"
    listed = miss.expected is Expectation.MUST
    replay = replace(target, shrink=False).replay if drawn else target.replay  # as drawn: replayed --shrink off
    return ctx.finding(
        "search.kana.not_listed" if listed else "search.kana.listed",
        f"2.1.2 あいまい検索: searching {miss.query!r} ({'完全一致' if miss.exact else '部分一致'}, {miss.role}) "
        f"{'did not list' if listed else 'listed'} the person registered as {miss.registered!r} "
        f"(generated names; {replay})",
        location=f"GET {base}/search?{query}",
        expected="listed" if listed else "not listed",
        actual="not listed" if listed else "listed",
    )


def _client(target: Target) -> DriverClient:
    return needed_client(target, "2.1.2 あいまい検索", (SETUP, SEARCH))


def _town(target: Target) -> dict[str, str]:
    """The town's 市区町村コード on the registered persons, when the loaded test data names one."""
    codes = {row.get("住所_市区町村コード", "") for row in target.data.rows} - {""} if target.data else set()
    return {"住所_市区町村コード": codes.pop()} if len(codes) == 1 else {}
