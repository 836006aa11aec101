"""Scenario checks of 軽自動車税 種別割 (地方税法 第442条, 第443条, 第463条の15-第463条の18; the statute
edition ``keijidosha_zei 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.keijidosha_zei.oracle`). 住民記録 holds no vehicle: each
person owns one, sent as the person's ``軽自動車税`` record (車両区分 — the 号 and イ/ロ/ハ of the table
of 第463条の15第1項, e.g. ``2ハ(1)(ii)`` —, 取得年月日, 所有終了年月日, 主たる定置場_市区町村コード;
``targets.load.records_path``; without it every check here is NOT_AUTOMATED). Each check judges one field
of the answer's ``軽自動車税`` part for the 年度 asked about:

- ``納税義務者``: owners who acquire or part with the vehicle around 4月1日 (第463条の16, the 賦課期日);
  a vehicle whose 主たる定置場 is here or in another municipality (第443条第1項); every class of the
  table (第442条第3号: the 軽自動車等 are taxed);
- ``種別割税額``: the 標準税率 of the class (第463条の15第1項, 第442条第2号), and not above 1.5 times it
  (第2項, read from the answer's ``車両区分``);
- ``納期限`` in April of the 年度 (第463条の17 本文) or, by its ただし書, another month of the 年度 (the allowed
  set, our reading: ``keijidosha_due_months_allowed``), ``徴収方法`` 普通徴収 (第463条の18第1項), a
  ``納税通知書交付日`` at least 10 days before the 納期限 (第2項).

Reading (provisions.yaml): the test town's 条例 levies the 標準税率 (第463条の15第1項 is a 標準税率; a
town may levy another rate up to 1.5 times it, so ``rate`` is judged only against a town that adopts the
標準税率: the profile says so by binding it). Not judged: 第443条第2項, 第3項 (環境性能割's 取得者, the
使用者 where 第445条 exempts the owner: not quoted), 第451条 (環境性能割), whether a 特別の事情 of
第463条の17ただし書 exists (a 納期 other than April is accepted), 第463条の18第3項-第6項 (証紙徴収, the
municipality's option).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import (
    TOWN_MARK,
    Loaded,
    Projection,
    Rule,
    Scenario,
    _birth,
    other_codes,
    picked,
    rule_check,
)
from conformance.domains.keijidosha_zei.oracle import (
    STANDARD_RATES,
    Ownership,
    keijidosha_due_months_allowed,
    keijidosha_levy_date,
    keijidosha_liable,
    keijidosha_standard_rate,
)
from conformance.testdata.town import TOWN_CODE

PART = "軽自動車税"
_CLASS, _ACQUIRED, _RELEASED, _PLACE = "車両区分", "取得年月日", "所有終了年月日", "主たる定置場_市区町村コード"
_CLASSES = tuple(STANDARD_RATES)
#: The 原動機付自転車 and 軽自動車 (号 1 and 2): the checks that do not turn on the class draw these, so a wrong
#: answer about the classes (``vehicles``, ``rate``) fails no other check.
_LIGHT = tuple(code for code in _CLASSES if code[0] in "12")
#: 第463条の15第2項: a rate above the 標準税率 is at most 1.5 times it.
_CEILING = "標準税率の1.5倍以下"
_NOTICE = "納期限の10日前までに交付"
#: 第463条の17: 四月中, or by its ただし書 another month (of the 年度: our reading).
_DUE = "納期限が4月中又はただし書による年度内の月"


def vehicle(vehicle_class: str, acquired: date, released: date | None = None,
            place: str = TOWN_MARK) -> tuple[tuple[str, str, str], ...]:
    """A person's 軽自動車税 record: one vehicle of ``vehicle_class`` owned in [acquired, released),
    its 主たる定置場 in ``place`` (TOWN_MARK: the town)."""
    items = {_CLASS: vehicle_class, _ACQUIRED: acquired.isoformat(), _PLACE: place}
    if released is not None:
        items[_RELEASED] = released.isoformat()
    return tuple((PART, item, value) for item, value in items.items())


def _items(s: Scenario) -> dict[str, str]:
    return s.record(PART)


def _owner(draw: st.DrawFn, fiscal_year: int, records: tuple[tuple[str, str, str], ...]) -> Scenario:
    """A resident since years before the 年度, owning the vehicle ``records`` describe."""
    birth = draw(_birth(1950, 1995))
    return Scenario(fiscal_year, birth, date(fiscal_year - 3, 4, 1), records=records,
                    as_of=date(fiscal_year, 5, 1))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def around_levy_date(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An owner acquiring the vehicle, or parting with it, a few days around 4月1日 of the 年度."""
    fiscal_year = draw(st.integers(2020, 2026))
    day = keijidosha_levy_date(fiscal_year) + timedelta(days=draw(st.integers(-3, 3)))
    kind = draw(st.sampled_from(_LIGHT))
    bought = draw(st.booleans())
    record = vehicle(kind, day) if bought else vehicle(kind, date(fiscal_year - 2, 6, 1), released=day)
    return _owner(draw, fiscal_year, record)


@st.composite
def stationed(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An owner since years before whose vehicle's 主たる定置場 is here or in another municipality."""
    fiscal_year = draw(st.integers(2020, 2026))
    place = draw(st.sampled_from((TOWN_MARK, *codes)))
    return _owner(draw, fiscal_year, vehicle(draw(st.sampled_from(_LIGHT)), date(fiscal_year - 2, 6, 1),
                                             place=place))


@st.composite
def owning(draw: st.DrawFn, codes: tuple[str, str], classes: tuple[str, ...] = _CLASSES) -> Scenario:
    """An owner since years before of a vehicle of one of ``classes``, stationed here."""
    fiscal_year = draw(st.integers(2020, 2026))
    return _owner(draw, fiscal_year, vehicle(draw(st.sampled_from(classes)), date(fiscal_year - 2, 6, 1)))


def owning_light(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """An owner of a 原動機付自転車 or a 軽自動車 (``_LIGHT``)."""
    return owning(codes, _LIGHT)


# -- rules ----------------------------------------------------------------------------------------


def _liable(s: Scenario, town: str) -> Projection:
    items = _items(s)
    released = items.get(_RELEASED)
    owned = Ownership("owner", date.fromisoformat(items[_ACQUIRED]),
                      date.fromisoformat(released) if released else None)
    return {"納税義務者": keijidosha_liable(owned, items[_PLACE] in (TOWN_MARK, town), s.fiscal_year)}


def _rate(s: Scenario, town: str) -> Projection:
    return {"種別割税額": keijidosha_standard_rate(_items(s)[_CLASS])}


def _within_ceiling(s: Scenario, town: str) -> Projection:
    return {_CEILING: True}


def _answered_ceiling(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    part = document.get(PART)
    part = part if isinstance(part, Mapping) else {}
    amount, kind = part.get("種別割税額"), part.get(_CLASS)
    if amount is None and part.get("納税義務者") is False:
        return {_CEILING: True}  # nothing levied is above the ceiling
    if not isinstance(amount, int) or kind not in STANDARD_RATES:
        return {_CEILING: None, "種別割税額": amount, _CLASS: kind}
    return {_CEILING: amount * 2 <= keijidosha_standard_rate(kind) * 3}


def _due_month(s: Scenario, town: str) -> Projection:
    return {_DUE: True}


def _answered_due_month(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """Whether the answer's 納期限 is in a month 第463条の17 allows for the 年度 asked about (the answered
    納期限 and 年度 shown when it is not)."""
    due = picked(PART, "納期限")(document, loaded)["納期限"]
    fiscal_year = document.get("年度")
    try:
        day = date.fromisoformat(due)
    except (TypeError, ValueError):
        return {_DUE: None, "納期限": due}
    if not isinstance(fiscal_year, int):
        return {_DUE: None, "年度": fiscal_year}
    if (day.year, day.month) in keijidosha_due_months_allowed(fiscal_year):
        return {_DUE: True}
    return {_DUE: False, "納期限": due, "年度": fiscal_year}


def _ordinary(s: Scenario, town: str) -> Projection:
    return {"徴収方法": "普通徴収"}


def _notice_in_time(s: Scenario, town: str) -> Projection:
    return {_NOTICE: True}


def _answered_notice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    answer = picked(PART, "納期限", "納税通知書交付日")(document, loaded)
    try:
        due, notice = date.fromisoformat(answer["納期限"]), date.fromisoformat(answer["納税通知書交付日"])
    except (TypeError, ValueError):
        return {_NOTICE: None, **answer}
    return {_NOTICE: notice <= due - timedelta(days=10)}


#: Worked examples (第463条の15第1項's table; 第463条の16): a 四輪乗用自家用 (2ハ(1)(ii)) bought on 2025-04-01
#: is taxed 10,800円 for 年度 2025, one bought on 4月2日 is not; a 二輪の軽自動車 (2イ) scrapped on
#: 2025-04-02 is taxed for the whole 年度; a 二輪の小型自動車 (3) is taxed 6,000円; a vehicle stationed in
#: another municipality is not taxed here.
BOUGHT_ON_LEVY_DATE = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                               records=vehicle("2ハ(1)(ii)", date(2025, 4, 1)))
BOUGHT_AFTER = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                        records=vehicle("2ハ(1)(ii)", date(2025, 4, 2)))
SCRAPPED_AFTER = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                          records=vehicle("2イ", date(2020, 6, 1), released=date(2025, 4, 2)))
SMALL_TWO_WHEEL = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                           records=vehicle("3", date(2020, 6, 1)))
STATIONED_ELSEWHERE = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                               records=vehicle("2ハ(2)(ii)", date(2020, 6, 1), place=other_codes(TOWN_CODE)[0]))
MOPED = Scenario(2025, date(1980, 5, 5), date(2022, 4, 1), as_of=date(2025, 5, 1),
                 records=vehicle("1イ", date(2020, 6, 1)))

KEIJI_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("keijidosha_zei.levy_date", "軽自動車税: 種別割 on the owner on the 賦課期日 4月1日 (第463条の16)",
         around_levy_date, _liable, picked(PART, "納税義務者"), (BOUGHT_ON_LEVY_DATE, BOUGHT_AFTER, SCRAPPED_AFTER),
         needs_records=True),
    Rule("keijidosha_zei.stationed", "軽自動車税: 種別割 levied by the municipality of the 主たる定置場 "
         "(第443条第1項)", stationed, _liable, picked(PART, "納税義務者"), (MOPED, STATIONED_ELSEWHERE),
         needs_records=True),
    Rule("keijidosha_zei.vehicles", "軽自動車税: 種別割 on every class of 軽自動車等 (第442条第3号)", owning, _liable,
         picked(PART, "納税義務者"), (SMALL_TWO_WHEEL, MOPED), needs_records=True),
    Rule("keijidosha_zei.rate", "軽自動車税: the 標準税率 of the vehicle's class, 一台について (第463条の15第1項)",
         owning, _rate, picked(PART, "種別割税額"), (SMALL_TWO_WHEEL, MOPED, BOUGHT_ON_LEVY_DATE),
         needs_records=True),
    Rule("keijidosha_zei.rate_ceiling", "軽自動車税: 種別割 at most 1.5 times the 標準税率 (第463条の15第2項)",
         owning_light, _within_ceiling, _answered_ceiling, (MOPED,), needs_records=True),
    Rule("keijidosha_zei.due_month", "軽自動車税: the 納期 in April, or by the ただし書 another month of the 年度 "
         "(第463条の17)", owning_light, _due_month,
         _answered_due_month, (MOPED,), needs_records=True),
    Rule("keijidosha_zei.collection", "軽自動車税: collected by 普通徴収 (第463条の18第1項)", owning_light, _ordinary,
         picked(PART, "徴収方法"), (MOPED,), needs_records=True),
    Rule("keijidosha_zei.notice", "軽自動車税: the 納税通知書 given at least 10 days before the 納期限 "
         "(第463条の18第2項)", owning_light, _notice_in_time, _answered_notice, (MOPED,), needs_records=True),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(KEIJI_RULES[name])


keijidosha_levy_date_check = check("scenario.keijidosha_zei.levy_date")(_rule_check("keijidosha_zei.levy_date"))
keijidosha_stationed = check("scenario.keijidosha_zei.stationed")(_rule_check("keijidosha_zei.stationed"))
keijidosha_vehicles = check("scenario.keijidosha_zei.vehicles")(_rule_check("keijidosha_zei.vehicles"))
keijidosha_rate = check("scenario.keijidosha_zei.rate")(_rule_check("keijidosha_zei.rate"))
keijidosha_rate_ceiling = check("scenario.keijidosha_zei.rate_ceiling")(_rule_check("keijidosha_zei.rate_ceiling"))
keijidosha_due_month = check("scenario.keijidosha_zei.due_month")(_rule_check("keijidosha_zei.due_month"))
keijidosha_collection = check("scenario.keijidosha_zei.collection")(_rule_check("keijidosha_zei.collection"))
keijidosha_notice = check("scenario.keijidosha_zei.notice")(_rule_check("keijidosha_zei.notice"))
