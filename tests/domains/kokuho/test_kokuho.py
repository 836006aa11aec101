"""国民健康保険 oracles of 第6条第8号 and 第42条第1項 (conformance.domains.kokuho.oracle) on worked examples read from
国民健康保険法's text (spec_sources/statutes/kokuho/国民健康保険法.txt): each test names the provision it reads."""

from __future__ import annotations

from datetime import date

import pytest

from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.kokuho.oracle import THREE_TENTHS, TWO_TENTHS


@pytest.mark.parametrize(("day", "excluded"), [
    (date(2025, 6, 14), False),
    (date(2025, 6, 15), True),  # born 1950-06-15: a 後期高齢者医療 被保険者 from the 75th birthday (第6条第8号)
    (date(2025, 6, 16), True),
])
def test_excluded_from_the_75th_birthday(day: date, excluded: bool) -> None:
    assert kokuho.is_excluded_as_koki_korei(date(1950, 6, 15), day) is excluded


def test_insured_within_the_qualification_and_before_75() -> None:
    birth, acquired = date(1950, 6, 15), date(1980, 4, 1)
    assert kokuho.is_insured_on(birth, acquired, None, date(2025, 6, 14))
    assert not kokuho.is_insured_on(birth, acquired, None, date(2025, 6, 16))
    assert not kokuho.is_insured_on(birth, acquired, None, date(1980, 3, 31))  # before 取得 (第7条)
    assert not kokuho.is_insured_on(birth, acquired, date(2020, 10, 1), date(2020, 10, 1))  # 喪失日 (第8条)


@pytest.mark.parametrize(("birth", "march_31"), [
    (date(2019, 4, 1), date(2025, 3, 31)),  # six reached on 2025-03-31: that 3月31日 itself (以後)
    (date(2019, 4, 2), date(2026, 3, 31)),  # six reached on 2025-04-01
    (date(2019, 3, 31), date(2025, 3, 31)),  # six reached on 2025-03-30
    (date(2016, 2, 29), date(2022, 3, 31)),  # six reached on 2022-02-28
])
def test_the_first_march_31_after_six(birth: date, march_31: date) -> None:
    assert kokuho.first_march_31_after_six(birth) == march_31


@pytest.mark.parametrize(("birth", "day", "ratio"), [
    # 第42条第1項第2号: 六歳に達する日以後の最初の三月三十一日以前 十分の二.
    (date(2019, 4, 1), date(2025, 3, 31), TWO_TENTHS),
    (date(2019, 4, 2), date(2025, 4, 2), TWO_TENTHS),
    (date(2019, 4, 2), date(2026, 3, 31), TWO_TENTHS),
    # 第1号: その翌日以後…七十歳に達する日の属する月以前 十分の三.
    (date(2019, 4, 1), date(2025, 4, 1), THREE_TENTHS),
    (date(2019, 4, 2), date(2026, 4, 1), THREE_TENTHS),
    (date(1955, 7, 10), date(2025, 7, 31), THREE_TENTHS),  # seventy reached on 2025-07-09: July
    (date(1955, 8, 1), date(2025, 7, 31), THREE_TENTHS),  # seventy reached on 2025-07-31: July
    # 第3号: 七十歳に達する日の属する月の翌月以後 十分の二.
    (date(1955, 7, 10), date(2025, 8, 1), TWO_TENTHS),
    (date(1955, 8, 1), date(2025, 8, 1), TWO_TENTHS),  # the birthday month itself
    (date(1955, 8, 2), date(2025, 8, 31), THREE_TENTHS),  # seventy reached on 2025-08-01: August
])
def test_copay_ratio(birth: date, day: date, ratio: str) -> None:
    assert kokuho.copay_ratio(birth, day) == ratio
