"""Scenario checks of 障害者福祉 (障害者総合支援法 第19条, 第21条, 第23条; 身体障害者福祉法 第4条, 第15条; the statute
edition ``shogaisha_fukushi 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the per-person query,
compared with :mod:`conformance.domains.shogaisha_fukushi.oracle`). 住民記録 holds the person's 生年月日 only: the
居住地, 現在地, 特定施設入所, 支給決定, 判定 and the 手帳's 申請 are sent as the person's ``障害者福祉`` record
(``targets.load.records_path``; without it every check here is NOT_AUTOMATED). Each check judges one field of the
answer's ``障害者福祉`` part on the persons its provision is about, so a wrong answer about one provision fails that
provision's check and no other (persons of the 支給決定 and of the 手帳 are Japanese or 外国人住民: the laws name no
nationality):

- ``支給決定市町村_市区町村コード`` (支援法 第19条): a known 居住地 (第2項), none (第2項ただし書: the 現在地), a
  特定施設入所等障害者 with a 居住地 before the 入所 (第3項) or without one (ただし書: the 所在地 before it), one who
  came on from a 障害児 facility (第4項: the 保護者's 居住地 on the day before 18; ただし書: the person's 所在地);
- ``介護給付費等支給`` (第19条第1項): persons with or without a 支給決定, asked about well within its period or well
  before or after it;
- ``支給決定有効`` (第23条): persons asked about around the first and the last day of the 有効期間;
- ``障害支援区分`` (第21条第1項): the 市町村審査会's 判定, which may differ from the 一次判定;
- ``月間支給量`` (第22条第7項): persons with or without a 支給決定 of one to three kinds of service, each with
  its amount per month (the answer: kind -> amount per month, null without a 支給決定);
- ``身体障害者`` (身障法 第4条): 手帳 holders asked about around the day they reach 18 (a 2月29日 birth among them),
  persons without one, and persons whose 手帳 is given after the day asked;
- ``手帳申請者`` (第15条第1項ただし書): applications around the day the child reaches 15;
- ``手帳交付`` and ``却下理由通知`` (第15条第4項, 第5項): applicants of every age whose 障害 is or is not one of the
  別表 (the 都道府県知事's finding, given by the record);
- ``手帳所持者`` (第15条第7項): a 手帳 given to the 保護者 of a child, asked about around the day the child reaches 15.

Not judged: 第19条第5項 (the 特定施設's 協力), 第20条 (the 調査 and its 委託), 第21条第2項, 第22条 but its
第7項 (支給要否決定, サービス等利用計画案, 受給者証: their contents are the 主務省令's, not quoted), 身障法 第15条第2項,
第3項 (the 医師), 第6項, 第8項, 第10項 (第9項: the 本人 deemed to have received the 手帳 on the 引渡 at 15, judged
by ``handover``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import TOWN_MARK, Loaded, Projection, Rule, Scenario, _birth, other_codes
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.shogaisha_fukushi.oracle import (
    Places,
    benefits_payable,
    certificate_issued,
    deciding_municipality,
    decision_in_effect,
    guardian_applies,
    handed_to_child,
    monthly_amounts,
    physically_disabled,
    rejection_with_reason,
    support_category,
)
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.testdata.town import TOWN_CODE

PART = "障害者福祉"
_RESIDENCE, _CURRENT = "居住地_市区町村コード", "現在地_市区町村コード"
_IN_FACILITY = "特定施設入所"
_BEFORE_RESIDENCE, _BEFORE_LOCATION = "入所前居住地_市区町村コード", "入所前所在地_市区町村コード"
_FROM_CHILD, _GUARDIAN, _LOCATION_17 = ("障害児施設継続入所", "十八歳前日保護者居住地_市区町村コード",
                                        "十八歳前日所在地_市区町村コード")
_FIRST, _LAST = "支給決定_開始年月日", "支給決定_終了年月日"
_PRIMARY, _JUDGED = "一次判定区分", "審査判定区分"
#: 支援法 第22条第7項: the 支給量 per month of each kind (the record's item 支給量_<種類>; the kinds are ours).
SERVICES = ("居宅介護", "生活介護", "短期入所")
_AMOUNT = "支給量_"
_APPLIED, _QUALIFIES, _GIVEN = "手帳申請年月日", "別表該当", "手帳交付年月日"
#: 障害支援区分 (支援法 第4条第4項, not quoted: the record's values) and 非該当.
CATEGORIES = ("非該当", "区分1", "区分2", "区分3", "区分4", "区分5", "区分6")
_ASKED = date(2025, 6, 1)
#: What the rules share (conformance.checks.statute_rules): the answer's part, and a 障害者福祉 record per person.
STATUTE = Statute("shogaisha_fukushi", PART, needs_records=True)


#: A 障害者福祉 record of the given items (None: not given).
_record = STATUTE.record


def facts(s: Scenario) -> dict[str, str]:
    """The scenario's 障害者福祉 record, item -> value."""
    return s.record(PART)


def _day(s: Scenario, item: str) -> date | None:
    return s.record_day(PART, item)


def _person(birth: date, as_of: date, records: tuple[tuple[str, str, str], ...], *, foreign: bool = False) -> Scenario:
    """A resident of the town since birth, with the record, asked about on ``as_of``; ``foreign``: a 外国人住民 (the
    laws quoted here know no nationality: 身障法 第4条, 第15条 and 支援法 第19条 name every 障害者 alike)."""
    return Scenario(fiscal_year_of(as_of), birth, birth, as_of=as_of, records=records, foreign=foreign)


def _places(codes: tuple[str, str]) -> st.SearchStrategy[str]:
    """The town (TOWN_MARK), a municipality of the same prefecture, one of another."""
    return st.sampled_from((TOWN_MARK, *codes))


# -- scenarios: 支給決定 (支援法 第19条, 第21条, 第23条) ----------------------------------------------------


@st.composite
def residing(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person with a known 居住地, found there, elsewhere, or nowhere recorded."""
    residence = draw(_places(codes))
    current = draw(st.one_of(st.none(), st.just(residence), _places(codes)))
    return _person(draw(_birth(1950, 2005)), _ASKED, _record({_RESIDENCE: residence, _CURRENT: current}))


@st.composite
def without_residence(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person without a 居住地 (or none known), found in one of the municipalities."""
    return _person(draw(_birth(1950, 2005)), _ASKED, _record({_CURRENT: draw(_places(codes))}))


@st.composite
def in_facility(draw: st.DrawFn, codes: tuple[str, str], *, known: bool = True) -> Scenario:
    """A 特定施設入所等障害者 in a facility in one municipality (its 居住地 maybe the facility's), whose 居住地
    (``known``) or, without one, 所在地 before the (first) 入所 was in one of them."""
    facility = draw(_places(codes))
    items: dict[str, str | date | None] = {
        _IN_FACILITY: "1", _CURRENT: facility, _RESIDENCE: draw(st.sampled_from((None, facility))),
        _BEFORE_RESIDENCE if known else _BEFORE_LOCATION: draw(_places(codes))}
    return _person(draw(_birth(1940, 2005)), _ASKED, _record(items))


def in_facility_unknown(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """A 特定施設入所等障害者 without a 居住地 before the 入所 (第19条第3項ただし書)."""
    return in_facility(codes, known=False)


@st.composite
def from_child_facility(draw: st.DrawFn, codes: tuple[str, str], *, guardian: bool = True) -> Scenario:
    """One who came on from a 障害児 facility into a 特定施設, maybe with a 居住地 before the first 入所; with
    (``guardian``) the 保護者's 居住地 on the day before 18, else the person's 所在地 that day."""
    items: dict[str, str | date | None] = {
        _IN_FACILITY: "1", _FROM_CHILD: "1", _CURRENT: draw(_places(codes)),
        _BEFORE_RESIDENCE: draw(st.one_of(st.none(), _places(codes))), _LOCATION_17: draw(_places(codes)),
        _GUARDIAN: draw(_places(codes)) if guardian else None}
    return _person(draw(_birth(1980, 2006)), _ASKED, _record(items))


def from_child_facility_no_guardian(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """One who came on from a 障害児 facility, no 保護者's 居住地 known (第19条第4項ただし書)."""
    return from_child_facility(codes, guardian=False)


@st.composite
def deciding(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person with a 障害支援区分, with or without a 支給決定, asked about well within its 有効期間, or well before
    or after it (a 支給決定 not yet or no longer in effect pays nothing: 第19条第1項 with 第23条; the days around
    its first and last day are ``periods``')."""
    first = draw(st.dates(date(2022, 4, 1), date(2026, 3, 1)))
    last = first + timedelta(days=draw(st.integers(180, 1095)))
    as_of = draw(st.sampled_from((
        first + timedelta(days=draw(st.integers(30, (last - first).days - 30))),
        first - timedelta(days=draw(st.integers(30, 365))), last + timedelta(days=draw(st.integers(30, 365))))))
    decided = draw(st.booleans())
    items: dict[str, str | date | None] = {_JUDGED: draw(st.sampled_from(CATEGORIES[1:])),
                                           _FIRST: first if decided else None, _LAST: last if decided else None}
    return _person(draw(_birth(1950, 2005)), as_of, _record(items), foreign=draw(st.booleans()))


@st.composite
def periods(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 支給決定 with its 有効期間, asked about around its first or its last day."""
    first = draw(st.dates(date(2022, 4, 1), date(2026, 3, 1)))
    last = first + timedelta(days=draw(st.integers(30, 1095)))
    as_of = draw(st.sampled_from((first, last))) + timedelta(days=draw(st.integers(-3, 3)))
    items: dict[str, str | date | None] = {_JUDGED: draw(st.sampled_from(CATEGORIES[1:])), _FIRST: first,
                                           _LAST: last}
    return _person(draw(_birth(1950, 2005)), as_of, _record(items))


@st.composite
def judged(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person whose 一次判定 and the 市町村審査会's 判定 are drawn apart (often different)."""
    items = {_PRIMARY: draw(st.sampled_from(CATEGORIES)), _JUDGED: draw(st.sampled_from(CATEGORIES))}
    return _person(draw(_birth(1950, 2005)), _ASKED, _record(items))


@st.composite
def supplied(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person with or without a 支給決定 (a 有効期間 of 6 months to 3 years, asked about within it) of one to
    three kinds of service, each with its own amount per month."""
    first = draw(st.dates(date(2022, 4, 1), date(2026, 3, 1)))
    last = first + timedelta(days=draw(st.integers(180, 1095)))
    as_of = first + timedelta(days=draw(st.integers(30, (last - first).days - 30)))
    decided = draw(st.booleans())
    kinds = draw(st.lists(st.sampled_from(SERVICES), min_size=1, max_size=3, unique=True))
    items: dict[str, str | date | None] = {_JUDGED: draw(st.sampled_from(CATEGORIES[1:])),
                                           _FIRST: first if decided else None, _LAST: last if decided else None}
    items.update({_AMOUNT + kind: str(draw(st.integers(1, 31))) if decided else None for kind in kinds})
    return _person(draw(_birth(1950, 2005)), as_of, _record(items))


# -- scenarios: 身体障害者手帳 (身障法 第4条, 第15条) ---------------------------------------------------------


@st.composite
def nearly_adult(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person, Japanese or a 外国人住民, asked about a few days around reaching 18 who applied for a 手帳 as a
    child or shortly before the day asked: given a month later (so maybe not yet on that day) or on the day asked
    itself (第4条: one from the 交付 day), or refused (the 障害 not one of the 別表)."""
    birth = draw(_birth(1995, 2007))
    as_of = age_reached_on(birth, 18) + timedelta(days=draw(st.integers(-3, 3)))
    applied = draw(st.sampled_from((age_reached_on(birth, draw(st.integers(3, 16))),
                                    as_of - timedelta(days=draw(st.integers(0, 60))))))
    qualifies = draw(st.booleans())
    given = as_of if draw(st.integers(0, 3)) == 0 else applied + timedelta(days=30)
    items: dict[str, str | date | None] = {_APPLIED: applied, _QUALIFIES: "1" if qualifies else "0",
                                           _GIVEN: given if qualifies else None}
    return _person(birth, as_of, _record(items), foreign=draw(st.booleans()))


@st.composite
def applying(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An application for a 手帳 by a person, Japanese or a 外国人住民, a few days around the child reaching 15, or
    at any age; the 障害 one of the
    別表 or not; asked about 60 days after."""
    birth = draw(_birth(1950, 2010))
    near = age_reached_on(birth, 15) + timedelta(days=draw(st.integers(-3, 3)))
    applied = draw(st.one_of(st.just(near), st.dates(birth + timedelta(days=30), birth + timedelta(days=365 * 70))))
    applied = min(applied, date(2030, 3, 31))
    qualifies = draw(st.booleans())
    return _person(birth, applied + timedelta(days=60),
                   _record({_APPLIED: applied, _QUALIFIES: "1" if qualifies else "0"}), foreign=draw(st.booleans()))


@st.composite
def handed_over(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 手帳 applied for by the 保護者 of a child (Japanese or a 外国人住民) of 3 to 11 and given a month later, asked
    about a few days
    around the child reaching 15, at an age of 12 to 17, or on the 交付 day itself (held from that day)."""
    birth = draw(_birth(1995, 2010))
    applied = age_reached_on(birth, draw(st.integers(3, 11))) + timedelta(days=draw(st.integers(0, 200)))
    given = applied + timedelta(days=30)
    near = age_reached_on(birth, 15) + timedelta(days=draw(st.integers(-3, 3)))
    later = st.dates(age_reached_on(birth, 12), age_reached_on(birth, 18) - timedelta(days=1))
    as_of = draw(st.one_of(st.just(near), later, st.just(given)))
    items: dict[str, str | date | None] = {_APPLIED: applied, _QUALIFIES: "1", _GIVEN: given}
    return _person(birth, as_of, _record(items), foreign=draw(st.booleans()))


# -- rules ----------------------------------------------------------------------------------------


def _here(value: str | None, town: str) -> str | None:
    return town if value == TOWN_MARK else value


def _deciding(s: Scenario, town: str) -> Projection:
    f = {item: _here(value, town) for item, value in facts(s).items()}
    places = Places(residence=f.get(_RESIDENCE), current=f.get(_CURRENT), in_facility=f.get(_IN_FACILITY) == "1",
                    before_residence=f.get(_BEFORE_RESIDENCE), before_location=f.get(_BEFORE_LOCATION),
                    from_child_facility=f.get(_FROM_CHILD) == "1", guardian_residence=f.get(_GUARDIAN),
                    location_at_17=f.get(_LOCATION_17))
    return {"支給決定市町村_市区町村コード": deciding_municipality(places)}


def _decision(s: Scenario) -> tuple[date, date] | None:
    first, last = _day(s, _FIRST), _day(s, _LAST)
    return (first, last) if first is not None and last is not None else None


def _payable(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"介護給付費等支給": benefits_payable(_decision(s), s.as_of)}


def _in_effect(s: Scenario, town: str) -> Projection:
    decision = _decision(s)
    assert decision is not None and s.as_of is not None
    return {"支給決定有効": decision_in_effect(*decision, s.as_of)}


def _category(s: Scenario, town: str) -> Projection:
    return {"障害支援区分": support_category(facts(s).get(_JUDGED))}


def _amounts(s: Scenario, town: str) -> Projection:
    amounts = {item.removeprefix(_AMOUNT): int(value) for item, value in facts(s).items() if item.startswith(_AMOUNT)}
    return {"月間支給量": monthly_amounts(_decision(s) is not None, amounts)}


def _decided_amounts(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The answer's ``月間支給量`` as compared: each kind with an amount; a kind answered null or 0 read as left out
    (第22条第7項 sets a 支給量 for the kinds a 支給決定 decides: a kind not decided has none, however it is written:
    issue 65, provisions.yaml), and an object left with no kind read as null (no 支給量 decided). Anything not an
    object is compared as given (a finding, never a crash)."""
    part = document.get(PART)
    amounts = part.get("月間支給量") if isinstance(part, Mapping) else None
    if not isinstance(amounts, Mapping):
        return {"月間支給量": amounts}
    decided = {kind: amount for kind, amount in amounts.items() if amount is not None and not _zero(amount)}
    return {"月間支給量": decided or None}


def _zero(value: Any) -> bool:
    return type(value) in (int, float) and value == 0


def _disabled(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"身体障害者": physically_disabled(s.birth, _day(s, _GIVEN), s.as_of)}


def _applicant(s: Scenario, town: str) -> Projection:
    applied = _day(s, _APPLIED)
    assert applied is not None
    return {"手帳申請者": "保護者" if guardian_applies(s.birth, applied) else "本人"}


def _issued(s: Scenario, town: str) -> Projection:
    return {"手帳交付": certificate_issued(facts(s).get(_QUALIFIES) == "1")}


def _rejected(s: Scenario, town: str) -> Projection:
    return {"却下理由通知": rejection_with_reason(facts(s).get(_QUALIFIES) == "1")}


def _holder(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"手帳所持者": "本人" if handed_to_child(s.birth, s.as_of) else "保護者"}


#: Worked examples (A, B: other_codes of the bundled town, the same prefecture and another one).
#: 居住地 A, 現在地 B: A (第19条第2項); no 居住地, 現在地 B: B (ただし書); in a facility in the town, 居住地 A before
#: the 入所: A (第3項), 所在地 B before it: B (ただし書); from a 障害児 facility, 入所前居住地 A, the 保護者's 居住地 B
#: on the day before 18: B (第4項); no 保護者's 居住地, 所在地 A that day: A (ただし書).
_A, _B = other_codes(TOWN_CODE)
RESIDENT = _person(date(1970, 5, 5), _ASKED, _record({_RESIDENCE: _A, _CURRENT: _B}))
NO_RESIDENCE = _person(date(1970, 5, 5), _ASKED, _record({_CURRENT: _B}))
IN_FACILITY = _person(date(1950, 5, 5), _ASKED, _record({_IN_FACILITY: "1", _CURRENT: TOWN_MARK,
                                                        _RESIDENCE: TOWN_MARK, _BEFORE_RESIDENCE: _A}))
IN_FACILITY_UNKNOWN = _person(date(1950, 5, 5), _ASKED, _record({_IN_FACILITY: "1", _CURRENT: TOWN_MARK,
                                                                _BEFORE_LOCATION: _B}))
FROM_CHILD_FACILITY = _person(date(2000, 5, 5), _ASKED, _record({
    _IN_FACILITY: "1", _FROM_CHILD: "1", _CURRENT: TOWN_MARK, _BEFORE_RESIDENCE: _A, _GUARDIAN: _B,
    _LOCATION_17: TOWN_MARK}))
FROM_CHILD_FACILITY_NO_GUARDIAN = _person(date(2000, 5, 5), _ASKED, _record({
    _IN_FACILITY: "1", _FROM_CHILD: "1", _CURRENT: TOWN_MARK, _LOCATION_17: _A}))
#: 区分3 judged on 2025-04-01 (一次判定 区分2), 支給決定 2025-04-01 to 2026-03-31: payable and in effect on
#: 2025-06-01, not on 2026-04-01 (第23条); without a 支給決定 nothing is payable (第19条第1項).
DECIDED = _person(date(1970, 5, 5), _ASKED, _record({_PRIMARY: "区分2", _JUDGED: "区分3",
                                                    _FIRST: date(2025, 4, 1), _LAST: date(2026, 3, 31)}))
EXPIRED = _person(date(1970, 5, 5), date(2026, 4, 1), _record({_JUDGED: "区分3", _FIRST: date(2025, 4, 1),
                                                              _LAST: date(2026, 3, 31)}))
#: 居宅介護 30 (hours) and 生活介護 22 (days) a month under a 支給決定 of a year: 30 and 22 a month, kept apart
#: (第22条第7項), neither summed nor 12 times over the 有効期間.
SUPPLIED = _person(date(1970, 5, 5), _ASKED, _record({
    _JUDGED: "区分4", _FIRST: date(2025, 4, 1), _LAST: date(2026, 3, 31), _AMOUNT + "居宅介護": "30",
    _AMOUNT + "生活介護": "22"}))
UNDECIDED = _person(date(1970, 5, 5), _ASKED, _record({_JUDGED: "区分3"}))
#: The same 支給決定 asked about on 2026-06-01, two months after its 有効期間 ended: nothing payable (第19条第1項 with
#: 第23条).
LAPSED = _person(date(1970, 5, 5), date(2026, 6, 1), _record({_JUDGED: "区分3", _FIRST: date(2025, 4, 1),
                                                             _LAST: date(2026, 3, 31)}))
#: Born 2007-06-02: 18 reached on 2025-06-01 (a 身体障害者 that day with a 手帳, 第4条); 15 reached on 2022-06-01,
#: so the 保護者 applies on 2022-05-31 and the child on 2022-06-01 (第15条第1項ただし書); a 手帳 given to the 保護者
#: in 2015 is the child's on 2022-06-01 (第7項).
REACHING_18 = _person(date(2007, 6, 2), date(2025, 6, 1), _record({
    _APPLIED: date(2015, 3, 1), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))
GUARDIAN_APPLIES = _person(date(2007, 6, 2), date(2022, 7, 30), _record({_APPLIED: date(2022, 5, 31),
                                                                         _QUALIFIES: "1"}))
CHILD_APPLIES = _person(date(2007, 6, 2), date(2022, 7, 31), _record({_APPLIED: date(2022, 6, 1),
                                                                      _QUALIFIES: "0"}))
CHILD_QUALIFIES = _person(date(2012, 6, 2), date(2022, 7, 31), _record({_APPLIED: date(2022, 6, 1),
                                                                        _QUALIFIES: "1"}))
REACHING_15 = _person(date(2007, 6, 2), date(2022, 6, 1), _record({
    _APPLIED: date(2015, 3, 1), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))
SIXTEEN = _person(date(2007, 6, 2), date(2023, 9, 1), _record({
    _APPLIED: date(2015, 3, 1), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))
#: The same person, a 外国人住民, on 2025-06-01: a 身体障害者 (第4条 names no nationality).
FOREIGN_18 = _person(date(2007, 6, 2), date(2025, 6, 1), _record({
    _APPLIED: date(2015, 3, 1), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}), foreign=True)
#: Born 2007-06-02, applied on 2025-05-20 and given the 手帳 on 2025-06-20: not yet a 身体障害者 on 2025-06-01,
#: though 18 (第4条: 手帳の交付を受けたもの).
NOT_YET_GIVEN = _person(date(2007, 6, 2), date(2025, 6, 1), _record({
    _APPLIED: date(2025, 5, 20), _QUALIFIES: "1", _GIVEN: date(2025, 6, 20)}))
#: Born 2004-02-29 (2022 no leap year): 18 reached on 2022-02-28, the last day of February (年齢計算ニ関スル法律, 民法
#: 第143条第2項ただし書), so not a 身体障害者 on 2022-02-27 and one on 2022-02-28; born 2008-02-29, 15 reached on
#: 2023-02-28: the 保護者 applies on 2023-02-27 (第15条第1項ただし書) and holds the 手帳 that day (第7項).
LEAP_17 = _person(date(2004, 2, 29), date(2022, 2, 27), _record({
    _APPLIED: date(2015, 3, 2), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))
LEAP_18 = _person(date(2004, 2, 29), date(2022, 2, 28), _record({
    _APPLIED: date(2015, 3, 2), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))
LEAP_GUARDIAN = _person(date(2008, 2, 29), date(2023, 4, 28), _record({_APPLIED: date(2023, 2, 27),
                                                                      _QUALIFIES: "1"}))
#: On the 交付 day itself (身障法 第4条 「身体障害者手帳の交付を受けたもの」, 第15条第7項): the person born 2007-06-02,
#: 18 and given the 手帳 on 2025-06-20, is a 身体障害者 on 2025-06-20; the 手帳 the 保護者 applied for on 2015-03-01 and
#: was given on 2015-04-01 is the 保護者's on 2015-04-01 (the child 7).
GIVEN_TODAY = _person(date(2007, 6, 2), date(2025, 6, 20), NOT_YET_GIVEN.records)
HELD_ON_GIVING = _person(date(2007, 6, 2), date(2015, 4, 1), REACHING_15.records)
LEAP_HELD = _person(date(2008, 2, 29), date(2023, 2, 27), _record({
    _APPLIED: date(2015, 3, 2), _QUALIFIES: "1", _GIVEN: date(2015, 4, 1)}))

_DECIDING = "支給決定市町村_市区町村コード"

SHOGAISHA_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    # 支援法 第19条's cases, each deciding the same 市町村 (第2項, its ただし書, 第3項, its ただし書, 第4項's two).
    *STATUTE.family(_deciding, _DECIDING,
                    ("shogaisha_fukushi.residence", residing, (RESIDENT,)),
                    ("shogaisha_fukushi.current_place", without_residence, (NO_RESIDENCE,)),
                    ("shogaisha_fukushi.facility", in_facility, (IN_FACILITY,)),
                    ("shogaisha_fukushi.facility_location", in_facility_unknown, (IN_FACILITY_UNKNOWN,)),
                    ("shogaisha_fukushi.child_facility", from_child_facility, (FROM_CHILD_FACILITY,)),
                    ("shogaisha_fukushi.child_facility_location", from_child_facility_no_guardian,
                     (FROM_CHILD_FACILITY_NO_GUARDIAN,))),
    STATUTE.rule("shogaisha_fukushi.decision_required", deciding, _payable, "介護給付費等支給",
                 (DECIDED, UNDECIDED, LAPSED)),
    STATUTE.rule("shogaisha_fukushi.validity", periods, _in_effect, "支給決定有効", (DECIDED, EXPIRED)),
    STATUTE.rule("shogaisha_fukushi.category", judged, _category, "障害支援区分", (DECIDED,)),
    STATUTE.rule("shogaisha_fukushi.monthly_amount", supplied, _amounts, _decided_amounts, (SUPPLIED, UNDECIDED)),
    STATUTE.rule("shogaisha_fukushi.physically_disabled", nearly_adult, _disabled, "身体障害者",
                 (REACHING_18, FOREIGN_18, NOT_YET_GIVEN, GIVEN_TODAY, LEAP_17, LEAP_18)),
    STATUTE.rule("shogaisha_fukushi.guardian_applies", applying, _applicant, "手帳申請者",
                 (GUARDIAN_APPLIES, CHILD_APPLIES, LEAP_GUARDIAN)),
    STATUTE.rule("shogaisha_fukushi.certificate", applying, _issued, "手帳交付", (CHILD_QUALIFIES, CHILD_APPLIES)),
    STATUTE.rule("shogaisha_fukushi.rejection", applying, _rejected, "却下理由通知", (CHILD_APPLIES,)),
    STATUTE.rule("shogaisha_fukushi.handover", handed_over, _holder, "手帳所持者",
                 (REACHING_15, SIXTEEN, LEAP_HELD, HELD_ON_GIVING)),
)}

#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(SHOGAISHA_RULES.values())
