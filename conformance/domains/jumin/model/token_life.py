"""An access token's life, with time as an input: the driver's ``clock.advance`` (docs/driver.md, 時間の経過) moves
the clock the vendor's tokens run by, so a run need not wait out a lifetime (the reference's is 300 s).

``jumin.tokens.lifetime`` logs in at the token endpoint of the profile's API target (the harness's own login, apart
from the token its requests use), registers a made-up 住登外者 with the token (200), then moves the tokens' clock:

1. by half the ``expires_in`` the endpoint answered, then to :data:`NEAR_END` seconds before its end (while the
   real seconds since the grant stay below that): the token is still taken each time (a lifetime cut short, or a
   margin for clock skew kept on the server's side, is a finding);
2. by the rest and one second more: the token is refused, 401 and a JSON object (the API仕様書: 認証情報が取得できない
   場合は401; an expired token is one, interpretation kyotsu-2.1-interp-token-expiry);
3. a new login after the moves: its token is taken (a clock moved so that every token dies would pass step 2 alone).

The clock moves at most :data:`LONGEST_MOVE` seconds a call (driver.yaml ``clock.advance``: 秒 1 to 86400), so a
longer move is made in calls of a day or less; a life longer than :data:`LONGEST_LIFE` is not crossed (a call a day
of it). A profile without a token endpoint, an adapter without ``clock.advance``, or a token endpoint that answers no
``expires_in`` (RFC 6749 4.2.2 only recommends it), one under :data:`SHORTEST_LIFE` or one over
:data:`LONGEST_LIFE`, gets NOT_AUTOMATED saying which and the value: the 共通機能 text asks a 十分に短いライフサイクル
and names no number, so no ``expires_in`` is a finding by itself (the second blind round, 24: an ``expires_in`` in
milliseconds, 300,000, was sent to the clock whole and the check crashed; now the token, refused 150,000 s into
the life it was given, is ``token.expired_early``). Apart from the model's sessions
of the API (``tokens``): a module of its own over the same client (:mod:`.jutogai`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Generator, Iterator, Mapping
from dataclasses import replace
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, NotAutomated, check
from conformance.domains.jumin.model.jutogai import Jutogai, jutogai_of
from conformance.domains.jumin.model.tokens import BODY
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.testdata.town import jumin_edition

ADVANCE = "clock.advance"
#: The clock ``clock.advance`` moves here (driver.yaml: the only 対象 of this version).
TOKENS = "tokens"
#: Tokens whose life is shorter are not judged: the real seconds between two requests would count against it.
SHORTEST_LIFE = 20
#: Seconds before the end of its life a token is asked once more (the real seconds since the grant under it).
NEAR_END = 10
#: The most ``clock.advance`` moves a clock in one call (driver.yaml: 秒 1 to 86400).
LONGEST_MOVE = 86_400
#: Tokens whose life is longer are not judged: crossing it takes a call of the clock a day (30 days: 31 calls).
LONGEST_LIFE = 30 * LONGEST_MOVE


@check("jumin.tokens.lifetime")
def token_lifetime(ctx: CheckContext) -> Iterator[Finding]:
    """A token is taken during the life its endpoint gave it and refused (401) after it (kyotsu 0310001 O003)."""
    target = ctx.need_target("a vendor system whose API target logs in at an OAuth2 token endpoint")
    api = jutogai_of(target.http, ())
    if api is None:
        raise NotAutomated("the token's life: the profile's API target has no OAuth2 token endpoint "
                           "(targets.api.auth.oauth2) or the catalog no 付番 API")
    driver = needed_client(replace(target, catalog=jumin_edition()), "the token's life", (ADVANCE,))
    started = time.monotonic()  # before the grant: the real seconds of the token's age counted from here
    grant = api.client.grant("client")
    if grant is None:
        raise NotAutomated("the token's life: the profile's API target has no OAuth2 token endpoint "
                           "(targets.api.auth.oauth2)")
    if grant.token is None:
        raise TargetError(f"the token endpoint answered the harness's client {grant.status} and no access token")
    life = _judged_life(grant.expires_in)
    where = f"POST {api.path}"
    status, _ = _register(api, grant.token)
    if status != 200:
        raise TargetError(f"{where}: a fresh token was answered {status}, not 200: its life cannot be judged")
    half = int(life // 2)
    _advance(driver, half)
    early = yield from _taken(ctx, api, grant.token, half, life, where)
    moved = half
    near = int(life) - NEAR_END
    if not early and near > half:
        # Near the end of its life, the real seconds since the grant counted in (a margin a server keeps for clock
        # skew cuts the life expires_in gave: blind round 5, 23); judged only while the token is surely in it.
        _advance(driver, near - half)
        moved = near
        if time.monotonic() - started < NEAR_END - 1:
            yield from _taken(ctx, api, grant.token, near, life, where)
    _advance(driver, int(life) - moved + 1)
    status, document = _register(api, grant.token)
    if status != 401 or not isinstance(document, Mapping):
        yield ctx.finding("token.expired_taken", f"a token was answered {status} {int(life) + 1} s after it was "
                          f"given, past the {life:g} s of its expires_in", location=f"{where} (a token past its life)",
                          expected="401 and a JSON object", actual=str(status))
    fresh = api.client.grant("client")
    status, _ = _register(api, fresh.token) if fresh is not None and fresh.token is not None else (0, None)
    if status != 200:
        yield ctx.finding("token.fresh_refused", "a token given after the clock moved was refused",
                          location=f"{where} (a new token)", expected="200", actual=str(status))


def _judged_life(life: float | None) -> float:
    """The ``expires_in`` answered, where the check can move the clock across it; else NOT_AUTOMATED naming it."""
    if life is None or life < SHORTEST_LIFE:
        raise NotAutomated(f"the token's life: the token endpoint answered expires_in {life!r} (a number of "
                           f"{SHORTEST_LIFE} seconds or more is needed to move the clock across it)")
    if not math.isfinite(life) or life > LONGEST_LIFE:
        raise NotAutomated(f"the token's life: the token endpoint answered expires_in {life:g} s, longer than the "
                           f"{LONGEST_LIFE // LONGEST_MOVE} days the check moves the tokens' clock across (a "
                           f"clock.advance of {LONGEST_MOVE} s at most a call)")
    return life


def _taken(ctx: CheckContext, api: Jutogai, token: str | None, age: int, life: float,
           where: str) -> Generator[Finding, None, bool]:
    """A 付番依頼 with a token ``age`` seconds into its ``life``: a finding unless it is taken (200); whether it was
    refused."""
    status, _ = _register(api, token)
    if status != 200:
        yield ctx.finding("token.expired_early", f"a token was refused {age} s into the {life:g} s its endpoint gave "
                          "it", location=f"{where} (a token {age} s old)", expected="200", actual=str(status))
    return status != 200


def _register(api: Jutogai, token: str | None) -> tuple[int, Any]:
    """A 付番依頼 (処理区分 0) of the made-up 住登外者 with ``token``."""
    return api.post(token, {**BODY, "sosanengappi": clock.today().isoformat(), "shorikubun": "0"})


def _advance(driver: DriverClient, seconds: int) -> None:
    """Move the tokens' clock forward, in calls of :data:`LONGEST_MOVE` seconds at most (the operation's range); a
    TargetError when the adapter does not."""
    while seconds > 0:
        step = min(seconds, LONGEST_MOVE)
        status, document = driver.call(ADVANCE, {"対象": TOKENS, "秒": step})
        if status != 200 or not isinstance(document, Mapping) or document.get("result") != "ok":
            raise TargetError(f"driver {ADVANCE} ({step} s): expected 200 ok, got {status}")
        seconds -= step

