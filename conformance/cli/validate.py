"""``conformance validate``: thin, :mod:`conformance.validate` judges.

Exit 0 when every file is valid, 1 when a file has findings, 2 when the input cannot be used (each
such error one ``error:`` line naming the input, no traceback: conformance/cli/output.py).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from conformance.cli.options import CatalogOption, JsonOption
from conformance.cli.output import TERMINAL_LIMIT, echo, print_json
from conformance.errors import UsageError

if TYPE_CHECKING:
    from conformance.findings import Finding
    from conformance.validate import Validation

#: Findings printed by the text output, per file (the summary counts all of them).
SHOWN_LINES = 20


def validate_command(
    files: Annotated[list[Path], typer.Argument(help="Export files to validate.", show_default=False)],
    layout: Annotated[str | None, typer.Option("--layout", help="Catalog layout id, e.g. residents_csv.")] = None,
    profile: Annotated[Path | None, typer.Option(
        "--profile", help="Vendor profile: its column names, extra columns, encodings and file names.")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="The encoding the files are declared in (default: the profile's, else detected).")] = None,
    extracted: Annotated[str | None, typer.Option(
        "--extracted", metavar="YYYY-MM-DD", help="The extraction date: event dates after it are findings "
        "(default: today).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write results.json, junit.xml and report.html here.")] = None,
    map_codes: Annotated[bool, typer.Option(
        "--map-codes", help="The files are a legacy export: map their values by the profile's "
        "targets.exports.reconcile.<layout>.codes before the rules, as reconcile maps OLD's.")] = False,
    catalog: CatalogOption = None,
    as_json: JsonOption = False,
) -> None:
    """Validate export files alone against a catalog layout: valid (exit 0) or invalid (exit 1)."""
    from conformance.validate import INVALID

    validation = _validate(files, layout, profile, encoding, catalog, _date(extracted), map_codes)
    if out is not None:
        write_outputs(validation, out)
    if as_json:
        print_json(validation.to_json())
    else:
        _print_text(validation)
        echo(f"next: {next_step(validation.verdict == INVALID, out)}\n")
    raise typer.Exit(1 if validation.verdict == INVALID else 0)


def next_step(invalid: bool, out: Path | None) -> str:
    """The one thing to do after a validation (issue 48)."""
    if not invalid:
        return "the files follow the layout; a whole run (conformance run --profile) judges the requirements"
    if out is not None:
        return (f"open {out / 'report.html'}: each finding with its file, line and column; fix the export and "
                "validate again")
    return ("fix the export at the lines above and validate again (--out DIR writes report.html with every "
            "finding; a column your system does not have: absent_columns in the profile, docs/profiles.md)")



def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("invalid")
    except ValueError:
        raise UsageError(f"--extracted {text!r}: expected a date as YYYY-MM-DD") from None


def _validate(files: list[Path], layout: str | None, profile: Path | None, encoding: str | None,
              catalog: Path | None, extracted: dt.date | None, map_codes: bool = False) -> Validation:
    from conformance.catalog.loader import load_catalog
    from conformance.errors import ProfileError
    from conformance.locations import default_catalog_root
    from conformance.profiles import load_profile, located
    from conformance.validate import validate_files

    # Errors elsewhere in the catalog (another edition, scenarios) are `catalog validate`'s to report:
    # a layout the errors took away is an unknown layout here.
    loaded = load_catalog(catalog or default_catalog_root())
    chosen = load_profile(profile) if profile is not None else None
    try:
        return validate_files(files, loaded, layout=layout, profile=chosen, encoding=encoding, extracted=extracted,
                              map_codes=map_codes)
    except ProfileError as error:  # a mapping problem found when a layout is read: point at the profile's line
        if profile is None:
            raise
        raise located(error, profile) from None


def _print_text(validation: Validation) -> None:
    from conformance.checks.files.rules import DATE_RULES

    for result in validation.files:
        count = sum(f.code != "file.too_many_findings" for f in result.findings)
        echo(f"{result.path}: {result.verdict} ({result.layout}, {result.encoding or 'no encoding'}; "
                         f"{count} finding(s) shown)\n")
        for column, rule in result.readings.items():
            echo(f"  {column}: {DATE_RULES[rule]}\n")
        if result.unconfirmed is not None:
            echo(f"  the layout {result.layout} is ours and unconfirmed: its findings rest on our reading\n")
        for column, reason in result.not_applicable.items():
            echo(f"  {column}: NOT_APPLICABLE: {reason[1]}\n")
        for column in result.codes_mapped:
            echo(f"  {column}: read through the profile's codes (targets.exports.reconcile.{result.layout}.codes)\n")
        for row in result.summary():
            lines = ", ".join(str(n) for n in row["first_lines"])
            column = row["column"] or "-"
            more = f" (+{row['not_shown']} not shown)" if row.get("not_shown") else ""
            echo(f"  {row['code']:<36} {column:<24} {row['count']:>7}{more}"
                             f"{'  lines ' + lines if lines else ''}\n")
        for finding in result.findings[:SHOWN_LINES]:
            parts = [f"expected {finding.expected}" if finding.expected is not None else "",
                     f"got {finding.actual}" if finding.actual is not None else ""]
            detail = f" ({', '.join(p for p in parts if p)})" if any(parts) else ""
            echo(f"  {finding.where}: {finding.code}: {finding.message}{detail}\n")
        if len(result.findings) > SHOWN_LINES:
            echo(f"  ... {len(result.findings) - SHOWN_LINES} more: --json or --out DIR lists them all\n")
    echo(f"verdict: {validation.verdict}\n")


def write_outputs(validation: Validation, out: Path) -> None:
    """``out/results.json`` (the validation document), ``out/junit.xml`` (a test case per file) and
    ``out/report.html`` (the page a person reads)."""
    from conformance.inputs import write_private
    from conformance.reporting.json_report import write_json_atomic
    from conformance.reporting.validation_html import write_validation_report

    document = validation.to_json()
    write_json_atomic(out / "results.json", document)
    write_private(out / "junit.xml", junit_xml(validation))
    write_validation_report(out / "report.html", document)


def junit_xml(validation: Validation) -> bytes:
    """One test suite, one test case per file; a failure lists its findings."""
    from conformance.validate import INVALID

    invalid = [f for f in validation.files if f.verdict == INVALID]
    suite = ET.Element("testsuite", name="conformance validate", tests=str(len(validation.files)),
                       failures=str(len(invalid)), errors="0")
    for result in validation.files:
        case = ET.SubElement(suite, "testcase", classname=result.layout, name=_xml_text(str(result.path)))
        properties = ET.SubElement(case, "properties")
        _property(properties, "layout", result.layout)
        _property(properties, "encoding", result.encoding)
        if result.verdict == INVALID:
            failure = ET.SubElement(case, "failure", message=f"{len(result.findings)} finding(s)")
            failure.text = _xml_text("\n".join(_finding_line(f) for f in result.findings))
    data: bytes = ET.tostring(suite, encoding="utf-8", xml_declaration=True)
    return data


def _property(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, "property", name=name, value=_xml_text(value))


#: What XML 1.0 cannot hold (a vendor's header may carry an ANSI escape): written as an escape.
def _xml_text(text: str) -> str:
    """``text`` as JUnit readers can parse it (:func:`conformance.reporting.junit.xml_text`)."""
    from conformance.reporting.junit import xml_text

    return xml_text(text, TERMINAL_LIMIT)


def _finding_line(finding: Finding) -> str:
    return f"{finding.where}: {finding.code}: {finding.message}"
