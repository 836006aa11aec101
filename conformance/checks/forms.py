"""Checks of forms (帳票) as printed: the vendor's PDF read line by line, judged against the catalog.

Each check issues forms through the form interface (:mod:`conformance.targets.forms`) for persons
and households of the test data the harness loaded, reads the PDF as printed (text lines with their
page) and judges one rule of ``spec_catalog/<domain>/<edition>/forms.yaml``. A finding is located
``form:<form id> page <n> item <label> (<whom>)`` and its ``actual`` is the printed line with
personal data masked (dates keep their era and style, digits hidden). A PDF that cannot be judged
(broken, encrypted, with JavaScript, too large) is a finding of its own (``form.pdf_*``), never an
error of the run. Nothing to judge (no multi-page form, no protected person) is a TargetError: the
requirement is ERROR, never PASS. docs/forms.md describes each rule and our readings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance.checks.registry import CheckContext, check
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.oracles.wareki import date_style, to_seireki, to_wareki
from conformance.reporting.personal import Scrubber
from conformance.spec.models import AppliesTo, Form, FormItem
from conformance.targets.base import Target
from conformance.targets.forms import Issued, PrintedForm, PrintedLine, issue, issue_data

Row = Mapping[str, str]
#: Text a 認証文 contains, when the profile names none (the wording of chapter 4 is not in our source).
CERTIFICATION_MARKERS = ("相違ないことを証明", "証明します", "証明する")
SHEET_MARKER = "別紙"
ISSUE_LABEL = "発行番号"
#: 発行番号 (5.5 R003-R006): 発行年月日 市区町村名 [端末] [プリンタ] 番号 ページ数／総ページ数.
ISSUE_NUMBER = re.compile(r"(?P<day>[0-9]{8})\s+(?P<city>\S+)(?:\s+\S+){0,2}\s+(?P<serial>[0-9]+)\s+"
                          r"(?P<page>[0-9]+)\s*[/／]\s*(?P<total>[0-9]+)")
_BRACKETS = re.compile(r"[（(]([^（）()]*)[）)]")
_HIRAGANA = re.compile("[\u3041-\u3096]")
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_SPACES = re.compile(r"[\s\u3000]+")


# -- what the harness knows --------------------------------------------------------------------------


def form_of(target: Target, form_id: str) -> Form:
    """The catalog's form ``form_id``; a usage error when the catalog has none."""
    for form in target.catalog.forms:
        if form.id == form_id:
            return form
    raise UsageError(f"the catalog has no form {form_id!r}; known: {', '.join(f.id for f in target.catalog.forms)}")


def scrubber_of(target: Target) -> Scrubber:
    """Masks the test data's personal values in printed lines (built once per run)."""
    cached = target.cache.get("forms.scrubber")
    if not isinstance(cached, Scrubber):
        cached = Scrubber.from_rows(target.catalog.data_items, target.need_data().rows)
        target.cache["forms.scrubber"] = cached
    return cached


def _labels(target: Target) -> dict[str, dict[str, str]]:
    """Code labels by item name (性別 1 -> 男), from the catalog."""
    tables = {table.id: {code.code: code.label for code in table.codes} for table in target.catalog.code_tables}
    return {item.name: tables.get(item.code_table or "", {}) for item in target.catalog.data_items if item.code_table}


def squeeze(text: str) -> str:
    """Text without any space (U+3000 prints as a space; layouts put spaces anywhere)."""
    return _SPACES.sub("", text)


def applies(item: FormItem, row: Row) -> bool:
    """Whether the item concerns this resident (Japanese or foreign)."""
    foreign = row.get("住民種別") == "2"
    return item.applies_to is AppliesTo.ALL or (item.applies_to is AppliesTo.FOREIGN) == foreign


def expected_values(target: Target, item: FormItem, row: Row) -> list[str]:
    """The printed forms a non-date item's value may take (a code, or its label), squeezed; [] when
    the resident has no value for it."""
    raw = [row.get(name, "") for name in item.values]
    if not any(raw):
        return []
    if item.label == "在留期間等":
        return []  # composed of three codes: its printed form is the vendor's (judged present only)
    labels = _labels(target)
    coded = [labels.get(name, {}).get(value, value) for name, value in zip(item.values, raw, strict=True)]
    return sorted({squeeze("".join(raw)), squeeze("".join(coded))})


def expected_date(item: FormItem, row: Row) -> str:
    """A date item as j90 and j80 want it printed: 和暦, 西暦 for a foreign resident's 生年月日 and
    満了日, a 不詳 birth date as recorded; '' when there is none."""
    name = item.values[0] if item.values else ""
    if name == "生年月日" and row.get("生年月日_不詳フラグ") == "1":
        return row.get("生年月日_不詳表記", "")
    value = row.get(name, "")
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return value
    if item.date == "seireki_for_foreign" and row.get("住民種別") == "2":
        return to_seireki(value)
    return to_wareki(value)


def date_shape(text: str) -> str:
    """A printed date with its digits hidden: the era, 元年 and the style stay visible."""
    return re.sub("[0-9０-９]", "＊", text)


# -- reading a printed form ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """An item line of a person's block: its label, value (after the label) and the line."""

    label: str
    value: str
    line: PrintedLine


def item_of(line: PrintedLine, labels: Sequence[str]) -> Printed | None:
    """The line as ``label value`` when it starts with one of ``labels`` (longest first)."""
    text = line.text.strip()
    for label in labels:
        if text == label or text.startswith(label + " ") or text.startswith(label + "\u3000"):
            return Printed(label, text[len(label):].strip(), line)
    return None


def person_blocks(form: Form, printed: PrintedForm) -> list[list[Printed]]:
    """The item lines of each person, in printed order: a block starts at each 氏名 line; the 別紙
    and everything after it is not a person block."""
    labels = sorted((item.label for item in form.items), key=len, reverse=True)
    blocks: list[list[Printed]] = []
    for line in printed.lines:
        if line.text.strip().startswith(SHEET_MARKER):
            break
        found = item_of(line, labels)
        if found is None:
            continue
        if found.label == form.items[0].label or not blocks:
            blocks.append([])
        blocks[-1].append(found)
    return blocks


def without_furigana(value: str) -> str:
    """A value with a trailing bracketed reading removed."""
    return _BRACKETS.sub("", value).strip()


def name_of(target: Target, form: Form, row: Row) -> str:
    """The printed form of a resident's name (the first item's values), squeezed."""
    values = expected_values(target, form.items[0], row)
    return values[-1] if values else ""


def own_block(target: Target, form: Form, document: PrintedForm, row: Row) -> list[Printed]:
    """The lines of ``row``'s person on a form: their block, or the only block of a one-person form."""
    blocks = person_blocks(form, document)
    return block_of(target, form, blocks, row) or (blocks[0] if len(blocks) == 1 else [])


def block_of(target: Target, form: Form, blocks: list[list[Printed]], row: Row) -> list[Printed] | None:
    """The block whose first line shows this resident's name and, where printed, their 生年月日 (two
    members of a household may share a name)."""
    name = name_of(target, form, row)
    birth = next((item for item in form.items if item.date is not None and item.values[:1] == ("生年月日",)), None)
    for block in blocks:
        if block and squeeze(without_furigana(block[0].value)) == name:
            dates = [entry for entry in block if birth is not None and entry.label == birth.label]
            if birth is None or not dates or squeeze(dates[0].value) == squeeze(expected_date(birth, row)):
                return block
    return None


# -- sampling the test data ----------------------------------------------------------------------------


def _current(row: Row) -> bool:
    return row.get("住民状態") == "1" and row.get("支援措置対象フラグ") != "1"


BOUNDARY_BIRTHS = frozenset({"1912-07-29", "1912-07-30", "1926-12-24", "1926-12-25", "1989-01-07", "1989-01-08",
                             "2019-04-30", "2019-05-01"})


def person_sample(rows: Sequence[Row], size: int) -> list[Row]:
    """Residents whose certificate shows the rules: era boundary and 不詳 and non-calendar births,
    foreign residents of each 30条45区分 and with 通称, 方書, then the first others."""
    usable = [row for row in rows if _current(row)]
    picked: dict[str, Row] = {}

    def take(rows_: Sequence[Row], count: int) -> None:
        for row in rows_[:count]:
            picked.setdefault(row["宛名番号"], row)

    take([r for r in usable if r.get("生年月日") in BOUNDARY_BIRTHS], 20)
    take([r for r in usable if r.get("生年月日_不詳フラグ") == "1"], 5)
    take([r for r in usable if r.get("生年月日", "")[5:] == "02-29"], 3)
    for category in "123456":
        take([r for r in usable if r.get("第30条45規定区分") == category], 2)
    take([r for r in usable if r.get("通称")], 4)
    take([r for r in usable if r.get("住所_方書")], 3)
    take([r for r in usable if r.get("住民種別") == "1"], 6)
    return list(picked.values())[: max(size, 1)]


def households(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """Every household's rows (any 住民状態), by 世帯番号."""
    found: dict[str, list[Row]] = {}
    for row in rows:
        found.setdefault(row.get("世帯番号", ""), []).append(row)
    return found


def household_sample(rows: Sequence[Row], size: int) -> list[list[Row]]:
    """Unprotected households of two or more current members, one per distinct set of 続柄 first
    (so 子の子, 父母, 兄弟姉妹, 縁故者, 同居人 are all seen), the largest first."""
    candidates = []
    for members in households(rows).values():
        current = [row for row in members if row.get("住民状態") == "1"]
        if len(current) >= 2 and not any(row.get("支援措置対象フラグ") == "1" for row in members):
            candidates.append(current)
    candidates.sort(key=lambda members: (-len(members), members[0]["宛名番号"]))
    picked: list[list[Row]] = []
    seen: set[frozenset[str]] = set()
    for members in candidates:
        relations = frozenset(row.get("続柄", "") for row in members)
        if relations not in seen:
            seen.add(relations)
            picked.append(members)
    return picked[:size]


# -- findings ------------------------------------------------------------------------------------------


def location(form_id: str, page: int | None, item: str, whom: str) -> str:
    """``form:<id> page <n> item <label> (<whom>)``."""
    where = f"form:{form_id}" + (f" page {page}" if page is not None else "")
    return f"{where} item {item} ({whom})" if item else f"{where} ({whom})"


def printed(target: Target, line: PrintedLine | None, *, date: bool = False) -> str:
    """A printed line as a finding shows it: personal values masked, dates' digits hidden."""
    if line is None:
        return "absent"
    text = scrubber_of(target).text(line.text)
    return date_shape(text) if date else text


def _pdf_finding(ctx: CheckContext, form_id: str, whom: str, answer: Issued) -> Finding | None:
    """The finding of a form that cannot be judged (or None when it was read)."""
    if answer.problem is not None:
        return ctx.finding(answer.problem.code, answer.problem.message, location=location(form_id, None, "", whom),
                           expected="a readable, static PDF", actual=answer.problem.code)
    return None


def read(ctx: CheckContext, target: Target, form_id: str, body: Mapping[str, Any],
         whom: str) -> tuple[PrintedForm | None, list[Finding]]:
    """Issue and read a form that should be issued: the form, or the findings saying why not."""
    answer = issue(target, form_id, body)
    if answer.status != 200:
        return None, [ctx.finding("form.not_issued", f"the form {form_id} was not issued",
                                  location=location(form_id, None, "", whom), expected="200 and a PDF",
                                  actual=str(answer.status))]
    finding = _pdf_finding(ctx, form_id, whom, answer)
    return answer.form, [finding] if finding is not None else []


@dataclass(frozen=True)
class _PersonForm:
    """A form issued for one person and read: the person, how findings name them, the document and
    the person's own lines on it."""

    row: Row
    whom: str
    document: PrintedForm
    block: list[Printed]


def _person_forms(ctx: CheckContext, target: Target, form: Form, rows: Sequence[Row],
                  options: Mapping[str, Any] | None = None) -> Iterator[Finding | _PersonForm]:
    """For each of ``rows``, ``form`` issued with ``options``: the findings saying why it could not
    be read, or the form with the person's block."""
    for row in rows:
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": row["宛名番号"], **(options or {})}, whom)
        yield from problems
        if document is not None:
            yield _PersonForm(row, whom, document, own_block(target, form, document, row))


def _persons_or_error(target: Target, ctx: CheckContext) -> list[Row]:
    sample = person_sample(target.need_data().rows, int(ctx.params.get("sample", 40)))
    if not sample:
        raise TargetError("the test data has no current, unprotected resident whose form can be issued")
    return sample


# -- 5.1 R003: items and their values, in the catalog's order; dates (j90, j80) -------------------------


@check("forms.items")
def items_printed(ctx: CheckContext) -> Iterator[Finding]:
    """Each item the resident has is printed with the recorded value (a code or its label), in the
    catalog's order; the 通称 wherever the name is (5.1 R003 as we read it)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    for row in _persons_or_error(target, ctx):
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
        values = expected_values(target, item, row)
        value = squeeze(without_furigana(entry.value) if item.furigana else entry.value)
        if values and value not in values:
            yield ctx.finding("form.item_value", f"{item.label} is not printed as recorded",
                              location=location(form.id, page, item.label, whom),
                              expected=scrubber_of(target).text(f"{item.label} {values[-1]}"),
                              actual=printed(target, entry.line))
    order = [item.label for item in form.items]
    labels = [entry.label for entry in block]
    for before, after in itertools.pairwise(block):
        if order.index(after.label) < order.index(before.label):
            yield ctx.finding("form.item_order", f"{after.label} is printed after {before.label}",
                              location=location(form.id, after.line.page, after.label, whom),
                              expected=" > ".join(o for o in order if o in labels),
                              actual=" > ".join(labels))
            break


@check("forms.dates")
def dates_printed(ctx: CheckContext) -> Iterator[Finding]:
    """Dates as j90 and j80 want them: 和暦 with the right era (boundaries: 1989-01-07 is 昭和64年,
    1989-01-08 平成元年), a foreign resident's 生年月日 and 満了日 in 西暦, never both, and a 不詳 date
    as recorded (5.1 R003: the 様式, as we read it)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    for got in _person_forms(ctx, target, form, _persons_or_error(target, ctx)):
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
            if not expected or entry is None:
                continue  # an absent item is forms.items' finding
            if squeeze(entry.value) != squeeze(expected):
                style = date_style(entry.value)
                yield ctx.finding("form.date", f"{item.label} is not printed as j90/j80 want it "
                                  f"(printed style: {style})",
                                  location=location(form.id, entry.line.page, item.label, whom),
                                  expected=f"{item.label} {date_shape(expected)}",
                                  actual=printed(target, entry.line, date=True))


# -- 5.1 R001: omission switches ---------------------------------------------------------------------


@check("forms.omissions")
def omissions(ctx: CheckContext) -> Iterator[Finding]:
    """With every omission switch set, no switched item is printed; with none set, each is (5.1 R001)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    switches = [omission.id for omission in form.omissions]
    for got in _person_forms(ctx, target, form, _persons_or_error(target, ctx), {"省略": switches}):
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


def _multi_page_requests(target: Target, ctx: CheckContext) -> list[tuple[str, dict[str, Any], str]]:
    """(form id, body, whom) of household forms: the largest households print on several pages."""
    form = str(ctx.params.get("form", "juminhyo_setai"))
    rows = target.need_data().rows
    sample = household_sample(rows, int(ctx.params.get("households", 12)))
    # Households with a 通称 print a 別紙: the 認証文 must follow it (5.1 R004 and R005 together).
    with_sheet = [[row] for row in rows if _current(row) and row.get("住民種別") == "2" and row.get("通称")][:2]
    chosen = {members[0]["宛名番号"]: members for members in [*with_sheet, *sample]}
    return [(form, {"宛名番号": atena}, f"世帯 of 宛名番号={atena}") for atena in chosen]


@check("forms.certification")
def certification(ctx: CheckContext) -> Iterator[Finding]:
    """``rule: present`` (5.1 R002): the 認証文, the 職名 with the 都道府県 (the 電子公印's line) and the
    発行番号 are printed; ``rule: last_page_only`` (R004): on a form of several pages, the 認証文 is on
    the last page and on no other."""
    target = target_of(ctx)
    rule = str(ctx.params.get("rule", "present"))
    markers = tuple(ctx.params.get("markers", CERTIFICATION_MARKERS))
    prefecture = str(ctx.params.get("prefecture", "")) or _prefecture(target)
    judged = 0
    for form_id, body, whom in _multi_page_requests(target, ctx):
        document, problems = read(ctx, target, form_id, body, whom)
        yield from problems
        if document is None:
            continue
        last = len(document.pages)
        pages = sorted({line.page for line in document.lines if _is_certification(line, markers)})
        if rule == "present":
            judged += 1
            if not pages:
                yield ctx.finding("form.certification_missing", "no 認証文 is printed",
                                  location=location(form_id, last, "認証文", whom), expected="a 認証文",
                                  actual="absent")
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
                                  actual="absent")
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
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    markers = tuple(ctx.params.get("markers", CERTIFICATION_MARKERS))
    rows = [r for r in target.need_data().rows if _current(r) and r.get("住民種別") == "2" and r.get("通称")]
    if not rows:
        raise TargetError("the test data has no current foreign resident with a 通称: the 別紙 cannot be checked")
    for row in rows[: int(ctx.params.get("sample", 5))]:
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


# -- 5.5: 発行番号 -----------------------------------------------------------------------------------------


@check("forms.issue_number")
def issue_number(ctx: CheckContext) -> Iterator[Finding]:
    """``rule: format`` (5.5 R001-R006): every page's 発行番号 is 発行年月日・市区町村名・[端末]・[プリンタ]・
    番号・ページ数／総ページ数, with that page's number and the real total; ``rule: copies`` (R007): two
    copies of one request carry different numbers."""
    target = target_of(ctx)
    rule = str(ctx.params.get("rule", "format"))
    requests = _multi_page_requests(target, ctx)
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


def _numbers(document: PrintedForm) -> list[str]:
    return [f"{m['day']} {m['serial']}" for line in document.lines if (m := ISSUE_NUMBER.search(line.text))]


# -- 5.2: 世帯員の並び順 ------------------------------------------------------------------------------------

_SPOUSES = ("妻", "夫", "妻（未届）", "夫（未届）")


def rank(relation: str) -> int:
    """The coarse place of a 続柄 in 5.2 that 続柄 alone decides: 世帯主 0, 配偶者 1, 子 and their
    families 2 (whose family a 子の子 is, the data does not say), 父母 3, 兄弟姉妹 4, 祖父母 5, other
    relatives 6, 縁故者 7, 同居人 8."""
    if relation == "世帯主":
        return 0
    if relation in _SPOUSES:
        return 1
    if relation == "子" or relation.startswith("子の"):
        return 2
    fixed = {"父": 3, "母": 3, "兄": 4, "姉": 4, "弟": 4, "妹": 4, "縁故者": 7, "同居人": 8}
    if relation in fixed:
        return fixed[relation]
    if relation in ("父の父", "父の母", "母の父", "母の母"):
        return 5
    return 6


def order_problem(members: Sequence[Row]) -> tuple[int, str] | None:
    """The first member (index) printed out of the 5.2 order, and why; None when the order holds.

    Between ranks the order is judged fully; within one 続柄 (outside the families of 子, where the
    data cannot tell which family a member belongs to) by 生年月日, then 宛名番号 (不詳 dates are not compared).
    """
    has_child_family = any(row.get("続柄", "").startswith("子の") for row in members)
    for index in range(1, len(members)):
        before, after = members[index - 1], members[index]
        first, second = rank(before.get("続柄", "")), rank(after.get("続柄", ""))
        if second < first:
            return index, f"{after.get('続柄')} after {before.get('続柄')}"
        same = before.get("続柄") == after.get("続柄") and not (first == 2 and has_child_family)
        known = before.get("生年月日_不詳フラグ") != "1" and after.get("生年月日_不詳フラグ") != "1"
        key_before = (before.get("生年月日", ""), before.get("宛名番号", ""))
        key_after = (after.get("生年月日", ""), after.get("宛名番号", ""))
        if same and known and key_after < key_before:
            return index, f"two {after.get('続柄')} not by 生年月日 and 宛名番号"
    return None


@check("forms.member_order")
def member_order(ctx: CheckContext) -> Iterator[Finding]:
    """The 世帯員 of a 世帯連記式 copy are printed in the order of 5.2 (j1010)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_setai")))
    sample = household_sample(target.need_data().rows, int(ctx.params.get("households", 12)))
    if not sample:
        raise TargetError("the test data has no household of two or more current members")
    for members in sample:
        whom = f"世帯 of 宛名番号={members[0]['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": members[0]["宛名番号"]}, whom)
        yield from problems
        if document is None:
            continue
        blocks = person_blocks(form, document)
        names = {name_of(target, form, row): row for row in members}
        shown = [names[key] for block in blocks if (key := squeeze(without_furigana(block[0].value))) in names]
        problem = order_problem(shown)
        if problem is not None:
            index, why = problem
            line = blocks[index][0].line if index < len(blocks) else None
            yield ctx.finding("form.member_order", f"the 世帯員 are not in the order of 5.2: {why}",
                              location=location(form.id, line.page if line else None, "氏名", whom),
                              expected="続柄 " + " > ".join(r.get("続柄", "") for r in sorted(
                                  shown, key=lambda r: (rank(r.get("続柄", "")), r.get("生年月日", ""),
                                                        r.get("宛名番号", "")))),
                              actual="続柄 " + " > ".join(r.get("続柄", "") for r in shown))


# -- 5.1 P001: a 世帯全員 copy shows current members only ----------------------------------------------------


@check("forms.household_current_only")
def household_current_only(ctx: CheckContext) -> Iterator[Finding]:
    """A 世帯連記式 copy does not list a member whose record was removed (5.1 P001)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_setai")))
    mixed = [members for members in households(target.need_data().rows).values()
             if any(r.get("住民状態") != "1" for r in members) and any(_current(r) for r in members)
             and not any(r.get("支援措置対象フラグ") == "1" for r in members)]
    if not mixed:
        raise TargetError("the test data has no household with a removed and a current member")
    for members in mixed[: int(ctx.params.get("households", 10))]:
        asked = next(r for r in members if _current(r))
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


# -- 5.3: furigana -------------------------------------------------------------------------------------


@check("forms.furigana")
def furigana(ctx: CheckContext) -> Iterator[Finding]:
    """Furigana asked for: katakana in brackets after 氏名, 旧氏 or 通称 only. ``rule``: ``items`` (P001:
    no reading on another item), ``brackets`` (P002: no reading outside brackets), ``katakana`` (P003)."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    rule = str(ctx.params["rule"])
    for got in _person_forms(ctx, target, form, _persons_or_error(target, ctx), {"フリガナ": True}):
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
    readings = [text for text in _BRACKETS.findall(entry.value) if _KANA.search(text)]
    where = location(form.id, entry.line.page, item.label, whom)
    if rule == "items" and readings and not item.furigana:
        return ctx.finding("form.furigana_on_item", f"a reading is printed on {item.label}", location=where,
                           expected="furigana on 氏名, 旧氏 and 通称 only", actual=printed(target, entry.line))
    if rule == "katakana" and item.furigana and any(_HIRAGANA.search(text) for text in readings):
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


# -- 5.4: 方書; 5.7: 公用 ---------------------------------------------------------------------------------


@check("forms.katagaki")
def katagaki(ctx: CheckContext) -> Iterator[Finding]:
    """A resident's 方書 is printed in the 住所 of every certificate (5.4 R001)."""
    target = target_of(ctx)
    forms = [form_of(target, str(form_id)) for form_id in ctx.params.get("forms", ("juminhyo_kojin",))]
    rows = [r for r in target.need_data().rows if _current(r) and r.get("住所_方書")]
    if not rows:
        raise TargetError("the test data has no current resident with a 方書")
    for form in forms:
        for got in _person_forms(ctx, target, form, rows[: int(ctx.params.get("sample", 5))]):
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
    rows = _persons_or_error(target, ctx)
    for form_id in ctx.params.get("forms", ("juminhyo_kojin",)):
        row = rows[0]
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, str(form_id), {"宛名番号": row["宛名番号"], "公用": True}, whom)
        yield from problems
        if document is not None and not any("公用" in line.text for line in document.lines):
            yield ctx.finding("form.official_use_missing", "「公用」 is not printed on a form asked for as 公用",
                              location=location(str(form_id), 1, "公用", whom), expected="公用", actual="absent")


# -- the form's data, when the vendor has it --------------------------------------------------------------


@check("forms.data_matches_print")
def data_matches_print(ctx: CheckContext) -> Iterator[Finding]:
    """The form's data (``/forms/{id}/data``), where the vendor offers it, says what the PDF prints:
    the same pages, and each of its lines printed on its page."""
    target = target_of(ctx)
    form = form_of(target, str(ctx.params.get("form", "juminhyo_kojin")))
    for row in _persons_or_error(target, ctx)[: int(ctx.params.get("sample", 5))]:
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
    person_forms = tuple(ctx.params.get("person_forms", ("juminhyo_kojin", "kisai_jiko")))
    household_form = str(ctx.params.get("household_form", "juminhyo_setai"))
    for row in protected:
        for form_id, body, whom in _dv_requests(rows, row, person_forms, household_form):
            yield from _judge_refusal(ctx, target, form_id, body, whom, row)
    list_form = ctx.params.get("list_form", "etsuran")
    if list_form:
        for town in sorted({row.get("住所_町字", "") for row in protected}):
            answer = issue(target, str(list_form), {"町字": town})
            whom = f"町字={scrubber_of(target).text(town)}"
            problem = _pdf_finding(ctx, str(list_form), whom, answer)
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
    problem = _pdf_finding(ctx, form_id, whom, answer)
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
    for row in moved:
        for form_id in ctx.params.get("forms", ("joshuhyo", "joshuhyo_kisai_jiko")):
            yield from _judge_refusal(ctx, target, str(form_id), {"宛名番号": row["宛名番号"]},
                                      f"宛名番号={row['宛名番号']}", row)


def target_of(ctx: CheckContext) -> Target:
    """The run's target; form checks cannot run without one."""
    if not isinstance(ctx.target, Target):
        raise TargetError("no target: this check needs a vendor system to issue forms")
    return ctx.target

