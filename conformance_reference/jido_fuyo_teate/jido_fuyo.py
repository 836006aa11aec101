"""The reference vendor's 児童扶養手当 (児童扶養手当法 第3条, 第5条, 第7条, 第9条; 施行令 第2条の4), read
from the 住民記録 rows (the claimant and the household's children) and the claimant's 児童扶養手当
record (受給者区分, 認定請求年月日, 前年所得, 加算対象扶養親族等の数, 養育費: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.jido_fuyo_teate.oracle` on purpose (integer yen arithmetic here,
decimals there). Named defects (``defects``) change one answer each. The amounts are the statute's
(第5条: 41,100円 and 10,750円; the yearly revision of 第5条の2 is not applied by the reference).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Month, Row, Stay, add_month, iso_month, month_of_day, parse_day

_BASE, _ADDITION, _OLD_THIRD = 41_100, 10_750, 6_450


def _child_end(birth: date, defects: frozenset[str]) -> date:
    """The last day of a 児童: the first 3月31日 on or after the day 18 is reached (the day before the
    18th birthday; the birthday itself with the defect)."""
    try:
        birthday = birth.replace(year=birth.year + 18)
    except ValueError:
        birthday = date(birth.year + 18, 3, 1)
    reached = birthday if "jido_fuyo_child_end_from_birthday" in defects else birthday - timedelta(days=1)
    return date(reached.year if reached.month <= 3 else reached.year + 1, 3, 31)


def _int(record: Mapping[str, str], item: str) -> int:
    text = record.get(item, "")
    return int(text) if text.isdigit() else 0


def _income(record: Mapping[str, str], defects: frozenset[str]) -> int:
    """前年所得 and 8割 of the 養育費, rounded half up to the yen (all of it with the defect)."""
    support = _int(record, "養育費")
    share = support if "jido_fuyo_support_counted_whole" in defects else (support * 8 + 5) // 10
    return _int(record, "前年所得") + share


def _limits(dependants: int, defects: frozenset[str]) -> tuple[int, int]:
    """(全部支給 limit, 全部停止 limit) of 施行令 第2条の4第1項 and 第2項第1号."""
    full = 690_000 + (0 if "jido_fuyo_dependants_ignored" in defects else 380_000 * dependants)
    stop = (1_920_000 if "jido_fuyo_stop_limit_old" in defects else 2_080_000) + 380_000 * dependants
    return full, stop


def _kind(income: int, dependants: int, defects: frozenset[str]) -> str:
    full, stop = _limits(dependants, defects)
    if income >= stop:
        return "全部停止"
    if income > full or (income == full and "jido_fuyo_full_limit_exclusive" not in defects):
        return "一部支給"
    return "全部支給"


def _tens(excess: int, per_ten_million: int, defects: frozenset[str]) -> int:
    """excess x rate (rate = per_ten_million / 10^7), to ten yen (5円 up), plus ten yen."""
    scaled = excess * per_ten_million  # yen x 10^7
    tens, rest = divmod(scaled, 100_000_000)
    up = rest >= 50_000_000 and "jido_fuyo_stop_rounded_down" not in defects
    return (tens + up) * 10 + 10


def _stopped(income: int, dependants: int, children: int, defects: frozenset[str]) -> int:
    if _kind(income, dependants, defects) != "一部支給":
        return 0
    excess = income - _limits(dependants, defects)[0]
    return _tens(excess, 256_619, defects) + max(children - 1, 0) * _tens(excess, 39_568, defects)


def _full_amount(children: int, defects: frozenset[str]) -> int:
    if children == 0:
        return 0
    if "jido_fuyo_third_child_old_addition" in defects:
        return _BASE + _ADDITION * min(children - 1, 1) + _OLD_THIRD * max(children - 2, 0)
    return _BASE + _ADDITION * (children - 1)


def _paid_in(month: Month, defects: frozenset[str]) -> Month:
    """The odd month after ``month`` (第7条第3項); the even one with the defect."""
    wanted = 0 if "jido_fuyo_paid_in_even_months" in defects else 1
    paid = add_month(month)
    return paid if paid[1] % 2 == wanted else add_month(paid)


def _last_day(stay: Stay | None, ends: Sequence[date]) -> date:
    """The day of 事由消滅: the last child's 児童 end, or the claimant's death or move-out if earlier."""
    if stay is not None and stay.moved_out is not None:
        return min(stay.moved_out, max(ends))
    return max(ends)


def jido_fuyo(row: Row, children: Sequence[Row], record: Mapping[str, str], fiscal_year: int, stay: Stay | None,
              defects: frozenset[str]) -> dict[str, Any]:
    """児童扶養手当 of the 年度: the 児童 (each child's 児童該当終了日), the first month, the 所得 and the
    kind of payment it gives, the part stopped, and each month's amount and payment month."""
    births = [(birth, child.get("宛名番号", "")) for child in children
              if (birth := parse_day(child.get("生年月日", "")))]
    listed = [{"宛名番号": atena, "児童該当終了日": _child_end(birth, defects).isoformat()}
              for birth, atena in sorted(births)]
    claimed = parse_day(record.get("認定請求年月日", ""))
    nothing = {"児童": listed, "支給開始月": None, "所得額": None, "支給区分": None, "一部支給停止額": None,
               "基本額": _BASE, "加算額": _ADDITION, "月額": []}
    if claimed is None or not births:
        return nothing
    first = month_of_day(claimed) if "jido_fuyo_paid_from_claim_month" in defects else add_month(month_of_day(claimed))
    ends = [_child_end(birth, defects) for birth, _ in births]
    last_day = _last_day(stay, ends)
    last = month_of_day(last_day)
    income, dependants = _income(record, defects), _int(record, "加算対象扶養親族等の数")
    months = [add_month((fiscal_year, 4), index) for index in range(12)]
    entries = []
    for month in (m for m in months if m >= first and m <= last):
        counted = sum(1 for end in ends if month_of_day(end) >= month)
        amount = _full_amount(counted, defects) - _stopped(income, dependants, counted, defects)
        if _kind(income, dependants, defects) == "全部停止":
            amount = 0
        if month == last and "jido_fuyo_prorated_last_month" in defects:
            days = (date(*add_month(month), 1) - timedelta(days=1)).day
            amount = amount * last_day.day // days
        entries.append({"月": iso_month(month), "金額": amount, "支払月": iso_month(_paid_in(month, defects))})
    children_now = sum(1 for end in ends if month_of_day(end) >= first)
    return {**nothing, "支給開始月": iso_month(first), "所得額": income, "支給区分": _kind(income, dependants, defects),
            "一部支給停止額": _stopped(income, dependants, children_now, defects), "月額": entries}
