"""資格確認書 of 国民健康保険 and 後期高齢者医療: the days a card must respect.

国民健康保険法施行規則 第6条 and 高齢者の医療の確保に関する法律施行規則 第16条 say what the 資格確認書 carries
(第4項) and how long it may be valid (第3項); the checks of conformance/domains/kokuho/forms.py and
conformance/domains/koki_korei/forms.py read the printed card against these:

- :func:`latest_expiry`: 第3項, 「交付の日から起算して五年を超えない範囲内」;
- :func:`seventy_ratio_effective`: 第6条第4項第5号, the 発効期日 of the 一部負担金 of 国民健康保険法 第42条第1項第3号.
"""

from __future__ import annotations

from datetime import date, timedelta

from conformance.oracles.dates import age_reached_on, anniversary, month_of, next_month

#: 国民健康保険法 第42条第1項第1号・第3号: 七十歳に達する日.
SEVENTY = 70
#: 第3項: the most years an 有効期限 may run from the day of issue.
MAX_YEARS = 5


def latest_expiry(issued: date) -> date:
    """The latest 有効期限 a card issued on ``issued`` may have (第6条第3項, 第16条第3項).

    Reading (ours, 民法 第143条): five years counted from the day of issue, that day the first, end on the day
    before its fifth anniversary. Issued 2025-04-01: at most 2030-03-31; issued 2024-02-29: at most 2029-02-28
    (the anniversary of a 2月29日 in a common year is 3月1日).
    """
    return anniversary(issued, MAX_YEARS) - timedelta(days=1)


def seventy_ratio_effective(birth: date, moved_in: date) -> date:
    """The 発効期日 of the ratio of 第42条第1項第3号 (十分の二) on the 国民健康保険 資格確認書 (第6条第4項第5号).

    Rule: 第3号 applies from the month after the month in which seventy is reached (七十歳に達する日, the day before
    the 70th birthday): from the first day of that month; a person who came to live here later, from the day he
    did (the 適用開始). Born 1955-07-10 reaches seventy on 2025-07-09: 2025-08-01; born 1955-08-01 reaches it on
    2025-07-31: 2025-08-01 too; born 1955-07-01 reaches it on 2025-06-30: 2025-07-01. Reading (ours): the yearly
    判定 of the ratio (8月1日, 施行令, not quoted) may move the 発効期日; the checks ask before it can.
    """
    year, month = next_month(month_of(age_reached_on(birth, SEVENTY)))
    return max(date(year, month, 1), moved_in)
