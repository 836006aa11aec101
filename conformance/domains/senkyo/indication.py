"""The 表示 of 第27条第1項 on a registered person who loses the 選挙権 (公職選挙法; issue 66, the registers item: the
失権 mark beside the 転出 one): 「選挙人名簿に登録されている者が第十一条第一項…の規定により選挙権を有しなくなつたこと
…を知つた場合には、直ちに選挙人名簿にその旨の表示をしなければならない」.

The persons: residents registered years before a sentence (the 選挙人名簿 record's, as
:mod:`conformance.domains.senkyo.disqualification` draws them: a 拘禁刑 served or a 罰金 paid, one remitted or
suspended), asked about around the days it becomes final and ends. The answer's ``表示`` is judged:

- true while 第11条第1項 bars the 選挙権 (from the day the sentence became final: the record is what the system knows,
  as the 在外_表示 of 第30条の10第1項 reads it);
- false before, and for a sentence that never bars (a 罰金 of another crime, a suspended 拘禁刑);
- once the bar has ended, true or false (ours: the text held says when the 表示 is made, not when it goes; the
  施行令's articles on the 名簿 after 第13条 are not held: provisions.yaml 第27条第1項).

A person barred before being registered is not drawn (whether the 委員会 registers one is not this rule's point).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.disqualification import FINED, RELEASED, SERVING, serving_persons, unexecuted_persons
from conformance.domains.senkyo.people import STATUTE, _as_of, person_of, sentence_of
from conformance.oracles.readings import either

NAME = "senkyo.indication_on_disqualification"
FIELD = "表示"


def _registered_before_sentence(s: Scenario) -> bool:
    """On the 名簿 on the day asked, and registered before the sentence became final."""
    sentence, person = sentence_of(s), person_of(s)
    return (sentence is not None and senkyo.is_registered(person, _as_of(s))
            and senkyo.registration_day(person, sentence.final) is not None)


def sentenced_electors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Registered residents with a sentence (served, paid, remitted or suspended), asked around its days."""
    return st.one_of(serving_persons(codes), unexecuted_persons(codes)).filter(_registered_before_sentence)


def _was_barred(s: Scenario) -> bool:
    """Whether 第11条第1項 barred the person on some day up to the day asked."""
    sentence = sentence_of(s)
    return sentence is not None and any(change == senkyo.ARISEN
                                        for _, change in senkyo.disqualification_changes(sentence, _as_of(s)))


def _indicated(s: Scenario, town: str) -> Projection:
    person, day = person_of(s), _as_of(s)
    if not senkyo.is_registered(person, day):
        return {FIELD: False}
    if senkyo.is_indicated(person, day) or senkyo.disqualified(sentence_of(s), day):
        return {FIELD: True}
    return {FIELD: either(True, False) if _was_barred(s) else False}


#: Worked examples: a 拘禁刑 final 2023-04-10, served until 2025-02-10: on 2025-01-01 the 表示 (barred); on 2025-03-01,
#: after the end, either. A 罰金 (final 2025-01-10) does not bar: no 表示. The same 拘禁刑 asked before it was final.
BEFORE_FINAL = replace(SERVING, as_of=date(2023, 4, 1))
INDICATION_RULES: tuple[Rule, ...] = (
    STATUTE.rule(NAME, sentenced_electors, _indicated, FIELD, (SERVING, RELEASED, FINED, BEFORE_FINAL)),
)
