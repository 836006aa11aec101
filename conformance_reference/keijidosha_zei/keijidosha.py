"""The reference vendor's 軽自動車税 種別割 (地方税法 第443条, 第463条の15-第463条の18), read from the
person's 軽自動車税 record (one vehicle: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.keijidosha_zei.oracle` on purpose (a table by 号 here, by class code
there is shared only as the code; the dates as text spans here): the scenario checks compare the two.
Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day

#: 第463条の15第1項 by 号: the class code's 号 and the rest -> yen (年額, 一台について).
_TABLE: dict[str, dict[str, int]] = {
    "1": {"イ": 2000, "ロ": 2000, "ハ": 2000, "ニ": 2400, "ホ": 3700},
    "2": {"イ": 3600, "ロ": 3900, "ハ(1)(i)": 6900, "ハ(1)(ii)": 10800, "ハ(2)(i)": 3800, "ハ(2)(ii)": 5000},
    "3": {"": 6000},
}
#: The rates before 平成27年度 (四輪乗用自家用 7,200円 ...): what ``keijidosha_old_rates`` answers.
_OLD: dict[str, int] = {"2ハ(1)(ii)": 7200, "2ハ(1)(i)": 5500, "2ハ(2)(ii)": 4000, "2ハ(2)(i)": 3000}


def _rate(code: str, defects: frozenset[str]) -> int | None:
    if "keijidosha_old_rates" in defects and code in _OLD:
        return _OLD[code]
    rate = _TABLE.get(code[:1], {}).get(code[1:])
    if rate is not None and "keijidosha_rate_doubled" in defects:
        return rate * 2
    return rate


def _owner_on(record: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    acquired, released = parse_day(record.get("取得年月日", "")), parse_day(record.get("所有終了年月日", ""))
    if acquired is None:
        return False
    if "keijidosha_levy_on_april_2" in defects:
        day = date(day.year, 4, 2)
    return acquired <= day and (released is None or day < released)


#: 第451条 as (standard, percent) thresholds, keyed by 算定区分 and 用途, for 百分の一 then 百分の二 (the 第4項 table
#: and 第5項's readings in their rows).
_ENV: dict[tuple[str, str], tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]] = {
    ("", "乗用"): ((("令和12年度", 75), ("令和2年度", 100)), (("令和12年度", 70), ("令和2年度", 100))),
    ("", "トラック"): ((("令和4年度", 100),), (("令和4年度", 95),)),
    ("平成22年度基準", "乗用"): ((("平成22年度", 162), ("平成22年度", 150)),
                              (("平成22年度", 151), ("平成22年度", 150))),
    ("平成22年度基準", "トラック"): ((("平成22年度", 155),), (("平成22年度", 147),)),
    ("令和2年度基準等", "乗用"): ((("令和2年度", 109), ("令和2年度", 100)), (("令和2年度", 102), ("令和2年度", 100))),
}


def _env_rate(record: Mapping[str, str], defects: frozenset[str]) -> int | None:
    """第451条: 1, 2 or 3 (percent) for a 三輪以上の軽自動車; None for two wheels or 第446条第1項."""
    wheels = record.get("車輪数", "")
    if not wheels.isdigit() or int(wheels) < 3 or record.get("第446条第1項適用") == "1":
        return None
    basis, use = record.get("エネルギー消費効率算定区分", ""), record.get("用途", "")
    if "keijidosha_env_h22_as_standard" in defects and basis == "平成22年度基準":
        basis = ""
    if "keijidosha_env_r2_reading_ignored" in defects and basis == "令和2年度基準等":
        basis = ""
    if "keijidosha_env_r2_truck_by_standard" in defects and (basis, use) == ("令和2年度基準等", "トラック"):
        basis = ""  # the 本則's 第2号 applied to a truck 第5項 does not carry over
    rows = _ENV.get((basis, use))
    clean = record.get("燃料") == "ガソリン" and record.get("排出ガス基準適合") == "1"
    weight = int(record.get("車両総重量", "0") or 0)
    # 第451条第1項第2号: 「二・五トン以下」 includes 2,500 kg; the defect reads the limit as excluded.
    over = weight >= 2500 if "keijidosha_env_truck_limit_exclusive" in defects else weight > 2500
    if use == "トラック" and over:
        clean = False
    if rows is None or not clean:
        return 3
    efficiency = int(record.get("エネルギー消費効率", "0"))
    for rate, row in enumerate(rows, start=1):
        needed = [int(record.get(f"{name}基準エネルギー消費効率", "0")) * percent for name, percent in row]
        strict = "keijidosha_env_threshold_exclusive" in defects
        if all(efficiency * 100 > value if strict else efficiency * 100 >= value for value in needed):
            return rate
    return 3


def keijidosha(row: Mapping[str, str], record: Mapping[str, str], fiscal_year: int,
               defects: frozenset[str]) -> dict[str, Any]:
    """The 軽自動車税 part of the per-person query: the 種別割 of 年度 ``fiscal_year`` on the person's
    vehicle (no record: not liable)."""
    here = record.get("主たる定置場_市区町村コード", "") == row.get("住所_市区町村コード", "")
    if "keijidosha_stationed_anywhere" in defects:
        here = True
    liable = bool(record) and here and _owner_on(record, date(fiscal_year, 4, 1), defects)
    if "keijidosha_moved_owner_untaxed" in defects and row.get("住民状態") != "1":
        liable = False  # the 住所 read instead of the 主たる定置場
    if "keijidosha_levied_without_vehicle" in defects and not record:
        liable = True
    if record.get("使用者") == "1":  # 第443条第3項: the 使用者 where the owner cannot be taxed, not 公用
        public = record.get("公用又は公共の用") == "1" and "keijidosha_user_public_taxed" not in defects
        liable = liable and record.get("所有者非課税") == "1" and not public
    elif record.get("所有者非課税") == "1":  # 第445条第1項: the owner who cannot be taxed, 公用 or not
        liable = liable and "keijidosha_public_owner_taxed" in defects and record.get("公用又は公共の用") == "1"
    code = record.get("車両区分", "")
    if "keijidosha_small_two_wheel_untaxed" in defects and code == "3":
        liable = False  # 二輪の小型自動車 read as no 軽自動車等
    if "keijidosha_sidecar_untaxed" in defects and code == "3" and record.get("側車付") == "1":
        liable = False
    purpose = record.get("取得目的")
    if "keijidosha_acquirer_passenger_only" in defects and not code.startswith("2ハ(1)"):
        purpose = None  # the 取得者 answered for a 四輪 乗用 car only
    env = {"環境性能割税率": _env_rate(record, defects),
           "環境性能割の納税義務者": None if purpose is None else (
               purpose == "運行" or ("keijidosha_dealer_taxed" in defects and purpose == "販売"))}
    if not liable:
        if "keijidosha_unknown_class_echoed" in defects and code:
            code = "不明"  # a class of the product's own, outside the contract's values, where no rule reads it
        return {"納税義務者": False, "車両区分": code or None, "種別割税額": None, "納期限": None,
                "納税通知書交付日": None, "徴収方法": None, **env}
    due = date(fiscal_year, 4, 30)
    if "keijidosha_due_before_levy_date" in defects:
        due = date(fiscal_year, 3, 31)
    elif "keijidosha_due_in_may" in defects:
        due = date(fiscal_year, 5, 31)
    notice = due - timedelta(days=5 if "keijidosha_notice_late" in defects else 20)
    return {
        "納税義務者": True,
        "車両区分": code,
        "種別割税額": _rate(code, defects),
        "納期限": due.isoformat(),
        "納税通知書交付日": notice.isoformat(),
        "徴収方法": _collection(defects),
        **env,
    }


def _collection(defects: frozenset[str]) -> str:
    if "keijidosha_special_collection" in defects:
        return "特別徴収"
    # 証紙徴収 in a town whose 条例 does not provide it (第463条の18第3項 is optional: the reference declares no 条例).
    return "証紙徴収" if "keijidosha_stamp_collection_undeclared" in defects else "普通徴収"
