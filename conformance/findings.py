"""Finding values: one located observation that a requirement is not met.

One type serves every producer: the checks of a run, the export-file passes, the forms, the
scenario engine and ``conformance validate``. A finding may not yet be attached to a requirement
(``requirement`` empty: a file pass or a scenario serves several requirements), and its location is
text, or a structured :class:`Location` where ``conformance validate`` resolves a file's findings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class FieldRef:
    """A field as the file names it, and the catalog item it stands for (None: not in the layout)."""

    header: str
    item: str | None
    data_item: str | None

    def to_json(self) -> dict[str, Any]:
        return {"header": self.header, "item": self.item, "data_item": self.data_item}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding of a file is: file, physical line, 1-based column in the file, field."""

    file: str
    line: int | None = None
    column: int | None = None
    field: FieldRef | None = None

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column,
                "field": self.field.to_json() if self.field is not None else None}

    def text(self) -> str:
        """``file:line:column (header)`` as the run's findings write it."""
        parts = [self.file, *(str(n) for n in (self.line, self.column) if n is not None)]
        return ":".join(parts) + (f" ({self.field.header})" if self.field is not None else "")

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found: a stable code, a message, expected and actual values, where, and the
    requirement it is about.

    ``location`` is text (a JSON pointer, ``file:row:column``, an XPath with its line ...) or a
    structured :class:`Location`; ``to_json`` writes it as it is (a string in ``results.json``, an
    object in the ``conformance validate`` document). ``requirement`` is empty while the finding is
    not yet attached to one (:meth:`for_requirement` attaches it). ``actual`` must already be masked
    when it may carry personal data.
    """

    code: str
    message: str
    location: str | Location = ""
    expected: str | None = None
    actual: str | None = None
    requirement: str = ""

    @property
    def where(self) -> str:
        """The location as text (``file:line:column (header)`` for a structured one)."""
        return self.location.text() if isinstance(self.location, Location) else self.location

    def for_requirement(self, requirement: str) -> Finding:
        """The same finding, attached to ``requirement``."""
        return replace(self, requirement=requirement)

    def to_json(self) -> dict[str, Any]:
        """The finding as it appears in ``results.json`` (the requirement is given by its parent) and
        in the ``conformance validate`` document (a structured location as an object)."""
        return {
            "code": self.code,
            "message": self.message,
            "location": self.location.to_json() if isinstance(self.location, Location) else self.location,
            "expected": self.expected,
            "actual": self.actual,
        }


#: The JSON type of an answered value, as a finding names it.
_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"), (int, "integer"), (float, "number"), (str, "text"), (list, "list"), (dict, "object"))


def json_type(value: Any) -> str | None:
    """The JSON type of ``value`` (``boolean`` before ``integer``: a bool is an int in Python), None for null and for
    what is no JSON value."""
    return next((name for kind, name in _JSON_TYPES if isinstance(value, kind)), None)


def shown_value(value: Any) -> str:
    """A compared value as a finding shows it: null, true/false, else its text."""
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def shown_pair(expected: Any, actual: Any) -> tuple[str, str]:
    """``expected`` and ``actual`` as a finding shows them; where both are values of different JSON types (an integer
    against a text), each is shown as JSON with its type, so that ``1`` against ``"1"`` does not read as the same."""
    types = json_type(expected), json_type(actual)
    if None in types or types[0] == types[1]:
        return shown_value(expected), shown_value(actual)
    return (f"{_json_text(expected)} ({types[0]})", f"{_json_text(actual)} ({types[1]})")


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
