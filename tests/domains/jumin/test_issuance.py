"""1.3.8 交付履歴 (domains/jumin/scenarios/issuance.py) against the reference: clean, every rule passes; with each
defect exactly its finding; variant vendors for the items the named defects do not break; a vendor whose
adapter lacks ``logs.issuances`` (or, for R010, ``issuances.dispose``) is NOT_AUTOMATED."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.issuance import issuance_history
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService
from tests.domains.jumin.test_access_log import EDITION, reference_target

#: The rule of each requirement (bindings.yaml).
RULES = {1: "entries", 2: "issued_at", 3: "place", 4: "person", 5: "kind", 6: "items", 7: "pages", 8: "number",
         9: "operator", 10: "disposal"}


def judge(target: Target, number: int) -> list[Finding]:
    requirement = EDITION.requirement(f"jumin-1.0-1.3.8-R{number:03d}")
    return list(issuance_history(CheckContext(requirement, {"rule": RULES[number]}, target)))


def found(target: Target, number: int) -> list[tuple[str, str]]:
    """(code, the part of the location after the 宛名番号: a new person's number each run)."""
    return [(f.code, f.location.split("#", 1)[1] if "#" in f.location else "") for f in judge(target, number)]


def test_the_clean_reference_records_every_item_of_each_certificate() -> None:
    with reference_target() as target:
        assert {number: judge(target, number) for number in RULES} == {number: [] for number in RULES}


def test_no_history_is_a_missing_entry_on_every_rule() -> None:
    with reference_target(frozenset({"issuance_history_missing"})) as target:
        assert {number: found(target, number) for number in RULES} == {
            number: [("issuance.entry_missing", "")] for number in RULES}


def test_the_certificates_of_a_japanese_and_of_a_foreign_resident_leave_entries_unless_none_is_kept() -> None:
    """1.1.1 R034 / 1.1.2 R058 (証明書の交付履歴 as an item of each 住民種別): the rule ``entries`` for each."""
    for rid, resident in (("jumin-1.0-1.1.1-R034", "japanese"), ("jumin-1.0-1.1.2-R058", "foreign")):
        params = {"rule": "entries", "resident": resident}
        with reference_target() as target:
            assert list(issuance_history(CheckContext(EDITION.requirement(rid), params, target))) == []
        with reference_target(frozenset({"issuance_history_missing"})) as target:
            findings = list(issuance_history(CheckContext(EDITION.requirement(rid), params, target)))
            assert [f.code for f in findings] == ["issuance.entry_missing"]


@pytest.mark.parametrize(("defect", "number", "expected"), [
    ("issuance_pages_wrong", 7, [("issuance.field_missing", f"{index}/枚数") for index in (1, 2, 3)]),
    ("issuance_no_terminal", 9, [("issuance.field_missing", f"{index}/端末名") for index in (1, 2, 3)]),
    ("issuance_disposal_ignored", 10, [("issuance.disposal_missing", "1/処分情報")]),
    # The 世帯連記式 copy (the third) names the person's 妻 too: recorded as about its first member, it lacks her.
    ("issuance_household_one_person", 4, [("issuance.field_missing", "3/交付対象者")]),
])
def test_each_defect_fails_its_item_only(defect: str, number: int, expected: list[tuple[str, str]]) -> None:
    with reference_target(frozenset({defect})) as target:
        assert found(target, number) == expected
        others = [other for other in RULES if other != number]
        assert {other: judge(target, other) for other in others} == {other: [] for other in others}


class SameKindAndItems(DriverService):
    """A defect: every entry records one 証明書の種別 and one 記載事項, whatever was issued; and no 交付場所."""

    def get_issuances(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().get_issuances(body, arguments, request)
        for entry in document["entries"]:
            entry.update({"証明書の種別": "証明書", "記載事項": ["氏名"], "交付場所": ""})
        return status, document


class OtherPersonAndNumber(DriverService):
    """A defect: the 交付対象者 is the requester's number, the 発行番号 another one, the 交付年月日時 a local time."""

    def get_issuances(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().get_issuances(body, arguments, request)
        for entry in document["entries"]:
            entry.update({"交付対象者": ["0000000019"], "発行番号": "999", "交付年月日時": entry["交付年月日時"][:19]})
        return status, document


def test_one_kind_and_one_set_of_items_for_different_certificates_are_found() -> None:
    with reference_target(vendor=SameKindAndItems) as target:
        assert found(target, 5) == [("issuance.field_same", "3/証明書の種別")]
        assert found(target, 6) == [("issuance.field_same", "2/記載事項")]
        assert found(target, 3) == [("issuance.field_missing", f"{index}/交付場所") for index in (1, 2, 3)]


def test_another_person_number_and_time_are_found() -> None:
    with reference_target(vendor=OtherPersonAndNumber) as target:
        assert found(target, 4) == [("issuance.field_missing", f"{index}/交付対象者") for index in (1, 2, 3)]
        assert found(target, 8) == [("issuance.field_missing", f"{index}/発行番号") for index in (1, 2, 3)]
        assert found(target, 2) == [("issuance.field_missing", f"{index}/交付年月日時") for index in (1, 2, 3)]


def test_an_adapter_without_the_history_or_the_disposal_is_not_automated() -> None:
    with reference_target(operations=["fixtures.persons", "logs.issuances"]) as target:
        assert judge(target, 1) == []
        with pytest.raises(NotAutomated, match=r"issuances\.dispose"):
            judge(target, 10)
    with reference_target(operations=["fixtures.persons"]) as target, \
            pytest.raises(NotAutomated, match=r"logs\.issuances"):
        judge(target, 1)
