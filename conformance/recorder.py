"""Recorded requests and responses as HAR 1.2, personal data masked, for the evidence bundle.

While a run goes, every exchange of its HTTP client is one HAR entry on one line of
``work/exchanges-<worker>.jsonl`` (one file per pytest-xdist worker, so workers never share a file,
and a line written is kept even if the worker dies). At the end of the run
:func:`finish_recordings` joins the workers' lines into one HAR 1.2 document, ``exchanges.har`` in
the run's output directory, which the evidence bundle carries.

Each entry carries, besides HAR's own fields:

- ``_id``: unique in the run (``main-0001``, ``gw0-0001``: the worker, then its sequence);
- ``_requirements``: the ids of the requirements it served (:mod:`conformance.exchanges`), or
  ``_phase: "setup"`` when it served none (opening the target, loading the test data);
- ``_error``: why there is no response (refused connection, timeout, oversized body); the
  response is then HAR's "no response" (status 0);
- ``_truncated`` / ``_omitted`` on ``postData`` and ``content``: a body cut at ``BODY_LIMIT``, or
  not kept (``"binary"``, ``"recording limit reached"``).

A requirement that reads a cached value (:class:`conformance.exchanges.LinkedCache`) served the exchanges behind it
too. A worker's recording says so in two kinds of lines besides its entries: ``{"_made": n, "_ids": [...]}``, the
entries behind cached value ``n`` (once, when it is written), and ``{"_link": n, "_requirements": [...]}``, the
requirements that read it (once each). The join adds them to those entries' ``_requirements``, in the order read.
One line per value and per reading requirement, not per entry: the 住民記録 model's machine makes thousands of
exchanges a seed and some hundred requirements read its result (issue 65: 8 million lines a ``--thorough`` run).

Masking: credential headers never reach the recorder (:mod:`conformance.targets.http`); other
headers named like a secret are ``[redacted]``; personal data is masked by the run's
:class:`~conformance.masking.Scrubber` in the URL (path and query), headers and bodies.
A body is kept as masked text up to ``BODY_LIMIT`` characters: enough for an engineer to see what
the vendor answered, without copying a whole export of the town into the evidence. Binary bodies (a
PDF) are described by type and size only. After ``TOTAL_LIMIT`` bytes per worker, entries keep no
bodies, and the joined file keeps bodies up to ``JOINED_LIMIT`` bytes in all (however many workers
there were), so the evidence bundle stays within what ``conformance report verify`` reads.
Timings: HAR's ``wait`` holds the whole exchange (the client does not time its phases).

The HAR entries are built with the ``harfile`` package's models (the HAR writer schemathesis uses)
and written with :mod:`json`: ``harfile.HarFile`` writes a fixed set of entry fields (no ``_id`` or
``_requirements``) and closes its document only when the writer is closed, so a worker that died
would leave an unreadable file.
"""

from __future__ import annotations

import datetime as dt
import heapq
import io
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from http import HTTPStatus
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import harfile

from conformance import __version__
from conformance.carry import json_carried
from conformance.credentials import REDACTED, is_credential_header, is_credential_name
from conformance.exchanges import Made, current_requirements, note
from conformance.masking import Scrubber, mask
from conformance.targets.http import Exchange

#: Characters of a body kept in a recording (after masking).
BODY_LIMIT = 16 * 1024
#: Characters scrubbed past the cut, longer than any personal value.
SCRUB_MARGIN = 256
#: Bytes one worker records in total; later entries keep no bodies.
TOTAL_LIMIT = 32 * 1024 * 1024
#: Bytes of the joined HAR after which entries keep no bodies (the bundle's reader takes 256 MiB).
JOINED_LIMIT = 128 * 1024 * 1024
#: Name pattern of the workers' recording files in a work directory (removed before a run).
RECORDING_GLOB = "exchanges-*.jsonl"
_RECORDING_PREFIX, _RECORDING_SUFFIX = "exchanges-", ".jsonl"
#: The joined recording in a run's output directory (and in the evidence bundle).
HAR_NAME = "exchanges.har"
#: The HTTP version requests speaks.
HTTP_VERSION = "HTTP/1.1"

#: Characters that end a line for some readers (str.splitlines) though JSON keeps them raw, and their escapes.
_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_line(document: Any) -> str:
    """One JSON line, readable text, that no line splitter cuts in two."""
    return _one_line(json_carried(json.dumps(document, ensure_ascii=False))) + "\n"


def _one_line(text: str) -> str:
    """``text`` with the characters of :data:`_LINE_BREAKS` escaped. (``str.translate`` looked up every
    character of every recorded body: two thirds of joining a run's recording.)"""
    for char, escaped in _LINE_BREAKS:
        if char in text:
            text = text.replace(char, escaped)
    return text


def recording_path(workdir: Path, worker: str) -> Path:
    """Where a worker (``main`` for a run without pytest-xdist) records its exchanges."""
    return workdir / f"{_RECORDING_PREFIX}{worker}{_RECORDING_SUFFIX}"


def worker_of(path: Path) -> str:
    """The worker a recording file belongs to (``exchanges-gw0.jsonl`` -> ``gw0``)."""
    return path.name.removeprefix(_RECORDING_PREFIX).removesuffix(_RECORDING_SUFFIX)


def merged_id(number: int, ident: str) -> str:
    """The id in a merged run's HAR of entry ``ident`` of its ``number``-th input (1-based):
    `report merge` copies input k's ``exchanges-<worker>.jsonl`` as ``exchanges-input<k>-<worker>.jsonl``,
    and the join names entries after their file."""
    return f"input{number}-{ident}"


def clear_recordings(out: Path) -> None:
    """Remove an earlier run's recordings from an output directory (before a run writes there)."""
    for stale in (out / "work").glob(RECORDING_GLOB):
        stale.unlink()
    (out / HAR_NAME).unlink(missing_ok=True)


class HarRecorder:
    """An :class:`~conformance.targets.http.ExchangeRecorder` writing masked HAR entries, one a line."""

    def __init__(self, path: Path, scrubber: Scrubber, *, body_limit: int = BODY_LIMIT,
                 total_limit: int = TOTAL_LIMIT, worker: str | None = None) -> None:
        self.path = path
        self.worker = worker or worker_of(path)
        self._scrubber = scrubber
        self._body_limit = body_limit
        self._total_limit = total_limit
        self._written = 0
        self._sequence = 0
        self._handle: IO[str] | None = None
        self._lock = threading.Lock()

    def record(self, exchange: Exchange) -> None:
        """Append one exchange (masked) tagged with the requirements served now; bodies are dropped
        once the total limit is reached. The requirements being served get a reference to it."""
        requirements = current_requirements()
        with self._lock:
            self._sequence += 1
            ident = f"{self.worker}-{self._sequence:04d}"
            keep_bodies = self._written < self._total_limit
            entry = self._entry(ident, exchange, keep_bodies, requirements)
            self._write(json_line(entry), flush=True)
        request = entry["request"]
        parts = urlsplit(request["url"])
        note({
            "id": ident,
            "method": request["method"],
            "url": urlunsplit(("", "", parts.path, parts.query, "")),
            "status": exchange.status,
        })

    def made(self, made: Made, ids: Sequence[str]) -> None:
        """The recorded entries ``ids`` made a cached value (:class:`conformance.exchanges.ReuseListener`): one
        line, which the value's readers' links name (not flushed: the next entry's write flushes it)."""
        with self._lock:
            self._write(json_line({"_made": made.number, "_ids": list(ids)}))

    def link(self, made: Made, requirements: Sequence[str]) -> None:
        """The requirements being served read the cached value ``made``: they served its entries too."""
        if requirements:
            with self._lock:
                self._write(json_line({"_link": made.number, "_requirements": list(requirements)}))

    def close(self) -> None:
        """Close the file (recording again reopens it for appending)."""
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None

    def _write(self, line: str, *, flush: bool = False) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # The vendor's answers, however masked: readable by the owner only, as every copy of its data.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0), 0o600)
            self._handle = os.fdopen(fd, "a", encoding="utf-8")
        self._handle.write(line)
        if flush:
            self._handle.flush()  # a worker that dies keeps every exchange it recorded
        self._written += len(line.encode("utf-8"))

    def _entry(self, ident: str, exchange: Exchange, keep_bodies: bool,
               requirements: Sequence[str]) -> dict[str, Any]:
        elapsed_ms = round(exchange.elapsed * 1000, 1)
        started = exchange.started if exchange.started is not None else time.time() - exchange.elapsed
        entry: dict[str, Any] = {
            "_id": ident,
            **({"_requirements": list(requirements)} if requirements else {"_phase": "setup"}),
            "startedDateTime": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="milliseconds"),
            "time": elapsed_ms,
            "request": self._request(exchange, keep_bodies),
            "response": self._response(exchange, keep_bodies),
            "cache": {},
            "timings": harfile.Timings(send=0, wait=elapsed_ms, receive=0).asdict(),
        }
        if exchange.error:
            entry["_error"] = self._scrubber.text(exchange.error)
        return entry

    def _request(self, exchange: Exchange, keep_bodies: bool) -> dict[str, Any]:
        url, query = self._url(exchange.url)
        body = exchange.request_body
        request = harfile.Request(
            method=exchange.method,
            url=url,
            httpVersion=HTTP_VERSION,
            headers=self._headers(exchange.request_headers),
            queryString=[harfile.Record(name, value) for name, value in query],
            bodySize=len(body),
        ).asdict()
        if body:
            text, extra = self._body(exchange.request_headers, body, keep_bodies)
            mime = _content_type(exchange.request_headers)
            request["postData"] = {**harfile.PostData(mimeType=mime, text=text or "").asdict(), **extra}
        return request

    def _response(self, exchange: Exchange, keep_bodies: bool) -> dict[str, Any]:
        if exchange.status is None:  # no response: HAR's convention is status 0
            return harfile.Response(status=0, statusText="", httpVersion="", bodySize=0).asdict()
        body = exchange.response_body
        text, extra = self._body(exchange.response_headers, body, keep_bodies)
        content = harfile.Content(size=len(body), mimeType=_content_type(exchange.response_headers), text=text)
        location = next((str(v) for k, v in exchange.response_headers.items() if str(k).lower() == "location"), "")
        response = harfile.Response(
            status=exchange.status,
            statusText=_reason(exchange.status),
            httpVersion=HTTP_VERSION,
            headers=self._headers(exchange.response_headers),
            content=content,
            redirectURL=self._url(location)[0] if location else "",
            bodySize=len(body),
        ).asdict()
        response["content"].update(extra)
        return response

    def _url(self, url: str) -> tuple[str, list[tuple[str, str]]]:
        """The URL with personal data masked (path segments and query values), and its query."""
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(name, self._query_value(name, value)) for name, value in pairs]
        path = "/".join(self._segment(segment) for segment in parts.path.split("/"))
        shown = urlunsplit((parts.scheme, self._scrubber.text(parts.netloc), path,
                            urlencode(query, quote_via=quote), ""))
        return shown, query

    def _query_value(self, name: str, value: str) -> str:
        """A query value as recorded: a credential's (by the parameter's name) redacted, a personal
        item's masked, any other scrubbed."""
        if value and is_credential_name(name):
            return REDACTED
        return mask(value) if self._scrubber.is_personal(name) and value else self._scrubber.text(value)

    def _segment(self, segment: str) -> str:
        decoded = unquote(segment)
        scrubbed = self._scrubber.text(decoded)
        return segment if scrubbed == decoded else quote(scrubbed, safe="")

    def _headers(self, headers: Any) -> list[harfile.Record]:
        shown: list[harfile.Record] = []
        for name, value in dict(headers).items():
            secret = is_credential_header(str(name))
            shown.append(harfile.Record(str(name), REDACTED if secret else self._scrubber.text(str(value))))
        return shown

    def _body(self, headers: Any, body: bytes, keep: bool) -> tuple[str | None, dict[str, Any]]:
        """The masked text of a body (None when not kept) and HAR custom fields saying why."""
        if not body:
            return None, {}
        if not keep:
            return None, {"_omitted": "recording limit reached"}
        text = _decode(body)
        if text is None:
            return None, {"_omitted": "binary"}
        shown, cut = self._masked(_content_type(headers), text)
        if len(shown) > self._body_limit:
            shown, cut = shown[: self._body_limit], True
        return shown, {"_truncated": True} if cut else {}

    def _masked(self, content_type: str, text: str) -> tuple[str, bool]:
        if "csv" in content_type:
            return self._scrubber.csv(text, self._body_limit)
        if "json" in content_type or text.lstrip()[:1] in ("{", "["):
            try:
                document = json.loads(text)
            except ValueError:
                return self._plain(text)
            # Only what the cut keeps is scrubbed and written (a page of residents is megabytes).
            kept, cut = self._scrubber.json_prefix(document, self._body_limit)
            return json.dumps(kept, ensure_ascii=False), cut
        return self._plain(text)

    def _plain(self, text: str) -> tuple[str, bool]:
        # Scrub a margin past the cut: a value that straddles the cut is masked before it is cut.
        kept = text[: self._body_limit + SCRUB_MARGIN]
        return self._scrubber.text(kept), len(kept) < len(text)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


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


# -- joining ------------------------------------------------------------------------------------


def finish_recordings(workdir: Path, out: Path, *, limit: int = JOINED_LIMIT) -> Path | None:
    """Join the workers' recordings in ``workdir`` into ``out/exchanges.har`` (written atomically).

    Call it once the workers have closed their recorders (the end of the run, in the controller).
    Entries keep each worker's order, workers merged by start time; an entry's ``_id`` is the
    worker named by its file and its sequence, so ids are unique across workers. Returns the path,
    or None when nothing was recorded (an earlier run's ``exchanges.har`` is then removed).
    """
    paths = sorted(workdir.glob(RECORDING_GLOB))
    target = out / HAR_NAME
    if not paths:
        target.unlink(missing_ok=True)
        return None
    readers = {path: _Readers(path) for path in paths}
    entries = heapq.merge(*(_entries(path, readers[path]) for path in paths), key=lambda e: str(e["startedDateTime"]))
    out.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=out, prefix=f".{HAR_NAME}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            _write_har(handle, entries, [worker_of(path) for path in paths], limit)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


#: How a worker's lines about cached values begin (``json_line`` of a dict keeps its keys' order): the join
#: reads them in a first pass, leaving the entries unparsed.
_READING_PREFIXES = ('{"_made"', '{"_link"')


def _lines(path: Path, prefixes: tuple[str, ...] = ("",)) -> Iterator[dict[str, Any]]:
    """The JSON objects of a recording (only the lines beginning with one of ``prefixes``, which cost nothing to
    skip unparsed); a line cut short (a worker killed mid-write) is skipped."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith(prefixes):
                continue
            try:
                document = json.loads(line)
            except ValueError:
                continue
            if isinstance(document, dict):
                yield document


class _Readers:
    """What one recording says of its cached values: the entries behind each (``_made`` lines) and the requirements
    that read it (``_link`` lines), held per value, not per entry and requirement. A value is known by the position
    of its ``_made`` line: a ``_link`` names the latest value of its number (a recording appended to by a later
    process numbers its values anew)."""

    def __init__(self, path: Path) -> None:
        self._values_of: dict[str, list[int]] = {}  # entry id -> the values it made (usually one)
        self._read: dict[int, list[tuple[int, list[str]]]] = {}  # value -> (line position, requirements), in order
        latest: dict[int, int] = {}
        for position, document in enumerate(_lines(path, _READING_PREFIXES)):
            number = document.get("_made", document.get("_link"))
            if not isinstance(number, int):
                continue
            if "_made" in document:
                latest[number] = position
                for ident in document.get("_ids") or ():
                    self._values_of.setdefault(str(ident), []).append(position)
            elif number in latest:
                requirements = [str(r) for r in document.get("_requirements") or ()]
                self._read.setdefault(latest[number], []).append((position, requirements))

    def requirements(self, ident: str) -> list[str]:
        """The requirements that read a value entry ``ident`` made, in the order they read it (repeats kept)."""
        readings = sorted(reading for value in self._values_of.get(ident, ()) for reading in self._read.get(value, ()))
        return [requirement for _, requirements in readings for requirement in requirements]


def _entries(path: Path, readers: _Readers) -> Iterator[dict[str, Any]]:
    worker = worker_of(path)
    for document in _lines(path):
        if "request" not in document:
            continue
        ident = str(document.get("_id", ""))
        reused = readers.requirements(ident)
        if reused:
            served = list(dict.fromkeys([*document.get("_requirements", []), *reused]))
            document = {**document, "_requirements": served}
            document.pop("_phase", None)
        # Ids are the file's worker and the sequence: a recording copied under another name (the
        # shards of a merged run) keeps its entries apart from the others.
        document["_id"] = f"{worker}-{ident.rsplit('-', 1)[-1]}"
        yield document


def _write_har(handle: IO[str], entries: Iterable[dict[str, Any]], workers: list[str], limit: int) -> None:
    """The HAR document, written as the entries are read (a run's recording may be large); past
    ``limit`` bytes, entries keep no bodies."""
    creator = harfile.Creator(name="conformance", version=__version__)
    comment = f"conformance harness recording, personal data masked; workers: {', '.join(workers)}"
    written = handle.write(
        '{\n "log": {\n  "version": ' + json.dumps(harfile.HAR_VERSION)
        + ',\n  "creator": ' + json.dumps({"name": creator.name, "version": creator.version})
        + ',\n  "comment": ' + json.dumps(comment, ensure_ascii=False)
        + ',\n  "entries": ['
    )
    separator = "\n"
    for entry in entries:
        if written > limit:
            _drop_bodies(entry)
        line = separator + "   " + _one_line(json_carried(json.dumps(entry, ensure_ascii=False)))
        written += len(line.encode("utf-8"))
        handle.write(line)
        separator = ",\n"
    handle.write("\n  ]\n }\n}\n")


#: The line of a joined HAR after which its entries follow, one a line (:func:`_write_har`), up to ``]``.
_ENTRIES_OPEN, _ENTRIES_CLOSE = b'"entries": [', b"]"


def joined_entries(data: bytes) -> Iterator[dict[str, Any]]:
    """The entries of a HAR the join wrote (:func:`_write_har`: one entry a line), read one line at a time: a
    ``--thorough`` run's HAR parsed whole took eight times its size in memory (issue 65). Raises
    :class:`ValueError` on the first line that is not so (a HAR of another layout: parse it whole)."""
    lines = io.BytesIO(data)
    if not any(line.strip() == _ENTRIES_OPEN for line in lines):
        raise ValueError("no line opening the entries: not a HAR the join wrote")
    for line in lines:
        text = line.strip().removesuffix(b",")
        if text == _ENTRIES_CLOSE:
            return
        entry = json.loads(text)
        if not isinstance(entry, dict):
            raise ValueError("an entries line that is not an object: not a HAR the join wrote")
        yield entry
    raise ValueError("the entries are not closed: not a HAR the join wrote")


def _drop_bodies(entry: dict[str, Any]) -> None:
    """The entry without its bodies, as the recorder writes it past its limit."""
    omitted = {"_omitted": "recording limit reached"}
    post = entry["request"].get("postData")
    if isinstance(post, dict) and post.get("text"):
        post.pop("_truncated", None)
        post.update(text="", **omitted)  # HAR's postData has a text
    content = entry["response"].get("content")
    if isinstance(content, dict) and "text" in content:
        del content["text"]
        content.pop("_truncated", None)
        content.update(omitted)


def read_har(path: Path) -> dict[str, Any]:
    """A HAR document (for tests and tools)."""
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document
