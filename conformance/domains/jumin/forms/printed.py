"""Form checks of 5.1, what a printed form holds: R003 items and dates, R001 omissions, R002/R004/R005
認証文, 職名, 発行番号 and the 別紙, P001 current members only."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from conformance.catalog.models import Form
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    ISSUE_LABEL,
    ISSUE_NUMBER,
    PERIOD_LABEL,
    SHEET_MARKER,
    Printed,
    Row,
    applies,
    block_of,
    current,
    date_shape,
    expected_date,
    expected_values,
    form_of,
    household_copies,
    household_sample,
    left_households,
    location,
    off_page,
    period_text,
    person_blocks,
    person_forms,
    persons_or_error,
    printed,
    printed_period,
    read,
    recorded_period,
    scrubber_of,
    short_period_households,
    squeeze,
    target_of,
    without_furigana,
)
from conformance.domains.jumin.params import (
    FormCertificationParams,
    FormCurrentOnlyParams,
    FormParams,
    FormSheetParams,
    HouseholdFormParams,
    HouseholdItemsParams,
)
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.wareki import date_style
from conformance.targets.base import Target
from conformance.targets.forms import PrintedForm, PrintedLine

# -- 5.1 R003: items and their values, in the catalog's order; dates (j90, j80) -------------------------


@check("forms.items")
def items_printed(ctx: CheckContext) -> Iterator[Finding]:
    """Each item the resident has is printed with the recorded value (a code or its label), in the
    catalog's order; the 通称 wherever the name is (5.1 R003 as we read it)."""
    target = target_of(ctx)
    args = ctx.args(FormParams)
    form = form_of(target, args.form)
    for row in persons_or_error(target, args.sample):
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": row["宛名番号"]}, whom)
        yield from problems
        if document is not None:
            yield from _judge_items(ctx, target, form, row, person_blocks(form, document), whom)


def _judge_items(ctx: CheckContext, target: Target, form: Form, row: Row, blocks: list[list[Printed]],
                 whom: str) -> Iterator[Finding]:
    block = block_of(target, form, blocks, row) or (blocks[0] if len(blocks) == 1 else None)
    if block is None:
        yield ctx.finding("form.person_missing", "the resident's block is not printed",
                          location=location(form.id, None, form.items[0].label, whom), expected="printed",
                          actual="absent")
        return
    found = {entry.label: entry for entry in block}
    for item in form.items:
        if not applies(item, row) or item.date is not None or not any(row.get(n) for n in item.values):
            continue
        entry = found.get(item.label)
        page = entry.line.page if entry else block[0].line.page
        if entry is None:
            yield ctx.finding("form.item_missing", f"{item.label} is not printed",
                              location=location(form.id, page, item.label, whom), expected="printed", actual="absent")
            continue
        if item.label == PERIOD_LABEL:
            yield from _judge_period(ctx, target, form, row, entry, whom)
            continue
        values = expected_values(target, item, row)
        value = squeeze(without_furigana(entry.value) if item.furigana else entry.value)
        if values and value not in values:
            yield ctx.finding("form.item_value", f"{item.label} is not printed as recorded",
                              location=location(form.id, page, item.label, whom),
                              expected=scrubber_of(target).text(f"{item.label} {values[-1]}"),
                              actual=printed(target, entry.line))
    order = [item.label for item in form.items]
    labels = [entry.label for entry in block]
    yield from _repeated(ctx, target, form, block, whom)
    for before, after in itertools.pairwise(block):
        if order.index(after.label) < order.index(before.label):
            yield ctx.finding("form.item_order", f"{after.label} is printed after {before.label}",
                              location=location(form.id, after.line.page, after.label, whom),
                              expected=" > ".join(o for o in order if o in labels),
                              actual=" > ".join(labels))
            break


def _repeated(ctx: CheckContext, target: Target, form: Form, block: list[Printed], whom: str) -> Iterator[Finding]:
    """An item printed twice in one person's block (a line repeated where the block goes on on the next page: issue
    67): each item of the form is one line of the block (5.1 R003, the form's items as recorded), so its second line
    is another value than the record's. The first repeated item only: the rest of the block is judged above."""
    seen: set[str] = set()
    for entry in block:
        if entry.label in seen:
            yield ctx.finding("form.item_repeated", f"{entry.label} is printed twice in the person's block",
                              location=location(form.id, entry.line.page, entry.label, whom),
                              expected="printed once", actual=printed(target, entry.line))
            return
        seen.add(entry.label)


@check("forms.dates")
def dates_printed(ctx: CheckContext) -> Iterator[Finding]:
    """Dates as j90 and j80 want them: 和暦 with the right era (boundaries: 1989-01-07 is 昭和64年,
    1989-01-08 平成元年), a foreign resident's 生年月日 and 満了日 in 西暦, never both, and a 不詳 date
    as recorded (5.1 R003: the 様式, as we read it)."""
    target = target_of(ctx)
    args = ctx.args(FormParams)
    form = form_of(target, args.form)
    for got in person_forms(ctx, target, form, persons_or_error(target, args.sample)):
        if isinstance(got, Finding):
            yield got
            continue
        row, whom = got.row, got.whom
        found = {entry.label: entry for entry in got.block}
        for item in form.items:
            if item.date is None or not applies(item, row):
                continue
            expected = expected_date(item, row)
            entry = found.get(item.label)
            if not expected:
                continue
            if entry is None:
                # forms.items leaves dates to this check: a date the record holds (a 不詳 one as its 表記) that the
                # form leaves out is not the 記載事項 as recorded (blind round 3, 13: a 外国人住民's 不詳 生年月日).
                yield ctx.finding("form.item_missing", f"{item.label} is not printed",
                                  location=location(form.id, got.block[0].line.page if got.block else None,
                                                    item.label, whom),
                                  expected=f"{item.label} {date_shape(expected)}", actual="absent")
                continue
            if squeeze(entry.value) != squeeze(expected):
                style = date_style(entry.value)
                yield ctx.finding("form.date", f"{item.label} is not printed as j90/j80 want it "
                                  f"(printed style: {style})",
                                  location=location(form.id, entry.line.page, item.label, whom),
                                  expected=f"{item.label} {date_shape(expected)}",
                                  actual=printed(target, entry.line, date=True))


def _judge_period(ctx: CheckContext, target: Target, form: Form, row: Row, entry: Printed,
                  whom: str) -> Iterator[Finding]:
    """The 在留期間等 printed is the record's years, months and days (interpretation
    jumin-1.0-interp-residence-period: the units' forms allowed)."""
    recorded = recorded_period(row)
    if printed_period(entry.value) != recorded:
        yield ctx.finding("form.item_value", f"{PERIOD_LABEL} is not printed as recorded",
                          location=location(form.id, entry.line.page, PERIOD_LABEL, whom),
                          expected=f"{PERIOD_LABEL} {period_text(recorded)}", actual=printed(target, entry.line))


# -- 5.1 R001: omission switches ---------------------------------------------------------------------


@check("forms.omissions")
def omissions(ctx: CheckContext) -> Iterator[Finding]:
    """With every omission switch set, no switched item is printed; with none set, each is (5.1 R001)."""
    target = target_of(ctx)
    args = ctx.args(FormParams)
    form = form_of(target, args.form)
    switches = [omission.id for omission in form.omissions]
    for got in person_forms(ctx, target, form, persons_or_error(target, args.sample), {"省略": switches}):
        if isinstance(got, Finding):
            yield got
            continue
        whom = got.whom
        for entry in got.block:
            item = next(i for i in form.items if i.label == entry.label)
            if item.omission is not None:
                yield ctx.finding("form.omitted_item_printed", f"{item.label} is printed although "
                                  f"{item.omission} was asked to be omitted",
                                  location=location(form.id, entry.line.page, item.label, whom),
                                  expected="absent", actual=printed(target, entry.line))
        if "tsusho_history" in switches and any(line.text.strip().startswith(SHEET_MARKER)
                                                for line in got.document.lines):
            yield ctx.finding("form.omitted_item_printed", "the 通称 history 別紙 is printed although it was asked "
                              "to be omitted", location=location(form.id, None, SHEET_MARKER, whom),
                              expected="absent", actual="printed")
    # Presence without switches is judged by forms.items on the same requirement's binding.


# -- 5.1 R002, R004, R005: 認証文, 職名, 発行番号, the 別紙 ---------------------------------------------------


def _is_certification(line: PrintedLine, markers: Sequence[str]) -> bool:
    text = squeeze(line.text)
    return any(squeeze(marker) in text for marker in markers)


def multi_page_requests(target: Target, args: HouseholdFormParams) -> list[tuple[str, dict[str, Any], str]]:
    """(form id, body, whom) of ``args.form``: the largest ``args.households`` households print on several pages."""
    form = args.form
    rows = target.need_data().rows
    sample = household_sample(rows, args.households)
    # Households with a 通称 print a 別紙: the 認証文 must follow it (5.1 R004 and R005 together).
    with_sheet = [[row] for row in rows if current(row) and row.get("住民種別") == "2" and row.get("通称")][:2]
    # A 外国人住民 with a 在留期間の満了の日: the form prints it in 西暦 (j90), read by forms.calendar.
    with_expiry = [[row] for row in rows if current(row) and row.get("住民種別") == "2"
                   and row.get("在留期間の満了の日")][:1]
    chosen = {members[0]["宛名番号"]: members for members in [*with_sheet, *with_expiry, *sample]}
    return [(form, {"宛名番号": atena}, f"世帯 of 宛名番号={atena}") for atena in chosen]


def multi_page_forms(ctx: CheckContext, target: Target,
                     args: HouseholdFormParams) -> Iterator[Finding | tuple[str, dict[str, Any], str, PrintedForm]]:
    """The forms of :func:`multi_page_requests` issued and read: the findings saying why one could not be, or the
    form's id, the request's body, whom it names and the form as printed."""
    for form_id, body, whom in multi_page_requests(target, args):
        document, problems = read(ctx, target, form_id, body, whom)
        yield from problems
        if document is not None:
            yield form_id, body, whom, document


@check("forms.certification")
def certification(ctx: CheckContext) -> Iterator[Finding]:
    """``rule: present`` (5.1 R002): the 認証文, the 職名 with the 都道府県 (the 電子公印's line) and the
    発行番号 are printed; ``rule: last_page_only`` (R004): on a form of several pages, the 認証文 is on
    the last page and on no other."""
    target = target_of(ctx)
    args = ctx.args(FormCertificationParams)
    rule, markers = args.rule, args.markers
    prefecture = args.prefecture or _prefecture(target)
    judged = 0
    for got in multi_page_forms(ctx, target, args):
        if isinstance(got, Finding):
            yield got
            continue
        form_id, _, whom, document = got
        last = len(document.pages)
        # A 認証文 drawn outside its page is not printed (issue 67, blind round 3, 05).
        outside = [line for line in document.off_page() if _is_certification(line, markers)]
        pages = sorted({line.page for line in document.lines if _is_certification(line, markers)
                        and line not in outside})
        if rule == "present":
            judged += 1
            if not pages:
                yield ctx.finding("form.certification_missing", "no 認証文 is printed",
                                  location=location(form_id, last, "認証文", whom), expected="a 認証文",
                                  actual="drawn outside the page" if outside else "absent")
            if not any(prefecture in line.text and "長" in line.text for line in document.lines):
                yield ctx.finding("form.official_title_missing", "no 職名 with the 都道府県名 is printed "
                                  "(the 電子公印's line, 5.6)", location=location(form_id, last, "職名", whom),
                                  expected=f"{prefecture}…長 …", actual="absent")
            if not any(ISSUE_LABEL in line.text for line in document.lines):
                yield ctx.finding("form.issue_number_missing", "no 発行番号 is printed",
                                  location=location(form_id, last, ISSUE_LABEL, whom), expected="a 発行番号",
                                  actual="absent")
        elif last > 1:
            judged += 1
            for page in pages:
                if page != last:
                    line = next(x for x in document.pages[page - 1] if _is_certification(x, markers))
                    yield ctx.finding("form.certification_not_last_page",
                                      f"the 認証文 is printed on page {page} of {last}",
                                      location=location(form_id, page, "認証文", whom),
                                      expected=f"on page {last} only", actual=printed(target, line))
            if last not in pages:
                yield ctx.finding("form.certification_missing", "the last page has no 認証文",
                                  location=location(form_id, last, "認証文", whom), expected=f"on page {last}",
                                  actual="drawn outside the page" if outside else "absent")
    if not judged:
        raise TargetError("no form of the test data could be judged for its 認証文 (none printed on several pages)")


def _prefecture(target: Target) -> str:
    rows = target.need_data().rows
    return rows[0].get("住所_都道府県", "") if rows else ""


@check("forms.tsusho_sheet")
def tsusho_sheet(ctx: CheckContext) -> Iterator[Finding]:
    """A foreign resident's 通称 history is on a 別紙 counted in the pages, and the 認証文 is on the last
    page, after the 別紙 (5.1 R005)."""
    target = target_of(ctx)
    args = ctx.args(FormSheetParams)
    form = form_of(target, args.form)
    markers = args.markers
    rows = [r for r in target.need_data().rows if current(r) and r.get("住民種別") == "2" and r.get("通称")]
    if not rows:
        raise TargetError("the test data has no current foreign resident with a 通称: the 別紙 cannot be checked")
    for row in rows[: args.sample]:
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": row["宛名番号"]}, whom)
        yield from problems
        if document is None:
            continue
        sheet = [line for line in document.lines if line.text.strip().startswith(SHEET_MARKER)]
        last = len(document.pages)
        if not sheet:
            yield ctx.finding("form.sheet_missing", "the 通称 history 別紙 is not printed",
                              location=location(form.id, None, SHEET_MARKER, whom), expected="a 別紙",
                              actual="absent")
            continue
        first_sheet = sheet[0].page
        for line in document.lines:
            if _is_certification(line, markers) and line.page < first_sheet:
                yield ctx.finding("form.certification_before_sheet", "the 認証文 is printed before the 別紙",
                                  location=location(form.id, line.page, "認証文", whom),
                                  expected=f"on page {last}, after the 別紙 (page {first_sheet})",
                                  actual=printed(target, line))
                break
        totals = {int(m["total"]) for line in document.lines if (m := ISSUE_NUMBER.search(line.text))}
        if totals and totals != {last}:
            yield ctx.finding("form.sheet_not_counted", "the 発行番号's total pages do not count the 別紙",
                              location=location(form.id, last, ISSUE_LABEL, whom), expected=f"/{last}",
                              actual=",".join(f"/{t}" for t in sorted(totals)))


@check("forms.household_items")
def household_items(ctx: CheckContext) -> Iterator[Finding]:
    """Each current member of a 世帯連記式 copy has every item they hold printed in their block, as recorded, in the
    catalog's order (5.1 R003 as forms.items reads it), on the largest households first (their blocks reach a page
    break), on households some members have left (``left`` of them) and on one whose 外国人住民 stays for a period of
    no 年 part (6月). Interpretation jumin-1.0-interp-form-pages:
    a block kept whole or continued on the next page both pass; a line lost at the break (issue 67) does not."""
    target = target_of(ctx)
    args = ctx.args(HouseholdItemsParams)
    form = form_of(target, args.form)
    rows = target.need_data().rows
    sample = household_sample(rows, args.households)
    if not sample:
        raise TargetError("the test data has no household of two or more current members")
    # And households some members have left (blind rounds: who a 世帯全員 copy lists then): their current members.
    left = [[row for row in members if current(row)] for members in left_households(rows)[:args.left]]
    # And a household with a 在留期間等 of no 年 part (a 6月 stay: issue 67's blind round, 03), where none is sampled.
    taken = {row["宛名番号"] for members in [*sample, *left] for row in members}
    short = [members for members in short_period_households(rows)[:1] if not taken & {r["宛名番号"] for r in members}]
    for copy in household_copies(ctx, target, form, [*sample, *left, *short]):
        yield from copy.problems
        if copy.blocks is None:
            continue
        if copy.document is not None:
            yield from off_page(ctx, target, form, copy.document, copy.whom)
        for row in copy.members:
            member = f"{copy.whom}, 宛名番号={row['宛名番号']}"
            yield from _judge_items(ctx, target, form, row, copy.blocks, member)
            yield from _dates_present(ctx, target, form, row, copy.blocks, member)


def _dates_present(ctx: CheckContext, target: Target, form: Form, row: Row, blocks: list[list[Printed]],
                   whom: str) -> Iterator[Finding]:
    """A date item the member holds has its line in their block (its form is forms.dates' and forms.calendar's)."""
    block = block_of(target, form, blocks, row)
    if not block:
        return  # the block's absence is _judge_items' finding
    labels = {entry.label for entry in block}
    for item in form.items:
        if item.date is not None and applies(item, row) and expected_date(item, row) and item.label not in labels:
            yield ctx.finding("form.item_missing", f"{item.label} is not printed",
                              location=location(form.id, block[-1].line.page, item.label, whom),
                              expected=f"{item.label} {date_shape(expected_date(item, row))}", actual="absent")


# -- 5.1 P001: a 世帯全員 copy shows current members only ----------------------------------------------------


@check("forms.household_current_only")
def household_current_only(ctx: CheckContext) -> Iterator[Finding]:
    """A 世帯連記式 copy does not list a member whose record was removed (5.1 P001)."""
    target = target_of(ctx)
    args = ctx.args(FormCurrentOnlyParams)
    form = form_of(target, args.form)
    mixed = left_households(target.need_data().rows)
    if not mixed:
        raise TargetError("the test data has no household with a removed and a current member")
    for members in mixed[: args.households]:
        asked = next(r for r in members if current(r))
        whom = f"世帯 of 宛名番号={asked['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": asked["宛名番号"]}, whom)
        yield from problems
        if document is None:
            continue
        blocks = person_blocks(form, document)
        for row in members:
            if row.get("住民状態") != "1":
                block = block_of(target, form, blocks, row)
                if block is not None:
                    yield ctx.finding("form.removed_member_listed", "a member whose record was removed is on the "
                                      "世帯全員 copy", location=location(form.id, block[0].line.page, "氏名", whom),
                                      expected="current members only", actual=printed(target, block[0].line))
