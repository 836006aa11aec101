"""The koki_korei oracle's answer to a worked example's case (``examples.yaml``; domains/worked_examples.py).

A case is a person: ``birth``; ``stays`` in order, each ``{at: here|same|other, from, to}`` (``here`` the municipality
judged, ``same`` another municipality of its prefecture, ``other`` one of another prefecture; ``to`` the last day of
the address, absent while it lasts); ``died`` (the last day of the last stay); ``certified`` (the day of the 広域連合's
障害認定, 第50条第2号); ``welfare`` (``{from, to}``: the 生活保護's first day and the day of its 廃止); ``as_of`` (the
day asked). The answer: 資格取得日 and 資格喪失日 of the 資格 in the 広域連合 of ``here``'s prefecture in effect on
``as_of`` (高齢者の医療の確保に関する法律 第52条, 第53条: :func:`oracle.koki_qualification`) and 被保険者 that day
(第50条, 第51条: :func:`oracle.koki_insured_on`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.domains.koki_korei import oracle as koki
from conformance.domains.worked_examples import day as _day
from conformance.oracles.residence import Residence

#: The municipality judged, another of its prefecture (東京都) and one of another prefecture (valid codes).
PLACES = {"here": "131016", "same": "131024", "other": "011002"}



def _maybe(value: Any) -> date | None:
    return _day(value) if value else None


def _stays(case: Mapping[str, Any]) -> list[Residence]:
    stays = [Residence(PLACES[stay["at"]], _day(stay["from"]), _maybe(stay.get("to"))) for stay in case["stays"]]
    if case.get("died"):
        last = stays[-1]
        stays[-1] = Residence(last.municipality, last.moved_in, _day(case["died"]))
    return stays


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the per-person query answers with."""
    birth, stays, day = _day(case["birth"]), _stays(case), _day(case["as_of"])
    welfare = case.get("welfare") or {}
    facts = koki.KokiFacts(certified=_maybe(case.get("certified")), welfare_start=_maybe(welfare.get("from")),
                           welfare_end=_maybe(welfare.get("to")))
    prefecture = PLACES["here"][:2]
    acquired, lost = koki.koki_qualification(birth, stays, prefecture, day, facts)
    return {"資格取得日": acquired.isoformat() if acquired else None, "資格喪失日": lost.isoformat() if lost else None,
            "被保険者": koki.koki_insured_on(birth, stays, prefecture, day, facts)}
