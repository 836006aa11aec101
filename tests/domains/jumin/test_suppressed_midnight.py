"""9.2 抑止対象者一覧 across midnight JST (issue 65): a vendor lists on its own day, read while it answers; the judge
reads the day after the answer. Where midnight came between the two, a 支援措置 beginning on the new day is not
missing from the list the vendor made on the day before. time-machine moves the clock in this process, where the
reference serves too: the day turns right after the list is answered, never by waiting."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import time_machine
from midnight import before_midnight, eve, reference_in_process, turn_at

from conformance import clock
from conformance.targets.base import TestData
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService
from tests.domains.jumin.test_suppressed import EDITION, TOWN, judge

#: The day before the midnight crossed: the clock runs from 23:00 JST on it, and the hook moves it past midnight.
EVE = eve()
#: The 開始年月日 given to one loaded 支援対象者: the day after the list is made.
STARTS = (EVE + timedelta(days=1)).isoformat()


class ListsOnItsDay(DriverService):
    """A vendor whose list holds the 支援対象者 whose 支援措置 has begun on its own day (as the text asks: 支援措置 in
    force), the one of ``STARTS`` among them only from that day."""

    starting: str = ""

    def list_suppressed(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().list_suppressed(body, arguments, request)
        if clock.today().isoformat() >= STARTS:
            return status, document
        return status, {**document, "persons": [p for p in document["persons"] if p["宛名番号"] != self.starting]}


def test_a_support_measure_beginning_after_midnight_is_not_missing_from_the_list_made_before_it() -> None:
    first = next(row for row in TOWN if row.get("支援措置対象フラグ") == "1" and row.get("住民状態") == "1")
    rows = tuple({**row, "支援措置_開始年月日": STARTS} if row is first else row for row in TOWN)

    class Vendor(ListsOnItsDay):
        starting = first["宛名番号"]

    with time_machine.travel(before_midnight(EVE), tick=True) as traveller, \
            reference_in_process(EDITION, Vendor, TestData(rows=rows)) as target:
        # the list made on the eve, judged on the next day
        turned = turn_at(target, traveller, lambda method, path: path.endswith("/lists/suppressed"), after=True)
        findings = judge(target)
    assert turned and findings == []
