"""Every request the 戸籍 checks send stays inside the published driver schema (the outsider's F1: 在籍者 and the
persons' references were published as ``string``): the request body of each operation, from
``conformance catalog openapi --domain koseki --driver``, validates every body the harness sends, over the worked
examples of every rule and drawn cases of every kind."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from scheduled import budget
from typer.testing import CliRunner

from conformance.checks.scenarios import other_codes
from conformance.cli import app
from conformance.domains.koseki import cases as ks_cases
from conformance.domains.koseki import driver as ks_driver
from conformance.domains.koseki.checks import KOSEKI_RULES
from conformance.targets.base import HttpResponse
from conformance.testdata.town import TOWN_CODE

CODES = (TOWN_CODE, *other_codes(TOWN_CODE))


def _published() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", "koseki", "--driver"])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


PATHS = _published()["paths"]


def _request_schema(path: str) -> dict[str, Any]:
    schema: dict[str, Any] = PATHS[path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return schema


class _Sink:
    """A vendor that accepts everything (``{}``) and keeps each body by path."""

    base_url = "http://vendor.invalid"

    def __init__(self) -> None:
        self.sent: list[tuple[str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        self.sent.append((path, kwargs.get("json")))
        return HttpResponse(200, {"Content-Type": "application/json"}, b'{"result": "ok"}', path)


def _breaches(case: ks_driver.Case) -> list[str]:
    sink = _Sink()
    ks_driver.send(sink, "/driver/v1", case, CODES)  # type: ignore[arg-type]
    found = []
    for path, body in sink.sent:
        validator = jsonschema.Draft202012Validator(_request_schema(path))
        found += [f"{path} {'/'.join(map(str, error.absolute_path))}: {error.message}"
                  for error in validator.iter_errors(body)]
    return found


def test_the_persons_and_the_entries_are_published_as_objects_and_arrays() -> None:
    hensei = _request_schema("/driver/v1/koseki/hensei")["properties"]
    assert hensei["在籍者"]["type"] == "array"
    assert hensei["在籍者"]["items"]["type"] == "object"
    assert hensei["在籍者"]["items"]["required"] == ["氏名", "氏名_フリガナ", "生年月日", "性別"]
    todoke = _request_schema("/driver/v1/koseki/todoke")["properties"]
    assert todoke["父"]["type"] == ["object", "null"]
    for name in ("子", "母", "本人", "夫", "妻", "養親", "養子"):
        assert todoke[name]["type"] == "object", name
    for name in ("母", "本人", "夫", "妻", "養親", "養子"):
        assert todoke[name]["required"] == ["氏名"], name
        assert set(todoke[name]["properties"]) == {"氏名", "本籍", "筆頭者氏名", "本籍_市区町村コード", "外国人"}
    assert todoke["子"]["required"] == ["名", "氏名_フリガナ", "性別", "称する氏"]


def test_every_worked_example_is_sent_inside_the_published_schema() -> None:
    examples = {case for rule in KOSEKI_RULES.values() for case in rule.examples}
    assert {case.kind for case in examples} == {"出生", "死亡", "婚姻", "養子縁組", "裁判", "請求"}
    assert {case: _breaches(case) for case in examples if _breaches(case)} == {}


@settings(max_examples=budget(80), deadline=None)
@given(st.one_of(ks_cases.births(), ks_cases.births_read(), ks_cases.deaths(), ks_cases.deaths(foreigner=True),
                 ks_cases.marriages(True), ks_cases.marriages(False), ks_cases.foreign_marriages(True),
                 ks_cases.foreign_marriages(False), ks_cases.judgments(), ks_cases.adoptions(), ks_cases.requests()))
def test_every_drawn_case_is_sent_inside_the_published_schema(case: ks_driver.Case) -> None:
    assert _breaches(case) == []


def test_a_body_outside_the_schema_is_found() -> None:
    # The test can fail: a reference sent as text (as the schema published it before) breaches it.
    validator = jsonschema.Draft202012Validator(_request_schema("/driver/v1/koseki/todoke"))
    errors = list(validator.iter_errors({"届出種別": "死亡", "届出年月日": "2025-03-01", "本人": "見本　一郎"}))
    assert [(list(error.absolute_path), error.validator) for error in errors] == [(["本人"], "type")]
