"""What the profile says the product does not offer is NOT_AUTOMATED with the reason, never PASS on the checks that
did run, never FAIL or ERROR for it (issue 64, item 2); the findings of what did run stand."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from conformance.catalog.models import ApiInterface
from conformance.checks.registry import CheckContext, NotAutomated, Registry, check
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.results import Status
from conformance.runner import run_case
from conformance.targets.offers import api_gate
from tests.test_runner import always_finds, case, finds_nothing, target_breaks

NOT_OFFERED = "GET /residents/{宛名番号}/qualifications (get_qualifications) is not offered"


@check("test.not_offered")
def not_offered(ctx: CheckContext) -> Iterator[Finding]:
    raise NotAutomated(NOT_OFFERED)


@check("test.partly_offered")
def partly_offered(ctx: CheckContext) -> Iterator[Finding]:
    """Judges one operation (a finding when ``finds``) and leaves another unrun."""
    ctx.did_not_run("issue_form is not offered")
    if ctx.params.get("finds"):
        yield ctx.finding("test.found", "found", location="/x")


def registry() -> Registry:
    module = ModuleType("offered_checks_under_test")
    for function in (always_finds, finds_nothing, target_breaks, not_offered, partly_offered):
        setattr(module, function.__name__, function)
    reg = Registry()
    reg.add_module(module)
    return reg


def bound(*names: str, **params: object) -> list[dict[str, object]]:
    return [{"kind": "check", "name": name, "params": dict(params) if name != "test.always_finds" else {"n": 1}}
            for name in names]


def test_a_check_not_run_beside_one_that_passes_is_not_automated_never_pass() -> None:
    for order in (("test.finds_nothing", "test.not_offered"), ("test.not_offered", "test.finds_nothing")):
        result = run_case(case(bound(*order)), registry())
        assert result.status is Status.NOT_AUTOMATED
        assert result.reason == (f"test.not_offered: {NOT_OFFERED} (the rest the checks judged has no finding: not "
                                 "PASS on part of the requirement)")


def test_the_findings_of_what_ran_stand_and_the_reason_names_what_did_not() -> None:
    for order in (("test.always_finds", "test.not_offered"), ("test.not_offered", "test.always_finds")):
        result = run_case(case(bound(*order)), registry())
        assert result.status is Status.FAIL
        assert [(f.code, f.location) for f in result.findings] == [("test.found", "/items/0")]
        assert result.reason == f"1 finding(s); not judged: test.not_offered: {NOT_OFFERED}"


def test_a_check_that_leaves_part_unrun_is_not_automated_alone_and_fails_on_its_findings() -> None:
    alone = run_case(case(bound("test.partly_offered")), registry())
    assert (alone.status, alone.reason) == (Status.NOT_AUTOMATED, "issue_form is not offered")
    found = run_case(case(bound("test.partly_offered", finds=True)), registry())
    assert found.status is Status.FAIL and found.reason == "1 finding(s); not judged: issue_form is not offered"


def test_beside_another_each_checks_reason_names_its_check_the_same_way() -> None:
    """Issue 65 item 4: one check's ctx.did_not_run and another's NotAutomated read alike, each after its name,
    the same reason twice not merged (two checks did not run)."""
    for order in (("test.partly_offered", "test.not_offered"), ("test.not_offered", "test.partly_offered")):
        result = run_case(case(bound(*order)), registry())
        reasons = {"test.partly_offered": "issue_form is not offered", "test.not_offered": NOT_OFFERED}
        assert (result.status, result.reason) == (
            Status.NOT_AUTOMATED, "; ".join(f"{name}: {reasons[name]}" for name in order))


def test_alone_the_reason_is_the_checks_own() -> None:
    result = run_case(case(bound("test.not_offered")), registry())
    assert (result.status, result.reason) == (Status.NOT_AUTOMATED, NOT_OFFERED)


def test_a_broken_target_is_still_error() -> None:
    result = run_case(case(bound("test.not_offered", "test.target_breaks")), registry())
    assert result.status is Status.ERROR and "connection refused" in result.reason


def _interface(identifier: str, method: str, path: str) -> ApiInterface:
    return ApiInterface.model_validate({"kind": "api", "id": identifier, "name": identifier, "method": method,
                                        "path": path, "responses": [{"status": 200, "description": "ok"}],
                                        "provenance": {"reference": "test", "confirmed": False}})


INTERFACES = (_interface("get_resident", "get", "/residents/{宛名番号}"),
              _interface("list_residents", "get", "/residents"),
              _interface("export_residents", "get", "/exports/residents.csv"))


def test_the_gate_refuses_only_what_the_profile_does_not_declare() -> None:
    assert api_gate("all", INTERFACES) is None
    gate = api_gate(("get_resident", "issue_form"), INTERFACES, exported=("/exports/residents.csv",))
    assert gate is not None
    gate.refuse("get", "/residents/0000000019")  # declared
    gate.refuse("post", "/forms/juminhyo_kojin")  # declared (a shared operation)
    gate.refuse("get", "/exports/residents.csv")  # declared by targets.exports
    gate.refuse("post", "/admin/residents")  # no catalog operation: a load path, declared by targets.load
    with pytest.raises(NotAutomated, match=r"^GET /residents \(list_residents\) is not offered: the profile's "
                       r"targets.api.operations does not declare it$"):
        gate.refuse("get", "/residents?changed_since=2024-01-01")
    with pytest.raises(NotAutomated, match=r"^GET /residents/\{宛名番号\}/qualifications \(get_qualifications\)"):
        gate.refuse("GET", "/residents/0000000019/qualifications")
    with pytest.raises(NotAutomated, match=r"^POST /forms/\{form_id\}/data \(issue_form_data\)"):
        gate.refuse("post", "/forms/juminhyo_kojin/data")


def test_a_refusal_is_no_target_error() -> None:
    # The runner tells NOT_AUTOMATED from ERROR by the type: a refusal must never read as a broken vendor.
    assert not issubclass(NotAutomated, TargetError)


def test_the_client_sends_nothing_for_an_undeclared_operation() -> None:
    from conformance.profiles import ApiTarget
    from conformance.targets.http import RequestsHttpClient

    # Port 9 (discard) refuses: a request sent would be an UnreachableError, not this NotAutomated.
    client = RequestsHttpClient(ApiTarget(base_url="http://127.0.0.1:9/api/v1"),
                                unserved=api_gate(("get_resident",), INTERFACES))
    with pytest.raises(NotAutomated, match=r"\(list_residents\) is not offered"):
        client.request("get", "/residents", params={"offset": "0"})
    with pytest.raises(NotAutomated, match=r"\(get_qualifications\) is not offered"):
        client.call("get", "/residents/{宛名番号}/qualifications", {"宛名番号": "0000000019"})
