"""The kodomo_kosodate oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case is a child (``birth``) asked on a day (``as_of``), with ``needs_care`` (the 保護者's 保育を必要とする事由,
false unless given). The answer is 認定区分 (第19条第1項: 1号, 2号, 3号, or None when the child is in none) and
保育必要量の認定 (第20条第3項: whether a 保育必要量 is certified), each as the oracle says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kodomo_kosodate import oracle as kodomo
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found = kodomo.category(_day(case["birth"]), _day(case["as_of"]), needs_care=bool(case.get("needs_care")))
    return {"認定区分": found, "保育必要量の認定": kodomo.has_care_amount(found)}
