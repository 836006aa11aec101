"""Every automated requirement has a failing case, or is on the ledger of those that have none yet.

A check counts only when a vendor that breaks its sentence fails it (docs/adding-coverage.md, step 5).
The failing cases as data are the named defects of the reference (``Defect.requirements``: the
requirements each must fail, shown by tests/test_reference_run.py). An automated requirement no defect
claims is judged by a check nobody has yet seen bite: it is listed in ``no_failing_case.txt`` beside
this file, so the gap is visible and can only shrink. A new automated requirement without a defect
fails this test; so does a ledger line whose requirement now has one (or is no longer automated).
"""

from __future__ import annotations

import functools
from pathlib import Path

from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.locations import default_catalog_root
from conformance_reference.defects import DEFECTS

LEDGER = Path(__file__).with_name("no_failing_case.txt")


@functools.cache
def requirements() -> tuple[Requirement, ...]:
    """The requirements of every edition of the catalog (loaded once for the tests here)."""
    editions = sorted(default_catalog_root().glob("*/*/edition.yaml"))
    return tuple(r for path in editions for r in load_edition(path.parent).requirements)


def automated() -> set[str]:
    """The requirements with at least one check function bound (not only MANUAL)."""
    return {r.id for r in requirements() if any(check.kind == "check" for check in r.checks)}


def claimed() -> set[str]:
    """The requirements some named defect must fail."""
    return {requirement for defect in DEFECTS.values() for requirement in defect.requirements}


def ledger() -> set[str]:
    lines = LEDGER.read_text("utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_automated_requirement_has_a_failing_case_or_is_on_the_ledger() -> None:
    missing = automated() - claimed()
    new = sorted(missing - ledger())
    assert not new, f"automated requirements no named defect fails (add a defect, see docs/adding-coverage.md): {new}"


def test_the_ledger_lists_only_requirements_still_without_a_failing_case() -> None:
    stale = sorted(ledger() - (automated() - claimed()))
    assert not stale, f"remove from {LEDGER.name}: they have a failing case now or are not automated: {stale}"


def test_every_claimed_requirement_exists() -> None:
    assert sorted(claimed() - {r.id for r in requirements()}) == []
