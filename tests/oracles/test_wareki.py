"""和暦 formatting on the spec's own examples and the era boundaries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.oracles.wareki import date_style, is_unknown_date, parse_wareki, to_seireki, to_wareki


@pytest.mark.parametrize(
    ("iso", "wareki"),
    [
        ("2003-01-07", "平成15年1月7日"),  # 住民記録 1.0 j200's example: 平成15.01.07
        ("2005-12-30", "平成17年12月30日"),
        ("2020-04-01", "令和2年4月1日"),  # j440's example: 令和２年４月１日
        ("2019-04-30", "平成31年4月30日"),
        ("2019-05-01", "令和元年5月1日"),
        ("1989-01-07", "昭和64年1月7日"),
        ("1989-01-08", "平成元年1月8日"),
        ("1926-12-25", "昭和元年12月25日"),
        ("1912-07-30", "大正元年7月30日"),
        ("1912-07-29", "明治45年7月29日"),
        ("1983-02-29", "昭和58年2月29日"),  # j80: a non-calendar date is accepted and printed as is
    ],
)
def test_to_wareki(iso: str, wareki: str) -> None:
    assert to_wareki(iso) == wareki


def test_to_seireki_and_styles() -> None:
    assert to_seireki("1983-02-28") == "1983年2月28日"
    assert date_style("昭和58年2月28日") == "wareki"
    assert date_style("1983年2月28日") == "seireki"
    assert date_style("昭和58年（1983年）2月28日") == "both"
    assert date_style("年月日不詳") == "other"


@pytest.mark.parametrize("bad", ["1983-2-28", "１９８３-02-28", "1868-01-24", "19830228"])
def test_rejects_what_is_not_a_date_or_before_meiji(bad: str) -> None:
    with pytest.raises(ValueError):
        to_wareki(bad)


# -- parsing and 不詳 dates (住民記録 1.0 j80) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("令和元年5月1日", (2019, 5, 1)),
        ("令和２年４月１日", (2020, 4, 1)),  # j440's example, full-width digits
        ("令和3年3月31日", (2021, 3, 31)),
        ("平成31年4月30日", (2019, 4, 30)),
        ("昭和64年1月7日", (1989, 1, 7)),
        ("平成元年1月8日", (1989, 1, 8)),
        ("明治45年7月30日", (1912, 7, 30)),  # j80 names it: accepted although 大正 began that day
        ("大正15年12月25日", (1926, 12, 25)),  # j80 names it too
        ("大正元年7月30日", (1912, 7, 30)),
        ("昭和58年2月29日", (1983, 2, 29)),  # j80: 2月29日 of a common year
    ],
)
def test_parse_wareki(text: str, value: tuple[int, int, int]) -> None:
    assert parse_wareki(text) == value


@pytest.mark.parametrize("text", ["昭和64年1月8日", "令和元年4月30日", "平成2年2月30日", "平成2年4月31日",
                                  "昭和0年1月1日", "明治45年7月31日", "令和2年13月1日", "2020年4月1日", ""])
def test_parse_wareki_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_wareki(text)


@given(st.dates(min_value=date(1868, 1, 25), max_value=date(2100, 12, 31)))
def test_parse_wareki_inverts_to_wareki(day: date) -> None:
    iso = str(day)
    assert parse_wareki(to_wareki(iso)) == tuple(int(part) for part in iso.split("-"))


@pytest.mark.parametrize(
    "text",
    ["昭和30年頃", "令和2年4月頃", "令和2年4月1日頃", "推定令和2年4月1日", "推定平成2年3月", "昭和30年春",
     "令和2年4月上旬", "令和2年4月中旬頃", "年月日不詳", "令和2年 月日不詳", "令和2年10月 日不詳",
     "令和2年10月1日から11月3日頃までの間", "令和2年10月推定1日から5日までの間", "令和2年10月1日頃から5日頃までの間",
     "昭和元年頃", "昭和３０年頃"],
)
def test_unknown_forms_of_j80(text: str) -> None:
    assert is_unknown_date(text)


@pytest.mark.parametrize("text", ["昭和30年", "令和2年4月1日", "不詳", "1955年頃", "令和○○年頃", "頃", ""])
def test_not_unknown_forms(text: str) -> None:
    assert not is_unknown_date(text)
