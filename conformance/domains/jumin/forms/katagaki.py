"""Form checks of 5.4: 方書; 5.7: 公用."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    current,
    form_of,
    location,
    person_forms,
    persons_or_error,
    printed,
    read,
    scrubber_of,
    squeeze,
    target_of,
)
from conformance.domains.jumin.params import FormKatagakiParams, FormsListParams
from conformance.errors import TargetError
from conformance.findings import Finding

# -- 5.4: 方書; 5.7: 公用 ---------------------------------------------------------------------------------


@check("forms.katagaki")
def katagaki(ctx: CheckContext) -> Iterator[Finding]:
    """A resident's 方書 is printed in the 住所 of every certificate (5.4 R001)."""
    target = target_of(ctx)
    args = ctx.args(FormKatagakiParams)
    forms = [form_of(target, form_id) for form_id in args.forms]
    rows = [r for r in target.need_data().rows if current(r) and r.get("住所_方書")]
    if not rows:
        raise TargetError("the test data has no current resident with a 方書")
    for form in forms:
        for got in person_forms(ctx, target, form, rows[: args.sample]):
            if isinstance(got, Finding):
                yield got
                continue
            row, whom = got.row, got.whom
            address = next((entry for entry in got.block if entry.label == "住所"), None)
            if address is None or squeeze(row["住所_方書"]) not in squeeze(address.value):
                yield ctx.finding("form.katagaki_missing", "the 方書 is not printed in the 住所",
                                  location=location(form.id, address.line.page if address else None, "住所", whom),
                                  expected=scrubber_of(target).text(f"住所 …{row['住所_方書']}"),
                                  actual=printed(target, address.line if address else None))


@check("forms.official_use")
def official_use(ctx: CheckContext) -> Iterator[Finding]:
    """A form asked for with 公用 prints 「公用」 (5.7 R001)."""
    target = target_of(ctx)
    args = ctx.args(FormsListParams)
    rows = persons_or_error(target, args.sample)
    for form_id in args.forms:
        row = rows[0]
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, str(form_id), {"宛名番号": row["宛名番号"], "公用": True}, whom)
        yield from problems
        if document is not None and not any("公用" in line.text for line in document.lines):
            yield ctx.finding("form.official_use_missing", "「公用」 is not printed on a form asked for as 公用",
                              location=location(str(form_id), 1, "公用", whom), expected="公用", actual="absent")
