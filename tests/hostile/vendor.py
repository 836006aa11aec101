"""A malicious vendor on loopback: drips headers and bodies, nests JSON without end, pages forever,
echoes the credentials it is sent in every spelling it can.

Bounded in time and requests: a connection is served for at most ``max_seconds``, the server answers
at most ``max_requests`` requests, and it stops when its ``with`` block ends. Used by the hostile
tests and by ``benchmarks/hostile.py``.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

Behaviour = Callable[["Connection"], None]


class Connection:
    """One request on the malicious server, and what the handler may send back."""

    def __init__(self, sock: socket.socket, method: str, path: str, headers: dict[str, str],
                 ends: float) -> None:
        self.sock = sock
        self.method = method
        self.path = path
        self.headers = headers
        self.ends = ends

    @property
    def query(self) -> dict[str, str]:
        return {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}

    def alive(self) -> bool:
        return time.monotonic() < self.ends

    def send(self, data: bytes) -> bool:
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        head = (f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                "Connection: close\r\n\r\n").encode()
        self.send(head + body)

    def drip(self, data: bytes, every: float) -> None:
        """``data`` one byte at a time, ``every`` seconds apart, until the client goes or time is up."""
        for index in range(len(data)):
            if not self.alive() or not self.send(data[index : index + 1]):
                return
            time.sleep(every)


def drip_headers(conn: Connection) -> None:
    conn.send(b"HTTP/1.1 200 OK\r\n")
    conn.drip(b"X-Slow: " + b"a" * 100_000 + b"\r\n\r\n", 0.02)


def drip_body(conn: Connection) -> None:
    conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    conn.drip(b"[" + b"1," * 49_998 + b"1]", 0.02)


def deep_json(conn: Connection) -> None:
    conn.reply(200, b"[" * 100_000 + b"]" * 100_000)


def wide_json(conn: Connection) -> None:
    conn.reply(200, b"{" + b",".join(b'"k%d":1' % i for i in range(1_000_000)) + b"}")


def endless_pages(conn: Connection) -> None:
    text = conn.query.get("offset", "0")
    offset = int(text) if text.isascii() and text.isdigit() else 0  # the harness's fuzzed queries send any text
    page = {"residents": [{"宛名番号": f"{offset + 1:015d}"}], "next_offset": offset + 1}
    conn.reply(200, json.dumps(page).encode())


def looping_pages(conn: Connection) -> None:
    """A page of a row whose next_offset is the page size, not past the page (blind round 4, 02): from the second
    page on, the same page again and again."""
    text = conn.query.get("limit", "1")
    limit = int(text) if text.isascii() and text.isdigit() else 1
    page = {"residents": [{"宛名番号": f"{limit:015d}"}], "next_offset": limit}
    conn.reply(200, json.dumps(page).encode())


def echo_secret(conn: Connection, status: int = 200) -> None:
    """The Authorization header back: raw, lower case, JSON \\u escapes, base64."""
    value = conn.headers.get("authorization", "")
    token = value.split(" ", 1)[-1]
    escaped = "".join(f"\\u{ord(c):04x}" for c in token)
    b64 = base64.b64encode(token.encode()).decode()
    b64full = base64.b64encode(value.encode()).decode()
    body = (f'{{"raw": "{token}", "lower": "{token.lower()}", "escaped": "{escaped}", "b64": "{b64}", '
            f'"b64full": "{b64full}"}}').encode()
    conn.reply(status, body)


def hang(conn: Connection) -> None:
    while conn.alive():
        time.sleep(0.05)


BEHAVIOURS: dict[str, Behaviour] = {
    "/drip-headers": drip_headers,
    "/drip-body": drip_body,
    "/deep": deep_json,
    "/wide": wide_json,
    "/residents": endless_pages,
    "/looping/residents": looping_pages,
    "/echo": echo_secret,
    "/hang": hang,
}


class MaliciousVendor:
    """``with MaliciousVendor() as vendor:`` serves ``vendor.base_url`` until the block ends."""

    def __init__(self, *, max_seconds: float = 20.0, max_requests: int = 5000) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/api"
        self.max_seconds = max_seconds
        self.max_requests = max_requests
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> MaliciousVendor:
        self._accept.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        self._accept.join(5)
        for thread in self._threads:
            thread.join(self.max_seconds)
        self._listener.close()

    def count(self, path: str) -> int:
        return sum(1 for seen in self.requests if urlsplit(seen).path.endswith(path))

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._handle, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _handle(self, sock: socket.socket) -> None:
        ends = time.monotonic() + self.max_seconds
        sock.settimeout(self.max_seconds)
        with sock:
            reader = sock.makefile("rb")
            while not self._stop.is_set() and time.monotonic() < ends:
                try:
                    line = reader.readline(65536)
                except OSError:
                    return
                if not line:
                    return
                method, _, rest = line.decode("latin-1").partition(" ")
                path = rest.rsplit(" ", 1)[0]
                headers: dict[str, str] = {}
                while True:
                    header = reader.readline(65536)
                    if header in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = header.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    reader.read(min(length, 1 << 20))
                if len(self.requests) >= self.max_requests:
                    return
                self.requests.append(path)
                route = urlsplit(path).path.removeprefix("/api")
                behaviour = BEHAVIOURS.get(route)
                conn = Connection(sock, method, path, headers, ends)
                if behaviour is None:
                    # Every other path: a 404 that echoes the credentials it was sent (any spelling).
                    echo_secret(conn, 404)
                    return
                behaviour(conn)
                return
