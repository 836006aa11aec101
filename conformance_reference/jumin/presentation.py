"""How the reference vendor reads and shows its records: the part its API's handlers share.

The presentation is where defects change what is shown: the linkage API's answers, the exports and
the certificates all go through it, so such a defect shows in each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.http import _require_number, not_found
from conformance_reference.jumin.storage import Row, Store
from conformance_reference.model import Model, household_order, json_value


class Presentation:
    """The records as :class:`~conformance_reference.app.ReferenceApp`'s handlers read and show them
    (a mixin over the app's store, active defects and catalog model)."""

    store: Store
    defects: frozenset[str]
    model: Model

    # -- presentation (where defects change what is shown) -----------------------------------------

    def _present(self, row: Mapping[str, str], *, certificate: bool = False) -> Row:
        shown = dict(row)
        if "tsusho_dropped" in self.defects and not certificate:
            shown["通称"] = shown["通称_フリガナ"] = ""
        if "prohibited_zokugara" in self.defects and shown.get("続柄") == "子の子":
            shown["続柄"] = "孫"
        return shown

    def _document(self, schema_id: str, row: Mapping[str, str]) -> dict[str, Any]:
        """A document of a schema whose properties are data items, from a row."""
        fields = self.model.document_fields(schema_id)
        return {name: json_value(item, row.get(header, "")) for name, header, item in fields}

    def _resident(self, row: Mapping[str, str]) -> dict[str, Any]:
        document = self._document("resident", self._present(row))
        if "openapi_violation" in self.defects:
            document["内部ID"] = f"R{row.get('宛名番号', '')}"
            sex = row.get("性別", "")
            document["性別"] = int(sex) if sex.isascii() and sex.isdigit() else sex
        return document

    def _history_row(self, row: Mapping[str, str]) -> dict[str, Any]:
        return self._document("history_row", self._present(row))

    # -- reads --------------------------------------------------------------------------------------

    def _person(self, atena: str) -> Row:
        _require_number(atena, "宛名番号")
        row = self.store.latest(atena)
        if row is None:
            raise not_found(f"no resident with 宛名番号 {atena}")
        return row

    def _current_household(self, setai: str) -> list[Row]:
        members = [row for row in self.store.household(setai) if row.get("住民状態") == "1"]
        return sorted(members, key=household_order)

    def _householder_of(self, person: Row) -> Row | None:
        """The 世帯主 of ``person``'s household as it is now (a form's 保護者 or 世帯主), None if it has none."""
        return next((row for row in self._current_household(person.get("世帯番号", "")) if row.get("続柄") == "世帯主"),
                    None)
