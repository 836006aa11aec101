"""Valid by construction: rows drawn from the strategies, written as a migration file, pass the
export-file check ``file.layout`` with every rule family (zero findings)."""

from __future__ import annotations

import csv
import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from factories import requirement
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import DataItem, FileColumn, FileInterface
from conformance.checks import files
from conformance.checks.files import file_layout
from conformance.checks.registry import CheckContext
from conformance.oracles.identifiers import m11w2_7_check_digit
from conformance.strategies import Protection, Scenario, dv_protections, households, residents, scenarios
from conformance.targets.base import Target
from conformance.targets.exports import DirectoryExportSource
from conformance.testdata.migration import read_migration, write_migration
from conformance.testdata.town import jumin_edition, residents_layout

T = TypeVar("T")
settings.register_profile("strategies", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings.get_profile("strategies")
#: The large sample below checks thousands of rows in one file; the tests that shrink need fewer.
FEW = settings(FAST, max_examples=5)
LAYOUT = "residents_csv"
NAME = "residents.csv"


def findings(rows: Sequence[dict[str, str]], edition: EditionCatalog | None = None,
             without: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(code, location, message) of every finding of file.layout, all rule families, on ``rows``."""
    catalog = edition or jumin_edition()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / NAME
        if edition is None:
            write_migration(rows, path)
            assert len(read_migration(path)) == len(rows)  # the strict reader agrees too
        else:
            _write(rows, path, [column.header for column in residents_layout(catalog).columns])
        exports = DirectoryExportSource(Path(directory), {LAYOUT: NAME}, {LAYOUT: "utf-8"})
        target = Target(catalog=catalog, exports=exports)
        # Not the cross-file references, and not `municipalities`: the generated town's 市区町村コード
        # (229997) is fictional by design (a valid check digit, no real municipality; the family is
        # not bound for the reference either, bindings.yaml).
        skipped = (files.REFERENCES, "municipalities", *without)
        one_file = [family for family in files.FAMILIES if family not in skipped]
        context = CheckContext(requirement(), {"layout": LAYOUT, "rules": one_file}, target)
        return [(f.code, f.location, f.message) for f in file_layout(context)]


def _write(rows: Sequence[dict[str, str]], path: Path, headers: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([row[header] for header in headers] for row in rows)


def atena(row: dict[str, str]) -> str:
    return row["宛名番号"]


def setai(row: dict[str, str]) -> str:
    return row["世帯番号"]


#: Independent residents in one file: distinct 宛名番号 and distinct 世帯番号 (two draws may each be the
#: 世帯主 of a 世帯 numbered alike, which one file may not hold: that rule is the town's, tested there).
APART = (atena, setai)


def sample(strategy: SearchStrategy[T], examples: int) -> list[T]:
    """``examples`` derandomized draws (no shrinking): a reproducible sample."""
    drawn: list[T] = []

    @settings(max_examples=examples, phases=[Phase.generate], derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value: T) -> None:
        drawn.append(value)

    collect()
    return drawn


def renumbered(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows with distinct 宛名番号 (valid M11W2-7): independent draws reuse small serials."""
    serials = (serial for serial in range(10**8, 2 * 10**8) if m11w2_7_check_digit(str(serial)[1:]) is not None)
    return [{**row, "宛名番号": (digits := str(next(serials))[1:]) + str(m11w2_7_check_digit(digits))}
            for row in rows]


def test_a_large_sample_of_every_strategy_is_one_valid_file() -> None:
    """About 1,500 rows from every strategy in one migration file: the file check finds nothing."""
    rows = [*sample(residents(), 500), *sample(residents(kind="foreign"), 250)]
    rows += [row for household in sample(households(), 150) for row in household]
    rows += [protection.row for protection in sample(dv_protections(), 120)]
    rows += [scenario.row for scenario in sample(scenarios(), 120)]
    assert len(rows) > 1200  # Hypothesis drops draws it has already made: fewer than asked
    # The sample has every kind of row in it (the reachability tests show which cases in detail).
    assert {row["第30条45規定区分"] for row in rows} == {"", "1", "2", "3", "4", "5", "6"}
    assert {row["住民状態"] for row in rows} == {"1", "2", "3"}
    assert {row["生年月日_不詳フラグ"] for row in rows} == {"0", "1"}
    # Not `keys`: independent draws reuse 世帯番号, so households of different draws meet in one file
    # (one 世帯主 per household is a rule of a town's file, tested with the town and the invariants).
    assert findings(renumbered(rows), without=("keys",)) == []


KINDS = [
    {"kind": "japanese"},
    *({"kind": "foreign", "category": category} for category in "123456"),
    {"kind": "any"},
    {"kind": "foreign", "with_tsusho": True},
    {"kind": "any", "protected": True},
]


@pytest.mark.parametrize("arguments", KINDS, ids=lambda arguments: "-".join(map(str, arguments.values())))
@settings(FAST, max_examples=3)
@given(data=st.data())
def test_residents_are_valid_rows(arguments: dict[str, Any], data: st.DataObject) -> None:
    rows = data.draw(st.lists(residents(**arguments), min_size=1, max_size=10, unique_by=APART))
    assert findings(rows) == []


@FEW
@given(st.lists(households(), min_size=1, max_size=3))
def test_households_are_valid_rows(groups: list[list[dict[str, str]]]) -> None:
    rows = [row for group in groups for row in group]
    # Each household's numbers are unique; two independent draws may meet (the strict reader refuses that).
    assume(len({atena(row) for row in rows}) == len(rows))
    assert findings(rows) == []


@FEW
@given(st.lists(dv_protections(), min_size=1, max_size=4, unique_by=lambda protection: atena(protection.row)))
def test_protected_rows_are_valid(protections: list[Protection]) -> None:
    assert findings([protection.row for protection in protections]) == []


@FEW
@given(st.lists(scenarios(), min_size=1, max_size=4, unique_by=lambda scenario: atena(scenario.row)))
def test_scenario_rows_are_valid(drawn: list[Scenario]) -> None:
    assert findings([scenario.row for scenario in drawn]) == []


# -- a catalog that gained items ------------------------------------------------------------------


def _item(**values: object) -> DataItem:
    return DataItem.model_validate({"provenance": {"reference": "test", "confirmed": False}, **values})


NEW_ITEMS = (
    _item(id="new_required_code", name="新項目_必須区分", type="code", code_table="sex", required=True),
    _item(id="new_required_lg", name="新項目_団体コード", type="string", length=6, char_class="digits",
          check_digit="lg_code", required=True),
    _item(id="new_when_moved_out", name="新項目_転出日", type="date",
          required_when={"item": "住民状態", "values": ["2"]}),
    _item(id="new_category_text", name="新項目_庇護番号", type="string", length=8, pattern="^[A-Z][0-9]{7}$",
          required_when={"item": "第30条45規定区分", "values": ["3"]}, applies_to="foreign"),
    _item(id="new_optional_text", name="新項目_任意", type="string", length=20, char_class="text"),
)


def grown_edition() -> EditionCatalog:
    """The bundled edition with NEW_ITEMS added to the data items and to the end of the layout."""
    edition = jumin_edition()
    interfaces = tuple(
        interface.model_copy(update={"columns": (*interface.columns, *(
            FileColumn(data_item=item.id, header=item.name) for item in NEW_ITEMS))})
        if isinstance(interface, FileInterface) and interface.id == LAYOUT else interface
        for interface in edition.interfaces
    )
    return dataclasses.replace(edition, data_items=(*edition.data_items, *NEW_ITEMS), interfaces=interfaces)


GROWN = grown_edition()


@FEW
@given(st.lists(residents(GROWN), min_size=1, max_size=6, unique_by=APART))
def test_items_added_to_the_catalog_are_filled_when_needed(rows: list[dict[str, str]]) -> None:
    assert findings(rows, GROWN) == []
    for row in rows:
        assert row["新項目_任意"] == ""  # optional and unknown: empty
        assert row["新項目_必須区分"] and row["新項目_団体コード"]
        assert bool(row["新項目_転出日"]) == (row["住民状態"] == "2")


@FEW
@given(residents(GROWN, kind="foreign", category="3"))
def test_a_new_category_item_is_filled_for_its_category(row: dict[str, str]) -> None:
    assert row["新項目_庇護番号"]
    assert findings([row], GROWN) == []
