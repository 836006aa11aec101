"""Why a requirement is NOT_AUTOMATED (issue 46 item 2: "none NOT_AUTOMATED without a named reason"): an edition's
hand-written not_automated.yaml (docs/catalog-ids.md, "Not automated"), shown in the run's reason, the report and
``catalog export --json``; and every statute edition of the shipped catalog names one for each of its required
system duties that nothing judges."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_duties import EDITION_YAML, REQUIREMENT, write

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_catalog, load_edition
from conformance.catalog.views import automation_state, edition_stats, export_requirement
from conformance.checks.registry import Registry
from conformance.locations import default_catalog_root
from conformance.plan import plan_edition
from conformance.reporting.html import render_report
from conformance.results import UNBOUND, Status
from conformance.runner import run_case

NAMED, SILENT, JUDGED = (f"senkyo-2025.12-1.30.0.{n}.0-R001" for n in (1, 2, 3))
EDITION = Path("senkyo/2025.12")
REASONS = f"""\
not_automated:
  - requirement: {NAMED}
    reason: 条例で定める金額をプロファイルで申告する項目がない
"""
BINDINGS = f"""\
bindings:
  - requirement: {JUDGED}
    checks: [{{kind: manual, evidence: 画面で確認する}}]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write("senkyo/2025.12/edition.yaml", EDITION_YAML)
    write("senkyo/2025.12/requirements/statute.yaml",
          "requirements:\n" + "".join(REQUIREMENT.format(number=n) for n in (1, 2, 3)))


def load(reasons: str, bindings: str = "") -> EditionCatalog:
    write("senkyo/2025.12/not_automated.yaml", reasons)
    if bindings:
        write("senkyo/2025.12/bindings.yaml", bindings)
    return load_edition(EDITION)


def test_a_named_reason_is_the_not_automated_state_s_reason_in_the_run_the_export_and_the_report() -> None:
    edition = load(REASONS)
    assert not edition.errors, [str(e) for e in edition.errors]
    cases = {case.requirement.id: case for case in plan_edition(edition, None)}
    named, silent = (run_case(cases[rid], Registry()) for rid in (NAMED, SILENT))
    assert named.status is silent.status is Status.NOT_AUTOMATED
    assert named.reason == f"{UNBOUND}: 条例で定める金額をプロファイルで申告する項目がない"
    assert silent.reason == UNBOUND
    exported = {r.id: export_requirement(edition, r) for r in edition.requirements}
    assert exported[NAMED]["not_automated_reason"] == "条例で定める金額をプロファイルで申告する項目がない"
    assert exported[SILENT]["not_automated_reason"] is None
    assert automation_state(next(r for r in edition.requirements if r.id == NAMED)) == "not_automated"
    document = {"results": [named.to_json(), silent.to_json()], "scope": {}, "summary": {}, "coverage": {},
                "catalog": {}, "profile": {}}
    html = render_report(document, {r.id: r for r in edition.requirements})
    assert "（ハーネスの解釈: <span class=\"data\">条例で定める金額をプロファイルで申告する項目がない</span>）" in html
    assert edition_stats(edition)["required_system"]["not_automated_unexplained"] == 2  # SILENT and JUDGED's file


@pytest.mark.parametrize(("reasons", "bindings", "message"), [
    (f"""\
        not_automated:
          - requirement: {NAMED}
            reason: x
          - requirement: {NAMED}
            reason: y
        """, "",
     f"senkyo/2025.12/not_automated.yaml:4: not_automated[1].requirement: duplicate not_automated reason for "
     f"requirement '{NAMED}'; first declared at senkyo/2025.12/not_automated.yaml:2; declare it once"),
    ("""\
        not_automated:
          - requirement: senkyo-2025.12-1.30.0.9.0-R001
            reason: x
        """, "",
     "senkyo/2025.12/not_automated.yaml:2: not_automated[0].requirement: unknown requirement "
     "'senkyo-2025.12-1.30.0.9.0-R001'; did you mean 'senkyo-2025.12-1.30.0.3.0-R001'?"),
    (f"""\
        not_automated:
          - requirement: {JUDGED}
            reason: x
        """, BINDINGS,
     f"senkyo/2025.12/not_automated.yaml:2: not_automated[0].requirement: requirement '{JUDGED}' has a "
     "not_automated reason, but a check or a manual procedure is bound to it; remove the reason (it is judged now)"),
])
def test_a_bad_reason_is_a_located_error(reasons: str, bindings: str, message: str) -> None:
    assert [str(e) for e in load(reasons, bindings).errors] == [message]


def test_every_required_system_duty_of_a_statute_edition_that_nothing_judges_names_why() -> None:
    """The bar of issue 46 item 2, on the shipped catalog (stats: ``required_system``)."""
    catalog = load_catalog(default_catalog_root())
    silent = [r.id for edition in catalog.editions if edition.edition is not None
              and edition.edition.kind == "statute" for r in edition.requirements
              if r.duty == "system" and r.level.value == "required" and automation_state(r) == "not_automated"
              and not r.not_automated_reason]
    assert silent == []
    assert all(edition_stats(e)["required_system"]["not_automated_unexplained"] == 0
               for e in catalog.editions if e.edition is not None and e.edition.kind == "statute")
