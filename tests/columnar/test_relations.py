"""Cross-file rules: the values of one file's column that are not keys of another file."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from conformance.columnar.compile import LINE
from conformance.columnar.lines import VALUE, Irregular
from conformance.columnar.relations import KEY, distinct_keys, unknown_values


def _missing(paths: list[Path], quoted: bool, index: int, keys: pl.DataFrame) -> list[tuple[int, str]]:
    batches = list(unknown_values(paths, quoted, index, keys))
    if not batches:
        return []
    frame = pl.concat(batches)
    return list(zip(frame[LINE].to_list(), frame[VALUE].to_list(), strict=True))


def test_keys_are_distinct_and_filled(tmp_path: Path) -> None:
    households = tmp_path / "h.csv"
    households.write_text("世帯番号,世帯主氏名\n5000000045,山口　一郎\n5000000053,\n,x\n5000000045,重複\n",
                          encoding="utf-8")
    keys = distinct_keys([households], False, 0)
    assert sorted(keys[KEY].to_list()) == ["5000000045", "5000000053"]


def test_values_that_are_not_keys_with_their_lines(tmp_path: Path) -> None:
    keys = pl.DataFrame({KEY: ["5000000045", "5000000053"]})
    residents = tmp_path / "r.csv"
    rows = ["宛名番号,世帯番号", "1,5000000045", "2,5000000061", "3,", "4", "", "6,5000000053", "7,9"]
    residents.write_text("\n".join(rows) + "\n", encoding="utf-8")
    # Line 3 names a household the other file lacks, line 8 too; empty and absent values are no reference.
    assert _missing([residents], False, 1, keys) == [(3, "5000000061"), (8, "9")]


def test_pieces_and_quoted_fields(tmp_path: Path) -> None:
    keys = pl.DataFrame({KEY: ["a,b", "c"]})
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    first.write_text('h1,h2\n1,"a,b"\n2,"c"\n', encoding="utf-8")
    second.write_text('3,"d ""e"""\n4,c\n', encoding="utf-8")
    assert _missing([first, second], True, 1, keys) == [(4, 'd "e"')]


def test_a_line_outside_the_grammar_is_raised(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('h1,h2\n1,"ok"\n2,"bad"x\n', encoding="utf-8")
    with pytest.raises(Irregular) as raised:
        distinct_keys([path], True, 1)
    assert raised.value.line == 3
    with pytest.raises(Irregular):
        list(unknown_values([path], True, 1, pl.DataFrame({KEY: ["ok"]})))
