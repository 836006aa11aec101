"""和暦 formatting on the spec's own examples and the era boundaries."""

from __future__ import annotations

import pytest

from conformance.oracles.wareki import date_style, to_seireki, to_wareki


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
