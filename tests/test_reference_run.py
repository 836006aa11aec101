"""Self-conformance: the real catalog against the bundled reference vendor, with and without defects.

Each run is a real ``conformance run`` in a subprocess (the README's main command), so these tests
cover the whole path: profile, reference start, data load, checks, results.json, junit, report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conformance.reference.defects import DEFECTS


def run(out: Path, *args: str) -> tuple[int, dict[str, Any]]:
    completed = subprocess.run(
        [sys.executable, "-m", "conformance", "run", "--out", str(out), *args],
        capture_output=True, text=True, check=False, timeout=900,
    )
    results = out / "results.json"
    assert results.is_file(), completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed.returncode, json.loads(results.read_text("utf-8"))


def manual_only() -> int:
    """Required and prohibited requirements of the catalog whose checks are all manual."""
    from conformance import load_edition
    from conformance.locations import default_catalog_root

    edition = load_edition(default_catalog_root() / "jumin" / "1.0")
    return sum(1 for r in edition.requirements
               if r.checks and r.level != "optional" and all(check.kind == "manual" for check in r.checks))


def failed(document: dict[str, Any]) -> set[str]:
    return {r["requirement"] for r in document["results"] if r["status"] in ("FAIL", "ERROR")}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("clean")
    code, document = run(out)
    return code, document, out


def test_clean_reference_fails_nothing_and_is_incomplete_while_requirements_are_not_automated(
    clean: tuple[int, dict[str, Any], Path],
) -> None:
    code, document, out = clean
    problems = [r for r in document["results"] if r["status"] in ("FAIL", "ERROR")]
    assert problems == [], json.dumps(problems, ensure_ascii=False, indent=1)[:4000]
    assert document["summary"]["NOT_AUTOMATED"] > 0
    assert document["verdict"] == "incomplete" and code == 3  # never conformant while anything is unverified
    assert document["scope"]["partial"] is False
    assert document["summary"]["PASS"] >= 50
    # MANUAL: every requirement bound to manual checks only (chapters 2, 3 and 5 procedures; docs/forms.md);
    # the reference attests its two of 3.4.
    assert document["summary"]["MANUAL"] == manual_only() and document["coverage"]["attested"] == 2
    # The reference declares no optional function of 住民記録 (36) nor the 10 optional kyotsu data items; it
    # declares the 7 statements of the 付番 API (docs/catalog-ids.md).
    assert document["summary"]["NOT_APPLICABLE"] == 46
    assert (out / "junit.xml").is_file() and (out / "report.html").is_file()


def test_report_names_the_verdict_and_coverage(clean: tuple[int, dict[str, Any], Path]) -> None:
    _, document, out = clean
    html = (out / "report.html").read_text("utf-8")
    assert '<p class="verdict incomplete" id="verdict">' in html and 'class="verdict conformant"' not in html
    assert f'<td class="num">{document["coverage"]["automated"]}</td>' in html


#: Defects per grouped run (see defect_groups).
GROUP_SIZE = 12
#: Set to run every defect alone (52 whole runs, about 15 minutes on 2 cores): the release check.
FULL_MATRIX = os.environ.get("CONFORMANCE_FULL_DEFECT_MATRIX") == "1"


def defect_groups() -> list[tuple[str, ...]]:
    """The named defects in groups whose requirement sets are disjoint, at most GROUP_SIZE each.

    One whole run per defect costs about 50 s here; a run with a group of defects must fail exactly
    the union of their requirements, which shows each group's defects fail only requirements some
    defect of the group claims, and every claimed one. Which of the group's defects fails which
    requirement is shown per defect by the fast probes of tests/reference/test_reference_defects.py
    and, with CONFORMANCE_FULL_DEFECT_MATRIX=1, by one whole run per defect.
    """
    groups: list[list[str]] = []
    for name in sorted(DEFECTS):
        home = next((g for g in groups if len(g) < GROUP_SIZE and not any(_clash(name, other) for other in g)),
                    None)
        if home is None:
            groups.append([name])
        else:
            home.append(name)
    return [tuple(group) for group in groups]


def _clash(one: str, other: str) -> bool:
    """Two defects that may not share a run: a common requirement, or a common section in one family
    of defects (a 発行番号 in the wrong format hides one that repeats from the same checks)."""
    first, second = set(DEFECTS[one].requirements), set(DEFECTS[other].requirements)
    if first & second:
        return True
    same_family = one.split("_", 1)[0] == other.split("_", 1)[0]
    return same_family and bool((_sections(first) & _sections(second)) - SHARED_SECTIONS)


#: Sections whose requirements are judged by separate checks, so that defects of one family there
#: share a run (住民記録 5.1: each printed form's items, its certification, its pages). The group runs
#: show each defect still fails its own requirements beside the others. Not 共通機能's 付番 API: its
#: defects hide each other (tried: a group of five of them failed).
SHARED_SECTIONS = frozenset({"jumin-1.0-5.1"})


def _sections(requirements: set[str]) -> set[str]:
    """The sections of requirement ids (the id without its -R001 block)."""
    return {rid.rsplit("-", 1)[0] for rid in requirements}


@pytest.mark.parametrize("names", defect_groups(), ids=lambda names: "+".join(names))
def test_each_group_of_defects_fails_exactly_their_requirements(names: tuple[str, ...], tmp_path: Path) -> None:
    code, document = run(tmp_path, *(part for name in names for part in ("--defect", name)))
    assert code == 1 and document["verdict"] == "not_conformant"
    expected = {rid for name in names for rid in DEFECTS[name].requirements}
    assert failed(document) == expected
    statuses = {r["requirement"]: r["status"] for r in document["results"]}
    assert {statuses[rid] for rid in expected} == {"FAIL"}


@pytest.mark.skipif(not FULL_MATRIX, reason="one whole run per defect: set CONFORMANCE_FULL_DEFECT_MATRIX=1")
@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_each_defect_fails_exactly_its_requirements(name: str, tmp_path: Path) -> None:
    code, document = run(tmp_path, "--defect", name)
    assert code == 1
    assert document["verdict"] == "not_conformant"
    assert failed(document) == set(DEFECTS[name].requirements)
    statuses = {r["requirement"]: r["status"] for r in document["results"]}
    assert {statuses[rid] for rid in DEFECTS[name].requirements} == {"FAIL"}


def test_an_unknown_defect_is_a_usage_error(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "conformance", "run", "--out", str(tmp_path), "--defect", "dv_leek"],
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 2
    assert "dv_leek" in completed.stdout + completed.stderr
