"""Benchmark: ``conformance reconcile`` of a large migration (issue 15, item 6).

Writes OLD, a residents_csv export of N rows (export_validation.py's realistic file: unique keys,
no defects), and NEW, the same rows with a known number dropped, added and altered (one item
each), then runs the reconcile command's own path (``conformance.reconcile.reconcile_files``, then the lists
written with ``--out``) in a child process and prints the seconds, rows/s (of OLD), the child's
peak RSS and whether the エラーリスト has exactly the planted differences.

    python benchmarks/reconcile.py                   # 1M rows
    python benchmarks/reconcile.py --rows 200000 --changes 100
    python benchmarks/reconcile.py --width-all       # a profile declaring width: all (every item
                                                     # transformed: the per-item hash path)
    python benchmarks/reconcile.py --polars          # the polars first pass where the compiled one
                                                     # would run (to compare the two)

A script, not a test: it prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_new(old: Path, new: Path, changes: int, seed: int) -> dict[str, int]:
    """NEW from OLD: ``changes`` lines dropped, as many altered (性別 1 <-> 2) and as many added
    (copies of altered lines under new keys, at the end); the expected counts."""
    with old.open(encoding="utf-8", newline="") as stream:
        header = stream.readline()
        lines = stream.readlines()
    rng = random.Random(seed)
    chosen = rng.sample(range(len(lines)), 2 * changes)
    dropped, altered = set(chosen[:changes]), set(chosen[changes:])
    sex = header.rstrip("\n").split(",").index("性別")
    added: list[list[str]] = []
    with new.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        for index, line in enumerate(lines):
            if index in dropped:
                continue
            if index in altered:
                fields = line.rstrip("\n").split(",")
                fields[sex] = "2" if fields[sex] == "1" else "1"
                line = ",".join(fields) + "\n"
                if len(added) < changes:
                    added.append(fields)
            out.write(line)
        serial = 900_000_000  # keys no tile of the town reaches
        for fields in added:
            serial, number = _atena(serial)
            out.write(",".join([number, *fields[1:]]) + "\n")
    return {"missing_in_new": changes, "missing_in_old": len(added), "different": len(altered)}


def _atena(serial: int) -> tuple[int, str]:
    """The next serial after ``serial`` that has an M11W2-7 check digit, and its 宛名番号."""
    from conformance.oracles.identifiers import m11w2_7_check_digit

    while True:
        serial += 1
        digit = m11w2_7_check_digit(f"{serial:09d}")
        if digit is not None:
            return serial, f"{serial:09d}{digit}"


def child(old: Path, new: Path, out: Path, profile: Path | None = None) -> None:
    import conformance.reconcile
    from conformance.reconcile import reconcile_files, write_lists

    conformance.reconcile.COMPILED = os.environ.get("RECONCILE_BENCH_POLARS") != "1"

    started = time.perf_counter()
    result = reconcile_files(old, new, "residents_csv", ["宛名番号"], profile=profile)
    judged = time.perf_counter() - started
    write_lists(result, out)
    seconds = time.perf_counter() - started
    peak = _peak()
    counts = {k: v for k, v in result.counts.items() if k != "total_differences"}
    print(json.dumps({"seconds": seconds, "judged": judged, "peak": peak, "counts": counts}))


def _peak() -> int:
    """This process's peak RSS in bytes: VmHWM where /proc has it (ru_maxrss survives exec, so a
    child started by a large parent would report at least the parent's size), else ru_maxrss."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes) * 1024


def _width_profile(workdir: Path) -> Path:
    path = workdir / "width_all.yaml"
    path.write_text("name: bench\nproduct: bench\nversion: '1'\nclaims: [{domain: jumin, edition: '1.0'}]\n"
                    "targets:\n  exports:\n    via: directory\n    files: {residents_csv: new.csv}\n"
                    "    reconcile: {residents_csv: {width: all}}\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--changes", type=int, default=1000, help="lines dropped, altered and added (each)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=20200901)
    parser.add_argument("--width-all", action="store_true", help="declare the width transformation on every item")
    parser.add_argument("--polars", action="store_true", help="the polars first pass only (not the compiled one)")
    parser.add_argument("--child", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*(Path(p) for p in args.child))
        return 0
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from export_validation import generate

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="reconcile-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    old, new = workdir / f"old_{args.rows}.csv", workdir / f"new_{args.rows}.csv"
    generate(old, args.rows, 0.0, args.seed)
    expected = make_new(old, new, args.changes, args.seed)
    profile = _width_profile(workdir) if args.width_all else None
    os.sync()
    print(f"machine: {os.cpu_count()} cores; {args.rows:,} rows, OLD {old.stat().st_size / 1e6:.0f} MB; "
          f"expected {expected}")
    paths = [str(old), str(new), str(workdir / "lists"), *([str(profile)] if profile else [])]
    environment = {**os.environ, "RECONCILE_BENCH_POLARS": "1" if args.polars else "0"}
    done = subprocess.run([sys.executable, __file__, "--child", *paths],
                          capture_output=True, text=True, check=False, cwd=ROOT, env=environment)
    if done.returncode != 0:
        print("ERROR", done.stderr.strip().splitlines()[-1:] or "failed")
        return 1
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    same = "same differences" if measured["counts"] == expected else f"DIFFERS: {measured['counts']}"
    print(f"reconcile {measured['seconds']:.2f} s ({measured['judged']:.2f} s before the lists) "
          f"{args.rows / measured['seconds']:,.0f} rows/s  peak {measured['peak'] / 2**20:.0f} MB  {same}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
