"""The reference vendor's 健康管理 (予防接種法 第5条, 施行令 第1条〜第3条; 母子保健法 第12条), read from its
住民記録 rows: the 定期接種 a person is a target of on a day, with each disease's 類型, and the
乳幼児健康診査 (1歳6か月児, 3歳児) the person is due for; and, from its ``健康管理`` record (医療保険, 生活保護), the
健康増進事業 of 健康増進法施行規則 第4条の2第4号・第5号 (健康診査, 保健指導) the person is a target of.

Written apart from :mod:`conformance.domains.kenko_kanri.oracle` on purpose (the scenario checks compare the two).
The reference takes one reading wherever the text leaves room: an age (in years, months or weeks) is
reached on the day before the corresponding day; ロタウイルス感染症 runs to the day after 生後三十二週
and Ｈｉｂ感染症 to 生後六十月 (the vaccines' 省令 ends it chose). The record holds no 既往歴 and no
障害: nobody is excluded for a past illness, nobody aged 60 to 64 is a target. Named defects
(``defects``) change one answer each.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, parse_day

_DAY = timedelta(days=1)
#: The Ｂ類疾病 (予防接種法 第2条第3項, 施行令 第2条); every other disease of the table is Ａ類.
_B_CLASS = frozenset({"インフルエンザ", "肺炎球菌感染症（高齢者がかかるものに限る。）", "新型コロナウイルス感染症",
                      "帯状疱疹"})


def _add_months(birth: date, months: int) -> date:
    """The corresponding day ``months`` later (none: the first of the month after)."""
    year, month = divmod(birth.year * 12 + birth.month - 1 + months, 12)
    try:
        return date(year, month + 1, birth.day)
    except ValueError:
        return date(year + month // 11, (month + 1) % 12 + 1, 1)


class _Age:
    """A person's ages on one day, each reached on the day before the corresponding day."""

    def __init__(self, birth: date, day: date) -> None:
        self.birth, self.day = birth, day

    def months(self, count: int) -> bool:
        """生後 ``count`` 月 reached."""
        return self.day >= _add_months(self.birth, count) - _DAY

    def years(self, count: int) -> bool:
        """``count`` 歳 reached."""
        return self.months(12 * count)

    def weeks_and_a_day(self, count: int) -> bool:
        """The day after 生後 ``count`` 週 is reached, or later."""
        return self.day >= self.birth + timedelta(days=7 * count)

    def between_months(self, first: int, last: int) -> bool:
        return self.months(first) and not self.months(last)

    def between_years(self, first: int, last: int) -> bool:
        return self.years(first) and not self.years(last)


def _school_year_before(birth: date, day: date, defects: frozenset[str]) -> bool:
    """麻しん・風しん 第2期: the 年度 before the first 4月1日 after the day 6 is reached."""
    after = _add_months(birth, 72)  # the day after 6 is reached
    if "kenko_school_start_without_next_day" in defects:
        after -= _DAY  # the day 6 is reached itself: one born on 4月2日 starts school a year early
    start_year = after.year if after <= date(after.year, 4, 1) else after.year + 1
    return date(start_year - 1, 4, 1) <= day <= date(start_year, 3, 31)


def _fiscal(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _hpv(birth: date, day: date, female: bool, defects: frozenset[str] = frozenset()) -> bool:
    if not female and "kenko_hpv_for_boys" not in defects:
        return False
    twelve, sixteen = (_add_months(birth, 12 * years) - _DAY for years in (12, 16))
    if "kenko_hpv_calendar_year" in defects:
        # the 年度 read as the calendar year: a girl twelve in January to March starts a year late
        return date(twelve.year, 4, 1) <= day <= date(sixteen.year + 1, 3, 31)
    return date(_fiscal(twelve), 4, 1) <= day <= date(_fiscal(sixteen) + 1, 3, 31)


def _targets(birth: date, day: date, female: bool, defects: frozenset[str]) -> list[str]:
    """施行令 第3条第1項の表, disease by disease."""
    age = _Age(birth, day)
    infant = age.between_months(2, 90)
    jev_until = 14 if "kenko_jev_second_period_through_thirteen" in defects else 13
    jev_from = 10 if "kenko_jev_second_period_from_ten" in defects else 9
    # 第2期: 五歳以上七歳未満 in the 年度 before the 小学校就学の始期 (the defect: the whole of 五歳以上七歳未満).
    second_period = _school_year_before(birth, day, defects) or "kenko_measles_second_period_from_five" in defects
    measles = age.between_months(12, 24) or (age.between_years(5, 7) and second_period)
    hep_b_from = 2 if "kenko_hepatitis_b_from_two_months" in defects else 0
    rota_start = age.months(2) if "kenko_rotavirus_from_two_months" in defects else age.weeks_and_a_day(6)
    varicella_until = 48 if "kenko_varicella_through_age_three" in defects else 36
    zoster = age.years(65) if "kenko_zoster_sixty_five_and_over" in defects else age.between_years(65, 66)
    rows = {
        "ジフテリア": infant or age.between_years(11, 13),
        "百日せき": infant,
        "急性灰白髄炎": infant,
        "麻しん": measles,
        "風しん": measles,
        "日本脳炎": age.between_months(6, 90) or age.between_years(jev_from, jev_until),
        "破傷風": infant or age.between_years(11, 13),
        "結核": not age.years(1),
        "Ｈｉｂ感染症": age.between_months(2, 60),
        "肺炎球菌感染症（小児がかかるものに限る。）": age.between_months(2, 60),
        "ヒトパピローマウイルス感染症": _hpv(birth, day, female, defects),
        "水痘": age.between_months(12, varicella_until),
        "Ｂ型肝炎": age.months(hep_b_from) and not age.years(1) if hep_b_from else not age.years(1),
        "ロタウイルス感染症": rota_start and day <= birth + timedelta(days=7 * 32),
        "インフルエンザ": age.years(65),
        "肺炎球菌感染症（高齢者がかかるものに限る。）": age.between_years(65, 66),
        "新型コロナウイルス感染症": age.years(65),
        "帯状疱疹": zoster,
    }
    if "kenko_mumps_scheduled" in defects:
        # 流行性耳下腺炎 is no disease of the table (a 任意接種 some municipalities subsidise).
        rows["流行性耳下腺炎"] = age.between_months(12, 24)
    return [disease for disease, target in rows.items() if target]


def _class(disease: str, defects: frozenset[str]) -> str:
    if disease == "新型コロナウイルス感染症" and "kenko_covid_as_a_class" in defects:
        return "A類"  # as under the 特例臨時接種 (臨時接種, Ａ類 rules) before 2024-04
    if disease == "Ｂ型肝炎" and "kenko_hepatitis_b_as_b_class" in defects:
        return "B類"  # read from the disease's name
    return "B類" if disease in _B_CLASS else "A類"


def _checkups(birth: date, day: date, defects: frozenset[str]) -> list[str]:
    """母子保健法 第12条第1項: 1歳6か月 exceeded and 2 not reached; 3 exceeded and 4 not reached."""
    age = _Age(birth, day)
    eighteen_months = day > _add_months(birth, 18) - _DAY
    due = []
    until = 3 if "kenko_checkup_18_months_through_two" in defects else 2
    if eighteen_months and not age.years(until):
        due.append("1歳6か月児")
    three = day > _add_months(birth, 42) - _DAY if "kenko_checkup_3_years_from_three_and_a_half" in defects \
        else day > _add_months(birth, 36) - _DAY
    if three and not age.years(4):
        due.append("3歳児")
    return due


def _years_less_a_day(first: date, years: int) -> date:
    """The day before the same date ``years`` later (a 2月29日 start: 2月28日 of a common year, 民法 第143条第2項)."""
    try:
        return date(first.year + years, first.month, first.day) - _DAY
    except ValueError:
        return date(first.year + years, 3, 1) - _DAY


def _special(record: dict[str, str] | None, as_of: date, defects: frozenset[str]) -> str | None:
    """施行令 第3条第2項: the 特定疾病 a 特別の事情 kept the person from, while its period lasts (two years, one for
    高齢者の肺炎球菌 and 帯状疱疹, counted from the day the 事情 ended; our reading: no 省令 age limit applied)."""
    disease = (record or {}).get("特別の事情_疾病")
    ended = parse_day((record or {}).get("特別の事情_終了年月日", ""))
    if not disease or ended is None or "kenko_special_ignored" in defects:
        return None
    if disease in ("ロタウイルス感染症", "インフルエンザ", "新型コロナウイルス感染症") and \
            "kenko_special_any_disease" not in defects:
        return None  # no 特定疾病 (the defect: extended as one)
    one_year = disease in ("肺炎球菌感染症（高齢者がかかるものに限る。）", "帯状疱疹")
    years = 1 if one_year and "kenko_special_two_years_for_all" not in defects else 2
    if (ended.month, ended.day) == (2, 29) and "kenko_special_leap_day_dropped" in defects:
        return None  # the date a year (two) on does not exist: the extension dropped
    # 「なくなった日」 read as the 終了年月日 itself (the day after is the other reading the text allows).
    last = _years_less_a_day(ended, years)
    return disease if ended <= as_of <= last else None


def _health_projects(birth: date, as_of: date, record: dict[str, str] | None, defects: frozenset[str]) -> list[str]:
    """健康増進法施行規則 第4条の2 第4号 (健康診査) and 第5号 (保健指導), from the record's ``医療保険`` (なし: a
    加入者 of no 医療保険者, so no 特定健康診査) and ``生活保護`` (受給; 停止 is no 保護世帯 of 高齢者医療確保法
    第51条第1号)."""
    facts = record or {}
    age = _Age(birth, as_of)
    uninsured = facts.get("医療保険") == "なし"
    upper = 74 if "kenko_health_checkup_under_seventy_four" in defects else 75
    not_specific = uninsured and age.years(40) and not age.years(75)  # 四十歳以上七十四歳以下
    checkup = (uninsured and age.years(40) and not age.years(upper)) or (facts.get("生活保護") == "受給"
                                                                         and age.years(75))
    # 第5号: the 特定健康診査非対象者 only (the defect: every person of the 第4号's 健康診査, 75 or more too).
    guidance = checkup if "kenko_guidance_for_seventy_five_and_over" in defects else not_specific
    return [name for name, due in (("健康診査", checkup), ("保健指導", guidance)) if due]


def _designated(record: dict[str, str] | None, defects: frozenset[str]) -> str | None:
    """予防接種法 第5条第3項: the disease of a 指定 (第2項) whose area holds the whole of the municipality's, which the
    reference then does not vaccinate against (it need not); a 指定 of part of the area relieves nothing (the defect:
    any 指定 does)."""
    facts = record or {}
    whole = facts.get("指定区域_範囲") == "全部" or "kenko_designation_part_of_area" in defects
    return (facts.get("指定区域_疾病") or None) if whole else None


def _handbook(record: dict[str, str] | None, birth: date, as_of: date, defects: frozenset[str]) -> str | None:
    """母子保健法 第16条第1項: the day of the 妊娠の届出 (第15条) of a person to be given a 母子健康手帳, from that
    day."""
    notified = parse_day((record or {}).get("妊娠届出年月日", ""))
    if notified is None or as_of < notified:
        return None
    if "kenko_handbook_fifteen_to_forty_nine" in defects and not _Age(birth, notified).between_years(15, 50):
        return None  # a 妊娠可能年齢 filter the text does not have
    return notified.isoformat()


def kenko(row: Row, stay: Stay | None, as_of: date, defects: frozenset[str],
          record: dict[str, str] | None = None) -> dict[str, Any]:
    """The 健康管理 part of the per-person answer on ``as_of``: 定期接種 (疾病, 類型) and 乳幼児健康診査 (``record``:
    the 特別の事情 of 施行令 第3条第2項, if any)."""
    birth = parse_day(row.get("生年月日", ""))
    if birth is None or stay is None or as_of < birth:
        return {"定期接種": [], "乳幼児健康診査": [], "健康増進事業": [], "母子健康手帳": None}
    if row.get("住民状態") == "9" and "kenko_removed_still_resident" in defects:
        stay = Stay(stay.moved_in, None, False, None, None)  # a 職権消除 read as no end of the stay
    unplanned = row.get("住民状態") == "2" and not row.get("転出予定年月日")
    if unplanned and "kenko_unplanned_move_out_resident" in defects:
        stay = Stay(stay.moved_in, None, False, None, None)  # the end of the stay read from 転出予定年月日 alone
    resident = stay.moved_in <= as_of and (stay.moved_out is None or as_of <= stay.moved_out)
    before = as_of < stay.moved_in and "kenko_targets_before_moving_in" in defects  # lived elsewhere then
    vaccinated = resident or before or "kenko_targets_after_leaving" in defects
    examined = resident or "kenko_checkups_after_leaving" in defects
    female = row.get("性別") == "2"
    targets = _targets(birth, as_of, female, defects) if vaccinated else []
    special = _special(record, as_of, defects) if vaccinated else None
    if special is not None and special not in targets:
        targets.append(special)
    designated = _designated(record, defects)
    targets = [disease for disease in targets if disease != designated]
    return {"定期接種": [{"疾病": disease, "類型": _class(disease, defects)} for disease in targets],
            "乳幼児健康診査": _checkups(birth, as_of, defects) if examined else [],
            "健康増進事業": _health_projects(birth, as_of, record, defects) if resident else [],
            "母子健康手帳": _handbook(record, birth, as_of, defects) if resident else None}
