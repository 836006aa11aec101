"""The check ``file.layout`` and its parameters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from conformance import messages
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.check_params import (
    CONTENT_FAMILIES,
    ENCODING,
    FAMILIES,
    INVARIANT_FAMILIES,
    REFERENCES,
    FileLayoutParams,
)
from conformance.catalog.models import FileInterface
from conformance.checks.files.cache import content_scan, encoding_verdict, invariant_scan, layout_spec
from conformance.checks.files.learned import learn_personal
from conformance.checks.files.references import Reference, judged_references, reference_scan
from conformance.checks.registry import CheckContext, check
from conformance.errors import UsageError
from conformance.findings import Finding
from conformance.targets.base import Target


@check("file.layout", reads_exports=True)
def file_layout(ctx: CheckContext) -> Iterator[Finding]:
    """The export file of ``params.layout`` meets the rule families in ``params.rules``. With
    ``params.if_configured``, a layout the vendor need not offer is judged only when the profile
    configures its export (the requirement's other checks judge it otherwise), and its references
    only to layouts whose export the profile configures; without it, a referenced export the profile
    lacks is a TargetError."""
    target = _target(ctx)
    args = ctx.args(FileLayoutParams)
    layout = _layout(target.catalog, args.layout)
    families = _families(args.rules, layout)
    if_configured = args.if_configured
    if if_configured and not target.need_exports().offers(layout.id):
        return
    # Before anything is read: a referenced export the profile lacks makes the check an ERROR.
    references = judged_references(target, layout, families, if_configured=if_configured)
    issues = list(_issues(target, layout, families, references))
    # Before the findings leave the check: the run's Scrubber learns their records' personal values.
    learn_personal(target, layout)
    for issue in issues:
        yield issue.for_requirement(ctx.requirement.id)
    declared = declared_absent(target, layout, families)
    if declared is not None:
        ctx.does_not_apply(*declared)


def declared_absent(target: Target, layout: FileInterface, families: Sequence[str]) -> tuple[str, str] | None:
    """What ``families`` would have found about the columns the profile declares absent, had they not been
    declared (their findings are dropped), as a reason in Japanese and English naming the layout, each
    column with its families and the profile; None when nothing was dropped."""
    content = [family for family in families if family in CONTENT_FAMILIES]
    if not content:
        return None
    dropped: dict[str, list[tuple[str, int]]] = {}
    for (family, header), count in content_scan(target, layout).declared_absent.items():
        if family in content and count:
            dropped.setdefault(header, []).append((family, count))
    if not dropped:
        return None
    for found in dropped.values():  # in the order the families are judged, whatever order they were found in
        found.sort(key=lambda pair: CONTENT_FAMILIES.index(pair[0]))
    spec = layout_spec(target, layout)
    ours = all(header in spec.items and not spec.items[header].provenance.confirmed for header in dropped)
    profile = f"「{target.profile}」" if target.profile else ""
    ja_columns = "、".join(f"{header}（{'、'.join(_family_ja(f, n) for f, n in found)}）"
                          for header, found in sorted(dropped.items()))
    en_columns = ", ".join(f"{header} ({'; '.join(_family_en(f, n) for f, n in found)})"
                           for header, found in sorted(dropped.items()))
    ja = (f"プロファイル{profile}が absent_columns で「このシステムにない列」と宣言した {layout.id} の列 {ja_columns}"
          f"{'（ハーネスの解釈によるレイアウト（未確認）の列）' if ours else ''}の検査は対象外")
    en = (f"the profile {repr(target.profile) + ' ' if target.profile else ''}declares the column(s) {en_columns} of "
          f"{layout.id} absent (absent_columns{'; columns of our unconfirmed layout' if ours else ''}): their "
          "checks do not apply")
    return ja, en


def _family_ja(family: str, count: int) -> str:
    return "header: 列なし" if family == "header" else f"{family}: {count}件"


def _family_en(family: str, count: int) -> str:
    return "header: no such column" if family == "header" else f"{family}: {count} record(s)"


def judge_layout(target: Target, layout_id: str) -> Iterator[Finding]:
    """Every rule family of the layout's format on its export, and its references to the exports
    the target offers (``conformance validate``: a file judged alone, no requirement)."""
    layout = _layout(target.catalog, layout_id)
    families = _READERS[layout.format]
    references = judged_references(target, layout, families, if_configured=True)
    yield from _issues(target, layout, families, references)


def _issues(
    target: Target, layout: FileInterface, families: Sequence[str], references: Sequence[Reference] = ()
) -> Iterator[Finding]:
    if ENCODING in families:
        yield from encoding_verdict(target, layout).issues
    content = [family for family in families if family in CONTENT_FAMILIES]
    invariants = [family for family in families if family in INVARIANT_FAMILIES]
    stop: Finding | None = None
    if content:
        # With the invariants asked for too, the content pass digests the file for them.
        scan = content_scan(target, layout, invariants=bool(invariants))
        for family in content:
            yield from scan.issues[family]
        stop = scan.stop
    if invariants:
        judged = invariant_scan(target, layout)
        for family in invariants:
            yield from judged.issues[family]
    if REFERENCES in families and references:
        found = reference_scan(target, layout, references)
        yield from found.issues
        stop = stop or found.stop  # the same place in the same file: reported once
    if stop is not None:
        yield stop


def _target(ctx: CheckContext) -> Target:
    return ctx.need_target("the vendor's export files")


def _layout(catalog: EditionCatalog, name: str) -> FileInterface:
    """The FileInterface named ``name`` (``params.layout``)."""
    layouts = {i.id: i for i in catalog.interfaces if isinstance(i, FileInterface)}
    if name not in layouts:
        unknown = messages.unknown_lookup("file layout", name, list(layouts))
        raise UsageError(f"file.layout: params.layout: {unknown}")
    if layouts[name].format not in _READERS:
        readers = " and ".join(_READERS)
        raise UsageError(f"file.layout: layout {name!r} is {layouts[name].format}; only {readers} are implemented")
    return layouts[name]


#: Families a fixed-length layout does not have, and why.
_NOT_FIXED = {
    "header": "its records have no header line",
    REFERENCES: "cross-file references are judged between csv layouts only",
}
#: The formats file.layout reads, and the rule families each has.
_READERS: dict[str, tuple[str, ...]] = {
    "csv": FAMILIES,
    "fixed": tuple(family for family in FAMILIES if family not in _NOT_FIXED),
}


def _families(rules: Sequence[str] | None, layout: FileInterface) -> tuple[str, ...]:
    """``params.rules`` checked against the known families (all that apply to the layout's format
    when absent)."""
    applicable = _READERS[layout.format]
    if rules is None:
        rules = applicable
    for rule in rules:
        if rule not in FAMILIES:
            raise UsageError(f"file.layout: params.rules: {messages.not_allowed(rule, applicable)}")
        if rule not in applicable:
            raise UsageError(f"file.layout: params.rules: {rule!r} does not apply to the {layout.format} layout "
                             f"{layout.id!r} ({_NOT_FIXED[rule]}); expected some of: "
                             f"{messages.listing(applicable)}")
    return tuple(dict.fromkeys(rules))  # a family named twice reports once
