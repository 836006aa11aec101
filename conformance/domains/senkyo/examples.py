"""The senkyo oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case is a person of the municipality's 住民基本台帳: ``birth``; ``japanese`` (true unless given); ``settled``, the
day the address was taken; ``recorded``, the day the 住民票 was made or the 転入届 made (``settled`` unless given);
``ceased``, the day the address ceased (the 転出 day, or the day of death when ``died``). Asked ``as_of`` a day, the
answer is 名簿登録 (on the 名簿 that day), 登録日 (the 登録月の一日 as of which the person was registered, 第22条第1項),
表示 (第27条) and 抹消事由 (第28条第1号, 第2号), each as the oracle says; with ``base_day`` (a 登録の基準日, such as
the day before an election's 公示日) also 被登録資格 on that day (第21条第1項, 第2項).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    settled = _day(case["settled"])
    person = senkyo.Person(birth=_day(case["birth"]), japanese=bool(case.get("japanese", True)), settled=settled,
                           recorded=_day(case["recorded"]) if case.get("recorded") else settled,
                           ceased=_day(case["ceased"]) if case.get("ceased") else None, died=bool(case.get("died")))
    found: dict[str, Any] = {}
    if case.get("base_day"):
        found["被登録資格"] = senkyo.is_qualified(person, _day(case["base_day"]))
    if not case.get("as_of"):
        return found
    as_of = _day(case["as_of"])
    registered_on = senkyo.registration_day(person, as_of)
    return found | {"名簿登録": senkyo.is_registered(person, as_of),
            "登録日": registered_on.isoformat() if registered_on else None,
            "表示": senkyo.is_indicated(person, as_of),
            "抹消事由": senkyo.struck_off(person, as_of)}
