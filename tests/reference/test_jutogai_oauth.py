"""The profile's OAuth2 client credentials (targets.api.auth.oauth2, conformance/targets/oauth.py) against
the reference's token endpoint: the token is fetched, sent, renewed, kept out of recordings; missing
variables and refused credentials are named without their values."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from conformance import secrets
from conformance.embedded import reference_environ, start_reference
from conformance.errors import ProfileError, TargetError
from conformance.profiles import ApiTarget, Auth, OAuth2ClientCredentials, load_profile
from conformance.targets import oauth
from conformance.targets.http import Exchange, RequestsHttpClient
from conformance.targets.wsgi import WsgiAdapter
from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET
from conformance_reference.server import RunningReference

CALL = "/app_submit/v10/jutogaishaatenabangofuban"
BODY = {"shorikubun": "9"}  # answered 400 when authorized, 401 when not
AUTH = Auth(env="OAUTH_TEST_SECRET", oauth2=OAuth2ClientCredentials(token_url="/oauth2/token",
                                                                     client_id_env="OAUTH_TEST_CLIENT"))
ENVIRON = {"OAUTH_TEST_SECRET": CLIENT_SECRET, "OAUTH_TEST_CLIENT": CLIENT_ID}


@pytest.fixture(scope="module")
def running() -> Iterator[RunningReference]:
    with start_reference(rows=()) as reference:
        yield reference


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def record(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)


def client(running: RunningReference, environ: dict[str, str] | None = None,
           recorder: Recorder | None = None) -> RequestsHttpClient:
    return RequestsHttpClient(ApiTarget(base_url=str(running.url), auth=AUTH), environ=environ or ENVIRON,
                              recorder=recorder)


def test_the_access_token_is_fetched_and_sent(running: RunningReference) -> None:
    with client(running) as http:
        assert http.request("post", CALL, json=BODY).status == 400  # authorized: the parameters are judged


def test_the_token_never_reaches_a_recording(running: RunningReference) -> None:
    recorder = Recorder()
    with client(running, recorder=recorder) as http:
        http.request("post", CALL, json=BODY)
        token = http._session.auth.token()  # type: ignore[union-attr]
    assert token in secrets.known() and CLIENT_SECRET in secrets.known()
    (exchange,) = recorder.exchanges
    assert "authorization" not in {name.lower() for name in exchange.request_headers}
    assert token not in repr(exchange)


def test_a_request_may_go_without_or_with_its_own_token(running: RunningReference) -> None:
    with client(running) as http:
        url = http.catalog_url(CALL)
        omitted = http.send(requests.Request("POST", url, json=BODY, headers={"Authorization": oauth.OMIT}))
        wrong = http.send(requests.Request("POST", url, json=BODY, headers={"Authorization": "Bearer wrong-token"}))
    assert omitted.status == 401 and wrong.status == 401


def test_an_expired_token_is_renewed(running: RunningReference, monkeypatch: pytest.MonkeyPatch) -> None:
    fetched: list[float] = []
    real = oauth.fetch_token

    def counting(*args: object, **kwargs: object) -> tuple[str, float]:
        token, _ = real(*args, **kwargs)  # type: ignore[arg-type]
        fetched.append(1.0)
        return token, 1.0  # lives one second: renewed from 0.9 s on

    monkeypatch.setattr(oauth, "fetch_token", counting)
    oauth.forget_tokens()
    with client(running) as http:
        auth = http._session.auth
        assert isinstance(auth, oauth.RequestAuth)
        auth.clock = iter([0.0, 0.5, 5.0, 5.0]).__next__
        first = auth.token()
        assert auth.token() == first  # 0.5 s: still valid
        assert auth.token() != first  # 5 s: renewed
    assert len(fetched) == 2


def test_a_missing_variable_is_named_never_a_value(running: RunningReference) -> None:
    with pytest.raises(ProfileError, match=r"targets\.api\.auth\.oauth2\.client_id_env: environment variable "
                                           r"OAUTH_TEST_CLIENT is not set"):
        client(running, {"OAUTH_TEST_SECRET": CLIENT_SECRET})


def test_refused_credentials_are_a_target_error_without_the_body(running: RunningReference) -> None:
    wrong = {"OAUTH_TEST_SECRET": "wrong-secret-0000", "OAUTH_TEST_CLIENT": CLIENT_ID}
    with client(running, wrong) as http, pytest.raises(TargetError, match="answered 401, not 200") as raised:
        http.request("post", CALL, json=BODY)
    assert "invalid_client" not in str(raised.value) and "wrong-secret" not in str(raised.value)


def test_the_token_url_may_be_absolute_and_is_checked() -> None:
    absolute = OAuth2ClientCredentials(token_url="https://auth.example.jp/token", client_id_env="X")
    assert oauth.token_url(absolute, "http://vendor/api") == "https://auth.example.jp/token"
    assert oauth.token_url(AUTH.oauth2, "http://vendor/api/") == "http://vendor/api/oauth2/token"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="user name or password"):
        OAuth2ClientCredentials(token_url="https://user:pw@auth.example.jp/token", client_id_env="X")


def test_the_reference_profile_names_its_client_and_the_reference_knows_it() -> None:
    profile = load_profile(Path(__file__).resolve().parents[2] / "vendor_profiles" / "reference.yaml")
    assert profile.targets.api is not None and profile.targets.api.auth is not None
    auth = profile.targets.api.auth
    assert auth.oauth2 is not None and auth.oauth2.token_url == "/oauth2/token"
    environ = reference_environ(auth, {})
    assert environ == {auth.env: CLIENT_SECRET, auth.oauth2.client_id_env: CLIENT_ID}


def test_clients_of_one_process_share_a_valid_token(running: RunningReference) -> None:
    oauth.forget_tokens()
    with client(running) as first, client(running) as second:
        first_auth, second_auth = first._session.auth, second._session.auth
        assert isinstance(first_auth, oauth.RequestAuth) and isinstance(second_auth, oauth.RequestAuth)
        assert first_auth.token() == second_auth.token()  # one token: one more secret to redact, not one per client


@pytest.mark.run_scopes
def test_a_token_shared_with_an_earlier_run_is_a_secret_of_the_next(running: RunningReference) -> None:
    """A run forgets its secrets when it ends (secrets.run_scope), but the token it fetched is shared with
    the next run of the process (the test suite's defect runs): that run registers it again."""
    oauth.forget_tokens()
    with secrets.run_scope(), client(running) as http:
        auth = http._session.auth
        assert isinstance(auth, oauth.RequestAuth)
        token = auth.token()
        assert token in secrets.known()
    assert token not in secrets.known()
    with secrets.run_scope(), client(running) as http:
        auth = http._session.auth
        assert isinstance(auth, oauth.RequestAuth) and auth.token() == token
        assert token in secrets.known()


def test_a_token_the_vendor_forgot_is_renewed_and_the_request_sent_again(running: RunningReference) -> None:
    """The vendor restarted (or a server of an earlier run, on the same port, issued the shared token):
    the 401 to the harness's own token is not what a check judges; one retry with a fresh token is."""
    oauth.forget_tokens()
    recorder = Recorder()
    with client(running, recorder=recorder) as http:
        auth = http._session.auth
        assert isinstance(auth, oauth.RequestAuth)
        stale = auth.token()
        running.app.jutogai.tokens.clear()  # the vendor forgot every token it issued
        assert http.request("post", CALL, json=BODY).status == 400  # authorized again: the parameters are judged
        assert auth.token() != stale
        assert auth.token() in running.app.jutogai.tokens
    assert [exchange.status for exchange in recorder.exchanges] == [400]  # one exchange: the answer judged


def test_a_vendor_refusing_a_fresh_token_too_is_answered_401(running: RunningReference,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    oauth.forget_tokens()
    fetched: list[str] = []
    real = oauth.fetch_token

    def forgotten(*args: object, **kwargs: object) -> tuple[str, float]:
        token, lifetime = real(*args, **kwargs)  # type: ignore[arg-type]
        fetched.append(token)
        running.app.jutogai.tokens.clear()  # every token is refused
        return token, lifetime

    monkeypatch.setattr(oauth, "fetch_token", forgotten)
    with client(running) as http:
        assert http.request("post", CALL, json=BODY).status == 401
    assert len(fetched) == 2  # the first token and one renewal: no loop
    oauth.forget_tokens()


@pytest.mark.parametrize(("challenge", "sent"), [('Bearer error="invalid_token"', 2), ("", 1),
                                                  ('Bearer error="insufficient_scope"', 1)],
                         ids=["invalid-token", "no-challenge", "insufficient-scope"])
def test_only_a_401_saying_the_token_is_invalid_is_sent_again(running: RunningReference, challenge: str,
                                                             sent: int) -> None:
    """Any other 401 is the answer: a wrong password at a login sent twice would count twice towards a lockout."""
    oauth.forget_tokens()
    seen: list[str] = []

    def refusing(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(environ.get("HTTP_AUTHORIZATION", ""))
        start_response("401 Unauthorized", [("Content-Type", "application/json")]
                       + ([("WWW-Authenticate", challenge)] if challenge else []))
        return [b"{}"]

    with client(running) as http:
        http.mount(str(running.url) + "/app_submit", WsgiAdapter(refusing))
        assert http.request("post", CALL, json=BODY).status == 401
    assert len(seen) == sent and all(value.startswith("Bearer ") for value in seen)
    assert len(set(seen)) == sent  # the one sent again carries a fresh token


@pytest.mark.parametrize(("answered", "seconds"), [
    (300, 300.0), (2.5, 2.5), (None, None), (True, None), ("300", None), (float("nan"), None),
    (10 ** 400, math.inf)])
def test_an_expires_in_is_read_as_seconds_whatever_the_vendor_answers(answered: Any, seconds: float | None) -> None:
    """A number as seconds; no number (a bool, text, NaN) is none; an integer too large for a float is infinite,
    never a crash (the second blind round, 24: the judge must judge what a vendor states, not fall over it)."""
    assert oauth.lifetime_of(answered) == seconds
