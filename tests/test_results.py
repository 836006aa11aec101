"""The result model and the verdict rule."""

from __future__ import annotations

from conformance.findings import Finding
from conformance.results import RequirementResult, RunOutcome, Status, Verdict, decide_verdict


def result(status: Status, rid: str = "jumin-1.0-3.4-R001") -> RequirementResult:
    return RequirementResult(requirement=rid, domain="jumin", edition="1.0", level="required", status=status)


def test_nothing_automated_is_not_conformant() -> None:
    assert decide_verdict([result(Status.NOT_AUTOMATED), result(Status.MANUAL)]) is Verdict.NOT_CONFORMANT


def test_a_pass_with_unautomated_rest_is_conformant() -> None:
    assert decide_verdict([result(Status.PASS), result(Status.NOT_AUTOMATED)]) is Verdict.CONFORMANT


def test_fail_or_error_blocks() -> None:
    assert decide_verdict([result(Status.PASS), result(Status.FAIL)]) is Verdict.NOT_CONFORMANT
    assert decide_verdict([result(Status.PASS), result(Status.ERROR)]) is Verdict.NOT_CONFORMANT


def test_waived_counts_as_verified() -> None:
    assert decide_verdict([result(Status.WAIVED)]) is Verdict.CONFORMANT


def test_a_run_problem_blocks() -> None:
    assert decide_verdict([result(Status.PASS)], ["waiver expired"]) is Verdict.NOT_CONFORMANT


def test_summary_has_every_status_and_coverage_adds_up() -> None:
    outcome = RunOutcome(
        results=(result(Status.PASS), result(Status.MANUAL), result(Status.NOT_AUTOMATED),
                 result(Status.NOT_APPLICABLE), result(Status.FAIL))
    )
    assert set(outcome.summary) == {s.value for s in Status}
    assert outcome.summary["PASS"] == 1 and outcome.summary["WAIVED"] == 0
    assert outcome.coverage.to_json() == {
        "automated": 2, "manual": 1, "not_automated": 1, "not_applicable": 1, "total": 5
    }


def test_json_round_trip_keeps_findings() -> None:
    finding = Finding(requirement="jumin-1.0-3.4-R001", code="dv.leak", message="m", location="/a/0",
                      expected="absent", actual="***")
    original = RequirementResult(requirement="jumin-1.0-3.4-R001", domain="jumin", edition="1.0",
                                 level="required", status=Status.FAIL, findings=(finding,), reason="r")
    assert RequirementResult.from_json(original.to_json()) == original
