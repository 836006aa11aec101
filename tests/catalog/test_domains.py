"""The domain registry (conformance/catalog/data/domains.yaml) and the official id formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conformance.catalog.domains import GYOMU_IDS_FILE, domains, gyomu_names, official_id_error
from conformance.catalog.loader import load_edition
from conformance.catalog.models import DOMAIN_SLUGS
from conformance.cli import app

SHARED_GYOMU_IDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "gyomu_ids.csv"

# Issue 14 / DOMAIN.md: first editions (住民基本台帳 令和2年9月; 第1グループ 令和3年8月; 印鑑登録 令和3年9月;
# 第2グループ 令和4年8月), written here independently of the registry file.
FIRST_GROUP = {"shugaku", "kotei_shisan_zei", "kojin_juminzei", "hojin_juminzei", "keijidosha_zei", "kaigo",
               "shogaisha_fukushi"}
SECOND_GROUP = {"kokuho", "koki_korei", "kokumin_nenkin", "seikatsu_hogo", "kenko_kanri", "jido_teate",
                "jido_fuyo_teate", "kodomo_kosodate", "senkyo", "koseki", "koseki_fuhyo"}


def test_the_registry_has_every_slug_of_the_contract_in_order() -> None:
    assert tuple(d.slug for d in domains()) == DOMAIN_SLUGS
    assert len(DOMAIN_SLUGS) == 21 and DOMAIN_SLUGS[-1] == "kyotsu"


def test_first_editions_are_those_of_the_issue() -> None:
    dates = {d.slug: d.first_edition for d in domains()}
    assert dates["jumin"] == "2020-09" and dates["inkan"] == "2021-09"
    assert {dates[s] for s in FIRST_GROUP} == {"2021-08"}
    assert {dates[s] for s in SECOND_GROUP} == {"2022-08"}
    assert dates["kyotsu"] is None  # stated nowhere we have


def test_gyomu_ids_name_the_domain() -> None:
    names = gyomu_names()
    for domain in domains():
        for gyomu_id in domain.gyomu_ids:
            assert gyomu_id in names
    by_slug = {d.slug: [names[g] for g in d.gyomu_ids] for d in domains()}
    assert by_slug["jumin"] == ["住民基本台帳"] and by_slug["senkyo"] == ["選挙人名簿管理"]
    assert "住登外宛名番号管理" in by_slug["kyotsu"]
    # Every domain's 業務ID is its own.
    owned = [g for d in domains() for g in d.gyomu_ids]
    assert len(owned) == len(set(owned))


@pytest.mark.skipif(not SHARED_GYOMU_IDS.is_file(), reason="../shared/data is not beside the checkout")
def test_the_shipped_gyomu_ids_are_the_shared_file() -> None:
    assert GYOMU_IDS_FILE.read_bytes() == SHARED_GYOMU_IDS.read_bytes()
    with GYOMU_IDS_FILE.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 39


@pytest.mark.parametrize(("kind", "value", "slug", "expected"), [
    ("機能ID", "0310001", "kyotsu", None),
    ("帳票ID", "0010001", "jumin", None),
    ("データ項目ID", "03100001", "kyotsu", None),
    ("機能ID", "0010001", "kyotsu", "has the prefix 001 (業務ID 001 is 住民基本台帳); expected a 業務ID of kyotsu"),
    ("機能ID", "031001", "kyotsu", "is not 7 digits"),
    ("データ項目ID", "0310001", "kyotsu", "is not 8 digits"),
    ("機能ID", "９９９０００１", "kyotsu", "is not 7 digits"),  # full-width digits are not digits here
    ("帳票ID", "9990001", "jumin", "999 is no known 業務ID"),
])
def test_official_ids_are_checked_against_the_domain(kind: str, value: str, slug: str, expected: str | None) -> None:
    error = official_id_error(kind, value, slug)  # type: ignore[arg-type]
    if expected is None:
        assert error is None
    else:
        assert error is not None and expected in error


def test_the_loader_reports_a_function_id_of_another_domain(tmp_path: Path) -> None:
    edition = tmp_path / "jumin" / "1.0"
    (edition / "requirements").mkdir(parents=True)
    (edition / "edition.yaml").write_text(
        "domain: jumin\ndomain_name: 住民基本台帳\nedition: '1.0'\ndocument: d\npublished: 2020-09\n"
        "publisher: p\n", encoding="utf-8")
    (edition / "requirements" / "ch01.yaml").write_text(
        "requirements:\n- id: jumin-1.0-3.4-R001\n  kind: function\n  level: required\n  text: t\n"
        "  function_id: '0310001'\n  source: {document: d, edition: '1.0', section: '3.4', title: t, block: b,"
        " paragraph: 1}\n", encoding="utf-8")
    errors = load_edition(edition).errors
    assert len(errors) == 1
    assert errors[0].line == 6
    assert "requirements[0].function_id" in errors[0].message
    assert "機能ID '0310001' has the prefix 031" in errors[0].message
    assert "expected a 業務ID of jumin: 001 住民基本台帳" in errors[0].message


def test_catalog_list_shows_all_domains_and_what_awaits_its_source() -> None:
    result = CliRunner().invoke(app, ["catalog", "list", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {e["domain"] for e in listed} == set(DOMAIN_SLUGS)
    inkan = next(e for e in listed if e["domain"] == "inkan")
    assert inkan["edition"] == "2025.12" and inkan["kind"] == "statute" and inkan["requirements"] == 17
    assert inkan["status"] == "in_catalog" and inkan["gyomu_ids"] == ["002"]
    jumin = next(e for e in listed if e["domain"] == "jumin")
    assert jumin["status"] == "in_catalog" and jumin["gyomu_ids"] == ["001"] and jumin["requirements"] == 957
