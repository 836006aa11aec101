"""Who the fixed-length export (固定長, the catalog's ``residents_fixed``) holds, read beside the residents export
(``residents_csv``) of the same extraction: 10.6 R001's データ抽出機能 is one extraction of the 住民基本台帳, so two
of its files of one moment hold the same 住民.

``file.layout`` judges each file's form; ``model.jumin.state_machine`` reconciles the CSV export with the model's
records; ``jumin.dv.other_business_marked`` reads the 支援措置's marks of the fixed records present. None of them
asks who the fixed file leaves out: a file without any 外国人住民 (1.1.2's 外国人住民データ are part of the
住民基本台帳) passed (issue 67, blind bug 17), and so did one without the 除票 the CSV holds (blind round 3, 08). Here,
per interpretation jumin-1.0-interp-export-records, the two files hold the same persons (the same 宛名番号): a person
of either file is in the other, with whatever status it gives them (a 転出予定者 may be written as a 住民 or as a 除票
dated on the 転出予定年月日: both readings are the register's). Whether an extraction holds 除票 at all is the
vendor's (the text does not say it does): both files with them and both without pass; one with and one without fails
(ours: residents_fixed is our layout of the same 住民データ, the items of residents_csv in fixed-length form).

Both files are first the run's one extraction (:func:`cached_export`: the snapshot taken right after the load), so
no 異動 falls between them. The loaded town holds no 転出予定者: where the adapter declares ``fixtures.persons`` and
``moves.out`` and the exports are fetched from the vendor, the check then records a 転出届 of its own (a 転出予定者 ten
days before the 転出予定年月日; the 世帯主's 氏名 with characters CP932 lacks) and reads both files anew; of that pair
only its own two persons are judged (a scenario running beside it may add persons between the two fetches). The
fixed-length export is one a vendor need not offer (bindings.yaml: ``if_configured``): nothing is read where the
profile's export target does not offer it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from conformance import clock
from conformance.catalog.models import FileInterface
from conformance.checks.files.cache import cached_export
from conformance.checks.registry import CheckContext, check, target_of
from conformance.columnar.compile import LINE, value_name
from conformance.columnar.fixed import from_catalog, read_chunks
from conformance.domains.jumin.fixed_marks import fixed_encoding, offered_fixed_layout
from conformance.domains.jumin.scenarios.access_log import couple
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import ApiExportSource

RESIDENTS = "residents_csv"
SETUP, MOVE_OUT = "fixtures.persons", "moves.out"
#: The items a person's presence is read by, in both layouts.
KEYS = ("宛名番号", "履歴番号", "住民状態")
#: 住民状態 of a 住民 (the catalog's code list: 1 住民, 2 転出, 3 死亡, 9 消除).
CURRENT = "1"
#: The 氏名 of the check's own 世帯主: 葛 with a variation selector and 𠮷 (U+20BB7), neither of which CP932 holds, so
#: a fixed file that leaves out a person it cannot encode (instead of writing 〓 or a 縮退 form, as interpretation
#: jumin-1.0-interp-export-records allows) is seen (blind round 5, 08: the loaded town's names are all CP932's).
OUTSIDE_CP932 = "葛\U000E0100城　\U00020BB7郎"
#: Findings per direction before the rest are counted in one (a file that drops a class of persons drops many).
SHOWN = 20


class Entry(NamedTuple):
    """A person's latest record in one file: where it is and whether it is a 住民's."""

    where: str
    order: int
    current: bool


@check("jumin.fixed_export.persons", reads_exports=True)
def fixed_export_persons(ctx: CheckContext) -> Iterator[Finding]:
    """The fixed-length export holds every person (住民 and 除票) the residents export of the same extraction holds,
    and the other way (10.6 R001, as interpretation jumin-1.0-interp-export-records reads who an export takes)."""
    target = target_of(ctx)
    fixed_layout = offered_fixed_layout(target)
    csv_layout = next((entry for entry in target.catalog.interfaces
                       if isinstance(entry, FileInterface) and entry.id == RESIDENTS), None)
    if fixed_layout is None or csv_layout is None:
        return  # an export the vendor need not offer (bindings.yaml: if_configured)
    absent = [item for item in KEYS if item not in {column.header for column in fixed_layout.columns}]
    if absent:
        yield ctx.finding("file.fixed_person_missing", f"the fixed-length layout has no field {absent[0]}",
                          location=f"layout {fixed_layout.id}", expected=", ".join(KEYS), actual="absent")
        return
    yield from _compared(ctx, cached_export(target, csv_layout), cached_export(target, fixed_layout), fixed_layout)
    exports = target.exports
    own = planned_out(target)
    if own and isinstance(exports, ApiExportSource):
        fresh = (exports.fetch_current(csv_layout.id), exports.fetch_current(fixed_layout.id))
        yield from _compared(ctx, *fresh, fixed_layout, own)


def _compared(ctx: CheckContext, csv_file: ExportFile, fixed_file: ExportFile, fixed_layout: FileInterface,
              only: frozenset[str] | None = None) -> Iterator[Finding]:
    """Both ways: a person of one file the other has no record of (of ``only``'s persons, where given)."""
    in_csv = latest(_csv_records(csv_file))
    in_fixed = latest(_fixed_records(fixed_file, fixed_layout))
    if only is not None:
        in_csv, in_fixed = ({atena: entry for atena, entry in held.items() if atena in only}
                            for held in (in_csv, in_fixed))
    yield from _not_in(ctx, in_csv, in_fixed, fixed_file.path.name)
    yield from _not_in(ctx, in_fixed, in_csv, csv_file.path.name)


def planned_out(target: Target) -> frozenset[str]:
    """A couple of the check's own, the 妻 a 転出予定者 (a 国内転出 届 ten days ahead): their 宛名番号; none where the
    adapter lacks the two operations."""
    driver = target.driver
    if driver is None or not all(driver.implements(operation) for operation in (SETUP, MOVE_OUT)):
        return frozenset()
    client = DriverClient(target.need_http(), driver.base_path,
                          {operation.id: operation for operation in target.catalog.driver_operations})
    husband, wife, _ = couple(client, {"氏名": OUTSIDE_CP932, "氏名_フリガナ": "カツラギ　キチロウ"})
    today = clock.today()
    expect_ok(client, MOVE_OUT, {"宛名番号": [wife], "区分": "国内転出", "届出年月日": today.isoformat(),
                                 "転出予定年月日": (today + dt.timedelta(days=10)).isoformat()})
    return frozenset({husband, wife})


def _not_in(ctx: CheckContext, held: Mapping[str, Entry], other: Mapping[str, Entry],
            other_name: str) -> Iterator[Finding]:
    """A finding for each person of ``held`` (a 住民 or a 除票) that ``other`` has no record of (the first
    :data:`SHOWN`, then a count)."""
    missing = [(atena, entry) for atena, entry in held.items() if atena not in other]
    for atena, entry in missing[:SHOWN]:
        kind = "住民" if entry.current else "除票"
        yield ctx.finding("file.fixed_person_missing", f"a {kind} of one export of the extraction is not in "
                          f"{other_name}", location=f"{other_name} (宛名番号 {atena})",
                          expected=f"the person's record (a 住民 at {entry.where})" if entry.current
                          else f"the person's record (a 除票 at {entry.where})", actual="absent")
    if len(missing) > SHOWN:
        removed = sum(not entry.current for _, entry in missing)
        yield ctx.finding("file.fixed_person_missing", f"{len(missing) - SHOWN} more persons are not in "
                          f"{other_name} ({removed} 除票 among the {len(missing)})",
                          location=f"{other_name} (宛名番号)", expected="every person of the extraction",
                          actual=f"{len(missing)} absent in all")


def latest(records: Iterable[tuple[str, str, str, str]]) -> dict[str, Entry]:
    """Each 宛名番号's latest record (the largest 履歴番号; a file may hold a person's history) from
    ``(where, 宛名番号, 履歴番号, 住民状態)``; a record without a 宛名番号 is file.layout's to judge."""
    found: dict[str, Entry] = {}
    for where, atena, history, status in records:
        if not atena:
            continue
        order = int(history) if history.isdigit() else 0
        if atena not in found or order >= found[atena].order:
            found[atena] = Entry(where, order, status == CURRENT)
    return found


def _csv_records(exported: ExportFile) -> Iterator[tuple[str, str, str, str]]:
    """The residents export's keys by record, with the line each is on (the CSV module: quoted fields may hold a
    line break)."""
    import csv

    declared = exported.declared_encoding.lower()
    encoding = "cp932" if "932" in declared or "jis" in declared else "utf-8-sig"
    with exported.path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            atena, history, status = ((record.get(item) or "").strip() for item in KEYS)
            yield f"{exported.path.name}:{reader.line_num}", atena, history, status


def _fixed_records(exported: ExportFile, layout: FileInterface) -> Iterator[tuple[str, str, str, str]]:
    """The fixed-length export's keys by record (bytes cut at the layout's widths, padding stripped)."""
    headers = [column.header for column in layout.columns]
    wanted = [value_name(headers.index(item)) for item in KEYS]
    for chunk in read_chunks(exported.path, from_catalog(layout, fixed_encoding(exported, layout))):
        for line, atena, history, status in chunk.frame.select(LINE, *wanted).iter_rows():
            yield f"{exported.path.name} record {line}", atena or "", history or "", status or ""
