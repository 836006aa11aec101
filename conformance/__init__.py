"""conformance: conformance tests for Japan's standard specifications of municipal systems.

The public API is what ``__all__`` names; everything else is internal and may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

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
from conformance.spec.catalog import Catalog, EditionCatalog, LocatedError
from conformance.spec.loader import load_catalog, load_edition
from conformance.spec.models import Level, Requirement

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
