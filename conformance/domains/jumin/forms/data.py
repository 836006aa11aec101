"""Form checks of The form's data, when the vendor has it: the data matches the print."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    form_of,
    location,
    persons_or_error,
    read,
    squeeze,
    target_of,
)
from conformance.domains.jumin.params import FormDataParams
from conformance.findings import Finding
from conformance.targets.forms import issue_data

# -- the form's data, when the vendor has it --------------------------------------------------------------


@check("forms.data_matches_print")
def data_matches_print(ctx: CheckContext) -> Iterator[Finding]:
    """The form's data (``/forms/{id}/data``), where the vendor offers it, says what the PDF prints:
    the same pages, and each of its lines printed on its page."""
    target = target_of(ctx)
    args = ctx.args(FormDataParams)
    form = form_of(target, args.form)
    for row in persons_or_error(target, args.sample):
        whom = f"宛名番号={row['宛名番号']}"
        body = {"宛名番号": row["宛名番号"]}
        data = issue_data(target, form.id, body)
        if data is None:
            return  # no data offered: the print alone is judged
        document, problems = read(ctx, target, form.id, body, whom)
        yield from problems
        if document is None:
            continue
        listed = data.get("ページ")
        pages: list[Any] = listed if isinstance(listed, list) else []
        if len(pages) != len(document.pages):
            yield ctx.finding("form.data_differs", "the form's data counts other pages than the PDF",
                              location=location(form.id, None, "ページ数", whom), expected=str(len(document.pages)),
                              actual=str(len(pages)))
            continue
        for number, page in enumerate(pages, start=1):
            printed_text = squeeze("".join(line.text for line in document.pages[number - 1]))
            for entry in page.get("行", []) if isinstance(page, dict) else []:
                label, value = str(entry.get("項目", "")), str(entry.get("値", ""))
                if label and squeeze(label + value) not in printed_text:
                    yield ctx.finding("form.data_differs", f"the data's {label} is not printed on its page",
                                      location=location(form.id, number, label, whom), expected="printed",
                                      actual="absent")
