"""The importers of the official templates, on the real files of 共通機能標準仕様書 第2.1版 and on small
synthetic ones. The real files are beside the checkout (../shared/spec_sources), in CI too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conformance.catalog.importers import import_official, render_official
from conformance.catalog.importers.spec_docx import headings
from conformance.catalog.loader import load_edition
from conformance.catalog.models import Level
from conformance.catalog.openapi import build_openapi
from conformance.cli import app
from conformance.errors import SpecError, UsageError
from conformance.locations import default_catalog_root

SOURCES = Path(__file__).resolve().parents[3] / "shared" / "spec_sources" / "kyotsu_kino_v2.1"
DOCX = SOURCES / "kyotsu_kino_hyojun_shiyosho_v2.1.docx"
SHINKYU = SOURCES / "kyotsu_kino_v2.1_shinkyu_taishohyo.docx"
KOMOKU = SOURCES / "jutogai_komoku_teigisho.xlsx"
API = SOURCES / "jutogai_fuban_api_shiyo_v2.0.xlsx"
COMMITTED = default_catalog_root() / "kyotsu" / "2.1"

pytestmark = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/spec_sources is not beside the checkout")


# -- byte for byte ----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [DOCX, KOMOKU, API], ids=["docx", "komoku", "api"])
def test_each_importer_reproduces_the_committed_catalog(source: Path) -> None:
    rendered = render_official(source, "kyotsu", "2.1")
    assert rendered.files
    for name, text in rendered.files.items():
        assert (COMMITTED / name).read_bytes() == text.encode("utf-8"), name


def test_the_command_writes_the_committed_edition(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["catalog", "import", "--from", str(DOCX), "--from", str(KOMOKU),
                                      "--from", str(API), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.yaml"))
    assert written == ["code_tables.yaml", "data_items.yaml", "edition.yaml", "functions.yaml", "interfaces.yaml",
                       "requirements/data_items.yaml", "requirements/interfaces.yaml", "schemas.yaml"]
    for name in written:
        assert (tmp_path / name).read_bytes() == (COMMITTED / name).read_bytes()
    # What cannot be classified is reported, not guessed.
    assert "unclassified: kyotsu_kino_hyojun_shiyosho_v2.1.docx: paragraph 358: 機能ID 0310001" in result.output


def test_the_committed_edition_loads_without_errors() -> None:
    edition = load_edition(COMMITTED)
    assert edition.errors == ()
    assert edition.edition is not None and edition.edition.publisher == "デジタル庁"
    assert edition.edition.published == "2023-09"
    assert len(edition.data_items) == 29 and len(edition.functions) == 18 and len(edition.interfaces) == 1


# -- 標準仕様書 docx ---------------------------------------------------------------------------------


def test_sections_are_numbered_as_the_shinkyu_taishohyo_numbers_them() -> None:
    import docx

    table_text = "\n".join(cell.text for table in docx.Document(str(SHINKYU)).tables
                           for row in table.rows for cell in row.cells)
    numbered = re.findall(r"^([0-9]+(?:\.[0-9]+)+)\.\u3000(\S+)$", table_text, re.MULTILINE)
    ours = dict((title, number) for number, title in headings(DOCX))
    assert numbered, "the 新旧対照表 names numbered headings"
    for number, title in numbered:
        if title in ours:
            assert ours[title] == number, title
    assert ours["将来的なオンライン申請の在り方の検討"] == "2.1.7"


def test_functions_carry_their_real_function_ids_and_verbatim_text() -> None:
    edition = load_edition(COMMITTED)
    functions = {f.function_id: f for f in edition.functions}
    assert sorted(functions) == ["0310001", "0310002", "0310003", "0310004", "0310005", "0310006", "0310007",
                                 "0310008", "0310009", "0310022", "0310023", "0310024", "0320001", "0320002",
                                 "0320003", "0320004", "0320008", "0320021"]
    fuban = functions["0310001"]
    assert fuban.name == "住登外者宛名番号付番"
    assert fuban.mentions[0].section == "2.3.2" and fuban.mentions[0].title == "住登外者宛名番号管理の業務フロー"
    assert fuban.texts[0].startswith("⑫ 住登外者宛名番号付番（機能ID 0310001）\n住登外者宛名番号管理機能は、⑪で")
    assert "住民宛名番号と重複しないよう措置を講じなければならない。" in fuban.texts[0]
    assert len(functions["0310002"].mentions) == 3  # three flows name it
    # No 類型 is given for any function in the 本文: no level, no requirement of kind function.
    assert all(f.level is None for f in edition.functions)
    assert {r.kind.value for r in edition.requirements} == {"data_item", "interface"}  # interface: the API


def test_data_items_are_requirements_with_the_level_of_their_implementation_type() -> None:
    edition = load_edition(COMMITTED)
    requirements = {r.source.section: r for r in edition.requirements if r.kind == "data_item"}
    items = {i.official.data_item_id: i for i in edition.data_items if i.official}
    assert set(requirements) == set(items)
    for data_item_id, item in items.items():
        requirement = requirements[data_item_id]
        assert item.official is not None
        assert (requirement.level is Level.REQUIRED) == item.official.implementation_required
        assert requirement.text == item.official.definition
        assert requirement.function_id == "0310002"  # 標準仕様書関連箇所 0310002住登外者宛名情報管理機能
    assert requirements["03100001"].id == "kyotsu-2.1-03100001-R001"
    assert requirements["03100002"].id == "kyotsu-2.1-03100002-O001"  # 個人番号: 実装類型 empty
    assert sum(1 for r in requirements.values() if r.level is Level.REQUIRED) == 19


def test_every_mention_text_is_a_paragraph_run_of_the_document() -> None:
    import docx

    paragraphs = [p.text for p in docx.Document(str(DOCX)).paragraphs]
    for function in load_edition(COMMITTED).functions:
        for mention, text in zip(function.mentions, function.texts, strict=True):
            lines = text.split("\n")
            assert paragraphs[mention.paragraph - 1: mention.paragraph - 1 + len(lines)] == lines


def _docx(path: Path, table: list[list[str]] | None, steps: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in ("地方公共団体情報システム", "共通機能標準仕様書", "【第9.1版】", "令和9年（2027年）4月", "デジタル庁"):
        document.add_paragraph(line)
    document.add_heading("共通機能の要件の標準について", level=1)
    ruikei = document.add_table(rows=4, cols=3)
    for row, values in zip(ruikei.rows, [["類型", "類型", "説明"], ["類型1", "実装必須機能", "x"],
                                         ["類型2", "実装不可機能", "x"], ["類型3", "標準オプション機能", "x"]],
                           strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("住登外者宛名番号管理機能", level=2)
    if table is not None:
        functions = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(functions.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for step in steps:
        document.add_paragraph(step)
        document.add_paragraph("本文。")
        document.add_paragraph("")
    document.save(str(path))
    return path


def test_a_docx_that_classifies_its_functions_gives_requirements(tmp_path: Path) -> None:
    source = _docx(tmp_path / "spec.docx", [["機能ID", "機能名", "類型"], ["0310001", "付番", "類型1"],
                                            ["0310009", "履歴", "標準オプション機能"], ["0310005", "検索", "類型9"]],
                   ["① 付番（機能ID 0310001）", "② 履歴（機能ID 0310009）", "③ 検索（機能ID 0310005）",
                    "④ 付番（機能ID 0310001）"])
    rendered = render_official(source)
    assert (rendered.domain, rendered.edition) == ("kyotsu", "9.1")
    text = rendered.files["requirements/functions.yaml"]
    assert "id: kyotsu-9.1-1.1-R001" in text and "id: kyotsu-9.1-1.1-R002" in text
    assert "id: kyotsu-9.1-1.1-O001" in text and "0310005" not in text
    problems = [str(p) for p in rendered.unclassified]
    assert any("table 2 row 4" in p and "類型 '類型9'" in p for p in problems)
    assert any("機能ID 0310005" in p and "no 類型" in p for p in problems)


def test_a_docx_of_an_unknown_document_needs_the_domain(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ("何かの標準仕様書", "【第1.0版】", "令和9年（2027年）4月", "デジタル庁"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "x.docx"))
    with pytest.raises(SpecError, match=r"cannot tell the domain of '何かの標準仕様書'.*pass --domain"):
        render_official(tmp_path / "x.docx")


# -- 基本データリスト 項目定義書 -------------------------------------------------------------------------


def test_the_jutogai_table_has_its_29_items_with_official_columns() -> None:
    items = load_edition(COMMITTED).data_items
    assert [i.official.data_item_id for i in items if i.official] == [f"031{n:05d}" for n in range(1, 30)]
    by_romaji = {i.id: i for i in items}
    atena = by_romaji["atenabango"]
    assert atena.official is not None and atena.official.primary_key and atena.required and atena.length == 15
    shimei = by_romaji["shimei"]
    assert shimei.official is not None and shimei.official.output == "条件付き必須"
    assert shimei.official.condition == "氏名未定でない場合は出力必須"
    assert not shimei.required
    assert by_romaji["seibetsu"].type == "code" and by_romaji["seibetsu"].code_table == "code_001"
    assert by_romaji["daihyoatenafuragu"].code_table == "code_002"  # コード '002'
    assert by_romaji["dokujishisakushisutemunadoid"].code_table is None  # 999 自治体固有コード: any value
    assert by_romaji["seinengappi"].type == "date" and by_romaji["seinengappi"].calendar == "lenient"
    assert by_romaji["sosajikoku"].pattern is not None
    assert sum(1 for i in items if i.official and i.official.output == "条件付き必須") == 12
    assert all(i.official.condition for i in items if i.official and i.official.output == "条件付き必須")


def _komoku(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "項目定義書（テスト）"
    header = {"B": "データ項目ID", "D": "データ項目", "E": "データ項目（ローマ字）", "F": "グループ", "I": "クラス分類",
              "L": "データ型", "M": "桁数", "N": "コード", "O": "繰り返し", "P": "データ出力条件", "Q": "項目定義",
              "R": "項目説明", "S": "標準仕様書関連箇所", "T": "実装類型", "U": "サンプル値", "V": "備考"}
    for column, text in header.items():
        sheet[f"{column}5"] = text
    for column, text in {"F": "名称", "G": "主キー", "H": "外部キー", "I": "LV1", "J": "LV2", "K": "LV3"}.items():
        sheet[f"{column}6"] = text
    for offset, row in enumerate(rows):
        for column, value in zip("BCDEFGHIJKLMNOPQRSTUV", row, strict=False):
            sheet[f"{column}{7 + offset}"] = value  # type: ignore[assignment]
    codes = workbook.create_sheet("コード一覧（個別）_テスト")
    codes["A4"] = "コードID"
    workbook.save(path)
    return path


def test_unclassifiable_rows_are_reported_with_their_row_not_guessed(tmp_path: Path) -> None:
    good: list[object] = ["031", 1, "宛名番号", "atenabango", "g", "○", None, "a", None, None, "X", 15, None, None,
                          "必須"]
    rows: list[list[object]] = [good,
            [None, None, "名前だけ", "namae"],
            ["031", 2, "型", "kata", "g", None, None, "a", None, None, "Z", 3, None, None, "任意"],
            ["031", 3, "条件", "joken", "g", None, None, "a", None, None, "X", 3, None, None, "条件付き必須"]]
    rendered = render_official(_komoku(tmp_path / "k.xlsx", rows))
    problems = [str(p) for p in rendered.unclassified]
    assert problems == [
        "k.xlsx!項目定義書（テスト）: row 8: no データ項目ID (基幹業務コード None, item code None): row left out",
        "k.xlsx!項目定義書（テスト）: row 9: データ型 'Z' is none of X, Ｎ, 9, 9V, S9, BLOB, YEAR, DATE, TIME "
        "(凡例）データ型): row left out",
        "k.xlsx!項目定義書（テスト）: row 10: 条件付き必須 without a ※※ condition in 項目説明: row left out",
    ]
    assert "atenabango" in rendered.files["data_items.yaml"]


# -- API仕様書 -----------------------------------------------------------------------------------------


def test_the_api_has_its_40_parameters_and_four_responses() -> None:
    edition = load_edition(COMMITTED)
    (api,) = edition.interfaces
    assert api.kind == "api" and api.method == "post" and api.path == "/app_submit/v10/jutogaishaatenabangofuban"
    assert api.operation == "Create" and api.security == "bearer"
    assert [r.status for r in api.responses] == [200, 400, 401, 503]
    assert [c.code for c in api.error_codes] == ["E0001", "E0002", "E0003", "E0004"]
    schemas = {s.id: s for s in edition.schemas}
    request = schemas["jutogaishaatenabangofuban_request"]
    assert len(request.properties) == 40
    required = [p.name for p in request.properties if p.required]
    assert required == ["shorikubun", "shikuchosonkodo", "nayosemotofuragu", "tagyomusanshofukafuragu",
                        "sosashaid", "sosanengappi", "sosajikoku"]
    atena = next(p for p in request.properties if p.name == "atenabango")
    assert atena.condition == '処理区分"1"、または"2"の場合は必須' and atena.length == 15
    errors = schemas["jutogaishaatenabangofuban_400_errors"]
    assert [p.name for p in errors.properties] == ["code", "message"]


def test_the_openapi_document_has_the_official_call() -> None:
    from openapi_spec_validator import validate

    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", "kyotsu"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    validate(document)
    operation = document["paths"]["/app_submit/v10/jutogaishaatenabangofuban"]["post"]
    assert operation["security"] == [{"bearer": []}]
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    schemas = document["components"]["schemas"]
    assert schemas["jutogaishaatenabangofuban_200_metadata"]["properties"]["detail"]["const"] == "登録が完了しました。"
    assert schemas["jutogaishaatenabangofuban_200"]["properties"]["result"]["type"] == "array"
    assert schemas["jutogaishaatenabangofuban_request"]["properties"]["shorikubun"] == {
        "type": "string", "pattern": "^[\x20-\x7e\uff61-\uff9f]*$", "maxLength": 1}
    assert document == build_openapi(load_edition(COMMITTED))


# -- the command ---------------------------------------------------------------------------------------


def test_xlsx_alone_needs_the_domain_and_edition(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="pass --domain and --edition"):
        import_official([KOMOKU], tmp_path)
    done = import_official([KOMOKU], tmp_path, domain="kyotsu", edition="2.1")
    assert done.out_dir == tmp_path / "kyotsu" / "2.1"


def test_a_domain_that_disagrees_with_the_docx_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--edition 1\.0 disagrees with kyotsu_kino_hyojun_shiyosho_v2\.1\.docx"):
        import_official([DOCX], tmp_path, edition="1.0")


def test_an_unknown_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["catalog", "import", "--from", str(tmp_path / "notes.txt")])
    assert result.exit_code == 2
    assert "notes.txt: .txt is no official template" in result.output


def test_levels_are_the_ruikei_of_section_1() -> None:
    from conformance.catalog.importers.spec_docx import RUIKEI_LEVELS

    assert RUIKEI_LEVELS == {"実装必須機能": Level.REQUIRED, "標準オプション機能": Level.OPTIONAL,
                             "実装不可機能": Level.PROHIBITED}


def test_a_changed_definition_stops_the_import_unless_accepted(tmp_path: Path) -> None:
    from conformance.catalog.importers.id_guard import ID_CHANGES_FILE

    out = tmp_path / "kyotsu" / "2.1"
    import_official([KOMOKU], tmp_path, domain="kyotsu", edition="2.1")
    changed = tmp_path / "komoku.xlsx"
    workbook = openpyxl.load_workbook(KOMOKU)
    sheet = next(s for s in workbook.worksheets if s.title.startswith("項目定義書"))
    assert sheet["Q7"].value.startswith("自治体内において")  # 宛名番号's 項目定義
    sheet["Q7"].value = "書き換えた項目定義"
    workbook.save(changed)
    before = (out / "requirements" / "data_items.yaml").read_bytes()
    with pytest.raises(SpecError, match=r"kyotsu-2\.1-03100001-R001: text would change"):
        import_official([changed], tmp_path, domain="kyotsu", edition="2.1")
    assert (out / "requirements" / "data_items.yaml").read_bytes() == before
    import_official([changed], tmp_path, domain="kyotsu", edition="2.1", accept=True)
    assert "書き換えた項目定義" in (out / ID_CHANGES_FILE).read_text(encoding="utf-8")


def test_the_api_statements_are_optional_interface_requirements_quoted_verbatim() -> None:
    edition = load_edition(COMMITTED)
    api = [r for r in edition.requirements if r.kind == "interface"]
    assert [r.id for r in api] == [f"kyotsu-2.1-0310001-O{n:03d}" for n in range(1, 8)]
    assert {r.level for r in api} == {Level.OPTIONAL}
    assert {r.function_id for r in api} == {"0310001"}
    workbook = openpyxl.load_workbook(API)
    for requirement in api:
        sheet = workbook[requirement.source.block.split(" ")[0]]
        cells = [str(c.value) for c in sheet[requirement.source.paragraph] if c.value is not None]
        assert requirement.text in cells, requirement.id  # one cell of its row, verbatim
    texts = {r.id: r.text for r in api}
    assert "HTTPステータスコード401" in texts["kyotsu-2.1-0310001-O003"]
    assert texts["kyotsu-2.1-0310001-O005"] == '※※処理区分"1"、または"2"の場合は必須'
    header = (COMMITTED / "requirements" / "interfaces.yaml").read_text("utf-8").splitlines()[2]
    assert header.startswith("# Level: the API仕様書 states no 類型; optional (標準オプション) is our reading")


def test_a_missing_statement_stops_the_api_import(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(API)
    sheet = workbook["リクエスト_API仕様"]
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "HTTPステータスコード401" in cell.value:
                cell.value = "（削除）"
    changed = tmp_path / API.name
    workbook.save(changed)
    with pytest.raises(SpecError, match="HTTPステータスコード401"):
        render_official(changed, "kyotsu", "2.1")
