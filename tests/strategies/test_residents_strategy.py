"""residents(): every promised case is reachable, rows are consistent, and draws shrink to the ordinary case."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import TypeVar

import pytest
from category_items import REQUIRED_BY_CATEGORY
from hypothesis import HealthCheck, find, given, settings
from reach import observed

from conformance.oracles.identifiers import is_valid_lg_code, is_valid_m11w2_7, is_valid_my_number
from conformance.oracles.shien_sochi import support_end_date
from conformance.oracles.wareki import is_unknown_date
from conformance.strategies import AS_OF, ERA_BOUNDARY_DAYS, residents
from conformance.strategies._dates import unknown_texts
from conformance.testdata.town import CATEGORY_ITEMS, TOWN_CODE, town_headers

T = TypeVar("T")
Row = Mapping[str, str]
settings.register_profile("strategies", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings.get_profile("strategies")
#: For find(): a reproducible search, shrunk to the simplest example.
SHRINK = settings(database=None, deadline=None, derandomize=True)

OPTIONAL_BY_CATEGORY = {"1": {"在留期間等コード_月"}}
CATEGORY_BOUND = set().union(*REQUIRED_BY_CATEGORY.values(), {"在留期間等コード_月", "在留期間等コード_日"})
FOREIGN_ONLY = {"氏名_アルファベット", "通称", "通称_フリガナ", "第30条45規定区分", "国籍等_国名コード",
                *CATEGORY_BOUND}
# 戸籍 characters: kanji (with 々), hiragana, katakana; U+3000 between surname and given name.
_KOSEKI = "[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+"
KOSEKI_NAME = re.compile(f"{_KOSEKI}\u3000{_KOSEKI}")
KATAKANA_NAME = re.compile("[\u30a1-\u30f6\u30fc]+\u3000[\u30a1-\u30f6\u30fc]+")




def birth(row: Row) -> str:
    return row["生年月日"]


def non_calendar(row: Row) -> bool:
    value = birth(row)
    return value.endswith("-02-29") and not calendar.isleap(int(value[:4]))


def equals(item: str, value: str) -> Callable[[Row], bool]:
    return lambda row: row[item] == value


def contains(item: str, part: str) -> Callable[[Row], bool]:
    return lambda row: part in row[item]


def born_on(month_day: str) -> Callable[[Row], bool]:
    return lambda row: birth(row)[5:] == month_day


def born_at_month_end(row: Row) -> bool:
    value = birth(row)
    if not value or non_calendar(row):
        return False
    day = date.fromisoformat(value)
    return day.month not in (2, 12) and day.day == calendar.monthrange(day.year, day.month)[1]


FEATURES: dict[str, Callable[[Row], bool]] = {
    "japanese": lambda row: row["住民種別"] == "1",
    **{f"category {code}": equals("第30条45規定区分", code) for code in "123456"},
    "tsusho": lambda row: bool(row["通称"]),
    "foreign without tsusho": lambda row: row["住民種別"] == "2" and not row["通称"],
    "unknown birth": lambda row: row["生年月日_不詳フラグ"] == "1",
    "non-calendar birth": non_calendar,
    **{f"born {md}": born_on(md) for md in ("01-01", "01-02", "03-31", "04-01", "02-28", "02-29")},
    "born at a month end": born_at_month_end,
    **{f"born {day}": equals("生年月日", day.isoformat()) for day in ERA_BOUNDARY_DAYS},
    "protected": lambda row: row["支援措置対象フラグ"] == "1",
    "hidden from other business": lambda row: row["他業務参照不可フラグ"] == "1",
    "moved out": lambda row: row["住民状態"] == "2",
    "deceased": lambda row: row["住民状態"] == "3",
    **{f"reason {code}": equals("異動事由", code) for code in ("A1", "A2", "A3", "B1")},
    "apartment": lambda row: bool(row["住所_方書"]),
}


#: Common 不詳 forms, by a part of their text (every form: test_every_unknown_form_of_j80_is_made).
UNKNOWN_FORMS = ("年頃", "年月日不詳", " 月日不詳", "推定", "までの間")


def test_every_promised_case_is_reachable() -> None:
    features = {**FEATURES, **{f"不詳 {form}": contains("生年月日_不詳表記", form) for form in UNKNOWN_FORMS}}
    seen = observed(residents(), features, examples=800)
    assert set(features) - seen == set()


# The 【不詳日入力一覧】 of j80 with ○ filled in for 2020-04-15 (令和2年4月15日), written out here.
J80_FORMS_FOR_2020_04_15 = {
    "令和2年頃", "令和2年4月頃", "令和2年4月15日頃", "推定令和2年4月15日", "推定令和2年4月", "令和2年春",
    "令和2年4月中旬頃", "年月日不詳", "令和2年 月日不詳", "令和2年4月 日不詳", "令和2年4月15日から4月25日頃までの間",
    "令和2年4月推定15日から20日までの間", "令和2年4月15日頃から20日頃までの間",
}


def test_every_unknown_form_of_j80_is_made() -> None:
    assert set(unknown_texts(date(2020, 4, 15))) == J80_FORMS_FOR_2020_04_15
    assert "令和2年4月上旬" in unknown_texts(date(2020, 4, 5))
    assert "令和元年5月1日頃" in unknown_texts(date(2019, 5, 1))  # the first year of an era is 元年
    for day in (date(1912, 7, 30), date(1926, 12, 31), date(1989, 1, 7), date(2000, 2, 29), date(2020, 12, 31)):
        for text in unknown_texts(day):
            assert is_unknown_date(text), text


@pytest.mark.parametrize("category", "123456")
def test_each_category_is_reachable_with_and_without_tsusho(category: str) -> None:
    features: dict[str, Callable[[Row], bool]] = {
        "tsusho": lambda row: bool(row["通称"]), "none": lambda row: not row["通称"],
        "category": lambda row: row["第30条45規定区分"] == category,
    }
    assert observed(residents(kind="foreign", category=category), features, examples=30) == set(features)


def test_draws_shrink_to_an_ordinary_resident() -> None:
    row = find(residents(), lambda row: True, settings=SHRINK)
    ordinary = {"住民種別": "1", "住民状態": "1", "生年月日_不詳フラグ": "0", "支援措置対象フラグ": "0", "通称": ""}
    assert {item: row[item] for item in ordinary} == ordinary
    assert not non_calendar(row) and row["異動事由"] in ("A1", "A2")  # moved in, or born here


# -- properties of every row ----------------------------------------------------------------------


@FAST
@given(residents())
def test_identifiers_have_valid_check_digits(row: Row) -> None:
    assert is_valid_m11w2_7(row["宛名番号"]) and is_valid_m11w2_7(row["世帯番号"])
    assert is_valid_my_number(row["個人番号"])
    assert re.fullmatch("[0-9]{11}", row["住民票コード"])
    assert row["続柄"] == "世帯主" and row["世帯主氏名"] == (row["氏名"] or row["氏名_アルファベット"])
    assert row["住所_市区町村コード"] == TOWN_CODE and is_valid_lg_code(TOWN_CODE)  # as the town's rows
    assert row["転出予定年月日"] == (row["異動日"] if row["住民状態"] == "2" else "")


@FAST
@given(residents(kind="foreign"))
def test_a_foreign_row_has_exactly_its_category_items(row: Row) -> None:
    category = row["第30条45規定区分"]
    filled = {item for item in CATEGORY_BOUND if row[item]}
    required = REQUIRED_BY_CATEGORY[category]
    assert required <= filled <= required | OPTIONAL_BY_CATEGORY.get(category, set())
    assert row["国籍等_国名コード"] and row["氏名_アルファベット"]


def test_the_town_agrees_on_the_category_items() -> None:
    assert {category: set(items) for category, items in CATEGORY_ITEMS.items()} == REQUIRED_BY_CATEGORY


@FAST
@given(residents(kind="japanese"))
def test_a_japanese_row_has_no_foreign_items(row: Row) -> None:
    assert {item for item in FOREIGN_ONLY if row[item]} == set()
    assert row["氏名"]


@FAST
@given(residents(kind="foreign", with_tsusho=True))
def test_tsusho_uses_koseki_characters_only(row: Row) -> None:
    assert KOSEKI_NAME.fullmatch(row["通称"]), row["通称"]
    assert KATAKANA_NAME.fullmatch(row["通称_フリガナ"]), row["通称_フリガナ"]


@FAST
@given(residents())
def test_birth_date_forms(row: Row) -> None:
    unknown = row["生年月日_不詳フラグ"] == "1"
    assert unknown == (row["生年月日"] == "") == bool(row["生年月日_不詳表記"])
    if unknown:
        assert is_unknown_date(row["生年月日_不詳表記"]), row["生年月日_不詳表記"]
    else:
        assert re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", row["生年月日"])


def _day(text: str) -> date:
    return date.fromisoformat(text)


@FAST
@given(residents())
def test_dates_follow_each_other(row: Row) -> None:
    # ISO strings compare like dates, a non-calendar 2月29日 included.
    dates = ("生年月日", "住民となった年月日", "住所を定めた年月日", "異動日")
    assert [row[item] for item in dates] == sorted(row[item] for item in dates)
    assert row["異動日"] <= AS_OF.isoformat()
    changed, reason = _day(row["異動日"]), row["異動事由"]
    if reason == "A3":  # 職権記載: no 届出
        assert row["届出年月日"] == ""
        return
    notified = _day(row["届出年月日"])
    if reason == "C1":  # the 転出届 comes first
        assert changed - timedelta(days=14) < notified <= changed
    else:
        assert changed <= notified <= min(changed + timedelta(days=13), AS_OF)


@FAST
@given(residents())
def test_status_follows_the_reason(row: Row) -> None:
    expected = {"C1": "2", "C2": "3"}.get(row["異動事由"], "1")
    assert row["住民状態"] == expected
    if row["異動事由"] == "A2":
        assert row["生年月日"] == row["住民となった年月日"] == row["異動日"]


@FAST
@given(residents(kind="foreign"))
def test_category_lives(row: Row) -> None:
    category, changed = row["第30条45規定区分"], _day(row["異動日"])
    recent = AS_OF - timedelta(days=59)
    if category == "5":  # 出生による経過滞在者: born here within 60 days
        assert row["異動事由"] == "A2" and _day(row["生年月日"]) >= recent
    if category == "6":  # 国籍喪失による経過滞在者: recorded ex officio within 60 days
        assert row["異動事由"] == "A3" and changed >= recent
    for item in ("在留期間の満了の日", "上陸期間_満了日", "仮滞在期間_満了日"):
        assert row[item] == "" or _day(row[item]) > AS_OF


@FAST
@given(residents(protected=True))
def test_a_protected_person_is_current_with_a_support_period(row: Row) -> None:
    assert row["支援措置対象フラグ"] == "1" and row["住民状態"] == "1"
    start, end = _day(row["支援措置_開始年月日"]), _day(row["支援措置_終了年月日"])
    assert _day(row["住民となった年月日"]) <= start <= AS_OF
    assert end >= support_end_date(start)


@FAST
@given(residents(protected=False))
def test_an_unprotected_person_has_no_support_items(row: Row) -> None:
    assert (row["支援措置対象フラグ"], row["他業務参照不可フラグ"]) == ("0", "0")
    assert row["支援措置_開始年月日"] == row["支援措置_終了年月日"] == ""


@FAST
@given(residents())
def test_rows_have_the_layout_columns_in_order(row: Row) -> None:
    assert tuple(row) == town_headers()
