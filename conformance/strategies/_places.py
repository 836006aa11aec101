"""Municipalities (real 全国地方公共団体コード) and addresses (invented, as in the test town)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from conformance.oracles.identifiers import lg_code_check_digit
from conformance.testdata.town import TOWN_AREAS, TOWN_CITY, TOWN_PREFECTURE, apartment_names

# Real codes (first five digits) of cities in several prefectures; 静岡市 and 浜松市 share one, so
# moves inside a prefecture (国民健康保険: 資格 per prefecture since 2018-04) are drawn too.
_CITIES: tuple[tuple[str, str, str], ...] = (
    ("13101", "東京都", "千代田区"), ("22100", "静岡県", "静岡市"), ("22130", "静岡県", "浜松市"),
    ("13104", "東京都", "新宿区"), ("27100", "大阪府", "大阪市"), ("14100", "神奈川県", "横浜市"),
    ("23100", "愛知県", "名古屋市"), ("01100", "北海道", "札幌市"), ("04100", "宮城県", "仙台市"),
    ("26100", "京都府", "京都市"), ("34100", "広島県", "広島市"), ("40130", "福岡県", "福岡市"),
    ("47201", "沖縄県", "那覇市"),
)
#: 6-digit 全国地方公共団体コード (check digit computed) -> (都道府県, 市区町村).
MUNICIPALITIES: Mapping[str, tuple[str, str]] = MappingProxyType({
    code + str(lg_code_check_digit(code)): (prefecture, city) for code, prefecture, city in _CITIES
})


@dataclass(frozen=True)
class Address:
    """The 住所 items of a row."""

    prefecture: str
    city: str
    town: str
    number: str
    katagaki: str = ""
    postal: str = ""


@cache
def addresses(
    prefecture: str = TOWN_PREFECTURE, city: str = TOWN_CITY, *, postal: bool = True
) -> SearchStrategy[Address]:
    """Invented addresses with the test town's 町字 (and their invented postal codes when ``postal``)."""
    katagaki = st.one_of(st.just(""), st.builds(
        lambda name, floor, room: f"{name}{floor}{room:02d}号室",
        st.sampled_from(apartment_names()), st.integers(1, 5), st.integers(1, 12),
    ))

    def build(area: tuple[str, str], block: int, lot: int, chiban: int, room: str) -> Address:
        town, code = area
        number = f"{block}番{lot}号" if town.endswith("丁目") else f"{chiban}番地"
        return Address(prefecture, city, town, number, room, code if postal else "")

    return st.builds(build, st.sampled_from(TOWN_AREAS), st.integers(1, 30), st.integers(1, 25),
                     st.integers(1, 2500), katagaki)


#: Addresses in the test town (静岡県見本町, fictional), with its invented postal codes.
TOWN_ADDRESSES = addresses()
