"""Form checks of 5.5: 発行番号."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    ISSUE_LABEL,
    ISSUE_NUMBER,
    location,
    printed,
    read,
    target_of,
)
from conformance.domains.jumin.forms.printed import multi_page_requests
from conformance.domains.jumin.params import FormIssueNumberParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.targets.forms import PrintedForm, issue

# -- 5.5: 発行番号 -----------------------------------------------------------------------------------------


@check("forms.issue_number")
def issue_number(ctx: CheckContext) -> Iterator[Finding]:
    """``rule: format`` (5.5 R001-R006): every page's 発行番号 is 発行年月日・市区町村名・[端末]・[プリンタ]・
    番号・ページ数／総ページ数, with that page's number and the real total; ``rule: day`` (R004): its 発行年月日 is
    the day of issue in Japan; ``rule: copies`` (R007): two copies of one request carry different numbers."""
    target = target_of(ctx)
    args = ctx.args(FormIssueNumberParams)
    rule = args.rule
    requests = multi_page_requests(target, args)
    if not requests:
        raise TargetError("the test data has no household whose form can be issued")
    if rule == "copies":
        form_id, body, whom = requests[0]
        first, problems = read(ctx, target, form_id, dict(body), whom)
        yield from problems
        second_answer = issue(target, form_id, {**body, "公用": False})
        second = second_answer.form
        if first is None or second is None:
            return
        numbers = [_numbers(document) for document in (first, second)]
        if numbers[0] and numbers[0] == numbers[1]:
            yield ctx.finding("form.issue_number_repeated", "two copies carry the same 発行番号",
                              location=location(form_id, 1, ISSUE_LABEL, whom), expected="a different number per copy",
                              actual=numbers[0][0])
        return
    for form_id, body, whom in requests:
        document, problems = read(ctx, target, form_id, body, whom)
        yield from problems
        if document is None:
            continue
        if rule == "day":
            yield from _issued_on(ctx, form_id, whom, document, issue(target, form_id, body).days)
            continue
        total = len(document.pages)
        for number, page in enumerate(document.pages, start=1):
            line = next((x for x in page if ISSUE_LABEL in x.text), None)
            match = ISSUE_NUMBER.search(line.text) if line is not None else None
            if line is None or match is None:
                yield ctx.finding("form.issue_number_format", "the page has no 発行番号 in the form of 5.5",
                                  location=location(form_id, number, ISSUE_LABEL, whom),
                                  expected="YYYYMMDD 市区町村名 [端末] [プリンタ] 番号 n/N",
                                  actual=printed(target, line))
            elif (int(match["page"]), int(match["total"])) != (number, total):
                yield ctx.finding("form.issue_number_page", "the 発行番号's page/total is wrong",
                                  location=location(form_id, number, ISSUE_LABEL, whom),
                                  expected=f"{number}/{total}", actual=f"{match['page']}/{match['total']}")


def _issued_on(ctx: CheckContext, form_id: str, whom: str, document: PrintedForm,
               days: tuple[dt.date, ...]) -> Iterator[Finding]:
    """The 発行年月日 of the 発行番号 (5.5 R004, its first part) is the day the form was issued: Japan's day at the
    request (conformance.clock: a municipality's day is Japan's, whatever zone the vendor's machine is in), either
    day where the request straddled midnight JST (``days``). Blind round 3 of issue 67, 04: a server in UTC dated
    every number by its own day, the day before Japan's from 00:00 to 09:00 JST. The first page whose day is wrong
    is reported (every page carries the same number's day)."""
    allowed = [day.strftime("%Y%m%d") for day in days]
    for number, page in enumerate(document.pages, start=1):
        match = next((m for line in page if ISSUE_LABEL in line.text and (m := ISSUE_NUMBER.search(line.text))), None)
        if match is not None and match["day"] not in allowed:
            yield ctx.finding("form.issue_number_day", "the 発行番号's 発行年月日 is not the day of issue in Japan",
                              location=location(form_id, number, ISSUE_LABEL, whom), expected=" | ".join(allowed),
                              actual=match["day"])
            return


def _numbers(document: PrintedForm) -> list[str]:
    return [f"{m['day']} {m['serial']}" for line in document.lines if (m := ISSUE_NUMBER.search(line.text))]
