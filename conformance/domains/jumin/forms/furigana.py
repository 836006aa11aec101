"""Form checks of 5.3: furigana."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.catalog.models import Form, FormItem
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    BRACKETS,
    HIRAGANA,
    KANA,
    Printed,
    Row,
    expected_values,
    form_of,
    location,
    person_forms,
    persons_or_error,
    printed,
    squeeze,
    target_of,
    without_furigana,
)
from conformance.domains.jumin.params import FormFuriganaParams
from conformance.findings import Finding
from conformance.targets.base import Target

# -- 5.3: furigana -------------------------------------------------------------------------------------


@check("forms.furigana")
def furigana(ctx: CheckContext) -> Iterator[Finding]:
    """Furigana asked for: katakana in brackets after 氏名, 旧氏 or 通称 only. ``rule``: ``items`` (P001:
    no reading on another item), ``brackets`` (P002: no reading outside brackets), ``katakana`` (P003)."""
    target = target_of(ctx)
    args = ctx.args(FormFuriganaParams)
    form = form_of(target, args.form)
    rule = args.rule
    for got in person_forms(ctx, target, form, persons_or_error(target, args.sample), {"フリガナ": True}):
        if isinstance(got, Finding):
            yield got
            continue
        for entry in got.block:
            item = next(i for i in form.items if i.label == entry.label)
            finding = _furigana_finding(ctx, target, form, item, entry, got.row, rule, got.whom)
            if finding is not None:
                yield finding


def _furigana_finding(ctx: CheckContext, target: Target, form: Form, item: FormItem, entry: Printed, row: Row,
                      rule: str, whom: str) -> Finding | None:
    readings = [text for text in BRACKETS.findall(entry.value) if KANA.search(text)]
    where = location(form.id, entry.line.page, item.label, whom)
    if rule == "items" and readings and not item.furigana:
        return ctx.finding("form.furigana_on_item", f"a reading is printed on {item.label}", location=where,
                           expected="furigana on 氏名, 旧氏 and 通称 only", actual=printed(target, entry.line))
    if rule == "katakana" and item.furigana and any(HIRAGANA.search(text) for text in readings):
        return ctx.finding("form.furigana_hiragana", f"the reading of {item.label} is in hiragana", location=where,
                           expected="katakana in brackets", actual=printed(target, entry.line))
    if rule == "brackets" and item.furigana:
        kana = {"氏名": row.get("氏名_フリガナ", ""), "通称": row.get("通称_フリガナ", "")}.get(item.label, "")
        outside = squeeze(without_furigana(entry.value))
        if kana and squeeze(kana) in outside and squeeze(kana) not in expected_values(target, item, row):
            return ctx.finding("form.furigana_unbracketed", f"the reading of {item.label} is not in brackets",
                               location=where, expected="（カタカナ） after the value",
                               actual=printed(target, entry.line))
    return None
