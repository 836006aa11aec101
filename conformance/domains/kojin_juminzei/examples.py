"""The kojin_juminzei oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case asks what it gives: ``stays`` (in order, each ``{at: <全国地方公共団体コード>, from, to}``, ``to`` the last day
of the address, absent while it lasts or when the person left the country) with ``fiscal_year`` and ``died`` ->
課税市町村, the code of the municipality that levies the 年度's tax, None for none (第294条第1項, 第318条);
``birth`` with ``fiscal_year`` -> 未成年者 (第295条第1項第2号, judged on the 賦課期日); ``address`` -> 所得割税率 in
percent (第314条の3第1項); ``fiscal_year`` alone -> 均等割 (第310条), 所得年 (第313条第1項) and 納期 (第320条).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.worked_examples import day as _day
from conformance.oracles.residence import Residence


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    fiscal_year = int(case["fiscal_year"]) if case.get("fiscal_year") is not None else None
    if case.get("stays") is not None and fiscal_year is not None:
        stays = [Residence(str(stay["at"]), _day(stay["from"]), _day(stay["to"]) if stay.get("to") else None)
                 for stay in case["stays"]]
        died = _day(case["died"]) if case.get("died") else None
        found["課税市町村"] = juminzei.juminzei_municipality(stays, fiscal_year, died=died)
    if case.get("birth") and fiscal_year is not None:
        found["未成年者"] = juminzei.is_minor_on_levy_date(_day(case["birth"]), fiscal_year)
    if case.get("address"):
        found["所得割税率"] = juminzei.shotokuwari_rate_percent(str(case["address"]))
    if fiscal_year is not None and not case.get("stays") and not case.get("birth"):
        found["均等割"] = juminzei.kintowari(fiscal_year)
        found["所得年"] = juminzei.income_year(fiscal_year)
        found["納期"] = [f"{year:04d}-{month:02d}" for year, month in juminzei.payment_months(fiscal_year)]
    return found
