"""生活保護 (生活保護法, statute edition ``seikatsu_hogo 2025.12``): the rules the harness can check on one
要保護者's record, as pure functions.

- 第19条第1項第1号・第2号, 第2項, 第3項: who is the 保護の実施機関 (here: the municipality whose 福祉事務所's
  所管区域 holds the place the law names; the record gives places as 市区町村コード);
- 第24条第5項・第6項・第7項: the day the decision notice is due (14 days from the application, 30 with a
  特別な理由), whether the notice must state why it is late, whether the applicant may deem the
  application rejected;
- 第8条第1項: the 程度 of 保護, the shortfall of the 要保護者's money against the need measured by the 基準.

Periods in days do not count the day of the application (民法第140条, 初日不算入: the edition's reading,
spec_catalog/seikatsu_hogo/2025.12/provisions.yaml).
"""

from __future__ import annotations

from datetime import date, timedelta

#: 第24条第5項: 十四日以内; ただし書: 三十日まで.
NOTICE_DAYS, EXTENDED_NOTICE_DAYS = 14, 30


def implementing_area(residence: str | None, current: str | None, *, urgent: bool = False,
                      before_residence: str | None = None, before_current: str | None = None,
                      in_facility: bool = False) -> str | None:
    """The 所管区域 (市区町村コード) of the 保護の実施機関.

    第19条第3項: during an 入所 or 委託 (第30条第1項ただし書), the 居住地 (else the 現在地) before it;
    第19条第2項: a 要保護者 in an 急迫した状況 is protected where he is (現在地) even with a known 居住地;
    第19条第1項第1号: else the 居住地; 第2号: no 居住地 (or not known), the 現在地."""
    if in_facility:
        return before_residence or before_current
    if urgent and current is not None:
        return current
    return residence if residence is not None else current


def notice_deadline(applied: date, *, special_reason: bool) -> date:
    """The last day of the 第24条第3項 notice: 申請のあつた日から十四日以内 (第5項), 三十日まで with a
    特別な理由 such as the 扶養義務者's 資産及び収入の調査 (ただし書)."""
    return applied + timedelta(days=EXTENDED_NOTICE_DAYS if special_reason else NOTICE_DAYS)


def delay_reason_required(applied: date, notified: date) -> bool:
    """第24条第6項: a notice given after the 14 days of 第5項本文 states the reason in the 書面."""
    return notified > notice_deadline(applied, special_reason=False)


def deemed_rejected(applied: date, notified: date | None, as_of: date) -> bool:
    """第24条第7項: no notice within 30 days of the application -> on ``as_of`` the applicant may deem the
    application rejected (from the 31st day, unless the notice came within the 30 days)."""
    last = notice_deadline(applied, special_reason=True)
    return as_of > last and (notified is None or notified > last)


def shortfall(need: int, income: int) -> int:
    """第8条第1項: 保護 makes up the part of the need (measured by the 基準) the 要保護者's money and goods
    cannot meet: the need less the income, never below zero (yen per month)."""
    return max(0, need - income)
