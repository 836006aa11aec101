"""戸籍: the reading of the 届出期間末日 when the period's last day is a 休日 (issue 65), each example run through the
oracle and the check's comparison.

第43条 and 第49条第1項/第86条第1項 count the period's last day; 地方自治法 第4条の2第4項 deems the 期限 of a 届出
falling on a 地方公共団体の休日 the day after it. The answer's 届出期間末日 (driver.yaml) may be either: the period's
last day as counted, or the deemed 期限 (the first day after it that is no 休日). provisions.yaml names both.

A refused 届出 (受理 false: a 死亡届 made at a place 第25条第1項 does not allow) may answer its period's days null
(issue 66); an accepted one may not, and a refusal giving a day gives the right one."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import pytest
from hypothesis.errors import UnsatisfiedAssumption

from conformance.domains.koseki import cases
from conformance.domains.koseki import checks as ks
from conformance.domains.koseki import oracle as law
from conformance.domains.koseki.driver import Case


def _due(value: str) -> dict[str, Any]:
    return {"届出期間末日": value}


@pytest.mark.parametrize(("end", "readings"), [
    (date(2025, 2, 13), (date(2025, 2, 13),)),  # a Thursday: one answer
    (date(2025, 2, 11), (date(2025, 2, 11), date(2025, 2, 12))),  # 建国記念の日
    (date(2025, 2, 16), (date(2025, 2, 16), date(2025, 2, 17))),  # a Sunday
    (date(2025, 12, 30), (date(2025, 12, 30), date(2026, 1, 5))),  # 年末年始, then a Saturday and a Sunday
])
def test_the_last_day_or_the_deemed_deadline(end: date, readings: tuple[date, ...]) -> None:
    assert law.period_end_readings(end) == readings


@pytest.mark.parametrize("example", [cases.BIRTH_DUE_ON_HOLIDAY, cases.DEATH_DUE_ON_HOLIDAY], ids=["出生", "死亡"])
def test_each_reading_passes_on_a_holiday_and_no_other_day(example: Case) -> None:
    expected = ks._period_end(example)
    assert expected == _due("2025-02-11")  # the period's last day as 第43条 counts it (the reference's answer)
    assert expected == _due("2025-02-12")  # the deemed 期限 (地方自治法 第4条の2第4項)
    assert expected != _due("2025-02-10") and expected != _due("2025-02-13")
    assert expected != {"届出期間末日": None}


def test_a_working_day_has_one_answer() -> None:
    expected = ks._period_end(cases.BIRTH)
    assert expected == _due("2025-02-13") and expected != _due("2025-02-14")


# assume is called outside a property-based test on purpose: the oracle is asked directly.
@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning")
def test_a_period_past_the_holiday_calendar_is_not_asked() -> None:
    late = Case("出生", cases.BIRTH.families, cases.BIRTH.persons, date(2040, 1, 10), takes="父母")
    with pytest.raises(UnsatisfiedAssumption):
        ks._period_end(late)


def test_the_holiday_examples_are_asked_by_both_period_rules() -> None:
    assert cases.BIRTH_DUE_ON_HOLIDAY in ks.KOSEKI_RULES["koseki.birth_period"].examples
    assert cases.DEATH_DUE_ON_HOLIDAY in ks.KOSEKI_RULES["koseki.death_period"].examples


#: Each period rule and a case of it: (rule, field, case, the right day).
PERIOD_RULES = [("koseki.death_period", "届出期間末日", cases.DEATH_ELSEWHERE, "2025-03-07"),
                ("koseki.birth_period", "届出期間末日", cases.BIRTH, "2025-02-13"),
                ("koseki.period_start", "起算日", cases.BIRTH, "2025-01-31"),
                ("koseki.judgment_start", "起算日", cases.JUDGMENT_BEFORE_SERVICE, None)]


@pytest.mark.parametrize(("name", "field", "case", "day"), PERIOD_RULES, ids=[rule[0] for rule in PERIOD_RULES])
def test_a_refusal_may_answer_the_period_null_an_acceptance_may_not(name: str, field: str, case: Case,
                                                                    day: str | None) -> None:
    rule = ks.KOSEKI_RULES[name]
    expected = rule.expected(case)
    right = day or ks._judgment_start(case)[field]
    sent = cast(Any, None)

    def judged(**answer: Any) -> bool:
        return bool(expected == rule.actual(answer, sent))

    assert judged(受理=True, **{field: right}) and judged(受理=False, **{field: right})
    assert judged(受理=False, **{field: None})  # refused: nothing recorded, no day owed
    assert not judged(受理=True, **{field: None})  # accepted: the day is owed
    assert not judged(受理=False, **{field: "2025-12-31"})  # refused, but a wrong day given


def test_the_death_period_asks_a_death_filed_where_it_may_be_refused() -> None:
    assert cases.DEATH_ELSEWHERE in ks.KOSEKI_RULES["koseki.death_period"].examples
    assert not ks._place_allowed(cases.DEATH_ELSEWHERE)
