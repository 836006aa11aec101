"""The reference vendor's 個人住民税 (地方税法 第294条〜第320条), read from its 住民記録 rows.

Written apart from :mod:`conformance.domains.kojin_juminzei.oracle` on purpose (the scenario checks compare the two;
a bug shared by both would hide itself). Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, juminzei_levied, parse_day

#: 指定都市 (地方自治法 第252条の19第1項) by the first four digits of their codes (wards included):
#: 札幌 0110, 仙台 0410, さいたま 1110, 千葉 1210, 横浜 1410, 川崎 1413, 相模原 1415, 新潟 1510,
#: 静岡 2210, 浜松 2213, 名古屋 2310, 京都 2610, 大阪 2710, 堺 2714, 神戸 2810, 岡山 3310, 広島 3410,
#: 北九州 4010, 福岡 4013, 熊本 4310.
_DESIGNATED = frozenset({"0110", "0410", "1110", "1210", "1410", "1413", "1415", "1510", "2210", "2213", "2310",
                         "2610", "2710", "2714", "2810", "3310", "3410", "4010", "4013", "4310"})


def _birthday(birth: date, years: int, defects: frozenset[str]) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日, in a year without one
        if "juminzei_leap_birthday_passed" in defects:
            return birth  # the age taken as reached at birth
        return date(birth.year + years, 3, 1)


def _reached(birth: date, years: int, defects: frozenset[str]) -> date:
    """年齢計算ニ関スル法律: an age is reached the day before the birthday (a 2月29日 birth's, in a year without one,
    on 2月28日)."""
    return _birthday(birth, years, defects) - timedelta(days=1)


def kojin_juminzei(row: Row, stay: Stay | None, fiscal_year: int, defects: frozenset[str],
                   record: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The 個人住民税 of one person for 年度 ``fiscal_year`` as this town levies it (``record``: the person's
    個人住民税 record: 生活扶助, 家屋敷, the income of the 前年)."""
    record = record or {}
    levied = juminzei_levied(row, stay, fiscal_year, defects)
    if levied and row.get("住民種別") == "2" and "juminzei_foreign_skipped" in defects:
        levied = False
    birth = parse_day(row.get("生年月日", ""))
    taxes = _taxes(levied, defects)
    if (_aided(record, fiscal_year, defects) or _deemed_elsewhere(row, record, fiscal_year, defects)
            or _low_income(record, birth, fiscal_year, defects)):
        taxes = []  # 第295条第1項第1号, 第2号; 第294条第4項
    elif not levied and _house_here(row, record, defects) and not _below_town_limit(record, defects):
        taxes = ["均等割"]  # 第294条第1項第2号 (第295条第3項: not at or below the town's 条例's amount)
    income = _income_of(record, fiscal_year, _rate(row, levied, defects), defects) if levied and record else {}
    answer: dict[str, Any] = {
        "課税": levied,
        "賦課期日": date(fiscal_year, 4 if "juminzei_levy_date_fiscal_start" in defects else 1, 1).isoformat(),
        "課する税": taxes, "均等割額": _kintowari(levied, fiscal_year, defects),
        "所得割税率": _rate(row, levied, defects) if levied or "juminzei_rate_unlevied" in defects else None,
        "課税標準の所得年": (fiscal_year if "juminzei_current_year_income" in defects else fiscal_year - 1)
        if levied else None,
        "納期": _payment_months(fiscal_year, defects) if levied else [],
        "未成年者": _minor(birth, fiscal_year, defects),
        "十五歳未満": _under_fifteen(birth, stay, fiscal_year, defects),
        "総所得金額": income.get("総所得金額"), "課税総所得金額": income.get("課税総所得金額"),
        "所得割額": income.get("所得割額"), "事業専従者控除額": _senjusha(record, defects) if levied else None,
        "給与所得に係る収入金額": _salary_income(record, defects),
        "分離課税に係る所得割を課する": _separate_tax(record, defects),
        "青色事業専従者給与の必要経費算入額": _blue_expense(record, defects),
    }
    return answer


def _aided(record: Mapping[str, str], fiscal_year: int, defects: frozenset[str]) -> bool:
    """第295条第1項第1号: 生活扶助 on 1月1日 (begun by then, its 廃止 later)."""
    begun, ended = parse_day(record.get("生活扶助_開始年月日", "")), parse_day(record.get("生活扶助_廃止年月日", ""))
    levy = date(fiscal_year, 1, 1)
    if begun is None or begun > levy:
        return False
    if ended is None:
        return True
    return levy <= ended if "juminzei_aid_through_haishi" in defects else levy < ended


def _low_income(record: Mapping[str, str], birth: date | None, fiscal_year: int, defects: frozenset[str]) -> bool:
    """第295条第1項第2号: a 障害者, 寡婦 or ひとり親 (the record says which) or a 未成年者 whose 前年の合計所得金額 (the
    record's) is not above 135万円. A record without the 合計所得金額 exempts nobody."""
    income = record.get("合計所得金額", "")
    if not income.isdigit():
        return False
    named = record.get("第295条第1項第2号区分") in ("障害者", "寡婦", "ひとり親")
    if not (named or _minor(birth, fiscal_year, defects)):
        return False
    if "juminzei_low_income_limit_exclusive" in defects:
        return int(income) < 1_350_000
    return int(income) <= 1_350_000


#: 第295条第3項: the town's 条例 (見本町's, fictional) exempts from the 均等割 a person liable to it only whose
#: 前年の合計所得金額 is at or below 450,000円 (no 同一生計配偶者 or 扶養親族).
_TOWN_KINTOWARI_LIMIT = 450_000


def _below_town_limit(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第295条第3項 at the town's 条例's amount; a record without the 合計所得金額 exempts nobody."""
    income = record.get("合計所得金額", "")
    if not income.isdigit() or "juminzei_kintowari_limit_ignored" in defects:
        return False
    return int(income) <= _TOWN_KINTOWARI_LIMIT


def _deemed_elsewhere(row: Row, record: Mapping[str, str], fiscal_year: int, defects: frozenset[str]) -> bool:
    """第294条第4項: another municipality levied this 年度 under 第3項 (its 通知 on the record)."""
    if "juminzei_deemed_levy_ignored" in defects:
        return False
    other = record.get("第294条第3項課税_市町村コード", "")
    return record.get("第294条第3項課税_年度") == str(fiscal_year) and other not in ("", row.get("住所_市区町村コード"))


def _house_here(row: Row, record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第294条第1項第2号: a 家屋敷 in this town (its code) of a person without 住所 here on 1月1日."""
    if "juminzei_house_untaxed" in defects:
        return False
    return bool(record.get("家屋敷_市区町村コード")) and record.get("家屋敷_市区町村コード") == row.get(
        "住所_市区町村コード")


def _yen(record: Mapping[str, str], item: str) -> int:
    text = record.get(item, "")
    return int(text) if text.isdigit() else 0


def _income_of(record: Mapping[str, str], fiscal_year: int, rate: int, defects: frozenset[str]) -> dict[str, int]:
    """第313条 (総所得金額: 第8項's 純損失, 第12項-第15項's 特定配当等 and 特定株式等), 第314条の3 (課税総所得金額,
    所得割)."""
    total = _yen(record, "所得の金額")
    if record.get("特定配当等_申告記載") == "1" or "juminzei_dividends_always_included" in defects:
        total += _yen(record, "特定配当等の所得の金額")
    if record.get("特定株式等譲渡所得金額_申告記載") == "1" and "juminzei_share_gains_always_excluded" not in defects:
        total += _yen(record, "特定株式等譲渡所得金額")
    loss_year = _yen(record, "純損失の年")
    oldest = fiscal_year - (5 if "juminzei_loss_four_years" in defects else 4)
    if (oldest <= loss_year <= fiscal_year - 2 and record.get("純損失_青色申告") == "1"
            and record.get("純損失_連続申告") == "1"):
        total -= min(total, _yen(record, "純損失の金額"))
    deducted = total if "juminzei_deductions_ignored" in defects else max(0, total - _yen(record, "所得控除額"))
    base = total if "juminzei_shotokuwari_on_total" in defects else deducted
    return {"総所得金額": total, "課税総所得金額": deducted, "所得割額": base * rate // 100}


def _senjusha(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    """第313条第4項: each 事業専従者's lower of 86万円 (配偶者) or 50万円 and the income / (their number + 1)."""
    if "事業所得の金額" not in record:
        return None
    stated = any(record.get(item) == "1"
                 for item in ("事業専従者_申告記載", "申告義務なし", "記載なしやむを得ない事情"))
    if not stated and "juminzei_senjusha_without_declaration" not in defects:
        return 0  # 第313条第6項
    spouse = record.get("事業専従者_配偶者") == "1"
    others = _yen(record, "事業専従者_その他の数")
    divided = _yen(record, "事業所得の金額") // (int(spouse) + others + 1)
    if "juminzei_senjusha_fixed_only" in defects:
        divided = 10**12
    return (min(860_000, divided) if spouse else 0) + others * min(500_000, divided)


def _taxes(levied: bool, defects: frozenset[str]) -> list[str]:
    if not levied:
        return []
    return ["均等割"] if "juminzei_no_shotokuwari" in defects else ["均等割", "所得割"]


def _kintowari(levied: bool, fiscal_year: int, defects: frozenset[str]) -> int | None:
    """第310条: 3,000円 (the 復興特別 surcharge of 500円 ended with 令和5年度)."""
    if not levied:
        return None
    surcharge = fiscal_year <= 2023 or "juminzei_kintowari_surcharge_kept" in defects
    return 3500 if surcharge else 3000


def _rate(row: Row, levied: bool, defects: frozenset[str]) -> int:
    """第314条の3第1項: 6%, or 8% in a 指定都市."""
    code = row.get("住所_市区町村コード", "")
    designated = code[:4] in _DESIGNATED or "juminzei_designated_city_rate" in defects
    return 8 if designated else 6


def _payment_months(fiscal_year: int, defects: frozenset[str]) -> list[str]:
    """第320条: 6月, 8月, 10月 and the 1月 of the next calendar year."""
    january = fiscal_year if "juminzei_january_of_same_year" in defects else fiscal_year + 1
    return [f"{fiscal_year}-06", f"{fiscal_year}-08", f"{fiscal_year}-10", f"{january}-01"]


def _minor(birth: date | None, fiscal_year: int, defects: frozenset[str]) -> bool | None:
    """第295条第1項第2号's 未成年者 on the 賦課期日 (1月1日), 成年 18."""
    if birth is None:
        return None
    day = date(fiscal_year, 4, 1) if "juminzei_minor_on_april_first" in defects else date(fiscal_year, 1, 1)
    return _reached(birth, 18, defects) > day


def _under_fifteen(birth: date | None, stay: Stay | None, fiscal_year: int, defects: frozenset[str]) -> bool | None:
    """第313条第7項: 十五歳未満 judged on 前年の十二月三十一日 (前年の中途において死亡した場合には、死亡当時)."""
    if birth is None:
        return None
    day = date(fiscal_year, 1, 1) if "juminzei_fifteen_on_levy_date" in defects else date(fiscal_year - 1, 12, 31)
    died = None if stay is None else stay.died
    if died is not None and died.year == fiscal_year - 1 and "juminzei_fifteen_death_ignored" not in defects:
        day = died
    return _reached(birth, 15, defects) > day


def _salary_income(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    """第313条第5項: the 事業専従者控除額 deducted for the person counts as their 給与収入."""
    if "給与の収入金額" not in record and "事業専従者控除額_受けた額" not in record:
        return None
    deemed = 0 if "juminzei_senjusha_salary_ignored" in defects else _yen(record, "事業専従者控除額_受けた額")
    return _yen(record, "給与の収入金額") + deemed


def _separate_tax(record: Mapping[str, str], defects: frozenset[str]) -> bool | None:
    """第295条第2項: 生活扶助 for the 分離課税 on a 退職手当等, as of 1月1日 of the year it is paid."""
    paid = parse_day(record.get("退職手当等_支払日", ""))
    if paid is None:
        return None
    day = paid if "juminzei_separate_tax_aid_on_payment_day" in defects else date(paid.year, 1, 1)
    begun, ended = parse_day(record.get("生活扶助_開始年月日", "")), parse_day(record.get("生活扶助_廃止年月日", ""))
    aided = begun is not None and begun <= day and (ended is None or day < ended)
    return not aided


def _blue_expense(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    """第313条第3項: the 青色事業専従者's 給与 within the 書類's amount; without the 書類 for a reason, when the
    申告書 states it (or its omission is found unavoidable) or none is due."""
    if "青色事業専従者給与_支払額" not in record:
        return None
    paid = _yen(record, "青色事業専従者給与_支払額")
    if "青色事業専従者給与_書類記載額" in record:
        return paid if paid <= _yen(record, "青色事業専従者給与_書類記載額") else 0
    if "juminzei_blue_senjusha_filed_only" in defects:
        return 0
    reason = record.get("青色事業専従者給与_書類不提出の理由") == "1"
    # The 申告書 stating the 専従者 (one whose omission the 市町村長 finds unavoidable counts: 第2文's 括弧書), or
    # none due.
    unavoidable = record.get("記載なしやむを得ない事情") == "1" and "juminzei_blue_unavoidable_ignored" not in defects
    stated = record.get("事業専従者_申告記載") == "1" or record.get("申告義務なし") == "1" or unavoidable
    return paid if reason and stated else 0
