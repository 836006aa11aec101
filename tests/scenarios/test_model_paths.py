"""The model's read paths on their own, against a fake linkage API: the 異動差分 read at a page boundary
(7.2.3 R002) and a 宛名番号 no record has (7.2.3 R001, interfaces.yaml get_resident: 404)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conformance.scenarios import DriverClient
from conformance.scenarios.model.paths import Paths
from conformance.targets.base import HttpResponse

CHANGED = ["0000000019", "0000000027", "0000000035"]
STAMP = "2024-06-10T00:00:00.000000Z"


@dataclass
class FakeLinkage:
    """The 異動差分 lists ``CHANGED``; ``flag_at_end`` says more follow after a page that ends the list
    exactly (a choice no text fixes), ``lose_at_boundary`` drops the first row of every later page
    (a defect), ``status`` is the answer for an unknown 宛名番号."""

    flag_at_end: bool = False
    lose_at_boundary: bool = False
    status: int = 404
    base_url: str = "http://fake"

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                **_: Any) -> HttpResponse:
        if path != "/residents":
            return _answer(self.status, {"code": "NOT_FOUND"}, path)
        offset, limit = int((params or {})["offset"]), int((params or {})["limit"])
        start = offset + 1 if self.lose_at_boundary and offset else offset
        rows = CHANGED[start:offset + limit]
        more = offset + limit < len(CHANGED) or (self.flag_at_end and offset + limit == len(CHANGED))
        return _answer(200, {"residents": [{"宛名番号": n} for n in rows], "next_offset": offset + limit if more
                             else None}, path)


def _answer(status: int, document: Any, path: str) -> HttpResponse:
    return HttpResponse(status, {"Content-Type": "application/json"}, json.dumps(document).encode(), path)


def _paths(linkage: FakeLinkage) -> Paths:
    return Paths(DriverClient(linkage, "/driver/v1", {}), linkage, lambda _: True)


def test_the_diff_read_at_a_page_boundary_passes_a_vendor_that_ends_it_either_way() -> None:
    assert list(_paths(FakeLinkage()).changed_since(STAMP, CHANGED)) == []
    # A next_offset leading to an empty last page: the text and the protocol leave it open.
    assert list(_paths(FakeLinkage(flag_at_end=True)).changed_since(STAMP, CHANGED)) == []


def test_a_row_lost_at_a_page_boundary_is_a_breach_of_7_2_3_r002() -> None:
    found = [(b.requirement, b.code, b.item) for b in
             _paths(FakeLinkage(lose_at_boundary=True)).changed_since(STAMP, CHANGED)]
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_paging", "GET /residents?changed_since&limit=2")]


def test_an_unknown_person_answers_404_and_a_failure_is_a_breach_of_7_2_3_r001() -> None:
    assert list(_paths(FakeLinkage()).unknown("9999999996")) == []
    found = [(b.requirement, b.code, b.item, b.actual) for b in _paths(FakeLinkage(status=500)).unknown("9999999996")]
    assert found == [("jumin-1.0-7.2.3-R001", "model.unknown_person", "GET /residents/{宛名番号}", "500")]
