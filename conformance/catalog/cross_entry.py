"""The rules across the entries of an edition: what no entry's model can see on its own.

Split from the loader (conformance/catalog/loader.py), which runs these over every entry of an edition
(conformance/catalog/entries.py) once each entry is validated: ids unique within an edition, one binding
per requirement, references that name an entry of the edition (requirements, code tables, file layouts
and their columns, driver operations, a scenario's own steps and persons), sentences quoted verbatim
from the requirement, the 業務ID prefix of official ids, and each bound check's name and params
(conformance/catalog/check_params.py, a domain folder's params.py). Each error fails the entry it is located
in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from conformance import messages
from conformance.catalog.catalog import LocatedError
from conformance.catalog.check_params import (
    ApiOpenApiParams,
    FileLayoutParams,
    Params,
    check_params,
    file_rule_families,
)
from conformance.catalog.domains import OfficialIdKind, official_id_error
from conformance.catalog.entries import _Entry
from conformance.catalog.models import FileInterface, Requirement
from conformance.catalog.scenario_models import Scenario
from conformance.catalog.validation_errors import _located, _validate
from conformance.catalog.yamlmarks import YamlPath, YamlValue

#: Lists whose entries carry an ``id`` that must be unique within an edition.
UNIQUE_ID_LISTS = ("requirements", "data_items", "code_tables", "forms", "interfaces", "schemas", "functions",
                   "driver_operations", "scenarios", "interpretations")
#: Official identifiers whose 業務ID prefix must be the edition's domain's: (list, field path, kind).
OFFICIAL_ID_FIELDS: tuple[tuple[str, YamlPath, OfficialIdKind], ...] = (
    ("requirements", ("function_id",), "機能ID"),
    ("requirements", ("form_id",), "帳票ID"),
    ("functions", ("function_id",), "機能ID"),
    ("forms", ("form_id",), "帳票ID"),
    ("data_items", ("official", "data_item_id"), "データ項目ID"),
)


# -- rules across entries ---------------------------------------------------------------------------


def _cross_entry_errors(entries: list[_Entry], *, check_references: bool) -> list[LocatedError]:
    errors = _duplicate_ids(entries)
    errors.extend(_duplicate_bindings(entries))
    errors.extend(_duplicate_bindings(entries, "duties"))
    errors.extend(_duplicate_bindings(entries, "not_automated"))
    if check_references:
        errors.extend(_unknown_references(entries, "bindings", "requirement", "requirements", "requirement"))
        errors.extend(_unknown_references(entries, "duties", "requirement", "requirements", "requirement"))
        errors.extend(_unknown_references(entries, "not_automated", "requirement", "requirements", "requirement"))
        errors.extend(_outside_duty_errors(entries))
        errors.extend(_stale_not_automated(entries))
        errors.extend(_unknown_references(entries, "data_items", "code_table", "code_tables", "code table"))
        errors.extend(_layout_reference_errors(entries))
        errors.extend(_scenario_reference_errors(entries))
    return errors


def _official_id_errors(entries: Iterable[_Entry], domain: str) -> list[LocatedError]:
    """Official ids (機能ID, 帳票ID, データ項目ID) whose 業務ID prefix is not the domain's."""
    errors = []
    for entry in entries:
        if not entry.ok:
            continue  # a malformed id is already reported by the model
        for key, path, kind in OFFICIAL_ID_FIELDS:
            value = _dig(entry.data, path) if entry.key == key else None
            detail = official_id_error(kind, value, domain) if isinstance(value, str) else None
            if detail is not None:
                errors.append(entry.error(path, detail))
    return errors


def _check_errors(entries: Sequence[_Entry]) -> list[LocatedError]:
    """Checks (of requirements and bindings) whose name is no check of the harness, whose params do
    not fit the check's schema (conformance/catalog/check_params.py, a domain folder's params.py), or whose
    params name a file layout, API operation or data item the edition does not have."""
    known = _EditionNames.of(entries)
    errors: list[LocatedError] = []
    for entry in entries:
        checks = entry.data.get("checks") if entry.key in ("requirements", "bindings") and isinstance(
            entry.data, dict) else None
        if not isinstance(checks, list):
            continue
        for index, check in enumerate(checks):
            if isinstance(check, dict) and check.get("kind") == "check" and isinstance(check.get("name"), str):
                errors.extend(_one_check_errors(entry, ("checks", index), check, known))
    return errors


@dataclass(frozen=True)
class _EditionNames:
    """What check params may refer to in an edition."""

    file_layouts: tuple[str, ...]
    api_operations: tuple[str, ...]
    data_items: tuple[str, ...]

    @classmethod
    def of(cls, entries: Sequence[_Entry]) -> _EditionNames:
        def ids(kind: str) -> tuple[str, ...]:
            return tuple(e.entry_id for e in entries if e.key == "interfaces" and e.entry_id is not None
                         and isinstance(e.data, dict) and e.data.get("kind") == kind)

        names = tuple(str(e.data["name"]) for e in entries
                      if e.key == "data_items" and isinstance(e.data, dict) and isinstance(e.data.get("name"), str))
        return cls(ids("file"), ids("api"), names)


def _one_check_errors(
    entry: _Entry, at: YamlPath, check: Mapping[Any, Any], known: _EditionNames
) -> list[LocatedError]:
    name = str(check["name"])
    model = check_params().get(name)
    if model is None:
        names = sorted(check_params())
        return [entry.error((*at, "name"), messages.unknown_reference("check", name, names))]
    parsed, details = _validate(TypeAdapter(model), check.get("params") or {})
    if details:
        entry.failed = True
        base = (*entry.path, *at, "params")
        return [_located(detail, model, entry.document, base, entry.entry_id) for detail in details]
    return list(_param_reference_errors(entry, (*at, "params"), parsed, known))


def _param_reference_errors(entry: _Entry, at: YamlPath, params: Any, known: _EditionNames) -> Iterator[LocatedError]:
    if isinstance(params, FileLayoutParams):
        families = file_rule_families()
        for index, rule in enumerate(params.rules or ()):
            if rule not in families:
                yield entry.error((*at, "rules", index), messages.not_allowed(rule, families))
    if isinstance(params, FileLayoutParams) and params.layout not in known.file_layouts:
        detail = messages.unknown_reference("file layout", params.layout, known.file_layouts)
        yield entry.error((*at, "layout"), detail)
    if isinstance(params, ApiOpenApiParams):
        for index, operation in enumerate(params.operations or ()):
            if operation not in known.api_operations:
                detail = messages.unknown_reference("API operation", operation, known.api_operations)
                yield entry.error((*at, "operations", index), detail)
    if isinstance(params, Params):
        for path, item in params.data_items():
            if item not in known.data_items:
                yield entry.error((*at, *path), messages.unknown_reference("data item", item, known.data_items))


def _dig(data: YamlValue, path: YamlPath) -> YamlValue:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(str(part))
    return data


def _duplicate_ids(entries: Iterable[_Entry]) -> list[LocatedError]:
    first: dict[tuple[str, str], _Entry] = {}
    errors = []
    for entry in entries:
        if entry.key not in UNIQUE_ID_LISTS or entry.entry_id is None:
            continue
        seen = first.setdefault((entry.key, entry.entry_id), entry)
        if seen is not entry:
            errors.append(entry.error(("id",), messages.duplicate("id", entry.entry_id, seen.where(("id",)))))
    return errors


def _duplicate_bindings(entries: Iterable[_Entry], key: str = "bindings") -> list[LocatedError]:
    """A second binding (or duty declaration, ``key`` duties) for one requirement."""
    first: dict[str, _Entry] = {}
    errors = []
    for entry in entries:
        if entry.key != key or entry.entry_id is None:
            continue
        seen = first.setdefault(entry.entry_id, entry)
        if seen is not entry:
            duplicate = {"bindings": messages.duplicate_binding, "duties": messages.duplicate_duty}.get(
                key, messages.duplicate_not_automated)
            message = duplicate(entry.entry_id, seen.where(("requirement",)))
            errors.append(entry.error(("requirement",), message))
    return errors


def _outside_duty_errors(entries: Sequence[_Entry]) -> list[LocatedError]:
    """A requirement declared ``outside`` the municipality's system that a check judges: a check judges the
    system, so one of the two is wrong (the run would make it NOT_APPLICABLE and drop the check)."""
    checked = _judged(entries, _has_function_check)
    return [entry.error(("duty",), messages.outside_but_checked(str(entry.entry_id)))
            for entry in entries if entry.key == "duties" and isinstance(entry.data, dict)
            and entry.data.get("duty") == "outside" and entry.entry_id in checked]


def _stale_not_automated(entries: Sequence[_Entry]) -> list[LocatedError]:
    """A reason why no check judges a requirement that a check or a procedure (its own, a binding's, a scenario's)
    judges: the reason would be shown for a requirement that is judged."""
    judged = _judged(entries, lambda checks: isinstance(checks, list) and bool(checks))
    return [entry.error(("requirement",), messages.judged_but_not_automated(str(entry.entry_id)))
            for entry in entries if entry.key == "not_automated" and entry.entry_id in judged]


def _judged(entries: Sequence[_Entry], counts: Callable[[object], bool]) -> set[str | None]:
    """The ids of the requirements whose own or bound ``checks`` ``counts``, and those a scenario lists (its
    ``scenario.run`` check)."""
    judged = {entry.entry_id for entry in entries if entry.key in ("requirements", "bindings")
              and isinstance(entry.data, dict) and counts(entry.data.get("checks"))}
    for entry in entries:
        listed = entry.data.get("requirements") if entry.key == "scenarios" and isinstance(entry.data, dict) else None
        if isinstance(listed, list):
            judged.update(requirement for requirement in listed if isinstance(requirement, str))
    return judged


def _has_function_check(checks: object) -> bool:
    return isinstance(checks, list) and any(isinstance(c, dict) and c.get("kind") == "check" for c in checks)


def _unknown_references(
    entries: Sequence[_Entry], key: str, field: str, target: str, what: str
) -> list[LocatedError]:
    """Entries of list ``key`` whose ``field`` names no entry of list ``target``."""
    known = [entry.entry_id for entry in entries if entry.key == target and entry.entry_id is not None]
    known_set = set(known)
    errors = []
    for entry in entries:
        value = entry.data.get(field) if entry.key == key and isinstance(entry.data, dict) else None
        if isinstance(value, str) and value not in known_set:
            errors.append(entry.error((field,), messages.unknown_reference(what, value, known)))
    return errors


def _layout_reference_errors(entries: Sequence[_Entry]) -> list[LocatedError]:
    """File layouts whose ``references`` name a layout that is no file layout of the edition, or a
    key that is no column of it (the referencing column is checked by FileInterface itself)."""
    interfaces = [entry for entry in entries if entry.key == "interfaces" and entry.entry_id is not None]
    layouts = {entry.entry_id: entry.model for entry in interfaces if isinstance(entry.model, FileInterface)}
    kinds = {entry.entry_id: entry.data.get("kind") for entry in interfaces if isinstance(entry.data, dict)}
    errors: list[LocatedError] = []
    for entry in interfaces:
        if isinstance(entry.model, FileInterface):
            errors.extend(_reference_errors(entry, entry.model, layouts, kinds))
    return errors


def _reference_errors(
    entry: _Entry, layout: FileInterface, layouts: Mapping[str | None, FileInterface], kinds: Mapping[str | None, Any]
) -> Iterator[LocatedError]:
    for index, reference in enumerate(layout.references):
        other, kind = layouts.get(reference.layout), kinds.get(reference.layout)
        if other is None and kind == "file":
            continue  # an invalid layout: its own errors say why
        if other is None:
            known = [name for name in layouts if name is not None]
            detail = messages.not_a_file_layout(reference.layout, known, kind if isinstance(kind, str) else None)
            yield entry.error(("references", index, "layout"), detail)
            continue
        headers = [column.header for column in other.columns]
        if reference.key not in headers:
            detail = messages.unknown_layout_column(reference.key, headers, reference.layout)
            yield entry.error(("references", index, "key"), detail)


def _scenario_reference_errors(entries: Sequence[_Entry]) -> list[LocatedError]:
    """Scenarios that name an unknown requirement, driver operation, step or person."""
    requirements = [entry.entry_id for entry in entries if entry.key == "requirements" and entry.entry_id]
    texts = {entry.entry_id: entry.model.text for entry in entries
             if entry.key == "requirements" and entry.entry_id and isinstance(entry.model, Requirement)}
    operations = [entry.entry_id for entry in entries if entry.key == "driver_operations" and entry.entry_id]
    known_requirements, known_operations = set(requirements), set(operations)
    errors: list[LocatedError] = []
    for entry in entries:
        if entry.key != "scenarios" or not isinstance(entry.model, Scenario):
            continue
        scenario = entry.model
        for index, requirement_id in enumerate(scenario.requirements):
            if requirement_id not in known_requirements:
                detail = messages.unknown_reference("requirement", requirement_id, requirements)
                errors.append(entry.error(("requirements", index), detail))
        for index, check in enumerate(scenario.checks):
            if check.requirement not in scenario.requirements:
                detail = messages.unknown_reference("requirement of this scenario", check.requirement,
                                                    list(scenario.requirements))
                errors.append(entry.error(("checks", index, "requirement"), detail))
            elif check.requirement in texts:
                missing = not_quoted(check.sentence, texts[check.requirement])
                if missing is not None:
                    detail = (f"the sentence is not verbatim from {check.requirement}: {missing!r} is not in its text "
                              "(quote the requirement's words; … or ... marks a cut)")
                    errors.append(entry.error(("checks", index, "sentence"), detail))
        for index, step in enumerate(scenario.steps):
            if step.op not in known_operations:
                detail = messages.unknown_reference("driver operation", step.op, operations)
                errors.append(entry.error(("steps", index, "op"), detail))
        errors.extend(_scenario_name_errors(entry, scenario))
    return errors


def not_quoted(sentence: str, text: str) -> str | None:
    """The first part of a scenario's quoted ``sentence`` (parts cut by … or ...) that is not in the
    requirement's ``text``, or None when every part is verbatim."""
    for part in sentence.replace("...", "…").split("…"):
        if part.strip() and part.strip() not in text:
            return part.strip()
    return None


def _scenario_name_errors(entry: _Entry, scenario: Scenario) -> Iterator[LocatedError]:
    """Steps and persons a scenario refers to must be its own (a step only to an earlier one)."""
    persons = [person.name for person in scenario.given.persons]
    persons += [name for step in scenario.steps for name in step.creates]
    steps = [step.id for step in scenario.steps]
    for index, expect in enumerate(scenario.expect):
        step = getattr(expect, "step", None)
        if isinstance(step, str) and step not in steps:
            yield entry.error(("expect", index, "step"), messages.unknown_reference("step", step, steps))
        person = getattr(expect, "person", None)
        if isinstance(person, str) and person not in persons:
            yield entry.error(("expect", index, "person"), messages.unknown_reference("person", person, persons))
    for index, step in enumerate(scenario.steps):
        for name, value in step.params.items():
            path: YamlPath = ("steps", index, "params", name)
            refs = [((*path, at), ref) for at, ref in enumerate(value)] if isinstance(value, tuple) else [(path, value)]
            for where, ref in refs:
                yield from _ref_errors(entry, where, ref, persons, steps[:index])


def _ref_errors(
    entry: _Entry, path: YamlPath, value: object, persons: list[str], earlier: list[str]
) -> Iterator[LocatedError]:
    person = getattr(value, "person", None)
    if isinstance(person, str) and person not in persons:
        yield entry.error((*path, "person"), messages.unknown_reference("person", person, persons))
    step = getattr(value, "step", None) if not isinstance(value, str) else None
    if isinstance(step, str) and step not in earlier:
        yield entry.error((*path, "step"), messages.unknown_reference("earlier step", step, earlier))
