"""What every form check shares: the form and its labels, reading a printed form, sampling the
test data, and findings (conformance/domains/jumin/forms/__init__.py maps the package)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance.catalog.models import AppliesTo, Form, FormItem
from conformance.checks.registry import CheckContext
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.masking import Scrubber
from conformance.oracles.wareki import to_seireki, to_wareki
from conformance.targets.base import Target
from conformance.targets.forms import Issued, PrintedForm, PrintedLine, issue

Row = Mapping[str, str]
SHEET_MARKER = "別紙"
ISSUE_LABEL = "発行番号"
#: 発行番号 (5.5 R003-R006): 発行年月日 市区町村名 [端末] [プリンタ] 番号 ページ数／総ページ数.
ISSUE_NUMBER = re.compile(r"(?P<day>[0-9]{8})\s+(?P<city>\S+)(?:\s+\S+){0,2}\s+(?P<serial>[0-9]+)\s+"
                          r"(?P<page>[0-9]+)\s*[/／]\s*(?P<total>[0-9]+)")
BRACKETS = re.compile(r"[（(]([^（）()]*)[）)]")
HIRAGANA = re.compile("[\u3041-\u3096]")
KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
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


#: Items printed by the name of what their code stands for, never the code (interpretation
#: jumin-1.0-interp-kubun-named): the 区分 of 法第30条の45 is one of the statute's named categories (中長期在留者…),
#: and its code values are the catalog's own, which a reader of the 写し has no table for (blind round 4, bug 08).
NAMED_ONLY = frozenset({"第30条45規定区分"})


def expected_values(target: Target, item: FormItem, row: Row) -> list[str]:
    """The printed forms a non-date item's value may take (a code, or its label; the label alone for the items of
    :data:`NAMED_ONLY` whose code has one), squeezed; [] when the resident has no value for it."""
    raw = [row.get(name, "") for name in item.values]
    if not any(raw):
        return []
    if item.label == "在留期間等":
        return []  # composed of three codes: its printed form is the vendor's (judged present only)
    labels = _labels(target)
    coded = [labels.get(name, {}).get(value, value) for name, value in zip(item.values, raw, strict=True)]
    if item.label in NAMED_ONLY and coded != raw:
        return [squeeze("".join(coded))]
    return sorted({squeeze("".join(raw)), squeeze("".join(coded))})


#: 在留期間等 as printed (interpretation jumin-1.0-interp-residence-period): years, months, days, each with its unit,
#: a part of 0 printed or left out, 月 also as か月/ヶ月/ケ月/カ月/箇月.
PERIOD_LABEL = "在留期間等"
_PERIOD = re.compile(r"(?:([0-9]+)年)?(?:([0-9]+)(?:か|ヶ|ケ|カ|箇)?月)?(?:([0-9]+)日)?")


def printed_period(text: str) -> tuple[int, int, int] | None:
    """(years, months, days) of a printed 在留期間等 (full-width digits read as digits), or None when it is not one."""
    match = _PERIOD.fullmatch(squeeze(unicodedata.normalize("NFKC", text)))
    if match is None or not any(match.groups()):
        return None
    years, months, days = (int(part or 0) for part in match.groups())
    return years, months, days


def recorded_period(row: Row) -> tuple[int, int, int]:
    """(years, months, days) of the record's 在留期間等コード_年/_月/_日 (an empty code is 0)."""
    years, months, days = (int(part) if part.isdigit() else 0
                           for part in (row.get(f"在留期間等コード_{unit}", "") for unit in "年月日"))
    return years, months, days


def period_text(period: tuple[int, int, int]) -> str:
    """A period as a finding shows it: 3年6月 (the parts of 0 left out; 0日 for none at all)."""
    text = "".join(f"{value}{unit}" for value, unit in zip(period, "年月日", strict=True) if value)
    return text or "0日"


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
    return BRACKETS.sub("", value).strip()


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


def current(row: Row) -> bool:
    return row.get("住民状態") == "1" and row.get("支援措置対象フラグ") != "1"


BOUNDARY_BIRTHS = frozenset({"1912-07-29", "1912-07-30", "1926-12-24", "1926-12-25", "1989-01-07", "1989-01-08",
                             "2019-04-30", "2019-05-01"})


def person_sample(rows: Sequence[Row], size: int) -> list[Row]:
    """Residents whose certificate shows the rules: era boundary and 不詳 and non-calendar births,
    foreign residents of each 30条45区分 and with 通称, 方書, then the first others."""
    usable = [row for row in rows if current(row)]
    picked: dict[str, Row] = {}

    def take(rows_: Sequence[Row], count: int) -> None:
        for row in rows_[:count]:
            picked.setdefault(row["宛名番号"], row)

    take([r for r in usable if r.get("生年月日") in BOUNDARY_BIRTHS], 20)
    take([r for r in usable if r.get("生年月日_不詳フラグ") == "1"], 5)
    take([r for r in usable if r.get("生年月日", "")[5:] == "02-29"], 3)
    for category in "123456":
        take([r for r in usable if r.get("第30条45規定区分") == category], 2)
    take([r for r in usable if recorded_period(r)[2]], 1)  # a 在留期間等 with days (4年3月15日)
    take([r for r in usable if not recorded_period(r)[0] and any(recorded_period(r))], 1)  # no 年 part (6月)
    take([r for r in usable if recorded_period(r)[1]], 2)  # a 在留期間等 of years and months (3年6月)
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


def left_households(rows: Sequence[Row]) -> list[list[Row]]:
    """Unprotected households with a removed member and a current one (all their members, as loaded)."""
    return [members for members in households(rows).values()
            if any(r.get("住民状態") != "1" for r in members) and any(current(r) for r in members)
            and not any(r.get("支援措置対象フラグ") == "1" for r in members)]


def short_period_households(rows: Sequence[Row]) -> list[list[Row]]:
    """Unprotected households whose current members include a 外国人住民 with a 在留期間等 of no 年 part (6月): each
    form that prints the item prints it for them too (issue 67's blind round, 03: a 6月 printed blank). Their current
    members, as loaded."""
    return [[row for row in members if current(row)] for members in households(rows).values()
            if not any(row.get("支援措置対象フラグ") == "1" for row in members)
            and any(current(row) and not recorded_period(row)[0] and any(recorded_period(row)) for row in members)]


def household_sample(rows: Sequence[Row], size: int) -> list[list[Row]]:
    """Unprotected households of two or more current members, one per distinct set of 続柄 first
    (so 子の子, 父母, 兄弟姉妹, 縁故者, 同居人 are all seen), the largest first; of those alike, one whose
    members of one 続柄 were registered in another order than their 生年月日 first (a form listing them by
    宛名番号 is then seen)."""
    candidates = []
    for members in households(rows).values():
        current = [row for row in members if row.get("住民状態") == "1"]
        if len(current) >= 2 and not any(row.get("支援措置対象フラグ") == "1" for row in members):
            candidates.append(current)
    candidates.sort(key=lambda members: (-len(members), not _registered_out_of_birth_order(members),
                                         members[0]["宛名番号"]))
    picked: list[list[Row]] = []
    seen: set[frozenset[str]] = set()
    for members in candidates:
        relations = frozenset(row.get("続柄", "") for row in members)
        if relations not in seen:
            seen.add(relations)
            picked.append(members)
    return picked[:size]


def _registered_out_of_birth_order(members: Sequence[Row]) -> bool:
    """Whether two members of one 続柄, both born on a known day, were given 宛名番号 in the other order than their
    生年月日 (5.2 orders them by 生年月日 first)."""
    known = [row for row in members if row.get("生年月日_不詳フラグ") != "1"]
    return any(first.get("続柄") == second.get("続柄") and first.get("生年月日", "") != second.get("生年月日", "")
               and (first.get("生年月日", "") < second.get("生年月日", ""))
               != (first.get("宛名番号", "") < second.get("宛名番号", ""))
               for first, second in itertools.combinations(known, 2))


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


def pdf_finding(ctx: CheckContext, form_id: str, whom: str, answer: Issued) -> Finding | None:
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
    finding = pdf_finding(ctx, form_id, whom, answer)
    return answer.form, [finding] if finding is not None else []


@dataclass(frozen=True)
class HouseholdCopy:
    """A 世帯連記式 copy asked for a household (by its first member's 宛名番号): its members, how findings name the
    household, the findings of a copy not issued or not readable, and the person blocks printed (None then)."""

    members: list[Row]
    whom: str
    problems: list[Finding]
    blocks: list[list[Printed]] | None
    document: PrintedForm | None = None


def household_copies(ctx: CheckContext, target: Target, form: Form,
                     households: Iterable[list[Row]]) -> Iterator[HouseholdCopy]:
    """Each household's copy issued and read (:func:`read`), in order."""
    for members in households:
        whom = f"世帯 of 宛名番号={members[0]['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": members[0]["宛名番号"]}, whom)
        yield HouseholdCopy(members, whom, problems, None if document is None else person_blocks(form, document),
                            document)


def off_page(ctx: CheckContext, target: Target, form: Form, document: PrintedForm, whom: str) -> Iterator[Finding]:
    """Each page's first line drawn outside the page, past its MediaBox's bottom or top edge (issue 67, blind round 3,
    05: a 世帯 of four or more drawn on one page down to y < 0, the 認証文 with it): text extraction reads it, a
    printer does not print it, so what it holds is not printed (5.1 R003: every item; R002: the 認証文). Located at
    the line's item (or 行), its baseline in the actual."""
    labels = sorted((item.label for item in form.items), key=len, reverse=True)
    reported: set[int] = set()
    for line in document.off_page():
        if line.page in reported:
            continue
        reported.add(line.page)
        entry = item_of(line, labels)
        bottom, top = document.edges[line.page - 1]
        drawn_at = f"(baseline y {line.baseline:.0f})"  # a coordinate: data, in either language
        yield ctx.finding("form.line_off_page", "a line is drawn outside its page (past the bottom or top edge of "
                          "the MediaBox): it is not printed", location=location(
                              form.id, line.page, entry.label if entry is not None else "行", whom),
                          expected=f"every line within the page (baseline y {bottom:.0f}-{top:.0f})",
                          actual=f"{printed(target, line)} {drawn_at}")


@dataclass(frozen=True)
class PersonForm:
    """A form issued for one person and read: the person, how findings name them, the document and
    the person's own lines on it."""

    row: Row
    whom: str
    document: PrintedForm
    block: list[Printed]


def person_forms(ctx: CheckContext, target: Target, form: Form, rows: Sequence[Row],
                  options: Mapping[str, Any] | None = None) -> Iterator[Finding | PersonForm]:
    """For each of ``rows``, ``form`` issued with ``options``: the findings saying why it could not
    be read, or the form with the person's block."""
    for row in rows:
        whom = f"宛名番号={row['宛名番号']}"
        document, problems = read(ctx, target, form.id, {"宛名番号": row["宛名番号"], **(options or {})}, whom)
        yield from problems
        if document is not None:
            yield PersonForm(row, whom, document, own_block(target, form, document, row))


def persons_or_error(target: Target, size: int) -> list[Row]:
    """The first ``size`` residents of :func:`person_sample`, or a TargetError when there is none."""
    sample = person_sample(target.need_data().rows, size)
    if not sample:
        raise TargetError("the test data has no current, unprotected resident whose form can be issued")
    return sample



def target_of(ctx: CheckContext) -> Target:
    """The run's target; form checks cannot run without one."""
    return ctx.need_target("a vendor system to issue forms")
