"""Following a paged list's ``next_offset`` (the linkage API's ``resident_page``: a nullable integer, null on the
last page). An offset is a position in the list, so the next page starts past the one just read; a ``next_offset``
at or before the offset just read sends the client back over rows it has read (a vendor answering its page size, or
its own offset: a paging loop). The walk ends there at once, as the vendor's error naming the offsets, instead of
reading the same pages again up to ``targets.api.max_pages`` (issue 67, blind round 4 02: such a run took hours)."""

from __future__ import annotations

from typing import Any

from conformance.errors import TargetError


def next_offset(where: str, read: int, page: Any) -> int | None:
    """The offset of the page after the one read at ``read`` (None: the list ended), or a TargetError naming the
    page when its ``next_offset`` is not an integer or does not move past ``read``."""
    answered = page.get("next_offset") if isinstance(page, dict) else None
    if answered is None:
        return None
    try:
        offset = int(answered)
    except (TypeError, ValueError):
        raise TargetError(f"{where} at offset {read}: next_offset {answered!r} is not an integer "
                          "(resident_page.next_offset: an integer, or null on the last page)") from None
    if offset <= read:
        raise TargetError(f"{where} at offset {read}: next_offset {offset} does not move past the page just read "
                          "(the pages would repeat rows already read: the walk stopped)")
    return offset
