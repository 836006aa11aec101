"""A bundle's refusal in the page's language, whatever refused it (issue 69 item 4): the signature or manifest the
JSON reader could not read, a results.json its schema refuses, a system the municipality installed from another
vendor; a Japanese refusal quotes no English sentence (the reader's and the schema's words are put in Japanese),
an English one keeps them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, World, results, signed_bundle, signed_document
from test_portal import client, refusal, upload

from conformance.reporting.bundle import SIGNATURE
from conformance.reporting.ziputil import read_entries, write_stored_zip

pytestmark = pytest.mark.usefixtures("portal_db")

#: Three English words in a row: a sentence, not an identifier (results.json, manifest.sig, a field path).
ENGLISH = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")


def both(world: World, data: bytes) -> tuple[str, str]:
    """The refusal of ``data`` as a Japanese page shows it, then as an English one."""
    tester = client(world.users["tester"])
    japanese = refusal(upload(tester, world, data))
    tester.post("/lang/", {"lang": "en"})
    return japanese, refusal(upload(tester, world, data))


def test_a_signature_the_json_reader_cannot_read(world: World, tmp_path: Path) -> None:
    entries = [(name, b"{" if name == SIGNATURE else data)
               for name, data in read_entries(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))]
    japanese, english = both(world, write_stored_zip(entries))
    assert japanese == "manifest.sig が正しくありません（1 行 2 列: 二重引用符で囲んだ名前がありません）"
    assert english.startswith("manifest.sig is not valid: Expecting property name enclosed in double quotes")


def test_a_results_document_its_schema_refuses(world: World, tmp_path: Path) -> None:
    document: dict[str, Any] = results({CHECKED: "PASS"}, "1.0")
    del document["harness_version"]
    japanese, english = both(world, signed_document(tmp_path, world.signer, document))
    assert japanese == ("results.json: harness_version: 必須の項目がありません"
                        "（ハーネスが書く形式 2 の results.json ではありません）")
    assert english == ("results.json: harness_version: Field required (not a results.json of format 2 the harness "
                       "writes)")


def test_a_value_the_schema_does_not_allow_names_the_allowed_ones(world: World, tmp_path: Path) -> None:
    document: dict[str, Any] = results({CHECKED: "PASS"}, "1.0")
    document["verdict"] = "maybe"
    japanese, english = both(world, signed_document(tmp_path, world.signer, document))
    assert japanese.startswith("results.json: verdict: 許される値ではありません（許される値: ")
    assert not ENGLISH.search(japanese), japanese
    assert english.startswith("results.json: verdict: Input should be ")


def test_a_system_installed_from_another_vendor_is_named_by_its_gyomu(world: World, tmp_path: Path) -> None:
    world.tokyo.installations.filter(domain="jumin").delete()
    japanese, english = both(world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))
    assert "は業務 住民基本台帳 を" in japanese and "「導入製品」" in japanese and "jumin" not in japanese
    assert "installed for 住民基本台帳: " in english and '"Installed products"' in english


@pytest.mark.parametrize(("error", "expected"), [
    (ValueError("JSON with more than 1,000 values"), "値の数が上限を超えています"),
    (KeyError("files"), "項目 'files' がありません"),
    (TypeError("string indices must be integers, not 'str'"), "読み取りエラー（TypeError）"),
])
def test_every_reading_error_is_worded_without_its_english(error: BaseException, expected: str) -> None:
    from conformance.portal.ingest import reading_ja

    assert reading_ja(error) == expected
