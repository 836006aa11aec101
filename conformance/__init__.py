"""conformance: conformance tests for Japan's standard specifications of municipal systems.

The public API is what ``__all__`` names; everything else is internal and may change.

The package in layers, each importing only those below it (docs/architecture.md; ``lint-imports``
checks it): ``catalog/`` (the specifications as data) -> ``profiles``, ``plan`` (a vendor's scope)
-> ``targets/`` (the vendor's system) -> ``checks/`` (what every domain shares) -> ``scenarios/`` ->
``domains/<slug>/`` (everything the judge knows of one domain) -> the run (``runner``, ``session``, ``recorder``,
``validate``, ``reconcile``, ``shipped_checks``, and ``embedded``, the one place that starts the bundled reference
vendor, the separate package ``conformance_reference``) -> ``reporting/`` -> the front ends (``cli/``,
``pytest_plugin``). Below them all: ``oracles/`` (the rules as functions), ``testdata/``, ``columnar/`` (the
export engine), ``masking``, ``results``, ``findings``, ``errors`` and small helpers.
"""

from __future__ import annotations

#: The harness version: the only place it is written (pyproject reads it); results.json, the evidence
#: bundle and the HAR carry it. Bump it with each release and say what changed in CHANGELOG.md.
__version__ = "0.2.0"

from conformance.catalog.catalog import Catalog, EditionCatalog, LocatedError
from conformance.catalog.loader import load_catalog, load_edition
from conformance.catalog.models import Level, Requirement
from conformance.errors import (
    ConformanceError,
    ConformanceFailure,
    ProfileError,
    SpecError,
    TargetError,
    UnreachableError,
    UsageError,
)
from conformance.findings import Finding
from conformance.results import RequirementResult, Status, Verdict

__all__ = [
    "Catalog",
    "ConformanceError",
    "ConformanceFailure",
    "EditionCatalog",
    "Finding",
    "Level",
    "LocatedError",
    "ProfileError",
    "Requirement",
    "RequirementResult",
    "SpecError",
    "Status",
    "TargetError",
    "UnreachableError",
    "UsageError",
    "Verdict",
    "__version__",
    "load_catalog",
    "load_edition",
]
