"""The transformations reconcile applies (conformance.transformations): 和暦 read as 西暦, width folded."""

from __future__ import annotations

import polars as pl
import pytest

from conformance.oracles.wareki import ERAS, parse_wareki
from conformance.transformations import as_seireki, folded

READ = {
    "令和5年4月1日": "2023-04-01", "R05.04.01": "2023-04-01", "H31.4.30": "2019-04-30", "平成元年1月8日": "1989-01-08",
    "昭和64年1月7日": "1989-01-07", "明治45年7月30日": "1912-07-30", "大正15年12月25日": "1926-12-25",
    "M01.01.01": "1868-01-01", "令和２年４月１日": "2020-04-01", "Ｒ５．４．１": "2023-04-01",
    " 昭58/2/28 ": "1983-02-28",
    "R5.2.29": "2023-02-29", "T01-07-30": "1912-07-30", "": "", "2023-04-01": "2023-04-01",
}
UNREADABLE = ("H31.5.1", "昭和64年1月8日", "R05.13.01", "R01.04.30", "R5.2.30", "X05.04.01", "R0.1.1",
              "大正元年7月29日", "不詳", "2023/04/01", "R05.04.01.", "令和5年4月1", None)


def seireki(values: list[str | None]) -> list[str | None]:
    return pl.DataFrame({"v": values}, schema={"v": pl.String}).select(as_seireki(pl.col("v")))["v"].to_list()


def test_wareki_dates_read_as_seireki() -> None:
    assert seireki(list(READ)) == list(READ.values())


def test_what_wareki_cannot_read_is_null() -> None:
    assert seireki(list(UNREADABLE)) == [None] * len(UNREADABLE)


@pytest.mark.parametrize("era", [name for name, _ in ERAS])
def test_wareki_agrees_with_the_certificate_oracle(era: str) -> None:
    """Every day of the first and last years around each era's boundaries, as 令和5年4月1日: the
    same date as ``parse_wareki`` reads, or null where it refuses (明治 starts on 1868-01-01 here:
    the oracle's table starts it on 1868-01-25, the Gregorian day of 明治元年1月1日)."""
    texts = [f"{era}{year}年{month}月{day}日" for year in (1, 2, 15, 31, 45, 64) for month in range(1, 13)
             for day in range(1, 32)]
    expected: list[str | None] = []
    for text in texts:
        try:
            year, month, day = parse_wareki(text)
            expected.append(f"{year:04d}-{month:02d}-{day:02d}")
        except ValueError:
            expected.append(None)
    got = seireki(list(texts))
    differing = [(t, e, g) for t, e, g in zip(texts, expected, got, strict=True) if e != g]
    if era == "明治":
        assert all(t.startswith("明治1年1月") and g is not None and g < "1868-01-25" for t, _, g in differing)
    else:
        assert differing == []


def test_width_folding() -> None:
    values = ["ﾔﾏﾀﾞ ﾀﾛｳ", "ｶﾞｯﾂﾊﾟｰｸｳﾞ", "ＡＢＣ　１２３－", "山田　花子", "｢ｱ｣､｡･", "￥①ｶﾟ"]
    got = pl.DataFrame({"v": values}).select(folded(pl.col("v")))["v"].to_list()
    assert got == ["ヤマダ タロウ", "ガッツパークヴ", "ABC 123-", "山田 花子", "「ア」、。・", "￥①カ\u309a"]
