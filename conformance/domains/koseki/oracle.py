"""戸籍 (戸籍法, 戸籍法施行規則; statute edition ``koseki 2025.12``): the rules the harness can check on one
届出 or one request, as pure functions.

- 第43条第1項, 第49条第1項, 第86条第1項: the 届出期間 (counted from the day of the event, the day itself
  included; a period in 箇月 runs by the calendar, 民法第143条: the edition's reading);
- 第6条, 第16条, 第18条: which 戸籍 a 婚姻 or a birth writes to;
- 第9条: the 戸籍 is shown by its 筆頭者's 氏名 and its 本籍, also after the 筆頭者 is removed;
- 第10条第1項: who may request a 戸籍謄本等;
- 第25条: where a 届出 is made;
- 第50条, 戸籍法施行規則第60条: the characters of a child's name (the parts the harness can judge without the
  常用漢字表 and 別表第三, which the project does not hold: the edition's reading);
- 第13条第3項: the characters of a 名の振り仮名 (仮名 and 記号 only; the 省令's range itself is not held);
- 第13条第1項 (and 第74条第1号, 第86条第2項第1号): what the 戸籍 records of the person a 出生 or a 婚姻 writes in,
  and the day a death removes.
"""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, timedelta
from typing import TypeVar

from conformance.oracles.holidays import next_working_day

#: 第49条第1項: 十四日以内; 第86条第1項: 七日以内; both 三箇月以内 when the event was abroad (国外).
BIRTH_DAYS, DEATH_DAYS, ABROAD_MONTHS = 14, 7, 3

#: 第10条第1項: who may request the 戸籍謄本等 of a 戸籍 (the harness's names of the classes).
REQUEST_CLASSES: dict[str, bool] = {
    "在籍者": True,  # 戸籍に記載されている者
    "除籍者": True,  # その戸籍から除かれた者
    "配偶者": True,
    "直系尊属": True,
    "直系卑属": True,
    "兄弟姉妹": False,
    "傍系親族": False,
    "第三者": False,
}

#: A 戸籍 as the caller names it (its 表示, a label).
K = TypeVar("K")


def period_start(event: date) -> date:
    """第43条第1項: 届出期間は、届出事件発生の日からこれを起算する (the day of the event is the first day)."""
    return event


def _days(start: date, days: int) -> date:
    """The last day of a period of ``days`` days whose first day is ``start``."""
    return start + timedelta(days=days - 1)


def _months(start: date, months: int) -> date:
    """The last day of a period of ``months`` months whose first day is ``start`` (民法第143条第2項): the day
    before the day of the last month that corresponds to ``start``; without one, that month's last day."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


def birth_period_end(born: date, *, abroad: bool) -> date:
    """第49条第1項: the 出生の届出 within 十四日 of the birth (三箇月 when born abroad), counted from the day of
    the birth (第43条第1項)."""
    start = period_start(born)
    return _months(start, ABROAD_MONTHS) if abroad else _days(start, BIRTH_DAYS)


def death_period_end(known: date, *, abroad: bool) -> date:
    """第86条第1項: the 死亡の届出 within 七日 of the day the 届出義務者 knew of the death (三箇月 when it was
    abroad), that day counted."""
    return _months(known, ABROAD_MONTHS) if abroad else _days(known, DEATH_DAYS)


def period_end_readings(end: date) -> tuple[date, ...]:
    """The 届出期間末日 a system may answer for a period whose last day, as 第43条 and 第49条/第86条 count it, is
    ``end``: that day, or, when it is a 地方公共団体の休日, the first day after it that is none (地方自治法 第4条の2
    第4項: the 期限 of a 届出 falling on a 休日 is deemed the day after; the town's 休日 as
    :mod:`conformance.oracles.holidays` reads them). The answer's field is the period's last day (driver.yaml), and a
    system that shows the deemed 期限 there is not wrong by any text held: both pass (our reading). Example: born
    2025-01-29, the 14th day is 2025-02-11 (建国記念の日): 2025-02-11 or 2025-02-12. A day outside the shipped
    calendar raises :class:`~conformance.oracles.holidays.OutsideCalendar`."""
    deemed = next_working_day(end)
    return (end,) if deemed == end else (end, deemed)


def marriage_makes_new_koseki(taker_is_head: bool) -> bool:
    """第16条第1項: a 婚姻 makes a new 戸籍 for the 夫婦; ただし not when the spouse whose 氏 they take (the 夫
    with 夫の氏, the 妻 with 妻の氏) is already 戸籍の筆頭に記載した者 (then the other enters that 戸籍, 第2項)."""
    return not taker_is_head


def foreign_marriage_makes_new_koseki(japanese_is_head: bool) -> bool:
    """第16条第3項: a 婚姻 of a 日本人 with a 外国人 makes a new 戸籍 for the 日本人, unless he or she is already
    戸籍の筆頭に記載した者 (第6条ただし書: that 戸籍 is of the 日本人 and the children of the same 氏)."""
    return not japanese_is_head


def child_koseki(takes: str, *, parents: K, father: K, mother: K) -> K:
    """第18条: a child taking the 氏 of both parents enters their 戸籍 (第1項); else the 戸籍 of the parent whose
    氏 it takes (第2項). ``takes`` is 父母, 父 or 母; the 戸籍 are given as any label (the 表示)."""
    if takes == "父母":
        return parents
    return father if takes == "父" else mother


def koseki_display(honseki: K, head_name: str) -> tuple[K, str]:
    """第9条: a 戸籍 is shown by its 本籍 and the 氏名 of the person written first (筆頭), and stays so after
    that person is removed from it."""
    return honseki, head_name


def may_request(relation: str) -> bool:
    """第10条第1項: the persons recorded in the 戸籍 (those removed from it included), their 配偶者, 直系尊属
    and 直系卑属 may request its 戸籍謄本等 (a request under 第10条の2 by others is not this request)."""
    return REQUEST_CLASSES[relation]


def filing_place_ok(place: str, *, honseki: str | None, location: str, foreigner: bool = False) -> bool:
    """第25条: a 届出 is made at the 本籍地 of the 本人 or the 所在地 of the 届出人 (第1項); one about a
    外国人 (no 本籍) at the 所在地 (第2項). Places are 市区町村コード."""
    if foreigner or honseki is None:
        return place == location
    return place in (honseki, location)


def _is_kana(char: str) -> bool:
    """A 平仮名 or 片仮名 letter of the Hiragana or Katakana block (not a 変体仮名, not a mark)."""
    code = ord(char)
    return 0x3041 <= code <= 0x3096 or 0x30A1 <= code <= 0x30FA


def _is_hentaigana(char: str) -> bool:
    """A 変体仮名 (Unicode Kana Supplement and Kana Extended-A: the HENTAIGANA letters)."""
    return "HENTAIGANA" in unicodedata.name(char, "")


def _is_refused(char: str) -> bool:
    """A character in none of 規則第60条's classes whatever the 常用漢字表 and 別表第三 say: a 変体仮名
    (第3号 excludes it), a Latin letter, a digit, a symbol or punctuation (no 漢字 and no 仮名)."""
    if _is_hentaigana(char):
        return True
    category = unicodedata.category(char)
    return category[0] in "NPSZC" or (category[0] == "L" and "LATIN" in unicodedata.name(char, ""))


def name_characters_allowed(name: str) -> bool | None:
    """第50条第1項, 規則第60条: whether a child's 名 uses only 常用平易な文字.

    True for a 名 of 平仮名 and 片仮名 only (第3号); False when one character is a 変体仮名 (excluded by
    第3号) or a Latin letter, digit or symbol (in none of 第1号〜第3号); None (not judged) otherwise: a 漢字
    needs the 常用漢字表 and 別表第三, and the 長音記号 and 踊り字 are not named by the 規則's text."""
    if not name:
        return False
    if any(_is_refused(char) for char in name):
        return False
    if all(_is_kana(char) for char in name):
        return True
    return None


def _is_katakana(char: str) -> bool:
    """A 片仮名 letter of the Katakana block (ァ to ヺ)."""
    return 0x30A1 <= ord(char) <= 0x30FA


def _neither_kana_nor_mark(char: str) -> bool:
    """A character that is no 仮名 and no 記号 whatever the 省令 says: a 漢字 (a CJK ideograph), a Latin letter or
    a digit (our reading: a digit is a number, not a 記号)."""
    name = unicodedata.name(char, "")
    return (name.startswith("CJK") and "IDEOGRAPH" in name) or "LATIN" in name or unicodedata.category(char) == "Nd"


def furigana_characters_allowed(reading: str) -> bool | None:
    """第13条第3項: 氏名の振り仮名に用いることができる仮名及び記号の範囲は、法務省令で定める.

    False when a character is neither a 仮名 nor a 記号 (:func:`_neither_kana_nor_mark`): no range of 仮名 and
    記号 holds it. True for a reading of 片仮名 letters only (our reading: the 片仮名 readings every 届書 of the
    harness carries are in the 省令's range). None (not judged) otherwise: 平仮名, 長音 and other marks are the
    省令's, which the project does not hold."""
    if not reading or any(_neither_kana_nor_mark(char) for char in reading):
        return False
    if all(_is_katakana(char) for char in reading):
        return True
    return None


#: 第13条第1項第4号: the 原因 a 出生 and a 婚姻 write (the harness's names, as the entries carry them).
BIRTH_CAUSE, MARRIAGE_CAUSE = "出生", "婚姻"


def written_name(surname: str, given: str) -> str:
    """第13条第1項第1号 (氏名), 第74条第1号 (夫婦が称する氏): a person entered by a 出生 or a 婚姻 is written with
    the 氏 of the 戸籍 entered (the 称する氏) and his or her own 名, a full-width space between."""
    return f"{surname}\u3000{given}"


def written_furigana(surname_reading: str, given_reading: str) -> str:
    """第13条第1項第2号: 氏名の振り仮名 is 氏の振り仮名 and 名の振り仮名. A spouse who takes the other's 氏 takes
    its 振り仮名 too (the 氏 changed, so did the reading of the 氏); the 名の振り仮名 stays."""
    return f"{surname_reading}\u3000{given_reading}"


def marriage_entry_day(filed: date) -> date:
    """第13条第1項第4号 for a 婚姻: entered on the day of the 届出 (民法 第739条第1項: the 婚姻 takes effect by the
    届出; our reading). The day a 出生 writes is not judged (the birth or the 届出: the text leaves room)."""
    return filed


def spouse_roles(takes: str) -> tuple[str, str]:
    """第13条第1項第7号: 夫又は妻である旨 of the spouse whose 氏 is taken and of the other one."""
    return (takes, "妻" if takes == "夫" else "夫")


#: 第49条第2項第1号: 嫡出子又は嫡出でない子の別, as the entries carry it.
LEGITIMATE, ILLEGITIMATE = "嫡出子", "嫡出でない子"


def legitimacy(takes: str) -> str:
    """第49条第2項第1号: a child of the married couple (taking the 父母's 氏, 民法 第790条第1項) is a 嫡出子; the
    child of a mother alone (taking her 氏, 第790条第2項) is not (our reading of the harness's two cases)."""
    return LEGITIMATE if takes == "父母" else ILLEGITIMATE


def judgment_period_start(decided: date, served: date) -> date:
    """第43条第2項: a period counted from the day a 裁判 became final (確定) starts, when it became final before it
    was served (送達又は交付), on the day it was served; otherwise on the day it became final."""
    return served if decided < served else decided


def adoptee_koseki(adopter: K) -> K:
    """第18条第3項: 養子は、養親の戸籍に入る (the 養親 the harness draws is a 筆頭者: our reading; a 養親 who is not
    one, whose 戸籍 第17条 and 第20条 may make anew, is not drawn)."""
    return adopter
