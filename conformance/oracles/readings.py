"""Where the text leaves room: the answers every allowed reading gives, as one expected value.

An oracle that meets a question the text does not settle (a reading named in the register, provisions.yaml or
interpretations.yaml) expects :class:`Either` of the answers the readings give; the checks compare with ``==``,
so an answer equal to any of them passes (issue 65: every allowed reading passes).
"""

from __future__ import annotations

from typing import Any

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
        return " | ".join(shown(value) for value in self.allowed)

    def __repr__(self) -> str:
        return f"Either{self.allowed!r}"


def either(*values: Any) -> Any:
    """The one value when the readings agree, else :class:`Either` of the distinct ones (in the order given)."""
    distinct: list[Any] = []
    for value in values:
        if value not in distinct:
            distinct.append(value)
    return distinct[0] if len(distinct) == 1 else Either(*distinct)


def shown(value: Any) -> str:
    """A value as a finding's text shows it: JSON's ``null``, ``true`` and ``false``, else ``str``."""
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
