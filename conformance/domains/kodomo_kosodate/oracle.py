"""子ども・子育て支援: the 認定区分 of a 小学校就学前子ども by age and the need of 保育, and the 期限 of the
処分 on an application for the 教育・保育給付認定.

Rules (子ども・子育て支援法 第19条第1項, 第20条, 第21条 (the 有効期間), 第27条第3項 (a month's 施設型給付費);
the statute edition ``kodomo_kosodate 2025.12``). Ages are
reached on the day before the birthday (年齢計算ニ関スル法律, :func:`conformance.oracles.dates.age_reached_on`).
A 小学校就学前子ども is a child until the 小学校就学の始期 (法第6条第1項, an article the edition does not
quote): the harness reads it as the day before the 小学校 就学義務 begins (学校教育法 第17条第1項,
:func:`conformance.domains.shugaku.oracle.elementary_period`).
"""

from __future__ import annotations

from datetime import date, timedelta

from conformance.domains.shugaku.oracle import elementary_period
from conformance.oracles.dates import age_reached_on

#: The 区分 of 第19条第1項: 第1号, 第2号, 第3号 (the usual names 1号認定, 2号認定, 3号認定).
CATEGORY_ONE = "1号"
CATEGORY_TWO = "2号"
CATEGORY_THREE = "3号"
#: 第20条第6項: the 処分 within thirty days of the application.
DECISION_DAYS = 30


def preschool_until(birth: date) -> date:
    """The last day a child is a 小学校就学前子ども: the day before the first 学年 of the 小学校."""
    return elementary_period(birth)[0] - timedelta(days=1)


def is_preschool(birth: date, day: date) -> bool:
    """Born by ``day`` and not yet at the 小学校就学の始期."""
    return birth <= day <= preschool_until(birth)


def category(birth: date, day: date, *, needs_care: bool) -> str | None:
    """The 区分 of 第19条第1項 on ``day``, None when the child is in none (no 資格).

    第1号: 満三歳以上 without the need of 保育 (a child who needs it is 第2号); 第2号: 満三歳以上 who need
    保育 (保護者の労働又は疾病その他の事由); 第3号: 満三歳未満 who need 保育. A child under three who needs
    no 保育, or one past the 小学校就学の始期, is in none.
    """
    if not is_preschool(birth, day):
        return None
    if day >= age_reached_on(birth, 3):
        return CATEGORY_TWO if needs_care else CATEGORY_ONE
    return CATEGORY_THREE if needs_care else None


def has_care_amount(category_name: str | None) -> bool:
    """第20条第3項: a 保育必要量 is certified for the 第2号 and 第3号 only."""
    return category_name in (CATEGORY_TWO, CATEGORY_THREE)


def decision_by(applied: date) -> date:
    """第20条第6項: the last day of the thirty days from the application (the first day not counted:
    民法 第140条); a 期限 set earlier is within the law too."""
    return applied + timedelta(days=DECISION_DAYS)


def certifying_municipality(residence: str | None, current: str | None) -> str | None:
    """第20条第2項: the municipality of the 保護者's 居住地 certifies; ただし書: when the 保護者 has no 居住地 or it is
    not known (``residence`` None), the municipality of the 保護者's 現在地."""
    return residence if residence is not None else current


def certification_in_effect(first: date, last: date, day: date) -> bool:
    """第21条: an 教育・保育給付認定 has effect only within its 有効期間 (``first`` to ``last``, both included; the
    内閣府令's period, given by the record as its first and last day)."""
    return first <= day <= last


def facility_cost(standard: int, actual: int) -> int:
    """第27条第3項第1号: the cost by the 内閣総理大臣's 基準 (``standard``), or, when it exceeds what the
    支給認定教育・保育 actually cost (``actual``), the actual cost: the lesser of the two (yen per month)."""
    return min(standard, actual)


def user_charge(municipal: int, limit: int) -> int:
    """第27条第3項第2号: the amount the 市町村 sets (``municipal``) 政令で定める額を限度として (``limit``): the
    市町村's amount, never more than the limit. Reading (ours): an amount above the limit would be deducted up to
    the limit; a system may as well refuse to set it, so the checks never generate one (the MANUAL procedure)."""
    return min(municipal, limit)


def facility_benefit(cost: int, charge: int) -> int:
    """第27条第3項柱書: a month's 施設型給付費 is 第1号 less 第2号, zero when that is below zero."""
    return max(cost - charge, 0)
