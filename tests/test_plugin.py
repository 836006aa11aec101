"""The pytest plugin, driven with pytester on small catalogs."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="module")
def _numpy_loaded_before_the_inline_runs() -> None:
    """pytester's inline runs forget the modules first imported inside them, and numpy (the report's font subset)
    cannot be loaded twice in a process: loaded here once, a second run in the same process does not import it again
    (the file alone with ``-n 0`` failed from its second run on)."""
    importlib.import_module("numpy")


EDITION = """\
domain: jumin
domain_name: 住民基本台帳
edition: '1.0'
document: 住民記録システム標準仕様書
published: '2020-09'
publisher: 総務省
"""


def requirement_yaml(rid: str, level: str, paragraph: int) -> str:
    return f"""\
- id: {rid}
  kind: function
  level: {level}
  text: テキスト{paragraph}
  source:
    document: 住民記録システム標準仕様書
    edition: '1.0'
    section: '3.4'
    title: 支援措置
    block: 実装すべき機能
    paragraph: {paragraph}
"""


def make_catalog(root: Path, extra: str = "", bindings: str = "") -> Path:
    edition = root / "catalog" / "jumin" / "1.0"
    (edition / "requirements").mkdir(parents=True)
    (edition / "edition.yaml").write_text(EDITION, encoding="utf-8")
    body = "requirements:\n" + requirement_yaml("jumin-1.0-3.4-R001", "required", 1)
    body += requirement_yaml("jumin-1.0-3.4-O001", "optional", 1)
    body += requirement_yaml("jumin-1.0-3.4-P001", "prohibited", 1) + extra
    (edition / "requirements" / "ch03.yaml").write_text(body, encoding="utf-8")
    if bindings:
        (edition / "bindings.yaml").write_text(bindings, encoding="utf-8")
    return root / "catalog"


def test_items_are_named_by_requirement_id_and_skip_with_their_state(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out", "-rs", "-v")
    result.stdout.fnmatch_lines([
        "*edition.yaml::jumin-1.0-3.4-R001 SKIPPED*",
        "*edition.yaml::jumin-1.0-3.4-O001 SKIPPED*",
        "verdict: incomplete",
        "coverage: 0 automated, 0 attested, 0 manual, 2 not automated, 1 not applicable, 0 not selected (of 3)",
        "*NOT_AUTOMATED: no check is bound to this requirement*",
    ])
    result.assert_outcomes(skipped=3)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert document["verdict"] == "incomplete"
    assert document["format_version"] == "2.0"
    assert document["scope"] == {"partial": False, "selection": {}, "claimed": 3, "judged": 3, "not_selected": []}
    # No profile: the reference vendor's, which declares no optional function.
    assert [r["status"] for r in document["results"]] == ["NOT_AUTOMATED", "NOT_APPLICABLE", "NOT_AUTOMATED"]
    assert [r["requirement"] for r in document["results"]] == [
        "jumin-1.0-3.4-R001", "jumin-1.0-3.4-O001", "jumin-1.0-3.4-P001"]
    assert document["summary"]["NOT_AUTOMATED"] == 2


def test_k_selects_by_id_and_results_keep_only_what_ran(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out", "-k", "P001")
    result.assert_outcomes(skipped=1, deselected=2)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert [r["requirement"] for r in document["results"]] == ["jumin-1.0-3.4-P001"]
    assert document["scope"] == {"partial": True, "selection": {"keyword": "P001"}, "claimed": 3, "judged": 1,
                                 "not_selected": ["jumin-1.0-3.4-O001", "jumin-1.0-3.4-R001"]}
    assert document["verdict"] == "incomplete"
    assert document["coverage"]["not_selected"] == 2 and document["coverage"]["total"] == 3


def test_requirement_ids_select_exactly_those_and_an_unknown_one_is_a_usage_error(pytester: pytest.Pytester) -> None:
    """``--conformance-requirement`` (the defect groups' selection, tests/test_reference_run.py): whole ids, not -k's
    substrings; recorded in ``scope.selection``; an id no item has stops the run before anything is judged."""
    catalog = make_catalog(pytester.path)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out",
                                "--conformance-requirement=jumin-1.0-3.4-P001",
                                "--conformance-requirement=jumin-1.0-3.4-R001")
    result.assert_outcomes(skipped=2, deselected=1)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert [r["requirement"] for r in document["results"]] == ["jumin-1.0-3.4-R001", "jumin-1.0-3.4-P001"]
    assert document["scope"] == {
        "partial": True, "selection": {"requirements": ["jumin-1.0-3.4-P001", "jumin-1.0-3.4-R001"]},
        "claimed": 3, "judged": 2, "not_selected": ["jumin-1.0-3.4-O001"]}
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out2",
                                "--conformance-requirement=jumin-1.0-3.4-P00")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--conformance-requirement: no requirement of the run's editions has the id(s) "
                                 "jumin-1.0-3.4-P00*"])
    assert not (pytester.path / "out2" / "results.json").exists()


def test_collect_only_writes_no_results_and_says_there_is_no_verdict(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-out=out", "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*jumin-1.0-3.4-R001*", "collect-only: nothing was judged, so there is no verdict"])
    result.stdout.no_fnmatch_line("verdict:*")
    assert not (pytester.path / "out" / "results.json").exists()


def test_a_bad_entry_fails_only_that_item(pytester: pytest.Pytester) -> None:
    bad = requirement_yaml("jumin-1.0-3.4-R002", "requred", 2)
    catalog = make_catalog(pytester.path, extra=bad)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "-v")
    result.assert_outcomes(skipped=3, failed=1)
    result.stdout.fnmatch_lines(["*::jumin-1.0-3.4-R002 FAILED*"])
    assert (
        "ch03.yaml:37: requirements[3].level: 'requred' is not allowed; "
        "expected one of: required, optional, prohibited; did you mean 'required'?"
    ) in result.stdout.str()


def test_manual_binding_and_undeclared_optional(pytester: pytest.Pytester) -> None:
    bindings = (
        "bindings:\n- requirement: jumin-1.0-3.4-R001\n  checks:\n"
        "  - kind: manual\n    evidence: 画面のスクリーンショット\n"
    )
    catalog = make_catalog(pytester.path, bindings=bindings)
    profile = pytester.path / "profile.yaml"
    profile.write_text(
        "name: p\nproduct: x\nversion: '1'\nclaims:\n- domain: jumin\n  edition: '1.0'\n", encoding="utf-8"
    )
    result = pytester.runpytest(
        f"--conformance-catalog={catalog}", f"--conformance-profile={profile}", "--conformance-out=out"
    )
    result.assert_outcomes(skipped=3)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    states = {r["requirement"]: (r["status"], r["reason"]) for r in document["results"]}
    assert states["jumin-1.0-3.4-R001"] == ("MANUAL", "画面のスクリーンショット")
    assert states["jumin-1.0-3.4-O001"][0] == "NOT_APPLICABLE"
    assert document["profile"] == {"name": "p", "product": "x", "version": "1"}


def test_junit_carries_requirement_properties(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    pytester.runpytest(f"--conformance-catalog={catalog}", "--junitxml=junit.xml", "-o", "junit_family=xunit1")
    xml = (pytester.path / "junit.xml").read_text("utf-8")
    assert '<property name="requirement" value="jumin-1.0-3.4-R001"' in xml
    assert '<property name="level" value="prohibited"' in xml


@pytest.mark.e2e
def test_xdist_run_writes_the_same_results(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    result = pytester.runpytest_subprocess(f"--conformance-catalog={catalog}", "--conformance-out=out", "-n", "2")
    result.assert_outcomes(skipped=3)
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert [r["requirement"] for r in document["results"]] == [
        "jumin-1.0-3.4-R001", "jumin-1.0-3.4-O001", "jumin-1.0-3.4-P001"]


def test_a_bad_profile_is_a_usage_error(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    profile = pytester.path / "profile.yaml"
    profile.write_text("name: p\nprodcut: x\n", encoding="utf-8")
    result = pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-profile={profile}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*profile.yaml:2: *prodcut*did you mean 'product'?*"])


def test_inert_without_options(pytester: pytest.Pytester) -> None:
    make_catalog(pytester.path)
    pytester.makepyfile("def test_x():\n    pass\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
