"""The shogaisha_fukushi oracle's answer to a worked example's case (``examples.yaml``;
conformance/domains/worked_examples.py).

A case gives any of: ``places`` (the fields of the oracle's ``Places``, 市区町村コード) for 支給決定市町村 (支援法
第19条第2項-第4項); ``birth`` and ``applied`` for 保護者が申請 (身障法 第15条第1項ただし書); ``qualifies`` (the 障害
found to be one of the 別表 or not) for 手帳交付 and 却下理由の通知 (身障法 第15条第4項, 第5項). Each answer is the
oracle's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.shogaisha_fukushi import oracle as shogai
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    if "places" in case:
        found["支給決定市町村"] = shogai.deciding_municipality(shogai.Places(**case["places"]))
    if case.get("applied"):
        found["保護者が申請"] = shogai.guardian_applies(_day(case["birth"]), _day(case["applied"]))
    if "qualifies" in case:
        qualifies = bool(case["qualifies"])
        found |= {"手帳交付": shogai.certificate_issued(qualifies),
                  "却下理由の通知": shogai.rejection_with_reason(qualifies)}
    return found
