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
  老人扶養親族 and 特定扶養親族等 (each adds 38万円 to the limits), and no 生計維持児童 apart from them;
- the amounts of 第5条 are revised every year by 第5条の2 (not quoted): :func:`monthly_amount` gives the
  amount in units of 基本額 and 加算額, whatever the revised figures are.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from conformance.oracles.dates import Month, age_reached_on, next_month

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


def counted_income(income: int, support: int = 0) -> int:
    """The 所得 the limits are applied to: the 前年の所得 and 80 % of the 養育費 the children received
    (第9条第2項; 施行令 第2条の4第5項: 一円未満の端数は四捨五入)."""
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
