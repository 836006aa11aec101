"""9.2 抑止対象者一覧 (domains/jumin/scenarios/suppressed.py) against the reference: clean it passes; members left
out and a person with no 抑止 listed are each found; without the operation it is NOT_AUTOMATED."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.suppressed import must_list, never_suppressed, suppressed_list
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.profiles import ApiTarget, DriverTarget
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import default_town
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "jumin" / "1.0")
TOWN = tuple(default_town())


@contextmanager
def reference_target(defects: frozenset[str] = frozenset(), vendor: type[DriverService] | None = None,
                     operations: Any = "all") -> Iterator[Target]:
    with start_reference(defects=defects) as running:
        if vendor is not None:
            running.app.driver = vendor(running.store, defects)
        http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        yield Target(catalog=EDITION, http=http, driver=DriverTarget(operations=operations), data=TestData(rows=TOWN))


def judge(target: Target) -> list[Finding]:
    return list(suppressed_list(CheckContext(EDITION.requirement("jumin-1.0-9.2-R001"), {}, target)))


def test_the_clean_reference_lists_every_protected_resident() -> None:
    with reference_target() as target:
        assert judge(target) == []


def test_who_must_and_who_must_not_be_listed() -> None:
    protected = {"住民状態": "1", "支援措置対象フラグ": "1", "支援措置_開始年月日": "2020-01-01",
                 "支援措置_終了年月日": ""}
    assert must_list(protected, "2026-11-24") and not must_list({**protected, "住民状態": "2"}, "2026-11-24")
    assert not must_list({**protected, "支援措置_終了年月日": "2026-11-23"}, "2026-11-24")
    assert must_list({**protected, "支援措置_終了年月日": "2026-11-24"}, "2026-11-24")
    assert never_suppressed({"支援措置対象フラグ": "0"}) and not never_suppressed({"支援措置_開始年月日": "2020-01-01"})


def test_a_list_of_heads_only_misses_the_protected_members() -> None:
    with reference_target(frozenset({"suppressed_list_heads_only"})) as target:
        findings = judge(target)
    assert [(f.code, f.expected, f.actual) for f in findings] == [("suppressed.missing", "listed", "not listed")]
    member = findings[0].location.split("#")[1]
    assert next(row for row in TOWN if row["宛名番号"] == member)["続柄"] != "世帯主"


class EveryoneSuppressed(DriverService):
    """A defect: the list names every person of the town."""

    def list_suppressed(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        return 200, {"result": "ok", "persons": [{"宛名番号": row["宛名番号"]} for row in TOWN]}


def test_a_list_of_everyone_names_a_person_with_no_suppression() -> None:
    with reference_target(vendor=EveryoneSuppressed) as target:
        findings = judge(target)
    assert [(f.code, f.location.split("#")[0]) for f in findings] == [
        ("suppressed.extra", "GET /driver/v1/lists/suppressed")]


def test_an_adapter_without_the_operation_is_not_automated() -> None:
    with reference_target(operations=("query.person",)) as target, \
            pytest.raises(NotAutomated, match=r"lists\.suppressed"):
        judge(target)
