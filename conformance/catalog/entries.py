"""Catalog documents read entry by entry: every entry of every list validated on its own.

Split from the loader (conformance/catalog/loader.py), which walks the directories and assembles the
edition: here one file becomes its :class:`_Entry` list (one per item of each catalog list, with its id,
its data and what validation made of it) and the located errors of its YAML, its top-level keys and
each entry's model. A bad entry fails only itself. The rules across entries (conformance/catalog/
cross_entry.py) read these entries; the wording of pydantic's errors is conformance/catalog/
validation_errors.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from conformance import messages
from conformance.catalog.catalog import LocatedError
from conformance.catalog.models import ENTRY_MODELS, CatalogDocument
from conformance.catalog.scenario_models import SCENARIO_ENTRY_MODELS
from conformance.catalog.validation_errors import _located, _validate, _without_echoes, _yaml_errors
from conformance.catalog.yamlmarks import MarkedDocument, YamlError, YamlPath, YamlValue, load_yaml

#: Every list a catalog file may hold: CatalogDocument's and the driver's and scenarios' (ScenarioDocument).
_ENTRY_MODELS: dict[str, Any] = {**ENTRY_MODELS, **SCENARIO_ENTRY_MODELS}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {key: TypeAdapter(tp) for key, tp in _ENTRY_MODELS.items()}
_TOP_LEVEL_KEYS = (*CatalogDocument.model_fields, *SCENARIO_ENTRY_MODELS)


# -- catalog documents ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Entry:
    """One entry of one list of one file, with what validation made of it."""

    key: str
    index: int
    document: MarkedDocument
    data: YamlValue
    entry_id: str | None
    model: Any = None
    failed: bool = False

    @property
    def path(self) -> YamlPath:
        return (self.key, self.index)

    @property
    def ok(self) -> bool:
        return self.model is not None and not self.failed

    def where(self, sub: YamlPath = ()) -> str:
        """``file:line`` of ``sub`` within this entry, for messages about another place."""
        return f"{messages.display_path(self.document.path)}:{self.document.line_of(self.path + sub)}"

    def error(self, sub: YamlPath, detail: str) -> LocatedError:
        """Fail this entry with ``detail`` about the field at ``sub``."""
        self.failed = True
        path = self.path + sub
        message = messages.at(path, detail)
        file = messages.display_path(self.document.path)
        return LocatedError(file, self.document.line_of(path), message, self.entry_id)


def _load_document(path: Path) -> tuple[list[_Entry], list[LocatedError]]:
    """Validate one catalog file entry by entry."""
    try:
        document = load_yaml(path, collect_problems=True)
    except YamlError as exc:
        return [], _yaml_errors(exc)
    entries, errors = _top_level(document)
    errors.extend(_problem_errors(document, entries))
    for entry in entries:
        errors.extend(_validate_entry(entry))
    return entries, sorted(errors, key=lambda error: error.line)


def _problem_errors(document: MarkedDocument, entries: list[_Entry]) -> list[LocatedError]:
    """YAML problems (duplicate keys ...) fail the entry they are in, or are file-level errors."""
    file = messages.display_path(document.path)
    by_path = {entry.path: entry for entry in entries}
    errors = []
    for problem in document.problems:
        entry = by_path.get(problem.path[:2])
        if entry is not None:
            entry.failed = True
        entry_id = entry.entry_id if entry is not None else None
        errors.append(LocatedError(file, problem.line, problem.message, entry_id))
    return errors


def _top_level(document: MarkedDocument) -> tuple[list[_Entry], list[LocatedError]]:
    """Split the document into entries; report keys and lists that are not catalog lists."""
    file = messages.display_path(document.path)
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        detail = messages.wrong_type(f"a mapping with keys {messages.listing(_TOP_LEVEL_KEYS)}", data)
        return [], [LocatedError(file, document.line_of(()), detail)]
    entries: list[_Entry] = []
    errors: list[LocatedError] = []
    for key, items in data.items():
        line = document.line_of((key,))
        if key not in _TOP_LEVEL_KEYS:
            errors.append(LocatedError(file, line, messages.unknown_top_level_key(key, _TOP_LEVEL_KEYS)))
        elif isinstance(items, list):
            entries.extend(_Entry(str(key), index, document, item, _entry_id(str(key), item))
                           for index, item in enumerate(items))
        elif items is not None:  # a list whose items are all commented out reads as null
            errors.append(LocatedError(file, line, messages.at((key,), messages.wrong_type("a list", items))))
    return entries, errors


def _entry_id(key: str, data: YamlValue) -> str | None:
    """The id a front end knows the entry by: a binding, a duty or a reason belongs to its requirement."""
    if not isinstance(data, dict):
        return None
    value = data.get("requirement" if key in ("bindings", "duties", "not_automated") else "id")
    return value if isinstance(value, str) else None


def _validate_entry(entry: _Entry) -> list[LocatedError]:
    model, details = _validate(_ADAPTERS[entry.key], entry.data)
    entry.model = model
    tp = _ENTRY_MODELS[entry.key]
    details = _without_echoes(details, tp)
    return [_located(detail, tp, entry.document, entry.path, entry.entry_id) for detail in details]

