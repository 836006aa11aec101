"""Where the text leaves room: the answers every allowed reading gives, as one expected value.

An oracle that meets a question the text does not settle (a reading named in the register, provisions.yaml or
interpretations.yaml) expects :class:`Either` of the answers the readings give; the checks compare with ``==``,
so an answer equal to any of them passes (issue 65: every allowed reading passes).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from conformance.findings import shown_value

#: The key under which a finding's JSON shows the allowed answers (``{"any_of": [...]}``).
ANY_OF = "any_of"


class Either(dict[str, list[Any]]):
    """The values the text allows a field, or a whole projection (``==``: an answer equal to any of them).

    A dict only so that a finding's ``json.dumps`` of an expected projection shows it as ``{"any_of": [...]}``
    without a serializer of its own; it compares as the values, never as that dict. Shown as ``a | b``."""

    def __init__(self, *values: Any) -> None:
        super().__init__({ANY_OF: list(values)})
        self.allowed = values

    def __eq__(self, other: object) -> bool:
        return other.allowed == self.allowed if isinstance(other, Either) else other in self.allowed

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self.allowed)

    def __str__(self) -> str:
        return " | ".join(shown_value(value) for value in self.allowed)

    def __repr__(self) -> str:
        return f"Either{self.allowed!r}"

    def or_none(self) -> Either:
        """The same answers and none (null) too; a subclass keeps its own kind of answers (a span of days)."""
        return self if None in self.allowed else Either(*self.allowed, None)


def either(*values: Any) -> Any:
    """The one value when the readings agree, else :class:`Either` of the distinct ones (in the order given)."""
    distinct: list[Any] = []
    for value in values:
        if value not in distinct:
            distinct.append(value)
    return distinct[0] if len(distinct) == 1 else Either(*distinct)


def year_view(acquired: date | None, lost: date | None, fiscal_year: int) -> tuple[tuple[date | None, ...],
                                                                                    tuple[date | None, ...]]:
    """The 取得日 and 喪失日 a per-年度 answer may give of a 資格 from ``acquired`` to ``lost`` (each a tuple of the
    allowed values, the record's first).

    Reading (ours; issue 65: a per-年度 query's view of a date outside the 年度): the query asks about one 年度, and
    the text says nothing of how a record outside it is shown. A 資格 wholly outside the 年度 (acquired after its
    last day, or lost on or before its first) may be shown as the record or as none; a 喪失 after the 年度's last
    day may be shown or left out (the 年度 ends first). A 資格 acquired before the 年度 and running into it shows
    its 取得日. Example: 年度 2024 (2024-04-01 to 2025-03-31), 資格 from 2025-06-01: 取得日 2025-06-01 or none."""
    first, last = date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31)
    outside = (acquired is not None and acquired > last) or (lost is not None and lost <= first)
    acquired_shown: tuple[date | None, ...] = (acquired, None) if outside and acquired is not None else (acquired,)
    lost_shown: tuple[date | None, ...] = (lost, None) if lost is not None and (outside or lost > last) else (lost,)
    return acquired_shown, lost_shown


def allowed(value: Any) -> tuple[Any, ...]:
    """The values an expected value allows: an :class:`Either`'s, else the one value."""
    return value.allowed if isinstance(value, Either) else (value,)


def begins_after(value: Any, as_of: date) -> bool:
    """Whether an expected day (ISO text, or :class:`Either` of ISO texts and None) allows a day after ``as_of``."""
    days = (_iso_date(day) for day in allowed(value) if isinstance(day, str))
    return any(day is not None and day > as_of for day in days)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:  # a month ("2025-06") or another text: not a day
        return None


def not_yet(shown: dict[str, Any], fields: tuple[str, ...], as_of: date) -> dict[str, Any]:
    """``shown`` (a projection of expected values) as an answer about ``as_of`` may give its days: each of
    ``fields`` whose allowed days include one after ``as_of`` may also be null (not yet).

    Reading (ours; issue 65; register: koki_korei provisions.yaml 第52条第1項, 第53条第1項): a per-person query asks
    about the person on ``as_of``. A 資格 that begins after ``as_of`` under a reading the text allows does not exist
    on ``as_of`` under that reading, and a 喪失 after ``as_of`` has not happened: the answer may name the day ahead
    (as the records fix it) or none (null). A day on or before ``as_of`` is still required, and a wrong day still
    differs. Example: born 1984-07-07, asked on 2024-03-31: 資格取得日 2059-07-07, 2059-07-06 (the other reading of
    75) or null; a death on 2025-06-10 asked that day: 資格喪失日 2025-06-11 or null; asked on 2025-06-11:
    2025-06-11."""
    return {name: _or_none(value) if name in fields and begins_after(value, as_of) else value
            for name, value in shown.items()}


def _or_none(value: Any) -> Any:
    return value.or_none() if isinstance(value, Either) else either(value, None)
