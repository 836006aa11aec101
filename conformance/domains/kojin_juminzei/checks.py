"""Scenario checks of 個人住民税 (地方税法; the statute edition ``kojin_juminzei 2025.12``).

The same machinery as :mod:`conformance.checks.scenarios` (generated residents appended to the vendor,
the per-person query ``GET /residents/{宛名番号}/qualifications``, compared with
:mod:`conformance.domains.kojin_juminzei.oracle`, the counterexample shrunk and reported with the seed); only the
scenarios and the fields judged are 個人住民税's. Each check judges one field of the answer's
``個人住民税`` part, so a wrong field fails the provisions bound to that check and no other.

The checks of a resident's taxes (課する税, 均等割額, 所得割税率, 課税標準の所得年, 納期) generate
persons the town levies (resident on the 賦課期日 1月1日 and still resident; moved in on 1月1日 itself
among them): who is levied is ``scenario.juminzei.levied``'s to judge, so these never fail with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, history, moves, picked, rule_check
from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.kojin_juminzei.oracle import is_levied_by

PART = "個人住民税"
#: 令和6年度 to 令和8年度: the years 第310条 as quoted (3,000円) applies to.
_YEARS = st.integers(juminzei.KINTOWARI_FROM_FISCAL_YEAR, 2026)


@st.composite
def levied_residents(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person resident since the 賦課期日 or before (moved in on 1月1日 among them), still resident."""
    fiscal_year = draw(_YEARS)
    levy = juminzei.levy_date(fiscal_year)
    moved_in = draw(st.one_of(st.just(levy), st.dates(levy - timedelta(days=3650), levy)))
    birth = draw(st.dates(date(1935, 1, 1), moved_in))
    return Scenario(fiscal_year, birth, moved_in, previous=draw(st.sampled_from((None, *codes))))


@st.composite
def turning(draw: st.DrawFn, codes: tuple[str, str], age: int, day: Callable[[int], date]) -> Scenario:
    """A long resident born around the day ``age`` is reached on ``day(fiscal_year)`` (and around
    4月1日 of that year: a wrong judgement day shows)."""
    fiscal_year = draw(st.integers(juminzei.ADULT_AGE_FROM_FISCAL_YEAR, 2026))
    anchor = draw(st.sampled_from((day(fiscal_year), date(fiscal_year, 1, 1), date(fiscal_year, 4, 1))))
    birth = anchor.replace(year=anchor.year - age) + timedelta(days=1 + draw(st.integers(-3, 3)))
    return Scenario(fiscal_year, birth, birth, previous=codes[1])


def _minors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return turning(codes, juminzei.ADULT_AGE, juminzei.levy_date)


def _fifteens(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return turning(codes, 15, lambda year: date(year - 1, 12, 31))


def _levied(s: Scenario, town: str) -> bool:
    return juminzei.is_levied_by(town, history(s, town), s.fiscal_year, died=s.died)


def _taxes(s: Scenario, town: str) -> Projection:
    return {"課する税": list(juminzei.resident_taxes(_levied(s, town)))}


def _kintowari(s: Scenario, town: str) -> Projection:
    return {"均等割額": juminzei.kintowari(s.fiscal_year) if _levied(s, town) else None}


def _rate(s: Scenario, town: str) -> Projection:
    return {"所得割税率": juminzei.shotokuwari_rate_percent(town) if _levied(s, town) else None}


def _income_year(s: Scenario, town: str) -> Projection:
    return {"課税標準の所得年": juminzei.income_year(s.fiscal_year) if _levied(s, town) else None}


#: 第320条: the 本文's months, or by its 但し書 others (of the 年度: our reading); none for a person not levied.
_DUE = "納期が第320条の月（但し書により年度内の月）"


def _payment_months(s: Scenario, town: str) -> Projection:
    return {_DUE: True} if _levied(s, town) else {"納期": []}


def _answered_payment_months(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's 納期 read against 第320条: none for a person not levied (answered as is), otherwise
    whether each is a month of the 年度 asked about (the answered list and 年度 shown when one is not)."""
    months = picked(PART, "納期")(document, loaded)["納期"]
    fiscal_year = document.get("年度")
    if months == []:
        return {"納期": []}
    if not isinstance(months, list) or not isinstance(fiscal_year, int):
        return {_DUE: None, "納期": months, "年度": fiscal_year}
    allowed = {f"{year:04d}-{month:02d}" for year, month in juminzei.payment_months_allowed(fiscal_year)}
    if all(isinstance(month, str) and month in allowed for month in months):
        return {_DUE: True}
    return {_DUE: False, "納期": months, "年度": fiscal_year}


def _minor(s: Scenario, town: str) -> Projection:
    return {"未成年者": juminzei.is_minor_on_levy_date(s.birth, s.fiscal_year)}


def _under_fifteen(s: Scenario, town: str) -> Projection:
    return {"十五歳未満": juminzei.is_under_fifteen(s.birth, s.fiscal_year)}


def _rule(name: str, title: str, scenarios: Callable[[tuple[str, str]], st.SearchStrategy[Scenario]],
          expected: Callable[[Scenario, str], Projection], field_name: str,
          examples: tuple[Scenario, ...] = ()) -> Rule:
    return Rule(name, title, scenarios, expected, picked(PART, field_name), examples)


#: Moved in on the 賦課期日 of 令和7年度 itself: levied by the town (第318条).
MOVED_IN_ON_LEVY_DATE = Scenario(2025, date(1980, 5, 5), date(2025, 1, 1))
#: Born 2007-01-02 (18 on 2025-01-01: no 未成年者 of 令和7年度) and 2007-01-03, 2007-03-31 (未成年者).
MINOR_EXAMPLES = tuple(Scenario(2025, birth, birth) for birth in (date(2007, 1, 2), date(2007, 1, 3),
                                                                  date(2007, 3, 31)))
#: Born 2010-01-01 (15 on 2024-12-31: not 十五歳未満 for 令和7年度) and 2010-01-02 (十五歳未満).
FIFTEEN_EXAMPLES = tuple(Scenario(2025, birth, birth) for birth in (date(2010, 1, 1), date(2010, 1, 2)))


#: The rules, by name (``juminzei.<name>``); the titles are the reports' (reporting.i18n).
def _of_levied(name: str, title: str, expected: Callable[[Scenario, str], Projection], field_name: str) -> Rule:
    return _rule(name, title, levied_residents, expected, field_name, (MOVED_IN_ON_LEVY_DATE,))


TAX_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _of_levied("juminzei.taxes", "個人住民税: 均等割 and 所得割 on a resident (第294条第1項第1号)", _taxes,
               "課する税"),
    _of_levied("juminzei.kintowari", "個人住民税: 均等割 3,000円 (第310条)", _kintowari, "均等割額"),
    _of_levied("juminzei.income_year", "個人住民税: 所得割 on the income of the year before (第313条第1項)",
               _income_year, "課税標準の所得年"),
    _of_levied("juminzei.rate", "個人住民税: 所得割 at 6%, 8% in a 指定都市 (第314条の3第1項)", _rate,
               "所得割税率"),
    Rule("juminzei.payment_months", "個人住民税: 納期 in 6月, 8月, 10月 and 1月, or by the 但し書 other months of the "
         "年度 (第320条)", levied_residents, _payment_months, _answered_payment_months, (MOVED_IN_ON_LEVY_DATE,)),
    _rule("juminzei.minor", "個人住民税: 未成年者 on the 賦課期日 (第295条第1項第2号)", _minors, _minor, "未成年者",
          MINOR_EXAMPLES),
    _rule("juminzei.under_fifteen", "個人住民税: 十五歳未満 on 前年12月31日 (第313条第7項)", _fifteens, _under_fifteen,
          "十五歳未満", FIFTEEN_EXAMPLES),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(TAX_RULES[name])


juminzei_taxes = check("scenario.juminzei.taxes")(_rule_check("juminzei.taxes"))
juminzei_kintowari = check("scenario.juminzei.kintowari")(_rule_check("juminzei.kintowari"))
juminzei_income_year = check("scenario.juminzei.income_year")(_rule_check("juminzei.income_year"))
juminzei_rate = check("scenario.juminzei.rate")(_rule_check("juminzei.rate"))
juminzei_payment_months = check("scenario.juminzei.payment_months")(_rule_check("juminzei.payment_months"))
juminzei_minor = check("scenario.juminzei.minor")(_rule_check("juminzei.minor"))
juminzei_under_fifteen = check("scenario.juminzei.under_fifteen")(_rule_check("juminzei.under_fifteen"))


# -- The first rules (judged with 住民記録's generated scenarios: moves, elders, families) --------------------

def _juminzei(s: Scenario, town: str) -> Projection:
    return {"課税": is_levied_by(town, history(s, town), s.fiscal_year, died=s.died)}


LEVIED = Rule("juminzei.levied", "個人住民税: the municipality of the address on 1月1日", moves, _juminzei,
         picked("個人住民税", "課税"))

juminzei_levied = check("scenario.juminzei.levied")(rule_check(LEVIED))
