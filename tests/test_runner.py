"""Plan, registry and runner: how a case becomes a state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType

import pytest
from factories import requirement

from conformance.checks.registry import CheckContext, Registry, check
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.plan import Case
from conformance.profiles import Profile
from conformance.results import Status
from conformance.runner import run_case, stale_waivers

CHECKS = [{"kind": "check", "name": "test.always_finds", "params": {"n": 2}}]


@check("test.always_finds")
def always_finds(ctx: CheckContext) -> Iterator[Finding]:
    for index in range(ctx.params["n"]):
        yield ctx.finding("test.found", f"finding {index}", location=f"/items/{index}")


@check("test.finds_nothing")
def finds_nothing(ctx: CheckContext) -> Iterator[Finding]:
    return iter(())


@check("test.target_breaks")
def target_breaks(ctx: CheckContext) -> Iterator[Finding]:
    raise TargetError("connection refused")


@check("test.crashes")
def crashes(ctx: CheckContext) -> Iterator[Finding]:
    raise KeyError("boom")


@check("test.wholly_declared")
def wholly_declared(ctx: CheckContext) -> Iterator[Finding]:
    ctx.does_not_apply("全部", "all of it", whole=True)  # judges nothing else
    return iter(())


@check("test.partly_declared")
def partly_declared(ctx: CheckContext) -> Iterator[Finding]:
    ctx.does_not_apply("列A", "column A")  # the rest judged, nothing found
    return iter(())


def registry() -> Registry:
    module = ModuleType("checks_under_test")
    for function in (always_finds, finds_nothing, target_breaks, crashes, wholly_declared, partly_declared):
        setattr(module, function.__name__, function)
    reg = Registry()
    reg.add_module(module)
    return reg


def case(checks: list[dict[str, object]], **kwargs: object) -> Case:
    return Case(requirement=requirement(checks=checks), domain="jumin", edition="1.0", **kwargs)  # type: ignore[arg-type]


def test_no_check_is_not_automated_never_pass() -> None:
    result = run_case(case([]), registry())
    assert result.status is Status.NOT_AUTOMATED
    assert result.reason == "no check is bound to this requirement"


def test_manual_only_is_manual_with_the_evidence() -> None:
    result = run_case(case([{"kind": "manual", "evidence": "screenshot of the alert"}]), registry())
    assert (result.status, result.reason) == (Status.MANUAL, "screenshot of the alert")


def test_not_applicable_wins() -> None:
    result = run_case(case(CHECKS, not_applicable="not declared"), registry())
    assert (result.status, result.reason) == (Status.NOT_APPLICABLE, "not declared")


@pytest.mark.parametrize(("names", "judged"), [
    (["test.wholly_declared"], False),
    (["test.partly_declared"], True),
    (["test.wholly_declared", "test.finds_nothing"], True),  # the other check judged and found nothing
])
def test_a_declared_part_s_reason_says_the_rest_was_judged_only_when_it_was(names: list[str], judged: bool) -> None:
    result = run_case(case([{"kind": "check", "name": name} for name in names]), registry())
    assert result.status is Status.NOT_APPLICABLE
    assert result.reason is not None and result.reason.startswith("対象外: ")
    assert ("(nothing else the checks judged has a finding)" in result.reason) is judged
    assert ("（判定したほかの項目に指摘なし）" in result.reason) is judged


def test_every_finding_is_kept_with_its_location() -> None:
    result = run_case(case(CHECKS), registry())
    assert result.status is Status.FAIL
    assert [(f.code, f.location) for f in result.findings] == [("test.found", "/items/0"), ("test.found", "/items/1")]
    assert {f.requirement for f in result.findings} == {"jumin-1.0-3.4-R001"}


def test_no_finding_is_pass() -> None:
    assert run_case(case([{"kind": "check", "name": "test.finds_nothing"}]), registry()).status is Status.PASS


def test_a_broken_target_is_error_not_fail() -> None:
    result = run_case(case([{"kind": "check", "name": "test.target_breaks"}]), registry())
    assert (result.status, result.reason) == (Status.ERROR, "TargetError: connection refused")


def test_a_crashing_check_is_error() -> None:
    result = run_case(case([{"kind": "check", "name": "test.crashes"}]), registry())
    assert result.status is Status.ERROR
    assert result.reason == "check crashed: KeyError: 'boom'"


def test_unknown_check_is_error_with_suggestion() -> None:
    result = run_case(case([{"kind": "check", "name": "test.always_find"}]), registry())
    assert result.status is Status.ERROR
    assert "unknown check 'test.always_find'" in result.reason
    assert "test.always_finds" in result.reason


def test_duplicate_registration_is_an_error() -> None:
    reg = registry()
    with pytest.raises(UsageError, match="registered twice"):
        reg.add("test.crashes", crashes)


def waiver_profile(expires: str) -> Profile:
    return Profile.model_validate({
        "name": "p", "product": "x", "version": "1", "claims": [{"domain": "jumin", "edition": "1.0"}],
        "waivers": [{"requirement": "jumin-1.0-3.4-R001", "reason": "r", "criterion": "③", "ticket": "T-1",
                     "approver": "a", "expires": expires}],
    })


def test_a_waived_failure_is_waived_and_a_passing_waiver_is_stale() -> None:
    waiver = waiver_profile("2099-01-01").waivers[0]
    failing = case(CHECKS, waiver=waiver)
    result = run_case(failing, registry())
    assert result.status is Status.WAIVED and len(result.findings) == 2
    passing = case([{"kind": "check", "name": "test.finds_nothing"}], waiver=waiver)
    passed = run_case(passing, registry())
    assert stale_waivers((passing,), {passed.requirement: passed}) == (
        "waiver for jumin-1.0-3.4-R001 is no longer needed: the requirement passes",
    )


def test_expired_and_unknown_waivers_are_problems() -> None:
    from conformance.catalog.catalog import EditionCatalog
    from conformance.plan import waiver_problems

    edition = EditionCatalog(path=__import__("pathlib").Path("."), edition=None,
                             requirements=(requirement(),))
    assert waiver_problems(waiver_profile("2020-01-01"), [edition], dt.date(2026, 1, 1)) == (
        "waiver for jumin-1.0-3.4-R001 expired on 2020-01-01 (ticket T-1)",
    )
