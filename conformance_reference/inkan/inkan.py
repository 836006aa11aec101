"""The reference vendor's 印鑑登録 (亘理町印鑑条例 第2条, 第3条 and 柏原市印鑑条例 第5条: each one municipality's
条例 as an exemplar), read from its 住民記録 row and the person's 印鑑登録 record (the application: ``POST
/admin/records``): the 印鑑 is registered unless a reason bars it.

Written apart from :mod:`conformance.domains.inkan.oracle` on purpose (the scenario checks compare the two). The
reference takes one reading wherever the text leaves room: 15 is reached on the day before the 15th
birthday (registered from that day); 8mm fits the 8mm square, 25mm fits the 25mm one; a 印影 is taken as
showing the name when every character of it is in the 氏名. Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, parse_day

_OCCUPATIONS = ("税理士", "弁護士", "司法書士", "行政書士", "医師", "社長")
#: The defect inkan_newcomer_refused: the days after 住民となった年月日 its lagging copy of the 住民基本台帳 misses.
_LAG_DAYS = 14


def _reached(birth: date, years: int) -> date:
    """The day ``years`` is reached: the day before the birthday (3月1日 for a 2月29日 birth in a common year)."""
    try:
        birthday = birth.replace(year=birth.year + years)
    except ValueError:
        birthday = date(birth.year + years, 3, 1)
    return birthday - timedelta(days=1)


def _reasons(row: Row, stay: Stay | None, record: Mapping[str, str], defects: frozenset[str]) -> list[str] | None:
    day, birth = parse_day(record.get("申請年月日", "")), parse_day(row.get("生年月日", ""))
    if day is None or birth is None or stay is None:
        return None
    reasons = []
    resident = stay.moved_in <= day and (stay.moved_out is None or day <= stay.moved_out)
    if "inkan_after_leaving" in defects:
        resident = stay.moved_in <= day
    if "inkan_newcomer_refused" in defects and day < stay.moved_in + timedelta(days=_LAG_DAYS):
        resident = False
    if not resident:
        reasons.append("住民基本台帳")
    if day < _reached(birth, 14 if "inkan_from_fourteen" in defects else 15):
        reasons.append("15才未満")
    if record.get("意思能力なし") == "1" and "inkan_capacity_ignored" not in defects:
        reasons.append("意思能力")
    if record.get("登録済") == "1" and "inkan_second_seal" not in defects:
        reasons.append("1人1個")
    impression = record.get("印影文字", "")
    name = row.get("氏名", "").replace(" ", "").replace("\u3000", "")
    with_title = any(word in impression for word in _OCCUPATIONS)
    if "inkan_occupation_allowed" in defects:
        name_ok = any(ch in name for ch in impression)
        with_title = False
    elif "inkan_any_name" in defects:
        name_ok = True
    else:
        name_ok = all(ch in name for ch in impression)
    if not name_ok:
        reasons.append("氏名")
    if with_title:
        reasons.append("職業資格")
    if record.get("印材") == "ゴム" and "inkan_rubber_allowed" not in defects:
        reasons.append("ゴム印")
    if record.get("印影不鮮明") == "1" and "inkan_blurred_allowed" not in defects:
        reasons.append("印影不鮮明")
    side = record.get("印影寸法", "")
    if side.isdigit():
        smallest, largest = (5, 30) if "inkan_size_unchecked" in defects else (8, 25)
        # 「8ミリメートルの正方形に収まるもの」: a side of exactly 8 fits it (refused); 25 fits the 25mm one (kept). The
        # judge accepts either answer at each edge; the defect counts the lower limit one millimetre short.
        too_small = int(side) < smallest - 1 if "inkan_size_7mm_allowed" in defects else int(side) <= smallest
        if too_small or int(side) > largest:
            reasons.append("印影の大きさ")
    return reasons


def inkan(row: Row, stay: Stay | None, record: Mapping[str, str], defects: frozenset[str]) -> dict[str, Any]:
    """The answer to the person's application in the 印鑑登録 record: 登録 (true or false) and the reasons."""
    if not record:
        return {"登録": None, "登録できない理由": []}
    reasons = _reasons(row, stay, record, defects)
    if reasons is None:
        return {"登録": None, "登録できない理由": []}
    return {"登録": not reasons, "登録できない理由": reasons}
