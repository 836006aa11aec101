"""就学 (学齢簿): who is a 学齢児童 or 学齢生徒, the years of the 就学義務, and the dates of the 学齢簿
of the 就学予定者 and of the 入学期日 notice.

Rules (学校教育法 第17条; 学校教育法施行令 第1条, 第2条, 第5条, 第6条; 学校教育法施行規則 第31条; the
statute edition ``shugaku 2025.12``). Ages are reached on the day before the birthday (年齢計算ニ関スル
法律, :func:`conformance.oracles.dates.age_reached_on`). The 学年 runs from 4月1日 to 3月31日: the
harness's reading of 学年 (学校教育法施行規則 第59条, an article the edition does not quote).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conformance.oracles.dates import age_reached_on
from conformance.oracles.readings import Either

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


#: 施行令 第6条第2号〜第7号: the event that makes the 教育委員会 give a 学齢児童 or 学齢生徒 the notice of 第5条
#: (「速やかに」, 第6条 読替え), by the 号 that names it. 第2号's 「次条第二項」 is 第6条の2第2項 (the article after
#: 第6条); 第7号 names no notice but 「新設、廃止等によりその就学させるべき…学校を変更する必要を生じた」.
ARTICLE_6_EVENTS: dict[str, int] = {"第6条の2第2項": 2, "第6条の3第2項": 3, "第10条": 4, "第18条": 4,
                                    "第12条第1項": 5, "第12条の2第1項": 6, "学校の新設廃止等": 7}


def notified_under_article_6(event: str | None, *, certified: bool, third_paragraph: bool) -> bool:
    """施行令 第6条第2号〜第7号: whether a 学齢児童 or 学齢生徒 to whom ``event`` happened is given the notice of
    第5条 (準用, 「速やかに」).

    Each 号 names its own exclusions, and only those: 第3号 「同条第三項の通知に係る学齢児童及び学齢生徒を
    除く」 (``third_paragraph``: the 第3項 of the article of the notice), 第4号 「認定特別支援学校就学者を除く」
    (``certified``), 第5号 and 第6号 both (「認定特別支援学校就学者の認定をした者以外の者（同条第三項の通知に係る…
    を除く。）」); 第2号 and 第7号 none. No event of the list: no notice of 第6条.
    """
    item = ARTICLE_6_EVENTS.get(event or "")
    if item is None:
        return False
    excluded = {3: third_paragraph, 4: certified, 5: certified or third_paragraph, 6: certified or third_paragraph}
    return not excluded.get(item, False)


def enters_lower_secondary_next(birth: date, day: date) -> bool:
    """Whether the child is, on ``day``, a 就学予定者 of 施行令 第5条第1項 for the 中学校: its 小学校 就学義務 ends
    at the end of the 学年 ``day`` is in and its 中学校 就学義務 begins at the next 学年の初め (法第17条第2項:
    「翌学年の初めから…中学校…に就学させるべき者」). Born 2014-04-01 (twelve on 2026-03-31): True on 2025-06-01;
    born 2014-04-02: False."""
    return lower_secondary_period(birth)[0] == school_year_end_of(day) + timedelta(days=1)


def article_6_answer(event: str | None, birth: date, day: date, *, certified: bool,
                     third_paragraph: bool) -> Any:
    """The 学齢簿's 入学期日通知期限 of a 学齢児童 to whom ``event`` of 施行令 第6条 happened, asked on ``day``.

    - 「速やかに」 where the 号 calls for 第6条's notice (:func:`notified_under_article_6`);
    - where the 号 leaves the child out (第3号・第5号・第6号's 第3項の通知, 第4号〜第6号's 認定) and the child is a
      就学予定者 of 第5条第1項 for the 中学校 next 学年 (:func:`enters_lower_secondary_next`) who is no
      認定特別支援学校就学者: the exclusions take it out of 第6条's 準用 only, so 第5条第1項's own notice is still owed
      「翌学年の初めから二月前までに」 (the text); the field may report that 期限 (1月31日 or 2月1日,
      :func:`notice_deadlines`) or, read as 第6条's notice only, none (our reading of the field: :class:`Either`);
    - otherwise none.
    """
    if notified_under_article_6(event, certified=certified, third_paragraph=third_paragraph):
        return PROMPTLY
    if event in ARTICLE_6_EVENTS and not certified and enters_lower_secondary_next(birth, day):
        fiscal_year = school_year_end_of(day).year - 1
        return Either(None, *(deadline.isoformat() for deadline in sorted(notice_deadlines(fiscal_year))))
    return None


#: 施行令 第5条第3項: the 届出 of 第9条第1項 (区域外就学) or 第17条 after which 第5条第1項 and 第2項 do not apply.
EXEMPTING_NOTIFICATIONS = frozenset({"第9条第1項", "第17条"})


def entry_notice_applies(notification: str | None) -> bool:
    """施行令 第5条第3項: 「前二項の規定は、第九条第一項又は第十七条の届出のあつた就学予定者については、適用しない」: a
    就学予定者 with such a 届出 is given no notice of the 入学期日 by this 教育委員会."""
    return notification not in EXEMPTING_NOTIFICATIONS


DEFERRED, EXEMPTED = "猶予", "免除"


def deferment_items(kind: str, day: date, reason: str, until: date | None,
                    returned: date | None) -> dict[str, object]:
    """施行規則 第30条第1項第5号: what the 学齢簿 records of a child whose 就学義務 was deferred or exempted (法第18条):
    「猶予の年月日、事由及び期間又は免除の年月日及び事由並びに猶予又は免除された者のうち復学した者については、その年月日」.

    The 期間 is a 猶予's only (from its 年月日 to ``until``); a 免除 has none. The 復学 day is recorded for either
    when there is one. Reading (ours): the 期間 as its first and last day.
    """
    period = [day.isoformat(), until.isoformat()] if kind == DEFERRED and until is not None else None
    return {"区分": kind, "年月日": day.isoformat(), "事由": reason, "期間": period,
            "復学年月日": returned.isoformat() if returned is not None else None}


def reminder_items(principal_notice: date | None, reminded: date | None) -> dict[str, object] | None:
    """施行規則 第30条第1項第4号: 「校長から通知を受けたとき、又は就学義務の履行を督促したときは、その旨及び通知を受け、
    又は督促した年月日」 (施行令 第20条, 第21条): each that happened, with its day; neither: nothing to record."""
    if principal_notice is None and reminded is None:
        return None
    return {"校長通知年月日": principal_notice.isoformat() if principal_notice else None,
            "督促年月日": reminded.isoformat() if reminded else None}


def move_notified(birth: date, moved_in: date, day: date) -> bool:
    """施行令 第4条: whether, by ``day``, the 市町村長 has a 届出 of 住民基本台帳法 第22条 (a 転入 on ``moved_in``) to
    notify the 教育委員会 of: the child a 学齢児童 or 学齢生徒 on the day of the move, or a 第2条に規定する者 (reaching
    six in the 学年 of the move) whose move is on or after 「文部科学省令で定める日の翌日」 (規則第31条's 十月一日:
    10月2日 on). A child born here made no 届出 of its own (``moved_in`` its birth: False).

    Readings (ours): the 届出 is the move's (住民となった年月日); 第23条 (転居) is not generated. A move on 10月1日 is
    on the 学齢簿 made that day and needs no notice (「翌日以後」).
    """
    if moved_in <= birth or day < moved_in:
        return False
    if category_on(birth, moved_in) is not None:
        return True
    fiscal_year = moved_in.year if moved_in.month >= 4 else moved_in.year - 1
    return is_entrant(birth, fiscal_year) and moved_in > register_base_day(fiscal_year)


def must_designate(elementary_schools: int, lower_secondary_schools: int) -> bool | None:
    """施行令 第5条第2項: the notice names the school 「当該市町村の設置する小学校及び義務教育学校の数の合計数が
    二以上である場合又は…中学校…及び義務教育学校の数の合計数が二以上である場合」. For a 就学予定者 entering a
    小学校: True (must name one) when its 小学校 and 義務教育学校 are two or more (「二以上」: two included); otherwise
    None, the text leaving the vendor free (naming the one school is no breach, and whether two 中学校 alone oblige
    a 小学校 entrant's notice is a reading the harness does not settle)."""
    return True if elementary_schools >= 2 else None
