"""3.4 R001 in the fixed-length export (固定長, the catalog's ``residents_fixed``): a 支援措置対象者's record carries
the marks a receiving system withholds them by (他業務参照不可フラグ, 支援措置対象フラグ), as the CSV export's does.

The fixed-length export is one a vendor need not offer (bindings.yaml: ``if_configured``): it is read here only
when the profile's export target offers it, with the run's one extraction (:func:`cached_export`), record by
record through the columnar reader (bytes cut at the layout's widths, padding stripped). A record whose bytes do not
fit the layout is ``file.layout``'s finding, not this one's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from conformance.catalog.models import FileInterface
from conformance.checks.files.cache import cached_export
from conformance.checks.files.encoding import usable
from conformance.checks.registry import CheckContext
from conformance.columnar.compile import LINE, value_name
from conformance.columnar.fixed import from_catalog, read_chunks
from conformance.findings import Finding
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import normalize_encoding

#: The catalog's fixed-length residents layout.
FIXED_LAYOUT = "residents_fixed"
Row = Mapping[str, str]


def offered_fixed_layout(target: Target) -> FileInterface | None:
    """The fixed-length residents layout when the catalog has it and the profile's export target offers it."""
    layout = next((entry for entry in target.catalog.interfaces if isinstance(entry, FileInterface)
                   and entry.id == FIXED_LAYOUT and entry.format == "fixed"), None)
    if layout is None or target.exports is None or not target.exports.offers(layout.id):
        return None
    return layout


def fixed_export_marks(ctx: CheckContext, target: Target, protected: Mapping[str, Row],
                       marks: Sequence[str]) -> Iterator[Finding]:
    """The fixed-length export's records of ``protected`` persons (by 宛名番号) carry each of ``marks`` as recorded;
    nothing when the export is not offered."""
    layout = offered_fixed_layout(target)
    if layout is None:
        return
    headers = [column.header for column in layout.columns]
    absent = [mark for mark in ("宛名番号", *marks) if mark not in headers]
    if absent:
        yield ctx.finding("jumin.dv.mark_missing", f"the fixed-length layout has no field {absent[0]}",
                          location=f"layout {layout.id}", expected=", ".join(marks), actual="absent")
        return
    exported = cached_export(target, layout)
    fixed = from_catalog(layout, fixed_encoding(exported, layout))
    wanted = [value_name(headers.index(header)) for header in ("宛名番号", *marks)]
    for chunk in read_chunks(exported.path, fixed):
        for line, number, *values in chunk.frame.select(LINE, *wanted).iter_rows():
            row = protected.get(number or "")
            if row is None:
                continue
            for mark, value in zip(marks, values, strict=True):
                if (value or "") != row.get(mark, ""):
                    yield ctx.finding("jumin.dv.mark_missing", f"a protected person's fixed-length record lacks {mark}",
                                      location=f"{exported.path.name} record {line} ({mark})",
                                      expected=row.get(mark, ""), actual=value or "absent")


def fixed_encoding(exported: ExportFile, layout: FileInterface) -> str:
    """The encoding the records are read in: the declared one where it is one of ours, else the layout's first."""
    declared = normalize_encoding(exported.declared_encoding)
    return declared if declared and usable(declared) else layout.encodings[0]
