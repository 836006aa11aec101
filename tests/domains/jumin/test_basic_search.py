"""2.1.3 基本検索 (domains/jumin/scenarios/basic_search.py) against the reference, in process: clean, every rule passes;
each named defect is exactly its finding, on its own rules only; a vendor that searches by a key without filtering
by it, and one that refuses 未入力, are judged as the docstring says; without the operation it is NOT_AUTOMATED."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.basic_search import basic_search
from conformance.domains.jumin.scenarios.itaiji import itaiji_search
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance_reference.jumin.driver import Answer, DriverService
from tests.domains.jumin.test_access_log import EDITION
from tests.domains.jumin.test_euc import reference_target

#: The rule of each requirement (bindings.yaml).
RULES = {1: "keys", 4: "range", 5: "history", 6: "blank", 8: "wareki", 9: "history"}
WHERE = "POST /driver/v1/search/basic#"




def judge(target: Target, number: int) -> list[Finding]:
    requirement = EDITION.requirement(f"jumin-1.0-2.1.3-R{number:03d}")
    return list(basic_search(CheckContext(requirement, {"rule": RULES[number]}, target)))


def found(target: Target, number: int) -> list[tuple[str, str]]:
    return [(finding.code, finding.location) for finding in judge(target, number)]


def test_the_clean_reference_passes_every_rule() -> None:
    with reference_target() as target:
        assert {number: judge(target, number) for number in RULES} == {number: [] for number in RULES}


@pytest.mark.parametrize(("defect", "expected"), [
    ("search_basic_wareki_ignored", {1: [("search.basic.not_found", WHERE + "生年月日")],
                                     8: [("search.basic.not_found", WHERE + "生年月日")]}),
    # Both former values missed, each its finding (issue 65: every distinct counterexample, not the first only).
    ("search_basic_current_only", {number: [("search.basic.not_found", WHERE + "氏名"),
                                            ("search.basic.not_found", WHERE + "住所")] for number in (5, 9)}),
    ("search_basic_range_open", {4: [("search.basic.not_selective", WHERE + "生年月日")]}),
    ("search_basic_blank_unmatched", {6: [("search.basic.not_found", WHERE + "未入力")]}),
])
def test_each_defect_fails_its_rules_only(defect: str, expected: Mapping[int, list[tuple[str, str]]]) -> None:
    with reference_target(frozenset({defect})) as target:
        assert {number: found(target, number) for number in RULES} == {
            number: expected.get(number, []) for number in RULES}


class SexIgnored(DriverService):
    """A defect: the 性別 of a search is not searched by (every other condition is)."""

    def search_basic(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        kept = [c for c in body.get("条件") or [] if c.get("項目") != "性別"]
        return super().search_basic({**body, "条件": kept}, arguments, request)


class BlankRefused(DriverService):
    """Another reading of R006: 未入力 is no condition the vendor offers (400), its persons with blank items are
    found by the items they have."""

    def search_basic(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: object) -> Answer:
        if any(c.get("未入力") for c in body.get("条件") or []):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "未入力 is not offered"}
        return super().search_basic(body, arguments, request)


def test_a_key_not_searched_by_is_found_and_a_refused_blank_is_the_other_reading() -> None:
    with reference_target(vendor=SexIgnored) as target:
        assert found(target, 1) == [("search.basic.not_selective", WHERE + "性別")]
    with reference_target(vendor=BlankRefused) as target:
        assert judge(target, 6) == []


def test_an_adapter_without_the_operation_is_not_automated() -> None:
    with reference_target(operations=["fixtures.persons", "search.basic"]) as target:
        assert judge(target, 4) == []
        with pytest.raises(NotAutomated, match=r"ex_officio\.correct, moves\.within"):
            judge(target, 5)
    with reference_target(operations=["fixtures.persons"]) as target, \
            pytest.raises(NotAutomated, match=r"search\.basic"):
        judge(target, 8)


# -- 2.1.2 R013-R017 異体字 (domains/jumin/scenarios/itaiji.py) ----------------------------------------------

ITAIJI = {13: {"rule": "both"}, 15: {"rule": "seiji", "char": "辺"}, 16: {"rule": "seiji", "char": "浜"},
          17: {"rule": "seiji", "char": "藤"}}
KANJI = "GET /driver/v1/search/kanji#"


def itaiji(target: Target, number: int) -> list[tuple[str, str]]:
    requirement = EDITION.requirement(f"jumin-1.0-2.1.2-R{number:03d}")
    return [(f.code, f.location) for f in itaiji_search(CheckContext(requirement, ITAIJI[number], target))]


@pytest.mark.parametrize(("defect", "expected"), [
    (None, {}),
    ("search_kanji_no_variants", {13: [("search.itaiji.not_found", KANJI + "辺→邊")],
                                  15: [("search.itaiji.not_found", KANJI + "辺→邊")],
                                  16: [("search.itaiji.not_found", KANJI + "浜→濱")],
                                  17: [("search.itaiji.not_found", KANJI + "藤→䕨")]}),
    ("search_kanji_one_way", {13: [("search.itaiji.not_found", KANJI + "邊→辺")]}),
])
def test_the_itaiji_search_finds_each_variant_and_each_defect_fails_its_rules(
        defect: str | None, expected: Mapping[int, list[tuple[str, str]]]) -> None:
    with reference_target(frozenset({defect}) if defect else frozenset()) as target:
        assert {number: itaiji(target, number) for number in ITAIJI} == {
            number: expected.get(number, []) for number in ITAIJI}


class FirstCharacterIgnored(DriverService):
    """A defect: the 氏名 search drops the first character, so 辺… finds 濱… too."""

    def search_kanji(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: Any) -> Answer:
        wanted = str(request.param("氏名") or "")[1:]
        rows = [row for row in self.store.current() if row.get("氏名", "")[1:] == wanted]
        return 200, {"result": "ok", "persons": [{"宛名番号": row["宛名番号"]} for row in rows]}


def test_another_character_found_and_an_adapter_without_the_operation() -> None:
    with reference_target(vendor=FirstCharacterIgnored) as target:
        assert itaiji(target, 13) == [("search.itaiji.other_found", KANJI + "辺→浜")]
    with reference_target(operations=["fixtures.persons", "search.basic"]) as target, \
            pytest.raises(NotAutomated, match=r"search\.kanji.*R019"):
        itaiji(target, 15)
