"""DV protection across every output, end to end: real runs against the reference, whose forms go through
the HAR of the run. No protected person's name or address is in the HAR, even when a defect makes the vendor
leak them (the recording masks them), and the leak is a finding.

Each run judges 3.4 R001 and R009 only (a whole run's recording keeps no bodies past its limit; a defect
group's run has other defects' leaks in it), in this process (tests/test_reference_run.py run_in_process)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_reference_run import run_in_process

from conformance.testdata.town import default_town

#: `conformance run`s of the reference in a subprocess (tox -e quick leaves them out).
pytestmark = pytest.mark.e2e

PROTECTED = [row for row in default_town() if row["支援措置対象フラグ"] == "1"]


def run(out: Path, defect: str | None) -> dict[str, Any]:
    """The run of 3.4 R001 and R009, with ``defect`` on: its results."""
    run_in_process(out, defects=[defect] if defect else [], domains=["jumin"],
                   extra=["-k", "jumin-1.0-3.4-R001 or jumin-1.0-3.4-R009"])
    document: dict[str, Any] = json.loads((out / "results.json").read_text("utf-8"))
    return document


def secrets_of(rows: list[dict[str, str]]) -> set[str]:
    """What must never be shown of a protected person: names (whole and their parts) and address details."""
    found: set[str] = set()
    for row in rows:
        for item in ("氏名", "通称", "氏名_アルファベット", "住所_方書"):
            value = row.get(item, "")
            found |= {value, *value.replace("\u3000", " ").split()} if value else set()
        found.add(row["住所_町字"] + row["住所_番地号表記"])
    return {value for value in found if len(value) >= 2}


def har_text(out: Path) -> str:
    return (out / "exchanges.har").read_text("utf-8")


@pytest.mark.parametrize("defect", [None, "form_dv_household_leak"])
def test_no_output_of_the_run_shows_a_protected_person(tmp_path: Path, defect: str | None) -> None:
    document = run(tmp_path, defect)
    states = {r["requirement"]: r["status"] for r in document["results"]}
    if defect is None:
        assert states["jumin-1.0-3.4-R001"] == "PASS"
    else:
        assert states["jumin-1.0-3.4-R001"] == "FAIL"
        findings = [f for r in document["results"] for f in r["findings"] if f["code"] == "form.dv_leak"]
        assert findings and all(f["location"].startswith("form:juminhyo_setai page ") for f in findings)
    text = har_text(tmp_path)
    entries = json.loads(text)["log"]["entries"]
    forms = [e for e in entries if "/forms/" in e["request"]["url"]]
    assert forms, "the forms went through the recorded client"
    pdfs = [e for e in forms if e["response"]["content"].get("mimeType", "").startswith("application/pdf")]
    # A PDF is recorded without its body (binary), so its text never reaches the HAR.
    assert all(e["response"]["content"].get("text") is None for e in pdfs)
    results_text = (tmp_path / "results.json").read_text("utf-8")
    for secret in secrets_of(PROTECTED):
        assert secret not in text, "a protected person's data is in the HAR"
        assert secret not in results_text, "a protected person's data is in results.json"
