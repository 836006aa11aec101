"""The kenko_kanri oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case is a resident (``birth``, ``female`` false unless given) asked on a day (``as_of``). The answer names the
乳幼児健康診査 of 母子保健法 第12条第1項 (1歳6か月児, 3歳児) and the diseases of 予防接種法施行令 第3条第1項's
table, each with the oracle's verdict that day (True, False, or None where the text allows either).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    birth, day = _day(case["birth"]), _day(case["as_of"])
    found: dict[str, Any] = dict(kenko.infant_checkups(birth, day))
    return found | kenko.vaccination_targets(birth, day, female=bool(case.get("female")))
