"""The reference vendor's export files, below ``/api/v1/exports``.

``residents.csv``: the catalog's residents layout in UTF-8; ``residents.dat``: the fixed-length layout
``residents_fixed`` in CP932 (:mod:`conformance_reference.jumin.fixed_export`); ``households.csv``: the layout
``households_csv``, one row per 世帯番号 of the residents export. Each shows the current rows through
the same presentation as the linkage API (:mod:`conformance_reference.jumin.presentation`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import timedelta

from conformance import clock
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import FileInterface
from conformance_reference.http import Reply, Request, not_found
from conformance_reference.jumin import fixed_export
from conformance_reference.jumin.presentation import Presentation
from conformance_reference.model import household_order

CSV_TYPE = "text/csv; charset=utf-8"
#: The catalog layout of the households export (a file layout, not an API operation).
HOUSEHOLDS_LAYOUT = "households_csv"
#: The export_unknown_municipality defect's code: 22998 with its check digit, no municipality's.
UNKNOWN_MUNICIPALITY = "229989"


class Exports(Presentation):
    """The export endpoints of :class:`~conformance_reference.app.ReferenceApp` (a mixin; the app
    reads the layouts from its edition)."""

    _fixed_layout: FileInterface | None
    _household_headers: tuple[str, ...] | None
    #: Every person's row as the last migration load left it (the export_stale_rows defect).
    _loaded_rows: list[dict[str, str]] | None = None
    #: The 宛名番号 marked 支援措置対象フラグ 1 at the last load (the export_dv_marks_at_load defect).
    _loaded_marked: frozenset[str] = frozenset()

    def _export(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.model.headers)
        for index, row in enumerate(self._exported_rows()):
            shown = self._present(row)
            if index == 0 and "export_future_date" in self.defects:
                shown = {**shown, "届出年月日": (clock.today() + timedelta(days=365)).isoformat()}
            if index == 0 and "export_unknown_municipality" in self.defects:
                shown = {**shown, "住所_市区町村コード": UNKNOWN_MUNICIPALITY}
            if "export_dv_marks_at_load" in self.defects and row.get("宛名番号") not in self._loaded_marked:
                shown = {**shown, "支援措置対象フラグ": "0"}  # a 支援措置 registered since the load: not marked
            if row.get("住民種別") == "2" and "export_foreign_marks_dropped" in self.defects:
                shown = {**shown, "他業務参照不可フラグ": "0"}  # the 外国人住民's extraction never reads the mark
            values = [shown.get(header, "") for header in self.model.headers]
            writer.writerow(values)
            if index == 0 and "export_duplicate_record" in self.defects:
                writer.writerow(values)
            if "export_former_household_kept" in self.defects:
                # A membership table a 世帯分離 (or 合併, 転居 into another 世帯) leaves behind: the person again,
                # under the former 世帯番号 and 続柄, with their latest 履歴番号.
                former = self._former_household(row)
                if former is not None:
                    writer.writerow([{**shown, **former}.get(header, "") for header in self.model.headers])
        # The cp932_export defect: CP932 bytes under a header that still says UTF-8.
        encoding = "cp932" if "cp932_export" in self.defects else "utf-8"
        return Reply(200, buffer.getvalue().encode(encoding, "replace"), CSV_TYPE)

    def _former_household(self, row: Mapping[str, str]) -> dict[str, str] | None:
        """The 世帯番号 and 続柄 a 住民 had before their latest change of 世帯 (the export_former_household_kept
        defect only), or None."""
        if row.get("住民状態") != "1":
            return None
        earlier = [old for old in self.store.history(row.get("宛名番号", ""))
                   if old.get("世帯番号") and old.get("世帯番号") != row.get("世帯番号")]
        return {"世帯番号": earlier[-1]["世帯番号"], "続柄": earlier[-1].get("続柄", "")} if earlier else None

    def _keep_loaded_rows(self) -> None:
        """Keep the rows as loaded now (start, migration), for the export_stale_rows defect only; the persons
        marked protected now, for the export_dv_marks_at_load defect only."""
        if "export_stale_rows" in self.defects:
            self._loaded_rows = self.store.all_latest()
        if "export_dv_marks_at_load" in self.defects:
            self._loaded_marked = frozenset(row.get("宛名番号", "") for row in self.store.all_latest()
                                            if row.get("支援措置対象フラグ") == "1")

    def _exported_rows(self) -> list[dict[str, str]]:
        """Every person's current row; with the export_stale_rows defect, the rows as the migration
        loaded them (an extraction from a copy refreshed only at the load: later 異動 missing)."""
        if "export_stale_rows" in self.defects and self._loaded_rows is not None:
            return [dict(row) for row in self._loaded_rows]
        return self.store.all_latest()

    def _export_fixed(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """The same rows as the CSV export (and the same defects of presentation), fixed-length."""
        layout = self._fixed_layout
        if layout is None:
            raise not_found(f"the catalog has no fixed-length layout {fixed_export.LAYOUT_ID}")
        rows = (self._present(row) for row in self.store.all_latest())
        if "fixed_export_japanese_only" in self.defects:
            # A fixed-length layout kept from a 日本人-only system: no 外国人住民 (住民種別 2) is written.
            rows = (row for row in rows if row.get("住民種別") != "2")
        if "fixed_export_skips_removed" in self.defects:
            # A fixed-length writer fed from the 住民 table alone: no 除票 is written, residents.csv holds them (issue
            # 67, blind round 3, 08).
            rows = (row for row in rows if row.get("住民状態") == "1")
        if "fixed_export_skips_unencodable" in self.defects:
            # A fixed-length writer that skips a record CP932 cannot hold instead of writing 〓 (blind round 5, 08).
            rows = (row for row in rows if fixed_export.encodable(row))
        if "fixed_export_astral_as_two" in self.defects:
            # A writer that replaces each UTF-16 code unit CP932 lacks: a character outside the BMP (𠮷, an IVS's
            # selector) becomes two 〓 (issue 67: the values of the persons with IVS/外字).
            rows = ({header: fixed_export.per_code_unit(value) for header, value in row.items()} for row in rows)
        if "fixed_export_planned_out_dropped" in self.defects:
            # A fixed-length writer that takes a 転出届 for the move: a 転出予定者 (still a 住民) is not written.
            rows = (row for row in rows if not (row.get("住民状態") == "1" and row.get("転出予定年月日")))
        if "fixed_export_dv_marks_dropped" in self.defects:
            # A fixed-length writer fed from the 住民 table alone, without the 支援措置's: no record is marked.
            rows = ({**row, "支援措置対象フラグ": "0"} for row in rows)
        if "fixed_export_foreign_birth_wareki" in self.defects:
            # A writer kept from a 日本人-only layout: every 生年月日 as a 元号コード and 和暦 年月日 (3110526).
            rows = ({**row, "生年月日": fixed_export.era_code_date(row.get("生年月日", ""))}
                    if row.get("住民種別") == "2" else row for row in rows)
        if "fixed_export_support_end_blank" in self.defects:
            # A writer filling the 支援措置 columns from the flag and the 開始年月日 only: an ended 支援措置 looks open.
            rows = ({**row, "支援措置_終了年月日": ""} for row in rows)
        if "fixed_export_planned_date_dropped" in self.defects:
            # A writer that fills the 転出 items of a 除票 only: a 転出予定者 (still a 住民) has no 転出予定年月日.
            rows = ({**row, "転出予定年月日": ""} if row.get("住民状態") == "1" else row for row in rows)
        if "fixed_export_katagaki_cut" in self.defects:
            # A 方書 field kept from a legacy layout of 全角10文字: the rest of a longer 方書 is lost.
            rows = ({**row, "住所_方書": row.get("住所_方書", "")[:fixed_export.LEGACY_KATAGAKI]} for row in rows)
        # The fixed_char_padding defect: widths counted in characters, so records with kanji run long.
        pad_characters = "fixed_char_padding" in self.defects
        body = fixed_export.fixed_records(layout, rows, pad_characters=pad_characters,
                                          name_shift="fixed_export_name_shift" in self.defects)
        return Reply(200, body, fixed_export.CONTENT_TYPE)

    def _export_households(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """One row per 世帯番号 of the residents export, from the same rows and presentation."""
        headers = self._household_headers
        if headers is None:
            raise not_found(f"the catalog has no file layout {HOUSEHOLDS_LAYOUT}")
        rows = household_rows((self._present(row) for row in self.store.all_latest()), self.defects)
        if "orphan_household" in self.defects:
            rows = rows[1:]  # residents.csv still names this household's 世帯番号
        return Reply(200, csv_body(headers, rows), CSV_TYPE)


def _layout_headers(edition: EditionCatalog, layout_id: str) -> tuple[str, ...] | None:
    """The column headers of a file layout of the edition, if it has one."""
    for entry in edition.interfaces:
        if isinstance(entry, FileInterface) and entry.id == layout_id:
            return tuple(column.header for column in entry.columns)
    return None


def household_rows(rows: Iterable[Mapping[str, str]],
                   defects: frozenset[str] = frozenset()) -> list[Mapping[str, str]]:
    """One row per 世帯番号, by 世帯番号: the values of its first member in 5.2 order, current
    members (住民状態 1) first, so a household whose members all left still has its last address."""
    members: dict[str, list[Mapping[str, str]]] = {}
    for row in rows:
        if row.get("世帯番号"):
            members.setdefault(row["世帯番号"], []).append(row)
    if "households_head_first_number" in defects:
        firsts = (min(group, key=_by_number) for _, group in sorted(members.items()))
        return [{**row, "世帯主氏名": row.get("氏名") or row.get("氏名_アルファベット", "")} for row in firsts]
    return [min(group, key=_by_order) for _, group in sorted(members.items())]


def _by_order(row: Mapping[str, str]) -> tuple[bool, tuple[int, bool, tuple[int, int, int], str]]:
    return row.get("住民状態") != "1", household_order(row)


def _by_number(row: Mapping[str, str]) -> tuple[bool, str]:
    """The households_head_first_number defect's key: the member with the smallest 宛名番号 (a join on the 世帯's
    first member rather than its 世帯主, whose own name then fills 世帯主氏名)."""
    return row.get("住民状態") != "1", row.get("宛名番号", "")


def csv_body(headers: Iterable[str], rows: Iterable[Mapping[str, str]]) -> bytes:
    """A UTF-8 CSV export: the header line, then each row's values by header (CRLF, as residents.csv)."""
    columns = tuple(headers)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([row.get(header, "") for header in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")
