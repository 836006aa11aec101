"""Scenarios and the driver protocol as catalog data: loaded with file:line errors, binding their
requirements, exported as JSON Schema and as the driver's own OpenAPI document."""

from __future__ import annotations

import shutil
from pathlib import Path

from openapi_spec_validator import validate

from conformance.catalog.driver_openapi import build_driver_openapi
from conformance.catalog.loader import SCENARIO_CHECK, load_edition
from conformance.catalog.scenario_models import ScenarioDocument

JUMIN = Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0"

SCENARIO = """\
scenarios:
- id: t.one
  title: t
  requirements: [jumin-1.0-4.0.3-R003]
  given:
    persons:
    - {name: head, household: h1}
  steps:
  - id: s
    op: moves.withn
    params: {宛名番号: [{person: heed}]}
  expect:
  - {matcher: accepted, step: s}
  - {matcher: equals, step: t, pointer: /x, value: y}
"""


def edition_with(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "jumin" / "1.0"
    shutil.copytree(JUMIN, directory, ignore=shutil.ignore_patterns("scenarios"))
    (directory / "scenarios").mkdir()
    (directory / "scenarios" / "t.yaml").write_text(text, encoding="utf-8")
    return directory


def test_unknown_operation_person_and_step_are_located_errors(tmp_path: Path) -> None:
    edition = load_edition(edition_with(tmp_path, SCENARIO))
    mine = [str(error) for error in edition.errors if error.file.endswith("t.yaml")]
    assert any(":10: scenarios[0].steps[0].op: unknown driver operation 'moves.withn'" in e and "moves.within" in e
               for e in mine), mine
    assert any(":11: scenarios[0].steps[0].params.宛名番号[0].person: unknown person 'heed'" in e for e in mine), mine
    assert any(":14: scenarios[0].expect[1].step: unknown step 't'" in e for e in mine), mine


def test_an_unknown_matcher_is_refused_with_the_choices(tmp_path: Path) -> None:
    text = SCENARIO.replace("op: moves.withn", "op: moves.within").replace("heed", "head") \
        .replace("matcher: accepted", "matcher: acepted").replace("step: t,", "step: s,")
    edition = load_edition(edition_with(tmp_path, text))
    mine = [str(error) for error in edition.errors if error.file.endswith("t.yaml")]
    assert len(mine) == 1 and ":13:" in mine[0] and "acepted" in mine[0] and "accepted" in mine[0], mine


def test_a_scenario_binds_its_requirements_as_automated() -> None:
    edition = load_edition(JUMIN)
    requirement = edition.requirement("jumin-1.0-4.1.2.1-R001")
    checks = [(c.name, c.params) for c in requirement.checks if c.kind == "check"]
    assert (SCENARIO_CHECK, {"scenario": "idou.tenkyo.same_address"}) in checks


def test_every_scenario_quotes_the_requirements_it_binds() -> None:
    edition = load_edition(JUMIN)
    texts = {requirement.id: requirement.text for requirement in edition.requirements}
    for scenario in edition.scenarios:
        quoted = {check.requirement for check in scenario.checks}
        assert quoted == set(scenario.requirements), scenario.id
        for check in scenario.checks:
            words = [part for part in check.sentence.replace("...", "…").split("…") if part.strip()]
            assert all(part.strip() in texts[check.requirement] for part in words), (scenario.id, check.requirement)


def test_the_scenario_schema_names_the_matchers() -> None:
    schema = ScenarioDocument.model_json_schema()
    text = str(schema)
    for matcher in ("equals", "absent", "error", "alert", "history_appended", "order", "oracle", "person_items",
                    "printed"):
        assert f"'{matcher}'" in text


def test_the_driver_document_is_valid_openapi_apart_from_the_linkage_one() -> None:
    document = build_driver_openapi(load_edition(JUMIN))
    validate(document)
    assert all(path.startswith("/driver/v1/") for path in document["paths"])
    move_in = document["paths"]["/driver/v1/moves/in"]["post"]
    assert move_in["operationId"] == "moves.in"
    assert "E001" in move_in["responses"]["422"]["description"]
    assert "A001" in move_in["responses"]["409"]["description"]


def test_a_sentence_not_verbatim_from_its_requirement_is_a_catalog_error(tmp_path: Path) -> None:
    """Issue 27, item 4: `catalog validate` passed a scenario whose quoted sentence was reworded."""
    import shutil

    from typer.testing import CliRunner

    from conformance.cli import app

    copy = tmp_path / "jumin" / "1.0"
    shutil.copytree(JUMIN, copy)
    scenarios = copy / "scenarios" / "01-items-jiyu.yaml"
    text = scenarios.read_text("utf-8")
    assert "    sentence: ・戸籍の表示（本籍・筆頭者）\n" in text
    line = text[: text.index("    sentence: ・戸籍の表示（本籍・筆頭者）")].count("\n") + 1
    quoted = "    sentence: ・戸籍の表示（本籍・筆頭者）\n"
    reworded = text.replace(quoted, quoted.replace("・筆頭者", "と筆頭者"), 1)
    scenarios.write_text(reworded, encoding="utf-8")
    result = CliRunner().invoke(app, ["catalog", "validate", str(copy)])
    assert result.exit_code == 1
    assert (f"01-items-jiyu.yaml:{line}: " in result.stdout and "the sentence is not verbatim from jumin-1.0-" in
            result.stdout and "'・戸籍の表示（本籍と筆頭者）' is not in its text" in result.stdout), result.stdout
