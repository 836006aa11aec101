"""What CI tools read: JUnit (ERROR as <error>, FAIL as <failure>, no harness paths), Allure
(FAIL as failed with its findings attached), pytest's --lf, and the partial-run record."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from test_plugin import make_catalog

from conformance.locations import default_catalog_root

NO_TARGET_PROFILE = "name: p\nproduct: Product X\nversion: '2'\nclaims:\n- domain: jumin\n  edition: '1.0'\n"
#: A real check bound to R001: with a profile that has no vendor API it cannot judge (ERROR).
NEEDS_A_VENDOR = (
    "bindings:\n- requirement: jumin-1.0-3.4-R001\n  checks:\n"
    "  - kind: check\n    name: jumin.dv.certificate_refused\n"
)


def cases(junit: Path) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in ET.parse(junit).getroot().iter("testcase")}


def test_an_error_is_a_junit_error_with_the_title_and_no_harness_paths(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path, bindings=NEEDS_A_VENDOR)
    profile = pytester.path / "profile.yaml"
    profile.write_text(NO_TARGET_PROFILE, encoding="utf-8")
    result = pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-profile={profile}",
                                "--conformance-out=out", "--junitxml=junit.xml", "-o", "junit_family=xunit1")
    result.assert_outcomes(errors=1, skipped=2)
    junit = cases(pytester.path / "junit.xml")
    error = junit["jumin-1.0-3.4-R001"].find("error")
    assert error is not None and junit["jumin-1.0-3.4-R001"].find("failure") is None
    assert "jumin-1.0-3.4-R001: ERROR: TargetError: " in (error.text or "")
    assert "Traceback" not in (error.text or "") and "CaseError" not in (error.text or "")
    properties = {p.get("name"): p.get("value") for p in junit["jumin-1.0-3.4-R001"].iter("property")}
    assert properties["title"] == "3.4 支援措置" and properties["status"] == "ERROR"
    text = (pytester.path / "junit.xml").read_text("utf-8")
    package = Path(__file__).resolve().parents[1] / "conformance"
    assert str(package) not in text and "pytest_plugin.py" not in text
    skipped = junit["jumin-1.0-3.4-P001"].find("skipped")
    reason = "jumin/1.0/edition.yaml:0: NOT_AUTOMATED: no check is bound to this requirement"
    assert skipped is not None and (skipped.text or "").endswith(reason)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert document["verdict"] == "incomplete"  # an ERROR could not judge: not verified, not failed


@pytest.fixture(scope="module")
def defect_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Chapter 3.4 of the real catalog against the reference with a DV leak (3.4 R001 fails)."""
    out = tmp_path_factory.mktemp("defect")
    root = default_catalog_root()
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", str(root), "--conformance", f"--conformance-catalog={root}",
         f"--conformance-out={out}", "--conformance-defect=dv_certificate_issued", "-k", "jumin-1.0-3.4-",
         f"--junitxml={out / 'junit.xml'}", "-o", "junit_family=xunit1", "-o", "junit_suite_name=reference 0.1.0",
         f"--alluredir={out / 'allure'}", "-p", "no:cacheprovider", "--rootdir", str(root), "-q",
         "-p", "no:randomly"],
        capture_output=True, text=True, check=False, timeout=600, cwd=out,
    )
    return out, completed


@pytest.mark.e2e
def test_a_fail_is_a_junit_failure_in_a_suite_named_after_the_product(
    defect_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, completed = defect_run
    assert completed.returncode == pytest.ExitCode.TESTS_FAILED, completed.stdout[-3000:]
    root = ET.parse(out / "junit.xml").getroot()
    assert [suite.get("name") for suite in root.iter("testsuite")] == ["reference 0.1.0"]
    failing = cases(out / "junit.xml")["jumin-1.0-3.4-R001"]
    assert failing.find("failure") is not None and failing.find("error") is None


@pytest.mark.e2e
def test_allure_marks_a_fail_failed_with_its_findings_attached(
    defect_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    pytest.importorskip("allure_pytest")
    out, _ = defect_run
    tests: dict[str, dict[str, Any]] = {}
    for path in (out / "allure").glob("*-result.json"):
        data = json.loads(path.read_text("utf-8"))
        tests[data["name"]] = data
    failing = tests["jumin-1.0-3.4-R001"]
    assert failing["status"] == "failed"
    attached = {a["name"]: a["source"] for a in failing.get("attachments", [])}
    findings = json.loads((out / "allure" / attached["findings"]).read_text("utf-8"))
    # The DV check, the form check and the model's state machine (3.4 R001 is one of its rules: the copy it
    # issues, the 世帯 copy asked through another member, and the forms it reads since they are read paths of the
    # machine) each catch it.
    assert {f["code"] for f in findings} == {"jumin.dv.certificate_issued", "form.dv_leak", "model.dv_issued",
                                             "model.dv_household_leak", "model.dv_form_issued", "model.dv_form_leak"}


@pytest.mark.e2e
def test_a_k_run_of_the_real_catalog_is_partial_and_never_conformant(
    defect_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = defect_run
    document = json.loads((out / "results.json").read_text("utf-8"))
    assert document["scope"]["partial"] is True
    assert document["scope"]["selection"] == {"keyword": "jumin-1.0-3.4-", "domains": None} or \
        document["scope"]["selection"]["keyword"] == "jumin-1.0-3.4-"
    assert document["scope"]["judged"] < document["scope"]["claimed"]
    assert document["verdict"] == "not_conformant"
    attested = {r["requirement"] for r in document["results"] if r.get("attestation")}
    assert attested == {"jumin-1.0-3.4-R005"}
    assert document["coverage"]["attested"] == 1


@pytest.mark.e2e
def test_lf_reruns_what_failed_through_conformance_run(tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path, bindings=NEEDS_A_VENDOR)
    profile = tmp_path / "profile.yaml"
    profile.write_text(NO_TARGET_PROFILE, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "conformance", "run", "--catalog", str(catalog), "--profile", str(profile),
               "--out", str(out)]
    first = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert first.returncode == 3, first.stderr  # an ERROR: incomplete
    again = subprocess.run([*command, "--", "--lf"], capture_output=True, text=True, check=False, timeout=300)
    assert again.returncode == 3, again.stderr
    document = json.loads((out / "results.json").read_text("utf-8"))
    assert [r["requirement"] for r in document["results"]] == ["jumin-1.0-3.4-R001"]
    assert document["scope"]["partial"] is True and document["scope"]["selection"]["last_failed"] is True
