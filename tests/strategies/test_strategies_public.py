"""The public surface of conformance.strategies, and argument checks that fail at draw time."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

import conformance.strategies as strategies
from conformance.strategies import (
    MUNICIPALITIES,
    boundary_dates,
    dv_protections,
    event_sequences,
    households,
    residents,
    scenarios,
)
from conformance.testdata.town import jumin_edition

PUBLIC = {
    "AS_OF", "ERA_BOUNDARY_DAYS", "EVENT_KINDS", "MUNICIPALITIES", "Event", "EventKind", "Protection", "Residence",
    "Scenario", "boundary_dates", "dv_protections", "event_sequences", "households", "residence_history",
    "residents", "scenarios",
}


def test_all_lists_the_public_names() -> None:
    assert set(strategies.__all__) == PUBLIC
    assert len(strategies.__all__) == len(PUBLIC)
    for name in strategies.__all__:
        assert getattr(strategies, name) is not None


def test_every_public_name_is_in_all() -> None:
    # "@py_builtins" and the like are pytest's assertion rewriting (the package is a pytest plugin).
    extra = {name for name in vars(strategies) if not name.startswith(("_", "@"))} - PUBLIC
    assert extra == set()


def test_residence_is_the_oracles_type() -> None:
    from conformance.oracles.residence import Residence

    assert strategies.Residence is Residence


def test_municipality_codes_are_six_digits_with_their_check_digit() -> None:
    from conformance.oracles.identifiers import is_valid_lg_code

    assert len(MUNICIPALITIES) >= 10
    assert all(is_valid_lg_code(code) for code in MUNICIPALITIES)
    assert "131016" in MUNICIPALITIES  # 千代田区, the worked example of DOMAIN.md's rule
    prefectures = [code[:2] for code in MUNICIPALITIES]
    assert len(prefectures) > len(set(prefectures)), "some share a prefecture (国保 moves inside one)"


def test_results_are_frozen_dataclasses() -> None:
    for kind in (strategies.Event, strategies.Protection, strategies.Scenario):
        assert dataclasses.is_dataclass(kind)
        assert kind.__dataclass_params__.frozen  # type: ignore[attr-defined]


# -- arguments: checked when drawn, not when the strategy is built ----------------------------------

BAD: list[tuple[Callable[..., SearchStrategy[Any]], dict[str, Any], str]] = [
    (residents, {"kind": "alien"}, "kind='alien'"),
    (residents, {"kind": True}, "kind=True"),
    (residents, {"category": "1"}, "needs kind='foreign'"),
    (residents, {"kind": "any", "category": "2"}, "needs kind='foreign'"),
    (residents, {"kind": "foreign", "category": "7"}, "category='7'"),
    (residents, {"kind": "foreign", "category": 1}, "category=1"),
    (residents, {"kind": "japanese", "with_tsusho": True}, "通称"),
    (residents, {"with_tsusho": "yes"}, "with_tsusho='yes'"),
    (residents, {"protected": 1}, "protected=1"),
    (residents, {"edition": "jumin/1.0"}, "EditionCatalog"),
    (households, {"size": 0}, "size=0"),
    (households, {"size": 13}, "size=13"),
    (households, {"size": (4, 2)}, "minimum is larger"),
    (households, {"size": (1, 2, 3)}, "(min, max) pair"),
    (households, {"size": 2.5}, "expected an int"),
    (households, {"size": True}, "expected an int"),
    (households, {"generations": 5}, "generations=5"),
    (households, {"generations": 0}, "generations=0"),
    (dv_protections, {"provisional": True, "extended": True}, "not extended"),
    (dv_protections, {"kind": "visitor"}, "kind='visitor'"),
    (dv_protections, {"extended": "no"}, "extended='no'"),
    (event_sequences, {"start": date(2026, 1, 1), "end": date(2025, 1, 1)}, "after end"),
    (event_sequences, {"start": datetime(2020, 1, 1)}, "datetime.date"),
    (event_sequences, {"kinds": frozenset({"転出", "転居"})}, "転入 or 出生"),
    (event_sequences, {"kinds": frozenset({"転入", "引越"})}, "unknown kinds"),
    (event_sequences, {"kinds": ["転入"]}, "frozenset"),
    (event_sequences, {"kinds": "転入"}, "frozenset"),
    (scenarios, {"kind": "tourist"}, "kind='tourist'"),
    (scenarios, {"kinds": frozenset({"死亡"})}, "転入 or 出生"),
    (scenarios, {"start": date(1900, 1, 1)}, "born after 1910-01-01"),
    (boundary_dates, {"min_value": date(2000, 1, 2), "max_value": date(2000, 1, 1)}, "after max_value"),
]


@pytest.mark.parametrize(("function", "arguments", "message"), BAD,
                         ids=[f"{f.__name__}-{'-'.join(map(str, a))}" for f, a, _ in BAD])
def test_bad_arguments_fail_at_draw_time(
    function: Callable[..., SearchStrategy[Any]], arguments: dict[str, Any], message: str
) -> None:
    strategy = function(**arguments)  # building the strategy does not check
    with pytest.raises(InvalidArgument, match=message.replace("(", r"\(").replace(")", r"\)")):
        strategy.validate()


def test_an_edition_without_the_layout_is_an_invalid_argument() -> None:
    edition = dataclasses.replace(jumin_edition(), interfaces=())
    with pytest.raises(InvalidArgument, match="residents_csv"):
        residents(edition).validate()


def test_an_edition_without_a_label_used_is_an_invalid_argument() -> None:
    edition = jumin_edition()
    tables = tuple(
        table.model_copy(update={"codes": tuple(c for c in table.codes if c.label != "死亡")})
        if table.id == "resident_status" else table
        for table in edition.code_tables
    )
    with pytest.raises(InvalidArgument, match="死亡"):
        households(dataclasses.replace(edition, code_tables=tables)).validate()


@pytest.mark.parametrize("strategy", [
    residents(), residents(jumin_edition(), kind="foreign", category="6", with_tsusho=False, protected=False),
    households(size=3, generations=1), households(size=(2, 12)), dv_protections(kind="japanese", extended=True),
    event_sequences(kinds=frozenset({"出生"})), scenarios(kind="foreign"), boundary_dates(),
], ids=repr)
def test_good_arguments_validate(strategy: SearchStrategy[Any]) -> None:
    strategy.validate()


def test_boundary_dates_cover_the_whole_calendar() -> None:
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=50, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(boundary_dates(date.min, date.max), boundary_dates(date(2024, 2, 29), date(2024, 2, 29)))
    def check(anywhere: date, one_day: date) -> None:
        assert date.min <= anywhere <= date.max
        assert one_day == date(2024, 2, 29)

    check()
