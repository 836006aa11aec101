"""The kokumin_nenkin oracle's answer to a worked example's case (``examples.yaml``; domains/worked_examples.py).

A case is a person and one stay in the municipality: ``birth``; ``moved_in`` (the first day of the address here: the
birth, or a move in), ``from_abroad`` (the move in came from outside Japan); ``ending`` (``{kind: died|abroad|moved,
day}``: the last day of the address here and how it ended, absent while it lasts); ``as_of`` (the day 第1号被保険者 is
asked); ``fiscal_year`` (the 年度 whose months of the 被保険者期間 are asked). The answer: 資格取得日 and 資格喪失日
during the stay (国民年金法 第8条, 第9条), 第1号被保険者 on ``as_of`` (第7条第1項第1号) and 被保険者期間の月
(第11条), each only where the case gives what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the per-person query answers with."""
    birth, moved_in = _day(case["birth"]), _day(case["moved_in"])
    ending = nenkin.Ending(case["ending"]["kind"], _day(case["ending"]["day"])) if case.get("ending") else None
    acquired = nenkin.acquisition_date(birth, moved_in, from_abroad=bool(case.get("from_abroad")), ending=ending)
    lost = nenkin.loss_date(birth, moved_in, ending=ending)
    found: dict[str, Any] = {"資格取得日": acquired.isoformat() if acquired else None,
                             "資格喪失日": lost.isoformat() if lost else None}
    if case.get("as_of"):
        day = _day(case["as_of"])
        left = ending is not None and ending.kind != "moved" and day > ending.day
        found["第1号被保険者"] = nenkin.is_first_insured_on(birth, day, domestic_address=day >= moved_in and not left)
    if case.get("fiscal_year"):
        period_lost = nenkin.period_loss_date(birth, moved_in, ending=ending)
        months = nenkin.insured_months_of_year(acquired, period_lost, int(case["fiscal_year"]))
        found["被保険者期間の月"] = [f"{year:04d}-{month:02d}" for year, month in months]
    return found
