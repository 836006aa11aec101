"""The fixed examples of the model's state machine (``fixed_examples``) about the system's administration and
its batches: users and their sessions, 抑止, the 住民票コード stock, 10.8 CSV取込, the 保存 of removed persons and
the batch runs; each takes serials of its own."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from conformance import clock
from conformance.domains.jumin.model.admin import CLERK_PROCESSES, Acting
from conformance.domains.jumin.model.machine import JuminModelMachine, machine_for
from conformance.domains.jumin.model.step_requests import _support_request
from conformance.domains.jumin.model.steps import READS, STEP, TOWN, ModelBreach, Session
from conformance.domains.jumin.oracles.model import Breach, judge_committed, judge_refusal
from conformance.domains.jumin.oracles.model.admin import (
    ALERT_LEVEL,
    CHANGE,
    ERROR_LEVEL,
    HOUSEHOLD,
    INDIVIDUAL,
    INQUIRY,
    USER_AUTHORITY,
    USER_PERIOD,
    Suppression,
    User,
    suppression_refusal,
    user_refusal,
)
from conformance.domains.jumin.oracles.model.archive import moved_on
from conformance.domains.jumin.oracles.model.batches import (
    CARRIED,
    EDITED,
    RESULT,
    STARTED,
    BatchState,
    judge_parameters,
    judge_result,
    parameters_of,
)
from conformance.domains.jumin.oracles.model.codes import adopt_stock, judge_delivery, judge_in_use, judge_stock
from conformance.domains.jumin.oracles.model.rules import (
    ADDRESS,
    ARCHIVED,
    CODES_KEPT,
    CODES_LOW,
    LOW_STOCK,
    SUPPRESSED_ALERT,
    SUPPRESSION_END,
    SUPPRESSION_SCOPE,
    SUPPRESSION_SETTINGS,
    CodeStock,
)
from conformance.oracles.shien_sochi import extended_end_date

#: The 生年月日 of the 世帯主 and 外国人住民 every fixed example starts from (``_fixed_household``).
_PRELUDE_BIRTHS = ["1980-04-01", "1990-12-31", "2010-01-01"]


def _fixed_household(session: Session, first_serial: int) -> tuple[JuminModelMachine, list[str]]:
    """A machine for a fixed example outside Hypothesis's draws, its persons numbered from ``first_serial``, and
    the 世帯 it starts with: a 日本人 世帯主 and a 外国人住民 (their 宛名番号). The session's run-wide records
    (exercised, failures, finished) are shared: only the serials are the example's own."""
    machine = machine_for(replace(session, serials=itertools.count(first_serial)))()
    return machine, machine.household(2, 1, _PRELUDE_BIRTHS, unknown=False, headless=False)


#: The first serial of the administrative example's persons (``administration``): apart from the other examples'.
ADMINISTRATION_SERIALS = 94_000_000


def administration(session: Session) -> None:
    """The run's first fixed example when the vendor has users (10.3) through the driver (``users.create``,
    ``users.login``): the run's clerk registered and logged in (異動入力 and 照会, its 利用期間 from today: its first
    day), kept in ``Session.admin`` so that every other 異動 of the machine is sent in its session; then a 世帯 of a
    日本人 世帯主 and a 外国人住民, and, each through the model's step (``oracles.model.admin.user_refusal``):

    - a user whose 利用期間 ends today: its 転居 of the 世帯 is committed (R001: the last day is in the period,
      interpretation ``jumin-1.0-interp-user-period``);
    - users whose 利用期間 ended yesterday or begins tomorrow: their login is refused, or their 照会 is (E031; R001);
    - a user with the 処理 照会 only: its 照会 of the 世帯主 is answered, its 転居 refused (E030; R002) and nothing
      written.

    Then the example's end, as a drawn one. Without ``users.*`` nothing is done (the 操作ログ is still read after
    every step where the vendor answers ``logs.operations``). A breach raises ``ModelBreach``."""
    machine = _with_clerk(session)
    if machine is None:
        return
    today = clock.today()  # the day the example begins on, not the run's (a run may cross midnight: issue 65)
    made = machine.household(2, 1, _PRELUDE_BIRTHS, unknown=False, headless=False)
    if not made:
        machine.teardown()
        return
    last_day = _logged_in(machine, User("last-day", CLERK_PROCESSES, today - timedelta(days=30), today), "last day")
    if last_day is not None:
        machine._step("moves.within", _move_within(machine, made[0]), "moves.within(世帯, 利用期間 ending today)",
                      acting=last_day)
    for label, start, end in (("ended yesterday", -30, -1), ("begins tomorrow", 1, 30)):
        _outside(machine, User(label, CLERK_PROCESSES, today + timedelta(days=start), today + timedelta(days=end)),
                 made[0], label)
    reader = _logged_in(machine, User("reader", frozenset({INQUIRY}), today, today + timedelta(days=1)), "照会 only")
    if reader is not None:
        status, document = machine._call("query.person", {"宛名番号": made[0]}, "query.person(照会 only)", reader)
        machine._check(judge_committed(status, document, USER_AUTHORITY), STEP)
        machine._step("moves.within", _move_within(machine, made[0]), "moves.within(世帯, 照会 only)", acting=reader)
    session.exercised |= {USER_PERIOD, USER_AUTHORITY}
    machine.teardown()


def clerk(session: Session) -> None:
    """The run's clerk alone (``administration``'s first step: registered and logged in, 異動入力 and 照会, its
    利用期間 from today), for a later seed's session (check.py): every other drawn 異動 is sent as a clerk of the
    seed's own, while the rest of ``administration`` is a fixed example, played once a run with the first seed.
    Without ``users.*`` nothing is done."""
    _with_clerk(session)


def _with_clerk(session: Session) -> JuminModelMachine | None:
    """A machine of the administrative example's serials, the run's clerk registered and logged in on it (kept in
    ``Session.admin``); None without ``users.*``."""
    admin = session.admin
    if admin is None or admin.users is None:
        return None
    machine = machine_for(replace(session, serials=itertools.count(ADMINISTRATION_SERIALS)))()
    today = clock.today()  # the day the example begins on, not the run's (a run may cross midnight: issue 65)
    admin.clerk = _logged_in(machine, User("clerk", CLERK_PROCESSES, today, today + timedelta(days=1)), "clerk")
    return machine


def _logged_in(machine: JuminModelMachine, user: User, label: str) -> Acting | None:
    """``user`` registered and logged in, in its 利用期間: a refusal of either is a breach of 10.3 R001 (on the
    vendor's day: where midnight JST came meanwhile, a user whose 利用期間 ended is rightly refused: None)."""
    day = clock.today()
    user_id, status, document, session_ = _registered_login(machine, user, label)
    machine._check(_login_breaches(user, day, status, document), STEP)
    if session_ is None:
        return None
    return Acting(replace(user, user_id=user_id), session_)


def _login_breaches(user: User, day: date, status: int, document: Any) -> list[Breach]:
    """A login's answer (or, where it was taken, a 照会 in its session) judged on the vendor's day: ``day``, read
    before the login, or the day the answer came on where the day turned meanwhile (issue 65: a run across
    midnight JST; the vendor reads its clock somewhere between the two)."""
    breaches = _login_judged(user, day, status, document)
    later = clock.today()
    if breaches and later != day and not _login_judged(user, later, status, document):
        return []
    return breaches


def _login_judged(user: User, day: date, status: int, document: Any) -> list[Breach]:
    """Refused as 10.3 R001 asks outside the 利用期間 on ``day``, taken inside it."""
    refusal = user_refusal(user, "users.login", day)
    if refusal is None:
        return judge_committed(status, document, USER_PERIOD)
    return judge_refusal(refusal, status, document)


def _registered_login(machine: JuminModelMachine, user: User, label: str) -> tuple[str, int, Any, str | None]:
    """``user`` registered (judged: in or outside its 利用期間, the registration is taken) and its login sent: the
    user id, and the login's status, answer and session (None: refused), judged by the caller."""
    admin = machine.session.admin
    assert admin is not None
    user_id, password, status, document = admin.register(user)
    machine.steps.append(f"{len(machine.steps) + 1}. users.create({label}, {_period(user)})")
    machine._check(judge_committed(status, document, USER_PERIOD), STEP)
    status, document, session_ = admin.login(user_id, password)
    machine.steps.append(f"{len(machine.steps) + 1}. users.login({label}) @ {clock.today().isoformat()}")
    return user_id, status, document, session_


def _outside(machine: JuminModelMachine, user: User, atena: str, label: str) -> None:
    """A user outside its 利用期間 (on the day the example began): its login refused (E031), or, where the login is
    taken, its 照会 (R001). Judged on the vendor's day: past midnight JST a user whose period begins the next day is
    in it, and taken."""
    day = clock.today()
    user_id, status, document, session_ = _registered_login(machine, user, label)
    if session_ is not None:
        status, document = machine._call("query.person", {"宛名番号": atena}, f"query.person({label})",
                                         Acting(replace(user, user_id=user_id), session_))
    machine._check(_login_breaches(user, day, status, document), STEP)


def _period(user: User) -> str:
    return f"利用期間 {user.start.isoformat() if user.start else ''}..{user.end.isoformat() if user.end else ''}"


def _move_within(machine: JuminModelMachine, atena: str) -> dict[str, Any]:
    """A 転居 of ``atena``'s whole 世帯, dated today."""
    today = machine.today.isoformat()
    members = machine.world.members(machine.world.latest(atena).get("世帯番号", ""))
    return {"宛名番号": members, "住所": {"住所_町字": "栄町", "住所_番地号表記": "9番地", "住所_方書": ""},
            "異動日": today, "届出年月日": today, "処理日": today}


#: The first serial of the 抑止 example's persons (``suppressions``): apart from the other examples'.
SUPPRESSION_SERIALS = 95_000_000
#: The driver operations the 抑止 example needs beside the machine's (docs/driver.md, 3.1).
SUPPRESSION_OPERATIONS = ("suppressions.set", "suppressions.release")


def suppressions(session: Session) -> None:
    """The run's fixed example of 抑止 with several settings (3.1 R002, R006, R008; interpretation
    ``jumin-1.0-interp-yokushi-model``), each 異動 and 照会 through the model's step
    (``oracles.model.admin.suppression_refusal``) and judged on every path as any step: 世帯 H1 of A and B, 世帯 H2
    of D; on A a 異動入力 抑止 at アラート and another at エラー, on H1 one at エラー from tomorrow, on H2 one at
    エラー from today. A's 転居 is refused (E040: the エラー of the two); once the エラー is released (本解除) it asks
    for the アラート (A040: the other setting stands); B's 転居 is done (H1's 抑止 has not begun); B joins H2
    (世帯合併) and B's next 転居 is refused (E040: H2's 抑止 covers who is in H2 now). Then a 照会 抑止 at アラート on B
    whose 終了日 has passed: B's 照会 asks for the アラート (R006), and is answered once confirmed. Every 抑止 is
    released before the example's end (its reads are 照会). Nothing is done without ``suppressions.*``."""
    if not set(SUPPRESSION_OPERATIONS) <= session.optional:
        return
    machine = machine_for(replace(session, serials=itertools.count(SUPPRESSION_SERIALS)))()
    today = clock.today()  # the day the example begins on, not the run's (a run may cross midnight: issue 65)
    tomorrow, later = today + timedelta(days=1), today + timedelta(days=30)
    first = machine.household(2, None, _PRELUDE_BIRTHS, unknown=False, headless=False)
    second = machine.household(1, None, _PRELUDE_BIRTHS[1:], unknown=False, headless=False)
    if len(first) < 2 or not second:
        machine.teardown()
        return
    a, b = first
    h1, h2 = (machine.world.latest(atena).get("世帯番号", "") for atena in (a, second[0]))
    alert = _suppress(machine, Suppression("", INDIVIDUAL, a, CHANGE, ALERT_LEVEL, today, later), "A")
    error = _suppress(machine, Suppression("", INDIVIDUAL, a, CHANGE, ERROR_LEVEL, today, later), "A")
    later_h1 = _suppress(machine, Suppression("", HOUSEHOLD, h1, CHANGE, ERROR_LEVEL, tomorrow, later), "H1")
    on_h2 = _suppress(machine, Suppression("", HOUSEHOLD, h2, CHANGE, ERROR_LEVEL, today, later), "H2")
    machine._step("moves.within", _move_alone(machine, a), "moves.within(A, under 2 抑止)")
    _release(machine, error, "A's エラー")
    machine._step("moves.within", _move_alone(machine, a), "moves.within(A, under its アラート)")
    machine._step("moves.within", _move_alone(machine, b), "moves.within(B, H1's 抑止 from tomorrow)")
    machine._step("households.merge", {"宛名番号": [b], "世帯番号": h2, "続柄": ["同居人"], **_today(machine)},
                  "households.merge(B -> H2)")
    machine._step("moves.within", _move_alone(machine, b), "moves.within(B, in H2 under its 抑止)")
    ended = _suppress(machine, Suppression("", INDIVIDUAL, b, INQUIRY, ALERT_LEVEL, today - timedelta(days=10),
                                           today - timedelta(days=1)), "B")
    refusal = suppression_refusal(machine.suppressions, "query.person", [b], machine._household_of, today)
    assert refusal is not None
    status, document = machine._call("query.person", {"宛名番号": b}, "query.person(B, 照会 抑止 past its 終了日)")
    machine._check(judge_refusal(refusal, status, document), STEP)
    status, document = machine._call("query.person", {"宛名番号": b, "confirm": SUPPRESSED_ALERT},
                                     f"query.person(B, confirm {SUPPRESSED_ALERT})")
    machine._check(judge_committed(status, document, SUPPRESSION_END), STEP)
    for setting, label in ((ended, "B's 照会"), (alert, "A's アラート"), (later_h1, "H1's"), (on_h2, "H2's")):
        _release(machine, setting, label)
    session.exercised |= {SUPPRESSION_SCOPE, SUPPRESSION_END, SUPPRESSION_SETTINGS}
    machine.teardown()


def _suppress(machine: JuminModelMachine, setting: Suppression, label: str) -> Suppression:
    """``setting`` set through ``suppressions.set`` (test set-up: it must be taken) and held by the model."""
    key = "宛名番号" if setting.target == INDIVIDUAL else "世帯番号"
    request = {"対象": setting.target, key: setting.key, "処理": setting.process, "レベル": setting.level,
               "開始日": setting.start.isoformat(), "終了日": setting.end.isoformat() if setting.end else ""}
    status, document = machine._call("suppressions.set", request,
                                     f"suppressions.set({label}, {setting.process}, {setting.level}, "
                                     f"{setting.start.isoformat()}..{setting.end.isoformat() if setting.end else ''})")
    machine._check(judge_committed(status, document, SUPPRESSION_SETTINGS), STEP)
    number = str(document.get("抑止番号", "")) if isinstance(document, dict) else ""
    held = replace(setting, number=number)
    machine.suppressions.append(held)
    return held


def _release(machine: JuminModelMachine, setting: Suppression, label: str) -> None:
    """The 本解除 of ``setting`` (it must be taken; the others stand: R008)."""
    status, document = machine._call("suppressions.release", {"抑止番号": setting.number},
                                     f"suppressions.release({label})")
    machine._check(judge_committed(status, document, SUPPRESSION_SETTINGS), STEP)
    machine.suppressions.remove(setting)


def _today(machine: JuminModelMachine) -> dict[str, str]:
    today = machine.today.isoformat()
    return {"異動日": today, "届出年月日": today, "処理日": today}


def _move_alone(machine: JuminModelMachine, atena: str) -> dict[str, Any]:
    """A 転居 of ``atena`` alone, dated today."""
    return {"宛名番号": [atena], "住所": {"住所_町字": "本町二丁目", "住所_番地号表記": "3番地", "住所_方書": ""},
            **_today(machine)}


KANA_SERIALS = 96_000_000


def kana_correction(session: Session) -> None:
    """The run's last fixed example, after the drawn ones (the draws depend on the vendor's state: an example
    before them moves them): a 職権修正 of a 世帯主's 氏名_フリガナ (1.1.6), after which the machine searches
    the person by the new フリガナ as after any step that changes it (2.1.2 R001: かな検索; ``_search_for``). Drawn
    examples reach such a correction only with some seeds: a search index that keeps the first フリガナ
    (the reference's defect ``search_kana_first_row``) went unreported when a change elsewhere moved the draws.
    Judged as any step is, and the example's end. A breach raises ``ModelBreach``."""
    machine, made = _fixed_household(session, KANA_SERIALS)
    head = next((a for a in made if machine.world.latest(a).get("住民種別") == "1"), None)
    if head is None:
        return
    today = machine.today.isoformat()
    items = {"氏名_フリガナ": "ミホン　カナシュウセイ"}
    machine._step("ex_officio.correct", {"宛名番号": head, "区分": "職権修正", "items": items,
                                         "異動日": today, "処理日": today},
                  f"ex_officio.correct(職権修正, {machine._p(head)}, 氏名_フリガナ)")
    machine.teardown()


SUPPORT_SERIALS = 97_000_000


def support_cases(session: Session) -> None:
    """After the drawn examples (it cannot move them): the three 支援措置 the drawn ones reach only with some seeds,
    each judged on every path as any step is (3.4): a 申出 in force with the 世帯's other member as
    併せて支援措置を求める者 (R001: both are protected; begun 30 days before the day it is entered, so the 原票's
    支援措置_開始年月日 is not the day of entry: issue 67, blind bug 10), a 申出 whose period begins in 30 days with a
    仮支援措置 from today (R008: protected from the 申出), and, where the adapter offers ``support.update``, the 延長 of
    one in its last month (R004: :func:`_extended`). A vendor without ``support.register`` is left alone (as the drawn
    rules leave it); a breach raises ``ModelBreach``."""
    if "support.register" not in session.optional:
        return
    machine, made = _fixed_household(session, SUPPORT_SERIALS)
    if len(made) < 2:
        return
    applicant, joining = made[0], made[1]
    # The vendor judges a 支援措置 on its own clock, not the 処理日 of the steps: the example's dates are relative to
    # the day it begins on (a run may have begun the day before: issue 65).
    today = clock.today()
    request = _support_request(machine.world.latest(applicant), today - timedelta(days=30))
    name = machine.world.latest(joining).get("氏名", "")
    request["併せて支援措置を求める者"] = [{"氏名": name, "宛名番号": joining, "申出者との関係": "同一世帯"}]
    machine._step("support.register", request,
                  f"support.register({machine._p(applicant)}, -30d, with {machine._p(joining)})")
    machine.teardown()
    machine, made = _fixed_household(session, SUPPORT_SERIALS + 100)
    if not made:
        return
    later = _support_request(machine.world.latest(made[0]), today + timedelta(days=30))
    later["仮支援措置"] = {"仮支援措置の有無": "有", "仮支援措置の開始年月日": today.isoformat()}
    machine._step("support.register", later, f"support.register({machine._p(made[0])}, +30d, 仮支援措置)")
    machine.teardown()
    if "support.update" in session.optional:
        _extended(session, today)


def _extended(session: Session, today: date) -> None:
    """A 支援措置 in its last month (begun 350 days ago: it ends in about two weeks) extended (3.4 R004: one year
    from the day after the old end): the 原票 read at the step shows the new 支援措置_終了年月日 (issue 67, blind bug
    09: the 表示 written once, at the 申出, left the files saying the protection ended when it did not)."""
    machine, made = _fixed_household(session, SUPPORT_SERIALS + 200)
    if not made:
        return
    applicant = made[0]
    machine._step("support.register", _support_request(machine.world.latest(applicant), today - timedelta(days=350)),
                  f"support.register({machine._p(applicant)}, -350d)")
    measure = machine.world.measures.get(applicant)
    if measure is not None:
        end = extended_end_date(measure.end).isoformat()
        machine._step("support.update", {"宛名番号": applicant, "支援措置の期間": {"支援措置の終了年月日": end}},
                      f"support.update({machine._p(applicant)}, 延長)")
    machine.teardown()


#: The first serial of the 住民票コード stock's example (``code_stock``): apart from the other examples'. Its 空きコード
#: are ``7`` and ten digits of a serial: no person of the machine (``9``...) nor scenario (``8``...) holds one.
CODE_SERIALS = 98_000_000
#: The driver operations the stock's example needs beside the machine's (docs/driver.md, 4.3.1).
CODE_OPERATIONS = ("cs.receive", "codes.stock", "codes.threshold")
#: How many 空きコード the CS (the harness) delivers.
_DELIVERED = 4


def code_stock(session: Session) -> None:
    """After the draws (it cannot move them): the 住民票コード stock of 4.3.1 driven through the driver, each
    answer and each person judged against the model (``rules.CodeStock``; interpretation
    ``jumin-1.0-interp-jumin-code-model``). A 世帯 of a 日本人 世帯主 and a 外国人住民; the stock read (the vendor's
    own 空きコード and 下限, adopted); four 空きコード delivered by the CS (R001: each kept, listed by the stock); the
    下限 set to the count less one, and a 出生 entered without a 住民票コード (R002: a code of the stock, which lists
    it no more; R004: the codes left are as many as the 下限, not fewer, so no アラート); the 下限 set to the count
    itself, and the 世帯主's 住民票コードの変更請求 without a code: the codes left after the draw would be one fewer
    than the 下限, so the アラート A041 (R004: 下回った is the stock left after the 付番; the second blind round,
    22: a stock compared before the draw let this one pass), nothing written and the stock unchanged, then committed
    once confirmed with a code of the stock; then 出生 until no delivered code is left (at most four), the 下限 set
    back; the 外国人住民's code delivered (R001: not kept), then his 死亡 and the same code delivered as a
    除票's (R001: one code names one person, not kept either). After each step the persons on every path (the
    driver's read, the linkage API, the form's data: the code
    given is the one every output shows) and the stock read again. Nothing is done without ``cs.receive``,
    ``codes.stock`` and ``codes.threshold``; a breach raises ``ModelBreach``."""
    if not set(CODE_OPERATIONS) <= session.optional:
        return
    machine, made = _fixed_household(session, CODE_SERIALS)
    head = next((a for a in made if machine.world.latest(a).get("住民種別") == "1"), None)
    if head is None:
        machine.teardown()
        return
    found = _first_read(machine)
    try:
        _drive_stock(machine, made, head, found)
    except ModelBreach:
        # A breach ends the example where it is: its 下限 is set back all the same (not a step of the example), so
        # the scenarios after the model's run meet the vendor's own 下限, not the example's (the second blind round,
        # 22: a 下限 left at the count made their 出生 alert, seven requirements failed for one breach).
        machine.session.paths.driver.call("codes.threshold", {"下限": str(found)})
        raise
    machine.session.exercised |= {CODES_KEPT, CODES_LOW}
    machine.teardown()


def _drive_stock(machine: JuminModelMachine, made: list[str], head: str, found: int) -> None:
    """The steps of ``code_stock`` after the first read of the stock (``found``: the 下限 it had)."""
    setai = machine.world.latest(head).get("世帯番号", "")
    stock = machine.world.stock
    assert stock is not None
    delivered = [machine.session.number("7", next(machine.session.serials)) for _ in range(_DELIVERED)]
    status, document = machine._call("cs.receive", {"種別": "空きコード", "空きコード": delivered},
                                     f"cs.receive(空きコード ×{_DELIVERED})")
    machine._check(judge_delivery(delivered, status, document), STEP)
    stock.codes |= set(delivered)
    _read_stock(machine, "delivered")
    _set_floor(machine, len(stock.codes) - 1, "count - 1")
    _auto_numbered(machine, "births", _birth_request(machine, setai), "births(no 住民票コード, 下限 = count - 1)")
    _set_floor(machine, len(stock.codes), "count")
    today = machine.today.isoformat()
    change = {"宛名番号": head, "区分": "住民票コードの変更請求", "items": {}, "異動日": today, "処理日": today}
    _auto_numbered(machine, "ex_officio.correct", change,
                   f"ex_officio.correct(住民票コードの変更請求, {machine._p(head)})")
    _set_floor(machine, found, "as found")
    for _ in range(_DELIVERED):
        if not stock.codes & set(delivered):
            break
        _auto_numbered(machine, "births", _birth_request(machine, setai), "births(no 住民票コード)")
    _deliver_in_use(machine, made)
    _deliver_removed(machine, made)


def _deliver_in_use(machine: JuminModelMachine, made: list[str]) -> None:
    """R001 (新規付番用, interpretation ``jumin-code-model``): the 住民票コード of a member of the 世帯 that never came
    from the stock (the 外国人住民's, entered with the person), delivered as a 空きコード: not answered 蓄積, and the
    stock read after it does not list it (blind round 35, 23)."""
    code = next((machine.world.latest(a).get("住民票コード", "") for a in made if machine.world.is_current(a)
                 and machine.world.latest(a).get("住民票コード", "") not in machine.world.stock.given), "") \
        if machine.world.stock is not None else ""
    if not code:
        return
    status, document = machine._call("cs.receive", {"種別": "空きコード", "空きコード": [code]},
                                     "cs.receive(空きコード: a 住民's own 住民票コード)")
    machine._check(judge_in_use(code, status, document), STEP)
    _read_stock(machine, "after a code in use")


def _deliver_removed(machine: JuminModelMachine, made: list[str]) -> None:
    """R001 (新規付番用, interpretation ``jumin-code-model``: one code names one person, a 除票's too): the
    member who is no 世帯主 removed by a 死亡 today, then its 住民票コード delivered as a 空きコード: not answered
    蓄積, and the stock read after it does not list it (the third blind round of issue 67, 17: a delivery
    checked against the codes of 住民 only kept a 除票's)."""
    member = next((a for a in made if machine.world.is_current(a) and machine.world.latest(a).get("続柄") != "世帯主"
                   and machine.world.latest(a).get("住民票コード")), None)
    if member is None:
        return
    today = machine.today.isoformat()
    machine._step("deaths", {"宛名番号": member, "異動日": today, "通知年月日": today, "処理日": today},
                  f"deaths({machine._p(member)}, {today})")
    code = machine.world.latest(member).get("住民票コード", "")
    status, document = machine._call("cs.receive", {"種別": "空きコード", "空きコード": [code]},
                                     "cs.receive(空きコード: a 除票's 住民票コード)")
    machine._check(judge_in_use(code, status, document), STEP)
    _read_stock(machine, "after a 除票's code")


def _first_read(machine: JuminModelMachine) -> int:
    """The stock as the vendor keeps it before the example (its own 空きコード and 下限), adopted by the model; its
    下限 (set back at the end)."""
    status, document = machine._call("codes.stock", {}, "codes.stock(as found)")
    floor = str(document.get("下限", "")) if isinstance(document, dict) else ""
    stock = CodeStock(set(), int(floor) if floor.isdigit() else 0)
    machine._check(judge_stock(stock, status, document), STEP)
    adopt_stock(stock, document)
    machine.world.stock = stock
    return stock.floor


def _read_stock(machine: JuminModelMachine, label: str) -> None:
    """A read of the stock judged against the model (R001, R002, R004), then adopted."""
    stock = machine.world.stock
    assert stock is not None
    status, document = machine._call("codes.stock", {}, f"codes.stock({label})")
    # Every person's, a 除票's too (one code names one person: the third blind round of issue 67, 17).
    held = {machine.world.latest(atena).get("住民票コード", "") for atena in machine.world.persons} - {""}
    machine._check(judge_stock(stock, status, document, held), STEP)
    adopt_stock(stock, document)


def _set_floor(machine: JuminModelMachine, floor: int, label: str) -> None:
    """The 下限 of R004 set through ``codes.threshold`` (test set-up: it must be taken) and held by the model."""
    stock = machine.world.stock
    assert stock is not None
    status, document = machine._call("codes.threshold", {"下限": str(max(floor, 0))}, f"codes.threshold({label})")
    machine._check(judge_committed(status, document, CODES_LOW), STEP)
    stock.floor = max(floor, 0)


def _auto_numbered(machine: JuminModelMachine, operation: str, request: dict[str, Any], shown: str) -> None:
    """A 異動 that takes a 住民票コード of the stock, judged as any step (the persons on every path), then the stock;
    where the model asks for the アラート of a low stock (R004), the stock is read unchanged and the 異動 sent again,
    confirmed."""
    stock = machine.world.stock
    assert stock is not None
    low = stock.low()
    machine._step(operation, request, shown)
    _read_stock(machine, "after it")
    if low:
        machine._step(operation, {**request, "confirm": [LOW_STOCK]}, f"{shown}, confirm {LOW_STOCK}")
        _read_stock(machine, "after it")


def _birth_request(machine: JuminModelMachine, setai: str) -> dict[str, Any]:
    """A 出生 into ``setai`` dated today, its person entered without a 住民票コード (a 未付番者: 4.3.1 R002)."""
    head = machine.world.head(setai)
    today = machine.today.isoformat()
    person = {**machine._person(2, False, today), "続柄": "子",
              "世帯主氏名": machine.world.latest(head)["氏名"] if head else ""}
    person.update({k: machine.world.latest(machine.world.members(setai)[0]).get(k, "") for k in ADDRESS})
    for item in ("住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日", "住民票コード"):
        person.pop(item, None)
    return {"世帯番号": setai, "person": person, "届出年月日": today, "処理日": today}


#: The first serial of the CSV imports' example (``csv_imports``): apart from the other examples'.
CSV_SERIALS = 99_000_000
#: The 方書 a 住民異動届 brings: a comma in it, so the CSV quotes the field (RFC 4180), as a spreadsheet writes it.
_QUOTED_KATAGAKI = "見本ハイツ, 201"
#: The columns of each kind of CSV the example writes (a 転出証明書's, a 個人番号カード券面's, a 住民異動届's).
_CERTIFICATE = ("氏名", "氏名_フリガナ", "生年月日", "性別", "続柄", "世帯主氏名", "住民票コード", "個人番号",
                "戸籍の表示（本籍・筆頭者）", "転入前住所_市区町村コード")
_CARD = ("住所", "氏名", "旧氏", "通称", "生年月日", "性別", "個人番号")
#: The 方書 last: a 取込 that cuts it at its comma shows as the 方書 itself, not as the dates after it.
_NOTIFICATION = ("氏名", "生年月日", "異動事由", "住所_町字", "住所_番地号表記", "異動日", "届出年月日", "住所_方書")


def csv_imports(session: Session) -> None:
    """After the draws (it cannot move them): 10.8's CSV imports through the driver's ``import.csv``, each the 異動
    it feeds in the model (``transitions.import_csv``; interpretation ``jumin-1.0-interp-csv-import-model``), judged
    as any step: the answer, each person's history, every path. A 転出証明書 of a 世帯 of two taken into a 転入
    (R002); a 個人番号カード券面 with a 旧氏 taken into a 転入 joining that 世帯 (R005); a 住民異動届 of the 妻's 転居
    whose 方書 holds a comma, so the field is quoted (R003: RFC 4180, as any spreadsheet writes it); then the
    refusals: a 住民異動届 of a 氏名 no 住民 has, and one of the 妻's 氏名 with another 生年月日 (E051); one whose
    異動日 is after the 処理日 (E001, 4.0.3 R003); a 転出証明書 of a person born after the 異動日 (E003, 11.1 R001):
    nothing written. The example's end reads every person on every path again. Nothing is done without
    ``import.csv``; a breach raises ``ModelBreach``."""
    if "import.csv" not in session.optional:
        return
    machine = machine_for(replace(session, serials=itertools.count(CSV_SERIALS)))()
    today = machine.today.isoformat()
    staff = {"区分": "国内転入", "住所": {**TOWN, "住所_町字": "本町三丁目", "住所_番地号表記": "3番3号"},
             "異動日": today, "届出年月日": today, "処理日": today}
    head, wife = machine._person(0, False, "1980-04-01"), machine._person(1, False, "1985-03-03")
    wife["世帯主氏名"] = head["氏名"]
    _import(machine, "転出証明書", [head, wife], _CERTIFICATE, staff, "転出証明書 of 2")
    made = [atena for atena in machine.world.persons]
    if len(made) != 2:
        machine.teardown()
        return
    setai = machine.world.latest(made[0]).get("世帯番号", "")
    card = {**machine._person(2, False, "2001-07-07"), "住所": "東京都千代田区千代田１番１号", "旧氏": "旧姓"}
    _import(machine, "個人番号カード券面", [card], _CARD, {**staff, "世帯番号": setai, "続柄": "子"},
            "個人番号カード券面, into the 世帯")
    # The 妻's 転居 (a 世帯主's alone would leave two members: 4.0.4's アラート, which a 転居 is not modelled with).
    moved = {"氏名": wife["氏名"], "生年月日": wife["生年月日"], "異動事由": "転居", "住所_町字": "緑町",
             "住所_番地号表記": "5番5号", "住所_方書": _QUOTED_KATAGAKI, "異動日": today, "届出年月日": today}
    _import(machine, "住民異動届", [moved], _NOTIFICATION, {"処理日": today}, "住民異動届, 方書 quoted")
    stranger = machine._person(0, False, "1970-01-01")
    _import(machine, "住民異動届", [{**moved, "氏名": stranger["氏名"]}], _NOTIFICATION, {"処理日": today},
            "住民異動届 of no 住民")
    _import(machine, "住民異動届", [{**moved, "生年月日": "1985-03-04"}], _NOTIFICATION, {"処理日": today},
            "住民異動届, the 妻's 氏名 and another 生年月日")
    later = (machine.today + timedelta(days=1)).isoformat()
    _import(machine, "住民異動届", [{**moved, "氏名": card["氏名"], "生年月日": card["生年月日"], "異動日": later}],
            _NOTIFICATION, {"処理日": today}, "住民異動届, 異動日 +1d")
    unborn = machine._person(0, False, (machine.today + timedelta(days=1)).isoformat())
    _import(machine, "転出証明書", [unborn], _CERTIFICATE, {**staff, "異動日": (machine.today - timedelta(days=1))
                                                          .isoformat()}, "転出証明書, born after the 異動日")
    machine.teardown()


def _import(machine: JuminModelMachine, kind: str, rows: list[dict[str, str]], columns: tuple[str, ...],
            entered: dict[str, Any], shown: str) -> None:
    """``rows`` written as a CSV of ``columns`` (RFC 4180: CRLF, quoted where needed) and imported as ``kind``,
    with the items the staff enter beside it: one step of the machine."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[row.get(column, "") for column in columns] for row in rows])
    machine._step("import.csv", {"種類": kind, "CSV": text.getvalue(), **entered}, f"import.csv({shown})")


#: The first serial of the 除票用データベース's example (``archive``): apart from the other examples' (90-99 million).
ARCHIVE_SERIALS = 89_000_000
#: The driver operations the 除票用データベース's example needs beside the machine's (docs/driver.md, 9.3).
ARCHIVE_OPERATIONS = ("batch.run", "archive.person")
#: The days of the three 死亡 and of the 移行 (its 基準日 and 処理日): the 移行 a day after the fifth anniversary of
#: the first 消除, on the third's and a day before the second's, all of them past (a vendor may refuse a 処理日 to
#: come). The day before, of and after the anniversary (issue 65 item 3; issue 67, blind round 4 bug 16).
_FIRST_DEATH, _SECOND_DEATH, _MIGRATION = date(2019, 6, 10), date(2019, 6, 12), date(2024, 6, 11)
_ANNIVERSARY_DEATH = date(2019, 6, 11)
#: A 死亡 on 2月29日 and the two later 移行 of its 除票 alone: on 2月28日 of the fifth year, a common one (kept: the
#: five years end that day under every count, 民法 第143条第2項ただし書) and on 3月1日 (moved). Issue 67, blind round 5.
_LEAP_DEATH, _LEAP_EVE, _LEAP_DAY = date(2020, 2, 29), date(2025, 2, 28), date(2025, 3, 1)
#: A 除票 of each other kind, past its five years at the 移行 (9.3 R001 「５年を経過した除票」 names every 除票): a
#: 国内転出 with its 転入通知 and a 職権消除, each a 世帯 of one, where the driver offers their operations (the third
#: blind round of issue 67, 18: a 移行 of 転出 and 死亡 alone kept a 職権消除's 除票 for ever).
_OTHER_REMOVALS = ((("moves.out", "moves.out_confirm"), date(2019, 6, 3)), (("ex_officio.remove",), date(2019, 6, 4)))


def archive(session: Session) -> None:
    """After the draws (it cannot move them): 9.3 R001's 除票用データベースへの移行 through the driver's ``batch.run``,
    judged against the model (``oracles.model.archive.moved_on``; interpretation ``jumin-1.0-interp-archive-model``). A
    世帯 of a 日本人 世帯主 and a 外国人住民 and three 世帯 of one; the 世帯主 dies on 2019-06-10, the 外国人住民 on
    2019-06-12, the first 世帯 of one on 2019-06-11 and the second on 2020-02-29 (each 異動日, 通知年月日 and 処理日 the
    same day); where the driver offers them, two more 世帯 of one removed otherwise: a 国内転出 with its 転入通知 on
    2019-06-03 and a 職権消除 on 2019-06-04 (9.3 R001 names every 除票; the third blind round of issue 67, 18), each
    past its five years and moved as the first; the 移行 runs on 2024-06-11 for them all. The first 除票 must be in the
    除票用データベース with every row of its history and answered by no path of the 住民記録 (the driver's read, the
    linkage API); the second, a day short of its five years, the 2月29日's and the 住民 must not be there, and are
    judged on every path at the example's end as any person. The third, on its fifth anniversary, may be either: where
    the 除票用データベース answers it, it is judged as moved (every row, deleted from the 住民記録), else as kept. Then
    the 2月29日's 除票 alone on 2025-02-28 (kept: its five years end that day) and on 2025-03-01 (moved). Nothing is
    done without ``batch.run`` and ``archive.person``; a breach raises ``ModelBreach``."""
    if not set(ARCHIVE_OPERATIONS) <= session.optional:
        return
    machine, made = _fixed_household(session, ARCHIVE_SERIALS)
    alone = machine.household(1, None, _PRELUDE_BIRTHS[1:], unknown=False, headless=False)
    eve = machine.household(1, None, _PRELUDE_BIRTHS[:1], unknown=False, headless=False)
    leap = machine.household(1, None, _PRELUDE_BIRTHS[:1], unknown=False, headless=False)
    if len(made) < 2 or not alone or not eve or not leap:
        machine.teardown()
        return
    named = [*made, *alone, *eve, *leap]
    removals = [(atena, day, "deaths") for atena, day in zip(
        (*made, *eve, *leap), (_FIRST_DEATH, _SECOND_DEATH, _ANNIVERSARY_DEATH, _LEAP_DEATH), strict=True)]
    for needed, day in _OTHER_REMOVALS:
        removed = machine.household(1, None, _PRELUDE_BIRTHS[:1], unknown=False, headless=False) \
            if all(machine._offers(name) for name in needed) else []
        named += removed
        removals += [(atena, day, needed[0]) for atena in removed]
    for atena, day, operation in sorted(removals, key=lambda removal: removal[1]):
        machine.today = day
        _remove(machine, operation, atena)
    for base, persons in ((_MIGRATION, named), (_LEAP_EVE, leap), (_LEAP_DAY, leap)):
        _migrate(machine, base, persons)
    machine.session.exercised.add(ARCHIVED)
    machine.teardown()


def _remove(machine: JuminModelMachine, operation: str, atena: str) -> None:
    """The person made a 除票 by ``operation`` on the model's today, its 異動日 and 処理日 the same day: a 死亡, a
    国内転出 with its 転入通知 (転入日 the 転出予定年月日), or a 職権消除."""
    day = machine.today.isoformat()
    if operation == "moves.out":
        machine._step("moves.out", {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": day, "届出年月日": day,
                                    "処理日": day}, f"moves.out(国内転出, {machine._p(atena)}, {day})")
        machine._step("moves.out_confirm", {"宛名番号": atena, "転入年月日": day, "通知年月日": day, "処理日": day},
                      f"moves.out_confirm({machine._p(atena)}, 転入日 {day})")
        return
    notified = {"通知年月日": day} if operation == "deaths" else {}
    machine._step(operation, {"宛名番号": atena, "異動日": day, **notified, "処理日": day},
                  f"{operation}({machine._p(atena)}, {day})")


def _migrate(machine: JuminModelMachine, base: date, named: list[str]) -> None:
    """One 除票用データベース移行 of ``named`` on ``base`` (its 基準日 and 処理日), each person judged as the model says
    it must have moved or kept them; those moved leave the model (no path of the 住民記録 answers them)."""
    machine.today = base
    migration = moved_on(machine.world, base, named)
    request = {"処理": "除票用データベース移行", "パラメータ": {"基準日": base.isoformat()}, "宛名番号": named,
               "処理日": base.isoformat()}
    status, document = machine._call("batch.run", request, f"batch.run(除票用データベース移行, {machine._ps(named)}, "
                                     f"基準日 {base.isoformat()})")
    machine._check(judge_committed(status, document, ARCHIVED), STEP)
    paths = machine.session.paths
    # On the anniversary the vendor's answer says which reading it took: a 除票 it answers from the 除票用データベース
    # is judged as moved whole, one it does not as kept (the 住民記録's paths at the example's end).
    moved = migration.moved | {atena for atena in migration.either if any(paths.compare_not_archived(atena))}
    breaches = [b for atena in sorted(moved) for b in paths.compare_archived(machine.world.history(atena), atena)]
    breaches += [b for atena in sorted(migration.kept) for b in paths.compare_not_archived(atena)]
    machine._check(breaches, READS)
    for atena in moved:  # deleted from the 住民記録: no path of it answers them any more
        machine.world.persons.pop(atena)


#: The driver operations the バッチ処理's example needs (docs/driver.md, 9.1).
BATCH_OPERATIONS = ("batch.run", "batch.result", "batch.parameters", "batch.edit")
#: The 処理 the example runs: a list that writes no record (9.2), so its runs change nothing a path shows.
_BATCH = "抑止対象者一覧"


#: The first serial of the batch example's persons: apart from the other examples'.
BATCH_SERIALS = 88_000_000


def batches(session: Session) -> None:
    """After the draws (it cannot move them): 9.1's parameters and 実行結果 through the driver's ``batch.*``, each
    answer judged against the model (``oracles.model.batches.BatchState``; interpretation
    ``jumin-1.0-interp-batch-model``). The parameters the vendor holds for the 処理 read and adopted; a run with
    出力先 and 基準日 (R001, its 実行結果: R005, the parameters it used: R002); a run with a new 出力先 (the 基準日
    carried); an edit of the 基準日 (R003: the 出力先 kept, the 基準日 named as edited); a run with none (both
    carried, none edited after it); an abnormal run (異常, its エラーコード). The parameters read after each run and
    edit. Nothing is done without the four operations; a breach raises ``ModelBreach``."""
    if not set(BATCH_OPERATIONS) <= session.optional:
        return
    machine = machine_for(replace(session, serials=itertools.count(BATCH_SERIALS)))()
    status, document = machine._call("batch.parameters", {"処理": _BATCH}, f"batch.parameters({_BATCH}, as found)")
    machine._check(judge_committed(status, document, CARRIED), STEP)
    state = BatchState(parameters_of(document))
    _batch_run(machine, state, {"出力先": "見本/一覧1", "基準日": "2025-04-01"}, "出力先, 基準日")
    _batch_run(machine, state, {"出力先": "見本/一覧2"}, "出力先")
    status, document = machine._call("batch.edit", {"処理": _BATCH, "パラメータ": {"基準日": "2025-10-01"}},
                                     "batch.edit(基準日)")
    machine._check(judge_committed(status, document, EDITED), STEP)
    state.edit({"基準日": "2025-10-01"})
    _batch_parameters(machine, state)
    _batch_run(machine, state, {}, "none")
    _batch_run(machine, state, {}, "none, 異常終了", abnormal=True)
    machine.session.exercised |= {STARTED, CARRIED, EDITED, RESULT}
    machine.teardown()


def _batch_run(machine: JuminModelMachine, state: BatchState, given: dict[str, str], label: str, *,
               abnormal: bool = False) -> None:
    """A 直接起動 with ``given``, its 実行結果 judged; after a normal run the parameters of the next run."""
    request: dict[str, Any] = {"処理": _BATCH, "パラメータ": given, **({"異常終了": True} if abnormal else {})}
    status, document = machine._call("batch.run", request, f"batch.run({_BATCH}, パラメータ {label})")
    machine._check(judge_committed(status, document, STARTED), STEP)
    used = {**state.saved, **given} if abnormal else state.run(given)
    number = str(document.get("実行番号", "")) if isinstance(document, dict) else ""
    status, document = machine._call("batch.result", {"実行番号": number}, "batch.result")
    machine._check(judge_result({} if abnormal else used, abnormal, status, document, "driver:/batches/results"),
                   STEP)
    if not abnormal:
        _batch_parameters(machine, state)


def _batch_parameters(machine: JuminModelMachine, state: BatchState) -> None:
    status, document = machine._call("batch.parameters", {"処理": _BATCH}, f"batch.parameters({_BATCH})")
    machine._check(judge_parameters(state, status, document, "driver:/batches/parameters"), STEP)
