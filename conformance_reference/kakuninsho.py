"""The reference vendor's 資格確認書 of 国民健康保険 (国民健康保険法施行規則 第6条) and 後期高齢者医療
(高齢者の医療の確保に関する法律施行規則 第16条), and the 介護保険 被保険者証 (介護保険法施行規則 第26条), printed.

``POST /api/v1/forms/kokuho_shikaku_kakuninsho`` and ``POST /api/v1/forms/koki_shikaku_kakuninsho`` with
``{"宛名番号", "交付年月日"}`` print the card of a person insured on that day (:func:`kokuho_lines`,
:func:`koki_lines`, laid out by :mod:`conformance_reference.statute_forms`): the items of 第4項 of each article,
one per line, in an order and with labels of our own (the 様式 is not quoted). The 資格 is the reference's own
(:func:`conformance_reference.rules.kokuho`, :func:`conformance_reference.koki_korei.koki_korei.koki_korei`) computed
without the per-person query's defects; the card's own defects (``kokuho_kakuninsho_*``, ``koki_kakuninsho_*``)
change one printed item each. ``POST /api/v1/forms/kaigo_hihokenshasho`` prints the 被保険者証 of a 第一号被保険者
(:func:`kaigo_lines`; its items are ours: 様式第一号 is not quoted).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from conformance_reference import rules
from conformance_reference.koki_korei import koki_korei
from conformance_reference.paper import CITY, PREFECTURE, wareki
from conformance_reference.rules import Row, parse_day, stay_of

#: A printed line: its label and its value.
Line = tuple[str, str]
_SEX = {"1": "男", "2": "女"}
#: The ratios of the 一部負担金 as the cards print them (the law's 十分の二 as 2割).
_PRINTED_RATIO = {"十分の二": "2割", "十分の三": "3割"}
_DAY = timedelta(days=1)
#: The 後期高齢者医療広域連合 of the town's prefecture, and its 保険者番号 (ours: a test town's, not checked).
KOKI_UNION = f"{PREFECTURE}後期高齢者医療広域連合"
_KOKI_INSURER = "39229999"


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 2月29日 -> 3月1日 in a common year
        return date(day.year + years, 3, 1)


def _first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def expiry(issued: date, defects: frozenset[str], defect: str) -> date:
    """有効期限: the 7月31日 of the year after the 交付年月日 (ours; 第3項: at most five years from the day of
    issue). ``defect``: the fifth anniversary of the 交付年月日, one day more than five years counted from it."""
    return _years_later(issued, 5) if defect in defects else date(issued.year + 1, 7, 31)


def _seventy_effective(birth: date, moved_in: date, defects: frozenset[str]) -> date:
    """The 発効期日 of the ratio of 第42条第1項第3号: the first day of the month after the month in which seventy is
    reached (the day before the birthday), or the move-in when later. The defect takes the 70th birthday."""
    birthday = _years_later(birth, 70)
    start = birthday if "kokuho_kakuninsho_copay_from_birthday" in defects else _first_of_next_month(birthday - _DAY)
    return max(start, moved_in)


def _dated(label: str, day: date | str) -> Line:
    return label, wareki(day.isoformat() if isinstance(day, date) else day)


def kokuho_lines(row: Row, householder: Row | None, issued: date, defects: frozenset[str]) -> list[Line] | None:
    """The printed lines of the person's 国民健康保険 資格確認書 issued on ``issued`` (None: no 被保険者 that day)."""
    stay, birth = stay_of(row), parse_day(row.get("生年月日", ""))
    answer = rules.kokuho(row, stay, issued.year, issued, frozenset())
    if stay is None or birth is None or not answer["被保険者"] or householder is None:
        return None
    lines: list[Line] = [("氏名", row.get("氏名", ""))]
    if "kokuho_kakuninsho_without_sex" not in defects:
        lines.append(("性別", _SEX.get(row.get("性別", ""), "")))
    head = row if "kokuho_kakuninsho_householder_is_insured" in defects else householder
    lines += [_dated("生年月日", row.get("生年月日", "")), ("世帯主氏名", head.get("氏名", "")),
              ("被保険者記号・番号", f"見本　{row.get('宛名番号', '')}"),
              ("保険者番号", row.get("住所_市区町村コード", "")), ("交付者名", f"{PREFECTURE}{CITY}")]
    started = row.get("届出年月日", "") if "kokuho_kakuninsho_acquired_on_notification" in defects else answer["取得日"]
    lines += [_dated("適用開始年月日", started), _dated("交付年月日", issued)]
    effective = _seventy_effective(birth, stay.moved_in, defects)
    ratio = answer["一部負担金割合"]
    if issued >= _first_of_next_month(_years_later(birth, 70) - _DAY) and ratio in _PRINTED_RATIO:
        lines += [("一部負担金の割合", _PRINTED_RATIO[ratio]), _dated("発効期日", effective)]
    if "kokuho_kakuninsho_without_expiry" not in defects:
        lines.append(_dated("有効期限", expiry(issued, defects, "kokuho_kakuninsho_expiry_five_years_on")))
    return lines


def koki_lines(row: Row, record: Mapping[str, str], issued: date, defects: frozenset[str]) -> list[Line] | None:
    """The printed lines of the person's 後期高齢者医療 資格確認書 issued on ``issued`` (None: no 被保険者 that
    day). The ratio of the 一部負担金 is 第67条第1項第1号's 1割: the 住民記録 holds no income."""
    stay, birth = stay_of(row), parse_day(row.get("生年月日", ""))
    if "koki_kakuninsho_record_ignored" in defects:
        record = {}  # the 資格 by age and address alone: a 被保険者 by the 障害認定 (第50条第2号) refused the card
    answer = koki_korei.koki_korei(row, stay, record, issued, frozenset())
    acquired = parse_day(answer["資格取得日"] or "")
    if birth is None or acquired is None or not answer["被保険者"]:
        return None
    if "koki_kakuninsho_acquired_day_before" in defects and acquired == _years_later(birth, 75):
        acquired -= _DAY  # 75 reached the day before the birthday, as 介護 counts 65
    lines: list[Line] = [("氏名", row.get("氏名", "")), ("性別", _SEX.get(row.get("性別", ""), ""))]
    if "koki_kakuninsho_without_birth" not in defects:
        lines.append(_dated("生年月日", row.get("生年月日", "")))
    ratio = "2割" if "koki_kakuninsho_copay_of_kokuho" in defects else "1割"
    lines += [("被保険者番号", row.get("宛名番号", "")[-8:]), ("保険者番号", _KOKI_INSURER),
              ("後期高齢者医療広域連合名", KOKI_UNION), _dated("資格取得年月日", acquired),
              _dated("交付年月日", issued), ("一部負担金の割合", ratio), _dated("発効期日", acquired)]
    if "koki_kakuninsho_without_expiry" not in defects:
        lines.append(_dated("有効期限", expiry(issued, defects, "koki_kakuninsho_expiry_five_years_on")))
    return lines


def kaigo_lines(row: Row, issued: date, defects: frozenset[str],
                record: Mapping[str, str] | None = None) -> list[Line] | None:
    """The printed lines of the person's 介護保険 被保険者証 issued on ``issued`` (None: no 第一号被保険者 that day nor
    a 第二号被保険者 who applied for a 要介護認定 by then (施行規則 第26条第1項), or, with the defect, the day 65 is
    reached: 資格 counted from the 65th birthday)."""
    stay, birth = stay_of(row), parse_day(row.get("生年月日", ""))
    answer = rules.kaigo(row, stay, issued.year, issued, frozenset(), record)
    applied = parse_day((record or {}).get("要介護認定_申請年月日", ""))
    second = answer["第2号被保険者"] and applied is not None and applied <= issued \
        and "kaigo_hihokenshasho_second_refused" not in defects
    if birth is None:
        return None
    first = answer["第1号被保険者"] and not (
        "kaigo_hihokenshasho_from_birthday" in defects and issued < _years_later(birth, 65))
    if not (first or second):
        return None
    address = "".join(row.get(name) or "" for name in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記",
                                                       "住所_方書"))
    return [("被保険者番号", row.get("宛名番号", "")), ("住所", address), ("氏名", row.get("氏名", "")),
            _dated("生年月日", row.get("生年月日", "")), ("性別", _SEX.get(row.get("性別", ""), "")),
            _dated("交付年月日", issued), ("保険者", f"{row.get('住所_市区町村コード', '')}　{PREFECTURE}{CITY}"),
            *_care_lines(record or {}, issued, defects)]


def _care_lines(record: Mapping[str, str], issued: date, defects: frozenset[str]) -> list[Line]:
    """介護保険法 第27条第7項: on the card of a person certified (the harness's 介護保険 record) from the day of the
    認定, the 要介護状態区分 (第1号) and the 認定審査会's 意見 (第2号)."""
    certified = parse_day(record.get("要介護認定_認定年月日", ""))
    if certified is None or issued < certified:
        return []
    lines: list[Line] = []
    if "kaigo_hihokenshasho_without_care_level" not in defects:
        lines.append(("要介護状態区分等", record.get("要介護認定_要介護状態区分", "")))
    if record.get("要介護認定_認定審査会の意見") and "kaigo_hihokenshasho_without_opinion" not in defects:
        lines.append(("認定審査会の意見", record["要介護認定_認定審査会の意見"]))
    return lines

