"""The lists of what a statute edition's system duties turn on (provisions.yaml ``inputs``, issue 66 item 1): each
entry judged by checks the edition binds, or with the reason it is not; a 条例's value named by the profile's key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from conformance.catalog.importers.statutes import PROVISIONS_FILE, Input, read_provisions
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance

EDITIONS = sorted(path.parent for path in default_catalog_root().glob(f"*/*/{PROVISIONS_FILE}")
                  if "inputs" in yaml.safe_load(path.read_text("utf-8")))


def _bound_checks(edition: Path) -> set[str]:
    bindings = yaml.safe_load((edition / "bindings.yaml").read_text("utf-8"))["bindings"]
    return {entry["name"] for binding in bindings for entry in binding["checks"] if entry["kind"] == "check"}


def test_the_six_tax_and_benefit_editions_list_their_inputs() -> None:
    listed = {edition.parent.name for edition in EDITIONS}
    assert listed >= {"kojin_juminzei", "kotei_shisan_zei", "keijidosha_zei", "hojin_juminzei", "kokumin_nenkin",
                      "shogaisha_fukushi"}


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.parent.name)
def test_every_input_is_judged_by_bound_checks_or_reasoned(edition: Path) -> None:
    provisions = read_provisions(edition)
    bound = _bound_checks(edition)
    for entry in provisions.inputs:
        assert set(entry.judged_by) <= bound, (entry.name, set(entry.judged_by) - bound)
        assert entry.law is None or entry.law in provisions.laws, entry.name


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.parent.name)
def test_every_rule_check_of_the_edition_judges_a_listed_input(edition: Path) -> None:
    domain = edition.parent.name
    listed = {name for entry in read_provisions(edition).inputs for name in entry.judged_by}
    own = {name for name in _bound_checks(edition) if name.startswith("scenario.")}
    # A check of another domain's folder bound here (法人住民税 binds 個人住民税's 第294条 rules) is listed there.
    foreign = {name for name in own if name not in listed and _lists_elsewhere(name, domain)}
    assert own - foreign <= listed, sorted(own - foreign - listed)


def _lists_elsewhere(check: str, domain: str) -> bool:
    return any(check in entry.judged_by for other in EDITIONS if other.parent.name != domain
               for entry in read_provisions(other).inputs)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.parent.name)
def test_a_declared_key_is_one_the_profile_takes(edition: Path) -> None:
    for entry in read_provisions(edition).inputs:
        if entry.declared is not None:
            _, domain, key = entry.declared.split(".")
            assert key in type(getattr(Ordinance(), domain)).model_fields, entry.declared


def test_an_input_is_judged_or_reasoned_never_both_nor_neither() -> None:
    base = {"name": "均等割の額", "kind": "quantity", "cite": "第310条第1項"}
    Input.model_validate({**base, "judged_by": ["scenario.juminzei.kintowari"]})
    Input.model_validate({**base, "reason": "政令は本版に含まれない"})
    with pytest.raises(ValidationError, match="give judged_by"):
        Input.model_validate(base)
    with pytest.raises(ValidationError, match="give judged_by"):
        Input.model_validate({**base, "judged_by": ["scenario.juminzei.kintowari"], "reason": "x"})
    with pytest.raises(ValidationError, match="cite"):
        Input.model_validate({**base, "cite": "310条", "reason": "x"})
