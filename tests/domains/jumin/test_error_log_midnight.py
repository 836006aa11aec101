"""10.2 エラーログ across midnight JST (issue 65): the 転居 dated tomorrow must be refused whatever day the vendor
processes it on, so the check gives its 処理日. time-machine moves the clock in this process, where the reference
serves too: the day turns after the harness read it and before the vendor takes the request, never by waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine

from tests.domains.jumin.test_auth_error_logs import judge_errors, reference_target

#: 2026-03-31 23:00 JST; the hook moves the running clock an hour on, past midnight.
BEFORE_MIDNIGHT = datetime(2026, 3, 31, 14, 0, tzinfo=UTC)


def test_a_move_dated_tomorrow_sent_before_midnight_and_taken_after_it_is_still_refused() -> None:
    with time_machine.travel(BEFORE_MIDNIGHT, tick=True) as traveller, reference_target() as target:
        http = target.need_http()
        request = http.request
        turned: list[str] = []

        def turning(method: str, path: str, **kwargs: Any) -> Any:
            if path.endswith("/moves/within") and not turned:
                turned.append(path)
                traveller.shift(timedelta(hours=1))  # the 異動日 read on 3月31日, the request taken on 4月1日
            return request(method, path, **kwargs)

        http.request = turning  # type: ignore[method-assign]
        findings = judge_errors(target, "fields")
    assert turned and findings == []
