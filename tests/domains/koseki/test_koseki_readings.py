"""戸籍: the reading of the 届出期間末日 when the period's last day is a 休日 (issue 65), each example run through the
oracle and the check's comparison.

第43条 and 第49条第1項/第86条第1項 count the period's last day; 地方自治法 第4条の2第4項 deems the 期限 of a 届出
falling on a 地方公共団体の休日 the day after it. The answer's 届出期間末日 (driver.yaml) may be either: the period's
last day as counted, or the deemed 期限 (the first day after it that is no 休日). provisions.yaml names both."""

from __future__ import annotations

from datetime import date
from typing import Any

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
