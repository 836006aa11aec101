"""The domain folders (conformance/domains/<slug>/): each is a slug of the registry of domains, each rule of its
texts.yaml is a registered check of its own modules, a broken texts.yaml is a located error, and a folder's
params.py is a declaration the catalog can read (it imports nothing above the catalog)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conformance.catalog import domain_rules
from conformance.catalog.check_params import check_params
from conformance.catalog.domains import domains
from conformance.checks.registry import module_checks
from conformance.errors import SpecError
from conformance.shipped_checks import domain_check_modules


def test_every_folder_is_a_domain_of_the_registry_and_has_its_texts() -> None:
    folders = {path.name for path in domain_rules.DOMAINS_DIR.iterdir() if (path / "__init__.py").is_file()}
    assert folders == set(domain_rules.domain_folders())
    assert folders <= {domain.slug for domain in domains()}


def test_each_rule_is_a_check_its_own_folder_registers() -> None:
    for module in domain_check_modules():
        slug = module.__name__.split(".")[2]
        texts = domain_rules.domain_texts(slug)
        named_here = {f"scenario.{rule}" for rule in texts.rules} | set(texts.checks)
        for name in module_checks(module):
            assert name in named_here, f"{module.__name__} registers {name}, not in its texts"
    named = {f"scenario.{rule}" for rule in domain_rules.rule_texts()} | set(domain_rules.check_texts())
    registered_all = {name for module in domain_check_modules() for name in module_checks(module)}
    assert named == registered_all


def test_a_broken_texts_file_names_the_file_and_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "inkan").mkdir()
    (tmp_path / "inkan" / "texts.yaml").write_text("rules:\n  inkan.age:\n    ja: 年齢\n", encoding="utf-8")
    monkeypatch.setattr(domain_rules, "DOMAINS_DIR", tmp_path)
    domain_rules.domain_texts.cache_clear()
    try:
        with pytest.raises(SpecError) as raised:
            domain_rules.domain_texts("inkan")
    finally:
        domain_rules.domain_texts.cache_clear()
    assert raised.value.errors == [f"{tmp_path / 'inkan' / 'texts.yaml'}: rules.inkan.age.en: Field required"]


#: What a folder's params.py may import: the catalog reads it from below the checks (check_params.check_params).
PARAMS_IMPORTS = {"__future__", "collections.abc", "typing", "pydantic", "conformance.catalog.check_params"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return found | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


def test_a_folders_params_import_only_the_catalogs_base_and_name_its_own_checks() -> None:
    declared = sorted(domain_rules.DOMAINS_DIR.glob("*/params.py"))
    assert {path.parent.name for path in declared} >= {"jumin", "kyotsu"}
    for path in declared:
        slug = path.parent.name
        assert _imports(path) <= PARAMS_IMPORTS, f"{path} imports {_imports(path) - PARAMS_IMPORTS}"
        params = importlib.import_module(f"conformance.domains.{slug}.params").PARAMS
        assert set(params) <= set(domain_rules.domain_texts(slug).checks), f"{slug}: params of checks not its own"
        assert all(check_params()[name] is model for name, model in params.items())


def test_a_params_import_outside_the_catalog_is_seen(tmp_path: Path) -> None:
    module = tmp_path / "params.py"
    module.write_text("from conformance.checks.registry import check\nimport json\n", encoding="utf-8")
    assert _imports(module) - PARAMS_IMPORTS == {"conformance.checks.registry", "json"}
