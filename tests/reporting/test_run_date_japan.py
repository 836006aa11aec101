"""The 実行日 of a list written by the command line is the run's day in Japan (issue 65): the manifest records its
``created`` in UTC, and a run at 15:30 UTC ran on the next day in Japan."""

from __future__ import annotations

import pytest

from conformance.reporting.xlsx import japan_day


@pytest.mark.parametrize(("created", "day"), [
    ("2026-03-31T15:30:00+00:00", "2026-04-01"),  # after 15:00 UTC: the next day in Japan
    ("2026-03-31T14:59:59+00:00", "2026-03-31"),
    ("2026-04-01T00:30:00+09:00", "2026-04-01"),  # recorded with Japan's offset already
    ("2026-03-31", "2026-03-31"),  # a date alone (no instant to move): shown as it is
    ("not a date", "not a date"),
])
def test_the_run_date_is_japan_s_day_of_the_manifest_s_instant(created: str, day: str) -> None:
    assert japan_day(created) == day
