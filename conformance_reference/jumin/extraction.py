"""The reference vendor's 無作為抽出 (住民記録 1.0 9.6 R001), the driver operation ``extract.random``.

性別、生年月日、地区、抽出人数、日本人・外国人の別を指定して住民を無作為抽出する: among the current 住民 (住民状態 1)
whose 性別, 生年月日 (from-to, ISO text; a 不詳 or non-calendar one compares as written), 住所_町字 (the 地区, our
reading) and 住民種別 are those asked, ``人数`` drawn at random (all of them when there are fewer).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from typing import Any

Row = Mapping[str, str]
#: Criteria (the request's field -> the row's item) compared for equality.
_EQUAL = {"性別": "性別", "地区": "住所_町字", "住民種別": "住民種別"}


def eligible(rows: Iterable[Row], criteria: Mapping[str, Any], defects: frozenset[str] = frozenset()) -> list[Row]:
    """The current 住民 that match every criterion given; with the defect ``extract_open_range_ignored`` a
    生年月日 range with one end only is no criterion."""
    first, last = str(criteria.get("生年月日_開始") or ""), str(criteria.get("生年月日_終了") or "")
    if "extract_japanese_only_default" in defects and criteria.get("住民種別") in (None, ""):
        criteria = {**criteria, "住民種別": "1"}  # the 別 not given read as 日本人 (the screen's default)
    chosen = []
    for row in rows:
        if row.get("住民状態") != "1":
            continue
        if "extract_planned_out_dropped" in defects and row.get("転出予定年月日"):
            continue  # A defect (blind round of issue 67, 14): every 転出予定者 left out, whatever the day.
        if "extract_unknown_birth_excluded" in defects and row.get("生年月日_不詳フラグ") == "1":
            continue  # A defect (third blind round of issue 67, 11): a 住民 born 不詳 never drawn.
        if any(criteria.get(field) not in (None, "") and not _equal(field, row.get(item, ""), str(criteria[field]),
                                                                   defects)
               for field, item in _EQUAL.items()):
            continue
        born = row.get("生年月日", "")
        ranged = (first and last) if "extract_open_range_ignored" in defects else (first or last)
        if ranged and (not born or _before(born, first, defects) or _after(born, last, defects)):
            continue
        chosen.append(row)
    return chosen


def _equal(field: str, value: str, given: str, defects: frozenset[str]) -> bool:
    """Whether a row's item meets a criterion given for equality."""
    if field == "地区" and "extract_district_within" in defects:
        return given in value  # A defect: the 地区 matched within a 町字 (LIKE '%地区%'), not as the whole one.
    return value == given


def _before(born: str, first: str, defects: frozenset[str]) -> bool:
    """Whether ``born`` is before the range's 生年月日_開始 (the day itself in the range)."""
    if "extract_birth_start_exclusive" in defects:
        return bool(first) and born <= first  # A defect: a person born on the first day is left out.
    return bool(first) and born < first


def _after(born: str, last: str, defects: frozenset[str]) -> bool:
    """Whether ``born`` is after the range's 生年月日_終了 (the day itself in the range)."""
    if "extract_birth_end_exclusive" in defects:
        return bool(last) and born >= last  # A defect: a person born on the last day is left out.
    return bool(last) and born > last


def draw(rows: Iterable[Row], criteria: Mapping[str, Any], defects: frozenset[str]) -> list[Row]:
    """``人数`` of the eligible 住民 at random; with the defect ``extract_sex_ignored`` the 性別 is not one."""
    if "extract_sex_ignored" in defects:
        criteria = {key: value for key, value in criteria.items() if key != "性別"}
    pool = eligible(rows, criteria, defects)
    count = int(criteria["人数"])
    if count < 1:
        raise ValueError("人数 is 1 or more")
    return random.sample(pool, min(count, len(pool)))
