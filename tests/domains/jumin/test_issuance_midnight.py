"""2.2.2 R003's 照会 by the 交付年月日 across midnight JST (issue 65): the certificates issued on 3月31日 and the 照会
made on 4月1日 ask by the day the vendor recorded, not by the day the 照会 is made on. The clock is moved by
time-machine in this process, where the reference serves too: the day turns after the person's certificates are
issued, exactly there, never by waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine

from conformance.checks.registry import CheckContext
from conformance.domains.jumin.scenarios.issuance_inquiry import LIVING, issuance_inquiry
from conformance.targets.base import HttpResponse
from tests.domains.jumin.test_access_log import EDITION, reference_target

#: 2026-03-31 23:00 JST: the hook moves the running clock an hour on, past midnight.
BEFORE_MIDNIGHT = datetime(2026, 3, 31, 14, 0, tzinfo=UTC)


def test_certificates_issued_before_midnight_are_asked_by_the_day_they_were_issued() -> None:
    with time_machine.travel(BEFORE_MIDNIGHT, tick=True) as traveller, reference_target() as target:
        http = target.need_http()
        request = http.request
        issued: list[str] = []

        def turning(method: str, path: str, **kwargs: Any) -> HttpResponse:
            response = request(method, path, **kwargs)
            if method == "post" and path.startswith("/forms/"):
                issued.append(path)
                if len(issued) == len(LIVING):  # the person's certificates dated 3月31日, the 照会 on 4月1日
                    traveller.shift(timedelta(hours=1))
            return response

        http.request = turning  # type: ignore[method-assign]
        findings = list(issuance_inquiry(CheckContext(EDITION.requirement("jumin-1.0-2.2.2-R003"),
                                                      {"rule": "items"}, target)))
    assert len(issued) > len(LIVING)
    assert findings == []
