"""The vendor's read paths, each compared with the model: the driver's reads and the linkage API's list
(異動差分), detail, history and household documents. Every path showing a person must show the model's
record (cross-output consistency); a value is compared as text (JSON null and '' alike, numbers as
their digits).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conformance.domains.jumin.model.feeds import across_change, full_walk, same_instant
from conformance.domains.jumin.model.forms import CertificateForms, founders_out_of_order
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.errors import TargetError
from conformance.scenarios import DriverClient
from conformance.targets.base import HttpClient
from conformance.targets.exports import ApiExportSource

#: Pages of the 異動差分 list read before giving up (a vendor listing more than this since a step is wrong).
MAX_DIFF_PAGES = 20
#: Rows of one page when the 異動差分 is read at once (a step changes a few persons).
DIFF_LIMIT = 1000
#: The export the model reconciles with its records, record by record (the catalog's residents layout).
EXPORT_LAYOUT = "residents_csv"
#: 住民票の写しの交付 (interfaces.yaml issue_certificate: 403 for a 支援措置対象者).
CERTIFICATE_PATH = "/certificates"
#: 住民基本台帳の一部の写し（閲覧用） of a 町字 (interfaces.yaml inspection_list: 支援対象者を除く).
INSPECTION_PATH = "/inspection-list"
#: The driver's searches a profile may declare, each a read path of the model: 2.1.2's フリガナ search and 2.1.3's
#: 基本検索 (docs/driver.md).
KANA_SEARCH, BASIC_SEARCH = "query.search", "search.basic"
SEARCHES = (KANA_SEARCH, BASIC_SEARCH)
#: The persons a search answer lists at most (driver.yaml search.basic: at most 100): a person missing from a full
#: answer may be one of those cut off, so it is not judged.
SEARCH_LIMIT = 100
#: The export's items that tell its records apart: a person's row (1.2.1 R018) and the person (a 個人番号 is one
#: person's: 4.1.1.2 R002 brings a 再転入者 back under the 除票's 宛名番号).
HISTORY, MY_NUMBER = "履歴番号", "個人番号"


def text(value: Any) -> str:
    """A JSON value as the model's text ('' for null, digits for a number)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def as_row(document: Any) -> dict[str, str]:
    """A JSON object of data items as a row ({} when it is not an object)."""
    if not isinstance(document, dict):
        return {}
    return {str(key): text(value) for key, value in document.items() if not isinstance(value, dict | list)}


@dataclass
class Paths:
    """What the harness can read of the vendor: the driver and the linkage API."""

    driver: DriverClient
    linkage: HttpClient | None
    judged: Callable[[str], bool]
    #: The vendor's export API (None: exports from a directory, written once, or none: not compared).
    exports: ApiExportSource | None = None
    #: Whether the linkage API issues a 住民票の写し at all (asked once, for a 住民 no 支援措置 names): without it a
    #: refusal says nothing, and only the marks are judged. None: not asked yet.
    issuing: bool | None = None
    #: The driver's searches the profile declares (``SEARCHES``): each is asked for the persons a step changed.
    searches: frozenset[str] = frozenset()
    #: The 住民票の写し as the form interface gives it (None: no API or no such form in the catalog).
    forms: CertificateForms | None = None

    @property
    def exporting(self) -> bool:
        """Whether the profile offers the export the model reconciles (10.6 R001 judged by the model)."""
        return self.exports is not None and self.exports.offers(EXPORT_LAYOUT)

    def compare_exports(self, worlds: Sequence[World]) -> list[list[Breach]]:
        """The residents export, fetched once now, against each example's model record by record (10.6
        R001), both ways (interpretation export-records): every 住民 of a model is there with the values of its
        latest row; a 除票 may be absent, and where it is there it reads as its record. A person's other
        records, where the export holds their history, are each one of their rows (by 履歴番号), once, as the
        record holds it (``model.export_extra``); a 住民 of a model's 世帯, or a record holding a model person's
        個人番号, that no model holds is a person the records do not have (``model.export_unknown``). A
        支援対象者 it lists carries the 支援措置's marks (3.4: ``_export_marked``). Only the models' persons and
        世帯 are read (the test town is not judged here). One list of breaches per world, in order."""
        if self.exports is None or not self.exporting or not worlds:
            return [[] for _ in worlds]
        try:
            exported = self.exports.fetch_current(EXPORT_LAYOUT)
        except TargetError as error:
            unreadable = Breach(r.EXPORTED, "model.export_unreadable", "the residents export could not be fetched",
                                EXPORT_LAYOUT, "the export", str(error))
            return [[unreadable]] + [[] for _ in worlds[1:]]
        wanted = {atena for world in worlds for atena in world.persons}
        households = {setai: index for index, world in enumerate(worlds) for setai in world.households()}
        my_numbers = {row[MY_NUMBER]: index for index, world in enumerate(worlds)
                      for rows in world.persons.values() for row in rows if row.get(MY_NUMBER)}
        found: dict[str, list[tuple[int, dict[str, str]]]] = {}
        strangers: list[list[tuple[int, dict[str, str]]]] = [[] for _ in worlds]
        encoding = "cp932" if "932" in exported.declared_encoding or "jis" in exported.declared_encoding \
            else "utf-8-sig"
        with exported.path.open(encoding=encoding, errors="replace", newline="") as handle:
            for line, record in enumerate(csv.DictReader(handle), start=2):
                atena = record.get("宛名番号") or ""
                row = {str(k): v or "" for k, v in record.items() if isinstance(k, str)}
                if atena in wanted:
                    found.setdefault(atena, []).append((line, row))
                    continue
                index = my_numbers.get(row.get(MY_NUMBER, ""))
                if index is None and row.get("住民状態") == r.CURRENT:
                    index = households.get(row.get("世帯番号", ""))
                if index is not None:
                    strangers[index].append((line, row))
        return [[*self._reconciled(world, found, EXPORT_LAYOUT), *_unknown(strangers[index], EXPORT_LAYOUT)]
                for index, world in enumerate(worlds)]

    def _reconciled(self, world: World, found: Mapping[str, Sequence[tuple[int, dict[str, str]]]],
                    name: str) -> Iterator[Breach]:
        protected = {atena for atena, _ in protected_today(world)}
        for atena in sorted(world.persons):
            records = found.get(atena, ())
            if not records:
                if world.is_current(atena):
                    yield Breach(r.EXPORTED, "model.export_missing", "a 住民 of the records is not in the export",
                                 f"{name}#宛名番号", "the person's record", "absent")
                continue
            (line, record), others = _latest_record(world.history(atena), records)
            where = f"{name}:{line}"
            if atena in protected:
                yield from _export_marked(world.latest(atena), record, where)
            judged = self.judged
            if atena in protected or world.protected(atena) is None:
                # A 支援対象者's marks are 3.4's (above); once the 支援措置 is ended (R007) the text leaves them to
                # the vendor (interpretation dv-read-paths): neither is the consistency of 10.6 R001 here.
                judged = _but(self.judged, _DV_MARKS)
            yield from _same(world.latest(atena), record, r.EXPORTED, where, judged)
            yield from self._earlier(world.history(atena), record, others, name)

    def _earlier(self, history: Sequence[Mapping[str, str]], latest: Mapping[str, str],
                 others: Sequence[tuple[int, dict[str, str]]], name: str) -> Iterator[Breach]:
        """A person's records beside the latest (an export holding their history): each one of their rows by
        its 履歴番号, written once, read as the row (its 支援措置's marks are not compared: a 表示 is written on
        the latest row in place, 3.4's rows before it may have held it or not)."""
        rows = {row.get(HISTORY, ""): row for row in history}
        seen = {latest.get(HISTORY, "")}
        for line, record in others:
            number = record.get(HISTORY, "")
            where = f"{name}:{line}"
            if number in seen or number not in rows:
                why = "written twice" if number in seen else "none of the person's rows"
                yield Breach(r.EXPORTED, "model.export_extra", f"the export holds a record of the person the "
                             f"records do not ({HISTORY} {why})", f"{where}#/{HISTORY}",
                             "each of the person's rows at most once", number or "(blank)")
                continue
            seen.add(number)
            yield from _same(rows[number], record, r.EXPORTED, where, _but(self.judged, _DV_MARKS))

    def history(self, atena: str) -> list[dict[str, str]]:
        """The driver's history of a person (query.history)."""
        _, document = self.driver.call("query.history", {"宛名番号": atena})
        rows = document.get("rows") if isinstance(document, dict) else None
        return [as_row(row) for row in rows] if isinstance(rows, list) else []

    def compare_person(self, world: World, atena: str) -> Iterator[Breach]:
        """Every path showing the person shows the model's record."""
        latest, history = world.latest(atena), world.history(atena)
        _, document = self.driver.call("query.person", {"宛名番号": atena})
        person = document.get("person") if isinstance(document, dict) else None
        yield from _same(latest, as_row(person), r.LATEST_ROW, "driver:/person", self.judged)
        if self.linkage is None:
            return
        resident = self.linkage.request("get", f"/residents/{atena}")
        yield from _same(latest, as_row(resident.json()), r.PROVIDED, f"GET /residents/{atena}", self.judged)
        rows = self.linkage.request("get", f"/residents/{atena}/history").json()
        yield from _same_history(history, rows.get("history") if isinstance(rows, dict) else None, atena,
                                 self.judged)

    def compare_search(self, world: World, atena: str, searches: Collection[str] = SEARCHES) -> Iterator[Breach]:
        """The person found by what the model holds, as the search checks search: their フリガナ (完全一致) and
        生年月日 with ``query.search`` (2.1.2 R001), their 氏名 and 生年月日 with ``search.basic`` (2.1.3 R001). A 住民
        no 支援措置 protects must be found (a 除票 may be or not: where it is, it reads as its record); a hit that
        shows the person's items shows the model's latest row (1.2.1 R018) and, for a 支援対象者 protected today,
        the 表示 (3.4 R001, as 2.2.4 R001 asks of the 照会). A 支援対象者 may be left out of a search: the text asks
        neither (interpretation dv-read-paths). Each search is asked again with a 生年月日 none of the person's rows
        holds: a search by 生年月日 lists only the persons born that day, so the person is not listed
        (interpretation search-conditions)."""
        row = world.latest(atena)
        unknown = row.get("生年月日_不詳フラグ") == "1" or not row.get("生年月日")
        birth = {} if unknown else {"生年月日": row["生年月日"]}
        other = {} if unknown else _another_birth(world, atena)
        wanted = self.searches & set(searches)
        if KANA_SEARCH in wanted and row.get("氏名_フリガナ"):
            def kana(born: Mapping[str, str], match: str = "完全") -> tuple[int, Any]:
                return self.driver.call(KANA_SEARCH, {"氏名_フリガナ": row["氏名_フリガナ"], "一致": match, **born})

            yield from self._found(world, atena, _hits(*kana(birth)), r.KANA_SEARCH, "driver:/search")
            if other:
                # The 生年月日 holds under either 一致, asked in turn as the person's history grows (issue 50, written
                # blind: a vendor whose 部分一致 dropped the 生年月日): no request of its own.
                match = "部分" if len(world.history(atena)) % 2 else "完全"
                yield from _not_listed(atena, _hits(*kana(other, match)), r.KANA_SEARCH, "driver:/search", other)
        if BASIC_SEARCH in wanted and row.get("氏名"):
            def basic(born: Mapping[str, str]) -> tuple[int, Any]:
                conditions = [{"項目": name, "値": value} for name, value in {"氏名": row["氏名"], **born}.items()]
                return self.driver.call(BASIC_SEARCH, {"条件": conditions})

            yield from self._found(world, atena, _hits(*basic(birth)), r.BASIC_SEARCH, "driver:/search/basic")
            if other:
                yield from _not_listed(atena, _hits(*basic(other)), r.BASIC_SEARCH, "driver:/search/basic", other)

    def compare_ranges(self, world: World, atena: str) -> Iterator[Breach]:
        """The 基本検索 by the person's 氏名 and a range of 生年月日 (2.1.3 R004 年月日を指定して複数条件検索) at
        its ends (interpretation search-range-ends): ranges that end on or begin on the 生年月日 list the person (a
        range holds its 開始 and its 終了), ranges that end the day before or begin the day after do not. Four
        searches of the whole town (about 10 ms each on the reference): asked at the end of an example, for one
        person. A 生年月日 that is no calendar
        day or 不詳 is not asked; a range holding another 生年月日 of the person's history is not asked to miss them."""
        row = world.latest(atena)
        if BASIC_SEARCH not in self.searches or not row.get("氏名") or row.get("生年月日_不詳フラグ") == "1":
            return
        try:
            born = date.fromisoformat(row.get("生年月日", ""))
        except ValueError:
            return
        day, year = timedelta(days=1), timedelta(days=365)
        held = {other.get("生年月日", "") for other in world.history(atena)} - {born.isoformat()}
        where = "driver:/search/basic"
        # Each range with its label in the evidence (the dates are the person's: never in a location).
        for first, last, listed, label in (
                (born - year, born, True, "...生年月日"), (born, born + year, True, "生年月日..."),
                (born - year, born - day, False, "...生年月日の前日"),
                (born + day, born + year, False, "生年月日の翌日...")):
            conditions = [{"項目": "氏名", "値": row["氏名"]},
                          {"項目": "生年月日", "開始": first.isoformat(), "終了": last.isoformat()}]
            hits = _hits(*self.driver.call(BASIC_SEARCH, {"条件": conditions}))
            shown = f"{where}(範囲 {label})"
            if listed:
                yield from self._found(world, atena, hits, r.SEARCH_RANGE, shown)
            elif not any(first.isoformat() <= value <= last.isoformat() for value in held) and hits is not None \
                    and any(hit.get("宛名番号") == atena for hit in hits):
                yield Breach(r.SEARCH_RANGE, "model.search_condition_ignored", f"{shown} should list only the "
                             "persons born in the range: it lists a person born outside it", f"{shown}#/persons",
                             "not listed", "listed")

    def compare_removed_search(self, world: World, atena: str) -> Iterator[Breach]:
        """A 除票 by its 氏名 and 消除事由 (2.1.3 R001: 当該住民票を消除した事由…から検索できること; interpretation
        search-removal-reason): the 1.2.2 区分 of the 異動 that removed them, whatever was corrected on the 除票 since,
        finds them. One search, at the end of an example, for one 除票 no 支援措置 names."""
        rows = world.history(atena)
        latest = rows[-1] if rows else {}
        if BASIC_SEARCH not in self.searches or not latest.get("氏名") or latest.get("住民状態") == r.CURRENT:
            return
        removal = next((later for earlier, later in reversed(list(zip([{}, *rows], rows, strict=False)))
                        if later.get("住民状態") != r.CURRENT and earlier.get("住民状態", r.CURRENT) == r.CURRENT),
                       latest)
        reason = removal.get("異動事由区分", "")
        if not reason:
            return
        conditions = [{"項目": "氏名", "値": latest["氏名"]}, {"項目": "消除事由", "値": reason}]
        hits = _hits(*self.driver.call(BASIC_SEARCH, {"条件": conditions}))
        where = "driver:/search/basic(消除事由)"
        if hits is None:
            yield Breach(r.BASIC_SEARCH, "model.search_unreadable", f"{where} should answer the persons it finds",
                         where, "200 with persons", "another answer")
        elif len(hits) < SEARCH_LIMIT and not any(hit.get("宛名番号") == atena for hit in hits):
            yield Breach(r.BASIC_SEARCH, "model.search_missing", f"{where} should find a 除票 by the 事由 that removed "
                         "it", f"{where}#/persons", reason, f"not among {len(hits)}")

    def _found(self, world: World, atena: str, hits: list[dict[str, str]] | None, requirement: str,
               where: str) -> Iterator[Breach]:
        if hits is None:
            yield Breach(requirement, "model.search_unreadable", f"{where} should answer the persons it finds",
                         where, "200 with persons", "another answer")
            return
        hit = next((found for found in hits if found.get("宛名番号") == atena), None)
        protected = world.protected(atena)
        if hit is None:
            if world.is_current(atena) and protected is False and len(hits) < SEARCH_LIMIT:
                yield Breach(requirement, "model.search_missing", f"{where} should find a 住民 by what the record "
                             "holds", f"{where}#/persons", "found", f"not among {len(hits)}")
            return
        if not any(self.judged(name) for name in hit if name != "宛名番号"):
            return  # an answer naming the person only: nothing more to compare
        if protected is True and hit.get(r.SUPPORT_MARK, "") != "1":
            absent = " (the item is absent)" if r.SUPPORT_MARK not in hit else ""
            yield Breach(r.DV_REFUSED, "model.dv_search_unmarked", f"a search shows a 支援対象者's data without the "
                         f"表示 ({r.SUPPORT_MARK}){absent}", f"{where}#/persons/{r.SUPPORT_MARK}", "1",
                         hit.get(r.SUPPORT_MARK, ""))
        yield from _same(world.latest(atena), hit, r.LATEST_ROW, where, self.judged)

    def compare_household(self, world: World, setai: str) -> Iterator[Breach]:
        """The driver's and the linkage API's 世帯 list exactly the model's 住民 of the 世帯."""
        wanted = sorted(world.members(setai))
        if not wanted:  # a 世帯 with no 住民 left: a vendor may answer it empty or not at all
            return
        _, document = self.driver.call("query.household", {"世帯番号": setai})
        members = document.get("members") if isinstance(document, dict) else None
        yield from _members(wanted, members, r.DESTINATION, f"driver:/households/{setai}#/members")
        if self.linkage is None:
            return
        response = self.linkage.request("get", f"/households/{setai}")
        found = response.json().get("members") if response.status == 200 else None
        breaches = list(_members(wanted, found, r.PROVIDED, f"GET /households/{setai}#/members"))
        yield from breaches
        if not breaches and isinstance(found, list):
            yield from _member_order(world, setai, [text(m.get("宛名番号")) for m in found if isinstance(m, dict)])

    def changed_since(self, stamp: str, changed: Sequence[str]) -> Iterator[Breach]:
        """7.2.3 R002 (異動差分, リアルタイム): every person a step changed is listed as changed since it, and
        read a page at a time the 異動差分 lists the same persons, once each (``_paged``)."""
        if self.linkage is None or not changed:
            return
        whole = self._diff(stamp, DIFF_LIMIT)
        missing = sorted(set(changed) - set(whole))
        if missing:
            yield Breach(r.DIFFERENCES, "model.diff_missing", "a person the step changed is not in the 異動差分",
                         "", f"{len(changed)} changed persons listed", f"{len(missing)} missing")
        yield from same_instant(lambda moment: self._diff(moment, DIFF_LIMIT), stamp, whole)
        yield from self._paged(stamp, whole)

    def _paged(self, stamp: str, whole: list[str]) -> Iterator[Breach]:
        """The 異動差分 read with a page boundary exactly at its end and one row before it, and a row a page (the
        protocol's ``limit`` at its ends: 1 and the count; beyond the count is the whole read, ``DIFF_LIMIT``): no
        row lost or repeated across the pages. A ``next_offset`` leading to an empty last page is no breach:
        neither the text nor the protocol says a page that ends the list exactly must say so; nor is a page
        longer than the ``limit`` asked (the protocol's courtesy: the text asks 全件と異動差分, which such a page
        still gives)."""
        single = {1} if len(whole) < MAX_DIFF_PAGES else set()  # a row a page, where the pages read can hold them
        for limit in sorted(single | {len(whole), len(whole) - 1} - {0}):
            paged = self._diff(stamp, limit)
            if sorted(paged) != sorted(whole):
                where = f"GET /residents?changed_since&limit={limit}"
                yield Breach(r.DIFFERENCES, "model.diff_paging", "the 異動差分 read a page at a time should list "
                             "the persons it lists at once, each once", where, f"{len(whole)} rows",
                             f"{len(paged)} rows ({len(set(paged))} persons)")

    def diff_latest(self, world: World, stamp: str, persons: Collection[str]) -> Iterator[Breach]:
        """7.2.3 R002: the 異動差分 since ``stamp`` (an example's first step) answers each of ``persons`` (changed by
        its steps, some more than once) with the record as it is now, the model's latest row: a counterpart
        polling once a night meets several 異動 of a person between two polls and must be given the last (issue
        67, blind 04). A person it does not list is ``changed_since``'s breach, not this one; a person the model no
        longer holds (a 除票 moved to the 除票用データベース: no path answers them) is not asked."""
        held = sorted(atena for atena in persons if world.persons.get(atena))
        if self.linkage is None or not held:
            return
        listed = {row.get("宛名番号", ""): row for row in self._diff_rows(stamp, DIFF_LIMIT)}
        for atena in held:
            row, latest = listed.get(atena), world.latest(atena)
            if row is None:
                continue
            where = f"GET /residents?changed_since={stamp} 宛名番号={atena}"
            stale = [name for name, value in row.items() if self.judged(name) and name in latest
                     and value != latest[name]]
            if stale:
                yield Breach(r.DIFFERENCES, "model.diff_not_latest", "the 異動差分 should give the person's record "
                             "as it is now, not an earlier row", f"{where}#/{stale[0]}", latest[stale[0]],
                             row[stale[0]])

    def poll_across_change(self, stamp: str, change: Callable[[Sequence[str]], str | None]) -> Iterator[Breach]:
        """7.2.3 R002: the 異動差分 since ``stamp`` polled a row a page while the town goes on working: after a page,
        ``change`` makes a 異動 of a person already listed (it answers their 宛名番号, or None where none of those
        read can be changed yet: it is asked again after the next page). Every other person listed before the poll
        began is listed exactly once, the one changed at least once (interpretation diff-boundaries; blind round 5,
        16: pages ordered by change time lose a row there)."""
        whole = self._diff(stamp, DIFF_LIMIT)
        if self.linkage is None or not 1 < len(whole) < MAX_DIFF_PAGES:
            return
        listed: list[str] = []
        offset: Any = 0
        changed: str | None = None
        for _ in range(MAX_DIFF_PAGES):
            page = self._page(stamp, offset, 1)
            listed += [as_row(row).get("宛名番号", "") for row in page.get("residents", ()) if isinstance(row, dict)]
            offset = page.get("next_offset")
            if offset is None:
                break
            changed = changed or change(listed)
        yield from across_change(whole, listed, changed, f"GET /residents?changed_since={stamp}&limit=1")

    def full_across_change(self, own: Collection[str],
                           change: Callable[[Sequence[str]], str | None]) -> Iterator[Breach]:
        """7.2.3 R002: the 全件 (``GET /residents`` without ``changed_since``) walked a row a page from the first of
        ``own`` while ``change`` makes a 異動 between two pages (``feeds.full_walk``)."""
        if self.linkage is None:
            return
        yield from full_walk(lambda offset, limit: self._page(None, offset, limit), own, change)

    def _diff(self, stamp: str, limit: int) -> list[str]:
        """The 宛名番号 the 異動差分 since ``stamp`` lists, page after page of ``limit`` rows (repeats kept)."""
        return [row.get("宛名番号", "") for row in self._diff_rows(stamp, limit)]

    def _diff_rows(self, stamp: str, limit: int) -> list[dict[str, str]]:
        """The rows the 異動差分 since ``stamp`` lists, page after page of ``limit`` rows (repeats kept)."""
        if self.linkage is None:
            return []
        listed: list[dict[str, str]] = []
        offset: Any = 0
        for _ in range(MAX_DIFF_PAGES):
            page = self._page(stamp, offset, limit)
            listed += [as_row(row) for row in page.get("residents", ()) if isinstance(row, dict)]
            offset = page.get("next_offset")
            if offset is None:
                break
        return listed

    def _page(self, stamp: str | None, offset: Any, limit: int) -> dict[str, Any]:
        """One page of the 異動差分 since ``stamp``, or of the 全件 (None) (an answer that is no object: an empty last
        page)."""
        assert self.linkage is not None
        since = {"changed_since": stamp} if stamp is not None else {}
        page = self.linkage.request("get", "/residents", params={**since, "offset": str(offset),
                                                                 "limit": str(limit)}).json()
        return page if isinstance(page, dict) else {}

    def protection(self, world: World, touched: Collection[str] | None = None) -> Iterator[Breach]:
        """Every person 3.4 protects today, asked for every way the linkage API gives them out: their own
        住民票の写し (a 除票's after a 転出: R009) must be refused; a 世帯全員 copy asked through each other member
        of their 世帯 refused or without them (R001: 支援対象者が含まれる写し); and the linkage answer carries
        the 表示 and 他業務参照不可フラグ as the model holds them, so a receiving system can withhold them
        (interpretation dv-model). A 除票 of a 死亡 or 消除 is not asked (the text names the 転出's only). The persons
        a step ``touched`` are asked for on the forms too; at the end of an example (None) everyone, and on the
        閲覧用 list of their 町字 (a read of the town's whole 町字)."""
        if self.linkage is None:
            return
        copies = self._issues(world)
        for atena, requirement in protected_today(world):
            row = world.latest(atena)
            if copies:
                yield from self._copy_refused(atena, requirement)
            if copies and requirement in (r.DV_REFUSED, r.DV_PROVISIONAL):
                for member in world.members(row.get("世帯番号", "")):
                    if member != atena:
                        yield from self._household_copy(member, atena, requirement)
            if self.forms is not None and (touched is None or atena in touched):
                yield from self.forms.protection(world, atena, requirement)
            if requirement in (r.DV_REFUSED, r.DV_PROVISIONAL) and touched is None:
                yield from self.inspection(row, requirement)
            yield from self._marked(atena, {r.SUPPORT_MARK: "1",
                                            r.OTHER_BUSINESS_MARK: row.get(r.OTHER_BUSINESS_MARK, "")}, requirement)

    def inspection(self, row: Mapping[str, str], requirement: str = r.DV_REFUSED) -> Iterator[Breach]:
        """The 閲覧用 list of the 支援対象者's 町字 (住民基本台帳の一部の写しの閲覧, 3.4 R001) leaves them out or is
        refused: an entry with their 氏名 and 生年月日 is theirs (interpretation dv-read-paths)."""
        if self.linkage is None:
            return
        response = self.linkage.request("get", INSPECTION_PATH, params={"町字": row.get("住所_町字", "")})
        document = response.json() if response.status == 200 else None
        entries = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(entries, list):
            return  # refused, or no list offered: nothing shows them
        for index, entry in enumerate(as_row(entry) for entry in entries if isinstance(entry, dict)):
            if entry.get("氏名") == row.get("氏名") and entry.get("生年月日", "") == row.get("生年月日", ""):
                yield Breach(requirement, "model.dv_inspection_listed", "the 閲覧用 list of a 町字 shows a 支援対象者 "
                             "(3.4: an エラー, or the person left out)", f"GET {INSPECTION_PATH}#/entries/{index}",
                             "left out", "listed")
                return

    def _issues(self, world: World) -> bool:
        """Whether the vendor issues a 住民票の写し to anyone: asked once a run, for a 住民 of ``world`` no 支援措置
        names (a refusal of a protected person's copy is judged only where a copy can be had at all)."""
        if self.issuing is None and self.linkage is not None:
            free = next((atena for atena in sorted(world.current()) if world.protected(atena) is False), None)
            if free is None:
                return False  # asked again at a later step
            self.issuing = self.linkage.request("post", CERTIFICATE_PATH, json={"宛名番号": free}).status == 200
        return bool(self.issuing)

    def compare_copy(self, world: World, atena: str) -> Iterator[Breach]:
        """The linkage API's 住民票の写し of a 住民 no 支援措置 names (``POST /certificates``) shows the model's latest
        row (5.1 R003; ``CertificateForms.copy_items``). Asked where the vendor issues copies at all."""
        if self.linkage is None or self.forms is None or not world.is_current(atena) \
                or world.protected(atena) is not False or not self._issues(world):
            return
        where = f"POST {CERTIFICATE_PATH}"
        response = self.linkage.request("post", CERTIFICATE_PATH, json={"宛名番号": atena})
        if response.status != 200:
            yield Breach(r.FORM_ITEMS, "model.form_missing", "the 住民票の写し of a 住民 was not issued", where,
                         "200 and the 写し", str(response.status))
            return
        yield from self.forms.copy_items(world.latest(atena), response.json(), where)

    def compare_household_copy(self, world: World, setai: str) -> list[Breach] | None:
        """The linkage API's 世帯全員 住民票の写し of a 世帯 no 支援措置 names, asked through its first 住民,
        against the model's 住民 of the 世帯 (``CertificateForms.household_copy``; 5.1 P001, R001, R003); None
        where not asked (no copies issued at all, no 住民, or anyone who ever belonged to the 世帯 named by a
        支援措置: a member's copy ``protection`` asks, and a vendor may refuse the 世帯's copy while a 支援対象者 who
        left it is still held with it). A refusal is a breach of 5.1 R001 (世帯全員分…選択できること)."""
        members = world.members(setai)
        ever = [atena for atena, rows in world.persons.items() if any(row.get("世帯番号") == setai for row in rows)]
        if self.linkage is None or self.forms is None or not members or not self._issues(world) \
                or any(world.protected(atena) is not False for atena in ever):
            return None
        where = f"POST {CERTIFICATE_PATH} 世帯全員"
        response = self.linkage.request("post", CERTIFICATE_PATH, json={"宛名番号": members[0], "世帯全員": True})
        if response.status != 200:
            return [Breach(r.FORM_OMISSION, "model.form_missing", "the 世帯全員 住民票の写し of a 世帯 was not issued",
                           where, "200 and the 写し", str(response.status))]
        return list(self.forms.household_copy(world, setai, response.json(), where))

    def _copy_refused(self, atena: str, requirement: str) -> Iterator[Breach]:
        if self.linkage is None:
            return
        response = self.linkage.request("post", CERTIFICATE_PATH, json={"宛名番号": atena})
        if response.status == 200:
            yield Breach(requirement, "model.dv_issued", "a 住民票の写し of a 支援対象者 was issued (3.4: an エラー)",
                         f"POST {CERTIFICATE_PATH}", "refused (an エラー)", "200 issued")

    def _household_copy(self, member: str, atena: str, requirement: str = r.DV_REFUSED) -> Iterator[Breach]:
        """The 世帯全員 copy asked through ``member``: refused, or without the protected ``atena``."""
        if self.linkage is None:
            return
        response = self.linkage.request("post", CERTIFICATE_PATH, json={"宛名番号": member, "世帯全員": True})
        if response.status != 200:
            return
        document = response.json()
        listed = document.get("記載者") if isinstance(document, dict) else None
        numbers = {text(entry.get("宛名番号")) for entry in listed if isinstance(entry, dict)} \
            if isinstance(listed, list) else None
        if numbers is None or atena in numbers:
            yield Breach(requirement, "model.dv_household_leak", "a 世帯全員 copy asked through another member "
                         "shows a 支援対象者", f"POST {CERTIFICATE_PATH} 世帯全員#/記載者",
                         "refused, or the 支援対象者 left out",
                         "200 with them" if numbers is not None else "200, 記載者 unreadable")

    def _marked(self, atena: str, wanted: Mapping[str, str], requirement: str) -> Iterator[Breach]:
        if self.linkage is None:
            return
        shown = as_row(self.linkage.request("get", f"/residents/{atena}").json())
        for mark, value in wanted.items():
            if shown.get(mark, "") != value:
                absent = " (the item is absent)" if mark not in shown else ""
                yield Breach(requirement, "model.dv_mark_missing", f"the linkage answer of a 支援対象者 does not carry "
                             f"{mark} as the record holds it{absent}", f"GET /residents/{{宛名番号}}#/{mark}", value,
                             shown.get(mark, ""))

    def compare_archived(self, history: Sequence[Mapping[str, str]], atena: str) -> Iterator[Breach]:
        """A person moved to the 除票用データベース (9.3 R001): its rows there are the person's history as the model
        holds it, and the 住民記録's paths answer it no more (the driver's read, the linkage API: 削除)."""
        where = f"driver:/archive/persons/{atena}"
        status, document = self.driver.call("archive.person", {"宛名番号": atena})
        rows = document.get("rows") if status == 200 and isinstance(document, dict) else None
        if not isinstance(rows, list) or len(rows) != len(history):
            yield Breach(r.ARCHIVED, "model.archive_rows", "the 除票用データベース should hold every row of a 除票 "
                         "moved there", f"{where}#/rows", str(len(history)),
                         f"{len(rows)} rows" if isinstance(rows, list) else str(status))
        else:
            for index, (wanted, row) in enumerate(zip(history, rows, strict=True)):
                yield from _same(wanted, as_row(row), r.ARCHIVED, f"{where}#/rows/{index}", self.judged)
        _, document = self.driver.call("query.person", {"宛名番号": atena})
        if as_row(document.get("person") if isinstance(document, dict) else None):
            yield Breach(r.ARCHIVED, "model.archive_not_deleted", "a 除票 moved to the 除票用データベース should be "
                         "deleted from the 住民記録 database", "driver:/person", "not found", "the person")
        if self.linkage is not None:
            response = self.linkage.request("get", f"/residents/{atena}")
            if response.status != 404:
                yield Breach(r.ARCHIVED, "model.archive_not_deleted", "a 除票 moved to the 除票用データベース should "
                             "be deleted from the 住民記録 database", f"GET /residents/{atena}", "404",
                             str(response.status))

    def compare_not_archived(self, atena: str) -> Iterator[Breach]:
        """A person a 除票用データベース移行 must leave (a 住民, a 除票 short of its five years): not in the
        除票用データベース (the protocol's not-found; the 住民記録's paths are judged as any person's)."""
        status, document = self.driver.call("archive.person", {"宛名番号": atena})
        if status != 404 or (isinstance(document, dict) and document.get("rows")):
            yield Breach(r.ARCHIVED, "model.archive_too_early", "only a 除票 five years past its 消除 should be "
                         "moved to the 除票用データベース", f"driver:/archive/persons/{atena}", "404", str(status))

    def unknown(self, atena: str) -> Iterator[Breach]:
        """A 宛名番号 no record has: the linkage API answers 404 該当者なし (interfaces.yaml get_resident), not a
        person and not a failure (7.2.3 R001: what is provided is the 住民記録データ, and only it)."""
        if self.linkage is None:
            return
        response = self.linkage.request("get", f"/residents/{atena}")
        # A vendor whose own data has the number shows that person: the 200 of a record it holds is right.
        if response.status != 404 and not (response.status == 200 and as_row(response.json()).get("宛名番号") == atena):
            yield Breach(r.PROVIDED, "model.unknown_person", "a 宛名番号 no record has should answer 404 該当者なし",
                         "GET /residents/{宛名番号}", "404", str(response.status))


def _another_birth(world: World, atena: str) -> dict[str, str]:
    """A 生年月日 condition the person does not meet: the day after their latest 生年月日, unless a row of theirs
    holds it (a search of the 異動履歴 may meet a former one: then {}), or their 生年月日 is no calendar day (1.1.8
    R001's ただし: a 出生's may be one; no day after it is certain)."""
    try:
        born = date.fromisoformat(world.latest(atena)["生年月日"]) + timedelta(days=1)
    except ValueError:
        return {}
    if any(row.get("生年月日") == born.isoformat() for row in world.history(atena)):
        return {}
    return {"生年月日": born.isoformat()}


def _not_listed(atena: str, hits: list[dict[str, str]] | None, requirement: str, where: str,
                condition: Mapping[str, str]) -> Iterator[Breach]:
    """A search with a 生年月日 the person was not born on does not list them (interpretation search-conditions).
    An answer that is not a list of persons is judged by the search with the person's own 生年月日."""
    if hits is not None and any(hit.get("宛名番号") == atena for hit in hits):
        yield Breach(requirement, "model.search_condition_ignored",
                     f"{where} should list only the persons who meet every condition: it lists a person with the "
                     f"生年月日 {condition['生年月日']} they were not born on",
                     f"{where}#/persons", "not listed", "listed")


def _hits(status: int, document: Any) -> list[dict[str, str]] | None:
    """A search answer's persons as rows (None: not 200 with a list of persons)."""
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list):
        return None
    return [as_row(person) for person in persons if isinstance(person, dict)]


def protected_today(world: World) -> list[tuple[str, str]]:
    """The persons 3.4 protects today whose copies are asked, with the requirement that says so: a 住民 (R001)
    or the 除票 of a 転出 (R009: the protection continues at the 前住所地). A 除票 of a 死亡 or 消除 is not
    asked (the text names the 転出's only)."""
    wanted = {r.CURRENT: r.DV_REFUSED, r.MOVED_OUT: r.DV_MOVED_OUT}
    return [(atena, r.DV_PROVISIONAL if status == r.CURRENT and world.provisional(atena) else wanted[status])
            for atena in sorted(world.persons)
            if world.protected(atena) is True and (status := world.latest(atena).get("住民状態", "")) in wanted]


#: The marks a receiving system withholds a 支援対象者 by: the 表示 and 他業務参照不可フラグ (interpretation dv-model).
_DV_MARKS = frozenset({r.SUPPORT_MARK, r.OTHER_BUSINESS_MARK})


def _latest_record(history: Sequence[Mapping[str, str]], records: Sequence[tuple[int, dict[str, str]]]
                   ) -> tuple[tuple[int, dict[str, str]], list[tuple[int, dict[str, str]]]]:
    """The record read as the person's latest row, and the others: the record of the latest row's 履歴番号, else
    the one with the highest 履歴番号 (1.2.1 R018: 履歴番号が最大のデータ; a stale record then differs from the
    latest row), else the first (rows without 履歴番号)."""
    number = history[-1].get(HISTORY, "") if history else ""
    ranked = sorted(range(len(records)), key=lambda i: (records[i][1].get(HISTORY, "") == number != "",
                                                        _rank(records[i][1].get(HISTORY, "")), -i))
    chosen = ranked[-1] if number else 0
    return records[chosen], [record for i, record in enumerate(records) if i != chosen]


def _rank(number: str) -> tuple[int, str]:
    """A 履歴番号 in order (digits by value)."""
    return (int(number), "") if number.isdigit() else (-1, number)


def _unknown(strangers: Sequence[tuple[int, Mapping[str, str]]], name: str) -> Iterator[Breach]:
    """Records no model holds in a model's 世帯 (a 住民 of it), or holding a model person's 個人番号 under another
    宛名番号: a person the records do not have (10.6 R001, interpretation export-records)."""
    for line, record in strangers:
        yield Breach(r.EXPORTED, "model.export_unknown", "the export holds a person the records do not (a 住民 of "
                     "one of their 世帯, or one of their persons' 個人番号, under a 宛名番号 none of them has)",
                     f"{name}:{line}#/宛名番号", "no such record", record.get("宛名番号", "") or "(blank)")


def _export_marked(row: Mapping[str, str], record: Mapping[str, str], where: str) -> Iterator[Breach]:
    """A 支援対象者 the export lists carries the 表示 (支援措置対象フラグ 1) and 他業務参照不可フラグ as the record
    holds it (3.4 R001 as jumin.dv.other_business_marked reads it): the export goes to other systems, which
    withhold the person by them. Judged under R001 whatever protects the person (a 支援措置, a 仮支援措置, the
    除票 of a 転出), as a search hit's 表示 is: R008 and R009 carry the エラー over to the 仮支援措置 and the
    前住所地, the 表示 is R001's (interpretation dv-read-paths). A column the export lacks is a mark missing."""
    requirement = r.DV_REFUSED
    wanted = {r.SUPPORT_MARK: "1", r.OTHER_BUSINESS_MARK: row.get(r.OTHER_BUSINESS_MARK, "")}
    for mark, value in wanted.items():
        if record.get(mark, "") != value:
            absent = " (the column is absent)" if mark not in record else ""
            yield Breach(requirement, "model.dv_export_unmarked", f"the export's record of a 支援対象者 does not carry "
                         f"{mark} as the record holds it{absent}", f"{where}#/{mark}", value, record.get(mark, ""))


def _but(judged: Callable[[str], bool], left_out: Collection[str]) -> Callable[[str], bool]:
    """``judged`` without the items ``left_out``."""
    return lambda item: item not in left_out and judged(item)


def _same(wanted: Mapping[str, str], shown: Mapping[str, str], requirement: str, where: str,
          judged: Callable[[str], bool]) -> Iterator[Breach]:
    if not shown:
        yield Breach(requirement, "model.path_missing", f"{where} should show the person", where)
        return
    for name, value in shown.items():
        if judged(name) and name in wanted and value != wanted[name]:
            yield Breach(requirement, "model.path_differs", f"{name} on {where} differs from the record",
                         f"{where}{'/' if '#' in where else '#/'}{name}", wanted[name], value)


def _same_history(history: Sequence[Mapping[str, str]], rows: Any, atena: str,
                  judged: Callable[[str], bool]) -> Iterator[Breach]:
    where = f"GET /residents/{atena}/history"
    if not isinstance(rows, list) or len(rows) != len(history):
        count = len(rows) if isinstance(rows, list) else 0
        yield Breach(r.PROVIDED, "model.path_history_rows", f"{where} should list every history row", where,
                     str(len(history)), str(count))
        return
    for index, (wanted, row) in enumerate(zip(history, rows, strict=True)):
        yield from _same(wanted, as_row(row), r.PROVIDED, f"{where}#/history/{index}", judged)


def _member_order(world: World, setai: str, listed: Sequence[str]) -> Iterator[Breach]:
    """The linkage API's 世帯 lists its members in the order of 5.2 (interfaces.yaml get_household:
    世帯員（5.2の並び順）; interpretation member-order; ``forms.founders_out_of_order``). Reported under 5.2 R004
    (第１順位)."""
    found = founders_out_of_order(world, setai, listed)
    if found is None:
        return
    index, why, wanted, shown = found
    yield Breach(r.MEMBER_ORDER, "model.household_order", f"the 世帯's members are not in the order of 5.2: {why}",
                 f"GET /households/{setai}#/members/{index}/続柄", wanted, shown)


def _members(wanted: list[str], members: Any, requirement: str, where: str) -> Iterator[Breach]:
    found = sorted(text(m.get("宛名番号")) for m in members if isinstance(m, dict)) \
        if isinstance(members, list) else None
    if found != wanted:
        yield Breach(requirement, "model.household_members", f"{where} should list the 世帯's 住民", where,
                     f"{len(wanted)} members", "unreadable" if found is None else f"{len(found)} members "
                     f"({len(set(found) - set(wanted))} not of the 世帯, {len(set(wanted) - set(found))} missing)")
