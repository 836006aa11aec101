"""住民記録 1.0 1.3.8 交付履歴の管理: each certificate the harness has issued is in the 交付履歴 with its items.

``jumin.issuance.history`` registers one generated person with a 個人番号 (``fixtures.persons``, test set-up; a
外国人住民 with ``resident: foreign``, else a 日本人住民: 1.1.2 R058 / 1.1.1 R034 証明書の交付履歴 as their item),
issues three certificates of them through the linkage API (``POST /forms/{form_id}``: the 住民票の写し whole, the
same with the 個人番号 omitted, and the 世帯連記式 写し) and reads the 交付履歴 of that person (``logs.issuances``,
our interface; docs/driver.md) before and after. Params ``rule``, one per requirement:

- ``entries`` (R001: 証明書の交付履歴 ... 以下の項目を管理すること): a new entry per certificate issued; a missing
  entry is a finding of every rule (its items are missing too), never a silent pass;
- ``issued_at`` (R002 交付年月日時): ISO 8601 with its offset, during the issue;
- ``place`` (R003 交付場所), ``operator`` (R009 端末名、ユーザID): some text;
- ``person`` (R004 交付対象者): names the person (their 宛名番号; interpretation ``jumin-1.0-interp-issuance-history``);
- ``kind`` (R005 証明書の種別): some text, another for the 世帯連記式 than for the 個人票;
- ``items`` (R006 記載事項): something, another for the copy without the 個人番号 than for the whole one;
- ``pages`` (R007 枚数): the pages the PDF has; ``number`` (R008 発行番号): the one it printed (5.5);
- ``disposal`` (R010 処分情報): empty until ``issuances.dispose`` records the 処分 of the whole copy by its 発行番号,
  then some text on its entry, and still empty on the others.

A vendor whose adapter lacks an operation the rule needs is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import IssuanceHistoryParams
from conformance.domains.jumin.scenarios.access_log import (
    ISSUE_NUMBER,
    MY_NUMBER,
    SLACK,
    LogRead,
    couple,
    driver_base,
    entries_of,
    is_text,
    new_entries,
    same_issue_number,
    within,
)
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.targets.base import Target
from conformance.targets.forms import PrintedForm, issue_anew

SETUP, HISTORY, DISPOSE = "fixtures.persons", "logs.issuances", "issuances.dispose"
#: The 世帯連記式 copy: about every member of the 世帯 it is issued for.
HOUSEHOLD_FORM = "juminhyo_setai"
#: The certificates issued, in order: (form, body beyond the 宛名番号). The 個人票 twice, whole and without the
#: 個人番号 (記載事項 differ), then the 世帯連記式 (証明書の種別 differs).
ISSUED: tuple[tuple[str, Mapping[str, Any]], ...] = (
    ("juminhyo_kojin", {}), ("juminhyo_kojin", {"省略": ["kojin_bango"]}), ("juminhyo_setai", {}),
)

#: The items of the 外国人住民 (中長期在留者) whose certificates ``resident: foreign`` issues (1.1.2 R058).
FOREIGN_ITEMS: Mapping[str, str] = {
    "住民種別": "2", "氏名": "ＫＩＭ　ＨＡＮＡ", "氏名_アルファベット": "KIM HANA", "氏名_フリガナ": "キム　ハナ",
    "第30条45規定区分": "1", "国籍等_国名コード": "410", "在留資格等コード": "01", "在留期間の満了の日": "2028-03-31",
    "在留カード等番号": "AB98765432CD",
}


#: The 交付履歴 as its findings name it.
ISSUANCE_LOG = LogRead("交付履歴", "issuance.unreadable", "issuance.entry_missing", "certificates were issued")

@check("jumin.issuance.history")
def issuance_history(ctx: CheckContext) -> Iterator[Finding]:
    """1.3.8: three certificates of a generated person each leave a 交付履歴 entry with the item of ``rule``."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    args = ctx.args(IssuanceHistoryParams)
    rule = args.rule
    client = _client(target, rule)
    foreign = args.resident == "foreign"
    # The person the certificates are about and their 妻 (the 世帯連記式 copy is about both).
    atena, partner, _ = couple(client, {"個人番号": MY_NUMBER, **(FOREIGN_ITEMS if foreign else {})})
    location = f"GET {driver_base(target)}/logs/issuances?宛名番号={atena}"
    before = entries_of(client, atena, HISTORY)
    began = dt.datetime.now(clock.JST)
    printed = [issue_anew(target, form, {"宛名番号": atena, **body}) for form, body in ISSUED]
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    found = new_entries(ctx, ISSUANCE_LOG, before, entries_of(client, atena, HISTORY), len(printed), location,
                        " (1.3.8 R001)")
    if isinstance(found, Finding):
        yield found
        return
    new = found[-len(printed):]
    if rule == "disposal":
        yield from _disposal(ctx, client, atena, new, printed, location)
    elif rule != "entries":
        yield from _items(ctx, rule, (atena, partner), new, printed, location, span)


def _items(ctx: CheckContext, rule: str, pair: tuple[str, str], entries: Sequence[Mapping[str, Any]],
           printed: Sequence[PrintedForm], location: str, span: tuple[dt.datetime, dt.datetime]) -> Iterator[Finding]:
    """R002-R009: the item of ``rule`` on each new entry (in the order issued), then across entries; ``pair``: the
    person and the other member of their 世帯 (on the 世帯連記式 copy, the last issued)."""
    for index, (entry, document) in enumerate(zip(entries, printed, strict=True), start=1):
        where = f"{location}#{index}"
        about = pair if ISSUED[index - 1][0] == HOUSEHOLD_FORM else pair[:1]
        problem = _problem(rule, entry, document, about, span)
        if problem is not None:
            name, expected = problem
            yield ctx.finding("issuance.field_missing", f"an entry of the 交付履歴 does not record {name} as it was "
                              "issued (1.3.8)", location=f"{where}/{name}", expected=expected,
                              actual="absent" if entry.get(name) in (None, "", []) else _shown(entry.get(name), name))
    pairs = {"kind": ("証明書の種別", 0, 2), "items": ("記載事項", 0, 1)}
    if rule in pairs:
        name, first, second = pairs[rule]
        if _filled(entries[first].get(name)) and entries[first].get(name) == entries[second].get(name):
            yield ctx.finding("issuance.field_same", f"two different certificates have the same {name} in the "
                              "交付履歴 (1.3.8)", location=f"{location}#{second + 1}/{name}",
                              expected=f"another {name} than entry {first + 1}'s",
                              actual=_shown(entries[second].get(name), name))


def _problem(rule: str, entry: Mapping[str, Any], document: PrintedForm, about: Sequence[str],
             span: tuple[dt.datetime, dt.datetime]) -> tuple[str, str] | None:
    """What ``entry`` lacks for ``rule``: the field and what it should hold; None when it holds it."""
    if rule == "issued_at":
        return None if within(entry.get("交付年月日時"), *span) else ("交付年月日時", "ISO 8601 with its offset, "
                                                                      "during the issue")
    if rule in ("place", "kind"):
        name = "交付場所" if rule == "place" else "証明書の種別"
        return None if is_text(entry.get(name)) else (name, "a value")
    if rule == "operator":
        missing = [name for name in ("端末名", "ユーザID") if not is_text(entry.get(name))]
        return (missing[0], "a value") if missing else None
    if rule == "person":
        named = entry.get("交付対象者")
        names = [str(n) for n in named] if isinstance(named, list) else [str(named)] if named else []
        return None if all(atena in names for atena in about) else (
            "交付対象者", "the 宛名番号 of every person on the certificate")
    if rule == "items":
        return None if _filled(entry.get("記載事項")) else ("記載事項", "the items printed")
    if rule == "pages":
        pages = entry.get("枚数")
        ok = isinstance(pages, int) and not isinstance(pages, bool) and pages == len(document.pages)
        return None if ok else ("枚数", str(len(document.pages)))
    return None if _printed_number(entry, document) else ("発行番号", "the printed 発行番号")


def _printed_number(entry: Mapping[str, Any], document: PrintedForm) -> bool:
    number = _number_match(document)
    return number is not None and same_issue_number(entry.get("発行番号"), number)


def _disposal(ctx: CheckContext, client: DriverClient, atena: str, entries: Sequence[Mapping[str, Any]],
              printed: Sequence[PrintedForm], location: str) -> Iterator[Finding]:
    """R010: no 処分情報 before the 処分; then that of the whole copy (entry 1) only."""
    for index, entry in enumerate(entries, start=1):
        if _filled(entry.get("処分情報")):
            yield ctx.finding("issuance.disposal_early", "a certificate not disposed of has 処分情報 (1.3.8 R010)",
                              location=f"{location}#{index}/処分情報", expected="empty",
                              actual=_shown(entry.get("処分情報"), "処分情報"))
    number = _number_match(printed[0])
    if number is None:
        raise TargetError("the 住民票の写し printed no 発行番号 (5.5) to dispose of by")
    status, document = client.call(DISPOSE, {"発行番号": number.group("head"), "処分理由": "誤発行"})
    if status != 200 or not isinstance(document, dict) or document.get("result") != "ok":
        raise TargetError(f"driver {DISPOSE}: expected 200 ok, got {status}")
    after = entries_of(client, atena, HISTORY) or []
    mine = next((entry for entry in after if _same_issue(entry, entries[0])), None)
    if mine is None or not _filled(mine.get("処分情報")):
        yield ctx.finding("issuance.disposal_missing", "the 処分 of a certificate issued in error is not recorded "
                          "in its 交付履歴 (1.3.8 R010)", location=f"{location}#1/処分情報", expected="the 処分",
                          actual="absent" if mine is None or mine.get("処分情報") in (None, "") else "another value")


def _same_issue(entry: Mapping[str, Any], original: Mapping[str, Any]) -> bool:
    """The entry of the same issue, 処分情報 aside (the only item a 処分 changes)."""
    return {k: v for k, v in entry.items() if k != "処分情報"} == {k: v for k, v in original.items() if k != "処分情報"}


def _number_match(document: PrintedForm) -> Any:
    lines = [line.text for page in document.pages for line in page]
    return next((match for text in lines if (match := ISSUE_NUMBER.search(text)) is not None), None)


def _filled(value: object) -> bool:
    if isinstance(value, list):
        return any(is_text(part) for part in value)
    return is_text(value)


def _shown(value: object, name: str) -> str:
    """A value for the report: the 交付対象者 is a 宛名番号 (masked like every number of a person)."""
    return "a value" if name == "交付対象者" else str(value)[:80]


def _client(target: Target, rule: str) -> DriverClient:
    """The driver client; NOT_AUTOMATED when the adapter lacks an operation the rule needs."""
    return needed_client(target, "1.3.8 交付履歴", (SETUP, HISTORY, *((DISPOSE,) if rule == "disposal" else ())))
