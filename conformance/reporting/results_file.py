"""Reading a results.json someone names: ``report diff``, ``merge`` and ``xlsx``, and the durations
file of ``run --shard-durations``.

Only a regular file, bounded in size, depth and values before it is parsed (conformance/inputs.py),
with the shape the readers rely on: a crafted document is refused here, with its file named, not
half-way through a diff, a merge or the split of a run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.errors import UsageError
from conformance.inputs import parse_json_document, read_regular
from conformance.results import duration_seconds


def read_results(path: Path, what: str = "") -> dict[str, Any]:
    """A results.json document, or a UsageError naming the file (after ``what``, an option) and the problem."""
    return _results_in(read_regular(path, what=what), path, what)


def _results_in(data: bytes, path: Path, what: str) -> dict[str, Any]:
    document = parse_json_document(data, path, what)
    problem = results_shape_problem(document)
    if problem is not None:
        label = f"{what}: " if what else ""
        raise UsageError(f"{label}{path}: not a results.json the harness wrote ({problem}); "
                         "give the results.json of a run")
    return dict(document)


def results_shape_problem(document: Any) -> str | None:
    """What makes ``document`` no results.json the readers can rely on, or None."""
    if not isinstance(document, dict):
        return "not a JSON object"
    results = document.get("results")
    if not isinstance(results, list):
        return "no results list"
    for index, result in enumerate(results):
        if not isinstance(result, dict):
            return f"results[{index}] is not an object"
        for key in ("requirement", "status"):
            if not isinstance(result.get(key), str):
                return f"results[{index}].{key} is not a string"
        if not isinstance(result.get("findings", []), list):
            return f"results[{index}].findings is not a list"
        if result.get("duration") is not None and duration_seconds(result["duration"]) is None:
            return f"results[{index}].duration is not a number of seconds >= 0"
    for key in ("catalog", "profile", "scope", "summary"):
        if key in document and not isinstance(document[key], dict | None):
            return f"{key} is not an object"
    editions = (document.get("catalog") or {}).get("editions", [])
    if not isinstance(editions, list) or not all(isinstance(edition, dict) for edition in editions):
        return "catalog.editions is not a list of objects"
    return None


@dataclass(frozen=True)
class ShardDurations:
    """The recorded durations of an earlier run, by requirement id, and the SHA-256 of their file."""

    seconds: Mapping[str, float]
    sha256: str


def read_shard_durations(path: Path) -> ShardDurations:
    """The durations of ``--shard-durations FILE`` (a run's results.json, or a merged one); a
    UsageError names the file when it is missing, unreadable, not a results.json, or records none."""
    what = "--shard-durations"
    data = read_regular(path, what=what)
    document = _results_in(data, path, what)
    seconds: dict[str, float] = {}
    for result in document["results"]:
        duration = duration_seconds(result.get("duration"))
        if duration is not None:
            seconds[str(result["requirement"])] = duration
    if not seconds:
        raise UsageError(f"{what}: {path}: records no durations (a results.json of an older harness?); "
                         "give the results.json of a run made by this version or later")
    return ShardDurations(seconds=seconds, sha256=hashlib.sha256(data).hexdigest())
