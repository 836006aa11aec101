"""The reference vendor's 国民年金 (国民年金法 第7条〜第11条), read from its 住民記録 rows.

Written apart from :mod:`conformance.domains.kokumin_nenkin.oracle` on purpose (the scenario checks compare
the two). The record tells: the birth, the 転入 (from abroad when no 転入前住所 is recorded), and the
end of the stay: a death, a 転出 to another municipality (a 国内転出, or a 転入通知 names it), or else a 転出 abroad.
Named defects (``defects``) change one answer each, computed from the correct dates otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, parse_day


def _eve_of_birthday(birth: date, years: int) -> date:
    """年齢計算ニ関スル法律: the age is reached the day before the birthday (2月29日: 2月28日)."""
    year = birth.year + years
    if birth.month == 2 and birth.day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return date(year, 2, 28)
    return birth.replace(year=year) - timedelta(days=1)


@dataclass(frozen=True)
class _Person:
    birth: date
    moved_in: date
    from_abroad: bool
    last_day: date | None  # the last day with the address here
    died: bool
    domestic_move: bool

    @property
    def twenty(self) -> date:
        return _eve_of_birthday(self.birth, 20)

    @property
    def sixty(self) -> date:
        return _eve_of_birthday(self.birth, 60)


def _person(row: Row, stay: Stay | None) -> _Person | None:
    birth = parse_day(row.get("生年月日", ""))
    if birth is None or stay is None:
        return None
    # A 転出 to another municipality keeps the address in Japan (第9条第2号 is not met): one whose 転入通知 named the
    # municipality, or a 国内転出 still awaiting it (found by the cross-domain machine: such a 転出 was read as abroad,
    # its 資格 lost the next day, until the 転入通知 came).
    domestic = stay.died is None and (bool(row.get("転出先住所（確定）_市区町村コード"))
                                      or row.get("異動事由区分") == "国内転出")
    return _Person(birth, stay.moved_in, not row.get("転入前住所_市区町村コード"), stay.moved_out,
                   stay.died is not None, domestic)


def _twenty_shown(person: _Person, defects: frozenset[str]) -> date:
    """The day twenty is reached as the 資格取得日 reads it: the two defects that move it (the birthday itself; the
    2月29日 rule applied to a birth on the 29th of any month, so 2月28日 in a year without 2月29日)."""
    if "nenkin_acquired_on_birthday" in defects:
        return person.twenty + timedelta(days=1)
    year = person.birth.year + 20
    if "nenkin_every_29th_as_leap_day" in defects and person.birth.day == 29 and year % 4 != 0:
        return date(year, 2, 28)
    return person.twenty


def _acquired(person: _Person, twenty: date, defects: frozenset[str]) -> date | None:
    """第8条: reaching twenty here, or moving in from abroad aged twenty to fifty-nine."""
    if person.from_abroad and person.moved_in > twenty:
        day = person.moved_in + timedelta(days=1) if "nenkin_entry_next_day" in defects else person.moved_in
    elif person.from_abroad or twenty >= person.moved_in:
        day = twenty
    else:
        return None
    if day >= person.sixty or (person.last_day is not None and day > person.last_day):
        return None
    return day


def _lost(person: _Person, defects: frozenset[str]) -> date | None:
    """第9条: the day after death or leaving Japan; the day sixty is reached itself."""
    insured_from = max(person.moved_in, person.twenty)
    never = insured_from > person.sixty if "nenkin_lost_on_entry_at_sixty" in defects else insured_from >= person.sixty
    if never or (person.last_day is not None and insured_from > person.last_day):
        return None
    sixty = person.sixty + timedelta(days=1) if "nenkin_lost_after_sixty" in defects else person.sixty
    if person.last_day is None or person.last_day >= person.sixty:
        return sixty
    if person.domestic_move and "nenkin_lost_on_domestic_move" not in defects:
        return None
    if person.died and "nenkin_lost_on_death_day" in defects:
        return person.last_day
    return person.last_day + timedelta(days=1)


def _period_end(person: _Person, lost: date | None, defects: frozenset[str]) -> date | None:
    """The 喪失 ending the 被保険者期間: after a 転出 to another municipality (no 喪失, the 資格 runs on) the day
    sixty is reached, 第9条第3号 applying wherever the person lives."""
    if lost is not None or not person.domestic_move or "nenkin_period_past_sixty_after_move" in defects:
        return lost
    insured_from = max(person.moved_in, person.twenty)
    if person.last_day is None or insured_from > person.last_day or insured_from >= person.sixty:
        return lost
    return person.sixty


def _months(acquired: date | None, lost: date | None, fiscal_year: int, defects: frozenset[str]) -> list[str]:
    """第11条: from the month of 取得 to the month before 喪失; one month when both fall in it."""
    if acquired is None:
        return []
    first = (acquired.year, acquired.month)
    if lost is None:
        last = (fiscal_year + 1, 3)
    elif (lost.year, lost.month) == first:
        last = first if "nenkin_period_same_month_dropped" not in defects else (0, 0)
    elif "nenkin_period_loss_month" in defects:
        last = (lost.year, lost.month)
    else:
        last = (lost.year, lost.month - 1) if lost.month > 1 else (lost.year - 1, 12)
    fiscal = [(fiscal_year, month) for month in range(4, 13)] + [(fiscal_year + 1, month) for month in range(1, 4)]
    return [f"{year:04d}-{month:02d}" for year, month in fiscal if first <= (year, month) <= last]


def _exempt(record: Mapping[str, str], fiscal_year: int, defects: frozenset[str]) -> list[str]:
    """第89条第1項 (法定免除): from the month before the month the person came under a 号 (the harness's 国民年金
    record: 法定免除_該当年月日) to the month of the day the person no longer does (法定免除_非該当年月日)."""
    start, end = parse_day(record.get("法定免除_該当年月日", "")), parse_day(record.get("法定免除_非該当年月日", ""))
    if start is None or record.get("法定免除_区分") not in ("障害基礎年金等受給権者", "生活扶助", "施設入所"):
        return []
    first = (start.year, start.month - 1) if start.month > 1 else (start.year - 1, 12)
    if "nenkin_exempt_from_month_of" in defects:
        first = (start.year, start.month)
    last = (end.year, end.month) if end is not None else (fiscal_year + 1, 3)
    fiscal = [(fiscal_year, month) for month in range(4, 13)] + [(fiscal_year + 1, month) for month in range(1, 4)]
    return [f"{year:04d}-{month:02d}" for year, month in fiscal if first <= (year, month) <= last]


def _between(record: Mapping[str, str], first: str, until: str, day: date) -> bool:
    start, end = parse_day(record.get(first, "")), parse_day(record.get(until, ""))
    return start is not None and start <= day and (end is None or day < end)


def _category(person: _Person, record: Mapping[str, str], as_of: date, first_insured: bool,
              defects: frozenset[str]) -> str | None:
    """第7条第1項: 第2号 while a 厚生年金保険 被保険者 (the harness's 国民年金 record), 第3号 while a 被扶養配偶者 aged
    twenty to fifty-nine, else 第1号 (``first_insured``)."""
    resident = person.moved_in <= as_of and (person.last_day is None or as_of <= person.last_day)
    if "nenkin_second_from_day_after_move_in" in defects:
        resident = resident and as_of != person.moved_in
    dependant = _between(record, "被扶養配偶者_該当年月日", "被扶養配偶者_非該当年月日", as_of)
    if "nenkin_third_before_second" in defects and first_insured and dependant:
        return "第3号"
    second_ended = "nenkin_second_until_sixty" in defects and as_of >= person.sixty
    if resident and _employed(record, as_of, defects) \
            and "nenkin_second_as_first" not in defects and not second_ended:
        return "第2号"
    if (first_insured or "nenkin_third_at_any_age" in defects) and dependant \
            and "nenkin_third_as_first" not in defects:
        return "第3号"
    return "第1号" if first_insured else None


def _employed(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool:
    """A 厚生年金保険 被保険者 on ``as_of``: from its 資格取得年月日 to the day before its 資格喪失年月日 (the defect
    nenkin_second_on_loss_day: through the 喪失日 itself)."""
    if "nenkin_second_on_loss_day" in defects and parse_day(record.get("厚生年金_資格喪失年月日", "")) == as_of:
        return _between(record, "厚生年金_資格取得年月日", "", as_of)
    return _between(record, "厚生年金_資格取得年月日", "厚生年金_資格喪失年月日", as_of)


def _employed_young(person: _Person, record: Mapping[str, str], defects: frozenset[str]) -> date | None:
    """第8条: one under twenty acquires the 資格 on the day the 厚生年金 begins (第4号)."""
    employed = parse_day(record.get("厚生年金_資格取得年月日", ""))
    adult = employed is not None and employed >= person.twenty
    if employed is None or (adult and "nenkin_employment_acquired_after_twenty" not in defects) \
            or employed < person.moved_in or "nenkin_employment_acquired_at_twenty" in defects:
        return None
    return employed


def _pension_days(person: _Person, record: Mapping[str, str],
                  defects: frozenset[str]) -> tuple[date | None, date | None]:
    """第8条第3号, 第9条第4号: the 資格取得日 of one who stops being a 老齢給付等を受けることができる者 (that day) after
    being one at twenty, and the 資格喪失日 of a 第1号被保険者 who becomes one (that day: 第9条柱書's その日); each None
    where the record says neither or the day is outside twenty to fifty-nine."""
    since = parse_day(record.get("老齢給付等_該当年月日", ""))
    until = parse_day(record.get("老齢給付等_非該当年月日", ""))
    acquired = lost = None
    if since is not None and until is not None and since <= person.twenty < until < person.sixty:
        acquired = until
    elif since is not None and until is None and person.twenty < since < person.sixty:
        lost = since + timedelta(days=1) if "nenkin_pension_loss_next_day" in defects else since
    return acquired, lost


def _young_employment_lost(person: _Person, record: Mapping[str, str], defects: frozenset[str]) -> date | None:
    """第9条第5号: one employed under twenty who loses the 厚生年金 before twenty loses the 資格 that day (柱書)."""
    employed = parse_day(record.get("厚生年金_資格取得年月日", ""))
    until = parse_day(record.get("厚生年金_資格喪失年月日", ""))
    if employed is None or until is None or not employed < until < person.twenty:
        return None
    return until + timedelta(days=1) if "nenkin_employment_loss_next_day" in defects else until


def kokumin_nenkin(row: Row, stay: Stay | None, fiscal_year: int, as_of: date,
                   defects: frozenset[str], record: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The person's 国民年金 第1号 資格 as this town records it: 種別 on ``as_of``, 取得日, 喪失日, and the
    months of 年度 ``fiscal_year`` in the 被保険者期間."""
    person = _person(row, stay)
    if person is None:
        return {"被保険者種別": None, "資格取得日": None, "資格喪失日": None, "被保険者期間": [],
                "法定免除月": _exempt(record or {}, fiscal_year, defects)}
    acquired = _acquired(person, person.twenty, frozenset())
    lost = _period_end(person, _lost(person, frozenset()), defects)
    shown_acquired = _acquired(person, _twenty_shown(person, defects), defects)
    resident = person.moved_in <= as_of and (person.last_day is None or as_of <= person.last_day)
    insured = resident and person.twenty <= as_of < person.sixty
    if row.get("住民種別") == "2" and "nenkin_foreign_excluded" in defects:
        insured = False
    shown_lost = _lost(person, defects)
    shown_acquired = _employed_young(person, record or {}, defects) or shown_acquired
    pension_acquired, pension_lost = _pension_days(person, record or {}, defects)
    if pension_acquired is not None and "nenkin_pension_acquired_at_twenty" not in defects:
        shown_acquired = pension_acquired
    shown_lost = pension_lost or _young_employment_lost(person, record or {}, defects) or shown_lost
    return {"被保険者種別": _category(person, record or {}, as_of, insured, defects),
            "資格取得日": shown_acquired.isoformat() if shown_acquired else None,
            "資格喪失日": shown_lost.isoformat() if shown_lost else None,
            "被保険者期間": _months(acquired, lost, fiscal_year, defects) if acquired is not None
            else _months_since_move_in(person, lost, fiscal_year, defects),
            "法定免除月": _exempt(record or {}, fiscal_year, defects)}


def _months_since_move_in(person: _Person, lost: date | None, fiscal_year: int, defects: frozenset[str]) -> list[str]:
    """第11条第1項 for a person who moved in from another municipality aged twenty to fifty-nine: the 資格 was
    acquired elsewhere and the move is no 喪失 (第9条), so the months here count from the month of the move-in
    to the month before the 喪失 (the months before it, elsewhere, are not this town's record)."""
    sixty = person.sixty + timedelta(days=1) if "nenkin_period_after_move_in_at_sixty" in defects else person.sixty
    held = not person.from_abroad and person.twenty < person.moved_in < sixty
    if not held or "nenkin_period_none_after_move_in" in defects:
        return []
    first = (person.moved_in.year, person.moved_in.month)
    if lost is not None and (lost.year, lost.month) <= first and "nenkin_period_move_in_month_kept" not in defects:
        return []
    return [month for month in _months(person.moved_in, lost, fiscal_year, frozenset())
            if (int(month[:4]), int(month[5:])) >= first]
