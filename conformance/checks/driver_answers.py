"""A statute driver operation's answer held to its published schema (docs/driver.md, "Operations of the statute
editions").

The edition's driver.yaml types each key of the operation's 200 answer (``answer``) and names the statuses the
harness reads as an answer instead (``refusals``); ``conformance catalog openapi --driver`` publishes both
(:func:`conformance.catalog.driver_openapi.answer_schema`). A check validates every key of each answer it receives
with jsonschema (issue 66: not only the keys it reads; :mod:`conformance.checks.answer_contract`), so an answer
outside the contract is a finding of the rule that received it (``driver.answer_contract``, naming the scenario and
the seed), never a crash nor a comparison of values of another type.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.driver_openapi import answer_schema
from conformance.catalog.scenario_models import DriverOperation
from conformance.checks.answer_contract import CONTRACT_CODE, SchemaCheck
from conformance.checks.registry import CheckContext
from conformance.errors import SpecError
from conformance.findings import Finding
from conformance.targets.base import Target


def driver_operation(catalog: EditionCatalog, operation_id: str) -> DriverOperation:
    """The edition's driver operation ``operation_id``; a SpecError when its driver.yaml lacks it."""
    for operation in catalog.driver_operations:
        if operation.id == operation_id:
            return operation
    raise SpecError([f"{catalog.domain} {catalog.edition_name}: no driver operation {operation_id!r} in driver.yaml"])


def refusal_statuses(operation: DriverOperation) -> frozenset[int]:
    """The statuses the operation's contract gives a meaning besides 200 (``refusals``)."""
    return frozenset(int(status) for status in operation.refusals)


#: The compiled schemas by operation (its identity: the catalog's models are kept for the process).
_CHECKS: dict[int, tuple[DriverOperation, SchemaCheck]] = {}


def _check(operation: DriverOperation) -> SchemaCheck:
    key = id(operation)
    if key not in _CHECKS:  # the operation kept beside its check, so its id is never reused meanwhile
        _CHECKS[key] = (operation, SchemaCheck(answer_schema(operation)))
    return _CHECKS[key][1]


def answer_breaches(operation: DriverOperation, answer: Mapping[str, Any]) -> tuple[str, ...]:
    """Where ``answer`` leaves the published schema of the operation's answer, every key of it (issue 66: not only
    those a rule reads): each as ``/pointer: keyword allowed (got type value)``."""
    return _check(operation).breaches(answer)


def contract_finding(ctx: CheckContext, title: str, operation: DriverOperation, shown: str, location: str,
                     found: Collection[str], target: Target) -> Finding:
    """The finding of an answer outside the contract, on the scenario ``shown`` with the seed to replay it: expected,
    the published types of the answer's keys (data: ``conformance catalog openapi --driver``'s)."""
    published = answer_schema(operation)["properties"]
    types = {key: published[key].get("type", "any") for key in sorted(published)}
    return ctx.finding(
        CONTRACT_CODE,
        f"{title}: the answer of {operation.id} is outside its published schema on the scenario [{shown}] "
        f"({target.replay})",
        location=location,
        expected=json.dumps(types, ensure_ascii=False),
        actual="; ".join(found),
    )
