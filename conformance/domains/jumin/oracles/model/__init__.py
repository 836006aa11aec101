"""An oracle model of 住民記録 written from the text of 住民記録システム標準仕様書 第1.0版 (docs/model.md).

Independent of the reference vendor (nothing here imports :mod:`conformance_reference`): persons with
their history rows, 世帯 and 除票 derived from them, and each driver operation as a transition that says
which items it sets (to the values the text allows), which it keeps and which other records it changes,
each rule citing the requirement whose text fixes it.

    outcome = transition(world, "households.split", request)     # Commit or Refusal
    breaches = judge_history(outcome.rows[atena], before, after, judged, world)
    world.adopt(atena, after[len(before):])                     # the vendor's choice, once judged
"""

from conformance.domains.jumin.oracles.model.judge import (
    Breach,
    Judged,
    judge_committed,
    judge_history,
    judge_marked,
    judge_refusal,
    judge_row,
)
from conformance.domains.jumin.oracles.model.rules import Allowed, Commit, Measure, Outcome, Refusal, Row, RowRule
from conformance.domains.jumin.oracles.model.transitions import TRANSITIONS, Transition, transition
from conformance.domains.jumin.oracles.model.world import World

__all__ = [
    "TRANSITIONS",
    "Allowed",
    "Breach",
    "Commit",
    "Judged",
    "Measure",
    "Outcome",
    "Refusal",
    "Row",
    "RowRule",
    "Transition",
    "World",
    "judge_committed",
    "judge_history",
    "judge_marked",
    "judge_refusal",
    "judge_row",
    "transition",
]
