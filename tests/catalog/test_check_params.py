"""catalog validate checks what a run would trip on: check names, their params, and what params name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conformance.catalog.check_params import API_MODES, check_params
from conformance.catalog.loader import load_edition
from conformance.checks.api import MODES
from conformance.cli import app
from conformance.cli.schemas import schema_files
from conformance.shipped_checks import default_registry

EDITION = ("domain: jumin\ndomain_name: 住民基本台帳\nedition: '1.0'\ndocument: d\npublished: 2020-09\n"
           "publisher: p\n")
REQUIREMENT = ("requirements:\n- id: jumin-1.0-3.4-R001\n  kind: function\n  level: required\n  text: t\n"
               "  source: {document: d, edition: '1.0', section: '3.4', title: t, block: b, paragraph: 1}\n")
LAYOUTS = """interfaces:
- kind: file
  id: residents_csv
  name: n
  format: csv
  columns: [{data_item: name, header: 氏名}]
  provenance: {reference: r}
- kind: api
  id: get_resident
  name: n
  method: get
  path: /residents
  responses: [{status: 200, description: d}]
  provenance: {reference: r}
data_items:
- id: name
  name: 氏名
  type: string
  provenance: {reference: r}
"""


def edition(tmp_path: Path, checks: str) -> Path:
    directory = tmp_path / "jumin" / "1.0"
    directory.mkdir(parents=True)
    (directory / "edition.yaml").write_text(EDITION, encoding="utf-8")
    (directory / "requirements.yaml").write_text(REQUIREMENT, encoding="utf-8")
    (directory / "other.yaml").write_text(LAYOUTS, encoding="utf-8")
    (directory / "bindings.yaml").write_text(
        "bindings:\n- requirement: jumin-1.0-3.4-R001\n  checks:\n" + checks, encoding="utf-8")
    return directory


def messages_of(directory: Path) -> list[str]:
    return [str(error) for error in load_edition(directory).errors]


def test_the_declared_checks_are_the_registered_ones() -> None:
    registered = set(default_registry())
    missing = registered - set(check_params())
    assert not missing, f"declare the params of {missing} in check_params.py or the domain folder's params.py"
    assert set(check_params()) - registered <= {"scenario.run"}  # bound by the loader to catalog scenarios
    assert tuple(MODES) == API_MODES


def test_a_valid_binding_is_valid(tmp_path: Path) -> None:
    directory = edition(tmp_path, "  - kind: check\n    name: file.layout\n    params:\n      layout: residents_csv\n"
                                  "      rules: [encoding, header]\n")
    assert messages_of(directory) == []


def test_an_unknown_check_is_an_error_at_its_line(tmp_path: Path) -> None:
    directory = edition(tmp_path, "  - kind: check\n    name: file.layuot\n")
    (message,) = messages_of(directory)
    assert message.endswith("bindings.yaml:5: bindings[0].checks[0].name: unknown check 'file.layuot'; "
                            "did you mean 'file.layout'?")


def test_a_misspelt_parameter_is_an_error_at_its_line(tmp_path: Path) -> None:
    directory = edition(tmp_path, "  - kind: check\n    name: file.layout\n    params:\n      layout: residents_csv\n"
                                  "      rule: [encoding]\n")
    (message,) = messages_of(directory)
    assert "bindings.yaml:8: bindings[0].checks[0].params: unknown field 'rule'" in message
    assert "did you mean 'rules'?" in message


def test_a_bad_parameter_value_names_the_allowed_ones(tmp_path: Path) -> None:
    directory = edition(tmp_path, "  - kind: check\n    name: file.layout\n    params:\n      layout: residents_csv\n"
                                  "      rules: [encodng]\n")
    (message,) = messages_of(directory)
    assert "bindings[0].checks[0].params.rules[0]" in message and "'encodng'" in message and "encoding" in message


@pytest.mark.parametrize(("checks", "expected"), [
    ("  - kind: check\n    name: file.layout\n    params:\n      layout: residnets_csv\n",
     "bindings.yaml:7: bindings[0].checks[0].params.layout: unknown file layout 'residnets_csv'; "
     "did you mean 'residents_csv'?"),
    ("  - kind: check\n    name: jumin.records.items_kept\n    params:\n      items: [氏命]\n",
     "bindings.yaml:7: bindings[0].checks[0].params.items[0]: unknown data item '氏命'"),
    ("  - kind: check\n    name: api.openapi\n    params:\n      operations: [get_residnet]\n",
     "bindings.yaml:7: bindings[0].checks[0].params.operations[0]: unknown API operation 'get_residnet'; "
     "did you mean 'get_resident'?"),
])
def test_params_naming_what_the_edition_lacks_are_errors(tmp_path: Path, checks: str, expected: str) -> None:
    (message,) = messages_of(edition(tmp_path, checks))
    assert message.endswith(expected), message


def test_a_missing_required_parameter_is_an_error(tmp_path: Path) -> None:
    (message,) = messages_of(edition(tmp_path, "  - kind: check\n    name: jumin.certificate.date_styles\n"))
    assert "params: missing required field 'rule'" in message


def test_validate_exits_1_with_file_and_line(tmp_path: Path) -> None:
    directory = edition(tmp_path, "  - kind: check\n    name: file.layuot\n")
    result = CliRunner().invoke(app, ["catalog", "validate", str(directory)])
    assert result.exit_code == 1
    assert "bindings.yaml:5: bindings[0].checks[0].name: unknown check 'file.layuot'" in result.stdout


def test_the_json_schema_completes_check_names_and_params() -> None:
    schema = json.loads(schema_files()["catalog-document.schema.json"])
    function_check = schema["$defs"]["FunctionCheck"]
    assert "file.layout" in function_check["properties"]["name"]["enum"]
    rules = {rule["if"]["properties"]["name"]["const"]: rule["then"]["properties"]["params"]
             for rule in function_check["allOf"]}
    assert rules["file.layout"]["additionalProperties"] is False
    assert "rules" in rules["file.layout"]["properties"]
    assert "$ref" not in json.dumps(rules)  # inlined: the schema is embedded below the document's root
