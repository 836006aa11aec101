"""後期高齢者医療: the start of 資格 by age.

Rule (DOMAIN.md, "Moves and dates that cross a year"; 高齢者の医療の確保に関する法律 50条, 52条):
"後期高齢者医療: from the 75th birthday itself (contrast with 介護's day-before rule)."
"""

from __future__ import annotations

from datetime import date

from conformance.oracles.dates import anniversary

#: The age from which residents are insured by the 後期高齢者医療広域連合.
KOKI_KOREI_AGE = 75


def koki_korei_start(birth: date) -> date:
    """The day 後期高齢者医療 starts by age: the 75th birthday itself (DOMAIN.md).

    Born 1945-04-01 -> 2020-04-01 (not 2020-03-31 as 介護's rule would give). A 2月29日 birthday
    starts on 3月1日 of a common year (the day after the age is reached on 2月28日, 民法 143条).
    """
    return anniversary(birth, KOKI_KOREI_AGE)
