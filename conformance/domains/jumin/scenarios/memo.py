"""住民記録 1.0 1.1.15 メモ管理: a メモ of one person, who entered it and when, its 修正・削除 kept, never printed.

``jumin.memo`` registers two generated persons of one 世帯 (``fixtures.persons``, test set-up), enters a メモ of
free text (several lines, digits and symbols) for the first (``memos.add``, our interface; docs/driver.md) and
reads the メモ of both (``memos.list``). Params ``rule``, one per requirement:

- ``person`` (R001: 個人を単位とし、記載事項を限定しないメモ入力): the first person's list has the メモ with its text
  as entered; the other member's has no メモ of that text;
- ``author`` (R002: ユーザID及び日時が記録): the メモ has a ユーザID and a 日時 (ISO 8601 with its offset, during the
  check);
- ``history`` (R003: 修正・削除について履歴管理): after a 修正 (``memos.update``, a little over a second after the
  登録) and a 削除 (``memos.delete``) the person's list still holds the 登録's text and the 修正's text in the メモ's
  履歴, with the three 操作, the 修正's dated after the 登録's (R002's 日時 of each entry);
- ``certificate`` (R004: 証明書に出力されないこと): the 住民票の写し (個人票) and the 世帯連記式 写し printed
  through the linkage API after the メモ is entered show none of its lines.

A vendor whose adapter lacks an operation the rule needs is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import MemoParams
from conformance.domains.jumin.scenarios.access_log import SLACK, aware_moment, driver_base, is_text, within
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.forms import issue_anew

SETUP, ADD, UPDATE, DELETE, LIST = "fixtures.persons", "memos.add", "memos.update", "memos.delete", "memos.list"
#: Free text: lines, digits, symbols, half- and full-width (記載事項を限定しない). The first line is what a
#: certificate would show; every line is unique to this check.
TEXT = "窓口で郵送先の変更を相談（2件目）。\n後日、来庁予定：午後3時頃 ※要確認 #memo-1.1.15"
CORRECTED = "郵送先の変更は不要となった（本人から電話連絡 12/3）"
FORMS = ("juminhyo_kojin", "juminhyo_setai")


#: Seconds between the 登録 and the 修正 of ``history`` (a vendor's 日時 may be to the second).
APART = 1.2


@check("jumin.memo")
def memo(ctx: CheckContext) -> Iterator[Finding]:
    """1.1.15: a メモ entered for a generated person, read back by the rule's requirement."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(MemoParams).rule
    client = _client(target, rule)
    first, other = _household(client)
    location = f"GET {driver_base(target)}/memos?宛名番号={first}"
    began = dt.datetime.now(clock.JST)
    status, answer = client.call(ADD, {"宛名番号": first, "内容": TEXT})
    number = answer.get("メモ番号") if isinstance(answer, dict) else None
    if status != 200 or not isinstance(answer, dict) or answer.get("result") != "ok" or not number:
        yield ctx.finding("memo.refused", "a メモ of free text is not accepted for a person (1.1.15 R001)",
                          location=f"POST {driver_base(target)}/memos", expected="200 ok with the メモ番号",
                          actual=str(status))
        return
    span = (began - SLACK, dt.datetime.now(clock.JST) + SLACK)
    if rule == "certificate":
        yield from _not_printed(ctx, target, first)
        return
    if rule == "history":
        # The 修正 a little over a second after the 登録: a vendor's 日時 to the second then tells them apart.
        time.sleep(APART)
        expect_ok(client, UPDATE, {"メモ番号": str(number), "内容": CORRECTED})
        expect_ok(client, DELETE, {"メモ番号": str(number)})
    mine = _memos(client, first)
    entry = next((m for m in mine if str(m.get("メモ番号", "")) == str(number)), None)
    if entry is None:
        entry = next((m for m in mine if m.get("内容") in (TEXT, CORRECTED)), None)
    if entry is None:
        yield ctx.finding("memo.missing", "the メモ entered is not among the person's メモ (1.1.15)",
                          location=location, expected="the メモ entered", actual=f"{len(mine)} メモ")
        return
    if rule == "person":
        yield from _person(ctx, client, entry, other, location)
    elif rule == "author":
        for name in ("ユーザID", "日時"):
            ok = within(entry.get(name), *span) if name == "日時" else is_text(entry.get(name))
            if not ok:
                yield ctx.finding("memo.field_missing", f"the メモ does not record the {name} of its entry "
                                  "(1.1.15 R002)",
                                  location=f"{location}#{name}", expected="ISO 8601 with its offset, during the entry"
                                  if name == "日時" else "the ユーザID of the operator",
                                  actual="absent" if entry.get(name) in (None, "") else str(entry.get(name))[:40])
    else:
        yield from _history(ctx, entry, location)


def _person(ctx: CheckContext, client: DriverClient, entry: Mapping[str, Any], other: str,
            location: str) -> Iterator[Finding]:
    """R001: the text as entered on the person's メモ, and on no other member's."""
    if entry.get("内容") != TEXT:
        yield ctx.finding("memo.text_changed", "the メモ does not keep the text as entered (1.1.15 R001: 記載事項を"
                          "限定しない)", location=f"{location}#内容", expected=TEXT, actual=str(entry.get("内容"))[:80])
    theirs = _memos(client, other)
    if any(memo.get("内容") == TEXT for memo in theirs):
        yield ctx.finding("memo.not_personal", "another member of the 世帯 shows the メモ entered for one person "
                          "(1.1.15 R001: 個人を単位とし)", location=f"{location.rsplit('=', 1)[0]}={other}#内容",
                          expected="no such メモ", actual="the メモ")


def _history(ctx: CheckContext, entry: Mapping[str, Any], location: str) -> Iterator[Finding]:
    """R003: the 登録's and the 修正's texts and the three 操作 are in the メモ's 履歴."""
    history = entry.get("履歴")
    rows = [row for row in history if isinstance(row, dict)] if isinstance(history, list) else []
    texts = [row.get("内容") for row in rows]
    operations = [row.get("操作") for row in rows]
    for wanted, name in ((TEXT, "the text before the 修正"), (CORRECTED, "the text of the 修正")):
        if wanted not in texts:
            yield ctx.finding("memo.history_missing", f"the メモ's 履歴 lacks {name} (1.1.15 R003)",
                              location=f"{location}#履歴", expected=name, actual=f"{len(rows)} entries")
    missing = [operation for operation in ("登録", "修正", "削除") if operation not in operations]
    if missing:
        yield ctx.finding("memo.history_missing", "the メモ's 履歴 lacks an 操作 done on it (1.1.15 R003)",
                          location=f"{location}#履歴/操作", expected="登録, 修正, 削除",
                          actual=", ".join(str(o) for o in operations) or "none")
    yield from _history_dated(ctx, rows, location)


def _history_dated(ctx: CheckContext, rows: Sequence[Mapping[str, Any]], location: str) -> Iterator[Finding]:
    """R002 and R003 together: the 修正's entry is dated when the 修正 was made, after the 登録's (by the vendor's
    own clock, so no skew between two machines decides; the 修正 was made more than a second later). An entry
    without a date-time is R002's to judge (``author``), not this."""
    when = {str(row.get("操作")): aware_moment(row.get("日時")) for row in rows}
    entered, corrected = when.get("登録"), when.get("修正")
    if entered is not None and corrected is not None and corrected <= entered:
        yield ctx.finding("memo.history_dated", "the 修正's entry in the メモ's 履歴 is not dated after the 登録's: "
                          "a 修正 made over a second later (1.1.15 R002 日時, R003 履歴管理)",
                          location=f"{location}#履歴/日時", expected="a 日時 after the 登録's", actual="the same or "
                          "earlier")



def _not_printed(ctx: CheckContext, target: Target, atena: str) -> Iterator[Finding]:
    """R004: no line of the メモ on the person's certificates."""
    for form in FORMS:
        printed = issue_anew(target, form, {"宛名番号": atena})
        text = "".join("".join(line.text.split()) for page in printed.pages for line in page)
        shown = [line for line in TEXT.split("\n") if "".join(line.split()) in text]
        if shown:
            yield ctx.finding("memo.printed", "a メモ is printed on a certificate (1.1.15 R004)",
                              location=f"POST /forms/{form}#メモ", expected="no メモ", actual=shown[0][:40])


def _household(client: DriverClient) -> tuple[str, str]:
    """Two generated persons of one new 世帯: their 宛名番号."""
    persons = [{**DEFAULT_ITEMS, "続柄": "世帯主"},
               {**DEFAULT_ITEMS, "氏名": "見本　花子", "氏名_フリガナ": "ミホン　ハナコ", "性別": "2", "続柄": "妻",
                "世帯主氏名": DEFAULT_ITEMS["氏名"]}]
    status, document = client.call(SETUP, {"persons": persons})
    found = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(found, list) or len(found) < 2 or not all(isinstance(p, dict) for p in found):
        raise TargetError(f"driver {SETUP}: expected 200 with the two persons, got {status}")
    return str(found[0].get("宛名番号", "")), str(found[1].get("宛名番号", ""))


def _memos(client: DriverClient, atena: str) -> Sequence[Mapping[str, Any]]:
    status, document = client.call(LIST, {"宛名番号": atena})
    memos = document.get("memos") if isinstance(document, dict) else None
    if status != 200 or not isinstance(memos, list):
        raise TargetError(f"driver {LIST}: expected 200 with memos, got {status}")
    return [memo for memo in memos if isinstance(memo, dict)]


def _client(target: Target, rule: str) -> DriverClient:
    needed: tuple[str, ...] = (SETUP, ADD) + (() if rule == "certificate" else (LIST,))
    if rule == "history":
        needed += (UPDATE, DELETE)
    return needed_client(target, "1.1.15 メモ", needed)
