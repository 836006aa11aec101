"""A statute answer held whole to its published schema (issue 66: an answer outside the contract is a finding
wherever it appears, not only in the keys a rule compares).

Two answers have a published 200 schema: the per-person query's (``GET /residents/{宛名番号}/qualifications``, the
domain's parts of ``spec_catalog/contract/<slug>.yaml``, published by ``conformance catalog openapi --domain``:
:func:`conformance.catalog.contract.query_answer_schema`) and a statute driver operation's (``--driver``:
:mod:`conformance.checks.driver_answers`). Every answer a rule receives is validated against the whole schema, with
jsonschema; a breach is the finding ``driver.answer_contract`` of the rule that received the answer, naming the key,
the value met (bounded: vendor output is untrusted) and what the schema allows, with the scenario and the seed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Iterator, Mapping
from typing import Any

import jsonschema
import jsonschema_rs

from conformance.catalog.contract import QUERY_PATH, load_contract, query_answer_schema
from conformance.checks.registry import CheckContext
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.targets.base import Target

#: The finding of an answer outside its published schema (a driver operation's or the per-person query's).
CONTRACT_CODE = "driver.answer_contract"
#: The longest schema value quoted in a breach (an enum, a pattern): ours, bounded so a finding stays readable.
_SCHEMA_QUOTE = 300
#: The longest value of the vendor's answer quoted in a breach: untrusted, so bounded.
_VALUE_QUOTE = 40

#: The key of the projections a rule compares when an answer leaves the schema: expected none, actual the breaches.
#: Kept in the comparison (not an exception of its own) so that Hypothesis meets one kind of failure, whichever the
#: drawn values show first, and reports the shrunk one.
OUTSIDE = "outside the published schema"


def outside_projections(breaches: Collection[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (expected, actual) of an answer outside the schema: they differ exactly when there are ``breaches``."""
    return {OUTSIDE: []}, {OUTSIDE: sorted(set(breaches))}


class SchemaCheck:
    """One published schema, compiled twice: jsonschema-rs says whether an answer is inside it (about a microsecond:
    the common case, every answer every rule is given), Python's jsonschema says where an answer outside it breaks
    it (its errors' paths, keywords and values: the finding's words). Python's alone took about a millisecond an
    answer (2026-11-29, keijidosha_zei's answer on the loaded 2-core machine), seconds in a domain's run."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self._fast = jsonschema_rs.Draft202012Validator(dict(schema))
        self._full = jsonschema.Draft202012Validator(dict(schema))

    def breaches(self, answer: Mapping[str, Any]) -> tuple[str, ...]:
        """Where ``answer`` leaves the schema, each as ``/pointer: keyword allowed (got type value)``."""
        if self._fast.is_valid(dict(answer)):
            return ()
        return tuple(sorted({_breach(error) for top in self._full.iter_errors(dict(answer))
                             for error in _leaves(top)}))


def _leaves(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    """The errors that say what is wrong: a value that matches no branch of an ``anyOf`` (a nullable key: its type,
    or null) is reported by the branch that is not null (its enum, its pattern), not by the whole ``anyOf``."""
    branches = [each for each in error.context or () if each.schema != {"type": "null"}]
    if error.validator not in ("anyOf", "oneOf") or not branches:
        yield error
        return
    for branch in branches:
        yield from _leaves(branch)


def _breach(error: jsonschema.ValidationError) -> str:
    pointer = "".join(f"/{step}" for step in error.absolute_path) or "/"
    allowed = _bounded(json.dumps(error.validator_value, ensure_ascii=False), _SCHEMA_QUOTE)
    return f"{pointer}: {error.validator} {allowed} (got {_kind(error.instance)}{_shown(error)})"


def _shown(error: jsonschema.ValidationError) -> str:
    """The value met, quoted and bounded, where it is a scalar (a key missing or an object shows its type only)."""
    if error.validator == "required" or isinstance(error.instance, dict | list):
        return ""
    return " " + _bounded(json.dumps(error.instance, ensure_ascii=False), _VALUE_QUOTE)


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


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


@functools.cache
def _query_check(slug: str) -> SchemaCheck | None:
    """The check of the per-person answer of domain ``slug``, compiled once a process; None for a domain whose
    contract publishes no per-person query. The contract is the harness's interface, read from the shipped catalog
    (as the refusals' check reads it: conformance/checks/refusals.py)."""
    contract = load_contract(default_catalog_root(), slug)
    if contract is None or not contract.query:
        return None
    return SchemaCheck(query_answer_schema(contract.query))


def query_breaches(slug: str, answer: Mapping[str, Any]) -> tuple[str, ...]:
    """Where a per-person answer leaves domain ``slug``'s published schema, every key of its parts (none for a
    domain that publishes no per-person query)."""
    check = _query_check(slug)
    return () if check is None else check.breaches(answer)


def outside_finding(ctx: CheckContext, title: str, slug: str, shown: str, location: str, found: Collection[str],
                    target: Target) -> Finding:
    """The finding of a per-person answer outside domain ``slug``'s published schema, on the scenario ``shown`` with
    the seed to replay it: each breach names the key, what the schema allows and the value met."""
    return ctx.finding(
        CONTRACT_CODE,
        f"{title}: the per-person answer is outside its published schema on the scenario [{shown}] "
        f"({target.replay})",
        location=location,
        expected=f"every key of the domain's parts as published (conformance catalog openapi --domain {slug}: "
                 f"GET {QUERY_PATH}, 200)",
        actual="; ".join(found),
    )
