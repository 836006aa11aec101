"""A statute edition's provisions.yaml checked by ``catalog validate``.

provisions.yaml is the statute importer's hand-written input (conformance/catalog/importers/statutes.py), not a
catalog document, so the loader leaves it out of the edition's entries; but an editor who breaks it (a YAML
error, an unknown field, a reading of a wrong type) should hear it from ``conformance catalog validate`` with the
file and line, not first from ``catalog import`` with a pydantic dump and no line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from conformance.catalog.catalog import LocatedError
from conformance.catalog.importers.statutes import PROVISIONS_FILE, Provisions
from conformance.catalog.validation_errors import _located, _validate, _without_echoes, _yaml_errors
from conformance.catalog.yamlmarks import YamlError, load_yaml
from conformance.messages import display_path

_ADAPTER: TypeAdapter[Provisions] = TypeAdapter(Provisions)


def provisions_errors(edition_dir: Path) -> list[LocatedError]:
    """Errors of ``edition_dir``'s provisions.yaml (none when the edition has none), in line order."""
    path = edition_dir / PROVISIONS_FILE
    if not path.is_file():
        return []
    try:
        document = load_yaml(path, collect_problems=True)
    except YamlError as exc:
        return _yaml_errors(exc)
    file = display_path(path)
    errors = [LocatedError(file, problem.line, problem.message) for problem in document.problems]
    _, details = _validate(_ADAPTER, document.data)
    errors.extend(_located(detail, Provisions, document, (), None) for detail in _without_echoes(details, Provisions))
    return sorted(errors, key=lambda error: error.line)
