"""The reference vendor's 固定資産税 (地方税法 第341条, 第342条, 第343条, 第349条, 第349条の2, 第350条,
第351条, 第359条, 第362条), read from the person's 固定資産税 record (one asset: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.kotei_shisan_zei.oracle` on purpose (dates as text spans, the year's
place in its cycle counted here from 令和6年度): the scenario checks compare the two. Named defects
(``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Stay, parse_day

#: 第351条: 土地 三十万円, 家屋 二十万円, 償却資産 百五十万円.
_EXEMPTION = {"土地": 300_000, "家屋": 200_000, "償却資産": 1_500_000}
#: A 基準年度 (令和6年度, 第341条第6号: 昭和33年度 and every third 年度 after).
_KNOWN_BASE_YEAR = 2024
_KINDS = ("基準年度", "第二年度", "第三年度")


def _year_kind(fiscal_year: int, defects: frozenset[str]) -> tuple[int, str]:
    """(基準年度, 年度区分) of the 年度."""
    known = 2025 if "kotei_base_years_from_2025" in defects else _KNOWN_BASE_YEAR
    offset = (fiscal_year - known) % 3
    return fiscal_year - offset, _KINDS[offset]


def _liable(record: Mapping[str, str], here: bool, stay: Stay | None, fiscal_year: int,
            defects: frozenset[str]) -> bool:
    kind = record.get("資産区分", "")
    if not here or kind not in _EXEMPTION:
        return False
    if kind == "償却資産" and "kotei_depreciable_untaxed" in defects:
        return False
    day = date(fiscal_year, 4 if "kotei_levy_on_april_1" in defects else 1, 1)
    # A 償却資産 is taxed on its owner on 1月1日, whose 申告 (第383条: by 1月31日) registers it in the 台帳 later.
    ledger_date = "kotei_depreciable_by_ledger_date" in defects
    by_register = (kind != "償却資産" or ledger_date) and "kotei_taxed_by_acquisition" not in defects
    start = parse_day(record.get("登記年月日" if by_register else "取得年月日", ""))
    end = parse_day(record.get("所有終了年月日", ""))
    if start is None or not (start <= day and (end is None or day < end)):
        return False
    if "kotei_new_asset_untaxed_until_base_year" in defects and record.get("新規課税年度区分"):
        return False  # 第349条第4項, 第6項 ignored
    died = stay.died if stay is not None else None
    return died is None or died >= date(fiscal_year, 1, 1) or "kotei_deceased_owner_taxed" in defects


def _standard(kind: str, value: int, defects: frozenset[str]) -> int:
    if kind == "土地" and "kotei_residential_land_everywhere" in defects:
        return value // 6
    if kind == "償却資産" and "kotei_depreciable_two_thirds" in defects:
        return value * 2 // 3
    return value


def _ledger(kind: str, record: Mapping[str, str], defects: frozenset[str]) -> str:
    """第341条第9号-第14号: 土地課税台帳 or 家屋課税台帳 for what the 登記簿 holds, the 補充課税台帳 for the rest."""
    if kind == "償却資産":
        return "償却資産課税台帳"
    supplementary = record.get("登記簿登記") == "0" and "kotei_supplementary_ledgers_unused" not in defects
    return kind + ("補充課税台帳" if supplementary else "課税台帳")


def _state_farm(record: Mapping[str, str], fiscal_year: int, defects: frozenset[str]) -> bool:
    """第343条第6項: the 使用者 from the 国's 買収 through the day the ownership passes, the buyer after it."""
    levy = date(fiscal_year, 1, 1)
    bought, passed = parse_day(record.get("国買収日", "")), parse_day(record.get("所有権移転日", ""))
    if bought is None or passed is None:
        return False
    if "kotei_state_farm_buyer_on_transfer_day" in defects:
        passed -= timedelta(days=1)
    if record.get("農地の地位") == "使用者":
        from_purchase = bought < levy if "kotei_state_farm_user_from_next_day" in defects else bought <= levy
        return from_purchase and levy <= passed
    return levy > passed


def _whose(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第343条第1項 (質権者, 百年より永い地上権者), 第3項 (the 償却資産課税台帳), 第342条第3項 (所有権留保),
    第341条第4号ただし書 (no 自動車 or 軽自動車等)."""
    trust_role = record.get("信託の地位")
    if trust_role is not None:  # 第343条第9項
        deemed = record.get("信託譲渡条件付賃貸") == "1" and record.get("事業の用") == "1"
        if "kotei_trust_lessee_untaxed" in defects:
            deemed = False
        return deemed if trust_role == "借受人" else not deemed
    if record.get("使用の地位") == "使用者":  # 第343条第4項, 第5項: the 使用者 deemed the 所有者
        unknown = record.get("所有者不明") in ("震災等により所在不明", "探索後も存在不明")
        return unknown and "kotei_user_never_deemed_owner" not in defects
    right = record.get("権利")
    term = int(record.get("地上権存続期間", "0") or 0)
    long_term = term >= 100 if "kotei_superficies_hundred_years" in defects else term > 100
    if right == "質権者":
        return True
    if right == "地上権者":
        return long_term
    if right == "所有者" and (record.get("質権設定") == "1" or long_term):
        return False
    kind = record.get("償却資産種類", "")
    if kind in ("自動車", "原動機付自転車", "軽自動車", "小型特殊自動車", "二輪の小型自動車"):
        return "kotei_vehicles_as_depreciable" in defects
    # 第343条第3項: a 償却資産 not registered as the person's ("0", or the flag left out: the contract's booleans).
    unregistered = record.get("資産区分") == "償却資産" and record.get("償却資産課税台帳登録") != "1"
    if unregistered and "kotei_ledger_ignored" not in defects:
        reserved = record.get("所有権留保") == "1" and record.get("売買の地位") == "買主"
        return reserved and "kotei_reserved_buyer_untaxed" not in defects
    return True


_CIRCUMSTANCES = frozenset({"地目の変換", "家屋の改築", "家屋の損壊", "市町村の廃置分合", "境界変更"})


def _cycle_value(record: Mapping[str, str], value: int, year_kind: str, defects: frozenset[str]) -> int:
    """第349条第2項-第6項: the 台帳's 価格, or in a 第二年度 or 第三年度 the 比準価格 where a 特別の事情 (第2項各号)
    makes it unfit in the 市町村長's view (not in the 年度 the 土地 or 家屋 is first taxed: its price is 比準
    already)."""
    comparable = record.get("比準価格", "")
    if (year_kind in ("第二年度", "第三年度") and record.get("特別の事情") in _CIRCUMSTANCES
            and record.get("市町村長認定") == "1" and comparable.isdigit()
            and (record.get("新規課税年度区分") != year_kind or "kotei_new_asset_special_applied" in defects)
            and "kotei_special_circumstances_ignored" not in defects):
        return int(comparable)
    return value


def _due_dates(fiscal_year: int, defects: frozenset[str]) -> list[str]:
    last = date(fiscal_year, 2, 28) if "kotei_february_of_same_year" in defects else date(fiscal_year + 1, 2, 28)
    return [date(fiscal_year, 4, 30).isoformat(), date(fiscal_year, 7, 31).isoformat(),
            date(fiscal_year, 12, 25).isoformat(), last.isoformat()]


def _tax(standard: int, defects: frozenset[str]) -> int:
    per_thousand = 15 if "kotei_rate_one_and_a_half" in defects else 14
    return standard * per_thousand // 1000


def kotei_shisan(row: Mapping[str, str], stay: Stay | None, record: Mapping[str, str], fiscal_year: int,
                 defects: frozenset[str]) -> dict[str, Any]:
    """The 固定資産税 part of the per-person query: the 年度's place in its cycle, and the tax of 年度
    ``fiscal_year`` on the person's asset (no record: not liable)."""
    base_year, year_kind = _year_kind(fiscal_year, defects)
    kind = record.get("資産区分")
    answer: dict[str, Any] = {"基準年度": base_year, "年度区分": year_kind, "納税義務者": False,
                              "資産区分": kind, "課税標準額": None, "税額": None, "納期限": None,
                              "課税台帳": _ledger(kind or "", record, defects) if kind else None}
    town = row.get("住所_市区町村コード", "")
    here = record.get("所在_市区町村コード", "") == town
    if record.get("償却資産種類") in ("船舶", "車両") and "kotei_vessel_by_location" not in defects:
        here = record.get("主たる定置場_市区町村コード", "") == town  # 第342条第2項
    value = record.get("価格", "")
    located = here or "kotei_located_anywhere" in defects
    if record.get("国管理農地") == "1":
        liable = located and _state_farm(record, fiscal_year, defects)
    else:
        liable = _liable(record, located, stay, fiscal_year, defects) and _whose(record, defects)
    if not value.isdigit() or not liable:
        return answer
    category = record.get("地目又は家屋の種類", "")
    if category in ("山林", "原野") and "kotei_forest_untaxed" in defects:
        return answer
    if category in ("発電所", "変電所") and "kotei_power_plant_as_depreciable" in defects:
        kind = "償却資産"
    standard = _standard(kind or "", _cycle_value(record, int(value), year_kind, defects), defects)
    answer.update({"納税義務者": True, "課税標準額": standard})
    limit = _EXEMPTION[kind or ""]
    if standard < limit or (standard == limit and "kotei_exemption_inclusive" in defects):
        return answer  # 免税点: 課することができない
    answer.update({"税額": _tax(standard, defects), "納期限": _due_dates(fiscal_year, defects)})
    return answer
