"""国民健康保険: the readings the register names where the text leaves room (issue 65), each run through the oracle
on its worked example, and each judged by the checks: a vendor of the town's record (the bundled reference) and one
keeping the 都道府県's 資格 running (the reference's answers rewritten) both pass; a wrong answer fails with the
check's finding.

The readings: a move between two 市町村 of one 都道府県 (第5条, 第7条, 第8条: the town's record ending and beginning
with the move, or the 都道府県's 資格 running on), the 2018-04-01 boundary, and the 同月得喪 month of 第76条 when the
person gains 国保 elsewhere in it (provisions.yaml)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from rule_probes import rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenarios import history
from conformance.domains.kokuho import checks as ks
from conformance.domains.kokuho import oracle as kokuho
from conformance.locations import default_catalog_root
from conformance.oracles.readings import Either
from conformance.targets.base import HttpResponse
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "kokuho" / "2025.12" / "bindings.yaml"
RULES = {rule.name: rule for rule in (ks.DATES, ks.MONTHS, ks.PREFECTURE)}


def _readings(scenario: scenarios.Scenario) -> kokuho.KokuhoRecordReadings:
    stays = history(scenario, TOWN_CODE)
    return kokuho.kokuho_record_readings(stays, next(s for s in stays if s.municipality == TOWN_CODE))


# -- each reading's example through the oracle ----------------------------------------------------------------


def test_a_move_on_inside_the_prefecture_ends_the_towns_record_or_nothing() -> None:
    readings = _readings(ks.MOVED_ON_WITHIN)
    assert readings.acquired == (date(2024, 6, 1), None)
    assert readings.lost == (date(2025, 3, 10), None)
    assert readings.continued == (True,)


def test_a_move_on_to_another_prefecture_is_lost_that_day_under_every_reading() -> None:
    readings = _readings(ks.MOVED_ON_ELSEWHERE)
    assert readings.lost == (date(2025, 3, 10),)
    assert readings.continued == (True,)  # the move in from 静岡市 still continues


def test_a_move_in_from_another_prefecture_starts_a_record_and_continues_nothing() -> None:
    readings = _readings(ks.FROM_OTHER_PREFECTURE)
    assert (readings.acquired, readings.lost, readings.continued) == ((date(2024, 6, 1),), (None,), (False,))


def test_a_move_on_or_before_2018_04_01_may_be_judged_either_way() -> None:
    assert _readings(ks.BEFORE_PREFECTURE_UNIT).continued == (False, True)
    assert kokuho.prefecture_unit_open(date(2018, 4, 1))
    assert not kokuho.prefecture_unit_open(date(2018, 4, 2))
    on_the_day = scenarios.Scenario(2018, date(1970, 5, 5), date(2018, 4, 1), previous="221007")
    after = scenarios.Scenario(2018, date(1970, 5, 5), date(2018, 4, 2), previous="221007")
    assert (_readings(on_the_day).continued, _readings(after).continued) == ((False, True), (True,))


def test_the_same_month_gain_and_loss_is_billed_once_or_left_to_the_next_municipality() -> None:
    def readings(scenario: scenarios.Scenario) -> tuple[tuple[tuple[int, int], ...], ...]:
        return kokuho.kokuho_billed_month_readings(history(scenario, TOWN_CODE), TOWN_CODE, scenario.fiscal_year,
                                                   scenario.birth)

    assert readings(ks.SAME_MONTH_MOVED_ON) == ((), ((2024, 6),))
    assert readings(ks.SAME_MONTH_DIED) == (((2024, 6),),)
    assert readings(ks.BILLED_TO_MOVE) == (((2024, 4), (2024, 5), (2024, 6), (2024, 7), (2024, 8)),)


def test_the_checks_expect_every_reading_and_nothing_else() -> None:
    expected = ks._kokuho_dates(ks.MOVED_ON_WITHIN, TOWN_CODE)
    assert expected == {"取得日": None, "喪失日": None}
    assert expected == {"取得日": "2024-06-01", "喪失日": "2025-03-10"}
    assert expected != {"取得日": "2024-06-01", "喪失日": "2025-03-11"}
    assert ks._kokuho_months(ks.SAME_MONTH_MOVED_ON, TOWN_CODE) == {"賦課月": Either([], ["2024-06"])}
    assert ks._kokuho_months(ks.SAME_MONTH_MOVED_ON, TOWN_CODE) != {"賦課月": ["2024-06", "2024-07"]}


# -- the checks against a vendor of each reading ---------------------------------------------------------------


class PrefectureRecord(RequestsHttpClient):
    """The reference with its 国保 answers rewritten to keep the 都道府県's 資格 running: no 喪失日 for a move on to
    another 市町村 of the 都道府県, no 取得日 for a move in from one (since 2018-04-01), 都道府県内継続 true for
    either; and every same-month move's month billed (同月得喪は1月)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: dict[str, dict[str, str]] = {}

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        response = super().request(method, path, **kwargs)
        if method == "post" and path == scenarios.APPEND_PATH:
            text = kwargs["data"].decode("utf-8")
            self.rows.update({row["宛名番号"]: row for row in csv.DictReader(io.StringIO(text))})
        atena = path.split("/")[2] if path.endswith("/qualifications") else ""
        if method != "get" or atena not in self.rows or response.status != 200:
            return response
        document = response.json()
        fiscal_year = int(kwargs["params"]["fiscal_year"])
        document["国民健康保険"] = _prefecture_record(self.rows[atena], document["国民健康保険"], fiscal_year)
        return HttpResponse(response.status, response.headers, json.dumps(document).encode("utf-8"), response.url)


def _prefecture_record(row: Mapping[str, str], part: dict[str, Any], fiscal_year: int) -> dict[str, Any]:
    here = row["住所_市区町村コード"][:2]
    came = row["転入前住所_市区町村コード"][:2] == here and row["住民となった年月日"] > "2018-04-01"
    arrived, planned = row.get("転出年月日（確定）", ""), row.get("転出予定年月日", "")
    goes_on = row.get("転出先住所（確定）_市区町村コード", "")[:2] == here and bool(arrived) and arrived <= planned
    if came:
        part["取得日"] = None
    if goes_on:
        part["喪失日"] = None
        part["都道府県内継続"] = True
    month = row["住民となった年月日"][:7]
    in_year = f"{fiscal_year:04d}-04" <= month <= f"{fiscal_year + 1:04d}-03"
    if arrived and arrived[:7] == month and arrived <= planned and in_year and not part["賦課月"]:
        part["賦課月"] = [{"月": month}]  # 同月得喪 billed here too
    return part


@pytest.mark.parametrize("client_type", [RequestsHttpClient, PrefectureRecord], ids=["town_record", "prefecture"])
def test_a_vendor_of_either_reading_passes(client_type: type[RequestsHttpClient]) -> None:
    found = rule_findings(frozenset(), RULES, BINDINGS, RULES, client_type=client_type, max_examples=budget(25))
    assert found == {name: [] for name in RULES}


def test_the_rewritten_vendor_does_answer_the_other_reading() -> None:
    # The passing above is no accident of the rewriting doing nothing: the examples are answered the other way.
    row = {"宛名番号": "1", "住所_市区町村コード": TOWN_CODE, "転入前住所_市区町村コード": "221007",
           "住民となった年月日": "2024-06-01", "転出年月日（確定）": "2025-03-10", "転出予定年月日": "2025-03-10",
           "転出先住所（確定）_市区町村コード": "221007"}
    part = _prefecture_record(row, {"取得日": "2024-06-01", "喪失日": "2025-03-10", "都道府県内継続": True,
                                    "賦課月": [{"月": "2024-06"}]}, 2024)
    assert (part["取得日"], part["喪失日"], part["都道府県内継続"]) == (None, None, True)


@pytest.mark.defects
@pytest.mark.parametrize(("defect", "rule"), [("kokuho_loss_always_next_day", "kokuho.dates"),
                                              ("kokuho_municipal_unit", "kokuho.prefecture"),
                                              ("kokuho_bills_loss_month", "kokuho.months")])
def test_a_wrong_answer_fails_with_the_checks_finding(defect: str, rule: str) -> None:
    found = rule_findings(frozenset({defect}), RULES, BINDINGS, [rule], max_examples=1)[rule]
    # One finding per distinct way the answers differ (issue 65 item 4): each of them the rule's mismatch.
    assert found and {finding.code for finding in found} == {f"scenario.{rule}.mismatch"}
    assert all(finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=") for finding in found)


def test_a_per_fiscal_year_answer_may_leave_out_a_qualification_after_the_year() -> None:
    # 年度 2023 asked of a person who moved in from 千代田区 on 2024-06-01: the 取得日 shown or not.
    later = scenarios.Scenario(2023, date(1970, 5, 5), date(2024, 6, 1), previous="131016")
    assert ks._kokuho_dates(later, TOWN_CODE) == {"取得日": Either("2024-06-01", None), "喪失日": None}
    assert ks._kokuho_dates(ks.FROM_OTHER_PREFECTURE, TOWN_CODE) == {"取得日": "2024-06-01", "喪失日": None}
