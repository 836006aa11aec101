"""印鑑登録: the readings of 亘理町印鑑条例 第3条第2項第4号's 「収まる」 at its two edges (issue 65), each run through
the oracle and the check's comparison.

「印影の大きさが1辺の長さ8ミリメートルの正方形に収まるもの又は1辺の長さ25ミリメートルの正方形に収まらないもの」: a
side under 8 fits the 8mm square and one over 25 does not fit the 25mm one under any reading, so both are refused.
Whether a side of exactly 8 or 25 「収まる」 (the edge included or not) the 条例 does not say, nor any text held:
the edge included (8 refused, 25 registered), the edge excluded (8 registered, 25 refused) and the municipal
guidance 「8mm以上25mm以内」 (both registered) all pass. provisions.yaml (第3条第2項第4号) names them."""

from __future__ import annotations

import pytest

from conformance.checks.scenarios import Scenario
from conformance.domains.inkan import checks as ks
from conformance.domains.inkan import oracle as inkan
from conformance.domains.inkan.oracle import EITHER
from conformance.testdata.town import TOWN_CODE

#: Each reading's answer at the two edges: (8mm registered, 25mm registered).
READINGS = {"edge included": (False, True), "edge excluded": (True, False), "8mm以上25mm以内": (True, True)}


def _answer(registered: object) -> dict[str, object]:
    return {"登録": registered}


@pytest.mark.parametrize("reading", READINGS)
def test_each_reading_passes_at_both_edges(reading: str) -> None:
    at_eight, at_twenty_five = READINGS[reading]
    # The check compares the oracle's projection with the vendor's answer with ==, the expected value first.
    assert ks._size(ks.EIGHT, TOWN_CODE) == _answer(at_eight)
    assert ks._size(ks.TWENTY_FIVE, TOWN_CODE) == _answer(at_twenty_five)
    assert ks._registers(ks.EIGHT, TOWN_CODE) == _answer(at_eight)


def test_the_edges_are_the_only_open_sizes() -> None:
    assert [size for size in range(1, 41) if inkan.size_allowed(size) is EITHER] == [8, 25]
    assert EITHER.allowed == (True, False)


@pytest.mark.parametrize("scenario", [ks.SMALL, ks.LARGE], ids=["7mm", "26mm"])
def test_every_reading_refuses_a_size_past_the_edges(scenario: Scenario) -> None:
    expected = ks._size(scenario, TOWN_CODE)
    assert expected["登録"] is False
    assert expected != _answer(True) and expected != _answer(None)


def test_an_open_edge_is_no_answer_at_all() -> None:
    assert ks._size(ks.EIGHT, TOWN_CODE) != _answer(None)
    assert ks._size(ks.TWENTY_FIVE, TOWN_CODE) != _answer("1")


def test_a_bar_elsewhere_refuses_whatever_the_edge() -> None:
    # 柏原市 第5条 puts the provisions together: a ゴム印 of 25mm is refused under every reading, a wooden one either.
    assert inkan.registered((True, EITHER, False)) is False
    assert inkan.registered((True, EITHER)) is EITHER
    assert inkan.registered((True, EITHER, None)) is None
    assert inkan.registered((True, True)) is True
