"""``conformance validate``: export files judged alone against a catalog layout, no vendor system.

Each file goes through every rule family of its layout (``file.layout``'s engines and rules, the
same findings as a run), and gets its own verdict: ``valid`` when nothing was found, ``invalid``
otherwise. A profile, when given, brings the vendor's own column names (``targets.exports.columns``),
what its extra columns are, the encodings it declares, and which layout a file name is. Findings
are structured: ``location`` gives the file, the physical line, the 1-based column in the file as it
is, and the field (the header as the file writes it, and the catalog item it stands for).

Input that cannot be used (a file that is not a regular file, an unknown layout, a bad profile) is a
:class:`~conformance.errors.UsageError` or :class:`~conformance.errors.ProfileError`: the front end
prints it as one ``error:`` line and exits 2.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conformance import __version__, messages
from conformance.catalog.catalog import Catalog, EditionCatalog
from conformance.catalog.layouts import LayoutSpec, absent_reasons
from conformance.catalog.models import FileInterface
from conformance.errors import TargetError, UsageError
from conformance.findings import FieldRef, Finding, Location
from conformance.masking import DIGIT_MASK, TEXT_MASK, Scrubber, is_personal_name, mask, personal_item_names
from conformance.profiles import Profile
from conformance.targets.base import Target
from conformance.targets.exports import ColumnMaps, FileExportSource

VALID = "valid"
INVALID = "invalid"
#: Version of the validation document (``--json`` and ``--out DIR/results.json``).
FORMAT_VERSION = "1.0"
#: Codes that say how many findings were not shown (not defects of their own).
NOT_SHOWN = "file.too_many_findings"
#: First lines listed per summary row.
FIRST_LINES = 5

#: Codes whose ``actual`` is no value of the file (a header, a count): never masked.
NOT_VALUES = frozenset({
    "file.header_unexpected_column", "file.header_missing_column", "file.header_order", "file.required",
    "file.too_many_findings", "file.field_count", "file.householder",
})

_TAIL = re.compile(r"(?::(?P<line>[0-9]+))?(?::(?P<column>[0-9]+))?(?: \((?P<header>.*)\))?")


@dataclass
class FileResult:
    """One file's verdict and findings."""

    path: Path
    layout: str
    encoding: str
    findings: list[Finding] = field(default_factory=list)
    #: The readings the checks took where the catalog chose one: the file's column -> the date rule
    #: (``lenient``: rules.DATE_RULES).
    readings: dict[str, str] = field(default_factory=dict)
    #: Columns the profile declares absent whose checks therefore do not apply -> why (ja, en).
    not_applicable: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: The layout's provenance when it is ours and unconfirmed: every finding rests on our reading.
    unconfirmed: str | None = None
    #: Columns whose values were read through the profile's code mapping (``--map-codes``).
    codes_mapped: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        return INVALID if self.findings else VALID

    def summary(self) -> list[dict[str, Any]]:
        """Findings by code and column: how many were shown and their first lines; then, from the
        ``file.too_many_findings`` rows, how many were not shown, by rule and column."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for finding in self.findings:
            place = _located(finding)
            header = place.field.header if place.field is not None else ""
            if finding.code == NOT_SHOWN:
                continue
            row = rows.setdefault((finding.code, header), {
                "code": finding.code, "column": header or None, "count": 0, "first_lines": [],
            })
            row["count"] += 1
            line = place.line
            if line is not None and len(row["first_lines"]) < FIRST_LINES and line not in row["first_lines"]:
                row["first_lines"].append(line)
        for finding in self.findings:
            if finding.code == NOT_SHOWN:
                place = _located(finding)
                header = place.field.header if place.field is not None else ""
                rows[(finding.message, header)] = {"code": NOT_SHOWN, "column": header or None,
                                                   "count": _hidden(finding), "first_lines": [],
                                                   "message": finding.message}
        return list(rows.values())

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "layout": self.layout, "encoding": self.encoding or None,
                "verdict": self.verdict, "summary": self.summary(), "readings": self.readings,
                "layout_unconfirmed": self.unconfirmed, "codes_mapped": list(self.codes_mapped),
                "not_applicable": [{"column": header, "reason": reason[1], "reason_ja": reason[0]}
                                   for header, reason in self.not_applicable.items()],
                "findings": [{**f.to_json(), "unconfirmed_layout": self.unconfirmed is not None}
                             for f in self.findings]}


@dataclass
class Validation:
    """What ``conformance validate`` found: the edition judged against, and each file's result."""

    edition: EditionCatalog
    profile: str | None
    files: list[FileResult] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return INVALID if any(f.verdict == INVALID for f in self.files) else VALID

    def to_json(self) -> dict[str, Any]:
        counts = Counter(f.code for result in self.files for f in result.findings if f.code != NOT_SHOWN)
        return {
            "format_version": FORMAT_VERSION,
            "kind": "validation",
            "verdict": self.verdict,
            "harness_version": __version__,
            "catalog": {"domain": self.edition.domain, "edition": self.edition.edition_name},
            "profile": self.profile,
            "summary": {"files": len(self.files), "invalid": sum(f.verdict == INVALID for f in self.files),
                        "by_code": dict(sorted(counts.items()))},
            "files": [f.to_json() for f in self.files],
        }


def validate_files(
    paths: Sequence[Path], catalog: Catalog, *, layout: str | None = None, profile: Profile | None = None,
    encoding: str | None = None, extracted: dt.date | None = None, map_codes: bool = False,
) -> Validation:
    """Judge each file against its layout (``layout``, else the one the profile names the file
    for). UsageError for a file that is not a regular file or a layout that cannot be found.
    ``map_codes``: the file is a legacy export; the profile's ``targets.exports.reconcile.<layout>.codes``
    map its values before every rule, as ``conformance reconcile`` maps OLD's (UsageError when the
    profile maps no code of a file's layout)."""
    if not paths:
        raise UsageError("name at least one file to validate")
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: not a regular file" if path.exists() else f"{path}: no such file")
    layouts = {path: _layout_of(path, layout, profile) for path in paths}
    if map_codes:
        _need_codes(set(layouts.values()), profile)
    edition = _edition(catalog, set(layouts.values()), profile)
    validation = Validation(edition, profile.name if profile is not None else None)
    # Learns the personal values of the records findings are about, and masks them in every finding.
    scrubber = Scrubber(personal_item_names(edition.data_items))
    for path, layout_id in layouts.items():
        validation.files.append(_validate_one(path, layout_id, layouts, edition, profile, encoding, extracted,
                                              scrubber, map_codes))
    return validation


def _need_codes(layout_ids: Iterable[str], profile: Profile | None) -> None:
    """``--map-codes`` asks for the profile's code mappings: a UsageError when there are none to apply."""
    if profile is None:
        raise UsageError("--map-codes: name the profile whose targets.exports.reconcile.<layout>.codes map the "
                         "file's values (--profile)")
    exports = profile.targets.exports
    declared = {lid for lid, t in (exports.reconcile if exports is not None else {}).items() if t.codes}
    for layout_id in sorted(layout_ids):
        if layout_id not in declared:
            raise UsageError(f"--map-codes: the profile {profile.name!r} maps no code of layout {layout_id} "
                             f"(expected targets.exports.reconcile.{layout_id}.codes; it has "
                             f"{messages.listing(sorted(declared)) if declared else 'none'})")


def _layout_of(path: Path, layout: str | None, profile: Profile | None) -> str:
    if layout is not None:
        return layout
    exports = profile.targets.exports if profile is not None else None
    if exports is not None:
        named = [lid for lid, name in exports.files.items() if Path(name).name == path.name]
        if len(named) == 1:
            return named[0]
    raise UsageError(f"{path}: which layout? name it with --layout ID (or list the file name under the "
                     "profile's targets.exports.files)")


def _edition(catalog: Catalog, layout_ids: Iterable[str], profile: Profile | None) -> EditionCatalog:
    """The edition holding every layout (among the profile's claims when there is a profile)."""
    wanted = sorted(set(layout_ids))
    editions = [e for e in catalog.editions
                if profile is None or profile.claims_edition(e.domain, e.edition_name)]
    for edition in reversed(editions):  # the newest edition first
        ids = {i.id for i in edition.interfaces if isinstance(i, FileInterface)}
        if all(lid in ids for lid in wanted):
            return edition
    known = sorted({i.id for e in editions for i in e.interfaces if isinstance(i, FileInterface)})
    missing = next(lid for lid in wanted if lid not in known) if any(lid not in known for lid in wanted) else wanted[0]
    raise UsageError(f"--layout: {messages.unknown_lookup('file layout', missing, known)}")


def _validate_one(
    path: Path, layout_id: str, layouts: Mapping[Path, str], edition: EditionCatalog, profile: Profile | None,
    encoding: str | None, extracted: dt.date | None, scrubber: Scrubber, map_codes: bool = False,
) -> FileResult:
    exports = profile.targets.exports if profile is not None else None
    files = {layout_id: path}
    for other, other_layout in layouts.items():  # the other files, for the references between layouts
        files.setdefault(other_layout, other)
    layout = next(i for i in edition.interfaces if isinstance(i, FileInterface) and i.id == layout_id)
    declared = {lid: _declared(file, _interface(edition, lid), encoding, exports.encoding if exports else {})
                for lid, file in files.items()}
    target = Target(catalog=edition, exports=FileExportSource(files, declared, ColumnMaps.of(exports, codes=map_codes)),
                    personal=scrubber)
    if extracted is not None:
        from conformance.checks.files.invariants import EXTRACTED

        target.cache[EXTRACTED] = extracted
    from conformance.checks.files.cache import layout_spec
    from conformance.checks.files.check import judge_layout
    from conformance.checks.files.learned import learn_personal

    spec = layout_spec(target, layout)
    issues: list[Finding] = []
    try:
        issues.extend(judge_layout(target, layout_id))
    except TargetError as error:  # no encoding decodes the content: the encoding findings say why
        issues.append(Finding("file.not_judged", f"the content was not judged: {error}", path.name))
    learn_personal(target, layout)
    issues = _pointed(issues, path, layout, edition)
    findings = [_scrubbed(_finding(issue, path, spec), scrubber) for issue in issues]
    unconfirmed = None if layout.provenance.confirmed else layout.provenance.reference
    mapped = tuple(spec.mapping.vendor_title(header) or header for header, codes in spec.recodes.items() if codes)
    return FileResult(path, layout_id, declared[layout_id], findings, _readings(spec), absent_reasons(spec),
                      unconfirmed, mapped)


#: The encoding findings a file in another layout's encoding gets.
ENCODING_CODES = frozenset({"file.encoding_mismatch", "file.encoding_not_allowed", "file.encoding_undeclared"})


def _pointed(issues: list[Finding], path: Path, layout: FileInterface, edition: EditionCatalog) -> list[Finding]:
    """The encoding findings saying which layout of the edition the bytes match (issue 69 item 6: a CP932 file
    validated against the UTF-8 layout was told its bytes were not UTF-8 and nothing else): a layout of the same
    format and columns that allows the encoding the whole file decodes in (residents_csv_cp932 for residents_csv;
    never another file's layout that merely shares the encoding)."""
    if not any(issue.code in ENCODING_CODES for issue in issues):
        return issues
    from conformance.checks.files.encoding import detect, starts_with_bom

    detected = detect(path, starts_with_bom(path))
    matching = [] if detected is None else [
        i.id for i in edition.interfaces
        if isinstance(i, FileInterface) and i.id != layout.id and i.format == layout.format
        and _columns(i) == _columns(layout) and _allows(i, detected)]
    if not matching:
        return issues
    hint = (f"; the bytes are {detected}, the encoding of layout {messages.listing(matching)} "
            f"(conformance validate --layout {matching[0]})")
    return [dataclasses.replace(issue, message=issue.message + hint) if issue.code in ENCODING_CODES else issue
            for issue in issues]


def _readings(spec: LayoutSpec) -> dict[str, str]:
    """The date rule of each date column the catalog reads leniently (issue 27, item 8: a
    non-calendar date such as 2001-02-30 is valid there, and the output says it was a choice)."""
    from conformance.checks.files.rules import DATE_RULES

    return {spec.mapping.vendor_title(header) or header: "lenient" for header, item in spec.items.items()
            if item.type == "date" and item.calendar == "lenient" and item.calendar in DATE_RULES}


def _interface(edition: EditionCatalog, layout_id: str) -> FileInterface:
    return next(i for i in edition.interfaces if isinstance(i, FileInterface) and i.id == layout_id)


def _declared(path: Path, layout: FileInterface, given: str | None, profile: Mapping[str, str]) -> str:
    """The encoding the file is said to be in: ``--encoding``, the profile's, else what the bytes
    decode as when the layout allows it, else the layout's first (its findings then say what the
    bytes are)."""
    if given:
        return given
    if layout.id in profile:
        return profile[layout.id]
    from conformance.checks.files.encoding import detect, starts_with_bom

    detected = detect(path, starts_with_bom(path))
    if detected is not None and _allows(layout, detected):
        return detected
    return layout.encodings[0] if layout.encodings else ""


def _columns(layout: FileInterface) -> tuple[tuple[str, str], ...]:
    """The layout's columns as (header, data item): two layouts of one file in two encodings have the same."""
    return tuple((column.header, column.data_item) for column in layout.columns)


def _allows(layout: FileInterface, encoding: str) -> bool:
    """Whether ``layout`` takes a file in ``encoding`` (utf-8-sig allows plain UTF-8 too)."""
    return encoding in layout.encodings or (encoding == "utf-8" and "utf-8-sig" in layout.encodings)


def _located(finding: Finding) -> Location:
    """A validated file's finding's structured location (a text one, which validation never gives,
    as the file alone)."""
    return finding.location if isinstance(finding.location, Location) else Location(finding.location)


def _finding(issue: Finding, path: Path, spec: LayoutSpec) -> Finding:
    """A pass's finding as ``conformance validate`` gives it: its location structured, its value
    masked when the field is personal."""
    location = _location(issue.where, path, spec)
    actual = issue.actual
    if (actual and issue.code not in NOT_VALUES and location.field is not None and _personal(location.field, spec)
            and not _masked(actual)):
        actual = mask(actual)
    return dataclasses.replace(issue, location=location, actual=actual)


def _scrubbed(finding: Finding, scrubber: Scrubber) -> Finding:
    """The finding with the personal values the scrubber knows masked in its texts."""
    def text(value: str | None) -> str | None:
        return scrubber.text(value) if value is not None else None

    return dataclasses.replace(finding, message=scrubber.text(finding.message), expected=text(finding.expected),
                               actual=text(finding.actual))


def _location(raw: str, path: Path, spec: LayoutSpec) -> Location:
    """An issue's ``file:line:column (header)`` as a structure."""
    name = path.name
    rest = raw[len(name):] if raw.startswith(name) else raw
    match = _TAIL.fullmatch(rest)
    if match is None:
        return Location(str(path), None, None, None)
    line, column, header = match.group("line"), match.group("column"), match.group("header")
    ref = None
    if header is not None:
        catalog_header = spec.mapping.catalog_header(header)
        item = spec.items.get(catalog_header)
        ref = FieldRef(header, catalog_header if item is not None else None, item.id if item is not None else None)
    return Location(str(path), int(line) if line else None, int(column) if column else None, ref)


def _personal(ref: FieldRef, spec: LayoutSpec) -> bool:
    """Personal by the catalog's flag or by name (the flags are incomplete: masking.py)."""
    item = spec.items.get(ref.item) if ref.item is not None else None
    return (item is not None and item.personal) or is_personal_name(ref.header) or is_personal_name(ref.item or "")


def _masked(value: str) -> bool:
    """Already masked by the check, or a code point (char_class findings show only that)."""
    return TEXT_MASK in value or DIGIT_MASK in value or value.startswith("U+")


def _hidden(finding: Finding) -> int:
    """How many findings a ``file.too_many_findings`` row stands for."""
    numbers = re.match(r"([0-9]+)", finding.message)
    return int(numbers.group(1)) if numbers else 0
