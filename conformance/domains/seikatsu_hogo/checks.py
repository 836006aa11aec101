"""Scenario checks of 生活保護 (生活保護法; the statute edition ``seikatsu_hogo 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.seikatsu_hogo.oracle`). 住民記録 holds nothing of
生活保護: every check sends the 要保護者's facts as a ``生活保護`` record (``targets.load.records_path``;
without it they are NOT_AUTOMATED) and judges one field of the answer's ``生活保護`` part on the persons its
provision is about, so a wrong answer about one provision fails that provision's check and no other:

- ``実施機関_市区町村コード`` (the 所管区域 of the 福祉事務所 whose manager decides and carries out 保護):
  a known 居住地 (第19条第1項第1号), none (第2号: the 現在地), an 急迫した状況 (第2項: the 現在地), an 入所
  or 委託 (第3項: the 居住地, else the 現在地, before it);
- ``通知期限``: 14 days from the application (第24条第5項), 30 with a 特別な理由 (ただし書);
- ``遅延理由明示``: a notice after the 14 days states why (第24条第6項);
- ``みなし却下``: no notice within 30 days, the applicant may deem the application rejected (第24条第7項);
- ``保護の程度``: the need (最低生活費, measured by the 基準 the record gives) less the income (第8条第1項).

Not judged: who may apply (第7条), the 世帯単位 (第10条: the record is the 世帯's), the kinds of 扶助
(第11条-第13条), the contents of the application (第24条第1項, 第2項).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import Projection, Rule, Scenario, _birth, other_codes, picked, rule_check
from conformance.domains.seikatsu_hogo.oracle import (
    deemed_rejected,
    delay_reason_required,
    implementing_area,
    notice_deadline,
    shortfall,
)
from conformance.testdata.town import TOWN_CODE

PART = "生活保護"
_RESIDENCE, _CURRENT, _URGENT = "居住地_市区町村コード", "現在地_市区町村コード", "急迫"
_BEFORE_RESIDENCE, _BEFORE_CURRENT = "入所前居住地_市区町村コード", "入所前現在地_市区町村コード"
_APPLIED, _EXTENDED, _NOTIFIED = "申請年月日", "延長理由", "通知年月日"
_NEED, _INCOME = "最低生活費", "収入認定額"


def _record(items: Mapping[str, str | date | int | None]) -> tuple[tuple[str, str, str], ...]:
    """A 生活保護 record of the given items (None: not given)."""
    return tuple((PART, item, value.isoformat() if isinstance(value, date) else str(value))
                 for item, value in items.items() if value is not None)


def facts(s: Scenario) -> dict[str, str]:
    """The scenario's 生活保護 record, item -> value."""
    return s.record(PART)


def _day(s: Scenario, item: str) -> date | None:
    return s.record_day(PART, item)


def _person(draw: st.DrawFn, records: tuple[tuple[str, str, str], ...], as_of: date) -> Scenario:
    """A resident of the town since the age of twenty, with the record, asked about on ``as_of``."""
    birth = draw(_birth(1940, 2000))
    return Scenario(as_of.year, birth, min(date(birth.year + 20, 4, 1), as_of), as_of=as_of, records=records)


_ASKED = date(2025, 6, 1)


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def residing(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 要保護者 with a known 居住地, found where he lives or elsewhere (a 現在地 in another municipality)."""
    place = st.sampled_from(codes)
    residence = draw(place)
    current = draw(st.one_of(st.none(), st.just(residence), place))
    return _person(draw, _record({_RESIDENCE: residence, _CURRENT: current}), _ASKED)


@st.composite
def homeless(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 要保護者 without a 居住地 (or none known), found in one of the municipalities."""
    return _person(draw, _record({_CURRENT: draw(st.sampled_from(codes))}), _ASKED)


@st.composite
def urgent(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 要保護者 with a known 居住地 in an 急迫した状況 where he is found (the same municipality or not)."""
    residence, current = draw(st.sampled_from(codes)), draw(st.sampled_from(codes))
    return _person(draw, _record({_RESIDENCE: residence, _CURRENT: current, _URGENT: "1"}), _ASKED)


@st.composite
def in_facility(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被保護者 in a 救護施設 or the like (or in a 私人の家庭's care) in one municipality, whose 居住地
    (or, without one, 現在地) before the 入所 was in one of them."""
    facility, before = draw(st.sampled_from(codes)), draw(st.sampled_from(codes))
    known = draw(st.booleans())
    items: dict[str, str | date | int | None] = {_CURRENT: facility,
                                                 _BEFORE_RESIDENCE if known else _BEFORE_CURRENT: before}
    return _person(draw, _record(items), _ASKED)


@st.composite
def applications(draw: st.DrawFn, codes: tuple[str, str], *, extended: bool | None = None,
                 notified: bool | None = None) -> Scenario:
    """An application on a day (with or without a 特別な理由 to extend), maybe notified 1 to 45 days later;
    asked about from the application day to 45 days after (often around the 14th and 30th)."""
    applied = draw(st.dates(date(2024, 1, 1), date(2026, 3, 31)))
    reason = draw(st.booleans()) if extended is None else extended
    gap = st.one_of(st.integers(1, 45), st.sampled_from((13, 14, 15, 29, 30, 31)))
    told = draw(gap) if notified is True or (notified is None and draw(st.booleans())) else None
    asked = applied + timedelta(days=draw(gap))
    record = _record({_APPLIED: applied, _EXTENDED: "1" if reason else None,
                        _NOTIFIED: applied + timedelta(days=told) if told is not None else None})
    return _person(draw, record, asked)


@st.composite
def means(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 世帯's need measured by the 基準 (最低生活費) and its income (maybe none, maybe more than the need),
    in yen per month."""
    need = draw(st.integers(50_000, 300_000))
    income = draw(st.one_of(st.none(), st.integers(0, need), st.integers(need, 400_000)))
    return _person(draw, _record({_NEED: need, _INCOME: income}), _ASKED)


# -- rules ----------------------------------------------------------------------------------------


def _area(s: Scenario, town: str) -> Projection:
    f = facts(s)
    before = f.get(_BEFORE_RESIDENCE), f.get(_BEFORE_CURRENT)
    return {"実施機関_市区町村コード": implementing_area(
        f.get(_RESIDENCE), f.get(_CURRENT), urgent=f.get(_URGENT) == "1", before_residence=before[0],
        before_current=before[1], in_facility=any(before))}


def _deadline(s: Scenario, town: str) -> Projection:
    applied = _day(s, _APPLIED)
    assert applied is not None
    return {"通知期限": notice_deadline(applied, special_reason=facts(s).get(_EXTENDED) == "1").isoformat()}


def _delay_reason(s: Scenario, town: str) -> Projection:
    applied, notified = _day(s, _APPLIED), _day(s, _NOTIFIED)
    assert applied is not None and notified is not None
    return {"遅延理由明示": delay_reason_required(applied, notified)}


def _deemed(s: Scenario, town: str) -> Projection:
    applied = _day(s, _APPLIED)
    assert applied is not None and s.as_of is not None
    return {"みなし却下": deemed_rejected(applied, _day(s, _NOTIFIED), s.as_of)}


def _degree(s: Scenario, town: str) -> Projection:
    f = facts(s)
    return {"保護の程度": shortfall(int(f[_NEED]), int(f.get(_INCOME, "0")))}


#: Worked examples (the codes are other_codes' of the bundled town: the same prefecture, another one).
#: 居住地 A, 現在地 B: A (第19条第1項第1号); no 居住地, 現在地 B: B (第2号); 急迫 at B with 居住地 A: B (第2項);
#: in a facility at B, 居住地 A before the 入所: A (第3項). Applied 2025-01-10: notice due 1月24日, 2月9日 with
#: a 特別な理由 (第24条第5項); notified 1月25日: the reason stated (第6項); not notified, on 2月10日 the
#: application may be deemed rejected, on 2月9日 not yet (第7項). 最低生活費 120,000 yen, income 50,000: 70,000
#: (第8条第1項).
_A, _B = other_codes(TOWN_CODE)
RESIDENT = Scenario(2025, date(1960, 5, 5), date(1980, 4, 1), as_of=_ASKED,
                    records=_record({_RESIDENCE: _A, _CURRENT: _B}))
HOMELESS = Scenario(2025, date(1960, 5, 5), date(1980, 4, 1), as_of=_ASKED, records=_record({_CURRENT: _B}))
URGENT = Scenario(2025, date(1960, 5, 5), date(1980, 4, 1), as_of=_ASKED,
                  records=_record({_RESIDENCE: _A, _CURRENT: _B, _URGENT: "1"}))
IN_FACILITY = Scenario(2025, date(1950, 5, 5), date(1970, 4, 1), as_of=_ASKED,
                       records=_record({_CURRENT: _B, _BEFORE_RESIDENCE: _A}))
APPLIED = Scenario(2025, date(1970, 5, 5), date(1990, 4, 1), as_of=date(2025, 2, 10),
                   records=_record({_APPLIED: date(2025, 1, 10)}))
EXTENDED = Scenario(2025, date(1970, 5, 5), date(1990, 4, 1), as_of=date(2025, 1, 20),
                    records=_record({_APPLIED: date(2025, 1, 10), _EXTENDED: "1"}))
NOTIFIED_LATE = Scenario(2025, date(1970, 5, 5), date(1990, 4, 1), as_of=date(2025, 1, 25),
                         records=_record({_APPLIED: date(2025, 1, 10), _NOTIFIED: date(2025, 1, 25)}))
NOT_YET_DEEMED = Scenario(2025, date(1970, 5, 5), date(1990, 4, 1), as_of=date(2025, 2, 9),
                          records=_record({_APPLIED: date(2025, 1, 10)}))
MEANS = Scenario(2025, date(1970, 5, 5), date(1990, 4, 1), as_of=_ASKED,
                 records=_record({_NEED: 120_000, _INCOME: 50_000}))

_AREA = picked(PART, "実施機関_市区町村コード")

SEIKATSU_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("seikatsu_hogo.residence", "生活保護: the 実施機関 of the 要保護者's 居住地 (第19条第1項第1号)",
         residing, _area, _AREA, (RESIDENT,), needs_records=True),
    Rule("seikatsu_hogo.current_place", "生活保護: the 実施機関 of the 現在地 without a known 居住地 "
         "(第19条第1項第2号)", homeless, _area, _AREA, (HOMELESS,), needs_records=True),
    Rule("seikatsu_hogo.urgent", "生活保護: the 実施機関 of the 現在地 in an 急迫した状況 (第19条第2項)",
         urgent, _area, _AREA, (URGENT,), needs_records=True),
    Rule("seikatsu_hogo.facility", "生活保護: the 実施機関 of the 居住地 or 現在地 before an 入所 or 委託 "
         "(第19条第3項)", in_facility, _area, _AREA, (IN_FACILITY,), needs_records=True),
    Rule("seikatsu_hogo.deadline", "生活保護: the decision notice within 14 days of the application "
         "(第24条第5項)", lambda codes: applications(codes, extended=False), _deadline, picked(PART, "通知期限"),
         (APPLIED,), needs_records=True),
    Rule("seikatsu_hogo.extended_deadline", "生活保護: up to 30 days with a 特別な理由 (第24条第5項ただし書)",
         lambda codes: applications(codes, extended=True), _deadline, picked(PART, "通知期限"), (EXTENDED,),
         needs_records=True),
    Rule("seikatsu_hogo.delay_reason", "生活保護: a notice after the 14 days states why (第24条第6項)",
         lambda codes: applications(codes, notified=True), _delay_reason, picked(PART, "遅延理由明示"),
         (NOTIFIED_LATE,), needs_records=True),
    Rule("seikatsu_hogo.deemed_rejection", "生活保護: no notice within 30 days, the application may be deemed "
         "rejected (第24条第7項)", applications, _deemed, picked(PART, "みなし却下"), (APPLIED, NOT_YET_DEEMED),
         needs_records=True),
    Rule("seikatsu_hogo.shortfall", "生活保護: 保護 makes up the need the 要保護者's money cannot meet "
         "(第8条第1項)", means, _degree, picked(PART, "保護の程度"), (MEANS,), needs_records=True),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(SEIKATSU_RULES[name])


seikatsu_hogo_residence = check("scenario.seikatsu_hogo.residence")(_rule_check("seikatsu_hogo.residence"))
seikatsu_hogo_current_place = check("scenario.seikatsu_hogo.current_place")(
    _rule_check("seikatsu_hogo.current_place"))
seikatsu_hogo_urgent = check("scenario.seikatsu_hogo.urgent")(_rule_check("seikatsu_hogo.urgent"))
seikatsu_hogo_facility = check("scenario.seikatsu_hogo.facility")(_rule_check("seikatsu_hogo.facility"))
seikatsu_hogo_deadline = check("scenario.seikatsu_hogo.deadline")(_rule_check("seikatsu_hogo.deadline"))
seikatsu_hogo_extended_deadline = check("scenario.seikatsu_hogo.extended_deadline")(
    _rule_check("seikatsu_hogo.extended_deadline"))
seikatsu_hogo_delay_reason = check("scenario.seikatsu_hogo.delay_reason")(_rule_check("seikatsu_hogo.delay_reason"))
seikatsu_hogo_deemed_rejection = check("scenario.seikatsu_hogo.deemed_rejection")(
    _rule_check("seikatsu_hogo.deemed_rejection"))
seikatsu_hogo_shortfall = check("scenario.seikatsu_hogo.shortfall")(_rule_check("seikatsu_hogo.shortfall"))
