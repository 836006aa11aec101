"""Recorded requests and responses: JSON lines with personal data masked, for the evidence bundle.

Every exchange of a run's HTTP client is one line of ``exchanges-<worker>.jsonl`` in the run's work
directory (one file per pytest-xdist worker, so workers never share a file). A body is kept as
masked text up to ``BODY_LIMIT`` characters: enough for an engineer to see what the vendor
answered, without copying a whole export of the town into the evidence. Binary bodies (a PDF) are
described by type and size only.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from conformance.masking import mask
from conformance.reporting.personal import Scrubber
from conformance.targets.http import Exchange

#: Characters of a body kept in a recording (after masking).
BODY_LIMIT = 16 * 1024
#: Characters scrubbed past the cut, longer than any personal value.
SCRUB_MARGIN = 256
#: Bytes one worker records in total; later exchanges keep their line without bodies.
TOTAL_LIMIT = 32 * 1024 * 1024
#: Header names whose values are credentials or session keys, whatever the vendor calls them.
_SECRET_HEADER_PARTS = ("auth", "token", "secret", "key", "cookie", "session", "password")
#: Name pattern of recording files in a work directory.
RECORDING_GLOB = "exchanges-*.jsonl"


#: Characters that end a line for some readers (str.splitlines) though JSON keeps them raw.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(document: Any) -> str:
    """One JSON line, readable text, that no line splitter cuts in two."""
    return json.dumps(document, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def recording_path(workdir: Path, worker: str) -> Path:
    """Where a worker (``main`` for a run without pytest-xdist) records its exchanges."""
    return workdir / f"exchanges-{worker}.jsonl"


class JsonlRecorder:
    """An :class:`~conformance.targets.http.ExchangeRecorder` writing masked JSON lines."""

    def __init__(self, path: Path, scrubber: Scrubber, *, body_limit: int = BODY_LIMIT,
                 total_limit: int = TOTAL_LIMIT) -> None:
        self.path = path
        self._scrubber = scrubber
        self._body_limit = body_limit
        self._total_limit = total_limit
        self._written = 0
        self._sequence = 0
        self._handle: IO[str] | None = None
        self._lock = threading.Lock()

    def record(self, exchange: Exchange) -> None:
        """Append one exchange (masked); bodies are dropped once the total limit is reached."""
        with self._lock:
            self._sequence += 1
            keep_bodies = self._written < self._total_limit
            line = json_line(self._entry(exchange, keep_bodies))
            handle = self._open()
            handle.write(line)
            handle.flush()  # a worker that dies keeps what it recorded
            self._written += len(line.encode("utf-8"))

    def close(self) -> None:
        """Close the file (recording again reopens it for appending)."""
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None

    def _open(self) -> IO[str]:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        return self._handle

    def _entry(self, exchange: Exchange, keep_bodies: bool) -> dict[str, Any]:
        request: dict[str, Any] = {
            "method": exchange.method,
            **self._url(exchange.url),
            "headers": self._headers(exchange.request_headers),
            "body": self._body(exchange.request_headers, exchange.request_body, keep_bodies),
        }
        response: dict[str, Any] | None = None
        if exchange.status is not None:
            response = {
                "status": exchange.status,
                "headers": self._headers(exchange.response_headers),
                "body": self._body(exchange.response_headers, exchange.response_body, keep_bodies),
            }
        return {
            "sequence": self._sequence,
            "recorded": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "elapsed_ms": round(exchange.elapsed * 1000, 1),
            "request": request,
            "response": response,
            "error": self._scrubber.text(exchange.error) if exchange.error else None,
        }

    def _url(self, url: str) -> dict[str, Any]:
        parts = urlsplit(url)
        query = [
            (name, mask(value) if self._scrubber.is_personal(name) and value else self._scrubber.text(value))
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        path = self._scrubber.text(urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
        return {"url": path, "query": query}

    def _headers(self, headers: Any) -> dict[str, str]:
        shown: dict[str, str] = {}
        for name, value in dict(headers).items():
            secret = any(part in str(name).lower() for part in _SECRET_HEADER_PARTS)
            shown[str(name)] = "[redacted]" if secret else self._scrubber.text(str(value))
        return shown

    def _body(self, headers: Any, body: bytes, keep: bool) -> dict[str, Any]:
        content_type = _content_type(headers)
        described: dict[str, Any] = {"content_type": content_type, "size": len(body)}
        if not body:
            return described
        if not keep:
            return {**described, "omitted": "recording limit reached"}
        text = _decode(body)
        if text is None:
            return {**described, "omitted": "binary"}
        shown, cut = self._masked(content_type, text)
        if len(shown) > self._body_limit:
            shown, cut = shown[: self._body_limit], True
        return {**described, "text": shown, "truncated": cut}

    def _masked(self, content_type: str, text: str) -> tuple[str, bool]:
        if "csv" in content_type:
            return self._scrubber.csv(text, self._body_limit)
        if "json" in content_type or text.lstrip()[:1] in ("{", "["):
            try:
                document = json.loads(text)
            except ValueError:
                return self._plain(text)
            return json.dumps(self._scrubber.json(document), ensure_ascii=False), False
        return self._plain(text)

    def _plain(self, text: str) -> tuple[str, bool]:
        # Scrub a margin past the cut: a value that straddles the cut is masked before it is cut.
        kept = text[: self._body_limit + SCRUB_MARGIN]
        return self._scrubber.text(kept), len(kept) < len(text)


def _content_type(headers: Any) -> str:
    for name, value in dict(headers).items():
        if str(name).lower() == "content-type":
            return str(value).lower()
    return ""


def _decode(body: bytes) -> str | None:
    """The body as text (UTF-8, else CP932: Japanese exports), or None when it is binary."""
    for encoding in ("utf-8", "cp932"):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return None
