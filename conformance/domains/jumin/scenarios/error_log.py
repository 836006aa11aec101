"""住民記録 1.0 10.2 アクセスログ管理: the エラーログ holds an エラー the harness caused.

``jumin.logs.errors`` registers one generated person (``fixtures.persons``, test set-up) and asks for a 転居
of them (``moves.within``) whose 異動日 is tomorrow: after its 処理日 (given: today), an エラー (E001, 4.0.3 R003; docs/
driver.md). It then reads the エラーログ of that person (``logs.errors``, our interface). Params ``rule``:

- ``entries`` (10.2 R017 「・ エラーログ」): the log has an entry of that エラー;
- ``fields`` (R018 住民記録システム上でエラーが発生した際の記録): the entry records when (日時, during the
  check), who (操作者ID), in which function (機能名) and which エラー: the code the driver answered with
  (エラーコード; a vendor's adapter maps its own codes to the driver's, as it does in the answer).

R018's second sentence (管理者による設定 変更時の情報) is 設定変更ログ's own text (R016) and is not judged
here (interpretation ``jumin-1.0-interp-error-log``). A vendor whose adapter lacks one of the three
operations is NOT_AUTOMATED with the reason; one that lets the 転居 through cannot be judged (an ERROR:
4.0.3 R003 is judged elsewhere).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import OperationLogParams
from conformance.domains.jumin.scenarios.access_log import (
    MOVE,
    SLACK,
    driver_base,
    driver_client,
    entries_of,
    is_text,
    register,
    within,
)
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient

ERRORS = "logs.errors"
#: R018's record, besides the time and the code: the fields that must hold some text.
TEXTS = ("操作者ID", "機能名")


@check("jumin.logs.errors")
def error_log(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 エラーログ: a 転居 dated after its 処理日 is refused, and its エラー is in the log with its code."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(OperationLogParams).rule
    client = driver_client(target, MOVE, ERRORS)
    atena = register(client)
    began = dt.datetime.now(clock.JST)
    code = _cause_error(client, atena)
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    location = f"GET {driver_base(target)}/logs/errors?宛名番号={atena}"
    entries = entries_of(client, atena, ERRORS)
    if entries is None:
        yield ctx.finding("logs.unreadable", "the エラーログ answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    if not entries:
        yield ctx.finding("logs.error_missing", f"the 転居 was refused with {code}, the エラーログ has no entry of "
                          "it", location=location, expected=code, actual="no entry")
        return
    if rule == "fields":
        entry = next((e for e in entries if e.get("エラーコード") == code), entries[0])
        yield from _fields(ctx, entry, code, f"{location}#{code}", span)


def _cause_error(client: DriverClient, atena: str) -> str:
    """A 転居 whose 異動日 is after its 処理日 (4.0.3 R003): the code of the エラー it is refused with. The 処理日 is
    given (else the vendor's today): a request sent just before midnight JST and processed after it would otherwise
    have its 異動日 on its 処理日, be taken, and leave no エラー (issue 65)."""
    today = clock.today()
    status, document = client.call(MOVE, {"宛名番号": [atena], "住所": {"住所_町字": "栄町"},
                                          "異動日": (today + dt.timedelta(days=1)).isoformat(),
                                          "届出年月日": today.isoformat(), "処理日": today.isoformat()})
    code = document.get("code") if isinstance(document, dict) else None
    if status != 422 or not isinstance(document, dict) or document.get("result") != "error" or not code:
        raise TargetError(f"driver {MOVE}: a 異動日 after the 処理日 was expected to be refused (422 error), got "
                          f"{status}: no エラー to look for in the エラーログ")
    return str(code)


def _fields(ctx: CheckContext, entry: Mapping[str, Any], code: str, location: str,
            span: tuple[dt.datetime, dt.datetime]) -> Iterator[Finding]:
    """10.2 R018: what the entry of the エラー records."""
    wrong = {name: "a value" for name in TEXTS if not is_text(entry.get(name))}
    if not within(entry.get("日時"), *span):
        wrong["日時"] = "ISO 8601 with its offset, during the operation"
    for name, reason in wrong.items():
        yield ctx.finding("logs.field_missing", f"the エラーログ's entry does not record {name} (10.2 R018)",
                          location=f"{location}/{name}", expected=reason,
                          actual="absent" if entry.get(name) in (None, "") else "another value")
    if entry.get("エラーコード") != code:
        yield ctx.finding("logs.field_differs", "the エラーログ's entry does not record which エラー occurred "
                          "(10.2 R018)", location=f"{location}/エラーコード", expected=code,
                          actual=str(entry.get("エラーコード") or "absent"))

