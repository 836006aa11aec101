"""住民記録 1.0 1.3.9 認証者の管理: the 認証者 set in the master is the one a certificate printed that day carries.

``jumin.certifier`` reads the 認証者 master (``certifiers.get``, our interface; docs/driver.md), sets it
(``certifiers.set``) with a 市区町村長 and a 職務代理者 of generated 氏名 (the 職名 of the 市区町村長 kept, so a
certificate still names the municipality), prints the 住民票の写し of a generated person through the linkage API
(``POST /forms/juminhyo_kojin``) after each setting, looks for the 職名 and 氏名 on it, and sets the master back
as it was. Params ``rule``, one per requirement:

- ``names`` (R001: 市区町村長と職務代理者の２件について、職名・氏名の管理): with no 職務代理者期間 in force the
  certificate carries the 市区町村長 set; with one in force, the 職務代理者 set;
- ``period`` (R002: 職務代理者期間の管理 ... 自動的に切り替わる): a 職務代理者期間 around the issue date gives the
  職務代理者; one ended before it and one beginning after it give the 市区町村長, with no other setting between.
  Each edge of the 期間 is tried on the day before, of and after it (driver.yaml: 開始日 and 終了日 are days of the
  期間, both included): a 期間 beginning on the issue date or ending on it gives the 職務代理者, one that ended the
  day before or begins the day after gives the 市区町村長 (a blind bug of issue 67 printed the 市区町村長 on the
  職務代理者's 終了日).

The issue date is Japan's day (``clock.today``, the day the contract dates a certificate on): a case whose print
crosses midnight is set and printed again on the new day. A vendor whose adapter lacks an operation is
NOT_AUTOMATED.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import CertifierParams
from conformance.domains.jumin.scenarios.access_log import register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.targets.base import Target
from conformance.targets.forms import issue_anew

SETUP, GET, SET, FORM = "fixtures.persons", "certifiers.get", "certifiers.set", "juminhyo_kojin"
MAYOR, DEPUTY = "市区町村長", "職務代理者"
#: Generated 氏名 no certificate shows otherwise, and the 職務代理者's 職名.
MAYOR_NAME, DEPUTY_NAME, DEPUTY_TITLE = "認証　試一", "代理　試二", "副町長（職務代理者）"


@check("jumin.certifier")
def certifier(ctx: CheckContext) -> Iterator[Finding]:
    """1.3.9: the 認証者 in effect on the issue date, set in the master, is on the certificate."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(CertifierParams).rule
    client = needed_client(target, "1.3.9 認証者", (SETUP, GET, SET))
    status, before = client.call(GET, {})
    if status != 200 or not isinstance(before, dict) or not isinstance(before.get(MAYOR), dict):
        raise TargetError(f"driver {GET}: expected 200 with the {MAYOR}, got {status}")
    title = str(before[MAYOR].get("職名") or "")
    atena = register(client)
    mayor = {"職名": title, "氏名": MAYOR_NAME}
    location = f"POST /forms/{FORM}#認証者"
    try:
        for case, period, wanted in CASES[rule]:
            yield from _case(ctx, target, client, atena, (case, wanted, location), mayor, period)
    finally:
        _restore(client, before)


#: Per rule: (the case, the 職務代理者期間 as days from the issue date, who certifies that day).
CASES: Mapping[str, tuple[tuple[str, tuple[int, int], str], ...]] = {
    "names": (("no 職務代理者期間 in force", (-30, -20), MAYOR), ("a 職務代理者期間 in force", (-1, 1), DEPUTY)),
    "period": (("a 職務代理者期間 around the issue date", (-1, 1), DEPUTY),
               ("a 職務代理者期間 ended before the issue date", (-10, -2), MAYOR),
               ("a 職務代理者期間 beginning after the issue date", (2, 10), MAYOR),
               ("a 職務代理者期間 beginning on the issue date", (0, 10), DEPUTY),
               ("a 職務代理者期間 ending on the issue date", (-10, 0), DEPUTY),
               ("a 職務代理者期間 ended the day before the issue date", (-10, -1), MAYOR),
               ("a 職務代理者期間 beginning the day after the issue date", (1, 10), MAYOR)),
}


def _case(ctx: CheckContext, target: Target, client: DriverClient, atena: str, what: tuple[str, str, str],
          mayor: Mapping[str, str], period: tuple[int, int]) -> Iterator[Finding]:
    """Set the master with the 職務代理者期間 ``period`` around today and judge the certificate printed; a print
    that crossed midnight (the 期間's edges then a day off) is done again on the new day."""
    for _ in range(2):
        today = clock.today()
        deputy = {"職名": DEPUTY_TITLE, "氏名": DEPUTY_NAME,
                  "開始日": (today + dt.timedelta(days=period[0])).isoformat(),
                  "終了日": (today + dt.timedelta(days=period[1])).isoformat()}
        setting = {MAYOR: mayor, DEPUTY: deputy}
        expect_ok(client, SET, setting)
        findings = list(_judge(ctx, target, atena, what[0], setting, what[1], what[2]))
        if clock.today() == today:
            yield from findings
            return
    raise TargetError("the certificates of 1.3.9 were printed across two midnights in a row")


def _judge(ctx: CheckContext, target: Target, atena: str, case: str, setting: Mapping[str, Any], wanted: str,
           location: str) -> Iterator[Finding]:
    printed = issue_anew(target, FORM, {"宛名番号": atena})
    text = "".join("".join(line.text.split()) for page in printed.pages for line in page)
    entry = setting[wanted]
    other = setting[MAYOR if wanted == DEPUTY else DEPUTY]
    name_shown = _compact(entry["氏名"]) in text
    title_shown = _compact(entry["職名"]) in text
    if not (name_shown and title_shown):
        which = "氏名" if not name_shown else "職名"
        yield ctx.finding("certifier.not_printed", f"with {case}, the certificate does not carry the {which} of the "
                          f"{wanted} set in the 認証者 master (1.3.9)", location=f"{location}/{case}",
                          expected=f"{entry['職名']} {entry['氏名']}", actual=f"the {which} absent")
    elif _compact(other["氏名"]) in text:
        yield ctx.finding("certifier.both_printed", f"with {case}, the certificate carries the 氏名 of the "
                          f"{MAYOR if wanted == DEPUTY else DEPUTY} as well (1.3.9)", location=f"{location}/{case}",
                          expected=f"{entry['職名']} {entry['氏名']} only", actual=str(other["氏名"]))


def _restore(client: DriverClient, before: Mapping[str, Any]) -> None:
    """The master as read before the check (a vendor refusing it leaves the check's setting: an ERROR)."""
    expect_ok(client, SET, {MAYOR: before[MAYOR], DEPUTY: before.get(DEPUTY)})


def _compact(value: object) -> str:
    return "".join(str(value).split())
