"""The ``conformance`` command: thin, it calls the engine, or pytest for ``run``.

Exit codes follow DESIGN.md: 0 conformant / valid, 1 not conformant / invalid, 2 the command
itself could not be done (bad arguments, profile or catalog); ``run`` adds 3 incomplete and 4 not run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from conformance.catalog_views import (
    automation_state,
    catalog_listing,
    edition_stats,
    export_requirement,
)
from conformance.errors import ConformanceError, UsageError
from conformance.locations import default_catalog_root
from conformance.reference.cli import reference_app
from conformance.reporting.cli import report_app
from conformance.spec.catalog import Catalog, EditionCatalog
from conformance.spec.loader import load_catalog, validate_path
from conformance.validate_cli import reconcile_command, validate_command

app = typer.Typer(help="Conformance tests for Japan's standard specifications of municipal systems.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
catalog_app = typer.Typer(help="Read, validate, import and export the specification catalog.",
                          no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")
app.add_typer(reference_app, name="reference", help="The bundled reference vendor.")
app.add_typer(report_app, name="report", help="Compare, merge, bundle, sign and verify run results.")
app.command("validate")(validate_command)
app.command("reconcile")(reconcile_command)

# soft_wrap: a path or message is one line however narrow the terminal (greppable, copyable).
console = Console(stderr=False, soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

CatalogOption = Annotated[
    Path | None, typer.Option("--catalog", help="Catalog root (default: the bundled spec_catalog).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
DomainOption = Annotated[str | None, typer.Option("--domain", help="Domain slug, e.g. jumin.")]
EditionOption = Annotated[str | None, typer.Option("--edition", help="Edition, e.g. 1.0.")]


def _print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _fail(message: str, code: int = 2) -> typer.Exit:
    errors.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(code)


def _load(catalog: Path | None) -> Catalog:
    loaded = load_catalog(catalog or default_catalog_root())
    for error in loaded.errors:
        errors.print(f"warning: {error}", markup=False, highlight=False)
    return loaded


def _select(loaded: Catalog, domain: str | None, edition: str | None) -> list[EditionCatalog]:
    chosen = [
        e for e in loaded.editions
        if (domain is None or e.domain == domain) and (edition is None or e.edition_name == edition)
    ]
    if not chosen:
        present = ", ".join(f"{e.domain} {e.edition_name}" for e in loaded.editions) or "none"
        raise _fail(f"no catalog edition matches --domain {domain} --edition {edition}; present: {present}")
    return chosen


@catalog_app.command("list")
def catalog_list(catalog: CatalogOption = None, as_json: JsonOption = False) -> None:
    """Every domain of the registry: the editions present, and the domains awaiting their source."""
    entries = catalog_listing(_load(catalog))
    if as_json:
        _print_json(entries)
        return
    table = Table("domain", "name", "業務ID", "first edition", "edition", "requirements")
    for entry in entries:
        table.add_row(entry["domain"], entry["domain_name"], " ".join(entry["gyomu_ids"]),
                      entry["first_edition"] or "-", entry["edition"] or "no source yet",
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
        _print_json(stats)
        return
    table = Table("domain", "edition", "required", "optional", "prohibited",
                  "automated", "manual", "not automated")
    for s in stats:
        by_level, by_state = s["by_level"], s["by_automation"]
        table.add_row(s["domain"], s["edition"], *(str(by_level[k]) for k in ("required", "optional", "prohibited")),
                      *(str(by_state[k]) for k in ("automated", "manual", "not_automated")))
    console.print(table)


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
        _print_json({"domain": domain, "edition": edition, "requirements": rows})
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
        raise _fail(f"{target}: no such file or directory")
    try:
        if not target.is_dir():
            check_regular(target)  # a FIFO or a device is refused by type, never opened
        found = validate_path(target)
    except ConformanceError as problem:
        raise _fail(str(problem)) from None
    for error in found:
        sys.stdout.write(f"{error}\n")
    if found:
        raise typer.Exit(1)
    errors.print(f"{target}: valid", markup=False, highlight=False)


@catalog_app.command("schema")
def catalog_schema(
    out: Annotated[Path | None, typer.Option("--out", help="Directory (default: <catalog>/schema).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the committed schemas differ.")] = False,
) -> None:
    """Write the JSON Schemas of the catalog files (and profiles) for editor completion."""
    from conformance.spec.schema import schema_files, write_schemas

    directory = out or default_catalog_root() / "schema"
    if check:
        stale = [name for name, text in schema_files().items()
                 if not (directory / name).is_file() or (directory / name).read_text("utf-8") != text]
        if stale:
            raise _fail(f"schemas out of date in {directory}: {', '.join(stale)}; "
                        "run `conformance catalog schema`", code=1)
        return
    try:
        written = write_schemas(directory)
    except OSError as error:
        raise _fail(f"--out {directory}: cannot write the schemas there ({error.strerror}); give a directory "
                    "you can write") from None
    for path in written:
        errors.print(f"wrote {path}", markup=False, highlight=False)


@catalog_app.command("openapi")
def catalog_openapi(
    domain: Annotated[str, typer.Option("--domain", help="Domain slug, e.g. jumin.")],
    edition: EditionOption = None,
    catalog: CatalogOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    driver: Annotated[bool, typer.Option("--driver", help="The driver protocol's document (docs/driver.md).")] = False,
) -> None:
    """The OpenAPI 3.1 document generated from the catalog's interfaces."""
    from conformance.spec.driver_openapi import driver_openapi_json
    from conformance.spec.openapi import openapi_json

    chosen = _select(_load(catalog), domain, edition)
    text = (driver_openapi_json if driver else openapi_json)(chosen[-1])  # the newest edition when none is named
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise _fail(f"--out {out}: cannot be written ({error.strerror}); give a file in a directory "
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
    from conformance.profiles import load_profile
    from conformance.spec.diff import Waived, diff_editions, diff_json, render_text

    editions = [_edition_ref(ref, catalog) for ref in (old, new)]
    waivers: list[Waived] = []
    try:
        for path in profile or []:
            waivers.extend(Waived(w.requirement, str(path), w.ticket, w.expires) for w in load_profile(path).waivers)
    except ConformanceError as error:
        raise _fail(str(error)) from None
    changes = diff_editions(editions[0], editions[1], waivers)
    if as_json:
        _print_json(diff_json(editions[0], editions[1], changes))
    else:
        sys.stdout.write(render_text(editions[0], editions[1], changes))


def _edition_ref(ref: str, catalog: Path | None) -> EditionCatalog:
    """An edition directory, or DOMAIN/EDITION of the catalog; its errors are printed as warnings."""
    from conformance.spec.loader import load_edition

    path = Path(ref)
    if not path.is_dir():
        path = (catalog or default_catalog_root()) / ref
    if not (path / "edition.yaml").is_file():
        raise _fail(f"{ref}: no edition here (expected an edition directory with edition.yaml, or DOMAIN/EDITION "
                    f"of the catalog such as jumin/1.0)")
    edition = load_edition(path)
    for error in edition.errors:
        errors.print(f"warning: {error}", markup=False, highlight=False)
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
    from conformance.spec.importers import importer_for

    try:
        importer, default_source = importer_for(domain or "jumin", edition or "1.0")
        report = importer(source or default_source, out or default_catalog_root() / (domain or "jumin")
                          / (edition or "1.0"), accept=accept)
    except ConformanceError as error:
        raise _fail(str(error)) from None
    for level, count in report.counts.items():
        errors.print(f"{level}: {count}", markup=False, highlight=False)
    for path in report.files:
        errors.print(f"wrote {path}", markup=False, highlight=False)


def _import_official(
    paths: list[Path], domain: str | None, edition: str | None, out: Path | None, accept: bool
) -> None:
    """``catalog import --from``: the official templates (docs/catalog-ids.md)."""
    from conformance.spec.importers import import_official

    try:
        done = import_official(paths, default_catalog_root(), domain=domain, edition=edition, out=out, accept=accept)
    except (ConformanceError, UsageError) as error:
        raise _fail(str(error)) from None
    for rendered, written in done.results:
        counts = ", ".join(f"{name} {count}" for name, count in rendered.counts.items())
        errors.print(f"{rendered.source.name} ({rendered.template}): {counts}", markup=False, highlight=False)
        for problem in rendered.unclassified:
            errors.print(f"  unclassified: {problem}", markup=False, highlight=False)
        for path in written:
            errors.print(f"  wrote {path}", markup=False, highlight=False)


RUN_HELP = """Run the conformance suite (through pytest); write results.json, junit.xml, report.html and
evidence.zip.

\b
Exit codes (the verdict; docs/results.md):
  0  conformant      every requirement of the claimed scope verified
  1  not_conformant  a requirement failed (or a waiver problem)
  2  usage           bad arguments, profile or catalog: your input, not the vendor's
  3  incomplete      nothing failed, but not everything was verified (or a partial run)
  4  not_run         the vendor could not be reached or broke before judging, or the run was interrupted
--gate no-failures exits 0 for incomplete too (a CI gate that wants only "nothing failed").
"""


@app.command("run", help=RUN_HELP)
def run(
    profile: Annotated[Path | None, typer.Option("--profile", help="Vendor profile YAML.")] = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Run against the bundled reference vendor (the default).")
    ] = False,
    defect: Annotated[
        list[str] | None, typer.Option("--defect", help="Start the reference vendor with this defect.")
    ] = None,
    domain: Annotated[
        list[str] | None, typer.Option("--domain", help="Only this domain (repeatable; a partial run).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output directory.")] = Path("reports/latest"),
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed of the test data and scenarios: replays a run.")
    ] = None,
    shard: Annotated[
        str | None, typer.Option("--shard", metavar="I/N", help="Run shard I of N; join with `report merge`.")
    ] = None,
    gate: Annotated[
        str, typer.Option("--gate", metavar="conformant|no-failures",
                          help="What exits 0: only a conformant run (default), or any run where nothing failed.")
    ] = "conformant",
    pytest_output: Annotated[
        bool, typer.Option("--pytest-output", help="Show pytest's own output instead of the progress bar.")
    ] = False,
    catalog: CatalogOption = None,
    pytest_args: Annotated[list[str] | None, typer.Argument(help="Extra pytest arguments (after --).")] = None,
) -> None:
    from conformance.run import RunOptions, run_suite

    if reference and profile is not None:
        raise _fail("--reference and --profile exclude each other: --reference is the bundled vendor's profile")
    if gate not in ("conformant", "no-failures"):
        raise _fail(f"--gate {gate!r}: expected conformant or no-failures")
    options = RunOptions(profile=profile, out=out, domains=domain or [], catalog=catalog, extra=pytest_args or [],
                         defects=defect or [], seed=seed, shard=shard, gate=gate, pytest_output=pytest_output)
    try:
        code = run_suite(options, errors)
    except (ConformanceError, UsageError) as error:
        raise _fail(str(error)) from None
    raise typer.Exit(code)


#: Set by --debug: an unexpected error shows its traceback instead of one line.
_DEBUG = {"on": False}


@app.callback()
def _options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
) -> None:
    _DEBUG["on"] = debug


def main() -> None:
    """Console script entry point: an unexpected error is one ``error:`` line (exit 2) unless
    ``--debug`` asks for its traceback; no traceback reaches a user who did not ask."""
    try:
        app()
    except Exception as error:  # the last line of defence, by design
        if _DEBUG["on"]:
            raise
        errors.print(f"error: internal error ({type(error).__name__}: {str(error)[:300]}); "
                     "rerun with `conformance --debug ...` for the traceback and report it",
                     markup=False, highlight=False)
        sys.exit(2)
