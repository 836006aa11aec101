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

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, NotAutomated, check, target_of
from conformance.checks.scenarios import (
    TOWN_MARK,
    Loaded,
    Projection,
    Rule,
    Scenario,
    history,
    in_any_order,
    moves,
    other_codes,
    picked,
    picked_in_any_order,
    run_rule,
)
from conformance.checks.statute_rules import (
    Actual,
    Drawn,
    Oracle,
    Statute,
    drawn_with,
    own_rule_checks,
    proviso_check,
)
from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.kojin_juminzei.oracle import is_levied_by
from conformance.findings import Finding
from conformance.oracles.readings import either
from conformance.oracles.residence import Residence
from conformance.profiles import Ordinance
from conformance.testdata.town import TOWN_CODE

PART = "個人住民税"
#: What every rule of the domain shares (conformance.checks.statute_rules); the rules on a person's record say
#: ``needs_records=True`` themselves.
STATUTE = Statute("kojin_juminzei", PART)
#: 課する税 read in any order: 第294条第1項 names the taxes and orders no list of them (issue 65).
_TAXES = picked_in_any_order(PART, "課する税")
#: 令和6年度 to 令和8年度: the years 第310条 as quoted (3,000円) applies to.
_YEARS = st.integers(juminzei.KINTOWARI_FROM_FISCAL_YEAR, 2026)


@st.composite
def levied_residents(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person resident since the 賦課期日 or before (moved in on 1月1日 among them), still resident, of age on
    the 賦課期日: a 未成年者 of no known income may be one 第295条第1項第2号 exempts (``juminzei.low_income``'s)."""
    fiscal_year = draw(_YEARS)
    levy = juminzei.levy_date(fiscal_year)
    moved_in = draw(st.one_of(st.just(levy), st.dates(levy - timedelta(days=3650), levy)))
    birth = draw(st.dates(date(1935, 1, 1), min(moved_in, date(fiscal_year - juminzei.ADULT_AGE, 1, 2))))
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
    return {"課する税": in_any_order(list(juminzei.resident_taxes(_levied(s, town))))}


def _kintowari_at(declared: int | None) -> Oracle:
    """The 均等割 rule's oracle at the 条例's amount the profile declares (none: the 標準税率)."""
    def expected(s: Scenario, town: str) -> Projection:
        return {"均等割額": juminzei.kintowari_levied(s.fiscal_year, declared) if _levied(s, town) else None}

    return expected


def _rate_at(declared: int | None) -> Oracle:
    """The 所得割 rate rule's oracle at the 条例's rate the profile declares (none: the 標準税率)."""
    def expected(s: Scenario, town: str) -> Projection:
        return {"所得割税率": juminzei.shotokuwari_rate_levied(town, declared) if _levied(s, town) else None}

    return expected


def _ordained_kintowari(ordinance: Ordinance) -> Rule:
    return replace(TAX_RULES["juminzei.kintowari"], expected=_kintowari_at(ordinance.kojin_juminzei.kintowari),
                   ordained=None)


def _ordained_rate(ordinance: Ordinance) -> Rule:
    return replace(TAX_RULES["juminzei.rate"], expected=_rate_at(ordinance.kojin_juminzei.shotokuwari_percent),
                   ordained=None)


def _income_year(s: Scenario, town: str) -> Projection:
    return {"課税標準の所得年": juminzei.income_year(s.fiscal_year) if _levied(s, town) else None}


#: 第320条: the 本文's months, or by its 但し書 others (of the 年度: our reading); none for a person not levied.
_DUE = "納期が第320条の月（但し書により年度内の月）"


def _payment_months(s: Scenario, town: str) -> Projection:
    return {_DUE: True} if _levied(s, town) else {"納期": []}


def _months_to_judge(months: Any, fiscal_year: Any) -> Projection | tuple[list[Any], int]:
    """An answer's 納期 and 年度 to judge against 第320条 (shared by both readings), or what the answer reads as
    without judging: none for a person not levied (answered as is), or the answered list and 年度 shown when either
    is not a list and a year."""
    if months == []:
        return {"納期": []}
    if not isinstance(months, list) or not isinstance(fiscal_year, int):
        return {_DUE: None, "納期": months, "年度": fiscal_year}
    return months, fiscal_year


def _answered_payment_months(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's 納期 read against 第320条: none for a person not levied (answered as is), otherwise
    whether each is a month of the 年度 asked about (the answered list and 年度 shown when one is not)."""
    judged = _months_to_judge(picked(PART, "納期")(document, loaded)["納期"], document.get("年度"))
    if not isinstance(judged, tuple):
        return judged
    months, fiscal_year = judged
    allowed = {f"{year:04d}-{month:02d}" for year, month in juminzei.payment_months_allowed(fiscal_year)}
    if all(isinstance(month, str) and month in allowed for month in months):
        return {_DUE: True}
    return {_DUE: False, "納期": months, "年度": fiscal_year}


def _answered_payment_months_main(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's 納期 read against 第320条's 本文 alone (a product not declaring its 但し書, 1.320.0.1.0-O002):
    none for a person not levied; otherwise 六月、八月、十月及び一月中, or 六月中 alone where the tax is at most the
    均等割 (the answer's 所得割額 0: only the 均等割 is levied); either, where the answer gives no 所得割額 (null: the
    tax not known to be above the 均等割, our reading). Any other month is the 但し書's, which the product does not
    claim (issue 66: an outside product's 7月 passed as the 但し書's)."""
    answer = picked(PART, "納期", "所得割額")(document, loaded)
    shotokuwari, judged = answer["所得割額"], _months_to_judge(answer["納期"], document.get("年度"))
    if not isinstance(judged, tuple):
        return judged
    months, fiscal_year = judged
    four = sorted(f"{year:04d}-{month:02d}" for year, month in juminzei.payment_months(fiscal_year))
    allowed = ([[four[0]]] if shotokuwari in (0, None) else []) + ([four] if shotokuwari != 0 else [])
    if sorted(months) in allowed:
        return {_DUE: True}
    return {_DUE: False, "納期": months, "所得割額": shotokuwari, "年度": fiscal_year}


def _minor(s: Scenario, town: str) -> Projection:
    return {"未成年者": juminzei.is_minor_on_levy_date(s.birth, s.fiscal_year)}


def _under_fifteen(s: Scenario, town: str) -> Projection:
    return {"十五歳未満": juminzei.is_under_fifteen(s.birth, s.fiscal_year, s.died)}


#: Moved in on the 賦課期日 of 令和7年度 itself: levied by the town (第318条).
MOVED_IN_ON_LEVY_DATE = Scenario(2025, date(1980, 5, 5), date(2025, 1, 1))
#: Moved out on 2024-12-10: not levied for 令和7年度, its taxes none (issue 66: a tool mutant answered its rate).
LEFT_IN_DECEMBER = Scenario(2025, date(1980, 5, 5), date(2015, 4, 1), planned_out=date(2024, 12, 10))
LEVIED_EXAMPLES = (MOVED_IN_ON_LEVY_DATE, LEFT_IN_DECEMBER)  #: the taxes' rules' worked examples: levied, and not
#: Born 2007-01-02 (18 on 2025-01-01: no 未成年者 of 令和7年度) and 2007-01-03, 2007-03-31, 2008-02-29 (未成年者: 18
#: on 2026-02-28, a year without 2月29日; issue 66, a tool mutant read that birthday in another year).
MINOR_EXAMPLES = tuple(Scenario(2025, birth, birth) for birth in (date(2007, 1, 2), date(2007, 1, 3),
                                                                  date(2007, 3, 31), date(2008, 2, 29)))
#: Born 2010-01-01 (15 on 2024-12-31: not 十五歳未満 for 令和7年度) and 2010-01-02, 2012-02-29 (十五歳未満: 15 in 2027).
FIFTEEN_EXAMPLES = tuple(Scenario(2025, birth, birth) for birth in (date(2010, 1, 1), date(2010, 1, 2),
                                                                    date(2012, 2, 29)))
#: Died on 2024-07-31, 15 reached on 2024-08-01: 十五歳未満 死亡当時 (not on 2024-12-31; issue 66, the outside
#: 個人住民税 product's report, which found the bundled reference judging such a 親族 on 12月31日: fixed).
DIED_UNDER_FIFTEEN = Scenario(2025, date(2009, 8, 2), date(2009, 8, 2), died=date(2024, 7, 31))
#: Born 2008-02-29, died 2023-02-28: 15 reached that day (no 2月29日 that year), not 十五歳未満 死亡当時 (issue 66,
#: tool mutants reached it on 3月1日 or 3月31日).
DIED_LEAP_FIFTEEN = Scenario(2024, date(2008, 2, 29), date(2008, 2, 29), died=date(2023, 2, 28))


#: The rules, by name (``juminzei.<name>``); each title is the rule's text in the folder's texts.yaml.
def _of_levied(name: str, expected: Oracle, field_name: str | Actual, **options: Any) -> Rule:
    return STATUTE.rule(name, levied_residents, expected, field_name, LEVIED_EXAMPLES, **options)


TAX_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _of_levied("juminzei.taxes", _taxes, _TAXES),
    _of_levied("juminzei.kintowari", _kintowari_at(None), "均等割額", ordained=_ordained_kintowari),
    _of_levied("juminzei.income_year", _income_year, "課税標準の所得年"),
    _of_levied("juminzei.rate", _rate_at(None), "所得割税率", ordained=_ordained_rate),
    STATUTE.rule("juminzei.payment_months", levied_residents, _payment_months, _answered_payment_months_main,
                 LEVIED_EXAMPLES),
    STATUTE.rule("juminzei.minor", _minors, _minor, "未成年者", MINOR_EXAMPLES),
    STATUTE.rule("juminzei.under_fifteen", _fifteens, _under_fifteen, "十五歳未満",
                 (*FIFTEEN_EXAMPLES, DIED_UNDER_FIFTEEN, DIED_LEAP_FIFTEEN)),
)}


# -- The rules on a person's 個人住民税 record (生活扶助, 家屋敷, income; ``targets.load.records_path``) ----------

_AID_START, _AID_END, _HOUSE = "生活扶助_開始年月日", "生活扶助_廃止年月日", "家屋敷_市区町村コード"
_INCOME, _DEDUCTIONS = "所得の金額", "所得控除額"
_DIVIDENDS, _DIVIDENDS_DECLARED = "特定配当等の所得の金額", "特定配当等_申告記載"
_SHARES, _SHARES_DECLARED = "特定株式等譲渡所得金額", "特定株式等譲渡所得金額_申告記載"
_LOSS, _LOSS_YEAR, _BLUE, _FILED = "純損失の金額", "純損失の年", "純損失_青色申告", "純損失_連続申告"
_BUSINESS, _SPOUSE, _OTHERS = "事業所得の金額", "事業専従者_配偶者", "事業専従者_その他の数"
_DECLARED, _NO_DUTY, _UNAVOIDABLE = "事業専従者_申告記載", "申告義務なし", "記載なしやむを得ない事情"
_SALARY, _DEDUCTED_FOR = "給与の収入金額", "事業専従者控除額_受けた額"
_PAID_ON, _BLUE_PAID, _FILED_AMOUNT = "退職手当等_支払日", "青色事業専従者給与_支払額", "青色事業専従者給与_書類記載額"
_NO_FILING_REASON = "青色事業専従者給与_書類不提出の理由"
_DEEMED_YEAR, _DEEMED_BY = "第294条第3項課税_年度", "第294条第3項課税_市町村コード"
_CATEGORY, _TOTAL_INCOME = "第295条第1項第2号区分", "合計所得金額"
#: Income amounts are whole thousands of yen: 6% and 8% of them are whole yen (no 端数: 第20条の4の2 not quoted).
_THOUSANDS = st.integers(0, 30_000).map(lambda thousands: thousands * 1000)
#: The 所得割's persons' amounts are whole 10,000円: the 課税総所得金額 times any whole percent is then whole 100円, so
#: neither 第20条の4の2's 1,000円 floor of the 課税標準 nor its 100円 floor of the tax changes the answer (issue 65,
#: an outside product's F2: 1,000円 at 6% is 60円, 0円 under 第20条の4の2第3項).
_TEN_THOUSANDS = st.integers(0, 3_000).map(lambda tens: tens * 10_000)


def record(**items: object) -> tuple[tuple[str, str, str], ...]:
    """A person's 個人住民税 record from its items (None left out; dates and numbers as text)."""
    return tuple((PART, item, value.isoformat() if isinstance(value, date) else str(value))
                 for item, value in items.items() if value is not None)


def _record_of(items: Mapping[str, object]) -> tuple[tuple[str, str, str], ...]:
    return record(**items)


def _resident(draw: st.DrawFn, fiscal_year: int, records: tuple[tuple[str, str, str], ...]) -> Scenario:
    """A resident since years before the 賦課期日 of ``fiscal_year``, with ``records``."""
    birth = draw(st.dates(date(1940, 1, 1), date(1990, 12, 31)))
    return Scenario(fiscal_year, birth, date(fiscal_year - 5, 4, 1), records=records)


@st.composite
def aided(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident whose 生活扶助 begins, or is 廃止, a few days around the 賦課期日 1月1日 (or neither)."""
    fiscal_year = draw(_YEARS)
    near = juminzei.levy_date(fiscal_year) + timedelta(days=draw(st.integers(-3, 3)))
    start, end = draw(st.sampled_from(((near, None), (date(fiscal_year - 3, 6, 1), near),
                                       (date(fiscal_year - 3, 6, 1), near + timedelta(days=400)))))
    return _resident(draw, fiscal_year, record(**{_AID_START: start, _AID_END: end}))


@st.composite
def house_owners(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person who moved to another municipality (the same day: confirmed) in the days up to the 賦課期日 itself
    (no 住所 here on it: whether the move is on or after it is ``juminzei.levied``'s), with a 家屋敷 in the town,
    in another municipality or none."""
    fiscal_year = draw(_YEARS)
    moved_out = juminzei.levy_date(fiscal_year) - timedelta(days=draw(st.integers(0, 40)))
    house = draw(st.sampled_from((TOWN_MARK, codes[1], None)))
    birth = draw(st.dates(date(1940, 1, 1), date(1990, 12, 31)))
    return Scenario(fiscal_year, birth, date(fiscal_year - 5, 4, 1), planned_out=moved_out, elsewhere=moved_out,
                    next=codes[0], records=record(**{_HOUSE: house}) or record(**{_INCOME: 0}))


@st.composite
def house_owners_earning(draw: st.DrawFn, codes: tuple[str, str], limit: int) -> Scenario:
    """A person with a 家屋敷 here who moved to another municipality in the days before the 賦課期日 (均等割 only:
    第294条第1項第2号), whose 前年の合計所得金額 is a step or two around the 条例's amount ``limit`` (第295条第3項)
    or anywhere up to 30,000,000円."""
    fiscal_year = draw(_YEARS)
    moved_out = juminzei.levy_date(fiscal_year) - timedelta(days=draw(st.integers(1, 40)))
    income = draw(st.one_of(st.integers(-2, 2).map(lambda step: max(0, limit + step * 1000)), _THOUSANDS))
    birth = draw(st.dates(date(1940, 1, 1), date(1990, 12, 31)))
    return _house_owner(fiscal_year, birth, moved_out, codes[0], income)


def _house_owner(fiscal_year: int, birth: date, moved_out: date, moved_to: str, income: int) -> Scenario:
    """A person with a 家屋敷 here and the 前年の合計所得金額 ``income``, who moved to ``moved_to`` on ``moved_out``."""
    return Scenario(fiscal_year, birth, date(fiscal_year - 5, 4, 1), planned_out=moved_out, elsewhere=moved_out,
                    next=moved_to, records=record(**{_HOUSE: TOWN_MARK, _TOTAL_INCOME: income}))


@st.composite
def earners(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident with an income and 所得控除 (whole 10,000円, up to 30,000,000円 each: no 端数, ``_TEN_THOUSANDS``)."""
    return _resident(draw, draw(_YEARS), record(**{_INCOME: draw(_TEN_THOUSANDS), _DEDUCTIONS: draw(_TEN_THOUSANDS)}))


@st.composite
def separated(draw: st.DrawFn, codes: tuple[str, str], amount: str, declared: str) -> Scenario:
    """A resident with an income and 特定配当等 or 特定株式等譲渡所得金額 (``amount``), stated in the 確定申告書
    (``declared``: "1") or not."""
    items = {_INCOME: draw(_THOUSANDS), _DEDUCTIONS: 0, amount: draw(_THOUSANDS.filter(bool)),
             declared: draw(st.sampled_from(("1", None)))}
    return _resident(draw, draw(_YEARS), record(**items))


def _dividends(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return separated(codes, _DIVIDENDS, _DIVIDENDS_DECLARED)


def _share_gains(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return separated(codes, _SHARES, _SHARES_DECLARED)


@st.composite
def losers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident with a 純損失 of a year around the 前年前三年間 (from the 前年 to five years before it), on a
    青色申告書 or not, the 申告書 filed since or not."""
    fiscal_year = draw(_YEARS)
    items = {_INCOME: draw(_THOUSANDS), _DEDUCTIONS: 0, _LOSS: draw(_THOUSANDS.filter(bool)),
             _LOSS_YEAR: juminzei.income_year(fiscal_year) - draw(st.integers(0, 5)),
             _BLUE: draw(st.sampled_from(("1", "1", None))), _FILED: draw(st.sampled_from(("1", "1", None)))}
    return _resident(draw, fiscal_year, record(**items))


def _levied_income() -> st.SearchStrategy[int]:
    """A 合計所得金額 of an adult of no 第295条第1項第2号 category, whom the rule levies: at least 1,348,000円.

    Why (issue 65, an outside product's F6): such a person of a low income is exempt from 所得割 by 地方税法
    附則第3条の3 (not among the sources: 45万円 for one with no 同一生計配偶者 or 扶養親族, the record naming none) and
    then from 均等割 by 第295条第3項 (the 条例's amount, 450,000円 as commonly declared); drawn above both, every
    reading levies the person (provisions.yaml 第295条第1項第2号)."""
    return _THOUSANDS.filter(lambda amount: amount >= juminzei.LOW_INCOME_LIMIT - 2000)


@st.composite
def low_incomes(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident who is a 障害者, 寡婦 or ひとり親 (the record's), a 未成年者 of 15 to 17 on the 賦課期日, or neither,
    whose 前年の合計所得金額 is a step or two around 1,350,000円 (第295条第1項第2号) or far from it; neither, at least
    two steps below it (``_levied_income``)."""
    fiscal_year = draw(_YEARS)
    minor = draw(st.booleans())
    category = None if minor else draw(st.sampled_from((None, *juminzei.LOW_INCOME_CATEGORIES)))
    income = draw(st.one_of(st.integers(-2, 2).map(lambda step: juminzei.LOW_INCOME_LIMIT + step * 1000),
                            _THOUSANDS if minor or category is not None else _levied_income()))
    records = record(**{_CATEGORY: category, _TOTAL_INCOME: income})
    if not minor:
        return _resident(draw, fiscal_year, records)
    birth = date(fiscal_year - draw(st.integers(15, 17)), 1, 3) + timedelta(days=draw(st.integers(0, 360)))
    return Scenario(fiscal_year, birth, birth, records=records)


@st.composite
def employers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident running a business with 事業専従者 (the 配偶者 or not, 0-2 others), its income a multiple of
    12,000円 up to 6,000,000円 (so that the income divided by their number plus one is whole yen)."""
    spouse, others = draw(st.booleans()), draw(st.integers(0, 2))
    if not spouse and not others:
        others = 1
    items = {_BUSINESS: draw(st.integers(0, 500)) * 12_000, _SPOUSE: "1" if spouse else None,
             _OTHERS: others, _DECLARED: "1"}
    return _resident(draw, draw(_YEARS), record(**items))


@st.composite
def employers_declaring(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An employer of one 事業専従者 (not the 配偶者) whose 申告書 states them or not, no 申告書 being due or the
    omission found unavoidable, or neither."""
    flag = st.sampled_from(("1", None))
    items = {_BUSINESS: draw(st.integers(100, 500)) * 12_000, _OTHERS: 1, _DECLARED: draw(flag),
             _NO_DUTY: draw(flag), _UNAVOIDABLE: draw(flag)}
    return _resident(draw, draw(_YEARS), record(**items))


@st.composite
def deemed_elsewhere(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident whom another municipality levied under 第294条第3項 for the 年度, the one before or the one
    after (or nobody did)."""
    fiscal_year = draw(_YEARS)
    year = draw(st.sampled_from((fiscal_year - 1, fiscal_year, fiscal_year + 1, None)))
    items = {_DEEMED_YEAR: year, _DEEMED_BY: None if year is None else draw(st.sampled_from(codes))}
    return _resident(draw, fiscal_year, record(**items) or record(**{_INCOME: 0}))


@st.composite
def senjusha_employees(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident who worked as a 事業専従者 (the 控除額 deducted for them) and maybe had another 給与."""
    items = {_SALARY: draw(st.sampled_from((0, *range(100_000, 2_000_001, 100_000)))),
             _DEDUCTED_FOR: draw(st.sampled_from((500_000, 600_000, 860_000)))}
    return _resident(draw, draw(_YEARS), record(**items))


@st.composite
def retirees(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident paid a 退職手当等 in the 年度's first year, whose 生活扶助 begins or is 廃止 a few days around
    1月1日 of that year."""
    fiscal_year = draw(_YEARS)
    near = date(fiscal_year, 1, 1) + timedelta(days=draw(st.integers(-3, 3)))
    start, end = draw(st.sampled_from(((near, None), (date(fiscal_year - 3, 6, 1), near))))
    paid = date(fiscal_year, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    return _resident(draw, fiscal_year, record(**{_AID_START: start, _AID_END: end, _PAID_ON: paid}))


@st.composite
def blue_employers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 青色申告 employer paying a 青色事業専従者, with the 書類 of 所得税法 第57条第2項 (an amount at, above or below
    the paid one) or without it, for a reason or not, the 申告書 stating it, its omission found unavoidable (第2文's
    括弧書) or none being due, or not."""
    paid = draw(st.integers(1, 300)) * 10_000
    flag = st.sampled_from(("1", None))
    step = draw(st.integers(1, 100)) * 10_000
    filed = draw(st.sampled_from((None, paid, paid + step, max(0, paid - step))))
    unfiled = filed is None
    items = {_BLUE_PAID: paid, _FILED_AMOUNT: filed, _NO_FILING_REASON: draw(flag) if unfiled else None,
             _DECLARED: draw(flag) if unfiled else None, _NO_DUTY: draw(flag) if unfiled else None,
             _UNAVOIDABLE: draw(flag) if unfiled else None}
    return _resident(draw, draw(_YEARS), record(**items))


def _items(s: Scenario) -> dict[str, str]:
    return s.record(PART)


def _amount(s: Scenario, item: str) -> int:
    return int(_items(s).get(item, "0"))


#: 第295条第1項: whether any 市町村民税 is levied (which taxes is ``juminzei.taxes``'s to judge).
_ANY = "市町村民税を課する"


def _aided_taxes(s: Scenario, town: str) -> Projection:
    aid = juminzei.receives_livelihood_aid(s.record_day(PART, _AID_START), s.record_day(PART, _AID_END),
                                           s.fiscal_year)
    return {_ANY: bool(juminzei.taxes_levied(resident=_levied(s, town), house_here=False, aided=aid))}


def _answered_any(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    taxes = picked(PART, "課する税")(document, loaded)["課する税"]
    return {_ANY: bool(taxes)} if isinstance(taxes, list) else {_ANY: None, "課する税": taxes}


def _deemed_taxes(s: Scenario, town: str) -> Projection:
    items = _items(s)
    year = int(items[_DEEMED_YEAR]) if _DEEMED_YEAR in items else None
    elsewhere = juminzei.levied_by_deeming_elsewhere(year, items.get(_DEEMED_BY), town, s.fiscal_year)
    return {_ANY: _levied(s, town) and not elsewhere}


def _low_income_taxes(s: Scenario, town: str) -> Projection:
    minor = juminzei.is_minor_on_levy_date(s.birth, s.fiscal_year)
    exempt = juminzei.exempt_by_low_income(_items(s).get(_CATEGORY), minor, _amount(s, _TOTAL_INCOME))
    return {_ANY: _levied(s, town) and not exempt}


def _house_taxes(s: Scenario, town: str) -> Projection:
    house = _items(s).get(_HOUSE) in (TOWN_MARK, town)
    return {"課する税": in_any_order(list(juminzei.taxes_levied(resident=_levied(s, town), house_here=house,
                                                              aided=False)))}


def _kintowari_exempt_at(limit: int | None) -> Oracle:
    """The 第295条第3項 rule's oracle at the 条例's amount the profile declares (none: no exemption known)."""
    def expected(s: Scenario, town: str) -> Projection:
        taxes = _house_taxes(s, town)["課する税"]
        if taxes == ["均等割"] and limit is not None and juminzei.exempt_from_kintowari(_amount(s, _TOTAL_INCOME),
                                                                                      limit):
            return {"課する税": []}
        return {"課する税": taxes}

    return expected


def _ordained_kintowari_exempt(ordinance: Ordinance) -> Rule:
    """The 第295条第3項 rule at the 条例's amount the profile declares; NOT_AUTOMATED without one."""
    limit = ordinance.kojin_juminzei.kintowari_exempt_limit
    if limit is None:
        raise NotAutomated("the profile declares no ordinance.kojin_juminzei.kintowari_exempt_limit: the amount of "
                           "第295条第3項 is the municipality's 条例's (under a 政令 standard not quoted)")
    return STATUTE.rule("juminzei.kintowari_exempt", drawn_with(house_owners_earning, limit),
                        _kintowari_exempt_at(limit), _TAXES, kintowari_exempt_examples(limit), needs_records=True)


def kintowari_exempt_examples(limit: int) -> tuple[Scenario, ...]:
    """The worked examples of 第295条第3項 at the 条例's amount ``limit``: a 家屋敷 here, moved away on 2024-12-20,
    a 合計所得金額 of the amount itself (no 均等割 for 令和7年度) and of 1,000円 more (均等割)."""
    return tuple(_house_owner(2025, date(1970, 5, 5), date(2024, 12, 20), other_codes(TOWN_CODE)[0], income)
                 for income in (limit, limit + 1000))


def _total(s: Scenario) -> int:
    items = _items(s)
    carried = _amount(s, _LOSS) if _LOSS in items and juminzei.is_loss_carried(
        int(items[_LOSS_YEAR]), s.fiscal_year, blue_return=items.get(_BLUE) == "1",
        filed_since=items.get(_FILED) == "1") else 0
    return juminzei.total_income(_amount(s, _INCOME), dividends=_amount(s, _DIVIDENDS),
                                 dividends_declared=items.get(_DIVIDENDS_DECLARED) == "1",
                                 share_gains=_amount(s, _SHARES),
                                 share_gains_declared=items.get(_SHARES_DECLARED) == "1", loss_carried=carried)


def _total_income(s: Scenario, town: str) -> Projection:
    return {"総所得金額": _total(s)}


def _taxable(s: Scenario, town: str) -> Projection:
    return {"課税総所得金額": juminzei.taxable_income(_total(s), _amount(s, _DEDUCTIONS))}


#: 第314条の3第1項: the 所得割 is the 課税総所得金額 times the rate, both read from the answer (a wrong 控除 fails
#: ``taxable_income`` alone, a wrong rate ``rate``).
_AMOUNT = "所得割額は課税総所得金額に所得割税率を乗じた額"


def _amount_at_rate(s: Scenario, town: str) -> Projection:
    return {_AMOUNT: True}


def _answered_amount(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    answer = picked(PART, "課税総所得金額", "所得割税率", "所得割額")(document, loaded)
    taxable, rate, amount = answer["課税総所得金額"], answer["所得割税率"], answer["所得割額"]
    if not all(isinstance(value, int) for value in (taxable, rate, amount)):
        return {_AMOUNT: None, **answer}
    return {_AMOUNT: True} if amount in shotokuwari_readings(taxable, rate) else {_AMOUNT: False, **answer}


def shotokuwari_readings(taxable: int, rate: int) -> set[int]:
    """The 所得割額 each allowed reading gives for the answer's own 課税総所得金額 and 所得割税率 (provisions.yaml,
    第314条の3第1項): the product exactly (the sources alone), or with 地方税法 第20条の4の2 (not among the sources)
    applied, the 課税標準 floored to 1,000円 (第1項) and the tax to 100円 (第3項, all of it below 100円). The drawn
    amounts make them one (``_TEN_THOUSANDS``); the answer's own fields may not be, so both are allowed."""
    floored = (taxable // 1000 * 1000) * rate // 100 // 100 * 100
    return {floored} | ({taxable * rate // 100} if taxable * rate % 100 == 0 else set())


def _senjusha(s: Scenario, town: str) -> Projection:
    items = _items(s)
    return {"事業専従者控除額": juminzei.senjusha_deduction(_amount(s, _BUSINESS), spouse=items.get(_SPOUSE) == "1",
                                                     others=_amount(s, _OTHERS))}


def _senjusha_declared(s: Scenario, town: str) -> Projection:
    items = _items(s)
    applies = juminzei.senjusha_applies(declared=items.get(_DECLARED) == "1",
                                        no_duty_to_file=items.get(_NO_DUTY) == "1",
                                        unavoidable=items.get(_UNAVOIDABLE) == "1")
    return _senjusha(s, town) if applies else {"事業専従者控除額": 0}


def _senjusha_salary(s: Scenario, town: str) -> Projection:
    return {"給与所得に係る収入金額": juminzei.senjusha_salary_income(_amount(s, _SALARY), _amount(s, _DEDUCTED_FOR))}


def _separate_tax(s: Scenario, town: str) -> Projection:
    paid_on = s.record_day(PART, _PAID_ON)
    assert paid_on is not None
    exempt = juminzei.separate_tax_exempt(s.record_day(PART, _AID_START), s.record_day(PART, _AID_END), paid_on)
    return {"分離課税に係る所得割を課する": not exempt}


def _blue_senjusha(s: Scenario, town: str) -> Projection:
    items = _items(s)
    expense = juminzei.blue_senjusha_expense(
        _amount(s, _BLUE_PAID), filed_amount=int(items[_FILED_AMOUNT]) if _FILED_AMOUNT in items else None,
        no_filing_reason=items.get(_NO_FILING_REASON) == "1", declared=items.get(_DECLARED) == "1",
        no_duty_to_file=items.get(_NO_DUTY) == "1", unavoidable=items.get(_UNAVOIDABLE) == "1")
    return {"青色事業専従者給与の必要経費算入額": either(*expense)}


def _record_rule(name: str, drawn: Drawn, expected: Oracle, compared: str | Actual,
                 examples: tuple[Scenario, ...]) -> Rule:
    """A rule whose persons carry a 個人住民税 record (``targets.load.records_path``)."""
    return STATUTE.rule(name, drawn, expected, compared, examples, needs_records=True)


def _example(items: Mapping[str, object], fiscal_year: int = 2025) -> Scenario:
    return Scenario(fiscal_year, date(1970, 5, 5), date(fiscal_year - 5, 4, 1), records=_record_of(items))


#: 生活扶助 廃止 on 2025-01-01: not receiving it on the 賦課期日, levied; 廃止 on 1月2日 and begun on 1月1日: not
#: levied.
AID_ENDED_ON_LEVY_DATE = _example({_AID_START: date(2022, 6, 1), _AID_END: date(2025, 1, 1)})
AID_ENDED_AFTER = _example({_AID_START: date(2022, 6, 1), _AID_END: date(2025, 1, 2)})
AID_BEGUN_ON_LEVY_DATE = _example({_AID_START: date(2025, 1, 1)})
#: Moved on 2024-12-31 or on 2025-01-01 (the new address counts on a move day) to another municipality with a
#: 家屋敷 in the town: 均等割 only (第294条第1項第2号); without it, none.
HOUSE_AFTER_MOVE = Scenario(2025, date(1970, 5, 5), date(2020, 4, 1), planned_out=date(2024, 12, 31),
                            elsewhere=date(2024, 12, 31), next=other_codes(TOWN_CODE)[0],
                            records=record(**{_HOUSE: TOWN_MARK}))
HOUSE_MOVED_ON_LEVY_DATE = replace(HOUSE_AFTER_MOVE, planned_out=date(2025, 1, 1), elsewhere=date(2025, 1, 1))
NO_HOUSE_AFTER_MOVE = replace(HOUSE_AFTER_MOVE, records=record(**{_INCOME: 0}))
#: 所得の金額 3,000,000円, 所得控除 1,000,000円: 課税総所得金額 2,000,000円, 所得割 120,000円; 控除 above the income: 0.
EARNER = _example({_INCOME: 3_000_000, _DEDUCTIONS: 1_000_000})
HIGH_EARNER = _example({_INCOME: 25_000_000, _DEDUCTIONS: 1_000_000})
DEDUCTIONS_ABOVE_INCOME = _example({_INCOME: 400_000, _DEDUCTIONS: 430_000})
#: 特定配当等 200,000円 stated in the 確定申告書: in the 総所得金額; not stated: left out (第313条第12項, 第13項).
DIVIDENDS_DECLARED = _example({_INCOME: 1_000_000, _DEDUCTIONS: 0, _DIVIDENDS: 200_000, _DIVIDENDS_DECLARED: "1"})
DIVIDENDS_WITHHELD = _example({_INCOME: 1_000_000, _DEDUCTIONS: 0, _DIVIDENDS: 200_000})
SHARES_DECLARED = _example({_INCOME: 1_000_000, _DEDUCTIONS: 0, _SHARES: 500_000, _SHARES_DECLARED: "1"})
SHARES_WITHHELD = _example({_INCOME: 1_000_000, _DEDUCTIONS: 0, _SHARES: 500_000})
#: 令和7年度 (前年 2024): a 純損失 of 2021 on a 青色申告書 is deducted; one of 2020 is not (第313条第8項).
LOSS_OF_2021 = _example({_INCOME: 2_000_000, _DEDUCTIONS: 0, _LOSS: 500_000, _LOSS_YEAR: 2021, _BLUE: "1",
                           _FILED: "1"})
LOSS_OF_2020 = _example({_INCOME: 2_000_000, _DEDUCTIONS: 0, _LOSS: 500_000, _LOSS_YEAR: 2020, _BLUE: "1",
                           _FILED: "1"})
LOSS_NOT_BLUE = _example({_INCOME: 2_000_000, _DEDUCTIONS: 0, _LOSS: 500_000, _LOSS_YEAR: 2022, _FILED: "1"})
#: The 配偶者 as 事業専従者, 事業所得 1,800,000円: 900,000 by 第2号, the lower is 860,000円; 事業所得 1,200,000円:
#: 600,000円; the 配偶者 and one other, 3,000,000円: 860,000 + 500,000 (1,000,000 each by 第2号).
SPOUSE_HIGH = _example({_BUSINESS: 1_800_000, _SPOUSE: "1", _OTHERS: 0, _DECLARED: "1"})
SPOUSE_LOW = _example({_BUSINESS: 1_200_000, _SPOUSE: "1", _OTHERS: 0, _DECLARED: "1"})
#: 第313条第6項: one other 事業専従者, 事業所得 1,200,000円, not stated in the 申告書 -> no 控除; with no 申告書 due, or
#: the omission found unavoidable -> 500,000円.
NOT_DECLARED = _example({_BUSINESS: 1_200_000, _OTHERS: 1})
NOT_DUE = _example({_BUSINESS: 1_200_000, _OTHERS: 1, _NO_DUTY: "1"})
UNAVOIDABLE = _example({_BUSINESS: 1_200_000, _OTHERS: 1, _UNAVOIDABLE: "1"})
#: 第313条第5項: 控除 860,000円 deducted for the person, another 給与 300,000円 -> 1,160,000円.
SENJUSHA_EMPLOYEE = _example({_SALARY: 300_000, _DEDUCTED_FOR: 860_000})
#: 第295条第2項: a 退職手当等 paid on 2025-06-30; 生活扶助 begun 2025-01-01 -> not levied; begun 2025-01-02 -> levied;
#: 廃止 on 2025-01-01 -> levied.
RETIRED_AIDED = _example({_AID_START: date(2025, 1, 1), _PAID_ON: date(2025, 6, 30)})
RETIRED_AIDED_LATER = _example({_AID_START: date(2025, 1, 2), _PAID_ON: date(2025, 6, 30)})
RETIRED_AID_ENDED = _example({_AID_START: date(2022, 6, 1), _AID_END: date(2025, 1, 1), _PAID_ON: date(2025, 6, 30)})
#: 第313条第3項: 1,200,000円 paid within the 書類's 1,500,000円 -> 1,200,000円; no 書類 for a reason, stated in the
#: 申告書 -> 1,200,000円; no 書類 and no reason -> 0.
BLUE_FILED = _example({_BLUE_PAID: 1_200_000, _FILED_AMOUNT: 1_500_000})
BLUE_DECLARED = _example({_BLUE_PAID: 1_200_000, _NO_FILING_REASON: "1", _DECLARED: "1"})
BLUE_UNFILED = _example({_BLUE_PAID: 1_200_000, _DECLARED: "1"})
#: 1,200,000円 paid above the 書類's 1,000,000円 -> 1,000,000円 or 0 (never 1,200,000円); no 書類 for a reason, its
#: omission from the 申告書 found unavoidable (第2文's 括弧書) -> 1,200,000円 (issue 66, an outside product's mutants;
#: the bundled reference answered 0 for the second: fixed).
BLUE_ABOVE_FILED = _example({_BLUE_PAID: 1_200_000, _FILED_AMOUNT: 1_000_000})
BLUE_UNAVOIDABLE = _example({_BLUE_PAID: 1_200_000, _NO_FILING_REASON: "1", _UNAVOIDABLE: "1"})
#: 令和7年度: levied under 第3項 by another municipality for 令和7年度 -> none here (第4項); for 令和6年度 ->
#: levied here.
DEEMED_ELSEWHERE = _example({_DEEMED_YEAR: 2025, _DEEMED_BY: other_codes(TOWN_CODE)[0]})
DEEMED_THE_YEAR_BEFORE = _example({_DEEMED_YEAR: 2024, _DEEMED_BY: other_codes(TOWN_CODE)[0]})
#: 第295条第1項第2号: a ひとり親 with 合計所得金額 1,350,000円 -> none (超える場合を除く); 1,351,000円 -> levied; a
#: 未成年者 (born 2008-06-01, 16 on 2025-01-01) with 1,000,000円 -> none; an adult of no category with 1,350,000円 ->
#: levied (above 附則第3条の3's and 第295条第3項's amounts too, so levied under every reading: issue 65, F6).
SINGLE_PARENT_AT_LIMIT = _example({_CATEGORY: "ひとり親", _TOTAL_INCOME: 1_350_000})
SINGLE_PARENT_ABOVE = _example({_CATEGORY: "ひとり親", _TOTAL_INCOME: 1_351_000})
MINOR_EARNING = Scenario(2025, date(2008, 6, 1), date(2008, 6, 1), records=record(**{_TOTAL_INCOME: 1_000_000}))
NO_CATEGORY = _example({_TOTAL_INCOME: 1_350_000})
SPOUSE_AND_CHILD = _example({_BUSINESS: 3_000_000, _SPOUSE: "1", _OTHERS: 1, _DECLARED: "1"})

RECORD_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _record_rule("juminzei.livelihood_aid", aided, _aided_taxes, _answered_any,
                 (AID_ENDED_ON_LEVY_DATE, AID_ENDED_AFTER, AID_BEGUN_ON_LEVY_DATE)),
    _record_rule("juminzei.deemed_elsewhere", deemed_elsewhere, _deemed_taxes, _answered_any,
                 (DEEMED_ELSEWHERE, DEEMED_THE_YEAR_BEFORE)),
    _record_rule("juminzei.low_income", low_incomes, _low_income_taxes, _answered_any,
                 (SINGLE_PARENT_AT_LIMIT, SINGLE_PARENT_ABOVE, MINOR_EARNING, NO_CATEGORY)),
    _record_rule("juminzei.house", house_owners, _house_taxes, _TAXES,
                 (HOUSE_AFTER_MOVE, HOUSE_MOVED_ON_LEVY_DATE, NO_HOUSE_AFTER_MOVE)),
    _record_rule("juminzei.taxable_income", earners, _taxable, "課税総所得金額", (EARNER, DEDUCTIONS_ABOVE_INCOME)),
    _record_rule("juminzei.shotokuwari_amount", earners, _amount_at_rate, _answered_amount, (EARNER, HIGH_EARNER)),
    _record_rule("juminzei.dividends", _dividends, _total_income, "総所得金額",
                 (DIVIDENDS_DECLARED, DIVIDENDS_WITHHELD)),
    _record_rule("juminzei.share_gains", _share_gains, _total_income, "総所得金額",
                 (SHARES_DECLARED, SHARES_WITHHELD)),
    _record_rule("juminzei.loss_carried", losers, _total_income, "総所得金額",
                 (LOSS_OF_2021, LOSS_OF_2020, LOSS_NOT_BLUE)),
    _record_rule("juminzei.senjusha", employers, _senjusha, "事業専従者控除額",
                 (SPOUSE_HIGH, SPOUSE_LOW, SPOUSE_AND_CHILD)),
    _record_rule("juminzei.senjusha_salary", senjusha_employees, _senjusha_salary, "給与所得に係る収入金額",
                 (SENJUSHA_EMPLOYEE,)),
    _record_rule("juminzei.separate_tax_aid", retirees, _separate_tax, "分離課税に係る所得割を課する",
                 (RETIRED_AIDED, RETIRED_AIDED_LATER, RETIRED_AID_ENDED)),
    _record_rule("juminzei.blue_senjusha", blue_employers, _blue_senjusha, "青色事業専従者給与の必要経費算入額",
                 (BLUE_FILED, BLUE_DECLARED, BLUE_UNFILED, BLUE_ABOVE_FILED, BLUE_UNAVOIDABLE)),
    _record_rule("juminzei.senjusha_declared", employers_declaring, _senjusha_declared, "事業専従者控除額",
                 (NOT_DECLARED, NOT_DUE, UNAVOIDABLE)),
)}
TAX_RULES.update(RECORD_RULES)


# -- The first rules (judged with 住民記録's generated scenarios: moves, elders, families) --------------------

def _juminzei(s: Scenario, town: str) -> Projection:
    return {"課税": either(*(is_levied_by(town, stays, s.fiscal_year, died=s.died)
                            for stays in (history(s, town), _off_the_register(s, town))))}


def _levied_on(s: Scenario, town: str) -> Projection:
    """Whether levied and the 賦課期日 answered (第318条: 1月1日 of the 年度; issue 66, a tool mutant moved it)."""
    return {**_juminzei(s, town), "賦課期日": juminzei.levy_date(s.fiscal_year).isoformat()}


def _off_the_register(s: Scenario, town: str) -> list[Residence]:
    """The person's stays read by the register (第294条第2項: 住民基本台帳に記録されている者): a 転出 leaves it on the
    除票's day, the earlier of the 転出予定年月日 and the 転出年月日（確定） (DOMAIN.md, 住民記録), so the person is no
    longer recorded here on that day itself.

    Why both readings (issue 65, an outside product's F4; provisions.yaml 第318条第1項): the contract's reading keeps
    the old address on a move day with no address elsewhere that day (a 国外転出, or a 転出 whose 転入通知 is not in
    or gives a later day); the text does not say whether one whose 除票 is of the 賦課期日 is still recorded on it.
    Only the 転出's day differs; a 死亡 is not a 転出 (its own reading: DIED_ON_JANUARY_FIRST)."""
    stays = history(s, town)
    end = s.moved_out
    if s.planned_out is None or s.died is not None or end is None:
        return stays
    here = [Residence(town, s.moved_in, end - timedelta(days=1))] if end > s.moved_in else []  # gone the day it came
    return [kept for stay in stays
            for kept in (here if stay.municipality == town and stay.moved_in == s.moved_in else [stay])]


#: 地方税法 第294条第2項, 第318条: the 2024年度's 賦課期日 is 2024-01-01. Resident from 2015, moved to 千代田区 on
#: 2024-03-10: levied here (the address on 1月1日). Moved here from 千代田区 on 2024-02-01: not levied here.
LEFT_AFTER_JANUARY_FIRST = Scenario(2024, date(1970, 5, 5), date(2015, 4, 1), planned_out=date(2024, 3, 10),
                                    elsewhere=date(2024, 3, 10), next="131016")
CAME_AFTER_JANUARY_FIRST = Scenario(2024, date(1970, 5, 5), date(2024, 2, 1), previous="131016")
#: 転出 on the 賦課期日 itself with no 転入通知 yet (or a 国外転出): true (the contract's reading: no address elsewhere
#: that day) or false (the register's: the 除票 is of 1月1日); with a 転入通知 of the same day: false under both.
LEFT_ON_JANUARY_FIRST = Scenario(2016, date(1970, 5, 5), date(2010, 4, 1), planned_out=date(2016, 1, 1))
LEFT_ON_JANUARY_FIRST_CONFIRMED = replace(LEFT_ON_JANUARY_FIRST, elsewhere=date(2016, 1, 1), next="131016")
#: Moved in and notified a 転出 on 1月1日 itself (no 転入通知 yet): true or false, as above.
CAME_AND_LEFT_ON_JANUARY_FIRST = replace(LEFT_ON_JANUARY_FIRST, moved_in=date(2016, 1, 1))
#: The 除票 is of the earlier of the two days: a 転出 of 12月25日 confirmed as of 1月5日, or confirmed as of 12月25日
#: with a 転出予定年月日 of 1月5日: off the register on 1月1日, not levied under both readings (issue 66, an outside
#: product's mutant kept the later day and the person here).
LEFT_BEFORE_CONFIRMED_AFTER = Scenario(2025, date(1970, 5, 5), date(2015, 4, 1), planned_out=date(2024, 12, 25),
                                       elsewhere=date(2025, 1, 5), next="131016")
CONFIRMED_BEFORE_PLANNED_AFTER = replace(LEFT_BEFORE_CONFIRMED_AFTER, planned_out=date(2025, 1, 5),
                                         elsewhere=date(2024, 12, 25))
#: Died on 1月1日, the 賦課期日 itself: not levied; died on 1月2日: levied for the whole 年度 (the oracle's reading,
#: DOMAIN.md: a person alive on 1月1日 is taxed).
DIED_ON_JANUARY_FIRST = Scenario(2024, date(1950, 5, 5), date(2000, 4, 1), died=date(2024, 1, 1))
DIED_ON_JANUARY_SECOND = Scenario(2024, date(1950, 5, 5), date(2000, 4, 1), died=date(2024, 1, 2))
#: A 外国人住民 (住民種別 2) resident since 2015: levied as any 住所を有する個人 (第294条第1項第1号; issue 66).
FOREIGN_RESIDENT = Scenario(2025, date(1980, 5, 5), date(2015, 4, 1), foreign=True)

LEVIED = STATUTE.rule("juminzei.levied", moves, _levied_on, picked(PART, "課税", "賦課期日"), (
    LEFT_AFTER_JANUARY_FIRST, CAME_AFTER_JANUARY_FIRST, DIED_ON_JANUARY_FIRST, DIED_ON_JANUARY_SECOND,
    LEFT_ON_JANUARY_FIRST, LEFT_ON_JANUARY_FIRST_CONFIRMED, CAME_AND_LEFT_ON_JANUARY_FIRST,
    LEFT_BEFORE_CONFIRMED_AFTER, CONFIRMED_BEFORE_PLANNED_AFTER, FOREIGN_RESIDENT))

#: 第295条第3項: judged only at the amount the profile declares (the rule as declared: _ordained_kintowari_exempt).
KINTOWARI_EXEMPT = STATUTE.rule("juminzei.kintowari_exempt", drawn_with(house_owners_earning, 0),
                                _kintowari_exempt_at(None), _TAXES, (), needs_records=True,
                                ordained=_ordained_kintowari_exempt)

#: Why a rule here does not apply to a product that does not claim 個人住民税 (issue 66, an outside 法人住民税-only
#: product), in Japanese and English.
NOT_CLAIMED = ("個人住民税（kojin_juminzei）を主張しない製品: 第294条の個人に関する規定は個人住民税の業務のもので、"
               "法人住民税のみの製品には個人住民税の記録も応答の部分もない（ハーネスの解釈: hojin_juminzei の "
               "provisions.yaml）",
               "the profile does not claim 個人住民税 (kojin_juminzei): 第294条's sentences about 個人 are the "
               "個人住民税 system's, and a 法人住民税-only product keeps no 個人住民税 record or answer part (our "
               "reading: hojin_juminzei's provisions.yaml); judged for a product that claims 個人住民税")


def run_claimed(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """The rule judged only for a product that claims 個人住民税.

    Why: 法人住民税's edition quotes 第294条 whole and binds its sentences about 個人 (第1項第1号・第2号, 第2項,
    第4項: the same text as 個人住民税's) to these checks, but its contract publishes no 個人住民税 record or part.
    A 法人住民税 product is not the system that levies a 個人 (the 標準仕様書 of the two are separate systems), so
    for one that does not claim 個人住民税 they are NOT_APPLICABLE: the plan decides it (provisions.yaml names them
    個人住民税's part); this guard says the same, judging nothing else, for a binding without the part, before any
    request: never FAIL (a part it was never asked for) or ERROR (a record of a 業務 it does not keep refused)."""
    if not target_of(ctx).claims(STATUTE.slug):
        ctx.does_not_apply(*NOT_CLAIMED, whole=True)
        return
    yield from run_rule(ctx, rule)


#: 第320条's 本文 (1.320.0.1.0-R001) judged alone for a product that does not declare its 但し書 (O002: 「特別の事情
#: がある場合においては、これと異なる納期を定めることができる」); one that declares it may set other months of the 年度.
_PAYMENT_MONTHS = proviso_check(TAX_RULES["juminzei.payment_months"], _answered_payment_months)


@check("scenario.juminzei.payment_months")
def payment_months_check(ctx: CheckContext) -> Iterator[Finding]:
    """Scenario check of the 納期 (第320条): the 本文's months, another month of the 年度 only where the profile
    declares the 但し書 (issue 66, an outside product's mutant); 個人住民税 claimed."""
    if not target_of(ctx).claims(STATUTE.slug):
        ctx.does_not_apply(*NOT_CLAIMED, whole=True)
        return
    yield from _PAYMENT_MONTHS(ctx)


#: Every other rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = own_rule_checks(run_claimed, (*(rule for name, rule in TAX_RULES.items()
                                               if name != "juminzei.payment_months"), LEVIED, KINTOWARI_EXEMPT),
                              "Scenario check of {title} (vendor against the domain's oracle; 個人住民税 claimed).")
