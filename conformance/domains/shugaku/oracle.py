"""就学 (学齢簿): who is a 学齢児童 or 学齢生徒, the years of the 就学義務, and the dates of the 学齢簿
of the 就学予定者 and of the 入学期日 notice.

Rules (学校教育法 第17条; 学校教育法施行令 第1条, 第2条, 第5条, 第6条; 学校教育法施行規則 第31条; the
statute edition ``shugaku 2025.12``). Ages are reached on the day before the birthday (年齢計算ニ関スル
法律, :func:`conformance.oracles.dates.age_reached_on`). The 学年 runs from 4月1日 to 3月31日: the
harness's reading of 学年 (学校教育法施行規則 第59条, an article the edition does not quote).
"""

from __future__ import annotations

from datetime import date, timedelta

from conformance.oracles.dates import age_reached_on

#: The two 区分 of a child on the 学齢簿 (学校教育法 第18条: 学齢児童, 学齢生徒).
GAKUREI_JIDO = "学齢児童"
GAKUREI_SEITO = "学齢生徒"
#: The notice of 施行令 第6条 (第5条第1項 read with 「速やかに」 for the 期限).
PROMPTLY = "速やかに"


def school_year_start_on_or_after(day: date) -> date:
    """The first 学年の初め (4月1日) on or after ``day``."""
    april = date(day.year, 4, 1)
    return april if day <= april else date(day.year + 1, 4, 1)


def school_year_end_of(day: date) -> date:
    """The 学年の終わり (3月31日) of the 学年 ``day`` is in."""
    return date(day.year, 3, 31) if day.month < 4 else date(day.year + 1, 3, 31)


def elementary_period(birth: date) -> tuple[date, date]:
    """The 小学校 就学義務 (学校教育法 第17条第1項): from the first 学年の初め after the day after six is
    reached, to the end of the 学年 in which twelve is reached.

    Born 2018-04-01: six is reached on 2024-03-31, so from 2024-04-01; born 2018-04-02: from 2025-04-01.
    """
    start = school_year_start_on_or_after(age_reached_on(birth, 6) + timedelta(days=1))
    return start, school_year_end_of(age_reached_on(birth, 12))


def elementary_end(birth: date, completed: date | None) -> date:
    """The end of the 小学校 就学義務 (法第17条第1項) given the day the 小学校の課程 was completed (None: not yet).

    本文: the end of the 学年 twelve is reached in. ただし書: a child who has not completed the 課程 by then is held
    to the end of the 学年 fifteen is reached in, or, 「それまでの間においてこれらの課程を修了したときは、その修了した
    日の属する学年の終わり」. Born 2013-06-01: 2026-03-31; not completed: 2029-03-31; completed 2027-03-20: 2027-03-31.
    """
    regular = school_year_end_of(age_reached_on(birth, 12))
    if completed is not None and completed <= regular:
        return regular
    latest = school_year_end_of(age_reached_on(birth, 15))
    return latest if completed is None else min(latest, school_year_end_of(completed))


def lower_secondary_period(birth: date) -> tuple[date, date]:
    """The 中学校 就学義務 (第17条第2項): from the first 学年の初め after the day after the 小学校 課程 is
    completed, to the end of the 学年 in which fifteen is reached.

    Reading: the 課程 is completed at the end of the 小学校 就学義務 (第17条第1項本文); the ただし書 (not
    completed by twelve) is not in the 住民記録 and is not judged.
    """
    completed = elementary_period(birth)[1]
    start = school_year_start_on_or_after(completed + timedelta(days=1))
    return start, school_year_end_of(age_reached_on(birth, 15))


def category_on(birth: date, day: date) -> str | None:
    """学齢児童 or 学齢生徒 on ``day`` (第17条第1項, 第2項 and 第18条), None outside both periods."""
    first, last = elementary_period(birth)
    if first <= day <= last:
        return GAKUREI_JIDO
    first, last = lower_secondary_period(birth)
    return GAKUREI_SEITO if first <= day <= last else None


def is_entrant(birth: date, fiscal_year: int) -> bool:
    """施行令 第2条: six is reached in the 学年 ``fiscal_year`` (from its 4月1日 to the next 3月31日); the
    child enters school on the next 4月1日 (a 就学予定者 of the 学齢簿 made in that 学年)."""
    return date(fiscal_year, 4, 1) <= age_reached_on(birth, 6) <= date(fiscal_year + 1, 3, 31)


def register_base_day(fiscal_year: int) -> date:
    """施行規則 第31条: the 学齢簿 of 施行令 第2条 is made as of 十月一日 (of the 学年 before entry)."""
    return date(fiscal_year, 10, 1)


def register_deadlines(fiscal_year: int) -> frozenset[date]:
    """施行令 第2条: the 学齢簿 of the 就学予定者 is made 「毎学年の初めから五月前までに」 (the 学年 they enter
    begins on 4月1日 of ``fiscal_year`` + 1). Both readings are allowed: the day five months before
    (11月1日) or the last day before it (10月31日, the 文部科学省's usual wording)."""
    return frozenset({date(fiscal_year, 10, 31), date(fiscal_year, 11, 1)})


def entry_day(fiscal_year: int) -> date:
    """The 入学期日 of the 就学予定者 of the 学齢簿 made in 学年 ``fiscal_year``: the next 学年の初め."""
    return date(fiscal_year + 1, 4, 1)


def notice_deadlines(fiscal_year: int) -> frozenset[date]:
    """施行令 第5条第1項: the 入学期日 is notified 「翌学年の初めから二月前までに」: 2月1日 or, the usual
    wording, 1月31日 (both allowed, as :func:`register_deadlines`)."""
    return frozenset({date(fiscal_year + 1, 1, 31), date(fiscal_year + 1, 2, 1)})


def is_late_entrant(fiscal_year: int, recorded_on: date) -> bool:
    """施行令 第6条第1号: a 就学予定者 newly recorded on the 学齢簿 after the notice's 期限 is notified
    「速やかに」 instead (第6条 読替え). Recorded on ``recorded_on`` (the move-in); a move-in on 2月1日 is
    on the 期限 in one reading and after it in the other: the harness never asks about it."""
    return recorded_on > date(fiscal_year + 1, 1, 31)
