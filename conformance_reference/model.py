"""The catalog as the reference vendor's API needs it, and the JSON representation of its values.

JSON representation (the same rule as :mod:`conformance.catalog.openapi`): every property of a schema
is present; data item values are strings except ``integer`` items (履歴番号); the empty value of a
data item that is not ``required`` is ``null``, and a required item is never ``null``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import ApiInterface, DataItem, Level, Parameter, Schema
from conformance.errors import SpecError
from conformance_reference.http import _pattern_of
from conformance_reference.migration import residents_layout
from conformance_reference.paper import split_date

_SPOUSES = frozenset({"妻", "夫", "妻（未届）", "夫（未届）"})


# -- the catalog as the app needs it --------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """The catalog entries the app uses, indexed."""

    items: dict[str, DataItem]
    named: dict[str, DataItem]
    headers: tuple[str, ...]
    header_of: dict[str, str]
    schemas: dict[str, Schema]
    codes: dict[str, dict[str, str]]
    #: Query parameters of each operation, by path pattern (``residents/*`` for ``/residents/{宛名番号}``).
    query: dict[tuple[str, ...], tuple[Parameter, ...]]
    #: Per schema, its properties that are data items: (property name, row key, data item). A list of a
    #: thousand residents looked each up again for every resident.
    fields: dict[str, tuple[tuple[str, str, DataItem], ...]]

    @classmethod
    def build(cls, edition: EditionCatalog) -> Model:
        layout = residents_layout(edition)
        operations = [entry for entry in edition.interfaces if isinstance(entry, ApiInterface)]
        items = {item.id: item for item in edition.data_items}
        header_of = {column.data_item: column.header for column in layout.columns}
        return cls(
            items=items,
            named={item.name: item for item in edition.data_items},
            headers=tuple(column.header for column in layout.columns),
            header_of=header_of,
            schemas={schema.id: schema for schema in edition.schemas},
            codes={table.id: {code.code: code.label for code in table.codes if code.level is not Level.PROHIBITED}
                   for table in edition.code_tables},
            query={_pattern_of(op.path): tuple(p for p in op.parameters if p.location == "query") for op in operations},
            fields={schema.id: tuple((prop.name, header_of.get(item.id, item.name), item)
                                     for prop in schema.properties
                                     if (item := items.get(prop.data_item or "")) is not None)
                    for schema in edition.schemas},
        )

    def schema(self, schema_id: str) -> Schema:
        try:
            return self.schemas[schema_id]
        except KeyError:
            raise SpecError([f"the catalog has no schema {schema_id!r}"]) from None

    def document_fields(self, schema_id: str) -> tuple[tuple[str, str, DataItem], ...]:
        """:attr:`fields` of a schema (a ``SpecError`` when the catalog has no such schema)."""
        try:
            return self.fields[schema_id]
        except KeyError:
            raise SpecError([f"the catalog has no schema {schema_id!r}"]) from None

    def header(self, item: DataItem) -> str:
        """The row key (CSV header) of a data item."""
        return self.header_of.get(item.id, item.name)

    def label(self, item_name: str, code: str) -> str:
        """The label of a code value (``1`` -> ``男``); the code itself when unknown."""
        item = self.named.get(item_name)
        table = self.codes.get(item.code_table or "", {}) if item is not None else {}
        return table.get(code, code)


def json_value(item: DataItem, value: str) -> Any:
    """A data item's value in JSON (the representation rule in the module docstring)."""
    if value == "":
        return "" if item.required else None
    if item.type == "integer" and value.isascii() and value.isdigit():
        return int(value)
    return value


# -- dates (split_date, wareki and seireki: conformance_reference/jumin/forms.py) ---------------------------


def household_order(row: Mapping[str, str]) -> tuple[int, bool, tuple[int, int, int], str]:
    """Sort key of 住民記録 1.0 5.2, simplified: 世帯主; 配偶者; 子; everyone else; within a rank by
    生年月日 then 宛名番号, 不詳 (or unreadable) dates last."""
    relation = row.get("続柄", "")
    rank = 0 if relation == "世帯主" else 1 if relation in _SPOUSES else 2 if relation == "子" else 3
    birth = None if row.get("生年月日_不詳フラグ") == "1" else split_date(row.get("生年月日", ""))
    return rank, birth is None, birth or (0, 0, 0), row.get("宛名番号", "")
