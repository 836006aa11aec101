"""The reference vendor's 選挙人名簿 of one 投票区 on a day (公職選挙法 第20条第2項), read page by page:
``GET /api/v1/senkyo/voting-districts/{投票区}/roll?as_of=&offset=&limit=`` answers
``{"選挙人": [{"宛名番号", "表示"}], "next_offset": n | null}`` (spec_catalog/contract/senkyo.yaml, ``lists``).

Each entry is the person's own per-person answer (:func:`conformance_reference.senkyo.elections.senkyo`): on the
名簿 (``登録``) with that ``投票区``; so the roll and the per-person query cannot disagree. The persons are walked in
宛名番号 order and evaluated one by one, and the walk stops at the first entry past the page: a page costs at most
``offset + limit + 1`` entries found, never the whole register built (a page of a 投票区 of thousands).

Named defects (elections.defects.yaml): ``senkyo_roll_previous_registration`` (the roll not yet updated by the
last 定時登録: a person registered on it is left off), ``senkyo_roll_every_district`` (a registered person listed
in every 投票区), ``senkyo_roll_page_repeats_row`` (the next page starts on the last entry of the page before),
``senkyo_roll_without_indication`` (no entry carries the 表示); ``senkyo_roll_not_served`` (conformance_reference/
app.py: 501 to every read).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from conformance_reference.rules import held_birth, parse_day, stay_of
from conformance_reference.senkyo.elections import VOTING_DISTRICTS, senkyo

#: 第19条第2項: the 登録月.
_REGISTRATION_MONTHS = (3, 6, 9, 12)

#: What the roll reads of the vendor's store: every current row (by 宛名番号), a person's rows, a person's record.
Rows = Callable[[], Sequence[Mapping[str, str]]]
History = Callable[[str], list[dict[str, str]]]
Record = Callable[[str], dict[str, str]]


def known_district(name: str) -> bool:
    """Whether ``name`` is one of the town's 投票区."""
    return name in set(VOTING_DISTRICTS.values())


def _last_registration_day(as_of: date) -> date:
    """The last 登録月の一日 on or before ``as_of``."""
    year, month = as_of.year, as_of.month
    while month not in _REGISTRATION_MONTHS:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return date(year, month, 1)


#: Answers kept at most (persons times days read); past it the memo starts again.
_KEPT = 50_000


class RollMemo:
    """Each person's answer on a day, kept while the person's current row (the store's shared object, replaced on
    a write) and record are the same: a roll read page by page, and again on the same day, evaluates each person
    once."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, date], tuple[Mapping[str, str], dict[str, str], dict[str, Any]]] = {}

    def answer(self, current: Mapping[str, str], as_of: date, history: History, record: Record,
               defects: frozenset[str]) -> dict[str, Any]:
        atena = current.get("宛名番号", "")
        items = record(atena)
        kept = self._kept.get((atena, as_of))
        if kept is not None and kept[0] is current and kept[1] == items:
            return kept[2]
        row = held_birth(dict(current), defects)
        answer = senkyo(row, stay_of(row), as_of, defects, items, history(atena))
        if len(self._kept) >= _KEPT:
            self._kept.clear()
        self._kept[(atena, as_of)] = (current, items, answer)
        return answer


#: The defects under which every row is evaluated for every 投票区 (:func:`_elsewhere`, asked once a row a page).
_EVERY_DISTRICT = frozenset({"senkyo_roll_every_district", "senkyo_one_voting_district"})


def _elsewhere(current: Mapping[str, str], district: str, defects: frozenset[str]) -> bool:
    """Whether the row's 町字 is another 投票区's (the person is not evaluated for this one; a 町字 of no 投票区, the
    address after a move-out, is)."""
    if not defects.isdisjoint(_EVERY_DISTRICT):
        return False
    found = VOTING_DISTRICTS.get(current.get("住所_町字") or "")
    return found is not None and found != district


def _entries(district: str, as_of: date, rows: Rows, history: History, record: Record,
             defects: frozenset[str], memo: RollMemo) -> Iterator[dict[str, Any]]:
    """The roll's entries in 宛名番号 order, each found when reached (no list of the whole 投票区 is built)."""
    last_first = _last_registration_day(as_of)
    for current in rows():
        if _elsewhere(current, district, defects):
            continue
        atena = current.get("宛名番号", "")
        answer = memo.answer(current, as_of, history, record, defects)
        if not answer["登録"]:
            continue
        if answer["投票区"] != district and "senkyo_roll_every_district" not in defects:
            continue
        registered = parse_day(answer["登録基準日"] or "")
        if "senkyo_roll_previous_registration" in defects and registered is not None and registered >= last_first:
            continue  # the defect: the roll as the 定時登録 before the last left it
        yield {"宛名番号": atena, "表示": bool(answer["表示"]) and "senkyo_roll_without_indication" not in defects}


def roll_page(district: str, as_of: date, offset: int, limit: int, rows: Rows, history: History, record: Record,
              defects: frozenset[str], memo: RollMemo) -> dict[str, Any]:
    """One page of the 投票区's roll on ``as_of``: the entries ``offset`` to ``offset + limit - 1`` and the offset
    of the next page (null on the last)."""
    page: list[dict[str, Any]] = []
    more = False
    for index, entry in enumerate(_entries(district, as_of, rows, history, record, defects, memo)):
        if index < offset:
            continue
        if len(page) == limit:
            more = True
            break
        page.append(entry)
    after = offset + len(page)
    if more and "senkyo_roll_page_repeats_row" in defects:
        after = max(offset + 1, after - 1)  # the defect: the last entry of the page starts the next one too
    return {"選挙人": page, "next_offset": after if more else None}
