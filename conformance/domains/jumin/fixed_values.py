"""The values of the fixed-length export (固定長, the catalog's ``residents_fixed``), read beside the residents export
(``residents_csv``) of the same extraction: two files of one extraction (10.6 R001's データ抽出機能) give each record
the same value of every item the fixed-length layout defines (interpretation jumin-1.0-interp-export-records).

``jumin.fixed_export.persons`` asks who the two files hold; ``file.layout`` whether each fixed value fits its item
(a type, a length, a code). Neither sees a value that fits and is wrong: a 生年月日 written another way, a 氏名 cut
short, a field shifted by a byte that still decodes, a code of another table (issue 67). Here a record of the fixed
file is compared with the CSV record of the same person and 履歴番号, item by item, after the layout's padding is
stripped from both (the fixed-length format cannot tell trailing padding from the value). Where the text leaves room:

- a character the fixed file's encoding (CP932) cannot hold may be written as any one character (〓, a 縮退 form,
  a 外字 of the user-defined area), and a variation selector (IVS) may be left out or the character with it written
  as any one character: the CSV, in UTF-8, holds them; a character outside the BMP is one, not two UTF-16 code units;
- a 転出予定者 may be a 住民 in one file and a 除票 in the other (the register's two readings): their status items
  (:data:`STATUS_ITEMS`) are then not compared;
- a file may hold a person's history or their latest row only: only the records both files hold are compared, and
  the two files' latest 履歴番号 of each person they both hold.

The loaded town has no 転出予定者: where the adapter declares ``fixtures.persons`` and ``moves.out``, the check
records one of its own as ``jumin.fixed_export.persons`` does and compares that couple's records in both files read
anew (their 転出予定年月日 among them). Nor has it a 支援措置 with a 支援措置_終了年月日: where the adapter declares
``support.register`` too, one of that couple makes a 申出 (its start and end) before the files are read anew.

The 支援措置's marks are 3.4 R001's (``items`` of the binding there); the other items 10.6 R001's (``leave``). The
fixed-length export is one a vendor need not offer (bindings.yaml: ``if_configured``): nothing is read where the
profile does not offer it. Values are shown as ``file.layout`` shows them (a personal item's value masked).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from conformance import clock
from conformance.catalog.layouts import Column, LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks.files.cache import cached_export, layout_spec
from conformance.checks.files.rules import shown_for
from conformance.checks.registry import CheckContext, check, target_of
from conformance.columnar.compile import LINE, value_name
from conformance.columnar.fixed import from_catalog, read_chunks
from conformance.domains.jumin.fixed_marks import fixed_encoding, offered_fixed_layout
from conformance.domains.jumin.fixed_persons import planned_out
from conformance.domains.jumin.params import FixedValuesParams
from conformance.findings import Finding
from conformance.oracles.shien_sochi import support_end_date
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import ApiExportSource

RESIDENTS = "residents_csv"
#: The driver operation registering a 支援措置の申出 (1.1.16).
SUPPORT = "support.register"
CODE = "file.fixed_value_differs"
ATENA, HISTORY, STATUS, PLANNED = "宛名番号", "履歴番号", "住民状態", "転出予定年月日"
#: The items a 除票 written for a 転出予定者 changes (interpretation tenshutsu-status: a 住民 with the 転出's row, or a
#: 除票 dated on the 転出予定年月日); which of them a vendor fills then is not said, so none is compared.
STATUS_ITEMS = frozenset({STATUS, "異動事由", "異動日", "転出年月日（確定）", "転出先住所（確定）_市区町村コード"})
#: 住民状態 of a 住民 and of a 転出 (the catalog's code list).
RESIDENT, MOVED_OUT = "1", "2"
#: Findings per item before the rest are counted in one (a shifted field differs in every record).
SHOWN = 10
#: Variation selectors: CP932 has none, so the fixed file may write the base character alone.
_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")

Record = Mapping[str, str]


class Located(NamedTuple):
    """A record of one file and where it is (``file:line`` or ``file record n``)."""

    where: str
    values: Record


@check("jumin.fixed_export.values", reads_exports=True)
def fixed_export_values(ctx: CheckContext) -> Iterator[Finding]:
    """Each record of the fixed-length export gives every item the value the residents export of the same extraction
    gives the same person's record (10.6 R001; the 支援措置's marks under 3.4 R001)."""
    target = target_of(ctx)
    args = ctx.args(FixedValuesParams)
    fixed_layout = offered_fixed_layout(target)
    csv_layout = next((entry for entry in target.catalog.interfaces
                       if isinstance(entry, FileInterface) and entry.id == RESIDENTS), None)
    if fixed_layout is None or csv_layout is None:
        return  # an export the vendor need not offer (bindings.yaml: if_configured)
    csv_file, fixed_file = cached_export(target, csv_layout), cached_export(target, fixed_layout)
    csv_records = dict(_keyed(csv_rows(csv_file, layout_spec(target, csv_layout))))
    fixed_records = dict(_keyed(fixed_rows(fixed_file, fixed_layout)))
    headers = [column.header for column in fixed_layout.columns]
    compared = [header for header in headers
                if (not args.items or header in args.items) and header not in args.leave]
    columns = {column.header: column for column in LayoutSpec.of(target.catalog, fixed_layout).columns(headers)}
    padding = fixed_layout.padding
    encoding = fixed_encoding(fixed_file, fixed_layout)
    found = _differences(ctx, csv_records, fixed_records, compared, padding, encoding, columns)
    fresh = _planned_pair(target, csv_layout, fixed_layout) if PLANNED in compared else None
    if fresh is not None:
        found = itertools.chain(found, _differences(ctx, *fresh, compared, padding, encoding, columns))
    shown: dict[str, int] = {}
    for header, finding in found:
        shown[header] = shown.get(header, 0) + 1
        if shown[header] <= SHOWN:
            yield finding
    for header, count in shown.items():
        if count > SHOWN:
            yield ctx.finding(CODE, f"{count - SHOWN} more records of {fixed_file.path.name} give {header} another "
                              f"value than {csv_file.path.name}", location=f"{fixed_file.path.name} ({header})",
                              expected=f"the value of {csv_file.path.name}", actual=f"{count} records differ in all")


def _planned_pair(target: Target, csv_layout: FileInterface, fixed_layout: FileInterface) -> tuple[
        dict[tuple[str, str], Located], dict[tuple[str, str], Located]] | None:
    """The loaded town has no 転出予定者: where the adapter declares the operations (jumin.fixed_export.persons'
    :func:`planned_out`) and the exports are fetched from the vendor, a couple of the check's own, the 妻 a
    転出予定者, and both files read anew: their records only (a scenario running beside may add persons between the
    two fetches). None without the operations."""
    exports = target.exports
    if not isinstance(exports, ApiExportSource):
        return None  # files in a directory: nothing the check records can be in them
    own = planned_out(target)
    if not own:
        return None
    _supported(target, own)
    csv_file, fixed_file = exports.fetch_current(csv_layout.id), exports.fetch_current(fixed_layout.id)
    return ({key: record for key, record in _keyed(csv_rows(csv_file, layout_spec(target, csv_layout)))
             if key[0] in own},
            {key: record for key, record in _keyed(fixed_rows(fixed_file, fixed_layout)) if key[0] in own})


def _supported(target: Target, couple: frozenset[str]) -> None:
    """The loaded town holds no 支援措置 with its 支援措置_終了年月日 (issue 67, blind round 4 bug 13: a fixed file
    writing it blank passed): where the adapter declares ``support.register``, the 申出 of one of the couple, begun
    thirty days ago and ending a year after its start (1.1.16 R002, the driver's 支援措置の期間), so that both files
    read anew carry its flag and both of its dates."""
    driver = target.driver
    if driver is None or not driver.implements(SUPPORT):
        return
    client = DriverClient(target.need_http(), driver.base_path,
                          {operation.id: operation for operation in target.catalog.driver_operations})
    atena = min(couple)
    start = clock.today() - dt.timedelta(days=30)
    expect_ok(client, SUPPORT, {"宛名番号": atena, "区分": "現住所地市区町村", "申出者": {"宛名番号": atena},
                                "支援措置の期間": {"支援措置の開始年月日": start.isoformat(),
                                              "支援措置の終了年月日": support_end_date(start).isoformat()}})


def _differences(ctx: CheckContext, csv_records: Mapping[tuple[str, str], Located],
                 fixed_records: Mapping[tuple[str, str], Located], compared: Sequence[str], padding: str,
                 encoding: str, columns: Mapping[str, Column]) -> Iterator[tuple[str, Finding]]:
    """A finding per item of a record the two files both hold whose values differ, and per person whose latest
    履歴番号 differs (where 履歴番号 is compared)."""
    for key, fixed in fixed_records.items():
        held = csv_records.get(key)
        if held is None:
            continue
        passed = STATUS_ITEMS if _status_may_differ(held.values, fixed.values) else frozenset()
        for header in compared:
            expected = held.values.get(header)
            if expected is None or header in passed:
                continue  # a column the CSV lacks (the profile's absent_columns) is file.layout's to judge
            actual = fixed.values.get(header, "")
            if not same(expected.rstrip(padding), actual, encoding):
                yield header, ctx.finding(
                    CODE, f"{header} of the fixed-length record differs from the CSV record of the same person "
                    f"({held.where})", location=f"{fixed.where} ({header})",
                    expected=shown_for(expected.rstrip(padding), columns[header]) if expected.rstrip(padding)
                    else "blank", actual=shown_for(actual, columns[header]) if actual else "blank")
    if HISTORY in compared:
        yield from ((HISTORY, finding) for finding in _latest_differs(ctx, csv_records, fixed_records))


def _latest_differs(ctx: CheckContext, csv_records: Mapping[tuple[str, str], Located],
                    fixed_records: Mapping[tuple[str, str], Located]) -> Iterator[Finding]:
    """A person both files hold whose latest 履歴番号 differs (a fixed file written from a stale copy, or with a
    wrong 履歴番号): the records of the two are then not compared above."""
    in_csv, in_fixed = _latest(csv_records), _latest(fixed_records)
    for atena, (order, fixed) in in_fixed.items():
        other = in_csv.get(atena)
        if other is not None and other[0] != order:
            yield ctx.finding(CODE, f"the fixed-length file's latest {HISTORY} of the person differs from the CSV's "
                              f"({other[1].where})", location=f"{fixed.where} ({HISTORY})",
                              expected=other[1].values.get(HISTORY, ""), actual=fixed.values.get(HISTORY, ""))


def _latest(records: Mapping[tuple[str, str], Located]) -> dict[str, tuple[int, Located]]:
    found: dict[str, tuple[int, Located]] = {}
    for (atena, history), record in records.items():
        order = int(history) if history.isdigit() else -1
        if atena not in found or order > found[atena][0]:
            found[atena] = (order, record)
    return found


def _status_may_differ(held: Record, fixed: Record) -> bool:
    """Whether the two records are a 転出予定者 written as a 住民 in one file and a 除票 in the other."""
    statuses = {held.get(STATUS, ""), fixed.get(STATUS, "")}
    return statuses == {RESIDENT, MOVED_OUT} and bool(held.get(PLANNED) or fixed.get(PLANNED))


def same(expected: str, actual: str, encoding: str) -> bool:
    """Whether the fixed file's ``actual`` is the CSV's ``expected`` as ``encoding`` can write it: each character the
    encoding lacks may be any one character; a character with a variation selector (an IVS: one 異体字 to its
    reader) may be its base character alone or, as a character the encoding lacks, any one character. A character
    outside the BMP is one character, not the two UTF-16 code units a writer may count (two 〓 are another value)."""
    if expected == actual:
        return True
    try:
        expected.encode(encoding)
    except UnicodeEncodeError:
        return re.fullmatch("".join(_unit_pattern(unit, encoding) for unit in _units(expected)), actual) is not None
    return False


def _units(text: str) -> Iterator[str]:
    """The characters of ``text``, each with the variation selectors that follow it (an IVS is one unit)."""
    for match in re.finditer(f".{_SELECTORS.pattern}*|{_SELECTORS.pattern}", text, re.DOTALL):
        yield match.group()


def _unit_pattern(unit: str, encoding: str) -> str:
    base = _SELECTORS.sub("", unit)
    if not base:
        return "(?:)"  # a selector without a character before it: left out
    try:
        base.encode(encoding)
    except UnicodeEncodeError:
        return "."
    return f"(?:{re.escape(base)}|.)" if base != unit else re.escape(base)


def _keyed(records: Iterator[Located]) -> Iterator[tuple[tuple[str, str], Located]]:
    """Each record under its (宛名番号, 履歴番号); one without a 宛名番号 is file.layout's to judge."""
    for record in records:
        atena = record.values.get(ATENA, "").strip()
        if atena:
            yield (atena, record.values.get(HISTORY, "").strip()), record


def csv_rows(exported: ExportFile, spec: LayoutSpec) -> Iterator[Located]:
    """The residents export's records by catalog header (a vendor's own column names mapped by its profile), with
    the line each is on (the CSV module: a quoted field may hold a line break)."""
    declared = exported.declared_encoding.lower()
    encoding = "cp932" if "932" in declared or "jis" in declared else "utf-8-sig"
    with exported.path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        titles = next(reader, [])
        headers = [spec.mapping.catalog_header(title) for title in titles]
        for values in reader:
            yield Located(f"{exported.path.name}:{reader.line_num}",
                          dict(zip(headers, values, strict=False)))


def fixed_rows(exported: ExportFile, layout: FileInterface) -> Iterator[Located]:
    """The fixed-length export's records by header (bytes cut at the layout's widths, padding stripped)."""
    headers = [column.header for column in layout.columns]
    names = [value_name(index) for index in range(len(headers))]
    for chunk in read_chunks(exported.path, from_catalog(layout, fixed_encoding(exported, layout))):
        for line, *values in chunk.frame.select(LINE, *names).iter_rows():
            yield Located(f"{exported.path.name} record {line}",
                          {header: value or "" for header, value in zip(headers, values, strict=True)})
