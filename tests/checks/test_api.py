"""api.openapi against small WSGI vendors: conforming gives nothing, each defect its exact findings."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from apps import ROWS, WsgiApp, conforming_app, crashing_app, defective_app
from factories import requirement

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.checks import api
from conformance.checks.api import api_openapi, select_operations
from conformance.checks.registry import CheckContext, Registry
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget
from conformance.targets import base
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient

SUBSET = {"operations": ["get_resident", "get_household"], "max_examples": 6}


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def edition() -> EditionCatalog:
    return load_edition(default_catalog_root() / "jumin" / "1.0")


@contextmanager
def serving(app: WsgiApp) -> Iterator[str]:
    """``app`` on 127.0.0.1 (a free port) in a thread; yields its API base URL."""
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    # shutdown() waits for the loop to look again: every 0.5 s by default, half a second of every test.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


def target_for(edition: EditionCatalog, base_url: str, *, data: bool = True) -> Target:
    client = RequestsHttpClient(ApiTarget(base_url=base_url))
    return Target(catalog=edition, http=client, data=base.TestData(rows=ROWS) if data else None)


def run(target: Target, **params: Any) -> list[Finding]:
    ctx = CheckContext(requirement=requirement(), params={**SUBSET, **params}, target=target)
    return list(api_openapi(ctx))


def run_app(edition: EditionCatalog, app: WsgiApp, **params: Any) -> list[Finding]:
    with serving(app) as base_url:
        return run(target_for(edition, base_url), **params)


def recording(app: WsgiApp, seen: list[str]) -> WsgiApp:
    def record(environ: dict[str, Any], start_response: Any) -> Any:
        seen.append(f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}?{environ.get('QUERY_STRING', '')}")
        return app(environ, start_response)

    return record


def test_the_check_is_registered_as_api_openapi() -> None:
    registry = Registry()
    registry.add_module(api)
    assert "api.openapi" in registry


def test_a_conforming_vendor_has_no_findings(edition: EditionCatalog) -> None:
    assert run_app(edition, conforming_app()) == []


def test_a_defective_vendor_has_exactly_its_findings(edition: EditionCatalog) -> None:
    findings = run_app(edition, defective_app())
    schema = "api.response_schema_conformance"
    assert sorted((f.code, f.location, f.message, f.expected, f.actual) for f in findings) == [
        (schema, "GET /households/{世帯番号} 200", "Response violates schema at /members/*/性別",
         'enum: ["1", "2"]', "integer"),
        (schema, "GET /households/{世帯番号} 200",
         "Response violates schema: property not in the schema at /members/*/内部ID",
         "additionalProperties: false", "integer present"),
        (schema, "GET /residents/{宛名番号} 200", "Response violates schema at /性別", 'enum: ["1", "2"]', "integer"),
        (schema, "GET /residents/{宛名番号} 200", "Response violates schema: property not in the schema at /内部ID",
         "additionalProperties: false", "integer present"),
    ]
    assert {f.requirement for f in findings} == {requirement().id}


def test_findings_carry_no_personal_data(edition: EditionCatalog) -> None:
    texts = " ".join(f"{f.message} {f.expected} {f.actual}" for f in run_app(edition, defective_app()))
    for row in ROWS:
        for column in ("宛名番号", "氏名", "生年月日", "住所_町字"):
            assert row[column] not in texts


def test_a_server_error_on_malformed_input(edition: EditionCatalog) -> None:
    findings = run_app(edition, crashing_app(), operations=["get_resident"])
    assert sorted((f.code, f.location, f.expected, f.actual) for f in findings) == [
        ("api.not_a_server_error", "GET /residents/{宛名番号} 500", "status below 500", "status 500"),
        ("api.status_code_conformance", "GET /residents/{宛名番号} 500", "status in 200, 400, 404", "status 500"),
    ]
    assert {f.message for f in findings} == {"Server error", "Undocumented status code"}


def test_known_records_are_requested_and_runs_are_reproducible(edition: EditionCatalog) -> None:
    first: list[str] = []
    second: list[str] = []
    assert run_app(edition, recording(conforming_app(), first)) == []
    assert run_app(edition, recording(conforming_app(), second)) == []
    assert first == second
    assert "GET /api/v1/residents/0000000019?" in first
    assert "GET /api/v1/households/0000001008?" in first
    assert len(first) <= 2 * 2 * SUBSET["max_examples"] + 3  # operations x modes x examples + known records


def test_negative_mode_only(edition: EditionCatalog) -> None:
    seen: list[str] = []
    assert run_app(edition, recording(conforming_app(), seen), modes=["negative"], operations=["get_resident"]) == []
    assert seen and all(not request.startswith("GET /api/v1/residents/0000000019?") for request in seen)


def test_the_default_operations_never_mutate(edition: EditionCatalog) -> None:
    assert [i.id for i in select_operations(edition, None)] == [
        "get_resident", "list_residents", "get_household", "get_history", "issue_certificate", "inspection_list",
        "export_residents", "get_qualifications",
    ]
    assert [i.id for i in select_operations(edition, ["move_in"])] == ["move_in"]


def test_the_document_is_built_once_per_target(edition: EditionCatalog) -> None:
    with serving(conforming_app()) as base_url:
        target = target_for(edition, base_url)
        run(target, max_examples=1)
        document = target.cache["api.openapi:document"]
        run(target, max_examples=1)
        assert target.cache["api.openapi:document"] is document


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"operations": ["get_resident", "get_residnt"]}, "unknown API operation 'get_residnt'"),
        ({"operations": ["residents_csv"]}, "unknown API operation 'residents_csv'"),
        ({"modes": ["fuzzy"]}, r"params\.modes\[0\]: 'fuzzy' is not allowed; expected one of: positive, negative$"),
        ({"max_examples": 0}, r"params\.max_examples: 0 is too small; must be at least 1$"),
        ({"seed": "x"}, r"params\.seed: expected an integer, got string 'x'$"),
    ],
)
def test_bad_parameters_are_usage_errors(edition: EditionCatalog, params: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        run(target_for(edition, "http://127.0.0.1:9/api/v1"), **params)


def test_an_unreachable_vendor_is_a_target_error(edition: EditionCatalog) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TargetError, match="connection refused"):
        run(target_for(edition, f"http://127.0.0.1:{port}/api/v1"))


def test_no_api_target_is_a_target_error(edition: EditionCatalog) -> None:
    with pytest.raises(TargetError, match="no API target"):
        run(Target(catalog=edition))


def test_a_seed_gives_another_reproducible_run(edition: EditionCatalog) -> None:
    runs: list[list[str]] = [[], []]
    for seen in runs:
        assert run_app(edition, recording(conforming_app(), seen), seed=7, operations=["get_resident"]) == []
    assert runs[0] == runs[1]
