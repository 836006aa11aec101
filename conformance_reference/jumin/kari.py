"""仮登録・本登録 (住民記録 1.0 4.0.8 審査・決裁) of the reference vendor's driver (docs/driver.md).

A change request with ``仮登録: true`` is tried as if it were committed, inside a transaction that is
rolled back (so its エラー and アラート are answered at input, 11.1), and kept in the store's own
``pending`` table: the request to replay on 本登録, the rows it would write (what the 仮登録一覧 shows)
and its 入力支所. Nothing of it is in the history table, so every read path (the driver's person and
history, the linkage API, certificates, forms, exports) keeps showing the data before it (R007-R011)
until 本登録 replays it as the 異動 it is (R013-R015). While a person has a 仮登録, another 異動 of
theirs is refused (E020): one reading of R003's 「異動処理…については、抑止されること」.

This module does not import the driver (reference/driver.py imports it): the driver hands it a
``replay`` callable that runs one of its change handlers by name and answers refusals as answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance_reference.jumin.storage import PendingEntry, PendingStore, Row, Store

#: What a driver handler answers: the HTTP status and the JSON document.
Answer = tuple[int, dict[str, Any]]
#: Runs a change handler of the driver by name on a request body; refusals come back as answers.
Replay = Callable[[str, Mapping[str, Any]], Answer]
FLAG, BRANCH, NUMBER = "仮登録", "入力支所", "仮登録番号"
#: The driver's change handlers (reference/driver.py) a 仮登録 may hold, and whose persons it suppresses.
CHANGE_HANDLERS = frozenset({
    "move_in", "move_out", "confirm_out", "move_within", "birth", "death", "disappearance", "split", "merge",
    "head", "correct", "remove", "cancel", "nationality", "tsusho", "tsusho_delete", "kyushi", "moj_notice",
})
SUPPRESSED = "仮登録中の異動がある者です。本登録又は取消しの後に異動を入力してください。"


def flagged(body: Mapping[str, Any]) -> bool:
    """Whether a change request asks to be entered as 仮登録."""
    return body.get(FLAG) is True


def _named(body: Mapping[str, Any]) -> set[str]:
    """The 宛名番号 a request names (one, or a list)."""
    value = body.get("宛名番号")
    values = value if isinstance(value, list) else [value] if value else []
    return {str(number) for number in values}


@dataclass
class PendingService:
    """The 仮登録 of one store: enter, list, correct, cancel and 本登録 (the driver's ``pending.*``)."""

    store: Store
    replay: Replay
    defects: frozenset[str] = frozenset()
    book: PendingStore = field(init=False)

    def __post_init__(self) -> None:
        self.book = PendingStore(self.store)

    # -- 仮登録 --------------------------------------------------------------------------------------

    def enter(self, handler: str, body: Mapping[str, Any]) -> Answer:
        """Keep a change request as 仮登録 (R001, R002) when it would be committed."""
        request = {name: value for name, value in body.items() if name not in (FLAG, BRANCH)}
        if "kari_committed_at_once" in self.defects:  # the 異動 recorded at input, as if there were no 審査
            status, answer = self.replay(handler, request)
            return status, {**answer, NUMBER: "0"} if status == 200 else answer
        status, answer, rows = self._try(handler, request)
        if status != 200:
            return status, answer
        number = self.book.add(handler, request, rows, str(body.get(BRANCH) or ""))
        return 200, {**answer, NUMBER: str(number)}

    def _try(self, handler: str, request: Mapping[str, Any]) -> tuple[int, dict[str, Any], list[Row]]:
        """The answer of ``request`` and the rows it would write, with nothing kept."""
        with self.store.rolled_back():
            status, answer = self.replay(handler, request)
            persons = answer.get("persons") if status == 200 else None
            rows = [row for row in (self.store.latest(str(person.get("宛名番号", "")))
                                    for person in persons or () if isinstance(person, dict)) if row is not None]
        return status, answer, rows

    def suppressed(self, body: Mapping[str, Any]) -> Answer | None:
        """E020 when the request names a person with a 仮登録 (R003: 異動処理…抑止); None otherwise."""
        pending = {row.get("宛名番号", "") for entry in self.book.entries() for row in entry.persons}
        blocked = sorted(_named(body) & pending)
        if not blocked:
            return None
        return 422, {"result": "error", "code": "E020", "item": "宛名番号", "message": f"{SUPPRESSED}（{blocked[0]}）"}

    # -- 仮登録一覧 ----------------------------------------------------------------------------------

    def listing(self, branch: str | None, atena: str | None) -> Answer:
        """The 仮登録一覧 (R004, R005): one line per 異動者, all or those of one 入力支所 or person."""
        lines = [_line(entry, row) for entry in self._selected(branch=branch) for row in entry.persons
                 if atena in (None, "", row.get("宛名番号"))]
        return 200, {"result": "ok", "pending": lines}

    def _selected(self, *, everything: bool = True, atenas: Iterable[str] = (), branch: str | None = None,
                  ) -> list[PendingEntry]:
        wanted = set(atenas)
        entries = self.book.entries()
        if "kari_selection_ignored" in self.defects:
            return entries
        if branch:
            return [entry for entry in entries if entry.branch == branch]
        if wanted:
            return [entry for entry in entries if wanted & {row.get("宛名番号", "") for row in entry.persons}]
        return entries if everything else []

    def _entry(self, body: Mapping[str, Any]) -> PendingEntry:
        number = str(body.get(NUMBER, ""))
        found = next((entry for entry in self.book.entries() if str(entry.number) == number), None)
        if found is None:
            raise KeyError(f"no 仮登録 with 仮登録番号 {number!r}")
        return found

    # -- 取消・修正 (R003) ---------------------------------------------------------------------------

    def cancel(self, body: Mapping[str, Any]) -> Answer:
        """Cancel a 仮登録: it is gone, and nothing of it was ever in the history."""
        entry = self._entry(body)
        if "kari_cancel_ignored" not in self.defects:
            self.book.remove(entry.number)
        return 200, {"result": "ok", NUMBER: str(entry.number), "persons": _persons(entry.persons)}

    def correct(self, body: Mapping[str, Any]) -> Answer:
        """Correct a 仮登録: the fields given replace those of its request, tried again as at input."""
        entry = self._entry(body)
        request = {**entry.body, **{name: value for name, value in body.items() if name not in (NUMBER, FLAG)}}
        status, answer, rows = self._try(entry.operation, request)
        if status != 200:
            return status, answer
        if "kari_correct_ignored" not in self.defects:
            self.book.replace(entry.number, request, rows)
        return 200, {**answer, NUMBER: str(entry.number)}

    # -- 本登録 (決裁) --------------------------------------------------------------------------------

    def commit(self, body: Mapping[str, Any]) -> Answer:
        """本登録 of every 仮登録 (``全部``), of the persons selected (``宛名番号``) or of one 入力支所: each is
        replayed as the 異動 it holds, oldest first. A refusal stops there (the earlier ones stay committed)."""
        atenas = body.get("宛名番号") or []
        selected = self._selected(everything=body.get("全部") is True, branch=str(body.get(BRANCH) or "") or None,
                                  atenas=[str(number) for number in atenas] if isinstance(atenas, list) else [])
        persons: list[dict[str, str]] = []
        for entry in selected:
            status, answer = (200, {"persons": _persons(entry.persons)}) if "kari_commit_lost" in self.defects \
                else self.replay(entry.operation, entry.body)
            if status != 200:
                return status, {**answer, NUMBER: str(entry.number)}
            self.book.remove(entry.number)
            persons.extend(answer.get("persons") or ())
        return 200, {"result": "ok", "persons": persons, "本登録": [str(entry.number) for entry in selected]}

    # -- the defects that show a 仮登録 elsewhere ---------------------------------------------------

    def leaked(self, row: Row, defect: str) -> Row:
        """``row`` as a read path shows it: the 仮登録's row instead under ``defect`` (kari_linkage_leak on the
        linkage API's resident, kari_certificate_leak on certificates), the stored row otherwise."""
        if defect not in self.defects:
            return row
        for entry in reversed(self.book.entries()):
            for pending in entry.persons:
                if pending.get("宛名番号") == row.get("宛名番号"):
                    return dict(pending)
        return row


def _line(entry: PendingEntry, row: Mapping[str, str]) -> dict[str, Any]:
    return {NUMBER: str(entry.number), "操作": entry.operation, BRANCH: entry.branch,
            "宛名番号": row.get("宛名番号", ""), "世帯番号": row.get("世帯番号", ""), "内容": dict(row)}


def _persons(rows: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    return [{"宛名番号": row.get("宛名番号", ""), "世帯番号": row.get("世帯番号", "")} for row in rows]
