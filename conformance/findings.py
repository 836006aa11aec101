"""Finding values: one located observation that a requirement is not met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found: a stable code, a message, expected and actual values, and where.

    ``location`` is a JSON pointer, ``file:row:column``, or an XPath with its line, as text.
    ``actual`` must already be masked when it may carry personal data.
    """

    requirement: str
    code: str
    message: str
    location: str = ""
    expected: str | None = None
    actual: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding as it appears in ``results.json`` (the requirement is given by its parent)."""
        return {
            "code": self.code,
            "message": self.message,
            "location": self.location,
            "expected": self.expected,
            "actual": self.actual,
        }
