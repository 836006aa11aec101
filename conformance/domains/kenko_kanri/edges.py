"""健康管理's generated persons and the worked examples at the edges of its rows (issue 66: the statute mutation run
of the domain found each edge below unasked: no draw fell on it).

The persons (:func:`person`, :func:`as_boy`) and the ``健康管理`` record's facts (:func:`with_special`,
:func:`with_health_facts`) are built here for :mod:`conformance.domains.kenko_kanri.checks`, which binds the
examples to its rules. Each example is asked on a day no reading leaves open (the day an age is reached, the
省令's ends: :mod:`conformance.domains.kenko_kanri.oracle`); the provision is named beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from conformance.checks.scenarios import Scenario
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.oracles.dates import fiscal_year_of

#: The person's ``健康管理`` record (``targets.load.records_path``) and the fields of 施行令 第3条第2項's 特別の事情.
SPECIAL = "健康管理"
SPECIAL_DISEASE, SPECIAL_FROM, SPECIAL_ENDED = "特別の事情_疾病", "特別の事情_開始年月日", "特別の事情_終了年月日"
#: 施行規則 第4条の2 第4号・第5号's facts in the ``健康管理`` record (oracle.INSURED etc. are their values).
INSURANCE, WELFARE = "医療保険", "生活保護"
_SEX = "性別"


def person(birth: date, as_of: date, moved_in: date | None = None) -> Scenario:
    """A resident since ``moved_in`` (the birth: born here) asked about on ``as_of``."""
    return Scenario(fiscal_year_of(as_of), birth, moved_in or birth, as_of=as_of)


def as_boy(s: Scenario) -> Scenario:
    """The person as a boy (the generated row's 性別 1, over the 世帯主's 2)."""
    return replace(s, columns=(*s.columns, (_SEX, "1")))


def with_special(s: Scenario, disease: str, began: date, ended: date) -> Scenario:
    return replace(s, records=((SPECIAL, SPECIAL_DISEASE, disease), (SPECIAL, SPECIAL_FROM, began.isoformat()),
                               (SPECIAL, SPECIAL_ENDED, ended.isoformat())))


def with_health_facts(s: Scenario, insurance: str, welfare: str) -> Scenario:
    return replace(s, records=((SPECIAL, INSURANCE, insurance), (SPECIAL, WELFARE, welfare)))


def _asked(s: Scenario, day: date) -> Scenario:
    return replace(s, as_of=day, fiscal_year=fiscal_year_of(day))


# -- 施行令 第3条第1項の表: ヒトパピローマウイルス感染症 (十二歳となる日の属する年度の初日から十六歳となる日の
# 属する年度の末日まで; 年度: 4月1日 to 3月31日). Girls (the rows' 性別 2).

#: Born 2013-04-10: twelve on 2025-04-09, in 年度 2025: not yet on 2025-03-31 (a 年度 counting April in the one
#: before starts on 2024-04-01), from 2025-04-01 (its first day itself). ジフテリア・破傷風 第2期 and 日本脳炎 第2期
#: both days.
HPV_APRIL_TWELVE = person(date(2013, 4, 10), date(2025, 3, 31))
HPV_FIRST_DAY = _asked(HPV_APRIL_TWELVE, date(2025, 4, 1))
#: Born 2013-03-31: twelve on 2025-03-30 (on 2025-03-31 counting from the birthday: 年度 2024 either way), so from
#: 2024-04-01: a target on 2024-06-01 (a calendar year read as the 年度, or twelve reached two days late on
#: 2025-04-01, starts a year later). ジフテリア・破傷風 第2期 and 日本脳炎 第2期 too.
HPV_BORN_MARCH_END = person(date(2013, 3, 31), date(2024, 6, 1))
#: Born 2009-05-10: sixteen on 2025-05-09, in 年度 2025: a target on its last day 2026-03-31, not on 2026-04-01.
HPV_LAST_DAY = person(date(2009, 5, 10), date(2026, 3, 31))
HPV_AFTER = _asked(HPV_LAST_DAY, date(2026, 4, 1))

# -- the table's childhood rows, each bound a fortnight or so past it.

#: Born 2014-06-06, on 2025-09-01 (11歳2か月): ジフテリア・破傷風 第2期 (十一歳以上十三歳未満), 日本脳炎 第2期.
ELEVEN = person(date(2014, 6, 6), date(2025, 9, 1))
#: Born 2025-01-10, on 2025-07-20 (生後六月 reached 2025-07-09): 日本脳炎 第1期 (生後六月から九十月) begun.
SIX_MONTHS = person(date(2025, 1, 10), date(2025, 7, 20))
#: Born 2024-05-10, on 2025-05-20 (生後十二月 reached 2025-05-09): 麻しん・風しん 第1期 begun, 結核 (一歳に至るまで)
#: over.
TWELVE_MONTHS = person(date(2024, 5, 10), date(2025, 5, 20))
#: Born 2023-05-10, on 2025-05-25 (生後二十四月 reached 2025-05-09): 麻しん・風しん 第1期 over.
TWENTY_FOUR_MONTHS = person(date(2023, 5, 10), date(2025, 5, 25))
#: Born 2020-05-10, on 2025-05-25 (生後六十月 reached 2025-05-09): 小児の肺炎球菌感染症 over (Ｈｉｂ open: its
#: 省令).
SIXTY_MONTHS = person(date(2020, 5, 10), date(2025, 5, 25))
#: Born 2018-01-10, on 2025-07-25 (生後九十月 reached 2025-07-09): ジフテリア, 百日せき, 急性灰白髄炎, 破傷風 and
#: 日本脳炎 第1期 over, none of the 第2期 begun.
NINETY_MONTHS = person(date(2018, 1, 10), date(2025, 7, 25))
#: Born 2019-05-10 (the 小学校就学の始期 2026-04-01), on 2025-04-15: 麻しん・風しん 第2期 (from 2025-04-01, the 年度's
#: first day).
SCHOOL_YEAR_APRIL = person(date(2019, 5, 10), date(2025, 4, 15))
#: The same child on the 年度's first day (2025-04-01) and last (2026-03-31): 第2期 both days; not on 2025-03-31.
SCHOOL_YEAR_FIRST_DAY = _asked(SCHOOL_YEAR_APRIL, date(2025, 4, 1))
SCHOOL_YEAR_LAST_DAY = _asked(SCHOOL_YEAR_APRIL, date(2026, 3, 31))
SCHOOL_YEAR_BEFORE = _asked(SCHOOL_YEAR_APRIL, date(2025, 3, 31))

# -- 施行令 第1条第4号's row: ロタウイルス感染症 (生後六週に至った日の翌日から、生後三十二週に至る日の翌日まで).

#: Born 2025-05-10: 生後六週 reached 2025-06-20, so a target from 2025-06-21; on 2025-06-24 whatever the reading.
ROTA_SIX_WEEKS = person(date(2025, 5, 10), date(2025, 6, 24))
#: Born 2025-01-10: 生後三十二週 reached 2025-08-21, its 翌日 2025-08-22 the latest end a 省令 may set: not on
#: 2025-08-26.
ROTA_OVER = person(date(2025, 1, 10), date(2025, 8, 26))

# -- 健康増進法施行規則 第4条の2 第4号・第5号: 四十歳以上七十四歳以下 of no 医療保険, no 保護.

#: Born 1985-06-06, on 2025-09-01 (40歳), of no 医療保険: 健康診査 and 保健指導.
FORTY_UNINSURED = with_health_facts(person(date(1985, 6, 6), date(2025, 9, 1)), kenko.UNINSURED, kenko.NO_WELFARE)
#: Born 1950-06-06, on 2025-09-01 (75歳), of no 医療保険 and no 保護: neither (七十四歳以下 no longer, no 第51条第1号).
SEVENTY_FIVE_UNINSURED = with_health_facts(person(date(1950, 6, 6), date(2025, 9, 1), date(1980, 4, 1)),
                                           kenko.UNINSURED, kenko.NO_WELFARE)

# -- 施行令 第3条第2項: the period's last day (起算して一年を経過する日: the day before the same date a year on).

#: Born 1958-06-10, kept from 帯状疱疹 until 2024-08-31: still listed on 2025-08-30, the one year's last day.
ZOSTER_LAST_DAY = with_special(person(date(1958, 6, 10), date(2025, 8, 30), date(1988, 4, 1)), kenko.HERPES_ZOSTER,
                               date(2023, 7, 1), date(2024, 8, 31))
#: Born 1957-06-10 (66 reached 2023-06-09), kept from 帯状疱疹 until 2024-02-29: a year on has no 2月29日, so the
#: period ends on 2025-02-28 (民法 第143条第2項 ただし書: the month's last day); listed that day, not on 2025-03-02
#: (2025-03-01 is the last day of the reading counting from the day after the 終了年月日: open).
ZOSTER_LEAP_DAY = with_special(person(date(1957, 6, 10), date(2025, 2, 28), date(1987, 4, 1)), kenko.HERPES_ZOSTER,
                               date(2022, 9, 1), date(2024, 2, 29))
ZOSTER_AFTER_LEAP_DAY = _asked(ZOSTER_LEAP_DAY, date(2025, 3, 2))
#: Born 1962-06-10 (63 on 2025-09-01: no インフルエンザ nor 新型コロナ by age, no 障害 recorded), kept from each by a
#: 特別の事情 from 2024-10-01 to 2025-03-31: neither is a 特定疾病 (施行令 第3条第2項), so neither listed on 2025-09-01.
INFLUENZA_KEPT = with_special(person(date(1962, 6, 10), date(2025, 9, 1), date(1992, 4, 1)), kenko.INFLUENZA,
                              date(2024, 10, 1), date(2025, 3, 31))
COVID_KEPT = with_special(person(date(1962, 6, 10), date(2025, 9, 1), date(1992, 4, 1)), kenko.COVID_19,
                          date(2024, 10, 1), date(2025, 3, 31))

#: The examples of :func:`checks.children`'s rule (kenko.child_ages), in the order above.
CHILD_EDGES = (HPV_APRIL_TWELVE, HPV_FIRST_DAY, HPV_BORN_MARCH_END, HPV_LAST_DAY, HPV_AFTER, ELEVEN, SIX_MONTHS,
               TWELVE_MONTHS, TWENTY_FOUR_MONTHS, SIXTY_MONTHS, NINETY_MONTHS, SCHOOL_YEAR_APRIL, SCHOOL_YEAR_FIRST_DAY,
               SCHOOL_YEAR_LAST_DAY, SCHOOL_YEAR_BEFORE)
