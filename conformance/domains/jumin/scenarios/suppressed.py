"""住民記録 1.0 9.2 R001 抑止対象者一覧, through the driver operation ``lists.suppressed`` (ours, docs/driver.md).

Judged against the loaded test town (interpretation ``jumin-1.0-interp-suppressed-list``): every current 住民
whose 支援措置 is in force on the day (支援措置対象フラグ 1, 開始 on or before it, 終了 blank or not before it)
must be listed; a loaded person with no 支援措置 at all (flag 0, no dates) must not, since the harness
asked for no other 抑止. A 除票 under 支援措置, or a measure ended or not begun, may be listed or not.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.targets.base import Target

LIST = "lists.suppressed"
Row = Mapping[str, str]


@check("jumin.suppressed.list")
def suppressed_list(ctx: CheckContext) -> Iterator[Finding]:
    """9.2 R001: 抑止対象者一覧を作成できること."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    client = _client(target)
    rows = target.need_data().rows
    where = f"GET {target.driver.base_path if target.driver else ''}/lists/suppressed"
    asked_on = clock.today().isoformat()
    status, document = client.call(LIST, {})
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or not all(isinstance(p, dict) for p in persons):
        yield ctx.finding("suppressed.unreadable", "the 抑止対象者一覧 was not answered with its persons",
                          location=where, expected="200 with persons", actual=str(status))
        return
    listed = {str(person.get("宛名番号", "")) for person in persons}
    # The vendor lists on its own day, read between the request and the answer: where midnight JST came meanwhile,
    # only a person the list must hold on both days is missing from it (issue 65).
    days = {asked_on, clock.today().isoformat()}
    missing = sorted(row["宛名番号"] for row in rows
                     if all(must_list(row, day) for day in days) and row["宛名番号"] not in listed)
    extra = sorted(row["宛名番号"] for row in rows if never_suppressed(row) and row["宛名番号"] in listed)
    if missing:
        yield ctx.finding("suppressed.missing", f"{len(missing)} 住民 under 支援措置 are not in the 抑止対象者一覧",
                          location=f"{where}#{missing[0]}", expected="listed", actual="not listed")
    if extra:
        yield ctx.finding("suppressed.extra", f"{len(extra)} persons with no 抑止 are in the 抑止対象者一覧",
                          location=f"{where}#{extra[0]}", expected="not listed", actual="listed")


def must_list(row: Row, today: str) -> bool:
    """A current 住民 whose 支援措置 is in force on ``today`` (ISO text)."""
    if row.get("住民状態") != "1" or row.get("支援措置対象フラグ") != "1":
        return False
    start, end = row.get("支援措置_開始年月日", ""), row.get("支援措置_終了年月日", "")
    return start <= today and (not end or end >= today)


def never_suppressed(row: Row) -> bool:
    """A loaded person with no 支援措置 at all (the only 抑止 the test data records)."""
    return row.get("支援措置対象フラグ") != "1" and not row.get("支援措置_開始年月日") \
        and not row.get("支援措置_終了年月日")


def _client(target: Target) -> DriverClient:
    client = needed_client(target, "9.2 抑止対象者一覧", (LIST,))
    if target.data is None:
        raise TargetError("9.2 抑止対象者一覧 is judged against the loaded test data: none was loaded")
    return client
