"""Load and validate catalog YAML, entry by entry, into errors a spec editor can act on.

Every entry of every list is validated on its own, so a bad entry fails only itself. Validation
runs in pydantic's JSON mode: YAML data has JSON's types, and strict *Python* mode would demand
enum instances where a file can only hold strings. Pydantic's errors are then reworded with the
field path, the bad value, what is allowed and a did-you-mean, at the line of the offending key.

This module holds the public API (``load_catalog``, ``load_edition``, ``validate_path``, ``load_model``),
the walk of a catalog root's directories, ``edition.yaml`` and the assembling of an
:class:`~conformance.catalog.catalog.EditionCatalog` from the valid entries. The rest, one way below it:
``entries`` (one file read entry by entry), ``cross_entry`` (the rules across the entries of an edition)
and ``validation_errors`` (pydantic's errors reworded and located).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter

from conformance import messages
from conformance.catalog.catalog import Catalog, EditionCatalog, LocatedError, edition_sort_key
from conformance.catalog.cross_entry import (
    OFFICIAL_ID_FIELDS,
    UNIQUE_ID_LISTS,
    _check_errors,
    _cross_entry_errors,
    _official_id_errors,
    not_quoted,
)
from conformance.catalog.entries import _Entry, _load_document
from conformance.catalog.models import (
    DOMAIN_SLUGS,
    EDITION_PATTERN,
    ApiInterface,
    Binding,
    CatalogModel,
    Check,
    CodeTable,
    DataItem,
    DutyDeclaration,
    Edition,
    FileInterface,
    Form,
    FunctionCheck,
    FunctionEntry,
    ManualCheck,
    NotAutomatedDeclaration,
    Requirement,
    Schema,
)
from conformance.catalog.provisions_file import provisions_errors
from conformance.catalog.scenario_models import DriverOperation, Interpretation, Scenario
from conformance.catalog.validation_errors import _located, _validate, _without_echoes, _yaml_errors
from conformance.catalog.yamlmarks import MarkedDocument, YamlError, load_yaml
from conformance.errors import UsageError

# The rules across entries moved to cross_entry.py; their public names stay importable from here.
__all__ = [
    "EDITION_FILE",
    "NON_CATALOG_DIRS",
    "OFFICIAL_ID_FIELDS",
    "PROVISIONS_FILE",
    "SCENARIO_CHECK",
    "UNIQUE_ID_LISTS",
    "load_catalog",
    "load_edition",
    "load_model",
    "not_quoted",
    "validate_path",
]

EDITION_FILE = "edition.yaml"
#: The hand-written input of a statute edition's importer (importers/statutes.py), not a catalog document.
PROVISIONS_FILE = "provisions.yaml"
#: Directories under a catalog root that hold no catalog data.
NON_CATALOG_DIRS = frozenset({"schema", "contract"})
#: The check a scenario binds to each of its requirements (conformance/scenarios/check.py).
SCENARIO_CHECK = "scenario.run"

_EDITION_ADAPTER: TypeAdapter[Edition] = TypeAdapter(Edition)

_M = TypeVar("_M", bound=BaseModel)


# -- public API -----------------------------------------------------------------------------------


def load_catalog(root: Path) -> Catalog:
    """Load every ``<domain>/<edition>/`` below ``root``; ``UsageError`` if ``root`` is no directory."""
    if not root.is_dir():
        raise UsageError(f"catalog root not found: {messages.display_path(root)}")
    editions: list[EditionCatalog] = []
    errors: list[LocatedError] = []
    for child in _listing(root):
        if child.is_dir() and child.name not in NON_CATALOG_DIRS:
            _load_domain_into(child, editions, errors)
        elif _is_yaml(child):
            errors.append(_path_error(child, messages.stray_yaml_file()))
    editions.sort(key=lambda edition: edition_sort_key(edition.path.parent.name, edition.path.name))
    all_errors = [*errors, *(error for edition in editions for error in edition.errors)]
    return Catalog(root=root, editions=tuple(editions), errors=tuple(all_errors))


#: Editions loaded in this process, by what their files were when read (a run loads each edition two
#: or three times: the catalog, the profile's claimed editions, the test town's 住民記録).
_LOADED: dict[tuple[str, str, tuple[tuple[str, str], ...]], EditionCatalog] = {}


def load_edition(directory: Path) -> EditionCatalog:
    """Load one edition directory: ``edition.yaml`` plus every other ``*.yaml`` below it.

    An edition whose files are unchanged since this process read them (same paths and bytes, same
    working directory for the paths its errors name) is not parsed again: an :class:`EditionCatalog`
    is immutable, and hashing the files costs a hundredth of parsing them."""
    key = (str(directory.resolve()), os.getcwd(), _signature(directory))
    loaded = _LOADED.get(key)
    if loaded is None:
        loaded = _LOADED[key] = _load_edition_uncached(directory)
    return loaded


def _signature(directory: Path) -> tuple[tuple[str, str], ...]:
    """Every file below ``directory`` with a digest of its bytes (an unreadable one: a fresh mark, so
    the edition is loaded again and says what is wrong)."""
    found: list[tuple[str, str]] = []
    for path in sorted(directory.rglob("*")):
        try:
            if stat.S_ISREG(path.stat().st_mode):
                found.append((str(path), hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()))
        except OSError:
            found.append((str(path), f"unreadable-{next(_UNREADABLE)}"))
    return tuple(found)


_UNREADABLE = itertools.count()


def _load_edition_uncached(directory: Path) -> EditionCatalog:
    edition, errors = _load_edition_file(directory)
    files, file_errors = _catalog_files(directory)
    errors.extend(file_errors)
    entries: list[_Entry] = []
    for path in files:
        file_entries, entry_errors = _load_document(path)
        entries.extend(file_entries)
        errors.extend(entry_errors)
    errors.extend(_cross_entry_errors(entries, check_references=True))
    if edition is not None:
        errors.extend(_official_id_errors(entries, edition.domain))
    errors.extend(_check_errors(entries))
    errors.extend(provisions_errors(directory))
    return _edition_catalog(directory, edition, entries, _in_file_order(errors, directory, files))


def validate_path(path: Path) -> list[LocatedError]:
    """Errors of a catalog root, a domain or edition directory, or a single YAML file."""
    if path.is_dir():
        return _validate_directory(path)
    if path.is_file() and _is_yaml(path):
        return _validate_file(path)
    if path.is_file():
        raise UsageError(f"not a YAML file: {messages.display_path(path)}")
    raise UsageError(f"no such file or directory: {messages.display_path(path)}")


# -- directory walking ------------------------------------------------------------------------------


def _listing(directory: Path) -> list[Path]:
    """Children in name order, without hidden ones (``.git``, editor files)."""
    return sorted(child for child in directory.iterdir() if not child.name.startswith("."))


def _is_yaml(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml")


def _path_error(path: Path, message: str) -> LocatedError:
    # A directory or unread file has no line to point at; line 1 keeps the file:line form.
    return LocatedError(messages.display_path(path), 1, message)


def _load_domain_into(directory: Path, editions: list[EditionCatalog], errors: list[LocatedError]) -> None:
    if directory.name not in DOMAIN_SLUGS:
        errors.append(_path_error(directory, messages.unknown_domain_directory(directory.name, DOMAIN_SLUGS)))
        return
    for child in _listing(directory):
        if child.is_dir() and re.fullmatch(EDITION_PATTERN, child.name):
            editions.append(load_edition(child))
        elif child.is_dir():
            message = messages.bad_edition_directory(child.name, _edition_guess(child.name))
            errors.append(_path_error(child, message))
        elif _is_yaml(child):
            errors.append(_path_error(child, messages.stray_yaml_file()))


def _edition_guess(name: str) -> str | None:
    """``v1.0`` or ``1.0.0`` -> ``1.0``: the edition number hidden in a misnamed directory."""
    found = re.search(r"[0-9]+\.[0-9]+", name)
    return found.group(0) if found else None


def _catalog_files(directory: Path) -> tuple[list[Path], list[LocatedError]]:
    """The catalog files of an edition, sorted by relative path; ``.yml`` files are reported."""
    files: list[Path] = []
    errors: list[LocatedError] = []
    for path in sorted(directory.rglob("*.y*ml"), key=lambda found: found.relative_to(directory).parts):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix == ".yml":
            errors.append(_path_error(path, messages.wrong_extension()))
        elif path.suffix == ".yaml" and relative.parts not in ((EDITION_FILE,), (PROVISIONS_FILE,)):
            files.append(path)
    return files, errors


def _in_file_order(
    errors: list[LocatedError], directory: Path, files: list[Path]
) -> tuple[LocatedError, ...]:
    """Errors sorted by file (``edition.yaml`` first, then the load order) and line."""
    ranks = {messages.display_path(path): rank for rank, path in enumerate(files, start=1)}
    ranks[messages.display_path(directory / EDITION_FILE)] = 0
    ranks[messages.display_path(directory / PROVISIONS_FILE)] = len(files) + 1
    return tuple(sorted(errors, key=lambda error: (ranks.get(error.file, -1), error.line)))


def _validate_directory(path: Path) -> list[LocatedError]:
    if (path / EDITION_FILE).is_file() or _looks_like_edition_dir(path):
        return list(load_edition(path).errors)
    if path.name in DOMAIN_SLUGS:
        editions: list[EditionCatalog] = []
        errors: list[LocatedError] = []
        _load_domain_into(path, editions, errors)
        return [*errors, *(error for edition in editions for error in edition.errors)]
    return list(load_catalog(path).errors)


def _looks_like_edition_dir(path: Path) -> bool:
    return bool(re.fullmatch(EDITION_PATTERN, path.name)) and path.absolute().parent.name in DOMAIN_SLUGS


def _validate_file(path: Path) -> list[LocatedError]:
    """A file inside an edition is checked with its edition, so cross-file rules apply too."""
    for parent in path.absolute().parents:
        if (parent / EDITION_FILE).is_file():
            target = path.resolve()
            return [error for error in load_edition(parent).errors if Path(error.file).resolve() == target]
    entries, errors = _load_document(path)
    return [*errors, *_cross_entry_errors(entries, check_references=False)]


# -- edition.yaml -----------------------------------------------------------------------------------


def _load_edition_file(directory: Path) -> tuple[Edition | None, list[LocatedError]]:
    path = directory / EDITION_FILE
    if not path.is_file():
        required = [name for name, info in Edition.model_fields.items() if info.is_required()]
        return None, [_path_error(path, messages.missing_edition_file(required))]
    edition, errors, document = _load_model(path, Edition)
    if edition is not None and document is not None:
        errors.extend(_layout_errors(edition, directory, document))
    return (edition if not errors else None), errors


def load_model(path: Path, model: type[_M]) -> tuple[_M | None, list[LocatedError]]:
    """Read one YAML file and validate it as ``model``, with errors located like catalog errors
    (used for vendor profiles too, so every user-facing file speaks the same way)."""
    value, errors, _ = _load_model(path, model)
    return value, errors


def _load_model(
    path: Path, model: type[_M]
) -> tuple[_M | None, list[LocatedError], MarkedDocument | None]:
    try:
        document = load_yaml(path, collect_problems=True)
    except YamlError as exc:
        return None, _yaml_errors(exc), None
    file = messages.display_path(path)
    errors = [LocatedError(file, problem.line, problem.message) for problem in document.problems]
    data = {} if document.data is None else document.data
    value, details = _validate(TypeAdapter(model), data)
    details = _without_echoes(details, model)
    errors.extend(_located(detail, model, document, (), None) for detail in details)
    return (value if not errors else None), errors, document


def _layout_errors(edition: Edition, directory: Path, document: MarkedDocument) -> list[LocatedError]:
    """``edition.yaml`` must agree with the ``<domain>/<edition>`` directory it is in."""
    file = messages.display_path(document.path)
    errors = []
    for field, directory_name in (("domain", directory.absolute().parent.name), ("edition", directory.name)):
        value = getattr(edition, field)
        if value != directory_name:
            message = messages.at((field,), messages.directory_mismatch(value, directory_name))
            errors.append(LocatedError(file, document.line_of((field,)), message))
    return errors



# -- assembling the result --------------------------------------------------------------------------


def _edition_catalog(
    directory: Path, edition: Edition | None, entries: list[_Entry], errors: tuple[LocatedError, ...]
) -> EditionCatalog:
    interfaces = tuple(
        model for model in _models(entries, "interfaces", CatalogModel)
        if isinstance(model, ApiInterface | FileInterface)
    )
    return EditionCatalog(
        path=directory,
        edition=edition,
        requirements=_requirements_with_bindings(entries),
        data_items=_models(entries, "data_items", DataItem),
        code_tables=_models(entries, "code_tables", CodeTable),
        forms=_models(entries, "forms", Form),
        interfaces=interfaces,
        schemas=_models(entries, "schemas", Schema),
        errors=errors,
        functions=_models(entries, "functions", FunctionEntry),
        driver_operations=_models(entries, "driver_operations", DriverOperation),
        scenarios=_models(entries, "scenarios", Scenario),
        interpretations=_models(entries, "interpretations", Interpretation),
    )


def _models(entries: Iterable[_Entry], key: str, cls: type[_M]) -> tuple[_M, ...]:
    return tuple(
        entry.model for entry in entries if entry.key == key and entry.ok and isinstance(entry.model, cls)
    )


def _requirements_with_bindings(entries: list[_Entry]) -> tuple[Requirement, ...]:
    """Valid requirements, with the checks of their binding appended to their own, a
    ``scenario.run`` check for each scenario bound to them, their declared duty (duties.yaml) and why no check judges
    them yet (not_automated.yaml)."""
    bound: dict[str, tuple[Check, ...]] = {
        binding.requirement: binding.checks for binding in _models(entries, "bindings", Binding)}
    for scenario in _models(entries, "scenarios", Scenario):
        check = FunctionCheck(kind="check", name=SCENARIO_CHECK, params={"scenario": scenario.id})
        for requirement_id in dict.fromkeys(scenario.requirements):
            bound[requirement_id] = (*bound.get(requirement_id, ()), check)
    duties = {duty.requirement: duty for duty in _models(entries, "duties", DutyDeclaration)}
    reasons = {gap.requirement: gap.reason for gap in _models(entries, "not_automated", NotAutomatedDeclaration)}
    requirements = (
        requirement.model_copy(update={"checks": requirement.checks + bound[requirement.id]})
        if requirement.id in bound else requirement
        for requirement in _models(entries, "requirements", Requirement)
    )
    with_duties = (with_duty(requirement, duties[requirement.id]) if requirement.id in duties else requirement
                   for requirement in requirements)
    return tuple(requirement.model_copy(update={"not_automated_reason": reasons[requirement.id]})
                 if requirement.id in reasons else requirement for requirement in with_duties)


#: What a person checks for an operation duty, unless its declaration says (ja / en, as the catalog's notes).
OPERATION_PROCEDURE = ("人・機関が行う事務のため、システムが保持する記録（その事務の日付・内容等）を"
                       "画面または出力で確認し、確認書に証跡を添付する")
#: What the attestation of an operation duty attaches.
OPERATION_EVIDENCE = "その記録を示す画面または出力の写し"
OPERATION_EVIDENCE_EN = "a copy of the screen or output showing that record"
OPERATION_PROCEDURE_EN = ("done by a person or body: check the record the system keeps of it (its date and content) "
                          "on screen or in an output, and attach the evidence to the attestation")


def with_duty(requirement: Requirement, declared: DutyDeclaration) -> Requirement:
    """The requirement with its declared duty and reason; an ``operation`` duty no check judges becomes MANUAL
    with a procedure saying what to check (one a check judges keeps its check: the run stays automated)."""
    update: dict[str, object] = {"duty": declared.duty, "duty_reason": declared.reason}
    checks = requirement.checks
    if declared.duty == "operation" and not any(isinstance(c, FunctionCheck | ManualCheck) for c in checks):
        procedure = declared.procedure or OPERATION_PROCEDURE
        english = "see the Japanese procedure" if declared.procedure else OPERATION_PROCEDURE_EN
        evidence = (f"運用の責務（ハーネスの解釈: {declared.reason}）。手順：{procedure}。添付：{OPERATION_EVIDENCE} / "
                    f"operation duty (the harness's reading): {english}; attach {OPERATION_EVIDENCE_EN}")
        update["checks"] = (*checks, ManualCheck(kind="manual", evidence=evidence))
    return requirement.model_copy(update=update)
