"""Tool-generated mutants of the reference vendor (mutmut 3.8), sampled: the kill rate of the harness.

Why mutmut and not cosmic-ray: mutmut 3 mutates every function of the configured files with its own
operator set (comparisons, constants, strings, arguments, return values ...) and runs each mutant by
switching a trampoline in a forked process, so the reference (a thread of the test process) is
mutated without rewriting files or restarting anything per mutant; cosmic-ray rewrites the module on
disk per mutant and needs a session database and a worker setup, heavier for a one-command benchmark.

The mutated files and the kill suite are in pyproject.toml (``[tool.mutmut]``): the reference's 異動
operations (conformance/reference/driver.py, storage.py) against benchmarks/mutation/test_kills.py
(every catalog scenario and the model's state machine, in one process). The command:

    python benchmarks/mutation_tool.py [--sample N] [--seed S] [--children 2]

generates the mutants (``mutants/``, git-ignored), draws N of them with the seed, runs them two at a
time, and prints the kill rate over the mutants the suite reached, every survivor with its diff
(``mutmut show``), and the ones no test reached. About 40-70 s a mutant on the shared 2-core machine:
``--sample 60`` finishes in under an hour. A survivor is either equivalent (say why) or a gap.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = [sys.executable, "-m", "mutmut"]
#: A mutant that surely exists: the first phase generates every mutant and the test statistics with it.
FIRST = "conformance.reference.driver.x_parse_date__mutmut_1"
#: mutmut's exit codes per mutant (mutmut.__main__.status_by_exit_code).
KILLED, SURVIVED, NO_TESTS, TIMEOUT = 1, 0, 33, 36


def mutant_names() -> dict[str, int | None]:
    """Every generated mutant and its result so far (None: not run)."""
    found: dict[str, int | None] = {}
    for meta in (ROOT / "mutants").rglob("*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return found


def run(names: list[str], children: int) -> None:
    subprocess.run([*MUTMUT, "run", "--max-children", str(children), *names], cwd=ROOT, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=60, help="mutants drawn (0: all)")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--children", type=int, default=2)
    options = parser.parse_args()
    started = time.perf_counter()
    run([FIRST], options.children)
    names = sorted(mutant_names())
    sample = names if options.sample == 0 else sorted(random.Random(options.seed).sample(
        names, min(options.sample, len(names))))
    run(sample, options.children)
    results = mutant_names()
    codes = {name: results.get(name) for name in sample}
    reached = [name for name, code in codes.items() if code not in (NO_TESTS, None)]
    killed = [name for name in reached if codes[name] in (KILLED, TIMEOUT)]
    survived = [name for name in reached if codes[name] == SURVIVED]
    print(f"\n{len(names)} mutants generated; {len(sample)} drawn (seed {options.seed}); "
          f"{time.perf_counter() - started:.0f} s")
    print(f"killed {len(killed)} of {len(reached)} reached ({100 * len(killed) / max(len(reached), 1):.0f}%); "
          f"not reached by any test: {len(sample) - len(reached)}")
    for name in survived:
        print(f"\n-- survived: {name}")
        subprocess.run([*MUTMUT, "show", name], cwd=ROOT, check=False)
    other = {name: code for name, code in codes.items() if code not in (KILLED, SURVIVED, TIMEOUT)}
    if other:
        print("\nother results (33: no test reaches it, 34: skipped, 35: suspicious, None: not run):", other)


if __name__ == "__main__":
    main()
