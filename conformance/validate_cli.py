"""The ``conformance validate`` command (registered in cli.py): thin, :mod:`conformance.validate` judges.

Exit 0 when every file is valid, 1 when a file has findings, 2 when the input cannot be used (each
such error one ``error:`` line naming the input, no traceback).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from conformance.errors import ConformanceError, UsageError

if TYPE_CHECKING:
    from conformance.validate import Validation

#: Findings printed by the text output, per file (the summary counts all of them).
SHOWN_LINES = 20
#: Longest text written to the terminal at once (a whole list; each value in it is already bounded).
TERMINAL_LIMIT = 1 << 20


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
    catalog: Annotated[Path | None, typer.Option("--catalog", help="Catalog root (default: the bundled one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")] = False,
) -> None:
    """Validate export files alone against a catalog layout: valid (exit 0) or invalid (exit 1)."""
    from conformance.validate import INVALID

    with _unusable_input_exits_2():
        validation = _validate(files, layout, profile, encoding, catalog, _date(extracted))
        if out is not None:
            write_outputs(validation, out)
    if as_json:
        sys.stdout.write(json.dumps(validation.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(validation)
    raise typer.Exit(1 if validation.verdict == INVALID else 0)



@contextlib.contextmanager
def _unusable_input_exits_2() -> Iterator[None]:
    """Unusable input (a ConformanceError, an OSError): one ``error:`` line each, exit 2."""
    try:
        yield
    except ConformanceError as error:
        for line in str(error).splitlines() or [type(error).__name__]:
            _err(f"error: {line}\n")
        raise typer.Exit(2) from None
    except OSError as error:
        _err(f"error: {error.filename or ''}: {error.strerror or error}\n")
        raise typer.Exit(2) from None


def _out(text: str) -> None:
    """Terminal text: file names, headers and values come from the vendor, so control characters
    (an ANSI escape in a header) are shown as escapes, never sent to the terminal."""
    from conformance.reporting.terminal import safe

    sys.stdout.write(safe(text, TERMINAL_LIMIT))


def _err(text: str) -> None:
    from conformance.reporting.terminal import safe

    sys.stderr.write(safe(text, TERMINAL_LIMIT))


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("invalid")
    except ValueError:
        raise UsageError(f"--extracted {text!r}: expected a date as YYYY-MM-DD") from None


def _validate(files: list[Path], layout: str | None, profile: Path | None, encoding: str | None,
              catalog: Path | None, extracted: dt.date | None) -> Validation:
    from conformance.locations import default_catalog_root
    from conformance.profiles import load_profile
    from conformance.spec.loader import load_catalog
    from conformance.validate import validate_files

    # Errors elsewhere in the catalog (another edition, scenarios) are `catalog validate`'s to report:
    # a layout the errors took away is an unknown layout here.
    loaded = load_catalog(catalog or default_catalog_root())
    chosen = load_profile(profile) if profile is not None else None
    return validate_files(files, loaded, layout=layout, profile=chosen, encoding=encoding, extracted=extracted)


def _print_text(validation: Validation) -> None:
    for result in validation.files:
        count = sum(f.code != "file.too_many_findings" for f in result.findings)
        _out(f"{result.path}: {result.verdict} ({result.layout}, {result.encoding or 'no encoding'}; "
                         f"{count} finding(s) shown)\n")
        for row in result.summary():
            lines = ", ".join(str(n) for n in row["first_lines"])
            column = row["column"] or "-"
            more = f" (+{row['not_shown']} not shown)" if row.get("not_shown") else ""
            _out(f"  {row['code']:<36} {column:<24} {row['count']:>7}{more}"
                             f"{'  lines ' + lines if lines else ''}\n")
        for finding in result.findings[:SHOWN_LINES]:
            parts = [f"expected {finding.expected}" if finding.expected is not None else "",
                     f"got {finding.actual}" if finding.actual is not None else ""]
            detail = f" ({', '.join(p for p in parts if p)})" if any(parts) else ""
            _out(f"  {finding.location.text()}: {finding.code}: {finding.message}{detail}\n")
        if len(result.findings) > SHOWN_LINES:
            _out(f"  ... {len(result.findings) - SHOWN_LINES} more: --json or --out DIR lists them all\n")
    _out(f"verdict: {validation.verdict}\n")


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
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` as JUnit readers can parse it: characters XML forbids, and the terminal's control
    and bidi characters (CI logs print these fields), shown as escapes."""
    from conformance.reporting.terminal import safe

    return safe(_NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text), TERMINAL_LIMIT)


def _finding_line(finding: Any) -> str:
    return f"{finding.location.text()}: {finding.code}: {finding.message}"


def reconcile_command(
    old: Annotated[Path, typer.Argument(help="The legacy system's export.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The new system's export.", show_default=False)],
    layout: Annotated[str, typer.Option("--layout", help="Catalog layout id of both files, e.g. residents_csv.")],
    key: Annotated[list[str] | None, typer.Option("--key", help="Item(s) matching records (default 宛名番号).")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Vendor profile: names, encodings.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of both (default: detected).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write 照合リスト, エラーリスト (CSV, xlsx).")] = None,
    catalog: Annotated[Path | None, typer.Option("--catalog", help="Catalog root (default: the bundled one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")] = False,
) -> None:
    """照合リスト and エラーリスト of a migration: exit 0 when both exports agree, 1 when they differ."""
    from conformance.reconcile import ERROR_COLUMNS, TOTAL_COLUMNS, csv_text, write_lists

    with _unusable_input_exits_2():
        result = _reconcile(old, new, layout, key or ["宛名番号"], profile, encoding, catalog)
        if out is not None:
            write_lists(result, out)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _out("照合リスト\n" + csv_text(result.totals, TOTAL_COLUMNS).replace("\r\n", "\n"))
        _out(f"エラーリスト ({result.counts})\n"
                         + csv_text(result.errors[:SHOWN_LINES], ERROR_COLUMNS).replace("\r\n", "\n"))
    raise typer.Exit(0 if result.clean else 1)


def _reconcile(old: Path, new: Path, layout_id: str, key: list[str], profile: Path | None, encoding: str | None,
               catalog: Path | None) -> Any:
    from contextlib import ExitStack

    from conformance.columnar.layout import LayoutSpec
    from conformance.locations import default_catalog_root
    from conformance.messages import display_path
    from conformance.profiles import load_profile
    from conformance.reconcile import read_side, reconcile
    from conformance.spec.loader import load_catalog
    from conformance.targets.exports import ColumnMaps
    from conformance.transformations import resolve
    from conformance.validate import _edition, _interface

    for path in (old, new):
        if not path.is_file():
            raise UsageError(f"{path}: not a regular file" if path.exists() else f"{path}: no such file")
    chosen = load_profile(profile) if profile is not None else None
    edition = _edition(load_catalog(catalog or default_catalog_root()), [layout_id], chosen)
    layout = _interface(edition, layout_id)
    if layout.format != "csv":
        raise UsageError(f"--layout {layout_id}: reconcile reads csv layouts (this one is {layout.format})")
    exports = chosen.targets.exports if chosen is not None else None
    spec = LayoutSpec.of(edition, layout, ColumnMaps.of(exports).column_map(layout_id))
    declared_transforms = exports.reconcile.get(layout_id) if exports else None
    transforms = resolve(declared_transforms, spec, display_path(profile) if profile else "profile")
    with ExitStack() as stack:
        declared = exports.encoding if exports else {}
        sides = [read_side(path, layout, spec, encoding, declared, stack) for path in (old, new)]
        return reconcile(sides[0], sides[1], spec, key, transforms)
