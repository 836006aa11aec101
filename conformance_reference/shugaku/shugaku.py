"""The reference vendor's 就学 (学齢簿; 学校教育法 第17条, 同施行令 第1条〜第7条, 同施行規則 第30条, 第31条),
read from its 住民記録 rows: a 世帯主 is the 保護者 of the household's 子.

Written apart from :mod:`conformance.domains.shugaku.oracle` on purpose (the scenario checks compare the two).
The 学年 runs from 4月1日 to 3月31日; an age is reached the day before the birthday. Named defects
(``defects``) change one answer each, the rest computed correctly.

``POST /api/v1/forms/gakureibo`` with ``{"宛名番号", "基準日"}`` prints the 学齢簿 of a child on that day
(:func:`register_lines`, laid out by :mod:`conformance_reference.statute_forms`): 施行規則 第30条第1項第1号's
氏名, 現住所, 生年月日, 性別 and 第2号's 保護者 氏名, 現住所, 関係.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from conformance_reference.paper import wareki
from conformance_reference.rules import Row, parse_day, stay_of

_ONE_DAY = timedelta(days=1)


def _birthday(birth: date, years: int) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日
        return date(birth.year + years, 3, 1)


def _reached(birth: date, years: int, defects: frozenset[str], on_birthday: str = "") -> date:
    """The day ``years`` is reached: the day before the birthday (or the birthday, with ``on_birthday``)."""
    day = _birthday(birth, years)
    return day if on_birthday and on_birthday in defects else day - _ONE_DAY


def _next_april(day: date) -> date:
    return date(day.year, 4, 1) if day <= date(day.year, 4, 1) else date(day.year + 1, 4, 1)


def _year_end(day: date) -> date:
    return date(day.year + (day.month >= 4), 3, 31)


def _periods(birth: date, defects: frozenset[str]) -> tuple[date, date, date, date]:
    """小学校 and 中学校 就学義務: start and end of each (法第17条第1項, 第2項)."""
    first = _next_april(_reached(birth, 6, defects, "shugaku_six_on_birthday") + _ONE_DAY)
    elementary_end = _year_end(_reached(birth, 12, defects))
    return (first, elementary_end, _next_april(elementary_end + _ONE_DAY),
            _year_end(_reached(birth, 15, defects, "shugaku_fifteen_on_birthday")))


def _category(birth: date, day: date) -> str | None:
    first, elementary_end, secondary, last = _periods(birth, frozenset())
    if first <= day <= elementary_end:
        return "学齢児童"
    return "学齢生徒" if secondary <= day <= last else None


def _resident_on(row: Row, day: date) -> bool:
    stay = stay_of(row)
    return stay is not None and stay.moved_in <= day and (stay.moved_out is None or day <= stay.moved_out)


def _address(row: Row) -> str:
    return "".join(row.get(name, "") for name in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記",
                                                  "住所_方書"))


def _guardian(guardian: Row, defects: frozenset[str], *, entrant: bool) -> dict[str, Any] | None:
    """施行規則 第30条第1項第2号: 氏名, 現住所, 関係 (the 世帯主 of a 子: 父 or 母 by 性別)."""
    if entrant and "shugaku_entrant_without_guardian" in defects:
        return None
    relation = {"1": "父", "2": "母"}.get(guardian.get("性別", ""), "親")
    if not entrant and "shugaku_guardian_relation_as_zokugara" in defects:
        relation = "子"
    if not entrant and "shugaku_guardian_always_mother" in defects:  # the 世帯主's 性別 not read
        relation = "母"
    return {"氏名": guardian.get("氏名", ""), "現住所": _address(guardian), "関係": relation}


def _items(child: Row, guardian: Row, defects: frozenset[str], *, entrant: bool) -> dict[str, Any]:
    """施行規則 第30条第1項第1号 (and 第2項 for the 就学予定者): the child's 氏名, 現住所, 生年月日, 性別."""
    sex = {"1": "男", "2": "女"}.get(child.get("性別", ""))
    if not entrant and sex == "女" and "shugaku_register_girl_without_sex" in defects:  # only the code 1 read
        sex = None
    return {"宛名番号": child.get("宛名番号", ""), "氏名": child.get("氏名", ""), "現住所": _address(child),
            "生年月日": child.get("生年月日", ""),
            "性別": None if not entrant and "shugaku_register_without_sex" in defects else sex,
            "保護者": _guardian(guardian, defects, entrant=entrant)}


def _school(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """施行令 第5条第2項: the school named in the notice where the municipality has two or more 小学校 and
    義務教育学校, or two or more 中学校 and 義務教育学校 (the reference reads 「又は」 as either count); it has no
    通学区域, so it names its first 小学校."""
    def count(item: str) -> int:
        value = record.get(item, "")
        return int(value) if value.isdigit() else 0

    least = 3 if "shugaku_designation_more_than_two" in defects else 2
    if max(count("設置小学校等の数"), count("設置中学校等の数")) < least:
        return None
    return "第一小学校"


def _move_notice(child: Row, birth: date, as_of: date, defects: frozenset[str]) -> str | None:
    """施行令 第4条: the day of a 転入 (住民基本台帳法 第22条) the 市町村長 notifies the 教育委員会 of: a child who was
    a 学齢児童 or 学齢生徒 when it moved, or one of 第2条 (six in the 学年 of the move) who moved after 10月1日 (the
    省令's day, 規則第31条: 「翌日以後」). A child born here moved in with no 届出 of its own."""
    stay = stay_of(child)
    if stay is None or stay.moved_in <= birth or as_of < stay.moved_in:
        return None
    moved = stay.moved_in
    if _category(birth, moved) is None:
        school_year = moved.year - (moved.month < 4)
        if "shugaku_move_notice_calendar_year" in defects:  # 学年 read as the calendar year
            school_year = moved.year
        six = _reached(birth, 6, frozenset())
        first_day = date(school_year, 10, 1 if "shugaku_move_notice_from_base_day" in defects else 2)
        if not (date(school_year, 4, 1) <= six <= date(school_year + 1, 3, 31) and moved >= first_day):
            return None
    return moved.isoformat()


def _last_april(day: date) -> date:
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def _on_register(child: Row, birth: date, as_of: date, defects: frozenset[str]) -> bool:
    """施行令 第1条, 第3条: a 学齢児童 or 学齢生徒 with an address here on ``as_of`` is on the 学齢簿."""
    category = _category(birth, as_of)
    if category is None or (category == "学齢生徒" and "shugaku_register_omits_seito" in defects):
        return False
    if "shugaku_register_seito_to_the_day_before" in defects and category == "学齢生徒" \
            and _category(birth, as_of + _ONE_DAY) is None:  # 「学年の終わりまで」 read as to the day before it
        return False
    if "shugaku_register_yearly" in defects:  # brought up to date on 4月1日 only
        return _resident_on(child, _last_april(as_of)) and _resident_on(child, as_of)
    return _resident_on(child, as_of)


def _entrants(guardian: Row, children: Sequence[tuple[Row, date]], fiscal_year: int, as_of: date,
              defects: frozenset[str], record: Mapping[str, str]) -> dict[str, Any]:
    """施行令 第2条, 第5条〜第7条, 施行規則 第31条: the 学齢簿 of those entering school on the next 4月1日; a child
    whose 保護者 made the 届出 of 第9条第1項 or 第17条 (``notification``) is given no notice (第5条第3項), and so
    the 校長 none either (第7条: 「第五条第一項…の通知と同時に」)."""
    notification = record.get("届出")
    exempt = notification == "第17条" or (notification == "第9条第1項"
                                          and "shugaku_outside_district_notified" not in defects)
    school = _school(record, defects)
    base = date(fiscal_year, 10, 31) if "shugaku_entrants_as_of_deadline" in defects else date(fiscal_year, 10, 1)
    deadline = date(fiscal_year + 1, 1, 31)
    if "shugaku_notice_one_month_before" in defects:
        deadline = date(fiscal_year + 1, 3, 1) - _ONE_DAY
    entry = date(fiscal_year + 1, 4, 1)
    listed = []
    for child, birth in children:
        six = _reached(birth, 6, frozenset())
        if not date(fiscal_year, 4, 1) <= six <= date(fiscal_year + 1, 3, 31):
            continue
        stay = stay_of(child)
        if stay is None or not _resident_on(child, max(as_of, base)):
            continue
        late = stay.moved_in > date(fiscal_year + 1, 1, 31) and "shugaku_late_entrant_regular_deadline" not in defects
        principal = {"氏名": child.get("氏名", ""),
                     "入学期日": None if "shugaku_principal_notice_without_date" in defects else entry.isoformat()}
        listed.append({**_items(child, guardian, defects, entrant=True),
                       "記載事由": "作成" if stay.moved_in <= base else "転入",
                       "入学期日通知期限": None if exempt else "速やかに" if late else deadline.isoformat(),
                       "校長通知": None if exempt else principal, "就学すべき学校": None if exempt else school})
    made_by = date(fiscal_year, 10, 31)
    if "shugaku_entrants_deadline_november" in defects:
        made_by = date(fiscal_year, 11, 30)
    return {"作成基準日": base.isoformat(), "作成期限": made_by.isoformat(), "入学期日": entry.isoformat(),
            "入学期日通知期限": deadline.isoformat(), "者": listed}


#: 施行令 第6条第2号〜第7号: the notices (and the 第7号's change of school) that call for the notice of 第5条, and
#: what each 号 leaves out: 認定特別支援学校就学者 (第4号〜第6号), those of the article's 第3項 notice (第3号, 第5号,
#: 第6号). 第2号's 「次条」 is 第6条の2.
_SIXTH_ITEMS: dict[str, tuple[bool, bool]] = {  # event -> (leaves out 認定, leaves out 第3項)
    "第6条の2第2項": (False, False), "第6条の3第2項": (False, True), "第10条": (True, False), "第18条": (True, False),
    "第12条第1項": (True, True), "第12条の2第1項": (True, True), "学校の新設廃止等": (False, False)}
#: The defects that each forget one 号's event or exclusion.
_SIXTH_DEFECTS: dict[str, tuple[str, str]] = {
    "第6条の2第2項": ("shugaku_article_6_2_notice_ignored", "ignored"),
    "第6条の3第2項": ("shugaku_article_6_3_third_paragraph_notified", "third"),
    "第18条": ("shugaku_article_18_certified_notified", "certified"),
    "第12条第1項": ("shugaku_article_12_certified_notified", "certified"),
    "第12条の2第1項": ("shugaku_article_12_2_third_paragraph_notified", "third"),
    "学校の新設廃止等": ("shugaku_school_change_ignored", "ignored")}


def _sixth_notice(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """施行令 第6条 (第5条 準用, 「速やかに」) for a 学齢児童 or 学齢生徒 of the 学齢簿, from the ``就学`` record."""
    event = record.get("第6条_事由", "")
    if event not in _SIXTH_ITEMS:
        return None
    leaves_certified, leaves_third = _SIXTH_ITEMS[event]
    defect, kind = _SIXTH_DEFECTS.get(event, ("", ""))
    if defect in defects:
        if kind == "ignored":
            return None
        leaves_certified = leaves_certified and kind != "certified"
        leaves_third = leaves_third and kind != "third"
    if (leaves_certified and record.get("認定特別支援学校就学者") == "1") or (
            leaves_third and record.get("第3項の通知") == "1"):
        return None
    return "速やかに"


def _deferment(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, Any] | None:
    """施行規則 第30条第1項第5号: 猶予 (年月日, 事由, 期間), 免除 (年月日, 事由), and the day of the 復学."""
    kind = record.get("猶予免除_区分")
    if kind not in ("猶予", "免除"):
        return None
    start = record.get("猶予免除_年月日")
    end = record.get("猶予_終了年月日")
    back = record.get("復学年月日") or None
    return {"区分": kind, "年月日": start, "事由": record.get("猶予免除_事由"),
            "期間": [start, end] if kind == "猶予" and end else None,
            "復学年月日": None if "shugaku_register_without_return_day" in defects else back}


def _reminder(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, Any] | None:
    """施行規則 第30条第1項第4号: the 校長's notice (施行令 第20条, 第21条) and the 督促, each with its day."""
    notice = record.get("校長通知_年月日") or None
    reminded = record.get("督促_年月日") or None
    if "shugaku_register_without_reminder" in defects:
        reminded = None
    if notice is None and reminded is None:
        return None
    return {"校長通知年月日": notice, "督促年月日": reminded}


def _recorded(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, Any]:
    """What the 学齢簿 holds of the ``就学`` record's events about the child."""
    return {"入学期日通知期限": _sixth_notice(record, defects), "猶予免除": _deferment(record, defects),
            "督促等": _reminder(record, defects)}


def _late_end(birth: date, end: date, record: Mapping[str, str] | None, defects: frozenset[str]) -> date:
    """法第17条第1項ただし書: a child who has not completed the 小学校の課程 by ``end`` (the 保護者's ``就学``
    record: its 小学校課程修了年月日, or 未修了) stays to the end of the 学年 fifteen is reached in, or of the 学年 it
    completes it in."""
    value = (record or {}).get("小学校課程修了年月日")
    if not value or "shugaku_proviso_ignored" in defects:
        return end
    completed = parse_day(value)
    if completed is not None and completed <= end:
        return end
    fifteen = _year_end(_reached(birth, 15, defects))
    return fifteen if completed is None else min(fifteen, _year_end(completed))


def shugaku(guardian: Row, children: Sequence[Row], fiscal_year: int, as_of: date,
            defects: frozenset[str], record: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The 学齢簿 of a 保護者's children on ``as_of``, each child's 就学義務, and the 就学予定者 of the 学齢簿
    made in 学年 ``fiscal_year`` (for the 学年 beginning on the next 4月1日); ``record``: the 保護者's ``就学`` record
    (法第17条第1項ただし書)."""
    born = [(child, birth) for child in children if (birth := parse_day(child.get("生年月日", ""))) is not None]
    duties = []
    register = []
    for child, birth in born:
        first, elementary_end, secondary, last = _periods(birth, defects)
        elementary_end = _late_end(birth, elementary_end, record, defects)
        duties.append({"宛名番号": child.get("宛名番号", ""), "小学校就学始期": first.isoformat(),
                       "小学校就学終期": elementary_end.isoformat(), "中学校就学始期": secondary.isoformat(),
                       "中学校就学終期": last.isoformat(), "住所変更通知": _move_notice(child, birth, as_of, defects)})
        if _on_register(child, birth, as_of, defects):
            register.append({**_items(child, guardian, defects, entrant=False), "区分": _category(birth, as_of),
                             **_recorded(record or {}, defects)})
    return {"児童": duties, "学齢簿": register,
            "就学予定者": _entrants(guardian, born, fiscal_year, as_of, defects, record or {})}


def register_lines(child: Row, guardian: Row | None, as_of: date,
                   defects: frozenset[str]) -> list[tuple[str, str]] | None:
    """The printed lines of the child's 学齢簿 on ``as_of`` (None: not on the 学齢簿 that day)."""
    birth = parse_day(child.get("生年月日", ""))
    if birth is None or guardian is None or not _on_register(child, birth, as_of, frozenset()):
        return None
    items = _items(child, guardian, frozenset(), entrant=False)
    lines = [("区分", _category(birth, as_of) or ""), ("氏名", items["氏名"]), ("現住所", items["現住所"]),
             ("生年月日", wareki(items["生年月日"]))]
    if "shugaku_gakureibo_form_without_sex" not in defects:
        lines.append(("性別", items["性別"] or ""))
    parent = items["保護者"]
    lines.append(("保護者氏名", parent["氏名"]))
    if "shugaku_gakureibo_form_without_guardian_address" not in defects:
        lines.append(("保護者現住所", parent["現住所"]))
    return [*lines, ("児童生徒との関係", parent["関係"])]
