"""benchmarks/portal_load.py's pure parts (issue 51): the requirements it asks for are the ones it
gets, the municipalities are the country's, and the vendors rotate within a prefecture."""

from __future__ import annotations

from collections import Counter

import pytest
from benchmark_modules import load_benchmark

portal_load = load_benchmark("portal_load.py", "portal_load_under_test")
#: The shipped catalog's requirements (1,993 until 2026-11-27, when three 「削除」 of 公職選挙法 were retired).
TOTAL = 1990


def test_the_whole_catalog_is_every_requirement_of_21_editions() -> None:
    chosen, claimed = portal_load.selection(TOTAL)
    assert len(chosen) == len({r.id for r in chosen}) == TOTAL
    assert len(claimed) == 21 and sum(len(e.requirements) for e in claimed) == TOTAL
    assert portal_load.selection(0)[0] == chosen  # 0: all


def test_fewer_requirements_claim_only_the_editions_they_touch_and_more_are_refused() -> None:
    chosen, claimed = portal_load.selection(957)
    assert [e.domain for e in claimed] == ["jumin"] and {r.id.split("-")[0] for r in chosen} == {"jumin"}
    chosen, claimed = portal_load.selection(958)  # one past 住民記録: the next system, claimed whole
    assert len(claimed) == 2 and chosen[-1].id.split("-")[0] == claimed[1].domain
    with pytest.raises(SystemExit, match=f"{TOTAL} requirements"):
        portal_load.selection(TOTAL + 1)


def test_the_municipalities_are_the_1741_that_run_systems() -> None:
    places = portal_load.places()
    assert len(places) == len({p.code for p in places}) == 1741
    assert len({p.prefecture for p in places}) == 47
    assert not [p for p in places if p.name.endswith("区") and p.code.startswith("011")]  # 札幌市's wards
    first = portal_load.places(47)
    assert Counter(p.prefecture for p in first) == Counter({p.prefecture: 1 for p in places})


def test_bundles_rotate_over_the_prefectures_three_vendors_and_releases() -> None:
    assert [portal_load.vendor_of(0, k) for k in range(4)] == [0, 1, 2, 0]
    assert [portal_load.vendor_of(1, k) for k in range(3)] == [1, 2, 0]
    assert [portal_load.version_of(k) for k in range(4)] == ["1.0", "1.1", "2.0", "2.1"]


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]
    assert portal_load.percentile(values, 0.95) == 19.0
    assert portal_load.percentile(values, 0.5) == 10.0
    assert portal_load.percentile([3.0], 0.95) == 3.0
