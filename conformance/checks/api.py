"""API conformance through schemathesis: generated requests, schemathesis' response checks.

The catalog's interfaces become an OpenAPI 3.1 document (:mod:`conformance.catalog.openapi`);
schemathesis generates positive and negative requests from it and judges the responses. Every
failure is a finding ``api.<schemathesis check name>`` at ``METHOD /catalog/path STATUS``.

schemathesis 4.32 public API used here (pinned ``>=4.32,<5``: 5.x may change any of it):

* ``schemathesis.openapi.from_dict(document, config=schemathesis.Config.from_dict({...}))``;
* ``schema[path][METHOD]`` -> ``APIOperation``; ``operation.as_strategy(generation_mode=...,
  path_parameters=..., query=..., body=...)``, a Hypothesis strategy of ``schemathesis.Case``;
* ``schemathesis.Case.as_transport_kwargs(base_url=...)``: the request as schemathesis serialises it;
* ``schemathesis.Response(...)``, built from our own bounded response;
* ``schemathesis.Case.validate_response(response, checks=[schemathesis.checks.<name>])``, raising
  ``schemathesis.errors.FailureGroup`` of failures with ``title``;
* ``schemathesis.openapi.checks.JsonSchemaError`` (``instance_path``, ``schema_path``,
  ``instance``, ``schema``), to say where a document is wrong without copying its values.

Requests go through the target's client (:class:`RawSender`), not ``Case.call``: the client maps
paths, adds the secret, bounds the body and never follows redirects. Cases are generated first
(Hypothesis, ``derandomize=True`` or the given seed, ``deadline=None``, no example database) and
sent afterwards, so a run is reproducible and a failure never starts shrinking.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeAlias, cast, runtime_checkable

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis.errors import Unsatisfiable
from hypothesis.strategies import SearchStrategy
from schemathesis import checks as schemathesis_checks
from schemathesis.errors import FailureGroup, SerializationNotPossible
from schemathesis.openapi.checks import JsonSchemaError

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.check_params import ApiOpenApiParams
from conformance.catalog.models import ApiInterface, DataItem, Schema
from conformance.catalog.openapi import api_interfaces, build_openapi
from conformance.checks.registry import CheckContext, check
from conformance.draws import reproducible
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.messages import did_you_mean
from conformance.targets.base import HttpResponse, Target, TestData

#: Operations tested by default besides every GET: POSTs that only read.
READ_ONLY_POSTS = ("issue_certificate",)
POSITIVE_CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
                   "response_schema_conformance")
NEGATIVE_CHECKS = (*POSITIVE_CHECKS, "negative_data_rejection")
MODES: dict[str, schemathesis.GenerationMode] = {
    "positive": schemathesis.GenerationMode.POSITIVE,
    "negative": schemathesis.GenerationMode.NEGATIVE,
}
#: Rows of the loaded test data used as known path/query/body values (a random 宛名番号 is 404).
KNOWN_ROWS = 3
#: Longest message, expected or actual text of a finding.
TEXT_LIMIT = 200
_DOCUMENT_KEY = "api.openapi:document"
_SCHEMA_KEY = "api.openapi:schema:"

Case: TypeAlias = schemathesis.Case[Any]
Operation: TypeAlias = schemathesis.APIOperation[Any, Any, Any, Any]


@runtime_checkable
class RawSender(Protocol):
    """A client that sends a request built elsewhere (schemathesis' headers, raw bodies, queries)."""

    base_url: str

    def send(self, request: requests.Request) -> HttpResponse: ...


# -- the check ------------------------------------------------------------------------------------


@check("api.openapi")
def api_openapi(ctx: CheckContext) -> Iterator[Finding]:
    """Generated requests per selected operation and mode; one finding per distinct failure."""
    options = ctx.args(ApiOpenApiParams)
    target = _need_target(ctx)
    sender = _need_sender(target)
    interfaces = select_operations(target.catalog, options.operations)
    schema = _loaded_schema(target, sender.base_url)
    seen: set[tuple[str, str, str]] = set()
    for interface in interfaces:
        if not target.serves(interface.id):
            # Not offered (targets.api.operations): the others are judged, the requirement never PASS on them alone.
            ctx.did_not_run(f"{interface.method.upper()} {interface.path} ({interface.id}) is not "
                            "offered: the profile's targets.api.operations does not declare it")
            continue
        operation = schema[interface.path][interface.method.upper()]
        for mode in options.modes:
            for finding in _run_mode(ctx, target, interface, operation, mode, options, sender):
                key = (finding.code, finding.where, finding.message)
                if key not in seen:
                    seen.add(key)
                    yield finding


def select_operations(catalog: EditionCatalog, ids: Sequence[str] | None) -> tuple[ApiInterface, ...]:
    """The listed operations, or every GET plus the read-only POSTs (never a mutating one)."""
    interfaces = api_interfaces(catalog)
    if ids is None:
        return tuple(i for i in interfaces if i.method == "get" or i.id in READ_ONLY_POSTS)
    by_id = {interface.id: interface for interface in interfaces}
    for interface_id in ids:
        if interface_id not in by_id:
            raise UsageError(f"api.openapi: unknown API operation {interface_id!r}{did_you_mean(interface_id, by_id)}")
    return tuple(by_id[interface_id] for interface_id in ids)


def _need_target(ctx: CheckContext) -> Target:
    return ctx.need_target("the vendor's API")


def _need_sender(target: Target) -> RawSender:
    client = target.need_http()
    if not isinstance(client, RawSender):
        # schemathesis' requests carry raw bodies, headers and nested queries the plain request() cannot.
        raise TargetError(f"api.openapi needs an HTTP client with send(requests.Request), not {type(client).__name__}")
    return client


def _loaded_schema(target: Target, base_url: str) -> schemathesis.BaseSchema:
    """The schemathesis schema of the catalog, built once per target and base URL."""
    key = _SCHEMA_KEY + base_url
    if key not in target.cache:
        document = target.cache.get(_DOCUMENT_KEY)
        if document is None:
            document = target.cache[_DOCUMENT_KEY] = build_openapi(target.catalog)
        # An explicit config: a schemathesis.toml found in the working directory must not change a run.
        # The base URL makes schemathesis compare the URL it sees with the operation's path.
        config = schemathesis.Config.from_dict({"base-url": base_url, "seed": 0})
        # A copy: the loader may rewrite the document in place, and the cached one is shared.
        target.cache[key] = schemathesis.openapi.from_dict(json.loads(json.dumps(document)), config=config)
    return cast(schemathesis.BaseSchema, target.cache[key])


# -- one operation in one mode --------------------------------------------------------------------


def _run_mode(
    ctx: CheckContext,
    target: Target,
    interface: ApiInterface,
    operation: Operation,
    mode: str,
    options: ApiOpenApiParams,
    sender: RawSender,
) -> Iterator[Finding]:
    checks = NEGATIVE_CHECKS if mode == "negative" else POSITIVE_CHECKS
    for case in _cases(interface, operation, mode, options, target):
        exchanged = _exchange(sender, case)
        if exchanged is None:
            continue
        response, status = exchanged
        for name in checks:
            for failure in _failures(case, response, name):
                yield from _findings(ctx, interface, name, status, failure)


#: The cases drawn in this process, by what draws them (:func:`_cases`).
_DRAWN: dict[tuple[str, ...], tuple[Case, ...]] = {}


def _cases(
    interface: ApiInterface, operation: Operation, mode: str, options: ApiOpenApiParams, target: Target
) -> list[Case]:
    """The cases of one operation in one mode: one for each known value of the test data, then the drawn ones.

    Drawn once a process for the same catalog document, base URL, operation, mode, known values, count and seed
    (nothing of the vendor is in them): drawing was half of a partial run's CPU where the run's requirements are
    bound to this check (the test suite's defect groups: each draws the same cases again). A case is reused as
    it was drawn; sending it sets only its base URL (the same in the key) and freezes its metadata."""
    known = known_values(interface, target.catalog, target.data) if mode != "negative" else []
    key = (_document_digest(target), operation.schema.config.base_url or "", interface.id, mode,
           json.dumps(known, sort_keys=True, ensure_ascii=False), str(options.max_examples), str(options.seed))
    cached = _DRAWN.get(key)
    if cached is None:
        cached = _DRAWN[key] = tuple(_draw_cases(operation, mode, known, options))
    return list(cached)


def _document_digest(target: Target) -> str:
    """The catalog's OpenAPI document as the run built it (:func:`_loaded_schema`), as a digest."""
    key = _DOCUMENT_KEY + ":digest"
    if key not in target.cache:
        document = json.dumps(target.cache[_DOCUMENT_KEY], sort_keys=True, ensure_ascii=False)
        target.cache[key] = hashlib.sha256(document.encode("utf-8")).hexdigest()
    return cast(str, target.cache[key])


def _draw_cases(operation: Operation, mode: str, known: list[dict[str, Any]], options: ApiOpenApiParams) -> list[Case]:
    generation_mode = MODES[mode]
    negative = mode == "negative"
    cases: list[Case] = []
    for values in known:
        strategy = operation.as_strategy(generation_mode=generation_mode, **values)
        cases += _collect(strategy, 1, options.seed, negative=False)
    strategy = operation.as_strategy(generation_mode=generation_mode)
    return cases + _collect(strategy, options.max_examples, options.seed, negative=negative)


def _collect(strategy: SearchStrategy[Case], count: int, seed: int | None, *, negative: bool) -> list[Case]:
    """``count`` cases drawn by Hypothesis, reproducibly, without sending anything."""
    cases: list[Case] = []

    def keep(case: Case) -> None:
        cases.append(case)

    reproducible()  # the draws a function of the seed alone, whatever the process imported (conformance/draws.py)
    test = hypothesis.settings(
        max_examples=count,
        derandomize=seed is None,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )(given(strategy)(keep))
    if seed is not None:
        test = hypothesis.seed(seed)(test)
    try:
        test()
    except Unsatisfiable:
        # Negative mode of an operation without inputs (a plain GET of a CSV): nothing can be invalid.
        if not cases and negative:
            return []
        raise
    return cases


def _exchange(sender: RawSender, case: Case) -> tuple[schemathesis.Response, int] | None:
    """Send ``case`` through the client; the response as schemathesis validates it, and its status."""
    try:
        kwargs = case.as_transport_kwargs(base_url=sender.base_url)
    except SerializationNotPossible:
        return None
    # A bearer security scheme makes schemathesis invent an Authorization header: the client's own
    # credentials go instead (conformance/targets/oauth.py), so the cases reach the operation.
    headers = {name: value for name, value in (kwargs.get("headers") or {}).items() if name.lower() != "authorization"}
    request = requests.Request(
        method=kwargs["method"], url=kwargs["url"], headers=headers, params=kwargs.get("params"),
        cookies=kwargs.get("cookies"), json=kwargs.get("json"), data=kwargs.get("data"),
    )
    # schemathesis sees the request at the catalog URL and without the auth header: its heuristics
    # compare the URL with the operation's path, and its messages must never hold the secret.
    shown = request.prepare()
    started = time.monotonic()
    answer = sender.send(request)
    response = schemathesis.Response(
        status_code=answer.status,
        headers={name: [value] for name, value in answer.headers.items()},
        content=answer.body,
        request=shown,
        elapsed=time.monotonic() - started,
        verify=True,
    )
    return response, answer.status


def _failures(case: Case, response: schemathesis.Response, name: str) -> tuple[AssertionError, ...]:
    """The failures of one schemathesis check (run alone, so each failure's check is known)."""
    function = getattr(schemathesis_checks, name)
    try:
        case.validate_response(response, checks=[function])
    except FailureGroup as group:
        # schemathesis collects failures in a set whose order varies between processes.
        return tuple(sorted(group.exceptions, key=_failure_order))
    return ()


def _failure_order(failure: AssertionError) -> tuple[str, str]:
    path = failure.schema_path if isinstance(failure, JsonSchemaError) else ()
    return type(failure).__name__, "/".join(map(str, path))


# -- known values from the loaded test data -------------------------------------------------------


def known_values(interface: ApiInterface, catalog: EditionCatalog, data: TestData | None) -> list[dict[str, Any]]:
    """``as_strategy`` arguments fixing parameters (and body) to records the vendor holds."""
    if data is None:
        return []
    items = {item.id: item for item in catalog.data_items}
    schemas = {schema.id: schema for schema in catalog.schemas}
    found: dict[str, dict[str, Any]] = {}
    for row in data.rows[:KNOWN_ROWS]:
        known = _known_from_row(interface, row, items, schemas)
        if known:
            # Rows of one household give the same 世帯番号: one case each.
            found.setdefault(json.dumps(known, sort_keys=True, ensure_ascii=False), known)
    return list(found.values())


def _known_from_row(
    interface: ApiInterface, row: Mapping[str, str], items: Mapping[str, DataItem], schemas: Mapping[str, Schema]
) -> dict[str, Any] | None:
    known: dict[str, Any] = {}
    for parameter in interface.parameters:
        item = items.get(parameter.data_item or "")
        value = row.get(item.name, "") if item is not None else ""
        if not value:
            if parameter.required and item is not None:
                return None
            continue
        location = "path_parameters" if parameter.location == "path" else "query"
        known.setdefault(location, {})[parameter.name] = value
    if interface.request is not None:
        body = _known_body(schemas.get(interface.request), row, items)
        if body is None:
            return None
        known["body"] = body
    return known or None


def _known_body(schema: Schema | None, row: Mapping[str, str], items: Mapping[str, DataItem]) -> dict[str, Any] | None:
    """The request's required properties from ``row``; None when one has no data item or value."""
    if schema is None:
        return None
    body: dict[str, Any] = {}
    for prop in schema.properties:
        if not prop.required:
            continue
        item = items.get(prop.data_item or "")
        value = row.get(item.name, "") if item is not None else ""
        if item is None or not value:
            return None
        body[prop.name] = int(value) if item.type == "integer" else value
    return body


# -- failures to findings -------------------------------------------------------------------------


def _findings(
    ctx: CheckContext, interface: ApiInterface, name: str, status: int, failure: AssertionError
) -> Iterator[Finding]:
    code = f"api.{name}"
    location = f"{interface.method.upper()} {interface.path} {status}"
    title = str(getattr(failure, "title", "") or type(failure).__name__)
    if isinstance(failure, JsonSchemaError):
        for message, expected, actual in _schema_error_texts(title, failure):
            yield ctx.finding(code, _short(message), location=location, expected=_maybe_short(expected),
                              actual=_maybe_short(actual))
        return
    expected, actual = _status_texts(failure)
    yield ctx.finding(
        code, _short(title), location=location, expected=_maybe_short(expected), actual=_maybe_short(actual)
    )


def _schema_error_texts(title: str, failure: JsonSchemaError) -> Iterator[tuple[str, str | None, str | None]]:
    """Where the document is wrong and which rule it breaks; values are named by type only (personal data)."""
    pointer = json_pointer(failure.instance_path)
    keyword = str(failure.schema_path[-1]) if failure.schema_path else ""
    instance = failure.instance
    schema = failure.schema if isinstance(failure.schema, dict) else {}
    if keyword == "additionalProperties" and isinstance(instance, dict):
        allowed = schema.get("properties", {})
        for extra in sorted(name for name in instance if name not in allowed):
            yield (f"{title}: property not in the schema at {pointer}/{_escape(extra)}",
                   "additionalProperties: false", f"{json_type(instance[extra])} present")
        return
    if keyword == "required" and isinstance(instance, dict):
        for missing in (name for name in schema.get("required", []) if name not in instance):
            yield f"{title}: required property missing at {pointer}/{_escape(missing)}", "present", "absent"
        return
    rule = json.dumps(schema.get(keyword), ensure_ascii=False) if keyword in schema else "?"
    yield f"{title} at {pointer or '/'}", f"{keyword}: {rule}", json_type(instance)


def _status_texts(failure: AssertionError) -> tuple[str | None, str | None]:
    """Expected and actual for failures about statuses and media types (no bodies)."""
    status = getattr(failure, "status_code", None)
    expected_statuses = getattr(failure, "expected_statuses", None) or getattr(failure, "defined_status_codes", None)
    if status is not None:
        expected = f"status in {', '.join(map(str, expected_statuses))}" if expected_statuses else "status below 500"
        return expected, f"status {status}"
    content_type = getattr(failure, "content_type", None)
    defined = getattr(failure, "defined_content_types", None) or getattr(failure, "media_types", None)
    if defined is not None:
        return f"Content-Type in {', '.join(map(str, defined))}", f"Content-Type {content_type or '(none)'}"
    return None, None


def json_pointer(path: Sequence[str | int]) -> str:
    """A JSON pointer with array indices as ``*``, so one bug in every list item is one finding."""
    return "".join("/*" if isinstance(part, int) else "/" + _escape(str(part)) for part in path)


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def json_type(value: object) -> str:
    """The JSON type name of a value (never the value: it may be personal data)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _short(text: str) -> str:
    """At most TEXT_LIMIT characters."""
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _maybe_short(text: str | None) -> str | None:
    return None if text is None else _short(text)
