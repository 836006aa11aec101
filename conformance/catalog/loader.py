"""Load and validate catalog YAML, entry by entry, into errors a spec editor can act on.

Every entry of every list is validated on its own, so a bad entry fails only itself. Validation
runs in pydantic's JSON mode: YAML data has JSON's types, and strict *Python* mode would demand
enum instances where a file can only hold strings. Pydantic's errors are then reworded with the
field path, the bad value, what is allowed and a did-you-mean, at the line of the offending key.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from conformance import messages
from conformance.catalog.catalog import Catalog, EditionCatalog, LocatedError, edition_sort_key
from conformance.catalog.check_params import (
    CHECK_PARAMS,
    ApiOpenApiParams,
    FileLayoutParams,
    ItemsKeptParams,
    file_rule_families,
)
from conformance.catalog.domains import OfficialIdKind, official_id_error
from conformance.catalog.models import (
    DOMAIN_SLUGS,
    EDITION_PATTERN,
    ENTRY_MODELS,
    RULE_ERROR,
    ApiInterface,
    Binding,
    CatalogDocument,
    CatalogModel,
    Check,
    CodeTable,
    DataItem,
    Edition,
    FileInterface,
    Form,
    FunctionCheck,
    FunctionEntry,
    Requirement,
    Schema,
)
from conformance.catalog.scenario_models import SCENARIO_ENTRY_MODELS, DriverOperation, Interpretation, Scenario
from conformance.catalog.yamlmarks import MarkedDocument, YamlError, YamlPath, YamlValue, load_yaml
from conformance.errors import UsageError

EDITION_FILE = "edition.yaml"
#: The hand-written input of a statute edition's importer (importers/statutes.py), not a catalog document.
PROVISIONS_FILE = "provisions.yaml"
#: Directories under a catalog root that hold no catalog data.
NON_CATALOG_DIRS = frozenset({"schema"})
#: Lists whose entries carry an ``id`` that must be unique within an edition.
UNIQUE_ID_LISTS = ("requirements", "data_items", "code_tables", "forms", "interfaces", "schemas", "functions",
                   "driver_operations", "scenarios", "interpretations")
#: The check a scenario binds to each of its requirements (conformance/scenarios/check.py).
SCENARIO_CHECK = "scenario.run"
#: Official identifiers whose 業務ID prefix must be the edition's domain's: (list, field path, kind).
OFFICIAL_ID_FIELDS: tuple[tuple[str, YamlPath, OfficialIdKind], ...] = (
    ("requirements", ("function_id",), "機能ID"),
    ("requirements", ("form_id",), "帳票ID"),
    ("functions", ("function_id",), "機能ID"),
    ("forms", ("form_id",), "帳票ID"),
    ("data_items", ("official", "data_item_id"), "データ項目ID"),
)

#: Every list a catalog file may hold: CatalogDocument's and the driver's and scenarios' (ScenarioDocument).
_ENTRY_MODELS: dict[str, Any] = {**ENTRY_MODELS, **SCENARIO_ENTRY_MODELS}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {key: TypeAdapter(tp) for key, tp in _ENTRY_MODELS.items()}
_EDITION_ADAPTER: TypeAdapter[Edition] = TypeAdapter(Edition)
_TOP_LEVEL_KEYS = (*CatalogDocument.model_fields, *SCENARIO_ENTRY_MODELS)

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


def _yaml_errors(exc: YamlError) -> list[LocatedError]:
    return [LocatedError(exc.file, problem.line, problem.message) for problem in exc.problems]


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
    """The id a front end knows the entry by: a binding belongs to its requirement."""
    if not isinstance(data, dict):
        return None
    value = data.get("requirement" if key == "bindings" else "id")
    return value if isinstance(value, str) else None


def _validate_entry(entry: _Entry) -> list[LocatedError]:
    model, details = _validate(_ADAPTERS[entry.key], entry.data)
    entry.model = model
    tp = _ENTRY_MODELS[entry.key]
    details = _without_echoes(details, tp)
    return [_located(detail, tp, entry.document, entry.path, entry.entry_id) for detail in details]


def _without_echoes(details: list[ErrorDetails], tp: Any) -> list[ErrorDetails]:
    """Drop errors that only repeat another one, so each mistake is reported once.

    "missing 'level'" repeats "unknown field 'levle' ... did you mean 'level'?", and a list that
    is "too short" because its only item is invalid repeats that item's error.
    """
    echoes = _suggested_fields(details, tp)
    for detail in details:
        echoes.update(tuple(detail["loc"][:end]) for end in range(len(detail["loc"])))
    return [
        detail for detail in details
        if detail["type"] not in _ECHO_TYPES or tuple(detail["loc"]) not in echoes
    ]


#: Error types that may only repeat another error of the same entry.
_ECHO_TYPES = frozenset({"missing", "too_short"})


def _suggested_fields(details: list[ErrorDetails], tp: Any) -> set[tuple[int | str, ...]]:
    """Locs of the fields that unknown fields were probably meant to be."""
    suggested: set[tuple[int | str, ...]] = set()
    for detail in details:
        parent = _resolve(tp, detail["loc"][:-1])[1] if detail["type"] == "extra_forbidden" else None
        if not _is_model(parent):
            continue
        match = messages.closest(detail["loc"][-1], _unwrap(parent).model_fields)
        if match is not None:
            suggested.add((*detail["loc"][:-1], match))
    return suggested


def _validate(adapter: TypeAdapter[_M], data: YamlValue) -> tuple[_M | None, list[ErrorDetails]]:
    try:
        return adapter.validate_json(json.dumps(data)), []
    except ValidationError as exc:
        return None, exc.errors(include_url=False)


# -- translating pydantic errors --------------------------------------------------------------------


@dataclass(frozen=True)
class _Failure:
    """A pydantic error with its loc resolved against the model types and the data."""

    detail: ErrorDetails
    path: YamlPath  # the loc as keys in the data: union tags dropped
    target: Any  # the type expected at ``path`` (None when unknown)
    parent: Any  # the type of the mapping that holds ``path[-1]``

    @property
    def value(self) -> Any:
        return self.detail.get("input")

    @property
    def ctx(self) -> dict[str, Any]:
        return self.detail.get("ctx") or {}


def _located(
    detail: ErrorDetails, tp: Any, document: MarkedDocument, base: YamlPath, entry_id: str | None
) -> LocatedError:
    """A pydantic error as ``file:line: path: message`` at the line of the offending key."""
    data_path, target = _resolve(tp, detail["loc"])
    parent = _resolve(tp, detail["loc"][:-1])[1] if detail["loc"] else None
    shown, detail_text = _describe(_Failure(detail, data_path, target, parent))
    # An unknown field is named from its mapping, but the line to fix is the key's own.
    line = document.line_of(base + (data_path if detail["type"] == "extra_forbidden" else shown))
    file = messages.display_path(document.path)
    return LocatedError(file, line, messages.at(base + shown, detail_text), entry_id)


def _describe(failure: _Failure) -> tuple[YamlPath, str]:
    """The path to name and our wording for one pydantic error."""
    kind = failure.detail["type"]
    if kind in _TYPE_NOUNS:
        return failure.path, messages.wrong_type(_TYPE_NOUNS[kind], failure.value)
    describe = _DESCRIBERS.get(kind, _describe_other)
    return describe(failure)


def _describe_extra(failure: _Failure) -> tuple[YamlPath, str]:
    allowed = list(_unwrap(failure.parent).model_fields) if _is_model(failure.parent) else []
    return failure.path[:-1], messages.unknown_field(failure.path[-1], allowed)


def _describe_missing(failure: _Failure) -> tuple[YamlPath, str]:
    return failure.path[:-1], messages.missing_field(failure.path[-1])


def _describe_choice(failure: _Failure) -> tuple[YamlPath, str]:
    allowed = _choices(failure.target) or _quoted(failure.ctx.get("expected"))
    return failure.path, messages.not_allowed(failure.value, allowed)


def _quoted(text: object) -> list[str]:
    """The quoted choices of a pydantic message such as ``"'a', 'b' or 'c'"``."""
    return re.findall(r"'([^']*)'", str(text or ""))


def _describe_pattern(failure: _Failure) -> tuple[YamlPath, str]:
    return failure.path, messages.pattern_mismatch(failure.value, str(failure.ctx.get("pattern")))


def _describe_tag_invalid(failure: _Failure) -> tuple[YamlPath, str]:
    discriminator = str(failure.ctx.get("discriminator", "kind")).strip("'")
    tags = list(_union_tags(failure.target)) or _quoted(failure.ctx.get("expected_tags"))
    return (*failure.path, discriminator), messages.unknown_kind(failure.ctx.get("tag"), tags)


def _describe_tag_missing(failure: _Failure) -> tuple[YamlPath, str]:
    discriminator = str(failure.ctx.get("discriminator", "kind")).strip("'")
    return failure.path, messages.missing_kind(discriminator, list(_union_tags(failure.target)))


def _describe_short_text(failure: _Failure) -> tuple[YamlPath, str]:
    minimum = failure.ctx.get("min_length")
    if minimum == 1:
        return failure.path, messages.empty_value()
    return failure.path, messages.too_short_text(failure.value, minimum)


def _describe_few_items(failure: _Failure) -> tuple[YamlPath, str]:
    ctx = failure.ctx
    return failure.path, messages.too_few_items(ctx.get("min_length"), ctx.get("actual_length"))


def _describe_too_small(failure: _Failure) -> tuple[YamlPath, str]:
    return failure.path, messages.too_small(failure.value, failure.ctx.get("ge"))


def _describe_rule(failure: _Failure) -> tuple[YamlPath, str]:
    """A rule across fields of one entry (e.g. widths in a fixed layout), worded by the model."""
    return failure.path, str(failure.ctx.get("detail") or failure.detail["msg"])


def _describe_other(failure: _Failure) -> tuple[YamlPath, str]:
    return failure.path, messages.other_problem(failure.detail["msg"], failure.value)


_TYPE_NOUNS = {
    "string_type": "a string",
    "int_type": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "tuple_type": "a list",
    "list_type": "a list",
}

_DESCRIBERS = {
    "extra_forbidden": _describe_extra,
    "missing": _describe_missing,
    "enum": _describe_choice,
    "literal_error": _describe_choice,
    "string_pattern_mismatch": _describe_pattern,
    "union_tag_invalid": _describe_tag_invalid,
    "union_tag_not_found": _describe_tag_missing,
    "string_too_short": _describe_short_text,
    "too_short": _describe_few_items,
    "greater_than_equal": _describe_too_small,
    RULE_ERROR: _describe_rule,
}


# -- walking model types along a pydantic loc -------------------------------------------------------


def _resolve(tp: Any, loc: Iterable[int | str]) -> tuple[YamlPath, Any]:
    """Drop the union tags pydantic puts in a loc, and find the type expected at its end."""
    path: list[int | str] = []
    for part in loc:
        tags = _union_tags(tp)
        if isinstance(part, str) and part in tags:
            tp = tags[part]
            continue
        tp = _child_type(tp, part)
        path.append(part)
    return tuple(path), tp


def _child_type(tp: Any, part: int | str) -> Any:
    inner = _unwrap(tp)
    if _is_model(inner):
        field = inner.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else None
    origin = get_origin(inner)
    if origin in (tuple, list) and isinstance(part, int):
        return get_args(inner)[0]
    if origin is dict:
        return get_args(inner)[1]
    return None


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``| None``: what is left decides which keys and values fit."""
    while True:
        if get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
            continue
        members = _union_members(tp)
        if len(members) == 1:
            tp = members[0]
            continue
        return tp


def _union_members(tp: Any) -> list[Any]:
    if get_origin(tp) not in (Union, UnionType):
        return []
    return [member for member in get_args(tp) if member is not type(None)]


def _union_tags(tp: Any) -> dict[str, Any]:
    """``{tag: member}`` of a union discriminated by a field, e.g. ``{"manual": ManualCheck}``."""
    discriminator = _discriminator(tp)
    if discriminator is None:
        return {}
    tags: dict[str, Any] = {}
    for member in _union_members(_unwrap(tp)):
        field = member.model_fields.get(discriminator) if _is_model(member) else None
        if field is not None and get_origin(field.annotation) is Literal:
            tags.update({str(tag): member for tag in get_args(field.annotation)})
    return tags


def _discriminator(tp: Any) -> str | None:
    while get_origin(tp) is Annotated:
        for meta in get_args(tp)[1:]:
            if isinstance(meta, FieldInfo) and isinstance(meta.discriminator, str):
                return meta.discriminator
        tp = get_args(tp)[0]
    return None


def _is_model(tp: Any) -> bool:
    inner = _unwrap(tp) if tp is not None else None
    return isinstance(inner, type) and issubclass(inner, BaseModel)


def _choices(tp: Any) -> list[str]:
    """The values an enum or literal type allows, in declaration order."""
    inner = _unwrap(tp)
    if isinstance(inner, type) and issubclass(inner, Enum):
        return [str(member.value) for member in inner]
    if get_origin(inner) is Literal:
        return [str(value) for value in get_args(inner)]
    return []


# -- rules across entries ---------------------------------------------------------------------------


def _cross_entry_errors(entries: list[_Entry], *, check_references: bool) -> list[LocatedError]:
    errors = _duplicate_ids(entries)
    errors.extend(_duplicate_bindings(entries))
    if check_references:
        errors.extend(_unknown_references(entries, "bindings", "requirement", "requirements", "requirement"))
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
    not fit the check's schema (conformance/catalog/check_params.py), or whose params name a file layout,
    API operation or data item the edition does not have."""
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
    model = CHECK_PARAMS.get(name)
    if model is None:
        names = sorted(CHECK_PARAMS)
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
    if isinstance(params, ItemsKeptParams):
        for index, item in enumerate(params.items):
            if item not in known.data_items:
                detail = messages.unknown_reference("data item", item, known.data_items)
                yield entry.error((*at, "items", index), detail)
        if params.where is not None and params.where.item not in known.data_items:
            detail = messages.unknown_reference("data item", params.where.item, known.data_items)
            yield entry.error((*at, "where", "item"), detail)


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


def _duplicate_bindings(entries: Iterable[_Entry]) -> list[LocatedError]:
    first: dict[str, _Entry] = {}
    errors = []
    for entry in entries:
        if entry.key != "bindings" or entry.entry_id is None:
            continue
        seen = first.setdefault(entry.entry_id, entry)
        if seen is not entry:
            message = messages.duplicate_binding(entry.entry_id, seen.where(("requirement",)))
            errors.append(entry.error(("requirement",), message))
    return errors


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
    """Valid requirements, with the checks of their binding appended to their own, and a
    ``scenario.run`` check for each scenario bound to them."""
    bound: dict[str, tuple[Check, ...]] = {
        binding.requirement: binding.checks for binding in _models(entries, "bindings", Binding)}
    for scenario in _models(entries, "scenarios", Scenario):
        check = FunctionCheck(kind="check", name=SCENARIO_CHECK, params={"scenario": scenario.id})
        for requirement_id in dict.fromkeys(scenario.requirements):
            bound[requirement_id] = (*bound.get(requirement_id, ()), check)
    return tuple(
        requirement.model_copy(update={"checks": requirement.checks + bound[requirement.id]})
        if requirement.id in bound else requirement
        for requirement in _models(entries, "requirements", Requirement)
    )
