"""Exchanges of a real run: the bundled reference vendor with a defect (it issues certificates of
DV-protected residents), judged in-process as the plugin does it (session, plan, runner), then
joined into the run's HAR.

Each requirement's result references the entries that served it, and each entry names the
requirements it served: those that made it, and those that reused its response from the cache.
No name, address or number of the town is in the recording.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from har_helpers import har_entries

from conformance.catalog.loader import load_edition
from conformance.locations import default_catalog_root, reference_profile
from conformance.masking import values_pattern
from conformance.plan import plan_edition
from conformance.profiles import load_profile
from conformance.recorder import finish_recordings, recording_path
from conformance.results import RequirementResult, Status
from conformance.runner import run_case
from conformance.session import TargetSession
from conformance.shipped_checks import default_registry
from conformance.testdata.town import generate_town

#: The DV certificate refusal (failed by the defect), then two requirements that share one fetch
#: of every resident.
DEFECT, DV = "dv_certificate_issued", "jumin-1.0-3.4-R001"
FIRST_READER, SECOND_READER = "jumin-1.0-1.1.1-R004", "jumin-1.0-1.1.1-R007"
#: Items whose values must not be anywhere in the recording (as tests/reporting/test_report_e2e.py).
PERSONAL = ("氏名", "通称", "住所_町字", "氏名_フリガナ", "通称_フリガナ", "世帯主氏名", "個人番号", "住民票コード")
Run = tuple[dict[str, RequirementResult], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    out = tmp_path_factory.mktemp("run")
    profile = load_profile(reference_profile())
    edition = load_edition(default_catalog_root() / "jumin" / "1.0")
    cases = {case.requirement.id: case for case in plan_edition(edition, profile)}
    registry = default_registry()
    session = TargetSession(profile, out / "work", frozenset({DEFECT}),
                            recording=recording_path(out / "work", "main"))
    try:
        results = {rid: run_case(cases[rid], registry, lambda: session.target(edition))
                   for rid in (DV, FIRST_READER, SECOND_READER)}
    finally:
        session.close()
    har = finish_recordings(out / "work", out)
    assert har is not None
    town = generate_town(seed=session.seed)
    values = {row[item] for row in town for item in PERSONAL if len(row.get(item, "")) >= 2}
    for path in (har, recording_path(out / "work", "main")):
        assert values_pattern(values).findall(path.read_text("utf-8"))[:5] == [], path
    yield results, har_entries(har)


def test_the_results_reference_their_exchanges(run: Run) -> None:
    results, entries = run
    statuses = {rid: result.status for rid, result in results.items()}
    assert statuses == {DV: Status.FAIL, FIRST_READER: Status.PASS, SECOND_READER: Status.PASS}
    by_id = {entry["_id"]: entry for entry in entries}
    assert len(by_id) == len(entries)  # ids are unique
    for rid, result in results.items():
        assert 0 < len(result.exchanges) <= 50
        for reference in result.exchanges:
            entry = by_id[reference["id"]]
            assert rid in entry["_requirements"]
            assert entry["request"]["method"] == reference["method"]
            assert entry["request"]["url"].endswith(reference["url"])
            assert entry["response"]["status"] == reference["status"]


def test_every_entry_served_a_requirement_or_the_setup(run: Run) -> None:
    results, entries = run
    setup = [entry for entry in entries if entry.get("_phase") == "setup"]
    # Loading the town, then the snapshot of the export files (fetched before any scenario writes).
    loads = [entry for entry in setup if entry["request"]["method"] == "POST"]
    exports = [entry for entry in setup if entry["request"]["method"] == "GET"]
    assert loads and len(loads) + len(exports) == len(setup)
    assert exports and all("/exports/" in entry["request"]["url"] for entry in exports)
    served = {rid for entry in entries for rid in entry.get("_requirements", ())}
    assert served == set(results)
    served_dv = [entry for entry in entries if DV in entry.get("_requirements", ())]
    # 3.4 R001 is judged through certificates, forms and the linkage answers; its certificates here.
    dv = [entry for entry in served_dv if entry["request"]["url"].endswith("/certificates")]
    assert dv
    issued = [entry for entry in dv if entry["response"]["status"] == 200]  # the defect: not refused
    assert issued and all("＊" in entry["response"]["content"]["text"] for entry in issued)  # names masked
    referenced = {r["id"] for r in results[DV].exchanges}
    assert referenced <= {entry["_id"] for entry in served_dv} and referenced & {entry["_id"] for entry in dv}


def test_a_requirement_reusing_the_cached_residents_is_linked_to_their_pages(run: Run) -> None:
    results, entries = run
    first, second = results[FIRST_READER].exchanges, results[SECOND_READER].exchanges
    pages = [reference for reference in first if reference["url"].startswith("/api/v1/residents?")]
    assert pages and not any(reference.get("reused") for reference in first)
    # The second reader's own exchanges (its scenarios) come apart from the pages it reused.
    reused = [reference for reference in second if reference.get("reused")]
    assert [reference["id"] for reference in reused] == [reference["id"] for reference in pages]
    by_id = {entry["_id"]: entry for entry in entries}
    assert all({FIRST_READER, SECOND_READER} <= set(by_id[page["id"]]["_requirements"]) for page in pages)
