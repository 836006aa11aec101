"""Scenario checks of 子ども・子育て支援 judged through the per-person query (子ども・子育て支援法 第21条, 第27条第3項;
the statute edition ``kodomo_kosodate 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (a generated child appended to the vendor, the per-person query,
compared with :mod:`conformance.domains.kodomo_kosodate.oracle`). 住民記録 holds no 教育・保育給付認定 and no cost:
the 認定's 有効期間, a month's costs and the 利用者負担 are sent as the child's ``子ども・子育て支援`` record
(``targets.load.records_path``; without it every check here is NOT_AUTOMATED). Each check judges one field of the
answer's ``子ども・子育て支援`` part on the children its provision is about:

- ``認定有効`` (第21条): children asked about around the first and the last day of the 有効期間;
- ``施設型給付費月額`` (第27条第3項: a month's 施設型給付費, yen), on three kinds of children asked about within
  the 有効期間, each varying what its sentence decides and keeping the others neutral: 柱書 (第1号 less 第2号,
  zero below zero: 利用者負担 often above the cost), 第1号 (the 基準's cost, or the actual cost when the 基準's
  exceeds it) and 第2号 (the amount the 市町村 sets, often below the 政令's limit: the 市町村's, not the limit, is
  deducted). No 市町村定額 above the 政令's limit is generated: a system may refuse to set one or stop at the
  limit (both within the text); the MANUAL procedure bound with the check judges that part.

The record's items: 認定_開始年月日, 認定_終了年月日; 基準費用額 (第1号's 内閣総理大臣が定める基準により算定した
費用の額), 実費用額 (現に当該支給認定教育・保育に要した費用の額), 市町村定額 (第2号's amount the 市町村 sets),
政令限度額 (政令で定める額), each yen per month.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.kodomo_kosodate import oracle as law
from conformance.oracles.dates import fiscal_year_of

PART = "子ども・子育て支援"
#: What the rules share (conformance.checks.statute_rules): each child carries a 子ども・子育て支援 record.
STATUTE = Statute("kodomo_kosodate", PART, needs_records=True)
FIRST, LAST = "認定_開始年月日", "認定_終了年月日"
STANDARD, ACTUAL, MUNICIPAL, LIMIT = "基準費用額", "実費用額", "市町村定額", "政令限度額"
_YEN = 1000


#: A 子ども・子育て支援 record of the given items (None: not given).
_record = STATUTE.record


def facts(s: Scenario) -> dict[str, str]:
    """The scenario's 子ども・子育て支援 record, item -> value."""
    return s.record(PART)


def _child(birth: date, as_of: date, records: tuple[tuple[str, str, str], ...]) -> Scenario:
    """A child resident in the town since birth, with the record, asked about on ``as_of``."""
    return Scenario(fiscal_year_of(as_of), birth, birth, as_of=as_of, records=records)


def _period(draw: st.DrawFn) -> tuple[date, date]:
    first = draw(st.dates(date(2022, 4, 1), date(2026, 3, 1)))
    return first, first + timedelta(days=draw(st.integers(30, 1095)))


def _birth_before(draw: st.DrawFn, first: date) -> date:
    """A child born 30 days to five years before the 認定 begins."""
    return first - timedelta(days=draw(st.integers(30, 5 * 365)))


def _yen(draw: st.DrawFn, low: int, high: int) -> int:
    """An amount in whole thousands of yen, ``low`` to ``high`` thousand."""
    return draw(st.integers(low, high)) * _YEN


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def periods(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 認定 with its 有効期間, asked about a few days around its first or its last day (第21条)."""
    first, last = _period(draw)
    as_of = draw(st.sampled_from((first, last))) + timedelta(days=draw(st.integers(-3, 3)))
    return _child(_birth_before(draw, first), as_of, _record({FIRST: first, LAST: last}))


def _costed(draw: st.DrawFn, standard: int, actual: int, municipal: int, limit: int) -> Scenario:
    """A child asked about well within the 有効期間 of a 認定, with a month's costs and 利用者負担."""
    first = draw(st.dates(date(2022, 4, 1), date(2026, 3, 1)))
    last = first + timedelta(days=draw(st.integers(180, 1095)))
    as_of = first + timedelta(days=draw(st.integers(30, (last - first).days - 30)))
    items: dict[str, str | int | date | None] = {FIRST: first, LAST: last, STANDARD: standard, ACTUAL: actual,
                                                MUNICIPAL: municipal, LIMIT: limit}
    return _child(_birth_before(draw, first), as_of, _record(items))


@st.composite
def charged_above_cost(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """柱書: a 利用者負担 (the 政令's limit itself) often above the cost (the actual cost no less than the
    基準's)."""
    municipal = _yen(draw, 0, 100)
    limit = municipal
    standard = draw(st.one_of(st.integers(1, max(1, municipal // _YEN)), st.integers(municipal // _YEN, 300))) * _YEN
    return _costed(draw, standard, standard + _yen(draw, 0, 50), municipal, limit)


@st.composite
def cheaper_than_standard(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第1号: an actual cost often below the 基準's, a 利用者負担 (the limit itself) below both costs."""
    standard = _yen(draw, 20, 300)
    actual = standard + draw(st.one_of(st.integers(-15, -1), st.integers(0, 50))) * _YEN
    municipal = _yen(draw, 0, 5)
    return _costed(draw, standard, actual, municipal, municipal)


@st.composite
def charged_below_limit(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第2号: the 市町村's amount up to the 政令's limit, often below it, both below the cost (the actual no less
    than the 基準's)."""
    limit = _yen(draw, 0, 100)
    municipal = limit - draw(st.one_of(st.just(0), st.integers(0, limit // _YEN))) * _YEN
    standard = limit + _yen(draw, 0, 300)
    return _costed(draw, standard, standard + _yen(draw, 0, 50), municipal, limit)


# -- rules ----------------------------------------------------------------------------------------


def _amount(s: Scenario, item: str) -> int:
    return int(facts(s)[item])


def _in_effect(s: Scenario, town: str) -> Projection:
    first, last = s.record_day(PART, FIRST), s.record_day(PART, LAST)
    assert first is not None and last is not None and s.as_of is not None
    return {"認定有効": law.certification_in_effect(first, last, s.as_of)}


def _benefit(s: Scenario, town: str) -> Projection:
    cost = law.facility_cost(_amount(s, STANDARD), _amount(s, ACTUAL))
    charge = law.user_charge(_amount(s, MUNICIPAL), _amount(s, LIMIT))
    return {"施設型給付費月額": law.facility_benefit(cost, charge)}


def _costs(standard: int, actual: int, municipal: int, limit: int) -> tuple[tuple[str, str, str], ...]:
    return _record({FIRST: date(2025, 4, 1), LAST: date(2026, 3, 31), STANDARD: standard, ACTUAL: actual,
                    MUNICIPAL: municipal, LIMIT: limit})


_BIRTH, _ASKED = date(2021, 5, 5), date(2025, 6, 1)
#: A 認定 of 2025-04-01 to 2026-03-31: in effect on 2025-06-01, not on 2026-04-01 (第21条).
CERTIFIED = _child(_BIRTH, _ASKED, _record({FIRST: date(2025, 4, 1), LAST: date(2026, 3, 31)}))
EXPIRED = _child(_BIRTH, date(2026, 4, 1), _record({FIRST: date(2025, 4, 1), LAST: date(2026, 3, 31)}))
#: Cost 30,000 yen, 利用者負担 40,000 (the limit): 30,000 - 40,000 is below zero, so 0 (柱書).
CHARGE_ABOVE_COST = _child(_BIRTH, _ASKED, _costs(30000, 30000, 40000, 40000))
#: 基準 100,000 yen, actual 80,000 (第1号: 80,000), 利用者負担 20,000: 60,000.
ACTUAL_BELOW_STANDARD = _child(_BIRTH, _ASKED, _costs(100000, 80000, 20000, 20000))
#: Cost 100,000 yen, the 市町村's 20,000 below the 政令's 30,000 (第2号: 20,000): 80,000.
CHARGE_BELOW_LIMIT = _child(_BIRTH, _ASKED, _costs(100000, 100000, 20000, 30000))

_BENEFIT = "施設型給付費月額"

KODOMO_QUERY_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("kodomo.validity", periods, _in_effect, "認定有効", (CERTIFIED, EXPIRED)),
    STATUTE.rule("kodomo.benefit_floor", charged_above_cost, _benefit, _BENEFIT, (CHARGE_ABOVE_COST,)),
    STATUTE.rule("kodomo.benefit_actual_cost", cheaper_than_standard, _benefit, _BENEFIT, (ACTUAL_BELOW_STANDARD,)),
    STATUTE.rule("kodomo.benefit_charge_limit", charged_below_limit, _benefit, _BENEFIT, (CHARGE_BELOW_LIMIT,)),
)}

#: Each rule the check ``scenario.<name>`` (conformance.checks.statute_rules).
RULE_CHECKS = rule_checks(KODOMO_QUERY_RULES.values())
