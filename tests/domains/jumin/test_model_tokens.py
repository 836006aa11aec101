"""The fixed example ``tokens`` of the model's state machine: 共通機能's 付番 API in sessions of its own, each request a
transition of the model's registry (conformance/domains/jumin/oracles/model/tokens.py), and 住民記録 10.2's 認証ログ of
its logins. The clean reference passes; each named defect of the API's sessions is reported with its exact finding
(requirement, code, item, step), by the example alone (the checks of 共通機能 log in once and send one token)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.domains.jumin.model.check import session_of, state_machine
from conformance.domains.jumin.model.steps import ModelBreach, Session
from conformance.domains.jumin.model.tokens import tokens
from conformance.domains.jumin.oracles.model import tokens as t
from conformance.domains.kyotsu import checks as kyotsu
from conformance.embedded import reference_environ
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, Auth, DriverTarget, OAuth2ClientCredentials
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.targets.wsgi import IN_PROCESS, in_process
from conformance_reference.app import API_PREFIX

AUTH = Auth(env="MODEL_TOKENS_SECRET", oauth2=OAuth2ClientCredentials(token_url="/oauth2/token",
                                                                       client_id_env="MODEL_TOKENS_CLIENT"))
JUMIN = load_edition(default_catalog_root() / "jumin" / "1.0")
KYOTSU = load_edition(default_catalog_root() / "kyotsu" / "2.1")


@contextmanager
def reference(defects: frozenset[str] = frozenset(), catalog: Any = JUMIN) -> Iterator[Target]:
    """The reference in this process and a target over it whose client logs in at its token endpoint."""
    with started_in_process(defects) as running:
        base = IN_PROCESS + API_PREFIX
        http = RequestsHttpClient(ApiTarget(base_url=base, auth=AUTH), base_url=base, adapters=in_process(running.app),
                                  environ=reference_environ(AUTH, {}))
        try:
            yield Target(catalog=catalog, http=http, driver=DriverTarget(operations="all"), seed=1, max_examples=1,
                         shrink=False, every_breach=False)
        finally:
            http.close()


@contextmanager
def reference_with_town(defects: frozenset[str] = frozenset(),
                        vendor: Callable[[Any], None] | None = None) -> Iterator[Target]:
    """As :func:`reference`, the target holding the loaded town's rows (the residents' 宛名番号 the API must refuse);
    ``vendor`` changes the reference's 付番 API first (a vendor of another behaviour)."""
    with started_in_process(defects) as running:
        if vendor is not None:
            vendor(running.app.jutogai)
        base = IN_PROCESS + API_PREFIX
        http = RequestsHttpClient(ApiTarget(base_url=base, auth=AUTH), base_url=base, adapters=in_process(running.app),
                                  environ=reference_environ(AUTH, {}))
        rows = tuple(dict(row) for row in running.store.current()[:3])
        try:
            yield Target(catalog=JUMIN, http=http, driver=DriverTarget(operations="all"), seed=1, max_examples=1,
                         shrink=False, every_breach=False, data=TestData(rows=rows))
        finally:
            http.close()


def alone(defects: frozenset[str] = frozenset(), *, town: bool = False,
          vendor: Callable[[Any], None] | None = None, refused: bool = True) -> Session:
    with (reference_with_town(defects, vendor) if town else reference(defects)) as target:
        session = session_of(target)
        with contextlib.suppress(ModelBreach):
            tokens(session, refused=refused)
        return session


def test_the_clean_reference_s_sessions_pass_and_exercise_the_rules() -> None:
    session = alone()
    assert session.failures == []
    assert {t.REGISTERED, t.UNAUTHORIZED, t.KUBUN, t.UNIQUE, t.UNIQUE_ITEM, t.AUTH_LOG,
            t.AUTH_LOG_FIELDS} <= session.exercised


@pytest.mark.parametrize(("defect", "breaches", "step"), [
    # The token a login by another grant got is taken (step 11: the third refused request, after none and unknown; the
    # login with a wrong secret gave none).
    ("jutogai_other_grant_token", [(t.UNAUTHORIZED, "model.jutogai_unauthorized_taken", "/status")], 11),
    # The four refused requests registered all the same: session A's 処理区分 2 gets 履歴番号 3 + 2 (two were 401s
    # naming its number that the reference registered; the wrong grant's login gave no token).
    ("jutogai_unauthorized_registers",
     [(t.UNAUTHORIZED, "model.jutogai_refused_registered", "/result/0/rirekibango")], 11),
    # Session B's 付番依頼 gets session A's number again.
    ("jutogai_serial_per_token", [(t.UNIQUE, "model.jutogai_number_reused", "/result/0/atenabango"),
                                  (t.UNIQUE_ITEM, "model.jutogai_number_reused", "/result/0/atenabango")], 5),
    # Session B's 処理区分 1 of A's number counts from 1 again.
    ("jutogai_history_per_token", [(t.KUBUN, "model.jutogai_history_number", "/result/0/rirekibango")], 6),
    # The earlier defects of the API are caught here too.
    ("jutogai_no_auth", [(t.UNAUTHORIZED, "model.jutogai_unauthorized_taken", "/status")], 9),
    ("jutogai_kubun_ignored", [(t.KUBUN, "model.jutogai_number_not_kept", "/result/0/atenabango")], 6),
    ("jutogai_number_reissued", [(t.UNIQUE, "model.jutogai_number_reused", "/result/0/atenabango"),
                                 (t.UNIQUE_ITEM, "model.jutogai_number_reused", "/result/0/atenabango")], 5),
])
def test_a_defect_of_the_api_s_sessions_is_reported_at_its_step(defect: str, breaches: list[tuple[str, str, str]],
                                                                step: int) -> None:
    session = alone(frozenset({defect}))
    steps, failure = session.failures[-1]
    assert [(b.requirement, b.code, b.item) for b in failure.breaches] == breaches
    assert len(steps) == step


def test_the_refused_registration_shows_how_far_the_count_grew() -> None:
    steps, failure = alone(frozenset({"jutogai_unauthorized_registers"})).failures[-1]
    assert (failure.breaches[0].expected, failure.breaches[0].actual) == ("3", "5")
    assert steps[-1].startswith("11. 付番API session A: 処理区分 2")


CHECKS: list[tuple[Any, dict[str, Any]]] = [
    (kyotsu.registered, {}), (kyotsu.unauthorized, {}), (kyotsu.processing_kind, {}),
    (kyotsu.unique_number, {"count": 5}),
]


@pytest.mark.parametrize("defect", ["jutogai_other_grant_token", "jutogai_unauthorized_registers",
                                    "jutogai_serial_per_token", "jutogai_history_per_token"])
def test_no_check_of_the_api_catches_the_defects_only_the_sessions_show(defect: str) -> None:
    with reference(frozenset({defect}), KYOTSU) as target:
        requirement = next(r for r in KYOTSU.requirements if r.id == t.REGISTERED)
        for check, params in CHECKS:
            assert list(check(CheckContext(requirement=requirement, params=params, target=target))) == [], check


def test_the_check_on_the_kyotsu_edition_runs_the_sessions_alone_and_reports_their_finding() -> None:
    with reference(frozenset({"jutogai_history_per_token"}), KYOTSU) as target:
        requirement = next(r for r in KYOTSU.requirements if r.id == t.KUBUN)
        findings = list(state_machine(CheckContext(requirement=requirement, params={}, target=target)))
        other = next(r for r in KYOTSU.requirements if r.id == t.UNAUTHORIZED)
        assert list(state_machine(CheckContext(requirement=other, params={}, target=target))) == []
    assert [(f.code, f.location) for f in findings] == [
        ("model.jutogai_history_number", "model:jumin/step:6#/result/0/rirekibango")]
    assert (findings[0].expected, findings[0].actual) == ("2", "1")


def test_a_401_answered_without_the_api_s_body_is_reported_against_o003() -> None:
    registry = t.Registry({"good": True})
    expect = t.expected(registry, None, {"shorikubun": "0"})
    assert isinstance(expect, t.Refused) and expect.status == 401
    assert t.judge_refused(expect, 401, {"detail": t.DETAIL_401}) == []
    assert [(b.requirement, b.code) for b in t.judge_refused(expect, 401, {"error": "invalid_token"})] == [
        (t.UNAUTHORIZED, "model.jutogai_refusal_body")]


def test_a_number_the_api_never_issued_is_refused_and_a_count_off_by_other_than_refusals_is_o004() -> None:
    registry = t.Registry({"good": True}, {"9000000001": 1})
    refused = t.expected(registry, "good", {"shorikubun": "2", "atenabango": "0000000019"})
    assert isinstance(refused, t.Refused) and (refused.status, refused.requirement) == (400, t.KUBUN)
    assert [b.code for b in t.judge_refused(refused, 200, {})] == ["model.jutogai_not_issued_taken"]
    again = t.expected(registry, "good", {"shorikubun": "1", "atenabango": "9000000001"})
    assert again == t.Registers("9000000001", 2)
    answer = {"result": [{"atenabango": "9000000001", "rirekibango": 4}]}
    breaches, _ = t.judge_registered(registry, again, 200, answer, ())
    assert [(b.requirement, b.code) for b in breaches] == [(t.KUBUN, "model.jutogai_history_number")]


def test_a_new_number_registered_before_for_another_client_is_a_reused_number() -> None:
    """A 付番依頼 answered with a 履歴番号 above 1: the number had registrations the model did not see (another
    client's, the checks' of 共通機能 in a run): a number issued before (O007, 03100001-R001), not a miscount."""
    registry = t.Registry({"good": True})
    expect = t.expected(registry, "good", {"shorikubun": "0"})
    assert expect == t.Registers(None, 1)
    breaches, _ = t.judge_registered(registry, expect, 200, {"result": [{"atenabango": "9000000001",
                                                                          "rirekibango": 3}]}, ())
    assert [(b.requirement, b.code) for b in breaches] == [(t.UNIQUE, "model.jutogai_number_reused"),
                                                           (t.UNIQUE_ITEM, "model.jutogai_number_reused")]


@pytest.mark.parametrize(("defect", "breaches"), [
    # The failed login is not logged: fewer entries than logins, and no 失敗.
    ("authlog_failures_missing", [(t.AUTH_LOG, "model.auth_log_missing", "driver:/logs/auth"),
                                  (t.AUTH_LOG_FIELDS, "model.auth_log_result", "driver:/logs/auth#失敗")]),
    # Entries without their 結果: neither 成功 nor 失敗 counted.
    ("authlog_no_result", [(t.AUTH_LOG_FIELDS, "model.auth_log_result", "driver:/logs/auth#成功"),
                           (t.AUTH_LOG_FIELDS, "model.auth_log_result", "driver:/logs/auth#失敗")]),
])
def test_a_defect_of_the_auth_log_is_reported_after_the_sessions(defect: str,
                                                                  breaches: list[tuple[str, str, str]]) -> None:
    steps, failure = alone(frozenset({defect})).failures[-1]
    assert [(b.requirement, b.code, b.item) for b in failure.breaches] == breaches
    assert steps[-1].startswith("12. logs.auth")


def test_a_resident_s_number_under_kubun_1_or_2_must_be_refused() -> None:
    """With the town's residents known, 処理区分 1 and 2 naming a resident's 宛名番号 (no 既存住登外者宛名番号) are
    asked last: the clean reference refuses both (400)."""
    session = alone(town=True)
    assert session.failures == []
    assert t.KUBUN in session.exercised


def test_a_vendor_taking_kubun_2_with_a_number_it_never_issued_is_reported_against_o004() -> None:
    """The survivor ``_check_conditions__mutmut_35`` as a vendor: 処理区分 2 with a number the API never issued is
    registered (its E0004 dropped)."""
    def taking(service: Any) -> None:
        checked = service._check_conditions

        def conditions(parameters: Any) -> list[tuple[str, str]]:
            errors: list[tuple[str, str]] = checked(parameters)
            return [] if parameters.get("shorikubun") == "2" else errors
        service._check_conditions = conditions

    steps, failure = alone(town=True, vendor=taking).failures[-1]
    assert [(b.requirement, b.code, b.item) for b in failure.breaches] == [
        (t.KUBUN, "model.jutogai_not_issued_taken", "/status")]
    assert steps[-1].startswith("13. 付番API session A: 処理区分 2, a resident's")


def test_in_the_jumin_run_the_sessions_make_no_failed_login() -> None:
    """In 住民記録's run (``refused`` False) only the client's own logins are made: the run's failed logins stay the two
    of ``jumin.logs.auth``; the 認証ログ is judged on the successful ones, and the 401s on no token and a token never
    given."""
    session = alone(frozenset({"authlog_failures_missing"}), refused=False)
    assert session.failures == []
    assert {t.UNAUTHORIZED, t.AUTH_LOG, t.AUTH_LOG_FIELDS} <= session.exercised
    steps, _ = alone(frozenset({"authlog_no_result"}), refused=False).failures[-1]
    assert not any("wrong client secret" in step or "grant_type" in step for step in steps)
