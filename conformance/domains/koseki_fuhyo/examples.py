"""The koseki_fuhyo oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case asks what it gives: ``settled`` (the day the person took the address in the 本籍地 town, ``HERE``), with
``planned_out`` (the 転出's day) and, for a move to another municipality, ``moved_in`` (the 転入通知's 転入日) and
``next`` (its code) -> 住所 (the code, None for a 国外転出者), 国外転出者 and 住所を定めた年月日 of the 附票 (法 第17条
第3号, 第4号; 施行令 第20条第1項); ``removed`` (the day removed from the 戸籍, or null) -> 消除 (施行令 第19条第1項);
``sex`` (the 住民記録 code) -> 男女の別 (法 第17条第6号).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.domains.koseki_fuhyo import oracle as fuhyo

#: The 本籍地 town (a valid 全国地方公共団体コード; which one does not matter to 住民基本台帳法).
HERE = "131016"


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    settled = _day(case.get("settled"))
    if settled is not None:
        address = fuhyo.fuhyo_address(HERE, settled, _day(case.get("planned_out")),
                                      moved_in_elsewhere=_day(case.get("moved_in")),
                                      next_municipality=str(case["next"]) if case.get("next") else None)
        found.update({"住所": "here" if address.municipality == HERE else address.municipality,
                      "国外転出者": address.emigrant, "住所を定めた年月日": address.since.isoformat()})
    if "removed" in case:
        found["消除"] = fuhyo.is_removed(_day(case["removed"]))
    if case.get("sex"):
        found["男女の別"] = fuhyo.SEX[str(case["sex"])]
    return found
