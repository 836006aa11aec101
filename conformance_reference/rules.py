"""The reference vendor's rules of other domains, read from its 住民記録 rows (per-person query).

Written apart from :mod:`conformance.oracles` on purpose: the scenario checks compare this with the
oracles, and a bug shared by both would hide itself. Named defects (``defects``) change one rule each.

Rules (DOMAIN.md, "Moves and dates that cross a year", "DV等支援措置"; 住民記録 1.0 j440, 1.1.5):
the stay in this town runs from 住民となった年月日 to the move-out (the earlier of 転出予定年月日 and
転出年月日（確定）) or the death; 国保/介護 end the day after, or on the move-out day when the person
had an address elsewhere that day (転出年月日（確定） on or before 転出予定年月日).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

Row = Mapping[str, str]
#: 都道府県単位化 of 国保.
_PREFECTURE_UNIT = date(2018, 4, 1)
_REFORM = (2024, 10)
Month = tuple[int, int]


def parse_day(text: str) -> date | None:
    """An ISO calendar date, or None (empty, non-calendar, or malformed)."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _years_later(day: date, years: int) -> date:
    """The same day ``years`` later; 2月29日 -> 3月1日 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def month_of_day(day: date) -> Month:
    """The (year, month) of a day (the reference's monthly rules: 国保, 介護, 児童手当, 児童扶養手当)."""
    return day.year, day.month


def add_month(month: Month, count: int = 1) -> Month:
    index = month[0] * 12 + month[1] - 1 + count
    return index // 12, index % 12 + 1


def iso_month(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class Stay:
    """The person's stay in this town, as the 住民記録 row tells it."""

    moved_in: date
    moved_out: date | None
    elsewhere_same_day: bool
    died: date | None
    moved_in_elsewhere: date | None

    @property
    def loss(self) -> date | None:
        """The day 国保/介護 資格 ends (None while resident)."""
        if self.moved_out is None:
            return None
        return self.moved_out if self.elsewhere_same_day else self.moved_out + timedelta(days=1)


def stay_of(row: Row) -> Stay | None:
    """The stay, or None when the row's dates cannot be read."""
    moved_in = parse_day(row.get("住民となった年月日", ""))
    if moved_in is None:
        return None
    status = row.get("住民状態", "")
    if status == "3":
        died = parse_day(row.get("異動日", ""))
        return Stay(moved_in, died, False, died, None)
    # 1.1.5 R001: a 転出届 ends the stay on its 転出予定年月日 at the latest, whether the record is a 除票 yet or, as
    # this vendor keeps it until the 転入通知, still 住民 (found by the cross-domain machine: a 国外転出 stayed a 国保
    # 被保険者 for ever).
    if status == "9":
        # A 住民票 removed (職権消除: 4.2.2, or a 法第30条の50 通知 with 消除, 4.5.6): the address in the town ended on
        # its 異動日, no other known (found by the cross-domain machine: the person was read a 住民 for ever).
        removed = parse_day(row.get("異動日", ""))
        return Stay(moved_in, removed, False, None, None) if removed is not None else None
    moving_out = status == "1" and row.get("異動事由区分") in ("国内転出", "国外転出")
    if status != "2" and not moving_out:
        return Stay(moved_in, None, False, None, None)
    planned = parse_day(row.get("転出予定年月日", "")) or parse_day(row.get("異動日", ""))
    confirmed = parse_day(row.get("転出年月日（確定）", ""))
    if planned is None:
        return None
    if confirmed is not None and confirmed <= planned:
        return Stay(moved_in, confirmed, True, None, confirmed)
    return Stay(moved_in, planned, False, None, confirmed)


def row_on(history: Sequence[Row], day: date, defects: frozenset[str] = frozenset()) -> Row:
    """The person's latest row of a stay that began on or before ``day`` (else the latest row): a 再転入 begins
    another stay (4.1.1.2 R002: the same 宛名番号, a new 住民となった年月日), and a day before it is the earlier stay's
    (found by the cross-domain machine's 再転入: a person resident on 1月1日 read as not levied; a 後期高齢者医療
    被保険者 living in another town of the 都道府県 between the stays read as none). The defect ``latest_stay_only``:
    the latest row whatever the day."""
    if "latest_stay_only" in defects:
        return history[-1]
    for row in reversed(history):
        stay = stay_of(row)
        if stay is not None and stay.moved_in <= day:
            return row
    return history[-1]


def kept_stay(history: Sequence[Row], stay: Stay | None, defects: frozenset[str]) -> Stay | None:
    """``stay``; the defect ``kokuho_first_stay_kept``: after a 再転入, the 国保 資格 of the first stay taken up again
    (a system reactivating the old record: its 取得日, and 被保険者 on the days between the stays)."""
    first = parse_day(history[0].get("住民となった年月日", "")) if history else None
    if "kokuho_first_stay_kept" not in defects or stay is None or first is None or first >= stay.moved_in:
        return stay
    return replace(stay, moved_in=first)


#: 住民記録 1.0 j80 (1.1.8)'s 不詳日 of a known 年 (「令和○○年 月日不詳」) or 月 (「令和○○年○○月 日不詳」), as entered.
_UNKNOWN_DAY = re.compile(r"^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年(?:([0-9]{1,2}))?月日不詳$")
#: Each era's first day.
_ERA_DAYS = {"明治": date(1868, 1, 25), "大正": date(1912, 7, 30), "昭和": date(1926, 12, 25),
             "平成": date(1989, 1, 8), "令和": date(2019, 5, 1)}
_PLAIN = str.maketrans("０１２３４５６７８９", "0123456789", " \u3000")


def held_birth(row: Row, defects: frozenset[str] = frozenset()) -> Row:
    """``row`` with the 生年月日 this vendor holds for a 不詳 one (1.1.8: 内部的には日付を保有しておくこと): the first
    day of the 年 or 月 its 不詳表記 names (within the era's days); the row itself for any other (found by the
    cross-domain machine: a 外国人住民 of 「昭和３３年　月日不詳」 was nobody's 被保険者 at 66). The defect
    ``unknown_birth_ignored``: the row itself (no age)."""
    if row.get("生年月日_不詳フラグ") != "1" or parse_day(row.get("生年月日", "")) is not None \
            or "unknown_birth_ignored" in defects:
        return row
    found = _UNKNOWN_DAY.match(row.get("生年月日_不詳表記", "").translate(_PLAIN))
    if found is None:
        return row
    era, number, month = found.groups()
    began = _ERA_DAYS[era]
    year = began.year + (1 if number == "元" else int(number)) - 1
    if month is not None and not 1 <= int(month) <= 12:
        return row
    return {**row, "生年月日": max(date(year, int(month or 1), 1), began).isoformat()}


def removal_date(row: Row, defects: frozenset[str]) -> str | None:
    """The 除票 date of a 転出 (1.1.5 R001: the earlier of 転出予定年月日 and the 転入通知's 転入日)."""
    if row.get("住民状態") != "2":
        return None
    planned = parse_day(row.get("転出予定年月日", "")) or parse_day(row.get("異動日", ""))
    confirmed = parse_day(row.get("転出年月日（確定）", ""))
    if planned is None:
        return None
    if confirmed is None or "removal_on_planned_date" in defects:
        return planned.isoformat()
    return min(planned, confirmed).isoformat()


def juminzei_levied(row: Row, stay: Stay | None, fiscal_year: int, defects: frozenset[str]) -> bool:
    """Whether this town levies 個人住民税 for the year: the address on 1月1日."""
    if "juminzei_current_address" in defects:
        return row.get("住民状態") == "1"
    if stay is None:
        return False
    levy = date(fiscal_year, 1, 1)
    # A person who died on 1月1日 had no address on the 賦課期日 (the defect: levied as if alive that day).
    died_before = stay.died is not None and (stay.died < levy if "juminzei_levied_on_death_day" in defects
                                             else stay.died <= levy)
    if died_before:
        return False
    if stay.moved_in > levy:
        return False
    if stay.moved_out is None:
        return True
    return levy < stay.moved_out or (levy == stay.moved_out and not stay.elsewhere_same_day)


def _fiscal_months(fiscal_year: int) -> list[Month]:
    return [add_month((fiscal_year, 4), index) for index in range(12)]


def _billed(acquired: date, loss: date | None, fiscal_year: int, *, loss_month_too: bool) -> list[Month]:
    first = month_of_day(acquired)
    last = None if loss is None else (month_of_day(loss) if loss_month_too else add_month(month_of_day(loss), -1))
    return [m for m in _fiscal_months(fiscal_year) if m >= first and (last is None or m <= last)]


def _eve(birth: date, years: int) -> date:
    """The day the age ``years`` is reached: the day before the birthday (年齢計算ニ関スル法律)."""
    return _years_later(birth, years) - timedelta(days=1)


def _on_welfare(record: Mapping[str, str], as_of: date, defects: frozenset[str] = frozenset()) -> bool:
    """国保法 第6条第9号: the person's 世帯 receives 生活保護 on ``as_of`` (from its 開始年月日 to the day before
    its 廃止年月日, as the harness's 国民健康保険 record gives them), and it is not stopped (the 括弧書: from the
    停止年月日 to the day before the 停止解除年月日 the 世帯 is not excluded)."""
    start, end = parse_day(record.get("生活保護_開始年月日", "")), parse_day(record.get("生活保護_廃止年月日", ""))
    receiving = start is not None and start <= as_of and (end is None or as_of < end)
    if "kokuho_welfare_stop_ignored" in defects:
        return receiving
    stopped = parse_day(record.get("生活保護_停止年月日", ""))
    resumed = parse_day(record.get("生活保護_停止解除年月日", ""))
    halted = stopped is not None and stopped <= as_of and (resumed is None or as_of < resumed)
    return receiving and not halted


def _welfare_pieces(record: Mapping[str, str]) -> list[tuple[date, date | None]]:
    """The stretches [first day, first day after) 国保法 第6条第9号 excludes, read from the harness's 国民健康保険
    record: the 保護 up to its 停止 and again from the day it is given again (None: open)."""
    start, end = parse_day(record.get("生活保護_開始年月日", "")), parse_day(record.get("生活保護_廃止年月日", ""))
    if start is None:
        return []
    stopped = parse_day(record.get("生活保護_停止年月日", ""))
    if stopped is None:
        return [(start, end)]
    resumed = parse_day(record.get("生活保護_停止解除年月日", ""))
    return [(start, stopped)] + ([(resumed, end)] if resumed is not None else [])


def _around_welfare(acquired: date, loss: date | None, record: Mapping[str, str], as_of: date,
                    defects: frozenset[str]) -> tuple[date | None, date | None]:
    """国保法 第7条, 第8条第2項: the 資格 from ``acquired`` to ``loss`` is cut where 第6条第9号 excludes the person
    (lost on the day it begins to, acquired again on the day it stops to); the piece in effect on ``as_of``, else
    the last one begun before it, else the first."""
    runs: list[tuple[date, date | None]] = []
    cursor: date | None = acquired
    for first, until in _welfare_pieces(record):
        if cursor is None or (loss is not None and first >= loss):
            break
        if until is not None and until <= cursor:
            continue
        if first > cursor:
            runs.append((cursor, first))
        cursor = None if until is None else max(cursor, until)
    if cursor is not None and (loss is None or cursor < loss):
        runs.append((cursor, loss))
    if not runs:
        return None, None
    begun = [run for run in runs if run[0] <= as_of]
    first, lost = begun[-1] if begun else runs[0]
    if "kokuho_stop_acquired_next_day" in defects and first == parse_day(record.get("生活保護_停止年月日", "")):
        first += timedelta(days=1)
    if "kokuho_welfare_lost_day_after" in defects and lost is not None and lost != loss:
        lost += timedelta(days=1)  # 第8条第1項's 翌日 read for 第9号 too
    return first, lost


#: 国保法 第6条第1号から第6号: the 被用者保険 whose members and 被扶養者 are no 国保 被保険者.
_EMPLOYEE_INSURANCE = frozenset({"健康保険被保険者", "船員保険被保険者", "共済組合員", "私学共済加入者",
                                 "健康保険被扶養者", "船員保険等被扶養者"})


def _other_insurance(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool:
    """国保法 第6条第1号-第6号, 第10号: whether another insurance the harness's 国民健康保険 record names
    (適用除外_区分, from its 該当年月日 to the day before its 非該当年月日) keeps the person out of 国保 on
    ``as_of``. A 日雇特例被保険者 and its 被扶養者 do not (第1号・第5号ただし書). 第8条第1項 ends the 国保 資格 on
    the 翌日 for 第1号-第6号, 第8条第2項 on the day itself for a 国民健康保険組合."""
    kind = record.get("適用除外_区分", "")
    start, end = parse_day(record.get("適用除外_該当年月日", "")), parse_day(record.get("適用除外_非該当年月日", ""))
    if start is None or as_of < start or (end is not None and as_of >= end):
        return False
    if kind == "日雇特例被保険者手帳":  # 第7号: until no room is left; ただし書: not after its 返納
        returned = parse_day(record.get("日雇特例被保険者手帳_返納年月日", ""))
        if returned is not None and as_of >= returned and "kokuho_day_labourer_book_return_ignored" not in defects:
            return False
        return "kokuho_day_labourer_book_ignored" not in defects
    if kind == "国保組合被保険者":
        return as_of > start if "kokuho_union_next_day" in defects else True
    if kind in ("日雇特例被保険者", "日雇特例被保険者の被扶養者"):
        return "kokuho_day_labourer_excluded" in defects
    return kind in _EMPLOYEE_INSURANCE and "kokuho_employee_insurance_ignored" not in defects


def _kokuho_insured(row: Row, stay: Stay, as_of: date, defects: frozenset[str],
                    record: Mapping[str, str]) -> bool:
    """国保法 第6条第8号: from the 75th birthday a resident is a 後期高齢者医療 被保険者, not a 国保 one;
    第9号: nor is a person of a 世帯 receiving 生活保護."""
    birth = parse_day(row.get("生年月日", ""))
    loss = stay.loss
    within = stay.moved_in <= as_of and (loss is None or as_of < loss)
    if "kokuho_welfare_ignored" not in defects and _on_welfare(record, as_of, defects):
        return False
    if _other_insurance(record, as_of, defects):
        return False
    if birth is None or "kokuho_kept_after_75" in defects:
        return within
    if "kokuho_excluded_from_eve" in defects:  # 国保 read with the day before, the reference's 後期 with the birthday
        return within and as_of < _years_later(birth, 75) - timedelta(days=1)
    return within and as_of < _years_later(birth, 75)


def _copay(row: Row, as_of: date, defects: frozenset[str]) -> str | None:
    """国保法 第42条第1項: 十分の二 to the first 3月31日 after six (第2号), 十分の三 to the month of seventy
    (第1号), 十分の二 after it (第3号; 第4号's income is not recorded)."""
    birth = parse_day(row.get("生年月日", ""))
    if birth is None:
        return None
    six = _eve(birth, 6)
    school = date(six.year, 3, 31) if six <= date(six.year, 3, 31) else date(six.year + 1, 3, 31)
    if "kokuho_copay_school_age_at_birthday" in defects:
        school = six
    if as_of <= school:
        return "十分の二"
    # Each defect changes the months on one side of the boundary only, so that the two show side by side.
    month, reached = month_of_day(as_of), month_of_day(_eve(birth, 70))
    if month <= reached:
        return "十分の二" if month == reached and "kokuho_copay_seventy_month_itself" in defects else "十分の三"
    if "kokuho_copay_seventy_by_birthday" in defects and month <= month_of_day(_years_later(birth, 70)):
        return "十分の三"
    return "十分の二"


#: 国保法 第116条の2第1項第2号・第5号: these 入所 count only with the 入所措置.
_MEASURE_ONLY = frozenset({"児童福祉施設", "養護老人ホーム・特別養護老人ホーム"})
_FACILITIES = frozenset({"病院・診療所", "障害者支援施設", "のぞみの園", "特定施設・介護保険施設"}) | _MEASURE_ONLY


def _deemed_town(row: Row, record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """国保法 第116条の2 (住所地特例): a person who moved here into a 病院等 by an 入院等 (the harness's 国民健康保険
    record: 入院等_区分, 入院等_入所措置) is deemed to live where the address was when it began (転入前住所); a
    特定継続入院等被保険者 where it was when the first 入院等 of the chain began (第2項第1号)."""
    kind = record.get("入院等_区分", "")
    if kind not in _FACILITIES:
        return None
    measure_missing = kind in _MEASURE_ONLY and record.get("入院等_入所措置") != "有"
    if measure_missing and "kokuho_facility_measure_ignored" not in defects:
        return None
    here = row.get("住所_市区町村コード", "")
    town = row.get("転入前住所_市区町村コード", "")
    first = record.get("継続入院等_最初の入院等の際の住所_市区町村コード", "")
    if first and "kokuho_facility_chain_last_town" not in defects:
        town = first
    return town if town and town != here else None


def _second_insured_age(row: Row, as_of: date, defects: frozenset[str]) -> bool:
    """国保法 第76条第3項: the 介護納付金's 保険料 is levied on 介護保険 第2号被保険者, from the day forty is reached
    (the day before the birthday) to the day before sixty-five is."""
    birth = parse_day(row.get("生年月日", ""))
    if birth is None:
        return False
    if "kokuho_kaigo_share_from_birthday" in defects:
        return _years_later(birth, 40) <= as_of < _years_later(birth, 65)
    return _eve(birth, 40) <= as_of < _eve(birth, 65)


def kokuho_insured_on(row: Row, as_of: date, defects: frozenset[str], record: Mapping[str, str] | None) -> bool:
    """Whether the person of ``row`` is a 国保 被保険者 on ``as_of`` (the answer's ``被保険者``)."""
    stay = _kokuho_stay(stay_of(row), record or {}, defects)
    return stay is not None and _kokuho_insured(row, stay, as_of, defects, record or {})


#: 国保法 第116条の2第1項各号 (the 病院等); 第2号・第5号 only with the 入所措置.
_KOKUHO_FACILITIES = frozenset({"病院・診療所", "児童福祉施設", "障害者支援施設", "のぞみの園",
                                "養護老人ホーム・特別養護老人ホーム", "特定施設・介護保険施設"})
_KOKUHO_MEASURE_ONLY = frozenset({"児童福祉施設", "養護老人ホーム・特別養護老人ホーム"})


def _kokuho_stay(stay: Stay | None, record: Mapping[str, str], defects: frozenset[str]) -> Stay | None:
    """国保法 第116条の2第1項 seen from this town: a 被保険者 who moved out into a 病院等 in another 市町村 by an 入院等
    (the harness's 国民健康保険 record: 転出先入院等_区分, 転出先入院等_入所措置) is deemed to live here still."""
    kind = record.get("転出先入院等_区分", "")
    if stay is None or kind not in _KOKUHO_FACILITIES or "kokuho_facility_sender_dropped" in defects:
        return stay
    if kind in _KOKUHO_MEASURE_ONLY and record.get("転出先入院等_入所措置") != "有":
        return stay
    return Stay(stay.moved_in, None, False, None, None)


@dataclass(frozen=True)
class Householder:
    """The 世帯主 of the person's 世帯 as it is now: its 宛名番号, and whether a 国保 被保険者 on the day asked."""

    atena: str
    insured: bool


def _payer(row: Row, insured: bool, householder: Householder | None, defects: frozenset[str]) -> str | None:
    """国保法 第76条第1項: the 保険料 is collected from 「被保険者の属する世帯の世帯主」, a 被保険者 himself or not (the
    擬制世帯主); the answer's 納付義務者 is that 世帯主's 宛名番号, None when the person is no 被保険者."""
    if not insured or householder is None:
        return None
    if not householder.insured and "kokuho_payer_insured_member" in defects:
        return row.get("宛名番号")  # the misreading: the 被保険者 billed where the 世帯主 is not insured himself
    return householder.atena


def kokuho(row: Row, stay: Stay | None, fiscal_year: int, as_of: date, defects: frozenset[str],
           record: Mapping[str, str] | None = None, householder: Householder | None = None) -> dict[str, Any]:
    """国保 資格 through this town: 取得日, 喪失日, 都道府県内継続, and the billed months of the year;
    on ``as_of``: whether the person is a 被保険者 and the ratio of the 一部負担金 (None when not), and who owes the
    保険料 (the ``householder``'s 宛名番号). ``record``: the person's 国民健康保険 record from the harness (生活保護),
    none when absent."""
    stay = _kokuho_stay(stay, record or {}, defects)
    if stay is None:
        return {"取得日": None, "喪失日": None, "都道府県内継続": False, "賦課月": [], "被保険者": False,
                "一部負担金割合": None, "住所地特例_市区町村コード": None, "介護納付金分賦課": False,
                "納付義務者": None}
    insured = _kokuho_insured(row, stay, as_of, defects, record or {})
    loss = stay.loss
    months = _billed(stay.moved_in, loss, fiscal_year, loss_month_too="kokuho_bills_loss_month" in defects)
    same_month = loss is not None and month_of_day(loss) == month_of_day(stay.moved_in)
    next_same_month = stay.moved_in_elsewhere is not None and loss is not None and \
        month_of_day(stay.moved_in_elsewhere) == month_of_day(loss)
    if same_month and not next_same_month and month_of_day(stay.moved_in) in _fiscal_months(fiscal_year):
        months = sorted({*months, month_of_day(stay.moved_in)})
    birth = parse_day(row.get("生年月日", ""))
    if birth is not None and "kokuho_billed_after_75" not in defects:
        # 国保法 第6条第8号: from the 75th birthday the person is a 後期高齢者医療 被保険者; 国保 bills no month from
        # the month of that birthday on.
        months = [month for month in months if month < month_of_day(_years_later(birth, 75))]
    previous = row.get("転入前住所_市区町村コード", "")
    here = row.get("住所_市区町村コード", "")
    continued = bool(previous) and previous[:2] == here[:2] and stay.moved_in >= _PREFECTURE_UNIT
    if "kokuho_municipal_unit" in defects:  # the 市町村 as the unit, as before 平成30年4月
        continued = False
    if loss is not None and stay.elsewhere_same_day and "kokuho_loss_always_next_day" in defects:
        loss += timedelta(days=1)  # the answer's 喪失日 only: the billed months above keep the right one
    if loss is not None and row.get("住民状態") == "9" and "kokuho_lost_on_removal_day" in defects:
        loss = stay.moved_out  # the 消除's 異動日 read as a move elsewhere that day (the answer's 喪失日 only)
    acquired: date | None = stay.moved_in
    if _status_notice(row) and "kokuho_reacquired_on_stay_renewal" in defects:
        acquired = parse_day(row.get("異動日", "")) or acquired  # the 更新 read as a new 資格 (the answer's only)
    if acquired is not None and _welfare_pieces(record or {}):
        acquired, loss = _around_welfare(acquired, loss, record or {}, as_of, defects)
    return {"取得日": acquired.isoformat() if acquired else None, "喪失日": loss.isoformat() if loss else None,
            "都道府県内継続": continued, "賦課月": [{"月": iso_month(m)} for m in months], "被保険者": insured,
            "一部負担金割合": _copay(row, as_of, defects) if insured else None,
            "住所地特例_市区町村コード": _deemed_town(row, record or {}, defects),
            # 第76条第3項: levied for the 被保険者 who are 第2号被保険者 (the defect: for every resident of that age).
            "介護納付金分賦課": (insured or "kokuho_kaigo_share_without_kokuho" in defects)
            and _second_insured_age(row, as_of, defects),
            "納付義務者": _payer(row, insured, householder, defects)}


def _status_notice(row: Row) -> bool:
    """Whether the row is a 外国人住民's 修正 by a 出入国在留管理庁長官通知 (法第30条の50: the driver's ``moj_notices``
    writes a 職権修正 dated its 通知年月日), e.g. a 在留期間の更新."""
    return row.get("住民種別") == "2" and row.get("異動事由区分") == "職権修正" \
        and bool(row.get("通知年月日")) and row.get("通知年月日") == row.get("異動日")


def _kaigo_billed(stay: Stay, birth: date, acquired: date | None, fiscal_year: int,
                  defects: frozenset[str]) -> list[Month]:
    """介護保険法 第129条: the 第1号 premium from the month of 取得 to the month before 喪失, none before 65."""
    if "kaigo_bills_second_insured" in defects:
        forty = _years_later(birth, 40) - timedelta(days=1)
        start = max(forty, stay.moved_in)
        acquired = start if stay.moved_out is None or start <= stay.moved_out else None
    if acquired is None:
        return []
    months = _billed(acquired, stay.loss, fiscal_year, loss_month_too=False)
    if "kaigo_premium_stops_at_75" in defects:
        months = [m for m in months if m < month_of_day(_years_later(birth, 75))]
    return months


def _kaigo_second(row: Row, stay: Stay, record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool:
    """介護保険法 第9条第2号: a resident aged forty to sixty-four who is a 医療保険加入者 (the harness's 介護保険
    record: 医療保険_加入年月日, 医療保険_喪失年月日), from the day forty is reached (第10条第1項第1号), the
    move-in (第2号) or the day of joining (第3号) to the day the 加入 ends (第11条第2項: その日から) or sixty-five
    is reached."""
    birth = parse_day(row.get("生年月日", ""))
    joined, left = parse_day(record.get("医療保険_加入年月日", "")), parse_day(record.get("医療保険_喪失年月日", ""))
    if birth is None:
        return False
    if "kaigo_second_without_medical" in defects:
        joined, left = stay.moved_in, None
    if joined is None:
        return False
    if "kaigo_second_joining_next_day" in defects:
        joined += timedelta(days=1)
    if left is not None and "kaigo_second_lost_next_day" in defects:
        left += timedelta(days=1)
    forty = _years_later(birth, 40) if "kaigo_second_from_fortieth_birthday" in defects else _eve(birth, 40)
    # The defects: 六十五歳未満 read up to the 65th birthday (65 reached on it, not the day before), and the 住所 here
    # counted from the day after the move-in (第10条第1項第2号 read as 第11条第1項's 翌日).
    sixty_five = _years_later(birth, 65) if "kaigo_second_until_sixty_fifth_birthday" in defects else _eve(birth, 65)
    arrived = stay.moved_in + timedelta(days=1) if "kaigo_second_day_after_move_in" in defects else stay.moved_in
    # The defect: the 住所's end not read for the 第2号 (第11条第1項 read for the 第1号 only).
    kept = "kaigo_second_kept_after_leaving" in defects
    resident = arrived <= as_of and (stay.loss is None or as_of < stay.loss or kept)
    return resident and joined <= as_of and (left is None or as_of < left) and forty <= as_of < sixty_five


#: 介護保険法 第13条第1項各号 (住所地特例対象施設); 第3号's 養護老人ホーム only with the 入所措置.
_KAIGO_FACILITIES = frozenset({"介護保険施設", "特定施設", "養護老人ホーム"})


def _kaigo_insurer(row: Row, record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """介護保険法 第13条: the 市町村 whose 被保険者 a person who moved here into a 住所地特例対象施設 is (the harness's
    介護保険 record: 入所等_区分, 入所等_入所措置): where the address was before (転入前住所); a 特定継続入所被保険者:
    where it was when the first 入所等 began (第2項第1号). None: this town's."""
    kind = record.get("入所等_区分", "")
    if kind not in _KAIGO_FACILITIES:
        return None
    if kind == "養護老人ホーム" and record.get("入所等_入所措置") != "有" \
            and "kaigo_facility_measure_ignored" not in defects:
        return None
    here, town = row.get("住所_市区町村コード", ""), row.get("転入前住所_市区町村コード", "")
    first = record.get("継続入所等_最初の入所等の際の住所_市区町村コード", "")
    if first and "kaigo_facility_chain_last_town" not in defects:
        town = first
    return town if town and town != here else None


def _kept_by_facility(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """介護保険法 第13条第1項 seen from this town: a 被保険者 who moved out into a 住所地特例対象施設 in another 市町村
    (the harness's 介護保険 record: 転出先入所等_区分, 転出先入所等_入所措置) stays this town's 被保険者."""
    kind = record.get("転出先入所等_区分", "")
    if kind not in _KAIGO_FACILITIES or "kaigo_facility_sender_dropped" in defects:
        return False
    # The defect: 第3号's 養護老人ホーム kept without the 入所措置 too (the 括弧書 read on the receiving side only).
    return kind != "養護老人ホーム" or record.get("転出先入所等_入所措置") == "有" \
        or "kaigo_facility_sender_measure_ignored" in defects


def _care_certification(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, str | None]:
    """介護保険法 第27条: a 要介護認定 takes effect from the day of its 申請 (第8項); the 処分 is due within thirty
    days of the 申請 (第11項), the day after it counted first (民法 第140条)."""
    applied = parse_day(record.get("要介護認定_申請年月日", ""))
    certified = parse_day(record.get("要介護認定_認定年月日", ""))
    if applied is None:
        return {"要介護認定_効力発生日": None, "要介護認定_処分期限": None}
    effective = certified if certified is not None and "kaigo_certification_from_decision" in defects else applied
    days = 29 if "kaigo_deadline_counts_application_day" in defects else 30
    # The defect: a 申請 not decided yet answered effective from its day (no 認定 to take effect: null).
    decided = certified is not None or "kaigo_certification_effective_before_decision" in defects
    return {"要介護認定_効力発生日": effective.isoformat() if decided else None,
            "要介護認定_処分期限": _postponed(applied + timedelta(days=days), record, defects).isoformat()}


def _postponed(due: date, record: Mapping[str, str], defects: frozenset[str]) -> date:
    """介護保険法 第27条第11項ただし書: a 延期 whose 処理見込期間 was notified by the thirtieth day (``due``) moves the
    処分 to the last day of that 期間 (the record's 要介護認定_処理見込期間_末日); a later notice moves nothing."""
    notified = parse_day(record.get("要介護認定_延期通知年月日", ""))
    until = parse_day(record.get("要介護認定_処理見込期間_末日", ""))
    if notified is None or until is None or "kaigo_postponement_ignored" in defects:
        return due
    if notified > due and "kaigo_late_postponement_accepted" not in defects:
        return due
    return max(due, until)


def kaigo(row: Row, stay: Stay | None, fiscal_year: int, as_of: date, defects: frozenset[str],
          record: Mapping[str, str] | None = None) -> dict[str, Any]:
    """介護 第1号 (介護保険法 第9条〜第11条, 第129条): whether a 第1号被保険者 on ``as_of``, 資格取得日 (65 on
    the day before the birthday, or the move-in), 資格喪失日 (the day after the address ends, or that
    day when the person had an address elsewhere that day) and the billed months of the year."""
    birth = parse_day(row.get("生年月日", ""))
    if stay is None or birth is None:
        return {"第1号被保険者": False, "資格取得日": None, "資格喪失日": None, "賦課月": [], "第2号被保険者": False,
                "住所地特例_市区町村コード": None, **_care_certification(record or {}, defects)}
    if _kept_by_facility(record or {}, defects):
        stay = Stay(stay.moved_in, None, False, None, None)  # 第13条第1項: still this town's 被保険者
    birthday = _years_later(birth, 65)
    age65 = birthday - timedelta(days=1)
    # 第11条第1項: 資格 ends on the 資格喪失日 (the day after the address ends, or that day when the person had an
    # address elsewhere that day: ただし書, その日から); on it the person is no longer this town's 第1号被保険者.
    last = stay.loss
    if "kaigo_insured_on_move_day" in defects and stay.moved_out is not None:
        last = stay.moved_out + timedelta(days=1)  # the misreading: the move day still counted as 資格 here
    gone = last is not None and as_of >= last and "kaigo_insured_after_leaving" not in defects
    insured = stay.moved_in <= as_of and not gone and as_of >= age65
    correct = max(age65, stay.moved_in)
    if stay.moved_out is not None and correct > stay.moved_out:
        lost = None
    elif stay.died is not None and "kaigo_lost_on_death_day" in defects:
        lost = stay.died
    elif stay.elsewhere_same_day and stay.moved_out is not None and "kaigo_lost_after_move_day" in defects:
        lost = stay.moved_out + timedelta(days=1)
    else:
        lost = stay.loss
    acquired: date | None = max(birthday if "kaigo_on_birthday" in defects else age65, stay.moved_in)
    if stay.moved_out is not None and acquired is not None and acquired > stay.moved_out:
        acquired = None
    shown = acquired
    if shown is not None and shown == stay.moved_in > age65 and not row.get("転入前住所_市区町村コード") \
            and "kaigo_entry_next_day" in defects:
        shown = stay.moved_in + timedelta(days=1)
    months = _kaigo_billed(stay, birth, acquired, fiscal_year, defects)
    return {"第1号被保険者": insured, "資格取得日": shown.isoformat() if shown else None,
            "資格喪失日": lost.isoformat() if lost else None, "賦課月": [{"月": iso_month(m)} for m in months],
            "第2号被保険者": _kaigo_second(row, stay, record or {}, as_of, defects),
            "住所地特例_市区町村コード": _kaigo_insurer(row, record or {}, defects),
            **_care_certification(record or {}, defects)}


def _counts(birth: date, month: Month, defects: frozenset[str]) -> bool:
    return month_of_day(birth) < month <= month_of_day(_child_end_day(birth, defects))


def _three_and_over_from(birth: date, defects: frozenset[str]) -> Month:
    """The first month at the 三歳以上 rate: the month after the 3rd birthday's (a child born on the 1st
    becomes 三歳以上 on the birthday itself, three years after birth: 第6条第2項第4号, 第5号)."""
    if "jido_teate_three_from_age_day" in defects:
        return add_month(month_of_day(_years_later(birth, 3) - timedelta(days=1)))
    return add_month(month_of_day(_years_later(birth, 3)))


def _child_end_day(birth: date, defects: frozenset[str]) -> date:
    """The last day the child is a 児童 (第3条第1項): the first 3月31日 on or after the day 18 is reached."""
    reached = _years_later(birth, 18)
    if "jido_teate_child_end_from_birthday" not in defects:
        reached -= timedelta(days=1)
    return date(reached.year, 3, 31) if reached <= date(reached.year, 3, 31) else date(reached.year + 1, 3, 31)


def jido_teate(row: Row, children: Sequence[Row], fiscal_year: int, stay: Stay | None, as_of: date,
               defects: frozenset[str]) -> dict[str, Any]:
    """児童手当 for a claimant: 受給資格 on ``as_of``, the first and last paid months (15日特例, the month
    of a move-out or death), the payment month of each month, and each child's monthly amounts."""
    births = [(b, child.get("宛名番号", "")) for child in children if (b := parse_day(child.get("生年月日", "")))]
    eligible = _jido_eligible(row, stay, [b for b, _ in births], as_of, defects)
    claimed = parse_day(row.get("児童手当_請求年月日", ""))
    if claimed is None or not births:
        return {"受給資格": eligible, "支給開始月": None, "支給終了月": None, "支払期月": [], "児童": []}
    first = _start(row, [b for b, _ in births], claimed, defects)
    last = _end_month(stay, defects)
    year_months = [m for m in _fiscal_months(fiscal_year) if m >= _REFORM and (last is None or m <= last)]
    months = [m for m in year_months if m >= first]
    ordered = sorted(births)
    result = []
    for birth, atena in ordered:
        amounts = [{"月": iso_month(m), "金額": _amount((birth, atena), ordered, m, defects)} for m in months]
        if last is not None and stay is not None and stay.moved_out is not None \
                and "jido_teate_prorated_last_month" in defects:
            amounts = [_prorated(entry, stay.moved_out) if entry["月"] == iso_month(last) else entry
                       for entry in amounts]
        order = 1 + sum(1 for other, _ in ordered if other < birth)
        result.append({"宛名番号": atena, "順位": order, "月額": amounts,
                       "児童該当終了日": _child_end_day(birth, defects).isoformat(),
                       "三歳以上算定開始月": iso_month(_three_and_over_from(birth, defects))})
    return {"受給資格": eligible, "支給開始月": iso_month(first), "支給終了月": iso_month(last) if last else None,
            "支払期月": [{"月": iso_month(m), "支払月": iso_month(_paid_in(m, defects))} for m in year_months],
            "児童": result}


def _end_month(stay: Stay | None, defects: frozenset[str]) -> Month | None:
    """第8条第2項: the month of the day the 支給すべき事由 消滅した (the 転出予定日, the day of death), None while
    resident. The defect ``jido_teate_end_month_day_after_move``: the month of the day after (a move on a month's last
    day paid a month more; blind round 3, 23)."""
    if stay is None or stay.moved_out is None:
        return None
    if "jido_teate_end_month_day_after_move" in defects:
        return month_of_day(stay.moved_out + timedelta(days=1))
    return month_of_day(stay.moved_out)


def _jido_eligible(row: Row, stay: Stay | None, births: list[date], as_of: date, defects: frozenset[str]) -> bool:
    """第4条第1項第1号: a 児童 in the household and an address in Japan on ``as_of`` (a 転出 without a
    転入通知 is a move abroad; a move within Japan keeps the 支給要件, a death ends it)."""
    if stay is None or (stay.died is not None and as_of > stay.died):
        return False
    abroad = stay.moved_out is not None and not row.get("転出先住所（確定）_市区町村コード")
    if abroad and stay.moved_out is not None and as_of > stay.moved_out and "jido_teate_eligible_abroad" not in defects:
        return False
    return any(birth <= as_of <= _child_end_day(birth, defects) for birth in births)


def _paid_in(month: Month, defects: frozenset[str]) -> Month:
    """第8条第4項: paid in the even months, each payment for the months before it."""
    if "jido_teate_paid_in_own_month" in defects:
        return month if month[1] % 2 == 0 else add_month(month)
    paid = add_month(month)
    return paid if paid[1] % 2 == 0 else add_month(paid)


def _prorated(entry: dict[str, Any], last_day: date) -> dict[str, Any]:
    days = (date(last_day.year + last_day.month // 12, last_day.month % 12 + 1, 1) - timedelta(days=1)).day
    return {**entry, "金額": entry["金額"] * last_day.day // days}


def _start(row: Row, births: list[date], claimed: date, defects: frozenset[str]) -> Month:
    """第8条第2項, 第3項: from the month after the 請求, or after the earliest birth or move (the 転出予定日 at the old
    address) the 請求 came within 15 days of. A move counts when a child of the household was born by then (a
    受給資格者 who moved); a birth inside the 15 days of a move does not drop the move's (found from outside: the
    move was dropped and payment began a month late)."""
    moved_item = "届出年月日" if "jido_teate_move_from_notification" in defects else "転入前住所_転出予定年月日"
    moved = parse_day(row.get(moved_item, ""))  # the defect: the day of the 転入届, not of the move
    events = [born for born in births if born <= claimed]
    a_child_then = moved is not None and any(born <= moved <= _child_end_day(born, defects) for born in births)
    if moved is not None and moved <= claimed and a_child_then:
        events.append(moved)
    if "jido_teate_move_dropped_by_birth" in defects:  # only the latest birth or move counts
        latest = max((day for day in (moved, *births) if day is not None and day <= claimed), default=None)
        events = [latest] if latest is not None else []
    within = [event for event in events if claimed <= event + timedelta(days=15)]
    if within and "jido_teate_no_15day_rule" not in defects:
        return add_month(month_of_day(min(within)))
    return add_month(month_of_day(claimed))


def _amount(child: tuple[date, str], ordered: list[tuple[date, str]], month: Month, defects: frozenset[str]) -> int:
    """The amount for one child; its order counts the children (eldest first, then 宛名番号) who
    count in that month."""
    birth = child[0]
    if not _counts(birth, month, defects):
        return 0
    rank = sum(1 for other in ordered if other <= child and _counts(other[0], month, defects))
    if rank >= 3:
        return 30_000
    return 15_000 if month < _three_and_over_from(birth, defects) else 10_000


def support(row: Row, stay: Stay | None, as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """The DV 支援措置 of a person (j440): period, extension, and whether protection holds on ``as_of``."""
    start = parse_day(row.get("支援措置_開始年月日", ""))
    if start is None:
        return {"開始日": None, "終了日": None, "延長可能開始日": None, "延長後終了日": None,
                "保護中": False, "継続区分": None, "アラート": [], "期間終了アラート": False}
    end = parse_day(row.get("支援措置_終了年月日", "")) or _period_end(start, defects)
    extended = _period_end(end if "dv_extension_from_old_end" in defects else end + timedelta(days=1), defects)
    moved_out = stay.moved_out if stay is not None and row.get("住民状態") == "2" else None
    after_move = moved_out is not None and as_of >= moved_out
    protected = as_of >= start and not (after_move and "dv_ends_at_move_out" in defects)
    alerts = support_alerts(end, as_of)
    if "dv_ended_alert_on_last_day" in defects and as_of == end:  # the defect: 終了している on its last day
        alerts = [{"コード": "J440-A02", "メッセージ": SUPPORT_ALERTS["J440-A02"]}]
    return {"開始日": start.isoformat(), "終了日": end.isoformat(), "延長可能開始日": _month_before(end).isoformat(),
            "延長後終了日": extended.isoformat(), "保護中": protected,
            "継続区分": ("前住所地" if after_move else "現住所地") if protected else None,
            "アラート": alerts, "期間終了アラート": any(alert["コード"] == ENDED_ALERT for alert in alerts)}


#: The alert that the period has ended (3.4 R006), published as 支援措置.期間終了アラート (schemas.yaml).
ENDED_ALERT = "J440-A02"
#: The alerts of j440 (3.4 R005, R006) as the reference shows them: codes ours, wording from the text.
SUPPORT_ALERTS = {
    "J440-A01": "１か月以内に支援措置の期間が終了します",
    "J440-A02": "支援措置の期間が終了しています",
}


def support_alerts(end: date, as_of: date) -> list[dict[str, str]]:
    """The alerts shown with a protected person's record on ``as_of`` (j440): from one month before
    the period's end, that it ends within a month; after the end (not extended), that it has ended."""
    if as_of > end:
        code = "J440-A02"
    elif as_of >= _month_before(end):
        code = "J440-A01"
    else:
        return []
    return [{"コード": code, "メッセージ": SUPPORT_ALERTS[code]}]


def _period_end(start: date, defects: frozenset[str]) -> date:
    later = _years_later(start, 1)
    return later if "dv_period_not_one_year" in defects else later - timedelta(days=1)


def _month_before(day: date) -> date:
    year, month = add_month(month_of_day(day), -1)
    for candidate in range(day.day, 27, -1):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    return date(year, month, min(day.day, 28))
