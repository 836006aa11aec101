"""RequestsHttpClient against a tiny local server: auth, limits, redirects, mapping, broken targets."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from conformance.errors import ProfileError, TargetError
from conformance.profiles import ApiTarget
from conformance.targets.base import HttpClient
from conformance.targets.http import RequestsHttpClient, fill_template

SECRET = "s3cr3t-token-value"
ENV = {"VENDOR_TOKEN": SECRET}
BIG_BYTES = 4096
LIMIT = 1024


@dataclass
class Seen:
    """What the server received: (method, raw path, headers, body)."""

    requests: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)

    def last(self) -> tuple[str, str, dict[str, str], bytes]:
        return self.requests[-1]


class Handler(BaseHTTPRequestHandler):
    seen: Seen

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self.answer()

    def do_POST(self) -> None:
        self.answer()

    def answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.seen.requests.append((self.command, self.path, dict(self.headers.items()), body))
        if self.path.startswith("/api/v1/big"):
            self.reply(200, b"x" * BIG_BYTES, "application/octet-stream")
        elif self.path.startswith("/api/v1/redirect"):
            self.send_response(302)
            self.send_header("Location", "/api/v1/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.startswith("/api/v1/slow"):
            time.sleep(0.5)
            self.reply(200, b"{}", "application/json")
        else:
            self.reply(200, json.dumps({"path": self.path}).encode(), "application/json")

    def reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    handler = type("BoundHandler", (Handler,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)  # quick shutdown
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/api/v1", seen
    httpd.shutdown()
    httpd.server_close()


def api(base_url: str, **extra: Any) -> ApiTarget:
    data: dict[str, Any] = {"base_url": base_url, "auth": {"env": "VENDOR_TOKEN"}, "max_response_bytes": LIMIT}
    data.update(extra)
    return ApiTarget.model_validate(data)


def client_for(base_url: str, **extra: Any) -> RequestsHttpClient:
    return RequestsHttpClient(api(base_url, **extra), environ=ENV)


def refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


def test_it_is_an_http_client(server: tuple[str, Seen]) -> None:
    client: HttpClient = client_for(server[0])
    assert client.base_url == server[0]


def test_the_auth_header_comes_from_the_environment(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    response = client_for(base_url).request("get", "/residents/0000000019", params={"x": "1"})
    method, path, headers, _ = seen.last()
    assert (method, path) == ("GET", "/api/v1/residents/0000000019?x=1")
    assert headers["Authorization"] == f"Bearer {SECRET}"
    assert response.status == 200
    assert response.json() == {"path": "/api/v1/residents/0000000019?x=1"}
    assert response.url == base_url + "/residents/0000000019"  # no query: it may hold personal data


def test_a_custom_header_without_scheme(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    client_for(base_url, auth={"env": "VENDOR_TOKEN", "header": "X-Api-Key", "scheme": None}).request("get", "/x")
    assert seen.last()[2]["X-Api-Key"] == SECRET


def test_no_auth_sends_no_header(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    RequestsHttpClient(ApiTarget(base_url=base_url), environ={}).request("get", "/x")
    assert "Authorization" not in seen.last()[2]


@pytest.mark.parametrize(("environ", "state"), [({}, "is not set"), ({"VENDOR_TOKEN": ""}, "is empty")])
def test_a_missing_secret_is_a_profile_error_naming_the_variable(environ: dict[str, str], state: str) -> None:
    with pytest.raises(ProfileError) as raised:
        RequestsHttpClient(api("http://127.0.0.1:9"), environ=environ)
    assert str(raised.value) == f"targets.api.auth: environment variable VENDOR_TOKEN {state}"


def test_the_secret_is_never_in_errors_repr_or_logs(
    server: tuple[str, Seen], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    errors: list[str] = []
    for base_url, path in ((server[0], "/big"), (refused_url(), "/x"), (server[0].replace("http:", "https:"), "/x")):
        client = client_for(base_url)
        with pytest.raises(TargetError) as raised:
            client.request("get", path)
        errors += [str(raised.value), repr(raised.value), repr(client)]
    assert errors
    assert all(SECRET not in text for text in errors)
    assert SECRET not in caplog.text


def test_an_oversized_body_is_a_target_error(server: tuple[str, Seen]) -> None:
    base_url = server[0]
    with pytest.raises(TargetError) as raised:
        client_for(base_url).request("get", "/big")
    assert str(raised.value) == f"GET {base_url}/big: response body exceeds max_response_bytes ({LIMIT})"


def test_a_body_within_the_limit_is_read(server: tuple[str, Seen]) -> None:
    response = client_for(server[0], max_response_bytes=BIG_BYTES).request("get", "/big")
    assert len(response.body) == BIG_BYTES


def test_a_redirect_is_returned_not_followed(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    response = client_for(base_url).request("get", "/redirect")
    assert response.status == 302
    assert response.headers["Location"] == "/api/v1/elsewhere"
    assert seen.last()[1] == "/api/v1/redirect"


def test_catalog_paths_map_to_the_vendors(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    paths = {
        "/residents/{宛名番号}/history": "/people/{宛名番号}/changes",
        "/residents/{宛名番号}": "/people/{宛名番号}",
        "/residents/search": "/people-search",
    }
    client = client_for(base_url, paths=paths)
    client.request("get", "/residents/0000000019/history")
    assert seen.last()[1] == "/api/v1/people/0000000019/changes"
    client.request("get", "/residents/search")  # the literal template is more specific
    assert seen.last()[1] == "/api/v1/people-search"
    client.call("get", "/residents/{宛名番号}", {"宛名番号": "a/b"})
    assert seen.last()[1] == "/api/v1/people/a%2Fb"
    client.request("get", "/households/0000001008")  # unmapped: unchanged
    assert seen.last()[1] == "/api/v1/households/0000001008"


def test_a_mapping_must_keep_the_parameters() -> None:
    with pytest.raises(ProfileError, match="same \\{parameters\\}"):
        client_for("http://127.0.0.1:9", paths={"/residents/{宛名番号}": "/people/{id}"})


def test_raw_bodies_and_prepared_requests(server: tuple[str, Seen]) -> None:
    base_url, seen = server
    client = client_for(base_url, paths={"/residents": "/people"})
    client.request("post", "/residents", data=b"a,b\n", content_type="text/csv; charset=utf-8")
    method, path, headers, body = seen.last()
    assert (method, path, headers["Content-Type"], body) == ("POST", "/api/v1/people", "text/csv; charset=utf-8",
                                                             b"a,b\n")
    request = requests.Request("POST", client.catalog_url("/residents"), params={"q": "1"}, json={"a": 1})
    client.send(request)
    method, path, headers, body = seen.last()
    assert (path, json.loads(body), headers["Authorization"]) == ("/api/v1/people?q=1", {"a": 1}, f"Bearer {SECRET}")
    assert request.url == base_url + "/residents"  # the caller's request is left as it was


def test_a_refused_connection_is_a_target_error_with_url_and_reason() -> None:
    base_url = refused_url()
    with pytest.raises(TargetError) as raised:
        client_for(base_url).request("get", "/residents/1", params={"町字": "本町"})
    assert str(raised.value) == f"GET {base_url}/residents/1: connection refused"


def test_a_timeout_is_a_target_error(server: tuple[str, Seen]) -> None:
    base_url = server[0]
    with pytest.raises(TargetError) as raised:
        client_for(base_url, timeout_seconds=0.1).request("get", "/slow")
    assert str(raised.value) == f"GET {base_url}/slow: no response within 0.1 s"


def test_tls_to_a_plain_server_is_a_target_error(server: tuple[str, Seen]) -> None:
    base_url = server[0].replace("http:", "https:")
    with pytest.raises(TargetError, match="TLS error"):
        client_for(base_url).request("get", "/x")


def test_fill_template_encodes_values() -> None:
    assert fill_template("/a/{x}/{y}", {"x": "1 2", "y": 3}) == "/a/1%202/3"
    with pytest.raises(TargetError, match="no value for path parameter 'y'"):
        fill_template("/a/{y}", {})
