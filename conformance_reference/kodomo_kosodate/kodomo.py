"""The reference vendor's 教育・保育給付認定 (子ども・子育て支援法 第19条, 第20条), the driver operation
``kodomo.nintei``: an application of a 保護者 for one child on a day, answered with the 処分.

Written apart from :mod:`conformance.domains.kodomo_kosodate.oracle` on purpose (the scenario checks compare the
two). A 小学校就学前子ども is one before the 4月1日 after the day six is reached; an age is reached the day
before the birthday. Named defects (``defects``) change one field of the answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, parse_day, stay_of

_ONE_DAY = timedelta(days=1)
#: The 保育必要量 the reference certifies (a 月 of 保育標準時間; the 内閣府令's 区分 is the vendor's).
_CARE_AMOUNT = "保育標準時間"


def _birthday(birth: date, years: int) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日
        return date(birth.year + years, 3, 1)


def _school_starts(birth: date) -> date:
    six = _birthday(birth, 6) - _ONE_DAY
    return date(six.year, 4, 1) if six < date(six.year, 4, 1) else date(six.year + 1, 4, 1)


def _preschool(birth: date, day: date, defects: frozenset[str]) -> bool:
    if "kodomo_newborn_refused" in defects and day == birth:
        return False
    if "kodomo_preschool_until_sixth_birthday" in defects:
        return birth <= day < _birthday(birth, 6)
    return birth <= day < _school_starts(birth)


def _category(birth: date, day: date, needs_care: bool) -> str | None:
    """第19条第1項第1号〜第3号 (None: in no 区分)."""
    if not birth <= day < _school_starts(birth):
        return None
    if day >= _birthday(birth, 3) - _ONE_DAY:
        return "2号" if needs_care else "1号"
    return "3号" if needs_care else None


def _shown_category(birth: date, day: date, needs_care: bool, defects: frozenset[str]) -> str | None:
    correct = _category(birth, day, needs_care)
    if "kodomo_leap_day_three_late" in defects and (birth.month, birth.day) == (2, 29) \
            and day == _birthday(birth, 3) - _ONE_DAY and correct is not None:
        return "3号" if needs_care else None
    if correct == "1号" and "kodomo_one_from_third_birthday" in defects and day < _birthday(birth, 3):
        return None
    if correct == "2号" and "kodomo_three_until_birthday" in defects and day <= _birthday(birth, 3):
        return "3号"
    if correct == "2号" and "kodomo_two_needs_care_ignored" in defects:
        return "1号"
    return correct


def _resident(row: Row, day: date) -> bool:
    stay = stay_of(row)
    return stay is not None and stay.moved_in <= day and (stay.moved_out is None or day <= stay.moved_out)


def nintei(guardian: Row, child: Row, applied: date, reason: str | None, defects: frozenset[str],
           present: str | None = None) -> dict[str, Any]:
    """The 処分 on the 保護者's application for ``child`` made on ``applied`` (``reason``: the 保育を必要と
    する事由, None when none is claimed; ``present``: the 現在地 of a 保護者 who has no 居住地, 第20条第2項ただし書)."""
    birth = parse_day(child.get("生年月日", ""))
    needs_care = bool(reason)
    correct = _category(birth, applied, needs_care) if birth is not None else None
    here = _resident(guardian, applied) or "kodomo_moved_out_certified" in defects
    if present is not None and "kodomo_present_place_ignored" not in defects:
        # The town's own code: the address its 住民記録 holds (or held) for the 保護者.
        here = present == guardian.get("住所_市区町村コード")
    certified = here and correct is not None and birth is not None and _preschool(birth, applied, defects)
    named = certified or "kodomo_category_on_refusal" in defects
    shown = _shown_category(birth, applied, needs_care, defects) if named and birth is not None else None
    amount = _CARE_AMOUNT if certified and correct in ("2号", "3号") else None
    if correct == "3号" and "kodomo_no_amount_for_infants" in defects:
        amount = None
    certificate = {"認定区分": None if "kodomo_certificate_without_category" in defects else shown,
                   "保育必要量": amount} if certified else None
    deadline = applied + timedelta(days=30)
    if "kodomo_deadline_next_month" in defects:
        deadline = _next_month_same_day(applied)
    reasons = None if certified or "kodomo_refusal_without_reason" in defects else _refusal(here, birth, applied)
    notified = child.get("宛名番号", "") if "kodomo_notice_to_child" in defects else guardian.get("宛名番号", "")
    return {"result": "ok", "認定": certified, "認定区分": shown, "保育必要量": amount, "支給認定証": certificate,
            "通知先": notified, "却下理由": reasons, "処分期限": deadline.isoformat()}


def _refusal(here: bool, birth: date | None, applied: date) -> str:
    """第20条第5項: the reason of a refusal, told to the 保護者."""
    if not here:
        return "保護者の居住地が当市町村にありません（第20条第2項）"
    if birth is None or not birth <= applied < _school_starts(birth):
        return "小学校就学前子どもではありません（第19条第1項）"
    return "満三歳未満で家庭において必要な保育を受けることが困難であるものに当たりません（第19条第1項第3号）"


def _next_month_same_day(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def application(body: Mapping[str, Any], person: Any, defects: frozenset[str]) -> dict[str, Any]:
    """The driver request's body read: 保護者宛名番号, 子ども宛名番号, 申請年月日, 保育を必要とする事由."""
    applied = parse_day(str(body["申請年月日"]))
    if applied is None:
        raise ValueError("申請年月日 must be a date YYYY-MM-DD")
    reason = body.get("保育を必要とする事由")
    present = body.get("保護者の現在地_市区町村コード") if body.get("保護者の居住地") == "なし" else None
    return nintei(person(body["保護者宛名番号"]), person(body["子ども宛名番号"]), applied,
                  str(reason) if reason else None, defects, str(present) if present else None)
