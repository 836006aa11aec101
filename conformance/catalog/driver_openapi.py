"""The driver protocol as its own OpenAPI 3.1 document (``conformance catalog openapi --driver``).

Generated from the edition's ``driver_operations`` (spec_catalog/<domain>/<edition>/driver.yaml),
kept apart from the linkage interfaces' document (conformance/catalog/openapi.py), which describes what
the standard itself publishes. Deterministic: catalog order, no timestamps.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.openapi import DATE_PATTERN, OPENAPI_VERSION
from conformance.catalog.scenario_models import DRIVER_VERSION, DriverAnswerField, DriverField, DriverOperation

#: Where the driver's paths start below the vendor's API base URL (a profile may move it).
DRIVER_BASE = f"/driver/{DRIVER_VERSION}"
_REF = "#/components/schemas/"
#: The operation that makes a scenario's given persons (test data, not a 異動).
SETUP_OPERATION = "fixtures.persons"
_ITEMS: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "string"},
                          "description": "data item header -> value"}


def build_driver_openapi(edition: EditionCatalog, defaults: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The OpenAPI document of the edition's driver protocol; ``defaults`` are the items the harness's scenarios fill
    in a person given to ``fixtures.persons`` where they state none (published as ``x-defaults``)."""
    paths: dict[str, dict[str, Any]] = {}
    for operation in edition.driver_operations:
        document = _operation(operation)
        if operation.id == SETUP_OPERATION and defaults:
            document["x-defaults"] = dict(defaults)
        paths.setdefault(DRIVER_BASE + operation.path, {})[operation.method] = document
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"{edition.domain} {edition.edition_name} driver protocol {DRIVER_VERSION}",
            "version": DRIVER_VERSION,
            "description": "The API a vendor implements as a thin adapter over its package so the harness can drive "
                           "the functions of the specification (docs/driver.md). Not part of the standard.",
        },
        "paths": paths,
        "components": {"schemas": _components()},
    }


def driver_openapi_json(edition: EditionCatalog, defaults: Mapping[str, str] | None = None) -> str:
    """:func:`build_driver_openapi` as indented UTF-8 JSON text with a trailing newline."""
    return json.dumps(build_driver_openapi(edition, defaults), indent=2, ensure_ascii=False) + "\n"


def _operation(operation: DriverOperation) -> dict[str, Any]:
    document: dict[str, Any] = {
        "operationId": operation.id,
        "summary": operation.name,
        "tags": [operation.group],
        "description": (operation.description + "\n\n" if operation.description else "")
        + f"{operation.provenance.reference}" + (
            f" (sections {', '.join(operation.sections)})" if operation.sections else ""),
        "responses": _responses(operation),
    }
    in_path = [field for field in operation.fields if "{" + field.name + "}" in operation.path]
    rest = [field for field in operation.fields if field not in in_path]
    parameters = [_parameter(field, "path") for field in in_path]
    if operation.method == "get":
        parameters += [_parameter(field, "query") for field in rest]
    elif rest:
        document["requestBody"] = {"required": True, "content": {"application/json": {"schema": _body(rest)}}}
    if parameters:
        document["parameters"] = parameters
    return document


def _parameter(field: DriverField, where: str) -> dict[str, Any]:
    parameter: dict[str, Any] = {"name": field.name, "in": where, "required": where == "path" or field.required,
                                 "schema": _field_schema(field)}
    if field.description:
        parameter["description"] = field.description
    return parameter


def _body(fields: list[DriverField]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {field.name: _described(field) for field in fields}}
    required = [field.name for field in fields if field.required]
    if required:
        schema["required"] = required
    return schema


def _described(field: DriverField) -> dict[str, Any]:
    schema = _field_schema(field)
    return {**schema, "description": field.description} if field.description else schema


def _field_schema(field: DriverField) -> dict[str, Any]:
    if field.type == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    if field.type == "items":
        return dict(_ITEMS)
    if field.type == "list":
        return {"type": "array", "items": {"oneOf": [{"type": "string"}, dict(_ITEMS)]}}
    if field.type == "flag":
        return {"type": "boolean"}
    if field.type == "integer":
        return {"type": "integer", "minimum": 1}
    if field.type in ("object", "array"):
        return _typed(field.type, field.properties, field.items, nullable=field.nullable)
    schema: dict[str, Any] = {"type": "string"}
    if field.enum:
        schema["enum"] = list(field.enum) + ([None] if field.nullable else [])
    if field.nullable:
        schema["type"] = ["string", "null"]
    return schema


def _responses(operation: DriverOperation) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": _answered(operation),
        "400": _json("the request does not follow the protocol", "Error"),
        "404": _json("no such operation or resource", "Error"),
        "501": _json("the adapter does not implement this operation", "Error"),
    }
    for status, meaning in operation.refusals.items():
        responses[status] = _json(meaning, "Error")
    errors = [error.code for error in operation.errors if error.kind == "error"]
    alerts = [error.code for error in operation.errors if error.kind == "alert"]
    if errors:
        responses["422"] = _json(f"エラー ({', '.join(errors)}): nothing committed", "Error")
    if alerts:
        responses["409"] = _json(f"アラート ({', '.join(alerts)}): nothing committed until confirmed", "Alert")
    return responses


def _answered(operation: DriverOperation) -> dict[str, Any]:
    """The 200 answer: the protocol's ``Ok`` with the keys the harness reads of it, each described (and typed, where
    the edition types them: :func:`answer_schema`)."""
    if not operation.answer:
        return _json("committed (a change) or the answer (a query)", "Ok")
    schema = {"allOf": [{"$ref": _REF + "Ok"}, answer_schema(operation)]}
    return {"description": "the answer: " + "; ".join(f"{key}: {_meaning(value).rstrip('.')}"
                                                      for key, value in operation.answer.items()),
            "content": {"application/json": {"schema": schema}}}


def answer_schema(operation: DriverOperation, keys: Collection[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of the operation's 200 answer beside ``result`` (only ``keys``, when given: what one check
    reads), self-contained: what the driver document publishes and a vendor's answer is validated against."""
    chosen = {key: value for key, value in operation.answer.items() if keys is None or key in keys}
    schema: dict[str, Any] = {"type": "object", "properties": {key: _answer_property(value)
                                                                for key, value in chosen.items()}}
    required = [key for key, value in chosen.items() if isinstance(value, DriverAnswerField) and value.required]
    if required:
        schema["required"] = required
    return schema


def _meaning(value: str | DriverAnswerField) -> str:
    return value if isinstance(value, str) else value.description


def _answer_property(value: str | DriverAnswerField) -> dict[str, Any]:
    if isinstance(value, str):
        return {"description": value}
    return {**_answer_type(value), "description": value.description}


def _answer_type(field: DriverAnswerField) -> dict[str, Any]:
    """The type of one answer key (nested keys and items described too); null added where it is allowed."""
    schema = _typed(field.type, field.properties, field.items, nullable=False)
    if field.enum:
        schema["enum"] = list(field.enum) + ([None] if field.nullable else [])
    if field.nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def _typed(kind: str, properties: Mapping[str, DriverAnswerField], items: DriverAnswerField | None, *,
           nullable: bool) -> dict[str, Any]:
    """The schema of a value of ``kind`` (an answer key's, or a request field's of an object or an array), its
    nested keys and items described too; null added when ``nullable``."""
    schema: dict[str, Any] = {"type": "string", "pattern": DATE_PATTERN} if kind == "date" else {"type": kind}
    if properties:
        schema["properties"] = {key: _answer_property(value) for key, value in properties.items()}
        required = [key for key, value in properties.items() if value.required]
        if required:
            schema["required"] = required
    if items is not None:
        schema["items"] = _answer_property(items)
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def _json(description: str, component: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": _REF + component}}}}


def _components() -> dict[str, Any]:
    fields: dict[str, Any] = {"code": {"type": "string"}, "item": {"type": "string"}, "message": {"type": "string"}}
    refusal: dict[str, Any] = {"type": "object", "required": ["code", "message"], "properties": fields}
    return {
        "Ok": {"type": "object", "required": ["result"], "properties": {
            "result": {"const": "ok"},
            "persons": {"type": "array", "items": {"type": "object", "properties": {
                "宛名番号": {"type": "string"}, "世帯番号": {"type": "string"}}}}},
            "additionalProperties": True},
        "Error": {**refusal, "required": ["result", "code", "message"],
                  "properties": {**fields, "result": {"const": "error"}}},
        "Alert": {"type": "object", "required": ["result", "alerts"], "properties": {
            "result": {"const": "alert"}, "alerts": {"type": "array", "items": refusal, "minItems": 1}}},
    }
