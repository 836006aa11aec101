"""The kill suite of the modules target of the tool-generated mutants (benchmarks/mutation_tool.py
``--target modules``): what a run judges of 住民記録's and 共通機能's reference modules other than the 異動
operations (forms, certificates, exports, linkage, search, users, logs, 抑止, codes, CSV import, batches,
除票, 共通機能's 付番 API ...), in one process so mutmut's trampolines reach the reference.

Every requirement of the 住民記録 and 共通機能 editions that has a bound check, judged as ``conformance run``
judges it (the reference profile's plan, ``runner.run_case``, the registry's checks: the scenarios, the
model's state machine, the form, export, search, user and log checks). On the clean reference each of them
passes; a mutant is killed when one does not (FAIL, ERROR or NOT_AUTOMATED).

The requirements are split into groups, one test each, so that mutmut's statistics (which test reached
which function) let a mutant run only the groups whose judging reached the mutated function: seconds, not
the minute every scenario and the machine take. Each test opens its own target (a reference started and the
test town loaded: about a second), because a run shares work between requirements through the target's
cache (the machine runs once, a scenario once, the export is fetched once when the target opens): with one
target for the module, a function would be recorded only against the first test that reached it, and a
mutant of it would be run against that test alone, not against the requirement that judges what it does.
The groups: the requirements bound to the machine together (it runs once for them), those bound to one
other check together (a family's checks share what they fetch), and the scenario-only ones by section.
Not part of the test run (``testpaths`` is ``tests``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mutation_warmup import warm_up

from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.locations import default_catalog_root, reference_profile
from conformance.plan import Case, plan_edition
from conformance.profiles import load_profile
from conformance.results import Status
from conformance.runner import run_case
from conformance.session import TargetSession
from conformance.shipped_checks import default_registry

PROFILE = load_profile(reference_profile())
#: The editions whose reference modules this target mutates (the statute editions are the statute target's).
EDITIONS = {claim.domain: load_edition(default_catalog_root() / claim.domain / claim.edition)
            for claim in PROFILE.claims if claim.domain in ("jumin", "kyotsu")}
REGISTRY = default_registry()
MACHINE = "model.jumin.state_machine"


def group_of(case: Case) -> str | None:
    """The test that judges ``case``: None for a requirement without a bound check (NOT_AUTOMATED on the
    clean reference too: nothing a mutant can turn)."""
    names = sorted({check.name for check in case.requirement.checks if isinstance(check, FunctionCheck)})
    if not names:
        return None
    if MACHINE in names:
        return MACHINE
    other = [name for name in names if name != "scenario.run"]
    # A check's family (forms.member_order -> forms.member_order, file.layout -> file.layout); a
    # scenario-only requirement by its section (jumin-1.0-4.1.1-R002 -> jumin-1.0-4.1.1).
    return other[0] if other else case.requirement.id.rsplit("-", 1)[0]


def _groups() -> dict[str, list[tuple[str, Case]]]:
    grouped: dict[str, list[tuple[str, Case]]] = {}
    for domain, edition in EDITIONS.items():
        for case in plan_edition(edition, PROFILE):
            group = group_of(case)
            if group is not None:
                grouped.setdefault(group, []).append((domain, case))
    return grouped


GROUPS = _groups()


def export_readers(cases: list[tuple[str, Case]]) -> frozenset[str]:
    """The editions (by domain) in which one of ``cases`` is bound to a check that reads the vendor's exports."""
    return frozenset(domain for domain, case in cases for check in case.requirement.checks
                     if isinstance(check, FunctionCheck) and REGISTRY.reads_exports(check.name))


# Once, in the process mutmut forks every child from: the reference's imports (mutation_warmup.py: none whose
# load reaches a mutated function).
warm_up()


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_requirement_of_the_group_still_passes(group: str, tmp_path: Path) -> None:
    # The exports fetched as loaded only where a check of the group reads them, as a run of these requirements alone
    # fetches them (pytest_plugin's _reads_exports; a check reading them undeclared fails): fetched by every test,
    # every export function was reached by every test, and its mutants ran the whole suite.
    readers = export_readers(GROUPS[group])
    session = TargetSession(PROFILE, tmp_path / "work", reads_exports=lambda edition: edition.domain in readers)
    not_passing: dict[str, str] = {}
    try:
        for domain, case in GROUPS[group]:
            result = run_case(case, REGISTRY, lambda domain=domain: session.target(EDITIONS[domain]))
            if result.status is not Status.PASS:
                found = "; ".join(f"{f.code} {f.location}" for f in result.findings[:3])
                not_passing[case.requirement.id] = f"{result.status.value}: {result.reason} {found}".strip()
    finally:
        session.close()
    assert not_passing == {}
