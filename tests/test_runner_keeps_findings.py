"""run_case keeps the findings of one check when another check of the same requirement breaks."""

from __future__ import annotations

from conformance.results import Status
from conformance.runner import run_case
from tests.test_runner import case, registry

FINDS = {"kind": "check", "name": "test.always_finds", "params": {"n": 2}}
BREAKS = {"kind": "check", "name": "test.target_breaks"}


def test_findings_stand_when_another_check_breaks() -> None:
    for checks in ([BREAKS, FINDS], [FINDS, BREAKS]):
        result = run_case(case(checks), registry())
        assert result.status is Status.FAIL
        assert [f.code for f in result.findings] == ["test.found", "test.found"]


def test_without_findings_the_error_stands() -> None:
    result = run_case(case([{"kind": "check", "name": "test.finds_nothing"}, BREAKS]), registry())
    assert result.status is Status.ERROR and "connection refused" in result.reason
