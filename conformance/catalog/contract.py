"""The published contract of a domain: every path the harness calls for it, as OpenAPI 3.1 with JSON Schemas.

``conformance catalog openapi --domain <slug>`` prints it. A vendor implements a domain from this document alone:

- the loads (``targets.load``): the migration CSV (``path``) and the appended scenario persons (``append_path``),
  both in the 基本データリスト layout ``residents_csv`` of 住民記録 1.0, its columns and codes generated from that
  edition; each 業務's record (``records_path``) with its items and their allowed values; the 戸籍 the harness plays
  (``koseki_path``, 戸籍の附票);
- the per-person query ``GET /residents/{宛名番号}/qualifications`` with that domain's part only (a 介護-only
  product answers only ``介護保険``): each field's meaning, the checks that read it and the requirements they serve,
  its type, format and allowed values, and the default of ``as_of``;
- each statute form the domain's checks ask for (``POST /forms/{form_id}``);
- each paged list read of the domain (``lists``: a register read whole, e.g. the 選挙人名簿 of one 投票区), in the
  page shape of 住民記録's 異動差分 (``offset``, ``limit``, ``next_offset``).

What each field and record item means, its type and its values are catalog data (``spec_catalog/contract/<slug>.yaml``,
loaded here with located errors); which checks read a field is the judge's own knowledge, handed in by the caller
(``reads``: the run layer finds it by running each check's own reading of an answer), and the requirements each check
serves are the edition's bindings. Nothing is written twice, so the document cannot drift from what is judged: a test
records whole runs of the reference and requires every path, parameter, record item and answer field in it
(tests/catalog/test_contract_coverage.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition, load_model
from conformance.catalog.models import CodeTable, DataItem, FileInterface, Level
from conformance.catalog.openapi import DATE_PATTERN, OPENAPI_VERSION, build_openapi
from conformance.catalog.statute_forms import STATUTE_FORMS
from conformance.errors import SpecError

#: Where the contracts are, below the catalog root (not an edition: the harness's interface, not a text's).
CONTRACT_DIR = "contract"
#: The paths the reference profile uses; a vendor maps each to its own in its profile (docs/profiles.md).
MIGRATION_PATH = "/admin/migration"
APPEND_PATH = "/admin/residents"
RECORDS_PATH = "/admin/records"
KOSEKI_PATH = "/admin/koseki"
QUERY_PATH = "/residents/{宛名番号}/qualifications"
FORM_PATH = "/forms/{form_id}"
#: The 異動 fed to a domain system (docs/driver.md, "庁内連携"), below the driver's base path, where the edition binds
#: a check that feeds it: the feed's own, or the cross-domain machine's, which a product without 住民記録's driver is
#: judged on through the feed (conformance/domains/feed.py; 就学 and 児童手当 bind only the machine: an outsider's
#: 就学 product found the path missing from its contract, issue 66).
FEED_PATH = "/driver/v1/linkage/feed"
FEED_CHECK = "model.world.feed"
FEEDING_CHECKS = (FEED_CHECK, "model.world.domains")
MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$"
#: The migration layout of 住民記録 1.0 (its interfaces.yaml) every load sends, and that edition.
MIGRATION_LAYOUT = "residents_csv"
MIGRATION_EDITION = ("jumin", "1.0")

#: ``municipality``: a 全国地方公共団体コード of six digits (the check digit included).
FieldType = Literal["boolean", "date", "month", "integer", "number", "text", "municipality", "list", "object", "any"]
_Text = Annotated[str, Field(min_length=1)]
_REF = re.compile(r'"\$ref": "(#/components/schemas/[^"]+)"')


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ContractField(_Strict):
    """One field of an answer or one item of a record: what it means, its type, its allowed values."""

    type: FieldType
    meaning: _Text | None = Field(default=None, description="One sentence; a field no check reads needs one.")
    values: tuple[str | int, ...] = Field(default=(), description="The only values allowed (a closed set).")
    nullable: bool = Field(default=True, description="Whether null (or the field absent) is an answer.")
    items: FieldType | None = Field(default=None, description="type list: the type of its entries, if scalar.")
    fields: dict[str, ContractField] = Field(default_factory=dict,
                                             description="type object, or list of objects: their fields.")
    provision: _Text | None = Field(default=None, description="The provision the field or item is about.")


class RecordGroup(_Strict):
    """Items of a 業務's record that one provision is about."""

    provision: _Text
    meaning: _Text
    items: dict[str, ContractField]


class QueryPart(_Strict):
    """A part of the per-person query's answer that the domain's checks read: its meaning and its fields."""

    meaning: _Text
    #: Most parts are one object; a part the checks read as a list (戸籍の附票's 本人確認情報の保存: one entry per
    #: notice) is a list of objects of these fields, or its published schema would say object and refuse the answer.
    type: Literal["object", "list"] = Field(default="object", description="object: one object of its fields; list: "
                                            "a list of such objects.")
    #: A part the text gives no value for some persons (戸籍の附票 of a person with no 戸籍 in the town: 住民基本台帳法
    #: 第16条 makes a 附票 per 戸籍) may be answered null; its published schema says so, or it refuses the answer.
    nullable: bool = Field(default=False, description="Whether the whole part may be null (its meaning says when).")
    fields: dict[str, ContractField]


class FormRequest(_Strict):
    """What the harness sends to ``POST /forms/{form_id}`` for one of the domain's statute forms."""

    meaning: _Text
    body: dict[str, ContractField]


class ListRead(_Strict):
    """A paged read of a register (``GET <path>?as_of=&offset=&limit=``), paged as 住民記録's 異動差分
    (spec_catalog/jumin/1.0: ``resident_page``): ``{<entries>: [...], "next_offset": n | null}``."""

    path: Annotated[str, Field(pattern=r"^/[^?#]*$")] = Field(description="The path, its {parameters} in it.")
    operation: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(description="The operationId.")
    meaning: _Text
    parameters: dict[str, ContractField] = Field(default_factory=dict, description="The path's {parameters}.")
    entries: _Text = Field(description="The name of the answer's list of entries.")
    fields: dict[str, ContractField]


#: The page size a list read allows (as 住民記録's 異動差分 of the reference: 1 to 1000, 100 when not asked).
LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT = 1000, 100


class DomainContract(_Strict):
    """``spec_catalog/contract/<slug>.yaml``: the interface items of one domain that the catalog's editions do not
    describe (the harness's per-person query, record loads, statute forms)."""

    domain: _Text
    query: dict[str, QueryPart] = Field(default_factory=dict, description="The answer's parts the domain reads.")
    records: dict[str, tuple[RecordGroup, ...]] = Field(default_factory=dict, description="業務 -> its items.")
    forms: dict[str, FormRequest] = Field(default_factory=dict, description="statute form id -> its request.")
    koseki: dict[str, ContractField] = Field(default_factory=dict,
                                             description="The body of a 戸籍 sent to targets.load.koseki_path.")
    linkage: tuple[_Text, ...] = Field(default=(), description="Ids of 住民記録's linkage interfaces the domain's "
                                       "checks call (spec_catalog/jumin/1.0/interfaces.yaml), published here too.")
    lists: dict[str, ListRead] = Field(default_factory=dict, description="Paged reads of a register, by name.")


def contract_file(root: Path, slug: str) -> Path:
    """The contract file of domain ``slug`` below the catalog root ``root``."""
    return root / CONTRACT_DIR / f"{slug}.yaml"


def load_contract(root: Path, slug: str) -> DomainContract | None:
    """The domain's contract, None when it has no file; a ``SpecError`` names each file:line that is wrong."""
    path = contract_file(root, slug)
    if not path.is_file():
        return None
    contract, errors = load_model(path, DomainContract)
    if errors or contract is None:
        raise SpecError([str(error) for error in errors] or [f"{path}: unreadable"])
    if contract.domain != slug:
        raise SpecError([f"{path}:1: domain {contract.domain!r} is not the file's domain {slug!r}"])
    for name, read in contract.lists.items():
        named = set(re.findall(r"\{([^{}/]+)\}", read.path))
        if named != set(read.parameters):
            raise SpecError([f"{path}: lists.{name}: the path's parameters {sorted(named)} are not those described "
                             f"{sorted(read.parameters)}"])
    unknown = sorted(set(contract.forms) - set(STATUTE_FORMS))
    if unknown:
        raise SpecError([f"{path}: forms: unknown form id {unknown[0]!r}; expected one of {sorted(STATUTE_FORMS)}"])
    return contract


def list_operations(edition: EditionCatalog) -> dict[str, str]:
    """operationId -> path of the paged list reads of ``edition``'s domain contract (``lists``, each a GET): API
    operations a profile declares in ``targets.api.operations`` like the edition's own interfaces (a product that
    does not serve one leaves it out: its checks are then NOT_AUTOMATED; docs/profiles.md)."""
    contract = load_contract(edition.path.parent.parent, edition.domain)
    return {read.operation: read.path for read in contract.lists.values()} if contract is not None else {}


def record_items(contract: DomainContract) -> dict[str, frozenset[str]]:
    """業務 -> the items its record may hold."""
    return {gyomu: frozenset(item for group in groups for item in group.items)
            for gyomu, groups in contract.records.items()}


# -- the document ---------------------------------------------------------------------------------


def build_contract_openapi(edition: EditionCatalog, contract: DomainContract, migration: EditionCatalog,
                           reads: Mapping[str, Mapping[str, Iterable[str]]],
                           rule_titles: Mapping[str, str]) -> dict[str, Any]:
    """The OpenAPI document of everything the harness calls for the domain of ``edition``.

    ``migration`` is the edition whose ``residents_csv`` layout the loads send (住民記録 1.0); ``reads`` maps a part
    and a field of it to the rules (``scenario.<rule>``) that read it, ``rule_titles`` a rule to its title."""
    served = _served(edition)
    paths: dict[str, Any] = {
        MIGRATION_PATH: {"post": _csv_load(migration, "migration", "targets.load.path",
                                           "Replaces all the vendor's data of the domain with the test town (before "
                                           "the checks): its residents and all else it holds for the domain (a 戸籍 "
                                           "system's 戸籍 too: the harness's 本籍 may repeat an earlier run's).")},
        APPEND_PATH: {"post": _csv_load(migration, "append", "targets.load.append_path",
                                        "Adds the generated persons of the scenario checks (new 宛名番号 only). A "
                                        "person may come as several rows, its history (履歴番号 1, 2 …, the largest "
                                        "the current): one who left and came back as the row of the earlier stay "
                                        "ended by its 転出 (住民状態 2) and the row of the 再転入. A 転出 row may lack "
                                        "転出予定年月日 (a 転出 recorded after the fact): its stay ended on the "
                                        "異動日.")},
    }
    if contract.records:
        paths[RECORDS_PATH] = {"post": _records(contract)}
    if contract.koseki:
        paths[KOSEKI_PATH] = {"post": _koseki(contract)}
    if contract.query:
        paths[QUERY_PATH] = {"get": _query(contract.query, reads, rule_titles, served)}
    if contract.forms:
        paths[FORM_PATH] = {"post": _forms(contract)}
    if any(name in served for name in FEEDING_CHECKS):
        paths[FEED_PATH] = {"post": _feed(migration)}
    for read in contract.lists.values():
        paths[read.path] = {"get": _list_read(read)}
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"{edition.domain} {edition.edition_name}: the interface the harness calls",
            "version": edition.edition_name,
            "description": "Every path the harness calls for this domain, each field it reads and each item it "
                           "sends (generated from spec_catalog/contract/ and the judge's checks; "
                           "docs/vendor-walkthrough.md). "
                           "The paths are the reference profile's; a profile maps each to the vendor's own "
                           "(targets.load, targets.api.paths). Values travel as JSON text unless a type says "
                           "otherwise. Not part of the statute or the 標準仕様書.",
        },
        "paths": paths,
        "components": {"schemas": _components(contract)},
    }


def _borrow(document: dict[str, Any], linkage: Mapping[str, Any], ids: Iterable[str]) -> None:
    """Copy 住民記録's linkage operations ``ids`` (and the schemas they refer to) into a domain's ``document``."""
    wanted = set(ids)
    for path, operations in linkage["paths"].items():
        for method, operation in operations.items():
            if operation["operationId"] in wanted:
                document["paths"].setdefault(path, {})[method] = operation
                wanted.discard(operation["operationId"])
    if wanted:
        raise SpecError([f"contract linkage: no linkage interface {sorted(wanted)[0]!r} in 住民記録"])
    schemas = document["components"].setdefault("schemas", {})
    pending = _refs(document["paths"])
    while pending:
        name = pending.pop()
        if name not in schemas and name in linkage["components"]["schemas"]:
            schemas[name] = linkage["components"]["schemas"][name]
            pending |= _refs(schemas[name])


def _refs(value: Any) -> set[str]:
    """The component schemas ``value`` refers to."""
    text = json.dumps(value, ensure_ascii=False)
    return {match.split("/")[-1] for match in _REF.findall(text)}


def contract_openapi_json(document: Mapping[str, Any]) -> str:
    """A contract document as indented UTF-8 JSON text with a trailing newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _served(edition: EditionCatalog) -> dict[str, list[str]]:
    """Check name -> the requirements of the edition bound to it, in catalog order."""
    served: dict[str, list[str]] = {}
    for requirement in edition.requirements:
        for check in requirement.checks:
            name = getattr(check, "name", None)
            if name is not None:
                served.setdefault(name, []).append(requirement.id)
    return served


#: How long a load may take (issue 66, F1 of the outsider's 健康管理: learnt only from a failed run): every exchange
#: has the profile's deadline (conformance/profiles.py, targets.api.timeout_seconds), a load's too.
LOAD_DEADLINE = (" Answer within targets.api.timeout_seconds (the profile's, default 30 s: the deadline of every "
                 "exchange, connect, headers and body), the whole test town's load (about 800 KB) too; a load not "
                 "answered in time is the vendor's failure, and the test town's stops the run.")


def _csv_load(migration: EditionCatalog, which: str, setting: str, what: str) -> dict[str, Any]:
    return {
        "operationId": f"load_{which}",
        "summary": f"{what} ({setting})",
        "description": "A 基本データリスト migration file, layout residents_csv of 住民記録 1.0: UTF-8, CRLF, a header "
                       "line with every column named in x-columns, one row per person. Codes are those of x-columns. "
                       "Answer 200, 201 or 204; anything else stops the check as an ERROR of the vendor."
                       + LOAD_DEADLINE,
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"},
                                                                   "x-columns": _columns(migration)}}},
        "responses": {"200": {"description": "loaded"}, "201": {"description": "loaded"},
                      "204": {"description": "loaded"}},
    }


def _columns(migration: EditionCatalog) -> list[dict[str, Any]]:
    """The columns of the migration layout with each one's meaning and, for a code, its allowed codes."""
    items = {item.id: item for item in migration.data_items}
    tables = {table.id: table for table in migration.code_tables}
    layout = next((entry for entry in migration.interfaces
                   if isinstance(entry, FileInterface) and entry.id == MIGRATION_LAYOUT), None)
    if layout is None:
        raise SpecError([f"{migration.domain} {migration.edition_name}: no file layout {MIGRATION_LAYOUT!r}"])
    columns: list[dict[str, Any]] = []
    for column in layout.columns:
        item = items.get(column.data_item)
        entry: dict[str, Any] = {"header": column.header}
        if item is not None:
            entry.update(_column_item(item, tables))
        columns.append(entry)
    return columns


def _column_item(item: DataItem, tables: Mapping[str, CodeTable]) -> dict[str, Any]:
    entry: dict[str, Any] = {"meaning": item.name, "type": item.type, "required": item.required}
    if item.type == "date":
        entry["pattern"] = DATE_PATTERN
    table = tables.get(item.code_table or "")
    if table is not None:
        entry["codes"] = {code.code: code.label for code in table.codes if code.level is not Level.PROHIBITED}
    return entry


#: The 異動 a row of the 庁内連携 feed names in its 異動事由区分 (ours: docs/driver.md, "庁内連携"), with what each
#: means (issue 65 F7: the outside 国民年金 vendor found the item listed with no values and read the stale 異動事由).
FEED_CHANGES: dict[str, str] = {
    "転入": "the person moved in on 異動日 (the stay's first row; 転入前住所_市区町村コード empty: from abroad)",
    "転居": "a move within the municipality on 異動日: the row's 住所_ items are the new 住所, its 住所を定めた年月日 "
            "the 転居's day (異動日) and 届出年月日 the day of the 転居届, which may be later; 住民となった年月日 is "
            "unchanged",
    "国内転出": "a 転出 to another municipality in Japan: the last day here is 転出予定年月日 and the address in Japan "
                "goes on (no 転入通知 needed to know it); its 転入通知 comes as a later row of the same 区分 with "
                "住民状態 2, 転出年月日（確定） and 転出先住所（確定）_市区町村コード",
    "国外転出": "a 転出 out of Japan: the last day here is 転出予定年月日, no address in Japan after it",
    "死亡": "the person died on 異動日 (住民状態 3)",
}


def _feed(migration: EditionCatalog) -> dict[str, Any]:
    headers = [column["header"] for column in _columns(migration)]
    changes = "; ".join(f"{name}: {meaning}" for name, meaning in FEED_CHANGES.items())
    row = {"type": "object", "additionalProperties": {"type": "string"},
           "description": "The person's row after the 異動: the migration layout's items by their headers (x-columns "
                          "of load_migration), with 異動事由区分 and 異動日; every value as text.",
           "properties": {
               "異動事由区分": {"type": "string", "enum": list(FEED_CHANGES),
                              "description": f"The 異動 this row carries (read it, not 異動事由). {changes}."},
               "異動事由": {"type": "string", "description": "The 転入's code (A1) on every row of the feed: not "
                                                            "updated by a later 異動; 異動事由区分 names the 異動."}},
           "required": ["宛名番号"], "x-items": [*headers, "異動事由区分"]}
    return {
        "operationId": "linkage_feed",
        "summary": "One 異動 of 住民記録 fed to the domain system (driver operation linkage.feed; ours)",
        "description": "The harness plays 住民記録 and sends each 異動 of a generated person; the answers are then "
                       "read through the per-person query. A profile whose targets.driver.operations lack linkage.feed "
                       "leaves the check model.world.feed NOT_AUTOMATED, and model.world.domains too where the "
                       "profile offers no driver of 住民記録 (its 異動 are then given through the per-person load, "
                       "each stage a person of its own).",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["住民票"], "properties": {"住民票": row}}}}},
        "responses": {"200": {"description": "taken: {\"result\": \"ok\"}"},
                      "400": {"description": "no 宛名番号, or an item that is no text"}},
    }


def _records(contract: DomainContract) -> dict[str, Any]:
    variants = [{"$ref": f"#/components/schemas/{_record_component(contract, gyomu)}"} for gyomu in contract.records]
    return {
        "operationId": "load_record",
        "summary": "A person's record of another 業務 (targets.load.records_path)",
        "description": "Sent after the persons are appended, one request per person and 業務: what 住民記録 does "
                       "not hold and this domain's rules turn on. Every item is text (a date as YYYY-MM-DD, a "
                       "number in digits, a flag as \"1\"); an item not sent is unknown or does not apply, and a flag "
                       "not sent does not hold (the same as \"0\"). Without "
                       "this path, the checks that need a record are NOT_AUTOMATED." + LOAD_DEADLINE,
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": variants[0] if len(variants) == 1 else {"oneOf": variants}}}},
        "responses": {"200": {"description": "kept"}, "201": {"description": "kept"},
                      "204": {"description": "kept"}},
    }


def _record_component(contract: DomainContract, gyomu: str) -> str:
    """The component of a 業務's record: ASCII, as OpenAPI wants component names (``record_<slug>``)."""
    names = list(contract.records)
    return f"record_{contract.domain}" + (f"_{names.index(gyomu) + 1}" if len(names) > 1 else "")


def _koseki(contract: DomainContract) -> dict[str, Any]:
    return {
        "operationId": "load_koseki",
        "summary": "A 戸籍 the harness plays (targets.load.koseki_path)",
        "description": "The 本籍地's 戸籍 of persons just appended, so that the vendor keeps their 戸籍の附票. "
                       "Without this path the 戸籍の附票 checks are NOT_AUTOMATED. A run sends many 戸籍 and the "
                       "vendor keeps them all at once, each named by its 本籍 and 筆頭者氏名 (the cross-domain "
                       "machine gives every drawn person a 戸籍 of their own, each with a 本籍 of its own). A POST "
                       "naming a 本籍 and 筆頭者氏名 the vendor holds is that 戸籍 as it now stands and replaces it "
                       "whole: its 在籍者 are the ones sent (one who entered it since, a 除籍年月日 given since; the "
                       "scenario checks also register a new family under a 本籍 and 筆頭者氏名 they used before). "
                       "What the vendor answers afterwards of a person no longer sent is not asked.",
        "requestBody": {"required": True, "content": {"application/json": {"schema": _object(contract.koseki)}}},
        "responses": {"200": {"description": "kept"}, "201": {"description": "kept"},
                      "204": {"description": "kept"}},
    }


def _query(parts: Mapping[str, QueryPart], reads: Mapping[str, Mapping[str, Iterable[str]]],
           titles: Mapping[str, str], served: Mapping[str, list[str]]) -> dict[str, Any]:
    def described(part: str, name: str, field: ContractField) -> dict[str, Any]:
        return _described(field, reads.get(part, {}).get(name, ()), titles, served)

    schema = query_answer_schema(parts, described)
    return {
        "operationId": "get_qualifications",
        "summary": f"The per-person query: its part {', '.join(parts)}",
        "description": "資格 and 賦課 of one person for a 年度, on a day. The harness reads only the fields listed; "
                       "a field that does not apply is null (or absent).",
        "parameters": [
            {"name": "宛名番号", "in": "path", "required": True, "schema": {"type": "string", "pattern": "^[0-9]+$"}},
            {"name": "fiscal_year", "in": "query", "required": True,
             "description": "The 年度 (April to March) the answer is about, as four digits.",
             "schema": {"type": "integer", "minimum": 1900, "maximum": 2200}},
            {"name": "as_of", "in": "query", "required": False,
             "description": "The day the answer is as of (YYYY-MM-DD). Absent: the day of the query (the vendor's "
                            "today); the harness sends it whenever a field it reads depends on the day.",
             "schema": {"type": "string", "pattern": DATE_PATTERN}},
        ],
        "responses": {
            "200": {"description": "the answer", "content": {"application/json": {"schema": schema}}},
            "400": {"description": "fiscal_year missing or not a year, or as_of not a date"},
            "404": {"description": "no such 宛名番号 in the vendor"},
        },
    }


#: The schema of one field of a part of the per-person answer, given the part's name and the field's (what the
#: published document adds to the type: the meaning, the rules that read it).
FieldSchema = Callable[[str, str, ContractField], dict[str, Any]]


def query_answer_schema(parts: Mapping[str, QueryPart],
                        field_schema: FieldSchema | None = None) -> dict[str, Any]:
    """The JSON Schema of the per-person query's 200 answer with the domain's ``parts``: what the domain's document
    publishes (its fields described by ``field_schema``) and, without descriptions, what every answer a rule of the
    domain receives is validated against (conformance/checks/answer_contract.py): one builder, so the two cannot
    differ."""
    properties: dict[str, Any] = {
        "宛名番号": {"type": "string", "description": "The person asked about."},
        "年度": {"type": "integer", "description": "The 年度 asked about (fiscal_year)."},
    }
    for key, part in parts.items():
        fields = {name: field_schema(key, name, field) if field_schema is not None else _schema(field)
                  for name, field in part.fields.items()}
        entry = {"type": "object", "properties": fields,
                 "required": [name for name, field in part.fields.items() if not field.nullable]}
        shape = {"type": "array", "items": entry} if part.type == "list" else {"type": "object", **entry}
        properties[key] = ({"description": part.meaning, "anyOf": [shape, {"type": "null"}]} if part.nullable
                           else {"description": part.meaning, **shape})
    return {
        "type": "object",
        "required": list(parts),
        "properties": properties,
        # The parts of other domains may be there (one system answering several domains) and are not read here.
        "additionalProperties": True,
    }


def _list_read(read: ListRead) -> dict[str, Any]:
    """A paged list read: its path parameters, ``as_of``, ``offset`` and ``limit``, and the page it answers."""
    parameters = [{"name": name, "in": "path", "required": True, **({"description": field.meaning}
                                                                     if field.meaning else {}),
                   "schema": _scalar(field.type, record=False)} for name, field in read.parameters.items()]
    parameters += [
        {"name": "as_of", "in": "query", "required": True, "description": "The day the register is read as of "
         "(YYYY-MM-DD).", "schema": {"type": "string", "pattern": DATE_PATTERN}},
        {"name": "offset", "in": "query", "required": False, "description": "How many entries to skip (0 when "
         "absent): the next_offset of the page before.", "schema": {"type": "integer", "minimum": 0}},
        {"name": "limit", "in": "query", "required": False, "description": f"Entries per page at most "
         f"({LIST_LIMIT_DEFAULT} when absent).", "schema": {"type": "integer", "minimum": 1,
                                                             "maximum": LIST_LIMIT_MAX}},
    ]
    page = {"type": "object", "required": [read.entries, "next_offset"], "properties": {
        read.entries: {"type": "array", "items": _object(read.fields)},
        "next_offset": {"type": ["integer", "null"], "description": "The offset of the next page; null on the last "
                        "(a last page exactly full may also give an offset whose page is empty and null). Every "
                        "entry is on exactly one page of a read with one as_of."}}}
    return {
        "operationId": read.operation,
        "summary": f"{read.entries}: a register read page by page (as_of, offset, limit)",
        "description": read.meaning,
        "parameters": parameters,
        "responses": {"200": {"description": "one page", "content": {"application/json": {"schema": page}}},
                      "400": {"description": "as_of missing or not a date, offset or limit out of range"},
                      "404": {"description": "no such " + ", ".join(read.parameters) if read.parameters
                              else "not offered"}},
    }


def _described(field: ContractField, readers: Iterable[str], titles: Mapping[str, str],
               served: Mapping[str, list[str]]) -> dict[str, Any]:
    """A field's schema with its meaning, the checks that read it and the requirements they serve."""
    schema = _schema(field)
    rules = sorted(set(readers))
    lines = [field.meaning] if field.meaning else []
    lines += [f"Read by scenario.{rule}: {titles.get(rule, rule)}" for rule in rules]
    requirements = sorted({requirement for rule in rules for requirement in served.get(f"scenario.{rule}", ())})
    if requirements:
        schema["x-requirements"] = requirements
    if field.provision:
        lines.append(f"Provision: {field.provision}")
    if lines:
        schema["description"] = "\n".join(lines)
    return schema


def _forms(contract: DomainContract) -> dict[str, Any]:
    bodies = [{**_object(form.body), "title": form_id, "description": f"{STATUTE_FORMS[form_id]}: {form.meaning}"}
              for form_id, form in contract.forms.items()]
    return {
        "operationId": "issue_form",
        "summary": "A statute form, printed (targets.forms.statute names those the vendor issues)",
        "description": "The harness reads the PDF as printed (docs/forms.md). A form the profile does not name "
                       "leaves its checks NOT_AUTOMATED.",
        "parameters": [{"name": "form_id", "in": "path", "required": True,
                        "schema": {"type": "string", "enum": list(contract.forms)}}],
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": bodies[0] if len(bodies) == 1 else {"oneOf": bodies}}}},
        "responses": {"200": {"description": "the form", "content": {"application/pdf": {}}},
                      "403": {"description": "refused (支援措置)"},
                      "404": {"description": "no such person, or a person the form does not apply to on that day "
                                             "(a 学齢簿 of an adult, a 抄本 of a child, a card of no 被保険者): the "
                                             "harness asks both (api.form_refusals)"}},
    }


def _components(contract: DomainContract) -> dict[str, Any]:
    components: dict[str, Any] = {}
    for gyomu, groups in contract.records.items():
        items: dict[str, Any] = {}
        for group in groups:
            for name, item in group.items.items():
                described = _schema(item, record=True)
                # An item's own meaning stands alone; the group's (one provision about several items) only
                # where the item has none, so no description is the same pasted paragraph.
                described["description"] = (f"{item.meaning or group.meaning} ({item.provision or group.provision})"
                                            + _TRAVELS.get(item.type, ""))
                items[name] = described
        # Each group's meaning, whole: what it says of the record as a whole (whose 宛名番号 it is sent with, for
        # 就学) reaches the vendor only here (an outsider's 就学 product keyed the records by the child, issue 66).
        about = " ".join(group.meaning for group in groups if group.meaning)
        components[_record_component(contract, gyomu)] = {
            "type": "object", "title": gyomu, "required": ["宛名番号", "業務", "記録"], "additionalProperties": False,
            **({"description": about} if about else {}),
            "properties": {"宛名番号": {"type": "string", "pattern": "^[0-9]+$"}, "業務": {"const": gyomu},
                           "記録": {"type": "object", "properties": items, "additionalProperties": False}},
        }
    return components


def _object(fields: Mapping[str, ContractField]) -> dict[str, Any]:
    properties = {name: _with_meaning(field) for name, field in fields.items()}
    return {"type": "object", "properties": properties,
            "required": [name for name, field in fields.items() if not field.nullable]}


def _with_meaning(field: ContractField) -> dict[str, Any]:
    schema = _schema(field)
    if field.meaning:
        schema["description"] = field.meaning
    return schema


def _schema(field: ContractField, *, record: bool = False) -> dict[str, Any]:
    """The JSON Schema of a field's value (a record item is always text: ``record``)."""
    schema = _scalar(field.type, record=record)
    if field.type == "list":
        schema["items"] = _object(field.fields) if field.fields else _scalar(field.items or "any", record=record)
    elif field.type == "object":
        schema.update(_object(field.fields))
    if field.values:
        schema["enum"] = list(field.values)
    if field.nullable and not record:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


#: The JSON Schema of each field type in an answer or a request body.
_SCALARS: dict[str, dict[str, Any]] = {
    "date": {"type": "string", "pattern": DATE_PATTERN},
    "month": {"type": "string", "pattern": MONTH_PATTERN},
    "municipality": {"type": "string", "pattern": "^[0-9]{6}$"},
    "boolean": {"type": "boolean"}, "integer": {"type": "integer"}, "number": {"type": "number"},
    "text": {"type": "string"}, "list": {"type": "array"}, "object": {"type": "object"}, "any": {},
}
#: A record travels as text: a number in digits, a fact that holds as "1" (one that does not as "0" or left out).
_RECORD_TEXT: dict[str, dict[str, Any]] = {
    "integer": {"type": "string", "pattern": "^-?[0-9]+$"}, "number": {"type": "string", "pattern": "^-?[0-9]+$"},
    "boolean": {"type": "string", "pattern": "^[01]$"},
}


#: How a record item typed other than text travels (every item is text), said in its description: the contract's type
#: is what the value means, the schema's what is sent.
_TRAVELS: dict[str, str] = {
    "integer": " Sent as text: the number in digits.", "number": " Sent as text: the number in digits.",
    "boolean": " Sent as text: \"1\" when it holds, \"0\" or left out when not.",
}


def _scalar(kind: FieldType, *, record: bool) -> dict[str, Any]:
    return dict((_RECORD_TEXT.get(kind) if record else None) or _SCALARS[kind])


def domain_openapi(edition: EditionCatalog, root: Path, reads: Mapping[str, Mapping[str, Iterable[str]]],
                   rule_titles: Mapping[str, str]) -> dict[str, Any]:
    """The domain's whole published interface: the linkage interfaces its edition defines (openapi.py), and every
    path of its contract (``root``/contract/<slug>.yaml) the edition does not define itself."""
    document = build_openapi(edition)
    contract = load_contract(root, edition.domain)
    if contract is None:
        return document
    migration = load_edition(root / MIGRATION_EDITION[0] / MIGRATION_EDITION[1])
    published = build_contract_openapi(edition, contract, migration, reads, rule_titles)
    for path, operations in published["paths"].items():
        document["paths"].setdefault(path, operations)
    document["components"].setdefault("schemas", {}).update(published["components"]["schemas"])
    if contract.linkage:
        _borrow(document, build_openapi(migration), contract.linkage)
    if not edition.interfaces:
        document["info"] = published["info"]
    return document


def statute_form_table(root: Path, slugs: Iterable[str]) -> str:
    """The Markdown table of every statute form id (docs/forms.md, "The statute forms' ids"): the form, the domain
    whose contract asks for it (among ``slugs``) and the body the harness sends; a test holds the page to it."""
    owners = {form_id: (slug, form) for slug in slugs if (contract := load_contract(root, slug)) is not None
              for form_id, form in contract.forms.items()}
    lines = ["| form id | form | domain | body sent |", "|---|---|---|---|"]
    for form_id, name in STATUTE_FORMS.items():
        slug, form = owners[form_id]
        lines.append(f"| `{form_id}` | {name} | `{slug}` | {', '.join(f'`{key}`' for key in form.body)} |")
    return "\n".join(lines) + "\n"
