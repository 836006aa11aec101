"""The kill suite of the modules target of the tool-generated mutants (benchmarks/mutation_tool.py
``--target modules``): what a run judges of 住民記録's and 共通機能's reference modules other than the 異動
operations (forms, certificates, exports, linkage, search, users, logs, 抑止, codes, CSV import, batches,
除票, 共通機能's 付番 API ...), in one process so mutmut's trampolines reach the reference.

One test per requirement of the 住民記録 and 共通機能 editions that has a bound check, judged as ``conformance
run`` judges it (the reference profile's plan, ``runner.run_case``, the registry's checks: the scenarios, the
model's state machine, the form, export, search, user and log checks), against the reference started once
for the module. On the clean reference each of them passes; a mutant is killed when one does not (FAIL,
ERROR or NOT_AUTOMATED). One test per requirement so that mutmut's statistics (which test reached which
function) let a mutant run only the requirements whose judging reached the mutated function: seconds, not
the minute every scenario and the machine take. The machine runs once per process (its result is cached
on the target), in whichever of its requirements comes first. Not part of the test run (``testpaths`` is
``tests``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
#: Every requirement with a bound check, by id (NOT_AUTOMATED on the clean reference too otherwise:
#: nothing a mutant can turn).
CASES: dict[str, tuple[str, Case]] = {
    case.requirement.id: (domain, case)
    for domain, edition in EDITIONS.items() for case in plan_edition(edition, PROFILE)
    if any(isinstance(check, FunctionCheck) for check in case.requirement.checks)}


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TargetSession]:
    """The run's targets: one reference for both editions, the test town loaded as each opens."""
    opened = TargetSession(PROFILE, Path(tmp_path_factory.mktemp("modules")) / "work")
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize("requirement", sorted(CASES))
def test_the_requirement_still_passes(requirement: str, session: TargetSession) -> None:
    domain, case = CASES[requirement]
    result = run_case(case, REGISTRY, lambda: session.target(EDITIONS[domain]))
    found = "; ".join(f"{f.code} {f.location}" for f in result.findings[:3])
    assert (result.status, result.reason, found) == (Status.PASS, result.reason, found)
