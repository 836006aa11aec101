"""固定資産税: who is liable for a 年度, on what 課税標準, at what rate and when (地方税法 第341条, 第342条,
第343条, 第349条, 第349条の2, 第350条, 第351条, 第359条, 第362条; the statute edition
``kotei_shisan_zei 2025.12``).

Only what the quoted text states. One asset per owner: the 同一の者's total of 第351条 is then that
asset's 課税標準. Not here: 第348条 (非課税), 第349条の3 and after (課税標準の特例), 第20条の4の2 (端数計算):
none is quoted in the edition.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from conformance.oracles.dates import Month, fiscal_year_months

#: 第341条第1号: the 固定資産 are 土地, 家屋 and 償却資産 (the 資産区分 of the harness's record).
ASSET_KINDS: tuple[str, ...] = ("土地", "家屋", "償却資産")
#: 第351条: no 固定資産税 where the 課税標準となるべき額 is below (に満たない) these yen.
EXEMPTION_POINTS: dict[str, int] = {"土地": 300_000, "家屋": 200_000, "償却資産": 1_500_000}
#: 第350条第1項: 標準税率 百分の一・四, as (numerator, denominator).
STANDARD_RATE: tuple[int, int] = (14, 1000)
#: 第341条第6号: the 基準年度 are 昭和31年度, 昭和33年度 and every third 年度 from 昭和33年度.
_FIRST_BASE_YEARS: tuple[int, int] = (1956, 1958)
#: 第362条第1項: the months of the 納期 (四月、七月、十二月及び二月), as months after 3月 of the 年度.
_DUE_MONTHS: tuple[int, ...] = (4, 7, 12, 14)


@dataclass(frozen=True)
class Holding:
    """A person's hold of one 固定資産: acquired on ``acquired``, registered as its owner (登記簿,
    補充課税台帳 or 償却資産課税台帳) from ``registered`` until ``released`` (None: still)."""

    kind: str
    acquired: date
    registered: date
    released: date | None = None

    def registered_on(self, day: date) -> bool:
        """Whether ``day`` is in [registered, released)."""
        return self.registered <= day and (self.released is None or day < self.released)

    def owned_on(self, day: date) -> bool:
        """Whether ``day`` is in [acquired, released)."""
        return self.acquired <= day and (self.released is None or day < self.released)


def kotei_levy_date(fiscal_year: int) -> date:
    """The 賦課期日 of 年度 ``fiscal_year``: 当該年度の初日の属する年の一月一日 (第359条)."""
    return date(fiscal_year, 1, 1)


def kotei_liable(holding: Holding, located_here: bool, fiscal_year: int, died: date | None = None) -> bool:
    """Whether the municipality levies the 固定資産税 of ``fiscal_year`` on the holder of an asset.

    第342条第1項: levied by the municipality where the asset is (所在); 第343条第1項: on its 所有者;
    第343条第2項: for 土地 and 家屋 the one registered as owner (登記簿, 補充課税台帳) — not the one who
    acquired it but is not registered —, unless that individual died before the 賦課期日 (then the one
    who owns it on that day is liable, not the deceased); 第343条第3項: for 償却資産 the one on the
    償却資産課税台帳 (the owner on 1月1日, 第383条's 申告); 第359条: on the 賦課期日 1月1日.
    """
    day = kotei_levy_date(fiscal_year)
    if not located_here:
        return False
    if holding.kind == "償却資産":
        return holding.owned_on(day)
    return holding.registered_on(day) and (died is None or died >= day)


def kotei_base_year(fiscal_year: int) -> int:
    """The 基準年度 a 年度 (from 昭和31年度) belongs to (第341条第6号: 「昭和三十一年度及び昭和三十三年度並びに
    昭和三十三年度から起算して三年度又は三の倍数の年度を経過したごとの年度」). 昭和32年度 is 昭和31年度's 第二年度
    (第7号); 昭和33年度, a 基準年度 itself, is no 第三年度 (第8号: 「（昭和三十三年度を除く。）」): that cycle has two
    年度."""
    first, cycle_start = _FIRST_BASE_YEARS
    if fiscal_year < first:
        raise ValueError(f"年度 {fiscal_year} is before 昭和31年度, the first 基準年度")
    if fiscal_year < cycle_start:
        return first
    return fiscal_year - (fiscal_year - cycle_start) % 3


def kotei_year_kind(fiscal_year: int) -> str:
    """基準年度, 第二年度 (the 基準年度's next, 第341条第7号) or 第三年度 (the 第二年度's next, 第8号)."""
    return ("基準年度", "第二年度", "第三年度")[fiscal_year - kotei_base_year(fiscal_year)]


def kotei_standard(kind: str, registered_value: int) -> int:
    """The 課税標準 of an asset whose registered 価格 is ``registered_value``.

    第349条第1項-第3項: a 土地 or 家屋 of the 基準年度 is taxed in the 基準年度, 第二年度 and 第三年度 on the
    基準年度の価格 registered in the 土地課税台帳等 or 家屋課税台帳等 (the ただし書 of 特別の事情 aside);
    第349条の2: a 償却資産 on its 価格 on the 賦課期日 registered in the 償却資産課税台帳.
    """
    if kind not in ASSET_KINDS:
        raise ValueError(f"unknown 資産区分 {kind!r}")
    return registered_value


def kotei_exempt(kind: str, standard: int, *, levied_below: bool = False,
                 declared: Mapping[str, int] | None = None) -> bool:
    """Whether a 課税標準 is below the 免税点 of its 資産区分 (第351条本文: 三十万円, 二十万円, 百五十万円に
    満たない), and the municipality has no 条例 of the ただし書 levying it even then (``levied_below``, ``declared``:
    the profile declares one: :func:`kotei_exemption_point`)."""
    return standard < kotei_exemption_point(kind, declared, levied_below=levied_below)


def kotei_exemption_point(kind: str, declared: Mapping[str, int] | None = None, *, levied_below: bool = False) -> int:
    """The amount below which no 固定資産税 is levied on a 課税標準 of ``kind`` (第351条).

    本文: the 免税点 (課することができない below it). ただし書: 財政上その他特別の必要がある場合においては、当該市町村
    の条例の定めるところによつて、その額が…に満たないときであつても、固定資産税を課することができる. The 条例's
    content is the municipality's: the profile declares it, as an amount by 資産区分 (``declared``; reading, ours: a
    条例 that levies from a lower amount) or as levying at any amount (``levied_below``: none, 0). A declared amount
    above the 本文's is no 条例 of the ただし書, which only levies below it: ValueError."""
    law = EXEMPTION_POINTS[kind]
    if declared is not None and kind in declared:
        if declared[kind] > law:
            raise ValueError(f"{kind}: {declared[kind]} is above the 免税点 {law} (第351条ただし書 levies below it)")
        return declared[kind]
    return 0 if levied_below else law


def kotei_one_installment(tax: int, limit: int) -> bool:
    """Whether a 固定資産税額 ``tax`` is collected whole in one 納期 where the 条例 of 第362条第2項 sets ``limit``
    (「市町村の条例で定める金額以下であるものについては…いずれか一の納期において、その全額を徴収することができる」):
    at or below it (以下). Reading (ours): the profile that declares the 条例's 金額 collects so; a tax above it is
    collected on the 納期 of 第1項 (more than one)."""
    return tax <= limit


def kotei_standard_tax(standard: int) -> int:
    """The tax at the 標準税率 百分の一・四 (第350条第1項) on a 課税標準 (whole yen only: see the caller)."""
    numerator, denominator = STANDARD_RATE
    if standard * numerator % denominator:
        raise ValueError(f"{standard} yen at 1.4/100 is not whole yen (端数計算 is not quoted)")
    return standard * numerator // denominator


def kotei_rate(declared_percent: str | None) -> Fraction:
    """The 税率 (第350条第1項): the municipality's 条例's (declared in percent: '1.5') or, none declared, the
    標準税率 百分の一・四. The 条例 may set another (the text gives a 標準税率 and no ceiling)."""
    return Fraction(*STANDARD_RATE) if declared_percent is None else Fraction(declared_percent) / 100


def kotei_taxes_allowed(standard: int, rate: Fraction) -> tuple[int, ...]:
    """The 税額 a 課税標準 ``standard`` allows at ``rate``: the product rounded down to whole yen, or to 100 yen.

    Reading (ours): 第20条の4の2 (端数計算: a 確定金額's 百円未満 rounded down) is not quoted, so both pass. At the
    標準税率 the 価格 are drawn in 50,000円 steps and the two agree (50,000円 at 1.4/100: 700円); at 1.5/100 a
    50,000円 課税標準 allows 750円 or 700円."""
    exact = math.floor(standard * rate)
    return tuple(dict.fromkeys((exact, exact // 100 * 100)))


def kotei_due_months(fiscal_year: int) -> tuple[tuple[int, int], ...]:
    """The (year, month)s the 納期 may be in: 四月、七月、十二月及び二月 of the 年度 (第362条第1項; 二月 of
    the next calendar year, the 年度 ending on 3月31日)."""
    return tuple((fiscal_year + (month - 1) // 12, (month - 1) % 12 + 1) for month in _DUE_MONTHS)


def kotei_due_months_allowed(fiscal_year: int) -> tuple[Month, ...]:
    """The (year, month)s a 納期 of 年度 ``fiscal_year`` may fall in (第362条第1項).

    本文: 四月、七月、十二月及び二月中 (``kotei_due_months``); 但し書: 特別の事情がある場合においては、これと
    異なる納期を定めることができる, naming no month. So every month is one the text allows; reading (ours): the
    納期 of a 年度's tax are months of that 年度 (4月 to 翌年3月). A last 納期 in 3月
    conforms; a 2月 of the 年度's first calendar year (the 年度 before) does not."""
    return fiscal_year_months(fiscal_year)


# -- 第349条第2項-第6項: the ただし書 of 特別の事情, and 土地 or 家屋 first taxed in a 第二年度 or 第三年度 -------

#: 第349条第2項第1号 (地目の変換, 家屋の改築又は損壊その他これらに類する特別の事情) and 第2号 (市町村の廃置分合
#: 又は境界変更).
SPECIAL_CIRCUMSTANCES = ("地目の変換", "家屋の改築", "家屋の損壊", "市町村の廃置分合", "境界変更")


def kotei_cycle_standard(year_kind: str, registered_value: int, *, circumstance: str | None, deemed_unfit: bool,
                         comparable_value: int | None, new_in: str | None = None) -> int:
    """The 課税標準 of a 土地 or 家屋 in a 第二年度 or 第三年度 (第349条第2項-第6項).

    ``registered_value`` is the 価格 the 台帳 holds for it: the 基準年度の価格, or for one first taxed in a 第二年度
    (第4項) or 第三年度 (第6項) its price 比準 to the 基準年度の価格 of a similar one (in the 第三年度, the 第二年度's:
    第5項本文). The ただし書 of 第2項, 第3項 and 第5項: where on the 賦課期日 a 特別の事情 of 第2項各号 makes that price
    unfit or unbalanced in the 市町村長's view (``deemed_unfit``), the price 比準 (``comparable_value``)."""
    if year_kind not in ("第二年度", "第三年度") or new_in not in (None, "第二年度", "第三年度"):
        raise ValueError(f"{year_kind}, {new_in}: not a 第二年度 or 第三年度 case")
    first_taxed_now = new_in == year_kind
    if circumstance in SPECIAL_CIRCUMSTANCES and deemed_unfit and not first_taxed_now:
        if comparable_value is None:
            raise ValueError("a 特別の事情 without its 比準価格")
        return comparable_value
    return registered_value


# -- 第341条第4号ただし書, 第342条第2項・第3項, 第343条第1項・第3項: whose asset, and where ---------------------

#: 第343条第1項: 百年より永い存続期間の定めのある地上権 (years).
SUPERFICIES_YEARS = 100
#: 第341条第4号ただし書: the 課税客体 of 自動車税 and 軽自動車税's 種別割 are no 償却資産.
VEHICLES_TAXED_ELSEWHERE = ("自動車", "原動機付自転車", "軽自動車", "小型特殊自動車", "二輪の小型自動車")


def kotei_land_taxpayer(right: str, *, pledged: bool = False, superficies_years: int | None = None) -> bool:
    """Whether the holder of ``right`` over a 土地 pays its 固定資産税 (第343条第1項): the 所有者, except where the
    土地 is the object of a 質権 or of a 地上権 for 百年より永い (more than 100 years) a term, which the 質権者 or
    地上権者 pays."""
    long_superficies = superficies_years is not None and superficies_years > SUPERFICIES_YEARS
    if right == "質権者":
        return True
    if right == "地上権者":
        return long_superficies
    return not pledged and not long_superficies


def kotei_depreciable_located_here(kind: str, place_here: bool, station_here: bool) -> bool:
    """Where a 償却資産 is taxed (第342条第2項): a 船舶 or 車両 where its 主たる定けい場 or 定置場 is (第389条 aside),
    any other where it lies (第1項)."""
    return station_here if kind in ("船舶", "車両") else place_here


def kotei_depreciable_taxed(kind: str, *, registered: bool, reserved_buyer: bool = False) -> bool:
    """Whether the person is taxed on a 償却資産 (第341条第4号ただし書: no 自動車 or 軽自動車等; 第343条第3項: the one
    registered in the 償却資産課税台帳 as its owner; 第342条第3項: a buyer under 所有権留保 is a co-owner)."""
    if kind in VEHICLES_TAXED_ELSEWHERE:
        return False
    return registered or reserved_buyer


#: 第341条第2号: 土地 — 田、畑、宅地、塩田、鉱泉地、池沼、山林、牧場、原野その他の土地.
LAND_CATEGORIES = ("田", "畑", "宅地", "塩田", "鉱泉地", "池沼", "山林", "牧場", "原野", "雑種地")
#: 第341条第3号: 家屋 — 住家、店舗、工場（発電所及び変電所を含む。）、倉庫その他の建物.
HOUSE_CATEGORIES = ("住家", "店舗", "工場", "発電所", "変電所", "倉庫", "事務所")


def kotei_state_farmland_holder(role: str, day: date, acquired_by_state: date, transferred: date) -> bool:
    """Who is deemed the 所有者 on ``day`` of 農地 the 国 bought or received (第343条第6項): its 使用者 from the day
    the 国 bought it up to the day the ownership passes to the buyer (both included), the buyer (売渡しの相手方)
    after that day until it is registered as owner (and as the registered owner from then, 第2項)."""
    if role == "使用者":
        return acquired_by_state <= day <= transferred
    return day > transferred


#: 第341条第9号-第14号: the 固定資産課税台帳 is the five (第9号); which one holds an asset (第10号-第14号).
LEDGERS = ("土地課税台帳", "土地補充課税台帳", "家屋課税台帳", "家屋補充課税台帳", "償却資産課税台帳")


def kotei_ledger(kind: str, in_land_register: bool) -> str:
    """The 固定資産課税台帳 (第341条第9号) an asset is registered in: a 土地 or 家屋 登記されている in the 登記簿 in the
    土地課税台帳 or 家屋課税台帳 (第10号, 第12号), one not 登記 in the 補充課税台帳 (第11号, 第13号), a 償却資産 in the
    償却資産課税台帳 (第14号)."""
    if kind == "償却資産":
        return "償却資産課税台帳"
    return f"{kind}課税台帳" if in_land_register else f"{kind}補充課税台帳"


def kotei_trust_lessee_taxed(role: str, *, trust_lease: bool, for_business: bool) -> bool:
    """第343条第9項: a 償却資産 a 信託会社 holds in trust and leases to another on condition of transferring it to
    them, used in that other's business: the other (借受人) is deemed its 所有者, not the 信託会社."""
    deemed = trust_lease and for_business
    if role == "借受人":
        return deemed
    return not deemed


# -- 第343条第4項・第5項: the 使用者 deemed the 所有者 (optional: 「…課することができる」) -----------------------------

#: 第343条第4項 (所有者の所在が震災、風水害、火災その他の事由により不明), 第5項 (政令で定める方法により探索を行つても
#: なお所有者の存在が不明; 前項に規定する場合を除く): the record's 所有者不明, by the 項 that reads it.
OWNER_UNKNOWN: dict[int, str] = {4: "震災等により所在不明", 5: "探索後も存在不明"}


def kotei_user_deemed_owner(paragraph: int, unknown: str | None) -> bool:
    """Whether a municipality that uses 第343条第``paragraph``項 (the product declares it) taxes the 使用者 of a
    固定資産 as its deemed 所有者: the 所有者 unknown as that 項 says (``unknown``: the record's 所有者不明). The
    政令's 探索の方法 of 第5項 is not among the sources: the record says the 探索 was made and the owner is still
    unknown. A 使用者 of an asset whose 所有者 is known is not taxed (第1項: the 所有者 is)."""
    return unknown == OWNER_UNKNOWN[paragraph]

