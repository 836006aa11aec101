"""2.1.2 あいまい検索: the search oracle against the text's examples, the generated pairs against the
oracle, and ``jumin.search.kana`` against the reference (clean: no finding; each named defect: the exact
finding on the rules it breaks) and against a vendor lacking the operation (NOT_AUTOMATED)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.oracles.kensaku import Expectation, kana_expectation, kanji_expectation
from conformance.domains.jumin.scenarios import search
from conformance.domains.jumin.scenarios.kana import PAIRS, KanaPair
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.profiles import ApiTarget, DriverTarget
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient
from conformance_reference.jumin.search import kana_search
from conformance_reference.server import RunningReference

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "jumin" / "1.0")
RULES = (*PAIRS, "jumin-1.0-2.1.2-R007", "jumin-1.0-2.1.2-R008")


# -- the oracle: the text's own examples, both directions, and what must not match ---------------------


@pytest.mark.parametrize(("registered", "query"), [
    ("ゴンダ　バンペイ", "コンタ　ハンヘイ"),           # R003
    ("ヒラタ", "ピラタ"), ("ヂ", "ジ"), ("ズ", "ヅ"), ("ワ", "ハ"), ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴ", "ブ"),
    ("オ", "ヲ"), ("ヒ", "ピ"),                         # R004
    ("ッ", "ツ"), ("ャ", "ヤ"), ("ュ", "ユ"), ("ョ", "ヨ"),  # R006
    ("ヤマダ　タロウ", "ヤマダタロウ"),                  # R009
    ("サトウ", "サトオ"), ("コウノ", "コオノ"),          # R010
    ("ユーコ", "ユコ"),                                   # R011
    ("ユーコ", "ユ―コ"), ("ユーコ", "ユ－コ"), ("ユーコ", "ユ‐コ"), ("ユーコ", "ユｰコ"), ("ユーコ", "ユ-コ"),
    ("ヤマダ　タロウ", "ヤマダ タロウ"),                 # R012
])
def test_the_text_examples_must_match_both_ways(registered: str, query: str) -> None:
    assert kana_expectation(registered, query, exact=True) is Expectation.MUST
    assert kana_expectation(query, registered, exact=True) is Expectation.MUST


def test_what_the_text_does_not_say_is_free_and_other_kana_must_not_match() -> None:
    assert kana_expectation("ヴェ", "ベ", exact=True) is Expectation.FREE
    assert kana_expectation("チカ", "シカ", exact=True) is Expectation.FREE
    assert kana_expectation("カナ", "サナ", exact=True) is Expectation.MUST_NOT
    # R010 applies from the 2nd character only: a leading ウ is not オ.
    assert kana_expectation("ウメ", "オメ", exact=True) is Expectation.MUST_NOT
    # R007: a part is found by 部分一致, never by 完全一致.
    assert kana_expectation("ヤマダ　タロウ", "マダタ", exact=False) is Expectation.MUST
    assert kana_expectation("ヤマダ　タロウ", "マダタ", exact=True) is Expectation.MUST_NOT


@pytest.mark.parametrize(("registered", "query"), [
    ("渡辺", "渡邊"), ("渡辺", "渡边"), ("渡辺", "渡邉"), ("長浜", "長濱"), ("長浜", "長濵"), ("長浜", "長滨"),
    ("藤田", "䕨田"), ("藤田", "籘田"), ("藤田", "籐田"),
])
def test_the_text_variants_must_match_both_ways(registered: str, query: str) -> None:
    assert kanji_expectation(registered, query, exact=True) is Expectation.MUST
    assert kanji_expectation(query, registered, exact=True) is Expectation.MUST


def test_a_variant_of_another_seiji_must_not_match() -> None:
    assert kanji_expectation("渡辺", "渡濱", exact=True) is Expectation.MUST_NOT
    assert kanji_expectation("斎藤", "齋藤", exact=True) is Expectation.FREE


@pytest.mark.parametrize("rule", sorted(PAIRS))
def test_every_generated_pair_is_one_the_oracle_requires_and_its_other_name_one_it_forbids(rule: str) -> None:
    @settings(max_examples=60, deadline=None)
    @given(PAIRS[rule])
    def pairs(pair: KanaPair) -> None:
        assert kana_expectation(pair.registered, pair.variant, exact=True) is Expectation.MUST
        assert kana_expectation(pair.variant, pair.registered, exact=True) is Expectation.MUST
        assert kana_expectation(pair.registered, pair.other, exact=True) is Expectation.MUST_NOT

    pairs()


# -- the check against the reference ----------------------------------------------------------------


@pytest.fixture(scope="module")
def clean() -> Iterator[RunningReference]:
    with start_reference() as running:
        yield running


def judge(running: RunningReference, rule: str, driver: DriverTarget | None = None) -> list[Finding]:
    http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
    target = Target(catalog=EDITION, http=http, driver=driver or DriverTarget(operations="all"), max_examples=4)
    requirement = "jumin-1.0-2.1.2-R002" if rule == "all" else rule
    ctx = CheckContext(requirement=EDITION.requirement(requirement), params={"rule": rule}, target=target)
    return list(search.kana_search(ctx))


@pytest.mark.parametrize("rule", [*RULES, "all"])
def test_the_clean_reference_meets_every_rule(clean: RunningReference, rule: str) -> None:
    assert judge(clean, rule) == []


#: The two directions of an equivalence, each a way of missing of its own (issue 65 item 4: every distinct one).
BOTH_WAYS = ("the variant's person by the name", "the name's person by the variant")
SEARCH = "GET /driver/v1/search?氏名_フリガナ={}&一致=完全"


@pytest.mark.parametrize(("defect", "rule", "queries"), [
    ("search_voiced_distinct", "jumin-1.0-2.1.2-R003", ("ヒラタ　ゴロ", "ビラダ　コロ")),
    ("search_voiced_distinct", "jumin-1.0-2.1.2-R004", ("ヂヅワオ　ヴァヴィヴヒ", "ジズハヲ　バビブピ")),
    ("search_small_kana_distinct", "jumin-1.0-2.1.2-R005", ("キョウコ　ハットリ", "キヨウコ　ハツトリ")),
    ("search_long_mark_kept", "jumin-1.0-2.1.2-R011", ("ユーコ　キタ", "ユコ　キタ")),
    ("search_long_mark_kept", "all", None),
])
def test_each_defect_gives_every_distinct_finding(defect: str, rule: str, queries: tuple[str, str] | None) -> None:
    """Both directions of the text's pair are missed: two findings, the first shrunk, the second as drawn."""
    with start_reference(defects=frozenset({defect})) as running:
        found = judge(running, rule)
    assert [finding.code for finding in found] == ["search.kana.not_listed"] * 2
    assert [f"完全一致, {way})" in finding.message for finding, way in zip(found, BOTH_WAYS, strict=True)] == [True] * 2
    assert ["not shrunk; replay: conformance run --seed " in finding.message
            for finding in found] == [False, True]
    if queries is not None:
        assert [finding.location for finding in found] == [SEARCH.format(query) for query in queries]


def test_a_vendor_wrong_in_more_ways_than_the_bound_gets_the_bound(clean: RunningReference,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "MAX_MISSES", 1)
    with start_reference(defects=frozenset({"search_voiced_distinct"})) as running:
        assert [finding.location for finding in judge(running, "jumin-1.0-2.1.2-R003")] == [
            SEARCH.format("ヒラタ　ゴロ")]


def test_a_vendor_without_the_operation_is_not_automated(clean: RunningReference) -> None:
    with pytest.raises(NotAutomated, match=r"targets\.driver\.operations\): query\.search"):
        judge(clean, "jumin-1.0-2.1.2-R003", DriverTarget(operations=("fixtures.persons",)))


class _BoundedVendor:
    """A driver whose 検索 lists at most 100 persons (the reference's bound; the text sets none), over a town
    where hundreds of フリガナ contain 'イ　コ'."""

    def __init__(self, crowd: int) -> None:
        self.rows = [{"宛名番号": f"9{index:09d}", "氏名_フリガナ": "アイ　コウ", "生年月日": "1970-01-01"}
                     for index in range(crowd)]

    def call(self, operation: str, params: Mapping[str, Any]) -> tuple[int, Any]:
        if operation == search.SETUP:
            added = [dict(person, 宛名番号=f"8{len(self.rows) + index:09d}")
                     for index, person in enumerate(params["persons"])]
            self.rows += added
            return 200, {"result": "ok", "persons": added}
        found = kana_search(self.rows, params["氏名_フリガナ"], params.get("生年月日"), params["一致"] == "完全")
        return 200, {"result": "ok", "persons": found[:100]}


def test_a_short_partial_search_is_asked_with_the_person_s_birth_date() -> None:
    # Seed 424242: 'イ　コ' (部分一致) of a person registered as '＊＊　コア' was judged a miss, the person being
    # beyond the reference's first 100 hits. The text bounds nothing; the check narrows by the 生年月日.
    vendor = _BoundedVendor(crowd=150)
    checked = search._Search(vendor, DEFAULT_ITEMS)  # type: ignore[arg-type]  # a DriverClient by its call
    search._parts(checked, "アイ", "コア")  # raises _Miss when the person is not listed
    (person,) = checked.register("アイ　コア")
    assert checked.lists("イ　コ", person, exact=False)
    assert not checked.lists("イ　コ", replace(person, born="1910-12-31"), exact=False)
