"""The run's session with the vendor: what opening an edition costs and fetches."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.checks.registry import CheckContext, Registry, check
from conformance.findings import Finding
from conformance.locations import default_catalog_root, reference_profile
from conformance.profiles import load_profile
from conformance.session import TargetSession
from conformance.shipped_checks import default_registry

JUMIN = load_edition(default_catalog_root() / "jumin" / "1.0")
KAIGO = load_edition(default_catalog_root() / "kaigo" / "2025.12")


def _reads_exports(edition: EditionCatalog) -> bool:
    """As the run decides it (pytest_plugin): a bound check declared ``reads_exports``."""
    registry = default_registry()
    return any(isinstance(bound, FunctionCheck) and registry.reads_exports(bound.name)
               for requirement in edition.requirements for bound in requirement.checks)


def test_the_export_readers_are_declared() -> None:
    registry = default_registry()
    assert registry.reads_exports("file.layout") and registry.reads_exports("model.jumin.state_machine")
    assert not registry.reads_exports("scenario.run") and not registry.reads_exports("scenario.kaigo.first_insured")


def test_a_check_declares_that_it_reads_exports() -> None:
    @check("test.reader", reads_exports=True)
    def reader(ctx: CheckContext) -> list[Finding]:
        return []

    @check("test.other")
    def other(ctx: CheckContext) -> list[Finding]:
        return []

    registry = Registry()
    registry.add("test.reader", reader)
    registry.add("test.other", other)
    assert registry.reads_exports("test.reader") and not registry.reads_exports("test.other")
    assert not registry.reads_exports("test.unknown")


@pytest.mark.e2e
def test_only_an_edition_with_an_export_reader_fetches_the_exports(tmp_path: Path) -> None:
    session = TargetSession(load_profile(reference_profile()), tmp_path / "work", reads_exports=_reads_exports)
    try:
        kaigo = session.target(KAIGO)
        # 介護保険 binds no export reader: no export source, so nothing fetched the files.
        assert kaigo.exports is None and not list((tmp_path / "work").glob("*residents*"))
        jumin = session.target(JUMIN)
        assert jumin.exports is not None and list((tmp_path / "work").glob("*residents*"))
        # The same town for both editions, made once: the rows are the same object.
        assert kaigo.data is not None and jumin.data is not None and kaigo.data.rows is jumin.data.rows
    finally:
        session.close()
