"""What HAR 1.2 requires of a document (http://www.softwareishard.com/blog/har-12-spec/), checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

_REQUEST = {"method": str, "url": str, "httpVersion": str, "cookies": list, "headers": list,
            "queryString": list, "headersSize": int, "bodySize": int}
_RESPONSE = {"status": int, "statusText": str, "httpVersion": str, "cookies": list, "headers": list,
             "content": dict, "redirectURL": str, "headersSize": int, "bodySize": int}
_TIMINGS = ("send", "wait", "receive")


def _fields(where: str, value: Any, required: dict[str, type]) -> None:
    assert isinstance(value, dict), f"{where}: not an object"
    for name, kind in required.items():
        assert name in value, f"{where}: no {name}"
        assert isinstance(value[name], kind), f"{where}.{name}: {value[name]!r} is not {kind.__name__}"
    for name in value:
        assert name in required or name.startswith("_") or name in ("postData", "comment"), f"{where}: {name}?"


def _pairs(where: str, pairs: list[Any]) -> None:
    for pair in pairs:
        assert set(pair) >= {"name", "value"} and all(isinstance(pair[k], str) for k in ("name", "value")), where


def check_har(document: Any) -> list[dict[str, Any]]:
    """Assert ``document`` is a HAR 1.2 log; its entries."""
    log = document["log"]
    assert log["version"] == "1.2"
    assert isinstance(log["creator"]["name"], str) and isinstance(log["creator"]["version"], str)
    entries: list[dict[str, Any]] = log["entries"]
    assert isinstance(entries, list)
    for number, entry in enumerate(entries):
        where = f"entries[{number}]"
        dt.datetime.fromisoformat(entry["startedDateTime"])  # ISO 8601 with its zone
        assert dt.datetime.fromisoformat(entry["startedDateTime"]).tzinfo is not None
        assert isinstance(entry["time"], int | float) and entry["time"] >= 0
        assert isinstance(entry["cache"], dict)
        _fields(f"{where}.request", entry["request"], _REQUEST)
        _fields(f"{where}.response", entry["response"], _RESPONSE)
        _pairs(where, entry["request"]["headers"] + entry["request"]["queryString"] + entry["response"]["headers"])
        post = entry["request"].get("postData")
        if post is not None:
            assert isinstance(post["mimeType"], str) and ("text" in post or "params" in post)
        content = entry["response"]["content"]
        assert isinstance(content["size"], int) and isinstance(content["mimeType"], str)
        timings = entry["timings"]
        assert all(isinstance(timings[name], int | float) and timings[name] >= 0 for name in _TIMINGS)
        assert isinstance(entry["_id"], str)
        assert bool(entry.get("_requirements")) != (entry.get("_phase") == "setup"), entry["_id"]
    return entries


def har_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of a HAR file, checked."""
    return check_har(json.loads(path.read_text("utf-8")))
