"""``conformance reconcile OLD NEW``: a migration's 照合リスト and エラーリスト.

A legacy system's export (OLD) and the new system's (NEW), in one catalog layout, are compared:

- 照合リスト (reconciliation totals): the records of each side and, per value of 住民種別, 住民状態
  and 第30条45規定区分 (the items of the layout that both files have), the count on each side;
- エラーリスト (the records to look at): keys missing on either side (with their line) and, for
  keys on both, each item whose values differ after the transformations the profile declares
  (``conformance.transformations``: code mappings, 和暦 and 西暦, half and full width), with the
  values as written (masked when the item is personal) and, when a transformation could not read
  a value, the reason. Lists are capped at LIST_CAP rows; the counts are exact.

In bounded memory, in two passes (issue 15, item 6):

1. Each side is read once, streaming, keeping per record only its key, its line and a 64-bit hash
   of the compared items (the line's text when both files have the same header and no
   transformation applies: equal lines are equal records; else the items, transformed, each
   hashed with a seed of its own, combined by xor), and the tallied items (counted, then dropped).
   Keys are joined: the keys of one side only are the missing ones, keys whose hashes differ the
   candidates. Large files are taken a part of the keys at a time (a hash of the key picks the
   part, the same on both sides; PARTITION_BYTES of input a part, one more pass each), so this
   pass's memory stays flat however long the files are. Where equal lines are equal records and
   both files are one UTF-8 file each, large enough (``files.limits.SCREEN_MIN_BYTES``), this pass is
   compiled (``conformance.columnar.keyed``, numba, every core): the same lists from a few arrays
   instead of polars frames; it steps aside to the polars pass when numba is absent or it cannot
   decide (a repeated key hash, a tallied value too long to pack).
2. Only the candidates' lines are read again, CHUNK pairs at a time, and compared item by item
   exactly: a candidate whose items are all equal (a quoting difference) lists nothing. A
   difference is missed only if two different records' hashes collide (2**-64 a pair).

Both files are read as UTF-8 (the file itself, or a transcoded copy for CP932) by the columnar
engine's line grammar; a file outside it (a quoted value spanning lines) is read record by record
into memory instead. The profile's column mapping applies to both sides.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import reduce
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conformance.checks.files.rules import shown_for
from conformance.errors import UsageError
from conformance.transformations import NONE, Resolved, normalised, unreadable, unreadable_reason

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

    from conformance.catalog.layouts import Column, LayoutSpec
    from conformance.catalog.models import FileInterface
    from conformance.columnar import keyed
    from conformance.columnar.transcode import Decoded

#: The items the 照合リスト counts by value (DOMAIN.md names).
TALLIED = ("住民種別", "住民状態", "第30条45規定区分")
#: Rows kept per list of the エラーリスト; the counts are exact.
LIST_CAP = 10_000
#: Candidate pairs (records whose hashes differ) read again at once: what bounds the second pass's
#: memory when many records differ (each chunk is one more filtered pass over both files).
CHUNK = 100_000
#: Input (both files, bytes) per part of the keys: the first pass holds one part's keys at a time,
#: so its memory stays about that of 1M records of residents_csv however long the files are.
PARTITION_BYTES = 600_000_000
#: Whether the first pass is compiled (``conformance.columnar.keyed``) where it applies and numba
#: is there; the tests turn it off to compare the two ways.
COMPILED = True
_LINE = "__line"
_NEW = "__new"
_NEW_LINE = _LINE + _NEW
_HASH = "__hash"
_TEXT = "__text"
_POSITION = "__position"
_REASON = "__reason"

#: LINE and the named catalog columns of an export: every record, or only those of the lines given.
Reader = Callable[[Sequence[str], "np.ndarray | None"], "pl.LazyFrame"]


@dataclass(frozen=True)
class Side:
    """One export as reconcile reads it."""

    name: str
    #: Catalog header -> the field's index in the file (the layout's columns the file has).
    indexes: Mapping[str, int]
    read: Reader
    #: LINE and the text of each record, when a record is its line (unquoted UTF-8).
    lines: pl.LazyFrame | None = None
    #: The header as the file writes it.
    titles: tuple[str, ...] = ()
    #: Bytes read (the UTF-8 copy): decides how many parts the keys are split into.
    size: int = 0
    #: The UTF-8 file read, when it is one file whose records are its lines (the compiled pass).
    path: Path | None = None


@dataclass(frozen=True)
class Disclosure:
    """An authorised officer's explicit request to see the values the lists mask (personal items,
    values that are no valid value of their item): who asked, why and when. Every output that shows
    them carries this record (issue 27, item 10)."""

    by: str
    reason: str
    at: str

    @classmethod
    def now(cls, by: str, reason: str) -> Disclosure:
        """A disclosure asked for now (Japan time); a UsageError when who or why is blank."""
        import datetime as dt

        from conformance.clock import JST

        if not by.strip() or not reason.strip():
            raise UsageError("--show-values: give who asks (--show-values NAME) and why (--reason TEXT): "
                             "both are recorded with the values shown")
        return cls(by.strip(), reason.strip(), dt.datetime.now(JST).isoformat(timespec="seconds"))

    def to_json(self) -> dict[str, str]:
        return {"by": self.by, "reason": self.reason, "at": self.at}

    def line(self) -> str:
        """The record, in one line: 値を伏せずに表示 ..."""
        return (f"値を伏せずに表示 (values shown unmasked): requested by {self.by}; reason: {self.reason}; "
                f"at {self.at}")


@dataclass
class Reconciliation:
    """The two lists and their exact counts."""

    old: str
    new: str
    key: tuple[str, ...]
    totals: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: Set when an authorised officer asked to see the values (``--show-values``): none is masked.
    disclosure: Disclosure | None = None

    @property
    def clean(self) -> bool:
        return not any(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"kind": "reconciliation", "old": self.old, "new": self.new, "key": list(self.key),
                "result": "same" if self.clean else "different", "counts": self.counts,
                "totals": self.totals, "errors": self.errors,
                "disclosure": self.disclosure.to_json() if self.disclosure is not None else None}

    def shown(self, value: str, column: Column) -> str:
        """A value as the lists show it: masked as findings are (:func:`shown_for`), unless disclosed."""
        return value if self.disclosure is not None else shown_for(value, column)


def reconcile(old: Side, new: Side, spec: LayoutSpec, key: Sequence[str],
              transforms: Resolved = NONE, disclosure: Disclosure | None = None) -> Reconciliation:
    """The 照合リスト and エラーリスト of ``old`` and ``new`` (module docstring)."""
    import polars as pl

    for label, side in (("OLD", old), ("NEW", new)):
        absent = [k for k in key if k not in side.indexes]
        if absent:
            raise UsageError(f"{label}: the file has no column {', '.join(absent)} to match records by (--key)")
    compared = [c.header for c in spec.layout.columns
                if c.header in old.indexes and c.header in new.indexes and c.header not in key]
    tallied = [item for item in TALLIED if item in old.indexes and item in new.indexes]
    by_text = _by_text(old, new, compared, transforms)
    result = Reconciliation(old.name, new.name, tuple(key), disclosure=disclosure)
    first = _compiled_pass(old, new, key, tallied) if by_text else None
    if first is None:
        first = _polars_pass(old, new, spec, key, tallied, compared, transforms, by_text)
    old, new = first.sides
    tallies, repeated, missing, pairs = first.tallies, first.repeated, first.missing, first.pairs
    for label, number in zip(("OLD", "NEW"), repeated, strict=True):
        if number:
            raise UsageError(f"{label}: {number} record(s) repeat a {'+'.join(key)} of an earlier one; records are "
                             "matched by key: `conformance validate` (family keys) lists them")
    result.totals = _totals(tallies, tallied)
    result.counts["total_differences"] = sum(1 for row in result.totals if row["difference"])
    _list_missing(result, missing, key, spec)
    _differences(result, (old, new), key, compared, spec, transforms, pl.concat(pairs).sort(_NEW_LINE))
    return result


@dataclass
class _First:
    """What the first pass gives the second: per side the tallies and the records repeating a key,
    per part of the keys the missing ones, and the candidate pairs (LINE of each side)."""

    tallies: list[dict[str, Counter[str]]]
    repeated: list[int]
    missing: list[tuple[tuple[int, int], pl.DataFrame]]
    pairs: list[pl.DataFrame]
    #: The sides as the second pass reads them (the compiled pass reads the pairs' lines by offset).
    sides: tuple[Side, Side]


def _polars_pass(old: Side, new: Side, spec: LayoutSpec, key: Sequence[str], tallied: Sequence[str],
                 compared: Sequence[str], transforms: Resolved, by_text: bool) -> _First:
    """The first pass by polars expressions over every line (any file reconcile reads)."""
    import polars as pl

    count = partitions(old, new)
    tallies: list[dict[str, Counter[str]]] = [{}, {}]
    repeated = [0, 0]
    missing: list[tuple[tuple[int, int], pl.DataFrame]] = []
    pairs: list[pl.DataFrame] = []
    for part in range(count):
        digests = []
        for index, side in enumerate((old, new)):
            frame = _digest(side, key, tallied, compared, transforms, side is old, by_text, spec, (part, count))
            repeated[index] += frame.height - frame.select(key).n_unique()
            _add_tallies(tallies[index], frame, tallied)
            digests.append(frame.select(*key, _LINE, _HASH))
            del frame  # the tallied items are counted: only key, line and hash stay
        if any(repeated):
            continue  # records would be matched many to many: only the repeats are counted on
        keyed = digests[0].join(digests[1], on=list(key), how="full", coalesce=True, suffix=_NEW)
        del digests
        missing.append(_missing(keyed, key))
        both = pl.col(_LINE).is_not_null() & pl.col(_NEW_LINE).is_not_null()
        pairs.append(keyed.filter(both & (pl.col(_HASH) != pl.col(_HASH + _NEW))).select(_LINE, _NEW_LINE))
        del keyed
    return _First(tallies, repeated, missing, pairs, (old, new))


def _compiled_pass(old: Side, new: Side, key: Sequence[str], tallied: Sequence[str]) -> _First | None:
    """The first pass compiled (``conformance.columnar.keyed``) where equal lines are equal
    records and both files are read in place as one UTF-8 file each, large enough for numba to
    pay; None where it does not apply or cannot decide (a key hash repeated, a tallied value too
    long to pack, two keys of a pair differing): the polars pass then decides."""
    import numpy as np
    import polars as pl

    from conformance.checks.files import limits
    from conformance.columnar import keyed
    from conformance.columnar.transcode import LineTooLong

    if not (COMPILED and limits.SCREEN and old.path is not None and new.path is not None
            and old.size + new.size >= limits.SCREEN_MIN_BYTES and keyed.available()):
        return None
    count = partitions(old, new)
    first = _First([_no_tallies(tallied), _no_tallies(tallied)], [0, 0], [], [], (old, new))
    located: list[tuple[np.ndarray, ...]] = []
    read: list[keyed.Keyed] = []
    try:
        # Each file read once, its records spilled to the parts (each part is then joined alone).
        for s in (old, new):
            if s.path is not None:
                read.append(keyed.read(s.path, [s.indexes[k] for k in key], [s.indexes[t] for t in tallied],
                                       (0, 1), count))
        for tallies, side in zip(first.tallies, read, strict=True):
            tallies["records"][""] += side.records
            for item, counted in zip(tallied, side.tallies, strict=True):
                tallies[item].update(counted)
        for part in range(count):
            found = _join_part(old, new, key, [side.part(part) for side in read])
            if found is None:
                return None  # a key or a hash repeated: the polars pass counts the repeats exactly
            first.missing.append(found[0])
            located.append(found[1])
            first.pairs.append(pl.DataFrame({_LINE: located[-1][0], _NEW_LINE: located[-1][2]},
                                            schema={_LINE: pl.Int64, _NEW_LINE: pl.Int64}))
    except (keyed.Unsuited, LineTooLong):
        return None  # a value too long to pack, a line longer than the chunker holds
    finally:
        for side in read:
            side.close()
    pairs = [np.concatenate(arrays) for arrays in zip(*located, strict=True)]
    if not _same_keys(old, new, key, pairs):
        return None  # two keys whose hashes collide: the polars pass matches them exactly
    first.sides = (_by_offset(old, pairs[0], pairs[1]), _by_offset(new, pairs[2], pairs[3]))
    return first


def _join_part(old: Side, new: Side, key: Sequence[str], sides: Sequence[keyed.Keyed],
               ) -> tuple[tuple[tuple[int, int], pl.DataFrame], tuple[np.ndarray, ...]] | None:
    """One part's records joined: its missing keys listed, and the lines and offsets of its pairs
    whose text differs; None when a key hash repeats. A function of its own, so that the part's
    arrays are released before the next part is read (two parts at once were the peak)."""
    from conformance.columnar import keyed

    joined = keyed.join(*sides)
    if any(joined.repeated):
        return None
    missing = _compiled_missing(old, new, key, sides, joined)
    (olds, news), (at_old, at_new) = sides, joined.pairs
    return missing, (olds.line[at_old], olds.offset[at_old], news.line[at_new], news.offset[at_new])


def _compiled_missing(old: Side, new: Side, key: Sequence[str], sides: Sequence[keyed.Keyed],
                      joined: keyed.Joined) -> tuple[tuple[int, int], pl.DataFrame]:
    """The keys of one side only, of one part: how many of each side, and the first LIST_CAP of
    each side by line, their keys read again from the lines (as _missing gives them)."""
    import polars as pl

    frames = []
    for side, records, indexes, (line, absent) in zip((old, new), sides, (joined.missing_in_new, joined.missing_in_old),
                                                      ((_LINE, _NEW_LINE), (_NEW_LINE, _LINE)), strict=True):
        listed = _by_offset(side, records.line[indexes[:LIST_CAP]], records.offset[indexes[:LIST_CAP]])
        frame = listed.read(key, records.line[indexes[:LIST_CAP]]).collect().rename({_LINE: line})
        frames.append(frame.with_columns(pl.lit(None, dtype=pl.Int64).alias(absent)).select(*key, _LINE, _NEW_LINE))
    return (len(joined.missing_in_new), len(joined.missing_in_old)), pl.concat(frames)


def _same_keys(old: Side, new: Side, key: Sequence[str], pairs: Sequence[np.ndarray]) -> bool:
    """Whether each candidate pair's records have the same key text (their hashes are equal),
    CHUNK pairs at a time."""
    from conformance.columnar import keyed

    assert old.path is not None and new.path is not None
    fields = [(old.indexes[k], new.indexes[k]) for k in key]
    for start in range(0, len(pairs[0]), CHUNK):
        olds = keyed.texts(old.path, pairs[1][start : start + CHUNK])
        news = keyed.texts(new.path, pairs[3][start : start + CHUNK])
        for before, after in zip(olds, news, strict=True):
            split_old, split_new = before.split(","), after.split(",")
            if any(_field(split_old, a) != _field(split_new, b) for a, b in fields):
                return False
    return True


def _field(fields: Sequence[str], index: int) -> str:
    """A field of a split unquoted line ('' when the line is short, as polars' splitn reads it)."""
    return fields[index] if index < len(fields) else ""


def _by_offset(side: Side, lines: np.ndarray, offsets: np.ndarray) -> Side:
    """``side`` reading the records of ``lines`` (found at ``offsets``) by offset, a line at a
    time, instead of by a pass over the whole file."""
    import numpy as np

    from conformance.columnar import keyed
    from conformance.columnar.lines import text_frame, unquoted_columns

    order = np.argsort(lines, kind="stable")
    lines, offsets = lines[order], offsets[order]
    path = side.path
    assert path is not None

    def read(headers: Sequence[str], only: np.ndarray | None) -> pl.LazyFrame:
        if only is None:
            return side.read(headers, None)
        wanted = np.unique(np.asarray(only, dtype=np.int64))
        found = offsets[np.searchsorted(lines, wanted)]
        texts = keyed.texts(path, found)
        return unquoted_columns(text_frame(wanted.tolist(), texts), {h: side.indexes[h] for h in headers}, _LINE)

    return replace(side, read=read)


def _no_tallies(tallied: Sequence[str]) -> dict[str, Counter[str]]:
    return {item: Counter() for item in ["records", *tallied]}


def partitions(old: Side, new: Side) -> int:
    """Into how many parts (by a hash of the key) the records are split: each part is one more
    pass over both files, and holds the keys of about PARTITION_BYTES of input."""
    return max(1, -(-(old.size + new.size) // PARTITION_BYTES))


def _by_text(old: Side, new: Side, compared: Sequence[str], transforms: Resolved) -> bool:
    """Whether equal lines mean equal records on both sides: the same header, unquoted, and no
    transformation of a compared item."""
    return (old.lines is not None and new.lines is not None and old.titles == new.titles
            and not any(transforms.touches(header) for header in compared))


def _digest(side: Side, key: Sequence[str], tallied: Sequence[str], compared: Sequence[str], transforms: Resolved,
            is_old: bool, by_text: bool, spec: LayoutSpec, part: tuple[int, int]) -> pl.DataFrame:
    """LINE, the key and the tallied items, and the record's hash, of the records of one part of
    the keys (one streaming pass)."""
    import polars as pl

    kept = list(dict.fromkeys([*key, *tallied]))
    number, count = part
    wanted = list(dict.fromkeys([*kept, *compared]))
    if side.lines is not None:
        # Lines of other parts are left out before they are split any further than the key.
        lines = side.lines if count == 1 else side.lines.filter(_part_of(_text_fields(side, key), count) == number)
        if by_text:
            return lines.select(_LINE, *_text_fields(side, kept), pl.col(_TEXT).hash().alias(_HASH)).collect(
                engine="streaming")
        frame = lines.select(_LINE, *_text_fields(side, wanted))
    else:
        frame = side.read(wanted, None)
        if count > 1:
            frame = frame.filter(_part_of([pl.col(k) for k in key], count) == number)
    # Each item's hash has the seed of its place in the layout, so the order of the file's
    # columns does not matter and equal values of two items do not cancel out.
    seeds = {c.header: position for position, c in enumerate(spec.layout.columns, start=1)}
    hashes = [normalised(pl.col(h), h, transforms, is_old).hash(seed=seeds[h]) for h in compared]
    combined = reduce(operator.xor, hashes) if hashes else pl.lit(0, dtype=pl.UInt64)
    return frame.select(_LINE, *kept, combined.alias(_HASH)).collect(engine="streaming")


def _text_fields(side: Side, headers: Sequence[str]) -> list[pl.Expr]:
    """The fields ``headers`` name of an unquoted line, split only as far as the last one."""
    import polars as pl

    fields = pl.col(_TEXT).str.splitn(",", max(side.indexes[h] for h in headers) + 2)
    return [fields.struct.field(f"field_{side.indexes[h]}").fill_null("").alias(h) for h in headers]


def _part_of(keys: Sequence[pl.Expr], count: int) -> pl.Expr:
    """The part of the keys a record is in (the same on both sides: a hash of the key's values)."""
    import polars as pl

    hashed = keys[0].hash() if len(keys) == 1 else pl.concat_str(list(keys), separator="\x1f").hash()
    return hashed % count


def _add_tallies(counts: dict[str, Counter[str]], frame: pl.DataFrame, tallied: Sequence[str]) -> None:
    """Records, and per tallied item the records by value, added to ``counts``."""
    counts.setdefault("records", Counter())[""] += frame.height
    for item in tallied:
        counts.setdefault(item, Counter()).update(
            {str(value): int(n) for value, n in frame.group_by(item).len().iter_rows()})


def _totals(tallies: Sequence[Mapping[str, Mapping[str, int]]], tallied: Sequence[str]) -> list[dict[str, Any]]:
    rows = []
    for item in ["records", *tallied]:
        old, new = tallies[0][item], tallies[1][item]
        for value in sorted(set(old) | set(new)):
            before, after = old.get(value, 0), new.get(value, 0)
            rows.append({"item": item, "value": value, "old": before, "new": after, "difference": after - before})
    return rows


def _missing(keyed: pl.DataFrame, key: Sequence[str]) -> tuple[tuple[int, int], pl.DataFrame]:
    """The keys of one side only, of one part: how many of each side, and the first LIST_CAP of
    each side by line."""
    import polars as pl

    counts, firsts = [], []
    for line, absent in ((_LINE, _NEW_LINE), (_NEW_LINE, _LINE)):
        rows = keyed.filter(pl.col(absent).is_null())
        counts.append(rows.height)
        firsts.append(rows.sort(line).head(LIST_CAP).select(*key, _LINE, _NEW_LINE))
    return (counts[0], counts[1]), pl.concat(firsts)


def _list_missing(result: Reconciliation, parts: Sequence[tuple[tuple[int, int], pl.DataFrame]],
                  key: Sequence[str], spec: LayoutSpec) -> None:
    """The keys of one side only, in line order, from every part."""
    import polars as pl

    columns = _columns_by_header(spec)
    missing = pl.concat([rows for _, rows in parts])
    for index, (kind, line, absent, file) in enumerate((("missing_in_new", _LINE, _NEW_LINE, result.old),
                                                         ("missing_in_old", _NEW_LINE, _LINE, result.new))):
        result.counts[kind] = sum(counts[index] for counts, _ in parts)
        rows = missing.filter(pl.col(absent).is_null())
        for row in rows.sort(line).head(LIST_CAP).iter_rows(named=True):
            result.errors.append({"kind": kind, "key": _key_text(result, row, key, columns), "file": file,
                                  "line": int(row[line]), "item": None, "old": None, "new": None, "reason": None})


def _columns_by_header(spec: LayoutSpec) -> dict[str, Column]:
    """The layout's columns by catalog header: how each item's values are shown in the lists."""
    return {column.header: column for column in spec.columns([])}


def _key_text(result: Reconciliation, row: Mapping[str, Any], key: Sequence[str],
              columns: Mapping[str, Column]) -> str:
    """The record's key as the lists show it: each part raw when it is a valid value of its item
    (a 宛名番号), masked otherwise (a damaged line's key may hold another item's text)."""
    return "/".join(result.shown(str(row[k]), columns[k]) for k in key)


def _differences(result: Reconciliation, sides: tuple[Side, Side], key: Sequence[str], compared: Sequence[str],
                 spec: LayoutSpec, transforms: Resolved, pairs: pl.DataFrame) -> None:
    """The items that differ in the candidate pairs, read again CHUNK pairs at a time: every one
    counted, the first listed in NEW's line order (then the layout's column order)."""
    result.counts["different"] = 0
    columns = _columns_by_header(spec)
    for start in range(0, pairs.height, CHUNK):
        chunk = _read_pairs(sides, key, compared, pairs.slice(start, CHUNK))
        room = max(LIST_CAP - sum(1 for e in result.errors if e["kind"] == "different"), 0)
        count, listed = _compare(chunk, key, compared, spec, transforms, room)
        result.counts["different"] += count
        for row in listed:
            column = columns[row["item"]]
            result.errors.append({
                "kind": "different", "key": _key_text(result, row, key, columns), "file": result.new,
                "line": int(row[_NEW_LINE]), "item": row["item"], "old": result.shown(str(row["old"]), column),
                "new": result.shown(str(row["new"]), column), "reason": row[_REASON] or None,
            })


def _read_pairs(sides: tuple[Side, Side], key: Sequence[str], compared: Sequence[str],
                pairs: pl.DataFrame) -> pl.DataFrame:
    """The pairs' records: OLD's items by header, NEW's with the suffix __new."""
    import polars as pl

    old, new = sides
    olds = old.read([*key, *compared], pairs[_LINE].to_numpy())
    news = new.read(compared, pairs[_NEW_LINE].to_numpy()).rename(
        {_LINE: _NEW_LINE, **{h: h + _NEW for h in compared}})
    joined = pairs.lazy().join(olds, on=_LINE, how="inner").join(news, on=_NEW_LINE, how="inner")
    return joined.collect(engine="streaming").sort(_NEW_LINE) if compared else pl.DataFrame()


def _compare(chunk: pl.DataFrame, key: Sequence[str], compared: Sequence[str], spec: LayoutSpec,
             transforms: Resolved, room: int) -> tuple[int, list[dict[str, Any]]]:
    """The differences in ``chunk``: their number, and the first ``room`` as list rows."""
    import polars as pl

    if not chunk.height:
        return 0, []
    positions = {c.header: position for position, c in enumerate(spec.layout.columns, start=1)}
    differs = {h: (normalised(pl.col(h), h, transforms, True) != normalised(pl.col(h + _NEW), h, transforms, False))
               for h in compared}
    counts = chunk.select(differs[h].sum().alias(h) for h in compared).row(0, named=True)
    parts = []
    for header in compared:
        if not counts[header] or not room:
            continue
        parts.append(chunk.filter(differs[header]).head(room).select(
            _NEW_LINE, *key, pl.lit(header).alias("item"), pl.lit(positions[header]).alias(_POSITION),
            pl.col(header).alias("old"), pl.col(header + _NEW).alias("new"), _reason(header, transforms)))
    listed = pl.concat(parts).sort(_NEW_LINE, _POSITION).head(room).to_dicts() if parts else []
    return sum(int(n or 0) for n in counts.values()), listed


def _reason(header: str, transforms: Resolved) -> pl.Expr:
    """Why a pair differs when a transformation could not read a value (null otherwise)."""
    import polars as pl

    notes = [pl.when(flag).then(pl.lit(unreadable_reason(side, header))) for side, flag in (
        ("OLD", unreadable(pl.col(header), header, transforms, True)),
        ("NEW", unreadable(pl.col(header + _NEW), header, transforms, False))) if flag is not None]
    if not notes:
        return pl.lit(None, dtype=pl.String).alias(_REASON)
    return pl.concat_str(notes, separator="; ", ignore_nulls=True).alias(_REASON)


# ---------------------------------------------------------------------------------------------
# Reading an export


def read_side(path: Path, layout: FileInterface, spec: LayoutSpec, encoding: str | None,
              declared: Mapping[str, str], stack: ExitStack) -> Side:
    """One export, its UTF-8 copy kept open by ``stack``: read by the columnar engine's line
    grammar, or, outside it, record by record into memory."""
    from conformance.checks.files.content import first_record
    from conformance.checks.files.invariants import csv_frame

    chosen, decoded = _decoded(path, layout, encoding, declared)
    if decoded.source is None:
        raise UsageError(f"{path}: the bytes are not {chosen}; name the encoding with --encoding")
    source = decoded.source
    stack.callback(source.close)
    titles = first_record(source.path, source.encoding)
    present = {c.header: c for c in spec.columns(titles or []) if c.index is not None}
    indexes = {header: column.index for header, column in present.items() if column.index is not None}
    if titles is not None and csv_frame(source, present) is not None:
        return _lines_side(str(path), indexes, source.paths, source.structure.quotes, tuple(titles))
    return _rows_side(path, layout.id, chosen, present, indexes)


def _decoded(path: Path, layout: FileInterface, encoding: str | None,
             declared: Mapping[str, str]) -> tuple[str, Decoded]:
    """The encoding ``validate`` chooses for the file, and the file decoded in it. Where it would
    detect the encoding and UTF-8 (its first candidate) is allowed, the file is decoded as UTF-8
    at once: detecting decodes the whole file, and decoding it again would read it twice."""
    from conformance.checks.files.encoding import decode, starts_with_bom, with_bom
    from conformance.checks.files.limits import CANDIDATE_ENCODINGS
    from conformance.validate import _declared

    if not encoding and layout.id not in declared and CANDIDATE_ENCODINGS[0] == "utf-8":
        utf8 = with_bom("utf-8", starts_with_bom(path))
        if utf8 in layout.encodings or (utf8 == "utf-8" and "utf-8-sig" in layout.encodings):
            decoded = decode(path, utf8)
            if decoded.source is not None:
                return utf8, decoded
    chosen = _declared(path, layout, encoding, declared)
    return chosen, decode(path, chosen)


def _lines_side(name: str, indexes: Mapping[str, int], paths: Sequence[Path], quoted: bool,
                titles: tuple[str, ...]) -> Side:
    import polars as pl

    from conformance.columnar.lines import named_columns

    def read(headers: Sequence[str], only: np.ndarray | None) -> pl.LazyFrame:
        return named_columns(paths, quoted, {h: indexes[h] for h in headers}, _LINE, only=only)[0]

    lines = None
    if not quoted:
        scanned = pl.scan_lines(list(paths), name=_TEXT, row_index_name=_LINE, row_index_offset=1, glob=False)
        lines = scanned.filter((pl.col(_LINE) >= 2) & (pl.col(_TEXT) != "")).with_columns(pl.col(_LINE).cast(pl.Int64))
    single = paths[0] if lines is not None and len(paths) == 1 else None
    return Side(name, indexes, read, lines, titles, sum(path.stat().st_size for path in paths), single)


def _rows_side(path: Path, layout_id: str, encoding: str, present: Mapping[str, Any],
               indexes: Mapping[str, int]) -> Side:
    import polars as pl

    from conformance.checks.files.invariants import row_frame
    from conformance.targets.base import ExportFile

    rows = row_frame(ExportFile(path, layout_id, encoding), encoding, present).collect()

    def read(headers: Sequence[str], only: np.ndarray | None) -> pl.LazyFrame:
        frame = rows.lazy().select(_LINE, *headers)
        return frame if only is None else frame.filter(pl.col(_LINE).is_in(pl.Series(only, dtype=pl.Int64).implode()))

    return Side(str(path), indexes, read, size=path.stat().st_size)


#: What a spreadsheet may read as the start of a formula (CSV/formula injection, OWASP): such a
#: cell of the lists is written with a leading apostrophe, so it shows as the text it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: Characters a worksheet cannot hold (openpyxl refuses them) and a reader should not get raw in
#: a CSV either: control characters other than tab, LF and CR.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutral(value: Any) -> Any:
    """``value`` as a list cell: control characters shown as escapes (``\\x1b``), and a string a
    spreadsheet would take for a formula prefixed with '."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutral(list_header(c)) for c in columns])
    writer.writerows([["" if row.get(c) is None else neutral(row.get(c)) for c in columns] for row in rows])
    return out.getvalue()


TOTAL_COLUMNS: tuple[str, ...] = ("item", "value", "old", "new", "difference")
ERROR_COLUMNS: tuple[str, ...] = ("kind", "key", "file", "line", "item", "old", "new", "reason")
#: The lists' columns in Japanese, for the officer who reads them; the English code (the key of the
#: JSON document, ``--json``) stands beside each (issue 27, item 10).
LIST_HEADERS: Mapping[str, str] = {
    "item": "項目", "value": "値", "old": "旧システム", "new": "新システム", "difference": "差",
    "kind": "区分", "key": "キー", "file": "ファイル", "line": "行", "reason": "理由",
}
#: What each count of a reconciliation counts, in Japanese, the code beside it.
COUNT_LABELS: Mapping[str, str] = {
    "total_differences": "照合リストの差がある行", "missing_in_new": "新システムに無いキー",
    "missing_in_old": "旧システムに無いキー", "different": "値が異なる項目",
}


def list_header(column: str) -> str:
    """A list's column header: ``項目 (item)``."""
    return f"{LIST_HEADERS[column]} ({column})"


def counts_text(counts: Mapping[str, int]) -> str:
    """The counts of a reconciliation, one by one: ``値が異なる項目 (different) 2, ...``."""
    return ", ".join(f"{COUNT_LABELS.get(name, name)} ({name}) {number}" for name, number in counts.items())


#: The record of a disclosure written beside the lists that show unmasked values.
DISCLOSURE_RECORD = "開示記録.txt"


def write_lists(result: Reconciliation, out: Path) -> list[Path]:
    """照合リスト.csv, エラーリスト.csv (UTF-8 with a BOM, as spreadsheet users open them) and
    照合リスト.xlsx with both sheets. Every list is made in memory first, then each file written
    whole (private, renamed into place): a list that cannot be made leaves no file behind."""
    from conformance.inputs import write_private

    lists: list[tuple[str, list[dict[str, Any]], tuple[str, ...]]] = [
        ("照合リスト", result.totals, TOTAL_COLUMNS), ("エラーリスト", result.errors, ERROR_COLUMNS)]
    contents = [(out / f"{name}.csv", csv_text(rows, columns).encode("utf-8-sig")) for name, rows, columns in lists]
    contents.append((out / "照合リスト.xlsx", _workbook(lists)))
    if result.disclosure is not None:  # lists with unmasked values never leave without their record
        contents.append((out / DISCLOSURE_RECORD, (result.disclosure.line() + "\n").encode("utf-8")))
    for path, data in contents:
        write_private(path, data)
    return [path for path, _ in contents]


def _workbook(lists: Sequence[tuple[str, list[dict[str, Any]], tuple[str, ...]]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for index, (name, rows, columns) in enumerate(lists):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = name
        sheet.append([neutral(list_header(c)) for c in columns])
        for row in rows:
            sheet.append([neutral(row.get(c)) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def reconcile_files(old: Path, new: Path, layout_id: str, key: Sequence[str], *, catalog: Path | None = None,
                    profile: Path | None = None, encoding: str | None = None,
                    disclosure: Disclosure | None = None) -> Reconciliation:
    """Reconcile two export files of the catalog layout ``layout_id`` (``conformance reconcile``):
    the catalog and the profile loaded, the layout resolved with the profile's column names and
    transformations. A UsageError names an input that cannot be used."""
    from conformance.catalog.layouts import LayoutSpec
    from conformance.catalog.loader import load_catalog
    from conformance.locations import default_catalog_root
    from conformance.messages import display_path
    from conformance.profiles import load_profile
    from conformance.targets.exports import ColumnMaps
    from conformance.transformations import resolve
    from conformance.validate import _edition, _interface

    for path in (old, new):
        if not path.is_file():
            raise UsageError(f"{path}: not a regular file" if path.exists() else f"{path}: no such file")
    chosen = load_profile(profile) if profile is not None else None
    edition = _edition(load_catalog(catalog or default_catalog_root()), [layout_id], chosen)
    layout = _interface(edition, layout_id)
    if layout.format != "csv":
        raise UsageError(f"--layout {layout_id}: reconcile reads csv layouts (this one is {layout.format})")
    exports = chosen.targets.exports if chosen is not None else None
    spec = LayoutSpec.of(edition, layout, ColumnMaps.of(exports).column_map(layout_id))
    declared_transforms = exports.reconcile.get(layout_id) if exports else None
    transforms = resolve(declared_transforms, spec, display_path(profile) if profile else "profile")
    with ExitStack() as stack:
        declared = exports.encoding if exports else {}
        sides = [read_side(path, layout, spec, encoding, declared, stack) for path in (old, new)]
        return reconcile(sides[0], sides[1], spec, key, transforms, disclosure)
