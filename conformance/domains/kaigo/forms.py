"""The 介護保険 被保険者証 as issued (介護保険法施行規則 第26条第1項; the statute edition ``kaigo 2025.12``).

第26条第1項 has the 市町村 issue a 被保険者証 「様式第一号による」 to every 第一号被保険者; the items of the card are
only in that 様式, an image no article lists, so they are not judged (docs/forms.md). What the text does say is judged:
to whom it is issued. A person around 65 (reaching 65 here, the day before the birthday, or moving in after 65, from a
municipality or from abroad) is appended to the 住民記録; then the 被保険者証 issued on a day the oracle
(:mod:`conformance.domains.kaigo.oracle`) says the person is a 第一号被保険者 is asked for through the form interface,
``POST /forms/kaigo_hihokenshasho`` with ``{"宛名番号", "交付年月日"}``, and read as printed
(:mod:`conformance.checks.statute_forms`). It must be issued, and be that person's: the 氏名 and the 生年月日 printed
(our reading; in any layout, the date in 和暦 or 西暦). The 第二号被保険者 of the sentence who applied for a 要介護認定
(法 第27条第1項) are judged the same way, the 医療保険 and the 申請 sent as the 介護保険 record; those who asked for it
(法 第12条第3項) are not generated (no record item says so). 法 第27条第7項後段: for a person certified 要介護 (the
要介護認定 sent as the 介護保険 record), the card returned must print the 要介護状態区分 (第1号) and the 認定審査会's
意見 (第2号; none when none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import ELDER_APRIL_FIRST, Loaded, Projection, Rule, Scenario, _birth
from conformance.checks.statute_forms import dates_in, issue_printed, normal
from conformance.checks.statute_rules import rule_checks
from conformance.domains.kaigo import oracle as kaigo
from conformance.oracles import Residence
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.targets.base import HttpClient

FORM_ID = "kaigo_hihokenshasho"
FORM_PATH = f"/forms/{FORM_ID}"
#: The generated row's 氏名 (conformance/checks/scenarios.py _base_row: the 世帯主).
NAME = "見本\u3000花子"


@st.composite
def first_insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第一号被保険者 on the day asked about: one reaching 65 here (asked on that day, the day before the
    birthday, or days or a year after), or one who moved in after 65, from a municipality or from abroad."""
    birth = draw(_birth(1945, 1961))
    reached = kaigo.kaigo_age_date(birth)
    if draw(st.booleans()):
        moved_in = date(birth.year + 30, 4, 1)
        issued = reached + timedelta(days=draw(st.one_of(st.sampled_from((0, 1)), st.integers(0, 400))))
    else:
        moved_in = reached + timedelta(days=draw(st.integers(0, 3000)))
        issued = moved_in + timedelta(days=draw(st.one_of(st.just(0), st.integers(0, 100))))
    return Scenario(fiscal_year_of(issued), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=issued)


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The person's 被保険者証 issued on the day asked about, as printed."""
    assert scenario.as_of is not None
    return {**issue_printed(client, FORM_ID, {"宛名番号": loaded.atena, "交付年月日": scenario.as_of.isoformat()}),
            "場面": scenario}


def insured_on_the_day(s: Scenario, town: str) -> bool:
    """Whether the oracle makes the person a 第一号被保険者 of ``town`` on the day asked about (every person
    :func:`first_insured` draws is: tests/domains/kaigo/test_kaigo_forms.py)."""
    assert s.as_of is not None
    return kaigo.kaigo_first_insured_on(s.birth, Residence(town, s.moved_in), s.as_of)


def _issued(s: Scenario, town: str) -> Projection:
    """The card of a 第一号被保険者 on the day: issued, the person's 氏名 and 生年月日 on it."""
    return {"氏名": NAME, "生年月日": s.birth.isoformat()} if insured_on_the_day(s, town) else {"問題": "HTTP 404"}


def _shown(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    if "問題" in document:
        return {"問題": document["問題"]}
    s: Scenario = document["場面"]
    text = " ".join(document.get("行") or [])
    birth, dates = s.birth.isoformat(), dates_in(text)
    return {"氏名": NAME if normal(NAME) in normal(text) else None, "生年月日": birth if birth in dates else dates}


@st.composite
def second_applicants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第二号被保険者 (a resident of 40 to 64, a 医療保険加入者 since moving in, clear of both ages) who applied for a
    要介護認定 (法 第27条第1項), asked for the 被保険者証 on the day of the 申請 or days after: 規則 第26条第1項 has it
    issued to 「第二号被保険者…のうち法第二十七条第一項…の規定による申請を行ったもの」 too."""
    birth = draw(_birth(1962, 1984))
    moved_in = date(birth.year + 20, 4, 1)
    applied = draw(st.dates(age_reached_on(birth, 40) + timedelta(days=30),
                            age_reached_on(birth, 65) - timedelta(days=60)))
    issued = applied + timedelta(days=draw(st.sampled_from((0, 1, 20))))
    records = (("介護保険", kaigo.MEDICAL_JOINED, moved_in.isoformat()),
               ("介護保険", kaigo.CARE_APPLIED, applied.isoformat()))
    return Scenario(fiscal_year_of(issued), birth, moved_in, previous=draw(st.sampled_from(codes)), as_of=issued,
                    records=records)


def _second_issued(s: Scenario, town: str) -> Projection:
    """The card of a 第二号被保険者 who applied for a 要介護認定 by the day asked: issued, the 氏名 and 生年月日 on
    it."""
    assert s.as_of is not None
    second = kaigo.second_insured_on(s.birth, s.moved_in, s.record_day("介護保険", kaigo.MEDICAL_JOINED),
                                     s.record_day("介護保険", kaigo.MEDICAL_LEFT), s.as_of)
    applied = s.record_day("介護保険", kaigo.CARE_APPLIED)
    issued = second and applied is not None and applied <= s.as_of
    return {"氏名": NAME, "生年月日": s.birth.isoformat()} if issued else {"問題": "HTTP 404"}


#: 審査会の意見 the generated persons carry (第27条第5項第2号's matters: the use of services).
OPINIONS = ("通所リハビリテーションの利用に留意すること", "訪問看護の利用を検討すること")


@st.composite
def certified_insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 第一号被保険者 certified 要介護 (第27条第7項) on a day after the 申請, asked for the 被保険者証 returned on the
    day of the 認定 or after it; the 審査会's 意見 maybe none."""
    s = draw(first_insured(codes))
    assert s.as_of is not None
    certified = s.as_of - timedelta(days=draw(st.integers(0, 30)))
    applied = certified - timedelta(days=draw(st.integers(1, 30)))
    assume(applied >= max(s.moved_in, kaigo.kaigo_age_date(s.birth)))
    items = {kaigo.CARE_APPLIED: applied.isoformat(), kaigo.CARE_CERTIFIED: certified.isoformat(),
             kaigo.CARE_LEVEL: draw(st.sampled_from(kaigo.CARE_LEVELS)),
             kaigo.CARE_OPINION: draw(st.one_of(st.none(), st.sampled_from(OPINIONS)))}
    return replace(s, records=tuple(("介護保険", item, value) for item, value in items.items() if value is not None))


def _care_level(s: Scenario, town: str) -> Projection:
    return {"要介護状態区分": s.record("介護保険")[kaigo.CARE_LEVEL]}


def _shown_care_level(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    if "問題" in document:
        return {"問題": document["問題"]}
    text = normal(" ".join(document.get("行") or []))
    shown = [level for level in kaigo.CARE_LEVELS if normal(level) in text]
    return {"要介護状態区分": shown[0] if len(shown) == 1 else shown}


def _opinion(s: Scenario, town: str) -> Projection:
    return {"認定審査会の意見": s.record("介護保険").get(kaigo.CARE_OPINION)}


def _shown_opinion(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    if "問題" in document:
        return {"問題": document["問題"]}
    text = normal(" ".join(document.get("行") or []))
    return {"認定審査会の意見": next((one for one in OPINIONS if normal(one) in text), None)}


#: Worked example (conformance/checks/scenarios.py ELDER_APRIL_FIRST): born 1960-04-01, here since 1990, reaches 65
#: on 2025-03-31, a 第一号被保険者 from that day: the card asked for on 2025-03-31 is issued.
REACHING_65 = Scenario(2024, ELDER_APRIL_FIRST.birth, ELDER_APRIL_FIRST.moved_in, as_of=date(2025, 3, 31))
#: Born 1950-05-05, here since 1980, applied 2025-06-10, certified 要介護2 on 2025-07-05 with the 審査会's 意見: the
#: card returned that day prints 要介護2 and the 意見 (第27条第7項第1号・第2号).
CERTIFIED = Scenario(2025, date(1950, 5, 5), date(1980, 4, 1), as_of=date(2025, 7, 5), records=(
    ("介護保険", kaigo.CARE_APPLIED, "2025-06-10"), ("介護保険", kaigo.CARE_CERTIFIED, "2025-07-05"),
    ("介護保険", kaigo.CARE_LEVEL, "要介護2"), ("介護保険", kaigo.CARE_OPINION, OPINIONS[0])))

#: Born 1975-06-06, here since 1995, a 医療保険加入者 since 2000-04-01 (a 第二号被保険者 at 50), applied for a
#: 要介護認定 on 2025-06-10: the card asked for that day is issued (規則 第26条第1項).
SECOND_APPLIED = Scenario(2025, date(1975, 6, 6), date(1995, 4, 1), as_of=date(2025, 6, 10), records=(
    ("介護保険", kaigo.MEDICAL_JOINED, "2000-04-01"), ("介護保険", kaigo.CARE_APPLIED, "2025-06-10")))

FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("kaigo_form.issued", "介護保険 被保険者証: issued to a 第一号被保険者 from the day 65 is reached, with the "
         "person's 氏名 and 生年月日 (規則 第26条第1項)", first_insured, _issued, _shown, (REACHING_65,), ask=_ask,
         asked=f"POST {FORM_PATH}", form=FORM_ID),
    Rule("kaigo_form.second_issued", "介護保険 被保険者証: issued to a 第二号被保険者 who applied for a 要介護認定, "
         "with the person's 氏名 and 生年月日 (規則 第26条第1項)", second_applicants, _second_issued, _shown,
         (SECOND_APPLIED,), ask=_ask, asked=f"POST {FORM_PATH}", form=FORM_ID, needs_records=True),
    Rule("kaigo_form.care_level", "介護保険 被保険者証: the 要介護状態区分 written on the card of a person certified "
         "(法 第27条第7項第1号)", certified_insured, _care_level, _shown_care_level, (CERTIFIED,), ask=_ask,
         asked=f"POST {FORM_PATH}", form=FORM_ID, needs_records=True),
    Rule("kaigo_form.opinion", "介護保険 被保険者証: the 認定審査会's 意見 written on the card of a person certified "
         "(法 第27条第7項第2号)", certified_insured, _opinion, _shown_opinion, (CERTIFIED,), ask=_ask,
         asked=f"POST {FORM_PATH}", form=FORM_ID, needs_records=True),
)}


RULE_CHECKS = rule_checks(FORM_RULES.values())
