"""Scenario checks of 法人住民税 (the 法人 of 市町村民税: 地方税法 第294条, 第312条, 第314条の4, 第321条の8; the
statute edition ``hojin_juminzei 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.hojin_juminzei.oracle`). 住民記録 holds no corporation: each
person represents one, sent as the person's ``法人住民税`` record (事務所所在地 and 寮等所在地 as 市区町村コード,
資本金等の額, 資本金及び資本準備金の合算額, 従業者数 on the last day of the 事業年度 and maybe on its first,
事業年度開始日, 事業年度終了日, 事務所等開設日, 法人税額, 法人税申告書提出期限; ``targets.load.records_path``;
without it every check here is NOT_AUTOMATED). Each check judges one field of the answer's ``法人住民税`` part:

- ``納税義務者``: a 事務所又は事業所 here or elsewhere (第294条第1項第3号), only a 寮等 here (第4号);
  ``課税区分``: 均等割 and 法人税割, or 均等割 alone (第1項 柱書);
- ``均等割区分`` and ``均等割額``: the table of 第312条第1項 at its bounds (千万円, 一億円, 十億円, 五十億円, 五十人),
  the 従業者数 of the period's last day (第5項), 資本金及び資本準備金 above 資本金等の額 (第6項), at most 1.2
  times the 標準税率 (第2項), the months held (``均等割月数``) and the 月割 (第4項);
- ``法人税割額``: 百分の六 of the ``法人税額`` (第314条の4第1項), at most 百分の八・四 (ただし書);
- ``申告納付期限``: the 提出期限 of the 法人税's 申告書 (第321条の8第1項).

Readings (provisions.yaml): the test town levies the 標準税率 (第312条第1項 and 第314条の4第1項 are 標準税率s,
so ``equal_rate`` and ``corporate_rate`` are judged only against a town that adopts them); only corporations
with 資本金等の額 filing the 法人税's 確定申告 are drawn. By the record's 法人区分 (and its 恒久的施設, 収益事業 and
代表者): 第294条第1項第5号 and 第5項-第8項; by its 中間申告区分: 第321条の8第1項後段, 第2項後段 (みなし申告) and
第312条第7項. 第294条第1項第1号・第2号, 第2項, 第4項 (個人) are 個人住民税's checks (NOT_APPLICABLE to a product that
does not claim 個人住民税). Not judged: 第312条第3項 and
第314条の4第2項 (the 税率 in force on a day: MANUAL, the town's rate never changes here), 第294条第9項 and 第312条第8項
(政令).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, NotAutomated, target_of
from conformance.checks.scenarios import (
    TOWN_MARK,
    Loaded,
    Projection,
    Rule,
    Scenario,
    _birth,
    other_codes,
    picked,
    run_rule,
)
from conformance.checks.statute_rules import (
    Actual,
    Oracle,
    Statute,
    drawn_with,
    in_any_order,
    own_rule_checks,
    picked_in_any_order,
)
from conformance.domains.hojin_juminzei.oracle import (
    EQUAL_RATES,
    EXEMPT_PUBLIC,
    FOREIGN,
    PUBLIC_INTEREST,
    TRUSTEE,
    UNINCORPORATED,
    capital_for_table,
    components,
    corporate_taxes_allowed,
    deemed_corporation,
    deemed_return_day,
    equal_class,
    equal_rate_levied,
    exempt_public_liable,
    filing_deadline,
    foreign_office_here,
    liable,
    months_held,
    public_interest_corporate_tax,
    table_capital,
    trustee_components,
    within_corporate_ceiling,
    within_equal_ceiling,
    within_proration,
)
from conformance.findings import Finding
from conformance.oracles.dates import fiscal_year_of
from conformance.profiles import Ordinance
from conformance.testdata.town import TOWN_CODE

PART = "法人住民税"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("hojin_juminzei", PART, needs_records=True)
_OFFICE, _DORMITORY = "事務所所在地_市区町村コード", "寮等所在地_市区町村コード"
_CAPITAL, _PAID_IN = "資本金等の額", "資本金及び資本準備金の合算額"
_EMPLOYEES, _EMPLOYEES_AT_START = "従業者数", "従業者数_事業年度開始日"
_START, _END, _OPENED = "事業年度開始日", "事業年度終了日", "事務所等開設日"
_BASE, _DEADLINE = "法人税額", "法人税申告書提出期限"
#: 第312条第2項: 一・二を乗じて得た率を超えない; 第4項: the 月割; 第314条の4第1項ただし書: 百分の八・四を超えない.
_EQUAL_CEILING, _PRORATED, _CORPORATE_CEILING = "均等割の1.2倍以下", "均等割の月割", "法人税割の百分の八・四以下"
#: The bounds of 第312条第1項's table and values on either side of them.
_CAPITALS = (1_000_000, 9_999_999, 10_000_000, 10_000_001, 100_000_000, 100_000_001, 1_000_000_000, 1_000_000_001,
             5_000_000_000, 5_000_000_001, 30_000_000_000)
_EMPLOYEE_COUNTS = (0, 1, 49, 50, 51, 300)


def _month_end(year: int, month: int) -> date:
    """The last day of ``month`` of ``year`` (months past 12 run into the next years)."""
    index = month
    return date(year + index // 12, index % 12 + 1, 1) - timedelta(days=1)


def _year_end(start: date) -> date:
    """The last day of a 事業年度 of twelve months from ``start`` (the 1st of a month)."""
    return _month_end(start.year, start.month + 11)


def corporation(start: date = date(2024, 4, 1), *, office: str = TOWN_MARK, dormitory: str | None = None,
                capital: int = 10_000_000, employees: int = 10, paid_in: int | None = None,
                employees_at_start: int | None = None, opened: date | None = None, base: int = 1_000_000,
                deadline: date | None = None) -> tuple[tuple[str, str, str], ...]:
    """A person's 法人住民税 record: the corporation the person represents, its 事業年度 twelve months from
    ``start``, its 法人税's 申告書 due ``deadline`` (two months after the year by default)."""
    end = _year_end(start)
    items: dict[str, str | int | date | None] = {
        _OFFICE: office, _DORMITORY: dormitory, _CAPITAL: capital, _PAID_IN: paid_in, _EMPLOYEES: employees,
        _EMPLOYEES_AT_START: employees_at_start, _START: start, _END: end, _OPENED: opened, _BASE: base,
        _DEADLINE: deadline or _month_end(end.year, end.month + 2),
    }
    return tuple((PART, item, value.isoformat() if isinstance(value, date) else str(value))
                 for item, value in items.items() if value is not None)


def facts(s: Scenario) -> dict[str, str]:
    """The scenario's 法人住民税 record, item -> value."""
    return s.record(PART)


def _number(s: Scenario, item: str) -> int | None:
    value = facts(s).get(item)
    return int(value) if value is not None else None


def _day(s: Scenario, item: str) -> date | None:
    return s.record_day(PART, item)


def _representative(records: tuple[tuple[str, str, str], ...]) -> Scenario:
    """A resident since 2015 representing the corporation, asked as of the day after its 事業年度 ends, in the 年度
    of that day.

    Why that pair (issue 66, the contract's 法人住民税 part): the law keys the 法人's 市町村民税 to its 事業年度 (the
    算定期間: 第312条第3項第1号, 第321条の8第1項), never to a 年度, so the day picks the 事業年度 and ``fiscal_year``
    is what the shared query defines, the 年度 (April to March) of ``as_of`` (a 事業年度 ending on 2025-02-28 was
    asked with fiscal_year=2025 and as_of 2025-03-01, a day of 年度 2024)."""
    end = date.fromisoformat(dict((item, value) for _, item, value in records)[_END])
    as_of = end + timedelta(days=1)
    return Scenario(fiscal_year_of(as_of), date(1970, 7, 7), date(2015, 4, 1), as_of=as_of, records=records)


def _drawn_representative(draw: st.DrawFn, records: tuple[tuple[str, str, str], ...]) -> Scenario:
    scenario = _representative(records)
    return Scenario(scenario.fiscal_year, draw(_birth(1950, 1990)), scenario.moved_in, as_of=scenario.as_of,
                    records=records)


_STARTS = st.builds(date, st.integers(2021, 2025), st.integers(1, 12), st.just(1))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def offices(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation whose 事務所 is here or in another municipality, no 寮等."""
    office = draw(st.sampled_from((TOWN_MARK, *codes)))
    return _drawn_representative(draw, corporation(draw(_STARTS), office=office))


@st.composite
def dormitories(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation whose 事務所 is elsewhere, with a 寮等 here."""
    return _drawn_representative(draw, corporation(draw(_STARTS), office=draw(st.sampled_from(codes)),
                                                   dormitory=TOWN_MARK))


def offices_or_dormitories(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """A corporation with a 事務所 here (maybe a 寮等 too) or only a 寮等 here."""
    with_office = st.builds(lambda start, dorm: _representative(corporation(start, dormitory=dorm)), _STARTS,
                            st.sampled_from((None, TOWN_MARK, *codes)))
    return st.one_of(with_office, dormitories(codes))


@st.composite
def table_rows(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation with a 事務所 here the whole 事業年度, its capital and 従業者数 at the table's bounds."""
    capital = draw(st.one_of(st.sampled_from(_CAPITALS), st.integers(1_000_000, 60_000_000_000)))
    employees = draw(st.one_of(st.sampled_from(_EMPLOYEE_COUNTS), st.integers(0, 2_000)))
    return _drawn_representative(draw, corporation(draw(_STARTS), capital=capital, employees=employees))


@st.composite
def opened_during(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation whose 事務所 here opened on day 1-28 during its 事業年度 (None: held the whole year)."""
    start = draw(_STARTS)
    opened = draw(st.one_of(st.none(), st.builds(lambda months, day: date(
        start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1, day),
        st.integers(0, 11), st.integers(1, 28))))
    capital = draw(st.sampled_from(_CAPITALS))
    return _drawn_representative(draw, corporation(start, opened=opened, capital=capital,
                                                   employees=draw(st.sampled_from(_EMPLOYEE_COUNTS))))


@st.composite
def employees_changing(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation whose 従業者数 crosses 五十人 during the 事業年度 (never 50 itself)."""
    few, many = draw(st.integers(0, 49)), draw(st.integers(51, 500))
    first, last = (few, many) if draw(st.booleans()) else (many, few)
    return _drawn_representative(draw, corporation(draw(_STARTS), capital=draw(st.sampled_from(_CAPITALS)),
                                                   employees=last, employees_at_start=first))


@st.composite
def paid_in_capital(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation with a 資本金及び資本準備金 beside its 資本金等の額 (above, equal or below it)."""
    capital, paid_in = draw(st.sampled_from(_CAPITALS)), draw(st.sampled_from(_CAPITALS))
    employees = draw(st.sampled_from((0, 1, 49, 51, 300)))
    return _drawn_representative(draw, corporation(draw(_STARTS), capital=capital, paid_in=paid_in,
                                                   employees=employees))


@st.composite
def corporate_bases(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation with a 事務所 here, its 法人税額 in whole 10,000円."""
    base = draw(st.integers(0, 100_000)) * 10_000
    return _drawn_representative(draw, corporation(draw(_STARTS), base=base))


@st.composite
def deadlines(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A corporation whose 法人税's 申告書 is due one to four months after its 事業年度."""
    start = draw(_STARTS)
    end = _year_end(start)
    due = _month_end(end.year, end.month + draw(st.integers(1, 4)))
    return _drawn_representative(draw, corporation(start, deadline=due))


# -- rules ----------------------------------------------------------------------------------------


def _here(s: Scenario, town: str, item: str) -> bool:
    return facts(s).get(item) in (TOWN_MARK, town)


def _liable(s: Scenario, town: str) -> Projection:
    return {"納税義務者": liable(_here(s, town, _OFFICE), _here(s, town, _DORMITORY))}


#: Whether the answer carries a 法人税割額 (any amount: its rate is 第314条の4's rules', not this one's).
_CORPORATE_LEVIED = "法人税割額あり"


def _components(s: Scenario, town: str) -> Projection:
    """第294条第1項 柱書: what is levied, and a 法人税割額 only where the 法人税割 is (a corporation with only a 寮等
    here is levied the 均等割額 alone, whatever its 法人税額)."""
    levied = list(components(_here(s, town, _OFFICE), _here(s, town, _DORMITORY)))
    return {"課税区分": in_any_order(levied), _CORPORATE_LEVIED: "法人税割" in levied}


def _answered_components(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    answer = picked(PART, "課税区分", "法人税割額")(document, loaded)
    # 第294条第1項 柱書 names the taxes and orders no list of them: 課税区分 in any order (issue 65).
    return {"課税区分": in_any_order(answer["課税区分"]), _CORPORATE_LEVIED: answer["法人税割額"] is not None}


def _class(s: Scenario, employees_item: str = _EMPLOYEES) -> int:
    capital, employees = _number(s, _CAPITAL), _number(s, employees_item)
    assert capital is not None and employees is not None
    return equal_class(table_capital(capital, _number(s, _PAID_IN)), employees)


def _table_row_at(declared: Mapping[int, int]) -> Oracle:
    """The table rule's oracle at the 条例's 均等割 the profile declares (a 号 not declared: its 標準税率)."""
    def expected(s: Scenario, town: str) -> Projection:
        kind = _class(s)
        return {"均等割区分": kind, "均等割額": equal_rate_levied(kind, declared)}

    return expected


def _table_class(s: Scenario, town: str) -> Projection:
    return {"均等割区分": _class(s)}


def _months(s: Scenario, town: str) -> Projection:
    start, end, opened = _day(s, _START), _day(s, _END), _day(s, _OPENED)
    assert start is not None and end is not None
    return {"均等割月数": months_held(max(start, opened) if opened else start, end)}


def _true(name: str) -> Any:
    def expected(s: Scenario, town: str) -> Projection:
        return {name: True}

    return expected


def _equal_answer(document: Mapping[str, Any], loaded: Loaded,
                  declared: Mapping[int, int] | None = None) -> tuple[int, int, int] | None:
    """The answer's (均等割額, the rate of its 均等割区分, 均等割月数), None where one is not a number: the rate is the
    標準税率, or with ``declared`` the 条例's the profile declares (a 号 not declared: its 標準税率)."""
    answer = picked(PART, "均等割額", "均等割区分", "均等割月数")(document, loaded)
    amount, kind, months = answer["均等割額"], answer["均等割区分"], answer["均等割月数"]
    if not (isinstance(amount, int) and isinstance(months, int) and kind in EQUAL_RATES):
        return None
    return amount, equal_rate_levied(kind, declared or {}), months


def _answered_equal_ceiling(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    found = _equal_answer(document, loaded)
    if found is None:
        return {_EQUAL_CEILING: None, **picked(PART, "均等割額", "均等割区分", "均等割月数")(document, loaded)}
    return {_EQUAL_CEILING: within_equal_ceiling(*found)}


def _proration_at(declared: Mapping[int, int]) -> Actual:
    """The 月割 rule's reading of the answer at the 条例's 均等割 the profile declares."""
    def actual(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        found = _equal_answer(document, loaded, declared)
        if found is None:
            return {_PRORATED: None, **picked(PART, "均等割額", "均等割区分", "均等割月数")(document, loaded)}
        return {_PRORATED: within_proration(*found)}

    return actual


def _corporate_at(declared_percent: str | None) -> Oracle:
    """The 法人税割 rule's oracle at the 条例's rate the profile declares (none: the 標準税率 百分の六)."""
    def expected(s: Scenario, town: str) -> Projection:
        base = _number(s, _BASE)
        assert base is not None
        return {"法人税割額": corporate_taxes_allowed(base, declared_percent)}

    return expected


#: The rules' parts at the 標準税率 (what a profile declaring no 条例 judges).
_table_row, _answered_proration, _corporate = _table_row_at({}), _proration_at({}), _corporate_at(None)


def _ordained_equal_rate(ordinance: Ordinance) -> Rule:
    return replace(HOJIN_RULES["hojin_juminzei.equal_rate"], ordained=None,
                   expected=_table_row_at(ordinance.hojin_juminzei.equal_rates))


def _ordained_proration(ordinance: Ordinance) -> Rule:
    return replace(HOJIN_RULES["hojin_juminzei.prorated"], ordained=None,
                   actual=_proration_at(ordinance.hojin_juminzei.equal_rates))


def _ordained_corporate(ordinance: Ordinance) -> Rule:
    return replace(HOJIN_RULES["hojin_juminzei.corporate_rate"], ordained=None,
                   expected=_corporate_at(ordinance.hojin_juminzei.corporate_percent))


def _answered_corporate_ceiling(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    answer = picked(PART, "法人税割額", "法人税額")(document, loaded)
    amount, base = answer["法人税割額"], answer["法人税額"]
    if not (isinstance(amount, int) and isinstance(base, int)):
        return {_CORPORATE_CEILING: None, **answer}
    return {_CORPORATE_CEILING: within_corporate_ceiling(amount, base)}


def _deadline(s: Scenario, town: str) -> Projection:
    due = _day(s, _DEADLINE)
    assert due is not None
    return {"申告納付期限": filing_deadline(due).isoformat()}


#: Worked examples (第294条第1項, 第312条第1項・第4項-第6項, 第314条の4第1項, 第321条の8第1項), each a 事業年度
#: 2024-04-01..2025-03-31: a 事務所 here, 資本金等 1,000万円 and 50 従業者 -> 第一号ホ 50,000円, 法人税割 60,000円 on
#: 1,000,000円, 申告納付 by 2025-05-31; 51 従業者 -> 第二号 120,000円; a 事務所 elsewhere -> not liable; only a 寮等
#: here -> 均等割 alone; opened 2024-10-15 -> 5 months (20,833円); 従業者 30 -> 80 -> 第二号; 資本金等 900万円 with
#: 資本金及び資本準備金 2,000万円 -> 第三号; the 法人税's 申告書 due 2025-06-30 -> 申告納付 by then.
OFFICE_HERE = _representative(corporation(employees=50))
FIFTY_ONE = _representative(corporation(employees=51))
LARGE = _representative(corporation(capital=5_000_000_001, employees=51))
OFFICE_ELSEWHERE = _representative(corporation(office=other_codes(TOWN_CODE)[0]))
DORMITORY_ONLY = _representative(corporation(office=other_codes(TOWN_CODE)[0], dormitory=TOWN_MARK))
OPENED_MID_YEAR = _representative(corporation(opened=date(2024, 10, 15)))
OPENED_LAST_MONTH = _representative(corporation(opened=date(2025, 3, 20)))
#: 第312条第4項 (暦に従い計算し…一月に満たない端数を生じたときは切り捨てる): opened 2024-10-02, held to 2025-03-31: five
#: months and 30 days -> 5 (issue 66: the statute mutation run found a month ending the day before the 2nd unasked).
OPENED_ON_SECOND = _representative(corporation(opened=date(2024, 10, 2)))
EMPLOYEES_GREW = _representative(corporation(employees=80, employees_at_start=30))
PAID_IN_ABOVE = _representative(corporation(capital=9_000_000, paid_in=20_000_000))
EXTENDED_DEADLINE = _representative(corporation(deadline=date(2025, 6, 30)))

HOJIN_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("hojin_juminzei.office", offices, _liable, "納税義務者", (OFFICE_HERE, OFFICE_ELSEWHERE)),
    STATUTE.rule("hojin_juminzei.dormitory", dormitories, _liable, "納税義務者", (DORMITORY_ONLY,)),
    STATUTE.rule("hojin_juminzei.components", offices_or_dormitories, _components, _answered_components,
         (OFFICE_HERE, DORMITORY_ONLY)),
    STATUTE.rule("hojin_juminzei.equal_rate", table_rows, _table_row, ("均等割区分", "均等割額"),
         (OFFICE_HERE, FIFTY_ONE, LARGE), ordained=_ordained_equal_rate),
    STATUTE.rule("hojin_juminzei.equal_ceiling", table_rows, _true(_EQUAL_CEILING), _answered_equal_ceiling,
         (OFFICE_HERE, LARGE)),
    STATUTE.rule("hojin_juminzei.months", opened_during, _months, "均等割月数",
         (OPENED_MID_YEAR, OPENED_LAST_MONTH, OFFICE_HERE, OPENED_ON_SECOND)),
    STATUTE.rule("hojin_juminzei.prorated", opened_during, _true(_PRORATED), _answered_proration, (OPENED_MID_YEAR,
         OPENED_LAST_MONTH, OFFICE_HERE), ordained=_ordained_proration),
    STATUTE.rule("hojin_juminzei.employees_date", employees_changing, _table_class, "均等割区分", (EMPLOYEES_GREW,)),
    STATUTE.rule("hojin_juminzei.capital_floor", paid_in_capital, _table_class, "均等割区分", (PAID_IN_ABOVE,)),
    STATUTE.rule("hojin_juminzei.corporate_rate", corporate_bases, _corporate, "法人税割額", (OFFICE_HERE,),
                 ordained=_ordained_corporate),
    STATUTE.rule("hojin_juminzei.corporate_ceiling", corporate_bases, _true(_CORPORATE_CEILING),
         _answered_corporate_ceiling, (OFFICE_HERE,)),
    STATUTE.rule("hojin_juminzei.filing_deadline", deadlines, _deadline, "申告納付期限", (OFFICE_HERE,
         EXTENDED_DEADLINE)),
)}


# -- 第294条第1項第5号, 第5項-第8項: the kind of taxpayer (the record's 法人区分 and its places) ---------------------

_KIND, _PE, _BUSINESS_OFFICE = "法人区分", "恒久的施設所在地_市区町村コード", "収益事業所在地_市区町村コード"
_REPRESENTATIVE, _BUSINESS = "代表者又は管理人の定め", "収益事業"
_CORPORATE_TAX = "法人税割を課する"


def of_kind(kind: str, items: Mapping[str, str | None] | None = None, *, start: date = date(2024, 4, 1),
            office: str | None = TOWN_MARK) -> tuple[tuple[str, str, str], ...]:
    """A 法人住民税 record of a taxpayer of ``kind`` (法人区分) with the extra ``items`` (None left out)."""
    base = tuple(entry for entry in corporation(start, office=office or "") if entry[2] != "")
    extra = tuple((PART, item, value) for item, value in {_KIND: kind, **(items or {})}.items() if value is not None)
    return base + extra


_PLACES = (TOWN_MARK, None)


@st.composite
def foreign(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 外国法人 with a 恒久的施設 here, elsewhere or none, and what it calls a 事務所 here, elsewhere or none."""
    places = st.sampled_from((TOWN_MARK, codes[0], None))
    return _drawn_representative(draw, of_kind(FOREIGN, {_PE: draw(places)}, start=draw(_STARTS),
                                               office=draw(places)))


@st.composite
def exempt_public(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """One of 第296条第1項第2号 with a 事務所 here, its 収益事業 done at an office here, elsewhere or nowhere."""
    return _drawn_representative(draw, of_kind(EXEMPT_PUBLIC, start=draw(_STARTS), items={
        _BUSINESS_OFFICE: draw(st.sampled_from((TOWN_MARK, codes[0], None)))}))


@st.composite
def public_interest(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 公益法人等 with a 事務所 here, its 収益事業 done at an office here, elsewhere or nowhere."""
    return _drawn_representative(draw, of_kind(PUBLIC_INTEREST, start=draw(_STARTS), items={
        _BUSINESS_OFFICE: draw(st.sampled_from((TOWN_MARK, codes[0], None)))}))


@st.composite
def unincorporated(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 法人でない社団 with a 事務所 here, a 代表者 or not, doing a 収益事業, having ceased one, or never."""
    return _drawn_representative(draw, of_kind(UNINCORPORATED, start=draw(_STARTS), items={
        _REPRESENTATIVE: draw(st.sampled_from(("1", None))),
        _BUSINESS: draw(st.sampled_from(("行う", "廃止", None)))}))


@st.composite
def trustees(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An individual 受託者 of a 法人課税信託 with a 事務所 here or elsewhere."""
    return _drawn_representative(draw, of_kind(TRUSTEE, start=draw(_STARTS),
                                               office=draw(st.sampled_from((TOWN_MARK, codes[0])))))


def _foreign_liable(s: Scenario, town: str) -> Projection:
    """第5項: the 恒久的施設 is the 外国法人's 事務所又は事業所, so 第3号's 均等割 and 法人税割 where it is here,
    nothing elsewhere (the contract's 課税区分; issue 66: the statute mutation run found the list unread)."""
    office_here = foreign_office_here(_here(s, town, _PE))
    return {"納税義務者": liable(office_here, False), "課税区分": in_any_order(list(components(office_here, False)))}


def _exempt_public_liable(s: Scenario, town: str) -> Projection:
    return {"納税義務者": exempt_public_liable(_here(s, town, _BUSINESS_OFFICE))}


def _public_corporate_tax(s: Scenario, town: str) -> Projection:
    return {_CORPORATE_TAX: public_interest_corporate_tax(_here(s, town, _BUSINESS_OFFICE))}


def _answered_corporate_tax(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    taxes = picked(PART, "課税区分")(document, loaded)["課税区分"]
    if not isinstance(taxes, list):
        return {_CORPORATE_TAX: None, "課税区分": taxes}
    return {_CORPORATE_TAX: "法人税割" in taxes}


def _deemed_liable(s: Scenario, town: str) -> Projection:
    items = facts(s)
    deemed = deemed_corporation(representative=items.get(_REPRESENTATIVE) == "1", business=items.get(_BUSINESS))
    return {"納税義務者": deemed and _here(s, town, _OFFICE)}


def _trustee_components(s: Scenario, town: str) -> Projection:
    return {"課税区分": in_any_order(list(trustee_components(_here(s, town, _OFFICE))))}


#: 第5項: a 外国法人 whose 恒久的施設 is here (no other office) -> liable; one calling an office here without a
#: 恒久的施設 -> not. 第6項: 収益事業 done here -> liable; elsewhere -> not. 第7項: 法人税割 only where the 収益事業
#: is done. 第8項: a 社団 with a 代表者 that ceased its 収益事業 -> a 法人; without a 代表者 -> not. 第1項第5号:
#: 法人税割.
FOREIGN_PE_HERE = _representative(of_kind(FOREIGN, {_PE: TOWN_MARK}, office=None))
FOREIGN_OFFICE_ONLY = _representative(of_kind(FOREIGN, {_PE: None}))
PUBLIC_BUSINESS_HERE = _representative(of_kind(EXEMPT_PUBLIC, {_BUSINESS_OFFICE: TOWN_MARK}))
PUBLIC_BUSINESS_ELSEWHERE = _representative(of_kind(EXEMPT_PUBLIC, {_BUSINESS_OFFICE: other_codes(TOWN_CODE)[0]}))
INTEREST_BUSINESS_HERE = _representative(of_kind(PUBLIC_INTEREST, {_BUSINESS_OFFICE: TOWN_MARK}))
INTEREST_NO_BUSINESS = _representative(of_kind(PUBLIC_INTEREST))
CEASED_SOCIETY = _representative(of_kind(UNINCORPORATED, {_REPRESENTATIVE: "1", _BUSINESS: "廃止"}))
SOCIETY_WITHOUT_REPRESENTATIVE = _representative(of_kind(UNINCORPORATED, {_BUSINESS: "行う"}))
TRUSTEE_HERE = _representative(of_kind(TRUSTEE))
TRUSTEE_ELSEWHERE = _representative(of_kind(TRUSTEE, office=other_codes(TOWN_CODE)[0]))

_INTERIM, _INTERIM_DEADLINE, _INTERIM_FILED = "中間申告区分", "中間申告書提出期限", "中間申告書提出日"
_MUTUAL = "相互会社"


@st.composite
def interim_filers(draw: st.DrawFn, codes: tuple[str, str], paragraph: str) -> Scenario:
    """A 法人 of 第321条の8 ``paragraph`` whose 中間 申告書 is due some day, filed a few days before or after it,
    on it, or never."""
    start = draw(_STARTS)
    deadline = _month_end(start.year, start.month + 7)
    filed = draw(st.one_of(st.none(), st.integers(-3, 3).map(lambda days: deadline + timedelta(days=days))))
    items = {_INTERIM: paragraph, _INTERIM_DEADLINE: deadline.isoformat(),
             _INTERIM_FILED: filed.isoformat() if filed else None}
    return _drawn_representative(draw, corporation(start) + tuple(
        (PART, item, value) for item, value in items.items() if value is not None))


@st.composite
def interim_capitals(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第3項第2号 法人 (申告納付 under 第321条の8第2項), a 相互会社 or not, its 資本金及び資本準備金 beside its
    資本金等の額."""
    capital, paid_in = draw(st.sampled_from(_CAPITALS)), draw(st.sampled_from(_CAPITALS))
    extra = ((PART, _INTERIM, "第2項"),) + (((PART, _MUTUAL, "1"),) if draw(st.booleans()) else ())
    return _drawn_representative(draw, corporation(draw(_STARTS), capital=capital, paid_in=paid_in,
                                                   employees=draw(st.sampled_from((0, 49, 51)))) + extra)


def _deemed_return(s: Scenario, town: str) -> Projection:
    deadline = _day(s, _INTERIM_DEADLINE)
    deemed = deemed_return_day(deadline, _day(s, _INTERIM_FILED)) if deadline else None  # no 中間 申告書 due
    return {"みなし申告日": deemed.isoformat() if deemed else None}


def _interim_class(s: Scenario, town: str) -> Projection:
    capital, employees = _number(s, _CAPITAL), _number(s, _EMPLOYEES)
    assert capital is not None and employees is not None
    table = capital_for_table(capital, _number(s, _PAID_IN), mutual=facts(s).get(_MUTUAL) == "1")
    return {"均等割区分": equal_class(table, employees)}


def _interim(paragraph: str, filed: date | None, **extra: str) -> Scenario:
    items = {_INTERIM: paragraph, _INTERIM_DEADLINE: "2024-11-30", **extra}
    if filed is not None:
        items[_INTERIM_FILED] = filed.isoformat()
    return _representative(corporation() + tuple((PART, item, value) for item, value in items.items()))


#: 第321条の8第1項後段, 第2項後段: due 2024-11-30, filed that day -> in time; filed 12月1日 or never -> deemed filed
#: on 2024-11-30. 第312条第7項: a 第2項 法人 with 資本金等 900万円 and 資本金及び資本準備金 2,000万円 -> 第三号; a
#: 相互会社 -> 第一号ホ.
FILED_ON_DEADLINE = _interim("第1項", date(2024, 11, 30))
FILED_LATE = _interim("第1項", date(2024, 12, 1))
NEVER_FILED = _interim("第2項", None)
SECOND_FILED_ON_DEADLINE = _interim("第2項", date(2024, 11, 30))
INTERIM_PAID_IN_ABOVE = _representative((*corporation(capital=9_000_000, paid_in=20_000_000),
                                         (PART, _INTERIM, "第2項")))
MUTUAL_PAID_IN_ABOVE = _representative((*corporation(capital=9_000_000, paid_in=20_000_000),
                                        (PART, _INTERIM, "第2項"), (PART, _MUTUAL, "1")))

HOJIN_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("hojin_juminzei.deemed_return", drawn_with(interim_filers, "第1項"), _deemed_return, "みなし申告日",
         (FILED_ON_DEADLINE, FILED_LATE)),
    STATUTE.rule("hojin_juminzei.deemed_return_second", drawn_with(interim_filers, "第2項"), _deemed_return,
         "みなし申告日",
         (NEVER_FILED, SECOND_FILED_ON_DEADLINE)),
    STATUTE.rule("hojin_juminzei.interim_capital_floor", interim_capitals, _interim_class,
         "均等割区分", (INTERIM_PAID_IN_ABOVE, MUTUAL_PAID_IN_ABOVE)),
)})
HOJIN_RULES.update({rule.name: rule for rule in (
    STATUTE.rule("hojin_juminzei.foreign", foreign, _foreign_liable,
         picked_in_any_order(PART, "納税義務者", "課税区分"), (FOREIGN_PE_HERE, FOREIGN_OFFICE_ONLY)),
    STATUTE.rule("hojin_juminzei.exempt_public", exempt_public, _exempt_public_liable, "納税義務者",
         (PUBLIC_BUSINESS_HERE, PUBLIC_BUSINESS_ELSEWHERE)),
    STATUTE.rule("hojin_juminzei.public_interest", public_interest, _public_corporate_tax, _answered_corporate_tax,
         (INTEREST_BUSINESS_HERE, INTEREST_NO_BUSINESS)),
    STATUTE.rule("hojin_juminzei.unincorporated", unincorporated, _deemed_liable, "納税義務者", (CEASED_SOCIETY,
         SOCIETY_WITHOUT_REPRESENTATIVE)),
    STATUTE.rule("hojin_juminzei.trustee", trustees, _trustee_components, picked_in_any_order(PART, "課税区分"),
         (TRUSTEE_HERE, TRUSTEE_ELSEWHERE)),
)})


#: Why a rule here is not asked of a product that does not claim 法人住民税 (issue 65, the outsider's F3).
UNCLAIMED = ("the profile does not claim 法人住民税 (hojin_juminzei): the 法人 of 地方税法 第294条 are asked "
             "through the 法人住民税 record and answer part that only the hojin_juminzei contract publishes "
             "(conformance catalog openapi --domain hojin_juminzei); judged for a product that claims it")


def run_claimed(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """The rule judged only for a product that claims 法人住民税.

    Why: 個人住民税's edition binds its sentences about 法人 (第294条第1項第3号-第5号, 第5項-第8項: the same text as
    法人住民税's) to these checks, but its contract publishes no 法人住民税 record or part; a product is asked only
    what its claimed domains' contracts publish (docs/profiles.md, "What a product offers"). The plan makes those
    sentences NOT_APPLICABLE to a 個人住民税-only product (provisions.yaml names them 法人住民税's part), so no
    shipped binding reaches this guard; it keeps a binding without the part NOT_AUTOMATED with the reason, never
    FAIL (an answer it was never asked for) or ERROR (a record of a 業務 it does not keep refused)."""
    if not target_of(ctx).claims(STATUTE.slug):
        raise NotAutomated(UNCLAIMED)
    yield from run_rule(ctx, rule)


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = own_rule_checks(run_claimed, HOJIN_RULES.values(),
                              "Scenario check of {title} (vendor against the domain's oracle; 法人住民税 claimed).")
