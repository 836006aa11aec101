"""The command line, end to end on the real catalog and on small ones."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from test_plugin import make_catalog
from typer.testing import CliRunner

from conformance.cli import app
from conformance.locations import default_catalog_root

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "spec_sources" / "juminkiroku_v1.0"
BLOCKS = {
    "【実装すべき機能】": "required",
    "【実装してもしなくても良い機能】": "optional",
    "【実装してもしなくても良い能能】": "optional",  # j370.txt misspells the heading (docs/catalog-ids.md)
    "【実装しない機能】": "prohibited",
}
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def source_paragraphs() -> Counter[tuple[str, str, str]]:
    """(section, level, text) multiset counted straight from the source files."""
    found: Counter[tuple[str, str, str]] = Counter()
    for path in SOURCE.glob("j*.txt"):
        lines = path.read_text("utf-8-sig").splitlines()
        section, block = lines[0].split(" ")[0].rstrip("."), None
        for line in lines[1:]:
            text = line.strip()
            if text in BLOCKS:
                block = BLOCKS[text]
            elif text and block:
                found[(section, block, text)] += 1
    return found


def test_export_gives_the_same_paragraphs_as_the_source() -> None:
    code, out = invoke("catalog", "export", "--domain", "jumin", "--edition", "1.0", "--json")
    assert code == 0
    rows = json.loads(out)["requirements"]
    exported = Counter((r["section"]["number"], r["level"], r["text"]) for r in rows)
    assert exported == source_paragraphs()
    assert len(rows) == 957


def test_list_and_stats() -> None:
    code, out = invoke("catalog", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    original_keys = ("domain", "domain_name", "edition", "document", "requirements")
    assert {"domain": "jumin", "domain_name": "住民基本台帳", "edition": "1.0",
            "document": "住民記録システム標準仕様書", "requirements": 957} in [
        {key: e[key] for key in original_keys} for e in listed]
    # The statute editions of the other domains (docs/catalog-ids.md, "Statute editions").
    present = {(e["domain"], e["requirements"]) for e in listed if e["status"] == "in_catalog"}
    assert ("jumin", 957) in present
    statute = [e for e in listed if e["kind"] == "statute"]
    assert len(statute) == 19 and all(e["edition"] == "2025.12" for e in statute)
    # 印鑑登録 quotes two municipalities' 条例 as exemplars (spec_sources/statutes/inkan/SOURCE.md).
    assert all(e["requirements"] >= 15 for e in statute)
    # Every domain of the registry is listed, with or without an edition (tests/catalog/test_domains.py).
    assert len({e["domain"] for e in listed}) == 21
    code, out = invoke("catalog", "stats", "--domain", "jumin", "--json")
    (stats,) = json.loads(out)
    assert stats["by_level"] == {"required": 845, "optional": 36, "prohibited": 76}
    assert sum(stats["by_automation"].values()) == 957


def test_validate_real_catalog_is_clean() -> None:
    assert invoke("catalog", "validate")[0] == 0


def test_validate_reports_file_line_and_suggestion(tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path, extra="- id: jumin-1.0-3.4-R002\n  levle: required\n")
    code, out = invoke("catalog", "validate", str(catalog))
    assert code == 1
    assert "ch03.yaml:36: requirements[3]: unknown field 'levle'; allowed fields: id, kind, level" in out
    assert "did you mean 'level'?" in out


def test_schema_is_committed_and_current() -> None:
    assert invoke("catalog", "schema", "--check")[0] == 0


def test_import_reproduces_the_committed_catalog(tmp_path: Path) -> None:
    out = tmp_path / "jumin" / "1.0"
    assert invoke("catalog", "import", "--domain", "jumin", "--edition", "1.0", "--out", str(out))[0] == 0
    committed = default_catalog_root() / "jumin" / "1.0"
    for path in [*sorted((committed / "requirements").glob("*.yaml")), committed / "edition.yaml"]:
        assert (out / path.relative_to(committed)).read_bytes() == path.read_bytes(), path.name


def test_unknown_domain_is_a_usage_error() -> None:
    code, _ = invoke("catalog", "export", "--domain", "jumni", "--edition", "1.0", "--json")
    assert code == 2


def test_run_end_to_end_writes_results_and_junit(tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path)  # no check bound: everything NOT_AUTOMATED, never passed
    out = tmp_path / "out"
    completed = subprocess.run(
        [sys.executable, "-m", "conformance", "run", "--out", str(out), "--catalog", str(catalog)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert completed.returncode == 3, completed.stdout + completed.stderr  # incomplete
    document = json.loads((out / "results.json").read_text("utf-8"))
    assert document["verdict"] == "incomplete"
    assert document["summary"]["NOT_AUTOMATED"] == 2
    assert document["coverage"]["not_applicable"] == 1
    junit = (out / "junit.xml").read_text("utf-8")
    assert junit.count("<testcase") == 3
    assert '<property name="conformance.verdict" value="incomplete" />' in junit
    assert '<property name="conformance.partial" value="false" />' in junit
    assert (out / "report.html").is_file()
    # pytest's own output goes to a file; the terminal gets the verdict, coverage and the outputs.
    assert "verdict: incomplete (判定未完了)" in completed.stderr
    assert "coverage: 0 automated, 0 attested" in completed.stderr
    assert f"report.html: {out / 'report.html'}" in completed.stderr.replace("\n", "")
    assert "SKIPPED" not in completed.stdout + completed.stderr
    assert "jumin-1.0-3.4-R001" in (out / "work" / "pytest-output.txt").read_text("utf-8")


def test_the_gate_flag_lets_an_incomplete_run_pass_and_nothing_else(tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "conformance", "run", "--out", str(tmp_path / "out"), "--catalog", str(catalog),
         "--gate", "no-failures"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "verdict: incomplete" in completed.stderr
    # The 0 is the gate's, and the terminal says so (issue 27, item 12).
    assert "gate no-failures: accepted (verdict incomplete: nothing failed, but not everything was verified); " \
           "exit 0" in completed.stderr.replace("\n", " ")
    result = runner.invoke(app, ["run", "--gate", "nothing", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "expected conformant or no-failures" in result.stderr


def test_run_help_documents_the_exit_codes() -> None:
    code, output = invoke("run", "--help")
    assert code == 0
    for line in ("0  conformant", "1  not_conformant", "2  usage", "3  incomplete", "4  not_run", "no-failures"):
        assert line in output


def test_run_with_a_missing_profile_exits_2(tmp_path: Path) -> None:
    code, _ = invoke("run", "--profile", str(tmp_path / "nope.yaml"), "--out", str(tmp_path))
    assert code == 2


def test_public_api_is_exactly_all() -> None:
    import conformance

    public = {name for name in vars(conformance) if not name.startswith("_")} - {"annotations"}
    modules = {name for name in public if isinstance(getattr(conformance, name), type(conformance))}
    assert sorted(public - modules) == sorted(n for n in conformance.__all__ if n != "__version__")
    assert all(hasattr(conformance, name) for name in conformance.__all__)


def test_workers_spread_a_run_over_processes_one_edition_each() -> None:
    from conformance.cli.run import pytest_arguments

    common = {"profile": None, "domains": [], "out": Path("out"), "catalog": None, "extra": []}
    assert pytest_arguments(**common, workers="2")[-4:] == ["-n", "2", "--dist", "loadfile"]
    assert "-n" not in pytest_arguments(**common, workers="1") and "-n" not in pytest_arguments(**common)


def test_workers_must_be_a_number_and_need_the_reference_vendor(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--workers", "0", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--workers '0': expected a whole number of 1 or more, or auto" in result.stderr
    profile = Path(__file__).resolve().parents[1] / "vendor_profiles" / "example_mapped_export.yaml"
    result = runner.invoke(app, ["run", "--workers", "2", "--profile", str(profile), "--out", str(tmp_path / "y")])
    assert result.exit_code == 2
    assert "only a run against the bundled reference vendor" in result.stderr.replace("\n", " ")
    assert not (tmp_path / "y" / "results.json").exists()


def test_the_reference_transport_is_server_or_in_process_and_for_the_reference_only(tmp_path: Path) -> None:
    from conformance.cli.run import pytest_arguments

    common = {"profile": None, "domains": [], "out": Path("out"), "catalog": None, "extra": []}
    chosen = pytest_arguments(**common, reference_transport="in-process")
    assert "--conformance-reference-transport=in-process" in chosen
    assert not any("reference-transport" in arg for arg in pytest_arguments(**common))
    result = runner.invoke(app, ["run", "--reference-transport", "loopback", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "--reference-transport 'loopback': expected server or in-process" in result.stderr
    profile = Path(__file__).resolve().parents[1] / "vendor_profiles" / "example_mapped_export.yaml"
    result = runner.invoke(app, ["run", "--reference-transport", "in-process", "--profile", str(profile),
                                 "--out", str(tmp_path / "y")])
    assert result.exit_code == 2
    assert "applies to the bundled reference vendor only" in result.stderr.replace("\n", " ")
    assert not (tmp_path / "x" / "results.json").exists() and not (tmp_path / "y" / "results.json").exists()


def test_shrink_is_on_or_off(tmp_path: Path) -> None:
    from conformance.cli.run import pytest_arguments

    common = {"profile": None, "domains": [], "out": Path("out"), "catalog": None, "extra": []}
    assert "--conformance-shrink=off" in pytest_arguments(**common, shrink="off")
    result = runner.invoke(app, ["run", "--shrink", "no", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--shrink 'no': expected on or off" in result.stderr
    assert not (tmp_path / "x" / "results.json").exists()


#: What a run writes besides its work directory, and what it writes without its evidence (--conformance-evidence off).
OUTPUTS = {"results.json", "junit.xml", "report.html", "exchanges.har", "evidence.zip"}
WITHOUT_EVIDENCE = {"results.json", "junit.xml"}


def test_evidence_is_on_or_off() -> None:
    from conformance.cli.run import pytest_arguments
    from conformance.errors import UsageError
    from conformance.options import parse_evidence

    common = {"profile": None, "domains": [], "out": Path("out"), "catalog": None, "extra": []}
    assert "--conformance-evidence=off" in pytest_arguments(**common, evidence=False)
    assert not any("evidence" in arg for arg in pytest_arguments(**common))
    assert (parse_evidence(None), parse_evidence("on"), parse_evidence("off")) == (True, True, False)
    with pytest.raises(UsageError, match="--conformance-evidence 'no': expected on or off"):
        parse_evidence("no")


def test_a_run_without_its_evidence_judges_the_same_and_writes_its_results_only(tmp_path: Path) -> None:
    """The defect groups' runs (tests/test_reference_run.py group_run) leave their evidence out: the same verdict and
    findings (code, location) as with it, on a defect that fails its requirement; no recording, report or bundle."""
    import io

    from rich.console import Console
    from test_reference_run import judged

    from conformance.cli.run import RunOptions, run_suite
    from conformance.recorder import RECORDING_GLOB
    from conformance_reference.defects import DEFECTS

    requirement = DEFECTS["tsusho_dropped"].requirements[0]
    documents = {}
    for evidence in (True, False):
        out = tmp_path / ("with" if evidence else "without")
        code = run_suite(RunOptions(profile=None, out=out, domains=["jumin"], defects=["tsusho_dropped"],
                                    extra=["-k", requirement], reference_transport="in-process", shrink="off",
                                    evidence=evidence), Console(file=io.StringIO()))
        assert code == 1
        assert {name for name in OUTPUTS if (out / name).is_file()} == (OUTPUTS if evidence else WITHOUT_EVIDENCE)
        assert evidence or not list((out / "work").glob(RECORDING_GLOB))  # nothing recorded on the side either
        documents[evidence] = json.loads((out / "results.json").read_text("utf-8"))
    assert judged(documents[False]) == judged(documents[True])
    assert judged(documents[False])[requirement][0] == "FAIL" and judged(documents[False])[requirement][1]


def test_a_run_does_not_collect_the_whole_heaps_garbage_as_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pytest's ``unraisableexception`` plugin is blocked in a run (``_UNUSED_PLUGINS``): it called ``gc.collect``
    twice at the end of every run, a tenth of each defect group's run in the tests' long-lived process."""
    import gc

    from conformance.cli.run import RunOptions, run_suite

    collected: list[object] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(args) or collect(*args))
    code = run_suite(RunOptions(profile=None, out=tmp_path / "out", domains=["jumin"],
                                extra=["-k", "jumin-1.0-1.1.1-R001"], reference_transport="in-process"))
    assert code in (0, 3), code  # the one requirement judged (conformant or incomplete)
    assert collected == []
