"""The 異動差分's boundaries a counterpart system meets when it polls (7.2.3 R002): the moment ``changed_since``
names written with another UTC offset is the same moment.

Our reading (interpretation ``jumin-1.0-interp-diff-boundaries``): the contract types ``changed_since`` as an
RFC 3339 date-time (interfaces.yaml ``list_residents``), so ``...Z`` and the same instant in JST (``+09:00``, the
offset a municipality's own systems write), or west of UTC (``-05:00``: the offset is signed), must list the same
persons. Whether the moment itself is included and
what ``next_offset`` says on a last page that is exactly full the text leaves open; ``Paths._paged`` accepts both.
A counterpart polls while the town works: a 異動 between two page reads of one poll must not lose or repeat another
person's row (:func:`across_change`); the person changed may be listed again with the new row. The 全件 read page by
page the same (:func:`full_walk`: 全件と異動差分のどちらにも, one sentence; issue 67's blind round, 19).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.jumin.oracles.model import rules as r

#: Japan Standard Time, the offset a counterpart system in a municipality writes its last poll's time with.
JST = timezone(timedelta(hours=9))


#: An offset west of UTC: RFC 3339's time-offset is signed ("+" / "-"), so a reader dropping the sign, ten hours
#: off here, is seen (blind round 5, 17); no counterpart in Japan writes it, the contract's type allows it.
WEST = timezone(timedelta(hours=-5))


def written_in(stamp: str, zone: timezone = JST) -> str:
    """A UTC stamp (``...Z``, as the model takes it) as the same instant with the offset of ``zone`` (``+09:00``)."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(zone).isoformat(timespec="microseconds")


def in_nanoseconds(stamp: str) -> str:
    """The same instant in JST written with nine fraction digits (RFC 3339's time-secfrac is any number of them;
    blind round 5, 18: a reader taking six at most refused it)."""
    return written_in(stamp).replace("+09:00", "000+09:00")


def same_instant(read: Callable[[str], list[str]], stamp: str, whole: Sequence[str]) -> Iterator[Breach]:
    """The 異動差分 since ``stamp`` asked with the instant in JST, with it west of UTC (``-05:00``) and with nine
    fraction digits lists the persons it lists with ``Z`` (``read`` gives the 宛名番号 the 異動差分 since a
    date-time lists)."""
    for moment in (written_in(stamp), written_in(stamp, WEST), in_nanoseconds(stamp)):
        listed = read(moment)
        if sorted(listed) != sorted(whole):
            yield Breach(r.DIFFERENCES, "model.diff_offset_differs", "the 異動差分 since the same instant written "
                         f"as {moment} (RFC 3339) should list the persons it lists since it written "
                         "in UTC", f"GET /residents?changed_since={moment}", f"{len(whole)} rows",
                         f"{len(listed)} rows")
            return


def across_change(whole: Sequence[str], listed: Sequence[str], changed: str | None, where: str, *,
                  full: bool = False) -> Iterator[Breach]:
    """The poll read a row a page with a 異動 of ``changed`` between two pages (``listed``, repeats kept) against the
    poll read at once before it (``whole``): every other person is listed exactly once, the changed one at least
    once (a vendor may list them again with their new row; our reading, interpretation diff-boundaries). ``full``:
    the 全件's walk, not the 異動差分's."""
    if changed is None:
        return
    wrong = sorted(atena for atena in set(whole) if listed.count(atena) != 1 and not (
        atena == changed and listed.count(atena) > 1))
    if wrong:
        first = wrong[0]
        code, what = ("model.full_lost_across_change", "全件") if full else (
            "model.diff_lost_across_change", "異動差分")
        yield Breach(r.DIFFERENCES, code, f"a 異動 of {changed} between two page reads of the {what} should neither "
                     "lose nor repeat another person's row", f"{where}#{first}", "listed once",
                     f"listed {listed.count(first)} times")


#: Rows of a page when the 全件 is read whole (the contract's limit; a vendor may give fewer a page).
FULL_LIMIT = 1000
#: Pages of the 全件 read whole before giving up (the test town is about 3,000 persons).
MAX_FULL_PAGES = 100
#: Rows after the walk's first at most (a row a page): the persons of the example and those made after them.
MAX_TAIL = 20
#: One page of the 全件 (``GET /residents`` without ``changed_since``): its offset and limit -> the page's object.
Page = Callable[[Any, int], Mapping[str, Any]]


def full_walk(page: Page, own: Collection[str], change: Callable[[Sequence[str]], str | None]) -> Iterator[Breach]:
    """7.2.3 R002's 全件 read a row a page while the town works (interpretation diff-boundaries; issue 67's blind
    round, 19: a 全件 paged in storage order moves a person changed to the end, and the row after them is lost): the
    全件 read whole, then from the first of ``own`` (an example's persons, the newest: the list's tail) a row a page,
    ``change`` making a 異動 of a person already listed after a page (as :func:`across_change`'s poll). Every other
    person of the tail is listed exactly once, the changed one at least once. A walk may start at any offset (the
    contract's offset paging); a tail longer than ``MAX_TAIL`` is not walked."""
    whole, _ = _walk(page, 0, FULL_LIMIT, MAX_FULL_PAGES, None)
    start = next((index for index, atena in enumerate(whole) if atena in own), None)
    if start is None or not 1 < len(whole) - start <= MAX_TAIL:
        return
    listed, changed = _walk(page, start, 1, MAX_TAIL + 1, change)
    yield from across_change(whole[start:], listed, changed, f"GET /residents?offset={start}&limit=1", full=True)


def _walk(page: Page, offset: Any, limit: int, pages: int,
          change: Callable[[Sequence[str]], str | None] | None) -> tuple[list[str], str | None]:
    """The 宛名番号 the 全件 lists from ``offset``, ``limit`` rows a page, ``pages`` pages at most (repeats kept),
    and the person ``change`` changed after a page (asked after each page until it changes one)."""
    listed: list[str] = []
    changed: str | None = None
    for _ in range(pages):
        answer = page(offset, limit)
        rows = answer.get("residents")
        listed += [str(row.get("宛名番号", "")) for row in rows if isinstance(row, dict)] \
            if isinstance(rows, list) else []
        offset = answer.get("next_offset")
        if offset is None:
            break
        if change is not None:
            changed = changed or change(listed)
    return listed, changed
