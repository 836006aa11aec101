"""The catalog's API interfaces as OpenAPI 3.1: valid, deterministic, and exactly the JSON rule."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import ApiInterface, CodeTable, DataItem, Schema
from conformance.catalog.openapi import (
    ALPHABET_PATTERN,
    DATE_PATTERN,
    DIGITS_PATTERN,
    KATAKANA_PATTERN,
    build_openapi,
    openapi_json,
)
from conformance.errors import SpecError

REAL_EDITION = Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0"
PROVENANCE = {"reference": "test", "confirmed": False}


@pytest.fixture(scope="module")
def edition() -> EditionCatalog:
    loaded = load_edition(REAL_EDITION)
    loaded.raise_for_errors()
    return loaded


@pytest.fixture(scope="module")
def document(edition: EditionCatalog) -> dict[str, Any]:
    return build_openapi(edition)


def component(document: dict[str, Any], name: str) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas[name]  # type: ignore[no-any-return]


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    validate(document, cls=OpenAPIV31SpecValidator)
    assert document["openapi"] == "3.1.0"
    assert "servers" not in document


def test_the_output_is_deterministic_json(edition: EditionCatalog) -> None:
    text = openapi_json(edition)
    assert text == openapi_json(load_edition(REAL_EDITION))
    assert text.endswith("}\n")
    assert json.loads(text) == build_openapi(edition)
    assert "宛名番号" in text  # ensure_ascii=False: readable Japanese


def test_info_names_the_document_and_edition(document: dict[str, Any]) -> None:
    assert document["info"]["title"] == "住民記録システム標準仕様書 第1.0版"
    assert document["info"]["version"] == "1.0"


def test_one_operation_per_api_interface_and_none_for_files(
    edition: EditionCatalog, document: dict[str, Any]
) -> None:
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert sorted(ids) == sorted(i.id for i in edition.interfaces if isinstance(i, ApiInterface))
    assert "residents_csv" not in ids
    get_resident = document["paths"]["/residents/{宛名番号}"]["get"]
    assert get_resident["summary"] == "住民の照会（宛名番号）"
    assert get_resident["description"].startswith("Provenance: 住民記録 1.0 j1190")


def test_resident_atena_number_fragment(document: dict[str, Any]) -> None:
    assert component(document, "resident")["properties"]["宛名番号"] == {
        "type": "string",
        "maxLength": 10,
        "pattern": "^[0-9]*$",
    }


def test_resident_birth_date_fragment(document: dict[str, Any]) -> None:
    assert component(document, "resident")["properties"]["生年月日"] == {
        "type": ["string", "null"],
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    }


def test_certificates_403_fragment(document: dict[str, Any]) -> None:
    assert document["paths"]["/certificates"]["post"]["responses"]["403"] == {
        "description": "支援措置対象者のため交付不可",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}},
    }


def test_a_response_document_has_every_property_and_nothing_else(document: dict[str, Any]) -> None:
    resident = component(document, "resident")
    assert resident["required"] == list(resident["properties"])
    assert len(resident["required"]) == 40
    assert resident["additionalProperties"] is False
    assert resident["properties"]["性別"] == {"type": "string", "enum": ["1", "2"]}
    assert resident["properties"]["第30条45規定区分"] == {
        "type": ["string", "null"], "enum": ["1", "2", "3", "4", "5", "6", None],
    }
    assert resident["properties"]["支援措置対象フラグ"] == {"type": "string", "enum": ["0", "1"]}
    assert resident["properties"]["氏名_フリガナ"]["pattern"] == KATAKANA_PATTERN
    assert resident["properties"]["在留カード等番号"]["pattern"] == "^[A-Z]{2}[0-9]{8}[A-Z]{2}$"
    assert component(document, "history_row")["properties"]["履歴番号"] == {"type": "integer"}
    assert component(document, "resident_page")["properties"]["next_offset"] == {"type": ["integer", "null"]}
    assert component(document, "household")["properties"]["members"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/resident"},
    }


def test_a_request_document_requires_only_its_required_properties(document: dict[str, Any]) -> None:
    request = component(document, "certificate_request")
    assert request["required"] == ["宛名番号"]
    assert request["properties"]["世帯全員"] == {"type": ["boolean", "null"]}
    assert request["additionalProperties"] is False
    moving_in = component(document, "moving_in")
    assert moving_in["required"] == [
        "生年月日", "性別", "住民種別", "住所_都道府県", "住所_市区町村", "住所_町字", "異動日",
    ]
    assert document["paths"]["/certificates"]["post"]["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/certificate_request"}}},
    }


def test_parameters_come_from_data_items_or_their_type(document: dict[str, Any]) -> None:
    assert document["paths"]["/residents/{宛名番号}"]["get"]["parameters"] == [
        {"name": "宛名番号", "in": "path", "required": True,
         "schema": {"type": "string", "maxLength": 10, "pattern": "^[0-9]*$"}},
    ]
    listing = {p["name"]: p for p in document["paths"]["/residents"]["get"]["parameters"]}
    assert listing["changed_since"] == {
        "name": "changed_since", "in": "query", "required": False, "schema": {"type": "string", "format": "date-time"},
    }
    assert listing["offset"]["schema"] == {"type": "integer"}


def test_a_csv_response_is_a_string(document: dict[str, Any]) -> None:
    assert document["paths"]["/exports/residents.csv"]["get"]["responses"]["200"] == {
        "description": "基本データリスト形式のCSV",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }


@pytest.mark.parametrize(
    ("pattern", "good", "bad"),
    [
        (DIGITS_PATTERN, "0123456789", "１２３"),  # full-width digits are no digits here
        (KATAKANA_PATTERN, "ミホン　ハナコー", "ﾐﾎﾝ"),
        (ALPHABET_PATTERN, "O'BRIEN, JOHN-PAUL", "john"),
        (DATE_PATTERN, "1983-02-29", "1983-13-01"),
    ],
)
def test_char_class_patterns(pattern: str, good: str, bad: str) -> None:
    assert re.fullmatch(pattern, good)
    assert not re.fullmatch(pattern, bad)


def small_edition(**entries: Any) -> EditionCatalog:
    item = DataItem.model_validate(
        {"id": "atena_number", "name": "宛名番号", "type": "string", "length": 10, "char_class": "digits",
         "required": True, "provenance": PROVENANCE}
    )
    code = CodeTable.model_validate(
        {"id": "sex", "name": "性別", "codes": [{"code": "1", "label": "男"}, {"code": "9", "label": "x",
                                                  "level": "prohibited"}], "provenance": PROVENANCE}
    )
    return EditionCatalog(path=Path("x/jumin/9.9"), edition=None, data_items=(item,), code_tables=(code,), **entries)


def echo_interface(request: str, body: str) -> ApiInterface:
    return ApiInterface.model_validate(
        {"kind": "api", "id": "echo", "name": "echo", "method": "post", "path": "/echo", "request": request,
         "responses": [{"status": 200, "description": "ok", "body": body}], "provenance": PROVENANCE}
    )


def test_a_schema_used_both_ways_gets_a_request_shaped_copy() -> None:
    schema = Schema.model_validate(
        {"id": "person", "name": "person", "provenance": PROVENANCE,
         "properties": [{"name": "宛名番号", "data_item": "atena_number", "required": True},
                        {"name": "memo", "type": "string"}]}
    )
    document = build_openapi(small_edition(schemas=(schema,), interfaces=(echo_interface("person", "person"),)))
    validate(document, cls=OpenAPIV31SpecValidator)
    assert document["info"] == {"title": "jumin 9.9", "version": "9.9"}
    assert component(document, "person")["required"] == ["宛名番号", "memo"]
    assert component(document, "person_request")["required"] == ["宛名番号"]
    body = document["paths"]["/echo"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/person_request"}


def test_a_prohibited_code_is_no_valid_value() -> None:
    schema = Schema.model_validate(
        {"id": "person", "name": "person", "provenance": PROVENANCE,
         "properties": [{"name": "性別", "data_item": "sex_item", "required": True}]}
    )
    edition = small_edition(schemas=(schema,), interfaces=(echo_interface("person", "person"),))
    sex = DataItem.model_validate(
        {"id": "sex_item", "name": "性別", "type": "code", "code_table": "sex", "required": True,
         "provenance": PROVENANCE}
    )
    edition = EditionCatalog(path=edition.path, edition=None, data_items=(*edition.data_items, sex),
                             code_tables=edition.code_tables, schemas=edition.schemas, interfaces=edition.interfaces)
    assert component(build_openapi(edition), "person")["properties"]["性別"] == {"type": "string", "enum": ["1"]}


def test_an_unknown_reference_is_a_spec_error() -> None:
    with pytest.raises(SpecError, match="interface echo: unknown schema 'nothing'"):
        build_openapi(small_edition(interfaces=(echo_interface("nothing", "nothing"),)))
