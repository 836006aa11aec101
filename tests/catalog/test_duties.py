"""The duty of each requirement (issue 46): system, operation or outside, declared in an edition's
hand-written duties.yaml (docs/catalog-ids.md, "Duties"), and what each does to a run and its reports."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck, ManualCheck
from conformance.catalog.views import edition_stats, export_requirement
from conformance.checks.registry import CheckContext, Registry, check
from conformance.findings import Finding
from conformance.plan import plan_edition
from conformance.profiles import Profile
from conformance.reporting.html import render_report
from conformance.reporting.xlsx import COLUMNS, Row
from conformance.results import RequirementResult, Status
from conformance.runner import run_case

EDITION_YAML = """\
domain: senkyo
domain_name: 選挙人名簿管理
edition: '2025.12'
kind: statute
document: 公職選挙法（法令版）
published: 2025-12-30
publisher: e-Gov
"""

REQUIREMENT = """\
  - id: senkyo-2025.12-1.30.0.{number}.0-R001
    kind: rule
    level: required
    text: 第{number}項の文。
    source:
      document: 公職選挙法
      edition: '2025.12'
      section: 1.30.0.{number}.0
      title: 公職選挙法 第30条
      block: 第30条第{number}項
      paragraph: {number}
"""

OUTSIDE, OPERATION, SYSTEM, CHECKED = (f"senkyo-2025.12-1.30.0.{n}.0-R001" for n in (1, 2, 3, 4))
EDITION = Path("senkyo/2025.12")


@check("scenario.inkan.age")
def duty_passes(ctx: CheckContext) -> Iterator[Finding]:
    return iter(())


def registry() -> Registry:
    module = ModuleType("duty_checks_under_test")
    module.duty_passes = duty_passes  # type: ignore[attr-defined]
    reg = Registry()
    reg.add_module(module)
    return reg


def write(name: str, text: str) -> None:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write("senkyo/2025.12/edition.yaml", EDITION_YAML)
    write("senkyo/2025.12/requirements/statute.yaml",
          "requirements:\n" + "".join(REQUIREMENT.format(number=n) for n in (1, 2, 3, 4)))


def load(duties: str, bindings: str = "") -> EditionCatalog:
    write("senkyo/2025.12/duties.yaml", duties)
    if bindings:
        write("senkyo/2025.12/bindings.yaml", bindings)
    return load_edition(EDITION)


DUTIES = f"""\
duties:
  - requirement: {OUTSIDE}
    duty: outside
    reason: 在外公館の長が行う送付（「在外公館の長は」）
  - requirement: {OPERATION}
    duty: operation
    reason: 申請は選挙人が行う（「選挙人は…申請することができる」）
  - requirement: {CHECKED}
    duty: operation
    reason: 委員会の告示
"""
BINDINGS = f"""\
bindings:
  - requirement: {CHECKED}
    checks: [{{kind: check, name: scenario.inkan.age}}]
"""


def by_id(edition: EditionCatalog) -> dict[str, object]:
    return {r.id: r for r in edition.requirements}


def test_undeclared_requirements_are_system_duties() -> None:
    edition = load("duties: []\n")
    assert not edition.errors
    assert {r.duty for r in edition.requirements} == {"system"}
    assert all(r.duty_reason is None for r in edition.requirements)


def test_a_requirement_declared_outside_is_not_applicable_with_its_reason_whatever_the_profile() -> None:
    edition = load(DUTIES)
    assert not edition.errors, [str(e) for e in edition.errors]
    profile = Profile.model_validate({"name": "p", "product": "x", "version": "1",
                                      "claims": [{"domain": "senkyo", "edition": "2025.12"}],
                                      "capabilities": {"optional": [OUTSIDE]}})
    for chosen in (None, profile):
        cases = {case.requirement.id: case for case in plan_edition(edition, chosen)}
        result = run_case(cases[OUTSIDE], registry())
        assert result.status is Status.NOT_APPLICABLE
        assert "在外公館の長が行う送付" in result.reason and "ハーネスの解釈" in result.reason
        assert result.duty == "outside"
        assert run_case(cases[SYSTEM], registry()).status is Status.NOT_AUTOMATED


def test_an_operation_becomes_manual_with_a_procedure_unless_a_check_judges_it() -> None:
    edition = load(DUTIES, BINDINGS)
    assert not edition.errors, [str(e) for e in edition.errors]
    cases = {case.requirement.id: case for case in plan_edition(edition, None)}
    manual = run_case(cases[OPERATION], registry())
    assert manual.status is Status.MANUAL and manual.duty == "operation"
    assert "申請は選挙人が行う" in manual.reason and "システムが保持する記録" in manual.reason
    checks = cases[OPERATION].requirement.checks
    assert len(checks) == 1 and isinstance(checks[0], ManualCheck)
    automated = run_case(cases[CHECKED], registry())  # a check judges it: it stays automated
    assert automated.status is Status.PASS and automated.duty == "operation"
    assert [type(c) for c in cases[CHECKED].requirement.checks] == [FunctionCheck]


def test_an_operation_may_say_what_to_check() -> None:
    edition = load(f"""\
        duties:
          - requirement: {OPERATION}
            duty: operation
            reason: 選挙人の申請
            procedure: 申請を受理した日と申請者を記録できることを確認する
        """)
    evidence = [c.evidence for c in by_id(edition)[OPERATION].checks if isinstance(c, ManualCheck)]  # type: ignore[attr-defined]
    assert len(evidence) == 1 and "申請を受理した日と申請者を記録できること" in evidence[0]


@pytest.mark.parametrize(("duties", "bindings", "message"), [
    ("""\
        duties:
          - requirement: senkyo-2025.12-1.30.0.9.0-R001
            duty: outside
            reason: x
        """, "",
     "senkyo/2025.12/duties.yaml:2: duties[0].requirement: unknown requirement 'senkyo-2025.12-1.30.0.9.0-R001'; "
     "did you mean 'senkyo-2025.12-1.30.0.4.0-R001'?"),
    (f"""\
        duties:
          - requirement: {OUTSIDE}
            duty: outside
            reason: x
          - requirement: {OUTSIDE}
            duty: operation
            reason: y
        """, "",
     f"senkyo/2025.12/duties.yaml:5: duties[1].requirement: duplicate duty for requirement '{OUTSIDE}'; first "
     "declared at senkyo/2025.12/duties.yaml:2; declare it once"),
    (f"""\
        duties:
          - requirement: {CHECKED}
            duty: outside
            reason: x
        """, BINDINGS,
     f"senkyo/2025.12/duties.yaml:3: duties[0].duty: requirement '{CHECKED}' is declared outside the "
     "municipality's system, but a check is bound to it; a check judges the system: declare it system (or "
     "operation), or unbind the check"),
])
def test_a_bad_declaration_is_a_located_error(duties: str, bindings: str, message: str) -> None:
    edition = load(duties, bindings)
    assert [str(e) for e in edition.errors] == [message]


def test_an_unknown_duty_and_a_missing_reason_are_located_errors() -> None:
    edition = load(f"""\
        duties:
          - requirement: {OUTSIDE}
            duty: outsider
            reason: x
          - requirement: {OPERATION}
            duty: operation
        """)
    errors = [str(e) for e in edition.errors]
    assert len(errors) == 2, errors
    assert errors[0].startswith("senkyo/2025.12/duties.yaml:3: duties[0].duty: ") and "'outside'" in errors[0]
    assert errors[1].startswith("senkyo/2025.12/duties.yaml:5: duties[1]") and "reason" in errors[1]
    assert {r.duty for r in edition.requirements} == {"system"}  # a bad declaration declares nothing


def test_export_stats_results_and_reports_show_the_duty() -> None:
    edition = load(DUTIES)
    requirements = by_id(edition)
    exported = export_requirement(edition, requirements[OUTSIDE])  # type: ignore[arg-type]
    assert exported["duty"] == "outside" and exported["duty_reason"].startswith("在外公館の長")
    assert export_requirement(edition, requirements[SYSTEM])["duty"] == "system"  # type: ignore[arg-type]
    assert edition_stats(edition)["by_duty"] == {"system": 1, "operation": 2, "outside": 1}
    # Issue 46's depth counts only the required system duties (the one system requirement, not automated).
    assert edition_stats(edition)["required_system"] == {"automated": 0, "manual": 0, "not_automated": 1,
                                                         "not_automated_unexplained": 1}
    results = [run_case(case, registry()) for case in plan_edition(edition, None)]
    entries = [result.to_json() for result in results]
    assert [e["duty"] for e in entries] == ["outside", "operation", "system", "operation"]
    assert RequirementResult.from_json(entries[0]).duty == "outside"
    assert RequirementResult.from_json({k: v for k, v in entries[0].items() if k != "duty"}).duty == "system"
    row = Row(requirements[OUTSIDE], "対象外", "")  # type: ignore[arg-type]
    cells = dict(zip(COLUMNS, row.cells(), strict=True))
    assert cells["責務"] == "対象外（市町村のシステムの責務ではない）"
    assert cells["責務の理由（ハーネスの解釈）"].startswith("在外公館の長")
    document = {"results": entries, "scope": {}, "summary": {}, "coverage": {}, "catalog": {}, "profile": {}}
    page = render_report(document, requirements)  # type: ignore[arg-type]
    assert "在外公館の長が行う送付" in page and "運用の責務" in page and "ハーネスの解釈" in page


def test_the_catalog_exports_the_duty_of_every_requirement_and_senkyo_declares_others_than_system() -> None:
    import json

    from typer.testing import CliRunner

    from conformance.cli import app

    outcome = CliRunner().invoke(app, ["catalog", "export", "--domain", "senkyo", "--edition", "2025.12", "--json"])
    assert outcome.exit_code == 0, outcome.stdout
    exported = {r["id"]: r for r in json.loads(outcome.stdout)["requirements"]}
    assert {r["duty"] for r in exported.values()} == {"system", "operation", "outside"}
    court = exported["senkyo-2025.12-1.25.0.2.0-R001"]  # 地方裁判所の専属管轄
    assert court["duty"] == "outside" and "裁判所" in court["duty_reason"]
    consul = exported["senkyo-2025.12-1.30.5.3.0-R001"]  # 領事官は…送付しなければならない
    assert consul["duty"] == "outside" and "領事官" in consul["duty_reason"]
    notice = exported["senkyo-2025.12-1.28.0.1.0-R002"]  # その旨を告示しなければならない
    assert notice["duty"] == "operation" and notice["automation"] == "manual"
    registration = exported["senkyo-2025.12-1.22.0.1.0-R001"]  # 登録しなければならない: the system's
    assert registration["duty"] == "system" and registration["duty_reason"] is None
    assert all(r["automation"] != "automated" for r in exported.values() if r["duty"] == "outside")


def _quotes(reason: str) -> list[str]:
    """The outermost 「…」 of a reason (a quote may hold 「」 of the law's own)."""
    depth, start, found = 0, 0, []
    for index, char in enumerate(reason):
        if char == "「":
            start = index + 1 if depth == 0 else start
            depth += 1
        elif char == "」" and depth:
            depth -= 1
            if depth == 0:
                found.append(reason[start:index])
    return found


def test_every_reason_quotes_its_requirement_verbatim() -> None:
    """A reason cites the text it rests on: each piece of a 「…」 (cut at …) is in the requirement's text,
    so no reason puts words in the law's mouth."""
    from conformance.catalog.loader import load_catalog
    from conformance.locations import default_catalog_root

    catalog = load_catalog(default_catalog_root())
    declared = [r for e in catalog.editions for r in e.requirements if r.duty_reason is not None]
    assert declared
    misquoted = [(r.id, piece) for r in declared for quote in _quotes(r.duty_reason or "")
                 for piece in quote.split("…") if piece and piece not in r.text]
    assert misquoted == []
    assert all(r.duty != "outside" or r.checks == () for r in declared)
