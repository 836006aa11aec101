"""The reference vendor's 後期高齢者医療 (高齢者の医療の確保に関する法律 第50条-第53条), read from the
住民記録 row and the person's 後期高齢者医療 record (障害認定, 生活保護: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.koki_korei.oracle` on purpose (intervals of days here, the days a
status changes there): the scenario checks compare the two, and a bug shared by both would hide itself.
The 広域連合 is the prefecture's (the first two digits of the municipality code); named defects
(``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, parse_day

_DAY = timedelta(days=1)
_FAR = date(9999, 12, 31)
#: A span of days, both ends included.
Span = tuple[date, date]


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 2月29日 -> 3月1日 in a common year
        return date(day.year + years, 3, 1)


@dataclass(frozen=True)
class _Person:
    birth: date
    row: Row
    stay: Stay
    record: Mapping[str, str]

    def day(self, item: str) -> date | None:
        return parse_day(self.record.get(item, ""))

    @property
    def prefecture(self) -> str:
        return self.row.get("住所_市区町村コード", "")[:2]


def _area_spans(p: _Person, defects: frozenset[str]) -> list[Span]:
    """The days with an address in the 広域連合's 区域: the stay here, less the move day when an
    address in another prefecture began on it (第53条第1項ただし書), and the days at the next address
    when it is in the same prefecture (a move inside the 区域 keeps 資格)."""
    stay = p.stay
    if stay.moved_out is None:
        return [(stay.moved_in, _FAR)]
    after = stay.moved_in_elsewhere
    same_prefecture = after is not None and stay.died is None and \
        p.row.get("転出先住所（確定）_市区町村コード", "")[:2] == p.prefecture
    if same_prefecture and "koki_korei_lost_within_prefecture" not in defects:
        assert after is not None
        if after <= stay.moved_out + _DAY:  # no day without an address in the 区域
            return [(stay.moved_in, _FAR)]
        return [(stay.moved_in, stay.moved_out), (after, _FAR)]
    last = stay.moved_out - _DAY if stay.elsewhere_same_day and not same_prefecture else stay.moved_out
    if last < stay.moved_in and "koki_korei_zero_day_stay_insured" in defects:
        return [(stay.moved_in, last)]  # a span of no day: a 資格 acquired and lost on the day of the move here
    return [(stay.moved_in, last)] if last >= stay.moved_in else []


def _age_from(p: _Person, *, certification: bool, defects: frozenset[str] = frozenset()) -> date:
    """The first day of age (第50条第1号: the 75th birthday; 第2号: the 障害認定 of a person of 65 to 74)."""
    start = _years_later(p.birth, 75)
    certified = p.day("障害認定年月日")
    youngest = date.min if "koki_korei_certified_under_65" in defects else _years_later(p.birth, 65) - _DAY
    if certified is not None and certification and youngest <= certified < start:
        return certified
    return start


def _welfare(p: _Person) -> Span | None:
    start = p.day("生活保護_開始年月日")
    if start is None:
        return None
    end = p.day("生活保護_廃止年月日")
    return start, (end - _DAY if end is not None else _FAR)


def _welfare_spans(p: _Person, defects: frozenset[str]) -> list[Span]:
    """The days 第51条第1号 excludes: the 保護 (:func:`_welfare`) less a 停止 (its 括弧書:
    その保護を停止されている世帯を除く), from the 停止年月日 to the day before the 停止解除年月日."""
    welfare = _welfare(p)
    if welfare is None:
        return []
    stopped = p.day("生活保護_停止年月日")
    if stopped is None or "koki_korei_welfare_stop_ignored" in defects:
        return [welfare]
    resumed = p.day("生活保護_停止解除年月日")
    return _minus([welfare], (stopped, resumed - _DAY if resumed is not None else _FAR))


def _minus(spans: list[Span], hole: Span | None, first_day_kept: bool = False) -> list[Span]:
    """``spans`` less the days of ``hole``; ``first_day_kept`` (the defect koki_korei_welfare_first_day_insured): a
    span beginning on the hole's first day keeps an empty span there (a 資格 acquired and lost that day)."""
    if hole is None:
        return spans
    result: list[Span] = []
    for first, last in spans:
        if first < hole[0] or (first_day_kept and first == hole[0]):
            result.append((first, min(last, hole[0] - _DAY)))
        if last > hole[1]:
            result.append((max(first, hole[1] + _DAY), last))
    return result


def _insured_spans(p: _Person, defects: frozenset[str], *, status: bool = False) -> list[Span]:
    """The spans of 資格; ``status``: as the 被保険者 flag sees them (the defects about it apply)."""
    age = _age_from(p, certification=not (status and "koki_korei_certification_ignored" in defects), defects=defects)
    spans = [(max(first, age), last) for first, last in _area_spans(p, defects) if last >= age]
    merged: list[Span] = []
    for first, last in spans:  # spans that touch are one 資格
        if merged and first <= merged[-1][1] + _DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    if status and "koki_korei_welfare_ignored" in defects:
        return merged
    for hole in _welfare_spans(p, defects):
        merged = _minus(merged, hole, "koki_korei_welfare_first_day_insured" in defects)
    return merged


def _acquired_as_reported(p: _Person, first: date, defects: frozenset[str]) -> date:
    """資格取得日 as the reference reports it (the defects about 取得 change it here only)."""
    welfare_end = p.day("生活保護_廃止年月日")
    if "koki_korei_acquired_on_notification" in defects and first == p.stay.moved_in:
        notified = parse_day(p.row.get("届出年月日", ""))
        return max(first, notified) if notified is not None else first
    if "koki_korei_welfare_end_next_day" in defects and first == welfare_end:
        return first + _DAY
    if "koki_korei_stop_acquired_next_day" in defects and first == p.day("生活保護_停止年月日"):
        return first + _DAY
    if "koki_korei_certified_next_month" in defects and first == p.day("障害認定年月日"):
        return date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first


def _lost_as_reported(p: _Person, last: date, defects: frozenset[str]) -> date | None:
    """資格喪失日 (the day after the last 資格 day), as the defects about 喪失 change it."""
    if last == _FAR:
        return None
    lost = last + _DAY
    if any(lost == hole[0] for hole in _welfare_spans(p, defects)):
        return lost + _DAY if "koki_korei_welfare_lost_day_after" in defects else lost
    stay = p.stay
    if stay.moved_out is not None and lost == stay.moved_out and "koki_korei_lost_day_after_on_move" in defects:
        return lost + _DAY  # ただし書 ignored
    if stay.moved_out is not None and lost == stay.moved_out + _DAY and "koki_korei_lost_on_move_out_day" in defects:
        return stay.moved_out
    return lost


#: 高齢者の医療の確保に関する法律 第55条第1項各号; 第4号 only with the 入所措置.
_FACILITIES = frozenset({"病院・診療所", "障害者支援施設", "のぞみの園", "養護老人ホーム・特別養護老人ホーム",
                         "特定施設・介護保険施設"})


def _other_union(row: Row, record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第55条: a person who moved here into a 病院等 by an 入院等 (the 後期高齢者医療 record: 入院等_区分,
    入院等_入所措置) from another 都道府県 (another 広域連合) is that 広域連合's 被保険者; a 特定継続入院等被保険者
    the one of the address when the first 入院等 began (第2項第1号). The 都道府県 code, None for this 広域連合."""
    kind = record.get("入院等_区分", "")
    if kind not in _FACILITIES:
        return None
    if kind == "養護老人ホーム・特別養護老人ホーム" and record.get("入院等_入所措置") != "有" \
            and "koki_korei_facility_measure_ignored" not in defects:
        return None
    here, town = row.get("住所_市区町村コード", "")[:2], row.get("転入前住所_市区町村コード", "")
    first = record.get("継続入院等_最初の入院等の際の住所_市区町村コード", "")
    if first and "koki_korei_facility_chain_last_town" not in defects:
        town = first
    return town[:2] if town and town[:2] != here else None


def koki_korei(row: Row, stay: Stay | None, record: Mapping[str, str], as_of: date,
               defects: frozenset[str]) -> dict[str, Any]:
    """後期高齢者医療: 開始日 by age (the 75th birthday), 被保険者 on ``as_of``, and the 資格取得日 and
    資格喪失日 of the 資格 in effect on ``as_of`` (else the last before it, else the first after it)."""
    birth = parse_day(row.get("生年月日", ""))
    if birth is None or stay is None:
        return {"開始日": None, "被保険者": False, "資格取得日": None, "資格喪失日": None,
                "住所地特例_都道府県コード": None}
    start = _years_later(birth, 75)
    if "koki_korei_day_before" in defects:
        start -= _DAY
    p = _Person(birth, row, stay, record)
    spans = _insured_spans(p, defects)
    insured = any(first <= as_of <= last for first, last in _insured_spans(p, defects, status=True))
    chosen = next((span for span in reversed(spans) if span[0] <= as_of), spans[0] if spans else None)
    if chosen is None:
        return {"開始日": start.isoformat(), "被保険者": insured, "資格取得日": None, "資格喪失日": None,
                "住所地特例_都道府県コード": _other_union(row, record, defects)}
    acquired, lost = _acquired_as_reported(p, chosen[0], defects), _lost_as_reported(p, chosen[1], defects)
    return {"開始日": start.isoformat(), "被保険者": insured, "資格取得日": acquired.isoformat(),
            "資格喪失日": lost.isoformat() if lost is not None else None,
            "住所地特例_都道府県コード": _other_union(row, record, defects)}
