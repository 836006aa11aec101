"""The 適合状況一覧 as a municipality files it (``conformance report xlsx``; the portal writes it with
the same functions, from the bundle's own results.json).

One sheet per system (a catalog edition of the run), in 業務ID order. Each sheet opens with a header
block (団体名, 団体コード, the system and its 業務ID, package and version, the specification and its
edition, whether that edition is a statute edition, the run's date, the list's date, whether the run
was witnessed or self-declared, the counts by state), then one row per requirement of the edition in
the catalog's order: requirement id, section, section title, level, the requirement's verbatim text,
the state, the evidence, then the requirement's duty (system, operation, outside: docs/catalog-ids.md
"Duties") and, where one was declared, its reason (the harness's reading). The table has an autofilter;
the sheet prints on A4 landscape, one page wide, its column headers repeated on every page.

Levels are named in the edition's vocabulary (:func:`conformance.catalog.models.level_terms`): the
標準仕様書's 類型 (実装必須機能 / 標準オプション機能 / 実装不可機能), 第1.0版's own headings, or, for a
statute edition, our terms, marked as ours. The state is one of the words of the list, in Japanese only
(docs/portal.md, "The 適合状況一覧"; the mapping from the harness states is ours):

- 適合: PASS, WAIVED, or MANUAL verified by an accepted attestation;
- 不適合: FAIL;
- 経過措置中: a requirement recorded as a 経過措置 (the portal's records), whatever the run said;
- 目視確認: MANUAL without an accepted attestation, and NOT_AUTOMATED (no check: a person must
  confirm it; never 適合 unverified);
- 対象外: NOT_APPLICABLE.

ERROR and a requirement the run did not judge are 未判定 (not verified either way): the list never
says more than the run verified. Every cell is written as text: a value a spreadsheet would read
as a formula gets a leading apostrophe, control characters are escaped
(:func:`conformance.reconcile.neutral`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from conformance import clock
from conformance.carry import carried
from conformance.catalog.domains import domain, domain_name, domain_order
from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import DUTY_LABELS, Edition, Level, Requirement, edition_label, level_terms
from conformance.errors import ConformanceError, UsageError
from conformance.reconcile import neutral
from conformance.reporting.bundle import MANIFEST, contained_edition
from conformance.reporting.ziputil import open_checked, read_entry
from conformance.results import declared_languages

CONFORMANT, NOT_CONFORMANT, TRANSITIONAL, MANUAL, NOT_APPLICABLE, UNJUDGED = (
    "適合", "不適合", "経過措置中", "目視確認", "対象外", "未判定")
#: The list's states in the order the header block counts them.
STATES = (CONFORMANT, NOT_CONFORMANT, TRANSITIONAL, MANUAL, NOT_APPLICABLE, UNJUDGED)
COLUMNS = ("要件ID", "節", "節の名称", "区分", "要件（原文）", "適合状況", "根拠・証跡", "責務",
           "責務の理由（ハーネスの解釈）")
WIDTHS = (26, 8, 24, 18, 70, 12, 44, 16, 50)
#: Who produced the results (docs/portal.md, "The trust model"): a run of the command line is
#: self-declared; only a run the portal executes is witnessed.
ORIGINS = {"witnessed": "立会い実行（ポータルが実行）", "self_declared": "自己申告（立会いなし）"}
#: What the header block writes where a value is not known (e.g. no municipality given).
BLANK = "（未記入）"
#: The evidence of a requirement the run did not select.
NOT_SELECTED = "今回の実行に含まれない"


@dataclass(frozen=True)
class Row:
    """One line of the list."""

    requirement: Requirement
    state: str
    evidence: str
    level: str = ""

    def cells(self) -> list[Any]:
        """The row's cells, in :data:`COLUMNS` order."""
        source = self.requirement.source
        duty = DUTY_LABELS[self.requirement.duty][0]
        return [self.requirement.id, source.section, source.title, self.level, self.requirement.text,
                self.state, self.evidence, duty, self.requirement.duty_reason or ""]


@dataclass(frozen=True)
class System:
    """One sheet: a system (a catalog edition of the run) and its rows."""

    domain: str
    edition: str
    catalog: Edition | None
    rows: tuple[Row, ...]

    @property
    def name(self) -> str:
        """The 業務's name (住民基本台帳), the slug for a domain the registry lacks."""
        return domain_name(self.domain)

    @property
    def gyomu_ids(self) -> str:
        entry = domain(self.domain)
        return "、".join(entry.gyomu_ids) if entry else ""

    def counts(self) -> str:
        """How many rows are in each state, in :data:`STATES` order (the states present)."""
        counted = Counter(row.state for row in self.rows)
        return "　".join(f"{state} {counted[state]}" for state in STATES if counted[state])


@dataclass(frozen=True)
class Filing:
    """What the header block says of the filing as a whole (the same on every sheet)."""

    municipality_name: str = ""
    municipality_code: str = ""
    product: str = ""
    version: str = ""
    run_date: str = ""
    made: str = ""
    origin: str = ORIGINS["self_declared"]
    #: Lines of a last sheet, 実行の出所 (the portal's: signer, verdicts, the bundle's hash).
    provenance: Sequence[tuple[str, str]] = field(default=())


def list_state(result: Mapping[str, Any] | None, transition: str | None = None) -> str:
    """The list's state of one requirement (module docstring)."""
    if transition is not None:
        return TRANSITIONAL
    status = None if result is None else result.get("status")
    if status in ("PASS", "WAIVED") or (status == "MANUAL" and result and result.get("attestation")):
        return CONFORMANT
    return {"FAIL": NOT_CONFORMANT, "MANUAL": MANUAL, "NOT_AUTOMATED": MANUAL,
            "NOT_APPLICABLE": NOT_APPLICABLE}.get(str(status), UNJUDGED)


def evidence_references(result: Mapping[str, Any] | None, transition: str | None = None) -> str:
    """What the state rests on: findings (code and location), what the profile declares not to apply and why
    (a column declared absent), the attestation and its files (name and SHA-256), the recorded exchanges,
    the 経過措置's 届出."""
    if result is None:
        return NOT_SELECTED
    parts: list[str] = []
    if transition is not None:
        parts.append(f"経過措置 届出 {transition}")
    parts += [f"{f.get('code')} @ {f.get('location')}" for f in result.get("findings", [])[:5]]
    declared = declared_languages(str(result.get("reason") or ""))
    if declared is not None:  # what the profile declares not to apply (a column declared absent), and why
        parts.append(declared[0])
    attestation = result.get("attestation")
    if isinstance(attestation, Mapping):
        parts.append(attestation_line(attestation))
        parts += [f"{e.get('file')} sha256:{e.get('sha256')}" for e in attestation.get("evidence", [])]
    exchanges = result.get("exchanges", [])
    if exchanges:
        parts.append(f"exchanges.har: {', '.join(str(e.get('id')) for e in exchanges[:5])}")
    return "\n".join(parts) or "results.json"


def attestation_line(attestation: Mapping[str, Any]) -> str:
    """Who attested and when; for one accepted in the portal (``reviewed_by``) who submitted it, who accepted it
    and on which day; and the expiry when it has one (issue 69 item 5: the list a municipality files named the
    submitter only)."""
    reviewer = attestation.get("reviewed_by")
    if reviewer:
        line = f"確認書: 提出 {attestation.get('by')}、承認 {reviewer}（承認日 {attestation.get('date')}）"
    else:
        line = f"確認書: {attestation.get('by')} {attestation.get('date')}"
    return f"{line}、有効期限 {attestation['expires']}" if attestation.get("expires") else line


def systems(document: Mapping[str, Any], catalog_root: Path,
            transitions: Mapping[str, str] | None = None) -> list[System]:
    """Every edition of the run as a sheet, in 業務ID order: each requirement in catalog order with its
    state and evidence."""
    by_id = {str(r["requirement"]): r for r in document.get("results", [])}
    transitions = transitions or {}
    found = []
    for entry in _editions(document):
        edition, requirements = _catalog_edition(entry, catalog_root)
        terms = level_terms(edition, requirements)
        rows = []
        for requirement in requirements:
            result, transition = by_id.get(requirement.id), transitions.get(requirement.id)
            rows.append(Row(requirement, list_state(result, transition), evidence_references(result, transition),
                            terms[Level(requirement.level)]))
        found.append(System(str(entry.get("domain")), str(entry.get("edition")), edition, tuple(rows)))
    return sorted(found, key=lambda system: (*domain_order(system.domain), system.edition))


def _editions(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    editions = (document.get("catalog") or {}).get("editions", [])
    if not editions:
        raise UsageError("results.json names no catalog edition: is it a results file the harness wrote?")
    return list(editions)


def _catalog_edition(entry: Mapping[str, Any], catalog_root: Path) -> tuple[Edition | None, tuple[Requirement, ...]]:
    """The edition the run used, from the catalog with the same hash (the verbatim text must be the
    run's, not another edition's)."""
    directory = contained_edition(catalog_root, entry)
    fingerprint, edition, requirements = _edition(directory) if directory.is_dir() else (None, None, ())
    if fingerprint != entry.get("sha256"):
        raise UsageError(f"{directory}: not the catalog edition the run used (sha256 "
                         f"{str(entry.get('sha256'))[:16]}); give its catalog with --catalog")
    return edition, requirements


@cache
def _edition(directory: Path) -> tuple[str, Edition | None, tuple[Requirement, ...]]:
    """An edition's fingerprint, edition.yaml and requirements, read once per process (the portal
    writes many lists)."""
    loaded = load_edition(directory)
    return edition_fingerprint(directory), loaded.edition, loaded.requirements


def header_block(system: System, filing: Filing) -> list[tuple[str, str]]:
    """The sheet's header: label and value, one line each (module docstring)."""
    catalog = system.catalog
    return [
        ("団体名", filing.municipality_name or BLANK),
        ("団体コード", filing.municipality_code or BLANK),
        ("システム（業務）", f"{system.name}（業務ID {system.gyomu_ids}）" if system.gyomu_ids else system.name),
        ("パッケージ・バージョン", f"{filing.product} {filing.version}".strip() or BLANK),
        ("仕様書", catalog.document if catalog else system.domain),
        ("版", system.edition),
        ("版の種別", edition_label(catalog)[0]),
        ("実行日", filing.run_date or "記録なし"),
        ("作成日", filing.made or BLANK),
        ("実行の出所", filing.origin),
        ("件数", system.counts()),
    ]


def sheet_names(listed: Sequence[System]) -> list[str]:
    """A sheet name per system: the 業務's name, with the edition where a run holds two of one
    domain (Excel: at most 31 characters, none of []:*?/\\, no apostrophe first or last, not History, and
    no two alike ignoring case: a name cut to 31 characters that meets an earlier one gets a number)."""
    named = Counter(system.domain for system in listed)
    names: list[str] = []
    for system in listed:
        name = system.name if named[system.domain] == 1 else f"{system.name} {system.edition}"
        name = "".join("_" if c in "[]:*?/\\" else c for c in carried(name)).strip("'")[:31] or "_"
        if name.casefold() == "history":  # Excel keeps the name for itself
            name += "_"
        taken, number = {n.casefold() for n in (*names, PROVENANCE)}, 1
        unique = name
        while unique.casefold() in taken:
            number += 1
            unique = f"{name[:31 - len(str(number)) - 1]}_{number}"
        names.append(unique)
    return names


def workbook(listed: Sequence[System], filing: Filing, title: str = "") -> bytes:
    """The xlsx bytes: a sheet per system, each with its header block and table; 実行の出所 last
    where the filing has provenance lines.

    Written with XlsxWriter (the writer pandas prefers), in memory: openpyxl built a cell object per
    value and compared style objects per cell, 320-550 ms of CPU for a whole catalog's 18,600 cells and
    most of the portal's slowest page (issue 51); its write-only mode still cost 350 ms, and its cells
    alone, unstyled, 175 ms. openpyxl stays the reader (the catalog importers, the tests)."""
    import xlsxwriter

    buffer = io.BytesIO()
    # Every cell is written as a string (write_string), never read as a formula, number or link.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    if title:
        book.set_properties({"title": _cell(title)})
    bold = book.add_format({"bold": True})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    for system, name in zip(listed, sheet_names(listed), strict=True):
        _write_sheet(book.add_worksheet(name), system, filing, bold, wrapped)
    if filing.provenance or not listed:
        provenance = book.add_worksheet(PROVENANCE)
        for index, (label, value) in enumerate(filing.provenance):
            _write_row(provenance, index, [_cell(label), _cell(value)])
    book.close()
    return buffer.getvalue()


#: The last sheet's name: where the results come from (the portal's lines).
PROVENANCE = "実行の出所"


def _cell(value: Any) -> Any:
    return _text(value) if isinstance(value, str) else neutral(value)


@lru_cache(maxsize=1 << 15)
def _text(value: str) -> str:
    """A text as a cell holds it; kept, since the catalog's texts (requirement, section, level, duty: most of a
    list's cells) are the same objects in every list a process writes (two regular expressions per cell were a
    fifth of the portal's list; issue 51)."""
    return str(neutral(carried(value)))


#: What a worksheet cell holds at most, in UTF-16 code units (Excel's limit; XlsxWriter cuts a longer string
#: without a word).
CELL_LIMIT = 32767


def _fitted(value: str) -> str:
    """``value`` as one cell can hold it: a text over :data:`CELL_LIMIT` is cut, and says so and by how much
    (an attestation with hundreds of evidence files lists them all in one cell)."""
    if len(value) <= CELL_LIMIT // 2:
        return value
    units = value.encode("utf-16-le")
    if len(units) <= 2 * CELL_LIMIT:
        return value
    # Room for the note; a surrogate pair cut in two is dropped whole.
    kept = units[: 2 * (CELL_LIMIT - 40)].decode("utf-16-le", errors="ignore")
    return f"{kept}…（以下 {len(value) - len(kept):,} 文字省略）"


def _write_row(sheet: Any, row: int, values: Sequence[str], style: Any = None, first: int = 0) -> None:
    """``values`` as strings from column ``first`` of ``row`` (0-based); an empty value is a blank cell,
    which keeps the style (a filer's spreadsheet reads no value there, as from openpyxl's list)."""
    for column, value in enumerate(values, start=first):
        if value:
            sheet.write_string(row, column, _fitted(value), style)
        elif style is not None:
            sheet.write_blank(row, column, None, style)


def _write_sheet(sheet: Any, system: System, filing: Filing, bold: Any, wrapped: Any) -> None:
    header = header_block(system, filing)
    top = len(header) + 1  # 0-based row of the column headers: the header block, then a blank line
    for index, (label, value) in enumerate(header):
        _write_row(sheet, index, [_cell(label)], bold)
        _write_row(sheet, index, [_cell(value)], first=1)
    _write_row(sheet, top, COLUMNS, bold)
    for index, row in enumerate(system.rows, start=top + 1):
        cells = [_cell(value) for value in row.cells()]
        _write_row(sheet, index, cells[:2])
        _write_row(sheet, index, cells[2:], wrapped, first=2)  # the text, wrapped and at the top
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.autofilter(top, 0, top + len(system.rows), len(COLUMNS) - 1)
    sheet.freeze_panes(top + 1, 0)
    sheet.repeat_rows(top)
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # one page wide, as many long as it takes


def table_start(sheet: Any) -> int:
    """The row of the table's column headers (below the header block): what a reader of the
    workbook skips to."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == COLUMNS[0]:
            return int(row[0].row)
    raise ValueError(f"sheet {sheet.title!r}: no table header {COLUMNS[0]!r}")


def run_date_of(bundle: bytes) -> str:
    """The run's date as its evidence bundle's manifest records it (``created``), "" when the bundle
    cannot say."""
    try:
        archive, infos = open_checked(bundle)
        with archive:
            info = next((i for i in infos if i.filename == MANIFEST), None)
            created = json.loads(read_entry(archive, info)).get("created") if info else None
    except (ConformanceError, ValueError, OSError):
        return ""
    return japan_day(created) if isinstance(created, str) else ""


def japan_day(created: str) -> str:
    """The day in Japan of the manifest's ``created`` (recorded in UTC): a run at 15:30 UTC ran on the next day in
    Japan, and a run date read off the UTC text named the day before (issue 65). A value that is not an ISO 8601
    date-time with its offset is shown as it is (cut to a date's length): the manifest says what it says."""
    try:
        moment = dt.datetime.fromisoformat(created)
    except ValueError:
        return created[:10]
    if moment.tzinfo is None:
        return created[:10]
    return moment.astimezone(clock.JST).date().isoformat()


def listed_for(document: Mapping[str, Any], catalog_root: Path, filing: Filing,
               transitions: Mapping[str, str] | None = None, title: str = "") -> bytes:
    """The whole list of a results document: :func:`systems` written by :func:`workbook`."""
    return workbook(systems(document, catalog_root, transitions), filing, title)


def rows(document: Mapping[str, Any], catalog_root: Path,
         transitions: Mapping[str, str] | None = None) -> list[Row]:
    """Every row of every sheet, in sheet order (a reader that wants the rows alone)."""
    return [row for system in systems(document, catalog_root, transitions) for row in system.rows]
