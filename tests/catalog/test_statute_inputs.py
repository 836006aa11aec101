"""What a statute edition's duties turn on (provisions.yaml ``inputs``, issue 66 item 1): each quantity, party and
condition either judged by checks that exist and are bound to the edition's requirements, or with the reason it is
not; a cite within an article the edition takes; an entry that is neither is an error naming the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conformance.catalog.importers import statutes
from conformance.errors import SpecError
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance
from conformance.shipped_checks import default_registry

EDITIONS = sorted(path.parent for path in default_catalog_root().glob(f"*/*/{statutes.PROVISIONS_FILE}"))
WITH_INPUTS = [edition for edition in EDITIONS if statutes.read_provisions(edition).inputs]


def _bound(edition: Path) -> set[str]:
    """The checks the edition's bindings.yaml binds to any requirement."""
    document = yaml.safe_load((edition / "bindings.yaml").read_text(encoding="utf-8"))
    entries = document if isinstance(document, list) else document.get("bindings", [])
    return {check["name"] for entry in entries for check in entry.get("checks") or [] if check.get("name")}


def test_some_editions_list_their_inputs() -> None:
    listed = {edition.parent.name for edition in WITH_INPUTS}
    assert listed >= {"jido_teate", "jido_fuyo_teate", "kodomo_kosodate", "shugaku", "senkyo", "kojin_juminzei",
                      "kotei_shisan_zei", "keijidosha_zei", "hojin_juminzei", "kokumin_nenkin", "shogaisha_fukushi",
                      "kokuho", "kaigo", "koki_korei", "kenko_kanri", "seikatsu_hogo", "koseki", "koseki_fuhyo",
                      "inkan"}


@pytest.mark.parametrize("edition", WITH_INPUTS, ids=lambda path: path.parent.name)
def test_each_judged_input_names_checks_bound_to_the_edition(edition: Path) -> None:
    registered, bound = set(default_registry()), _bound(edition)
    for entry in statutes.read_provisions(edition).inputs:
        assert set(entry.judged_by) <= registered, (entry.name, set(entry.judged_by) - registered)
        assert set(entry.judged_by) <= bound, (entry.name, set(entry.judged_by) - bound)


@pytest.mark.parametrize("edition", WITH_INPUTS, ids=lambda path: path.parent.name)
def test_each_input_cites_an_article_the_edition_takes(edition: Path) -> None:
    provisions = statutes.read_provisions(edition)
    taken = {(entry.law, entry.article) for entry in provisions.articles}
    for entry in provisions.inputs:
        if not entry.judged_by:
            continue  # only reasoned: it may name a provision the edition does not quote (its reason says so)
        law = entry.law or provisions.laws[0]
        article = re.match(r"第[0-9]+条(の[0-9]+)?", entry.cite)
        assert article is not None and (law, article.group(0)) in taken, (entry.name, entry.cite)


def test_an_input_neither_judged_nor_reasoned_is_an_error_naming_the_file(tmp_path: Path) -> None:
    source = (default_catalog_root() / "jido_teate" / "2025.12" / statutes.PROVISIONS_FILE).read_text("utf-8")
    head = source[:source.index("inputs:")]
    entry = "{name: 額, kind: quantity, law: 児童手当法, cite: 第6条第3項}"
    (tmp_path / statutes.PROVISIONS_FILE).write_text(f"{head}inputs:\n- {entry}\n", "utf-8")
    expected = rf"(?s){re.escape(str(tmp_path))}.*neither checks that judge it \(judged_by\) nor the reason"
    with pytest.raises(SpecError, match=expected):
        statutes.read_provisions(tmp_path)


@pytest.mark.parametrize("edition", WITH_INPUTS, ids=lambda path: path.parent.name)
def test_every_rule_check_of_the_edition_judges_a_listed_input(edition: Path) -> None:
    domain = edition.parent.name
    listed = {name for entry in statutes.read_provisions(edition).inputs for name in entry.judged_by}
    own = {name for name in _bound(edition) if name.startswith("scenario.")}
    # A check of another domain's folder bound here (法人住民税 binds 個人住民税's 第294条 rules) is listed there.
    foreign = {name for name in own if name not in listed and _lists_elsewhere(name, domain)}
    assert own - foreign <= listed, sorted(own - foreign - listed)


def _lists_elsewhere(check: str, domain: str) -> bool:
    return any(check in entry.judged_by for other in WITH_INPUTS if other.parent.name != domain
               for entry in statutes.read_provisions(other).inputs)


@pytest.mark.parametrize("edition", WITH_INPUTS, ids=lambda path: path.parent.name)
def test_a_declared_key_is_one_the_profile_takes(edition: Path) -> None:
    for entry in statutes.read_provisions(edition).inputs:
        if entry.declared is not None:
            _, domain, key = entry.declared.split(".")
            assert key in type(getattr(Ordinance(), domain)).model_fields, entry.declared
