"""Domain invariants of an export file (DOMAIN.md; issue 15), judged in a pass of their own over the
few columns they read, after the content pass:

- ``keys``: a record's key (宛名番号, with 履歴番号 when the layout has it) is unique in the file;
  each household (世帯番号) of living residents (住民状態 住民) has exactly one 世帯主;
- ``dates``: dates of events (birth, becoming a resident, notification, moves ...) are not after the
  extraction date, and a living person's 生年月日 is not before 1868-01-01 (明治元年); the spec's
  non-calendar dates (2月29日 of a common year) compare as written, 不詳 birth dates
  (生年月日_不詳フラグ 1) are not judged against 1868, and values that are no YYYY-MM-DD are left to
  the ``types`` family;
- ``values``: a 続柄 is one 1.1.11 lists (世帯主, 縁故者, 同居人, or up to four generations of
  夫/妻/子/父/母/兄/姉/弟/妹 joined by の: j110; 祖父, 孫 or a fifth generation are 実装しない forms);
- ``municipalities``: a 市区町村コード with a valid check digit names a municipality
  (全国地方公共団体コード, 令和6年1月1日).

These rules read across records (keys) or against data the layout does not carry, so they are not
in the compiled screen or the content masks: the columns are read with polars (the vectorized
grammar of ``conformance.columnar.lines``, streaming; a group-by on the key columns, so memory grows
with the distinct keys, as for references), or, for a file outside that grammar and for fixed-length
files, read record by record into the same frame; the same expressions judge both.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from conformance.catalog.layouts import Column, LayoutSpec
from conformance.checks.files import limits
from conformance.checks.files.model import FamilyLog, Problem
from conformance.checks.files.rules import shown_for
from conformance.findings import Finding

if TYPE_CHECKING:
    import polars as pl

    from conformance.checks.files.encoding import Utf8SourceView
    from conformance.columnar import digest
    from conformance.columnar.transcode import Utf8Source
    from conformance.targets.base import ExportFile

KEYS = "keys"
DATES = "dates"
VALUES = "values"
MUNICIPALITIES = "municipalities"
INVARIANT_FAMILIES = (KEYS, DATES, VALUES, MUNICIPALITIES)

ATENA, HISTORY, HOUSEHOLD, RELATION = "宛名番号", "履歴番号", "世帯番号", "続柄"
STATUS, BIRTH, BIRTH_UNKNOWN = "住民状態", "生年月日", "生年月日_不詳フラグ"
HOUSEHOLDER = "世帯主"
#: The 住民状態 label of a living resident (its code is read from the code table).
LIVING = "住民"
#: Dates of events that have happened by the time of the extraction (planned and expiry dates,
#: 転出予定年月日, 在留期間の満了の日 ..., may lie after it).
PAST_DATES = ("生年月日", "住民となった年月日", "住所を定めた年月日", "届出年月日", "異動日", "転出年月日（確定）",
              "支援措置_開始年月日", "児童手当_請求年月日")
#: 明治元年: no living person was born before it.
EARLIEST_BIRTH = "1868-01-01"
#: The target cache key of the extraction date (``conformance validate --extracted``); today otherwise.
EXTRACTED = "file.layout:extracted"

# 続柄 (住民記録 1.0 j110, 1.1.11): the forms listed; anything else is a form the spec does not implement.
_FIXED_RELATIONS = ("世帯主", "縁故者", "同居人")
_ATOMS = ("夫（未届）", "妻（未届）", "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹")
_ATOM = "|".join(re.escape(atom) for atom in _ATOMS)
RELATION_PATTERN = rf"^(?:{'|'.join(_FIXED_RELATIONS)}|(?:{_ATOM})(?:の(?:{_ATOM})){{0,3}})$"
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_LINE = "__line"
#: Up to this many lines of a part, the digest's lines are read where they are (pread), not by a
#: pass of polars over the whole file.
READ_AT_OFFSETS = 100_000


@dataclass(frozen=True, slots=True)
class InvariantScan:
    """The invariant families' issues (capped per column, with the too-many rows) and exact counts."""

    issues: Mapping[str, tuple[Finding, ...]]
    counts: Mapping[tuple[str, str], int]


def municipality_codes() -> frozenset[str]:
    """The 全国地方公共団体コード of 令和6年1月1日 (:mod:`conformance.oracles.municipalities`)."""
    from conformance.oracles.municipalities import local_government_codes

    return local_government_codes()


def known_municipalities(spec: LayoutSpec) -> frozenset[str]:
    """The official list, and the test environment's own codes the profile declares."""
    return municipality_codes() | spec.test_municipalities


def needed(spec: LayoutSpec, columns: Sequence[Column]) -> dict[str, Column]:
    """The columns the invariants read that the file has, by catalog header."""
    wanted = {ATENA, HISTORY, HOUSEHOLD, RELATION, STATUS, BIRTH_UNKNOWN, *PAST_DATES}
    wanted |= {c.header for c in columns if c.item.check_digit == "lg_code"}
    return {c.header: c for c in columns if c.header in wanted and c.index is not None}


#: The parts of the pass, each reading its own lines and columns.
KEY_PART, HOUSEHOLD_PART, CELL_PART = "keys", "households", "cells"
#: The needed columns of a part (LINE and the headers asked for) as a lazy frame.
FrameOf = Callable[[str, Sequence[str]], "pl.LazyFrame"]


def judge(name: str, spec: LayoutSpec, columns: Sequence[Column], frame_of: FrameOf,
          present: set[str], living: str | None, extracted: dt.date) -> InvariantScan:
    """Every invariant on ``frame`` (LINE and the needed columns by catalog header). The queries
    are collected together, so polars reads and splits the file once for all of them."""

    state = _State(name, {c.header: c for c in columns})
    frame_of = _recoded(frame_of, {c.header: c.recode for c in columns if c.recode})
    if ATENA in present:  # each part reads (and splits) only its own columns
        key_frame = frame_of(KEY_PART, _key_columns(present))
        groups = _key_groups(key_frame, present)
        if groups is not None:
            _unique_keys(state, key_frame, groups.collect(engine="streaming"))
    if {HOUSEHOLD, RELATION} <= present:
        households = _household_groups(frame_of(HOUSEHOLD_PART, sorted({HOUSEHOLD, RELATION, STATUS} & present)),
                                       present, living)
        if households is not None:
            _householders(state, households.collect(engine="streaming"))
    rules = list(_cell_rules(state, present, living, extracted, known_municipalities(spec)))
    if rules:
        _cells(state, frame_of(CELL_PART, sorted(present)), rules)
    return state.result()


class _State:
    def __init__(self, name: str, columns: Mapping[str, Column]) -> None:
        self.name, self.columns = name, columns
        self.logs = {family: FamilyLog(family) for family in INVARIANT_FAMILIES}
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, family: str, header: str, line: int, problem: Problem) -> None:
        from conformance.checks.files.content import cell_location

        column = self.columns[header]
        self.counts[family, header] += 1
        self.logs[family].add(Finding(problem.code, f"{column.shown}: {problem.message}",
                                      cell_location(self.name, line, column), problem.expected, problem.actual),
                              header)

    def room(self, family: str, header: str) -> bool:
        return self.logs[family].room(header)

    def count_only(self, family: str, header: str, count: int) -> None:
        """``count`` more findings of the rule, not worded (beyond the caps)."""
        self.counts[family, header] += count
        self.logs[family].count += count

    def result(self) -> InvariantScan:
        counts = dict(self.counts)
        return InvariantScan({f: log.reported(self.name, counts) for f, log in self.logs.items()}, counts)


def _key_columns(present: set[str]) -> list[str]:
    return [ATENA, *([HISTORY] if HISTORY in present else [])]


def _key_groups(frame: pl.LazyFrame, present: set[str]) -> pl.LazyFrame | None:
    """The repeated keys, with the first line of each and how many records hold it (the group-by
    holds the distinct keys; only the repeated ones leave polars)."""
    import polars as pl

    if ATENA not in present:
        return None
    key = _key_columns(present)
    filled = frame.filter(pl.col(ATENA) != "")
    return (filled.group_by(key).agg(pl.col(_LINE).min().alias("__first"), pl.len().alias("__n"))
            .filter(pl.col("__n") > 1))


def _unique_keys(state: _State, frame: pl.LazyFrame, repeated: pl.DataFrame) -> None:
    import polars as pl

    total = int(repeated.select((pl.col("__n") - 1).sum()).item() or 0)
    if not total:
        return
    key = [c for c in repeated.columns if not c.startswith("__")]
    # The first records that repeat a key, by a top-k (not a sort of every repetition).
    worded = (frame.filter(pl.col(ATENA) != "").select(_LINE, *key).join(repeated.lazy(), on=key, how="inner")
              .filter(pl.col(_LINE) != pl.col("__first"))
              .bottom_k(limits.COLUMN_CAP, by=_LINE).sort(_LINE).collect(engine="streaming"))
    described = " and ".join(key)
    for row in worded.iter_rows(named=True):
        value = "/".join(shown_for(str(row[k]), state.columns[k]) for k in key)
        state.add(KEYS, ATENA, int(row[_LINE]), Problem(
            "file.duplicate_key", f"the {described} of the record at line {row['__first']} again",
            f"{described} unique in the file", value))
    state.count_only(KEYS, ATENA, total - worded.height)


def _household_groups(frame: pl.LazyFrame, present: set[str], living: str | None) -> pl.LazyFrame | None:
    """The households of living residents without exactly one 世帯主."""
    import polars as pl

    if not {HOUSEHOLD, RELATION} <= present:
        return None
    members = frame.filter(pl.col(HOUSEHOLD) != "")
    if STATUS in present and living is not None:
        members = members.filter(pl.col(STATUS) == living)
    head = pl.col(RELATION) == HOUSEHOLDER
    return members.group_by(HOUSEHOLD).agg(
        pl.col(_LINE).min().alias("__first"), head.sum().alias("__heads"),
        pl.col(_LINE).filter(head).sort().head(2).alias("__head_lines"),
    ).filter(pl.col("__heads") != 1)


def _householders(state: _State, households: pl.DataFrame) -> None:
    worded = households.sort("__first").head(limits.COLUMN_CAP)
    for row in worded.iter_rows(named=True):
        household, heads = shown_for(row[HOUSEHOLD], state.columns[HOUSEHOLD]), int(row["__heads"])
        if heads == 0:
            state.add(KEYS, RELATION, int(row["__first"]), Problem(
                "file.householder", f"世帯番号 {household} has no {HOUSEHOLDER} among its living residents",
                f"one {HOUSEHOLDER} per household", "0"))
        else:
            first, second = row["__head_lines"][:2]
            state.add(KEYS, RELATION, int(second), Problem(
                "file.householder", f"a second {HOUSEHOLDER} of 世帯番号 {household} (the first at line {first})",
                f"one {HOUSEHOLDER} per household", str(heads)))
    state.count_only(KEYS, RELATION, households.height - worded.height)


#: A cell rule of the pass: (family, header, the mask of rows that may fail, the exact rule).
CellRule = tuple[str, str, "pl.Expr", "pl.Expr", Callable[[str, Mapping[str, str]], Problem]]


def _cells(state: _State, frame: pl.LazyFrame, rules: Sequence[CellRule]) -> None:
    """One streamed pass: the rows some cheap screen keeps, their exact masks; each rule's exact
    count (the masks' sums) and its first rows worded, in line order."""
    import polars as pl

    names = [f"__r{k}" for k in range(len(rules))]
    screened = frame.filter(pl.any_horizontal(screen.fill_null(False) for _, _, screen, _, _ in rules))
    marked = screened.with_columns(mask.fill_null(False).alias(n)
                                   for (_, _, _, mask, _), n in zip(rules, names, strict=True))
    counts = [0] * len(rules)
    pending: list[tuple[int, int, str, str, Problem]] = []
    for batch in marked.collect_batches(maintain_order=True, engine="streaming"):
        sums = batch.select(pl.col(n).sum() for n in names).row(0)
        for order, ((family, header, _, _, rule), name, found) in enumerate(zip(rules, names, sums, strict=True)):
            room = limits.COLUMN_CAP - sum(1 for p in pending if p[1] == order)
            if found and room > 0:
                for row in batch.filter(pl.col(name)).head(room).iter_rows(named=True):
                    pending.append((int(row[_LINE]), order, family, header, rule(str(row[header]), row)))
            counts[order] += int(found or 0)
    for line, _, family, header, problem in sorted(pending, key=lambda p: (p[0], p[1])):
        state.add(family, header, line, problem)
    kept = Counter(p[1] for p in pending)
    for order, (family, header, _, _, _) in enumerate(rules):
        if counts[order] > kept[order]:
            state.count_only(family, header, counts[order] - kept[order])


def _cell_rules(state: _State, present: set[str], living: str | None, extracted: dt.date,
                known: frozenset[str]) -> Iterator[CellRule]:
    """(family, header, cheap screen, exact mask, wording): the exact mask implies the screen, and
    is computed only on the rows some screen keeps."""
    import polars as pl

    as_of = extracted.isoformat()
    for header in PAST_DATES:
        if header in present and state.columns[header].item.type == "date":
            v = pl.col(header)
            screen = v > as_of
            yield DATES, header, screen, screen & v.str.contains(_ISO_DATE), _after(header, as_of, state)
    if BIRTH in present:
        v = pl.col(BIRTH)
        screen = (v != "") & (v < EARLIEST_BIRTH)
        mask = screen & v.str.contains(_ISO_DATE)
        if BIRTH_UNKNOWN in present:
            mask = mask & (pl.col(BIRTH_UNKNOWN) != "1")
        if STATUS in present and living is not None:
            mask = mask & (pl.col(STATUS) == living)
        yield DATES, BIRTH, screen, mask, _before_1868(state)
    if RELATION in present:
        v = pl.col(RELATION)
        screen = (v != "") & ~v.is_in(_COMMON_RELATIONS)
        yield VALUES, RELATION, screen, screen & ~v.str.contains(RELATION_PATTERN), _relation(state)
    codes = sorted(known)
    for header, column in state.columns.items():
        if header in present and column.item.check_digit == "lg_code":
            v = pl.col(header)
            screen = (v != "") & ~v.is_in(codes)
            # A wrong check digit or form is the check_digits and char_classes families' finding.
            yield MUNICIPALITIES, header, screen, screen & _valid_lg_code(v), _municipality(state, header)


#: The 続柄 of one or two generations (most of any file): the screen passes them without the regex.
_COMMON_RELATIONS = sorted({*_FIXED_RELATIONS, *_ATOMS, *(f"{a}の{b}" for a in _ATOMS for b in _ATOMS)})


def _valid_lg_code(v: pl.Expr) -> pl.Expr:
    """6 ASCII digits whose last is the check digit (oracles.identifiers.lg_code_check_digit)."""
    import polars as pl

    digits = [v.str.slice(i, 1).cast(pl.Int64, strict=False) for i in range(6)]
    total = sum((d * w for d, w in zip(digits, (6, 5, 4, 3, 2), strict=False)), pl.lit(0))
    return v.str.contains(r"^[0-9]{6}$") & (((11 - total % 11) % 10) == digits[5])


def _after(header: str, as_of: str, state: _State) -> Callable[[str, Mapping[str, str]], Problem]:
    column = state.columns[header]

    def rule(value: str, _row: Mapping[str, str]) -> Problem:
        return Problem("file.date_range", f"after the extraction date {as_of}", f"on or before {as_of}",
                       shown_for(value, column))

    return rule


def _before_1868(state: _State) -> Callable[[str, Mapping[str, str]], Problem]:
    column = state.columns[BIRTH]

    def rule(value: str, _row: Mapping[str, str]) -> Problem:
        return Problem("file.date_range", f"a living resident born before {EARLIEST_BIRTH} (明治元年)",
                       f"on or after {EARLIEST_BIRTH}", shown_for(value, column))

    return rule


def _relation(state: _State) -> Callable[[str, Mapping[str, str]], Problem]:
    def rule(value: str, _row: Mapping[str, str]) -> Problem:
        return Problem("file.prohibited_value",
                       "a 続柄 the specification does not list (1.1.11: 祖父, 孫, a fifth generation ... are not "
                       "implemented forms)", "世帯主, 縁故者, 同居人, or 1-4 generations of 夫/妻/子/父/母/兄/姉/弟/妹 "
                       "joined by の", shown_for(value, state.columns[RELATION]))

    return rule


def _municipality(state: _State, header: str) -> Callable[[str, Mapping[str, str]], Problem]:
    def rule(value: str, _row: Mapping[str, str]) -> Problem:
        return Problem("file.unknown_municipality", "names no municipality (全国地方公共団体コード, 令和6年1月1日)",
                       "a 全国地方公共団体コード", shown_for(value, state.columns[header]))

    return rule


# ---------------------------------------------------------------------------------------------
# Reading the columns


def _recoded(frame_of: FrameOf, recodes: Mapping[str, tuple[tuple[str, str], ...]]) -> FrameOf:
    """``frame_of`` with the values the profile maps read as their codes (Column.recode): every way of
    reading the columns below gives the values as written, and the invariants judge them mapped, as the
    content pass does."""
    if not recodes:
        return frame_of
    import polars as pl

    from conformance.columnar.lines import recoded

    def mapped(part: str, headers: Sequence[str]) -> pl.LazyFrame:
        frame = frame_of(part, headers)
        return frame.with_columns(recoded(pl.col(h), recodes[h]).alias(h) for h in headers if h in recodes)

    return mapped


def csv_frame(source: Utf8Source, columns: Mapping[str, Column]) -> FrameOf | None:
    """The needed columns of a file the vectorized grammar covers, lazily (each query reads the
    columns it asks for); None when a line is outside the grammar (the caller reads the file
    record by record)."""
    import polars as pl

    from conformance.columnar.lines import named_columns

    indexes = {header: column.index for header, column in columns.items() if column.index is not None}
    _, irregular = named_columns(source.paths, source.structure.quotes, indexes, _LINE)
    if irregular is not None:
        try:
            first = irregular.collect(engine="streaming").item()
        except pl.exceptions.PolarsError:
            return None
        if first is not None:
            return None

    def frame_of(_part: str, headers: Sequence[str]) -> pl.LazyFrame:
        wanted = {header: indexes[header] for header in headers}
        return named_columns(source.paths, source.structure.quotes, wanted, _LINE)[0]

    return frame_of


def digest_plan(columns: Mapping[str, Column], present: set[str], living: str | None,
                extracted: dt.date, known: frozenset[str], encoding: str = "utf-8") -> digest.Plan:
    """What the compiled digest reads of a file whose needed ``columns`` are ``present``, its
    constants in the file's ``encoding`` (UTF-8, or CP932 read in place)."""
    from conformance.columnar import digest

    encoding = "utf-8" if encoding in limits.UTF8 else encoding
    as_of = extracted.isoformat().encode()
    return digest.Plan(
        indexes={header: column.index for header, column in columns.items() if column.index is not None},
        key=_key_columns(present) if ATENA in present else (),
        household=HOUSEHOLD if {HOUSEHOLD, RELATION} <= present else None,
        relation=RELATION if RELATION in present else None,
        status=STATUS if STATUS in present and living is not None else None,
        living=living.encode(encoding) if living is not None else None,
        head=HOUSEHOLDER.encode(encoding),
        greater=[(h, as_of) for h in PAST_DATES if h in present and columns[h].item.type == "date"],
        before=[(BIRTH, EARLIEST_BIRTH.encode())] if BIRTH in present else [],
        outside=[*([(RELATION, frozenset(_COMMON_RELATIONS))] if RELATION in present else []),
                 *((h, known) for h, c in columns.items()
                   if h in present and c.item.check_digit == "lg_code")],
        encoding=encoding,
    )


#: Encodings the digest reads in place besides UTF-8 (the screen reads them so: kernel.py).
NATIVE_DIGEST = ("cp932",)


def digests(source: Utf8Source) -> bool:
    """Whether the compiled digest reads the file: large, unquoted UTF-8 (numba there)."""
    if source.structure.quotes or source.encoding not in limits.UTF8:
        return False
    return limits.screen_worth(sum(path.stat().st_size for path in source.paths))


def digests_in_place(source: Utf8Source, living: str | None = None) -> bool:
    """Whether the screen's pass digests the file: :func:`digests`, or a large unquoted CP932 file
    the screen reads in place (its digest is used only where its keys are ASCII: _in_place), whose
    constants compared byte for byte (世帯主, the ``living`` 住民状態 code) each have one encoding."""
    if source.structure.quotes or source.encoding not in NATIVE_DIGEST:
        return digests(source)
    if not all(_one_encoding(text, source.encoding) for text in (HOUSEHOLDER, living or "")):
        return False
    return limits.screen_worth(sum(path.stat().st_size for path in source.paths))


def _one_encoding(text: str, encoding: str) -> bool:
    """Whether every character of ``text`` has one byte sequence in ``encoding`` (CP932 reads some
    characters from two: then equal bytes would not be the same as equal text)."""
    from conformance.columnar.kernel import decode_tables

    single, double = decode_tables(encoding)
    return all(int((single == ord(char)).sum() + (double == ord(char)).sum()) == 1 for char in text)


def content_digester(spec: LayoutSpec, living: str | None, extracted: dt.date,
                     source: Utf8Source, columns: Sequence[Column]) -> digest.Digester | None:
    """A digester for the screen's pass over the file (the content pass then digests the file as
    it reads it, and the invariants read only the lines it keeps); None when the digest does not
    apply."""
    from conformance.columnar import digest

    if not digests_in_place(source, living):
        return None
    chosen = needed(spec, columns)
    return digest.Digester(digest_plan(chosen, set(chosen), living, extracted, known_municipalities(spec),
                                       source.encoding), source.paths)


def digest_frame(source: Utf8Source, columns: Mapping[str, Column], present: set[str], living: str | None,
                 extracted: dt.date, known: frozenset[str],
                 digested: digest.Candidates | None = None) -> FrameOf | None:
    """The needed columns of a large unquoted UTF-8 file, each part reading only the lines the
    compiled digest (``conformance.columnar.digest``) says can matter to it (the other lines
    cannot change its findings or counts); None when the digest does not apply (the caller reads
    every line). ``digested``: the lines the content pass's digest found, used when they were
    found for this same plan."""
    import polars as pl

    from conformance.columnar import digest
    from conformance.columnar.lines import named_columns, text_frame, unquoted_columns

    if not digests(source):
        return None
    indexes = {header: column.index for header, column in columns.items() if column.index is not None}
    plan = digest_plan(columns, present, living, extracted, known)
    found = digested if digested is not None and digested.plan == plan else None
    if found is None:
        try:
            found = digest.candidates(source.paths, plan)
        except ValueError:
            return None
    lines = {KEY_PART: found.keys, HOUSEHOLD_PART: found.households, CELL_PART: found.cells}
    candidates = found

    def frame_of(part: str, headers: Sequence[str]) -> pl.LazyFrame:
        wanted = {header: indexes[header] for header in headers}
        only = lines[part]
        if only is None:  # the digest could not decide: every line
            return named_columns(source.paths, False, wanted, _LINE)[0]
        if not len(only):
            return pl.DataFrame(schema={_LINE: pl.Int64, **dict.fromkeys(headers, pl.String)}).lazy()
        texts = candidates.texts(only) if len(only) <= READ_AT_OFFSETS else None
        if texts is not None:  # a few lines: read where they are
            return unquoted_columns(text_frame(only.tolist(), texts), wanted, _LINE)
        return named_columns(source.paths, False, wanted, _LINE, only=only)[0]

    return frame_of


def _eager(frame: pl.LazyFrame) -> FrameOf:
    def frame_of(_part: str, headers: Sequence[str]) -> pl.LazyFrame:
        return frame.select(_LINE, *headers)

    return frame_of


def row_frame(export: ExportFile, encoding: str, columns: Mapping[str, Column]) -> pl.LazyFrame:
    """The needed columns read with the csv module (records that start on one physical line are
    numbered by it; a record spanning lines by its first line), up to the first unreadable line."""
    import polars as pl

    from conformance.checks.files.content import FieldTooLarge, bounded_lines, csv_field_limit, line_num

    data: dict[str, list[object]] = {_LINE: [], **{header: [] for header in columns}}
    with csv_field_limit(limits.FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(bounded_lines(stream))
        line = 1
        try:
            next(reader, None)
            line = line_num(reader) + 1
            for fields in reader:
                if fields:
                    data[_LINE].append(line)
                    for header, column in columns.items():
                        index = column.index
                        data[header].append(fields[index] if index is not None and index < len(fields) else "")
                line = line_num(reader) + 1
        except (FieldTooLarge, csv.Error):
            pass  # the content pass reports where and why the file stops
    schema = {_LINE: pl.Int64, **dict.fromkeys(columns, pl.String)}
    return pl.DataFrame(data, schema=schema).lazy()


def chunks_frame(frames: Iterator[pl.DataFrame], columns: Mapping[str, Column]) -> pl.LazyFrame:
    """The needed columns of a fixed-length file's chunks (LINE = record number)."""
    import polars as pl

    from conformance.columnar.compile import LINE, value_name

    parts = [frame.select(pl.col(LINE).cast(pl.Int64).alias(_LINE),
                          *(pl.col(value_name(c.index)).alias(h) for h, c in columns.items() if c.index is not None))
             for frame in frames]
    if not parts:
        return pl.DataFrame(schema={_LINE: pl.Int64, **dict.fromkeys(columns, pl.String)}).lazy()
    return pl.concat(parts).lazy()


def scan_invariants(export: ExportFile, encoding: str, spec: LayoutSpec, source: Utf8SourceView,
                    living: str | None, extracted: dt.date, digested: object | None = None) -> InvariantScan:
    """Read the needed columns of the file (polars where the grammar covers it, else record by
    record) and judge every invariant on them. ``digested``: the lines the content pass's digest
    kept (``ContentScan.digested``), if it digested this file."""
    from conformance.checks.files.content import first_record

    name = export.path.name
    if spec.layout.format == "fixed":
        from conformance.columnar.fixed import from_catalog, read_chunks

        fixed = from_catalog(spec.layout, encoding)
        columns = spec.columns(fixed.headers)
        chosen = needed(spec, columns)
        frame = chunks_frame((chunk.frame for chunk in read_chunks(export.path, fixed)), chosen)
        return judge(name, spec, columns, _eager(frame), set(chosen), living, extracted)
    in_place = _in_place(export, encoding, spec, living, extracted, digested)
    if in_place is not None:
        return in_place
    with source as utf8:
        titles = first_record(utf8.path, utf8.encoding) if utf8 is not None else None
        if utf8 is not None and titles is not None:
            columns = spec.columns(titles)
            chosen = needed(spec, columns)
            found = digested if isinstance(digested, digest_module().Candidates) else None
            # The digest judges the bytes as written: not when the profile maps codes (spec.recoded).
            digested_frame = None if spec.recoded else digest_frame(
                utf8, chosen, set(chosen), living, extracted, known_municipalities(spec), found)
            lazy = digested_frame or csv_frame(utf8, chosen)
            if lazy is not None:
                return judge(name, spec, columns, lazy, set(chosen), living, extracted)
    columns = spec.columns(_csv_header(export, encoding))
    chosen = needed(spec, columns)
    return judge(name, spec, columns, _eager(row_frame(export, encoding, chosen)), set(chosen), living, extracted)


def _in_place(export: ExportFile, encoding: str, spec: LayoutSpec, living: str | None, extracted: dt.date,
              digested: object | None) -> InvariantScan | None:
    """The invariants of a CP932 file the content pass digested in place (no UTF-8 copy): each part
    reads its lines where they are; None when that does not apply (the caller reads the file
    through a UTF-8 copy): the file was not digested in place, or a part has more lines than
    READ_AT_OFFSETS or every line, or a key or 世帯番号 is not ASCII (CP932 writes some characters in
    two ways, so equal bytes, which the digest compares, are not then the same as equal text)."""
    found = digested if isinstance(digested, digest_module().Candidates) else None
    if found is None or found.plan is None or found.plan.encoding in limits.UTF8:
        return None
    from conformance.checks.files.content import first_record
    from conformance.columnar.lines import text_frame, unquoted_columns

    titles = first_record(export.path, encoding)
    if titles is None:
        return None
    columns = spec.columns(titles)
    chosen = needed(spec, columns)
    present = set(chosen)
    if digest_plan(chosen, present, living, extracted, known_municipalities(spec), encoding) != found.plan:
        return None
    if found.wide:
        return None  # a key may be written in two ways: the caller reads the file through a UTF-8 copy
    lines = {KEY_PART: found.keys, HOUSEHOLD_PART: found.households, CELL_PART: found.cells}
    if any(only is None or len(only) > READ_AT_OFFSETS for only in lines.values()):
        return None
    indexes = {header: column.index for header, column in chosen.items() if column.index is not None}

    def frame_of(part: str, headers: Sequence[str]) -> pl.LazyFrame:
        import polars as pl

        only = lines[part]
        if only is None or not len(only):
            return pl.DataFrame(schema={_LINE: pl.Int64, **dict.fromkeys(headers, pl.String)}).lazy()
        texts = found.texts(only)
        if texts is None:
            raise ValueError("a file read in place is one piece")
        return unquoted_columns(text_frame(only.tolist(), texts), {h: indexes[h] for h in headers}, _LINE)

    return judge(export.path.name, spec, columns, frame_of, present, living, extracted)


def digest_module() -> ModuleType:
    """conformance.columnar.digest, imported when a file is read (it imports numpy)."""
    from conformance.columnar import digest

    return digest


def _csv_header(export: ExportFile, encoding: str) -> list[str]:
    from conformance.checks.files.content import FieldTooLarge, bounded_lines, csv_field_limit

    with csv_field_limit(limits.FIELD_LIMIT), export.path.open(encoding=encoding, newline="") as stream:
        try:
            return next(csv.reader(bounded_lines(stream)), [])
        except (FieldTooLarge, csv.Error):
            return []


def living_code(spec: LayoutSpec, labels: Mapping[str, Mapping[str, str]]) -> str | None:
    """The 住民状態 code labelled 住民 (``labels``: code table id -> code -> label)."""
    item = spec.items.get(STATUS)
    if item is None or item.code_table is None:
        return None
    return next((code for code, label in labels.get(item.code_table, {}).items() if label == LIVING), None)
