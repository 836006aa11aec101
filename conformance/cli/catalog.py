"""``conformance catalog``: read, validate, import and export the specification catalog.

Thin: conformance/catalog does the work; errors take the CLI's one path (conformance/cli/output.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from conformance.catalog.catalog import Catalog, EditionCatalog
from conformance.catalog.loader import load_catalog, validate_path
from conformance.catalog.views import (
    automation_state,
    catalog_listing,
    edition_stats,
    export_requirement,
)
from conformance.cli.options import CatalogOption, DomainOption, EditionOption, JsonOption
from conformance.cli.output import fail, new_app, print_json, say
from conformance.locations import default_catalog_root

catalog_app = new_app("Read, validate, import and export the specification catalog.")
# soft_wrap: a path or message is one line however narrow the terminal (greppable, copyable).
console = Console(stderr=False, soft_wrap=True)


def _load(catalog: Path | None) -> Catalog:
    loaded = load_catalog(catalog or default_catalog_root())
    for error in loaded.errors:
        say(f"warning: {error}")
    return loaded


def _select(loaded: Catalog, domain: str | None, edition: str | None) -> list[EditionCatalog]:
    chosen = [
        e for e in loaded.editions
        if (domain is None or e.domain == domain) and (edition is None or e.edition_name == edition)
    ]
    if not chosen:
        present = ", ".join(f"{e.domain} {e.edition_name}" for e in loaded.editions) or "none"
        raise fail(f"no catalog edition matches --domain {domain} --edition {edition}; present: {present}")
    return chosen


@catalog_app.command("list")
def catalog_list(catalog: CatalogOption = None, as_json: JsonOption = False) -> None:
    """Every domain of the registry: the editions present, and the domains awaiting their source."""
    entries = catalog_listing(_load(catalog))
    if as_json:
        print_json(entries)
        return
    table = Table("domain", "name", "業務ID", "first edition", "edition", "source", "requirements")
    for entry in entries:
        table.add_row(entry["domain"], entry["domain_name"], " ".join(entry["gyomu_ids"]),
                      entry["first_edition"] or "-", entry["edition"] or "no source yet",
                      "statute edition" if entry["kind"] == "statute" else "標準仕様書" if entry["kind"] else "-",
                      str(entry["requirements"]))
    console.print(table)


@catalog_app.command("stats")
def catalog_stats(
    domain: DomainOption = None, edition: EditionOption = None,
    catalog: CatalogOption = None, as_json: JsonOption = False,
) -> None:
    """Requirement counts by level and by automation state, per domain and edition."""
    stats = [edition_stats(e) for e in _select(_load(catalog), domain, edition)]
    if as_json:
        print_json(stats)
        return
    table = Table("domain", "edition", "required", "optional", "prohibited",
                  "automated", "manual", "not automated", "system duty, required: automated")
    for s in stats:
        by_level, by_state = s["by_level"], s["by_automation"]
        table.add_row(s["domain"], s["edition"], *(str(by_level[k]) for k in ("required", "optional", "prohibited")),
                      *(str(by_state[k]) for k in ("automated", "manual", "not_automated")),
                      _depth(s["required_system"]))
    console.print(table)


def _depth(counts: dict[str, int]) -> str:
    """``automated/total n%`` of an edition's required system duties (the rest are in ``--json``)."""
    total = sum(counts.values())
    return f"{counts['automated']}/{total} {counts['automated'] / total:.0%}" if total else "-"


@catalog_app.command("export")
def catalog_export(
    domain: Annotated[str, typer.Option("--domain", help="Domain slug, e.g. jumin.")],
    edition: Annotated[str, typer.Option("--edition", help="Edition, e.g. 1.0.")],
    catalog: CatalogOption = None, as_json: JsonOption = False,
) -> None:
    """Every requirement of one edition with its id, level, kind, text, section and checks."""
    (chosen,) = _select(_load(catalog), domain, edition)
    rows = [export_requirement(chosen, r) for r in chosen.requirements]
    if as_json:
        print_json({"domain": domain, "edition": edition, "requirements": rows})
        return
    table = Table("id", "level", "section", "automation", "text")
    for requirement in chosen.requirements:
        text = requirement.text if len(requirement.text) <= 60 else requirement.text[:59] + "…"
        table.add_row(requirement.id, requirement.level.value, requirement.source.section,
                      automation_state(requirement), text)
    console.print(table)


@catalog_app.command("validate")
def catalog_validate(
    path: Annotated[Path | None, typer.Argument(help="Catalog root, edition directory or YAML file.")] = None,
) -> None:
    """Exit 0 when valid; otherwise print each error as file:line: message and exit 1."""
    from conformance.inputs import check_regular

    target = path or default_catalog_root()
    if not target.exists():
        raise fail(f"{target}: no such file or directory")
    if not target.is_dir():
        check_regular(target)  # a FIFO or a device is refused by type, never opened
    found = validate_path(target)
    for error in found:
        sys.stdout.write(f"{error}\n")
    if found:
        raise typer.Exit(1)
    say(f"{target}: valid")


@catalog_app.command("schema")
def catalog_schema(
    out: Annotated[Path | None, typer.Option("--out", help="Directory (default: <catalog>/schema).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the committed schemas differ.")] = False,
) -> None:
    """Write the JSON Schemas of the catalog files (and profiles) for editor completion."""
    from conformance.cli.schemas import schema_files, write_schemas

    directory = out or default_catalog_root() / "schema"
    if check:
        stale = [name for name, text in schema_files().items()
                 if not (directory / name).is_file() or (directory / name).read_text("utf-8") != text]
        if stale:
            raise fail(f"schemas out of date in {directory}: {', '.join(stale)}; "
                       "run `conformance catalog schema`", code=1)
        return
    try:
        written = write_schemas(directory)
    except OSError as error:
        raise fail(f"--out {directory}: cannot write the schemas there ({error.strerror}); give a directory "
                    "you can write") from None
    for path in written:
        say(f"wrote {path}")


@catalog_app.command("openapi")
def catalog_openapi(
    domain: Annotated[str, typer.Option("--domain", help="Domain slug, e.g. jumin.")],
    edition: EditionOption = None,
    catalog: CatalogOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    driver: Annotated[bool, typer.Option("--driver", help="The driver protocol's document (docs/driver.md).")] = False,
) -> None:
    """The OpenAPI 3.1 document generated from the catalog's interfaces."""
    from conformance.catalog.contract import contract_openapi_json, domain_openapi
    from conformance.catalog.domain_rules import rule_texts
    from conformance.catalog.driver_openapi import driver_openapi_json
    from conformance.shipped_checks import answer_reads

    chosen = _select(_load(catalog), domain, edition)[-1]  # the newest edition when none is named
    if driver:
        from conformance.scenarios.engine import DEFAULT_ITEMS

        text = driver_openapi_json(chosen, DEFAULT_ITEMS)
    else:
        titles = {rule: english for rule, (_, english) in rule_texts().items()}
        document = domain_openapi(chosen, catalog or default_catalog_root(), answer_reads(domain), titles)
        text = contract_openapi_json(document)
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise fail(f"--out {out}: cannot be written ({error.strerror}); give a file in a directory "
                        "you can write") from None


@catalog_app.command("diff")
def catalog_diff(
    old: Annotated[str, typer.Argument(help="Edition directory, or DOMAIN/EDITION of the catalog (e.g. jumin/1.0).")],
    new: Annotated[str, typer.Argument(help="Edition directory, or DOMAIN/EDITION of the catalog.")],
    profile: Annotated[list[Path] | None, typer.Option(
        "--profile", help="Vendor profile whose waivers each change touches (repeatable).")] = None,
    catalog: CatalogOption = None, as_json: JsonOption = False,
) -> None:
    """Requirements added, removed, moved, with changed text or level, and the checks and waivers each touches."""
    from conformance.catalog.diff import Waived, diff_editions, diff_json, render_text
    from conformance.profiles import load_profile

    editions = [_edition_ref(ref, catalog) for ref in (old, new)]
    waivers: list[Waived] = []
    for path in profile or []:
        waivers.extend(Waived(w.requirement, str(path), w.ticket, w.expires) for w in load_profile(path).waivers)
    changes = diff_editions(editions[0], editions[1], waivers)
    if as_json:
        print_json(diff_json(editions[0], editions[1], changes))
    else:
        sys.stdout.write(render_text(editions[0], editions[1], changes))


def _edition_ref(ref: str, catalog: Path | None) -> EditionCatalog:
    """An edition directory, or DOMAIN/EDITION of the catalog; its errors are printed as warnings."""
    from conformance.catalog.loader import load_edition

    path = Path(ref)
    if not path.is_dir():
        path = (catalog or default_catalog_root()) / ref
    if not (path / "edition.yaml").is_file():
        raise fail(f"{ref}: no edition here (expected an edition directory with edition.yaml, or DOMAIN/EDITION "
                    f"of the catalog such as jumin/1.0)")
    edition = load_edition(path)
    for error in edition.errors:
        say(f"warning: {error}")
    return edition


@catalog_app.command("import")
def catalog_import(
    domain: Annotated[str | None, typer.Option("--domain", help="Domain slug (default jumin).")] = None,
    edition: Annotated[str | None, typer.Option("--edition", help="Edition (default 1.0).")] = None,
    source: Annotated[Path | None, typer.Option("--source", help="Source text directory.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Edition directory to write.")] = None,
    from_files: Annotated[list[Path] | None, typer.Option(
        "--from", help="Official files: 標準仕様書 .docx, 基本データリスト 項目定義書 or API仕様書 .xlsx (repeatable).",
    )] = None,
    accept: Annotated[bool, typer.Option(
        "--accept", help="Write an import that changes the text under existing ids (recorded in id_changes.yaml).",
    )] = False,
) -> None:
    """Turn a specification's source into catalog YAML (reproducible byte for byte)."""
    if from_files:
        _import_official(from_files, domain, edition, out, accept)
        return
    from conformance.catalog.importers import importer_for

    edition_dir = out or default_catalog_root() / (domain or "jumin") / (edition or "1.0")
    importer, default_source = importer_for(domain or "jumin", edition or "1.0", edition_dir)
    report = importer(source or default_source, edition_dir, accept=accept)
    for level, count in report.counts.items():
        say(f"{level}: {count}")
    for path in report.files:
        say(f"wrote {path}")


def _import_official(
    paths: list[Path], domain: str | None, edition: str | None, out: Path | None, accept: bool
) -> None:
    """``catalog import --from``: the official templates (docs/catalog-ids.md)."""
    from conformance.catalog.importers import import_official

    done = import_official(paths, default_catalog_root(), domain=domain, edition=edition, out=out, accept=accept)
    for rendered, written in done.results:
        counts = ", ".join(f"{name} {count}" for name, count in rendered.counts.items())
        say(f"{rendered.source.name} ({rendered.template}): {counts}")
        for problem in rendered.unclassified:
            say(f"  unclassified: {problem}")
        for path in written:
            say(f"  wrote {path}")
