"""Importers turn a specification's source text into catalog YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conformance.errors import UsageError
from conformance.locations import project_root
from conformance.messages import did_you_mean
from conformance.spec.importers import jumin_text

Importer = Callable[[Path, Path], jumin_text.ImportReport]

#: (domain, edition) -> (importer, default source directory relative to the project).
_IMPORTERS: dict[tuple[str, str], tuple[Importer, str]] = {
    ("jumin", "1.0"): (jumin_text.import_source, "spec_sources/juminkiroku_v1.0"),
}


def importer_for(domain: str, edition: str) -> tuple[Importer, Path]:
    """The importer and default source directory for a domain and edition."""
    try:
        importer, source = _IMPORTERS[(domain, edition)]
    except KeyError:
        known = [f"{d} {e}" for d, e in _IMPORTERS]
        hint = did_you_mean(f"{domain} {edition}", known)
        raise UsageError(
            f"no importer for {domain} {edition}; available: {', '.join(known)}{hint}"
        ) from None
    return importer, project_root() / source
