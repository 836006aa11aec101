"""A statute driver operation's answer held to its published schema (docs/driver.md, "Operations of the statute
editions").

The edition's driver.yaml types each key of the operation's 200 answer (``answer``) and names the statuses the
harness reads as an answer instead (``refusals``); ``conformance catalog openapi --driver`` publishes both
(:func:`conformance.catalog.driver_openapi.answer_schema`). A check validates the keys it reads with jsonschema, so an
answer outside the contract is a finding of the rule that read it (``driver.answer_contract``, naming the scenario
and the seed), never a crash nor a comparison of values of another type.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

import jsonschema

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.driver_openapi import answer_schema
from conformance.catalog.scenario_models import DriverOperation
from conformance.checks.registry import CheckContext
from conformance.errors import SpecError
from conformance.findings import Finding
from conformance.targets.base import Target

#: The finding of an answer outside the operation's published schema.
CONTRACT_CODE = "driver.answer_contract"
#: The longest schema value quoted in a breach (an enum, a pattern).
_QUOTE_LIMIT = 80


#: The key of the projections a rule compares when an answer leaves the schema: expected none, actual the breaches.
#: Kept in the comparison (not an exception of its own) so that Hypothesis meets one kind of failure, whichever the
#: drawn values show first, and reports the shrunk one.
OUTSIDE = "outside the published schema"


def outside_projections(breaches: Collection[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (expected, actual) of an answer outside the schema: they differ exactly when there are ``breaches``."""
    return {OUTSIDE: []}, {OUTSIDE: sorted(set(breaches))}


def driver_operation(catalog: EditionCatalog, operation_id: str) -> DriverOperation:
    """The edition's driver operation ``operation_id``; a SpecError when its driver.yaml lacks it."""
    for operation in catalog.driver_operations:
        if operation.id == operation_id:
            return operation
    raise SpecError([f"{catalog.domain} {catalog.edition_name}: no driver operation {operation_id!r} in driver.yaml"])


def refusal_statuses(operation: DriverOperation) -> frozenset[int]:
    """The statuses the operation's contract gives a meaning besides 200 (``refusals``)."""
    return frozenset(int(status) for status in operation.refusals)


#: Validators by operation (its identity: the catalog's models are kept for the process) and keys read.
_VALIDATORS: dict[tuple[int, frozenset[str]], tuple[DriverOperation, jsonschema.Draft202012Validator]] = {}


def _validator(operation: DriverOperation, keys: frozenset[str]) -> jsonschema.Draft202012Validator:
    key = (id(operation), keys)
    if key not in _VALIDATORS:  # the operation kept beside its validator, so its id is never reused meanwhile
        _VALIDATORS[key] = (operation, jsonschema.Draft202012Validator(answer_schema(operation, keys)))
    return _VALIDATORS[key][1]


def answer_breaches(operation: DriverOperation, answer: Mapping[str, Any], keys: Collection[str]) -> tuple[str, ...]:
    """Where ``answer`` leaves the published schema of the operation's answer, only the ``keys`` a check reads: each
    as ``/pointer: keyword value (the JSON type met)``. No value of the answer is copied (it may be personal)."""
    errors = _validator(operation, frozenset(keys)).iter_errors(dict(answer))
    return tuple(sorted({_breach(error) for error in errors}))


def _breach(error: jsonschema.ValidationError) -> str:
    pointer = "".join(f"/{step}" for step in error.absolute_path) or "/"
    said = json.dumps(error.validator_value, ensure_ascii=False)
    said = said if len(said) <= _QUOTE_LIMIT else said[:_QUOTE_LIMIT] + "…"
    return f"{pointer}: {error.validator} {said} (got {_kind(error.instance)})"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def contract_finding(ctx: CheckContext, title: str, operation: DriverOperation, keys: Collection[str], shown: str,
                     location: str, breaches: Collection[str], target: Target) -> Finding:
    """The finding of an answer outside the contract, on the scenario ``shown`` with the seed to replay it: expected,
    the published types of the ``keys`` the rule reads (data: ``conformance catalog openapi --driver``'s)."""
    published = answer_schema(operation, keys)["properties"]
    types = {key: published[key].get("type", "any") for key in sorted(published)}
    return ctx.finding(
        CONTRACT_CODE,
        f"{title}: the answer of {operation.id} is outside its published schema on the scenario [{shown}] "
        f"({target.replay})",
        location=location,
        expected=json.dumps(types, ensure_ascii=False),
        actual="; ".join(breaches),
    )
