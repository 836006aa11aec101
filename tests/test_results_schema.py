"""results.json against its committed JSON Schema, and an interrupted run."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from test_plugin import make_catalog

from conformance.locations import default_catalog_root

SCHEMA = default_catalog_root() / "schema" / "results.schema.json"


def test_a_runs_results_json_matches_the_committed_schema(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out", "-k", "R001")
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text("utf-8")))
    broken = {**document, "verdict": "conformant-ish"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text("utf-8")))


INTERRUPT = """
import pytest

def pytest_runtest_setup(item):
    if item.name.endswith("O001"):
        raise KeyboardInterrupt
"""


@pytest.mark.e2e
def test_an_interrupted_run_says_not_run_never_a_verdict_over_what_ran(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    pytester.makeconftest(INTERRUPT)
    # In a subprocess: pytester in-process hands a KeyboardInterrupt on to the outer session.
    result = pytester.runpytest_subprocess(f"--conformance-catalog={catalog}", "--conformance-out=out", str(catalog))
    assert result.ret == pytest.ExitCode.INTERRUPTED
    document = json.loads((Path(pytester.path) / "out" / "results.json").read_text("utf-8"))
    assert document["verdict"] == "not_run"
    assert document["error"].startswith("interrupted after 1 requirements were judged")
