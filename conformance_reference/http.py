"""Requests, replies and errors of the reference vendor's HTTP API (stdlib only), and its path helpers.

A handler takes a :class:`Request` and answers a :class:`Reply`, or raises :class:`ApiError` for any other
answer; :class:`conformance_reference.app.ReferenceApp` turns each error into its JSON document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import WSGIEnvironment

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 64 * 1024 * 1024
JSON_TYPE = "application/json; charset=utf-8"

# Value shapes, the same as the generated OpenAPI document's (`[0-9]`, never `\d`: full-width digits).
_NUMBER = re.compile(r"[0-9]{1,12}")
_ATENA = re.compile(r"[0-9]{10}")


# -- replies and errors ---------------------------------------------------------------------------


class ApiError(Exception):
    """An answer other than success: the status, an error code and a message for the caller."""

    def __init__(self, status: int, code: str, message: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def bad_request(message: str) -> ApiError:
    """A 400 with the generic code."""
    return ApiError(400, "INVALID_REQUEST", message)


def not_found(message: str) -> ApiError:
    """A 404."""
    return ApiError(404, "NOT_FOUND", message)


@dataclass(frozen=True)
class Reply:
    """A whole response: status, body bytes, media type, extra headers."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = ()


def json_reply(status: int, document: Any) -> Reply:
    """A JSON document (UTF-8, not ASCII-escaped)."""
    return Reply(status, json.dumps(document, ensure_ascii=False).encode("utf-8", "replace"))


def error_reply(error: ApiError) -> Reply:
    """The error document ``{"code", "message"}``."""
    return Reply(error.status, json_reply(error.status, {"code": error.code, "message": error.message}).body,
                 headers=error.headers)


# -- requests -------------------------------------------------------------------------------------


def _utf8(text: str, what: str) -> str:
    """WSGI hands over path and query as latin-1 text; the client sent UTF-8 bytes."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise bad_request(f"the {what} is not valid UTF-8") from None


@dataclass
class Request:
    """What a handler sees of a request."""

    method: str
    segments: tuple[str, ...]
    query: dict[str, list[str]]
    environ: WSGIEnvironment

    @classmethod
    def parse(cls, environ: WSGIEnvironment) -> Request | None:
        """The request, or None when the path is not below the API's base path."""
        path = _utf8(str(environ.get("PATH_INFO", "")), "path")
        if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
            return None
        segments = tuple(path[len(API_PREFIX):].split("/")[1:])
        raw_query = _utf8(str(environ.get("QUERY_STRING", "")), "query string")
        try:
            query = parse_qs(raw_query, keep_blank_values=True, errors="strict", max_num_fields=100)
        except (ValueError, UnicodeError):
            raise bad_request("the query string is not valid (bad encoding or too many fields)") from None
        return cls(str(environ.get("REQUEST_METHOD", "GET")).upper(), segments, query, environ)

    def header(self, name: str) -> str | None:
        """A request header's value, or None when absent."""
        value = self.environ.get("HTTP_" + name.upper().replace("-", "_"))
        return str(value) if value is not None else None

    def param(self, name: str) -> str | None:
        """The first value of a query parameter, or None when absent."""
        values = self.query.get(name)
        return values[0] if values else None

    def body(self) -> bytes:
        """The request body, at most :data:`MAX_BODY_BYTES` (413 beyond)."""
        declared = str(self.environ.get("CONTENT_LENGTH", "") or "0").strip()
        if not _NUMBER.fullmatch(declared):
            raise bad_request("Content-Length is not a number")
        length = int(declared)
        if length > MAX_BODY_BYTES:
            raise ApiError(413, "PAYLOAD_TOO_LARGE", f"the body has {length} bytes; the limit is {MAX_BODY_BYTES}")
        data: bytes = self.environ["wsgi.input"].read(length) if length else b""
        if len(data) != length:
            raise bad_request(f"the body ended after {len(data)} of {length} bytes")
        return data

    def json_object_or_value_error(self) -> dict[str, Any]:
        """:meth:`json_object`, its refusals as ``ValueError`` (for APIs with their own error bodies)."""
        try:
            return self.json_object()
        except ApiError as error:
            raise ValueError(error.message) from None

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object (Content-Type application/json, UTF-8)."""
        media_type, _, parameters = str(self.environ.get("CONTENT_TYPE", "")).partition(";")
        media_type = media_type.strip().lower()
        if media_type != "application/json" and not (media_type.startswith("application/") and
                                                     media_type.endswith("+json")):
            raise bad_request(f"Content-Type must be application/json, got {media_type or 'none'!r}")
        charset = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_-]+)", parameters)
        if charset is not None and charset.group(1).lower() not in ("utf-8", "utf8"):
            raise bad_request("the JSON body must be UTF-8")
        try:
            document = json.loads(self.body().decode("utf-8"), parse_constant=_reject_constant,
                                  object_pairs_hook=_unique_keys)
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise bad_request(f"the body is not valid JSON: {_clip(str(error))}") from None
        if not isinstance(document, dict):
            raise bad_request("the body must be a JSON object")
        return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise ValueError(f"duplicate key {_clip(key)!r}")
        document[key] = value
    return document


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- paths and parameters -------------------------------------------------------------------------


def _pattern_of(path: str) -> tuple[str, ...]:
    """``/residents/{宛名番号}/history`` -> ``("residents", "*", "history")``."""
    return tuple("*" if part.startswith("{") else part for part in path.split("/")[1:])


def _match(pattern: tuple[str, ...], segments: tuple[str, ...]) -> tuple[str, ...] | None:
    """The ``*`` segments of a matching path, or None."""
    if len(pattern) != len(segments):
        return None
    arguments = []
    for expected, actual in zip(pattern, segments, strict=True):
        if expected == "*":
            arguments.append(actual)
        elif expected != actual:
            return None
    return tuple(arguments)


def _require_number(value: str, name: str) -> None:
    """宛名番号 and 世帯番号 are exactly 10 ASCII digits (full-width digits are not)."""
    if not _ATENA.fullmatch(value):
        raise bad_request(f"{name} must be exactly 10 digits 0-9, got {_clip(value, 40)!r}")


def _int_param(request: Request, name: str, default: int, minimum: int, maximum: int | None) -> int:
    text = request.param(name)
    if text is None:
        return default
    if not _NUMBER.fullmatch(text) or int(text) < minimum or (maximum is not None and int(text) > maximum):
        upper = f" to {maximum}" if maximum is not None else " or more"
        raise bad_request(f"{name} must be an integer from {minimum}{upper}, got {_clip(text, 40)!r}")
    return int(text)
