"""A 生年月日 不詳 (issue 66 item 3): a 外国人住民 whose 年 or 月 of birth only is known (住民記録 1.0 j80, 1.1.8's
【不詳日入力一覧】: 「令和○○年 月日不詳」, 「令和○○年○○月 日不詳」) is judged by every part with each day of that span
a reading (world_seen.unknown_span, world_parts._unknown_birth; readings ours: docs/model.md, "A 生年月日 不詳"): a
field every day gives alike is compared, a date any day from the earliest to the latest the span gives, a field
that differs otherwise (a 被保険者 true for some days, false for others) not at all. The vaguer forms (「頃」,
「推定」) bound no span: not judged. The reference holds the first day of the span; the defect
``unknown_birth_ignored`` reads no age at all."""

from __future__ import annotations

from datetime import date
from typing import Any

from test_world_machine import ASKED, TOWN, world_run

from conformance.domains.jumin.oracles.model import World
from conformance.domains.world_compare import judge_answer
from conformance.domains.world_parts import PARTS, Within, unknown_births
from conformance.domains.world_seen import UNKNOWN_BIRTH, Seen, seen_of, unknown_span

_ROW = {"生年月日": "", "生年月日_不詳フラグ": "1", "住民となった年月日": "2010-04-01", "住民状態": "1",
        "届出年月日": "2010-04-05", "住民種別": "2", "住所_市区町村コード": TOWN, "続柄": "世帯主", "世帯番号": "h1"}


def _seen(form: str) -> Seen | str:
    world = World()
    world.adopt("p", [{**_ROW, "生年月日_不詳表記": form}])
    return seen_of(world, "p")


def _found(name: str, form: str, answer: dict[str, Any], as_of: date) -> list[tuple[str, str, str, str | None]]:
    seen = _seen(form)
    assert isinstance(seen, Seen)
    part = next(part for part in PARTS if part.name == name)
    return [(b.requirement, b.code, b.item, b.actual) for b in judge_answer(part, seen, {name: answer}, as_of, "p")]


def test_the_span_of_a_known_year_or_month_and_none_for_the_vaguer_forms() -> None:
    assert unknown_span("昭和３３年　月日不詳") == (date(1958, 1, 1), date(1958, 12, 31))
    assert unknown_span("昭和２４年１０月 日不詳") == (date(1949, 10, 1), date(1949, 10, 31))
    assert unknown_span("令和元年 月日不詳") == (date(2019, 5, 1), date(2019, 12, 31))  # the era's first day
    assert unknown_span("昭和６４年 月日不詳") == (date(1989, 1, 1), date(1989, 1, 7))  # and its last
    for vague in ("昭和３０年頃", "推定昭和３０年５月", "年月日不詳", "昭和３０年春", "昭和３０年１３月 日不詳"):
        assert unknown_span(vague) is None, vague
        assert _seen(vague) == UNKNOWN_BIRTH
    assert unknown_births((date(1949, 10, 1), date(1949, 10, 31))) == [
        date(1949, 10, 1), date(1949, 10, 8), date(1949, 10, 15), date(1949, 10, 22), date(1949, 10, 29),
        date(1949, 10, 31)]


def test_a_date_field_any_day_the_span_gives() -> None:
    within = Within("2022-12-31", "2023-12-30")
    assert within == "2022-12-31" and within == "2023-06-30" and within == "2023-12-30"
    assert within != "2023-12-31" and within != "2022-12-30" and within != None and within != "2023-6-30"  # noqa: E711
    assert Within("2022-12-31", "2023-12-30", none=True) == None  # noqa: E711
    assert str(within) == "2022-12-31 … 2023-12-30"


def test_kaigo_of_a_year_unknown_every_day_65() -> None:
    # 介護保険法 第9条第1号, 第10条第4号: born in 1958 (any day), 65 by 2023-12-30 at the latest.
    form, day = "昭和３３年　月日不詳", date(2024, 3, 20)
    for acquired in ("2022-12-31", "2023-06-30", "2023-12-30"):  # the first day's reading, another, the last day's
        assert _found("介護保険", form, {"第1号被保険者": True, "資格取得日": acquired, "資格喪失日": None}, day) == []
    assert _found("介護保険", form, {"第1号被保険者": False, "資格取得日": None, "資格喪失日": None}, day) == [
        ("kaigo-2025.12-1.9.0.1.0-R001", "world.domain_mismatch", ASKED + "介護保険/第1号被保険者@2024-03-20", "false"),
        ("kaigo-2025.12-1.10.0.1.0-R001", "world.domain_mismatch", ASKED + "介護保険/資格取得日@2024-03-20", "null")]


def test_a_day_some_readings_reach_an_age_and_others_do_not_is_not_compared() -> None:
    # Born in 1959 (any day): 65 from 2023-12-31 (1月1日's) to 2024-12-30 (12月31日's); on 2024-03-20 either.
    form = "昭和３４年　月日不詳"
    for insured in (True, False):
        assert _found("介護保険", form, {"第1号被保険者": insured, "資格取得日": "2024-03-01"}, date(2024, 3, 20)) == []


def test_kokuho_and_koki_of_a_month_unknown_about_75() -> None:
    # 高齢者の医療の確保に関する法律 第50条第1号, 第52条第1号; 国民健康保険法 第6条第8号: born in 1949-10 (any day).
    form = "昭和２４年１０月　日不詳"
    after = date(2024, 11, 4)
    right = {"被保険者": True, "資格取得日": "2024-10-15", "資格喪失日": None}
    assert _found("後期高齢者医療", form, right, after) == []
    assert _found("後期高齢者医療", form, {**right, "資格取得日": "2024-11-01"}, after) == [
        ("koki_korei-2025.12-1.52.0.1.1-R001", "world.domain_mismatch",
         ASKED + "後期高齢者医療/資格取得日@2024-11-04", "2024-11-01")]
    assert _found("国民健康保険", form, {"被保険者": True, "取得日": "2010-04-01"}, after) == [
        ("kokuho-2025.12-1.6.0.1.0-R001", "world.domain_mismatch", ASKED + "国民健康保険/被保険者@2024-11-04", "true")]
    assert _found("国民健康保険", form, {"被保険者": True, "取得日": "2010-04-01"}, date(2024, 3, 20)) == []


def test_nenkin_of_a_year_unknown_about_20() -> None:
    # 国民年金法 第7条第1項第1号, 第8条第1号: born in 2004 (any day), 20 from 2023-12-31 to 2024-12-30.
    form = "平成１６年　月日不詳"
    answer = {"被保険者種別": "第1号", "資格取得日": "2024-07-01", "資格喪失日": "2064-06-30"}
    found = _found("国民年金", form, answer, date(2025, 1, 6))
    assert all(item[2].split("@")[0].rsplit("/", 1)[1] == "被保険者期間" for item in found)  # the months differ
    wrong = _found("国民年金", form, {**answer, "被保険者種別": None}, date(2025, 1, 6))
    assert ("kokumin_nenkin-2025.12-1.7.0.1.1-R001", "world.domain_mismatch",
            ASKED + "国民年金/被保険者種別@2025-01-06", "null") in wrong


def test_the_corpus_plays_the_unknown_births_and_catches_no_age_read() -> None:
    with world_run(max_examples=1) as clean:
        assert clean.result.breaches == ()
    with world_run(frozenset({"unknown_birth_ignored"}), max_examples=1) as found:
        breaches, steps = found.result.first("kaigo-2025.12-1.9.0.1.0-R001")
        assert "kokumin_nenkin-2025.12-1.7.0.1.1-R001" in {b.requirement for b in found.result.breaches}
    assert [(b.item, b.expected, b.actual) for b in breaches] == [
        (ASKED + "介護保険/第1号被保険者@2024-03-20", "true", "false")]
    assert "[生年月日 昭和３３年　月日不詳]" in steps[-1]
