"""``results.json``: the machine-readable contract of a run (DESIGN.md, "Contracts")."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from conformance import __version__
from conformance.profiles import Profile
from conformance.results import RunOutcome


def results_document(
    outcome: RunOutcome, catalog: dict[str, Any], profile: dict[str, Any]
) -> dict[str, Any]:
    """The whole ``results.json`` document."""
    return {
        "verdict": outcome.verdict.value,
        "harness_version": __version__,
        "catalog": catalog,
        "profile": profile,
        "summary": outcome.summary,
        "coverage": outcome.coverage.to_json(),
        "problems": list(outcome.problems),
        "results": [result.to_json() for result in outcome.results],
    }


def waivers_info(profile: Profile) -> list[dict[str, str]]:
    """The profile's waivers as ``results.json`` lists them (every field: a reader must see who
    accepted which deviation, on what criterion, until when)."""
    return [waiver.model_dump() for waiver in profile.waivers]


def write_json_atomic(path: Path, document: dict[str, Any]) -> None:
    """Write JSON so a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
