"""The result model and the verdict rule."""

from __future__ import annotations

from conformance.findings import Finding
from conformance.results import (
    RequirementResult,
    RunOutcome,
    Scope,
    Status,
    Verdict,
    decide_verdict,
    exit_code,
    gate_line,
)


def result(status: Status, rid: str = "jumin-1.0-3.4-R001") -> RequirementResult:
    return RequirementResult(requirement=rid, domain="jumin", edition="1.0", level="required", status=status)


ATTESTATION = {"by": "検査 花子", "role": "受入検査担当", "date": "2026-11-01", "statement": "画面で確認した",
               "evidence": [{"file": "alert.png", "sha256": "0" * 64}]}


def test_nothing_verified_is_incomplete_never_conformant() -> None:
    assert decide_verdict([result(Status.NOT_AUTOMATED), result(Status.MANUAL)]) is Verdict.INCOMPLETE
    assert decide_verdict([]) is Verdict.INCOMPLETE
    assert decide_verdict([result(Status.NOT_APPLICABLE)]) is Verdict.INCOMPLETE


def test_a_pass_with_unautomated_rest_is_incomplete() -> None:
    assert decide_verdict([result(Status.PASS), result(Status.NOT_AUTOMATED)]) is Verdict.INCOMPLETE


def test_an_unattested_manual_requirement_is_incomplete_and_an_attested_one_verified() -> None:
    unattested = result(Status.MANUAL, "jumin-1.0-3.4-R005")
    attested = RequirementResult(requirement="jumin-1.0-3.4-R005", domain="jumin", edition="1.0",
                                 level="required", status=Status.MANUAL, attestation=ATTESTATION)
    assert decide_verdict([result(Status.PASS), unattested]) is Verdict.INCOMPLETE
    assert decide_verdict([result(Status.PASS), attested]) is Verdict.CONFORMANT


def test_every_applicable_requirement_verified_is_conformant() -> None:
    verdict = decide_verdict([result(Status.PASS), result(Status.WAIVED), result(Status.NOT_APPLICABLE)])
    assert verdict is Verdict.CONFORMANT


def test_a_fail_is_not_conformant_even_in_a_partial_run() -> None:
    assert decide_verdict([result(Status.PASS), result(Status.FAIL)]) is Verdict.NOT_CONFORMANT
    assert decide_verdict([result(Status.FAIL)], partial=True) is Verdict.NOT_CONFORMANT


def test_an_error_could_not_judge_so_the_run_is_incomplete() -> None:
    assert decide_verdict([result(Status.PASS), result(Status.ERROR)]) is Verdict.INCOMPLETE


def test_a_partial_run_is_incomplete_whatever_passed() -> None:
    assert decide_verdict([result(Status.PASS)], partial=True) is Verdict.INCOMPLETE


def test_a_stopped_run_is_not_run_whatever_it_judged() -> None:
    assert decide_verdict([result(Status.FAIL)], stopped="unreachable") is Verdict.NOT_RUN
    assert decide_verdict([result(Status.PASS)], stopped="interrupted") is Verdict.NOT_RUN


def test_a_waiver_problem_fails_the_run() -> None:
    assert decide_verdict([result(Status.PASS)], ["waiver expired"]) is Verdict.NOT_CONFORMANT


def test_scope_makes_a_run_partial_and_counts_what_was_left_out() -> None:
    claimed = frozenset({"jumin-1.0-3.4-R001", "jumin-1.0-3.4-R002", "jumin-1.0-3.4-R003"})
    outcome = RunOutcome(results=(result(Status.PASS),), scope=Scope(claimed=claimed, selection={"keyword": "R001"}))
    assert outcome.partial and outcome.verdict is Verdict.INCOMPLETE
    assert outcome.not_selected == {"jumin-1.0-3.4-R002", "jumin-1.0-3.4-R003"}
    assert outcome.coverage.not_selected == 2 and outcome.coverage.total == 3
    whole = RunOutcome(results=(result(Status.PASS),), scope=Scope(claimed=frozenset({"jumin-1.0-3.4-R001"})))
    assert not whole.partial and whole.verdict is Verdict.CONFORMANT


def test_gaps_make_a_run_incomplete() -> None:
    assert RunOutcome(results=(result(Status.PASS),), gaps=("bad entry",)).verdict is Verdict.INCOMPLETE


def test_exit_codes_distinguish_the_four_verdicts_and_the_gate_is_explicit() -> None:
    assert [exit_code(v) for v in Verdict] == [0, 1, 3, 4]
    assert exit_code(Verdict.INCOMPLETE, gate="no-failures") == 0
    assert exit_code(Verdict.NOT_CONFORMANT, gate="no-failures") == 1
    assert exit_code(Verdict.NOT_RUN, gate="no-failures") == 4


def test_only_a_verdict_the_gate_let_pass_gets_the_accepted_line() -> None:
    accepted = gate_line(Verdict.INCOMPLETE, gate="no-failures")
    assert accepted is not None and accepted.startswith("gate no-failures: accepted (verdict incomplete")
    assert [gate_line(v, gate="no-failures") for v in Verdict if v is not Verdict.INCOMPLETE] == [None] * 3
    assert [gate_line(v) for v in Verdict] == [None] * 4


def test_summary_has_every_status_and_coverage_adds_up() -> None:
    attested = RequirementResult(requirement="jumin-1.0-3.4-R006", domain="jumin", edition="1.0",
                                 level="required", status=Status.MANUAL, attestation=ATTESTATION)
    outcome = RunOutcome(
        results=(result(Status.PASS), result(Status.MANUAL), result(Status.NOT_AUTOMATED),
                 result(Status.NOT_APPLICABLE), result(Status.FAIL), attested)
    )
    assert set(outcome.summary) == {s.value for s in Status}
    assert outcome.summary["PASS"] == 1 and outcome.summary["WAIVED"] == 0 and outcome.summary["MANUAL"] == 2
    assert outcome.coverage.to_json() == {
        "automated": 2, "attested": 1, "manual": 1, "not_automated": 1, "not_applicable": 1,
        "not_selected": 0, "total": 6,
    }


def test_json_round_trip_keeps_findings() -> None:
    finding = Finding(requirement="jumin-1.0-3.4-R001", code="dv.leak", message="m", location="/a/0",
                      expected="absent", actual="***")
    original = RequirementResult(requirement="jumin-1.0-3.4-R001", domain="jumin", edition="1.0",
                                 level="required", status=Status.FAIL, findings=(finding,), reason="r")
    assert RequirementResult.from_json(original.to_json()) == original


def test_json_round_trip_keeps_attestation_and_exchanges() -> None:
    original = RequirementResult(requirement="jumin-1.0-3.4-R005", domain="jumin", edition="1.0",
                                 level="required", status=Status.MANUAL, attestation=ATTESTATION,
                                 exchanges=({"id": "main-0001", "method": "GET", "url": "/residents", "status": 200},))
    assert RequirementResult.from_json(original.to_json()) == original
