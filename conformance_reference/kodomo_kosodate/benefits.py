"""The reference vendor's 教育・保育給付認定 有効期間 and 施設型給付費 (子ども・子育て支援法 第21条, 第27条第3項), read
from the child's 子ども・子育て支援 record (``POST /admin/records``) for the per-person query.

Written apart from :mod:`conformance.domains.kodomo_kosodate.oracle` on purpose (the scenario checks compare the
two). Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day


def _yen(record: Mapping[str, str], item: str) -> int | None:
    value = record.get(item, "")
    return int(value) if value.isdigit() else None


def _in_effect(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool | None:
    """第21条: the 認定 within its 有効期間 (None: no 認定)."""
    first, last = parse_day(record.get("認定_開始年月日", "")), parse_day(record.get("認定_終了年月日", ""))
    if first is None or last is None:
        return None
    if "kodomo_certified_after_end" in defects:
        last += timedelta(days=1)
    return first <= as_of <= last


def _monthly_benefit(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    """第27条第3項: 第1号 (the 基準's cost, capped by the actual cost) less 第2号 (the 市町村's amount, capped by
    the 政令's), not below zero (None: the costs not given)."""
    standard, actual = _yen(record, "基準費用額"), _yen(record, "実費用額")
    municipal, limit = _yen(record, "市町村定額"), _yen(record, "政令限度額")
    if standard is None or actual is None or municipal is None or limit is None:
        return None
    cost = standard if "kodomo_benefit_standard_cost" in defects else min(standard, actual)
    charge = limit if "kodomo_benefit_charge_at_limit" in defects else min(municipal, limit)
    benefit = cost - charge
    return benefit if "kodomo_benefit_below_zero" in defects else max(benefit, 0)


def benefits(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """子ども・子育て支援 on ``as_of``: 認定有効 and a month's 施設型給付費 (施設型給付費月額, none outside the
    有効期間: 第27条第1項)."""
    in_effect = _in_effect(record, as_of, defects)
    return {"認定有効": in_effect, "施設型給付費月額": _monthly_benefit(record, defects) if in_effect else None}
