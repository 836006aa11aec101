"""The small rules of the reference's driver adapter (conformance_reference/jumin/driver.py), each a function of its
inputs: calendar and non-calendar dates (1.1.8), blanks (1.1.6), 続柄 (1.1.11), the 除票's date (1.1.5), the
order of a 世帯's members (5.2), dates shown in 和暦 or 西暦 (1.1.9), a row as the linkage API's per-person
endpoints show it; and the refusals the handlers answer with (:class:`Refusal`, :class:`BadInput`).

Apart from the handlers (driver_base.py, driver_moves.py, driver_corrections.py, driver_queries.py), which all
import them: each rule is one unit the mutation benchmarks change (benchmarks/mutants.py, mutation_tool.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

from conformance_reference.jumin.driver_logs import Answer
from conformance_reference.jumin.storage import Row

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
#: The relations of 1.1.11 ② that 「の」 joins (③: up to 4 generations).
_BASE_RELATIONS = ("夫（未届）", "妻（未届）", "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹")
_SPOUSES = frozenset({"夫", "妻", "夫（未届）", "妻（未届）"})
_SIBLINGS = frozenset({"兄", "姉", "弟", "妹"})
_GRANDPARENTS = frozenset({"父の父", "父の母", "母の父", "母の母"})
#: 住民状態 codes (code_tables.yaml resident_status).
_CURRENT, _MOVED_OUT, _DECEASED, _REMOVED = "1", "2", "3", "9"


class Refusal(Exception):
    """An エラー (``kind`` error, 422) or アラート (409): the request commits nothing."""

    def __init__(self, kind: str, code: str, message: str, item: str = "") -> None:
        super().__init__(message)
        self.kind, self.code, self.message, self.item = kind, code, message, item

    def answer(self) -> Answer:
        detail = {"code": self.code, "item": self.item, "message": self.message}
        if self.kind == "alert":
            return 409, {"result": "alert", "alerts": [detail]}
        return 422, {"result": "error", **detail}


class BadInput(Exception):
    """A request that does not follow the protocol (400)."""


# -- small rules (each one a unit the mutation benchmark changes) --------------------------------------


def parse_date(value: object, field: str) -> date:
    """A calendar date ``YYYY-MM-DD``; else the エラー E005 (1.1.8 R001: 暦上日に限り)."""
    match = _DATE.fullmatch(str(value or ""))
    try:
        if match is None:
            raise ValueError
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise Refusal("error", "E005", f"{field}: 暦上日でない年月日です: {value!r}", field) from None


def parse_day(value: object, field: str) -> str:
    """A 年月日 that 1.1.8 R001's ただし lets be non-calendar (出生・死亡・失踪の異動日, 生年月日), as its
    ``YYYY-MM-DD`` text: a month 01-12 and a day 01-31 (``2026-02-29``, the text's example); else E005."""
    match = _DATE.fullmatch(str(value or ""))
    if match is None or not 1 <= int(match.group(2)) <= 12 or not 1 <= int(match.group(3)) <= 31:
        raise Refusal("error", "E005", f"{field}: 年月日ではありません: {value!r}", field)
    return match.group(0)


def paired(numbers: object, relations: object) -> dict[str, str]:
    """``宛名番号`` and ``続柄`` lists, in the same order, as 宛名番号 -> 続柄."""
    if not relations:
        return {}
    if not isinstance(numbers, list) or not isinstance(relations, list) or len(numbers) < len(relations):
        raise BadInput("続柄 is a list in the order of the 宛名番号 it goes with")
    return {str(number): str(relation) for number, relation in zip(numbers, relations, strict=False)}


#: Dates that may be non-calendar (1.1.8 R001 ただし: 生年月日, 住民となった年月日, 住所を定めた年月日 ...).
LENIENT_DATES = frozenset({"生年月日", "住民となった年月日", "住所を定めた年月日"})
#: Items that may not be blank, for everyone (1.1.6 R003-R007, R020, R021; 住所 as its 町字).
NOT_BLANK = ("生年月日", "住民となった年月日", "住所_都道府県", "住所_市区町村", "住所_町字", "宛名番号", "世帯番号")
#: Per 住民種別 (1.1.6 R004 日本人住民's 戸籍の表示, R008 外国人住民となった年月日), as the driver names the items.
HONSEKI = "戸籍の表示（本籍・筆頭者）"
NOT_BLANK_BY_KIND: dict[str, tuple[str, ...]] = {"1": (HONSEKI,), "2": ("外国人住民となった年月日",)}
#: Per 第30条45規定区分 (1.1.6 R009-R019): the items of the 区分 that may not be blank.
NOT_BLANK_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "1": ("在留カード等番号",), "2": ("在留カード等番号",), "3": ("上陸期間_満了日",), "4": ("仮滞在期間_満了日",),
}


def _keibi_refused(defects: frozenset[str]) -> frozenset[str]:
    """The items a defective 軽微な修正 refuses (4.2.3.2 R003-R008 name the kinds of it)."""
    refused: set[str] = set()
    if "keibi_name_refused" in defects:
        refused.add("氏名")
    if "keibi_machiaza_refused" in defects:
        refused.add("住所_町字")
    if "keibi_banchi_katagaki_refused" in defects:
        refused.update(("住所_番地号表記", "住所_方書"))
    return frozenset(refused)


def check_dates(items: Mapping[str, str]) -> None:
    """Dates other than the lenient ones must be calendar dates (1.1.8 R001): else E005."""
    for name, value in items.items():
        if value and (name.endswith("年月日") or name.endswith("の日") or name.endswith("満了日")) \
                and name not in LENIENT_DATES:
            parse_date(value, name)


def check_blanks(row: Mapping[str, str], changed: Mapping[str, str], defects: frozenset[str] = frozenset()) -> None:
    """1.1.6 R001: the items listed there may not be blank (E009); the others may. ``row`` is the
    person's record before ``changed`` (its 住民状態, 住民種別 and 区分 say which items are listed).
    The ``blanks_accepted`` defect lets every item be blanked."""
    if "blanks_accepted" in defects:
        return
    needed = list(NOT_BLANK) + list(NOT_BLANK_BY_KIND.get(row.get("住民種別", "1") or "1", ()))
    if row.get("住民状態") == "1":
        needed.append("住民票コード")  # 除票の場合を除く
    if row.get("住民種別") == "2":
        needed.append("第30条45規定区分")
        category = NOT_BLANK_BY_CATEGORY.get(row.get("第30条45規定区分", ""), ())
        needed.extend(item for item in category if item != "在留カード等番号" or row.get("住民状態") == "1")
    for name in needed:
        if name in changed and not changed[name]:
            raise Refusal("error", "E009", f"{name}は空欄にできません。", name)


def generations(relation: str) -> int:
    """How many relations 「の」 joins (1.1.11 R005: 機械的に数えたもの)."""
    return len(relation.split("の"))


def relation_allowed(relation: str) -> bool:
    """1.1.11 ①-⑤: 世帯主, 縁故者, 同居人, or ② joined by の up to 4 generations."""
    if relation in ("世帯主", "縁故者", "同居人"):
        return True
    parts = relation.split("の")
    return all(part in _BASE_RELATIONS for part in parts) and len(parts) <= 4


def removal_date(planned: date, arrived: date) -> date:
    """1.1.5 R001: 転出予定年月日又は転入通知に記載された転入日のいずれか早い日."""
    return min(planned, arrived)


def household_rank(relation: str) -> tuple[int, int]:
    """The 順位 and place within it of 5.2 for a 続柄."""
    if relation == "世帯主":
        return 1, 1
    if relation in _SPOUSES:
        return 1, 2
    if relation == "子":
        return 1, 3
    if relation.startswith("子の") and relation[2:] in _SPOUSES:
        return 2, 2
    if relation.startswith("子の子"):
        return 2, 3
    if relation in ("父", "母"):
        return 3, 1
    if relation in _SIBLINGS:
        return 3, 2
    if relation in _GRANDPARENTS:
        return 3, 3
    return (4, 2) if relation == "縁故者" else (4, 3) if relation == "同居人" else (4, 1)


def member_key(row: Mapping[str, str]) -> tuple[int, tuple[int, int], str, str]:
    """5.2 order: who joined an existing 世帯 by 転入 comes last (末尾に順次記載), in joining order; the
    others by 順位, then 生年月日, then 宛名番号."""
    return int(row.get("世帯加入順") or 0), household_rank(row.get("続柄", "")), row.get("生年月日", ""), \
        row.get("宛名番号", "")


# -- dates and rows as shown ------------------------------------------------------------------------


#: 和暦 eras, newest first, with their first day (1.1.9; 平成 from 1989-01-08).
_ERAS: tuple[tuple[str, date], ...] = (
    ("令和", date(2019, 5, 1)), ("平成", date(1989, 1, 8)), ("昭和", date(1926, 12, 25)),
    ("大正", date(1912, 7, 30)), ("明治", date(1868, 1, 25)),
)


def wareki(value: str, defects: frozenset[str] = frozenset()) -> str:
    """``1989-01-08`` -> ``平成元年1月8日``; text that is no date unchanged (不詳 dates stay as written)."""
    match = _DATE.fullmatch(value)
    if match is None:
        return value
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    eras = _ERAS if "heisei_from_0107" not in defects else \
        tuple((era, start - timedelta(days=1) if era == "平成" else start) for era, start in _ERAS)
    for era, start in eras:
        if (year, month, day) >= (start.year, start.month, start.day):
            number = year - start.year + 1
            return f"{era}{'元' if number == 1 else number}年{month}月{day}日"
    return value


def seireki(value: str) -> str:
    """``1983-02-28`` -> ``1983年2月28日``; text that is no date unchanged."""
    match = _DATE.fullmatch(value)
    return value if match is None else f"{int(match.group(1))}年{int(match.group(2))}月{int(match.group(3))}日"


def per_person_view(row: Mapping[str, str], defects: frozenset[str]) -> Row:
    """A row as the linkage API's per-person endpoints (resident, history, household) show it; the
    ``tsusho_tokubetsu_dropped`` defect leaves out the 通称 of a 特別永住者 there (not in the list or export)."""
    shown = dict(row)
    if "tsusho_tokubetsu_dropped" in defects and shown.get("第30条45規定区分") == "2":
        shown["通称"] = ""
    return shown
