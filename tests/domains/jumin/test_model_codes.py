"""The 住民票コード stock's judges (oracles/model/codes.py) on hand-made answers: a code a 住民 holds, delivered as a
空きコード, is never kept nor listed (4.3.1 R001; interpretation jumin-code-model; blind round 35, 23). The whole
example against the reference and its named defect ``codes_in_use_kept``: tests/domains/jumin/test_model_machine.py."""

from __future__ import annotations

from typing import Any

import pytest

from conformance.domains.jumin.oracles.model.codes import judge_in_use, judge_stock
from conformance.domains.jumin.oracles.model.rules import CodeStock

HELD, FREE = "90000000011", "70000000029"


@pytest.mark.parametrize(("status", "document"), [
    (200, {"result": "ok", "取込": [], "エラー": [{"住民票コード": HELD, "理由": "蓄積できない住民票コードです。"}]}),
    (200, {"result": "ok", "取込": [], "エラー": []}),  # left out of 取込 without a reason
    (409, {"result": "error", "code": "E999", "message": "refused"}),  # the whole delivery refused
])
def test_a_code_in_use_not_kept_passes_whichever_way_it_is_refused(status: int, document: Any) -> None:
    assert judge_in_use(HELD, status, document) == []


def test_a_code_in_use_answered_kept_is_reported_at_the_delivery() -> None:
    found = judge_in_use(HELD, 200, {"result": "ok", "取込": [{"住民票コード": HELD, "結果": "蓄積"}], "エラー": []})
    assert [(b.requirement, b.code, b.item, b.expected, b.actual) for b in found] == [
        ("jumin-1.0-4.3.1-R001", "model.code_in_use_kept", "driver:/cs/receive#/取込", "not 蓄積 (an エラー)", "蓄積")]


def _stock(*codes: str) -> dict[str, Any]:
    return {"result": "ok", "空きコード": [{"住民票コード": code} for code in codes], "件数": len(codes), "下限": "0"}


def test_a_stock_without_the_codes_in_use_passes() -> None:
    assert judge_stock(CodeStock({FREE}), 200, _stock(FREE), held={HELD}) == []


def test_a_stock_listing_a_code_a_resident_holds_is_reported() -> None:
    found = judge_stock(CodeStock({FREE}), 200, _stock(FREE, HELD), held={HELD})
    assert [(b.requirement, b.code, b.item, b.actual) for b in found] == [
        ("jumin-1.0-4.3.1-R001", "model.code_in_use_kept", "driver:/codes/stock#/空きコード", "1 listed")]


def test_a_code_given_from_the_stock_is_reported_once_under_r002() -> None:
    """A code the stock gave is held too: listed again it is R002's breach alone (code_given_kept), not R001's."""
    stock = CodeStock({FREE}, given={HELD})
    found = judge_stock(stock, 200, _stock(FREE, HELD), held={HELD})
    assert [(b.requirement, b.code) for b in found] == [("jumin-1.0-4.3.1-R002", "model.code_given_kept")]

