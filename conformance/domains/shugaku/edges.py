"""就学's worked examples at the edges the statute mutation run found unasked (issue 66): the last and first day of a
就学義務 (法第17条, 第18条: 学齢児童 and 学齢生徒 「学年の終わりまで」, 中学校 from the 学年の初め), the 転入 of a
就学予定者 from January to March and at the 4月1日/4月2日 boundary of 施行令 第2条 (令第4条), and a daughter whose
保護者 is her father (規則第30条第1項第1号, 第2号, 第2項: the generated 子 are sons and the 世帯主 mothers). The
rules of :mod:`conformance.domains.shugaku.checks` judge them beside their own examples, whatever the seed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from conformance.checks.scenarios import Scenario
from conformance.domains.shugaku.people import _GUARDIAN_BIRTH, _LONG_AGO, ELSEWHERE, PUPIL

#: Asked on 2026-03-31, the last day of 学年 2025: born 2013-04-02 reaches twelve on 2025-04-01, so a 学齢児童 to the
#: end of that 学年 (法第17条第1項: 「満十二歳に達した日の属する学年の終わりまで」), this day included; born 2010-04-02
#: reaches fifteen on 2025-04-01, a 学齢生徒 to the same day (第2項). Both are on the 学齢簿 that day (令第1条第1項).
SCHOOL_YEAR_LAST_DAY = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2026, 3, 31),
                                children=(date(2010, 4, 2), date(2013, 4, 2)))
#: The next day, 2026-04-01: born 2013-04-02 is a 学齢生徒 from its first day (第2項: 「翌学年の初めから」), born
#: 2010-04-02 no longer 学齢 (off the 学齢簿).
SECONDARY_FIRST_DAY = replace(SCHOOL_YEAR_LAST_DAY, fiscal_year=2026, as_of=date(2026, 4, 1))

#: Moved in on 2026-01-10 (学年 2025, from 千代田区), asked on 2026-01-20: born 2019-04-02 (six on 2025-04-01, the
#: 学年's first day) and 2020-04-01 (six on 2026-03-31, its last) are 第2条に規定する者 of 学年 2025 who moved in
#: after 10月1日, so notified to the 教育委員会 (令第4条, 規則第31条: 「翌日以後」); born 2020-04-02 reaches six in
#: 学年 2026 and is neither 学齢 nor of 第2条 this 学年: no notice. A move in January is of the 学年 begun the April
#: before.
MOVED_IN_JANUARY = Scenario(2025, _GUARDIAN_BIRTH, date(2026, 1, 10), previous=ELSEWHERE, as_of=date(2026, 1, 20),
                            children=(date(2019, 4, 2), date(2020, 4, 1), date(2020, 4, 2)))

#: The 性別 of a father (the 世帯主's row) and of a daughter (the child's): the generated 世帯主 is a mother and the
#: generated 子 a son (scenario_rows._base_row), so these are the rows' own columns.
FATHER, DAUGHTER = (("性別", "1"),), (("性別", "2"),)
#: A 学齢児童 (9) on 2025-06-01 who is a daughter, her 保護者 her father: the 学齢簿 records 性別 女
#: (規則第30条第1項第1号) and the relation 父 (or 親; 第2号).
DAUGHTER_OF_FATHER = replace(PUPIL, columns=FATHER, child_columns=DAUGHTER)
#: 学年 2025, born 2019-09-09: a 就学予定者 on 2025-11-15 who is a daughter, her 保護者 her father (規則第30条第2項).
ENTRANT_DAUGHTER = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2025, 11, 15), children=(date(2019, 9, 9),),
                            columns=FATHER, child_columns=DAUGHTER)
