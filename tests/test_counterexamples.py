"""Every distinct counterexample (issue 65, item 4): a scenario rule's FAIL lists each way the vendor's answers
differ from the oracle's, the first shrunk and one drawn scenario of each other way, each with its replay."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import cast

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import MAX_COUNTEREXAMPLES, Mismatch, difference, other_ways
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.embedded import start_reference
from conformance.profiles import ApiTarget
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition

RULE = "senkyo.election_registration"


def test_a_named_defect_shows_every_way_it_differs() -> None:
    # senkyo_registered_monthly registers on the 1st of the month: a person of 第22条第3項 gets another 登録基準日
    # and another 登録根拠, one of 第22条第1項 another 登録基準日 only. Both ways are listed in one run.
    with start_reference(defects=frozenset({"senkyo_registered_monthly"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=scenarios.APPEND_PATH, records_path=scenarios.RECORDS_PATH, max_examples=25)
        requirement = cast(Requirement, SimpleNamespace(id="senkyo-2025.12-1.22.0.1.0-R001"))
        found = list(scenarios.run_rule(CheckContext(requirement=requirement, target=target), SENKYO_RULES[RULE]))
    assert {f.code for f in found} == {f"scenario.{RULE}.mismatch"} and len(found) == 2
    assert all(f.where.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=") for f in found)
    ways = {difference(json.loads(f.expected or "null"), json.loads(f.actual or "null")) for f in found}
    assert ways == {("登録基準日:earlier", "登録根拠:other"), ("登録基準日:earlier",)}
    assert "on the shrunk scenario" in found[0].message and "on another scenario, as drawn," in found[1].message
    assert all("seed 20200901; replay: conformance run --seed 20200901" in f.message for f in found)


def test_one_way_is_reported_once_and_the_ways_are_bounded() -> None:
    def mismatch(expected: object, actual: object) -> Mismatch:
        return Mismatch(None, expected, actual)

    first = mismatch({"日": "2025-04-01", "額": 3000}, {"日": "2025-04-02", "額": 3000})
    same_way = mismatch({"日": "2026-01-01", "額": 1}, {"日": "2026-01-05", "額": 1})
    earlier = mismatch({"日": "2026-01-01"}, {"日": "2025-12-31"})
    missing = mismatch({"日": "2026-01-01"}, {"日": None})
    both = mismatch({"日": "2026-01-01", "額": 1}, {"日": "2026-01-02", "額": 2})
    assert difference(first.expected, first.actual) == ("日:later",)
    assert other_ways(first, [first, same_way, earlier, missing, both, earlier]) == [earlier, missing, both]
    many = [mismatch(index, f"{index}") for index in range(10)] + [mismatch({"k": i}, {"k": None}) for i in range(3)]
    assert len(other_ways(first, many)) <= MAX_COUNTEREXAMPLES - 1
