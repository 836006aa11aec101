"""The reference's 入力場所 and 入力端末 (住民記録 1.0 1.3.1 R001; 1.2.1 R010, R011).

The places the system is used at (本庁, 支所, 出張所, 住民記録システム利用課 ...) and the terminals of each are
registered (``terminals.register``: an 入力端末 with its 入力場所) and read back (``terminals.list``); the adapter's
own terminal (``DEFAULT``, 本庁) is registered from the start. A change request may name the registered
terminal it is made at (its optional field ``入力端末``; absent: the adapter's own): every history row it writes
records the 入力場所 and the 入力端末 (1.2.1 R010, R011). An unregistered terminal is refused (400). Kept in the
store's ``setting`` table.

Named defects (defects.py): ``terminal_place_dropped`` (the 入力場所 given with a terminal is not kept: every
terminal counts as the 本庁's), ``terminal_lost_on_correction`` (the rows of a 職権修正・軽微な修正・誤記修正 carry
no 入力場所 nor 入力端末).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin.storage import Store

Answer = tuple[int, dict[str, Any]]
PLACE, TERMINAL = "入力場所", "入力端末"
#: The adapter's own terminal, registered from the start.
DEFAULT = {TERMINAL: "REFERENCE-TERM01", PLACE: "本庁"}
_SETTING = "入力端末"
#: The handlers whose rows the ``terminal_lost_on_correction`` defect leaves without a terminal.
_CORRECTIONS = frozenset({"correct"})


class TerminalHandlers:
    """``terminals.register`` and ``terminals.list``, and the terminal a change is made at."""

    store: Store
    defects: frozenset[str]
    #: The 入力場所 and 入力端末 the rows of the change in hand record (set per request).
    terminal_stamp: dict[str, str] | None = None

    def terminals(self) -> list[dict[str, str]]:
        return [DEFAULT, *[dict(entry) for entry in self.store.setting(_SETTING) or []]]

    def terminals_register(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``terminals.register``: an 入力端末 and the 入力場所 it is at (a new one replaces one of that name)."""
        terminal, place = str(body.get(TERMINAL) or "").strip(), str(body.get(PLACE) or "").strip()
        if not terminal or not place:
            raise ValueError("入力端末 and 入力場所 are required")
        if "terminal_place_dropped" in self.defects:
            place = DEFAULT[PLACE]
        kept = [entry for entry in self.store.setting(_SETTING) or [] if entry[TERMINAL] != terminal]
        self.store.put_setting(_SETTING, [*kept, {TERMINAL: terminal, PLACE: place}])
        return 200, {"result": "ok", TERMINAL: terminal, PLACE: place}

    def terminals_list(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``terminals.list``: the 入力場所 and the 入力端末 registered."""
        entries = self.terminals()
        places = list(dict.fromkeys(entry[PLACE] for entry in entries))
        return 200, {"result": "ok", PLACE: places, TERMINAL: entries}

    def stamp_terminal(self, handler: str, body: Mapping[str, Any]) -> None:
        """The 入力場所 and 入力端末 the rows of this change record: the terminal named, else the adapter's own."""
        named = str(body.get(TERMINAL) or "")
        entry = next((e for e in self.terminals() if e[TERMINAL] == named), None) if named else DEFAULT
        if entry is None:
            raise ValueError(f"入力端末 {named!r} is not registered (terminals.register)")
        lost = handler in _CORRECTIONS and "terminal_lost_on_correction" in self.defects
        self.terminal_stamp = {PLACE: "", TERMINAL: ""} if lost else {PLACE: entry[PLACE], TERMINAL: entry[TERMINAL]}
