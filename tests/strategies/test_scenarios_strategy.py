"""scenarios(): the row is the record of one stay of the history, consistent with the events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from reach import observed

from conformance.oracles.jumin import removal_date
from conformance.oracles.residence import address_on, validate_history
from conformance.strategies import MUNICIPALITIES, Event, Scenario, residence_history, scenarios

settings.register_profile("strategies", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings.get_profile("strategies")
#: For find(): a reproducible search, shrunk to the simplest example.
SHRINK = settings(database=None, deadline=None, derandomize=True)
REASONS = {"転入": "A1", "出生": "A2", "転居": "B1", "転出": "C1", "死亡": "C2", "世帯変更": "D1"}




def home_events(scenario: Scenario) -> list[Event]:
    """The events from the home stay's entry up to the next entry."""
    entries = [i for i, e in enumerate(scenario.events) if e.kind in ("転入", "出生")]
    index = entries[len(scenario.residences) + scenario.home if scenario.home < 0 else scenario.home]
    following = [i for i in entries if i > index]
    return list(scenario.events[index:following[0] if following else None])


@FAST
@given(scenarios())
def test_residences_are_the_history_of_the_events(scenario: Scenario) -> None:
    assert scenario.residences == residence_history(scenario.events)
    validate_history(scenario.residences)
    assert scenario.stay in scenario.residences


@FAST
@given(scenarios())
def test_the_row_records_the_home_stay(scenario: Scenario) -> None:
    row, stay = scenario.row, scenario.stay
    assert row["住所_市区町村コード"] == stay.municipality
    assert (row["住所_都道府県"], row["住所_市区町村"]) == MUNICIPALITIES[stay.municipality]
    assert row["住民となった年月日"] == stay.moved_in.isoformat()
    events = home_events(scenario)
    last = events[-1]
    assert (row["異動事由"], row["異動日"]) == (REASONS[last.kind], last.on.isoformat())
    status = {"転出": "2", "死亡": "3"}.get(last.kind, "1")
    assert row["住民状態"] == status
    assert (stay.moved_out is None) == (status == "1")
    moves = [e.on for e in events if e.kind == "転居"]
    assert row["住所を定めた年月日"] == (moves[-1] if moves else stay.moved_in).isoformat()


@FAST
@given(scenarios())
def test_move_items_follow_the_neighbouring_stays(scenario: Scenario) -> None:
    row, events = scenario.row, home_events(scenario)
    index = scenario.residences.index(scenario.stay)
    entry, last = events[0], events[-1]
    assert row["転入前住所_市区町村コード"] == (entry.counterpart if entry.kind == "転入" else "")
    previous = scenario.residences[index - 1] if index > 0 else None
    expected_previous = previous.moved_out.isoformat() if previous is not None and previous.moved_out else ""
    assert row["転入前住所_転出予定年月日"] == expected_previous
    assert row["転出予定年月日"] == (last.on.isoformat() if last.kind == "転出" else "")
    following = scenario.residences[index + 1] if index + 1 < len(scenario.residences) else None
    if last.kind == "転出" and following is not None:
        assert row["転出先住所（確定）_市区町村コード"] == following.municipality
        assert row["転出年月日（確定）"] == following.moved_in.isoformat()  # j680: from the 転入通知
        assert removal_date(last.on, following.moved_in) == scenario.stay.moved_out  # the 除票 date
    else:
        assert row["転出先住所（確定）_市区町村コード"] == row["転出年月日（確定）"] == ""


@FAST
@given(scenarios(start=date(2020, 1, 1), end=date(2023, 12, 31)))
def test_no_date_of_the_row_is_after_the_end(scenario: Scenario) -> None:
    expiries = {"在留期間の満了の日", "上陸期間_満了日", "仮滞在期間_満了日"}
    for item, value in scenario.row.items():
        if len(value) == 10 and value[4] == "-" and item not in expiries:
            assert value <= "2023-12-31", item
    first = scenario.events[0]
    birth = scenario.row["生年月日"]
    if first.kind == "出生":
        assert birth == first.on.isoformat()
    elif birth:
        assert birth < first.on.isoformat()


@FAST
@given(scenarios())
def test_the_oracles_read_the_history(scenario: Scenario) -> None:
    stay = scenario.stay
    assert address_on(scenario.residences, stay.moved_in) is not None
    if stay.moved_out is None:
        assert address_on(scenario.residences, date(2026, 3, 31)) == stay


@pytest.mark.parametrize(("kind", "code"), [("japanese", "1"), ("foreign", "2")])
def test_kind_is_respected(kind: Any, code: str) -> None:
    @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(scenarios(kind=kind))
    def check(scenario: Scenario) -> None:
        assert scenario.row["住民種別"] == code
        if code == "2":
            assert scenario.row["第30条45規定区分"] in ("1", "2")

    check()


FEATURES: dict[str, Callable[[Scenario], bool]] = {
    "home is not the last stay": lambda s: s.home != -1,
    "moved out, confirmed by the next 転入": lambda s: bool(s.row["転出年月日（確定）"]),
    "moved out on the day of the next 転入": lambda s: s.row["転出年月日（確定）"] != "" and
    s.row["転出年月日（確定）"] == s.row["転出予定年月日"],
    "moved in elsewhere days after moving out": lambda s: s.row["転出年月日（確定）"] > s.row["転出予定年月日"],
    "moved out abroad": lambda s: s.row["住民状態"] == "2" and not s.row["転出先住所（確定）_市区町村コード"],
    "deceased": lambda s: s.row["住民状態"] == "3",
    "born in the history": lambda s: s.events[0].kind == "出生",
    "came from a stay in the history": lambda s: bool(s.row["転入前住所_転出予定年月日"]),
    "household change": lambda s: s.row["異動事由"] == "D1",
    "foreign": lambda s: s.row["住民種別"] == "2",
    "lived there on 1/1": lambda s: any(stay.has_address_on(date(y, 1, 1)) for stay in s.residences
                                        for y in range(2019, 2027)),
}


def test_every_case_is_reachable() -> None:
    seen = observed(scenarios(), FEATURES, examples=400)
    assert set(FEATURES) - seen == set()


def test_draws_shrink_to_a_japanese_resident_with_one_event() -> None:
    scenario = find(scenarios(), lambda s: True, settings=SHRINK)
    assert [event.kind for event in scenario.events] in (["転入"], ["出生"])  # moved in, or born there
    assert (scenario.row["住民種別"], scenario.row["住民状態"]) == ("1", "1")
