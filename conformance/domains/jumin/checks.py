"""Checks of 住民記録 (jumin) behaviour through the vendor's API, against the test data the harness loaded.

Each check compares what the vendor answers with what the harness knows to be true (the migration
rows it loaded, or a rule of the spec). A check that has nothing to judge (no DV-protected person
in the test data, say) raises TargetError: the requirement is then ERROR, never a silent PASS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from conformance.catalog.layouts import item_column
from conformance.checks.files.rules import shown_for
from conformance.checks.registry import CheckContext, check, target_of
from conformance.domains.jumin.fixed_marks import fixed_export_marks
from conformance.domains.jumin.params import (
    RELATION_ATOMS,
    CheckDigitParams,
    DateStylesParams,
    HistoryNumberingParams,
    ItemsKeptParams,
    RelationshipParams,
    Where,
)
from conformance.errors import TargetError, UnreachableError
from conformance.findings import Finding
from conformance.limits import MAX_PAGES
from conformance.masking import shown
from conformance.oracles.identifiers import is_valid_m11w2_7
from conformance.oracles.wareki import date_style, to_seireki, to_wareki
from conformance.targets.base import HttpResponse, Target
from conformance.targets.paging import next_offset

Row = Mapping[str, str]
PAGE_LIMIT = 1000


def _expect_json(response: HttpResponse, where: str) -> Any:
    if response.status != 200:
        raise TargetError(f"{where}: expected 200, got {response.status}")
    return response.json()


def all_residents(target: Target) -> dict[str, dict[str, Any]]:
    """Every resident document by 宛名番号, through the 全件提供 query, paged; fetched once per run.

    A fetch that broke is remembered too: the next check is given the same error, not another
    round of pages."""
    cached = target.cache.get("jumin.residents")
    if isinstance(cached, TargetError):
        raise TargetError(f"{cached} (failed earlier in this run: not fetched again)")
    if cached is None:
        try:
            cached = _fetch_residents(target)
        except TargetError as error:
            if not isinstance(error, UnreachableError):
                target.cache["jumin.residents"] = error
            raise
        target.cache["jumin.residents"] = cached
    return dict(cached)


def _fetch_residents(target: Target) -> dict[str, dict[str, Any]]:
    client, residents, offset = target.need_http(), {}, 0
    # Bounded: a vendor that never ends its pages cannot hang the run (targets.api.max_pages).
    max_pages = int(getattr(client, "max_pages", MAX_PAGES))
    for _ in range(max_pages):
        page = _expect_json(
            client.request("get", "/residents", params={"offset": str(offset), "limit": str(PAGE_LIMIT)}),
            "GET /residents",
        )
        for document in page.get("residents", []):
            residents[str(document.get("宛名番号"))] = document
        following = next_offset("GET /residents", offset, page)
        if following is None:
            return residents
        offset = following
    raise TargetError(f"GET /residents: the pages never ended (stopped after {max_pages} pages: "
                      "targets.api.max_pages)")


def _text(value: Any) -> str:
    """A JSON value as the CSV text it stands for (null -> '')."""
    return "" if value is None else str(value)


def _item_value(target: Target, item: str, value: str) -> str:
    """A value of ``item`` as a finding shows it: raw only when it is a valid value of the item's
    type and the item is not personal (an unknown item's value is masked: its type is unknown)."""
    column = item_column(target.catalog, item)
    return shown_for(value, column) if column is not None else shown(value, True)


def _matches(row: Row, where: Where | None) -> bool:
    return where is None or row.get(where.item, "") in where.values


@check("jumin.records.items_kept")
def items_kept(ctx: CheckContext) -> Iterator[Finding]:
    """The vendor returns every loaded value of ``items`` unchanged (the item is managed: 1.1.1/1.1.2)."""
    target = target_of(ctx)
    args = ctx.args(ItemsKeptParams)
    items, where = list(args.items), args.where
    rows = [r for r in target.need_data().rows if _matches(r, where) and any(r.get(i) for i in items)]
    if not rows:
        raise TargetError(f"the test data has no row with {', '.join(items)} to compare")
    residents = all_residents(target)
    for row in rows:
        yield from _compare_row(ctx, target, row, residents.get(row["宛名番号"]), items)


def _compare_row(
    ctx: CheckContext, target: Target, row: Row, document: Mapping[str, Any] | None, items: list[str]
) -> Iterator[Finding]:
    atena = row["宛名番号"]
    if document is None:
        yield ctx.finding("jumin.records.person_missing", "a loaded person is not returned",
                          location=f"GET /residents 宛名番号={atena}", expected="present", actual="absent")
        return
    for item in items:
        expected, actual = row.get(item, ""), _text(document.get(item))
        if expected != actual:
            yield ctx.finding(
                "jumin.records.item_changed", f"{item} differs from the value loaded",
                location=f"GET /residents 宛名番号={atena} /{item}",
                expected=_item_value(target, item, expected), actual=_item_value(target, item, actual),
            )


# 続柄 (住民記録 1.0 j110): 世帯主, 縁故者, 同居人, or 1-4 generations of the listed relations joined by の.
_ATOMS = RELATION_ATOMS


def relationship_allowed(value: str, *, fixed: tuple[str, ...], atoms: tuple[str, ...], generations: int) -> bool:
    """Whether a 続柄 is one the spec lists (j110 R002-R007)."""
    if value in fixed:
        return True
    atom = "|".join(re.escape(a) for a in sorted(atoms, key=len, reverse=True))
    return re.fullmatch(rf"(?:{atom})(?:の(?:{atom})){{0,{generations - 1}}}", value) is not None


@check("jumin.records.relationship_allowed")
def relationships(ctx: CheckContext) -> Iterator[Finding]:
    """No 続柄 outside the listed ones is produced (j110 P001: 祖父, 孫, 5 generations ...)."""
    target = target_of(ctx)
    args = ctx.args(RelationshipParams)
    fixed, atoms, generations = args.fixed, args.atoms, args.generations
    for atena, document in sorted(all_residents(target).items()):
        value = _text(document.get("続柄"))
        if value and not relationship_allowed(value, fixed=fixed, atoms=atoms, generations=generations):
            yield ctx.finding("jumin.relationship.not_listed", "a 続柄 the spec does not list is produced",
                              location=f"GET /residents 宛名番号={atena} /続柄",
                              expected="a 続柄 listed in 1.1.11", actual=value)


def _current(rows: tuple[Row, ...]) -> list[Row]:
    return [r for r in rows if r.get("住民状態") == "1"]


def _certificate(target: Target, atena: str) -> HttpResponse:
    return target.need_http().request("post", "/certificates", json={"宛名番号": atena})


@check("jumin.dv.certificate_refused")
def certificate_refused(ctx: CheckContext) -> Iterator[Finding]:
    """A 住民票の写し for a DV-protected person is refused with an error (3.4 R001)."""
    target = target_of(ctx)
    protected = [r for r in _current(target.need_data().rows) if r.get("支援措置対象フラグ") == "1"]
    if not protected:
        raise TargetError("the test data has no DV-protected resident: the refusal cannot be checked")
    for row in protected:
        status = _certificate(target, row["宛名番号"]).status
        if status != 403:
            yield ctx.finding("jumin.dv.certificate_issued",
                              "a certificate request for a DV-protected person was not refused",
                              location=f"POST /certificates 宛名番号={row['宛名番号']}",
                              expected="403 (refused)", actual=str(status))


@check("jumin.dv.inspection_excludes_protected")
def inspection_excludes_protected(ctx: CheckContext) -> Iterator[Finding]:
    """The 閲覧用 list leaves out DV-protected persons (9.5 R001: 支援対象者を除く)."""
    target = target_of(ctx)
    rows = _current(target.need_data().rows)
    towns = sorted({r["住所_町字"] for r in rows if r.get("支援措置対象フラグ") == "1"})
    if not towns:
        raise TargetError("the test data has no DV-protected resident: the exclusion cannot be checked")
    for town in towns:
        yield from _inspect_town(ctx, target, town, [r for r in rows if r["住所_町字"] == town])


def _inspect_town(ctx: CheckContext, target: Target, town: str, rows: list[Row]) -> Iterator[Finding]:
    response = target.need_http().request("get", "/inspection-list", params={"町字": town})
    entries = _expect_json(response, "GET /inspection-list").get("entries", [])
    listed = {(_text(e.get("氏名")), _text(e.get("生年月日")), _text(e.get("住所_番地号表記"))) for e in entries}
    for row in rows:
        key = (row.get("氏名", ""), row.get("生年月日", ""), row.get("住所_番地号表記", ""))
        if row.get("支援措置対象フラグ") == "1" and key in listed:
            yield ctx.finding("jumin.dv.inspection_lists_protected",
                              "a DV-protected person appears in the 閲覧用 list",
                              location=f"GET /inspection-list 町字={shown(town, True)} 宛名番号={row['宛名番号']}",
                              expected="absent", actual="listed")


def _lines(document: Mapping[str, Any]) -> dict[str, str]:
    people = document.get("記載者") or []
    lines = (people[0].get("記載事項") or []) if people else []
    return {str(line.get("項目")): _text(line.get("値")) for line in lines}


#: Dates that a foreign resident's certificate shows in 西暦 (j90 R001), with their items in the data.
FOREIGN_SEIREKI = {"生年月日": "生年月日", "在留期間の満了の日": "在留期間の満了の日"}


def _certificate_sample(rows: tuple[Row, ...], per_kind: int) -> list[Row]:
    usable = [r for r in _current(rows) if r.get("支援措置対象フラグ") != "1" and r.get("生年月日")]
    japanese = [r for r in usable if r.get("住民種別") == "1"][:per_kind]
    foreign = [r for r in usable if r.get("住民種別") == "2"][:per_kind]
    return japanese + foreign


@check("jumin.certificate.date_styles")
def certificate_date_styles(ctx: CheckContext) -> Iterator[Finding]:
    """Certificate dates: 和暦, except a foreign resident's 生年月日 and 満了日 in 西暦; never both (j90).

    ``rule``: ``required`` (R001: each date in its style, with the right value), ``no_seireki``
    (P001: no 西暦 or 併記 where 和暦 is due), ``no_wareki_for_foreign`` (P002).
    """
    target = target_of(ctx)
    args = ctx.args(DateStylesParams)
    rule = args.rule
    sample = _certificate_sample(target.need_data().rows, args.per_kind)
    if not sample:
        raise TargetError("the test data has no resident whose certificate can be issued")
    for row in sample:
        response = _certificate(target, row["宛名番号"])
        lines = _lines(_expect_json(response, "POST /certificates"))
        for item, data_item in _dated_items(row):
            yield from _judge_date(ctx, rule, row, item, lines.get(item, ""), row.get(data_item, ""))


def _dated_items(row: Row) -> list[tuple[str, str]]:
    items = [("生年月日", "生年月日"), ("住所を定めた年月日", "住所を定めた年月日")]
    if row.get("住民種別") == "2" and row.get("在留期間の満了の日"):
        items.append(("在留期間の満了の日", "在留期間の満了の日"))
    return [(item, data) for item, data in items if row.get(data)]


def _judge_date(ctx: CheckContext, rule: str, row: Row, item: str, printed: str, value: str) -> Iterator[Finding]:
    seireki_due = row.get("住民種別") == "2" and item in FOREIGN_SEIREKI
    style = date_style(printed)
    location = f"POST /certificates 宛名番号={row['宛名番号']} 記載事項[{item}]"
    if rule == "required":
        expected = to_seireki(value) if seireki_due else to_wareki(value)
        if printed != expected:
            yield ctx.finding("jumin.certificate.date_style", f"{item} is not printed as required",
                              location=location, expected=shown(expected, True), actual=shown(printed, True))
    elif rule == "no_seireki" and not seireki_due and style in ("seireki", "both"):
        yield ctx.finding("jumin.certificate.seireki_printed", f"{item} is printed in 西暦",
                          location=location, expected="和暦 only", actual=style)
    elif rule == "no_wareki_for_foreign" and seireki_due and style in ("wareki", "both"):
        yield ctx.finding("jumin.certificate.wareki_printed", f"a foreign resident's {item} is printed in 和暦",
                          location=location, expected="西暦 only", actual=style)


_MOVE_IN = {
    "氏名": "見本　一郎", "氏名_フリガナ": "ミホン　イチロウ", "生年月日": "1990-04-01", "性別": "1",
    "住民種別": "1", "住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "本町一丁目",
    "住所_番地号表記": "1番1号", "異動日": "2026-04-01",
}


def move_in(target: Target, number: int) -> dict[str, Any]:
    """Register a new resident (転入届) and return the vendor's document."""
    body = dict(_MOVE_IN, 住所_番地号表記=f"{number}番1号")
    response = target.need_http().request("post", "/residents", json=body)
    if response.status != 201:
        raise TargetError(response.refused("POST /residents (expected 201)"))
    document: dict[str, Any] = response.json()
    return document


@check("jumin.numbering.check_digit")
def new_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """New 宛名番号 and 世帯番号 are assigned automatically (1.1.13 R001), 10 digits with a M11W2-7
    check digit (R002); ``verify_check_digit: false`` judges the assignment only."""
    target = target_of(ctx)
    args = ctx.args(CheckDigitParams)
    verify = args.verify_check_digit
    for number in range(args.count):
        document = move_in(target, number + 1)
        for item in ("宛名番号", "世帯番号"):
            value = _text(document.get(item))
            digits = len(value) == 10 and value.isascii() and value.isdigit()
            if not digits:
                yield ctx.finding("jumin.numbering.not_assigned", f"no 10-digit {item} was assigned",
                                  location=f"POST /residents -> {item}", expected="10 digits", actual=value)
            elif verify and not is_valid_m11w2_7(value):
                yield ctx.finding("jumin.numbering.check_digit", f"a new {item} has no valid M11W2-7 check digit",
                                  location=f"POST /residents -> {item}", expected="10 digits, M11W2-7",
                                  actual=value)


def _history(target: Target, atena: str) -> list[dict[str, Any]]:
    response = target.need_http().request("get", f"/residents/{atena}/history")
    rows: list[dict[str, Any]] = _expect_json(response, "GET /residents/{宛名番号}/history").get("history", [])
    return rows


@check("jumin.history.correction_appends")
def correction_appends(ctx: CheckContext) -> Iterator[Finding]:
    """A correction adds a history row and keeps every earlier one (1.2.1 R017, 4.6.0.1 R003). A second
    correction, of another item on another 異動日, is made on the latest row (issue 50, written blind: a vendor
    that corrects the row the person was registered with loses the first correction) and records the 異動日
    asked (R017: 全項目の内容を保持; the 異動日 is an item of the 異動履歴, 1.2.1 R004)."""
    target = target_of(ctx)
    atena = _text(move_in(target, 90)["宛名番号"])
    before = _history(target, atena)
    body = {"項目": "住所_方書", "値": "見本荘１０１", "異動日": "2026-04-02"}
    _correct(target, atena, body)
    after = _history(target, atena)
    location = f"GET /residents/{atena}/history"
    if len(after) != len(before) + 1 or after[: len(before)] != before:
        yield ctx.finding("jumin.history.not_appended", "the correction did not append a history row",
                          location=location, expected=f"{len(before) + 1} rows, the first {len(before)} unchanged",
                          actual=f"{len(after)} rows")
        return
    if _text(after[-1].get("住所_方書")) != body["値"]:
        yield ctx.finding("jumin.history.value_not_recorded", "the new row does not carry the corrected value",
                          location=f"{location} /{len(after) - 1}/住所_方書", expected="the corrected value",
                          actual="another value")
        return
    second = {"項目": "住所_番地号表記", "値": "90番2号", "異動日": "2026-04-03"}
    _correct(target, atena, second)
    latest = _history(target, atena)[-1]
    if _text(latest.get("住所_方書")) != body["値"]:
        yield ctx.finding("jumin.history.correction_not_on_latest", "a second correction lost the first one: it "
                          "was not made on the latest row", location=f"{location} /{len(after)}/住所_方書",
                          expected=body["値"], actual=_text(latest.get("住所_方書")) or "blank")
    if "異動日" in latest and _text(latest.get("異動日")) != second["異動日"]:
        yield ctx.finding("jumin.history.correction_date_differs", "the correction's row does not record the "
                          "異動日 asked", location=f"{location} /{len(after)}/異動日", expected=second["異動日"],
                          actual=_text(latest.get("異動日")) or "blank")


def _correct(target: Target, atena: str, body: Mapping[str, str]) -> None:
    response = target.need_http().request("post", f"/residents/{atena}/corrections", json=dict(body))
    if response.status != 201:
        raise TargetError(response.refused("POST /residents/{宛名番号}/corrections (expected 201)"))


@check("jumin.history.numbering")
def history_numbering(ctx: CheckContext) -> Iterator[Finding]:
    """履歴番号 counts 1, 2, 3 ... per 宛名番号 (1.2.1 R016)."""
    target = target_of(ctx)
    sample = [r["宛名番号"] for r in target.need_data().rows][: ctx.args(HistoryNumberingParams).sample]
    for atena in sample:
        numbers = [row.get("履歴番号") for row in _history(target, atena)]
        if numbers != list(range(1, len(numbers) + 1)):
            yield ctx.finding("jumin.history.numbering", "履歴番号 is not a simple count from 1",
                              location=f"GET /residents/{atena}/history", expected="1..n",
                              actual=",".join(str(n) for n in numbers[:20]))



#: The marks a receiving system needs to withhold a protected person (DV protection across every output).
_DV_MARKS = ("他業務参照不可フラグ", "支援措置対象フラグ")


@check("jumin.dv.other_business_marked")
def other_business_marked(ctx: CheckContext) -> Iterator[Finding]:
    """Every 支援措置対象者 is marked in what other systems receive: the linkage answer
    (``GET /residents/{宛名番号}``), the residents export and, where offered, the fixed-length one carry the test
    data's 他業務参照不可フラグ and 支援措置対象フラグ, so a receiving system can withhold the person (3.4 R001 across
    every output, as
    we read it)."""
    target = target_of(ctx)
    protected = [row for row in target.need_data().rows if row.get("支援措置対象フラグ") == "1"]
    if not protected:
        raise TargetError("the test data has no DV-protected resident: the marks cannot be checked")
    client = target.need_http()
    for row in protected:
        response = client.request("get", f"/residents/{row['宛名番号']}")
        document = _expect_json(response, "GET /residents/{宛名番号}")
        for mark in _DV_MARKS:
            if _text(document.get(mark)) != row.get(mark, ""):
                yield ctx.finding("jumin.dv.mark_missing", f"the linkage answer does not carry {mark}",
                                  location=f"GET /residents/{row['宛名番号']} /{mark}", expected=row.get(mark, ""),
                                  actual=_text(document.get(mark)) or "absent")
    yield from _export_marks(ctx, target, {row["宛名番号"]: row for row in protected})
    yield from fixed_export_marks(ctx, target, {row["宛名番号"]: row for row in protected}, _DV_MARKS)


def _export_marks(ctx: CheckContext, target: Target, protected: Mapping[str, Row]) -> Iterator[Finding]:
    """The residents export's rows of protected persons carry the marks (one pass, streamed)."""
    import csv

    from conformance.catalog.models import FileInterface
    from conformance.checks.files.cache import cached_export

    layout = next((i for i in target.catalog.interfaces if isinstance(i, FileInterface) and i.id == "residents_csv"),
                  None)
    if layout is None:
        raise TargetError("the catalog has no residents_csv layout: the export's marks cannot be checked")
    exported = cached_export(target, layout)  # the run's one extraction, shared with file.layout
    encoding = "cp932" if "932" in exported.declared_encoding or "jis" in exported.declared_encoding else "utf-8-sig"
    seen: set[str] = set()
    with exported.path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [mark for mark in _DV_MARKS if mark not in (reader.fieldnames or [])]
        if missing:
            yield ctx.finding("jumin.dv.mark_missing", f"the export has no column {missing[0]}",
                              location=f"{exported.path.name}:1", expected=", ".join(_DV_MARKS), actual="absent")
            return
        for number, record in enumerate(reader, start=2):
            row = protected.get(record.get("宛名番号") or "")
            if row is None:
                continue
            seen.add(row["宛名番号"])
            for mark in _DV_MARKS:
                if (record.get(mark) or "") != row.get(mark, ""):
                    yield ctx.finding("jumin.dv.mark_missing", f"an exported protected person lacks {mark}",
                                      location=f"{exported.path.name}:{number} ({mark})",
                                      expected=row.get(mark, ""), actual=record.get(mark) or "absent")
