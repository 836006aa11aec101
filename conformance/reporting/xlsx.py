"""The 適合状況一覧: one row per requirement of the run's catalog editions, in the catalog's order,
as the xlsx a municipality files (``conformance report xlsx``; the portal writes the same).

Columns: requirement id, section, section title, level, the requirement's verbatim text, the
state, the harness's own state, evidence references, then the requirement's duty (system, operation,
outside: docs/catalog-ids.md "Duties") and, where one was declared, its reason (the harness's reading).
The state is one of the five words of the list (docs/portal.md, "The 適合状況一覧"; the mapping from
the harness states is ours):

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

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from conformance.carry import carried
from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import DUTY_LABELS, Requirement
from conformance.errors import UsageError
from conformance.reconcile import neutral
from conformance.reporting.bundle import contained_edition
from conformance.reporting.i18n import LEVELS

CONFORMANT, NOT_CONFORMANT, TRANSITIONAL, MANUAL, NOT_APPLICABLE, UNJUDGED = (
    "適合", "不適合", "経過措置中", "目視確認", "対象外", "未判定")
COLUMNS = ("要件ID", "節", "節の名称", "区分", "要件（原文）", "適合状況", "判定（ハーネス）", "根拠・証跡", "責務",
           "責務の理由（ハーネスの解釈）")
SHEET = "適合状況一覧"


@dataclass(frozen=True)
class Row:
    """One line of the list."""

    requirement: Requirement
    state: str
    harness_state: str
    evidence: str

    def cells(self) -> list[Any]:
        """The row's cells, in :data:`COLUMNS` order."""
        source = self.requirement.source
        level = LEVELS.get(self.requirement.level.value, (self.requirement.level.value, ""))[0]
        duty = DUTY_LABELS[self.requirement.duty][0]
        return [self.requirement.id, source.section, source.title, level, self.requirement.text,
                self.state, self.harness_state, self.evidence, duty, self.requirement.duty_reason or ""]


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
    """What the state rests on: findings (code and location), the attestation and its files (name
    and SHA-256), the recorded exchanges, the 経過措置's 届出."""
    if result is None:
        return "今回の実行に含まれない (not selected)"
    parts: list[str] = []
    if transition is not None:
        parts.append(f"経過措置 届出 {transition}")
    parts += [f"{f.get('code')} @ {f.get('location')}" for f in result.get("findings", [])[:5]]
    attestation = result.get("attestation")
    if isinstance(attestation, Mapping):
        parts.append(f"確認書: {attestation.get('by')} {attestation.get('date')}")
        parts += [f"{e.get('file')} sha256:{e.get('sha256')}" for e in attestation.get("evidence", [])]
    exchanges = result.get("exchanges", [])
    if exchanges:
        parts.append(f"exchanges.har: {', '.join(str(e.get('id')) for e in exchanges[:5])}")
    return "\n".join(parts) or "results.json"


def rows(document: Mapping[str, Any], catalog_root: Path,
         transitions: Mapping[str, str] | None = None) -> list[Row]:
    """Every requirement of the document's catalog editions, in catalog order, with its state."""
    by_id = {str(r["requirement"]): r for r in document.get("results", [])}
    transitions = transitions or {}
    listed: list[Row] = []
    for requirement in _catalog_requirements(document, catalog_root):
        result, transition = by_id.get(requirement.id), transitions.get(requirement.id)
        harness = "NOT_SELECTED" if result is None else str(result.get("status"))
        listed.append(Row(requirement, list_state(result, transition), harness,
                          evidence_references(result, transition)))
    return listed


def _catalog_requirements(document: Mapping[str, Any], catalog_root: Path) -> Iterable[Requirement]:
    """The requirements of each edition the run used, from the catalog with the same hash (the
    verbatim text must be the run's, not another edition's)."""
    editions = (document.get("catalog") or {}).get("editions", [])
    if not editions:
        raise UsageError("results.json names no catalog edition: is it a results file the harness wrote?")
    for edition in editions:
        directory = contained_edition(catalog_root, edition)
        fingerprint, requirements = _edition(directory) if directory.is_dir() else (None, ())
        if fingerprint != edition.get("sha256"):
            raise UsageError(f"{directory}: not the catalog edition the run used (sha256 "
                             f"{str(edition.get('sha256'))[:16]}); give its catalog with --catalog")
        yield from requirements


@cache
def _edition(directory: Path) -> tuple[str, tuple[Requirement, ...]]:
    """An edition's fingerprint and requirements, read once per process (the portal writes many lists)."""
    return edition_fingerprint(directory), load_edition(directory).requirements


def workbook(listed: Iterable[Row], title: str = "") -> bytes:
    """The xlsx bytes: one sheet, a header row, every cell neutral text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    if title:
        book.properties.title = neutral(carried(title))
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in listed:
        sheet.append([neutral(carried(value) if isinstance(value, str) else value) for value in row.cells()])
    for column, width in zip("ABCDEFGHIJ", (26, 8, 24, 16, 70, 12, 16, 40, 16, 50), strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=2, min_col=5, max_col=10):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
