"""Pydantic's validation errors (and YAML's) as located errors a spec editor can act on.

Split from the loader (conformance/catalog/loader.py), which validates every entry on its own: here
pydantic's errors are reworded with the field path, the bad value, what is allowed and a did-you-mean,
at the line of the offending key. To do that, a pydantic loc is walked along the model types (union
tags dropped, ``Annotated`` and ``| None`` unwrapped) to find the type expected where it failed. Errors
that only repeat another one (a ``missing`` field an unknown one was meant to be) are dropped first.
Nothing here knows catalog files or entries: it serves vendor profiles too (``load_model``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from conformance import messages
from conformance.catalog.catalog import LocatedError
from conformance.catalog.models import RULE_ERROR
from conformance.catalog.yamlmarks import MarkedDocument, YamlError, YamlPath, YamlValue

_M = TypeVar("_M", bound=BaseModel)


def _yaml_errors(exc: YamlError) -> list[LocatedError]:
    return [LocatedError(exc.file, problem.line, problem.message) for problem in exc.problems]


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


def _describe_long_text(failure: _Failure) -> tuple[YamlPath, str]:
    return failure.path, messages.too_long_text(failure.value, failure.ctx.get("max_length"))


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
    "string_too_long": _describe_long_text,
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
