"""健康管理: who is a target of the 定期接種 and the 乳幼児健康診査 on a day (予防接種法, 母子保健法).

Texts: spec_sources/statutes/kenko_kanri (予防接種法 第5条, 予防接種法施行令 第1条〜第3条, 母子保健法 第12条).

- 予防接種法 第5条第1項: the 市町村長 vaccinates the persons 当該市町村の区域内に居住する, of the
  政令's diseases; 施行令 第3条第1項's table names the diseases (上欄) and, per disease, the persons
  (下欄) by age in months, weeks or years after birth;
- 施行令 第1条: 痘そう, 水痘, Ｂ型肝炎 and ロタウイルス感染症 are Ａ類疾病; 第2条: 肺炎球菌感染症（高齢者が
  かかるものに限る。）, 新型コロナウイルス感染症 and 帯状疱疹 are Ｂ類疾病;
- 母子保健法 第12条第1項: the 市町村 examines the infants 満一歳六か月を超え満二歳に達しない (第1号) and
  満三歳を超え満四歳に達しない (第2号);
- 健康増進法施行規則 第4条の2 第4号 (健康診査: 四十歳以上七十四歳以下 and no target of the 特定健康診査, or
  七十五歳以上 and of 高齢者医療確保法 第五十一条第一号 (a 保護世帯, not 停止) or 第二号) and 第5号 (保健指導: the
  特定健康診査非対象者 only, so no one of 75 or more): :func:`health_checkup`, :func:`health_guidance`.

Where the text leaves room, a rule answers ``None`` (either answer is one the text allows) and the
scenario checks ask about other days only:

- the day an age is reached: the day before the birthday (年齢計算ニ関スル法律, as the other oracles
  read it: :func:`conformance.oracles.dates.age_reached_on`), while a vendor may count from the
  corresponding day itself; so the day before, the day and the day after each boundary are open;
- the end of ロタウイルス感染症 and Ｈｉｂ感染症 is set per vaccine by a 厚生労働省令 (not in the
  texts): anywhere from 生後二十四週 to 生後三十二週 (ロタ; the 24-week vaccine is the shortest the
  harness knows) and from 生後六十月 to 生後九十月 (Ｈｉｂ) is open;
- the 住民記録 rows record no 既往歴, no 障害 and no 特別の事情: every person is taken as never having
  had the disease and without the 障害 of the table's 二 rows (六十歳以上六十五歳未満), and 第2項 never applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from conformance.oracles.dates import age_reached_on, fiscal_year_of, months_later

#: True or False where the text decides; None where it allows either answer.
Verdict = bool | None

DIPHTHERIA = "ジフテリア"
PERTUSSIS = "百日せき"
POLIO = "急性灰白髄炎"
MEASLES = "麻しん"
RUBELLA = "風しん"
JAPANESE_ENCEPHALITIS = "日本脳炎"
TETANUS = "破傷風"
TUBERCULOSIS = "結核"
HIB = "Ｈｉｂ感染症"
CHILD_PNEUMOCOCCAL = "肺炎球菌感染症（小児がかかるものに限る。）"
HPV = "ヒトパピローマウイルス感染症"
VARICELLA = "水痘"
HEPATITIS_B = "Ｂ型肝炎"
ROTAVIRUS = "ロタウイルス感染症"
INFLUENZA = "インフルエンザ"
ELDER_PNEUMOCOCCAL = "肺炎球菌感染症（高齢者がかかるものに限る。）"
COVID_19 = "新型コロナウイルス感染症"
HERPES_ZOSTER = "帯状疱疹"

#: 施行令 第3条第1項の表の上欄, in the table's order (the diseases of the 定期接種).
SCHEDULED_DISEASES = (DIPHTHERIA, PERTUSSIS, POLIO, MEASLES, RUBELLA, JAPANESE_ENCEPHALITIS, TETANUS, TUBERCULOSIS,
                      HIB, CHILD_PNEUMOCOCCAL, HPV, VARICELLA, HEPATITIS_B, ROTAVIRUS, INFLUENZA, ELDER_PNEUMOCOCCAL,
                      COVID_19, HERPES_ZOSTER)
#: 施行令 第1条 (Ａ類疾病 by the 政令) that the table names; 痘そう has no row in it.
A_CLASS_BY_ORDER = (VARICELLA, HEPATITIS_B, ROTAVIRUS)
#: 施行令 第2条 (Ｂ類疾病 by the 政令).
B_CLASS_BY_ORDER = (ELDER_PNEUMOCOCCAL, COVID_19, HERPES_ZOSTER)

#: 母子保健法 第12条第1項 第1号, 第2号 (the names the answers use).
CHECKUP_18_MONTHS = "1歳6か月児"
CHECKUP_3_YEARS = "3歳児"

#: ロタ's shortest and longest end (生後二十四週, 生後三十二週に至る日の翌日) and Ｈｉｂ's (生後六十月, 九十月).
_ROTA_WEEKS = (24, 32)
_HIB_MONTHS = (60, 90)
_DAY = timedelta(days=1)


def month_reached(birth: date, months: int) -> date:
    """The day 生後 ``months`` 月 is reached: the day before :func:`~conformance.oracles.dates.months_later` (年齢計算,
    as for years)."""
    return months_later(birth, months) - timedelta(days=1)


def week_reached(birth: date, weeks: int) -> date:
    """The day 生後 ``weeks`` 週 is reached: the day before the same weekday ``weeks`` weeks later."""
    return birth + timedelta(days=7 * weeks - 1)


@dataclass(frozen=True)
class Window:
    """The days ``first`` to ``last`` (None: no end) in the harness's reading: sure inside, sure
    outside, and open (None) on the days around a boundary where another reading of the day an age
    is reached moves it by a day (a day either side of ``first``; from the day before ``last`` to two
    days after it), or on the days ``open_last`` of an end the text leaves to a 省令."""

    first: date
    last: date | None
    open_first: bool = True
    open_last: tuple[date, date] | None = None

    def verdict(self, day: date) -> Verdict:
        if self.open_first and self.first - _DAY <= day <= self.first + _DAY:
            return None
        if self.open_last is not None:
            if self.open_last[0] <= day <= self.open_last[1]:
                return None
        elif self.last is not None and self.last - _DAY <= day <= self.last + 2 * _DAY:
            return None
        return self.first <= day and (self.last is None or day <= self.last)


def _months(birth: date, first: int, last: int) -> Window:
    """生後 ``first`` 月から生後 ``last`` 月に至るまでの間: from the day ``first`` months are reached to
    the day before ``last`` months are."""
    return Window(month_reached(birth, first), month_reached(birth, last) - _DAY)


def _ages(birth: date, first: int, last: int | None) -> Window:
    """``first`` 歳以上 ``last`` 歳未満 (None: no upper age)."""
    end = age_reached_on(birth, last) - _DAY if last is not None else None
    return Window(age_reached_on(birth, first), end)


def _up_to_one(birth: date) -> Window:
    """一歳に至るまでの間: from the birth to the day before one year is reached."""
    return Window(birth, age_reached_on(birth, 1) - _DAY, open_first=False)


def _either(*verdicts: Verdict) -> Verdict:
    """A person in any row of a disease (一, 二): True if one row surely holds, None if one may."""
    if any(verdict is True for verdict in verdicts):
        return True
    return None if any(verdict is None for verdict in verdicts) else False


def school_start(birth: date) -> date:
    """小学校就学の始期 (学校教育法 第17条第1項): the first 4月1日 after the day 6 is reached."""
    after = age_reached_on(birth, 6) + timedelta(days=1)
    return date(after.year, 4, 1) if after <= date(after.year, 4, 1) else date(after.year + 1, 4, 1)


def _before_school(birth: date, day: date) -> Verdict:
    """麻しん・風しん 二: 五歳以上七歳未満, from the day a year before the 就学の始期 to the day before it. Those two
    days are the 年度's first and last (4月1日, 3月31日), which no reading of an age moves: neither is open (issue
    66: the mutation run's survivors that dropped either day passed while the 年度 was a Window with an age's open
    days)."""
    start = school_start(birth)
    return _both(_ages(birth, 5, 7).verdict(day), date(start.year - 1, 4, 1) <= day < start)


def _both(first: Verdict, second: Verdict) -> Verdict:
    if first is False or second is False:
        return False
    return None if first is None or second is None else True


def _hpv(birth: date, day: date, female: bool) -> Verdict:
    """十二歳となる日の属する年度の初日から十六歳となる日の属する年度の末日までの間にある女子: open when
    counting from the birthday itself moves a 年度 (born on 4月1日)."""
    if not female:
        return False
    readings = set()
    for shift in (0, 1):
        first = fiscal_year_of(age_reached_on(birth, 12) + timedelta(days=shift))
        last = fiscal_year_of(age_reached_on(birth, 16) + timedelta(days=shift))
        readings.add(date(first, 4, 1) <= day <= date(last + 1, 3, 31))
    return readings.pop() if len(readings) == 1 else None


def _rotavirus(birth: date, day: date) -> Verdict:
    """生後六週に至った日の翌日から、生後三十二週に至る日の翌日までの間で省令で定める日まで."""
    shortest = week_reached(birth, _ROTA_WEEKS[0])
    longest = week_reached(birth, _ROTA_WEEKS[1]) + timedelta(days=1)
    window = Window(week_reached(birth, 6) + timedelta(days=1), longest,
                    open_last=(shortest - _DAY, longest + 2 * _DAY))
    return window.verdict(day)


def _hib(birth: date, day: date) -> Verdict:
    """生後二月から、生後九十月までの間で省令で定める月に至るまで."""
    shortest, longest = (month_reached(birth, months) for months in _HIB_MONTHS)
    return Window(month_reached(birth, 2), longest - _DAY,
                  open_last=(shortest - 2 * _DAY, longest + 2 * _DAY)).verdict(day)


def _table(birth: date, female: bool) -> dict[str, Callable[[date], Verdict]]:
    """施行令 第3条第1項の表: per disease, whether a person born on ``birth`` is in its 下欄 on a day."""
    return {
        DIPHTHERIA: lambda d: _either(_months(birth, 2, 90).verdict(d), _ages(birth, 11, 13).verdict(d)),
        PERTUSSIS: lambda d: _months(birth, 2, 90).verdict(d),
        POLIO: lambda d: _months(birth, 2, 90).verdict(d),
        MEASLES: lambda d: _either(_months(birth, 12, 24).verdict(d), _before_school(birth, d)),
        RUBELLA: lambda d: _either(_months(birth, 12, 24).verdict(d), _before_school(birth, d)),
        JAPANESE_ENCEPHALITIS: lambda d: _either(_months(birth, 6, 90).verdict(d), _ages(birth, 9, 13).verdict(d)),
        TETANUS: lambda d: _either(_months(birth, 2, 90).verdict(d), _ages(birth, 11, 13).verdict(d)),
        TUBERCULOSIS: lambda d: _up_to_one(birth).verdict(d),
        HIB: lambda d: _hib(birth, d),
        CHILD_PNEUMOCOCCAL: lambda d: _months(birth, 2, 60).verdict(d),
        HPV: lambda d: _hpv(birth, d, female),
        VARICELLA: lambda d: _months(birth, 12, 36).verdict(d),
        HEPATITIS_B: lambda d: _up_to_one(birth).verdict(d),
        ROTAVIRUS: lambda d: _rotavirus(birth, d),
        INFLUENZA: lambda d: _ages(birth, 65, None).verdict(d),
        ELDER_PNEUMOCOCCAL: lambda d: _ages(birth, 65, 66).verdict(d),
        COVID_19: lambda d: _ages(birth, 65, None).verdict(d),
        HERPES_ZOSTER: lambda d: _ages(birth, 65, 66).verdict(d),
    }


def vaccination_targets(birth: date, day: date, *, female: bool) -> dict[str, Verdict]:
    """施行令 第3条第1項: for each disease of the table, whether a person born on ``birth`` (a resident
    never ill with it, without the 二 rows' 障害) is a target of its 定期接種 on ``day``."""
    if day < birth:
        return dict.fromkeys(SCHEDULED_DISEASES, False)
    return {disease: rule(day) for disease, rule in _table(birth, female).items()}


def is_resident_on(moved_in: date, last_day: date | None, day: date) -> Verdict:
    """予防接種法 第5条第1項 (当該市町村の区域内に居住する者): from 住民となった年月日 to the last day of the
    address (the move-out or the death); the days at either end are open (the day of a 転出 or death
    may be counted on either side)."""
    if moved_in - timedelta(days=1) <= day <= moved_in:
        return None
    if last_day is not None and last_day <= day <= last_day + timedelta(days=1):
        return None
    return moved_in <= day and (last_day is None or day <= last_day)


def infant_checkups(birth: date, day: date) -> dict[str, Verdict]:
    """母子保健法 第12条第1項: 満一歳六か月を超え満二歳に達しない (第1号), 満三歳を超え満四歳に達しない (第2号).

    満一歳六か月 is reached on the day before the 18th month's corresponding day; 超え: from the day
    after it; 達しない: to the day before 2 (or 4) is reached."""
    eighteen = month_reached(birth, 18) + timedelta(days=1)
    three = age_reached_on(birth, 3) + timedelta(days=1)
    return {
        CHECKUP_18_MONTHS: Window(eighteen, age_reached_on(birth, 2) - timedelta(days=1)).verdict(day),
        CHECKUP_3_YEARS: Window(three, age_reached_on(birth, 4) - timedelta(days=1)).verdict(day),
    }


#: 施行令 第3条第2項: the table's diseases that are no 特定疾病, and those whose period is one year, not two.
NOT_SPECIAL = (ROTAVIRUS, INFLUENZA, COVID_19)
ONE_YEAR_SPECIAL = (ELDER_PNEUMOCOCCAL, HERPES_ZOSTER)


def special_last_day(disease: str, ended: date) -> date | None:
    """施行令 第3条第2項: the last day a person kept from a 特定疾病's 定期接種 by a 特別の事情 stays its target:
    「当該特別の事情がなくなった日から起算して二年（…一年）を経過する日」. 起算して: the day the 事情 ended is the
    first day (no 初日不算入), so the period ends on the day before the same date two (one) years later (民法
    第143条; no such date: the last day of that month). None: no 特定疾病 (ロタ, インフルエンザ, 新型コロナ)."""
    if disease in NOT_SPECIAL:
        return None
    return age_reached_on(ended, 1 if disease in ONE_YEAR_SPECIAL else 2)


#: 施行令 第3条第2項's parenthesis (「厚生労働省令で定める特定疾病にあっては、厚生労働省令で定める年齢に達するまでの
#: 間にある場合に限る」): the 省令 is not quoted. Our reading: no such age is reached by a child under 四歳 (a limit
#: below it would leave the two years of a childhood 特定疾病 little or nothing to extend), nor by an elder for the
#: one year of 高齢者の肺炎球菌感染症 and 帯状疱疹; a child of four or more is not asked inside the period.
SPECIAL_AGE_SURE = 4


def special_target(disease: str, ended: date, day: date, birth: date) -> Verdict:
    """Whether 第3条第2項 makes the person a target of ``disease`` on ``day`` (the record's 特別の事情 one the
    municipality 認められる, the person born on ``birth``). 「当該特別の事情がなくなった日」 is the 終了年月日 itself
    (reading A: the period's last day :func:`special_last_day`) or the day after it (reading B: one day later):
    the text does not say which, so the day between (the same date two, or one, years on) and the 終了年月日 itself
    are open (provisions.yaml). After the later last day: never; from the day after the 終了年月日 to the earlier
    last day: a target where no 省令 age limit can have been reached (:data:`SPECIAL_AGE_SURE`), else open. No
    特定疾病 (ロタ, インフルエンザ, 新型コロナ): never by 第3条第2項."""
    last = special_last_day(disease, ended)
    if last is None or day > last + timedelta(days=1):
        return False
    if day <= ended or day > last:
        return None
    if disease in ONE_YEAR_SPECIAL or day < age_reached_on(birth, SPECIAL_AGE_SURE):
        return True
    return None


# -- 健康増進法施行規則 第4条の2 第4号, 第5号 ------------------------------------------------------------

#: The facts of the person's ``健康管理`` record the 第4号 and 第5号 turn on: ``医療保険`` (加入: a 加入者 of a
#: 医療保険者, なし: of none) and ``生活保護`` (受給, 停止: a 保護 stopped, なし).
INSURED, UNINSURED = "加入", "なし"
ON_WELFARE, WELFARE_STOPPED, NO_WELFARE = "受給", "停止", "なし"


def _not_specific_checkup(birth: date, day: date, insurance: str) -> Verdict:
    """特定健康診査非対象者: 四十歳以上七十四歳以下 (from the day 40 is reached to the day before 75 is) and no
    target of 高齢者医療確保法 第20条's 特定健康診査. Our reading (第20条 is not quoted by the edition): its
    targets are the 加入者 of a 医療保険者 from 40, so a person of no 医療保険 (e.g. a 保護世帯's, 国民健康保険法
    第6条第9号) is none; the record holds no one of the 告示 (平成二十年厚生労働省告示第三号) the 第4号's
    parenthesis leaves out."""
    if insurance != UNINSURED:
        return False
    return _ages(birth, 40, 75).verdict(day)


def health_checkup(birth: date, day: date, insurance: str, welfare: str) -> Verdict:
    """施行規則 第4条の2第4号: the 特定健康診査非対象者, and the persons 七十五歳以上 of 高齢者医療確保法 第51条第1号
    (生活保護法による保護を受けている世帯（その保護を停止されている世帯を除く。）に属する者: the generated person lives
    alone) or 第2号 (the 省令's 特別の理由: not quoted; the record holds none)."""
    elder = _ages(birth, 75, None).verdict(day) if welfare == ON_WELFARE else False
    return _either(_not_specific_checkup(birth, day, insurance), elder)


def health_guidance(birth: date, day: date, insurance: str) -> Verdict:
    """施行規則 第4条の2第5号: the 保健指導 of the 特定健康診査非対象者 (第4号's 四十歳以上七十四歳以下 only: a
    person of 75 or more examined under 第4号 is no 特定健康診査非対象者)."""
    return _not_specific_checkup(birth, day, insurance)


#: 予防接種法 第5条第2項's 指定: the municipality's whole area within the 指定区域, or only part of it.
WHOLE_AREA, PART_OF_AREA = "全部", "一部"


def relieved_by_designation(area: str) -> bool:
    """予防接種法 第5条第3項: 「その区域の全部が当該指定に係る区域に含まれる市町村の長は、第一項の規定にかかわらず、
    当該指定に係る疾病について予防接種を行うことを要しない」. Only a municipality whose whole area lies in the 指定区域
    is relieved, and then it need not vaccinate (it may: either answer is allowed); where part of its area lies
    outside, 第1項 still applies to every target of the disease."""
    return area == WHOLE_AREA


def handbook_due(notified: date | None, day: date) -> date | None:
    """母子保健法 第16条第1項: 「妊娠の届出をした者に対して、母子健康手帳を交付しなければならない」: from the day of the
    届出 (第15条) on, whoever made it (no age, no other condition in the text); the day of the 届出, or None."""
    return notified if notified is not None and notified <= day else None
