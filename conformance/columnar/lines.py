"""The columnar CSV engine: a UTF-8 file read as physical lines, split into fields by polars
expressions, judged by compiled masks, streamed in bounded memory.

Reading lines (``pl.scan_lines``) instead of ``pl.scan_csv`` is what makes the findings exact:
the row index *is* the physical line number the row path reports, a record's field count is the
length of its split (scan_csv pads short records and truncates long ones), and a blank line is
seen as one (csv gives it no fields). The grammar covered:

- a file without ``"``: every line is split on ``,``;
- a file with ``"``: every line must be a sequence of fields that are either unquoted without
  ``"`` or quoted with inner quotes doubled (RFC 4180 within one line). A line outside that
  grammar (a quoted value spanning lines, a stray quote the csv module would read leniently)
  raises :class:`Irregular` and the caller reads the file with the row path instead.

Only rows some mask marks leave the engine, with their line number, their values and the masks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from conformance.columnar.compile import LINE, NFIELDS, RECORD, Rule, value_name

if TYPE_CHECKING:
    from conformance.catalog.layouts import Column
    from conformance.columnar.digest import Digester
    from conformance.columnar.kernel import Tables

_TEXT = "__text"
_FIELDS = "__fields"
IRREGULAR = "__irregular"
#: Replaces field separators in quoted lines before splitting; a line holding it is irregular.
_UNIT_SEPARATOR = "\x1f"
_FIELD = r'"(?:[^"]|"")*"|[^,"]*'
_REGULAR_LINE = rf"^(?:{_FIELD})(?:,(?:{_FIELD}))*$"
#: The same grammar for Python (one line at a time: the header).
REGULAR_LINE = re.compile(_REGULAR_LINE)
#: Rows per batch handed to Python (only failing rows are in them). None: one batch per polars
#: morsel. A kept row's strings are views into its morsel's buffers, so accumulating sparse failing
#: rows into big batches pins every morsel they came from (memory then grows with the file).
BATCH_ROWS: int | None = None


class Irregular(Exception):
    """A line the vectorized grammar does not cover: the row path must read this file."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is outside the vectorized CSV grammar")
        self.line = line


@dataclass(frozen=True)
class LinesPlan:
    """What to read: a UTF-8 file (in one or more consecutive pieces), the line its data starts
    on, and the masks; with ``tables``, the compiled screen decides which lines the masks see."""

    paths: tuple[Path, ...]
    first_data_line: int
    quoted: bool
    #: File field indexes the rules read (values of other fields are not extracted).
    fields: tuple[int, ...]
    rules: tuple[Rule, ...]
    tables: Tables | None = None
    #: With ``tables``: the invariants' digest, fed by the screen's pass (kernel.marked_lines).
    digester: Digester | None = None
    #: (field index, Column.recode): the codes a profile maps before the rules read the field.
    recodes: tuple[tuple[int, tuple[tuple[str, str], ...]], ...] = ()


#: Lines the screen marked, gathered before the masks judge them in one polars query. The query
#: holds about 3 KB a line of the residents layout (its values and 116 masks): 50,000 lines made
#: the last query of a 10M-row file the peak of the whole check (+130 MB); 10,000 cost no more CPU,
#: and 4,096 (with content._Pending's rows) keep the pass at a 1M-row file's peak whatever the
#: number of defects (10M rows, 45,000 marked: 416 MB at 10,000, 370 at 4,096; issue 51).
SCREENED_LINES = 4_096


def failing_batches(plan: LinesPlan) -> Iterator[pl.DataFrame]:
    """Batches (in line order) of the rows some mask marks: LINE, NFIELDS, RECORD, the values
    and one boolean column per rule. Raises Irregular on the first line outside the grammar."""
    for batch in _screened(plan, plan.tables) if plan.tables is not None else _streamed(plan):
        if plan.quoted:
            irregular = batch.filter(pl.col(IRREGULAR))
            if irregular.height:
                raise Irregular(int(irregular[LINE][0]))
        yield batch


def _streamed(plan: LinesPlan) -> Iterator[pl.DataFrame]:
    """Every line through the masks (no screen)."""
    lines = _scan_lines(plan.paths, plan.first_data_line)
    query = _query(lines, plan)
    yield from query.collect_batches(chunk_size=BATCH_ROWS, maintain_order=True, engine="streaming")


def _screened(plan: LinesPlan, tables: Tables) -> Iterator[pl.DataFrame]:
    """Only the lines the compiled screen marks through the masks (kernel.py). Each full batch is
    judged on a thread of its own while this one goes on reading chunks (polars releases the GIL):
    judged here, a batch's query (about 35 ms) left the screening threads without a chunk for most
    of it (issue 51). One batch at a time, so memory holds one more batch's lines at most; a judged batch
    is handed on as soon as it is done, so that its findings are worded during the pass, not after it."""
    from conformance.columnar.kernel import RowVerdicts, marked_lines

    verdicts = RowVerdicts(tables, plan.rules)
    numbers: list[int] = []
    texts: list[str] = []
    with ThreadPoolExecutor(1, thread_name_prefix="masks") as pool:
        judging: Future[pl.DataFrame] | None = None
        for marked in marked_lines(plan.paths, plan.quoted, plan.first_data_line, tables, verdicts, plan.digester):
            numbers.extend(marked.lines)
            texts.extend(marked.texts)
            if judging is not None and judging.done():  # worded now, while the pass goes on, not after it
                yield judging.result()
                judging = None
            if len(numbers) >= SCREENED_LINES:
                if judging is not None:
                    yield judging.result()
                judging = pool.submit(_judged, numbers, texts, plan)
                numbers, texts = [], []
        if judging is not None:
            yield judging.result()
    if numbers:
        yield _judged(numbers, texts, plan)


def _judged(numbers: list[int], texts: list[str], plan: LinesPlan) -> pl.DataFrame:
    lines = pl.LazyFrame({
        LINE: pl.Series(numbers, dtype=pl.get_index_type()),
        _TEXT: pl.Series(texts, dtype=pl.String),
    })
    return _query(lines, plan).collect()


def _scan_lines(paths: Sequence[Path], first_data_line: int) -> pl.LazyFrame:
    """LINE and the line's text, from ``first_data_line`` on."""
    lines = pl.scan_lines(list(paths), name=_TEXT, row_index_name=LINE, row_index_offset=1, glob=False)
    return lines.filter(pl.col(LINE) >= first_data_line)


def _split_lines(lines: pl.LazyFrame, quoted: bool) -> pl.LazyFrame:
    """The lines with their fields (_FIELDS)."""
    text = pl.col(_TEXT)
    return lines.with_columns((_quoted_split(text) if quoted else text.str.split(",")).alias(_FIELDS))


def _query(lines: pl.LazyFrame, plan: LinesPlan) -> pl.LazyFrame:
    text = pl.col(_TEXT)
    parsed = _split_lines(lines, plan.quoted).with_columns((text != "").alias(RECORD))
    recodes = dict(plan.recodes)
    values = [recoded(_field(index, plan.quoted), recodes.get(index, ())).alias(value_name(index))
              for index in plan.fields]
    # A blank line has no fields (csv reads it as an empty record).
    fields = pl.col(_FIELDS).list.len() - (1 if plan.quoted else 0)  # _quoted_split's extra element
    count = pl.when(pl.col(RECORD)).then(fields).otherwise(0).alias(NFIELDS)
    extra = [_irregular(text).alias(IRREGULAR)] if plan.quoted else []
    frame = parsed.with_columns(*values, count, *extra).drop(_FIELDS)
    masks = [rule.expr.fill_null(False).alias(rule.name) for rule in plan.rules]
    marked = frame.with_columns(masks)
    flags = [pl.col(rule.name) for rule in plan.rules] + ([pl.col(IRREGULAR)] if plan.quoted else [])
    keep = [LINE, NFIELDS, RECORD, *(value_name(i) for i in plan.fields), *(r.name for r in plan.rules)]
    failing = pl.any_horizontal(flags) if flags else pl.lit(False)
    return marked.filter(failing).select(*keep, *([IRREGULAR] if plan.quoted else []))


#: The value column of :func:`column_lines`.
VALUE = "__value"


def column_lines(paths: Sequence[Path], quoted: bool, index: int, first_data_line: int = 2,
                 recode: tuple[tuple[str, str], ...] = ()) -> pl.LazyFrame:
    """One field of every record: LINE, VALUE ('' when the record is short; mapped by ``recode``,
    Column.recode) and, for a file with quotes, IRREGULAR (the line is outside the grammar: the
    caller must read the file otherwise)."""
    extra = [_irregular(pl.col(_TEXT)).alias(IRREGULAR)] if quoted else []
    frame = _split_lines(_scan_lines(paths, first_data_line), quoted)
    return frame.select(LINE, recoded(_field(index, quoted), recode).alias(VALUE), *extra)


def recoded(value: pl.Expr, recode: tuple[tuple[str, str], ...]) -> pl.Expr:
    """``value`` as the rules read it: each value ``recode`` names replaced by its code (Column.read,
    the same mapping in polars); ``value`` itself when nothing is mapped."""
    if not recode:
        return value
    return value.replace([old for old, _ in recode], [new for _, new in recode])


def recoded_frame(frame: pl.DataFrame, columns: Sequence[Column]) -> pl.DataFrame:
    """``frame``'s value columns (``value_name(index)``) as the rules read them (Column.recode)."""
    mapped = [recoded(pl.col(value_name(c.index)), c.recode) for c in columns if c.index is not None and c.recode]
    return frame.with_columns(mapped) if mapped else frame


def named_columns(
    paths: Sequence[Path], quoted: bool, indexes: Mapping[str, int], line: str, only: Any = None
) -> tuple[pl.LazyFrame, pl.LazyFrame | None]:
    """The records (blank lines left out) with their line number (column ``line``) and the fields
    ``indexes`` names ('' when a record is short); and, for a file with quotes, a query of the
    first line outside the grammar (null when there is none): the caller must then read the file
    otherwise. ``only``: the line numbers to read (an integer array), the others left out before
    they are split."""
    lines = _scan_lines(paths, 2).filter(pl.col(_TEXT) != "")
    if only is not None:
        lines = lines.filter(pl.col(LINE).cast(pl.Int64).is_in(pl.Series(only, dtype=pl.Int64).implode()))
    if not quoted:
        return unquoted_columns(lines, indexes, line), None
    number = pl.col(LINE).cast(pl.Int64).alias(line)
    frame = _split_lines(lines, quoted).select(
        number, *(_field(index, quoted).alias(header) for header, index in indexes.items()),
    )
    irregular = lines.filter(_irregular(pl.col(_TEXT))).select(pl.col(LINE).min())
    return frame, irregular


def unquoted_columns(lines: pl.LazyFrame, indexes: Mapping[str, int], line: str) -> pl.LazyFrame:
    """The fields ``indexes`` names of unquoted lines (a frame of LINE and the line's text, as
    :func:`text_frame` makes for lines read otherwise), split only as far as the last one."""
    number = pl.col(LINE).cast(pl.Int64).alias(line)
    parts = pl.col(_TEXT).str.splitn(",", max(indexes.values(), default=0) + 2)
    fields = [parts.struct.field(f"field_{index}").fill_null("").alias(header) for header, index in indexes.items()]
    return lines.filter(pl.col(_TEXT) != "").select(number, *fields)


def text_frame(lines: Sequence[int], texts: Sequence[str]) -> pl.LazyFrame:
    """Lines read otherwise (numbers and text) in the shape :func:`unquoted_columns` reads."""
    return pl.DataFrame({LINE: list(lines), _TEXT: list(texts)}, schema={LINE: pl.Int64, _TEXT: pl.String}).lazy()


def _quoted_split(text: pl.Expr) -> pl.Expr:
    """The fields, and one empty element more. Each field and its comma become the field and a
    unit separator; quoted commas stay inside their field because the regex consumes a quoted field
    whole. A comma is appended first so that the last field has one too: every match then starts
    where a field starts (without it, a quoted last field fails to match and the scan resumes
    inside it, splitting at its commas)."""
    with_comma = pl.concat_str([text, pl.lit(",")])
    return with_comma.str.replace_all(f"({_FIELD}),", "${1}" + _UNIT_SEPARATOR).str.split(_UNIT_SEPARATOR)


def _irregular(text: pl.Expr) -> pl.Expr:
    quoted = text.str.contains('"', literal=True)
    return (quoted & ~text.str.contains(_REGULAR_LINE)) | text.str.contains(_UNIT_SEPARATOR, literal=True)


def _field(index: int, quoted: bool) -> pl.Expr:
    raw = pl.col(_FIELDS).list.get(index, null_on_oob=True).fill_null("")
    if not quoted:
        return raw
    inner = raw.str.strip_prefix('"').str.strip_suffix('"').str.replace_all('""', '"', literal=True)
    return pl.when(raw.str.starts_with('"')).then(inner).otherwise(raw)


def mark_failing(frame: pl.DataFrame, rules: Sequence[Rule]) -> pl.DataFrame:
    """An in-memory frame (a fixed-length chunk) judged like a streamed batch: its failing rows."""
    if not rules:
        return frame.clear()
    marked = frame.with_columns(rule.expr.fill_null(False).alias(rule.name) for rule in rules)
    return marked.filter(pl.any_horizontal(pl.col(rule.name) for rule in rules))


def refine(batch: pl.DataFrame, rules: Sequence[Rule]) -> pl.DataFrame:
    """The batch with every screened mask replaced by its exact mask (few rows: cheap). Masks
    whose screen kept no row of the batch stay as they are (all false)."""
    screened = [rule for rule in rules if rule.refine is not None]
    if not screened or not batch.height:
        return batch
    kept = batch.select(pl.col(rule.name).any() for rule in screened).row(0)
    exact = [rule.refine.fill_null(False).alias(rule.name) for rule, any_kept in zip(screened, kept, strict=True)
             if rule.refine is not None and any_kept]
    return batch.with_columns(exact) if exact else batch
