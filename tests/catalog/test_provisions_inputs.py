"""provisions.yaml's ``inputs`` (issue 66 item 1): every quantity, party and condition a statute edition's system
duties turn on, judged by named checks or reasoned: an entry with neither checks nor a reason is a located error
(that a named check is registered and bound to the edition: tests/catalog/test_statute_inputs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conformance.catalog.importers import statutes
from conformance.errors import SpecError
from conformance.locations import default_catalog_root

EDITIONS = sorted(path.parent for path in default_catalog_root().glob(f"*/*/{statutes.PROVISIONS_FILE}"))
#: The editions whose list is written (the others follow, issue 66 item 1).
LISTED = ("kokuho", "kaigo", "koki_korei", "kenko_kanri", "seikatsu_hogo")


@pytest.mark.parametrize("slug", LISTED)
def test_the_listed_editions_name_parties_quantities_and_conditions(slug: str) -> None:
    (edition_dir,) = (path for path in EDITIONS if path.parent.name == slug)
    inputs = statutes.read_provisions(edition_dir).inputs
    assert {entry.kind for entry in inputs} >= {"quantity", "condition"}
    assert all(entry.judged_by or entry.reason for entry in inputs)


#: A statute edition's provisions.yaml but its inputs (as tests/catalog/test_statutes.py writes one).
HEAD = {"edition": {"domain": "kokuho", "domain_name": "国民健康保険", "edition": "2027.1", "folder": "mihon",
                    "published": "2027-01", "revision": "見本"},
        "laws": ["見本法"], "articles": [{"law": "見本法", "article": "第8条"}]}


def _edition(tmp_path: Path, inputs: str) -> Path:
    edition = tmp_path / "kokuho" / "2027.1"
    edition.mkdir(parents=True)
    document = {**HEAD, "inputs": yaml.safe_load(inputs)}
    (edition / statutes.PROVISIONS_FILE).write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    return edition


def test_an_input_judged_by_a_check_or_reasoned_is_read(tmp_path: Path) -> None:
    edition = _edition(tmp_path, "[{name: 住所, kind: condition, law: 見本法, cite: 第8条第1項,"
                                 " judged_by: [scenario.a.b]},"
                                 " {name: 額, kind: quantity, law: 他法, cite: 第3条, reason: 政令が定める}]")
    inputs = statutes.read_provisions(edition).inputs
    assert [(entry.name, entry.judged_by, entry.reason) for entry in inputs] == [
        ("住所", ("scenario.a.b",), None), ("額", (), "政令が定める")]


@pytest.mark.parametrize(("inputs", "message"), [
    ("[{name: 住所, kind: condition, law: 見本法, cite: 第8条第1項}]",
     "住所: neither checks that judge it \\(judged_by\\) nor the reason why none does"),
    ("[{name: 住所, kind: condition, law: 他法, cite: 第8条第1項, judged_by: [scenario.a.b]}]",
     "inputs judged by checks name laws the edition does not quote: \\['他法'\\]"),
    ("[{name: 住所, kind: person, law: 見本法, cite: 第8条第1項, reason: x}]", "kind"),
    ("[{name: 住所, kind: condition, law: 見本法, cite: 八条, reason: x}]", "cite"),
])
def test_a_bad_input_is_an_error_naming_the_file(tmp_path: Path, inputs: str, message: str) -> None:
    edition = _edition(tmp_path, inputs)
    with pytest.raises(SpecError, match=message) as raised:
        statutes.read_provisions(edition)
    assert str(edition / statutes.PROVISIONS_FILE) in str(raised.value)
