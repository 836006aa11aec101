"""jumin.tokens.lifetime (conformance/domains/jumin/model/token_life.py): an access token of 共通機能's 付番 API is
taken within the life its endpoint gave it and refused after it, the driver's clock.advance moving the tokens'
clock. The clean reference passes; a token that never expires, a life cut short and a clock that kills every token
are each found with their exact finding; without the operation or a token endpoint it is NOT_AUTOMATED."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.model.token_life import LONGEST_LIFE, LONGEST_MOVE, NEAR_END, token_lifetime
from conformance.embedded import reference_environ
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, Auth, DriverTarget, OAuth2ClientCredentials
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient
from conformance.targets.wsgi import IN_PROCESS, in_process
from conformance_reference.app import API_PREFIX
from conformance_reference.kyotsu.jutogai import TOKEN_LIFETIME, JutogaiService

AUTH = Auth(env="TOKEN_LIFE_SECRET", oauth2=OAuth2ClientCredentials(token_url="/oauth2/token",
                                                                     client_id_env="TOKEN_LIFE_CLIENT"))
KYOTSU = load_edition(default_catalog_root() / "kyotsu" / "2.1")
REQUIREMENT = "kyotsu-2.1-0310001-O003"
WHERE = "POST /app_submit/v10/jutogaishaatenabangofuban"


@contextmanager
def reference(defects: frozenset[str] = frozenset(), *, auth: Auth | None = AUTH, operations: Any = "all",
              vendor: Callable[[Any], None] | None = None) -> Iterator[Target]:
    """The reference in this process and a 共通機能 target over it whose client logs in at its token endpoint."""
    with started_in_process(defects) as running:
        if vendor is not None:
            vendor(running.app)
        base = IN_PROCESS + API_PREFIX
        http = RequestsHttpClient(ApiTarget(base_url=base, auth=auth), base_url=base, adapters=in_process(running.app),
                                  environ=reference_environ(auth, {}) if auth is not None else {})
        try:
            yield Target(catalog=KYOTSU, http=http, driver=DriverTarget(operations=operations), seed=1)
        finally:
            http.close()


def judge(target: Target) -> list[Finding]:
    return list(token_lifetime(CheckContext(KYOTSU.requirement(REQUIREMENT), {}, target)))


def test_the_clean_reference_takes_a_token_in_its_life_and_refuses_it_after() -> None:
    with reference() as target:
        assert judge(target) == []


def test_a_token_that_never_expires_is_found() -> None:
    with reference(frozenset({"jutogai_token_never_expires"})) as target:
        found = judge(target)
    assert [(f.code, f.location, f.expected, f.actual) for f in found] == [
        ("token.expired_taken", f"{WHERE} (a token past its life)", "401 and a JSON object", "200")]
    assert f"{TOKEN_LIFETIME + 1} s after it was given" in found[0].message


def test_a_token_refused_near_the_end_of_its_life_is_found() -> None:
    """Blind round 5, 23: a server keeping a minute's margin for clock skew refuses a token its expires_in still
    covers; at half its life it is taken, NEAR_END seconds before its end it is not."""
    with reference(frozenset({"jutogai_token_skew_margin"})) as target:
        found = judge(target)
    assert [(f.code, f.location, f.actual) for f in found] == [
        ("token.expired_early", f"{WHERE} (a token {TOKEN_LIFETIME - NEAR_END} s old)", "401")]


def fast_clock(app: Any) -> None:
    """A vendor whose clock.advance moves the tokens' clock three times as far as asked: a token dies early."""
    api: JutogaiService = app.jutogai
    app.driver.advance_tokens = lambda seconds: api.advance(seconds * 3)


def stamped_on_the_real_clock(app: Any) -> None:
    """A vendor whose token endpoint stamps a token's expiry on the real clock while the API reads the moved one:
    every token given after a move longer than a life is born dead."""
    api: JutogaiService = app.jutogai
    original = api.token

    def token(authorization: str | None, form: Any) -> Any:
        answer = original(authorization, form)
        given = answer.document.get("access_token")
        if isinstance(given, str):
            api.tokens[given] = time.monotonic() + TOKEN_LIFETIME
        return answer

    api.token = token  # type: ignore[method-assign]


@pytest.mark.parametrize(("vendor", "code", "where"), [
    (fast_clock, "token.expired_early", f"{WHERE} (a token {TOKEN_LIFETIME // 2} s old)"),
    (stamped_on_the_real_clock, "token.fresh_refused", f"{WHERE} (a new token)")])
def test_a_life_cut_short_and_a_clock_that_kills_every_token(vendor: Callable[[Any], None], code: str,
                                                             where: str) -> None:
    with reference(vendor=vendor) as target:
        found = judge(target)
    assert [(f.code, f.location) for f in found] == [(code, where)]


def test_without_the_operation_or_a_token_endpoint_it_is_not_automated() -> None:
    with reference(operations=("query.person",)) as target, pytest.raises(NotAutomated, match=r"clock\.advance"):
        judge(target)
    with reference(auth=None) as target, pytest.raises(NotAutomated, match="no OAuth2 token endpoint"):
        judge(target)


def test_a_life_stated_in_milliseconds_is_crossed_a_day_a_call_and_found() -> None:
    """The second blind round, 24: expires_in 300,000 (milliseconds) for a token living 300 s. The clock is moved by
    half of it in calls of a day at most (the operation's range), and the token, refused there, is a finding (it was
    an ERROR: the whole move asked of the clock at once, out of its range)."""
    with reference(frozenset({"jutogai_token_life_in_milliseconds"})) as target:
        found = judge(target)
    half = TOKEN_LIFETIME * 1000 // 2
    assert half > LONGEST_MOVE
    assert [(f.code, f.location, f.expected, f.actual) for f in found] == [
        ("token.expired_early", f"{WHERE} (a token {half} s old)", "200", "401")]


def stated_life(seconds: Any) -> Callable[[Any], None]:
    """A vendor whose token endpoint answers ``seconds`` as the expires_in of a token that never expires."""
    def vendor(app: Any) -> None:
        api: JutogaiService = app.jutogai
        original = api.token

        def token(authorization: str | None, form: Any) -> Any:
            answer = original(authorization, form)
            if "expires_in" in answer.document:
                answer.document["expires_in"] = seconds
                api.tokens.update({answer.document["access_token"]: float("inf")})
            return answer

        api.token = token  # type: ignore[method-assign]
    return vendor


@pytest.mark.parametrize("seconds", [LONGEST_LIFE + 1, 10 ** 400])
def test_a_life_longer_than_the_check_crosses_is_not_automated_and_named(seconds: int) -> None:
    with reference(vendor=stated_life(seconds)) as target, pytest.raises(NotAutomated, match=r"expires_in .* longer"):
        judge(target)


def test_a_life_of_thirty_days_is_crossed() -> None:
    """The longest life judged: its half and its end crossed a day a call; a token that never dies is found."""
    with reference(vendor=stated_life(LONGEST_LIFE)) as target:
        found = judge(target)
    assert [(f.code, f.location) for f in found] == [("token.expired_taken", f"{WHERE} (a token past its life)")]
