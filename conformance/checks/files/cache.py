"""The passes of one file, cached on the target by layout: the file is fetched and read once per
run, whatever the number of requirements bound to it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from conformance import clock
from conformance.catalog.layouts import (
    LayoutSpec,
)
from conformance.catalog.models import FileInterface
from conformance.checks.files.content import scan_content, scan_fixed
from conformance.checks.files.encoding import Utf8SourceView, judge_encoding, starts_with_bom, usable, with_bom
from conformance.checks.files.interpretations import resolve, with_interpretations
from conformance.checks.files.invariants import (
    EXTRACTED,
    InvariantScan,
    content_digester,
    living_code,
    scan_invariants,
)
from conformance.checks.files.limits import CANDIDATE_ENCODINGS
from conformance.checks.files.model import ContentScan, EncodingVerdict
from conformance.errors import TargetError
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import ColumnMaps, MapsColumns, normalize_encoding

if TYPE_CHECKING:

    pass


def cached_export(target: Target, layout: FileInterface) -> ExportFile:
    """The fetched file; a failed fetch is cached too, so a broken export is not asked for again
    by every requirement bound to it."""
    key = f"file.layout:{layout.id}:export"
    if key not in target.cache:
        # Files related by references are fetched together, as one extraction: a vendor's exports
        # are a snapshot, and residents appended between two fetches (the scenario checks add some)
        # would otherwise look like broken references.
        for member in _related_layouts(target, layout):
            _fetch(target, member)
    cached: ExportFile | TargetError = target.cache[key]
    if isinstance(cached, TargetError):
        raise TargetError(str(cached))
    return cached


def _fetch(target: Target, layout: FileInterface) -> None:
    key = f"file.layout:{layout.id}:export"
    if key in target.cache:
        return
    try:
        target.cache[key] = target.need_exports().fetch(layout.id)
    except TargetError as error:
        target.cache[key] = error


def _related_layouts(target: Target, layout: FileInterface) -> list[FileInterface]:
    """``layout``, then every layout it is connected to by references (either way, transitively)
    whose export the profile configures."""
    layouts = [i for i in target.catalog.interfaces if isinstance(i, FileInterface)]
    by_id = {i.id: i for i in layouts}
    edges: dict[str, set[str]] = {}
    for entry in layouts:
        for reference in entry.references:
            edges.setdefault(entry.id, set()).add(reference.layout)
            edges.setdefault(reference.layout, set()).add(entry.id)
    found, pending = [layout.id], [layout.id]
    while pending:
        for other in sorted(edges.get(pending.pop(), ())):
            if other not in found and other in by_id and target.need_exports().offers(other):
                found.append(other)
                pending.append(other)
    return [by_id.get(name, layout) for name in found]


def encoding_verdict(target: Target, layout: FileInterface) -> EncodingVerdict:
    key = f"file.layout:{layout.id}:encoding"
    if key not in target.cache:
        source = target.exports
        chosen = source.interpretations() if isinstance(source, MapsColumns) else None
        target.cache[key] = judge_encoding(cached_export(target, layout), layout, chosen)
    verdict: EncodingVerdict = target.cache[key]
    return verdict


def content_scan(target: Target, layout: FileInterface, invariants: bool = False) -> ContentScan:
    """The content families' issues; TargetError when no encoding decodes the file (and, for a
    fixed-length file, its declared encoding is unknown too). ``invariants``: the invariant
    families will be judged too, so a file the compiled screen reads is digested for them in the
    same pass (see invariant_scan)."""
    verdict = encoding_verdict(target, layout)
    export = cached_export(target, layout)
    encoding = content_encoding(export, layout, verdict)
    key = f"file.layout:{layout.id}:content"
    if key not in target.cache:
        try:
            spec = layout_spec(target, layout)
            if layout.format == "fixed":
                target.cache[key] = _scan_fixed_layout(export, encoding, spec)
            else:
                digester_for = partial(content_digester, spec, *_invariant_terms(target, spec)) if invariants else None
                target.cache[key] = scan_content(export, encoding, spec, verdict.source, digester_for)
        finally:
            if verdict.source is not None:
                verdict.source.close()  # the content is cached: a transcoded copy is not needed again
    scan: ContentScan = target.cache[key]
    return scan


def content_encoding(export: ExportFile, layout: FileInterface, verdict: EncodingVerdict) -> str:
    """The encoding the content is read in. A fixed-length file that decodes in no candidate is
    still read in its declared encoding: each field is decoded on its own, so the bytes that do not
    decode are findings of their record and field, not a file nobody can judge."""
    if verdict.content_encoding is not None:
        return verdict.content_encoding
    declared = normalize_encoding(export.declared_encoding)
    if layout.format == "fixed" and declared and usable(declared):
        return with_bom(declared, starts_with_bom(export.path))
    tried = ", ".join(_tried(export.declared_encoding))
    raise TargetError(f"{export.path.name}: cannot judge the content: the bytes decode in none of {tried}")


def _scan_fixed_layout(export: ExportFile, encoding: str, spec: LayoutSpec) -> ContentScan:
    from conformance.columnar.fixed import from_catalog

    return scan_fixed(export.path, spec, from_catalog(spec.layout, encoding))


def _tried(declared: str) -> list[str]:
    declared = normalize_encoding(declared)
    return ([declared] if declared else []) + [e for e in CANDIDATE_ENCODINGS if e != declared]


def layout_spec(target: Target, layout: FileInterface) -> LayoutSpec:
    """The layout resolved against the catalog, with the vendor's own column names when its
    export source has them (profile ``targets.exports.columns``), once per run."""
    key = f"file.layout:{layout.id}:spec"
    if key not in target.cache:
        source = target.exports
        mapping = source.column_map(layout.id) if isinstance(source, MapsColumns) else None
        chosen = resolve(source.interpretations() if isinstance(source, MapsColumns) else None)
        spec = with_interpretations(LayoutSpec.of(target.catalog, layout, mapping), chosen)
        if isinstance(source, MapsColumns) and source.test_municipalities():
            spec = dataclasses.replace(spec, test_municipalities=source.test_municipalities())
        codes: Mapping[str, Mapping[str, str]] = source.value_codes(layout.id) if isinstance(source, ColumnMaps) else {}
        if codes:
            spec = dataclasses.replace(spec, recodes=recodes_of(codes, spec))
        target.cache[key] = spec
    found: LayoutSpec = target.cache[key]
    return found


class Decoded(NamedTuple):
    """A layout's file as the file families read it: the export, its encoding verdict, the encoding it is read in
    (``content_encoding``) and the layout's spec."""

    export: ExportFile
    verdict: EncodingVerdict
    encoding: str
    spec: LayoutSpec


def decoded(target: Target, layout: FileInterface) -> Decoded:
    """The layout's file, verdict, encoding and spec, each cached per run (``cached_export``, ``encoding_verdict``,
    ``layout_spec``)."""
    export = cached_export(target, layout)
    verdict = encoding_verdict(target, layout)
    return Decoded(export, verdict, content_encoding(export, layout, verdict), layout_spec(target, layout))


def recodes_of(codes: Mapping[str, Mapping[str, str]], spec: LayoutSpec) -> dict[str, dict[str, str]]:
    """``codes`` (item -> {value as written: code}) by catalog header, checked as reconcile checks them: an
    item that is no column of the layout is a ProfileError opening with ``targets.exports.reconcile.<layout>``
    (the front end puts the profile's file:line before it)."""
    from conformance.transformations import Transformations, resolve

    resolved = resolve(Transformations(codes={item: dict(values) for item, values in codes.items()}), spec, None)
    return {header: dict(values) for header, values in resolved.codes.items()}


def invariant_scan(target: Target, layout: FileInterface) -> InvariantScan:
    """The invariant families' issues (keys, dates, values), once per run and layout; the
    extraction date is ``target.cache[EXTRACTED]`` when set (conformance validate), else today."""
    key = f"file.layout:{layout.id}:invariants"
    if key not in target.cache:
        export, verdict, encoding, spec = decoded(target, layout)
        content = target.cache.get(f"file.layout:{layout.id}:content")
        digested = content.digested if isinstance(content, ContentScan) else None
        target.cache[key] = scan_invariants(export, encoding, spec, Utf8SourceView(export, encoding, verdict),
                                            *_invariant_terms(target, spec), digested=digested)
    scan: InvariantScan = target.cache[key]
    return scan


def _invariant_terms(target: Target, spec: LayoutSpec) -> tuple[str | None, dt.date]:
    """The 住民状態 code of a living resident and the extraction date (``target.cache[EXTRACTED]``
    when set, by conformance validate; today otherwise), the same for the content pass's digest
    and the invariants."""
    labels = {t.id: {code.code: code.label for code in t.codes} for t in target.catalog.code_tables}
    extracted: dt.date = target.cache.get(EXTRACTED) or clock.today()
    return living_code(spec, labels), extracted
