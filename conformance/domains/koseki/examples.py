"""The koseki oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case is one 届出 or one request: a birth (``born``, and ``abroad`` when it was 国外) gives 届出期間末日, the
last day of the 出生の届出 (第49条第1項, counted from the day of the birth: 第43条第1項); a death (``known``, the
day the 届出義務者 knew of it, and ``abroad``) gives the last day of the 死亡の届出 (第86条第1項); a request
(``relation``, one of the classes of the oracle's ``REQUEST_CLASSES``) gives 請求可 (第10条第1項). The oracle
does not move a last day that falls on a day the office is closed: the examples' days are days it is open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.koseki import oracle as koseki
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    abroad = bool(case.get("abroad"))
    found: dict[str, Any] = {}
    if case.get("born"):
        found["届出期間末日"] = koseki.birth_period_end(_day(case["born"]), abroad=abroad).isoformat()
    if case.get("known"):
        found["届出期間末日"] = koseki.death_period_end(_day(case["known"]), abroad=abroad).isoformat()
    if case.get("relation"):
        found["請求可"] = koseki.may_request(str(case["relation"]))
    return found
