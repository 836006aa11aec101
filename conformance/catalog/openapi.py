"""The catalog's API interfaces as an OpenAPI 3.1 document.

The document is what the API checks generate requests from and validate responses against, so it
encodes the JSON representation rule the reference vendor follows:

* every property of a response document is present (``required`` lists them all);
* data item values are JSON strings, except ``integer`` items (履歴番号);
* the empty value of a data item that is not ``required`` is ``null``.

Request documents list only the properties their schema marks ``required``. The data item
constraints (length, character class, codes) apply to both, so generated positive data is valid.

The output is deterministic (catalog file order, no timestamps), so it can be committed and diffed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import (
    ApiInterface,
    CodeTable,
    DataItem,
    Level,
    Parameter,
    Response,
    Schema,
    SchemaProperty,
)
from conformance.errors import SpecError

OPENAPI_VERSION = "3.1.0"
JSON = "application/json"
SCHEMA_REF_PREFIX = "#/components/schemas/"
#: Suffix of the request-shaped copy of a schema that is used in requests and responses alike.
REQUEST_SUFFIX = "_request"

# `[0-9]`, never `\d`: in ECMA-262 with the `u` flag and in Python's `re`, `\d` matches full-width digits.
DIGITS_PATTERN = "^[0-9]*$"
# Full-width katakana ァ..ヶ, the prolonged sound mark ー and the ideographic space U+3000.
KATAKANA_PATTERN = "^[\u30a1-\u30f6\u30fc\u3000]*$"
ALPHABET_PATTERN = "^[A-Z ,.\\-']*$"
# A pattern, not `format: date`: 住民記録 1.0 j80 needs non-calendar dates such as 1983-02-29.
DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

_CHAR_CLASS_PATTERNS: dict[str, str] = {
    "digits": DIGITS_PATTERN,
    "katakana": KATAKANA_PATTERN,
    "alphabet": ALPHABET_PATTERN,
}
_T = TypeVar("_T")

#: The security scheme of an interface with ``security: bearer`` (共通機能標準仕様書 第2.1版 2.2.7: an OAuth2.0
#: access token of the Bearer type, sent in the Authorization header).
BEARER_SCHEME = "bearer"
BEARER_SECURITY_SCHEME: dict[str, Any] = {
    "type": "http",
    "scheme": "bearer",
    "description": "OAuth2.0 access token (Client Credentials Grant; client_secret_jwt, or client_secret_basic as "
                   "the interim method) in the Authorization header",
}
# Patterns of the official data types (基本データリスト / API仕様書 sheet 凡例）データ型).
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
YEAR_PATTERN = "^[0-9]{4}$"
#: Official データ型 -> JSON Schema of a non-null value (strings also get maxLength from データ長).
#: X (半角文字列) read as ASCII printable characters and half-width katakana (ours; as the importer's data items).
HALF_WIDTH_PATTERN = "^[\x20-\x7e\uff61-\uff9f]*$"
_OFFICIAL_TYPES: dict[str, dict[str, Any]] = {
    "X": {"type": "string", "pattern": HALF_WIDTH_PATTERN},
    "Ｎ": {"type": "string"},
    "X,Ｎ混在": {"type": "string"},
    "9": {"type": "integer"},
    "S9": {"type": "integer"},
    "9V": {"type": "number"},
    "BLOB": {"type": "string"},
    "YEAR": {"type": "string", "pattern": YEAR_PATTERN},
    "DATE": {"type": "string", "pattern": DATE_PATTERN},
    "TIME": {"type": "string", "pattern": TIME_PATTERN},
}
OFFICIAL_OBJECT_TYPES = ("構造化",)
OFFICIAL_ARRAY_TYPES = ("配列構造化",)

_PARAMETER_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "date-time": {"type": "string", "format": "date-time"},
}


class _Lookup:
    """The edition's entries by id; an unknown reference is a SpecError naming the referrer."""

    def __init__(self, edition: EditionCatalog) -> None:
        self.data_items: dict[str, DataItem] = {item.id: item for item in edition.data_items}
        self.code_tables: dict[str, CodeTable] = {table.id: table for table in edition.code_tables}
        self.schemas: dict[str, Schema] = {schema.id: schema for schema in edition.schemas}

    def data_item(self, item_id: str, referrer: str) -> DataItem:
        return _get(self.data_items, item_id, "data item", referrer)

    def code_table(self, table_id: str, referrer: str) -> CodeTable:
        return _get(self.code_tables, table_id, "code table", referrer)

    def schema(self, schema_id: str, referrer: str) -> Schema:
        return _get(self.schemas, schema_id, "schema", referrer)


def _get(entries: dict[str, _T], key: str, kind: str, referrer: str) -> _T:
    try:
        return entries[key]
    except KeyError:
        raise SpecError([f"{referrer}: unknown {kind} {key!r}"]) from None


# -- public API -----------------------------------------------------------------------------------


def build_openapi(edition: EditionCatalog) -> dict[str, Any]:
    """The edition's API interfaces as an OpenAPI 3.1 document (JSON-serialisable, deterministic)."""
    lookup = _Lookup(edition)
    interfaces = api_interfaces(edition)
    request_ids = _reachable(lookup, _request_roots(interfaces))
    response_ids = _reachable(lookup, _response_roots(interfaces))
    components: dict[str, Any] = {"schemas": _components(edition, lookup, request_ids, response_ids)}
    if any(interface.security == "bearer" for interface in interfaces):
        components["securitySchemes"] = {BEARER_SCHEME: BEARER_SECURITY_SCHEME}
    return {
        "openapi": OPENAPI_VERSION,
        "info": _info(edition),
        "paths": _paths(interfaces, lookup, request_ids, response_ids),
        "components": components,
    }


def openapi_json(edition: EditionCatalog) -> str:
    """:func:`build_openapi` as indented UTF-8 JSON text with a trailing newline."""
    return json.dumps(build_openapi(edition), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def api_interfaces(edition: EditionCatalog) -> tuple[ApiInterface, ...]:
    """The HTTP operations of the edition (file layouts are not operations), in file order."""
    return tuple(entry for entry in edition.interfaces if isinstance(entry, ApiInterface))


def schema_ref(component: str) -> dict[str, str]:
    """A ``$ref`` to a component schema."""
    return {"$ref": SCHEMA_REF_PREFIX + component}


# -- document parts -------------------------------------------------------------------------------


def _info(edition: EditionCatalog) -> dict[str, Any]:
    meta = edition.edition
    if meta is None:
        # edition.yaml is unusable: the directory names still say which edition this is.
        return {"title": f"{edition.domain} {edition.edition_name}", "version": edition.edition_name}
    info: dict[str, Any] = {"title": f"{meta.document} 第{meta.edition}版", "version": meta.edition}
    if meta.attribution:
        info["description"] = meta.attribution
    return info


def _request_roots(interfaces: Iterable[ApiInterface]) -> Iterator[tuple[str, str]]:
    """(schema id, who refers to it) of every request body."""
    for interface in interfaces:
        if interface.request is not None:
            yield interface.request, f"interface {interface.id}"


def _response_roots(interfaces: Iterable[ApiInterface]) -> Iterator[tuple[str, str]]:
    """(schema id, who refers to it) of every JSON response body."""
    for interface in interfaces:
        for response in interface.responses:
            if response.body is not None and response.media_type == JSON:
                yield response.body, f"interface {interface.id} response {response.status}"


def _reachable(lookup: _Lookup, roots: Iterable[tuple[str, str]]) -> set[str]:
    """Schema ids reachable from ``roots`` through ``object`` and ``list_of`` properties."""
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        schema_id, referrer = pending.pop()
        if schema_id in seen:
            continue
        seen.add(schema_id)
        for prop in lookup.schema(schema_id, referrer).properties:
            pending.extend(
                (ref, f"schema {schema_id} property {prop.name}") for ref in (prop.object, prop.list_of) if ref
            )
    return seen


def _paths(
    interfaces: Iterable[ApiInterface], lookup: _Lookup, request_ids: set[str], response_ids: set[str]
) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for interface in interfaces:
        operation = _operation(interface, lookup, _request_component(interface, request_ids, response_ids))
        paths.setdefault(interface.path, {})[interface.method] = operation
    return paths


def _request_component(interface: ApiInterface, request_ids: set[str], response_ids: set[str]) -> str | None:
    if interface.request is None:
        return None
    return _component_name(interface.request, request=True, both=interface.request in response_ids)


def _component_name(schema_id: str, *, request: bool, both: bool) -> str:
    # A schema used in both directions gets a second, request-shaped component.
    return schema_id + REQUEST_SUFFIX if request and both else schema_id


def _operation(interface: ApiInterface, lookup: _Lookup, request_component: str | None) -> dict[str, Any]:
    referrer = f"interface {interface.id}"
    operation: dict[str, Any] = {
        "operationId": interface.id,
        "summary": interface.name,
        "description": _provenance_text(interface.provenance.reference, interface.provenance.confirmed),
    }
    if interface.parameters:
        operation["parameters"] = [_parameter(p, lookup, referrer) for p in interface.parameters]
    if request_component is not None:
        operation["requestBody"] = {"required": True, "content": {JSON: {"schema": schema_ref(request_component)}}}
    operation["responses"] = {str(r.status): _response(r) for r in interface.responses}
    if interface.security == "bearer":
        operation["security"] = [{BEARER_SCHEME: []}]
    if interface.error_codes:
        operation["x-error-codes"] = [code.model_dump(mode="json", exclude_none=True) for code in interface.error_codes]
    return operation


def _provenance_text(reference: str, confirmed: bool) -> str:
    return f"Provenance: {reference}" + ("" if confirmed else " (unconfirmed)")


def _parameter(parameter: Parameter, lookup: _Lookup, referrer: str) -> dict[str, Any]:
    if parameter.data_item is not None:
        # A parameter is never null: it is absent or has a value.
        schema = _value_schema(lookup.data_item(parameter.data_item, referrer), lookup)
    else:
        schema = dict(_PARAMETER_TYPES[parameter.type or "string"])
    return {
        "name": parameter.name,
        "in": parameter.location,
        # OpenAPI: a path parameter is always required.
        "required": parameter.required or parameter.location == "path",
        "schema": schema,
    }


def _response(response: Response) -> dict[str, Any]:
    result: dict[str, Any] = {"description": response.description}
    if response.media_type == "text/csv":
        result["content"] = {"text/csv": {"schema": {"type": "string"}}}
    elif response.body is not None:
        result["content"] = {JSON: {"schema": schema_ref(response.body)}}
    return result


def _components(
    edition: EditionCatalog, lookup: _Lookup, request_ids: set[str], response_ids: set[str]
) -> dict[str, Any]:
    components: dict[str, Any] = {}
    for schema in edition.schemas:
        both = schema.id in request_ids and schema.id in response_ids
        if schema.id not in request_ids or both:
            components[schema.id] = _object_schema(schema, lookup, request=False, both=both)
        if schema.id in request_ids:
            components[_component_name(schema.id, request=True, both=both)] = _object_schema(
                schema, lookup, request=True, both=both
            )
    return components


def _object_schema(schema: Schema, lookup: _Lookup, *, request: bool, both: bool) -> dict[str, Any]:
    referrer = f"schema {schema.id}"
    properties = {p.name: _property_schema(p, lookup, referrer, request=request, both=both) for p in schema.properties}
    # The JSON representation rule: every property of a response document is present; a property
    # of an official API仕様書 (data_type set) is present when its 必須 says so, in both directions.
    required = [p.name for p in schema.properties
                if p.required or (not request and p.data_type is None)]
    result: dict[str, Any] = {"title": schema.name, "type": "object", "properties": properties}
    if required:
        result["required"] = required
    result["additionalProperties"] = schema.open
    return result


def _property_schema(
    prop: SchemaProperty, lookup: _Lookup, referrer: str, *, request: bool, both: bool
) -> dict[str, Any]:
    if prop.data_type is not None:
        return _official_property_schema(prop, request=request, both=both)
    if prop.data_item is not None:
        item = lookup.data_item(prop.data_item, f"{referrer} property {prop.name}")
        schema = _value_schema(item, lookup)
        return schema if item.required else _nullable(schema)
    if prop.object is not None:
        return schema_ref(_component_name(prop.object, request=request, both=both))
    if prop.list_of is not None:
        return {"type": "array", "items": schema_ref(_component_name(prop.list_of, request=request, both=both))}
    schema = {"type": prop.type or "string"}
    return schema if prop.required else _nullable(schema)


def _official_property_schema(prop: SchemaProperty, *, request: bool, both: bool) -> dict[str, Any]:
    """A property of an official API仕様書: its データ型 and データ長, null only when null設定有無 says so."""
    data_type = prop.data_type or ""
    schema: dict[str, Any]
    if prop.object is not None:
        ref = schema_ref(_component_name(prop.object, request=request, both=both))
        return {"anyOf": [ref, {"type": "null"}]} if prop.nullable else dict(ref)
    if prop.list_of is not None:
        schema = {"type": "array", "items": schema_ref(_component_name(prop.list_of, request=request, both=both))}
    else:
        schema = dict(_OFFICIAL_TYPES.get(data_type, {"type": "string"}))
        if schema["type"] == "string" and prop.length is not None and data_type not in ("DATE", "TIME", "YEAR"):
            schema["maxLength"] = prop.length  # characters (桁数), not bytes
        if prop.fixed_value is not None:
            schema["const"] = prop.fixed_value
    return _nullable(schema) if prop.nullable else schema


# -- data item values -----------------------------------------------------------------------------


def _value_schema(item: DataItem, lookup: _Lookup) -> dict[str, Any]:
    """The JSON Schema of a data item's non-empty value."""
    if item.type == "integer":
        return {"type": "integer"}
    if item.type == "flag":
        return {"type": "string", "enum": ["0", "1"]}
    if item.type == "code":
        return {"type": "string", "enum": _codes(item, lookup)}
    if item.type == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    schema: dict[str, Any] = {"type": "string"}
    if item.length is not None:
        # JSON Schema counts characters (code points), as the specification's lengths do.
        schema["maxLength"] = item.length
    pattern = item.pattern or _CHAR_CLASS_PATTERNS.get(item.char_class or "")
    if pattern is not None:
        schema["pattern"] = pattern
    return schema


def _codes(item: DataItem, lookup: _Lookup) -> list[str]:
    if item.code_table is None:
        raise SpecError([f"data item {item.id}: type code needs a code_table"])
    table = lookup.code_table(item.code_table, f"data item {item.id}")
    # A prohibited code must never be sent, so it is no valid value.
    return [code.code for code in table.codes if code.level is not Level.PROHIBITED]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also accepts null (pattern and maxLength apply only to strings)."""
    result = dict(schema)
    result["type"] = [schema["type"], "null"]
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    if "const" in schema:
        result["enum"] = [result.pop("const"), None]
    return result
