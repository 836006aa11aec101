"""The model's state machine ends a drawn example on a breach by Hypothesis's reject() only while the example's data
is open (conformance/domains/jumin/model/steps.py ``_example_open``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.domains.jumin.model.steps import _example_open


def test_a_breach_ends_a_drawn_example_by_reject_only_while_its_data_is_open() -> None:
    """Blind round 35, 07: a breach in the teardown Hypothesis runs after an example's data ran out (frozen) raised
    Frozen from reject(), an ERROR of the run; ``_example_open`` says when reject() may be called."""
    assert _example_open() is False  # no example being built
    seen: list[bool] = []

    @settings(max_examples=1, database=None)
    @given(st.none())
    def inside(_: None) -> None:
        seen.append(_example_open())

    inside()
    assert seen == [True]
