"""Judge what a vendor did against what the model's transition says.

A :class:`Breach` names the requirement whose rule broke, a stable code, the item (or '' for the whole
record) and the expected and actual values, raw: whoever reports it masks personal values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.rules import Refusal, Row, RowRule
from conformance.domains.jumin.oracles.model.world import World
from conformance.oracles.identifiers import is_valid_m11w2_7

#: Which items "kept" is judged on (the catalog's data items, the spec's named ones): the vendor's own
#: bookkeeping (a 世帯加入順, a join order) is not the text's.
Judged = Callable[[str], bool]


@dataclass(frozen=True)
class Breach:
    """A rule of the model the vendor did not follow."""

    requirement: str
    code: str
    message: str
    item: str = ""
    expected: str | None = None
    actual: str | None = None


def judge_refusal(refusal: Refusal, status: int, document: Any) -> list[Breach]:
    """The operation was refused with one of the codes, as an エラー (422) or アラート (409), the answer
    naming the field that caused it and saying why (11.1 R005)."""
    statuses = refusal.statuses or frozenset({422 if refusal.kind == "error" else 409})
    codes = _codes(document, refusal.kind)
    if status not in statuses or not codes & refusal.codes:
        answered = refusal.answered.get(str(document.get("code"))) if isinstance(document, dict) else None
        requirement = r.CALENDAR_DAY if _no_calendar_day(document) and "E005" not in refusal.codes \
            else answered or refusal.requirement
        return [Breach(requirement, f"model.no_{refusal.kind}",
                       f"the operation should be refused ({refusal.why})", "",
                       f"{'|'.join(map(str, sorted(statuses)))} {'|'.join(sorted(refusal.codes))}",
                       f"{status} {_answered(document)}".strip())]
    return _explained(refusal, _detail(document, refusal))


def _detail(document: dict[str, Any], refusal: Refusal) -> dict[str, Any]:
    """The エラー itself, or the first アラート with one of the codes."""
    if refusal.kind == "error":
        return document
    return next(alert for alert in document["alerts"]
                if isinstance(alert, dict) and str(alert.get("code")) in refusal.codes)


def _explained(refusal: Refusal, detail: dict[str, Any]) -> list[Breach]:
    """11.1 R005: 原因となったエラー・アラート項目 (``item``, one of the fields that caused it) and 理由・対応方法
    (a ``message``; its wording is the vendor's)."""
    breaches = []
    item = "" if detail.get("item") is None else str(detail.get("item"))
    if refusal.items and item not in refusal.items:
        breaches.append(Breach(r.REFUSAL_EXPLAINED, "model.refusal_item", "the refusal should name the field "
                               f"that caused it ({refusal.why})", "item", " | ".join(sorted(refusal.items)), item))
    if not isinstance(detail.get("message"), str) or not detail["message"].strip():
        breaches.append(Breach(r.REFUSAL_EXPLAINED, "model.refusal_message", "the refusal should say why "
                               f"({refusal.why})", "message", "a message", str(detail.get("message"))))
    return breaches


def judge_committed(status: int, document: Any, requirement: str) -> list[Breach]:
    """The operation was committed (200, ``result: ok``)."""
    if status == 200 and isinstance(document, dict) and document.get("result") == "ok":
        return []
    code = document.get("code") if isinstance(document, dict) else None
    if _no_calendar_day(document):
        requirement = r.CALENDAR_DAY
    elif "A001" in _codes(document, "alert"):  # the 3情報's アラート where they are not all one 除票's
        requirement = r.RE_ENTRY
    elif r.LOW_STOCK in _codes(document, "alert"):  # the 住民票コード stock's アラート where the 下限 is not crossed
        requirement = r.CODES_LOW
    elif code == r.SUPPRESSED_ERROR or r.SUPPRESSED_ALERT in _codes(document, "alert"):
        requirement = r.SUPPRESSION_SCOPE  # a 抑止 applied where none is in force (before its 開始日, another 世帯)
    return [Breach(requirement, "model.not_committed", "the operation should be committed", "", "200 ok",
                   f"{status} {code or _answered(document)}".strip())]


def _answered(document: Any) -> str:
    """The codes of an answer, its エラー's and its アラート's, for the finding's actual value."""
    return ",".join(sorted(_codes(document, "error") | _codes(document, "alert")))


def _no_calendar_day(document: Any) -> bool:
    """The vendor refused a day as no calendar day (E005) where the model does not: whatever the 異動, the
    rule broken is 1.1.8 R001's (a calendar day, or a 出生・死亡・失踪 異動日 that may be none, is accepted)."""
    return isinstance(document, dict) and document.get("result") == "error" and document.get("code") == "E005"


def _codes(document: Any, kind: str) -> set[str]:
    if not isinstance(document, dict):
        return set()
    if kind == "error":
        return {str(document.get("code"))} if document.get("result") == "error" else set()
    alerts = document.get("alerts") if document.get("result") == "alert" else None
    return {str(alert.get("code")) for alert in alerts or () if isinstance(alert, dict)}


def judge_history(rules: Sequence[RowRule], before: Sequence[Row], after: Sequence[Row], judged: Judged,
                  world: World) -> list[Breach]:
    """The person gained exactly one row per rule, the earlier rows unchanged (1.2.1 R017, 4.6.0.1 R003),
    履歴番号 counting up (1.2.1 R016), each new row as its rule says."""
    if len(after) != len(before) + len(rules):
        return [Breach(r.KEEP_ALL, "model.history_rows", "the 異動 should append one history row per change",
                       "", str(len(before) + len(rules)), str(len(after)))]
    if list(after[: len(before)]) != list(before):
        return [Breach(r.KEEP_ALL, "model.history_rewritten", "earlier history rows should stay as they were")]
    breaches: list[Breach] = []
    previous = before[-1] if before else None
    for rule, row in zip(rules, after[len(before):], strict=True):
        breaches += _row_number(previous, row)
        breaches += judge_row(rule, row, judged, world)
        previous = row
    return breaches


def judge_marked(rule: RowRule, before: Sequence[Row], after: Sequence[Row], judged: Judged,
                 world: World) -> list[Breach]:
    """The 支援対象者である旨の表示 (1.1.16 R001) on the person's 原票, which is no 異動 (1.2.2 lists none for it):
    written on the latest row in place (only the items the rule sets change: the 異動's own items and every
    other stay), as one new row (judged as a 異動's: every other item kept, 1.2.1 R017), or not at all where
    the rule lets the row stay as it is."""
    if len(after) == len(before) + 1:
        return judge_history((rule,), before, after, judged, world)
    if len(after) != len(before):
        return [Breach(r.KEEP_ALL, "model.history_rows", "the 表示 of a 支援措置 should change the latest row or "
                       "append one", "", f"{len(before)} or {len(before) + 1}", str(len(after)))]
    if list(after[:-1]) != list(before[:-1]):
        return [Breach(r.KEEP_ALL, "model.history_rewritten", "earlier history rows should stay as they were")]
    latest, row = before[-1], after[-1]
    kept = [Breach(r.KEEP_ALL, "model.item_not_kept", f"{name} should be kept (全項目の内容を保持)", name, value,
                   row.get(name, ""))
            for name, value in latest.items() if name in r.BOOKKEEPING and judged(name) and row.get(name, "") != value]
    return kept + judge_row(rule, row, judged, world)


def _row_number(previous: Row | None, row: Row) -> list[Breach]:
    wanted = str(int(previous.get("履歴番号") or 0) + 1) if previous is not None else "1"
    if str(row.get("履歴番号", "")) == wanted:
        return []
    return [Breach(r.HISTORY_KEY, "model.history_number", "履歴番号 should count up by one from 1", "履歴番号",
                   wanted, str(row.get("履歴番号", "")))]


def judge_row(rule: RowRule, row: Row, judged: Judged, world: World) -> list[Breach]:
    """One new row: every item the rule sets has an allowed value, numbers are new and valid, and every
    other judged item keeps the value of the row before (1.2.1 R017)."""
    breaches = [Breach(allowed.requirement, "model.item_not_allowed",
                       f"{name} should be {_describe(allowed.values)}" + _reading(allowed.interpretation), name,
                       _describe(allowed.values), row.get(name, ""))
                for name, allowed in rule.sets.items() if not allowed.admits(row.get(name, ""))]
    breaches += _numbers(rule.numbers, row, world)
    if rule.before is not None:
        free = set(rule.sets) | set(rule.numbers) | r.BOOKKEEPING
        breaches += [Breach(r.KEEP_ALL, "model.item_not_kept", f"{name} should be kept (全項目の内容を保持)", name,
                            value, row.get(name, ""))
                     for name, value in rule.before.items()
                     if name not in free and judged(name) and row.get(name, "") != value]
    return breaches


def _numbers(numbers: Mapping[str, str], row: Row, world: World) -> list[Breach]:
    """宛名番号 and 世帯番号 the vendor assigned: serial plus check digit (1.1.13 R002), never one in use."""
    breaches = []
    for item in numbers:
        value = row.get(item, "")
        if not is_valid_m11w2_7(value):
            breaches.append(Breach(r.NUMBERING, "model.number_invalid", f"a new {item} should be a serial with "
                                   "its M11W2-7 check digit", item, "M11W2-7", value))
        elif value in world.numbers(item):
            breaches.append(Breach(r.NUMBERING if item == "宛名番号" else r.DESTINATION, "model.number_reused",
                                   f"a new {item} should be one no other record has", item, "a new number", value))
    return breaches


def _describe(values: frozenset[str] | None) -> str:
    if values is None:
        return "any value"
    return " | ".join(sorted(repr(value) if value == "" else value for value in values))


def _reading(interpretation: str | None) -> str:
    return f" (interpretation {interpretation})" if interpretation else ""
