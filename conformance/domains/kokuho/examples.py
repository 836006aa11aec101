"""The kokuho oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case is a person: ``birth``; ``stays`` in order, each ``{at: here|other, from, to}`` (``to`` the last day of the
address, absent while it lasts; ``here`` is the municipality judged, ``other`` one in another prefecture); ``died``
(the last day of the last stay); ``welfare`` (``{from, to}``: the 生活保護's first day and the day of its 廃止, ``to``
absent while it lasts); ``as_of`` (the day 被保険者 is asked); ``fiscal_year`` (the 年度 whose 賦課月 are asked). The
answer: 資格取得日 and 資格喪失日 of the stay here (国民健康保険法 第7条, 第8条), 被保険者 on ``as_of`` (第6条第8号,
第9号; :func:`oracle.is_insured_on`, :func:`oracle.receives_welfare`) and the 賦課月 (第76条; the 施行令's 月割 as the
oracle reads it), each only where the case gives what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.worked_examples import day as _day
from conformance.oracles.residence import Residence

#: The municipality judged and one of another prefecture (valid 全国地方公共団体コード).
HERE, OTHER = "131016", "011002"



def _maybe(value: Any) -> date | None:
    return _day(value) if value else None


def _stays(case: Mapping[str, Any]) -> list[Residence]:
    stays = [Residence(HERE if stay["at"] == "here" else OTHER, _day(stay["from"]), _maybe(stay.get("to")))
             for stay in case["stays"]]
    if case.get("died"):
        last = stays[-1]
        stays[-1] = Residence(last.municipality, last.moved_in, _day(case["died"]))
    return stays


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the per-person query answers with."""
    stays = _stays(case)
    qualification = next(qual for qual in kokuho.kokuho_qualifications(stays) if qual.municipality == HERE)
    found: dict[str, Any] = {"資格取得日": qualification.acquired.isoformat(),
                             "資格喪失日": qualification.lost.isoformat() if qualification.lost else None}
    if case.get("as_of"):
        day, welfare = _day(case["as_of"]), case.get("welfare") or {}
        found["被保険者"] = kokuho.is_insured_on(_day(case["birth"]), qualification.acquired, qualification.lost, day) \
            and not kokuho.receives_welfare(_maybe(welfare.get("from")), _maybe(welfare.get("to")), day)
    if case.get("fiscal_year"):
        months = kokuho.kokuho_billed_months(stays, HERE, int(case["fiscal_year"]))
        found["賦課月"] = [f"{year:04d}-{month:02d}" for year, month in months]
    return found
