"""10.2 エラーログ across midnight JST (issue 65): the 転居 dated tomorrow must be refused whatever day the vendor
processes it on, so the check gives its 処理日. time-machine moves the clock in this process, where the reference
serves too: the day turns after the harness read it and before the vendor takes the request, never by waiting."""

from __future__ import annotations

import time_machine
from midnight import before_midnight, eve, reference_in_process, turn_at

from tests.domains.jumin.test_auth_error_logs import EDITION, judge_errors

#: The day before the midnight crossed: the clock runs from 23:00 JST on it, and the hook moves it past midnight.
EVE = eve()


def test_a_move_dated_tomorrow_sent_before_midnight_and_taken_after_it_is_still_refused() -> None:
    with time_machine.travel(before_midnight(EVE), tick=True) as traveller, \
            reference_in_process(EDITION) as target:
        # the 異動日 read on the eve, the request taken the next day
        turned = turn_at(target, traveller, lambda method, path: path.endswith("/moves/within"), after=False)
        findings = judge_errors(target, "fields")
    assert turned and findings == []
