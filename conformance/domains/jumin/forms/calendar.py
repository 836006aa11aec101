"""Form check of 1.1.9 (j90) over a whole printed form: no date in 西暦 but the two j90 names.

``forms.dates`` judges each date item of a person's block against the record. What a person's block does not hold
is printed too: the day of the 証明 under the 認証文, the dates of the 通称 history on the 別紙. j90 R001 asks every
年月日 of a 証明書 in 和暦, except a 外国人住民's 生年月日 and 在留期間の満了の日; P001 forbids 西暦 (併記 included)
anywhere else. This check reads every printed line for a 西暦 date (2026年11月28日, 2026-11-28, 2026/11/28,
2026.11.28) and allows it only as the printed value of one of those two items of a 外国人住民 on the form.

The 発行番号 (5.5) writes its 発行年月日 as eight digits (20261128, :data:`ISSUE_NUMBER`): a part of a number, not a
printed 年月日 (interpretation jumin-1.0-interp-certificate-calendar); it is not read here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from conformance.catalog.models import Form
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    ISSUE_LABEL,
    Row,
    form_of,
    item_of,
    location,
    printed,
    squeeze,
    target_of,
)
from conformance.domains.jumin.forms.printed import multi_page_forms
from conformance.domains.jumin.params import FormCalendarParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.wareki import to_seireki, to_wareki
from conformance.targets.forms import PrintedForm, PrintedLine

#: A 西暦 年月日 as a line may print it (after NFKC: full-width digits read as digits): 2026年11月28日, or a year of
#: 18xx-20xx with its month and day by one separator (2026-11-28, 2026/11/28, 2026.11.28); not part of a longer number.
SEIREKI_DAY = re.compile(r"(?<![0-9])(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|(?:18|19|20)[0-9]{2}([-/.])[01]?[0-9]\1"
                         r"[0-3]?[0-9](?![0-9]))")
#: Items whose value is a place, whose numbers (番地 1990-1-2) are not dates.
PLACES = ("住所", "本籍", "方書")
#: The items j90 prints in 西暦 for a 外国人住民 (the catalog's ``date: seireki_for_foreign``).
SEIREKI_ITEMS = "seireki_for_foreign"


#: What each finding says.
_WHY = {"form.date_seireki": "a 年月日 is printed in 西暦 where j90 wants 和暦",
        "form.date_wareki_for_foreign": "a 外国人住民's 生年月日 or 満了日 is printed in 和暦 where j90 wants 西暦"}


def seireki_in(text: str) -> str | None:
    """The first 西暦 年月日 of a printed line, or None."""
    match = SEIREKI_DAY.search(unicodedata.normalize("NFKC", text))
    return match.group(0) if match is not None else None


def allowed_seireki(form: Form, rows: Sequence[Row]) -> set[tuple[str, str]]:
    """(label, printed value) of the 西暦 dates j90 wants on this form: the 生年月日 and 在留期間の満了の日 of each
    外国人住民 of ``rows`` (a 不詳 date is not a calendar date: never allowed in 西暦 here)."""
    allowed = set()
    for item in form.items:
        if item.date != SEIREKI_ITEMS or not item.values:
            continue
        for row in rows:
            value = row.get(item.values[0], "")
            if row.get("住民種別") == "2" and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                allowed.add((item.label, squeeze(to_seireki(value))))
    return allowed


def wareki_due_lines(form: Form, document: PrintedForm, rows: Sequence[Row]) -> Iterator[PrintedLine]:
    """The lines of ``document`` that print a 外国人住民's 生年月日 or 在留期間の満了の日 in 和暦 (j90: 西暦 only;
    P002 forbids 和暦 and 併記): the item's line whose value holds the 和暦 of such a date of a 外国人住民 on the
    form, unless a 日本人住民 on the form has the same 生年月日 (their line rightly prints it so)."""
    labels = sorted((item.label for item in form.items), key=len, reverse=True)
    due: set[tuple[str, str]] = set()
    for item in form.items:
        if item.date != SEIREKI_ITEMS or not item.values:
            continue
        days = {(row.get("住民種別"), row.get(item.values[0], "")) for row in rows}
        due |= {(item.label, squeeze(to_wareki(day))) for kind, day in days
                if kind == "2" and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day) and ("1", day) not in days}
    for line in document.lines:
        entry = item_of(line, labels)
        if entry is not None and any(label == entry.label and wareki in squeeze(entry.value)
                                     for label, wareki in due):
            yield line


def seireki_lines(form: Form, document: PrintedForm, allowed: set[tuple[str, str]]) -> Iterator[PrintedLine]:
    """The lines of ``document`` that print a 西暦 date j90 does not allow there."""
    labels = sorted((item.label for item in form.items), key=len, reverse=True)
    for line in document.lines:
        if ISSUE_LABEL in line.text or seireki_in(line.text) is None:
            continue
        entry = item_of(line, labels)
        if entry is not None and ((entry.label, squeeze(entry.value)) in allowed
                                  or any(place in entry.label for place in PLACES)):
            continue
        yield line


@check("forms.calendar")
def calendar(ctx: CheckContext) -> Iterator[Finding]:
    """Every 年月日 a form prints is in 和暦 but a 外国人住民's 生年月日 and 満了日, those in 西暦 (j90): ``rule``
    ``wareki_due`` (P001: no 西暦 where 和暦 is due: the 証明 day, the 別紙's dates, every item), ``seireki_due`` (P002:
    no 和暦 for the two), ``all`` (R001: both), on forms of one and of several pages."""
    target = target_of(ctx)
    args = ctx.args(FormCalendarParams)
    form = form_of(target, args.form)
    got = list(multi_page_forms(ctx, target, args))
    yield from (item for item in got if isinstance(item, Finding))
    documents = [item for item in got if not isinstance(item, Finding)]
    if not documents:
        raise TargetError(f"no {form.id} form of the test data could be read for its dates")
    rows = target.need_data().rows
    for form_id, body, whom, document in documents:
        setai = next((row.get("世帯番号") for row in rows if row.get("宛名番号") == body.get("宛名番号")), None)
        on_form = [row for row in rows if row.get("宛名番号") == body.get("宛名番号")
                   or (form.scope == "household" and setai and row.get("世帯番号") == setai)]
        wrong = {"form.date_seireki": [] if args.rule == "seireki_due" else
                 list(seireki_lines(form, document, allowed_seireki(form, on_form))),
                 "form.date_wareki_for_foreign": [] if args.rule == "wareki_due" else
                 list(wareki_due_lines(form, document, on_form))}
        for code, lines in wrong.items():
            for line in lines:
                entry = item_of(line, [item.label for item in form.items])
                yield ctx.finding(code, _WHY[code], expected="和暦" if code == "form.date_seireki" else "西暦",
                                  location=location(form_id, line.page, entry.label if entry else "年月日", whom),
                                  actual=printed(target, line, date=True))
