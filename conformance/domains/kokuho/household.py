"""Scenario checks of 国民健康保険 that read more than one person, or more than the 国保 part, of the answer
(docs/architecture.md, "A statute rule, the one way"; issue 66 items 2 and 4):

- ``納付義務者`` (第76条第1項): who owes the 保険料 levied for a person, the 世帯主 of the person's 世帯 whether a
  被保険者 himself or not (:func:`conformance.domains.kokuho.oracle.premium_payer`). A 世帯主 and a 世帯員 (a 子) are
  appended together and both asked about on one day: the 世帯主 a 被保険者, under 健康保険 (第6条第1号: no
  被保険者 from the day after the 該当年月日), or past seventy-five (第6条第8号); the 世帯員 a 被保険者 throughout.
  A 世帯 whose 世帯主 changes is not generated (the append path adds new persons only).
- The agreement of one answer's parts (第76条第3項): the 国保 ``介護納付金分賦課`` is levied for exactly the 国保
  ``被保険者`` who are the 介護保険 part's ``第2号被保険者``
  (:func:`conformance.domains.kokuho.oracle.kaigo_share_agrees`). Asked of one person's per-person query, for a
  vendor that claims both 国民健康保険 and 介護保険 (NOT_AUTOMATED otherwise), without the 住民記録 driver: the
  person's 医療保険 is sent as the 介護保険 record the kaigo contract names (医療保険_加入年月日), and a 健康保険 that
  keeps the person out of 国保 as the 国民健康保険 record, so both parts are told the same 医療保険.
- The agreement of the 国保 and 後期高齢者医療 parts (第5条, 第6条第8号, 第8条第1項): a resident reaching 75 here is,
  on each day, a 国保 被保険者 or a 後期高齢者医療 被保険者 (no day without either: 第5条 makes every resident a
  被保険者 whom 第6条 does not except), and not both, but on the 後期 資格取得日 itself (第8条第1項's 翌日). Each part
  alone accepts either reading of 七十五歳に達したとき (issue 65); the answer must take one. For a vendor that claims
  both domains (NOT_AUTOMATED otherwise), through the per-person query, without the 住民記録 driver.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import check
from conformance.checks.scenarios import (
    QUERY_PATH,
    Loaded,
    Projection,
    Scenario,
    _birth,
    _near,
    ask_person,
    query,
)
from conformance.checks.statute_rules import Statute, agreement_check, rule_checks
from conformance.domains.kokuho import oracle as kokuho
from conformance.oracles.dates import age_reached_on, anniversary, fiscal_year_of
from conformance.targets.base import HttpClient

PART = "国民健康保険"
#: The 介護保険 part of the answer and the record that tells the vendor the person's 医療保険 (contract/kaigo.yaml).
KAIGO_PART, MEDICAL_JOINED = "介護保険", "医療保険_加入年月日"
STATUTE = Statute("kokuho", PART, needs_records=True)
HEAD, MEMBER = "世帯主", "世帯員"
PAYER_FIELD = "納付義務者"
#: What the agreement rule's projection says when the parts agree (its finding shows the three values otherwise).
AGREES = "一致"
AGREEMENT = "第76条第3項"
_EMPLOYED = "健康保険被保険者"


def _coverage(start: date) -> tuple[tuple[str, str, str], ...]:
    """The 国民健康保険 record of a 健康保険被保険者 from ``start`` (第6条第1号), still covered."""
    return ((PART, kokuho.COVERAGE_KIND, _EMPLOYED), (PART, kokuho.COVERAGE_START, start.isoformat()))


@st.composite
def households(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 世帯主 and a 世帯員 (a 子, born when the 世帯主 was 20 to 45) living here, asked about a day of 2024-04 to
    2025-12: the 世帯主 a 被保険者, a 健康保険被保険者 from a day before it (第6条第1号), or past seventy-five (born
    1940-1948: 第6条第8号); the 世帯員 never 75 and never excluded (no record of its own is sent)."""
    kind = draw(st.sampled_from(("insured", "employed", "elder")))
    birth = draw(_birth(1940, 1948) if kind == "elder" else _birth(1960, 1995))
    as_of = draw(st.dates(date(2024, 4, 1), date(2025, 12, 31)))
    child = draw(st.dates(anniversary(birth, 20), min(anniversary(birth, 45), as_of - timedelta(days=1))))
    moved_in = draw(st.one_of(st.just(anniversary(birth, 20)),
                              st.dates(anniversary(birth, 20), as_of)))
    records = _coverage(as_of - timedelta(days=draw(st.integers(1, 2000)))) if kind == "employed" else ()
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, children=(child,), records=records)


def _head_insured(s: Scenario) -> bool:
    assert s.as_of is not None
    start = s.record_day(PART, kokuho.COVERAGE_START)
    excluded = start is not None and kokuho.excluded_by_coverage(_EMPLOYED, start, None, s.as_of)
    return kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of) and not excluded


def _payers(s: Scenario, town: str) -> Projection:
    """The 世帯主 owes the 保険料 of each 被保険者 of the 世帯, himself one or not (第76条第1項)."""
    assert s.as_of is not None
    member = kokuho.is_insured_on(s.children[0], max(s.children[0], s.moved_in), None, s.as_of)
    return {HEAD: kokuho.premium_payer(_head_insured(s)), MEMBER: kokuho.premium_payer(member)}


def _ask_household(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The per-person answers of the 世帯主 and of the 世帯員 on the day asked about."""
    return {HEAD: query(client, loaded, scenario),
            MEMBER: ask_person(client, loaded.children[0], scenario.fiscal_year, scenario.as_of)}


def _part(document: Any, key: str) -> Mapping[str, Any]:
    value = document.get(key) if isinstance(document, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def _shown_payers(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """Each answer's 納付義務者 named as the person it is (世帯主, 世帯員), any other value as the vendor wrote it."""
    names = {loaded.atena: HEAD, loaded.children[0]: MEMBER}

    def payer(whom: str) -> Any:
        value = _part(document.get(whom), PART).get(PAYER_FIELD)
        return names.get(value, value) if isinstance(value, str) else value

    return {whom: payer(whom) for whom in (HEAD, MEMBER)}


#: Days kept between the day asked and a boundary of either part (forty, sixty-five, the 医療保険's 加入): the days
#: themselves are each part's own rules' (kokuho.kaigo_share, kaigo.second_forty, kaigo.second_on_joining), so a
#: misread boundary fails its own rule, not the agreement.
_CLEAR = timedelta(days=5)


@st.composite
def medically_insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident asked about a day in their thirties, between forty and sixty-five, or past sixty-five (before
    seventy-five), clear of those days, a 医療保険加入者 since the move-in (the 介護保険 record), maybe a
    健康保険被保険者 from a day before the day asked (the 国民健康保険 record: no 国保 被保険者 then, 第6条第1号)."""
    birth = draw(_birth(1955, 1990))
    forty, sixty_five = age_reached_on(birth, 40), age_reached_on(birth, 65)
    as_of = draw(st.one_of(st.dates(forty - timedelta(days=2000), forty - _CLEAR),
                           st.dates(forty + _CLEAR, sixty_five - _CLEAR),
                           st.dates(sixty_five + _CLEAR, sixty_five + timedelta(days=2000))))
    moved_in = max(birth, min(as_of - _CLEAR, draw(_near(as_of - timedelta(days=400), 380))))
    records: tuple[tuple[str, str, str], ...] = ((KAIGO_PART, MEDICAL_JOINED, moved_in.isoformat()),)
    if draw(st.booleans()):
        records = (*records, *_coverage(as_of - timedelta(days=draw(st.integers(1, 400)))))
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, records=records)


def _agreement(s: Scenario, town: str) -> Projection:
    """Whatever the person and the day, the parts must agree (第76条第3項). The coverage never begins on the day
    asked, which the text leaves open for 被保険者 (:func:`conformance.domains.kokuho.oracle.excluded_by_coverage`)."""
    return {AGREEMENT: AGREES}


def _shown_agreement(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """``一致`` where the 介護納付金分賦課 is levied for exactly a 被保険者 who is a 第2号被保険者, else the three
    values."""
    own, care = _part(document, PART), _part(document, KAIGO_PART)
    values = {"介護納付金分賦課": own.get("介護納付金分賦課"), "被保険者": own.get("被保険者"),
              "第2号被保険者": care.get("第2号被保険者")}
    agrees = kokuho.kaigo_share_agrees(*(value if isinstance(value, bool) else None for value in values.values()))
    return {AGREEMENT: AGREES if agrees else values}


#: A 世帯主 born 1970-05-05 under 健康保険 since 2024-04-01, with a 子 born 2000-06-06, asked on 2025-06-02: the
#: 世帯主 owes the 子's 保険料 and none is levied for himself; the same 世帯 without the 健康保険: the 世帯主 owes
#: both; a 世帯主 born 1945-05-05 (past 75): owes the 子's.
EMPLOYED_HEAD = Scenario(2025, date(1970, 5, 5), date(1995, 4, 1), as_of=date(2025, 6, 2),
                         children=(date(2000, 6, 6),), records=_coverage(date(2024, 4, 1)))
INSURED_HEAD = Scenario(2025, date(1970, 5, 5), date(1995, 4, 1), as_of=date(2025, 6, 2), children=(date(2000, 6, 6),))
ELDER_HEAD = Scenario(2025, date(1945, 5, 5), date(1975, 4, 1), as_of=date(2025, 6, 2), children=(date(1975, 6, 6),))
#: Born 1975-06-06, a 医療保険加入者 since 2000, asked on 2025-06-02: a 国保 被保険者 and 第2号被保険者, the
#: 介護納付金分 levied; under 健康保険 from 2025-05-01: no 国保 被保険者, the 介護納付金分 not levied by 国保, still
#: 第2号.
SECOND_IN_KOKUHO = Scenario(2025, date(1975, 6, 6), date(2000, 4, 1), as_of=date(2025, 6, 2),
                            records=((KAIGO_PART, MEDICAL_JOINED, "2000-04-01"),))
SECOND_UNDER_EMPLOYER = Scenario(2025, date(1975, 6, 6), date(2000, 4, 1), as_of=date(2025, 6, 2),
                                 records=((KAIGO_PART, MEDICAL_JOINED, "2000-04-01"), *_coverage(date(2025, 5, 1))))

#: The 後期高齢者医療 part of the answer (contract/koki_korei.yaml).
KOKI_PART = "後期高齢者医療"
#: The provisions the 国保 and 後期 parts' agreement names.
KOKI_AGREEMENT = "第5条・第6条第8号"


@st.composite
def reaching_seventy_five(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident here since thirty (no record: no other coverage, no 生活保護) asked about a day around the 75th
    birthday: often the day before it, the day itself or the day after, else up to 400 days either side."""
    birth = draw(_birth(1938, 1951))
    birthday = anniversary(birth, 75)
    offset = draw(st.one_of(st.sampled_from((-2, -1, 0, 1, 2)), st.integers(-400, 400)))
    as_of = birthday + timedelta(days=offset)
    return Scenario(fiscal_year_of(as_of), birth, date(birth.year + 30, 4, 1),
                    previous=draw(st.sampled_from((None, *codes))), as_of=as_of)


def _koki_agreement(s: Scenario, town: str) -> Projection:
    """Whatever the day and the reading of 七十五歳に達したとき, the parts must agree (第5条, 第6条第8号)."""
    return {KOKI_AGREEMENT: AGREES}


def _shown_koki_agreement(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """``一致`` where exactly one of the 国保 and 後期 parts names the person a 被保険者, or both on the 後期
    資格取得日 (the 翌日 of 第8条第1項: the day 国保 may still hold); else the three values."""
    own, elder = _part(document, PART), _part(document, KOKI_PART)
    values = {"国保の被保険者": own.get("被保険者"), "後期の被保険者": elder.get("被保険者"),
              "後期の資格取得日": elder.get("資格取得日")}
    asked = document.get(ASKED_DAY)
    insured, elder_insured = (value if isinstance(value, bool) else None
                              for value in (values["国保の被保険者"], values["後期の被保険者"]))
    agrees = kokuho.koki_share_agrees(insured, elder_insured,
                                      on_acquisition=asked is not None and asked == values["後期の資格取得日"])
    return {KOKI_AGREEMENT: AGREES if agrees else values}


#: Where :func:`_ask_with_day` keeps the day asked about beside the answer.
ASKED_DAY = "照会日"


def _ask_with_day(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The per-person answer with the day asked about (the agreement turns on whether it is the 資格取得日)."""
    assert scenario.as_of is not None
    return {**query(client, loaded, scenario), ASKED_DAY: scenario.as_of.isoformat()}


#: Born 1950-06-15, here since 1980: on 2025-06-13 a 国保 被保険者 only, on 2025-06-14 (the day 75 is reached) 国保
#: or 後期 or, by the 後期 資格取得日, both; on 2025-06-16 a 後期 被保険者 only.
REACHING_75 = tuple(Scenario(2025, date(1950, 6, 15), date(1980, 4, 1), as_of=date(2025, 6, day))
                    for day in (13, 14, 15, 16))

PAYER = STATUTE.rule("kokuho.payer", households, _payers, _shown_payers, (EMPLOYED_HEAD, INSURED_HEAD, ELDER_HEAD),
                     ask=_ask_household, asked=f"GET {QUERY_PATH} ({HEAD}, {MEMBER})")
KAIGO_AGREEMENT = STATUTE.rule("kokuho.kaigo_agreement", medically_insured, _agreement, _shown_agreement,
                               (SECOND_IN_KOKUHO, SECOND_UNDER_EMPLOYER))
KOKI_AGREES = STATUTE.rule("kokuho.koki_agreement", reaching_seventy_five, _koki_agreement, _shown_koki_agreement,
                           REACHING_75, needs_records=False, ask=_ask_with_day,
                           asked=f"GET {QUERY_PATH} (国民健康保険, 後期高齢者医療)")
HOUSEHOLD_RULES = {rule.name: rule for rule in (PAYER, KAIGO_AGREEMENT, KOKI_AGREES)}
RULE_CHECKS = rule_checks((PAYER,))


#: The 国保 and 介護保険 parts of one answer agree on the 介護納付金分 (第76条第3項), for a vendor claiming both.
kokuho_kaigo_agreement = check("scenario.kokuho.kaigo_agreement")(
    agreement_check(KAIGO_AGREEMENT, "国保 and 介護保険"))


#: The 国保 and 後期高齢者医療 parts of one answer agree around 75 (第5条, 第6条第8号), for a vendor claiming both.
kokuho_koki_agreement = check("scenario.kokuho.koki_agreement")(
    agreement_check(KOKI_AGREES, "国保 and 後期高齢者医療"))
