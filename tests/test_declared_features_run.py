"""Issue 64, item 2, in a whole run: a 住民記録 product without PDF forms, without the cross-domain per-person query
and without export files, declared as such (``targets.api.operations``, no ``targets.exports``), run against the
bundled reference: what it does not offer is NOT_AUTOMATED with the reason, never FAIL or ERROR, and a requirement
whose checks did not all run is never PASS on those that did.

Each run is a real ``conformance run`` (in this process, the reference in-process) limited with ``-k`` to three
requirements: 5.4 R001 (the 方書 of the forms: ``forms.katagaki`` alone), 1.1.2 R028 (the residents export:
``file.layout`` alone) and 7.2.3 R001 (``api.openapi`` over every GET of the linkage API, the qualifications among
them, beside the model's state machine).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conformance.cli.run import RunOptions, run_suite

#: The 住民記録 interfaces of the catalog such a product serves (spec_catalog/jumin/1.0/interfaces.yaml): not
#: issue_form, issue_form_data (the forms) nor get_qualifications (the other domains' per-person query).
SERVED = ["get_resident", "list_residents", "get_household", "get_history", "move_in", "correct",
          "issue_certificate", "inspection_list", "export_residents"]
FORMS = "POST /forms/{form_id} (issue_form) is not offered: the profile's targets.api.operations does not declare it"
EXPORTS = "file.layout: the profile configures no export target (targets.exports): no export file is offered"
_NO_QUERY = ("GET /residents/{宛名番号}/qualifications (get_qualifications) is not offered: the profile's "
             "targets.api.operations does not declare it")
#: 7.2.3 R001's two checks that ask the per-person query (api.openapi, api.qualifications_refusals) did not run.
QUERY = (f"api.openapi: {_NO_QUERY}; api.qualifications_refusals: {_NO_QUERY} (the rest the checks judged has no "
         "finding: not PASS on part of the requirement)")
SELECTED = {"jumin-1.0-5.4-R001": FORMS, "jumin-1.0-1.1.2-R028": EXPORTS, "jumin-1.0-7.2.3-R001": QUERY}


def profile(operations: list[str] | str) -> dict[str, Any]:
    return {"name": "jumin-without-forms", "product": "a 住民記録 product without forms", "version": "1",
            "claims": [{"domain": "jumin", "edition": "1.0"}],
            "targets": {"reference": True,
                        "api": {"base_url": "http://127.0.0.1:0/api/v1", "operations": operations},
                        "load": {"via": "http", "path": "/admin/migration", "append_path": "/admin/residents"},
                        "driver": {"operations": "all"}}}


def run(tmp_path: Path, document: dict[str, Any]) -> tuple[int, dict[str, dict[str, Any]]]:
    path = tmp_path / "vendor.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    selection = " or ".join(rid.removeprefix("jumin-1.0-") for rid in SELECTED)
    code = run_suite(RunOptions(profile=path, out=tmp_path / "out", domains=["jumin"], extra=["-k", selection],
                                reference_transport="in-process"))
    results = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))["results"]
    return code, {r["requirement"]: r for r in results if r["requirement"] in SELECTED}


@pytest.mark.e2e
def test_what_the_product_does_not_offer_is_not_automated_with_the_reason(tmp_path: Path) -> None:
    code, results = run(tmp_path, profile(SERVED))
    assert code == 3  # incomplete: no FAIL, no ERROR
    assert {rid: (r["status"], r["reason"], r["findings"]) for rid, r in results.items()} == {
        rid: ("NOT_AUTOMATED", reason, []) for rid, reason in SELECTED.items()}
