"""The seikatsu_hogo oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case is an application for the 開始 of 保護 made on ``applied`` (with ``special_reason``, a 特別な理由 of 第24条第5項
ただし書), the decision notice given on ``notified`` (absent: none yet), asked ``as_of`` a day; or a 要保護者's
monthly ``need`` (the 最低生活費 measured by the 基準) and ``income``. The answer: 通知期限 (第24条第5項), 理由明示
(第24条第6項: the notice states why it is late), 却下とみなす (第24条第7項) and 保護費 (第8条第1項), each only where
the case gives what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.seikatsu_hogo import oracle as hogo
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    if case.get("applied"):
        applied = _day(case["applied"])
        notified = _day(case["notified"]) if case.get("notified") else None
        found["通知期限"] = hogo.notice_deadline(applied, special_reason=bool(case.get("special_reason"))).isoformat()
        if notified is not None:
            found["理由明示"] = hogo.delay_reason_required(applied, notified)
        if case.get("as_of"):
            found["却下とみなす"] = hogo.deemed_rejected(applied, notified, _day(case["as_of"]))
    if case.get("need") is not None:
        found["保護費"] = hogo.shortfall(int(case["need"]), int(case["income"]))
    return found
