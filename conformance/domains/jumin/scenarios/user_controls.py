"""住民記録 1.0 10.3 and 10.4: the 操作権限 beyond one user's registration, judged as users of the check's own.

``jumin.users.controls`` registers users (``users.create``, as jumin.users.permissions does, conformance/scenarios/
permissions.py), logs them in and calls the driver as each. Params ``rule`` (interpretation
``jumin-1.0-interp-operation-authority-more``):

- ``organisation`` (10.3 R004 アクセス権限の付与は、組織単位、利用者単位で設定できること): 照会 granted to an 組織 of
  the check's own (``users.organisation``); a user of it without 操作権限 of its own reads a person and is refused a
  転居, a user of it with 異動入力 of its own does the 転居, a user of another 組織 reads nothing;
- ``independent`` (R010-R013 …の操作権限は、それぞれ独立して制御ができること; param ``functions``: the functions the
  requirement's fragment names): for each, a user granted that 処理 only uses it and is refused the other seven
  (:data:`FUNCTIONS`, one driver operation each);
- ``table`` (R009 操作権限一覧表での管理及びそれらに基づく利用者別の各種制御): the 一覧表 (``users.list``) holds a
  利用者 and a 管理者 of the check with their 区分 and 操作権限 as set, and each user is controlled as the table says;
- ``bulk`` (R014 操作権限はバッチ処理で一括メンテナンスできること): a バッチ (``users.bulk``) gives three
  users 異動入力 beside their 照会; each then holds both (``users.get``) and does a 転居, a fourth user not in it
  is unchanged;
- ``schedule`` (R006 …登録・変更・削除はスケジューラ―に設定し、事前に準備ができること): a 登録, a 変更 and a 削除
  set for a moment :data:`LEAD` seconds ahead (``users.schedule``) and a 登録 set for tomorrow; before the moment
  none is applied, after it (polled for at most :data:`WAIT` seconds) the three are, tomorrow's is not;
- ``display`` (10.4 R001 …「戸籍の表示」、「個人番号」、「住民票コード」及び「在留資格等」の項目を表示又は非表示に設定
  できること): one user has the four items hidden (``users.display``), one has none hidden, one has the 個人番号
  only; on every read path the profile offers (:data:`READS`) and the answer of a 転居 (the 異動 screen), the
  hidden items' values never appear, and the shown ones appear on the 個人照会;
- ``duties`` (R007 事務分掌による利用者ごとの表示・閲覧項目及び実施処理の制御): a user with 照会 only and the 個人番号
  hidden, another with 照会 and 異動入力 and nothing hidden: the first neither sees the 個人番号 (個人照会 and
  異動履歴照会) nor enters a 転居, the second does both.

A profile whose adapter lacks an operation needed is NOT_AUTOMATED with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any

from conformance import secrets
from conformance.checks.registry import CheckContext, check
from conformance.clock import JST
from conformance.domains.jumin.params import UserControlsParams
from conformance.domains.jumin.scenarios.access_log import MOVE, QUERY, SETUP, SLACK, register
from conformance.domains.jumin.scenarios.permissions import CHANGE, CREATE, GET, INQUIRY, LOGIN, Users, _move, _users
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles import holidays
from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit

ORGANISATION, LIST, BULK, SCHEDULE, DISPLAY = (
    "users.organisation", "users.list", "users.bulk", "users.schedule", "users.display")
HISTORY, HOUSEHOLD, DATES, SEARCH = "query.history", "query.household", "query.display", "query.search"
ANALYSIS, NIGHT, BULK_SEARCH = "logs.analysis", "深夜・休業日アクセス一覧", "大量検索実行一覧"
#: The length of the 深夜 periods R024's check sets round an access's own minute (never closing on itself).
SPAN = dt.timedelta(hours=2)
#: The 検索 the user of R027's check makes (the 閾値 asked).
SEARCHES = 5
#: Seconds ahead a scheduled change is set for, and the longest wait for it to be applied (never a fixed sleep:
#: the check polls and goes on as soon as it is applied).
LEAD, WAIT = 2.0, 10.0
#: 10.3 R010-R012's functions -> (the 処理 of users.create, the driver operation that uses it, its params builder
#: from the user's own ID and a person's 宛名番号).
FUNCTIONS: Mapping[str, tuple[str, str, Callable[[str, str], dict[str, Any]]]] = {
    "10.1": ("EUC機能", "euc.items", lambda _user, _atena: {}),
    "10.2": ("アクセスログ管理", "logs.settings", lambda user, _atena: {"利用者ID": user}),
    "10.3": ("操作権限管理", GET, lambda user, _atena: {"利用者ID": user}),
    "10.4": ("操作権限設定", DISPLAY, lambda user, _atena: {"利用者ID": user, "非表示項目": []}),
    "2.2.4": ("支援対象者照会", "query.support", lambda _user, atena: {"宛名番号": atena}),
    "1.1.16": ("支援対象者管理", "support.update", lambda _user, atena: {"宛名番号": atena, "連絡先": {}}),
    "9.1": ("バッチ処理", "batch.parameters", lambda _user, _atena: {}),
    "4.3.1": ("住民票コード付番", "codes.stock", lambda _user, _atena: {}),
}
#: The items of 10.4 R001 -> the test person's items holding them (a value of the check's own each, to look for
#: in every answer whatever its key).
HIDEABLE = ("戸籍の表示", "個人番号", "住民票コード", "在留資格等")
#: The read paths of a person (the driver's 照会 screens): operation -> params from the person's 宛名番号,
#: 世帯番号 and フリガナ.
READS: Mapping[str, Callable[[str, str, str], dict[str, Any]]] = {
    QUERY: lambda atena, _setai, _kana: {"宛名番号": atena},
    HISTORY: lambda atena, _setai, _kana: {"宛名番号": atena},
    HOUSEHOLD: lambda _atena, setai, _kana: {"世帯番号": setai},
    DATES: lambda atena, _setai, _kana: {"宛名番号": atena},
    SEARCH: lambda _atena, _setai, kana: {"氏名_フリガナ": kana, "一致": "完全"},
}
NEEDS: Mapping[str, tuple[str, ...]] = {
    "organisation": (CREATE, LOGIN, ORGANISATION, SETUP, QUERY, MOVE),
    "independent": (CREATE, LOGIN, SETUP, *(operation for _, operation, _p in FUNCTIONS.values())),
    "table": (CREATE, LOGIN, LIST, SETUP, QUERY, MOVE),
    "bulk": (CREATE, LOGIN, GET, BULK, SETUP, MOVE),
    "schedule": (CREATE, LOGIN, GET, SCHEDULE),
    "display": (CREATE, LOGIN, DISPLAY, SETUP, QUERY, MOVE),
    "duties": (CREATE, LOGIN, DISPLAY, SETUP, QUERY, HISTORY, MOVE),
    "night": (CREATE, LOGIN, SETUP, QUERY, ANALYSIS),
    "bulk_search": (CREATE, LOGIN, SETUP, QUERY, SEARCH, ANALYSIS),
}


def refused(status: int) -> bool:
    """The answer of an operation outside the session's 操作権限 (driver.yaml E030: 403; 401 taken as well)."""
    return status in (401, 403)


@check("jumin.users.controls")
def controls(ctx: CheckContext) -> Iterator[Finding]:
    """10.3 R004, R006, R007, R009, R010-R014 and 10.4 R001 through users of the check's own."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(UserControlsParams).rule
    users = _users(target, NEEDS[rule])
    if rule == "display":
        driver = target.driver
        reads = [operation for operation in READS if driver is not None and driver.implements(operation)]
        yield from _display(ctx, users, reads)
        return
    yield from RULES[rule](ctx, users)


def _organisation(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R004: 照会 granted to an 組織; its users read, the one with its own 異動入力 moves; others read nothing."""
    atena = register(users.client)
    department, other = "市民課" + os.urandom(3).hex(), "税務課" + os.urandom(3).hex()
    status, _ = users.call(ORGANISATION, {"所属部署名称": department, "操作権限": [INQUIRY]})
    if status != 200:
        yield ctx.finding("users.organisation_refused", "the 操作権限 照会 could not be granted to an 組織 (10.3 R004)",
                          location=f"POST {users.base}/users/organisations", expected="accepted", actual=str(status))
        return
    plain = users.session(*users.created({"所属部署名称": department, "操作権限": []}))
    writer = users.session(*users.created({"所属部署名称": department, "操作権限": [CHANGE]}))
    outsider = users.session(*users.created({"所属部署名称": other, "操作権限": []}))
    location = f"{users.base}#"
    if refused(users.call(QUERY, {"宛名番号": atena}, plain)[0]):
        yield ctx.finding("users.organisation_ignored", "a user of an 組織 granted 照会 was refused a 照会 (10.3 R004 "
                          "組織単位)", location=f"GET {location}組織単位", expected="accepted", actual="refused")
    if not refused(users.call(MOVE, _move(atena), plain)[0]):
        yield ctx.finding("users.authority_ignored", "a user of an 組織 granted 照会 only did a 転居 (10.3 R004)",
                          location=f"POST {location}組織単位", expected="refused", actual="accepted")
    status, _ = users.call(MOVE, _move(atena), writer)
    if status != 200:
        yield ctx.finding("users.user_grant_ignored", "a user granted 異動入力 of its own, in an 組織 granted 照会, "
                          "was refused a 転居 (10.3 R004 利用者単位)", location=f"POST {location}利用者単位",
                          expected="accepted", actual=str(status))
    if not refused(users.call(QUERY, {"宛名番号": atena}, outsider)[0]):
        yield ctx.finding("users.authority_ignored", "a user of another 組織, without 操作権限, did a 照会 (10.3 R004)",
                          location=f"GET {location}他の組織", expected="refused", actual="accepted")


def _independent(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R010-R013: each function granted alone is usable, and the other seven stay refused."""
    atena = register(users.client)
    sections = ctx.args(UserControlsParams).functions
    for section in sections:
        process = FUNCTIONS[section][0]
        user_id, password = users.created({"操作権限": [process]})
        session = users.session(user_id, password)
        for probed, (name, operation, params) in FUNCTIONS.items():
            status, _ = users.call(operation, params(user_id, atena), session)
            location = f"{users.base}#{process}/{name}"
            if probed == section and refused(status):
                yield ctx.finding("users.function_refused", f"a user granted {process} ({section}) only was refused "
                                  f"it ({operation})", location=location, expected="accepted", actual=str(status))
            elif probed != section and not refused(status):
                yield ctx.finding("users.function_not_independent", f"a user granted {process} ({section}) only "
                                  f"used {name} ({probed}, {operation})", location=location, expected="refused",
                                  actual=str(status))


def _table(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R009: the 一覧表 shows a 利用者 and a 管理者 as set, and each is controlled as it shows."""
    atena = register(users.client)
    reader_id, reader_password = users.created({"操作権限": [INQUIRY]})
    admin_id, _ = users.created({"区分": "管理者", "操作権限": []})
    status, document = users.call(LIST, {})
    rows = document.get("一覧") if status == 200 and isinstance(document, dict) else None
    listed = {str(row.get("利用者ID")): row for row in rows if isinstance(row, dict)} if isinstance(rows, list) else {}
    location = f"GET {users.base}/users"
    for user_id, kind, processes in ((reader_id, "利用者", [INQUIRY]), (admin_id, "管理者", [])):
        row = listed.get(user_id)
        if row is None:
            yield ctx.finding("users.table_missing", f"the 操作権限一覧表 does not list a {kind} of the check "
                              "(10.3 R009)",
                              location=f"{location}#{kind}", expected="listed", actual="absent")
            continue
        shown = row.get("操作権限")
        if row.get("区分") != kind or not isinstance(shown, list) or sorted(map(str, shown)) != processes:
            yield ctx.finding("users.table_differs", f"the 操作権限一覧表 shows a {kind} of the check otherwise than "
                              "set (10.3 R009)", location=f"{location}#{kind}/操作権限", expected="as set",
                              actual="another value")
    session = users.session(reader_id, reader_password)
    if refused(users.call(QUERY, {"宛名番号": atena}, session)[0]) or \
            not refused(users.call(MOVE, _move(atena), session)[0]):
        yield ctx.finding("users.table_not_applied", "a user listed with 照会 only was not controlled as the "
                          "一覧表 shows (10.3 R009)", location=f"{location}#利用者/制御", expected="照会 only",
                          actual="otherwise")


def _bulk(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R014: a バッチ's rows give three users 異動入力; a fourth, not in it, keeps 照会 only."""
    atena = register(users.client)
    made = [users.created({"操作権限": [INQUIRY]}) for _ in range(4)]
    rows = [{"利用者ID": user_id, "操作権限": [INQUIRY, CHANGE]} for user_id, _ in made[:3]]
    status, _ = users.call(BULK, {"rows": rows})
    location = f"POST {users.base}/users/bulk"
    if status != 200:
        yield ctx.finding("users.bulk_refused", "the バッチ of 操作権限 was refused (10.3 R014)", location=location,
                          expected="accepted", actual=str(status))
        return
    for number, (user_id, password) in enumerate(made, start=1):
        wanted = [CHANGE, INQUIRY] if number <= 3 else [INQUIRY]
        _, document = users.call(GET, {"利用者ID": user_id})
        held = document.get("利用者", {}).get("操作権限") if isinstance(document, dict) else None
        moved = users.call(MOVE, _move(atena), users.session(user_id, password))[0]
        same = isinstance(held, list) and sorted(map(str, held)) == sorted(wanted)
        if not same or (number <= 3) == refused(moved):
            yield ctx.finding("users.bulk_not_applied", f"after the バッチ, user {number} of 4 does not hold the "
                              f"操作権限 {'in its row' if number <= 3 else 'it had (not in the バッチ)'} (10.3 R014)",
                              location=f"{location}#{number}", expected="、".join(wanted),
                              actual="another 操作権限")


def _schedule(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R006: a 登録, 変更 and 削除 set ahead apply at their moment, not before; one set for tomorrow stays ahead."""
    changed_id, _ = users.created({"操作権限": [INQUIRY]})
    deleted_id, deleted_password = users.created({"操作権限": [INQUIRY]})
    new_id, tomorrow_id = "cf" + os.urandom(5).hex(), "cf" + os.urandom(5).hex()
    password = "Pw-" + os.urandom(12).hex()
    secrets.register(password)
    start = dt.datetime.now(JST)
    at = (start + dt.timedelta(seconds=LEAD)).isoformat(timespec="seconds")
    later = (start + dt.timedelta(days=1)).isoformat(timespec="seconds")
    base = {"パスワード": password, "利用者名称": "見本 職員", "所属部署名称": "市民課", "操作権限": [INQUIRY]}
    reservations = [
        (at, "登録", {"利用者ID": new_id, **base}), (at, "変更", {"利用者ID": changed_id, "所属部署名称": "住民課",
                                                             "操作権限": [INQUIRY, CHANGE]}),
        (at, "削除", {"利用者ID": deleted_id}), (later, "登録", {"利用者ID": tomorrow_id, **base})]
    location = f"POST {users.base}/users/schedule"
    for moment, operation, user in reservations:
        status, _ = users.call(SCHEDULE, {"実行日時": moment, "操作": operation, "利用者": user})
        if status != 200:
            yield ctx.finding("users.schedule_refused", f"a {operation} could not be set ahead (10.3 R006)",
                              location=f"{location}#{operation}", expected="accepted", actual=str(status))
            return

    def state() -> tuple[bool, bool, bool, bool]:
        new = users.call(GET, {"利用者ID": new_id})[0] == 200
        _, document = users.call(GET, {"利用者ID": changed_id})
        held = document.get("利用者", {}) if isinstance(document, dict) else {}
        changed = held.get("所属部署名称") == "住民課"
        deleted = users.call(GET, {"利用者ID": deleted_id})[0] == 404
        tomorrow = users.call(GET, {"利用者ID": tomorrow_id})[0] == 200
        return new, changed, deleted, tomorrow

    before = state()
    if dt.datetime.now(JST) < start + dt.timedelta(seconds=LEAD) and any(before):
        yield ctx.finding("users.schedule_early", "a change set ahead was applied before its 実行日時 (10.3 R006)",
                          location=f"{location}#事前", expected="not yet applied", actual="applied")
    deadline = time.monotonic() + WAIT
    after = before
    while time.monotonic() < deadline and not all(after[:3]):
        time.sleep(0.5)
        after = state()
    for done, operation in zip(after[:3], ("登録", "変更", "削除"), strict=True):
        if not done:
            yield ctx.finding("users.schedule_not_applied", f"a {operation} set ahead was not applied after its "
                              "実行日時 (10.3 R006)", location=f"{location}#{operation}", expected="applied",
                              actual="not applied")
    if after[0] and users.login(new_id, password) is None:
        yield ctx.finding("users.schedule_not_applied", "a user registered by the スケジューラー could not log in "
                          "(10.3 R006)", location=f"{location}#登録/ログイン", expected="accepted", actual="refused")
    if after[2] and users.login(deleted_id, deleted_password) is not None:
        yield ctx.finding("users.schedule_not_applied", "a user deleted by the スケジューラー still logs in "
                          "(10.3 R006)",
                          location=f"{location}#削除/ログイン", expected="refused", actual="accepted")
    if after[3]:
        yield ctx.finding("users.schedule_early", "a 登録 set for tomorrow was applied at once (10.3 R006)",
                          location=f"{location}#翌日", expected="not yet applied", actual="applied")


def _persons(users: Users) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Two persons with the items of 10.4 R001, each a value of the check's own: (category -> value, the persons'
    (宛名番号, 世帯番号, フリガナ))."""
    digits = str(int.from_bytes(os.urandom(5), "big") % 10**9).zfill(9)
    code = "7" + digits
    while m11w2_7_check_digit(code) is None:  # 住民票コード: a serial whose check digit is a digit
        digits = str((int(digits) + 1) % 10**9).zfill(9)
        code = "7" + digits
    my_number = "8" + digits + "4"
    values = {"戸籍の表示": f"見本県見本市本町{digits}番地　見本　太郎",
              "個人番号": my_number + str(my_number_check_digit(my_number)),
              "住民票コード": code + str(m11w2_7_check_digit(code)), "在留資格等": f"XY{digits[:8]}ZW"}
    japanese = {"戸籍の表示（本籍・筆頭者）": values["戸籍の表示"], "住民票コード": values["住民票コード"],
                "個人番号": values["個人番号"],
                "氏名_フリガナ": "ミホン　" + "".join("アイウエオカキクケコ"[int(d)] for d in digits[:5])}
    foreign = {"住民種別": "2", "氏名": "ＫＩＭ　ＳＯＲＩ", "氏名_アルファベット": "KIM SORI",
               "氏名_フリガナ": "キム　ソリ", "第30条45規定区分": "1", "国籍等_国名コード": "410",
               "在留資格等コード": "01", "在留期間の満了の日": "2031-03-31", "在留カード等番号": values["在留資格等"]}
    found = []
    for items in (japanese, foreign):
        atena = register(users.client, items)
        _, document = users.call(QUERY, {"宛名番号": atena})
        person = document.get("person", {}) if isinstance(document, dict) else {}
        found.append((atena, str(person.get("世帯番号") or ""),
                      str(person.get("氏名_フリガナ") or items.get("氏名_フリガナ") or "ミホン　タロウ")))
    return values, found


def _text(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False)


def _display(ctx: CheckContext, users: Users, reads: list[str]) -> Iterator[Finding]:
    """10.4 R001: hidden items absent from every read path and a 転居's answer; shown ones on the 個人照会."""
    values, persons = _persons(users)
    processes = [INQUIRY, CHANGE]
    profiles = {"非表示": list(HIDEABLE), "表示": [], "個人番号のみ非表示": ["個人番号"]}
    sessions = {}
    for name, hidden in profiles.items():
        user_id, password = users.created({"操作権限": processes})
        status, _ = users.call(DISPLAY, {"利用者ID": user_id, "非表示項目": hidden})
        if status != 200:
            yield ctx.finding("users.display_refused", "the items shown to a user could not be set (10.4 R001)",
                              location=f"POST {users.base}/users/display#{name}", expected="accepted",
                              actual=str(status))
            return
        sessions[name] = users.session(user_id, password)
    for name, hidden in profiles.items():
        session = sessions[name]
        for atena, setai, kana in persons:
            answers = [(operation, users.call(operation, READS[operation](atena, setai, kana), session))
                       for operation in reads]
            answers.append((MOVE, users.call(MOVE, _move(atena), session)))
            for operation, (_, document) in answers:
                text = _text(document)
                for item in hidden:
                    if values[item] and values[item] in text:
                        yield ctx.finding("users.hidden_item_shown", f"an item hidden from the user ({item}) is in "
                                          f"the answer of {operation} (10.4 R001)",
                                          location=f"{users.base}#{name}/{operation}/{item}", expected="hidden",
                                          actual="shown")
        shown = _text(users.call(QUERY, {"宛名番号": persons[0][0]}, session)[1]) + \
            _text(users.call(QUERY, {"宛名番号": persons[1][0]}, session)[1])
        for item in HIDEABLE:
            if item not in hidden and values[item] and values[item] not in shown:
                yield ctx.finding("users.shown_item_hidden", f"an item shown to the user ({item}) is not in its "
                                  "個人照会 (10.4 R001)", location=f"{users.base}#{name}/{QUERY}/{item}",
                                  expected="shown", actual="hidden")


def _duties(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """R007: the 照会 user without the 個人番号 sees none and cannot move; the 異動 user sees it and moves."""
    values, persons = _persons(users)
    atena = persons[0][0]
    clerk_id, clerk_password = users.created({"操作権限": [INQUIRY]})
    mover_id, mover_password = users.created({"操作権限": [INQUIRY, CHANGE]})
    if users.call(DISPLAY, {"利用者ID": clerk_id, "非表示項目": ["個人番号"]})[0] != 200:
        raise TargetError(f"driver {DISPLAY}: expected 200 for a user of the check")
    clerk, mover = users.session(clerk_id, clerk_password), users.session(mover_id, mover_password)
    for name, session, hidden, may_move in (("照会担当", clerk, True, False), ("異動担当", mover, False, True)):
        for operation in (QUERY, HISTORY):
            text = _text(users.call(operation, {"宛名番号": atena}, session)[1])
            if bool(values["個人番号"]) and (values["個人番号"] in text) == hidden:
                yield ctx.finding("users.hidden_item_shown" if hidden else "users.shown_item_hidden",
                                  f"the 個人番号 is {'shown to' if hidden else 'hidden from'} the {name} in "
                                  f"{operation} (10.3 R007 表示・閲覧項目)",
                                  location=f"{users.base}#{name}/{operation}",
                                  expected="hidden" if hidden else "shown", actual="shown" if hidden else "hidden")
        moved = users.call(MOVE, _move(atena), session)[0]
        if refused(moved) == may_move:
            yield ctx.finding("users.authority_ignored", f"the {name}'s 転居 was {'refused' if may_move else 'done'} "
                              "(10.3 R007 実施処理)", location=f"POST {users.base}/moves/within#{name}",
                              expected="accepted" if may_move else "refused", actual=str(moved))


def _analysis(users: Users, params: Mapping[str, Any]) -> list[Mapping[str, Any]] | None:
    status, document = users.call(ANALYSIS, params)
    rows = document.get("entries") if status == 200 and isinstance(document, dict) else None
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else None


def _hhmm(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _night(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """10.2 R024: a user's 照会, listed when the 深夜 period given holds its moment, and when its day is a 休業日;
    then, round the moment the vendor logged, listed in the first and in the last minute of a period and left out
    in the minute before one and in the minute after its 終了 (on a working day; on a 休業日 of the product's own,
    as its setting ``jumin.closed_days`` says, listed there too: :func:`_boundaries`)."""
    driver = ctx.need_target("a vendor system to call through the driver protocol").driver
    closed_days = driver.settings_in_force()["jumin.closed_days"] if driver is not None else "unstated"
    atena = register(users.client)
    user_id, password = users.created({"操作権限": [INQUIRY]})
    session = users.session(user_id, password)
    before = dt.datetime.now(JST)
    users.call(QUERY, {"宛名番号": atena}, session)
    after = dt.datetime.now(JST)
    days = ",".join(sorted({before.date().isoformat(), after.date().isoformat()}))
    # The 深夜 period round the access (it may cross midnight), no 休業日 given.
    rows = yield from _night_probe(ctx, users, user_id, "深夜", {
        "深夜_開始": _hhmm(before - dt.timedelta(hours=1)), "深夜_終了": _hhmm(after + dt.timedelta(hours=1)),
        "休業日": ""}, listed=True)
    # A 深夜 period hours away from the access, the day of the access a 休業日.
    yield from _night_probe(ctx, users, user_id, "休業日", {
        "深夜_開始": _hhmm(after + dt.timedelta(hours=3)), "深夜_終了": _hhmm(after + dt.timedelta(hours=4)),
        "休業日": days}, listed=True)
    moments = _moments(ctx, users, rows or [], user_id)
    if isinstance(moments, Finding):
        yield moments
    elif moments:
        # A 日時 misdated beyond the slack of two clocks (10.2 R006's to judge, not R024's): the boundaries are set
        # round the check's own window of the access instead, the vendor's list being made from its own clock.
        logged = all(before - SLACK <= moment <= after + SLACK for moment in moments)
        yield from _boundaries(ctx, users, user_id, moments if logged else [before, after], closed_days)


def _night_probe(ctx: CheckContext, users: Users, user_id: str, name: str, given: Mapping[str, str], *,
                 listed: bool) -> Generator[Finding, None, list[Mapping[str, Any]] | None]:
    """One 深夜・休業日アクセス一覧 of the check's user: a finding unless its access is ``listed`` (or left out);
    returns the rows (None when the list could not be made)."""
    # Asked of the check's user only: the whole town's list (every seed's draws, on a 休業日 the day's whole log)
    # may hold more rows than one answer is read with (issue 65); a vendor answering other users' rows all the
    # same is judged on the user's alone.
    rows = _analysis(users, {"種類": NIGHT, "操作者ID": user_id, **given})
    location = f"GET {users.base}/logs/analysis?種類={NIGHT}#{name}"
    wanted, unwanted = ("listed", "absent") if listed else ("absent", "listed")
    if rows is None:
        yield ctx.finding("logs.analysis_differs", f"the {NIGHT} could not be made (10.2 R024)",
                          location=location, expected=wanted, actual="no answer")
    elif any(str(row.get("操作者ID")) == user_id for row in rows) != listed:
        where = f"in the {name} given" if listed else f"outside the 深夜 period and the 休業日 given ({name})"
        yield ctx.finding("logs.analysis_differs", f"a 照会 made {where} is {unwanted if listed else 'listed'} "
                          f"in the {NIGHT} (10.2 R024)", location=location, expected=wanted, actual=unwanted)
    return rows


def _moments(ctx: CheckContext, users: Users, rows: list[Mapping[str, Any]],
             user_id: str) -> list[dt.datetime] | Finding:
    """The 日時 of the user's rows as the vendor logged them, in JST (one without an offset read as Japan's):
    the boundaries are set round the vendor's own minute, so neither a skew between the two clocks nor the
    moment the run started decides them. A 日時 that is not a date-time is a finding."""
    moments: list[dt.datetime] = []
    for row in rows:
        if str(row.get("操作者ID")) != user_id:
            continue
        text = str(row.get("日時"))
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return ctx.finding("logs.analysis_differs", f"a row of the {NIGHT} has a 日時 that is not an ISO 8601 "
                               "date-time (10.2 R024)", location=f"GET {users.base}/logs/analysis?種類={NIGHT}"
                               "#深夜/日時", expected="YYYY-MM-DDTHH:MM:SS+09:00", actual=text[:40])
        moments.append(moment.replace(tzinfo=JST) if moment.tzinfo is None else moment.astimezone(JST))
    return sorted(moments)


def _boundaries(ctx: CheckContext, users: Users, user_id: str, moments: list[dt.datetime],
                closed_days: str) -> Iterator[Finding]:
    """The minutes at the ends of a 深夜 period round the logged moments (``earliest`` .. ``latest``): the first
    minute (深夜_開始 its own) and the last (深夜_終了 the next) are in it; the minute before (深夜_開始 the next)
    and the one after 深夜_終了's (深夜_終了 the minute before) are outside under every reading of HH:MM, while the
    minute of 深夜_終了 itself, in or out as a town reads it, is never asked. Outside the period the access is left
    out on a working day and listed on a 休業日 of the product's own, as the profile's ``jumin.closed_days`` says."""
    earliest, latest = moments[0], moments[-1]
    minute = dt.timedelta(minutes=1)
    # The next day is a 休業日 of the check's: a vendor listing every access once any 休業日 is given is seen.
    holiday = (latest + dt.timedelta(days=1)).date().isoformat()
    inside = {"開始の分": (earliest, earliest + SPAN), "終了前の分": (latest - SPAN, latest + minute)}
    outside = {"開始前の分": (latest + minute, latest + minute + SPAN),
               "終了後の分": (earliest - minute - SPAN, earliest - minute)}
    for name, (start, end) in inside.items():
        yield from _night_probe(ctx, users, user_id, name, {"深夜_開始": _hhmm(start), "深夜_終了": _hhmm(end),
                                                            "休業日": holiday}, listed=True)
    closed = _closed_by_setting(moments, closed_days)
    if isinstance(closed, str):
        ctx.did_not_run(f"10.2 R024's other side (an access outside the 深夜 period and the 休業日 given is left "
                        f"out): {closed} (interpretation jumin-1.0-interp-operation-authority-more); it is judged on "
                        "an access made Monday to Friday, or on any day once the profile states "
                        "targets.driver.settings.jumin.closed_days")
        return
    for name, (start, end) in outside.items():
        yield from _night_probe(ctx, users, user_id, f"{name}（{CLOSED_NAMES[closed_days]}）" if closed else name,
                                {"深夜_開始": _hhmm(start), "深夜_終了": _hhmm(end), "休業日": holiday}, listed=closed)


#: How each value of the setting ``jumin.closed_days`` (conformance.profiles.SETTINGS) names the product's own 休業日
#: in a finding's location.
CLOSED_NAMES: Mapping[str, str] = {"weekends": "土日", "calendar": "土日祝・年末年始"}


def _closed_by_setting(moments: list[dt.datetime], closed_days: str) -> bool | str:
    """Whether the product, set as ``closed_days`` says, takes the day of the logged moments as a 休業日 of its own
    (then the access is listed whatever the 深夜 period), or why that is not known: the setting unstated on a day a
    town may close, a day past the holiday calendar's years, or moments on both sides of a midnight that differ."""
    answers = {_closed(moment, closed_days) for moment in moments}
    reasons = sorted(answer for answer in answers if isinstance(answer, str))
    if reasons:
        return reasons[0]
    if len(answers) > 1:
        return "the access's logged moments fall on a working day and on a 休業日 of the product's (across a midnight)"
    return bool(answers.pop())


def _closed(moment: dt.datetime, closed_days: str) -> bool | str:
    """One moment's day under the setting: a 休業日 of the product's own (True), a working day (False), or why it is
    not known (a reason)."""
    if closed_days == "given":
        return False
    if closed_days == "weekends":
        return moment.weekday() >= 5
    try:
        reason = _may_be_closed(moment)
    except holidays.OutsideCalendar as error:  # unknown: it may be a 休日, never judged either way
        return f"the access was made on a day the holiday calendar does not cover ({error})"
    if closed_days == "calendar":
        return bool(reason)
    return (f"the access was made {reason}, a day a town may take as a 休業日 of its own, and the profile does not "
            "state which days the product closes (jumin.closed_days)") if reason else False


def _may_be_closed(moment: dt.datetime) -> str:
    """Why the day of a logged moment may be a 休業日 whatever the check gives (a Saturday, a Sunday, a 国民の祝日
    or 休日 of 国民の祝日に関する法律 (conformance.oracles.holidays), the 年末年始 of 12/29 to 1/3), or '' for a day
    that is a working day under every reading the register allows; a day past the calendar's years raises
    :class:`~conformance.oracles.holidays.OutsideCalendar`."""
    day = moment.date()
    if moment.weekday() >= 5:
        return f"on a {moment.strftime('%A')} ({day.isoformat()})"
    if (moment.month, moment.day) >= (12, 29) or (moment.month, moment.day) <= (1, 3):
        return f"in the 年末年始 ({day.isoformat()})"
    if holidays.national_holiday(day) is not None:
        return f"on a 国民の祝日 or 休日 ({day.isoformat()})"
    return ""


def _bulk_search(ctx: CheckContext, users: Users) -> Iterator[Finding]:
    """10.2 R027: a user's SEARCHES 検索 listed at a 閾値 of SEARCHES, not at one far above it."""
    atena = register(users.client)
    user_id, password = users.created({"操作権限": [INQUIRY]})
    session = users.session(user_id, password)
    for _ in range(SEARCHES):
        users.call(SEARCH, {"氏名_フリガナ": "ミホン　タロウ", "一致": "完全"}, session)
    users.call(QUERY, {"宛名番号": atena}, users.session(*users.created({"操作権限": [INQUIRY]})))
    for threshold, wanted in ((SEARCHES, True), (SEARCHES * 10, False)):
        rows = _analysis(users, {"種類": BULK_SEARCH, "閾値": threshold, "操作者ID": user_id})
        location = f"GET {users.base}/logs/analysis?種類={BULK_SEARCH}#閾値{threshold}"
        listed = rows is not None and any(str(row.get("操作者ID")) == user_id for row in rows)
        if listed != wanted:
            yield ctx.finding("logs.analysis_differs", f"a user who searched {SEARCHES} times is "
                              f"{'not ' if wanted else ''}in the {BULK_SEARCH} at a 閾値 of {threshold} (10.2 R027)",
                              location=location, expected="listed" if wanted else "absent",
                              actual="listed" if listed else "absent")


RULES: Mapping[str, Callable[[CheckContext, Users], Iterator[Finding]]] = {
    "night": _night, "bulk_search": _bulk_search,
    "organisation": _organisation, "independent": _independent, "table": _table, "bulk": _bulk,
    "schedule": _schedule, "duties": _duties,
}
