"""Form check of 住民記録 1.0 9.5 R002: the 全件リスト of the 住民基本台帳の一部の写し（閲覧用） output as a PDF."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    block_of,
    current,
    form_of,
    location,
    pdf_finding,
    person_blocks,
    scrubber_of,
    target_of,
)
from conformance.domains.jumin.params import FormFullListParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.targets.forms import issue


@check("forms.full_list")
def full_list(ctx: CheckContext) -> Iterator[Finding]:
    """9.5 R002 「全件リストについては、PDF又はCSV形式のテキストファイルで出力ができること」: the 閲覧用 list of one
    町字 is a readable PDF that prints every current, unprotected 住民 of the 町字 as loaded (``form.list_missing``
    for one left out). The 町字 is the smallest with at least ``minimum`` such residents (else the largest), so the
    list runs over several pages. The form interface issues PDF; a CSV output is not asked for."""
    target = target_of(ctx)
    args = ctx.args(FormFullListParams)
    form = form_of(target, args.form)
    towns: dict[str, list[Mapping[str, str]]] = {}
    for row in target.need_data().rows:
        if current(row) and row.get("住所_町字"):
            towns.setdefault(row["住所_町字"], []).append(row)
    if not towns:
        raise TargetError("the test data has no current, unprotected resident for a 閲覧用 list")
    minimum = args.minimum
    large = sorted((len(rows), town) for town, rows in towns.items() if len(rows) >= minimum)
    town = large[0][1] if large else max(towns, key=lambda name: (len(towns[name]), name))
    whom = f"町字={scrubber_of(target).text(town)}"
    answer = issue(target, form.id, {"町字": town})
    if answer.status != 200:
        yield ctx.finding("form.not_issued", f"the form {form.id} was not issued",
                          location=location(form.id, None, "", whom), expected="200 and a PDF",
                          actual=str(answer.status))
        return
    problem = pdf_finding(ctx, form.id, whom, answer)
    if problem is not None:
        yield problem
    if answer.form is None:
        return
    blocks = person_blocks(form, answer.form)
    for row in towns[town]:
        if block_of(target, form, blocks, row) is None:
            yield ctx.finding("form.list_missing", "the 閲覧用 全件リスト leaves out a resident of the 町字",
                              location=location(form.id, None, "氏名", f"{whom} 宛名番号={row['宛名番号']}"),
                              expected="listed", actual="absent")
