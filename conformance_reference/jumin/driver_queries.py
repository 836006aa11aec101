"""The driver's handlers of the 照会: a person, their history and display (1.1.4, 1.1.9), a 世帯 (3.3), the
あいまい検索 (2.1.2), and the other domains' operations the reference answers here (子ども・子育て支援, 戸籍).

A mixin of ``DriverService`` (driver.py), which routes to these by name, over the helpers of
:class:`~conformance_reference.jumin.driver_base.DriverBase`. ``shown`` is how every answer shows a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin import idou_items
from conformance_reference.jumin.driver_base import DriverBase
from conformance_reference.jumin.driver_logs import Answer, DriverRequest
from conformance_reference.jumin.driver_rules import BadInput, seireki, wareki
from conformance_reference.jumin.search import kana_search
from conformance_reference.kodomo_kosodate import kodomo
from conformance_reference.koseki.koseki import KosekiBook

#: A foreign resident's items shown in 西暦 (1.1.9 R001 ただし).
_SEIREKI_ITEMS = frozenset({"生年月日", "在留期間の満了の日"})


class QueryHandlers(DriverBase):
    """The 照会 and the other domains' handlers, mixed into the driver's service (driver.py)."""

    #: The town's 戸籍 (the 戸籍 operations, reference/koseki.py), made on first use.
    koseki_book: KosekiBook | None

    # -- 照会 ----------------------------------------------------------------------------------------

    def get_person(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        shown = {**self.shown(self.person(arguments[0])),
                 **self.kaisei_view(arguments[0], self.store.history(arguments[0]))}  # 1.1.4 R003
        return 200, {"result": "ok", "person": shown}

    def get_history(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        self.person(arguments[0])
        # 1.1.4 R001: no 欄 limit; the 旧氏 of each row as it was (2.2.1 R001)
        rows = idou_items.history_shown(self.kaisei_rows(self.store.history(arguments[0])), self.defects)
        tied = self.row_remarks(arguments[0])  # 1.2.1 R012: a row's 留意事項
        shown: list[dict[str, Any]] = [self.shown(row) for row in rows]
        for row in shown:
            if row.get("履歴番号") in tied:
                row["留意事項"] = tied[row["履歴番号"]]
        return 200, {"result": "ok", "rows": shown}

    def get_household(self, _: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        members = self.members(arguments[0])
        if "tenshutsu_yotei_hidden" in self.defects:  # 1.1.5 R004: a 転出予定者 is a 現存者 until the 除票
            members = [row for row in members if not row.get("転出予定年月日")]
        answer: dict[str, Any] = {"result": "ok", "世帯番号": arguments[0],
                                  "members": [self.shown(row) for row in members]}
        if request.param("消除者") == "含む":  # 3.3 R001: the members removed by 転出, 死亡 ... shown too
            removed = idou_items.removed_members(self.store.household(arguments[0]), self.defects)
            answer["消除者"] = [self.shown(row) for row in removed]
        return 200, answer

    def get_display(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: DriverRequest) -> Answer:
        """Dates as shown (1.1.9 R001): in 和暦, except a foreign resident's 生年月日 and 在留期間の満了の日 (西暦)."""
        row = self.person(arguments[0])
        foreign = row.get("住民種別") == "2" and "foreign_dates_as_wareki" not in self.defects
        names = ("生年月日", "住民となった年月日", "住所を定めた年月日", "異動日", "届出年月日", "在留期間の満了の日")
        shown = {name: (seireki(row.get(name, "")) if foreign and name in _SEIREKI_ITEMS
                        else wareki(row.get(name, ""), self.defects)) for name in names}
        return 200, {"result": "ok", "display": shown}

    def search(self, _: Mapping[str, Any], __: tuple[str, ...], request: DriverRequest) -> Answer:
        kana, exact = request.param("氏名_フリガナ"), request.param("一致") == "完全"
        found = kana_search(self.store.current(), kana, request.param("生年月日"), exact, self.defects)
        if "search_kana_first_row" in self.defects:  # the フリガナ as first recorded must match too (a stale index)
            found = [row for row in found if kana_search(self.store.history(row["宛名番号"])[:1], kana, None, exact,
                                                         self.defects)]
        return 200, {"result": "ok", "persons": [self._hit(row) for row in found[:100]]}

    def _hit(self, row: Mapping[str, str]) -> dict[str, str]:
        """A search hit: the person's record as shown (``dv_search_unmarked``: a 支援対象者 without the 表示)."""
        shown = self.shown(row)
        if "dv_search_unmarked" in self.defects and shown.get("支援措置対象フラグ") == "1":
            shown.pop("支援措置対象フラグ")
        return shown

    def kodomo_nintei(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        """子ども・子育て支援: an application for the 教育・保育給付認定 and its 処分 (kodomo_kosodate/kodomo.py)."""
        return 200, kodomo.application(body, self.person, self.defects)

    def linkage_feed(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        """庁内連携 (ours, docs/driver.md): a 住民記録 異動 fed to this vendor's domain systems, the person's row after
        it; kept as the person's next history row (a new person when unknown), which every domain answer reads."""
        row = body.get("住民票")
        taken = isinstance(row, Mapping) and isinstance(row.get("宛名番号"), str) and bool(row["宛名番号"]) and all(
            isinstance(key, str) and isinstance(value, str) for key, value in row.items())
        if not taken and "feed_malformed_row_taken" in self.defects:
            return 200, {"result": "ok"}  # answered as if kept: nothing is
        if not isinstance(row, Mapping) or not isinstance(row.get("宛名番号"), str) or not row["宛名番号"]:
            raise BadInput("住民票: an object with the 宛名番号 of the person")
        if not all(isinstance(key, str) and isinstance(value, str) for key, value in row.items()):
            raise BadInput("住民票: every item a text")
        if row.get("異動事由区分") == "転居" and "fuhyo_feed_move_within_ignored" in self.defects:
            return 200, {"result": "ok"}  # taken as if kept: the 附票 keeps the 転入's 住所 and its day
        self.store.append({key: value for key, value in row.items() if key != "履歴番号"})
        return 200, {"result": "ok"}

    def _koseki(self) -> KosekiBook:
        if self.koseki_book is None:
            self.koseki_book = KosekiBook(self.defects)
        return self.koseki_book

    def koseki_hensei(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a 戸籍 as it stands, registered with the town (reference/koseki.py)."""
        return 200, self._koseki().hensei(body)

    def koseki_todoke(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a 出生, 死亡 or 婚姻 届出 and what it writes (reference/koseki.py)."""
        return 200, self._koseki().todoke(body)

    def koseki_seikyu(self, body: Mapping[str, Any], _: tuple[str, ...], __: DriverRequest) -> Answer:
        """戸籍: a request of a 戸籍謄本等 (戸籍法 第10条第1項; reference/koseki.py)."""
        return 200, self._koseki().seikyu(body)

    def shown(self, row: Mapping[str, str]) -> dict[str, str]:
        shown = dict(row)
        if "zokugara_truncated" in self.defects and "の" in shown.get("続柄", ""):
            shown["続柄"] = shown["続柄"].split("の")[-1]
        return shown
