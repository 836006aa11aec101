"""10.1 EUC機能 (domains/jumin/scenarios/euc.py) against the reference, in process: clean, every rule passes; each
named defect is exactly its finding, on its own rule only; the CSV and XML readers; a vendor whose adapter lacks
the operations is NOT_AUTOMATED."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

import pytest
from inprocess import in_process_client

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.euc import (
    SAMPLE,
    draw_conditions,
    euc,
    holds,
    parse_csv,
    parse_xml,
    sample_conditions,
)
from conformance.findings import Finding
from conformance.profiles import DriverTarget
from conformance.scenarios.driver_calls import needed_client
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target, TestData
from conformance.testdata.town import default_town
from conformance_reference.app import ReferenceApp
from conformance_reference.defects import parse_defects
from conformance_reference.jumin.driver import Answer, DriverService
from conformance_reference.jumin.storage import Store
from tests.domains.jumin.test_access_log import EDITION

#: The rule of each requirement (bindings.yaml).
RULES = {1: "history", 4: "items", 5: "items", 6: "values", 7: "extra_items", 10: "conditions", 12: "count",
         14: "formats"}


@contextmanager
def reference_target(defects: frozenset[str] = frozenset(), operations: Any = "all",
                     vendor: type[DriverService] | None = None) -> Iterator[Target]:
    """The reference in process (tests/inprocess.py), its driver replaced by ``vendor`` when given."""
    store = Store()
    try:
        store.load(default_town())
        app = ReferenceApp(store, parse_defects(defects))
        if vendor is not None:
            app.driver = vendor(store, app.defects, layout_items=app.driver.layout_items)
        with in_process_client(app) as http:
            yield Target(catalog=EDITION, http=http, driver=DriverTarget(operations=operations), seed=1,
                         data=TestData(tuple(default_town())))
    finally:
        store.close()


def judge(target: Target, number: int) -> list[Finding]:
    requirement = EDITION.requirement(f"jumin-1.0-10.1-R{number:03d}")
    return list(euc(CheckContext(requirement, {"rule": RULES[number]}, target)))


def found(target: Target, number: int) -> list[tuple[str, str]]:
    return [(finding.code, finding.location) for finding in judge(target, number)]


def test_the_clean_reference_passes_every_rule() -> None:
    with reference_target() as target:
        assert {number: judge(target, number) for number in RULES} == {number: [] for number in RULES}


@pytest.mark.parametrize(("defect", "numbers", "expected"), [
    ("euc_history_excluded", (1,), ("euc.history_missing", "POST /driver/v1/euc/extract#範囲=履歴")),
    ("euc_items_missing", (4, 5), ("euc.item_missing", "GET /driver/v1/euc/items#在留資格等コード")),
    ("euc_dates_as_wareki", (6,), ("euc.value_differs", "POST /driver/v1/euc/extract#住民となった年月日")),
    ("euc_extra_items_missing", (7,), ("euc.item_missing", "GET /driver/v1/euc/items#個人番号カードの発行状況")),
    ("euc_not_equal_as_equal", (10,), ("euc.not_matching", "POST /driver/v1/euc/extract#住所_町字!=")),
    ("euc_count_current_only", (12,), ("euc.count_differs", "POST /driver/v1/euc/extract#件数")),
    ("euc_csv_header_codes", (14,), ("euc.format_unreadable", "POST /driver/v1/euc/extract#形式=CSV")),
])
def test_each_defect_fails_its_rule_only(defect: str, numbers: tuple[int, ...], expected: tuple[str, str]) -> None:
    with reference_target(frozenset({defect})) as target:
        assert {number: found(target, number) for number in numbers} == {number: [expected] for number in numbers}
        others = [number for number in RULES if number not in numbers]
        assert {number: judge(target, number) for number in others} == {number: [] for number in others}


class SexAsLabel(DriverService):
    """A defect: the EUC data source shows 性別 by its label (男, 女), not the data item list's code."""

    def euc_extract(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        status, document = super().euc_extract(body, arguments, request)
        for row in document.get("rows", []):
            if "性別" in row:
                row["性別"] = {"1": "男", "2": "女"}.get(row["性別"], row["性別"])
        return status, document


def test_a_code_shown_by_its_label_is_no_code_of_its_table() -> None:
    with reference_target(vendor=SexAsLabel) as target:
        assert found(target, 6) == [("euc.value_differs", "POST /driver/v1/euc/extract#性別")]


class CountedRows(DriverService):
    """The reference, remembering how many rows each extraction answered."""

    answered: ClassVar[list[int]] = []

    def euc_extract(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        status, document = super().euc_extract(body, arguments, request)
        CountedRows.answered.append(len(document.get("rows", [])))
        return status, document


def test_the_values_sample_stays_bounded_however_many_persons_other_checks_added() -> None:
    """Issue 65: persons registered by many seeds' checks, all in one 町字, once made R006's extraction of that
    町字 exceed the client's JSON limit; its 宛名番号 range keeps them out."""
    town = default_town()
    seed = next(seed for seed in range(100)
                if random.Random(seed).choice(town)["住所_町字"] == DEFAULT_ITEMS["住所_町字"])
    with reference_target(vendor=CountedRows) as target:
        client = needed_client(target, "the test's set-up", ("fixtures.persons",))
        status, _ = client.call("fixtures.persons", {"persons": [dict(DEFAULT_ITEMS)] * 500})
        assert status == 200
        CountedRows.answered.clear()
        seeded = Target(catalog=target.catalog, http=target.http, driver=target.driver, seed=seed, data=target.data)
        assert judge(seeded, 6) == []
        assert CountedRows.answered and max(CountedRows.answered) <= SAMPLE


def test_the_values_sample_is_loaded_persons_of_one_town_area() -> None:
    town = default_town()
    for seed in range(10):
        conditions = sample_conditions(random.Random(seed), town)
        met = [row for row in town if all(holds(row, c) for c in conditions)]
        assert 0 < len(met) <= SAMPLE
        assert {row["住所_町字"] for row in met} == {conditions[0]["値"]}


def test_the_conditions_drawn_use_the_operators_and_one_loaded_person_meets_them() -> None:
    town = default_town()
    drawn = [draw_conditions(random.Random(seed), town) for seed in range(20)]
    assert {condition["演算子"] for conditions in drawn for condition in conditions} == {
        "=", "!=", ">", ">=", "<", "<=", "含む"}
    assert all(any(all(holds(row, c) for c in conditions) for row in town) for conditions in drawn)


def test_holds_compares_numbers_as_numbers_and_a_blank_as_neither_greater_nor_smaller() -> None:
    assert holds({"n": "10"}, {"項目": "n", "演算子": ">", "値": "9"})
    assert holds({"d": "1980-04-01"}, {"項目": "d", "演算子": "<", "値": "1990-01-01"})
    assert not holds({"d": ""}, {"項目": "d", "演算子": "<", "値": "1990-01-01"})
    assert holds({"d": ""}, {"項目": "d", "演算子": "!=", "値": "1990-01-01"})


def test_the_csv_and_xml_readers_take_the_items_asked_in_any_order() -> None:
    assert parse_csv("氏名,宛名番号\r\n見本,0000000019\r\n", ["宛名番号", "氏名"]) == [("0000000019", "見本")]
    assert parse_csv("C001,C002\r\n0000000019,見本\r\n", ["宛名番号", "氏名"]) is None
    xml = '<抽出結果><行><項目 名称="氏名">見本</項目><項目 名称="宛名番号">0000000019</項目></行></抽出結果>'
    assert parse_xml(xml, ["宛名番号", "氏名"]) == [("0000000019", "見本")]
    assert parse_xml("<抽出結果><行>", ["宛名番号"]) is None


def test_an_adapter_without_the_operations_is_not_automated() -> None:
    with reference_target(operations=["euc.extract"]) as target:
        assert judge(target, 12) == []
        with pytest.raises(NotAutomated, match=r"euc\.items"):
            judge(target, 4)
    with reference_target(operations=["fixtures.persons"]) as target, \
            pytest.raises(NotAutomated, match=r"euc\.extract"):
        judge(target, 14)
