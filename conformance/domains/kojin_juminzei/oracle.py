"""個人住民税: which municipality levies it for a fiscal year (DOMAIN.md, "Moves and dates that cross a year").

Rule (DOMAIN.md; 地方税法 39条, 318条): "個人住民税: taxed by the municipality of the address on 1月1日
(賦課期日); no monthly proration; a person who dies after 1/2 is still taxed that year."

The second part answers what the statute edition ``kojin_juminzei 2025.12`` quotes of 地方税法
(spec_sources/statutes/kojin_juminzei): the taxes of a resident (第294条第1項), the 均等割 (第310条), the
year of the income (第313条第1項), the 所得割 rate (第314条の3第1項), the 納期 (第320条), and the days on
which an age is judged (第295条第1項第2号, 第313条第7項). Each function names its provision.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from conformance.oracles.dates import Month, age_reached_on, fiscal_year_months
from conformance.oracles.municipalities import municipality
from conformance.oracles.residence import Residence, address_on


def levy_date(fiscal_year: int) -> date:
    """The 賦課期日 of the 個人住民税 of 年度 ``fiscal_year``: 1月1日 of that year (令和3年度 -> 2021-01-01)."""
    return date(fiscal_year, 1, 1)


def juminzei_municipality(
    history: Sequence[Residence], fiscal_year: int, *, died: date | None = None
) -> str | None:
    """The 全国地方公共団体コード of the municipality that levies the person's 個人住民税 for the
    年度 ``fiscal_year``, or None when no municipality of the history does.

    Rule (DOMAIN.md): the municipality of the address on 1月1日 of the fiscal year, for the whole year
    (no proration: moving out on 1月2日 changes nothing). Interpretations:

    - on a move day the new address counts (see :mod:`conformance.oracles.residence`): moving out on
      1月1日 to an address elsewhere taken the same day is taxed by the new municipality; moving out
      on 1月1日 with no address elsewhere that day (abroad) is still taxed by the old one;
    - "dies after 1/2 is still taxed": a person alive on 1月1日 is taxed, so death on 1月2日 or later
      is taxed and death on 1月1日 (or earlier) is not;
    - a 1月1日 that falls between two stays (no address) gives None.
    """
    day = levy_date(fiscal_year)
    if died is not None and died <= day:
        return None
    stay = address_on(history, day)
    return stay.municipality if stay is not None else None


def is_levied_by(
    municipality: str, history: Sequence[Residence], fiscal_year: int, *, died: date | None = None
) -> bool:
    """Whether ``municipality`` levies the person's 個人住民税 for the fiscal year.

    Rule: see :func:`juminzei_municipality` (DOMAIN.md: the address on 1月1日).
    """
    return juminzei_municipality(history, fiscal_year, died=died) == municipality


# -- 地方税法 第294条〜第320条 (the statute edition kojin_juminzei 2025.12) -------------------------------------

#: 第294条第1項: 市町村内に住所を有する個人 (第1号) pays 均等割 and 所得割 together.
RESIDENT_TAXES = ("均等割", "所得割")
#: 第310条: 個人の均等割の標準税率は、三千円とする。
KINTOWARI_STANDARD = 3000
#: 第310条 as the sources quote it (e-Gov as of 2025-12-30). Before 令和6年度 a 復興特別 surcharge of
#: another law (not among the sources) raised it; so the oracle answers from 令和6年度 (2024) only.
KINTOWARI_FROM_FISCAL_YEAR = 2024
#: 第320条: 普通徴収の納期 — 六月、八月、十月及び一月中.
PAYMENT_MONTHS = (6, 8, 10, 1)
#: 第314条の3第1項: 百分の六, or 百分の八 in a 指定都市 (地方自治法 第252条の19第1項の市).
RATE_PERCENT, DESIGNATED_CITY_RATE_PERCENT = 6, 8
#: 未成年者 (第295条第1項第2号): under 成年, 18 since 2022-04-01 (民法 第4条; not among the sources:
#: the harness's reading). Fiscal years whose 賦課期日 is after that day only.
ADULT_AGE, ADULT_AGE_FROM_FISCAL_YEAR = 18, 2023


def resident_taxes(levied: bool) -> tuple[str, ...]:
    """The taxes 第294条第1項第1号 levies on a person the town taxes as a resident: 均等割 and 所得割."""
    return RESIDENT_TAXES if levied else ()


def kintowari(fiscal_year: int) -> int:
    """The standard 均等割 of 年度 ``fiscal_year`` (第310条: 3,000円), from 令和6年度."""
    if fiscal_year < KINTOWARI_FROM_FISCAL_YEAR:
        raise ValueError(f"第310条 as quoted applies from {KINTOWARI_FROM_FISCAL_YEAR}, not {fiscal_year}")
    return KINTOWARI_STANDARD


def income_year(fiscal_year: int) -> int:
    """The year whose income is the 課税標準 of 所得割 (第313条第1項: 前年の所得): 令和7年度 -> 2024."""
    return fiscal_year - 1


def shotokuwari_rate_percent(municipality_code: str) -> int:
    """The standard 所得割 rate in percent (第314条の3第1項): 8 for an address in a 指定都市 (its code
    or a ward's), 6 elsewhere. Reading: a code this harness does not know is no 指定都市."""
    found = municipality(municipality_code)
    designated = found is not None and found.kind in ("designated_city", "designated_ward")
    return DESIGNATED_CITY_RATE_PERCENT if designated else RATE_PERCENT


def payment_months(fiscal_year: int) -> tuple[tuple[int, int], ...]:
    """The 納期 of 普通徴収 of 年度 ``fiscal_year`` as (year, month) (第320条): 6月, 8月, 10月 of the
    year and 1月 of the next (令和7年度: 2025-06, 2025-08, 2025-10, 2026-01)."""
    return tuple((fiscal_year + (month < 4), month) for month in PAYMENT_MONTHS)


def payment_months_allowed(fiscal_year: int) -> tuple[Month, ...]:
    """The (year, month)s a 納期 of 普通徴収 of 年度 ``fiscal_year`` may fall in (第320条).

    本文: 六月、八月、十月及び一月中 (六月中 only where the tax is at most the 均等割額); 但し書: 特別の事情がある場合
    においては、これと異なる納期を定めることができる, naming no month. So every month is one the text allows;
    reading (ours): the 納期 of a 年度's tax are months of that 年度 (4月 to 翌年3月). A town with ten 納期 from
    6月 to 3月 conforms; a 1月 of the 年度's first calendar year (the 年度 before) does not."""
    return fiscal_year_months(fiscal_year)


def is_minor_on_levy_date(birth: date, fiscal_year: int) -> bool:
    """Whether the person is a 未成年者 (第295条第1項第2号) for 年度 ``fiscal_year``.

    Readings (ours): the status is judged on the 賦課期日 (第318条: 1月1日); 成年 is 18 (民法 第4条);
    an age is reached the day before the birthday. Born 2007-01-02: 18 on 2025-01-01, no 未成年者 of
    令和7年度; born 2007-01-03: a 未成年者.
    """
    if fiscal_year < ADULT_AGE_FROM_FISCAL_YEAR:
        raise ValueError(f"成年 at 18 applies from 年度 {ADULT_AGE_FROM_FISCAL_YEAR}, not {fiscal_year}")
    return age_reached_on(birth, ADULT_AGE) > levy_date(fiscal_year)


def is_under_fifteen(birth: date, fiscal_year: int) -> bool:
    """Whether a 親族 is 十五歳未満 for 年度 ``fiscal_year`` (第313条第7項: judged on 前年の十二月三十一日).

    Born 2010-01-01: 15 on 2024-12-31, not under 15 for 令和7年度; born 2010-01-02: under 15. (The
    death of the 納税義務者 during the year, which moves the day, is not generated.)
    """
    return age_reached_on(birth, 15) > date(fiscal_year - 1, 12, 31)
