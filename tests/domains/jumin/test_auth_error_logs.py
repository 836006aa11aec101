"""10.2 認証ログ, エラーログ and ログの分析 (domains/jumin/scenarios/auth_log.py, error_log.py, access_log.py's
``jumin.logs.searches``) against the reference: clean, every rule passes; with each defect exactly its
finding; a profile without a token endpoint or without the log's operation is NOT_AUTOMATED; no secret,
right or wrong, reaches a log entry or a finding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conformance import secrets
from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.access_log import person_searches
from conformance.domains.jumin.scenarios.auth_log import auth_log
from conformance.domains.jumin.scenarios.error_log import error_log
from conformance.embedded import reference_environ, start_reference
from conformance.findings import Finding
from conformance.profiles import ApiTarget, Auth, DriverTarget, OAuth2ClientCredentials
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient
from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET

EDITION = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "jumin" / "1.0")
AUTH = Auth(env="LOGS_TEST_SECRET", oauth2=OAuth2ClientCredentials(token_url="/oauth2/token",
                                                                   client_id_env="LOGS_TEST_CLIENT"))
#: The rule of jumin.logs.auth each requirement is bound with (bindings.yaml).
AUTH_RULES = {"R007": "entries", "R008": "fields", "R025": "failures", "R026": "counts"}


@contextmanager
def reference_target(*defects: str, auth: Auth | None = AUTH, operations: Any = "all") -> Iterator[Target]:
    with start_reference(defects=frozenset(defects)) as running:
        http = RequestsHttpClient(ApiTarget(base_url=running.url, auth=auth), base_url=running.url,
                                  environ=reference_environ(auth, {}) if auth is not None else {})
        try:
            yield Target(catalog=EDITION, http=http, driver=DriverTarget(operations=operations), seed=1)
        finally:
            http.close()


def judge_auth(target: Target, requirement: str) -> list[Finding]:
    context = CheckContext(EDITION.requirement(f"jumin-1.0-10.2-{requirement}"), {"rule": AUTH_RULES[requirement]},
                           target)
    return list(auth_log(context))


def judge_errors(target: Target, rule: str) -> list[Finding]:
    requirement = EDITION.requirement("jumin-1.0-10.2-R018" if rule == "fields" else "jumin-1.0-10.2-R017")
    return list(error_log(CheckContext(requirement, {"rule": rule}, target)))


def brief(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    """Code, the location without the 宛名番号 (a new person's each run), expected and actual."""
    return [(f.code, re.sub(r"[?&]宛名番号=[0-9]+", "", f.location), f.expected, f.actual) for f in findings]


def test_the_clean_reference_logs_every_login_and_analyses_them() -> None:
    with reference_target() as target:
        found = {requirement: judge_auth(target, requirement) for requirement in AUTH_RULES}
    assert found == {requirement: [] for requirement in AUTH_RULES}


def test_failed_logins_left_out_fail_the_log_its_error_count_and_the_failure_list() -> None:
    with reference_target("authlog_failures_missing") as target:
        found = {requirement: brief(judge_auth(target, requirement)) for requirement in AUTH_RULES}
    assert found == {
        "R007": [("logs.login_missing", "GET /driver/v1/logs/auth", "3", "1")],
        "R008": [("logs.login_count", "GET /driver/v1/logs/auth#失敗", "2", "0")],
        "R025": [("logs.analysis_differs", "GET /driver/v1/logs/analysis?種類=ログイン失敗一覧", ">= 2", "0")],
        "R026": []}


def test_a_search_by_id_that_answers_the_other_ids_fails_the_log_and_its_error_count() -> None:
    """The 認証ログ is read through the protocol's 利用者ID (10.2 R019's 検索): a search answering every other ID
    shows none of the check's logins."""
    with reference_target("authlog_search_inverted") as target:
        found = {requirement: brief(judge_auth(target, requirement)) for requirement in AUTH_RULES}
    assert found == {
        "R007": [("logs.login_missing", "GET /driver/v1/logs/auth", "3", "0")],
        "R008": [("logs.login_count", "GET /driver/v1/logs/auth#失敗", "2", "0"),
                 ("logs.login_count", "GET /driver/v1/logs/auth#成功", "1", "0")],
        "R025": [], "R026": []}


def test_entries_without_their_result_fail_only_the_error_count() -> None:
    with reference_target("authlog_no_result") as target:
        entries, fields = judge_auth(target, "R007"), judge_auth(target, "R008")
    assert entries == []
    assert brief(fields) == [
        *(("logs.field_missing", f"GET /driver/v1/logs/auth#{index}/結果", "成功 or 失敗", "absent")
          for index in (1, 2, 3)),
        ("logs.login_count", "GET /driver/v1/logs/auth#失敗", "2", "0"),
        ("logs.login_count", "GET /driver/v1/logs/auth#成功", "1", "0")]


def test_a_failure_list_of_the_successes_and_a_count_of_distinct_ids_are_found() -> None:
    with reference_target("loganalysis_failures_inverted") as target:
        assert brief(judge_auth(target, "R025")) == [
            ("logs.analysis_differs", "GET /driver/v1/logs/analysis?種類=ログイン失敗一覧", ">= 2", "1")]
        assert judge_auth(target, "R026") == []
    with reference_target("loganalysis_counts_distinct") as target:
        assert brief(judge_auth(target, "R026")) == [
            ("logs.analysis_differs", "GET /driver/v1/logs/analysis?種類=ID別ログイン数一覧#ログイン数", ">= 1", "0")]
        assert judge_auth(target, "R025") == []


def test_no_token_endpoint_or_no_log_operation_is_not_automated() -> None:
    with reference_target(auth=None) as target, pytest.raises(NotAutomated, match="no OAuth2 token endpoint"):
        judge_auth(target, "R007")
    with reference_target(operations=("fixtures.persons",)) as target, pytest.raises(NotAutomated, match=r"logs\.auth"):
        judge_auth(target, "R008")


def test_no_secret_reaches_the_log_or_a_finding() -> None:
    with reference_target("authlog_no_result") as target:
        findings = judge_auth(target, "R008")
        assert target.http is not None
        log = target.http.request("get", "/driver/v1/logs/auth").body.decode()
        wrong = target.http.login(False)  # type: ignore[attr-defined]
    assert wrong.status == 401 and wrong.client_id == CLIENT_ID and CLIENT_ID in log
    assert CLIENT_SECRET not in log and "wrong-" not in log
    assert not any(secrets.leaks(repr(finding)) for finding in findings)


def test_the_clean_reference_logs_the_error_with_its_code() -> None:
    with reference_target() as target:
        assert judge_errors(target, "entries") == [] and judge_errors(target, "fields") == []


def test_no_error_log_and_an_error_log_without_the_code_are_found() -> None:
    with reference_target("errorlog_missing") as target:
        found = [brief(judge_errors(target, rule)) for rule in ("entries", "fields")]
    assert found == [[("logs.error_missing", "GET /driver/v1/logs/errors", "E001", "no entry")]] * 2
    with reference_target("errorlog_no_code") as target:
        assert judge_errors(target, "entries") == []
        assert brief(judge_errors(target, "fields")) == [
            ("logs.field_differs", "GET /driver/v1/logs/errors#E001/エラーコード", "E001", "absent")]


def test_an_adapter_without_the_error_log_is_not_automated() -> None:
    with reference_target(operations=("fixtures.persons", "moves.within")) as target, \
            pytest.raises(NotAutomated, match=r"logs\.errors"):
        judge_errors(target, "entries")


def judge_searches(target: Target) -> list[Finding]:
    return list(person_searches(CheckContext(EDITION.requirement("jumin-1.0-10.2-R028"), {}, target)))


def test_the_person_search_list_holds_the_harness_query_unless_it_lists_only_changes() -> None:
    with reference_target() as target:
        assert judge_searches(target) == []
    with reference_target("loganalysis_searches_only_changes") as target:
        found = judge_searches(target)
    assert brief(found) == [("logs.analysis_differs", "GET /driver/v1/logs/analysis?種類=該当者の検索実行一覧",
                             "an entry during the check", "0 entries, none during the check")]


def test_the_person_search_list_dated_nine_hours_late_is_reported() -> None:
    """Issue 67: the 操作ログ's 日時 Japan's wall clock labelled UTC (oplog_clock_jst_as_utc) shows the harness's
    照会 nine hours after the check in the 該当者の検索実行一覧."""
    with reference_target("oplog_clock_jst_as_utc") as target:
        found = judge_searches(target)
    assert brief(found) == [("logs.analysis_differs", "GET /driver/v1/logs/analysis?種類=該当者の検索実行一覧",
                             "an entry during the check", "1 entries, none during the check")]
