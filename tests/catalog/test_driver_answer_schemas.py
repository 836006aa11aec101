"""The answers of the statute editions' driver operations as published schemas (issue 65 F2): every operation of a
statute edition's driver.yaml types each key of its 200 answer, ``conformance catalog openapi --driver`` publishes
them as the answer's schema (types, null, closed values, required keys, each described), and the reference's own
answers, recorded over every worked example of 戸籍's rules, stay inside them; an answer outside is said where."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conformance.catalog.loader import load_edition
from conformance.catalog.scenario_models import DriverAnswerField, DriverOperation
from conformance.checks.driver_answers import answer_breaches, driver_operation
from conformance.checks.scenarios import other_codes
from conformance.cli import app
from conformance.domains.koseki import driver as koseki_driver
from conformance.domains.koseki.checks import KOSEKI_RULES
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget
from conformance.targets.base import HttpResponse
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

#: The statute editions with driver operations (住民記録's own protocol, the standard's, answers items as text).
STATUTE_DRIVERS = {"kodomo_kosodate": "2025.12", "koseki": "2025.12"}


def statute_editions() -> Iterator[tuple[str, str]]:
    for folder in sorted(path for path in default_catalog_root().iterdir() if path.is_dir()):
        for edition in sorted(path for path in folder.iterdir() if (path / "driver.yaml").is_file()):
            if folder.name != "jumin":
                yield folder.name, edition.name


def operations(slug: str) -> tuple[DriverOperation, ...]:
    return load_edition(default_catalog_root() / slug / STATUTE_DRIVERS[slug]).driver_operations


def published(slug: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", slug, "--driver"])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_the_statute_drivers_are_the_ones_listed() -> None:
    assert dict(statute_editions()) == STATUTE_DRIVERS


@pytest.mark.parametrize("slug", sorted(STATUTE_DRIVERS))
def test_every_statute_operation_publishes_its_typed_answer(slug: str) -> None:
    paths = published(slug)["paths"]
    for operation in operations(slug):
        assert operation.answer and all(isinstance(value, DriverAnswerField) for value in operation.answer.values())
        answered = paths[f"/driver/v1{operation.path}"][operation.method]["responses"]["200"]
        ok, schema = answered["content"]["application/json"]["schema"]["allOf"]
        assert ok == {"$ref": "#/components/schemas/Ok"}
        assert set(schema["properties"]) == set(operation.answer)
        assert all("type" in value and value["description"] for value in schema["properties"].values())
        assert schema["required"] == [key for key, value in operation.answer.items()
                                      if isinstance(value, DriverAnswerField) and value.required]


def test_kodomo_nintei_publishes_its_readings_and_refusals() -> None:
    post = published("kodomo_kosodate")["paths"]["/driver/v1/kodomo/nintei"]["post"]
    schema = post["responses"]["200"]["content"]["application/json"]["schema"]["allOf"][1]
    assert schema["required"] == ["認定"]
    assert schema["properties"]["認定区分"]["enum"] == ["1号", "2号", "3号", None]
    assert schema["properties"]["処分期限"]["type"] == ["string", "null"]
    assert "thirtieth day" in schema["properties"]["処分期限"]["description"]
    assert "保育短時間" in schema["properties"]["保育必要量"]["description"]
    assert {"404", "422"} <= set(post["responses"]) and "第20条第2項" in post["responses"]["422"]["description"]
    assert "404; or 422" in post["description"]


def test_an_answer_outside_the_schema_is_said_where_with_its_value_bounded() -> None:
    # Every key is held to the schema (issue 66), not only those a rule reads; a scalar met is quoted, bounded.
    operation = driver_operation(load_edition(default_catalog_root() / "koseki" / "2025.12"), "koseki.todoke")
    answer = {"result": "ok", "受理": "yes", "起算日": "令和7年1月1日", "戸籍": {"本籍": "x", "在籍者": [{"氏名": 1}]}}
    assert answer_breaches(operation, answer) == (
        '/受理: type "boolean" (got string "yes")',
        '/戸籍/在籍者/0/氏名: type "string" (got number 1)',
        '/戸籍: required ["本籍", "筆頭者氏名", "在籍者"] (got object)',
        '/起算日: pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" (got string "令和7年1月1日")',
    )
    bounded = f'/受理: type "boolean" (got string "{"y" * 39}…)'
    assert answer_breaches(operation, {**answer, "受理": "y" * 100})[0] == bounded


class Recording(RequestsHttpClient):
    """The reference's client keeping every answer of a driver operation, by path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers: list[tuple[str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        response = super().request(method, path, **kwargs)
        if path.startswith("/driver/v1/koseki/") and response.status == 200:
            self.answers.append((path, response.json()))
        return response


def test_the_reference_answers_of_the_koseki_operations_stay_inside_the_published_schemas() -> None:
    by_path = {operation.path: operation for operation in operations("koseki")}
    with start_reference(defects=frozenset()) as running:
        client = Recording(ApiTarget(base_url=running.url), base_url=running.url)
        for rule in KOSEKI_RULES.values():
            for case in rule.examples:
                koseki_driver.send(client, "/driver/v1", case, (TOWN_CODE, *other_codes(TOWN_CODE)))
    assert {path for path, _ in client.answers} == {"/driver/v1" + path for path in by_path}
    outside = {(path, breach) for path, answer in client.answers
               for breach in answer_breaches(by_path[path.removeprefix("/driver/v1")], answer)}
    assert outside == set()


ROOT = Path(__file__).resolve().parents[2]
#: What sends a vendor into the judge or the reference instead of saying the meaning (issue 65 F3).
POINTERS = ("conformance/domains", "conformance.domains", "conformance_reference", "oracle", "checks.py")


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_the_statute_drivers_contract_carries_its_meaning_without_naming_the_judge() -> None:
    driver_doc = (ROOT / "docs" / "driver.md").read_text("utf-8")
    walkthrough = (ROOT / "docs" / "vendor-walkthrough.md").read_text("utf-8")
    texts = {
        "docs/driver.md statute section": _between(driver_doc, "## Operations of the statute editions", "## Scenarios"),
        "docs/vendor-walkthrough.md §1": _between(walkthrough, "## 1. One statute domain", "## 2. "),
        **{f"{slug} driver.yaml": (default_catalog_root() / slug / edition / "driver.yaml").read_text("utf-8")
           for slug, edition in STATUTE_DRIVERS.items()},
        **{f"{slug} --driver": json.dumps(published(slug), ensure_ascii=False) for slug in STATUTE_DRIVERS},
    }
    named = {(where, pointer) for where, text in texts.items() for pointer in POINTERS if pointer in text}
    assert named == set()
    assert "404; or 422" in texts["docs/driver.md statute section"].replace("`", "")


def test_the_statute_walk_says_which_domains_need_the_driver_and_what_stays_not_automated() -> None:
    walk = " ".join(_between((ROOT / "docs" / "vendor-walkthrough.md").read_text("utf-8"), "## 1. One statute domain",
                             "## 2. ").split())
    for words in ("targets.driver", "kodomo.nintei", "koseki.hensei", "koseki.todoke", "koseki.seikyu",
                  "NOT_AUTOMATED", "the profile declares no driver adapter (targets.driver)"):
        assert words in walk, words
