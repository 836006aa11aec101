"""The kaigo oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case is a person: ``birth``; ``stays`` in order, each ``{at: here|other, from, to}`` (``to`` the last day of the
address, absent while it lasts; ``here`` is the municipality judged); ``died`` (the last day of the last stay);
``as_of`` (the day 第1号被保険者 is asked); ``fiscal_year`` (the 年度 whose 賦課月 are asked). The answer: 資格取得日
and 資格喪失日 of the stay here (第10条, 第11条), 第1号被保険者 on ``as_of`` (第9条第1項第1号) and the 賦課月 (第129条),
each only where the case gives what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.worked_examples import day as _day
from conformance.oracles.residence import Residence

#: The municipality judged and another (valid 全国地方公共団体コード; which ones does not matter to 介護保険法).
HERE, OTHER = "131016", "011002"



def _stays(case: Mapping[str, Any]) -> list[Residence]:
    stays = [Residence(HERE if stay["at"] == "here" else OTHER, _day(stay["from"]),
                       _day(stay["to"]) if stay.get("to") else None) for stay in case["stays"]]
    if case.get("died"):
        last = stays[-1]
        stays[-1] = Residence(last.municipality, last.moved_in, _day(case["died"]))
    return stays


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the per-person query answers with."""
    birth, stays = _day(case["birth"]), _stays(case)
    here = next(stay for stay in stays if stay.municipality == HERE)
    acquired = kaigo.kaigo_acquisition_date(birth, here)
    lost = kaigo.kaigo_first_loss_date(birth, stays, here)
    found: dict[str, Any] = {"資格取得日": acquired.isoformat() if acquired else None,
                             "資格喪失日": lost.isoformat() if lost else None}
    if case.get("as_of"):
        found["第1号被保険者"] = kaigo.kaigo_first_insured_on(birth, here, _day(case["as_of"]), stays)
    if case.get("fiscal_year"):
        months = kaigo.kaigo_billed_months(birth, stays, HERE, int(case["fiscal_year"]))
        found["賦課月"] = [f"{year:04d}-{month:02d}" for year, month in months]
    return found
