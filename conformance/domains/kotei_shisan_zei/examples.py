"""The kotei_shisan_zei oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case asks one or more of: with ``fiscal_year`` and a holding (``kind`` 土地/家屋/償却資産, ``acquired``,
``registered`` (``acquired`` unless given: the day registered as owner in the 登記簿 or a 課税台帳), ``released``
(the day that registration ended, absent while it lasts), ``died``), 納税義務者: whether the holder is liable for
the 年度 (第343条, 第359条; the asset is in the municipality judged); with ``fiscal_year`` alone, 年度区分 and
基準年度 (第341条第6号-第8号); with ``kind`` and ``standard`` (a 課税標準 in yen), 免税 (第351条).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.kotei_shisan_zei import oracle as kotei
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    if case.get("fiscal_year") is not None:
        fiscal_year = int(case["fiscal_year"])
        found |= {"年度区分": kotei.kotei_year_kind(fiscal_year), "基準年度": kotei.kotei_base_year(fiscal_year)}
        if case.get("acquired"):
            acquired = _day(case["acquired"])
            holding = kotei.Holding(str(case["kind"]), acquired,
                                    _day(case["registered"]) if case.get("registered") else acquired,
                                    _day(case["released"]) if case.get("released") else None)
            found["納税義務者"] = kotei.kotei_liable(holding, True, fiscal_year,
                                                 _day(case["died"]) if case.get("died") else None)
    if case.get("standard") is not None:
        standard = kotei.kotei_standard(str(case["kind"]), int(case["standard"]))
        found["免税"] = kotei.kotei_exempt(str(case["kind"]), standard)
    return found
