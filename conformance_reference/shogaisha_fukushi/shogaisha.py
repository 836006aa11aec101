"""The reference vendor's 障害者福祉 (障害者総合支援法 第19条, 第21条, 第23条; 身体障害者福祉法 第4条, 第15条), read
from the 住民記録 row (生年月日) and the person's 障害者福祉 record (``POST /admin/records``).

Written apart from :mod:`conformance.domains.shogaisha_fukushi.oracle` on purpose (birthdays counted here, ages
there): the
scenario checks compare the two, and a bug shared by both would hide itself. Named defects (``defects``) change
one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day


def _code(record: Mapping[str, str], item: str) -> str | None:
    return record.get(item) or None


def _child_facility(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第19条第4項: the 保護者's 居住地 on the day before 18, else the person's 所在地 that day."""
    guardian = _code(record, "十八歳前日保護者居住地_市区町村コード")
    if guardian is not None:
        if "shogaisha_child_facility_own_residence" in defects:
            return _code(record, "入所前居住地_市区町村コード") or guardian
        return guardian
    if "shogaisha_child_facility_current_place" in defects:
        return _code(record, "現在地_市区町村コード")
    return _code(record, "十八歳前日所在地_市区町村コード")


def _facility(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第19条第3項: the 居住地 before the first 入所, else the 所在地 before it."""
    before = _code(record, "入所前居住地_市区町村コード")
    if before is not None:
        return _code(record, "現在地_市区町村コード") if "shogaisha_facility_location" in defects else before
    if "shogaisha_facility_no_residence_current_place" in defects:
        return _code(record, "現在地_市区町村コード")
    return _code(record, "入所前所在地_市区町村コード")


def _deciding(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第19条: the 市町村 that makes the 支給決定 (市区町村コード)."""
    if record.get("障害児施設継続入所") == "1":
        return _child_facility(record, defects)
    if record.get("特定施設入所") == "1":
        return _facility(record, defects)
    residence, current = _code(record, "居住地_市区町村コード"), _code(record, "現在地_市区町村コード")
    if "shogaisha_current_place_first" in defects and current is not None:
        return current
    if residence is not None:
        return residence
    return None if "shogaisha_no_residence_no_decision" in defects else current


def _in_effect(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool | None:
    """第23条: the 支給決定 within its 有効期間 (None: no 支給決定)."""
    first, last = parse_day(record.get("支給決定_開始年月日", "")), parse_day(record.get("支給決定_終了年月日", ""))
    if first is None or last is None:
        return None
    if "shogaisha_valid_after_end" in defects:
        last += timedelta(days=1)
    return first <= as_of <= last


def _months(first: date, last: date) -> int:
    """The months a 有効期間 touches (both ends counted)."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _monthly_amounts(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, int] | None:
    """第22条第7項: the 支給量 of each kind of service, per month (None: no 支給決定)."""
    first, last = parse_day(record.get("支給決定_開始年月日", "")), parse_day(record.get("支給決定_終了年月日", ""))
    if first is None or last is None:
        return None
    times = _months(first, last) if "shogaisha_supply_amount_per_period" in defects else 1
    return {item.split("_", 1)[1]: int(value) * times for item, value in record.items()
            if item.startswith("支給量_") and value}


def _reached(birth: date | None, years: int, day: date, *, on_birthday: bool = False, leap_early: bool = False) -> bool:
    """Whether the age ``years`` is reached by ``day``: on the day before the birthday (on the birthday); a 2月29日
    birth's birthday in a common year is 3月1日 (``leap_early``, a defect: 2月28日)."""
    if birth is None:
        return False
    try:
        birthday = birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日
        birthday = date(birth.year + years, 2, 28) if leap_early else date(birth.year + years, 3, 1)
    return day >= (birthday if on_birthday else birthday - timedelta(days=1))


def _held(given: date | None, as_of: date, defects: frozenset[str]) -> bool:
    """身障法 第4条, 第15条: the 手帳 is held from its 交付年月日 itself (the defect: from the day after)."""
    if given is None:
        return False
    return given < as_of if "shogaisha_certificate_from_next_day" in defects else given <= as_of


def _disabled(row: Mapping[str, str], given: date | None, as_of: date, defects: frozenset[str]) -> bool:
    """身障法 第4条: 十八歳以上 and given a 手帳 by ``as_of``, whatever the nationality."""
    birth = parse_day(row.get("生年月日", ""))
    adult = _reached(birth, 18, as_of, on_birthday="shogaisha_adult_from_birthday" in defects,
                     leap_early="shogaisha_leap_birthday_feb28" in defects)
    if "shogaisha_nationals_only" in defects and row.get("住民種別") == "2":
        return False
    handed = _held(given, as_of, defects) or (given is not None and "shogaisha_disabled_before_issue" in defects)
    return handed and adult


def _certificate(row: Mapping[str, str], record: Mapping[str, str], as_of: date,
                 defects: frozenset[str]) -> dict[str, Any]:
    """身障法 第4条, 第15条: 身体障害者, the applicant, the 手帳 or the reasoned notice, who holds the 手帳."""
    birth, applied = parse_day(row.get("生年月日", "")), parse_day(record.get("手帳申請年月日", ""))
    given = parse_day(record.get("手帳交付年月日", ""))
    answer: dict[str, Any] = {"身体障害者": _disabled(row, given, as_of, defects),
                              "手帳申請者": None, "手帳交付": None, "却下理由通知": None, "手帳所持者": None}
    if applied is not None:
        child = not _reached(birth, 15, applied, on_birthday="shogaisha_guardian_until_birthday" in defects)
        answer["手帳申請者"] = "保護者" if child else "本人"
        found = record.get("別表該当") == "1"
        adults_only = "shogaisha_certificate_adults_only" in defects and not _reached(birth, 18, applied)
        answer["手帳交付"] = found and not adults_only
        answer["却下理由通知"] = not found and "shogaisha_rejection_without_reason" not in defects
    if applied is not None and _held(given, as_of, defects):
        by_guardian = not _reached(birth, 15, applied)
        handover_age = 18 if "shogaisha_handover_at_eighteen" in defects else 15
        answer["手帳所持者"] = "保護者" if by_guardian and not _reached(birth, handover_age, as_of) else "本人"
    return answer


def shogaisha(row: Mapping[str, str], record: Mapping[str, str], as_of: date,
              defects: frozenset[str]) -> dict[str, Any]:
    """障害者福祉 on ``as_of``: 支給決定市町村, 介護給付費等支給, 支給決定有効, 障害支援区分, 月間支給量, and the
    身体障害者手帳."""
    in_effect = _in_effect(record, as_of, defects)
    category = record.get("審査判定区分") or None
    if "shogaisha_category_from_primary_judgement" in defects:
        category = record.get("一次判定区分") or category
    payable = bool(in_effect) or ("shogaisha_benefits_outside_period" in defects and in_effect is False)
    if "shogaisha_benefits_without_decision" in defects and in_effect is None and category is not None:
        payable = True
    return {"支給決定市町村_市区町村コード": _deciding(record, defects), "介護給付費等支給": payable,
            "支給決定有効": in_effect, "障害支援区分": category, "月間支給量": _monthly_amounts(record, defects),
            **_certificate(row, record, as_of, defects)}
