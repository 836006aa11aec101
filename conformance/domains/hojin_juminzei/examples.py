"""The hojin_juminzei oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case is a corporation's facts in one 事業年度: ``capital`` (資本金等の額) and ``employees`` (従業者数の合計数 in the
municipality), ``paid_in`` (資本金及び資本準備金, where given); ``held_from`` and ``held_to`` (the first and the last
day the 事務所等 was held in the 事業年度); ``rate`` (a 均等割's 年額, where the case gives it rather than the capital);
``amount`` (a 月割 均等割 to be judged); ``levied`` (a 均等割 年額 a municipality levies, judged against 1.2 times the
rate); ``tax_base`` (the 法人税額). The answer: 均等割 (the 標準税率, 第312条第1項, 第6項), 月数 and 月割額
(第312条第4項), 月割の額 (whether ``amount`` is that 月割, short of it by less than 100円), 制限税率以内
(第312条第2項), 法人税割 (第314条の4第1項), each only where the case gives what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.hojin_juminzei import oracle as hojin
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    rate = int(case["rate"]) if case.get("rate") is not None else None
    if case.get("capital") is not None:
        capital = hojin.table_capital(int(case["capital"]),
                                      int(case["paid_in"]) if case.get("paid_in") is not None else None)
        found["均等割"] = hojin.equal_rate(capital, int(case["employees"]))
        rate = rate if rate is not None else found["均等割"]
    months = 12
    if case.get("held_from"):
        months = hojin.months_held(_day(case["held_from"]), _day(case["held_to"]))
        found["月数"] = months
        if rate is not None:
            found["月割額"] = hojin.prorated(rate, months)
    if case.get("amount") is not None and rate is not None:
        found["月割の額"] = hojin.within_proration(int(case["amount"]), rate, months)
    if case.get("levied") is not None and rate is not None:
        found["制限税率以内"] = hojin.within_equal_ceiling(int(case["levied"]), rate, months)
    if case.get("tax_base") is not None:
        found["法人税割"] = hojin.corporate_tax(int(case["tax_base"]))
    return found
