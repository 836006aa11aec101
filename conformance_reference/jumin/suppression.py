"""The reference's 異動・発行・照会抑止 (住民記録 1.0 3.1): 抑止 set on a person or a 世帯, each for one
処理 with its level, and what the 処理 then answers.

Ours (docs/driver.md, driver.yaml ``suppressions.set`` and ``suppressions.release``, ``confirmed: false``):
a 抑止 names its 対象 (個人 with a 宛名番号, 世帯 with a 世帯番号), its 処理 (異動入力, 照会,
証明書発行), its レベル (エラー or アラート) and its 開始日 and 終了日. Several may be set on one person
(R008), each judged on its own. A driver request of a suppressed 処理 is answered, before its handler
runs, with the エラー E040 (nothing done) or the アラート A040 (done once the request is repeated with
A040 in ``confirm``: for a read, the query parameter). A 抑止 is in force from its 開始日 until it is
released (``suppressions.release``): its 終了日 is a date recorded, never an automatic end (R006).
証明書発行 is the linkage API's (forms); the reference records such a 抑止 and leaves its forms alone
(not judged through the driver).

Named defects (defects.py): ``yokushi_ends_on_end_date`` (R006), ``yokushi_last_setting_only`` and
``yokushi_release_lifts_all`` (R008), ``yokushi_household_ignored``, ``yokushi_start_ignored`` and
``yokushi_household_members_at_setting`` (R002).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from conformance import clock
from conformance_reference.jumin.storage import CsOutbox, Store, UnitBook
from conformance_reference.jumin.users import PROCESSES, named_persons

Answer = tuple[int, dict[str, Any]]
ERROR, ALERT = "エラー", "アラート"
INDIVIDUAL, HOUSEHOLD = "個人", "世帯"
#: The 処理 a 抑止 may name, and the driver handlers each covers (証明書発行: the linkage API's forms).
SUPPRESSIBLE: Mapping[str, frozenset[str]] = {
    "異動入力": PROCESSES["異動入力"] - {"edits_begin", "edits_end", "pending_commit", "pending_cancel",
                                         "pending_correct"},
    "照会": frozenset({"get_person", "get_history", "get_display"}),
    "証明書発行": frozenset(),
}
CODES = {ERROR: "E040", ALERT: "A040"}
#: 3.1 R009: where a 証明書発行 抑止's setting and release go at once; 3.2 R001: every 抑止's to the 宛名システム.
KONBINI, TOGO_ATENA, CS_KIND = "コンビニ交付システム", "団体内統合宛名システム", "証明書発行抑止情報"
SET, RELEASED = "設定", "解除"


@dataclass(frozen=True)
class Suppression:
    number: str
    target: str
    key: str
    process: str
    level: str
    start: str
    end: str
    #: The 世帯's members when the 抑止 was set (read only under the defect ``yokushi_household_members_at_setting``).
    members: frozenset[str] = frozenset()

    def covers(self, process: str, atena: str, household: str, day: date,
               defects: frozenset[str] = frozenset()) -> bool:
        """The 抑止 names this 処理 and the person (or their 世帯), and its 開始日 has come (R002). The defects:
        ``yokushi_start_ignored`` applies it from its setting, ``yokushi_household_ignored`` matches a 世帯's
        抑止 against the 宛名番号 only (so it never reaches the members)."""
        started = not self.start or self.start <= day.isoformat() or "yokushi_start_ignored" in defects
        if self.process != process or not started:
            return False
        if "yokushi_household_ignored" in defects:
            return self.key == atena
        if self.target == HOUSEHOLD and "yokushi_household_members_at_setting" in defects:
            return atena in self.members  # A defect: the members it had when set, not who is in it now.
        return self.key == (atena if self.target == INDIVIDUAL else household)


@dataclass
class SuppressionBook:
    """The 抑止 of one reference vendor."""

    store: Store
    defects: frozenset[str] = frozenset()
    today: Callable[[], date] = clock.today
    settings: dict[str, Suppression] = field(default_factory=dict)
    _serial: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add(self, body: Mapping[str, Any]) -> Answer:
        """``suppressions.set``: one 抑止 (several may be set on one person)."""
        target, process, level = (str(body.get(name) or "") for name in ("対象", "処理", "レベル"))
        key = str(body.get("宛名番号" if target == INDIVIDUAL else "世帯番号") or "")
        if target not in (INDIVIDUAL, HOUSEHOLD) or process not in SUPPRESSIBLE or level not in CODES or not key:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "対象 (個人 with 宛名番号 | 世帯 with "
                         "世帯番号), 処理 (異動入力 | 照会 | 証明書発行) and レベル (エラー | アラート) are required"}
        number = f"Y{next(self._serial):06d}"
        if "yokushi_last_setting_only" in self.defects:  # one 抑止 per 対象: a new one replaces the earlier
            self.settings = {n: s for n, s in self.settings.items() if (s.target, s.key) != (target, key)}
        self.settings[number] = Suppression(number, target, key, process, level, str(body.get("開始日") or ""),
                                            str(body.get("終了日") or ""))
        if target == HOUSEHOLD and "yokushi_household_members_at_setting" in self.defects:
            self.settings[number] = replace(self.settings[number], members=frozenset(
                self._covered(self.settings[number])))
        self._linked(self.settings[number], SET)
        return 200, {"result": "ok", "抑止番号": number}

    def release(self, body: Mapping[str, Any]) -> Answer:
        """``suppressions.release``: the 抑止 ends (本解除)."""
        released = self.settings.pop(str(body.get("抑止番号") or ""), None)
        if released is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 抑止 with this 抑止番号"}
        if "yokushi_release_lifts_all" in self.defects:  # A defect: the 本解除 of one lifts every 抑止 of its 対象.
            self.settings = {n: s for n, s in self.settings.items()
                             if (s.target, s.key) != (released.target, released.key)}
        if "yokushi_release_not_linked" not in self.defects:
            self._linked(released, RELEASED)
        return 200, {"result": "ok"}

    def _linked(self, setting: Suppression, change: str) -> None:
        """3.2 R001: the 抑止's 設定 or 解除 sent to the 団体内統合宛名システム for each person it covers; 3.1 R009: a
        証明書発行 抑止's to the コンビニ交付システム and the 住基ネット CS as well (``units.sent``, ``cs.sent``)."""
        message = {"種別": "抑止情報", "区分": change, "抑止番号": setting.number, "処理": setting.process,
                   "レベル": setting.level, "開始日": setting.start, "終了日": setting.end}
        units, outbox = UnitBook(self.store), CsOutbox(self.store)
        for atena in self._covered(setting):
            units.send(TOGO_ATENA, atena, {**message, "宛名番号": atena})
            if setting.process == "証明書発行":
                units.send(KONBINI, atena, {**message, "宛名番号": atena})
                outbox.add(CS_KIND, atena, {**message, "種別": CS_KIND, "宛名番号": atena, "状態": "送信済"})

    def _covered(self, setting: Suppression) -> list[str]:
        if setting.target == INDIVIDUAL:
            return [setting.key]
        return sorted({row["宛名番号"] for row in self.store.household(setting.key) if row.get("住民状態") == "1"})

    def marked(self, atena: str) -> bool:
        """3.1 R007: the person is under a 抑止 in force today (of their own or of their 世帯), as a search shows it.
        The defect ``yokushi_search_household_unmarked`` looks at the person's own 抑止 only."""
        day = self.today()
        household = "" if "yokushi_search_household_unmarked" in self.defects else self._household(atena)
        return any((not s.start or s.start <= day.isoformat()) and self._in_force(s, day)
                   and s.key == (atena if s.target == INDIVIDUAL else household) for s in self.settings.values())

    def refusal(self, handler: str, persons: set[str], confirmed: set[str]) -> Answer | None:
        """The エラー or unconfirmed アラート of a suppressed 処理 on one of ``persons``, else None."""
        process = next((name for name, handlers in SUPPRESSIBLE.items() if handler in handlers), None)
        if process is None or not self.settings:
            return None
        day = self.today()
        found = [s for s in self.settings.values() for atena in sorted(persons)
                 if s.covers(process, atena, self._household(atena), day, self.defects) and self._in_force(s, day)]
        level = ERROR if any(s.level == ERROR for s in found) else ALERT if found else None
        if level is None or (level == ALERT and CODES[ALERT] in confirmed):
            return None
        # 11.1 R005: the item that caused it, the person selected (none under a defect).
        item = "" if "yokushi_refusal_no_item" in self.defects else "宛名番号"
        detail = {"code": CODES[level], "item": item, "message": f"{process}の抑止対象者です。"}
        if level == ERROR:
            return 422, {"result": "error", **detail}
        return 409, {"result": "alert", "alerts": [detail]}

    def _in_force(self, setting: Suppression, day: date) -> bool:
        """R006: a 抑止 does not end on its 終了日 (the defect ends it there)."""
        return not ("yokushi_ends_on_end_date" in self.defects and setting.end and setting.end < day.isoformat())

    def _household(self, atena: str) -> str:
        row = self.store.latest(atena)
        return row.get("世帯番号", "") if row is not None else ""


class SuppressionHandlers:
    """The driver operations of 3.1, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]
    suppression_book: SuppressionBook | None

    def suppressions(self) -> SuppressionBook:
        if self.suppression_book is None:
            self.suppression_book = SuppressionBook(self.store, self.defects, self.today)
        return self.suppression_book

    def suppressions_set(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``suppressions.set``."""
        return self.suppressions().add(body)

    def suppressions_release(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``suppressions.release``."""
        return self.suppressions().release(body)

    def suppressed(self, name: str, body: Mapping[str, Any], arguments: tuple[str, ...], request: Any) -> Answer | None:
        """The 抑止's answer to a request before its handler runs, or None."""
        if request.method == "POST":
            persons, confirmed = named_persons(body), set(map(str, body.get("confirm") or []))
        else:
            persons = {arguments[0]} if arguments else set()
            confirmed = set((request.param("confirm") or "").split(","))
        return self.suppressions().refusal(name, persons, confirmed)
