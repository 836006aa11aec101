"""Runs one case against a target and concludes a RequirementResult. No pytest here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from conformance.catalog.check_params import check_params
from conformance.catalog.models import FunctionCheck, ManualCheck, Requirement
from conformance.checks.registry import CheckContext, CheckFunction, NotApplicablePart, NotAutomated, Registry
from conformance.errors import ConformanceError, UnreachableError
from conformance.exchanges import serving
from conformance.findings import Finding
from conformance.plan import Case
from conformance.results import UNBOUND, RequirementResult, Status, declared_reason
from conformance.targets.base import Target

TargetProvider = Callable[[], object | None]


def _no_target() -> None:
    return None


def run_case(case: Case, registry: Registry, target: TargetProvider = _no_target) -> RequirementResult:
    """Judge one requirement: not applicable, manual, not automated, or the outcome of its checks.

    A MANUAL requirement carries the case's attestation, if the profile has one. An
    :class:`UnreachableError` is raised, not turned into ERROR: nothing more can be judged.
    """
    if case.not_applicable is not None:
        return _result(case, Status.NOT_APPLICABLE, reason=case.not_applicable)
    checks = case.checks
    automated = [c for c in checks if isinstance(c, FunctionCheck)]
    if not automated:
        manual = [c.evidence for c in checks if isinstance(c, ManualCheck)]
        if manual:
            return RequirementResult(
                requirement=case.requirement.id, domain=case.domain, edition=case.edition,
                level=case.requirement.level.value, status=Status.MANUAL, reason="; ".join(manual),
                attestation=case.attestation, duty=case.requirement.duty,
            )
        if case.left_out:  # every check was left out: none can run for the profile (no shipped binding is so)
            return _result(case, Status.NOT_AUTOMATED, reason=not_applicable_reason(_left_out(case), judged=False))
        return _result(case, Status.NOT_AUTOMATED, reason=_unbound_reason(case.requirement))
    # The exchanges made while judging are tagged with the requirement (conformance.exchanges);
    # the result keeps references to the first MAX_REFERENCES of them, an ERROR's too.
    with serving(case.requirement.id) as served:
        parts: list[NotApplicablePart] = []
        not_run: list[str] = []
        try:
            opened = target()  # only now: a requirement without checks never starts a vendor system
            findings, ran = _run_checks(case, automated, registry, opened, parts, not_run)
        except UnreachableError:
            raise  # the vendor is gone: the front end stops the run (verdict not_run), not one ERROR per case
        except NotAutomated as error:  # e.g. no target at all for a check that needs one: never PASS
            concluded = _result(case, Status.NOT_AUTOMATED, reason=str(error))
        except ConformanceError as error:
            concluded = _result(case, Status.ERROR, reason=f"{type(error).__name__}: {error}")
        except Exception as error:
            concluded = _result(case, Status.ERROR, reason=f"check crashed: {type(error).__name__}: {error}")
        else:
            concluded = _conclude(case, findings, parts, not_run, ran=ran)
    return replace(concluded, exchanges=served.references)


def _run_checks(
    case: Case, checks: list[FunctionCheck], registry: Registry, target: object | None,
    parts: list[NotApplicablePart] | None = None, not_run: list[str] | None = None,
) -> tuple[tuple[Finding, ...], int]:
    """Every check's findings, and how many checks ran whole. A check that breaks does not discard what the others
    found (a file check's findings stand when the API check of the same requirement errors): with findings the
    requirement fails on them; without any, the first error is raised and the requirement is ERROR.
    ``parts`` receives what the checks did not judge because the profile says it does not apply; ``not_run``
    what they did not run because the profile does not offer it (a check's :class:`NotAutomated`, or its
    ``ctx.did_not_run``): the others still run, and the requirement is never PASS beside it (issue 64). Of a
    requirement with several checks, each such reason names its check (``name: reason``), whichever way it came."""
    findings: list[Finding] = []
    broken: Exception | None = None
    missing = not_run if not_run is not None else []
    ran = 0
    declared = parts if parts is not None else []
    for spec in checks:
        before, parts_before = len(missing), len(declared)
        try:
            findings.extend(_run_check(case, spec, registry, target, declared, missing))
            # A check that left a part unrun did not run whole; one that found itself wholly not applicable
            # judged nothing (neither is a check that ran: the reasons must not say the rest was judged).
            ran += len(missing) == before and not any(part.whole for part in declared[parts_before:])
        except UnreachableError:
            raise
        except NotAutomated as error:
            missing.append(str(error))
        except Exception as error:
            broken = broken or error
        if len(checks) > 1:  # which of the checks did not run: each reason says, the same way
            missing[before:] = [_named(spec.name, reason) for reason in missing[before:]]
        missing[before:] = [reason for reason in dict.fromkeys(missing[before:]) if reason not in missing[:before]]
    if broken is not None and not findings:
        raise broken
    return tuple(findings), ran


def _named(check: str, reason: str) -> str:
    """``reason`` prefixed with the name of the check that did not run (once: a check may name itself)."""
    return reason if reason.startswith(f"{check}: ") else f"{check}: {reason}"


def _run_check(
    case: Case, spec: FunctionCheck, registry: Registry, target: object | None,
    parts: list[NotApplicablePart] | None = None, not_run: list[str] | None = None,
) -> list[Finding]:
    function = registry.get(spec.name)
    ctx = CheckContext(requirement=case.requirement, params=spec.params, target=target,
                       not_applicable=parts if parts is not None else [],
                       not_run=not_run if not_run is not None else [])
    model = check_params().get(spec.name)
    if model is not None:  # validated once: the check's ctx.args(model) returns the instance
        ctx = replace(ctx, params=ctx.args(model))
    if not isinstance(target, Target) or len(target.seeds) < 2:
        return list(function(ctx))
    return _every_seed(ctx, function, target)


#: How many findings the run's seeds after the first may add to a check's: each a counterexample of its own
#: (a distinct expected/actual), with its seed; bounded so that a vendor wrong everywhere gets a readable list.
MAX_OTHER_SEED_FINDINGS = 5


def _every_seed(ctx: CheckContext, function: CheckFunction, target: Target) -> list[Finding]:
    """A check judged with each of the run's seeds: the first always, the others only when the check read
    the seed (one that does not gives the same findings whatever the seed). The findings of the first seed,
    then up to :data:`MAX_OTHER_SEED_FINDINGS` distinct ones (code, location, expected, actual) of the others.
    NOT_AUTOMATED only when no seed judged (each raised :class:`NotAutomated`: the first seed's reason); what a seed
    did not run (``ctx.did_not_run``) stands only when no seed ran whole (a later seed's draws that miss a rule the
    first seed's fixed examples exercised take nothing from it)."""
    first = target.seeded(target.seeds[0])
    judged = [_judged(ctx, function, first)]
    if first.seed_use.read:
        judged += [_judged(ctx, function, target.seeded(seed)) for seed in target.seeds[1:]]
    ran = [missing for outcome, missing in judged if not isinstance(outcome, NotAutomated)]
    first_outcome = judged[0][0]
    if isinstance(first_outcome, NotAutomated) and not ran:
        raise _unjudged(first_outcome, target.seeds[1:len(judged)])
    if all(ran):  # no seed ran whole: what the first seed that judged did not run stands (the others' say it again)
        ctx.not_run.extend(reason for reason in ran[0] if reason not in ctx.not_run)
    findings = [] if isinstance(first_outcome, NotAutomated) else list(first_outcome)
    seen = {_distinct(finding) for finding in findings}
    added = 0
    for finding in (finding for outcome, _ in judged[1:] if not isinstance(outcome, NotAutomated)
                    for finding in outcome):
        if _distinct(finding) in seen or added >= MAX_OTHER_SEED_FINDINGS:
            continue
        seen.add(_distinct(finding))
        findings.append(finding)
        added += 1
    ctx.not_applicable[:] = dict.fromkeys(ctx.not_applicable)  # a part each seed found not to apply, said once
    return findings


def _unjudged(first: NotAutomated, others: Sequence[int]) -> NotAutomated:
    """Why no seed judged: the first seed's reason, naming the other seeds that tried (each explored, none met it)."""
    if not others:
        return first
    return NotAutomated(f"{first} (nor with the run's other seeds: {', '.join(str(seed) for seed in others)})")


def _judged(ctx: CheckContext, function: CheckFunction, target: Target) -> tuple[list[Finding] | NotAutomated,
                                                                                 list[str]]:
    """The check's findings with ``target``'s seed, or why it judged nothing with it (a seed whose draws never meet
    what the check judges, e.g. the cross-domain machine's rule that no step compared: another seed may); and what
    it said it did not run with that seed (``ctx.did_not_run``)."""
    missing: list[str] = []
    try:
        return list(function(replace(ctx, target=target, not_run=missing))), missing
    except NotAutomated as unjudged:
        return unjudged, missing


def _distinct(finding: Finding) -> tuple[str, str, str | None, str | None]:
    """What makes two findings of one check two counterexamples rather than one seen twice."""
    return finding.code, finding.where, finding.expected, finding.actual


def _conclude(case: Case, findings: tuple[Finding, ...], parts: Sequence[NotApplicablePart] = (),
              not_run: Sequence[str] = (), *, ran: int = 0) -> RequirementResult:
    """PASS without findings; with findings FAIL, or WAIVED under a valid waiver. What the checks did not judge
    because the profile says it does not apply (``parts``) is never a PASS: without findings the requirement is
    NOT_APPLICABLE with that reason (saying the rest had no finding only when ``ran`` checks judged some); with
    findings the reason names it after the count. What they did not run because the profile does not offer it
    (``not_run``) is never a PASS either: without findings the requirement is NOT_AUTOMATED naming what did not
    run (and, when ``ran`` checks did run, that they are no PASS alone), with findings the count is followed by
    it. The checks the plan left out (``case.left_out``) are said with the parts, and a PASS says them: the
    requirement is judged on the others."""
    left = _left_out(case)
    if not findings:
        if not_run:
            return _result(case, Status.NOT_AUTOMATED, reason=not_run_reason(not_run, [*parts, *left], ran=ran))
        if parts:
            return _result(case, Status.NOT_APPLICABLE, reason=not_applicable_reason([*parts, *left], judged=ran > 0))
        return _result(case, Status.PASS, reason=not_applicable_reason(left) if left else "")
    parts = [*parts, *left]
    also = f"; {not_applicable_reason(parts, judged=False)}" if parts else ""
    also += f"; not judged: {'; '.join(not_run)}" if not_run else ""
    if case.waiver is not None:
        reason = f"waived: {case.waiver.reason} (ticket {case.waiver.ticket}, until {case.waiver.expires})"
        return _result(case, Status.WAIVED, findings, reason + also)
    return _result(case, Status.FAIL, findings, f"{len(findings)} finding(s){also}")


def _left_out(case: Case) -> list[NotApplicablePart]:
    """The checks the plan left out of ``case``'s bindings, as parts the profile's claims make not apply."""
    return [NotApplicablePart(*left.texts) for left in case.left_out]


def not_run_reason(not_run: Sequence[str], parts: Sequence[NotApplicablePart] = (), *, ran: int = 0) -> str:
    """The NOT_AUTOMATED reason of a requirement some of whose checks did not run for the profile: what did not
    run; when ``ran`` checks (or parts of one) did run, that they found nothing but are no PASS alone; then any
    declared-absent part."""
    reason = "; ".join(not_run)
    if ran:
        reason += " (the rest the checks judged has no finding: not PASS on part of the requirement)"
    return reason + (f"; {not_applicable_reason(parts, judged=False)}" if parts else "")


def not_applicable_reason(parts: Sequence[NotApplicablePart], *, judged: bool = True) -> str:
    """The reason of a requirement some of whose parts the profile says do not apply, in both languages
    (:func:`conformance.results.declared_reason`); ``judged``: the rest was judged and found nothing."""
    ja = "；".join(part.ja for part in parts)
    en = "; ".join(part.en for part in parts)
    if judged:
        ja, en = f"{ja}（判定したほかの項目に指摘なし）", f"{en} (nothing else the checks judged has a finding)"
    return declared_reason(ja, en)


def _unbound_reason(requirement: Requirement) -> str:
    """Why a requirement without a check is NOT_AUTOMATED: the catalog's named reason, when it declares one."""
    if requirement.not_automated_reason:
        return f"{UNBOUND}: {requirement.not_automated_reason}"
    return UNBOUND


def _result(
    case: Case, status: Status, findings: tuple[Finding, ...] = (), reason: str = ""
) -> RequirementResult:
    return RequirementResult(
        requirement=case.requirement.id,
        domain=case.domain,
        edition=case.edition,
        level=case.requirement.level.value,
        status=status,
        findings=findings,
        reason=reason,
        duty=case.requirement.duty,
    )


def stale_waivers(cases: tuple[Case, ...], results: dict[str, RequirementResult]) -> tuple[str, ...]:
    """Waivers whose failure no longer occurs: they fail the run so they get removed."""
    return tuple(
        f"waiver for {case.requirement.id} is no longer needed: the requirement passes"
        for case in cases
        if case.waiver is not None and _passed(results.get(case.requirement.id))
    )


def _passed(result: RequirementResult | None) -> bool:
    return result is not None and result.status is Status.PASS
