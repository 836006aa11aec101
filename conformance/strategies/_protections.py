"""``dv_protections()``: DV等支援措置 of a resident (住民記録 1.0 j440, 3.4)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.strategies._layout import RowSpec, row_spec
from conformance.strategies._people import AS_OF, Kind, Person, Request, draw_person, single_rows
from conformance.strategies._residents import resident_request
from conformance.strategies._support import EXTENSIBLE, draw_support
from conformance.strategies._validation import check_edition, check_optional_bool, lazily


@dataclass(frozen=True)
class Protection:
    """A 支援措置 and the protected person's migration row (支援措置対象フラグ '1').

    ``end`` is one year after ``start`` (the day before the same date a year later: 令和2年4月1日 ->
    令和3年3月31日, j440), moved a year on for each extension; ``extended_on`` holds the day each
    extension was processed (from one month before the old end). A ``provisional`` protection
    (仮支援措置, while the 申出 is examined) started within the last 60 days and is not extended; its
    ``end`` is the one the period would have. The end may be past: a protection does not end by
    itself (DOMAIN.md), so the person stays protected. When the layout has 支援措置_開始年月日 and
    支援措置_終了年月日, the row carries ``start`` and ``end``.
    """

    row: dict[str, str] = field(hash=False)
    start: date
    end: date
    provisional: bool = False
    extended_on: tuple[date, ...] = ()

    @property
    def extended(self) -> bool:
        """Whether the protection was extended at least once."""
        return bool(self.extended_on)


def dv_protections(
    edition: EditionCatalog | None = None,
    *,
    kind: Kind = "any",
    provisional: bool | None = None,
    extended: bool | None = None,
) -> SearchStrategy[Protection]:
    """Protections of residents (``kind``: ``japanese``, ``foreign`` or ``any``), valid rows by
    construction; ``provisional`` (仮支援措置) and ``extended`` choose the kind of protection (None:
    drawn; both True is an error, a 仮支援措置 is not extended). The person is a current resident
    who lived here when the protection started. Shrinks towards a plain one-year protection."""

    def build() -> SearchStrategy[Protection]:
        spec = row_spec(check_edition(edition))
        check_optional_bool("provisional", provisional)
        check_optional_bool("extended", extended)
        if provisional is True and extended is True:
            raise InvalidArgument("provisional=True and extended=True: a 仮支援措置 (under review) is not extended")
        request = resident_request(spec, kind, None, None, True)
        if extended is True:  # the person must have lived here long enough to be extended
            request = replace(request, settled_by=AS_OF - EXTENSIBLE)
        return _protections(spec, request, provisional, extended)

    return lazily(build)


def _protections(spec: RowSpec, request: Request, provisional: bool | None,
                 extended: bool | None) -> SearchStrategy[Protection]:
    def protected(draw: st.DrawFn) -> Person:
        person = draw_person(draw, spec, request)
        period = draw_support(draw, person.life.became, AS_OF, provisional=provisional, extended=extended)
        return replace(person, support=period)

    def protection(drawn: tuple[Person, dict[str, str]]) -> Protection:
        person, row = drawn
        assert person.support is not None  # protected() always sets one
        period = person.support
        return Protection(row, period.start, period.end, period.provisional, period.extended_on)

    return single_rows(spec, protected).map(protection)
