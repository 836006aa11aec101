"""Recorded exchanges: every request of the client, masked, never with credentials."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from conformance.errors import TargetError
from conformance.profiles import ApiTarget
from conformance.reporting.personal import Scrubber
from conformance.reporting.recorder import JsonlRecorder, recording_path
from conformance.targets.http import RequestsHttpClient

SECRET = "tok-9f8e7d6c5b4a"
NAME = "見本　花子"
TOWN = "さくら台二丁目"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        if self.path.startswith("/api/v1/echo-secret"):
            self.reply(200, json.dumps({"you_sent": self.headers.get("Authorization")}).encode(), "application/json")
        elif self.path.startswith("/api/v1/csv"):
            body = f"宛名番号,氏名,性別\n1000000015,{NAME},2\n".encode()
            self.reply(200, body, "text/csv; charset=utf-8")
        elif self.path.startswith("/api/v1/pdf"):
            self.reply(200, b"%PDF-1.7\x00\x01\x02binary", "application/pdf")
        elif self.path.startswith("/api/v1/big"):
            self.reply(200, ("x" * 50_000 + NAME).encode(), "text/plain")
        else:
            body = {"residents": [{"氏名": NAME, "性別": "2", "住所_町字": TOWN, "note": f"{NAME}様"}]}
            self.reply(200, json.dumps(body, ensure_ascii=False).encode(), "application/json")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.reply(201, b"{}", "application/json")

    def reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", f"session={SECRET}")
        self.send_header("X-Session-Token", "opaque-value")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()


def client(base_url: str, tmp_path: Path, **limits: int) -> tuple[RequestsHttpClient, JsonlRecorder]:
    target = ApiTarget.model_validate({"base_url": base_url, "auth": {"env": "VENDOR_TOKEN"}, "timeout_seconds": 5})
    scrubber = Scrubber(["氏名", "住所_町字"], values=[NAME, TOWN])
    recorder = JsonlRecorder(recording_path(tmp_path, "main"), scrubber, **limits)
    return RequestsHttpClient(target, environ={"VENDOR_TOKEN": SECRET}, recorder=recorder), recorder


def lines(recorder: JsonlRecorder) -> list[dict[str, Any]]:
    recorder.close()
    return [json.loads(line) for line in recorder.path.read_text("utf-8").split("\n") if line]


def test_every_exchange_is_recorded_with_personal_data_masked(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/residents", params={"町字": TOWN, "limit": "10"})
    http.request("post", "/residents", json={"氏名": NAME})
    http.request("get", "/csv")
    recorded = lines(recorder)
    text = recorder.path.read_text("utf-8")
    assert NAME not in text and TOWN not in text
    first = recorded[0]
    assert [entry["sequence"] for entry in recorded] == [1, 2, 3]
    assert first["request"]["method"] == "GET" and first["request"]["url"].endswith("/api/v1/residents")
    assert first["request"]["query"] == [["町字", "＊＊＊＊＊＊＊"], ["limit", "10"]]
    body = json.loads(first["response"]["body"]["text"])
    masked = {"氏名": "＊＊＊＊＊", "性別": "2", "住所_町字": "＊＊＊＊＊＊＊", "note": "＊＊＊＊＊様"}
    assert body == {"residents": [masked]}
    assert json.loads(recorded[1]["request"]["body"]["text"]) == {"氏名": "＊＊＊＊＊"}
    assert recorded[1]["response"]["status"] == 201
    assert recorded[2]["response"]["body"]["text"] == "宛名番号,氏名,性別\n1000000015,＊＊＊＊＊,2\n"


def test_credentials_are_never_recorded(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    answer = http.request("get", "/echo-secret")
    assert SECRET in answer.body.decode()  # the vendor did echo it: the recording must not keep it
    recorded = lines(recorder)
    assert SECRET not in recorder.path.read_text("utf-8")
    assert "Authorization" not in recorded[0]["request"]["headers"]
    assert "Set-Cookie" not in recorded[0]["response"]["headers"]
    assert recorded[0]["response"]["headers"]["X-Session-Token"] == "[redacted]"
    assert json.loads(recorded[0]["response"]["body"]["text"]) == {"you_sent": "[redacted]"}


def test_binary_bodies_are_described_and_long_ones_cut(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path, body_limit=1000)
    http.request("get", "/pdf")
    http.request("get", "/big")
    pdf, big = lines(recorder)
    assert pdf["response"]["body"] == {"content_type": "application/pdf", "size": 17, "omitted": "binary"}
    assert big["response"]["body"]["truncated"] is True
    assert len(big["response"]["body"]["text"]) == 1000
    assert big["response"]["body"]["size"] == 50_000 + len(NAME.encode())


def test_bodies_stop_at_the_total_limit(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path, total_limit=10)
    http.request("get", "/csv")
    http.request("get", "/csv")
    first, second = lines(recorder)
    assert "text" in first["response"]["body"]
    assert second["response"]["body"]["omitted"] == "recording limit reached"


def test_a_broken_exchange_is_recorded_with_its_reason(tmp_path: Path) -> None:
    http, recorder = client("http://127.0.0.1:9/api/v1", tmp_path)
    with pytest.raises(TargetError):
        http.request("get", "/residents")
    (entry,) = lines(recorder)
    assert entry["response"] is None
    assert "GET http://127.0.0.1:9/api/v1/residents" in entry["error"]
