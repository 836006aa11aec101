"""Scenario checks of 固定資産税 (地方税法 第341条, 第342条, 第343条, 第349条, 第349条の2, 第350条, 第351条,
第359条, 第362条; the statute edition ``kotei_shisan_zei 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.kotei_shisan_zei.oracle`). 住民記録 holds no property: each
person holds one asset, sent as the person's ``固定資産税`` record (資産区分 土地/家屋/償却資産, 価格 — the
価格 registered in the 固定資産課税台帳, yen —, 取得年月日, 登記年月日 — the day the person was registered as
its owner —, 所有終了年月日, 所在_市区町村コード; ``targets.load.records_path``; without it every check here is
NOT_AUTOMATED). Each check judges one field of the answer's ``固定資産税`` part for the 年度 asked about:

- ``納税義務者``: owners acquiring or parting with the asset around 1月1日 (第359条, the 賦課期日); an asset
  here or in another municipality (第342条第1項); every 資産区分 (第341条第1号); a 土地 or 家屋 acquired
  before 1月1日 but registered before or after it (第343条第2項: the owner registered in the 登記簿); a
  registered owner who died around 1月1日 (第343条第2項 second sentence);
- ``基準年度`` and ``年度区分`` (第341条第6号-第8号);
- ``課税標準額``: the registered 価格 of a 土地 or 家屋 in the 基準年度, 第二年度 and 第三年度 (第349条第1項-第3項)
  and of a 償却資産 (第349条の2);
- ``税額``: 1.4/100 of the answer's 課税標準額 (第350条第1項), and none below the 免税点 (第351条);
- ``納期限``: each in 4月, 7月, 12月 or 2月 of the 年度 (第362条第1項 本文); a product that declares its 但し書
  (optional) is judged in ``provisos`` with its other optional provisions (第351条ただし書, 第362条第2項).

Readings (provisions.yaml): the test town levies the 標準税率 and uses no ただし書 of 第351条 unless the profile
declares the 条例 (``ordinance.kotei_shisan_zei``); one asset a person, so the 同一の者's total of 第351条 is
that asset's 課税標準; the 価格 are drawn in steps of 50,000円 so that no 端数 (第20条の4の2, not quoted)
arises; the assets are no 住宅用地 and take no 特例 (第349条の3 and after, not quoted). The families below the
first rules judge 第341条第2号-第4号・第9号-第14号, 第342条第2項・第3項, 第343条第1項・第3項・第6項・第9項 and
第349条第2項-第6項's ただし書; not judged: 第350条第2項, 第383条, 第410条, 第411条第1項・第2項 (MANUAL or outside).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import TOWN_MARK, Loaded, Projection, Rule, Scenario, _birth, other_codes, picked
from conformance.checks.statute_rules import Actual, Oracle, Statute, drawn_with, rule_checks
from conformance.domains.kotei_shisan_zei.oracle import (
    ASSET_KINDS,
    EXEMPTION_POINTS,
    HOUSE_CATEGORIES,
    LAND_CATEGORIES,
    SPECIAL_CIRCUMSTANCES,
    VEHICLES_TAXED_ELSEWHERE,
    Holding,
    kotei_base_year,
    kotei_cycle_standard,
    kotei_depreciable_located_here,
    kotei_depreciable_taxed,
    kotei_due_months,
    kotei_exempt,
    kotei_land_taxpayer,
    kotei_ledger,
    kotei_levy_date,
    kotei_liable,
    kotei_rate,
    kotei_standard,
    kotei_state_farmland_holder,
    kotei_taxes_allowed,
    kotei_trust_lessee_taxed,
    kotei_year_kind,
)
from conformance.oracles.dates import Month
from conformance.profiles import KoteiOrdinance, Ordinance
from conformance.testdata.town import TOWN_CODE

PART = "固定資産税"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("kotei_shisan_zei", PART, needs_records=True)
_KIND, _VALUE, _ACQUIRED, _REGISTERED, _RELEASED, _PLACE = (
    "資産区分", "価格", "取得年月日", "登記年月日", "所有終了年月日", "所在_市区町村コード")
#: 第343条第3項: "1" registered in the 償却資産課税台帳 as the person's; "0" or left out, not (the contract's booleans).
_LEDGER = "償却資産課税台帳登録"
#: 土地 and 家屋: the checks that do not turn on the 資産区分 draw these, so a wrong answer about 償却資産
#: (``assets``, ``depreciable_standard``) fails no other check.
_LAND_HOUSE = ("土地", "家屋")
#: The 価格 are whole steps of this (1.4/100 of it is whole hundreds of yen: no 端数 arises).
_STEP = 50_000
_RATE = "税額は課税標準額の百分の一・四"
#: 第362条第1項: the 本文's months, or by its 但し書 others (of the 年度: our reading).
_DUE = "納期限は四月、七月、十二月又は二月中"
_LEVIED = "課税"


def asset(kind: str, value: int, acquired: date, registered: date | None = None, released: date | None = None,
          place: str = TOWN_MARK, ledger: str = "1") -> tuple[tuple[str, str, str], ...]:
    """A person's 固定資産税 record: one asset of ``kind`` worth ``value`` yen, acquired on ``acquired``,
    registered as the person's from ``registered`` (the same day unless given) until ``released``, lying in
    ``place`` (TOWN_MARK: the town); a 償却資産 with its 償却資産課税台帳登録 ``ledger`` always sent.

    Why always (issue 66): the contract reads a boolean item left out as not holding, so a 償却資産 sent without
    the flag is one not registered in the 償却資産課税台帳 (第343条第3項: no 納税義務者); the harness meant it
    registered and judged an outside product that read the contract so as wrong (FAIL 5). Every 償却資産 now says
    which it is, and no verdict turns on how a product reads an absent flag."""
    items = {_KIND: kind, _VALUE: str(value), _ACQUIRED: acquired.isoformat(),
             _REGISTERED: (registered or acquired).isoformat(), _PLACE: place}
    if released is not None:
        items[_RELEASED] = released.isoformat()
    if kind == "償却資産":
        items[_LEDGER] = ledger
    return tuple((PART, item, value) for item, value in items.items())


def _items(s: Scenario) -> dict[str, str]:
    return s.record(PART)


def _owner(draw: st.DrawFn, fiscal_year: int, records: tuple[tuple[str, str, str], ...],
           died: date | None = None) -> Scenario:
    """A resident since years before the 年度, holding the asset ``records`` describe."""
    birth = draw(_birth(1940, 1990))
    return Scenario(fiscal_year, birth, date(fiscal_year - 8, 4, 1), records=records, died=died,
                    as_of=date(fiscal_year, 5, 1))


def _value(draw: st.DrawFn, low: int = 1_000_000) -> int:
    """A 価格 of at least ``low`` yen (above every 免税点 by default), in steps of ``_STEP``."""
    return draw(st.integers(low // _STEP, 400)) * _STEP


def _long_held(draw: st.DrawFn, fiscal_year: int, kinds: tuple[str, ...] = _LAND_HOUSE, place: str = TOWN_MARK,
               low: int = 1_000_000) -> Scenario:
    """An owner since years before the 年度's 基準年度 of an asset of one of ``kinds``."""
    records = asset(draw(st.sampled_from(kinds)), _value(draw, low), date(fiscal_year - 6, 6, 1), place=place)
    return _owner(draw, fiscal_year, records)


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def around_levy_date(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An owner registered as the owner of a 土地 or 家屋, or parting with it, a few days around 1月1日."""
    fiscal_year = draw(st.integers(2020, 2028))
    day = kotei_levy_date(fiscal_year) + timedelta(days=draw(st.integers(-3, 3)))
    kind, value = draw(st.sampled_from(_LAND_HOUSE)), _value(draw)
    bought = draw(st.booleans())
    record = asset(kind, value, day) if bought else asset(kind, value, date(fiscal_year - 6, 6, 1), released=day)
    return _owner(draw, fiscal_year, record)


@st.composite
def registered_late(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 土地 or 家屋 acquired before 1月1日, registered by then or only after 4月1日 (late 登記)."""
    fiscal_year = draw(st.integers(2020, 2028))
    levy = kotei_levy_date(fiscal_year)
    acquired = levy - timedelta(days=draw(st.integers(1, 60)))
    if draw(st.booleans()):
        registered = acquired + timedelta(days=draw(st.integers(0, (levy - acquired).days)))
    else:
        registered = date(fiscal_year, 4, 2) + timedelta(days=draw(st.integers(0, 60)))
    record = asset(draw(st.sampled_from(_LAND_HOUSE)), _value(draw), acquired, registered)
    return _owner(draw, fiscal_year, record)


@st.composite
def dying_owners(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The registered owner of a 土地 or 家屋 since years before, dying a few days around 1月1日."""
    fiscal_year = draw(st.integers(2020, 2028))
    died = kotei_levy_date(fiscal_year) + timedelta(days=draw(st.integers(-5, 5)))
    records = asset(draw(st.sampled_from(_LAND_HOUSE)), _value(draw), date(fiscal_year - 6, 6, 1))
    return _owner(draw, fiscal_year, records, died=died)


@st.composite
def located(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An owner since years before of a 土地 or 家屋 here or in another municipality."""
    return _long_held(draw, draw(st.integers(2020, 2028)), place=draw(st.sampled_from((TOWN_MARK, *codes))))


@st.composite
def holding(draw: st.DrawFn, codes: tuple[str, str], kinds: tuple[str, ...] = ASSET_KINDS) -> Scenario:
    """An owner since years before of an asset of one of ``kinds`` here, above every 免税点."""
    return _long_held(draw, draw(st.integers(2020, 2028)), kinds, low=2_000_000)


def holding_depreciable(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """An owner of a 償却資産."""
    return holding(codes, ("償却資産",))


def houses(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """An owner of a 家屋 (the 税額 is judged on these: a wrong 課税標準 of a 土地 or 償却資産 stays apart)."""
    return holding(codes, ("家屋",))


def in_year_kind(offset: int) -> Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]:
    """Owners of a 土地 or 家屋 in a 基準年度 (offset 0), 第二年度 (1) or 第三年度 (2)."""
    @st.composite
    def drawn(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
        base = draw(st.sampled_from((2018, 2021, 2024, 2027)))
        return _long_held(draw, base + offset)

    return drawn


@st.composite
def near_exemption(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An owner of an asset whose 価格 is within two steps of its 免税点 (below, at or above)."""
    fiscal_year = draw(st.integers(2020, 2028))
    kind = draw(st.sampled_from(ASSET_KINDS))
    value = EXEMPTION_POINTS[kind] + draw(st.integers(-2, 2)) * _STEP
    return _owner(draw, fiscal_year, asset(kind, value, date(fiscal_year - 6, 6, 1)))


# -- rules ----------------------------------------------------------------------------------------


def _holding(s: Scenario) -> Holding:
    items = _items(s)
    released = items.get(_RELEASED)
    return Holding(items[_KIND], date.fromisoformat(items[_ACQUIRED]), date.fromisoformat(items[_REGISTERED]),
                   date.fromisoformat(released) if released else None)


def _liable(s: Scenario, town: str) -> Projection:
    here = _items(s)[_PLACE] in (TOWN_MARK, town)
    return {"納税義務者": kotei_liable(_holding(s), here, s.fiscal_year, s.died)}


def _year_kind(s: Scenario, town: str) -> Projection:
    return {"基準年度": kotei_base_year(s.fiscal_year), "年度区分": kotei_year_kind(s.fiscal_year)}


def _standard(s: Scenario, town: str) -> Projection:
    items = _items(s)
    return {"課税標準額": kotei_standard(items[_KIND], int(items[_VALUE]))}


def _levied_at(ordinance: KoteiOrdinance) -> Oracle:
    """The 免税点 rule's oracle, the town having a 条例 of 第351条ただし書 as ``ordinance`` declares it, or none."""
    points = declared_points(ordinance)

    def expected(s: Scenario, town: str) -> Projection:
        items = _items(s)
        standard = kotei_standard(items[_KIND], int(items[_VALUE]))
        return {_LEVIED: not kotei_exempt(items[_KIND], standard, levied_below=ordinance.below_exemption_levied,
                                          declared=points)}

    return expected


def declared_points(ordinance: KoteiOrdinance) -> dict[str, int]:
    """The 条例's amounts of 第351条ただし書 the profile declares, or NotAutomated for one above the 本文's 免税点 (no
    条例 of the ただし書, which only levies below it: the rule cannot say what the town levies)."""
    points = {str(kind): amount for kind, amount in ordinance.exemption_points.items()}
    above = {kind: amount for kind, amount in points.items() if amount > EXEMPTION_POINTS[kind]}
    if above:
        raise NotAutomated(f"the profile's ordinance.kotei_shisan_zei.exemption_points {above} are above the "
                           "免税点 of 第351条本文: its ただし書 only levies below them")
    return points


_levied = _levied_at(KoteiOrdinance())


def _ordained_exemption(ordinance: Ordinance) -> Rule:
    return replace(KOTEI_RULES["kotei_shisan_zei.exemption"], ordained=None,
                   expected=_levied_at(ordinance.kotei_shisan_zei))


def _answered_levied(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    tax = picked(PART, "税額")(document, loaded)["税額"]
    return {_LEVIED: isinstance(tax, int) and tax > 0}


def _rate_parts(declared_percent: str | None) -> tuple[Oracle, Actual]:
    """The rate rule's oracle and reading of the answer at the 条例's rate (``declared_percent``; none: the
    標準税率): the answer's 税額 is its own 課税標準額 times the rate (a wrong 課税標準 fails the 課税標準's rules
    alone), rounded down to yen or to 100 yen (``kotei_taxes_allowed``)."""
    rate = kotei_rate(declared_percent)
    key = _RATE if declared_percent is None else f"税額は課税標準額に条例の税率{declared_percent}%を乗じた額"

    def expected(s: Scenario, town: str) -> Projection:
        return {key: True}

    def actual(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        answer = picked(PART, "課税標準額", "税額")(document, loaded)
        standard, tax = answer["課税標準額"], answer["税額"]
        if not isinstance(standard, int) or not isinstance(tax, int):
            return {key: None, **answer}
        return {key: tax in kotei_taxes_allowed(standard, rate)}

    return expected, actual


def _ordained_rate(ordinance: Ordinance) -> Rule:
    """The rate rule at the rate the profile declares the municipality's 条例 sets."""
    expected, actual = _rate_parts(ordinance.kotei_shisan_zei.rate_percent)
    return replace(KOTEI_RULES["kotei_shisan_zei.rate"], expected=expected, actual=actual, ordained=None)


def _in_due_months(s: Scenario, town: str) -> Projection:
    return {_DUE: True}


def _due_reader(key: str, months: Callable[[int], tuple[Month, ...]]) -> Actual:
    """The reader of the answer's 納期限 for the 年度 asked: ``{key: True}`` when every one falls in ``months`` of
    the 年度, else False with the answered 納期限 and 年度 (None with the value when it is no list of days or no
    年度)."""
    def answered(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        due = picked(PART, "納期限")(document, loaded)["納期限"]
        try:
            days = [date.fromisoformat(text) for text in due]
        except (TypeError, ValueError):
            return {key: None, "納期限": due}
        fiscal_year = document.get("年度")
        if not isinstance(fiscal_year, int):
            return {key: None, "年度": fiscal_year}
        allowed = set(months(fiscal_year))
        if days and all((day.year, day.month) in allowed for day in days):
            return {key: True}
        return {key: False, "納期限": due, "年度": fiscal_year}

    return answered


#: 第362条第1項: the 本文's months (R001; a product that declares the ただし書 is read by ``_answered_due_displaced``,
#: ``provisos.py``).
_answered_due = _due_reader(_DUE, kotei_due_months)


def _example(kind: str, value: int, fiscal_year: int = 2025, *, died: date | None = None,
             acquired: date = date(2018, 6, 1), registered: date | None = None, released: date | None = None,
             place: str = TOWN_MARK) -> Scenario:
    return Scenario(fiscal_year, date(1970, 5, 5), date(fiscal_year - 8, 4, 1), died=died,
                    as_of=date(fiscal_year, 5, 1),
                    records=asset(kind, value, acquired, registered, released, place))


#: Worked examples (第359条, 第343条第2項, 第342条第1項, 第349条, 第351条): a 家屋 registered on 2025-01-01 is taxed
#: for 年度 2025, one registered on 1月2日 is not; a 土地 sold on 1月2日 is taxed for the whole 年度; a 土地
#: bought in December but registered in April is not taxed on the buyer; a registered owner who died on
#: 12月31日 is not taxed, one who died on 1月1日 is; a 土地 lying in another municipality is not taxed here;
#: a 土地 of exactly 30万円 is taxed (4,200円 at the 標準税率), one of 25万円 is not; a 償却資産 of 150万円 is.
BOUGHT_ON_LEVY_DATE = _example("家屋", 5_000_000, acquired=date(2025, 1, 1))
BOUGHT_AFTER = _example("家屋", 5_000_000, acquired=date(2025, 1, 2))
SOLD_AFTER = _example("土地", 3_000_000, released=date(2025, 1, 2))
REGISTERED_LATE = _example("土地", 3_000_000, acquired=date(2024, 12, 10), registered=date(2025, 4, 10))
DIED_BEFORE = _example("家屋", 5_000_000, died=date(2024, 12, 31))
DIED_ON_LEVY_DATE = _example("家屋", 5_000_000, died=date(2025, 1, 1))
ELSEWHERE = _example("土地", 3_000_000, place=other_codes(TOWN_CODE)[1])
LAND_AT_EXEMPTION = _example("土地", 300_000)
LAND_BELOW_EXEMPTION = _example("土地", 250_000)
DEPRECIABLE_AT_EXEMPTION = _example("償却資産", 1_500_000)
DEPRECIABLE = _example("償却資産", 4_000_000)
HOUSE = _example("家屋", 5_000_000)
LAND = _example("土地", 3_000_000)
#: 令和6年度 is a 基準年度 (昭和33年度 + 66), 令和7年度 its 第二年度, 令和8年度 its 第三年度.
LAND_BASE_YEAR = _example("土地", 6_000_000, 2024)
LAND_SECOND_YEAR = _example("土地", 6_000_000, 2025)
LAND_THIRD_YEAR = _example("土地", 6_000_000, 2026)


def _year_rules(offset: int, names: tuple[str, str], year_kind: str, article: str,
                example: Scenario) -> tuple[Rule, Rule]:
    """The rules of one place in the cycle: the answer's 基準年度 and 年度区分 (第341条 ``article``), and the
    課税標準 of a 土地 or 家屋 of the 基準年度 (第349条第``offset + 1``項)."""
    return (
        STATUTE.rule(names[0], in_year_kind(offset), _year_kind, ("基準年度", "年度区分"), (example,),
             title=f"固定資産税: the 基準年度 and 年度区分 of a {year_kind} ({article})"),
        STATUTE.rule(names[1], in_year_kind(offset), _standard,
             "課税標準額", (example,), title=f"固定資産税: the 課税標準 of a 土地 or 家屋 in the {year_kind} is "
             f"the 基準年度の価格 registered (第349条第{offset + 1}項)"),
    )


KOTEI_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("kotei_shisan_zei.levy_date", around_levy_date, _liable, "納税義務者", (BOUGHT_ON_LEVY_DATE,
         BOUGHT_AFTER, SOLD_AFTER)),
    STATUTE.rule("kotei_shisan_zei.located", located, _liable, "納税義務者", (LAND, ELSEWHERE)),
    STATUTE.rule("kotei_shisan_zei.assets", holding, _liable, "納税義務者", (DEPRECIABLE, HOUSE)),
    STATUTE.rule("kotei_shisan_zei.registered_owner", registered_late, _liable, "納税義務者", (REGISTERED_LATE, LAND)),
    STATUTE.rule("kotei_shisan_zei.deceased_owner", dying_owners, _liable, "納税義務者", (DIED_BEFORE,
         DIED_ON_LEVY_DATE)),
    *_year_rules(0, ("kotei_shisan_zei.base_year", "kotei_shisan_zei.standard_base_year"),
                 "基準年度", "第341条第6号", LAND_BASE_YEAR),
    *_year_rules(1, ("kotei_shisan_zei.second_year", "kotei_shisan_zei.standard_second_year"),
                 "第二年度", "第341条第7号", LAND_SECOND_YEAR),
    *_year_rules(2, ("kotei_shisan_zei.third_year", "kotei_shisan_zei.standard_third_year"),
                 "第三年度", "第341条第8号", LAND_THIRD_YEAR),
    STATUTE.rule("kotei_shisan_zei.depreciable_standard", holding_depreciable, _standard, "課税標準額", (DEPRECIABLE,)),
    STATUTE.rule("kotei_shisan_zei.rate", houses, *_rate_parts(None), (HOUSE,), ordained=_ordained_rate),
    STATUTE.rule("kotei_shisan_zei.exemption", near_exemption, _levied, _answered_levied,
         (LAND_AT_EXEMPTION, LAND_BELOW_EXEMPTION, DEPRECIABLE_AT_EXEMPTION), ordained=_ordained_exemption),
    STATUTE.rule("kotei_shisan_zei.due_months", houses, _in_due_months, _answered_due, (HOUSE,)),
)}


# -- 第349条第2項-第6項: 特別の事情 and 土地・家屋 first taxed in a 第二年度 or 第三年度 -----------------------------

_CIRCUMSTANCE, _DEEMED, _COMPARABLE, _NEW_IN = "特別の事情", "市町村長認定", "比準価格", "新規課税年度区分"


def cycle_asset(fiscal_year: int, value: int, *, circumstance: str | None = None, deemed: bool = False,
                comparable: int | None = None, new_in: str | None = None,
                kind: str = "家屋") -> tuple[tuple[str, str, str], ...]:
    """A 固定資産税 record of a 土地 or 家屋 held since years before (or, ``new_in``, first taxed in that 年度区分),
    its 価格 ``value``, with a 特別の事情 on the 年度's 賦課期日 and the price 比準 for it."""
    extra = {_CIRCUMSTANCE: circumstance, _DEEMED: "1" if deemed else None,
             _COMPARABLE: str(comparable) if comparable is not None else None, _NEW_IN: new_in}
    return asset(kind, value, date(fiscal_year - 6, 6, 1)) + tuple(
        (PART, item, text) for item, text in extra.items() if text is not None)


def _cycle_year(draw: st.DrawFn, year_kind: str) -> int:
    return draw(st.sampled_from((2018, 2021, 2024, 2027))) + ("基準年度", "第二年度", "第三年度").index(year_kind)


def _values(draw: st.DrawFn) -> tuple[int, int]:
    return draw(st.integers(20, 400)) * _STEP, draw(st.integers(20, 400)) * _STEP


@st.composite
def circumstances(draw: st.DrawFn, codes: tuple[str, str], year_kind: str = "第二年度",
                  new_in: str | None = None) -> Scenario:
    """A 家屋 (the 土地's 住宅用地 特例 is not quoted: 家屋 only) in a ``year_kind`` with a 特別の事情 of
    第349条第2項各号 (or none), the 市町村長 finding the price unfit (or not), and a price 比準 for it."""
    fiscal_year = _cycle_year(draw, year_kind)
    value, comparable = _values(draw)
    circumstance = draw(st.sampled_from((*SPECIAL_CIRCUMSTANCES, None)))
    record = cycle_asset(fiscal_year, value, circumstance=circumstance, deemed=draw(st.booleans()),
                         comparable=comparable, new_in=new_in)
    return _owner(draw, fiscal_year, record)


@st.composite
def new_assets(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 家屋 first taxed in a 第二年度 (asked about in it or in the 第三年度) or in a 第三年度."""
    new_in, year_kind = draw(st.sampled_from((("第二年度", "第二年度"), ("第二年度", "第三年度"),
                                              ("第三年度", "第三年度"))))
    fiscal_year = _cycle_year(draw, year_kind)
    value, _ = _values(draw)
    return _owner(draw, fiscal_year, cycle_asset(fiscal_year, value, new_in=new_in))


def _cycle_standard(s: Scenario, town: str) -> Projection:
    items = _items(s)
    comparable = items.get(_COMPARABLE)
    return {"課税標準額": kotei_cycle_standard(
        kotei_year_kind(s.fiscal_year), int(items[_VALUE]), circumstance=items.get(_CIRCUMSTANCE),
        deemed_unfit=items.get(_DEEMED) == "1", comparable_value=int(comparable) if comparable else None,
        new_in=items.get(_NEW_IN))}


def _cycle_example(fiscal_year: int, value: int = 5_000_000, **options: Any) -> Scenario:
    return Scenario(fiscal_year, date(1970, 5, 5), date(fiscal_year - 8, 4, 1), as_of=date(fiscal_year, 5, 1),
                    records=cycle_asset(fiscal_year, value, **options))


#: 第349条第2項ただし書: 令和7年度 (第二年度), a 家屋 of 500万円 改築, the 市町村長 finding it unfit -> its 比準価格
#: 700万円; 改築 but not found unfit -> 500万円. 第3項ただし書: 令和8年度 (第三年度), 境界変更 -> 比準価格.
#: 第4項-第6項: first taxed in 令和7年度 -> its registered 価格 in 令和7年度 and 令和8年度; with a 損壊 in 令和8年度
#: found unfit -> the 比準価格 (第5項ただし書).
REBUILT_SECOND = _cycle_example(2025, circumstance="家屋の改築", deemed=True, comparable=7_000_000)
REBUILT_NOT_DEEMED = _cycle_example(2025, circumstance="家屋の改築", comparable=7_000_000)
BOUNDARY_THIRD = _cycle_example(2026, circumstance="境界変更", deemed=True, comparable=4_000_000)
NEW_IN_SECOND = _cycle_example(2025, new_in="第二年度")
NEW_SECOND_IN_THIRD = _cycle_example(2026, new_in="第二年度")
NEW_IN_THIRD = _cycle_example(2026, new_in="第三年度")
NEW_SECOND_DAMAGED = _cycle_example(2026, new_in="第二年度", circumstance="家屋の損壊", deemed=True,
                                    comparable=3_000_000)
#: 第4項: first taxed in 令和7年度 with a 改築 found unfit in it -> still its registered 価格 (第4項 has no
#: ただし書; issue 66: no draw gave a 特別の事情 in the 年度 of the first tax).
NEW_IN_SECOND_REBUILT = _cycle_example(2025, new_in="第二年度", circumstance="家屋の改築", deemed=True,
                                       comparable=7_000_000)

KOTEI_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("kotei_shisan_zei.special_second", circumstances, _cycle_standard, "課税標準額",
         (REBUILT_SECOND, REBUILT_NOT_DEEMED)),
    STATUTE.rule("kotei_shisan_zei.special_third", drawn_with(circumstances, "第三年度"), _cycle_standard,
         "課税標準額",
         (BOUNDARY_THIRD,)),
    STATUTE.rule("kotei_shisan_zei.new_assets", new_assets, _cycle_standard, "課税標準額",
         (NEW_IN_SECOND, NEW_SECOND_IN_THIRD, NEW_IN_THIRD, NEW_IN_SECOND_REBUILT)),
    STATUTE.rule("kotei_shisan_zei.new_special_third", drawn_with(circumstances, "第三年度",
         "第二年度"), _cycle_standard,
         "課税標準額", (NEW_SECOND_DAMAGED,)),
)})

# -- whose asset and where: 第341条第4号ただし書, 第342条第2項・第3項, 第343条第1項・第3項 ------------------------

_RIGHT, _PLEDGED, _SUPERFICIES = "権利", "質権設定", "地上権存続期間"
_DEPRECIABLE_KIND, _STATION = "償却資産種類", "主たる定置場_市区町村コード"
_RESERVED, _SIDE = "所有権留保", "売買の地位"


def _land_with(draw: st.DrawFn, items: dict[str, str | None]) -> Scenario:
    fiscal_year = draw(st.integers(2020, 2028))
    record = asset("土地", draw(st.integers(20, 400)) * _STEP, date(fiscal_year - 6, 6, 1))
    return _owner(draw, fiscal_year, record + tuple((PART, k, v) for k, v in items.items() if v is not None))


@st.composite
def land_rights(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The 所有者, 質権者 or 地上権者 of a 土地 (a 質権 set or not, a 地上権 of 99 to 101 years or none)."""
    right = draw(st.sampled_from(("所有者", "質権者", "地上権者")))
    terms = (99, 100, 101) if right == "地上権者" else (None, 99, 100, 101)
    years = draw(st.sampled_from(terms))
    pledged = "1" if right == "所有者" and draw(st.booleans()) else None
    return _land_with(draw, {_RIGHT: right, _PLEDGED: pledged, _SUPERFICIES: str(years) if years else None})


def _depreciable_with(draw: st.DrawFn, place: str, items: dict[str, str | None]) -> Scenario:
    fiscal_year = draw(st.integers(2020, 2028))
    record = asset("償却資産", draw(st.integers(20, 400)) * _STEP, date(fiscal_year - 3, 6, 1), place=place,
                   ledger=items.get(_LEDGER) or "1")
    return _owner(draw, fiscal_year, record + _extra(items))


def _extra(items: Mapping[str, str | None]) -> tuple[tuple[str, str, str], ...]:
    """The record's items beyond :func:`asset`'s (the ledger flag is asset's: sent once), those given as None left
    out."""
    return tuple((PART, k, v) for k, v in items.items() if v is not None and k != _LEDGER)


@st.composite
def stationed_depreciables(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 船舶, 車両 or 機械 lying here or elsewhere, its 主たる定置場 here or elsewhere."""
    return _depreciable_with(draw, draw(st.sampled_from((TOWN_MARK, codes[0]))), {
        _DEPRECIABLE_KIND: draw(st.sampled_from(("船舶", "車両", "機械"))),
        _STATION: draw(st.sampled_from((TOWN_MARK, codes[0])))})


@st.composite
def ledger_depreciables(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 機械 registered in the 償却資産課税台帳 as the person's or not."""
    return _depreciable_with(draw, TOWN_MARK, {_DEPRECIABLE_KIND: "機械", _LEDGER: draw(st.sampled_from(("1", "0")))})


@st.composite
def reserved_buyers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The 買主 of a 機械 not registered as theirs, bought under 所有権留保 or not."""
    return _depreciable_with(draw, TOWN_MARK, {_DEPRECIABLE_KIND: "機械", _LEDGER: "0", _SIDE: "買主",
                                               _RESERVED: draw(st.sampled_from(("1", None)))})


@st.composite
def vehicle_assets(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 自動車 or a 軽自動車等 (or a 機械) registered as a 償却資産 of the person's."""
    return _depreciable_with(draw, TOWN_MARK, {_LEDGER: "1", _DEPRECIABLE_KIND: draw(st.sampled_from(
        ("機械", *VEHICLES_TAXED_ELSEWHERE)))})


def _land_right(s: Scenario, town: str) -> Projection:
    items = _items(s)
    years = items.get(_SUPERFICIES)
    taxed = kotei_land_taxpayer(items[_RIGHT], pledged=items.get(_PLEDGED) == "1",
                                superficies_years=int(years) if years else None)
    return {"納税義務者": taxed and _liable(s, town)["納税義務者"]}


def _stationed(s: Scenario, town: str) -> Projection:
    items = _items(s)
    here = kotei_depreciable_located_here(items[_DEPRECIABLE_KIND], items[_PLACE] in (TOWN_MARK, town),
                                          items.get(_STATION) in (TOWN_MARK, town))
    return {"納税義務者": here and kotei_liable(_holding(s), True, s.fiscal_year, s.died)}


def _ledger(s: Scenario, town: str) -> Projection:
    items = _items(s)
    taxed = kotei_depreciable_taxed(items[_DEPRECIABLE_KIND], registered=items.get(_LEDGER) == "1",
                                    reserved_buyer=items.get(_RESERVED) == "1" and items.get(_SIDE) == "買主")
    return {"納税義務者": taxed and _liable(s, town)["納税義務者"]}


def _right_example(**items: str) -> Scenario:
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1), records=asset(
        "土地", 5_000_000, date(2019, 6, 1)) + tuple((PART, k, v) for k, v in items.items()))


def _depreciable_example(place: str = TOWN_MARK, **items: str) -> Scenario:
    records = asset("償却資産", 5_000_000, date(2022, 6, 1), place=place, ledger=items.get(_LEDGER, "1"))
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1), records=records + _extra(items))


#: 第343条第1項: a 地上権 of 101 years -> the 地上権者 pays, the 所有者 not; of exactly 100 years -> the 所有者 pays;
#: a 質権 -> the 質権者. 第342条第2項: a 船舶 lying elsewhere, its 主たる定けい場 here -> here. 第343条第3項: a 機械 not
#: in the 償却資産課税台帳 -> none; 第342条第3項: its 買主 under 所有権留保 -> taxed. 第341条第4号ただし書: a 軽自動車
#: -> none.
SUPERFICIES_101 = _right_example(**{_RIGHT: "地上権者", _SUPERFICIES: "101"})
SUPERFICIES_100 = _right_example(**{_RIGHT: "地上権者", _SUPERFICIES: "100"})
OWNER_UNDER_100 = _right_example(**{_RIGHT: "所有者", _SUPERFICIES: "100"})
PLEDGEE = _right_example(**{_RIGHT: "質権者"})
SHIP_STATIONED_HERE = _depreciable_example(other_codes(TOWN_CODE)[0],
                                           **{_DEPRECIABLE_KIND: "船舶", _STATION: TOWN_MARK})
SHIP_STATIONED_ELSEWHERE = _depreciable_example(**{_DEPRECIABLE_KIND: "船舶", _STATION: other_codes(TOWN_CODE)[0]})
MACHINE_STATIONED_ELSEWHERE = _depreciable_example(**{_DEPRECIABLE_KIND: "機械", _STATION: other_codes(TOWN_CODE)[0]})
UNREGISTERED_MACHINE = _depreciable_example(**{_DEPRECIABLE_KIND: "機械", _LEDGER: "0"})
REGISTERED_MACHINE = _depreciable_example(**{_DEPRECIABLE_KIND: "機械", _LEDGER: "1"})
UNRESERVED_BUYER = _depreciable_example(**{_DEPRECIABLE_KIND: "機械", _LEDGER: "0", _SIDE: "買主"})
RESERVED_BUYER = _depreciable_example(**{_DEPRECIABLE_KIND: "機械", _LEDGER: "0", _RESERVED: "1", _SIDE: "買主"})
LIGHT_CAR_ASSET = _depreciable_example(**{_DEPRECIABLE_KIND: "軽自動車", _LEDGER: "1"})
#: 第343条第3項 with 第383条 (the 申告 by 1月31日 of the 償却資産 held 毎年一月一日現在) and 第411条第1項: a 機械
#: owned since 2022, registered in the 償却資産課税台帳 for 令和7年度 on 2025-03-31 (its 登記年月日) -> taxed: its
#: owner on the 賦課期日 (issue 66: every drawn 償却資産 was registered on the day it was acquired).
DECLARED_MACHINE = replace(REGISTERED_MACHINE, records=tuple(
    (part, item, "2025-03-31" if item == _REGISTERED else text) for part, item, text in REGISTERED_MACHINE.records))

KOTEI_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("kotei_shisan_zei.pledge_superficies", land_rights, _land_right, "納税義務者",
         (SUPERFICIES_101, SUPERFICIES_100, OWNER_UNDER_100, PLEDGEE)),
    STATUTE.rule("kotei_shisan_zei.stationed", stationed_depreciables, _stationed, "納税義務者",
         (SHIP_STATIONED_HERE, SHIP_STATIONED_ELSEWHERE, MACHINE_STATIONED_ELSEWHERE)),
    # The 償却資産 on the 償却資産課税台帳 (第343条第3項), a 所有権留保 (第342条第3項), vehicles excluded (第341条第4号
    # ただし書): one oracle (_ledger) on the 納税義務者.
    *STATUTE.family(_ledger, "納税義務者",
                    ("kotei_shisan_zei.depreciable_ledger", ledger_depreciables,
                     (UNREGISTERED_MACHINE, REGISTERED_MACHINE, DECLARED_MACHINE)),
                    ("kotei_shisan_zei.reserved_title", reserved_buyers, (RESERVED_BUYER, UNRESERVED_BUYER)),
                    ("kotei_shisan_zei.vehicles_excluded", vehicle_assets, (LIGHT_CAR_ASSET, REGISTERED_MACHINE))),
)})

# -- 第341条第2号・第3号 (the 地目 and kinds of building), 第343条第6項 (農地 the 国 bought) ----------------

_CATEGORY, _STATE_FARM, _STATE_BOUGHT, _TRANSFERRED, _FARM_ROLE = (
    "地目又は家屋の種類", "国管理農地", "国買収日", "所有権移転日", "農地の地位")


@st.composite
def categorized(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 土地 of any 地目 (its 価格 2,000,000円 or more) or a 家屋 of any kind, a 発電所 or 変電所 among them (its
    価格 between the 家屋's 免税点 and the 償却資産's, so that one read as a 償却資産 shows)."""
    fiscal_year = draw(st.integers(2020, 2028))
    kind = draw(st.sampled_from(("土地", "家屋")))
    category = draw(st.sampled_from(LAND_CATEGORIES if kind == "土地" else HOUSE_CATEGORIES))
    value = draw(st.integers(40, 400) if kind == "土地" else st.integers(7, 28)) * _STEP
    return _owner(draw, fiscal_year, (*asset(kind, value, date(fiscal_year - 6, 6, 1)), (PART, _CATEGORY, category)))


@st.composite
def state_farmland(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The 使用者 or the buyer of 農地 the 国 bought, its ownership passing a few days around the 賦課期日."""
    fiscal_year = draw(st.integers(2020, 2028))
    transferred = date(fiscal_year, 1, 1) + timedelta(days=draw(st.integers(-3, 3)))
    role = draw(st.sampled_from(("使用者", "売渡しの相手方")))
    registered = transferred + timedelta(days=draw(st.integers(10, 400)))
    record = asset("土地", draw(st.integers(20, 400)) * _STEP, date(fiscal_year - 6, 6, 1), registered=registered)
    return _owner(draw, fiscal_year, (
        *record, (PART, _STATE_FARM, "1"), (PART, _STATE_BOUGHT, date(fiscal_year - 6, 6, 1).isoformat()),
        (PART, _TRANSFERRED, transferred.isoformat()), (PART, _FARM_ROLE, role)))


#: 第341条第2号・第3号: whether the asset is taxed at all (its 税額 answered), the 価格 drawn above its 免税点.
_TAXED = "税額あり"


def _category_tax(s: Scenario, town: str) -> Projection:
    items = _items(s)
    return {_TAXED: not kotei_exempt(items[_KIND], kotei_standard(items[_KIND], int(items[_VALUE])))}


def _answered_taxed(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    tax = picked(PART, "税額")(document, loaded)["税額"]
    return {_TAXED: isinstance(tax, int)}


def _farm_holder(s: Scenario, town: str) -> Projection:
    items = _items(s)
    bought, transferred = date.fromisoformat(items[_STATE_BOUGHT]), date.fromisoformat(items[_TRANSFERRED])
    held = kotei_state_farmland_holder(items[_FARM_ROLE], kotei_levy_date(s.fiscal_year), bought, transferred)
    return {"納税義務者": held}


def _categorized_example(kind: str, category: str, value: int = 1_000_000) -> Scenario:
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1),
                    records=(*asset(kind, value, date(2019, 6, 1)), (PART, _CATEGORY, category)))


def _farm_example(role: str, transferred: date, bought: date = date(2019, 6, 1)) -> Scenario:
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1), records=(
        *asset("土地", 5_000_000, date(2019, 6, 1), registered=date(2025, 6, 1)), (PART, _STATE_FARM, "1"),
        (PART, _STATE_BOUGHT, bought.isoformat()), (PART, _TRANSFERRED, transferred.isoformat()),
        (PART, _FARM_ROLE, role)))


#: 第341条第2号・第3号: a 山林 of 200万円 -> taxed; a 発電所 of 100万円 -> a 家屋 (免税点 20万円): taxed.
FOREST = _categorized_example("土地", "山林", 2_000_000)
POWER_PLANT = _categorized_example("家屋", "発電所")
#: 第343条第6項: ownership passing on 2025-01-01 -> the 使用者 on the 賦課期日, not the buyer; on 2024-12-31 -> the
#: buyer.
FARM_USER_ON_TRANSFER_DAY = _farm_example("使用者", date(2025, 1, 1))
FARM_BUYER_ON_TRANSFER_DAY = _farm_example("売渡しの相手方", date(2025, 1, 1))
FARM_BUYER_AFTER = _farm_example("売渡しの相手方", date(2024, 12, 31))
#: 「買収し、又は収納した日から」: the 国 bought it on 2025-01-01 -> its 使用者 on that 賦課期日 (issue 66: the
#: draws' 買収 was years before).
FARM_USER_BOUGHT_ON_LEVY_DATE = _farm_example("使用者", date(2025, 6, 1), bought=date(2025, 1, 1))

KOTEI_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("kotei_shisan_zei.land_categories", categorized, _category_tax, _answered_taxed, (FOREST,)),
    STATUTE.rule("kotei_shisan_zei.house_categories", categorized, _category_tax, _answered_taxed, (POWER_PLANT,)),
    STATUTE.rule("kotei_shisan_zei.state_farmland", state_farmland, _farm_holder, "納税義務者",
         (FARM_USER_ON_TRANSFER_DAY, FARM_BUYER_ON_TRANSFER_DAY, FARM_BUYER_AFTER, FARM_USER_BOUGHT_ON_LEVY_DATE)),
)})

# -- 第341条第9号-第14号 (the 固定資産課税台帳), 第343条第9項 (a 信託会社's 償却資産 leased to be transferred) ---------

_IN_REGISTER, _TRUST_LEASE, _FOR_BUSINESS, _TRUST_ROLE = "登記簿登記", "信託譲渡条件付賃貸", "事業の用", "信託の地位"


@st.composite
def ledgered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 土地, 家屋 or 償却資産, the 土地 or 家屋 登記 in the 登記簿 or not."""
    fiscal_year = draw(st.integers(2020, 2028))
    kind = draw(st.sampled_from(ASSET_KINDS))
    record = asset(kind, draw(st.integers(40, 400)) * _STEP, date(fiscal_year - 6, 6, 1))
    flag = () if kind == "償却資産" else ((PART, _IN_REGISTER, draw(st.sampled_from(("1", "0")))),)
    return _owner(draw, fiscal_year, (*record, *flag))


@st.composite
def trust_leases(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The 信託会社 or the 借受人 of a 償却資産 leased on condition of transfer (or not), used in the 借受人's business
    (or not)."""
    fiscal_year = draw(st.integers(2020, 2028))
    role, lease, business = (draw(st.sampled_from(values)) for values in (("信託会社", "借受人"), ("1", "0"),
                                                                           ("1", "0")))
    record = asset("償却資産", draw(st.integers(40, 400)) * _STEP, date(fiscal_year - 3, 6, 1),
                   ledger=_trust_ledger(role, lease, business))
    return _owner(draw, fiscal_year, (*record, (PART, _TRUST_ROLE, role), (PART, _TRUST_LEASE, lease),
                                      (PART, _FOR_BUSINESS, business)))


def _trust_ledger(role: str, lease: str, business: str) -> str:
    """The 償却資産課税台帳登録 of a party to a trust lease: "1" for the one 第343条第9項 makes the 所有者 (the
    借受人 of a lease for its business, else the 信託会社), so that the record never says another is registered."""
    return "1" if kotei_trust_lessee_taxed(role, trust_lease=lease == "1", for_business=business == "1") else "0"


def _ledger_name(s: Scenario, town: str) -> Projection:
    items = _items(s)
    return {"課税台帳": kotei_ledger(items[_KIND], items.get(_IN_REGISTER) != "0")}


def _trust_taxed(s: Scenario, town: str) -> Projection:
    items = _items(s)
    return {"納税義務者": kotei_trust_lessee_taxed(items[_TRUST_ROLE], trust_lease=items[_TRUST_LEASE] == "1",
                                              for_business=items[_FOR_BUSINESS] == "1")}


def _asset_example(kind: str, *extra: tuple[str, str], ledger: str = "1") -> Scenario:
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1), records=(
        *asset(kind, 5_000_000, date(2019, 6, 1), ledger=ledger), *((PART, item, value) for item, value in extra)))


#: 第341条第10号-第14号: an unregistered 土地 -> 土地補充課税台帳; a registered 家屋 -> 家屋課税台帳; a 償却資産 ->
#: 償却資産課税台帳. 第343条第9項: the 借受人 of a trust lease for its business taxed, the 信託会社 not.
UNREGISTERED_LAND = _asset_example("土地", (_IN_REGISTER, "0"))
REGISTERED_HOUSE = _asset_example("家屋", (_IN_REGISTER, "1"))
MACHINE_LEDGER = _asset_example("償却資産")
TRUST_LESSEE = _asset_example("償却資産", (_TRUST_ROLE, "借受人"), (_TRUST_LEASE, "1"), (_FOR_BUSINESS, "1"))
TRUST_COMPANY = _asset_example("償却資産", (_TRUST_ROLE, "信託会社"), (_TRUST_LEASE, "1"), (_FOR_BUSINESS, "1"),
                               ledger="0")

KOTEI_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("kotei_shisan_zei.ledgers", ledgered, _ledger_name, "課税台帳",
         (UNREGISTERED_LAND, REGISTERED_HOUSE, MACHINE_LEDGER)),
    STATUTE.rule("kotei_shisan_zei.trust_lease", trust_leases, _trust_taxed, "納税義務者", (TRUST_LESSEE,
         TRUST_COMPANY)),
)})


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks; the 本文's 納期 check is
#: ``provisos.due_check`` (it reads whether the profile declares 第362条第1項's ただし書).
RULE_CHECKS = rule_checks(rule for name, rule in KOTEI_RULES.items() if name != "kotei_shisan_zei.due_months")
