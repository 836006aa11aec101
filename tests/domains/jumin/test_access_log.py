"""10.2 操作ログ (domains/jumin/scenarios/access_log.py) against the reference: clean, each rule passes; with
each defect exactly its finding; a vendor whose adapter lacks ``logs.operations`` is NOT_AUTOMATED."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.access_log import operation_log, person_searches, print_log, setting_log
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.profiles import ApiTarget, DriverTarget
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "jumin" / "1.0")
ENTRIES, FIELDS = "jumin-1.0-10.2-R004", "jumin-1.0-10.2-R006"


@contextmanager
def reference_target(defects: frozenset[str] = frozenset(), vendor: type[DriverService] | None = None,
                     operations: Any = "all") -> Iterator[Target]:
    with start_reference(defects=defects) as running:
        if vendor is not None:
            running.app.driver = vendor(running.store, defects)
        http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        yield Target(catalog=EDITION, http=http, driver=DriverTarget(operations=operations), seed=1)


def judge(target: Target, requirement: str) -> list[Finding]:
    rule = "fields" if requirement == FIELDS else "entries"
    return list(operation_log(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def where(finding: Finding) -> str:
    """The part of the location after the 宛名番号 (a new person's number each run)."""
    return finding.location.split("#", 1)[1]


def test_the_clean_reference_logs_both_operations_with_every_field() -> None:
    with reference_target() as target:
        assert judge(target, ENTRIES) == [] and judge(target, FIELDS) == []


def test_a_log_without_queries_misses_the_query_entry_on_both_rules() -> None:
    with reference_target(frozenset({"oplog_queries_missing"})) as target:
        entries, fields = judge(target, ENTRIES), judge(target, FIELDS)
    assert [(f.code, where(f), f.actual) for f in entries] == [("logs.entry_missing", "照会", "異動入力（履歴追加）")]
    assert entries[0].location.startswith("GET /driver/v1/logs/operations?宛名番号=")
    # No entry records R006's fields either; the 転居's entry records every one.
    assert [(f.code, where(f)) for f in fields] == [("logs.entry_missing", "照会")]


def test_entries_without_an_operator_fail_r006_on_that_field() -> None:
    with reference_target(frozenset({"oplog_no_operator"})) as target:
        entries, fields = judge(target, ENTRIES), judge(target, FIELDS)
    assert entries == []
    assert [(f.code, where(f), f.actual) for f in fields] == [
        ("logs.field_missing", "照会/操作者ID", "absent"),
        ("logs.field_missing", "異動入力（履歴追加）/操作者ID", "absent")]


class LocalTimeLog(DriverService):
    """A defect: the 日時 of each entry has no offset (a local time no reader can place)."""

    def get_operation_log(self, body: Mapping[str, Any], arguments: tuple[str, ...],
                          request: DriverRequest) -> Answer:
        status, document = super().get_operation_log(body, arguments, request)
        for entry in document["entries"]:
            entry["日時"] = entry["日時"][:19]
        return status, document


class FlatLog(DriverService):
    """A defect: the log answers its entries as text lines, not objects."""

    def get_operation_log(self, body: Mapping[str, Any], arguments: tuple[str, ...],
                          request: DriverRequest) -> Answer:
        status, document = super().get_operation_log(body, arguments, request)
        return status, {**document, "entries": [str(entry) for entry in document["entries"]]}


def test_a_time_without_its_offset_is_a_field_finding_and_a_flat_log_is_unreadable() -> None:
    with reference_target(vendor=LocalTimeLog) as target:
        fields = judge(target, FIELDS)
    assert [(f.code, where(f), f.actual) for f in fields] == [
        ("logs.field_missing", "照会/日時", "another value"),
        ("logs.field_missing", "異動入力（履歴追加）/日時", "another value")]
    with reference_target(vendor=FlatLog) as target:
        assert [f.code for f in judge(target, ENTRIES)] == ["logs.unreadable"]


def test_an_adapter_without_the_log_operation_is_not_automated() -> None:
    with reference_target(operations=("fixtures.persons", "query.person", "moves.within")) as target, \
            pytest.raises(NotAutomated, match=r"logs\.operations"):
        judge(target, ENTRIES)


PRINTED, PRINT_FIELDS = "jumin-1.0-10.2-R013", "jumin-1.0-10.2-R014"


def judge_prints(target: Target, requirement: str) -> list[Finding]:
    rule = "fields" if requirement == PRINT_FIELDS else "entries"
    return list(print_log(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def test_the_clean_reference_logs_each_printed_form_as_printed() -> None:
    with reference_target() as target:
        assert judge_prints(target, PRINTED) == [] and judge_prints(target, PRINT_FIELDS) == []


def test_no_print_log_is_a_missing_entry_on_both_rules() -> None:
    with reference_target(frozenset({"printlog_missing"})) as target:
        findings = [judge_prints(target, PRINTED), judge_prints(target, PRINT_FIELDS)]
    assert [[(f.code, f.expected, f.actual) for f in found] for found in findings] == [
        [("logs.print_missing", "2", "0")], [("logs.print_missing", "2", "0")]]


def test_a_wrong_page_count_is_found_on_each_entry() -> None:
    with reference_target(frozenset({"printlog_pages_wrong"})) as target:
        assert judge_prints(target, PRINTED) == []
        fields = judge_prints(target, PRINT_FIELDS)
    assert [(f.code, where(f), f.expected, f.actual) for f in fields] == [
        ("logs.field_differs", "1/枚数", "1", "2"), ("logs.field_differs", "2/枚数", "1", "2")]


class NumberlessPrintLog(DriverService):
    """A defect: the 印刷ログ records every form as printing the 個人番号, and no 発行番号."""

    def get_print_log(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().get_print_log(body, arguments, request)
        for entry in document["entries"]:
            entry.update({"個人番号の出力の有無": True, "発行番号": ""})
        return status, document


def test_a_log_that_says_the_number_was_printed_when_omitted_is_found() -> None:
    with reference_target(vendor=NumberlessPrintLog) as target:
        fields = judge_prints(target, PRINT_FIELDS)
    assert [(f.code, where(f), f.actual) for f in fields] == [
        ("logs.field_differs", "1/発行番号", "another value"),
        ("logs.field_differs", "2/個人番号の出力の有無", "true"), ("logs.field_differs", "2/発行番号", "another value")]


KARI, TAMPER = "jumin-1.0-10.2-R005", "jumin-1.0-10.2-R020"


def judge_rule(target: Target, requirement: str, rule: str) -> list[Finding]:
    return list(operation_log(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def test_the_clean_reference_logs_a_kari_toroku_and_its_honto_roku_and_refuses_a_deletion() -> None:
    with reference_target() as target:
        assert judge_rule(target, KARI, "kari") == [] and judge_rule(target, TAMPER, "tamper") == []


def test_a_log_written_with_the_history_misses_the_kari_toroku() -> None:
    with reference_target(frozenset({"oplog_kari_missing"})) as target:
        findings = judge_rule(target, KARI, "kari")
        assert judge_rule(target, TAMPER, "tamper") == []
    assert [(f.code, where(f), f.actual) for f in findings] == [("logs.entry_missing", "仮登録", "0 new entries")]


def test_a_writable_log_and_a_rotated_log_fail_r020() -> None:
    with reference_target(frozenset({"oplog_writable"})) as target:
        writable = judge_rule(target, TAMPER, "tamper")
    # The deleted entry is gone afterwards too.
    assert [(f.code, f.location.split("?")[0]) for f in writable] == [
        ("logs.writable", "POST /driver/v1/logs/operations/modify"),
        ("logs.entry_altered", "GET /driver/v1/logs/operations")]
    with reference_target(frozenset({"oplog_rotated"})) as target:
        rotated = judge_rule(target, TAMPER, "tamper")
        assert judge_rule(target, ENTRIES, "entries") == []
    assert [(f.code, where(f)) for f in rotated] == [("logs.entry_altered", "1")]


def test_an_adapter_without_logs_modify_is_not_automated_for_r020() -> None:
    with reference_target(operations=("fixtures.persons", "query.person", "query.history", "moves.within",
                                      "logs.operations")) as target, pytest.raises(NotAutomated, match=r"logs\.modify"):
        judge_rule(target, TAMPER, "tamper")


SETTING, SETTING_FIELDS = "jumin-1.0-10.2-R015", "jumin-1.0-10.2-R016"


def judge_settings(target: Target, requirement: str) -> list[Finding]:
    rule = "fields" if requirement == SETTING_FIELDS else "entries"
    return list(setting_log(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def test_the_clean_reference_logs_a_user_registered_with_who_when_and_what() -> None:
    with reference_target() as target:
        assert judge_settings(target, SETTING) == [] and judge_settings(target, SETTING_FIELDS) == []


def test_no_setting_log_and_a_log_without_its_operator() -> None:
    with reference_target(frozenset({"settinglog_missing"})) as target:
        missing = judge_settings(target, SETTING_FIELDS)
    assert [f.code for f in missing] == ["logs.setting_missing"]
    with reference_target(frozenset({"settinglog_no_operator"})) as target:
        assert judge_settings(target, SETTING) == []
        fields = judge_settings(target, SETTING_FIELDS)
    assert [(f.code, where(f), f.actual) for f in fields] == [("logs.field_missing", "1/操作者ID", "absent")]


def test_the_setting_log_names_the_session_user_and_never_the_password() -> None:
    from conformance_reference.jumin.oplog import OperationLog

    log = OperationLog()
    body = {"利用者ID": "u1", "パスワード": "Pw-secret", "操作権限": ["照会"]}
    log.record("users_create", body, (), (200, {"result": "ok"}), "admin1")
    log.record("users_create", {**body, "利用者ID": "u2"}, (), (422, {"result": "error"}), "admin1")
    assert [(e["操作者ID"], e["対象"]) for e in log.read_settings(None)] == [("admin1", "u1")]
    assert "Pw-secret" not in repr(log.settings)


def judge_analysis_file(target: Target) -> list[Finding]:
    requirement = EDITION.requirement("jumin-1.0-10.2-R022")
    return list(person_searches(CheckContext(requirement, {"rule": "file"}, target)))


def test_the_analysis_as_a_csv_file_holds_its_rows() -> None:
    with reference_target() as target:
        assert judge_analysis_file(target) == []
    with reference_target(frozenset({"loganalysis_file_header_only"})) as target:
        findings = judge_analysis_file(target)
    assert [(f.code, f.expected, f.actual) for f in findings] == [("logs.file_differs", "1 rows", "0 rows")]
