"""The jido_fuyo_teate oracle's answer to a worked example's case (``examples.yaml``; domains/worked_examples.py).

A case asks what it gives: ``birth`` (a child: the last day it is a 児童, 児童扶養手当法 第3条第1項); ``claimed``
(``YYYY-MM``, the month of the 認定の請求: the first month paid, 第7条第1項); ``paid_for`` (``YYYY-MM``: the month it
is paid in, 第7条第3項); ``income`` with ``support`` (the 養育費 received), ``dependants`` (加算対象扶養親族等) and
``children`` (監護等児童): the 所得 counted (施行令 第2条の4第5項), the 支給区分 (第9条第1項, 施行令 第2条の4第1項,
第2項) and, with ``amounts`` (``{base, addition}``: the year's 基本額 and 加算額 as revised under 第5条の2, which the
oracle does not carry), the 手当月額 (第5条 less the 一部支給停止額 of 施行令 第2条の4第3項, 第4項).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.domains.jido_fuyo_teate import oracle as fuyo
from conformance.domains.worked_examples import month as _month
from conformance.domains.worked_examples import month_text as _text


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the checks ask with."""
    found: dict[str, Any] = {}
    if case.get("birth"):
        found["児童である最終日"] = fuyo.child_end_date(date.fromisoformat(str(case["birth"]))).isoformat()
    if case.get("claimed"):
        found["支給開始月"] = _text(fuyo.start_month(_month(case["claimed"])))
    if case.get("paid_for"):
        found["支払月"] = _text(fuyo.payment_month(_month(case["paid_for"])))
    if "income" in case:
        income = fuyo.counted_income(int(case["income"]), int(case.get("support", 0)))
        dependants, children = int(case.get("dependants", 0)), int(case.get("children", 1))
        found["所得"] = income
        found["支給区分"] = fuyo.kind(income, dependants)
        if case.get("amounts"):
            base_units, additions = fuyo.monthly_units(children)
            full = base_units * int(case["amounts"]["base"]) + additions * int(case["amounts"]["addition"])
            stopped = found["支給区分"] == "全部停止"
            found["手当月額"] = 0 if stopped else full - fuyo.partial_stop(income, dependants, children)
    return found
