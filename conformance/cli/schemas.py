"""JSON Schemas of the catalog files and the vendor profile, committed for editor completion."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from conformance.catalog.contract import DomainContract
from conformance.catalog.importers.statutes import Provisions
from conformance.catalog.models import CatalogDocument, Edition, Form
from conformance.catalog.scenario_models import ScenarioDocument
from conformance.profiles import AttestationFile, Profile
from conformance.results_schema import ResultsDocument

_SCHEMAS: dict[str, type[BaseModel]] = {
    "edition.schema.json": Edition,
    "catalog-document.schema.json": CatalogDocument,
    "scenarios.schema.json": ScenarioDocument,
    "profile.schema.json": Profile,
    "attestations.schema.json": AttestationFile,
    "results.schema.json": ResultsDocument,
    "form.schema.json": Form,
    "provisions.schema.json": Provisions,
    "contract.schema.json": DomainContract,
}


def schema_files() -> dict[str, str]:
    """File name -> schema text, deterministic so the committed copy can be compared."""
    return {
        name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in _SCHEMAS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
