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


def kintowari_levied(fiscal_year: int, declared: int | None) -> int:
    """The 均等割 the town levies for 年度 ``fiscal_year``: the 条例's (``declared`` in the profile) or, none
    declared, the 標準税率 (第310条 gives a 標準税率: the 条例 sets the amount)."""
    standard = kintowari(fiscal_year)
    return standard if declared is None else declared


def shotokuwari_rate_levied(municipality_code: str, declared: int | None) -> int:
    """The 所得割 rate in percent the town levies: the 条例's (``declared`` in the profile) or, none declared,
    the 標準税率 of the municipality (第314条の3第1項 gives a 標準税率: the 条例 sets the rate)."""
    return shotokuwari_rate_percent(municipality_code) if declared is None else declared


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


def is_under_fifteen(birth: date, fiscal_year: int, died: date | None = None) -> bool:
    """Whether a 親族 is 十五歳未満 for 年度 ``fiscal_year`` (第313条第7項: judged on 前年の十二月三十一日, or, where
    the 親族 died during the 前年, on the day of death: 「前年の中途においてその者が死亡した場合には、死亡当時」).

    Born 2010-01-01: 15 on 2024-12-31, not under 15 for 令和7年度; born 2010-01-02: under 15. Reading (ours; issue
    66, an outside product's mutant): その者 is the 親族 whose age is judged (a 納税義務者 who died in the 前年 is
    levied no 所得割 of the 年度: 第318条).
    """
    day = date(fiscal_year - 1, 12, 31)
    if died is not None and date(fiscal_year - 1, 1, 1) <= died <= day:
        day = died
    return age_reached_on(birth, 15) > day


# -- A person's 個人住民税 record (docs/checks.md): 第294条第1項第2号, 第295条, 第313条, 第314条の3 --------------------

#: 第313条第4項第1号: the 事業専従者 who is the 配偶者 (イ) 八十六万円, any other (ロ) 五十万円.
SPOUSE_SENJUSHA, OTHER_SENJUSHA = 860_000, 500_000


def receives_livelihood_aid(start: date | None, end: date | None, fiscal_year: int) -> bool:
    """Whether the person is one 生活保護法の規定による生活扶助を受けている (第295条第1項第1号) for 年度
    ``fiscal_year``.

    Readings (ours): judged on the 賦課期日 1月1日 (第318条; 第2項 says so of 分離課税 in the same words); the
    扶助 is received from its first day to the day before its 廃止 (``end``: the first day without it)."""
    day = levy_date(fiscal_year)
    return start is not None and start <= day and (end is None or day < end)


#: 第295条第1項第2号: 障害者、未成年者、寡婦又はひとり親 (the 未成年者 judged from the birth date; the others,
#: defined by 第292条 (not quoted), given as the person's record).
LOW_INCOME_CATEGORIES = ("障害者", "寡婦", "ひとり親")
#: 第295条第1項第2号: 前年の合計所得金額が百三十五万円を超える場合を除く.
LOW_INCOME_LIMIT = 1_350_000


def exempt_by_low_income(category: str | None, minor: bool, total_income: int) -> bool:
    """Whether 第295条第1項第2号 forbids the 市町村民税 (but the 分離課税に係る所得割): a 障害者, 未成年者, 寡婦 or
    ひとり親 whose 前年の合計所得金額 is not above 百三十五万円 (1,350,000円 itself is exempt: 超える場合を除く).

    Readings (ours): the 合計所得金額 (第292条第1項第13号, not quoted) is the record's; the category is the record's
    (第292条's definitions not quoted), the 未成年者 is judged on the 賦課期日 (:func:`is_minor_on_levy_date`)."""
    return (category in LOW_INCOME_CATEGORIES or minor) and total_income <= LOW_INCOME_LIMIT


def exempt_from_kintowari(total_income: int, limit: int) -> bool:
    """Whether 第295条第3項 forbids the 均等割 of a person liable to 均等割 only: the 前年の合計所得金額 is at or below
    (以下) the 条例's amount ``limit`` (the 政令's standard, not quoted, is the 条例's to follow: the profile declares
    the amount). Readings (ours): the persons 均等割のみを課すべき generated are those of 第294条第1項第2号 (a 家屋敷
    here, a 住所 in another municipality of Japan); the amount declared is the one for a person with no 同一生計配偶者
    or 扶養親族 (the generated persons have none). Limit 450,000円: 450,000円 -> exempt, 451,000円 -> levied."""
    return total_income <= limit


def taxes_levied(*, resident: bool, house_here: bool, aided: bool) -> tuple[str, ...]:
    """The taxes the town levies (第294条第1項柱書): 均等割 and 所得割 on a resident (第1号), 均等割 alone on a person
    with a 家屋敷 here and no 住所 here (第2号), none on a person receiving 生活扶助 (第295条第1項第1号: 課することが
    できない, whatever the 号 of 第294条)."""
    if aided:
        return ()
    if resident:
        return RESIDENT_TAXES
    return ("均等割",) if house_here else ()


def is_loss_carried(loss_year: int, fiscal_year: int, *, blue_return: bool, filed_since: bool) -> bool:
    """Whether a 純損失 of ``loss_year`` is deducted for 年度 ``fiscal_year`` (第313条第8項): it arose in the
    前年前三年間 (the three years before the 前年: 令和7年度, 前年 2024, losses of 2021, 2022 and 2023), its year's
    所得税 was a 青色申告書, and the 申告書 were filed 連続して since."""
    previous_year = income_year(fiscal_year)
    return previous_year - 3 <= loss_year <= previous_year - 1 and blue_return and filed_since


def total_income(income: int, *, dividends: int = 0, dividends_declared: bool = False, share_gains: int = 0,
                 share_gains_declared: bool = False, loss_carried: int = 0) -> int:
    """The 総所得金額 (第313条第1項): the person's other income, with the 特定配当等 (第12項, 第13項) and the
    特定株式等譲渡所得金額 (第14項, 第15項) only when the 確定申告書 stated them, less a 純損失 carried (第8項).

    Reading (ours): the 純損失 is deducted up to the income (the 総所得金額 is not negative); the rest is
    not judged."""
    gross = income + (dividends if dividends_declared else 0) + (share_gains if share_gains_declared else 0)
    return gross - min(loss_carried, gross)


def taxable_income(total: int, deductions: int) -> int:
    """The 課税総所得金額 (第314条の3第2項): the 総所得金額 after 前条 (第314条の2)'s 控除, given as their total;
    not below zero (our reading). No 退職所得 or 山林所得 is generated."""
    return max(0, total - deductions)


def shotokuwari(taxable: int, rate_percent: int) -> int:
    """The 所得割の額 (第314条の3第1項): the 課税総所得金額 times the rate (the amounts are drawn so that no 端数
    arises: 第20条の4の2 is not quoted)."""
    if taxable * rate_percent % 100:
        raise ValueError(f"{taxable} yen at {rate_percent}% is not whole yen (端数計算 is not quoted)")
    return taxable * rate_percent // 100


def senjusha_deduction(business_income: int, *, spouse: bool, others: int) -> int:
    """The 事業専従者控除額 (第313条第4項, 第5項): for each 事業専従者 the lower of 第1号 (the 配偶者 八十六万円, any
    other 五十万円) and 第2号 (the business income before this deduction divided by the number of 事業専従者 plus one).

    Reading (ours): the 第2号 amount is in whole yen (the incomes are drawn so that the division is exact)."""
    count = int(spouse) + others
    if count == 0:
        return 0
    if business_income % (count + 1):
        raise ValueError(f"{business_income} yen is not divisible by {count + 1}")
    share = business_income // (count + 1)
    return (min(SPOUSE_SENJUSHA, share) if spouse else 0) + others * min(OTHER_SENJUSHA, share)


def levied_by_deeming_elsewhere(deemed_year: int | None, deemed_by: str | None, town: str, fiscal_year: int) -> bool:
    """Whether another municipality levied the person's 市町村民税 of 年度 ``fiscal_year`` under 第294条第3項 (its
    住民基本台帳 does not record the person, who has a 住所 there): then the town whose 住民基本台帳 records the
    person cannot levy it (第4項). Reading (ours): the town knows it by the 通知 of 第3項後段, kept on the person's
    record as the 年度 and the other municipality's code."""
    return deemed_year == fiscal_year and deemed_by is not None and deemed_by != town


def senjusha_applies(*, declared: bool, no_duty_to_file: bool, unavoidable: bool) -> bool:
    """Whether 第313条第4項 (事業専従者控除) applies (第6項): only when the 申告書 of 第317条の2第1項 states its 第2号
    事項 (the 事業専従者), unless no 申告書 was due (同項ただし書) or the 市町村長 found the omission unavoidable."""
    return declared or no_duty_to_file or unavoidable


def senjusha_salary_income(salary: int, deducted_for: int) -> int:
    """The 事業専従者's 給与所得に係る収入金額 (第313条第5項): the 事業専従者控除額 the 納税義務者 deducted for them is
    deemed part of it (with any other 給与 they received)."""
    return salary + deducted_for


def separate_tax_exempt(aid_start: date | None, aid_end: date | None, paid_on: date) -> bool:
    """Whether the 分離課税に係る所得割 on a 退職手当等 paid on ``paid_on`` cannot be levied for 生活扶助
    (第295条第1項第1号 and 第2項: judged on 1月1日 of the year the 退職手当等 is to be paid).

    Reading (ours): the 扶助 is received from its first day to the day before its 廃止, as for the 賦課期日."""
    day = date(paid_on.year, 1, 1)
    return aid_start is not None and aid_start <= day and (aid_end is None or day < aid_end)


def blue_senjusha_expense(paid: int, *, filed_amount: int | None, no_filing_reason: bool, declared: bool,
                          no_duty_to_file: bool, unavoidable: bool = False) -> tuple[int, ...]:
    """The amounts the 青色事業専従者's 給与 counted as the business's 必要経費 may be (第313条第3項, 所得税法
    第57条第1項 の例), the first the one every reading allows where there is one.

    第1文: paid within the amount of the 同条第2項の書類 (``filed_amount``); 第2文: without that 書類 for 前年分の
    所得税の納税義務なし or a 政令 reason (``no_filing_reason``), when the 申告書 states it (``declared``), or its
    omission is found unavoidable (``unavoidable``: 第2文's 括弧書, 「当該事項の記載がないことについてやむを得ない事情
    があると市町村長が認めるものを含む」), or none was due (``no_duty_to_file``). Otherwise 0 here (第4項's
    事業専従者控除 is judged apart).

    Reading (ours; issue 66, an outside product's mutant): a 給与 above the 書類's amount is not paid 「その記載されて
    いる金額の範囲内において」: counted up to that amount (the excess left out) or not at all (第1文 not met); both
    pass, and the whole amount paid never does."""
    if filed_amount is not None:
        return (paid,) if paid <= filed_amount else (filed_amount, 0)
    return (paid,) if no_filing_reason and (declared or unavoidable or no_duty_to_file) else (0,)
