"""Scenario checks of 介護保険 (介護保険法; the statute edition ``kaigo 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.kaigo.oracle`, the counterexample shrunk and
reported with the seed). Each check judges one field of the answer's ``介護保険`` part on the persons
its provision is about, so a wrong answer about one provision fails that provision's check and no other:

- ``第1号被保険者`` on ``as_of`` (第9条第1項第1号): persons around 65, some gone (moved out, died) by then;
- ``資格取得日`` (第10条第1項第2号): persons of 65 or more moving in, from a municipality or from abroad
  (reaching 65 here, 第4号, is ``scenario.kaigo.first_insured`` of :mod:`conformance.checks.scenarios`);
- ``資格喪失日`` (第11条第1項): the day after death, a 転出 abroad or a 転出 with days between (本文);
  the move-out day itself when the 転入通知 says the address elsewhere began that day (ただし書);
- ``賦課月`` (第129条): persons around 65 and 75 (第2項), 第1号被保険者 through the whole 年度 (第1項),
  persons aged 40 to 64 (第4項: no premium).

The 住民記録 rows record no 医療保険: the rules that turn on being a 医療保険加入者 send it as the person's 介護保険
record (医療保険_加入年月日, 医療保険_喪失年月日; ``targets.load.records_path``) and read ``第2号被保険者`` on ``as_of``
(第9条第2号, 第10条第1項第1号・第3号, 第11条第2項). The 住所地特例 of 第13条 sends the 入所等 in the same record
(入所等_区分, 入所等_入所措置, 継続入所等_最初の入所等の際の住所_市区町村コード) and reads ``住所地特例_市区町村コード``
(the 市町村 whose 被保険者 the person is, None for this town). A 要介護認定 (要介護認定_申請年月日,
要介護認定_認定年月日 in the record) is answered as ``要介護認定_効力発生日`` (第27条第8項) and
``要介護認定_処分期限`` (第27条第11項; its ただし書's 延期 as 要介護認定_延期通知年月日 and
要介護認定_処理見込期間_末日 in the record: ``kaigo.postponed_deadline``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.facility_exception import FacilityException, Sender
from conformance.checks.scenarios import ELDER_APRIL_FIRST, _birth, _near, elders, gone_that_day, history, iso_or_none
from conformance.checks.statute_rules import Projection, Rule, Scenario, Statute, drawn_with, on_as_of, rule_checks
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.kaigo.oracle import kaigo_acquisition_date
from conformance.oracles import Residence
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.oracles.readings import either, year_view

PART = "介護保険"
STATUTE = Statute("kaigo", PART)
_DAY = timedelta(days=1)


def _age65(birth: date) -> date:
    return kaigo.kaigo_age_date(birth)


def _long_resident(birth: date) -> date:
    """The move-in of a resident since the age of thirty."""
    return date(birth.year + 30, 4, 1)


@st.composite
def _ending(draw: st.DrawFn, scenario: Scenario, codes: tuple[str, str], earliest: date, latest: date) -> Scenario:
    """The scenario, maybe ended on a day from ``earliest`` to ``latest``: a death, a 転出 abroad, a
    転出 to another municipality (with or without days between)."""
    if draw(st.booleans()):
        return scenario
    low = max(earliest, scenario.moved_in)
    day = draw(st.dates(low, max(low, latest)))
    kind = draw(st.sampled_from(("died", "abroad", "moved")))
    if kind == "died":
        return replace(scenario, died=day)
    if kind == "abroad":
        return replace(scenario, planned_out=day)
    return replace(scenario, planned_out=day + timedelta(days=draw(st.integers(0, 5))), elsewhere=day,
                   next=codes[0])


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def categories(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person asked about on a day around reaching 65, maybe gone (moved out, died) shortly before."""
    birth = draw(_birth(1951, 1961))
    age65 = _age65(birth)
    moved_in = draw(st.one_of(st.just(_long_resident(birth)), _near(age65 - timedelta(days=60), 60)))
    as_of = draw(_near(age65, 3))
    start = Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                     as_of=as_of)
    return draw(_ending(start, codes, as_of - timedelta(days=40), as_of + timedelta(days=5)))


@st.composite
def entering(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person who reached 65 before moving in (from a municipality or from abroad): soon after or
    years after, maybe leaving later."""
    birth = draw(_birth(1935, 1958))
    after = _age65(birth) + _DAY  # the 65th birthday
    moved_in = max(after, draw(_near(after + timedelta(days=draw(st.sampled_from((0, 400, 3000)))), 5)))
    start = Scenario(fiscal_year_of(moved_in), birth, moved_in, previous=draw(st.sampled_from((None, *codes))))
    return draw(_ending(start, codes, moved_in, moved_in + timedelta(days=400)))


@st.composite
def _insured(draw: st.DrawFn, codes: tuple[str, str]) -> tuple[Scenario, date]:
    """A 第1号被保険者 here (a resident reaching 65, or moving in after it) and a day of 資格 to end on."""
    birth = draw(_birth(1935, 1958))
    age65 = _age65(birth)
    moved_in = draw(st.one_of(st.just(_long_resident(birth)), _near(age65, 30)))
    start = Scenario(2000, birth, moved_in, previous=draw(st.sampled_from((None, *codes))))
    acquired = max(age65, moved_in)
    day = max(acquired, draw(_near(acquired + timedelta(days=draw(st.sampled_from((0, 30, 400, 3000)))), 3)))
    return start, day


@st.composite
def leaving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第1号被保険者 whose address here ends with no address elsewhere that day: a death, a 転出
    abroad, a 転出 whose 転入通知 names a later day."""
    start, day = draw(_insured(codes))
    return replace(draw(gone_that_day(start, day, codes)), fiscal_year=fiscal_year_of(day))


@st.composite
def moving_on(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第1号被保険者 moving to another municipality whose 転入通知 says the address there began on
    the move-out day (on the 転出予定年月日 or before it), asked about on that day."""
    start, day = draw(_insured(codes))
    planned = day + timedelta(days=draw(st.one_of(st.just(0), st.integers(1, 10))))
    return replace(start, planned_out=planned, elsewhere=day, next=draw(st.sampled_from(codes)),
                   fiscal_year=fiscal_year_of(day), as_of=day)


@st.composite
def second_insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person aged 40 to 64 through a 年度 (or reaching 40 in it): a resident, or moving in that year."""
    fiscal_year = draw(st.integers(2016, 2025))
    birth = draw(_birth(fiscal_year - 64, fiscal_year - 39))
    year_end = date(fiscal_year + 1, 3, 31)
    assume(age_reached_on(birth, 40) <= year_end < _age65(birth))
    moved_in = draw(st.one_of(st.just(date(birth.year + 20, 4, 1)), st.dates(date(fiscal_year, 4, 1), year_end)))
    return Scenario(fiscal_year, birth, moved_in, previous=draw(st.sampled_from((None, *codes))))


@st.composite
def first_insured_years(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident aged 65 or more through a whole 年度: often the 年度 of reaching 75 (後期高齢者医療)."""
    fiscal_year = draw(st.integers(2016, 2025))
    birth = draw(st.one_of(_birth(fiscal_year - 76, fiscal_year - 74), _birth(fiscal_year - 90, fiscal_year - 66)))
    assume(_age65(birth) < date(fiscal_year, 4, 1))
    return Scenario(fiscal_year, birth, _long_resident(birth), previous=draw(st.sampled_from(codes)))


def _medical(joined: date | None, left: date | None) -> tuple[tuple[str, str, str], ...]:
    items = {kaigo.MEDICAL_JOINED: joined, kaigo.MEDICAL_LEFT: left}
    return tuple((PART, item, day.isoformat()) for item, day in items.items() if day is not None)


@st.composite
def second(draw: st.DrawFn, codes: tuple[str, str], focus: str) -> Scenario:
    """A resident aged 40 to 64 with a 医療保険 record, asked about a day: ``mid`` clear of every boundary (a 加入者
    or not: 第9条第2号), ``forty`` around reaching forty (a 加入者 throughout: 第10条第1項第1号), ``joining`` around
    becoming a 加入者 (第10条第1項第3号), ``leaving`` around no longer being one (第11条第2項); a rule each."""
    joined: date | None
    left: date | None
    if focus == "forty":
        birth = draw(_birth(1976, 1985))
        as_of = draw(_near(age_reached_on(birth, kaigo.SECOND_FROM_AGE), 3))
        joined, left = as_of - timedelta(days=draw(st.integers(400, 5000))), None
    else:
        birth = draw(_birth(1962, 1978))
        low, high = age_reached_on(birth, 41), _age65(birth) - timedelta(days=400)
        first = max(low, date(2019, 4, 1))
        anchor = draw(st.dates(first, max(first, min(high, date(2025, 12, 31)))))
        if focus == "joining":
            joined, left, as_of = anchor, None, draw(_near(anchor, 3))
        elif focus == "leaving":
            joined, left, as_of = anchor - timedelta(days=draw(st.integers(30, 3000))), anchor, draw(_near(anchor, 3))
        else:
            as_of = anchor
            back = draw(st.one_of(st.none(), st.integers(10, 3000)))
            joined = None if back is None else as_of - timedelta(days=back)
            shift = draw(st.one_of(st.none(), st.integers(10, 400), st.integers(-400, -10)))
            left = None if shift is None else as_of + timedelta(days=shift)
            # A 喪失年月日 without a 加入年月日 means nothing the contract states (the person a 加入者 until that day,
            # or never one: issue 65), so it is not generated: no 加入 no 喪失.
            if joined is None or (left is not None and left <= joined):
                left = None
    moved_in = min(as_of, _long_resident(birth) - timedelta(days=3650))
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, records=_medical(joined, left))


#: 第13条 (住所地特例): a person (65 or more) who moved here by an 入所等 of 第13条第1項 (any 号, with or without the
#: 入所措置), from another 市町村 of the prefecture, of another, or from abroad, asked about a day of the stay
#: (``in_facility``); a 特定継続入所被保険者, moved here from a 住所地特例対象施設 in ``codes[0]``, the first 入所等 of
#: the chain having begun while living in ``codes[1]`` (第13条第1項ただし書, 第2項第1号: ``in_facility_chain``).
FACILITY = FacilityException(PART, kaigo.FACILITY_KIND, kaigo.FACILITY_MEASURE, kaigo.CHAIN_ORIGIN,
                             kaigo.FACILITY_KINDS, born=(1935, 1955), moved_in=(date(2019, 4, 1), date(2025, 3, 31)),
                             stay_days=400)
in_facility, in_facility_chain = FACILITY.in_facility, FACILITY.in_chain


#: The sending side of 第13条第1項: a 第1号被保険者 (resident here since before 65) who moved out to another 市町村 by
#: an 入所等 into a 住所地特例対象施設 (any 号; a 養護老人ホーム without the 入所措置 is not one: any move out, 第11条's
#: rules', and the receiving side's kaigo.facility_insurer), asked about a day after the move.
SENDER = Sender(PART, kaigo.MOVED_OUT_KIND, kaigo.MOVED_OUT_MEASURE, kaigo.FACILITY_KINDS, (kaigo.MEASURE_ONLY,),
                born=(1935, 1955), resident_since=_long_resident)
leaving_for_facility = SENDER.leaving


@st.composite
def care_applications(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第1号被保険者 who applied for a 要介護認定 (第27条第1項) on a day, certified 1 to 30 days later."""
    birth = draw(_birth(1935, 1955))
    applied = draw(st.dates(date(2021, 4, 1), date(2025, 12, 31)))
    certified = applied + timedelta(days=draw(st.integers(1, 30)))
    items = ((PART, kaigo.CARE_APPLIED, applied.isoformat()), (PART, kaigo.CARE_CERTIFIED, certified.isoformat()))
    return Scenario(fiscal_year_of(applied), birth, _long_resident(birth), previous=draw(st.sampled_from(codes)),
                    records=items).asked_on(certified)


@st.composite
def postponed_applications(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A :func:`care_applications` person whose 処分 the 市町村 postponed (第27条第11項ただし書): the 処理見込期間
    notified on a day around the thirtieth after the 申請 (the 29th, 30th and 31st drawn often; a notice after the
    30th postpones nothing), ending 1 to 60 days after that thirtieth day; asked about on a day of it."""
    s = draw(care_applications(codes))
    applied = _care_applied(s)
    notified = applied + timedelta(days=draw(st.one_of(st.sampled_from((29, 30, 31)), st.integers(1, 35))))
    expected_end = kaigo.decision_deadline(applied) + timedelta(days=draw(st.integers(1, 60)))
    items = ((PART, kaigo.CARE_APPLIED, applied.isoformat()), (PART, kaigo.CARE_POSTPONED, notified.isoformat()),
             (PART, kaigo.CARE_EXPECTED_END, expected_end.isoformat()))
    return replace(s, records=items).asked_on(max(notified, applied + timedelta(days=draw(st.integers(1, 30)))))


# -- rules ----------------------------------------------------------------------------------------


def _stay(s: Scenario, town: str) -> tuple[list[Residence], Residence]:
    stays = history(s, town)
    return stays, next(stay for stay in stays if stay.municipality == town)


def _category(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    stays, stay = _stay(s, town)
    return {"第1号被保険者": kaigo.kaigo_first_insured_on(s.birth, stay, s.as_of, stays)}


def _acquisition(s: Scenario, town: str) -> Projection:
    return on_as_of(s, {"資格取得日": iso_or_none(kaigo.kaigo_acquisition_date(s.birth, _stay(s, town)[1]))})


def _loss(s: Scenario, town: str) -> Projection:
    stays, stay = _stay(s, town)
    return on_as_of(s, {"資格喪失日": iso_or_none(kaigo.kaigo_first_loss_date(s.birth, stays, stay))})


def _lost_that_day(s: Scenario, town: str) -> Projection:
    """第11条第1項ただし書: the 資格喪失日 is the move-out day, and on it the person is no longer this municipality's
    第1号被保険者 (その日から、その資格を喪失する)."""
    return {**_loss(s, town), **_category(s, town)}


def _kept_by_sender(s: Scenario, town: str) -> Projection:
    """第13条第1項 from the sending 市町村: moved out into a 住所地特例対象施設, the person is still this 市町村's
    第1号被保険者 with no 資格喪失日; otherwise the move ends the 資格 as any (第11条第1項, its ただし書: the move day),
    the 喪失日 shown as the 年度 asked allows (:func:`conformance.oracles.readings.year_view`)."""
    if SENDER.kept(s, kaigo.kept_by_sender):
        return {"第1号被保険者": True, "資格喪失日": None}
    stays, stay = _stay(s, town)
    lost = kaigo.kaigo_first_loss_date(s.birth, stays, stay)
    _, shown = year_view(kaigo.kaigo_acquisition_date(s.birth, stay), lost, s.fiscal_year)
    return {**_category(s, town), **on_as_of(s, {"資格喪失日": either(*map(iso_or_none, shown))})}


def _second_insured(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    joined, left = s.record_day(PART, kaigo.MEDICAL_JOINED), s.record_day(PART, kaigo.MEDICAL_LEFT)
    stays, stay = _stay(s, town)
    lost = kaigo.kaigo_loss_date(stays, stay)
    return {"第2号被保険者": kaigo.second_insured_on(s.birth, s.moved_in, joined, left, s.as_of, lost)}


_insurer = FACILITY.deemed("住所地特例_市区町村コード", kaigo.tokurei_insurer)


def _care_applied(s: Scenario) -> date:
    applied = s.record_day(PART, kaigo.CARE_APPLIED)
    assert applied is not None
    return applied


def _certification_effective(s: Scenario, town: str) -> Projection:
    """The 認定's 効力発生日 (第27条第8項); null while the record holds no 認定 (the contract: null with no 認定)."""
    certified = s.record_day(PART, kaigo.CARE_CERTIFIED) is not None
    return {"要介護認定_効力発生日": kaigo.certification_effective(_care_applied(s)).isoformat() if certified else None}


def _decision_deadline(s: Scenario, town: str) -> Projection:
    return {"要介護認定_処分期限": kaigo.decision_deadline(_care_applied(s)).isoformat()}


def _postponed_deadline(s: Scenario, town: str) -> Projection:
    deadline = kaigo.postponed_deadline(_care_applied(s), s.record_day(PART, kaigo.CARE_POSTPONED),
                                        s.record_day(PART, kaigo.CARE_EXPECTED_END))
    return {"要介護認定_処分期限": deadline.isoformat()}


def _premium(s: Scenario, town: str) -> Projection:
    months = kaigo.kaigo_billed_months(s.birth, history(s, town), town, s.fiscal_year)
    return {"賦課月": [f"{year:04d}-{month:02d}" for year, month in months]}


#: Worked examples: born 1960-04-01 reaches 65 on 2025-03-31 (第1号 that day, the premium from 3月);
#: a death on 2025-06-10 ends 資格 on 6月11日 (no longer 第1号 on 7月1日); a 転出 abroad on 6月30日 on 7月1日;
#: a 転出 whose 転入通知 names 6月30日 on 6月30日; a move-in from abroad on 2025-05-10 at 70 acquires that day.
REACHING_65 = Scenario(2024, date(1960, 4, 1), date(1990, 4, 1), as_of=date(2025, 3, 31))
DIED = Scenario(2025, date(1955, 6, 6), date(1990, 4, 1), died=date(2025, 6, 10), as_of=date(2025, 7, 1))
TO_ABROAD = Scenario(2025, date(1955, 6, 6), date(1990, 4, 1), planned_out=date(2025, 6, 30))
TO_MUNICIPALITY = Scenario(2025, date(1955, 6, 6), date(1990, 4, 1), planned_out=date(2025, 6, 30),
                           elsewhere=date(2025, 6, 30), next="131016", as_of=date(2025, 6, 30))
FROM_ABROAD = Scenario(2025, date(1955, 6, 6), date(2025, 5, 10))
#: 年度 2025: aged 50 (no premium, 第129条第4項); reaching 75 on 2025-06-06 (still billed all 12 months).
AGED_FIFTY = Scenario(2025, date(1975, 6, 6), date(2000, 4, 1))
REACHING_75 = Scenario(2025, date(1950, 6, 6), date(1980, 4, 1))
#: Born 1975-06-06, a 医療保険加入者 since 2000: a 第2号被保険者 on 2025-06-01; not without the 加入. Born 1985-06-15:
#: from 2025-06-14 (forty reached). Joined 医療保険 on 2025-07-01 at 50: 第2号 that day; left it on 2025-07-01:
#: no longer that day (第11条第2項: その日から).
SECOND = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), as_of=date(2025, 6, 1),
                  records=_medical(date(2000, 4, 1), None))
NO_MEDICAL = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), as_of=date(2025, 6, 1))
FORTY = Scenario(2025, date(1985, 6, 15), date(2005, 4, 1), as_of=date(2025, 6, 14),
                 records=_medical(date(2010, 4, 1), None))
#: Born 1960-07-01, a 医療保険加入者 since 1990: 65 reached on 2025-06-30, no longer a 第2号被保険者 that day
#: (第9条第2号: 六十五歳未満; the day before the birthday, as 第10条第1項第4号 reads 六十五歳に達した). Born 1975-06-06,
#: a 加入者 since 2000, moving in from 131016 on 2025-07-01: a 第2号被保険者 from that day (第10条第1項第2号).
#: Born 1975-06-06, a 加入者 since 2000, moved abroad on 2025-06-30 (転出予定年月日): the 資格 lost on 2025-07-01
#: (第11条第1項: 翌日), no 第2号被保険者 that day.
LEFT_SECOND = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), planned_out=date(2025, 6, 30), as_of=date(2025, 7, 1),
                       records=_medical(date(2000, 4, 1), None))
SIXTY_FIVE = Scenario(2025, date(1960, 7, 1), date(1990, 4, 1), as_of=date(2025, 6, 30),
                      records=_medical(date(1990, 4, 1), None))
MOVED_IN_SECOND = Scenario(2025, date(1975, 6, 6), date(2025, 7, 1), previous="131016", as_of=date(2025, 7, 1),
                           records=_medical(date(2000, 4, 1), None))
JOINED = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), as_of=date(2025, 7, 1),
                  records=_medical(date(2025, 7, 1), None))
LEFT = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), as_of=date(2025, 7, 1),
                records=_medical(date(2000, 4, 1), date(2025, 7, 1)))
#: Moved here from 131016 into a 介護保険施設 on 2024-05-01: a 被保険者 of 131016 (第13条第1項第1号); into a
#: 養護老人ホーム without the 入所措置: of this town; from a 特定施設 in 131016 after a first 入所等 from 011002: of
#: 011002 (第2項第1号).
IN_FACILITY = FACILITY.example(date(1945, 5, 5), "131016", "介護保険施設", False)
HOME_WITHOUT_MEASURE = FACILITY.example(date(1945, 5, 5), "131016", "養護老人ホーム", False)
CHAIN = FACILITY.example(date(1945, 5, 5), "131016", "介護保険施設", True, "011002")
#: A 第1号被保険者 here since 1975 moved out to 131016 into a 介護保険施設 on 2025-06-10: still this town's 被保険者 on
#: 2025-06-11, no 資格喪失日 (第13条第1項, the sending side); into a 養護老人ホーム without the 入所措置: lost on the
#: move day (第11条第1項ただし書).
LEFT_FOR_FACILITY = Scenario(2025, date(1945, 5, 5), date(1975, 4, 1), planned_out=date(2025, 6, 10),
                             elsewhere=date(2025, 6, 10), next="131016", as_of=date(2025, 6, 11),
                             records=SENDER.record("介護保険施設", False))
LEFT_FOR_HOME = replace(LEFT_FOR_FACILITY, records=SENDER.record("養護老人ホーム", False))
#: Applied for a 要介護認定 on 2025-06-10, certified on 2025-07-05: effective from 2025-06-10 (第27条第8項); the 処分
#: due by 2025-07-10 (第11項: 三十日以内, counted from the next day).
CARE_APPLIED = Scenario(2025, date(1945, 5, 5), date(1975, 4, 1), previous="131016", as_of=date(2025, 7, 5),
                        records=((PART, kaigo.CARE_APPLIED, "2025-06-10"), (PART, kaigo.CARE_CERTIFIED, "2025-07-05")))
#: The same 申請 not decided yet, asked on 2025-06-20: no 効力発生日 (no 認定 to take effect).
PENDING = replace(CARE_APPLIED, as_of=date(2025, 6, 20), records=((PART, kaigo.CARE_APPLIED, "2025-06-10"),))
#: The same 申請 postponed (第27条第11項ただし書): the 処理見込期間 to 2025-08-20 notified on 2025-07-10, the 30th day:
#: the 処分 due by 2025-08-20; notified on 2025-07-11, too late: still by 2025-07-10.
POSTPONED = replace(CARE_APPLIED, records=((PART, kaigo.CARE_APPLIED, "2025-06-10"),
                                           (PART, kaigo.CARE_POSTPONED, "2025-07-10"),
                                           (PART, kaigo.CARE_EXPECTED_END, "2025-08-20")))
POSTPONED_LATE = replace(CARE_APPLIED, as_of=date(2025, 7, 11),
                         records=((PART, kaigo.CARE_APPLIED, "2025-06-10"), (PART, kaigo.CARE_POSTPONED, "2025-07-11"),
                                  (PART, kaigo.CARE_EXPECTED_END, "2025-08-20")))

KAIGO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("kaigo.certification_effective", care_applications, _certification_effective, "要介護認定_効力発生日",
        (CARE_APPLIED, PENDING), needs_records=True),
    STATUTE.rule("kaigo.decision_deadline", care_applications, _decision_deadline, "要介護認定_処分期限",
        (CARE_APPLIED,), needs_records=True),
    STATUTE.rule("kaigo.postponed_deadline", postponed_applications, _postponed_deadline, "要介護認定_処分期限",
        (POSTPONED, POSTPONED_LATE), needs_records=True),
    *STATUTE.family(_second_insured, "第2号被保険者",
        ("kaigo.second_insured", drawn_with(second, "mid"), (SECOND, NO_MEDICAL, SIXTY_FIVE, MOVED_IN_SECOND,
                                                          LEFT_SECOND)),
        ("kaigo.second_from_forty", drawn_with(second, "forty"), (FORTY,)),
        ("kaigo.second_on_joining", drawn_with(second, "joining"), (JOINED,)),
        ("kaigo.second_lost", drawn_with(second, "leaving"), (LEFT,)), needs_records=True),
    *STATUTE.family(_insurer, "住所地特例_市区町村コード",
        ("kaigo.facility_insurer", in_facility, (IN_FACILITY, HOME_WITHOUT_MEASURE)),
        ("kaigo.facility_chain", in_facility_chain, (CHAIN,)), needs_records=True),
    STATUTE.dated("kaigo.facility_sender", leaving_for_facility, _kept_by_sender, ("第1号被保険者", "資格喪失日"),
        (LEFT_FOR_FACILITY, LEFT_FOR_HOME), needs_records=True),
    STATUTE.rule("kaigo.category", categories, _category, "第1号被保険者", (REACHING_65, DIED)),
    STATUTE.dated("kaigo.acquired_on_move_in", entering, _acquisition, "資格取得日", (FROM_ABROAD,)),
    STATUTE.dated("kaigo.lost_day_after", leaving, _loss, "資格喪失日", (DIED, TO_ABROAD)),
    STATUTE.rule("kaigo.lost_on_move_day", moving_on, _lost_that_day, ("資格喪失日", "第1号被保険者"),
        (TO_MUNICIPALITY,)),
    STATUTE.rule("kaigo.premium_months", elders, _premium, "賦課月", (ELDER_APRIL_FIRST, REACHING_75)),
    STATUTE.rule("kaigo.premium_collected", first_insured_years, _premium, "賦課月", (REACHING_75,)),
    STATUTE.rule("kaigo.no_premium_second", second_insured, _premium, "賦課月", (AGED_FIFTY,)),
)}


# -- The first rules (judged with 住民記録's generated scenarios: moves, elders, families) --------------------

def _kaigo(s: Scenario, town: str) -> Projection:
    """The 資格取得日 at 65 (or on moving in), as the 年度 asked about may show it: one after the 年度 may be left
    out (:func:`conformance.oracles.readings.year_view`)."""
    stays = history(s, town)
    stay = next(stay for stay in stays if stay.municipality == town)
    acquired, _ = year_view(kaigo_acquisition_date(s.birth, stay), kaigo.kaigo_first_loss_date(s.birth, stays, stay),
                            s.fiscal_year)
    return on_as_of(s, {"資格取得日": either(*map(iso_or_none, acquired))})


FIRST_INSURED = STATUTE.dated("kaigo.first_insured", elders, _kaigo, "資格取得日", (ELDER_APRIL_FIRST,))

RULE_CHECKS = rule_checks((*KAIGO_RULES.values(), FIRST_INSURED))
