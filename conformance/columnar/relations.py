"""Cross-file rules (移行ファイル関連図): every value of a column is a key of another file.

The referenced file's keys are collected once (distinct values, streamed); the referencing file is
then streamed against them with an anti-join, so only the rows whose value is not a key leave
polars, in file order, with their line numbers. Memory holds the distinct keys, not the files.
A file outside the vectorized CSV grammar raises :class:`~conformance.columnar.lines.Irregular`
and the caller reads it with the csv module instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl

from conformance.columnar.compile import LINE
from conformance.columnar.lines import IRREGULAR, VALUE, Irregular, column_lines

KEY = "__key"


def distinct_keys(paths: Sequence[Path], quoted: bool, index: int,
                  recode: tuple[tuple[str, str], ...] = ()) -> pl.DataFrame:
    """The distinct non-empty values of field ``index`` (column KEY), mapped by ``recode`` (Column.recode)."""
    frame = column_lines(paths, quoted, index, recode=recode)
    if quoted:
        _raise_irregular(frame)
    keys = frame.filter(pl.col(VALUE) != "").select(pl.col(VALUE).unique().alias(KEY))
    return keys.collect(engine="streaming")


def unknown_values(paths: Sequence[Path], quoted: bool, index: int, keys: pl.DataFrame,
                   recode: tuple[tuple[str, str], ...] = ()) -> Iterator[pl.DataFrame]:
    """Batches (in line order) of LINE, VALUE for the records whose non-empty field ``index`` (mapped by
    ``recode``, Column.recode) is not among ``keys``."""
    frame = column_lines(paths, quoted, index, recode=recode)
    if quoted:
        _raise_irregular(frame)
    filled = frame.filter(pl.col(VALUE) != "").select(LINE, VALUE)
    missing = filled.join(keys.lazy(), left_on=VALUE, right_on=KEY, how="anti", maintain_order="left")
    yield from missing.collect_batches(maintain_order=True, engine="streaming")


def _raise_irregular(frame: pl.LazyFrame) -> None:
    first = frame.filter(pl.col(IRREGULAR)).select(pl.col(LINE).min()).collect(engine="streaming").item()
    if first is not None:
        raise Irregular(int(first))
