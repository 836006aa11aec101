"""住民記録 1.0 10.2 アクセスログ管理: the 認証ログ holds the harness's own logins, failed ones included, and the
ログの分析 lists them (ログイン失敗一覧, ID別ログイン数一覧).

``jumin.logs.auth`` logs in three times at the token endpoint of the profile's API target
(``targets.api.auth.oauth2``: the only login the harness has) with the client's id: twice with a wrong
secret (a random value, never the secret, itself redacted from every report), then with its secret. It
reads what the vendor shows of that client id before and after (our interface, docs/driver.md;
interpretation ``jumin-1.0-interp-auth-log``): the 認証ログ asked with the protocol's ``利用者ID`` (the entries of
that ID: the log searched as 10.2 R019 オンラインでの検索・抽出・照会 puts it, as the 操作ログ is read by its
宛名番号), and the entries of other IDs an adapter answers all the same are left aside. Params ``rule``:

- ``entries`` (10.2 R007 「・ 認証ログ」): the 認証ログ (``logs.auth``) has a new entry per login;
- ``fields`` (R008 ログイン及びログインのエラー回数等): each new entry records its 日時 (during the check) and its
  結果 (成功 or 失敗), and the new 失敗 entries count the two failed logins (the 成功 ones the third);
- ``failures`` (R025 ログイン失敗一覧): the analysis ``logs.analysis?種類=ログイン失敗一覧`` lists both failures;
- ``counts`` (R026 ID別ログイン数一覧): its ``ID別ログイン数一覧`` counts the successful login for the id.

Other logins of the same client may happen meanwhile (the harness's own token renewals, another shard):
every count is judged as "at least", so they never fail a vendor. Fewer successes than failures are made
so that a list of the wrong ones (a ログイン失敗一覧 of the successes) still falls short; the harness's client
logged in before the check (its token, and a first login of the check), so a count of distinct ids does
not grow. A profile whose API target has no OAuth2 token endpoint, or whose adapter lacks the operation
read, is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, NotAutomated, check
from conformance.domains.jumin.params import AuthLogParams
from conformance.domains.jumin.scenarios.access_log import SLACK, driver_base, driver_client, within
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.targets.base import Target

AUTH, ANALYSIS = "logs.auth", "logs.analysis"
FAILURES, COUNTS = "ログイン失敗一覧", "ID別ログイン数一覧"
SUCCEEDED, FAILED = "成功", "失敗"
#: The logins made, in order: with the secret (True) or a wrong one (False); two failures only, as a
#: vendor may lock an id after more.
LOGINS = (False, False, True)
#: The rule -> the driver operation it reads.
READS: Mapping[str, str] = {"entries": AUTH, "fields": AUTH, "failures": ANALYSIS, "counts": ANALYSIS}

Entry = Mapping[str, Any]


@check("jumin.logs.auth")
def auth_log(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 認証ログ and its analyses: three logins of the harness's client, two of them failed."""
    target = ctx.need_target("a vendor system whose API target logs in at an OAuth2 token endpoint")
    rule = ctx.args(AuthLogParams).rule
    operation = READS.get(rule, AUTH)
    client = driver_client(target, operation, setup=False)
    login, user = _login(target)
    params = {"種類": FAILURES if rule == "failures" else COUNTS} if operation == ANALYSIS else {"利用者ID": user}
    location = f"GET {driver_base(target)}{_path(client, operation)}" + (
        f"?種類={params['種類']}" if operation == ANALYSIS else "")
    before = _read(client, operation, params)
    began = dt.datetime.now(clock.JST)
    for correct in LOGINS:
        user = _attempt(login, correct)
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    after = _read(client, operation, params)
    if before is None or after is None:
        yield ctx.finding("logs.unreadable", f"the {operation} answer is not {{result: ok, entries: [objects]}}",
                          location=location, expected="entries", actual="another answer")
        return
    if rule == "counts":
        yield from _counts(ctx, before, after, user, location)
        return
    new = [entry for entry in _new(before, after) if str(entry.get("利用者ID", "")) == user]
    if rule == "failures":
        yield from _failures(ctx, new, span, location)
    elif rule == "entries" and len(new) < len(LOGINS):
        yield ctx.finding("logs.login_missing", f"{len(LOGINS)} logins were made, the 認証ログ has {len(new)} new "
                          "entries of that 利用者ID", location=location, expected=str(len(LOGINS)),
                          actual=str(len(new)))
    if rule == "fields":
        yield from _fields(ctx, new, span, location)


def _fields(ctx: CheckContext, new: list[Entry], span: tuple[dt.datetime, dt.datetime],
            location: str) -> Iterator[Finding]:
    """10.2 R008: each new entry's 日時 and 結果, and the 結果 counted against the logins made."""
    for index, entry in enumerate(new, start=1):
        if not within(entry.get("日時"), *span):
            yield ctx.finding("logs.field_missing", "an entry of the 認証ログ does not record its 日時 (10.2 R008)",
                              location=f"{location}#{index}/日時", expected="ISO 8601 with its offset, during the "
                              "operation", actual="absent" if entry.get("日時") in (None, "") else "another value")
        if entry.get("結果") not in (SUCCEEDED, FAILED):
            yield ctx.finding("logs.field_missing", "an entry of the 認証ログ does not record whether the login "
                              "failed (10.2 R008)", location=f"{location}#{index}/結果", expected="成功 or 失敗",
                              actual="absent" if entry.get("結果") in (None, "") else "another value")
    counted = Counter(str(entry.get("結果")) for entry in new)
    for result, made in ((FAILED, LOGINS.count(False)), (SUCCEEDED, LOGINS.count(True))):
        if counted[result] < made:
            yield ctx.finding("logs.login_count", f"{made} logins were {result}, the 認証ログ counts "
                              f"{counted[result]} (10.2 R008: ログイン及びログインのエラー回数)",
                              location=f"{location}#{result}", expected=str(made), actual=str(counted[result]))


def _failures(ctx: CheckContext, new: list[Entry], span: tuple[dt.datetime, dt.datetime],
              location: str) -> Iterator[Finding]:
    """10.2 R025: the ログイン失敗一覧 lists both failed logins (at least), each at its time."""
    listed = [entry for entry in new if within(entry.get("日時"), *span)]
    made = LOGINS.count(False)
    if len(listed) < made:
        yield ctx.finding("logs.analysis_differs", f"{made} logins failed, the {FAILURES} lists {len(listed)} "
                          "new ones of that 利用者ID during the check (10.2 R025)", location=location,
                          expected=f">= {made}", actual=str(len(listed)))


def _counts(ctx: CheckContext, before: list[Entry], after: list[Entry], user: str,
            location: str) -> Iterator[Finding]:
    """10.2 R026: the ID別ログイン数一覧's count of the id grows by the successful login (at least)."""
    grown = _count(after, user) - _count(before, user)
    made = LOGINS.count(True)
    if grown < made:
        yield ctx.finding("logs.analysis_differs", f"{made} login succeeded, the {COUNTS} counts {grown} more "
                          "for that 利用者ID (10.2 R026)", location=f"{location}#ログイン数", expected=f">= {made}",
                          actual=str(grown))


def _count(rows: list[Entry], user: str) -> int:
    values = [row.get("ログイン数") for row in rows if str(row.get("利用者ID", "")) == user]
    return sum(value for value in values if isinstance(value, int) and not isinstance(value, bool))


def _new(before: list[Entry], after: list[Entry]) -> list[Entry]:
    """The entries of ``after`` not in ``before`` (as many times as they are more), in their order."""
    seen = Counter(_key(entry) for entry in before)
    new = []
    for entry in after:
        key = _key(entry)
        if seen[key] > 0:
            seen[key] -= 1
        else:
            new.append(entry)
    return new


def _key(entry: Entry) -> str:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)


def _login(target: Target) -> tuple[Any, str]:
    """The client's own login (conformance/targets/oauth.py) and the client id it names, or NOT_AUTOMATED when
    there is none.

    Asking whether there is one is a first login, before the log is read: the id has logged in before
    the check, so a count of distinct ids (R026) cannot grow with the check's own success."""
    login = getattr(target.http, "login", None)
    first = login(True) if callable(login) else None
    if first is None:
        raise NotAutomated("10.2 認証ログ: the profile's API target logs in at no OAuth2 token endpoint "
                           "(targets.api.auth.oauth2): the harness has no login of its own to look for")
    return login, str(first.client_id)


def _attempt(login: Any, correct: bool) -> str:
    """One login; the client id it named. A wrong secret must be refused (else no failure is there to log)."""
    done = login(correct)
    if not correct and 200 <= done.status < 300:
        raise TargetError("the token endpoint accepted a wrong client secret: no failed login to look for")
    return str(done.client_id)


def _read(client: DriverClient, operation: str, params: Mapping[str, str]) -> list[Entry] | None:
    status, document = client.call(operation, params)
    entries = document.get("entries") if status == 200 and isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return None
    return entries


def _path(client: DriverClient, operation: str) -> str:
    return client.operations[operation].path

