"""Statute editions: requirements cut verbatim from spec_sources/statutes (docs/catalog-ids.md)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conformance.catalog.importers import importer_for, statutes
from conformance.catalog.loader import load_catalog
from conformance.catalog.models import STATUTE_LABEL
from conformance.catalog.views import catalog_listing
from conformance.errors import SpecError
from conformance.locations import default_catalog_root, project_root

SOURCES = project_root() / statutes.SOURCE_ROOT
EDITIONS = sorted(path.parent for path in default_catalog_root().glob(f"*/*/{statutes.PROVISIONS_FILE}"))


def test_the_nineteen_domains_have_a_statute_edition_of_at_least_15_requirements() -> None:
    """印鑑登録 has no national statute: its edition quotes the complete sentences of two municipalities' 条例 that
    the official pages' excerpts gave (spec_sources/statutes/inkan/SOURCE.md)."""
    domains = {path.parent.name for path in EDITIONS}
    assert len(domains) == 19 and "inkan" in domains and "jumin" not in domains
    for path in EDITIONS:
        edition, requirements = statutes.parse_edition(SOURCES, path)
        assert edition.kind == "statute" and len(requirements) >= 15, path


def test_the_inkan_edition_quotes_two_municipalities_ordinances_without_an_e_gov_id() -> None:
    """Each requirement says whose 条例 it quotes: 亘理町's (law 1) or 柏原市's (law 2), one municipality's each."""
    edition, requirements = statutes.parse_edition(SOURCES, default_catalog_root() / "inkan" / "2025.12")
    assert edition.publisher == "亘理町（宮城県）・柏原市（大阪府）の例規集"
    assert [source.title for source in edition.sources] == ["亘理町印鑑条例（昭和52年条例第17号）",
                                                          "柏原市印鑑条例（昭和50年条例第2号）"]
    assert {r.provision.law_id for r in requirements if r.provision} == {None}
    for r in requirements:
        town = "亘理町" if r.id.startswith("inkan-2025.12-1.") else "柏原市"
        assert r.source.document == f"{town}印鑑条例", r.id
        assert f"一自治体（{town}）の条例を見本とする" in (r.interpretation or ""), r.id


@pytest.mark.parametrize("edition_dir", EDITIONS, ids=lambda path: path.parent.name)
def test_import_reproduces_the_committed_edition_byte_for_byte(edition_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / edition_dir.parent.name / edition_dir.name
    out.mkdir(parents=True)
    shutil.copy(edition_dir / statutes.PROVISIONS_FILE, out)
    statutes.import_source(SOURCES, out)
    for name in ("edition.yaml", statutes.REQUIREMENTS_FILE):
        assert (out / name).read_text("utf-8") == (edition_dir / name).read_text("utf-8"), name


@pytest.mark.parametrize("edition_dir", EDITIONS, ids=lambda path: path.parent.name)
def test_every_text_is_a_substring_of_its_provision_line_in_the_law_file(edition_dir: Path) -> None:
    """No law text is typed by hand: each requirement is found, byte for byte, in its 項 or 号 line."""
    _, requirements = statutes.parse_edition(SOURCES, edition_dir)
    folder = statutes.read_provisions(edition_dir).edition.folder
    for requirement in requirements:
        assert requirement.provision is not None and requirement.source.file is not None
        lines = (SOURCES.parent / requirement.source.file).read_text("utf-8").splitlines()
        assert requirement.source.file.startswith(f"statutes/{folder}/")
        assert any(requirement.text in line for line in lines), requirement.id


def test_sentences_end_with_the_full_stop_outside_brackets() -> None:
    text = "甲は、乙とする。ただし、「丙。丁」（戊。）の場合は、この限りでない。号の文"
    assert statutes.sentences(text) == ["甲は、乙とする。", "ただし、「丙。丁」（戊。）の場合は、この限りでない。",
                                        "号の文"]


LAW = """# 第8条

# 第八条 （資格喪失の時期）

##
甲は、次の各号に掲げる者とする。第一の者第二の者。ただし書ではない。

- 一 第一の者
- 二 第二の者。ただし書ではない。
## ２
前項の甲は、乙とすることができる。
"""
SOURCE = """# SOURCE
## 見本法.txt

- 法令ID: `999AC0000000001`（e-Gov）
- 法令番号: 令和九年法律第一号／公布日: 2027-01-01
"""


def _folder(tmp_path: Path, readings: str = "[]", articles: str = "[{law: 見本法, article: 第8条}]") -> Path:
    (tmp_path / "statutes" / "mihon").mkdir(parents=True)
    (tmp_path / "statutes" / "mihon" / "見本法.txt").write_text(LAW, "utf-8")
    (tmp_path / "statutes" / "mihon" / "SOURCE.md").write_text(SOURCE, "utf-8")
    edition = tmp_path / "kokuho" / "2027.1"
    edition.mkdir(parents=True)
    (edition / statutes.PROVISIONS_FILE).write_text(
        "edition: {domain: kokuho, domain_name: 国民健康保険, edition: '2027.1', folder: mihon, published: 2027-01,"
        " revision: 見本}\nlaws: [見本法]\n"
        f"articles: {articles}\nreadings: {readings}\n", "utf-8")
    return edition


def test_the_lead_and_each_item_are_provisions_of_their_own_and_may_is_optional(tmp_path: Path) -> None:
    edition_dir = _folder(tmp_path)
    edition, requirements = statutes.parse_edition(tmp_path / "statutes", edition_dir)
    assert [(r.id, r.text) for r in requirements] == [
        ("kokuho-2027.1-1.8.0.1.0-R001", "甲は、次の各号に掲げる者とする。"),
        ("kokuho-2027.1-1.8.0.1.1-R001", "第一の者"),
        ("kokuho-2027.1-1.8.0.1.2-R001", "第二の者。"),
        ("kokuho-2027.1-1.8.0.1.2-R002", "ただし書ではない。"),
        ("kokuho-2027.1-1.8.0.2.0-O001", "前項の甲は、乙とすることができる。"),
    ]
    first = requirements[1]
    assert first.provision is not None and first.provision.item == "第1号"
    assert first.provision.law_id == "999AC0000000001"
    assert first.source.block == "第8条第1項第1号" and first.source.title == "見本法 第8条（資格喪失の時期）"
    assert requirements[-1].interpretation == statutes.PERMISSIVE_NOTE
    assert edition.kind == "statute" and STATUTE_LABEL[0] in edition.document


def test_a_reading_sets_the_level_and_the_interpretation_of_one_sentence(tmp_path: Path) -> None:
    edition_dir = _folder(tmp_path, readings="[{law: 見本法, cite: 第8条第2項, level: required, interpretation: 読み}]")
    _, requirements = statutes.parse_edition(tmp_path / "statutes", edition_dir)
    assert requirements[-1].id == "kokuho-2027.1-1.8.0.2.0-R001" and requirements[-1].interpretation == "読み"


def test_a_reading_names_another_domain_s_part_of_each_sentence_of_its_provision(tmp_path: Path) -> None:
    # Issue 66: the part goes into every sentence of the provision it cites (both of 第1項第2号), none elsewhere.
    edition_dir = _folder(tmp_path, readings="[{law: 見本法, cite: 第8条第1項第2号, part: kaigo}]")
    _, requirements = statutes.parse_edition(tmp_path / "statutes", edition_dir)
    assert {r.id: r.part for r in requirements} == {
        "kokuho-2027.1-1.8.0.1.0-R001": None, "kokuho-2027.1-1.8.0.1.1-R001": None,
        "kokuho-2027.1-1.8.0.1.2-R001": "kaigo", "kokuho-2027.1-1.8.0.1.2-R002": "kaigo",
        "kokuho-2027.1-1.8.0.2.0-O001": None}


@pytest.mark.parametrize(("readings", "articles", "message"), [
    ("[{law: 見本法, cite: 第9条第1項, level: optional}]", "[{law: 見本法, article: 第8条}]",
     "readings of provisions the edition does not take: \\['見本法 第9条第1項'\\]"),
    ("[{law: 見本法, cite: 第8条第2項, part: kokuho}]", "[{law: 見本法, article: 第8条}]",
     "readings name the edition's own domain as their part \\(leave part out\\): \\['第8条第2項'\\]"),
    ("[{law: 見本法, cite: 第8条第2項, part: houjin}]", "[{law: 見本法, article: 第8条}]", "part"),
    ("[]", "[{law: 見本法, article: 第9条}]", "見本法 第9条 is not in mihon/見本法.txt"),
    ("[]", "[{law: 見本法, article: 第8条, paragraphs: [3]}]", "見本法 第8条 has no 項 \\[3\\]"),
    ("[]", "[{law: 見本法, article: 第8条}, {law: 見本法, article: 第8条}]", "an article taken twice"),
])
def test_bad_provisions_are_errors_naming_the_file(tmp_path: Path, readings: str, articles: str, message: str) -> None:
    edition_dir = _folder(tmp_path, readings, articles)
    with pytest.raises(SpecError, match=message):
        statutes.parse_edition(tmp_path / "statutes", edition_dir)


def test_an_import_that_would_change_a_committed_text_stops(tmp_path: Path) -> None:
    edition_dir = _folder(tmp_path)
    statutes.import_source(tmp_path / "statutes", edition_dir)
    law = tmp_path / "statutes" / "mihon" / "見本法.txt"
    law.write_text(LAW.replace("乙とすることができる", "丙とすることができる"), "utf-8")
    with pytest.raises(SpecError, match=re.escape("kokuho-2027.1-1.8.0.2.0-O001")):
        statutes.import_source(tmp_path / "statutes", edition_dir)


def test_catalog_import_finds_the_statute_importer_by_the_provisions_file() -> None:
    importer, source = importer_for("kokuho", "2025.12", default_catalog_root() / "kokuho" / "2025.12")
    assert importer is statutes.import_source and source == SOURCES


def test_catalog_list_labels_statute_editions() -> None:
    entries = {(e["domain"], e["edition"]): e for e in catalog_listing(load_catalog(default_catalog_root()))}
    assert entries[("kokuho", "2025.12")]["kind"] == "statute"
    assert entries[("kokuho", "2025.12")]["label"] == " / ".join(STATUTE_LABEL)
    assert entries[("jumin", "1.0")]["kind"] == "specification"
    assert entries[("inkan", "2025.12")]["kind"] == "statute"
    generated = yaml.safe_load((default_catalog_root() / "kokuho" / "2025.12" / "edition.yaml").read_text("utf-8"))
    assert generated["kind"] == "statute"


def _edition_copy(tmp_path: Path, provisions: str) -> Path:
    """inkan's edition copied to ``tmp_path`` with its provisions.yaml replaced by ``provisions``."""
    edition_dir = tmp_path / "inkan" / "2025.12"
    shutil.copytree(default_catalog_root() / "inkan" / "2025.12", edition_dir)
    (edition_dir / statutes.PROVISIONS_FILE).write_text(provisions, encoding="utf-8")
    return edition_dir


def test_catalog_validate_reads_provisions_yaml_and_names_the_line_the_field_and_the_value(tmp_path: Path) -> None:
    """A broken provisions.yaml (the importer's input, not a catalog document) used to pass `catalog validate`."""
    from conformance.catalog.loader import validate_path

    original = (default_catalog_root() / "inkan" / "2025.12" / statutes.PROVISIONS_FILE).read_text("utf-8")
    assert validate_path(_edition_copy(tmp_path / "clean", original)) == []
    lines = original.splitlines(keepends=True)
    readings = lines.index("readings:\n")
    number = next(index for index, line in enumerate(lines) if index > readings and line.startswith("- {law: ")) + 1
    lines[number - 1] = lines[number - 1].replace("- {law: ", "- {levle: required, law: ", 1)
    found = validate_path(_edition_copy(tmp_path / "misspelt", "".join(lines)))
    assert [(error.file.endswith("inkan/2025.12/provisions.yaml"), error.line) for error in found] == [(True, number)]
    assert "readings[0]: unknown field 'levle'" in found[0].message and "did you mean 'level'?" in found[0].message
    lines[number - 1] = lines[number - 1].replace("levle: required, ", "").replace("cite: 第", "cite: 17, x: 第", 1)
    found = validate_path(_edition_copy(tmp_path / "typed", "".join(lines)))
    assert any(error.line == number and "readings[0].cite: expected a string, got int 17" in error.message
               for error in found), found
    found = validate_path(_edition_copy(tmp_path / "syntax", "laws: [a\n"))
    assert len(found) == 1 and found[0].line in (1, 2) and "YAML syntax error" in found[0].message
