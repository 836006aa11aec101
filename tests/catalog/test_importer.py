"""The 第1.0版 source-text importer against the real source and small synthetic sources."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conformance.catalog.importers.jumin_text import import_source, parse_source
from conformance.catalog.models import REQUIREMENT_ID_PATTERN, Level, Requirement, RequirementKind
from conformance.errors import SpecError

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "spec_sources" / "juminkiroku_v1.0"
CATALOG = ROOT / "spec_catalog" / "jumin" / "1.0"

# The direct count knows the level headings itself, independently of the importer, including the
# misspelt optional heading of j370.txt ("良い能能").
HEADINGS = {
    "【実装すべき機能】": Level.REQUIRED,
    "【実装してもしなくても良い機能】": Level.OPTIONAL,
    "【実装してもしなくても良い能能】": Level.OPTIONAL,
    "【実装しない機能】": Level.PROHIBITED,
}

Texts = dict[tuple[str, Level], Counter[str]]


def direct_texts() -> Texts:
    """Per (section, level), the stripped non-empty lines of the source files, read naively."""
    texts: Texts = {}
    for path in SOURCE.glob("j*.txt"):
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        section = lines[0].split(" ", 1)[0].rstrip(".")
        level: Level | None = None
        for line in (raw.strip() for raw in lines[1:]):
            if line in HEADINGS:
                level = HEADINGS[line]
            elif line:
                assert level is not None, f"{path.name}: text before a heading"
                texts.setdefault((section, level), Counter())[line] += 1
    return texts


def imported_texts(requirements: tuple[Requirement, ...]) -> Texts:
    """The same grouping of the importer's output."""
    texts: Texts = {}
    for requirement in requirements:
        key = (requirement.source.section, requirement.level)
        texts.setdefault(key, Counter())[requirement.text] += 1
    return texts


@pytest.fixture(scope="module")
def requirements() -> tuple[Requirement, ...]:
    return parse_source(SOURCE)


def by_id(requirements: tuple[Requirement, ...]) -> dict[str, Requirement]:
    return {r.id: r for r in requirements}


def test_counts_per_level_equal_a_direct_count(requirements: tuple[Requirement, ...]) -> None:
    direct: Counter[Level] = Counter()
    for (_, level), texts in direct_texts().items():
        direct[level] += texts.total()
    assert Counter(r.level for r in requirements) == direct
    assert direct == {Level.REQUIRED: 845, Level.OPTIONAL: 36, Level.PROHIBITED: 76}


def test_counts_per_section_and_level_equal_a_direct_count(requirements: tuple[Requirement, ...]) -> None:
    direct = {key: texts.total() for key, texts in direct_texts().items()}
    imported = {key: texts.total() for key, texts in imported_texts(requirements).items()}
    assert imported == direct


def test_texts_per_section_and_level_equal_the_source(requirements: tuple[Requirement, ...]) -> None:
    assert imported_texts(requirements) == direct_texts()


def test_every_section_file_is_imported(requirements: tuple[Requirement, ...]) -> None:
    assert {r.source.file for r in requirements} == {p.name for p in SOURCE.glob("j*.txt")}


def test_ids_are_unique_and_match_the_pattern(requirements: tuple[Requirement, ...]) -> None:
    ids = [r.id for r in requirements]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(REQUIREMENT_ID_PATTERN, i) for i in ids)


def test_id_is_section_level_letter_and_paragraph(requirements: tuple[Requirement, ...]) -> None:
    letters = {Level.REQUIRED: "R", Level.OPTIONAL: "O", Level.PROHIBITED: "P"}
    for r in requirements:
        assert r.id == f"jumin-1.0-{r.source.section}-{letters[r.level]}{r.source.paragraph:03d}"


def test_first_required_paragraph_of_3_4(requirements: tuple[Requirement, ...]) -> None:
    first = by_id(requirements)["jumin-1.0-3.4-R001"]
    assert first.text.startswith("支援対象者（併せて支援を求める者を含む。")
    assert first.level is Level.REQUIRED
    assert first.kind is RequirementKind.FUNCTION
    assert first.source.model_dump() == {
        "document": "住民記録システム標準仕様書",
        "edition": "1.0",
        "section": "3.4",
        "title": "支援措置",
        "block": "実装すべき機能",
        "paragraph": 1,
        "file": "j440.txt",
    }
    assert first.function_id is None and first.form_id is None and first.checks == ()


def test_first_prohibited_paragraph_of_1_1_9(requirements: tuple[Requirement, ...]) -> None:
    first = by_id(requirements)["jumin-1.0-1.1.9-P001"]
    assert first.source.file == "j90.txt"
    assert first.source.block == "実装しない機能"
    assert first.kind is RequirementKind.DATA_ITEM


def test_misspelt_optional_heading_is_a_heading_not_a_paragraph(
    requirements: tuple[Requirement, ...],
) -> None:
    assert not [r for r in requirements if "能能" in r.text]
    # j370.txt: one required paragraph, then the misspelt optional and the prohibited headings, both empty.
    assert [r.id for r in requirements if r.source.section == "2.2.3"] == ["jumin-1.0-2.2.3-R001"]


@pytest.mark.parametrize(
    ("section", "kind"),
    [
        ("1.1.1", RequirementKind.DATA_ITEM),
        ("1.1.19", RequirementKind.DATA_ITEM),
        ("1.2.2", RequirementKind.DATA_ITEM),
        ("1.3.1", RequirementKind.FUNCTION),
        ("5.1", RequirementKind.FORM),
        ("4.1.3.0.3", RequirementKind.FUNCTION),
        ("11.1", RequirementKind.FUNCTION),
    ],
)
def test_kind_by_section(requirements: tuple[Requirement, ...], section: str, kind: RequirementKind) -> None:
    assert {r.kind for r in requirements if r.source.section == section} == {kind}


def test_reimport_reproduces_the_committed_catalog(tmp_path: Path) -> None:
    report = import_source(SOURCE, tmp_path)
    produced = sorted(p.relative_to(tmp_path).as_posix() for p in report.files)
    committed = sorted(
        p.relative_to(CATALOG).as_posix()
        for p in [CATALOG / "edition.yaml", *(CATALOG / "requirements").glob("*.yaml")]
    )
    assert produced == committed
    for name in produced:
        assert (tmp_path / name).read_bytes() == (CATALOG / name).read_bytes(), name
    assert dict(report.counts) == {Level.REQUIRED: 845, Level.OPTIONAL: 36, Level.PROHIBITED: 76}


def test_committed_catalog_reloads_to_the_parsed_requirements(requirements: tuple[Requirement, ...]) -> None:
    reloaded: list[Requirement] = []
    for path in sorted((CATALOG / "requirements").glob("ch*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["requirements"]:
            assert isinstance(item["source"]["section"], str)
            assert isinstance(item["source"]["edition"], str)
            assert "function_id" not in item and "checks" not in item
            reloaded.append(Requirement.model_validate(item, strict=False))
    assert tuple(reloaded) == requirements


# --- synthetic sources -------------------------------------------------------------------------

# Like the real index.md: a BOM, a group heading, and entries ending in two spaces.
INDEX = "\ufeff# 9. 見出し\n## [9.1. 試験 (10)](https://example.invalid/j10.txt)  \n"


def write_source(directory: Path, section_text: str, index: str = INDEX) -> Path:
    directory.mkdir()
    (directory / "index.md").write_text(index, encoding="utf-8")
    (directory / "j10.txt").write_text(section_text, encoding="utf-8")
    return directory


def test_bom_and_surrounding_whitespace_are_stripped_inner_text_kept(tmp_path: Path) -> None:
    text = (
        "\ufeff9.1. 試験\n\n【実装すべき機能】\n\u3000 前後に 空白\u3000がある。\t\r\n"
        "\n【実装しない機能】\n禁止。\n"
    )
    (requirement, prohibited) = parse_source(write_source(tmp_path / "src", text))
    assert requirement.text == "前後に 空白\u3000がある。"
    assert requirement.id == "jumin-1.0-9.1-R001"
    assert requirement.source.title == "試験"
    assert prohibited.id == "jumin-1.0-9.1-P001"


def test_heading_that_disagrees_with_the_index_is_an_error(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "\ufeff9.2. 別の題\n【実装すべき機能】\n本文。\n")
    with pytest.raises(SpecError) as caught:
        parse_source(source)
    assert caught.value.errors == [
        f"{source / 'j10.txt'}:1: heading section 9.2 disagrees with index.md:2 (9.1)",
        f"{source / 'j10.txt'}:1: heading title '別の題' disagrees with index.md:2 ('試験')",
    ]


def test_paragraph_before_any_block_header_is_an_error(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "\ufeff9.1. 試験\n\n前置き。\n【実装すべき機能】\n本文。\n")
    with pytest.raises(SpecError) as caught:
        parse_source(source)
    assert str(caught.value) == f"{source / 'j10.txt'}:3: paragraph before the first block header"


def test_files_and_index_must_match(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "\ufeff9.1. 試験\n【実装すべき機能】\n本文。\n")
    (source / "j20.txt").write_text("9.2. 追加\n", encoding="utf-8")
    with open(source / "index.md", "a", encoding="utf-8") as index:
        index.write("## [9.3. 欠落 (30)](https://example.invalid/j30.txt)\n")
    with pytest.raises(SpecError) as caught:
        parse_source(source)
    assert caught.value.errors == [
        f"{source / 'index.md'}:3: j30.txt is listed but does not exist",
        f"{source / 'j20.txt'}:1: section file is not listed in index.md",
    ]


def test_unknown_level_heading_is_an_error(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "9.1. 試験\n【実装すべき機能】\n本文。\n【実装するかも機能】\n")
    with pytest.raises(SpecError) as caught:
        parse_source(source)
    assert str(caught.value) == f"{source / 'j10.txt'}:4: unknown level block heading 【実装するかも機能】"


def test_failed_import_writes_nothing_and_stale_chapters_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "requirements").mkdir(parents=True)
    (out / "requirements" / "ch42.yaml").write_text("requirements: []\n", encoding="utf-8")
    (out / "bindings.yaml").write_text("bindings: []\n", encoding="utf-8")
    bad = write_source(tmp_path / "bad", "9.1. 試験\n前置き。\n")
    with pytest.raises(SpecError):
        import_source(bad, out)
    assert sorted(p.name for p in out.rglob("*")) == ["bindings.yaml", "ch42.yaml", "requirements"]

    good = write_source(tmp_path / "good", "9.1. 試験\n【実装すべき機能】\n本文。\n")
    report = import_source(good, out)
    assert report.removed == (out / "requirements" / "ch42.yaml",)
    assert report.files == (out / "edition.yaml", out / "requirements" / "ch09.yaml")
    assert sorted(p.name for p in out.rglob("*")) == [
        "bindings.yaml",
        "ch09.yaml",
        "edition.yaml",
        "requirements",
    ]
