"""conformance/oracles/readings.py: the allowed answers of a field (Either) compare as any of them and show in a
finding's JSON as {"any_of": [...]}; a per-年度 answer's view of a 資格 outside the 年度 (year_view)."""

from __future__ import annotations

import json
from datetime import date

from conformance.oracles.readings import Either, begins_after, either, not_yet, year_view


def test_either_equals_each_allowed_value_and_nothing_else() -> None:
    expected = {"取得日": Either("2024-06-01", None), "賦課月": ["2024-06"]}
    assert expected == {"取得日": None, "賦課月": ["2024-06"]}
    assert expected == {"取得日": "2024-06-01", "賦課月": ["2024-06"]}
    assert expected != {"取得日": "2024-06-02", "賦課月": ["2024-06"]}
    assert json.dumps(expected, ensure_ascii=False) == \
        '{"取得日": {"any_of": ["2024-06-01", null]}, "賦課月": ["2024-06"]}'
    assert str(Either(True, None)) == "true | null"
    assert either(1, 1) == 1 and isinstance(either(1, 2), Either)


def test_a_qualification_after_the_fiscal_year_may_be_left_out() -> None:
    assert year_view(date(2025, 6, 1), None, 2024) == ((date(2025, 6, 1), None), (None,))


def test_a_qualification_lost_before_the_fiscal_year_may_be_left_out() -> None:
    assert year_view(date(2020, 6, 1), date(2024, 4, 1), 2024) == ((date(2020, 6, 1), None), (date(2024, 4, 1), None))


def test_a_loss_after_the_fiscal_year_may_be_left_out_and_the_acquisition_before_it_is_shown() -> None:
    assert year_view(date(2020, 6, 1), date(2025, 4, 1), 2024) == ((date(2020, 6, 1),), (date(2025, 4, 1), None))


def test_dates_inside_the_fiscal_year_are_forced() -> None:
    assert year_view(date(2024, 6, 1), date(2025, 3, 31), 2024) == ((date(2024, 6, 1),), (date(2025, 3, 31),))
    assert year_view(date(2024, 4, 1), date(2024, 4, 2), 2024) == ((date(2024, 4, 1),), (date(2024, 4, 2),))


def test_a_day_after_as_of_may_be_null_and_a_day_on_or_before_it_may_not() -> None:
    asked = date(2024, 3, 31)
    shown = {"資格取得日": Either("2059-07-07", "2059-07-06"), "資格喪失日": None, "被保険者": False}
    later = not_yet(shown, ("資格取得日", "資格喪失日"), asked)
    assert later == {"資格取得日": None, "資格喪失日": None, "被保険者": False}
    assert later == {"資格取得日": "2059-07-06", "資格喪失日": None, "被保険者": False}
    assert later != {"資格取得日": "2059-07-08", "資格喪失日": None, "被保険者": False}
    begun = not_yet({"資格取得日": "2024-03-31", "資格喪失日": "2024-04-01"}, ("資格取得日", "資格喪失日"), asked)
    assert begun == {"資格取得日": "2024-03-31", "資格喪失日": None}
    assert begun != {"資格取得日": None, "資格喪失日": None}
    assert not_yet({"月": "2059-07-07"}, ("資格取得日",), asked) == {"月": "2059-07-07"} != {"月": None}
    assert begins_after(Either("2024-03-31", "2024-04-01"), asked) and not begins_after("2024-03", asked)
