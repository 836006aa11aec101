"""The jido_teate oracle's answer to a worked example's case (``examples.yaml``; domains/worked_examples.py).

A case asks what it gives: ``birth`` (a child: the last day it is a 児童, 児童手当法 第3条第1項); with ``order`` (the
child's place among those counted, eldest first) and ``month`` (``YYYY-MM``), the 月額 of 第6条; ``claimed`` (the day
of the 認定の請求) with ``event`` (the birth or the 転出予定日, for the 15日特例), the first month paid (第8条第2項);
``paid_for`` (``YYYY-MM``), the month it is paid in (第8条第4項); ``ended`` (the day the 支給事由 ends: a move
out of the town), the last month paid (第8条第2項).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.jido_teate import oracle as jido
from conformance.domains.worked_examples import day as _day
from conformance.domains.worked_examples import month as _month
from conformance.domains.worked_examples import month_text as _text


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the checks ask with."""
    found: dict[str, Any] = {}
    if case.get("birth"):
        birth = _day(case["birth"])
        found["児童である最終日"] = jido.child_end_date(birth).isoformat()
        if case.get("month"):
            found["月額"] = jido.monthly_amount(birth, int(case.get("order", 1)), _month(case["month"]))
    if case.get("claimed"):
        event = _day(case["event"]) if case.get("event") else None
        found["支給開始月"] = _text(jido.start_month(_day(case["claimed"]), event=event))
    if case.get("ended"):
        found["支給終了月"] = _text(jido.end_month(_day(case["ended"])))
    if case.get("paid_for"):
        found["支払月"] = _text(jido.payment_month(_month(case["paid_for"])))
    return found
