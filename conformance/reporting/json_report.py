"""``results.json``: the machine-readable contract of a run (DESIGN.md, "Contracts")."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conformance import __version__
from conformance.carry import carried, json_carried
from conformance.inputs import write_private
from conformance.profiles import Profile
from conformance.results import FORMAT_VERSION, RunOutcome, Scope


def results_document(
    outcome: RunOutcome, catalog: dict[str, Any], profile: dict[str, Any]
) -> dict[str, Any]:
    """The whole ``results.json`` document (docs/results.md; its JSON Schema is
    ``spec_catalog/schema/results.schema.json``)."""
    return {
        "format_version": FORMAT_VERSION,
        "verdict": outcome.verdict.value,
        "scope": scope_json(outcome),
        "harness_version": __version__,
        "catalog": catalog,
        "profile": profile,
        "summary": outcome.summary,
        "coverage": outcome.coverage.to_json(),
        "problems": list(outcome.problems),
        "gaps": list(outcome.gaps),
        "error": outcome.stopped,
        "results": [result.to_json() for result in outcome.results],
    }


def scope_json(outcome: RunOutcome) -> dict[str, Any]:
    """The ``scope`` object: partial or not, how the run was narrowed, and what it left out."""
    missing = outcome.not_selected
    return {
        "partial": bool(missing),
        "selection": dict(outcome.scope.selection),
        "claimed": len(outcome.scope.claimed) if outcome.scope.claimed else len(outcome.results),
        "judged": len(outcome.results),
        "not_selected": sorted(missing),
    }


def scope_from_json(document: Mapping[str, Any]) -> Scope:
    """The scope of a results.json document: its claimed ids are what it judged and what it left out."""
    scope = document.get("scope") or {}
    judged = {str(r["requirement"]) for r in document.get("results", [])}
    left_out = {str(rid) for rid in scope.get("not_selected", [])}
    return Scope(claimed=frozenset(judged | left_out), selection=dict(scope.get("selection", {})))


def waivers_info(profile: Profile) -> list[dict[str, str]]:
    """The profile's waivers as ``results.json`` lists them (every field: a reader must see who
    accepted which deviation, on what criterion, until when)."""
    return [waiver.model_dump() for waiver in profile.waivers]


def write_json_atomic(path: Path, document: dict[str, Any]) -> None:
    """Write JSON so a reader never sees a half-written file."""
    from conformance.inputs import write_private

    write_private(path, (json_carried(json.dumps(document, ensure_ascii=False, indent=2)) + "\n").encode("utf-8"))


def annotate_junit(path: Path, document: Mapping[str, Any], into: Path | None = None) -> None:
    """Add the run's verdict, scope and coverage to junit.xml as properties of its test suites, so
    a CI tool that reads only JUnit sees the verdict (and that a run was partial), not just a count
    of failed cases. Written atomically to ``into`` (default: ``path`` itself; a run has pytest write
    into its work directory, so that a run killed while pytest writes leaves no half-written
    junit.xml among its outputs); nothing happens when pytest wrote no file."""
    import xml.etree.ElementTree as ET  # our own file, written by pytest a moment ago: not vendor input

    if not path.is_file():
        return
    tree = ET.parse(path)
    scope = document.get("scope") or {}
    facts = {
        "conformance.verdict": str(document.get("verdict")),
        "conformance.format_version": str(document.get("format_version")),
        "conformance.partial": "true" if scope.get("partial") else "false",
        "conformance.selection": json.dumps(scope.get("selection") or {}, ensure_ascii=False, sort_keys=True),
        "conformance.coverage": json.dumps(document.get("coverage") or {}, sort_keys=True),
    }
    if document.get("error"):
        facts["conformance.stopped"] = str(document["error"])
    for suite in tree.getroot().iter("testsuite"):
        properties = suite.find("properties")
        if properties is None:
            properties = ET.Element("properties")
            suite.insert(0, properties)
        for name, value in facts.items():
            # ElementTree writes control characters as they are: XML 1.0 forbids them (not well-formed)
            ET.SubElement(properties, "property", {"name": name, "value": carried(value)})
    buffer = io.BytesIO()
    tree.write(buffer, encoding="utf-8", xml_declaration=True)
    write_private(into or path, buffer.getvalue())
