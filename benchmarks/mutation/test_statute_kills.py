"""The kill suite of the statute target of the tool-generated mutants (benchmarks/mutation_tool.py
``--target statute``): what a run judges of the reference's units of the 19 statute domains, in one
process so mutmut's trampolines reach the reference.

One test per statute edition the reference profile claims: every requirement of it is judged as
``conformance run`` judges it (the plan of the profile, ``runner.run_case``, the registry's checks:
the scenario checks against the per-person query and the driver, the statute form checks), against
the reference started once for the module. On the clean reference every requirement with a bound
check passes; a mutant is killed when any of them does not (FAIL, ERROR or NOT_AUTOMATED). One test
per edition so that mutmut runs, for a mutant, only the editions whose run reached the mutated
function. The catalog is loaded once, at import. Not part of the test run (``testpaths`` is ``tests``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutation_warmup import warm_up

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.locations import default_catalog_root, reference_profile
from conformance.plan import plan_edition
from conformance.profiles import load_profile
from conformance.results import Status
from conformance.runner import run_case
from conformance.session import TargetSession
from conformance.shipped_checks import default_registry

PROFILE = load_profile(reference_profile())
#: The statute editions the reference claims (住民記録 and 共通機能 are the default target's).
EDITIONS = {claim.domain: load_edition(default_catalog_root() / claim.domain / claim.edition)
            for claim in PROFILE.claims if claim.domain not in ("jumin", "kyotsu")}
REGISTRY = default_registry()
# Once, in the process mutmut forks every child from: the reference's imports (mutation_warmup.py: none whose
# load reaches a mutated function).
warm_up()


def _reads_exports(edition: EditionCatalog) -> bool:
    """Whether a check bound in ``edition`` reads the exports, as a run asks it (pytest_plugin): an edition none of
    whose checks does gets no export snapshot when it opens (seconds in every mutant's child, judging nothing)."""
    return any(isinstance(bound, FunctionCheck) and REGISTRY.reads_exports(bound.name)
               for requirement in edition.requirements for bound in requirement.checks)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TargetSession]:
    """The run's targets: one reference for every edition, the test town loaded as each opens."""
    opened = TargetSession(PROFILE, Path(tmp_path_factory.mktemp("statute")) / "work", reads_exports=_reads_exports)
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize("domain", sorted(EDITIONS))
def test_every_checked_requirement_still_passes(domain: str, session: TargetSession) -> None:
    edition = EDITIONS[domain]
    # A binding the catalog cannot load leaves its requirement without checks, which this suite skips: every mutant
    # only those checks reach would survive. mutmut refreshes the Python files of its copy, not the others (a domain's
    # texts.yaml names its checks): a stale copy once read so (docs/model.md, pension.x_kokumin_nenkin__mutmut_73).
    # Fail the clean run instead (mutmut stops): delete the target's mutants/ and run again.
    assert [str(error) for error in edition.errors] == [], "the catalog does not load as the harness reads it"
    not_passing: dict[str, str] = {}
    # Under a mutant (mutmut names it in MUTANT_UNDER_TEST) the first requirement not passing kills it: the others
    # would not change the verdict, only its cost. The clean run judges every requirement and lists all it finds.
    under_mutant = "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", "")
    for case in plan_edition(edition, PROFILE):
        if case.not_applicable is not None:
            continue  # NOT_APPLICABLE by the profile (an optional function it does not declare): no mutant turns it
        if not any(isinstance(check, FunctionCheck) for check in case.requirement.checks):
            continue  # NOT_AUTOMATED on the clean reference too: nothing a mutant can turn
        result = run_case(case, REGISTRY, lambda: session.target(edition))
        if result.status is not Status.PASS:
            found = "; ".join(f"{f.code} {f.location}" for f in result.findings[:3])
            not_passing[case.requirement.id] = f"{result.status.value}: {result.reason} {found}".strip()
            if under_mutant:
                break
    assert not_passing == {}
