"""Catalog models: the machine-readable form of a standard specification.

Models at this boundary are strict, frozen and forbid unknown fields, so a misspelt key in a
catalog file is an error instead of a silently ignored value. Sequences are declared as tuples
but accept YAML lists (``LaxSeq``); their items stay strict.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from conformance import messages
from conformance.catalog.check_params import add_params_schemas

#: Lets a tuple field accept a YAML list while its items stay strictly validated.
LaxSeq = Field(strict=False)
#: Lets an enum field accept its value as a plain string (strict mode wants the enum instance).
LaxEnum = Field(strict=False)

#: Domain slugs of the 20 standardized domains and of the common functions, ``kyotsu`` (DESIGN.md,
#: "Contracts"); the registry (conformance/catalog/data/domains.yaml) lists the same, a test keeps them equal.
DOMAIN_SLUGS: tuple[str, ...] = (
    "jumin", "inkan", "shugaku", "kotei_shisan_zei", "kojin_juminzei", "hojin_juminzei",
    "keijidosha_zei", "kaigo", "shogaisha_fukushi", "koseki", "kokuho", "koki_korei",
    "kokumin_nenkin", "seikatsu_hogo", "kenko_kanri", "jido_teate", "jido_fuyo_teate",
    "kodomo_kosodate", "senkyo", "koseki_fuhyo", "kyotsu",
)
#: Official identifiers (conformance/catalog/domains.py says where the formats come from): the loader
#: also checks that their 3-digit 業務ID prefix is one of the edition's domain.
FUNCTION_ID_PATTERN = r"^[0-9]{7}$"
FORM_ID_PATTERN = r"^[0-9]{7}$"
DATA_ITEM_ID_PATTERN = r"^[0-9]{8}$"

# Ids are ASCII so they work unchanged as pytest item names, in `-k`, `--deselect` and JUnit.
REQUIREMENT_ID_PATTERN = r"^[a-z_]+-[0-9]+\.[0-9]+-[0-9]+(\.[0-9]+)*-[ROP][0-9]{3}$"
ENTRY_ID_PATTERN = r"^[a-z][a-z0-9_.-]*$"
EDITION_PATTERN = r"^[0-9]+\.[0-9]+$"
SECTION_PATTERN = r"^[0-9]+(\.[0-9]+)*$"
CHECK_NAME_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"


class CatalogModel(BaseModel):
    """Base of every catalog model: strict, immutable, no unknown keys."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Level(StrEnum):
    """Requirement level (第1.0版: 実装すべき / 実装してもしなくても良い / 実装しない)."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    PROHIBITED = "prohibited"


#: Characters of a requirement's text: a paragraph of a specification or a sentence of a law (the longest
#: in the bundled catalog has about 1,100). A longer one is an import gone wrong or a hostile file, and
#: every report would carry it.
MAX_TEXT_CHARS = 20_000
#: Characters of a MANUAL procedure (what to do and attach) and of an interpretation (the longest
#: bundled: about 550).
MAX_PROCEDURE_CHARS = 10_000


class RequirementKind(StrEnum):
    """What a requirement is about."""

    FUNCTION = "function"
    FORM = "form"
    DATA_ITEM = "data_item"
    INTERFACE = "interface"
    RULE = "rule"


class AppliesTo(StrEnum):
    """Which residents a data item applies to."""

    ALL = "all"
    JAPANESE = "japanese"
    FOREIGN = "foreign"


class Source(CatalogModel):
    """Where a requirement's text comes from, down to the paragraph."""

    document: Annotated[str, Field(min_length=1, description="Title of the source document.")]
    edition: Annotated[str, Field(pattern=EDITION_PATTERN)]
    section: Annotated[str, Field(pattern=SECTION_PATTERN, description="The spec's section number.")]
    title: Annotated[str, Field(min_length=1, description="The section title, verbatim.")]
    block: Annotated[str, Field(min_length=1, description="The level block heading, verbatim.")]
    paragraph: Annotated[int, Field(ge=1, description="1-based index of the paragraph in its block.")]
    file: str | None = Field(default=None, description="Source file the text was imported from.")


class ManualCheck(CatalogModel):
    """A requirement only a person can judge: the run reports MANUAL with what to attach."""

    kind: Literal["manual"]
    evidence: Annotated[str, Field(min_length=1, max_length=MAX_PROCEDURE_CHARS,
                                   description="What evidence the attestation needs (the procedure).")]


class FunctionCheck(CatalogModel):
    """A check function registered under a stable name, with its parameters.

    The loader checks the name and the params against conformance/catalog/check_params.py (and the domain
    folders' params.py); so does the exported JSON Schema, for editors.
    """

    model_config = ConfigDict(json_schema_extra=add_params_schemas)

    kind: Literal["check"]
    name: Annotated[str, Field(pattern=CHECK_NAME_PATTERN)]
    params: dict[str, Any] = Field(default_factory=dict, strict=False)


Check = Annotated[ManualCheck | FunctionCheck, Field(discriminator="kind")]


class Provision(CatalogModel):
    """Where a statute edition's requirement is in the law: law, article, 項, 号 and sentence."""

    law: Annotated[str, Field(min_length=1, description="法令名.")]
    law_id: str | None = Field(default=None, pattern=r"^[0-9A-Z]{15}$",
                               description="e-Gov 法令ID (none for a municipality's 条例, which e-Gov does not hold).")
    law_number: Annotated[str, Field(min_length=1, description="法令番号.")]
    article: Annotated[str, Field(pattern=r"^第[0-9]+条(の[0-9]+)?$")]
    paragraph: Annotated[int, Field(ge=1, description="項.")]
    item: str | None = Field(default=None, pattern=r"^第[0-9]+号(の[0-9]+)?$",
                             description="号, when the sentence is one.")
    sentence: Annotated[int, Field(ge=1, description="1-based sentence of the provision (本文, ただし書 ...).")]
    revision: Annotated[str, Field(min_length=1, description="The revision of the law quoted.")]


#: Whose duty a requirement is (docs/catalog-ids.md, "Duties"; our reading, never the source's):
#: ``system`` the package must hold, compute, output or enforce it; ``operation`` a person or body does it
#: and the system at most records it (MANUAL, with what to check); ``outside`` not the municipality's
#: system at all (NOT_APPLICABLE, with the reason). In doubt: ``system``.
Duty = Literal["system", "operation", "outside"]
DUTIES: tuple[str, ...] = ("system", "operation", "outside")
#: How every report names a duty (ja, en).
DUTY_LABELS: dict[str, tuple[str, str]] = {
    "system": ("システムの責務", "system duty"),
    "operation": ("運用の責務（人・機関が行う）", "operation duty (done by a person or body)"),
    "outside": ("対象外（市町村のシステムの責務ではない）", "outside (not the municipality's system)"),
}
#: Marks a duty's reason as the harness's reading, wherever it is shown.
DUTY_READING = ("ハーネスの解釈", "the harness's reading")


class Requirement(CatalogModel):
    """One paragraph of a specification: the unit a verdict is given for."""

    id: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    kind: Annotated[RequirementKind, LaxEnum]
    level: Annotated[Level, LaxEnum]
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The paragraph, verbatim.")]
    source: Source
    function_id: str | None = Field(default=None, pattern=FUNCTION_ID_PATTERN,
                                    description="Official 機能ID (7 digits), when known.")
    form_id: str | None = Field(default=None, pattern=FORM_ID_PATTERN,
                                description="Official 帳票ID (7 digits), when known.")
    checks: Annotated[tuple[Check, ...], LaxSeq] = ()
    provision: Provision | None = Field(default=None, description="Statute editions: the law's provision quoted.")
    interpretation: str | None = Field(
        default=None, max_length=MAX_PROCEDURE_CHARS,
        description="The harness's reading where the law leaves room (ours, not the law's).")
    duty: Duty = Field(
        default="system", description="Whose duty it is (ours): system, operation (MANUAL) or outside "
        "(NOT_APPLICABLE). Declared in the edition's duties.yaml, never in the generated files; system when "
        "undeclared.")
    duty_reason: str | None = Field(
        default=None, max_length=MAX_PROCEDURE_CHARS,
        description="Why the duty was declared (ours, not the law's): duties.yaml's reason.")
    not_automated_reason: str | None = Field(
        default=None, max_length=MAX_PROCEDURE_CHARS,
        description="Why no check judges it yet (ours): not_automated.yaml's reason, the NOT_AUTOMATED state's reason.")
    part: Literal[DOMAIN_SLUGS] | None = Field(  # type: ignore[valid-type]
        default=None, description="Statute editions: the domain whose part of the law the sentence is (ours: "
        "provisions.yaml's reading), when another's: NOT_APPLICABLE to a profile that does not claim that domain.")


class DutyDeclaration(CatalogModel):
    """``duties.yaml``: the harness's reading of whose duty one requirement is (hand-written, so a re-import
    of the requirements keeps it). Undeclared requirements are system duties."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    duty: Duty
    reason: Annotated[str, Field(min_length=1, max_length=MAX_PROCEDURE_CHARS,
                                 description="Why (Japanese, citing the text): ours, not the law's.")]
    procedure: str | None = Field(
        default=None, min_length=1, max_length=MAX_PROCEDURE_CHARS,
        description="operation only: what a person checks for the MANUAL attestation "
        "(default: the record the system keeps of it).")


class NotAutomatedDeclaration(CatalogModel):
    """``not_automated.yaml``: why a requirement no check judges is NOT_AUTOMATED (hand-written, ours; a re-import
    of the requirements keeps it). A requirement a check or a procedure judges declares none (the catalog refuses
    a stale one)."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    reason: Annotated[str, Field(min_length=1, max_length=MAX_PROCEDURE_CHARS,
                                 description="Why nothing the vendor offers shows it yet, or what judging it needs "
                                 "(Japanese, citing the text): ours, not the law's.")]


class Binding(CatalogModel):
    """Checks bound to a requirement, kept apart from the imported (generated) requirement files."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    checks: Annotated[tuple[Check, ...], LaxSeq, Field(min_length=1)]


class Provenance(CatalogModel):
    """Where a non-requirement entry comes from, and whether it is confirmed."""

    reference: Annotated[str, Field(min_length=1)]
    confirmed: bool = False


class Condition(CatalogModel):
    """``item`` has one of ``values`` (e.g. 第30条45規定区分 in ["1"])."""

    item: Annotated[str, Field(min_length=1, description="Name of the data item tested.")]
    values: Annotated[tuple[str, ...], LaxSeq, Field(min_length=1)]


class SourceRow(CatalogModel):
    """Where an imported entry is in an official spreadsheet (for provenance and error messages)."""

    file: Annotated[str, Field(min_length=1, description="File name of the source, as distributed.")]
    sheet: Annotated[str, Field(min_length=1)]
    row: Annotated[int, Field(ge=1, description="1-based row number in the sheet.")]


#: The データ型 of the 基本データリスト template (sheet 凡例）データ型): X 半角文字列, Ｎ 全角文字列, 9 整数,
#: 9V 小数点付き実数, S9 符号付き整数, BLOB 画像, YEAR YYYY, DATE YYYY-MM-DD, TIME HH:MM:SS.
OfficialDataType = Literal["X", "Ｎ", "9", "9V", "S9", "BLOB", "YEAR", "DATE", "TIME"]
#: データ出力条件 of the 基本データリスト template.
OutputCondition = Literal["必須", "条件付き必須", "任意"]


class OfficialDataItem(CatalogModel):
    """The 18 columns of a 基本データリスト 項目定義書 row, verbatim (sheet 凡例）列項目説明)."""

    data_item_id: Annotated[str, Field(pattern=DATA_ITEM_ID_PATTERN, description="データ項目ID (8 digits).")]
    romaji: Annotated[str, Field(min_length=1, description="データ項目（ローマ字）: the API field name.")]
    group: Annotated[str, Field(min_length=1, description="グループ_名称 (a file of the export).")]
    primary_key: bool = False
    foreign_key: bool = False
    classes: Annotated[tuple[str, ...], LaxSeq] = Field(default=(), description="クラス分類 LV1..LV3.")
    data_type: OfficialDataType
    digits: Annotated[str, Field(pattern=r"^[0-9]+(,[0-9]+)?$", description="桁数: characters, not bytes "
                                 "('n,m' for 9V).")]
    code: str | None = Field(default=None, description="コード: the code list's コードID.")
    repetition: Annotated[int, Field(ge=1)] | None = Field(default=None, description="繰り返し: the most values.")
    output: OutputCondition = Field(description="データ出力条件.")
    condition: str | None = Field(default=None, description="The ※※ condition of 条件付き必須, verbatim.")
    definition: str | None = Field(default=None, description="項目定義, verbatim.")
    description: str | None = Field(default=None, description="項目説明, verbatim.")
    spec_reference: str | None = Field(default=None, description="標準仕様書関連箇所, verbatim.")
    implementation_required: bool = Field(default=False, description="実装類型 ○: needed by a 実装必須機能.")
    sample: str | None = Field(default=None, description="サンプル値, verbatim.")
    note: str | None = Field(default=None, description="備考, verbatim.")
    source: SourceRow


class DataItem(CatalogModel):
    """An item of the 基本データリスト style record (parent_child names such as 住所_町字).

    ``name`` is the column header of export files and the property name in API documents.
    """

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    type: Literal["string", "integer", "date", "code", "flag"]
    length: Annotated[int, Field(ge=1)] | None = None
    char_class: Literal["digits", "katakana", "alphabet", "text", "koseki_text"] | None = None
    pattern: str | None = Field(default=None, description="Regular expression the whole value must match.")
    check_digit: Literal["m11w2-7", "my_number", "lg_code"] | None = None
    code_table: str | None = None
    calendar: Literal["strict", "lenient"] = Field(
        default="strict", description="lenient: non-calendar dates such as 2月29日 of a common year are allowed."
    )
    required: bool = False
    required_when: Condition | None = None
    applies_to: Annotated[AppliesTo, LaxEnum] = AppliesTo.ALL
    personal: bool = Field(default=False, description="Personal data: masked in every report.")
    official: OfficialDataItem | None = Field(
        default=None, description="The official 基本データリスト row the item was imported from, verbatim.")
    provenance: Provenance

    @field_validator("pattern")
    @classmethod
    def _safe_pattern(cls, value: str | None) -> str | None:
        """Compiled at load, and refused when it could backtrack catastrophically (regex_safety)."""
        if value is not None:
            from conformance.catalog.regex_safety import UnsafePattern, check_pattern

            try:
                check_pattern(value)
            except UnsafePattern as error:
                detail = f"pattern {value[:80]!r}: {error}"
                raise PydanticCustomError(RULE_ERROR, "{detail}", {"detail": detail}) from None
        return value


class Code(CatalogModel):
    """One value of a code table."""

    code: Annotated[str, Field(min_length=1)]
    label: Annotated[str, Field(min_length=1)]
    level: Annotated[Level, LaxEnum] = Level.REQUIRED
    note: str | None = Field(default=None, description="備考 of the official code list, verbatim.")


class CodeTable(CatalogModel):
    """A code table (住民種別, 続柄 ...)."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    codes: Annotated[tuple[Code, ...], LaxSeq, Field(min_length=1)]
    code_id: str | None = Field(default=None, description="コードID of the official code list.")
    any_value: bool = Field(
        default=False, description="The official list allows any value the municipality chooses (コード値 任意): "
        "its codes are not an enumeration.")
    source: SourceRow | None = None
    provenance: Provenance


class FormField(CatalogModel):
    """A field printed on a form, with the data item it shows."""

    name: Annotated[str, Field(min_length=1)]
    data_item: str | None = None
    omissible: bool = False


class FormQuote(CatalogModel):
    """The spec text a form rule rests on, and how we read it where the text leaves room."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    text: Annotated[str, Field(min_length=1, description="The requirement's words, verbatim (an excerpt).")]
    interpretation: str | None = Field(default=None, description="Ours, not the spec's: how the rule is read.")


class FormOmission(CatalogModel):
    """An omission switch (省略の指定, 5.1 R001): when the requester asks, its items are not printed."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1, description="The spec's name of the switch, verbatim.")]
    applies_to: Annotated[AppliesTo, LaxEnum] = AppliesTo.ALL


class FormItem(CatalogModel):
    """An item printed on a form, in the order the form prints them.

    ``label`` is the text a printed line starts with (the 様式 of chapter 4 is not in our source: the
    labels are ours); ``values`` name the test data columns (migration headers) printed after it.
    """

    label: Annotated[str, Field(min_length=1)]
    values: Annotated[tuple[str, ...], LaxSeq] = Field(
        default=(), description="The migration headers whose values are printed, joined (none: nothing to print).")
    applies_to: Annotated[AppliesTo, LaxEnum] = AppliesTo.ALL
    date: Literal["wareki", "seireki_for_foreign"] | None = Field(
        default=None, description="wareki: 和暦 always (1.1.9); seireki_for_foreign: 西暦 for a foreign "
        "resident, 和暦 otherwise. A 不詳 date is printed as recorded (1.1.8).")
    furigana: bool = Field(default=False, description="Furigana may follow in brackets, katakana only (5.3).")
    omission: str | None = Field(default=None, description="Id of the omission switch that leaves it out.")


class Form(CatalogModel):
    """A printed certificate or notice (帳票)."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    form_id: str | None = Field(default=None, pattern=FORM_ID_PATTERN, description="Official 帳票ID, when known.")
    fields: Annotated[tuple[FormField, ...], LaxSeq] = ()
    # -- forms checked as printed (docs/forms.md) --------------------------------------------------
    scope: Literal["person", "household", "town"] | None = Field(
        default=None, description="Whom one copy shows: the person asked for, the whole household "
        "(世帯全員, 世帯連記式), or a 町字 (閲覧用).")
    removed: bool = Field(default=False, description="A 除票 form: the person's record was removed (moved "
                          "out, deceased).")
    items: Annotated[tuple[FormItem, ...], LaxSeq] = ()
    omissions: Annotated[tuple[FormOmission, ...], LaxSeq] = ()
    certification: Literal["last_page", "none"] = Field(
        default="none", description="last_page: 認証文 printed once, on the last page only (5.1 R004, R005).")
    issue_number: Literal["every_page", "none"] = Field(
        default="none", description="every_page: each page carries the 発行番号 with its page/total (5.5).")
    tsusho_sheet: bool = Field(default=False, description="通称の記載及び削除に関する事項 on a 別紙 counted "
                               "in the pages, before the 認証文 (5.1 R005).")
    member_order: Literal["j1010"] | None = Field(default=None, description="世帯員 order of 5.2 (j1010).")
    official_use: bool = Field(default=False, description="「公用」 can be printed on it (5.7 R001).")
    quotes: Annotated[tuple[FormQuote, ...], LaxSeq] = ()
    provenance: Provenance

    @model_validator(mode="after")
    def _form_references(self) -> Form:
        """An item's omission is one of the form's switches; switch ids and labels are unique."""
        switches = [omission.id for omission in self.omissions]
        errors = [
            _rule_error(("items", index, "omission"), messages.unknown_reference("omission switch", item.omission,
                                                                                 switches), item.omission)
            for index, item in enumerate(self.items) if item.omission is not None and item.omission not in switches
        ]
        for key, values in (("omissions", switches), ("items", [item.label for item in self.items])):
            errors.extend(
                _rule_error((key, index), f"{value!r} is listed twice; expected each once", value)
                for index, value in enumerate(values) if value in values[:index]
            )
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self


class SchemaProperty(CatalogModel):
    """A property of an API document: a data item, another schema, or a list of a schema."""

    name: Annotated[str, Field(min_length=1)]
    data_item: str | None = None
    object: str | None = Field(default=None, description="Schema id of a nested object.")
    list_of: str | None = Field(default=None, description="Schema id of the list's items.")
    type: Literal["string", "integer", "boolean"] | None = None
    required: bool = False
    label: str | None = Field(default=None, description="項目名 of the API仕様書, verbatim.")
    description: str | None = Field(default=None, description="項目説明 of the API仕様書, verbatim.")
    data_type: str | None = Field(
        default=None, description="データ型 of the API仕様書, verbatim (X, Ｎ, 9, DATE, TIME, 構造化, 配列構造化 ...). "
        "When set, the property follows the API仕様書's rules in the OpenAPI document: present when required "
        "(◎), null only when nullable (〇).")
    fixed_value: str | None = Field(default=None, description="The value the 備考 fixes (\"...\"固定値).")
    length: Annotated[int, Field(ge=1)] | None = Field(default=None, description="データ長（桁数）: characters.")
    nullable: bool = Field(default=False, description="null設定有無 〇: the value may be null.")
    condition: str | None = Field(default=None, description="The ※※ condition under which it is required, verbatim.")
    note: str | None = Field(default=None, description="備考 of the API仕様書, verbatim.")
    example: str | None = Field(default=None, description="記述例 value, verbatim.")
    source: SourceRow | None = None


class Schema(CatalogModel):
    """A named API document shape (a resident, a household, a certificate ...)."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    properties: Annotated[tuple[SchemaProperty, ...], LaxSeq, Field(min_length=1)]
    open: bool = Field(default=False, description="Other properties may be present (an answer that carries parts of "
                       "other domains, each published by its own domain: conformance catalog openapi --domain D).")
    provenance: Provenance


class Parameter(CatalogModel):
    """A path or query parameter of an API operation."""

    name: Annotated[str, Field(min_length=1)]
    location: Literal["path", "query"]
    data_item: str | None = None
    type: Literal["string", "integer", "date-time"] | None = None
    required: bool = False


class Response(CatalogModel):
    """One documented response of an API operation."""

    status: Annotated[int, Field(ge=100, le=599)]
    description: Annotated[str, Field(min_length=1)]
    body: str | None = Field(default=None, description="Schema id of the JSON body.")
    media_type: Literal["application/json", "text/csv"] = "application/json"


class ErrorCode(CatalogModel):
    """One row of an API仕様書's エラーコード一覧."""

    code: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1, description="エラー名.")]
    message: Annotated[str, Field(min_length=1, description="エラー内容 (the message template), verbatim.")]
    note: str | None = Field(default=None, description="備考, verbatim.")


class ApiInterface(CatalogModel):
    """A PULL-type API operation of the linkage specification."""

    kind: Literal["api"]
    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    method: Literal["get", "post", "put", "delete"]
    path: Annotated[str, Field(pattern=r"^/")]
    parameters: Annotated[tuple[Parameter, ...], LaxSeq] = ()
    request: str | None = Field(default=None, description="Schema id of the JSON request body.")
    responses: Annotated[tuple[Response, ...], LaxSeq, Field(min_length=1)]
    call_name: str | None = Field(default=None, description="APIコール名 of the API仕様書.")
    operation: str | None = Field(default=None, description="操作種類 of the API仕様書 (Create, Read ...).")
    security: Literal["bearer"] | None = Field(
        default=None, description="bearer: an OAuth2 access token in the Authorization header is required.")
    error_codes: Annotated[tuple[ErrorCode, ...], LaxSeq] = ()
    source: SourceRow | None = None
    provenance: Provenance


class FileColumn(CatalogModel):
    """A column of an export file layout, bound to a data item."""

    data_item: Annotated[str, Field(min_length=1)]
    header: Annotated[str, Field(min_length=1)]
    width: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="format fixed only, and required there: the field's width in bytes of the file's encoding "
        "(a double-byte character counts two).",
    )


class FileReference(CatalogModel):
    """A relation of the 移行ファイル関連図 between two file layouts: every non-empty value of
    ``column`` in this layout's file is a value of ``key`` in the file of layout ``layout``."""

    column: Annotated[str, Field(min_length=1, description="Header of a column of this layout.")]
    layout: Annotated[str, Field(pattern=ENTRY_ID_PATTERN, description="Id of a file layout of the edition.")]
    key: Annotated[str, Field(min_length=1, description="Header of a column of that layout.")]


#: The bytes each ``record_terminator`` of a fixed-length layout stands for.
RECORD_TERMINATORS: dict[str, bytes] = {"crlf": b"\r\n", "lf": b"\n", "none": b""}
#: The layout fields that only a fixed-length layout has (refused in the others when given).
FIXED_ONLY_FIELDS = ("record_terminator", "padding")
#: A pydantic error type of our own: its ``detail`` is already worded (conformance.messages), and
#: the loader shows it as it is, at the line of the field it is located at.
RULE_ERROR = "catalog_rule"


class FileInterface(CatalogModel):
    """An export or migration file layout.

    A ``fixed`` layout has no header line: its columns are cut from each record by their
    ``width`` in bytes, in order, and each record ends with ``record_terminator``.
    """

    model_config = ConfigDict(json_schema_extra={
        # The cross-field rule of _fixed_fields, for editors (the loader enforces it either way).
        "if": {"properties": {"format": {"const": "fixed"}}, "required": ["format"]},
        "then": {"properties": {"columns": {"items": {"required": ["width"]}, "minItems": 1}}},
        "else": {
            "properties": {"columns": {"items": {"not": {"required": ["width"]}}}},
            "not": {"anyOf": [{"required": [name]} for name in FIXED_ONLY_FIELDS]},
        },
    })

    kind: Literal["file"]
    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1)]
    format: Literal["csv", "fixed", "xml"]
    encodings: Annotated[tuple[Literal["utf-8", "utf-8-sig", "cp932", "shift_jis"], ...], LaxSeq] = (
        "utf-8",
    )
    columns: Annotated[tuple[FileColumn, ...], LaxSeq] = ()
    record_terminator: Literal["crlf", "lf", "none"] = Field(
        default="crlf", description="format fixed only: the bytes ending each record (none: records follow "
        "one another directly).",
    )
    padding: Annotated[str, Field(min_length=1)] = Field(
        default=" ", description="format fixed only: the characters a value is padded with, on its right, to "
        "its width; they are stripped before the value is judged.",
    )
    references: Annotated[tuple[FileReference, ...], LaxSeq] = Field(
        default=(), description="Cross-file rules (移行ファイル関連図): columns whose values are keys of "
        "another layout's file.",
    )
    provenance: Provenance

    @model_validator(mode="after")
    def _fixed_fields(self) -> FileInterface:
        """Widths, the record terminator and the padding belong to fixed-length layouts, and every
        column of one needs its width (a missing one would shift every field after it)."""
        errors = list(self._width_errors() if self.format == "fixed" else self._fixed_only_errors())
        errors.extend(self._reference_column_errors())
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    def _width_errors(self) -> list[InitErrorDetails]:
        if not self.columns:
            return [_rule_error(("columns",), messages.no_fixed_columns(), [])]
        return [
            _rule_error(("columns", index), messages.missing_fixed_width(column.header),
                        column.model_dump(exclude_none=True))
            for index, column in enumerate(self.columns) if column.width is None
        ]

    def _fixed_only_errors(self) -> list[InitErrorDetails]:
        errors = [
            _rule_error(("columns", index, "width"), messages.fixed_only("width", column.width, self.format),
                        column.width)
            for index, column in enumerate(self.columns) if column.width is not None
        ]
        errors.extend(
            _rule_error((name,), messages.fixed_only(name, getattr(self, name), self.format), getattr(self, name))
            for name in FIXED_ONLY_FIELDS if name in self.model_fields_set
        )
        return errors

    def _reference_column_errors(self) -> list[InitErrorDetails]:
        """A reference names a column of this layout (the other layout is checked by the loader,
        which sees the whole edition)."""
        headers = [column.header for column in self.columns]
        return [
            _rule_error(("references", index, "column"), messages.unknown_layout_column(reference.column, headers),
                        reference.column)
            for index, reference in enumerate(self.references) if reference.column not in headers
        ]


def _rule_error(loc: tuple[str | int, ...], detail: str, value: object) -> InitErrorDetails:
    # Raised as a ValidationError from a model validator, pydantic prefixes these locs with the
    # model's own, so each error points at the column or field it is about.
    return InitErrorDetails(type=PydanticCustomError(RULE_ERROR, "{detail}", {"detail": detail}), loc=loc,
                            input=value)


Interface = Annotated[ApiInterface | FileInterface, Field(discriminator="kind")]


class SourceFile(CatalogModel):
    """An official file an edition was imported from."""

    file: Annotated[str, Field(min_length=1)]
    title: Annotated[str, Field(min_length=1)]
    official_name: str | None = Field(default=None, description="The file name as the publisher distributed it.")
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class FunctionEntry(CatalogModel):
    """A function with an official 機能ID, as the 標準仕様書 names it.

    A function becomes a requirement (with a level) only where the source gives its 類型; until then
    it is listed here with ``level`` null, so nothing is guessed (docs/catalog-ids.md).
    """

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    function_id: Annotated[str, Field(pattern=FUNCTION_ID_PATTERN, description="機能ID.")]
    name: Annotated[str, Field(min_length=1, description="The function's name, verbatim.")]
    level: Annotated[Level, LaxEnum] | None = Field(
        default=None, description="From the source's 類型; null when the source does not classify it.")
    mentions: Annotated[tuple[Source, ...], LaxSeq, Field(min_length=1)] = Field(
        description="Every paragraph of the source that names the 機能ID (a business-flow step).")
    texts: Annotated[tuple[str, ...], LaxSeq, Field(min_length=1)] = Field(
        description="The text of each mention, verbatim, in the order of ``mentions``.")


class IdChange(CatalogModel):
    """An id an accepted re-import changed (``id_changes.yaml``; conformance/catalog/importers/id_guard.py)."""

    id: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    change: Literal["text_changed", "retired", "added"]
    old_text: str | None = None
    new_text: str | None = None


class Edition(CatalogModel):
    """`edition.yaml`: one edition of one domain's specification."""

    domain: Literal[DOMAIN_SLUGS]  # type: ignore[valid-type]
    domain_name: Annotated[str, Field(min_length=1)]
    edition: Annotated[str, Field(pattern=EDITION_PATTERN)]
    kind: Literal["specification", "statute"] = Field(
        default="specification", description="statute: the law's text, not the 標準仕様書 (shown in every report).")
    document: Annotated[str, Field(min_length=1)]
    published: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")]
    publisher: Annotated[str, Field(min_length=1)]
    attribution: str | None = None
    sources: Annotated[tuple[SourceFile, ...], LaxSeq] = Field(
        default=(), description="The official files the edition was imported from, with their SHA-256.")


#: How every report names an edition that quotes the law instead of the 標準仕様書 (ja, en).
STATUTE_LABEL = ("法令版（法令の条文。標準仕様書ではない）",
                 "statute edition (the law's text, not the standard specification)")
SPECIFICATION_LABEL = ("標準仕様書", "standard specification")


def edition_label(edition: Edition | None) -> tuple[str, str]:
    """What an edition is, in Japanese and English: a statute edition or the 標準仕様書."""
    return STATUTE_LABEL if edition is not None and edition.kind == "statute" else SPECIFICATION_LABEL


#: The levels as the 標準仕様書 that classify functions by 類型 name them (共通機能標準仕様書 第2.1版 §1:
#: 類型1 実装必須機能, 類型2 実装不可機能, 類型3 標準オプション機能), the vocabulary of the 適合状況一覧.
RUIKEI_TERMS: dict[Level, str] = {Level.REQUIRED: "実装必須機能", Level.OPTIONAL: "標準オプション機能",
                                  Level.PROHIBITED: "実装不可機能"}
#: 住民記録システム標準仕様書 第1.0版's own terms: its level headings (【実装すべき機能】 ...).
FIRST_EDITION_TERMS: dict[Level, str] = {Level.REQUIRED: "実装すべき機能",
                                         Level.OPTIONAL: "実装してもしなくても良い機能",
                                         Level.PROHIBITED: "実装しない機能"}
#: A law has no levels: what a statute edition's level means is ours (docs/catalog-ids.md "Levels":
#: a sentence the law makes a duty is required; 「できる」 leaves room, optional).
STATUTE_TERMS: dict[Level, str] = {Level.REQUIRED: "義務規定（ハーネスの区分）",
                                   Level.OPTIONAL: "「できる」規定・裁量（ハーネスの区分）",
                                   Level.PROHIBITED: "禁止規定（ハーネスの区分）"}


def level_terms(edition: Edition | None, requirements: Iterable[Requirement]) -> dict[Level, str]:
    """The words an edition names its levels with: its own level headings where its requirements
    carry them (第1.0版), the law's ours for a statute edition, the 類型 of the 標準仕様書 otherwise."""
    if edition is not None and edition.kind == "statute":
        return STATUTE_TERMS
    headings = set(FIRST_EDITION_TERMS.values())
    if any(requirement.source.block in headings for requirement in requirements):
        return FIRST_EDITION_TERMS
    return RUIKEI_TERMS


class CatalogDocument(CatalogModel):
    """Any other YAML file of an edition directory: lists of entries, each validated on its own."""

    requirements: Annotated[tuple[Requirement, ...], LaxSeq] = ()
    bindings: Annotated[tuple[Binding, ...], LaxSeq] = ()
    data_items: Annotated[tuple[DataItem, ...], LaxSeq] = ()
    code_tables: Annotated[tuple[CodeTable, ...], LaxSeq] = ()
    forms: Annotated[tuple[Form, ...], LaxSeq] = ()
    interfaces: Annotated[tuple[Interface, ...], LaxSeq] = ()
    schemas: Annotated[tuple[Schema, ...], LaxSeq] = ()
    functions: Annotated[tuple[FunctionEntry, ...], LaxSeq] = ()
    id_changes: Annotated[tuple[IdChange, ...], LaxSeq] = ()
    duties: Annotated[tuple[DutyDeclaration, ...], LaxSeq] = ()
    not_automated: Annotated[tuple[NotAutomatedDeclaration, ...], LaxSeq] = ()


#: The model each list of a CatalogDocument holds, so the loader can validate entry by entry.
ENTRY_MODELS: dict[str, Any] = {
    "requirements": Requirement,
    "bindings": Binding,
    "data_items": DataItem,
    "code_tables": CodeTable,
    "forms": Form,
    "interfaces": Interface,
    "schemas": Schema,
    "functions": FunctionEntry,
    "id_changes": IdChange,
    "duties": DutyDeclaration,
    "not_automated": NotAutomatedDeclaration,
}
