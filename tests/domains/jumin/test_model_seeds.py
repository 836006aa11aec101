"""The 住民記録 model's machine with the run's several seeds (issue 65): each seed draws its own examples, the fixed
examples are judged with the first seed only (they find the same whatever it is), and another seed's run still
counts their rules exercised (a requirement only they reach is judged, never NOT_AUTOMATED for that seed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from inprocess import started_in_process

from conformance.checks.registry import once_per_target
from conformance.domains.jumin.model import check
from conformance.domains.jumin.model.check import Result, run_machine
from conformance.domains.jumin.model.steps import Session
from tests.domains.jumin.test_model_machine import REFUSAL_RULES, SEED, machine_target


def test_the_fixed_examples_run_with_the_first_seed_only_and_count_for_every_seed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def noted(example: Callable[[Session], None]) -> Callable[[Session], None]:
        def run(session: Session) -> None:
            ran.append(example.__name__)
            example(session)
        run.__name__ = example.__name__
        return run

    monkeypatch.setattr(check, "BEFORE_THE_DRAWS", tuple(noted(e) for e in check.BEFORE_THE_DRAWS))
    monkeypatch.setattr(check, "AFTER_THE_DRAWS", tuple(noted(e) for e in check.AFTER_THE_DRAWS))
    with started_in_process() as running:
        target = machine_target(running.client(), max_examples=1)
        target.seeds = (target.seed, 7)
        first = once_per_target(target.seeded(target.seed), "model.jumin.state_machine", run_machine, Result)
        fixed = len(ran)
        other = once_per_target(target.seeded(7), "model.jumin.state_machine", run_machine, Result)
    assert fixed == len(check.BEFORE_THE_DRAWS) + len(check.AFTER_THE_DRAWS)
    assert ran[fixed:] == []  # the second seed: its draws (and the run's clerk, when the vendor has users) only
    assert (first.seed, other.seed) == (SEED, 7)
    assert first.breaches == other.breaches == ()
    assert first.exercised >= REFUSAL_RULES and other.exercised >= REFUSAL_RULES
