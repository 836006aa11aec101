"""The reference's 改製 of a 住民票（原票） (住民記録 1.0 1.1.4 R001-R003).

The 原票 has no 欄 limit: every 異動 appends its history row however many there are, and nothing 改製s it by
itself (R001). Staff may 改製 it by hand at any time (``kaisei``, R002): the 改製年月日 is kept and shown on the
person (``query.person``'s ``改製年月日``, the latest; R003), and the 異動履歴 stays whole (the rows of the 原票
before the 改製 are the 改製原住民票's, still read by ``query.history``). A 改製 is no 異動 (1.2.2 has no 区分
for it): no history row, nothing sent. Kept in the store's ``setting`` table.

Named defects (defects.py): ``kaisei_when_full`` (a 原票 of 20 欄: the 21st 異動 改製s it by itself, the
異動履歴照会 then shows the new 原票's rows only), ``kaisei_only_when_full`` (a 改製 by hand is refused until
the 原票 is full), ``kaisei_date_not_kept`` (the 改製 is done, its date not kept).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from conformance_reference.jumin.storage import Row, Store

Answer = tuple[int, dict[str, Any]]
#: The setting holding a person's 改製年月日, in order.
_SETTING = "改製:"
#: The 欄 of a 原票 under the ``kaisei_when_full`` and ``kaisei_only_when_full`` defects.
FULL = 20
DATE_ITEM = "改製年月日"


class KaiseiHandlers:
    """The driver operation ``kaisei`` and what the person view adds, mixed into the driver's service."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]

    def kaisei(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``kaisei``: a 手動改製 of the person's 原票 on ``改製年月日`` (default: today)."""
        atena = str(body["宛名番号"])
        history = self.store.history(atena)
        if not history:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no person with this 宛名番号"}
        day = date.fromisoformat(str(body["改製年月日"])) if body.get("改製年月日") else self.today()
        if "kaisei_only_when_full" in self.defects and len(history) < FULL:
            return 422, {"result": "error", "code": "E060", "item": "宛名番号",
                         "message": "満欄となっていない住民票は改製できません。"}
        if "kaisei_date_not_kept" not in self.defects:
            self.store.put_setting(_SETTING + atena, [*self.kaisei_dates(atena), day.isoformat()])
        return 200, {"result": "ok", "宛名番号": atena, DATE_ITEM: day.isoformat()}

    def kaisei_dates(self, atena: str) -> list[str]:
        return list(self.store.setting(_SETTING + atena) or [])

    def kaisei_view(self, atena: str, history: list[Row]) -> dict[str, str]:
        """What the person view adds: the latest 改製年月日 (the day of the 21st 異動 under ``kaisei_when_full``)."""
        dates = self.kaisei_dates(atena)
        if "kaisei_when_full" in self.defects and len(history) > FULL:
            dates.append(history[FULL * ((len(history) - 1) // FULL)].get("処理日", ""))
        return {DATE_ITEM: max(dates)} if dates else {}

    def kaisei_rows(self, history: list[Row]) -> list[Row]:
        """The rows the 異動履歴照会 shows: all of them (R001); under ``kaisei_when_full`` those of the 原票 made by
        the last automatic 改製."""
        if "kaisei_when_full" in self.defects and len(history) > FULL:
            return history[FULL * ((len(history) - 1) // FULL):]
        return history
