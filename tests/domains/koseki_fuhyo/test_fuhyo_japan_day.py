"""The 消除年月日 a vendor records is allowed up to Japan's today, not the day of the machine the harness runs on
(issue 65): at 00:30 JST on 4月1日 a machine set to UTC is still on 3月31日."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from conformance.checks.scenarios import Loaded
from conformance.domains.koseki_fuhyo import checks as fs

#: 2026-04-01 00:30 JST on a machine whose local time zone is UTC (time-machine sets it from the ZoneInfo).
JST_APRIL_FIRST_ON_A_UTC_MACHINE = datetime(2026, 3, 31, 15, 30, tzinfo=ZoneInfo("UTC"))


def _answer(removed: str) -> dict[str, object]:
    return {"戸籍の附票": {"記載": [{"宛名番号": "8999999981", "消除年月日": removed}]}}


def test_a_removal_recorded_on_japan_s_today_is_allowed_on_a_machine_still_on_yesterday() -> None:
    loaded = Loaded("8999999990", ("8999999981",))
    with time_machine.travel(JST_APRIL_FIRST_ON_A_UTC_MACHINE, tick=False):
        assert fs._first_child_removal_date(_answer("2026-04-01"), loaded) == fs._removal_date(fs.FAMILY, "")
        # A day after Japan's today is still a day the 消除 cannot have been recorded on.
        assert fs._first_child_removal_date(_answer("2026-04-02"), loaded) == {"子0の消除年月日": "2026-04-02"}
