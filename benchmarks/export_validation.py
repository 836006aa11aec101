"""Benchmark: validating a large export in the catalog's layout (issue 5).

Generates a residents_csv export of N rows (the generated test town, tiled, with a known fraction
of defects per rule family), then, on that same file, runs each method in its own process (so peak
memory figures do not mix) and prints rows/s, the ratio to the raw polars read, peak RSS, and
whether each method found exactly the injected defects:

- floor: polars reads every field of every row (scan_csv, streaming), nothing else;
- ours: the ``file.layout`` check with every rule family of one file (encoding included; not the
  cross-file references, which read a second file);
- ours-content: ``ours`` without the domain invariants (keys, dates, values, municipalities: a pass
  of their own over a few columns, issue 15), the families the figures before issue 15 measured;
- ours-cp932: the same rows as CP932 (streaming transcoding, then the same engine);
- pandera: pandera on polars, the same compiled rules as checks (the file read into memory);
- frictionless: frictionless with the rules as constraints plus a row check for the rest.

It also times loading the whole catalog and collecting the conformance suite.

    python benchmarks/export_validation.py                 # 1M and 5M rows
    python benchmarks/export_validation.py --rows 10000000 # on request
    python benchmarks/export_validation.py --rows 100000 --methods floor ours
    python benchmarks/export_validation.py --rows 1000000 --methods floor ours --repeat 5  # A B A B ...
    python benchmarks/export_validation.py --workdir DIR --reuse ...  # the files of an earlier run in DIR

Each method's process first runs it on the file's first 2,000 lines (``warm_up``: the modules the engine
imports as it reads, numba's cached functions, polars' first queries; its seconds printed apart), every
method alike, so that the figures are the reading of the file; ``--cold`` times the first file of a
process instead.

With ``--repeat N`` the methods run N rounds interleaved (floor, ours, floor, ours ...), each in its
own process, and a last table gives each method's median seconds, the spread (min-max) and the
median of the per-round ratios to the floor: on a shared machine one run's ratio means little.

A script, not a test: it prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
METHODS = ("floor", "ours", "ours-content", "ours-cp932", "pandera", "frictionless")
#: (family, header, value or a marker): one defect kind per rule family; each defective row gets one.
DEFECTS: tuple[tuple[str, str, str], ...] = (
    ("codes", "性別", "9"),
    ("check_digits", "宛名番号", "0000000010"),
    ("types", "異動日", "2023-02-30"),
    ("lengths", "住所_町字", "町" * 51),
    ("char_classes", "氏名_フリガナ", "やまだ　たろう"),
    ("required", "住所_町字", ""),
    ("patterns", "在留カード等番号", "ab12345678cd"),
    ("category_items", "国籍等_国名コード", "156"),
    ("fields", "", "<extra field>"),
)


# ---------------------------------------------------------------------------------------------
# The export


def layout_headers() -> list[str]:
    from conformance.testdata.town import town_headers

    return list(town_headers())


def generate(path: Path, rows: int, rate: float, seed: int, worst_case: bool = False) -> dict[str, int]:
    """Write ``rows`` town rows with ``rate`` of them defective per defect kind; the expected
    counts per 'family|header'.

    The town is tiled. By default each tile gets its own 宛名番号 and 世帯番号 (fresh serials with
    their M11W2-7 check digit), so keys are unique and each household has its one 世帯主 as in a
    real export, and 住所_市区町村 is a real municipality (沼津市 222038, from the shipped
    全国地方公共団体コード list). ``worst_case`` keeps the tiles as they are: every key repeated
    in every tile and the town's fictional 市区町村コード 229997 on every row, so the domain
    invariants word and count a finding on almost every record."""
    from conformance.testdata.town import generate_town

    headers = layout_headers()
    base = [[row[h] for h in headers] for row in generate_town(seed=seed, households=1100)]
    if not worst_case:
        city, code = headers.index("住所_市区町村"), headers.index("住所_市区町村コード")
        for values in base:
            values[city], values[code] = REAL_CITY
    atena, setai = headers.index("宛名番号"), headers.index("世帯番号")
    assert (atena, setai) == (0, 1), "the first two fields are rewritten per tile"
    lines = [_line(values) for values in base]
    rests = [line.split(",", 2)[2] for line in lines]  # the fields after 宛名番号 and 世帯番号 (digits, unquoted)
    rng = random.Random(seed)
    planned = _plan(rng, base, headers, rows, rate)
    expected: Counter[str] = Counter()
    numbers = _TileNumbers()
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_line(headers))
        block: list[str] = []
        for index in range(rows):
            tile, at = divmod(index, len(base))
            values = base[at]
            kind = planned.get(index)
            if worst_case:
                first, second = values[atena], values[setai]
            else:
                first, second = numbers.atena(tile, values[atena]), numbers.setai(tile, values[setai])
            if kind is None:
                block.append(lines[at] if worst_case else f"{first},{second},{rests[at]}")
            else:
                if kind[0] == "check_digits" and not worst_case:  # a wrong check digit, the key still unique
                    kind = (kind[0], kind[1], first[:-1] + str((int(first[-1]) + 1) % 10))
                block.append(_defective([first, second, *values[2:]], headers, kind))
                expected[f"{kind[0]}|{kind[1]}"] += 1
            if len(block) >= 100_000:
                out.write("".join(block))
                block.clear()
        out.write("".join(block))
    return dict(expected)


#: The municipality of the realistic file (a real 全国地方公共団体コード, R6-01-01 list).
REAL_CITY = ("沼津市", "222038")


class _TileNumbers:
    """Per tile, fresh 宛名番号 and 世帯番号 for the town's (serials with an M11W2-7 check digit,
    skipping serials whose remainder is 1, as the town does)."""

    def __init__(self) -> None:
        self._tile = -1
        self._maps: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._next = [100_000_000, 500_000_000]

    def atena(self, tile: int, original: str) -> str:
        return self._number(tile, 0, original)

    def setai(self, tile: int, original: str) -> str:
        return self._number(tile, 1, original)

    def _number(self, tile: int, kind: int, original: str) -> str:
        from conformance.oracles.identifiers import m11w2_7_check_digit

        if tile != self._tile:
            self._tile, self._maps = tile, ({}, {})
        mapped = self._maps[kind].get(original)
        if mapped is None:
            while True:
                self._next[kind] += 1
                serial = f"{self._next[kind]:09d}"
                digit = m11w2_7_check_digit(serial)
                if digit is not None:
                    break
            mapped = self._maps[kind][original] = serial + str(digit)
        return mapped


def _plan(rng: random.Random, base: Sequence[Sequence[str]], headers: Sequence[str], rows: int,
          rate: float) -> dict[int, tuple[str, str, str]]:
    """Row index -> defect kind, disjoint, each kind on rows where it is one defect only."""
    kind_of = headers.index("住民種別")
    card = headers.index("在留カード等番号")
    fits = {
        "patterns": lambda r: base[r % len(base)][card] != "",
        "category_items": lambda r: base[r % len(base)][kind_of] == "1",
    }
    planned: dict[int, tuple[str, str, str]] = {}
    per_kind = max(1, int(rows * rate))
    for kind in DEFECTS:
        fit = fits.get(kind[0], lambda r: True)
        placed = 0
        while placed < per_kind:
            row = rng.randrange(rows)
            if row not in planned and fit(row):
                planned[row] = kind
                placed += 1
    return planned


def _line(values: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _defective(values: Sequence[str], headers: Sequence[str], kind: tuple[str, str, str]) -> str:
    family, header, value = kind
    if family == "fields":
        return _line([*values, "x"])
    changed = list(values)
    changed[headers.index(header)] = value
    return _line(changed)


def to_cp932(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8", newline="") as inp, target.open("w", encoding="cp932", newline="") as out:
        while chunk := inp.read(8 * 1024 * 1024):
            out.write(chunk)


# ---------------------------------------------------------------------------------------------
# Methods (each runs in a child process)


Timed = tuple[float, dict[str, int]]


def run_floor(path: Path) -> Timed:
    import polars as pl

    started, cpu = time.perf_counter(), time.process_time()
    # Every field of every row parsed; ragged lines truncated (the export has some on purpose).
    lazy = pl.scan_csv(path, infer_schema=False, truncate_ragged_lines=True)
    lazy.select(pl.all().null_count()).collect(engine="streaming")
    return time.perf_counter() - started, {"_cpu_ms": round((time.process_time() - cpu) * 1000)}


def run_ours(path: Path, encoding: str, invariants: bool = True) -> Timed:
    from conformance.checks import files
    from conformance.checks.files import invariants as invariants_module
    from conformance.checks.registry import CheckContext
    from conformance.targets.base import Target
    from conformance.targets.exports import DirectoryExportSource
    from conformance.testdata.town import jumin_edition

    layout = "residents_csv" if encoding == "utf-8" else "residents_csv_cp932"
    catalog = jumin_edition()
    requirement = next(r for r in catalog.requirements if r.id == "jumin-1.0-10.6-R001")
    source = DirectoryExportSource(path.parent, {layout: path.name}, {layout: encoding})
    target = Target(catalog=catalog, exports=source)
    # Every family that reads this one file; cross-file rules (references) need the other file of
    # the relation, which the floor does not read either.
    rules = [family for family in files.FAMILIES
             if family != "references" and (invariants or family not in files.INVARIANT_FAMILIES)]
    context = CheckContext(requirement=requirement, params={"layout": layout, "rules": rules},
                           target=target)
    import polars  # noqa: F401  (imported before the clock starts, as for the other methods)

    load = _load_screen()
    started, cpu = time.perf_counter(), time.process_time()
    findings = list(files.file_layout(context))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    scan: files.ContentScan = target.cache[f"file.layout:{layout}:content"]
    counts = {f"{family}|{header}": n for (family, header), n in scan.counts.items() if family != "header"}
    counts["_engine"] = 1 if scan.engine == "columnar" else 0
    if invariants:  # the invariant families' counts, printed apart (the injected defects are content ones)
        judged: invariants_module.InvariantScan = target.cache[f"file.layout:{layout}:invariants"]
        counts["_invariants"] = sum(judged.counts.values())
    counts["_findings_shown"] = len(findings)
    counts["_load_ms"] = round(load * 1000)
    counts["_cpu_ms"] = round(cpu * 1000)
    return seconds, counts


def _load_screen() -> float:
    """Import numba and load the compiled screen (numba's on-disk cache; it compiles on the first
    run on a machine): once per process, like an import, so timed apart and printed."""
    from conformance.columnar import kernel

    started = time.perf_counter()
    kernel.available()  # imports numba and loads (or compiles) the screen
    return time.perf_counter() - started


def _compiled(header: Sequence[str]) -> tuple[Any, Any]:
    from conformance.catalog.layouts import LayoutSpec
    from conformance.columnar.compile import compile_rules
    from conformance.testdata.town import jumin_edition, residents_layout

    spec = LayoutSpec.of(jumin_edition(), residents_layout())
    columns = spec.columns(header)
    return spec, compile_rules(spec, columns, len(header))


def run_pandera(path: Path) -> Timed:
    import pandera.polars as pa
    import polars as pl

    from conformance.columnar.compile import NFIELDS, RECORD, value_name

    _, rules = _compiled(layout_headers())
    started = time.perf_counter()
    frame = pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True, empty_string_is_null=False)
    header = list(frame.columns)
    frame = frame.rename({h: value_name(i) for i, h in enumerate(header)})
    frame = frame.with_columns(pl.lit(True).alias(RECORD), pl.lit(len(header), dtype=pl.UInt32).alias(NFIELDS))
    checks = []
    for rule in rules:
        exact = rule.refine if rule.refine is not None else rule.expr

        def check(data: Any, mask: Any = exact) -> Any:
            return data.lazyframe.select(~mask.fill_null(False))

        checks.append(pa.Check(check, name=f"{rule.family}|{rule.column.header if rule.column else ''}"))
    schema = pa.DataFrameSchema(checks=checks)
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        found = errors.failure_cases.group_by("check").len()
        return time.perf_counter() - started, {str(k): int(v) for k, v in found.iter_rows()}
    return time.perf_counter() - started, {}


def run_frictionless(path: Path) -> Timed:
    import frictionless
    from frictionless import Check, Resource, Schema, errors, fields

    from conformance.checks import files

    spec, _ = _compiled(layout_headers())

    columns = {c.header: c for c in spec.columns(layout_headers())}
    family_of: dict[tuple[str, str], str] = {}
    schema_fields = []
    for header, column in columns.items():
        item, constraints = column.item, {}
        if item.required:
            constraints["required"] = True
            family_of[header, "required"] = "required"
        if item.length is not None:
            constraints["maxLength"] = item.length
            family_of[header, "maxLength"] = "lengths"
        if item.type == "code":
            constraints["enum"] = sorted(column.codes)
            family_of[header, "enum"] = "codes"
        elif item.type == "flag":
            constraints["enum"] = ["0", "1"]
            family_of[header, "enum"] = "types"
        pattern = _frictionless_pattern(column)
        if pattern is not None:
            constraints["pattern"], family = pattern
            family_of[header, "pattern"] = family
        schema_fields.append(fields.StringField(name=header, constraints=constraints))

    class RowRules(Check):  # type: ignore[misc]
        """What constraints cannot say: calendar dates, check digits, conditions between items."""

        type = "row-rules"
        Errors: ClassVar[list[Any]] = [errors.RowError]

        def validate_row(self, row: Any) -> Iterator[Any]:
            values = {h: (row[h] if row[h] is not None else "") for h in columns}
            line = row.row_number + 1
            record = files.Row(line, values)
            for header, column in columns.items():
                value = values[header]
                if value and column.item.check_digit and files.check_check_digit(column, value):
                    yield errors.RowError.from_row(row, note=f"check_digits|{header}")
                if value and column.item.type == "date" and files.check_type(column, value) and \
                        files.rules._DATE.fullmatch(value) and files.is_date(value, "lenient"):
                    yield errors.RowError.from_row(row, note=f"types|{header}")  # the calendar, not the form
            for family in files.ROW_FAMILIES:
                for column, _problem in files.ROW_RULES[family](spec, tuple(columns.values()), record):
                    if family == "required" and column.item.required:
                        continue  # the required constraint reports it
                    yield errors.RowError.from_row(row, note=f"{family}|{column.header}")

    resource_ = Resource(path=path.name, basepath=str(path.parent), schema=Schema(fields=schema_fields))
    started = time.perf_counter()
    report = frictionless.validate(resource_, checks=[RowRules()], limit_errors=10**9)
    found: Counter[str] = Counter()
    for error in report.tasks[0].errors:
        found[_frictionless_family(error, family_of)] += 1
    return time.perf_counter() - started, dict(found)


def _frictionless_pattern(column: Any) -> tuple[str, str] | None:
    """A full-match pattern for the column's form (types, patterns or character class)."""
    from conformance.catalog.layouts import CHAR_CLASSES
    from conformance.columnar.compile import _LENIENT_DATE

    item = column.item
    if item.type == "date":
        return _LENIENT_DATE.strip("^$"), "types"
    if item.type == "integer":
        return "-?[0-9]+", "types"
    if column.pattern is not None:
        return column.pattern.pattern.strip("^$"), "patterns"
    if item.char_class is not None:
        forbidden = CHAR_CLASSES[item.char_class].python().pattern  # [^allowed] or [forbidden]
        allowed = "[" + forbidden[2:] if forbidden.startswith("[^") else "[^" + forbidden[1:]
        return allowed + "*", "char_classes"
    return None


def _frictionless_family(error: Any, family_of: Mapping[tuple[str, str], str]) -> str:
    if error.type == "extra-cell":
        return "fields|"
    if error.type == "row-error":
        return str(error.note)
    if error.type == "constraint-error":
        name = error.note.split('"')[1] if '"' in error.note else ""
        return f"{family_of.get((error.field_name, name), name)}|{error.field_name}"
    return f"{error.type}|{getattr(error, 'field_name', '')}"


def child(method: str, path: Path, warm: bool = True) -> None:
    """One method on one file: seconds exclude imports and catalog loading (timed apart); with ``warm``,
    also what the process pays once before its first file (see warm_up, printed apart)."""
    warmed = warm_up(method, path) if warm else None
    seconds, counts = run_method(method, path)
    if warmed is not None:
        counts["_warmup_ms"] = round(warmed * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    # Worker processes (CP932 transcoding, one per core at once, before the engine runs): the
    # largest one's peak, printed beside this process's own.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "peak": peak, "workers": workers, "counts": counts}))


def run_method(method: str, path: Path) -> Timed:
    if method == "floor":
        return run_floor(path)
    if method == "ours":
        return run_ours(path, "utf-8")
    if method == "ours-content":
        return run_ours(path, "utf-8", invariants=False)
    if method == "ours-cp932":
        return run_ours(path, "cp932")
    if method == "pandera":
        return run_pandera(path)
    return run_frictionless(path)


#: Lines of the file the warm-up reads (its header and the first records).
WARMUP_LINES = 2_000


def warm_up(method: str, path: Path) -> float:
    """The method on the first WARMUP_LINES lines of ``path`` (a file of their own, removed after), in
    this process before the timed run, every method alike: what a process pays once before its first
    file (the modules imported inside the engine, numba's cached functions loaded beyond the screen,
    polars' first queries: 60-100 ms of a 1M-row file's 0.6 s) is then not timed as reading the file.
    The compiled screen reads files of 48 MB and more: it is switched on for this small one, so that the
    warm-up takes the timed run's path. Returns its seconds (printed apart)."""
    from conformance.checks.files import limits

    head = path.with_name(f".warmup-{path.name}")
    with path.open("rb") as source, head.open("wb") as out:
        for _ in range(WARMUP_LINES):
            line = source.readline()
            if not line:
                break
            out.write(line)
    saved = limits.SCREEN_MIN_BYTES
    limits.SCREEN_MIN_BYTES = 0
    try:
        started = time.perf_counter()
        run_method(method, head)
        return time.perf_counter() - started
    finally:
        limits.SCREEN_MIN_BYTES = saved
        head.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# The run


def measure(method: str, path: Path, warm: bool = True) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path), *([] if warm else ["--cold"])],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


def agreement(method: str, counts: Mapping[str, int], expected: Mapping[str, int]) -> str:
    found = {k: v for k, v in counts.items() if not k.startswith("_") and v}
    if method == "floor":
        return "-"
    if found == dict(expected):
        return "same defects"
    missing = {k: v for k, v in expected.items() if found.get(k) != v}
    extra = {k: v for k, v in found.items() if k not in expected}
    return f"DIFFERS: expected {missing} found {({k: found.get(k, 0) for k in missing} | extra)}"


def catalog_figures() -> list[tuple[str, float]]:
    code = ("import time; t=time.perf_counter(); from conformance import load_catalog; "
            "from conformance.locations import default_catalog_root; load_catalog(default_catalog_root()); "
            "print(time.perf_counter()-t)")
    load = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    from conformance.cli.run import _UNUSED_PLUGINS

    # The plugins `conformance run` blocks are blocked here too (Hypothesis' own costs 0.8 s).
    command = [sys.executable, "-m", "pytest", "--conformance", "--collect-only", "-q", "-p", "no:cacheprovider",
               *_UNUSED_PLUGINS]
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    collect = time.perf_counter() - started
    figures = [("pytest --conformance --collect-only -q, plugins as `conformance run` (whole process)", collect)]
    if load.returncode == 0:
        figures.insert(0, ("import conformance + load_catalog (whole catalog)", float(load.stdout.strip())))
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--rate", type=float, default=0.0005, help="defective rows per defect kind (default 0.05%%)")
    parser.add_argument("--methods", nargs="+", choices=METHODS, default=list(METHODS))
    parser.add_argument("--frictionless-max-rows", type=int, default=None,
                        help="skip frictionless above this size (it reads ~10k rows/s)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=20200901)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of every method, interleaved (A B A B ...)")
    parser.add_argument("--worst-case", action="store_true",
                        help="tile the town as it is: every key repeated, its fictional 市区町村コード on every row "
                             "(the domain invariants' worst case)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the files an earlier run left in --workdir (generating 10M rows takes minutes)")
    parser.add_argument("--cold", action="store_true",
                        help="no warm-up: each method's process times its first file, with what a process pays "
                             "once before it (see warm_up)")
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]), warm=not args.cold)
        return 0
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="export-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; files in {workdir}")
    for name, seconds in catalog_figures():
        print(f"{name}: {seconds:.2f} s")
    for rows in args.rows:
        bench(rows, args, workdir)
    return 0


def bench(rows: int, args: argparse.Namespace, workdir: Path) -> None:
    path = workdir / f"residents_{rows}{'.worst' if args.worst_case else ''}.csv"
    started = time.perf_counter()
    expected = generated(path, rows, args)
    os.sync()  # the file's pages written back first: the methods then time reading, not the disk
    size = path.stat().st_size
    print(f"\n== {rows:,} rows, {size / 1e6:.0f} MB UTF-8{', worst case' if args.worst_case else ''}, "
          f"{sum(expected.values()):,} defects "
          f"({len(expected)} kinds), generated in {time.perf_counter() - started:.0f} s")
    rounds: list[dict[str, dict[str, Any]]] = []
    for round_number in range(1, max(args.repeat, 1) + 1):
        if args.repeat > 1:
            print(f"-- round {round_number}/{args.repeat}")
        results: dict[str, dict[str, Any]] = {}
        for method in args.methods:
            if method == "frictionless" and args.frictionless_max_rows and rows > args.frictionless_max_rows:
                print(f"{method:13s} skipped (--frictionless-max-rows {args.frictionless_max_rows:,})")
                continue
            target = path
            if method == "ours-cp932":
                # Written in this run (not kept from an earlier one), so that it is in the page cache as
                # the UTF-8 file is: reading either from the disk would time the disk.
                target = workdir / f"residents_{rows}.cp932.csv"
                if not target.exists():
                    to_cp932(path, target)
                    os.sync()
            results[method] = measure(method, target, warm=not args.cold)
            report(method, rows, results, expected)
        if "seconds" in results.get("ours-cp932", {}) and "seconds" in results.get("ours", {}):
            ratio = results["ours"]["seconds"] / results["ours-cp932"]["seconds"]
            print(f"CP932 throughput / UTF-8 throughput: {ratio:.0%}")
        rounds.append(results)
    if len(rounds) > 1:
        summary(rows, rounds)


def generated(path: Path, rows: int, args: argparse.Namespace) -> dict[str, int]:
    """The file of ``rows`` rows and its expected counts: generated, or with ``--reuse`` the file a
    run with the same rows, rate, seed and case left in the work directory (its counts beside it)."""
    counts = path.with_name(path.name + f".{args.rate}.{args.seed}.expected.json")
    if args.reuse and path.exists() and counts.exists():
        found: dict[str, int] = json.loads(counts.read_text(encoding="utf-8"))
        return found
    expected = generate(path, rows, args.rate, args.seed, worst_case=args.worst_case)
    counts.write_text(json.dumps(expected), encoding="utf-8")
    return expected


def summary(rows: int, rounds: Sequence[Mapping[str, Mapping[str, Any]]]) -> None:
    """Per method over the rounds: median seconds, spread, and the median per-round ratio to the floor."""
    import statistics

    print(f"== {rows:,} rows, {len(rounds)} interleaved rounds: median (min-max)")
    methods = [m for m in rounds[0] if all("seconds" in r.get(m, {}) for r in rounds)]
    for method in methods:
        seconds = [r[method]["seconds"] for r in rounds]
        ratios = [r["floor"]["seconds"] / r[method]["seconds"] for r in rounds if "seconds" in r.get("floor", {})]
        ratio = f"{statistics.median(ratios):6.0%} of floor ({min(ratios):.0%}-{max(ratios):.0%})" if ratios else ""
        peak = max(r[method]["peak"] for r in rounds) / 2**20
        cpus = [r[method]["counts"]["_cpu_ms"] / 1000 for r in rounds if "_cpu_ms" in r[method].get("counts", {})]
        floors = [r["floor"]["counts"]["_cpu_ms"] / 1000 for r in rounds if "_cpu_ms" in r[method].get("counts", {})
                  and "_cpu_ms" in r.get("floor", {}).get("counts", {})]
        cpu = (f"  cpu {statistics.median(cpus):.2f} s ({statistics.median(floors) / statistics.median(cpus):.0%} "
               "of the floor's)" if cpus and len(floors) == len(cpus) else "")
        print(f"{method:13s} {statistics.median(seconds):8.2f} s ({min(seconds):.2f}-{max(seconds):.2f}) "
              f"{rows / statistics.median(seconds):12,.0f} rows/s  {ratio}{cpu}  peak {peak:7.0f} MB", flush=True)
    if "ours" in methods and "ours-cp932" in methods:
        shares = [r["ours"]["seconds"] / r["ours-cp932"]["seconds"] for r in rounds]
        print(f"CP932 throughput / UTF-8 throughput: median {statistics.median(shares):.0%} "
              f"({min(shares):.0%}-{max(shares):.0%})", flush=True)


def report(method: str, rows: int, results: Mapping[str, Mapping[str, Any]], expected: Mapping[str, int]) -> None:
    result = results[method]
    if "error" in result:
        print(f"{method:13s} ERROR {result['error']}")
        return
    seconds = result["seconds"]
    floor = results.get("floor", {}).get("seconds")
    ratio = f"{floor / seconds:6.0%} of floor" if floor else ""
    print(f"{method:13s} {seconds:8.2f} s {rows / seconds:12,.0f} rows/s {ratio:>16s}{_cpu(result, results)}  "
          f"peak {result['peak'] / 2**20:7.0f} MB{_workers(result)}  {agreement(method, result['counts'], expected)}"
          f"{_invariants(result)}{_load(result)}", flush=True)


def _cpu(result: Mapping[str, Any], results: Mapping[str, Mapping[str, Any]]) -> str:
    """The CPU seconds of the timed section (every thread of the process), and the floor's CPU
    over this method's: on a shared machine the seconds say how much of it the process got, the
    CPU what the work costs."""
    cpu = result.get("counts", {}).get("_cpu_ms")
    if cpu is None:
        return ""
    floor = results.get("floor", {}).get("counts", {}).get("_cpu_ms")
    ratio = f" ({floor / cpu:.0%} of the floor's)" if floor and cpu else ""
    return f"  cpu {cpu / 1000:6.2f} s{ratio}"


def _invariants(result: Mapping[str, Any]) -> str:
    found = result.get("counts", {}).get("_invariants")
    return f"  (invariants: {found:,} findings)" if found is not None else ""


def _load(result: Mapping[str, Any]) -> str:
    counts = result.get("counts", {})
    load, warmup = counts.get("_load_ms"), counts.get("_warmup_ms")
    shown = f"  (+ {load / 1000:.2f} s once per process: numba and the compiled screen)" if load else ""
    return shown + (f"  (warm-up {warmup / 1000:.2f} s: {WARMUP_LINES:,} lines)" if warmup is not None else "")


def _workers(result: Mapping[str, Any]) -> str:
    workers = result.get("workers", 0)
    return f" (workers {os.cpu_count()} x {workers / 2**20:.0f} MB)" if workers else ""


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
