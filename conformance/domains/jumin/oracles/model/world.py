"""The model's state: the persons it knows, each with their history rows; 世帯 and 除票 derived from them.

The rows are the vendor's own, adopted after the model judged them (a value the text leaves open is the
one the vendor chose), so the next transition starts from what the vendor holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from conformance import clock
from conformance.domains.jumin.oracles.model.rules import CURRENT, CodeStock, Measure, Row


@dataclass
class World:
    """Persons by 宛名番号, each with their history rows (oldest first), and the 支援措置 in force."""

    persons: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    #: The 支援措置 registered, by their 申出者's 宛名番号 (1.1.16: one record per 申出).
    measures: dict[str, Measure] = field(default_factory=dict)
    #: The day a 支援措置 is judged on: the vendor's own today (its protection follows its clock, not the
    #: 処理日 a 異動 names).
    today: date = field(default_factory=clock.today)
    #: The members each 世帯 was made with, together (5.2 R002: a person who joins a 世帯 later may be listed last,
    #: so only the order of these is 5.2's whatever came after).
    founders: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The 住民票コード stock (4.3.1) once the model has read it (the fixed example ``code_stock``), else None.
    stock: CodeStock | None = None

    def adopt(self, atena: str, rows: Iterable[Row]) -> None:
        """Append the rows the vendor wrote for ``atena`` (a new person when unknown)."""
        self.persons.setdefault(atena, []).extend(dict(row) for row in rows)

    def take_codes(self, persons: Iterable[str]) -> None:
        """The 住民票コード the persons hold now leave the stock (4.3.1 R002: a code given is given once)."""
        if self.stock is None:
            return
        for atena in persons:
            if atena in self.persons:
                self.stock.take(self.latest(atena).get("住民票コード", ""))

    def rewrite(self, atena: str, rows: Iterable[Row]) -> None:
        """The person's history as the vendor holds it now (a 表示 written on the latest row in place)."""
        self.persons[atena] = [dict(row) for row in rows]

    def protected(self, atena: str) -> bool | None:
        """Whether 3.4 requires the person's copies refused today: True under a 支援措置 in force, False under
        none, None where the text leaves it to the vendor (a measure ended: R007)."""
        verdicts = [measure.protects(self.today) for measure in self.measures.values() if atena in measure.persons]
        if any(verdicts):
            return True
        return None if verdicts else False

    def provisional(self, atena: str) -> bool:
        """Whether the person is protected today by a 仮支援措置 only (3.4 R008), no 支援措置 in force."""
        measures = [measure for measure in self.measures.values() if atena in measure.persons]
        return any(m.provisional_on(self.today) for m in measures) and not any(
            m.protects(self.today) and not m.provisional_on(self.today) for m in measures)

    def history(self, atena: str) -> list[dict[str, str]]:
        """The person's rows ([] when unknown)."""
        return self.persons.get(atena, [])

    def latest(self, atena: str) -> dict[str, str]:
        """The person's latest row (1.2.1 R018: 履歴番号が最大のデータ)."""
        return self.persons[atena][-1]

    def is_current(self, atena: str) -> bool:
        """Whether the person is a 住民 (住民状態 住民)."""
        return atena in self.persons and self.latest(atena).get("住民状態") == CURRENT

    def current(self) -> Iterator[str]:
        """Every 住民 the model knows."""
        return (atena for atena in self.persons if self.is_current(atena))

    def members(self, setai: str) -> list[str]:
        """The 住民 of a 世帯, by 宛名番号."""
        return sorted(atena for atena in self.current() if self.latest(atena).get("世帯番号") == setai)

    def households(self) -> list[str]:
        """Every 世帯 with a 住民, by 世帯番号."""
        return sorted({self.latest(atena).get("世帯番号", "") for atena in self.current()})

    def head(self, setai: str) -> str | None:
        """The 世帯主 of a 世帯 (None when it has none: 1.1.10 世帯主未設定を許容)."""
        return next((atena for atena in self.members(setai) if self.latest(atena).get("続柄") == "世帯主"), None)

    def removed(self) -> Iterator[Row]:
        """The latest rows of the persons who are no longer 住民 (除票)."""
        return (rows[-1] for atena, rows in self.persons.items() if not self.is_current(atena))

    def numbers(self, item: str) -> set[str]:
        """Every value of ``item`` (宛名番号, 世帯番号) on any row the model knows."""
        return {row.get(item, "") for rows in self.persons.values() for row in rows} - {""}
