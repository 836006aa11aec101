"""2.2.2 R003's 照会 by the 交付年月日 across midnight JST (issue 65): the certificates issued on one day and the 照会
made on the next ask by the day the vendor recorded, not by the day the 照会 is made on. The clock is moved by
time-machine in this process, where the reference serves too: the day turns after the person's certificates are
issued, exactly there, never by waiting."""

from __future__ import annotations

import time_machine
from midnight import before_midnight, eve, reference_in_process, turn_at

from conformance.checks.registry import CheckContext
from conformance.domains.jumin.scenarios.issuance_inquiry import LIVING, issuance_inquiry
from tests.domains.jumin.test_access_log import EDITION

#: The day before the midnight crossed: the clock runs from 23:00 JST on it, and the hook moves it past midnight.
EVE = eve()


def test_certificates_issued_before_midnight_are_asked_by_the_day_they_were_issued() -> None:
    with time_machine.travel(before_midnight(EVE), tick=True) as traveller, \
            reference_in_process(EDITION) as target:
        issued: list[str] = []

        def last_certificate(method: str, path: str) -> bool:
            if method == "post" and path.startswith("/forms/"):
                issued.append(path)
            return len(issued) == len(LIVING)  # the person's certificates dated the eve, the 照会 the next day

        turn_at(target, traveller, last_certificate, after=True)
        findings = list(issuance_inquiry(CheckContext(EDITION.requirement("jumin-1.0-2.2.2-R003"),
                                                      {"rule": "items"}, target)))
    assert len(issued) > len(LIVING)
    assert findings == []
