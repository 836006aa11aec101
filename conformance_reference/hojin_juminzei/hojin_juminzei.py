"""The reference vendor's 法人住民税 (the 法人 of 市町村民税: 地方税法 第294条, 第312条, 第314条の4, 第321条の8),
read from the person's 法人住民税 record (the corporation the person represents: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.hojin_juminzei.oracle` on purpose (the table as bands of capital
here, as 号 there; the months by year and month arithmetic here, by stepping there): the scenario checks
compare the two. Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day

#: 第312条第1項: (資本金等の額 at most, 号 with 五十人以下, 号 with more) in rising order; None: no bound.
_BANDS: tuple[tuple[int | None, int, int], ...] = (
    (10_000_000, 1, 2), (100_000_000, 3, 4), (1_000_000_000, 5, 6), (5_000_000_000, 7, 8), (None, 7, 9),
)
_YEN = {1: 50_000, 2: 120_000, 3: 130_000, 4: 150_000, 5: 160_000, 6: 400_000, 7: 410_000, 8: 1_750_000,
        9: 3_000_000}
#: 第314条の4第1項 (per mille): the 標準税率; what ``hojin_juminzei_corporate_at_ceiling`` and
#: ``hojin_juminzei_corporate_rate_before_2019`` (the rate of 平成26年10月-令和元年9月) answer.
_CORPORATE, _CEILING, _BEFORE_2019 = 60, 84, 97
_NOT_LIABLE: dict[str, Any] = {"納税義務者": False, "課税区分": [], "均等割区分": None, "均等割月数": None,
                               "均等割額": None, "法人税額": None, "法人税割額": None, "申告納付期限": None,
                               "みなし申告日": None}


def _number(record: Mapping[str, str], item: str) -> int | None:
    text = record.get(item, "")
    return int(text) if text.isdigit() else None


def _class(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    capital, paid_in = _number(record, "資本金等の額"), _number(record, "資本金及び資本準備金の合算額")
    employees = _number(record, "従業者数")
    if "hojin_juminzei_employees_at_start" in defects and "従業者数_事業年度開始日" in record:
        employees = _number(record, "従業者数_事業年度開始日")
    if capital is None or employees is None:
        return None
    mutual = record.get("相互会社") == "1" and "hojin_juminzei_mutual_company_floored" not in defects
    if (paid_in is not None and paid_in > capital and not mutual
            and "hojin_juminzei_capital_floor_ignored" not in defects):
        capital = paid_in
    bound = 50 if "hojin_juminzei_fifty_employees_over" not in defects else 49
    for ceiling, few, many in _BANDS:
        if ceiling is None or capital <= ceiling:
            return many if employees > bound else few
    return None


def _months(start: date, end: date, defects: frozenset[str]) -> int:
    """第312条第4項: calendar months of [start, end], under one counted as one, a remainder dropped."""
    after = end + timedelta(days=1)
    whole = (after.year - start.year) * 12 + after.month - start.month - (after.day < start.day)
    remainder = after.day != start.day
    if remainder and "hojin_juminzei_months_rounded_up" in defects:
        whole += 1
    return max(whole, 1)


def _two_months_after(end: date) -> date:
    """The last day of the second month after ``end``'s."""
    index = end.month + 2
    first_after = date(end.year + index // 12, index % 12 + 1, 1)
    return first_after - timedelta(days=1)


def _deadline(record: Mapping[str, str], end: date, defects: frozenset[str]) -> date | None:
    if "hojin_juminzei_deadline_ignores_extension" in defects:
        return _two_months_after(end)
    return parse_day(record.get("法人税申告書提出期限", ""))


def _corporate(base: int | None, defects: frozenset[str]) -> int | None:
    if base is None:
        return None
    rate = _CORPORATE
    if "hojin_juminzei_corporate_at_ceiling" in defects:
        rate = _CEILING
    if "hojin_juminzei_corporate_rate_before_2019" in defects:
        rate = _BEFORE_2019
    return base * rate // 1000


def _taxes(office_here: bool, dormitory_here: bool, defects: frozenset[str]) -> list[str]:
    if "hojin_juminzei_dormitory_untaxed" in defects:
        dormitory_here = False
    if office_here or (dormitory_here and "hojin_juminzei_dormitory_corporate_tax" in defects):
        return ["均等割", "法人税割"]
    return ["均等割"] if dormitory_here else []


def _by_kind(record: Mapping[str, str], town: str, office_here: bool, taxes: list[str],
             defects: frozenset[str]) -> list[str]:
    """第294条第1項第5号, 第5項-第8項: the taxes of a taxpayer of the record's 法人区分 (absent: a 法人)."""
    kind = record.get("法人区分", "")
    business_here = record.get("収益事業所在地_市区町村コード", "") == town
    if kind == "外国法人" and "hojin_juminzei_foreign_by_office" not in defects:
        pe_here = record.get("恒久的施設所在地_市区町村コード", "") == town  # 第5項
        if pe_here and "hojin_juminzei_foreign_equal_rate_only" in defects:
            return ["均等割"]
        return ["均等割", "法人税割"] if pe_here else []
    if kind == "第296条第1項第2号":  # 第6項
        return taxes if business_here or "hojin_juminzei_public_levied_anywhere" in defects else []
    if kind == "公益法人等" and "法人税割" in taxes and not business_here:  # 第7項
        return taxes if "hojin_juminzei_public_corporate_tax_everywhere" in defects else ["均等割"]
    if kind == "人格のない社団等":  # 第8項
        business = record.get("収益事業", "")
        if "hojin_juminzei_ceased_society_untaxed" in defects and business == "廃止":
            return []
        deemed = record.get("代表者又は管理人の定め") == "1" and business in ("行う", "廃止")
        return taxes if deemed else []
    if kind == "法人課税信託の受託個人":  # 第1項第5号 and its 柱書
        if not office_here:
            return []
        return ["均等割", "法人税割"] if "hojin_juminzei_trustee_equal_rate" in defects else ["法人税割"]
    return taxes


def hojin_juminzei(row: Mapping[str, str], record: Mapping[str, str], defects: frozenset[str]) -> dict[str, Any]:
    """The 法人住民税 part of the per-person query: the 市町村民税 of the corporation the person's record
    describes, for its 事業年度 (no record: not liable)."""
    town = row.get("住所_市区町村コード", "")
    office = record.get("事務所所在地_市区町村コード", "")
    office_here = bool(office) and (office == town or "hojin_juminzei_office_anywhere" in defects)
    taxes = _taxes(office_here, record.get("寮等所在地_市区町村コード", "") == town, defects)
    taxes = _by_kind(record, town, office_here, taxes, defects)
    start, end = parse_day(record.get("事業年度開始日", "")), parse_day(record.get("事業年度終了日", ""))
    if not taxes or start is None or end is None:
        return dict(_NOT_LIABLE)
    opened = parse_day(record.get("事務所等開設日", ""))
    months = _months(max(start, opened) if opened else start, end, defects)
    kind = _class(record, defects)
    yearly = _YEN[kind] if kind is not None else None
    if yearly is not None and "hojin_juminzei_equal_rate_one_and_a_half" in defects:
        yearly = yearly * 3 // 2
    prorate = "hojin_juminzei_not_prorated" not in defects
    levied = "法人税割" in taxes or "hojin_juminzei_corporate_amount_always" in defects
    base = _number(record, "法人税額") if levied else None
    deadline = _deadline(record, end, defects)
    return {
        "納税義務者": True,
        "課税区分": taxes,
        "均等割区分": kind,
        "均等割月数": months,
        "均等割額": (yearly * months // 12 if prorate else yearly) if yearly is not None else None,
        "法人税額": base,
        "法人税割額": _corporate(base, defects),
        "申告納付期限": deadline.isoformat() if deadline else None,
        "みなし申告日": _deemed_return(record, defects),
    }


def _deemed_return(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第321条の8第1項後段, 第2項後段: not filed by the 提出期限 -> deemed filed on it."""
    due = parse_day(record.get("中間申告書提出期限", ""))
    if due is None:
        return None
    filed = parse_day(record.get("中間申告書提出日", ""))
    late = filed is None or (filed >= due if "hojin_juminzei_filed_on_deadline_late" in defects else filed > due)
    return due.isoformat() if late else None
