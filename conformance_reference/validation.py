"""Request validation of the reference vendor's API: the same constraints as the generated OpenAPI document.

A body is checked against its request schema of the catalog: no unknown properties, required ones
present, each value of its data item's type, length, code table, date shape and character class, and
the catalog's ``required_when`` rules; query parameters bound to data items likewise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from conformance.catalog.models import DataItem, SchemaProperty
from conformance.messages import did_you_mean
from conformance_reference.http import Request, _clip, bad_request
from conformance_reference.model import Model

# Value shapes, the same as the generated OpenAPI document's (`[0-9]`, never `\d`: full-width digits).
_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_CHAR_CLASSES: dict[str, re.Pattern[str]] = {
    "digits": re.compile(r"[0-9]*"),
    "katakana": re.compile("[\u30a1-\u30f6\u30fc\u3000]*"),
    "alphabet": re.compile(r"[A-Z ,.\-']*"),
    # 戸籍 characters (DOMAIN.md: a 通称 has no alphabet or symbols): kanji, kana, 々, ー, U+3000.
    "koseki_text": re.compile("[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u3000\u3400-\u4dbf\u4e00-\u9fff"
                              "\uf900-\ufaff\U00020000-\U0003134f]*"),
}
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class RequestValidation:
    """The request validation of :class:`~conformance_reference.app.ReferenceApp` (a mixin over its
    catalog model)."""

    model: Model

    # -- request validation (the same constraints as the generated OpenAPI document) ----------------

    def _validated(self, body: dict[str, Any], schema_id: str) -> dict[str, Any]:
        """``body`` checked against a request schema: no unknown properties, required ones present,
        every value of its type and shape, and the catalog's ``required_when`` rules."""
        properties = {prop.name: prop for prop in self.model.schema(schema_id).properties}
        for name in body:
            if name not in properties:
                raise bad_request(f"unknown property {_clip(name)!r}{did_you_mean(name, properties)}")
        for prop in properties.values():
            self._check_property(prop, body)
        self._check_conditions(properties.values(), body)
        return body

    def _check_property(self, prop: SchemaProperty, body: Mapping[str, Any]) -> None:
        item = self.model.items.get(prop.data_item or "")
        if prop.name not in body:
            if prop.required:
                raise bad_request(f"{prop.name}: missing required property")
            return
        value = body[prop.name]
        if value is None:
            if prop.required or (item is not None and item.required):
                raise bad_request(f"{prop.name}: must not be null")
            return
        if item is not None:
            self._check_value(item, value, prop.name)
        elif not _has_type(value, prop.type or "string"):
            raise bad_request(f"{prop.name}: expected {prop.type or 'string'}, got {type(value).__name__}")
        elif isinstance(value, str):
            _check_text(value, prop.name)

    def _check_value(self, item: DataItem, value: Any, where: str) -> None:
        """A data item value: type, length, code table, date shape and character class."""
        if item.type == "integer":
            if not _has_type(value, "integer"):
                raise bad_request(f"{where}: expected an integer")
            return
        if not isinstance(value, str):
            raise bad_request(f"{where}: expected a string, got {type(value).__name__}")
        _check_text(value, where)
        if value == "":
            if item.required:
                raise bad_request(f"{where}: {item.name} must not be empty")
            return
        if item.length is not None and len(value) > item.length:
            raise bad_request(f"{where}: longer than {item.length} characters")
        self._check_shape(item, value, where)

    def _check_shape(self, item: DataItem, value: str, where: str) -> None:
        if item.type == "flag" and value not in ("0", "1"):
            raise bad_request(f"{where}: a flag is '0' or '1'")
        if item.type == "code":
            codes = self.model.codes.get(item.code_table or "", {})
            if value not in codes:
                raise bad_request(f"{where}: {_clip(value)!r} is not a code of {item.name} ({', '.join(codes)})")
        strict = item.calendar == "strict"
        if item.type == "date" and (not _DATE.fullmatch(value) or (strict and not _is_calendar(value))):
            raise bad_request(f"{where}: expected a date YYYY-MM-DD")
        pattern = re.compile(item.pattern) if item.pattern else _CHAR_CLASSES.get(item.char_class or "")
        if pattern is not None and not pattern.fullmatch(value):
            raise bad_request(f"{where}: {_clip(value)!r} does not have the shape of {item.name}")

    def _check_query(self, request: Request, pattern: tuple[str, ...]) -> None:
        """Query parameters bound to data items: present when required, of the item's shape."""
        for parameter in self.model.query.get(pattern, ()):
            value = request.param(parameter.name)
            if value is None:
                if parameter.required:
                    raise bad_request(f"the query parameter {parameter.name} is required")
                continue
            item = self.model.items.get(parameter.data_item or "")
            if item is not None:
                self._check_value(item, value, parameter.name)
                if parameter.required and value == "":
                    raise bad_request(f"the query parameter {parameter.name} must not be empty")

    def _check_conditions(self, properties: Iterable[SchemaProperty], body: Mapping[str, Any]) -> None:
        """The catalog's ``required_when``: e.g. 氏名 for 住民種別 1, 氏名_アルファベット for 2."""
        for prop in properties:
            item = self.model.items.get(prop.data_item or "")
            condition = item.required_when if item is not None else None
            if condition is None or body.get(prop.name) not in (None, ""):
                continue
            if str(body.get(condition.item)) in condition.values:
                raise bad_request(f"{prop.name}: required when {condition.item} is {body.get(condition.item)}")


def _has_type(value: Any, json_type: str) -> bool:
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)


def _check_text(value: str, where: str) -> None:
    """No control characters or lone surrogates (they cannot be stored and sent back as UTF-8)."""
    if _CONTROL.search(value):
        raise bad_request(f"{where}: control characters and unpaired surrogates are not allowed")


def _is_calendar(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
