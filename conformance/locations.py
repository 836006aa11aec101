"""Where the bundled catalog and source texts are, for a checkout and for an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: A wheel carries the catalog inside the package; a checkout (or editable install) beside it.
_CANDIDATES = (_PACKAGE / "_catalog", _PACKAGE.parent / "spec_catalog")


def default_catalog_root() -> Path:
    """``$CONFORMANCE_CATALOG`` if set, else the catalog shipped with the harness."""
    override = os.environ.get("CONFORMANCE_CATALOG")
    if override:
        return Path(override).resolve()
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    return _CANDIDATES[-1]


def project_root() -> Path:
    """The checkout the package runs from (the spec sources and profiles live there)."""
    return _PACKAGE.parent


def schema_dir(catalog_root: Path) -> Path:
    """Where the catalog's JSON Schemas are committed."""
    return catalog_root / "schema"


def reference_profile() -> Path:
    """The bundled reference vendor's profile, used when a run names no profile."""
    packaged = _PACKAGE / "_profiles" / "reference.yaml"
    return packaged if packaged.is_file() else _PACKAGE.parent / "vendor_profiles" / "reference.yaml"
