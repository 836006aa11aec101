"""The reference vendor's 個人住民税 (地方税法 第294条〜第320条), read from its 住民記録 rows.

Written apart from :mod:`conformance.domains.kojin_juminzei.oracle` on purpose (the scenario checks compare the two;
a bug shared by both would hide itself). Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, juminzei_levied, parse_day

#: 指定都市 (地方自治法 第252条の19第1項) by the first four digits of their codes (wards included):
#: 札幌 0110, 仙台 0410, さいたま 1110, 千葉 1210, 横浜 1410, 川崎 1413, 相模原 1415, 新潟 1510,
#: 静岡 2210, 浜松 2213, 名古屋 2310, 京都 2610, 大阪 2710, 堺 2714, 神戸 2810, 岡山 3310, 広島 3410,
#: 北九州 4010, 福岡 4013, 熊本 4310.
_DESIGNATED = frozenset({"0110", "0410", "1110", "1210", "1410", "1413", "1415", "1510", "2210", "2213", "2310",
                         "2610", "2710", "2714", "2810", "3310", "3410", "4010", "4013", "4310"})


def _birthday(birth: date, years: int) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日
        return date(birth.year + years, 3, 1)


def _reached(birth: date, years: int) -> date:
    """年齢計算ニ関スル法律: an age is reached the day before the birthday."""
    return _birthday(birth, years) - timedelta(days=1)


def kojin_juminzei(row: Row, stay: Stay | None, fiscal_year: int, defects: frozenset[str]) -> dict[str, Any]:
    """The 個人住民税 of one person for 年度 ``fiscal_year`` as this town levies it."""
    levied = juminzei_levied(row, stay, fiscal_year, defects)
    if levied and row.get("住民種別") == "2" and "juminzei_foreign_skipped" in defects:
        levied = False
    birth = parse_day(row.get("生年月日", ""))
    answer: dict[str, Any] = {
        "課税": levied, "賦課期日": date(fiscal_year, 1, 1).isoformat(),
        "課する税": _taxes(levied, defects), "均等割額": _kintowari(levied, fiscal_year, defects),
        "所得割税率": _rate(row, levied, defects) if levied else None,
        "課税標準の所得年": (fiscal_year if "juminzei_current_year_income" in defects else fiscal_year - 1)
        if levied else None,
        "納期": _payment_months(fiscal_year, defects) if levied else [],
        "未成年者": _minor(birth, fiscal_year, defects), "十五歳未満": _under_fifteen(birth, fiscal_year, defects),
    }
    return answer


def _taxes(levied: bool, defects: frozenset[str]) -> list[str]:
    if not levied:
        return []
    return ["均等割"] if "juminzei_no_shotokuwari" in defects else ["均等割", "所得割"]


def _kintowari(levied: bool, fiscal_year: int, defects: frozenset[str]) -> int | None:
    """第310条: 3,000円 (the 復興特別 surcharge of 500円 ended with 令和5年度)."""
    if not levied:
        return None
    surcharge = fiscal_year <= 2023 or "juminzei_kintowari_surcharge_kept" in defects
    return 3500 if surcharge else 3000


def _rate(row: Row, levied: bool, defects: frozenset[str]) -> int:
    """第314条の3第1項: 6%, or 8% in a 指定都市."""
    code = row.get("住所_市区町村コード", "")
    designated = code[:4] in _DESIGNATED or "juminzei_designated_city_rate" in defects
    return 8 if designated else 6


def _payment_months(fiscal_year: int, defects: frozenset[str]) -> list[str]:
    """第320条: 6月, 8月, 10月 and the 1月 of the next calendar year."""
    january = fiscal_year if "juminzei_january_of_same_year" in defects else fiscal_year + 1
    return [f"{fiscal_year}-06", f"{fiscal_year}-08", f"{fiscal_year}-10", f"{january}-01"]


def _minor(birth: date | None, fiscal_year: int, defects: frozenset[str]) -> bool | None:
    """第295条第1項第2号's 未成年者 on the 賦課期日 (1月1日), 成年 18."""
    if birth is None:
        return None
    day = date(fiscal_year, 4, 1) if "juminzei_minor_on_april_first" in defects else date(fiscal_year, 1, 1)
    return _reached(birth, 18) > day


def _under_fifteen(birth: date | None, fiscal_year: int, defects: frozenset[str]) -> bool | None:
    """第313条第7項: 十五歳未満 judged on 前年の十二月三十一日."""
    if birth is None:
        return None
    day = date(fiscal_year, 1, 1) if "juminzei_fifteen_on_levy_date" in defects else date(fiscal_year - 1, 12, 31)
    return _reached(birth, 15) > day
