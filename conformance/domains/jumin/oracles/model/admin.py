"""The administrative functions in the model of 住民記録: the users of 10.3 (their 利用期間 and 操作権限) and the
操作ログ of 10.2 (what was done, to whom, by whom, and whether the 個人番号 was accessed), as rules each naming the
requirement whose text fixes it (``spec_catalog/jumin/1.0/requirements/ch10.yaml``).

A request a user's session sends is refused when the vendor's day is outside the user's 利用期間 (10.3 R001:
利用範囲及び期間が管理できること; the period holds its first and its last day, interpretation
``jumin-1.0-interp-user-period``) or its 処理 is outside the user's 操作権限 (R002: 利用権限レベルが設定できること);
the codes and statuses are the driver protocol's (docs/driver.md: E031, E030, 403). Every other request is what
the model's transition says, whoever sends it.

The 操作ログ (10.2 R004's 取得対象, R006's 記録対象, R020's 改ざん防止) is read after a step for one person it named:
every entry read before for that person is answered again unchanged, and the entries new since hold one of each
operation the step and its reads made, with the 取得対象 the operation allows (interpretation
``jumin-1.0-interp-operation-log-model``), the person in its 対象, its 操作者ID (the session's user's where a user
sent it), a 日時 of the step, a 端末名 and a 機能名, and 個人番号アクセス true where the request or the answer held
the person's 個人番号 (R006: 個人番号へのアクセス有無).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from conformance.domains.jumin.oracles.model.judge import Breach
from conformance.domains.jumin.oracles.model.rules import (
    SUPPRESSED_ALERT,
    SUPPRESSED_ERROR,
    SUPPRESSION_END,
    SUPPRESSION_SCOPE,
    SUPPRESSION_SETTINGS,
    Refusal,
)

#: 10.3 R001: 個人単位でID及びパスワード、利用者名称、所属部署名称、操作権限…、利用範囲及び期間が管理できること。
USER_PERIOD = "jumin-1.0-10.3-R001"
#: 10.3 R002: 職員のシステム利用権限管理ができ、利用者とパスワードを登録し利用権限レベルが設定できること。
USER_AUTHORITY = "jumin-1.0-10.3-R002"
#: 10.2 R004: 取得対象：①照会、②帳票発行、③異動入力（履歴追加）、④異動入力（履歴修正）、⑤異動入力（履歴削除）…
LOG_TARGETS = "jumin-1.0-10.2-R004"
#: 10.2 R006: 記録対象：操作者ID、日時、…端末名、…対象となったレコード（処理対象者等）・機能名…、
#: 個人番号へのアクセス有無
LOG_FIELDS = "jumin-1.0-10.2-R006"
#: 10.2 R020: システム利用者や第三者によるログの改ざんがされないよう、書き込み禁止等の改ざん防止措置がされること。
LOG_TAMPER = "jumin-1.0-10.2-R020"
#: The readings the rules rest on (spec_catalog/jumin/1.0/interpretations.yaml).
PERIOD_READING = "jumin-1.0-interp-user-period"
LOG_READING = "jumin-1.0-interp-operation-log-model"
#: Whom a 世帯照会's entry names (the members it showed: interpretation household-query-log).
HOUSEHOLD_LOG_READING = "jumin-1.0-interp-household-query-log"

#: The 処理 of an 操作権限 (driver.yaml users.create).
INQUIRY, CHANGE = "照会", "異動入力"
#: The 取得対象 of 10.2 R004, in its words.
QUERIED, ADDED, CORRECTED, DELETED = "照会", "異動入力（履歴追加）", "異動入力（履歴修正）", "異動入力（履歴削除）"
#: The driver operations of the machine that are a 異動入力 (10.3's 処理; 10.2 R004 ③-⑤) and those that are a 照会.
CHANGES = ("moves.in", "moves.within", "moves.out", "moves.out_confirm", "births", "deaths", "households.split",
           "households.merge", "households.head", "ex_officio.correct", "ex_officio.remove", "cancellations",
           "tsusho.record", "tsusho.delete", "kyushi", "nationality")
QUERIES = ("query.person", "query.history", "query.household")
#: The 取得対象 an entry of each operation may carry (interpretation operation-log-model): a 異動 appends a history
#: row (③); a correction or a 転入通知 completes the row before as well (③ or ④); the 取消し of a 異動 restores the
#: row before (③, ④ or ⑤: the text does not say which of its words a 取消し is).
LOGGED_AS: Mapping[str, frozenset[str]] = {
    **{operation: frozenset({ADDED}) for operation in CHANGES},
    "ex_officio.correct": frozenset({ADDED, CORRECTED}),
    "moves.out_confirm": frozenset({ADDED, CORRECTED}),
    "cancellations": frozenset({ADDED, CORRECTED, DELETED}),
    **{operation: frozenset({QUERIED}) for operation in QUERIES},
}
#: The words a 個人番号アクセス may say "accessed" in (the protocol's true; a vendor's adapter may map its 有).
_ACCESSED = frozenset({"true", "1", "有", "あり"})


@dataclass(frozen=True)
class User:
    """A user of 10.3 as the model holds it: its 利用者ID, its 操作権限 and its 利用期間 (None: open)."""

    user_id: str
    processes: frozenset[str]
    start: date | None = None
    end: date | None = None

    def in_period(self, day: date) -> bool:
        """Whether ``day`` is in the 利用期間, its first and its last day included (interpretation user-period)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def user_refusal(user: User, operation: str, day: date) -> Refusal | None:
    """The refusal of ``operation`` sent by ``user``'s session on the vendor's ``day``, or None (the model's
    transition then says what it does): outside the 利用期間 E031 (R001), outside the 操作権限 E030 (R002)."""
    if not user.in_period(day):
        return Refusal("error", frozenset({"E031"}), USER_PERIOD, "a user outside its 利用期間",
                       statuses=frozenset({401, 403}))
    process = CHANGE if operation in CHANGES else INQUIRY if operation in QUERIES else None
    if process is not None and process not in user.processes:
        return Refusal("error", frozenset({"E030"}), USER_AUTHORITY, f"a {process} outside the user's 操作権限",
                       statuses=frozenset({401, 403}))
    return None


@dataclass(frozen=True)
class Logged:
    """An entry the 操作ログ must hold after a step: of ``operation`` on ``person``, by ``operator`` (a user's
    利用者ID; None: the adapter's own, any non-empty ID), accessing the 個人番号 when ``my_number``."""

    operation: str
    person: str
    operator: str | None
    my_number: bool


def judge_log(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]], wanted: Sequence[Logged],
              window: tuple[datetime, datetime], where: str) -> list[Breach]:
    """The 操作ログ of one person read after a step (``after``) against the one read before (``before``) and the
    entries the step and its reads must have added (``wanted``; ``window``: when they were made)."""
    remaining = Counter(_canonical(entry) for entry in after)
    breaches = []
    for index, entry in enumerate(before):
        key = _canonical(entry)
        if remaining[key] <= 0:
            breaches.append(Breach(LOG_TAMPER, "model.log_entry_altered", "an entry of the 操作ログ read before is "
                                   "no longer answered as it was", f"{where}#/entries/{index}", "unchanged",
                                   "changed or deleted"))
            continue
        remaining[key] -= 1
    new = [entry for entry in after if _take(remaining, entry)]
    for logged in wanted:
        breaches += _judge_entry(logged, new, window, where)
    return breaches


def _take(remaining: Counter[str], entry: Mapping[str, Any]) -> bool:
    """Whether ``entry`` is one of the new ones (not matched by an entry read before), counting it off."""
    key = _canonical(entry)
    if remaining[key] <= 0:
        return False
    remaining[key] -= 1
    return True


def _judge_entry(logged: Logged, new: list[Mapping[str, Any]], window: tuple[datetime, datetime],
                 where: str) -> list[Breach]:
    """One wanted entry among the new ones: the first that holds every field as wanted is taken (a vendor may log
    more than one entry of an operation); without one, the first of its 取得対象 on the person is judged."""
    targets = LOGGED_AS[logged.operation]
    candidates = [entry for entry in new if str(entry.get("取得対象", "")) in targets
                  and _names(entry.get("対象"), logged.person)]
    if not candidates:
        reading = HOUSEHOLD_LOG_READING if logged.operation == "query.household" else LOG_READING
        return [Breach(LOG_TARGETS, "model.log_entry_missing", f"the 操作ログ should hold an entry of the "
                       f"{logged.operation} of the person ({' | '.join(sorted(targets))}; interpretation "
                       f"{reading})", f"{where}#{logged.operation}", " | ".join(sorted(targets)), "none")]
    judged = [(entry, _fields(logged, entry, window, where)) for entry in candidates]
    entry, breaches = next(((e, b) for e, b in judged if not b), judged[0])
    new.remove(entry)
    return breaches


def _fields(logged: Logged, entry: Mapping[str, Any], window: tuple[datetime, datetime],
            where: str) -> list[Breach]:
    """R006's 記録対象 of one entry."""
    at = f"{where}#{logged.operation}/"
    breaches = []
    operator = str(entry.get("操作者ID") or "")
    if (logged.operator is not None and operator != logged.operator) or not operator:
        breaches.append(Breach(LOG_FIELDS, "model.log_operator", "the entry should name who did the operation "
                               "(the user of the session it came in)", f"{at}操作者ID",
                               logged.operator or "an 操作者ID", operator or "none"))
    for name in ("端末名", "機能名"):
        if not str(entry.get(name) or ""):
            breaches.append(Breach(LOG_FIELDS, "model.log_field_missing", f"the entry should record its {name}",
                                   f"{at}{name}", f"a {name}", "none"))
    when = _moment(entry.get("日時"))
    if when is None or not window[0] <= when <= window[1]:
        breaches.append(Breach(LOG_FIELDS, "model.log_field_missing", "the entry should record when the operation "
                               "was done (ISO 8601 with its offset, during the step)", f"{at}日時",
                               f"{window[0].isoformat()} .. {window[1].isoformat()}", str(entry.get("日時"))))
    if logged.my_number and str(entry.get("個人番号アクセス")).lower() not in _ACCESSED:
        breaches.append(Breach(LOG_FIELDS, "model.log_my_number_access", "the operation read or wrote the person's "
                               "個人番号: the entry should say so (個人番号へのアクセス有無)", f"{at}個人番号アクセス",
                               "true", str(entry.get("個人番号アクセス"))))
    return breaches


def _names(target: Any, person: str) -> bool:
    """Whether an entry's 対象 names ``person`` (a list of 宛名番号, or a text holding them)."""
    if isinstance(target, list):
        return any(str(item) == person for item in target)
    return person in str(target or "")


def _moment(value: Any) -> datetime | None:
    """An entry's 日時 with its offset, or None."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _canonical(entry: Mapping[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str)


def carries_my_number(value: Any) -> bool:
    """Whether a request or an answer holds a non-empty 個人番号 anywhere."""
    if isinstance(value, Mapping):
        return any((key == "個人番号" and bool(str(item or ""))) or carries_my_number(item)
                   for key, item in value.items())
    if isinstance(value, list):
        return any(carries_my_number(item) for item in value)
    return False


#: The 対象 of a 抑止 (driver.yaml suppressions.set).
INDIVIDUAL, HOUSEHOLD = "個人", "世帯"
#: Its levels (3.1 R002: 抑止（エラー、アラートは表示されるが、処理可…）).
ERROR_LEVEL, ALERT_LEVEL = "エラー", "アラート"
#: The 照会 a 照会 抑止 covers among the machine's reads (the person and their history; interpretation yokushi).
SUPPRESSED_QUERIES = ("query.person", "query.history")
SUPPRESSION_READING = "jumin-1.0-interp-yokushi-model"


@dataclass(frozen=True)
class Suppression:
    """A 抑止 as the model holds it (3.1): on a person (``key`` their 宛名番号) or a 世帯 (its 世帯番号), for one
    処理, at one level, from its 開始日; its 終了日 is recorded and ends nothing (R006). Released ones are dropped."""

    number: str
    target: str
    key: str
    process: str
    level: str
    start: date
    end: date | None = None


def suppression_refusal(suppressions: Sequence[Suppression], operation: str, persons: Sequence[str],
                        household_of: Callable[[str], str], day: date) -> Refusal | None:
    """The 抑止's answer to ``operation`` on ``persons`` on the vendor's ``day``, or None: every 抑止 of its 処理 whose
    開始日 has come (R002; its 終了日 passed or not: R006) on one of the persons, or on the 世帯 one of them is in now
    (a member who joined since is covered: R002 個人及び世帯単位で), each at its own level (R008): the エラー E040
    where one is at エラー, else the アラート A040. The requirement it rests on is the 世帯's (R002) where a 世帯's
    抑止 is among them, else R006 where one's 終了日 has passed, else R008 (several settings, each on its own)."""
    process = CHANGE if operation in CHANGES else INQUIRY if operation in SUPPRESSED_QUERIES else None
    covering = [s for s in suppressions if s.process == process
                and any(s.key == (atena if s.target == INDIVIDUAL else household_of(atena)) for atena in persons)]
    found = [s for s in covering if s.start <= day]
    if not found:
        return None
    requirement = SUPPRESSION_SCOPE if any(s.target == HOUSEHOLD for s in found) else SUPPRESSION_END if any(
        s.end is not None and s.end < day for s in found) else SUPPRESSION_SETTINGS
    why = f"a {process} under {len(found)} 抑止 (interpretation {SUPPRESSION_READING})"
    if any(s.level == ERROR_LEVEL for s in found):
        return Refusal("error", frozenset({SUPPRESSED_ERROR}), requirement, why)
    # An エラー answered where only an アラート is in force: a 抑止 not yet begun applied (R002's 開始日).
    early = {SUPPRESSED_ERROR: SUPPRESSION_SCOPE} if any(s.level == ERROR_LEVEL for s in covering) else {}
    return Refusal("alert", frozenset({SUPPRESSED_ALERT}), requirement, why, answered=early)
