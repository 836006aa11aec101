"""児童扶養手当: the 児童, the months paid and when, the amount, and the 所得 limits.

Rules (児童扶養手当法 第3条, 第5条, 第7条, 第9条; 児童扶養手当法施行令 第2条の4; DOMAIN.md: "児童扶養手当:
paid six times a year in odd months (January, March, ... November), two months each, since the
payment for November 2019; 現況届 in August; amounts revised every April; children until the first
3月31日 after turning 18 (20 with a disability)").

The statute edition ``jido_fuyo_teate 2025.12`` quotes the text in force since 令和6年11月 (the 全部支給
limit of 69万円, one 加算額 for every 監護等児童 beyond the first). Interpretations (the harness's
readings, recorded in spec_catalog/jido_fuyo_teate/2025.12/provisions.yaml):

- the 監護等児童 are the claimant's household children who are 児童 in the month (no disability and no
  里親 recorded: the 18-year rule of 第3条第1項 alone);
- 扶養親族等 are given as the number of 加算対象扶養親族等 that are none of 七十歳以上同一生計配偶者,
  老人扶養親族 and 特定扶養親族等 (each adds 38万円 to the limits); each 生計維持児童 adds 38万円 as well (the text of
  第2条の4第1項第2号イ, 第2項第1号ロ(1): the callers pass both numbers summed as ``dependants``);
- the amounts of 第5条 are revised every year by 第5条の2 (not quoted): :func:`monthly_amount` gives the
  amount in units of 基本額 and 加算額, whatever the revised figures are.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from conformance.oracles.dates import Month, age_reached_on, month_of, next_month

#: 第5条第1項, 第2項: the 基本額 and the 加算額 of every 監護等児童 beyond the first, as the text writes them.
BASE_AMOUNT, ADDITION = 41_100, 10_750
#: 施行令 第2条の4第1項 (全部支給 limit), 第2項第1号 (全部停止 limit), and the addition
#: per 加算対象扶養親族等 of the general kind (第1項第2号イ, 第2項第1号ロ(1)).
FULL_LIMIT, STOP_LIMIT, PER_DEPENDANT = 690_000, 2_080_000, 380_000
#: 施行令 第2条の4第3項, 第4項: the coefficients of the 一部支給停止額.
BASE_RATE, ADDITION_RATE = Decimal("0.0256619"), Decimal("0.0039568")
#: 施行令 第2条の4第5項: the share of the 養育費 counted as the claimant's 所得.
SUPPORT_SHARE = Decimal("0.8")

Kind = Literal["全部支給", "一部支給", "全部停止"]


def child_end_date(birth: date) -> date:
    """The last day a child born on ``birth`` is a 児童 (without a 障害 of the 政令's degree).

    Rule (児童扶養手当法 第3条第1項): 「児童」とは、十八歳に達する日以後の最初の三月三十一日までの間にある者. The age is
    reached the day before the birthday (年齢計算ニ関スル法律, :func:`conformance.oracles.dates.age_reached_on`), so a
    child born on 4月1日 is a 児童 until the 3月31日 it reaches 18. Written for this domain from its own law, not
    taken from 児童手当's (the same words, but two laws: docs/architecture.md, "A domain is a folder").
    """
    reached = age_reached_on(birth, 18)
    march_end = date(reached.year, 3, 31)
    return march_end if reached <= march_end else date(reached.year + 1, 3, 31)


def payment_month(month: Month) -> Month:
    """The month ``month`` is paid in: the first odd month after it.

    Rule (第7条第3項: 毎年一月、三月、五月、七月、九月及び十一月の六期に、それぞれの前月までの分を支払う):
    11月・12月分 in 1月, 1月・2月分 in 3月.
    """
    paid = next_month(month)
    return paid if paid[1] % 2 == 1 else next_month(paid)


def start_month(claimed: Month) -> Month:
    """The first month paid: the month after the month of the 認定の請求 (第7条第1項)."""
    return next_month(claimed)


#: 法第9条第2項: the claimants whose children's 養育費 counts as theirs (a 母's from the 父, a 父's from the 母).
SUPPORT_COUNTED_FOR = ("母", "父")


def counted_income(income: int, support: int = 0, claimant: str = "母") -> int:
    """The 所得 the limits are applied to: the 前年の所得 and, for a 母 or a 父, 80 % of the 養育費 the children
    received from the other parent (第9条第2項; 施行令 第2条の4第5項: 一円未満の端数は四捨五入). 第9条第2項 names the
    母 and the 父 only: a 養育者's 所得 is its 前年の所得 alone."""
    if claimant not in SUPPORT_COUNTED_FOR:
        return income
    share = (Decimal(support) * SUPPORT_SHARE + Decimal("0.5")).to_integral_value(ROUND_FLOOR)
    return income + int(share)


def full_limit(dependants: int) -> int:
    """施行令 第2条の4第1項: 69万円 with no 加算対象扶養親族等 (第1号), 38万円 more for each (第2号イ)."""
    return FULL_LIMIT + PER_DEPENDANT * dependants


def stop_limit(dependants: int) -> int:
    """施行令 第2条の4第2項第1号: 208万円 with none (イ), 38万円 more for each (ロ(1))."""
    return STOP_LIMIT + PER_DEPENDANT * dependants


def kind(income: int, dependants: int) -> Kind:
    """全部支給 below the 第1項 limit, 全部停止 at or above the 第2項第1号 limit, 一部支給 between
    (法第9条第1項: 政令で定める額以上であるときは…その全部又は一部を支給しない)."""
    if income >= stop_limit(dependants):
        return "全部停止"
    return "一部支給" if income >= full_limit(dependants) else "全部支給"


def _round_ten(amount: Decimal) -> int:
    """施行令 第2条の4第3項, 第4項: 五円未満の端数は切り捨て、五円以上十円未満の端数は十円に切り上げ."""
    tens = (amount / 10).to_integral_value(ROUND_FLOOR)
    return int(tens * 10) + (10 if amount - tens * 10 >= 5 else 0)


def partial_stop(income: int, dependants: int, children: int) -> int:
    """The monthly part not paid (一部支給): 基本額一部支給停止額 and (監護等児童 - 1) 加算額一部支給停止額.

    Rule (施行令 第2条の4第2項第2号, 第3項, 第4項): each is (所得 - the 第1項 limit) times its
    coefficient, rounded to ten yen (:func:`_round_ten`), plus ten yen. 0 for 全部支給.
    """
    if kind(income, dependants) != "一部支給":
        return 0
    excess = Decimal(income - full_limit(dependants))
    base = _round_ten(excess * BASE_RATE) + 10
    addition = _round_ten(excess * ADDITION_RATE) + 10
    return base + (children - 1) * addition


def monthly_units(children: int) -> tuple[int, int]:
    """The 全部支給 amount of a month in units: (基本額 count, 加算額 count) (第5条第1項, 第2項: the 基本額
    and a 加算額 for each 監護等児童 beyond the first); (0, 0) with no 監護等児童."""
    return (1, children - 1) if children > 0 else (0, 0)


# -- 第3条第2項: 公的年金給付 ---------------------------------------------------------------------------

#: 第3条第2項: each 給付 (as the record names it, by the law it is given under) that is a 公的年金給付 -> its 号.
PUBLIC_PENSIONS: dict[str, int] = {
    "国民年金法に基づく年金たる給付": 1,
    "厚生年金保険法に基づく年金たる給付": 2,
    "厚生年金保険法附則第二十八条に規定する共済組合が支給する年金たる給付": 2,
    "船員保険法に基づく年金たる給付（なお従前の例によるもの）": 3,
    "恩給法に基づく年金たる給付": 4,
    "地方公務員の退職年金に関する条例に基づく年金たる給付": 5,
    "旧令共済組合等年金受給者特別措置法に基づき国家公務員共済組合連合会が支給する年金たる給付": 6,
    "戦傷病者戦没者遺族等援護法に基づく年金たる給付": 7,
    "未帰還者留守家族等援護法に基づく留守家族手当": 8,
    "未帰還者留守家族等援護法に基づく特別手当": 8,
    "労働者災害補償保険法に基づく年金たる給付": 9,
    "国家公務員災害補償法に基づく年金たる補償": 10,
    "公立学校の学校医等の公務災害補償に関する法律に基づく条例の規定に基づく年金たる補償": 11,
    "地方公務員災害補償法に基づく年金たる補償": 12,
}
#: 給付 that are none: not 年金たる (a 一時金 under a law of the list) or under no law of the list.
NOT_PUBLIC: tuple[str, ...] = ("国民年金法に基づく死亡一時金", "労働者災害補償保険法に基づく一時金たる給付",
                               "確定給付企業年金法に基づく年金", "確定拠出年金法に基づく年金", "個人年金保険の年金")


def public_pension(benefit: str) -> bool:
    """第3条第2項: whether ``benefit`` is a 公的年金給付 (one of its 号; a 一時金 is no 年金たる給付)."""
    return benefit in PUBLIC_PENSIONS


# -- 第4条第1項: whose 手当 ------------------------------------------------------------------------------


def qualifies(claimant: str, *, cares: bool, shares_livelihood: bool, lives_with: bool = False,
              maintains: bool = False, mother_cares: bool = False) -> bool:
    """第4条第1項 for a 児童 of its イ-ホ: 第1号 a 母 who 監護 it; 第2号 a 父 who 監護 it and shares its 生計;
    第3号 a 養育者 where the 母 does not 監護 it: one who 養育 it (同居, 監護 and 生計を維持: the edition's
    reading takes this branch of 第3号 only)."""
    if claimant == "母":
        return cares
    if claimant == "父":
        return cares and shares_livelihood
    return not mother_cares and lives_with and cares and maintains


def has_child(births: Iterable[date], day: date) -> bool:
    """第4条第1項 is about a 児童 (第3条第1項): whether some child is one on ``day`` (on or before its
    :func:`child_end_date`). With none, no claimant meets it, whatever it does for the child."""
    return any(day <= child_end_date(birth) for birth in births)


# -- 第4条第2項: the 児童 for whom no 手当 is paid ------------------------------------------------------


def paid_for(claimant: str, *, abroad: bool = False, foster: bool = False, with_father: bool = False,
             father_disabled: bool = False, mothers_spouse: bool = False, with_mother: bool = False,
             mother_disabled: bool = False, fathers_spouse: bool = False, spouse_disabled_parent: bool = False) -> bool:
    """第4条第2項: whether the 手当 is paid for the 児童. For a 母 or 養育者 not where 第1号-第4号 hold, for a 父
    not where 第1号, 第2号, 第5号, 第6号 hold: 第1号 no 住所 in Japan, 第2号 with a 里親, 第3号 sharing the 父's
    生計 (ただし書: unless the 父 is in the 障害の状態 of 第1項第1号ハ), 第4号 brought up by the 母's 配偶者 (a
    disabled 父 excepted), 第5号 and 第6号 the same of the 母. A 配偶者 includes one in a 事実婚 (第3条第3項)."""
    if abroad or foster:
        return False
    if claimant == "父":
        return not ((with_mother and not mother_disabled) or (fathers_spouse and not spouse_disabled_parent))
    return not ((with_father and not father_disabled) or (mothers_spouse and not spouse_disabled_parent))


# -- 第4条第3項, 第7条第2項, 第9条の2, 施行令 第2条の4第6項・第7項 ---------------------------------------------


def claimant_paid(qualified: bool, *, abroad: bool) -> bool:
    """第4条第3項: whatever 第1項 says, no 手当 for a 母, 父 or 養育者 without a 住所 in Japan."""
    return qualified and not abroad


#: 第7条第2項: a claim within 十五日 after the やむを得ない理由 ended (初日不算入).
DELAY_DAYS = 15


def delayed_start_month(claimed: date, *, hindered_from: date, hindered_until: date) -> Month:
    """第7条第2項: a claim made within 15 days after the reason that kept the 受給資格者 from claiming ended
    (on or before ``hindered_until`` + 15 days) is paid from the month after the one in which he could no longer
    claim (``hindered_from``); else from the month after the claim (第1項)."""
    if claimed <= hindered_until + timedelta(days=DELAY_DAYS):
        return next_month(month_of(hindered_from))
    return start_month(month_of(claimed))


#: 施行令 第2条の4第6項 (法第9条の2: a 養育者's own 所得) and 第7項 (法第10条: the 配偶者's or 扶養義務者's):
#: 236万円 (第1号), 38万円 more for each 加算対象扶養親族等 (一般: the edition's reading, as 第1項) and, of 第6項, each
#: 生計維持児童 (第2号イ).
OTHER_LIMIT = 2_360_000


def carer_limit(dependants: int, children: int) -> int:
    """施行令 第2条の4第6項: the 法第9条の2 limit of a 養育者."""
    return OTHER_LIMIT + PER_DEPENDANT * (dependants + children)


def carer_stopped(income: int, dependants: int, children: int) -> bool:
    """法第9条の2: no 手当 (from 11月 to the next 10月) where the 養育者's 前年の所得 is the limit or more (以上)."""
    return income >= carer_limit(dependants, children)


def obligor_limit(dependants: int) -> int:
    """施行令 第2条の4第7項: the 法第10条 limit of the 配偶者 or 扶養義務者."""
    return OTHER_LIMIT + PER_DEPENDANT * dependants


def obligor_stopped(income: int, dependants: int) -> bool:
    """法第10条 (not quoted; its limit is 第7項's): no 手当 where the 扶養義務者's 所得 is the limit or more (以上,
    as 法第9条 and 第9条の2 say)."""
    return income >= obligor_limit(dependants)
