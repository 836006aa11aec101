"""The keijidosha_zei oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case asks what it gives: ``owners`` (each ``{owner, acquired, released}``: the owner from ``acquired``, no longer
from ``released``, absent while owning) with ``fiscal_year`` -> 納税義務者, who pays the 年度's 種別割 (None:
nobody; 第443条第1項, 第463条の16); ``classes`` (the harness's class codes of 第463条の15第1項's table) ->
標準税率, each class's yen; ``fiscal_year`` alone -> 納期 (第463条の17 本文), as ``YYYY-MM``, and with ``due``
(``YYYY-MM``) -> 許される納期, whether a 納期限 in that month is one the article allows (本文 or ただし書).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.keijidosha_zei import oracle as keijidosha
from conformance.domains.worked_examples import day as _day
from conformance.domains.worked_examples import month as _month


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    fiscal_year = int(case["fiscal_year"]) if case.get("fiscal_year") is not None else None
    if case.get("owners") is not None and fiscal_year is not None:
        owners = [keijidosha.Ownership(str(owned["owner"]), _day(owned["acquired"]),
                                       _day(owned["released"]) if owned.get("released") else None)
                  for owned in case["owners"]]
        found["納税義務者"] = keijidosha.keijidosha_tax_payer(owners, fiscal_year)
    if case.get("classes"):
        found["標準税率"] = {str(kind): keijidosha.keijidosha_standard_rate(str(kind)) for kind in case["classes"]}
    if fiscal_year is not None and case.get("owners") is None:
        year, month = keijidosha.keijidosha_due_in(fiscal_year)
        found["納期"] = f"{year:04d}-{month:02d}"
        if case.get("due"):
            found["許される納期"] = _month(case["due"]) in keijidosha.keijidosha_due_months_allowed(fiscal_year)
    return found
