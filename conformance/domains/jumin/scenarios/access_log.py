"""住民記録 1.0 10.2 アクセスログ管理: the 操作ログ holds the harness's own operations, each with what it records.

``jumin.logs.operations`` registers one generated person (``fixtures.persons``, test set-up), then does
two operations of an operator on them through the driver: a 照会 (``query.person``) and a 異動入力 that
adds history (a 転居, ``moves.within``), and reads the 操作ログ of that person (``logs.operations``, our
interface; docs/driver.md). Params ``rule``:

- ``entries`` (10.2 R002-R004: 以下のログを取得すること, 操作ログ, 取得対象 ①照会 ③異動入力（履歴追加）): an
  entry for each of the two operations, with the words of R004 as its 取得対象 and the person as its 対象;
- ``fields`` (R006, 記録対象): each such entry (a missing one is a finding of both rules) records
  操作者ID, 日時 (ISO 8601 with its offset, within the check's own span), 端末名, 機能名 and
  個人番号へのアクセス有無 (true or false). ファイル名 and 画面名 are not judged: a driver adapter shows no
  screen (our reading, interpretations.yaml);
- ``kari`` (R005: ③から⑤までについては、仮登録及び本登録両方の操作ログを取得できること): the person's 転居 entered as
  a 仮登録 (``moves.within`` with ``仮登録: true``) and then recorded by its 本登録 (``pending.commit`` of the
  person) each add an entry of a 異動入力 (③-⑤'s words) naming the person; ④ and ⑤ are not driven (our reading,
  interpretation ``jumin-1.0-interp-operation-log``);
- ``tamper`` (R020: 改ざん防止措置): the entry of a 照会 of the person, read back, is tried to be deleted through
  ``logs.modify`` (our interface: the vendor's own way to change a log entry, as a システム利用者 may try it)
  and must be refused (not 2xx ``result: ok``); after a 照会 of their history (``query.history``) and a 転居 of
  the person every entry read before is still there, unchanged (the log is only ever appended to).

``jumin.logs.prints`` (10.2 R013 印刷ログ, R014 its items) registers a generated person with a 個人番号,
prints their 住民票の写し twice through the linkage API (``POST /forms/juminhyo_kojin``: once whole, once with
the 個人番号 omitted) and reads the 印刷ログ of that person (``logs.prints``) before and after: ``rule:
entries`` wants a new entry per printed form; ``rule: fields`` wants each new entry, in the order printed,
to record 印刷者ID, 印刷日時 (during the check), 対象ファイル名, 印刷プリンタ or 印刷端末名, タイトル, 出力形式,
公印出力の有無 (true or false), the pages the PDF has (枚数), whether it printed the 個人番号 (as read from the
PDF) and its 発行番号 (as 5.5 prints it on the first page: whole, without the page part, or its 番号).

``jumin.logs.searches`` (10.2 R028 宛名番号等から該当者の検索実行一覧, one of ＜ログの分析＞'s 分析例) registers a
generated person, does a 照会 of them by their 宛名番号 (``query.person``) and asks the analysis of that
宛名番号 (``logs.analysis?種類=該当者の検索実行一覧``): it must list an entry dated during the check.

``jumin.logs.settings`` (10.2 R015 設定変更ログ, R016 管理者による設定変更時の情報) registers a user of its own with an
操作権限 (``users.create``: 10.3's 操作権限設定, a setting of the system the 管理者 makes) and reads the 設定変更ログ of
that 利用者ID (``logs.settings``) before and after: ``rule: entries`` wants a new entry, ``rule: fields`` wants it to
record 日時 (during the check), 操作者ID and what was set (the 利用者ID, anywhere in the entry).

A vendor whose adapter lacks one of the operations is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from conformance import clock, secrets
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import AnalysisParams, OperationLogParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.identifiers import my_number_check_digit
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.forms import PrintedForm, issue_anew

SETUP, QUERY, MOVE, LOG = "fixtures.persons", "query.person", "moves.within", "logs.operations"
COMMIT, MODIFY, HISTORY = "pending.commit", "logs.modify", "query.history"
PRINTS, FORM, OMIT_NUMBER = "logs.prints", "juminhyo_kojin", "kojin_bango"
#: 5.5's 発行番号 on a page: ... 番号 ページ数／総ページ数 (forms/common.py ISSUE_NUMBER, without its import:
#: the forms checks sit beside this module, not below it).
ISSUE_NUMBER = re.compile(r"(?P<head>[0-9]{8}\s+\S+(?:\s+\S+){0,2}\s+(?P<serial>[0-9]+))\s+[0-9]+\s*[/／]\s*[0-9]+")
#: 10.2 R014 items that must hold some text (the printer: either name).
_PRINT_TEXTS = ("印刷者ID", "対象ファイル名", "タイトル", "出力形式")
#: The operations judged -> the 取得対象 of 10.2 R004 their entry carries (①, ③).
KINDS: Mapping[str, str] = {QUERY: "照会", MOVE: "異動入力（履歴追加）"}
#: 10.2 R006 記録対象 judged on every entry: the field and what it must hold.
FIELDS = ("操作者ID", "日時", "端末名", "機能名", "個人番号アクセス")
#: How far an entry's 日時 may lie outside the check's own span (clocks of two machines).
SLACK = dt.timedelta(minutes=10)


@check("jumin.logs.operations")
def operation_log(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 操作ログ: the harness's 照会 and 転居 of a generated person are in the log, with R006's fields."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(OperationLogParams).rule
    if rule == "kari":
        yield from _kari(ctx, target)
        return
    if rule == "tamper":
        yield from _tamper(ctx, target)
        return
    client = driver_client(target)
    atena = register(client)
    began = dt.datetime.now(clock.JST)
    expect_ok(client, QUERY, {"宛名番号": atena})
    day = clock.today().isoformat()
    expect_ok(client, MOVE, {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": day, "届出年月日": day})
    ended = dt.datetime.now(clock.JST)
    location = f"GET {driver_base(target)}/logs/operations?宛名番号={atena}"
    entries = entries_of(client, atena)
    if entries is None:
        yield ctx.finding("logs.unreadable", "the 操作ログ answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    for operation, kind in KINDS.items():
        mine = [entry for entry in entries if entry.get("取得対象") == kind and _names(entry, atena)]
        if not mine:
            # No entry records any of R006's 記録対象 either: a finding of both rules, never a silent pass.
            yield ctx.finding("logs.entry_missing", f"the 操作ログ has no entry of the {operation} the harness "
                              f"did ({kind})", location=f"{location}#{kind}", expected=kind,
                              actual=", ".join(sorted({str(e.get('取得対象')) for e in entries})) or "no entry")
        elif rule == "fields":
            yield from _fields(ctx, mine[0], f"{location}#{kind}", began - SLACK, ended + SLACK)


def _fields(ctx: CheckContext, entry: Mapping[str, Any], location: str, earliest: dt.datetime,
            latest: dt.datetime) -> Iterator[Finding]:
    """10.2 R006: the 記録対象 of one entry."""
    for name in FIELDS:
        value = entry.get(name)
        if name == "個人番号アクセス":
            wrong = not isinstance(value, bool)
            expected = "true or false"
        elif name == "日時":
            wrong = not within(value, earliest, latest)
            expected = "ISO 8601 with its offset, during the operation"
        else:
            wrong = not isinstance(value, str) or not value.strip()
            expected = "a value"
        if wrong:
            yield ctx.finding("logs.field_missing", f"an entry of the 操作ログ does not record {name} (10.2 R006)",
                              location=f"{location}/{name}", expected=expected,
                              actual="absent" if value in (None, "") else "another value")


def _changes(entries: list[Mapping[str, Any]], atena: str) -> int:
    """How many entries of a 異動入力 (10.2 R004 ③-⑤) name the person."""
    return sum(1 for entry in entries if str(entry.get("取得対象", "")).startswith("異動入力") and _names(entry, atena))


def _kari(ctx: CheckContext, target: Target) -> Iterator[Finding]:
    """10.2 R005: the 仮登録 of a 転居 and its 本登録 each leave a 異動入力 entry of the person."""
    client = driver_client(target, MOVE, COMMIT, LOG)
    atena = register(client)
    location = f"GET {driver_base(target)}/logs/operations?宛名番号={atena}"
    day = clock.today().isoformat()
    counts = [entries_of(client, atena)]
    expect_ok(client, MOVE, {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": day, "届出年月日": day,
                             "仮登録": True})
    counts.append(entries_of(client, atena))
    expect_ok(client, COMMIT, {"宛名番号": [atena]})
    counts.append(entries_of(client, atena))
    read = [entries for entries in counts if entries is not None]
    if len(read) < len(counts):
        yield ctx.finding("logs.unreadable", "the 操作ログ answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    changes = [_changes(entries, atena) for entries in read]
    for stage, (before, after) in zip(("仮登録", "本登録"), pairwise(changes), strict=True):
        if after <= before:
            yield ctx.finding("logs.entry_missing", f"the {stage} of the harness's 転居 left no 異動入力 entry in the "
                              "操作ログ (10.2 R005)", location=f"{location}#{stage}", expected="a new 異動入力 entry",
                              actual=f"{after - before} new entries")


def _tamper(ctx: CheckContext, target: Target) -> Iterator[Finding]:
    """10.2 R020: an entry cannot be deleted through the vendor's interface, and later operations leave every
    entry read before unchanged."""
    client = driver_client(target, QUERY, HISTORY, MOVE, LOG, MODIFY)
    atena = register(client)
    location = f"GET {driver_base(target)}/logs/operations?宛名番号={atena}"
    expect_ok(client, QUERY, {"宛名番号": atena})
    earlier = entries_of(client, atena)
    if not earlier:
        yield ctx.finding("logs.entry_missing", "the 操作ログ has no entry of the 照会 the harness did",
                          location=f"{location}#照会", expected="照会", actual="no entry")
        return
    status, document = client.call(MODIFY, {"宛名番号": atena, "操作": "削除", "entry": dict(earlier[0])})
    if 200 <= status < 300 and isinstance(document, dict) and document.get("result") == "ok":
        yield ctx.finding("logs.writable", "the vendor deleted an entry of the 操作ログ when asked (10.2 R020: "
                          "書き込み禁止等の改ざん防止措置)", expected="refused", actual=f"{status} ok",
                          location=f"POST {driver_base(target)}/logs/operations/modify")
    expect_ok(client, HISTORY, {"宛名番号": atena})
    day = clock.today().isoformat()
    expect_ok(client, MOVE, {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": day, "届出年月日": day})
    later = entries_of(client, atena)
    if later is None:
        yield ctx.finding("logs.unreadable", "the 操作ログ answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    remaining = [dict(entry) for entry in later]
    for index, entry in enumerate(earlier, start=1):
        if dict(entry) in remaining:
            remaining.remove(dict(entry))
            continue
        yield ctx.finding("logs.entry_altered", "an entry of the 操作ログ read before is gone or changed after "
                          "later operations (10.2 R020: 改ざん防止)", location=f"{location}#{index}",
                          expected="the entry as read before", actual="absent or changed")


def aware_moment(value: object) -> dt.datetime | None:
    """An ISO 8601 date-time with its offset, or None (not text, not a date-time, or no offset)."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def within(value: object, earliest: dt.datetime, latest: dt.datetime) -> bool:
    moment = aware_moment(value)
    return moment is not None and earliest <= moment <= latest


def _names(entry: Mapping[str, Any], atena: str) -> bool:
    named = entry.get("対象")
    return isinstance(named, list) and atena in [str(n) for n in named]


def entries_of(client: DriverClient, atena: str, operation: str = LOG) -> list[Mapping[str, Any]] | None:
    status, document = client.call(operation, {"宛名番号": atena})
    if status != 200 or not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return None
    entries = document["entries"]
    return [entry for entry in entries if isinstance(entry, dict)] if all(isinstance(e, dict) for e in entries) \
        else None


@dataclass(frozen=True)
class LogRead:
    """How a check names what it read: the log in words, the codes of its findings (unreadable, too few) and what
    makes an entry (``forms were printed``)."""

    log: str
    unreadable: str
    missing: str
    made: str


#: The 印刷ログ as its findings name it.
PRINT_LOG = LogRead("印刷ログ", "logs.unreadable", "logs.print_missing", "forms were printed")


def new_entries(ctx: CheckContext, read: LogRead, before: list[Mapping[str, Any]] | None,
                after: list[Mapping[str, Any]] | None, made: int, location: str,
                why: str = "") -> list[Mapping[str, Any]] | Finding:
    """The entries ``after`` holds that ``before`` did not, or the finding when either read is not the protocol's
    list or fewer than ``made`` entries are new (``why``: the requirement a finding names)."""
    if before is None or after is None:
        return ctx.finding(read.unreadable, f"the {read.log} answer is not {{result: ok, entries: [objects]}}",
                           location=location, expected="entries", actual="another answer")
    new = [entry for entry in after if entry not in before]
    if len(new) < made:
        return ctx.finding(read.missing, f"{made} {read.made}, the {read.log} has {len(new)} new entries{why}",
                           location=location, expected=str(made), actual=str(len(new)))
    return new


def register(client: DriverClient, items: Mapping[str, str] | None = None) -> str:
    """One generated person in a 世帯 of their own (test set-up): their 宛名番号."""
    status, document = client.call(SETUP, {"persons": [{**DEFAULT_ITEMS, **(items or {})}]})
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or not persons or not isinstance(persons[0], dict):
        raise TargetError(f"driver {SETUP}: expected 200 with the person, got {status}")
    return str(persons[0].get("宛名番号", ""))


def couple(client: DriverClient, items: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """A generated person (``items`` over the defaults) and their 妻 in a 世帯 of their own (test set-up): the two
    宛名番号 and the 世帯番号."""
    wife = {**DEFAULT_ITEMS, "氏名": "見本　花子", "氏名_フリガナ": "ミホン　ハナコ", "性別": "2", "続柄": "妻"}
    status, document = client.call(SETUP, {"persons": [{**DEFAULT_ITEMS, **(items or {})}, wife]})
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or len(persons) != 2 or not all(
            isinstance(person, dict) for person in persons):
        raise TargetError(f"driver {SETUP}: expected 200 with the two persons, got {status}")
    return str(persons[0].get("宛名番号", "")), str(persons[1].get("宛名番号", "")), str(persons[1].get("世帯番号", ""))


def driver_base(target: Target) -> str:
    return target.driver.base_path if target.driver is not None else ""


def driver_client(target: Target, *needed: str, setup: bool = True) -> DriverClient:
    """The driver client; NOT_AUTOMATED when the adapter lacks an operation (``needed``, or the 操作ログ's;
    and the test set-up unless ``setup`` is false: a check that registers no person)."""
    wanted = (SETUP,) if setup else ()
    return needed_client(target, "10.2 アクセスログ", (*wanted, *(needed or (QUERY, MOVE, LOG))))


# -- 印刷ログ ----------------------------------------------------------------------------------------


@check("jumin.logs.prints")
def print_log(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 印刷ログ: two printed 住民票の写し of a generated person each leave an entry with R014's items."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(OperationLogParams).rule
    client = driver_client(target, PRINTS)
    atena = register(client, {"個人番号": MY_NUMBER})
    location = f"GET {driver_base(target)}/logs/prints?宛名番号={atena}"
    before = entries_of(client, atena, PRINTS)
    began = dt.datetime.now(clock.JST)
    bodies = ({"宛名番号": atena}, {"宛名番号": atena, "省略": [OMIT_NUMBER]})
    printed = [issue_anew(target, FORM, body) for body in bodies]
    ended = dt.datetime.now(clock.JST)
    new = new_entries(ctx, PRINT_LOG, before, entries_of(client, atena, PRINTS), len(printed), location)
    if isinstance(new, Finding):
        yield new
        return
    if rule == "fields":
        for index, (entry, document) in enumerate(zip(new, printed, strict=False), start=1):
            yield from _print_fields(ctx, entry, document, f"{location}#{index}", (began - SLACK, ended + SLACK))


_MY_BASE = "12345678901"
#: A 個人番号 with its check digit (generated: no one's), so that the whole form prints one.
MY_NUMBER = _MY_BASE + str(my_number_check_digit(_MY_BASE))


def _print_fields(ctx: CheckContext, entry: Mapping[str, Any], document: PrintedForm, location: str,
                  span: tuple[dt.datetime, dt.datetime]) -> Iterator[Finding]:
    """10.2 R014: the items of one entry, against the form it logs."""
    texts = [*_PRINT_TEXTS, "印刷プリンタ" if "印刷プリンタ" in entry else "印刷端末名"]
    wrong = {name: "a value" for name in texts if not is_text(entry.get(name))}
    if not within(entry.get("印刷日時"), *span):
        wrong["印刷日時"] = "ISO 8601 with its offset, during the operation"
    if not isinstance(entry.get("公印出力の有無"), bool):
        wrong["公印出力の有無"] = "true or false"
    for name, reason in wrong.items():
        yield ctx.finding("logs.field_missing", f"an entry of the 印刷ログ does not record {name} (10.2 R014)",
                          location=f"{location}/{name}", expected=reason,
                          actual="absent" if entry.get(name) in (None, "") else "another value")
    lines = [line.text for page in document.pages for line in page]
    facts = {"枚数": len(document.pages), "個人番号の出力の有無": any(text.startswith("個人番号") for text in lines)}
    for name, value in facts.items():
        if entry.get(name) != value or isinstance(entry.get(name), bool) != isinstance(value, bool):
            yield ctx.finding("logs.field_differs", f"the 印刷ログ's {name} is not what the form printed (10.2 R014)",
                              location=f"{location}/{name}", expected=str(value).lower(),
                              actual=str(entry.get(name)).lower())
    number = next((match for text in lines if (match := ISSUE_NUMBER.search(text)) is not None), None)
    if number is not None and not same_issue_number(entry.get("発行番号"), number):
        yield ctx.finding("logs.field_differs", "the 印刷ログ's 発行番号 is not the one the form printed (10.2 R014)",
                          location=f"{location}/発行番号", expected="the printed 発行番号", actual="another value")


def same_issue_number(logged: object, printed: re.Match[str]) -> bool:
    """The 発行番号 as 5.5 prints it: whole, without the page part, or its 番号 (our reading)."""
    if not isinstance(logged, str) or not logged.strip():
        return False
    compact = "".join(logged.split())
    readings = {"".join(printed.group(0).split()), "".join(printed.group("head").split()), printed.group("serial")}
    return compact in readings or (compact.isdigit() and int(compact) == int(printed.group("serial")))


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


# -- ログの分析: 宛名番号等から該当者の検索実行一覧 -----------------------------------------------------------


ANALYSIS, SEARCHES = "logs.analysis", "該当者の検索実行一覧"


@check("jumin.logs.searches")
def person_searches(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 R028: after the harness's 照会 of a generated person by their 宛名番号, the analysis 宛名番号等から
    該当者の検索実行一覧 of that 宛名番号 lists it (an entry dated during the check)."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    client = driver_client(target, QUERY, ANALYSIS)
    atena = register(client)
    began = dt.datetime.now(clock.JST)
    expect_ok(client, QUERY, {"宛名番号": atena})
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    location = f"GET {driver_base(target)}/logs/analysis?種類={SEARCHES}&宛名番号={atena}"
    status, document = client.call(ANALYSIS, {"種類": SEARCHES, "宛名番号": atena})
    rows = document.get("entries") if status == 200 and isinstance(document, dict) else None
    if not isinstance(rows, list):
        yield ctx.finding("logs.unreadable", "the analysis answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    if not any(isinstance(row, dict) and within(row.get("日時"), *span) for row in rows):
        yield ctx.finding("logs.analysis_differs", f"the harness's 照会 of the person is not in the {SEARCHES} "
                          "(10.2 R028)", location=location, expected="an entry during the check",
                          actual=f"{len(rows)} entries, none during the check")
    elif ctx.args(AnalysisParams).rule == "file":
        yield from _analysis_file(ctx, client, atena, location, [row for row in rows if isinstance(row, dict)])


def _analysis_file(ctx: CheckContext, client: DriverClient, atena: str, location: str,
                   rows: list[Mapping[str, Any]]) -> Iterator[Finding]:
    """10.2 R022 (分析・ファイル出力): the same analysis as a CSV file holds the rows answered."""
    status, document = client.call(ANALYSIS, {"種類": SEARCHES, "宛名番号": atena, "形式": "CSV"})
    data = document.get("data") if status == 200 and isinstance(document, dict) else None
    try:
        lines = list(csv.DictReader(io.StringIO(data))) if isinstance(data, str) else None
    except csv.Error:
        lines = None
    if lines is None:
        yield ctx.finding("logs.file_unreadable", "the analysis as a file is not CSV text (10.2 R022)",
                          location=f"{location}&形式=CSV", expected="CSV", actual="another answer")
        return
    times = {str(row.get("日時")) for row in rows}
    written = {str(line.get("日時")) for line in lines}
    if len(lines) != len(rows) or not times <= written:
        yield ctx.finding("logs.file_differs", "the analysis as a file does not hold the rows the analysis "
                          "answered (10.2 R022)", location=f"{location}&形式=CSV",
                          expected=f"{len(rows)} rows", actual=f"{len(lines)} rows")


# -- 設定変更ログ -------------------------------------------------------------------------------------------


SETTINGS, CREATE_USER = "logs.settings", "users.create"


@check("jumin.logs.settings")
def setting_log(ctx: CheckContext) -> Iterator[Finding]:
    """10.2 設定変更ログ: the 管理者's registration of a user with its 操作権限 (10.3's 操作権限設定, a setting of the
    system) leaves an entry (R015) recording when, who and what was set (R016)."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(OperationLogParams).rule
    client = driver_client(target, CREATE_USER, SETTINGS, setup=False)
    user_id, password = "cg" + os.urandom(5).hex(), "Pw-" + os.urandom(12).hex()
    secrets.register(password)
    location = f"GET {driver_base(target)}/logs/settings?利用者ID={user_id}"
    before = entries_of_user(client, user_id)
    began = dt.datetime.now(clock.JST)
    expect_ok(client, CREATE_USER, {"利用者ID": user_id, "パスワード": password, "利用者名称": "見本 設定",
                                    "所属部署名称": "市民課", "操作権限": ["照会"]})
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    after = entries_of_user(client, user_id)
    if before is None or after is None:
        yield ctx.finding("logs.unreadable", "the 設定変更ログ answer is not {result: ok, entries: [objects]}",
                          location=location, expected="entries", actual="another answer")
        return
    new = [entry for entry in after if entry not in before]
    if not new:
        yield ctx.finding("logs.setting_missing", "the 管理者's registration of a user with its 操作権限 left no "
                          "entry in the 設定変更ログ (10.2 R015)", location=location, expected="a new entry",
                          actual="no entry")
        return
    if rule != "fields":
        return
    entry = new[-1]
    wrong = {}
    if not within(entry.get("日時"), *span):
        wrong["日時"] = "ISO 8601 with its offset, during the operation"
    if not is_text(entry.get("操作者ID")):
        wrong["操作者ID"] = "a value"
    if user_id not in json.dumps(entry, ensure_ascii=False):
        wrong["内容"] = "the 利用者ID set"
    for name, reason in wrong.items():
        yield ctx.finding("logs.field_missing", f"the 設定変更ログ's entry does not record {name} (10.2 R016: "
                          "管理者による設定変更時の情報)", location=f"{location}#1/{name}", expected=reason,
                          actual="absent" if entry.get(name) in (None, "") else "another value")


def entries_of_user(client: DriverClient, user_id: str) -> list[Mapping[str, Any]] | None:
    status, document = client.call(SETTINGS, {"利用者ID": user_id})
    if status != 200 or not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return None
    return [entry for entry in document["entries"] if isinstance(entry, dict)]
