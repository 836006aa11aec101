"""軽自動車税 (種別割): who pays for a fiscal year (DOMAIN.md, "Moves and dates that cross a year").

Rule (DOMAIN.md; 地方税法 443条, 445条): "軽自動車税: the owner on 4月1日 pays the whole year; no
proration, no refund."
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from conformance.oracles.dates import Month, fiscal_year_months
from conformance.oracles.holidays import is_local_holiday, next_working_day


@dataclass(frozen=True)
class Ownership:
    """One owner of a vehicle from ``acquired`` (owner from that day) until ``released`` (no longer
    the owner from that day; None while still owning it)."""

    owner: str
    acquired: date
    released: date | None = None

    def owns_on(self, day: date) -> bool:
        """Whether ``day`` is in [acquired, released)."""
        return self.acquired <= day and (self.released is None or day < self.released)


def keijidosha_levy_date(fiscal_year: int) -> date:
    """The 賦課期日 of 年度 ``fiscal_year``: 4月1日 of that year."""
    return date(fiscal_year, 4, 1)


def keijidosha_tax_payer(owners: Sequence[Ownership], fiscal_year: int) -> str | None:
    """Who pays the whole year's 軽自動車税 for the 年度 ``fiscal_year`` (None: nobody owned it on 4月1日).

    Rule (DOMAIN.md): the owner on 4月1日 of the fiscal year. A transfer dated 4月1日 makes the new
    owner the payer (the new owner owns it on that day); a vehicle scrapped on 4月2日 is still taxed
    for the whole year, and one bought on 4月2日 is not taxed until the next year.
    """
    day = keijidosha_levy_date(fiscal_year)
    found = [ownership.owner for ownership in owners if ownership.owns_on(day)]
    if len(found) > 1:
        raise ValueError(f"two owners on {day}: {found}")
    return found[0] if found else None


#: 地方税法 第463条の15第1項 (種別割の標準税率, 年額, 一台について): the class codes the harness's
#: records use (号, イ/ロ/ハ and (1)(i) of the table) -> the yen of its 標準税率.
STANDARD_RATES: dict[str, int] = {
    "1イ": 2000,  # 原動機付自転車, 0.05リットル以下 or 0.6キロワット以下
    "1ロ": 2000,  # 原動機付自転車, 二輪, 0.05-0.09リットル or 0.6-0.8キロワット
    "1ハ": 2000,  # 原動機付自転車, 二輪, 0.125リットル以下 and 最高出力 4.0キロワット以下
    "1ニ": 2400,  # 原動機付自転車, 二輪, over 0.09リットル or 0.8キロワット
    "1ホ": 3700,  # 原動機付自転車, 三輪以上
    "2イ": 3600,  # 軽自動車及び小型特殊自動車, 二輪 (側車付を含む)
    "2ロ": 3900,  # 三輪
    "2ハ(1)(i)": 6900,  # 四輪以上, 乗用, 営業用
    "2ハ(1)(ii)": 10800,  # 四輪以上, 乗用, 自家用
    "2ハ(2)(i)": 3800,  # 四輪以上, 貨物用, 営業用
    "2ハ(2)(ii)": 5000,  # 四輪以上, 貨物用, 自家用
    "3": 6000,  # 二輪の小型自動車
}


def keijidosha_standard_rate(vehicle_class: str) -> int:
    """The 種別割's 標準税率 (年額, 一台について) of a class of 軽自動車等 (第463条の15第1項)."""
    return STANDARD_RATES[vehicle_class]


def keijidosha_rate_levied(vehicle_class: str, declared: Mapping[str, int]) -> int:
    """The 種別割 the town levies on a class (年額, 一台について): the 条例's (``declared`` in the profile, by class)
    or, for a class none is declared for, the 標準税率 (第463条の15第1項 gives a 標準税率: the 条例 sets the rate;
    第2項's ceiling is judged apart)."""
    return declared.get(vehicle_class, keijidosha_standard_rate(vehicle_class))


def keijidosha_liable(owned: Ownership, stationed_here: bool, fiscal_year: int) -> bool:
    """Whether the municipality levies the 種別割 of 年度 ``fiscal_year`` on the owner of a vehicle.

    第443条第1項: 種別割 on the 所有者 of a 軽自動車等, levied by the municipality of its 主たる定置場;
    第463条の16: the 賦課期日 is 4月1日 (the owner on that day pays the whole year).
    """
    return stationed_here and owned.owns_on(keijidosha_levy_date(fiscal_year))


def keijidosha_due_in(fiscal_year: int) -> tuple[int, int]:
    """The (year, month) of the 種別割's 納期 by 第463条の17's 本文: 四月中 of the 年度."""
    return fiscal_year, 4


def keijidosha_due_day_main(fiscal_year: int, day: date) -> bool:
    """Whether ``day`` is a 納期限 第463条の17's 本文 allows for the 年度's 種別割
    (四月中において、当該市町村の条例で定める), the ただし書 apart: a day of 4月 of the 年度 (the day is the
    条例's), or, when 4月30日 is a 休日, the first day after it that is none.

    Reading (ours, provisions.yaml 第463条の17第1項): 地方税法 第20条の5第2項 (not among the sources) makes
    the day after a 休日 the 期限 when a 期限 of the 地方税法 or a 条例 falls on one, so a 条例's 4月30日 on
    a Saturday is a 納期限 of the next Monday by law, with no ただし書 needed; its 休日 are read as the
    harness's calendar of 地方公共団体の休日 (:mod:`conformance.oracles.holidays`: 土曜日, 日曜日,
    国民の祝日に関する法律's 休日). A 条例's earlier April day on a 休日 moves to a day of April or to that
    same first working day."""
    if (day.year, day.month) == (fiscal_year, 4):
        return True
    last = date(fiscal_year, 4, 30)
    return is_local_holiday(last) and day == next_working_day(last)


def keijidosha_due_months_allowed(fiscal_year: int) -> tuple[Month, ...]:
    """The (year, month)s a 納期限 of the 年度's 種別割 may fall in for a product that declares 第463条の17's ただし書
    (optional: 特別の事情がある場合には、これと異なる納期を定めることができる): 四月中 (本文) or another month.

    Reading (ours): the ただし書 names no month, so every month is one the text allows; the 納期 of a 年度's
    tax is read as a month of that 年度 (4月 to 翌年3月): no 納期 before the 賦課期日 4月1日 (第463条の16),
    none after the 年度. So 筑後市's 5月 is allowed, a 納期限 of 3月 before the 賦課期日 is not."""
    return fiscal_year_months(fiscal_year)


# -- 環境性能割 (第442条第1号, 第451条), the 使用者 (第443条第3項), the 取得者 (第443条第2項) ------------------------

#: 第451条: (項, 号, 算定区分) -> the percents of the standards the エネルギー消費効率 must reach (ロ, ハ): 本則 against
#: 令和十二年度 (乗用) / 令和四年度 (トラック); 第4項 平成二十二年度基準 (its table's readings); 第5項 令和二年度基準等
#: (第1号 only). A standard is named by the record's item; ハ against 令和二年度 unless read otherwise.
ENV_THRESHOLDS: dict[tuple[int, str, str], tuple[tuple[str, int], ...]] = {
    (1, "乗用", ""): (("令和12年度", 75), ("令和2年度", 100)),
    (2, "乗用", ""): (("令和12年度", 70), ("令和2年度", 100)),
    (1, "トラック", ""): (("令和4年度", 100),),
    (2, "トラック", ""): (("令和4年度", 95),),
    (1, "乗用", "平成22年度基準"): (("平成22年度", 162), ("平成22年度", 150)),
    (2, "乗用", "平成22年度基準"): (("平成22年度", 151), ("平成22年度", 150)),
    (1, "トラック", "平成22年度基準"): (("平成22年度", 155),),
    (2, "トラック", "平成22年度基準"): (("平成22年度", 147),),
    (1, "乗用", "令和2年度基準等"): (("令和2年度", 109), ("令和2年度", 100)),
    (2, "乗用", "令和2年度基準等"): (("令和2年度", 102), ("令和2年度", 100)),
}
#: 第451条第1項第2号, 第2項第2号: 車両総重量が二・五トン以下のトラック (kg).
TRUCK_WEIGHT_LIMIT = 2500


@dataclass(frozen=True)
class LightCar:
    """A 三輪以上の軽自動車 as the 環境性能割 sees it (第451条): gasoline or not, 乗用 or トラック and its 車両総重量,
    whether its 排出ガス meets 第1項第1号イ (平成三十年基準 with 窒素酸化物 at most half, or 平成十七年基準 at most a
    quarter), its エネルギー消費効率 and the standards (km/L; the record's tenths), its 算定区分 (第4項, 第5項), and
    whether 第446条第1項 (not quoted) applies."""

    wheels: int
    gasoline: bool
    use: str
    gross_weight: int
    emission_ok: bool
    efficiency: int
    standards: dict[str, int]
    basis: str = ""
    exempt: bool = False


def _meets(car: LightCar, paragraph: int) -> bool:
    """Whether the car is one of 第451条 ``paragraph`` (1 or 2): 第1号 乗用車 or 第2号 トラック (2.5トン以下), イ (the
    排出ガス) and every threshold (以上) of its 算定区分."""
    if car.use == "トラック" and car.gross_weight > TRUCK_WEIGHT_LIMIT:
        return False
    thresholds = ENV_THRESHOLDS.get((paragraph, car.use, car.basis))
    if thresholds is None or not car.emission_ok:
        return False
    return all(car.efficiency * 100 >= car.standards[name] * percent for name, percent in thresholds)


def environmental_rate(car: LightCar) -> int | None:
    """The 環境性能割's rate in percent (第451条): 1 (第1項), 2 (第2項), 3 (第3項: any other 三輪以上の軽自動車);
    None where there is none (two wheels: no 環境性能割, 第442条第1号; 第446条第1項: excluded by 第1項-第3項).

    Readings (ours): the 総務省令 that picks the cars of each 号 is the record's classification; a 令和二年度基準等
    算定 トラック is of neither 第1項 nor 第2項 (第5項 applies their 第1号 only, and the 本則 is not what reckons its
    efficiency): 3 (第3項)."""
    if car.wheels < 3 or car.exempt:
        return None
    if car.gasoline:
        for paragraph in (1, 2):
            if _meets(car, paragraph):
                return paragraph
    return 3


def environmental_acquirer(purpose: str) -> bool:
    """Whether one who acquired a 三輪以上の軽自動車 is its 取得者 for the 環境性能割 (第443条第2項): not a
    自動車製造業者 acquiring by 製造, a 自動車販売業者 acquiring for 販売, or one acquiring it for an end other than
    運行 (政令)."""
    return purpose == "運行"


def levied_on(*, owner_exempt: bool, user: bool, public_use: bool) -> bool:
    """Whether the 種別割 may fall on the person asked about at all, owner or 使用者 (第443条第3項 with 第445条第1項;
    the 定置場 and the 賦課期日 apart).

    - The owner (``user`` False): not when the owner cannot be taxed (所有者非課税: 第445条第1項, not
      quoted; the contract's item says so), 公用 or not. 第3項's ただし書
      (「公用又は公共の用に供する軽自動車等については、この限りでない」) only keeps the tax from passing to
      the 使用者 (「この限りでない」 undoes 第3項's 本文, not 第445条第1項's bar): a 公用 vehicle of an owner
      who cannot be taxed is levied on nobody.
    - The 使用者: only when the owner cannot be taxed and the vehicle is not 公用又は公共の用 (第3項 and its
      ただし書)."""
    if not user:
        return not owner_exempt
    return owner_exempt and not public_use
