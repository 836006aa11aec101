"""Importers turn a specification's source into catalog YAML.

Two kinds: the 第1.0版 source text of 住民記録 (``--domain jumin --edition 1.0``), and the official
templates every domain publishes (``--from FILE...``): the 標準仕様書 docx, the 基本データリスト
項目定義書 xlsx and the API仕様書 xlsx (docs/catalog-ids.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from conformance.catalog.importers import id_guard, jumin_text, statutes
from conformance.catalog.importers.official import Rendered, write
from conformance.errors import UsageError
from conformance.locations import project_root
from conformance.messages import did_you_mean


class Importer(Protocol):
    """A source-text importer: source directory, edition directory, ``accept`` id changes."""

    def __call__(self, source_dir: Path, out_dir: Path, *, accept: bool = False) -> jumin_text.ImportReport: ...

#: (domain, edition) -> (importer, default source directory relative to the project).
_IMPORTERS: dict[tuple[str, str], tuple[Importer, str]] = {
    ("jumin", "1.0"): (jumin_text.import_source, "spec_sources/juminkiroku_v1.0"),
}


def importer_for(domain: str, edition: str, edition_dir: Path | None = None) -> tuple[Importer, Path]:
    """The importer and default source directory for a domain and edition: a statute edition when
    its directory holds a provisions.yaml (docs/catalog-ids.md, "Statute editions")."""
    if edition_dir is not None and (edition_dir / statutes.PROVISIONS_FILE).is_file():
        return statutes.import_source, project_root() / statutes.SOURCE_ROOT
    try:
        importer, source = _IMPORTERS[(domain, edition)]
    except KeyError:
        known = [f"{d} {e}" for d, e in _IMPORTERS] + ["<domain> <edition> with a provisions.yaml"]
        hint = did_you_mean(f"{domain} {edition}", known)
        raise UsageError(
            f"no importer for {domain} {edition}; available: {', '.join(known)}{hint}"
        ) from None
    return importer, project_root() / source


@dataclass(frozen=True)
class OfficialImport:
    """What ``catalog import --from`` did: per source, what it rendered and the files it wrote."""

    domain: str
    edition: str
    out_dir: Path
    results: tuple[tuple[Rendered, tuple[Path, ...]], ...]


def render_official(path: Path, domain: str | None = None, edition: str | None = None) -> Rendered:
    """Render one official file with the importer its format calls for (writes nothing)."""
    from conformance.catalog.importers import api_spec, kihon_data_list, spec_docx

    _check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return spec_docx.parse(path, domain)
    if suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True)
        names = list(workbook.sheetnames)
        workbook.close()
        if api_spec.is_api_spec(names):
            return api_spec.parse(path, domain, edition)
        if kihon_data_list.is_kihon_data_list(names):
            return kihon_data_list.parse(path, domain, edition)
        raise UsageError(f"{path}: sheets {names} are neither an API仕様書 (sheets {api_spec.REQUEST_SHEET}, "
                         f"{api_spec.RESPONSE_SHEET}) nor a 基本データリスト 項目定義書 "
                         f"(a sheet {kihon_data_list.ITEM_SHEET_PREFIX}…)")
    raise AssertionError(suffix)  # _check_file refused it


def _guard_ids(rendered: Sequence[Rendered], out_dir: Path, *, accept: bool) -> str | None:
    """The id guard (id_guard.py) over every requirements file the import would write, each against
    the committed file of the same name; the new text of id_changes.yaml when ids changed."""
    from conformance.catalog.models import Requirement
    from conformance.catalog.yamlmarks import load_generated

    found = id_guard.Changes((), (), ())
    for result in rendered:
        for name, text in result.files.items():
            if not name.startswith(f"{jumin_text.REQUIREMENTS_DIR}/"):
                continue
            new = [Requirement.model_validate(item, strict=False) for item in load_generated(text)["requirements"]]
            changes = id_guard.check(out_dir, out_dir / jumin_text.REQUIREMENTS_DIR, new, accept=accept,
                                     files=[out_dir / name])
            found = id_guard.Changes(found.changed + changes.changed, found.retired + changes.retired,
                                     found.added + changes.added)
    return id_guard.render_changes(out_dir, found)


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".xlsx"):
        raise UsageError(f"{path}: {suffix or 'no extension'} is no official template; expected a 標準仕様書 .docx, "
                         "or a 基本データリスト 項目定義書 or API仕様書 .xlsx")


def import_official(
    paths: Sequence[Path], catalog_root: Path, *, domain: str | None = None, edition: str | None = None,
    out: Path | None = None, accept: bool = False,
) -> OfficialImport:
    """Render every file, then write them all into the edition directory (nothing is written when
    any file fails). The domain and edition come from the 標準仕様書 docx among ``paths``, else from
    ``domain`` and ``edition``."""
    for path in paths:
        _check_file(path)
    docx = [path for path in paths if path.suffix.lower() == ".docx"]
    rendered = [render_official(path, domain) for path in docx]
    spec = next((r for r in rendered if r.domain is not None), None)
    if spec is not None:
        assert spec.domain is not None and spec.edition is not None
        for name, given, read in (("--domain", domain, spec.domain), ("--edition", edition, spec.edition)):
            if given is not None and given != read:
                raise UsageError(f"{name} {given} disagrees with {spec.source.name}, which is {read}")
        domain, edition = spec.domain, spec.edition
    if domain is None or edition is None:
        raise UsageError("no 標準仕様書 docx among --from to read the domain and edition of; "
                         "pass --domain and --edition")
    rendered.extend(render_official(path, domain, edition) for path in paths if path not in docx)
    out_dir = out or catalog_root / domain / edition
    recorded = _guard_ids(rendered, out_dir, accept=accept)
    results = tuple((r, write(r, out_dir)) for r in rendered)
    if recorded is not None:
        jumin_text._write_atomic(out_dir / id_guard.ID_CHANGES_FILE, recorded)
    return OfficialImport(domain, edition, out_dir, results)
