"""The reference vendor's 生活保護 (生活保護法 第8条, 第19条, 第24条), read from the person's 生活保護 record
(``POST /admin/records``).

Written apart from :mod:`conformance.domains.seikatsu_hogo.oracle` on purpose: the scenario checks compare the
two, and a bug shared by both would hide itself. Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day


def _area(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第19条: 入所 (before it), 急迫 (現在地), 居住地, else 現在地."""
    residence = record.get("居住地_市区町村コード") or None
    current = record.get("現在地_市区町村コード") or None
    before = record.get("入所前居住地_市区町村コード") or record.get("入所前現在地_市区町村コード") or None
    if before is not None and "seikatsu_hogo_facility_location" not in defects:
        return before
    if record.get("急迫") == "1" and current is not None and "seikatsu_hogo_urgency_ignored" not in defects:
        return current
    if "seikatsu_hogo_current_place_first" in defects and current is not None:
        return current
    if residence is not None:
        return residence
    return None if "seikatsu_hogo_no_residence_no_agency" in defects else current


def _plus_one_month(day: date) -> date:
    """The same day of the next month (its last day where the month is shorter)."""
    year, month = day.year + (day.month == 12), day.month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    return date(year, month, 28)


def _deadline(applied: date, extended: bool, defects: frozenset[str]) -> date:
    if extended and "seikatsu_hogo_extension_one_month" in defects:
        return _plus_one_month(applied)
    if extended or "seikatsu_hogo_deadline_thirty_days" in defects:
        return applied + timedelta(days=30)
    return applied + timedelta(days=14)


def seikatsu_hogo(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """生活保護: 実施機関 (its 市区町村コード), 通知期限, 遅延理由明示, みなし却下 on ``as_of``, 保護の程度."""
    answer: dict[str, Any] = {"実施機関_市区町村コード": _area(record, defects), "通知期限": None,
                              "遅延理由明示": None, "みなし却下": None, "保護の程度": None}
    applied, notified = parse_day(record.get("申請年月日", "")), parse_day(record.get("通知年月日", ""))
    if applied is not None:
        answer["通知期限"] = _deadline(applied, record.get("延長理由") == "1", defects).isoformat()
        late_after = 30 if "seikatsu_hogo_delay_reason_after_thirty" in defects else 14
        answer["遅延理由明示"] = notified is not None and (notified - applied).days > late_after
        deemed_after = 14 if "seikatsu_hogo_deemed_after_fourteen" in defects else 30
        answer["みなし却下"] = (as_of - applied).days > deemed_after and \
            (notified is None or (notified - applied).days > deemed_after)
    need, income = record.get("最低生活費"), record.get("収入認定額")
    if need is not None and need.isdigit():
        taken = int(income) if income is not None and income.isdigit() else 0
        if "seikatsu_hogo_income_ignored" in defects:
            taken = 0
        answer["保護の程度"] = max(0, int(need) - taken)
    return answer
