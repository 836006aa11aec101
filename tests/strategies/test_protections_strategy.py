"""dv_protections(): one-year periods (j440), extensions, 仮支援措置, and the protected person's row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from reach import observed

from conformance.strategies import AS_OF, Protection, dv_protections

settings.register_profile("strategies", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings.get_profile("strategies")
#: For find(): a reproducible search, shrunk to the simplest example.
SHRINK = settings(database=None, deadline=None, derandomize=True)


def one_year(start: date) -> date:
    """Written out from j440's example (令和2年4月1日 -> 令和3年3月31日): the day before the same date a
    year later; a 2月29日 start has no such date, so the period ends on 2月28日 (民法 143条)."""
    if (start.month, start.day) == (2, 29):
        return date(start.year + 1, 2, 28)
    return start.replace(year=start.year + 1) - timedelta(days=1)


def test_one_year_matches_the_example_of_j440() -> None:
    assert one_year(date(2020, 4, 1)) == date(2021, 3, 31)


@FAST
@given(dv_protections())
def test_the_row_is_a_current_protected_resident(protection: Protection) -> None:
    row = protection.row
    assert row["支援措置対象フラグ"] == "1" and row["住民状態"] == "1"
    assert row["支援措置_開始年月日"] == protection.start.isoformat()
    assert row["支援措置_終了年月日"] == protection.end.isoformat()
    assert date.fromisoformat(row["住民となった年月日"]) <= protection.start <= AS_OF


@FAST
@given(dv_protections(extended=False))
def test_a_period_is_one_year(protection: Protection) -> None:
    assert protection.extended_on == ()
    assert protection.end == one_year(protection.start)


@FAST
@given(dv_protections(extended=True))
def test_each_extension_adds_a_year_from_the_day_after_the_old_end(protection: Protection) -> None:
    assert protection.extended and not protection.provisional
    end = one_year(protection.start)
    for processed in protection.extended_on:
        # From one month before the end (the same day a month earlier, or that month's last day).
        assert end - timedelta(days=31) <= processed <= min(end, AS_OF)
        end = one_year(end + timedelta(days=1))
    assert protection.end == end


@FAST
@given(dv_protections(provisional=True))
def test_a_provisional_protection_is_recent_and_not_extended(protection: Protection) -> None:
    assert protection.provisional and not protection.extended
    assert AS_OF - timedelta(days=60) <= protection.start <= AS_OF
    assert protection.end == one_year(protection.start)


@pytest.mark.parametrize(("kind", "code"), [("japanese", "1"), ("foreign", "2")])
def test_kind_is_respected(kind: Any, code: str) -> None:
    @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(dv_protections(kind=kind))
    def check(protection: Protection) -> None:
        assert protection.row["住民種別"] == code

    check()




FEATURES: dict[str, Callable[[Protection], bool]] = {
    "provisional": lambda p: p.provisional,
    "extended": lambda p: p.extended,
    "extended twice": lambda p: len(p.extended_on) >= 2,
    "expired, still protected": lambda p: p.end < AS_OF,
    "ending within a month": lambda p: AS_OF <= p.end <= AS_OF + timedelta(days=31),
    "starting on 4/1": lambda p: (p.start.month, p.start.day) == (4, 1),
    "starting on 2/29": lambda p: (p.start.month, p.start.day) == (2, 29),
    "foreign": lambda p: p.row["住民種別"] == "2",
    "hidden from other business": lambda p: p.row["他業務参照不可フラグ"] == "1",
}


def test_every_case_is_reachable() -> None:
    assert set(FEATURES) - observed(dv_protections(), FEATURES, examples=600) == set()


def test_draws_shrink_to_a_plain_one_year_protection() -> None:
    protection = find(dv_protections(), lambda p: True, settings=SHRINK)
    assert not protection.provisional and not protection.extended
    assert protection.row["住民種別"] == "1"
