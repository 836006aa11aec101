"""Importer of an API仕様書 (xlsx): one API call as an interface, its request and responses as schemas.

The template (住登外者宛名番号付番API仕様 第2.0版 is one): sheet 表紙 (title, edition, month), API概要
(APIコール名, 操作種類, 概要, and the 補足事項 naming the authentication), リクエスト_API仕様 (HTTPメソッド
in 使用方法, Content-Type, the parameter table: パラメータ名, 項目名, 項目説明, 必須 ◎, データ型, データ長,
備考 with ※※ conditions, 記述例), レスポンス_API仕様 (one block per HTTP status, ■…HTTPステータスコード：NNN…,
each a tree of objects by レベル with 必須, null設定有無, データ型, 桁数; then the エラーコード一覧).
Columns are found by their header text.

Verbatim: names, labels, descriptions, notes, examples, data types and error codes. Ours
(docs/catalog-ids.md): the schema ids (the call name's last segment, then the status and the object
path), ``fixed_value`` from a 備考 of the form "…"固定値, ``security: bearer`` when the 補足事項 name
an OAuth2 Bearer token, and the 記述例 value taken from the column the 記述例 formula refers to.
A row that cannot be placed (no name, an unknown レベル, a level that skips one) is reported, not guessed.

Requirements (when the domain and edition are known, ``requirements/interfaces.yaml``): the statements of
:data:`STATEMENTS`, the ones a check can judge from outside (docs/catalog-ids.md), each ``kind: interface``,
``level: optional`` and its text verbatim. The API仕様書 states no 類型; 標準オプション is our reading (the
lead's decision): a vendor that implements the function through this API declares them in its capability
statement, undeclared they are NOT_APPLICABLE. Ids ``<domain>-<edition>-<機能ID>-O<NNN>``, numbered in
the order of :data:`STATEMENTS`; the 機能ID of a call is ours too (:data:`FUNCTION_OF_CALL`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conformance.catalog.importers.official import Collector, Rendered, cell_text, render_document
from conformance.catalog.models import (
    ApiInterface,
    ErrorCode,
    Level,
    Provenance,
    Requirement,
    RequirementKind,
    Response,
    Schema,
    SchemaProperty,
    Source,
    SourceRow,
)

TEMPLATE = "API仕様書 xlsx"
OVERVIEW_SHEET = "API概要"
REQUEST_SHEET = "リクエスト_API仕様"
RESPONSE_SHEET = "レスポンス_API仕様"
COVER_SHEET = "表紙"
REQUIRED_MARK = "◎"
NULL_MARKS = ("〇", "○")
OBJECT_TYPES = ("構造化",)
ARRAY_TYPES = ("配列構造化",)

_STATUS = re.compile(r"HTTPステータスコード：(?P<status>[0-9]{3})")
_METHOD = re.compile(r"HTTPメソッド：(?P<method>[A-Z]+)")
_FIXED = re.compile(r'^"(?P<value>[^"]+)"固定値$')
_EXAMPLE_REF = re.compile(r"&(?P<column>[A-Z]+)[0-9]+\s*$")
NOTES_HEADING = "留意事項"
REQUIREMENTS_FILE = "requirements/interfaces.yaml"
#: The 機能ID each API call serves (ours: the API仕様書 names the function, 住登外者宛名番号付番, not its id;
#: 0310001 is that function's id in the 本文).
FUNCTION_OF_CALL = {"app_submit/v10/jutogaishaatenabangofuban": "0310001"}
#: Why every requirement of an API仕様書 is optional (written into the generated file).
LEVEL_NOTE = ("# Level: the API仕様書 states no 類型; optional (標準オプション) is our reading (docs/catalog-ids.md): "
              "a vendor implementing the function through this API declares these ids in capabilities.optional; "
              "undeclared they are NOT_APPLICABLE.\n")


@dataclass(frozen=True)
class Statement:
    """A statement of an API仕様書 that becomes a requirement (ours: the ones a check can judge).

    ``where`` is ``note`` (a line of the リクエスト_API仕様's 留意事項 containing ``key``), ``request`` (the
    ``column`` cell of the request parameter ``key``) or ``response`` (the ``column`` cell of the property
    ``key`` in the response block of ``status``).
    """

    where: str
    key: str
    column: str = ""
    status: int = 0


#: The statements made requirements, in id order (a new one goes at the end: ids are positional).
#: Left out: the 500番台 / 503 notes (a timeout, a maintenance, an unexpected error cannot be caused from
#: outside), the ※※ conditions a request cannot show (氏名未定, 日本人/外国人, whether an address has a
#: 町字), the transport (HTTP1.1, TLS1.2) and client_secret_jwt of the 補足事項.
STATEMENTS: tuple[Statement, ...] = (
    Statement("note", "HTTPステータスコード200"),
    Statement("note", "HTTPステータスコード400"),
    Statement("note", "HTTPステータスコード401"),
    Statement("request", "shorikubun", "項目説明"),
    Statement("request", "atenabango", "備考"),
    Statement("request", "nayosesakiatenabango", "備考"),
    Statement("response", "atenabango", "項目説明", 200),
)


def is_api_spec(sheet_names: list[str]) -> bool:
    """A workbook with the API仕様書 sheets."""
    return REQUEST_SHEET in sheet_names and RESPONSE_SHEET in sheet_names


@dataclass
class _Node:
    """An object of a response tree: its properties in order."""

    schema_id: str
    name: str
    properties: list[SchemaProperty] = field(default_factory=list)


def parse(path: Path, domain: str | None = None, edition: str | None = None) -> Rendered:
    """Read the workbook and render interfaces.yaml and schemas.yaml; with the domain and edition, the
    requirements of :data:`STATEMENTS` too."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)  # formulas kept: 記述例 cells are formulas over a value column
    collect = Collector()
    title = _cover_title(workbook)
    call_name, operation, summary, bearer = _overview(path, workbook, collect)
    collect.raise_if_errors()
    base = call_name.rsplit("/", 1)[-1]
    method, content_type, request = _request(path, workbook[REQUEST_SHEET], base, collect)
    nodes: list[_Node] = []
    responses, error_codes = _responses(path, workbook[RESPONSE_SHEET], base, nodes, collect)
    collect.raise_if_errors()
    schemas = [request, *(_schema(path, node) for node in nodes)]
    interface = ApiInterface(
        kind="api", id=base, name=title or summary.splitlines()[0], method=method,  # type: ignore[arg-type]
        path="/" + call_name, request=request.id, responses=tuple(responses), call_name=call_name,
        operation=operation, security="bearer" if bearer else None, error_codes=tuple(error_codes),
        source=SourceRow(file=path.name, sheet=OVERVIEW_SHEET, row=_row_of(workbook[OVERVIEW_SHEET], call_name)),
        provenance=Provenance(reference=f"{path.name} ({title or call_name}); Content-Type {content_type}",
                              confirmed=True),
    )
    files = {"interfaces.yaml": render_document(path, TEMPLATE, "interfaces", [interface]),
             "schemas.yaml": render_document(path, TEMPLATE, "schemas", schemas)}
    counts = {"interfaces": 1, "request parameters": len(request.properties), "responses": len(responses),
              "schemas": len(schemas), "error codes": len(error_codes)}
    if domain is not None and edition is not None:
        requirements = _requirements(path, workbook, domain, edition, title or call_name, call_name, schemas,
                                     collect)
        collect.raise_if_errors()
        if requirements:
            files[REQUIREMENTS_FILE] = render_document(path, TEMPLATE, "requirements", requirements, LEVEL_NOTE)
            counts["requirements"] = len(requirements)
    return Rendered(path, TEMPLATE, domain, edition, files, counts, tuple(collect.unclassified))


def _requirements(path: Path, workbook: Any, domain: str, edition: str, document: str, call_name: str,
                  schemas: list[Schema], collect: Collector) -> list[Requirement]:
    """One optional interface requirement per statement of :data:`STATEMENTS`, its text verbatim."""
    function_id = FUNCTION_OF_CALL.get(call_name)
    if function_id is None:
        collect.skip(f"{path.name}!{OVERVIEW_SHEET}", f"{call_name}: no 機能ID known for the call: no requirement made")
        return []
    notes = _notes(workbook[REQUEST_SHEET])
    requirements = []
    for number, statement in enumerate(STATEMENTS, start=1):
        found = _statement(statement, notes, schemas)
        if found is None:
            collect.error(f"{path.name}: {statement.where} {statement.key}",
                          f"statement {statement} not found (docs/catalog-ids.md)")
            continue
        sheet, row, title, text = found
        block = f"{sheet} {statement.column or NOTES_HEADING}"
        requirements.append(Requirement(
            id=f"{domain}-{edition}-{function_id}-O{number:03d}", kind=RequirementKind.INTERFACE,
            level=Level.OPTIONAL, text=text, function_id=function_id,
            source=Source(document=document, edition=edition, section=function_id, title=title, block=block,
                          paragraph=row, file=path.name),
        ))
    return requirements


def _notes(sheet: Any) -> list[tuple[int, str]]:
    """The lines under 留意事項 (column A), with their rows, up to the first blank row."""
    found: list[tuple[int, str]] = []
    started = False
    for number in range(1, sheet.max_row + 1):
        text = cell_text(sheet.cell(number, 1).value)
        if not started:
            started = text is not None and text.strip() == NOTES_HEADING
            continue
        if text is None:
            break
        found.append((number, text))
    return found


def _statement(statement: Statement, notes: list[tuple[int, str]],
               schemas: list[Schema]) -> tuple[str, int, str, str] | None:
    """(sheet, row, title, text) of a statement, verbatim; None when the workbook lacks it."""
    if statement.where == "note":
        matches = [(row, text) for row, text in notes if statement.key in text]
        return (REQUEST_SHEET, matches[0][0], NOTES_HEADING, matches[0][1]) if len(matches) == 1 else None
    if statement.where == "request":
        candidates = [schemas[0]]
        sheet = REQUEST_SHEET
    else:
        base = schemas[0].id.removesuffix("_request")
        candidates = [s for s in schemas[1:] if s.id.startswith(f"{base}_{statement.status}_")]
        sheet = RESPONSE_SHEET
    for schema in candidates:
        for prop in schema.properties:
            if prop.name != statement.key or prop.source is None:
                continue
            text = prop.description if statement.column == "項目説明" else prop.note
            if text:
                return sheet, prop.source.row, f"{prop.label or prop.name}（{prop.name}）", text
    return None


def _cover_title(workbook: Any) -> str | None:
    if COVER_SHEET not in workbook.sheetnames:
        return None
    texts = [cell_text(c.value) for row in workbook[COVER_SHEET].iter_rows() for c in row]
    found = [t.strip() for t in texts if t and t.strip().endswith("API仕様")]
    return found[0] if found else None


def _row_of(sheet: Any, value: str) -> int:
    for row in sheet.iter_rows():
        if any(c.value == value for c in row):
            return int(row[0].row)
    return 1


def _header(sheet: Any, first: str) -> tuple[int, dict[str, int]] | None:
    """The row whose cells include ``first``, as header text -> column (text with line breaks removed)."""
    for row in sheet.iter_rows():
        texts = {re.sub(r"\s", "", str(c.value)): c.column for c in row if isinstance(c.value, str)}
        if first in texts:
            return int(row[0].row), texts
    return None


def _overview(path: Path, workbook: Any, collect: Collector) -> tuple[str, str, str, bool]:
    sheet = workbook[OVERVIEW_SHEET] if OVERVIEW_SHEET in workbook.sheetnames else None
    found = _header(sheet, "APIコール名") if sheet is not None else None
    if sheet is None or found is None:
        collect.error(f"{path.name}!{OVERVIEW_SHEET}: row 1", "no APIコール名 table")
        return "", "", "", False
    row, columns = found
    calls = []
    for number in range(row + 1, sheet.max_row + 1):
        name = cell_text(sheet.cell(number, columns["APIコール名"]).value)
        if name is None:
            break
        calls.append((number, name))
    if len(calls) != 1:
        collect.error(f"{path.name}!{OVERVIEW_SHEET}: row {row}",
                      f"expected one API call, found {len(calls)}: {[c for _, c in calls]}")
        return "", "", "", False
    number, name = calls[0]
    operation = cell_text(sheet.cell(number, columns.get("操作種類", 1)).value) or ""
    summary = cell_text(sheet.cell(number, columns.get("概要", 1)).value) or name
    texts = " ".join(t for r in sheet.iter_rows() for t in (cell_text(c.value) for c in r) if t)
    return name, operation, summary, "Bearer" in texts and "OAuth2.0" in texts


def _request(path: Path, sheet: Any, base: str, collect: Collector) -> tuple[str, str, Schema]:
    texts = [(c.row, t) for r in sheet.iter_rows() for c in r if (t := cell_text(c.value))]
    method = next((m["method"].lower() for _, t in texts if (m := _METHOD.search(t))), None)
    content_type = next((cell_text(sheet.cell(r, 16).value) or "" for r, t in texts if t == "Content-Type"), "")
    if method not in ("get", "post", "put", "delete"):
        collect.error(f"{path.name}!{REQUEST_SHEET}: row 1",
                      f"HTTPメソッド {method!r} is none of GET, POST, PUT, DELETE")
    found = _header(sheet, "パラメータ名")
    if found is None:
        collect.error(f"{path.name}!{REQUEST_SHEET}: row 1", "no パラメータ名 table")
        return "", "", Schema(id=f"{base}_request", name="-", properties=(SchemaProperty(name="-"),),
                              provenance=Provenance(reference="-"))
    row, columns = found
    length_column = _sub_column(sheet, row, columns, "データ長", "桁数")
    sub_header = any(isinstance(c.value, str) and c.value.strip() == "桁数" for c in sheet[row + 1])
    first = row + 2 if sub_header else row + 1  # below the 桁数 sub-header
    properties = []
    for number in range(first, sheet.max_row + 1):
        name = cell_text(sheet.cell(number, columns["パラメータ名"]).value)
        where = f"{path.name}!{REQUEST_SHEET}: row {number}"
        if name is None:
            if any(cell_text(c.value) for c in sheet[number]):
                collect.skip(where, "a row without パラメータ名: left out")
            continue
        prop = _property(sheet, number, name, columns, length_column, path, REQUEST_SHEET, collect, where)
        if prop is not None:
            properties.append(prop)
    if not properties:
        collect.error(f"{path.name}!{REQUEST_SHEET}: row {row}", "no parameter")
    schema = Schema(id=f"{base}_request", name="リクエストパラメータ", properties=tuple(properties),
                    provenance=Provenance(reference=f"{path.name} {REQUEST_SHEET} row {row}", confirmed=True))
    return method or "post", content_type, schema


def _sub_column(sheet: Any, row: int, columns: dict[str, int], main: str, sub: str) -> int | None:
    """The column of ``sub`` in the row below the header (データ長 / 桁数), else ``main``'s."""
    for cell in sheet[row + 1]:
        if isinstance(cell.value, str) and cell.value.strip() == sub:
            return int(cell.column)
    return columns.get(main)


def _property(sheet: Any, number: int, name: str, columns: dict[str, int], length_column: int | None, path: Path,
              sheet_name: str, collect: Collector, where: str) -> SchemaProperty | None:
    def value(header: str) -> str | None:
        column = columns.get(header)
        return cell_text(sheet.cell(number, column).value) if column else None

    data_type = value("データ型")
    if data_type is None:
        collect.skip(where, f"{name}: no データ型: left out")
        return None
    data_type = re.sub(r"\s", "", data_type)
    length_text = cell_text(sheet.cell(number, length_column).value) if length_column else None
    note = value("備考")
    fixed = _FIXED.match(note.strip()) if note else None
    return SchemaProperty(
        name=name, required=value("必須") == REQUIRED_MARK, label=value("項目名"), description=value("項目説明"),
        data_type=data_type, length=int(length_text) if length_text and length_text.strip().isdigit() else None,
        nullable=value("null設定有無") in NULL_MARKS,
        condition=note.split("※※", 1)[1].strip() if note and "※※" in note else None,
        note=note, fixed_value=fixed["value"] if fixed else None, example=_example(sheet, number, columns),
        source=SourceRow(file=path.name, sheet=sheet_name, row=number),
    )


def _example(sheet: Any, number: int, columns: dict[str, int]) -> str | None:
    """The 記述例 value: the cell its formula refers to (``=E23&"="&DU23`` -> DU23), else the cell."""
    column = columns.get("記述例")
    if column is None:
        return None
    raw = sheet.cell(number, column).value
    if isinstance(raw, str) and raw.startswith("="):
        ref = _EXAMPLE_REF.search(raw)
        return cell_text(sheet[f"{ref['column']}{number}"].value) if ref else None
    return cell_text(raw)


def _schema(path: Path, node: _Node) -> Schema:
    first = node.properties[0].source.row if node.properties and node.properties[0].source else 1
    return Schema(id=node.schema_id, name=node.name, properties=tuple(node.properties),
                  provenance=Provenance(reference=f"{path.name} {RESPONSE_SHEET} row {first}", confirmed=True))


def _responses(path: Path, sheet: Any, base: str, nodes: list[_Node],
               collect: Collector) -> tuple[list[Response], list[ErrorCode]]:
    found = _header(sheet, "レスポンスオブジェクト名")
    if found is None:
        collect.error(f"{path.name}!{RESPONSE_SHEET}: row 1", "no レスポンスオブジェクト名 header")
        return [], []
    header_row, columns = found
    level_column = columns["レベル"]
    name_columns = _name_columns(sheet, header_row, columns)
    length_column = _sub_column(sheet, header_row, columns, "データ長", "桁数")
    responses: list[Response] = []
    error_codes: list[ErrorCode] = []
    number = header_row + 1
    while number <= sheet.max_row:
        first = cell_text(sheet.cell(number, 1).value) or ""
        status = _STATUS.search(first)
        if status:
            number, response = _response_block(path, sheet, number, int(status["status"]), first, base, level_column,
                                               name_columns, columns, length_column, nodes, collect)
            if response is not None:
                responses.append(response)
            continue
        if first.strip() == "エラーコード一覧":
            number, error_codes = _error_codes(path, sheet, number + 1, collect)
            continue
        number += 1
    if not responses:
        collect.error(f"{path.name}!{RESPONSE_SHEET}: row {header_row}",
                      "no response block (■…HTTPステータスコード：NNN…)")
    return responses, error_codes


def _name_columns(sheet: Any, header_row: int, columns: dict[str, int]) -> list[int]:
    """The columns of レスポンスオブジェクト名 per level: from its column up to the next header's."""
    start = columns["レスポンスオブジェクト名"]
    end = min(c for c in columns.values() if c > start)
    return list(range(start, end))


def _response_block(path: Path, sheet: Any, number: int, status: int, title: str, base: str, level_column: int,
                    name_columns: list[int], columns: dict[str, int], length_column: int | None,
                    nodes: list[_Node], collect: Collector) -> tuple[int, Response | None]:
    stack: list[_Node] = []
    root: _Node | None = None
    number += 1
    while number <= sheet.max_row:
        first = cell_text(sheet.cell(number, 1).value) or ""
        if _STATUS.search(first) or first.strip() == "エラーコード一覧":
            break
        where = f"{path.name}!{RESPONSE_SHEET}: row {number}"
        level_value = sheet.cell(number, level_column).value
        if level_value is None:
            number += 1  # the closing brackets of the 記述例 ("]" "}"): no object of their own
            continue
        if not isinstance(level_value, int) or not 1 <= level_value <= len(name_columns):
            collect.skip(where, f"レベル {level_value!r} is not 1..{len(name_columns)}: left out")
            number += 1
            continue
        name = cell_text(sheet.cell(number, name_columns[level_value - 1]).value)
        if level_value == 1:
            root = _Node(f"{base}_{status}", name or "レスポンスオブジェクト")
            stack = [root]
            nodes.append(root)
        elif name is None or len(stack) < level_value - 1:
            collect.skip(where, f"no object name at レベル {level_value}, or its parent is missing: left out")
        else:
            del stack[level_value - 1:]
            parent = stack[-1]
            prop = _property(sheet, number, name, columns | {"パラメータ名": name_columns[level_value - 1]},
                             length_column, path, RESPONSE_SHEET, collect, where)
            if prop is not None and prop.data_type in OBJECT_TYPES + ARRAY_TYPES:
                child = _Node(f"{parent.schema_id}_{name.lstrip('_')}", name)
                ref = {"object": child.schema_id} if prop.data_type in OBJECT_TYPES else {"list_of": child.schema_id}
                prop = prop.model_copy(update=ref)
                stack.append(child)
                nodes.append(child)
            if prop is not None:
                parent.properties.append(prop)
        number += 1
    if root is None:
        collect.skip(f"{path.name}!{RESPONSE_SHEET}: status {status}", "a response block without a レベル 1 object")
        return number, None
    return number, Response(status=status, description=title.strip().lstrip("■").strip(), body=root.schema_id)


def _error_codes(path: Path, sheet: Any, number: int, collect: Collector) -> tuple[int, list[ErrorCode]]:
    found = None
    for row in range(number, min(number + 5, sheet.max_row + 1)):
        texts = {re.sub(r"\s", "", str(c.value)): c.column for c in sheet[row] if isinstance(c.value, str)}
        if "エラーコード" in texts:
            found = (row, texts)
            break
    if found is None:
        collect.error(f"{path.name}!{RESPONSE_SHEET}: row {number}", "エラーコード一覧 without a エラーコード header")
        return number, []
    header_row, columns = found
    codes = []
    row = header_row + 1
    while row <= sheet.max_row:
        code = cell_text(sheet.cell(row, columns["エラーコード"]).value)
        name = cell_text(sheet.cell(row, columns.get("エラー名", 1)).value)
        message = cell_text(sheet.cell(row, columns.get("エラー内容", 1)).value)
        if code is None:
            if any(cell_text(c.value) for c in sheet[row]):
                collect.skip(f"{path.name}!{RESPONSE_SHEET}: row {row}", "an error code row without a code: left out")
            row += 1
            continue
        if name is None or message is None:
            collect.skip(f"{path.name}!{RESPONSE_SHEET}: row {row}", f"error code {code}: no name or message: left out")
        else:
            codes.append(ErrorCode(code=code, name=name, message=message,
                                   note=cell_text(sheet.cell(row, columns.get("備考", 1)).value)))
        row += 1
    return row, codes
