"""Form checks of 3.4: DV protection across every form."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from conformance.catalog.models import Form
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    Printed,
    Row,
    expected_date,
    form_of,
    location,
    name_of,
    pdf_finding,
    person_blocks,
    printed,
    scrubber_of,
    squeeze,
    target_of,
    without_furigana,
)
from conformance.domains.jumin.params import FormDvParams, FormDvRemovedParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance.targets.forms import PrintedForm, PrintedLine, issue

# -- 3.4: DV protection across every form -----------------------------------------------------------------


def protected_rows(rows: Sequence[Row], *, removed: bool) -> list[Row]:
    """支援措置対象者 of the test data: current ones, or those whose record was removed (moved out)."""
    return [row for row in rows if row.get("支援措置対象フラグ") == "1" and (row.get("住民状態") != "1") == removed]


def revealed(target: Target, document: PrintedForm, row: Row) -> list[tuple[str, PrintedLine]]:
    """The protected person's name parts and address details printed in a form, with their line."""
    names = ("氏名", "通称", "氏名_アルファベット", "住所_番地号表記", "住所_方書")
    probes = {name: row.get(name, "") for name in names}
    town = squeeze(row.get("住所_町字", ""))
    found = []
    for line in document.lines:
        text = squeeze(line.text)
        for item, value in probes.items():
            if value and squeeze(value) in text and item == "住所_番地号表記" and town not in text:
                continue  # a 番地 alone (without its 町字) is not this address
            if value and squeeze(value) in text:
                found.append((item, line))
    return found


def _dv_requests(rows: Sequence[Row], row: Row, person_forms: Sequence[str],
                 household_form: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Every request that would show the protected ``row``: its own person forms, and the household
    form asked through each member of the household (as the subject and as the requester)."""
    for form_id in person_forms:
        yield form_id, {"宛名番号": row["宛名番号"]}, f"宛名番号={row['宛名番号']}"
    members = [r for r in rows if r.get("世帯番号") == row.get("世帯番号") and r.get("住民状態") == "1"]
    for member in members:
        body = {"宛名番号": member["宛名番号"], "請求者": member["宛名番号"]}
        yield household_form, body, f"世帯 through 宛名番号={member['宛名番号']} for 宛名番号={row['宛名番号']}"


@check("forms.dv_refused")
def dv_refused(ctx: CheckContext) -> Iterator[Finding]:
    """No form shows a 支援措置対象者 to anyone: each person form is refused, the 世帯全員 copy asked through
    any member of the household is refused (or leaves the protected person out), and the 閲覧用 list of
    the 町字 does not print them (3.4 R001)."""
    target = target_of(ctx)
    rows = target.need_data().rows
    protected = protected_rows(rows, removed=False)
    if not protected:
        raise TargetError("the test data has no current DV-protected resident: the protection cannot be checked")
    args = ctx.args(FormDvParams)
    person_forms, household_form = args.person_forms, args.household_form
    for row in protected:
        for form_id, body, whom in _dv_requests(rows, row, person_forms, household_form):
            yield from _judge_refusal(ctx, target, form_id, body, whom, row)
    list_form = args.list_form
    if list_form:
        for town in sorted({row.get("住所_町字", "") for row in protected}):
            answer = issue(target, str(list_form), {"町字": town})
            whom = f"町字={scrubber_of(target).text(town)}"
            problem = pdf_finding(ctx, str(list_form), whom, answer)
            if problem is not None:
                yield problem
            if answer.form is None:
                continue
            form = form_of(target, str(list_form))
            blocks = person_blocks(form, answer.form)
            for row in (r for r in protected if r.get("住所_町字") == town):
                yield from _listed(ctx, target, form, blocks, row, whom)


def _judge_refusal(ctx: CheckContext, target: Target, form_id: str, body: Mapping[str, Any], whom: str,
                   row: Row) -> Iterator[Finding]:
    answer = issue(target, form_id, body)
    if answer.status in (403, 404, 409, 422):
        return  # refused (404: the vendor does not show that the person exists)
    if answer.status != 200:
        return
    problem = pdf_finding(ctx, form_id, whom, answer)
    if problem is not None:
        yield problem
    leaks = list(_leaks(ctx, target, form_id, answer.form, row, whom)) if answer.form is not None else []
    if leaks:
        yield from leaks
    elif answer.form is not None and form_id in ("juminhyo_kojin", "kisai_jiko", "joshuhyo", "joshuhyo_kisai_jiko"):
        yield ctx.finding("form.dv_issued", "a form of a DV-protected person was issued",
                          location=location(form_id, None, "", whom), expected="refused (an error)", actual="200")


def _leaks(ctx: CheckContext, target: Target, form_id: str, document: PrintedForm, row: Row,
           whom: str) -> Iterator[Finding]:
    shown = revealed(target, document, row)
    if shown:
        items = sorted({item for item, _ in shown})
        first = shown[0][1]
        yield ctx.finding("form.dv_leak", f"a form shows a DV-protected person ({', '.join(items)}) to a requester "
                          "who is not entitled", location=location(form_id, first.page, items[0], whom),
                          expected="refused, or the protected person absent", actual=printed(target, first))


def _listed(ctx: CheckContext, target: Target, form: Form, blocks: list[list[Printed]], row: Row,
            whom: str) -> Iterator[Finding]:
    """A protected person listed: a block with their name and their 生年月日 (a namesake is not them)."""
    birth = next((item for item in form.items if item.date is not None), None)
    for block in blocks:
        if not block or squeeze(without_furigana(block[0].value)) != name_of(target, form, row):
            continue
        dates = [entry for entry in block if birth is not None and entry.label == birth.label]
        if birth is None or any(squeeze(entry.value) == squeeze(expected_date(birth, row)) for entry in dates):
            yield ctx.finding("form.dv_leak", "the 閲覧用 list prints a DV-protected person",
                              location=location(form.id, block[0].line.page, "氏名", whom),
                              expected="absent (支援対象者を除く)", actual=printed(target, block[0].line))


@check("forms.dv_removed")
def dv_removed(ctx: CheckContext) -> Iterator[Finding]:
    """The 除票 forms of a 支援措置対象者 who moved out are refused: the protection continues at the
    前住所地 (3.4 R009)."""
    target = target_of(ctx)
    rows = target.need_data().rows
    moved = [row for row in protected_rows(rows, removed=True) if row.get("住民状態") == "2"]
    if not moved:
        raise TargetError("the test data has no DV-protected resident who moved out")
    forms = ctx.args(FormDvRemovedParams).forms
    for row in moved:
        for form_id in forms:
            yield from _judge_refusal(ctx, target, str(form_id), {"宛名番号": row["宛名番号"]},
                                      f"宛名番号={row['宛名番号']}", row)
