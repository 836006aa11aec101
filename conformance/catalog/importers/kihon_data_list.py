"""Importer of a 基本データリスト 項目定義書 (xlsx): data items and code lists.

The template (sheet 凡例）列項目説明 of every 項目定義書) has 18 columns: データ項目ID, データ項目,
データ項目（ローマ字）, グループ (名称, 主キー, 外部キー), クラス分類 (LV1..LV3), データ型, 桁数, コード,
繰り返し, データ出力条件, 項目定義, 項目説明, 標準仕様書関連箇所, 実装類型, サンプル値, 備考. Columns are
found by their header text (rows ``データ項目ID`` and the one below), not by letter.

Verbatim: every cell is kept as it is in ``official`` (``OfficialDataItem``). Ours (docs/catalog-ids.md):

- データ項目ID: the sheet writes the 3-digit 基幹業務コード in one cell ("031") and the item code in the
  next as a number (1); the id is the two joined, the item code zero-padded to 5 digits (03100001),
  as the legend describes the 8-digit id;
- the ※※ condition of 条件付き必須 is the text after ※※ in 項目説明 (the legend: "「条件付き必須」の場合には、
  その条件を項目説明に、※※で記載");
- the harness's own fields (``type``, ``length``, ``pattern``, ``calendar``, ``code_table``) are
  derived from データ型, 桁数 and コード: X and Ｎ -> string of at most 桁数 characters (X: half-width
  characters, ASCII or half-width katakana), 9 and S9 -> integer, DATE -> date (lenient when 項目説明
  allows 不詳日), TIME -> HH:MM[:SS], YEAR -> YYYY, an item with a code of an enumerated list -> code;
- ``personal`` (masked in reports): items of クラス分類 LV3 氏名, 氏, 名, 生年月日 or 住所, and 個人番号;
- a コード of 999 names the list 自治体固有コード, whose value is 任意: any value, not an enumeration.

Requirements (when the domain and edition are known: from the 標準仕様書 docx imported with it, or
``--domain``/``--edition``): one per item, ``kyotsu-2.1-03100001-R001``: the section is the データ項目ID,
the level is the 実装類型 (○ required, empty optional: the legend says it marks whether the item is
「必須」 or 「任意」 as an output item), the text the 項目定義 verbatim, ``function_id`` the 機能ID the
標準仕様書関連箇所 starts with (0310002住登外者宛名情報管理機能 -> 0310002).

A row that has cells but no データ項目ID, or a value outside the template's vocabulary, is reported
and left out, never guessed. The template's end-marker row (only ``e`` cells) and the marker column
after 備考 are not data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from conformance.catalog.importers.official import Collector, Rendered, cell_text, render_document
from conformance.catalog.models import (
    Code,
    CodeTable,
    DataItem,
    Level,
    OfficialDataItem,
    Provenance,
    Requirement,
    RequirementKind,
    Source,
    SourceRow,
)

TEMPLATE = "基本データリスト 項目定義書 xlsx"
ITEM_SHEET_PREFIX = "項目定義書"
CODE_SHEET_PREFIX = "コード一覧"
DATA_TYPES = ("X", "Ｎ", "9", "9V", "S9", "BLOB", "YEAR", "DATE", "TIME")
OUTPUTS = ("必須", "条件付き必須", "任意")
MARK = "○"
ANY_VALUE = "任意"

#: Header text -> field; the sub-header row (グループ and クラス分類 columns) is read below it.
_HEADERS = {
    "データ項目ID": "gyomu", "データ項目": "name", "データ項目（ローマ字）": "romaji", "データ型": "data_type",
    "桁数": "digits", "コード": "code", "繰り返し": "repetition", "データ出力条件": "output", "項目定義": "definition",
    "項目説明": "description", "標準仕様書関連箇所": "spec_reference", "実装類型": "implementation",
    "サンプル値": "sample", "備考": "note",
}
_SUB_HEADERS = {"名称": "group", "主キー": "primary_key", "外部キー": "foreign_key", "LV1": "lv1", "LV2": "lv2",
                "LV3": "lv3"}
#: ASCII printable characters and half-width katakana (our reading of 半角文字列).
HALF_WIDTH_PATTERN = "^[\\x20-\\x7e\\uff61-\\uff9f]*$"
#: OUR reading of which items are personal data (masked in every report): the クラス分類 LV3 of a person's
#: name, birth date and address, and the 個人番号.
PERSONAL_CLASSES = frozenset({"氏名", "氏", "名", "生年月日", "住所"})
PERSONAL_NAMES = frozenset({"個人番号"})
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
YEAR_PATTERN = "^[0-9]{4}$"


def is_kihon_data_list(sheet_names: list[str]) -> bool:
    """A workbook with a 項目定義書 sheet."""
    return any(name.startswith(ITEM_SHEET_PREFIX) for name in sheet_names)


def parse(path: Path, domain: str | None = None, edition: str | None = None) -> Rendered:
    """Read the workbook and render data_items.yaml and code_tables.yaml; with the domain and edition,
    also requirements/data_items.yaml (one requirement per item, its level from 実装類型)."""
    import openpyxl  # imported here: only the importers need it

    workbook = openpyxl.load_workbook(path, data_only=True)
    collect = Collector()
    tables: list[CodeTable] = []
    for sheet in workbook.worksheets:
        if sheet.title.startswith(CODE_SHEET_PREFIX):
            tables.extend(_code_tables(path, sheet, collect))
    items: list[DataItem] = []
    titles: dict[str, str] = {}
    for sheet in workbook.worksheets:
        if sheet.title.startswith(ITEM_SHEET_PREFIX):
            items.extend(_items(path, sheet, {t.code_id: t for t in tables if t.code_id}, collect))
            titles[sheet.title] = _document_title(sheet)
    if not items:
        collect.error(f"{path}",
                      f"no data item: expected a sheet named {ITEM_SHEET_PREFIX}… with a データ項目ID header")
    collect.raise_if_errors()
    files = {"data_items.yaml": render_document(path, TEMPLATE, "data_items", items),
             "code_tables.yaml": render_document(path, TEMPLATE, "code_tables", tables)}
    counts = {"data items": len(items), "code tables": len(tables),
              "conditional items": sum(1 for i in items if i.official and i.official.output == "条件付き必須")}
    if domain is not None and edition is not None:
        requirements = [_requirement(domain, edition, item, titles) for item in items]
        files["requirements/data_items.yaml"] = render_document(path, TEMPLATE, "requirements", requirements)
        counts = {**counts, "requirements": len(requirements),
                  "required": sum(1 for r in requirements if r.level is Level.REQUIRED)}
    return Rendered(path, TEMPLATE, None, None, files, counts, tuple(collect.unclassified))


def _document_title(sheet: Any) -> str:
    """The title in the sheet's first rows (■地方公共団体情報システム-（…）項目定義書), without the ■."""
    for row in sheet.iter_rows(max_row=3):
        for cell in row:
            text = cell_text(cell.value)
            if text is not None:
                return text.strip().lstrip("■").strip()
    return str(sheet.title)


def _requirement(domain: str, edition: str, item: DataItem, titles: dict[str, str]) -> Requirement:
    """A data item as a requirement: 実装類型 ○ -> required, empty -> optional (the legend: whether the
    item is 「必須」 or 「任意」 as an output item; ○ for 必須)."""
    official = item.official
    assert official is not None
    level = Level.REQUIRED if official.implementation_required else Level.OPTIONAL
    letter = "R" if level is Level.REQUIRED else "O"
    reference = official.spec_reference or ""
    function_id = reference[:7] if re.match(r"[0-9]{7}(?![0-9])", reference) else None
    source = Source(
        document=titles.get(official.source.sheet, official.source.sheet), edition=edition,
        section=official.data_item_id, title=item.name,
        block="実装類型 ○" if official.implementation_required else "実装類型 （空欄）",
        paragraph=1, file=official.source.file,
    )
    return Requirement(id=f"{domain}-{edition}-{official.data_item_id}-{letter}001", kind=RequirementKind.DATA_ITEM,
                       level=level, text=official.definition or item.name, source=source, function_id=function_id)


def _where(path: Path, sheet: Any, row: int, column: str | None = None) -> str:
    return f"{path.name}!{sheet.title}: row {row}" + (f" column {column}" if column else "")


def _header_columns(path: Path, sheet: Any, collect: Collector) -> tuple[int, dict[str, int]] | None:
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 30)):
        texts = {str(c.value).strip(): c.column for c in row if isinstance(c.value, str)}
        if "データ項目ID" not in texts:
            continue
        header_row = row[0].row
        columns = {field: texts[text] for text, field in _HEADERS.items() if text in texts}
        sub = {str(c.value).strip(): c.column for c in sheet[header_row + 1] if isinstance(c.value, str)}
        columns.update({field: sub[text] for text, field in _SUB_HEADERS.items() if text in sub})
        missing = [text for text, field in {**_HEADERS, **_SUB_HEADERS}.items() if field not in columns]
        if missing:
            collect.error(_where(path, sheet, header_row), f"missing columns {', '.join(missing)} of the template")
            return None
        return header_row, columns
    collect.error(f"{path.name}!{sheet.title}: row 1", "no header row with データ項目ID")
    return None


def _items(path: Path, sheet: Any, tables: dict[str, CodeTable], collect: Collector) -> list[DataItem]:
    found = _header_columns(path, sheet, collect)
    if found is None:
        return []
    header_row, columns = found
    last_template_column = max(columns.values())
    items = []
    for row in sheet.iter_rows(min_row=header_row + 2):
        values = {field: row[column - 1].value for field, column in columns.items()}
        cells = [c.value for c in row[:last_template_column] if cell_text(c.value) is not None]
        if not cells or all(str(v).strip() == "e" for v in cells):
            continue  # blank, or the template's end marker
        item = _item(path, sheet, row[0].row, columns, values, tables, collect)
        if item is not None:
            items.append(item)
    return items


def _item(path: Path, sheet: Any, number: int, columns: dict[str, int], values: dict[str, Any],
          tables: dict[str, CodeTable], collect: Collector) -> DataItem | None:
    where = _where(path, sheet, number)
    gyomu, serial = cell_text(values["gyomu"]), _item_code(sheet, number, columns["gyomu"])
    if gyomu is None or not re.fullmatch(r"[0-9]{3}", gyomu) or serial is None:
        collect.skip(where, f"no データ項目ID (基幹業務コード {gyomu!r}, item code {serial!r}): row left out")
        return None
    name, romaji = cell_text(values["name"]), cell_text(values["romaji"])
    data_type = cell_text(values["data_type"])
    output = cell_text(values["output"])
    digits = cell_text(values["digits"])
    problems = []
    if name is None or romaji is None or not re.fullmatch(r"[a-z][a-z0-9_]*", romaji):
        problems.append(f"データ項目 {name!r} / ローマ字 {romaji!r}: expected a name and a lower-case romanized name")
    if data_type not in DATA_TYPES:
        problems.append(f"データ型 {data_type!r} is none of {', '.join(DATA_TYPES)} (凡例）データ型)")
    if output not in OUTPUTS:
        problems.append(f"データ出力条件 {output!r} is none of {', '.join(OUTPUTS)}")
    if digits is None or not re.fullmatch(r"[0-9]+(,[0-9]+)?", digits.strip()):
        problems.append(f"桁数 {digits!r} is not a number (or n,m for 9V)")
    implementation = cell_text(values["implementation"])
    if implementation not in (None, MARK):
        problems.append(f"実装類型 {implementation!r} is neither ○ nor empty")
    description = cell_text(values["description"])
    condition = _condition(description)
    if output == "条件付き必須" and condition is None:
        problems.append("条件付き必須 without a ※※ condition in 項目説明")
    code = cell_text(values["code"])
    table = tables.get(str(int(code))) if code is not None and code.strip().isdigit() else None
    if code is not None and table is None:
        problems.append(f"コード {code!r} names no list of the コード一覧 sheets")
    if problems:
        for problem in problems:
            collect.skip(where, problem + ": row left out")
        return None
    assert name and romaji and data_type and output and digits
    official = OfficialDataItem(
        data_item_id=f"{gyomu}{serial:05d}", romaji=romaji, group=cell_text(values["group"]) or "",
        primary_key=cell_text(values["primary_key"]) == MARK, foreign_key=cell_text(values["foreign_key"]) == MARK,
        classes=tuple(t for t in (cell_text(values[k]) for k in ("lv1", "lv2", "lv3")) if t is not None),
        data_type=data_type, digits=digits.strip(), code=code,  # type: ignore[arg-type]
        repetition=_int(values["repetition"]), output=output,  # type: ignore[arg-type]
        condition=condition, definition=cell_text(values["definition"]), description=description,
        spec_reference=cell_text(values["spec_reference"]), implementation_required=implementation == MARK,
        sample=cell_text(values["sample"]), note=cell_text(values["note"]),
        source=SourceRow(file=path.name, sheet=sheet.title, row=number),
    )
    return DataItem(
        id=romaji, name=name, **_harness_fields(official, table), required=output == "必須",
        personal=bool(PERSONAL_CLASSES.intersection(official.classes[2:])) or name in PERSONAL_NAMES,
        official=official,
        provenance=Provenance(
            reference=f"{path.name} {sheet.title} row {number} (データ項目ID {official.data_item_id}); type, "
                      "length and pattern derived from データ型 and 桁数 by the importer (docs/catalog-ids.md)",
            confirmed=True),
    )


def _item_code(sheet: Any, row: int, gyomu_column: int) -> int | None:
    """The item code in the cell right of the 基幹業務コード (the header データ項目ID spans both)."""
    value = sheet.cell(row=row, column=gyomu_column + 1).value
    if isinstance(value, int) and 0 < value < 100000:
        return value
    text = cell_text(value)
    return int(text) if text is not None and re.fullmatch(r"[0-9]{1,5}", text.strip()) else None


def _int(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if text is not None and text.strip().isdigit() else None


def _condition(description: str | None) -> str | None:
    """The text after ※※ in 項目説明 (the condition of 条件付き必須), verbatim."""
    if description is None or "※※" not in description:
        return None
    return description.split("※※", 1)[1].strip() or None


def _harness_fields(official: OfficialDataItem, table: CodeTable | None) -> dict[str, Any]:
    kind = official.data_type
    fields: dict[str, Any] = {}
    if table is not None and not table.any_value:
        return {"type": "code", "code_table": table.id}
    if kind in ("9", "S9"):
        return {"type": "integer"}
    if kind == "DATE":
        fields = {"type": "date"}
        if official.description and "不詳日を許容" in official.description:
            fields["calendar"] = "lenient"
        return fields
    fields = {"type": "string"}
    if kind in ("X", "Ｎ") and official.digits.isdigit():
        fields["length"] = int(official.digits)
    if kind == "X":
        fields["pattern"] = HALF_WIDTH_PATTERN
    elif kind == "TIME":
        fields["pattern"] = TIME_PATTERN
    elif kind == "YEAR":
        fields["pattern"] = YEAR_PATTERN
    return fields


def _code_tables(path: Path, sheet: Any, collect: Collector) -> list[CodeTable]:
    header_row = next((row[0].row for row in sheet.iter_rows(max_row=min(sheet.max_row, 30))
                       if cell_text(row[0].value) == "コードID"), None)
    if header_row is None:
        collect.error(f"{path.name}!{sheet.title}: row 1", "no header row with コードID")
        return []
    tables: list[tuple[int, str, str, list[Code]]] = []
    for row in sheet.iter_rows(min_row=header_row + 1, max_col=5):
        code_id, name, value, label, note = (cell_text(c.value) for c in row)
        if not any((code_id, name, value, label, note)):
            continue
        where = _where(path, sheet, row[0].row)
        if code_id is not None:
            if not code_id.strip().isdigit() or name is None:
                collect.skip(where, f"コードID {code_id!r} / コード名 {name!r}: expected a number and a name")
                continue
            tables.append((row[0].row, str(int(code_id)), name, []))
        if not tables or value is None or label is None:
            collect.skip(where, "a code value without its list, value or label: row left out")
            continue
        tables[-1][3].append(Code(code=value, label=label, note=note))
    return [
        CodeTable(id=f"code_{int(code_id):03d}", name=name, codes=tuple(codes), code_id=code_id,
                  any_value=[c.code for c in codes] == [ANY_VALUE],
                  source=SourceRow(file=path.name, sheet=sheet.title, row=row),
                  provenance=Provenance(reference=f"{path.name} {sheet.title} row {row} (コードID {code_id})",
                                        confirmed=True))
        for row, code_id, name, codes in tables if codes
    ]
