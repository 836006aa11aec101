"""``conformance report``: compare runs, merge shards, build, sign and verify evidence bundles.

Mounted by :mod:`conformance.cli.main`. Exit codes: ``diff`` 0 without regressions, 1 with; ``merge`` a
run's (0 conformant, 1 not conformant, 3 incomplete, 4 not run; ``--gate``); ``verify`` 0 when the
bundle is intact and signed by the given key, 1 when not; every command 2 when it could not be done
(unreadable input, bad key). ``--json`` prints one JSON document on stdout and nothing else there.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from conformance.cli.options import GATES, CatalogOption, GateOption, JsonOption
from conformance.cli.output import fail, new_app, print_json, say
from conformance.errors import UsageError
from conformance.reporting.results_file import read_results
from conformance.results import Verdict, exit_code, gate_line

report_app = new_app("Compare runs, merge shards, and build, sign and verify evidence bundles.")

PassphraseOption = Annotated[
    str | None,
    typer.Option("--passphrase-env", metavar="VAR", help="Environment variable holding the private key's passphrase."),
]


def _passphrase(variable: str | None) -> bytes | None:
    if variable is None:
        return None
    value = os.environ.get(variable)
    if not value:
        raise fail(f"--passphrase-env: environment variable {variable} is not set or empty")
    return value.encode("utf-8")


@report_app.command("diff")
def diff(
    old: Annotated[Path, typer.Argument(help="results.json of the earlier run (or its directory).")],
    new: Annotated[Path, typer.Argument(help="results.json of the later run (or its directory).")],
    as_json: JsonOption = False,
) -> None:
    """What changed between two runs: regressions first, then fixes, coverage and other changes."""
    from conformance.reporting.diff import diff_runs, render_text

    result = diff_runs(read_results(_results_path(old)), read_results(_results_path(new)))
    if as_json:
        print_json(result.to_json())
    else:
        sys.stdout.write(render_text(result))
    raise typer.Exit(1 if result.regressions else 0)


def _results_path(path: Path) -> Path:
    return path / "results.json" if path.is_dir() else path


@report_app.command("xlsx")
def xlsx(
    results: Annotated[Path, typer.Argument(help="results.json of a run (or its directory).")],
    out: Annotated[Path | None, typer.Option("--out", help="The xlsx to write (default: 適合状況一覧.xlsx beside it).")]
    = None,
    municipality: Annotated[str | None, typer.Option(
        "--municipality", help="The filing municipality's 団体コード (6 digits): its name and code head every sheet.")]
    = None,
    catalog: CatalogOption = None,
) -> None:
    """The 適合状況一覧 (xlsx) as filed: a sheet per system in 業務ID order, each with its header block
    (団体名, 団体コード, package, edition, dates, self-declared) and every requirement with its state and
    evidence."""
    from conformance.clock import today
    from conformance.inputs import write_private
    from conformance.locations import default_catalog_root
    from conformance.reporting.xlsx import Filing, listed_for, run_date_of

    path = _results_path(results)
    target = out or path.parent / "適合状況一覧.xlsx"
    document = read_results(path)
    profile = document.get("profile") or {}
    name, code = _municipality(municipality)
    beside = path.parent / "evidence.zip"
    filing = Filing(municipality_name=name, municipality_code=code, product=str(profile.get("product", "")),
                    version=str(profile.get("version", "")),
                    run_date=run_date_of(beside.read_bytes()) if beside.is_file() else "",
                    made=today().isoformat())
    data = listed_for(document, catalog or default_catalog_root(), filing)
    try:
        write_private(target, data)
    except OSError as error:
        raise UsageError(f"{target}: cannot be written ({error.strerror})") from None
    say(f"wrote {target}")
    if municipality is None:
        say("団体名・団体コード are blank: give --municipality <団体コード> before filing it")


def _municipality(code: str | None) -> tuple[str, str]:
    """The 団体名 and 団体コード of ``--municipality`` (the 全国地方公共団体コード list), ("", "") without it."""
    from conformance.oracles.municipalities import municipality, municipality_problem

    if code is None:
        return "", ""
    found = municipality(code)
    if found is None:
        raise UsageError(f"--municipality: {municipality_problem(code) or repr(code)}; expected the 6-digit "
                         "団体コード of a municipality (全国地方公共団体コード)")
    name = found.name if found.name.startswith(found.prefecture) else f"{found.prefecture}{found.name}"
    return name, found.code


@report_app.command("merge")
def merge(
    inputs: Annotated[list[Path], typer.Argument(help="The shards' results.json files (or their directories).")],
    out: Annotated[Path, typer.Option("--out", help="Directory for the merged outputs (those a run writes).")],
    catalog: CatalogOption = None,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="The profile the shards ran with (default: the reference's).")
    ] = None,
    gate: GateOption = "conformant",
) -> None:
    """Join shards of one run (`conformance run --shard i/n`) into every output a run writes:
    results.json, junit.xml, report.html, exchanges.har and evidence.zip; the exit code as a run's
    (--gate no-failures lets an incomplete merged run pass a CI gate)."""
    from conformance.reporting.bundle import build_bundle
    from conformance.reporting.json_report import write_json_atomic
    from conformance.reporting.junit import write_junit
    from conformance.reporting.merge import merge_documents
    from conformance.reporting.terminal import print_summary

    if gate not in GATES:
        raise UsageError(f"--gate {gate!r}: expected conformant or no-failures")

    paths = [_results_path(path) for path in inputs]
    merged = merge_documents([(str(path), read_results(path)) for path in paths])
    write_json_atomic(out / "results.json", merged)
    write_junit(out / "junit.xml", merged)
    _write_merged_report(out, merged, catalog)
    _copy_recordings(paths, out)
    build_bundle(_bundle_inputs(out, profile, catalog))  # joins the copied recordings into exchanges.har
    say(f"merged {len(paths)} runs into {out}")
    # The summary a run ends with: a sharded pipeline's log shows the merged verdict, coverage,
    # failures and outputs as an unsharded run's would. Lines unwrapped: a CI log is no terminal.
    print_summary(Console(stderr=True, soft_wrap=True), merged, out)
    accepted = gate_line(Verdict(merged["verdict"]), gate=gate)
    if accepted is not None:
        say(accepted)
    raise typer.Exit(exit_code(Verdict(merged["verdict"]), gate=gate))


def _write_merged_report(out: Path, merged: dict[str, Any], catalog: Path | None) -> None:
    """report.html with the requirement texts of the catalog editions the shards ran (by hash)."""
    from conformance.catalog.fingerprint import edition_fingerprint
    from conformance.catalog.loader import load_edition
    from conformance.locations import default_catalog_root
    from conformance.reporting.bundle import contained_edition
    from conformance.reporting.html import unconfirmed_layouts, write_report

    root = catalog or default_catalog_root()
    requirements: dict[str, Any] = {}
    interfaces: list[object] = []
    for edition in merged.get("catalog", {}).get("editions", []):
        directory = contained_edition(root, edition)  # never outside the catalog root
        if directory.is_dir() and edition_fingerprint(directory) == edition.get("sha256"):
            loaded = load_edition(directory)
            requirements.update({r.id: r for r in loaded.requirements})
            interfaces += loaded.interfaces
        else:
            say(f"warning: {directory} is not the catalog the shards ran (--catalog?): report without texts")
    write_report(out / "report.html", merged, requirements, unconfirmed_layouts(interfaces))


def _copy_recordings(paths: list[Path], out: Path) -> None:
    """The shards' recorded exchanges into the merged run's work directory, for `report bundle`."""
    from conformance.recorder import RECORDING_GLOB

    work = out / "work"
    for number, path in enumerate(paths, start=1):
        for recording in sorted((path.parent / "work").glob(RECORDING_GLOB)):
            work.mkdir(parents=True, exist_ok=True)
            worker = recording.stem.removeprefix("exchanges-")
            copy = work / f"exchanges-input{number}-{worker}.jsonl"
            shutil.copyfile(recording, copy)
            copy.chmod(0o600)  # recorded exchanges are the vendor's data: private


@report_app.command("bundle")
def bundle(
    run_dir: Annotated[Path, typer.Argument(help="A run's output directory (with results.json).")],
    profile: Annotated[
        Path | None, typer.Option("--profile", help="The profile the run used (default: the reference's).")
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """Build RUN_DIR/evidence.zip (unsigned); `conformance run` does this itself at the end."""
    from conformance.reporting.bundle import build_bundle

    path = build_bundle(_bundle_inputs(run_dir, profile, catalog))
    say(f"wrote {path}")


def _bundle_inputs(run_dir: Path, profile: Path | None, catalog: Path | None) -> Any:
    from conformance.locations import default_catalog_root, reference_profile
    from conformance.reporting.bundle import BundleInputs

    return BundleInputs(out=run_dir, profile=profile or reference_profile(),
                        catalog_root=catalog or default_catalog_root())


@report_app.command("keygen")
def keygen(
    out: Annotated[Path, typer.Option("--out", help="Directory for the key pair (PEM).")],
    passphrase_env: PassphraseOption = None,
) -> None:
    """Make an Ed25519 key pair: keep the private key, give the public one to the municipality."""
    from conformance.reporting.bundle import generate_keys, key_fingerprint, load_public_key

    private, public = generate_keys(out, _passphrase(passphrase_env))
    say(f"wrote {private} (private: keep it) and {public} (public: hand it over)")
    say(f"key sha256 {key_fingerprint(load_public_key(public))}")


@report_app.command("sign")
def sign(
    bundle_path: Annotated[Path, typer.Argument(metavar="BUNDLE", help="evidence.zip")],
    key: Annotated[Path, typer.Option("--key", help="Ed25519 private key (PEM).")],
    passphrase_env: PassphraseOption = None,
) -> None:
    """Sign the bundle's manifest (Ed25519); the signature goes into the zip as manifest.sig."""
    from conformance.reporting.bundle import load_private_key, sign_bundle

    fingerprint = sign_bundle(bundle_path, load_private_key(key, _passphrase(passphrase_env)))
    say(f"signed {bundle_path} with key sha256 {fingerprint}")


@report_app.command("verify")
def verify(
    bundle_path: Annotated[Path, typer.Argument(metavar="BUNDLE", help="evidence.zip")],
    key: Annotated[Path, typer.Option("--key", help="The signer's Ed25519 public key (PEM).")],
    as_json: JsonOption = False,
) -> None:
    """Exit 0 when the signature is valid and every file matches the manifest; else 1, naming what differs."""
    from conformance.reporting.bundle import load_public_key, verify_bundle

    outcome = verify_bundle(bundle_path, load_public_key(key))
    if as_json:
        print_json(outcome.to_json())
    elif outcome.valid:
        say(f"{bundle_path}: valid: {outcome.files} files match the manifest, signed by key sha256 {outcome.signer}")
    else:
        for problem in outcome.problems:
            say(f"{bundle_path}: {problem}")
    raise typer.Exit(0 if outcome.valid else 1)
