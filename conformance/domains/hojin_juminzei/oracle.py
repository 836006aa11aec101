"""法人住民税 (the 法人 of 市町村民税, 地方税法; statute edition ``hojin_juminzei 2025.12``): the rules the harness
can check on one corporation's facts, as pure functions.

- 第294条第1項第3号・第4号 and its 柱書: who is liable (a 法人 with a 事務所又は事業所 in the municipality:
  均等割 and 法人税割; one with only a 寮等 there: 均等割 alone);
- 第312条第1項 (the table of 標準税率 by 資本金等の額 and 従業者数の合計数), 第2項 (at most 1.2 times it),
  第4項 (the months the 事務所等 was held, 月割), 第5項 (the 従業者数 on the last day of the 算定期間),
  第6項 (資本金及び資本準備金 when 資本金等の額 is less);
- 第314条の4第1項: the 法人税割's 標準税率 百分の六, at most 百分の八・四;
- 第321条の8第1項: 申告納付 by the 提出期限 of the 法人税's 申告書.

Only corporations with 資本金等の額 (the table's 第一号ホ to 第九号) filing the 法人税's 確定申告 are modelled;
the readings where the law leaves room are the edition's (spec_catalog/hojin_juminzei/2025.12/provisions.yaml).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from conformance.oracles.dates import months_later
from conformance.oracles.readings import either

#: 第312条第1項's table: the yen of each 号 (第一号: its ホ, the corporations with 資本金等の額).
EQUAL_RATES: dict[int, int] = {
    1: 50_000, 2: 120_000, 3: 130_000, 4: 150_000, 5: 160_000, 6: 400_000, 7: 410_000, 8: 1_750_000,
    9: 3_000_000,
}
#: 第312条第1項: the bounds of 資本金等の額 in the table (千万円, 一億円, 十億円, 五十億円) and 五十人.
TEN_MILLION, HUNDRED_MILLION, BILLION, FIVE_BILLION = 10_000_000, 100_000_000, 1_000_000_000, 5_000_000_000
EMPLOYEES_BOUND = 50
#: 第312条第2項: 一・二を乗じて得た率 (as tenths).
EQUAL_CEILING_TENTHS = 12
#: 第314条の4第1項: 標準税率 百分の六, 制限税率 百分の八・四 (as thousandths).
CORPORATE_RATE_PER_MILLE, CORPORATE_CEILING_PER_MILLE = 60, 84


def liable(office_here: bool, dormitory_here: bool) -> bool:
    """Whether the corporation is liable to the municipality's 市町村民税 (第294条第1項第3号: a 事務所又は
    事業所 in it; 第4号: a 寮等 in it without a 事務所又は事業所)."""
    return office_here or dormitory_here


def components(office_here: bool, dormitory_here: bool) -> tuple[str, ...]:
    """What the municipality levies (第294条第1項 柱書: on 第三号's 均等割額及び法人税割額, on 第四号's
    均等割額 alone)."""
    if office_here:
        return ("均等割", "法人税割")
    return ("均等割",) if dormitory_here else ()


def table_capital(capital: int, paid_in: int | None) -> int:
    """The capital the table is read with (第312条第6項: the 資本金の額及び資本準備金の額の合算額 where the
    資本金等の額 is less than it)."""
    return max(capital, paid_in) if paid_in is not None else capital


def equal_class(capital: int, employees: int) -> int:
    """The 号 of 第312条第1項's table for a corporation with 資本金等の額 ``capital`` and 従業者数の合計数
    ``employees`` (以下 / 超え as the table words them)."""
    many = employees > EMPLOYEES_BOUND
    if capital <= TEN_MILLION:
        return 2 if many else 1
    if capital <= HUNDRED_MILLION:
        return 4 if many else 3
    if capital <= BILLION:
        return 6 if many else 5
    if not many:
        return 7
    return 8 if capital <= FIVE_BILLION else 9


def equal_rate(capital: int, employees: int) -> int:
    """The 均等割's 標準税率 (年額, 第312条第1項)."""
    return EQUAL_RATES[equal_class(capital, employees)]


def equal_rate_levied(kind: int, declared: Mapping[int, int]) -> int:
    """The 均等割 (年額) the town levies on the table's 号 ``kind``: the 条例's (``declared`` in the profile, by 号)
    or, for a 号 none is declared for, the 標準税率 (第312条第1項 gives a 標準税率: the 条例 sets the rate; 第2項's
    ceiling is judged apart)."""
    return declared.get(kind, EQUAL_RATES[kind])


def within_equal_ceiling(amount: int, rate: int, months: int) -> bool:
    """Whether a 均等割 of ``amount`` for ``months`` months is at most 1.2 times the 標準税率 ``rate``
    (第312条第2項, 月割 by 第4項)."""
    return amount * 10 * 12 <= rate * EQUAL_CEILING_TENTHS * months


def months_held(held_from: date, period_end: date) -> int:
    """The months of [held_from, period_end] (第312条第4項: 暦に従つて計算し, under one month counts as one,
    a remainder under one month is dropped). A month from day d ends on the day before day d of the next
    month (the edition's reading); ``held_from`` is on day 1-28."""
    if held_from.day > 28:
        raise ValueError(f"{held_from}: a day past the 28th is left open by the reading")
    months = 0
    while months_later(held_from, months + 1) <= date.fromordinal(period_end.toordinal() + 1):
        months += 1
    return max(months, 1)


def prorated(rate: int, months: int) -> int:
    """第312条第4項: the rate times the months, divided by twelve (whole yen, rounded down)."""
    return rate * months // 12


def within_proration(amount: int, rate: int, months: int) -> bool:
    """Whether ``amount`` is the 月割 of 第312条第4項 for ``months`` months, short of it by less than 100円
    (the rounding, 第20条の4の2, is not quoted: the edition's reading)."""
    return 0 <= rate * months - amount * 12 < 100 * 12


def corporate_tax(base: int) -> int:
    """The 法人税割 at the 標準税率 百分の六 of the 法人税額 (第314条の4第1項; the scenarios draw 法人税額 in
    whole 10,000円, so no rounding arises)."""
    return base * CORPORATE_RATE_PER_MILLE // 1000


def corporate_rate(declared_percent: str | None) -> Fraction:
    """The 法人税割's rate (第314条の4第1項): the 条例's (declared in percent: '8.4') or the 標準税率 百分の六."""
    return Fraction(CORPORATE_RATE_PER_MILLE, 1000) if declared_percent is None else Fraction(declared_percent) / 100


def corporate_taxes_allowed(base: int, declared_percent: str | None) -> Any:
    """The 法人税割額 a 法人税額 ``base`` allows at the town's rate: the product rounded down to whole yen or to 100
    yen, both (Either) where they differ. Reading (ours): 第20条の4の2 (端数計算) is not quoted; the 法人税額 are drawn
    in whole 10,000円, so at the 標準税率 the two agree (1,000,000円: 60,000円); at 百分の八・四 10,000円 allows 840円
    or 800円."""
    exact = math.floor(base * corporate_rate(declared_percent))
    return either(exact, exact // 100 * 100)


def within_corporate_ceiling(amount: int, base: int) -> bool:
    """Whether a 法人税割 of ``amount`` on the 法人税額 ``base`` is at most 百分の八・四 of it (第314条の4第1項
    ただし書)."""
    return amount * 1000 <= base * CORPORATE_CEILING_PER_MILLE


def filing_deadline(corporate_tax_deadline: date) -> date:
    """The 申告納付 deadline (第321条の8第1項: 当該申告書の提出期限までに, the 法人税's 申告書)."""
    return corporate_tax_deadline


# -- 第294条第1項第5号, 第5項-第8項: who is taxed as a 法人, and where -------------------------------------------

#: The kinds of taxpayer the record's 法人区分 names (absent: an ordinary 法人, 第294条第1項第3号・第4号).
FOREIGN, EXEMPT_PUBLIC, PUBLIC_INTEREST, UNINCORPORATED, TRUSTEE = (
    "外国法人", "第296条第1項第2号", "公益法人等", "人格のない社団等", "法人課税信託の受託個人")


def foreign_office_here(permanent_establishment_here: bool) -> bool:
    """第294条第5項: for a 外国法人 the 恒久的施設 is its 事務所又は事業所 (whatever else it calls an office)."""
    return permanent_establishment_here


def exempt_public_liable(business_office_here: bool) -> bool:
    """第294条第6項: one of 第296条第1項第2号 doing a 収益事業 is levied in the municipality of the 事務所又は事業所
    where it does the 収益事業 (in no other, 第1項 notwithstanding)."""
    return business_office_here


def public_interest_corporate_tax(business_office_here: bool) -> bool:
    """第294条第7項: a 公益法人等 (other than 第296条第1項第2号's) pays the 法人税割 in the municipality of the 事務所
    又は事業所 where it does the 収益事業 only."""
    return business_office_here


def deemed_corporation(*, representative: bool, business: str | None) -> bool:
    """第294条第8項: a 法人でない社団又は財団 with a 代表者又は管理人 that does a 収益事業 (or did and ceased it:
    ``business`` "行う" or "廃止") is treated as a 法人."""
    return representative and business in ("行う", "廃止")


def trustee_components(office_here: bool) -> tuple[str, ...]:
    """第294条第1項第5号 and its 柱書: an individual taxed by 法人税 as the 受託者 of a 法人課税信託, with a 事務所又は
    事業所 in the municipality, pays the 法人税割 alone."""
    return ("法人税割",) if office_here else ()


def deemed_return_day(deadline: date, filed: date | None) -> date | None:
    """第321条の8第1項後段 and 第2項後段: a 法人 bound to file (法人税法 第71条第1項 or 第144条の3第1項, or the 第2項
    法人) that has not filed the 市町村民税's 申告書 by its 提出期限 is deemed to have filed it on that day. None: filed
    in time. Reading (ours): 第60項 (not quoted) is never the case; a 申告書 filed on the 提出期限 itself is in time."""
    return deadline if filed is None or filed > deadline else None


def capital_for_table(capital: int, paid_in: int | None, *, mutual: bool) -> int:
    """The capital 第312条第1項's table is read with for a 第3項第1号 or 第2号 法人 (第6項, 第7項): the 資本金の額及び
    資本準備金の額の合算額 where the 資本金等の額 is less, except for a 相互会社 (保険業法)."""
    return capital if mutual else table_capital(capital, paid_in)
