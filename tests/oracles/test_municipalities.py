"""The 団体コード list shipped with the oracles: a 市区町村コード names a real municipality."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.oracles import (
    is_municipality_code,
    is_valid_lg_code,
    lg_code_check_digit,
    local_government,
    municipalities,
    municipality,
    municipality_problem,
)
from conformance.oracles.municipalities import DATA_FILE

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "jichitai_codes_R6-01-01.json"


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/data is not beside the checkout")
def test_the_shipped_list_is_the_shared_file_unchanged() -> None:
    assert DATA_FILE.read_bytes() == SHARED.read_bytes()


def test_the_list_has_the_counts_its_readme_states() -> None:
    items = json.loads(DATA_FILE.read_text(encoding="utf-8"))["items"]
    assert len(items) == 1965
    assert Counter(item["t"] for item in items) == {
        "prefecture": 47, "designated_city": 20, "designated_ward": 171, "special_ward": 23, "city": 772,
        "town": 743, "village": 189}
    assert len(municipalities()) == 1965 - 47
    # Every code of the list passes the check digit (../shared/data/README.md).
    assert all(is_valid_lg_code(item["c"]) for item in items)


@pytest.mark.parametrize(("code", "name", "kind"), [
    ("131016", "千代田区", "special_ward"),   # the 項目定義書's sample 住所_市区町村コード
    ("011002", "札幌市", "designated_city"),
    ("011011", "札幌市中央区", "designated_ward"),
    ("012025", "函館市", "city"),
])
def test_real_municipalities_are_found(code: str, name: str, kind: str) -> None:
    found = municipality(code)
    assert found is not None and found.name == name and found.kind == kind
    assert is_municipality_code(code)
    assert municipality_problem(code) is None


def test_a_ward_knows_its_designated_city() -> None:
    ward = municipality("011011")
    assert ward is not None and ward.parent_city == "011002"


def test_a_prefecture_is_a_local_government_but_no_municipality() -> None:
    tokyo = local_government("130001")
    assert tokyo is not None and tokyo.name == "東京都"
    assert municipality("130001") is None and not is_municipality_code("130001")
    assert municipality_problem("130001") == "'130001' is the code of the prefecture 東京都, not of a municipality"


def test_a_valid_check_digit_is_not_enough() -> None:
    code = "01999" + str(lg_code_check_digit("01999"))
    assert is_valid_lg_code(code)
    assert not is_municipality_code(code)
    problem = municipality_problem(code)
    assert problem is not None and "names no local government" in problem and "2024-01-01" in problem


@pytest.mark.parametrize("code", ["131017", "13101", "１３１０１６", "", "1310166"])
def test_malformed_codes_are_refused_with_the_reason(code: str) -> None:
    assert not is_municipality_code(code)
    problem = municipality_problem(code)
    assert problem is not None and "check digit" in problem


def test_the_northern_territories_villages_are_marked() -> None:
    marked = sorted(m.name for m in municipalities() if m.northern_territories)
    assert marked == sorted(["色丹村", "泊村", "留夜別村", "留別村", "紗那村", "蘂取村"])


@given(st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_is_municipality_code_agrees_with_the_list_and_the_check_digit(code: str) -> None:
    listed = local_government(code)
    assert is_municipality_code(code) == (listed is not None and listed.is_municipality)
    if is_municipality_code(code):
        assert is_valid_lg_code(code)
